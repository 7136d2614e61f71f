"""The held-out sibling set (bench/data/siblings2) loads and its gold is consistent.

Cheap checks on files and labels only: no engine run (the set is measured once, by hand,
with bench/cluster.py --set siblings2 and bench/threads.py --set siblings2)."""

import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "bench" / "data" / "siblings2"


def _gold() -> list[dict[str, object]]:
    lines = (ROOT / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def test_every_gold_row_has_its_article_and_sidecar() -> None:
    gold = _gold()
    assert 80 <= len(gold) <= 110
    assert len({g["file"] for g in gold}) == len(gold)
    for g in gold:
        path = ROOT / str(g["file"])
        assert path.read_text(encoding="utf-8").strip()
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert meta["title"] and meta["outlet"]
        assert meta.get("published") == g["published"]


def test_events_nest_in_topics_and_storylines() -> None:
    gold = _gold()
    topic_of: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        assert g["storyline"] == g["topic"]
        topic_of[str(g["event"])].add(str(g["topic"]))
        events[str(g["topic"])].add(str(g["event"]))
    for path in ROOT.glob("articles/*.meta.json"):
        row = next(
            g for g in gold if g["file"] == "articles/" + path.name[: -len(".meta.json")] + ".txt"
        )
        outlets[str(row["event"])].append(json.loads(path.read_text(encoding="utf-8"))["outlet"])
    assert all(len(t) == 1 for t in topic_of.values())  # an event sits in one topic
    sibling_topics = [t for t, evs in events.items() if len(evs) > 1]
    singletons = [t for t, evs in events.items() if len(evs) == 1]
    assert len(sibling_topics) >= 10 and all(len(events[t]) <= 3 for t in sibling_topics)
    assert 3 <= len(singletons) <= 4
    for (
        t
    ) in sibling_topics:  # each sibling event: 3-4 articles, 3+ outlets (a follow-up may share one)
        for ev in events[t]:
            assert 3 <= len(set(outlets[ev])) <= len(outlets[ev]) <= 4
    assert sum(g["published"] is None for g in gold) >= 10  # several undated articles

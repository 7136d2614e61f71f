"""The third held-out sibling set (bench/data/siblings3) loads and its gold is consistent.

Cheap checks on files and labels only: no engine run (the set is measured once, by hand,
with bench/cluster.py --set siblings3 and bench/threads.py --set siblings3)."""

import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "bench" / "data" / "siblings3"


def _gold() -> list[dict[str, object]]:
    lines = (ROOT / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def test_every_gold_row_has_its_article_and_sidecar() -> None:
    gold = _gold()
    assert 90 <= len(gold) <= 110
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
    assert len(sibling_topics) >= 12 and all(len(events[t]) <= 3 for t in sibling_topics)
    assert 4 <= len(singletons) <= 5
    for (
        t
    ) in sibling_topics:  # each sibling event: 3-4 articles, 3+ outlets (a follow-up may share one)
        for ev in events[t]:
            assert 3 <= len(set(outlets[ev])) <= len(outlets[ev]) <= 4
    undated = sum(g["published"] is None for g in gold)
    assert len(gold) // 4 <= undated <= len(gold) // 2  # about a third undated


def test_every_sibling_event_has_a_dated_article_on_its_own_day() -> None:
    gold = _gold()
    first: dict[str, str] = {}
    topic: dict[str, str] = {}
    for g in gold:
        topic[str(g["event"])] = str(g["topic"])
        if g["published"] is not None:
            day = str(g["published"])[:10]
            first[str(g["event"])] = min(first.get(str(g["event"]), day), day)
    events_of: dict[str, set[str]] = defaultdict(set)
    for ev, t in topic.items():
        events_of[t].add(ev)
    assert set(first) >= {e for e, t in topic.items() if len(events_of[t]) > 1}
    by_topic: dict[str, list[str]] = defaultdict(list)
    for ev, day in first.items():
        by_topic[topic[ev]].append(day)
    assert all(len(set(days)) == len(days) for days in by_topic.values())  # siblings days apart

"""The blind sibling sets (bench/data/siblings2, siblings3 and siblings4) load and their gold
is consistent.

Cheap checks on files and labels only: no engine run (each set is measured by hand, with
bench/cluster.py --set NAME and bench/threads.py --set NAME; siblings3 is held out,
siblings2 and siblings4 are development data since s4 and s8)."""

import json
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pytest

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"


class _Bounds(NamedTuple):
    articles: tuple[int, int]
    min_sibling_topics: int
    singletons: tuple[int, int]
    per_event: tuple[int, int] = (3, 4)  # articles (and at least as many outlets as the low end)


SETS = {
    "siblings2": _Bounds((80, 110), 10, (3, 4)),
    "siblings3": _Bounds((90, 110), 12, (4, 5)),
    "siblings4": _Bounds((60, 75), 5, (3, 3), (4, 5)),
}


def _gold(root: Path) -> list[dict[str, object]]:
    lines = (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_row_has_its_article_and_sidecar(name: str) -> None:
    root, bounds = DATA / name, SETS[name]
    gold = _gold(root)
    assert bounds.articles[0] <= len(gold) <= bounds.articles[1]
    assert len({g["file"] for g in gold}) == len(gold)
    for g in gold:
        path = root / str(g["file"])
        assert path.read_text(encoding="utf-8").strip()
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert meta["title"] and meta["outlet"]
        assert meta.get("published") == g["published"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_events_nest_in_topics_and_storylines(name: str) -> None:
    root, bounds = DATA / name, SETS[name]
    gold = _gold(root)
    topic_of: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        assert g["storyline"] == g["topic"]
        topic_of[str(g["event"])].add(str(g["topic"]))
        events[str(g["topic"])].add(str(g["event"]))
    for path in root.glob("articles/*.meta.json"):
        row = next(
            g for g in gold if g["file"] == "articles/" + path.name[: -len(".meta.json")] + ".txt"
        )
        outlets[str(row["event"])].append(json.loads(path.read_text(encoding="utf-8"))["outlet"])
    assert all(len(t) == 1 for t in topic_of.values())  # an event sits in one topic
    sibling_topics = [t for t, evs in events.items() if len(evs) > 1]
    singletons = [t for t, evs in events.items() if len(evs) == 1]
    assert len(sibling_topics) >= bounds.min_sibling_topics
    assert all(len(events[t]) <= 3 for t in sibling_topics)
    assert bounds.singletons[0] <= len(singletons) <= bounds.singletons[1]
    # each sibling event: 3-4 articles, 3+ outlets (a follow-up may share one); siblings4: 4-5
    low, high = bounds.per_event
    for t in sibling_topics:
        for ev in events[t]:
            assert low <= len(set(outlets[ev])) <= len(outlets[ev]) <= high
    assert sum(g["published"] is None for g in gold) >= 10  # several undated articles


def test_siblings3_is_about_a_third_undated() -> None:
    gold = _gold(DATA / "siblings3")
    undated = sum(g["published"] is None for g in gold)
    assert len(gold) // 4 <= undated <= len(gold) // 2  # about a third undated


def test_every_siblings3_event_has_a_dated_article_on_its_own_day() -> None:
    gold = _gold(DATA / "siblings3")
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


def test_siblings4_is_mostly_undated_political_and_long() -> None:
    root = DATA / "siblings4"
    gold = _gold(root)
    undated = sum(g["published"] is None for g in gold)
    assert undated >= 0.6 * len(gold)  # at least 60% undated, as the outside testers' set
    by_event: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        words = len((root / str(g["file"])).read_text(encoding="utf-8").split())
        assert 150 <= words <= 350
        meta = json.loads((root / str(g["file"])).with_suffix(".meta.json").read_text("utf-8"))
        by_event[str(g["event"])].append(meta["outlet"])
    # every event, singletons too, is told by 4-5 different outlets
    assert all(4 <= len(set(o)) == len(o) <= 5 for o in by_event.values())

"""The synthetic article generator used by benchmarks and reliability tests."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from storyline.synth import synthetic_articles, write_jsonl


def test_deterministic_count_and_fields() -> None:
    a = list(synthetic_articles(60, seed=3))
    b = list(synthetic_articles(60, seed=3))
    assert a == b
    assert len(a) == 60
    assert {"title", "text", "outlet", "published", "url", "story"} <= set(a[0])
    assert a != list(synthetic_articles(60, seed=4))


def test_stories_get_distinct_names_and_dates() -> None:
    recs = list(synthetic_articles(300, seed=1))
    by_story = Counter(r["story"] for r in recs)
    assert len(by_story) >= 40  # 3-8 articles per story
    # Two synthetic stories made from the same example story use different invented names.
    same_base = [s for s in by_story if s.startswith("sarel-water-treaty-")][:2]
    titles = [next(r["title"] for r in recs if r["story"] == s) for s in same_base]
    assert titles[0] != titles[1]
    assert "Sarel" not in " ".join(r["text"] for r in recs)
    assert len({r["published"][:10] for r in recs}) > 5


def test_write_jsonl_shards(tmp_path: Path) -> None:
    paths = write_jsonl(tmp_path / "s.jsonl", 25, shards=3)
    assert len(paths) == 3
    lines = [json.loads(x) for p in paths for x in p.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 25

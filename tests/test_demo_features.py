"""The demo's Marrow Point story (examples/ferry, fiction written for the project) shows the
outlet comparison, a toll that grows across reports hours apart, and deaths beside injuries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.models import StoryReport


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoryReport]:
    db = tmp_path_factory.mktemp("ferry") / "f.db"
    with Engine.open(db, embedder="tfidf", extractor="rules") as eng:
        eng.ingest([str(examples_dir() / "ferry")])
        (story,) = eng.stories()
        yield eng.report(story.id)


def test_ferry_is_one_story_of_four_outlets_published_hours_apart(ferry: StoryReport) -> None:
    assert len(ferry.articles) == 4 and ferry.story.n_independent == 4
    times = sorted(a.published or "" for a in ferry.articles)
    assert times[0][:10] == times[2][:10] == "2026-08-03"  # three reports on the same day
    assert len({t[11:16] for t in times[:3]}) == 3


def test_ferry_outlets_label_the_passengers_differently(ferry: StoryReport) -> None:
    assert len(ferry.outlets.outlets) == 4
    texts = {a.id: a.text for a in ferry.articles}
    (people,) = [g for g in ferry.outlets.labels if "migrants" in g.words]
    by_outlet = {u.outlet: u.word for u in people.uses}
    assert by_outlet["Isle Gazette"] == "migrants"
    assert by_outlet["Bay Courier"] == "asylum seekers"
    assert any(u.outlet == "Northern Voice" and u.word == "illegal aliens" for u in people.uses)
    for u in people.uses:
        assert all(texts[c.article][c.start : c.end].lower() == u.word for c in u.cites)


def test_ferry_toll_grows_and_deaths_stand_beside_injuries(ferry: StoryReport) -> None:
    by_date = sorted(ferry.articles, key=lambda a: a.published or "")
    leads = [a.text.split(".")[0] for a in by_date]
    assert "six people died and 14 were injured" in leads[0]
    assert "rose to 11" in leads[1] and "19 people were injured" in leads[1]
    assert "Seventeen people died and 23 were injured" in leads[3]
    brief = " ".join(b.text for b in ferry.brief)
    assert "died" in brief and "injured" in brief
    assert ferry.profile.kind == "disaster"


def test_ferry_files_are_in_the_examples() -> None:
    names = {p.name for p in (examples_dir() / "ferry").iterdir()}
    assert len([n for n in names if n.endswith(".txt")]) == 4
    assert all(Path(n).stem + ".meta.json" in names for n in names if n.endswith(".txt"))

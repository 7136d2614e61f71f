"""Storylines (issue 19): events threaded by shared actors and subject, undated articles placed in time."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app
from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.models import (
    Article,
    ArticleFacts,
    BriefSentence,
    Cite,
    DateBounds,
    DateMention,
    Entity,
    Profile,
    Quantity,
    Stance,
    Story,
    StoryReport,
)
from storyline.stages.analysis import storylines as sl

UNDATED = DateBounds(None, None, True, "no date")


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _event(sid: str, vec: np.ndarray, actors: set[str], day: str | None = None) -> sl.EventSignal:
    dates = DateBounds(day, day, False, f"published {day}") if day else UNDATED
    return sl.EventSignal(sid, f"title {sid}", vec, frozenset(actors), dates, size=2)


# -- the linking rule -------------------------------------------------------------------


def test_events_sharing_actors_and_subject_form_one_storyline_in_time_order() -> None:
    talks = _event("s-b", _unit(1, 0.2, 0), {"mirova", "tessaly", "ana brant"}, "2031-02-01")
    vote = _event("s-a", _unit(1, 0.3, 0.1), {"mirova", "tessaly", "olek"}, "2031-05-10")
    other = _event("s-c", _unit(0, 0, 1), {"harbour", "quay"}, "2031-03-01")
    lines = sl.link_events([vote, other, talks])
    assert [t.events for t in lines] == [["s-b", "s-a"], ["s-c"]]
    assert lines[0].id == "thread-s-b"  # the earliest event names the thread
    assert lines[0].dates["s-a"].earliest == "2031-05-10"
    # every event in exactly one storyline, whatever the input order
    assert sl.link_events([talks, other, vote]) == lines


def test_similar_events_without_shared_actors_stay_apart() -> None:
    one = _event("s-1", _unit(1, 0.1), {"ravel port", "ravel"}, "2031-01-05")
    two = _event("s-2", _unit(1, 0.12), {"ostmark", "kiel bay"}, "2031-01-20")
    assert [t.events for t in sl.link_events([one, two])] == [["s-1"], ["s-2"]]


def test_one_shared_actor_needs_a_higher_cosine() -> None:
    a = _event("s-1", _unit(1, 0), {"mirova", "x1"})
    b = _event("s-2", _unit(1, 1.2), {"mirova", "y1"})  # cosine 0.64
    c = _event("s-3", _unit(1, 1.6), {"mirova", "z1"})  # cosine 0.53 to a
    assert sl.link_events([a, b], one_shared_cosine=0.6)[0].events == ["s-1", "s-2"]
    assert len(sl.link_events([a, c], one_shared_cosine=0.6)) == 2


def test_events_years_apart_are_not_linked() -> None:
    a = _event("s-1", _unit(1, 0), {"mirova", "tessaly"}, "2030-01-01")
    b = _event("s-2", _unit(1, 0), {"mirova", "tessaly"}, "2032-06-01")
    assert len(sl.link_events([a, b])) == 2
    assert len(sl.link_events([a, b], max_gap_days=2000)) == 1


def test_terms_most_events_carry_are_no_evidence() -> None:
    events = [_event(f"s-{i}", _unit(1, 0.01 * i), {"police", "monday"}) for i in range(8)]
    assert len(sl.link_events(events)) == 8


def test_generic_name_words_alone_link_nothing() -> None:
    # "Port Wendle" and "Port of Ossel", "Harbour Minister" and "Trade Minister"
    a = _event("s-1", _unit(1, 0.1), {"port", "minister", "port wendle", "wendle"}, "2031-01-05")
    b = _event("s-2", _unit(1, 0.12), {"port", "minister", "port of ossel", "ossel"}, "2031-02-01")
    assert len(sl.link_events([a, b])) == 2


def test_principal_actors_from_terms_and_from_facts() -> None:
    terms = [["#2031", "mirova", "ana brant", "ana", "brant"], ["mirova", "tessaly", "#14"]]
    actors = sl.actors_from_terms(terms)
    assert actors[0] == "mirova" and not any(t.startswith("#") for t in actors)
    ent = Entity("e1", "Ana Brant", "PERSON", mentions=[Cite("a", 0, 3), Cite("a", 5, 8)])
    org = Entity("e2", "the ministry", "UNNAMED")
    facts = ArticleFacts("a", entities=[ent, org])
    assert sl.actors_from_facts([facts]) == ["ana", "ana brant", "brant"]


# -- dates ------------------------------------------------------------------------------


def _article(aid: str, published: str | None = None) -> Article:
    return Article(id=aid, source=aid, text="Body.", raw="Body.", title="t", published=published)


def _mention(aid: str, date: str, text: str, relative: bool = False) -> DateMention:
    return DateMention(date, "day", text, Cite(aid, 0, 1), relative)


def test_a_published_date_is_its_own_bound_and_not_inferred() -> None:
    b = sl.article_bounds(_article("a", "2031-04-02T09:00:00Z"), None, ["2031-04-02"])
    assert (b.earliest, b.latest, b.inferred) == ("2031-04-02", "2031-04-02", False)


def test_undated_article_rests_on_its_own_dates_and_its_event() -> None:
    facts = ArticleFacts("u", dates=[
        _mention("u", "2031-03-30", "March 30, 2031"),
        _mention("u", "2031-04-01", "Tuesday", relative=True),  # unresolved without a reference
        _mention("u", "2032-12", "December 2032"),  # a plan: after the event's reports
    ])  # fmt: skip
    b = sl.article_bounds(_article("u"), facts, ["2031-04-02", "2031-04-06"])
    assert (b.earliest, b.latest, b.inferred) == ("2031-03-30", "2031-04-06", True)
    assert "March 30, 2031" in b.basis and "2031-04-02 … 2031-04-06" in b.basis


def test_undated_article_without_any_basis_gets_no_date() -> None:
    b = sl.article_bounds(_article("u"), ArticleFacts("u"), [])
    assert (b.earliest, b.latest, b.inferred) == (None, None, True)
    placed = sl.article_bounds(_article("u"), None, ["2031-04-02"])
    assert placed.inferred and placed.earliest == "2031-04-02" and "placed" in placed.basis


def test_event_bounds_prefer_published_dates_and_flag_inference() -> None:
    pub = DateBounds("2031-04-02", "2031-04-02", False, "published")
    inf = DateBounds("2031-03-01", "2031-04-09", True, "its text mentions “March 1, 2031”")
    assert sl.event_bounds([pub, inf]) == DateBounds(
        "2031-04-02", "2031-04-02", False, "1 published date"
    )
    only = sl.event_bounds([inf, UNDATED])
    assert only.inferred and (only.earliest, only.latest) == ("2031-03-01", "2031-04-09")
    assert sl.event_bounds([UNDATED]).earliest is None


# -- what changed between events ------------------------------------------------------------


def _report(sid: str, names: list[str], figures: list[tuple[str, float, str]],
            stances: list[tuple[str, str, str]], brief: str) -> StoryReport:  # fmt: skip
    c = Cite("a", 0, 1)
    return StoryReport(
        story=Story(sid, f"title {sid}", ["a"], None, None, 1),
        articles=[],
        entities=[Entity(f"e{i}", n, "PERSON", mentions=[c]) for i, n in enumerate(names)],
        quotes=[],
        quantities=[Quantity(None, m, v, v, v, "exact", t, c) for t, v, m in figures],
        timeline=[],
        stances=[Stance(a, s, t, None, [c]) for a, s, t in stances],
        claims=[],
        conflicts=[],
        profile=Profile("", [], "", {}),
        brief=[BriefSentence(brief, [c])],
    )


def test_event_changes_list_new_actors_figures_and_reversals() -> None:
    first = _report("s-1", ["Ana Brant"], [("40 ferries", 40, "ferries")],
                    [("Olek Varn", "reject", "the ferry levy")], "Talks open.")  # fmt: skip
    second = _report(
        "s-2", ["Ana Brant", "Olek Varn"],
        [("40 ferries", 40, "ferries"), ("52 ferries", 52, "ferries"), ("three years", 3, "years")],
        [("Olek Varn", "agree", "a smaller ferry levy"), ("Ana Brant", "support", "the port")],
        "The levy passes.",
    )  # fmt: skip
    changes = sl.event_changes([first, second])
    assert [c.story_id for c in changes] == ["s-1", "s-2"]
    assert changes[0].new_actors == [] and changes[0].outcome == "Talks open."
    assert changes[1].new_actors == ["Olek Varn"]
    assert changes[1].new_figures == ["52 ferries"]  # not the repeated one, not a duration
    assert changes[1].reversals == ["Olek Varn: reject → agree (a smaller ferry levy)"]


def test_a_denied_or_uncertain_stance_is_no_reversal() -> None:
    first = _report(
        "s-1", ["Olek Varn"], [], [("Olek Varn", "reject", "the ferry levy")], "Talks open."
    )
    second = _report(
        "s-2", ["Olek Varn"], [], [("Olek Varn", "agree", "the ferry levy")], "A vote."
    )
    denied = replace(second, stances=[replace(second.stances[0], polarity="denied")])
    unsure = replace(second, stances=[replace(second.stances[0], confidence=0.4)])
    assert sl.event_changes([first, second])[1].reversals  # the plain turn is one
    assert sl.event_changes([first, denied])[1].reversals == []  # "did not agree"
    assert sl.event_changes([first, unsure])[1].reversals == []  # someone else's claim


# -- the engine, the CLI and the web app on the bundled examples ----------------------------


@pytest.fixture(scope="module")
def demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    db = tmp_path_factory.mktemp("threads") / "t.db"
    eng = Engine.open(db, embedder="tfidf", extractor="rules")
    eng.ingest([str(examples_dir())])
    return eng


def _gold_threads(eng: Engine) -> dict[str, list[str]]:
    """Manifest gold: storyline label -> story ids, via the stories' article sources."""
    manifest = json.loads((examples_dir().parent / "data" / "examples_manifest.json").read_text())
    story_of_file: dict[str, set[str]] = {}
    for s in eng.stories():
        for a in eng.articles(s.article_ids):
            story_of_file.setdefault(Path(a.source).name, set()).add(s.id)
    out = {}
    for label, events in manifest["storylines"].items():
        ids = []
        for ev in events:
            docs = [d for d in manifest["stories"][ev]["docs"] if "#" not in d]
            found = set().union(*(story_of_file.get(Path(d).name, set()) for d in docs))
            assert len(found) == 1, (ev, found)
            ids.append(found.pop())
        out[label] = ids
    return out


def test_examples_hold_a_storyline_of_two_events(demo_engine: Engine) -> None:
    gold = _gold_threads(demo_engine)["sarel-river"]
    lines = demo_engine.storylines()
    assert sorted(e for t in lines for e in t.events) == sorted(s.id for s in demo_engine.stories())
    several = [t for t in lines if len(t.events) > 1]
    (sarel,) = [t for t in several if set(t.events) & set(gold)]
    assert sarel.events == gold
    assert sarel.id == f"thread-{gold[0]}"
    assert demo_engine.storyline(sarel.id) == sarel
    # the two port strikes (months apart, two countries) share no storyline; a story's
    # follow-up a week later may be an event of its own thread (issue 19's definition)
    for t in several:
        titles = " ".join(demo_engine.story(e).title.lower() for e in t.events)
        assert not ("calder" in titles and "lenora" in titles), titles


def test_threads_cli_json_and_table(demo_engine: Engine) -> None:
    db = str(demo_engine.db_path)
    res = CliRunner().invoke(app, ["threads", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert all(set(r) == {"id", "title", "events"} for r in rows)
    assert any(len(r["events"]) == 2 for r in rows)
    res = CliRunner().invoke(app, ["threads", "--db", db])
    assert res.exit_code == 0 and "thread-" in res.stdout
    bad = CliRunner().invoke(app, ["threads", "--db", db, "--format", "xml"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_threads_api_and_page(demo_engine: Engine) -> None:
    from storyline.web.app import create_app

    gold = _gold_threads(demo_engine)["sarel-river"]
    with TestClient(create_app(engine=demo_engine, warm_actors=False)) as client:
        rows = client.get("/api/threads").json()
        thread = next(r for r in rows if r["events"] == gold)
        assert set(thread["dates"]) == set(gold)
        assert client.get(f"/api/threads/{thread['id']}").json() == thread
        assert client.get("/api/threads/thread-none").status_code == 404
        several = client.get("/api/threads?min_events=2").json()
        assert thread in several and several == [r for r in rows if len(r["events"]) >= 2]
        assert client.get("/api/threads?min_events=0").status_code == 422
        page = client.get(f"/threads/{thread['id']}")
        assert page.status_code == 200
        html = page.text
        first, second = (html.index(f'href="/stories/{sid}"') for sid in gold)
        assert first < second and "New actors" in html and "New figures" in html
        assert client.get("/threads").status_code == 200


@pytest.mark.corpus
def test_corpus_undated_articles_get_bounds_with_a_basis(corpus_dir: Path, tmp_path: Path) -> None:
    with Engine.open(tmp_path / "c.db", embedder="tfidf", extractor="rules") as eng:
        eng.ingest([str(corpus_dir)])
        (story,) = eng.stories()
        assert len(story.article_ids) == 5 and story.n_independent == 4
        eng.report(story.id)  # caches the facts the bounds read
        bounds = eng.date_bounds(story.id)
        dated = [b for b in bounds.values() if not b.inferred]
        assert len(dated) == 1
        for b in bounds.values():
            assert b.basis
            if b.inferred and b.earliest:
                assert b.earliest <= dated[0].latest  # placed no later than the dated report
        (line,) = eng.storylines()
        assert line.events == [story.id] and not line.dates[story.id].inferred

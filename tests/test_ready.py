"""Reports ready when ingest ends: facts extracted during ingest (``--no-extract`` skips it),
partial facts never cached as complete, and the web app's "being analysed" state."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline import pipeline
from storyline.batch import run_batch
from storyline.cli import app as cli_app
from storyline.config import load_settings
from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.models import Article, ArticleFacts
from storyline.web.app import create_app

FAST: dict[str, Any] = {"embedder": "tfidf", "extractor": "rules"}

# Our own made-up articles: two tellings of one story.
HARBOUR_1 = (
    "PORT ELLIS — The Port Ellis harbour board voted on Monday to dredge the northern channel, "
    "a project it expects to cost $40 million over three years.\n"
    "“Bigger ships are already passing us by,” said Mara Quint, the board's chair. She said "
    "work would start in October.\n"
    "Fishermen's association leader Dov Arlen said the dredging would cloud the bay for months.\n"
)
HARBOUR_2 = (
    "The harbour board of Port Ellis approved a plan on Monday to deepen the northern channel "
    "so that larger container ships can dock, at a cost of about $40 million.\n"
    "Chair Mara Quint told reporters that dredging would begin in October and last three years. "
    "“We cannot stay a small port,” Quint said.\n"
    "Dov Arlen, who leads the local fishermen's association, said his members would protest.\n"
)


def _write(folder: Path, texts: Sequence[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        p = folder / f"harbour-{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


def _stored_ids(engine: Engine) -> list[str]:
    return [a for s in engine.stories() for a in s.article_ids]


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every article id the engine extracts, in order (``pipeline.prepare.extract_facts``)."""
    calls: list[str] = []
    real = pipeline.prepare.extract_facts

    def counting(articles: Sequence[Article], settings: Any) -> list[ArticleFacts]:
        calls.extend(a.id for a in articles)
        return real(articles, settings)

    monkeypatch.setattr(pipeline.prepare, "extract_facts", counting)
    return calls


# -- ingest extracts ---------------------------------------------------------------------------


def test_ingest_caches_every_new_articles_facts_and_reports_extract_nothing(
    tmp_path: Path, counted: list[str]
) -> None:
    with Engine.open(tmp_path / "r.db", **FAST) as eng:
        res = eng.ingest([str(examples_dir())])
        ids = _stored_ids(eng)
        assert res.added and set(res.added) == set(ids)
        assert eng.facts_missing(ids) == []  # copies included: reports read their facts too
        assert sorted(counted) == sorted(ids)  # each article extracted once
        counted.clear()
        for s in eng.stories():
            rep = eng.report(s.id)
            assert {a.id for a in rep.articles} == set(s.article_ids)
        assert counted == []  # the reports only analysed


def test_no_extract_leaves_facts_to_the_first_report(tmp_path: Path, counted: list[str]) -> None:
    with Engine.open(tmp_path / "r.db", **FAST) as eng:
        eng.ingest([str(examples_dir())], extract=False)
        ids = _stored_ids(eng)
        assert counted == [] and eng.facts_missing(ids) == ids
        story = max(eng.stories(), key=lambda s: len(s.article_ids))
        eng.report(story.id)
        assert sorted(counted) == sorted(story.article_ids)
        assert eng.facts_missing(story.article_ids) == []


def test_content_already_stored_is_not_extracted_again(tmp_path: Path, counted: list[str]) -> None:
    paths = _write(tmp_path / "in", [HARBOUR_1, HARBOUR_2])
    again = _write(tmp_path / "again", [HARBOUR_1])  # same text, another source
    with Engine.open(tmp_path / "r.db", **FAST) as eng:
        eng.ingest(paths)
        assert len(counted) == 2
        res = eng.ingest(again)
        assert not res.added and len(counted) == 2


def test_progress_advances_per_record_while_extracting(tmp_path: Path, counted: list[str]) -> None:
    """Each record is extracted right after it is read, not all at the end of a chunk."""
    paths = _write(tmp_path / "in", [HARBOUR_1, HARBOUR_2])
    seen: list[tuple[int, int]] = []  # (records read, articles extracted) at each progress call

    def progress(done: int, total: int | None, source: str) -> None:
        seen.append((done, len(counted)))

    with Engine.open(tmp_path / "r.db", **FAST) as eng:
        eng.ingest(paths, progress=progress)
    assert seen == [(1, 0), (2, 1)] and len(counted) == 2


def test_cli_ingest_extracts_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYLINE_EXTRACTOR", "rules")
    monkeypatch.setenv("STORYLINE_EMBEDDER", "tfidf")
    paths = _write(tmp_path / "in", [HARBOUR_1, HARBOUR_2])
    runner = CliRunner()
    for flag, db, expect_missing in (([], "a.db", False), (["--no-extract"], "b.db", True)):
        res = runner.invoke(cli_app, ["ingest", *paths, "--db", str(tmp_path / db), *flag])
        assert res.exit_code == 0, res.output
        with Engine.open(tmp_path / db, **FAST) as eng:
            ids = _stored_ids(eng)
            assert len(ids) == 2
            assert bool(eng.facts_missing(ids)) is expect_missing
    assert "--no-extract" in runner.invoke(cli_app, ["batch", "--help"]).output
    assert "--no-extract" in runner.invoke(cli_app, ["watch", "--help"]).output


def test_batch_no_extract(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", [HARBOUR_1, HARBOUR_2])
    settings = load_settings(**FAST)
    for extract, db in ((False, "a.db"), (True, "b.db")):
        res = run_batch(paths, db=str(tmp_path / db), settings=settings, workers=1,
                        extract=extract)  # fmt: skip
        assert res.added == 2
        with Engine.open(tmp_path / db, **FAST) as eng:
            assert bool(eng.facts_missing(_stored_ids(eng))) is not extract


# -- partial facts -----------------------------------------------------------------------------


@pytest.fixture()
def slow_stances(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stances stage sleeps 0.5 s before doing its work."""
    from storyline.stages.prepare.extract import stances as stances_mod

    real = stances_mod.extract_stances

    def slow(*args: Any) -> Any:
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(stances_mod, "extract_stances", slow)


def test_facts_cut_short_are_marked_partial_and_never_cached(
    tmp_path: Path, slow_stances: None, counted: list[str]
) -> None:
    paths = _write(tmp_path / "in", [HARBOUR_1, HARBOUR_2])
    db = tmp_path / "r.db"
    with Engine.open(db, extract_timeout=0.2, **FAST) as eng:
        eng.ingest(paths)  # extracted while ingesting, cut short: nothing cached
        ids = _stored_ids(eng)
        assert len(counted) == 2 and eng.facts_missing(ids) == ids
        facts = eng.facts(eng.articles(ids))
        assert all(f.partial and "time limit" in f.partial and "stances" in f.partial
                   for f in facts)  # fmt: skip
        assert all(f.entities for f in facts)  # the stages before the limit kept theirs
        assert eng.facts_missing(ids) == ids  # still not cached: extracted again next time
        story = eng.stories()[0]
        out = eng.report(story.id).to_dict()
        notes = {a["id"]: a["note"] for a in out["articles"]}
        assert all(n and "partial" in n for n in notes.values()), notes
        assert len(counted) == 6  # ingest, facts(), and the report each extracted both
    with Engine.open(db, extract_timeout=30, **FAST) as eng:  # a higher limit: complete
        facts = eng.facts(eng.articles(ids))
        assert all(f.partial is None for f in facts)
        assert eng.facts_missing(ids) == []
        out = eng.report(story.id).to_dict()
        assert all(a["note"] is None for a in out["articles"])
        n = len(counted)
        eng.report(story.id)
        assert len(counted) == n  # now read from the cache


# -- the web app -------------------------------------------------------------------------------


@pytest.fixture()
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Extraction waits until the returned event is set (at most a minute)."""
    gate = threading.Event()
    real: Callable[..., list[ArticleFacts]] = pipeline.prepare.extract_facts

    def waiting(articles: Sequence[Article], settings: Any) -> list[ArticleFacts]:
        gate.wait(60)
        return real(articles, settings)

    monkeypatch.setattr(pipeline.prepare, "extract_facts", waiting)
    yield gate
    gate.set()


def _wait_for_report(c: TestClient, sid: str) -> Any:
    for _ in range(600):
        r = c.get(f"/stories/{sid}")
        if "Refresh" not in r.headers:
            return r
        time.sleep(0.1)
    raise AssertionError("the story stayed 'being analysed' for a minute")


def test_story_page_says_being_analysed_until_facts_are_ready(
    tmp_path: Path, gated: threading.Event
) -> None:
    eng = Engine.open(tmp_path / "w.db", **FAST)
    eng.ingest(_write(tmp_path / "in", [HARBOUR_1, HARBOUR_2]), extract=False)
    sid = eng.stories()[0].id
    with TestClient(create_app(engine=eng, warm_actors=False)) as c:
        r = c.get(f"/stories/{sid}")
        assert r.status_code == 200 and r.headers["Refresh"] == "3"
        assert "Being analysed" in r.text and "0 of 2 articles" in r.text
        assert r.headers["Cache-Control"] == "no-store"
        gated.set()
        page = _wait_for_report(c, sid)
        assert page.status_code == 200 and "Being analysed" not in page.text
        assert "Mara Quint" in page.text
        # the JSON contract for a ready report is unchanged
        rep = c.get(f"/api/stories/{sid}/report").json()
        assert rep["story"]["id"] == sid and all(a["note"] is None for a in rep["articles"])
    eng.close()


def test_upload_is_stored_at_once_and_analysed_in_the_background(
    tmp_path: Path, gated: threading.Event
) -> None:
    eng = Engine.open(tmp_path / "w.db", **FAST)
    gated.set()
    eng.ingest(_write(tmp_path / "in", [HARBOUR_1]))  # extracted and cached
    gated.clear()  # from now on extraction waits
    with TestClient(create_app(engine=eng, warm_actors=False)) as c:
        r = c.post("/api/ingest", files=[("files", ("h2.txt", HARBOUR_2.encode(), "text/plain"))])
        assert r.status_code == 200, r.text
        res = r.json()
        assert len(res["added"]) == 1
        sid = res["articles"][0]["story_id"]
        # the upload was stored without its facts (had it extracted them, it would have
        # waited out the gate and cached them): the story is being analysed
        page = c.get(f"/stories/{sid}")
        assert "Refresh" in page.headers and "1 of 2 articles" in page.text
        gated.set()
        page = _wait_for_report(c, sid)
        assert "Dov Arlen" in page.text
        assert eng.facts_missing(eng.story(sid).article_ids) == []
    eng.close()


def test_a_failed_analysis_is_reported_not_analysed_forever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eng = Engine.open(tmp_path / "w.db", **FAST)
    eng.ingest(_write(tmp_path / "in", [HARBOUR_1, HARBOUR_2]), extract=False)
    sid = eng.stories()[0].id

    def broken(articles: Sequence[Article], settings: Any) -> list[ArticleFacts]:
        raise RuntimeError("extractor broke")

    monkeypatch.setattr(pipeline.prepare, "extract_facts", broken)
    with TestClient(create_app(engine=eng, warm_actors=False), raise_server_exceptions=False) as c:
        first = c.get(f"/stories/{sid}")
        assert "Being analysed" in first.text
        for _ in range(600):
            r = c.get(f"/stories/{sid}")
            if "Refresh" not in r.headers:
                break
            time.sleep(0.1)
        assert r.status_code == 500 and "Being analysed" not in r.text
    eng.close()


def test_stopping_the_app_waits_for_a_background_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine is closed after the app stops: no analysis may still be using it."""
    eng = Engine.open(tmp_path / "w.db", **FAST)
    eng.ingest(_write(tmp_path / "in", [HARBOUR_1]), extract=False)
    gate = threading.Event()
    built: list[str] = []
    real = eng.report

    def held_report(story_id: str) -> Any:
        assert gate.wait(60), "never released"
        rep = real(story_id)
        built.append(story_id)
        return rep

    monkeypatch.setattr(eng, "report", held_report)
    with TestClient(create_app(engine=eng, warm_actors=False)) as c:
        r = c.post("/api/ingest", files=[("files", ("h2.txt", HARBOUR_2.encode(), "text/plain"))])
        assert r.status_code == 200, r.text
        threading.Timer(2.0, gate.set).start()  # released while the app is stopping
    # the app stopped only once the upload's analysis was done with the engine
    assert built == [r.json()["articles"][0]["story_id"]]
    eng.close()

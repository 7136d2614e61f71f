"""Property-based fuzzing of the HTTP API from its own OpenAPI description (schemathesis).

Every operation in ``/openapi.json`` gets generated requests, valid ones (positive mode:
the server must answer them without a 5xx and with the declared status, content type
and response schema) and invalid ones (negative mode: still no 5xx). The app is backed by
a real store: the bundled examples ingested with the fast ``tfidf`` embedder and
``rules`` extractor, and operations taking a story or article id are also run with real
ids so the fuzzing reaches the report and extraction code, not only the 404 path.

Bounded for CI; ``STORYLINE_FUZZ=long`` runs ten times as many examples per operation.

The schemathesis pytest plugin (``from_fixture`` / ``schema.parametrize``) does not work
with pytest 9 (it writes ``node._nodeid``), so each operation is a plain parametrized test
that draws cases from the operation's Hypothesis strategy (``APIOperation.as_strategy``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from storyline.demo import examples_dir  # noqa: E402
from storyline.engine import Engine  # noqa: E402
from storyline.web.app import create_app  # noqa: E402

LONG = os.environ.get("STORYLINE_FUZZ") == "long"
EXAMPLES = 300 if LONG else 25

# Every operation the API documents. The test below fails when a route is added to (or
# removed from) /openapi.json without being listed here, so no operation goes unfuzzed.
OPERATIONS = [
    ("GET", "/api/stories"),
    ("GET", "/api/stories/{story_id}"),
    ("GET", "/api/stories/{story_id}/updated"),
    ("GET", "/api/stories/{story_id}/report"),
    ("GET", "/api/articles"),
    ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/articles/{article_id}/facts"),
    ("POST", "/api/ingest"),
    ("GET", "/api/ingest/jobs/{job_id}"),
    ("GET", "/api/threads"),
    ("GET", "/api/threads/{thread_id}"),
]

POSITIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

STATS: dict[str, int] = {"cases": 0, "5xx": 0, "rejected": 0}


def accepted(response: Any, case: Any) -> None:
    """A request the schema calls valid is not refused as malformed (400, 413, 415, 422).

    The one 422 that is an answer, not a refusal: an ingest whose inputs held nothing
    usable answers with the ingest result (its ``errors`` say why), as documented.
    """
    code = response.status_code
    if code == 422 and case.path == "/api/ingest":
        body = response.json()
        if isinstance(body, dict) and "errors" in body and "added" in body:
            return
    if code in (400, 413, 415, 422):
        STATS["rejected"] += 1
        raise AssertionError(
            f"schema-valid request rejected: {case.method} {case.path} -> {code} "
            f"{response.text[:300]}\n{case.as_curl_command()}"
        )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    eng = Engine.open(tmp_path_factory.mktemp("fuzz") / "fuzz.db", embedder="tfidf",
                      extractor="rules")  # fmt: skip
    res = eng.ingest([str(examples_dir())])
    assert res.added and len(eng.stories()) >= 2
    application = create_app(engine=eng, warm_actors=False)
    with TestClient(application):  # runs the lifespan (job worker) for the whole module
        yield application
    eng.close()


@pytest.fixture(scope="module")
def schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module")
def real_ids(app: FastAPI) -> dict[str, list[str]]:
    """Ids that exist, so generated cases also reach the code behind the 404."""
    eng: Engine = app.state.web.engine
    jobs = app.state.jobs
    # one finished ingest job, so the jobs endpoint has something to describe
    from storyline.web.uploads import UploadDir

    folder = UploadDir()
    (folder.path / "note.txt").write_text(
        "The harbour master of Port Wendle said on Tuesday that the new crane would arrive "
        "in spring, three months later than the city had promised.\n",
        encoding="utf-8",
    )
    job, fut = jobs.submit(folder, ["note.txt"], None, None)
    fut.result(timeout=60)
    return {
        "story_id": [s.id for s in eng.stories()][:3],
        "article_id": [a.id for a in eng.articles()][:3],
        "job_id": [job.id],
        "thread_id": [t.id for t in eng.storylines()][:3],
    }


def test_every_documented_operation_is_fuzzed(schema: Any) -> None:
    documented = {(op.ok().method.upper(), op.ok().path) for op in schema.get_all_operations()}
    assert documented == set(OPERATIONS)


def _strategy(op: Any, mode: GenerationMode, real: dict[str, list[str]]) -> Any:
    """Cases for ``op``: fully generated, plus (for ids) ones with a real id fixed."""
    strategies = [op.as_strategy(generation_mode=mode)]
    for name in (p.name for p in op.path_parameters):
        for value in real.get(name, []):
            strategies.append(op.as_strategy(generation_mode=mode, path_parameters={name: value}))
    return st.one_of(strategies)


def _run(op: Any, mode: GenerationMode, real: dict[str, list[str]], checks: list[Any]) -> None:
    seen: list[tuple[int, str]] = []

    @given(case=_strategy(op, mode, real))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def check(case: Any) -> None:
        response = case.call()
        STATS["cases"] += 1
        if response.status_code >= 500:
            STATS["5xx"] += 1
        seen.append((response.status_code, case.path))
        case.validate_response(response, checks=checks)
        if mode == GenerationMode.POSITIVE:
            accepted(response, case)

    check()
    assert seen, "no case was generated"


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_valid_requests_get_documented_answers(
    schema: Any, real_ids: dict[str, list[str]], method: str, path: str
) -> None:
    _run(schema[path][method], GenerationMode.POSITIVE, real_ids, POSITIVE_CHECKS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_invalid_requests_never_get_a_server_error(
    schema: Any, real_ids: dict[str, list[str]], method: str, path: str
) -> None:
    _run(schema[path][method], GenerationMode.NEGATIVE, real_ids, [not_a_server_error])


def test_fuzz_figures() -> None:
    """Prints how many cases ran (``-s``); the suite above already failed on any 5xx."""
    print(f"\nschemathesis: {STATS['cases']} cases over {len(OPERATIONS)} operations, "
          f"{STATS['5xx']} server errors, {STATS['rejected']} schema-valid requests rejected")  # fmt: skip
    assert STATS["5xx"] == 0 and STATS["rejected"] == 0


@pytest.mark.parametrize(
    "url",
    [
        # a search with an offset past SQLite's integers was a 500 (OverflowError)
        "/api/articles?q=harbour&limit=5&offset=18446744073709551616",
        "/api/stories?offset=18446744073709551616",
    ],
)
def test_regressions_found_by_fuzzing(app: FastAPI, url: str) -> None:
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get(url)
        assert r.status_code == 422, r.text


def test_ingest_still_runs_after_a_second_lifespan(app: FastAPI) -> None:
    """Loading the schema runs the app's lifespan again (startup, then shutdown): the
    ingest worker must come back rather than fail every later upload with a 500."""
    with TestClient(app):
        pass  # a full startup + shutdown while the module's client is still open
    with TestClient(app) as c:
        r = c.post("/api/ingest", data={"text": "The ferry to Sallow Isle ran late on Monday "
                                        "because of fog, the operator said."})  # fmt: skip
        assert r.status_code in (200, 422), r.text


@pytest.mark.parametrize("q", ["%00", "a%00b", "%1b%5b2J", "%7f"])
def test_control_characters_in_a_search_are_not_a_server_error(app: FastAPI, q: str) -> None:
    """A NUL in the search text was an FTS5 error, a 500 (found by STORYLINE_FUZZ=long)."""
    with TestClient(app, raise_server_exceptions=False) as c:
        for url in (f"/api/articles?q={q}", f"/api/stories?q={q}", f"/?q={q}"):
            r = c.get(url)
            assert r.status_code == 200, (url, r.text)

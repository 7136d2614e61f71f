"""Web: one slow report never stalls the other pages.

A real server (uvicorn on a loopback port) serves a small store. The report of one story
is made slow deterministically: the engine's ``report`` blocks on an event for that story.
While 60 requests wait for it (more than the server's 40 request threads), other pages
(the story list, a story page and report already built, an article page, a search) must
answer. The event is set only after they did, so a stalled server fails the test (by the
client's timeout) instead of a wall-clock threshold deciding. Then all 60 waiting requests
get the report, built once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from bench_fixture import load_bench
from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.web.app import create_app

# the bench's own worst-case article and port picker (bench/web_latency.py)
_bench = load_bench("web_latency")
heavy_article = _bench.heavy_article
_free_port = _bench._free_port

WAITING = 60  # requests blocked on the slow report: more than anyio's 40 worker threads


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    db = tmp_path / "lat.db"
    with Engine.open(db, embedder="tfidf", extractor="rules") as eng:
        assert not eng.ingest([str(examples_dir())]).errors
    yield from _serve(db)


def _serve(db: Path) -> Iterator[tuple[str, Any]]:
    app = create_app(
        str(db), embedder="tfidf", extractor="rules", poll_seconds=60, warm_actors=False
    )
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app.state.web
    finally:
        srv.should_exit = True
        thread.join(timeout=30)


def test_other_pages_answer_while_a_report_is_stuck(
    server: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, state = server
    stories = httpx.get(f"{base}/api/stories", timeout=60).json()
    assert len(stories) >= 2
    slow, other = stories[0]["id"], stories[1]["id"]
    article = stories[1]["articles"][0]
    # The other story's report and page are built before (what a visitor had opened).
    assert httpx.get(f"{base}/api/stories/{other}/report", timeout=120).status_code == 200

    engine = state.engine
    real = engine.report
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def report(story_id: str) -> Any:
        calls.append(story_id)
        if story_id == slow:
            started.set()
            assert release.wait(300), "never released"
        return real(story_id)

    monkeypatch.setattr(engine, "report", report)
    answers: list[int] = []

    def wait_for_report() -> None:
        r = httpx.get(f"{base}/api/stories/{slow}/report", timeout=300)
        answers.append(r.status_code)

    waiting = [threading.Thread(target=wait_for_report) for _ in range(WAITING)]
    for t in waiting:
        t.start()
    try:
        assert started.wait(120), "the slow report never started"
        # Every other kind of page answers while the report is stuck.
        for path in ("/api/stories", "/", f"/stories/{other}", f"/api/stories/{other}/report",
                     f"/articles/{article}", "/api/articles?q=council", "/healthz"):  # fmt: skip
            r = httpx.get(base + path, timeout=60)
            assert r.status_code == 200, (path, r.status_code)
        assert not release.is_set()
    finally:
        release.set()
        for t in waiting:
            t.join(timeout=300)
    assert answers == [200] * WAITING
    assert calls.count(slow) == 1, "requests for one story share one build"


HEAVY_LINES = 6000  # short quoted lines: issue 21's worst case for a report


def test_other_pages_stay_fast_while_a_worst_case_report_is_built(tmp_path: Path) -> None:
    """A real worst-case report (thousands of quoted lines) is built while pages are read.

    No wall-clock threshold: the other pages are requested in rounds for as long as the
    heavy report is being built, and each must answer while it still is (several rounds
    finish before it), each in a small fraction of the report's time.
    """
    import json

    db = tmp_path / "heavy.db"
    feed = tmp_path / "heavy.jsonl"
    feed.write_text(json.dumps(heavy_article(HEAVY_LINES)) + "\n", encoding="utf-8")
    with Engine.open(db, embedder="tfidf", extractor="rules") as eng:
        assert not eng.ingest([str(examples_dir())]).errors
        heavy_id = eng.ingest([str(feed)]).added[0]
        heavy = next(s.id for s in eng.stories() if heavy_id in s.article_ids)
        other = next(s for s in eng.stories() if heavy_id not in s.article_ids)
    served = _serve(db)
    base, _ = next(served)
    try:
        probes = ("/api/stories", f"/stories/{other.id}", f"/articles/{other.article_ids[0]}")
        with httpx.Client(base_url=base, timeout=600) as client:
            for path in probes:  # the other story's page and report, built once before
                assert client.get(path).status_code == 200, path
            done = threading.Event()
            took: list[float] = []
            status: list[int] = []

            def build() -> None:
                t0 = time.perf_counter()
                with httpx.Client(base_url=base, timeout=600) as c:
                    status.append(c.get(f"/api/stories/{heavy}/report").status_code)
                took.append(time.perf_counter() - t0)
                done.set()

            worker = threading.Thread(target=build)
            worker.start()
            latencies: list[float] = []
            rounds = 0
            while not done.is_set():
                for path in probes:
                    t0 = time.perf_counter()
                    assert client.get(path).status_code == 200, path
                    latencies.append(time.perf_counter() - t0)
                rounds += 1 if not done.is_set() else 0
            worker.join(timeout=600)
    finally:
        served.close()
    assert status == [200]
    latencies.sort()
    p50 = latencies[len(latencies) // 2]
    print(
        f"heavy report {took[0]:.2f} s; {rounds} rounds of pages during it, p50 {p50 * 1000:.1f} ms"
    )
    assert rounds >= 3, (rounds, took)  # the pages answered while the report was built
    assert p50 < took[0] / 10, (p50, took)

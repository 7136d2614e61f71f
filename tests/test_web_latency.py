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

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.web.app import create_app

WAITING = 60  # requests blocked on the slow report: more than anyio's 40 worker threads


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    db = tmp_path / "lat.db"
    with Engine.open(db, embedder="tfidf", extractor="rules") as eng:
        assert not eng.ingest([str(examples_dir())]).errors
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

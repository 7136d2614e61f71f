"""Background work in the web app gives way to requests."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.web.app import create_app


def _engine(tmp_path: Path) -> Engine:
    eng = Engine.open(tmp_path / "w.db", embedder="tfidf", extractor="rules")
    eng.ingest([str(examples_dir())])
    return eng


def test_actor_warm_up_waits_while_a_request_is_in_flight(tmp_path: Path) -> None:
    eng = _engine(tmp_path)
    app = create_app(engine=eng, warm_actors=False)
    state = app.state.web
    state.request_started()
    worker = threading.Thread(target=state.warm_actors)
    worker.start()
    time.sleep(0.5)
    assert len(state.actors) == 0 and worker.is_alive()  # held back by the open request
    state.request_finished()
    worker.join(timeout=60)
    assert not worker.is_alive() and len(state.actors) > 0
    eng.close()


def test_requests_are_counted_and_released(tmp_path: Path) -> None:
    eng = _engine(tmp_path)
    app = create_app(engine=eng, warm_actors=False)
    with TestClient(app) as client:
        assert client.get("/api/stories").status_code == 200
        assert client.get("/no-such-page").status_code == 404
    assert app.state.web._active == 0  # every request, errors included, was released
    eng.close()

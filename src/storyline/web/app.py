"""The FastAPI app: pages and a JSON API over one ``Engine``, built by ``create_app``.

This module only assembles: the routers (``api``, ``pages``), the middleware
(``security``: headers, Host check, body cap, cross-site writes refused) and the error
handlers. The safety rules every route follows are described in ``security``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.engine import Engine
from storyline.errors import InputError, NotFoundError, StorylineError
from storyline.web import api, feed, pages, threads
from storyline.web.deps import templates
from storyline.web.security import LOOPBACK, Busy, Guard, is_loopback, new_token
from storyline.web.state import WebState
from storyline.web.uploads import IngestJobs

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json")) and "text/html" in (
        request.headers.get("accept", "text/html")
    )


def create_app(
    db: str | None = None,
    token: str | None = None,
    *,
    engine: Engine | None = None,
    trusted_hosts: list[str] | None = None,
    poll_seconds: float = 15.0,
    warm_actors: bool = True,
    max_upload_bytes: int | None = None,
    **engine_overrides: Any,
) -> FastAPI:
    """Build the web app over one engine.

    Args:
        db: database path (default ``$STORYLINE_DB`` or ``./storyline.db``); ignored when
            ``engine`` is given.
        token: when set, write endpoints require ``Authorization: Bearer TOKEN``.
        engine: an already open engine to serve (the caller closes it).
        trusted_hosts: when set, requests whose Host header names another host are refused
            (``storyline serve`` sets this on loopback, against DNS rebinding).
        poll_seconds: how often an open story page checks for changes.
        warm_actors: index actor names of every stored article in the background at start.
        max_upload_bytes: request body cap; ``settings.max_bytes`` plus multipart overhead.
        **engine_overrides: settings for ``Engine.open`` (``embedder``, ``extractor``, ...).

    Returns:
        The FastAPI application (OpenAPI at ``/openapi.json``).
    """
    own_engine = engine is None
    eng = engine if engine is not None else Engine.open(db, **engine_overrides)
    state = WebState(eng, token=token or None, poll_seconds=poll_seconds)
    jobs = IngestJobs(state)
    max_body = max_upload_bytes or eng.settings.max_bytes + 256 * 1024

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        jobs.start()
        if warm_actors:
            jobs.warm(state.warm_actors)
        yield
        jobs.shutdown()
        if own_engine:
            eng.close()

    app = FastAPI(
        title="storyline",
        summary="What each news story really is, every statement cited.",
        version=__import__("storyline").__version__,
        docs_url=None,  # Swagger/ReDoc load from a CDN; the UI must work offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = state
    app.state.jobs = jobs
    app.state.max_body = max_body
    app.state.engine_max_bytes = eng.settings.max_bytes
    app.add_middleware(Busy, state=state)
    app.add_middleware(Guard, max_body=max_body, trusted_hosts=trusted_hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(feed.router)
    app.include_router(threads.router)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(StorylineError)
    async def engine_error(request: Request, exc: StorylineError) -> Response:
        logger.warning("engine error on %s: %s", request.url.path, exc)
        return _error(request, 500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        resp = _error(request, exc.status_code, str(exc.detail))
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            msgs = "; ".join(
                f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                for e in exc.errors()
            )
            return _error(request, 422, msgs or "invalid request")
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    return app


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_html(request):
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    return JSONResponse({"detail": message}, status_code=status)


__all__ = ["LOOPBACK", "create_app", "is_loopback", "new_token"]

"""The FastAPI app: pages and a JSON API over one ``Engine``, built by ``create_app``.

Safety rules every route follows: article text is untrusted (Jinja autoescape everywhere,
a strict Content-Security-Policy, no inline script), no route reads a path a client names
(uploads go to a private temp folder), request bodies are capped, and write endpoints
need a token whenever one is configured (``storyline serve`` always configures one when
bound to a non-loopback address). Cross-site browser writes are refused even without a
token, so a page on another site cannot post articles into a local server.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.engine import Engine
from storyline.errors import InputError, NotFoundError, StorylineError
from storyline.web.state import WebState
from storyline.web.uploads import IngestJobs

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Scripts and styles come only from /static; article text can never become code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The standalone report page (render_html) carries its own inline CSS/JS; it is served in
# a sandbox (an opaque origin), so even a rendering bug could not reach this app's API.
SANDBOX_CSP = (
    "sandbox allow-scripts allow-popups; default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:"
)


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    h = host.strip("[]")
    return h in ("localhost", "::1") or h.startswith("127.")


class Guard:
    """Pure-ASGI guard: security headers, Host check, body size cap, cross-site writes refused."""

    def __init__(self, app: ASGIApp, *, max_body: int, trusted_hosts: list[str] | None) -> None:
        self.app = app
        self.max_body = max_body
        self.trusted = [h.lower() for h in trusted_hosts] if trusted_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if self.trusted is not None:
            host = urlsplit("//" + headers.get("host", "")).hostname or ""
            if host.lower() not in self.trusted:
                await _plain(send, 400, "invalid Host header")
                return
        method = scope["method"]
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            why = _cross_site(headers)
            if why:
                await _plain(send, 403, why)
                return
            length = headers.get("content-length")
            if length and length.isdigit() and int(length) > self.max_body:
                page = not scope["path"].startswith("/api/") and "text/html" in headers.get(
                    "accept", ""
                )
                await _plain(send, 413, f"request body too large (limit {self.max_body} bytes)",
                             page=page)  # fmt: skip
                return
            receive = self._capped(receive)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                hs = list(message.get("headers", []))
                names = {k.lower() for k, _ in hs}
                if b"content-security-policy" not in names:
                    hs.append((b"content-security-policy", CSP.encode()))
                hs += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = hs
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _capped(self, receive: Receive) -> Receive:
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Raised inside the endpoint's body read; FastAPI turns it into the 413.
                    raise HTTPException(
                        413, f"request body too large (limit {self.max_body} bytes)"
                    )
            return message

        return wrapped


def _cross_site(headers: dict[str, str]) -> str | None:
    """Why a browser write is refused, or None (non-browser clients send neither header)."""
    site = headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        return "cross-site requests may not write"
    origin = headers.get("origin")
    if origin and origin != "null":
        if urlsplit(origin).netloc.lower() != headers.get("host", "").lower():
            return "cross-origin requests may not write"
    elif origin == "null":
        return "requests from an opaque origin may not write"
    return None


async def _plain(send: Send, status: int, text: str, *, page: bool = False) -> None:
    """An error answered by the guard itself: JSON, or a small page for a browser form."""
    if page:
        body = (
            f"<!doctype html><meta charset=utf-8><title>Error {status}</title>"
            f'<p>{html.escape(text)}</p><p><a href="/">Back to stories</a></p>'
        ).encode()
        ctype = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"detail": text}).encode()
        ctype = b"application/json"
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"content-security-policy", CSP.encode())],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json")) and "text/html" in (
        request.headers.get("accept", "text/html")
    )


class Busy:
    """Counts HTTP requests in flight, so background warm-up can give way to them."""

    def __init__(self, app: ASGIApp, state: WebState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.state.request_started()
        try:
            await self.app(scope, receive, send)
        finally:
            self.state.request_finished()


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
    from storyline.web import api, pages

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
        from storyline.web.pages import templates

        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    return JSONResponse({"detail": message}, status_code=status)


def new_token() -> str:
    """A fresh random token for write endpoints."""
    return secrets.token_urlsafe(24)


__all__ = ["LOOPBACK", "create_app", "is_loopback", "new_token"]

"""The ASGI middleware every request passes: security headers and the Content-Security-
Policy, the Host check (against DNS rebinding), the request body cap, refusal of
cross-site browser writes, and the in-flight request counter background work yields to.

Safety rules every route follows: article text is untrusted (Jinja autoescape everywhere,
a strict Content-Security-Policy, no inline script), no route reads a path a client names
(uploads go to a private temp folder), request bodies are capped, and write endpoints
need a token whenever one is configured (``storyline serve`` always configures one when
bound to a non-loopback address; the check is ``deps.check_token``). Cross-site browser
writes are refused even without a token, so a page on another site cannot post articles
into a local server.
"""

from __future__ import annotations

import html
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException

from storyline.web.state import WebState

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


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    h = host.strip("[]")
    return h in ("localhost", "::1") or h.startswith("127.")


def new_token() -> str:
    """A fresh random token for write endpoints."""
    return secrets.token_urlsafe(24)


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


__all__ = ["CSP", "LOOPBACK", "Busy", "Guard", "is_loopback", "new_token"]

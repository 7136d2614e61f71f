"""What the routers share: access to the app's state and ingest jobs, the token check for
writes, path and query types, the story search both the API and the stories page run,
the page templates, and the one way a report is answered in a given format.

``api`` and ``pages`` import this module; it imports neither of them (nor ``app``).
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

import jinja2
from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from storyline.models import Story, StoryReport
from storyline.render.formats import FORMATS, get_format, render
from storyline.render.labels import humanize, pretty_date
from storyline.web.state import WebState
from storyline.web.uploads import IngestJobs, display_source


class ErrorOut(BaseModel):
    """Every error body: a message, or (for a malformed parameter) FastAPI's error list."""

    detail: str | list[dict[str, Any]]


# -- state ------------------------------------------------------------------------------------


def get_state(request: Request) -> WebState:
    return request.app.state.web  # type: ignore[no-any-return]


def get_jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs  # type: ignore[no-any-return]


State = Annotated[WebState, Depends(get_state)]

# -- path and query types ---------------------------------------------------------------------

IdPath = Annotated[str, Path(min_length=1, max_length=64)]
# Offsets reach SQLite (``LIMIT offset + limit``), whose integers stop at 2**63 - 1: an
# unbounded one was a 500 (found by tests/test_schemathesis.py).
MAX_OFFSET = 10**12
DateQuery = Annotated[
    str | None,
    # "format: date" tells clients (and schemathesis) that only real days are valid: the
    # pattern alone let "2026-02-30" pass for valid while the server refuses it. The empty
    # value (an empty filter box) is accepted too; the schema need not advertise it.
    Query(
        pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD",
        json_schema_extra={"format": "date"},
    ),
]  # fmt: skip

# -- the token check for writes ---------------------------------------------------------------


def _remote_client(request: Request) -> bool:
    """True when the request comes from another machine's IP address.

    In-process clients and Unix sockets carry no IP address (``None`` or a name such as
    Starlette's ``testclient``): they are as local as loopback.
    """
    host = request.client.host if request.client else None
    if not host:
        return False
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(request: Request, given: str | None = None) -> None:
    """Refuse a write without the configured token.

    With no token configured, writes are open to this machine only: a server bound off
    loopback without a token (``storyline serve`` always makes one there, but an app
    run by another server might not) still refuses writes from other addresses.
    """
    token = get_state(request).token
    if not token:
        if _remote_client(request):
            raise HTTPException(
                401,
                "writes from other machines need a token: start the server with --token "
                "or $STORYLINE_TOKEN",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return
    auth = request.headers.get("authorization", "")
    candidate = (
        (auth[7:].strip() if auth.lower().startswith("bearer ") else None)
        or request.headers.get("x-storyline-token")
        or given
    )
    if not candidate or not secrets.compare_digest(candidate.encode(), token.encode()):
        raise HTTPException(
            401,
            "this server needs a token for writes: send 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


# -- story search (the API and the stories page) ----------------------------------------------


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} is not a real date: {value!r}") from None


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def search_text(q: str | None) -> str:
    """A search box's text as the store may search it: control characters become spaces.

    A NUL in an FTS5 query is an SQLite error the store's fallback does not catch (a 500,
    found by tests/test_schemathesis.py); no one searches for control characters.
    """
    return _CONTROL.sub(" ", q or "").strip()


def find_stories(
    state: WebState,
    *,
    q: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    sort: str = "size",
) -> tuple[list[Story], dict[str, Any]]:
    """Stories matching a text search, an actor and a date range, plus what matched.

    ``q`` is an FTS5 query over article titles and text; ``actor`` an entity id or part
    of an actor's name (from extracted facts); the date range keeps stories whose
    first..last dates overlap it.
    """
    lo, hi = parse_day(date_from, "from"), parse_day(date_to, "to")
    if lo and hi and lo > hi:
        # An empty range: no story overlaps it. Both are real dates, which is all the
        # schema can promise, so this is an answer, not a refusal.
        return [], {"hits": {}}
    stories = all_stories = state.engine.stories()
    info: dict[str, Any] = {"hits": {}}
    q = search_text(q)
    if q:
        ranked = state.engine.search(q, limit=5000)
        rank = {aid: i for i, aid in enumerate(ranked)}
        hits = {s.id: [a for a in s.article_ids if a in rank] for s in stories}
        stories = [s for s in stories if hits[s.id]]
        info["hits"] = {s.id: len(hits[s.id]) for s in stories}
        if sort == "relevance":
            stories.sort(key=lambda s: min(rank[a] for a in hits[s.id]))
    if actor and actor.strip():
        found, actors = state.actors.match(actor)
        stories = [s for s in stories if any(a in found for a in s.article_ids)]
        info["actors"] = actors
        total = sum(len(s.article_ids) for s in all_stories)
        info["actor_coverage"] = (min(len(state.actors), total), total)
    if lo or hi:
        keep = []
        for s in stories:
            if not s.first_seen:
                continue
            first = date.fromisoformat(s.first_seen[:10])
            last = date.fromisoformat((s.last_seen or s.first_seen)[:10])
            if (hi is None or first <= hi) and (lo is None or last >= lo):
                keep.append(s)
        stories = keep
    if sort == "recent":
        stories.sort(key=lambda s: (s.last_seen or "", len(s.article_ids)), reverse=True)
    return stories, info


# -- reports in a format ----------------------------------------------------------------------

# The standalone report page (render_html) carries its own inline CSS/JS; it is served in
# a sandbox (an opaque origin), so even a rendering bug could not reach this app's API.
SANDBOX_CSP = (
    "sandbox allow-scripts allow-popups; default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:"
)

# The report's media types, for the OpenAPI description of the report endpoint.
REPORT_CONTENT: dict[str, dict[str, Any]] = {
    f.media_type.split(";")[0]: {} for f in FORMATS.values()
}


def report_response(
    report: StoryReport, fmt: str, *, download: str | None = None, compact: bool = False
) -> Response:
    """``report`` as a response in the registered format ``fmt``.

    An HTML report is always shown (in the sandbox above); other formats are offered as a
    file called ``download`` plus the format's suffix when ``download`` is given.
    ``compact``: the format's API variant (JSON without whitespace).
    """
    f = get_format(fmt)
    headers: dict[str, str] = {}
    if f.media_type.startswith("text/html"):
        headers["Content-Security-Policy"] = SANDBOX_CSP
    elif download:
        headers["Content-Disposition"] = f'attachment; filename="{download}{f.suffix}"'
    return Response(render(report, f.name, compact=compact), media_type=f.media_type,
                    headers=headers)  # fmt: skip


# -- page templates ---------------------------------------------------------------------------

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(FilePath(__file__).parent / "templates"),
    autoescape=True,  # every page: article text is untrusted
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
_env.filters.update(
    pretty_date=pretty_date,
    humanize=humanize,
    source=display_source,
    plural=lambda n, word, many=None: f"{n} {word if n == 1 else (many or word + 's')}",
)
templates = Jinja2Templates(env=_env)


__all__ = [
    "MAX_OFFSET",
    "SANDBOX_CSP",
    "DateQuery",
    "IdPath",
    "State",
    "check_token",
    "find_stories",
    "get_jobs",
    "get_state",
    "parse_day",
    "report_response",
    "search_text",
    "templates",
]

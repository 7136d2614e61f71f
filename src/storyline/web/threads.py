"""Storylines over HTTP: ``GET /api/threads`` (and one by id) and a page per storyline.

A storyline threads related events (stories) in time order (``Engine.storylines``); its
page shows each event with what changed since the ones before it (new actors, new
figures, reversals, the outcome), each event linking to its own report page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from storyline.errors import NotFoundError
from storyline.models import DateBounds, Storyline
from storyline.web.deps import ErrorOut, IdPath, State, get_state, templates

router = APIRouter()


class BoundsOut(BaseModel):
    """When an event happened: ISO dates of any precision, and what they rest on."""

    earliest: str | None
    latest: str | None
    inferred: bool
    basis: str


class ThreadOut(BaseModel):
    """A storyline: ``events`` are story ids in time order (SPEC Additions)."""

    id: str
    title: str
    events: list[str]
    dates: dict[str, BoundsOut]
    actors: list[str]


def _bounds(b: DateBounds) -> BoundsOut:
    return BoundsOut(earliest=b.earliest, latest=b.latest, inferred=b.inferred, basis=b.basis)


def thread_out(t: Storyline) -> ThreadOut:
    return ThreadOut(
        id=t.id, title=t.title, events=t.events, actors=t.actors,
        dates={sid: _bounds(b) for sid, b in t.dates.items()},
    )  # fmt: skip


_422 = {"model": ErrorOut, "description": "malformed parameter"}
_404 = {"model": ErrorOut, "description": "no such id"}


@router.get(
    "/api/threads", tags=["api"], response_model=list[ThreadOut], summary="List storylines",
    responses={422: _422},
)  # fmt: skip
def api_threads(
    state: State, min_events: Annotated[int, Query(ge=1, le=100000)] = 1
) -> list[ThreadOut]:
    """Storylines: threads of related events (stories), each event in exactly one,
    events in time order; ``min_events=2`` keeps the threads of several events. Dates
    marked ``inferred`` rest on undated articles' own dates and their events' dated
    articles (``basis`` says which)."""
    return [thread_out(t) for t in state.engine.storylines() if len(t.events) >= min_events]


@router.get(
    "/api/threads/{thread_id}", tags=["api"], response_model=ThreadOut, summary="One storyline",
    responses={404: _404, 422: _422},
)  # fmt: skip
def api_thread(state: State, thread_id: IdPath) -> ThreadOut:
    """One storyline by id (``thread-`` plus the id of its first event)."""
    return thread_out(state.engine.storyline(thread_id))


def _page(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    context.setdefault("token_required", bool(get_state(request).token))
    return templates.TemplateResponse(request, name, context)


@router.get("/threads", response_class=HTMLResponse, include_in_schema=False)
def threads_page(request: Request, state: State) -> HTMLResponse:
    titles = {s.id: s.title for s in state.engine.stories()}
    items = sorted(state.engine.storylines(), key=lambda t: (-len(t.events), t.id))
    return _page(request, "threads.html", {"threads": items, "titles": titles})


@router.get("/threads/{thread_id}", response_class=HTMLResponse, include_in_schema=False)
def thread_page(request: Request, state: State, thread_id: IdPath) -> HTMLResponse:
    thread = state.engine.storyline(thread_id)
    reports = []
    for sid in thread.events:
        try:
            reports.append(state.report(sid))
        except NotFoundError:  # the story changed under us: show what is left
            continue
    changes = state.engine.storyline_changes(thread, reports)
    return _page(request, "thread.html", {"thread": thread, "changes": changes})


__all__ = ["router", "thread_out"]

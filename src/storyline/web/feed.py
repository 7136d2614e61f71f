"""An Atom feed of the stories (``/feed.xml``), newest change first, for any feed reader.

Each entry is one story: its title, the story page as its link, when it last changed, and
a one-line summary (articles, independent sources, outlets). Only what the story list
already shows; no report is built to answer a feed reader.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi.responses import Response

from storyline.web.deps import State

router = APIRouter(include_in_schema=False)  # a feed, like the pages: not part of the JSON API

MAX_ENTRIES = 50
ATOM_TYPE = "application/atom+xml; charset=utf-8"


@router.get("/feed.xml", response_class=Response, summary="Atom feed of the stories")
def feed(state: State, request: Request) -> Response:
    base = str(request.base_url).rstrip("/")
    engine = state.engine
    stories = [(engine.story_updated_at(s.id) or s.last_seen or "", s) for s in engine.stories()]
    stories.sort(key=lambda x: x[0], reverse=True)
    entries = []
    for updated, s in stories[:MAX_ENTRIES]:
        outlets = state.outlets(s.article_ids)
        n = len(s.article_ids)
        summary = (
            f"{n} article{'s' * (n != 1)}, {s.n_independent} independent "
            f"source{'s' * (s.n_independent != 1)}"
            + (f"; {', '.join(outlets[:8])}" if outlets else "")
        )
        link = f"{base}/stories/{s.id}"
        entries.append(
            "<entry>"
            f"<id>urn:storyline:story:{escape(s.id)}</id>"
            f"<title>{escape(s.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{escape(link, {chr(34): "&quot;"})}"/>'
            f"<updated>{escape(_atom_time(updated))}</updated>"
            f"<summary>{escape(summary)}</summary>"
            "</entry>"
        )
    latest = _atom_time(stories[0][0]) if stories else "1970-01-01T00:00:00Z"
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>storyline: stories</title>"
        "<id>urn:storyline:stories</id>"
        f'<link rel="self" href="{escape(base + "/feed.xml")}"/>'
        f"<updated>{escape(latest)}</updated>"
        "<generator>storyline</generator>" + "".join(entries) + "</feed>\n"
    )
    return Response(body, media_type=ATOM_TYPE)


def _atom_time(value: str) -> str:
    """An RFC 3339 time as Atom wants it (a bare date becomes midnight UTC)."""
    if not value:
        return "1970-01-01T00:00:00Z"
    if len(value) == 10:
        return f"{value}T00:00:00Z"
    return value.replace("+00:00", "Z")


__all__ = ["router"]

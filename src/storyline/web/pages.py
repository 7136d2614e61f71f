"""Server-rendered pages: stories, a story, an article, adding articles, API help.

Every value reaches the page through a Jinja template with autoescape on; the view model
(``storyline.render.view``) and the article segments (``storyline.render.segments``) are
plain data, never markup.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from storyline.errors import NotFoundError
from storyline.lang import extraction_note
from storyline.models import StoryReport
from storyline.render.formats import FORMATS
from storyline.render.segments import Layer, fact_layers, paragraph_segments
from storyline.render.view import story_view
from storyline.web.deps import (
    DateQuery,
    IdPath,
    State,
    check_token,
    find_stories,
    get_jobs,
    get_state,
    report_response,
    templates,
)
from storyline.web.state import Analysing, WebState
from storyline.web.uploads import read_upload

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 30


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    state = get_state(request)
    context.setdefault("token_required", bool(state.token))
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    state: State,
    q: Annotated[str | None, Query(max_length=500)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[DateQuery, Query(alias="from")] = None,
    date_to: Annotated[DateQuery, Query(alias="to")] = None,
    sort: Literal["recent", "size", "relevance"] | None = None,
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
) -> HTMLResponse:
    sort = sort or ("relevance" if q else "recent")
    found, info = find_stories(
        state, q=q, actor=actor, date_from=date_from, date_to=date_to, sort=sort
    )
    pages = max(1, -(-len(found) // PAGE_SIZE))
    shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    rows = []
    for s in shown:
        outlets = state.outlets(s.article_ids)
        rows.append({
            "story": s, "outlets": outlets[:5], "more_outlets": max(0, len(outlets) - 5),
            "actors": state.actors.top(s.article_ids), "hits": info["hits"].get(s.id),
            "n_copies": len(s.article_ids) - s.n_independent,
        })  # fmt: skip
    filters = {"q": q or "", "actor": actor or "", "from": date_from or "", "to": date_to or ""}
    return _page(request, "stories.html", {
        "rows": rows, "total": len(found), "page": page, "pages": pages, "sort": sort,
        "filters": filters, "filtered": any(filters.values()), "info": info,
        "actor_names": state.actors.names(), "n_articles": state.engine.count_articles(),
    })  # fmt: skip


def _story_context(state: WebState, rep: StoryReport) -> dict[str, Any]:
    v = story_view(rep)
    return {
        "story": v.story, "n_articles": len(v.articles), "outlets": v.outlets,
        "brief": v.brief, "chart": v.page_chart, "timeline": v.timeline,
        "quotes": v.quotes, "numbers": v.numbers, "claims": v.claims,
        "conflicts": v.conflicts, "stances": v.stances, "coverage": v.matrix,
        "profile": v.profile, "profile_fields": v.profile_fields, "articles": v.articles,
        "refs": v.refs, "actors": v.actors, "n_quotes": len(v.report.quotes),
        "outlet_facts": v.outlet_facts, "labels": v.labels,
    }  # fmt: skip


ANALYSING_REFRESH = 3  # seconds before a "being analysed" page asks again


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, state: State, story_id: IdPath) -> HTMLResponse:
    # The report is built on the report pool, the page on a request thread: a slow report
    # holds neither the event loop nor one of the server's threads. While the story's facts
    # are still being extracted (an upload a moment ago), the page says so and refreshes
    # (a ``Refresh`` header: no script needed) instead of waiting seconds for the report.
    rep = await state.report_if_ready(story_id)
    if isinstance(rep, Analysing):
        page = _page(request, "analysing.html", {
            "story": rep.story, "ready": rep.ready, "total": rep.total,
            "refresh": ANALYSING_REFRESH,
        })  # fmt: skip
        page.headers["Refresh"] = str(ANALYSING_REFRESH)
        page.headers["Cache-Control"] = "no-store"
        return page

    def render() -> HTMLResponse:
        ctx = _story_context(state, rep)
        ctx["updated_at"] = state.engine.story_updated_at(story_id) or ""
        ctx["poll_ms"] = int(state.poll_seconds * 1000)
        return _page(request, "story.html", ctx)

    return await run_in_threadpool(render)


@router.get("/stories/{story_id}/report.{fmt}")
async def story_export(state: State, story_id: IdPath, fmt: str) -> Response:
    """The report as a file: ``report.json``, ``report.md`` or ``report.html``."""
    if fmt not in FORMATS:
        *most, last = FORMATS
        raise HTTPException(404, f"no export format {fmt!r}; use {', '.join(most)} or {last}")
    rep = await state.report_async(story_id)
    return await run_in_threadpool(report_response, rep, fmt, download=story_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    state: State,
    article_id: IdPath,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    a = state.engine.article(article_id)
    facts = None
    try:
        facts = state.facts(a)
    except Exception:  # highlighting is a bonus; the article must still show
        logger.exception("extraction failed for article %s", a.id)
    layers = fact_layers(facts) if facts else []
    cited = None
    if start is not None and end is not None and 0 <= start < end <= len(a.text):
        layers.append(Layer(start, end, "hl", "cited passage"))
        cited = a.text[start:end]
    dup_info = state.engine.duplicate_info()
    dups = [aid for aid, (of, _, _) in dup_info.items() if of == a.id]
    info = dup_info.get(a.id, (None, None, None))
    story = None
    if a.story_id:
        try:
            story = state.engine.story(a.story_id)
        except NotFoundError:
            story = None
    meta = state.meta([*dups, *([a.duplicate_of] if a.duplicate_of else [])])
    entities = sorted(facts.entities, key=lambda e: (-len(e.mentions), e.name)) if facts else []
    return _page(request, "article.html", {
        "a": a, "paras": paragraph_segments(a.text, layers), "cited": cited,
        "facts": facts, "entities": entities[:30], "duplicates": [meta[i] for i in dups if i in meta],
        "original": meta.get(a.duplicate_of) if a.duplicate_of else None,
        "dup_kind": info[1], "dup_score": info[2], "story": story,
        "language": language_name(a.language), "language_note": _sentence(extraction_note(a.language)),
    })  # fmt: skip


def _sentence(note: str | None) -> str | None:
    return note[:1].upper() + note[1:] if note else None


def language_name(code: str | None) -> str | None:
    """``"French (fr)"`` for ``"fr"``: the English name from Babel's CLDR data (installed
    with trafilatura, through courlan), or the bare code when Babel does not know it."""
    if not code:
        return None
    try:
        from babel import Locale

        name = Locale("en").languages.get(code.split("-")[0].lower())
    except Exception:  # Babel missing or its data unreadable: the code says enough
        name = None
    return f"{name} ({code})" if name else code


@router.get("/articles/{article_id}/raw", response_class=PlainTextResponse)
def article_raw(state: State, article_id: IdPath) -> PlainTextResponse:
    """The input exactly as it was read, as plain text (never rendered as markup)."""
    return PlainTextResponse(state.engine.article(article_id).raw)


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> HTMLResponse:
    return _page(request, "add.html", {"job": None, "recent": get_jobs(request).recent()[:8]})


@router.post("/add", response_class=HTMLResponse)
async def add_submit(request: Request) -> HTMLResponse:
    """The upload form without JavaScript: ingest, then show the result on the same page."""
    if not get_state(request).token or request.headers.get("authorization"):
        # Refuse before anything is written to disk when the answer does not depend on
        # the form's token field (no token configured, or one sent in the header).
        check_token(request)
    upload = await read_upload(request, request.app.state.engine_max_bytes)
    try:
        check_token(request, upload.token)
    except HTTPException:
        upload.folder.cleanup()
        raise
    jobs = get_jobs(request)
    job, fut = jobs.submit(upload.folder, upload.files, upload.outlet, upload.published)
    await run_in_threadpool(fut.result)
    return _page(request, "add.html", {"job": job, "recent": jobs.recent()[:8]})


@router.get("/help/api", response_class=HTMLResponse)
def api_help(request: Request) -> HTMLResponse:
    routes = []
    # From the OpenAPI description: the same source of truth as /openapi.json.
    for path, ops in request.app.openapi().get("paths", {}).items():
        for method, op in ops.items():
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "doc": (op.get("description") or "").replace("``", "").strip()})  # fmt: skip
    return _page(request, "api.html", {"routes": routes})


@router.get("/healthz", include_in_schema=False)
def health(state: State) -> JSONResponse:
    return JSONResponse({"ok": True, "articles": state.engine.count_articles()})


__all__ = ["router"]

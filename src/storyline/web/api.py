"""JSON API: the same operations as the CLI (stories, report, articles, ingest) over HTTP.

Handlers are plain ``def`` functions, so FastAPI runs the blocking engine calls in its
threadpool; the upload handler is ``async`` only to stream the request body to disk.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storyline import schema
from storyline.models import Article, Story
from storyline.web.deps import (
    MAX_OFFSET,
    REPORT_CONTENT,
    DateQuery,
    ErrorOut,
    IdPath,
    State,
    check_token,
    find_stories,
    get_jobs,
    report_response,
    search_text,
)
from storyline.web.state import WebState
from storyline.web.uploads import read_upload

router = APIRouter(prefix="/api", tags=["api"])


# -- response models (documented in /openapi.json) ----------------------------------------


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    why = {400: "invalid Host header", 401: "a token is needed for writes",
           403: "cross-site write refused", 404: "no such id",
           413: "request body over the limit", 415: "unsupported content type",
           422: "malformed parameter or nothing to ingest"}  # fmt: skip
    return {c: {"model": ErrorOut, "description": why[c]} for c in codes}


class ActorOut(BaseModel):
    id: str
    name: str


class StoryOut(BaseModel):
    id: str
    title: str
    articles: list[str] = Field(description="article ids, in ingest order")
    n_independent: int = Field(description="articles that are not copies of another")
    first_seen: str | None
    last_seen: str | None
    outlets: list[str] = []
    actors: list[ActorOut] = []


class StoryUpdated(BaseModel):
    id: str
    updated_at: str | None
    n_articles: int


class ArticleOut(BaseModel):
    id: str
    source: str = Field(description="the article's url when known, else where it was read from")
    url: str | None
    outlet: str | None
    published: str | None
    published_from: str | None
    title: str
    title_inferred: bool
    text: str = Field(description="cleaned text: every cite's offsets point into it")
    headings: list[list[int]]
    ingested_at: str
    version: int
    supersedes: str | None
    duplicate_of: str | None
    story_id: str | None
    duplicates: list[str] | None = None
    raw: str | None = None


class IngestedArticle(BaseModel):
    """One article an ingest added, with the story it joined."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    story_id: str | None
    story_title: str | None
    duplicate_of: str | None


class IngestOut(BaseModel):
    added: list[str]
    unchanged: int
    new_versions: int
    errors: list[str]
    stories_touched: list[str]
    articles: list[IngestedArticle]
    ok: bool


class JobOut(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    files: list[str]
    done: int
    total: int | None
    current: str
    result: IngestOut | None
    error: str | None


def story_out(state: WebState, s: Story) -> StoryOut:
    return StoryOut(
        id=s.id, title=s.title, articles=s.article_ids, n_independent=s.n_independent,
        first_seen=s.first_seen, last_seen=s.last_seen, outlets=state.outlets(s.article_ids),
        actors=[ActorOut(id=r.id, name=r.name) for r in state.actors.top(s.article_ids)],
    )  # fmt: skip


def article_out(
    a: Article, *, raw: bool = False, duplicates: list[str] | None = None
) -> ArticleOut:
    d = a.to_dict()
    d["source"] = a.url or a.source
    d["headings"] = [[h.start, h.end] for h in a.headings]
    d["raw"] = a.raw if raw else None
    d["duplicates"] = duplicates
    return ArticleOut(**d)


def duplicates_of(state: WebState, article_id: str) -> list[str]:
    """Ids of the stored articles marked as copies of this one."""
    return [aid for aid, (of, _, _) in state.engine.duplicate_info().items() if of == article_id]


# -- routes ---------------------------------------------------------------------------------


@router.get(
    "/stories", response_model=list[StoryOut], summary="List stories", responses=_errors(422)
)
def list_stories(
    state: State,
    q: Annotated[str | None, Query(max_length=500, description="full-text search (FTS5)")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="entity id or name")] = None,
    date_from: Annotated[DateQuery, Query(alias="from")] = None,
    date_to: Annotated[DateQuery, Query(alias="to")] = None,
    sort: Literal["size", "recent", "relevance"] = "size",
    limit: Annotated[int | None, Query(ge=1, le=10000)] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[StoryOut]:
    """Stories, largest first (like ``storyline stories --format json``), optionally filtered."""
    stories, _ = find_stories(
        state, q=q, actor=actor, date_from=date_from, date_to=date_to, sort=sort
    )
    page = stories[offset : offset + limit if limit else None]
    return [story_out(state, s) for s in page]


@router.get(
    "/stories/{story_id}", response_model=StoryOut, summary="One story",
    responses=_errors(404, 422),
)  # fmt: skip
def get_story(state: State, story_id: IdPath) -> StoryOut:
    return story_out(state, state.engine.story(story_id))


@router.get(
    "/stories/{story_id}/updated",
    response_model=StoryUpdated,
    summary="When a story last changed",
    responses=_errors(404, 422),
)
def story_updated(state: State, story_id: IdPath) -> StoryUpdated:
    """Cheap check an open story page polls to learn that new articles changed the story."""
    story = state.engine.story(story_id)
    return StoryUpdated(
        id=story_id,
        updated_at=state.engine.story_updated_at(story_id),
        n_articles=len(story.article_ids),
    )


@router.get(
    "/stories/{story_id}/report",
    summary="The cited report of a story",
    responses={
        200: {
            "description": "the report; as JSON it follows the shipped schema "
            "(`storyline schema report`)",
            "content": {
                **REPORT_CONTENT,
                "application/json": {"schema": schema.inline(schema.load("report"))},
            },
        },
        **_errors(404, 422),
    },
)
async def story_report(
    state: State, story_id: IdPath, format: Literal["json", "md", "html"] = "json"
) -> Response:
    """SPEC.md's report JSON (``report.to_dict()``), or Markdown / standalone HTML."""
    # Built on the report pool and rendered on a request thread: never on the event loop.
    rep = await state.report_async(story_id)
    return await run_in_threadpool(report_response, rep, format, compact=True)


@router.get(
    "/articles", response_model=list[ArticleOut], summary="List articles",
    responses=_errors(404, 422),
)  # fmt: skip
def list_articles(
    state: State,
    story: Annotated[
        str | None, Query(max_length=64, description="only this story's articles")
    ] = None,
    q: Annotated[str | None, Query(max_length=500, description="full-text search (FTS5)")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[ArticleOut]:
    """Articles in ingest order (like ``storyline articles --format json``), a page at a time."""
    ids: list[str] | None = None
    if story:
        ids = state.engine.story(story).article_ids
    q = search_text(q)
    if q:
        found = state.engine.search(q, limit=offset + limit)
        ids = [i for i in found if ids is None or i in set(ids)]
    if ids is not None:
        arts = state.engine.articles(ids[offset : offset + limit])
    else:
        arts = state.engine.articles()[offset : offset + limit]
    return [article_out(a) for a in arts]


@router.get(
    "/articles/{article_id}", response_model=ArticleOut, summary="One article",
    responses=_errors(404, 422),
)  # fmt: skip
def get_article(
    state: State,
    article_id: IdPath,
    raw: Annotated[bool, Query(description="include the raw input text")] = False,
) -> ArticleOut:
    a = state.engine.article(article_id)
    return article_out(a, raw=raw, duplicates=duplicates_of(state, article_id))


@router.get(
    "/articles/{article_id}/facts", summary="Facts extracted from one article",
    response_model=None,  # the body is documented by the shipped schema (`storyline schema facts`)
    responses={
        200: {"description": "the article's facts",
              "content": {"application/json": {"schema": schema.inline(schema.load("facts"))}}},
        **_errors(404, 422),
    },
)  # fmt: skip
def get_facts(state: State, article_id: IdPath) -> dict[str, Any]:
    """Entities, quotes, quantities, dates, events and stances, each with its cite."""
    return asdict(state.facts(state.engine.article(article_id)))


_UPLOAD_DOC: dict[str, Any] = {
    "requestBody": {
        # What the server accepts, said in the schema: a body is required, and a form
        # holds at least one file or some pasted text (an empty form ingests nothing).
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                  "minItems": 1,
                                  "description": "text, HTML, RSS/Atom, JSON or JSONL files"},
                        "text": {"type": "string", "pattern": "\\S",
                                 "description": "pasted article text (not only spaces)"},
                        "title": {"type": "string", "maxLength": 500,
                                  "description": "title of the pasted text"},
                        "outlet": {"type": "string", "maxLength": 200},
                        "published": {"type": "string", "format": "date",
                                      "description": "YYYY-MM-DD"},
                    },
                    "anyOf": [{"required": ["files"]}, {"required": ["text"]}],
                }
            },
            "application/json": {"schema": {"description": "an article object or a list of them"}},
            "application/x-ndjson": {"schema": {"type": "string", "pattern": "\\S",
                                                "description": "JSON Lines"}},
        }
    }
}  # fmt: skip


@router.post(
    "/ingest",
    summary="Add articles",
    response_model=IngestOut,
    responses={
        202: {"model": JobOut},
        **_errors(400, 401, 403, 413, 415),
        # nothing could be ingested: the same result body as a 200 (its ``errors`` say why),
        # or a plain error when the request itself is unusable
        422: {"model": IngestOut | ErrorOut, "description": "nothing could be ingested"},
    },
    openapi_extra=_UPLOAD_DOC,
)
async def ingest(
    request: Request,
    wait: Annotated[bool, Query(description="false: return a job to poll at once")] = True,
) -> Response:
    """Ingest uploaded files / pasted text like ``storyline ingest``.

    With ``wait=true`` answers when done: 200 with the result, or 422 when nothing could
    be ingested. With ``wait=false`` answers 202 with a job to poll at ``/api/ingest/jobs/{id}``.
    """
    check_token(request)
    upload = await read_upload(request, request.app.state.engine_max_bytes)
    job, fut = get_jobs(request).submit(
        upload.folder, upload.files, upload.outlet, upload.published
    )
    if not wait:
        return JSONResponse(
            job.to_dict(), status_code=202, headers={"Location": f"/api/ingest/jobs/{job.id}"}
        )
    await run_in_threadpool(fut.result)
    if job.status == "failed":
        raise HTTPException(500, job.error or "ingest failed")
    assert job.result is not None
    status = 200 if job.result["ok"] else 422
    return JSONResponse(job.result, status_code=status)


@router.get(
    "/ingest/jobs/{job_id}", response_model=JobOut, summary="Progress of an ingest job",
    responses=_errors(404, 422),
)  # fmt: skip
def ingest_job(request: Request, job_id: IdPath) -> JobOut:
    job = get_jobs(request).get(job_id)
    if job is None:
        raise HTTPException(
            404, f"no ingest job {job_id!r} (jobs are kept in memory while the server runs)"
        )
    return JobOut(**job.to_dict())


__all__ = ["article_out", "router", "story_out"]

"""Uploads: files and pasted text go to a private temp folder and through ``Engine.ingest``.

The server never opens a path a client names: every upload is written under a fresh
``tempfile.mkdtemp`` folder with a sanitised file name, ingested from there, and removed.
Ingest jobs run one at a time on a single worker thread (the engine's dedup and story
indexes are not thread-safe); a job's progress can be polled while it runs. A job stores
the articles without extracting them; their facts and the touched stories' reports are
built in the background right after (``WebState.analyse``).
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from fastapi import HTTPException, Request

from storyline.web.state import WebState

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = "storyline-upload-"
MAX_FILES = 500  # files in one upload request
MAX_FIELDS = 50  # other form fields in one upload request
SIDECAR = ".meta.json"
# Articles uploaded through the app have the source "upload:<job id>/<file name>"; older
# databases may still hold the temp path they were read from.
SOURCE_PREFIX = "upload:"
_UPLOADED = re.compile(
    r"^upload:[0-9a-f]+/(.+)$|" + re.escape(UPLOAD_PREFIX) + r"[A-Za-z0-9_]+[/\\](.+)$"
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

JobStatus = Literal["queued", "running", "done", "failed"]


def safe_name(filename: str | None, fallback: str = "upload") -> str:
    """A harmless file name from a client-given one: base name only, no dots in front."""
    base = re.split(r"[/\\]", filename or "")[-1]
    base = _UNSAFE.sub("_", base).lstrip("._")[:120]
    return base or fallback


def display_source(source: str) -> str:
    """How to show an article's source: uploads by their file name, not a temp path."""
    m = _UPLOADED.search(source)
    if m:
        return "uploaded file " + (m.group(1) or m.group(2))
    return source


class UploadDir:
    """A private temp folder for one upload; ``add`` writes a file under a unique safe name."""

    def __init__(self) -> None:
        # resolved: ingest stores resolved paths, and display_source matches on them
        self.path = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX)).resolve()
        self._names: set[str] = set()

    def unique(self, filename: str | None, fallback: str = "upload") -> Path:
        name = safe_name(filename, fallback)
        stem, dot, ext = name.partition(".")
        for n in itertools.count(2):
            if name.casefold() not in self._names:
                break
            name = f"{stem}-{n}{dot}{ext}"
        self._names.add(name.casefold())
        return self.path / name

    def cleanup(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def inputs(self) -> list[str]:
        """The files to ingest: everything written except sidecars of another written file."""
        files = sorted(p for p in self.path.iterdir() if p.is_file())
        names = {p.name for p in files}
        out = []
        for p in files:
            if p.name.endswith(SIDECAR):
                target = p.name.removesuffix(SIDECAR)
                if any(n == target or n.rsplit(".", 1)[0] == target for n in names):
                    continue  # it describes an uploaded file; ingest reads it from there
            out.append(str(p))
        return out


@dataclass(slots=True)
class IngestJob:
    """One upload being ingested; ``to_dict`` is what the jobs endpoint returns."""

    id: str
    files: list[str]
    status: JobStatus = "queued"
    done: int = 0
    total: int | None = None
    current: str = ""
    created: float = field(default_factory=time.time)
    finished: float | None = None
    result: dict[str, Any] | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "files": self.files,
            "done": self.done,
            "total": self.total,
            "current": self.current,
            "result": self.result,
            "error": self.error,
        }


class IngestJobs:
    """Runs ingest jobs one at a time on a worker thread and remembers the recent ones."""

    def __init__(self, state: WebState, keep: int = 50) -> None:
        self.state = state
        self._keep = keep
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-ingest")
        self._warmer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-warm")
        self._running = True

    def start(self) -> None:
        """(Re)start the worker threads: an app's lifespan may run more than once (one per
        test client or server start over the same app), and a job submitted after a
        shutdown must still run instead of failing with a 500."""
        with self._lock:
            if self._running:
                return
            self.state.stopping.clear()
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-ingest")
            self._warmer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-warm")
            self._running = True

    def get(self, job_id: str) -> IngestJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> list[IngestJob]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def submit(
        self, upload: UploadDir, files: list[str], outlet: str | None, published: str | None
    ) -> tuple[IngestJob, Future[IngestJob]]:
        """Queue an ingest of everything in ``upload``; the folder is removed afterwards."""
        job = IngestJob(id=secrets.token_hex(8), files=files)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                oldest = next(iter(self._jobs.values()))
                if oldest.status in ("queued", "running"):
                    break
                self._jobs.popitem(last=False)
        self.start()  # a request after a lifespan shutdown (nested test clients) still runs
        fut = self._worker.submit(self._run, job, upload, outlet, published)
        return job, fut

    def warm(self, fn: Callable[[], object]) -> None:
        """Run background indexing work without holding up the next ingest."""
        self._warmer.submit(_logged(fn))

    def shutdown(self) -> None:
        """Stop background work before the engine closes (indexing stops after its batch)."""
        with self._lock:
            self._running = False
            warmer, worker = self._warmer, self._worker
        self.state.stopping.set()
        warmer.shutdown(wait=True, cancel_futures=True)
        worker.shutdown(wait=False, cancel_futures=True)
        self.state.shutdown()

    def _run(
        self, job: IngestJob, upload: UploadDir, outlet: str | None, published: str | None
    ) -> IngestJob:
        engine = self.state.engine
        prefix = str(upload.path) + "/"
        job.status = "running"
        try:
            paths = upload.inputs()
            job.total = len(paths)

            # An uploaded file's source is ``upload:<job id>/<safe name>`` (plus the record
            # suffix of a JSON Lines line or feed item), not the temp path it was read from:
            # the path means nothing once the folder is gone. The job id keeps two uploads
            # with the same name (every paste is ``pasted.txt``) apart, so one is never taken
            # for a new version of the other.
            label = f"{SOURCE_PREFIX}{job.id}/"

            def progress(done: int, _total: int | None, source: str) -> None:
                job.done = done
                job.current = source.removeprefix(prefix)

            # Stored without extracting (the job answers sooner); the touched stories'
            # facts and reports are then built in the background (``WebState.analyse``),
            # and their pages say "being analysed" until they are ready.
            result = engine.ingest(
                paths, outlet=outlet, published=published, progress=progress,
                source_of=lambda src: label + src.removeprefix(prefix)
                if src.startswith(prefix) else src,
                extract=False,
            )  # fmt: skip
            stories = {s.id: s for s in engine.stories()}
            added = engine.articles(result.added)
            job.result = {
                "added": list(result.added),
                "unchanged": result.unchanged,
                "new_versions": result.new_versions,
                # errors name the uploaded file only (read errors carry the temp path,
                # cleaning errors the renamed source)
                "errors": [
                    str(e).replace(prefix, "").replace(f"{SOURCE_PREFIX}{job.id}/", "")
                    for e in result.errors
                ],
                "stories_touched": sorted(result.stories_touched),
                "articles": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "outlet": a.outlet,
                        "published": a.published,
                        "story_id": a.story_id,
                        "story_title": stories[a.story_id].title if a.story_id in stories else None,
                        "duplicate_of": a.duplicate_of,
                    }
                    for a in added
                ],
                "ok": result.ok,
            }
            job.status = "done"
            if result.stories_touched:
                self.state.analyse(sorted(result.stories_touched))
            if result.added:
                ids = list(result.added)
                self.warm(lambda: self.state.warm_actors(ids))
        except Exception as exc:  # the job reports the failure; the server keeps running
            logger.exception("ingest job %s failed", job.id)
            job.status = "failed"
            job.error = f"{type(exc).__name__}: {exc}".replace(prefix, "")
        finally:
            upload.cleanup()
            job.finished = time.time()
        return job


def _logged(fn: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        try:
            fn()
        except Exception:
            logger.exception("background indexing failed")

    return run


# -- reading an upload request --------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+-Z]*)?$")


@dataclass(slots=True)
class UploadRequest:
    """What an ingest request carried, already written to a private folder."""

    folder: UploadDir
    files: list[str]
    outlet: str | None
    published: str | None
    token: str | None = None


def clean_field(value: object, name: str, limit: int) -> str | None:
    """A short text form field: stripped, None when empty; 422 when too long."""
    if value is None or not isinstance(value, str):
        return None
    v = " ".join(value.split())
    if len(v) > limit:
        raise HTTPException(422, f"{name} is too long (over {limit} characters)")
    return v or None


def check_date(value: str | None, name: str = "published") -> str | None:
    """``YYYY-MM-DD`` (or a full ISO timestamp), validated; 422 otherwise."""
    if not value:
        return None
    from datetime import date

    if not _DATE.match(value):
        raise HTTPException(422, f"{name} must be a date like 2025-11-03, not {value[:40]!r}")
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise HTTPException(422, f"{name} is not a real date: {value[:40]!r}") from None
    return value


async def read_upload(request: Request, max_bytes: int) -> UploadRequest:
    """Write the files and pasted text of an ingest request to a fresh private folder.

    Accepts ``multipart/form-data`` (fields ``files`` (repeatable), ``text``, ``title``,
    ``outlet``, ``published``) or a raw JSON / JSON Lines body (``outlet`` and
    ``published`` then come from the query string). Client file names are reduced to a
    safe base name; nothing is read from a client-given path.

    Raises:
        HTTPException: 415 for another content type, 422 for bad fields or nothing to ingest.
    """
    from starlette.concurrency import run_in_threadpool
    from starlette.datastructures import UploadFile
    from starlette.exceptions import HTTPException as StarletteHTTPException
    from starlette.formparsers import MultiPartException

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    folder = UploadDir()
    try:
        names: list[str] = []
        if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            try:
                form = await request.form(
                    max_files=MAX_FILES, max_fields=MAX_FIELDS, max_part_size=max_bytes
                )
            except (MultiPartException, StarletteHTTPException) as exc:
                # Starlette turns its parser's errors into a 400 and says which limit was hit
                # only in the message: a limit is a 413, anything else a malformed upload.
                message = str(exc.message if isinstance(exc, MultiPartException) else exc.detail)
                if isinstance(exc, StarletteHTTPException) and exc.status_code != 400:
                    raise
                if "Too many files" in message:
                    raise HTTPException(
                        413, f"too many files in one upload (limit {MAX_FILES})"
                    ) from None
                if "maximum size" in message or "Too many fields" in message:
                    raise HTTPException(413, f"upload over a limit: {message}") from None
                raise HTTPException(422, f"malformed upload: {message}") from None
            outlet = clean_field(form.get("outlet"), "outlet", 200)
            published = check_date(clean_field(form.get("published"), "published", 40))
            title = clean_field(form.get("title"), "title", 500)
            token = clean_field(form.get("token"), "token", 200)
            for item in [*form.getlist("files"), *form.getlist("file")]:
                if not isinstance(item, UploadFile) or (not item.filename and not item.size):
                    continue
                dest = folder.unique(item.filename)
                await run_in_threadpool(_copy, item.file, dest)
                names.append(dest.name)
            text = form.get("text")
            if isinstance(text, str) and text.strip():
                dest = folder.unique("pasted.txt")
                dest.write_text(text, encoding="utf-8")
                if title:
                    sidecar = dest.with_name(dest.name.rsplit(".", 1)[0] + SIDECAR)
                    sidecar.write_text(json.dumps({"title": title}), encoding="utf-8")
                names.append("pasted text")
        elif ctype in ("application/json", "application/x-ndjson", "application/jsonl",
                       "application/x-jsonlines", "text/plain", "text/html"):  # fmt: skip
            outlet = clean_field(request.query_params.get("outlet"), "outlet", 200)
            published = check_date(request.query_params.get("published"))
            token = None
            body = await request.body()
            if body.strip():
                ext = {"application/json": "json", "text/plain": "txt", "text/html": "html"}.get(
                    ctype, "jsonl"
                )
                dest = folder.unique(safe_name(request.query_params.get("name"), f"body.{ext}"))
                if "." not in dest.name:
                    dest = dest.with_name(f"{dest.name}.{ext}")
                dest.write_bytes(body)
                names.append(dest.name)
        else:
            raise HTTPException(
                415, "send multipart/form-data (files, text) or a JSON / JSON Lines body"
            )
        if not names:
            raise HTTPException(422, "nothing to ingest: send at least one file or some text")
        return UploadRequest(folder, names, outlet, published, token)
    except BaseException:
        folder.cleanup()
        raise


def _copy(src: Any, dest: Path) -> None:
    src.seek(0)
    with dest.open("wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)


__all__ = [
    "IngestJob",
    "IngestJobs",
    "UploadDir",
    "UploadRequest",
    "check_date",
    "display_source",
    "read_upload",
    "safe_name",
]

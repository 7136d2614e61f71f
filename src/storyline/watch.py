"""Continuous ingest: keep ingesting new files and feed items as they appear.

``watch(engine, paths, ...)`` polls every ``interval`` seconds. A directory is scanned for
new or changed files; a file given directly (an RSS/Atom feed, a JSONL file that grows) is
re-read whenever it changes. A file is read only once its size and modification time are
the same on two scans in a row, so a file still being written is not read half-way (a
writer that pauses longer than the interval should write to a hidden ``.name`` and rename:
hidden files are never read). Re-reading is safe: an article's id is a hash of its cleaned
text, so items already stored are recognised and counted as "already stored", and only new
items are added.

Why polling and not inotify/FSEvents: it is portable (Linux, macOS, Windows), needs no
extra dependency, and works on network mounts (NFS, SMB, FUSE object-store mounts), where
change notifications are not delivered. A scan is one ``stat`` per file, cheap next to
reading and cleaning a single article.

All writing goes through ``Engine.ingest``, which stores each chunk of articles (with
their duplicate links, story assignments and story summaries) in one SQLite transaction.
Stopping (``stop`` set, e.g. by Ctrl-C) is checked between inputs: a chunk being written
is finished and committed; articles read but not yet part of a committed chunk are dropped
and read again on the next run, and are then recognised by their ids. A hard kill at any
moment leaves the database at its last committed chunk (SQLite's WAL journal rolls back
the rest). Extracted facts are a cache written after each chunk; if they are lost, they
are recomputed when a report needs them.

A URL (``http://`` or ``https://``, as ``storyline ingest URL`` takes them) is polled every
``interval`` seconds: a page, an RSS/Atom feed or a sitemap. One fetcher serves the whole
watch (``pipeline.prepare.url_fetcher``, see ``stages/prepare/fetch.py``): it respects
robots.txt, spaces its requests to a host, retries with backoff, names itself in its user
agent, asks for the watched URL conditionally (ETag / Last-Modified), fetches each new feed
entry's page once and never again unless the feed dates it anew, and tries a failed entry
again on later polls, reporting its error once. What it fetches goes through the same
prepare function and commit as everything else (``prepare`` then
``Engine.ingest_prepared``); if a poll is not stored (stopped, or the engine failed), the
fetcher forgets its entries, so the next poll fetches them again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table

    from storyline import IngestResult
    from storyline.engine import Engine
    from storyline.errors import InputError
    from storyline.pipeline.prepare import Known, Prepared

logger = logging.getLogger(__name__)

MAX_FAILURES = 3
"""Times a file is retried after an unexpected engine failure before it waits for a change."""


@dataclass(slots=True)
class WatchStats:
    """Live counters of one watch run (what the progress display shows)."""

    passes: int = 0
    url_polls: int = 0  # watched URLs asked for (each pass asks every URL once)
    files_seen: int = 0  # files currently known under the watched paths
    files_read: int = 0  # file reads handed to the engine (a changed feed counts again)
    pending: int = 0  # files waiting for their size and time to settle
    inputs: int = 0  # articles and feed items read (including ones already stored)
    added: int = 0
    unchanged: int = 0
    new_versions: int = 0
    errors: int = 0
    facts: int = 0  # articles whose facts were extracted and cached
    stories_touched: set[str] = field(default_factory=set)
    last_error: str | None = None
    current: str | None = None
    interrupted: bool = False  # stopped in the middle of reading a group of files
    error_log: list[str] = field(default_factory=list)  # every error line, in order

    def summary(self) -> str:
        """One line: what the run did."""
        return (
            f"{self.added} added, {self.unchanged} already stored, {self.new_versions} new "
            f"versions, {self.errors} errors; {len(self.stories_touched)} stories touched; "
            f"facts cached for {self.facts}; {self.files_read} file reads"
            + (f", {self.url_polls} URL polls" if self.url_polls else "")
            + f" over {self.passes} passes"
        )


class _Stopped(Exception):
    """Raised from the progress callback to leave ``Engine.ingest`` between inputs."""


Signature = tuple[int, int]  # (size, mtime in ns)


class Watcher:
    """The state of a watch: which files were read at which size and time.

    Args:
        engine: the engine to ingest with.
        paths: directories and files (feeds, JSONL, single articles) to watch, and
            ``http(s)://`` URLs of pages, feeds and sitemaps to poll.
        extract: also extract and cache the facts of added articles (report-ready).
        fetch_delay: least seconds between two requests to one host.
        retry_after: seconds before a URL that failed is tried again (doubling each time).
    """

    def __init__(
        self,
        engine: Engine,
        paths: Sequence[str | Path],
        *,
        extract: bool = True,
        fetch_delay: float = 1.0,
        retry_after: float = 60.0,
    ) -> None:
        from storyline.pipeline.prepare import is_url, url_fetcher

        self.engine = engine
        self.urls = [p for p in paths if isinstance(p, str) and is_url(p)]
        self.paths = [Path(p) for p in paths if not (isinstance(p, str) and is_url(p))]
        self.extract = extract
        self.fetcher = (
            url_fetcher(engine.settings, delay=fetch_delay, retry_after=retry_after)
            if self.urls
            else None
        )
        self.stats = WatchStats()
        self._done: dict[Path, Signature] = {}  # signature when last read
        self._pending: dict[Path, Signature] = {}  # signature at the last scan, not yet read
        self._failures: dict[Path, int] = {}
        self._missing_reported: set[Path] = set()
        self._skips_reported: set[str] = set()

    # -- scanning ---------------------------------------------------------------------------

    def _files(self) -> list[Path]:
        from storyline.pipeline.prepare import walk_inputs

        found: list[Path] = []
        for p in self.paths:
            if p.is_dir():
                for f in walk_inputs(p):
                    if isinstance(f, Path):
                        found.append(f)
                    elif f.source not in self._skips_reported:
                        # a skipped entry (FIFO, dangling link...): say so once per entry
                        self._skips_reported.add(f.source)
                        self._error(str(f))
            elif p.exists():
                found.append(p)
            elif p not in self._missing_reported:
                # a feed file may not exist yet: say so once and keep watching for it
                self._missing_reported.add(p)
                self._error(f"{p}: no such file or directory (watching for it)")
        return found

    def scan(self) -> list[Path]:
        """Stat every watched file; return those that changed and have settled since last scan."""
        ready: list[Path] = []
        seen: set[Path] = set()
        for f in self._files():
            try:
                st = f.stat()
            except OSError:
                continue  # removed between listing and stat
            sig = (st.st_size, st.st_mtime_ns)
            seen.add(f)
            if self._done.get(f) == sig:
                continue
            if self._pending.get(f) == sig:
                ready.append(f)
            else:
                self._pending[f] = sig
        for gone in set(self._pending) - seen:
            del self._pending[gone]
        for gone in set(self._done) - seen:
            del self._done[gone]  # re-created later: read again
        self.stats.files_seen = len(seen)
        self.stats.pending = len(self._pending) - len(ready)
        return ready

    # -- ingesting --------------------------------------------------------------------------

    def _error(self, line: str) -> None:
        self.stats.errors += 1
        self.stats.last_error = line
        self.stats.error_log.append(line)

    def ingest(
        self,
        files: Sequence[Path],
        stop: threading.Event,
        on_update: Callable[[WatchStats], None] | None = None,
    ) -> bool:
        """Ingest ``files`` in groups; return False when ``stop`` interrupted the work."""
        s = self.stats
        group_size = max(1, self.engine.settings.chunk_size)
        for i in range(0, len(files), group_size):
            if stop.is_set():
                s.interrupted = True
                return False
            group = list(files[i : i + group_size])
            sigs = {f: self._pending.get(f) for f in group}

            def progress(done: int, total: int | None, source: str) -> None:
                if stop.is_set():
                    raise _Stopped
                s.inputs += 1
                s.current = source
                if on_update:
                    on_update(s)

            try:
                result = self.engine.ingest(
                    [str(f) for f in group], progress=progress, extract=self.extract
                )
            except _Stopped:
                s.interrupted = True
                return False
            except Exception as exc:
                logger.exception("ingest failed for %d files", len(group))
                self._error(f"{group[0]}{' and others' if len(group) > 1 else ''}: {exc}")
                # the engine's indexes may hold articles of the chunk that was never
                # committed: it rebuilds them from the store
                self.engine.reset_indexes()
                for f in group:
                    self._failures[f] = self._failures.get(f, 0) + 1
                    if self._failures[f] >= MAX_FAILURES and (sig := sigs[f]) is not None:
                        self._done[f] = sig  # give up until the file changes
                        self._pending.pop(f, None)
                continue
            for f in group:
                if (sig := sigs[f]) is not None:
                    self._done[f] = sig
                self._pending.pop(f, None)
                self._failures.pop(f, None)
            s.files_read += len(group)
            if not self._record(result, stop, on_update):
                return False
        return True

    def poll(
        self, stop: threading.Event, on_update: Callable[[WatchStats], None] | None = None
    ) -> bool:
        """Ask every watched URL for what is new and store it; False when ``stop`` cut in.

        The same path as any ingest: ``read`` (with this watch's fetcher), ``prepare``,
        then ``Engine.ingest_prepared``, a chunk per transaction.
        """
        from datetime import UTC, datetime

        from storyline.pipeline.prepare import prepare, read

        if not self.urls or self.fetcher is None:
            return True
        s = self.stats
        settings = self.engine.settings
        now = datetime.now(UTC).isoformat(timespec="seconds")
        mark = self.fetcher.mark()

        def items() -> Iterator[Prepared | Known | InputError]:
            for doc in read(self.urls, settings, fetcher=self.fetcher):
                if stop.is_set():
                    raise _Stopped
                s.inputs += 1
                s.current = doc.source
                if on_update:
                    on_update(s)
                yield from prepare([doc], settings, ingested_at=now)

        s.url_polls += len(self.urls)
        try:
            result = self.engine.ingest_prepared(items())
        except _Stopped:
            self.fetcher.rollback(mark)
            s.interrupted = True
            return False
        except Exception as exc:
            logger.exception("ingest failed for %s", ", ".join(self.urls))
            self.fetcher.rollback(mark)  # fetched again on the next poll
            self.engine.reset_indexes()
            self._error(f"{self.urls[0]}{' and others' if len(self.urls) > 1 else ''}: {exc}")
            return True
        return self._record(result, stop, on_update)

    def _record(
        self,
        result: IngestResult,
        stop: threading.Event,
        on_update: Callable[[WatchStats], None] | None,
    ) -> bool:
        """Count a stored batch (folder or URL poll) and extract what it added; False when
        ``stop`` cut the extraction short."""
        s = self.stats
        s.added += len(result.added)
        s.unchanged += result.unchanged
        s.new_versions += result.new_versions
        s.stories_touched |= result.stories_touched
        for e in result.errors:
            self._error(str(e))
        s.current = None
        if on_update:
            on_update(s)
        if self.extract and result.added and not self._extract(result.added, stop, on_update):
            s.interrupted = True
            return False
        return True

    def _extract(
        self,
        ids: list[str],
        stop: threading.Event,
        on_update: Callable[[WatchStats], None] | None,
    ) -> bool:
        """Extract and cache facts for ``ids``, a chunk at a time, stopping between chunks."""
        step = max(1, self.engine.settings.chunk_size)
        for j in range(0, len(ids), step):
            if stop.is_set():
                return False
            try:
                arts = self.engine.articles(ids[j : j + step])
                self.engine.facts(arts)
            except Exception as exc:  # facts are a cache: a report extracts them again
                logger.exception("fact extraction failed")
                self._error(f"fact extraction: {exc}")
                return True
            self.stats.facts += len(arts)
            if on_update:
                on_update(self.stats)
        return True


def watch(
    engine: Engine,
    paths: Sequence[str | Path],
    *,
    interval: float = 2.0,
    stop: threading.Event | None = None,
    on_update: Callable[[WatchStats], None] | None = None,
    once: bool = False,
    extract: bool = True,
    fetch_delay: float = 1.0,
    retry_after: float | None = None,
) -> WatchStats:
    """Ingest new and changed files under ``paths`` until ``stop`` is set (or one pass).

    Args:
        engine: an open engine (its settings choose the embedder and extractor).
        paths: directories to scan recursively, files (feeds, JSONL) to re-read on change,
            and ``http(s)://`` URLs (pages, feeds, sitemaps) to poll.
        interval: seconds between scans and polls; also how long a file must stay unchanged.
        stop: set it (from a signal handler or another thread) to stop after the current
            chunk; the function then returns.
        on_update: called with the live counters whenever they change (for a display).
        once: scan, wait ``interval`` for files to settle, ingest, and return. Files still
            changing after that wait are left for the next run.
        extract: also extract and cache facts of added articles, so reports are ready.
        fetch_delay: least seconds between two requests to one host.
        retry_after: seconds before a failed URL is tried again, doubling each time
            (default: ten intervals, at least a minute).

    Returns:
        The counters of the run; ``interrupted`` tells whether ``stop`` cut a pass short.
    """
    stop = stop or threading.Event()
    retry = max(60.0, 10 * interval) if retry_after is None else retry_after
    watcher = Watcher(engine, paths, extract=extract, fetch_delay=fetch_delay, retry_after=retry)
    s = watcher.stats
    while not stop.is_set():
        ready = watcher.scan()
        if once and watcher.stats.pending:
            # first sight of these files: give them one interval to prove they are complete
            if on_update:
                on_update(s)
            stop.wait(interval)
            if stop.is_set():
                break
            ready = watcher.scan()
        s.passes += 1
        if on_update:
            on_update(s)
        if ready and not watcher.ingest(ready, stop, on_update):
            break
        if not watcher.poll(stop, on_update):
            break
        if once:
            break
        stop.wait(interval)
    if on_update:
        on_update(s)
    return s


def render_stats(stats: WatchStats, paths: Sequence[str | Path], db: object) -> Table:
    """A small Rich table of the live counters (for ``rich.live.Live``)."""
    from rich.markup import escape
    from rich.table import Table

    # paths, file names and error lines come from the input: escaped, never read as markup
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="ellipsis", no_wrap=True)
    grid.add_row("watching", escape(", ".join(str(p) for p in paths) + f" → {db}"))
    grid.add_row(
        "files", f"{stats.files_seen} seen, {stats.pending} settling, {stats.files_read} read"
    )
    if stats.url_polls:
        grid.add_row("urls", f"{stats.url_polls} polls")
    grid.add_row(
        "articles",
        f"{stats.added} added, {stats.unchanged} already stored, {stats.new_versions} new "
        f"versions, facts for {stats.facts}",
    )
    grid.add_row("stories", f"{len(stats.stories_touched)} touched")
    grid.add_row("now", escape(stats.current or f"waiting (pass {stats.passes})"))
    grid.add_row(
        "errors",
        f"{stats.errors}" + (f"; last: {escape(stats.last_error)}" if stats.last_error else ""),
    )
    return grid


__all__ = ["WatchStats", "Watcher", "render_stats", "watch"]

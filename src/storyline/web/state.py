"""What one web app owns: the engine, its locks, and small caches in front of it.

One ``Engine`` serves every request. SQLite reads go straight to the store, which gives
each thread its own read connection (WAL: the last committed state, never an ingest's
half) and serialises writes under its lock; two kinds of work
are serialised here because the objects behind them are not thread-safe: ingest (the
engine's in-memory dedup/story indexes) runs on a single worker thread, and extraction +
report building (spaCy) runs under ``report_lock``.

Nothing heavy runs on the event loop, and a slow report never holds a request thread:
reports are built on a pool of their own (``report_async``); the request awaits the
build without taking one of the server's threads, and requests for a story whose report
is being built share that build. Facts already extracted (by a report, or a page) are
kept in a small cache, so an article page never waits behind a report being built.

A story page never waits for extraction either (``report_if_ready``): when some of the
story's articles have no facts yet (uploaded a moment ago, or ingested with
``--no-extract``), their extraction and the report are built in the background and the page
says that the story is being analysed until the report is ready.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from starlette.concurrency import run_in_threadpool

from storyline.engine import Engine
from storyline.errors import NotFoundError
from storyline.models import Article, ArticleFacts, ArticleId, Story, StoryId, StoryReport

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """The parts of an article that never change once stored (its id is a content hash)."""

    id: ArticleId
    title: str
    outlet: str | None
    published: str | None
    source: str
    url: str | None

    @classmethod
    def of(cls, a: Article) -> ArticleMeta:
        return cls(a.id, a.title, a.outlet, a.published, a.source, a.url)


@dataclass(frozen=True, slots=True)
class Analysing:
    """A story whose report waits for extraction: ``ready`` of its ``total`` articles
    have their facts (``WebState.report_if_ready``)."""

    story: Story
    ready: int
    total: int


@dataclass(slots=True)
class ActorRef:
    """One canonical actor found in an article's extracted facts."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    folded: tuple[str, ...] = field(default=())


class ActorIndex:
    """Entity names per article, from cached extraction results, for searching by actor.

    Filled lazily (after reports, after uploads, and by a background warm-up), so a
    request never waits for extraction over the whole database.
    """

    def __init__(self) -> None:
        self._by_article: dict[ArticleId, list[ActorRef]] = {}
        self._lock = threading.Lock()

    def add(self, facts: Iterable[ArticleFacts]) -> None:
        """Index (or re-index) the entities of these articles."""
        with self._lock:
            for f in facts:
                refs = []
                for e in f.entities:
                    names = (e.name, *e.aliases)
                    refs.append(
                        ActorRef(e.id, e.name, e.type, tuple(e.aliases),
                                 tuple(n.casefold() for n in names if n))
                    )  # fmt: skip
                self._by_article[f.article_id] = refs

    def has(self, article_id: ArticleId) -> bool:
        return article_id in self._by_article

    def missing(self, ids: Iterable[ArticleId]) -> list[ArticleId]:
        return [i for i in ids if i not in self._by_article]

    def __len__(self) -> int:
        return len(self._by_article)

    def match(self, query: str) -> tuple[set[ArticleId], list[ActorRef]]:
        """Articles naming an actor that matches ``query`` (an entity id, or part of a name)."""
        q = query.strip().casefold()
        hits: set[ArticleId] = set()
        actors: dict[str, ActorRef] = {}
        if not q:
            return hits, []
        with self._lock:
            for aid, refs in self._by_article.items():
                for r in refs:
                    if r.id.casefold() == q or any(q in n for n in r.folded):
                        hits.add(aid)
                        actors.setdefault(r.id, r)
        return hits, sorted(actors.values(), key=lambda r: r.name)

    def top(self, article_ids: Sequence[ArticleId], n: int = 4) -> list[ActorRef]:
        """The actors named by the most of these articles (anonymous sources left out)."""
        counts: dict[str, int] = {}
        refs: dict[str, ActorRef] = {}
        with self._lock:
            for aid in article_ids:
                for r in {r.id: r for r in self._by_article.get(aid, ())}.values():
                    if r.id.startswith("anon:") or r.type in ("UNNAMED", "DATE", "CARDINAL"):
                        continue
                    counts[r.id] = counts.get(r.id, 0) + 1
                    refs.setdefault(r.id, r)
        best = sorted(counts, key=lambda k: (-counts[k], refs[k].name))[:n]
        return [refs[k] for k in best]

    def names(self, limit: int = 300) -> list[ActorRef]:
        """Actors for the search box's suggestions, most widely named first."""
        with self._lock:
            counts: dict[str, int] = {}
            refs: dict[str, ActorRef] = {}
            for rs in self._by_article.values():
                for r in rs:
                    if r.id.startswith("anon:"):
                        continue
                    counts[r.id] = counts.get(r.id, 0) + 1
                    refs.setdefault(r.id, r)
        return [refs[k] for k in sorted(counts, key=lambda k: (-counts[k], refs[k].name))[:limit]]


class WebState:
    """The engine plus the caches and locks the web app keeps in front of it.

    Args:
        engine: the one engine this app serves.
        token: write endpoints require this token when set.
        poll_seconds: how often an open story page asks whether the story changed.
    """

    def __init__(self, engine: Engine, *, token: str | None, poll_seconds: float = 15.0) -> None:
        self.engine = engine
        self.token = token
        self.poll_seconds = poll_seconds
        self.report_lock = threading.RLock()
        self.stopping = threading.Event()  # set at shutdown: background work ends early
        self.actors = ActorIndex()
        self._meta: dict[ArticleId, ArticleMeta] = {}
        self._meta_lock = threading.Lock()
        self._reports: OrderedDict[StoryId, tuple[object, StoryReport]] = OrderedDict()
        self._reports_lock = threading.Lock()
        # Report builds run here, not on the server's request threads (see the docstring).
        self._builder = ThreadPoolExecutor(max_workers=2, thread_name_prefix="storyline-report")
        self._builder_closed = False
        self._building: dict[StoryId, Future[StoryReport]] = {}
        self._failed: dict[StoryId, object] = {}  # story -> cache key of a build that failed
        self._facts: OrderedDict[ArticleId, ArticleFacts] = OrderedDict()
        # Requests in flight: background warm-up waits for none. Extraction is pure-Python
        # regex work that holds the GIL for long stretches, so running it beside requests
        # made every page wait on it (a 10,000-article store: seconds per story list).
        self._active = 0
        self._idle = threading.Condition()

    # -- request accounting -----------------------------------------------------------------

    def request_started(self) -> None:
        with self._idle:
            self._active += 1

    def request_finished(self) -> None:
        with self._idle:
            self._active -= 1
            if self._active == 0:
                self._idle.notify_all()

    def wait_idle(self, poll: float = 0.5) -> None:
        """Block until no request is in flight (or the app is stopping)."""
        with self._idle:
            while self._active > 0 and not self.stopping.is_set():
                self._idle.wait(poll)

    # -- article metadata -------------------------------------------------------------------

    def meta(self, ids: Iterable[ArticleId]) -> dict[ArticleId, ArticleMeta]:
        """Title, outlet, date and source of these articles (loaded once, then cached)."""
        wanted = list(ids)
        with self._meta_lock:
            missing = [i for i in wanted if i not in self._meta]
        if missing:
            loaded = {a.id: ArticleMeta.of(a) for a in self.engine.articles(missing)}
            with self._meta_lock:
                self._meta.update(loaded)
        with self._meta_lock:
            return {i: self._meta[i] for i in wanted if i in self._meta}

    def outlets(self, article_ids: Sequence[ArticleId]) -> list[str]:
        """Distinct outlets of these articles, the most frequent first."""
        counts: dict[str, int] = {}
        for m in self.meta(article_ids).values():
            if m.outlet:
                counts[m.outlet] = counts.get(m.outlet, 0) + 1
        return sorted(counts, key=lambda o: (-counts[o], o.casefold()))

    # -- reports ----------------------------------------------------------------------------

    def _cached(self, story_id: StoryId) -> tuple[object, StoryReport | None]:
        """The story's cache key and its cached report (None when stale or missing).

        Raises:
            NotFoundError: no story has this id.
        """
        story: Story = self.engine.story(story_id)
        key = (self.engine.story_updated_at(story_id), tuple(story.article_ids))
        with self._reports_lock:
            hit = self._reports.get(story_id)
            if hit is not None and hit[0] == key:
                self._reports.move_to_end(story_id)
                return key, hit[1]
        return key, None

    def _build(self, story_id: StoryId, key: object) -> StoryReport:
        try:
            with self.report_lock:
                rep = self.engine.report(story_id)
                # The report just computed (and cached) these facts; reading them back is
                # cheap (only facts the time limit cut short are extracted again).
                facts = self.engine.facts(rep.articles)
        except BaseException:
            with self._reports_lock:
                self._failed[story_id] = key
            raise
        self.actors.add(facts)
        self._keep_facts(facts)
        with self._reports_lock:
            self._failed.pop(story_id, None)
            self._reports[story_id] = (key, rep)
            while len(self._reports) > 32:
                self._reports.popitem(last=False)
        return rep

    def _submit(self, story_id: StoryId, key: object) -> Future[StoryReport]:
        """The build of this story's report: the one in progress, or a new one."""
        with self._reports_lock:
            fut = self._building.get(story_id)
            if fut is None:
                if self._builder_closed:  # the app started again after a shutdown
                    self._builder = ThreadPoolExecutor(
                        max_workers=2, thread_name_prefix="storyline-report"
                    )
                    self._builder_closed = False
                fut = self._builder.submit(self._build, story_id, key)
                self._building[story_id] = fut

                def done(f: Future[StoryReport], sid: StoryId = story_id) -> None:
                    with self._reports_lock:
                        if self._building.get(sid) is f:
                            del self._building[sid]

                fut.add_done_callback(done)
            return fut

    def report(self, story_id: StoryId) -> StoryReport:
        """The story's report, rebuilt only when the story changed since the cached one.

        Blocks the calling thread; request handlers use ``report_async``.

        Raises:
            NotFoundError: no story has this id.
        """
        key, hit = self._cached(story_id)
        return hit if hit is not None else self._submit(story_id, key).result()

    async def report_async(self, story_id: StoryId) -> StoryReport:
        """``report`` for a request handler: awaits the build without holding a thread.

        Raises:
            NotFoundError: no story has this id.
        """
        key, hit = await run_in_threadpool(self._cached, story_id)
        if hit is not None:
            return hit
        return await asyncio.wrap_future(self._submit(story_id, key))

    async def report_if_ready(self, story_id: StoryId) -> StoryReport | Analysing:
        """The story's report if it can be had without extracting, else its progress.

        A cached report, or one whose articles all have cached facts (its build is then
        analysis only), is awaited and returned. Otherwise the build (extraction first)
        starts in the background, if it is not running already, and ``Analysing`` says how
        many of the story's articles are ready; the caller shows a "being analysed" state
        and asks again. After a failed build, the next request awaits a build of its own,
        so that the failure is reported instead of a page that never stops analysing.

        Raises:
            NotFoundError: no story has this id.
        """
        key, hit = await run_in_threadpool(self._cached, story_id)
        if hit is not None:
            return hit
        story = await run_in_threadpool(self.engine.story, story_id)
        missing = await run_in_threadpool(self.engine.facts_missing, story.article_ids)
        with self._reports_lock:
            failed = self._failed.get(story_id) == key
        if not missing or failed:
            return await asyncio.wrap_future(self._submit(story_id, key))
        self._submit(story_id, key)
        return Analysing(story, len(story.article_ids) - len(missing), len(story.article_ids))

    def analyse(self, story_ids: Iterable[StoryId]) -> int:
        """Start building these stories' reports (and so their facts) in the background.

        For stories that just changed (an upload): their pages are ready sooner, and the
        request that opens one does not wait. Returns the number of builds started.
        """
        n = 0
        for sid in story_ids:
            if self.stopping.is_set():  # the server is stopping: the engine closes next
                break
            try:
                key, hit = self._cached(sid)
            except NotFoundError:  # merged away by a later change: nothing to build
                continue
            if hit is None:
                self._submit(sid, key)
                n += 1
        return n

    def _keep_facts(self, facts: Iterable[ArticleFacts]) -> None:
        with self._reports_lock:
            for f in facts:
                self._facts[f.article_id] = f
                self._facts.move_to_end(f.article_id)
            while len(self._facts) > 2000:
                self._facts.popitem(last=False)

    def facts(self, article: Article) -> ArticleFacts:
        """Extracted facts of one article (computed once, then read from the store's cache)."""
        with self._reports_lock:
            kept = self._facts.get(article.id)
        if kept is not None:
            return kept
        with self.report_lock:
            facts = self.engine.facts([article])[0]
        self.actors.add([facts])
        self._keep_facts([facts])
        return facts

    def shutdown(self) -> None:
        """Stop the report builders: queued builds are dropped, and a build in progress is
        waited for, since the engine is closed next (a build still writing facts through a
        closed SQLite connection crashed the process: an upload's background analysis can
        be running when the server stops)."""
        with self._reports_lock:
            self._builder_closed = True
            builder = self._builder
        builder.shutdown(wait=True, cancel_futures=True)

    def warm_actors(self, ids: Sequence[ArticleId] | None = None, batch: int = 8) -> int:
        """Extract (or read cached) facts for articles not yet in the actor index.

        Runs batch by batch under ``report_lock`` so page requests interleave with it.
        Returns the number of articles indexed.
        """
        todo = self.actors.missing(
            ids if ids is not None else [a for s in self.engine.stories() for a in s.article_ids]
        )
        done = 0
        for i in range(0, len(todo), batch):
            self.wait_idle()  # requests first: the index is a convenience, pages are not
            if self.stopping.is_set():
                break
            chunk = self.engine.articles(todo[i : i + batch])
            with self.report_lock:
                facts = self.engine.facts(chunk)
            self.actors.add(facts)
            done += len(chunk)
        return done


__all__ = ["ActorIndex", "ActorRef", "Analysing", "ArticleMeta", "WebState"]

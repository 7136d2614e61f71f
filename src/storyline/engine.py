"""The engine: the one Python API that the CLI, the web app, batch and watch are shells over.

A thin façade over the two halves of ingest (``storyline.pipeline``) and the store's reads:
``Engine.ingest`` reads and prepares each input (``pipeline.prepare``: clean) and hands it
to the commit (``pipeline.commit.Commit``: versions, dedup, embed what is missing,
cluster, one transaction per chunk; new articles' facts are extracted as they are read,
unless ``extract=False``); ``Engine.report`` runs extract (only what is not cached yet)
→ align → report for one story. The commit's indexes (MinHash LSH, story centroids) live
in memory and are rebuilt from stored signatures when first needed.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Unpack

import numpy as np

from storyline.config import Overrides, Settings, load_settings
from storyline.errors import InputError, NotFoundError, StorylineError
from storyline.models import (
    Article,
    ArticleFacts,
    ArticleId,
    DateBounds,
    EventChange,
    Story,
    StoryId,
    Storyline,
    StoryReport,
)
from storyline.pipeline import prepare as _prepare
from storyline.pipeline.commit import Commit, IngestResult
from storyline.pipeline.prepare import Known, Prepared, ProgressFn
from storyline.store import DuplicateInfo, Store, open_store

if TYPE_CHECKING:
    from storyline.stages.analysis.statements import Meaning

logger = logging.getLogger(__name__)


class _SentenceVectors:
    """Sentence vectors of one embedder, kept per text in this process (at most ``LIMIT``;
    past it the older half is dropped)."""

    LIMIT = 20_000

    def __init__(self, name: str, threads: int, precision: str) -> None:
        self.name, self.threads, self.precision = name, threads, precision
        self.kept: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # the web app builds reports from several threads

    def encode(self, texts: list[str]) -> np.ndarray:
        from storyline.embed import get_embedder

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock:
            if len(self.kept) + len(texts) > self.LIMIT:
                for old in list(self.kept)[: len(self.kept) // 2]:
                    del self.kept[old]
            missing = list(dict.fromkeys(t for t in texts if t not in self.kept))
            if missing:
                vecs = get_embedder(self.name).encode(missing, self.threads, self.precision)
                self.kept.update(zip(missing, vecs, strict=True))
            return np.stack([self.kept[t] for t in texts])


class Engine:
    """Ingest articles into a store and build cited story reports from it.

    Args:
        settings: resolved settings; ``load_settings()`` when omitted.
        store: an open store; opened from ``settings.db`` when omitted.
    """

    def __init__(self, settings: Settings | None = None, store: Store | None = None) -> None:
        self.settings = settings or load_settings()
        self.store = store or open_store(self.settings.db)
        self._commit = Commit(self.store, self.settings)
        self._sentence_vectors: _SentenceVectors | None = None
        self._terms_checked = False

    @classmethod
    def open(cls, db: str | Path | None = None, **overrides: Unpack[Overrides]) -> Engine:
        """Open the engine on ``db`` (default: ``$STORYLINE_DB`` or ``./storyline.db``)."""
        return cls(load_settings(db=str(db) if db is not None else None, **overrides))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest -----------------------------------------------------------------------------

    def _warn_stale_terms(self) -> None:
        """Say so once when the stored articles' cluster terms were computed by another
        version of ``article_terms``: new articles are clustered against them until
        ``recluster`` computes them again."""
        from storyline.stages.prepare.terms import TERMS_VERSION

        if self._terms_checked:
            return
        self._terms_checked = True
        if self.store.last_seq() and self.store.terms_version() != TERMS_VERSION:
            logger.warning(
                "%s: the stored articles' cluster terms are from an older storyline; "
                "run `storyline recluster` to compute them again",
                self.settings.db,
            )

    def ingest(
        self,
        paths: Sequence[str],
        *,
        outlet: str | None = None,
        published: str | None = None,
        stdin: BinaryIO | None = None,
        progress: ProgressFn | None = None,
        source_of: Callable[[str], str] | None = None,
        extract: bool = True,
    ) -> IngestResult:
        """Read, clean, deduplicate and cluster every input; store them chunk by chunk.

        Bad inputs are recorded in ``IngestResult.errors`` (one line each) and never stop
        the batch. Each chunk of ``settings.chunk_size`` articles is written in one
        transaction, so an interrupted run leaves no half-written article.
        ``progress(done, total, source)`` is called as each input is read (``total`` is
        the number of input files, counted once). ``source_of`` renames each document's
        source before it is cleaned (the web app names uploads by file, not by the
        temporary path they were read from).

        With ``extract`` (the default) each new article's facts are extracted as it is
        read and cached with its chunk, so that a report afterwards only analyses its story
        (``report`` extracts what is missing: articles ingested with ``extract=False``,
        facts the time limit cut short). Content already stored is not extracted again.
        """
        self._warn_stale_terms()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        read = _prepare.read(
            paths, self.settings, outlet=outlet, published=published, stdin=stdin,
            progress=progress,
        )  # fmt: skip

        def new_content(article: Article) -> bool:
            return not self.store.has_article(article.id)

        def prepared() -> Iterator[Prepared | Known | InputError]:
            for item in read:
                if source_of is not None and not isinstance(item, InputError):
                    item = replace(item, source=source_of(item.source))
                # One item at a time, so the caller's progress advances per record while
                # the slow part (extraction) runs, instead of stalling for a whole chunk.
                yield from _prepare.prepare(
                    [item], self.settings, ingested_at=now, known=self.store.has_raw_input,
                    extract=extract, extract_if=new_content,
                )  # fmt: skip

        return self.ingest_prepared(prepared())

    def ingest_prepared(self, items: Iterable[Prepared | Known | InputError]) -> IngestResult:
        """Store prepared articles (with whatever was computed for them ahead) in order.

        This is the sequential half of ingest (``Commit.apply``): versions, exact
        re-ingests, duplicate and story assignment depend on what came before, so
        ``items`` are taken in the order given, and the same order always gives the same
        result. Vectors and terms that an item lacks are computed here, a chunk at a time.
        """
        return self._commit.apply(items)

    def recluster(self) -> int:
        """Re-run duplicate detection and story clustering over every stored article.

        Returns the number of stories afterwards.
        """
        return self._commit.recluster()

    def reset_indexes(self) -> None:
        """Forget the in-memory duplicate and story indexes; they are rebuilt from the store.

        For a caller that recovers from a failed ingest: the indexes may hold articles of
        the chunk that was never committed.
        """
        self._commit.reset()

    @property
    def facts_key(self) -> str:
        """The facts-cache key: extractor name and version (facts of another key are stale)."""
        return _prepare.facts_key(self.settings)

    # -- reading ----------------------------------------------------------------------------

    def articles(self, ids: Iterable[ArticleId] | None = None) -> list[Article]:
        return self.store.articles(ids)

    def article(self, article_id: ArticleId) -> Article:
        return self.store.article(article_id)

    def stories(self) -> list[Story]:
        return self.store.stories()

    def story(self, story_id: StoryId) -> Story:
        return self.store.story(story_id)

    @property
    def db_path(self) -> str | Path:
        """Where the data lives, safe to print (a file path, or a URL without its password)."""
        return self.store.path

    def count_articles(self) -> int:
        """How many articles (every version) are stored."""
        return self.store.count_articles()

    def story_updated_at(self, story_id: StoryId) -> str | None:
        """When the story was last changed (None if it does not exist)."""
        return self.store.story_updated_at(story_id)

    def duplicate_info(self) -> dict[ArticleId, DuplicateInfo]:
        """``article id -> (duplicate_of, kind, score)`` for every stored article."""
        return self.store.duplicate_info()

    def search(self, query: str, limit: int = 50) -> list[ArticleId]:
        """Full-text search over stored articles, best first."""
        return self.store.search(query, limit=limit)

    def facts(self, articles: Sequence[Article]) -> list[ArticleFacts]:
        """Extraction results for ``articles``, computed once and cached in the store.

        Facts the time limit cut short (``ArticleFacts.partial``) are returned but not
        cached: the next call extracts those articles again.
        """
        key = self.facts_key
        cached = self.store.facts([a.id for a in articles], key)
        missing = [a for a in articles if a.id not in cached]
        if missing:
            fresh = _prepare.extract_facts(missing, self.settings)
            self.store.save_facts(fresh, key)  # partial facts are left out by the store
            cached.update({f.article_id: f for f in fresh})
        return [cached[a.id] for a in articles]

    def facts_missing(self, ids: Iterable[ArticleId]) -> list[ArticleId]:
        """Which of ``ids`` have no cached facts yet (a report would extract them first)."""
        wanted = list(ids)
        have = self.store.facts_cached(wanted, self.facts_key)
        return [i for i in wanted if i not in have]

    def report(self, story_id: StoryId) -> StoryReport:
        """The full cited report of one story (SPEC.md's contract)."""
        from storyline.stages.analysis.report import build_report

        story = self.store.story(story_id)
        arts = self.store.articles(story.article_ids)
        return build_report(story, arts, self.facts(arts), self._meaning())

    def _meaning(self) -> Meaning | None:
        """The clustering embedder, lent to the report for facts told in other words
        (``statements.Meaning``); ``None`` for ``--embedder tfidf`` (words only). Vectors
        of the sentences already embedded in this process are kept (``_SentenceVectors``),
        so a story's second report embeds only its new sentences."""
        from storyline.stages.analysis.statements import MEANING_SIMILARITY, Meaning

        name = self.settings.embedder
        if name not in MEANING_SIMILARITY:
            return None
        if self._sentence_vectors is None:
            self._sentence_vectors = _SentenceVectors(
                name, self.settings.embed_threads, self.settings.embed_precision
            )
        return Meaning(self._sentence_vectors.encode, name)

    # -- storylines (events threaded over time) --------------------------------------------

    def storylines(self) -> list[Storyline]:
        """The storylines: every story (event) in exactly one, events in time order.

        Computed on demand from what is stored (centroids of the stored vectors, principal
        actors from the cached facts or else the stored terms, dates and their bounds); see
        ``stages/analysis/storylines.py`` for the linking rule.
        """
        from storyline.stages.analysis import storylines as sl

        stories = self.store.stories()
        members: dict[StoryId, list[tuple[Article, np.ndarray | None, list[str]]]] = {}
        made_by: Counter[str] = Counter()  # the embedder of the stored vectors
        for row in self.store.signatures():
            sid = row.article.story_id
            if sid is None:
                continue
            if row.vector:
                made_by[row.embedder or ""] += 1
            vec = np.frombuffer(row.vector, dtype=np.float32) if row.vector else None
            members.setdefault(sid, []).append((row.article, vec, row.terms))
        all_ids = [a.id for items in members.values() for a, _, _ in items]
        facts = self.store.facts(all_ids, self.facts_key)
        signals: list[sl.EventSignal] = []
        for story in stories:
            items = members.get(story.id, [])
            vecs = [v for _, v, _ in items if v is not None]
            if not items or not vecs:
                continue
            arts = [a for a, _, _ in items]
            cached = [facts[a.id] for a in arts if a.id in facts]
            actors = (
                sl.actors_from_facts(cached)
                if len(cached) == len(arts)
                else sl.actors_from_terms([t for _, _, t in items])
            )
            signals.append(
                sl.EventSignal(
                    id=story.id,
                    title=story.title,
                    vector=sl.centroid(np.vstack(vecs)),
                    actors=frozenset(actors),
                    dates=sl.event_bounds(list(self._bounds(arts, facts).values())),
                    size=len(arts),
                    kind=frozenset(sl.event_kind(arts)),
                )
            )
        from storyline.embed import embedder_of_key  # a stored label may carry a precision

        embedder = embedder_of_key(made_by.most_common(1)[0][0]) if made_by else None
        return sl.link_events(signals, cos_floor=sl.cosine_floor(embedder))

    def storyline(self, storyline_id: str) -> Storyline:
        """One storyline by id (``NotFoundError`` when there is none)."""
        for s in self.storylines():
            if s.id == storyline_id:
                return s
        raise NotFoundError(f"no storyline with id {storyline_id!r}")

    def date_bounds(self, story_id: StoryId) -> dict[ArticleId, DateBounds]:
        """When each article of a story was written, and what that rests on (inferred for
        undated articles: from their own absolute dates and their event's dated articles)."""
        story = self.store.story(story_id)
        arts = self.store.articles(story.article_ids)
        return self._bounds(arts, self.store.facts([a.id for a in arts], self.facts_key))

    @staticmethod
    def _bounds(
        arts: Sequence[Article], facts: dict[ArticleId, ArticleFacts]
    ) -> dict[ArticleId, DateBounds]:
        from storyline.stages.analysis.storylines import article_bounds

        dated = [a.published[:10] for a in arts if a.published]
        return {a.id: article_bounds(a, facts.get(a.id), dated) for a in arts}

    def storyline_changes(
        self, storyline: Storyline, reports: Sequence[StoryReport] | None = None
    ) -> list[EventChange]:
        """What each event of ``storyline`` adds to the ones before it: new actors, new
        figures, reversed stances, and its outcome (its first brief sentence).

        ``reports`` are the events' reports in the storyline's order, when the caller has
        them (the web app caches them); else they are built here.
        """
        from storyline.stages.analysis.storylines import event_changes

        if reports is None:
            reports = [self.report(sid) for sid in storyline.events]
        return event_changes(reports, storyline.dates)


__all__ = ["Engine", "IngestResult", "Known", "Prepared", "ProgressFn", "StorylineError"]

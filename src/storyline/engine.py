"""The engine: the one Python API that the CLI and the web app are thin shells over.

``Engine.ingest`` runs read → clean → dedup → embed → cluster and stores each chunk of
articles in one transaction; ``Engine.report`` runs extract (cached per article) → align
→ report for one story. Indexes (MinHash LSH, story centroids) live in memory, owned by
the engine, and are rebuilt from stored signatures when the engine opens a database.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from storyline.blas import one_blas_thread
from storyline.config import Settings, load_settings
from storyline.errors import InputError, StorylineError
from storyline.models import (
    Article,
    ArticleFacts,
    ArticleId,
    RawDoc,
    Story,
    StoryId,
    StoryReport,
)
from storyline.store import Store, open_store

if TYPE_CHECKING:
    from storyline.stages.commit.dedup import DedupIndex, DupMatch
    from storyline.stages.commit.index import StoryIndex

logger = logging.getLogger(__name__)

ProgressFn = Callable[[int, int | None, str], None]
"""``progress(done, total_or_None, current_source)``: called as inputs are read."""


@dataclass(slots=True)
class IngestResult:
    """What one ingest call did."""

    added: list[ArticleId] = field(default_factory=list)
    unchanged: int = 0  # identical content already stored
    new_versions: int = 0  # changed content at an already-seen source
    errors: list[InputError] = field(default_factory=list)
    stories_touched: set[StoryId] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        """True when something was ingested or everything was already there."""
        return bool(self.added) or self.unchanged > 0


@dataclass(slots=True)
class Prepared:
    """A cleaned article with the per-article work already done (by ``storyline.batch``).

    Everything here depends on the article alone, so it can be computed in parallel, in
    any process; ``Engine.ingest_prepared`` computes what is left as None.
    """

    article: Article
    vector: np.ndarray | None = None  # embedding by ``settings.embedder``
    terms: list[str] | None = None  # ``cluster.article_terms``
    facts: ArticleFacts | None = None  # extraction by ``settings.extractor``
    raw_key: str | None = None  # ``raw_key`` of the input it came from, recorded when stored
    # The same facts as ``serde.facts_to_json`` gives, as batch workers send them: a string
    # crosses processes far cheaper than the object graph (unpickling an article's facts
    # cost the sequential commit about 2 ms; this is stored as it is).
    facts_json: str | None = None


@dataclass(frozen=True, slots=True)
class Known:
    """An input whose exact raw form was already taken in (skipped without cleaning)."""

    source: str


def raw_key(item: RawDoc) -> str:
    """A hash of everything cleaning reads from a raw input: same key, same article.

    Lets a re-run (or a restart after a crash) skip inputs already stored without cleaning
    them again; the key covers the metadata too, since cleaning uses it.
    """
    h = hashlib.blake2b(digest_size=16)
    for part in (item.source, item.title, item.outlet, item.published, item.url,
                 getattr(item, "fetched", None), item.text, item.html):  # fmt: skip
        h.update(b"\x00" if part is None else b"\x01" + str(part).encode("utf-8", "replace"))
        h.update(b"\x1f")
    return h.hexdigest()


def clean_input(item: RawDoc, *, ingested_at: str) -> Article | InputError:
    """Clean one raw document; a bad one becomes an ``InputError`` (never raises for data).

    A document that carries a fetch time (``fetched``, e.g. a WARC record's date) and has
    no publication date of its own gets the fetch date, marked ``published_from="fetched"``:
    a crawl follows publication closely, and an undated article clusters worse.
    """
    from storyline.stages.prepare.clean import clean_document, parse_date

    try:
        article = clean_document(item, ingested_at=ingested_at)
    except InputError as exc:
        return exc
    except Exception as exc:  # a cleaner bug must not lose the rest of the batch
        logger.exception("cleaning failed for %s", item.source)
        return InputError(item.source, f"could not be cleaned ({exc})")
    fetched = getattr(item, "fetched", None)
    if article.published is None and fetched and (day := parse_date(fetched)):
        article = replace(article, published=day, published_from="fetched")
    return article


class Engine:
    """Ingest articles into a store and build cited story reports from it.

    Args:
        settings: resolved settings; ``load_settings()`` when omitted.
        store: an open store; opened from ``settings.db`` when omitted.
    """

    def __init__(self, settings: Settings | None = None, store: Store | None = None) -> None:
        self.settings = settings or load_settings()
        self.store = store or open_store(self.settings.db)
        self._dedup: DedupIndex | None = None
        self._stories: StoryIndex | None = None

    @classmethod
    def open(cls, db: str | Path | None = None, **overrides: object) -> Engine:
        """Open the engine on ``db`` (default: ``$STORYLINE_DB`` or ``./storyline.db``)."""
        return cls(load_settings(db=str(db) if db is not None else None, **overrides))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- indexes ----------------------------------------------------------------------------

    def _ensure_indexes(self) -> tuple[DedupIndex, StoryIndex]:
        """Build the in-memory indexes from stored signatures, once per engine."""
        if self._dedup is not None and self._stories is not None:
            return self._dedup, self._stories
        from storyline.stages.commit.dedup import DedupIndex
        from storyline.stages.commit.index import StoryIndex

        rows = list(self.store.signatures())
        name = self.settings.embedder
        stale = [r[0] for r in rows if r[2] != name or r[3] is None]
        if stale:
            # Vectors made by another embedder are not comparable: re-embed those articles once.
            vecs = self._embed(stale)
            self.store.update_vectors(
                (a.id, name, v.astype(np.float32).tobytes())
                for a, v in zip(stale, vecs, strict=True)
            )
            rows = list(self.store.signatures())
        self._dedup = DedupIndex.rebuild((a, mh) for a, mh, _, _, _ in rows if mh is not None)
        self._stories = StoryIndex.rebuild(
            (
                (a, np.frombuffer(vec, dtype=np.float32), a.story_id or "", terms)
                for a, _, _, vec, terms in rows
                if vec is not None and a.story_id
            ),
            embedder_name=name,
        )
        return self._dedup, self._stories

    def _embed(self, articles: Sequence[Article]) -> np.ndarray:
        from storyline.embed import article_text_for_embedding, get_embedder

        embedder = get_embedder(self.settings.embedder)
        return embedder.encode([article_text_for_embedding(a) for a in articles])

    # -- ingest -----------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str],
        *,
        outlet: str | None = None,
        published: str | None = None,
        stdin: BinaryIO | None = None,
        progress: ProgressFn | None = None,
        source_of: Callable[[str], str] | None = None,
    ) -> IngestResult:
        """Read, clean, deduplicate and cluster every input; store them chunk by chunk.

        Bad inputs are recorded in ``IngestResult.errors`` (one line each) and never stop
        the batch. Each chunk of ``settings.chunk_size`` articles is written in one
        transaction, so an interrupted run leaves no half-written article.
        ``source_of`` renames each document's source before it is cleaned (the web app
        names uploads by file, not by the temporary path they were read from).
        """
        from storyline.stages.prepare.ingest import count_inputs, read_inputs

        total = count_inputs(paths) if progress else None
        now = datetime.now(UTC).isoformat(timespec="seconds")

        def cleaned() -> Iterator[Prepared | Known | InputError]:
            done = 0
            for item in read_inputs(
                paths,
                outlet=outlet,
                published=published,
                max_bytes=self.settings.max_bytes,
                stdin=stdin,
            ):
                done += 1
                if progress:
                    progress(done, total, item.source)
                if isinstance(item, InputError):
                    yield item
                    continue
                if source_of is not None:
                    item = replace(item, source=source_of(item.source))
                key = raw_key(item)
                if self.store.has_raw_input(key):
                    yield Known(item.source)
                    continue
                article = clean_input(item, ingested_at=now)
                yield article if isinstance(article, InputError) else Prepared(article, raw_key=key)

        return self.ingest_prepared(cleaned())

    def ingest_prepared(self, items: Iterable[Prepared | Known | InputError]) -> IngestResult:
        """Store cleaned articles (with whatever was computed for them ahead) in order.

        This is the sequential half of ingest: versions, exact re-ingests, duplicate and
        story assignment depend on what came before, so ``items`` are taken in the order
        given, and the same order always gives the same result. Vectors, terms and facts
        that an item lacks are computed here, a chunk at a time.
        """
        result = IngestResult()
        run_id = self.store.start_run()
        chunk: list[Prepared] = []
        seen_ids: set[ArticleId] = set()
        # sources where already-known content was seen again: written with the next chunk
        sightings: list[tuple[ArticleId, str, str | None]] = []
        for item in items:
            if isinstance(item, InputError):
                result.errors.append(item)
                continue
            if isinstance(item, Known):
                result.unchanged += 1
                continue
            article = item.article
            if article.id in seen_ids or self.store.has_article(article.id):
                result.unchanged += 1
                sightings.append((article.id, article.source, item.raw_key))
                continue
            previous = self.store.current_at_source(article.source)
            if previous is None:
                previous = next(
                    ((p.article.id, p.article.version) for p in chunk
                     if p.article.source == article.source),
                    None,
                )  # fmt: skip
            if previous is not None:
                article = replace(article, version=previous[1] + 1, supersedes=previous[0])
                result.new_versions += 1
            seen_ids.add(article.id)
            chunk.append(replace(item, article=article))
            if len(chunk) >= self.settings.chunk_size:
                self._store_chunk(chunk, result, sightings)
                chunk, sightings = [], []
        if chunk:
            self._store_chunk(chunk, result, sightings)
        elif sightings:
            with self.store.transaction() as c:
                for aid, source, _ in sightings:
                    self.store.add_sighting(c, aid, source)
                self.store.add_raw_inputs(c, [(k, aid) for aid, _, k in sightings if k])
        self.store.finish_run(run_id, len(result.added), result.unchanged, len(result.errors))
        return result

    @property
    def facts_key(self) -> str:
        """The facts-cache key: extractor name and version (facts of another key are stale)."""
        from storyline.stages.prepare.extract import EXTRACTOR_VERSION

        return f"{self.settings.extractor}.{EXTRACTOR_VERSION}"

    def _store_chunk(
        self,
        items: list[Prepared],
        result: IngestResult,
        sightings: Sequence[tuple[ArticleId, str, str | None]] = (),
    ) -> None:
        from storyline.stages.prepare.terms import article_terms

        dedup, stories = self._ensure_indexes()
        chunk = [p.article for p in items]
        missing = [i for i, p in enumerate(items) if p.vector is None]
        fresh = self._embed([chunk[i] for i in missing]) if missing else None
        rows: list[np.ndarray] = [
            np.asarray(p.vector, dtype=np.float32) if p.vector is not None else np.empty(0)
            for p in items
        ]
        if fresh is not None:
            for j, i in enumerate(missing):
                rows[i] = np.asarray(fresh[j], dtype=np.float32)
        vectors = np.vstack(rows)
        # The indexes' numpy work is on small arrays: BLAS threads only add overhead there
        # (and spin on cores the batch workers need); one thread halved the commit's CPU.
        with one_blas_thread():
            placed: list[Article] = []
            signatures: list[bytes] = []
            terms_of: list[list[str]] = []
            matches: dict[ArticleId, DupMatch] = {}
            for p, article, vec in zip(items, chunk, vectors, strict=True):
                match: DupMatch | None = dedup.add(article)
                if match is not None:
                    matches[article.id] = match
                terms = list(p.terms) if p.terms is not None else list(article_terms(article))
                story_id = stories.add(article, vec, terms)
                placed.append(
                    replace(article, story_id=story_id, duplicate_of=match.of if match else None)
                )
                signatures.append(dedup.signature(article))
                terms_of.append(terms)
            touched = {a.story_id for a in placed if a.story_id}
            # An article that predates copies already indexed becomes their group head.
            relinks = dedup.take_relinks()
            in_chunk = {a.id: i for i, a in enumerate(placed)}
            for aid, m in relinks.items():
                if aid in in_chunk:
                    i = in_chunk[aid]
                    placed[i] = replace(placed[i], duplicate_of=m.of)
                    matches[aid] = m
            stored_relinks = {aid: m for aid, m in relinks.items() if aid not in in_chunk}
            moved = stories.take_moves()
            removed = stories.take_removed()
            for aid, sid in moved.items():
                if aid in in_chunk:
                    i = in_chunk[aid]
                    placed[i] = replace(placed[i], story_id=sid)
        with self.store.transaction() as c:
            for a, mh, vec, terms in zip(placed, signatures, vectors, terms_of, strict=True):
                # duplicate_of may name a later article of the same chunk: link after inserting
                self.store.insert_article(
                    c, replace(a, duplicate_of=None), minhash=mh, embedder=self.settings.embedder,
                    vector=np.asarray(vec, dtype=np.float32).tobytes(), terms=terms,
                )  # fmt: skip
            for aid, source, _ in sightings:
                self.store.add_sighting(c, aid, source)
            self.store.add_raw_inputs(
                c,
                [(p.raw_key, p.article.id) for p in items if p.raw_key]
                + [(k, aid) for aid, _, k in sightings if k],
            )
            self.store.set_duplicates(
                c,
                [(a.id, a.duplicate_of, matches[a.id].kind if a.id in matches else None,
                  matches[a.id].score if a.id in matches else None)
                 for a in placed if a.duplicate_of],
            )  # fmt: skip
            if stored_relinks:
                self.store.set_duplicates(
                    c, [(aid, m.of, m.kind, m.score) for aid, m in stored_relinks.items()]
                )
                touched |= {
                    owner
                    for aid in stored_relinks
                    if (owner := self.store.story_of(aid)) is not None
                }
            stored_moves = {aid: sid for aid, sid in moved.items() if aid not in in_chunk}
            for aid in stored_moves:
                if (old := self.store.story_of(aid)) is not None:
                    touched.add(old)
            if stored_moves:
                self.store.set_story_ids(c, stored_moves.items())
            touched |= set(moved.values()) | set(removed)
            self._refresh_stories(c, touched)
        result.added.extend(a.id for a in placed)
        result.stories_touched |= touched
        facts = [p.facts for p in items if p.facts is not None]
        if facts:
            # a cache, written after the chunk: losing it only means extracting again
            self.store.save_facts(facts, self.facts_key)
        ready = [(p.article.id, p.facts_json) for p in items if p.facts_json is not None]
        if ready:
            self.store.save_facts_json(ready, self.facts_key)

    def _refresh_stories(self, c: object, story_ids: Iterable[StoryId]) -> None:
        """Recompute title, dates and independent-source count of the given stories."""
        from storyline.stages.commit.summaries import count_independent, story_title

        ids = set(story_ids)
        if not ids:
            return
        members: dict[StoryId, list[tuple[Article, np.ndarray]]] = {s: [] for s in ids}
        for a, vec in self.store.story_members(ids):
            if a.story_id in members and vec is not None:
                members[a.story_id].append((a, np.frombuffer(vec, dtype=np.float32)))
        rows: list[Story] = []
        drop: list[StoryId] = []
        for sid, items in members.items():
            if not items:
                drop.append(sid)
                continue
            arts = [a for a, _ in items]
            dates = sorted(a.published[:10] for a in arts if a.published)
            rows.append(
                Story(
                    id=sid,
                    title=story_title(arts, np.vstack([v for _, v in items])),
                    article_ids=[a.id for a in arts],
                    first_seen=dates[0] if dates else None,
                    last_seen=dates[-1] if dates else None,
                    n_independent=count_independent(
                        [a.id for a in arts], {a.id: a.duplicate_of for a in arts}
                    ),
                )
            )
        self.store.replace_stories(c, rows, drop=drop)

    def recluster(self) -> int:
        """Re-run duplicate detection and story clustering over every stored article.

        Returns the number of stories afterwards.
        """
        from storyline.stages.commit.dedup import find_duplicates
        from storyline.stages.commit.recluster import recluster

        rows = list(self.store.signatures())
        arts = [r[0] for r in rows]
        if not arts:
            return 0
        vectors = np.vstack(
            [
                np.frombuffer(r[3], dtype=np.float32)
                if r[3] is not None
                else self._embed([r[0]])[0]
                for r in rows
            ]
        )
        dups = find_duplicates(arts)
        assign = recluster(arts, vectors, terms=[r[4] for r in rows])
        with self.store.transaction() as c:
            self.store.set_assignments(
                c,
                [
                    (a.id, assign[a.id], dups[a.id].of if a.id in dups else None,
                     dups[a.id].kind if a.id in dups else None,
                     dups[a.id].score if a.id in dups else None)
                    for a in arts
                ],
            )  # fmt: skip
            old = {s.id for s in self.store.stories()}
            self.store.clear_stories(c)
            self._refresh_stories(c, set(assign.values()) | old)
        self._dedup = self._stories = None
        return len(set(assign.values()))

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

    def duplicate_info(
        self,
    ) -> dict[ArticleId, tuple[ArticleId | None, str | None, float | None]]:
        """``article id -> (duplicate_of, kind, score)`` for every stored article."""
        return self.store.duplicate_info()

    def search(self, query: str, limit: int = 50) -> list[ArticleId]:
        """Full-text search over stored articles, best first."""
        return self.store.search(query, limit=limit)

    def facts(self, articles: Sequence[Article]) -> list[ArticleFacts]:
        """Extraction results for ``articles``, computed once and cached in the store."""
        from storyline.stages.prepare.extract import extract_many

        key = self.facts_key
        cached = self.store.facts([a.id for a in articles], key)
        missing = [a for a in articles if a.id not in cached]
        if missing:
            fresh = extract_many(
                missing,
                use_spacy=self.settings.extractor == "spacy",
                timeout=self.settings.extract_timeout,
            )
            self.store.save_facts(fresh, key)
            cached.update({f.article_id: f for f in fresh})
        return [cached[a.id] for a in articles]

    def report(self, story_id: StoryId) -> StoryReport:
        """The full cited report of one story (SPEC.md's contract)."""
        from storyline.stages.analysis.report import build_report

        story = self.store.story(story_id)
        arts = self.store.articles(story.article_ids)
        return build_report(story, arts, self.facts(arts))


__all__ = ["Engine", "IngestResult", "Prepared", "StorylineError", "clean_input"]

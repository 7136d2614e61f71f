"""Commit: the sequential half of ingest, applying prepared articles to the store in order.

What happens to an article depends on everything stored before it: an exact re-ingest,
a new version at a known source, a duplicate of an earlier article, the story it joins.
``Commit`` owns the two in-memory indexes that answer those questions (MinHash LSH for
duplicates, story centroids), built lazily from the stored signatures, and writes each
chunk of ``settings.chunk_size`` articles in one transaction, so an interrupted run
leaves no half-written article. The same items in the same order always give the same
result, whichever process prepared them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from storyline.blas import one_blas_thread
from storyline.config import SETTLE_BATCH, Settings
from storyline.errors import InputError
from storyline.models import Article, ArticleId, Story, StoryId
from storyline.pipeline.prepare import Known, Prepared, complete, embed_articles, facts_key
from storyline.store import SignatureRow, Store

if TYPE_CHECKING:
    from storyline.stages.commit.dedup import DedupIndex, DupMatch
    from storyline.stages.commit.index import StoryIndex


@dataclass(slots=True)
class IngestResult:
    """What one ingest call did."""

    added: list[ArticleId] = field(default_factory=list)
    unchanged: int = 0  # identical content already stored
    new_versions: int = 0  # changed content at an already-seen source
    reverted: int = 0  # sources whose earlier text became current again (A -> B -> A)
    errors: list[InputError] = field(default_factory=list)
    stories_touched: set[StoryId] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        """True when something was ingested or everything was already there."""
        return bool(self.added) or self.unchanged > 0


@dataclass(slots=True)
class _AtSource:
    """A source's current article and highest version, as the chunk being decided leaves them."""

    current: ArticleId | None = None
    top: int = 0


Sighting = tuple[ArticleId, str, str | None]
"""Known content seen again: ``(article id, source, raw key)``, written with the next chunk."""


class Commit:
    """Apply prepared articles to ``store``, owning the duplicate and story indexes.

    Several writers (processes, or engines in one process) may commit to one store at
    once. Each chunk is decided and written under the store's write lock: the commit
    takes the lock, checks the writers' generation (bumped by every commit), rebuilds its
    indexes from the stored signatures when another writer committed since its own last
    commit, and only then decides what is already stored, versions, duplicates and
    stories. So no writer decides on a stale view, and the result is that of one writer
    taking the chunks in the order they got the lock.

    Args:
        store: the open store written to.
        settings: the embedder (vectors of another embedder are re-made) and chunk size.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._dedup: DedupIndex | None = None
        self._stories: StoryIndex | None = None
        self._generation: int | None = None  # the store's generation the indexes reflect
        self.rebuilds = 0  # how often the indexes were (re)built from the store
        # articles stored since the running ingest began (its own and other writers'
        # seen at a rebuild), settled at its end; None outside ``apply``
        self._run_ids: set[ArticleId] | None = None
        self._run_start = 0  # the last ``seq`` stored when the running ingest began

    def reset(self) -> None:
        """Drop the in-memory indexes; the next commit rebuilds them from the store.

        After a failed chunk the indexes may hold articles that were never committed.
        """
        self._dedup = None
        self._stories = None
        self._generation = None

    def _indexes(self) -> tuple[DedupIndex, StoryIndex]:
        """Build the in-memory indexes from stored signatures, once (until ``reset``).

        Runs outside the write lock (a first build may re-embed stale vectors); the
        commit checks under the lock that no other writer committed since.
        """
        if self._dedup is not None and self._stories is not None:
            return self._dedup, self._stories
        self._reembed_stale(list(self.store.signatures()))
        # Read before the signatures: a commit landing in between changes it, and the
        # check under the lock then rebuilds.
        generation = self.store.generation()
        return self._build(generation)

    def _reembed_stale(self, rows: Sequence[SignatureRow]) -> dict[ArticleId, np.ndarray]:
        """Embed again, and store, the articles whose vector is missing or was made by another
        embedder or precision (``settings.vector_key``): vectors of two embedders are not
        comparable and never mixed, and the next run does not embed them again. Returns the
        new vectors by article id."""
        key = self.settings.vector_key
        stale = [r.article for r in rows if r.vector is None or r.embedder != key]
        if not stale:
            return {}
        vecs = embed_articles(stale, self.settings)
        self.store.update_vectors(
            (a.id, key, v.astype(np.float32).tobytes()) for a, v in zip(stale, vecs, strict=True)
        )
        return {a.id: v for a, v in zip(stale, vecs, strict=True)}

    def _build(self, generation: int) -> tuple[DedupIndex, StoryIndex]:
        from storyline.stages.commit.dedup import DedupIndex
        from storyline.stages.commit.index import StoryIndex

        name = self.settings.vector_key
        # every version, in ingest order: the live indexes never drop an article that a
        # later version or a revert made non-current, and the story index replays its
        # document frequencies in the order the articles were added
        rows = list(self.store.signatures(current_only=False))
        before = self._stories.article_ids() if self._stories is not None else None
        # Copies are found among every version, as the live index finds them: a
        # current-only rebuild made a restarted ingest link copies to other heads.
        self._dedup = DedupIndex.rebuild((a, mh) for a, mh, _, _, _ in rows if mh is not None)
        self._stories = StoryIndex.rebuild(
            (
                (a, np.frombuffer(vec, dtype=np.float32), a.story_id or "", terms)
                for a, _, emb, vec, terms in rows
                if vec is not None and a.story_id and emb == name
            ),
            embedder_name=self.settings.embedder,
            weighed_at=self.store.weighed_at(),
        )
        self._generation = generation
        self.rebuilds += 1
        if self._run_ids is not None and before is not None:
            # other writers' articles stored during this run: settled with it at its end
            self._run_ids |= self._stories.article_ids() - before
        return self._dedup, self._stories

    def _fresh_indexes(self, c: object) -> tuple[DedupIndex, StoryIndex]:
        """The indexes, rebuilt when another writer committed since they were made (under the lock)."""
        dedup, stories = self._indexes()
        generation = self.store.generation(c)
        if generation != self._generation:
            dedup, stories = self._build(generation)
        return dedup, stories

    def apply(self, items: Iterable[Prepared | Known | InputError]) -> IngestResult:
        """Store prepared articles in the order given, a chunk per transaction.

        Versions, exact re-ingests, duplicate and story assignment depend on what came
        before, so ``items`` are taken in order, and the same order always gives the same
        result. Vectors and terms that an item lacks are computed a chunk at a time.
        """
        result = IngestResult()
        run_id = self.store.start_run()
        chunk: list[Prepared | Known] = []
        n_new = 0
        size = self.settings.chunk_size
        self._run_ids = set()
        self._run_start = self.store.last_seq()
        try:
            for item in items:
                if isinstance(item, InputError):
                    result.errors.append(item)
                    continue
                chunk.append(item)
                n_new += isinstance(item, Prepared)
                # A chunk ends after ``size`` new articles, wherever the run began: a
                # restart skips what was stored (known inputs) and cuts the rest where
                # one uninterrupted run would, and the index settles at the same points.
                # Known inputs alone are written every ``8 * size``; a chunk with new
                # articles is cut early only past ``64 * size`` entries (a bound on the
                # transaction; past it the chunk ends depend on where the run began).
                if n_new >= size or len(chunk) >= (64 if n_new else 8) * size:
                    self._store_chunk(chunk, result)
                    chunk, n_new = [], 0
            if chunk:
                self._store_chunk(chunk, result)
            self._settle_run(result)
        finally:
            self._run_ids = None
        self.store.finish_run(run_id, len(result.added), result.unchanged, len(result.errors))
        return result

    def _store_chunk(self, entries: list[Prepared | Known], result: IngestResult) -> None:
        # The heavy per-article work (embedding) is done before taking the write lock, for
        # the articles not stored yet; another writer may still store one meanwhile, which
        # the decisions under the lock see.
        fresh = [
            p for p in entries
            if isinstance(p, Prepared) and not self.store.has_article(p.article.id)
        ]  # fmt: skip
        done = {p.article.id: p for p in complete(fresh, self.settings)} if fresh else {}
        if not any(isinstance(e, Prepared) for e in entries) and not any(
            isinstance(e, Known) and e.raw_key for e in entries
        ):
            result.unchanged += len(entries)
            return
        self._indexes()
        try:
            with one_blas_thread(), self.store.transaction() as c:
                items, touched = self._decide_and_write(c, entries, done, result)
        except BaseException:
            self.reset()  # the indexes may hold articles of the chunk that was not written
            raise
        result.added.extend(p.article.id for p in items)
        if self._run_ids is not None:
            self._run_ids.update(p.article.id for p in items)
        result.stories_touched |= touched
        if items:
            self._save_facts(items)

    def _decide_and_write(
        self,
        c: object,
        entries: list[Prepared | Known],
        done: dict[ArticleId, Prepared],
        result: IngestResult,
    ) -> tuple[list[Prepared], set[StoryId]]:
        """Under the write lock: what is new, its version, duplicate and story; then write."""
        dedup, stories = self._fresh_indexes(c)
        sources: dict[str, _AtSource] = {}
        placed_at: dict[ArticleId, str] = {}  # articles of this chunk -> their source
        items: list[Prepared] = []
        sightings: list[Sighting] = []
        reverted: dict[str, ArticleId | None] = {}  # source -> its current before the chunk
        unchanged = 0

        def state(source: str) -> _AtSource:
            if source not in sources:
                st = self.store.source_state(source)
                sources[source] = _AtSource(st.current, st.top_version) if st else _AtSource()
            return sources[source]

        def seen_again(aid: ArticleId, source: str) -> None:
            """Known content seen at ``source``: a source that reverted makes it current again."""
            home = placed_at.get(aid)
            if home is None:
                sv = self.store.stored_version(aid)
                home = sv.source if sv else None
            if home != source:
                return  # a copy of another source's article: a sighting only
            st = state(source)
            if st.current != aid:
                reverted.setdefault(source, st.current)
                st.current = aid

        for e in entries:
            if isinstance(e, Known):
                unchanged += 1
                if e.raw_key and (aid := self.store.raw_input_article(e.raw_key)):
                    seen_again(aid, e.source)
                continue
            article = e.article
            if article.id in placed_at or self.store.has_article(article.id):
                unchanged += 1
                sightings.append((article.id, article.source, e.raw_key))
                seen_again(article.id, article.source)
                continue
            st = state(article.source)
            if st.current is not None:
                article = replace(article, version=st.top + 1, supersedes=st.current)
                result.new_versions += 1
            st.current, st.top = article.id, article.version
            placed_at[article.id] = article.source
            p = done.get(article.id) or complete([e], self.settings)[0]
            items.append(replace(p, article=article))
        result.unchanged += unchanged
        touched = self._write_chunk(c, items, sightings, dedup, stories) if items else set()
        if not items and sightings:
            for aid, source, _ in sightings:
                self.store.add_sighting(c, aid, source)
            self.store.add_raw_inputs(c, [(k, aid) for aid, _, k in sightings if k])
        for source, before in reverted.items():
            now_current = sources[source].current
            if now_current == before:
                continue
            self.store.make_current(c, str(now_current), source)
            result.reverted += 1
            for aid in (before, now_current):
                if aid is not None and (sid := self.store.story_of(str(aid))) is not None:
                    touched.add(sid)
        if reverted:
            self._refresh_stories(c, touched)
        if items or sightings or touched:
            # Tell the other writers that their indexes no longer reflect the store.
            self._generation = self.store.bump_generation(c)
        return items, touched

    def _write_chunk(
        self,
        c: object,
        items: list[Prepared],
        sightings: Sequence[Sighting],
        dedup: DedupIndex,
        stories: StoryIndex,
    ) -> set[StoryId]:
        chunk = [p.article for p in items]
        vectors = np.vstack([np.asarray(p.vector, dtype=np.float32) for p in items])
        # The indexes' numpy work is on small arrays: BLAS threads only add overhead there
        # (and spin on cores the batch workers need); one thread halved the commit's CPU.
        placed: list[Article] = []
        signatures: list[bytes] = []
        terms_of: list[list[str]] = []
        matches: dict[ArticleId, DupMatch] = {}
        for p, article, vec in zip(items, chunk, vectors, strict=True):
            match: DupMatch | None = dedup.add(article)
            if match is not None:
                matches[article.id] = match
            terms = list(p.terms or ())
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
        if placed:
            # an empty store's first commit records the version of the terms it stores
            from storyline.stages.prepare.terms import TERMS_VERSION

            self.store.claim_terms_version(c, TERMS_VERSION)
        for a, mh, vec, terms in zip(placed, signatures, vectors, terms_of, strict=True):
            # duplicate_of may name a later article of the same chunk: link after inserting
            self.store.insert_article(
                c, replace(a, duplicate_of=None), minhash=mh, embedder=self.settings.vector_key,
                vector=np.asarray(vec, dtype=np.float32).tobytes(), terms=terms,
            )  # fmt: skip
        # the weights the assignments rest on, in the same transaction (``rebuild``)
        self.store.set_weighed_at(c, stories.take_weighed().items())
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
                owner for aid in stored_relinks if (owner := self.store.story_of(aid)) is not None
            }
        stored_moves = {aid: sid for aid, sid in moved.items() if aid not in in_chunk}
        for aid in stored_moves:
            if (old := self.store.story_of(aid)) is not None:
                touched.add(old)
        if stored_moves:
            self.store.set_story_ids(c, stored_moves.items())
        touched |= set(moved.values()) | set(removed)
        self._refresh_stories(c, touched)
        return touched

    def _settle_run(self, result: IngestResult) -> None:
        """At the end of an ingest run, under the lock: settle the stories it touched.

        ``StoryIndex.settle_run`` re-groups the stories of every article stored since the
        run began (this writer's, and other writers' that a rebuild showed) with their
        neighbours, from single articles, so the partition depends on the articles
        stored, not on how concurrent writers' chunks interleaved: overlapping
        concurrent ingests end on the stories of one sequential run. It also takes every
        article stored after the store's settle mark (``settled_seq``): those of a run
        that died before its settle, so a restart settles what one uninterrupted run
        would have, even when it has nothing new to store.

        A large run is settled ``SETTLE_BATCH`` articles per transaction, in ingest
        order, so other writers never wait on the lock for long (SQLite's busy timeout is
        30 s); each batch moves the settle mark in its transaction, so a run killed
        between batches is resumed at the next one.
        """
        run_ids = self._run_ids if self._run_ids is not None else set()
        done: set[ArticleId] = set()
        while True:
            if not run_ids and self.store.settled_seq() >= self.store.last_seq():
                return
            self._indexes()
            try:
                with one_blas_thread(), self.store.transaction() as c:
                    _, stories = self._fresh_indexes(c)  # may add other writers' articles
                    mark = self.store.settled_seq(c)
                    # the run's articles (all stored after it began) and the unsettled ones
                    pending = [
                        (s, a)
                        for s, a in self.store.ids_after(min(mark, self._run_start), c)
                        if (s > mark or a in run_ids) and a not in done
                    ][:SETTLE_BATCH]
                    if not pending:
                        return
                    batch = [a for _, a in pending]
                    done.update(batch)
                    stories.settle_run(batch)
                    moved = stories.take_moves()
                    touched = set(moved.values()) | stories.take_removed()
                    for aid in moved:
                        if (old := self.store.story_of(aid)) is not None:
                            touched.add(old)
                    if touched:
                        self.store.set_story_ids(c, moved.items())
                        self._refresh_stories(c, touched)
                    weighed = stories.take_weighed()
                    self.store.set_weighed_at(c, weighed.items())
                    self.store.set_settled_seq(c, max(mark, pending[-1][0]))
                    if touched or weighed:
                        self._generation = self.store.bump_generation(c)
            except BaseException:
                self.reset()
                raise
            result.stories_touched |= touched

    def _save_facts(self, items: list[Prepared]) -> None:
        key = facts_key(self.settings)
        facts = [p.facts for p in items if p.facts is not None]
        if facts:
            # a cache, written after the chunk: losing it only means extracting again
            self.store.save_facts(facts, key)
        ready = [(p.article.id, p.facts_json) for p in items if p.facts_json is not None]
        if ready:
            self.store.save_facts_json(ready, key)

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
        from storyline.stages.prepare.terms import TERMS_VERSION, article_terms

        rows = list(self.store.signatures())
        arts = [r[0] for r in rows]
        if not arts:
            return 0
        made = self._reembed_stale(rows)
        vectors = np.vstack(
            [
                made[r.article.id]
                if r.vector is None or r.article.id in made
                else np.frombuffer(r.vector, dtype=np.float32)
                for r in rows
            ]
        )
        dups = find_duplicates(arts)
        # a clean run computes the terms with this code: terms stored by another version
        # (or an unknown one) are computed again, and stored with the partition they give
        terms = [r.terms for r in rows]
        stale: list[tuple[ArticleId, list[str]]] = []
        if self.store.terms_version() != TERMS_VERSION:
            terms = [article_terms(a) for a in arts]
            stale = [(a.id, t) for a, t, r in zip(arts, terms, rows, strict=True) if t != r.terms]
        # the partition of a clean run: these articles ingested into a fresh store in
        # time order, in chunks of this writer's size, settled as ``_settle_run`` does
        assign = recluster(
            arts, vectors, terms=terms, embedder_name=self.settings.embedder,
            chunk_size=self.settings.chunk_size, settle_batch=SETTLE_BATCH,
        )  # fmt: skip
        with self.store.transaction() as c:
            self.store.set_terms(c, stale)
            self.store.set_terms_version(c, TERMS_VERSION)
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
            self.store.set_settled_seq(c, self.store.last_seq())  # all of it re-grouped
            # a clean run's end-of-run settle weighs every article by the whole store's
            # document frequencies; a rebuild (which caps the size at the store's) does too
            full = self.store.last_seq()
            self.store.set_weighed_at(c, [(a.id, full) for a in arts])
            self.store.bump_generation(c)  # every other writer's indexes are stale now
        self.reset()
        return len(set(assign.values()))


__all__ = ["Commit", "IngestResult"]

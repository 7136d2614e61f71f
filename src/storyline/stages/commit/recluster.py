"""Batch recluster: every article clustered again, exactly as a clean run would.

A *clean run* is a fresh store ingesting the same articles in canonical time order
(``ordering.earliest_key``: dated first by published date, then by id) in one ingest run:
the story index adds them a chunk at a time (``take_moves`` after each chunk, which
refines and settles it) and settles the whole run at its end (``settle_run``, in batches,
as ``pipeline/commit.py`` does). ``recluster`` replays exactly that procedure, so its
partition is the clean run's, whatever order the articles first arrived in and wherever a
process restarted: arrival-order effects are repaired by construction, and storylines
computed afterwards equal the clean run's. Only the story ids differ: a story keeps the id
most of its articles had before (``_stable_ids``), so links to stories survive.

(Until 2026-12-06 it was another algorithm: best-pair agglomeration of the whole
collection with its IDF known up front, then splits. Its partition could differ from any
ingest's; on ECB+ it scored within 0.001 pairwise F1 of the incremental runs.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from storyline.config import CHUNK_SIZE, SETTLE_BATCH
from storyline.models import Article, ArticleId, StoryId
from storyline.stages.commit.index import ClusterParams, StoryIndex
from storyline.stages.commit.ordering import earliest_key, story_id_for

_EMBEDDER_BY_DIM = {384: "minilm", 64: "model2vec", 512: "tfidf"}


def clean_run(
    articles: Sequence[Article],
    vectors: np.ndarray,
    terms: Sequence[Sequence[str]],
    *,
    embedder_name: str,
    params: ClusterParams | None = None,
    chunk_size: int = CHUNK_SIZE,
    settle_batch: int = SETTLE_BATCH,
) -> StoryIndex:
    """The story index a fresh store ends with after ingesting ``articles`` in canonical
    time order in one run: added ``chunk_size`` at a time with the batch settled after
    each chunk, then the whole run settled ``settle_batch`` articles at a time."""
    order = sorted(range(len(articles)), key=lambda i: earliest_key(articles[i]))
    index = StoryIndex(embedder_name, params=params)
    step = max(1, chunk_size)
    for start in range(0, len(order), step):
        for i in order[start : start + step]:
            index.add(articles[i], vectors[i], list(terms[i]))
        index.take_moves()
    ids = [articles[i].id for i in order]
    batch = max(1, settle_batch)
    for start in range(0, len(ids), batch):
        index.settle_run(ids[start : start + batch])
        index.take_moves()
    return index


def recluster(
    articles: Sequence[Article],
    vectors: np.ndarray,
    terms: Sequence[Sequence[str]],
    *,
    embedder_name: str | None = None,
    params: ClusterParams | None = None,
    chunk_size: int = CHUNK_SIZE,
    settle_batch: int = SETTLE_BATCH,
) -> dict[ArticleId, StoryId]:
    """Cluster everything again as a clean run would (``clean_run``); article -> story.

    A story keeps the id most of its articles had before (so links to stories survive a
    recluster) unless a larger story already took it; otherwise it is named after its
    earliest article.

    Args:
        articles: every (current) article.
        vectors: their embeddings, one row per article.
        terms: ``article_terms`` of each article.
        embedder_name: which embedder made the vectors (selects parameters); when None
            it is told from the vector width (384 MiniLM, 64 model2vec, 512 tfidf).
        params: explicit parameters.
        chunk_size: articles per ingest chunk of the clean run (``Settings.chunk_size``).
        settle_batch: articles per end-of-run settle batch of the clean run.
    """
    if not articles:
        return {}
    if len(articles) != len(vectors) or len(articles) != len(terms):
        raise ValueError("articles, vectors and terms must have the same length")
    if embedder_name is None:
        embedder_name = _EMBEDDER_BY_DIM.get(int(vectors.shape[1]), "minilm")
    index = clean_run(
        articles,
        vectors,
        terms,
        embedder_name=embedder_name,
        params=params,
        chunk_size=chunk_size,
        settle_batch=settle_batch,
    )
    return _stable_ids(articles, index.stories())


def _stable_ids(
    articles: Sequence[Article], groups: Mapping[StoryId, list[ArticleId]]
) -> dict[ArticleId, StoryId]:
    by_id = {a.id: a for a in articles}
    out: dict[ArticleId, StoryId] = {}
    taken: set[StoryId] = set()
    for members in sorted(groups.values(), key=lambda g: (-len(g), min(g))):
        votes: dict[StoryId, int] = {}
        for mid in members:
            old = by_id[mid].story_id
            if old:
                votes[old] = votes.get(old, 0) + 1
        sid = next((s for s in sorted(votes, key=lambda s: (-votes[s], s)) if s not in taken), None)
        if sid is None:
            first = min(members, key=lambda i: earliest_key(by_id[i]))
            sid = story_id_for(first)
            while sid in taken:
                sid = story_id_for(sid)
        taken.add(sid)
        for mid in members:
            out[mid] = sid
    return out


__all__ = ["clean_run", "recluster"]

"""Batch recluster: every article clustered again from scratch, with stable story ids.

``recluster`` runs the story index's procedure (``stages/commit/index.py``) over everything
in time order with the IDF of the whole collection known up front, then refines
(re-assignment, merges, splits).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from storyline.models import Article, ArticleId, StoryId
from storyline.stages.commit.index import ClusterParams, StoryIndex
from storyline.stages.commit.ordering import earliest_key, story_id_for

_EMBEDDER_BY_DIM = {384: "minilm", 64: "model2vec", 512: "tfidf"}


def recluster(
    articles: Sequence[Article],
    vectors: np.ndarray,
    terms: Sequence[list[str]],
    *,
    embedder_name: str | None = None,
    params: ClusterParams | None = None,
    exact_max: int = 3000,
    chunk: int = 256,
) -> dict[ArticleId, StoryId]:
    """Cluster everything again from scratch and refine; returns article -> story.

    With the IDF of the whole collection fixed up front, up to ``exact_max`` articles
    are agglomerated best pair first from single articles (exact, quadratic memory);
    a larger collection is added in time order in chunks of ``chunk`` (each chunk
    agglomerated with its neighbourhood, as on ingest), then every story is re-grouped
    from single articles and split where it falls apart. A new story keeps the id
    most of its articles had before (so links to stories survive a recluster) unless a
    larger story already took it; otherwise it is named after its earliest article.

    Args:
        articles: every article.
        vectors: their embeddings, one row per article.
        terms: ``article_terms`` of each article.
        embedder_name: which embedder made the vectors (selects parameters); when None
            it is told from the vector width (384 MiniLM, 64 model2vec, 512 tfidf).
        params: explicit parameters.
        exact_max: largest collection clustered exactly.
        chunk: chunk size of the scalable path.
    """
    if not articles:
        return {}
    if len(articles) != len(vectors) or len(articles) != len(terms):
        raise ValueError("articles, vectors and terms must have the same length")
    if embedder_name is None:
        embedder_name = _EMBEDDER_BY_DIM.get(int(vectors.shape[1]), "minilm")
    df: dict[str, int] = {}
    for ts in terms:
        for t in set(ts):
            df[t] = df.get(t, 0) + 1
    index = StoryIndex(
        embedder_name, params=params, idf_from=(len(articles), df), refine_every=chunk
    )
    order = sorted(range(len(articles)), key=lambda i: earliest_key(articles[i]))
    if len(articles) <= exact_max:
        index.group_exact([(articles[i], vectors[i], list(terms[i])) for i in order])
    else:
        for i in order:
            index.add(articles[i], vectors[i], list(terms[i]))
        index.refine_pending()
        index.resplit_all()
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


__all__ = ["recluster"]

"""Story summaries: a story's title and its number of independent sources."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from storyline.models import Article, ArticleId
from storyline.stages.commit.ordering import earliest_key


def story_title(articles: Sequence[Article], vectors: np.ndarray) -> str:
    """A headline for a story: the member title closest to the story's centroid.

    Real (not inferred) titles are preferred, as are titles of ordinary headline length;
    titles that are mostly digits (a scraped timestamp) are skipped. Without any usable
    title, the opening of the most central article is used.

    Args:
        articles: the story's articles.
        vectors: their embeddings, one row per article.
    """
    if not articles:
        return ""
    vecs = np.asarray(vectors, dtype=np.float32).reshape(len(articles), -1)
    centroid = vecs.sum(axis=0)
    norm = float(np.linalg.norm(centroid))
    sims = vecs @ (centroid / norm) if norm > 0 else np.zeros(len(articles), dtype=np.float32)
    best: tuple[float, tuple[int, str, str, str], str] | None = None
    for a, s in zip(articles, sims, strict=True):
        title = " ".join(a.title.split())
        words = re.findall(r"[^\W\d_]{2,}", title)
        if len(words) < 3:
            continue
        score = float(s) + (0.15 if not a.title_inferred else 0.0)
        score += 0.05 if 4 <= len(words) <= 20 and len(title) <= 140 else 0.0
        score -= 0.1 if a.duplicate_of else 0.0
        key = (-score, earliest_key(a), title)
        if best is None or key < (best[0], best[1], best[2]):
            best = (-score, earliest_key(a), title)
    if best is not None:
        return best[2]
    central = articles[int(np.argmax(sims))]
    lead = " ".join(central.text.split())
    return lead if len(lead) <= 100 else lead[:99].rsplit(" ", 1)[0] + "…"


def count_independent(
    ids: Sequence[ArticleId], duplicate_of: Mapping[ArticleId, ArticleId | None]
) -> int:
    """Number of independent sources among ``ids`` once copies are collapsed.

    Copies are linked through ``duplicate_of`` (possibly in chains, possibly to an article
    outside ``ids``); each connected group counts once.
    """
    parent: dict[ArticleId, ArticleId] = {}

    def find(x: ArticleId) -> ArticleId:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for a in ids:
        b = duplicate_of.get(a)
        if b and b != a:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
    return len({find(a) for a in dict.fromkeys(ids)})


__all__ = ["count_independent", "story_title"]

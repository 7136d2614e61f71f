"""Short articles: two groups of one-sentence reports of one event share few terms, so the
term cosine between them says little and their embeddings weigh more (``short_terms``);
long articles, single articles and articles without terms are scored as before."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from cluster_fixture import make
from storyline.stages.commit.index import StoryIndex, params_for

TEXTS = (
    "Masked robbers emptied a jeweller's window in Ostrava.",
    "In Ostrava, masked men smashed a jeweller's window and fled.",
    "Four gunmen took rings and watches from a shop on Karel Avenue.",
    "A shop on Karel Avenue lost its rings and watches to four gunmen.",
)


def _vectors(cos: float) -> list[np.ndarray]:
    """Two pairs of nearly equal unit vectors; the pairs' directions at cosine ``cos``."""
    dirs = [(1.0, 0.0), (1.0, 0.0), (cos, float(np.sqrt(1 - cos * cos)))]
    dirs.append(dirs[2])
    vecs = []
    for i, (c, s) in enumerate(dirs):
        v = np.zeros(8, dtype=np.float32)
        v[0], v[1] = c, s
        v[2 + i] = 0.1  # each article a little apart from its pair
        vecs.append(v / np.linalg.norm(v))
    return vecs


def _stories(terms: list[list[str]], short_terms: float, n: int = 4) -> int:
    """How many stories the first ``n`` articles make: articles 0-1 and 2-3 are pairs of
    nearly equal embeddings, the pairs at cosine 0.5, with these terms."""
    params = replace(params_for("minilm"), short_terms=short_terms)
    index = StoryIndex("minilm", params=params)
    for i, (text, vec, ts) in enumerate(zip(TEXTS, _vectors(0.5), terms, strict=True)):
        if i < n:
            index.add(make("", None, text, i), vec, ts)
    index.take_moves()
    return len(index.stories())


SHORT = [["masked", "ostrava"]] * 2 + [["karel avenue", "karel", "avenue"]] * 2


def test_two_groups_of_short_articles_lean_on_their_embeddings() -> None:
    assert _stories(SHORT, short_terms=0.0) == 2  # the term cosine, 0, decides
    assert _stories(SHORT, short_terms=10.0) == 1
    assert params_for("minilm").short_terms > 0


def test_long_articles_are_scored_as_before() -> None:
    long = [[f"alpha{i}" for i in range(30)]] * 2 + [[f"beta{i}" for i in range(30)]] * 2
    assert _stories(long, short_terms=10.0) == 2


def test_a_single_short_article_is_scored_as_before() -> None:
    # a group of two and one article: the single side gets no relief
    assert _stories(SHORT, short_terms=10.0, n=3) == 2


def test_articles_without_terms_get_no_relief() -> None:
    # no names or numbers at all is no evidence of a short text
    assert _stories([[], [], *SHORT[2:]], short_terms=10.0) == 2

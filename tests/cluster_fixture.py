"""Incremental clustering helpers shared by the story-index test files."""

from __future__ import annotations

import numpy as np

from storyline.models import Article
from storyline.stages.commit.index import StoryIndex
from storyline.stages.prepare.terms import article_terms


def cluster(arts: list[Article], vecs: np.ndarray, index: StoryIndex) -> list[str]:
    """Add the articles one by one; their stories after the index's moves."""
    assign = {a.id: index.add(a, v, article_terms(a)) for a, v in zip(arts, vecs, strict=True)}
    assign.update(index.take_moves())
    return [assign[a.id] for a in arts]


def assert_any_order_gives(
    arts: list[Article], vecs: np.ndarray, gold: list[str], name: str, seeds: int = 4
) -> None:
    """Clustering ``arts`` in ``seeds`` shuffled arrival orders gives ``gold``'s partition."""
    for seed in range(seeds):
        order = np.random.default_rng(seed).permutation(len(arts))
        got = cluster([arts[i] for i in order], vecs[order], StoryIndex(name))
        assert partition(got) == partition([gold[i] for i in order]), seed


def partition(labels: list[str]) -> set[frozenset[int]]:
    out: dict[str, set[int]] = {}
    for i, lab in enumerate(labels):
        out.setdefault(lab, set()).add(i)
    return {frozenset(g) for g in out.values()}

"""Incremental clustering helpers shared by the story-index test files."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from storyline.models import Article
from storyline.stages.commit.index import StoryIndex
from storyline.stages.prepare.terms import article_terms
from storyline.text import content_id

# A test corpus: event label -> its articles as (title, published or None, text).
Events = Mapping[str, list[tuple[str, str | None, str]]]


def make(title: str, published: str | None, text: str, n: int) -> Article:
    """The ``n``-th article of a test corpus (ingested in that order)."""
    return Article(
        id=content_id(text),
        source=f"test:{n}",
        text=text,
        raw=text,
        title=title,
        published=published,
        ingested_at=f"2030-01-01T00:00:{n:02d}",
    )


def corpus(events: Events, *labels: str) -> tuple[list[Article], list[str]]:
    """The articles of ``labels``' events in order, and each one's gold event label."""
    arts, gold = [], []
    for label in labels:
        for title, published, text in events[label]:
            arts.append(make(title, published, text, len(arts)))
            gold.append(label)
    return arts, gold


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


def members(arts: list[Article]) -> list:  # type: ignore[type-arg]
    """The index members of ``arts`` (unit vectors, their own terms), not yet indexed."""
    index = StoryIndex("tfidf")
    return [index._make_member(a, np.ones(4, dtype=np.float32), article_terms(a)) for a in arts]


def single_units(index: StoryIndex, ms: list) -> list:  # type: ignore[type-arg]
    """``ms`` registered in ``index``, one group-path unit each (no story): what the
    vectorised clash counts (``_event_counts``, ``_day_counts``) read."""
    for x in ms:
        index._members[x.id] = x
    return [index._unit_of_member(x) for x in ms]

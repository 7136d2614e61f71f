"""``bench/cluster.py``'s incremental runs model ingest runs: the articles arrive in runs of
``CHUNK``, each ending with the ``settle_run`` of the run's articles that
``pipeline/commit.py`` does at the end of every ingest run (the old mode, behind
``settle=False``, never settled a run)."""

from __future__ import annotations

import numpy as np
import pytest

from bench_fixture import load_bench
from storyline.models import Article, ArticleId
from storyline.stages.commit.index import StoryIndex
from storyline.stages.prepare.terms import article_terms
from storyline.text import content_id

_bench = load_bench("cluster")


def _articles(n: int) -> list[Article]:
    texts = [
        f"Alder council met on day {k} about the Penn Street bridge, Mayor Roe said."
        for k in range(n)
    ]
    return [
        Article(
            id=content_id(t),
            source="made-up",
            text=t,
            raw=t,
            title="Made-up headline",
            published=None,
            ingested_at="2031-01-01T00:00:00",
        )
        for t in texts
    ]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[list[ArticleId]]:
    calls: list[list[ArticleId]] = []
    real = StoryIndex.settle_run

    def settle_run(self: StoryIndex, article_ids: list[ArticleId], limit: int = 500) -> None:
        calls.append(list(article_ids))
        real(self, article_ids, limit)

    monkeypatch.setattr(StoryIndex, "settle_run", settle_run)
    return calls


def _vectors(n: int) -> np.ndarray:
    vecs = np.zeros((n, 8), dtype=np.float32)
    vecs[:, 0] = 1.0
    return vecs


def test_incremental_settles_each_run_of_chunk_articles_as_ingest_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_bench, "CHUNK", 3)
    arts = _articles(7)
    order = [6, 0, 5, 1, 4, 2, 3]
    calls = _spy(monkeypatch)
    assign, index = _bench.incremental(
        arts, _vectors(7), [article_terms(a) for a in arts], order, "minilm"
    )
    # one settle per run, of that run's articles in arrival order (the last run is short)
    assert calls == [[arts[i].id for i in order[k : k + 3]] for k in (0, 3, 6)]
    assert set(assign) == {a.id for a in arts}
    assert all(index.story_of(a.id) == assign[a.id] for a in arts)


def test_incremental_old_mode_never_settles_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_bench, "CHUNK", 3)
    arts = _articles(5)
    calls = _spy(monkeypatch)
    assign, _ = _bench.incremental(
        arts, _vectors(5), [article_terms(a) for a in arts], list(range(5)), "minilm",
        settle=False,
    )  # fmt: skip
    assert calls == [] and set(assign) == {a.id for a in arts}

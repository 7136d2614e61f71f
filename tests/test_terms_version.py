"""A store records which version of ``article_terms`` computed its cluster terms, and
``recluster`` computes terms of another version again, as a clean run would."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from cluster_fixture import make
from storyline.engine import Engine
from storyline.models import Article
from storyline.pipeline.prepare import Prepared
from storyline.stages.prepare.terms import TERMS_VERSION, article_terms

_TEXTS = [
    ("Harl council passes the Orsk water bill", "2031-05-01",
     "The Harl council on Tuesday passed the Orsk water bill by 31 votes to 9."),
    ("Orsk water bill clears the Harl council", "2031-05-01",
     "Councillors in Harl approved the Orsk water bill on Tuesday, 31 to 9."),
    ("Governor Brock vetoes the Orsk water bill", "2031-05-20",
     "Governor Lena Brock on Monday vetoed the Orsk water bill passed by the Harl council."),
    ("Brock veto sinks Orsk water bill", "2031-05-20",
     "Lena Brock vetoed the Orsk water bill on Monday, three weeks after the council vote."),
]  # fmt: skip


def _articles() -> list[Article]:
    return [make(t, p, x, i) for i, (t, p, x) in enumerate(_TEXTS)]


def _vectors(n: int) -> list[np.ndarray]:
    rng = np.random.default_rng(5)
    base = rng.standard_normal(16)
    out = []
    for _ in range(n):
        v = base + 0.2 * rng.standard_normal(16)
        out.append((v / np.linalg.norm(v)).astype(np.float32))
    return out


def _stored_terms(db: Path) -> dict[str, list[str]]:
    import json

    with sqlite3.connect(db) as con:
        return {
            a: json.loads(t) for a, t in con.execute("SELECT article_id, terms FROM signatures")
        }


def _partition(engine: Engine) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(s.article_ids) for s in engine.stories())


def test_a_new_store_records_the_version_of_its_terms(tmp_path: Path) -> None:
    arts = _articles()
    with Engine.open(tmp_path / "s.db", embedder="tfidf") as eng:
        assert eng.store.terms_version() is None  # empty: nothing to describe yet
        eng.ingest_prepared(
            Prepared(a, vector=v) for a, v in zip(arts, _vectors(len(arts)), strict=True)
        )
        assert eng.store.terms_version() == TERMS_VERSION


def test_recluster_computes_terms_of_another_version_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    arts, vecs = _articles(), _vectors(len(_TEXTS))
    with Engine.open(tmp_path / "clean.db", embedder="tfidf") as clean:
        clean.ingest_prepared(Prepared(a, vector=v) for a, v in zip(arts, vecs, strict=True))
        want = _partition(clean)
    assert len(want) == 2  # the vote and the veto: two events (else this proves little)
    old = tmp_path / "old.db"
    with Engine.open(old, embedder="tfidf") as eng:
        # terms an older version computed: no action, no day
        eng.ingest_prepared(
            Prepared(a, vector=v, terms=["orsk", "water", "bill"])
            for a, v in zip(arts, vecs, strict=True)
        )
    with sqlite3.connect(old) as con:
        con.execute("UPDATE writer_state SET terms_version = '0'")
    with Engine.open(old, embedder="tfidf") as eng, caplog.at_level(logging.WARNING):
        eng.ingest([])  # a run on a store of older terms says so, once
        assert any("recluster" in r.getMessage() for r in caplog.records)
        assert _partition(eng) != want
        eng.recluster()
        assert _partition(eng) == want
        assert eng.store.terms_version() == TERMS_VERSION
    assert _stored_terms(old) == {a.id: article_terms(a) for a in arts}

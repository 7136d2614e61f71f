"""The SQLite store: migrations, WAL, atomic batches, versions, facts cache, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import NotFoundError, StoreError
from storyline.models import Article, ArticleFacts, Cite, Quote, Span, Story
from storyline.store import SQLiteStore, default_db, open_store


def art(i: int, source: str | None = None, **kw: object) -> Article:
    text = f"Article {i} says the river commission met in Lindau.\n\nA second paragraph {i}."
    return Article(
        id=f"id{i:04d}", source=source or f"/tmp/a{i}.txt", text=text, raw=text,
        title=f"Title {i}", headings=(Span(0, 9),), ingested_at="2026-03-01T00:00:00+00:00",
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_migrations_and_wal(db_path: Path) -> None:
    with open_store(db_path) as st:
        assert st.schema_version() == ["0001_initial", "0002_search"]
        mode = st._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert st.integrity_ok()
    with open_store(db_path) as st:  # re-opening applies nothing twice
        assert st.schema_version() == ["0001_initial", "0002_search"]


def test_default_db_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_DB", "/x/y.db")
    assert default_db() == "/x/y.db"
    monkeypatch.delenv("STORYLINE_DB")
    assert default_db() == "storyline.db"


def test_round_trip(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    a = art(1, outlet="Lindau Post", published="2026-03-02", url="https://p.example/1")
    with st.transaction() as c:
        st.insert_article(
            c, a, minhash=b"mh", embedder="tfidf", vector=b"\x00" * 8, terms=["lindau"]
        )
    assert st.article(a.id) == a
    assert st.has_article(a.id)
    [(back, mh, emb, vec, terms)] = list(st.signatures())
    assert (back, mh, emb, vec, terms) == (a, b"mh", "tfidf", b"\x00" * 8, ["lindau"])
    with pytest.raises(NotFoundError):
        st.article("nope")


def test_failed_batch_leaves_nothing(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    with st.transaction() as c:
        st.insert_article(c, art(1))
    with pytest.raises(RuntimeError), st.transaction() as c:
        st.insert_article(c, art(2))
        st.insert_article(c, art(3))
        raise RuntimeError("crash mid-batch")
    assert [a.id for a in st.articles()] == ["id0001"]
    assert st.count_articles() == 1
    assert len(list(st.signatures())) == 1


def test_versions_at_one_source(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    with st.transaction() as c:
        st.insert_article(c, art(1, source="https://p.example/x"))
    assert st.current_at_source("https://p.example/x") == ("id0001", 1)
    with st.transaction() as c:
        st.insert_article(c, art(2, source="https://p.example/x", version=2, supersedes="id0001"))
    assert st.current_at_source("https://p.example/x") == ("id0002", 2)
    assert [a.id for a in st.articles()] == ["id0002"]
    assert [a.id for a in st.articles(current_only=False)] == ["id0001", "id0002"]


def test_articles_by_ids_in_ingest_order(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    with st.transaction() as c:
        for i in range(1, 1200):
            st.insert_article(c, art(i))
    got = st.articles(["id1100", "id0003", "id0700", "missing"])
    assert [a.id for a in got] == ["id0003", "id0700", "id1100"]


def test_stories_and_assignments(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    with st.transaction() as c:
        for i in (1, 2, 3):
            st.insert_article(c, art(i, story_id="s-a" if i < 3 else "s-b"))
        st.replace_stories(c, [Story("s-a", "A", [], "2026-03-01", "2026-03-02", 2),
                               Story("s-b", "B", [], None, None, 1)])  # fmt: skip
    assert [(s.id, s.article_ids) for s in st.stories()] == [
        ("s-a", ["id0001", "id0002"]), ("s-b", ["id0003"])]  # fmt: skip
    with st.transaction() as c:
        st.set_assignments(c, [("id0003", "s-a", "id0001", "near", 0.9)])
    assert st.story("s-a").article_ids == ["id0001", "id0002", "id0003"]
    assert st.duplicate_info()["id0003"] == ("id0001", "near", 0.9)
    with pytest.raises(NotFoundError):
        st.story("s-b")  # no member left


def test_facts_cache(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    a = art(1)
    with st.transaction() as c:
        st.insert_article(c, a)
    f = ArticleFacts(a.id, quotes=[Quote("met", "Ana Ruiz", "per:ana-ruiz", None, "direct",
                                         Cite(a.id, 37, 40))])  # fmt: skip
    st.save_facts([f], "spacy.1")
    assert st.facts([a.id], "spacy.1") == {a.id: f}
    assert st.facts([a.id], "spacy.2") == {}


def test_search(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    with st.transaction() as c:
        st.insert_article(c, art(1))
    assert st.search("Lindau") == ["id0001"]
    assert st.search('unbalanced "quote') == []


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"x\.db"):
        SQLiteStore(bad)


def test_concurrent_reader_sees_committed_only(db_path: Path) -> None:
    st = SQLiteStore(db_path)
    reader = sqlite3.connect(db_path)
    with st.transaction() as c:
        st.insert_article(c, art(1))
        assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1

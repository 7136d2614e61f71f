"""The stores: migrations, atomic batches, versions, facts cache, search, concurrency.

Every store test runs twice, against SQLite and against a real PostgreSQL server
(``pg_url`` from tests/pg.py starts one per session; it skips outside CI when none can
be started). Then the engine and the CLI on PostgreSQL give the same stories as on SQLite.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.errors import NotFoundError, StoreError
from storyline.models import Article, ArticleFacts, Cite, Quote, Span, Story
from storyline.serde import facts_to_json
from storyline.store import SQLiteStore, Store, default_db, open_store
from storyline.store.base import SQLStore
from storyline.store.postgres import mask_url

MIGRATIONS = [
    "0001_initial",
    "0002_search",
    "0003_raw_inputs",
    "0004_language_views",
    "0005_writer_state",
    "0007_index_state",
    "0008_terms_version",
]


def art(i: int, source: str | None = None, **kw: object) -> Article:
    text = f"Article {i} says the river commission met in Lindau.\n\nA second paragraph {i}."
    return Article(
        id=f"id{i:04d}", source=source or f"/tmp/a{i}.txt", text=text, raw=text,
        title=f"Title {i}", headings=(Span(0, 9),), ingested_at="2026-03-01T00:00:00+00:00",
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each backend: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture()
def st(db: str) -> Iterator[Store]:
    with open_store(db) as store:
        yield store


def test_migrations(db: str) -> None:
    with open_store(db) as st:
        assert isinstance(st, Store)
        assert st.schema_version() == MIGRATIONS
        assert st.integrity_ok()
        if isinstance(st, SQLiteStore):
            assert st._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(db) as st:  # re-opening applies nothing twice
        assert st.schema_version() == MIGRATIONS


def test_default_db_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_DB", "/x/y.db")
    assert default_db() == "/x/y.db"
    monkeypatch.delenv("STORYLINE_DB")
    assert default_db() == "storyline.db"


def test_round_trip(st: Store) -> None:
    a = art(1, outlet="Lindau Post", published="2026-03-02", url="https://p.example/1")
    with st.transaction() as c:
        st.insert_article(
            c, a, minhash=b"mh", embedder="tfidf", vector=b"\x00" * 8, terms=["lindau"]
        )
    assert st.article(a.id) == a
    assert st.has_article(a.id)
    assert not st.has_article("other")
    [(back, mh, emb, vec, terms)] = list(st.signatures())
    assert (back, mh, emb, vec, terms) == (a, b"mh", "tfidf", b"\x00" * 8, ["lindau"])
    assert type(mh) is bytes and type(vec) is bytes
    [row] = list(st.signatures())  # a named row, unpacked above as a tuple
    assert (row.article, row.minhash, row.embedder, row.vector, row.terms) == (
        a, b"mh", "tfidf", b"\x00" * 8, ["lindau"])  # fmt: skip
    with pytest.raises(NotFoundError):
        st.article("nope")


def test_nul_in_raw_is_stored(st: Store) -> None:
    # A raw scrape may hold a NUL (PostgreSQL text cannot); the batch must not fail on it.
    a = replace(art(1), raw="before\x00after")
    with st.transaction() as c:
        st.insert_article(c, a)
    assert st.article(a.id).raw in (a.raw, a.raw.replace("\x00", "\ufffd"))


def test_failed_batch_leaves_nothing(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1))
    with pytest.raises(RuntimeError), st.transaction() as c:
        st.insert_article(c, art(2))
        st.insert_article(c, art(3))
        raise RuntimeError("crash mid-batch")
    assert [a.id for a in st.articles()] == ["id0001"]
    assert st.count_articles() == 1
    assert len(list(st.signatures())) == 1


def test_failed_statement_rolls_back_the_batch(st: Store) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign key"), st.transaction() as c:
        st.insert_article(c, art(1))
        st.insert_article(c, replace(art(2), duplicate_of="no-such-id"))  # the database refuses it
    assert st.count_articles() == 0
    with st.transaction() as c:  # and the store is usable afterwards
        st.insert_article(c, art(1))
    assert st.count_articles() == 1


def test_inserting_a_stored_article_again_is_a_no_op(st: Store) -> None:
    """The last guard of concurrent writers: a second insert of one id changes nothing."""
    with st.transaction() as c:
        st.insert_article(c, art(1), minhash=b"first")
    with st.transaction() as c:
        st.insert_article(c, art(1), minhash=b"second")
    assert st.count_articles() == 1
    assert [r.minhash for r in st.signatures()] == [b"first"]


def test_versions_at_one_source(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1, source="https://p.example/x"))
    assert st.current_at_source("https://p.example/x") == ("id0001", 1)
    with st.transaction() as c:
        st.insert_article(c, art(2, source="https://p.example/x", version=2, supersedes="id0001"))
    assert st.current_at_source("https://p.example/x") == ("id0002", 2)
    current = st.current_at_source("https://p.example/x")
    assert current is not None and (current.id, current.version) == ("id0002", 2)
    assert [a.id for a in st.articles()] == ["id0002"]
    assert [a.id for a in st.articles(current_only=False)] == ["id0001", "id0002"]


def test_sightings_are_idempotent(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1))
    for _ in range(2):
        with st.transaction() as c:
            st.add_sighting(c, "id0001", "https://mirror.example/1")
    assert isinstance(st, SQLStore)
    rows = st._all("SELECT source FROM article_sources ORDER BY source")
    assert [r[0] for r in rows] == ["/tmp/a1.txt", "https://mirror.example/1"]


def test_articles_by_ids_in_ingest_order(st: Store) -> None:
    with st.transaction() as c:
        for i in range(1, 1200):
            st.insert_article(c, art(i))
    got = st.articles(["id1100", "id0003", "id0700", "missing"])
    assert [a.id for a in got] == ["id0003", "id0700", "id1100"]
    assert st.count_articles() == 1199


def test_stories_and_assignments(st: Store) -> None:
    with st.transaction() as c:
        for i in (1, 2, 3):
            st.insert_article(c, art(i, story_id="s-a" if i < 3 else "s-b"))
        st.replace_stories(c, [Story("s-a", "A", [], "2026-03-01", "2026-03-02", 2),
                               Story("s-b", "B", [], None, None, 1)])  # fmt: skip
    assert [(s.id, s.article_ids) for s in st.stories()] == [
        ("s-a", ["id0001", "id0002"]), ("s-b", ["id0003"])]  # fmt: skip
    assert st.story_updated_at("s-a") is not None
    assert st.story_updated_at("s-zzz") is None
    with st.transaction() as c:
        st.set_assignments(c, [("id0003", "s-a", "id0001", "near", 0.9)])
    assert st.story("s-a").article_ids == ["id0001", "id0002", "id0003"]
    assert st.duplicate_info()["id0003"] == ("id0001", "near", 0.9)
    info = st.duplicate_info()["id0003"]
    assert (info.duplicate_of, info.kind, info.score) == ("id0001", "near", 0.9)
    assert st.story_of("id0003") == "s-a"
    with pytest.raises(NotFoundError):
        st.story("s-b")  # no member left
    with st.transaction() as c:
        st.set_story_ids(c, [("id0001", "s-b")])
        st.set_duplicates(c, [("id0003", None, None, None)])
        st.replace_stories(c, [Story("s-a", "A2", [], None, None, 1)], drop=["s-zzz"])
    assert st.story("s-b").article_ids == ["id0001"]
    assert st.story("s-a").title == "A2"
    assert st.duplicate_info()["id0003"] == (None, None, None)
    members = list(st.story_members(["s-a"]))
    assert [a.id for a, _ in members] == ["id0002", "id0003"]
    assert [m.article.id for m in members] == ["id0002", "id0003"]
    assert all(m.vector is None for m in members)
    with st.transaction() as c:
        st.clear_stories(c)
    assert st.stories() == []


def test_reads_inside_a_transaction_see_its_writes(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1, story_id="s-a"))
        assert st.story_of("id0001") == "s-a"
        assert [a.id for a, _ in st.story_members(["s-a"])] == ["id0001"]


def test_vectors_and_runs(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1), embedder="old", vector=b"\x01" * 4)
    st.update_vectors([("id0001", "new", b"\x02" * 4)])
    [(_, _, emb, vec, _)] = list(st.signatures())
    assert (emb, vec) == ("new", b"\x02" * 4)
    first, second = st.start_run(), st.start_run()
    assert second > first
    st.finish_run(first, 1, 2, 3)


def test_facts_cache(st: Store) -> None:
    a = art(1)
    with st.transaction() as c:
        st.insert_article(c, a)
    f = ArticleFacts(a.id, quotes=[Quote("met", "Ana Ruiz", "per:ana-ruiz", None, "direct",
                                         Cite(a.id, 37, 40))])  # fmt: skip
    st.save_facts([f], "spacy.1")
    assert st.facts([a.id], "spacy.1") == {a.id: f}
    assert st.facts([a.id], "spacy.2") == {}
    st.save_facts([ArticleFacts(a.id)], "spacy.1")  # saving again replaces
    assert st.facts([a.id], "spacy.1") == {a.id: ArticleFacts(a.id)}
    # facts serialised ahead (as batch workers send them) read back the same
    st.save_facts_json([(a.id, facts_to_json(f))], "spacy.1")
    assert st.facts([a.id], "spacy.1") == {a.id: f}


def test_search(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1))
    assert st.search("Lindau") == ["id0001"]
    assert st.search('unbalanced "quote') == []


SEARCH_DOCS = {
    "d1": ("Harbour strike ends", "Dock workers in Portmore ended their strike on Friday after a pay deal."),
    "d2": ("Pay deal signed", "The union and the port authority signed the pay deal. The strike is over."),
    "d3": ("Flood warning", "The river rose overnight and Lindau issued a flood warning for the old town."),
    "d4": ("Strike, strike, strike", "Strike after strike hit the harbour; a strike committee met daily."),
    "d5": ("Ministers meet", "Ministers from both countries met to discuss the water treaty."),
}  # fmt: skip
SEARCH_QUERIES = [
    "strike", "STRIKE", "pay deal", '"pay deal"', '"deal pay"', "strike OR flood",
    "strike NOT union", "harb*", "minister*", "lindau warning", "nothing-here", 'broken "quote',
    "(strike", "",
]  # fmt: skip


def _fill(store: Store) -> None:
    with store.transaction() as c:
        for aid, (title, text) in SEARCH_DOCS.items():
            store.insert_article(c, Article(aid, f"/tmp/{aid}", text, text, title))


def test_search_is_ranked(st: Store) -> None:
    _fill(st)
    got = st.search("strike")
    assert set(got) == {"d1", "d2", "d4"}
    assert got[0] == "d4"  # the word in the title and four times in the text
    assert st.search("strike", limit=2) == got[:2]


def test_search_same_results_on_both_backends(tmp_path: Path, pg_url: str) -> None:
    with open_store(tmp_path / "s.db") as lite, open_store(pg_url) as pg:
        _fill(lite)
        _fill(pg)
        for q in SEARCH_QUERIES:
            assert set(pg.search(q)) == set(lite.search(q)), q
        assert set(lite.search("harb*")) == {"d1", "d4"}
        assert set(lite.search("strike NOT union")) == {"d1", "d4"}


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"x\.db"):
        SQLiteStore(bad)


def test_unreachable_postgres_is_one_line_naming_the_url() -> None:
    # Port 1 on loopback refuses at once; no server needed.
    url = "postgresql://ana:hunter2@127.0.0.1:1/news"
    with pytest.raises(StoreError) as info:
        open_store(url)
    msg = str(info.value)
    assert "postgresql://ana:***@127.0.0.1:1/news" in msg
    assert "hunter2" not in msg and "\n" not in msg


def test_mask_url() -> None:
    assert mask_url("postgresql://u:p%40ss@h:5/db") == "postgresql://u:***@h:5/db"
    assert mask_url("postgres://h/db?password=x&sslmode=require") == (
        "postgres://h/db?password=***&sslmode=require"
    )
    assert mask_url("postgresql://u@/db?host=/run/pg") == "postgresql://u@/db?host=/run/pg"


def _raw_count(db: str) -> int:
    """Articles visible to a separate connection (committed data only)."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            row = conn.execute("SELECT COUNT(*) FROM articles").fetchone()
            return int(row[0]) if row else -1
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_concurrent_reader_sees_committed_only(db: str) -> None:
    with open_store(db) as st:
        with st.transaction() as c:
            st.insert_article(c, art(1))
            assert _raw_count(db) == 0
            seen: list[int] = []  # another thread of the same store: committed data only
            t = threading.Thread(target=lambda: seen.append(st.count_articles()))
            t.start()
            t.join(timeout=30)
            assert seen == [0]
        assert _raw_count(db) == 1


def test_snapshot_sees_one_committed_state(db: str) -> None:
    with open_store(db) as reader, open_store(db) as writer:
        with writer.transaction() as c:
            writer.insert_article(c, art(1))
        with reader.snapshot():
            assert reader.count_articles() == 1
            with writer.transaction() as c:  # another connection commits meanwhile
                writer.insert_article(c, art(2))
            assert reader.count_articles() == 1
            assert [a.id for a in reader.articles()] == ["id0001"]
        assert reader.count_articles() == 2
        with reader.transaction() as c, reader.snapshot():  # inside a transaction: its writes
            reader.insert_article(c, art(3))
            assert reader.count_articles() == 3


def test_concurrent_writers_keep_seq_unique_and_increasing(db: str) -> None:
    """Two stores (two connections, as two processes would have) writing at once."""
    with open_store(db):
        pass  # migrate once before the writers start

    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            with open_store(db) as st:
                for batch in range(8):
                    with st.transaction() as c:
                        for k in range(5):
                            st.insert_article(c, art(w * 1000 + batch * 10 + k))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with open_store(db) as st:
        assert isinstance(st, SQLStore)
        rows = st._all("SELECT id, seq FROM articles ORDER BY seq")
    seqs = [int(s) for _, s in rows]
    assert len(rows) == 3 * 8 * 5
    assert seqs == list(range(1, len(rows) + 1))  # unique, no gaps, increasing
    for w in (1, 2, 3):  # each writer's own order is kept, and its batches are contiguous
        mine = [i for i, (aid, _) in enumerate(rows) if aid.startswith(f"id{w}")]
        assert [rows[i][0] for i in mine] == sorted(rows[i][0] for i in mine)
        for b in range(0, len(mine), 5):
            assert mine[b + 4] - mine[b] == 4


# -- the engine and the CLI on PostgreSQL ----------------------------------------------------


def _stories(db: str) -> list[tuple[frozenset[str], int]]:
    with Engine.open(db, embedder="tfidf", extractor="rules") as engine:
        result = engine.ingest([str(examples_dir())])
        assert result.added and not result.errors
        stories = engine.stories()
        report = engine.report(stories[0].id)  # extract, cache facts, align: all on this store
        assert {a.id for a in report.articles} == set(stories[0].article_ids)
        if db.startswith("postgresql://"):
            again = engine.ingest([str(examples_dir())])
            assert not again.added and again.unchanged == len(result.added)
    return sorted((frozenset(s.article_ids), s.n_independent) for s in stories)


def test_engine_on_postgres_matches_sqlite(tmp_path: Path, pg_url: str) -> None:
    lite = _stories(str(tmp_path / "lite.db"))
    pg = _stories(pg_url)
    assert pg == lite
    assert len(lite) >= 2 and any(n < len(ids) for ids, n in lite)  # copies were found


def test_cli_with_postgres_url(pg_url: str) -> None:
    from pg import with_password

    url = with_password(pg_url, "s3cret")  # the test server trusts any password
    runner = CliRunner()
    res = runner.invoke(
        app, ["ingest", str(examples_dir() / "water"), "--db", url, "--embedder", "tfidf"]
    )
    assert res.exit_code == 0, res.output
    assert "s3cret" not in res.output and ":***@" in res.stdout
    res = runner.invoke(app, ["stories", "--db", url, "--format", "json"])
    assert res.exit_code == 0, res.output
    stories = json.loads(res.stdout)
    assert stories and all(s["id"].startswith("s-") and s["articles"] for s in stories)


def test_cli_unreachable_postgres() -> None:
    res = CliRunner().invoke(app, ["stories", "--db", "postgresql://ana:pw@127.0.0.1:1/x"])
    assert res.exit_code != 0
    assert "postgresql://ana:***@127.0.0.1:1/x" in res.stderr
    assert "Traceback" not in res.output and ":pw@" not in res.output


def test_raw_inputs_are_recorded_with_their_chunk(tmp_path: Path) -> None:
    """A second ingest of the same inputs skips them by raw key, without cleaning them."""
    from unittest import mock

    from storyline.engine import Engine

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Council approves budget\n\n" + "The council met. " * 30, "utf-8")
    (src / "b.txt").write_text("Storm closes harbour\n\n" + "Boats stayed in. " * 30, "utf-8")
    with Engine.open(tmp_path / "x.db", embedder="tfidf") as eng:
        first = eng.ingest([str(src)])
        assert len(first.added) == 2
        with mock.patch(
            "storyline.pipeline.prepare.clean_input", side_effect=AssertionError("cleaned")
        ):
            again = eng.ingest([str(src)])
        assert again.unchanged == 2 and not again.added
        (src / "b.txt").write_text("Storm closes harbour\n\n" + "Boats stayed out. " * 30, "utf-8")
        changed = eng.ingest([str(src)])
        assert changed.new_versions == 1 and changed.unchanged == 1


def test_search_tolerates_control_characters(tmp_path: Path) -> None:
    from storyline.engine import Engine

    src = tmp_path / "a.txt"
    src.write_text("Council approves budget\n\n" + "The council met on Tuesday. " * 20, "utf-8")
    with Engine.open(tmp_path / "x.db", embedder="tfidf") as eng:
        eng.ingest([str(src)])
        assert eng.store.search("council\x00") == eng.store.search("council")
        assert eng.store.search("\x00\x01") == []


def test_terms_and_their_version(st: Store) -> None:
    assert st.terms_version() is None
    with st.transaction() as c:
        st.claim_terms_version(c, "3")  # an empty store: its first commit's version
        st.insert_article(c, art(1), terms=["a", "#a:veto"])
    assert st.terms_version() == "3"
    with st.transaction() as c:
        st.set_terms(c, [("id0001", ["b"])])
        st.set_terms_version(c, "4")
        st.claim_terms_version(c, "5")  # a version already known stays
    [row] = list(st.signatures())
    assert (row.terms, st.terms_version()) == (["b"], "4")


def test_a_store_with_articles_keeps_an_unknown_terms_version(st: Store) -> None:
    with st.transaction() as c:
        st.insert_article(c, art(1), terms=["a"])
    with st.transaction() as c:
        st.claim_terms_version(c, "3")  # older articles: their terms' version stays unknown
    assert st.terms_version() is None

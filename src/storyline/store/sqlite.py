"""SQLite store: WAL mode, numbered migrations, one transaction per write batch.

The queries are shared with the PostgreSQL store (``base.SQLStore``); this module adds the
connection, ``BEGIN IMMEDIATE`` transactions, FTS5 search and SQLite's integrity check.
A process killed mid-batch leaves the database as it was before the batch: never
half-written.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyline.errors import StoreError
from storyline.models import ArticleId
from storyline.store.base import SQLStore, load_migrations, now


class SQLiteStore(SQLStore):
    """A storyline database in one SQLite file.

    Args:
        path: the database file; created (with its folder) when missing.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=30.0
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA busy_timeout=30000")
            self._lock = threading.RLock()
            self._owner: int | None = None  # thread id inside transaction(), if any
            self._migrate()
            # Reads outside a transaction use a connection of their own thread: WAL gives
            # each the last committed state (never a writer's half), and a thread can hold
            # one read transaction over several queries (``snapshot``) without the others.
            self._memory = str(path) == ":memory:"
            self._local = threading.local()
            self._readers: list[sqlite3.Connection] = []
            self._readers_lock = threading.Lock()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open database ({exc})") from exc

    # -- plumbing ---------------------------------------------------------------------------

    def close(self) -> None:
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for conn in readers:
            conn.close()
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def _reader(self) -> sqlite3.Connection:
        # Inside a transaction, on its thread, reads must see its writes (the engine relies on it).
        if self._owner == threading.get_ident() or self._memory:
            return self._conn
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=30.0
            )
            conn.execute("PRAGMA busy_timeout=30000")
            with self._readers_lock:
                self._readers.append(conn)
            self._local.conn = conn
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads in the block, on this thread, all see one committed state of the database.

        Without it each query sees the latest commit, so an answer built from two queries
        (story members, then story rows) could mix two states when an ingest (another
        process or thread) commits between them. Inside a transaction: no effect.
        """
        conn = self._reader()
        if conn is self._conn or conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")  # deferred: the read snapshot starts at the first query
        try:
            yield
        finally:
            conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block's writes atomically (``BEGIN IMMEDIATE`` … ``COMMIT``)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            self._owner = threading.get_ident()
            try:
                yield self._conn
            except BaseException:
                self._owner = None
                self._conn.execute("ROLLBACK")
                raise
            self._owner = None
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self.transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            done = {name for (name,) in c.execute("SELECT name FROM schema_migrations")}
            for name, sql in load_migrations("sqlite"):
                if name in done:
                    continue
                # executescript would COMMIT our transaction; run statements one by one.
                for stmt in _split_sql(sql):
                    c.execute(stmt)
                c.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, now()))

    def integrity_ok(self) -> bool:
        return bool(self._one("PRAGMA integrity_check")[0] == "ok")

    def search(self, query: str, limit: int = 50) -> list[ArticleId]:
        """Article ids matching an FTS5 query over titles and text, best first."""
        sql = (
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "WHERE articles_fts MATCH ? AND a.is_current = 1 ORDER BY rank, a.seq LIMIT ?"
        )
        # FTS5 rejects control characters (a NUL ends its string early): they are spaces here.
        query = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in query)
        if not query.strip():
            return []
        try:
            rows = self._all(sql, (query, limit))
        except sqlite3.OperationalError:
            # A malformed FTS expression: search the words as a phrase instead.
            phrase = '"' + query.replace('"', " ") + '"'
            rows = self._all(sql, (phrase, limit))
        return [aid for (aid,) in rows]


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements; ``sqlite3.complete_statement`` handles triggers."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

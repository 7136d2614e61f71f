"""SQLite store: WAL mode, numbered migrations, one transaction per write batch.

Only this package knows SQL. Methods take and return models from ``storyline.models``.
Writes go through ``transaction()`` (``BEGIN IMMEDIATE`` … ``COMMIT``), so a process
killed mid-batch leaves the database as it was before the batch: never half-written.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from storyline.errors import NotFoundError, StoreError
from storyline.models import Article, ArticleFacts, ArticleId, Span, Story, StoryId
from storyline.serde import facts_from_json, facts_to_json

_ARTICLE_COLS = (
    "id, source, url, outlet, published, published_from, title, title_inferred, text, raw, "
    "headings, ingested_at, version, supersedes, duplicate_of, story_id"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[str, str]]:
    """``(name, sql)`` of every packaged migration, in order."""
    folder = resources.files("storyline.store") / "migrations"
    items = sorted(
        (p.name, p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".sql")
    )
    return [(name.removesuffix(".sql"), sql) for name, sql in items]


class SQLiteStore:
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
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open database ({exc})") from exc

    # -- plumbing ---------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block's writes atomically (``BEGIN IMMEDIATE`` … ``COMMIT``)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self.transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            done = {r[0] for r in c.execute("SELECT name FROM schema_migrations")}
            for name, sql in _migrations():
                if name in done:
                    continue
                # executescript would COMMIT our transaction; run statements one by one.
                for stmt in _split_sql(sql):
                    c.execute(stmt)
                c.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))

    def schema_version(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return [
            r[0] for r in self._conn.execute("SELECT name FROM schema_migrations ORDER BY name")
        ]

    def integrity_ok(self) -> bool:
        return bool(self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: ArticleId) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def current_at_source(self, source: str) -> tuple[ArticleId, int] | None:
        """The current version stored for ``source``: ``(id, version)``, or None."""
        row = self._conn.execute(
            "SELECT id, version FROM articles WHERE source = ? AND is_current = 1 "
            "ORDER BY version DESC LIMIT 1",
            (source,),
        ).fetchone()
        return (row[0], int(row[1])) if row else None

    def add_sighting(self, c: sqlite3.Connection, article_id: ArticleId, source: str) -> None:
        c.execute(
            "INSERT OR IGNORE INTO article_sources VALUES (?, ?, ?)", (article_id, source, _now())
        )

    def insert_article(
        self,
        c: sqlite3.Connection,
        a: Article,
        *,
        minhash: bytes | None = None,
        embedder: str | None = None,
        vector: bytes | None = None,
        terms: Sequence[str] = (),
    ) -> None:
        """Insert one article (inside ``transaction()``); marks an older version at its source superseded."""
        if a.supersedes:
            c.execute("UPDATE articles SET is_current = 0 WHERE id = ?", (a.supersedes,))
        seq = c.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        c.execute(
            "INSERT INTO articles (id, source, url, outlet, published, published_from, title, "
            "title_inferred, text, raw, headings, ingested_at, seq, version, supersedes, "
            "duplicate_of, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id, a.source, a.url, a.outlet, a.published, a.published_from, a.title,
                int(a.title_inferred), a.text, a.raw,
                json.dumps([[h.start, h.end] for h in a.headings]),
                a.ingested_at or _now(), seq, a.version, a.supersedes, a.duplicate_of, a.story_id,
            ),
        )  # fmt: skip
        c.execute(
            "INSERT INTO signatures VALUES (?, ?, ?, ?, ?)",
            (a.id, minhash, embedder, vector, json.dumps(list(terms))),
        )
        self.add_sighting(c, a.id, a.source)

    def _article(self, row: sqlite3.Row | tuple[object, ...]) -> Article:
        (aid, source, url, outlet, published, pfrom, title, tinf, text, raw, headings, ing,
         version, supersedes, dup, story) = row  # fmt: skip
        return Article(
            id=str(aid), source=str(source), url=_opt(url), outlet=_opt(outlet),
            published=_opt(published), published_from=_opt(pfrom), title=str(title),
            title_inferred=bool(tinf), text=str(text), raw=str(raw),
            headings=tuple(Span(int(s), int(e)) for s, e in json.loads(str(headings))),
            ingested_at=str(ing), version=int(str(version)), supersedes=_opt(supersedes),
            duplicate_of=_opt(dup), story_id=_opt(story),
        )  # fmt: skip

    def article(self, article_id: ArticleId) -> Article:
        row = self._conn.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return self._article(row)

    def articles(
        self, ids: Iterable[ArticleId] | None = None, *, current_only: bool = True
    ) -> list[Article]:
        """Articles in ingest order; all of them, or those with the given ids."""
        where = "WHERE is_current = 1" if current_only else "WHERE 1 = 1"
        if ids is None:
            rows = self._conn.execute(
                f"SELECT {_ARTICLE_COLS} FROM articles {where} ORDER BY seq"
            ).fetchall()
            return [self._article(r) for r in rows]
        wanted = list(dict.fromkeys(ids))
        found: list[tuple[int, Article]] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            q = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                f"SELECT {_ARTICLE_COLS}, seq FROM articles {where} AND id IN ({q})", chunk
            ):
                found.append((int(r[-1]), self._article(r[:-1])))
        return [a for _, a in sorted(found, key=lambda x: x[0])]

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def signatures(
        self,
    ) -> Iterator[tuple[Article, bytes | None, str | None, bytes | None, list[str]]]:
        """Every current article with its stored MinHash, embedder name, vector and terms."""
        rows = self._conn.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLS.split(','))}, "
            "s.minhash, s.embedder, s.vector, s.terms FROM articles a "
            "JOIN signatures s ON s.article_id = a.id WHERE a.is_current = 1 ORDER BY a.seq"
        )
        for r in rows:
            yield self._article(r[:16]), r[16], r[17], r[18], json.loads(r[19] or "[]")

    def story_members(
        self, story_ids: Iterable[StoryId]
    ) -> Iterator[tuple[Article, bytes | None]]:
        """Current articles of the given stories with their stored vectors (indexed lookup)."""
        wanted = list(dict.fromkeys(story_ids))
        cols = ", ".join("a." + c.strip() for c in _ARTICLE_COLS.split(","))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            q = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT {cols}, s.vector FROM articles a JOIN signatures s ON s.article_id = a.id "
                f"WHERE a.is_current = 1 AND a.story_id IN ({q}) ORDER BY a.seq",
                chunk,
            )
            for r in rows:
                yield self._article(r[:16]), r[16]

    def update_vectors(self, items: Iterable[tuple[ArticleId, str, bytes]]) -> None:
        with self.transaction() as c:
            c.executemany(
                "UPDATE signatures SET embedder = ?, vector = ? WHERE article_id = ?",
                [(name, vec, aid) for aid, name, vec in items],
            )

    def set_assignments(
        self,
        c: sqlite3.Connection,
        assignments: Iterable[
            tuple[ArticleId, StoryId | None, ArticleId | None, str | None, float | None]
        ],
    ) -> None:
        """Set ``story_id`` and duplicate fields: ``(article, story, duplicate_of, kind, score)``."""
        c.executemany(
            "UPDATE articles SET story_id = ?, duplicate_of = ?, dup_kind = ?, dup_score = ? WHERE id = ?",
            [(s, d, k, sc, a) for a, s, d, k, sc in assignments],
        )

    def set_duplicates(
        self,
        c: sqlite3.Connection,
        items: Iterable[tuple[ArticleId, ArticleId | None, str | None, float | None]],
    ) -> None:
        """Set only the duplicate fields: ``(article, duplicate_of, kind, score)``."""
        c.executemany(
            "UPDATE articles SET duplicate_of = ?, dup_kind = ?, dup_score = ? WHERE id = ?",
            [(d, k, sc, a) for a, d, k, sc in items],
        )

    def set_story_ids(
        self, c: sqlite3.Connection, items: Iterable[tuple[ArticleId, StoryId]]
    ) -> None:
        """Move articles to other stories: ``(article, story)``."""
        c.executemany(
            "UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in items]
        )

    def clear_stories(self, c: sqlite3.Connection) -> None:
        """Delete every story row (articles keep their ``story_id``), before a rebuild."""
        c.execute("DELETE FROM stories")

    def story_of(self, article_id: ArticleId) -> StoryId | None:
        row = self._conn.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def duplicate_info(self) -> dict[ArticleId, tuple[ArticleId | None, str | None, float | None]]:
        rows = self._conn.execute("SELECT id, duplicate_of, dup_kind, dup_score FROM articles")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def search(self, query: str, limit: int = 50) -> list[ArticleId]:
        """Article ids matching an FTS5 query over titles and text, best first."""
        try:
            rows = self._conn.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
                "WHERE articles_fts MATCH ? AND a.is_current = 1 ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            # A malformed FTS expression: search the words as a phrase instead.
            phrase = '"' + query.replace('"', " ") + '"'
            rows = self._conn.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
                "WHERE articles_fts MATCH ? AND a.is_current = 1 ORDER BY rank LIMIT ?",
                (phrase, limit),
            ).fetchall()
        return [r[0] for r in rows]

    # -- stories ----------------------------------------------------------------------------

    def replace_stories(
        self, c: sqlite3.Connection, stories: Iterable[Story], *, drop: Iterable[StoryId] = ()
    ) -> None:
        """Upsert story rows (inside ``transaction()``); delete the ids in ``drop``."""
        c.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in drop])
        c.executemany(
            "INSERT INTO stories VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "title=excluded.title, first_seen=excluded.first_seen, last_seen=excluded.last_seen, "
            "n_articles=excluded.n_articles, n_independent=excluded.n_independent, "
            "updated_at=excluded.updated_at",
            [
                (
                    s.id,
                    s.title,
                    s.first_seen,
                    s.last_seen,
                    len(s.article_ids),
                    s.n_independent,
                    _now(),
                )
                for s in stories
            ],
        )

    def stories(self) -> list[Story]:
        """Every story, largest first, with its current articles in ingest order."""
        members: dict[str, list[str]] = {}
        for sid, aid in self._conn.execute(
            "SELECT story_id, id FROM articles WHERE is_current = 1 AND story_id IS NOT NULL ORDER BY seq"
        ):
            members.setdefault(sid, []).append(aid)
        rows = self._conn.execute(
            "SELECT id, title, first_seen, last_seen, n_independent, updated_at FROM stories"
        ).fetchall()
        out = [
            Story(id=r[0], title=r[1], article_ids=members.get(r[0], []), first_seen=r[2],
                  last_seen=r[3], n_independent=int(r[4]))
            for r in rows
            if members.get(r[0])
        ]  # fmt: skip
        out.sort(key=lambda s: (-len(s.article_ids), -(s.n_independent), s.id))
        return out

    def story(self, story_id: StoryId) -> Story:
        for s in self.stories():
            if s.id == story_id:
                return s
        raise NotFoundError(f"no story with id {story_id!r}")

    def story_updated_at(self, story_id: StoryId) -> str | None:
        row = self._conn.execute(
            "SELECT updated_at FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return str(row[0]) if row else None

    # -- facts cache ------------------------------------------------------------------------

    def facts(self, ids: Iterable[ArticleId], extractor: str) -> dict[ArticleId, ArticleFacts]:
        wanted = list(ids)
        out: dict[ArticleId, ArticleFacts] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            q = ",".join("?" * len(chunk))
            for aid, data in self._conn.execute(
                f"SELECT article_id, data FROM facts WHERE extractor = ? AND article_id IN ({q})",
                (extractor, *chunk),
            ):
                out[aid] = facts_from_json(data)
        return out

    def save_facts(self, items: Iterable[ArticleFacts], extractor: str) -> None:
        with self.transaction() as c:
            c.executemany(
                "INSERT OR REPLACE INTO facts VALUES (?, ?, ?)",
                [(f.article_id, extractor, facts_to_json(f)) for f in items],
            )

    # -- runs -------------------------------------------------------------------------------

    def start_run(self) -> int:
        with self.transaction() as c:
            cur = c.execute("INSERT INTO runs (started_at) VALUES (?)", (_now(),))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, added: int, skipped: int, errors: int) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE runs SET finished_at=?, n_added=?, n_skipped=?, n_errors=? WHERE id=?",
                (_now(), added, skipped, errors, run_id),
            )


def _opt(v: object) -> str | None:
    return None if v is None else str(v)


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

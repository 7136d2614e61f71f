"""What every store offers (the ``Store`` protocol) and the SQL the backends share.

Two backends implement the protocol: ``SQLiteStore`` (a file, the default) and
``PostgresStore`` (a ``postgresql://`` URL). All queries live once, here, in
``SQLStore``; they are written in the SQL both databases accept (``ON CONFLICT``,
``RETURNING``) with ``?`` placeholders, and each backend supplies the few things that
differ: how to connect, how a write transaction is serialised, how the placeholder is
spelled, the migrations' dialect, full-text ``search`` and ``integrity_ok``.

Writes happen inside ``transaction()``, which yields an opaque handle that the write
methods take as their first argument; reads made inside the block see its writes.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from storyline.errors import NotFoundError
from storyline.models import Article, ArticleFacts, ArticleId, Span, Story, StoryId
from storyline.serde import facts_from_json, facts_to_json

Handle = Any
"""What ``transaction()`` yields: the backend's connection, opaque to callers."""

# Rows the write methods take; plain tuples, unpacked in this order.
Assignment = tuple[ArticleId, StoryId | None, ArticleId | None, str | None, float | None]
"""``(article, story, duplicate_of, kind, score)`` for ``set_assignments``."""
DuplicateRow = tuple[ArticleId, ArticleId | None, str | None, float | None]
"""``(article, duplicate_of, kind, score)`` for ``set_duplicates``."""


# Rows the read methods return: named, and still tuples (callers may unpack them).


class SignatureRow(NamedTuple):
    """A current article with the signatures stored beside it (``signatures()``)."""

    article: Article
    minhash: bytes | None
    embedder: str | None
    vector: bytes | None
    terms: list[str]


class MemberRow(NamedTuple):
    """A current article of a story with its stored vector (``story_members()``)."""

    article: Article
    vector: bytes | None


class SourceVersion(NamedTuple):
    """The current version stored for a source (``current_at_source()``)."""

    id: ArticleId
    version: int


class SourceState(NamedTuple):
    """What a source holds (``source_state()``): its current article and highest version."""

    current: ArticleId | None
    top_version: int


class StoredVersion(NamedTuple):
    """Where a stored article sits among its source's versions (``stored_version()``)."""

    source: str
    version: int
    is_current: bool


class DuplicateInfo(NamedTuple):
    """An article's duplicate fields (``duplicate_info()``); all None when it is no copy."""

    duplicate_of: ArticleId | None
    kind: str | None
    score: float | None


ARTICLE_COLS = (
    "id, source, url, outlet, published, published_from, title, title_inferred, text, raw, "
    "headings, ingested_at, version, supersedes, duplicate_of, story_id, byline, language"
)
_A_COLS = ", ".join("a." + c.strip() for c in ARTICLE_COLS.split(","))
_CHUNK = 500  # ids per IN (...) list: well under SQLite's parameter limit


@runtime_checkable
class Store(Protocol):
    """The storage interface the engine and the web app use; only stores know SQL."""

    path: str | Path
    """Where the data lives, safe to print (a file path, or a URL without its password)."""

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
    def transaction(self) -> AbstractContextManager[Handle]: ...
    def snapshot(self) -> AbstractContextManager[None]: ...
    def schema_version(self) -> list[str]: ...
    def integrity_ok(self) -> bool: ...
    # articles
    def has_article(self, article_id: ArticleId) -> bool: ...
    def current_at_source(self, source: str) -> SourceVersion | None: ...
    def source_state(self, source: str) -> SourceState | None: ...
    def stored_version(self, article_id: ArticleId) -> StoredVersion | None: ...
    def raw_input_article(self, key: str) -> ArticleId | None: ...
    def make_current(self, c: Handle, article_id: ArticleId, source: str) -> None: ...
    def generation(self, c: Handle | None = None) -> int: ...
    def bump_generation(self, c: Handle) -> int: ...
    def settled_seq(self, c: Handle | None = None) -> int: ...
    def set_settled_seq(self, c: Handle, seq: int) -> None: ...
    def terms_version(self, c: Handle | None = None) -> str | None: ...
    def set_terms_version(self, c: Handle, version: str) -> None: ...
    def claim_terms_version(self, c: Handle, version: str) -> None: ...
    def set_terms(self, c: Handle, items: Iterable[tuple[ArticleId, Sequence[str]]]) -> None: ...
    def last_seq(self) -> int: ...
    def ids_after(self, seq: int, c: Handle | None = None) -> list[tuple[int, ArticleId]]: ...
    def weighed_at(self) -> dict[ArticleId, int]: ...
    def set_weighed_at(self, c: Handle, items: Iterable[tuple[ArticleId, int]]) -> None: ...
    def add_sighting(self, c: Handle, article_id: ArticleId, source: str) -> None: ...
    def has_raw_input(self, key: str) -> bool: ...
    def add_raw_inputs(self, c: Handle, items: Iterable[tuple[str, ArticleId]]) -> None: ...
    def insert_article(
        self,
        c: Handle,
        a: Article,
        *,
        minhash: bytes | None = None,
        embedder: str | None = None,
        vector: bytes | None = None,
        terms: Sequence[str] = (),
    ) -> None: ...
    def article(self, article_id: ArticleId) -> Article: ...
    def articles(
        self, ids: Iterable[ArticleId] | None = None, *, current_only: bool = True
    ) -> list[Article]: ...
    def count_articles(self) -> int: ...
    def signatures(self, *, current_only: bool = True) -> Iterator[SignatureRow]: ...
    def story_members(self, story_ids: Iterable[StoryId]) -> Iterator[MemberRow]: ...
    def update_vectors(self, items: Iterable[tuple[ArticleId, str, bytes]]) -> None: ...
    def set_assignments(self, c: Handle, assignments: Iterable[Assignment]) -> None: ...
    def set_duplicates(self, c: Handle, items: Iterable[DuplicateRow]) -> None: ...
    def set_story_ids(self, c: Handle, items: Iterable[tuple[ArticleId, StoryId]]) -> None: ...
    def clear_stories(self, c: Handle) -> None: ...
    def story_of(self, article_id: ArticleId) -> StoryId | None: ...
    def duplicate_info(self) -> dict[ArticleId, DuplicateInfo]: ...
    def search(self, query: str, limit: int = 50) -> list[ArticleId]: ...
    # stories
    def replace_stories(
        self, c: Handle, stories: Iterable[Story], *, drop: Iterable[StoryId] = ()
    ) -> None: ...
    def stories(self) -> list[Story]: ...
    def story(self, story_id: StoryId) -> Story: ...
    def story_updated_at(self, story_id: StoryId) -> str | None: ...
    # facts cache and runs
    def facts(self, ids: Iterable[ArticleId], extractor: str) -> dict[ArticleId, ArticleFacts]: ...
    def facts_cached(self, ids: Iterable[ArticleId], extractor: str) -> set[ArticleId]: ...
    def save_facts(self, items: Iterable[ArticleFacts], extractor: str) -> None: ...
    def save_facts_json(self, items: Iterable[tuple[ArticleId, str]], extractor: str) -> None: ...
    def start_run(self) -> int: ...
    def finish_run(self, run_id: int, added: int, skipped: int, errors: int) -> None: ...


def now() -> str:
    """The current UTC time as an ISO string (seconds), as stored in every ``*_at`` column."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def load_migrations(dialect: str) -> list[tuple[str, str]]:
    """``(name, sql)`` of every packaged migration, in order, for ``dialect``.

    ``0002_search.sql`` is the migration; ``0002_search.postgresql.sql`` beside it, when
    present, replaces it for that dialect (same name, so both backends record the same
    ``schema_version``). Files for other dialects are ignored.
    """
    folder = resources.files("storyline.store") / "migrations"
    base: dict[str, str] = {}
    variant: dict[str, str] = {}
    for p in folder.iterdir():
        name = p.name
        if not name.endswith(".sql"):
            continue
        stem = name.removesuffix(".sql")
        if "." in stem:  # a per-dialect variant: NAME.DIALECT.sql
            mig, dia = stem.rsplit(".", 1)
            if dia == dialect:
                variant[mig] = p.read_text(encoding="utf-8")
        else:
            base[stem] = p.read_text(encoding="utf-8")
    return [(name, variant.get(name, base[name])) for name in sorted(base)]


class SQLStore(ABC):
    """The queries of a storyline database, shared by the SQLite and PostgreSQL stores.

    Subclasses connect, implement ``transaction()`` and the hooks below; queries here use
    ``?`` placeholders, which ``_sql`` turns into the backend's spelling.
    """

    path: str | Path

    # -- hooks ------------------------------------------------------------------------------

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Handle]:
        """Run the block's writes atomically, one writer at a time; yields the handle."""

    @abstractmethod
    def snapshot(self) -> AbstractContextManager[None]:
        """Reads in the block all see one committed state (no effect inside a transaction)."""

    @abstractmethod
    def _reader(self) -> Handle:
        """The connection a read should use (the open transaction's, on its own thread)."""

    @abstractmethod
    def search(self, query: str, limit: int = 50) -> list[ArticleId]:
        """Ids of current articles matching a full-text query over title and text, best first."""

    @abstractmethod
    def integrity_ok(self) -> bool: ...

    def _sql(self, sql: str) -> str:
        """The backend's spelling of a ``?``-placeholder query (SQLite's, by default)."""
        return sql

    def _exec(self, c: Handle, sql: str, params: Sequence[object] = ()) -> Any:
        return c.execute(self._sql(sql), tuple(params))

    def _execmany(self, c: Handle, sql: str, rows: Iterable[Sequence[object]]) -> None:
        rows = list(rows)
        if rows:
            c.executemany(self._sql(sql), rows)

    def _text(self, value: str) -> str:
        """A string as the backend can store it (PostgreSQL refuses NUL characters)."""
        return value

    def _all(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        return list(self._exec(self._reader(), sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[object] = ()) -> Any:
        return self._exec(self._reader(), sql, params).fetchone()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return [name for (name,) in self._all("SELECT name FROM schema_migrations ORDER BY name")]

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: ArticleId) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def current_at_source(self, source: str) -> SourceVersion | None:
        """The current version stored for ``source``: ``(id, version)``, or None."""
        row = self._one(
            "SELECT id, version FROM articles WHERE source = ? AND is_current = 1 "
            "ORDER BY version DESC LIMIT 1",
            (source,),
        )
        if row is None:
            return None
        aid, version = row
        return SourceVersion(aid, int(version))

    def source_state(self, source: str) -> SourceState | None:
        """The current article at ``source`` and the highest version it ever had, or None.

        Versions are numbered by the highest one (a source that reverted to an earlier
        text has that text current, and its next change still gets a new number).
        """
        rows = self._all(
            "SELECT id, version, is_current FROM articles WHERE source = ? ORDER BY version DESC",
            (source,),
        )
        if not rows:
            return None
        current = next((str(aid) for aid, _, cur in rows if int(cur)), None)
        return SourceState(current, int(rows[0][1]))

    def stored_version(self, article_id: ArticleId) -> StoredVersion | None:
        """The source, version and currency of a stored article, or None when not stored."""
        row = self._one(
            "SELECT source, version, is_current FROM articles WHERE id = ?", (article_id,)
        )
        return None if row is None else StoredVersion(str(row[0]), int(row[1]), bool(row[2]))

    def raw_input_article(self, key: str) -> ArticleId | None:
        """The article a raw input (by ``raw_key``) was stored as, or None."""
        row = self._one("SELECT article_id FROM raw_inputs WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def make_current(self, c: Handle, article_id: ArticleId, source: str) -> None:
        """Make ``article_id`` the current version at ``source`` again (a source that reverted)."""
        self._exec(
            c,
            "UPDATE articles SET is_current = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE source = ?",
            (article_id, source),
        )

    def generation(self, c: Handle | None = None) -> int:
        """The writers' generation (``bump_generation``); pass the handle inside ``transaction()``."""
        sql = "SELECT generation FROM writer_state WHERE id = 1"
        row = self._one(sql) if c is None else self._exec(c, sql).fetchone()
        return int(row[0]) if row else 0

    def bump_generation(self, c: Handle) -> int:
        """Count one more commit of the pipeline (inside its transaction); the new value."""
        (gen,) = self._exec(
            c,
            "UPDATE writer_state SET generation = generation + 1 WHERE id = 1 RETURNING generation",
        ).fetchone()
        return int(gen)

    def settled_seq(self, c: Handle | None = None) -> int:
        """Every article with ``seq`` up to this was settled at the end of a run."""
        sql = "SELECT settled_seq FROM writer_state WHERE id = 1"
        row = self._one(sql) if c is None else self._exec(c, sql).fetchone()
        return int(row[0]) if row else 0

    def set_settled_seq(self, c: Handle, seq: int) -> None:
        """Record (in the settle's transaction) that articles up to ``seq`` are settled."""
        self._exec(c, "UPDATE writer_state SET settled_seq = ? WHERE id = 1", (seq,))

    def terms_version(self, c: Handle | None = None) -> str | None:
        """The ``terms.TERMS_VERSION`` the stored cluster terms were computed with (``None``:
        unknown, a store made before it was recorded, or empty)."""
        sql = "SELECT terms_version FROM writer_state WHERE id = 1"
        row = self._one(sql) if c is None else self._exec(c, sql).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def set_terms_version(self, c: Handle, version: str) -> None:
        """Record (with the terms it describes) the version of every stored term list."""
        self._exec(c, "UPDATE writer_state SET terms_version = ? WHERE id = 1", (version,))

    def claim_terms_version(self, c: Handle, version: str) -> None:
        """Record ``version`` for a store that holds no article yet and no version (its
        first commit's): a store with older articles keeps its unknown version."""
        self._exec(
            c,
            "UPDATE writer_state SET terms_version = ? WHERE id = 1 AND terms_version IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM articles)",
            (version,),
        )

    def set_terms(self, c: Handle, items: Iterable[tuple[ArticleId, Sequence[str]]]) -> None:
        """Replace the stored cluster terms of articles (inside ``transaction()``)."""
        self._execmany(
            c,
            "UPDATE signatures SET terms = ? WHERE article_id = ?",
            [(json.dumps(list(terms)), aid) for aid, terms in items],
        )

    def last_seq(self) -> int:
        """The ingest order number of the last stored article (0 when empty)."""
        (n,) = self._one("SELECT COALESCE(MAX(seq), 0) FROM articles")
        return int(n)

    def ids_after(self, seq: int, c: Handle | None = None) -> list[tuple[int, ArticleId]]:
        """``(seq, id)`` of every article stored after ``seq``, in ingest order."""
        sql = "SELECT seq, id FROM articles WHERE seq > ? ORDER BY seq"
        rows = self._all(sql, (seq,)) if c is None else self._exec(c, sql, (seq,)).fetchall()
        return [(int(s), a) for s, a in rows]

    def weighed_at(self) -> dict[ArticleId, int]:
        """Articles whose story-index term weights were last made at another index size
        than their own place in ingest order: ``article -> size``."""
        rows = self._all(
            "SELECT article_id, weighed_at FROM signatures WHERE weighed_at IS NOT NULL"
        )
        return {a: int(w) for a, w in rows}

    def set_weighed_at(self, c: Handle, items: Iterable[tuple[ArticleId, int]]) -> None:
        """Record the index size at which articles' term weights were last made."""
        self._execmany(
            c,
            "UPDATE signatures SET weighed_at = ? WHERE article_id = ?",
            [(w, a) for a, w in items],
        )

    def add_sighting(self, c: Handle, article_id: ArticleId, source: str) -> None:
        self._exec(
            c,
            "INSERT INTO article_sources VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (article_id, source, now()),
        )

    def has_raw_input(self, key: str) -> bool:
        """Whether a raw input with this key (``pipeline.prepare.raw_key``) was already taken in."""
        return self._one("SELECT 1 FROM raw_inputs WHERE key = ?", (key,)) is not None

    def add_raw_inputs(self, c: Handle, items: Iterable[tuple[str, ArticleId]]) -> None:
        """Record raw inputs as taken in: ``(key, article_id)``."""
        self._execmany(c, "INSERT INTO raw_inputs VALUES (?, ?) ON CONFLICT DO NOTHING", items)

    def insert_article(
        self,
        c: Handle,
        a: Article,
        *,
        minhash: bytes | None = None,
        embedder: str | None = None,
        vector: bytes | None = None,
        terms: Sequence[str] = (),
    ) -> None:
        """Insert one article (inside ``transaction()``); marks an older version at its source superseded."""
        if a.supersedes:
            self._exec(c, "UPDATE articles SET is_current = 0 WHERE id = ?", (a.supersedes,))
        # Writers are serialised by transaction(), so MAX + 1 is unique and increasing.
        (seq,) = self._exec(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()
        self._exec(
            c,
            "INSERT INTO articles (id, source, url, outlet, published, published_from, title, "
            "title_inferred, text, raw, headings, ingested_at, seq, version, supersedes, "
            "duplicate_of, story_id, byline, language) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (id) DO NOTHING",
            (
                a.id, a.source, a.url, a.outlet, a.published, a.published_from,
                self._text(a.title), int(a.title_inferred), self._text(a.text),
                self._text(a.raw), json.dumps([[h.start, h.end] for h in a.headings]),
                a.ingested_at or now(), seq, a.version, a.supersedes, a.duplicate_of, a.story_id,
                a.byline, a.language,
            ),
        )  # fmt: skip
        self._exec(
            c,
            "INSERT INTO signatures (article_id, minhash, embedder, vector, terms) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
            (a.id, minhash, embedder, vector, json.dumps(list(terms))),
        )
        self.add_sighting(c, a.id, a.source)

    @staticmethod
    def _article(row: Sequence[object]) -> Article:
        (aid, source, url, outlet, published, pfrom, title, tinf, text, raw, headings, ing,
         version, supersedes, dup, story, byline, language) = row  # fmt: skip
        return Article(
            id=str(aid), source=str(source), url=_opt(url), outlet=_opt(outlet),
            published=_opt(published), published_from=_opt(pfrom), title=str(title),
            title_inferred=bool(tinf), text=str(text), raw=str(raw),
            headings=tuple(Span(int(s), int(e)) for s, e in json.loads(str(headings))),
            ingested_at=str(ing), version=int(str(version)), supersedes=_opt(supersedes),
            duplicate_of=_opt(dup), story_id=_opt(story), byline=_opt(byline),
            language=_opt(language),
        )  # fmt: skip

    def article(self, article_id: ArticleId) -> Article:
        row = self._one(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return self._article(row)

    def articles(
        self, ids: Iterable[ArticleId] | None = None, *, current_only: bool = True
    ) -> list[Article]:
        """Articles in ingest order; all of them, or those with the given ids."""
        with self.snapshot():  # many ids: several queries, one database state
            return self._articles(ids, current_only=current_only)

    def _articles(self, ids: Iterable[ArticleId] | None, *, current_only: bool) -> list[Article]:
        where = "WHERE is_current = 1" if current_only else "WHERE 1 = 1"
        if ids is None:
            rows = self._all(f"SELECT {ARTICLE_COLS} FROM articles {where} ORDER BY seq")
            return [self._article(r) for r in rows]
        wanted = list(dict.fromkeys(ids))
        found: list[tuple[int, Article]] = []
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            q = ",".join("?" * len(chunk))
            for *cols, seq in self._all(
                f"SELECT {ARTICLE_COLS}, seq FROM articles {where} AND id IN ({q})", chunk
            ):
                found.append((int(seq), self._article(cols)))
        return [a for _, a in sorted(found, key=lambda x: x[0])]

    def count_articles(self) -> int:
        (n,) = self._one("SELECT COUNT(*) FROM articles")
        return int(n)

    def signatures(self, *, current_only: bool = True) -> Iterator[SignatureRow]:
        """Every current article (or every version) with its MinHash, embedder, vector and terms."""
        where = "WHERE a.is_current = 1 " if current_only else ""
        rows = self._exec(
            self._reader(),
            f"SELECT {_A_COLS}, s.minhash, s.embedder, s.vector, s.terms FROM articles a "
            f"JOIN signatures s ON s.article_id = a.id {where}ORDER BY a.seq",
        )
        for *cols, minhash, embedder, vector, terms in rows:
            yield SignatureRow(
                article=self._article(cols),
                minhash=_opt_bytes(minhash),
                embedder=embedder,
                vector=_opt_bytes(vector),
                terms=json.loads(terms or "[]"),
            )

    def story_members(self, story_ids: Iterable[StoryId]) -> Iterator[MemberRow]:
        """Current articles of the given stories with their stored vectors (indexed lookup)."""
        wanted = list(dict.fromkeys(story_ids))
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            q = ",".join("?" * len(chunk))
            rows = self._all(
                f"SELECT {_A_COLS}, s.vector FROM articles a JOIN signatures s ON s.article_id = a.id "
                f"WHERE a.is_current = 1 AND a.story_id IN ({q}) ORDER BY a.seq",
                chunk,
            )
            for *cols, vector in rows:
                yield MemberRow(article=self._article(cols), vector=_opt_bytes(vector))

    def update_vectors(self, items: Iterable[tuple[ArticleId, str, bytes]]) -> None:
        with self.transaction() as c:
            self._execmany(
                c,
                "UPDATE signatures SET embedder = ?, vector = ? WHERE article_id = ?",
                [(name, vec, aid) for aid, name, vec in items],
            )

    def set_assignments(self, c: Handle, assignments: Iterable[Assignment]) -> None:
        """Set ``story_id`` and duplicate fields: ``(article, story, duplicate_of, kind, score)``."""
        self._execmany(
            c,
            "UPDATE articles SET story_id = ?, duplicate_of = ?, dup_kind = ?, dup_score = ? WHERE id = ?",
            [(s, d, k, sc, a) for a, s, d, k, sc in assignments],
        )

    def set_duplicates(self, c: Handle, items: Iterable[DuplicateRow]) -> None:
        """Set only the duplicate fields: ``(article, duplicate_of, kind, score)``."""
        self._execmany(
            c,
            "UPDATE articles SET duplicate_of = ?, dup_kind = ?, dup_score = ? WHERE id = ?",
            [(d, k, sc, a) for a, d, k, sc in items],
        )

    def set_story_ids(self, c: Handle, items: Iterable[tuple[ArticleId, StoryId]]) -> None:
        """Move articles to other stories: ``(article, story)``."""
        self._execmany(
            c, "UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in items]
        )

    def clear_stories(self, c: Handle) -> None:
        """Delete every story row (articles keep their ``story_id``), before a rebuild."""
        self._exec(c, "DELETE FROM stories")

    def story_of(self, article_id: ArticleId) -> StoryId | None:
        row = self._one("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        return row[0] if row else None

    def duplicate_info(self) -> dict[ArticleId, DuplicateInfo]:
        """``article id -> (duplicate_of, kind, score)`` for every stored article."""
        rows = self._all("SELECT id, duplicate_of, dup_kind, dup_score FROM articles")
        return {aid: DuplicateInfo(of, kind, score) for aid, of, kind, score in rows}

    # -- stories ----------------------------------------------------------------------------

    def replace_stories(
        self, c: Handle, stories: Iterable[Story], *, drop: Iterable[StoryId] = ()
    ) -> None:
        """Upsert story rows (inside ``transaction()``); delete the ids in ``drop``."""
        self._execmany(c, "DELETE FROM stories WHERE id = ?", [(s,) for s in drop])
        stamp = now()
        self._execmany(
            c,
            "INSERT INTO stories (id, title, first_seen, last_seen, n_articles, n_independent, "
            "updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
            "title=excluded.title, first_seen=excluded.first_seen, last_seen=excluded.last_seen, "
            "n_articles=excluded.n_articles, n_independent=excluded.n_independent, "
            "updated_at=excluded.updated_at",
            [
                (s.id, s.title, s.first_seen, s.last_seen, len(s.article_ids), s.n_independent,
                 stamp)
                for s in stories
            ],
        )  # fmt: skip

    def stories(self) -> list[Story]:
        """Every story, largest first, with its current articles in ingest order."""
        with self.snapshot():  # two queries, one database state
            return self._stories()

    def _stories(self) -> list[Story]:
        members: dict[str, list[str]] = {}
        for sid, aid in self._all(
            "SELECT story_id, id FROM articles WHERE is_current = 1 AND story_id IS NOT NULL "
            "ORDER BY seq"
        ):
            members.setdefault(sid, []).append(aid)
        rows = self._all(
            "SELECT id, title, first_seen, last_seen, n_independent, updated_at FROM stories"
        )
        out = [
            Story(id=sid, title=title, article_ids=members[sid], first_seen=first,
                  last_seen=last, n_independent=int(n_ind))
            for sid, title, first, last, n_ind, _updated in rows
            if members.get(sid)
        ]  # fmt: skip
        out.sort(key=lambda s: (-len(s.article_ids), -(s.n_independent), s.id))
        return out

    def story(self, story_id: StoryId) -> Story:
        """One story by id (two indexed queries, one database state)."""
        with self.snapshot():
            return self._story(story_id)

    def _story(self, story_id: StoryId) -> Story:
        row = self._one(
            "SELECT id, title, first_seen, last_seen, n_independent FROM stories WHERE id = ?",
            (story_id,),
        )
        ids = [
            aid
            for (aid,) in self._all(
                "SELECT id FROM articles WHERE story_id = ? AND is_current = 1 ORDER BY seq",
                (story_id,),
            )
        ]
        if row is None or not ids:
            raise NotFoundError(f"no story with id {story_id!r}")
        sid, title, first, last, n_ind = row
        return Story(id=sid, title=title, article_ids=ids, first_seen=first, last_seen=last,
                     n_independent=int(n_ind))  # fmt: skip

    def story_updated_at(self, story_id: StoryId) -> str | None:
        row = self._one("SELECT updated_at FROM stories WHERE id = ?", (story_id,))
        return str(row[0]) if row else None

    # -- facts cache ------------------------------------------------------------------------

    def facts(self, ids: Iterable[ArticleId], extractor: str) -> dict[ArticleId, ArticleFacts]:
        wanted = list(ids)
        out: dict[ArticleId, ArticleFacts] = {}
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            q = ",".join("?" * len(chunk))
            for aid, data in self._all(
                f"SELECT article_id, data FROM facts WHERE extractor = ? AND article_id IN ({q})",
                (extractor, *chunk),
            ):
                out[aid] = facts_from_json(data)
        return out

    def facts_cached(self, ids: Iterable[ArticleId], extractor: str) -> set[ArticleId]:
        """Which of ``ids`` have cached facts (no JSON read: a cheap readiness check)."""
        wanted = list(ids)
        out: set[ArticleId] = set()
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            q = ",".join("?" * len(chunk))
            out.update(
                aid
                for (aid,) in self._all(
                    f"SELECT article_id FROM facts WHERE extractor = ? AND article_id IN ({q})",
                    (extractor, *chunk),
                )
            )
        return out

    def save_facts(self, items: Iterable[ArticleFacts], extractor: str) -> None:
        """Cache complete facts; partial ones (cut short by the time limit) are left out,
        so that a later run extracts them again instead of reading them as complete."""
        self.save_facts_json(
            ((f.article_id, facts_to_json(f)) for f in items if f.partial is None), extractor
        )

    def save_facts_json(self, items: Iterable[tuple[ArticleId, str]], extractor: str) -> None:
        """Cache facts already serialised by ``serde.facts_to_json``: ``(article id, JSON)``."""
        with self.transaction() as c:
            self._execmany(
                c,
                "INSERT INTO facts (article_id, extractor, data) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id, extractor) DO UPDATE SET data = excluded.data",
                [(aid, extractor, self._text(data)) for aid, data in items],
            )

    # -- runs -------------------------------------------------------------------------------

    def start_run(self) -> int:
        with self.transaction() as c:
            (run_id,) = self._exec(
                c, "INSERT INTO runs (started_at) VALUES (?) RETURNING id", (now(),)
            ).fetchone()
            return int(run_id)

    def finish_run(self, run_id: int, added: int, skipped: int, errors: int) -> None:
        with self.transaction() as c:
            self._exec(
                c,
                "UPDATE runs SET finished_at=?, n_added=?, n_skipped=?, n_errors=? WHERE id=?",
                (now(), added, skipped, errors, run_id),
            )


def _opt(v: object) -> str | None:
    return None if v is None else str(v)


def _opt_bytes(v: object) -> bytes | None:
    # psycopg may hand back memoryview for bytea in some modes; callers expect bytes.
    return None if v is None else bytes(v)  # type: ignore[call-overload]


_PLACEHOLDER = re.compile(r"\?")


def qmark_to_format(sql: str) -> str:
    """``?`` placeholders to ``%s`` (psycopg's), with literal ``%`` escaped.

    The shared queries contain no ``?`` inside string literals, so a plain substitution is exact.
    """
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))

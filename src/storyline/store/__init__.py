"""Storage. ``open_store`` picks the backend from a path or URL; SQLite is the default.

``postgresql://…`` (or ``postgres://…``) opens a PostgreSQL database; anything else is a
SQLite file (``sqlite:///path`` is accepted too). Both implement ``Store``.
"""

from __future__ import annotations

import os
from pathlib import Path

from storyline.errors import StoreError
from storyline.store.base import (
    DuplicateInfo,
    MemberRow,
    SignatureRow,
    SourceState,
    SourceVersion,
    Store,
    StoredVersion,
)
from storyline.store.sqlite import SQLiteStore

DEFAULT_DB = "storyline.db"


def default_db() -> str:
    """``$STORYLINE_DB``, else ``./storyline.db``."""
    return os.environ.get("STORYLINE_DB") or DEFAULT_DB


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``db`` or the default.

    Raises:
        StoreError: the database cannot be opened, reached or migrated (one line).
    """
    target = str(db) if db is not None else default_db()
    if target.lower().startswith(("postgresql://", "postgres://")):
        # Imported here: psycopg is only loaded by those who use PostgreSQL.
        try:
            from storyline.store.postgres import PostgresStore
        except ImportError as exc:  # psycopg is a locked dependency, but say so plainly
            raise StoreError(
                f"PostgreSQL needs psycopg: pip install 'psycopg[binary]' ({exc})"
            ) from None
        return PostgresStore(target)
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    return SQLiteStore(target)


__all__ = [
    "DEFAULT_DB",
    "DuplicateInfo",
    "MemberRow",
    "SQLiteStore",
    "SignatureRow",
    "SourceState",
    "SourceVersion",
    "Store",
    "StoredVersion",
    "default_db",
    "open_store",
]

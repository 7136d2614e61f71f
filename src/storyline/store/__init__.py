"""Storage. ``open_store`` picks the backend from a path or URL; SQLite is the default."""

from __future__ import annotations

import os
from pathlib import Path

from storyline.store.sqlite import SQLiteStore

DEFAULT_DB = "storyline.db"


def default_db() -> str:
    """``$STORYLINE_DB``, else ``./storyline.db``."""
    return os.environ.get("STORYLINE_DB") or DEFAULT_DB


def open_store(db: str | Path | None = None) -> SQLiteStore:
    """Open (creating and migrating as needed) the store at ``db`` or the default."""
    target = str(db) if db is not None else default_db()
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    return SQLiteStore(target)


__all__ = ["DEFAULT_DB", "SQLiteStore", "default_db", "open_store"]

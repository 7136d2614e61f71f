"""The only conftest: shared fixtures for every test module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pg import pg_server, pg_url  # noqa: F401  (PostgreSQL fixtures, see tests/pg.py)

REPO = Path(__file__).resolve().parent.parent


def find_shared() -> Path | None:
    """``$STORYLINE_SHARED``, else ``../shared`` beside the repo root, if it exists."""
    env = os.environ.get("STORYLINE_SHARED")
    path = Path(env) if env else REPO.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder; skip (or fail under CI=true) when it is missing."""
    path = find_shared()
    if path is None:
        msg = "shared data not found: set STORYLINE_SHARED or put ../shared beside the repo"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    """The reference corpus ``corpus/gaza-isf``."""
    path = shared_dir / "corpus" / "gaza-isf"
    if not path.is_dir():
        pytest.fail(f"{path} is missing from the shared folder")
    return path


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """A fresh database path per test."""
    return tmp_path / "test.db"


CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """The system Chromium driven by Playwright; skip (fail under CI=true) when missing."""

    def missing(reason: str) -> None:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)

    if not Path(CHROMIUM).exists():
        missing(f"{CHROMIUM} not found: install it with `apt-get install -y chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed (pip install playwright==1.65.2)")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        yield b
        b.close()

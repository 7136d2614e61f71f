"""Where the bundled example articles live (package data, written for this project)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def examples_dir() -> Path:
    """The folder of bundled example articles (txt, html, an RSS feed, JSONL)."""
    return Path(str(resources.files("storyline") / "examples"))

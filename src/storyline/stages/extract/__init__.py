"""Extract stage: everything one article says, each fact cited to its characters.

Input: cleaned ``Article`` objects. Output: one ``ArticleFacts`` per article with

- entities (``entities.py``): canonical actors with aliases, roles, affiliations;
- quotes (``quotes.py``): direct, partial and indirect quotes with their speakers;
- quantities (``quantities.py``), dates (``dates.py``), events (``events.py``) and
  stances (``stances.py``).

``extract_many`` parses all articles with one ``nlp.pipe`` call (spaCy batches them), then
runs the stages per article; with ``use_spacy=False`` every stage runs on rules only and gets
``doc=None`` (the fast ``--extractor rules`` path). Every cite is checked against its article
before it leaves the stage.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.models import Article, ArticleFacts, Cite

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EXTRACTOR_VERSION", "extract_facts", "extract_many"]

logger = logging.getLogger(__name__)

# Part of the engine's cache key for stored facts: bump it whenever any stage's output changes.
EXTRACTOR_VERSION = "2"

_T = TypeVar("_T")


def extract_facts(article: Article, *, use_spacy: bool = True) -> ArticleFacts:
    """Extract the facts of one article (see ``extract_many``)."""
    return extract_many([article], use_spacy=use_spacy)[0]


def extract_many(articles: Sequence[Article], *, use_spacy: bool = True) -> list[ArticleFacts]:
    """Extract the facts of many articles, parsing them in one spaCy batch.

    Args:
        articles: cleaned articles.
        use_spacy: parse with spaCy (NER, dependencies); ``False`` runs every stage on rules.

    Returns:
        One ``ArticleFacts`` per article, in the same order. Every cite lies inside its
        article's text and every quote's text equals its cited span.
    """
    return [
        _extract_one(a, doc) for a, doc in zip(articles, _docs(articles, use_spacy), strict=True)
    ]


def _docs(articles: Sequence[Article], use_spacy: bool) -> Iterator[Doc | None]:
    """Lazily yield each article's parse (``None`` without spaCy or for an oversized text)."""
    if not use_spacy:
        for _ in articles:
            yield None
        return
    from storyline.nlp import load_spacy

    nlp = load_spacy()
    fits = [len(a.text) <= nlp.max_length for a in articles]
    if not all(fits):
        logger.warning("%d article(s) too long for spaCy: rules only", fits.count(False))
    parsed = nlp.pipe((a.text for a, ok in zip(articles, fits, strict=True) if ok), batch_size=32)
    for ok in fits:
        yield next(parsed) if ok else None


def _extract_one(article: Article, doc: Doc | None) -> ArticleFacts:
    # Imported here, not at module top: the engine imports this package for
    # EXTRACTOR_VERSION on every report, and most reports are served from cached facts.
    from storyline.stages.extract.dates import extract_dates
    from storyline.stages.extract.entities import extract_entities
    from storyline.stages.extract.events import build_events
    from storyline.stages.extract.quantities import extract_quantities
    from storyline.stages.extract.quotes import extract_quotes
    from storyline.stages.extract.stances import extract_stances

    def run(name: str, fn: Callable[[], list[_T]]) -> list[_T]:
        # One stage failing on one article must not lose the other stages or articles;
        # the failure is logged with its traceback, and the stage's list stays empty.
        try:
            return _checked(article, name, fn())
        except Exception:
            logger.exception("extract: %s failed on article %s", name, article.id)
            return []

    entities = run("entities", lambda: extract_entities(article, doc))
    dates = run("dates", lambda: extract_dates(article, doc))
    return ArticleFacts(
        article_id=article.id,
        entities=entities,
        quotes=run("quotes", lambda: extract_quotes(article, doc, entities)),
        quantities=run("quantities", lambda: extract_quantities(article, doc, entities)),
        dates=dates,
        events=run("events", lambda: build_events(article, doc, dates, entities)),
        stances=run("stances", lambda: extract_stances(article, doc, entities)),
    )


def _checked(article: Article, stage: str, items: list[_T]) -> list[_T]:
    """Drop (and log) any item whose cite falls outside the article or misquotes it."""
    n = len(article.text)
    kept: list[_T] = []
    for item in items:
        cites = _cites_of(item)
        bad = [c for c in cites if c.article != article.id or not 0 <= c.start < c.end <= n]
        text = getattr(item, "text", None)
        cite = getattr(item, "cite", None)
        if stage == "quotes" and cite is not None and text != article.text[cite.start : cite.end]:
            bad.append(cite)
        if bad:
            logger.warning(
                "extract: %s dropped an item with a bad cite %s in %s", stage, bad[0], article.id
            )
            continue
        kept.append(item)
    return kept


def _cites_of(item: Any) -> list[Cite]:
    cites: list[Cite] = []
    for attr in ("cite", "cites", "mentions"):
        value = getattr(item, attr, None)
        if isinstance(value, Cite):
            cites.append(value)
        elif isinstance(value, list):
            cites.extend(c for c in value if isinstance(c, Cite))
    return cites

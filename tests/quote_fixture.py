"""Shared helpers of the quote tests (test_attribution, test_quotes_speakers): run the
quote stage on a written sentence, rules-only or with spaCy, and pick one quote."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.models import Article, Quote
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.quotes import extract_quotes
from storyline.text import content_id

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def quotes(text: str, mode: str = "rules") -> list[Quote]:
    doc: Any = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    article = Article(id=content_id(text), source="t", text=text, raw=text, title="t")
    found = extract_quotes(article, doc, extract_entities(article, doc))
    for q in found:
        assert q.text == text[q.cite.start : q.cite.end]
    return found


def one(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.text, q.speaker) for q in found]
    return hits[0]

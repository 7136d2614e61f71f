"""Shared helpers of the stance tests (test_stances_coref, test_stances_s14, test_audit2_s14):
run the entity and stance stages on a written text, rules-only or with spaCy, and pick the
stances about a word."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.models import Article, Stance
from storyline.stages.prepare.extract.context import ArticleContext
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.stances import extract_stances
from storyline.text import content_id

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]
SPACY = [pytest.param("spacy", marks=pytest.mark.model)]


def parse(text: str, mode: str) -> Any:
    if mode != "spacy":
        return None
    from storyline.nlp import load_spacy

    return load_spacy()(text)


def stances(text: str, mode: str) -> list[Stance]:
    doc = parse(text, mode)
    article = Article(id=content_id(text), source="t", text=text, raw=text, title="t")
    ents = extract_entities(article, doc)
    return extract_stances(article, doc, ents, ArticleContext(article, doc, ents))


def about(found: list[Stance], word: str) -> list[Stance]:
    return [s for s in found if word in s.target]

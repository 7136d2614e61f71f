"""The entity stage (``stages/prepare/extract/entities.py``): a capitalised participle
opening its clause ("Conceding that …, he warned") is no person, even when NER tags it one.

Every sentence here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from storyline.models import Article
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.text import content_id


def _names(text: str, word: str) -> set[str]:
    from storyline.nlp import load_spacy

    doc = load_spacy()(text)
    i = next(t.i for t in doc if t.text == word)
    # NER's slip, forced so the test does not hang on the model's mood: the word as a PERSON
    doc.ents = [e for e in doc.ents if not e.start <= i < e.end] + [
        Span(doc, i, i + 1, label="PERSON")
    ]
    article = Article(id=content_id(text), source="t", text=text, raw=text, title="t")
    return {e.name for e in extract_entities(article, doc) if e.type == "PERSON"}


@pytest.mark.model
def test_opening_participle_is_no_person() -> None:
    text = (
        "Ivo Penn toured the harbor on Monday.\n\n"
        "Conceding that a fishing pact would likely come “in due course” he warned: "
        "“It is not going to happen soon.”"
    )
    assert "Conceding" not in _names(text, "Conceding")


@pytest.mark.model
def test_name_as_subject_is_kept() -> None:
    text = "Ivo Penn toured the harbor on Monday. Later, Manning said the pact would wait."
    assert "Manning" in _names(text, "Manning")


@pytest.mark.model
def test_german_title_is_no_person() -> None:
    text = "The weekly Der Kurier reported the raid. Ivo Penn said the police had acted."
    assert "Der Kurier" not in _names(text, "Kurier") | _names(text, "Der")


@pytest.mark.model
def test_plural_demonym_is_no_person() -> None:
    text = "Ivo Penn met Africans and Bavarians in Velmar on Monday."
    assert "Africans" not in _names(text, "Africans")

"""A name NER mistypes is a person by its role (issue 17, s13): a one-word name in
apposition to a person noun ("her son, Tavish,") is no place or group, and a given name and
surname right after a role word ("Harborline CEO Carly Ilves") is no organisation.

All text here is written for these tests (fictional people and companies).
"""

from __future__ import annotations

import pytest

from storyline.stages.prepare.extract.entities import _person_by_role


def test_one_word_name_in_apposition_to_a_person_noun() -> None:
    text = "His daughter, Yelena, said the plan was fine."
    s = text.index("Yelena")
    assert _person_by_role(text, s, s + len("Yelena"), "GPE")


def test_one_word_name_without_a_person_noun_stays() -> None:
    text = "The ferry left for the north, Yelena, and the islands."
    s = text.index("Yelena")
    assert not _person_by_role(text, s, s + len("Yelena"), "GPE")


def test_one_word_organisation_is_not_retyped() -> None:
    text = "The owner, Harborline, said the plan was fine."
    s = text.index("Harborline")
    assert not _person_by_role(text, s, s + len("Harborline"), "ORG")


def test_given_name_and_surname_after_a_role_word() -> None:
    text = "Former Harborline CEO Carly Ilves said she would run."
    s = text.index("Carly")
    assert _person_by_role(text, s, s + len("Carly Ilves"), "ORG")


def test_organisation_without_a_given_name_stays() -> None:
    text = "Former Harborline CEO Ilves Holdings said it would grow."
    s = text.index("Ilves")
    assert not _person_by_role(text, s, s + len("Ilves Holdings"), "ORG")


@pytest.mark.model
def test_entity_stage_types_the_apposed_name_as_a_person() -> None:
    from storyline.models import Article
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.entities import extract_entities
    from storyline.text import content_id

    text = "Her son, Tavish, said the plan was fine."
    article = Article(id=content_id(text), source="t", text=text, raw=text, title="t")
    ents = extract_entities(article, load_spacy()(text))
    assert [e.type for e in ents if e.name == "Tavish"] == ["PERSON"]

"""What a second new user's audit of multi-outlet reports found in "who said what"
(issue 17): a stance read from a "for"-gerund hung on an object's predicate ("called the
voters “foolish” for backing Roe") was given to the caller, who attacked them.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

import pytest

from quote_fixture import quotes
from stance_fixture import SPACY, stances
from storyline.models import Quote


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "In a long speech, Marta Velk also called Dunmore voters “foolish” for supporting Ansel Roe.",
        "Marta Velk called the harbour pilots reckless for backing the Tarn bridge plan.",
    ],
)
def test_for_gerund_on_the_objects_predicate_is_not_the_callers(text: str, mode: str) -> None:
    found = [s for s in stances(text, mode) if s.stance == "support"]
    assert all("Velk" not in s.actor for s in found), "the caller never backs what she attacked"


@pytest.mark.parametrize("mode", SPACY)
def test_for_gerund_on_the_objects_predicate_names_a_named_object(mode: str) -> None:
    text = "Marta Velk called Ansel Roe naive for supporting the Tarn bridge plan."
    found = [s for s in stances(text, mode) if s.stance == "support"]
    assert all("Velk" not in s.actor for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_praise_for_a_gerund_stays_the_praisers_own_support(mode: str) -> None:
    # unchanged: praising someone is the praiser's own support of that person
    text = "Marta Velk praised Ansel Roe for supporting the Tarn bridge plan."
    found = [s for s in stances(text, mode) if s.stance == "support"]
    assert any(s.actor == "Marta Velk" and s.target.startswith("Ansel Roe") for s in found)


def indirect(text: str) -> list[Quote]:
    return [q for q in quotes(text, "spacy") if q.kind == "indirect"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The union's members showed no hint of giving in over the weekend.",
        "The council and its clerks were showing signs of fatigue.",
        "Ansel Roe showed little interest in the Tarn bridge plan.",
    ],
)
def test_a_person_showing_a_noun_says_nothing(text: str) -> None:
    assert indirect(text) == []


@pytest.mark.model
def test_a_finding_still_shows_its_content() -> None:
    found = indirect("A poll by the Dunmore Courier shows the mayor well ahead of her rivals.")
    assert any("well ahead" in q.text for q in found)


@pytest.mark.model
def test_a_sign_with_a_clause_keeps_its_content() -> None:
    found = indirect("Ansel Roe showed no sign that he was planning to apologise.")
    assert any("planning to apologise" in q.text for q in found)

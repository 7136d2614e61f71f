"""Noun speakers of the seventeenth session (issue 17): a quotation introduced by a reporting
clause before it keeps that clause's speaker when the clause after its closing mark opens a
quotation of its own; a quotation inside an absolute "with X V-ing" phrase is X's words.

All text here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_clause_after_the_mark_that_opens_its_own_quotation_is_not_the_attribution() -> None:
    text = "When a man in the crowd shouted, “Penn for mayor,” Varga joked, “Not today, friend.”"
    found = quotes(text, "spacy")
    assert one(found, "Penn for mayor").speaker != "Varga"
    assert one(found, "Not today").speaker == "Varga"


@pytest.mark.model
def test_an_interrupted_quotation_keeps_its_closing_attribution() -> None:
    # no reporting clause before the first part: the clause after it is the attribution
    text = "“We will finish the pier,” Lena Varga said, “and we will finish it this year.”"
    found = quotes(text, "spacy")
    assert all(q.speaker == "Lena Varga" for q in found)


@pytest.mark.model
def test_a_quotation_in_an_absolute_with_phrase_is_its_subjects() -> None:
    text = (
        "The city hall has denied the story, with Ivo Penn taking to the radio to call the "
        "mayor “totally delusional” for the claim."
    )
    q = one(quotes(text, "spacy"), "totally delusional")
    assert q.speaker == "Ivo Penn"


@pytest.mark.model
def test_a_with_phrase_the_quotation_is_not_in_changes_nothing() -> None:
    text = (
        "Lena Varga, with Ivo Penn standing beside her, called the plan “a costly sham” on Friday."
    )
    q = one(quotes(text, "spacy"), "a costly sham")
    assert q.speaker == "Lena Varga"


@pytest.mark.model
def test_a_described_person_owning_a_speech_noun_is_the_speaker() -> None:
    text = (
        "Roe asked the senator whether the credits would cost too much. The Alder senator’s "
        "answer was that “the family is the heart of the town,” so the council should help."
    )
    q = one(quotes(text, "spacy"), "the family is the heart")
    assert q.speaker is not None and "senator" in q.speaker


@pytest.mark.model
def test_a_thing_owning_a_speech_noun_is_no_described_speaker() -> None:
    text = (
        "The budget was late again. The Alder port’s answer was that “the family is the heart "
        "of the town,” so the council should help."
    )
    q = one(quotes(text, "spacy"), "the family is the heart")
    assert q.speaker is None or "port" not in q.speaker


def test_a_headline_cited_in_parentheses_with_its_outlet_is_no_quote() -> None:
    text = (
        "In a rare moment of agreement, I stand with Ida Roe (“Roe calls the toll plan a "
        "‘fraud’ voters will reject,” Velmar Post, Thursday). I am leaving the party."
    )
    assert not [q for q in quotes(text) if "toll plan" in q.text]


def test_words_in_parentheses_with_a_reporting_verb_stay_a_quote() -> None:
    text = "The mayor was blunt (“We will not pay for this,” Roe said) and left the room."
    q = one(quotes(text), "We will not pay")
    assert q.speaker == "Roe"

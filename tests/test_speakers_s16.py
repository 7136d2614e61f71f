"""Noun speakers, sixteenth session (issue 17, PolNeAR spkNoun): constructions read in the
train misses, each on a sentence written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.model
def test_a_name_in_a_relative_clause_of_the_subject_is_not_the_speaker() -> None:
    # (with the parse: rules alone take the sentence's actor from coref.py's subject)
    text = (
        "Ivo Marten spoke first at the Dunmere caucus. The veteran delegate and party "
        "organiser, who backs Lena Sorvik, warned of a “bruising” fight ahead."
    )
    assert one(quotes(text, "spacy"), "bruising").speaker != "Lena Sorvik"


@pytest.mark.parametrize("mode", MODES)
def test_a_person_in_an_apposition_still_heads_the_subject(mode: str) -> None:
    text = "The harbour chief, Lena Sorvik, warned of a “bruising” fight ahead."
    assert one(quotes(text, mode), "bruising").speaker == "Lena Sorvik"


@pytest.mark.model
def test_a_quotation_going_on_after_a_described_speaker_keeps_the_description() -> None:
    text = (
        "Velmar Freight Inc. cut forty routes this spring. “We have tried to keep every town on "
        "the map,” the company said. “No timetable can promise that forever.”"
    )
    found = quotes(text, "spacy")
    first, second = one(found, "every town"), one(found, "timetable")
    assert first.speaker == second.speaker == "Velmar Freight Inc."
    assert first.speaker_role == second.speaker_role == "company"

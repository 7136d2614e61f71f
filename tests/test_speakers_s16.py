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


@pytest.mark.model
def test_a_name_in_a_relative_clause_after_a_quoted_title_is_not_the_speaker() -> None:
    text = (
        "Ivo Penn, a guest on the radio show “Harbour Hour,” who later worked alongside Lia "
        "Roe, said his former boss was “patient and fair with every caller.”"
    )
    assert one(quotes(text, "spacy"), "patient and fair").speaker == "Ivo Penn"


@pytest.mark.model
def test_an_organisation_s_predicate_holds_its_words() -> None:
    text = (
        "The Velmar Harbour Authority issued a statement on Monday, offering “a full, frank "
        "and public apology” to the ferry crews."
    )
    assert one(quotes(text, "spacy"), "public apology").speaker == "Velmar Harbour Authority"


@pytest.mark.model
def test_a_transcript_label_inside_the_quotation_names_its_speaker() -> None:
    text = (
        "On the late panel, the host Ivo Penn and the analyst Lia Roe argued over the ferry "
        "plan.\n\n"
        "“Ivo Penn: Honestly, who is going to pay for a ferry to every island? Nobody.”"
    )
    assert one(quotes(text, "spacy"), "pay for a ferry").speaker == "Ivo Penn"

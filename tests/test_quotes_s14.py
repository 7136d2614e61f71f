"""Noun speakers, junk speakers and false quotes, fourteenth session (issue 17, PolNeAR).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.model
def test_an_officer_named_after_the_union_is_the_speaker_not_the_union() -> None:
    # the entity stage does not know the officer's name; the union's name only modifies it
    text = (
        "The dock union backed the plan on Monday, after a long fight.\n\n"
        "“We had to admit we had a big problem with the pier part of Varga's plan,” said "
        "United Dock Workers Secretary-Treasurer Ivo Kessel."
    )
    q = one(quotes(text, "spacy"), "big problem")
    assert q.speaker == "Ivo Kessel"
    assert q.speaker_role is not None and "Secretary-Treasurer" in q.speaker_role


@pytest.mark.model
def test_the_union_itself_stays_the_speaker_when_no_name_follows() -> None:
    text = (
        "The dock union backed the plan on Monday.\n\n"
        "“We had to admit we had a big problem with the pier,” said United Dock Workers."
    )
    assert one(quotes(text, "spacy"), "big problem").speaker == "United Dock Workers"


@pytest.mark.model
def test_a_relative_clause_of_a_source_ends_before_the_main_verb_and_its_that() -> None:
    # "advisers who have studied the votes argue that …": the group is the advisers, not
    # the advisers with the main verb and the start of its clause glued on
    text = (
        "The harbor board met on Monday. Some of the mayor's advisers who have studied the "
        "votes argue that by spring, Varga will have most of the seats she needs. “There "
        "won't be a way for Kessel to win,” said one of the advisers, who asked that "
        "her name be withheld."
    )
    speaker = one(quotes(text, "spacy"), "way for Kessel").speaker
    assert speaker is not None and "argue" not in speaker and "advisers" in speaker


@pytest.mark.parametrize("mode", MODES)
def test_a_document_after_an_inverted_read_is_the_source(mode: str) -> None:
    # the name inside the quotation (or before it) is not who wrote the words
    text = (
        "Kessel has been taking heat at home over the pier. “There are jellyfish with more "
        "backbone than Councilman Ivo Kessel,” reads a Friday editorial in the Velmar "
        "Courier. “Keep the docks open,” read the banner."
    )
    found = quotes(text, mode)
    assert one(found, "jellyfish").speaker == "Friday editorial"
    assert one(found, "docks open").speaker == "banner"


@pytest.mark.parametrize("mode", MODES)
def test_a_person_who_reads_a_statement_is_still_the_speaker(mode: str) -> None:
    text = "“We will keep the docks open,” said Lena Varga, reading a statement to reporters."
    assert one(quotes(text, mode), "docks open").speaker == "Lena Varga"

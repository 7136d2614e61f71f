"""Noun-source speakers of partial and introduced quotes (issue 17, PolNeAR spkNoun).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_thing_in_the_reported_clause_gives_way_to_the_reporter() -> None:
    text = (
        "Senator Mara Velden said the harbor levy would ruin the fishing towns, and called "
        "it “a gift to the shipping barons.”"
    )
    assert one(quotes(text, "spacy"), "shipping barons").speaker == "Mara Velden"


@pytest.mark.model
def test_the_name_heading_an_inverted_attribution_not_its_apposition() -> None:
    text = (
        "“We have knocked on every door in Dunmere,” said Oriel Vantos, Mara Velden's "
        "regional director, “and we will knock again.”"
    )
    assert one(quotes(text, "spacy"), "knock again").speaker == "Oriel Vantos"


@pytest.mark.model
def test_a_described_subject_before_a_colon_is_the_speaker_not_its_possessor() -> None:
    text = (
        "At the town hall in Dunmere on Friday, Mara Velden's first three callers ranged "
        "from wary to angry: “Is it time to pay for the new pier?”"
    )
    speaker = one(quotes(text, "spacy"), "new pier").speaker
    assert speaker is not None and speaker.endswith("callers")


@pytest.mark.model
def test_a_conjoined_clause_after_a_partial_quote_is_not_its_attribution() -> None:
    text = (
        "Mara Velden said she would make the harbor “the busiest on the coast,” for "
        "instance, and Oriel Vantos vowed to close it."
    )
    assert one(quotes(text, "spacy"), "busiest").speaker == "Mara Velden"


@pytest.mark.model
def test_the_reporting_clause_after_a_partial_quote_still_attributes_it() -> None:
    text = "The plan “was never going to pass the council,” Oriel Vantos said on Monday."
    assert one(quotes(text, "spacy"), "never going").speaker == "Oriel Vantos"


@pytest.mark.model
def test_a_new_sentence_quoting_its_own_words_does_not_attribute_the_quote_before() -> None:
    text = (
        "Mara Velden answers Oriel Vantos with, “Why the pier? Why now?” Vantos then "
        "writes back, “Because the tide waits for no one.”"
    )
    assert one(quotes(text, "spacy"), "Why now").speaker == "Mara Velden"

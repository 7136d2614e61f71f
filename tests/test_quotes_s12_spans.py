"""Quoted terms that are no one's words (issue 17, s2 of the twelfth session): a term in the
speaker's own description, and a headline ending in a nested quotation before its byline.

All text is written for these tests (fictional people, places and bodies).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.model
def test_term_in_the_speakers_apposition_is_not_speech() -> None:
    text = (
        "“We wanted the towns to decide for themselves,” said Lena Varga, one of the founding "
        "“big four” negotiators of the ferry pact.\n"
    )
    found = quotes(text, "spacy")
    assert one(found, "decide").speaker == "Lena Varga"
    assert not [q for q in found if "big four" in q.text]


@pytest.mark.model
def test_term_in_the_speakers_relative_clause_is_not_speech() -> None:
    text = (
        "“Mayors must answer to voters,” said Tom Roe, whose new book profiles “rebellious” "
        "mayors across the coast.\n"
    )
    found = quotes(text, "spacy")
    assert one(found, "answer to voters").speaker == "Tom Roe"
    assert not [q for q in found if q.text.startswith("rebellious")]


@pytest.mark.model
def test_relative_clause_that_quotes_keeps_its_quotation() -> None:
    # "calls" labels the plan: the quotation is the speaker's words
    text = (
        "Lena Varga, who calls the toll plan “a sham,” said the council would vote again in May.\n"
    )
    assert one(quotes(text, "spacy"), "sham").speaker == "Lena Varga"


@pytest.mark.model
def test_quotation_in_the_reported_content_is_kept() -> None:
    text = "Tom Roe said the new toll was a “very dangerous” plan for the town.\n"
    assert one(quotes(text, "spacy"), "very dangerous").speaker == "Tom Roe"


@pytest.mark.model
def test_noun_before_a_parenthetical_attribution_is_no_speaker_phrase() -> None:
    # the parse may make "reading" the subject of "said": only a named subject is a speaker
    text = (
        "Any “clear-eyed” reading of the vote, said Tom Roe, a professor at Velmar, would "
        "see it as a retreat.\n"
    )
    assert [q for q in quotes(text, "spacy") if "clear-eyed" in q.text]


@pytest.mark.parametrize("mode", MODES)
def test_headline_ending_in_a_nested_quotation_before_a_byline(mode: str) -> None:
    text = (
        "HARBOR BEAT—\"Lena Varga is leaving 'Tides,'\" by Times' Tom Roe: \"Lena Varga, the "
        "star of 'Tides,' is leaving the show next month after six seasons on stage.\"\n"
    )
    found = quotes(text, mode)
    assert not [q for q in found if q.text.startswith("Lena Varga is leaving")]
    assert one(found, "six seasons").kind == "direct"

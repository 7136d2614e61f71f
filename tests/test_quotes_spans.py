"""Quote spans (issue 17): nested quotations, misprinted marks, interrupted quotations.

Sentences written for this test; no corpus text.
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.parametrize("mode", MODES)
def test_a_quote_nested_in_a_quotation_stays_inside_it(mode: str) -> None:
    text = (
        "Ada Moss wrote: “Keep the rules even when “our side” slips. "
        "Otherwise nobody will trust the port again.” The council met on Friday."
    )
    found = [q for q in quotes(text, mode) if q.kind != "indirect"]
    q = one(found, "Keep the rules")
    assert q.text.endswith("trust the port again.")
    assert "“our side”" in q.text
    assert q.speaker == "Ada Moss"
    assert [q.text for q in found] == [q.text]  # neither "our side" nor the tail on its own


@pytest.mark.parametrize("mode", MODES)
def test_a_straight_quote_nested_in_a_straight_quotation(mode: str) -> None:
    text = (
        'Ivo Penn said, "If a trader walks in and says, "I want ten crates of salt," '
        'you would wonder why." He left soon after.'
    )
    found = [q for q in quotes(text, mode) if q.kind != "indirect"]
    q = one(found, "If a trader")
    assert q.text.endswith("you would wonder why.")
    assert len(found) == 1
    assert q.speaker == "Ivo Penn"


def test_a_stray_opening_mark_is_no_nested_quote() -> None:
    # one closing mark ahead in the paragraph: the first mark is a stray one, as before
    text = "Mara Quill said the “pier will close. Then she said “soon” and left."
    found = quotes(text)
    assert [q.text for q in found] == ["pier will close. Then she said “soon” and left."]


def test_a_closing_mark_printed_as_the_opening_one() -> None:
    text = (
        "The post drew replies. “Well done, Mara!” posted Ed Lark.\n\n"
        "\u202a”The ferry will run again and we will all be on it!” wrote Nia Holt."
    )
    q = one(quotes(text), "The ferry will run again")
    assert q.text == "The ferry will run again and we will all be on it!"
    assert q.speaker == "Nia Holt"


@pytest.mark.model
def test_the_second_half_of_an_interrupted_quotation_keeps_the_speaker() -> None:
    text = (
        "Lena Varga took the stand.\n\n“Everything you said and everything I said,” the judge "
        "exclaimed, “has come to the same thing.”\n\nThe hearing ended."
    )
    found = quotes(text, "spacy")
    first = one(found, "Everything you said")
    assert first.speaker
    assert one(found, "has come to the same thing").speaker == first.speaker


def test_a_repeated_word_with_a_noun_is_no_chant() -> None:
    text = 'Mayor Ivo Penn warned of "late, late, late ferries" on the east line.'
    assert one(quotes(text), "late ferries").speaker == "Ivo Penn"
    chant = 'Outside, the crowd shouted "Ferry! Ferry!" until noon.'
    assert not [q for q in quotes(chant) if "Ferry" in q.text]


def test_a_label_after_so_called_or_self_described_is_no_quote() -> None:
    text = (
        "Mayor Ivo Penn defended the so-called “harbour pact” on Monday. A self-described "
        "“ferry nerd,” Penn said the pact “will pay for itself within five years.”"
    )
    found = quotes(text)
    assert not [q for q in found if q.text.startswith(("harbour pact", "ferry nerd"))]
    assert one(found, "will pay for itself").speaker == "Ivo Penn"


def test_a_slogan_cited_with_its_year_is_no_quote() -> None:
    text = (
        "The party's posters set the tone.\n\n“Keep the pier for Eastport!” (2009) — "
        "“No tolls for strangers” (2011).\n\nMara Quill said: “Those posters won us the vote.”"
    )
    found = quotes(text)
    assert [q.text for q in found if q.kind != "indirect"] == ["Those posters won us the vote."]


def test_a_title_with_a_subtitle_and_a_lone_letter_are_no_quotes() -> None:
    text = (
        "In late 2019, according to “Tides and Tolls: Ivo Penn and the Making of Eastport,” "
        "the council met in secret. Voters simply ticked “A” or “B” on the ballot."
    )
    found = quotes(text)
    assert [q for q in found if q.kind != "indirect"] == [], [q.text for q in found]

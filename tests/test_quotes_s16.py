"""Quote spans of the sixteenth session (issue 17): a quotation that lost its closing mark ends
with its paragraph when a paragraph with no mark follows it; a long quotation in a speaker's
relative clause is kept; a title after its maker and "of" is no quote.

All text here is written for these tests (fictional people, places and works).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes
from storyline.stages.prepare.extract.quotes import _skipped_paragraph


def test_skipped_paragraph_finds_a_paragraph_with_no_mark() -> None:
    text = "“We lost the vote, said Roe.\n\nThe council met again.\n\n“It is over.”"
    i = text.rindex("“")
    assert _skipped_paragraph(text, 0, i) == text.index("\n")


def test_next_paragraph_reopening_the_mark_skips_nothing() -> None:
    text = "“We lost the vote.\n\n“It is over.”"
    assert _skipped_paragraph(text, 0, text.rindex("“")) == 0


def test_hard_wrapped_line_inside_the_quote_is_no_paragraph() -> None:
    text = "“We lost the vote and the\nharbour with it\n“It is over.”"
    assert _skipped_paragraph(text, 0, text.rindex("“")) == 0


def test_one_line_paragraphs_count_after_a_sentence_end() -> None:
    text = "“We lost the vote, said Roe.\nThe council met again.\n“It is over.”"
    assert _skipped_paragraph(text, 0, text.rindex("“")) == text.index("\n")


@pytest.mark.parametrize("mode", MODES)
def test_quote_that_lost_its_closing_mark_ends_with_its_paragraph(mode: str) -> None:
    text = (
        "The ferry board met in Velmar on Tuesday.\n\n"
        '"Nobody told the crews what the new timetable would be, said Ines Marlow, who leads '
        "the dock workers' union.\n\n"
        "The board did not answer questions after the meeting.\n\n"
        "Its chair, Tomas Brand, left by the side door.\n\n"
        '"We will publish the timetable next week," Brand said in a statement.'
    )
    found = quotes(text, mode)
    first = one(found, "Nobody told the crews")
    assert "did not answer" not in first.text
    assert first.text.endswith("union.")
    assert one(found, "publish the timetable").text.startswith("We will")


@pytest.mark.parametrize("mode", MODES)
def test_quote_running_over_paragraphs_still_reopens(mode: str) -> None:
    text = (
        "“The pier is closed for good,” said Ines Marlow, who leads the union. “We asked for "
        "a year.\n\n"
        "“Nobody listened to us. Now the crews are gone.”"
    )
    found = quotes(text, mode)
    assert any("Nobody listened" in q.text and q.speaker == "Ines Marlow" for q in found)


@pytest.mark.model
def test_long_quotation_in_a_speakers_relative_clause_is_kept() -> None:
    text = (
        "“The harbour is angry,” said councillor Ines Marlow, who thinks the board “must "
        "listen to the crews. There is a lot of trust to win back before the vote.”"
    )
    found = quotes(text, "spacy")
    assert any("must listen to the crews" in q.text for q in found)


@pytest.mark.model
def test_term_in_a_speakers_relative_clause_is_still_left_out() -> None:
    text = (
        "“The harbour is angry,” said councillor Ines Marlow, whose new book profiles "
        "“rebellious” mayors."
    )
    assert not [q for q in quotes(text, "spacy") if q.text.strip("”“,. ") == "rebellious"]


@pytest.mark.parametrize("mode", MODES)
def test_title_after_a_co_author_of_is_no_quote(mode: str) -> None:
    text = (
        "The board said nothing on Monday.\n\n"
        "''They always keep quiet and wait for the storm to pass,'' said Ines Marlow, a "
        "co-author of ''Tides and Tolls: Inside the Life of the Velmar Harbour Board.''\n\n"
        "''It is not a fair way to run a port,'' she added."
    )
    found = quotes(text, mode)
    assert not [q for q in found if "Tides and Tolls" in q.text]
    assert one(found, "keep quiet").speaker == "Ines Marlow"
    assert one(found, "fair way").speaker == "Ines Marlow"

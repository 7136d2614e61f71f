"""Indirect speech, second pass (issue 17): poll shares as sources ("two in three said",
"those surveyed said", "the 40 percent of residents who said"), a content after a colon before
"according to X", a trailing attribution with its own adjunct ("…, X said on the radio").

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from test_indirect import indirect, the_one
from test_quotes import quotes

spacy = pytest.mark.model


@spacy
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Two in three said they would back the new ferry timetable in the spring.",
            "they would back the new ferry timetable in the spring",
            "Two in three",
        ),
        (
            "Those surveyed said the harbour fees should be cut before the summer.",
            "the harbour fees should be cut before the summer",
            "Those surveyed",
        ),
        (
            "Ilse Varga won easily among the 40 percent of residents who said the ferry "
            "mattered most to them.",
            "the ferry mattered most to them",
            "40 percent of residents",
        ),
    ],
)
def test_poll_shares_are_sources(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert (q.text, q.speaker) == (content, speaker)


@spacy
def test_a_relative_clause_of_a_named_person_keeps_the_name() -> None:
    q = the_one("Tomas Brandt, who said the ferry was late again, left the meeting early.")
    assert (q.text, q.speaker) == ("the ferry was late again", "Tomas Brandt")


@pytest.mark.parametrize("mode", ["rules", pytest.param("spacy", marks=spacy)])
def test_according_to_after_a_colon_takes_the_clause_after_it(mode: str) -> None:
    text = (
        "Ferry traffic rose sharply last spring: the island now handles nine crossings a "
        "day, according to the harbour authority."
    )
    assert indirect(quotes(text, mode)) == [
        ("the island now handles nine crossings a day", "harbour authority")
    ]


def test_a_trailing_attribution_with_its_own_adjunct() -> None:
    # the rules' trailing form: the cue's own time and place after it ("said … on the radio")
    text = (
        "The ferry will stop running on Sundays after May, Ilse Varga said Wednesday "
        "morning on the local radio."
    )
    assert indirect(quotes(text)) == [
        ("The ferry will stop running on Sundays after May", "Ilse Varga")
    ]


def test_a_colon_inside_a_short_tail_is_kept_whole() -> None:
    # fewer than three words after the colon: no clause of its own, the content stays whole
    text = "The council met twice and voted on it: yes, according to the island paper."
    got = indirect(quotes(text))
    assert got and got[0][0].startswith("The council met twice")


@spacy
def test_a_labelled_line_is_the_labels_words() -> None:
    # a transcript's "NAME: …" line; a label naming no actor, a short tag and a question
    # give nothing
    text = (
        "Mayor Ilse Varga met the harbour board on Monday.\n"
        "VARGA: We will open the ferry again in May, whatever the board says.\n"
        "Update: the ferry left on time and the board met again.\n"
        "Varga: Hang on.\n"
        "Ilse Varga: Will the ferry ever run again on Sundays in the winter?"
    )
    got = indirect(quotes(text, "spacy"))
    assert [c for c, _ in got] == ["We will open the ferry again in May, whatever the board says"]
    assert (got[0][1] or "").lower().endswith("varga")


@spacy
def test_a_trailing_cue_after_a_misparsed_apposition_is_not_the_first_clauses() -> None:
    # the parse hangs the ministry on the place and "said" on "died" without an "and": the
    # first clause's subject ("Nine people") is no speaker; the noun phrase before the cue is
    text = (
        "Nine people died and four were hurt in the wreck of a barge off Corran Head, "
        "Veldia's transport ministry said on Friday."
    )
    assert the_one(text).speaker == "Veldia's transport ministry"


@spacy
def test_a_conjoined_cue_shares_its_subject() -> None:
    text = "Ilse Varga visited the harbour on Monday and said the pier would close for repairs."
    q = the_one(text)
    assert (q.text, q.speaker) == ("the pier would close for repairs", "Ilse Varga")


@spacy
def test_a_conjoined_cue_after_a_fronted_phrase_shares_its_subject() -> None:
    text = (
        "The clerk first said he did not recall the files, but in a second interview said he "
        "had deleted an archive."
    )
    found = [(q.text, q.speaker) for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert ("he had deleted an archive", "clerk") in found

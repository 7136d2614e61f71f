"""Prepositional, relative and possessor attributions read from the parse (s5, issue 17).

"C, according to X" and "C in a poll" give the clause the phrase hangs on; "which X said C"
gives the relative clause, cue and all; "Roe's argument is that C" gives C. All
sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from test_indirect import indirect
from test_quotes import quotes


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the conjunct the phrase hangs on is the source's
        (
            "There is one law that covers negligence, and Ivo Penn broke it, according to Ann Roe.",
            [("Ivo Penn broke it", "Ann Roe")],
        ),
        # a conjunct sharing its subject is one clause with the first
        (
            "The ferry's income rose in May but fell sharply in June, according to port records.",
            [("The ferry's income rose in May but fell sharply in June", "port records")],
        ),
        # an auxiliary the phrase hangs on stands for its verb
        (
            "According to recent polling, the mayor is once again leading the field.",
            [("the mayor is once again leading the field", "recent polling")],
        ),
        # a phrase first: the rest of the sentence, without the comma
        (
            "According to the survey, Ivo Penn leads the race by nine points.",
            [("Ivo Penn leads the race by nine points", "survey")],
        ),
        # "in a poll" put first frames the clause after it
        (
            "In the January poll, Ivo Penn came in second behind Ann Roe.",
            [("Ivo Penn came in second behind Ann Roe", "January poll")],
        ),
    ],
)
def test_prepositional_attributions_take_their_clause(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert indirect(quotes(text, "spacy")) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a place called a survey hall, and voters in a poll, are no poll's finding
        "Ann Roe sat in the survey hall on Monday with her two sons and a friend.",
        "The voters in the poll were mostly farmers from the north of the county.",
        # a poll after its clause: often the writer's or another source's clause, left out
        "Ivo Penn finished second in March polls, although Ann Roe moved to third.",
    ],
)
def test_in_a_poll_needs_a_clause_and_a_poll(text: str) -> None:
    assert indirect(quotes(text, "spacy")) == []


@pytest.mark.model
def test_a_relative_clause_around_its_cue_is_the_content() -> None:
    text = "The tolls, which the mayor said will start in May, are unpopular with farmers."
    assert indirect(quotes(text, "spacy")) == [("which the mayor said will start in May", "mayor")]


@pytest.mark.model
def test_who_said_keeps_the_speaker_out_of_the_content() -> None:
    # the relative word is the speaker here, not part of what was said
    found = indirect(quotes("Ann Roe, who said the pier will close in May, left early.", "spacy"))
    assert all(not c.startswith("who") for c, _ in found)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivo Penn's argument is that the port must close.", [("the port must close", "Ivo Penn")]),
        (
            "The boldest promise Ann Roe has offered is that she will not raise fares.",
            [("she will not raise fares", "Ann Roe")],
        ),
        # a noun that reports nothing frames nothing
        ("The problem is that the port must close.", []),
    ],
)
def test_a_reporting_noun_before_be_that(text: str, expected: list[tuple[str, str]]) -> None:
    assert indirect(quotes(text, "spacy")) == expected


@pytest.mark.model
def test_transcript_turns_are_their_speakers() -> None:
    text = (
        "Partial transcript of the interview follows.\n\n"
        "ANN ROE: Do you think the port should close this winter?\n\n"
        "IVO PENN: I think the port has to close for repairs.\n\n"
        "ANN ROE: And the ferry keeps running for now?\n\n"
        "IVO PENN: Yes, the ferry keeps running until May."
    )
    assert indirect(quotes(text, "spacy")) == [
        ("Do you think the port should close this winter?", "ANN ROE"),
        ("I think the port has to close for repairs", "IVO PENN"),
        ("And the ferry keeps running for now?", "ANN ROE"),
        ("Yes, the ferry keeps running until May", "IVO PENN"),
    ]


@pytest.mark.model
def test_one_labelled_question_is_no_transcript() -> None:
    text = "Poll: Will the ferry run again next spring?\n\nThe port board met on Monday."
    assert indirect(quotes(text, "spacy")) == []

"""Requests and questions with "ask" (s15, issue 17): "X asked the council to Z" is X's
request whatever the object ("asked Roe to …" and "asked the council to …" alike); "X asked Y
which C" is a question, never asserted; "Asked whether C, Y said …" names no asker (Y was
asked), so C gets no speaker.

All sentences are written for these tests (fictional names and places).
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
            "Mayor Lena Quill asked the harbour board to delay the vote on ferry fees.",
            "the harbour board to delay the vote on ferry fees",
            "Lena Quill",
        ),
        (
            "Councillor Ivo Brandt asked residents to report broken street lights by Friday.",
            "residents to report broken street lights by Friday",
            "Ivo Brandt",
        ),
        # (a named object was read so before: the same request)
        (
            "Councillor Ivo Brandt asked Dovey to withdraw the parking levy.",
            "Dovey to withdraw the parking levy",
            "Ivo Brandt",
        ),
    ],
)
def test_a_request_with_a_noun_object_is_the_askers(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker is not None and speaker in q.speaker
    assert q.polarity == "asserted"  # (the request is the asker's, not a claim by the one asked)


@spacy
def test_a_plain_object_of_ask_stays_dropped() -> None:
    # "asked a question" reports nothing by itself (``DROPPED_CUES``)
    assert indirect(quotes("Councillor Ivo Brandt asked several pointed questions.", "spacy")) == []


@spacy
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Halvorsen then asked Brandt which towns exactly he expected to carry.",
            "which towns exactly he expected to carry",
        ),
        # an "if" question the parse reads as a condition on "asked"
        (
            "Halvorsen also asked Varga if the ferry gains from a double standard in the press.",
            "if the ferry gains from a double standard in the press",
        ),
        (
            "Then Mr. Quill asked the pupils if they were ever this quiet about the harbour.",
            "if they were ever this quiet about the harbour",
        ),
        (
            "Ilse Varga asked the clerk what had happened to the missing ballots.",
            "what had happened to the missing ballots",
        ),
    ],
)
def test_a_question_after_the_one_asked_is_questioned(text: str, content: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.polarity == "questioned"


@spacy
@pytest.mark.parametrize(
    "text",
    [
        "Asked whether she would run for a third term, Varga said she had not decided yet.",
        "When pressed about the missing harbour funds, Brandt said the audit would explain it.",
        "Told that the ferry would be cut, the union said it would strike in March.",
    ],
)
def test_a_bare_participle_of_speech_names_no_asker(text: str) -> None:
    found = indirect(quotes(text, "spacy"))
    # only the main clause's report: the question or the news put to the speaker is no one's
    assert len(found) == 1, found
    assert found[0][0].startswith(("she had", "the audit", "it would"))


@spacy
def test_a_participle_with_its_agent_keeps_the_agent() -> None:
    found = indirect(
        quotes(
            "Asked by Councillor Ivo Brandt whether the ferry would run in winter, Varga said "
            "the timetable was not final.",
            "spacy",
        )
    )
    assert ("the timetable was not final", "Varga") in found
    asked = [f for f in found if f[0].startswith("whether")]
    assert all(sp is not None and "Ivo Brandt" in sp for _, sp in asked), asked


@spacy
def test_an_if_after_a_request_stays_a_condition() -> None:
    q = the_one("Mayor Lena Quill asked the harbour board to stay open if the storm passed.")
    assert q.text.startswith("the harbour board to stay open")
    assert not q.text.startswith("if")

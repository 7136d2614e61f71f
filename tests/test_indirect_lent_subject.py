"""A participial cue modifying a noun whose "that" clause is reported speech (issue 17,
branch s2, ``indirect._lent_subject``): "a memo stating that C" is the memo's.

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from test_indirect import indirect, the_one
from test_quotes import quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a participle modifying a noun: the noun
        (
            "Varga pointed to new data showing that the ferry lost riders every month.",
            "the ferry lost riders every month",
            "new data",
        ),
        (
            "The council released a memo stating that the ferry would stop running in May.",
            "the ferry would stop running in May",
            "memo",
        ),
    ],
)
def test_a_lent_subject_names_the_source(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # no "that" clause: an infinitive after an adjective is no report
        "Tomas Hed was eager to win the vote on the quay.",
        # no cue: a verb that reports nothing lends nothing
        "The crew left the pier after proving that the river was too shallow.",
        # a gerund after a preposition lends its clause's subject only 0.6-0.8 of the time
        "The mayor spoke for ten minutes, before adding that the pier would stay open.",
    ],
)
def test_nothing_lent_without_a_cue_or_a_clause(text: str) -> None:
    assert indirect(quotes(text, "spacy")) == []

"""Content boundaries of reported speech (s16, issue 17): a reported clause stops before the
speaker's next act that the parse hangs inside it ("said C and urged that D", "said C,
noting that D"); that act keeps the first cue's speaker. A verb sharing the clause's
subject ("said the pier was safe and would reopen"), a belief ("but understood why") and a
participle that is no report (", damaging forty boats") stay in the content.

All sentences are written for these tests (fictional names and places).
"""

from __future__ import annotations

import pytest

from test_indirect import indirect
from test_quotes import quotes

spacy = pytest.mark.model


@spacy
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Lena Quill said she had not decided on the ferry fees and urged that the council"
            " wait until spring.",
            "she had not decided on the ferry fees",
            "the council wait until spring",
        ),
        (
            "Councillor Ida Moss said the budget was balanced and also predicted that taxes"
            " would fall next year.",
            "the budget was balanced",
            "taxes would fall next year",
        ),
        (
            "Councillor Ida Moss said the budget was balanced, noting that taxes had not risen"
            " for three years.",
            "the budget was balanced",
            "taxes had not risen for three years",
        ),
        (
            "Tomas Hed said the ferry would stop running in March, insisting the council had"
            " no other choice.",
            "the ferry would stop running in March",
            "the council had no other choice",
        ),
    ],
)
def test_the_speakers_next_act_is_no_part_of_the_content(
    text: str, first: str, second: str
) -> None:
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == [first, second]
    # (the second report is the first cue's speaker's, not the reported clause's subject's)
    assert all(sp is not None and sp.split()[-1] in text.split()[:3] for _, sp in found)


@spacy
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the clause's own conjunct (no cue, or not the cue's form) stays
        (
            "Mayor Ivo Brandt said the pier was safe and would reopen in May.",
            "the pier was safe and would reopen in May",
        ),
        # a belief joined to the clause stays the clause's (not a second, questioned report)
        (
            "Ida Moss, a ferry captain from Lund, said she could not vote for Brandt but"
            " understood why others did.",
            "she could not vote for Brandt but understood why others did",
        ),
        # a participle that is no report stays too (PolNeAR's contents often keep one: a cut
        # lost as many on train quarter 1 as it gained on quarters 2 and 3)
        (
            "Tomas Berg said the storm had flooded the harbour, damaging forty boats.",
            "the storm had flooded the harbour, damaging forty boats",
        ),
    ],
)
def test_a_conjunct_of_the_reported_clause_stays(text: str, content: str) -> None:
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == [content]

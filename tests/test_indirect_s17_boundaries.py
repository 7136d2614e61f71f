"""Content boundaries of reported speech (s17, issue 17): a question the speaker goes on to
ask, joined inside the reported clause by the parse ("said C and asked whether D", "said C
and questioned how D"), is the speaker's next act, as "and urged that D" is (s16): the
content stops before it, and the question keeps the first cue's speaker. A clause joined
by ", but" with a subject of its own is the writer's answer to the report, not the report.
A cue set off by commas inside a clause whose extraposed "that" clause the parse hangs on the
cue ("It was no accident, Roe said, that …") frames the whole clause, as "The plan, Roe said,
is dead" does.
A cue set off by commas inside a clause whose extraposed "that" clause the parse hangs on the
cue ("It was no accident, Roe said, that …") frames the whole clause, as "The plan, Roe said,
is dead" does.

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
            "Tilo Brill said he pays $900 a month in rent and questioned how he could keep the shop.",
            "he pays $900 a month in rent",
            "how he could keep the shop",
        ),
        (
            "Ivo Penn said the ferry would stop in March and asked whether the council had a plan.",
            "the ferry would stop in March",
            "whether the council had a plan",
        ),
    ],
)
def test_the_speakers_question_is_no_part_of_the_content(
    text: str, first: str, second: str
) -> None:
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == [first, second]
    # (the question is the first cue's speaker's)
    assert all(sp is not None and sp.split()[-1] in text.split()[:2] for _, sp in found)


@spacy
def test_a_contrasting_clause_with_its_own_subject_is_the_writers() -> None:
    text = "Ada Roe says the emails were personal, but for the council, it is a question of trust."
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == ["the emails were personal"]


@spacy
def test_a_cue_interrupting_its_clause_leaves_the_whole_clause_the_content() -> None:
    # (the parse hangs the extraposed "that" clause on the cue, whose comma-set subject
    # interrupts the clause begun before it)
    text = "It was no accident, Roe said, that the council voted early."
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == ["It was no accident, Roe said, that the council voted early"]
    assert found[0][1] is not None and found[0][1].endswith("Roe")

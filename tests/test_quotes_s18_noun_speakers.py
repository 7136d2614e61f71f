"""Noun speakers of the eighteenth session (issue 17): a poll's share that the parse makes
the subject of a verb of saying is the source of the quoted answer under that verb; a
quotation a person noun's subject labels ("A neighbour described him as “…”") is that
person's words, as a named subject's already were.

All text here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_polls_share_is_the_source_of_its_quoted_answer() -> None:
    text = (
        "Asked how likely Roe was to win the ferry vote, 21 percent said “not too likely” "
        "and 14 percent said “not at all likely.”"
    )
    found = quotes(text, "spacy")
    assert one(found, "not too likely").speaker == "21 percent"
    assert one(found, "not at all likely").speaker == "14 percent"


@pytest.mark.model
def test_a_share_is_no_source_of_a_phrase_in_another_subjects_clause() -> None:
    # the quotation belongs to the clause of "the mayor", which no verb of saying reports
    text = "Asked about the toll, 30 percent backed the plan because the mayor called it “fair.”"
    found = quotes(text, "spacy")
    assert all(q.speaker is None or "percent" not in q.speaker for q in found)


@pytest.mark.model
def test_a_person_noun_subject_labelling_a_long_phrase_is_its_source() -> None:
    text = (
        "The ferry captain retired on Friday. A neighbour referred to him as “the kindest man "
        "I have ever met in my whole life” in a post."
    )
    q = one(quotes(text, "spacy"), "the kindest man")
    assert q.speaker is not None and "neighbour" in q.speaker


@pytest.mark.model
def test_a_one_in_n_share_is_the_source_of_a_phrase_in_its_reported_clause() -> None:
    text = (
        "Most of the riders were regulars. About four in 10 said they were “angry” with the "
        "way the board runs the ferry."
    )
    q = one(quotes(text, "spacy"), "angry")
    assert q.speaker == "About four in 10"

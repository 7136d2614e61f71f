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
        "Asked whether Roe would keep the ferry running, 23 percent said “hardly a chance” "
        "and 16 percent said “no chance whatsoever.”"
    )
    found = quotes(text, "spacy")
    assert one(found, "hardly a chance").speaker == "23 percent"
    assert one(found, "no chance whatsoever").speaker == "16 percent"


@pytest.mark.model
def test_a_share_is_no_source_of_a_phrase_in_another_subjects_clause() -> None:
    # the quotation belongs to the clause of "the mayor", which no verb of saying reports
    text = "Asked about the toll, 30 percent backed the plan because the mayor called it “fair.”"
    found = quotes(text, "spacy")
    assert all(q.speaker is None or "percent" not in q.speaker for q in found)


@pytest.mark.model
def test_a_person_noun_subject_labelling_a_long_phrase_is_its_source() -> None:
    text = (
        "The ferry captain retired on Friday. A neighbour referred to him as “the gentlest "
        "skipper who ever sailed out of Alder harbour” in a post."
    )
    q = one(quotes(text, "spacy"), "the gentlest")
    assert q.speaker is not None and "neighbour" in q.speaker


@pytest.mark.model
def test_a_one_in_n_share_is_the_source_of_a_phrase_in_its_reported_clause() -> None:
    text = (
        "Most of the riders were regulars. About three in 10 said they felt “cheated” by the "
        "timetable the board drew up."
    )
    q = one(quotes(text, "spacy"), "cheated")
    assert q.speaker == "About three in 10"

"""Session 17 (issue 17): pronoun speakers. "it reads" is a text's verb (a document, never an
organisation); "she added" goes on from the last speaker; an imperative sentence with no
subject ("Just look at Ivo Penn.") is about the person it points at.

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from test_coref import one, quotes

spacy = pytest.mark.model


@spacy
def test_it_reads_is_a_document_not_an_organisation() -> None:
    # the second "it" continues the first, whose verb only a text takes
    text = (
        "The Alder Water Board has fought the plan for years.\n\n"
        "The memo, released by a council clerk, was sent at 6:42 p.m. EST by Alder Water "
        "Board chief Ivo Penn, hours after the flood. Two pumps failed that week.\n\n"
        "“I rang your office twice and nobody answered,” it reads.\n\n"
        "“The pumps will not hold through the winter. We need the crews,” it said."
    )
    found = quotes(text, "spacy")
    assert one(found, "I rang your office").speaker == "memo"
    assert one(found, "The pumps will not hold").speaker == "memo"


@spacy
def test_she_added_goes_on_from_the_last_speaker() -> None:
    text = (
        "Jane Brill has since apologised for the leak: “I should have called the engineers.”\n\n"
        "Any decision would involve Mayor Ada Roe, who told the council on Monday: "
        "“The matter is with the engineers. They will report to me when the work is done.”\n\n"
        "She added, “We will review every pipe in the town.”"
    )
    q = one(quotes(text, "spacy"), "We will review every pipe")
    assert q.speaker == "Ada Roe"


@spacy
def test_an_imperative_points_at_the_person_the_text_goes_on_about() -> None:
    text = (
        "Ben Dorr has at least seemed to understand that the reservoir is needed.\n\n"
        "That is more than you can say for the rest of the council. "
        "Just look at Mr. Penn of the water board. "
        "He has said he gets his ideas about water from an old novel. "
        "In 2010, he warned the board against “reckless pumping” in the dry months."
    )
    q = one(quotes(text, "spacy"), "reckless pumping")
    assert q.speaker == "Penn"

"""Session 18 (issue 17): pronoun speakers.

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from test_coref import one, quotes

spacy = pytest.mark.model


@spacy
def test_an_owner_the_parse_labels_nmod_is_the_next_he() -> None:
    # the small model hangs "Roe" on "article" as ``nmod`` (not ``poss``): still its owner,
    # the one the next "he" continues, not the object named after the verb
    text = (
        "Critics of the harbour plan have grown louder. Columnist Jon Roe writes that the "
        "board has lost its way.\n\n"
        "Last week, Alder Mayor Ivo Penn announced that he would support the harbour plan.\n\n"
        "Roe’s article also attacked Penn by accusing him of backing the plan in an attempt "
        "to gain a seat on the board. He calls Penn’s endorsement “the most naked bid for a "
        "job in Alder history.”"
    )
    q = one(quotes(text, "spacy"), "the most naked bid")
    assert q.speaker == "Jon Roe"


@spacy
def test_a_person_subject_introduces_the_quote_not_a_speech_nouns_owner() -> None:
    # the sentence before the quote is about Roe; Penn only owns a speech noun in a phrase
    # around the clause
    text = (
        "Jane Roe spoke to the Alder Post on Friday.\n\n"
        "After Ivo Penn’s speech at the convention, Roe was in no mood to wait.\n\n"
        "“Nobody ever doubted the captain’s service or his courage.”"
    )
    q = one(quotes(text, "spacy"), "Nobody ever doubted")
    assert q.speaker == "Jane Roe"

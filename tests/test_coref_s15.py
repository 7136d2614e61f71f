"""Session 15 (issue 17): pronoun speakers: a cleft sentence ("It was Ivo Penn who …") is
about its focus; a side clause's pronoun subject ("As he spoke …, there were no …")
continues that pronoun's chain rather than a name inside the sentence; a plural demonym
("Two Canadians were hurt") is people, not the country an "it" could stand for.

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from test_coref import one, quotes, resolver


@pytest.mark.model
def test_a_cleft_sentence_is_about_its_focus() -> None:
    text = (
        "Tomas Brell opened the harbour meeting in Dunmere on Monday.\n\n"
        "The two rivals spoke after him, but it was Ivo Penn who drew the loudest "
        "cheers from the crowd.\n\n"
        "“We will keep every ferry running,” he said."
    )
    q = one(quotes(text, "spacy"), "every ferry")
    assert q.speaker is not None and "Penn" in q.speaker


@pytest.mark.model
def test_a_cleft_with_a_fronted_phrase_is_about_the_clause_subject() -> None:
    text = (
        "Tomas Brell lost the harbour vote in March.\n\n"
        "It was with the same calm that Mrs. Hilda Varrow took over the board a year later, "
        "when she told the crews that the new contract was “fair and open.”"
    )
    q = one(quotes(text, "spacy"), "fair and open")
    assert q.speaker is not None and "Varrow" in q.speaker


@pytest.mark.model
def test_a_side_clause_pronoun_continues_the_chain_past_a_name_in_the_sentence() -> None:
    text = (
        "Mr. Tobin Hask won the ferry vote on Tuesday.\n\n"
        "The crews cheered for an hour.\n\n"
        "The band played two songs.\n\n"
        "As he spoke beside Olaf Brenn, there were no jokes; "
        "he called the vote “a win for the docks” and left."
    )
    q = one(quotes(text, "spacy"), "win for the docks")
    assert q.speaker is not None and "Hask" in q.speaker


@pytest.mark.model
def test_a_plural_demonym_is_no_country_for_it() -> None:
    text = (
        "The letter from the Orlen Ferry Board reached the council in Canada on Monday.\n\n"
        "Two Canadians were hurt at the pier that week.\n\n"
        "“We ask the council to close the pier until it is safe,” it read."
    )
    coref, _ = resolver(text, "spacy")
    ss, se = text.index("Two"), text.index("week.") + 5
    # the subject is a group of people: no country, for "it" or anyone
    assert coref.subject(ss, se, strict=True).entity is None
    assert coref.subject(ss, se).entity is None

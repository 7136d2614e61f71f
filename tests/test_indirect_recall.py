"""Indirect attributions found since the PolNeAR recall work (issue 17, branch s1): shares of
a group as sources, people by role and bodies as sources of every cue, references ("referred
to"), negated cues never shown as asserted, and a reported clause that stops before a
participle adding a quote.

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from storyline.models import Quote
from test_indirect import indirect, the_one
from test_quotes import quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a share of a named group speaks as the group's share
        (
            "Some of the councillors said they had never seen the repair bill.",
            "they had never seen the repair bill",
            "Some of the councillors",
        ),
        (
            "One in four voters in the Dunmore Courier poll said the ferry should run on Sundays.",
            "the ferry should run on Sundays",
            "One in four voters in the Dunmore Courier poll",
        ),
        (
            "Most of the harbour pilots believe the channel is too shallow for the new ferry.",
            "the channel is too shallow for the new ferry",
            "Most of the harbour pilots",
        ),
        # people by role and bodies: sources of attitudes and intentions too
        (
            "The candidates all opposed a rise in the harbour fee.",
            "a rise in the harbour fee",
            "candidates",
        ),
        (
            "The campaign wants to move the last debate to Dunmore.",
            "to move the last debate to Dunmore",
            "campaign",
        ),
        # what a source refers to
        (
            "Tomas Hed referred to the mayor's record on housing.",
            "the mayor's record on housing",
            "Tomas Hed",
        ),
    ],
)
def test_sources_and_contents(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker == speaker
    assert q.polarity == "asserted"


def test_a_participle_adding_a_quote_ends_the_reported_clause() -> None:
    text = "Tomas Hed argued that the pier would collapse, saying it was “a disaster in waiting.”"
    found = quotes(text, "spacy")
    assert indirect(found) == [("the pier would collapse", "Tomas Hed")]
    assert [(q.text, q.speaker) for q in found if q.kind == "partial"] == [
        ("a disaster in waiting.", "Tomas Hed")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a negated report or belief: kept, marked denied (polarity.py reads the negation on
        # any attribution cue)
        ("Tomas Hed does not think the toll will rise this year.", "the toll will rise"),
        ("Ilse Varga doesn't expect the council to approve the quay budget.", "the council"),
        ("Tomas Hed did not suggest the pier would be sold to a developer.", "the pier"),
    ],
)
def test_a_negated_report_or_belief_is_kept_and_marked_denied(text: str, content: str) -> None:
    q = the_one(text)
    assert q.text.startswith(content)
    assert q.polarity == "denied"


@pytest.mark.parametrize(
    "text",
    [
        # a negated intention or attitude, or a negated cue's prepositional object: it
        # attributes nothing (left out), and is never shown asserted
        "Ilse Varga does not want to close the north quay this winter.",
        "Ilse Varga never endorsed the plan to close the north quay.",
        "Tomas Hed did not call for an inquiry into the collapse of the pier.",
        "Tomas Hed never referred to the fishermen's complaints about the toll.",
        "The harbour board has not supported the plan to widen the canal.",
    ],
)
def test_a_negated_intention_or_attitude_is_never_asserted(text: str) -> None:
    found = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert all(q.polarity != "asserted" for q in found), [(q.text, q.polarity) for q in found]


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Hed would not say whether the toll would rise this year.",
        "Ilse Varga wouldn't say when the north quay will reopen to the ferries.",
    ],
)
def test_a_refusal_to_say_whether_leaves_the_content_open(text: str) -> None:
    # not a denial of the content, and not its assertion either
    assert the_one(text).polarity == "questioned"


@pytest.mark.parametrize("mode", ["rules", pytest.param("spacy", marks=pytest.mark.model)])
def test_a_writers_although_clause_is_no_part_of_the_content(mode: str) -> None:
    text = "Tomas Hed said the ferry would run again, although he would not say when it sails."
    found = {q.text: q.polarity for q in quotes(text, mode) if q.kind == "indirect"}
    assert found["the ferry would run again"] == "asserted"
    # (what he would not say, when read, is left open)
    assert all(p == "questioned" for c, p in found.items() if c != "the ferry would run again")
    q = the_one(
        "Ilse Varga said the toll would stay, even though the council voted to cut it.", mode
    )
    assert q.text == "the toll would stay"


def test_a_negated_report_keeps_the_negation_out_of_the_speaker() -> None:
    q = the_one("Tomas Hed never said the toll would rise this year.", "rules")
    assert (q.speaker, q.polarity) == ("Tomas Hed", "denied")


def test_a_negated_speech_cue_stays_denied() -> None:
    q = the_one("Tomas Hed never said the toll would rise this year.")
    assert (q.text, q.polarity) == ("the toll would rise this year", "denied")


@pytest.mark.parametrize(
    "text",
    [
        # a share of things, not of people
        "Most of the bridges on the island were closed during the storm.",
        "Sixty percent of the harbour budget went to the new ferry.",
        # whom a source names is no content
        "In her speech Ilse Varga referred to Tomas Hed twice.",
        # an answer is not content ("responded to" was dropped: see lang/attribution.py)
        "The harbour board has not yet responded to the fishermen's complaints.",
    ],
)
def test_not_attributions(text: str) -> None:
    found: list[Quote] = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert found == [], [(q.text, q.speaker) for q in found]

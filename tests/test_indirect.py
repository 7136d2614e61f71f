"""Indirect speech as attributions (``stages/prepare/extract/indirect.py``): cue, source, content.

All sentences are written for these tests. The parse-based forms run on spaCy; the rules-only
path (``doc=None``) keeps its precision-first subset ("X said (that) C", "according to X").
"""

from __future__ import annotations

import pytest

from storyline.models import Quote
from test_quotes import quotes

spacy = pytest.mark.model


def indirect(found: list[Quote]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in found if q.kind == "indirect"]


def the_one(text: str, mode: str = "spacy") -> Quote:
    found = [q for q in quotes(text, mode) if q.kind == "indirect"]
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


@spacy
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a report without "that"
        (
            "Mayor Ilse Varga said the ferry must run on Sundays.",
            "the ferry must run on Sundays",
            "Ilse Varga",
        ),
        # beliefs and expectations count as attributions (PolNeAR's guidelines)
        (
            "Mayor Ilse Varga believes the bridge will reopen in May.",
            "the bridge will reopen in May",
            "Ilse Varga",
        ),
        (
            "Tomas Hed fears the harbour will lose its fishing fleet.",
            "the harbour will lose its fishing fleet",
            "Tomas Hed",
        ),
        # an addressee is no content
        (
            "Ilse Varga told reporters that the ferry would run again on Friday.",
            "the ferry would run again on Friday",
            "Ilse Varga",
        ),
        # a noun object of an announcement
        (
            "Ilse Varga announced her candidacy for the council seat on Monday.",
            "her candidacy for the council seat",
            "Ilse Varga",
        ),
        # the topic of a cue with its preposition
        (
            "Tomas Hed called for an inquiry into the collapse of the pier.",
            "an inquiry into the collapse of the pier",
            "Tomas Hed",
        ),
        # an object with the rest of its predicate
        (
            "Tomas Hed accused the council of hiding the repair bill from voters.",
            "the council of hiding the repair bill from voters",
            "Tomas Hed",
        ),
        # a finding: a poll is a source
        (
            "A poll by the Dunmore Courier shows the mayor well ahead of her rivals.",
            "the mayor well ahead of her rivals",
            "poll",
        ),
        # "X's office said": the owner keeps her full name
        (
            "Ilse Varga's office said the budget for the pier had been approved.",
            "the budget for the pier had been approved",
            "Ilse Varga's office",
        ),
    ],
)
def test_parsed_forms(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker == speaker
    assert q.polarity == "asserted"


@spacy
def test_asked_whether_is_a_question() -> None:
    q = the_one("Councillor Tomas Hed asked whether the ferry would run on Sundays.")
    assert q.text == "whether the ferry would run on Sundays"
    assert q.speaker is not None and q.speaker.endswith("Tomas Hed")
    assert q.polarity == "questioned"


@spacy
def test_a_passive_report_takes_its_agent_and_an_agentless_one_gives_nothing() -> None:
    q = the_one("It was announced by the Dunmore council that the old pier would close in June.")
    assert q.text == "the old pier would close in June"
    assert q.speaker is not None and "Dunmore" in q.speaker
    assert indirect(quotes("It is believed that the old pier will close in June.", "spacy")) == []


@spacy
def test_a_reporting_noun_takes_its_possessor() -> None:
    q = the_one("The union rejected Tomas Hed's claim that the ferry was unsafe in storms.")
    assert "the ferry was unsafe in storms" in q.text
    # the outer attribution (the union rejecting the claim) or the claim itself: one, not both
    assert q.speaker in ("union", "Tomas Hed")


@spacy
def test_parenthetical_and_trailing_attributions() -> None:
    q = the_one("The pier, Ilse Varga said, will need new pilings before winter.")
    assert q.text == "The pier, Ilse Varga said, will need new pilings before winter"
    assert q.speaker == "Ilse Varga"
    # a second source's attribution at the end is not part of the first one's content
    q = the_one("Mayor Tomas Hed said the river had crested, the local radio reported.")
    assert q.text == "the river had crested"


@spacy
def test_nested_attributions_keep_the_outer_one() -> None:
    q = the_one("Ilse Varga said Tomas Hed believes the pier is unsafe for heavy trucks.")
    assert q.text == "Tomas Hed believes the pier is unsafe for heavy trucks"
    assert q.speaker == "Ilse Varga"


@spacy
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Tomas Hed denied that the council had sold the pier to a developer.", "the council"),
        ("Ilse Varga did not say the ferry would stop running in winter.", "the ferry"),
    ],
)
def test_a_denied_or_negated_report_is_never_asserted(text: str, content: str) -> None:
    q = the_one(text)
    assert q.text.startswith(content)
    assert q.polarity == "denied"


@spacy
@pytest.mark.parametrize(
    "text",
    [
        # a thing wants nothing: intentions need a person or a body as their source
        "The new rules want clearer labels on every crate of fish.",
        # the writer's own view is no one's attribution
        "I think the pier is safe enough for the summer crowds.",
        # a pronoun with nothing to refer to: the report is left out, not shown speakerless
        "She expects the council will approve the budget next week.",
    ],
)
def test_no_source_no_attribution(text: str) -> None:
    assert indirect(quotes(text, "spacy")) == []


@spacy
def test_a_pronoun_source_goes_through_the_quote_resolver() -> None:
    found = quotes(
        "Mayor Anna Kowalczyk opened the harbour meeting on Monday. "
        "She expects the council will approve the budget next week.",
        "spacy",
    )
    assert indirect(found) == [("the council will approve the budget next week", "Anna Kowalczyk")]


@pytest.mark.parametrize("mode", ["rules", pytest.param("spacy", marks=pytest.mark.model)])
def test_rules_fallback_keeps_the_plain_forms(mode: str) -> None:
    q = the_one("Ilse Varga said that the ferry would run again on Friday.", mode)
    assert (q.text, q.speaker) == ("the ferry would run again on Friday", "Ilse Varga")
    q = the_one("The harbour will close for a month, according to the port authority.", mode)
    assert (q.text, q.speaker) == ("The harbour will close for a month", "port authority")

"""Issue 18, sixteenth session: what the brief and the key events state as fact.

Every sentence here is written for these tests (fictional places and people).
"""

from __future__ import annotations

import pytest

from storyline.models import Cite, Event
from storyline.stages.analysis.brief import _may_hold_verb, clean_sentence
from storyline.stages.analysis.profile import no_actor, no_target
from storyline.stages.analysis.report import merge_timeline


@pytest.mark.parametrize(
    "sentence",
    [
        # a modal of possibility in the writer's voice: speculation
        "Councillor Ada Venn may play a role in the push to settle the Port Elm ferry dispute.",
        "The biggest blow to the Tarn treaty could come from the ministers who drafted it.",
        "The storm might well reach the Port Elm harbour wall by Friday night.",
        # an impression: "seem intent", "appears to"
        "Both chambers now seem intent on approving a delay of the Port Elm ferry levy.",
        "The Tarn treaty appears to have stalled in the committee of the northern council.",
        # an expectation, an imminence
        "Jo Marr is expected to face a judge on two theft counts at the Port Elm court today.",
        "The Port Elm council is on the brink of closing the old ferry route after ten years.",
        # a condition and its outcome
        "If all goes well, the delegates will arrive in Port Elm in late July ready to vote.",
    ],
)
def test_speculation_in_the_writers_voice_is_not_stated(sentence: str) -> None:
    assert clean_sentence(sentence) is False


@pytest.mark.parametrize(
    "sentence",
    [
        # said by someone in the sentence: reported, kept
        "The Port Elm council may close the old ferry route next year, officials said on Monday.",
        # a past fact: "could not", the month May
        "The mayor of Port Elm could not say when the harbour bridge would reopen to traffic.",
        "The Port Elm council met in May and approved the new ferry budget by seven votes.",
        # what happened, with a relative clause that speculates: the main clause is a fact
        "Ferry crews met in Port Elm on Monday in what may be the last round of the wage talks.",
        # a schedule is stated (test_titles_s14 keeps "will vote on … on Tuesday" too)
        "The Port Elm council will vote on the ferry budget on Tuesday evening at the town hall.",
    ],
)
def test_reported_past_and_scheduled_sentences_are_kept(sentence: str) -> None:
    assert clean_sentence(sentence) is True


@pytest.mark.parametrize(
    ("words", "verb"),
    [
        # "backing the levy as a gift to …" cut to a noun phrase: "as" is no verb
        ("the delay as a blow to the ferry levy", False),
        # a plural noun heading an "of" phrase is no verb
        ("the economic and cultural anxieties of the harbour workers", False),
        ("the ferry financing remains unclear", True),
        ("the ferry talks broke down", True),
    ],
)
def test_a_reported_noun_phrase_has_no_verb(words: str, verb: bool) -> None:
    assert _may_hold_verb(words) is verb


def _event(summary: str, article: str, date: str = "2031-03-04") -> Event:
    return Event(date, "Tuesday", summary, [], [Cite(article, 0, len(summary))])


def test_a_key_event_stands_alone() -> None:
    # a lead that points at the sentence before it, or speculates, is no main event; the
    # story's event told in a full clause is
    events = [
        _event("That holds now just as it did a month ago in Port Elm", "a1"),
        _event("Northland is on the brink of signing the Tarn treaty with its neighbours", "a2"),
        _event("The Port Elm council voted to close the old ferry route", "a3"),
    ]
    out = merge_timeline(events, {"a1": 0, "a2": 1, "a3": 2})
    assert len(out) == 3
    assert [e.summary for e in out if e.key] == [
        "The Port Elm council voted to close the old ferry route"
    ]


@pytest.mark.parametrize(
    ("target", "none"),
    [
        ("as a senator from the northern province", True),
        ("after the harbour fire must include the port records", True),
        ("by law", True),
        ("the story about the ferry levy, “Now", True),
        ("the ferry levy", False),
        ("a delay of the “Cadillac” levy", False),
    ],
)
def test_a_position_needs_a_target(target: str, none: bool) -> None:
    assert no_target(target) is none


@pytest.mark.parametrize(
    ("actor", "none"),
    [
        ("Sen", True),
        ("Jewish", True),
        ("Democratic", True),
        ("Ada Venn", False),
        ("Vukovic", False),
        ("Republicans", False),
    ],
)
def test_a_position_needs_an_actor(actor: str, none: bool) -> None:
    assert no_actor(actor) is none

"""The derived cue table (``lang.attribution.DERIVED_CUES``, ``bench/derive_cues.py``) and the
misread cue lemmas (``MISREAD_CUE_FORMS``): issue 17, branch s7.

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from storyline.lang.attribution import (
    DERIVED_CUES,
    DERIVED_NOUN_CUES,
    DERIVED_VERB_CUES,
    UNSAID_CUES,
    cue_lemma,
)
from storyline.models import Quote
from test_indirect import indirect
from test_quotes import quotes

CONSTRUCTIONS = {"that", "ccomp", "inf", "ger", "obj"}


def test_misread_forms_take_their_cue_lemma() -> None:
    assert cue_lemma("hop", "hoped") == "hope"
    assert cue_lemma("hop", "Hoping") == "hope"
    assert cue_lemma("hat", "hates") == "hate"
    assert cue_lemma("hop", "hopped") == "hop"  # (a real "hop" stays one)
    assert cue_lemma("Say", "said") == "say"


def test_the_derived_table_is_well_formed() -> None:
    for con, lemmas in DERIVED_CUES.items():
        base = con.removeprefix("n-")
        assert base in CONSTRUCTIONS or base.startswith("prep:"), con
        assert not lemmas & UNSAID_CUES, (con, lemmas & UNSAID_CUES)
    assert frozenset().union(*DERIVED_CUES.values()) == DERIVED_VERB_CUES | DERIVED_NOUN_CUES


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # "hoped", "hopes", "hoping": the model's lemma is "hop"; the cue is "hope"
        (
            "Ilse Varga hoped the ferry to Marrow Island would run again by the spring.",
            "the ferry to Marrow Island would run again by the spring",
            "Ilse Varga",
        ),
        (
            "Tomas Brandt is hoping to reopen the north quay before the summer season.",
            "to reopen the north quay before the summer season",
            "Tomas Brandt",
        ),
    ],
)
def test_hope_in_every_form(text: str, content: str, speaker: str) -> None:
    assert (content, speaker) in indirect(quotes(text, "spacy"))


@pytest.mark.model
def test_a_negated_hope_is_never_asserted() -> None:
    text = "Tomas Brandt never hoped the north quay would be rebuilt this year."
    found: list[Quote] = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert all(q.polarity != "asserted" for q in found), [(q.text, q.polarity) for q in found]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # derived pairs ("point" + "that" clause, "detail" + object, "learn" + "that" clause)
        (
            "Ilse Varga pointed out that the ferry had not sailed since March.",
            "the ferry had not sailed since March",
        ),
        (
            "Ilse Varga detailed the rising repair costs of the old pier.",
            "the rising repair costs of the old pier",
        ),
        (
            "Ilse Varga learned that the harbour board had sold the old pier.",
            "the harbour board had sold the old pier",
        ),
    ],
)
def test_derived_cues(text: str, content: str) -> None:
    assert (content, "Ilse Varga") in indirect(quotes(text, "spacy"))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a negated derived cue: left out (never shown as asserted)
        "Tomas Brandt did not voice concerns about the price of the new pier.",
        # a dropped pair: a bare object of "back" is whom or what a source backs
        "Tomas Brandt backed the harbour plan at the council meeting last week.",
    ],
)
def test_no_derived_or_dropped_reading(text: str) -> None:
    found: list[Quote] = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert all(q.polarity != "asserted" for q in found), [(q.text, q.polarity) for q in found]

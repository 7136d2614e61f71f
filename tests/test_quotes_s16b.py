"""Short quoted phrases of the sixteenth session (issue 17): a labelling verb with no subject
of its own that completes a verb that is no verb of saying ("That prompted Roe to … call the
plan “…”") takes the object that controls it as the phrase's source; under a verb of saying
the words stay that verb's subject's.

All text here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_object_controller_of_a_labelling_verb_is_the_speaker() -> None:
    text = (
        "The debate turned sour on Friday. That prompted Ivo Penn to make a joke about sailing "
        "and call Lena Varga “very slippery,” a jab at her record."
    )
    q = one(quotes(text, "spacy"), "very slippery")
    assert q.speaker == "Ivo Penn"


@pytest.mark.model
def test_object_controller_after_a_verb_of_forcing() -> None:
    text = (
        "The storm forced Ivo Penn to cancel the rally and call the weather “truly awful” on "
        "the radio."
    )
    q = one(quotes(text, "spacy"), "truly awful")
    assert q.speaker == "Ivo Penn"


@pytest.mark.model
def test_under_a_verb_of_saying_the_words_stay_its_subjects() -> None:
    text = "Lena Varga urged voters to call the toll plan “a sham” before the vote."
    q = one(quotes(text, "spacy"), "a sham")
    assert q.speaker == "Lena Varga"


@pytest.mark.model
def test_object_pronoun_controller_gives_no_speaker() -> None:
    # an object pronoun is not resolved here: the phrase stays out rather than be kept with
    # no one to say it
    text = (
        "The harbor flooded on Monday. That prompted him to call the storm “a monster” on the "
        "radio."
    )
    assert not [q for q in quotes(text, "spacy") if "monster" in q.text]


@pytest.mark.model
def test_object_controller_naming_no_actor_gives_no_speaker() -> None:
    text = (
        "Heavy rain prompted the ferry crews to tie up early and call the harbor “a pond” all week."
    )
    assert not [q for q in quotes(text, "spacy") if "pond" in q.text]


@pytest.mark.model
def test_role_noun_subject_of_a_verb_of_saying_is_the_source() -> None:
    text = (
        "Ivo Penn rarely sleeps. The lawyer who ran three harbor races before his knee gave out "
        "is already speaking of “a stubborn hurry” to fix the port."
    )
    q = one(quotes(text, "spacy"), "a stubborn hurry")
    assert q.speaker == "Ivo Penn"
    assert q.speaker_role == "lawyer"

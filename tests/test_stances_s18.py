"""Stances, eighteenth session (issue 17): the actor is the clause's grammatical subject, and
the polarity and the verb's sense are carried into the stance. An object-case pronoun that
the parse makes a small clause's subject ("finds them unwilling to …") is never the
main clause's subject; a stance in an indirect question under a negated cue ("would not say
why she opposes …") is left open, not denied; "sought to win over …" is an attempt, no request;
a stance in someone else's report ("Roe said Kestria opposes …") is the reporter's claim,
kept under the shown threshold. Every sentence here is written for these tests (fictional
people and places).
"""

from __future__ import annotations

import pytest

from stance_fixture import SPACY, about, stances
from storyline.models import usable


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "Having mocked the mill owners all spring, Ada Roe now finds them unwilling to fund "
        "the Alder dam.",
        "Ben Kale considers him ready to support the Alder dam.",
    ],
)
def test_an_object_pronoun_is_not_the_main_clauses_subject(mode: str, text: str) -> None:
    found = stances(text, mode)
    assert not [s for s in found if "Roe" in s.actor or "Kale" in s.actor], [
        (s.actor, s.stance, s.target) for s in found
    ]


@pytest.mark.parametrize("mode", SPACY)
def test_the_subject_itself_still_acts(mode: str) -> None:
    # the rule is about object-case pronouns only: the finder's own stance stays hers
    text = "Ada Roe is reluctant to open her wallet for the Alder dam."
    found = about(stances(text, mode), "wallet")
    assert found and all(s.actor == "Ada Roe" for s in found)


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ada Roe would not say why she opposes the Alder dam.", "dam"),
        (
            "The Brill Group did not answer questions about how firmly it backs the Alder dam.",
            "dam",
        ),
        ("Ada Roe did not explain what she wants from the Alder council.", "council"),
    ],
)
def test_an_indirect_question_under_a_negated_cue_is_open(mode: str, text: str, word: str) -> None:
    found = about(stances(text, mode), word)
    assert found, "a stance is read"
    assert all(s.polarity == "questioned" for s in found), [
        (s.actor, s.stance, s.polarity) for s in found
    ]


@pytest.mark.parametrize("mode", SPACY)
def test_a_negated_stance_outside_a_question_stays_denied_or_flipped(mode: str) -> None:
    text = "Ada Roe did not say that she opposes the Alder dam."
    found = about(stances(text, mode), "dam")
    assert all(s.polarity != "questioned" for s in found)


@pytest.mark.parametrize("mode", ["rules", *SPACY])
def test_seeking_to_do_something_is_an_attempt_not_a_request(mode: str) -> None:
    found = stances("Ben Kale sought to win over the mill workers in Alder.", mode)
    assert not [s for s in found if s.stance == "request"], [(s.actor, s.target) for s in found]


@pytest.mark.parametrize("mode", SPACY)
def test_seeking_a_thing_is_still_a_request(mode: str) -> None:
    found = about(stances("Kestria is seeking a ceasefire in the Alder valley.", mode), "ceasefire")
    assert found and all(s.stance == "request" for s in found)


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "Ada Roe said that Ben Kale opposes the Alder dam.",
        "Ben Kale opposes the Alder dam, Ada Roe said.",
        "Critics say Ben Kale wants to close the Alder dam.",
    ],
)
def test_a_stance_in_someone_elses_report_is_not_shown(mode: str, text: str) -> None:
    # the reporter's claim about another person, as in a quotation: kept, under the threshold
    found = about(stances(text, mode), "dam")
    assert found, "a stance is read"
    assert all(not usable(s) for s in found), [(s.actor, s.confidence) for s in found]


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "Ada Roe said she opposes the Alder dam.",
        "Ben Kale has said he will not back the Alder dam.",
        "A French official said France opposes the Alder dam.",
        "Kestria agreed on Friday to rebuild the Alder dam, officials in Alder said.",
        "Ed Moss, its minister of water, said Kestria was ready to rebuild the Alder dam.",
        "Ada Roe will back a new Alder dam, her campaign told a rally in Brill.",
    ],
)
def test_a_reporters_own_stance_is_shown(mode: str, text: str) -> None:
    found = about(stances(text, mode), "dam")
    assert found and all(usable(s) for s in found), [(s.actor, s.confidence) for s in found]

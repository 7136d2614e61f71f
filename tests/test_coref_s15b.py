"""Session 15 (issue 17): an indirect statement's "it"/"they" takes no actor merely named in
a sentence before it (neither that sentence's subject nor the last speaker): that fallback
guessed the thing or group spoken about more often than the speaker. A direct quotation's
"they said" keeps it.

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from test_coref import quotes, resolver

spacy = pytest.mark.model

# the only actor of the sentence before is the owner of a depot, in a prepositional phrase
_DEPOT = "The storm flooded the depot of Orlen Ferries near Dunmere on Monday.\n\n"


@spacy
def test_an_indirect_they_takes_no_name_merely_mentioned_before() -> None:
    text = _DEPOT + "They said that the night crossings would stop until March."
    found = [q for q in quotes(text, "spacy") if q.kind == "indirect" and q.speaker]
    assert found == [], [(q.text, q.speaker) for q in found]


@spacy
def test_an_indirect_they_does_not_pick_one_of_two_mentioned_groups() -> None:
    text = (
        "The new toll on the Brell bridge was debated by the Dunmere council and the "
        "Orlen Ferry Board on Monday.\n\n"
        "They said that the toll would hurt the night crews."
    )
    found = [q for q in quotes(text, "spacy") if q.kind == "indirect" and q.speaker]
    assert found == [], [(q.text, q.speaker) for q in found]


@spacy
def test_the_resolver_guesses_only_when_asked_to() -> None:
    text = _DEPOT + "They said that the night crossings would stop until March."
    coref, _ = resolver(text, "spacy")
    at = text.index("They said")
    loose = coref.resolve_pronoun_ref("they", at)
    assert loose.entity is not None and "Orlen" in loose.entity.name
    strict = coref.resolve_pronoun_ref("they", at, guess=False)
    assert strict.entity is None and not strict.name


@spacy
def test_an_indirect_it_keeps_a_subject_of_the_sentence_before() -> None:
    text = (
        "The Orlen Ferry Board met in Dunmere on Monday.\n\n"
        "It said that the night crossings would stop until March."
    )
    found = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert [q.speaker for q in found] == ["Orlen Ferry Board"]

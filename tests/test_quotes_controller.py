"""The speaker of a partial quote whose reporting verb has no subject of its own (issue 17,
second speaker round): a participle or gerund takes the subject of the verb it hangs on, an
infinitive the object (else the subject) of the verb it completes.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_gerund_after_a_preposition_takes_the_main_subject() -> None:
    text = (
        "Singer Lena Varga was booed and shouted down by harbor workers after telling "
        "the crowd that they were “being childish.”"
    )
    assert one(quotes(text, "spacy"), "being childish").speaker == "Lena Varga"


@pytest.mark.model
def test_infinitive_takes_the_object_of_the_verb_it_completes() -> None:
    text = (
        "Dana Roe won the harbor vote on Tuesday. Peter Brand lost by a wide margin, and the "
        "result led her to declare that the mayor's office was “within reach.”"
    )
    assert one(quotes(text, "spacy"), "within reach").speaker == "Dana Roe"


@pytest.mark.model
def test_a_verb_with_its_own_subject_is_not_read_as_controlled() -> None:
    # "the council" is the subject of "said": no controller is looked for, and a thing
    # that is no actor gives no speaker
    text = "After the storm, the pier said to be “beyond repair” was closed by the town."
    found = quotes(text, "spacy")
    assert all(q.speaker != "town" for q in found)


@pytest.mark.model
def test_a_quote_in_an_adjunct_of_the_verb_gets_no_controller() -> None:
    # the quoted word is where the talks happen, not what anyone said
    text = (
        "On his visits to the depots, Mayor Dana Roe spends his days meeting crews and "
        "leading safety talks using a whiteboard in a “classroom” by the gate."
    )
    found = quotes(text, "spacy")
    assert not any(q.text == "classroom" and q.speaker for q in found)

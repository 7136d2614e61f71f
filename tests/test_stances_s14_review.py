"""Review of the fourteenth session's stance work (issue 17): a negation whose words are
quoted ("is “not ready” to support") still negates the trigger, and a gerund hanging on an
owned noun ("questioned Kestria's judgment in backing …") is the owner's act, never the
questioner's. Every sentence here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from stance_fixture import MODES, SPACY, about, stances


@pytest.mark.parametrize("mode", MODES)
def test_a_quoted_negation_still_negates(mode: str) -> None:
    text = "On Friday, Ada Roe said she was “not ready” to support Ben Kale's bid for governor."
    found = about(stances(text, mode), "Kale's bid")
    if mode == "spacy":
        assert found, "a stance on the bid is read"
    assert all(s.stance != "support" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_a_gerund_on_an_owned_noun_is_the_owners_act(mode: str) -> None:
    text = (
        "Ada Roe is pushing back, questioning Ben Kale's judgment in supporting the dam on "
        "the Liss and accepting gifts from builders."
    )
    found = stances(text, mode)
    assert not [s for s in found if "Roe" in s.actor], [(s.actor, s.target) for s in found]
    dam = about(found, "dam")
    assert dam and all(s.actor == "Ben Kale" for s in dam)


@pytest.mark.parametrize("mode", SPACY)
def test_a_gerund_on_a_pronoun_owned_noun_gives_no_actor(mode: str) -> None:
    text = "Ada Roe questioned his judgment in supporting the dam on the Liss."
    assert not about(stances(text, mode), "dam")


@pytest.mark.parametrize("mode", MODES)
def test_a_free_relative_states_no_stance(mode: str) -> None:
    text = (
        "“By next spring the mood will have turned,” Ada Roe said. “And she would have "
        "frightened voters with what the members don't want to be told this week.”"
    )
    assert not [s for s in stances(text, mode) if "hear" in s.target]

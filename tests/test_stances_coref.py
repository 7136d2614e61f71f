"""Stance actors through the coreference resolver (``coref.py``): pronouns and definite
back-references ("the group") resolve to the actor they stand for, or the stance is left
out. Every sentence here is written for these tests (fictional people, places, groups).
"""

from __future__ import annotations

import pytest

from stance_fixture import MODES, about, stances


@pytest.mark.parametrize("mode", MODES)
def test_she_is_the_woman_the_sentence_before_is_about_not_the_last_man_named(mode: str) -> None:
    text = (
        "Mrs. Ilka Varro met Mr. Tobin Hask at the Dunmere harbour office on Monday.\n\n"
        "She rejected the ferry plan."
    )
    found = about(stances(text, mode), "ferry plan")
    assert found, "the stance is found"
    assert {s.actor for s in found} == {"Ilka Varro"}


@pytest.mark.parametrize("mode", MODES)
def test_he_with_no_man_named_gives_no_actor(mode: str) -> None:
    text = (
        "Mrs. Ilka Varro met Mrs. Odile Sarn at the Dunmere harbour office on Monday.\n\n"
        "He rejected the ferry plan."
    )
    assert about(stances(text, mode), "ferry plan") == []


@pytest.mark.parametrize("mode", MODES)
def test_an_unresolved_official_is_no_actor(mode: str) -> None:
    text = (
        "The ferry plan was debated in Dunmere for a week.\n\n"
        "The official rejected the ferry plan on Friday."
    )
    found = about(stances(text, mode), "ferry plan")
    assert all(s.actor.lower() not in ("official", "the official") for s in found)
    assert found == []


@pytest.mark.parametrize("mode", MODES)
def test_the_group_resolves_to_the_group_named_before(mode: str) -> None:
    text = (
        "Members of the Harlow Farmers Group met in Dunmere on Monday.\n\n"
        "The group rejected the ferry plan."
    )
    found = about(stances(text, mode), "ferry plan")
    assert all(s.actor != "group" for s in found)
    assert all("Harlow Farmers Group" in s.actor for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_a_pronoun_inside_a_quotation_is_not_its_speaker(mode: str) -> None:
    text = (
        "Mr. Tobin Hask spoke to reporters in Dunmere on Monday.\n\n"
        "“He rejected the ferry plan without reading it,” Mr. Hask said."
    )
    found = about(stances(text, mode), "ferry plan")
    assert all(s.actor != "Tobin Hask" for s in found)


@pytest.mark.model
def test_she_in_a_denied_clause_is_no_newspaper_named_before() -> None:
    # the subject above "she" names no actor ("team"), the next one up is a newspaper: she is
    # neither; the denial marks the stance, never the newspaper asserting it
    text = (
        "The Dunmere Times reported in May that Ilka Varro's agency had booked new ferries "
        "for the summer, but Varro's team denied that she would support the ferry plan."
    )
    found = about(stances(text, "spacy"), "ferry plan")
    assert [(s.actor, s.polarity) for s in found] == [("Ilka Varro", "denied")]

"""Entity and name errors a new user saw (issue 17, s15): two people of one surname kept
apart by their forms of address ("Mr. Varga" and "Ms. Varga"), a role word glued before a
name ("Sheriff Ivo Roe" is Ivo Roe, the sheriff) and a plural outlet's possessive ("The
Harbor Times' Ivo Roe") off the name.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from test_entities import MODES, entities, surfaces


@pytest.mark.parametrize("mode", MODES)
def test_mr_and_ms_of_one_surname_are_two_people(mode: str) -> None:
    text = (
        "Mr. Varga spoke at the town hall on Sunday. Ms. Varga said the town had changed. "
        "Mr. Varga said he was proud of the mill. Ms. Varga added that she was tired."
    )
    found = entities(text, mode)
    people = [e for e in found.values() if e.type == "PERSON"]
    assert len(people) == 2
    him = next(e for e in people if e.name.startswith("Mr"))
    her = next(e for e in people if e.name.startswith("Ms"))
    assert len(him.mentions) == 2 and len(her.mentions) == 2
    assert all("Mr. Varga" in text[max(0, c.start - 4) : c.end] for c in him.mentions)
    assert all("Ms. Varga" in text[max(0, c.start - 4) : c.end] for c in her.mentions)


@pytest.mark.parametrize("mode", MODES)
def test_bare_surname_between_mr_and_ms_is_neither(mode: str) -> None:
    text = (
        "Mr. Varga spoke at the town hall on Sunday. Ms. Varga said the town had changed. "
        "Later, Varga left the hall."
    )
    found = entities(text, mode)
    for e in found.values():
        if e.name in ("Mr. Varga", "Ms. Varga"):
            assert "Varga left" not in [text[c.start : c.end + 5] for c in e.mentions]


@pytest.mark.parametrize("mode", MODES)
def test_mrs_goes_to_the_woman_not_to_her_husband(mode: str) -> None:
    text = (
        "Peter Holloway said the bakery opened in the spring. "
        "Mrs. Holloway said the ovens came from her father. "
        "Mr. Holloway said the loans were paid."
    )
    found = entities(text, mode)
    peter = next(e for e in found.values() if e.name == "Peter Holloway")
    cites = [text[c.start - 5 : c.end] for c in peter.mentions]
    assert not any("Mrs." in c for c in cites)
    assert any("Mr. Holloway" in c for c in cites)


@pytest.mark.parametrize("mode", MODES)
def test_one_title_alone_keeps_the_plain_surname(mode: str) -> None:
    text = "Mr. Varga spoke at the town hall on Sunday. Mr. Varga said he was proud."
    found = entities(text, mode)
    assert "per:varga" in found


@pytest.mark.parametrize("mode", MODES)
def test_role_word_glued_before_a_name_is_the_role(mode: str) -> None:
    text = (
        "Sheriff Ivo Rensky said the road was closed. "
        "Congressman Ilan Vasko said he agreed with the plan."
    )
    found = entities(text, mode)
    assert found["per:ivo-rensky"].role == "Sheriff"
    assert found["per:ilan-vasko"].role == "Congressman"
    assert surfaces(text, found["per:ivo-rensky"]) == ["Ivo Rensky"]


@pytest.mark.parametrize("mode", MODES)
def test_a_title_before_one_name_stays(mode: str) -> None:
    text = "Judge Ferrano said nothing about the case."
    found = entities(text, mode)
    assert found["per:ferrano"].role == "Judge"


def test_plural_outlet_possessive_is_not_part_of_the_name() -> None:
    from storyline.stages.prepare.extract.entities import _person_span

    text = "The Harbor Times' Ivo Rensky reported that the deal was off."
    s = text.index("Times'")
    assert _person_span(text, s, s + len("Times' Ivo Rensky"), None) == (
        text.index("Ivo"),
        s + len("Times' Ivo Rensky"),
    )

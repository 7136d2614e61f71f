"""Noun-source speakers that went to the wrong actor (issue 17, s2 of the fourth session).

All text is written for these tests (fictional people, places and bodies).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.model
def test_partial_quote_in_a_complement_takes_that_verbs_subject() -> None:
    text = (
        "But even as Ilves claimed on Tuesday that “General Marrow got in trouble for far "
        "less,” a former prosecutor for Ruud Marrow said the two cases were different.\n"
    )
    assert one(quotes(text, "spacy"), "far less").speaker == "Ilves"


@pytest.mark.model
def test_hyphenated_title_is_no_part_of_the_name() -> None:
    text = (
        "“We had to give up on the tariff part of the plan,” said Harbor Pilots Union "
        "Secretary-Treasurer Gary Pellow.\n"
    )
    assert one(quotes(text, "spacy"), "tariff").speaker == "Gary Pellow"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "lead",
    [
        "Fighters of the Islamic State posted threats on the site. The Islamic State has many "
        "accounts.",
        "The Senate voted on the measure late on Monday.",
    ],
)
def test_the_company_is_no_state_or_chamber(mode: str, lead: str) -> None:
    text = f"{lead} “We have always tried to be fair,” the company said.\n"
    assert one(quotes(text, mode), "fair").speaker not in ("Islamic State", "Senate")


@pytest.mark.model
def test_rare_given_name_before_a_surname_typed_as_a_group() -> None:
    # spaCy types the surname alone as NORP and no list holds the given name
    text = (
        "The app suspended her account on Thursday.\n\n“We don't allow spamming,” Rosette "
        "Vardanyan, a Kindlr spokeswoman, said in an email.\n"
    )
    assert one(quotes(text, "spacy"), "spamming").speaker == "Rosette Vardanyan"


@pytest.mark.model
def test_closing_attribution_without_content_keeps_the_quote() -> None:
    text = (
        "The four “gaps” he cited are “the right to carry losses forward for years on end,” "
        "the Velmar Ledger reported.\n"
    )
    assert one(quotes(text, "spacy"), "carry losses").speaker == "Velmar Ledger"

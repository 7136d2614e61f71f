"""A pronoun in a speech clause set off by commas inside the reported clause ("Ivo Penn,
she added, amounts to “…”") does not stand for the subject it interrupts (issue 17, s13):
the resolver looks before the pronoun's own sentence.

All text here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_parenthetical_pronoun_is_not_the_interrupted_subject() -> None:
    text = (
        "Dana Roe spoke to the dock workers on Monday. Ivo Penn, she added, amounts to "
        "“a danger to every family here.”"
    )
    assert one(quotes(text, "spacy"), "a danger").speaker == "Dana Roe"


@pytest.mark.model
def test_parenthetical_name_still_speaks() -> None:
    text = (
        "Dana Roe spoke to the dock workers on Monday. Ivo Penn, Roe said, has built "
        "“a costly harbor for nobody.”"
    )
    assert one(quotes(text, "spacy"), "costly harbor").speaker == "Dana Roe"

"""Review of the fourteenth session (issue 17): what one "addresses" is content only when it
is a topic of speech; an audience or a gathering is no one's words. Sentences written for
these tests (fictional people and places)."""

from __future__ import annotations

import pytest

from test_indirect import indirect
from test_quotes import quotes

spacy = pytest.mark.model


@spacy
def test_an_addressed_gathering_is_no_content() -> None:
    text = (
        "Addressing the Harbour League's annual dinner Friday, Roe said the coast was kind to her."
    )
    got = indirect(quotes(text, "spacy"))
    assert all("dinner" not in content for content, _ in got), got


@spacy
def test_an_addressed_issue_is_content() -> None:
    got = indirect(quotes("Ada Roe addressed the issue of the closed port on Monday.", "spacy"))
    assert ("the issue of the closed port", "Ada Roe") in got


@spacy
def test_an_addressed_problem_is_content_and_a_crowd_is_not() -> None:
    assert ("rising rents in her speech", "Ada Roe") in indirect(
        quotes("Ada Roe addressed rising rents in her speech.", "spacy")
    )
    assert not indirect(quotes("Ada Roe addressed the crowd in Varden.", "spacy"))

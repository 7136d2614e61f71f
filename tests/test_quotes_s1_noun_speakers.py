"""Noun-source speakers of partial and introduced quotes (issue 17, PolNeAR spkNoun).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_thing_in_the_reported_clause_gives_way_to_the_reporter() -> None:
    text = (
        "Senator Mara Velden said the harbor levy would ruin the fishing towns, and called "
        "it “a gift to the shipping barons.”"
    )
    assert one(quotes(text, "spacy"), "shipping barons").speaker == "Mara Velden"

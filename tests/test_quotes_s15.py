"""Poll shares and thing subjects as speakers, fifteenth session (issue 17, PolNeAR).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes

_POLL = "The Varga Institute polled 900 adults in Eastport last week. "


@pytest.mark.model
def test_a_bare_share_reporting_a_clause_is_kept_as_the_speaker() -> None:
    text = _POLL + "Of those asked, 62 percent said they would back the ferry plan."
    found = quotes(text, "spacy")
    q = one(found, "would back the ferry plan")
    assert q.kind == "indirect"
    assert q.speaker == "62 percent"
    assert q.speaker_entity is None  # a share of respondents, never a named person


@pytest.mark.model
def test_a_share_with_or_without_its_group_is_kept() -> None:
    text = (
        _POLL + "Just 8 percent said they are undecided. "
        "Seventy-one percent of renters say they want lower fares."
    )
    found = quotes(text, "spacy")
    assert one(found, "they are undecided").speaker == "8 percent"
    assert one(found, "want lower fares").speaker == "Seventy-one percent of renters"


@pytest.mark.model
def test_a_share_that_is_not_the_subject_names_no_one() -> None:
    text = "Fares rose 5 percent last year, the harbor board said on Monday."
    found = quotes(text, "spacy")
    assert all(q.speaker is None or "percent" not in q.speaker for q in found)

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


@pytest.mark.model
def test_a_relative_clause_on_a_predicate_noun_is_the_subjects() -> None:
    text = (
        "The council met on Tuesday. Ivo Penn is a reckless spender, habitual liar and bully "
        "who has repeatedly claimed that the ferry makes money."
    )
    assert one(quotes(text, "spacy"), "ferry makes money").speaker == "Ivo Penn"


@pytest.mark.model
def test_a_pronoun_subject_of_the_copula_is_resolved() -> None:
    text = "Ivo Penn spoke next at the council meeting. He is a lawyer who argued that the lease is void."
    assert one(quotes(text, "spacy"), "lease is void").speaker == "Ivo Penn"


@pytest.mark.model
def test_a_relative_clause_on_a_plain_subject_keeps_its_noun() -> None:
    text = "The council met on Tuesday. A planner who works for the port said the pier is safe."
    speaker = one(quotes(text, "spacy"), "pier is safe").speaker
    assert speaker is not None and "planner" in speaker


@pytest.mark.model
def test_a_copula_conjoined_to_another_verb_takes_the_shared_subject() -> None:
    text = (
        "Editor's note: Ivo Penn often stirs up crowds and is a known fibber, loud snob, "
        "schemer and boaster who has often promised to sell the ferry."
    )
    found = quotes(text, "spacy")
    assert all(q.speaker in (None, "Ivo Penn") for q in found)


@pytest.mark.model
def test_an_existential_there_keeps_the_noun_the_clause_hangs_on() -> None:
    text = (
        "Ivo Penn wants a toll on the bridge. (Still, there are some planners who argue that "
        "tolls should be very low.) The Eastport Ferry Board disagrees with both."
    )
    speaker = one(quotes(text, "spacy"), "tolls should be very low").speaker
    assert speaker is not None and "planners" in speaker


@pytest.mark.model
def test_a_named_predicate_is_its_own_speaker() -> None:
    text = (
        "The port needs a new director. Another choice is Lena Varga, who calls the harbor "
        "her second home."
    )
    found = quotes(text, "spacy")
    assert all(q.speaker in (None, "Lena Varga") for q in found)

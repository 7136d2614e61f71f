"""What a new user's audit of "who said what" on outside news found in the stances (issue 17):
a refusal to speak or a request for anonymity shown as a position, "insisted that" + a claim
shown as a demand, "is to blame" read as the subject blaming, a negated need or "stopped short
of" read as a stance, "poised to" (a forecast) read as an offer, the participle "provided by"
read as a condition, and a stance reported inside an open "whether" clause shown as asserted.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

import pytest

from stance_fixture import MODES, SPACY, stances


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman for the Tarn ferry board declined to comment on the strike.",
        "Mayor Ada Velk refused to say whether she would run again.",
        "Ansel Roe declined to identify the donors behind the Tarn bridge plan.",
    ],
)
def test_a_refusal_to_speak_is_no_rejection(text: str, mode: str) -> None:
    assert [s for s in stances(text, mode) if s.stance == "reject"] == []


@pytest.mark.parametrize("mode", SPACY)
def test_a_refusal_of_an_action_stays_a_rejection(mode: str) -> None:
    text = "Mayor Ada Velk refused to sign the Tarn bridge contract."
    found = stances(text, mode)
    assert any(s.stance == "reject" and "contract" in s.target for s in found)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "text",
    [
        "Ansel Roe insisted that the ferry board had no right to cancel the sailings.",
        "Velk insisted that the bridge will open on time.",
        "Velk insisted on radio that there is no secret deal with the union.",
    ],
)
def test_insisting_on_a_claim_is_no_demand(text: str, mode: str) -> None:
    assert [s for s in stances(text, mode) if s.stance == "demand"] == []


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "The union insisted that the board reinstate the dismissed pilots.",
        "Velk insisted on a recount of the Dunmore ballots.",
        "The union insisted that the board should reinstate the pilots.",
    ],
)
def test_insisting_on_an_action_stays_a_demand(text: str, mode: str) -> None:
    assert any(s.stance == "demand" for s in stances(text, mode))


@pytest.mark.parametrize("mode", SPACY)
def test_the_one_to_blame_blames_no_one(mode: str) -> None:
    text = "Ansel Roe said that Mayor Ada Velk is to blame for the cancelled sailings."
    assert [s for s in stances(text, mode) if s.stance == "accuse"] == []
    # unchanged: the one who blames
    found = stances("Velk blamed the ferry board for the cancelled sailings.", mode)
    assert any(s.actor == "Velk" and s.stance == "accuse" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_a_negated_need_is_no_demand(mode: str) -> None:
    text = "Roe said his aides told him he didn't need to campaign in Dunmore until spring."
    assert [s for s in stances(text, mode) if s.stance == "demand"] == []


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "Velk stopped short of endorsing the union's demands.",
        "Velk, who stopped short of endorsing Roe, said the plan was sound.",
    ],
)
def test_stopping_short_of_support_is_no_support(text: str, mode: str) -> None:
    assert [s for s in stances(text, mode) if s.stance in ("support", "oppose")] == []


@pytest.mark.parametrize("mode", SPACY)
def test_never_ever_want_is_negated(mode: str) -> None:
    text = "“I would never, ever want to close the Tarn ferry,” Velk said."
    found = stances(text, mode)
    assert [s for s in found if s.stance == "demand"] == []
    assert any(s.stance == "oppose" and "ferry" in s.target for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_poised_to_is_a_forecast_not_an_offer(mode: str) -> None:
    assert stances("Velk is poised to win the Dunmore primary.", mode) == []


@pytest.mark.parametrize("mode", SPACY)
def test_a_participle_provided_by_sets_no_condition(mode: str) -> None:
    text = (
        "The council backed the bridge plan, according to a letter provided by the mayor's office."
    )
    found = [s for s in stances(text, mode) if s.stance == "support"]
    assert found and all(s.condition is None and s.polarity == "asserted" for s in found)
    # unchanged: "provided that" is a condition
    text = "The Tarn council will support the bridge provided that the state pays for it."
    found = [s for s in stances(text, mode) if s.stance == "support"]
    assert found and all(s.condition == "the state pays for it" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_a_stance_reported_in_a_whether_clause_is_questioned(mode: str) -> None:
    found = stances("Velk asked whether Roe said he would support the plan.", mode)
    assert found and all(s.polarity == "questioned" for s in found)
    found = stances("Roe said he would support the plan.", mode)
    assert found and all(s.polarity == "asserted" for s in found)

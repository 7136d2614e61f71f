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


@pytest.mark.parametrize("mode", SPACY)
def test_a_refusal_to_rule_out_rejects_nothing(mode: str) -> None:
    assert stances("Velk refused to rule out a levy on ferries.", mode) == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "text",
    [
        "“So if you want to catch the spin, the Liberals are holding their rally next week.”",
        "If the Tarn council wants a new bridge, it will have to pay for it.",
    ],
)
def test_a_trigger_inside_a_leading_condition_is_no_stance(text: str, mode: str) -> None:
    assert [s for s in stances(text, mode) if s.stance == "demand"] == []


@pytest.mark.parametrize("mode", SPACY)
def test_a_relative_clause_on_an_appositive_is_the_named_persons(mode: str) -> None:
    text = (
        "Gov. Ada Velk of Tarnia, a Liberal who has refused to endorse Ansel Roe, "
        "said the ferry board deserved better."
    )
    found = [s for s in stances(text, mode) if s.stance == "reject"]
    assert [(s.actor, s.target) for s in found] == [("Ada Velk", "endorse Ansel Roe")]


@pytest.mark.parametrize("mode", SPACY)
def test_a_negation_does_not_reach_a_later_clause_with_its_own_subject(mode: str) -> None:
    text = "“I don't want a long fight, we want this settled early,” Roe said."
    found = {s.stance: s.polarity for s in stances(text, mode)}
    assert found == {"oppose": "asserted", "demand": "asserted"}


@pytest.mark.parametrize("mode", MODES)
def test_said_comma_if_sets_a_condition(mode: str) -> None:
    found = stances("Ada Velk said, if elected, she would support the Tarn bridge plan.", mode)
    if mode == "rules":  # (the spaCy run finds no actor in this sentence)
        assert found and all(s.polarity == "conditional" for s in found)
    assert all(s.polarity != "asserted" for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_a_condition_inside_a_quotation_does_not_reach_the_speakers_own_stance(mode: str) -> None:
    text = (
        "“If the mayor quits, then yes, she would run for the seat,” said Ansel Roe, "
        "a former council chair who is supporting Ada Velk."
    )
    found = [s for s in stances(text, mode) if s.stance == "support"]
    assert [(s.actor, s.polarity, s.condition) for s in found] == [("Ansel Roe", "asserted", None)]


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "Last month, when I asked Ansel Roe if he would ever endorse Ada Velk, he laughed.",
        "Last month, when I asked Ansel Roe if he would ever endorse Ada Velk, he looked at me "
        "and said, “I'm going to endorse the ferry pilots!”",
    ],
)
def test_asked_if_stays_a_question(text: str, mode: str) -> None:
    found = [s for s in stances(text, mode) if "Velk" in s.target]
    assert found and all(s.polarity == "questioned" for s in found)

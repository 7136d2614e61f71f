"""Speakers from the reporting clause around a quote (issue 17, second round): names before
their descriptions, legislators' party tags, hearers and topics that are not speakers,
passive frames, statements issued, and phrases that name no one (a place after a
preposition, a number).

All text here is written for these tests (fictional people, places and outlets). Each test
runs on the rules-only path and on spaCy unless it says otherwise.
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.parametrize("mode", MODES)
def test_named_person_before_a_description_is_the_speaker(mode: str) -> None:
    text = (
        "The mayor spoke on Monday.\n\n"
        "“We will keep the harbour open all winter,” Tomas Reyle, a Venn spokesman, said."
    )
    q = one(quotes(text, mode), "keep the harbour")
    assert q.speaker == "Tomas Reyle"


@pytest.mark.parametrize("mode", MODES)
def test_party_and_state_after_a_name_do_not_hide_it(mode: str) -> None:
    text = "Gov. Ilse Varno (R-OR), said, “We are ready to rebuild the pier before the storms.”"
    assert one(quotes(text, mode), "ready to rebuild").speaker == "Ilse Varno"


@pytest.mark.parametrize("mode", MODES)
def test_partial_quote_after_a_legislator_with_party_tag(mode: str) -> None:
    text = (
        "At a rally on Saturday Sen. Ilse Varno (D-Ore.) said the harbour plan was a "
        "“costly and reckless mistake for the town” in her view."
    )
    assert one(quotes(text, mode), "costly and reckless").speaker == "Ilse Varno"


@pytest.mark.parametrize("mode", MODES)
def test_the_hearer_after_telling_is_not_the_speaker(mode: str) -> None:
    text = "Ilse Varno praised the council, telling Harbor Radio, “The pier will be rebuilt by spring.”"
    speaker = one(quotes(text, mode), "pier will be rebuilt").speaker or ""
    assert "Varno" in speaker and "Radio" not in speaker


@pytest.mark.parametrize("mode", MODES)
def test_said_of_someone_names_the_topic_not_the_speaker(mode: str) -> None:
    text = (
        "Tomas Reyle, an adviser to Mr. Brandt, said of Mr. Brandt: "
        "“He has never lost a vote in this district.”"
    )
    assert one(quotes(text, mode), "never lost a vote").speaker == "Tomas Reyle"


@pytest.mark.parametrize("mode", MODES)
def test_inverted_speaker_followed_by_as_clause(mode: str) -> None:
    text = (
        "“We can win the harbour seat on Tuesday,” said Ilse Varno as she closed the rally. "
        "“Where is the campaign manager?”"
    )
    found = quotes(text, mode)
    assert one(found, "win the harbour seat").speaker == "Ilse Varno"
    assert one(found, "campaign manager").speaker == "Ilse Varno"


@pytest.mark.parametrize("mode", MODES)
def test_statement_issued_before_a_comma_is_the_issuers(mode: str) -> None:
    text = (
        "Ilse Varno issued a statement on Friday, "
        "“The pier closure was a mistake and we will fix it.”"
    )
    assert one(quotes(text, mode), "pier closure").speaker == "Ilse Varno"


@pytest.mark.model
def test_passive_frame_above_an_infinitive_gives_its_subject() -> None:
    text = (
        "The debate was so calm that Mr. Tarrow was prompted to say, "
        "“So far I cannot believe how polite it has been tonight.”"
    )
    assert "Tarrow" in (one(quotes(text, "spacy"), "cannot believe").speaker or "")


@pytest.mark.parametrize("mode", MODES)
def test_a_place_after_a_preposition_is_not_the_subject(mode: str) -> None:
    text = (
        "Some 25 percent of voters in Velmar say they would "
        "“never vote for the harbour tax again” in the spring."
    )
    q = one(quotes(text, mode), "never vote")
    assert q.speaker != "Velmar"
    assert q.speaker is None or "percent" not in q.speaker.split()[0]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Velmar poll asked about the harbour. About four in 10 said they would "
        "“never vote for the harbour tax again” next spring.",
        "The Velmar poll asked about the harbour. Some 22 percent said the council was "
        "“out of touch with the whole town” this year.",
    ],
)
def test_a_number_or_share_is_no_speaker(text: str) -> None:
    for q in quotes(text, "spacy"):
        assert q.speaker is None or not q.speaker[0].isdigit(), q.speaker


@pytest.mark.parametrize("mode", MODES)
def test_inverted_name_wins_over_its_appositive_description(mode: str) -> None:
    text = (
        "The pier has worn “velvet gloves” in its talks with the town, said Oskar "
        "Vellander, an elections analyst at the Velmar Report."
    )
    assert one(quotes(text, mode), "velvet gloves").speaker == "Oskar Vellander"


@pytest.mark.parametrize("mode", MODES)
def test_findings_and_testimony_frame_a_partial_quote(mode: str) -> None:
    found = quotes(
        "In 2014, the Velmar Institute found that “about twice as many residents want the "
        "pier rebuilt as want it closed” in the survey.",
        mode,
    )
    assert one(found, "twice as many").speaker == "Velmar Institute"
    found = quotes(
        "Tomas Reyle, the harbour master, testified in one of the suits that "
        '"none of the pier inspections were skipped" last year.',
        mode,
    )
    assert one(found, "pier inspections").speaker == "Tomas Reyle"


@pytest.mark.parametrize("mode", MODES)
def test_said_after_a_long_apposition_names_the_speaker(mode: str) -> None:
    text = (
        "Wages rose in October.\n\n“The hourly earnings figure rose by the most since the flood "
        "year,” Oskar Vellander, an economic adviser to the harbour council and former director "
        "of the nonpartisan Velmar Budget Office, wrote after the report was released. "
        "“This is real wage growth.”"
    )
    found = quotes(text, mode)
    assert one(found, "hourly earnings").speaker == "Oskar Vellander"
    assert one(found, "real wage growth").speaker == "Oskar Vellander"


@pytest.mark.parametrize("mode", MODES)
def test_a_dateline_place_is_not_the_subject(mode: str) -> None:
    text = (
        "Velmar (AFP) – Councillor Ilse Varno has taken a swipe at her rival’s stance on the "
        "pier, saying that “bombastic comments from him” do more harm than good."
    )
    speaker = one(quotes(text, mode), "bombastic comments").speaker or ""
    assert "Varno" in speaker


@pytest.mark.parametrize("mode", MODES)
def test_name_in_an_earlier_appositions_relative_clause_is_not_the_head(mode: str) -> None:
    text = (
        "Ivo Penn, an education professor at Velmar who previously worked for Sen. Lia Roe "
        "(D-Ore.), one of the bill’s architects, called it “a truly remarkable "
        "step for the port.”"
    )
    q = one(quotes(text, mode), "truly remarkable")
    assert q.speaker == "Ivo Penn"
    assert q.speaker_role == "education professor at Velmar"  # not "… worked for Sen"

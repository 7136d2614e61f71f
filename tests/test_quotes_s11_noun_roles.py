"""Noun speakers (issue 17, s2, eleventh session): an attribution that describes its actor
("the company said", "One official said", "The White House says") keeps the words it used
as the speaker's role beside the actor it resolves to; a digest line "Name: “…” [Outlet.]"
is the named speaker's, not the credited outlet's.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.model
def test_a_description_resolved_to_a_named_body_is_kept_as_the_role() -> None:
    text = (
        "Several firms opposed the bill, including Velcorp, which makes seeds. "
        '"We call on other businesses to reject this law," the company tweeted.'
    )
    q = one(quotes(text, "spacy"), "We call on")
    assert q.speaker == "Velcorp"
    assert q.speaker_role == "company"


@pytest.mark.parametrize("mode", MODES)
def test_a_seat_of_government_is_kept_as_the_role(mode: str) -> None:
    text = 'The White House says the decision was a "respectful arrangement" for everyone.'
    q = one(quotes(text, mode), "respectful arrangement")
    assert q.speaker_role == "White House"


@pytest.mark.model
def test_one_member_of_a_group_keeps_the_singular_description() -> None:
    text = 'Officials in Velmar were divided. One official said the plan was "a trap."'
    q = one(quotes(text, "spacy"), "a trap")
    assert q.speaker_role == "official"


@pytest.mark.parametrize("mode", MODES)
def test_a_name_is_no_description(mode: str) -> None:
    text = 'Velcorp opposed the bill. Velcorp said it was "very pleased" with the vote.'
    q = one(quotes(text, mode), "very pleased")
    assert q.speaker == "Velcorp"
    assert q.speaker_role is None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("POLLS DISAGREE ON THE RACE - Walter Brandis: ", "Walter Brandis"),
        ("SAMPLES DIFFER - Kestrel Research: ", "Kestrel Research"),
    ],
)
def test_a_digest_line_names_the_speaker_before_the_colon(
    mode: str, line: str, speaker: str
) -> None:
    text = f"{line}“The averages show a close race in every state we track.” [Velmar Post.]"
    q = one(quotes(text, mode), "The averages show")
    assert q.speaker == speaker


@pytest.mark.parametrize("mode", MODES)
def test_a_digest_quote_with_no_name_before_it_keeps_the_credit(mode: str) -> None:
    text = (
        "Voters went to the polls.\n\nTHE STATE OF THE RACE “The averages show a close race "
        "in every state we track.” [Velmar Post.]"
    )
    q = one(quotes(text, mode), "The averages show")
    assert q.speaker == "Velmar Post"


@pytest.mark.parametrize("mode", MODES)
def test_an_acronym_is_no_description(mode: str) -> None:
    text = (
        "The Velmar Workers Party met on Monday. "
        'In a statement, the VWP said the vote was "a betrayal" of its members.'
    )
    q = one(quotes(text, mode), "a betrayal")
    assert q.speaker_role is None


@pytest.mark.model
def test_a_participle_between_subject_and_verb_quotes_the_subject() -> None:
    text = "Ivo Penn, citing “the unique magic of the mayor,” said the party could win the county."
    q = one(quotes(text, "spacy"), "unique magic")
    assert q.speaker == "Ivo Penn"


@pytest.mark.model
def test_a_participle_of_a_thing_names_no_speaker() -> None:
    text = "The plan, calling for “a port in every village,” passed on Monday."
    q = one(quotes(text, "spacy"), "a port in every village")
    assert q.speaker is None


@pytest.mark.model
def test_a_manner_adverb_before_the_verb_is_no_speaker() -> None:
    text = (
        "The senator asked why the agency had tied the fire to wiring. "
        "Lia Marsh, exasperated, famously responded: “What difference does it make now?”"
    )
    q = one(quotes(text, "spacy"), "What difference")
    assert q.speaker == "Lia Marsh"


@pytest.mark.model
def test_a_noun_in_ly_is_still_the_speaker() -> None:
    q = one(quotes("The family said: “We are grateful.”", "spacy"), "grateful")
    assert q.speaker == "family"


@pytest.mark.model
def test_the_subject_of_a_reported_question_is_not_the_speaker() -> None:
    text = (
        "Later, Mara Ellison is questioning whether Governor Tom Reyes would have attended "
        "the funeral “if it were held in a church.”"
    )
    q = one(quotes(text, "spacy"), "if it were held")
    assert q.speaker == "Mara Ellison"


@pytest.mark.model
def test_the_subject_of_a_side_clause_still_speaks() -> None:
    text = "Roe met the crews, while Ivo Penn proposed the city “build a port in every village.”"
    assert one(quotes(text, "spacy"), "build a port").speaker == "Ivo Penn"

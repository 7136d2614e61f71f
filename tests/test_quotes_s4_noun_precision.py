"""Noun speakers and direct-quote precision (issue 17, s4, tenth session): a name that only
modifies the common noun heading the phrase after the verb is not the speaker; a subject
phrase keeps the modifiers of its modifiers; a verb and its phrase name no one; a subject the
parse finds inside the quotation is no speaker; a quote that lost its opening mark starts
after the attribution in its sentence; a short title-case quotation that is a verb's subject
is a name, not speech.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_name_modifying_the_noun_after_the_verb_is_not_the_speaker() -> None:
    text = (
        "The vote was close. “It is a hard issue,” said the Kestrian senator, "
        "“because it sets two rights against each other.”"
    )
    q = one(quotes(text, "spacy"), "because it sets")
    assert q.speaker != "Kestrian"
    assert "senator" in f"{q.speaker} {q.speaker_role}"


@pytest.mark.model
def test_the_name_heading_the_phrase_after_the_verb_is_still_the_speaker() -> None:
    text = (
        "The vote was close. “It is a hard issue,” said Jane Roe, the Kestrian senator, "
        "“because it sets two rights against each other.”"
    )
    assert one(quotes(text, "spacy"), "because it sets").speaker == "Jane Roe"


@pytest.mark.model
def test_a_subject_phrase_keeps_the_name_its_modifier_hangs_on() -> None:
    text = 'Velmar North High School fans chanted, "Build a pier," at the rival team.'
    assert one(quotes(text, "spacy"), "Build a pier").speaker == "Velmar North High School fans"


@pytest.mark.model
def test_a_verb_and_its_phrase_name_no_one() -> None:
    text = (
        "Talks stalled on Tuesday. Mr. Penn, channeling his quiet roots, responded by "
        "first saying ''some kind things'' about Ms. Roe."
    )
    q = one(quotes(text, "spacy"), "some kind things")
    assert q.speaker is None or "responded" not in q.speaker


def test_a_quote_that_lost_its_mark_starts_after_the_attribution() -> None:
    text = (
        "The vote was close.\n\n"
        "Listing several of his ventures she added, Ivo Penn is a proven failure.”\n\n"
        "He says,” there are many people who never get heard.”\n"
    )
    found = [q.text for q in quotes(text) if q.kind != "indirect"]
    assert "Ivo Penn is a proven failure." in found
    assert not any(t.startswith(("Listing", "He says")) for t in found)


@pytest.mark.model
def test_a_title_case_quotation_that_is_a_verbs_subject_is_a_name() -> None:
    text = (
        "“We will air it all winter,” said Lena Varga, the channel's head. "
        "“Tidewater” has been a surprise hit on cable since the spring."
    )
    found = [q.text for q in quotes(text, "spacy")]
    assert "Tidewater" not in found
    assert any(t.startswith("We will air it") for t in found)


@pytest.mark.model
def test_a_one_word_quotation_a_person_said_is_kept() -> None:
    text = "Asked about the toll, Mayor Dana Roe said “Never” and left the pier."
    assert one(quotes(text, "spacy"), "Never").speaker == "Dana Roe"


@pytest.mark.model
def test_a_quote_in_an_adverbial_clause_is_not_the_main_subjects() -> None:
    text = (
        "The count went on. While Ivo Penn conceded Friday that it would be “a steep climb” "
        "for his side to prevail if he trails once the tally closes, his aides have insisted "
        "that it might still prevail."
    )
    assert one(quotes(text, "spacy"), "a steep climb").speaker == "Ivo Penn"


@pytest.mark.model
def test_a_quote_woven_before_its_attribution_keeps_it() -> None:
    text = "The plan is “a quiet robbery” of the port towns, Ivo Penn said on Friday."
    assert one(quotes(text, "spacy"), "a quiet robbery").speaker == "Ivo Penn"


@pytest.mark.model
def test_a_relative_clause_without_the_quote_gives_no_speaker() -> None:
    text = (
        "The debate went on. Harbor Radio moderator Ivo Penn asked Jane Roe whether her "
        "proposed expansion of ferry credits, which the Velmar Fund reckons would run "
        "to roughly $140 million a year, would risk “adding another costly program to an "
        "already strained port budget.”"
    )
    assert one(quotes(text, "spacy"), "adding another").speaker == "Ivo Penn"


@pytest.mark.model
def test_a_quote_that_lost_its_mark_is_the_attributions_pronoun() -> None:
    text = (
        "Jane Roe spoke to the crowd on Friday.\n\n"
        "Listing several of his ventures she added, Ivo Penn is a proven failure.”\n"
    )
    assert one(quotes(text, "spacy"), "proven failure").speaker == "Jane Roe"

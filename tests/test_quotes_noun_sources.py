"""Noun-source speakers, third round (issue 17, PolNeAR spkNoun): the constructions read in
the train misses, each on a sentence written for these tests (fictional people and towns;
real place names only where the entity stage must know them as places).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_later_clause_closing_on_a_vocal_verb_gives_its_own_subject() -> None:
    text = (
        "“Somebody here is having a bad day,” Velden said as the heckler yelled: “You are a fraud!”"
    )
    found = quotes(text, "spacy")
    assert one(found, "fraud").speaker == "heckler"
    assert one(found, "bad day").speaker == "Velden"


@pytest.mark.model
def test_a_verb_with_its_subject_before_it_has_no_inverted_speaker_after_it() -> None:
    text = "As Oriel Vantos said last week in Dunmere, “The harbor is the heart of the coast.”"
    assert one(quotes(text, "spacy"), "heart of the coast").speaker == "Oriel Vantos"


@pytest.mark.model
def test_a_quotation_after_a_colon_is_the_reporter_s_not_the_reported_subject_s() -> None:
    text = (
        "In an interview, Mara Velden, the mayor of Dunmere, said Oriel Vantos was a "
        "candidate in the spirit of the coast: “He is a start-up kind of guy.”"
    )
    assert one(quotes(text, "spacy"), "start-up").speaker == "Mara Velden"


@pytest.mark.model
def test_a_person_of_a_town_and_state_is_the_speaker_not_the_state() -> None:
    text = (
        "Ilsa Marne of Dayton, Ohio says she really thinks Velden can win if she keeps "
        "“doing what she is doing.”"
    )
    assert one(quotes(text, "spacy"), "doing what").speaker == "Ilsa Marne"


@pytest.mark.model
def test_a_demonstrative_description_is_the_speaker() -> None:
    text = (
        "Mara Velden was asked about the pier.\n\n"
        "“The children do not like him,” this source told the Gazette."
    )
    assert one(quotes(text, "spacy"), "children").speaker == "source"


@pytest.mark.model
def test_a_time_between_subject_and_labelling_verb_does_not_hide_the_subject() -> None:
    text = (
        "Senator Mara Velden, the state's highest-ranking Democrat, on Tuesday called "
        "Oriel Vantos's remarks about the judge “racist,” a rare rebuke."
    )
    assert one(quotes(text, "spacy"), "racist").speaker == "Mara Velden"


@pytest.mark.model
def test_a_framing_verb_conjoined_after_a_reported_clause_is_the_reporter_s() -> None:
    text = (
        "Mara Velden, also touring Dunmere, said Vantos answers for whatever goes wrong "
        "at his rallies and accused him of “whipping up the crowds at the pier.”"
    )
    assert one(quotes(text, "spacy"), "whipping up").speaker == "Mara Velden"


@pytest.mark.model
def test_a_description_after_a_fronted_clause_is_not_that_clause_s_subject() -> None:
    text = (
        "The deputy governor was furious. Vantos is so careless, the deputy governor said, "
        "that if her nephew had enlisted, “I would have blocked the gate myself.”"
    )
    speaker = one(quotes(text, "spacy"), "gate myself").speaker
    assert speaker is not None and "Vantos" not in speaker


@pytest.mark.model
def test_a_description_before_a_relative_clause_in_commas_is_the_speaker() -> None:
    text = (
        "One volunteer, who like several others asked not to be named, said the "
        "point was that “this will not be settled by March.”"
    )
    assert one(quotes(text, "spacy"), "settled by March").speaker == "One volunteer"


@pytest.mark.model
def test_a_name_the_parse_hangs_a_reporting_verb_on_still_closes_partial_quotes() -> None:
    text = (
        "Harbors are “the worst public health crisis” and “a drain on the towns,” Oriel "
        "Vantos, the former mayor of Dunmere, proclaimed on Tuesday."
    )
    found = quotes(text, "spacy")
    assert one(found, "health crisis").speaker == "Oriel Vantos"
    assert one(found, "drain").speaker == "Oriel Vantos"


@pytest.mark.model
def test_a_two_word_retort_closes_a_quotation_next_to_its_subject() -> None:
    text = (
        "“Look at all these people,” Velden said with a smile.\n\n"
        "“They are all here for the free soup,” Oriel Vantos shot back with a laugh."
    )
    assert one(quotes(text, "spacy"), "free soup").speaker == "Oriel Vantos"


@pytest.mark.parametrize("verb", ["retorted", "barked"])
def test_more_verbs_close_a_quotation_without_a_parse(verb: str) -> None:
    text = f"Mara Velden waved.\n\n“Go back to your boat,” Vantos {verb}, and a guard led him out."
    assert one(quotes(text), "boat").speaker == "Vantos"


@pytest.mark.model
def test_a_new_sentence_reporting_its_own_clause_does_not_attribute_the_quote() -> None:
    text = (
        "The memoir accuses Velden of treating the guards like “mall security guards.” "
        "She said that is a distortion."
    )
    speaker = one(quotes(text, "spacy"), "mall security").speaker
    assert speaker is not None and "Velden" not in speaker


@pytest.mark.model
def test_a_group_a_preposition_governs_is_not_the_subject_s_head() -> None:
    text = (
        "Vantos was fined in 2012.\n\nVelden's fundraising email to her supporters notes "
        "that Ivo Penn “is a civil rights attorney who has fought for fair wages.”"
    )
    speaker = one(quotes(text, "spacy"), "civil rights").speaker
    assert speaker is not None and "supporters" not in speaker


@pytest.mark.model
def test_a_word_inside_the_quotation_is_not_its_attribution_s_subject() -> None:
    text = (
        "“My good friend Ivo Penn,” the festival host says toward the lens with a choir "
        "at her back. “We are standing here with a few neighbours.”"
    )
    found = quotes(text, "spacy")
    assert one(found, "My good friend").speaker == "festival host"
    assert one(found, "few neighbours").speaker == "festival host"


@pytest.mark.model
def test_a_reporting_verb_in_a_relative_clause_on_an_object_gives_way_to_the_main_one() -> None:
    text = (
        "Harbor reporter Ivo Penn tweeted back at Velden noting how odd the remark "
        "sounded from a rival who pledged sweeping evictions: “Your plan would tear those "
        "households apart.”"
    )
    assert one(quotes(text, "spacy"), "tear those").speaker == "Ivo Penn"


@pytest.mark.model
def test_the_issuer_of_a_statement_is_the_speaker_of_its_words() -> None:
    text = (
        "Mr. Vantos, who said last week that a judge in a case involving his school was "
        "biased against him, issued a statement Tuesday saying, “I do not feel that "
        "heritage makes anyone partial. I am asking.” He added that he was asking a question."
    )
    assert one(quotes(text, "spacy"), "heritage makes").speaker == "Vantos"


@pytest.mark.model
def test_a_verb_before_a_noun_form_is_no_attribution_but_a_noun_phrase_is() -> None:
    shouts = (
        "The chairman called for a voice vote.\n\n"
        "“Count the ballots,” came cries from the floor, as the delegates jeered."
    )
    assert one(quotes(shouts, "spacy"), "Count the ballots").speaker != "came"
    states = (
        "In the new spot, the group tries to shift the talk.\n\n"
        "“They know she is the only one strong enough,” a voice-over in the new commercial states."
    )
    speaker = one(quotes(states, "spacy"), "strong enough").speaker
    assert speaker is not None and speaker.startswith("voice-over")


@pytest.mark.model
def test_a_participle_closing_the_clause_keeps_the_main_subject() -> None:
    text = (
        "Vargas left a comment on Instagram.\n\n"
        "Velden replied to Vargas’ comment on Instagram writing, “Sure, I can. It was "
        "a clumsy phrase.”"
    )
    assert one(quotes(text, "spacy"), "clumsy phrase").speaker == "Velden"


@pytest.mark.model
def test_a_fronted_time_phrase_does_not_widen_the_description_s_search() -> None:
    text = (
        "“That would be Mara Velden,” Penn said.\n\n"
        "“Oh well, I do not want to say so,” Vantos responded.\n\n"
        "Last spring, the independent Dunmere councillor said, the pundits rated him a "
        "“novelty act,” making air quotes."
    )
    assert one(quotes(text, "spacy"), "novelty").speaker != "Mara Velden"


@pytest.mark.model
def test_an_organisation_s_document_keeps_its_words() -> None:
    text = (
        "On Thursday, her committee mailed a fundraising email stressing her record. "
        "“Our movement has already shifted his view on tariffs,” read the email."
    )
    speaker = one(quotes(text, "spacy"), "movement").speaker
    assert speaker is not None and speaker.endswith("email") and "committee" not in speaker

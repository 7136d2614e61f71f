"""Speakers from the dependency parse and the one language module (issue 17, third round):
a sentence the parser runs into the paragraph before, the clause that holds a partial quote,
an interrupted quotation across the speaker's apposition, a partial quote sharing the
attribution that closes its sentence, and the lexicon lists quotes.py reads from lang/.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes
from storyline.lang import SPEECH_VERBS
from storyline.lang.en import FRAMING_VERB_FORMS, HEARER_FORMS, ISSUING_FORMS, ISSUING_VERBS


@pytest.mark.model
def test_sentence_parsed_into_the_paragraph_before_keeps_its_own_subject() -> None:
    # the parser hangs "responded" on the last verb of the quotation before: the subject of
    # the sentence is still Penn, not the town the compound opens with
    text = (
        "Mayor Dana Roe spoke to the crews on Monday. “We will keep the harbour open, and I "
        "hope the council is listening,” Roe told Harbor Radio host Lina Marsh earlier this "
        "month. “Or the pier will be taken away from us.”\n\n"
        "Velmar campaign spokesman Ivo Penn responded on the radio, calling the plan "
        "“reckless” and “cruel.”"
    )
    found = quotes(text, "spacy")
    assert one(found, "reckless").speaker == "Ivo Penn"
    assert one(found, "cruel").speaker == "Ivo Penn"


@pytest.mark.model
def test_partial_quote_in_a_side_clause_is_that_clauses_subjects() -> None:
    text = (
        "Mayor Dana Roe met the crews on Monday, while Ivo Penn, the former harbor chief, "
        "proposed the city “sell the old ferry and start again.”"
    )
    assert one(quotes(text, "spacy"), "sell the old ferry").speaker == "Ivo Penn"


@pytest.mark.model
def test_partial_quote_in_a_relative_clause_of_a_thing_is_nobodys() -> None:
    text = (
        "Mayor Dana Roe praised the harbor plan, which promised “a ferry for every village "
        "on the coast” by the spring."
    )
    found = [q for q in quotes(text, "spacy") if "ferry for every" in q.text]
    assert all(q.speaker != "Dana Roe" for q in found)


@pytest.mark.parametrize("mode", MODES)
def test_interrupted_quotation_across_the_speakers_apposition(mode: str) -> None:
    text = (
        "“We have had offices in the port since April,” said Ola Brandt, the union's local "
        "organizer, “and we have been building trust that lasts.”"
    )
    found = quotes(text, mode)
    assert one(found, "building trust").speaker == "Ola Brandt"


@pytest.mark.parametrize("mode", MODES)
def test_present_tense_agrees_attributes(mode: str) -> None:
    text = (
        "The survey was small. “Our hopes are different now,” agrees Tomas Lind, 41, of Eastport."
    )
    assert one(quotes(text, mode), "hopes are different").speaker == "Tomas Lind"


@pytest.mark.parametrize("mode", MODES)
def test_partial_quote_shares_the_attribution_closing_its_sentence(mode: str) -> None:
    text = (
        "Mayor Dana Roe spoke on Monday. The old ferry was a “lifeline” that carried “half "
        "the town to work,” Roe recalled."
    )
    found = quotes(text, mode)
    assert one(found, "lifeline").speaker == "Dana Roe"
    assert one(found, "half the town").speaker == "Dana Roe"


@pytest.mark.parametrize("mode", MODES)
def test_partial_quote_keeps_its_own_speaker_before_another_attribution(mode: str) -> None:
    text = (
        "Mayor Dana Roe spoke on Monday. The ferry was a “relic,” said Ivo Penn, and it "
        "carried “half the town to work,” Roe recalled."
    )
    assert one(quotes(text, mode), "relic").speaker == "Ivo Penn"


@pytest.mark.parametrize("mode", MODES)
def test_message_posted_before_a_colon_is_the_posters(mode: str) -> None:
    text = (
        "The Harbor Workers Union posted a message on Friday: “We stand with the crews of "
        "the night ferry.”"
    )
    assert one(quotes(text, mode), "We stand").speaker == "Harbor Workers Union"


def test_lexicon_lists_are_single_sources() -> None:
    # the issuing verbs by lemma are the issuing table's keys; hearer verbs are speech verbs
    assert frozenset(ISSUING_FORMS) == ISSUING_VERBS
    assert {"told", "asked", "asks", "urged", "warned"} <= HEARER_FORMS
    assert "told" in SPEECH_VERBS["tell"] and "asks" in SPEECH_VERBS["ask"]
    assert {"called", "dubbed", "put it"} <= FRAMING_VERB_FORMS


@pytest.mark.model
def test_quotation_describing_the_subject_after_is_not_the_subjects_words() -> None:
    text = (
        "The harbor board met on Monday. But because Ivo Penn is “not a harbor pilot at all,” "
        "he feels free to ignore the tide tables."
    )
    found = [q for q in quotes(text, "spacy") if "harbor pilot" in q.text]
    assert all(q.speaker != "Ivo Penn" for q in found)


@pytest.mark.model
def test_a_clause_after_the_closing_mark_is_no_speaker() -> None:
    # "tables" is no verb of speech but a noun; the words before it are a clause
    text = (
        "The harbor board met on Monday. But because Ivo Penn is “not a harbor pilot at "
        "all,” the board apparently feels free to ignore the tide tables in its long plans."
    )
    found = [q for q in quotes(text, "spacy") if "harbor pilot" in q.text]
    assert all(q.speaker in (None, "harbor board") for q in found), found
    assert one(
        quotes("“That is the last ferry,” Ola Brandt pressed.", "spacy"), "last"
    ).speaker == ("Ola Brandt")


def test_a_participles_phrase_names_no_speaker() -> None:
    from storyline.stages.prepare.extract.quotes import _plain_np

    assert _plain_np("calling for a recount") is None
    assert _plain_np("giving") is None
    assert _plain_np("striking dock workers") == "striking dock workers"
    assert _plain_np("the port agents") == "port agents"

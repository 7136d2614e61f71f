"""Quotes that had no speaker (issue 17, "quotes with no speaker <= 3%").

Each form here once left a quote without a speaker though its sentence names one. All text
is written for these tests (fictional people, places and documents). Each test runs on the
rules-only path and on spaCy unless it says otherwise.
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.parametrize("mode", MODES)
def test_statement_released_with_a_participle_is_its_issuers(mode: str) -> None:
    text = (
        "Mayor Talia Brunner opened the ferry line in 2009. Last spring, she released a statement "
        "saying, “The Velmar crossing has never been safer, and it will stay that way.”"
    )
    assert one(quotes(text, mode), "never been safer").speaker == "Talia Brunner"


@pytest.mark.parametrize("mode", MODES)
def test_as_someone_put_it(mode: str) -> None:
    text = (
        "The merger closed on Friday. As the harbour board's chair, Ines Okafor, put it in "
        "her note to staff announcing the deal, “We are no longer two small ports but one.”"
    )
    assert one(quotes(text, mode), "two small ports").speaker == "Ines Okafor"


@pytest.mark.parametrize("mode", MODES)
def test_inverted_verb_and_colon(mode: str) -> None:
    text = (
        "“The locks will hold,” said engineer Bram Tessel of the canal authority.\n\n"
        "Continued Tessel: “We tested every gate twice this winter. None of them leaked.”"
    )
    speaker = one(quotes(text, mode), "every gate").speaker
    assert speaker is not None and speaker.endswith("Tessel")  # (rules: the name as written)


@pytest.mark.parametrize("mode", MODES)
def test_name_with_a_dotted_state_in_capitals(mode: str) -> None:
    text = (
        "“Neither of them speaks for the valley,” Oskar Lindahl, 41, of Brenton, N.C., "
        "who was among those surveyed, said in a later interview."
    )
    assert one(quotes(text, mode), "speaks for the valley").speaker == "Oskar Lindahl"


@pytest.mark.parametrize("mode", ["spacy"])
def test_partial_quote_inside_a_clause_whose_subject_is_a_thing(mode: str) -> None:
    text = (
        "Mayor Edda Marlow, who has no endorsements yet, said that fact speaks to which "
        "candidate is “ready to take on the council machine.”"
    )
    assert one(quotes(text, mode), "council machine").speaker == "Edda Marlow"


@pytest.mark.parametrize("mode", MODES)
def test_a_quotation_about_a_thing_still_gets_no_speaker(mode: str) -> None:
    # precision: nobody in the sentence says it, so no one is made up
    text = (
        "The plan would be paid for by “closing tax loopholes for the largest shipping "
        "firms,” the budget office estimated."
    )
    q = one(quotes(text, mode), "tax loopholes")
    assert q.speaker in (None, "budget office")


@pytest.mark.parametrize("mode", MODES)
def test_a_document_that_reads(mode: str) -> None:
    text = (
        "The harbour union sent a letter to the council on Monday.\n\n"
        "“Every delay costs our members a week of wages,” it read.\n\n"
        "Outside, a banner hung over the gate. “Ferries for all, not for some,” the banner read."
    )
    found = quotes(text, mode)
    assert one(found, "a week of wages").speaker == "letter"
    assert one(found, "Ferries for all").speaker == "banner"


@pytest.mark.parametrize("mode", ["spacy"])
def test_a_survey_found(mode: str) -> None:
    # the document is the source, as in "a poll by X shows" (indirect speech)
    text = "“Two in three residents want the bridge,” a survey by the Velmar Institute found."
    assert one(quotes(text, mode), "Two in three").speaker == "survey"


@pytest.mark.parametrize("mode", ["spacy"])
def test_comments_from_a_named_person_that(mode: str) -> None:
    text = (
        "The email appears to contradict comments from former Defense Secretary Linda Marsh "
        "that “the tides, not the crews, delayed the rescue.”"
    )
    q = one(quotes(text, mode), "delayed the rescue")
    assert q.speaker == "Linda Marsh"


@pytest.mark.parametrize("mode", MODES)
def test_an_outlet_credited_in_brackets(mode: str) -> None:
    text = (
        "FERRY FARES RISE AGAIN “The cheapest crossing now costs twice what it did in 2019, "
        "and commuters are angry.” [Velmar Daily News.]"
    )
    assert one(quotes(text, mode), "cheapest crossing").speaker == "Velmar Daily News"


@pytest.mark.parametrize("mode", ["spacy"])
def test_an_unnamed_description_that_shouts_is_the_source(mode: str) -> None:
    text = "As the ferry pulled away, a young boy on the pier shouted, “Bring the boats back!”"
    assert one(quotes(text, mode), "Bring the boats").speaker == "young boy"


@pytest.mark.parametrize("mode", MODES)
def test_a_verb_of_the_manner_of_speaking_before_the_quote(mode: str) -> None:
    text = (
        "Smiling broadly, Mayor Petra Lind thanked the crowd and then boomed, "
        "“Tonight, Velmar chose the bridge.”"
    )
    assert one(quotes(text, mode), "Velmar chose").speaker == "Petra Lind"


@pytest.mark.parametrize("mode", MODES)
def test_a_sign_reading_is_the_source_of_its_words(mode: str) -> None:
    text = "Outside the hall, a woman held a sign reading, “Velmar is not for sale.”"
    assert one(quotes(text, mode), "not for sale").speaker == "sign"


@pytest.mark.parametrize("mode", MODES)
def test_a_statement_from_a_body_has_a_speaker(mode: str) -> None:
    text = "A statement from the harbour board saying, “All crossings resume at dawn.”"
    assert one(quotes(text, mode), "crossings resume").speaker in ("statement", "harbour board")


@pytest.mark.parametrize("mode", MODES)
def test_an_adverb_is_no_speaker(mode: str) -> None:
    text = "Roe, later claiming that the port was idle, described its crews as “mostly asleep.”"
    for q in quotes(text, mode):
        assert q.speaker != "later"


@pytest.mark.parametrize("mode", ["spacy"])
def test_a_participle_goes_with_the_clause_right_before_it(mode: str) -> None:
    text = (
        "It was a sharp exchange between the two mayors, as Mrs. Petra Lind echoed the "
        "complaint, saying Mr. Roe “forgets every day that the port is not his.”"
    )
    assert one(quotes(text, mode), "forgets every day").speaker == "Petra Lind"


@pytest.mark.parametrize("mode", MODES)
def test_a_partial_quote_in_the_next_sentence_continues_the_speaker(mode: str) -> None:
    text = (
        "“The ferry is finished,” Mayor Petra Lind said on Monday. The new bridge would be "
        "“paid for twice over by the toll within ten years.”"
    )
    assert one(quotes(text, mode), "paid for twice").speaker == "Petra Lind"


@pytest.mark.parametrize("mode", MODES)
def test_another_actor_or_a_new_paragraph_stops_the_speaker(mode: str) -> None:
    text = (
        "“The ferry is finished,” Mayor Petra Lind said on Monday. Governor Ivo Roe called "
        "the plan “a bridge to nowhere for the richest towns.”\n\n"
        "The plan would be “paid for twice over by the toll within ten years.”"
    )
    found = quotes(text, mode)
    assert one(found, "bridge to nowhere").speaker == "Ivo Roe"
    assert one(found, "paid for twice").speaker is None


@pytest.mark.parametrize("mode", MODES)
def test_a_quotation_signed_with_the_quotation_dash(mode: str) -> None:
    text = (
        "Readers wrote in about the ferry.\n\n"
        "“The crossing was the best part of my week and now it is gone.” ― Mara Quist.\n\n"
        "“Bring it back before the summer.” ― Tobias Wren"
    )
    found = quotes(text, mode)
    assert one(found, "best part of my week").speaker == "Mara Quist"
    assert one(found, "before the summer").speaker == "Tobias Wren"

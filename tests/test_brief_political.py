"""The brief on stories told by several outlets, many of them opinion or analysis, mostly
undated: no count of sources that another outlet's sentence does not back, no opinion piece
stated as fact, no pronoun or quantifier pointing outside the brief, no reported speech that
was a wish, an infinitive or a clause cut short, no fact told twice by its count.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

from report_fixture import article
from storyline.models import ArticleFacts, Cite, Quote, Story
from storyline.stages.analysis.brief import (
    _clause_goes_on,
    _quote_text,
    _same_count,
    _speaker_name,
    _tells_same,
    clean_sentence,
    opinion_voice,
    reported_by_speech,
)
from storyline.stages.analysis.report import build_report


def _indirect(text: str, speaker: str = "Jo Varn") -> Quote:
    return Quote(text, speaker, None, None, "indirect", Cite("a", 0, len(text)))


def test_a_pronoun_attribution_inside_the_sentence_points_outside_it() -> None:
    assert not clean_sentence("Sixty days, she says, and then the harbour board will see who pays.")
    # a named source inside the sentence is fine
    assert clean_sentence(
        "Sixty days, Mayor Ilse Dorn says, and then the harbour board will decide."
    )


def test_a_quantifier_standing_for_people_named_elsewhere_is_no_subject() -> None:
    assert not clean_sentence("Both have the ear of the harbour master of Port Elm these days.")
    assert not clean_sentence("Some blamed the ferry board, not the skipper, for the late sailing.")
    # a quantifier with its noun names them
    assert clean_sentence(
        "Both ferry captains were fined by the harbour board of Port Elm on Monday."
    )


def test_plural_speakers_reporting_he_or_she_point_outside_the_brief() -> None:
    assert not clean_sentence("Inspectors say he sold the ferry timetables to a rival line twice.")
    # the speakers themselves
    assert clean_sentence(
        "Inspectors say they found the ferry timetables in a rival line's office."
    )
    # one speaker before an auxiliary ending in "s": "has", "was" are no plural nouns
    assert clean_sentence("The harbour master has said he will close the northern pier on Friday.")


def test_reported_speech_that_is_no_clause_is_not_shown() -> None:
    # an infinitive ("who promised to fight …" read as "said to fight …")
    assert _quote_text(_indirect("to fight the new ferry tax on the northern crossings")) is None
    # the speech verb's object ("the charter says nothing about …")
    assert _quote_text(_indirect("nothing about being questioned by the harbour board")) is None
    # a demonstrative for things named elsewhere
    assert _quote_text(_indirect("those would be ruled on by the harbour board in May")) is None
    # "its" after plural speakers: not theirs, so whose?
    assert (
        _quote_text(_indirect("its pier has sunk by an average of two metres", "Engineers")) is None
    )
    assert (
        _quote_text(_indirect("the pier has sunk by an average of two metres", "Engineers"))
        == "the pier has sunk by an average of two metres"
    )


def test_reported_speech_cut_inside_its_clause_is_not_shown() -> None:
    text = "Rescue chief Jo Varn said a boat towed through the channel reached the men at dawn."
    end = text.index(" reached")
    assert _clause_goes_on(text, end)
    full = text.index(".")
    assert not _clause_goes_on(text, full)
    # a coordinator or a preposition starts no cut
    assert not _clause_goes_on("the pier was shut and the ferry left", len("the pier was shut"))


def test_a_wish_or_a_cue_past_a_semicolon_is_no_saying() -> None:
    wish = "The board should also say, clearly and soon, that a late ferry is still a ferry."
    c = wish.index("a late ferry")
    assert not reported_by_speech(wish, Cite("a", c, len(wish) - 1))
    said = "The board said, clearly and soon, that a late ferry is still a ferry."
    c = said.index("a late ferry")
    assert reported_by_speech(said, Cite("a", c, len(said) - 1))
    semi = "About a third of the file is blacked out; the board says the names are protected."
    assert not reported_by_speech(semi, Cite("a", 0, semi.index(";")))


def test_speaker_names_read_whole() -> None:
    q = _indirect("the ferry will sail at noon", "board's chair")
    assert _speaker_name(q) == "The board's chair"


def test_another_outlets_sentence_counts_only_when_it_tells_the_same_fact() -> None:
    a = "Inspector Ilse Dorn was appointed in March to examine the ferry sinking."
    # the same names, another fact
    assert not _tells_same(a, "Inspector Ilse Dorn has had the logbooks since March.")
    # other counts
    assert not _tells_same(
        "Two reports concern the skipper Jo Varn.", "At least eleven concern the skipper Jo Varn."
    )
    # only names shared
    assert not _tells_same(
        "Both have the ear of Mayor Ilse Dorn.", "The plan now goes to Mayor Ilse Dorn."
    )
    # other verbs, few words in common
    assert not _tells_same(
        "Jo Varn, the port chief, said the new pier would be inspected every month.",
        "Port chief Jo Varn thanked divers and said the old pier had been fully rebuilt.",
    )
    # the same fact in other words
    assert _tells_same(
        "The fire was spotted by a guard who saw smoke rising from the roof of the shed.",
        "The alarm was raised after a guard noticed smoke rising from the roof.",
    )
    assert _tells_same(
        "The council approved ninety new ferry berths on Friday.",
        "Councillors voted on Friday for 90 new ferry berths.",
    )


def test_one_count_of_one_thing_is_one_fact() -> None:
    assert _same_count(
        "Fourteen harbour pilots, most of them from the north quay, walked out in protest.",
        "Fourteen pilots from the north quay of the harbour joined the strike on Monday.",
    )
    assert _same_count(
        "The ferry line cut its fleet to 52 boats from 53 on Monday.",
        "In numbers: the fleet falls from 53 to 52.",
    )
    # one shared figure of another thing is not enough
    assert not _same_count(
        "The port will count more than 2.3 million passengers by hand.",
        "The ferry line won by 611 votes out of more than 2.3 million.",
    )


def test_an_opinion_piece_is_told_apart_by_its_label_or_its_first_person() -> None:
    assert opinion_voice("Analysis — For ten years the ferry board has spoken only in notices.")
    assert opinion_voice(
        "Remember how we got here. The board sold the pier.\n\n"
        "We call it a giveaway, and our readers agree."
    )
    # a block quotation without quote marks is one paragraph: someone else's words
    assert not opinion_voice(
        "The minister spoke to reporters.\n\nWe are ready to help. We are ready to pay. "
        "Our offer stands.\n\nThe talks go on in May."
    )
    # "US" is a country
    assert not opinion_voice("US envoys met in May.\n\nThe US offer was turned down.")
    assert not opinion_voice(
        'The ferry board sold the pier on Monday. "We had no choice," its chair said.'
    )
    # what ought to be, in the writer's own sentences
    assert opinion_voice(
        "The board should publish the contract. The mayor should resign before the vote."
    )
    # what ought to be in someone's reported words: a report
    assert not opinion_voice(
        "The board said the ferry should sail by May. Its lawyer argued the fee should stay."
    )


def test_an_opinion_pieces_own_sentence_is_not_stated_as_fact() -> None:
    news = (
        "The Port Elm ferry board agreed on Monday to sell the old pier to a hotel group for 4 "
        "million crowns.\n\nThe sale was approved by five votes to two after a long meeting."
    )
    view = (
        "Remember how we got here. The ferry board agreed to sell the old pier to the first hotel "
        "group that asked, and we call that a giveaway.\n\n"
        "The harbour master Jo Varn is honest, careful and by every account respected in town.\n\n"
        "Our readers deserve better than a board that sells its history for a quick sum."
    )
    arts = [
        article("a0", news, outlet="Outlet 0", published="2031-03-02"),
        article("a1", view, outlet="Outlet 1", published="2031-03-02"),
    ]
    story = Story("s", "Port Elm", [a.id for a in arts], None, None, len(arts))
    facts = [ArticleFacts(a.id) for a in arts]
    texts = [b.text for b in build_report(story, arts, facts).brief]
    assert any("sell the old pier" in t for t in texts), texts
    assert not any("honest, careful" in t for t in texts), texts


def test_a_quote_closing_its_paragraph_is_not_credited_to_the_next_paragraphs_name() -> None:
    from storyline.stages.analysis.brief import _credited_to_other

    text = (
        'Outside his home, Jo Varn said: "I made a mistake with the ferry accounts. So I am '
        'going."\n\nThe harbour auditor, Ilse Dorn, said the accounts were wrong for years.'
    )
    part = "I made a mistake with the ferry accounts. So I am going."
    i = text.index(part)
    q = Quote(part, "Jo Varn", None, None, "direct", Cite("a", i, i + len(part)))
    assert not _credited_to_other(q, "Jo Varn", text)


def test_a_speaker_given_by_name_is_not_given_again_by_role() -> None:
    from storyline.stages.analysis.brief import _names_given

    text = '"We are heading for a recount on the pier," said the board\'s chair, Ilse Dorn.'
    part = "We are heading for a recount on the pier,"
    i = text.index(part)
    assert _names_given(text, Cite("a", i, i + len(part)), {"dorn"})
    assert not _names_given(text, Cite("a", i, i + len(part)), {"varn"})


def test_a_count_before_its_noun_at_a_distance_is_one_fact() -> None:
    assert _same_count(
        "The Green list came first, winning 31 of the 75 seats in the harbour council.",
        "With all votes counted, the Green list had 31 seats in the harbour council.",
    )


def test_a_part_of_a_group_named_elsewhere_points_outside_the_brief() -> None:
    assert not clean_sentence("In two of them, the skipper says the harbour board raised the fee.")
    assert _quote_text(_indirect("every one of them was eligible to sail on the ferry")) is None
    # the group is named in the sentence
    assert clean_sentence(
        "Two of the ferries were fined by the harbour board of Port Elm on Monday."
    )

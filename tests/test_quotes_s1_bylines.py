"""Quoted headlines credited to a byline are titles, not speech; a group's short phrase after
a verb of saying is the group's words (issue 17, session 11 s1).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


def _texts(text: str, extractor: str = "spacy") -> list[str]:
    return [q.text for q in quotes(text, extractor) if q.kind != "indirect"]


_NEWSLETTER = (
    'FAREWELL—"Harbour cafe to shut its doors in May," by the Velmar Post\'s Jane Roe: '
    '"The cafe, which opened in 1990, will close after the summer."\n\n'
    'MOVING—"Ferry line adds a night route," by Tidewater Times\' Ben Oduya '
    "http://example.com/ferry\n"
)


@pytest.mark.model
@pytest.mark.parametrize("extractor", ["spacy", "rules"])
def test_a_headline_before_a_byline_is_not_a_quote(extractor: str) -> None:
    texts = _texts(_NEWSLETTER, extractor)
    assert not any("Harbour cafe" in t for t in texts)
    assert not any("night route" in t for t in texts)


@pytest.mark.model
def test_the_quoted_excerpt_after_the_byline_stays() -> None:
    q = one(quotes(_NEWSLETTER, "spacy"), "The cafe, which opened")
    assert q.kind == "direct"


def test_byline_rule_needs_capitalised_words_up_to_a_colon_link_or_line_end() -> None:
    from storyline.stages.prepare.extract.quotes import _cited_label

    for text, quote in (
        ('"Pier reopens," by the Velmar Post\'s Jane Roe: the story', "Pier reopens,"),
        ('"Pier reopens", by Ben Oduya\nNext item', "Pier reopens"),
        ('"Pier reopens," by Harbor Daily http://example.com', "Pier reopens,"),
    ):
        s = text.index(quote)
        assert _cited_label(text, s, s + len(quote), "direct"), text
    for text, quote in (
        ('"We will win this fight," by Roe\'s account, was the line.', "We will win this fight,"),
        ('"We will win," by all accounts: a boast.', "We will win,"),
        ('those "tired and angry" by Roe.\nNext item', "tired and angry"),
        ('a "candid memoir," by Dana Roe.\nNext item', "candid memoir,"),
        ('"Pier reopens" by Ben Oduya\nNext item', "Pier reopens"),
    ):
        s = text.index(quote)
        assert not _cited_label(text, s, s + len(quote), "direct"), text


@pytest.mark.model
def test_a_groups_phrase_after_a_verb_of_saying_is_kept_with_the_group() -> None:
    text = (
        "The ferry board voted on Monday to raise fares. "
        "Dock workers argue that the plan is a “giveaway” to the owners."
    )
    q = one(quotes(text, "spacy"), "giveaway")
    assert q.kind == "partial"
    assert q.speaker is not None and "workers" in q.speaker


@pytest.mark.model
def test_a_groups_cry_is_its_words() -> None:
    text = (
        "The ferry board voted on Monday to raise fares. Dock workers are crying “fraud” over it."
    )
    q = one(quotes(text, "spacy"), "fraud")
    assert q.speaker is not None and "workers" in q.speaker


@pytest.mark.model
def test_a_groups_belief_does_not_make_a_scare_quote_its_words() -> None:
    text = (
        "The ferry board voted on Monday to raise fares. "
        "Many residents think the plan is a “giveaway” to the owners."
    )
    assert not any("giveaway" in t for t in _texts(text))


@pytest.mark.model
def test_a_title_after_a_groups_verb_of_saying_stays_out() -> None:
    text = "In Velmar, dock workers talked about “Harbour Nights” on Sunday evenings."
    assert not any("Harbour Nights" in t for t in _texts(text))


@pytest.mark.model
def test_a_plural_subject_that_is_no_group_of_people_does_not_speak() -> None:
    text = (
        "Protests have become a fixture of the rallies. The delays warn that the “harbour "
        "plan” is late."
    )
    for q in quotes(text, "spacy"):
        assert q.speaker is None or "delays" not in q.speaker, q


@pytest.mark.model
@pytest.mark.parametrize(
    "clause",
    [
        "who has cast herself as the “ferry candidate,”",
        "who has portrayed the toll as a “tax on the poor,”",
    ],
)
def test_a_phrase_a_person_presents_something_as_is_her_words(clause: str) -> None:
    text = f"Mayor Dana Roe, {clause} spoke at the Velmar pier on Monday."
    phrase = clause.split("“")[1].rstrip(",”")
    q = one(quotes(text, "spacy"), phrase)
    assert (q.speaker, q.kind) == ("Dana Roe", "partial")


def test_a_markup_attributes_value_is_not_a_quote() -> None:
    from storyline.stages.prepare.extract.quotes import _cited_label

    text = '<post post-author="ferry fans unite" post-date="May 2">The pier opens.</post>'
    s = text.index("ferry")
    assert _cited_label(text, s, s + len("ferry fans unite"), "partial")
    text = 'Roe said the toll was "a quiet robbery" on Monday.'
    s = text.index("a quiet")
    assert not _cited_label(text, s, s + len("a quiet robbery"), "partial")

"""Short quoted phrases (issue 17, s4): a personal pronoun as the subject of the verb of
labelling or saying keeps the phrase as speech, resolved to the person it stands for; one
capitalised word quoted in a name's slot (after a possessive, "of", "on") is a name, not speech.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


def _texts(text: str) -> list[str]:
    return [q.text for q in quotes(text, "spacy") if q.kind != "indirect"]


@pytest.mark.model
def test_a_label_a_pronoun_applied_is_kept_with_the_person() -> None:
    text = (
        "Mayor Dana Roe spoke at the Velmar pier on Monday. "
        "She called the new toll plan “a quiet robbery” and left without questions."
    )
    q = one(quotes(text, "spacy"), "a quiet robbery")
    assert (q.speaker, q.kind) == ("Dana Roe", "partial")


@pytest.mark.model
def test_a_phrase_a_pronoun_coined_is_kept() -> None:
    text = (
        "Ivo Penn toured the Eastport docks on Friday. "
        "He has coined a new phrase, “ferry deserts,” to describe towns without a pier."
    )
    assert one(quotes(text, "spacy"), "ferry deserts").speaker == "Ivo Penn"


@pytest.mark.model
def test_one_capitalised_word_after_a_possessive_is_a_name() -> None:
    text = "On Harbor Radio’s “Crosswind,” Lena Varga said the ferry would run all winter."
    assert "Crosswind," not in _texts(text)


@pytest.mark.model
def test_one_capitalised_word_after_of_is_a_name() -> None:
    text = (
        "Ivo Penn, who produces the third season of “Lighthouse,” said the cast was ready. "
        "The show airs in May."
    )
    assert "Lighthouse," not in _texts(text)


@pytest.mark.model
def test_a_crowds_chant_is_its_words_in_capitals_too() -> None:
    text = (
        "About 300 ferry workers marched through Velmar on Sunday, chanting “Save Our Pier.” "
        "The mayor did not come out."
    )
    q = one(quotes(text, "spacy"), "Save Our Pier")
    assert q.speaker is not None and "ferry workers" in q.speaker


@pytest.mark.model
def test_a_slogan_after_a_plural_subject_that_does_not_chant_stays_out() -> None:
    text = "In Velmar, most ferry workers watched “Harbour Nights” on Sunday evenings."
    assert not any("Harbour Nights" in t for t in _texts(text))


def test_named_word_rule_without_a_parse() -> None:
    from storyline.stages.prepare.extract.quotes import _named_word

    text = "the fourth season of “Sherlock,” she said, and chants of “Liar!” rose"
    s = text.index("Sherlock")
    assert _named_word(text, s, s + len("Sherlock,"))
    s = text.index("Liar")
    assert not _named_word(text, s, s + len("Liar!"))
    text = "the ferry “premium” fare"
    s = text.index("premium")
    assert not _named_word(text, s, s + len("premium"))

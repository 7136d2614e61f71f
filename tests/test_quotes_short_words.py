"""Short quoted phrases that are a source's words (issue 17, s3): a phrase of a few words, or
a label in capitals, in the complement of a verb of labelling, saying, vowing or criticising
is kept with that verb's subject as speaker; the writer's scare quotes and titles stay out.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


def _texts(text: str) -> list[str]:
    return [q.text for q in quotes(text, "spacy") if q.kind != "indirect"]


@pytest.mark.model
def test_a_label_the_subject_applied_is_kept_with_the_subject() -> None:
    text = "Dana Roe referred to the harbor board as “the cartel” in a long speech."
    q = one(quotes(text, "spacy"), "the cartel")
    assert (q.speaker, q.kind) == ("Dana Roe", "partial")


@pytest.mark.model
def test_a_nickname_in_capitals_after_a_labelling_verb_is_kept() -> None:
    text = "In a long speech in Velmar, Dana Roe referred to the new ferry as the “Iron Duck.”"
    assert one(quotes(text, "spacy"), "Iron Duck").speaker == "Dana Roe"


@pytest.mark.model
def test_a_label_after_identified_as_is_the_subjects() -> None:
    text = "In Velmar, Ivo Roe identified the new pier as a “hazard.”"
    assert one(quotes(text, "spacy"), "hazard").speaker == "Ivo Roe"


@pytest.mark.model
def test_a_short_phrase_after_a_verb_of_criticising_is_the_subjects() -> None:
    text = "Mayor Ivo Roe attacked Lena Varga for being a “failed captain.” The council met later."
    assert one(quotes(text, "spacy"), "failed captain").speaker == "Ivo Roe"


@pytest.mark.model
def test_a_scare_quote_of_the_writer_stays_out() -> None:
    text = "The ferry company sold its “premium” tickets to tourists in Velmar on Friday."
    assert "premium" not in _texts(text)


@pytest.mark.model
def test_a_title_after_a_verb_of_saying_stays_out() -> None:
    # a title-case phrase after a verb that does not label is a title or a slogan
    text = "Dana Roe spoke about “Tides of Velmar” at the book fair on Sunday."
    assert "Tides of Velmar" not in _texts(text)


@pytest.mark.model
def test_a_phrase_in_another_subjects_clause_stays_out() -> None:
    text = "Ivo Roe met the crews, who run the “night shift” at the Velmar pier."
    assert "night shift" not in _texts(text)


@pytest.mark.model
def test_a_clause_a_verb_of_saying_governs_is_the_subjects() -> None:
    text = "Council member Jon Penn yelled “You lie!” at the mayor during the harbor debate."
    assert one(quotes(text, "spacy"), "You lie").speaker == "Jon Penn"


@pytest.mark.model
def test_a_phrase_a_speech_noun_governs_is_the_subjects() -> None:
    text = "Ivo Roe gave a speech about the “ferry crisis” in Velmar on Monday."
    assert one(quotes(text, "spacy"), "ferry crisis").speaker == "Ivo Roe"

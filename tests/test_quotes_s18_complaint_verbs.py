"""Short quoted words in the clause a verb of commenting or complaining reports (issue 17,
eighteenth session): "Penn groused that the board “never listens to me”" quotes Penn as
surely as "Penn said that …" does, so the phrase is kept with the verb's subject; the
writer's own scare quotes, under no such verb, stay out.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import one, quotes


@pytest.mark.model
def test_a_short_phrase_a_grumbling_verb_reports_is_the_subjects() -> None:
    text = (
        "At a rally in Alder, Ivo Penn groused to the crowd that the board “never listens to me.”"
    )
    q = one(quotes(text, "spacy"), "never listens")
    assert (q.speaker, q.kind) == ("Ivo Penn", "partial")


@pytest.mark.model
def test_a_short_phrase_a_commenting_verb_reports_is_the_subjects() -> None:
    text = "Dana Roe commented that the ferry board had been “too timid” on the tolls."
    q = one(quotes(text, "spacy"), "too timid")
    assert (q.speaker, q.kind) == ("Dana Roe", "partial")


@pytest.mark.model
def test_a_writers_scare_quote_beside_such_a_verb_stays_out() -> None:
    # the quoted word sits in a clause of the writer's, not in what the verb reports
    text = "The “reformed” board met twice in Alder, and Dana Roe groused that it did nothing."
    assert not [q for q in quotes(text, "spacy") if "reformed" in q.text and q.kind != "indirect"]


@pytest.mark.model
def test_a_clause_the_parse_hangs_on_the_hearer_is_the_verbs_complement() -> None:
    # spaCy reads "that … fairly" as a relative clause of "crowd"; its "that" is a
    # conjunction and the clause has a subject of its own, so it is what "complained" reports
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.quotes import _complement_read_as_relative

    doc = load_spacy()(
        "On Friday, Roe complained to a crowd in Velmar that KRTV “never treats me fairly” "
        "before leaving."
    )
    treats = next(t for t in doc if t.text == "treats")
    assert treats.dep_ == "relcl"  # (the misreading this repairs)
    verb = _complement_read_as_relative(treats)
    assert verb is not None and verb.text == "complained"
    # a true relative clause, its "that" a pronoun, is left alone
    doc = load_spacy()("Roe spoke to a crowd that cheered “for hours” in Velmar.")
    cheered = next(t for t in doc if t.text == "cheered")
    assert _complement_read_as_relative(cheered) is None

"""Person spans cut to the name (issue 17, third speaker round): a spaced dash, an owner's
possessive, an opening conjunction or adverb, a dateline, an unclosed bracket, "the" before
a known person, a sentence-initial person noun, a quoted title-case headline; and the
pronoun resolver skipping title-case headline lines and reading "X is sure she".

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from storyline.stages.prepare.extract import entities as entities_module
from test_coref import resolver
from test_entities import entities


def test_unclosed_bracket_is_cut_off_a_span() -> None:
    text = "Ivo Kell (IKA said so"
    s, e = entities_module._strip_span(text, 0, len("Ivo Kell (IKA"))
    assert text[s:e] == "Ivo Kell"
    text = "IKA) Ivo Kell said so"
    s, e = entities_module._strip_span(text, 0, len("IKA) Ivo Kell"))
    assert text[s:e] == "Ivo Kell"
    text = "Harbour Board (HB) said"
    s, e = entities_module._strip_span(text, 0, len("Harbour Board (HB)"))
    assert text[s:e] == "Harbour Board"  # (the closing bracket goes first, then the rest)


def test_dateline_before_a_dash_opens_no_name() -> None:
    text = "KELLTOWN - Mara Quist spoke."
    s, e = entities_module._strip_span(text, 0, len("KELLTOWN - Mara Quist"))
    assert text[s:e] == "Mara Quist"


def test_person_span_cut_at_dash_and_possessive() -> None:
    text = "Dora Jane Velt - Penn's partner - said"
    assert entities_module._person_span(text, 0, len("Dora Jane Velt - Penn"), None) == (0, 14)
    text = "Kestria's Ada Lorne said"
    s, e = entities_module._person_span(text, 0, len("Kestria's Ada Lorne"), None)
    assert text[s:e] == "Ada Lorne"


def test_owned_person_in_a_span_typed_as_an_organisation() -> None:
    text = "Kestria TV’s Anna Lorne asked"
    at = entities_module._owned_person(text, 0, len("Kestria TV’s Anna Lorne"))
    assert at is not None and text[at:].startswith("Anna Lorne")
    assert entities_module._owned_person("Kestria’s Harbour Board", 0, 23) is None


def test_quoted_title_case_headline_is_a_headline_run() -> None:
    line = "An email read, “Anna Lorne Joins Growing List of Critics Over Ferry Fares.” Then"
    at = line.index("Anna")
    assert entities_module._in_headline_run(line, at, at + len("Anna Lorne"))
    plain = "An email read, “Anna Lorne said the fares were high.” Then"
    at = plain.index("Anna")
    assert not entities_module._in_headline_run(plain, at, at + len("Anna Lorne"))


@pytest.mark.model
def test_spacy_person_spans_are_cut_to_the_name() -> None:
    text = (
        "In an interview, Dora Jane Velt - Penn's partner and co-host - told the Kell Courier "
        "that the show would go on. Velt said the station had been warned.\n\n"
        "Anna Lorne spoke on Monday. Her office sent out an email stating, “Anna Lorne Joins "
        "Growing List of Critics Rebuking Harbour Board as It Raises Fares.” Lorne said more."
    )
    found = entities(text, "spacy")
    names = [e.name for e in found.values()]
    assert "Dora Jane Velt" in names
    assert not any(" - " in n or "Joins" in n for n in names)


@pytest.mark.model
def test_sentence_initial_person_noun_is_no_name() -> None:
    text = (
        "Filmmaker and author Dora Velt made her prediction on Monday.\n\n"
        "Velt said the council would lose."
    )
    found = entities(text, "spacy")
    assert all(e.name != "Filmmaker" for e in found.values())


def test_gazetteer_person_never_takes_the() -> None:
    assert not entities_module._keep_determiner("the Roe train", 7, "person")
    assert entities_module._keep_determiner("the United Nations said", 18, "org")


@pytest.mark.model
def test_headline_line_gives_no_antecedent() -> None:
    text = (
        "Pastor Wants Harbour Board Members To Be Fired Over Ferry Fares.\n\n"
        "After he criticised the fares, the pastor set his sights on the council."
    )
    co, _ = resolver(text, "spacy")
    assert co.headline(5)
    assert not co.headline(text.index("After"))
    ent = co.resolve_pronoun("he", text.index("he criticised"))
    assert ent is None or "Board" not in ent.name


@pytest.mark.model
def test_pronoun_after_is_sure_is_the_copula_subject() -> None:
    text = (
        "Ivo Penn met the council on Monday. "
        "Singer Dora Velt, star of the harbour show, is not certain she can vote for Ivo Penn."
    )
    co, _ = resolver(text, "spacy")
    ent = co.reporter_subject(text.index("she can"), "she")
    assert ent is not None and ent.name == "Dora Velt"


@pytest.mark.model
def test_given_name_and_surname_typed_as_organisation_is_a_person() -> None:
    text = (
        "Some voters like Elizabeth Symms, a 48-year-old chef who lives in Kelltown, are "
        "disappointed. Symms said she would vote anyway."
    )
    found = entities(text, "spacy")
    people = [e for e in found.values() if e.type == "PERSON"]
    assert [e.name for e in people] == ["Elizabeth Symms"]
    assert "Symms" in people[0].aliases

"""Session 14 (issue 17): pronoun speakers: the person named as a passive verb's agent
("… was backed by Ivo Penn") before the owner of its subject, and a name NER types
otherwise that a person noun stands in apposition to ("Ivo Penn, a professor at …").

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from storyline.stages.prepare.extract.coref import Coref
from test_coref import one, quotes, resolver


@pytest.mark.model
def test_a_passive_agent_is_the_one_a_later_pronoun_stands_for() -> None:
    text = (
        "Mara Quillen's budget plan was backed on Tuesday by Sen. Hilda Varrow of Dunmere, "
        "the senior member of the harbour panel, who said none of the cuts hurt the docks.\n\n"
        "“The plan keeps every ferry running,” she said in a statement."
    )
    q = one(quotes(text, "spacy"), "every ferry")
    assert q.speaker is not None and "Varrow" in q.speaker


@pytest.mark.model
def test_the_owner_of_a_passive_subject_without_a_person_agent_still_counts() -> None:
    text = (
        "Mara Quillen's budget plan was rejected on Tuesday by the harbour board.\n\n"
        "“We will bring it back next spring,” she said."
    )
    q = one(quotes(text, "spacy"), "next spring")
    assert q.speaker is not None and "Quillen" in q.speaker


@pytest.mark.model
def test_a_name_with_a_person_noun_in_apposition_is_a_person() -> None:
    from spacy.tokens import Span

    from storyline.nlp import load_spacy

    text = (
        "Jorund Halvik, a professor of maritime law at Dunmere College, said the rules "
        "had changed.\n\nAcme Tolvane, a shipping firm, said the rules cost it."
    )
    doc = load_spacy()(text)
    # NER typed the names an organisation (as it does for rare names): no entity holds them
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    coref = Coref(text, sents, [], [], doc, lambda _: False)
    first, second = list(doc.sents)[:2]
    # the person noun in apposition makes the subject a person's name
    assert coref.subject(first.start_char, first.end_char, strict=True).name == "Jorund Halvik"
    # a noun naming no person ("firm") does not
    assert coref.subject(second.start_char, second.end_char, strict=True).name == ""


@pytest.mark.model
def test_a_person_named_by_a_participle_is_the_subject() -> None:
    text = (
        "Petra Lindqvist, the harbour director, praised the plan on Monday.\n\n"
        "Outside the ferry office on Kessel Street, a worker named Tomas Ferrand had "
        "nothing but praise for the new timetable. “The boats run on time now,” he said."
    )
    q = one(quotes(text, "spacy"), "on time now")
    assert q.speaker is not None and "Ferrand" in q.speaker


@pytest.mark.model
def test_an_apposition_inside_an_apposition_names_the_subject() -> None:
    text = (
        "One of the men, Rudi Askew, 70, said the ferry was late again. The other man, "
        "his cousin Jan Obrecht, 40, cited the cost. “It is too much,” he said."
    )
    q = one(quotes(text, "spacy"), "too much")
    assert q.speaker is not None and "Obrecht" in q.speaker


@pytest.mark.model
def test_the_person_an_of_phrase_names_in_a_subject_is_what_it_is_about() -> None:
    text = (
        "Petra Lindqvist, the harbour director, praised the plan on Monday. Daniel Marrak, "
        "a ferry captain, opposed it. Tomas Ferrand, his deputy, agreed with him.\n\n"
        "The board met again. Footage of Daniel Marrak then appears on the screen. "
        "“The docks will never close,” he says."
    )
    q = one(quotes(text, "spacy"), "never close")
    assert q.speaker is not None and "Marrak" in q.speaker


@pytest.mark.model
def test_words_owner_reads_an_of_phrase_naming_one_person() -> None:
    text = (
        "Daniel Marrak, a ferry captain, opposed the plan. Footage of Daniel Marrak then "
        "appears on the screen. A photo of Daniel Marrak and Tomas Ferrand hangs there."
    )
    coref, _ = resolver(text, "spacy")
    assert coref.doc is not None
    _, footage, photo = [(s.start_char, s.end_char) for s in coref.doc.sents]
    owner = coref._words_owner(*footage, "he")
    assert owner is not None and owner.name == "Daniel Marrak"
    # two people in the phrase: no one owner
    assert coref._words_owner(*photo, "he") is None

"""Session 13 (issue 17): pronoun speakers: first-name gender against stray pronouns, a
verbless fragment cut after an abbreviation, a sentence-opening name the parse leaves off
the subject, a subject conjoined to a clause hung on the next sentence, and a person's name
typed as a place.

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from storyline.models import Entity
from storyline.stages.prepare.extract.coref import Coref
from test_coref import one, quotes, resolver


def test_two_stray_pronouns_do_not_unsex_a_known_first_name() -> None:
    # "Mary" is a known female first name; two stray "his" after her mentions (without a
    # parse the men they belong to go unseen) must not leave her a person of no gender
    # whom a later "he" fits
    text = (
        "Mary Tolvane, the harbour mayor, won the seat in Dunmere on Sunday. Tolvane met "
        "Rudi Askew, and his staff left early. Tolvane thanked Kell Dorran, and his "
        "campaign said the plan was costly."
    )
    coref, ents = resolver(text)
    mary = next(e for e in ents if e.name == "Mary Tolvane")
    assert coref.genders().get(mary.id) == "f"
    assert not coref.fits(mary, "he")


@pytest.mark.model
def test_a_verbless_fragment_after_an_abbreviation_is_no_subject() -> None:
    text = (
        "Mayor Ivo Penrick spoke in Dunmere on Monday. Penrick attacked the other bidders, "
        "notably Govs. Tarn Belloc and Rudi Askew, who insist the mayor needs seasoning.\n\n"
        "He dismissed the critics. “We had our best night,” he said."
    )
    q = one(quotes(text, "spacy"), "best night")
    assert q.speaker is not None and "Penrick" in q.speaker


@pytest.mark.model
def test_a_name_opening_a_sentence_is_its_subject_when_the_parse_gives_none() -> None:
    # (the parse of "And Roe, for all the money he won …, seems to agree"
    # sometimes hangs "Roe" on the aside's verb; ``_opening_name`` reads the name itself)
    text = (
        "And Daniel Penrick, for all the money he won for the docks last spring, "
        "seems to agree. Tarn Belloc asked the council for a vote."
    )
    coref, _ = resolver(text, "spacy")
    assert coref.doc is not None
    first = next(coref.doc.sents)
    ent = coref._opening_name(first)
    assert ent is not None and ent.name == "Daniel Penrick"
    # a name that is the object of the verb is no subject
    second = list(coref.doc.sents)[1]
    assert (
        coref._opening_name(second) is None or coref._opening_name(second).name != "Daniel Penrick"
    )


@pytest.mark.model
def test_a_person_typed_as_a_place_is_named_as_text_for_she() -> None:
    from storyline.nlp import load_spacy

    text = "Helga Marrow spoke first. Then Vilna Ostrow, a delegate, said the plan would fail. She left."
    doc = load_spacy()(text)
    helga = Entity(id="per:helga", name="Helga Marrow", type="PERSON")
    vilna = Entity(id="loc:vilna", name="Vilna Ostrow", type="LOC")
    a, b = text.index("Helga"), text.index("Helga") + len("Helga Marrow")
    c = text.index("Vilna")
    mentions = [(a, b, helga), (c, c + len("Vilna Ostrow"), vilna)]
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    coref = Coref(text, sents, mentions, [helga, vilna], doc, lambda _: False)
    ref = coref.resolve_pronoun_ref("she", text.index("She left"))
    assert ref.entity is None or ref.entity.id != "per:helga"
    assert ref.name == "Vilna Ostrow"


@pytest.mark.model
def test_the_owner_of_a_subject_thing_is_the_next_he() -> None:
    text = (
        "Tarn Belloc chairs the harbour board in Dunmere. Daniel Penrick's lawsuit demands "
        "a new hearing on the pier. He also seeks damages."
    )
    coref, _ = resolver(text, "spacy")
    he = coref.resolve_pronoun("he", text.index("He also"))
    assert he is not None and he.name == "Daniel Penrick"


@pytest.mark.model
def test_the_owner_of_a_person_noun_is_not_the_next_he() -> None:
    text = (
        "Tarn Belloc chairs the harbour board in Dunmere. Daniel Penrick's son demands "
        "a new hearing on the pier. He also seeks damages."
    )
    coref, _ = resolver(text, "spacy")
    he = coref.resolve_pronoun("he", text.index("He also"))
    assert he is None or he.name != "Daniel Penrick"


@pytest.mark.model
def test_a_man_named_before_he_in_its_sentence_leaves_an_older_subject_unsure() -> None:
    text = (
        "Mayor Daniel Penrick opened the new pier in Dunmere on Monday. The vote drew "
        "Peter Belloc's praise, and he called the pier “worth the wait.”"
    )
    coref, _ = resolver(text, "spacy")
    he = coref.resolve_pronoun("he", text.index("he called"))
    assert he is None
    # with no one named before it, the older subject stands
    text = (
        "Mayor Daniel Penrick opened the new pier in Dunmere on Monday. The vote drew "
        "praise, and he called the pier “worth the wait.”"
    )
    coref, _ = resolver(text, "spacy")
    he = coref.resolve_pronoun("he", text.index("he called"))
    assert he is not None and he.name == "Daniel Penrick"


@pytest.mark.model
def test_a_man_named_in_the_content_he_reports_is_no_rival() -> None:
    text = (
        "Mayor Daniel Penrick opened the new pier in Dunmere on Monday. The old plan looked "
        "dull next to Peter Belloc's “bold” ideas, he said."
    )
    coref, _ = resolver(text, "spacy")
    he = coref.resolve_pronoun("he", text.index("bold"))
    assert he is not None and he.name == "Daniel Penrick"

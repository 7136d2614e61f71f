"""Entities: canonical actors, aliases, roles, unnamed sources, stable ids.

All text here is written for these tests. Each behaviour runs on the rules-only path and,
where the behaviour does not depend on NER, on spaCy too.
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.models import Article, Entity
from storyline.stages.prepare.extract.entities import entity_at, extract_entities, load_gazetteer
from storyline.text import content_id

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def art(text: str) -> Article:
    return Article(id=content_id(text), source="t", text=text, raw=text, title="t")


def entities(text: str, mode: str = "rules") -> dict[str, Entity]:
    doc: Any = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    article = art(text)
    found = extract_entities(article, doc)
    for e in found:
        assert e.mentions, e.id
        for c in e.mentions:
            assert c.article == article.id
            assert 0 <= c.start < c.end <= len(text)
    ids = [e.id for e in found]
    assert len(ids) == len(set(ids)), "one Entity per canonical id"
    return {e.id: e for e in found}


def surfaces(text: str, e: Entity) -> list[str]:
    return [text[c.start : c.end] for c in e.mentions]


@pytest.mark.parametrize("mode", MODES)
def test_entities_government_aliases_merge_into_one_actor(mode: str) -> None:
    text = (
        "The United States backed the plan on Monday. U.S. diplomats drafted it, and the "
        "White House called it urgent. Washington is in talks with Ottawa, and the Trump "
        "administration wants a vote soon. US envoys travelled on Tuesday."
    )
    us = entities(text, mode)["gpe:united-states"]
    assert set(surfaces(text, us)) >= {
        "The United States", "U.S.", "the White House", "Washington", "the Trump administration", "US",
    }  # fmt: skip
    assert us.name == "United States"
    assert "Washington" in us.aliases


@pytest.mark.parametrize("mode", MODES)
def test_entities_britain_uk_and_the_british_are_one_country(mode: str) -> None:
    text = "Britain will vote for it. The UK mission confirmed this, and the British have said so."
    uk = entities(text, mode)["gpe:united-kingdom"]
    assert set(surfaces(text, uk)) == {"Britain", "The UK", "the British"}


@pytest.mark.parametrize("mode", MODES)
def test_entities_capital_names_government_but_not_a_place(mode: str) -> None:
    text = "Jerusalem rejected the draft. Later, the talks moved to a hotel in Jerusalem."
    found = entities(text, mode)
    assert surfaces(text, found["gpe:israel"]) == ["Jerusalem"]
    assert found["gpe:israel"].mentions[0].start == 0
    assert "gpe:jerusalem" in found  # the city, where the talks were held


@pytest.mark.parametrize("mode", MODES)
def test_entities_seat_of_presidency_is_an_organisation_of_its_country(mode: str) -> None:
    text = "The leaders spoke for an hour, the Elysee said."
    elysee = entities(text, mode)["org:french-presidency"]
    assert surfaces(text, elysee) == ["the Elysee"]
    assert elysee.affiliation == "gpe:france"


@pytest.mark.parametrize("mode", MODES)
def test_entities_international_organisations_and_abbreviations(mode: str) -> None:
    text = (
        "The United Nations asked for calm. A U.N. envoy flew in, and the UN Security Council "
        "met; the Security Council will meet again, UNSC diplomats said. NATO and Nato allies "
        "watched, as did the EU."
    )
    found = entities(text, mode)
    assert set(surfaces(text, found["org:united-nations"])) == {"The United Nations", "U.N."}
    assert len(found["org:un-security-council"].mentions) == 3
    assert len(found["org:nato"].mentions) == 2
    assert "org:european-union" in found


@pytest.mark.parametrize("mode", MODES)
def test_entities_person_keeps_role_and_affiliation_across_mentions(mode: str) -> None:
    text = (
        "Danish Foreign Ministry spokesperson Mette Halvorsen Strand said the ship had left. "
        "Later, Strand told reporters the cargo was safe. Ms Strand declined to say more."
    )
    found = entities(text, mode)
    person = found["per:mette-halvorsen-strand"]
    assert person.type == "PERSON"
    assert person.role == "Danish Foreign Ministry spokesperson"
    assert person.affiliation is not None
    assert person.affiliation in found
    assert (
        found[person.affiliation].affiliation == "gpe:denmark"
        or person.affiliation == "gpe:denmark"
    )
    assert surfaces(text, person) == ["Mette Halvorsen Strand", "Strand", "Ms Strand"]


@pytest.mark.parametrize("mode", MODES)
def test_entities_appositive_role(mode: str) -> None:
    text = "Jonas Ekberg, a senior fellow at the Baltic Policy Institute, said the vote was close."
    person = entities(text, mode)["per:jonas-ekberg"]
    assert person.role == "senior fellow at the Baltic Policy Institute"


@pytest.mark.parametrize("mode", MODES)
def test_entities_unnamed_sources_and_back_references(mode: str) -> None:
    text = (
        "An Israeli official involved in the talks said Friday that a draft was ready. "
        "According to the official, the text is short. A White House official agreed. "
        "Diplomatic sources said a vote was near, and one Foreign Minister, who attended "
        "the meeting, said his country would join."
    )
    found = entities(text, mode)
    isr = found["anon:israeli-official"]
    assert isr.type == "UNNAMED"
    assert isr.affiliation == "gpe:israel"
    assert isr.name == "Israeli official involved in the talks"
    assert surfaces(text, isr) == ["An Israeli official involved in the talks", "the official"]
    wh = found["anon:white-house-official"]
    assert wh.affiliation == "gpe:united-states"
    assert "anon:diplomatic-source" in found
    assert found["anon:foreign-minister"].name == "Foreign Minister"


def test_entities_plural_source_is_not_a_singular_antecedent() -> None:
    text = (
        "An Israeli official said the vote was near. U.S. officials are said to agree. "
        "The plan is ready, the official added."
    )
    found = entities(text)
    assert len(found["anon:israeli-official"].mentions) == 2
    assert len(found["anon:us-official"].mentions) == 1


def test_entities_crowd_nouns_are_actors_only_when_they_speak() -> None:
    text = "Forty workers were hurt in the blast. Several workers said the doors were locked."
    found = entities(text)
    worker = found["anon:worker"]
    assert surfaces(text, worker) == ["Several workers"]


def test_entities_definite_organisation_reference() -> None:
    text = (
        "Kelmar Shipping Company owns the vessel. The union said the crew was unpaid, "
        "and the company said it had paid every wage."
    )
    found = entities(text)
    company = found["org:kelmar-shipping-company"]
    assert "the company" in surfaces(text, company)


@pytest.mark.parametrize("mode", MODES)
def test_entities_ids_are_stable_across_articles(mode: str) -> None:
    a = entities("The U.S. and the UN signed. Pascal Marchetti, a French diplomat, said so.", mode)
    b = entities("The United States and the United Nations agreed, Pascal Marchetti said.", mode)
    for eid in ("gpe:united-states", "org:united-nations", "per:pascal-marchetti"):
        assert eid in a and eid in b


def test_entities_entity_at_prefers_the_tighter_actor() -> None:
    text = "A White House official said no."
    found = list(entities(text).values())
    hit = entity_at(found, 0, len("A White House official"))
    assert hit is not None and hit.id == "anon:white-house-official"
    inner = entity_at(found, 2, 13)  # "White House"
    assert inner is not None and inner.id == "gpe:united-states"
    assert entity_at(found, 23, 27) is None


def test_entities_gazetteer_is_data_and_consistent() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("U.N.") == ("org:united-nations", "name")
    assert gaz.lookup("the Security Council") == ("org:un-security-council", "name")
    assert gaz.lookup("French") == ("gpe:france", "demonym")
    for entry in gaz.entries.values():
        assert entry.id.split(":", 1)[0] in ("gpe", "org", "loc", "per")
        if entry.affiliation:
            assert entry.affiliation in gaz.entries, entry.id


def test_entities_pronoun_us_is_not_the_united_states() -> None:
    found = entities("They told us the plan would work, and it did.")
    assert "gpe:united-states" not in found

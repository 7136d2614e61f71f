"""Stance actors from the clause's grammar (issue 17, fourteenth session): "whether or not"
negates nothing, a deontic modal ("should") is no stance of the subject's, and a gerund
after a preposition takes its agent from the verb's object or has none. Every sentence
here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import re

import pytest

from stance_fixture import MODES, SPACY, about, parse, stances
from storyline.models import Article, Cite, Entity
from storyline.stages.prepare.extract.context import ArticleContext
from storyline.stages.prepare.extract.stances import extract_stances
from storyline.text import content_id


@pytest.mark.parametrize("mode", MODES)
def test_whether_or_not_is_no_negation(mode: str) -> None:
    text = '"A lot depends on whether or not Kestria wants to sign the harbour deal," Ada Roe said.'
    found = about(stances(text, mode), "harbour deal")
    assert all(s.stance != "oppose" for s in found), "no reversed meaning"


@pytest.mark.parametrize("mode", SPACY)
def test_whether_clause_is_questioned_not_asserted(mode: str) -> None:
    text = '"A lot depends on whether or not Kestria wants to sign the harbour deal," Ada Roe said.'
    found = about(stances(text, mode), "harbour deal")
    assert all(s.polarity != "asserted" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_a_real_negation_still_flips(mode: str) -> None:
    text = "Kestria does not want to sign the harbour deal, Ada Roe said."
    found = about(stances(text, mode), "harbour deal")
    assert found and all(s.stance == "oppose" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_should_is_no_stance_of_the_subject(mode: str) -> None:
    text = "Ada Roe attacked critics who say Ben Sark should condemn the ferry plan."
    found = about(stances(text, mode), "ferry plan")
    assert all(s.actor != "Ben Sark" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_should_be_ready_is_no_offer(mode: str) -> None:
    text = "Ben Sark said Kestria should be ready to send engineers to the port."
    found = about(stances(text, mode), "engineers")
    assert all(s.actor != "Kestria" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_thanks_for_welcoming_is_not_the_speakers_stance(mode: str) -> None:
    text = '"Thanks, Dunmere, for welcoming these families," said Ada Roe, a local teacher.'
    found = about(stances(text, mode), "families")
    assert all(s.actor != "Ada Roe" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_thanked_them_for_supporting_gives_no_actor(mode: str) -> None:
    text = "Ada Roe thanked them on Monday for supporting the ferry plan."
    found = about(stances(text, mode), "ferry plan")
    assert all(s.actor != "Ada Roe" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_gerund_after_adjunct_keeps_the_main_subject(mode: str) -> None:
    text = "Before rejecting the ferry plan, Kestria consulted its neighbours."
    found = about(stances(text, mode), "ferry plan")
    assert found and {s.actor for s in found} == {"Kestria"}


@pytest.mark.parametrize("mode", SPACY)
def test_by_gerund_after_an_object_keeps_the_subject(mode: str) -> None:
    text = "Ada Roe hopes to defeat the Harlow Party by calling for a new ferry plan."
    found = about(stances(text, mode), "ferry plan")
    assert found and {s.actor for s in found} == {"Ada Roe"}


@pytest.mark.parametrize("mode", SPACY)
def test_criticised_object_for_gerund_is_the_agent(mode: str) -> None:
    text = "Ada Roe criticised Kestria on Monday for rejecting the ferry plan."
    found = [s for s in stances(text, mode) if s.stance == "reject"]
    assert all(s.actor != "Ada Roe" for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_we_should_is_the_speakers_own(mode: str) -> None:
    text = 'Ada Roe spoke in Dunmere on Monday. "We should reject the ferry plan," Ada Roe said.'
    found = about(stances(text, mode), "ferry plan")
    assert found and {s.actor for s in found} == {"Ada Roe"}


def _cites(text: str, pattern: str, aid: str) -> list[Cite]:
    return [Cite(aid, m.start(), m.end()) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("mode", SPACY)
def test_a_persons_supporters_are_not_the_person(mode: str) -> None:
    text = "Ben Sark toured Dunmere on Monday. Sark's supporters urged the council to drop the ferry plan."
    doc = parse(text, mode)
    article = Article(id=content_id(text), source="t", text=text, raw=text, title="t")
    ents = [
        Entity(
            "per:ben-sark",
            "Ben Sark",
            "PERSON",
            mentions=_cites(text, r"(?:Ben )?Sark\b(?!')", article.id),
        ),
        Entity(
            "anon:sark-supporter",
            "Sark's supporters",
            "UNNAMED",
            mentions=_cites(text, r"Sark's supporters", article.id),
            affiliation="per:ben-sark",
        ),
    ]
    found = about(
        extract_stances(article, doc, ents, ArticleContext(article, doc, ents)), "council"
    )
    assert found, "the supporters' demand is found"
    assert all(s.actor != "Ben Sark" and s.actor_entity != "per:ben-sark" for s in found)
    assert all("supporters" in s.actor for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_object_noun_before_gerund_keeps_the_verbs_subject(mode: str) -> None:
    text = "Ada Roe makes no apologies for rejecting the ferry plan."
    found = about(stances(text, mode), "ferry plan")
    assert found and {s.actor for s in found} == {"Ada Roe"}

"""A stance read inside someone's quotation (issues 17/18, seventeenth session): words about
another actor are the speaker's claim about it, kept under the confidence threshold so the
brief, profile and conflicts leave them out; the speaker's own first-person stance stays
usable. Every sentence here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import re

import pytest

from stance_fixture import MODES, SPACY, about, parse, stances
from storyline.models import CONFIDENCE_THRESHOLD, Article, Cite, Entity, Stance, usable
from storyline.stages.prepare.extract.context import ArticleContext
from storyline.stages.prepare.extract.stances import extract_stances
from storyline.text import content_id


@pytest.mark.parametrize("mode", MODES)
def test_quoted_words_about_another_actor_are_not_its_stance(mode: str) -> None:
    text = (
        "Ada Roe spoke in Alder on Monday.\n"
        "“The Brill Council has rejected every plan with a park in it,” Roe said."
    )
    found = about(stances(text, mode), "every plan")
    assert found, "the stance is still read"
    for s in found:
        assert not usable(s), (s.actor, s.confidence)
        assert s.confidence < CONFIDENCE_THRESHOLD


@pytest.mark.parametrize("mode", MODES)
def test_quoted_first_person_stance_stays_the_speakers(mode: str) -> None:
    text = "Ada Roe spoke in Alder on Monday.\n“We reject every plan with a park in it,” Roe said."
    found = about(stances(text, mode), "every plan")
    assert found and all(usable(s) and "Roe" in s.actor for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_unquoted_report_is_untouched(mode: str) -> None:
    text = "The Brill Council has rejected every plan with a park in it."
    found = about(stances(text, mode), "every plan")
    assert found and all(usable(s) for s in found)


def test_report_lists_a_quoted_claim_as_uncertain() -> None:
    from report_fixture import article, cite
    from storyline.models import ArticleFacts, Story
    from storyline.render import render_html, render_markdown
    from storyline.render.view import story_view
    from storyline.stages.analysis.report import build_report

    a = article("a1", "“The Brill Council has rejected every plan,” Roe said in Alder.")
    claim = Stance(
        "Brill Council", "reject", "every plan", None, [cite(a, "has rejected every plan")],
        confidence=0.4,
    )  # fmt: skip
    facts = ArticleFacts("a1", stances=[claim])
    rep = build_report(Story("s-1", "Alder", ["a1"], None, None, 1), [a], [facts])
    assert rep.stances, "the claim is still listed"
    assert "**Brill Council** reject (uncertain) every plan" in render_markdown(rep)
    assert "(uncertain)" in render_html(rep)
    assert story_view(rep).stances[0].label == "uncertain"  # the web page's list


@pytest.mark.parametrize("mode", MODES)
def test_a_spokesman_voices_the_body_he_speaks_for(mode: str) -> None:
    text = (
        "Ben Penn, a spokesman for the Brill Council, spoke in Alder.\n"
        "“The Brill Council rejects every plan with a park in it,” Penn said."
    )
    found = about(stances(text, mode), "every plan")
    assert found and all(usable(s) and "Brill" in s.actor for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_a_critic_does_not_speak_for_the_body(mode: str) -> None:
    text = (
        "Ben Penn, a critic of the Brill Council, spoke in Alder.\n"
        "“The Brill Council rejects every plan with a park in it,” Penn said."
    )
    found = about(stances(text, mode), "every plan")
    assert found and not any(usable(s) for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_a_title_elsewhere_in_the_sentence_is_not_the_speakers(mode: str) -> None:
    # the leader title is Roe's, not Penn's: Penn's words about the Brill Council stay his claim
    text = (
        "Brill Council leader Ada Roe met Ben Penn in Alder.\n"
        "“The Brill Council rejects every plan with a park in it,” Penn said."
    )
    found = about(stances(text, mode), "every plan")
    assert found and not any(usable(s) for s in found)


def _with_role(role: str, mode: str) -> list[Stance]:
    """Roe's title read by the entity stage elsewhere (``Entity.role``/``affiliation``), not
    written next to her name here."""
    text = "Ada Roe spoke in Alder on Monday.\n“The Brill Council rejects every plan,” Roe said."
    doc = parse(text, mode)
    article = Article(id=content_id(text), source="t", text=text, raw=text, title="t")

    def at(word: str) -> list[Cite]:
        return [Cite(article.id, m.start(), m.end()) for m in re.finditer(word, text)]

    ents = [
        Entity("per:ada-roe", "Ada Roe", "PERSON", mentions=at("Ada Roe|Roe(?= said)"),
               role=role, affiliation="org:brill-council"),
        Entity("org:brill-council", "Brill Council", "ORG", mentions=at("Brill Council")),
    ]  # fmt: skip
    return extract_stances(article, doc, ents, ArticleContext(article, doc, ents))


@pytest.mark.parametrize("mode", MODES)
def test_the_entity_stages_title_makes_a_spokesperson(mode: str) -> None:
    found = about(_with_role("Brill Council spokesperson", mode), "every plan")
    assert found and all(usable(s) and s.actor == "Brill Council" for s in found)
    found = about(_with_role("a critic of the Brill Council", mode), "every plan")
    assert found and not any(usable(s) for s in found)


@pytest.mark.parametrize("mode", SPACY)  # (the rules run reads no stance in it)
def test_a_partial_quotation_after_the_named_actor_is_a_report(mode: str) -> None:
    # the writer names the council; the marks only quote the words (as in indirect speech)
    text = (
        "“The talks went well,” Ada Roe said in Alder. She added that the Brill Council was"
        " “ready to sign the harbour deal”."
    )
    found = about(stances(text, mode), "harbour deal")
    assert found and all(usable(s) and "Brill" in s.actor for s in found)

"""Polarity and confidence of quotes and stances (issue 17): no denial reads as an assertion.

All text here is written for these tests (fictional places and people). Each extraction case
runs on the rules-only path and on the spaCy path (marked ``model``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from storyline.models import (
    CONFIDENCE_THRESHOLD,
    POLARITIES,
    Article,
    ArticleFacts,
    Cite,
    Entity,
    Quote,
    Stance,
    usable,
)
from storyline.serde import facts_from_json, facts_to_json
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.polarity import read_polarity
from storyline.stages.prepare.extract.quotes import extract_quotes
from storyline.stages.prepare.extract.stances import extract_stances
from storyline.text import content_id

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def _doc(text: str, mode: str) -> Any:
    if mode != "spacy":
        return None
    from storyline.nlp import load_spacy

    return load_spacy()(text)


def quotes(text: str, mode: str) -> list[Quote]:
    a = Article(id=content_id(text), source="t", text=text, raw=text, title="t")
    doc = _doc(text, mode)
    found = extract_quotes(a, doc, extract_entities(a, doc))
    for q in found:
        assert q.polarity in POLARITIES
        assert 0.0 <= q.confidence <= 1.0
    return found


def stances(text: str, mode: str, entities: list[Entity]) -> list[Stance]:
    a = Article(id="p1", source="t", text=text, raw=text, title="t")
    found = extract_stances(a, _doc(text, mode), entities)
    for s in found:
        assert s.polarity in POLARITIES
        assert 0.0 <= s.confidence <= 1.0
    return found


def gpe(text: str, name: str) -> Entity:
    at = text.index(name)
    return Entity(
        id=f"gpe:{name.lower()}",
        name=name,
        type="GPE",
        mentions=[Cite("p1", at, at + len(name))],
    )


def reading(sentence: str, content: str, mode: str) -> str:
    a = sentence.index(content)
    return read_polarity(
        sentence, _doc(sentence, mode), (0, len(sentence)), a, a + len(content)
    ).polarity


# -- the reading of one content, each form ------------------------------------------------------

READINGS = [
    # denial verb
    (
        "The mayor of Eastvale denied that the harbour toll would rise next spring.",
        "the harbour toll would rise next spring",
        "denied",
    ),
    (
        "The mayor of Eastvale has repeatedly denied the council ever planned a new toll.",
        "the council ever planned a new toll",
        "denied",
    ),
    # "rejected the claim that", "dismissed reports that"
    (
        "Nordia rejected the claim that its ships had entered the strait.",
        "its ships had entered the strait",
        "denied",
    ),
    (
        "The ministry dismissed reports that the minister would resign.",
        "the minister would resign",
        "denied",
    ),
    # negated reports
    (
        "The coach did not say that the team would move to Lakeside.",
        "the team would move to Lakeside",
        "denied",
    ),
    (
        "The coach never said the team would move to Lakeside.",
        "the team would move to Lakeside",
        "denied",
    ),
    (
        "The union has not confirmed that the strike will end on Friday.",
        "the strike will end on Friday",
        "denied",
    ),
    (
        "The union declined to say whether the strike will end on Friday.",
        "whether the strike will end on Friday",
        "questioned",
    ),
    # a refusal or a negated report that leaves the content open is no denial of it
    (
        "The coach would not say whether the team would move to Lakeside.",
        "whether the team would move to Lakeside",
        "questioned",
    ),
    # a negated belief, intention or attitude ("does not think", "never backed", "did not
    # call for")
    (
        "The mayor of Eastvale does not think the harbour toll will rise next spring.",
        "the harbour toll will rise next spring",
        "denied",
    ),
    (
        "The union never backed the plan to close the shipyard.",
        "the plan to close the shipyard",
        "denied",
    ),
    (
        "The union did not call for a strike at the shipyard.",
        "a strike at the shipyard",
        "denied",
    ),
    (
        "The union does not want to close the shipyard before winter.",
        "to close the shipyard before winter",
        "denied",
    ),
    # "not only": no negation of the cue
    (
        "The union not only backed the plan to close the shipyard but paid for it.",
        "the plan to close the shipyard",
        "asserted",
    ),
    # conditions: "unless" is the negation of "if", both conditional
    (
        "The farmers will block the road unless the tariff is renegotiated, their leader said.",
        "The farmers will block the road unless the tariff is renegotiated",
        "conditional",
    ),
    (
        "The farmers said they will block the road if the tariff rises.",
        "they will block the road if the tariff rises",
        "conditional",
    ),
    # hypotheticals and counterfactuals
    (
        "Had the ferry left on time, it would have avoided the storm, the captain said.",
        "it would have avoided the storm",
        "hypothetical",
    ),
    (
        "The pilots would strike if the airline cut their pay, a union leaflet suggested.",
        "The pilots would strike if the airline cut their pay",
        "hypothetical",
    ),
    # questions
    (
        "A reporter asked whether the ferry would sail on Sunday.",
        "the ferry would sail on Sunday",
        "questioned",
    ),
    # asserted controls
    (
        "The harbour master said the ferry will sail on Sunday.",
        "the ferry will sail on Sunday",
        "asserted",
    ),
    (
        "The harbour master rejected the plan and said the ferry will sail on Sunday.",
        "the ferry will sail on Sunday",
        "asserted",
    ),
    (
        "Under the new rules the port board would have the power to fine ferries, an aide said.",
        "the port board would have the power to fine ferries",
        "asserted",
    ),
    (
        "Even if it rains, the fair will open, the organisers said.",
        "the fair will open",
        "asserted",
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("sentence", "content", "want"), READINGS)
def test_reading(sentence: str, content: str, want: str, mode: str) -> None:
    assert reading(sentence, content, mode) == want


# -- quotes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_denied_indirect_quote_is_marked_denied(mode: str) -> None:
    found = quotes("Mayor Lena Varga denied that the council had sold the old harbour.", mode)
    # kept and marked (the parse finds the clause), or not emitted (the rules): never asserted
    assert found or mode == "rules"
    assert all(q.polarity == "denied" for q in found), [(q.text, q.polarity) for q in found]
    assert not any(usable(q) for q in found)


@pytest.mark.parametrize("mode", MODES)
def test_did_not_say_is_no_assertion(mode: str) -> None:
    text = "Lena Varga did not say that the council had sold the old harbour."
    assert all(q.polarity == "denied" for q in quotes(text, mode))


@pytest.mark.parametrize("mode", MODES)
def test_quoted_question_is_questioned(mode: str) -> None:
    text = "“Who will pay for the new bridge?” Lena Varga asked at the meeting."
    found = quotes(text, mode)
    assert found
    assert one_with(found, "new bridge").polarity == "questioned"


@pytest.mark.parametrize("mode", MODES)
def test_quoted_unless_is_conditional(mode: str) -> None:
    text = "“We will close the ferry line unless the subsidy returns,” Lena Varga said."
    q = one_with(quotes(text, mode), "ferry line")
    assert q.polarity == "conditional"


@pytest.mark.parametrize("mode", MODES)
def test_plain_quote_stays_asserted_and_confident(mode: str) -> None:
    text = "“The ferry line will reopen in May,” Lena Varga said on Tuesday."
    q = one_with(quotes(text, mode), "ferry line")
    assert q.polarity == "asserted"
    assert q.confidence >= CONFIDENCE_THRESHOLD
    assert usable(q)


def one_with(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.text) for q in found]
    return hits[0]


# -- stances ------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_denial_is_never_the_opposite_stance(mode: str) -> None:
    text = "Norland has denied ever seeking long-range missiles."
    found = stances(text, mode, [gpe(text, "Norland")])
    # either dropped or marked denied: never an asserted request for missiles
    assert all(s.polarity == "denied" for s in found), [(s.stance, s.polarity) for s in found]
    assert not any(usable(s) for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_did_not_say_it_would_back(mode: str) -> None:
    text = "Norland did not say it would back the canal treaty."
    found = stances(text, mode, [gpe(text, "Norland")])
    assert all(s.polarity == "denied" for s in found), [(s.stance, s.polarity) for s in found]


@pytest.mark.parametrize("mode", MODES)
def test_unless_condition_is_kept_as_unless(mode: str) -> None:
    text = "Norland will not sign the canal treaty unless it is renegotiated."
    found = stances(text, mode, [gpe(text, "Norland")])
    s = next(s for s in found if s.actor == "Norland")
    assert s.condition == "unless it is renegotiated"
    assert s.polarity == "conditional"


@pytest.mark.parametrize("mode", MODES)
def test_if_condition_is_conditional(mode: str) -> None:
    text = "Norland is ready to send 200 engineers if the canal authority approves the plan."
    found = stances(text, mode, [gpe(text, "Norland")])
    s = next(s for s in found if s.stance == "offer")
    assert s.condition == "the canal authority approves the plan"
    assert s.polarity == "conditional"
    assert usable(s)  # a conditional stance carries its condition: shown with it


@pytest.mark.parametrize("mode", MODES)
def test_would_if_is_hypothetical(mode: str) -> None:
    text = "Norland would support the canal treaty if the tolls were halved."
    found = stances(text, mode, [gpe(text, "Norland")])
    assert found
    assert all(s.polarity == "hypothetical" for s in found), [(s.stance, s.polarity) for s in found]
    assert not any(usable(s) for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_question_stance_is_questioned(mode: str) -> None:
    text = "Will Norland support the canal treaty?"
    found = stances(text, mode, [gpe(text, "Norland")])
    assert all(s.polarity == "questioned" for s in found)


@pytest.mark.parametrize("mode", MODES)
def test_plain_stance_is_asserted(mode: str) -> None:
    text = "Norland supports the canal treaty."
    s = next(iter(stances(text, mode, [gpe(text, "Norland")])))
    assert (s.stance, s.polarity) == ("support", "asserted")
    assert usable(s)


# -- contract: serde, JSON, threshold ----------------------------------------------------------


def test_facts_round_trip_keeps_polarity() -> None:
    facts = ArticleFacts(
        article_id="p1",
        quotes=[Quote("x y z", "A", None, None, "indirect", Cite("p1", 0, 5), "denied", 0.4)],
        stances=[Stance("A", "support", "t", None, [Cite("p1", 0, 5)], None, "questioned", 0.3)],
    )
    back = facts_from_json(facts_to_json(facts))
    assert (back.quotes[0].polarity, back.quotes[0].confidence) == ("denied", 0.4)
    assert (back.stances[0].polarity, back.stances[0].confidence) == ("questioned", 0.3)
    # a fact stored before the fields existed loads as asserted (the extractor version
    # bump recomputes stale caches; this only keeps an old row readable)
    old = json.loads(facts_to_json(facts))
    for q in old["quotes"]:
        del q["polarity"], q["confidence"]
    assert facts_from_json(json.dumps(old)).quotes[0].polarity == "asserted"


def test_usable_rule() -> None:
    cite = Cite("p1", 0, 5)
    assert usable(Stance("A", "offer", "t", None, [cite], None, "asserted", 0.8))
    assert not usable(Stance("A", "offer", "t", None, [cite], None, "asserted", 0.3))
    assert not usable(Stance("A", "request", "t", None, [cite], None, "denied", 0.9))
    assert not usable(Stance("A", "offer", "t", None, [cite], None, "hypothetical", 0.9))
    assert usable(Stance("A", "offer", "t", "x", [cite], None, "conditional", 0.9))
    assert not usable(Stance("A", "offer", "t", None, [cite], None, "conditional", 0.9))


# -- the report: the brief, profile and claims use only usable items ------------------------------


def test_report_keeps_denied_items_marked_and_out_of_profile_and_claims() -> None:
    from report_fixture import story_fixture
    from storyline.render import render_json, render_markdown
    from storyline.stages.analysis.report import build_report

    story, arts, facts = story_fixture()
    a = arts[0]
    whole = Cite(a.id, 0, min(60, len(a.text)))
    denied = Stance(
        "Zorland", "request", "a veto over the harbour", "the vote slips", [whole], None,
        "denied", 0.9,
    )  # fmt: skip
    hypo = Stance(
        "Quarria", "demand", "a seat on the harbour board", "the vote slips", [whole], None,
        "hypothetical", 0.9,
    )  # fmt: skip
    cond = Stance(
        "Vellmark", "offer", "two tugboats", "unless the vote slips", [whole], None,
        "conditional", 0.9,
    )  # fmt: skip
    facts[0].stances += [denied, hypo, cond]
    report = build_report(story, arts, facts)
    data = json.loads(render_json(report))
    shown = {s["actor"]: s for s in data["stances"]}
    assert shown["Zorland"]["polarity"] == "denied"
    assert shown["Quarria"]["polarity"] == "hypothetical"
    assert all("confidence" in s and "polarity" in s for s in data["stances"])
    assert all("polarity" in q and 0 <= q["confidence"] <= 1 for q in data["quotes"])
    assert all(0 <= c["confidence"] <= 1 for c in data["claims"])
    assert all(0 <= c["confidence"] <= 1 for c in data["conflicts"])
    profile_text = json.dumps(data["profile"])
    claims_text = json.dumps(data["claims"])
    for actor in ("Zorland", "Quarria"):
        assert actor not in profile_text
        assert actor not in claims_text
    # the conditional offer keeps "unless" as written, in the profile too
    assert "Vellmark" in profile_text or "Vellmark" in claims_text
    assert "(if: unless" not in profile_text and "if: the vote" not in profile_text
    md = render_markdown(report)
    assert "request (denied)" in md

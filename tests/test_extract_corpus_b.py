"""Quantities, dates, events and stances on the reference corpus (../shared/corpus/gaza-isf).

Asserts what a careful reader of the five articles finds, on values and actor ids (never on
copied sentences): Indonesia's troop offer in three wordings with three hedges, dates
resolved against the one published date, Israel's conditions on the resolution as stances
of Israel, offers that carry their conditions. Runs on the rules-only path and on spaCy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.models import Article, ArticleFacts, RawDoc
from storyline.stages.prepare.clean import clean_document
from storyline.stages.prepare.extract.dates import extract_dates, infer_date_bounds
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.events import build_events
from storyline.stages.prepare.extract.quantities import extract_quantities
from storyline.stages.prepare.extract.stances import STANCE_TYPES, extract_stances

pytestmark = [pytest.mark.corpus]

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def load(corpus: Path) -> list[Article]:
    return [
        clean_document(RawDoc(source=str(p), text=p.read_text(errors="replace")), ingested_at="")
        for p in sorted(corpus.glob("*.txt"))
    ]


def run(article: Article, mode: str) -> ArticleFacts:
    doc: Any = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(article.text)
    entities = extract_entities(article, doc)
    dates = extract_dates(article, doc)
    return ArticleFacts(
        article_id=article.id,
        entities=entities,
        quantities=extract_quantities(article, doc, entities),
        dates=dates,
        events=build_events(article, doc, dates, entities),
        stances=extract_stances(article, doc, entities),
    )


@pytest.fixture(scope="module", params=MODES)
def corpus_facts(
    request: pytest.FixtureRequest, corpus_dir: Path
) -> Iterator[list[tuple[Article, ArticleFacts]]]:
    articles = load(corpus_dir)
    assert len(articles) == 5
    yield [(a, run(a, request.param)) for a in articles]


def test_every_cite_is_inside_its_article(corpus_facts: list[tuple[Article, ArticleFacts]]) -> None:
    for a, f in corpus_facts:
        n = len(a.text)
        cites = [q.cite for q in f.quantities] + [d.cite for d in f.dates]
        cites += [c for e in f.events for c in e.cites] + [c for s in f.stances for c in s.cites]
        assert all(c.article == a.id and 0 <= c.start < c.end <= n for c in cites)
        assert all(q.text == a.text[q.cite.start : q.cite.end] for q in f.quantities)
        assert all(d.date_text == a.text[d.cite.start : d.cite.end] for d in f.dates)
        assert all(s.stance in STANCE_TYPES for s in f.stances)


def test_indonesia_troops_three_ways(corpus_facts: list[tuple[Article, ArticleFacts]]) -> None:
    offers = [
        q
        for _, f in corpus_facts
        for q in f.quantities
        if q.value == 20000 and q.measure == "troops" and q.subject_entity == "gpe:indonesia"
    ]
    hedges = {q.hedge for q in offers}
    assert {"up_to", "at_least", "exact"} <= hedges
    up_to = next(q for q in offers if q.hedge == "up_to")
    assert (up_to.low, up_to.high) == (None, 20000)
    at_least = next(q for q in offers if q.hedge == "at_least")
    assert (at_least.low, at_least.high) == (20000, None)
    # four articles carry the number (one in a sub-heading and the body)
    assert len({q.cite.article for q in offers}) == 3


def test_other_numbers(corpus_facts: list[tuple[Article, ArticleFacts]]) -> None:
    qs = [q for _, f in corpus_facts for q in f.quantities]
    by_value = {(q.value, q.hedge, q.measure) for q in qs}
    assert (24, "up_to", "troops") in by_value  # "two dozen" American troops
    assert (193, "exact", "members") in by_value  # the General Assembly
    assert (40, "nearly", "nations") in by_value
    assert (60000, "up_to", "troops") in by_value  # the experts' estimate
    assert (1000, "exact", "engineers") in by_value
    # no chapter, resolution or year is counted as a quantity
    assert not any(q.value in (7, 2018, 2025, 2027) for q in qs)


def test_dates_of_the_dated_article(corpus_facts: list[tuple[Article, ArticleFacts]]) -> None:
    dated = [(a, f) for a, f in corpus_facts if a.published]
    assert len(dated) == 1
    a, f = dated[0]
    assert a.published == "2025-11-05"
    got = {(d.date, d.precision) for d in f.dates}
    assert ("2025-10", "month") in got  # a year-less month before publication
    assert ("2027", "year") in got  # the end of the mandate
    assert infer_date_bounds(f.dates) == ("2025-10", "2027")
    summaries = {e.date: e.summary.lower() for e in f.events}
    assert "ceasefire" in summaries["2025-10"]
    assert "isf" in summaries["2027"] or "force" in summaries["2027"]


def test_undated_articles_leave_relative_dates_unresolved(
    corpus_facts: list[tuple[Article, ArticleFacts]],
) -> None:
    undated = [(a, f) for a, f in corpus_facts if not a.published]
    assert len(undated) == 4
    relative = [d for _, f in undated for d in f.dates if d.relative]
    assert len(relative) >= 10
    assert all(d.date is None for d in relative)
    # the one absolute year in them is kept
    assert any(d.date == "2018" for _, f in undated for d in f.dates)


def test_relative_dates_resolve_once_a_published_date_is_known(corpus_dir: Path) -> None:
    """The article with a weekday, a month and a year-less date, given a publication day.

    2025-10-10 is a Friday: "Thursday" (past) is the day before, "Tuesday" that week,
    "last month" September, and the year-less September date takes 2025.
    """
    a = next(a for a in load(corpus_dir) if "Sept. 23" in a.text)
    a = dataclasses.replace(a, published="2025-10-10")
    got = {d.date_text: d.date for d in extract_dates(a, None)}
    assert got["Thursday"] == "2025-10-09"
    assert got["Tuesday"] == "2025-10-07"
    assert got["Sept. 23"] == "2025-09-23"
    assert got["last month"] == "2025-09"
    assert got["this week"] == "2025-10"


def test_israel_conditions_are_stances_of_israel(
    corpus_facts: list[tuple[Article, ArticleFacts]],
) -> None:
    israel = [s for _, f in corpus_facts for s in f.stances if s.actor_entity == "gpe:israel"]
    assert all(s.actor == "Israel" for s in israel)
    positions = [(s.stance, s.target.lower()) for s in israel]

    def has(stance_types: set[str], *words: str) -> bool:
        return any(t in stance_types and all(w in target for w in words) for t, target in positions)

    assert has({"demand"}, "non-binding")
    assert has({"oppose", "reject"}, "chapter 7")
    assert has({"demand", "oppose"}, "reporting requirement")
    assert has({"demand"}, "not led by european")
    assert has({"oppose"}, "peacekeeping mission")
    assert has({"concede"}, "un mandate")  # hesitant at first, then backed down
    # the three articles that report Israel's positions all contribute
    articles = {c.article for s in israel if s.stance in ("demand", "oppose") for c in s.cites}
    assert len(articles) >= 2


def test_offers_carry_their_conditions(corpus_facts: list[tuple[Article, ArticleFacts]]) -> None:
    offers = [s for _, f in corpus_facts for s in f.stances if s.stance in ("offer", "pledge")]
    indonesia = [s for s in offers if s.actor_entity == "gpe:indonesia"]
    assert {s.stance for s in indonesia} == {"offer", "pledge"}
    conditioned = [s for s in indonesia if s.condition]
    assert len(conditioned) == 2
    assert any("approves" in s.condition for s in conditioned if s.condition)
    assert any(
        "security council resolution" in s.condition.lower() for s in conditioned if s.condition
    )
    italy = [s for s in offers if s.actor_entity == "gpe:italy"]
    assert any(s.condition and "force is formed" in s.condition for s in italy)
    assert any(s.actor_entity == "gpe:azerbaijan" for s in offers)


def test_participation_conditions_of_others(
    corpus_facts: list[tuple[Article, ArticleFacts]],
) -> None:
    conditions = [s for _, f in corpus_facts for s in f.stances if s.stance == "condition"]
    # Arab states will not commit troops without a resolution
    arab = [s for s in conditions if s.actor.lower() == "arab states"]
    assert arab and arab[0].target == "commit troops"
    assert "security council resolution" in (arab[0].condition or "").lower()
    # nations that would join only with a UN mandate
    assert any(
        s.target == "join" and "un mandate" in (s.condition or "").lower() for s in conditions
    )

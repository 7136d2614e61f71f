"""Dates (found with exact offsets, resolved against the published date where the text
allows) and the timeline events built on them.

All text here is written for these tests.
"""

from __future__ import annotations

import re

import pytest

from storyline.models import Article, Cite, DateMention, Entity, Event
from storyline.stages.prepare.extract.dates import extract_dates, find_date_spans, infer_date_bounds
from storyline.stages.prepare.extract.events import build_events


def art(text: str, published: str | None = None) -> Article:
    return Article(id="a1", source="t", text=text, raw=text, title="t", published=published)


def by_text(mentions: list[DateMention]) -> dict[str, DateMention]:
    return {m.date_text: m for m in mentions}


def one(text: str, published: str | None = None) -> DateMention:
    found = extract_dates(art(text, published), None)
    assert len(found) == 1, [m.date_text for m in found]
    return found[0]


# 2024-03-15 is a Friday.
PUB = "2024-03-15"


@pytest.mark.parametrize(
    ("text", "date_text", "date", "precision"),
    [
        (
            "The ministry met on November 5, 2025 to sign it.",
            "November 5, 2025",
            "2025-11-05",
            "day",
        ),
        (
            "Wednesday, November 5, 2025 was the deadline.",
            "Wednesday, November 5, 2025",
            "2025-11-05",
            "day",
        ),
        ("The pact was signed on 5 November 2025 in Oslo.", "5 November 2025", "2025-11-05", "day"),
        ("The filing is dated 2025-11-05 in the register.", "2025-11-05", "2025-11-05", "day"),
        ("Prices rose in October 2024 across the region.", "October 2024", "2024-10", "month"),
        ("The mandate runs until the end of 2027 at least.", "the end of 2027", "2027", "year"),
        ("The port should reopen by mid-2026, engineers say.", "mid-2026", "2026", "year"),
        ("The mission has been in place since 2018 in the north.", "2018", "2018", "year"),
    ],
)
def test_absolute_dates(text: str, date_text: str, date: str, precision: str) -> None:
    m = one(text)
    assert (m.date_text, m.date, m.precision, m.relative) == (date_text, date, precision, False)
    assert text[m.cite.start : m.cite.end] == date_text


@pytest.mark.parametrize(
    ("text", "date_text", "date", "precision"),
    [
        ("The minister said Thursday that talks went well.", "Thursday", "2024-03-14", "day"),
        ("The council voted on Friday to approve the budget.", "Friday", "2024-03-15", "day"),
        ("The envoy will meet the rebels on Monday in the capital.", "Monday", "2024-03-18", "day"),
        ("The envoy is expected to arrive on Tuesday with aid.", "Tuesday", "2024-03-19", "day"),
        (
            "Officials signed the deal last Friday after long talks.",
            "last Friday",
            "2024-03-08",
            "day",
        ),
        (
            "The parties meet again next Tuesday for a new round.",
            "next Tuesday",
            "2024-03-19",
            "day",
        ),
        ("The bridge collapsed yesterday after heavy rain.", "yesterday", "2024-03-14", "day"),
        ("The strike began two days ago in the docks.", "two days ago", "2024-03-13", "day"),
        (
            "The assembly endorsed the plan last month by a wide margin.",
            "last month",
            "2024-02",
            "month",
        ),
        ("The premier said this week that reforms would follow.", "this week", "2024-03", "month"),
        ("Elections are planned for next year under the accord.", "next year", "2025", "year"),
        (
            "Exports fell earlier this month, the bank said.",
            "earlier this month",
            "2024-03",
            "month",
        ),
    ],
)
def test_relative_dates_resolved_against_published(
    text: str, date_text: str, date: str, precision: str
) -> None:
    m = one(text, PUB)
    assert (m.date_text, m.date, m.precision, m.relative) == (date_text, date, precision, True)


def test_yearless_date_takes_published_year() -> None:
    m = one("The president spoke at the assembly on Sept. 23 about the plan.", PUB)
    assert (m.date_text, m.date, m.relative) == ("Sept. 23", "2024-09-23", False)
    m = one("Fighting ended in early October after the truce.", "2025-11-05")
    assert (m.date_text, m.date, m.precision) == ("early October", "2025-10", "month")


def test_yearless_past_date_after_publication_moves_back_a_year() -> None:
    m = one("The two sides met on Dec. 20 in Geneva.", "2024-01-10")
    assert m.date == "2023-12-20"


def test_yearless_future_date_before_publication_moves_ahead_a_year() -> None:
    m = one("The assembly will vote on Jan. 15 on the budget.", "2024-11-20")
    assert m.date == "2025-01-15"


def test_without_published_date_relative_and_yearless_stay_unresolved() -> None:
    text = "The minister said Thursday that the vote on Sept. 23 in 2019 terms was void, and last month too."
    got = by_text(extract_dates(art(text), None))
    assert got["Thursday"].date is None and got["Thursday"].relative
    assert got["Sept. 23"].date is None
    assert got["last month"].date is None
    assert got["2019"].date == "2019"


def test_relative_date_inside_a_quotation_is_not_resolved() -> None:
    text = "“We will decide this afternoon,” the mayor said on Tuesday."
    got = by_text(extract_dates(art(text, PUB), None))
    assert got["this afternoon"].date is None
    assert got["Tuesday"].date == "2024-03-12"


def test_future_marker_inside_a_quotation_does_not_make_the_clause_future() -> None:
    text = "“The road will take years,” the engineer told reporters on Wednesday."
    assert one(text, PUB).date == "2024-03-13"


def test_anaphoric_day_takes_the_previous_day() -> None:
    text = "The summit opened on Monday. Earlier in the day, the hosts met the press."
    got = by_text(extract_dates(art(text, PUB), None))
    assert got["Monday"].date == "2024-03-11"
    assert got["Earlier in the day"].date == "2024-03-11"


def test_vague_spans_are_kept_unresolved() -> None:
    got = by_text(
        extract_dates(art("A vote is expected within weeks, or in the coming days.", PUB), None)
    )
    assert set(got) == {"within weeks", "the coming days"}
    assert all(m.date is None and m.relative for m in got.values())


@pytest.mark.parametrize(
    "text",
    [
        "Protesters may march through the city.",
        "Easter falls after Good Friday prayers in the town.",
        "Resolution 2803 and Chapter 7 were cited 12 times.",
        "They counted 20,000 March pilgrims.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_date_spans(text) == []


def test_full_date_is_one_mention_not_three() -> None:
    spans = find_date_spans("On Wednesday, November 5, 2025 the vote was held.")
    assert [(k, e - s) for s, e, k in spans] == [("md", len("Wednesday, November 5, 2025"))]


def test_infer_date_bounds_uses_absolute_dates_only() -> None:
    text = "The law of March 2019 was amended on June 3, 2021, and again last month."
    mentions = extract_dates(art(text), None)
    assert infer_date_bounds(mentions) == ("2019-03", "2021-06-03")
    assert infer_date_bounds([]) == (None, None)


def test_cites_point_at_the_date_text() -> None:
    text = "On Monday the board met. By the end of 2026 it will merge; yesterday it said so."
    a = art(text, PUB)
    for m in extract_dates(a, None):
        assert m.cite.article == "a1"
        assert 0 <= m.cite.start < m.cite.end <= len(text)
        assert text[m.cite.start : m.cite.end] == m.date_text


@pytest.mark.model
def test_parse_refines_tense() -> None:
    from storyline.nlp import load_spacy

    text = "The envoy, who arrived yesterday, is due to meet the rebels on Monday."
    a = art(text, PUB)
    got = by_text(extract_dates(a, load_spacy()(text)))
    assert got["Monday"].date == "2024-03-18"
    assert got["yesterday"].date == "2024-03-14"


# -- timeline events ---------------------------------------------------------------------


def events_of(text: str, mode: str, published: str | None = PUB) -> list[Event]:
    a = art(text, published)
    doc = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    entities = [
        Entity(
            id="gpe:chile",
            name="Chile",
            type="GPE",
            mentions=[Cite("a1", m.start(), m.end()) for m in re.finditer("Chile", text)],
        ),
        Entity(
            id="loc:lima",
            name="Lima",
            type="LOC",
            mentions=[Cite("a1", m.start(), m.end()) for m in re.finditer("Lima", text)],
        ),
    ]
    return build_events(a, doc, extract_dates(a, doc), entities)


MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


@pytest.mark.parametrize("mode", MODES)
def test_event_summary_is_the_dated_clause(mode: str) -> None:
    text = (
        "The talks stalled for months. According to the mediator, Chile signed the accord in Lima "
        "on Thursday, which ended a long dispute over the border."
    )
    (ev,) = events_of(text, mode)
    assert (ev.date, ev.date_text) == ("2024-03-14", "Thursday")
    assert "Chile signed the accord" in ev.summary
    assert "Thursday" not in ev.summary and "dispute" not in ev.summary
    assert ev.actors == ["gpe:chile"]  # places are not actors
    (cite,) = ev.cites
    assert text[cite.start : cite.end].startswith("According to the mediator")


@pytest.mark.parametrize("mode", MODES)
def test_one_event_per_date_mention(mode: str) -> None:
    text = "Chile will vote on Monday. The law was passed in 2019 after protests. A review is due within weeks."
    evs = events_of(text, mode)
    assert [(e.date, e.date_text) for e in evs] == [
        ("2024-03-18", "Monday"),
        ("2019", "2019"),
        (None, "within weeks"),
    ]
    assert all(len(e.summary.split()) <= 30 for e in evs)
    assert evs[1].summary.startswith("The law was passed")


def test_event_summaries_are_capped() -> None:
    long_tail = " ".join(["and another clause about the budget"] * 10)
    (ev,) = events_of(f"Chile approved the budget on Tuesday {long_tail}.", "rules")
    assert len(ev.summary.split()) <= 30
    assert ev.summary.startswith("Chile approved the budget")


def test_span_of_days_is_one_mention_resolved_to_its_first_day() -> None:
    text = "The forum runs Sept. 23-25 in Oslo and no number in it is counted."
    m = one(text, PUB)
    assert (m.date_text, m.date, m.precision) == ("Sept. 23-25", "2024-09-23", "day")

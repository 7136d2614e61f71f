"""Alignment: claims across sources, variants, independent sources, conflicts, coverage."""

from __future__ import annotations

import pytest

from report_fixture import article, cite, entities_for, qty, story_fixture
from storyline.models import ArticleFacts, Quote, Stance
from storyline.render.coverage import coverage
from storyline.stages.analysis.align import (
    align,
    merge_entities,
    merge_quotes,
    merge_stances,
    quantity_interval,
    source_roots,
)
from storyline.stages.analysis.focus import find_focus, kind_phrases
from storyline.stages.analysis.report import build_report


@pytest.fixture(scope="module")
def aligned():
    _story, arts, facts = story_fixture()
    return align(arts, facts)


def _claims(al, slot_part: str):
    return [c for c in al.claims if slot_part in c.slot]


def test_align_same_number_worded_three_ways_is_one_claim(aligned):
    (claim,) = [
        c for c in aligned.claims if c.subject == "Valdoria" and c.slot == "police officers"
    ]
    assert claim.value == "5,000 police officers"
    assert claim.variants == [
        "up to 5,000 police officers",
        "5,000 police officers",
        "5,000 or more police officers",
    ]
    # A and its copy B count once: A, C and D are three independent sources
    assert {c.article for c in claim.cites} == {"aaaa", "bbbb", "cccc", "dddd"}
    assert claim.independent_sources == 3


def test_align_copies_collapse_onto_their_original() -> None:
    a = article("a1", "x")
    b = article("b1", "x", duplicate_of="a1")
    c = article("c1", "x", duplicate_of="b1")  # a copy of a copy
    assert source_roots([a, b, c]) == {"a1": "a1", "b1": "a1", "c1": "a1"}


def test_align_drafting_conflict_names_both_sets(aligned):
    (conflict,) = [c for c in aligned.conflicts if "drafting" in c.topic]
    assert conflict.topic == "Who is drafting the resolution"
    sides = {s.claim for s in conflict.sides}
    assert sides == {
        "Northland and Eastmark drafting the resolution",
        "Southland and Westport drafting the resolution",
    }
    # D names only Eastmark: a subset of one side supports it, it is not a third side
    (nl,) = [s for s in conflict.sides if s.claim.startswith("Northland")]
    assert "dddd" in {c.article for c in nl.cites}
    for side in conflict.sides:
        assert side.cites


def test_align_fewer_drafters_named_is_not_a_conflict() -> None:
    a = article("a1", "Northland is drafting a bill on fishing quotas.")
    b = article("b1", "Northland and Eastmark are drafting the bill, officials said.")
    facts = [ArticleFacts(x.id, entities=entities_for(x)) for x in (a, b)]
    al = align([a, b], facts)
    assert not al.conflicts
    (claim,) = [c for c in al.claims if c.slot == "drafting"]
    assert claim.value == "Northland and Eastmark"
    assert claim.independent_sources == 2


def test_align_negated_description_conflicts_with_affirmed(aligned):
    (conflict,) = [c for c in aligned.conflicts if "combat" in c.topic]
    assert conflict.topic == "Is the Coastal Monitoring Mission a combat operation?"
    texts = [s.claim for s in conflict.sides]
    assert texts == ["not be a combat operation", "coastal combat mission"]


def test_align_zero_and_positive_counts_in_different_places_do_not_conflict(aligned):
    # "No Northland soldiers ... inside Tarn" vs "up to two dozen soldiers nearby"
    assert not [c for c in aligned.conflicts if "Northland" in c.topic]
    values = {c.value for c in aligned.claims if c.subject == "Northland" and c.slot == "soldiers"}
    assert values == {"0 soldiers", "up to 24 soldiers"}  # the hedge stays with the figure


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            ("at least 300 engineers", 300, "at_least"),
            ("fewer than 100 engineers", 100, "fewer_than"),
            True,
        ),
        (("up to 300 engineers", 300, "up_to"), ("about 120 engineers", 120, "about"), False),
        (("300 engineers", 300, "exact"), ("120 engineers", 120, "exact"), True),
        (("nearly 300 engineers", 300, "nearly"), ("280 engineers", 280, "exact"), False),
    ],
)
def test_align_numbers_conflict_only_when_ranges_cannot_overlap(first, second, conflict):
    a = article("a1", f"Ostmark will send {first[0]} to the port.")
    b = article("b1", f"Ostmark is sending {second[0]} to the port.")
    facts = [
        ArticleFacts(x.id, quantities=[qty(x, t, "Ostmark", "gpe:ostmark", "engineers", v, h)])
        for x, (t, v, h) in ((a, first), (b, second))
    ]
    al = align([a, b], facts)
    assert bool(al.conflicts) is conflict
    if conflict:
        assert al.conflicts[0].topic == "Ostmark: engineers"
        assert [len(s.cites) for s in al.conflicts[0].sides] == [1, 1]


def test_align_one_article_does_not_conflict_with_itself() -> None:
    a = article("a1", "Ostmark sent 300 engineers in May and 120 engineers in June.")
    facts = [
        ArticleFacts(
            "a1",
            quantities=[
                qty(a, "300 engineers", "Ostmark", "gpe:ostmark", "engineers", 300, "exact"),
                qty(a, "120 engineers", "Ostmark", "gpe:ostmark", "engineers", 120, "exact"),
            ],
        )
    ]
    assert not align([a], facts).conflicts


def test_quantity_interval_hedges() -> None:
    a = article("a1", "up to 20 and at least 20")
    up = qty(a, "up to 20", "x", None, "troops", 20, "up_to")
    least = qty(a, "at least 20", "x", None, "troops", 20, "at_least")
    assert quantity_interval(up) == (0.0, 20)
    assert quantity_interval(least)[0] == 20
    assert quantity_interval(least)[1] == float("inf")


def test_align_participation_per_actor_with_condition(aligned):
    parts = {c.subject: c for c in _claims(aligned, "participation")}
    assert set(parts) == {"Valdoria", "Ostmark", "Lunia"}
    assert parts["Valdoria"].independent_sources == 3
    assert parts["Valdoria"].value.startswith("pledged")
    assert parts["Ostmark"].value == "approached or under consideration"
    conds = aligned.info[parts["Valdoria"].id].conditions
    assert any(t.startswith("if the Harbor Council approves") for t, _ in conds)
    assert any(t.startswith("provided the council votes") for t, _ in conds)


def test_align_attributes_of_the_focus(aligned):
    slots = {(c.slot, c.value) for c in aligned.claims if c.subject == "Coastal Monitoring Mission"}
    assert ("duration", "until the end of 2033") in slots
    assert ("command", "under a single command") in slots
    assert ("task", "patrolling the shipping lanes") in slots
    assert ("task", "instructing local coast guard crews") in slots
    assert ("task", "patrol the harbor entrance") in slots
    assert any(s == "open question" for s, _ in slots)


def test_focus_prefers_the_thing_being_created() -> None:
    _story, arts, _ = story_fixture()
    focus = find_focus(arts, source_roots(arts))
    assert focus is not None
    assert focus.name == "Coastal Monitoring Mission"
    assert focus.kind == "force"
    assert "CMM" in focus.aliases
    # "a combat operation" under a negation still belongs to the force kind
    assert any(p.head == "operation" for p in kind_phrases(arts[0]))


def test_focus_none_without_kind_phrases() -> None:
    assert find_focus([article("a1", "Rain fell on Tuesday across the valley.")]) is None


def test_merge_entities_unites_mentions_and_aliases() -> None:
    a = article("a1", "Northland spoke. Castell left.")
    b = article("b1", "Mira Castell and Northland met.")
    ents = merge_entities([ArticleFacts(x.id, entities=entities_for(x)) for x in (a, b)])
    by_id = {e.id: e for e in ents}
    assert len(by_id["gpe:northland"].mentions) == 2
    assert {c.article for c in by_id["per:mira-castell"].mentions} == {"a1", "b1"}


def test_merge_stances_same_actor_and_target_across_articles() -> None:
    a = article("a1", "Lunia demands a seat at the table.")
    b = article("b1", "Lunia again demanded a seat at the table on Friday.")
    facts = [
        ArticleFacts(
            x.id,
            stances=[
                Stance(
                    "Lunia",
                    "demand",
                    "a seat at the table",
                    None,
                    [cite(x, "a seat at the table")],
                    "gpe:lunia",
                )
            ],
        )
        for x in (a, b)
    ]
    (st,) = merge_stances(facts, {"gpe:lunia": "Lunia"})
    assert [c.article for c in st.cites] == ["a1", "b1"]


def test_merge_quotes_fills_a_missing_speaker_from_the_same_words() -> None:
    a = article("a1", "“Ships must pass,” Castell said.")
    b = article("b1", "“Ships must pass,” she said.")
    qa = Quote(
        "Ships must pass",
        "Mira Castell",
        "per:mira-castell",
        None,
        "direct",
        cite(a, "Ships must pass"),
    )
    qb = Quote("Ships must pass", None, None, None, "direct", cite(b, "Ships must pass"))
    out = merge_quotes([ArticleFacts("a1", quotes=[qa]), ArticleFacts("b1", quotes=[qb])])
    assert [q.speaker for q in out] == ["Mira Castell", "Mira Castell"]
    assert out[1].cite.article == "b1"


def test_coverage_matrix_and_exclusive_claims() -> None:
    story, arts, facts = story_fixture()
    report = build_report(story, arts, facts)
    cov = coverage(report)
    assert [c.label for c in cov.columns] == [
        "Daily Meridian",
        "Wire Copy",
        "Harbor Times",
        "Evening Post",
    ]
    assert [c.copies for c in cov.columns] == [False, True, False, False]
    row = next(r for r in cov.rows if r.claim.slot == "police officers")
    assert row.n_columns == 4
    only_c = {c.value for c in cov.exclusive["outlet:Harbor Times"]}
    assert "Southland and Westport" in only_c
    # told by A and by its copy B only: exclusive to A's outlet, not to the copy
    only_a = {c.value for c in cov.exclusive["outlet:Daily Meridian"]}
    assert "not be a combat operation" in only_a
    assert "outlet:Wire Copy" not in cov.exclusive

"""Claims and conflicts between like and like: frames of figures, hedges, parts, updates.

Fictional multi-outlet stories (invented towns and outlets); quantities are built by hand so
that the alignment rules are tested apart from the extractor.
"""

from __future__ import annotations

from report_fixture import article, cite, qty
from report_fixture import facts_of as _facts
from report_fixture import frame_at as _frame
from storyline.models import ArticleFacts, Quantity
from storyline.stages.analysis.align import Alignment, align


def test_read_frame_splits_killed_and_injured_in_one_sentence() -> None:
    text = "The blast hit Orlen on Friday, killing 9 people and injuring 31 others."
    assert _frame(text, "9 people").frame == "killed"
    assert _frame(text, "31 others").frame == "injured"


def test_a_frame_word_after_another_figure_is_that_figures() -> None:
    text = "Infections in Velmar have climbed to 380, with 9 deaths, since the outbreak began."
    assert _frame(text, "380").frame != "killed"
    assert _frame(text, "9 deaths").frame == "killed"
    assert _frame("The flood left 12 dead in Orlen on Friday.", "12").frame == "killed"
    # a part of the second figure takes its frame: "4 of the 31 wounded"
    assert (
        _frame("Doctors said 4 of the 31 wounded were still in hospital.", "4").frame == "injured"
    )


def test_a_group_on_the_move_is_counted_as_a_crowd() -> None:
    text = "A caravan of about 300 villagers reached Orlen on Friday."
    assert _frame(text, "about 300 villagers").frame == "marchers"
    text = "Some 300 villagers arrived in Orlen on Friday."
    assert _frame(text, "Some 300 villagers").frame == "marchers"


def test_read_frame_marks_parts_ages_and_updates() -> None:
    text = "Doctors said 4 of the 31 wounded were in a serious state."
    assert _frame(text, "4").part
    assert _frame("Mara Velt, 44, was hurt in the blast.", "44").frame == "age"
    assert _frame("The death toll rose to 12 on Saturday.", "12").update


def test_deaths_and_injuries_never_conflict() -> None:
    a = article(
        "a1", "A gas blast in Orlen killed 9 people, the fire service said.", outlet="Orlen Post"
    )
    b = article(
        "b1",
        "The gas blast in Orlen injured 31 people, the fire service said.",
        outlet="Valley News",
    )
    al = align([a, b], [_facts(a, ("9 people", "people", 9, "exact")),
                        _facts(b, ("31 people", "people", 31, "exact"))])  # fmt: skip
    assert not al.conflicts


def test_same_toll_told_differently_conflicts_with_outlets_and_confidence() -> None:
    a = article("a1", "A gas blast in Orlen killed 9 people on Friday, the fire service said.",
                outlet="Orlen Post")  # fmt: skip
    b = article("b1", "The gas blast in Orlen on Friday killed 14 people, the fire service said.",
                outlet="Valley News")  # fmt: skip
    al = align([a, b], [_facts(a, ("9 people", "people", 9, "exact")),
                        _facts(b, ("14 people", "people", 14, "exact"))])  # fmt: skip
    (conflict,) = al.conflicts
    assert [s.outlets for s in conflict.sides] == [["Orlen Post"], ["Valley News"]]
    assert 0.5 <= conflict.confidence <= 1.0


def test_hedged_figures_that_can_both_hold_do_not_conflict() -> None:
    a = article("a1", "The gas blast in Orlen killed at least 9 people on Friday.")
    b = article("b1", "The gas blast in Orlen on Friday killed 14 people.")
    al = align([a, b], [_facts(a, ("at least 9 people", "people", 9, "at_least")),
                        _facts(b, ("14 people", "people", 14, "exact"))])  # fmt: skip
    assert not al.conflicts


def test_a_part_never_conflicts_with_its_total() -> None:
    a = article("a1", "The gas blast in Orlen injured 31 people on Friday.")
    b = article(
        "b1",
        "After the gas blast in Orlen on Friday, 4 of the 31 injured people stayed in hospital.",
    )
    al = align([a, b], [_facts(a, ("31 people", "people", 31, "exact")),
                        _facts(b, ("4", None, 4, "exact"))])  # fmt: skip
    assert not al.conflicts


def test_a_toll_that_rose_is_an_update_not_a_conflict() -> None:
    a = article("a1", "A gas blast in Orlen killed 9 people, the fire service said on Friday.",
                published="2031-05-02")  # fmt: skip
    b = article("b1", "The death toll from the gas blast in Orlen rose to 14 people on Saturday.",
                published="2031-05-03")  # fmt: skip
    al = align([a, b], [_facts(a, ("9 people", "people", 9, "exact")),
                        _facts(b, ("14 people", "people", 14, "exact"))])  # fmt: skip
    assert not al.conflicts
    (update,) = al.updates
    assert update.kind == "update"
    assert update.date == "2031-05-03"
    assert {c.article for c in update.cites} == {"a1", "b1"}
    assert "2031-05-02" in update.date_text


def test_one_figure_in_different_words_is_one_claim_with_its_sources() -> None:
    a = article("a1", "Nine people were killed when the gas main burst in Orlen.")
    b = article("b1", "The gas main burst in Orlen, killing 9 persons.")
    c = article("c1", "In Orlen, 9 people died in the burst of the gas main.")
    al = align([a, b, c], [_facts(a, ("Nine people", "people", 9, "exact")),
                           _facts(b, ("9 persons", "persons", 9, "exact")),
                           _facts(c, ("9 people", "people", 9, "exact"))])  # fmt: skip
    (claim,) = [cl for cl in al.claims if cl.value.startswith("9")]
    assert claim.independent_sources == 3


def test_both_values_in_one_article_is_no_conflict() -> None:
    a = article("a1", "The gas blast in Orlen killed 9 people, or 14 people by another count.")
    al = align(
        [a], [_facts(a, ("9 people", "people", 9, "exact"), ("14 people", "people", 14, "exact"))]
    )
    assert not al.conflicts


def test_figures_about_two_people_of_different_ages_do_not_conflict() -> None:
    a = article("a1", "The 41-year-old hiker from Orlen fell about 300 metres on the north ridge.")
    b = article("b1", "A 29-year-old hiker fell about 90 metres on the north ridge, rescuers said.")
    facts = [
        _facts(a, ("41", None, 41, "exact"), ("about 300 metres", "metres", 300, "about")),
        _facts(b, ("29", None, 29, "exact"), ("about 90 metres", "metres", 90, "about")),
    ]
    assert not align([a, b], facts).conflicts


def test_one_fall_told_in_two_units_is_one_value_and_a_rival_figure_conflicts() -> None:
    a = article("a1", "The hiker fell about 300 metres on the north ridge of Mount Orlen.")
    b = article("b1", "On Mount Orlen the hiker fell about 90 metres on the north ridge.")
    c = article("c1", "The hiker fell about 980 feet on the north ridge of Mount Orlen.")
    facts = [
        _facts(a, ("about 300 metres", "metres", 300, "about")),
        _facts(b, ("about 90 metres", "metres", 90, "about")),
        _facts(c, ("about 980 feet", "feet", 980, "about")),
    ]
    al = align([a, b, c], facts)
    (conflict,) = al.conflicts
    sides = [{x.article for x in s.cites} for s in conflict.sides]
    assert {"a1", "c1"} in sides and {"b1"} in sides


def test_a_crowd_on_the_move_told_two_ways_conflicts_unless_hedges_meet() -> None:
    a = article("a1", "A caravan of about 200 villagers reached Orlen on Friday after a long walk.",
                outlet="Orlen Post")  # fmt: skip
    b = article("b1", "A caravan of roughly 450 villagers reached Orlen on Friday after a long walk.",
                outlet="Valley News")  # fmt: skip
    c = article("c1", "A caravan of more than 150 villagers reached Orlen on Friday after a walk.",
                outlet="Hill Times")  # fmt: skip
    al = align([a, b, c], [_facts(a, ("about 200 villagers", "villagers", 200, "about")),
                           _facts(b, ("roughly 450 villagers", "villagers", 450, "about")),
                           _facts(c, ("more than 150 villagers", "villagers", 150, "more_than"))])  # fmt: skip
    (conflict,) = al.conflicts
    assert sorted(o for s in conflict.sides for o in s.outlets) == ["Orlen Post", "Valley News"]


def test_a_vague_amount_bounds_only_from_below() -> None:
    def seized(fig: str, lo: float, hi: float) -> Alignment:
        a = article("a1", "Customs officers seized 12,000 parrots at the Orlen docks on Monday.",
                    outlet="Orlen Post")  # fmt: skip
        b = article("b1", f"Customs officers seized {fig} parrots at the Orlen docks on Monday.",
                    outlet="Valley News")  # fmt: skip
        qa = qty(a, "12,000 parrots", "", None, "parrots", 12_000, "exact")
        qb = Quantity(
            None, "parrots", None, lo, hi, "vague", f"{fig} parrots", cite(b, f"{fig} parrots")
        )
        return align(
            [a, b], [ArticleFacts(a.id, quantities=[qa]), ArticleFacts(b.id, quantities=[qb])]
        )

    # "thousands" holds with 12,000 (read up to 9,999, it is still thousands); "hundreds of
    # thousands" cannot be 12,000
    assert not seized("thousands of", 2_000, 9_999).conflicts
    assert len(seized("hundreds of thousands of", 200_000, 999_999).conflicts) == 1

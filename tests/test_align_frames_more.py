"""Frames of figures read further (issue 18, conflict recall): "put X at N", a fall told with
and without its toll, a month that is no march.

Fictional stories (invented places and outlets); quantities built by hand.
"""

from __future__ import annotations

from report_fixture import article
from report_fixture import facts_of as _facts
from report_fixture import frame_at as _frame
from storyline.stages.analysis.align import align


def test_a_value_put_at_a_figure_takes_the_frame_of_the_noun_before_at() -> None:
    text = "Police put the march, held to mark a one-day strike, at roughly 25,000 people."
    assert _frame(text, "25,000").frame == "marchers"
    assert _frame("The survey put the quake's magnitude at 5.7, officials said.", "5.7").frame == (
        "magnitude"
    )
    assert _frame("The death toll was put at 14 by the mayor of Orlen.", "14").frame == "killed"
    # a month is no march, and "at" alone names no frame
    assert _frame("On March 5, 30 boats sailed from Orlen.", "30").frame is None
    assert _frame("The ferry left at 9 with 40 cars.", "40").frame is None


def test_a_fall_told_with_its_death_and_without_is_one_measure() -> None:
    a = article(
        "a1",
        "The hiker fell about 300 metres to his death from the north ridge of Mount Orlen.",
        outlet="Orlen Post",
    )
    b = article(
        "b1",
        "On Mount Orlen the hiker fell about 90 metres from the north ridge, rescuers said.",
        outlet="Valley News",
    )
    al = align([a, b], [_facts(a, ("about 300 metres", "metres", 300, "about")),
                        _facts(b, ("about 90 metres", "metres", 90, "about"))])  # fmt: skip
    (conflict,) = al.conflicts
    assert [s.outlets for s in conflict.sides] in (
        [["Orlen Post"], ["Valley News"]],
        [["Valley News"], ["Orlen Post"]],
    )


def test_a_toll_beside_another_toll_is_still_not_compared_with_a_toll_alone() -> None:
    # "9 killed" in a clause that also counts the injured vs "14 killed" alone: which count
    # the 9 is stays unclear, so the toll frames must match exactly
    a = article("a1", "The gas blast in Orlen killed 9 injured workers on Friday.")
    b = article("b1", "The gas blast in Orlen on Friday killed 14 workers.")
    al = align([a, b], [_facts(a, ("9 injured workers", "workers", 9, "exact")),
                        _facts(b, ("14 workers", "workers", 14, "exact"))])  # fmt: skip
    assert not al.conflicts


def test_items_of_a_seized_list_take_the_verb_and_count_their_own_noun_whole() -> None:
    text = (
        "The frigate Vardan seized arms including 12 crossbows, two other rifles and 19 "
        "ammunition belts from the pirates."
    )
    for item in ("12 crossbows", "two other rifles", "19 ammunition"):
        assert _frame(text, item).frame == "seized"
    assert _frame(text, "12 crossbows").part and _frame(text, "12 crossbows").listed
    a = article("l1", text, outlet="Orlen Post")
    b = article(
        "l2",
        "The frigate Vardan seized arms including 7 crossbows and 19 ammunition belts from "
        "the pirates, officers said.",
        outlet="Valley News",
    )
    al = align([a, b], [_facts(a, ("12 crossbows", "crossbows", 12, "exact")),
                        _facts(b, ("7 crossbows", "crossbows", 7, "exact"))])  # fmt: skip
    (conflict,) = al.conflicts
    assert {s.claim.split(": ")[-1] for s in conflict.sides} == {"12 crossbows", "7 crossbows"}


def test_a_part_of_a_toll_is_still_no_rival_of_the_toll() -> None:
    a = article("p1", "The gas blast in Orlen killed 14 people, including 3 children, on Friday.")
    b = article("p2", "The gas blast in Orlen on Friday killed 9 people, the fire service said.")
    al = align([a, b], [_facts(a, ("3 children", "people", 3, "exact")),
                        _facts(b, ("9 people", "people", 9, "exact"))])  # fmt: skip
    assert not al.conflicts


_QUAKE_A = "A magnitude 5.2 quake struck Varn island on Sunday, injuring 6 people, officials said."
_QUAKE_B = (
    "A magnitude 6.3 quake struck Varn island on Sunday, killing 9 people and injuring 40 "
    "people, officials said."
)
_QUAKE_C = (
    "A magnitude 6.1 quake struck Varn island on Sunday, killing 9 people and injuring 40 "
    "people, officials said."
)


def _quake(aid: str, text: str, outlet: str):
    a = article(aid, text, outlet=outlet)
    figs = [(m, None, float(m), "exact") for m in ("5.2", "6.3", "6.1") if m in text]
    figs += [(f"{n} people", "people", float(n), "exact") for n in (6, 9, 40) if f" {n} " in text]
    return a, _facts(a, *figs)


def test_two_reports_that_disagree_on_everything_tell_of_two_events() -> None:
    a, fa = _quake("q1", _QUAKE_A, "Orlen Post")
    b, fb = _quake("q2", _QUAKE_B, "Valley News")
    # magnitude and injured both differ, nothing agrees: two quakes on one island
    assert align([a, b], [fa, fb]).conflicts == []


def test_reports_that_agree_on_the_toll_conflict_on_the_magnitude() -> None:
    b, fb = _quake("q2", _QUAKE_B, "Valley News")
    c, fc = _quake("q3", _QUAKE_C, "Harbor Times")
    (conflict,) = align([b, c], [fb, fc]).conflicts
    assert conflict.topic.startswith("magnitude")


def test_in_a_story_of_two_events_only_reports_tied_to_one_event_conflict() -> None:
    a, fa = _quake("q1", _QUAKE_A, "Orlen Post")
    b, fb = _quake("q2", _QUAKE_B, "Valley News")
    c, fc = _quake("q3", _QUAKE_C, "Harbor Times")
    (conflict,) = align([a, b, c], [fa, fb, fc]).conflicts
    assert conflict.topic.startswith("magnitude")
    assert {x.article for s in conflict.sides for x in s.cites} == {"q2", "q3"}


def test_a_report_with_nothing_else_is_not_tied_to_an_event_the_story_holds_two_of() -> None:
    a, fa = _quake("q1", _QUAKE_A, "Orlen Post")
    bare = article("q4", "A magnitude 5.2 quake struck Varn island on Sunday.", outlet="Daily Bell")
    fbare = _facts(bare, ("5.2", None, 5.2, "exact"))
    c, fc = _quake("q3", _QUAKE_C, "Harbor Times")
    # q1 and q3 disagree on everything (two quakes); q4 gives only the magnitude, and nothing
    # ties it to q3's quake rather than q1's
    assert align([a, bare, c], [fa, fbare, fc]).conflicts == []


def test_a_toll_placed_where_the_other_report_never_goes_is_another_event() -> None:
    a = article(
        "w1",
        "A quake struck Varn island on Sunday, killing 9 people, officials in Orlen said.",
        outlet="Orlen Post",
    )
    b = article(
        "w2",
        "On Saturday, 14 people were killed by an earthquake in northern Kestland, officials said.",
        outlet="Valley News",
    )
    al = align([a, b], [_facts(a, ("9 people", "people", 9, "exact")),
                        _facts(b, ("14 people", "people", 14, "exact"))])  # fmt: skip
    assert al.conflicts == []


def test_tolls_that_may_have_grown_do_not_make_two_events() -> None:
    a = article(
        "g1",
        "The hiker fell about 300 metres from the north ridge of Mount Orlen. The fall killed "
        "1 person, rescuers said.",
        outlet="Orlen Post",
    )
    b = article(
        "g2",
        "On Mount Orlen the hiker fell about 90 metres from the north ridge. The accidents "
        "killed 2 people, rescuers said.",
        outlet="Valley News",
    )
    fa = _facts(a, ("about 300 metres", "metres", 300, "about"), ("1 person", "people", 1, "exact"))
    fb = _facts(b, ("about 90 metres", "metres", 90, "about"), ("2 people", "people", 2, "exact"))
    topics = [c.topic for c in align([a, b], [fa, fb]).conflicts]
    # 1 dead and 2 dead may be one toll that grew: the falls are still one event's
    assert any("metres" in t for t in topics), topics

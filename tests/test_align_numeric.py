"""Numeric conflicts between like and like (issue 18): a counted noun as the frame of a figure
whose clause names none, falls as lengths of one motion, hedges that cannot both hold, two
people told apart by their ages, and updates of a toll (never of an age).

Fictional stories (invented places, ships, people and outlets); quantities built by hand.
"""

from __future__ import annotations

from report_fixture import article, cite
from report_fixture import facts_of as _facts
from storyline.models import ArticleFacts, Quantity
from storyline.stages.analysis.align import align

# both reports state the same number of crew taken ("23 raiders"), which ties them to one raid
_LIST_A = (
    "The frigate Vardan arrested 23 raiders near Orlen. Seven crossbows, two other rifles, "
    "13 loaded magazines and a radio were found in their skiffs."
)
_LIST_B = (
    "Sailors of the Vardan arrested 23 raiders off Orlen on Sunday. The sailors recovered seven "
    "crossbows, three other rifles, 13 magazines and a radio, a spokesman said."
)


def _rifles(a_text: str, b_text: str, a_fig: str = "two other rifles", b_fig: str = "three other rifles"):  # fmt: skip
    a = article("n1", a_text, outlet="Orlen Post")
    b = article("n2", b_text, outlet="Valley News")
    return align(
        [a, b],
        [_facts(a, ("23 raiders", "raiders", 23, "exact"), (a_fig, "rifles", 2, "exact")),
         _facts(b, ("23 raiders", "raiders", 23, "exact"), (b_fig, "rifles", 3, "exact"))],
    )  # fmt: skip


def test_items_of_two_lists_of_one_seizure_conflict_on_their_own_noun() -> None:
    al = _rifles(_LIST_A, _LIST_B)
    (conflict,) = al.conflicts
    assert {s.claim.split(": ")[-1] for s in conflict.sides} == {"2 rifles", "3 rifles"}
    assert {tuple(s.outlets) for s in conflict.sides} == {("Orlen Post",), ("Valley News",)}


def test_a_counted_noun_is_no_frame_without_another_figure_tying_the_reports() -> None:
    # the same lists, but nothing else the two reports state ties them to one raid
    a_text = _LIST_A.replace("23", "11")
    b_text = _LIST_B.replace("23", "40")
    a = article("n1", a_text, outlet="Orlen Post")
    b = article("n2", b_text, outlet="Valley News")
    al = align(
        [a, b],
        [_facts(a, ("11 raiders", "raiders", 11, "exact"), ("two other rifles", "rifles", 2, "exact")),
         _facts(b, ("40 raiders", "raiders", 40, "exact"), ("three other rifles", "rifles", 3, "exact"))],
    )  # fmt: skip
    assert not [c for c in al.conflicts if "rifles" in c.topic]


def test_other_rifles_are_not_all_the_rifles() -> None:
    b_text = _LIST_B.replace("three other rifles", "nine rifles")
    al = _rifles(_LIST_A, b_text, b_fig="nine rifles")
    assert not [c for c in al.conflicts if "rifles" in c.topic]


def test_a_lone_figure_takes_no_frame_from_a_list_of_things_seized() -> None:
    a = article(
        "s1", "The frigate Vardan arrested 23 raiders. Two skiffs were circling the tanker."
    )
    b = article(
        "s2",
        "The Vardan arrested 23 raiders and seized seven crossbows, three skiffs and a radio.",
    )
    al = align(
        [a, b],
        [_facts(a, ("23 raiders", "raiders", 23, "exact"), ("Two skiffs", "skiffs", 2, "exact")),
         _facts(b, ("23 raiders", "raiders", 23, "exact"), ("three skiffs", "skiffs", 3, "exact"))],
    )  # fmt: skip
    assert not [c for c in al.conflicts if "skiffs" in c.topic]


def test_a_noun_with_other_words_counts_another_set() -> None:
    # "three strong tremors" are some of "at least four tremors"
    a = article("t1", "A quake hit Orlen, killing 12 people. Three strong tremors were felt.")
    b = article("t2", "The Orlen quake killed 12 people. There have been at least four tremors.")
    al = align(
        [a, b],
        [_facts(a, ("12 people", "people", 12, "exact"), ("Three strong tremors", "tremors", 3, "exact")),
         _facts(b, ("12 people", "people", 12, "exact"), ("at least four tremors", "tremors", 4, "at_least"))],
    )  # fmt: skip
    assert not al.conflicts


def test_people_are_counted_by_what_happened_to_them_not_by_their_noun() -> None:
    a = article("p1", "The Vardan arrested 23 raiders, 12 Tolmese and 11 Varnish raiders.")
    b = article("p2", "The Vardan arrested 23 raiders. Some 1,500 raiders live on the coast.")
    al = align(
        [a, b],
        [_facts(a, ("23 raiders", "raiders", 23, "exact"), ("11 Varnish raiders", "raiders", 11, "exact")),
         _facts(b, ("23 raiders", "raiders", 23, "exact"), ("Some 1,500 raiders", "raiders", 1500, "about"))],
    )  # fmt: skip
    assert not al.conflicts


def test_one_fall_told_as_falling_and_fell_conflicts_and_about_spans_a_tenth() -> None:
    a = article("f1", "A 44-year-old skier died after falling about 150 metres on Mount Orlen.")
    b = article("f2", "The 44-year-old skier fell about 200 metres down a gully on Mount Orlen.")
    al = align(
        [a, b],
        [_facts(a, ("44-year-old", None, 44, "exact"), ("about 150 metres", "metres", 150, "about")),
         _facts(b, ("44-year-old", None, 44, "exact"), ("about 200 metres", "metres", 200, "about"))],
    )  # fmt: skip
    (conflict,) = al.conflicts
    assert {s.claim.split(": ")[-1] for s in conflict.sides} == {
        "about 150 metres",
        "about 200 metres",
    }


def test_two_skiers_falls_are_told_apart_by_their_ages() -> None:
    a = article("f1", "A 44-year-old skier is dead after falling 150 metres on Mount Orlen.")
    b = article("f2", "A 29-year-old skier fell 700 metres to his death on Mount Orlen.")
    c = article("f3", "One of the party has fallen some 700 metres on Mount Orlen, police said.")
    al = align(
        [a, b, c],
        [_facts(a, ("44-year-old", None, 44, "exact"), ("150 metres", "metres", 150, "exact")),
         _facts(b, ("29-year-old", None, 29, "exact"), ("700 metres", "metres", 700, "exact")),
         _facts(c, ("some 700 metres", "metres", 700, "about"))],
    )  # fmt: skip
    # the 700 metres without an age is the 29-year-old's fall, as the claim it joins says
    assert not al.conflicts


def test_ages_a_year_apart_are_one_persons_and_an_age_is_no_part() -> None:
    a = article("g1", "Police said 31-year-old Ansel Brack of the Orlen club fell 600 metres.")
    b = article("g2", "Ansel Brack, 32, fell 600 metres while climbing Mount Orlen.")
    al = align([a, b], [_facts(a, ("31-year-old", None, 31, "exact")),
                        _facts(b, ("32", None, 32, "exact"))])  # fmt: skip
    (conflict,) = al.conflicts
    assert conflict.topic.endswith("age")


def test_a_numbered_plural_of_people_moves_an_implied_toll() -> None:
    a = article("u1", "A Tolm skier is dead after a fall on Mount Varn, police said.",
                published="2033-09-14", outlet="Varn Courier")  # fmt: skip
    b = article("u2", "Two men have died in separate falls on Mount Varn this weekend.",
                published="2033-09-15", outlet="Hill Radio")  # fmt: skip
    al = align(
        [a, b],
        [_facts(a, ("skier is dead", None, 1, "exact")), _facts(b, ("Two men", "men", 2, "exact"))],
    )  # fmt: skip
    assert not al.conflicts
    (update,) = al.updates
    assert update.date_text == "2033-09-14 → 2033-09-15"


def test_two_places_populations_do_not_conflict() -> None:
    a = article("q1", "The quake struck Orlen island, home to 120,000 people, on Sunday.")
    b = article("q2", "Helicopters flew the injured to Varn, a city of 500,000 people, on Sunday.")
    c = article("q3", "The quake hit Orlen island, home to 200,000 people, on Sunday.")
    al = align(
        [a, b, c],
        [_facts(a, ("120,000 people", "people", 120000, "exact")),
         _facts(b, ("500,000 people", "people", 500000, "exact")),
         _facts(c, ("200,000 people", "people", 200000, "exact"))],
    )  # fmt: skip
    # only Orlen's two figures disagree
    (conflict,) = al.conflicts
    assert {c.article for s in conflict.sides for c in s.cites} == {"q1", "q3"}


def test_a_quakes_size_told_of_another_day_is_another_quake() -> None:
    a = article("m1", "A 5.6 magnitude quake hit Orlen island on Sunday, injuring 12 people.")
    b = article("m2", "A quake rated 3.8 on the Richter scale shook Orlen island on Monday.")
    c = article("m3", "A 4.9 magnitude quake hit Orlen island on Sunday, injuring 12 people.")
    facts = [_facts(a, ("5.6", None, 5.6, "exact")), _facts(b, ("3.8", None, 3.8, "exact")),
             _facts(c, ("4.9", None, 4.9, "exact"))]  # fmt: skip
    al = align([a, b, c], facts)
    (conflict,) = al.conflicts
    assert {c.article for s in conflict.sides for c in s.cites} == {"m1", "m3"}


def test_a_smaller_magnitude_beside_the_quakes_own_is_an_aftershocks() -> None:
    a = article("m1", "A 5.6 magnitude quake hit Orlen island, injuring 12 people.")
    b = article(
        "m2",
        "Orlen island was rocked by a magnitude-5.9 quake. A tremor of 3.8 on the "
        "Richter scale followed it.",
    )
    facts = [_facts(a, ("5.6", None, 5.6, "exact")),
             _facts(b, ("5.9", None, 5.9, "exact"), ("3.8", None, 3.8, "exact"))]  # fmt: skip
    (conflict,) = align([a, b], facts).conflicts  # 5.6 against 5.9, never against 3.8
    assert all("3.8" not in s.claim for s in conflict.sides)


def test_a_model_is_one_noun_however_written_and_no_other_nouns() -> None:
    a = article(
        "d1",
        "The Vardan arrested 23 raiders and recovered 12 XR 15 guns, three rifles, two radios.",
    )
    b = article(
        "d2",
        "The Vardan arrested 23 raiders. Seven XR-15s, three other rifles, 13 magazines were found.",
    )
    c = article(
        "d3", "The Vardan arrested 23 raiders. It seized 7 XR-15 rifles, a launcher, and 3 pistols."
    )
    al = align(
        [a, b, c],
        [_facts(a, ("23 raiders", "raiders", 23, "exact"), ("12", None, 12, "exact"),
                ("three rifles", "rifles", 3, "exact")),
         _facts(b, ("23 raiders", "raiders", 23, "exact"), ("Seven XR-15s", "XR-15s", 7, "exact")),
         _facts(c, ("23 raiders", "raiders", 23, "exact"), ("7 XR-15 rifles", "rifles", 7, "exact"))],
    )  # fmt: skip
    (conflict,) = al.conflicts  # 12 against 7 of the model; never "three rifles" against 7
    values = {s.claim.split(": ")[-1].split()[0] for s in conflict.sides}
    assert values == {"12", "7"}
    assert {c.article for s in conflict.sides for c in s.cites} == {"d1", "d2", "d3"}


def test_a_vague_amount_shows_its_range_and_a_shared_hedge_stays_with_the_figure() -> None:
    a = article("v1", "A few hundred beekeepers marched past more than 40 tractors in Vellport.")
    vague = Quantity("beekeepers", "beekeepers", None, 200.0, 999.0, "vague",
                     "A few hundred beekeepers", cite(a, "A few hundred beekeepers"), None)  # fmt: skip
    more = Quantity("tractors", "tractors", 40.0, 40.0, None, "more_than", "more than 40 tractors",
                    cite(a, "more than 40 tractors"), None)  # fmt: skip
    al = align([a], [ArticleFacts(a.id, quantities=[vague, more])])
    values = {c.value for c in al.claims if c.slot in {"beekeepers", "tractors"}}
    assert values == {"200-999 beekeepers", "more than 40 tractors"}  # never a bare 999 or 40


def test_figures_hedged_differently_show_the_bare_figure() -> None:
    a = article("h1", "The ferry carried about 120 passengers across the strait to Dunmore.")
    b = article("h2", "The ferry carried at least 120 passengers across the strait to Dunmore.")
    al = align(
        [a, b],
        [_facts(a, ("about 120 passengers", "passengers", 120, "about")),
         _facts(b, ("at least 120 passengers", "passengers", 120, "at_least"))],
    )  # fmt: skip
    values = {c.value for c in al.claims if c.slot == "passengers"}
    assert all(v.split()[0] in {"120", "about", "at"} for v in values)
    assert all(v.endswith("120 passengers") for v in values)

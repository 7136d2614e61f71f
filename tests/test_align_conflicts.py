"""Conflicts outside plain tolls: seized counts, clock times, colours, home towns
and name spellings told differently by independent outlets (issue 18).

Fictional multi-outlet stories (invented people, towns and outlets).
"""

from __future__ import annotations

from report_fixture import article, cite, qty
from storyline.models import ArticleFacts, Entity
from storyline.stages.analysis.align import align
from storyline.stages.analysis.slots import spelling_variants


def _person(a, eid: str, name: str) -> Entity:
    return Entity(eid, name, "PERSON", [], [cite(a, name)])


def _topics(al) -> list[str]:
    return [c.topic for c in al.conflicts]


def test_counts_of_one_seized_noun_conflict_across_outlets() -> None:
    a = article(
        "nc1",
        "Coast guards near Pellworth stopped a smuggling skiff at dawn and seized 9 crossbows "
        "hidden under the nets of the skiff.",
        outlet="Harbor Times",
    )
    b = article(
        "nc2",
        "Coast guards near Pellworth stopped a smuggling skiff at dawn and seized 4 crossbows "
        "hidden under the nets of the skiff.",
        outlet="Evening Post",
    )
    fa = ArticleFacts(a.id, quantities=[qty(a, "9 crossbows", "", None, "crossbows", 9, "exact")])
    fb = ArticleFacts(b.id, quantities=[qty(b, "4 crossbows", "", None, "crossbows", 4, "exact")])
    al = align([a, b], [fa, fb])
    (conflict,) = al.conflicts
    assert {s.claim.split(": ")[-1] for s in conflict.sides} == {"9 crossbows", "4 crossbows"}
    assert {o for s in conflict.sides for o in s.outlets} == {"Harbor Times", "Evening Post"}


def test_a_count_with_neither_frame_nor_owner_is_not_compared() -> None:
    # two players' statistics in one story: "13 goals" and "21 goals" say nothing against
    # each other
    a = article("ns1", "Last season the striker scored 13 goals for the Pellworth club.")
    b = article("ns2", "Last season the striker scored 21 goals for the Pellworth club.")
    fa = ArticleFacts(a.id, quantities=[qty(a, "13 goals", "", None, "goals", 13, "exact")])
    fb = ArticleFacts(b.id, quantities=[qty(b, "21 goals", "", None, "goals", 21, "exact")])
    assert align([a, b], [fa, fb]).conflicts == []


def test_counts_of_one_noun_in_unlike_sentences_do_not_conflict() -> None:
    a = article(
        "nd1",
        "The museum of Pellworth shows 9 crossbows from the old wars.",
        outlet="Harbor Times",
    )
    b = article(
        "nd2", "Smugglers at sea were found with 4 crossbows by the coast guards.", outlet="Post"
    )
    fa = ArticleFacts(a.id, quantities=[qty(a, "9 crossbows", "", None, "crossbows", 9, "exact")])
    fb = ArticleFacts(b.id, quantities=[qty(b, "4 crossbows", "", None, "crossbows", 4, "exact")])
    assert align([a, b], [fa, fb]).conflicts == []


def _pair(text_a: str, text_b: str, names: tuple[str, ...] = ()):
    a = article("sa1", text_a, outlet="Harbor Times")
    b = article("sb1", text_b, outlet="Evening Post")
    facts = [
        ArticleFacts(x.id, entities=[_person(x, f"per:{n}", n) for n in names if n in x.text])
        for x in (a, b)
    ]
    return align([a, b], facts)


def test_clock_times_of_the_same_stop_conflict_with_their_hedges() -> None:
    al = _pair(
        "Officers stopped the blue delivery van on the Orlen bridge at about 4:00 a.m. on "
        "Sunday, the traffic police of Orlen said.",
        "Officers stopped the delivery van on the Orlen bridge at about 4:40 a.m. on Sunday, "
        "the traffic police of Orlen said.",
    )
    (conflict,) = [c for c in al.conflicts if c.topic == "At what time it happened"]
    assert [s.outlets for s in conflict.sides] == [["Harbor Times"], ["Evening Post"]]
    assert 0 < conflict.confidence <= 1


def test_clock_times_that_overlap_or_tell_two_moments_do_not_conflict() -> None:
    # "shortly after 4" and "about 4:10" can both hold
    al = _pair(
        "Officers stopped the delivery van on the Orlen bridge shortly after 4 a.m. on Sunday.",
        "Officers stopped the delivery van on the Orlen bridge at about 4:10 a.m. on Sunday.",
    )
    assert "At what time it happened" not in _topics(al)
    # a march that began at one hour and a crowd gone at another: two moments
    al = _pair(
        "The march through Orlen began around 6 p.m. in the old square, police said.",
        "Police in Orlen said the crowd of the march had gone home by 9 p.m. that night.",
    )
    assert "At what time it happened" not in _topics(al)


def test_colour_of_one_vehicle_conflicts_but_not_a_place_name() -> None:
    al = _pair(
        "The driver fled in a silver Kestrel sedan after the crash on Mill Road in Orlen.",
        "The driver fled in a green Kestrel sedan after the crash on Mill Road in Orlen.",
    )
    (conflict,) = [c for c in al.conflicts if c.topic.startswith("The colour")]
    assert conflict.topic == "The colour of the kestrel"
    al = _pair(
        "The driver fled toward White Harbor after the crash on Mill Road in Orlen.",
        "The driver fled toward Green Harbor after the crash on Mill Road in Orlen.",
    )
    assert not [c for c in al.conflicts if c.topic.startswith("The colour")]


def test_home_town_of_one_person_conflicts_unless_one_place_holds_the_other() -> None:
    al = _pair(
        "Police named the driver as Tobin Marsk, 41, of Pellworth, after the crash.",
        "Police named the driver as Tobin Marsk, 41, of Orlen Falls, after the crash.",
    )
    (conflict,) = [c for c in al.conflicts if c.topic.startswith("Where")]
    assert conflict.topic == "Where Marsk is from"
    assert {s.claim for s in conflict.sides} == {"Pellworth", "Orlen Falls"}
    al = _pair(
        "Police named the driver as Tobin Marsk, 41, of Quay Street, Pellworth, after the crash.",
        "Police named the driver as Tobin Marsk, 41, of Pellworth, after the crash.",
    )
    assert not [c for c in al.conflicts if c.topic.startswith("Where")]


def test_one_name_spelled_two_ways_by_two_outlets_conflicts() -> None:
    al = _pair(
        "The climber Ilse Varhol was found alive on the north ridge by a rescue team.",
        "The climber Ilse Varholl was found alive on the north ridge by a rescue team.",
        names=("Ilse Varhol", "Ilse Varholl"),
    )
    (conflict,) = [c for c in al.conflicts if c.topic == "How the name is spelled"]
    assert {s.claim for s in conflict.sides} == {"Varhol", "Varholl"}
    assert conflict.confidence >= 0.5


def test_name_spelling_needs_a_person_and_an_outlet_true_to_one_form() -> None:
    # not known as a person's name: never compared
    al = _pair(
        "The climber Ilse Varhol was found alive on the north ridge by a rescue team.",
        "The climber Ilse Varholl was found alive on the north ridge by a rescue team.",
    )
    assert "How the name is spelled" not in _topics(al)
    # an outlet that writes both forms is on no side
    al = _pair(
        "The climber Ilse Varhol was found alive. Ilse Varholl had been missing for a day.",
        "The climber Ilse Varholl was found alive on the north ridge by a rescue team.",
        names=("Ilse Varhol", "Ilse Varholl"),
    )
    assert "How the name is spelled" not in _topics(al)


def test_spelling_variants() -> None:
    assert spelling_variants("Varhol", "Varholl")
    assert spelling_variants("LaBrenna", "Brenna")
    assert not spelling_variants("Marsh", "Marshs")  # a plural
    assert not spelling_variants("Tobin", "Robin")  # another initial: another name
    assert not spelling_variants("Varhol", "Varhol")
    # house style, not two names: one firm's "Advisers" / "Advisors", "Centre" / "Center"
    assert not spelling_variants("Advisers", "Advisors")
    assert not spelling_variants("Centre", "Center")
    assert spelling_variants("Tayler", "Taylor")  # a surname spelled two ways stays one


def _age_story(name_b: str):
    a = article(
        "ag1", "Rescuers said 31-year-old Ilse Varhol fell from the north ridge near Orlen.",
        outlet="Harbor Times",
    )  # fmt: skip
    b = article(
        "ag2", f"Rescuers said 34-year-old {name_b} fell from the north ridge near Orlen.",
        outlet="Evening Post",
    )  # fmt: skip
    fa = ArticleFacts(a.id, quantities=[qty(a, "31-year-old", "", None, "", 31, "exact")])
    fb = ArticleFacts(b.id, quantities=[qty(b, "34-year-old", "", None, "", 34, "exact")])
    return align([a, b], [fa, fb])


def test_ages_of_one_named_person_conflict_but_not_of_two_people() -> None:
    (conflict,) = _age_story("Ilse Varhol").conflicts
    assert {s.outlets[0] for s in conflict.sides} == {"Harbor Times", "Evening Post"}
    assert _age_story("Tobin Marsk").conflicts == []

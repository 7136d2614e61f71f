"""Updates: a figure that moves between reports is the story moving, not a disagreement.

Fictional multi-outlet stories (invented towns, outlets and people); quantities are built by
hand so that the update rules are tested apart from the extractor.
"""

from __future__ import annotations

from report_fixture import article
from report_fixture import facts_of as _facts
from report_fixture import frame_at as _frame
from storyline.models import Cite, DateMention
from storyline.stages.analysis.align import align


def test_update_cues_read_around_the_figure() -> None:
    assert _frame("The toll from the Varn mudslide has risen to 23, officials said.", "23").update
    assert _frame("Rescuers said the toll is now 23 after the Varn mudslide.", "23").update
    assert _frame("At least 23 people have died so far in the Varn mudslide.", "23").update
    # "now" elsewhere in the sentence says nothing about the figure
    assert not _frame("The Varn mudslide killed 23 people and the road is now closed.", "23").update


def test_every_report_of_each_figure_is_cited_by_the_update() -> None:
    # two outlets give the early toll, two the later one; one of them says it rose
    a = article("a1", "A mudslide in Varn killed 6 people on Tuesday, the mayor said.",
                outlet="Varn Courier")  # fmt: skip
    b = article("b1", "Six people died when a mudslide buried homes in Varn, rescuers said.",
                outlet="Hill Radio")  # fmt: skip
    c = article("c1", "The death toll from the Varn mudslide rose to 19 on Wednesday.",
                outlet="Coast Daily")  # fmt: skip
    d = article("d1", "The Varn mudslide killed 19 people, the regional governor said.",
                outlet="Plains Wire")  # fmt: skip
    al = align(
        [a, b, c, d],
        [_facts(a, ("6 people", "people", 6, "exact")), _facts(b, ("Six people", "people", 6, "exact")),
         _facts(c, ("19", None, 19, "exact")), _facts(d, ("19 people", "people", 19, "exact"))],
    )  # fmt: skip
    assert not al.conflicts
    (update,) = al.updates
    assert {c.article for c in update.cites} == {"a1", "b1", "c1", "d1"}
    assert update.summary.startswith("killed:")


def test_a_larger_toll_in_a_later_dated_report_is_an_update_without_a_cue() -> None:
    a = article("a1", "A ferry capsized off Tolm, killing 4 passengers, the coast guard said.",
                published="2033-08-01")  # fmt: skip
    b = article("b1", "The ferry that capsized off Tolm killed 11 passengers, the coast guard said.",
                published="2033-08-02")  # fmt: skip
    al = align([a, b], [_facts(a, ("4 passengers", "passengers", 4, "exact")),
                        _facts(b, ("11 passengers", "passengers", 11, "exact"))])  # fmt: skip
    assert not al.conflicts
    (update,) = al.updates
    assert update.date_text == "2033-08-01 → 2033-08-02"


def test_same_day_reports_without_a_cue_disagree_rather_than_update() -> None:
    a = article("a1", "A ferry capsized off Tolm, killing 4 passengers, the coast guard said.",
                published="2033-08-01")  # fmt: skip
    b = article("b1", "The ferry that capsized off Tolm killed 11 passengers, the coast guard said.",
                published="2033-08-01")  # fmt: skip
    al = align([a, b], [_facts(a, ("4 passengers", "passengers", 4, "exact")),
                        _facts(b, ("11 passengers", "passengers", 11, "exact"))])  # fmt: skip
    assert not al.updates
    assert len(al.conflicts) == 1


def test_a_figure_counting_another_noun_is_never_an_update() -> None:
    # "seven barns" sits in the toll's clause but counts barns, not the dead
    a = article("a1", "The storm flattened seven barns in Ridley, killing 3 people on Monday.")
    b = article("b1", "The toll from the Ridley storm rose to 5 on Tuesday, police said.")
    al = align([a, b], [_facts(a, ("seven barns", "barns", 7, "exact"), ("3 people", "people", 3, "exact")),
                        _facts(b, ("5", None, 5, "exact"))])  # fmt: skip
    (update,) = al.updates
    assert "seven barns" not in update.summary
    assert {c.end - c.start for c in update.cites} == {len("3 people"), len("5")}
    assert not al.conflicts


def test_a_figure_shown_as_an_update_is_not_also_a_conflict() -> None:
    # the early report gives the toll twice in different words: two claims, one update
    a = article("a1", "A tram crash in Selby killed 2 people. Two people died at the scene, "
                      "the city said.", published="2034-02-10")  # fmt: skip
    b = article("b1", "The toll of the Selby tram crash has risen to 8, the city said.",
                published="2034-02-11")  # fmt: skip
    al = align([a, b], [_facts(a, ("2 people", "people", 2, "exact"), ("Two people", "people", 2, "exact")),
                        _facts(b, ("8", None, 8, "exact"))])  # fmt: skip
    assert al.updates
    assert not al.conflicts


def _dated(a, day: str, date_text: str, *figures):
    f = _facts(a, *figures)
    start = a.text.index(date_text)
    f.dates = [DateMention(day, "day", date_text, Cite(a.id, start, start + len(date_text)))]
    return f


def test_undated_reports_are_ordered_by_the_dates_their_text_names() -> None:
    # no published date: the date each report's own text names says which came first
    a = article("a1", "Floods in Marrow\nMarch 3, 2035\n"
                      "The floods in Marrow killed 5 people, the district office said.")  # fmt: skip
    b = article("b1", "Marrow floods\nMarch 4, 2035\n"
                      "The floods in Marrow killed 12 people, the district office said.")  # fmt: skip
    al = align(
        [a, b],
        [_dated(a, "2035-03-03", "March 3, 2035", ("5 people", "people", 5, "exact")),
         _dated(b, "2035-03-04", "March 4, 2035", ("12 people", "people", 12, "exact"))],
    )  # fmt: skip
    assert not al.conflicts
    (update,) = al.updates
    assert update.date_text == "2035-03-03 → 2035-03-04"


def _ages(day_a: str, day_b: str):
    a = article("a1", "Police said Tomas Grell, 52, drove the truck into the Harlow depot.",
                published=day_a)  # fmt: skip
    b = article("b1", "A jury heard that Tomas Grell, 53, drove the truck into the Harlow depot.",
                published=day_b)  # fmt: skip
    return align([a, b], [_facts(a, ("52", None, 52, "exact")),
                          _facts(b, ("53", None, 53, "exact"))])  # fmt: skip


def test_one_persons_age_a_year_later_is_neither_a_conflict_nor_an_update() -> None:
    # the person aged between the two reports: no one disagrees, and the story did not move
    al = _ages("2036-03-02", "2037-04-20")
    assert not al.conflicts and not al.updates
    # days apart, the same two ages are a disagreement
    assert _ages("2036-03-02", "2036-03-03").conflicts


def test_two_ages_for_one_person_days_apart_are_not_an_update() -> None:
    assert not _ages("2036-03-02", "2036-03-03").updates
    # the younger age in the later report is no ageing either
    assert not _ages("2037-04-20", "2036-03-02").updates


def _extracted(a):  # the quantity extractor's own figures (rules mode), implied counts included
    from storyline.models import ArticleFacts
    from storyline.stages.prepare.extract.quantities import extract_quantities

    return ArticleFacts(a.id, quantities=extract_quantities(a, None, []))


def test_an_implied_count_starts_an_update() -> None:
    # the first report names no number ("a climber is dead"); the next day's gives two deaths
    a = article("a1", "A 41-year-old Tolm climber is dead after a fall on Mount Varn, police said.",
                published="2033-09-14", outlet="Varn Courier")  # fmt: skip
    b = article("b1", "Police said there were two deaths on Mount Varn this weekend.",
                published="2033-09-15", outlet="Hill Radio")  # fmt: skip
    al = align([a, b], [_extracted(a), _extracted(b)])
    assert not al.conflicts
    (update,) = al.updates
    assert update.summary == "killed: climber is dead → two deaths"
    assert update.date_text == "2033-09-14 → 2033-09-15"
    assert {c.article for c in update.cites} == {"a1", "b1"}


def test_an_implied_count_never_takes_a_side() -> None:
    # "a climber is dead" tells of that climber, not of the whole toll: against a later or a
    # same-day report of two deaths it is no disagreement
    a = article("a1", "A 41-year-old Tolm climber is dead after a fall on Mount Varn, police said.",
                published="2033-09-15", outlet="Varn Courier")  # fmt: skip
    b = article("b1", "Police said there were two deaths on Mount Varn this weekend.",
                published="2033-09-15", outlet="Hill Radio")  # fmt: skip
    al = align([a, b], [_extracted(a), _extracted(b)])
    assert not al.conflicts and not al.updates

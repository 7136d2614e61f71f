"""Numeric facts about people aligned into one claim (issue 18, s10): one person named in
full, with a middle initial or by surname alone; two people of one surname kept apart; a
large count of "people" and the same count named by the kind of people it is.

Fictional stories (invented places, people and outlets); quantities built by hand.
"""

from __future__ import annotations

from dataclasses import replace

from report_fixture import article, cite
from storyline.models import Article, ArticleFacts, Quantity
from storyline.stages.analysis.align import Alignment, _one_person, align


def _age(a: Article, text: str, value: float, name: str) -> Quantity:
    q = Quantity(name, "age", value, None, None, "exact", text, cite(a, text), frame="age")
    return replace(q, subject_entity="per:" + name.lower().replace(".", "").replace(" ", "-"))


def _count(a: Article, text: str, measure: str, value: float, hedge: str = "exact") -> Quantity:
    return Quantity(measure, measure, value, None, None, hedge, text, cite(a, text))  # type: ignore[arg-type]


def _together(al: Alignment, *ids: str) -> bool:
    return any(
        set(ids) <= {c.article for c in claim.cites}
        for claim in al.claims
        if claim.slot != "statement"
    )


def _ages(*rows: tuple[str, str, str, float]) -> Alignment:
    arts, facts = [], []
    for n, (aid, text, name, value) in enumerate(rows):
        a = article(aid, text, outlet=f"Outlet {n}")
        arts.append(a)
        facts.append(ArticleFacts(a.id, quantities=[_age(a, f"{value:g}", value, name)]))
    return align(arts, facts)


def test_one_person_named_in_full_with_an_initial_or_by_surname() -> None:
    assert _one_person("per:tomas-r-velder", "per:tomas-velder")
    assert _one_person("per:velder", "per:tomas-velder")
    assert _one_person("per:tomas-velder-jr", "per:velder")
    assert not _one_person("per:tomas-velder", "per:anja-velder")
    assert not _one_person("per:tomas-velder", "per:tomas-marl")
    assert not _one_person("org:velder", "per:velder")


def test_an_age_told_with_three_forms_of_one_name_is_one_claim() -> None:
    al = _ages(
        ("p1", "Tomas R. Velder, 37, was convicted on Tuesday in Orlen.", "Tomas R. Velder", 37),
        ("p2", "The court heard that Tomas Velder, 37, had fled to Varn.", "Tomas Velder", 37),
        ("p3", "Velder, 37, told the judge in Orlen he was sorry.", "Velder", 37),
    )
    assert _together(al, "p1", "p2", "p3")


def test_two_people_of_one_surname_never_share_an_age_claim() -> None:
    # the surname alone could be either; it may join one of them, never both into one claim
    al = _ages(
        ("p1", "Tomas Velder, 37, won the regatta off Orlen on Sunday.", "Tomas Velder", 37),
        ("p2", "Anja Velder, 37, won the regatta off Orlen on Sunday.", "Anja Velder", 37),
        ("p3", "Velder, 37, won the regatta off Orlen on Sunday.", "Velder", 37),
    )
    assert not _together(al, "p1", "p2")


def _crowd(text_a: str, fig_a: tuple[str, str, float, str], text_b: str,
           fig_b: tuple[str, str, float, str]) -> Alignment:  # fmt: skip
    a = article("p1", text_a, outlet="Orlen Post")
    b = article("p2", text_b, outlet="Valley News")
    return align(
        [a, b],
        [ArticleFacts(a.id, quantities=[_count(a, *fig_a)]),
         ArticleFacts(b.id, quantities=[_count(b, *fig_b)])],
    )  # fmt: skip


def test_a_large_count_of_people_and_of_voters_is_one_count() -> None:
    al = _crowd(
        "Over 1.8 million people were eligible to cast a ballot in the Varnese election.",
        ("Over 1.8 million people", "people", 1_800_000, "more_than"),
        "The Varnese election had 1.8 million eligible voters and 90 candidates.",
        ("1.8 million eligible voters", "voters", 1_800_000, "exact"),
    )
    assert _together(al, "p1", "p2")


def test_a_small_or_vague_count_of_people_keeps_its_kind() -> None:
    # three people are not three voters: a handful's kind matters
    al = _crowd(
        "Three people were questioned by the police in Varn after the vote.",
        ("Three people", "people", 3, "exact"),
        "Three voters were turned away at a polling station in Varn.",
        ("Three voters", "voters", 3, "exact"),
    )
    assert not _together(al, "p1", "p2")
    # "thousands of voters" is no exact count of people
    al = _crowd(
        "More than 2,000 people were registered in Varn by Sunday.",
        ("More than 2,000 people", "people", 2000, "more_than"),
        "Thousands of voters were registered in Varn by Sunday.",
        ("Thousands of voters", "voters", 2000, "vague"),
    )
    assert not _together(al, "p1", "p2")


def test_an_age_of_a_surname_tagged_as_a_place_is_a_persons() -> None:
    # the name tagger may read a bare surname as a place; an age is always a person's
    a = article("p1", "Tomas Velder, 49, escaped from a prison van near Orlen.", outlet="A")
    b = article("p2", "Velder, 49, was caught two days later in Varn.", outlet="B")
    qa = replace(_age(a, "49", 49, "Tomas Velder"))
    qb = replace(_age(b, "49", 49, "Velder"), subject_entity="gpe:velder")
    al = align([a, b], [ArticleFacts(a.id, quantities=[qa]), ArticleFacts(b.id, quantities=[qb])])
    assert _together(al, "p1", "p2")
    assert _one_person("gpe:velder", "per:tomas-velder", any_kind=True)
    assert not _one_person("gpe:velder", "per:tomas-velder")


def test_one_persons_age_told_by_reports_a_year_apart_is_one_fact() -> None:
    # a trial report retells the victim's age; other figures that far apart stay apart
    a = article(
        "p1", "Mara Quillon, 34, was shot on a Varn street.", outlet="A", published="2031-10-21"
    )
    b = article("p2", "The jury heard that Mara Quillon, 34, died at the scene.", outlet="B",
                published="2032-11-02")  # fmt: skip
    qa, qb = _age(a, "34", 34, "Mara Quillon"), _age(b, "34", 34, "Mara Quillon")
    al = align([a, b], [ArticleFacts(a.id, quantities=[qa]), ArticleFacts(b.id, quantities=[qb])])
    assert _together(al, "p1", "p2")
    c = article(
        "p3", "Police said 14 homes were searched in Varn.", outlet="A", published="2031-10-21"
    )
    d = article(
        "p4", "Police said 14 homes were searched in Varn.", outlet="B", published="2032-11-02"
    )
    al = align(
        [c, d],
        [ArticleFacts(c.id, quantities=[_count(c, "14 homes", "homes", 14)]),
         ArticleFacts(d.id, quantities=[_count(d, "14 homes", "homes", 14)])],
    )  # fmt: skip
    assert not _together(al, "p3", "p4")

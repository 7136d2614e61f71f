"""Numbers told alike across outlets (issue 18): ages read where a person turns or is given
one, records and scores as one interval value, one count of people named two ways, one
age of a person whose given name is written two ways.

All text here is invented for these tests (made-up people, places and outlets).
"""

from __future__ import annotations

import re

import pytest

from report_fixture import article, cite
from storyline.models import Article, ArticleFacts, Cite, Entity, Quantity
from storyline.stages.analysis.align import Alignment, align
from storyline.stages.prepare.extract.quantities import extract_quantities


def _art(text: str) -> Article:
    return Article(id="q1", source="t", text=text, raw=text, title="t")


def _people(text: str, names: dict[str, str]) -> list[Entity]:
    """Person entities for ``names`` (surface -> id), one mention per occurrence."""
    out = []
    for surface, eid in names.items():
        cites = [Cite("q1", m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
        out.append(Entity(id=eid, name=surface, type="PERSON", mentions=cites))
    return out


def _ages(text: str, names: dict[str, str], parse: bool) -> list[tuple[str, str | None, float]]:
    from storyline.nlp import load_spacy

    doc = load_spacy()(text) if parse else None
    found = extract_quantities(_art(text), doc, _people(text, names))
    return [(q.text, q.subject, q.value or 0.0) for q in found if q.measure == "age"]


# -- ages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("parse", [True, False])
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Dorran Vekk will be 29 in April.", "29"),
        ("Dorran Vekk turns 29 on Friday, his agent said.", "29"),
        ("Dorran Vekk (34) was held overnight in Orlen.", "34"),
        ("Dorran Vekk, 34 of Orlen, was held overnight.", "34"),
        ("Dorran Vekk, age 34, was held overnight.", "34"),
        ("Dorran Vekk was held at the age of 34.", "34"),
    ],
)
def test_an_age_a_person_turns_or_is_given(text: str, number: str, parse: bool) -> None:
    got = _ages(text, {"Dorran Vekk": "per:dorran-vekk"}, parse)
    assert [(t, s) for t, s, _v in got] == [(number, "Dorran Vekk")]


@pytest.mark.parametrize("parse", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "The count will be 12 on Friday, officials said.",  # no person turns a count
        "The Orlen Hawks (34) lead the table.",  # a team's points in brackets
        "Sales rose to 40 on Monday.",
    ],
)
def test_no_age_without_a_person(text: str, parse: bool) -> None:
    assert _ages(text, {}, parse) == []


def test_years_old_in_one_compound_is_an_age() -> None:
    (q,) = extract_quantities(_art("Vekk, 34-years-old, was held."), None, [])
    assert (q.value, q.measure, q.frame) == (34, "age", "age")


def test_rules_never_give_an_age_to_a_place() -> None:
    text = "Police held a man aged 34 in Orlen on Monday."
    ents = [Entity(id="gpe:orlen", name="Orlen", type="GPE",
                   mentions=[Cite("q1", text.index("Orlen"), text.index("Orlen") + 5)])]  # fmt: skip
    (q,) = extract_quantities(_art(text), None, ents)
    assert (q.measure, q.subject_entity) == ("age", None)


# -- claims -------------------------------------------------------------------------------


def _q(a: Article, text: str, measure: str | None, value: float | None, **kw: object) -> Quantity:
    return Quantity(
        kw.get("subject"),
        measure,
        value,
        kw.get("low"),
        kw.get("high"),  # type: ignore[arg-type]
        kw.get("hedge", "exact"),
        text,
        cite(a, text),  # type: ignore[arg-type]
        subject_entity=kw.get("entity"),  # type: ignore[arg-type]
        frame=kw.get("frame"),  # type: ignore[arg-type]
    )


def _story(*items: tuple[str, list[tuple[str, str | None, float | None, dict[str, object]]]]
           ) -> Alignment:  # fmt: skip
    arts, facts = [], []
    for n, (text, figures) in enumerate(items):
        a = article(f"n{n}", text, outlet=f"Outlet {n}")
        arts.append(a)
        facts.append(
            ArticleFacts(a.id, quantities=[_q(a, t, m, v, **kw) for t, m, v, kw in figures])
        )
    return align(arts, facts)


def _together(al: Alignment, *ids: str) -> bool:
    return any(
        set(ids) <= {c.article for c in claim.cites}
        for claim in al.claims
        if claim.slot != "statement"
    )


def test_a_record_told_two_ways_is_one_claim_and_never_a_conflict() -> None:
    al = _story(
        ("The Orlen Hawks finished the season with a 9-14 record under coach Ilse Varhol.", []),
        ("Under coach Ilse Varhol the Orlen Hawks went 9-14 this season.", []),
        ("The Orlen Hawks went 10-13 this season under coach Ilse Varhol.", []),
    )
    assert _together(al, "n0", "n1")
    claim = next(c for c in al.claims if c.slot == "record" and len(c.cites) >= 2)
    assert claim.value == "9-14 record"
    assert not _together(al, "n0", "n2")
    assert al.conflicts == []  # a record changes with every game


def test_a_score_is_not_a_record_and_ranges_keep_both_ends() -> None:
    al = _story(
        ("Orlen beat Varn 3-1 on Sunday in the cup final at Tarn.", []),
        ("Orlen won 3-1 against Varn on Sunday in the cup final at Tarn.", []),
    )
    assert any(c.slot == "score" and c.value == "3-1 score" for c in al.claims)
    assert _together(al, "n0", "n1")


def test_two_people_with_one_record_stay_apart() -> None:
    texts = {
        "n0": ("Ilse Varhol (20-2, 12 KOs) boxes in Orlen on Friday night.", "Ilse Varhol"),
        "n1": ("A quiet week in Varn ended as Mara Quill (20-2) signed a promoter.", "Mara Quill"),
    }
    arts, facts = [], []
    for aid, (text, name) in texts.items():
        a = article(aid, text, outlet=f"Outlet {aid}")
        pid = "per:" + name.lower().replace(" ", "-")
        arts.append(a)
        facts.append(
            ArticleFacts(a.id, entities=[Entity(pid, name, "PERSON", mentions=[cite(a, name)])])
        )
    al = align(arts, facts)
    assert any(c.slot == "record" for c in al.claims)
    assert not _together(al, "n0", "n1")


def test_one_record_under_two_names_of_a_team() -> None:
    al = _story(
        ("The Orlen Hawks (14-2) beat Varn on Sunday night.", []),
        ("Coach Ilse Varhol said the team, now 14-2, had earned a rest.", []),
    )
    assert _together(al, "n0", "n1")


def test_one_count_of_guards_named_two_ways_is_one_claim() -> None:
    a = "The inmate pulled a gun on two prison guards during a transfer near Orlen on Monday."
    b = "During a transfer near Orlen on Monday the inmate pulled a gun on two officers."
    al = _story(
        (a, [("two prison guards", "prison guards", 2.0, {})]),
        (b, [("two officers", "officers", 2.0, {})]),
    )
    assert _together(al, "n0", "n1")


def test_guards_and_inmates_or_other_values_stay_apart() -> None:
    a = "The inmate pulled a gun on two prison guards during a transfer near Orlen on Monday."
    b = "During a transfer near Orlen on Monday two inmates pulled a gun on the driver."
    c = "During a transfer near Orlen on Monday the inmate pulled a gun on three officers."
    al = _story(
        (a, [("two prison guards", "prison guards", 2.0, {})]),
        (b, [("two inmates", "inmates", 2.0, {})]),
        (c, [("three officers", "officers", 3.0, {})]),
    )
    assert not _together(al, "n0", "n1")
    assert not _together(al, "n0", "n2")


def test_guards_in_unlike_sentences_stay_apart() -> None:
    al = _story(
        ("The inmate pulled a gun on two prison guards during a transfer near Orlen.", [
            ("two prison guards", "prison guards", 2.0, {})]),
        ("A quiet week in Varn: two officers retired after long careers.", [
            ("two officers", "officers", 2.0, {})]),
    )  # fmt: skip
    assert not _together(al, "n0", "n1")


def test_one_age_of_a_given_name_written_two_ways() -> None:
    al = _story(
        ("Fred Oskarsson, 75, died at his home in Orlen.", [
            ("75", "age", 75.0, {"subject": "Fred Oskarsson", "entity": "per:fred-oskarsson",
                                 "frame": "age"})]),
        ("Frederick Lund Oskarsson died in Orlen on Tuesday. He was 75.", [
            ("75", "age", 75.0, {"subject": "Frederick Lund Oskarsson",
                                 "entity": "per:frederick-lund-oskarsson", "frame": "age"})]),
    )  # fmt: skip
    assert _together(al, "n0", "n1")


def test_namesakes_ages_stay_apart() -> None:
    al = _story(
        ("Wendel Oskarsson, 31, won in Orlen on Saturday.", [
            ("31", "age", 31.0, {"subject": "Wendel Oskarsson", "entity": "per:wendel-oskarsson",
                                 "frame": "age"})]),
        ("Vitus Oskarsson, 31, won in Orlen on Saturday.", [
            ("31", "age", 31.0, {"subject": "Vitus Oskarsson", "entity": "per:vitus-oskarsson",
                                 "frame": "age"})]),
    )  # fmt: skip
    assert not _together(al, "n0", "n1")


def test_guards_killed_and_officers_injured_stay_apart() -> None:
    a = "Two prison guards were killed in the riot near Orlen on Monday, officials said."
    b = "Two officers were injured in the riot near Orlen on Monday, officials said."
    al = _story(
        (a, [("Two prison guards", "prison guards", 2.0, {})]),
        (b, [("Two officers", "officers", 2.0, {})]),
    )
    assert not _together(al, "n0", "n1")


@pytest.mark.parametrize("parse", [True, False])
def test_he_was_gives_the_main_persons_age(parse: bool) -> None:
    text = "Dorran Vekk, the actor who played in Varn, has died. He was 95."
    got = _ages(text, {"Dorran Vekk": "per:dorran-vekk"}, parse)
    assert [(t, s) for t, s, _v in got] == [("95", "Dorran Vekk")]


@pytest.mark.parametrize("parse", [True, False])
def test_he_was_with_no_main_person_gives_no_age(parse: bool) -> None:
    text = "Dorran Vekk has died, his agent Mara Quill said. He was 95."
    names = {"Dorran Vekk": "per:dorran-vekk", "Mara Quill": "per:mara-quill"}
    assert _ages(text, names, parse) == []


def test_a_bare_range_in_a_records_words_is_the_record() -> None:
    a = "The Orlen Hawks were 9-14 when coach Ilse Varhol was fired on Monday."
    b = "Varn named a new coach after the Hawks (9-14) fired Ilse Varhol."
    # the extractor reads "9-14" in the first as a bare range
    rng = ("9-14", None, None, {"low": 9.0, "high": 14.0, "hedge": "range"})
    al = _story((a, [rng]), (b, []))
    assert _together(al, "n0", "n1")
    assert any(c.value == "9-14 record" for c in al.claims)


def test_one_age_of_a_name_spelled_two_ways() -> None:
    def age(name: str) -> tuple[str, str | None, float | None, dict[str, object]]:
        pid = "per:" + name.lower().replace(" ", "-")
        return ("52", "age", 52.0, {"subject": name, "entity": pid, "frame": "age"})

    al = _story(
        ("Ravi Chohan, 52, was struck by a van in Orlen on Monday.", [age("Ravi Chohan")]),
        ("A van struck Ravi Chauhan, 52, in Orlen on Monday.", [age("Ravi Chauhan")]),
        ("In Orlen on Monday Katrine Lund, 52, was struck by a van.", [age("Katrine Lund")]),
    )
    assert _together(al, "n0", "n1")
    assert not _together(al, "n0", "n2")


def test_one_toll_keyed_under_two_owners_is_one_claim() -> None:
    a = "A gunman killed two people at the Varn Tavern in Orlen late on Sunday, police said."
    b = "Two people were killed in Orlen on Sunday, the mayor told reporters at a briefing."
    al = _story(
        (a, [("two people", "people", 2.0, {"subject": "Varn Tavern", "entity": "loc:varn-tavern",
                                            "frame": "killed"})]),
        (b, [("Two people", "people", 2.0, {"subject": "Orlen", "entity": "gpe:orlen",
                                            "frame": "killed"})]),
    )  # fmt: skip
    assert _together(al, "n0", "n1")


def test_a_toll_and_an_injury_count_under_two_owners_stay_apart() -> None:
    a = "A gunman killed two people at the Varn Tavern in Orlen late on Sunday, police said."
    b = "Police said two people were injured late on Sunday when a gunman opened fire in Orlen."
    al = _story(
        (a, [("two people", "people", 2.0, {"subject": "Varn Tavern", "entity": "loc:varn-tavern",
                                            "frame": "killed"})]),
        (b, [("two people", "people", 2.0, {"subject": "Orlen", "entity": "gpe:orlen",
                                            "frame": "injured"})]),
    )  # fmt: skip
    assert not _together(al, "n0", "n1")


def test_hours_and_days_are_no_record() -> None:
    al = _story(
        ("The Orlen awards air at 5-8 p.m. on October 1-2, the network said.", []),
        ("The network said the Orlen awards air at 5-8 p.m. on October 1-2.", []),
    )
    assert not any(c.slot in ("record", "score") for c in al.claims)


def test_a_record_told_in_words_is_the_record() -> None:
    al = _story(
        ("The Orlen Hawks finished the season with a 9-14 record under coach Ilse Varhol.", []),
        ("Under coach Ilse Varhol the Orlen Hawks had nine wins and 14 losses this season.", []),
        ("Under coach Ilse Varhol the Orlen Hawks had ten wins and 13 losses this season.", []),
    )
    assert _together(al, "n0", "n1")
    assert not _together(al, "n0", "n2")
    assert al.conflicts == []

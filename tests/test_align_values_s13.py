"""Value claims joined across outlets (issue 18, session 13): a figure after another across
a comma is its own figure unless it is a thousands group; one count under two nouns that
name the same thing ("KOs" / "knockouts" / "wins by knockout").

All text here is invented for these tests (made-up people, places and outlets).
"""

from __future__ import annotations

from report_fixture import article, cite
from storyline.models import Article, ArticleFacts, Entity, Quantity
from storyline.stages.analysis.align import Alignment, _number_tail, align


def _q(a: Article, text: str, measure: str | None, value: float) -> Quantity:
    return Quantity(measure, measure, value, value, value, "exact", text, cite(a, text))


def _story(*items: tuple[str, list[tuple[str, str | None, float]]]) -> Alignment:
    arts, facts = [], []
    for n, (text, figures) in enumerate(items):
        a = article(f"n{n}", text, outlet=f"Outlet {n}")
        arts.append(a)
        facts.append(ArticleFacts(a.id, quantities=[_q(a, t, m, v) for t, m, v in figures]))
    return align(arts, facts)


def _claim_of(al: Alignment, *ids: str) -> bool:
    return any(
        set(ids) <= {c.article for c in claim.cites}
        for claim in al.claims
        if claim.slot != "statement"
    )


def test_a_thousands_group_is_a_numbers_tail_and_a_second_figure_is_not() -> None:
    text = "Dorran Vekk (52-3, 46 KOs) met 120, 000 fans; the quake was 6. 1 in rounds 3, 4."
    assert not _number_tail(text, text.index("46"))
    assert _number_tail(text, text.index("000"))
    assert _number_tail(text, text.index("1 in"))
    assert not _number_tail(text, text.index("4."))


def test_knockouts_told_three_ways_are_one_claim() -> None:
    a = "Dorran Vekk (52-3, 46 KOs) stopped Ivo Tarn in the fifth round at Orlen on Saturday."
    b = "Vekk, now 52-3 with 46 knockouts, stopped Tarn in the fifth round on Saturday."
    c = "The win took Vekk's record to 52-3 with 46 wins by knockout, his agent said."
    d = "Tarn (40-9, 31 KOs) was stopped in the fifth round by Vekk at Orlen on Saturday."
    al = _story(
        (a, [("46", "kos", 46.0)]),
        (b, [("46 knockouts", "knockouts", 46.0)]),
        (c, [("46 wins", "wins", 46.0)]),
        (d, [("31", "kos", 31.0)]),
    )
    assert _claim_of(al, "n0", "n1", "n2")
    assert not _claim_of(al, "n0", "n3")
    assert al.conflicts == []  # two boxers' counts are no disagreement


def test_wins_by_a_margin_are_still_wins() -> None:
    a = "The Orlen Hawks have 12 wins this season, coach Ilse Varhol said on Monday."
    b = "Coach Ilse Varhol said the Orlen Hawks have 12 knockouts this season."
    al = _story((a, [("12 wins", "wins", 12.0)]), (b, [("12 knockouts", "knockouts", 12.0)]))
    assert not _claim_of(al, "n0", "n1")


def _extracted(*texts: str) -> Alignment:
    """Quantities read by the rules extractor (no parse), then aligned."""
    from storyline.stages.prepare.extract.quantities import extract_quantities

    arts, facts = [], []
    for n, text in enumerate(texts):
        a = article(f"n{n}", text, outlet=f"Outlet {n}")
        arts.append(a)
        facts.append(ArticleFacts(a.id, quantities=extract_quantities(a, None, [])))
    return align(arts, facts)


def test_an_age_before_and_a_word_after_he_or_she_is_an_age() -> None:
    al = _extracted(
        "Ivo Tarn, the retired judge of Orlen, died on Monday at the age of 88.",
        "The retired Orlen judge Ivo Tarn died on Monday. He was 88 and lived in Varn.",
    )
    claim = next(c for c in al.claims if {x.article for x in c.cites} == {"n0", "n1"}
                 and c.slot != "statement")  # fmt: skip
    assert claim.value == "88 age"


def test_a_sum_in_euros_and_one_in_eur_are_one_claim() -> None:
    a = "Orlen agreed to a 110 billion euro loan from its neighbours on Sunday, officials said."
    b = "Officials said on Sunday that Orlen agreed to a loan of 110 billion euros."
    al = _story(
        (a, [("110 billion euro", "EUR", 110e9)]), (b, [("110 billion euros", "euros", 110e9)])
    )
    assert _claim_of(al, "n0", "n1")


def test_a_place_a_demonym_names_owns_no_age_or_record() -> None:
    a = "It was the third fight in a year for the 41-year-old Orlen-born boxer, who fell to 30-4."
    b = "The 41-year-old Dorran Vekk fell to 30-4 after his third fight this year."
    arts = [article("n0", a, outlet="Outlet 0"), article("n1", b, outlet="Outlet 1")]
    orlen = Entity(id="gpe:orlen", name="Orlen", type="GPE",
                   mentions=[cite(arts[0], "Orlen")])  # fmt: skip
    vekk = Entity(id="per:dorran-vekk", name="Dorran Vekk", type="PERSON",
                  mentions=[cite(arts[1], "Dorran Vekk")])  # fmt: skip
    age_a = Quantity("Orlen", "age", 41.0, 41.0, 41.0, "exact", "41-year-old", cite(arts[0], "41-year-old"),
                     subject_entity="gpe:orlen", frame="age")  # fmt: skip
    age_b = Quantity("Dorran Vekk", "age", 41.0, 41.0, 41.0, "exact", "41-year-old",
                     cite(arts[1], "41-year-old"), subject_entity="per:dorran-vekk", frame="age")  # fmt: skip
    al = align(arts, [ArticleFacts("n0", entities=[orlen], quantities=[age_a]),
                      ArticleFacts("n1", entities=[vekk], quantities=[age_b])])  # fmt: skip
    assert _claim_of(al, "n0", "n1")
    age = next(c for c in al.claims if c.slot == "age")
    assert age.subject == "Dorran Vekk"
    record = next(c for c in al.claims if c.slot == "record")
    assert {x.article for x in record.cites} == {"n0", "n1"}


def test_homers_are_home_runs() -> None:
    a = "Dorran Vekk hit .310 with 27 homers and 90 RBIs for Orlen last season."
    b = "Last season Vekk batted .310 for Orlen, with 27 home runs and 90 RBIs."
    al = _story((a, [("27 homers", "homers", 27.0)]), (b, [("27 home runs", "home runs", 27.0)]))
    assert _claim_of(al, "n0", "n1")


def test_one_persons_age_under_a_title_and_a_given_name() -> None:
    from storyline.stages.analysis.align import _one_person

    assert _one_person("per:sheriff-deputy-tarn", "per:ivo-tarn", any_kind=True, loose=True)
    assert _one_person("per:gov-ivo-tarn", "per:ivo-tarn", loose=True)
    assert not _one_person("per:ivo-tarn", "per:ana-tarn", loose=True)  # two people


def test_one_games_score_whichever_team_each_sentence_names() -> None:
    a = "The Orlen Hawks beat the Varn Owls 31-24 on Sunday night at Tarn Stadium."
    b = "The Varn Owls lost 31-24 to the Orlen Hawks at Tarn Stadium on Sunday night."
    c = "Earlier this season the Owls had beaten the Pell Foxes 28-17 at home."
    arts = [article(f"n{n}", t, outlet=f"Outlet {n}") for n, t in enumerate((a, b, c))]
    hawks = Entity(id="org:orlen-hawks", name="Orlen Hawks", type="ORG",
                   mentions=[cite(arts[0], "Orlen Hawks")])  # fmt: skip
    owls = Entity(id="org:varn-owls", name="Varn Owls", type="ORG",
                  mentions=[cite(arts[1], "Varn Owls")])  # fmt: skip
    al = align(arts, [ArticleFacts("n0", entities=[hawks]), ArticleFacts("n1", entities=[owls]),
                      ArticleFacts("n2")])  # fmt: skip
    score = next(c for c in al.claims if c.slot == "score" and c.value.startswith("31-24"))
    assert {x.article for x in score.cites} == {"n0", "n1"}


def test_counts_of_a_crime_are_charges_of_it() -> None:
    a = "Ivo Tarn, 35, was charged on Monday in Orlen with two counts of murder."
    b = "Tarn, 35, faces two murder charges in Orlen, police said on Monday."
    c = "Tarn, 35, also faces two counts of robbery in Orlen, police said on Monday."
    al = _story(
        (a, [("two counts", "counts", 2.0)]),
        (b, [("two murder charges", "charges", 2.0)]),
        (c, [("two counts", "counts", 2.0)]),
    )
    assert _claim_of(al, "n0", "n1")
    assert not _claim_of(al, "n0", "n2")
    assert not _claim_of(al, "n1", "n2")


def test_a_day_written_as_an_ordinal_is_the_days_number() -> None:
    from storyline.stages.analysis.statements import find_statements

    a = article("n0", "The Orlen film awards will be handed out at the Tarn Hall on February 22nd.")
    b = article("n1", "The Orlen film awards will be handed out at the Tarn Hall on Feb. 22.")
    c = article("n2", "The Orlen film awards will be handed out at the Tarn Hall on February 23rd.")
    arts = [a, b, c]
    found = find_statements(arts, {x.id: x.id for x in arts})
    joined = [{x.article for x in st.cites} for st in found]
    assert {"n0", "n1"} in joined
    assert not any("n2" in j for j in joined)


def test_a_tied_score_is_a_score() -> None:
    al = _story(
        (
            "Ivo Tarn's late field goal tied the game 17-17 on Sunday between the Hawks and Owls.",
            [],
        ),
        (
            "A late field goal by Ivo Tarn tied it at 17-17 on Sunday between the Hawks and Owls.",
            [],
        ),
    )
    scores = [c for c in al.claims if c.slot == "score"]
    assert [{x.article for x in c.cites} for c in scores] == [{"n0", "n1"}]


def test_a_run_of_wins_told_three_ways_is_one_claim_and_no_conflict() -> None:
    a = "Dorran Vekk (30-2) won his 10th consecutive bout on Saturday in Orlen."
    b = "Vekk, who fought in Orlen on Saturday, has a 10-fight winning streak going."
    c = "Ivo Tarn, beaten in Orlen on Saturday, saw his eighth straight win end."
    d = "Vekk has fought 10 bouts in Orlen since Saturday's fight was set."
    al = _story((a, []), (b, []), (c, []), (d, [("10 bouts", "bouts", 10.0)]))
    streaks = [c for c in al.claims if c.slot == "win streak"]
    assert {"n0", "n1"} in [{x.article for x in c.cites} for c in streaks]
    assert not _claim_of(al, "n0", "n3")  # ten bouts fought are no ten wins in a row
    assert al.conflicts == []  # a streak changes with every game: never set against another


def test_games_played_in_a_row_are_no_streak() -> None:
    from storyline.stages.analysis.align import _streaks

    text = "The Hawks played the fifth straight game at home; a sixth straight day of rain."
    assert _streaks(text, ArticleFacts("n0")) == []


def test_wins_in_a_row_told_as_a_count_are_a_streak() -> None:
    from storyline.stages.analysis.align import _streaks

    got = [
        (q.measure, q.value)
        for t in (
            "The Hawks, winners of eight straight games, booked a playoff place.",
            "Vekk, unbeaten for years, won 16 fights in a row.",
            "The Owls lost three straight games.",
            "Vekk won 5 straight titles.",  # titles are no games won or lost
        )
        for q in _streaks(t, ArticleFacts("n0"))
    ]
    assert got == [("win streak", 8.0), ("win streak", 16.0), ("loss streak", 3.0)]

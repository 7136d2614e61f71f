"""Value claims joined across outlets (issue 18, session 13): a figure after another across
a comma is its own figure unless it is a thousands group; one count under two nouns that
name the same thing ("KOs" / "knockouts" / "wins by knockout").

All text here is invented for these tests (made-up people, places and outlets).
"""

from __future__ import annotations

from report_fixture import article, cite
from storyline.models import Article, ArticleFacts, Quantity
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

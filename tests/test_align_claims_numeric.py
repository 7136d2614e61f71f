"""Numeric facts aligned into one claim (issue 18): people and things counted apart, a
count nothing describes kept out of other sources' claims, a figure on a new line after a
sentence ending in a number, an age after a person's role, a compound however spaced, and
a distinctive figure with no noun.

Fictional stories (invented places, people and outlets); quantities built by hand.
"""

from __future__ import annotations

from report_fixture import article, cite
from storyline.models import Article, ArticleFacts, Quantity
from storyline.stages.analysis.align import Alignment, align


def _q(
    a: Article, text: str, measure: str, value: float, subject: str = "", nth: int = 0
) -> Quantity:
    return Quantity(subject or None, measure or None, value, None, None, "exact", text,
                    cite(a, text, nth))  # fmt: skip


def _together(al: Alignment, x: str, y: str) -> bool:
    """Is there one quantity claim citing both articles ``x`` and ``y``? (Statement claims,
    whole sentences told alike, are another matter: tests/test_align_statements.py.)"""
    return any(
        {x, y} <= {c.article for c in claim.cites}
        for claim in al.claims
        if claim.slot != "statement"
    )


def _pair(
    text_a: str, fig_a: tuple[object, ...], text_b: str, fig_b: tuple[object, ...]
) -> Alignment:
    a = article("p1", text_a, outlet="Orlen Post")
    b = article("p2", text_b, outlet="Valley News")
    fa = ArticleFacts(a.id, quantities=[_q(a, *fig_a)])
    fb = ArticleFacts(b.id, quantities=[_q(b, *fig_b)])
    return align([a, b], [fa, fb])


def test_people_and_things_seized_are_two_facts() -> None:
    al = _pair(
        "Coast guards seized 14 crossbows aboard the skiff near Orlen on Monday.",
        ("14 crossbows", "crossbows", 14, "crossbows"),
        "Coast guards seized 14 Varnese aboard the skiff near Orlen on Monday.",
        ("14 Varnese", "Varnese", 14, "Varnese"),
    )
    assert not _together(al, "p1", "p2")
    al = _pair(
        "Coast guards seized 14 crossbows aboard the skiff near Orlen on Monday.",
        ("14 crossbows", "crossbows", 14, "crossbows"),
        "Guards seized 14 crossbows on a skiff off Orlen, officials said.",
        ("14 crossbows", "crossbows", 14, "crossbows"),
    )
    assert _together(al, "p1", "p2")


def test_a_count_nothing_describes_joins_no_other_sources_claim() -> None:
    # no subject, no frame word, no counted noun: "13" may count anything
    al = _pair(
        "The harbour pilots of Orlen finished the season with 13.",
        ("13", "", 13),
        "Volunteers in Varn had 13 by the end of the week.",
        ("13", "", 13),
    )
    assert not _together(al, "p1", "p2")


def test_a_figure_on_a_new_line_after_a_number_is_read() -> None:
    al = _pair(
        "Officials put the tremor's magnitude at 5.\n14 villagers were injured in Orlen.",
        ("14 villagers", "villagers", 14, "villagers"),
        "The tremor injured 14 villagers in Orlen, officials said.",
        ("14 villagers", "villagers", 14, "villagers"),
    )
    assert _together(al, "p1", "p2")
    # a stray space inside a number still hides its tail ("6. 4" is 6.4, not 4)
    a = article("p3", "The tremor measured 6. 4 on the scale.")
    al = align([a], [ArticleFacts(a.id, quantities=[_q(a, "4", "", 4)])])
    assert not al.claims or all(c.value != "4" for c in al.claims)


def test_an_age_after_a_persons_role_is_the_age_of_a_named_person() -> None:
    al = _pair(
        "The actress, 31, was admitted to a Varn clinic late on Friday.",
        ("31", "admitted", 31),
        "Mara Quillon, 31, checked into a clinic in Varn, her agent said.",
        ("31", "age", 31, "Mara Quillon"),
    )
    assert _together(al, "p1", "p2")


def test_a_compound_noun_is_one_noun_however_spaced() -> None:
    al = _pair(
        "Analysts at Orlen Labs found about 4,000 web sites carrying the worm.",
        ("4,000 web sites", "web sites", 4000, "web sites"),
        "The worm has reached as many as 4,000 websites, Orlen Labs said.",
        ("4,000 websites", "websites", 4000, "websites"),
    )
    assert _together(al, "p1", "p2")


def test_a_distinctive_figure_without_a_noun_joins_the_same_figure_with_one() -> None:
    al = _pair(
        "Quillon ended the night with 18 and now has 1,947 for her career.",
        ("1,947", "", 1947, "her career"),
        "Play stopped when Quillon, who now has 1,947 points, made the basket.",
        ("1,947 points", "points", 1947, "Quillon"),
    )
    assert _together(al, "p1", "p2")
    # a small round figure without a noun does not
    al = _pair(
        "Quillon ended the night with 20 and a new record.",
        ("20", "", 20, "Quillon"),
        "Quillon scored 20 points in the win over Varn.",
        ("20 points", "points", 20, "Quillon"),
    )
    assert not _together(al, "p1", "p2")


def test_ages_told_as_was_and_died_at_are_one_age() -> None:
    al = _pair(
        "Oren Malvick, a harbour master of Varn, has died. He was 82.",
        ("82", "", 82),
        "Oren Malvick, Varn harbour master, dies at 82",
        ("82", "", 82),
    )
    assert _together(al, "p1", "p2")
    # "was" after a thing is no age
    al = _pair(
        "Turnout in Varn was 82.",
        ("82", "", 82),
        "Oren Malvick, Varn harbour master, dies at 82",
        ("82", "", 82),
    )
    assert not _together(al, "p1", "p2")


def test_an_age_closing_its_sentence_after_a_full_name_is_an_age() -> None:
    al = _pair(
        "Police named the victim as Mara Quillon, 44.\nShe lived in Varn.",
        ("44", "", 44),
        "Mara Quillon, 44, of Varn died at the scene, police said.",
        ("44", "age", 44, "Mara Quillon"),
    )
    assert _together(al, "p1", "p2")


def test_a_duration_and_a_count_are_never_one_fact() -> None:
    # same value, same frame (both a change): "two years" of a raise and "two containers"
    a = article(
        "p1", "The dockers' union at the port of Orlen wants a pay rise over two years.",
        outlet="Orlen Post",
    )  # fmt: skip
    b = article(
        "p2", "Pear prices at the port of Orlen rose after two containers of pears were lost.",
        outlet="Valley News",
    )  # fmt: skip
    qa = Quantity("dockers' union", "years", 2, None, None, "exact", "two years",
                  cite(a, "two years"), frame="change")  # fmt: skip
    qb = Quantity("pears", "containers", 2, None, None, "exact", "two containers",
                  cite(b, "two containers"), frame="change")  # fmt: skip
    al = align([a, b], [ArticleFacts(a.id, quantities=[qa]), ArticleFacts(b.id, quantities=[qb])])
    assert not _together(al, "p1", "p2")


def test_close_figures_in_one_unit_are_one_value_only_when_one_rounds_the_other() -> None:
    # "50.02%" and "49.98%" are two shares, less than 0.1% apart relatively: never one claim
    texts = (
        "With every ward counted, Mirel Dask had 50.02% of the vote in Orlen on Sunday.",
        "With every ward counted, Mirel Dask had 49.98% of the vote in Orlen on Sunday.",
    )
    al = _pair(texts[0], ("50.02%", "percent", 50.02, "Mirel Dask"),
               texts[1], ("49.98%", "percent", 49.98, "Mirel Dask"))  # fmt: skip
    assert not _together(al, "p1", "p2")
    # a rounded figure and a precise one it rounds: one value
    al = _pair(texts[0], ("50.02%", "percent", 50.02, "Mirel Dask"),
               texts[1].replace("49.98%", "50%"), ("50%", "percent", 50, "Mirel Dask"))  # fmt: skip
    assert _together(al, "p1", "p2")


def test_an_amount_told_as_a_span_is_not_the_figure_at_its_end() -> None:
    a = article("p1", "Auditors took tens of thousands of invoices from the Orlen depot on Monday.",
                outlet="Orlen Post")  # fmt: skip
    b = article("p2", "Auditors took 100,000 invoices from the Orlen depot on Monday.",
                outlet="Valley News")  # fmt: skip
    vague = Quantity(None, "invoices", None, 20_000, 99_999, "vague",
                     "tens of thousands of invoices", cite(a, "tens of thousands of invoices"))  # fmt: skip
    al = align([a, b], [ArticleFacts(a.id, quantities=[vague]),
                        ArticleFacts(b.id, quantities=[_q(b, "100,000 invoices", "invoices", 100_000)])])  # fmt: skip
    assert not _together(al, "p1", "p2")

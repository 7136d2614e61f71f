"""Session 14 (issue 18): a participial clause after a comma is a clause of its own, so a
sentence telling two facts ("the hall was damaged by fire, leading the mayor to cancel the
fair") does not join the outlets of each fact into one claim."""

from __future__ import annotations

from report_fixture import article
from storyline.stages.analysis.statements import _clauses, candidate_clauses, find_statements


def _pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in _clauses(text, 0, len(text))]


def test_a_participle_after_a_comma_opens_a_clause() -> None:
    text = (
        "The old town hall of Varden was badly damaged by fire on Friday night, leading "
        "mayor Ilse Korr to cancel the spring fair planned for Sunday."
    )
    assert _pieces(text) == [
        "The old town hall of Varden was badly damaged by fire on Friday night",
        "leading mayor Ilse Korr to cancel the spring fair planned for Sunday.",
    ]


def test_short_participle_tail_stays_with_its_clause() -> None:
    text = "A strong storm hit the northern coast on Monday, flooding two villages."
    assert _pieces(text) == [text]


def test_prepositions_and_saying_verbs_in_ing_do_not_cut() -> None:
    for text in (
        "Nobody was hurt in the blast, including the four workers who were inside the shed.",
        "The bridge will stay closed until the spring, according to the regional roads office.",
        "The council published a statement late on Tuesday, saying the two incidents were "
        "not connected.",
        "The fair was moved to the school, depending on how quickly the hall can be repaired.",
    ):
        assert _pieces(text) == [text]


def test_two_facts_of_one_sentence_are_not_one_claim() -> None:
    arts = [
        article(
            "a0",
            "The old town hall of Varden was badly damaged by fire on Friday night, leading "
            "mayor Ilse Korr to cancel the spring fair planned for Sunday.",
        ),
        article("a1", "The old town hall of Varden was badly damaged by fire on Friday night."),
        article(
            "a2",
            "Officials said mayor Ilse Korr decided to cancel the spring fair planned for Sunday.",
        ),
    ]
    found = find_statements(arts, {a.id: a.id for a in arts})
    assert found
    for st in found:
        # a1 (the fire) and a2 (the fair) are never cited in one claim
        assert {"a1", "a2"} - {c.article for c in st.cites}
    fire = [st for st in found if "a1" in {c.article for c in st.cites}]
    assert fire and all("leading" not in t for st in fire for t in st.texts)


def test_a_participle_tail_is_no_candidate_clause() -> None:
    text = (
        "The council closed the old bridge over the Liss on Monday morning, prompting calls "
        "from shop owners for a temporary ferry across the river."
    )
    arts = [article("b0", text)]
    got = [text[s:e] for _a, s, e in candidate_clauses(arts, {"b0": "b0"})]
    assert got == ["The council closed the old bridge over the Liss on Monday morning"]


def test_a_participle_tail_with_a_figure_stays_a_candidate() -> None:
    text = (
        "The young forward played in only nine games this season, scoring 14 goals and "
        "adding seven assists for the club."
    )
    arts = [article("c0", text)]
    got = [text[s:e] for _a, s, e in candidate_clauses(arts, {"c0": "c0"})]
    assert got == [
        "The young forward played in only nine games this season",
        "scoring 14 goals and adding seven assists for the club.",
    ]

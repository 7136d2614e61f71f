"""Session 17 (issue 18): one event told as a clause's head and as another clause's result
infinitive ("Roe retained the title" / "Roe beat Penn in Alder to retain the title") is one
fact (``statements._same_result_why``); a clause whose head verb is an infinitive ("the
council urged Roe to quit") tells what was asked, not an event, and does not join one told
as done ("Roe quit") by its participants (``statements._same_participants_why``)."""

from __future__ import annotations

import pytest

from report_fixture import article
from storyline.stages.analysis import statements
from storyline.stages.analysis.statements import (
    _candidates,
    _same_participants_why,
    _same_result_why,
    _Sentence,
    find_statements,
)

PERSONS = frozenset({"ada", "roe", "ivo", "penn", "hanna", "brill"})


def _told(*texts: str) -> list[list[str]]:
    arts = [article(f"w{i}", t) for i, t in enumerate(texts)]
    found = find_statements(arts, {a.id: a.id for a in arts}, PERSONS)
    return [st.texts for st in found]


def _pair(a: str, b: str) -> tuple[_Sentence, _Sentence]:
    first, second = _candidates([article("p0", a), article("p1", b)], {})
    return first, second


def _result_why(a: str, b: str) -> object:
    return _same_result_why(*_pair(a, b), PERSONS)


def test_an_event_told_as_a_result_infinitive_is_one_statement() -> None:
    (texts,) = _told(
        "Ada Roe outplayed a tired Ivo Penn in Alder on Sunday night to retain the regional "
        "chess title.",
        "Ada Roe retained her regional chess title with a quick win over Ivo Penn in Alder.",
    )
    assert len(texts) == 2


def test_an_event_told_as_a_result_infinitive_is_found_without_the_rule_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(statements, "RESULT_INFINITIVES", False)
    assert not _told(
        "Ada Roe outplayed a tired Ivo Penn in Alder on Sunday night to retain the regional "
        "chess title.",
        "Ada Roe retained her regional chess title with a quick win over Ivo Penn in Alder.",
    )


def test_infinitives_of_an_aim_or_of_another_doer_stay_apart() -> None:
    done = "Ada Roe retained her regional chess title with a quick win over Ivo Penn."
    # sought, not done: a noun of trying before "to"
    assert isinstance(
        _result_why(
            "Ada Roe played Ivo Penn in Alder on Sunday in a bid to retain the title.", done
        ),
        str,
    )
    # a verb of trying or of going somewhere for it
    assert isinstance(
        _result_why("Ada Roe travelled to Alder on Sunday to retain the regional title.", done),
        str,
    )
    # the head's object does what the infinitive says ("pushed Penn to …")
    assert isinstance(
        _result_why(
            "The board pushed Ivo Penn hard on Sunday to retain the regional chess title.",
            "Ivo Penn retained his regional chess title on Sunday.",
        ),
        str,
    )
    # the other clause's doer is the loser of the first
    assert isinstance(
        _result_why(
            "Ada Roe outplayed Ivo Penn in Alder on Sunday to retain the regional chess title.",
            "Ivo Penn retained his regional chess title on Sunday.",
        ),
        str,
    )
    # another thing kept
    assert (
        _result_why(
            "Ada Roe outplayed Ivo Penn in Alder on Sunday to retain the chess crown.",
            "Ada Roe retained her seat on the Alder town council on Sunday.",
        )
        == "nothing after the verbs in common"
    )


def test_an_infinitive_head_does_not_join_a_finite_one() -> None:
    a, b = _pair(
        "The council urged Ada Roe on Sunday to quit the regional chess board.",
        "Ada Roe quit the regional chess board on Sunday.",
    )
    assert _same_participants_why(a, b, PERSONS) == "an infinitive head against a finite one"


def test_an_infinitive_head_joined_a_finite_one_without_the_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(statements, "INFINITIVE_HEADS", False)
    a, b = _pair(
        "The council urged Ada Roe on Sunday to quit the regional chess board.",
        "Ada Roe quit the regional chess board on Sunday.",
    )
    assert not isinstance(_same_participants_why(a, b, PERSONS), str)

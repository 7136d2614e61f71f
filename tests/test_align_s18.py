"""Session 18 (issue 18): a person's age or a sum dates nothing, so two kernels of one event,
one with an age ("Ada Roe died in her sleep aged 91") and one with a day ("Ada Roe died in
her sleep on Thursday"), are not kept apart as "dated apart" (``statements._kernels_clash``,
``UNDATED_KINDS``); two kinds of date (a year against a weekday) still are."""

from __future__ import annotations

import pytest

from report_fixture import article
from storyline.stages.analysis import statements
from storyline.stages.analysis.statements import (
    _candidates,
    _kernels_clash,
    _same_participants_why,
    _Sentence,
)

PERSONS = frozenset({"ada", "roe", "ivo", "penn"})


def _pair(a: str, b: str) -> tuple[_Sentence, _Sentence]:
    first, second = _candidates([article("p0", a), article("p1", b)], {})
    return first, second


AGED = "Ada Roe, the retired Alder harbour pilot, has died in her sleep aged 91."
DAY = "Ada Roe died peacefully in her sleep on Thursday, her family said."


def test_an_age_does_not_date_a_clause_apart_from_a_day() -> None:
    a, b = _pair(AGED, DAY)
    assert _kernels_clash(a, b) == ""
    assert not isinstance(_same_participants_why(a, b, PERSONS), str)


def test_with_ages_as_dates_the_two_were_kept_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statements, "UNDATED_KINDS", frozenset({"number"}))
    a, b = _pair(AGED, DAY)
    assert _kernels_clash(a, b).startswith("dated apart")


def test_a_sum_dates_nothing_but_a_year_does() -> None:
    a, b = _pair(
        "The fire at the Alder chapel caused damage of $2 million, the fire chief said.",
        "The fire at the Alder chapel caused heavy damage on Friday night, police said.",
    )
    assert _kernels_clash(a, b) == ""
    a, b = _pair(
        "Ivo Penn checked into the Vell clinic in 2019 after a long season.",
        "Ivo Penn checked into the Vell clinic on Friday after a long season.",
    )
    assert _kernels_clash(a, b).startswith("dated apart")

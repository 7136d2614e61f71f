"""Session 17 (issue 18): one value written in other shapes is read as one value.

A tens-and-units number word ("sixty-five") is one number, "at age 61" is an age as "aged
61" is, and the first end of a range of sums takes the scale word written once after the
second ("between $120 and $130 million"). Sentences are the project's own, names fictional."""

from __future__ import annotations

from report_fixture import article
from storyline.stages.analysis.statements import _tokens, find_statements


def _values(text: str) -> list[str]:
    return [t.value for t in _tokens(text, 0, len(text)) if t.value is not None]


def _joined(*texts: str) -> list[set[str]]:
    arts = [article(f"w{i}", t) for i, t in enumerate(texts)]
    found = find_statements(arts, {a.id: a.id for a in arts})
    return [{c.article for c in st.cites} for st in found]


def test_a_hyphenated_number_word_is_one_number() -> None:
    assert _values("Sixty-five per cent of the ferries to Alder were cancelled.") == ["65"]
    assert _values("It was the twenty-first sailing and twenty-two crew were aboard.") == [
        "21st",
        "22",
    ]
    # two words apart are two numbers, as before
    assert _values("sixty five") == ["60", "5"]


def test_a_share_written_in_words_and_in_digits_is_one_fact() -> None:
    groups = _joined(
        "Sixty-five per cent of the ferry traffic to Alder was halted, while sailings to "
        "Brill and Penn were also cut, the harbour office said.",
        "The harbour office said 65% of the ferry traffic to Alder was halted, while sailings "
        "to Brill and Penn were also cut.",
    )
    assert {"w0", "w1"} in groups


def test_at_age_is_an_age() -> None:
    assert _values("In 2011, at age 87, Roe told the Alder Courier.") == ["y2011", "age=87"]
    assert _values("In 2011, at the age of 87, Roe told the Alder Courier.") == [
        "y2011",
        "age=87",
    ]


def test_the_first_end_of_a_range_of_sums_takes_the_scale_written_after_the_second() -> None:
    assert _values("an offer between $120 and $130 million") == ["USD=120000000", "USD=130000000"]
    assert _values("an offer of $120 to 130 million")[0] == "USD=120000000"
    assert _values("an offer of $120 million to $130 million")[0] == "USD=120000000"
    # "and" with no currency again is no range: a sum and a count
    assert _values("paid $5 and 3 million people") == ["USD=5", "3000000"]

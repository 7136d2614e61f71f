"""Session 16 (issue 18): one value written in other forms is one value, of its own kind.

A clock time ("1612 (1312 GMT)", "4:12 p.m.", a tokenised "4: 12 p. m."), an age
("61-year-old", "Ames, 61,"), a sum ("110 billion euro", "€110bn", "EUR 110,000,000,000")
are read as one value each (``statements._read_forms``) and compared with values of their
kind only; two clauses stating one rare value and sharing a name are one fact
(``statements._anchor_pairs``). Sentences are the project's own, names fictional."""

from __future__ import annotations

from pytest import MonkeyPatch

from report_fixture import article
from storyline.models import Article
from storyline.stages.analysis import statements
from storyline.stages.analysis.statements import _agree, _tokens, find_statements
from storyline.stages.prepare.extract.quantities import extract_quantities


def _values(text: str) -> list[str]:
    return [t.value for t in _tokens(text, 0, len(text)) if t.value is not None]


def _joined(*texts: str) -> list[set[str]]:
    arts = [article(f"v{i}", t) for i, t in enumerate(texts)]
    found = find_statements(arts, {a.id: a.id for a in arts})
    return [{c.article for c in st.cites} for st in found]


def test_a_clock_time_in_three_forms_is_one_time() -> None:
    a = _values("The tremor hit Orlen at 1612 (1312 GMT) on a quiet afternoon.")
    b = _values("The tremor hit Orlen at 4:12 p.m. on a quiet afternoon.")
    c = _values("The tremor hit Orlen at 4: 12 p. m. local time.")
    assert a[0] == b[0] == c[0] == "time=4:12"


def test_a_number_before_local_time_or_a_zone_is_a_time_but_a_count_is_not() -> None:
    assert _values("It struck at 1612 local time.") == ["time=4:12"]
    assert _values("The farm counted 1612 sheep.") == ["1612"]


def test_an_hour_alone_agrees_with_a_minute_of_that_hour_not_another_minute() -> None:
    assert _agree({"time=7"}, {"time=7:01"})
    assert not _agree({"time=7:02"}, {"time=7:01"})
    assert not _agree({"time=8"}, {"time=7:01"})


def test_an_age_in_three_forms_is_one_age_and_no_count() -> None:
    assert _values("A 61-year-old clerk was held.") == ["age=61"]
    assert _values("Ada Velt, 61, was held.") == ["age=61"]
    assert _values("The clerk, aged 61, was held.") == ["age=61"]
    assert _values("On May 5, 36 people were held.")[-1] != "age=36"
    assert not _agree({"age=61"}, {"age=60"})
    # an age and a count are one pool of figures when two clauses are compared: each giving
    # a figure the other lacks keeps them apart, as before ("a 28-year veteran" / "51-year-old")
    assert not _agree({"age=51"}, {"28"})


def test_a_sum_in_four_forms_is_one_sum() -> None:
    forms = [
        "The cabinet took loans of 110 billion euros from the fund.",
        "The cabinet took a €110bn loan from the fund.",
        "The cabinet took EUR 110,000,000,000 in loans from the fund.",
        "The cabinet took loans of 110 b. Euro from the fund.",
    ]
    assert {_values(f)[0] for f in forms} == {"EUR=110000000000"}
    assert _values("She ran the 100m race.") == ["100"]  # a letter is a scale only with a currency


def test_a_record_with_a_dash_is_the_record_with_a_hyphen() -> None:
    assert _values("The Harriers are 9–14 this season.") == _values("The Harriers are 9-14 now.")


def test_a_clock_time_is_no_count_of_its_digits() -> None:
    assert not _agree({"time=4:12"}, {"1612"})
    assert _agree({"time=4:12", "4"}, {"time=4:12"})


def test_a_day_of_a_month_anchors_only_when_its_kind_is_taken(monkeypatch: MonkeyPatch) -> None:
    a = "The gala is set for the Vellmar Hall in Orlen on March 9."
    b = "The prizes will be handed out on 9 March by the guild at the Vellmar Hall downtown."
    c = "The prizes will be handed out on 10 March by the guild at the Vellmar Hall downtown."
    assert not any({"v0", "v1"} <= j for j in _joined(a, b, c))  # days do not anchor
    monkeypatch.setattr(statements, "ANCHOR_KINDS", frozenset({"time", "day"}))
    joined = _joined(a, b, c)
    assert {"v0", "v1"} in joined
    assert not any("v2" in j and "v0" in j for j in joined)


def test_a_day_without_a_name_in_common_anchors_nothing(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(statements, "ANCHOR_KINDS", frozenset({"time", "day"}))
    a = "The gala is set for the Vellmar Hall in Orlen on March 9."
    b = "The prizes will be handed out on 9 March by the guild in a tent downtown."
    assert _joined(a, b) == []


def test_a_sum_in_a_relative_clause_anchors_nothing(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(statements, "ANCHOR_KINDS", frozenset({"time", "sum"}))
    a = "Ivo Marr, who paid $300,000 to the Tarn brokers, died on Sunday in Orlen."
    b = "A cash gift of $300,000 from Marr reached a Tarn charity last spring."
    assert _joined(a, b) == []
    own = "Ivo Marr gave $300,000 to the Tarn charity on Sunday in Orlen."
    assert {"v0", "v1"} in _joined(own, b)  # the sum the clause's own: one fact
    monkeypatch.setattr(statements, "ANCHOR_KINDS", frozenset({"time"}))
    assert _joined(own, b) == []  # sums do not anchor


def test_a_time_to_the_minute_and_a_name_anchor_one_fact() -> None:
    a = "The tremor, which hit Orlen at 1612 (1312 GMT), was felt across the valley."
    b = "It struck near Orlen at 4: 12 p. m. local time, and aftershocks came after it."
    assert {"v0", "v1"} in _joined(a, b)


def test_a_time_anchor_holds_no_clause_whose_count_differs() -> None:
    a = "The tremor hit Orlen at 4:12 p.m. and killed four villagers in the valley."
    b = "The tremor that hit Orlen at 1612 local time killed nine villagers overnight."
    assert _joined(a, b) == []


def _quantities(text: str) -> list[tuple[str, float, str | None]]:
    a = Article(id="q1", source="t", text=text, raw=text, title="t")
    return [(q.text, q.value, q.measure) for q in extract_quantities(a, None, [])]


def test_a_spaced_billion_before_a_currency_word_is_a_sum() -> None:
    assert _quantities("The cabinet sought loans of 110 b. Euro from the fund.") == [
        ("110 b. Euro", 110e9, "EUR")
    ]
    assert _quantities("The ministry approved a 45 bn euro package.") == [
        ("45 bn euro", 45e9, "EUR")
    ]


def test_a_24_hour_time_with_its_zone_in_brackets_is_no_count() -> None:
    assert _quantities("It struck at 1612 (1312 GMT) near the coast.") == []
    assert _quantities("The farm counted 1612 sheep.") == [("1612", 1612.0, None)]


def test_a_time_and_the_verbs_before_it_of_one_class_anchor_one_fact() -> None:
    a = "The quake, which struck at 1612 (1312 GMT), was felt in the valleys of Varn and Tulle."
    b = "It hit at 4: 12 p. m. local time, and four aftershocks came after it, the agency said."
    c = "Crews were sent at 4: 12 p. m. local time, and four trucks came after them, the agency said."
    assert {"v0", "v1"} in _joined(a, b)
    assert _joined(a, c) == []  # "sent" is no strike: another happening at that minute

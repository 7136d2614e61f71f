"""Session 16 (issue 18): one fact told in other words by its construction. A report withheld
("would not say what …" / "did not specify what …") is one fact when the question left open
is the same (``statements._same_withheld_why``); one event of the same participants told
with the verb in another voice or with an aside ("Roe was arrested" / "police arrested Roe";
"Roe, who …, died on Sunday" / "Roe died on Sunday") is one fact when the participants keep
their parts (``statements._same_participants_why``)."""

from __future__ import annotations

from report_fixture import article
from storyline.stages.analysis.statements import (
    _candidates,
    _same_participants_why,
    _same_withheld_why,
    _Sentence,
    _withheld,
    find_statements,
)

PERSONS = frozenset({"ada", "roe", "ivo", "penn", "hanna", "brill", "lena", "varga"})


def _told(*texts: str) -> list[list[str]]:
    arts = [article(f"w{i}", t) for i, t in enumerate(texts)]
    found = find_statements(arts, {a.id: a.id for a in arts}, PERSONS)
    return [st.texts for st in found]


def _pair(a: str, b: str) -> tuple[_Sentence, _Sentence]:
    arts = [article("p0", a), article("p1", b)]
    first, second = _candidates(arts, {})
    return first, second


def _withheld_why(a: str, b: str) -> object:
    return _same_withheld_why(*_pair(a, b), a, b, PERSONS)


def _participants_why(a: str, b: str) -> object:
    return _same_participants_why(*_pair(a, b), PERSONS)


def _withheld_at(text: str) -> tuple[int, int] | None:
    (s,) = _candidates([article("x", text)], {})
    return _withheld(s.tokens)


def test_a_withheld_report_is_found_by_its_negation_verb_and_question() -> None:
    assert _withheld_at("Her agent Lena Varga would not say what the singer was tested for.")
    assert _withheld_at("The port authority declined to say why the ferry was held at sea.")
    assert _withheld_at("He didn't specify exactly when the singer entered the clinic.")
    # no question after the verb: a denial, not a report withheld
    assert _withheld_at("Her agent Lena Varga did not say the singer was ill at all.") is None
    # a question after a verb of telling that is not negated: told, not withheld
    assert _withheld_at("Her agent Lena Varga said what the singer was tested for.") is None


def test_one_report_withheld_in_other_words_is_one_statement() -> None:
    (texts,) = _told(
        "Her agent Lena Varga would not say what the singer was being tested for.",
        "He did not specify what Ada Roe was being tested for or when she reached the clinic.",
    )
    # each cited up to the end of its question ("or when …" is another one)
    assert texts == [
        "Her agent Lena Varga would not say what the singer was being tested for",
        "He did not specify what Ada Roe was being tested for",
    ]


def test_reports_withheld_on_other_questions_stay_apart() -> None:
    said = "Her agent Lena Varga would not say what the singer was being tested for."
    assert _withheld_why(said, "He did not say why the singer was tested at a clinic.") == (
        "other questions"
    )
    # another verb in the question, or the same verb on another thing
    assert str(
        _withheld_why(
            "The harbour police did not say what caused the fire at the depot.",
            "Officers would not reveal what delayed the fire crews.",
        )
    ).startswith("other questions")
    assert str(
        _withheld_why(
            "Officials did not reveal what damaged the north pier.",
            "The port would not say what damaged the ferry.",
        )
    ).startswith("other questions")
    # withheld on one side only
    assert _withheld_why(said, "He said what the singer was being tested for.") == (
        "not a withheld report"
    )


def test_two_people_withholding_or_asked_about_stay_apart() -> None:
    assert (
        _withheld_why(
            "Her agent Lena Varga would not say what Ada Roe was being tested for.",
            "He did not specify what Hanna Brill was being tested for.",
        )
        == "two persons"
    )
    assert (
        _withheld_why(
            "Lena Varga would not say what the singer was being tested for.",
            "Ivo Penn did not specify what the singer was being tested for.",
        )
        == "two persons"
    )


def test_one_death_told_with_an_aside_is_one_statement() -> None:
    (texts,) = _told(
        "Ada Roe, who ran the corner bakery on Mill Street for forty years, died on Sunday "
        "at her home.",
        "Ada Roe died on Sunday after a short illness, her nephew told reporters.",
    )
    assert texts[1] == "Ada Roe died on Sunday"


def test_one_arrest_in_either_voice_is_one_statement() -> None:
    (texts,) = _told(
        "Hanna Brill was arrested around noon at a motel near the Varden bus station.",
        "Varden police this morning arrested Hanna Brill, a former taxi driver of the town.",
    )
    assert texts == [
        "Hanna Brill was arrested around noon at a motel near the Varden bus station",
        "Varden police this morning arrested Hanna Brill",
    ]


def test_participants_in_other_parts_or_other_days_stay_apart() -> None:
    # who arrested whom, reversed
    assert _participants_why(
        "Hanna Brill was arrested by Ivo Penn at a motel near the bus station.",
        "Hanna Brill arrested Ivo Penn outside the town hall after a chase.",
    ) in ("no participant in common", "participants in other parts")
    # one person, one verb, days apart
    assert str(
        _participants_why(
            "Ada Roe, who ran the corner bakery for forty years, died on Sunday at home.",
            "Ada Roe died on Monday after a short illness, her nephew told reporters.",
        )
    ).startswith("values differ")
    # one person checking into two places
    assert str(
        _participants_why(
            "Ada Roe checked into the Willow Creek Clinic late on Thursday, her lawyer said.",
            "Ada Roe checked into the Harbour Hill Centre after leaving home.",
        )
    ).startswith("other names after the verb")
    # another head verb
    assert str(
        _participants_why(
            "Ada Roe was arrested at a motel near the bus station.",
            "Ada Roe was charged at the court near the bus station.",
        )
    ).startswith("other head verbs")
    # two causes of one end: both active, subjects with no word in common
    assert (
        _participants_why(
            "The harbour strike eventually led to the resignation of Ivo Penn.",
            "That long quarrel with the board led in the end to Ivo Penn's resignation.",
        )
        == "other subjects"
    )
    # a kernel cut before what the verb tells
    assert (
        _participants_why(
            'Ivo Penn was known as "the ferryman" on the whole island.',
            'Ivo Penn was known as "the pilot" to the harbour crews.',
        )
        == "nothing after the head verbs"
    )


def test_a_clause_joined_by_its_construction_alone_does_not_take_the_seed() -> None:
    # the two reports told alike by their words make the claim; the aside-rich one joins it
    (texts,) = _told(
        "Ada Roe died on Sunday at her home in Port Elma after a long illness, her son said.",
        "Ada Roe died on Sunday at her home in Port Elma after a long illness, family said.",
        "Ada Roe, who ran the corner bakery on Mill Street for forty years, has died at her home.",
    )
    assert len(texts) == 3


def test_who_tells_of_an_arrest_is_no_participant_in_it() -> None:
    # "Ivo" is a person's name word here and the teller's: not the one arrested
    assert not isinstance(
        _participants_why(
            "Police Chief Ivo Penn announced Hanna Brill was arrested around noon.",
            "Ivo Penn's officers this morning arrested Hanna Brill, of Varden, at a motel.",
        ),
        str,
    )

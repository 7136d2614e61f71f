"""Day of the key event and name spellings across copies (stages/analysis/slots.py)."""

from __future__ import annotations

from storyline.models import Article, ArticleId
from storyline.stages.analysis.align import _Similarity
from storyline.stages.analysis.slots import read_slots, slot_conflicts


def _art(aid: str, text: str) -> Article:
    return Article(id=ArticleId(aid), source=aid, text=text, raw=text, title="")


def _conflicts(
    texts: dict[str, str], roots: dict[str, str] | None = None, days: dict[str, str] | None = None
) -> list[str]:
    arts = [_art(k, v) for k, v in texts.items()]
    rt = {ArticleId(k): ArticleId((roots or {}).get(k, k)) for k in texts}
    persons = frozenset({("marta", "quell"), ("marta", "quelle")})
    rs = [r for a in arts for r in read_slots(a, rt[a.id], persons)]
    sim = _Similarity([r.sentence for r in rs if r.kind != "day"])
    day_sim = _Similarity([r.sentence for r in rs if r.kind == "day"])
    on = {ArticleId(k): v for k, v in (days or {}).items()}
    out = slot_conflicts(rs, sim, rt, on, day_sim)
    return [f"{c.topic}|{c.sides[0].claim}|{c.sides[1].claim}|{c.confidence}" for c in out]


def test_two_dates_of_one_sinking_conflict_and_are_shown() -> None:
    got = _conflicts({
        "a": "On March 3, the patrol boat Corvina sank a smuggling barge near the reef.",
        "b": "On March 4, the patrol boat Corvina sank a smuggling barge off the reef.",
        "c": "On March 4 the patrol boat Corvina sank the barge, officials said.",
    })  # fmt: skip
    assert len(got) == 1 and "(crash)" in got[0]
    assert float(got[0].rsplit("|", 1)[1]) >= 0.5


def test_dates_weeks_apart_are_two_events() -> None:
    assert not _conflicts({
        "a": "Police arrested the courier on March 3 at the harbour gate.",
        "b": "Police arrested the courier on April 20 at the harbour gate.",
    })  # fmt: skip


def test_a_weekday_and_a_date_of_the_same_day_agree() -> None:
    # 2031-05-09 is a Friday
    same = {
        "a": "Rangers arrested the poacher on Friday near the lake.",
        "b": "Rangers arrested the poacher on May 9, 2031 near the lake.",
    }
    assert not _conflicts(same, days={"a": "2031-05-10", "b": "2031-05-10"})
    texts = {
        "a": "Rangers arrested the poacher on Thursday near the lake.",
        "b": "Rangers arrested the poacher on May 9, 2031 near the lake.",
    }
    assert len(_conflicts(texts, days={"a": "2031-05-10", "b": "2031-05-10"})) == 1
    # a weekday of a report whose own day is unknown, or years away, is no day against a date
    assert not _conflicts(texts)
    assert not _conflicts(texts, days={"a": "2034-05-10"})


def test_weekdays_are_listed_below_the_threshold() -> None:
    texts = {
        "a": "Rangers arrested the poacher on Tuesday near the lake.",
        "b": "Rangers arrested the poacher on Wednesday near the lake.",
    }
    got = _conflicts(texts, days={"a": "2031-05-09", "b": "2031-05-09"})
    assert len(got) == 1 and float(got[0].rsplit("|", 1)[1]) < 0.5
    # reports whose own days are unknown: their weekdays name no day, nothing to compare
    assert not _conflicts(texts)


def test_the_day_a_verb_takes_is_not_the_actions_day() -> None:
    texts = {
        "a": "A gas blast in Kelm killed 4 people, the fire service said on Monday.",
        "b": "The toll of the gas blast in Kelm rose to 6 people on Tuesday.",
    }
    assert not _conflicts(texts, days={"a": "2031-05-05", "b": "2031-05-06"})


def test_a_day_on_another_event_is_not_read() -> None:
    assert not _conflicts({
        "a": "The courier has been held since Monday, when police arrested him.",
        "b": "Police arrested the courier on Tuesday at the harbour gate.",
    })  # fmt: skip


def test_a_copy_that_edits_the_spelling_is_a_side() -> None:
    texts = {
        "a": "The climber, 41-year-old Marta Quell, fell from the ridge on the north face.",
        "b": "The climber, 41-year-old Marta Quelle, fell from the ridge on the north face.",
        "c": "A rescue team found 41-year-old Marta Quell below the ridge.",
    }
    got = _conflicts(texts, roots={"b": "a"})
    assert len(got) == 1 and got[0].startswith("How the name is spelled")


def test_an_article_writing_both_spellings_is_on_no_side() -> None:
    assert not _conflicts({
        "a": "Marta Quell, 41, fell. Friends called Marta Quelle a careful climber.",
        "b": "Marta Quell, 41, fell from the ridge.",
    })  # fmt: skip


def test_times_of_the_person_the_story_is_about_compare_without_alike_sentences() -> None:
    got = _conflicts({
        "a": "Deputies said Okonkwo failed a breath test shortly after 3 a.m. on the coast road.",
        "b": "Okonkwo, 29, was pulled over near the marina just after 3:40 a.m., a deputy said.",
    })  # fmt: skip
    assert len(got) == 1 and got[0].startswith("At what time it happened")


def test_times_hours_apart_are_two_moments_not_a_conflict() -> None:
    assert not _conflicts({
        "a": "Okonkwo was pulled over near the marina at about 3:40 a.m. on the coast road.",
        "b": "Okonkwo was released near the marina at 7 a.m. on the coast road.",
    })  # fmt: skip


def test_a_rounded_quarter_hour_holds_with_a_minute_close_by() -> None:
    assert not _conflicts({
        "a": "The first alarm call about the warehouse blaze came in at 4:30 a.m., Okonkwo said.",
        "b": "The first alarm call about the warehouse blaze came at 4:33 a.m., Okonkwo said.",
    })  # fmt: skip


def test_a_day_before_after_names_the_later_event_not_the_action() -> None:
    # "on Wednesday, a day after her arrest": Wednesday is the hearing's day, not the arrest's
    texts = {
        "a": "Police arrested the courier Ilse Marno on Tuesday at the harbour gate.",
        "b": "Ilse Marno stood before a judge on Wednesday, a day after her arrest at the harbour.",
    }
    assert not _conflicts(texts, days={"a": "2031-05-07", "b": "2031-05-07"})
    # the action read before the cue still dates: "arrested on Wednesday after a chase"
    texts["b"] = "Police arrested the courier Ilse Marno on Wednesday after a chase at the harbour."
    assert _conflicts(texts, days={"a": "2031-05-07", "b": "2031-05-07"})

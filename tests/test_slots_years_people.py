"""Years of an act, nationalities of a counted group, a time's person through a pronoun,
home towns read by their head word (stages/analysis/slots.py). Fictional sentences."""

from __future__ import annotations

from storyline.models import Article, ArticleId
from storyline.stages.analysis.align import _Similarity
from storyline.stages.analysis.slots import read_slots, slot_conflicts

PERSONS = frozenset({("ilse", "varhol"), ("tomas", "brandt"), ("odile", "ferrant")})


def _art(aid: str, text: str) -> Article:
    return Article(id=ArticleId(aid), source=aid, text=text, raw=text, title="")


def _conflicts(texts: dict[str, str], kind: str | None = None) -> list[tuple[str, float]]:
    arts = [_art(k, v) for k, v in texts.items()]
    rt = {ArticleId(k): ArticleId(k) for k in texts}
    rs = [r for a in arts for r in read_slots(a, rt[a.id], PERSONS)]
    if kind is not None:
        rs = [r for r in rs if r.kind == kind]
    sim = _Similarity([r.sentence for r in rs if r.kind != "day"])
    day_sim = _Similarity([r.sentence for r in rs if r.kind == "day"])
    out = slot_conflicts(rs, sim, rt, {}, day_sim)
    return [(c.topic, c.confidence or 0.0) for c in out]


def test_two_founding_years_of_one_clinic_conflict() -> None:
    got = _conflicts({
        "a": "In 1994, she founded the Larkmoor Valley Health Clinic on the old pier road.",
        "b": "Ilse Varhol founded the Larkmoor Valley Health Clinic in 1997, records show.",
        "c": "In 1997 she founded the Larkmoor Valley Health Clinic, which treats fishermen.",
    }, "year")  # fmt: skip
    assert len(got) == 1 and "larkmoor valley health clinic:found" in got[0][0]
    assert got[0][1] < 0.5  # one outlet on a side: listed
    got = _conflicts({
        "a": "In 1994, she founded the Larkmoor Valley Health Clinic on the old pier road.",
        "b": "Ilse Varhol founded the Larkmoor Valley Health Clinic in 1997, records show.",
        "c": "In 1997 she founded the Larkmoor Valley Health Clinic, which treats fishermen.",
        "d": "She founded the Larkmoor Valley Health Clinic in 1994 with two nurses.",
    }, "year")  # fmt: skip
    assert len(got) == 1 and got[0][1] >= 0.5  # a founding happens once: two a side, shown


def test_since_a_year_holds_with_a_founding_before_it() -> None:
    ok = {
        "a": "The Larkmoor Valley Health Clinic has served the harbour since 1999.",
        "b": "In 1994, she founded the Larkmoor Valley Health Clinic on the pier road.",
    }
    assert not _conflicts(ok, "year")
    bad = {
        "a": "The Larkmoor Valley Health Clinic has served the harbour since 1991.",
        "b": "In 1994, she founded the Larkmoor Valley Health Clinic on the pier road.",
    }
    assert len(_conflicts(bad, "year")) == 1


def test_years_of_an_act_that_repeats_are_listed_not_shown() -> None:
    got = _conflicts({
        "a": "Tomas Brandt hosted the 2021 Lantern Awards, a show he called his last.",
        "b": "The show, hosted by Tomas Brandt in 2022, drew a small crowd.",
    }, "year")  # fmt: skip
    assert len(got) == 1 and got[0][1] < 0.5
    # years further apart date two acts of a host of several shows
    assert not _conflicts({
        "a": "Tomas Brandt hosted the 2015 Lantern Awards, a show he called his last.",
        "b": "The show, hosted by Tomas Brandt in 2022, drew a small crowd.",
    }, "year")  # fmt: skip


def test_a_year_another_verb_takes_is_not_the_acts() -> None:
    assert not _conflicts({
        "a": "Odile Ferrant died while serving a term imposed in 2003 for fraud.",
        "b": "Odile Ferrant died in a city hospital in 2011, her lawyer confirmed.",
    }, "year")  # fmt: skip


def test_a_group_all_of_one_nationality_vs_a_breakdown() -> None:
    got = _conflicts({
        "a": "The coast guard detained 14 Portuguese smugglers near the buoy.",
        "b": "Among those held were 9 Portuguese and 5 Moroccans, the coast guard said.",
        "c": "The 14 smugglers (9 Portuguese and 5 Moroccan) were taken ashore.",
    }, "nationality")  # fmt: skip
    assert len(got) == 1 and "14 smugglers" in got[0][0]


def test_groups_with_other_nouns_or_the_same_mix_agree() -> None:
    assert not _conflicts({
        "a": "The coast guard detained 14 Portuguese smugglers near the buoy.",
        "b": "The ferry carried 14 Moroccan sailors home on Sunday.",
    }, "nationality")  # fmt: skip
    assert not _conflicts({
        "a": "The coast guard detained 14 Portuguese and Moroccan smugglers near the buoy.",
        "b": "Among those held were 9 Portuguese and 5 Moroccans, the coast guard said.",
    }, "nationality")  # fmt: skip


def test_a_time_told_of_he_is_the_last_named_persons() -> None:
    got = _conflicts({
        "a": "Tomas Brandt was stopped on the coast road. He was driving his van at about "
             "3:00 a.m. when troopers flagged him down.",
        "b": "Tomas Brandt was pulled over on the coast road about 3:30 a.m., a trooper said.",
        "c": "Tomas Brandt, a ferry pilot, was stopped at around 3:30 a.m. near the dunes.",
    }, "time")  # fmt: skip
    assert len(got) == 1


def test_a_pronoun_after_a_sentence_about_someone_else_names_no_one() -> None:
    assert not _conflicts({
        "a": "Tomas Brandt was stopped on the coast road. A neighbour heard shouting. "
             "He did not call anyone at about 3:00 a.m. that night.",
        "b": "Tomas Brandt was pulled over on the coast road about 3:30 a.m., a trooper said.",
        "c": "Tomas Brandt, a ferry pilot, was stopped at around 3:30 a.m. near the dunes.",
    }, "time")  # fmt: skip


def test_a_home_town_named_after_a_college_is_a_place() -> None:
    got = _conflicts({
        "a": "Ilse Varhol, 44, of College Heights, was treated at the scene.",
        "b": "Ilse Varhol, 44, of Brookfield, was treated at the scene.",
    }, "hometown")  # fmt: skip
    assert len(got) == 1 and got[0][1] < 0.5  # one outlet against one: listed, not shown
    assert not _conflicts({
        "a": "Ilse Varhol, 44, of Brookfield College, was treated at the scene.",
        "b": "Ilse Varhol, 44, of Brookfield, was treated at the scene.",
    }, "hometown")  # fmt: skip


def test_a_weekday_naming_a_round_is_not_a_day_of_the_action() -> None:
    # "Thursday ’ s play-in round" (a scrape's spaced apostrophe) names a round, not a day
    rs = read_slots(
        _art("a", "Harlow, which had defeated Dunmore in Thursday ’ s opening round, lost."),
        ArticleId("a"),
    )
    assert not [r for r in rs if r.kind == "day"]
    rs = read_slots(
        _art("b", "Harlow defeated Dunmore on Thursday in the opening round."), ArticleId("b")
    )
    assert [r.value for r in rs if r.kind == "day"] == ["wd:thursday"]


def test_weekdays_of_reports_days_apart_are_two_nights() -> None:
    texts = {
        "a": "Police arrested 40 rioters near the depot on Monday after the vigil.",
        "b": "Police arrested 40 rioters near the depot on Wednesday after the vigil.",
    }
    arts = [_art(k, v) for k, v in texts.items()]
    rt = {ArticleId(k): ArticleId(k) for k in texts}
    rs = [r for a in arts for r in read_slots(a, rt[a.id], PERSONS)]
    sim = _Similarity([r.sentence for r in rs if r.kind != "day"])
    day_sim = _Similarity([r.sentence for r in rs if r.kind == "day"])
    # 2031-05-05 is a Monday: reports of one day disagree; reports two days apart tell
    # each its own night
    one_day = {ArticleId("a"): "2031-05-07", ArticleId("b"): "2031-05-07"}
    apart = {ArticleId("a"): "2031-05-05", ArticleId("b"): "2031-05-07"}
    assert len(slot_conflicts(rs, sim, rt, one_day, day_sim)) == 1
    assert not slot_conflicts(rs, sim, rt, apart, day_sim)


def test_a_region_holds_a_town_and_two_towns_of_one_state_differ() -> None:
    assert not _conflicts({
        "a": "Ilse Varhol, 44, of Minnesota, was treated at the scene.",
        "b": "Ilse Varhol, 44, of Brookfield, was treated at the scene.",
    }, "hometown")  # fmt: skip
    assert len(_conflicts({
        "a": "Ilse Varhol, 44, of Brookfield, Minn., was treated at the scene.",
        "b": "Ilse Varhol, 44, of Dunmore, Minn., was treated at the scene.",
    }, "hometown")) == 1  # fmt: skip


def test_two_groups_of_one_size_and_nationality_each_are_listed_not_shown() -> None:
    got = _conflicts({
        "a": "The avalanche buried 5 Austrian skiers below the ridge.",
        "b": "Rescuers dug out 5 Swiss skiers below the ridge on Sunday.",
    }, "nationality")  # fmt: skip
    assert len(got) == 1 and got[0][1] < 0.5

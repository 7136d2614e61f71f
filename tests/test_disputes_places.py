"""Outlets that put one event in two different countries or US states
(stages/analysis/disputes.py, ``place_conflicts``). The sentences are made up for the
project; the towns are invented, the countries and states are real names (the gazetteer's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from storyline.engine import Engine
from storyline.models import Article, ArticleId, Conflict
from storyline.stages.analysis.align import _Similarity
from storyline.stages.analysis.brief import _conflict_sentence
from storyline.stages.analysis.disputes import place_conflicts, read_places

TEXTS = {
    "p": "A strong earthquake struck in Peru on Sunday, flattening homes in the town of Arvello.",
    "b": "A strong earthquake struck in Bolivia on Sunday, flattening homes around Arvello.",
    "p2": "The earthquake hit in Arvello, Peru, on Sunday, and homes were flattened.",
    # beside or beyond a place: not in it
    "near": "A strong earthquake struck near Bolivia on Sunday, flattening homes.",
    # the quake felt in a neighbour: the place is the verb "felt"'s
    "felt": "A strong earthquake on Sunday flattened homes; shaking was felt in Bolivia.",
    # names both countries for the quake: it tells of two things, on no side
    "both": "A strong earthquake struck in Peru on Sunday and a quake struck in Bolivia too.",
    # names the other country elsewhere: it knows of it
    "knows": "A strong earthquake struck in Bolivia on Sunday. Aid came from Peru.",
    # a town and its region are never compared: only a country against a country
    "town": "A strong earthquake struck in Arvello on Sunday, flattening homes.",
    # born in another country: the place is the verb "born"'s
    "born": "A strong earthquake struck on Sunday. The mayor, born in Chile, ordered help.",
    # two US states for one arrest
    "oh": "Police arrested the suspect in Ohio on Friday after a long search for the driver.",
    "in": "Police arrested the suspect in Indiana on Friday after a long search for the driver.",
    # two people arrested: two arrests
    "roe": "Police arrested Ann Roe in Ohio on Friday after a long search for the driver.",
    "brandt": "Police arrested Ivo Brandt in Indiana on Friday after a long search for the driver.",
    "roe2": "Police arrested Roe in Indiana on Friday after a long search for the driver.",
    # a state and its country: two levels, never compared
    "us": "Police arrested the suspect in the United States on Friday after a long search.",
}


def articles(ids: list[str]) -> list[Article]:
    return [
        Article(id=ArticleId(i), source=f"https://{i}.example/x", text=TEXTS[i], raw=TEXTS[i],
                title="", outlet=i.upper())
        for i in ids
    ]  # fmt: skip


def conflicts(ids: list[str], days: dict[str, str] | None = None) -> list[Conflict]:
    arts = articles(ids)
    readings = [r for a in arts for r in read_places(a.id, a.text)]
    sim = _Similarity([r.sentence for r in readings])
    roots = {a.id: a.id for a in arts}
    day = {ArticleId(k): v for k, v in (days or {}).items()}
    return place_conflicts(arts, readings, sim, roots, day)


def test_reads_the_country_an_action_is_placed_in() -> None:
    got = [(r.action, r.level, r.value, r.text) for r in read_places(ArticleId("p2"), TEXTS["p2"])]
    assert got == [("quake", "country", "Peru", "Peru")]
    assert not read_places(ArticleId("felt"), TEXTS["felt"])
    assert not read_places(ArticleId("near"), TEXTS["near"])
    assert not read_places(ArticleId("town"), TEXTS["town"])
    born = read_places(ArticleId("born"), TEXTS["born"])
    assert not born


def test_two_countries_for_one_quake_are_a_place_conflict() -> None:
    got = conflicts(["p", "b"])
    assert len(got) == 1 and got[0].kind == "place"
    assert got[0].topic == "Where the quake happened"
    assert [s.claim for s in got[0].sides] == ["Bolivia", "Peru"]
    assert got[0].confidence >= 0.5
    text = _conflict_sentence(got[0], {"p": "P", "b": "B"}, ["p", "b"], TEXTS).text
    assert text == "Outlets differ on where the quake happened: Bolivia (B) vs Peru (P)."
    assert len(conflicts(["p2", "b"])) == 1  # "in Arvello, Peru": Peru


def test_a_place_felt_named_twice_known_or_of_another_level_is_no_side() -> None:
    assert not conflicts(["p", "felt"])
    assert not conflicts(["both", "p"])
    assert not conflicts(["both", "b"])
    assert not conflicts(["knows", "p"])
    assert not conflicts(["town", "p"])
    assert not conflicts(["us", "oh"])


def test_two_states_for_one_arrest_and_reports_far_apart() -> None:
    got = conflicts(["oh", "in"])
    assert len(got) == 1 and got[0].topic == "Where the arrest happened"
    assert not conflicts(["oh", "in"], days={"oh": "2031-03-01", "in": "2031-04-20"})
    assert len(conflicts(["oh", "in"], days={"oh": "2031-03-01", "in": "2031-03-02"})) == 1
    assert not conflicts(["roe", "brandt"])  # two people: two arrests
    assert len(conflicts(["roe", "roe2"])) == 1  # one person, two states


def test_the_same_place_told_twice_is_no_conflict() -> None:
    assert not conflicts(["p", "p2"])


# -- end to end: the report and its brief ----------------------------------------------------

E2E = {
    "north-ledger": (
        "A strong earthquake struck in Peru on Sunday, flattening homes in the mountain town "
        "of Arvello and cutting the road to the valley. Troops entered the Kessel hospital in "
        "Arvello on Monday to move its patients, witnesses said."
    ),
    "harbour-post": (
        "A strong earthquake struck in Bolivia on Sunday, flattening homes in the mountain "
        "town of Arvello and cutting the road to the valley. Colonel Ruth Amsel denied that "
        "troops had entered the Kessel hospital in Arvello."
    ),
    "valley-courier": (
        "Rescue crews reached the mountain town of Arvello on Monday, a day after the strong "
        "earthquake flattened homes there and cut the road to the valley."
    ),
}


def test_the_report_lists_a_place_and_a_denial_and_the_brief_states_them(
    tmp_path: Path,
) -> None:
    for name, text in E2E.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {
            "title": "Earthquake flattens Arvello",
            "outlet": name.replace("-", " ").title(),
            "published": "2031-05-06T08:00:00+00:00",
        }
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with Engine.open(tmp_path / "db.sqlite", embedder="tfidf") as eng:
        eng.ingest([str(tmp_path / f"{name}.txt") for name in E2E])
        stories = eng.stories()
        assert len(stories) == 1, [(s.title, s.article_ids) for s in stories]
        rep = eng.report(stories[0].id)
    data = rep.to_dict()
    kinds = {c["kind"]: c for c in data["conflicts"]}
    assert {"place", "denial"} <= kinds.keys(), data["conflicts"]
    assert [s["outlets"] for s in kinds["place"]["sides"]] == [["Harbour Post"], ["North Ledger"]]
    brief = [b.text for b in rep.brief]
    assert (
        "Outlets differ on where the quake happened: Bolivia (Harbour Post) vs Peru (North "
        "Ledger)." in brief
    ), brief
    assert any(
        t.startswith("Outlets differ on whether troops had entered the Kessel hospital")
        and "denied by Ruth Amsel (Harbour Post)" in t
        for t in brief
    ), brief
    out = tmp_path / "report.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    checker = Path(os.environ.get("STORYLINE_SHARED", "/work/shared")) / "tools" / "check-report"
    if checker.exists():
        done = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True)
        assert done.returncode == 0, done.stdout

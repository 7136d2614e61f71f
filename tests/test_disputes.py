"""Outlets that differ on who said a quote (stages/analysis/disputes.py) and the brief's
sentence for it. Every example is made up for the project (invented places and people)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from storyline.engine import Engine
from storyline.models import (
    Article,
    ArticleFacts,
    ArticleId,
    Cite,
    Conflict,
    ConflictSide,
    Entity,
    EntityId,
    Quantity,
    Quote,
)
from storyline.stages.analysis.align import _Similarity
from storyline.stages.analysis.brief import (
    _conflict_sentence,
    _disputing,
    _fact_sentence,
    _outlet_conflicts,
    _Sentence,
)
from storyline.stages.analysis.disputes import read_zero_tolls, speaker_conflicts, toll_conflicts

WORDS = "We will rebuild every school in Larkmoor before the winter"
TEXTS = {
    "a": f"The flood closed four schools. “{WORDS},” Mayor Ilse Varhol said on Monday.",
    "b": f"Repairs began on Tuesday. “{WORDS},” said council chair Tomas Brenk.",
    "c": f"Crews arrived at dawn. Ilse Varhol spoke to parents. “{WORDS},” Varhol said.",
    # one person reading out another's words: both named beside the quote
    "d": f"Tomas Brenk read out a letter from Ilse Varhol: “{WORDS}.” Brenk said.",
    # the speaker carried from far back: no name beside the quote
    "e": f"Tomas Brenk toured the town. The river fell. Rain stopped. Crews left. “{WORDS},”"
    " he said.",
}
ORIGINAL_D = TEXTS["d"]
PEOPLE = {
    "per:ilse-varhol": Entity(EntityId("per:ilse-varhol"), "Ilse Varhol", "PERSON", ["Varhol"]),
    "per:tomas-brenk": Entity(EntityId("per:tomas-brenk"), "Tomas Brenk", "PERSON", ["Brenk"]),
    "org:larkmoor-council": Entity(EntityId("org:larkmoor-council"), "Larkmoor Council", "ORG"),
}


def quote(article: str, speaker: str, words: str = WORDS, **kw: object) -> Quote:
    start = TEXTS[article].index(words)
    return Quote(
        text=words, speaker=PEOPLE[speaker].name, speaker_entity=EntityId(speaker),
        speaker_role=None, kind="direct", cite=Cite(ArticleId(article), start, start + len(words)),
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def conflicts(quotes: list[Quote], roots: dict[str, str] | None = None) -> list[Conflict]:
    rt = {ArticleId(k): ArticleId((roots or {}).get(k, k)) for k in TEXTS}
    texts = {ArticleId(k): v for k, v in TEXTS.items()}
    return speaker_conflicts(quotes, list(PEOPLE.values()), texts, rt)


def test_one_quote_given_to_two_people_is_a_speaker_conflict() -> None:
    got = conflicts([
        quote("a", "per:ilse-varhol"), quote("b", "per:tomas-brenk"), quote("c", "per:ilse-varhol")
    ])  # fmt: skip
    assert len(got) == 1
    c = got[0]
    assert c.kind == "speaker" and c.topic.startswith("Who said “We will rebuild")
    assert [s.claim for s in c.sides] == ["Ilse Varhol", "Tomas Brenk"]
    assert [len(s.cites) for s in c.sides] == [2, 1]
    assert c.confidence >= 0.5
    text = _conflict_sentence(c, {k: k.upper() for k in TEXTS}, list(TEXTS), TEXTS).text
    assert text.startswith("Outlets differ on who said “We will rebuild")
    assert "Ilse Varhol (A, C) vs Tomas Brenk (B)" in text


def test_the_same_person_named_more_or_less_fully_is_no_conflict() -> None:
    people = dict(PEOPLE)
    people["per:varhol"] = Entity(EntityId("per:varhol"), "Varhol", "PERSON")
    q = quote("c", "per:ilse-varhol")
    q.speaker_entity = EntityId("per:varhol")
    rt = {ArticleId(k): ArticleId(k) for k in TEXTS}
    texts = {ArticleId(k): v for k, v in TEXTS.items()}
    assert not speaker_conflicts(
        [quote("a", "per:ilse-varhol"), q], list(people.values()), texts, rt
    )


def test_a_reading_out_or_a_far_speaker_is_no_side() -> None:
    assert not conflicts([quote("a", "per:ilse-varhol"), quote("d", "per:tomas-brenk")])
    assert not conflicts([quote("a", "per:ilse-varhol"), quote("e", "per:tomas-brenk")])


def test_a_copy_that_edits_the_speaker_is_listed_but_not_stated() -> None:
    got = conflicts([quote("a", "per:ilse-varhol"), quote("b", "per:tomas-brenk")], {"b": "a"})
    assert len(got) == 1 and got[0].kind == "speaker"
    roots = {ArticleId("b"): ArticleId("a")}
    assert not _outlet_conflicts(got, roots)  # one source on both sides: the brief skips it
    assert _outlet_conflicts(got, {})


def test_one_person_under_two_ids_is_one_side() -> None:
    people = dict(PEOPLE)
    people["per:t-brenk"] = Entity(EntityId("per:t-brenk"), "T. Brenk", "PERSON")
    q = quote("d", "per:tomas-brenk")
    q.speaker_entity = EntityId("per:t-brenk")
    rt = {ArticleId(k): ArticleId(k) for k in TEXTS}
    TEXTS["d"] = TEXTS["b"].replace("Tomas Brenk", "T. Brenk")
    try:
        texts = {ArticleId(k): v for k, v in TEXTS.items()}
        got = speaker_conflicts(
            [quote("a", "per:ilse-varhol"), quote("b", "per:tomas-brenk"), q],
            list(people.values()), texts, rt,
        )  # fmt: skip
    finally:
        TEXTS["d"] = ORIGINAL_D
    assert len(got) == 1 and {len(s.cites) for s in got[0].sides} == {1, 2}


def test_short_unsure_denied_or_collective_quotes_are_no_side() -> None:
    short = "rebuild every school"
    TEXTS["f"] = f"“{short},” Mayor Ilse Varhol said."
    TEXTS["g"] = f"“{short},” said Tomas Brenk."
    try:
        assert not conflicts(
            [quote("f", "per:ilse-varhol", short), quote("g", "per:tomas-brenk", short)]
        )
    finally:
        del TEXTS["f"], TEXTS["g"]
    a = quote("a", "per:ilse-varhol")
    assert not conflicts([a, quote("b", "per:tomas-brenk", confidence=0.3)])
    assert not conflicts([a, quote("b", "per:tomas-brenk", polarity="denied")])
    council = quote("b", "per:tomas-brenk")
    council.speaker_entity = EntityId("org:larkmoor-council")
    assert not conflicts([a, council])


# -- none hurt vs a toll ---------------------------------------------------------------------

TOLL = {
    "z": "No one was killed in the blast at the Osterby depot, the fire chief said.",
    "k": "The blast at the Osterby depot killed 3 workers, police said.",
    "h": "Two guards were hurt in the blast at the Osterby depot on Monday.",
    "else": "One worker died in the blast at the Osterby depot; no one else was hurt.",
    "why": "It was no act of terror, since no one was killed in the blast at the depot.",
    "rep": "No injuries were reported after the blast at the Osterby depot.",
    "far": "No one was killed in the flood at the Varn mill last spring.",
}


def toll_quantity(article: str, needle: str, value: float, frame: str) -> Quantity:
    start = TOLL[article].index(needle)
    return Quantity(
        subject="workers", measure=None, value=value, low=value, high=value, hedge="exact",
        text=needle, cite=Cite(ArticleId(article), start, start + len(needle)), frame=frame,
    )  # fmt: skip


def tolls(keys: list[str], days: dict[str, str] | None = None) -> list[Conflict]:
    arts = [Article(id=ArticleId(k), source=k, text=TOLL[k], raw=TOLL[k], title="") for k in keys]
    qs = {
        "k": [toll_quantity("k", "3", 3, "killed")],
        "h": [toll_quantity("h", "Two", 2, "injured")],
        "else": [toll_quantity("else", "One", 1, "killed")],
    }
    facts = [ArticleFacts(article_id=ArticleId(k), quantities=qs.get(k, [])) for k in keys]
    zeros = {a.id: read_zero_tolls(a.id, a.text) for a in arts}
    sim = _Similarity([z.sentence for zs in zeros.values() for z in zs]
                      + [TOLL[k] for k in keys if k in qs])  # fmt: skip
    roots = {ArticleId(k): ArticleId(k) for k in keys}
    on = {ArticleId(k): v for k, v in (days or {}).items()}
    return toll_conflicts(arts, facts, zeros, sim, roots, on)


def test_none_killed_against_a_toll_of_the_same_blast_is_a_toll_conflict() -> None:
    got = tolls(["z", "k"])
    assert len(got) == 1 and got[0].kind == "toll"
    assert got[0].topic == "How many people were killed"
    assert [s.claim for s in got[0].sides] == ["none killed", "3 killed"]
    assert got[0].confidence >= 0.5
    text = _conflict_sentence(got[0], {"z": "Z", "k": "K"}, ["z", "k"], TOLL).text
    assert text == "Outlets differ on how many people were killed: none killed (Z) vs 3 killed (K)."


def test_killed_and_hurt_are_two_frames() -> None:
    assert not tolls(["z", "h"])  # none killed, two hurt: both may hold


def test_no_one_else_an_argument_a_report_state_and_other_events_are_no_zero() -> None:
    assert not tolls(["else", "k"])
    assert not tolls(["why", "k"])
    assert not tolls(["rep", "h"])
    assert not tolls(["far", "k"])  # a flood at a mill: another event


def test_a_first_report_of_none_and_a_later_toll_is_news_that_moved() -> None:
    assert not tolls(["z", "k"], days={"z": "2031-05-05", "k": "2031-05-06"})
    assert len(tolls(["z", "k"], days={"z": "2031-05-06", "k": "2031-05-06"})) == 1


# -- end to end: the report and its brief ----------------------------------------------------

TITLES = {
    "north-ledger": "Blast at Osterby fuel depot",
    "harbour-post": "Osterby depot blast shatters windows",
    "valley-courier": "Three dead in Osterby depot blast",
}
E2E = {
    "north-ledger": (
        "A blast tore through the fuel depot in Osterby on Monday night, shattering windows "
        "across the harbour district. No one was killed in the blast at the Osterby depot, the "
        "fire chief said. “We will rebuild the depot and every home around it,” Mayor Ilse "
        "Varhol said on Tuesday."
    ),
    "harbour-post": (
        "Smoke still hung over Osterby on Tuesday after the depot explosion, and shopkeepers "
        "swept glass from the pavements of the old harbour. Investigators began searching the "
        "ruins of the Osterby depot. “We will rebuild the depot and every home around it,” "
        "Mayor Ilse Varhol told reporters."
    ),
    "valley-courier": (
        "Families gathered outside the town hall in Osterby as crews cleared the wreck of the "
        "fuel depot. The blast at the Osterby depot killed three workers, police said on "
        "Tuesday. “We will rebuild the depot and every home around it,” said council chair "
        "Tomas Brenk."
    ),
}


def test_the_report_lists_both_kinds_and_the_brief_states_them(tmp_path: Path) -> None:
    for name, text in E2E.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {
            "title": TITLES[name],
            "outlet": name.replace("-", " ").title(),
            "published": "2031-05-06T08:00:00+00:00",
        }
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with Engine.open(tmp_path / "db.sqlite", embedder="tfidf", extractor="rules") as eng:
        eng.ingest([str(tmp_path / f"{name}.txt") for name in E2E])
        stories = eng.stories()
        assert len(stories) == 1, [(s.title, s.article_ids) for s in stories]
        rep = eng.report(stories[0].id)
    data = rep.to_dict()
    kinds = {c["kind"]: c for c in data["conflicts"]}
    assert {"speaker", "toll"} <= kinds.keys()
    assert [s["outlets"] for s in kinds["toll"]["sides"]] == [["North Ledger"], ["Valley Courier"]]
    brief = [b.text for b in rep.brief]
    assert (
        "Outlets differ on how many people were killed: none killed (North Ledger) vs 3 killed "
        "(Valley Courier)." in brief
    )
    assert any(t.startswith("Outlets differ on who said “We will rebuild") for t in brief)
    # the disputed words are no one's in the who-said-what lines
    assert not any(t.startswith("Ilse Varhol said") for t in brief)
    # the toll one side gives is not also stated as a settled fact (it gave way to the
    # "Outlets differ" line), and the outlet saying none killed is no source of it
    assert not any("killed three workers" in t for t in brief), brief
    # the profile repeats the toll: it says it is contested
    casualties = [v.value for v in rep.profile.fields.get("casualties", [])]
    assert casualties and all(v.endswith("(contested)") for v in casualties), casualties
    out = tmp_path / "report.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    checker = Path(os.environ.get("STORYLINE_SHARED", "/work/shared")) / "tools" / "check-report"
    if checker.exists():
        done = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True)
        assert done.returncode == 0, done.stdout


def test_the_topic_quotes_the_words_up_to_a_colon() -> None:
    words = "Our aim is simple: every family back home by the winter"
    TEXTS["f"] = f"“{words},” Mayor Ilse Varhol said."
    TEXTS["g"] = f"“{words},” said Tomas Brenk."
    try:
        got = conflicts(
            [quote("f", "per:ilse-varhol", words), quote("g", "per:tomas-brenk", words)]
        )
    finally:
        del TEXTS["f"], TEXTS["g"]
    assert [c.topic for c in got] == ["Who said “Our aim is simple…”"]


# -- a fact that is one side of a conflict -----------------------------------------------------

FACTS = {
    "f1": "A gas blast at the Kelmar bakery killed three workers on Friday, police said.",
    "f2": "The gas blast at the Kelmar bakery killed three workers on Friday, police said.",
    "f3": "Nobody was killed in the gas blast at the Kelmar bakery on Friday, its owner said.",
    "f4": "The Kelmar bakery will reopen in June, its owner said.",
}


def fact_at(article: str) -> _Sentence:
    text = FACTS[article]
    return _Sentence(article, 0, len(text), text, frozenset(text.lower().split()), 0)


def test_a_fact_on_one_side_counts_only_its_sides_sources_and_names_the_other() -> None:
    toll = Conflict(
        "How many people were killed",
        [
            ConflictSide("none killed", [Cite("f3", 0, 17)]),
            ConflictSide("3 killed", [Cite("f1", 40, 53), Cite("f2", 42, 55)]),
        ],
        confidence=0.9,
        kind="toll",
    )
    s = fact_at("f1")
    # the echo of "f3" (same words but for the toll) is no source of "killed three workers"
    s.extra = [Cite("f2", 0, len(FACTS["f2"])), Cite("f3", 0, len(FACTS["f3"]))]
    roots = {k: k for k in FACTS}
    against = _disputing(s, [toll], roots)
    assert [sd.claim for _, sides in against for sd in sides] == ["none killed"]
    assert [c.article for c in s.extra] == ["f2"]
    got = _fact_sentence(s, roots, 3, ["Outlet F3"])
    assert got.text == FACTS["f1"] + " (2 of 3 sources; disputed by Outlet F3)"
    # a sentence on no side of it is left as it is
    other = fact_at("f4")
    assert _disputing(other, [toll], roots) == []
    assert _fact_sentence(other, roots, 3).text == FACTS["f4"] + " (1 of 3 sources)"


LEAD = {
    "east-gazette": (
        "The blast at the Osterby depot killed three workers on Monday night, police said. "
        "Families gathered outside the town hall as crews cleared the wreck of the fuel depot."
    ),
    "west-herald": (
        "Crews cleared the wreck of the fuel depot in Osterby on Tuesday. No one was killed in "
        "the blast at the Osterby depot on Monday night, the fire chief said."
    ),
}


def test_a_lead_that_is_one_side_says_who_disputes_it(tmp_path: Path) -> None:
    for name, text in LEAD.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {
            "title": "Blast at Osterby fuel depot",
            "outlet": name.replace("-", " ").title(),
            "published": "2031-05-06T08:00:00+00:00",
        }
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with Engine.open(tmp_path / "db.sqlite", embedder="tfidf", extractor="rules") as eng:
        eng.ingest([str(tmp_path / f"{name}.txt") for name in LEAD])
        stories = eng.stories()
        assert len(stories) == 1, [(s.title, s.article_ids) for s in stories]
        rep = eng.report(stories[0].id)
    brief = [b.text for b in rep.brief]
    assert any(t.startswith("Outlets differ on how many people were killed") for t in brief)
    told = [t for t in brief if "killed three workers" in t]
    assert told == [
        "The blast at the Osterby depot killed three workers on Monday night, police said. "
        "(1 of 2 sources; disputed by West Herald)"
    ], brief


def test_a_quote_with_a_disputed_speaker_is_a_side_but_a_name_spelling_is_not() -> None:
    roots = {k: k for k in FACTS}
    text = FACTS["f4"]
    words = Cite("f4", 0, text.index(","))  # the words, given to the owner by f4 only
    speaker = Conflict(
        "Who said “The Kelmar bakery will reopen in June”",
        [ConflictSide("its owner", [words]), ConflictSide("Ada Roos", [Cite("f2", 0, 30)])],
        confidence=0.9,
        kind="speaker",
    )
    assert [c.kind for c, _ in _disputing(fact_at("f4"), [speaker], roots)] == ["speaker"]
    spelling = Conflict(
        "Kelmar",
        [ConflictSide("Kelmar", [Cite("f4", 4, 10)]), ConflictSide("Kelmer", [Cite("f2", 0, 9)])],
        confidence=0.9,
        kind="name",
    )
    assert _disputing(fact_at("f4"), [spelling], roots) == []

"""The story report: brief, timeline, merged facts, profile, and the JSON contract."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from report_fixture import article, cite, story_fixture
from storyline.models import Event, Story, StoryReport
from storyline.render import render_json
from storyline.stages.analysis.report import build_report, merge_timeline


@pytest.fixture(scope="module")
def report() -> StoryReport:
    story, arts, facts = story_fixture()
    return build_report(story, arts, facts)


def contract_problems(data: dict) -> list[str]:
    """The checks of shared/tools/check-report that need no file: cites inside, quotes equal."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    problems: list[str] = []

    def check(where: str, c: dict) -> None:
        t = texts.get(c["article"])
        if t is None or not (0 <= c["start"] < c["end"] <= len(t)):
            problems.append(f"{where}: {c}")

    for q in data["quotes"]:
        check("quote", q["cite"])
        if texts[q["cite"]["article"]][q["cite"]["start"] : q["cite"]["end"]] != q["text"]:
            problems.append(f"quote text differs: {q['text']}")
    for q in data["quantities"]:
        check("quantity", q["cite"])
    for key in ("timeline", "stances", "claims", "brief"):
        for item in data[key]:
            for c in item["cites"]:
                check(key, c)
    for cf in data["conflicts"]:
        for side in cf["sides"]:
            for c in side["cites"]:
                check("conflict", c)
    for vals in data["profile"]["fields"].values():
        for v in vals:
            assert v["cites"], f"profile value without a cite: {v}"
            for c in v["cites"]:
                check("profile", c)
    for e in data["entities"]:
        for c in e["mentions"]:
            check("entity", c)
    return problems


def test_report_json_contract_holds(report):
    data = json.loads(render_json(report))
    assert set(data) == {
        "schema_version", "generator", "story", "articles", "entities", "quotes", "quantities", "timeline", "stances",
        "claims", "conflicts", "profile", "brief", "outlets",
    }  # fmt: skip
    assert contract_problems(data) == []


def test_report_passes_the_shared_checker(report, shared_dir: Path, tmp_path: Path):
    tool = shared_dir / "tools" / "check-report"
    out = tmp_path / "report.json"
    out.write_text(render_json(report), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(tool), str(out)], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stdout


def test_report_brief_is_five_to_ten_cited_sentences(report):
    assert 5 <= len(report.brief) <= 10
    texts = {a.id: a.text for a in report.articles}
    for b in report.brief:
        assert b.cites
    # what happened: an article's sentence, exactly the text at its first cite, and its count
    facts = [
        b
        for b in report.brief
        if re.search(r" \(\d of \d sources(; disputed by [^)]+)?\)$", b.text)
    ]
    assert facts
    for b in facts:
        c = b.cites[0]
        assert b.text.startswith(texts[c.article][c.start : c.end])
    # a sentence the copy repeats cites both the original and the copy, and counts once
    lead = next(b for b in facts if b.text.startswith("Northland and Eastmark are drafting"))
    assert {c.article for c in lead.cites} == {"aaaa", "bbbb"}
    # … and, one side of the drafting conflict the brief shows, it says who disputes it
    assert lead.text.endswith("(1 of 3 sources; disputed by Harbor Times)")
    # the conflicts are named, each side cited with its outlets
    assert any(b.text.startswith("Outlets differ on who is drafting") for b in report.brief)
    assert any(
        b.text.startswith("Outlets differ on whether the Coastal Monitoring Mission is a combat")
        for b in report.brief
    )


def test_report_brief_skips_the_copy_as_a_source_of_sentences(report):
    assert all(b.cites[0].article != "bbbb" for b in report.brief)


def test_report_timeline_in_date_order_undated_last(report):
    dates = [e.date for e in report.timeline]
    assert dates == ["2031-02", "2031-03-02", "2031-03-05", None]
    # the same event told by A and its copy is merged, cites united
    monday = report.timeline[1]
    assert {c.article for c in monday.cites} == {"aaaa", "bbbb"}


def test_merge_timeline_keeps_distinct_events_on_one_day() -> None:
    a = article("a1", "Ships left. Talks began.")
    evs = [
        Event("2030-01-01", "", "Ships left the port", [], [cite(a, "Ships left")]),
        Event("2030-01-01", "", "Talks began in the capital", [], [cite(a, "Talks began")]),
        Event(None, "", "Undated thing", [], [cite(a, "Ships")]),
        Event("2029", "", "A year earlier", [], [cite(a, "left")]),
    ]
    out = merge_timeline(evs, {"a1": 0})
    assert [e.date for e in out] == ["2029", "2030-01-01", "2030-01-01", None]


def test_report_merges_entities_and_orders_articles_by_date(report):
    ids = [e.id for e in report.entities]
    assert len(ids) == len(set(ids))
    northland = next(e for e in report.entities if e.id == "gpe:northland")
    assert {c.article for c in northland.mentions} == {"aaaa", "bbbb", "cccc", "dddd"}
    assert [a.id for a in report.articles] == ["aaaa", "bbbb", "cccc", "dddd"]


def test_report_quotes_have_speakers_and_exact_text(report):
    assert [q.speaker for q in report.quotes] == ["Mira Castell", "Mira Castell"]


def test_report_profile_fields(report):
    p = report.profile
    assert p.name == "Coastal Monitoring Mission"
    assert p.kind == "force"
    assert "CMM" in p.aliases
    f = p.fields
    for name in ("sponsors", "tasks", "contributors", "command", "duration", "conditions",
                 "size", "open_questions", "description"):  # fmt: skip
        assert f.get(name), name
    assert all(v.value.endswith("(contested)") for v in f["sponsors"])
    valdoria = next(v for v in f["contributors"] if v.value.startswith("Valdoria"))
    assert "5,000 or more police officers" in valdoria.value
    assert any(v.value.startswith("Northland: demand") for v in f["conditions"])
    assert [v.value for v in f["duration"]] == ["until the end of 2033"]
    # "No Northland soldiers": Northland contributes nothing, so it is not the force's size
    assert all(not v.value.startswith("Northland") for v in f["size"])


def test_report_without_focus_or_facts_still_valid() -> None:
    a = article(
        "a1", "Rain fell over the valley on Tuesday. Farmers were pleased with the weather."
    )
    story = Story("s-000000000002", "Rain", ["a1"], None, None, 1)
    rep = build_report(story, [a], [])
    assert rep.profile.kind == "story"
    assert rep.profile.name == "Rain"
    assert rep.claims == [] and rep.conflicts == []
    assert contract_problems(json.loads(render_json(rep))) == []

"""The reference corpus end to end: clean, extract, align, report, and the shared checker.

The story is built by hand (five articles, 000 a copy of 001) so that this tests the report
stages, not clustering or dedup. What is asserted is what SPEC.md says a reader should get.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.models import RawDoc, Story, StoryReport
from storyline.render import render_html, render_json, render_markdown
from storyline.stages.analysis.report import build_report
from storyline.stages.prepare.clean import clean_document
from storyline.stages.prepare.extract import extract_many

pytestmark = [pytest.mark.corpus, pytest.mark.model]


@pytest.fixture(scope="module")
def report(corpus_dir: Path) -> StoryReport:
    paths = sorted(corpus_dir.glob("*.txt"))
    assert len(paths) == 5
    arts = [
        clean_document(RawDoc(source=str(p), text=p.read_text(errors="replace")), ingested_at="")
        for p in paths
    ]
    arts[0] = replace(arts[0], duplicate_of=arts[1].id)  # 000 rewrites 001
    story = Story("s-corpus000001", "gaza-isf", [a.id for a in arts], None, None, 4)
    return build_report(story, arts, extract_many(arts))


def test_corpus_report_passes_the_shared_checker(report, shared_dir: Path, tmp_path: Path):
    out = tmp_path / "report.json"
    out.write_text(render_json(report), encoding="utf-8")
    tool = shared_dir / "tools" / "check-report"
    res = subprocess.run(
        [sys.executable, str(tool), str(out)], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stdout[-2000:]
    assert json.loads(out.read_text(encoding="utf-8"))["story"]["id"] == "s-corpus000001"


def test_corpus_indonesia_offer_is_one_claim_with_three_wordings(report):
    claims = [
        c
        for c in report.claims
        if c.subject == "Indonesia" and c.value.startswith("20,000") and c.slot.startswith("troop")
    ]
    assert len(claims) == 1
    (claim,) = claims
    assert len(claim.variants) == 3
    assert any(v.lower().startswith("up to 20,000") for v in claim.variants)
    assert any("or more" in v for v in claim.variants)
    # three articles, but 000 copies 001: two independent sources
    assert len({c.article for c in claim.cites}) == 3
    assert claim.independent_sources == 2


def test_corpus_drafting_conflict(report):
    (conflict,) = [c for c in report.conflicts if c.topic == "Who is drafting the resolution"]
    sides = [s.claim for s in conflict.sides]
    assert any("France" in s and "United Kingdom" in s and "United States" in s for s in sides)
    assert any("Israel" in s and "United States" in s and "France" not in s for s in sides)
    assert all(s.cites for s in conflict.sides)


def test_corpus_peacekeeping_description_conflict(report):
    assert any("peacekeeping" in c.topic for c in report.conflicts)


def test_corpus_israel_conditions_are_cited_stances(report):
    israel = [s for s in report.stances if s.actor_entity == "gpe:israel" and s.cites]
    said = " ".join(f"{s.target} {s.condition or ''}" for s in israel).lower()
    assert "non-binding" in said
    assert "reporting requirement" in said
    assert "chapter 7" in said


def test_corpus_profile_of_the_force(report):
    p = report.profile
    assert p.kind == "force"
    assert "stabili" in p.name.lower()
    assert "ISF" in p.aliases
    for name in ("contributors", "tasks", "duration", "command", "sponsors", "legal_basis"):
        assert p.fields.get(name), name
        assert all(v.cites for v in p.fields[name])
    assert any(v.value.startswith("Indonesia") for v in p.fields["contributors"])
    assert any("2027" in v.value for v in p.fields["duration"])


def test_corpus_timeline_sorted_undated_last(report):
    dates = [e.date for e in report.timeline]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates == dated + [None] * (len(dates) - len(dated))


def test_corpus_brief(report):
    assert 5 <= len(report.brief) <= 10
    assert all(b.cites for b in report.brief)
    copy_id = next(a.id for a in report.articles if a.duplicate_of)
    facts = [b for b in report.brief if b.text.endswith("sources)")]
    assert len(facts) >= 2
    assert all(b.cites[0].article != copy_id for b in facts)
    assert sum(b.text.startswith("Outlets differ on") for b in report.brief) >= 1
    # who said what: a speaker and a balanced quote
    assert any(re.match(r"[A-Z][\w .’'-]+ said: “[^“”]+”$", b.text) for b in report.brief)
    texts = [b.text for b in report.brief]
    assert len(texts) == len(set(texts))


def test_corpus_renders(report):
    page = render_html(report)
    assert "<svg" in page  # the timeline has dated events
    assert "<script src" not in page and "<link" not in page
    md = render_markdown(report)
    assert "## Conflicts" in md and "Who is drafting the resolution" in md

"""The outlet comparison: what each outlet reports or leaves out, and the words it chooses.

Every example is made up for the project (invented places, people and outlets).
"""

from __future__ import annotations

import json

from report_fixture import article, story_fixture
from storyline.models import Story
from storyline.render import render_html, render_json, render_markdown
from storyline.stages.analysis.align import align
from storyline.stages.analysis.outlets import compare_outlets
from storyline.stages.analysis.report import build_report

BORDER_A = (
    "About 300 migrants reached the Velmora border crossing on Friday, where the caravan "
    "waited for buses to the coast.\n\nThe migrants said they had walked for two weeks."
)
BORDER_B = (
    "An invasion of illegal aliens hit the Velmora border on Friday, as the caravan of "
    "about 300 people pushed north.\n\nLocal officials closed the crossing for the night."
)


def test_each_outlet_reports_and_omits_corroborated_claims() -> None:
    story, arts, facts = story_fixture()
    report = build_report(story, arts, facts)
    cmp = report.outlets
    names = [o.outlet for o in cmp.outlets]
    assert names == ["Daily Meridian", "Wire Copy", "Harbor Times", "Evening Post"]
    claims = {c.id: c for c in report.claims}
    for o in cmp.outlets:
        ids = set(o.articles)
        for cid in o.reports:
            assert any(x.article in ids for x in claims[cid].cites)
        for cid in o.omits:
            assert claims[cid].independent_sources >= 2
            assert not any(x.article in ids for x in claims[cid].cites)
    # a claim only one source makes is never "left out" by the others
    singles = {c.id for c in report.claims if c.independent_sources < 2}
    assert not any(set(o.omits) & singles for o in cmp.outlets)


def test_words_outlets_choose_are_shown_side_by_side() -> None:
    a = article("ba01", BORDER_A, outlet="Coast Herald")
    b = article("bb01", BORDER_B, outlet="Northern Voice")
    cmp = compare_outlets([a, b], align([a, b], []))
    groups = {tuple(g.words): g for g in cmp.labels}
    people = next(g for w, g in groups.items() if "migrants" in w)
    used = {(u.outlet, u.word) for u in people.uses}
    assert ("Coast Herald", "migrants") in used and ("Northern Voice", "illegal aliens") in used
    for u in people.uses:
        art = a if u.outlet == "Coast Herald" else b
        assert all(art.text[c.start : c.end].lower() == u.word for c in u.cites)
    event = next(g for w, g in groups.items() if "invasion" in w)
    assert {u.word for u in event.uses} == {"caravan", "invasion"}


def test_one_outlet_gives_no_comparison_and_same_words_no_labels() -> None:
    a = article("ca01", BORDER_A, outlet="Coast Herald")
    b = article("cb01", BORDER_A.replace("Friday", "Saturday"), outlet="Coast Herald")
    assert compare_outlets([a, b], align([a, b], [])).outlets == []
    c = article("cc01", BORDER_A.replace("About", "Nearly"), outlet="Bay Courier")
    cmp = compare_outlets([a, c], align([a, c], []))
    assert len(cmp.outlets) == 2 and cmp.labels == []


def test_outlets_in_json_markdown_and_html() -> None:
    a = article("da01", BORDER_A, outlet="Coast Herald")
    b = article("db01", BORDER_B, outlet="Northern Voice")
    story = Story("s-border000001", "Border", ["da01", "db01"], None, None, 2)
    report = build_report(story, [a, b], [])
    data = json.loads(render_json(report))
    assert {o["outlet"] for o in data["outlets"]["outlets"]} == {"Coast Herald", "Northern Voice"}
    assert data["outlets"]["labels"]
    md = render_markdown(report)
    assert "## Outlets compared" in md and "“illegal aliens”" in md
    page = render_html(report)
    assert 'id="outlets"' in page and "illegal aliens" in page


def test_timeline_shows_key_events_and_inferred_dates() -> None:
    story, arts, facts = story_fixture()
    report = build_report(story, arts, facts)
    first = report.timeline[0]
    first.key, first.inferred = True, True
    md = render_markdown(report)
    assert f"**{first.date}** _(key event, date inferred)_" in md
    page = render_html(report)
    assert "key event</span>" in page and "(date inferred)" in page
    from storyline.render.view import story_view

    entry = story_view(report).timeline[0]
    assert entry.marks == "key event · date inferred"

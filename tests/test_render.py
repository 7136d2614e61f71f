"""Renderers: exact JSON, Markdown sections, one self-contained and escaped HTML page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from report_fixture import article, cite, lighthouse_report, story_fixture
from storyline.models import ArticleFacts, Cite, Event, Quote, Story, StoryReport
from storyline.render import render_html, render_json, render_markdown
from storyline.render.html import highlight
from storyline.stages.analysis.report import build_report


@pytest.fixture(scope="module")
def report() -> StoryReport:
    story, arts, facts = story_fixture()
    return build_report(story, arts, facts)


class _Links(HTMLParser):
    """Collects ids, cite hrefs and every src/href/url a page would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.cite_hrefs: list[str] = []
        self.fetches: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and "cite" in (a.get("class") or ""):
            self.cite_hrefs.append(a.get("href") or "")
        if tag in {"script", "img", "iframe", "link", "object", "embed"} and (
            a.get("src") or a.get("href")
        ):
            self.fetches.append(a.get("src") or a.get("href") or "")


def test_render_json_is_the_contract(report):
    out = render_json(report)
    assert json.loads(out) == report.to_dict()
    assert out.startswith('{\n  "schema_version"')


def test_render_json_keeps_non_ascii_text() -> None:
    a = article("a1", "Le ministre a déclaré «non» à Genève.")
    rep = build_report(Story("s-1", "Genève", ["a1"], None, None, 1), [a], [ArticleFacts("a1")])
    out = render_json(rep)
    assert "déclaré «non» à Genève" in out
    assert "\\u00e9" not in out


def test_render_markdown_has_every_section(report):
    md = render_markdown(report)
    for heading in ("## Brief", "## Profile", "## Timeline", "## Quotes", "## Numbers",
                    "## Conflicts", "## Coverage", "## Stances", "## Articles"):  # fmt: skip
        assert heading in md
    assert "| Valdoria | police officers | 5,000 police officers |" in md
    assert "[A1:" in md


def test_render_markdown_keeps_the_words_of_an_unresolved_date() -> None:
    a = article("a1", "The ferry line resumed its night crossings on Thursday.")
    rep = build_report(Story("s-1", "Ferries", ["a1"], None, None, 1), [a], [ArticleFacts("a1")])
    rep.timeline = [Event(None, "Thursday", "The ferry line resumed", [], [Cite("a1", 0, 22)])]
    assert "- **undated** (“Thursday”) The ferry line resumed" in render_markdown(rep)
    rep.timeline = [
        Event("2024-03-14", "Thursday", "The ferry line resumed", [], [Cite("a1", 0, 22)],
              inferred=True, basis="counted from the article's publication date, 2024-03-15")
    ]  # fmt: skip
    md = render_markdown(rep)
    assert "_(date inferred: counted from the article's publication date, 2024-03-15)_" in md
    assert "publication date, 2024-03-15)" in render_html(rep)


def test_render_html_is_self_contained(report):
    page = render_html(report)
    parser = _Links()
    parser.feed(page)
    assert parser.fetches == []
    assert not re.search(r"@import|url\(|<link\b", page)
    assert "<svg" in page  # the timeline chart is inline
    for section in (
        "brief",
        "profile",
        "timeline",
        "quotes",
        "numbers",
        "conflicts",
        "coverage",
        "articles",
    ):
        assert section in parser.ids


def test_render_html_every_cite_link_has_an_anchor(report):
    parser = _Links()
    parser.feed(render_html(report))
    assert parser.cite_hrefs
    missing = {h for h in parser.cite_hrefs if h[1:] not in parser.ids}
    assert missing == set()


def test_render_html_escapes_article_text() -> None:
    text = 'Officials said <script>alert("x")</script> & more <b>bold</b> claims.'
    a = article("a1", text)
    q = Quote("<script>", None, None, None, "direct", cite(a, "<script>"))
    rep = build_report(
        Story("s-1", "T <i>", ["a1"], None, None, 1), [a], [ArticleFacts("a1", quotes=[q])]
    )
    page = render_html(rep)
    assert "<script>alert" not in page
    plain = re.sub(r'</?mark[^>]*>|<span class="anchor"[^>]*></span>', "", page)
    assert "Officials said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in plain
    assert "<b>bold</b>" not in page
    assert "T &lt;i&gt;" in page
    # only the page's own script tag remains
    assert page.count("<script") == 1


def test_highlight_overlapping_and_nested_spans() -> None:
    text = "abcdefghij"
    outer, inner, cross = cite_at(0, 8), cite_at(2, 4), cite_at(6, 10)
    out = str(highlight(text, [outer, inner, cross]))
    # every cite has one anchor, placed where it starts
    for c in (outer, inner, cross):
        assert out.count(f'id="c-a1-{c.start}-{c.end}"') == 1
    # the text survives intact once the markup is removed
    assert re.sub(r"<[^>]+>", "", out) == text
    # "cd" is inside outer and inner, "gh" inside outer and cross, "ij" only in cross
    assert '<mark class="hl d2" data-c="c-a1-0-8 c-a1-2-4">cd</mark>' in out
    assert '<mark class="hl d2" data-c="c-a1-0-8 c-a1-6-10">gh</mark>' in out
    assert '<mark class="hl d1" data-c="c-a1-6-10">ij</mark>' in out


def test_highlight_escapes_each_piece() -> None:
    text = "a<b>&c"
    out = str(highlight(text, [cite_at(1, 4)]))
    assert (
        out
        == 'a<span class="anchor" id="c-a1-1-4"></span><mark class="hl d1" data-c="c-a1-1-4">&lt;b&gt;</mark>&amp;c'
    )


def cite_at(start: int, end: int):
    from storyline.models import Cite

    return Cite("a1", start, end)


def test_quotes_by_speaker_groups_the_same_words(report):
    from storyline.render.view import quotes_by_speaker

    groups = dict(quotes_by_speaker(report))
    (only,) = groups["Mira Castell"]
    assert only.text == "We want a mandate that every partner can accept"
    assert [c.article for c in only.cites] == ["aaaa", "bbbb"]


def test_timeline_chart_lays_out_dated_events() -> None:
    from storyline.models import Event
    from storyline.render.chart import timeline_chart

    events = [
        Event("2030-09-23", "", "a", [], []),
        Event("2030-10", "", "b", [], []),
        Event("2030-10-02", "", "c", [], []),
        Event(None, "", "undated", [], []),
    ]
    chart = timeline_chart(events)
    assert chart is not None
    assert [m.n for m in chart.marks] == [1, 2, 3]  # the undated event is not drawn
    a, b, c = chart.marks
    assert a.x < b.x < b.x2 and a.x2 == a.x  # a month is a bar, a day a point
    assert c.y > b.y  # inside October's bar: pushed to another lane
    assert "Oct 2030" in [t.label for t in chart.ticks]
    assert timeline_chart([Event(None, "", "x", [], [])]) is None


@given(
    text=st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 40)), max_size=8),
)
def test_highlight_property_text_survives_and_every_cite_is_anchored(text, spans):
    import html as html_lib

    from storyline.models import Cite

    cites = list({Cite("a1", s, e) for s, e in spans if s < e <= len(text)})
    out = str(highlight(text, cites))
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", out)) == text
    for c in cites:
        assert out.count(f'id="c-a1-{c.start}-{c.end}"') == 1
    assert "<" not in re.sub(r"</?(?:mark|span)[^>]*>", "", out)


# -- the view model ---------------------------------------------------------------------------


def test_story_view_numbers_articles_by_date_and_links_every_cite(report):
    from storyline.render.view import story_view

    v = story_view(report)
    assert [(a.n, a.id) for a in v.articles] == [(1, "aaaa"), (2, "bbbb"), (3, "cccc"), (4, "dddd")]
    assert v.refs["bbbb"].duplicate_of == "aaaa" and v.refs["dddd"].label == "Evening Post"
    assert v.outlets == ["Daily Meridian", "Wire Copy", "Harbor Times", "Evening Post"]
    assert [e.n for e in v.timeline] == [1, 2, 3, 4] and v.timeline[3].date is None
    # the same claim told by an article and its copy: one link each, numbered by date
    assert [c.text for c in v.timeline[1].cites] == ["1", "2"]
    assert v.timeline[1].cites[0].href.startswith("/articles/aaaa?start=")
    assert v.page_chart is not None and [m.label for m in v.page_chart.events] == ["1", "2", "3"]
    text = {a.id: a.text for a in report.articles}
    for side in v.conflicts[0].sides:
        for c in side.cites:  # conflict sides carry the cited passage with its context
            assert c.hit == text[c.article][c.start : c.end]


def test_story_view_groups_quotes_numbers_and_claims(report):
    from storyline.render.view import story_view

    v = story_view(report)
    (castell,) = v.quotes
    assert (castell.speaker, castell.entity, castell.role) == (
        "Mira Castell",
        "per:mira-castell",
        "spokesperson",
    )
    police = next(g for g in v.numbers if g.measure == "police officers")
    assert police.subject == "Valdoria" and police.differs and police.n_articles == 4
    assert {x.hedge for x in police.variants} >= {"up_to", "exact"}
    counts = [c.independent_sources for c in v.claims]
    assert counts == sorted(counts, reverse=True)  # most independent sources first
    assert v.matrix.kind == "claims" and [c.id for c in v.matrix.cols] == list(v.refs)
    assert v.matrix.rows[0].n == 3 and set(v.matrix.rows[0].cells) <= set(v.refs)
    assert v.contested <= {c.id for c in report.claims} and v.contested
    assert all(not a.id.startswith("anon:") for a in v.actors) and len(v.actors) <= 24
    assert v.profile_fields[0][0] == "Description"  # field names humanized


def test_story_view_falls_back_to_actors_without_claims(report):
    from dataclasses import replace

    from storyline.render.view import story_view

    v = story_view(replace(report, claims=[], conflicts=[]))
    assert v.matrix.kind == "actors" and v.matrix.rows
    assert v.matrix.rows[0].n == len(v.matrix.rows[0].cells)
    assert not v.contested and not v.exclusive


def test_view_model_is_read_only(report):
    import dataclasses

    from storyline.render.view import story_view

    v = story_view(report)
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.articles = []  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.timeline[0].cites[0].n = 9  # type: ignore[misc]


# -- output formats ---------------------------------------------------------------------------


def test_formats_are_registered_once_and_render_dispatches(report):
    from storyline.render.formats import FORMATS, get_format, render

    assert list(FORMATS) == ["json", "md", "html"]
    assert render(report, "json") == render_json(report)
    assert render(report, "md") == render_markdown(report)
    assert render(report, "html") == render_html(report)
    compact = render(report, "json", compact=True)
    assert json.loads(compact) == report.to_dict() and "\n" not in compact
    assert render(report, "md", compact=True) == render_markdown(report)  # no compact variant
    assert get_format("md").suffix == ".md" and get_format("html").media_type.startswith(
        "text/html"
    )
    with pytest.raises(KeyError, match="use json, md, html"):
        get_format("pdf")


def test_render_imports_only_models_text_and_render() -> None:
    """The layering: render/* reads the typed model, never a stage, the store or a shell."""
    import ast
    from pathlib import Path

    import storyline.render

    allowed = ("storyline.models", "storyline.text", "storyline.render")
    for path in Path(storyline.render.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                if name.startswith("storyline"):
                    assert name.startswith(allowed), f"{path.name} imports {name}"


def test_render_markdown_puts_key_events_first() -> None:
    rep = lighthouse_report(key=True)
    md = render_markdown(rep)
    section = md.split("## Timeline", 1)[1].split("## Quotes", 1)[0]
    key_line = next(ln for ln in section.splitlines() if "went dark" in ln)
    # the key event opens the section, the full chronology follows in date order
    assert section.index("### Key events") < section.index(key_line)
    assert section.index(key_line) < section.index("### Full chronology")
    chronology = section.split("### Full chronology", 1)[1]
    assert chronology.index("**1911**") < chronology.index("went dark")
    assert section.count(key_line) == 2  # the same line, rendered the same way both times
    assert "&lt;cable&gt; &amp; radio" in key_line and "<cable>" not in md
    assert "_(key event, date inferred: the article's date)_" in key_line
    assert "[A1:" in key_line
    # the JSON keeps its date order
    assert [e["date"] for e in json.loads(render_json(rep))["timeline"]] == ["1911", "2031-05-06"]


def test_render_markdown_without_key_events_has_no_key_block() -> None:
    md = render_markdown(lighthouse_report(key=False))
    assert "### Key events" not in md and "### Full chronology" not in md
    section = md.split("## Timeline", 1)[1].split("## Quotes", 1)[0]
    assert section.index("**1911**") < section.index("went dark")


def test_render_html_puts_key_events_first() -> None:
    page = render_html(lighthouse_report(key=True))
    section = page[page.index('<section id="timeline">') :]
    section = section[: section.index("</section>")]
    key_block = section[section.index("Key events") : section.index("Full chronology")]
    assert "went dark" in key_block and "1911" not in key_block
    assert "&lt;cable&gt; &amp; radio" in key_block and "<cable>" not in page
    assert 'class="cite"' in key_block and "date inferred" in key_block
    # numbered as on the chart, but only the chronology's entries are the chart's anchors
    assert '<span class="n">2</span>' in key_block and 'id="ev-' not in key_block
    chronology = section[section.index("Full chronology") :]
    assert 'id="ev-1"' in chronology and 'id="ev-2"' in chronology
    assert chronology.index("1911") < chronology.index("went dark")
    parser = _Links()
    parser.feed(page)
    assert {h for h in parser.cite_hrefs if h[1:] not in parser.ids} == set()


def test_render_html_without_key_events_has_no_key_block() -> None:
    page = render_html(lighthouse_report(key=False))
    assert "Key events" not in page and "Full chronology" not in page
    assert 'id="ev-1"' in page and 'id="ev-2"' in page

"""Shared helpers of the renderers: cite labels, excerpts, grouping and the timeline chart."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from storyline.models import Article, ArticleId, Cite, Claim, Event, StoryReport
from storyline.stages.analysis.align import article_label
from storyline.text import normalize_text


def cite_key(c: Cite) -> str:
    """The HTML anchor of a cite: unique per (article, start, end)."""
    return f"c-{c.article}-{c.start}-{c.end}"


@dataclass(slots=True)
class CiteRef:
    key: str
    label: str  # "A2" = second article of the report
    excerpt: str


class Cites:
    """Numbers articles A1..An and turns cites into short labels and excerpts."""

    def __init__(self, report: StoryReport) -> None:
        self.report = report
        self.number = {a.id: i + 1 for i, a in enumerate(report.articles)}
        self.text = {a.id: a.text for a in report.articles}

    def ref(self, c: Cite) -> CiteRef:
        return CiteRef(cite_key(c), f"A{self.number.get(c.article, '?')}", self.excerpt(c))

    def refs(self, cites: list[Cite]) -> list[CiteRef]:
        return [self.ref(c) for c in cites]

    def chips(self, cites: list[Cite]) -> list[CiteRef]:
        """One link per article (to its first cite); the tooltip shows each cited excerpt."""
        first: dict[str, list[Cite]] = {}
        for c in cites:
            first.setdefault(c.article, []).append(c)
        out: list[CiteRef] = []
        for group in first.values():
            ref = self.ref(group[0])
            if len(group) > 1:
                ref.label += f"×{len(group)}"
                ref.excerpt = "\n".join(f"“{self.excerpt(c, 140)}”" for c in group[:6])
            out.append(ref)
        return sorted(
            out, key=lambda r: int(r.label[1:].split("×")[0]) if r.label[1:2].isdigit() else 0
        )

    def excerpt(self, c: Cite, limit: int = 220) -> str:
        """The cited words, shortened in the middle when long."""
        text = " ".join(self.text.get(c.article, "")[c.start : c.end].split())
        if len(text) <= limit:
            return text
        half = limit // 2 - 2
        return f"{text[:half]} … {text[-half:]}"

    def label(self, article: Article) -> str:
        return article_label(article)


def used_cites(report: StoryReport) -> dict[ArticleId, list[Cite]]:
    """Every cite the report's sections use (not entity mentions), per article."""
    out: dict[ArticleId, set[Cite]] = defaultdict(set)

    def add(cs: list[Cite]) -> None:
        for c in cs:
            out[c.article].add(c)

    add([q.cite for q in report.quotes])
    add([q.cite for q in report.quantities])
    for e in report.timeline:
        add(e.cites)
    for st in report.stances:
        add(st.cites)
    for cl in report.claims:
        add(cl.cites)
    for cf in report.conflicts:
        for side in cf.sides:
            add(side.cites)
    for vals in report.profile.fields.values():
        for v in vals:
            add(v.cites)
    for b in report.brief:
        add(b.cites)
    return {a: sorted(cs, key=lambda c: (c.start, -c.end)) for a, cs in out.items()}


@dataclass(slots=True)
class QuoteGroup:
    """One quote as said, with every article that carries it (a copy repeats quotes)."""

    text: str
    kind: str
    cites: list[Cite]


def quotes_by_speaker(report: StoryReport) -> list[tuple[str, list[QuoteGroup]]]:
    """Quotes grouped by speaker (entity when known), biggest group first, unknown last;
    the same words quoted by several articles are one entry citing each."""
    names = {e.id: e.name for e in report.entities}
    groups: dict[str, dict[str, QuoteGroup]] = defaultdict(dict)
    for q in report.quotes:
        who = names.get(q.speaker_entity or "") or q.speaker or "Unattributed"
        if (
            q.speaker_role
            and not q.speaker_entity
            and who != "Unattributed"
            and q.speaker_role not in who
        ):
            who = f"{who} ({q.speaker_role})"
        key = normalize_text(q.text).strip(" ,.")
        group = groups[who].setdefault(key, QuoteGroup(q.text, q.kind, []))
        group.cites.append(q.cite)
    items = [(who, list(g.values())) for who, g in groups.items()]
    return sorted(items, key=lambda kv: (kv[0] == "Unattributed", -len(kv[1]), kv[0]))


def number_claims(report: StoryReport) -> list[Claim]:
    """Claims made of numbers: every cite of the claim is a quantity's cite."""
    qcites = {q.cite for q in report.quantities}
    return [c for c in report.claims if c.cites and all(x in qcites for x in c.cites)]


# ---------------------------------------------------------------------------------------
# timeline chart (inline SVG)
# ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class ChartMark:
    n: int  # event number (1-based, as listed under the chart)
    x: float
    x2: float  # end of the bar for month/year precision (== x for a day)
    y: float
    date: str
    title: str


@dataclass(slots=True)
class ChartTick:
    x: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    axis_y: float
    marks: list[ChartMark]
    ticks: list[ChartTick]


def _bounds(value: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        end = date(y + (mo == 12), mo % 12 + 1, 1)
        return date(y, mo, 1), date.fromordinal(end.toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)


def timeline_chart(events: list[Event], width: int = 960) -> Chart | None:
    """Lay out dated events on a horizontal time axis; ``None`` when nothing is dated."""
    dated = [
        (i + 1, e, _bounds(e.date)) for i, e in enumerate(events) if e.date and _bounds(e.date)
    ]
    if not dated:
        return None
    lo = min(b[0] for _, _, b in dated if b).toordinal()
    hi = max(b[1] for _, _, b in dated if b).toordinal()
    pad = max(2, (hi - lo) // 20)
    lo, hi = lo - pad, hi + pad
    left, right = 30.0, width - 30.0

    def x_of(day: int) -> float:
        return left + (right - left) * (day - lo) / max(1, hi - lo)

    marks: list[ChartMark] = []
    lanes: list[float] = []  # right edge of the last mark in each lane
    for n, e, b in dated:
        assert b is not None
        x, x2 = x_of(b[0].toordinal()), x_of(b[1].toordinal())
        lane = next((i for i, r in enumerate(lanes) if r + 22 < x), len(lanes))
        if lane == len(lanes):
            lanes.append(max(x, x2))
        else:
            lanes[lane] = max(x, x2)
        marks.append(ChartMark(n, x, x2, 62 + lane * 24, e.date or "", e.summary))
    ticks: list[ChartTick] = []
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    y, m = first.year, first.month
    span_months = (last.year - y) * 12 + last.month - m
    step = 1 if span_months <= 14 else 3 if span_months <= 48 else 12
    m = (m - 1) // step * step + 1  # ticks on quarter or year boundaries
    while (y, m) <= (last.year, last.month):
        d = date(y, m, 1)
        if d.toordinal() >= lo:
            label = d.strftime("%Y") if step == 12 else d.strftime("%b %Y")
            ticks.append(ChartTick(x_of(d.toordinal()), label))
        m += step
        while m > 12:
            m -= 12
            y += 1
    height = int(62 + len(lanes) * 24 + 10)
    return Chart(width=width, height=height, axis_y=34.0, marks=marks, ticks=ticks)

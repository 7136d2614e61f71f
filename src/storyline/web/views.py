"""View models: turn a report (``StoryReport.to_dict()``) and article facts into what the
templates draw: numbered cites with excerpts, a timeline chart, quotes by speaker, numbers
with their variants, a coverage matrix, and highlighted article text.

Everything here returns plain data; the templates escape every string (autoescape), so
no function in this module builds markup from article text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from storyline.text import paragraph_spans

Json = dict[str, Any]

# -- articles and cites -----------------------------------------------------------------------


@dataclass(slots=True)
class ArticleRef:
    """An article of a story, numbered by publication date for compact cite labels."""

    id: str
    n: int
    title: str
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    source: str

    @property
    def label(self) -> str:
        return self.outlet or f"Article {self.n}"

    @property
    def tip(self) -> str:
        bits = [self.outlet or "unknown outlet", (self.published or "undated")[:10], self.title]
        return " · ".join(b for b in bits if b)


def number_articles(articles: Sequence[Json]) -> dict[str, ArticleRef]:
    """Number a report's articles 1..n by publication date (undated last, then report order)."""
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].get("published") is None, articles[i].get("published") or "", i),
    )
    out: dict[str, ArticleRef] = {}
    for n, i in enumerate(order, start=1):
        a = articles[i]
        out[a["id"]] = ArticleRef(
            id=a["id"], n=n, title=a.get("title") or "", outlet=a.get("outlet"),
            published=a.get("published"), duplicate_of=a.get("duplicate_of"),
            source=a.get("source") or "",
        )  # fmt: skip
    return out


@dataclass(slots=True)
class CiteView:
    """One cite as drawn: a numbered link that opens the article at the span."""

    article: str
    start: int
    end: int
    n: int
    label: str
    tip: str
    before: str = ""
    hit: str = ""
    after: str = ""
    text: str = ""  # the link text: "3", or "3b" for a second passage of article 3

    @property
    def href(self) -> str:
        return f"/articles/{self.article}?start={self.start}&end={self.end}#hl"


def excerpt(text: str, start: int, end: int, context: int = 90) -> tuple[str, str, str]:
    """The cited characters with some words of context either side."""
    start, end = max(0, start), min(len(text), end)
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    if start - context > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + context < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return before.replace("\n", " "), text[start:end], after.replace("\n", " ")


class Citer:
    """Makes ``CiteView``s for one report (knows article numbers and texts)."""

    def __init__(self, articles: Sequence[Json]) -> None:
        self.refs = number_articles(articles)
        self.texts = {a["id"]: a.get("text") or "" for a in articles}

    def __call__(
        self, cites: Iterable[Mapping[str, Any]], *, excerpts: bool = False
    ) -> list[CiteView]:
        out: list[CiteView] = []
        seen: set[tuple[str, int, int]] = set()
        for c in cites:
            key = (c["article"], int(c["start"]), int(c["end"]))
            ref = self.refs.get(key[0])
            if ref is None or key in seen:
                continue
            seen.add(key)
            v = CiteView(key[0], key[1], key[2], ref.n, ref.label, ref.tip)
            if excerpts:
                v.before, v.hit, v.after = excerpt(self.texts.get(key[0], ""), key[1], key[2])
            out.append(v)
        out.sort(key=lambda v: (v.n, v.start))
        for i, v in enumerate(out):
            k = sum(1 for w in out[:i] if w.n == v.n)
            v.text = f"{v.n}{'bcdefghijklmnopqrstuvwxyz'[k - 1] if 0 < k < 26 else ''}"
        return out

    def articles(self, cites: Iterable[Mapping[str, Any]]) -> set[str]:
        return {c["article"] for c in cites if c["article"] in self.refs}


# -- timeline ---------------------------------------------------------------------------------

_MONTHS = [calendar.month_abbr[i] for i in range(13)]


def date_range(value: str | None) -> tuple[date, date] | None:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` (or a longer ISO timestamp) as a day range."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def pretty_date(value: str | None) -> str:
    """``2025-11-03`` -> ``3 Nov 2025``; ``2025-11`` -> ``Nov 2025``; else unchanged."""
    if not value:
        return ""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", value[:10])
    if not m:
        return value
    try:
        if m.group(3):
            return f"{int(m.group(3))} {_MONTHS[int(m.group(2))]} {m.group(1)}"
        if m.group(2):
            return f"{_MONTHS[int(m.group(2))]} {m.group(1)}"
    except IndexError:
        return value
    return m.group(1)


@dataclass(slots=True)
class Mark:
    """A marker on the timeline chart: one or more events (or articles) on one date."""

    label: str
    x: float
    x2: float
    tip: str
    anchor: str
    w: float = 22.0
    y: float = 0.0
    lane: int = 0


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    axis_y: int
    left: int
    right: int
    ticks: list[tuple[float, str]] = field(default_factory=list)
    events: list[Mark] = field(default_factory=list)
    articles: list[Mark] = field(default_factory=list)
    before: int = 0  # dated events left of the window (listed, not drawn)
    after: int = 0


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    days = (hi - lo).days
    out: list[tuple[date, str]] = []
    if days <= 16:
        step = 1 if days <= 8 else 2
        d = lo
        while d <= hi:
            out.append((d, f"{d.day} {_MONTHS[d.month]}"))
            d += timedelta(days=step)
        return out
    if days <= 70:
        d = lo + timedelta(days=(7 - lo.weekday()) % 7)  # Mondays
        while d <= hi:
            out.append((d, f"{d.day} {_MONTHS[d.month]}"))
            d += timedelta(days=7 if days <= 45 else 14)
        return out
    months = days / 30.4
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120, 240) if months / s <= 8), 600)
    y, m = lo.year, lo.month
    if lo.day != 1:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    first = True
    while date(y, m, 1) <= hi:
        d = date(y, m, 1)
        if (m - 1) % step == 0:
            label = (
                str(y) if step >= 12 else (f"{_MONTHS[m]} {y}" if first or m == 1 else _MONTHS[m])
            )
            out.append((d, label))
            first = False
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _label(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return str(numbers[0])
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return f"{numbers[0]} +{len(numbers) - 1}"


def _stack(marks: list[Mark], gap: float = 6) -> int:
    """Assign lanes so that markers in one lane do not overlap; returns the lane count."""
    ends: list[float] = []
    for m in sorted(marks, key=lambda m: m.x):
        left = m.x - m.w / 2
        for k, end in enumerate(ends):
            if left >= end + gap:
                m.lane, ends[k] = k, max(m.x + m.w / 2, m.x2)
                break
        else:
            m.lane = len(ends)
            ends.append(max(m.x + m.w / 2, m.x2))
    return len(ends)


def timeline_chart(
    timeline: Sequence[Json], refs: Mapping[str, ArticleRef], width: int = 1000
) -> Chart | None:
    """Lay out dated events (numbered like the list under the chart) and publication dates.

    The window is the coverage period with some margin: background dates (a treaty of
    decades ago, "last year") would squash the story's own days into a dot, so events
    outside it are counted at the chart's edges and left to the list. Year-only dates are
    never drawn (a bar across the whole chart says nothing). Events on the same day share
    one marker. Returns None when nothing can be drawn.
    """
    dated: list[tuple[int, date, date]] = []
    for i, e in enumerate(timeline):
        r = date_range(e.get("date"))
        if r:
            dated.append((i, *r))
    ev = [t for t in dated if (t[2] - t[1]).days < 40]  # day or month precision
    pubs = [
        (ref, r[0]) for ref in refs.values() if (r := date_range(ref.published)) and r[0] == r[1]
    ]
    if pubs:
        p_lo, p_hi = min(d for _, d in pubs), max(d for _, d in pubs)
        pad = timedelta(days=max(21, (p_hi - p_lo).days // 2))
        lo, hi = p_lo - pad, p_hi + pad
    elif ev:
        lo, hi = min(a for _, a, _ in ev), max(b for _, _, b in ev)
        pad = timedelta(days=max(2, (hi - lo).days // 25))
        lo, hi = lo - pad, hi + pad
    else:
        return None
    before = sum(1 for _, _, b in dated if b < lo)
    after = sum(1 for _, a, _ in dated if a > hi)
    ev = [(i, max(a, lo), min(b, hi)) for i, a, b in ev if b >= lo and a <= hi]
    if not ev and not pubs:
        return None
    left, right = 34, width - 34
    total = max(1, (hi - lo).days + 1)

    def x(d: date, end: bool = False) -> float:
        return left + ((d - lo).days + (1 if end else 0)) / total * (right - left)

    groups: dict[tuple[date, date], list[int]] = {}
    for i, a, b in ev:
        groups.setdefault((a, b), []).append(i + 1)
    events = []
    for (a, b), nums in sorted(groups.items()):
        label = _label(nums)
        tips = [f"{n}. {pretty_date(timeline[n - 1].get('date'))}: {timeline[n - 1].get('summary') or ''}"
                for n in nums[:6]]  # fmt: skip
        if len(nums) > 6:
            tips.append(f"… and {len(nums) - 6} more")
        x1 = x(a) if a != b else (x(a) + x(a, end=True)) / 2
        events.append(Mark(label=label, x=x1, x2=x(b, end=True) if a != b else x1,
                           tip="\n".join(tips), anchor=f"ev-{nums[0]}", w=max(22.0, 9 + 7.2 * len(label))))  # fmt: skip
    by_day: dict[date, list[ArticleRef]] = {}
    for ref, d in pubs:
        by_day.setdefault(d, []).append(ref)
    art_marks = []
    for d, rs in sorted(by_day.items()):
        rs.sort(key=lambda r: r.n)
        label = _label([r.n for r in rs])
        art_marks.append(Mark(label=label, x=(x(d) + x(d, end=True)) / 2, x2=0, anchor=f"art-{rs[0].n}",
                              tip="\n".join(f"{r.n}. {pretty_date(r.published)}: {r.label}: {r.title}" for r in rs),
                              w=max(22.0, 9 + 7.2 * len(label))))  # fmt: skip
    n_ev = _stack(events) if events else 0
    n_art = _stack(art_marks) if art_marks else 0
    lane_h, top = 28, 18
    axis_y = top + max(n_ev, 1) * lane_h + 8
    for m in events:
        m.y = axis_y - 22 - m.lane * lane_h
    for m in art_marks:
        m.y = axis_y + 44 + m.lane * 26
    height = axis_y + 44 + max(n_art, 1) * 26 + 2
    chart = Chart(width=width, height=height, axis_y=axis_y, left=left, right=right,
                  before=before, after=after)  # fmt: skip
    chart.ticks = [(x(d), label) for d, label in _ticks(lo, hi)]
    chart.events = events
    chart.articles = art_marks
    return chart


# -- quotes, numbers, coverage ----------------------------------------------------------------


def quotes_by_speaker(quotes: Sequence[Json], entities: Sequence[Json]) -> list[Json]:
    """Group quotes by speaker (canonical entity when known), most quoted first."""
    names = {e["id"]: e["name"] for e in entities}
    groups: dict[str, Json] = {}
    for q in quotes:
        eid = q.get("speaker_entity")
        speaker = (names.get(eid) if eid else None) or q.get("speaker") or "Unattributed"
        key = eid or speaker.casefold()
        g = groups.setdefault(key, {"speaker": speaker, "entity": eid, "roles": {}, "quotes": []})
        if q.get("speaker_role"):
            g["roles"][q["speaker_role"]] = g["roles"].get(q["speaker_role"], 0) + 1
        g["quotes"].append(q)
    out = []
    for g in groups.values():
        roles = g.pop("roles")
        g["role"] = max(roles, key=lambda r: roles[r]) if roles else None
        g["quotes"].sort(key=lambda q: {"direct": 0, "partial": 1}.get(q.get("kind", ""), 2))
        out.append(g)
    out.sort(key=lambda g: (g["speaker"] == "Unattributed", -len(g["quotes"]), g["speaker"]))
    return out


def _num(v: Any) -> str:
    if v is None:
        return ""
    f = float(v)
    return f"{int(f):,}" if f == int(f) else f"{f:,.2f}".rstrip("0").rstrip(".")


def number_groups(quantities: Sequence[Json], citer: Citer) -> list[Json]:
    """Quantities grouped by subject and measure, each distinct wording as one variant.

    A group whose variants disagree on value or hedge is flagged ``differs``.
    """
    groups: dict[tuple[str, str], Json] = {}
    for q in quantities:
        key = ((q.get("subject") or "").casefold(), (q.get("measure") or "").casefold())
        g = groups.setdefault(
            key, {"subject": q.get("subject"), "measure": q.get("measure"), "variants": {}}
        )
        vkey = " ".join((q.get("text") or "").casefold().split())
        v = g["variants"].setdefault(vkey, {
            "text": q.get("text") or "", "hedge": q.get("hedge") or "exact",
            "value": _num(q.get("value")), "low": _num(q.get("low")), "high": _num(q.get("high")),
            "sig": (q.get("value"), q.get("low"), q.get("high"), q.get("hedge")), "cites": [],
        })  # fmt: skip
        v["cites"].append(q["cite"])
    out = []
    for g in groups.values():
        variants = list(g["variants"].values())
        known = bool(g["subject"])
        cites = [c for v in variants for c in v["cites"]]
        for v in variants:
            v["cites"] = citer(v["cites"])
        out.append({
            "subject": g["subject"], "measure": g["measure"], "variants": variants,
            "n_articles": len(citer.articles(cites)),
            # Without a subject, two figures in one measure may be about different things.
            "differs": known and len({v["sig"] for v in variants}) > 1,
        })  # fmt: skip
    out.sort(
        key=lambda g: (not g["subject"], -g["n_articles"], -len(g["variants"]), g["subject"] or "")
    )
    return out


def coverage_matrix(report: Json, refs: Mapping[str, ArticleRef], limit: int = 40) -> Json:
    """Which article carries which claim (or, with no claims, names which actor)."""
    cols = sorted(refs.values(), key=lambda r: r.n)
    rows: list[Json] = []
    claims = sorted(
        report.get("claims") or [], key=lambda c: -int(c.get("independent_sources") or 0)
    )
    for c in claims[:limit]:
        by_art: dict[str, Json] = {}
        for cite in c.get("cites") or []:
            by_art.setdefault(cite["article"], cite)
        label = " · ".join(str(x) for x in (c.get("subject"), c.get("slot")) if x)
        rows.append({"label": label, "value": c.get("value") or "", "cells": by_art,
                     "n": int(c.get("independent_sources") or 0)})  # fmt: skip
    kind = "claims"
    if not rows:
        kind = "actors"
        ents = sorted(
            report.get("entities") or [],
            key=lambda e: -len({m["article"] for m in e.get("mentions") or []}),
        )
        for e in ents[:limit]:
            if str(e.get("id", "")).startswith("anon:"):
                continue
            by_art = {}
            for m in e.get("mentions") or []:
                by_art.setdefault(m["article"], m)
            rows.append({"label": e["name"], "value": e.get("type") or "", "cells": by_art,
                         "n": len(by_art)})  # fmt: skip
    return {"kind": kind, "cols": cols, "rows": rows}


def humanize(name: str) -> str:
    """``legal_basis`` -> ``Legal basis``."""
    s = name.replace("_", " ").strip()
    return s[:1].upper() + s[1:]


# -- highlighted article text -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layer:
    """A span to highlight: CSS classes and a tooltip."""

    start: int
    end: int
    cls: str
    title: str = ""


@dataclass(slots=True)
class Segment:
    text: str
    cls: str = ""
    title: str = ""
    anchor: str = ""


def highlight(text: str, layers: Sequence[Layer], *, anchor_cls: str = "hl") -> list[list[Segment]]:
    """Split ``text`` into paragraphs of segments, each carrying the classes of the spans over it.

    Overlapping spans (an entity inside a quote, the cited span across both) simply add
    their classes to the same segment, so no markup has to nest. The first segment with
    ``anchor_cls`` gets ``anchor="hl"`` for scrolling into view.
    """
    valid = [ly for ly in layers if 0 <= ly.start < ly.end <= len(text)]
    cuts = sorted({p for ly in valid for p in (ly.start, ly.end)})
    paras: list[list[Segment]] = []
    anchored = False
    for ps, pe in paragraph_spans(text):
        points = [ps, *(c for c in cuts if ps < c < pe), pe]
        segs: list[Segment] = []
        for a, b in pairwise(points):
            on = [ly for ly in valid if ly.start <= a and ly.end >= b]
            cls = " ".join(dict.fromkeys(c for ly in on for c in ly.cls.split()))
            title = " · ".join(dict.fromkeys(ly.title for ly in on if ly.title))
            seg = Segment(text[a:b], cls, title)
            if not anchored and anchor_cls in cls.split():
                seg.anchor, anchored = "hl", True
            segs.append(seg)
        paras.append(segs)
    return paras


def fact_layers(facts: Any, entity_names: Mapping[str, str] | None = None) -> list[Layer]:
    """Entity mentions and quotes of one article's ``ArticleFacts`` as highlight layers."""
    layers: list[Layer] = []
    for e in facts.entities:
        kind = re.sub(r"[^a-z]", "", e.type.lower()) or "other"
        for c in e.mentions:
            layers.append(Layer(c.start, c.end, f"ent ent-{kind}", f"{e.name} ({e.type})"))
    for q in facts.quotes:
        who = q.speaker or "unattributed"
        if q.speaker_role:
            who += f", {q.speaker_role}"
        layers.append(
            Layer(q.cite.start, q.cite.end, f"quote quote-{q.kind}", f"{q.kind} quote: {who}")
        )
    return layers


__all__ = [
    "ArticleRef",
    "Chart",
    "CiteView",
    "Citer",
    "Layer",
    "Segment",
    "coverage_matrix",
    "date_range",
    "excerpt",
    "fact_layers",
    "highlight",
    "humanize",
    "number_articles",
    "number_groups",
    "pretty_date",
    "quotes_by_speaker",
    "timeline_chart",
]

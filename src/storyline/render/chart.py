"""Timeline charts as plain layout data (coordinates and labels), drawn as inline SVG by
the templates: ``timeline_chart`` for the standalone report, ``page_chart`` for the web
story page (which also places the articles by publication date)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from storyline.models import Event
from storyline.render.labels import MONTHS, date_range, pretty_date


class Published(Protocol):
    """What the page chart reads of an article (``view.ArticleRef`` is one)."""

    @property
    def n(self) -> int: ...
    @property
    def published(self) -> str | None: ...
    @property
    def label(self) -> str: ...
    @property
    def title(self) -> str: ...


# -- the standalone report's chart ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChartMark:
    n: int  # event number (1-based, as listed under the chart)
    x: float
    x2: float  # end of the bar for month/year precision (== x for a day)
    y: float
    date: str
    title: str


@dataclass(frozen=True, slots=True)
class ChartTick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    axis_y: float
    marks: list[ChartMark]
    ticks: list[ChartTick]


def timeline_chart(events: Sequence[Event], width: int = 960) -> Chart | None:
    """Lay out dated events on a horizontal time axis; ``None`` when nothing is dated."""
    dated = [(i + 1, e, b) for i, e in enumerate(events) if (b := date_range(e.date))]
    if not dated:
        return None
    lo = min(b[0] for _, _, b in dated).toordinal()
    hi = max(b[1] for _, _, b in dated).toordinal()
    pad = max(2, (hi - lo) // 20)
    lo, hi = lo - pad, hi + pad
    left, right = 30.0, width - 30.0

    def x_of(day: int) -> float:
        return left + (right - left) * (day - lo) / max(1, hi - lo)

    marks: list[ChartMark] = []
    lanes: list[float] = []  # right edge of the last mark in each lane
    for n, e, b in dated:
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


# -- the web story page's chart ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A marker on the page chart: one or more events (or articles) on one date."""

    label: str
    x: float
    x2: float
    tip: str
    anchor: str
    w: float = 22.0
    y: float = 0.0
    lane: int = 0


@dataclass(frozen=True, slots=True)
class PageChart:
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
            out.append((d, f"{d.day} {MONTHS[d.month]}"))
            d += timedelta(days=step)
        return out
    if days <= 70:
        d = lo + timedelta(days=(7 - lo.weekday()) % 7)  # Mondays
        while d <= hi:
            out.append((d, f"{d.day} {MONTHS[d.month]}"))
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
            label = str(y) if step >= 12 else (f"{MONTHS[m]} {y}" if first or m == 1 else MONTHS[m])
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


def _stack(marks: list[Mark], gap: float = 6) -> tuple[list[int], int]:
    """Lanes (in ``marks`` order) so that markers in one lane do not overlap, and their count."""
    ends: list[float] = []
    lanes = [0] * len(marks)
    for i in sorted(range(len(marks)), key=lambda i: marks[i].x):
        m = marks[i]
        left = m.x - m.w / 2
        for k, end in enumerate(ends):
            if left >= end + gap:
                lanes[i], ends[k] = k, max(m.x + m.w / 2, m.x2)
                break
        else:
            lanes[i] = len(ends)
            ends.append(max(m.x + m.w / 2, m.x2))
    return lanes, len(ends)


def page_chart(
    timeline: Sequence[Event], refs: Mapping[str, Published], width: int = 1000
) -> PageChart | None:
    """Lay out dated events (numbered like the list under the chart) and publication dates.

    The window is the coverage period with some margin: background dates (a treaty of
    decades ago, "last year") would squash the story's own days into a dot, so events
    outside it are counted at the chart's edges and left to the list. Year-only dates are
    never drawn (a bar across the whole chart says nothing). Events on the same day share
    one marker. Returns None when nothing can be drawn.
    """
    dated: list[tuple[int, date, date]] = []
    for i, e in enumerate(timeline):
        r = date_range(e.date)
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
        tips = [f"{n}. {pretty_date(timeline[n - 1].date)}: {timeline[n - 1].summary or ''}"
                for n in nums[:6]]  # fmt: skip
        if len(nums) > 6:
            tips.append(f"… and {len(nums) - 6} more")
        x1 = x(a) if a != b else (x(a) + x(a, end=True)) / 2
        events.append(Mark(label=label, x=x1, x2=x(b, end=True) if a != b else x1,
                           tip="\n".join(tips), anchor=f"ev-{nums[0]}", w=max(22.0, 9 + 7.2 * len(label))))  # fmt: skip
    by_day: dict[date, list[Published]] = {}
    for ref, d in pubs:
        by_day.setdefault(d, []).append(ref)
    art_marks = []
    for d, rs in sorted(by_day.items()):
        rs.sort(key=lambda r: r.n)
        label = _label([r.n for r in rs])
        art_marks.append(Mark(label=label, x=(x(d) + x(d, end=True)) / 2, x2=0, anchor=f"art-{rs[0].n}",
                              tip="\n".join(f"{r.n}. {pretty_date(r.published)}: {r.label}: {r.title}" for r in rs),
                              w=max(22.0, 9 + 7.2 * len(label))))  # fmt: skip
    ev_lanes, n_ev = _stack(events) if events else ([], 0)
    art_lanes, n_art = _stack(art_marks) if art_marks else ([], 0)
    lane_h, top = 28, 18
    axis_y = top + max(n_ev, 1) * lane_h + 8
    events = [
        Mark(m.label, m.x, m.x2, m.tip, m.anchor, m.w, axis_y - 22 - k * lane_h, k)
        for m, k in zip(events, ev_lanes, strict=True)
    ]
    art_marks = [
        Mark(m.label, m.x, m.x2, m.tip, m.anchor, m.w, axis_y + 44 + k * 26, k)
        for m, k in zip(art_marks, art_lanes, strict=True)
    ]
    height = axis_y + 44 + max(n_art, 1) * 26 + 2
    return PageChart(width=width, height=height, axis_y=axis_y, left=left, right=right,
                     ticks=[(x(d), label) for d, label in _ticks(lo, hi)],
                     events=events, articles=art_marks, before=before, after=after)  # fmt: skip


__all__ = ["Chart", "ChartMark", "ChartTick", "Mark", "PageChart", "page_chart", "timeline_chart"]

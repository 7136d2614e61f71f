"""Coverage: which outlet reports which claim of a report, and what only one outlet reports.

A pure function of the typed ``StoryReport`` (moved here from ``stages/analysis/align``:
only the renderers draw it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from storyline.models import ArticleId, Cite, Claim, StoryReport, source_roots
from storyline.render.labels import article_label


@dataclass(slots=True)
class CoverageColumn:
    """One outlet (or one article when the outlet is unknown)."""

    key: str
    label: str
    article_ids: list[ArticleId]
    copies: bool = False  # every article in the column copies another


@dataclass(slots=True)
class CoverageRow:
    claim: Claim
    cells: list[list[Cite]]  # per column, the cites of the claim in that column's articles

    @property
    def n_columns(self) -> int:
        return sum(1 for c in self.cells if c)


@dataclass(slots=True)
class Coverage:
    """Which outlet reports which claim, and what only one outlet reports."""

    columns: list[CoverageColumn]
    rows: list[CoverageRow]
    exclusive: dict[str, list[Claim]]  # column key -> claims only that outlet reports


def coverage(report: StoryReport) -> Coverage:
    """The outlet x claim matrix of a report.

    Columns are outlets (articles grouped by ``outlet``; an article without an outlet is
    its own column). A claim is *exclusive* to a column when, with each copy counted as
    its original's outlet, no other column reports it: a copy repeating a claim does not
    make it a second outlet's reporting.

    Args:
        report: a built story report.

    Returns:
        ``Coverage`` with one row per claim, in the report's claim order.
    """
    cols: dict[str, CoverageColumn] = {}
    col_of: dict[ArticleId, str] = {}
    for a in report.articles:
        key = f"outlet:{a.outlet}" if a.outlet else f"article:{a.id}"
        col = cols.setdefault(key, CoverageColumn(key, article_label(a), []))
        col.article_ids.append(a.id)
        col_of[a.id] = key
    dup = {a.id for a in report.articles if a.duplicate_of}
    roots = source_roots(report.articles)
    for col in cols.values():
        col.copies = all(a in dup for a in col.article_ids)
    columns = list(cols.values())
    index = {c.key: i for i, c in enumerate(columns)}
    rows: list[CoverageRow] = []
    exclusive: dict[str, list[Claim]] = defaultdict(list)
    for claim in report.claims:
        cells: list[list[Cite]] = [[] for _ in columns]
        for c in claim.cites:
            if c.article in col_of:
                cells[index[col_of[c.article]]].append(c)
        rows.append(CoverageRow(claim, cells))
        owners = {
            col_of.get(roots.get(c.article, c.article), col_of.get(c.article)) for c in claim.cites
        }
        owners.discard(None)
        if len(owners) == 1:
            exclusive[owners.pop()].append(claim)  # type: ignore[index]
    return Coverage(columns=columns, rows=rows, exclusive=dict(exclusive))


__all__ = ["Coverage", "CoverageColumn", "CoverageRow", "coverage"]

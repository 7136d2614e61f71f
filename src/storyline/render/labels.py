"""Small text helpers of every presentation: dates as ranges and as words, field names,
article labels and cited excerpts. Pure functions of the typed model; no markup."""

from __future__ import annotations

import calendar
import re
from datetime import date

from storyline.models import Article

MONTHS = [calendar.month_abbr[i] for i in range(13)]


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
            return f"{int(m.group(3))} {MONTHS[int(m.group(2))]} {m.group(1)}"
        if m.group(2):
            return f"{MONTHS[int(m.group(2))]} {m.group(1)}"
    except IndexError:
        return value
    return m.group(1)


def humanize(name: str) -> str:
    """``legal_basis`` -> ``Legal basis``."""
    s = name.replace("_", " ").strip()
    return s[:1].upper() + s[1:]


def article_label(article: Article) -> str:
    """A short name for an article: its outlet, else the file or page it came from."""
    if article.outlet:
        return article.outlet
    src = (article.url or article.source).rstrip("/")
    return src.rsplit("/", 1)[-1] or article.id


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


__all__ = ["MONTHS", "article_label", "date_range", "excerpt", "humanize", "pretty_date"]

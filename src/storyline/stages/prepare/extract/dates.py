"""Dates: every date expression in an article, with exact offsets, resolved where the text allows.

What is found (``DateMention.date_text`` is always ``article.text[cite.start:cite.end]``):

- absolute dates: "November 5, 2025", "5 November 2025", "2025-11-05", "Sept. 23",
  "Sept. 23-25" (a span of days resolves to its first day),
  "October 2025", "early October", "the end of 2027", "mid-2026", "in 2018";
- relative dates: weekdays ("Thursday", "on Tuesday", "last Friday"), "yesterday", "today",
  "this week", "last month", "next year", "two days ago", "earlier this month";
- anaphoric days ("earlier in the day", "the same day"), which take the date of the
  nearest earlier day-precision mention;
- vague spans ("in the coming days", "within weeks"), kept with ``date=None``.

How they are resolved (never guessed: whatever the rules cannot settle stays ``None``):

- The reference is ``article.published`` (its first ten characters). Without it, every
  relative or year-less date stays unresolved; :func:`infer_date_bounds` then gives the
  window of the absolute dates the article does carry.
- A year-less absolute date takes the published year, then moves one year back when a
  past-tense clause would otherwise put it after publication (or when, with no tense
  known, it would land more than half a year ahead), and one year forward when a
  future-tense clause would put it before publication.
- A bare weekday in a past-tense clause (the news default) is the most recent such day
  on or before the published date ("said Thursday" in an article of Thursday is that
  day); in a future-tense clause ("is expected to … on Friday", "will meet Monday") it is
  the first such day after it. "last Friday" is strictly before, "next Friday" strictly
  after.
- "this week"/"last week"/"next week" resolve to the month when the whole week (up to the
  published day for "this week") lies in one month, else ``None``; "N weeks ago" likewise
  gets month precision, "N days ago" day precision.
- Relative dates inside a direct quotation stay ``None``: they count from the moment the
  speaker spoke, which the text does not give.

The regular expressions are hand-written rather than left to ``dateparser.search``:
that searcher has no offsets, finds dates in ordinary words ("may", "second") and cannot
say whether a year was written, which decides how a date may be resolved.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyline.lang import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from storyline.models import Article, Cite, DateMention
from storyline.stages.prepare.extract.context import ArticleContext, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_dates", "find_date_spans", "infer_date_bounds", "quote_spans"]

# Month number by the first three letters of its name or abbreviation ("Sept." -> "sep").
_MONTH_NUM = {name[:3]: n for name, n in (*MONTHS.items(), *MONTH_ABBREVIATIONS.items())}
_WEEKDAYS = list(WEEKDAYS)
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Month names are matched case-sensitively so "may" and "march" as words never match.
_ABBREVS = [a.capitalize() for a in MONTH_ABBREVIATIONS]
_MONTH = (
    "(?:"
    + "|".join([m.capitalize() for m in MONTHS] + [rf"{a}\." for a in _ABBREVS] + _ABBREVS)
    + ")"
)
_WD = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MOD = r"(?:(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+|(?:[Ee]arly|[Ll]ate)\s+|[Mm]id-?\s?)"
_PREP = r"(?:in|In|since|Since|until|Until|till|by|By|from|From|through|during|During|before|Before|after|After|of|for)"
_N = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "Good Friday" and the like are holidays, not references to last Friday.
_NOT_WD = r"(?<!Good )(?<!Black )(?<!Ash )(?<!Super )(?<!Holy )(?<!Cyber )(?<!Easter )"

# (kind, pattern). A pattern's group "d" (when present) is the date text proper; a
# preposition matched only for context stays outside the cite.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "md",
        re.compile(
            rf"(?:{_WD},?\s+)?\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:[-–](?:3[01]|[12]\d|0?[1-9])\b)?"
            rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\d,]\d)\b"
        ),
    ),
    (
        "dm",
        re.compile(
            rf"(?:{_WD},?\s+)?\b(?P<day>{_DAY})\s+(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b(?!-)"
        ),
    ),
    (
        "iso",
        re.compile(rf"\b(?P<year>{_YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    ),
    ("my", re.compile(rf"(?P<mod>{_MOD})?\b(?P<mon>{_MONTH})\.?,?\s+(?P<year>{_YEAR})\b")),
    ("mod_month", re.compile(rf"(?P<mod>{_MOD})\b(?P<mon>{_MONTH})\b(?!\s+\d)")),
    (
        "rel_month",
        re.compile(rf"\b(?P<rel>last|next|this|Last|Next|This)\s+(?P<mon>{_MONTH})\b(?!\s+\d)"),
    ),
    ("prep_month", re.compile(rf"\b{_PREP}\s+(?P<d>(?P<mon>{_MONTH}))\b(?!\s+\d)")),
    ("mod_year", re.compile(rf"(?P<mod>{_MOD})\b(?P<year>{_YEAR})\b(?![,.]?\d)")),
    ("prep_year", re.compile(rf"\b{_PREP}\s+(?P<d>(?P<year>{_YEAR}))\b(?![,.]?\d|s\b|-\w)")),
    (
        "deictic",
        re.compile(
            r"\b(?P<d>(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)(?:\s+(?:morning|afternoon|evening|night))?|(?:[Tt]his|[Ll]ast)\s+(?:morning|afternoon|evening|night))\b"
        ),
    ),
    ("ago", re.compile(rf"\b(?P<n>{_N})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    (
        "rel_unit",
        re.compile(
            r"\b(?P<pre>(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?P<rel>this|last|next|This|Last|Next)\s+(?P<unit>week|weekend|month|year)\b"
        ),
    ),
    (
        "anaphoric",
        re.compile(
            r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+)?(?:the|that)\s+day|(?:[Tt]he|[Tt]hat)\s+same\s+day|[Tt]he\s+(?:previous|following)\s+day)\b"
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?P<d>(?:the\s+)?(?:coming|next\s+few|past\s+few|last\s+few|past|recent)\s+(?:days|weeks|months)|within\s+(?:hours|days|weeks|months))\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"{_NOT_WD}\b(?:(?P<rel>last|next|this|Last|Next|This)\s+)?(?P<wd>{_WD})\b(?!,?\s+{_MONTH})"
        ),
    ),
]

_QUOTE_OPEN = '“"«'
_QUOTE_CLOSE = '”"»'
# Markers of a future-tense clause (used without a parse, and as a backstop with one).
_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|(?:is|are|was|were)\s+(?:expected|scheduled|set|due|slated|going|to)"
    r"|plans?\s+to|planned\s+to|next)\b",
    re.I,
)
_FUTURE_HEADS = {"expect", "schedule", "set", "due", "slate", "plan", "intend", "go", "aim", "hope"}


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    start: int
    end: int
    m: re.Match[str]


def find_date_spans(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, kind)`` of every date expression in ``text``, non-overlapping.

    Used by :func:`extract_dates` and by the quantity extractor, which must not count the
    numbers inside dates.
    """
    return [(f.start, f.end, f.kind) for f in _find(text)]


@functools.lru_cache(maxsize=8)
def _find(text: str) -> tuple[_Found, ...]:
    # Cached: the date and the quantity stages both scan the same article text (15
    # patterns, about a tenth of the rule stages' time), one right after the other.
    cands: list[_Found] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span("d") if "d" in pat.groupindex and m.group("d") else m.span()
            if kind in ("md", "dm") and not _plausible_day_month(text, m):
                continue
            cands.append(_Found(kind, s, e, m))
    # Longest first, then earliest: a full date beats the weekday or month inside it.
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    # ``taken`` never overlaps itself, so its spans sorted by start are sorted by end too, and
    # a candidate need only be checked against its two neighbours (a scan of everything
    # taken was quadratic on a long text full of dates).
    taken: list[_Found] = []
    starts: list[int] = []
    ends: list[int] = []
    for f in cands:
        i = bisect.bisect_right(starts, f.start)
        if (i == 0 or ends[i - 1] <= f.start) and (i == len(starts) or starts[i] >= f.end):
            starts.insert(i, f.start)
            ends.insert(i, f.end)
            taken.append(f)
    return tuple(sorted(taken, key=lambda f: f.start))


def _plausible_day_month(text: str, m: re.Match[str]) -> bool:
    """Reject "Mar 3" style matches that are really words ("Jan" as a name) or scores."""
    mon = m.group("mon")
    if mon in ("Jun", "Jan", "Dec", "Mar", "Sep") and not m.group("year"):
        return False
    # "8 May" inside "at least 8 May-day ..." and numbers like "20,000 March" are rare; a
    # number preceded by a digit group separator is never a day.
    return not (m.start() > 0 and text[m.start() - 1] in ",.")


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


_TENSE_WINDOW = 400  # characters of look-back for a future marker before a date


def _tense(
    text: str, start: int, sent_start: int, doc: Doc | None, quotes: list[tuple[int, int]]
) -> str:
    """ "future", "past" or "unknown" for the clause that a date at ``start`` belongs to."""
    if doc is not None:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            tok = span[0]
            for _ in range(8):
                if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                    break
                tok = tok.head
            aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            if aux & {"will", "'ll", "shall", "wo"}:
                return "future"
            if tok.dep_ == "xcomp" and tok.head.lemma_ in _FUTURE_HEADS:
                return "future"
            if tok.tag_ == "VBG" and aux & {"is", "are", "'s", "'re"}:
                return "future"
            if tok.tag_ in ("VBD", "VBN") or aux & {"was", "were", "had", "did", "has", "have"}:
                return "past"
    # Without a parse: a future marker earlier in the sentence, outside quotations (a
    # quoted "will" says nothing about when the reporting verb happened). The look-back is
    # bounded and only the quotations inside it are visited (``quotes`` is sorted and
    # non-overlapping): otherwise a long sentence or many quotes made this quadratic.
    sent_start = max(sent_start, start - _TENSE_WINDOW)
    chars = list(text[sent_start:start])
    k = bisect.bisect_right(quotes, (sent_start, sent_start)) - 1
    for qs, qe in quotes[max(k, 0) :]:
        if qs >= start:
            break
        for i in range(max(qs, sent_start), min(qe, start)):
            chars[i - sent_start] = " "
    if _FUTURE.search("".join(chars)):
        return "future"
    return "unknown"


def _month_span(d0: date, d1: date) -> tuple[str | None, str | None]:
    """Month precision when [d0, d1] lies within one month."""
    if (d0.year, d0.month) == (d1.year, d1.month):
        return f"{d0.year:04d}-{d0.month:02d}", "month"
    return None, None


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _month_num(mon: str) -> int:
    return _MONTH_NUM[mon.rstrip(".")[:3].lower()]


def _resolve(
    f: _Found, pub: date | None, tense: str, prev_day: str | None
) -> tuple[str | None, str | None, bool]:
    """(date, precision, relative) for one found expression."""
    m, kind = f.m, f.kind
    gd = m.groupdict()
    if kind in ("md", "dm", "iso", "my", "mod_month", "prep_month", "mod_year", "prep_year"):
        year = int(gd["year"]) if gd.get("year") else None
        month = (
            int(gd["mnum"])
            if gd.get("mnum")
            else (_month_num(gd["mon"]) if gd.get("mon") else None)
        )
        day = int(re.match(r"\d+", gd["day"]).group(0)) if gd.get("day") else None  # type: ignore[union-attr]
        if month is None:
            return (f"{year:04d}", "year", False) if year else (None, None, False)
        if year is None:
            if pub is None:
                return None, None, False
            year = _year_for(pub, month, day, tense)
        if day is not None:
            try:
                return date(year, month, day).isoformat(), "day", False
            except ValueError:
                return None, None, False
        return f"{year:04d}-{month:02d}", "month", False
    if kind == "anaphoric":
        return prev_day, ("day" if prev_day else None), True
    if kind == "vague" or pub is None:
        return None, None, True
    if kind == "rel_month":
        rel = gd["rel"].lower()
        month = _month_num(gd["mon"])
        if rel == "this":
            year = _year_for(pub, month, None, tense)
        elif rel == "last":
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month > pub.month else pub.year + 1
        return f"{year:04d}-{month:02d}", "month", True
    if kind == "deictic":
        word = gd["d"].lower()
        if word.startswith("yesterday") or word == "last night":
            return (pub - timedelta(days=1)).isoformat(), "day", True
        if word.startswith("tomorrow"):
            return (pub + timedelta(days=1)).isoformat(), "day", True
        return pub.isoformat(), "day", True
    if kind == "ago":
        n_text = gd["n"].lower()
        n = int(n_text) if n_text.isdigit() else _NUM_WORDS[n_text]
        unit = gd["unit"].lower().rstrip("s")
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat(), "day", True
        if unit == "week":
            mid = pub - timedelta(days=7 * n)
            d, p = _month_span(mid - timedelta(days=3), mid + timedelta(days=3))
            return d, p, True
        if unit == "month":
            y, mo = _add_months(pub, -n)
            return f"{y:04d}-{mo:02d}", "month", True
        return f"{pub.year - n:04d}", "year", True
    if kind == "rel_unit":
        rel, unit = gd["rel"].lower(), gd["unit"].lower()
        step = {"this": 0, "last": -1, "next": 1}[rel]
        if unit == "year":
            return f"{pub.year + step:04d}", "year", True
        if unit == "month":
            y, mo = _add_months(pub, step)
            return f"{y:04d}-{mo:02d}", "month", True
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            d, p = _month_span(monday + timedelta(days=5), monday + timedelta(days=6))
        elif step == 0:
            d, p = _month_span(monday, pub if tense != "future" else monday + timedelta(days=6))
        else:
            d, p = _month_span(monday, monday + timedelta(days=6))
        return d, p, True
    if kind == "weekday":
        wd = _WEEKDAYS.index(gd["wd"].lower())
        rel = (gd.get("rel") or "").lower()
        back = (pub.weekday() - wd) % 7  # days back to the most recent such day (0 = today)
        fwd = (wd - pub.weekday()) % 7 or 7  # days ahead to the next such day, never today
        if rel == "last":
            day_date = pub - timedelta(days=back or 7)
        elif rel == "next" or tense == "future":
            day_date = pub + timedelta(days=fwd)
        else:
            day_date = pub - timedelta(days=back)
        return day_date.isoformat(), "day", True
    return None, None, True


def _year_for(pub: date, month: int, day: int | None, tense: str) -> int:
    """The year of a year-less date, counted from the published date (see module doc)."""
    year = pub.year
    first = date(year, month, 1)
    month_end = calendar.monthrange(year, month)[1]
    # "29 February" in a common year (or a typo'd "31 April") must not raise here: the
    # caller checks the full date and drops an impossible one.
    last = date(year, month, min(day or month_end, month_end))
    if tense == "past" and first > pub:
        return year - 1
    if tense == "future" and last < pub - timedelta(days=1):
        return year + 1
    if tense == "unknown" and first > pub + timedelta(days=183):
        return year - 1
    return year


def extract_dates(
    article: Article, doc: Doc | None, ctx: ArticleContext | None = None
) -> list[DateMention]:
    """Find and resolve the date expressions of ``article`` (rules; ``doc`` only refines tense).

    Args:
        article: the cleaned article; offsets point into ``article.text``.
        doc: the spaCy parse of ``article.text``, or ``None`` for the rules-only path.
        ctx: the article's shared context (built here when ``None``).

    Returns:
        One :class:`DateMention` per expression, in text order. ``date`` is ``None`` when
        the text does not settle it (no published date for a relative expression, a vague
        span, a relative expression inside a quotation).
    """
    ctx = ctx or ArticleContext(article, doc)
    text = article.text
    pub = _published(article)
    sents = ctx.sentences.spans
    sent_starts = ctx.sentences.starts
    quotes = ctx.quote_spans  # sorted, non-overlapping: looked up by bisection
    out: list[DateMention] = []
    prev_day: str | None = None
    for f in _find(text):
        ctx.deadline.check()
        i = bisect.bisect_right(sent_starts, f.start) - 1
        sent_start = sents[i][0] if i >= 0 and f.start < sents[i][1] else 0
        tense = _tense(text, f.start, sent_start, doc, quotes)
        date_s, precision, relative = _resolve(f, pub, tense, prev_day)
        k = bisect.bisect_right(quotes, (f.start, len(text) + 1)) - 1
        in_quote = k >= 0 and quotes[k][0] <= f.start and f.end <= quotes[k][1]
        if relative and in_quote and f.kind != "anaphoric":
            date_s, precision = None, None
        out.append(
            DateMention(
                date=date_s,
                precision=precision,  # type: ignore[arg-type]
                date_text=text[f.start : f.end],
                cite=Cite(article.id, f.start, f.end),
                relative=relative,
            )
        )
        if precision == "day":
            prev_day = date_s
    return out


def infer_date_bounds(dates: list[DateMention]) -> tuple[str | None, str | None]:
    """The window of the absolute dates an article mentions: ``(earliest, latest)``.

    For an article without a published date this is what its own text says about when it
    was written: it reports events between these dates (a past-tense mention of the latest
    one means publication on or after it). Relative mentions are ignored (they are
    unresolved without a published date); ``(None, None)`` when nothing is resolved.
    ISO strings of mixed precision sort correctly as strings ("2025" < "2025-10" <
    "2025-10-05").
    """
    resolved = sorted(d.date for d in dates if d.date and not d.relative)
    if not resolved:
        return None, None
    return resolved[0], resolved[-1]

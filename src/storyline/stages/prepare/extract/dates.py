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

Page furniture (time stamps, "Last updated" lines, bylines, credits) is recognised by
:func:`is_furniture`; its dates are kept as mentions (they date the article) but the
events stage makes no event of them.

How they are resolved (never guessed: whatever the rules cannot settle stays ``None``):

- The reference is ``article.published`` (its first ten characters), else the full date
  of the article's own date line or time stamp near the top (:func:`text_reference_date`:
  "Jul 13, 2009 01:40 PM", "Updated: May 4, 2019, 3:23 PM ET"). Without either, relative
  dates stay unresolved, and a year-less date takes the year of the latest full date the
  article writes outside a future-tense clause (never of a bare year: "in 2015" or "the
  2015 deal" dates the background more often than the news); the report then gives the
  rest a year from the story (:func:`resolve_yearless`). That full date only bounds the
  writing from below, so a year-less date takes its year without the past-tense move back
  below. :func:`infer_date_bounds` gives
  the window of the absolute dates the article carries. The report resolves an undated
  article's weekdays and "last week" by :func:`resolve_relative` only when every day its
  story allows for the writing gives the same answer.
- ``inferred`` is set on every resolved date that is not all written in the mention: a
  year taken from elsewhere, a weekday or "yesterday" counted from the reference.
- A year-less absolute date takes the published year, then moves one year back when a
  past-tense clause would otherwise put it after publication (or when, with no tense
  known, it would land more than half a year ahead), and one year forward when a
  future-tense clause would put it before publication. Reported speech's "would" ("said a
  report would be out by June 11") is future; another modal ("could", "may") leaves the
  tense unknown; "would have" and the rest with "have" are past. A date before its noun
  ("the June 7 primary", "the Nov. 8 election") is that noun's, not its clause's: when a
  past clause would move it a year back and the tense-free reading gives another year, it
  stays ``None`` (:func:`_year_in_doubt`).
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

from storyline.lang import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, alternation
from storyline.lang.claims import IRREGULAR_VERB_FORMS
from storyline.lang.en import (
    CREDIT_WORDS,
    DATE_NUMBER_WORDS,
    DAY_PARTS,
    FORECAST_LEMMAS,
    FURNITURE_OPENERS,
    FUTURE_HEAD_LEMMAS,
    INTENTION_LEMMAS,
    MODAL_AUXILIARIES,
    PAST_AUXILIARIES,
    RESCHEDULE_VERBS,
    STAMP_ZONES,
    TIME_HEAD_NOUNS,
    US_TIME_ZONES,
)
from storyline.models import Article, Cite, DateMention
from storyline.stages.prepare.extract.context import ArticleContext, governing_verb, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "bare_weekday",
    "extract_dates",
    "find_date_spans",
    "infer_date_bounds",
    "intends_ahead",
    "is_furniture",
    "quote_spans",
    "resolve_relative",
    "resolve_yearless",
    "sentence_tense",
]

# Month number by the first three letters of its name or abbreviation ("Sept." -> "sep").
_MONTH_NUM = {name[:3]: n for name, n in (*MONTHS.items(), *MONTH_ABBREVIATIONS.items())}
_WEEKDAYS = list(WEEKDAYS)

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
# A round year with "'s" is a decade ("in the early 1990's", "in 1980 ’ s"), not that year.
_NOT_DECADE = r"(?!(?<=0)(?:\s?['’]\s?)?s\b)"
# "Good Friday" and the like are holidays, not references to last Friday.
_NOT_WD = r"(?<!Good )(?<!Black )(?<!Ash )(?<!Super )(?<!Holy )(?<!Cyber )(?<!Easter )"
# A weekday that recurs ("every Monday", "the second Tuesday of every month") is no date.
_NOT_WD += r"(?<!every )(?<!Every )(?<!each )(?<!first )(?<!second )(?<!third )(?<!fourth )"
_RECURRING_AFTER = r"(?!\s+of\s+(?:every|each)\b)"

# (kind, pattern). A pattern's group "d" (when present) is the date text proper; a
# preposition matched only for context stays outside the cite.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "md",
        re.compile(
            rf"(?:{_WD}\.?,?\s+)?\b(?P<mon>{_MONTH})\.?\s+(?P<day>{_DAY})(?:[-–](?:3[01]|[12]\d|0?[1-9])\b)?"
            rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\d,]\d)\b(?!\s?:\s?\d)"
        ),
    ),
    (
        "dm",
        re.compile(
            rf"(?:{_WD},?\s+)?\b(?P<day>{_DAY}|\d{{1,2}}(?:st|nd|rd|th)\s+of)\s+(?P<mon>{_MONTH})"
            rf"(?:,?\s+(?P<year>{_YEAR}))?(?:\b|(?<=\.))(?!-)"
        ),
    ),
    (
        "iso",
        re.compile(rf"\b(?P<year>{_YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    ),
    # "October 2025", "January of 1955"
    (
        "my",
        re.compile(rf"(?P<mod>{_MOD})?\b(?P<mon>{_MONTH})\.?,?\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
    ),
    ("mod_month", re.compile(rf"(?P<mod>{_MOD})\b(?P<mon>{_MONTH})\b(?!\s+\d)")),
    (
        "rel_month",
        re.compile(rf"\b(?P<rel>last|next|this|Last|Next|This)\s+(?P<mon>{_MONTH})\b(?!\s+\d)"),
    ),
    ("prep_month", re.compile(rf"\b{_PREP}\s+(?P<d>(?P<mon>{_MONTH}))\b(?!\s+\d)")),
    ("mod_year", re.compile(rf"(?P<mod>{_MOD})\b(?P<year>{_YEAR})\b(?![,.]?\d){_NOT_DECADE}")),
    (
        "prep_year",
        re.compile(rf"\b{_PREP}\s+(?P<d>(?P<year>{_YEAR}))\b(?![,.]?\d|s\b|-\w){_NOT_DECADE}"),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<d>(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)"
            rf"(?:\s+(?:{'|'.join(DAY_PARTS)}))?|(?:[Tt]his|[Ll]ast)\s+(?:{'|'.join(DAY_PARTS)}))\b"
        ),
    ),
    ("ago", re.compile(rf"\b(?P<n>{_N})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    (
        "rel_unit",
        re.compile(
            # "the last week of November", "the next year": not counted from the writing
            r"(?<![Tt]he\s)\b(?P<pre>(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?"
            r"(?P<rel>this|last|next|This|Last|Next)\s+(?P<unit>week|weekend|month|year)\b"
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
            + _RECURRING_AFTER
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
# "was pushed back to early April", "postponed until May 3": the new date lies ahead
_RESCHEDULED = re.compile(
    rf"\b(?:{alternation(RESCHEDULE_VERBS)})\s+(?:[a-z]+\s+){{0,4}}?(?:to|until|till)\s+(?:the\s+)?$",
    re.I,
)


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
    return _scan(text)


def _scan(text: str) -> tuple[_Found, ...]:
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
    # "Jan 5" may be a name and a number; "Wednesday, Jan 5" is a date
    bare = mon in ("Jun", "Jan", "Dec", "Mar", "Sep") and not m.group("year")
    if bare and not re.match(_WD, m.group(0)):
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
    if _RESCHEDULED.search(text, max(sent_start, start - 80), start):
        return "future"  # a date something was moved to lies ahead, whatever the tense
    if doc is not None:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            tok = governing_verb(span[0], 8)
            bound = _bound_tense(span[0], tok)
            if bound is not None:
                return bound
            aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            if aux & {"will", "'ll", "shall", "wo"}:
                return "future"
            if "would" in aux and "have" not in aux:
                # reported speech's future ("said a report would be published by June 11"):
                # ahead of the saying, which is the article's time; "would have" is past
                return "future"
            if aux & MODAL_AUXILIARIES and "have" not in aux:
                return "unknown"  # "could be out by June 11": a modal dates nothing past
            if tok.dep_ == "xcomp" and tok.head.lemma_ in FUTURE_HEAD_LEMMAS:
                return "future"
            if tok.lemma_ in FORECAST_LEMMAS and span[0].head.i != tok.i:
                # "expected one more increase in September": the date is the expected
                # thing's, not the expecting's; its tense says nothing (nor "had expected")
                return "unknown"
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


# Prepositions that put a date on what a clause happened before (closed class): "led the
# field before the caucuses Feb. 1" says nothing of whether Feb. 1 has come, so the
# clause's past tense must not move the date a year back (a January article's "Feb. 1"
# is that coming February's, not last year's).
_BEFORE_PREPOSITIONS = frozenset({"before", "ahead", "prior", "pending"})


def _bound_tense(date_tok: Token, verb: Token) -> str | None:
    """The tense of a date that hangs from its clause's verb through a preposition of
    ``_BEFORE_PREPOSITIONS`` ("unknown": the date need not have come) or through a word
    that carries its own "will" ("she will not until after the council vote on June 4":
    "future", whatever verb the parse climbs to next); None when neither."""
    tok = date_tok
    while tok.i != verb.i and tok.head.i != tok.i:
        if any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "wo") for c in tok.children
        ):
            return "future"
        if tok.lower_ in _BEFORE_PREPOSITIONS:
            return "unknown"
        tok = tok.head
    return None


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


_ABSOLUTE = ("md", "dm", "iso", "my", "mod_month", "prep_month", "mod_year", "prep_year")


def _resolve(
    f: _Found, pub: date | None, tense: str, prev_day: str | None, anchor: date | None = None
) -> tuple[str | None, str | None, bool]:
    """(date, precision, relative) for one found expression.

    ``anchor`` stands in for ``pub`` for the year of a year-less date only (never for a
    weekday or "yesterday"): the latest written full date of an undated article.
    """
    m, kind = f.m, f.kind
    gd = m.groupdict()
    if kind in _ABSOLUTE:
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
            if pub is not None:
                year = _year_for(pub, month, day, tense)
            elif anchor is not None:
                # the anchor is no publication date but a lower bound of it (the article was
                # written after the latest date it gives): a date after the anchor in its
                # year is not thereby in the future, so a past tense moves no year back
                year = anchor.year
            else:
                return None, None, False
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
        n = int(n_text) if n_text.isdigit() else DATE_NUMBER_WORDS[n_text]
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
        the text does not settle it (no reference date for a relative expression, a vague
        span, a relative expression inside a quotation); ``inferred`` is set when the date
        is not all written in the mention (see the module doc).
    """
    ctx = ctx or ArticleContext(article, doc)
    text = article.text
    found = _find(text)
    published = _published(article)
    pub = published or text_reference_date(text)
    source = "publication date" if published else "date line"
    sents = ctx.sentences.spans
    sent_starts = ctx.sentences.starts
    quotes = ctx.quote_spans  # sorted, non-overlapping: looked up by bisection
    tenses: list[str] = []
    for f in found:
        ctx.deadline.check()
        i = bisect.bisect_right(sent_starts, f.start) - 1
        sent_start = sents[i][0] if i >= 0 and f.start < sents[i][1] else 0
        tenses.append(_tense(text, f.start, sent_start, doc, quotes))
    anchor = None if pub is not None else _anchor(found, tenses, doc is not None)
    out: list[DateMention] = []
    prev_day: str | None = None
    for f, tense in zip(found, tenses, strict=True):
        date_s, precision, relative = _resolve(f, pub, tense, prev_day, anchor)
        if date_s and pub is not None and _yearless(f) and _year_in_doubt(f, tense, pub, doc):
            date_s, precision = None, None
        k = bisect.bisect_right(quotes, (f.start, len(text) + 1)) - 1
        in_quote = k >= 0 and quotes[k][0] <= f.start and f.end <= quotes[k][1]
        if relative and in_quote and f.kind != "anaphoric":
            date_s, precision = None, None
        written_year = bool(f.m.groupdict().get("year"))
        inferred = date_s is not None and (relative or not written_year)
        basis = None
        if inferred and f.kind == "anaphoric":
            basis = f"counted from {prev_day}, the day the text names before it"
        elif inferred and pub is not None:
            basis = f"{'counted from' if relative else 'the year of'} the article's {source}, {pub}"
        elif inferred and anchor is not None:
            basis = f"the year of {anchor}, the latest full date the article writes"
        out.append(
            DateMention(
                date=date_s,
                precision=precision,  # type: ignore[arg-type]
                date_text=text[f.start : f.end],
                cite=Cite(article.id, f.start, f.end),
                relative=relative,
                inferred=inferred,
                basis=basis,
            )
        )
        if precision == "day":
            prev_day = date_s
    return out


def _yearless(f: _Found) -> bool:
    """A calendar date whose month is written and its year not ("Sept. 23", "in July")."""
    gd = f.m.groupdict()
    return f.kind in _ABSOLUTE and not gd.get("year") and bool(gd.get("mon") or gd.get("mnum"))


def _year_in_doubt(f: _Found, tense: str, pub: date, doc: Doc | None) -> bool:
    """Whether the year a year-less date takes from the article's date has no basis: it
    dates a noun rather than its clause ("deployed staff to the March 1 states", "ahead
    of the June 7 primary": ``_dates_a_noun``) in a past clause whose tense
    would move it a year back, and the past and the unknown readings give two years: the
    noun's event may lie ahead of the saying as well as behind it. When they agree ("the
    fire of Oct. 19" in a December article) the year stands.

    (A sentence that writes another year was tried as a sign too, "the 2008 primary …
    until June": on PolNeAR train it dropped more right years than wrong ones, the other
    year dating another thing: "questioning in October over the 2012 attack".)
    """
    if tense != "past" or doc is None or not _dates_a_noun(doc, f.start, f.end):
        return False
    gd = f.m.groupdict()
    month = _month_num(gd["mon"]) if gd.get("mon") else int(gd["mnum"])
    day = int(re.match(r"\d+", gd["day"]).group(0)) if gd.get("day") else None  # type: ignore[union-attr]
    return _year_for(pub, month, day, "unknown") != _year_for(pub, month, day, tense)


# Nouns a date of a clause hangs from without dating another thing ("Friday night",
# "the morning of May 3", "the week of June 2"): a closed class of times of day and spans.
_TIME_NOUNS = frozenset({*DAY_PARTS, *TIME_HEAD_NOUNS, "weekend", "period", "date"})


# Prepositions whose object, an event, places the clause that holds it at that event ("at
# the debate in August", "during the vote on May 3"): a closed class.
_PLACING_PREPOSITIONS = frozenset({"at", "during", "amid", "throughout"})


def _dates_a_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether the date at ``[start, end)`` names a noun's day before that noun: "the
    March 1 states", "the Nov. 8 election", "the Sept. 11 attacks" (not a time, "the
    Friday night", ``_TIME_NOUNS``; not an event that places its clause, "at the Aug. 6
    debate, she said"). A date after its noun ("his candidacy in March") is left to its
    clause: such a phrase hangs from the verb as often as from the noun, whatever the
    parse says (PolNeAR train: "announced his candidacy in March", a past March)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    noun = span.root.head
    if noun.i == span.root.i or noun.idx < end or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_.lower() in _TIME_NOUNS:
        return False
    placed = noun.dep_ == "pobj" and noun.head.lower_ in _PLACING_PREPOSITIONS
    return not (placed and noun.head.head.pos_ in ("VERB", "AUX"))


def _anchor(found: tuple[_Found, ...], tenses: list[str], parsed: bool) -> date | None:
    """The latest full date (day, month and year written) of an undated article, outside
    future-tense clauses: the year its year-less dates take.

    Only full dates anchor: a bare year ("in 2015", "the 2015 deal") or a month and year
    ("January 1955") more often dates the background (a deal, a career) than the news. A
    full date older than a year the article writes elsewhere in a past-tense clause is
    background too (a birth date in an obituary that goes on to "starred in a film in
    2005"): no anchor then. (A year ahead, "is set to open in May of 2013", says nothing.)
    """
    best: date | None = None
    latest_year = 0  # of any year written in a past-tense clause: "starred in 2005"
    for f, tense in zip(found, tenses, strict=True):
        if tense == "future" or not f.m.groupdict().get("year"):
            continue
        if tense == "past" or not parsed:  # (without a parse, no tense is read as past)
            latest_year = max(latest_year, int(f.m.group("year")))
        if f.kind not in ("md", "dm", "iso"):
            continue
        d, precision, _ = _resolve(f, None, tense, None)
        if d and precision == "day":
            day = date.fromisoformat(d)
            best = day if best is None or day > best else best
    if best is not None and latest_year > best.year:
        # the article tells of later years ("born April 22, 1923 … a film in 2005"): its
        # latest full date is background, not the time of writing
        return None
    return best


# -- page furniture and the article's own date line ------------------------------------------

# A clock time: "7:41 AM", "8: 05am", "12.30pm", "2 A. M.", "1052 GMT". Hand-written like
# the date patterns: the time stamps of scraped pages are what dateparser cannot locate.
_TIME = re.compile(
    r"(?<![\d.,])(?:\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\b\.?)?"
    r"|\d{1,2}(?:[.:]\d{2})?\s*[AaPp]\.?\s?[Mm](?:\b|\.)"
    r"|\d{4}\s*(?:GMT|UTC|gmt|utc|hrs)\b)"
)
_OPENER = re.compile(rf"^(?:{alternation(FURNITURE_OPENERS)})(?=\W|$)")
_STAMP_WORDS = (
    STAMP_ZONES
    | set(WEEKDAYS)
    | WEEKDAY_ABBREVIATIONS
    | {"on", "at", "by", "and", "of", "the", "am", "pm", "a.m", "p.m", "m"}
    | set(FURNITURE_OPENERS)
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_SENTENCE_END = (".", "!", "?", '"', "”", "’")
_LEAD_CHARS = 800  # an article's own date line stands in its first lines


def is_furniture(line: str) -> bool:
    """Whether ``line`` is page furniture rather than a sentence of the story.

    A time stamp or date line ("8:44AM BST 16 Sep 2013", "Last updated at 13:38 GMT"), a
    "Posted/Published/Updated" line, a byline, a photo credit or caption ("Photo: …",
    "Image copyright …", "Here's a slideshow of images"). Detected by structure: a short
    line that opens with a furniture word (``lang.en.FURNITURE_OPENERS``), or whose words
    are nearly all dates, times, weekdays and time zones, or a short credit line with no
    sentence end.
    """
    if len(line) > 2_000:
        return False  # prose: every furniture rule below wants at most 40 words
    s = " ".join(line.split())
    if not s:
        return False
    words = s.split()
    low = s.lower()
    opener = _OPENER.match(low)
    if opener:
        rest = low[opener.end() :].lstrip()
        if opener.group(0) == "by":
            # a byline: "By Jane Roe and Sam Poe", not "By Friday the talks had ended."
            names = [w for w in words[1:] if w.lower() not in ("and", "in", "|")]
            return 0 < len(names) <= 6 and all(w[:1].isupper() for w in names)
        if rest[:1] in (":", "|", "-", "–", "—", "@") and len(words) <= 40:
            return True
        if len(words) <= 14 and (not s.endswith(_SENTENCE_END) or len(_residue(s)) <= 3):
            return True
        if " " in opener.group(0) and len(words) <= 24:
            return True  # "Posted in …", "On behalf of …", "Here's a slideshow of …"
    stamp = _TIME.search(s) or _NUMERIC_DATE.search(s) or _scan(_caps_to_title(s))
    if stamp and len(s) <= 120 and len(_residue(s)) <= 1 and not s.endswith(("!", "?")):
        return True  # a time stamp or a date line
    if len(words) <= 12 and not s.endswith(_SENTENCE_END):
        return any(w.strip("().,:;|").lower() in CREDIT_WORDS for w in words)
    return False


def _residue(s: str) -> list[str]:
    """The words of ``s`` that are not part of a date, a time or a stamp word."""
    residue = _caps_to_title(_NUMERIC_DATE.sub(" ", _TIME.sub(" ", s)))
    for f in reversed(_scan(residue)):
        residue = residue[: f.start] + " " + residue[f.end :]
    return [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z.']*", residue)
        if w.lower().rstrip(".") not in _STAMP_WORDS and len(w.rstrip(".")) > 1
    ]


def text_reference_date(text: str) -> date | None:
    """The date of an article's own date line or time stamp, when its first lines carry one.

    "Posted on October 21, 2014 4:52 PM" or "Jul 13, 2009 01:40 PM" above the story: a
    full date written in a line of page furniture near the top, or a numeric one whose order
    is certain ("Last updated 09:48 23/10/2015"). The cleaner turns the plainest such lines
    into the published date; this reads the ones it leaves (a time stamp beside the date, an
    "Updated:" prefix with a comma). ``None`` when there is none.
    """
    for line in text[:_LEAD_CHARS].split("\n"):
        if not line.strip() or not is_furniture(line):
            continue
        # A date line is often all capitals ("FRIDAY, MAY 6, 2016, 4:15 PM"): read it in
        # title case here, where only a full date in a furniture line counts (in prose a
        # capitalised "MAY" or "MARCH" is as often the verb or the noun).
        for f in _scan(_caps_to_title(line)):
            if f.kind not in ("md", "dm", "iso") or not f.m.group("year"):
                continue
            d, precision, _ = _resolve(f, None, "unknown", None)
            if d and precision == "day":
                return date.fromisoformat(d)
        numeric = _numeric_day(line)
        if numeric is not None:
            return numeric
    return None


_NUMERIC_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})\b")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")


def _caps_to_title(line: str) -> str:
    """``line`` with its all-capital words in title case ("MARCH" -> "March"), same length."""
    return _CAPS_WORD.sub(lambda m: m.group(0).capitalize(), line)


def _numeric_day(line: str) -> date | None:
    """The day of a numeric date in a date line ("Last updated 09:48 23/10/2015"), when its
    order is certain: a first number above 12 is a day (day/month, as in Europe), a second one
    above 12 is a day (month/day, as in the US), and two equal numbers ("05/05/2010") read the
    same either way; beside a North American time zone ("8/2/2013 8:13 AM PDT") the order is
    month/day. Otherwise "04/09/2013" could be either and is not read. A two-digit year in such a
    line ("11/23/07 2:45 AM EST") takes its century by the POSIX ``%y`` rule (00-68 are
    2000-2068, 69-99 are 1969-1999)."""
    us = any(w in US_TIME_ZONES for w in re.findall(r"[a-z]+", line.lower()))
    for m in _NUMERIC_DAY.finditer(line):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000 if year <= 68 else 1900
        if a > 12 >= b or a == b:
            day, month = a, b
        elif b > 12 >= a or (us and a <= 12 and b <= 31):
            day, month = b, a
        else:
            continue
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


_YEARLESS = re.compile(
    rf"^(?:{_WD}\.?,?\s+)?(?:(?P<mon>{_MONTH})\.?(?:\s+(?P<day>{_DAY}))?"
    rf"|(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH}))"
    rf"(?:[-–]\d{{1,2}})?$"
)


def sentence_tense(sentence: str) -> str:
    """ "future", "past" or "unknown" for a sentence read without a parse (a timeline
    event's summary): past only with a past form ("was", "had", an -ed verb, an irregular
    past) and no future marker, modal or forecast verb ("scheduled for October", "could
    come in May", "will meet": the month may lie ahead)."""
    if _FUTURE.search(sentence):
        return "future"
    cased = re.findall(r"[A-Za-z']+", sentence)
    words = [w.lower() for w in cased]
    if any(
        (w in MODAL_AUXILIARIES and not _month_may(cased, i))
        or w == "would"
        or w.startswith(tuple(FORECAST_LEMMAS))
        for i, w in enumerate(words)
    ):
        return "unknown"
    # a present perfect's participle is no past ("has given itself until December 3")
    past = any(
        w in PAST_AUXILIARIES
        or (
            (w in IRREGULAR_VERB_FORMS or (w.endswith("ed") and len(w) > 4))
            and words[i - 1] not in {"has", "have", "'s", "'ve"}
        )
        for i, w in enumerate(words[1:], 1)
    )
    return "past" if past else "unknown"


def _month_may(words: list[str], i: int) -> bool:
    """Is ``words[i]`` the month "May", not the modal? Written with a capital inside the
    sentence ("proposed the rules in May") it is the month (or a name, never a modal); as
    the sentence's first word it may be either, so it stays the modal (no tense)."""
    return i > 0 and words[i] == "May"


_INTENDS = re.compile(rf"\b(?:{alternation(sorted(INTENTION_LEMMAS))})s\s+to\b", re.I)


def intends_ahead(sentence: str) -> bool:
    """Does ``sentence`` tell an intention in the present ("expects to vote in February",
    "plans to", "hopes to")? A month it names then lies ahead of the writing, not before:
    "February" in an October article is next year's."""
    return _INTENDS.search(sentence) is not None


def resolve_yearless(date_text: str, ref: date, tense: str = "unknown") -> str | None:
    """Resolve a year-less month or month and day ("Sept. 23", "5 November", "October")
    against ``ref``, a date the story gives (its dated articles), in a clause of ``tense``
    (``sentence_tense``; "past" puts a month after ``ref`` in the year before).

    Returns the ISO date (``YYYY-MM-DD`` or ``YYYY-MM``) or ``None`` when ``date_text`` is
    not a year-less calendar date.
    """
    m = _YEARLESS.match(" ".join(date_text.split()))
    if not m:
        return None
    mon = m.group("mon") or m.group("mon2")
    day_s = m.group("day") or m.group("day2")
    month = _month_num(mon)
    day = int(re.match(r"\d+", day_s).group(0)) if day_s else None  # type: ignore[union-attr]
    year = _year_for(ref, month, day, tense)
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# the kinds counted from the day the article was written ("Tuesday", "yesterday", "last
# week", "two days ago", "last March")
_WRITING_RELATIVE = ("deictic", "ago", "rel_unit", "weekday", "rel_month")


def resolve_relative(date_text: str, ref: date, tense: str = "unknown") -> str | None:
    """Resolve a date counted from the day of writing ("Tuesday", "last Friday",
    "yesterday", "last week", "three days ago", "last March") as if the article had been
    written on ``ref``, in a clause of ``tense`` ("future" puts a bare weekday ahead).

    Returns the ISO date (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` for a week, month or year
    that is not one day) or ``None`` when ``date_text`` is not such a date alone, or names
    no single span ("this week" across two months).
    """
    text = " ".join(date_text.split())
    found = _find(text)
    if len(found) != 1 or found[0].kind not in _WRITING_RELATIVE:
        return None
    f = found[0]
    if f.start != 0 or f.end != len(text):
        return None
    iso, _, _ = _resolve(f, ref, tense, None)
    return iso


def bare_weekday(date_text: str) -> bool:
    """Is ``date_text`` a weekday without "last"/"next"/"this" ("Tuesday", "Friday's")?
    Its direction (the one before the writing or the one after) is the clause's tense."""
    found = _find(" ".join(date_text.split()))
    return len(found) == 1 and found[0].kind == "weekday" and not found[0].m.group("rel")


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

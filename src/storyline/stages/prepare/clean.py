"""Clean: turn one raw input into an Article whose text every later cite points into.

HTML goes through trafilatura (main text, title, date, site name). Then every text,
whatever its format, goes through the same line-level cleaner, because scraped text
carries noise that no extractor removes for us:

- blocks of unrelated headlines after (or inside) the body ("more stories" lists);
- photo captions and credit lines ("(Video: …)", "(Photo: …)", "Photo: AFP");
- comment counters, share buttons, newsletter and copyright footers;
- hard-wrapped lines, which are joined back into paragraphs;
- a dateline at the start ("Wednesday, November 5, 2025 - …"): its date becomes
  ``published`` when the input had none, and it is stripped from the body;
- sub-headings inside the body, kept as paragraphs and marked in ``Article.headings``.

The rules are written by hand: trafilatura and friends work on markup, and plain-text
scrapes (the common case for archives) have no markup left to tell a caption from a
paragraph. Each rule is conservative: a line is dropped only when it matches a noise
pattern outright, so body paragraphs survive intact. ``CleanedText.removed`` records every
dropped line with the reason, for tests and for ``storyline articles --format json``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse

from storyline.errors import CleanError
from storyline.lang import MONTH_ABBREVIATIONS, MONTHS, alternation, finite_forms
from storyline.lang.en import (
    CAPTION_LABELS,
    CREDIT_LINE_LABELS,
    HEADLINE_SMALL_WORDS,
    SNIPPET_END_WORDS,
)
from storyline.models import Article, RawDoc, Span
from storyline.text import content_id

# ---------------------------------------------------------------------------------------
# Dates (datelines and metadata)
# ---------------------------------------------------------------------------------------

# Month number by abbreviation ("sept" and the first three letters of every name).
_MONTHS = {**{m[:3]: n for m, n in MONTHS.items()}, **MONTH_ABBREVIATIONS}
_MONTH = (
    "(?:"
    + "|".join(
        sorted((m.capitalize() for m in (*MONTHS, *MONTH_ABBREVIATIONS)), key=lambda m: -len(m))
    )
    + r")\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_DATE = (
    rf"(?:{_WEEKDAY}?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})|\d{{4}}-\d{{2}}-\d{{2}})"
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)"
# "Wednesday, November 5, 2025 - ", "PARIS, Nov. 5, 2025 (AFP) — ", "WASHINGTON (Reuters) - "
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Z.'’\- ]{{1,30}}(?:,\s*[A-Z][A-Za-z.]+)?)(?:,\s*|\s+))?"
    rf"(?P<date>{_DATE}{_TIME}?)?\s*(?P<agency>\([A-Za-z .&/]{{2,30}}\))?\s*[-–—|:]+\s+(?=\S)"
)
_DATE_ONLY_LINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Last updated|Date)\s*(?:on)?\s*:?\s*)?(?P<date>{_DATE}){_TIME}?\.?$",
    re.IGNORECASE,
)


def parse_date(value: str | None) -> str | None:
    """Normalise a date string from metadata or a dateline to ISO.

    Returns ``YYYY-MM-DD`` for a bare date and an ISO timestamp in UTC when a time is
    given; ``None`` when the string is not a date.
    """
    if not value:
        return None
    s = value.strip()
    if not s:
        return None
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        dt = None
    if dt is None:
        try:
            dt = parsedate_to_datetime(s)  # RFC 822, as in RSS
        except (TypeError, ValueError, IndexError):
            dt = None
    if dt is None:
        m = re.search(
            rf"(?:(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}))"
            rf"|(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH}),?\s+(?P<year2>\d{{4}}))",
            s,
        )
        if m:
            mon = (m.group("mon") or m.group("mon2")).rstrip(".").lower()
            try:
                return date(
                    int(m.group("year") or m.group("year2")),
                    _MONTHS[mon[:4] if mon.startswith("sept") else mon[:3]],
                    int(m.group("day") or m.group("day2")),
                ).isoformat()
            except ValueError:
                return None
        return _dateparser(s)
    if isinstance(dt, datetime) and (dt.hour, dt.minute, dt.second) == (0, 0, 0) and len(s) <= 10:
        return dt.date().isoformat()
    if dt.tzinfo is not None:
        try:
            dt = dt.astimezone(UTC)
        except OverflowError:  # "9999-12-31T23:00-12:00" is past year 9999 in UTC
            return None
        return dt.isoformat(timespec="seconds")
    return dt.isoformat(timespec="seconds") if len(s) > 10 else dt.date().isoformat()


def _dateparser(s: str) -> str | None:
    if len(s) > 60 or not re.search(r"\d", s):
        return None
    import dateparser  # slow to import; only reached for unusual formats

    dt = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True})
    return dt.date().isoformat() if dt else None


# ---------------------------------------------------------------------------------------
# Line classification
# ---------------------------------------------------------------------------------------

_FOOTER = re.compile(
    r"^(?:\d+\s+comments?|comments?\s*\(?\d*\)?|no comments( yet)?|leave a (comment|reply)"
    r"|share( this( article| story| post)?)?( on \w+)?|share (via|by) \w+|tweet|print|email"
    r"|advertisement|advert|sponsored( content)?|scroll to continue.*|continue reading"
    r"|listen to this article.*|\d+\s+min(ute)?s?\s+read|loading\.*|click here\b.*"
    r"|(sign up|subscribe)\b.{0,80}(newsletter|updates|inbox)\W*|follow us\b.{0,60}"
    r"|(©|\(c\)|copyright)\s.{0,100}|all rights reserved\.?|tags?:.{0,120}"
    r"|(facebook|twitter|x|whatsapp|linkedin|telegram|reddit)(\s*[|/·•]\s*\w+)*)$",
    re.IGNORECASE,
)
# Headers that introduce a list of other stories: they and the list after them go.
_MORE_HEADER = re.compile(
    r"^(?:related( articles| stories| news)?|read (more|also|next)|more (stories|news|from [\w .]+)"
    r"|recommended( for you)?|you may (also )?like|most (read|popular)|trending( now)?"
    r"|see also|latest (news|stories)|top stories)\s*:?$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    rf"^\(?\s*(?:{'|'.join(CREDIT_LINE_LABELS)})s?"
    r"(?:\s+credit)?\s*:\s*[^()]{1,80}\)?\.?$|^\(?(?:getty images|ap photo[^()]{0,60}|afp( via getty images)?"
    r"|reuters(/[\w .]+)?)\)?$",
    re.IGNORECASE,
)
_TRAILING_CREDIT = re.compile(
    rf"\((?:{'|'.join(CAPTION_LABELS)})s?\s*:\s*[^()]{{1,60}}\)\s*$", re.IGNORECASE
)
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$|[\"”]$")
_LETTERS = re.compile(r"[^\W\d_]")


def _words(line: str) -> list[str]:
    return [w for w in re.split(r"\s+", line.strip()) if w]


def title_case_ratio(line: str) -> float:
    """Share of content words that start upper-case (or with a digit) — headline style."""
    words = [w.strip("\"'“”‘’()[],.:;!?") for w in _words(line)]
    content = [
        w for w in words if w and _LETTERS.search(w) and w.lower() not in HEADLINE_SMALL_WORDS
    ]
    if not content:
        return 0.0
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content)


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def _headline_like(line: str) -> bool:
    """A standalone headline: 3–25 words, no closing punctuation, mostly Title Case."""
    n = len(_words(line))
    return 3 <= n <= 25 and not _ends_sentence(line) and title_case_ratio(line) >= 0.75


def _loose_headline(line: str) -> bool:
    """A headline in any case: 3–20 words, capitalised, no closing punctuation or comma."""
    s = line.strip()
    n = len(_words(s))
    return (
        3 <= n <= 20
        and (s[:1].isupper() or s[:1].isdigit())
        and not _ends_sentence(s)
        and not s.endswith(",")
    )


def _heading_like(line: str) -> bool:
    """A sub-heading: 2–14 words, no closing punctuation, headline or sentence case."""
    n = len(_words(line))
    s = line.strip()
    return (
        1 <= n <= 14
        and not _ends_sentence(s)
        and not s.endswith(",")
        and s[:1].isupper()
        and (n >= 2 or s.isupper())
    )


# ---------------------------------------------------------------------------------------
# The text cleaner
# ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    text: str
    heading: bool = False
    level: int = 0  # markdown heading level (1 = the page's H1)


@dataclass(slots=True)
class CleanedText:
    """The result of ``clean_text``.

    ``removed`` lists ``(reason, line)`` for every line dropped; ``dateline`` is the
    stripped dateline prefix and ``dateline_date`` its ISO date, when there was one.
    """

    text: str
    headings: list[Span] = field(default_factory=list)
    paragraphs: int = 0
    removed: list[tuple[str, str]] = field(default_factory=list)
    dateline: str | None = None
    dateline_date: str | None = None
    first_line_title: str | None = None


_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD] + [c for c in range(32) if c not in (9, 10)]
)


def normalize_input(text: str) -> str:
    """Unicode NFC, unified line ends, no invisible or control characters, no tabs or NBSPs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE)
    text = (
        text.replace("\t", " ")
        .replace("\u00a0", " ")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not hard-wrapped.

    Wrapped text has most lines ending near one width, and many of them mid-sentence.
    """
    lengths = [len(s) for s in lines if s]
    if len(lengths) < 6:
        return None
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if width > 100:
        return None
    near = sum(1 for n in lengths if n >= 0.6 * width)
    open_ended = sum(1 for s in lines if s and not _ends_sentence(s))
    if near >= 0.6 * len(lengths) and open_ended >= 0.3 * len(lengths):
        return width
    return None


def _join(a: str, b: str) -> str:
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].islower():
        return a + b  # "US-\nbrokered" -> "US-brokered"
    return f"{a} {b}"


def _blocks(lines: list[str], width: int | None, markdown: bool) -> list[Block]:
    """Group lines into paragraphs (joining hard wraps when ``width``) and mark markdown headings."""
    wrapped = width is not None

    def heading_line(s: str) -> bool:
        # in wrapped text a heading is a line well short of the width, or headline-cased
        return _heading_like(s) and (len(s) < 0.5 * (width or 0) or title_case_ratio(s) >= 0.75)

    blank_separated = sum(1 for s in lines if not s) >= max(2, 0.1 * sum(1 for s in lines if s))
    blocks: list[Block] = []
    cur: list[str] = []

    def flush() -> None:
        if cur:
            text = cur[0]
            for nxt in cur[1:]:
                text = _join(text, nxt)
            blocks.append(Block(text))
            cur.clear()

    for line in lines:
        if markdown and line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            blocks.append(Block(line.lstrip("#").strip(), heading=True, level=level))
            continue
        if not line:
            flush()
            continue
        if not wrapped:
            flush()
            cur.append(line)
            continue
        if cur:
            prev = cur[-1]
            starts_new = line[:1].isupper() or line[:1] in "\"“‘'(—–-•*" or line[:1].isdigit()
            if (
                not blank_separated
                and starts_new
                and (_ends_sentence(prev) or (len(cur) == 1 and heading_line(prev)))
            ) or (blank_separated and len(cur) == 1 and heading_line(prev) and starts_new):
                flush()
        cur.append(line)
    flush()
    return blocks


def _strip_markdown(line: str) -> str:
    line = re.sub(r"\*\*(\S(?:.*?\S)?)\*\*", r"\1", line)
    line = re.sub(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])", r"\1", line)
    line = re.sub(r"(?<!\w)__(\S(?:.*?\S)?)__(?!\w)", r"\1", line)
    return re.sub(r"^[-*+]\s+(?=\S)", "", line)


def clean_text(raw: str, *, markdown: bool = False) -> CleanedText:
    """Clean plain text (or trafilatura's markdown output when ``markdown``).

    Args:
        raw: the text as read.
        markdown: the text comes from trafilatura with ``#`` headings and ``**`` emphasis.

    Returns:
        The cleaned text (paragraphs separated by one blank line), its heading spans, and
        what was removed and why.
    """
    out = CleanedText(text="")
    lines = normalize_input(raw).split("\n")
    if markdown:
        lines = [_strip_markdown(s) if not s.startswith("#") else s for s in lines]

    # 1. Line-level noise: footers, credits, captions next to credits, date-only lines.
    keep: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            keep.append(line)
            continue
        if _FOOTER.match(line):
            out.removed.append(("footer", line))
            keep.append("")
            continue
        if _CREDIT.match(line):
            out.removed.append(("credit", line))
            # the caption sits right above its credit line
            j = len(keep) - 1
            while j >= 0 and not keep[j]:
                j -= 1
            if j >= 0 and len(_words(keep[j])) <= 40:
                out.removed.append(("caption", keep[j]))
                keep[j] = ""
            keep.append("")
            continue
        if _TRAILING_CREDIT.search(line) and len(_words(line)) <= 40:
            out.removed.append(("caption", line))
            keep.append("")
            continue
        m = _DATE_ONLY_LINE.match(line)
        if m and i < 8:
            out.removed.append(("date line", line))
            out.dateline_date = out.dateline_date or parse_date(m.group("date"))
            keep.append("")
            continue
        keep.append(line)

    # 2. "More stories" sections: a header line and the headlines after it.
    i = 0
    while i < len(keep):
        if keep[i] and _MORE_HEADER.match(keep[i]):
            j = i + 1
            while j < len(keep) and (not keep[j] or _headline_like(keep[j])):
                j += 1
            for k in range(i, j):
                if keep[k]:
                    out.removed.append(("more stories", keep[k]))
                    keep[k] = ""
        i += 1

    # 3. Runs of three or more headline-like lines: lists of other stories. Title-case
    #    runs go wherever they are; sentence-case headlines ("Court delays ruling in …")
    #    only when the run ends the document, or the text is not hard-wrapped (a wrapped
    #    sentence has lines that end without punctuation too, but its next line starts
    #    lower-case).
    content = [s for s in keep if s]
    wrapped_doc = _wrap_width(content) is not None
    i = 0
    while i < len(keep):
        j = i
        strict = True
        while (
            j < len(keep)
            and keep[j]
            and _loose_headline(keep[j])
            and not (j + 1 < len(keep) and keep[j + 1][:1].islower())
        ):
            strict = strict and _headline_like(keep[j])
            j += 1
        at_end = not any(keep[j:])
        if j - i >= 3 and (strict or at_end or not wrapped_doc):
            for k in range(i, j):
                out.removed.append(("headline list", keep[k]))
                keep[k] = ""
            i = j
        else:
            i += 1

    # 4. Paragraphs.
    content = [s for s in keep if s]
    width = _wrap_width(content)
    blocks = _blocks(keep, width, markdown)
    if not blocks:
        return out

    # 5. Dateline at the start of the first paragraph.
    first = blocks[0]
    m = _DATELINE.match(first.text)
    place = m.group("place") if m else None
    if m and (
        m.group("date") or m.group("agency") or (place and place.isupper() and len(place) >= 3)
    ):
        out.dateline = m.group(0).strip()
        if m.group("date"):
            out.dateline_date = parse_date(m.group("date"))
        first.text = first.text[m.end() :]
        out.removed.append(("dateline", out.dateline))

    # 6. A headline on the first line (short, no closing punctuation, before the body).
    if (
        len(blocks) > 1
        and not first.heading
        and not out.dateline
        and (
            _headline_like(first.text)
            or (_heading_like(first.text) and len(_words(first.text)) >= 4)
        )
        and len(blocks[1].text) > 2 * len(first.text)
    ):
        out.first_line_title = first.text
        blocks = blocks[1:]
    elif markdown:
        # the page's H1 is its title; short labels above it are a section kicker
        h1 = next((k for k, b in enumerate(blocks[:4]) if b.level == 1), None)
        if h1 is not None and all(
            len(_words(b.text)) <= 5 and not _ends_sentence(b.text) for b in blocks[:h1]
        ):
            out.removed.extend(("kicker", b.text) for b in blocks[:h1])
            out.first_line_title = blocks[h1].text
            blocks = blocks[h1 + 1 :]
        elif blocks[0].heading:
            out.first_line_title = blocks[0].text
            blocks = blocks[1:]

    # 7. Sub-headings: a short line with no closing punctuation between two paragraphs.
    for k, b in enumerate(blocks):
        if b.heading:
            continue
        body_after = k + 1 < len(blocks) and not blocks[k + 1].heading
        if (
            k > 0
            and body_after
            and _heading_like(b.text)
            and len(_words(blocks[k + 1].text)) > len(_words(b.text))
            and (width is None or len(b.text) < 0.5 * width or title_case_ratio(b.text) >= 0.75)
        ):
            b.heading = True

    # trailing headings (nothing after them) are leftovers of page chrome
    while blocks and blocks[-1].heading and len(blocks) > 1:
        out.removed.append(("trailing heading", blocks[-1].text))
        blocks.pop()

    parts: list[str] = []
    pos = 0
    for b in blocks:
        if not b.text:
            continue
        if parts:
            pos += 2
        if b.heading:
            out.headings.append(Span(pos, pos + len(b.text)))
        parts.append(b.text)
        pos += len(b.text)
    out.text = "\n\n".join(parts)
    out.paragraphs = sum(1 for b in blocks if b.text and not b.heading)
    return out


# ---------------------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------------------

_ATTRIBUTION_TAIL = re.compile(
    r",?\s+(?:according to [^,]+|(?:an?|the|some|several|two|three|[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,8}"
    rf"\s+(?:{alternation(finite_forms(['say', 'tell', 'report', 'announce', 'confirm']))})"
    r"(?:\s+\w+)?)\s*[.!?]?$"
)
_PARENTHETICAL = re.compile(
    r",\s+(?:in coordination with|along with|together with|alongside|backed by|who|which)[^,]{1,80},"
)
_CUT = re.compile(
    r"\s+(?:that would|that will|which|who|aimed at|in order to|to be presented|as part of|amid|after|following|while|because)\s"
)


def infer_title(text: str, max_words: int = 14) -> str:
    """A headline for an article that came without one, from its first sentence.

    Drops the attribution tail ("…, officials said Thursday"), parenthetical asides and
    trailing subordinate clauses, then cuts at a word boundary. Hand-written because no
    library summarises a single lead sentence into a headline offline.
    """
    from storyline.text import sentence_spans

    spans = list(sentence_spans(text))
    if not spans:
        return ""
    s, e = spans[0]
    sent = text[s:e].strip().rstrip(".!?")
    sent = _ATTRIBUTION_TAIL.sub("", sent + ".").rstrip(".")
    sent = _PARENTHETICAL.sub("", sent)
    words = sent.split()
    if len(words) > max_words:
        m = _CUT.search(sent)
        if m and len(sent[: m.start()].split()) >= 5:
            sent = sent[: m.start()]
            words = sent.split()
    if len(words) > max_words:
        cut = words[:max_words]
        # do not end on a function word
        while cut and cut[-1].lower().strip(",;:") in SNIPPET_END_WORDS:
            cut.pop()
        sent = " ".join(cut).rstrip(",;:") + "…"
    return sent.strip().rstrip(",;:")


def _strip_site_suffix(title: str, outlet: str | None) -> str:
    """ "Big news | The Ledger" -> "Big news" when the suffix names the outlet or a site."""
    m = re.match(r"^(.{12,}?)\s+[|–—-]\s+([^|–—-]{2,40})$", title)
    if m and (
        outlet is None
        or m.group(2).strip().lower() in outlet.lower()
        or outlet.lower() in m.group(2).lower()
    ):
        return m.group(1).strip()
    return title


def outlet_from_url(url: str | None) -> str | None:
    """ "https://www.example-news.com/a/b" -> "example-news.com"."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


# ---------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------


def _from_html(html: str) -> tuple[str, dict[str, str | None]]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_recall=True,
    )
    if doc is None:
        return "", {}
    meta = {
        "title": getattr(doc, "title", None),
        "published": getattr(doc, "date", None),
        "outlet": getattr(doc, "sitename", None),
        "url": getattr(doc, "url", None),
    }
    return getattr(doc, "text", None) or "", meta


def clean_document(doc: RawDoc, *, ingested_at: str = "") -> Article:
    """Clean one raw document into an Article.

    Metadata given with the input wins over metadata found in it (HTML meta tags, a
    dateline); a title is inferred from the lead sentence when there is none, and marked.

    Raises:
        CleanError: nothing that looks like article text is left.
    """
    meta: dict[str, str | None] = {}
    if doc.html is not None:
        body, meta = _from_html(doc.html)
        cleaned = clean_text(body, markdown=True)
        raw = doc.html
    else:
        raw = doc.text or ""
        cleaned = clean_text(raw)
    text = cleaned.text
    if len(text.split()) < 5:
        raise CleanError(doc.source, "no article text found")

    outlet = doc.outlet or meta.get("outlet") or outlet_from_url(doc.url or meta.get("url"))
    published = parse_date(doc.published)
    published_from = "metadata" if published else None
    if not published and meta.get("published"):
        published, published_from = parse_date(meta["published"]), "html"
    if not published and cleaned.dateline_date:
        published, published_from = cleaned.dateline_date, "dateline"

    title_inferred = False
    title = (doc.title or "").strip() or (meta.get("title") or "").strip()
    title = _strip_site_suffix(title, outlet) if title else ""
    if not title and cleaned.first_line_title:
        title = cleaned.first_line_title
    if not title:
        title, title_inferred = infer_title(text), True

    return Article(
        id=content_id(text),
        source=doc.source,
        text=text,
        raw=raw,
        title=title,
        title_inferred=title_inferred,
        outlet=outlet,
        published=published,
        published_from=published_from if published else None,
        url=doc.url or meta.get("url"),
        headings=tuple(cleaned.headings),
        ingested_at=ingested_at,
    )


__all__ = [
    "CleanedText",
    "clean_document",
    "clean_text",
    "infer_title",
    "outlet_from_url",
    "parse_date",
    "title_case_ratio",
]

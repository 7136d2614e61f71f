"""The one text normalizer. Every stage that compares text goes through here.

- ``normalize_text``: folds case, quotes, dashes, whitespace and accents for comparison
  (never used to produce cited text: cites point into the cleaned text unchanged).
- ``content_id``: the stable article id derived from cleaned content.
- ``tokens`` / ``shingles``: word tokens and word n-grams for MinHash and TF-IDF.
- ``sentence_spans``: sentence boundaries with offsets, cheap and model-free.
- ``slugify``: ids for entities and stories.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator

from storyline.lang import ABBREVIATIONS
from storyline.lang.slots import STATE_ABBREVIATIONS

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
# The word pattern of ``tokens``, public for stages that tokenise text already folded the
# same way (dedup's ASCII fast path).
WORD_PATTERN = _WORD


def fold_punctuation(text: str) -> str:
    """Map curly quotes, dashes and no-break spaces to ASCII; same length as input."""
    return text.translate(_QUOTES)


def strip_accents(text: str) -> str:
    """Remove combining marks ("Élysée" -> "Elysee")."""
    if text.isascii():  # NFKD leaves ASCII unchanged and it has no combining marks
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_text(text: str) -> str:
    """Fold text for comparison: NFKC, ASCII quotes/dashes, no accents, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_accents(fold_punctuation(text)).lower()
    return _WS.sub(" ", text).strip()


def content_id(text: str) -> str:
    """Stable id of an article from its cleaned text: 16 hex digits of SHA-256 of the normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (normalized first)."""
    return _WORD.findall(normalize_text(text))


def shingles(text: str, n: int = 5) -> set[str]:
    """Word n-grams of ``text``; a text shorter than ``n`` words yields one shingle."""
    words = tokens(text)
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "Pascal Confavreux" -> "pascal-confavreux"."""
    text = strip_accents(unicodedata.normalize("NFKC", fold_punctuation(text))).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# Abbreviations after which a period does not end a sentence (the one list, in lang).
_ABBREV = ABBREVIATIONS
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n|\n")
# A bracketed party-and-state or state abbreviation after a name ("Sen. Roe (D-Vt.) said",
# "Jane Roe (N.Y.)"): its period closes the abbreviation, not the sentence.
_BRACKETED_STATE = re.compile(r"\((?:[A-Z]{1,3}-)?([A-Z][A-Za-z.]{0,5})\.\)$")
# "a. m." / "p. m." written with a space: read as "a.m." / "p.m." (a sentence end only
# before a capitalised word).
_SPACED_CLOCK = re.compile(r"\b[aApP]\. [mM]$")


def bracketed_state(text: str) -> bool:
    """Whether ``text`` ends with a bracketed state abbreviation such as "(D-Vt.)"."""
    m = _BRACKETED_STATE.search(text[-12:])
    return m is not None and m.group(1).replace(".", "").lower() in STATE_ABBREVIATIONS


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of sentences in ``text``, trimmed of surrounding space.

    Model-free (spaCy's parser is slower than the stages that only need boundaries):
    a sentence ends at ``.!?`` (plus closing quotes) before whitespace, unless the word
    before the period is a known abbreviation or a single capital (an initial), or closes a
    bracketed state abbreviation ("Roe (D-Vt.) said"), and at every line break (the cleaner has already joined hard-wrapped lines).
    """
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group(0)[:2] == ".)" and bracketed_state(
            text[max(start, m.start() - 12) : m.start() + 2]
        ):
            continue
        if m.group(0)[0] == ".":
            # look back a bounded window: slicing from ``start`` is quadratic on a long sentence
            word = re.search(r"([\w.]+)\.$", text[max(start, m.start() - 40) : m.start() + 1])
            if word:
                w = word.group(1).lower()
                if w == "m" and _SPACED_CLOCK.search(text[max(start, m.start() - 4) : m.start()]):
                    w = "a.m"
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
                # "U.S." followed by a lower-case word does not end the sentence
                if "." in w:
                    nxt = text[end : end + 3].lstrip()
                    if nxt[:1].islower():
                        continue
        s, e = _trim(text, start, end)
        if e > s:
            yield s, e
        start = end
    s, e = _trim(text, start, len(text))
    if e > s:
        yield s, e


@functools.lru_cache(maxsize=16)
def sentence_index(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """``sentence_spans`` of ``text`` and their starts, split once per text: the brief and the
    disputes look near every quote's cite, and splitting the whole article per quote made a
    long article's report quadratic (minutes for thousands of quoted lines)."""
    spans = tuple(sentence_spans(text))
    return spans, tuple(a for a, _ in spans)


def sentence_at(text: str, at: int) -> tuple[int, int] | None:
    """The sentence of ``text`` holding offset ``at``, if any (``sentence_index``)."""
    spans, starts = sentence_index(text)
    i = bisect.bisect_right(starts, at) - 1
    return spans[i] if i >= 0 and spans[i][0] <= at < spans[i][1] else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of non-empty paragraphs (separated by line breaks)."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            yield s, e


# A dateline opening a story's first sentence: an ALL-CAPS place, its state or a date after
# commas, a news agency in brackets, a dash ("PURCHASE, N.Y., April 1 (UPI) — …",
# "WASHINGTON — …"), or a place in any case with its agency ("Velmar (AFP) – …"). It is
# where the report was filed, not part of what happened: the brief's facts and a lead made a
# title start after it.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s[^—–()\n]{2,30}?)?(?:\s\([A-Z][A-Za-z]{1,8}\))?"
    r"|[A-Z][\w.’' -]{1,40}(?:,\s*[\w. ]{2,20})?\s*\([A-Z][A-Za-z]{1,8}\))"
    r"(?:\s?[—–]\s?|\s-{1,2}\s)\s*(?=[A-Z“\"])"
)


def dateline_end(text: str) -> int:
    """The length of the dateline that opens ``text`` (0 when none): "WASHINGTON, June 10
    (UPI) — Roe told …" -> the offset of "Roe"."""
    m = _DATELINE.match(text)
    return m.end() if m is not None and m.end() < len(text) else 0

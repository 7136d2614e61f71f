"""Quantities: numbers with what they count, whose they are, and how the text hedges them.

A quantity is a number in digits or words ("20,000", "two dozen", "a thousand",
"1.2 billion", "hundreds of"), money ("$1.2 billion" -> 1.2e9 USD), a percentage, a range
("between 5,000 and 8,000", "5-8 thousand") or a size compound ("193-member"). Its hedge is
normalised from the words around it:

=============  ==============================================  ====================
hedge          cues                                            value / low / high
=============  ==============================================  ====================
exact          none                                            v / v / v
up_to          up to, as many as, a maximum of, at most        v / None / v
at_least       at least, or more, no fewer than, 20,000-plus   v / v / None
about          about, around, some, roughly, approximately     v / None / None
nearly         nearly, almost, close to, just under            v / None / v
more_than      more than, over, upwards of, in excess of       v / v / None
fewer_than     fewer than, less than, under, below             v / None / v
range          between A and B, A-B, A to B                    None / A / B
=============  ==============================================  ====================

Vague plurals ("hundreds of", "tens of thousands of") are ``at_least`` with the smallest
value the phrase allows (200, 20,000).

Not quantities: years and the day numbers of dates (found by the date extractor), times
("3 p.m."), ordinals ("1st"), designators ("Chapter 7", "Resolution 2803", "Article 51"),
codes ("F-16", "COVID-19") and "one", which is almost always a pronoun or an article.

The number-word parser is hand-written: it is twenty lines, and the libraries that do it
(word2number, text2num) are not among the project's dependencies and give no offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.lang import REFERRING_PRONOUNS
from storyline.models import Article, Cite, Entity, Hedge, Quantity
from storyline.stages.prepare.extract._clauses import (
    entity_at,
    np_span,
    resolve_entity,
    speech_subject,
    subject_of,
)
from storyline.stages.prepare.extract.context import ArticleContext
from storyline.stages.prepare.extract.dates import find_date_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_quantities", "parse_number_words"]

_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "one": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ABBR_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6,
    "billions": 2e9, "tens of thousands": 2e4, "hundreds of thousands": 2e5,
    "tens of millions": 2e7, "hundreds of millions": 2e8,
}  # fmt: skip
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
}
_UNIT_MEASURES = {"USD", "EUR", "GBP", "percent", "percentage points"}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB",
    "pounds sterling": "GBP", "swiss francs": "CHF",
}  # fmt: skip

_CURRENCY_AFTER = re.compile(
    r"\s+("
    + "|".join(w.replace(" ", r"\s+") for w in sorted(_CURRENCY_WORDS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_UNIT_WORD = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_WORD_NUM = rf"(?:{'|'.join(_TENS)})-(?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10 and k != 'zero')})|{_UNIT_WORD}"
_MULT = r"hundred|thousand|million|billion|trillion|dozen"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_NUMBER = re.compile(
    rf"""
    (?P<vague>\b(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b|\b(?:dozens|scores|hundreds|thousands|millions|billions)\b)(?=\s+of\b)
    |(?P<cur>US\$|\$|€|£|\b(?:USD|EUR|GBP)\s?)?(?<![\w.,:/])(?P<num>{_DIGITS})
      (?:(?P<abbr>bn|mn|m|k|tn|b)\b|\s?(?P<scale>(?:hundred|thousand|million|billion|trillion)\b))?
      (?P<pct>\s?%|\s+percent\b|\s+per\s+cent\b)?
    |(?P<words>\b(?:(?:half\s+)?an?\s+(?:{_MULT})|(?:{_WORD_NUM}))(?:[\s-]+(?:and\s+)?(?:{_WORD_NUM}|{_MULT}))*\b)
      (?P<wpct>\s+percent\b|\s+per\s+cent\b)?
    """,
    re.X | re.I,
)
# Cues read right before the number (the text is lower-cased first).
_PREFIX = re.compile(
    r"(?P<cue>up\s+to|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of|at\s+most|no\s+more\s+than|not\s+more\s+than"
    r"|at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
    r"|more\s+than|over|upwards\s+of|in\s+excess\s+of|above|just\s+over|exceeding"
    r"|fewer\s+than|less\s+than|under|below"
    r"|nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|not\s+quite"
    r"|about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated|circa|~|between|from)\s+$"
)
_HEDGE_OF: dict[str, Hedge] = {
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "a maximum of": "up_to",
    "at most": "up_to", "no more than": "up_to", "not more than": "up_to",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "just over": "more_than",
    "exceeding": "more_than", "fewer than": "fewer_than", "less than": "fewer_than",
    "under": "fewer_than", "below": "fewer_than", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "just shy of": "nearly", "not quite": "nearly",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "~": "about",
}  # fmt: skip
_SUFFIX = re.compile(
    r"^(?:\s*(?P<cue>or\s+more|and\s+more|or\s+so|or\s+fewer|or\s+less)\b|(?P<plus>\+|-plus\b|\s+plus\b))",
    re.I,
)
_SUFFIX_HEDGE: dict[str, Hedge] = {
    "or more": "at_least",
    "and more": "at_least",
    "or so": "about",
    "or fewer": "up_to",
    "or less": "up_to",
}
# Words before a number that make it a label, not an amount.
_DESIGNATOR = re.compile(
    r"\b(?:chapter|article|resolution|res\.|section|paragraph|para\.|clause|title|no\.|number|nos?\."
    r"|phase|stage|route|highway|page|item|amendment|protocol|rule|unit|flight|room|level|category"
    r"|class|grade|season|episode|part|vol\.|volume|act|bill|model|version|gate|building|block|sector"
    r"|zone|district|camp|tier|step|point|figure|table|annex|appendix|line|platform|terminal|channel"
    r"|division|brigade|battalion|regiment|corps|fleet|army|squadron|precinct|ward|lot|exit|row|seat"
    r"|cell|box|apartment|suite|street|avenue|road|building)\s*$",
    re.I,
)
_TIME_AFTER = re.compile(
    r"^(?:[:.]\d\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|ET\b|EST\b|CET\b))", re.I
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_COMPOUND_AFTER = re.compile(r"^[-–](?P<word>[A-Za-z]+)(?:-old)?\b")
_FUNCTION_WORDS = {
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from",
    "is", "are", "was", "were", "has", "have", "had", "this", "that", "its", "their", "his",
    "her", "it", "as", "than", "per", "into", "since", "who", "which", "more", "less", "be",
    "been", "will", "would", "could", "should", "may", "might", "also", "already",
    "yes", "says", "said", "news", "plus", "times", "always", "perhaps", "across", "towards",
}  # fmt: skip
# Measure nouns known even in the singular or without a plural "s".
_KNOWN_MEASURES = {
    "people", "police", "personnel", "staff", "children", "men", "women", "percent", "troops",
    "aid", "equipment", "km", "kilometres", "kilometers", "miles", "tonnes", "tons", "kg",
}  # fmt: skip
_UNIT_PREFIXES = {"cubic", "square", "metric", "percentage", "nautical", "light"}
# A compound "20,000-strong force" counts the noun that follows, not "strong".
_COMPOUND_SKIP = {"strong", "odd", "plus"}
_COMPOUND_WORD_UNITS = {
    "year", "month", "week", "day", "hour", "minute", "point", "member", "mile", "kilometre", "kilometer", "metre", "meter", "man", "person",
    "seat", "page", "storey", "story", "floor", "bed", "strong", "percent",
}  # fmt: skip
_COUNT_OF = re.compile(
    r"\b(?:number|force|contingent|total|group|team|deployment|battalion|unit|delegation|mission|army)\s+of\s+"
    r"(?:[A-Za-z-]+\s+){0,2}?(?P<m>[a-z]+s)\b"
)


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    value: float
    measure: str | None
    hedge: Hedge
    low: float | None = None
    high: float | None = None
    compound: bool = False  # "193-member": the word after the hyphen is the measure
    vague: bool = False
    written: bool = False


def parse_number_words(words: str) -> float | None:
    """Value of an English number phrase: "two dozen" -> 24, "a thousand" -> 1000.

    Handles units, teens, tens ("forty-five"), "hundred", scale words, "dozen" and
    "half a"; returns ``None`` for anything else.
    """
    toks = [t for t in re.split(r"[\s-]+", words.lower().strip()) if t and t != "and"]
    if not toks:
        return None
    total = 0.0
    cur = 0.0
    half = False
    seen = False
    for i, t in enumerate(toks):
        if t == "half" and i + 1 < len(toks) and toks[i + 1] in ("a", "an"):
            half = True
        elif t in ("a", "an"):
            cur = max(cur, 1)
        elif t in _UNITS:
            cur += _UNITS[t]
            seen = True
        elif t in _TENS:
            cur += _TENS[t]
            seen = True
        elif t == "dozen":
            cur = max(cur, 1) * 12
            seen = True
        elif t == "hundred":
            cur = max(cur, 1) * 100
            seen = True
        elif t in _SCALES:
            total += max(cur, 1) * _SCALES[t]
            cur = 0
            seen = True
        else:
            return None
    value = total + cur
    if half:
        value /= 2
    return value if seen else None


def _plural(word: str) -> str:
    w = word.lower()
    if w in ("man", "woman"):
        return w[:-2] + "en"
    if w == "person":
        return "people"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "ch", "sh")) or w == "percent":
        return w
    return w + "s"


def _looks_like_measure(word: str) -> bool:
    w = word.lower()
    if w in _FUNCTION_WORDS or not w.isalpha():
        return False
    if w in _KNOWN_MEASURES:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def _measure_after(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after a number ("troops" in "20,000 more troops"), and its end."""
    pos = end
    for i, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z'-]*", text[end:limit])):
        gap = text[pos : end + m.start()]
        if i > 3 or re.search(r"[^\s-]", gap):
            break
        w = m.group(0)
        unit = re.match(r" ([a-z]+)\b", text[end + m.end() : limit])
        if w.lower() in _UNIT_PREFIXES and unit and _looks_like_measure(unit.group(1)):
            # "cubic metres", "percentage points"
            return f"{w.lower()} {unit.group(1)}", end + m.end() + unit.end()
        if _looks_like_measure(w):
            # a two-word measure: "police officers", "aid workers"
            nxt = re.match(r" ([a-z]+)\b", text[end + m.end() : limit])
            if (
                nxt
                and _looks_like_measure(nxt.group(1))
                and nxt.group(1) not in _KNOWN_MEASURES - {"troops", "people"}
            ):
                return f"{w.lower()} {nxt.group(1)}", end + m.end() + nxt.end()
            return w.lower(), end + m.end()
        if w.lower() in _FUNCTION_WORDS or (w[0].isupper() and i > 0):
            break
        pos = end + m.end()
    return None, end


def _find_numbers(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[_Num]:
    out: list[_Num] = []
    for m in _NUMBER.finditer(text, start, end):
        s, e = m.span()
        if any(s < qe and e > qs for qs, qe in skip):
            continue
        before = text[max(0, s - 40) : s]
        after = text[e : e + 30]
        if m.group("vague"):
            phrase = re.sub(r"\s+", " ", m.group("vague").lower())
            out.append(_Num(s, e, _VAGUE[phrase], None, "at_least", low=_VAGUE[phrase], vague=True))
            continue
        if m.group("num"):
            num_text = m.group("num")
            if (
                _DESIGNATOR.search(before)
                or re.search(r"[A-Za-z]-?$", before)
                or _TIME_AFTER.match(after)
            ):
                continue
            if _ORDINAL_AFTER.match(after) or (
                re.match(r"^[A-Za-z]", after) and not m.group("abbr")
            ):
                continue
            if re.match(r"^\d{4}s\b", text[m.start("num") : m.start("num") + 5]):
                continue
            if re.fullmatch(r"0\d+", num_text):
                continue  # "05": part of a code or a date, not an amount
            value = float(num_text.replace(",", ""))
            scale = 1.0
            if m.group("abbr"):
                if not m.group("cur") and m.group("abbr").lower() in ("m", "b"):
                    continue  # "5m" without a currency is as likely metres as millions
                scale = _ABBR_SCALES[m.group("abbr").lower()]
            elif m.group("scale"):
                scale = _SCALES[m.group("scale").lower()]
            measure: str | None = None
            if m.group("cur"):
                measure = _CURRENCY[m.group("cur").strip().lower()]
            elif m.group("pct"):
                measure = "percent"
            n = _Num(s, e, value * scale, measure, "exact")
            # a bare four-digit year-like number is a year unless it counts something
            if (
                not m.group("cur")
                and not m.group("pct")
                and scale == 1.0
                and re.fullmatch(r"1[89]\d\d|20\d\d", num_text)
            ):
                mw, _ = _measure_after(text, e, min(len(text), e + 40))
                if mw is None:
                    continue
            out.append(n)
            continue
        words = m.group("words")
        value_w = parse_number_words(words)
        if value_w is None or (value_w < 2 and not re.search(_MULT, words, re.I)):
            continue  # "one" is nearly always a pronoun or an article
        if (
            re.search(
                r"\b(?:the|these|those|both|all|its|their|our)\s+$",
                text[max(0, s - 12) : s].lower(),
            )
            and value_w < 13
        ):
            continue  # "the two leaders": a back-reference, not a count
        n = _Num(s, e, value_w, "percent" if m.group("wpct") else None, "exact", written=True)
        out.append(n)
    return out


def _apply_context(text: str, nums: list[_Num], sent_end: int) -> list[_Num]:
    """Merge ranges, read hedges, attach measures and compounds."""
    merged: list[_Num] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        if i + 1 < len(nums):
            nx = nums[i + 1]
            gap = text[n.end : nx.start]
            before = text[max(0, n.start - 12) : n.start].lower()
            is_between = re.search(r"\bbetween\s+$", before) and re.fullmatch(r"\s+and\s+", gap)
            is_dash = re.fullmatch(r"\s?[-–]\s?", gap) is not None
            is_to = re.fullmatch(r"\s+to\s+", gap) is not None and (
                re.search(r"\bfrom\s+$", before) is not None or n.measure == nx.measure
            )
            if (is_between or is_dash or is_to) and not n.vague and not nx.vague:
                low, high = n.value, nx.value
                # "5-8 thousand": the scale written once applies to both ends
                if high >= 1000 and low < 1000 and low < high / 100:
                    low *= _magnitude(high)
                if is_dash and low > high and not is_between:
                    i += 2  # "voted 7-2": a tally, not a range or two amounts
                    continue
                if low < high:
                    start = n.start
                    if is_between or re.search(r"\bfrom\s+$", before):
                        start = n.start - len(re.search(r"(?:between|from)\s+$", before).group(0))  # type: ignore[union-attr]
                    merged.append(
                        _Num(start, nx.end, low, nx.measure or n.measure, "range", low, high)
                    )
                    i += 2
                    continue
        merged.append(n)
        i += 1
    for n in merged:
        if n.hedge != "range":
            lowered = text[max(0, n.start - 30) : n.start].lower()
            pm = _PREFIX.search(lowered)
            if pm and pm.group("cue") not in ("between", "from"):
                cue = re.sub(r"\s+", " ", pm.group("cue"))
                after = text[n.end : n.end + 12].lower()
                # "over two years" is a span of time, not "more than two years"
                if not (
                    cue in ("over", "under")
                    and re.match(r"\s*(?:years?|months?|weeks?|days?|hours?|decades?)\b", after)
                ):
                    n.hedge = _HEDGE_OF[cue]
                    n.start -= len(pm.group(0))
        sm = _SUFFIX.match(text[n.end : n.end + 20])
        if sm and n.hedge in ("exact",):
            n.hedge = (
                "at_least"
                if sm.group("plus")
                else _SUFFIX_HEDGE[re.sub(r"\s+", " ", sm.group("cue").lower())]
            )
            n.end += sm.end()
        cm = _COMPOUND_AFTER.match(text[n.end : n.end + 30])
        if cm and n.measure is None and not n.vague:
            word = cm.group("word")
            if not n.written or word.lower() in _COMPOUND_WORD_UNITS:
                n.compound = True
                n.measure = None if word.lower() in _COMPOUND_SKIP else _plural(word)
                n.end += cm.end()
            else:
                n.value = -1  # "two-state": a name, not a count
                continue
        if n.measure is None:
            word_after = _CURRENCY_AFTER.match(text[n.end : n.end + 20])
            if word_after:
                n.measure = _CURRENCY_WORDS[re.sub(r"\s+", " ", word_after.group(1).lower())]
                n.end += word_after.end()
            elif not n.compound:
                if n.vague:
                    of = re.match(r"\s+of", text[n.end :])
                    mw, me = _measure_after(text, n.end + (of.end() if of else 0), sent_end)
                else:
                    mw, me = _measure_after(text, n.end, sent_end)
                if mw:
                    n.measure, n.end = mw, me
    return [n for n in merged if n.value != -1]


def _magnitude(x: float) -> float:
    for s in (1e12, 1e9, 1e6, 1e3):
        if x >= s:
            return s
    return 1.0


def _values(n: _Num) -> tuple[float | None, float | None, float | None]:
    v = n.value
    return {
        "exact": (v, v, v),
        "up_to": (v, None, v),
        "at_least": (v, v, None),
        "about": (v, None, None),
        "nearly": (v, None, v),
        "more_than": (v, v, None),
        "fewer_than": (v, None, v),
        "range": (None, n.low, n.high),
    }[n.hedge]


def _compound_measure(tok: Token) -> str | None:
    """ "3,000 job cuts": the counted noun with its noun modifiers, from the parse."""
    head = tok.head
    if tok.dep_ not in ("nummod", "quantmod", "compound") or head.pos_ != "NOUN" or head.i <= tok.i:
        return None
    mods = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > tok.i]
    if not mods:
        return None
    return " ".join(t.lower_ for t in [*mods, head])


def _subject_with_doc(
    doc: Doc, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str | None, str | None, str | None]:
    """(subject, subject_entity, measure fallback) from the dependency parse.

    ``text`` is the article text the doc was parsed from (``doc.text`` is the same string,
    but spaCy rebuilds it from every token on each access).
    """
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None, None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    tok = nums[-1] if nums else span.root
    measure = _compound_measure(tok)
    subj: Token | None
    if n.compound:
        # "the 193-member Assembly": the quantity describes the noun it modifies
        head = tok
        for _ in range(4):
            if head.dep_ not in ("compound", "amod", "nummod", "npadvmod", "quantmod", "punct"):
                break
            if head.head.i <= head.i:
                break
            head = head.head
        subj = head if head is not tok else None
    else:
        subj = subject_of(tok, exclude=(span.start, span.end - 1))
        if subj is not None and n.start <= subj.idx < n.end:
            subj = None  # the counted noun is itself the subject
        if subj is not None and subj.lower_ in REFERRING_PRONOUNS:
            subj = speech_subject(subj.head) if subj.lower_ in ("it", "they") else None
    if subj is not None:
        # "a force of 3,000 troops could number up to 60,000": the measure is in the subject
        for child in subj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.tag_ in ("NNS", "NNPS") and measure is None:
                        measure = pobj.lower_
        s0, s1 = np_span(subj)
        if n.compound and s0 < n.end <= s1:
            s0 = n.end + len(text[n.end : s1]) - len(text[n.end : s1].lstrip())
        ent = entity_at(entities, s0, s1)
        if ent is not None:
            ent = resolve_entity(entities, ent)
            return ent.name, ent.id, measure
        return text[s0:s1], None, measure
    return None, None, measure


def _subject_by_position(
    ctx: ArticleContext, n: _Num, sent: tuple[int, int]
) -> tuple[str | None, str | None]:
    """Without a parse: the last entity named before the number in its sentence."""
    found = ctx.mentions_in(sent[0], n.start)
    if not found:
        return None, None
    ent = resolve_entity(ctx.entities, found[-1][2])
    return ent.name, ent.id


def extract_quantities(
    article: Article,
    doc: Doc | None,
    entities: Sequence[Entity],
    ctx: ArticleContext | None = None,
) -> list[Quantity]:
    """Find the quantities of ``article`` with hedge, measure and subject.

    Args:
        article: the cleaned article.
        doc: its spaCy parse, used to find the subject and the counted noun; ``None``
            falls back to position rules (the last entity named before the number).
        entities: the article's entities, for ``subject_entity``.
        ctx: the article's shared context (built here when ``None``).

    Returns:
        Quantities in text order; ``text`` is the cited span (hedge, number and measure).
    """
    ctx = ctx or ArticleContext(article, doc, entities)
    text = article.text
    sents = ctx.sentences
    dates = [(s, e) for s, e, _ in find_date_spans(text)]  # sorted, non-overlapping
    date_starts = [s for s, _ in dates]
    date_ends = [e for _, e in dates]
    out: list[Quantity] = []
    for s0, s1 in sents.spans:
        ctx.deadline.check()
        # only the dates that overlap this sentence (all of them per number was quadratic)
        near = dates[bisect.bisect_right(date_ends, s0) : bisect.bisect_left(date_starts, s1)]
        nums = _apply_context(text, _find_numbers(text, s0, s1, near), s1)
        prev_measure: str | None = None
        for n in nums:
            subject: str | None = None
            subject_entity: str | None = None
            measure = n.measure
            fallback_measure: str | None = None
            if doc is not None:
                subject, subject_entity, fallback_measure = _subject_with_doc(
                    doc, text, n, entities
                )
            else:
                subject, subject_entity = _subject_by_position(ctx, n, (s0, s1))
            if fallback_measure and (measure is None or fallback_measure.endswith(" " + measure)):
                measure = fallback_measure
            if measure is None:
                # bounded look-back: a scan from the sentence start per number is quadratic
                counts = list(_COUNT_OF.finditer(text, max(s0, n.start - 300), n.start))
                if counts:  # "a number of American troops — up to two dozen"
                    measure = counts[-1].group("m").lower()
            if (
                measure is None
                and prev_measure
                and not n.compound
                and prev_measure not in _UNIT_MEASURES
                and not re.match(r"\s+of\b", text[n.end : n.end + 4])
            ):
                # "30 people were killed and more than 200 injured": the count carries over
                # (not a unit: "4.75% … two of the nine members" is no percentage)
                measure = prev_measure
            prev_measure = measure if not n.compound else prev_measure
            value, low, high = _values(n)
            start, end = n.start, n.end
            while end > start and text[end - 1] in " ,;:":
                end -= 1
            out.append(
                Quantity(
                    subject=subject,
                    measure=measure,
                    value=value,
                    low=low,
                    high=high,
                    hedge=n.hedge,
                    text=text[start:end],
                    cite=Cite(article.id, start, end),
                    subject_entity=subject_entity,
                )
            )
    return out

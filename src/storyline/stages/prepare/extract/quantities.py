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

from storyline.lang import (
    ATTACHED_UNITS,
    DURATION_UNITS,
    FRAME_COUNT_NOUNS,
    LENGTH_UNITS,
    MONTHS,
    QUANTITY_FRAMES,
    QUANTITY_NOUNS,
    RECORD_WORDS,
    REFERRING_PRONOUNS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    STREET_WORDS,
    VAGUE_AMOUNTS,
    WEEKDAYS,
    alternation,
)
from storyline.lang.claims import (
    BARE_COUNT_FOLLOWERS,
    BARE_COUNT_PARTICIPLES,
    BARE_COUNT_VERBS,
    MEASURED_NOUNS,
    MOTION_IRREGULAR,
    MOTION_NOUNS,
    SPEED_UNITS,
)
from storyline.lang.en import (
    IMPLIED_COUNT_ORDINALS,
    IMPLIED_COUNT_PERSON_ENDINGS,
    IMPLIED_COUNT_PERSONS,
    IMPLIED_COUNT_PREDICATES,
    PERSON_ROLE_NOUNS,
    QUANTITY_CROWD_NOUNS,
    QUANTITY_DIMENSIONS,
)
from storyline.lang.frames import (
    AGE_BECOMING_AFTER,
    AGE_BECOMING_VERBS,
    AGE_SHARED_WORDS,
    AGE_STATE_VERBS,
    AGED_NOUN_STOPS,
    AMOUNT_MEASURES,
    AMOUNT_TIME_WORDS,
    COMPOUND_SKIP_WORDS,
    COMPOUND_WORD_UNITS,
    COUNT_FUNCTION_WORDS,
    COUNT_GROUP_NOUNS,
    COUNT_RELATIVE_PRONOUNS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIRECTION_WORDS,
    DISTANCE_AFTER_WORDS,
    DISTANCE_FROM_PREPOSITIONS,
    EVENT_FRAMES,
    EVENT_PLACE_PREPOSITIONS,
    IMPLIED_CLAUSE_OPENERS,
    IMPLIED_NOT_NOUNS,
    IMPLIED_UNSAID_WORDS,
    KNOWN_MEASURE_NOUNS,
    LEVEL_VERBS,
    MEASURE_STOPS,
    NOT_COUNTED_WORDS,
    NUMBER_SCALES,
    NUMBER_TENS,
    NUMBER_UNITS,
    OWNER_PREPOSITIONS,
    PEOPLE_COUNT_FRAMES,
    PLACE_PREPOSITIONS,
    SCALE_ABBREVIATIONS,
    SUBJECT_FRAMES,
    UNBINDING_PREPOSITIONS,
    UNBINDING_WORDS,
    UNIT_MEASURES,
    UNIT_PREFIXES,
    UNIT_WORDS,
)
from storyline.models import Article, Cite, Entity, Hedge, Quantity
from storyline.stages.prepare.extract._clauses import (
    entity_at,
    np_span,
    resolve_entity,
    subject_of,
)
from storyline.stages.prepare.extract.context import DATELINE, ArticleContext
from storyline.stages.prepare.extract.coref import for_context
from storyline.stages.prepare.extract.dates import find_date_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_quantities", "parse_number_words"]


_CURRENCY_AFTER = re.compile(
    r"\s+("
    + "|".join(w.replace(" ", r"\s+") for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_UNIT_WORD = "|".join(sorted(list(NUMBER_UNITS) + list(NUMBER_TENS), key=len, reverse=True))
_WORD_NUM = rf"(?:{'|'.join(NUMBER_TENS)})-(?:{'|'.join(k for k in NUMBER_UNITS if NUMBER_UNITS[k] < 10 and k != 'zero')})|{_UNIT_WORD}"
_MULT = r"hundred|thousand|million|billion|trillion|dozen"
# "120, 000": a thousands separator followed by a space, as some scrapes and tokenised
# corpora write it (a date's "May 5, 300" is a date span, skipped before this runs)
# (and "27. 5 million", "0. 41 percent", "6. 1-magnitude": a decimal point spaced like a full
# stop, read as one only before a scale word, a percent sign or a hyphened word)
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:,\s\d{3})+(?!\d|[.,]\d)"
    r"|\d{1,4}\.\s\d{1,3}(?=\s?(?:hundred|thousand|million|billion|trillion|bn|mn|%|percent"
    r"|per\s+cent)\b|\s?%|-[A-Za-z])"
    r"|\d+(?:\.\d+)?"
)

_NUMBER = re.compile(
    rf"""
    (?P<vague>\b(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b|\b(?:dozens|hundreds|thousands|millions|billions)\b|\bscores\b(?=\s+of\b))
    |(?P<fuzzy>\b(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)\b)
    |(?P<cur>US\$|\$|€|£|\b(?:USD|EUR|GBP)\s?)?(?<![\w.,:/])(?P<num>{_DIGITS})
      (?:(?P<abbr>bn|mn|m|k|tn|b)\b|\s(?P<abbr_sp>bn|mn|tn)\b|\s(?P<abbr_b>b\.)(?=\s?(?:euros?|dollars?|pounds?)\b)
        |\s?(?P<scale>(?:hundred|thousand|million|billion|trillion)\b))?
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
# (a 24-hour "1353" is a time before "local time" or the same moment in brackets: "struck at
# 1353 (1023 GMT)")
_TIME_AFTER = re.compile(
    r"^(?:[:.]\d\d|\s*(?:[ap]\.\s?m\.|am\b|pm\b|o'clock|GMT|UTC|ET\b|EST\b|CET\b|local\s+time\b"
    r"|\(\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC)\b))",
    re.I,
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_COMPOUND_AFTER = re.compile(r"^[-–](?P<word>[A-Za-z]+)(?:[-\s]old\b)?\b")
_YEARS_OLD = re.compile(r"^\s+years?\s+old\b", re.I)
_AGED = re.compile(r"\b(?:aged|age|at\s+the\s+age\s+of)\s+$", re.I)
# An age in brackets or before a home town, after a name: "Ames (34) was held", "Ames, 34 of
# Leeds, was held" (an age only when the parse or the rules find the person it is given for)
_NAME_PAREN_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s*\($")
_PAREN_AFTER = re.compile(r"^\)")
_NAME_COMMA_AGE_BEFORE = re.compile(r"[A-Z][\w'’.-]*,\s$")
_HOME_AFTER = re.compile(r"^\s+(?:of|from)\s+[A-Z]")
# "Ames turns 29 on April 11", "Ames will be 29 in April." (lang.frames.AGE_BECOMING_VERBS)
_BECOMING_BEFORE = re.compile(rf"\b(?:{alternation(AGE_BECOMING_VERBS)})\s+$", re.I)
# "He was 95.", "Felt was 95.", "who is 18 and": a person's state (the subject checked after)
_STATE_BEFORE = re.compile(
    rf"(?:\b(?P<pron>[Hh]e|[Ss]he)|\b[A-Z][\w'’-]+|\bwho)\s+(?:{alternation(AGE_STATE_VERBS)})\s+$"
)
_BECOMING_AFTER = re.compile(
    rf"^(?:\s*(?:[.,;:)]|$)|\s+(?:{alternation(AGE_BECOMING_AFTER)})\b)", re.I
)
_COUNT_OF = re.compile(
    rf"\b(?:{'|'.join(COUNT_GROUP_NOUNS)})\s+of\s+"
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
    age: bool = False  # "36-year-old", "aged 36", "36 years old"
    # "turns 29", "will be 29", "Ames (34)", "Ames, 34 of Leeds": an age only when a person
    # is its subject
    becoming: bool = False


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
        elif t in NUMBER_UNITS:
            cur += NUMBER_UNITS[t]
            seen = True
        elif t in NUMBER_TENS:
            cur += NUMBER_TENS[t]
            seen = True
        elif t == "dozen":
            cur = max(cur, 1) * 12
            seen = True
        elif t == "hundred":
            cur = max(cur, 1) * 100
            seen = True
        elif t in NUMBER_SCALES:
            total += max(cur, 1) * NUMBER_SCALES[t]
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
    if w in COUNT_FUNCTION_WORDS or not (
        w.isalpha() or re.fullmatch(r"[a-z]+-\d+s", w) or re.fullmatch(r"[a-z]+(?:-[a-z]+)+", w)
    ):
        return False  # "AK-47s" and "co-workers" are counted nouns, "F-16" a name
    if w in KNOWN_MEASURE_NOUNS or w in LENGTH_UNITS:
        return True  # "20 feet": a unit with no plural "s"
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def _measure_after(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after a number ("troops" in "20,000 more troops"), and its end."""
    pos = end
    prev_upper = False
    for i, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z'-]*(?:\d+s\b)?", text[end:limit])):
        gap = text[pos : end + m.start()]
        if i > 3 or re.search(r"[^\s-]", gap):
            break
        w = m.group(0)
        if w.lower() in MEASURE_STOPS or "\n" in gap:
            break  # "3 dead after protesters torch a bank" counts no protesters
        unit = re.match(r" ([a-z]+)\b", text[end + m.end() : limit])
        if w.lower() in UNIT_PREFIXES and unit and _looks_like_measure(unit.group(1)):
            # "cubic metres", "percentage points"
            return f"{w.lower()} {unit.group(1)}", end + m.end() + unit.end()
        if i > 0 and w[0].isupper() and w[1:].islower() and prev_upper:
            break  # "two Grant Gibbs free throws": a name, not what is counted
        if _looks_like_measure(w):
            # a two-word measure: "police officers", "aid workers"
            nxt = re.match(r" ([a-z]+)\b", text[end + m.end() : limit])
            if (
                nxt
                and _looks_like_measure(nxt.group(1))
                and nxt.group(1) not in KNOWN_MEASURE_NOUNS - {"troops", "people"}
            ):
                return f"{w.lower()} {nxt.group(1)}", end + m.end() + nxt.end()
            return w.lower(), end + m.end()
        if w.lower() in COUNT_FUNCTION_WORDS or (w[0].isupper() and i > 0):
            break
        prev_upper = w[0].isupper()
        pos = end + m.end()
    return None, end


# Numbers that are not amounts, found before the numbers themselves: clock times ("10:55
# P.M.", "8: 13am", "3 p.m."), phone numbers, year ranges ("1978-89"), sports records and
# scores ("a 9-14 record", "won 3-1"), street addresses and model codes ("AK 47").
_NOT_AMOUNTS = re.compile(
    r"(?i:\b\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?(?:\s*(?:[ap]\.?\s?m\b\.?|o'clock))?)"
    r"|(?i:\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.\s?m\.|[ap]m\b|o'clock))"
    r"|\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b"
    r"|\b\d{3}-\d{4}\b(?!\s?[-–]?\s?(?i:thousand|million|billion))"  # a local phone number
    r"|\b0\d{3,4}\s\d{3}\s?\d{3,4}\b"  # a phone number with a trunk prefix: "0845 125 2222"
    r"|\b(?:1[89]|20)\d\d\s?[-–/]\s?(?:\d{4}|\d\d)\b"
    rf"|\b\d{{1,3}}\s?[-–]\s?\d{{1,3}}(?=\s+(?i:{alternation(RECORD_WORDS)})\b)"
    r"|(?i:\b(?:went|won|lost|drew|finished|beat\s+\w+|record\s+of|record\s+to|scored?|led)\s+)"
    r"\d{1,3}\s?[-–]\s?\d{1,3}\b"
    rf"|\b\d{{1,5}}(?:\s+[A-Z][a-z]+){{1,3}}\s+(?i:{alternation(STREET_WORDS)})\b"
    r"|\b[A-Z]{2,4}[\s-]\d{1,4}\b(?![,.]\d)"
)
_MONTH_OR_DAY = re.compile(
    rf"\b(?i:{alternation([*MONTHS, *WEEKDAYS])})\b|\b(?:1[89]|20)\d\d\b|/|'\d\d\b"
)
_CLOCK = re.compile(r"(?i)\d\s?:\s?\d|[ap]\.?\s?m\b|o'clock|noon|midnight")
# A capitalised word right before a number, inside a sentence, makes it a name or a model:
# "Boeing 737", "Apollo 11", "Windows 10" (not a hedge or a sentence's first word).
_NAME_BEFORE = re.compile(
    r"[a-z,;]\s+(?!(?:About|Around|Some|Nearly|Almost|Over|Under|Only|Just|All|The|Another)\s)"
    r"[A-Z][a-z]+\s$"
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]$", re.I)
_MAGNITUDE_AFTER = re.compile(r"^(?:[\s-]magnitude\b|\s+on\s+the\s+richter\b)", re.I)
# a magnitude's decimal point spaced like a full stop: "a magnitude of 5. 9.", "registering
# 6. 7 on the Richter scale", "The 5. 9-magnitude quake"
_SPACED_FRACTION = re.compile(r"\.\s(\d{1,2})\b(?![.,]?\d)")
_MAGNITUDE_CUE_BEFORE = re.compile(
    r"\b(?:magnitude(?:\s+(?:of|at))?|measuring|registering)[\s-]$", re.I
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_DECADE_AFTER = re.compile(
    r"[\s-]+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I
)
_HEDGE_BEFORE = re.compile(
    r"(?i)\b(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|up\s+to|roughly"
    r"|approximately|fewer\s+than|less\s+than|than)\s+$"
)


def _digits_value(num_text: str) -> float:
    """ "120, 000" -> 120000; "27. 5" -> 27.5 (separators spaced as tokenised text writes them)."""
    return float(re.sub(r",\s?|(?<=\.)\s", "", num_text))


def _find_numbers(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[_Num]:
    skip = [*skip, *(m.span() for m in _NOT_AMOUNTS.finditer(text, start, end))]
    out: list[_Num] = []
    for m in _NUMBER.finditer(text, start, end):
        s, e = m.span()
        if any(s < qe and e > qs for qs, qe in skip):
            continue
        before = text[max(0, s - 40) : s]
        after = text[e : e + 30]
        if m.group("vague") or m.group("fuzzy"):
            phrase = re.sub(r"\s+", " ", m.group(0).lower())
            if m.group("fuzzy"):  # "several hundred": two to nine of the unit
                unit = parse_number_words("a " + phrase.split()[-1]) or 1.0
                low, high = unit * (3 if phrase.startswith("several") else 2), unit * 10 - 1
            else:
                low, high = VAGUE_AMOUNTS[phrase]
            out.append(_Num(s, e, low, None, "vague", low=low, high=high, vague=True))
            continue
        if m.group("num"):
            num_text = m.group("num")
            whole = _magnitude_fraction(text, s, e) if re.fullmatch(r"\d", num_text) else None
            if whole is not None and whole <= end and not (m.group("scale") or m.group("pct")):
                # "magnitude of 5. 9": one number, not "5" and "9"
                out.append(_Num(s, whole, _digits_value(text[s:whole]), "magnitude", "exact"))
                skip.append((s, whole))
                continue
            if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(after):
                # "a magnitude-5.2 quake", "6.1 on the Richter scale": a magnitude
                out.append(_Num(s, e, _digits_value(num_text), "magnitude", "exact"))
                continue
            if (
                _DESIGNATOR.search(before)
                or re.search(r"[A-Za-z]-?$", before)
                or _TIME_AFTER.match(after)
                or _NAME_BEFORE.search(before)
            ):
                continue
            # "110bn", "110 bn", and "110 b. Euro" (a spaced "b." only before a currency word)
            abbr = m.group("abbr") or m.group("abbr_sp") or (m.group("abbr_b") or "").rstrip(".")
            unit_m = re.match(r"([A-Za-z]+)\b", after) if not abbr else None
            attached = ATTACHED_UNITS.get(unit_m.group(1).lower()) if unit_m else None
            if _ORDINAL_AFTER.match(after) or (unit_m and attached is None):
                continue  # "1st", "G7s", "3D"
            if re.match(r"^\d{4}s\b", text[m.start("num") : m.start("num") + 5]):
                continue
            if re.fullmatch(r"0\d+", num_text):
                continue  # "05": part of a code or a date, not an amount
            value = _digits_value(num_text)
            scale = 1.0
            if abbr:
                if not m.group("cur") and not m.group("abbr_b") and abbr.lower() in ("m", "b"):
                    # "5m" without a currency: millions before a plural noun ("5m people"),
                    # else metres ("fell 60m"); "5b" is neither
                    if abbr.lower() == "b" or m.group("pct"):
                        continue
                    mw, _ = _measure_after(text, e, min(len(text), e + 40))
                    if mw is None:
                        out.append(_Num(s, e, _digits_value(num_text), "metres", "exact"))
                        continue
                scale = SCALE_ABBREVIATIONS[abbr.lower()]
            elif m.group("scale"):
                scale = NUMBER_SCALES[m.group("scale").lower()]
            measure: str | None = None
            if m.group("cur"):
                measure = CURRENCY_SYMBOLS[m.group("cur").strip().lower()]
            elif m.group("pct"):
                measure = "percent"
            n = _Num(s, e, value * scale, measure, "exact")
            if attached and unit_m:  # "2,000ft"
                n.measure, n.end = attached, e + unit_m.end()
            # a four-digit year-like number is a year ("the 2015 accord", "in 2003") unless
            # a hedge makes it a count ("about 1900 people"): counts of thousands are
            # written with a separator
            elif (
                not m.group("cur")
                and not m.group("pct")
                and scale == 1.0
                and _YEAR.fullmatch(num_text)
                and not _HEDGE_BEFORE.search(before)
            ):
                continue
            out.append(n)
            continue
        words = m.group("words")
        if _DECADE_AFTER.match(text, e):
            continue  # "the nineteen seventies": a decade, not an amount
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
        if n.hedge not in ("range", "vague"):
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
            if not n.written or word.lower() in COMPOUND_WORD_UNITS:
                n.compound = True
                n.measure = None if word.lower() in COMPOUND_SKIP_WORDS else _plural(word)
                n.end += cm.end()
                if cm.group(0).endswith("old") and word.lower() in (
                    "year",
                    "years",
                    "month",
                    "months",
                ):  # "34-year-old", "34-years-old"
                    n.age, n.measure = True, "age"
            else:
                n.value = -1  # "two-state": a name, not a count
                continue
        if n.measure is None and not n.vague and not n.compound:
            old = _YEARS_OLD.match(text[n.end : n.end + 20])
            aged = _AGED.search(text[max(0, n.start - 20) : n.start])
            n.becoming = not old and not aged and _becoming(text, n)
            if old or aged or n.becoming:
                n.age, n.measure = True, "age"
                n.end += old.end() if old else 0
        if n.measure is None:
            word_after = _CURRENCY_AFTER.match(text[n.end : n.end + 20])
            if word_after:
                n.measure = CURRENCY_WORDS[re.sub(r"\s+", " ", word_after.group(1).lower())]
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


def _becoming(text: str, n: _Num) -> bool:
    """A bare whole number a person turns or will be ("Ames turns 29 on April 11", "will be
    29 in April."): an age, when its clause ends there or goes on with a time; a number in
    brackets right after a name ("Ames (34)") or before a home town ("Ames, 34 of Leeds")."""
    if n.hedge != "exact" or not float(n.value).is_integer() or not 1 <= n.value <= 115:
        return False
    before, after = text[max(0, n.start - 24) : n.start], text[n.end : n.end + 12]
    return bool(
        (
            (_BECOMING_BEFORE.search(before) or _STATE_BEFORE.search(before))
            and _BECOMING_AFTER.match(after)
        )
        or (_NAME_PAREN_BEFORE.search(before) and _PAREN_AFTER.match(after))
        or (_NAME_COMMA_AGE_BEFORE.search(before) and _HOME_AFTER.match(after))
    )


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
        "vague": (None, n.low, n.high),
    }[n.hedge]


_NAME_ENTS = {"PRODUCT", "ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC"}
_NUM_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "advmod", "dep"}
_COMPOUND_DEPS = {"compound", "amod", "nummod", "npadvmod", "quantmod", "punct", "nmod"}
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_SPEECH_FORMS = frozenset(f for forms in SPEECH_VERBS.values() for f in forms)
# Words between a name and a number that unbind them (another clause or phrase begins)
_PREP_BEFORE = re.compile(
    rf"\b(?:{'|'.join(UNBINDING_PREPOSITIONS)})\s+"
    r"(?:the\s+)?$",
    re.I,
)
# "30 people were killed and more than 200 injured": a number with no noun, followed by a
# verb or the clause's end, counts what the number before it counted
_CARRY_AFTER = re.compile(
    r"\s*(?:[,.;)]|$|(?:and|were|was|are|have|had|more|others?)\b|[a-z]+ed\b)"
)
_DISTANCE_AFTER = re.compile(
    rf"^\s*(?:\([^)]{{0,30}}\)\s*)?(?:{'|'.join(DISTANCE_AFTER_WORDS)})\b",
    re.I,
)
_SPEED_AFTER = re.compile(r"^\s*(?:an|per|a)\s+hour\b", re.I)
_AGE_COMMAS = re.compile(r"^\s*(?:,|\)|\s+(?:and|was|is|who|had|has|died)\b)")
# the comma before an appositive age, or a shared one: "Roe, 51," / "Roe and Poe, both 51,"
_AGE_BEFORE = re.compile(rf",\s(?:(?:{alternation(AGE_SHARED_WORDS)})\s+)?$")


@dataclass(slots=True)
class _Reading:
    """What the clause says about one number: whose it is, what it counts, its frame."""

    subject: str | None = None
    subject_entity: str | None = None
    measure: str | None = None  # the counted noun from the parse (a fallback)
    frame: str | None = None
    drop: bool = False  # a date, a time, a name or a code: not an amount
    by_agent: bool = False  # the subject is the clause's agent, not a possessor or "of X"


def _frame_of(word: str) -> str | None:
    """The frame of a word form, with or without a lemma: "killing" -> "killed"."""
    w = word.lower()
    if w in QUANTITY_FRAMES:
        return QUANTITY_FRAMES[w]
    cands: list[str] = []
    if w.endswith("ing"):
        cands = [w[:-3], w[:-3] + "e"]
    elif w.endswith("ied"):
        cands = [w[:-3] + "y"]
    elif w.endswith("ed"):
        cands = [w[:-2], w[:-1]]
    elif w.endswith("ies"):
        cands = [w[:-3] + "y"]
    elif w.endswith("s"):
        cands = [w[:-1]]
    for cand in cands:
        if len(cand) > 2 and cand in QUANTITY_FRAMES:
            return QUANTITY_FRAMES[cand]
    return None


def _text_frame(n: _Num, text: str) -> str | None:
    """Frames the words around a number give without a parse: age, distance, speed."""
    after = text[n.end : n.end + 40]
    if n.age:
        return "age"
    if n.measure == "magnitude":
        return "magnitude"
    if n.measure in ("mph", "km/h") or _SPEED_AFTER.match(after):
        return "speed"
    if n.measure in LENGTH_UNITS and _DISTANCE_AFTER.match(after):
        return "distance"
    return None


def _ent_text(tok: Token) -> str:
    doc = tok.doc
    i, j = tok.i, tok.i + 1
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return doc[i:j].text


def _not_an_amount(tok: Token) -> bool:
    """spaCy's entity label says this number is a date, a clock time or part of a name."""
    ent = tok.ent_type_
    if not ent:
        return False
    if ent == "ORDINAL":
        return True
    if ent == "DATE":
        words = _ent_text(tok)
        return bool(_MONTH_OR_DAY.search(words))
    if ent == "TIME":
        return bool(_CLOCK.search(_ent_text(tok)))
    if ent in _NAME_ENTS:
        # "Boeing 737", "G7": a number inside a name; "Brigade 3,000 troops" does not occur
        return bool(re.search(r"[A-Za-z]", _ent_text(tok)))
    return False


def _np(
    tok: Token, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str | None, str | None]:
    """The noun phrase of ``tok`` as a subject: the entity it names when it names one.

    Not a subject: a pronoun, a date or time, a number, or a phrase inside the quantity.
    """
    tok = _antecedent(tok)
    if tok.lower_ in REFERRING_PRONOUNS or tok.pos_ == "PRON" or tok.ent_type_ in ("DATE", "TIME"):
        return None, None
    if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in VAGUE_AMOUNTS:
        return None, None
    if tok.lemma_.lower() in QUANTITY_NOUNS:
        return None, None  # "a small number of troops, up to two dozen": no owner
    dateline = DATELINE.match(text, text.rfind("\n", 0, tok.idx) + 1)
    if dateline and tok.idx < dateline.end():
        return None, None  # "VELMAR, May 3 (AP) — ... seized nine rifles": no Velmar's rifles
    s0, s1 = np_span(tok)
    if s0 < n.end and s1 > n.start:
        if not (n.compound and s0 < n.end <= s1):
            return None, None
        s0 = n.end + len(text[n.end : s1]) - len(text[n.end : s1].lstrip())
    cut = text.rfind("\n", s0, s1)
    if cut >= 0:  # a phrase never runs across a line break (a dateline above the sentence)
        s0 = cut + 1
    while s0 < s1 and text[s0] in " ,;:-–(":
        s0 += 1  # "a 6-foot, 200-pound man": the phrase after the first compound's comma
    if s1 <= s0 or not re.search(r"[A-Za-z]", text[s0:s1]):
        return None, None
    # the entity the head names, not a modifier's: "an Australian climber" is no Australia
    ent = entity_at(entities, tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        ent = resolve_entity(entities, ent)
        return ent.name, ent.id
    return text[s0:s1], None


def _is_unit(tok: Token) -> bool:
    return tok.lower_ in UNIT_WORDS or tok.lower_ in LENGTH_UNITS or tok.pos_ == "SYM"


def _counted(tok: Token, lo: int, hi: int) -> tuple[Token, Token | None]:
    """(top token of the number phrase, the noun it counts or measures) from the parse.

    "seven AK-47s" -> AK-47s; "25% tariffs" -> tariffs (the "%" is a unit, the thing is the
    tariffs); "dozens of people" and "30 of the 80 wounded" -> the object of "of".
    """
    cur = tok
    cnt: Token | None = None
    for _ in range(5):
        h = cur.head
        if cur.dep_ not in _NUM_DEPS or h.i <= cur.i:
            break
        inside = lo <= h.i < hi
        if h.pos_ in ("NOUN", "PROPN") or h.lower_ in FRAME_COUNT_NOUNS:
            cnt = h
            cur = h
            if not _is_unit(h):
                break
        elif inside or h.like_num or h.pos_ in ("NUM", "SYM"):
            cur = h
        else:
            break
    if cnt is None or _is_unit(cnt):
        for child in cur.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PRON":
                        return cur, None  # "killing two of them": the clause counts them
                    if pobj.dep_ == "pobj" and not pobj.like_num:
                        return cur, pobj
                    if pobj.dep_ == "pobj":  # "30 of the 80 wounded": the wounded
                        frame_word = _frame_word(pobj)
                        if frame_word is not None:
                            return cur, frame_word
    if cnt is None:
        cnt = _frame_word(cur)  # "the 80 wounded"
    return cur, cnt


def _frame_word(num: Token) -> Token | None:
    """A frame word a bare number carries ("80 wounded", "12 dead") as its clause."""
    for child in num.children:
        if child.dep_ in ("acl", "amod", "relcl") and child.lower_ in FRAME_COUNT_NOUNS:
            return child
    return None


def _governor(head: Token) -> tuple[Token | None, str | None]:
    """The word whose argument the number phrase is, and the preposition between them."""
    a = head
    for _ in range(3):
        if a.dep_ in ("conj", "appos") and a.head.i < a.i and a.head.pos_ in ("NOUN", "NUM"):
            a = a.head
        else:
            break
    if a.dep_ == "pobj" and a.head.dep_ in ("prep", "agent", "dative"):
        return a.head.head, a.head.lower_
    if a.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "npadvmod", "dative", "conj"):
        return a.head, None
    return None, None


def _noun_frame(tok: Token) -> str | None:
    """ "death toll", "number of dead", "magnitude": the frame a measured noun names."""
    for t in (*[c for c in tok.children if c.dep_ in ("compound", "amod")], tok):
        f = QUANTITY_FRAMES.get(t.lemma_.lower()) or QUANTITY_FRAMES.get(t.lower_)
        if f and (f != "population" or t.i == tok.i):
            return f
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.lower_ in FRAME_COUNT_NOUNS:
                    return QUANTITY_FRAMES.get(pobj.lemma_.lower()) or QUANTITY_FRAMES.get(
                        pobj.lower_
                    )
    return None


def _owner(
    head: Token, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str | None, str | None]:
    """Whose the quantity is: a possessor, or an "of/in/on/from X" after the counted noun."""
    for child in head.children:
        if child.dep_ == "poss":
            subj = _np(child, text, n, entities)
            if subj[0]:
                return subj
    frontier = [head]
    for c in head.children:
        if c.dep_ in ("advmod", "amod") and c.i > head.i:
            frontier.append(c)  # "35 miles southwest of X"
    for t in frontier:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS and child.i > head.i:
                for pobj in child.children:
                    if (
                        pobj.dep_ == "pobj"
                        and not pobj.like_num
                        and pobj.ent_type_
                        not in (
                            "DATE",
                            "TIME",
                        )
                    ):
                        subj = _np(pobj, text, n, entities)
                        # "in/at/from" name a place or a source: only a named one
                        if subj[0] and (subj[1] or child.lower_ not in PLACE_PREPOSITIONS):
                            return subj
    return None, None


def _read_with_doc(
    doc: Doc, text: str, n: _Num, entities: Sequence[Entity], bounds: tuple[int, int]
) -> _Reading:
    """Subject, counted noun and frame of one number from the dependency parse.

    ``text`` is the article text the doc was parsed from (``doc.text`` is the same string,
    but spaCy rebuilds it from every token on each access).
    """
    r = _Reading()
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    if span is None or not len(span):
        return r
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    # "380, 600" (a separator and a space) parses as a number and an apposition: the part
    # the clause governs is the one whose head lies outside the span and is no apposition
    outer = [
        t
        for t in nums
        if not span.start <= t.head.i < span.end and t.dep_ not in ("appos", "conj", "punct")
    ]
    tok = outer[-1] if outer else nums[-1] if nums else span.root
    if not n.compound and not n.vague and _not_an_amount(tok):
        r.drop = True
        return r
    top, cnt = _counted(tok, span.start, span.end)
    if n.compound:
        # "the 193-member Assembly", "a 46-year-old driver": the noun the compound modifies
        head = tok
        for _ in range(4):
            if head.dep_ not in _COMPOUND_DEPS:
                break
            if head.head.i <= head.i:
                break
            head = head.head
        if head.i != tok.i:
            r.subject, r.subject_entity = _np(head, text, n, entities)
        r.frame = "age" if n.age else None
        return r
    if n.age:
        # "Robert Ames, 32," / "Ames, aged 32": the person the age is given for; "died in
        # her sleep aged 91", "died in Porvik, aged 79", "Ames was 32 years old": the
        # clause's subject, when it is a person (never "her sleep")
        person = top.head if top.head.i < top.i else None
        if person is not None and person.lemma_ == "age":
            person = person.head
        if person is None or not _is_person(person, entities):
            person = _clause_person(top, entities)
        if person is not None:
            r.subject, r.subject_entity = _np(person, text, n, entities)
        r.frame = "age"
        return r
    if (
        n.measure is None
        and cnt is None
        and not n.written
        and top.dep_ in ("appos", "npadvmod", "amod", "nummod", "conj")
        and top.head.i < top.i
        and (top.head.pos_ == "PROPN" or _is_person(top.head, entities))
        and 1 <= n.value <= 115
        and _AGE_BEFORE.search(text, max(0, n.start - 8), n.start)
        and _AGE_COMMAS.match(text[n.end : n.end + 8])
    ):
        r.subject, r.subject_entity = _np(top.head, text, n, entities)
        r.measure, r.frame = "age", "age"
        return r
    if n.measure == "magnitude":  # "a magnitude-5.2 quake": the quake's magnitude
        r.frame = "magnitude"
        if cnt is not None and cnt.lower_ != "magnitude":
            r.subject, r.subject_entity = _np(cnt, text, n, entities)
        return r
    # "seven of the 12 miners were rescued": the clause governs "seven", not "miners"
    partitive = (
        cnt is not None
        and cnt.i > top.i
        and cnt.head.lower_ == "of"
        and cnt.head.head.i == top.i
        and top.dep_ not in _NUM_DEPS
        and any(c.dep_ in ("det", "poss") for c in cnt.children)  # "of the", not "dozens of"
    )
    # "the 80 wounded": the frame word hangs on the number, which stays the clause's
    carried = cnt is not None and cnt.head.i == top.i and cnt.dep_ in ("acl", "amod", "relcl")
    thing = top if cnt is None or partitive or carried else cnt
    if cnt is not None and not _is_unit(cnt) and cnt.pos_ == "NOUN":
        # a common noun only: "Two Grant Gibbs free throws" counts no Gibbs
        mods = [c for c in cnt.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > tok.i]
        r.measure = " ".join(t.lower_ for t in [*mods, cnt])
    if n.measure in AMOUNT_MEASURES:
        # "the company's $13 billion bid", "25% tariffs on steel": a sum or a rate is the
        # noun's it modifies, not the clause's agent
        named = _amount_noun(cnt, span.start, span.end)
        if named is not None:
            r.subject, r.subject_entity = _amount_subject(named, text, n, entities)
        elif n.measure != "percent":
            r.subject = _sum_in(doc, span.end)  # "$300,000 in payoffs": the payoffs
    # the frame: the counted noun itself ("12 deaths"), a verb or adjective on it ("people
    # killed", "80 wounded people"), else the word it is an argument of
    if cnt is not None and cnt.lower_ in FRAME_COUNT_NOUNS:
        r.frame = _frame_of(cnt.lemma_) or _frame_of(cnt.lower_)
    if r.frame is None and cnt is not None:
        for child in cnt.children:
            if child.dep_ in ("acl", "relcl", "amod") and child.pos_ in ("VERB", "ADJ"):
                r.frame = _frame_of(child.lemma_) or _frame_of(child.lower_)
                if r.frame:
                    break
        if r.frame is None and not _is_unit(cnt) and cnt.lower_ not in ("people", "persons"):
            f = _noun_frame(cnt)
            r.frame = f if f in ("rate", "share", "price", "funding") else None
    gov, prep = _governor(thing)
    if (
        gov is not None
        and prep is None
        and thing.dep_ == "npadvmod"
        and gov.pos_ in ("ADP", "ADV")
        and gov.head.i != gov.i
        and gov.head.pos_ in ("VERB", "AUX")
    ):
        gov = gov.head  # "fell 200 metres down a gully", "was 20 feet away": the verb's
    if (
        gov is not None
        and prep is None
        and thing.dep_ == "npadvmod"
        and gov.pos_ == "NOUN"
        and gov.lemma_.lower() in MEASURED_NOUNS
        and gov.i < thing.i
    ):
        r.subject = _measured_phrase(gov)  # "speeds up to 120 mph": the speeds
    level = prep in ("to", "at") or (gov is not None and gov.lemma_ in LEVEL_VERBS and prep is None)
    measured: Token | None = None  # "the death toll rose to 10": the toll is what is measured
    if gov is not None and gov.pos_ in ("VERB", "AUX"):
        objs = [c for c in gov.children if c.dep_ == "dobj" and c.i != thing.i]
        subjs = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != thing.i]
        if level and (objs or subjs) and thing.dep_ != "nsubj":
            measured = (objs or subjs)[0]  # "put the march at 30,000": the march
            if r.frame is None:
                r.frame = _noun_frame(measured)
            measured = _counted_by_amount_noun(measured)  # "the number of players": players
        if r.frame is None:
            f = _frame_of(gov.lemma_) or _frame_of(gov.lower_)
            if f == "change" and (level or (n.measure or r.measure or "") in LENGTH_UNITS):
                f = None  # "rose to 5%" is a level; "fell 150 metres" is no market move
            r.frame = f
        if r.frame is None and thing.dep_ in ("nsubj", "nsubjpass"):
            # "three climbers were said to have been rescued", "30 are feared dead": the
            # event the raising verb's complement names
            for comp in gov.children:
                if comp.dep_ in ("xcomp", "oprd", "acomp"):
                    f = _frame_of(comp.lemma_) or _frame_of(comp.lower_)
                    if f in EVENT_FRAMES or f in SUBJECT_FRAMES:
                        r.frame = f
                        break
        if r.frame is None and thing.dep_ == "dobj":
            # "took 23 into custody", "sent 40 to hospital"
            for prep_tok in gov.children:
                if prep_tok.dep_ == "prep" and prep_tok.lower_ in ("into", "in", "to"):
                    for pobj in prep_tok.children:
                        if pobj.dep_ == "pobj" and _frame_of(pobj.lemma_) in (
                            "arrested",
                            "hospitalized",
                        ):
                            r.frame = _frame_of(pobj.lemma_)
        where = next((c for c in gov.children if c.lower_ == "where"), None) or _word_before(
            span[0], "where"
        )
        if thing.dep_ == "nsubj" and where is not None:
            # "the city of Lyon, where 20,000 people marched": Lyon's (the parse hangs the
            # "where" clause on the place, or on the main verb: then the noun before "where")
            measured = gov.head if gov.dep_ == "relcl" else _noun_before(where)
        if (
            measured is None
            and thing.dep_ in ("dobj", "npadvmod")
            and gov.lemma_ not in SPEECH_LEMMAS
        ):
            agent = next(iter(subjs), None) or subject_of(gov, bounds=bounds)
            agent = _antecedent(agent) if agent is not None else None
            if agent is not None and agent.i != thing.i and agent.pos_ in ("NOUN", "PROPN"):
                measured = agent
    elif gov is not None and gov.pos_ in ("NOUN", "PROPN", "ADJ", "ADV") and prep is not None:
        # "a magnitude of 5.9", "a population of 100,000", "home to 120,000 people"
        if r.frame is None:
            r.frame = _noun_frame(gov)
        owner = _owner(gov, text, n, entities)
        if (
            owner[0] is None
            and gov.dep_ in ("appos", "attr", "dobj")
            and gov.head.pos_
            in (
                "NOUN",
                "PROPN",
            )
        ):
            owner = _np(gov.head, text, n, entities)  # "Qeshm island, home to 120,000"
        if owner[0] is None and gov.dep_ == "advmod":  # "struck X, home to 120,000"
            obj = [c for c in gov.head.children if c.dep_ == "dobj" and c.i < gov.i]
            before = obj[-1] if obj else _noun_before(gov)  # "centred near X, home to"
            owner = _np(before, text, n, entities) if before is not None else (None, None)
        if owner[0] is None and gov.dep_ in ("dobj", "attr"):
            # "Qeshm is home to 100,000", "the island, which … and is home to 100,000"
            verb = gov.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None and verb.dep_ == "conj":
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            owner = _np(subj, text, n, entities) if subj is not None else (None, None)
            if owner[0] and prep == "of" and gov.lemma_.lower() in MEASURED_NOUNS:
                # "Roe showed a blood alcohol level of 0.2 percent": Roe's blood alcohol level
                owner = (f"{owner[0]}'s {_measured_phrase(gov)}", owner[1])
        if owner[0] is None and gov.lemma_.lower() in MEASURED_NOUNS:
            owner = _np(gov, text, n, entities)  # "speeds of up to 120 mph": the speeds
            if owner[0] is None:  # "showing a level of 0.09 percent": the level
                owner = _measured_np(gov, text, n, entities)
        if (
            owner[0] is None
            and prep == "of"
            and cnt is None
            and n.measure is None
            and r.frame is None
            and gov.pos_ == "NOUN"
            and gov.i < thing.i
        ):
            owner = _np(gov, text, n, entities)  # "a town of 14,000": the town's size
        if r.subject is None:
            r.subject, r.subject_entity = owner
    if r.frame is None:
        r.frame = _text_frame(n, text)
    if r.subject is None and gov is not None:
        worth = _worth_holder(gov, prep)
        if worth is not None:  # "jewellery worth 103 million euros": the jewellery's worth
            r.subject, r.subject_entity = _np(worth, text, n, entities)
    if r.subject is None and r.frame == "distance":
        r.subject, r.subject_entity = _reference_point(thing, text, n, entities)
    if r.subject is None and not partitive:  # "seven of the 12 miners": no "12 miners"
        r.subject, r.subject_entity = _owner(thing, text, n, entities)
    if r.subject is None and thing.dep_ == "dobj" and gov is not None:
        # "set 25% tariffs on timber": the parse often hangs the "on" phrase on the verb
        for child in gov.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "for") and child.i > thing.i:
                on_obj = next((c for c in child.children if c.dep_ == "on_obj"), None)
                if on_obj is not None and on_obj.ent_type_ not in ("DATE", "TIME"):
                    r.subject, r.subject_entity = _np(on_obj, text, n, entities)
                    break
    if (
        r.subject is None
        and r.frame == "price"
        and prep == "for"
        and gov is not None
        and gov.pos_ == "VERB"
    ):
        # "sold one of its oil fields for $30 million": the price of what was sold
        sold = next((c for c in gov.children if c.dep_ == "dobj"), None)
        if sold is not None and (sold.like_num or sold.pos_ == "NUM"):
            sold = _counted(sold, sold.i, sold.i + 1)[1]
        if sold is not None:
            r.subject, r.subject_entity = _np(sold, text, n, entities)
    if r.subject is None and measured is not None:
        r.subject, r.subject_entity = _np(measured, text, n, entities)
        if r.subject is None and level:  # "his blood alcohol level was 0.2 percent"
            r.subject, r.subject_entity = _measured_np(measured, text, n, entities)
        r.by_agent = r.subject is not None
    if r.subject is None and gov is not None and gov.pos_ in ("VERB", "AUX"):
        r.subject, r.subject_entity = _event_owner(gov, thing, text, n, entities, r.frame)
    if (
        gov is not None
        and gov.pos_ in ("VERB", "AUX")
        and (r.subject is None or (r.by_agent and r.subject_entity is None))
        and not (measured is not None and _noun_frame(measured))  # "the death toll rose"
        and (
            r.frame in EVENT_FRAMES
            or (
                thing.dep_ == "nsubj"
                and (n.measure or r.measure or "").lower() in QUANTITY_CROWD_NOUNS
            )
        )
    ):
        # "a quake killed 600 in the city of Zarand", "20,000 people marched in the streets of
        # Velmora": the named place the toll or the crowd is counted in, rather than a
        # common noun's agent ("quake")
        holders = [gov, thing] if measured is None or not r.by_agent else [gov, thing, measured]
        for holder in holders:
            place = _named_place(holder, text, n, entities)
            if place[0]:
                r.subject, r.subject_entity = place
                r.by_agent = False
                break
    if (
        r.by_agent
        and not level  # "the death toll rose to 12": the toll is what is measured
        and r.subject_entity is None
        and r.frame in SUBJECT_FRAMES
        and (n.measure or r.measure or "").lower() not in LENGTH_UNITS
    ):
        # "the storm hit Porvik, killing five people": the toll is of "people killed", not
        # the storm's; a common-noun agent is a wording ("storm", "hurricane", "the
        # officers") that outlets vary, so the counted thing with its frame is what makes
        # two outlets' figures comparable (a named agent, "Valdoria arrested 30", stays)
        r.subject, r.by_agent = None, False
    dimension = _dimension(thing)
    if dimension is not None and (n.measure or r.measure or "").lower() in LENGTH_UNITS:
        # "a man who was six feet tall": his height
        word, sized = dimension
        name = _np(sized, text, n, entities) if sized is not None else (None, None)
        r.subject = f"{name[0]}'s {word}" if name[0] else word
        r.subject_entity, r.by_agent = name[1], False
        return r
    motion = MOTION_NOUNS.get(gov.lemma_.lower()) if gov is not None else None
    if r.frame == "distance" and r.by_agent and r.subject and not motion:
        # "a witness … was 20 feet away": the witness's distance, not the witness
        r.subject = f"{r.subject}'s distance"
        r.subject_entity = None
    if motion and (n.measure or r.measure or "").lower() in LENGTH_UNITS:
        # "the climber fell 150 metres": the climber's fall; "fell 150 metres": a fall
        r.subject = f"{r.subject}'s {motion}" if r.subject and r.by_agent else motion
        r.subject_entity = None
    return r


def _pronoun_person(ctx: ArticleContext, text: str, n: _Num) -> tuple[str | None, str | None]:
    """The person "he" or "she" right before an age's "was" stands for ("X has died. He was
    95."), by the article's coreference resolver; (None, None) when it does not settle it."""
    m = _STATE_BEFORE.search(text[max(0, n.start - 24) : n.start])
    if m is None or m.group("pron") is None:
        return None, None
    at = max(0, n.start - 24) + m.start("pron")
    ent = for_context(ctx).resolve_pronoun(m.group("pron").lower(), at)
    if ent is None or ent.type != "PERSON":
        return None, None
    # and the article's main person (its most mentioned): "X has died, his agent Y said. He
    # was 95." is X's age, whoever the resolver's salience prefers
    counts = sorted((len(e.mentions) for e in ctx.entities if e.type == "PERSON"), reverse=True)
    if len(ent.mentions) < counts[0] or (len(counts) > 1 and counts[1] == counts[0]):
        return None, None  # not the main person, or no one person is the main one
    return ent.name, ent.id


def _person_subject(r: _Reading, entities: Sequence[Entity]) -> bool:
    """Is a reading's subject a person: a person's entity, or a noun of people ("the free-agent
    first baseman")?"""
    if r.subject_entity is not None:
        return any(e.id == r.subject_entity and e.type == "PERSON" for e in entities)
    last = (r.subject or "").split()[-1:] or [""]
    w = last[0].lower()
    return bool(w) and (
        w in PERSON_ROLE_NOUNS
        or w in IMPLIED_COUNT_PERSONS
        or w.endswith(IMPLIED_COUNT_PERSON_ENDINGS)
    )


def _is_person(tok: Token, entities: Sequence[Entity]) -> bool:
    """Is ``tok`` a person: a person's name, or a noun of people ("actress", "parolee")?"""
    if tok.ent_type_ == "PERSON":
        return True
    ent = entity_at(entities, tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.type == "PERSON"
    w = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (
        w in IMPLIED_COUNT_PERSONS
        or tok.lower_ in PERSON_ROLE_NOUNS
        or w in PERSON_ROLE_NOUNS
        or w.endswith(IMPLIED_COUNT_PERSON_ENDINGS)
    )


def _clause_person(tok: Token, entities: Sequence[Entity]) -> Token | None:
    """The subject of the clause ``tok`` stands in, when it is a person: "Ames has died,
    aged 79", "Ames was 32 years old"; the name a noun of people stands beside ("Ames, a
    tall man who was …"). ``None`` for a pronoun or a thing."""
    v = tok
    for _ in range(5):
        if v.pos_ in ("VERB", "AUX") and v.lemma_ != "age":
            break
        if v.head.i == v.i:
            return None
        v = v.head
    else:
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    subj = _antecedent(subj)
    if subj.dep_ == "appos" and subj.head.i < subj.i and _is_person(subj.head, entities):
        subj = subj.head  # "Mr. Kessel, a burly man who was …": Kessel
    name = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if name is not None:
        subj = name  # "the singer Anna Morrow has died": Anna Morrow
    return subj if subj.pos_ == "PROPN" or _is_person(subj, entities) else None


def _dimension(thing: Token) -> tuple[str, Token | None] | None:
    """A length made a size by the adjective it measures ("six feet tall"): the dimension,
    and what has it (the clause's subject, or the noun the adjective modifies)."""
    adj = thing.head
    word = QUANTITY_DIMENSIONS.get(adj.lower_) if adj.i > thing.i else None
    if word is None:
        return None
    holder: Token | None = None
    if adj.dep_ == "amod" and adj.head.pos_ in ("NOUN", "PROPN"):
        holder = adj.head  # "a wall 20 metres high"
    elif adj.dep_ == "acomp":
        subj = next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            holder = _antecedent(subj)
            if holder.dep_ == "appos" and holder.head.i < holder.i:
                holder = holder.head  # "Kessel, a burly man who was six feet tall"
    return word, holder


def _amount_noun(cnt: Token | None, lo: int, hi: int) -> Token | None:
    """The noun a sum or a rate modifies: "bid" in "$13 billion bid", "bailout" in "a 110
    billion euro bailout" (past the currency word), "tariffs" in "25% tariffs"; ``None``
    when the amount stands alone, names a unit or a span of time, or the noun is an amount
    itself ("a $5 million share")."""
    h = cnt
    if (
        h is not None
        and (h.lower_ in CURRENCY_WORDS or lo <= h.i < hi)
        and h.dep_ in ("compound", "nmod", "amod", "nummod")
        and h.head.i > h.i
    ):
        h = h.head
    if (
        h is None
        or h.pos_ != "NOUN"
        or h.i < hi
        or _is_unit(h)
        or h.lower_ in CURRENCY_WORDS
        or h.lemma_.lower() in QUANTITY_NOUNS
        or h.lower_ in DURATION_UNITS
        or h.ent_type_ in ("DATE", "TIME")
    ):
        return None
    return h


def _amount_subject(
    noun: Token, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str, str | None]:
    """What a sum or a rate is of, with its owner: "company's bid", "tariffs on steel",
    "offers by the Angels", "spending bill"."""
    first = noun
    for c in noun.lefts:  # "spending bill": the noun's own compounds after the amount
        if c.dep_ in ("compound", "amod") and c.idx >= n.end and c.i < first.i and c.is_alpha:
            first = c
    head = text[first.idx : noun.idx + len(noun.text)]
    for child in noun.children:
        if child.dep_ == "poss":
            owner, eid = _np(child, text, n, entities)
            if owner:
                return f"{owner}'s {head}", eid
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in (*OWNER_PREPOSITIONS, "by"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.like_num or pobj.ent_type_ in ("DATE", "TIME"):
                break
            if pobj.pos_ == "PRON":
                break
            _s0, s1 = np_span(pobj)
            owner, eid = _np(pobj, text, n, entities)
            phrase = text[first.idx : s1]
            if owner and s1 > first.idx and "\n" not in phrase:
                return phrase, eid
            break
    return head, None


def _sum_in(doc: Doc, after: int) -> str | None:
    """What a sum is counted in, right after it: "$300,000 in payoffs", "$2 billion in new
    aid". Only a common noun with no article ("$75,000 in the case" names no sum), never a
    date or an amount word ("in total")."""
    j = after
    if j + 1 >= len(doc) or doc[j].lower_ != "in":
        return None
    k = j + 1
    if doc[k].pos_ == "ADJ" and k + 1 < len(doc) and doc[k].head.i == k + 1:
        k += 1  # one adjective on the noun: "in new aid"
    tok = doc[k]
    if (
        tok.pos_ != "NOUN"
        or not tok.is_lower
        or tok.ent_type_ in ("DATE", "TIME")
        or tok.lemma_.lower() in QUANTITY_NOUNS
        or tok.lower_ in DURATION_UNITS
    ):
        return None
    return doc[j + 1 : k + 1].text


def _counted_by_amount_noun(tok: Token) -> Token:
    """ "the number of players", "the total of arrests": what an amount noun counts, by its
    "of"; the noun itself when it is no amount noun or counts a casualty frame word
    ("the number of dead" keeps its toll reading)."""
    if tok.lemma_.lower() not in QUANTITY_NOUNS:
        return tok
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.pos_ in ("NOUN", "PROPN")
                    and pobj.lower_ not in FRAME_COUNT_NOUNS
                    and not pobj.like_num
                ):
                    return pobj
    return tok


def _measured_np(
    noun: Token, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str | None, str | None]:
    """A measured noun that is also an amount word ("level", "range") as a subject, with its
    possessor when it names one: "Roe's blood alcohol level"; ``(None, None)`` for any other
    noun."""
    if noun.lemma_.lower() not in MEASURED_NOUNS:
        return None, None
    phrase = _measured_phrase(noun)
    for child in noun.children:
        if child.dep_ == "poss":
            owner, eid = _np(child, text, n, entities)
            if owner:
                return f"{owner}'s {phrase}", eid
    return phrase, None


def _measured_phrase(noun: Token) -> str:
    """A measured noun with the nouns and adjectives before it: "blood alcohol level"."""
    doc = noun.doc
    i = noun.i
    while (
        i > 0
        and doc[i - 1].dep_ in ("compound", "amod")
        and i <= doc[i - 1].head.i <= noun.i
        and not doc[i - 1].like_num
    ):
        i -= 1
    return doc[i : noun.i + 1].text


def _worth_holder(gov: Token, prep: str | None) -> Token | None:
    """What a sum is the worth of: "jewellery worth $5m", "the deal is worth $5m"."""
    if prep == "worth" and gov.pos_ in ("NOUN", "PROPN"):
        return gov
    if gov.lower_ != "worth":
        return None
    head = gov.head
    if gov.dep_ in ("amod", "prep", "acl") and head.pos_ in ("NOUN", "PROPN") and head.i < gov.i:
        return head
    if gov.dep_ in ("acomp", "prep") and head.pos_ in ("VERB", "AUX"):
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _named_place(
    holder: Token, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str | None, str | None]:
    """The first named place in ``holder``'s "in / at / near / on / to" phrases: "in
    Porvik", or a noun's "of X" ("in the city of Zarand", "to the streets of Velmora")."""
    for child in holder.children:
        if child.dep_ != "prep" or child.lower_ not in EVENT_PLACE_PREPOSITIONS:
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            cands = [pobj]
            if pobj.pos_ == "NOUN":
                cands += [
                    g
                    for of in pobj.children
                    if of.dep_ == "prep" and of.lower_ == "of"
                    for g in of.children
                    if g.dep_ == "pobj"
                ]
            for cand in cands:
                ent = entity_at(entities, cand.idx, cand.idx + len(cand.text))
                if cand.ent_type_ in _PLACE_TYPES or (ent is not None and ent.type in _PLACE_TYPES):
                    subj = _np(cand, text, n, entities)
                    if subj[0]:
                        # the place as written (an entity's name may be its country's)
                        s0, s1 = np_span(cand)
                        return text[s0:s1], subj[1]
    return None, None


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the island, which has 200,000 residents":
    the island); any other token as it is."""
    if (
        tok.lower_ in COUNT_RELATIVE_PRONOUNS
        and tok.head.dep_ == "relcl"
        and tok.head.head.i < tok.i
    ):
        return tok.head.head
    return tok


def _word_before(tok: Token, word: str) -> Token | None:
    """``word`` right before ``tok``, adverbs between them skipped ("where about 500")."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ == "ADV" and tok.doc[i].lower_ != word:
        i -= 1
    return tok.doc[i] if i >= tok.sent.start and tok.doc[i].lower_ == word else None


def _noun_before(tok: Token) -> Token | None:
    """The noun right before ``tok`` across a comma ("near Qeshm Island, home to …",
    "in Salonika where …"), when there is one."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].is_punct:
        i -= 1
    if i >= tok.sent.start and tok.doc[i].pos_ in ("NOUN", "PROPN"):
        return tok.doc[i]
    return None


def _reference_point(
    thing: Token, text: str, n: _Num, entities: Sequence[Entity]
) -> tuple[str | None, str | None]:
    """The place a distance is measured from: "35 miles southwest of X", "located 1,150 km
    (700 miles) southeast of X" (the direction word is the length's head or its sibling)."""
    cands = [thing.head, *thing.head.children, *thing.children]
    for d in cands:
        if d.i == thing.i:
            continue
        if (
            d.dep_ == "prep"
            and d.lower_ in DISTANCE_FROM_PREPOSITIONS
            and d.i > thing.i
            and not MOTION_NOUNS.get(d.head.lemma_.lower())
        ):
            # "150 nautical miles off Aden": the preposition takes the place itself ("fell
            # 90 metres from a ridge" is where a motion started, no reference point)
            pobj = next((c for c in d.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                subj = _np(pobj, text, n, entities)
                if subj[0]:
                    s0, s1 = np_span(pobj)
                    return text[s0:s1], subj[1]
        if d.lower_ not in DIRECTION_WORDS:
            continue
        for prep in d.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        subj = _np(pobj, text, n, entities)
                        if subj[0]:
                            # the place as written: an entity's name may be its country's
                            s0, s1 = np_span(pobj)
                            return text[s0:s1], subj[1]
    return None, None


def _event_owner(
    gov: Token, thing: Token, text: str, n: _Num, entities: Sequence[Entity], frame: str | None
) -> tuple[str | None, str | None]:
    """Whose toll a counted victim is: the agent of a passive ("killed by the blast"), or,
    for an event frame, the named place it happened in ("30 died in Porvik")."""
    for child in gov.children if thing.dep_ == "nsubjpass" else ():
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    subj = _np(pobj, text, n, entities)
                    # "killed by the landslide": a common noun is a wording, the toll is
                    # "people killed" (see the active case in _read_with_doc)
                    if subj[0] and (subj[1] or frame not in SUBJECT_FRAMES):
                        return subj
    if frame not in EVENT_FRAMES:
        return None, None
    for child in gov.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "on"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    subj = _np(pobj, text, n, entities)
                    if subj[1]:  # a named place only
                        return subj
    return None, None


# Without a parse, a distance's reference point ("40 miles southwest of Port Halden") and
# a crowd's or a population's place ("in Velmora, where 12,000 marched", "Brask Island, home
# to 9,000") are read from the words right beside the number.
_REFERENCE_AFTER = re.compile(
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:"
    + "|".join(sorted(DIRECTION_WORDS, key=len, reverse=True))
    + r")\s+(?:of|from)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
_TOLL_PLACE_GAP = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s+(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:of\s+)?"
)
_PLACE_BEFORE = re.compile(
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"(?:\s+(?:island|city|province|region|county|state|town|village|valley|district))?),?\s+"
    r"(?:where|(?:which\s+is\s+|is\s+)?home\s+to)\s+(?:[a-z]+\s+){0,2}$"
)


# "fell about 150 metres", "chased him for 30 miles": the verb right before a length.
_MOTION_BEFORE = re.compile(r"\b([a-z]+)\s+(?:(?:him|her|them|it|the\s+\w+)\s+)?(?:for\s+)?$")


def _motion(word: str) -> str | None:
    """The noun of a motion verb's form ("fell" -> fall, "chased" -> chase)."""
    w = word.lower()
    cands = [MOTION_IRREGULAR.get(w, w)]
    if w.endswith("ed"):
        cands += [w[:-1], w[:-2], w[:-3]]  # chased, dropped -> drop (drop+p+ed)
    elif w.endswith("ing"):
        cands += [w[:-3], w[:-3] + "e", w[:-4]]
    elif w.endswith("s"):
        cands.append(w[:-1])
    return next((MOTION_NOUNS[c] for c in cands if c in MOTION_NOUNS), None)


def _place_by_rules(
    ctx: ArticleContext, n: _Num, sent: tuple[int, int], frame: str | None
) -> tuple[str | None, str | None]:
    text = ctx.text
    m = None
    if frame == "distance":
        m = _REFERENCE_AFTER.match(text, n.end, sent[1])
    if m is None:
        m = _PLACE_BEFORE.search(text, max(sent[0], n.start - 80), n.start)
    if m is None:
        return None, None
    s0, e0 = m.span("place")
    for ms, _me, ent in ctx.mentions_in(s0, e0):
        if ms == s0:
            return text[s0:e0], resolve_entity(ctx.entities, ent).id
    return text[s0:e0], None


# Without a parse, what a sum or a rate is of, from the words right beside it: the nouns
# after it ("$410 billion spending bill", "25% tariffs on timber"), the whole after a
# percentage ("80 percent of the haul"), the noun before "worth" ("jewellery worth $2m").
_AMOUNT_PREP = r"(?:of|on|for|in|by)"
_AMOUNT_DET = r"(?:(?:the|a|an|its|their|his|her|this|that)\s+)?"
_AMOUNT_WORD = r"[a-z][a-z'’-]*"
_AMOUNT_NOT_NOUN = re.compile(r"(?:ed|ly)$")
_PERCENT_OF = re.compile(rf"\s+of\s+{_AMOUNT_DET}(?P<w>(?:{_AMOUNT_WORD}\s+){{0,2}}{_AMOUNT_WORD})")
_AMOUNT_NOUNS_AFTER = re.compile(rf"\s+(?P<w>(?:{_AMOUNT_WORD}\s+){{0,1}}{_AMOUNT_WORD})")
_AMOUNT_PREP_AFTER = re.compile(
    rf"\s+{_AMOUNT_PREP}\s+{_AMOUNT_DET}(?:[A-Z][\w'’-]*|{_AMOUNT_WORD})(?:\s+[A-Z][\w'’-]*)?"
)
_WORTH_BEFORE = re.compile(rf"(?P<w>{_AMOUNT_WORD})\s+worth\s+$")
# "$300,000 in payoffs": a plural noun right after "in", with no article
_SUM_IN_AFTER = re.compile(r"\s+in\s+(?P<w>[a-z][a-z-]+s)\b")


def _noun_words(words: str) -> str | None:
    """The leading words of ``words`` up to a function word, when they end in a noun-like
    word (not "-ed", "-ly", a time word or a number word)."""
    kept: list[str] = []
    for w in words.split():
        lw = w.lower()
        if (
            lw in COUNT_FUNCTION_WORDS
            or lw in AMOUNT_TIME_WORDS
            or lw in NUMBER_UNITS
            or lw in NUMBER_TENS
        ):
            break
        if lw in DURATION_UNITS or lw in CURRENCY_WORDS or lw in UNIT_WORDS:
            break
        kept.append(w)
    while kept and _AMOUNT_NOT_NOUN.search(kept[-1].lower()):
        kept.pop()
    return " ".join(kept) or None


def _amount_by_rules(text: str, n: _Num, sent: tuple[int, int]) -> str | None:
    end = sent[1]
    if n.measure == "percent":
        m = _PERCENT_OF.match(text, n.end, end)
        if m:
            return _noun_words(m.group("w"))
    if n.measure != "percent":
        m = _SUM_IN_AFTER.match(text, n.end, end)
        held = _noun_words(m.group("w")) if m else None
        if held:
            return held
    m = _AMOUNT_NOUNS_AFTER.match(text, n.end, end)
    head = _noun_words(m.group("w")) if m else None
    if head is not None and m is not None:
        at = m.start("w") + len(head)
        p = _AMOUNT_PREP_AFTER.match(text, at, end)
        tail = text[at : p.end()] if p and _noun_words(p.group(0).split()[-1]) else ""
        return head + tail
    w = _WORTH_BEFORE.search(text, max(sent[0], n.start - 40), n.start)
    if w:
        return _noun_words(w.group("w"))
    return None


# "Tara Ames, 33,": one to three capitalised words right before an age's commas
_NAME_COMMA_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}),\s$"
)


def _aged_noun_by_rules(text: str, at: int, end: int) -> str | None:
    """The noun an age compound modifies, without a parse: "the 27-year-old Ames", "a
    15-year-old Dutch girl whose …" (up to three words, to a function word or a comma)."""
    m = re.match(r"(?:\s+[A-Za-z][\w'’-]*){1,3}", text[at:end])
    if m is None:
        return None
    kept: list[str] = []
    for w in m.group(0).split():
        lw = w.lower()
        if lw in COUNT_FUNCTION_WORDS or lw in AGED_NOUN_STOPS or lw.endswith("ly"):
            break
        kept.append(w)
    while kept and _AMOUNT_NOT_NOUN.search(kept[-1].lower()):
        kept.pop()  # "the 40-year-old American stopped"
    return " ".join(kept) or None


def _read_by_rules(ctx: ArticleContext, n: _Num, sent: tuple[int, int]) -> _Reading:
    """Without a parse, precision first: only a name bound to the number by its words.

    "Valdoria's 300 police officers", "300 officers from Valdoria", "Valdoria sent 300
    officers" (one or two words between, not a speech verb), "Ames, 32,". A name further
    back in the sentence is never taken.
    """
    text = ctx.text
    r = _Reading(frame=_text_frame(n, text))
    before = ctx.mentions_in(sent[0], n.start)
    if before:
        s0, e0, ent = before[-1]
        gap = text[e0 : n.start]
        words = re.findall(r"[A-Za-z]+", gap)
        bound = False
        if re.fullmatch(r"['’]s\s+", gap):
            bound = True  # a possessive
        elif (
            n.measure is None
            and not n.written
            and re.fullmatch(r",\s", gap)
            and (1 <= n.value <= 115 and _AGE_COMMAS.match(text[n.end : n.end + 8]))
        ):
            bound, r.measure, r.frame = True, "age", "age"
        elif n.becoming and re.fullmatch(r",\s|\s*\(", gap):
            bound = True  # "Ames (34)", "Ames, 34 of Leeds"
        elif (
            re.fullmatch(r"\s+(?:[a-z]+\s+){1,4}", gap)
            and not any(w in SPEECH_LEMMAS or w in _SPEECH_FORMS for w in words)
            and not any(w in UNBINDING_WORDS for w in words)
        ):
            bound = True  # "Valdoria sent 300", "Valdoria is ready to send up to 300"
        if bound and _PREP_BEFORE.search(text[max(sent[0], s0 - 30) : s0]):
            bound = False  # "troops from Gulf states and Asia might number 60,000"
        if not bound and n.age and not n.compound and not n.becoming:
            # "Ames has died in Porvik, aged 79", "Ames was 32 years old": the last person
            # named before the age in its sentence (a place between does not own an age)
            people = [m for m in before if resolve_entity(ctx.entities, m[2]).type == "PERSON"]
            if people and not re.search(r"[;:]", text[people[-1][1] : n.start]):
                s0, e0, ent = people[-1]
                bound, r.measure, r.frame = True, "age", "age"
        if bound:
            ent = resolve_entity(ctx.entities, ent)
            r.subject, r.subject_entity = ent.name, ent.id
    if r.subject is None and n.age and n.compound:
        r.subject = _aged_noun_by_rules(text, n.end, sent[1])  # "the 27-year-old Ames"
    elif (
        r.subject is None
        and n.measure is None
        and not n.written
        and 1 <= n.value <= 115
        and _AGE_COMMAS.match(text[n.end : n.end + 8])
    ):
        # "Ames, 33, earned": a name the entity rules missed, right before the commas
        name = _NAME_COMMA_BEFORE.search(text, max(sent[0], n.start - 40), n.start)
        if name and not _MONTH_OR_DAY.search(name.group("name")):
            r.subject, r.measure, r.frame = name.group("name"), "age", "age"
    if r.subject is None and n.measure in AMOUNT_MEASURES:
        r.subject = _amount_by_rules(text, n, sent)
    if r.subject is None and (n.measure or "").lower() in LENGTH_UNITS:
        m = _MOTION_BEFORE.search(text, max(sent[0], n.start - 30), n.start)
        motion = _motion(m.group(1)) if m else None
        if motion:
            r.subject = motion  # "fell about 150 metres": a fall
    if r.subject is None and r.frame != "age":  # a place is no one's age ("aged 34 in Orlen")
        r.subject, r.subject_entity = _place_by_rules(ctx, n, sent, r.frame)
    if r.subject is None and r.frame != "age":
        after = ctx.mentions_in(n.end, min(sent[1], n.end + 12))
        for s0, _e0, ent in after:
            if re.fullmatch(r"\s+(?:of|from|in|on|for)\s+(?:the\s+)?", text[n.end : s0]):
                ent = resolve_entity(ctx.entities, ent)
                r.subject, r.subject_entity = ent.name, ent.id
                break
    if r.frame is None:
        if n.measure and n.measure in FRAME_COUNT_NOUNS:
            r.frame = _frame_of(n.measure)
        else:
            pre = re.findall(r"[A-Za-z]+", text[max(sent[0], n.start - 30) : n.start])[-2:]
            post = re.findall(r"[A-Za-z]+", text[n.end : min(sent[1], n.end + 25)])[:3]
            for w in [*reversed(pre), *post]:
                if w.lower() in ("and", "but", "while", "of"):
                    break
                f = _frame_of(w)
                if f and f not in ("population", "change", "price", "funding", "share"):
                    r.frame = f
                    break
    if r.subject is None and r.frame in EVENT_FRAMES:
        # "killed 600 people in the city of Zarand": the named place right after, in the
        # same clause (no comma or "and" between)
        for s0, _e0, ent in ctx.mentions_in(n.end, min(sent[1], n.end + 70)):
            ent = resolve_entity(ctx.entities, ent)
            if ent.type in _PLACE_TYPES and _TOLL_PLACE_GAP.fullmatch(text, n.end, s0):
                r.subject, r.subject_entity = text[s0:_e0], ent.id
            break
    return r


def extract_quantities(
    article: Article,
    doc: Doc | None,
    entities: Sequence[Entity],
    ctx: ArticleContext | None = None,
) -> list[Quantity]:
    """Find the quantities of ``article`` with hedge, measure, subject and frame.

    Args:
        article: the cleaned article.
        doc: its spaCy parse, used to drop dates, times and names, and to find what is
            counted, whose it is and the event frame; ``None`` falls back to word rules
            that only bind a name written right beside the number.
        entities: the article's entities, for ``subject_entity``.
        ctx: the article's shared context (built here when ``None``).

    Returns:
        Quantities in text order; ``text`` is the cited span (hedge, number and measure).
        ``subject`` is None when the clause names no owner of the number.
    """
    ctx = ctx or ArticleContext(article, doc, entities)
    text = article.text
    sents = ctx.sentences
    dates = [(s, e) for s, e, _ in find_date_spans(text)]  # sorted, non-overlapping
    date_starts = [s for s, _ in dates]
    date_ends = [e for _, e in dates]
    out: list[Quantity] = []
    for s0, s1 in _join_spaced_decimals(text, sents.spans):
        ctx.deadline.check()
        # only the dates that overlap this sentence (all of them per number was quadratic)
        near = dates[bisect.bisect_right(date_ends, s0) : bisect.bisect_left(date_starts, s1)]
        nums = _apply_context(text, _find_numbers(text, s0, s1, near), s1)
        prev_measure: str | None = None
        for n in nums:
            if doc is not None:
                r = _read_with_doc(doc, text, n, entities, (s0, s1))
                if r.drop:
                    continue
            else:
                r = _read_by_rules(ctx, n, (s0, s1))
            if n.becoming and r.subject is None:
                # "He was 95.": the person the pronoun stands for (coref.py, precision first)
                r.subject, r.subject_entity = _pronoun_person(ctx, text, n)
            if n.becoming and not _person_subject(r, entities):
                # "the count will be 12 on Friday", "the Hawks (34)": no person, no age
                n.measure, r.measure, r.frame = None, None, None
            measure = n.measure
            if r.measure and (measure is None or r.measure.endswith(" " + measure)):
                measure = r.measure
            if measure in DURATION_UNITS and r.frame != "age":
                # "paid over ten years": a span of time, neither a price nor the payer's
                r.frame = None
                if r.by_agent:
                    r.subject = r.subject_entity = None
            if measure is None:
                # bounded look-back: a scan from the sentence start per number is quadratic
                counts = list(_COUNT_OF.finditer(text, max(s0, n.start - 300), n.start))
                if counts:  # "a number of Canadian troops — up to three dozen"
                    measure = counts[-1].group("m").lower()
            if (
                measure is None
                and prev_measure
                and not n.compound
                and prev_measure not in UNIT_MEASURES
                and prev_measure != "age"
                and _CARRY_AFTER.match(text[n.end : n.end + 12])
            ):
                # "30 people were killed and more than 200 injured": the count carries over
                # (not a unit: "4.75% … two of the nine members" is no percentage)
                measure = prev_measure
            prev_measure = measure if not n.compound else prev_measure
            subject, subject_entity = r.subject, r.subject_entity
            # a subheading's grammar is a headline's ("A $1.2 billion question"): its number
            # is kept, but no owner is read from it (no claim stands on it)
            heading = any(h.start <= n.start < h.end for h in article.headings)
            if heading:
                subject, subject_entity = None, None
            elif subject is None:
                subject = _counted_subject(measure, r.frame)
            bare = _bare_frame(text, n.end) if measure is None and not n.compound else None
            if bare is not None and not heading:
                # "one killed, two wounded": the participle right after a bare count is
                # what it counts, whatever frame the words around it gave
                r.frame = bare
                if r.subject is None or subject == _counted_subject(measure, None):
                    subject, subject_entity = f"people {bare}", None
            if (
                subject is None
                and not heading
                and doc is not None  # a frame read from the parse, not from nearby words
                and not n.compound
                and r.frame in PEOPLE_COUNT_FRAMES
                and (measure is None or measure in ("others", "more"))
            ):
                # "killing three", "30 of the 80 wounded", "injured two others": a bare count
                # of a casualty or an arrest counts people
                subject = f"people {r.frame}"
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
                    frame=r.frame,
                )
            )
        out += _implied_counts(article, (s0, s1), out)
        out += _bare_ones(article, (s0, s1), out)
    return out


# -- bare counts of a casualty: "one killed, two wounded", "killing one and wounding two" -----

_BARE_ENDS = rf"(?=\s*(?:[,;:.)!?\"”]|$)|\s+(?:{alternation(BARE_COUNT_FOLLOWERS)})\b)"
_BARE_END = re.compile(_BARE_ENDS, re.I)
# a participle (after "was" / "were" / "is" / "are" / "has been") that ends its clause
_BARE_AFTER = re.compile(
    rf"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?"
    rf"(?P<part>{alternation(BARE_COUNT_PARTICIPLES)})\b{_BARE_ENDS}",
    re.I,
)
# "one" after a casualty verb ("killing one and wounding two", "killed one person") or
# before a participle ("one killed")
_BARE_ONE = re.compile(
    rf"\b(?:(?P<ger>{alternation(BARE_COUNT_VERBS)})\s+(?:at\s+least\s+)?)?"
    rf"(?P<one>[Oo]ne)\b(?:\s+(?P<noun>[a-z][a-z-]+)\b)?",
    re.I,
)
# "no one", "the one", "not one", "any one": a pronoun or a denial, not a count ("no-one"
# with a hyphen too: "No-one was injured" denies a toll)
_BARE_ONE_BEFORE = re.compile(
    r"\b(?:no|the|not|any|every|each|which|this|that)(?:\s+|[-‐–])$", re.I
)


def _bare_frame(text: str, end: int) -> str | None:
    """The frame of a bare count whose clause-ending participle follows it ("two wounded",
    "two were injured in the blast"), else ``None``."""
    m = _BARE_AFTER.match(text, end)
    return BARE_COUNT_PARTICIPLES[m.group("part").lower()] if m else None


def _bare_ones(
    article: Article, sent: tuple[int, int], found: Sequence[Quantity]
) -> list[Quantity]:
    """The count "one" of a casualty, which ``_find_numbers`` never reads (it is nearly always
    a pronoun or an article): right after a casualty verb and ending its clause ("killing
    one and wounding two") or before a person ("killed one person"), or right before a
    clause-ending participle ("one killed, two wounded", "left one dead", "one was injured
    in the blast")."""
    text = article.text
    out: list[Quantity] = []
    for m in _BARE_ONE.finditer(text, sent[0], sent[1]):
        s, e = m.start("one"), m.end("one")
        if _BARE_ONE_BEFORE.search(text, max(sent[0], s - 8), s):
            continue
        frame: str | None = None
        end = e
        noun = m.group("noun")
        if m.group("ger") and _BARE_END.match(text, e):
            frame = BARE_COUNT_VERBS[m.group("ger").lower()]
            s = m.start()
        elif m.group("ger") and noun and _a_person(noun, []) and not noun.endswith("s"):
            # "killed one person", "wounding one officer"
            frame = BARE_COUNT_VERBS[m.group("ger").lower()]
            s, end = m.start(), m.end("noun")
        else:
            after = _BARE_AFTER.match(text, e)
            if after is not None:
                frame = BARE_COUNT_PARTICIPLES[after.group("part").lower()]
                end = after.end()
        if frame is None or any(q.cite.start < end and s < q.cite.end for q in found):
            continue
        out.append(
            Quantity(
                subject=f"people {frame}", measure=None, value=1.0, low=1.0, high=1.0,
                hedge="exact", text=text[s:end], cite=Cite(article.id, s, end), frame=frame,
            )
        )  # fmt: skip
    return out


def _magnitude_fraction(text: str, s: int, e: int) -> int | None:
    """The end of a magnitude whose point is spaced ("5. 9") when the digit at ``[s, e)``
    starts one: a magnitude cue before it or after its fraction; else ``None``."""
    m = _SPACED_FRACTION.match(text, e)
    if m is None:
        return None
    if _MAGNITUDE_CUE_BEFORE.search(text[max(0, s - 40) : s]) or _MAGNITUDE_AFTER.match(
        text[m.end() : m.end() + 30]
    ):
        return m.end()
    return None


def _join_spaced_decimals(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with the breaks inside a spaced decimal ("$27. 5 million", "61. 5
    percent") undone, so the number is read whole."""
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        if out:
            p0, p1 = out[-1]
            if text[p1 - 1 : p1] == "." and text[p1 - 2 : p1 - 1].isdigit() and text[p1:s0] == " ":
                start = p1 - 2
                while start > p0 and text[start - 1].isdigit():
                    start -= 1
                m = _NUMBER.match(text, start)
                if (m is not None and m.end() > s0) or _magnitude_fraction(text, start, p1 - 1):
                    out[-1] = (p0, s1)
                    continue
        out.append((s0, s1))
    return out


def _counted_subject(measure: str | None, frame: str | None) -> str | None:
    """With no owner in the clause, the subject is what is counted: "three hospitals" ->
    hospitals, "killing at least five people" -> people killed. ``None`` (no subject) for
    a bare number and for a unit, which says how much but not of what ("$5 million",
    "12%", "150 metres", "ten years", an age)."""
    if (
        not measure
        or measure in UNIT_MEASURES
        or measure in CURRENCY_WORDS.values()
        or measure.lower() in LENGTH_UNITS
        or measure in DURATION_UNITS
        or measure.lower() in SPEED_UNITS
        or measure in NOT_COUNTED_WORDS
        or frame in ("age", "magnitude", "speed", "distance")
    ):
        return None
    if frame in SUBJECT_FRAMES and measure not in FRAME_COUNT_NOUNS:
        return f"{measure} {frame}"
    return measure


# -- implied counts: "a climber is dead" is one dead ------------------------------------------

_IMPLIED_PRED = {
    p: frame for frame, preds in IMPLIED_COUNT_PREDICATES.items() for p in preds
}  # predicate -> frame
_IMPLIED = re.compile(
    r"(?<![\w-])(?:(?P<card>[Aa]n?|[Oo]ne)|(?P<oart>[Aa]\s+|[Tt]he\s+)?(?P<ord>"
    + "|".join(rf"[{w[0].upper()}{w[0]}]{w[1:]}" for w in IMPLIED_COUNT_ORDINALS)
    + r"))\s+(?P<mods>(?:[\w'’-]+\s+){0,3}?)(?P<noun>[a-z][a-z-]+)\s+(?P<pred>"
    + alternation(sorted(_IMPLIED_PRED, key=len, reverse=True)).replace(" ", r"\s+")
    + r")(?![\w-])"
)
# a word right before the article that takes the count back: "not a climber was hurt"
_IMPLIED_UNSAID = re.compile(rf"(?i)\b(?:{'|'.join(IMPLIED_UNSAID_WORDS)})\s+$")
# where the noun phrase can be the subject of its predicate: at the start of the sentence or
# of a clause (after a comma, a quote mark, "said", "when"...), not the object of a verb or a
# preposition ("the affair that brought down a minister has died", "working with a unit")
_IMPLIED_CLAUSE_START = re.compile(
    r"(?:^|[,;:(\"“‘—–-]|\b(?:"
    + "|".join(w.replace(" ", r"\s+") for w in IMPLIED_CLAUSE_OPENERS)
    + r"))\s*$",
    re.I,
)
_AGE_MODIFIER = re.compile(r"^\d{1,3}-years?-old$")


def _a_person(noun: str, mods: Sequence[str]) -> bool:
    """Is "a <mods> <noun>" a person? A noun of people, or anyone given an age."""
    return (
        noun in IMPLIED_COUNT_PERSONS
        or noun in PERSON_ROLE_NOUNS
        or noun.endswith(IMPLIED_COUNT_PERSON_ENDINGS)
        or any(_AGE_MODIFIER.match(w.lower()) for w in mods)
    )


def _implied_counts(
    article: Article, sent: tuple[int, int], found: Sequence[Quantity]
) -> list[Quantity]:
    """Counts the sentence gives without a number: a singular noun after "a", "an" or "one"
    whose predicate is a casualty ("a climber is dead": 1 killed; "one man was injured"), or
    after an ordinal ("a second climber died", "the third hiker to be killed": at least 3).

    Only these frames (``lang.en.IMPLIED_COUNT_PREDICATES``) and only a singular noun: "a
    climber" counts one climber only when the clause says what happened to him. Hand-written
    like the number patterns around it; a negation or a condition right before the article
    ("not a single", "if a climber dies") makes no count. The cite runs from the noun (or the
    ordinal) to the end of the predicate, so it holds the frame's own word. A killed or
    injured count is made only of a person (:func:`_a_person`): "a deal is dead" is no toll.
    """
    text = article.text
    out: list[Quantity] = []
    for m in _IMPLIED.finditer(text, sent[0], sent[1]):
        noun = m.group("noun")
        mods = m.group("mods").split()
        if (
            noun in COUNT_FUNCTION_WORDS
            or noun in IMPLIED_NOT_NOUNS
            or (noun.endswith("s") and not noun.endswith(("ss", "us")))
            or any(
                w.lower() in COUNT_FUNCTION_WORDS or w.lower() in IMPLIED_NOT_NOUNS for w in mods
            )
            or _IMPLIED_UNSAID.search(text, max(sent[0], m.start() - 12), m.start())
        ):
            continue
        # "the second climber to die" counts wherever it stands ("the search for the second
        # climber to slip off the ridge"); any other count must be its clause's subject, and
        # "the second deputy was injured" may only mean the other one of two
        nth_to = bool(m.group("ord")) and m.group("pred").lower().startswith("to ")
        if not nth_to and (
            (m.group("oart") or "").strip().lower() == "the"
            or not _IMPLIED_CLAUSE_START.search(text[max(sent[0], m.start() - 40) : m.start()])
        ):
            continue
        start = m.start("ord") if m.group("ord") else m.start("noun")
        end = m.end("pred")
        if any(q.cite.start < end and start < q.cite.end for q in found):
            continue  # the clause already has its number
        frame = _IMPLIED_PRED[" ".join(m.group("pred").lower().split())]
        if frame != "missing" and not _a_person(noun, mods):
            continue  # "a deal is dead", "a ferry is dead in the water"; a ship may go missing
        value = float(IMPLIED_COUNT_ORDINALS[m.group("ord").lower()]) if m.group("ord") else 1.0
        ordinal = bool(m.group("ord"))
        measure = noun[:-3] + "men" if noun.endswith("man") else _plural(noun)
        out.append(
            Quantity(
                subject=_counted_subject(measure, frame),
                measure=measure,
                value=value,
                low=value,
                high=None if ordinal else value,
                hedge="at_least" if ordinal else "exact",
                text=text[start:end],
                cite=Cite(article.id, start, end),
                frame=frame,
            )
        )
    return out

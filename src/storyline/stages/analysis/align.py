"""Align: merge what each article says into cross-source claims and conflicts.

Input: a story's articles (``duplicate_of`` set by dedup) and their ``ArticleFacts``.
Output: an ``Alignment``: merged entities and stances, the story's ``Focus``, and
``Claim`` records ``(subject, slot, value)`` with every wording as a variant, the cites
of every article that makes the claim, and the number of independent sources (copies
collapsed onto their original). ``Conflict`` records pair incompatible claims:

- numbers for the same subject and measure whose hedged ranges cannot overlap
  ("up to 20,000" and "20,000 or more" overlap at 20,000: compatible);
- different sets of actors for an exclusive role (who drafts the resolution), when
  neither set contains the other (a source naming fewer drafters is not contradicting);
- the focus described as something in one source and as *not* that in another;
- different end years for the focus's duration.

Facts two or more sources state in nearly the same words, with or without a number, are
``statement`` claims (``statements.find_statements``).

The outlet x claim matrix the renderers draw is ``storyline.render.coverage``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from storyline.lang import MONTHS, RECORD_WORDS, alternation, stop_words
from storyline.lang.claims import (
    DURATION_MEASURES,
    GOVERNOR_SKIP_WORDS,
    HEDGE_SHOWN,
    LIST_WORDS,
    MEASURE_SYNONYMS,
    PEOPLE_KINDS,
    RECORD_CUES,
    RECORD_IN_WORDS,
    RECORD_NOUNS,
    SCORE_CUES,
    SPEED_UNITS,
    VALUE_WORDS,
)
from storyline.lang.en import PERSON_ROLE_NOUNS, TITLE_ABBREVIATIONS, TITLE_NOUNS, WEEKDAYS
from storyline.lang.frames import (
    CURRENCY_WORDS,
    FRAME_WORDS,
    GENERIC_COUNTED,
    LENGTH_UNITS,
    NUMBER_WORDS,
    OBJECT_FRAMES,
    PEOPLE_NOUNS,
    POPULATION_NOUNS,
    TOLL_FRAMES,
)
from storyline.lang.names import NAME_SUFFIXES
from storyline.models import (
    Article,
    ArticleFacts,
    ArticleId,
    Cite,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    EntityId,
    Event,
    Quantity,
    Quote,
    Stance,
    source_roots,
    usable,
)
from storyline.stages.analysis.disputes import (
    HARM_FRAMES,
    denial_conflicts,
    place_conflicts,
    read_places,
    read_zero_tolls,
    sentence_text,
    speaker_conflicts,
    toll_conflicts,
)
from storyline.stages.analysis.focus import Focus, find_focus, kind_phrases
from storyline.stages.analysis.relations import (
    ActorMention,
    FrameReading,
    Observation,
    find_observations,
    read_frame,
)
from storyline.stages.analysis.slots import (
    person_cues,
    person_pairs,
    read_slots,
    slot_conflicts,
)
from storyline.stages.analysis.statements import Meaning, find_statements
from storyline.stages.prepare.extract.dates import text_reference_date
from storyline.text import normalize_text, sentence_spans, slugify

# ---------------------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class ClaimInfo:
    """What ``align`` knows about a claim beyond the JSON contract (for profile/report)."""

    kind: str  # "quantity" | "role" | "participation" | "description" | "attribute" | "stance"
    # | "statement"
    entities: list[EntityId] = field(default_factory=list)
    low: float | None = None
    high: float | None = None
    measure: str | None = None
    negated: bool = False
    conditions: list[tuple[str, Cite]] = field(default_factory=list)
    contested: bool = False


@dataclass(slots=True)
class Alignment:
    """Everything ``align`` produced for one story."""

    entities: list[Entity]
    stances: list[Stance]
    quotes: list[Quote]
    claims: list[Claim]
    conflicts: list[Conflict]
    info: dict[str, ClaimInfo]
    focus: Focus | None
    roots: dict[ArticleId, ArticleId]
    # sentences (article, start, end) about the focus or the instrument that creates it
    topical: dict[ArticleId, set[tuple[int, int]]] = field(default_factory=dict)
    # figures that moved between reports (timeline items of kind "update")
    updates: list[Event] = field(default_factory=list)

    def is_topical(self, cite: Cite) -> bool:
        """Does ``cite`` fall in a sentence about the focus (or its resolution, mandate...)?"""
        return any(
            s <= cite.start < e for s, e in self.topical.get(cite.article, ())
        )  # fmt: skip


# ---------------------------------------------------------------------------------------
# sources
# ---------------------------------------------------------------------------------------


def count_sources(cites: Iterable[Cite], roots: Mapping[ArticleId, ArticleId]) -> int:
    """Independent sources among the articles cited (copies count once)."""
    return len({roots.get(c.article, c.article) for c in cites})


def _dedupe_cites(cites: Iterable[Cite]) -> list[Cite]:
    return list(dict.fromkeys(cites))


# ---------------------------------------------------------------------------------------
# merged entities, stances, quotes
# ---------------------------------------------------------------------------------------


def merge_entities(facts: Sequence[ArticleFacts]) -> list[Entity]:
    """One entity per id across articles: aliases and mentions united, the commonest name."""
    groups: dict[EntityId, list[Entity]] = defaultdict(list)
    for f in facts:
        for e in f.entities:
            groups[e.id].append(e)
    out: list[Entity] = []
    for eid, items in groups.items():
        names = Counter[str]()
        for e in items:
            names[e.name] += max(1, len(e.mentions))
        name = names.most_common(1)[0][0]
        aliases = list(dict.fromkeys(x for e in items for x in [e.name, *e.aliases] if x != name))
        out.append(
            Entity(
                id=eid,
                name=name,
                type=Counter(e.type for e in items).most_common(1)[0][0],
                aliases=aliases,
                mentions=_dedupe_cites(c for e in items for c in e.mentions),
                role=next((e.role for e in items if e.role), None),
                affiliation=next((e.affiliation for e in items if e.affiliation), None),
            )
        )
    out.sort(key=lambda e: (-len(e.mentions), e.id))
    return out


def merge_stances(facts: Sequence[ArticleFacts], names: Mapping[EntityId, str]) -> list[Stance]:
    """Stances saying the same thing (actor, stance, similar target) merged, cites united."""
    merged: list[Stance] = []
    keys: list[tuple[str, str, str]] = []
    for f in facts:
        for st in f.stances:
            actor_key = st.actor_entity or slugify(st.actor)
            text = normalize_text(f"{st.target} {st.condition or ''}")
            # a denied (questioned, …) stance never merges into an asserted one
            kind = f"{st.stance}/{st.polarity}"
            for i, (ak, sk, tx) in enumerate(keys):
                if ak == actor_key and sk == kind and fuzz.token_set_ratio(tx, text) >= 85:
                    merged[i].cites = _dedupe_cites([*merged[i].cites, *st.cites])
                    merged[i].confidence = max(merged[i].confidence, st.confidence)
                    break
            else:
                keys.append((actor_key, kind, text))
                merged.append(
                    Stance(
                        actor=names.get(st.actor_entity or "", st.actor),
                        stance=st.stance,
                        target=st.target,
                        condition=st.condition,
                        cites=_dedupe_cites(st.cites),
                        actor_entity=st.actor_entity,
                        polarity=st.polarity,
                        confidence=st.confidence,
                    )
                )
    return merged


def merge_quotes(facts: Sequence[ArticleFacts]) -> list[Quote]:
    """Every quote, with a missing speaker filled from the same words quoted elsewhere."""
    quotes = [q for f in facts for q in f.quotes]
    known: dict[str, Quote] = {}
    for q in quotes:
        if q.speaker:
            known.setdefault(normalize_text(q.text), q)
    out: list[Quote] = []
    for q in quotes:
        src = known.get(normalize_text(q.text)) if not q.speaker else None
        if src is not None:
            q = Quote(
                q.text, src.speaker, src.speaker_entity, src.speaker_role, q.kind, q.cite,
                q.polarity, q.confidence,
            )  # fmt: skip
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------
# claim building
# ---------------------------------------------------------------------------------------


# The confidence one independent source lends a claim read by rules from its text; a stance
# claim takes its stances' confidence instead.
SOURCE_CONFIDENCE = 0.7


class _Claims:
    """Accumulates claims with unique ids and their ``ClaimInfo``."""

    def __init__(
        self, roots: Mapping[ArticleId, ArticleId], order: Mapping[ArticleId, int]
    ) -> None:
        self.roots = roots
        self.order = order
        self.claims: list[Claim] = []
        self.info: dict[str, ClaimInfo] = {}
        self.support: dict[str, float] = {}  # per claim: the confidence of one source's support

    def add(
        self, subject: str, slot: str, value: str, variants: Iterable[str],
        cites: Iterable[Cite], info: ClaimInfo, support: float = SOURCE_CONFIDENCE,
    ) -> Claim:  # fmt: skip
        cites = sorted(_dedupe_cites(cites), key=lambda c: (self.order.get(c.article, 0), c.start))
        base = hashlib.sha1(f"{subject}|{slot}|{value}".encode()).hexdigest()[:10]
        cid, n = f"c-{base}", 1
        while cid in self.info:
            n += 1
            cid = f"c-{base}-{n}"
        seen: set[str] = set()
        uniq: list[str] = []
        for v in variants:
            k = normalize_text(v)
            if k and k not in seen:
                seen.add(k)
                uniq.append(v.strip())
        claim = Claim(
            id=cid, subject=subject, slot=slot, value=value, variants=uniq, cites=cites,
            independent_sources=count_sources(cites, self.roots),
        )  # fmt: skip
        self.claims.append(claim)
        self.info[cid] = info
        self.support[cid] = support
        return claim

    def settle_confidence(self) -> None:
        """Each claim's confidence (docs/report.md): ``1 - (1 - b) ** n`` for ``n``
        independent sources, each supporting it with confidence ``b``."""
        for c in self.claims:
            c.confidence = _support(
                self.support.get(c.id, SOURCE_CONFIDENCE), c.independent_sources
            )


def _support(base: float, n_sources: int) -> float:
    return round(1 - (1 - base) ** max(1, n_sources), 3)


def conflict_confidence(conflict: Conflict, roots: Mapping[ArticleId, ArticleId]) -> float:
    """A conflict is as sure as its weakest side: ``min`` over its sides of the side's support
    (``1 - 0.3 ** n`` for ``n`` independent sources citing it)."""
    return min(
        (_support(SOURCE_CONFIDENCE, count_sources(s.cites, roots)) for s in conflict.sides),
        default=0.0,
    )


def _fmt_number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _join_names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# -- quantities --------------------------------------------------------------------------

_EPS = 1e-9
_KNOWN_HEDGES = frozenset(
    {"exact", "range", "up_to", "at_least", "more_than", "fewer_than", "about", "approximately",
     "around", "roughly", "nearly"}
)  # fmt: skip


# How far either way an "about" figure may lie from the value it gives.
ABOUT_SPREAD = 0.10


def quantity_interval(q: Quantity) -> tuple[float, float] | None:
    """The range of values a hedged number allows ("up to 20,000" -> [0, 20000])."""
    base = q.value if q.value is not None else (q.high if q.high is not None else q.low)
    if base is None:
        return None
    h: str = q.hedge
    if h == "range" and q.low is not None and q.high is not None:
        return q.low, q.high
    if h not in _KNOWN_HEDGES and q.low is not None:
        # a vague amount ("thousands of", "dozens") read as a range: its bounds as given
        return q.low, q.high if q.high is not None else math.inf
    if h == "up_to":
        return 0.0, base
    if h == "at_least":
        return base, math.inf
    if h == "more_than":
        return base * (1 + _EPS) + _EPS, math.inf
    if h == "fewer_than":
        return 0.0, base * (1 - _EPS) - _EPS
    if h in {"about", "approximately", "around", "roughly"}:
        # reporters round: "about 1,000" allows 900..1,100 ("about 150" and "about 200 metres"
        # of one fall cannot both hold)
        return base * (1 - ABOUT_SPREAD), base * (1 + ABOUT_SPREAD)
    if h == "nearly":
        return base * 0.85, base
    return base, base


def _measure_key(measure: str | None) -> str:
    m = normalize_text(measure or "")
    return re.sub(r"s$", "", m)


# One reported figure, read in its sentence: what it counts (its frame), its range of values in
# a common unit, and the independent source that reports it.
@dataclass(slots=True)
class _Reading:
    q: Quantity
    root: ArticleId
    frame: FrameReading
    key: str  # what the figure measures: its frame (or measure word) and unit class
    interval: tuple[float, float]
    anchor: float
    measure: str | None  # the counted noun, generic nouns folded to "people"
    sentence_text: str
    place: str | None  # the named place right after it ("in Lyon"), if any
    broken: bool  # a piece of a number split by a stray space ("6. 1", "120, 000")
    subject: str  # the figure's subject, folded ("" when none)
    scale: float  # from the value read to the whole number ("120, 000" read as 120: 1000)
    unit_factor: float  # from the figure's unit to the common unit (miles to metres)
    ages: frozenset[float] = frozenset()  # the ages its sentence gives (whose figure it is)
    owner: str = (
        ""  # an age's person by surname ("Varhol, 31,"); a population's place ("Varn, a city of")
    )
    names: frozenset[str] = frozenset()  # the capitalised words of its article
    # what a figure framed only by its noun needs (see ``_noun_framed``): "other" before its
    # noun ("two other rifles"), the content word that governs it ("holding a dozen ships":
    # holding; None after a comma, a preposition or a list word), whether it is an item of an
    # list of things ("rifles, two grenades and ..."), whether its noun counts people somewhere
    # in the story (a noun under a toll frame: "arrested 23 pirates")
    other: bool = False
    governor: str | None = None
    inventory: bool = False
    people: bool = False
    minor: bool = False  # a magnitude below another its article gives (an aftershock's)
    designation: str | None = None  # a model its noun names ("AK-47", "AK 47" -> "ak")
    counts_people: bool = False  # its noun counts people ("12 Somalis"), see ``_counts_people``
    # an interval value: a range's two ends ("between 9 and 14", "9-14"), a record's or a
    # score's numbers in order ("a 9-14 record", "(52-3)"); () for one number
    pair: tuple[float, ...] = ()


# A reading whose sentence is this similar (TF-IDF cosine of its words) to another's tells of
# the same event; below it, two figures may be about two events (two quakes) and are not
# compared. Tuned on ECB+ train (bench/align.py).
SAME_EVENT_SIMILARITY = 0.2
# Two counts of one named owner's thing without a frame ("Ostmark ... 300 engineers") are
# compared only when their sentences are this alike (ECB+ train: sports statistics).
SAME_OWNER_SIMILARITY = 0.45
# Reports more than this many days apart are about two events, not one told twice.
SAME_EVENT_DAYS = 4
# Prices, changes, funding and other figures outside ``EVENT_FRAMES`` need their sentences to
# be this similar: a story about deals names many deals.
SAME_DEAL_SIMILARITY = 0.45
# Frames of what happened in an event (counted victims, a quake's size, a place's
# population, a person's age, a crowd).
EVENT_FRAMES = frozenset(
    {"killed", "injured", "missing", "arrested", "rescued", "displaced", "magnitude",
     "population", "age", "marchers"}
)  # fmt: skip
# How much a conflict's likeness (its sentences' similarity) lends it: confidence is the
# weaker side's support times ``LIKENESS_BASE + (1 - LIKENESS_BASE) * min(1, 2 * sim)``.
LIKENESS_BASE = 0.6
# Two figures of one frame within this relative distance are one value ("58 km" and "36 miles").
_SAME_VALUE = 0.005
_SAME_LENGTH = 0.03


# A figure next to a digit across a stray space is a piece of a number ("6. 1", "120, 000");
# across a line break it is a new line's figure after a sentence that ended in a number.
# Across a comma only a group of three digits goes on with the number, as thousands are
# written: "(52-3, 46 KOs)" and "rounds 3, 4" are two figures, not one split by a space.
_BROKEN_BEFORE = re.compile(r"\d(?:\.[ \t]+|:[ \t]*)$")
_COMMA_BEFORE = re.compile(r"\d,[ \t]+$")
_GROUP = re.compile(r"\d{3}(?!\d)")
_BROKEN_AFTER = re.compile(r"^(?:\.[ \t]+|:[ \t]*)\d|^,[ \t]+\d{3}(?!\d)")


def _number_tail(text: str, start: int) -> bool:
    """Does the figure at ``start`` go on with a number written before it across a stray
    space ("6. 1", "120, 000": its tail)?"""
    before = text[max(0, start - 4) : start]
    if not text[start : start + 1].isdigit():
        return False
    return bool(
        _BROKEN_BEFORE.search(before)
        or (_COMMA_BEFORE.search(before) and _GROUP.match(text, start))
    )


_THOUSANDS_AFTER = re.compile(r"(?:,[ \t](\d{3})(?![\d.,]))+")
_DECIMALS_AFTER = re.compile(r"\.[ \t](\d{1,2})(?![\d,]|\.\d)")


def _rejoin(text: str, q: Quantity) -> tuple[int, float]:
    """A number split by a stray space ("120, 000", "6. 1", common in scraped text) read
    whole: the end of its full text and the factor from the value read to the whole value."""
    v = _anchor(q)
    if not q.text[-1:].isdigit() or not v or not float(v).is_integer():
        return q.cite.end, 1.0
    m = _THOUSANDS_AFTER.match(text, q.cite.end)
    if m:
        groups = re.findall(r"\d{3}", m.group())
        whole = int(v) * 1000 ** len(groups) + int("".join(groups) or 0)
        return m.end(), whole / v
    m = _DECIMALS_AFTER.match(text, q.cite.end)
    if m and v < 100:
        return m.end(), float(f"{int(v)}.{m.group(1)}") / v
    return q.cite.end, 1.0


# A length is rounded, and often converted ("about 58 km (36 miles)"): an exact one allows
# this much either way.
_LENGTH_ROUNDING = 0.05


def _widen(
    iv: tuple[float, float], factor: float, unit: str, exact: bool = True
) -> tuple[float, float]:
    lo, hi = iv[0] * factor, iv[1] * factor
    if unit == "length" and exact:
        lo, hi = lo * (1 - _LENGTH_ROUNDING), hi * (1 + _LENGTH_ROUNDING)
    return lo, hi


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, not cut inside a number split by a stray space ("magnitude-6. 4")."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        if (
            out
            and text[out[-1][1] - 2 : out[-1][1] - 1].isdigit()
            and text[s : s + 1].isdigit()
            and "\n" not in text[out[-1][1] : s]
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _broken(text: str, cite: Cite) -> bool:
    """A piece of a number split by a stray space: a digit across ", " or ". " from the
    figure's own first or last digit ("three other rifles, 13 magazines" is a list)."""
    return _number_tail(text, cite.start) or bool(
        text[cite.end - 1 : cite.end].isdigit()
        and _BROKEN_AFTER.match(text[cite.end : cite.end + 6])
    )


# A speed unit after a figure ("120 mph", "193km/h", "60 miles an hour").
_SPEED_AFTER = re.compile(
    r"\s*(?:(mph|km/h|kph|kmh|kmph|knots?)\b|/h\b|(?:miles|kilomet(?:er|re)s)?\s*(?:per|an|a)\s+hour\b)",
    re.I,
)


def _unit(q: Quantity, fr: FrameReading, after: str = "") -> tuple[str, float]:
    """The unit class of a figure and the factor to a common unit (lengths in metres,
    speeds in km/h: "120 mph", "120 miles per hour" and "193km/h" are one speed).
    ``after`` is the text right after the figure's cite."""
    m = (q.measure or "").strip()
    unit = _SPEED_AFTER.match(after)
    if unit and unit.group(1):
        m = unit.group(1)
    if m.lower() in SPEED_UNITS:
        return "speed", SPEED_UNITS[m.lower()]
    speed = unit is not None
    for w in (m.lower(), (fr.head or "").lower(), *sorted(fr.nouns)):
        if w in LENGTH_UNITS:
            return ("speed", LENGTH_UNITS[w] / 1000) if speed else ("length", LENGTH_UNITS[w])
    if m.lower() in {"percent", "per cent", "%", "percentage points"}:
        return "percent", 1.0
    if len(m) == 3 and m.isupper():
        return f"money:{m}", 1.0
    if m.lower() in CURRENCY_WORDS:  # "110 billion euros" is "110 billion EUR"
        return f"money:{CURRENCY_WORDS[m.lower()]}", 1.0
    return "count", 1.0


def _singular(word: str) -> str:
    """The singular of a counted noun whose final "s" ``_measure_key`` dropped ("catche",
    "casualtie" -> "catch", "casualty"): the lemmatiser is not at hand in a report, and
    counted nouns are regular."""
    if word.endswith(("che", "she", "sse", "xe")):
        return word[:-1]
    if word.endswith("ie") and len(word) > 4:
        return word[:-2] + "y"
    return word


def _counted(q: Quantity, head: str | None) -> str | None:
    m = _measure_key(q.measure) or None
    if head and (m is None or m in head or head.startswith(m)):
        m = re.sub(r"s$", "", head)  # the noun read in the text: "rifles" for "AK-47 rifles"
    if m and (m in GENERIC_COUNTED or m + "s" in GENERIC_COUNTED):
        return "people"
    if m:
        # one noun for words outlets swap ("pirates" / "brigands", "catches" / "receptions")
        *mods, last = m.split() or [m]
        # a designation is one noun however it is written ("AK-47s", "AK 47", "AK-")
        last = re.sub(r"-?\d.*$|-+$", "", last) or last
        one = _singular(last)
        m = " ".join([*mods, MEASURE_SYNONYMS.get(one, one)])
    return m


# "46 wins by knockout": the wins counted by how they were won are that noun's count ("46
# knockouts", "46 KOs"); the win nouns are a record's (``lang.claims.RECORD_IN_WORDS``).
_WIN_NOUNS = frozenset(_singular(_measure_key(w)) for w in RECORD_IN_WORDS[0])
_BY_AFTER = re.compile(r"\s+by\s+(?:an?\s+)?([a-z]+)\b", re.I)


def _won_by(measure: str | None, text: str, end: int) -> str | None:
    """The counted noun of "N wins by <noun>": the noun ("knockout"), else ``measure``."""
    if measure not in _WIN_NOUNS:
        return measure
    m = _BY_AFTER.match(text, end)
    if m is None:
        return measure
    one = _singular(_measure_key(m.group(1).lower()))
    return MEASURE_SYNONYMS.get(one, one)


# "two counts of murder" are "two murder charges": the words after "of", up to a word that
# ends the crime's name (a closed class: prepositions, conjunctions, determiners).
_OF_WORDS = re.compile(r"\s+of\s+((?:[a-z][a-z-]*\s*){1,3})")
_CRIME_END = frozenset(
    {"and", "or", "in", "for", "against", "with", "of", "on", "at", "by", "from", "to", "the",
     "a", "an", "his", "her", "their", "after", "while", "when", "who", "that", "which"}
)  # fmt: skip


def _charged(measure: str | None, q: Quantity, text: str, end: int) -> str | None:
    """The counted noun of a count of charges, named by its crime: "<crime> charge" for
    "N counts of <crime>", "N charges of <crime>" and "N <crime> charges" ("two counts of
    murder" / "two murder charges"), else ``measure``."""
    if measure not in ("count", "charge"):
        return measure
    words: list[str] = []
    if measure == "charge":
        # the words between the figure's number and its noun ("two first-degree murder
        # charges"): the crime
        inner = q.text.split()[1:-1]
        words = [w.lower() for w in inner if re.fullmatch(r"[A-Za-z][A-Za-z-]*", w)]
    if not words:
        m = _OF_WORDS.match(text, end)
        for w in m.group(1).split() if m else ():
            if w in _CRIME_END:
                break
            words.append(w)
    return " ".join([*words, "charge"]) if words else measure


# Entity kinds of places: never the owner of a person's age.
_PLACE_KINDS = frozenset({"gpe", "loc", "fac"})


# Ages ``read_frame`` does not read (it reads "Name, 26," and "26-year-old"): a whole number
# between commas right after a noun of a person's role or sex ("the actress, 26, checked
# in"); a person's "was/is/turns N" closing its clause ("He was 75.", with "he"/"she" or a
# person named as the figure's subject), or before "and" and a word after "he"/"she" ("She
# was 75 and lived in Tarn"); "died at (the age of) N"; a full name's apposition
# closing its sentence ("killing Mara Quillon, 40.").
_ROLE_BEFORE = re.compile(r"\b([a-z]+),\s*$")
_AGE_AFTER = re.compile(r"\s*,")
_WAS_BEFORE = re.compile(r"\b(?:(?P<pron>[Hh]e|[Ss]he)\s+)?(?:was|is|turns|turned)\s+$")
_WAS_AFTER = re.compile(r"\s*(?:[.,;]|$)")
_WAS_AND_AFTER = re.compile(r"\s+and\s+[a-z]")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*[a-z]\s+[A-Z][\w’'-]*[a-z],\s*$")
_END_AFTER = re.compile(r"\s*(?:[.;]|$)")
_DIED_AT_BEFORE = re.compile(r"\b(?:die[sd]?|dying)\s+at\s+(?:the\s+age\s+of\s+)?$", re.I)


def _role_age(text: str, q: Quantity) -> bool:
    v = _anchor(q)
    if not q.text.isdigit() or not 0 < v < 120:
        return False
    before = text[max(0, q.cite.start - 30) : q.cite.start]
    m = _ROLE_BEFORE.search(before)
    word = m.group(1) if m else ""
    if (word in PERSON_ROLE_NOUNS or word in PEOPLE_NOUNS) and _AGE_AFTER.match(text, q.cite.end):
        return True
    if _DIED_AT_BEFORE.search(before):
        return True
    if _NAME_BEFORE.search(before) and _END_AFTER.match(text, q.cite.end):
        return True  # "killing Mara Quillon, 40." (an apposition closing its sentence)
    w = _WAS_BEFORE.search(before)
    person = bool(w and (w.group("pron") or (q.subject_entity or "").startswith("per:")))
    if w and w.group("pron") and _WAS_AND_AFTER.match(text, q.cite.end):
        return True  # "He was 95 and lived in Tarn": the clause goes on about the person
    return person and bool(_WAS_AFTER.match(text, q.cite.end))


def _readings(
    facts: Sequence[ArticleFacts], texts: Mapping[ArticleId, str],
    roots: Mapping[ArticleId, ArticleId],
) -> list[_Reading]:  # fmt: skip
    out: list[_Reading] = []
    spans: dict[ArticleId, list[tuple[int, int]]] = {}
    for f in facts:
        text = texts.get(f.article_id, "")
        records = [*_records(text, f), *_streaks(text, f)] if text else []
        inside = [(r.cite.start, r.cite.end) for r in records]
        for q in [*f.quantities, *records]:
            if not any(q is r for r in records) and any(
                a <= q.cite.start and q.cite.end <= b for a, b in inside
            ):
                continue  # "2" of "45-7-2", "10-fight" of a streak: a piece, read whole
            iv = quantity_interval(q)
            if iv is None or not text:
                continue
            sents = spans.setdefault(f.article_id, _sentences(text))
            at = next((i for i, (s, e) in enumerate(sents) if s <= q.cite.start < e), None)
            sent = sents[at] if at is not None else (q.cite.start, q.cite.end)
            prev = sents[at - 1] if at else None
            if _number_tail(text, q.cite.start):
                continue  # the tail of a number split by a stray space: read with its head
            end, scale = _rejoin(text, q)
            fr = read_frame(text, q.cite.start, end, sent, prev)
            role_age = fr.frame != "age" and _role_age(text, q)
            if role_age:
                fr = replace(fr, frame="age", frames=frozenset({"age"}), head="age")
            unit, unit_factor = _unit(q, fr, text[end : end + 24])
            factor = unit_factor * scale
            measure = "age" if role_age else _counted(q, fr.head)
            measure = _charged(_won_by(measure, text, end), q, text, end)
            if measure == "age" and (q.subject_entity or "").partition(":")[0] in _PLACE_KINDS:
                # a person's age is no place's ("the 41-year-old American": the place a
                # demonym names): the figure has no owner, as one with no subject
                q = replace(q, subject=None, subject_entity=None)
            # a broken number, or a duration (a term of something, not an event's figure)
            unusable = _broken(text, Cite(q.cite.article, q.cite.start, end)) or (
                (measure or "") in DURATION_MEASURES and fr.frame != "age"
            )
            # claims gather a value by what it counts: its own noun ("police officers"), else
            # its frame ("killing 10 people", "10 persons died": killed)
            if measure and measure != "people" and unit == "count":
                key = f"~{measure}|{unit}"
            elif fr.frame:
                key = f"{fr.frame}|{unit}"
            else:
                subj = q.subject_entity or (slugify(q.subject) if q.subject else "")
                key = f"~{_measure_key(q.measure)}|{unit}|{subj}"
            out.append(
                _Reading(
                    q, roots.get(f.article_id, f.article_id), fr, key,
                    _widen(iv, factor, unit, q.hedge == "exact"), _anchor(q) * factor, measure,
                    text[sent[0] : sent[1]], _place_after(text, q.cite),
                    unusable,
                    q.subject_entity or (slugify(q.subject) if q.subject else ""), scale,
                    unit_factor,
                )
            )  # fmt: skip
    # the ages each sentence gives: a figure in a sentence about a 36-year-old is not one
    # about a 32-year-old
    ages: dict[tuple[ArticleId, str], set[float]] = defaultdict(set)
    for r in out:
        if r.frame.frame == "age":
            ages[(r.q.cite.article, r.sentence_text)].add(r.anchor)
    names = {
        f.article_id: frozenset(re.findall(r"\b[A-Z][\w-]+", texts.get(f.article_id, "")))
        for f in facts
    }
    # nouns of people: counted under a toll somewhere in the story, never as things seized
    # ("arrested 23 pirates"; "captured three boats" but also "seized two boats")
    people = {r.measure for r in out if r.frame.frame in TOLL_FRAMES and r.measure} - {
        r.measure for r in out if r.frame.frame in OBJECT_FRAMES or r.frame.listed
    }
    largest: dict[ArticleId, float] = defaultdict(float)
    for r in out:
        if r.frame.frame == "magnitude" and not r.frame.when:
            # (a past quake's size, "a 6.7 quake killed 26,000 in 2003", is no rival; "since
            # it was rocked by a 5.9 quake", read as another event's, still is)
            largest[r.q.cite.article] = max(largest[r.q.cite.article], r.anchor)
    for r in out:
        text = texts.get(r.q.cite.article, "")
        r.pair = _pair_of(r)
        r.minor = r.frame.frame == "magnitude" and r.anchor < largest[r.q.cite.article]
        r.names = names.get(r.q.cite.article, frozenset())
        r.ages = frozenset(ages.get((r.q.cite.article, r.sentence_text), ()))
        if r.frame.frame == "age":
            r.owner = _age_owner(text, r.q.cite)
        elif r.frame.frame == "population":
            r.owner = _place_owner(text, r.q.cite, r.frame.sentence[0])
        r.other = "other" in r.q.text.lower().split() or bool(
            _OTHER_AFTER.match(text, r.q.cite.end)
        )
        r.governor = _governor(text, r.q.cite.start, r.frame.sentence[0])
        d = _DESIGNATION.match(text, r.q.cite.start, min(len(text), r.q.cite.end + 30))
        r.designation = d.group(1).lower() if d else None
        r.inventory = _list_item(text, r.q.cite, r.frame.sentence[0])
        r.people = r.measure in people or (r.measure or "") in PERSON_ROLE_NOUNS
        r.counts_people = _counts_people(r, text)
    return out


# Records and scores: two or three numbers joined by dashes ("9-14", "45-7-2"), not part of a
# longer number, a date or a clock time; read where a cue before ("went 9-14", "improved his
# record to 52-3"), a record word after ("a 9-14 record", "a 3-1 win") or a name's
# parenthesis ("Ames (52-3, 46 KOs)") says what they are (``lang.claims.RECORD_CUES``); a
# full stop after them may end the sentence ("the Hawks fell to 9-14."), not a decimal's.
_RECORD_PAIR = re.compile(
    r"(?<![\w.,:/–-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?:\s?[-–]\s?(\d{1,3}))?(?![\w:/]|\.\w|[,.]\d|\s?[-–]\s?\d)"
)
# a cue, then its object's name ("beat the host Jaguars, 31-24") or a possessive's record
_CUE_TAIL = (
    r"\s+(?:(?:his|her|its|their|the|a|an|host|visiting)\s+)?(?:record\s+(?:to|of|at)\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}?(?:[A-Z][\w'’.-]*,\s+)?$"
)
_RECORD_BEFORE = re.compile(rf"\b(?:{alternation(RECORD_CUES)}){_CUE_TAIL}", re.I)
_SCORE_BEFORE = re.compile(rf"\b(?:{alternation(SCORE_CUES)}){_CUE_TAIL}", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{alternation(MONTHS)})\.?\s+$", re.I)
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?\s?m\b|o'clock|GMT\b|UTC\b|[CE][SD]?T\b)", re.I)
_NAME_COMMA = re.compile(r"([A-Z][\w'’.-]*),\s+$")
_OWNER_BEFORE_CUE = re.compile(
    rf"\b([A-Z][\w'’.-]+)\s+(?:{alternation(RECORD_CUES)})\s+(?:[a-z]+\s+)?$"
)
_RECORD_WORD_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?({alternation(RECORD_WORDS)})\b", re.I)
_RECORD_PAREN = re.compile(r"([A-Z][\w'’.-]*)\s*\($")
_RECORD_PAREN_AFTER = re.compile(r"\s*(?:[,;)]|with\b)")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_COMPOUND_AFTER = re.compile(r"-[a-z]")

# How far back a record's owner may be named (characters).
_RECORD_OWNER_REACH = 60


def _owner_mentions(text: str, facts: ArticleFacts) -> list[tuple[int, int, str, str]]:
    """The article's entity mentions that may own a record or a streak, in text order, as
    (start, end, entity id, name): not a name opening a compound ("the Ukrainian-born
    fighter" owns nothing)."""
    return sorted(
        (c.start, c.end, e.id, e.name)
        for e in facts.entities for c in e.mentions
        if c.article == facts.article_id and not _COMPOUND_AFTER.match(text, c.end)
    )  # fmt: skip


_SMALL_NUMBER = r"\d{1,3}|" + alternation(w for w, v in VALUE_WORDS.items() if v.isdigit())
# "nine wins and 14 losses", "52 victories, three defeats and one draw"
_RECORD_WORDS = re.compile(
    rf"(?<![\w.,-])(?P<w>{_SMALL_NUMBER})\s+(?:{alternation(RECORD_IN_WORDS[0])})\s*(?:,|and)\s+"
    rf"(?P<l>{_SMALL_NUMBER})\s+(?:{alternation(RECORD_IN_WORDS[1])})\b"
    rf"(?:\s*(?:,|and)\s+(?P<d>{_SMALL_NUMBER})\s+(?:{alternation(RECORD_IN_WORDS[2])})\b)?",
    re.I,
)


def _record_number(word: str) -> float:
    w = word.lower()
    return float(VALUE_WORDS[w]) if w in VALUE_WORDS else float(w)


def _records(text: str, facts: ArticleFacts) -> list[Quantity]:
    """The records and scores of an article as interval values (issue 18): "a 9-14 record",
    "went 9-14", "Ames (52-3, 46 KOs)", "Ames, 58-3, floored", "won 3-1", "beat Varn 3-1".
    Each is one figure whose numbers are read in order (``_Reading.pair``), measured "record"
    or "score", owned by the last name written before it in its sentence; it joins the same
    record told elsewhere and is never set against another (a record changes with every
    game). A pair an extracted range with a noun already reads ("9-14 games") is left to
    it; a day or hour range ("October 1-2", "5-8 p.m.") is no record."""
    # a range with its noun ("9-14 games", "between 9 and 14") is read by the extractor; a
    # bare one in a record's words ("the 76ers were 9-14 when") is read here as a record
    ranges = [
        (q.cite.start, q.cite.end) for q in facts.quantities if q.hedge == "range" and q.measure
    ]
    mentions = _owner_mentions(text, facts)
    out: list[Quantity] = []
    for m in _RECORD_PAIR.finditer(text):
        s, e = m.span()
        if any(a <= s and e <= b for a, b in ranges):
            continue
        before = text[max(0, s - 50) : s]
        if _MONTH_BEFORE.search(before) or _CLOCK_AFTER.match(text, e):
            continue  # "October 1-2", "5-8 p.m.": days and hours, no record
        word = _RECORD_WORD_AFTER.match(text, e)
        named = _RECORD_PAREN.search(before) or _NAME_COMMA.search(before)
        paren = bool(named and _RECORD_PAREN_AFTER.match(text, e))
        score = _SCORE_BEFORE.search(before)
        cue = _RECORD_BEFORE.search(before)
        if not (cue or score or word or paren):
            continue
        nums = [float(g) for g in m.groups() if g is not None]
        # the longer cue tells: "improved to 25-7" is a record, "to a 19-12 lead" a score
        record = bool(
            (word and word.group(1).lower() in RECORD_NOUNS)
            or paren
            or (cue and (not score or len(cue.group()) >= len(score.group())))
        )
        owner = [
            (a, b, eid, name) for a, b, eid, name in mentions
            if b <= s and s - b <= _RECORD_OWNER_REACH and not _SENTENCE_BREAK.search(text, b, s)
        ]  # fmt: skip
        eid, name = (owner[-1][2], owner[-1][3]) if owner else (None, None)
        if name is None:
            # a name no entity holds, right before the cue or the bracket ("The Broncos are
            # 12-3", "the Chiefs (2-13)")
            bare = _OWNER_BEFORE_CUE.search(before) or (named if paren else None)
            name = bare.group(1) if bare else None
        out.append(
            Quantity(
                subject=name, measure="record" if record else "score", value=None,
                low=nums[0], high=nums[1], hedge="range", text=text[s:e],
                cite=Cite(facts.article_id, s, e), subject_entity=eid,
            )
        )  # fmt: skip
    for m in _RECORD_WORDS.finditer(text):
        # a record told in words ("nine wins and 14 losses") is the record "9-14": its
        # owner is the last name written before it in its sentence, as above
        s, e = m.span()
        if any(q.cite.start < e and s < q.cite.end for q in out):
            continue
        owner = [
            (a, b, eid, name) for a, b, eid, name in mentions
            if b <= s and s - b <= _RECORD_OWNER_REACH and not _SENTENCE_BREAK.search(text, b, s)
        ]  # fmt: skip
        nums = [_record_number(g) for g in (m.group("w"), m.group("l"), m.group("d")) if g]
        out.append(
            Quantity(
                subject=owner[-1][3] if owner else None, measure="record", value=None,
                low=nums[0], high=nums[1], hedge="range", text=text[s:e],
                cite=Cite(facts.article_id, s, e),
                subject_entity=owner[-1][2] if owner else None,
            )
        )  # fmt: skip
    return out


# A streak (issue 18): "the Hawks' eighth straight win", "won his 10th consecutive bout", "a
# 10-fight winning streak", "a three-game losing streak", "winners of eight straight games",
# "won 16 fights in a row". Its count and what it is a streak of
# ("win", "loss", "day"): won or lost games are wins or losses.
_ORDINAL_WORDS = {w: v for w, v in VALUE_WORDS.items() if v.endswith(("st", "nd", "rd", "th"))}
_STREAK_ORDINAL = re.compile(
    rf"\b(?:(?P<verb>won|wins|win|winning|lost|loses|lose|losing)\s+(?:(?:his|her|its|their|the|a)\s+)?)?"
    rf"(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{alternation(_ORDINAL_WORDS)})\s+(?:consecutive|straight)\s+"
    rf"(?P<noun>[a-z]+)\b",
    re.I,
)
_STREAK_RUN = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{_SMALL_NUMBER})-(?P<noun>[a-z]+)\s+(?P<kind>winning|win|losing)\s+"
    rf"(?:streak|run)\b",
    re.I,
)
_STREAK_COUNT = re.compile(
    rf"\b(?P<verb>won|lost|winners\s+of|losers\s+of)\s+(?P<n>\d{{1,3}}|{_SMALL_NUMBER})\s+"
    rf"(?:(?:straight|consecutive)\s+(?P<noun>[a-z]+)|(?P<rowed>[a-z]+)\s+in\s+a\s+row)\b",
    re.I,
)
# Nouns of one game, won or lost (a closed class of sport words); "victory" / "defeat" are a win
# and a loss.
_GAME_NOUNS = frozenset({"game", "fight", "bout", "match", "contest"})
_OUTCOME_NOUNS = {"victory": "win", "victorie": "win", "defeat": "loss", "losse": "loss"}


def _streaks(text: str, facts: ArticleFacts) -> list[Quantity]:
    """The runs of wins or losses of an article as counts measured "win streak" or "loss
    streak", owned, like a record, by the last name written before them in their sentence."""
    mentions = _owner_mentions(text, facts)
    out: list[Quantity] = []
    found = [*_STREAK_ORDINAL.finditer(text), *_STREAK_RUN.finditer(text)]
    for m in [*found, *_STREAK_COUNT.finditer(text)]:
        word = m.group("n").lower()
        raw = _ORDINAL_WORDS.get(word, VALUE_WORDS.get(word, word))
        n = float(re.sub(r"\D", "", raw) or 0)
        if not n:
            continue
        noun = _singular(
            _measure_key((m.group("noun") or m.groupdict().get("rowed") or "").lower())
        )
        noun = _OUTCOME_NOUNS.get(noun, noun)
        won = (m.groupdict().get("verb") or m.groupdict().get("kind") or "").lower()
        if noun in _GAME_NOUNS and won:
            noun = "win" if won.startswith(("win", "won")) else "loss"
        if noun not in ("win", "loss"):
            # "the fifth straight game" (played, not won or lost), "a sixth straight day" (of
            # what, the sentence says): only runs of wins or losses are read
            continue
        s = m.start("n")
        owner = [
            (a, b, eid, name) for a, b, eid, name in mentions
            if b <= s and s - b <= _RECORD_OWNER_REACH and not _SENTENCE_BREAK.search(text, b, s)
        ]  # fmt: skip
        out.append(
            Quantity(
                subject=owner[-1][3] if owner else None, measure=f"{noun} streak", value=n,
                low=n, high=n, hedge="exact", text=text[s : m.end()],
                cite=Cite(facts.article_id, s, m.end()),
                subject_entity=owner[-1][2] if owner else None,
            )
        )  # fmt: skip
    return out


def _pair_of(r: _Reading) -> tuple[float, ...]:
    """A figure's interval value: a record's numbers as written ("45-7-2"), a range's two
    ends in a common unit; () for a single number."""
    if r.q.measure in ("record", "score"):
        told = _RECORD_WORDS.fullmatch(r.q.text)
        if told:  # "nine wins and 14 losses"
            return tuple(_record_number(g) for g in told.group("w", "l", "d") if g)
        return tuple(float(x) for x in re.findall(r"\d+", r.q.text))
    if r.q.hedge == "range" and r.q.low is not None and r.q.high is not None:
        f = r.unit_factor * r.scale
        return round(r.q.low * f, 6), round(r.q.high * f, 6)
    return ()


# A model named in a figure's noun phrase, before any comma ("12 AK 47 guns", "seven AK-47
# assault rifles"): outlets write one model's noun as "guns", "rifles" or nothing at all.
_DESIGNATION = re.compile(r"[\w.,-]*\s+(?:[a-z]+\s+){0,2}?([A-Z]{1,4})[- ]?\d{1,4}(?!\d)")
# "two other rifles", "three other automatic weapons": "other" before the figure's noun
_OTHER_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?other\b", re.I)
_FRAME_WORD_FORMS = frozenset(w for ws in FRAME_WORDS.values() for w in ws)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[^\w\s]")


# An item of a list: after a comma, "and" or a list word, or followed by ", seven" (not by
# ", a": "pirates in two boats, a spokesman said" is no list).
_ITEM_BEFORE = re.compile(r"(?:,|\band|\bincluding|\bincluded|\bincludes|\bwere)\s*$", re.I)
_ITEM_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,4}\s*,\s*(?:\d|(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b)",
    re.I,
)


def _list_item(text: str, cite: Cite, sentence_start: int) -> bool:
    """Is a figure an item of a list of things ("recovered 12 rifles, three pistols",
    "rifles, two grenades and ...")?"""
    before = text[max(sentence_start, cite.start - 12) : cite.start]
    return bool(_ITEM_BEFORE.search(before) or _ITEM_AFTER.match(text, cite.end))


def _governor(text: str, start: int, sentence_start: int) -> str | None:
    """The content word right before a figure, past its hedge and article words: the verb
    or noun that says what the figure counts ("attacked nearly 100 vessels": attacked).
    None when a comma, a preposition, a list word or the sentence start comes first."""
    before: list[str] = _WORD.findall(text[max(sentence_start, start - 80) : start])
    for tok in reversed(before):
        low = tok.lower()
        if low in GOVERNOR_SKIP_WORDS:
            continue
        if not tok[:1].isalpha() or low in stop_words() or low in LIST_WORDS:
            return None
        # a frame word ("seized", "recovered") is read as the figure's frame, not compared
        return None if low in _FRAME_WORD_FORMS else low
    return None


_AGE_OWNER_AFTER = re.compile(
    r"\S*?\d+\s*-?\s*years?\s*-?\s*old\s+(?:[a-z]+\s+){0,2}"
    r"(?:[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?){0,2}([A-Z][\w'’-]+)"
)
_AGE_OWNER_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s+([A-Z][\w'’-]+),\s*$")


def _age_owner(text: str, cite: Cite) -> str:
    """The surname of the person an age belongs to: the name right after "N-year-old" or
    right before ", N," ("Ilse Varhol, 31, of Orlen"); "" when no full name is there."""
    m = _AGE_OWNER_AFTER.match(text, cite.start, min(len(text), cite.end + 60))
    if m:
        return m.group(1).lower()
    m = _AGE_OWNER_BEFORE.search(text[max(0, cite.start - 60) : cite.start])
    if m and _AGE_AFTER_COMMA.match(text, cite.end):
        return m.group(1).lower()
    return ""


_AGE_AFTER_COMMA = re.compile(r"\s*,")
# "Orlen island, home to 120,000", "Varn, a city of 500,000": the place a population is of
_PLACE_OWNER = re.compile(r"\b([A-Z][\w'’-]+)(?:\s+[a-z]+)?\s*,\s*[a-z][a-z ]{0,24}$")


def _place_owner(text: str, cite: Cite, sentence_start: int) -> str:
    """The place a population figure belongs to: the name right before the comma of its
    apposition ("Varn, a city of 500,000 people"); "" when none is written there."""
    m = _PLACE_OWNER.search(text[max(sentence_start, cite.start - 60) : cite.start])
    return m.group(1).lower() if m else ""


class _Similarity:
    """TF-IDF cosine between the sentences of a story's figures (scikit-learn)."""

    def __init__(self, sentences: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.index = {s: i for i, s in enumerate(dict.fromkeys(sentences))}
        self.matrix = None
        if len(self.index) >= 2:
            vec = TfidfVectorizer(stop_words="english", token_pattern=r"(?u)\b[^\W\d_]{2,}\b")
            try:
                self.matrix = vec.fit_transform(list(self.index))
            except ValueError:  # no word at all in any sentence
                self.matrix = None

    def __call__(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        if self.matrix is None:
            return 0.0
        va, vb = self.matrix[self.index[a]], self.matrix[self.index[b]]
        return float(va.multiply(vb).sum())


def _is_record(r: _Reading) -> bool:
    return r.q.measure in ("record", "score")


def _same_value(a: _Reading, b: _Reading) -> bool:
    if _is_record(a) or _is_record(b):
        # a record or a score: both numbers, in order ("9-14"; a bare range "9-14" too)
        return bool(a.pair) and a.pair == b.pair
    tol = _SAME_LENGTH if a.key.split("|")[1] == "length" else _SAME_VALUE
    if not _within(a.anchor, b.anchor, tol):
        return False
    va, vb = a.q.value, b.q.value
    if (va is None) != (vb is None):
        # an amount told as a span is not a figure at its end: "tens of thousands" (up to
        # 99,999) is not "100,000", "between 62 and 66" is not "66"
        return False
    if va is None and a.interval[0] != b.interval[0]:
        return _within(a.interval[0], b.interval[0], tol)
    if va is None or vb is None or a.q.measure != b.q.measure or a.unit_factor != b.unit_factor:
        return True  # "58 km" / "36 miles": one value across a conversion's rounding
    # in one unit, figures close together are one value only when the finer rounds to the
    # coarser ("13.49 billion" / "13.5 billion"); "50.03%" and "49.97%" are two shares
    va, vb = va * a.scale, vb * b.scale
    return abs(va - vb) <= max(_written_step(va), _written_step(vb)) / 2 + 1e-9 * abs(va)


def _within(x: float, y: float, tol: float) -> bool:
    """Whether two figures lie within ``tol`` of the larger one's size (at least 1)."""
    return abs(x - y) <= tol * max(abs(x), abs(y), 1.0)


def _written_step(v: float) -> float:
    """The last written digit's place of a figure: 0.01 for 50.03, 100 for 20,100, 1,000,000
    for 2 million (a round figure is as precise as its last non-zero digit)."""
    v = abs(v)
    if v == 0 or not math.isfinite(v):
        return 0.0
    step = 10.0 ** math.floor(math.log10(v))
    while step > 1e-6 and abs(v / step - round(v / step)) > 1e-6:
        step /= 10
    return step


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _open_span(r: _Reading) -> tuple[float, float]:
    """What a figure allows against another report's: its interval, but a vague amount only
    bounds from below ("thousands of files" holds with "12,000 files"; "hundreds of
    thousands" does not with "100,000")."""
    return (r.interval[0], math.inf) if r.q.hedge == "vague" else r.interval


def _comparable(a: _Reading, b: _Reading, sim: float) -> bool:
    """Do two figures measure the same thing in the same event (like and like)?"""
    return not _incomparable(a, b, sim)


def _incomparable(a: _Reading, b: _Reading, sim: float) -> str:
    """Why two figures are not like and like ("" when they are): the first rule that tells
    them apart, named for ``bench/align.py --diagnose``."""
    fa, fb = a.frame, b.frame
    if a.root == b.root:
        return "one source"
    if a.key.split("|")[1] != b.key.split("|")[1]:
        return "different unit"
    noun = _noun_framed(a, b)
    if not noun and not _same_frames(a, b):
        return "different frame"
    if (
        fa.frame is None
        and not noun
        and not (a.q.subject_entity and a.q.subject_entity == b.q.subject_entity)
    ):
        # a counted noun alone ("13 homers", "66 yards") is a statistic of many things in a
        # story (seasons, games, players): compared only when both name the same owner
        # ("Ostmark ... 300 engineers"); on ECB+ train every other such pair was false (s12
        # tried comparing them at sentence likeness >= 0.45: 25 more unlabelled conflicts on
        # train, all sports statistics, for no labelled one)
        return f"no frame, no shared owner ({_noun_gap(a, b)})"
    if _part(a, b) or _part(b, a):
        return "a part"
    if fa.other_event or fb.other_event or fa.when != fb.when:
        return "another event or time"
    if not _same_noun(a, b):
        return "different counted noun"
    if fa.frame != "age" and a.ages and b.ages and not _ages_meet(a.ages, b.ages):
        return "two people's"  # "the 36-year-old fell 200 m" / "the 32-year-old fell 600 m"
    if a.anchor == 0 or b.anchor == 0:
        return "a zero"  # nearly always scoped to a place or time the other is not
    if a.place and b.place and a.place != b.place:
        return "two places"  # "in Lyon" / "in Oslo": two places, two counts
    if fa.frame == "population" and a.owner and b.owner and a.owner != b.owner:
        return "two places"  # "Orlen island, home to 120,000" / "Varn, a city of 500,000"
    if (
        fa.frame == "magnitude"
        and _weekdays(a)
        and _weekdays(b)
        and not _weekdays(a) & _weekdays(b)
    ):
        return "another event or time"  # a quake on Sunday, an aftershock on Monday
    if a.minor or b.minor:
        return "another event or time"  # "rocked by a 5.9 quake ... a 3.8 aftershock"
    if (a.place and a.place not in b.names) or (b.place and b.place not in a.names):
        return "a place the other never names"  # "a quake in eastern China", China unnamed
    if a.broken or b.broken:
        return "a broken number"
    if fa.frame == "age" and not (
        (a.subject and a.subject == b.subject) or (a.owner and a.owner == b.owner)
    ):
        return "ages of no shared name"  # a story names many people
    if noun:
        # two lone figures (no list of things) need the likeness of one event told twice
        least = NOUN_FRAME_SIMILARITY if a.inventory else SAME_EVENT_SIMILARITY
        return "" if sim >= least else "sentences not alike"
    if fa.frame is None:
        return "" if sim >= SAME_OWNER_SIMILARITY else "sentences not alike"
    if fa.frame not in EVENT_FRAMES and a.key.split("|")[1] != "length":
        # a price, a change, a term: a story names many of them; only sentences that tell
        # the same thing are compared
        return "" if sim >= SAME_DEAL_SIMILARITY else "sentences not alike"
    return "" if sim >= SAME_EVENT_SIMILARITY else "sentences not alike"


def _weekdays(r: _Reading) -> frozenset[str]:
    """The weekdays a figure's sentence names (a quake's size is one quake's: a size told of
    another day is another quake's)."""
    return frozenset(w for w in re.findall(r"[a-z]+", r.sentence_text.lower()) if w in WEEKDAYS)


def _ages_meet(a: frozenset[float], b: frozenset[float]) -> bool:
    """Can two sentences' ages be one person's? Ages a year apart can: outlets give one
    person's age a year apart (a birthday, a slip), and that age is itself a disagreement."""
    return any(abs(x - y) <= 1 for x in a for y in b)


def _two_people(ca: Sequence[_Reading], cb: Sequence[_Reading]) -> bool:
    """Are two values told of two people? Their figures' sentences give ages, and no age of
    one meets an age of the other (a figure without an age in its sentence may take either
    side, so the claims are weighed whole)."""
    ages_a = frozenset(x for r in ca for x in r.ages)
    ages_b = frozenset(x for r in cb for x in r.ages)
    return bool(ages_a and ages_b) and not _ages_meet(ages_a, ages_b)


def _part(a: _Reading, b: _Reading) -> bool:
    """Is ``a`` a part of a count that ``b`` may be the whole of ("30 of the 80 wounded",
    "including 12 children")? An item of a list counts its own noun whole ("arms including 12
    rifles" holds all the rifles): against a count of that same noun it is no part."""
    f = a.frame
    if not f.part or f.frame == "age":
        return False  # "31-year-old Ann Lee of the club": an age is no part of anything
    own = bool(a.measure) and a.measure != "people" and a.measure == b.measure
    return not (f.listed and own)


# Two figures framed by their counted noun alone (see ``_noun_framed``) are compared when
# their sentences are this alike, and only between two reports that another figure of what
# happened ties to one event (``_Events.together``). Tuned on ECB+ train (bench/align.py).
NOUN_FRAME_SIMILARITY = 0.1


def _noun_framed(a: _Reading, b: _Reading) -> bool:
    return not _noun_gap(a, b)


def _noun_gap(a: _Reading, b: _Reading) -> str:
    """Do two figures take their frame from one counted noun ("two other rifles" / "three
    other rifles"; "recovered 12 AK-47s" / "Seven AK-47s ... were found")? Both count the same
    object (not people, not a term, not a unit), and neither clause names a frame but an
    object frame (``OBJECT_FRAMES``: what was seized or found)."""
    """Why two figures are not framed by one counted noun ("" when they are)."""
    if a.key.split("|")[1] != "count" or b.key.split("|")[1] != "count":
        return "not counts"
    if a.designation != b.designation:
        return "not one object noun"  # "7 AK-47 rifles" are not "three rifles"
    same = a.measure == b.measure or a.designation is not None
    if not a.measure or not b.measure or not same or a.measure in ("people", *DURATION_MEASURES):
        return "not one object noun"
    if a.people or b.people:
        return "a noun of people"  # people are counted by what happened to them (killed...)
    if a.other != b.other:
        return "other and not other"  # "two other rifles" are not "nine rifles"
    if (a.frame.frame is None and b.frame.frame is None and a.inventory != b.inventory) or (
        any(r.frame.frame is None and not r.inventory for r in (a, b))
        and (a.frame.frame is not None or b.frame.frame is not None)
    ):
        # a figure with no frame word takes a seized count's frame only as an item of a list
        # of things ("Seven rifles, three pistols ... were found"), never on its own ("two
        # speedboats were approaching" / "seized three speedboats")
        return "a list item and a lone figure"
    if not (a.inventory or b.inventory) and a.frame.nouns != b.frame.nouns:
        # two lone figures count one thing only in the same words: "three strong aftershocks"
        # are some of "at least four aftershocks"
        return "other words in its noun"
    if a.q.hedge not in _KNOWN_HEDGES or b.q.hedge not in _KNOWN_HEDGES:
        return "a vague amount"  # "millions of dollars": too vague to take a side
    if a.governor and b.governor and a.governor != b.governor:
        return "two verbs"  # "holding a dozen ships" / "attacked 100 ships": two counts
    if a.frame.frame is not None and b.frame.frame is not None:
        return "both framed"  # compared by their frames
    if a.frame.frames - OBJECT_FRAMES or b.frame.frames - OBJECT_FRAMES:
        return "a frame that is not an object's"
    return ""


def _same_frames(a: _Reading, b: _Reading) -> bool:
    """Do two figures stand in the same frame? The same nearest frame, and the same tolls
    around them: "fell about 150 metres to his death" and "fell 60 metres" are both falls (a
    distance), but "10 killed" beside "injured" is not "10 killed" alone (which count is it?)."""
    fa, fb = a.frame, b.frame
    if fa.frame != fb.frame:
        return False
    if fa.frame in TOLL_FRAMES or fa.frame is None:
        return fa.frames == fb.frames
    return fa.frames & TOLL_FRAMES == fb.frames & TOLL_FRAMES or a.key.split("|")[1] == "length"


def _quantity_claims(
    facts: Sequence[ArticleFacts], names: Mapping[EntityId, str], texts: Mapping[ArticleId, str],
    out: _Claims, conflicts: list[Conflict], updates: list[Update],
    days: Mapping[ArticleId, str],
) -> None:  # fmt: skip
    readings = _readings(facts, texts, out.roots)
    sim = _Similarity([r.sentence_text for r in readings])
    # one claim per fact: the same value of the same thing ("up to 20,000", "20,000 or more"
    # and "20,000" troops; "killing 10 people", "10 persons died"), single-link over the
    # figures that share a value (bucketed by unit and rounded value to keep it linear)
    buckets: dict[tuple[str, float], list[list[_Reading]]] = defaultdict(list)
    clusters: list[list[_Reading]] = []
    for r in readings:
        bucket = buckets[(r.key.split("|")[1], float(f"{r.anchor:.2g}"))]
        home: list[_Reading] | None = None
        for cl in list(bucket):
            if any(_same_fact(x, r, sim, days) for x in cl) and not any(
                _namesakes(x, r) or _owners_apart(x, r, sim) for x in cl
            ):
                if home is None:
                    home = cl
                    cl.append(r)
                elif not any(
                    _namesakes(x, y) or _owners_apart(x, y, sim) for x in home for y in cl
                ):
                    # a figure that joins two claims makes them one (single link): "two
                    # guards" and "two officers" met through "two transport officers"
                    home.extend(cl)
                    bucket[:] = [c for c in bucket if c is not cl]
                    clusters[:] = [c for c in clusters if c is not cl]
        if home is None:
            bucket.append([r])
            clusters.append(bucket[-1])
    made = [(cl, _quantity_claim(cl, names, out)) for cl in clusters]
    # candidate conflicts and updates: values of one frame (or of one named owner's noun)
    index: dict[str, list[int]] = defaultdict(list)
    for n, (cl, _c) in enumerate(made):
        for k in {k for r in cl for k in _compare_keys(r)}:
            index[k].append(n)
    events = _Events(readings)
    seen: set[tuple[int, int]] = set()
    found: list[_Found] = []
    for members in index.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                pair = (members[i], members[j])
                if pair not in seen:
                    seen.add(pair)
                    hit = _compare(made[pair[0]], made[pair[1]], sim, out, updates, days, events)
                    if hit is not None:
                        found.append(hit)
    # a figure shown as an update is never also shown as a disagreement: a conflict between
    # two reports whose figures of that frame an update already links is dropped
    moved = {
        (x.root, y.root, u.after[0].frame.frame) for u in updates for x in u.before for y in u.after
    }
    for conflict, frame, roots_a, roots_b, ids in found:
        if all((x, y, frame) in moved or (y, x, frame) in moved for x in roots_a for y in roots_b):
            continue
        for cid in ids:
            out.info[cid].contested = True
        conflicts.append(conflict)


# A conflict found between two claims: the conflict, its frame, each side's sources, the claims.
_Found = tuple[Conflict, str | None, set[ArticleId], set[ArticleId], tuple[str, str]]


def _compare_keys(r: _Reading) -> set[str]:
    """The keys under which a figure's claim meets the claims it may contradict: its frame,
    its named owner's noun, and its counted object noun (see ``_noun_framed``)."""
    unit = r.key.split("|")[1]
    keys: set[str] = set()
    if _is_record(r) or (r.measure or "").endswith(" streak"):
        # a record or a streak changes with every game: joined, never set against another
        return keys
    if r.frame.frame:
        keys.add(f"{r.frame.frame}|{unit}")
    elif r.q.subject_entity and r.measure:
        keys.add(f"{r.q.subject_entity}|{r.measure}|{unit}")
    if r.measure and unit == "count" and not (r.frame.frames - OBJECT_FRAMES):
        keys.add(f"~{r.measure}|{unit}")
        if r.designation:
            keys.add(f"#{r.designation}|{unit}")
    return keys


# Two figures whose subjects are different named entities are one fact only when their
# sentences are at least this alike (rule-read subjects are often the sentence's first name).
SUBJECT_CLASH_SIMILARITY = 0.5


_MEASURED_UNITS = frozenset({"speed", "length"})


def _bare(r: _Reading) -> bool:
    """A count with no subject, no frame and no counted noun ("had 13", "the 9 of IE 8 and
    9"): nothing says what it counts, so it is marked as having no subject and joins no
    claim of another figure (issue 18)."""
    return (
        not r.subject and not r.frame.frame and not r.measure and not r.pair
        and r.key.split("|")[1] == "count"
    )  # fmt: skip


def _distinctive(v: float) -> bool:
    """A value with three significant digits or more ("2,302", "404", "20.2"): two reports
    giving it tell of one figure; "10" or "50" may count anything."""
    digits = f"{v:.6g}".replace(".", "").replace("-", "").strip("0")
    return len(digits) >= 3


def _noun_fact(a: _Reading, b: _Reading) -> bool:
    """One thing counted by its noun: both figures count the same noun ("10,000 websites",
    "10,000 Web sites"); a figure with no noun and no frame joins one with a noun only when
    its value is distinctive ("2,302 points" / "now has 2,302"), the same either way round
    (a lone "10" joined whichever noun came first)."""
    ma, mb = a.measure not in (None, "people"), b.measure not in (None, "people")
    if ma and mb:
        return _same_noun(a, b)
    if ma == mb:
        return False
    lone, named = (b, a) if ma else (a, b)
    if lone.measure == "people":
        return _crowd_of(lone, named)
    return lone.measure is None and lone.frame.frame is None and _distinctive(lone.anchor)


# A count of people this large is a crowd, a population or an electorate, not a handful of
# victims whose kind matters ("three guards" / "three inmates").
CROWD_MIN = 100


def _crowd_of(people: _Reading, named: _Reading) -> bool:
    """A large count of "people" and the same count named by the kind of people it is ("2.5
    million people" eligible to vote / "2.5 million eligible voters"; "2.5 million Turkmens"):
    one count when no frame tells them apart and neither is vague ("thousands of students"
    is not "more than 10,000 people")."""
    kind = named.counts_people or (named.measure or "") in POPULATION_NOUNS
    return (
        kind
        and people.frame.frame == named.frame.frame
        and people.anchor >= CROWD_MIN
        and people.q.hedge in _KNOWN_HEDGES
        and named.q.hedge in _KNOWN_HEDGES
    )


def _same_fact(a: _Reading, b: _Reading, sim: _Similarity, days: Mapping[ArticleId, str]) -> bool:
    """Are two figures one fact told twice: same value, same thing counted, same event?"""
    if a.key.split("|")[1] != b.key.split("|")[1] or not _same_value(a, b):
        return False
    if _is_record(a) or _is_record(b) or (a.pair and b.pair and (not a.measure or not b.measure)):
        return _pair_fact(a, b, sim, days)
    if _bare(a) or _bare(b):
        return False
    if (a.measure or "").endswith(" streak") != (b.measure or "").endswith(" streak"):
        return False  # a run of wins joins runs of wins only ("eight games" may be any eight)
    if ((a.q.measure or "") in DURATION_MEASURES) != ((b.q.measure or "") in DURATION_MEASURES):
        return False  # "two years" of a pay deal and "two containers" of bananas: never one
    fa, fb = a.frame.frame, b.frame.frame
    same_thing = (
        (fa is not None and fa == fb)
        or _noun_fact(a, b)
        or a.key == b.key
        # a speed or a length in one unit is one measure unless two frames
        # say otherwise ("up to 120 mph" / "speeds reached 120 mph")
        or (a.key.split("|")[1] in _MEASURED_UNITS and (fa is None or fb is None or fa == fb))
    )
    if not same_thing and not _one_kind(a, b, sim):
        return False
    if _people_and_things(a, b):
        return False
    ea, eb = a.q.subject_entity, b.q.subject_entity
    # whoever has an age is a person, whatever kind the name was tagged ("Comeaux, 49,")
    ages = a.measure == "age" == b.measure
    one = bool(ea and eb and (ea == eb or _one_person(ea, eb, any_kind=ages, loose=ages)))
    # one person's age told the same by reports days or years apart is one fact (a trial
    # retells the victim's age); any other figure of reports that far apart is another event's
    if not (ages and one) and (
        _days_apart(days.get(a.q.cite.article), days.get(b.q.cite.article)) > SAME_EVENT_DAYS
    ):
        return False
    if ea and eb and not one:
        least = SUBJECT_CLASH_SIMILARITY
        if fa == fb and fa in TOLL_FRAMES and not (ea.startswith("per:") and eb.startswith("per:")):
            # one toll keyed under two owners ("murdering two women" of the accused / "the
            # slayings of two women at the shop"): the same value and frame in one story, in
            # sentences that tell one event, unless two people are its owners
            least = SAME_EVENT_SIMILARITY
        return sim(a.sentence_text, b.sentence_text) >= least
    return True


def _kind(measure: str | None) -> str | None:
    """The kind of people a counted noun names (``lang.claims.PEOPLE_KINDS``: "prison guard"
    and "transport officer" are both "guard"); None for anything else."""
    if not measure:
        return None
    return PEOPLE_KINDS.get(measure.split()[-1])


def _one_kind(a: _Reading, b: _Reading, sim: _Similarity) -> bool:
    """One count of people named two ways in one story ("pulled a gun on two guards" / "on
    two correctional officers"): the same kind of people (``_kind``), the same value, the
    event frame and tolls around it (never killed vs injured), neither a part nor "other",
    both hedged alike, told in alike sentences. Joins claims only, never sets two counts
    against each other."""
    ka = _kind(a.measure)
    return (
        ka is not None
        and ka == _kind(b.measure)
        and a.key.split("|")[1] == "count" == b.key.split("|")[1]
        and _event_frames_meet(a, b)
        and not (a.frame.part or b.frame.part or a.other or b.other)
        and a.frame.other_event == b.frame.other_event
        and a.q.hedge == b.q.hedge
        and sim(a.sentence_text, b.sentence_text) >= SAME_EVENT_SIMILARITY
    )


def _event_frames_meet(a: _Reading, b: _Reading) -> bool:
    """The same tolls around two counts and no two different event frames (killed vs
    injured): a frame word that is not what happened to the people counted ("two prison
    guards": a prison "sentence") does not tell them apart."""
    fa, fb = a.frame.frame, b.frame.frame
    if a.frame.frames & TOLL_FRAMES != b.frame.frames & TOLL_FRAMES:
        return False
    return fa == fb or (fa not in EVENT_FRAMES and fb not in EVENT_FRAMES)


# Two given names of one person however written ("Fred" / "Frederick", "Katie" / "Kathryn",
# "Alexis" / "Alexandros"): they open with this many letters in common (for ages only: one
# age of one surname in one story, ``_one_person(loose=True)``).
GIVEN_NAME_PREFIX = 3


def _names_meet(x: str, y: str) -> bool:
    """Two spellings of one name: they open alike (``GIVEN_NAME_PREFIX`` letters, or the whole
    of a shorter name of three letters or more: "Fred" / "Frederick"), or differ by a letter
    or two ("Catherine" / "Katherine", "Robyn" / "Robin")."""
    n = min(len(x), len(y))
    if n >= 3 and x[: min(n, GIVEN_NAME_PREFIX)] == y[: min(n, GIVEN_NAME_PREFIX)]:
        return True
    return n >= 4 and Levenshtein.distance(x, y) <= NAME_SPELLING_EDITS


# Letters two spellings of one name may differ by ("Catherine" / "Katherine", "Chohan" /
# "Chauhan"), for ages only (one age of one person written two ways in one story).
NAME_SPELLING_EDITS = 2


def _given_names_meet(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """Each given name of the shorter list is one of the other's, spelled another way
    (``_names_meet``)."""
    short, long_ = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
    return all(any(_names_meet(x, y) for y in long_) for x in short)


def _pair_fact(a: _Reading, b: _Reading, sim: _Similarity, days: Mapping[ArticleId, str]) -> bool:
    """Two interval values told as one (issue 18): a record or score and the same numbers
    in the same order ("a 9-14 record" / "went 9-14"), or a range whose noun one of them
    leaves out ("9-14" / "between 9 and 14 inches"). The same ends (``_same_value``), no
    two different nouns, no two frames, never reports days apart; and one owner (the
    same name, or one person), or, with no owner clash, sentences that tell one event."""
    if a.measure and b.measure and a.measure != b.measure and not (_is_record(a) or _is_record(b)):
        return False
    if a.frame.frame and b.frame.frame and a.frame.frame != b.frame.frame:
        return False
    if _days_apart(days.get(a.q.cite.article), days.get(b.q.cite.article)) > SAME_EVENT_DAYS:
        return False
    # a record's owner by its entity, else by the name written before it
    ea = a.q.subject_entity or (slugify(a.q.subject or "") if _is_record(a) else "")
    eb = b.q.subject_entity or (slugify(b.q.subject or "") if _is_record(b) else "")
    if ea and eb and (ea == eb or _one_person(ea, eb) or (_is_record(a) and _one_owner(ea, eb))):
        return True
    if ea and eb and ea.startswith("per:") and eb.startswith("per:"):
        return sim(a.sentence_text, b.sentence_text) >= SUBJECT_CLASH_SIMILARITY  # two people
    if a.q.measure == "score" == b.q.measure and _distinctive_pair(a.pair):
        # one game's score, whichever team each sentence names ("the Colts' 31-24 win" /
        # "the Jaguars lost 31-24"; "AFC" / "American Football Conference"): sentences
        # that tell one event
        return sim(a.sentence_text, b.sentence_text) >= SAME_EVENT_SIMILARITY
    both = a.q.measure == "record" == b.q.measure
    if both and _distinctive_pair(a.pair) and not (ea and eb):
        # "the 76ers (9-14)" / "the team was 9-14": one story's record, when only one of the
        # two sentences names its owner (two owners named apart, "the Broncos are 12-3" /
        # "the Texans (12-3)", need alike sentences)
        return True
    if ea and eb:
        return sim(a.sentence_text, b.sentence_text) >= SUBJECT_CLASH_SIMILARITY
    return sim(a.sentence_text, b.sentence_text) >= SAME_EVENT_SIMILARITY


def _record_owner(r: _Reading) -> str:
    return r.q.subject_entity or slugify(r.q.subject or "")


def _one_owner(oa: str, ob: str) -> bool:
    """One owner of a record named two ways: the same last word, one's other words among
    the other's ("Gene Pukall" / "Pukall", "Jacksonville Jaguars" / "Jaguars")."""
    wa = [w for w in oa.partition(":")[2 if ":" in oa else 0].split("-") if w]
    wb = [w for w in ob.partition(":")[2 if ":" in ob else 0].split("-") if w]
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return set(wa[:-1]) <= set(wb[:-1]) or set(wb[:-1]) <= set(wa[:-1])


def _owners_apart(a: _Reading, b: _Reading, sim: _Similarity) -> bool:
    """Two records of two owners named apart ("the Chiefs (2-13)", "the Jaguars (2-13)") in
    unlike sentences: never one claim, even through a third figure naming no owner."""
    if not (a.q.measure == "record" == b.q.measure):
        return False  # (a game's score is one score, whoever its sentences name)
    oa, ob = _record_owner(a), _record_owner(b)
    if not oa or not ob or oa == ob or _one_owner(oa, ob):
        return False
    return sim(a.sentence_text, b.sentence_text) < SUBJECT_CLASH_SIMILARITY


# A record of this many games or more (or with three numbers: "45-7-2") is distinctive: two
# reports of one story giving it tell of one record ("3-1" may be any game's score).
DISTINCTIVE_RECORD_GAMES = 15


def _distinctive_pair(pair: tuple[float, ...]) -> bool:
    return len(pair) >= 3 or sum(pair) >= DISTINCTIVE_RECORD_GAMES


def _person_words(entity: str, any_kind: bool = False) -> tuple[str, frozenset[str]] | None:
    """A person entity's surname and given names, read from its id ("per:brian-g-nichols":
    "nichols", {"brian"}); initials and suffixes ("Jr.") left out; None for a non-person
    (``any_kind``: an entity of any kind is read as a person's name)."""
    kind, _, name = entity.partition(":")
    if kind != "per" and not any_kind:
        return None
    words = [w for w in name.split("-") if w and w not in NAME_SUFFIXES]
    if not words:
        return None
    return words[-1], frozenset(w for w in words[:-1] if len(w) > 1)


# Words of a role or a title that news writers put before a name (folded: "Gov.", "Sgt.",
# "Sheriff Deputy"): the role nouns and titles of ``lang.en`` and the people kinds of
# ``lang.claims``.
_ROLE_WORDS = frozenset(
    {*PERSON_ROLE_NOUNS, *TITLE_NOUNS, *(w for ws in TITLE_NOUNS.values() for w in ws)}
    | {w.lower() for w in TITLE_ABBREVIATIONS}
    | set(PEOPLE_KINDS)
)


def _one_person(ea: str, eb: str, any_kind: bool = False, loose: bool = False) -> bool:
    """Do two person entities name one person? The same surname, and one's given names all
    among the other's: "Brian G. Nichols", "Brian Nichols" and "Nichols" are one (outlets
    name a person in full, with a middle initial, or by surname alone); "Wladimir Klitschko"
    and "Vitali Klitschko" are two. With ``any_kind``, names tagged as another kind count;
    with ``loose``, given names that open alike are one ("Fred" / "Frederick")."""
    pa, pb = _person_words(ea, any_kind), _person_words(eb, any_kind)
    if pa is None or pb is None:
        return False
    if loose:
        # a role or title written before the name is no given name ("Sheriff Deputy
        # Ortiz" / "Jerry Ortiz")
        pa, pb = (pa[0], pa[1] - _ROLE_WORDS), (pb[0], pb[1] - _ROLE_WORDS)
    if (
        loose
        and pa[0] != pb[0]
        and pa[0][:1] == pb[0][:1]
        and min(len(pa[0]), len(pb[0])) >= 5
        and Levenshtein.distance(pa[0], pb[0]) <= NAME_SPELLING_EDITS
    ):
        # one age of "Raj Chohan" and "Raj Chauhan": a surname spelled two ways, the given
        # names (when both give them) the same person's
        return not (pa[1] and pb[1]) or _given_names_meet(pa[1], pb[1])
    if pa[0] != pb[0]:
        return False
    if loose and _given_names_meet(pa[1], pb[1]):
        return True  # one age of "Fred" and "Frederick Cheney LaRue"
    return pa[1] <= pb[1] or pb[1] <= pa[1]


def _namesakes(a: _Reading, b: _Reading) -> bool:
    """Two figures of two people who share a surname ("Wladimir" and "Vitali Klitschko"): a
    figure of the surname alone may join either, never both into one claim."""
    ea, eb = a.q.subject_entity or "", b.q.subject_entity or ""
    pa, pb = _person_words(ea), _person_words(eb)
    ages = a.measure == "age" == b.measure  # one age: "Fred" and "Frederick" may be one
    return (
        pa is not None and pb is not None and pa[0] == pb[0]
        and not _one_person(ea, eb, loose=ages)
    )  # fmt: skip


# A capitalised plural right after a figure counts people of a nation or a group ("12
# Somalis", "40 Marines", "nine Sudanese"), not things.
_GROUP_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?[A-Z][a-z]+(?:s|ese)\b")
_GROUP_IN = re.compile(r"(?:\d|\b[a-z]+)\s+(?:[a-z]+\s+)?[A-Z][a-z]+(?:s|ese)$")


def _counts_people(r: _Reading, text: str) -> bool:
    """Does a figure count people? Its noun is generic ("people"), of a person's sex, age or
    role, a noun the story counts under a toll (``_Reading.people``), or a capitalised plural
    right after the figure."""
    m = r.measure or ""
    return bool(
        r.people
        or m == "people"
        or m in PEOPLE_NOUNS
        or (r.q.measure or "").lower() in PEOPLE_NOUNS
        or _GROUP_AFTER.match(text, r.q.cite.end)
        or _GROUP_IN.search(r.q.text)
    )


def _people_and_things(a: _Reading, b: _Reading) -> bool:
    """One figure counts people and the other things: two facts, even under one frame
    ("seized 12 rifles" and "seized 12 Somalis"). A thing is a noun naming a model ("AK-47")
    or counted under a frame of things seized, that counts no people."""
    if not a.measure or not b.measure or a.measure == b.measure:
        return False
    pa, pb = a.counts_people, b.counts_people
    if pa == pb:
        return False
    thing = b if pa else a
    return bool(thing.designation or thing.frame.frame in OBJECT_FRAMES)


def _same_subject(cluster: list[_Reading], r: _Reading) -> bool:
    ents = {x.q.subject_entity for x in cluster if x.q.subject_entity}
    return not (ents and r.q.subject_entity and r.q.subject_entity not in ents)


# How a sentence ends: a subheading or a headline ("A $1.2 billion question") does not.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


def _quantity_claim(cl: list[_Reading], names: Mapping[EntityId, str], out: _Claims) -> Claim:
    q0 = cl[0].q
    named = [(names.get(r.q.subject_entity or "", "") or r.q.subject, r) for r in cl if r.q.subject]
    subjects = Counter(name for name, _ in named)
    # the most common subject; between equals, one read in a sentence before one read in a
    # heading ("A $1.2 billion question" names the figure figuratively), then the first
    in_sentence = {name for name, r in named if _SENTENCE_END.search(r.sentence_text)}
    ranked = sorted(subjects.items(), key=lambda kv: (-kv[1], kv[0] not in in_sentence))
    # with no subject, the frame names the figure ("killed"), but not a duration's: "paid
    # over ten years" is no price
    frame = cl[0].frame.frame if (cl[0].q.measure or "") not in DURATION_MEASURES else None
    subject = ranked[0][0] if ranked else (frame or "(unspecified)")
    measure = Counter(r.q.measure for r in cl if r.q.measure).most_common(1)
    measure_s = measure[0][0] if measure else ""
    lo = max(r.interval[0] / r.unit_factor for r in cl)
    hi = min(r.interval[1] / r.unit_factor for r in cl)
    if cl[0].pair and all(r.pair == cl[0].pair for r in cl):
        # an interval value shown whole: "9-14 record", "5,000-8,000 troops"
        shown = "-".join(_fmt_number(x / cl[0].unit_factor) for x in cl[0].pair)
    elif q0.value is None and q0.low is not None and q0.high is not None:
        # a vague amount ("a few hundred", "thousands of"): the range it allows, never its
        # upper bound as if the text had given it
        shown = "-".join(_fmt_number(round(x * cl[0].scale, 6)) for x in (q0.low, q0.high))
    else:
        shown = _fmt_number(round(_anchor(q0) * cl[0].scale, 6))
        hedges = {HEDGE_SHOWN.get(r.q.hedge, "") for r in cl}
        if len(hedges) == 1 and (hedge := hedges.pop()):
            shown = f"{hedge} {shown}"  # "more than 2,300,000": as every source hedges it
    value = f"{shown} {measure_s}".strip()
    return out.add(
        subject, measure_s or cl[0].frame.frame or "number", value, [r.q.text for r in cl],
        [r.q.cite for r in cl],
        ClaimInfo("quantity", [q0.subject_entity] if q0.subject_entity else [],
                  low=lo if lo <= hi else None, high=hi if lo <= hi else None,
                  measure=measure_s or None),
    )  # fmt: skip


# Frames of what happened in the event itself (not a place's population or a person's age):
# two reports that give such figures and agree on none of them tell of two events.
HAPPENING_FRAMES = EVENT_FRAMES - {"population", "age"} | {"seized"}


_SMALL = 5
# Two tolls this many times apart are not one toll that grew between reports.
TOLL_APART_RATIO = 3.0


def _far(a: tuple[float, float], b: tuple[float, float]) -> bool:
    lo, hi = (a, b) if a[1] <= b[0] else (b, a)
    return hi[0] >= TOLL_APART_RATIO * max(lo[1], _EPS)


class _Events:
    """The figures each source gives of what happened (``HAPPENING_FRAMES``), to tell one
    event told twice from two events in one story (two quakes on one island)."""

    def __init__(self, readings: Sequence[_Reading]) -> None:
        self.values: dict[ArticleId, dict[str, list[tuple[float, float]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.anchors: dict[ArticleId, dict[str, set[float]]] = defaultdict(lambda: defaultdict(set))
        for r in readings:
            f = r.frame
            if f.frame in HAPPENING_FRAMES and not (f.part or f.other_event or r.broken or f.when):
                # (a figure dated "in September" may be another event's: no evidence)
                self.values[r.root][f.frame].append(r.interval)
                self.anchors[r.root][f.frame].add(round(r.anchor, 3))

    def apart(self, x: ArticleId, y: ArticleId, frame: str | None) -> bool:
        """Do sources ``x`` and ``y`` both give figures of other frames of what happened,
        and disagree on every one of them (5.6 and 5 injured / 5.9 and 70 injured)?"""
        vx, vy = self.values.get(x, {}), self.values.get(y, {})
        shared = [f for f in vx if f in vy and f != frame]
        # a toll grows as a story is told (1 dead, then 2): two tolls tell two events only
        # when they are far apart (5 injured / 70 injured)
        shared = [
            f for f in shared
            if f not in TOLL_FRAMES
            or any(_overlap(i, j) for i in vx[f] for j in vy[f])
            or all(_far(i, j) for i in vx[f] for j in vy[f])
        ]  # fmt: skip
        return bool(shared) and not any(
            _overlap(i, j) for f in shared for i in vx[f] for j in vy[f]
        )

    def together(self, x: ArticleId, y: ArticleId, frame: str | None) -> bool:
        """Do sources ``x`` and ``y`` give one value for another frame of what happened (the
        same toll, the same magnitude): one event told twice?"""
        ax, ay = self.anchors.get(x, {}), self.anchors.get(y, {})
        # small whole numbers ("2 injured") agree by chance too often to tie two reports
        return any(
            v >= _SMALL or not float(v).is_integer()
            for f in ax if f in ay and f != frame for v in ax[f] & ay[f]
        )  # fmt: skip

    def doubtful(self, xs: Iterable[ArticleId], ys: Iterable[ArticleId], frame: str | None) -> bool:
        """Could two sides be two events? Some source of one is ``apart`` from some source of
        the other (the story holds two events), and no pair of them is ``together``."""
        pairs = [(x, y) for x in xs for y in ys]
        return any(self.apart(x, y, frame) for x, y in pairs) and not any(
            self.together(x, y, frame) for x, y in pairs
        )


def _compare(
    a: tuple[list[_Reading], Claim], b: tuple[list[_Reading], Claim], sim: _Similarity,
    out: _Claims, updates: list[Update], days: Mapping[ArticleId, str],
    events: _Events | None = None,
) -> _Found | None:  # fmt: skip
    """A conflict (or an update) between two values of one frame, when some pair of their
    figures is like and like, from two independent sources, and their ranges cannot meet.

    A toll (killed, injured, missing...) that is larger in a report that says it moved ("rose
    to", "has risen", "now"), or in a later-dated report, is an update: appended to
    ``updates`` with every figure of both values that counts the same thing (so each report
    of the earlier and of the later figure is cited), and never a conflict."""
    (ca, claim_a), (cb, claim_b) = a, b
    best: tuple[float, _Reading, _Reading] | None = None
    for ra in ca:
        for rb in cb:
            if _overlap(_open_span(ra), _open_span(rb)):
                continue  # these two can both hold ("at least 5.9" and 6.1)
            if _age_moved(ra, rb, days):
                # one person's age, older by the years between the two reports: the person
                # aged; no one disagrees, and the story did not move (no update either)
                return None
            if (
                _days_apart(days.get(ra.q.cite.article), days.get(rb.q.cite.article))
                > SAME_EVENT_DAYS
            ):
                continue  # reports weeks apart tell of two events (two quakes on one island)
            s = sim(ra.sentence_text, rb.sentence_text)
            implied = _implied(ra.q) or _implied(rb.q)
            if not (_comparable(ra, rb, 1.0) or (implied and _implied_toll_pair(ra, rb))):
                continue
            small, large = (ra, rb) if ra.anchor < rb.anchor else (rb, ra)
            day_s, day_l = days.get(small.q.cite.article), days.get(large.q.cite.article)
            if ra.frame.frame in TOLL_FRAMES and not _same_count(small, large):
                continue  # "seven villages" / "10 (killed)", "120 mph" / "38 (arrested)"
            later = bool(day_s and day_l and day_l > day_s)
            if implied:
                # a count written without a number moves only to a later-dated report's toll
                # that is one by its own words ("two deaths", "a second man died"), never to a
                # figure whose frame a neighbouring word lends ("a mother of two died",
                # "shooting three people, killing one")
                moved = later and (_implied(large.q) or _toll_word(large) or _people_toll(large))
            else:
                moved = large.frame.update or later
            if ra.frame.frame in TOLL_FRAMES and moved:
                # a toll said to have risen, or larger in a later report: the story moved
                cs, cl = (ca, cb) if small is ra else (cb, ca)
                before = [r for r in cs if _update_member(r, small)]
                after = [r for r in cl if _update_member(r, large)]
                updates.append(
                    Update(_update_label(small, large), before, after,
                           _first_day(before, days, day_s), _first_day(after, days, day_l))
                )  # fmt: skip
                return None
            if events is not None and events.apart(ra.root, rb.root, ra.frame.frame):
                continue  # the two reports disagree on everything else: two events
            if _implied(ra.q) or _implied(rb.q):
                # "a climber is dead" counts that climber, not the toll: it may start an
                # update, never take a side against a total
                continue
            if _noun_framed(ra, rb) and not (events and events.together(ra.root, rb.root, None)):
                continue  # nothing ties the two reports to one event: two lists of things
            if _comparable(ra, rb, s) and (best is None or s > best[0]):
                best = (s, ra, rb)
    if best is None:
        return None
    s, ra, rb = best
    if ra.frame.frame != "age" and _two_people(ca, cb):
        return None  # "the 31-year-old fell 700 m" / "the 36-year-old fell 200 m"
    # each side: its figures of the same frame, from sources that do not also state the
    # other value (an article giving both is not taking a side)
    noun = _noun_framed(ra, rb)
    members = [
        [
            r
            for r in cl
            if _side_member(r, ref, noun) and not _overlap(_open_span(r), _open_span(other))
        ]
        for cl, ref, other in ((ca, ra, rb), (cb, rb, ra))
    ]
    both = {r.root for r in members[0]} & {r.root for r in members[1]}
    members = [[r for r in m if r.root not in both] for m in members]
    if events is not None:
        # a source on a side only if it may tell of the same event as some source of the other
        frame = None if _noun_framed(ra, rb) else ra.frame.frame  # an object: all frames weigh
        if events.doubtful({r.root for r in members[0]}, {r.root for r in members[1]}, frame):
            return None  # the story tells of two events, and nothing ties these two to one
        members = [
            [r for r in m if any(not events.apart(r.root, o.root, frame) for o in other)]
            for m, other in ((members[0], members[1]), (members[1], members[0]))
        ]
    if not all(members):
        return None
    conflict = Conflict(
        topic=f"{claim_a.subject}: {claim_a.slot}",
        sides=[
            ConflictSide(f"{c.subject}: {c.value}", [r.q.cite for r in m])
            for c, m in zip((claim_a, claim_b), members, strict=True)
        ],
    )
    conflict.confidence = round(
        min(
            _support(SOURCE_CONFIDENCE, count_sources(sd.cites, out.roots)) for sd in conflict.sides
        )
        * (LIKENESS_BASE + (1 - LIKENESS_BASE) * min(1.0, 2 * s)),
        3,
    )
    return (
        conflict, ra.frame.frame, {r.root for r in members[0]}, {r.root for r in members[1]},
        (claim_a.id, claim_b.id),
    )  # fmt: skip


def _same_noun(a: _Reading, b: _Reading) -> bool:
    """Do two figures count the same noun ("seven AK-47 rifles", "12 AK-47s": both AK-47)?
    A figure without a noun of its own is compared on its frame alone."""
    if not a.measure or not b.measure or a.measure == b.measure:
        return True
    if re.sub(r"[\s-]", "", a.measure) == re.sub(r"[\s-]", "", b.measure):
        return True  # one compound however it is spaced ("web sites", "websites", "e-mails")
    if a.designation and a.designation == b.designation:
        return True  # one model: "12 AK 47 guns", "seven AK-47 assault rifles"
    if a.measure.endswith("charge") and b.measure.endswith("charge"):
        return False  # charges of two crimes ("counts of murder", "counts of robbery")
    if a.key.split("|")[1] == "length" == b.key.split("|")[1]:
        return True  # the noun of a length is its unit: metres and feet are one measure
    return bool(a.frame.nouns & b.frame.nouns)


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO days (0 when either is unknown)."""
    if not a or not b:
        return 0
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0


def _side_member(r: _Reading, ref: _Reading, noun: bool = False) -> bool:
    """A figure on a conflict's side: same frame words, not a part or another event's. On a
    side framed by its counted noun (``noun``), a figure without a frame word joins only as
    ``_noun_framed`` allows ("three strong tremors" is not on the side of "three tremors")."""
    f = r.frame
    if r.other != ref.other:
        return False  # "three rifles" are not "three other rifles"
    if r is ref:
        return True
    if _noun_framed(r, ref):
        return not (_part(r, ref) or _part(ref, r) or f.other_event)
    if noun and (r.frame.frame is None or ref.frame.frame is None):
        return False
    same_noun = _same_noun(r, ref)
    return _same_frames(r, ref) and same_noun and not (_part(r, ref) or f.other_event)


@dataclass(slots=True)
class Update:
    """A figure that moved between reports (a toll that grew): a timeline item, not a conflict.
    ``before`` and ``after`` hold every report of the earlier and of the later figure."""

    label: str
    before: list[_Reading]
    after: list[_Reading]
    before_day: str | None
    after_day: str | None


def _toll_noun(r: _Reading) -> str:
    """What a toll counts: its own noun, with generic nouns and the frame's own words
    ("deaths", "victims", "bodies") folded to "people"; a bare figure counts people, and so
    does a count written without a number whose noun is a person's ("a climber is dead": the
    extractor makes a killed or injured one only of a person).

    A numbered noun of people keeps its noun: "two women" of "three" dead is a part, "three
    teens" arrested and a "17" beside them are not one count."""
    m = r.measure or "people"
    words = FRAME_WORDS.get(r.frame.frame or "", ())
    if (_implied(r.q) or _people_toll(r)) and r.frame.frame in ("killed", "injured"):
        return "people"
    return "people" if m in words or m + "s" in words else m


def _implied_toll_pair(a: _Reading, b: _Reading) -> bool:
    """A count written without a number ("a climber is dead") beside a toll of another report
    ("two deaths"): the same toll frame in the same event, counting people (its noun and
    its frame words differ, which ``_comparable`` asks to be the same). Such a pair can only
    be an update (see ``_compare``)."""
    fa, fb = a.frame, b.frame
    return (
        a.root != b.root
        and fa.frame == fb.frame
        and fa.frame in ("killed", "injured")
        and a.key.split("|")[1] == b.key.split("|")[1]
        and all(_toll_noun(r) == "people" or _people_toll(r) for r in (a, b))
        and not (_part(a, b) or _part(b, a) or fa.other_event or fb.other_event)
        and fa.when == fb.when
        and not (a.place and b.place and a.place != b.place)
        and not (a.broken or b.broken)
    )


# "Two men have died", "two women were killed": the toll verb right after a plural of people.
_DIED_AFTER = re.compile(
    r"\s+(?:have\s+|had\s+|has\s+)?(?:died|perished|(?:were|have been|had been)\s+killed)\b"
)


def _people_toll(r: _Reading) -> bool:
    """Is the figure a toll told of a plural of people, its verb right after it ("Two men have
    died")? Such a count is the whole toll of its clause, as "two deaths" is."""
    if (r.measure or "") not in PEOPLE_NOUNS and (r.q.measure or "").lower() not in PEOPLE_NOUNS:
        return False
    after = r.sentence_text[r.q.cite.end - r.frame.sentence[0] :]
    return bool(_DIED_AFTER.match(after))


def _toll_word(r: _Reading) -> bool:
    """Is the figure's own noun a word of its toll ("two deaths", "three victims", "10 dead")?"""
    words = FRAME_WORDS.get(r.frame.frame or "", ())
    m = (r.q.measure or "").lower()
    return bool(m) and (m in words or m + "s" in words)


def _implied(q: Quantity) -> bool:
    """A count written without a number ("a climber is dead": 1; "a second climber died")."""
    words = set(re.findall(r"[a-z]+", q.text.lower()))
    return not any(ch.isdigit() for ch in q.text) and not NUMBER_WORDS & words


def _same_count(a: _Reading, b: _Reading) -> bool:
    """Do two toll figures count the same thing? "three people" and "10" do; "seven
    villages" and "10 (killed)" do not: a figure with a noun of its own ("villages",
    "climbers") matches only that noun."""
    return _toll_noun(a) == _toll_noun(b)


# Reports at least this many days apart may give one person two ages (an age a year later).
AGE_UPDATE_MIN_DAYS = 180


def _age_moved(a: _Reading, b: _Reading, days: Mapping[ArticleId, str]) -> bool:
    """One named person's age told in two reports a year or more apart, the older age in the
    later report and older by about the years between them ("38" at the shooting, "39" at the
    verdict a year later): the person aged, no one disagrees. Both reports must be dated."""
    if a.frame.frame != "age" or b.frame.frame != "age" or a.root == b.root or a.broken or b.broken:
        return False
    if not ((a.owner and a.owner == b.owner) or (a.subject and a.subject == b.subject)):
        return False
    da, db = days.get(a.q.cite.article), days.get(b.q.cite.article)
    if not da or not db:
        return False
    years = (b.anchor - a.anchor) * (1 if db >= da else -1)  # older in the later report
    apart = _days_apart(da, db)
    # a birthday can fall between two reports, but days apart a new age is a disagreement
    return (
        years >= 1
        and float(years).is_integer()
        and max(AGE_UPDATE_MIN_DAYS, (years - 1) * 365) <= apart <= (years + 1) * 365
    )


def _update_member(r: _Reading, ref: _Reading) -> bool:
    """A report of the same toll figure as ``ref``: its frame and counted noun, not a part or
    another event's (its clause may name more frames: "killing 10 people and injuring 80")."""
    f = r.frame
    return f.frame == ref.frame.frame and _same_count(r, ref) and not (f.part or f.other_event)


def _first_day(
    readings: Sequence[_Reading], days: Mapping[ArticleId, str], day: str | None
) -> str | None:
    """The first day one figure was reported (``day`` when none of its reports is dated)."""
    known = [d for r in readings if (d := days.get(r.q.cite.article))]
    return min(known) if known else day


def _update_label(small: _Reading, large: _Reading) -> str:
    what = large.frame.frame or "figure"
    return f"{what}: {small.q.text} → {large.q.text}"


# "in eastern China", "in the north-west of Varn": a direction word before the name
_DIRECTION = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?"
)
_PLACE_AFTER = re.compile(
    r"^[^.;,]{0,40}?\b(?:in|inside|into|to|on the ground in)\s+(?:the\s+)?"
    + _DIRECTION
    + r"([A-Z][\w-]+)"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside)\s+(?:the\s+)?" + _DIRECTION + r"([A-Z][\w-]+)\b[^.;,]{0,40}$"
)


def _place_after(text: str, cite: Cite) -> str | None:
    """The named place of a figure's clause: "in Lyon" after it, else before it."""
    m = _PLACE_AFTER.match(text[cite.end : cite.end + 60])
    if m:
        return m.group(1)
    m = _PLACE_BEFORE.search(text[max(0, cite.start - 60) : cite.start])
    return m.group(1) if m else None


def _anchor(q: Quantity) -> float:
    v = q.value if q.value is not None else (q.high if q.high is not None else q.low)
    return float(v or 0.0)


def _same_sources(a: Claim, b: Claim, roots: Mapping[ArticleId, ArticleId]) -> bool:
    """True when both claims come from one single source (an article is not its own rival)."""
    ra = {roots.get(c.article, c.article) for c in a.cites}
    rb = {roots.get(c.article, c.article) for c in b.cites}
    return ra == rb and len(ra) == 1


# -- roles -------------------------------------------------------------------------------


def _role_claims(
    obs: Sequence[Observation], names: Mapping[EntityId, str], affil: Mapping[EntityId, EntityId],
    out: _Claims, conflicts: list[Conflict],
) -> None:  # fmt: skip
    by_key: dict[str, list[Observation]] = defaultdict(list)
    for o in obs:
        by_key[o.key].append(o)
    for key, items in by_key.items():
        # the set of actors each independent source names for the role
        per_root: dict[ArticleId, set[EntityId]] = defaultdict(set)
        evidence: dict[ArticleId, list[Observation]] = defaultdict(list)
        for o in items:
            r = out.roots.get(o.cite.article, o.cite.article)
            per_root[r] |= {affil.get(a, a) for a in o.actors}
            evidence[r].append(o)
        sets = {frozenset(s) for s in per_root.values() if s}
        maximal = [s for s in sets if not any(s < t for t in sets)]
        maximal.sort(key=lambda s: (-sum(1 for r in per_root.values() if s >= r), sorted(s)))
        made: list[Claim] = []
        label, obj = items[0].slot.split(" the ", 1)
        for mset in maximal:
            cites: list[Cite] = []
            texts: list[str] = []
            for r, s in per_root.items():
                if s and s <= mset:
                    cites += [o.cite for o in evidence[r]]
                    texts += [o.text for o in evidence[r]]
            # name actors in the order of the sentence naming the most of them
            # ("Chile and Peru are drafting" -> "Chile and Peru")
            richest = sorted(items, key=lambda o: -len(o.actors))
            first_seen = [a for o in richest for a in (affil.get(x, x) for x in o.actors)]
            actor_names = [names.get(a, a) for a in sorted(mset, key=first_seen.index)]
            made.append(
                out.add(
                    f"the {obj}",
                    label,
                    _join_names(actor_names),
                    texts,
                    cites,
                    ClaimInfo("role", sorted(mset)),
                )
            )
        if len(made) > 1:
            for c in made:
                out.info[c.id].contested = True
            conflicts.append(
                Conflict(
                    topic=f"Who is {label} the {obj}",
                    sides=[
                        ConflictSide(f"{c.value} {label} the {obj}", list(c.cites)) for c in made
                    ],
                    kind="role",
                )
            )
        del key


# -- participation -----------------------------------------------------------------------


def _participation_claims(
    obs: Sequence[Observation], names: Mapping[EntityId, str], focus: Focus | None, out: _Claims
) -> None:
    by_actor: dict[EntityId, list[Observation]] = defaultdict(list)
    for o in obs:
        for a in o.actors:
            by_actor[a].append(o)
    target = focus.name if focus else "the initiative"
    for actor, items in by_actor.items():
        best = max(items, key=lambda o: o.rank)
        conditions = [
            (o.condition, o.condition_cite) for o in items if o.condition and o.condition_cite
        ]
        out.add(
            names.get(actor, actor), f"participation in the {target}", best.value,
            [o.text for o in items], [o.cite for o in items],
            ClaimInfo("participation", [actor], negated=best.negated,
                      conditions=[(t, c) for t, c in conditions if t and c]),
        )  # fmt: skip


# -- descriptions ------------------------------------------------------------------------


def _description_claims(
    obs: Sequence[Observation], focus: Focus | None, out: _Claims, conflicts: list[Conflict]
) -> None:
    if focus is None:
        return
    by_key: dict[str, list[Observation]] = defaultdict(list)
    for o in obs:
        by_key[o.key].append(o)
    for key, items in by_key.items():
        neg = [o for o in items if o.negated]
        aff = [o for o in items if not o.negated]
        if not neg:
            continue  # an affirmed description alone is just a name for the focus
        made: list[Claim] = []
        for group, negated in ((neg, True), (aff, False)):
            if not group:
                continue
            value = Counter(o.value for o in group).most_common(1)[0][0]
            made.append(
                out.add(
                    focus.name,
                    "description",
                    value,
                    [o.text for o in group],
                    [o.cite for o in group],
                    ClaimInfo("description", negated=negated),
                )
            )
        if len(made) == 2 and not _same_sources(made[0], made[1], out.roots):
            for c in made:
                out.info[c.id].contested = True
            head = neg[0].value.split()[-1]
            conflicts.append(
                Conflict(
                    topic=f"Is the {focus.name} a {key} {head}?",
                    sides=[ConflictSide(c.value, list(c.cites)) for c in made],
                    kind="description",
                )
            )


# -- attributes --------------------------------------------------------------------------

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _attribute_claims(
    obs: Sequence[Observation], focus: Focus | None, out: _Claims, conflicts: list[Conflict]
) -> None:
    if focus is None:
        return
    by_slot: dict[str, list[Observation]] = defaultdict(list)
    for o in obs:
        by_slot[o.slot].append(o)
    for slot, items in by_slot.items():
        clusters: list[list[Observation]] = []
        for o in items:
            for cl in clusters:
                if cl[0].negated == o.negated and fuzz.token_set_ratio(cl[0].key, o.key) >= 85:
                    cl.append(o)
                    break
            else:
                clusters.append([o])
        made: list[Claim] = []
        for cl in clusters:
            # the wording most sources use; ties go to the shorter one
            counts = Counter(o.value for o in cl)
            value = min(counts, key=lambda v: (-counts[v], len(v)))
            made.append(
                out.add(
                    focus.name,
                    slot,
                    value,
                    [o.text for o in cl],
                    [o.cite for o in cl],
                    ClaimInfo("attribute", negated=cl[0].negated),
                )
            )
        if slot == "duration":
            _year_conflicts(made, focus, out, conflicts)


def _year_conflicts(
    made: list[Claim], focus: Focus, out: _Claims, conflicts: list[Conflict]
) -> None:
    dated = [(c, set(_YEAR.findall(c.value))) for c in made]
    dated = [(c, y) for c, y in dated if y]
    for i in range(len(dated)):
        for j in range(i + 1, len(dated)):
            (a, ya), (b, yb) = dated[i], dated[j]
            if ya & yb or _same_sources(a, b, out.roots):
                continue
            out.info[a.id].contested = out.info[b.id].contested = True
            conflicts.append(
                Conflict(
                    topic=f"How long the {focus.name} runs",
                    sides=[ConflictSide(c.value, list(c.cites)) for c in (a, b)],
                    kind="duration",
                )
            )


# -- stances -----------------------------------------------------------------------------


# Stance types that say an actor will take part; ``participation`` claims already hold them.
_JOINING_STANCES = frozenset({"offer", "pledge"})


def _stance_claims(stances: Sequence[Stance], out: _Claims) -> None:
    joining = {
        e: c
        for c in out.claims
        if out.info[c.id].kind == "participation"
        for e in out.info[c.id].entities
    }
    for st in stances:
        if not usable(st):
            continue  # denied, questioned, hypothetical or unsure: never a claim
        part = joining.get(st.actor_entity or "")
        if st.stance in _JOINING_STANCES and part is not None:
            # the same fact as the participation claim: one claim, its cites united
            part.cites = _dedupe_cites([*part.cites, *st.cites])
            part.independent_sources = count_sources(part.cites, out.roots)
            continue
        value = st.target + (f" ({st.condition})" if st.condition else "")
        out.add(
            st.actor, f"stance: {st.stance}", value, [value], st.cites,
            ClaimInfo("stance", [st.actor_entity] if st.actor_entity else []),
            support=st.confidence,
        )  # fmt: skip


# -- statements --------------------------------------------------------------------------


def person_words(facts: Sequence[ArticleFacts]) -> frozenset[str]:
    """Every word of every person's name and alias, lower-cased: what statements.py reads
    as a person when it checks that two clauses are about the same people."""
    return frozenset(
        w.lower()
        for f in facts
        for e in f.entities
        if e.type == "PERSON"
        for n in (e.name, *e.aliases)
        for w in re.findall(r"[A-Za-z][\w']*", n)
    )


def _statement_claims(
    articles: Sequence[Article], facts: Sequence[ArticleFacts], names: Mapping[EntityId, str],
    out: _Claims, meaning: Meaning | None = None,
) -> None:  # fmt: skip
    """One claim per fact that two or more independent sources state in nearly the same
    words (``statements.find_statements``): its subject is the first entity named in the
    first source's shared words, its value those words."""
    mentions: dict[ArticleId, list[tuple[int, int, EntityId]]] = defaultdict(list)
    for f in facts:
        for e in f.entities:
            for c in e.mentions:
                mentions[c.article].append((c.start, c.end, e.id))
    texts = {a.id: a.text for a in articles}
    for st in find_statements(articles, out.roots, person_words(facts), meaning):
        first = st.cites[0]
        inside = sorted(
            (s, eid) for s, e, eid in mentions.get(first.article, ())
            if first.start <= s and e <= first.end
        )  # fmt: skip
        eid: EntityId | None = None
        subject = ""
        if inside and inside[0][0] - first.start <= _SUBJECT_REACH:
            eid = inside[0][1]  # the shared words open with a name: "Ames failed the test"
            subject = names.get(eid, "")
        if not subject:
            m = _LEADING_NAME.match(texts[first.article], first.start, first.end)
            if m and m.group(1).lower() not in stop_words():
                subject = m.group(1)
            elif inside:
                eid = inside[0][1]
                subject = names.get(eid, "")
        value = " ".join(st.texts[0].split())
        out.add(
            subject or "(statement)", "statement", value, st.texts, st.cites,
            ClaimInfo("statement", [eid] if eid else []),
        )  # fmt: skip


# A name that opens a statement's words (after an article): its subject.
_LEADING_NAME = re.compile(r"(?:(?:The|A|An)\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)")
_SUBJECT_REACH = 12  # characters from the start of a statement's words to its subject's name


# ---------------------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------------------

_KIND_ORDER = {
    "role": 0,
    "participation": 1,
    "quantity": 2,
    "description": 3,
    "attribute": 4,
    "stance": 5,
    "statement": 6,
}


def align(
    articles: Sequence[Article], facts: Sequence[ArticleFacts], meaning: Meaning | None = None
) -> Alignment:
    """Merge the facts of a story's articles into claims and conflicts.

    Args:
        articles: the story's articles; ``duplicate_of`` marks copies.
        facts: extraction results, one per article (matched by ``article_id``).
        meaning: the caller's sentence embedder, for facts told in other words
            (``statements.Meaning``); ``None``: statements by their words only.

    Returns:
        The ``Alignment``: merged entities, stances and quotes, claims sorted by the
        number of independent sources, conflicts, and the story's focus.
    """
    roots = source_roots(articles)
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {f.article_id: f for f in facts}
    facts = [by_id[a.id] for a in articles if a.id in by_id]
    entities = merge_entities(facts)
    names = {e.id: e.name for e in entities}
    types = {e.id: e.type for e in entities}
    # a spokesperson or an unnamed official acts for the state or body they belong to
    affil = {
        e.id: e.affiliation for e in entities if e.affiliation and e.type not in {"GPE", "ORG"}
    }
    stances = merge_stances(facts, names)
    focus = find_focus(articles, roots)
    texts = {a.id: a.text for a in articles}

    observations: list[Observation] = []
    for a in articles:
        f = by_id.get(a.id)
        mentions = sorted(
            (ActorMention(c.start, c.end, e.id) for e in (f.entities if f else []) for c in e.mentions
             if c.article == a.id),
            key=lambda m: (m.start, -m.end),
        )  # fmt: skip
        observations += find_observations(a, mentions, types, focus, kind_phrases(a))

    out = _Claims(roots, order)
    conflicts: list[Conflict] = []
    kinds: dict[str, list[Observation]] = defaultdict(list)
    for o in observations:
        kinds[o.kind].append(o)
    _role_claims(kinds["role"], names, affil, out, conflicts)
    _participation_claims(kinds["participation"], names, focus, out)
    updates: list[Update] = []
    number_conflicts: list[Conflict] = []
    days = _article_days(articles, by_id)  # the day each article reports from, read once
    _quantity_claims(facts, names, texts, out, number_conflicts, updates, days)
    _description_claims(kinds["description"], focus, out, conflicts)
    _attribute_claims(kinds["attribute"], focus, out, conflicts)
    _stance_claims(stances, out)
    _statement_claims(articles, facts, names, out, meaning)
    out.settle_confidence()
    for conflict in conflicts:
        conflict.confidence = conflict_confidence(conflict, roots)
    conflicts += number_conflicts  # their confidence also weighs how alike the two figures are
    # clock times, colours, home towns, name spellings (stages/analysis/slots.py)
    persons = person_pairs(
        n for e in entities if e.type == "PERSON" for n in [e.name, *e.aliases]
    ) | frozenset(p for a in articles for p in person_cues(a.text))
    slot_readings = [r for a in articles for r in read_slots(a, roots.get(a.id, a.id), persons)]
    slot_sim = _Similarity([r.sentence for r in slot_readings if r.kind != "day"])
    day_sim = _Similarity([r.sentence for r in slot_readings if r.kind == "day"])
    conflicts += slot_conflicts(slot_readings, slot_sim, roots, days, day_sim)
    # one quote given to two named people; none hurt vs a toll (stages/analysis/disputes.py)
    conflicts += speaker_conflicts([q for f in facts for q in f.quotes], entities, texts, roots)
    zeros = {a.id: read_zero_tolls(a.id, a.text) for a in articles}
    zero_sentences = [z.sentence for zs in zeros.values() for z in zs]
    if zero_sentences:
        toll_sentences = [
            sentence_text(texts.get(q.cite.article, ""), q.cite.start)
            for f in facts
            for q in f.quantities
            if q.frame in HARM_FRAMES
        ]
        toll_sim = _Similarity(zero_sentences + toll_sentences)
        conflicts += toll_conflicts(articles, facts, zeros, toll_sim, roots, days)
    # where it happened: two countries or two US states for one action (disputes.py)
    places = [r for a in articles for r in read_places(a.id, a.text)]
    if places:
        place_sim = _Similarity([r.sentence for r in places])
        conflicts += place_conflicts(articles, places, place_sim, roots, days)
    # one outlet tells a thing happened, another that it was denied (disputes.py)
    conflicts += denial_conflicts(articles, facts, roots, days)
    outlets = {a.id: a.outlet or a.source for a in articles}
    for conflict in conflicts:
        for side in conflict.sides:
            side.outlets = list(dict.fromkeys(outlets[c.article] for c in side.cites))
    claims = sorted(
        out.claims,
        key=lambda c: (-c.independent_sources, _KIND_ORDER[out.info[c.id].kind],
                       order.get(c.cites[0].article, 0) if c.cites else 0,
                       c.cites[0].start if c.cites else 0),
    )  # fmt: skip
    return Alignment(
        entities=entities,
        stances=stances,
        quotes=merge_quotes(facts),
        claims=claims,
        conflicts=conflicts,
        info=out.info,
        focus=focus,
        roots=roots,
        topical=_topical(articles, focus),
        updates=[_update_event(u) for u in updates],
    )


def _article_days(
    articles: Sequence[Article], facts: Mapping[ArticleId, ArticleFacts]
) -> dict[ArticleId, str]:
    """The day each article reports from: its published date, else the latest full date its
    own text writes out, year included (ECB+-like undated articles carry a date line), else
    the date of its date line (``dates.text_reference_date``: "Updated 3/9/2021 4:17 PM").

    A date whose year was inferred ("May 19" in an article of May 5) is no day of writing: it
    is often ahead of it."""
    days: dict[ArticleId, str] = {}
    for a in articles:
        if a.published:
            days[a.id] = a.published[:10]
            continue
        f = facts.get(a.id)
        named = [
            d.date
            for d in (f.dates if f else [])
            if d.date and len(d.date) == 10 and not d.relative and not d.inferred
        ]
        if named:
            days[a.id] = max(named)
        elif (ref := text_reference_date(a.text)) is not None:
            days[a.id] = ref.isoformat()
    return days


def _update_event(u: Update) -> Event:
    """A figure that moved, as a timeline item with the days of its two reports."""
    when = (
        f"{u.before_day or 'an earlier report'} → {u.after_day or 'a later report'}"
        if u.before_day or u.after_day
        else ""
    )
    return Event(
        date=u.after_day, date_text=when, summary=u.label, actors=[],
        cites=_dedupe_cites(r.q.cite for r in [*u.before, *u.after]), kind="update",
    )  # fmt: skip


_INSTRUMENT = re.compile(
    r"\b(?:resolution|mandate|draft|treaty|bill|agreement|deal|deployment|troops|mission|force)\b",
    re.I,
)


def _topical(
    articles: Sequence[Article], focus: Focus | None
) -> dict[ArticleId, set[tuple[int, int]]]:
    out = {a: set(spans) for a, spans in (focus.sentences if focus else {}).items()}
    for a in articles:
        for s, e in sentence_spans(a.text):
            if _INSTRUMENT.search(a.text, s, e):
                out.setdefault(a.id, set()).add((s, e))
    return out

"""Non-numeric disagreements of their own kinds: who said a quote, whether anyone died, where
it happened, and whether it happened at all.

- ``speaker``: the same words quoted by two outlets, each giving them to a different named
  person ("“We will rebuild every school,” Mayor Ilse Varhol said" vs "“We will rebuild
  every school,” said council chair Tomas Brenk");
- ``toll``: one outlet says no one was killed (or hurt), another gives a toll of that frame
  for the same event (``toll_conflicts``; "No one was killed in the blast" vs "the blast
  killed three workers");
- ``place``: two outlets put one of the story's actions in two different countries, or two
  different US states ("a strong earthquake struck in Peru" vs "... struck in Bolivia";
  ``place_conflicts``: only a place of one level against one of the same level, so a town
  and its region never disagree);
- ``denial``: one outlet tells a thing happened, another that someone denied it or said it
  did not happen ("troops entered the hospital" vs "Colonel Amsel denied that troops had
  entered the hospital"; ``denial_conflicts``: the denial's words, in order and close, in a
  plain sentence of the other outlet).

Which person was arrested, hired or killed is not compared here: two outlets naming two
people for one such act are as often telling two parts of one list (two arrests) as
disagreeing, and nothing in the text tells the two apart.

Precision first, so a quote is a side only where its attribution is plain:

- the words are a direct or partial quote of at least ``SPEAKER_MIN_WORDS`` words, asserted,
  and at or above the confidence threshold; two quotes are the same words when their folded
  word sequences are equal or the shorter one lies whole inside the longer;
- its speaker is a named person (an entity of type PERSON, never an anonymous or collective
  speaker: "the ministry said" and "a spokesman said" name the same statement's source at
  two levels, not two sources), and the person's surname (the last word of one of their
  names) stands in the quote's own paragraph, so a speaker carried from far back by a
  pronoun is no side;
- an article that gives the words to two people, or names the other side's person in the
  quote's paragraph (one reading out the other's statement, "Brenk read Varhol's letter";
  an extraction that took the wrong one of two people named there), is on no side;
- two speakers are different people only when their names share no word (titles left out):
  "Varhol" and "Ilse Varhol" are one person, and so, here, are two Varhols;
- kept per article, not per source (as ``slots.py``): a copy that edits the speaker prints
  its own attribution, while a side's support counts its sources once; the brief states only
  conflicts whose sides share no source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from storyline.lang import MONTHS, stop_words
from storyline.lang.actions import ACTION_OF
from storyline.lang.en import (
    DENIAL_EXTRA_FORMS,
    DENIAL_NOUNS,
    DENIAL_OBJECT_VERBS,
    DENIAL_VERBS,
    HONORIFICS,
    HYPOTHETICAL_MODALS,
    NEGATION_CUES,
    QUANTITY_FRAMES,
    WEEKDAYS,
)
from storyline.lang.places import iso_countries
from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    ArticleFacts,
    ArticleId,
    Cite,
    Conflict,
    ConflictSide,
    Entity,
    EntityId,
    Quantity,
    Quote,
)
from storyline.text import normalize_text, sentence_at, sentence_index, sentence_spans

# A quote this short may be a common phrase two people both used ("a very sad day").
SPEAKER_MIN_WORDS = 6
# What one source lends a side: the quote span and the name beside it are read by rules.
SPEAKER_SUPPORT = 0.7
# The words of a quote shown in the topic ("Who said “…”").
TOPIC_WORDS = 12
# Sentences around a quote's own that belong to its paragraph for the attribution checks.
PARAGRAPH_REACH = 1

_WORD = re.compile(r"[\w'’-]+")
_TITLE_WORDS = frozenset(w.lower() for h in HONORIFICS for w in h.split())


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalize_text(text)))


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= SPEAKER_MIN_WORDS and _inside(short, long)


# Determiners: a name opening with one is a description ("The general"), a closed class.
_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


def _proper_names(entity: Entity) -> list[str]:
    """The person's name and those aliases written as names: every word capitalised, no
    determiner first (coreference adds "The general" for "General Manager A.J. Smith")."""
    return [
        n
        for n in [entity.name, *entity.aliases]
        if n.split()
        and all(w[:1].isupper() for w in n.split())
        and n.split()[0].lower() not in _DETERMINERS
    ]


def _name_words(entity: Entity) -> frozenset[str]:
    """The words of a person's names, titles and initials left out."""
    return frozenset(
        w
        for n in _proper_names(entity)
        for w in _words(n)
        if len(w) > 1 and w.strip(".") not in _TITLE_WORDS
    )


def _surnames(entity: Entity) -> frozenset[str]:
    """The last word of each of a person's names: what a paragraph names them by."""
    return frozenset(ws[-1] for n in _proper_names(entity) if len(ws := _words(n)) > 0)


def _paragraph(text: str, start: int, end: int) -> str:
    """The quote's sentences and ``PARAGRAPH_REACH`` sentences either side, folded."""
    spans, _ = sentence_index(text)
    if not spans:
        return normalize_text(text)
    first = next((i for i, (_, e) in enumerate(spans) if e > start), len(spans) - 1)
    last = max(first, next((i for i, (s, _) in enumerate(spans) if s >= end), len(spans)) - 1)
    lo, hi = max(0, first - PARAGRAPH_REACH), min(len(spans) - 1, last + PARAGRAPH_REACH)
    return normalize_text(text[spans[lo][0] : spans[hi][1]])


def _names_in(words: frozenset[str], paragraph: str) -> bool:
    return bool(words & set(_WORD.findall(paragraph)))


def _eligible(q: Quote, persons: Mapping[EntityId, Entity]) -> bool:
    return (
        q.kind in ("direct", "partial")
        and q.polarity == "asserted"
        and q.confidence >= CONFIDENCE_THRESHOLD
        and q.speaker_entity is not None
        and q.speaker_entity in persons
        and len(_words(q.text)) >= SPEAKER_MIN_WORDS
    )


def speaker_conflicts(
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    texts: Mapping[ArticleId, str],
    roots: Mapping[ArticleId, ArticleId],
) -> list[Conflict]:
    """Conflicts over who said the same words (see the module docstring). ``quotes`` are
    the articles' own (before a missing speaker is filled from elsewhere)."""
    persons = {e.id: e for e in entities if e.type == "PERSON"}
    names = {eid: _name_words(e) for eid, e in persons.items()}
    surnames = {eid: _surnames(e) for eid, e in persons.items()}
    items = [q for q in quotes if _eligible(q, persons) and names.get(q.speaker_entity or "")]
    words = [_words(q.text) for q in items]
    # one group per quoted statement: quotes joined when their words are the same
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if find(i) != find(j) and _same_words(words[i], words[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    conflicts: list[Conflict] = []
    for members in groups.values():
        by_article: dict[ArticleId, list[int]] = defaultdict(list)
        for i in members:
            by_article[items[i].cite.article].append(i)
        if len(by_article) < 2:
            continue
        said: dict[EntityId, list[int]] = defaultdict(list)
        for article, idx in by_article.items():
            speakers = {items[i].speaker_entity or "" for i in idx}
            if len(speakers) != 1:
                continue  # the article gives the words to two people
            eid = speakers.pop()
            text = texts.get(article, "")
            paragraphs = [_paragraph(text, items[i].cite.start, items[i].cite.end) for i in idx]
            if not any(_names_in(surnames[eid], p) for p in paragraphs):
                continue  # no name beside the quote: its speaker was carried from far back
            said[eid] += idx
        # one person under two ids ("A.J. Butler", "AJ Butler"): speakers whose names share
        # a word are one side
        people: list[list[EntityId]] = []
        for eid in sorted(said, key=lambda e: (-len(said[e]), e)):
            near = [p for p in people if any(names[eid] & names[o] for o in p)]
            merged = [eid, *(o for p in near for o in p)]
            people = [p for p in people if p not in near] + [merged]
        sides = [[i for eid in p for i in said[eid]] for p in people]
        sides.sort(key=lambda idx: (-len(idx), min(items[i].cite.start for i in idx)))
        for x in range(len(sides)):
            for y in range(x + 1, len(sides)):
                other_b = frozenset().union(
                    *(surnames[items[i].speaker_entity or ""] for i in sides[y])
                )
                other_a = frozenset().union(
                    *(surnames[items[i].speaker_entity or ""] for i in sides[x])
                )
                side_a = [i for i in sides[x] if not _other_named(items[i], other_b, texts)]
                side_b = [i for i in sides[y] if not _other_named(items[i], other_a, texts)]
                roots_a = {roots.get(items[i].cite.article, items[i].cite.article) for i in side_a}
                roots_b = {roots.get(items[i].cite.article, items[i].cite.article) for i in side_b}
                if not roots_a or not roots_b:
                    continue
                conflicts.append(
                    _conflict([items[i] for i in side_a], [items[i] for i in side_b], persons,
                              roots_a, roots_b)
                )  # fmt: skip
    return conflicts


def _other_named(q: Quote, other: frozenset[str], texts: Mapping[ArticleId, str]) -> bool:
    """Does the quote's paragraph name the other side's person too."""
    return _names_in(other, _paragraph(texts.get(q.cite.article, ""), q.cite.start, q.cite.end))


def _conflict(
    a: Sequence[Quote], b: Sequence[Quote], persons: Mapping[EntityId, Entity],
    roots_a: set[ArticleId], roots_b: set[ArticleId],
) -> Conflict:  # fmt: skip
    shortest = min([*a, *b], key=lambda q: len(_words(q.text)))
    words = shortest.text.strip().strip("\"“”'‘’ ").split()
    # the topic stops at a colon: "Outlets differ on X: A vs B" reads the first ": " as its own
    end = next((i + 1 for i, w in enumerate(words) if w.endswith(":")), len(words))
    shown = words[: min(end, TOPIC_WORDS)]
    excerpt = " ".join(shown).rstrip(",.;:") + ("…" if len(shown) < len(words) else "")
    support = min(_lent(SPEAKER_SUPPORT, len(r)) for r in (roots_a, roots_b))
    sure = min(q.confidence for q in [*a, *b])
    return Conflict(
        topic=f"Who said “{excerpt}”",
        sides=[
            ConflictSide(persons[qs[0].speaker_entity or ""].name, [q.cite for q in qs])
            for qs in (a, b)
        ],
        confidence=round(support * min(1.0, sure), 3),
        kind="speaker",
    )


# -- none hurt vs a toll -------------------------------------------------------------------

# "No one was killed", "nobody was hurt", "there were no casualties", "caused no deaths": a
# plain zero. "No one else", "no other", "no injuries were reported" (a state of the reports,
# which later ones may change) and "no immediate reports" never match: the words between are
# not allowed. The negators and forms of "be" are closed classes.
_ZERO_RES = (
    re.compile(
        r"\b(?:no[ -]one|nobody)\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
        r"(?:(?:seriously|badly|critically|fatally)\s+)?(?P<w>[a-z]+)\b",
        re.I,
    ),
    re.compile(
        r"\bthere\s+(?:were|was|have\s+been|had\s+been)\s+no\s+"
        r"(?P<w>casualties|deaths|fatalities|injuries)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:caused|causing|left)\s+no\s+(?P<w>casualties|deaths|fatalities|injuries)\b", re.I
    ),
)
# A zero inside a subordinate or hypothetical clause ("since no one was killed", "if nobody
# was hurt") argues, it does not report: subordinators and modals, a closed class.
_NOT_REPORTED = re.compile(
    r"\b(?:since|because|if|unless|whether|would|could|might|as\s+long\s+as|so\s+that)\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_EVENT_NOUN = re.compile(
    r"^\s+(?:in|during|from)\s+(?:the|this|that|a|an)\s+(?P<n>[a-z]+(?:\s+[a-z]+)?)", re.I
)
# Words that may follow the event's noun ("in the fire on Friday", "in the fire last
# night", "in the incident and"): prepositions, conjunctions and time words, a closed class
# (a general stop list would drop "fire" itself).
_AFTER_EVENT = frozenset(
    {"on", "at", "in", "of", "and", "but", "or", "when", "which", "that", "as", "after",
     "before", "near", "by", "with", "to", "for", "last", "this", "early", "late", "while"}
)  # fmt: skip
# "casualties" counts the dead and the hurt alike
_CASUALTIES = ("killed", "injured")
HARM_FRAMES = frozenset(_CASUALTIES)
# Sentences at least this alike (TF-IDF cosine) may tell of one event; a word naming the
# zero's event ("in the fire") must also stand in the toll's sentence when the zero names one.
TOLL_SIMILARITY = 0.15
# A bare "No one was hurt." names no event: its sentence must be closer to the toll's.
BARE_SIMILARITY = 0.3
TOLL_SUPPORT = 0.6
# Reports more than this many days apart tell of two events (align.SAME_EVENT_DAYS).
TOLL_DAYS = 4


@dataclass(frozen=True, slots=True)
class ZeroToll:
    """An article's plain statement that no one was killed or hurt ("casualties": both)."""

    frames: tuple[str, ...]
    text: str
    cite: Cite
    sentence: str
    # the words naming the event after it, stop words left out ("fire" in "nobody was hurt
    # in the fire on Sunday"; "gas blast" in "... in the gas blast")
    event: frozenset[str] = frozenset()


def _frame_of(word: str) -> tuple[str, ...]:
    w = word.lower()
    if w == "casualties":
        return _CASUALTIES
    for form in (w, w.removesuffix("s"), w.removesuffix("ed"), w.removesuffix("d")):
        frame = QUANTITY_FRAMES.get(form)
        if frame in HARM_FRAMES:
            return (frame,)
    return ()


def read_zero_tolls(article: ArticleId, text: str) -> list[ZeroToll]:
    out: list[ZeroToll] = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        for rx in _ZERO_RES:
            for m in rx.finditer(sentence):
                frames = _frame_of(m.group("w"))
                if not frames or _NOT_REPORTED.search(sentence[: m.start()]):
                    continue
                ev = _EVENT_NOUN.match(sentence[m.end() :])
                out.append(
                    ZeroToll(
                        frames, m.group(), Cite(article, s + m.start(), s + m.end()), sentence,
                        frozenset(ev.group("n").lower().split()) - _AFTER_EVENT if ev else frozenset(),
                    )
                )  # fmt: skip
    return out


def _days_apart(x: str | None, y: str | None) -> int | None:
    """Days from report x to report y, None when either day is unknown."""
    try:
        return (date.fromisoformat((y or "")[:10]) - date.fromisoformat((x or "")[:10])).days
    except ValueError:
        return None


def _far_apart(days: Mapping[ArticleId, str], a: ArticleId, b: ArticleId) -> bool:
    """Whether two reports are more than ``TOLL_DAYS`` apart (False when a day is unknown)."""
    gap = _days_apart(days.get(a), days.get(b))
    return gap is not None and abs(gap) > TOLL_DAYS


def _lent(base: float, n: int) -> float:
    """What ``n`` independent sources lend a side, ``base`` each: ``1 - (1 - base) ** n``."""
    return 1 - (1 - base) ** n


def _support(base: float, cites: Iterable[Cite], roots: Mapping[ArticleId, ArticleId]) -> float:
    """``_lent`` by the roots of the articles a side cites (copies count once)."""
    return _lent(base, len({roots.get(c.article, c.article) for c in cites}))


def toll_conflicts(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    zeros: Mapping[ArticleId, Sequence[ZeroToll]],
    sim: Callable[[str, str], float],
    roots: Mapping[ArticleId, ArticleId],
    days: Mapping[ArticleId, str],
) -> list[Conflict]:
    """One outlet says no one was killed (or hurt), another gives a toll of that frame, of
    the same event: sentences alike, the zero's event noun in the toll's sentence, reports at
    most ``TOLL_DAYS`` apart and the zero not the earlier report (a first "no one was hurt"
    and a later toll is news that moved, not a dispute). An article that says both (a toll
    and "no one was hurt": of different people or moments) is on no side of that frame.
    ``zeros``: each article's ``read_zero_tolls``, read once by the caller."""
    texts = {a.id: a.text for a in articles}
    tolls: dict[ArticleId, list[Quantity]] = defaultdict(list)
    toll_sentence: dict[tuple[ArticleId, int], str] = {}  # each toll's sentence, split once
    for f in facts:
        for q in f.quantities:
            least = q.low if q.low is not None else q.value or 0
            if q.frame in HARM_FRAMES and least >= 1 and q.hedge != "up_to":
                tolls[q.cite.article].append(q)
                toll_sentence[(q.cite.article, q.cite.start)] = sentence_text(
                    texts.get(q.cite.article, ""), q.cite.start
                )
    conflicts: list[Conflict] = []
    for frame in sorted(HARM_FRAMES):
        zero_side: list[ZeroToll] = []
        toll_side: list[Quantity] = []
        for aid, zs in zeros.items():
            mine = [z for z in zs if frame in z.frames]
            if not mine or any(q.frame == frame for q in tolls.get(aid, [])):
                continue
            for z in mine:
                for q in (q for b, qs in tolls.items() if b != aid for q in qs if q.frame == frame):
                    if any(frame in y.frames for y in zeros.get(q.cite.article, [])):
                        continue
                    gap = _days_apart(days.get(aid), days.get(q.cite.article))
                    if gap is not None and (gap > 0 or gap < -TOLL_DAYS):
                        continue  # the zero came first (news that moved), or two events
                    qs = toll_sentence[(q.cite.article, q.cite.start)]
                    if sim(z.sentence, qs) < (TOLL_SIMILARITY if z.event else BARE_SIMILARITY):
                        continue
                    words = re.findall(r"[a-z]+", qs.lower())
                    if z.event and not any(w.startswith(e) for e in z.event for w in words):
                        continue  # "fire" in "fires", "firefighters" too: a loose tie
                    if z not in zero_side:
                        zero_side.append(z)
                    if q not in toll_side:
                        toll_side.append(q)
        if zero_side and toll_side:
            conflicts.append(_toll_conflict(frame, zero_side, toll_side, roots))
    return conflicts


def sentence_text(text: str, at: int) -> str:
    """The sentence of ``text`` holding offset ``at`` ("" between sentences)."""
    span = sentence_at(text, at)
    return text[span[0] : span[1]] if span else ""


def _toll_conflict(
    frame: str, zero: Sequence[ZeroToll], toll: Sequence[Quantity],
    roots: Mapping[ArticleId, ArticleId],
) -> Conflict:  # fmt: skip
    values = sorted({q.value for q in toll if q.value is not None})
    shown = " / ".join(f"{v:g}" for v in values[:3])
    support = min(
        _support(TOLL_SUPPORT, cites, roots)
        for cites in ([z.cite for z in zero], [q.cite for q in toll])
    )
    return Conflict(
        topic=f"How many people were {frame}",
        sides=[
            ConflictSide(f"none {frame}", [z.cite for z in zero]),
            ConflictSide(f"{shown} {frame}", [q.cite for q in toll]),
        ],
        confidence=round(support, 3),
        kind="toll",
    )


# -- where it happened -----------------------------------------------------------------------

# The prepositions that put an action inside a place ("struck in Iran", "arrested at
# Texas"): a closed class. "near", "off", "outside", "across" place it beside or beyond
# the place (a quake "near Iraq's border" is in Iran), "from" and "to" are where someone
# comes from or goes: none of them is read.
_PLACE_PREPOSITIONS = ("in", "at", "inside")
_CAP = r"[A-Z][\w'’.-]*"
# A part of a place named by its quarter ("in southern Iran", "in north-west Peru"): the
# compass words, a closed class.
_QUARTER = r"(?:(?:north|south)(?:[ -]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)"
_PLACE_RE = re.compile(
    rf"\b(?P<prep>(?i:{'|'.join(_PLACE_PREPOSITIONS)}))\s+(?:the\s+)?(?:{_QUARTER}\s+)?"
    rf"(?P<place>{_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_CAP}){{0,4}})"
    rf"(?:,\s+(?P<outer>{_CAP}(?:\s+{_CAP}){{0,2}}))?"
)
# Verbs a place after them belongs to rather than the action ("felt in Pakistan", "said in
# Texas", "born in Peru", "lives in Ohio"): the irregular ones, a closed class; regular past
# forms ("based", "reported") are caught by their ending (``_place_verb``).
_PLACE_VERBS = frozenset(
    {"felt", "said", "says", "say", "told", "tells", "born", "lives", "live", "lived", "held",
     "sent", "flew", "flown", "went", "gone", "took", "taken", "met", "spoke", "spoken",
     "fled", "left", "moved", "returned", "visited", "came", "come", "comes", "grew", "raised",
     "studied", "worked", "works", "work", "stayed", "where", "while", "who", "which", "whose"}
)  # fmt: skip
# US state names that are as often a city or a country in news ("in Washington", "in New
# York", "in Georgia"): never read as a state.
_AMBIGUOUS_STATES = frozenset({"Washington", "New York", "Georgia"})
# Words between the action and its place, at most (one clause).
PLACE_SPAN = 8
# Sentences at least this alike (TF-IDF cosine) may tell of one event.
PLACE_SIMILARITY = 0.2
# What one source lends a side: a place read by rules from one clause.
PLACE_SUPPORT = 0.6


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """A country or a US state an article places one of the story's actions in."""

    action: str  # ``lang.actions`` action ("quake", "arrest")
    level: str  # "country" | "state": only places of one level are compared
    value: str  # the place's name as shown ("Iran", "Texas")
    names: frozenset[str]  # every name the place goes by, lower case
    text: str
    cite: Cite
    sentence: str


@dataclass(frozen=True, slots=True)
class _Place:
    level: str
    value: str
    names: frozenset[str]


@cache
def _gazetteer() -> dict[str, _Place]:
    """Lower-case name -> country (ISO 3166-1, ``lang.places``) or US state (ISO 3166-2)."""
    import pycountry  # lazy, as in ``lang.places``

    places: dict[str, _Place] = {}
    for c in iso_countries():
        p = _Place("country", c.name, frozenset(n.lower() for n in c.names))
        for n in c.names:
            places.setdefault(n.lower(), p)
    for s in pycountry.subdivisions:
        if s.country_code == "US" and s.type == "State" and s.name not in _AMBIGUOUS_STATES:
            name = s.name.lower()
            places.setdefault(name, _Place("state", s.name, frozenset({name})))
    return places


def _place_verb(word: str) -> bool:
    w = word.lower()
    return w in _PLACE_VERBS or (len(w) >= 5 and w.endswith("ed") and w not in ACTION_OF)


def _resolve(m: re.Match[str]) -> tuple[_Place, int, int] | None:
    """The country or state a place phrase names: the phrase itself ("in Iran", "in Iran's
    south"), else the place after its comma ("in Bam, Iran"). None for anything else, and for
    a phrase that only begins with a place name ("in Texas Children's Hospital")."""
    places = _gazetteer()
    for group in ("place", "outer"):
        if not m.group(group):
            continue
        name = re.sub(r"(?:['’]s)?\.*$", "", m.group(group))  # "Iran's", "Ohio."
        if (p := places.get(name.lower())) is not None:
            return p, m.start(group), m.start(group) + len(name)
    return None


def _near_actions(words: Sequence[str]) -> set[str]:
    """The actions among ``words`` read outward from the place: stopped by a verb the place
    belongs to."""
    out: set[str] = set()
    for w in words:
        low = w.lower()
        if low in ".;:!?":
            break
        if (a := ACTION_OF.get(low)) is not None:
            out.add(a)
            continue
        if _place_verb(low):
            break
    return out


def read_places(article: ArticleId, text: str) -> list[PlaceReading]:
    """Each clause that puts one of the story's actions (``lang.actions``) in a country or a
    US state: "a quake in southern Iran" and "the quake hit in Qeshm, Iran" are read (Iran);
    "the quake struck southern Iran" (no preposition), "a quake near Iran" (beside it) and
    "a quake in Qeshm" (no country or state) are not."""
    out: list[PlaceReading] = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        for m in _PLACE_RE.finditer(sentence):
            found = _resolve(m)
            if found is None:
                continue
            place, ps, pe = found
            before = _TOKEN.findall(sentence[: m.start()])[-PLACE_SPAN:]
            after = _TOKEN.findall(sentence[m.end() :])[:PLACE_SPAN]
            if before and _place_verb(before[-1]):
                continue  # "born in Peru": the place is that verb's
            acts = _near_actions(list(reversed(before))) | _near_actions(after)
            for a in sorted(acts):
                out.append(
                    PlaceReading(a, place.level, place.value, place.names, sentence[ps:pe],
                                 Cite(article, s + ps, s + pe), sentence)
                )  # fmt: skip
    return out


_TOKEN = re.compile(r"[\w'’-]+|[.;:!?]")


def place_conflicts(
    articles: Sequence[Article],
    readings: Sequence[PlaceReading],
    sim: Callable[[str, str], float],
    roots: Mapping[ArticleId, ArticleId],
    days: Mapping[ArticleId, str],
) -> list[Conflict]:
    """Outlets that put one action of the story in two different countries (or two US
    states). Precision first:

    - the action is one of the story's: at least two sources place it;
    - places of one level only (a town and its region, a state and its country are never
      compared: only a country against a country, a state against a state);
    - an article that places the action in two places of one level is on no side (a quake
      felt in two countries, an arrest in one state after a crime in another), and so is one
      that names the other side's place anywhere in its text (it knows of it: a second
      event, a neighbour, a detail);
    - the two sentences are alike (``PLACE_SIMILARITY``) and the reports at most
      ``TOLL_DAYS`` apart when both days are known.
    """
    texts = {a.id: a.text.lower() for a in articles}
    by_action: dict[str, list[PlaceReading]] = defaultdict(list)
    for r in readings:
        by_action[r.action].append(r)
    conflicts: list[Conflict] = []
    for action, items in sorted(by_action.items()):
        if len({roots.get(r.cite.article, r.cite.article) for r in items}) < 2:
            continue
        for level in ("country", "state"):
            mine = [r for r in items if r.level == level]
            values: dict[ArticleId, set[str]] = defaultdict(set)
            for r in mine:
                values[r.cite.article].add(r.value)
            single = [r for r in mine if len(values[r.cite.article]) == 1]
            by_value: dict[str, list[PlaceReading]] = defaultdict(list)
            for r in single:
                by_value[r.value].append(r)
            vals = sorted(by_value)
            for i in range(len(vals)):
                for j in range(i + 1, len(vals)):
                    pairs = [
                        (x, y)
                        for x in by_value[vals[i]]
                        for y in by_value[vals[j]]
                        if _place_pair(x, y, texts, sim, roots, days)
                    ]
                    if not pairs:
                        continue
                    side_a = list(dict.fromkeys(x for x, _ in pairs))
                    side_b = list(dict.fromkeys(y for _, y in pairs))
                    conflicts.append(_place_conflict(action, side_a, side_b, roots))
    return conflicts


def _names_place(text: str, names: frozenset[str]) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)


def _place_pair(
    x: PlaceReading, y: PlaceReading, texts: Mapping[ArticleId, str],
    sim: Callable[[str, str], float], roots: Mapping[ArticleId, ArticleId],
    days: Mapping[ArticleId, str],
) -> bool:  # fmt: skip
    if roots.get(x.cite.article, x.cite.article) == roots.get(y.cite.article, y.cite.article):
        return False
    if _names_place(texts.get(x.cite.article, ""), y.names) or _names_place(
        texts.get(y.cite.article, ""), x.names
    ):
        return False  # each outlet knows only its own place
    if _far_apart(days, x.cite.article, y.cite.article):
        return False
    placed = frozenset(w.lower() for r in (x, y) for w in _WORD.findall(r.text))
    nx, ny = _other_names(x.sentence, placed), _other_names(y.sentence, placed)
    if nx and ny and not nx & ny:
        return False  # each names someone or something the other does not: two acts
    return sim(x.sentence, y.sentence) >= PLACE_SIMILARITY


def _other_names(sentence: str, placed: frozenset[str]) -> frozenset[str]:
    """The capitalised words of a sentence past its first word, the two places' words and
    those of the gazetteer, days and months left out: the people and things that tie two
    tellings to one act ("police arrested Ann Roe in Ohio" and "police arrested Ivo Brandt
    in Indiana" are two arrests)."""
    places = _gazetteer()
    return frozenset(
        w
        for w in _WORD.findall(sentence)[1:]
        if w[:1].isupper()
        and (low := w.lower()) not in placed
        and low not in places
        and low not in _TIME_WORDS
    )


def _place_conflict(
    action: str, a: Sequence[PlaceReading], b: Sequence[PlaceReading],
    roots: Mapping[ArticleId, ArticleId],
) -> Conflict:  # fmt: skip
    support = min(_support(PLACE_SUPPORT, [r.cite for r in side], roots) for side in (a, b))
    return Conflict(
        topic=f"Where the {action} happened",
        sides=[ConflictSide(side[0].value, [r.cite for r in side]) for side in (a, b)],
        confidence=round(support, 3),
        kind="place",
    )


# -- whether it happened ---------------------------------------------------------------------

# Words that make a sentence say something other than that a thing happened: negation
# (``lang.en.NEGATION_CUES`` and "no"), denial (``DENIAL_VERBS`` and the other forms), a
# condition, a hypothesis, a question, or a claim told as a claim ("accused of", "alleged"):
# closed classes of the language, read from ``lang.en`` where it lists them.
_NOT_PLAIN = frozenset(
    {w for c in NEGATION_CUES for w in c.split()}
    | {"no", "nobody", "none", "neither", "nor", "whether", "if", "unless", "may", "maybe",
       "perhaps", "possibly", "reportedly", "allegedly", "alleged", "alleging", "allegation",
       "allegations", "accused", "accuses", "accusing", "accusation", "accusations", "claim",
       "claims", "claimed", "claiming", "rumour", "rumours", "rumor", "rumors", "denial",
       "denials", "false", "untrue", "baseless"}
    | {f for forms in DENIAL_VERBS.values() for f in forms}
    | set(DENIAL_VERBS)
    | {f for f in DENIAL_EXTRA_FORMS}
    | {f for f in DENIAL_OBJECT_VERBS if " " not in f}
    | {w for w in HYPOTHETICAL_MODALS}
)  # fmt: skip
_TOKENS = re.compile(r"[a-z]+(?:n[’']t)?")
# "… did not arrest …": an attributed content that says a thing did not happen. The
# auxiliaries and negators are closed classes.
_NEGATED = re.compile(
    r"^(?P<subj>.+?)\s+(?:did|does|do|was|were|is|are|had|has|have)\s*(?:not|n[’']t)\s+"
    r"(?P<rest>.+)$|^(?P<subj2>.+?)\s+never\s+(?P<rest2>.+)$",
    re.I,
)
# The denied content opens with the noun of saying it denies ("reports that C"): dropped.
_CLAIM_OPENER = re.compile(rf"^(?:the\s+)?(?:{'|'.join(DENIAL_NOUNS)})\s+(?:that\s+)?", re.I)
# Words of the denied content that another outlet must all tell: at least this many.
DENIAL_MIN_WORDS = 3
# A longer content holds more than one thing (a clause, a reason, a list): not compared.
DENIAL_MAX_WORDS = 20
# The subject of a "did not" content: a few words, one clause ("police", "the two
# guards"), never a pronoun alone ("he did not fire": whose act another outlet tells
# cannot be read).
SUBJECT_MAX_WORDS = 4


def _named_subject(subject: str) -> bool:
    words = subject.split()
    return len(words) <= SUBJECT_MAX_WORDS and "," not in subject and bool(_content_stems(subject))


# What one source lends a side (a denial read from a parsed attribution).
DENIAL_SUPPORT = 0.6
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "yesterday", "tonight"}


def _stem(word: str) -> str:
    """A rough stem for comparing word forms ("entered", "enters", "entering": "enter";
    "fired", "fire": "fir"): an inflection and a final "e" dropped, six letters kept."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ied", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix == "ied" else "")
            break
    return w.removesuffix("e")[:6]


def _content_stems(text: str) -> frozenset[str]:
    stops = stop_words()
    return frozenset(
        _stem(w)
        for w in _TOKENS.findall(text.lower())
        if len(w) >= 3 and w not in stops and w not in _TIME_WORDS
    )


# Words a telling may spread over beyond the denied content's own length ("troops entered
# the Kessel hospital" in "troops on Monday entered the Kessel hospital").
DENIAL_SLACK = 3


def _words_with_stems(text: str) -> list[tuple[str, str]]:
    return [(w, _stem(w)) for w in _TOKENS.findall(text.lower().replace("’", "'"))]


def _tells(content: str, stems: frozenset[str], sentence: str) -> bool:
    """Does the sentence tell the content: its content words in the same order, within the
    content's length and ``DENIAL_SLACK`` words, none after a "to" that the content does not
    have ("was negotiating to purchase the property" does not tell "the city purchased the
    property": a plan, not a deed)?"""
    want = _words_with_stems(content)
    order = list(dict.fromkeys(st for _, st in want if st in stems))
    before = {st: (want[i - 1][0] if i else "") for i, (_, st) in reversed(list(enumerate(want)))}
    words = _words_with_stems(sentence)
    limit = len(want) + DENIAL_SLACK
    for first in (i for i, (_, st) in enumerate(words) if order and st == order[0]):
        at, ok = first, True
        for k, st in enumerate(order):
            nxt = next((j for j in range(at, len(words)) if words[j][1] == st), None)
            if nxt is None or nxt - first >= limit:
                ok = False
                break
            if nxt > 0 and words[nxt - 1][0] == "to" and before.get(st) != "to":
                ok = False
                break
            at = nxt + (1 if k < len(order) - 1 else 0)
        if ok:
            return True
    return False


def _plain(sentence: str) -> bool:
    """Does the sentence tell something as having happened, with no negation, denial,
    condition, hypothesis, question or claim-as-claim word?"""
    words = set(_TOKENS.findall(sentence.lower().replace("’", "'")))
    return (
        "?" not in sentence
        and not (words & _NOT_PLAIN)
        and not any(w.endswith(("n't", "n’t")) for w in words)
    )


@dataclass(frozen=True, slots=True)
class _Denial:
    quote: Quote
    content: str  # what is denied, as the article words it
    stems: frozenset[str]
    label: str  # the side's claim: "denied by the army"


def _denials(facts: Sequence[ArticleFacts]) -> list[_Denial]:
    """Attributed statements that a thing did not happen: a denied content ("the army denied
    that troops entered the hospital") or a content that negates its own verb ("police
    said they did not arrest the mayor")."""
    out: list[_Denial] = []
    for f in facts:
        for q in f.quotes:
            if q.confidence < CONFIDENCE_THRESHOLD or not q.speaker:
                continue
            text = q.text.strip().rstrip(".,;:")
            if q.polarity == "denied" and q.kind in ("indirect", "direct", "partial"):
                content = _CLAIM_OPENER.sub("", text)
                label = f"denied by {q.speaker}"
            elif q.polarity == "asserted" and q.kind == "indirect" and (m := _NEGATED.match(text)):
                subj, rest = (
                    m.group("subj") or m.group("subj2"),
                    m.group("rest") or m.group("rest2"),
                )
                if not _plain(subj) or not _plain(rest) or not _named_subject(subj):
                    continue  # a second negation or a hedge, or no one named: not plain
                content = f"{subj} {rest}"
                label = f"did not happen, said {q.speaker}"
            else:
                continue
            stems = _content_stems(content)
            if (
                len(stems) >= DENIAL_MIN_WORDS
                and len(content.split()) <= DENIAL_MAX_WORDS
                and _plain(content)
            ):
                out.append(_Denial(q, content, stems, label))
    return out


def denial_conflicts(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    roots: Mapping[ArticleId, ArticleId],
    days: Mapping[ArticleId, str],
) -> list[Conflict]:
    """One outlet tells that a thing happened, another that someone denied it (or said it
    did not happen). Precision first:

    - the denial is an attributed content at or above the confidence threshold, with at
      least ``DENIAL_MIN_WORDS`` content words besides days and months;
    - the other outlet's sentence holds every one of those words (by stem) and is plain: no
      negation, denial, condition, modal, question, or claim told as a claim ("accused",
      "allegedly"), so "police were accused of arresting the mayor" is no side;
    - an article that tells both (the thing and a denial or a negation of it) reports the
      dispute and is on no side; so is one of the denier's own source;
    - the reports are at most ``TOLL_DAYS`` apart when both days are known.
    """
    denials = _denials(facts)
    if not denials:
        return []  # most stories: no sentence is split for nothing
    sentences = {
        a.id: [(s, e, a.text[s:e], _content_stems(a.text[s:e])) for s, e in sentence_spans(a.text)]
        for a in articles
    }
    said = {
        (q.cite.article, q.cite.start): q.speaker
        for f in facts
        for q in f.quotes
        if q.polarity == "asserted" and q.speaker and q.confidence >= CONFIDENCE_THRESHOLD
    }
    conflicts: list[Conflict] = []
    seen: set[tuple[ArticleId, int]] = set()
    for d in denials:
        aid = d.quote.cite.article
        key = (aid, d.quote.cite.start)
        if key in seen:
            continue
        seen.add(key)
        root = roots.get(aid, aid)
        told: list[tuple[ArticleId, int, int, str]] = []
        for b, spans in sentences.items():
            if roots.get(b, b) == root:
                continue
            if _far_apart(days, aid, b):
                continue
            near = [(s, e, t) for s, e, t, st in spans if d.stems <= st]
            if not near or not all(_plain(t) for _, _, t in near):
                continue  # not told, or told with a negation or a denial: on no side
            mine = [(s, e, t) for s, e, t in near if _tells(d.content, d.stems, t)]
            told += [(b, s, e, t) for s, e, t in mine]
        if not told:
            continue
        # the denier's own article telling the thing plainly elsewhere: no side
        own = [t for s, e, t, st in sentences.get(aid, []) if d.stems <= st]
        if any(_plain(t) for t in own):
            continue
        conflicts.append(_denial_conflict(d, told, said, roots))
    return conflicts


def _denial_conflict(
    d: _Denial, told: Sequence[tuple[ArticleId, int, int, str]],
    said: Mapping[tuple[ArticleId, int], str], roots: Mapping[ArticleId, ArticleId],
) -> Conflict:  # fmt: skip
    cites = [Cite(b, s, e) for b, s, e, _ in told]
    speakers = sorted(
        {
            who
            for (b, at), who in said.items()
            for c in cites
            if c.article == b and c.start <= at < c.end
        }
    )
    happened = f"happened, said {' and '.join(speakers)}" if speakers else "happened"
    words = d.content.split()
    shown = " ".join(words[:TOPIC_WORDS]) + ("…" if len(words) > TOPIC_WORDS else "")
    support = min(_support(DENIAL_SUPPORT, side, roots) for side in (cites, [d.quote.cite]))
    return Conflict(
        topic=f"Whether {shown}",
        sides=[ConflictSide(happened, cites), ConflictSide(d.label, [d.quote.cite])],
        confidence=round(support, 3),
        kind="denial",
    )

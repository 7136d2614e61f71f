"""Non-numeric disagreements of their own kinds: who said a quote, and whether anyone died.

- ``speaker``: the same words quoted by two outlets, each giving them to a different named
  person ("“We will rebuild every school,” Mayor Ilse Varhol said" vs "“We will rebuild
  every school,” said council chair Tomas Brenk");
- ``toll``: one outlet says no one was killed (or hurt), another gives a toll of that frame
  for the same event (``toll_conflicts``; "No one was killed in the blast" vs "the blast
  killed three workers").

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.lang.en import HONORIFICS, QUANTITY_FRAMES
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
from storyline.text import normalize_text, sentence_spans

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
    spans = list(sentence_spans(text))
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
    support = min(1 - (1 - SPEAKER_SUPPORT) ** len(r) for r in (roots_a, roots_b))
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
    # the words naming the event after it, stop words left out ("fire" in "no one was hurt
    # in the fire last night"; "gas blast" in "... in the gas blast")
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
    for s, e in sentence_spans(text):
        if s <= at < e:
            return text[s:e]
    return ""


def _toll_conflict(
    frame: str, zero: Sequence[ZeroToll], toll: Sequence[Quantity],
    roots: Mapping[ArticleId, ArticleId],
) -> Conflict:  # fmt: skip
    values = sorted({q.value for q in toll if q.value is not None})
    shown = " / ".join(f"{v:g}" for v in values[:3])
    support = min(
        1 - (1 - TOLL_SUPPORT) ** len({roots.get(c.article, c.article) for c in cites})
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

"""Actors: canonical entities with aliases, roles and affiliations (extract stage, part 1).

Input: a cleaned ``Article`` and, when available, its spaCy ``Doc``. Output: ``list[Entity]``,
one per canonical actor, each carrying every cited mention of it in the article.

Mentions come from three sources, most trusted first:

1. the gazetteer: the curated ``data/gazetteer.json`` (countries with their names,
   demonyms, capitals and seats of government as metonyms for the government, international
   organisations with their abbreviations, a few places and heads of state) and every other
   ISO 3166 country from pycountry (``lang/places.py``);
2. spaCy NER (PERSON, ORG, GPE, NORP, LOC, FAC), cleaned of determiners and possessives;
   without a ``Doc`` (the rules-only extractor) capitalised names are found by rules instead:
   titled names ("Foreign Minister Jane Roe"), "Mr/Ms X", names next to a reporting verb;
3. rules for actors NER does not see: unnamed sources ("a Velmar official involved in the
   talks", "diplomatic sources", "one Foreign Minister") and back-references to actors
   already introduced ("the official", "Mr Barrot", "Starmer", "the minister").

Ids are stable across articles ("gpe:united-states", "org:united-nations",
"per:pascal-confavreux", "anon:israeli-official"), so align can merge actors by id alone.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from storyline.lang import (
    FEMALE_FIRST_NAMES,
    HONORIFICS,
    MALE_FIRST_NAMES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PERSONAL_TITLES,
    REPORTING_FORMS,
    TIME_ZONES,
    TITLE_ABBREVIATIONS,
    TITLE_CASE_SMALL_WORDS,
    WEEKDAYS,
    alternation,
)
from storyline.lang.en import TITLE_NOUNS
from storyline.lang.frames import NUMBER_WORDS
from storyline.lang.names import (
    ACRONYM_SKIP_WORDS,
    BUSINESS_NOUNS,
    CORPORATE_SUFFIXES,
    DATE_PREPOSITIONS,
    DEMONYM_NOUN_FOLLOWERS,
    DESCRIBED_PERSON_NOUNS,
    FEMALE_HONORIFICS,
    GENERIC_ORG_HEADS,
    GENERIC_ORG_PORTFOLIOS,
    LEADER_GOVERNMENT_WORDS,
    LOCATIVE_BEFORE_PLACE,
    MALE_HONORIFICS,
    NAME_BREAK_PREPOSITIONS,
    NAME_BREAK_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NEUTRAL_HONORIFICS,
    NOT_AFFILIATION_WORDS,
    NOT_BUSINESS_NOUNS,
    NOT_NAME_WORDS,
    NOT_NOUN_PHRASE_WORDS,
    OCCUPATIONS,
    ORG_HEADS,
    ORG_NOUNS,
    PLATFORM_NAMES,
    ROLE_HEADS,
    SOURCE_DESCRIPTORS,
    TITLE_ARTICLES,
    TITLE_WORDS,
    UNNAMED_POST_BREAK_WORDS,
    VESSEL_PREFIXES,
)
from storyline.lang.places import (
    LOCATIVE_PREPOSITIONS,
    PLACE_CONTEXT_NOUNS,
    REGION_MODIFIERS,
    VISIT_WORDS,
    iso_countries,
)
from storyline.models import Article, Cite, Entity
from storyline.stages.prepare.extract.context import ArticleContext
from storyline.text import slugify, strip_accents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "Gazetteer",
    "entity_at",
    "entity_number",
    "extract_entities",
    "load_gazetteer",
]


# Honorifics stripped from person names before they are compared.
_HONORIFICS = re.compile(rf"^(?:(?:{alternation(HONORIFICS)})\.?\s+)+")
_WEEKDAYS_MONTHS = frozenset(w.capitalize() for w in (*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS))
# Organisations that exist in every country: named without one, they get no stable id of
# their own beyond the text ("Foreign Ministry"), and a preceding demonym is folded in.
_GENERIC_ORG = re.compile(
    rf"^(?:(?:{'|'.join(GENERIC_ORG_PORTFOLIOS)})\s+)?(?:{'|'.join(GENERIC_ORG_HEADS)})\b"
)
_WORD = re.compile(r"[^\W_][\w’'.-]*")


# -- gazetteer ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One curated actor."""

    id: str
    name: str
    type: str  # GPE | ORG | LOC | PERSON
    adjective: str | None = None
    affiliation: str | None = None
    capital: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The curated actors and a compiled matcher over all their surface forms.

    ``surfaces`` maps a surface form to ``(entity id, kind)`` where kind is one of
    ``name`` (a name or abbreviation), ``demonym``, ``capital`` (a capital city, which
    names the government unless used as a place), ``metonym`` (a seat or label of the
    government: "the White House", "the Trump administration") or ``person``.
    """

    entries: Mapping[str, GazEntry]
    surfaces: Mapping[str, tuple[str, str]]
    pattern: re.Pattern[str]
    surnames: Mapping[str, str]

    def lookup(self, surface: str) -> tuple[str, str] | None:
        """``(entity id, kind)`` of a surface form, ignoring a leading "the"."""
        s = re.sub(r"^[Tt]he\s+", "", surface.strip())
        return self.surfaces.get(s)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load ``data/gazetteer.json`` once per process and compile its matcher."""
    raw = json.loads(
        resources.files("storyline").joinpath("data/gazetteer.json").read_text("utf-8")
    )
    entries: dict[str, GazEntry] = {}
    surfaces: dict[str, tuple[str, str]] = {}
    surnames: dict[str, str] = {}

    def add(surface: str, eid: str, kind: str) -> None:
        surfaces.setdefault(surface, (eid, kind))

    for c in raw["countries"]:
        entries[c["id"]] = GazEntry(
            c["id"], c["name"], "GPE", adjective=c.get("adjective"), capital=c.get("capital")
        )
        for a in [c["name"], *c["aliases"]]:
            add(a, c["id"], "name")
        for d in c.get("demonyms", []):
            add(d, c["id"], "demonym")
        if c.get("capital"):
            add(c["capital"], c["id"], "capital")
        for m in c.get("metonyms", []):
            add(m, c["id"], "metonym")
    for o in raw["organizations"]:
        entries[o["id"]] = GazEntry(
            o["id"], o["name"], o.get("type", "ORG"), adjective=o.get("adjective"),
            affiliation=o.get("affiliation"),
        )  # fmt: skip
        for a in [o["name"], *o["aliases"]]:
            add(a, o["id"], "name")
        for m in o.get("metonyms", []):
            add(m, o["id"], "metonym")
    for p in raw.get("places", []):
        entries[p["id"]] = GazEntry(p["id"], p["name"], "LOC")
        for a in [p["name"], *p["aliases"]]:
            add(a, p["id"], "name")
    for p in raw.get("people", []):
        entries[p["id"]] = GazEntry(p["id"], p["name"], "PERSON", affiliation=p.get("affiliation"))
        for a in [p["name"], *p["aliases"]]:
            add(a, p["id"], "person")
        surname = p["name"].split()[-1]
        surnames[_fold(surname)] = p["id"]
        for a in p["aliases"]:
            if " " not in a:
                surnames[_fold(a)] = p["id"]
        # "the Netanyahu government" names the government the leader heads
        aff = p.get("affiliation") or ""
        if aff.startswith("gpe:"):
            for word in LEADER_GOVERNMENT_WORDS:
                add(f"{surname} {word}", aff, "metonym")
    _add_iso_countries(entries, surfaces)
    pattern = re.compile(
        rf"(?<![\w])(?:(?P<det>[Tt]he)\s+)?(?P<name>{_grouped_alternation(surfaces)})(?![\w])"
    )
    return Gazetteer(entries, surfaces, pattern, surnames)


def _grouped_alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, grouped by first character, longest first in a group.

    Python's ``re`` tries the alternatives of a flat alternation one by one at every
    position; with a thousand names that was most of this stage's time. Grouped by first
    character, a position only tries the names that start with its character.
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(w[0], []).append(w)
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in ws) + ")"
        for first, ws in sorted(groups.items())
    )


def _add_iso_countries(entries: dict[str, GazEntry], surfaces: dict[str, tuple[str, str]]) -> None:
    """Add the ISO 3166 countries (``lang.places``) to the curated ones.

    A country the curated list already has (any of its ISO names is a curated surface)
    keeps its curated id and entry (so ``gpe:france`` stays as stored reports have it) and
    gains the ISO names it lacks ("Russian Federation", "Türkiye"). The others become
    ``gpe:<slug of the short name>`` with their ISO names and the curated demonyms.
    """
    for c in iso_countries():
        known = next((surfaces[n] for n in c.names if n in surfaces), None)
        if known is not None:
            if entries.get(known[0]) is None or entries[known[0]].type != "GPE":
                continue  # a curated place or organisation of that name: leave it alone
            eid = known[0]
        else:
            eid = f"gpe:{slugify(c.name)}"
            adjective = slugify(c.demonyms[0]) if c.demonyms else slugify(c.name)
            entries[eid] = GazEntry(eid, c.name, "GPE", adjective=adjective)
        for n in c.names:
            surfaces.setdefault(n, (eid, "name"))
        if known is None:
            for d in c.demonyms:
                surfaces.setdefault(d, (eid, "demonym"))


# -- helpers ---------------------------------------------------------------------------------


def _fold(s: str) -> str:
    """Case- and accent-insensitive key of a name."""
    return strip_accents(s).casefold().replace("’", "'")


@dataclass(slots=True)
class _Mention:
    """A mention candidate before entities are assembled."""

    start: int
    end: int
    eid: str
    name: str
    type: str
    source: str  # gaz | ner | rule | anon | ref
    role: str | None = None
    affiliation: str | None = None
    kind: str = "name"


@dataclass(slots=True)
class _State:
    """Everything known about one article while its entities are being found."""

    article: Article
    text: str
    gaz: Gazetteer
    mentions: list[_Mention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # surfaces of named organisations and places found by NER (filled before unnamed sources)
    ner_names: set[str] = field(default_factory=set)

    def overlaps(self, start: int, end: int, sources: Iterable[str] | None = None) -> bool:
        allowed = set(sources) if sources is not None else None
        return any(
            m.start < end and start < m.end and (allowed is None or m.source in allowed)
            for m in self.mentions
        )

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sentences, (pos, len(self.text) + 1)) - 1
        if k >= 0 and self.sentences[k][0] <= pos < self.sentences[k][1]:
            return self.sentences[k]
        return 0, len(self.text)


_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w’'.-]+)\W*$", text[max(0, pos - 40) : pos])
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w’'-]+)", text[pos : pos + 40])
    return m.group(1) if m else ""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim determiners, brackets, possessives and punctuation off a span's edges."""
    s = text[start:end]
    m = re.match(r"(?:[Tt]he|[Aa]n?)\s+|[\s(\[\"“”'‘]+", s)
    while m and m.end() < len(s):
        start += m.end()
        s = s[m.end() :]
        m = re.match(r"(?:[Tt]he|[Aa]n?)\s+|[\s(\[\"“”'‘]+", s)
    m2 = re.search(r"(?:[’']s?|[\s)\]\"“”,;:]+)$", s)
    while m2 and m2.start() > 0:
        end -= len(s) - m2.start()
        s = s[: m2.start()]
        m2 = re.search(r"(?:[’']s?|[\s)\]\"“”,;:]+)$", s)
    # a bracket the span does not close is no part of the name: "Ivo Kell (IKA" is "Ivo
    # Kell", "IKA) Ivo Kell" is "Ivo Kell" (NER reads over the bracket of an acronym)
    opened = re.search(r"[^\S\n]*[(\[][^)\]]*$", s)
    if opened and opened.start() > 0:
        end -= len(s) - opened.start()
        s = s[: opened.start()]
    closed = re.match(r"[^(\[]*[)\]][^\S\n]*", s)
    if closed and closed.end() < len(s):
        start += closed.end()
        s = s[closed.end() :]
    # a dateline before a dash opens no name ("KELL - Ada Roe" is Ada Roe)
    dateline = re.match(r"[A-Z][A-Z.,]+(?:[^\S\n][A-Z][A-Z.,]+)*[^\S\n]+[-–—]+[^\S\n]+", s)
    if dateline and dateline.end() < len(s):
        start += dateline.end()
        s = s[dateline.end() :]
    # a trailing period belongs to the name only in abbreviations ("U.S.", "Jr.")
    if s.endswith(".") and not re.search(r"(?:\b\w\.){2,}$|\b(?:Jr|Sr|Inc|Co|Ltd)\.$", s):
        end -= 1
    return start, end


# -- gazetteer mentions ---------------------------------------------------------------------


def _gazetteer_mentions(st: _State, doc: Doc | None) -> None:
    text, gaz = st.text, st.gaz
    matches = list(gaz.pattern.finditer(text))
    # A demonym right after a first name is a surname ("Mark Cuban", "Ann English"); the
    # same word alone later in the article is that person again ("Cuban said"), not the
    # country: such a demonym names no country anywhere in the article.
    surnames = {
        m.group("name")
        for m in matches
        if gaz.surfaces[m.group("name")][1] == "demonym"
        and _word_before(text, m.start("name")).lower() in _FIRST_NAMES
        and _word_before(text, m.start("name"))[:1].isupper()
    }
    for m in matches:
        surface = m.group("name")
        eid, kind = gaz.surfaces[surface]
        if kind == "demonym" and surface in surnames:
            continue
        if kind == "demonym" and _REGION_BEFORE.search(
            text, max(0, m.start() - 12), m.start("name")
        ):
            continue  # "Central Americans", "Latin American voters": not the country's people
        start = m.start("name")
        end = m.end("name")
        nxt = _word_after(text, end)
        if kind in ("capital", "metonym") and nxt[:1].isupper() and gaz.lookup(nxt) is None:
            continue  # "Washington Post", "Paris Saint-Germain": part of a longer name
        if kind == "person" and _fold(nxt).rstrip(".") in NAME_SUFFIXES:
            continue  # "Donald Trump Jr." is another person than "Donald Trump"
        if (
            kind == "person"
            and " " not in surface
            and _other_first_name(
                text, start, {_fold(n.split()[0]) for n in [gaz.entries[eid].name] if " " in n}
            )
        ):
            continue  # "Ivanka Trump": a bare surname alias after another first name
        if kind == "capital" and _used_as_place(text, m.start(), end, doc):
            entry = gaz.entries[eid]
            city = entry.capital or surface
            st.mentions.append(
                _Mention(start, end, f"gpe:{slugify(city)}", city, "GPE", "gaz", kind="place")
            )
            continue
        if m.group("det") and _keep_determiner(text, end, kind):
            start = m.start()
        entry = gaz.entries[eid]
        st.mentions.append(
            _Mention(start, end, eid, entry.name, entry.type, "gaz",
                     affiliation=entry.affiliation, kind=kind)
        )  # fmt: skip


# A region word right before a demonym ("Central Americans", ``REGION_MODIFIERS``).
_REGION_BEFORE = re.compile(rf"\b(?:{alternation(REGION_MODIFIERS)})[\s-]+$")


def _keep_determiner(text: str, end: int, kind: str) -> bool:
    """Whether "the" before a gazetteer match belongs to the mention.

    "the United States", "the UK", "the White House" keep it; in "the Israeli official" the
    article belongs to "official", so a demonym keeps it only when used as a noun
    ("the British and the French said").
    """
    if kind == "person":
        return False  # "the Roe campaign": the article is the campaign's, never a name's
    if kind != "demonym":
        return True
    nxt = _word_after(text, end)
    return not nxt or nxt in DEMONYM_NOUN_FOLLOWERS


def _used_as_place(text: str, start: int, end: int, doc: Doc | None) -> bool:
    """A capital names the city (not the government) after "in/at/to…" or as a modifier."""
    prev = _word_before(text, start).lower()
    if prev in LOCATIVE_PREPOSITIONS or prev in VISIT_WORDS:
        return True
    if prev == "the" and _word_before(text, start - 4).lower() in LOCATIVE_PREPOSITIONS:
        return True
    nxt = _word_after(text, end)
    if nxt.lower() in PLACE_CONTEXT_NOUNS:
        return True
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if (
            span is not None
            and span.root.dep_ in ("compound", "pobj")
            and span.root.head.pos_ == "ADP"
        ):
            return span.root.head.lower_ in LOCATIVE_PREPOSITIONS
    return False


# -- NER and rule mentions -------------------------------------------------------------------

_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "LOC",
    "FAC": "LOC",
}
_PREFIX = {
    "PERSON": "per",
    "ORG": "org",
    "GPE": "gpe",
    "NORP": "norp",
    "LOC": "loc",
    "UNNAMED": "anon",
}


def _ner_mentions(st: _State, doc: Doc) -> list[tuple[int, int, str]]:
    """Cleaned ``(start, end, type)`` of the NER entities the gazetteer does not cover."""
    text = st.text
    out: list[tuple[int, int, str]] = []
    completed: list[tuple[int, int]] = []
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _strip_span(text, ent.start_char, ent.end_char)
        if any(a <= start and end <= b for a, b in completed):
            continue  # the object an "of" before it was extended to ("… of the Republic of")
        if label != "PERSON":
            start, end, grown = _complete_name(text, start, end, doc)
            if grown:
                completed.append((start, end))
        if end <= start or "\n" in text[start:end] or ", " in text[start:end]:
            continue
        if label == "PERSON":
            start, end = _trim_name_edges(text, start, end)
            start, end = _person_span(text, start, end, doc)
            if end <= start or _opening_participle(doc, start, end):
                continue
            start, end = (
                _extend_name_left(st, start, doc),
                _extend_name_right(st, end, doc, " " in text[start:end].strip()),
            )
            start, end = _trim_name_edges(text, start, end)
            start, end = _person_span(text, start, end, doc)
            if _in_headline_run(text, start, end):
                end = _cut_at_verb(text, start, end, doc)
                subject = _headline_subject(st, start, doc)
                if subject is not None:
                    out.append((*subject, "PERSON"))
        elif _in_headline_run(text, start, end) and any(
            _fold(w) in NAME_BREAK_WORDS for w in text[start:end].split()[1:]
        ):
            continue  # "Jane Roe Slams Harbour Board" read as one organisation: no name
        surface = text[start:end]
        if not surface[:1].isupper() or _not_an_actor(surface):
            continue
        if label == "PERSON" and _person_noun(doc, start, end):
            continue  # "Filmmaker and author Ada Roe": the noun NER took for a name
        if label == "PERSON" and _plural_proper_noun(doc, start, end):
            label = "NORP"  # "Africans were targeted": a people, not a person
        if label != "PERSON":
            owned = _owned_person(text, start, end)
            if owned is not None:  # "Kestria TV’s Ada Roe" typed ORG: a person
                start, label = owned, "PERSON"
                surface = text[start:end]
        if label != "PERSON" and _person_by_role(text, start, end, label):
            label = "PERSON"  # "His daughter, Yelena,", "Harborline CEO Mara Ilves"
        elif label in ("NORP", "GPE", "LOC"):
            given = _given_name_before(st, start, end, doc)
            if given is not None:  # "Rosa Armenyan, a spokeswoman," typed NORP: a person
                start, label = given, "PERSON"
                surface = text[start:end]
        if label != "PERSON" and _person_by_name(st, start, end):
            label = "PERSON"  # "Carly Roe" typed ORG, and "Roe said" in the text
        if label == "PERSON" and (_corporate(surface) or _vessel(surface) or _titled(surface)):
            label = "ORG"  # "Brightwell Inc.", "INS Mysore", "Der Kurier": no person
        if label == "ORG" and re.search(
            r"\b(?:Secretary|Minister)\s+(?:of|for)\s+(?:the\s+)?$",
            text[max(0, start - 25) : start],
        ):
            continue  # "State" in "Secretary of State" is part of a title
        for m in st.mentions:
            # "the Middle East" inside "the Middle East Institute": the article is the ORG's
            if (
                m.source == "gaz"
                and m.start < start < m.end < end
                and re.fullmatch(r"[Tt]he\s+", text[m.start : start])
            ):
                m.start = start
        gaz_inside = [
            m for m in st.mentions if m.source == "gaz" and start <= m.start and m.end <= end
        ]
        covered = sum(m.end - m.start for m in gaz_inside)
        rest = re.sub(r"\W|[Tt]he\b", "", surface)
        if gaz_inside and covered >= len(rest) - 2:
            continue  # the gazetteer already names it (and knows better: "Azerbaijan" is no PERSON)
        if any(
            m.source == "gaz"
            and m.start < end
            and start < m.end
            and not (start <= m.start and m.end <= end)
            for m in st.mentions
        ):
            continue  # straddles a gazetteer name: NER boundary error
        out.append((start, end, label))
    return out


def _complete_name(text: str, start: int, end: int, doc: Doc) -> tuple[int, int, bool]:
    """A name never ends in a preposition, determiner or conjunction: NER's "Ministry of
    Foreign Affairs of" is extended to the object the parse gives its "of" when that is a
    proper name ("… of the Republic of Vesta"), else the small word is cut ("Bank of" ->
    "Bank"). Returns the span and whether it grew."""
    grown = False
    for _ in range(4):
        last = re.search(r"([\w&]+)\s*$", text[start:end])
        if last is None or last.group(1).lower() not in TITLE_CASE_SMALL_WORDS:
            break
        word_at = start + last.start(1)
        tok = _one_token(doc, word_at, start + last.end(1))
        obj = None
        if tok is not None and tok.dep_ == "prep":
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if tok is not None and obj is not None and obj.pos_ == "PROPN" and obj.idx >= end:
            right = obj.right_edge
            # only the object's own name: no clause, no comma, no line break
            stop = right.idx + len(right.text)
            inside = obj.doc[tok.i + 1 : right.i + 1]
            if (
                all(
                    t.pos_ in ("PROPN", "DET", "ADP", "CCONJ", "NOUN", "ADJ") and t.text != ","
                    for t in inside
                )
                and "\n" not in text[end:stop]
            ):
                end, grown = stop, True
                continue
        end = word_at
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end, grown


# A person noun in apposition right before a one-word name ("his daughter, Yelena,"), and a
# role word glued before a given name and surname ("Harborline CEO Mara Ilves").
_PERSON_NOUN_BEFORE = re.compile(
    rf"\b(?:{alternation(sorted(set(OCCUPATIONS) | set(ROLE_HEADS)))})s?,\s+\Z", re.IGNORECASE
)
_ROLE_BEFORE = re.compile(rf"\b(?:{alternation(sorted(ROLE_HEADS))})\s+\Z", re.IGNORECASE)
# "who gave only her first name, Noor,", "identified by his given name Amir": a name.
_NAME_NOUN_BEFORE = re.compile(r"\b(?:first|given|last|full)\s+names?,?\s+(?:as\s+)?\Z", re.I)


def _person_by_name(st: _State, start: int, end: int) -> bool:
    """Whether a name NER typed as an organisation, place or group is a person's by its
    shape and the text's use of it (issue 17: "Carly Roe" typed ORG, then every "Roe" an
    organisation no "she" could find).

    Two or three words in title case, the first a listed given name that is no gazetteer
    name ("Georgia", "Jordan"), none an organisation's head, a company suffix or a place
    noun ("Kelly Institute", "Dana Street"); and the text makes it a person: the name or
    its last word is the subject of a reporting verb ("Roe said", "Carly Roe told") or
    follows a personal title ("Ms. Roe", "Sen. Roe").
    """
    text = st.text
    words = text[start:end].split()
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-zà-ÿ’'-]+", w) for w in words):
        return False
    if _fold(words[0]) not in _FIRST_NAMES or st.gaz.lookup(words[0]) is not None:
        return False
    if any(
        w in ORG_HEADS
        or _fold(w) in CORPORATE_SUFFIXES
        or w.lower() in PLACE_CONTEXT_NOUNS
        or _fold(w) in NAME_BREAK_WORDS
        for w in words[1:]
    ):
        return False
    names = "|".join(re.escape(x) for x in (text[start:end], words[-1]))
    return (
        re.search(rf"\b(?:{names}),?\s+(?:{_VERBS_RE})\b", text) is not None
        or re.search(rf"\b(?:{_ANY_TITLE})\.?\s+(?:{names})\b", text) is not None
    )


def _owned_person(text: str, start: int, end: int) -> int | None:
    """Where the person starts in a span NER typed as no person that ends with an owner's
    possessive and a listed given name with a surname ("Kestria TV’s Ada Roe", "Vesta’s Ada
    Roe"): the owner is an outlet or a place, the name a person's."""
    m = re.search(r"[’']s\s+([A-Z][a-zà-ÿ]+)(?:\s+[A-Z][\w’'.-]*){1,2}$", text[start:end])
    if m is None or _fold(m.group(1)) not in _FIRST_NAMES:
        return None
    return start + m.start(1)


def _person_by_role(text: str, start: int, end: int, label: str) -> bool:
    """Whether a name NER typed as a place, group or organisation is a person by its role.

    One capitalised word, closed by a comma, in apposition to a person noun ("her son,
    Tavish, said": not a place), a name after "first name" ("gave only her first name,
    Noor,": whatever NER typed), or a known given name and a surname right after a role
    word ("the bank's CEO Mara Ilves": not an organisation). A gazetteer place is never
    retyped (the caller drops NER spans the gazetteer covers).
    """
    words = text[start:end].split()
    before = text[max(0, start - 40) : start]
    if len(words) <= 2 and _NAME_NOUN_BEFORE.search(before):
        return all(w[:1].isupper() and w[1:].islower() for w in words)
    if len(words) == 1 and label != "ORG" and re.match(r"\s*,", text[end : end + 2]):
        return _PERSON_NOUN_BEFORE.search(before) is not None and words[0][1:].islower()
    if label == "ORG" and 2 <= len(words) <= 3 and _fold(words[0]) in _FIRST_NAMES:
        return _ROLE_BEFORE.search(before) is not None and all(w[:1].isupper() for w in words)
    return False


# A role or occupation in apposition right after a name ("…, a Velmar spokeswoman,").
_ROLE_APPOS_AFTER = re.compile(
    rf",\s+(?:a|an|the|its|his|her|their|[A-Z]\w+[’']s)\s+[^,.;]{{0,60}}?"
    rf"\b(?:{alternation(sorted(set(OCCUPATIONS) | set(ROLE_HEADS)))})\b"
)


def _given_name_before(st: _State, start: int, end: int, doc: Doc | None) -> int | None:
    """Where a person's name starts when NER typed only its surname as a group or place.

    A one-word surname-shaped span ("Armenyan" typed NORP) right after a capitalised word
    that no list holds (a rare given name: the given-name lists cannot hold them all) and
    before a role in apposition ("Rosa Armenyan, a Velmar spokeswoman,"). The word before
    must be able to open a name (no title, month, place or verb: ``_extend_name_left``).
    Issue 17: such speakers were given as their role ("Velmar spokeswoman").
    """
    text = st.text
    surface = text[start:end]
    if " " in surface or not surface[1:].islower() or not _ROLE_APPOS_AFTER.match(text, end):
        return None
    opened = _extend_name_left(st, start, doc)
    if opened >= start or " " in text[opened:start].strip():
        return None  # no single word opens the name ("the Armenyan family")
    return opened


def _not_an_actor(surface: str) -> bool:
    """Platforms, time zones and bare company suffixes: never a person or organisation."""
    words = [_fold(w).rstrip(".") for w in surface.split()]
    return surface in PLATFORM_NAMES or all(
        w in TIME_ZONES or w in CORPORATE_SUFFIXES for w in words
    )


def _vessel(surface: str) -> bool:
    """Whether a name is a ship's: a vessel prefix, then a name ("INS Mysore", "M.V. Gibe")."""
    words = surface.split()
    return len(words) > 1 and words[0].replace(".", "") in VESSEL_PREFIXES


def _titled(surface: str) -> bool:
    """Whether a name opens with a title's article ("Der Kurier", "Die Woche"): no person."""
    words = surface.split()
    return len(words) > 1 and words[0] in TITLE_ARTICLES


def _corporate(surface: str) -> bool:
    """Whether a name ends with a company's legal form ("Brightwell Inc.", "Roe & Co")."""
    words = surface.split()
    return len(words) > 1 and _fold(words[-1]).rstrip(".,") in CORPORATE_SUFFIXES


def _extend_name_left(st: _State, start: int, doc: Doc | None = None) -> int:
    """Take in given names NER left out ("Mayor Elif Roe" tagged as just "Roe").

    Any space but a line break joins the words (a no-break space too). A verb form, gerund
    or participle never opens a name ("Using Jane Roe as a foil"): NER left it out, and the
    parse or ``NAME_BREAK_WORDS`` says it is a verb; nor does a word the parse reads as a
    common noun ("Singer Jane Roe").
    """
    while True:
        m = re.search(r"([A-Z][a-zà-ÿ’'-]+)[^\S\n]$", st.text[max(0, start - 30) : start])
        if not m:
            return start
        word = m.group(1)
        pos = start - 1 - len(word)
        if (
            word.lower() in TITLE_WORDS
            or word.lower() in OCCUPATIONS
            or word in NOT_NAME_WORDS
            or word in _WEEKDAYS_MONTHS
            or st.gaz.lookup(word) is not None
            or _breaks_name(word, doc, pos)
            or _common_noun(word, doc, pos)
        ):
            return start
        start = pos


def _headline_subject(st: _State, start: int, doc: Doc | None) -> tuple[int, int] | None:
    """The name before the verb that stopped a name's left extension in a headline run:
    "Jane Roe Endorses Ivo Penn" names Jane Roe as well as Ivo Penn (NER often tags only
    one of the two). Two or three capitalised words right before the verb, the first a
    listed given name, none a title, month or gazetteer name."""
    m = re.search(
        r"(?:^|[^\w’'-])((?:[A-Z][a-zà-ÿ’'-]+[^\S\n]){2,3})([A-Z][a-zà-ÿ]+)[^\S\n]$",
        st.text[max(0, start - 60) : start],
    )
    if m is None:
        return None
    base = max(0, start - 60)
    if not _breaks_name(m.group(2), doc, base + m.start(2)):
        return None
    words = m.group(1).split()
    if words[0].lower() not in _FIRST_NAMES or any(
        w.lower() in TITLE_WORDS
        or w in NOT_NAME_WORDS
        or w in _WEEKDAYS_MONTHS
        or st.gaz.lookup(w) is not None
        or _fold(w) in NAME_BREAK_WORDS  # (the parse tags headline names loosely)
        for w in words
    ):
        return None
    a = base + m.start(1)
    return a, a + len(m.group(1).rstrip())


def _extend_name_right(st: _State, end: int, doc: Doc | None = None, full: bool = False) -> int:
    """Take in surnames NER left out ("Mayor Tomas Roe" tagged as just "Tomas"; "Stu Roe"
    with a no-break space between, which NER cuts at). In a headline run a verb form ends
    the name (by the parse when there is one), and a name NER gave in ``full`` (two words or
    more) takes in nothing: the parse tags a headline's verbs as names ("Jane Roe Joins
    Growing List")."""
    if full and _in_headline_run(st.text, end, end + 1):
        return end
    while True:
        m = re.match(
            r"[^\S\n]([A-Z](?:[’'][A-Z])?[a-zà-ÿ’'-]*[a-zà-ÿ])(?![\w’'-])", st.text[end : end + 30]
        )
        if not m:
            return end
        word = m.group(1)
        if (
            word.lower() in TITLE_WORDS
            or word in NOT_NAME_WORDS
            or word in _WEEKDAYS_MONTHS
            or word in ORG_HEADS
            or st.gaz.lookup(word) is not None
            or (_breaks_name(word, doc, end + 1) and _in_headline_run(st.text, end, end + 1))
            or _other_entity(doc, end + 1, word)
        ):
            return end
        end += len(word) + 1


def _trim_name_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A person span NER read over headline words: a name never starts with a verb form
    ("Wants Jane Roe ...", ``NAME_BREAK_WORDS``) or a small title-case word that is no name
    particle ("To Jane Roe", not "De Roe"), never runs over a listed verb form ("Jane Roe
    Wants To ...": in a heading glued to a timestamp too, which no headline run covers),
    nor ends with a small title-case word ("... Roe To")."""
    words = [(start + w.start(), start + w.end()) for w in re.finditer(r"\S+", text[start:end])]
    while words and (
        _fold(text[slice(*words[0])]) in NAME_BREAK_WORDS
        or (
            len(words) > 2
            and text[slice(*words[0])].lower() in TITLE_CASE_SMALL_WORDS
            and text[slice(*words[0])].lower() not in NAME_PARTICLES
        )
    ):
        words = words[1:]
    inner = [i for i in range(1, len(words) - 2) if text[slice(*words[i])] in _PREPOSITIONS]
    if inner:  # "Sorry To Jane Roe": the name after the preposition
        words = words[inner[-1] + 1 :]
    cut = next(
        (i for i in range(1, len(words)) if _fold(text[slice(*words[i])]) in NAME_BREAK_WORDS),
        len(words),
    )
    words = words[:cut]
    while len(words) > 1 and text[slice(*words[-1])].lower() in TITLE_CASE_SMALL_WORDS:
        words = words[:-1]
    return (words[0][0], words[-1][1]) if words else (start, start)


# title-case prepositions inside a person span: the name is what follows the last one
_PREPOSITIONS = frozenset(w.capitalize() for w in NAME_BREAK_PREPOSITIONS)

# words the parse reads as these never open a person's name ("Because Jane Roe got …",
# "Certainly Jane Roe has …": NER took the sentence's first word along)
_NOT_NAME_POS = frozenset({"SCONJ", "CCONJ", "ADV", "ADP", "DET", "PART", "INTJ"})


# Role words a person span may open with (folded): role heads and title nouns, not the
# personal forms of address ("Mr Ada Roe", "Dr Ada Roe" keep theirs, as before).
_GLUED_ROLE_WORDS = (ROLE_HEADS | frozenset(TITLE_NOUNS)) - {_fold(t) for t in PERSONAL_TITLES}


def _person_span(text: str, start: int, end: int, doc: Doc | None) -> tuple[int, int]:
    """A person span cut to the name NER read it around: the part before a spaced dash
    ("Ada Roe - Penn's partner -" is Ada Roe), after a possessive ("Kestria's Ada Roe",
    "CNN's Ada Roe"), and without an opening word the parse reads as a conjunction, adverb
    or the like ("Because Ada Roe", "Certainly Ada Roe"; not a listed given name)."""
    dash = re.search(r"\s[-–—]+\s", text[start:end])
    if dash:
        end = start + dash.start()
    # (and a plural owner's bare apostrophe: "The Times' Ada Roe")
    owners = list(re.finditer(r"(?:[’']s|(?<=[a-z]s)[’'])\s+(?=[A-Z])", text[start:end]))
    if owners:
        start += owners[-1].end()
    # a role word glued before a given name and surname is the role, not the name
    # ("Sheriff Ada Roe", "Attorney General Ada Roe"); "Judge Roe" keeps its one name
    while m := re.match(r"([A-Z][a-z]+)\.?\s+(?=[A-Z][\w’'-]*\s+[A-Z])", text[start:end]):
        word = _fold(m.group(1))
        if word not in _GLUED_ROLE_WORDS or word in _FIRST_NAMES:
            break
        start += m.end()
    m = re.match(r"([A-Z][a-z]+)\s+(?=[A-Z])", text[start:end])
    if m and doc is not None and _fold(m.group(1)) not in _FIRST_NAMES:
        tok = _one_token(doc, start, start + len(m.group(1)))
        if tok is not None and (
            tok.pos_ in _NOT_NAME_POS or (tok.tag_ == "VBG" and tok.lower_.endswith("ing"))
        ):
            start += m.end()  # (and a gerund: "Telling Ada Roe To Sit Down")
    return start, end


def _common_noun(word: str, doc: Doc | None, pos: int) -> bool:
    """Whether the parse reads a capitalised word NER left out of a name as a common noun
    ("Singer Jane Roe", "Comedian Jane Roe" at a sentence start: an occupation, not a
    given name)."""
    if doc is None:
        return False
    span = doc.char_span(pos, pos + len(word), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ == "NOUN"


def _other_entity(doc: Doc | None, pos: int, word: str) -> bool:
    """Whether NER puts the word at ``pos`` in an entity of another kind than a person
    ("Jane Roe Rallies Iowa": Iowa is a place, not her surname)."""
    if doc is None:
        return False
    span = doc.char_span(pos, pos + len(word), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].ent_type_ not in ("", "PERSON")


def _one_token(doc: Doc, start: int, end: int) -> Token | None:
    """The token ``[start, end)`` is, when it is exactly one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) == 1 else None


def _person_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word person span is a common noun for a person, capitalised as the
    first word of its sentence and not followed by another capitalised word ("Filmmaker and
    author Ada Roe said": NER's name is the noun; "Judge Roe" still names Roe)."""
    tok = _one_token(doc, start, end)
    if tok is None or not tok.is_sent_start or tok.lower_ not in DESCRIBED_PERSON_NOUNS:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
    return _fold(tok.text) not in _FIRST_NAMES and not (nxt is not None and nxt.text[:1].isupper())


def _plural_proper_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word person span is a plural proper noun with no title before it
    ("Africans", "Bavarians": NER tags such a demonym a person; a surname in "-s" is
    tagged singular, "Adams")."""
    tok = _one_token(doc, start, end)
    if tok is None or tok.tag_ != "NNPS":
        return False
    return tok.i == 0 or doc[tok.i - 1].text.rstrip(".") not in HONORIFICS


def _opening_participle(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word person span is a participle heading its own clause ("Conceding
    that a deal would come, he warned": NER tags the capitalised "Conceding" a person;
    the parse makes it a ``VBG`` with a clause of its own, never a subject or object)."""
    tok = _one_token(doc, start, end)
    return (
        tok is not None
        and tok.tag_ in ("VBG", "VBN")
        and tok.dep_ in ("advcl", "ROOT", "xcomp", "pcomp", "csubj")
    )


def _breaks_name(word: str, doc: Doc | None, pos: int) -> bool:
    """Whether a capitalised word at ``pos`` is a verb form or pronoun, never part of a name.

    The parse's part of speech decides when spaCy ran ("Roe Defends Herself ..." in a
    title-case headline); the folded word list of ``lang.names`` otherwise (and as well:
    the small model tags title-case verbs as proper nouns).
    """
    if _fold(word).rstrip(".") in NAME_BREAK_WORDS:
        return True
    if doc is None:
        return False
    span = doc.char_span(pos, pos + len(word), alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    return tok.pos_ in ("VERB", "AUX", "PRON") or tok.tag_.startswith("VB")


def _cut_at_verb(text: str, start: int, end: int, doc: Doc | None) -> int:
    """End a person span before its first verb form or pronoun after the first word."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for prev, w in itertools.pairwise(words):
        if _breaks_name(w.group(0), doc, start + w.start()):
            return start + prev.end()
    return end


def _in_headline_run(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in a run of more than four title-case words on a line
    that reads as a headline (no sentence-final stop). There a verb form ends a name
    ("Jane Roe Defends Herself Against Claims" names Jane Roe); elsewhere the cut cost more
    names than it saved on PolNeAR train, and so did dropping such runs altogether.

    The line's runs are worked out once per line (``_title_runs``, cached), not once per
    name: a long line with thousands of names was quadratic (a 200 KB line: 90 s)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    if _in_quoted_title(line, start - line_start, end - line_start):
        return True
    if not line or (line[-1] in '.!?"”' and not title_case_line(line)):
        return False
    starts, runs = _title_runs(line)
    # the one maximal run that could hold the span: the last one starting at or before it
    i = bisect.bisect_right(starts, start - line_start) - 1
    if i < 0:
        return False
    _, run_end, n_words = runs[i]
    return end - line_start <= run_end and n_words > 4


def _in_quoted_title(line: str, start: int, end: int) -> bool:
    """Whether line offsets ``[start, end)`` lie in a quotation set in title case, a quoted
    headline or title ("an email headed “Jane Roe Joins Growing List of Critics”")."""
    opened = max(line.rfind("“", 0, start), line.rfind('"', 0, start))
    if opened < 0:
        return False
    closes = [i for i in (line.find("”", end), line.find('"', end)) if i >= 0]
    if not closes or '"' in line[opened + 1 : start] or "”" in line[opened + 1 : start]:
        return False
    return title_case_line(line[opened + 1 : min(closes)])


@functools.lru_cache(maxsize=8)
def _title_runs(line: str) -> tuple[list[int], list[tuple[int, int, int]]]:
    """The line's maximal runs of title-case words (small words such as "of" and "the" go
    along) as ``(start, end, words)`` in line offsets, and their starts (for bisection)."""
    runs: list[tuple[int, int, int]] = []
    first = last = n = 0
    for w in re.finditer(r"\S+", line):
        word = w.group(0)
        if word[:1].isupper() or word.lower() in TITLE_CASE_SMALL_WORDS:
            if n == 0:
                first = w.start()
            last, n = w.end(), n + 1
        elif n:
            runs.append((first, last, n))
            n = 0
    if n:
        runs.append((first, last, n))
    return [r[0] for r in runs], runs


@functools.lru_cache(maxsize=8)
def title_case_line(line: str) -> bool:
    """Whether a line is set in title case, a headline's or a title's: more than four words,
    each capitalised but the small ones, even when it ends with a full stop (some outlets
    print one)."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line)]
    return len(words) > 4 and all(
        w[:1].isupper() or w.lower() in TITLE_CASE_SMALL_WORDS for w in words
    )


# (an apostrophe after the first letter may open another capital: "D’Souza", "O'Hara")
_CAP = r"[A-Z](?:[’'][A-Z])?[a-zà-ÿ’'-]*[a-zà-ÿ](?:-[A-Z][a-zà-ÿ]+)?"
# a name never runs over a line break ("... Against New Charges\nJane Roe")
_NAME = rf"{_CAP}(?:[^\S\n]+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})[^\S\n]+)?{_CAP}){{0,3}}"
_VERBS_RE = alternation(REPORTING_FORMS)
_DEPT = (
    r"(?:the\s+)?(?:State|Foreign\s+Affairs|Defen[cs]e|Interior|Finance|Health|Justice|Trade|"
    r"Economy|Europe|Energy|Education|Homeland\s+Security|War|Home\s+Affairs|the\s+Treasury)"
)
# Personal honorifics: ``lang``'s HONORIFICS that are forms of address, not offices
# ("Mr", "Dame", "Sheikh", "Pope"; ``lang.names``): "Mr Roe" may name a person by one word.
_PERSONAL_HONORIFICS = [
    h for h in HONORIFICS if h.lower() in MALE_HONORIFICS | FEMALE_HONORIFICS | NEUTRAL_HONORIFICS
]
# Abbreviated titles of office before a name ("Sen.", "Gov.", "Sgt."): ``lang``'s
# TITLE_ABBREVIATIONS less the personal honorifics, the name suffixes and "St." (a saint or
# a street); the full stop is required.
_TITLE_ABBREVS = "|".join(
    rf"{t}\."
    for t in TITLE_ABBREVIATIONS
    if t not in _PERSONAL_HONORIFICS and t.lower() not in NAME_SUFFIXES and t != "St"
)
_TITLE_RE = (
    rf"(?:[Pp]resident|[Pp]rime\s+[Mm]inister|[Mm]inister(?:\s+(?:of|for)\s+{_DEPT})?|"
    rf"[Ss]ecretary(?:\s+of\s+{_DEPT}|[\s-][Gg]eneral)?|[Ss]pokes(?:person|man|woman)|[Aa]mbassador|"
    rf"[Ee]nvoy|[Cc]hancellor|[Ss]enator|{_TITLE_ABBREVS}|[Gg]overnor|[Mm]ayor|General|"
    r"[Cc]ommander|[Dd]irector|[Cc]hair(?:man|woman)?|CEO|[Jj]udge|Justice|Speaker|[Ll]eader|Premier|Admiral|Colonel|Lieutenant|Captain|"
    r"[Pp]rofessor|[Aa]nalyst|[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Cc]oordinator)"
)
# (pattern, kind): "of" names a person of an organisation, "honorific" and "title" may
# name a person by one word ("Mr Roe", "President Roe"), the rest need two or more.
_RULE_PERSON: list[tuple[re.Pattern[str], str]] = [
    (re.compile(
        rf"(?P<n>{_NAME})\s+(?:of|at|from)\s+(?:the\s+)?(?P<org>[A-Z][^,.;“”\"]{{0,60}}?)\s+(?:{_VERBS_RE})\b"
    ), "of"),
    (re.compile(
        rf"\b(?P<n>(?:{alternation(_PERSONAL_HONORIFICS)})\.?\s+{_NAME})"
    ), "honorific"),
    (re.compile(rf"\b{_TITLE_RE},?\s+(?P<n>{_NAME})"), "title"),
    (re.compile(rf"(?P<n>{_NAME}),?\s+(?:(?:also|later|then|previously|once)\s+)?(?:{_VERBS_RE})\b"), "said"),
    (re.compile(rf"\b(?:{_VERBS_RE})\s+(?P<n>{_NAME})\b"), "said"),
    (re.compile(
        rf"(?P<n>{_NAME}),\s+(?:a|an|the|its|his|her|their|[A-Z]\w+[’']s)\s+[^,.;]{{0,60}}?\b(?:{'|'.join(sorted(ROLE_HEADS | OCCUPATIONS))})\b"
    ), "appositive"),
    (re.compile(rf"(?P<n>{_NAME}),\s+who\s+"), "appositive"),
    (re.compile(rf",\s+(?P<n>{_NAME}),\s+(?:(?:also|later)\s+)?(?:{_VERBS_RE})\b"), "appositive"),
]  # fmt: skip
_RULE_ORG = re.compile(
    rf"(?:\b[Tt]he\s+)?(?P<n>(?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){{0,4}}"
    rf"(?:{'|'.join(sorted(ORG_HEADS))})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}})?)\b"
)


class _Spans:
    """Spans sorted by start, for overlap queries that read only the spans near them.

    Scanning every span taken so far for each new match made the rules quadratic in the
    number of names (a text of thousands of "… Jane Roe said." lines).
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = max((b - a for a, b in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))
        self.reach = max(self.reach, end - start)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may overlap ``[start, end)`` (every one that does, and a few more)."""
        lo = bisect.bisect_left(self.starts, start - self.reach)
        return self.spans[lo : bisect.bisect_left(self.starts, end)]

    def overlaps(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.near(start, end))


def _rule_mentions(st: _State) -> list[tuple[int, int, str]]:
    """Rules-only stand-in for NER: titled or attributed names and capitalised org names."""
    text = st.text
    out: list[tuple[int, int, str]] = []
    taken = _Spans()
    # the gazetteer's mentions do not change in here: indexed once
    gaz = _Spans((g.start, g.end) for g in st.mentions if g.source == "gaz")
    for rx, kind in _RULE_PERSON:
        for m in rx.finditer(text):
            words = [(w.start(), w.end(), w.group(0)) for w in re.finditer(r"\S+", m.group("n"))]
            base = m.start("n")
            words = [(base + a, base + b, w) for a, b, w in words]
            honorific = (
                kind == "honorific"
            )  # "Mr Roe", "Sheikh Roe": the honorific stays in the cite
            while (
                words
                and not honorific
                and (
                    words[0][2] in NOT_NAME_WORDS
                    or words[0][2] in _WEEKDAYS_MONTHS
                    or st.gaz.lookup(words[0][2]) is not None
                    or words[0][2].lower() in TITLE_WORDS
                )
            ):
                words = words[1:]
            headline = _in_headline_run(text, words[0][0], words[-1][1]) if words else False
            cut = next(
                (
                    i
                    for i in range(1, len(words))
                    if headline and _breaks_name(words[i][2], None, words[i][0])
                ),
                len(words),
            )
            words = words[:cut]  # "Jane Roe Defends ...": the name ends before the verb
            while words and (
                _date_word(text, words[-1][0], words[-1][1]) or words[-1][2] in NOT_NAME_WORDS
            ):
                words = words[:-1]
            if not words or any(w in ORG_HEADS for _, _, w in words):
                continue
            start, end = words[0][0], words[-1][1]
            if _not_an_actor(text[start:end]):
                continue
            if _corporate(text[start:end]):
                if not taken.overlaps(start, end):
                    taken.add(start, end)
                    out.append((start, end, "ORG"))  # "Brightwell Inc said"
                continue
            # a lone capitalised word next to "said" is too weak (sentence starts, places)
            if len(words) == 1 and kind not in ("honorific", "title"):
                continue
            if gaz.overlaps(start, end) or taken.overlaps(start, end):
                continue
            taken.add(start, end)
            out.append((start, end, "PERSON"))
            if kind == "of" and not st.overlaps(*m.span("org"), ("gaz",)):
                taken.add(*m.span("org"))  # "Jane Roe of Example Economics": no person there
                out.append((*m.span("org"), "ORG"))
    for m in _RULE_ORG.finditer(text):
        start, end = _strip_span(text, *m.span("n"))
        org_words = text[start:end].split()
        while org_words and (org_words[0] in NOT_NAME_WORDS or org_words[0] in _WEEKDAYS_MONTHS):
            start = text.index(org_words[1], start) if len(org_words) > 1 else end
            org_words = org_words[1:]
        if not org_words or taken.overlaps(start, end):
            continue
        near = gaz.near(start, end)
        gaz_inside = [(a, b) for a, b in near if start <= a and b <= end]
        if any(a < end and start < b and not (start <= a and b <= end) for a, b in near):
            continue
        if (
            gaz_inside
            and sum(b - a for a, b in gaz_inside) >= len(re.sub(r"\W", "", text[start:end])) - 2
        ):
            continue
        taken.add(start, end)
        out.append((start, end, "ORG"))
    return out


# -- persons: names, aliases, roles ----------------------------------------------------------


def _person_key(name: str) -> list[str]:
    """Folded name tokens without honorifics or possessive: "Mr Barrot's" -> ["barrot"]."""
    name = _HONORIFICS.sub("", name.strip())
    name = re.sub(r"[’']s?$", "", name)
    return [_fold(t) for t in name.split() if t]


def _title_before(st: _State, start: int) -> tuple[int, int] | None:
    """The role title written right before a name: "French Foreign Ministry spokesperson"."""
    text = st.text
    sent_start = st.sentence_of(start)[0]
    pos = start
    # "US Secretary of State, Marco Rubio": a comma may separate a title from the name
    m = re.search(r",\s*$", text[max(sent_start, start - 3) : start])
    if m:
        pos = start - (len(text[max(sent_start, start - 3) : start]) - m.start())
    begin = None
    has_head = False
    lead = re.compile(r"\s*").match(text, sent_start)
    first = lead.end() if lead else sent_start
    # a title is a few words long: look at most 150 characters back
    for w in reversed(list(_WORD.finditer(text, max(sent_start, pos - 150), pos))):
        if text[w.end() : pos].strip():  # punctuation between words ends the title
            break
        word = w.group(0)
        bare = re.sub(r"[’']s$", "", word)
        low = bare.lower()
        at_sentence_start = w.start() == first
        ok = (
            low in TITLE_WORDS
            or st.gaz.lookup(bare) is not None
            or (word[:1].isupper() and bare not in NOT_NAME_WORDS and not at_sentence_start)
            or (
                word[:1].isupper()
                and at_sentence_start
                and (low in TITLE_WORDS or st.gaz.lookup(bare))
            )
        )
        if not ok or bare in NOT_NAME_WORDS:
            break
        if low in ROLE_HEADS:
            has_head = True
        begin = w.start()
        pos = w.start()
    if begin is None or not has_head:
        return None
    # drop leading "of"/"for" left over from "Minister of State"
    while True:
        m2 = re.match(r"(?:of|for)\s+", text[begin:start])
        if not m2:
            break
        begin += m2.end()
    return (begin, _strip_span(text, begin, start)[1]) if begin < start else None


_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?P<role>[^,.;:“”\"()]{3,90}?)\s*(?=[,.;:]|$)")


def _appositive_after(st: _State, end: int) -> tuple[int, int] | None:
    """A role in apposition: "Jane Roe, a senior fellow with the Example Institute,"."""
    m = _APPOSITIVE.match(st.text, end)
    if not m:
        return None
    words = {w.lower() for w in re.findall(r"[\w-]+", m.group("role"))}
    if not words & (ROLE_HEADS | OCCUPATIONS):
        return None
    return m.span("role")


def _affiliation_in(st: _State, start: int, end: int) -> str | None:
    """The country or organisation named inside a role title, if any."""
    inner = [m for m in st.mentions if m.start < end and start < m.end and m.type in ("GPE", "ORG")]
    if not inner:
        return None
    # prefer a named organisation over the country it belongs to ("French Foreign Ministry")
    orgs = [m for m in inner if m.type == "ORG"]
    return (orgs[0] if orgs else inner[0]).eid


def _add_persons(st: _State, spans: list[tuple[int, int]]) -> None:
    """Group person spans into people, link short forms to full names, attach roles."""
    text, gaz = st.text, st.gaz
    # a name inside a longer one ("Trump" in "Melania Trump") is part of it: in order of
    # start (the longer first at one start), a span is inside another when an earlier one
    # reaches as far (one sweep; testing every pair was quadratic in the number of names)
    kept: list[tuple[int, int]] = []
    reach = -1
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if e > reach:
            kept.append((s, e))
            reach = e
    spans = sorted(kept)
    keyed = [(s, e, _person_key(text[s:e])) for s, e in spans]
    keyed = [(s, e, k) for s, e, k in keyed if k]
    # full names (two or more tokens), longest first so "Sheikh Mohammed" joins the full form
    fulls: dict[tuple[str, ...], str] = {}
    display: dict[str, str] = {}
    for _, _, key in sorted(keyed, key=lambda x: -len(x[2])):
        if len(key) < 2:
            continue
        tk = tuple(key)
        if tk in fulls:
            continue
        sup = [
            pid
            for other, pid in fulls.items()
            if set(tk) < set(other)
            and not {w.rstrip(".") for w in set(other) - set(tk)} & NAME_SUFFIXES
        ]
        if len(set(sup)) == 1:
            fulls[tk] = sup[0]
            continue
        hit = gaz.lookup(" ".join(tk))
        pid = None
        if hit is None:
            for s, e, k in keyed:
                if tuple(k) == tk:
                    name = _HONORIFICS.sub("", re.sub(r"[’']s?$", "", text[s:e]))
                    hit = gaz.surfaces.get(name)
                    break
        if hit and hit[1] == "person":
            pid = hit[0]
        pid = pid or f"per:{slugify(' '.join(tk))}"
        fulls[tk] = pid
    for s, e, key in keyed:
        tk = tuple(key)
        if tk in fulls:
            pid = fulls[tk]
            if pid not in display or len(text[s:e]) > len(display[pid]):
                name = _HONORIFICS.sub("", re.sub(r"[’']s?$", "", text[s:e]))
                if len(_person_key(name)) >= len(_person_key(display.get(pid, ""))):
                    display[pid] = name
    # short forms: surname or first name of exactly one full name, else the gazetteer
    genders = _surname_genders(text, keyed, fulls)
    resolved: list[tuple[int, int, str]] = []
    for s, e, key in keyed:
        tk = tuple(key)
        honorific = _honorific_of(text, s, e)
        one = _short_form_of(tk, fulls, honorific) if len(tk) == 1 else None
        gender = _honorific_gender(honorific)
        if tk in fulls:
            pid = fulls[tk]
        elif one is not None:
            pid = one
        elif len(tk) == 1 and gender is not None and len(genders.get(tk[0], ())) > 1:
            # "Mr. Roe" and "Ms. Roe" in one text are two people (a husband and wife), each
            # apart from any full name of the other gender; named by the form of address
            label = genders[tk[0]][gender]
            pid = f"per:{slugify(f'{label} {tk[0]}')}"
            surname = re.sub(r"[’']s?$", "", _HONORIFICS.sub("", text[s:e])).strip()
            display.setdefault(pid, f"{label.capitalize()}. {surname}")
        elif len(tk) == 1 and gender is None and len(genders.get(tk[0], ())) > 1:
            # a bare "Roe" when a Mr. and a Ms. Roe are both in the text, and no one full
            # name it stands for: ambiguous, so neither of them
            pid = f"per:{slugify(tk[0])}"
        elif (
            len(tk) == 1
            and _short_form_of(tk, fulls, None) is None
            and any(tk[0] in other for other in fulls)
        ):
            pid = f"per:{slugify(tk[0])}"  # shared by two people in this text: ambiguous
        elif len(tk) == 1 and tk[0] in gaz.surnames:
            pid = gaz.surnames[tk[0]]
        else:
            pid = f"per:{slugify(' '.join(tk))}"
        if pid not in display:
            entry = gaz.entries.get(pid)
            display[pid] = (
                entry.name if entry else _HONORIFICS.sub("", re.sub(r"[’']s?$", "", text[s:e]))
            )
        resolved.append((s, e, pid))
    # later bare surnames NER or the rules missed ("Starmer told Parliament")
    taken = sorted([(s, e) for s, e, _ in resolved] + [(m.start, m.end) for m in st.mentions])
    taken_starts = [s for s, _ in taken]
    reach = 0  # longest span, so a bisect window finds every span covering a position
    for s, e in taken:
        reach = max(reach, e - s)

    def covered(a: int, b: int) -> bool:
        lo = bisect.bisect_left(taken_starts, a - reach)
        hi = bisect.bisect_left(taken_starts, b)
        return any(taken[k][1] > a for k in range(lo, hi))

    others: set[int] = set()
    for pid in sorted(set(fulls.values())):
        words = [
            w for w in display.get(pid, "").split() if _fold(w).rstrip(".") not in NAME_SUFFIXES
        ]
        last = words[-1] if words else None
        if not last or len(last) < 3:
            continue
        own = {k[0] for k, p in fulls.items() if p == pid and len(k) > 1}
        for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?:[’']s)?(?![\w-])", text):
            if _date_word(text, m.start(), m.start() + len(last)):
                continue  # "May 12" is no mention of Theresa May
            if covered(m.start(), m.start() + len(last)):
                continue
            other = _other_first_name(text, m.start(), own)
            if other is not None:
                # "Ivanka Trump" where NER saw only "Trump": another person of that surname
                # (the one of that full name, or a new one), never Donald Trump ("she" must
                # find her, not him)
                if m.start() not in others:
                    others.add(m.start())
                    start = m.start() - len(other) - 1
                    pair = (other.lower(), _fold(last))
                    opid = fulls.get(pair) or f"per:{slugify(' '.join(pair))}"
                    display.setdefault(opid, f"{other} {last}")
                    resolved.append((start, m.start() + len(last), opid))
                continue
            honorific = _honorific_of(text, m.start(), m.start() + len(last))
            if _short_form_of((_fold(last),), fulls, honorific) != pid:
                continue  # a surname two people in the text share stays unresolved
            resolved.append((m.start(), m.start() + len(last), pid))
    for s, e, pid in sorted(resolved):
        role = aff = None
        title = _title_before(st, s)
        if title is None:
            title = _appositive_after(st, e)
        if title is not None:
            role = text[title[0] : title[1]].strip()
            aff = _affiliation_in(st, *title)
        entry = gaz.entries.get(pid)
        aff = aff or (entry.affiliation if entry else None)
        # Mentions like "Mr Barrot" keep the honorific in the cite; the name does not.
        st.mentions.append(
            _Mention(s, e, pid, display[pid], "PERSON", "ner", role=role, affiliation=aff)
        )


def _other_first_name(text: str, start: int, own: Iterable[str]) -> str | None:
    """A common first name written right before a surname at ``start`` that is none of the
    person's own first names ``own`` (lower-case): "Ivanka" in "Ivanka Trump" when the
    person is Donald Trump; else ``None``. A first name that is also a word the text writes
    in lower case ("Will", "Bill", "May") is too ambiguous to count."""
    m = re.search(r"(?<![\w.’'-])([A-Z][a-z]+) $", text[max(0, start - 20) : start])
    if m is None or m.group(1).lower() not in _FIRST_NAMES or m.group(1).lower() in own:
        return None
    first = m.group(1)
    if re.search(rf"(?<![\w-]){first.lower()}(?![\w-])", text):
        return None
    return first


def _honorific_of(text: str, start: int, end: int) -> str | None:
    """The folded honorific of a person mention ("mr" in "Mr. Roe"), inside or before it."""
    m = re.match(r"([A-Z][a-z]+)\.?\s", text[start:end]) or re.search(
        r"\b([A-Z][a-z]+)\.?\s+$", text[max(0, start - 12) : start]
    )
    return m.group(1).lower() if m else None


def _short_form_of(
    tk: tuple[str, ...], fulls: Mapping[tuple[str, ...], str], honorific: str | None
) -> str | None:
    """The one full name a one-word form ("Trump", "Mr. Trump") stands for, or None.

    Candidates are the full names with that word. A name with a generational suffix gives
    way to the same name without it ("Trump" is Donald Trump, not Donald Trump Jr., when
    both are named); a gendered honorific drops candidates whose first name is known to be
    of the other gender ("Mr. Trump" is not Melania Trump). Two or more left: ambiguous.
    """
    pids = _short_form_candidates(tk, fulls, honorific)
    return next(iter(pids)) if len(pids) == 1 else None


def _short_form_candidates(
    tk: tuple[str, ...], fulls: Mapping[tuple[str, ...], str], honorific: str | None
) -> set[str]:
    """The people a one-word form may name (see ``_short_form_of``)."""
    word = tk[0]
    cands = {other: pid for other, pid in fulls.items() if word in other}
    cands = {
        other: pid
        for other, pid in cands.items()
        if _without_suffix(other) == other or _without_suffix(other) not in cands
    }
    if honorific in MALE_HONORIFICS:
        cands = {o: p for o, p in cands.items() if o[0] not in FEMALE_FIRST_NAMES}
    elif honorific in FEMALE_HONORIFICS:
        cands = {o: p for o, p in cands.items() if o[0] not in MALE_FIRST_NAMES}
    return set(cands.values())


def _honorific_gender(honorific: str | None) -> str | None:
    """The gender a folded honorific tells ("m" for "mr", "f" for "ms"), else ``None``."""
    if honorific in MALE_HONORIFICS:
        return "m"
    if honorific in FEMALE_HONORIFICS:
        return "f"
    return None


def _surname_genders(
    text: str,
    keyed: Iterable[tuple[int, int, list[str]]],
    fulls: Mapping[tuple[str, ...], str],
) -> dict[str, dict[str, str]]:
    """The genders a text gives the people of each surname: surname -> {gender: label}.

    A one-word name after a gendered honorific ("Mr. Roe", "Ms. Roe") gives its gender, the
    label being the first such honorific (folded); a full name whose first name is of a
    known gender gives that gender (label "mr" or "ms"). Two genders under one surname mean
    two people of that surname at least.
    """
    out: dict[str, dict[str, str]] = {}
    for s, e, key in keyed:
        if len(key) != 1:
            continue
        honorific = _honorific_of(text, s, e)
        gender = _honorific_gender(honorific)
        if gender is not None and honorific is not None:
            out.setdefault(key[0], {}).setdefault(gender, honorific)
    for full in fulls:
        if len(full) < 2:
            continue
        first = full[0]
        gender = (
            "m"
            if first in MALE_FIRST_NAMES and first not in FEMALE_FIRST_NAMES
            else "f"
            if first in FEMALE_FIRST_NAMES and first not in MALE_FIRST_NAMES
            else None
        )
        bare = _without_suffix(full)
        if gender is not None and bare and bare[-1] in out:
            out[bare[-1]].setdefault(gender, "mr" if gender == "m" else "ms")
    return out


def _without_suffix(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in key if w.rstrip(".") not in NAME_SUFFIXES)


def _date_word(text: str, start: int, end: int) -> bool:
    """Whether a month-name word at ``[start, end)`` is used as a date ("May 12", "in May")."""
    if text[start:end] not in _WEEKDAYS_MONTHS:
        return False
    if re.match(r"\s*\d", text[end : end + 4]):
        return True
    return _word_before(text, start).lower() in DATE_PREPOSITIONS


# -- other named entities ----------------------------------------------------------------------


def _add_named(st: _State, spans: list[tuple[int, int, str]]) -> None:
    """ORG/GPE/NORP/LOC spans not in the gazetteer: fold in a demonym, find affiliation."""
    text, gaz = st.text, st.gaz
    for start, end, label in spans:
        name = text[start:end]
        aff = None
        if label == "ORG" and _GENERIC_ORG.match(name):
            before = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
            hit = gaz.lookup(before.group(1)) if before else None
            if hit and hit[1] in ("demonym", "name") and gaz.entries[hit[0]].type == "GPE":
                start -= len(before.group(0)) if before else 0
                name = text[start:end]
                aff = hit[0]
        inner = [m for m in st.mentions if start <= m.start and m.end <= end and m.source == "gaz"]
        actors = [m for m in inner if m.type in ("GPE", "ORG")]
        if actors and aff is None:
            aff = actors[0].eid
        if label == "ORG":
            # a place name inside an organisation's name is no mention of the place
            st.mentions = [m for m in st.mentions if not (m in inner and m.type == "LOC")]
        eid = f"{_PREFIX[label]}:{slugify(name)}"
        if eid.endswith(":"):
            continue
        st.mentions.append(_Mention(start, end, eid, name, label, "ner", affiliation=aff))


# -- abbreviations ---------------------------------------------------------------------------------

# "DNC", "D.N.C.", "FEC": capitals with or without full stops (the key drops the stops)
_ACRONYM = re.compile(r"(?<![\w.&])(?:(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,6})(?![\w&])")


def _initials(name: str) -> str | None:
    """The initials of a capitalised multi-word name ("Federal Election Commission" -> FEC)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _add_acronyms(st: _State) -> None:
    """Merge abbreviations with and without stops, and with the long form they stand for.

    "D.N.C." and "DNC" are one organisation; it is the Democratic National Committee when
    the text defines it ("the Democratic National Committee (DNC)") or when the initials of
    exactly one organisation named in the article spell it. Only capitals the text uses as a
    defined abbreviation or that NER or the rules tagged as a name are linked: a word in a
    capitalised headline is not.
    """
    text = st.text
    orgs = [m for m in st.mentions if m.type == "ORG" and m.source in ("gaz", "ner", "rule")]
    long_form: dict[str, _Mention] = {}
    by_initials: dict[str, set[str]] = {}
    for m in orgs:
        ini = _initials(text[m.start : m.end]) or _initials(m.name)
        if ini:
            by_initials.setdefault(ini, set()).add(m.eid)
    for key, eids in by_initials.items():
        if len(eids) == 1:
            long_form[key] = next(m for m in orgs if m.eid in eids)
    for d in re.finditer(r"\s*\((?P<abbr>(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,6})\)", text):
        before = [m for m in orgs if m.end == d.start()]
        if before:  # defined by the text: wins over the initials
            long_form[d.group("abbr").replace(".", "")] = before[0]
    tagged = {
        text[m.start : m.end].replace(".", "")
        for m in st.mentions
        if m.source == "ner" and m.type in ("ORG", "PERSON", "GPE")
    }
    found = [(a.start(), a.end(), a.group(0).replace(".", "")) for a in _ACRONYM.finditer(text)]
    keys = {k for _, _, k in found if k in long_form or k in tagged}
    if not keys:
        return
    kept: list[_Mention] = []
    for m in st.mentions:
        key = text[m.start : m.end].replace(".", "")
        if m.source == "ner" and key in keys and _ACRONYM.fullmatch(text[m.start : m.end]):
            continue  # re-added below under the merged id
        kept.append(m)
    st.mentions = kept
    for start, end, key in found:
        if key not in keys or st.overlaps(start, end):
            continue
        lf = long_form.get(key)
        if lf is not None:
            st.mentions.append(
                _Mention(start, end, lf.eid, lf.name, lf.type, "ner", affiliation=lf.affiliation)
            )
        else:
            st.mentions.append(_Mention(start, end, f"org:{key.lower()}", key, "ORG", "ner"))


# -- unnamed sources -----------------------------------------------------------------------------

_SOURCE_HEADS = (
    r"officials?|sources?|diplomats?|aides?|advis[eo]rs?|negotiators?|insiders?|analysts?|"
    r"experts?|observers?|lawmakers?|officers?|spokes(?:person|man|woman)s?|spokesmen|"
    r"spokeswomen"
)
# Title nouns: an unnamed source only with an indefinite article ("one Foreign Minister").
_TITLE_HEADS = r"[Mm]inisters?|[Aa]mbassadors?|[Ee]nvoys?|[Pp]eople|[Pp]ersons?"
# Ordinary people and groups: actors only when the text makes them speak ("workers said").
_CROWD_HEADS = (
    r"workers?|employees?|residents?|witnesses|witness|agents?|traders?|exporters?|importers?|"
    r"farmers?|members?|investors?|dockworkers?|activists?|protesters?|doctors?|investigators?|"
    r"lenders?|bankers?|executives?|managers?|families|relatives|survivors?|students?|"
    r"teachers?|nurses?|owners?|shopkeepers?|drivers?|villagers|locals|critics|supporters|"
    r"opponents|campaigners|unionists|organisers|organizers|producers|growers|shippers|users|"
    r"representatives?|economists?|people"
)
_DETERMINER = re.compile(
    r"[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|"
    r"[Tt]he|[Tt]hese|[Tt]hose|[Mm]ost"
)
_KNOWN_POST = (
    r"involved\s+in|familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
    r"knowledgeable\s+about|speaking\s+on\s+condition\s+of\s+anonymity|who\s+(?:spoke|asked|"
    r"requested|declined|was|were|had|has|have)"
)
_ANON = re.compile(
    rf"(?P<det>\b(?:{_DETERMINER.pattern})\s+)?"
    rf"(?P<mods>(?:(?:[A-Z][\w.’'&-]*|[a-z][a-z-]+)\s+){{0,4}}?)"
    rf"(?P<head>\b(?:(?i:{_SOURCE_HEADS})|{_TITLE_HEADS}|(?i:{_CROWD_HEADS})))\b"
    rf"(?P<post>\s+(?:(?:{_KNOWN_POST})[^,.;:“”\"\n]{{0,50}}?(?=[,.;:]|\s+(?:{_VERBS_RE})\b|$)|"
    rf"(?:at|from|in|with|of|on|for)\s+[^,.;:“”\"\n]{{2,50}}?(?=\s+(?:{_VERBS_RE})\b)))?"
)
# Where a head noun of ``_ANON`` can start: every match contains one (see ``_anon_matches``).
_ANON_HEAD_AT = re.compile(rf"\b(?=(?:(?i:{_SOURCE_HEADS})|{_TITLE_HEADS}|(?i:{_CROWD_HEADS}))\b)")
_NONSPACE = re.compile(r"\S+")
_SPEECH_AFTER = re.compile(
    rf"\s*(?:,[^,.;“”\"]{{1,80}},)?\s+(?:(?:also|later|have|has|had)\s+)*(?:{_VERBS_RE})\b"
)


def _singular(word: str) -> str:
    w = word.lower()
    if w in ("people", "persons"):
        return "person"
    if w in ("families", "relatives", "villagers", "locals"):
        return {
            "families": "family",
            "relatives": "relative",
            "villagers": "villager",
            "locals": "local",
        }[w]
    if w == "witnesses":
        return "witness"
    if w.startswith("spokes") and w.endswith("men"):
        return w[:-3] + "man"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether the phrase ``[start, end)`` is presented as a speaker."""
    if _SPEECH_AFTER.match(text, end):
        return True
    before = text[max(0, start - 30) : start]
    return bool(re.search(rf"(?:according\s+to|\b(?:{_VERBS_RE}))\s+$", before))


def _source_words(st: _State, words: list[re.Match[str]], det: str) -> tuple[int, str, int | None]:
    """Which of the regex's modifier words belong to the source's noun phrase.

    Returns the index of the first kept word, the determiner and the index of the
    determiner word inside ``words`` (None when the regex's own determiner group is used).
    With a determiner every plain word up to the noun belongs to it ("a port authority
    negotiator"); without one only descriptive words and known actors do ("Diplomatic
    sources", "U.S. officials"), so "said the force officials" does not swallow "force".
    """
    det_idx: int | None = None
    for k in range(len(words) - 1, -1, -1):
        if _DETERMINER.fullmatch(words[k].group(0)):
            det_idx = k
            det = words[k].group(0).lower()
            break
    if det:
        first = det_idx + 1 if det_idx is not None else 0
        tail = [w.group(0) for w in words[first:]]
        if all(
            w.lower() not in NOT_NOUN_PHRASE_WORDS and not w.endswith(("’s", "'s")) for w in tail
        ):
            return first, det, det_idx
    keep_from = len(words)
    i = len(words) - 1
    while i >= 0:
        w = words[i].group(0)
        if w.lower() in SOURCE_DESCRIPTORS:
            keep_from = i
            i -= 1
            continue
        j = _actor_words_start(st, words, i) if w[:1].isupper() else None
        if j is None:
            break
        keep_from = j
        i = j - 1
    if keep_from > 0:
        prev = words[keep_from - 1].group(0)
        if _DETERMINER.fullmatch(prev):
            return keep_from, prev.lower(), keep_from - 1
        return keep_from, "", None
    return keep_from, det, None


def _anon_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_ANON.finditer(text)``, found without trying it at every position.

    ``_ANON`` is slow to try (a determiner and up to four modifier words, lazily, before
    every head noun it knows), and news text has a head noun every few sentences at most.
    A match has a head noun, and at most five whitespace-separated words (determiner and
    modifiers, none containing a space) before it. So no match starts before the sixth
    word in front of the first head noun at or after ``pos``, and searching from there
    finds the same leftmost match as scanning from ``pos`` does (``search`` with a start
    position sees the text before it, for ``\b``, as ``finditer`` does). Matches are never
    empty, so each next search starts where the last match ended, as in ``finditer``.
    """
    heads = [m.start() for m in _ANON_HEAD_AT.finditer(text)]
    if not heads:
        return []
    words = [m.start() for m in _NONSPACE.finditer(text)]
    out: list[re.Match[str]] = []
    pos = 0
    while (i := bisect.bisect_left(heads, pos)) < len(heads):
        w = bisect.bisect_right(words, heads[i]) - 1
        m = _ANON.search(text, max(pos, words[max(0, w - 6)]))
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


def _add_unnamed(st: _State) -> None:
    """Unnamed sources and definite back-references to them ("the official said")."""
    text = st.text
    anons: list[_Mention] = []
    st.ner_names = {
        text[m.start : m.end]
        for m in st.mentions
        if m.source == "ner" and m.type in ("ORG", "GPE", "NORP")
    }
    ner = sorted((m.start, m.end) for m in st.mentions if m.source == "ner")
    ner_starts = [a for a, _ in ner]
    for m in _anon_matches(text):
        head = m.group("head")
        head_l = head.lower()
        words = list(re.finditer(r"\S+", m.group("mods")))
        det = (m.group("det") or "").strip().lower()
        for k in range(len(words) - 1, -1, -1):
            w = words[k].group(0)
            # a word ending a sentence ("…with the UK. U.S. officials said") cuts the phrase
            if w.endswith(".") and "." not in w[:-1] and w not in ("Mr.", "Mrs.", "Ms.", "Dr."):
                words, det = words[k + 1 :], ""
                break
        keep_from, det, det_idx = _source_words(st, words, det)
        kept = words[keep_from:]
        base = m.start("mods")
        start = base + kept[0].start() if kept else m.start("head")
        if det:
            start = base + words[det_idx].start() if det_idx is not None else m.start("det")
        end = _unnamed_end(text, m)
        nxt = _word_after(text, m.end("head"))
        if nxt[:1].isupper() and nxt not in _WEEKDAYS_MONTHS and nxt not in NOT_NAME_WORDS:
            continue  # "spokesperson Pascal Roe": a title, not an unnamed source
        k = bisect.bisect_right(ner_starts, m.start("head")) - 1
        if k >= 0 and ner[k][1] > m.start("head"):
            continue  # the noun is part of a name ("Police Officers' Union")
        is_title = re.fullmatch(_TITLE_HEADS, head) is not None
        is_crowd = re.fullmatch(_CROWD_HEADS, head_l) is not None
        plural = _singular(head) != head_l
        if is_title and det not in ("a", "an", "one", "another", "the") and not m.group("post"):
            continue  # "foreign ministers from ..." is a list, not a source
        if head_l in ("people", "person", "persons") and not m.group("post"):
            continue
        if is_crowd and not _speaks(text, start, end):
            continue  # "37 workers were killed": victims, not sources
        if not det and not kept and not plural:
            continue  # a bare singular noun ("official figures") is no actor
        mod_words = [w.group(0) for w in kept]
        if det in ("the", "these", "those"):
            ref = _antecedent(anons, mod_words, head_l, st)
            if ref is not None:
                anons.append(_Mention(start, end, ref.eid, ref.name, "UNNAMED", "ref",
                                      role=ref.role, affiliation=ref.affiliation))  # fmt: skip
                continue
            if is_title:
                continue  # "the minister" with no unnamed antecedent: maybe a named person
        id_words, aff = _anon_modifiers(st, mod_words)
        head_sg = _singular(head)
        eid = "anon:" + slugify(" ".join([*id_words, head_sg]))
        name_start = start + (
            len(text[start:end]) - len(text[start:end].split(None, 1)[-1]) if det else 0
        )
        name = re.sub(r"\s+", " ", text[name_start:end]).strip()
        role_words = [w.lower() for w in mod_words if w.lower() in SOURCE_DESCRIPTORS]
        role = " ".join([*role_words, head.lower() if plural else head_sg]).strip()
        if is_title and head[:1].isupper():
            role = " ".join([*(w for w in mod_words if not st.gaz.lookup(w)), head]).strip()
        anons.append(_Mention(start, end, eid, name, "UNNAMED", "anon", role=role, affiliation=aff))
    st.mentions.extend(anons)


# Words opening a reported clause that no source's relative clause holds ("who have studied the
# votes argue that …" runs into the main verb's clause); a closed class of complementisers.
_CLAUSE_LEADS = frozenset({"that", "whether"})


def _unnamed_end(text: str, m: re.Match[str]) -> int:
    """Where an unnamed source ends: its phrase after the head noun ("officials at the
    ministry"), unless that ran into another clause ("people in the audience to clap if
    they", ``UNNAMED_POST_BREAK_WORDS``); never on a preposition, determiner or
    conjunction ("officials at the bank and the")."""
    if not m.group("post"):
        return m.end("head")
    post = m.group("post")
    words = re.findall(r"[\w’'-]+", post.lower())
    if (
        words
        and words[0] in ("at", "from", "in", "with", "of", "on", "for")
        and any(w in UNNAMED_POST_BREAK_WORDS for w in words[1:])
    ):
        return m.end("head")
    if words and words[0] == "who" and any(w in _CLAUSE_LEADS for w in words[1:]):
        # "advisers who have studied the votes argue that …": the relative clause ended
        # before a main verb the pattern does not know (a plural present "argue"), whose
        # reported clause opens with "that"; the source is the head alone
        return m.end("head")
    end = m.end("post")
    while True:
        last = re.search(r"\s+([\w&]+)\s*$", text[m.end("head") : end])
        if last is None or last.group(1).lower() not in TITLE_CASE_SMALL_WORDS:
            return end
        end = m.end("head") + last.start()


def _anon_modifiers(st: _State, mod_words: list[str]) -> tuple[list[str], str | None]:
    """Id words and affiliation of an unnamed source's modifiers.

    Country names and demonyms become the country's adjective ("U.S." and "American" both
    give "us"), other known actors stay as written ("White House"); ranks are dropped so
    "a senior Israeli official" and "an Israeli official" share ``anon:israeli-official``.
    """
    gaz = st.gaz
    id_words: list[str] = []
    aff: str | None = None
    i = 0
    while i < len(mod_words):
        for j in range(min(len(mod_words), i + 4), i, -1):
            phrase = re.sub(r"[’']s$", "", " ".join(mod_words[i:j]))
            hit = gaz.lookup(phrase)
            if hit is None:
                ner = [
                    m
                    for m in st.mentions
                    if m.source == "ner"
                    and m.type in ("ORG", "GPE")
                    and st.text[m.start : m.end] == phrase
                ]
                hit = (ner[0].eid, "name") if ner else None
            if hit is not None:
                aff = aff or hit[0]
                entry = gaz.entries.get(hit[0])
                if hit[1] in ("name", "demonym") and entry is not None and entry.adjective:
                    id_words.append(entry.adjective)
                else:
                    id_words.append(phrase)
                i = j
                break
        else:
            if mod_words[i].lower() not in NOT_AFFILIATION_WORDS:
                id_words.append(mod_words[i])
            i += 1
    return id_words, aff


def _actor_words_start(st: _State, words: list[re.Match[str]], i: int) -> int | None:
    """Index of the first word of a known actor name ending at word ``i``, or None.

    Multi-word names count as a whole ("White House" in "a White House official").
    """
    for j in range(max(0, i - 3), i + 1):
        phrase = re.sub(r"[’']s$", "", " ".join(x.group(0) for x in words[j : i + 1]))
        if st.gaz.lookup(phrase) is not None:
            return j
    w = re.sub(r"[’']s$", "", words[i].group(0))
    if w.lower() in TITLE_WORDS or w in ORG_HEADS:
        return i
    if w in st.ner_names:
        return i
    return None


def _antecedent(anons: list[_Mention], mods: list[str], head: str, st: _State) -> _Mention | None:
    """The unnamed source a definite "the official" refers back to (most recent match)."""
    head_sg = _singular(head)
    plural = head_sg != head.lower()
    for prev in reversed(anons):
        if not prev.eid.endswith("-" + head_sg) and prev.eid != f"anon:{head_sg}":
            continue
        prev_head = re.search(rf"\b({_SOURCE_HEADS}|{_TITLE_HEADS}|{_CROWD_HEADS})\b", prev.name)
        if prev_head and (_singular(prev_head.group(1)) != prev_head.group(1).lower()) != plural:
            continue  # "the official" does not refer back to "officials"
        if mods:
            aff = next((st.gaz.lookup(w) for w in mods if st.gaz.lookup(w)), None)
            if aff and prev.affiliation != aff[0]:
                continue
        return prev
    return None


# -- definite role references to people ("the minister said") ------------------------------

_ROLE_REF = re.compile(
    rf"\b[Tt]he\s+(?P<mods>(?:(?:{'|'.join(sorted(TITLE_WORDS - ROLE_HEADS))}|deputy|[A-Z][a-z]+|"
    rf"U\.S\.)\s+){{0,2}})(?P<head>{'|'.join(sorted(ROLE_HEADS - {'official', 'expert', 'analyst'}))})\b"
    r"(?![-\w])(?!\s+(?:of|for|and|or)\b)(?!\s+[A-Z])(?![’']s)"
)


def _add_role_refs(st: _State) -> None:
    """Link "the minister", "the spokesperson" to the latest person holding that role."""
    people = sorted((m for m in st.mentions if m.type == "PERSON"), key=lambda m: m.start)
    for m in _ROLE_REF.finditer(st.text):
        if st.overlaps(m.start(), m.end()):
            continue
        head = m.group("head").lower()
        prior = [
            p for p in people if p.end <= m.start() and p.role and head in p.role.lower().split()
        ]
        if not prior:
            roles = {p.eid: p for p in people if p.end <= m.start()}
            # a role given once applies to every mention of the person
            prior = [
                p
                for p in people
                if p.end <= m.start()
                and any(
                    q.eid == p.eid and q.role and head in q.role.lower().split() for q in people
                )
            ]
            if not prior or not roles:
                continue
        p = prior[-1]
        st.mentions.append(_Mention(m.start(), m.end(), p.eid, p.name, "PERSON", "ref", role=p.role,
                                    affiliation=p.affiliation))  # fmt: skip


# -- definite references to organisations ("the company said") ----------------------------

# Nouns that name the same kind of body ("the union" for "… Workers' Syndicate").
_ORG_KIN = {
    "union": {"union", "syndicate", "federation"},
    "syndicate": {"union", "syndicate"},
    "federation": {"federation", "union"},
    "firm": {"firm", "company"},
}
# "group" names any kind of body (a rights group, a militant group, a donor group, a
# company's parent): bare or described, it resolves only to an organisation with the word in
# its name, never to the business named most often (issue 17: "the rights group" read as
# the United Nations).
_KIND_NOUNS = frozenset({"group"})


def _shares_stem(words: list[str], name: str) -> bool:
    """Whether a modifier of a description shares a stem (its first five letters, or the
    whole of a shorter word) with a word of an organisation's name: "textile" / "Norrick
    Textiles"."""
    stems = {w[:5] for w in words if len(w) >= 4}
    return any(n[:5] in stems for n in re.findall(r"[a-z]+", name.lower()) if len(n) >= 4)


_ORG_REF = re.compile(
    rf"\b[Tt]he\s+(?P<mods>(?:[a-z]+\s+){{0,2}}?)(?P<head>{'|'.join(sorted(ORG_NOUNS))})\b(?![-\w])"
    r"(?!\s+(?:of|for)\s+[A-Z])"
)


# "that" opening a relative clause whose verb follows at once ("the company that designs"),
# not a "that"-clause with a subject of its own ("told the company that it would") and not
# "that day".
_DEFINING_THAT = re.compile(
    r"\s+that\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:[a-z]+(?:s|ed)|is|was|has|had|will|would|can|could|owns|runs|makes|does|did)\b"
    r"(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bas)(?<!\bus)"
)


def _add_org_refs(st: _State) -> None:
    """Link "the company", "the union", "the port authority" to the organisation meant.

    The antecedent is the latest organisation named before whose name contains the noun
    ("the council" -> "Exporters' Council"); for a business noun ("the company") the latest
    organisation whose name has no other institution noun. Without one, the phrase itself
    becomes an organisation ("the port authority" -> ``org:port-authority``).
    """
    text = st.text
    orgs = sorted(
        (m for m in st.mentions if m.type == "ORG" and m.source in ("gaz", "ner")),
        key=lambda m: m.start,
    )
    created: dict[str, _Mention] = {}
    for m in _ORG_REF.finditer(text):
        start, end = m.start(), m.end()
        if st.overlaps(start, end):
            continue
        if _DEFINING_THAT.match(text, end):
            continue  # "the company that designs her clothes": defined here, no back-reference
        words = m.group("mods").split()
        if any(w in NUMBER_WORDS for w in words):
            continue  # "the nine board members": a count of people, the noun a modifier
        if any(w in NOT_NOUN_PHRASE_WORDS for w in words):
            words = []
            start = m.start("head") - len("the ")
        head = m.group("head")
        phrase = " ".join([*words, head])
        prior = [o for o in orgs if o.end <= start]
        pick = next((o for o in reversed(prior) if phrase in o.name.lower()), None)
        if pick is None:
            kin = _ORG_KIN.get(head, {head})
            pick = next(
                (o for o in reversed(prior) if kin & set(re.findall(r"[a-z]+", o.name.lower()))),
                None,
            )
        if pick is None and head in BUSINESS_NOUNS and head not in _KIND_NOUNS:
            # the business the article is about: the most often named one so far
            others = (ORG_NOUNS - BUSINESS_NOUNS) | NOT_BUSINESS_NOUNS
            pool = [o for o in prior if not others & set(o.name.lower().split())]
            if words:
                # "the textile company": a description says what kind of business it is,
                # so only one whose name shows that kind ("Norrick Textiles"); "the rights
                # group" is not the United Nations named most often before it
                pool = [o for o in pool if _shares_stem(words, o.name)]
            counts = Counter(o.eid for o in pool)
            if pool:
                best = max(counts.values())
                pick = next(o for o in reversed(pool) if counts[o.eid] == best)
        if pick is None and head in _KIND_NOUNS and not words:
            # a bare "the group": the organisation named last, in this sentence or the one
            # before, when it is also the one named most often (the article's subject);
            # else no one
            pool = [o for o in prior if not NOT_BUSINESS_NOUNS & set(o.name.lower().split())]
            counts = Counter(o.eid for o in pool)
            k = bisect.bisect_right(st.sentences, (start, len(text) + 1)) - 1
            near = st.sentences[k - 1][0] if k >= 1 else 0
            last = pool[-1] if pool else None
            if (
                last is not None
                and last.start >= near
                and counts[last.eid] == max(counts.values()) > 1
            ):
                pick = last
        if pick is None and words:
            key = f"org:{slugify(phrase)}"
            pick = created.get(key) or _Mention(start, end, key, phrase, "ORG", "ref")
            created[key] = pick
        if pick is None:
            continue
        st.mentions.append(
            _Mention(start, end, pick.eid, pick.name, "ORG", "ref", affiliation=pick.affiliation)
        )


# -- public API ----------------------------------------------------------------------------------


def extract_entities(
    article: Article, doc: Doc | None, ctx: ArticleContext | None = None
) -> list[Entity]:
    """Find the actors of one article, with canonical ids, aliases, roles and mentions.

    Args:
        article: the cleaned article; every mention cites ``article.text``.
        doc: its spaCy ``Doc`` (same text), or ``None`` for the rules-only extractor.
        ctx: the article's shared context (its sentences are read from it; built here when
            ``None``). The caller records the result with ``ctx.set_entities``.

    Returns:
        Entities in order of first mention. ``Entity.mentions`` holds every cite (a
        back-reference such as "the official" or "Mr Barrot" included); ``aliases`` the other
        surface forms used; ``role``/``affiliation`` the title a person or unnamed source is
        given ("French Foreign Ministry spokesperson", ``gpe:france``).
    """
    text = article.text
    ctx = ctx or ArticleContext(article, doc)
    sentences = ctx.sentences.spans
    st = _State(article, text, load_gazetteer(), sentences=list(sentences))
    _gazetteer_mentions(st, doc)
    ctx.deadline.check()  # between the steps (each is near-linear in the text)
    if doc is not None:
        spans = _ner_mentions(st, doc)
        # the small English model misses many names NER was never shown; titled and
        # attributed names found by the rules fill in where NER saw nothing at all
        # (an entity over a line break is NER reading a headline into the body: no cover)
        taken = [(e.start_char, e.end_char) for e in doc.ents if "\n" not in e.text]
        spans += [
            (s, e, label)
            for s, e, label in _rule_mentions(st)
            if label == "PERSON" and not any(a < e and s < b for a, b in taken)
        ]
    else:
        spans = _rule_mentions(st)
    spans = _places_not_people(text, spans, doc)
    people = [(s, e) for s, e, label in spans if label == "PERSON"]
    # gazetteer people are found by the gazetteer pass; re-home them in the person grouping
    people += [(m.start, m.end) for m in st.mentions if m.kind == "person"]
    # a lone surname NER took for a place or an organisation ("Later, Roe told ...")
    surnames = {k[-1] for k in (_person_key(text[s:e]) for s, e in people) if len(k) > 1}
    # and a full name NER tagged as an organisation once, a person elsewhere ("Jane Roe")
    fullnames = {tuple(_person_key(text[s:e])) for s, e in people}
    moved = [
        (s, e)
        for s, e, label in spans
        if label != "PERSON"
        and (
            (" " not in text[s:e] and _fold(text[s:e]) in surnames)
            or (label == "ORG" and " " in text[s:e] and tuple(_person_key(text[s:e])) in fullnames)
        )
    ]
    people += moved
    spans = [x for x in spans if (x[0], x[1]) not in moved]
    st.mentions = [m for m in st.mentions if m.kind != "person"]
    ctx.deadline.check()
    _add_named(st, [x for x in spans if x[2] != "PERSON"])
    _add_persons(st, people)
    ctx.deadline.check()
    _add_acronyms(st)
    _add_unnamed(st)
    _add_role_refs(st)
    _add_org_refs(st)
    ctx.deadline.check()
    return _assemble(st)


def _places_not_people(
    text: str, spans: list[tuple[int, int, str]], doc: Doc | None
) -> list[tuple[int, int, str]]:
    """Person spans of a name the article uses as a place are no person ("Pine Hollow").

    A name of two words or more is a place when NER tags it as something else more often
    than as a person, or when the text puts it after "in/at/near/outside/inside" (not in
    "at Jane Roe's"); its person spans take NER's other label, else ``LOC``. One word is
    weaker evidence ("Roe" is an organisation in NER's "the Roe campaign"): it is a place
    only after "in/at/near/..." and when it is no given name, no title precedes it and no
    other person's name holds it (``_lone_place``).
    """
    votes: dict[str, Counter[str]] = {}
    if doc is not None:
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label is not None:
                votes.setdefault(ent.text.strip(), Counter())[label] += 1
    out: list[tuple[int, int, str]] = []
    place: dict[str, str | None] = {}
    for s, e, label in spans:
        surface = text[s:e]
        if label == "PERSON":
            if surface not in place:
                others = Counter(
                    {k: v for k, v in votes.get(surface, Counter()).items() if k != "PERSON"}
                )
                top = others.most_common(1)
                # (NER reads many "given name + surname" as an organisation: "Jane Roe"
                # tagged ORG is still a person; a place label still counts)
                given = _fold(surface.split()[0]) in _FIRST_NAMES
                # a given name that NER reads as a person at least as often as anything
                # else: "took a swipe at Jane Roe" puts no place after "at"
                person_name = (
                    given
                    and votes.get(surface, Counter())["PERSON"] > 0
                    and votes.get(surface, Counter())["PERSON"] >= sum(others.values())
                )
                if (
                    " " in surface
                    and top
                    and not (given and top[0][0] == "ORG")
                    and top[0][1] > votes.get(surface, Counter())["PERSON"]
                ):
                    place[surface] = top[0][0]
                elif " " in surface and not person_name and _after_locative(text, surface):
                    place[surface] = top[0][0] if top else "LOC"
                elif " " in surface and top and _after_locative(text, surface, loose=True):
                    place[surface] = top[0][0]  # "near Pine Hollow Elementary School"
                elif " " not in surface and _lone_place(text, surface, spans, given):
                    place[surface] = top[0][0] if top else "LOC"  # "the harbour in Kell"
                else:
                    place[surface] = None
            label = place[surface] or label
        out.append((s, e, label))
    return out


_ANY_TITLE = "|".join(sorted(TITLE_ABBREVIATIONS))  # "Mr", "Sen", "Dr" … ("Mr. Kell")


def _lone_place(text: str, surface: str, spans: list[tuple[int, int, str]], given: bool) -> bool:
    """A one-word "person" the text only uses as a place: written after "in/at/near/..."
    ("Police in Kell said"), no given name, never after a title ("Mr. Kell"), and no word
    of another person's name in the article (a surname stays a person: "the Roe campaign")."""
    if given or not _after_locative(text, surface):
        return False
    words = {w for s, e, label in spans if label == "PERSON" and " " in text[s:e]
             for w in text[s:e].split()}  # fmt: skip
    if surface in words:
        return False
    return re.search(rf"\b(?:{_ANY_TITLE})\.?\s+{re.escape(surface)}\b", text) is None


def _after_locative(text: str, surface: str, loose: bool = False) -> bool:
    """Whether the text writes the name after "in/at/near/..." and not as the start of a
    longer name ("at Jane Roe Hall"); ``loose`` takes that too (the caller then asks NER
    to have tagged the name itself as no person at least once)."""
    tail = r"(?![\w’'-])" if loose else r"(?![\w’'-]|\s+[A-Z])"
    rx = rf"\b(?:{'|'.join(sorted(LOCATIVE_BEFORE_PLACE))})\s+{re.escape(surface)}{tail}"
    return re.search(rx, text) is not None


def _assemble(st: _State) -> list[Entity]:
    text, aid = st.text, st.article.id
    by_id: dict[str, Entity] = {}
    seen: set[tuple[str, int, int]] = set()
    for m in sorted(st.mentions, key=lambda m: (m.start, -m.end)):
        if not 0 <= m.start < m.end <= len(text) or (m.eid, m.start, m.end) in seen:
            continue
        seen.add((m.eid, m.start, m.end))
        ent = by_id.get(m.eid)
        if ent is None:
            entry = st.gaz.entries.get(m.eid)
            ent = Entity(
                id=m.eid,
                # one plain space between words: "Stu\u00a0Roe" is "Stu Roe"
                name=entry.name if entry else re.sub(r"\s+", " ", m.name).strip(),
                type=_entity_type(m),
                affiliation=m.affiliation,
            )
            by_id[m.eid] = ent
        ent.mentions.append(Cite(aid, m.start, m.end))
        surface = re.sub(r"\s+", " ", text[m.start : m.end])
        if surface != ent.name and surface not in ent.aliases:
            ent.aliases.append(surface)
        if ent.role is None and m.role:
            ent.role = m.role
        if ent.affiliation is None and m.affiliation and m.affiliation != ent.id:
            ent.affiliation = m.affiliation
    return list(by_id.values())


def _entity_type(m: _Mention) -> str:
    return m.type


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity whose mention best overlaps ``[start, end)``.

    The largest overlap wins; on a tie the tighter mention wins, so a span covering
    "a White House official" returns the unnamed official, not the White House.
    """
    best: tuple[int, int, Entity] | None = None
    for ent in entities:
        for c in ent.mentions:
            overlap = min(end, c.end) - max(start, c.start)
            if overlap <= 0:
                continue
            key = (overlap, -(c.end - c.start))
            if best is None or key > (best[0], best[1]):
                best = (key[0], key[1], ent)
    return best[2] if best else None


def entity_number(entity: Entity) -> str | None:
    """``"sg"`` or ``"pl"`` for people and unnamed sources (for pronoun resolution), else None."""
    if entity.type == "PERSON":
        return "sg"
    if entity.type != "UNNAMED":
        return None
    head = re.search(rf"\b({_SOURCE_HEADS}|{_TITLE_HEADS}|{_CROWD_HEADS})\b", entity.name, re.I)
    if head is None:
        return None
    h = head.group(1).lower()
    return "pl" if h == "people" or (h.endswith("s") and not h.endswith("ss")) else "sg"

"""Storylines: the second level above events, threading the events (stories) of one subject.

Pure: it reads what is stored for each event (the members' vectors and terms, their
extracted entities and dates when the facts are cached) and returns typed ``Storyline``
rows; ``Engine.storylines`` feeds it.

**Principal actors** of an event (``event_actors``): from the extracted entities when the
facts of its articles are cached (people, organisations, places and groups, ranked by
mentions), else from the stored terms (names found in the title and lead: the first
``LEAD_TERMS`` terms of each article, ranked by how many members carry them). Either way a
name gives its folded form and its words ("carmen ibarra", "carmen", "ibarra"), so the two
sources compare. Numbers are never actors.

**Event kind** (``event_kind``): what happened, as the common words of the members'
titles and leads ("earthquake", "rehab", "arrested", "strike"): not names (those are the
actors), not stop words nor generic news words (``lang.GENERIC_EVENT_WORDS``).

**Linking rule** (``link_events``): two events whose date bounds are at most
``MAX_GAP_DAYS`` apart (no test when either is undated) are linked when

1. they share at least ``MIN_SHARED`` principal-actor terms that are *specific* (carried by
   at most ``max(MIN_COMMON, COMMON_SHARE × events)`` events of the store: a term most
   events share is no evidence of one thread, a name's demonym or plural counting with the
   name, ``_name_roots``: "brevonian" is as common as "brevonia"; neither is a generic name
   word on its own, ``lang.GENERIC_NAME_WORDS``: "port", "minister", "river"; nor a name
   word that is, in both events, only part of names that differ: "tomas" of "tomas greel" and "tomas
   varn" is two people, while "harrow police" and "harrow police department", one holding
   the other, are one) and the cosine of their centroids (the mean of the members' unit
   vectors) is at least ``MIN_COSINE``, or only
   ``STRONG_COSINE`` when they also share ``KIND_MIN_SHARED`` specific event-kind words
   (the same actors doing the same kind of thing: a recall, then the chief's resignation
   over it, told in different words);
2. or they share one specific actor term and the cosine is at least ``ONE_SHARED_COSINE``,
   or only ``PLACE_KIND_COSINE`` when they also share an event-kind word carried by at most
   ``max(MIN_COMMON, PLACE_KIND_SHARE × events)`` events (the same kind of event at one
   place or with one organisation: a church fire and a warehouse fire in one state);
3. or they share no actor but at least ``KIND_MIN_SHARED`` event-kind words that are
   specific (carried by at most ``max(MIN_COMMON, KIND_COMMON_SHARE × events)`` events:
   "murder" in a store of crime news is no evidence), the cosine is at least
   ``KIND_COSINE`` and, when both are dated, they are at most ``KIND_GAP_DAYS`` apart (two
   prison escapes; two quakes in one region). Kind words compare by ``kind_forms`` ("teen"
   and "teenager" are one word). Same kind of event,
   different actors, and nothing else in common stays two threads.

The thresholds were chosen on ECB+ train (``bench/threads.py --sweep``); ECB+ dev and the
project's sibling set (``bench/data/siblings``) are the check.

Storylines are the connected components of these links (single link, union-find), so an
event belongs to exactly one storyline, possibly alone. Deterministic: events are ordered
by their earliest date (undated last), then id; a storyline's id is ``thread-`` plus the id
of its first event, which stays stable as later events join; its title is the title of
its largest event (ties: the earliest).

**Dates** (``article_bounds``, ``event_bounds``): a published date is a bound of its own,
not inferred. An undated article rests on the absolute dates its own text carries (a
mention with a year; year-less and relative ones are unresolved without a reference):
the latest such date not after the event's last published date counts as its earliest
possible date (the article reports it), and the event's dated articles bound the window
the article is placed in. Without any basis the bounds stay None: no date is invented.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice

import numpy as np

from storyline.lang import (
    GENERIC_EVENT_WORDS,
    GENERIC_NAME_WORDS,
    STOP_WORDS_WITH_MEANING,
    stop_words,
)
from storyline.lang.claims import STORYLINE_DURATION_MEASURES
from storyline.models import (
    Article,
    ArticleFacts,
    DateBounds,
    EventChange,
    StoryId,
    Storyline,
    StoryReport,
    usable,
)
from storyline.text import normalize_text, sentence_spans

MIN_COSINE = 0.40
MIN_SHARED = 2
ONE_SHARED_COSINE = 0.55
MAX_GAP_DAYS = 366
MIN_COMMON = 3
COMMON_SHARE = 0.05
LEAD_TERMS = 20
MAX_ACTORS = 16
KIND_MIN_SHARED = 2
STRONG_COSINE = 0.30
KIND_COSINE = 0.42
KIND_GAP_DAYS = 60
KIND_LEAD = 3
KIND_STEM = 6
KIND_COMMON_SHARE = 0.05
PLACE_KIND_COSINE = 0.50
KIND_MIN_FORM = 4
PLACE_KIND_SHARE = 0.10
# The thresholds are MiniLM's. Other embedders spread event centroids differently (a static
# model puts unrelated events near 0.8; TF-IDF puts related ones near 0.3), so their cosines
# are rescaled as (cos - floor) / (1 - floor) first; chosen on ECB+ train
# (bench/threads.py --embedder NAME --sweep).
COSINE_FLOOR: Mapping[str, float] = {"minilm": 0.0, "model2vec": 0.78, "tfidf": -0.3}
KIND_SHARE = 0.3
MAX_KIND = 24
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# English endings that derive a demonym or a plural from a one-word name ("Brevonia" →
# "Brevonian", "Iran" → "Iranian", "Israel" → "Israeli", "Sarnow" → "Sarnowan", "Greek" →
# "Greeks"): a closed class of suffixes. A derived form is as common as its name
# (``_name_roots``); the name must keep ``NAME_ROOT_MIN`` letters.
NAME_FORM_SUFFIXES = ("s", "es", "n", "an", "ian", "i", "ese", "ish")
NAME_ROOT_MIN = 4
_WORD = re.compile(r"[^\W\d_][\w'.-]*", re.UNICODE)


@dataclass(frozen=True)
class EventSignal:
    """What the linking rule reads of one event (a story)."""

    id: StoryId
    title: str
    vector: np.ndarray  # unit centroid of the members' vectors
    actors: frozenset[str]
    dates: DateBounds
    size: int
    kind: frozenset[str] = frozenset()  # what happened: ``event_kind`` of its members


def cosine_floor(embedder: str | None) -> float:
    """The rescaling floor of centroid cosines for vectors of ``embedder`` (0: none)."""
    return COSINE_FLOOR.get(embedder or "", 0.0)


def centroid(vectors: np.ndarray) -> np.ndarray:
    """The unit mean of unit-normalised rows (zeros when there is nothing to average)."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim == 1:
        v = v.reshape(1, -1)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    v = np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)
    c: np.ndarray = v.sum(axis=0)
    n = float(np.linalg.norm(c))
    return c / n if n > 0 else c


def _name_terms(name: str) -> list[str]:
    folded = normalize_text(name).strip(" .'\"")
    words = [w.strip(".'") for w in _WORD.findall(folded)]
    words = [w[:-2] if w.endswith("'s") else w for w in words if len(w) > 1]
    if not words:
        return []
    return list(dict.fromkeys([" ".join(words), *words]))


def actors_from_terms(term_lists: Sequence[Sequence[str]]) -> list[str]:
    """Principal actors from stored terms: names of the members' titles and leads.

    A term scores one per member that carries it among its first ``LEAD_TERMS`` terms;
    numbers (``#``-prefixed) are skipped. The best ``MAX_ACTORS`` by score, then by their
    earliest position, then alphabetically.
    """
    score: Counter[str] = Counter()
    first: dict[str, int] = {}
    for terms in term_lists:
        lead = [t for t in terms if not t.startswith("#")][:LEAD_TERMS]
        for i, t in enumerate(lead):
            score[t] += 1
            first[t] = min(first.get(t, i), i)
    ranked = sorted(score, key=lambda t: (-score[t], first[t], t))
    return ranked[:MAX_ACTORS]


def actors_from_facts(facts: Sequence[ArticleFacts]) -> list[str]:
    """Principal actors from extracted entities (people, organisations, places, groups).

    Entities are ranked by their mentions over the members; each gives its folded name
    and its words, up to ``MAX_ACTORS`` terms.
    """
    weight: Counter[str] = Counter()
    for f in facts:
        for e in f.entities:
            if e.type not in ACTOR_TYPES:
                continue
            n = max(1, len(e.mentions))
            for t in _name_terms(e.name):
                weight[t] += n
    ranked = sorted(weight, key=lambda t: (-weight[t], t))
    return ranked[:MAX_ACTORS]


_KIND_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def _stem(word: str) -> str:
    # Truncation stemming: forms of one word share their first letters ("arrested",
    # "arrests"; "earthquake", "earthquakes"), after a plural "s" ("riots", "riot").
    # Hand-written because the lock file carries no stemmer, and spaCy's lemmas would need
    # the model loaded for every listing.
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:KIND_STEM]


def event_kind(articles: Sequence[Article]) -> list[str]:
    """What kind of event the members report: the common words of their titles and leads.

    Read per member: its title and its first ``KIND_LEAD`` sentences. A word counts when it
    has at least four letters, is not a stop word nor a generic news word
    (``lang.GENERIC_EVENT_WORDS``: "said", "people", "year") and occurs in lower case
    somewhere in the member's text (a word only ever capitalised is a name: the actors say
    who, the kind says what: "earthquake", "rehab", "arrested", "strike"). Words compare by
    their first ``KIND_STEM`` letters. An event keeps the words carried by at least
    ``KIND_SHARE`` of its members (and by two when it has more than two), the best
    ``MAX_KIND`` by members, then by first position.
    """
    stops = stop_words() - STOP_WORDS_WITH_MEANING
    generic = {_stem(w) for w in GENERIC_EVENT_WORDS}
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    for a in articles:
        spans = list(islice(sentence_spans(a.text), KIND_LEAD))
        lead = " ".join([a.title or "", *(a.text[i:j] for i, j in spans)])
        lower = set(_KIND_WORD.findall(a.text))
        seen: set[str] = set()
        for pos, w in enumerate(_KIND_WORD.findall(lead)):
            low = w.lower()
            if low not in lower or low in stops:
                continue
            stem = _stem(low)
            if stem in generic or stem in seen:
                continue
            seen.add(stem)
            count[stem] += 1
            first[stem] = min(first.get(stem, pos), pos)
    need = max(1, math.ceil(KIND_SHARE * len(articles)))
    if len(articles) > 2:
        need = max(2, need)
    kept = [w for w, c in count.items() if c >= need]
    return sorted(kept, key=lambda w: (-count[w], first[w], w))[:MAX_KIND]


def kind_forms(kinds: Sequence[frozenset[str]]) -> dict[str, str]:
    """Event-kind stems of one word told apart by ``_stem``'s truncation: each stem maps to
    the shortest stem of ``kinds`` (at least ``KIND_MIN_FORM`` letters) it begins with
    ("teen" and "teenag", "riot" and "rioter", "kill" and "killin"). ``_stem`` cuts words
    at ``KIND_STEM`` letters and drops a plural "s" only, so the short form of a word and
    its derivations would otherwise never match. Hand-written like ``_stem`` (no stemmer in
    the lock file). On ECB+ train (MiniLM) it linked one more same-topic pair of events
    (0.840 → 0.880) for 8 more cross-topic pairs of 1,200 (0.33% → 1.00%); it also stops
    two forms of one word ("star", "starred") counting as two shared kind words, which
    costs TF-IDF vectors a dev pair (1.000 → 0.875)."""
    vocab = sorted({w for k in kinds for w in k}, key=lambda w: (len(w), w))
    return {
        w: next((v for v in vocab if len(v) >= KIND_MIN_FORM and w.startswith(v)), w) for w in vocab
    }


def _day(iso: str | None) -> date | None:
    """The first day an ISO date of any precision can mean ("2026-03" → March 1)."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def article_bounds(
    article: Article, facts: ArticleFacts | None, event_dated: Sequence[str] = ()
) -> DateBounds:
    """When ``article`` was written, and what that rests on.

    Args:
        article: the article.
        facts: its extracted facts when cached (their dates are read), else None.
        event_dated: published dates (YYYY-MM-DD) of the dated articles of its event.
    """
    if article.published:
        day = article.published[:10]
        return DateBounds(day, day, False, f"published {day}")
    window_end = max(event_dated) if event_dated else None
    own = sorted(
        (d.date, d.date_text)
        for d in (facts.dates if facts else [])
        if d.date and not d.relative and (window_end is None or d.date[:10] <= window_end)
    )
    if event_dated:
        lo, hi = min(event_dated), max(event_dated)
        if own:
            # Mentions after the event's last dated report may be plans ("by the end of
            # 2027"); a mention up to it is reported, so the article is not older.
            day, text = own[-1]
            basis = f"its text mentions “{text}”; its event's dated articles run {lo} … {hi}"
            return DateBounds(day, max(hi, day), True, basis)
        return DateBounds(lo, hi, True, f"placed in its event's dated articles, {lo} … {hi}")
    if own:
        # No dated neighbour: the article's own absolute dates are all there is. They give
        # the span it reports on, not a publication date.
        lo_d, lo_t = own[0]
        hi_d, hi_t = own[-1]
        return DateBounds(lo_d, hi_d, True, f"its text mentions “{lo_t}” … “{hi_t}”")
    return DateBounds(None, None, True, "no published date and no absolute date in its text")


def event_bounds(bounds: Sequence[DateBounds]) -> DateBounds:
    """An event's bounds from its articles' bounds (inferred if any bound it uses is)."""
    known = [b for b in bounds if b.earliest or b.latest]
    if not known:
        return DateBounds(None, None, True, "no article of the event is dated")
    dated = [b for b in known if not b.inferred]
    if dated:
        lo = min(b.earliest or "" for b in dated)
        hi = max(b.latest or "" for b in dated)
        n = len(dated)
        return DateBounds(lo, hi, False, f"{n} published date{'s' if n != 1 else ''}")
    early = [b.earliest for b in known if b.earliest]
    late = [b.latest for b in known if b.latest]
    return DateBounds(
        min(early, default=None),
        max(late, default=None),
        True,
        "; ".join(dict.fromkeys(b.basis for b in known)),
    )


def _gap_days(a: DateBounds, b: DateBounds) -> int | None:
    a0, a1 = _day(a.earliest), _day(a.latest or a.earliest)
    b0, b1 = _day(b.earliest), _day(b.latest or b.earliest)
    if not (a0 and a1 and b0 and b1):
        return None
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _order_key(s: EventSignal) -> tuple[int, str, str]:
    return (0, s.dates.earliest, s.id) if s.dates.earliest else (1, "", s.id)


@dataclass(frozen=True)
class EventLink:
    """The evidence ``link_events`` weighed for two events, and what it decided.

    ``rule`` names the clause of the linking rule that applied: ``"actors"`` (two or more
    shared specific actors), ``"one actor"`` (one), ``"kind"`` (none: the same kind of
    event), or ``"time"`` (dated further apart than the rule allows). ``needed`` is the
    cosine that clause asks for (None when the shared words already fall short).
    """

    a: StoryId
    b: StoryId
    linked: bool
    rule: str
    cosine: float  # centroid cosine, rescaled by the embedder's floor
    needed: float | None
    actors: tuple[str, ...]  # shared specific principal-actor terms
    kind: tuple[str, ...]  # shared specific event-kind words (by their shortest form)
    gap_days: int | None


@dataclass(frozen=True)
class LinkRule:
    """The thresholds of the linking rule (the module constants by default)."""

    min_cosine: float = MIN_COSINE
    min_shared: int = MIN_SHARED
    one_shared_cosine: float = ONE_SHARED_COSINE
    max_gap_days: int = MAX_GAP_DAYS
    kind_cosine: float = KIND_COSINE
    kind_min_shared: int = KIND_MIN_SHARED
    kind_gap_days: int = KIND_GAP_DAYS
    strong_cosine: float = STRONG_COSINE
    kind_common_share: float = KIND_COMMON_SHARE
    place_kind_cosine: float = PLACE_KIND_COSINE
    place_kind_share: float = PLACE_KIND_SHARE
    cos_floor: float = 0.0


def _name_roots(vocab: frozenset[str]) -> dict[str, str]:
    """Each one-word actor term of ``vocab`` -> the shortest one-word term of ``vocab`` it
    is derived from by a demonym or plural ending (``NAME_FORM_SUFFIXES``), else itself:
    "brevonian" -> "brevonia", "greeks" -> "greek". Multi-word terms are their own root."""
    words = {t for t in vocab if " " not in t}
    out: dict[str, str] = {}
    for t in sorted(words, key=lambda w: (len(w), w)):
        root = t
        for suffix in NAME_FORM_SUFFIXES:
            base = t[: -len(suffix)]
            if t.endswith(suffix) and len(base) >= NAME_ROOT_MIN and base in words:
                root = out[base]
                break
        out[t] = root
    out.update((t, t) for t in vocab if " " in t)
    return out


def _full_names(actors: frozenset[str]) -> dict[str, list[frozenset[str]]]:
    """Each word of an event's multi-word actor terms -> the word sets of those terms."""
    out: dict[str, list[frozenset[str]]] = {}
    for t in actors:
        words = t.split()
        if len(words) > 1:
            for w in words:
                out.setdefault(w, []).append(frozenset(words))
    return out


def _other_names(
    term: str, a: Mapping[str, list[frozenset[str]]], b: Mapping[str, list[frozenset[str]]]
) -> bool:
    """True when a one-word ``term`` is, in both events, only part of names that differ:
    "tomas" of "tomas greel" and of "tomas varn" are two people, not one shared actor.
    Names compare by their words, one name holding the other's ("harrow police" and
    "harrow police department") being one."""
    if " " in term or term not in a or term not in b:
        return False
    return not any(x <= y or y <= x for x in a[term] for y in b[term])


def _weigh(
    events: Sequence[EventSignal], rule: LinkRule, every_pair: bool
) -> tuple[list[EventSignal], list[frozenset[str]], list[tuple[int, int, EventLink]]]:
    """The events in time order, their specific actors, and the weighed pairs (the linked
    ones only unless ``every_pair``)."""
    order = sorted(events, key=_order_key)
    n = len(order)
    # a name and its derived forms ("brevonia", "brevonian") are counted as one: the
    # demonym of a country most events name is no evidence of one thread either
    roots = _name_roots(frozenset(t for e in order for t in e.actors))
    df: Counter[str] = Counter(r for e in order for r in {roots[t] for t in e.actors})
    limit = max(MIN_COMMON, math.ceil(COMMON_SHARE * n))
    specific = [
        frozenset(t for t in e.actors if df[roots[t]] <= limit and t not in GENERIC_NAME_WORDS)
        for e in order
    ]
    if n == 0:
        return order, specific, []
    names = [_full_names(e.actors) for e in order]
    # a kind word is specific by the events carrying that very form; specific words then
    # compare by their shortest form (merging forms never makes a word less specific)
    forms = kind_forms([e.kind for e in order])
    kind_df: Counter[str] = Counter(w for e in order for w in e.kind)
    kind_limit = max(MIN_COMMON, math.ceil(rule.kind_common_share * n))
    kinds = [frozenset(forms[w] for w in e.kind if kind_df[w] <= kind_limit) for e in order]
    place_limit = max(MIN_COMMON, math.ceil(rule.place_kind_share * n))
    loose = [frozenset(forms[w] for w in e.kind if kind_df[w] <= place_limit) for e in order]
    vecs = np.vstack([e.vector for e in order]).astype(np.float32)
    sims = vecs @ vecs.T
    if rule.cos_floor:
        sims = (sims - rule.cos_floor) / (1.0 - rule.cos_floor)
    out: list[tuple[int, int, EventLink]] = []
    for i in range(n):
        for j in range(i + 1, n):
            actors = frozenset(
                t for t in specific[i] & specific[j] if not _other_names(t, names[i], names[j])
            )
            shared = len(actors)
            kind = kinds[i] & kinds[j]
            gap = _gap_days(order[i].dates, order[j].dates)
            cos = float(sims[i, j])
            needed: float | None
            if gap is not None and gap > rule.max_gap_days:
                name, needed = "time", None
            elif shared >= rule.min_shared:
                strong = len(kind) >= rule.kind_min_shared
                name, needed = "actors", rule.strong_cosine if strong else rule.min_cosine
            elif shared == 1:
                # one shared name (a place, an organisation) and the same kind of event
                # there (a fire, a strike): a lower cosine suffices
                same_kind = bool(loose[i] & loose[j])
                kind = kind | (loose[i] & loose[j])
                name = "one actor"
                needed = rule.place_kind_cosine if same_kind else rule.one_shared_cosine
            else:  # same kind of event, no shared actor: close in text and, if dated, in time
                near = gap is None or gap <= rule.kind_gap_days
                enough = len(kind) >= rule.kind_min_shared and near
                name, needed = "kind", rule.kind_cosine if enough else None
            linked = needed is not None and cos >= needed
            if linked or every_pair:
                link = EventLink(
                    a=order[i].id,
                    b=order[j].id,
                    linked=linked,
                    rule=name,
                    cosine=round(cos, 4),
                    needed=needed,
                    actors=tuple(sorted(actors)),
                    kind=tuple(sorted(kind)),
                    gap_days=gap,
                )
                out.append((i, j, link))
    return order, specific, out


def event_links(
    events: Sequence[EventSignal], rule: LinkRule | None = None, *, every_pair: bool = False
) -> list[EventLink]:
    """The links ``link_events`` makes between ``events``, each with its evidence.

    ``every_pair`` also returns the pairs left apart (``linked`` False) with the evidence
    that fell short; ``rule`` defaults to the module's thresholds.
    """
    return [link for _, _, link in _weigh(events, rule or LinkRule(), every_pair)[2]]


def link_events(
    events: Sequence[EventSignal],
    *,
    min_cosine: float = MIN_COSINE,
    min_shared: int = MIN_SHARED,
    one_shared_cosine: float = ONE_SHARED_COSINE,
    max_gap_days: int = MAX_GAP_DAYS,
    kind_cosine: float = KIND_COSINE,
    kind_min_shared: int = KIND_MIN_SHARED,
    kind_gap_days: int = KIND_GAP_DAYS,
    strong_cosine: float = STRONG_COSINE,
    kind_common_share: float = KIND_COMMON_SHARE,
    place_kind_cosine: float = PLACE_KIND_COSINE,
    place_kind_share: float = PLACE_KIND_SHARE,
    cos_floor: float = 0.0,
) -> list[Storyline]:
    """Thread events into storylines by the module's linking rule (single link).

    ``cos_floor`` rescales the centroid cosines (``cosine_floor`` of the embedder that made
    the vectors). Returns every event in exactly one storyline, storylines ordered by their
    first event. ``event_links`` gives the links with their evidence.
    """
    rule = LinkRule(
        min_cosine=min_cosine,
        min_shared=min_shared,
        one_shared_cosine=one_shared_cosine,
        max_gap_days=max_gap_days,
        kind_cosine=kind_cosine,
        kind_min_shared=kind_min_shared,
        kind_gap_days=kind_gap_days,
        strong_cosine=strong_cosine,
        kind_common_share=kind_common_share,
        place_kind_cosine=place_kind_cosine,
        place_kind_share=place_kind_share,
        cos_floor=cos_floor,
    )
    order, specific, weighed = _weigh(events, rule, every_pair=False)
    n = len(order)
    if n == 0:
        return []
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in weighed:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)  # the root is the earliest event
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    out: list[Storyline] = []
    for root in sorted(groups):
        members = [order[i] for i in groups[root]]
        largest = min(members, key=lambda e: (-e.size, _order_key(e)))
        carried = Counter(t for i in groups[root] for t in specific[i])
        names = sorted(carried, key=lambda t: (-carried[t], -len(t.split()), t))
        kept = [t for t in names if carried[t] > 1 or len(members) == 1]
        multi = [t.split() for t in kept if " " in t]
        actors = [t for t in kept if " " in t or not any(t in m for m in multi)][:8]
        out.append(
            Storyline(
                id=f"thread-{members[0].id}",
                title=largest.title,
                events=[e.id for e in members],
                dates={e.id: e.dates for e in members},
                actors=actors,
            )
        )
    return out


_YIELDING = frozenset({"agree", "concede", "support", "pledge", "offer"})
_RESISTING = frozenset({"oppose", "reject", "threaten", "accuse"})
_CONTENT = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def _content_words(text: str) -> set[str]:
    return {w for w in _CONTENT.findall(normalize_text(text)) if w not in {"that", "this", "with"}}


MAX_LISTED = 8


def event_changes(
    reports: Sequence[StoryReport], dates: Mapping[StoryId, DateBounds] | None = None
) -> list[EventChange]:
    """What each event adds to the ones before it, in the order given (time order).

    New actors: people, organisations, places and groups whose folded name no earlier
    report has, most mentioned first. New figures: quantities (not durations) whose
    (measure, value) no earlier report has. Reversals: an actor seen resisting (oppose,
    reject, threaten, accuse) earlier and yielding (agree, concede, support, pledge, offer)
    now about a target sharing a word, or the other way round; only stances that may be
    stated (``usable``: asserted, or conditional with their condition, and confident) count,
    so a denied "agree" or a claim about the actor in someone else's quotation is no turn.
    Outcome: the first sentence of the event's brief. At most ``MAX_LISTED`` of each.
    """
    seen_names: set[str] = set()
    seen_figures: set[tuple[str | None, float | None]] = set()
    last_stance: dict[str, tuple[str, set[str]]] = {}
    out: list[EventChange] = []
    for i, r in enumerate(reports):
        ents = sorted(
            (e for e in r.entities if e.type in ACTOR_TYPES),
            key=lambda e: (-len(e.mentions), e.name),
        )
        names = [e.name for e in ents if normalize_text(e.name) not in seen_names]
        figures = [
            q.text
            for q in r.quantities
            if q.measure
            and q.measure.lower() not in STORYLINE_DURATION_MEASURES
            and q.value is not None
            and (q.measure, q.value) not in seen_figures
        ]
        reversals: list[str] = []
        stances = [st for st in r.stances if usable(st)]
        for st in stances:
            prev = last_stance.get(normalize_text(st.actor))
            if prev is None or not (prev[1] & _content_words(st.target)):
                continue  # a turn is about the same thing: the targets share a word
            before = prev[0]
            if (before in _RESISTING and st.stance in _YIELDING) or (
                before in _YIELDING and st.stance in _RESISTING
            ):
                reversals.append(f"{st.actor}: {before} → {st.stance} ({st.target})")
        out.append(
            EventChange(
                story_id=r.story.id,
                title=r.story.title,
                dates=(dates or {}).get(r.story.id),
                n_articles=len(r.articles),
                new_actors=list(dict.fromkeys(names))[:MAX_LISTED] if i else [],
                new_figures=list(dict.fromkeys(figures))[:MAX_LISTED] if i else [],
                reversals=list(dict.fromkeys(reversals))[:MAX_LISTED],
                outcome=r.brief[0].text if r.brief else None,
            )
        )
        seen_names.update(normalize_text(e.name) for e in ents)
        seen_figures.update((q.measure, q.value) for q in r.quantities if q.measure)
        for st in stances:
            last_stance[normalize_text(st.actor)] = (st.stance, _content_words(st.target))
    return out


def storyline_of(storylines: Sequence[Storyline]) -> Mapping[StoryId, str]:
    """``story id -> storyline id`` for every event of ``storylines``."""
    return {e: s.id for s in storylines for e in s.events}


__all__ = [
    "EventLink",
    "EventSignal",
    "LinkRule",
    "actors_from_facts",
    "actors_from_terms",
    "article_bounds",
    "centroid",
    "cosine_floor",
    "event_bounds",
    "event_changes",
    "event_kind",
    "event_links",
    "kind_forms",
    "link_events",
    "storyline_of",
]

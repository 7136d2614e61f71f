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

The outlet x claim matrix the renderers draw is ``storyline.render.coverage``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

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
    Quantity,
    Quote,
    Stance,
    source_roots,
    usable,
)
from storyline.stages.analysis.focus import Focus, find_focus, kind_phrases
from storyline.stages.analysis.relations import ActorMention, Observation, find_observations
from storyline.text import normalize_text, sentence_spans, slugify

# ---------------------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class ClaimInfo:
    """What ``align`` knows about a claim beyond the JSON contract (for profile/report)."""

    kind: str  # "quantity" | "role" | "participation" | "description" | "attribute" | "stance"
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


def quantity_interval(q: Quantity) -> tuple[float, float] | None:
    """The range of values a hedged number allows ("up to 20,000" -> [0, 20000])."""
    base = q.value if q.value is not None else (q.high if q.high is not None else q.low)
    if base is None:
        return None
    h = q.hedge
    if h == "range" and q.low is not None and q.high is not None:
        return q.low, q.high
    if h == "up_to":
        return 0.0, base
    if h == "at_least":
        return base, math.inf
    if h == "more_than":
        return base * (1 + _EPS) + _EPS, math.inf
    if h == "fewer_than":
        return 0.0, base * (1 - _EPS) - _EPS
    if h in {"about", "approximately", "around", "roughly"}:
        return base * 0.85, base * 1.15  # reporters round: "about 1,000" allows 850..1,150
    if h == "nearly":
        return base * 0.85, base
    return base, base


def _measure_key(measure: str | None) -> str:
    m = normalize_text(measure or "")
    return re.sub(r"s$", "", m)


_PLACE_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:in|inside|into|to|on the ground in)\s+(?:the\s+)?([A-Z][\w-]+)"
)


def _place_after(text: str, cite: Cite) -> str | None:
    m = _PLACE_AFTER.match(text[cite.end : cite.end + 60])
    return m.group(1) if m else None


def _quantity_claims(
    facts: Sequence[ArticleFacts], names: Mapping[EntityId, str], texts: Mapping[ArticleId, str],
    out: _Claims, conflicts: list[Conflict],
) -> None:  # fmt: skip
    groups: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for f in facts:
        for q in f.quantities:
            if quantity_interval(q) is None:
                continue
            subj = q.subject_entity or (slugify(q.subject) if q.subject else "")
            groups[(subj, _measure_key(q.measure))].append(q)
    for (subj_key, _), items in groups.items():
        # one claim per anchor value: "up to 20,000", "20,000 or more", "20,000" share 20,000
        clusters: list[list[Quantity]] = []
        for q in items:
            anchor = _anchor(q)
            for cl in clusters:
                other = _anchor(cl[0])
                if abs(other - anchor) <= 0.005 * max(abs(other), abs(anchor), 1.0):
                    cl.append(q)
                    break
            else:
                clusters.append([q])
        made: list[tuple[list[Quantity], Claim]] = []
        for cl in clusters:
            q0 = cl[0]
            subject = names.get(q0.subject_entity or "", "") or q0.subject or "(unspecified)"
            measure = Counter(q.measure for q in cl if q.measure).most_common(1)
            measure_s = measure[0][0] if measure else ""
            ivs = [quantity_interval(q) for q in cl]
            lo = max(i[0] for i in ivs if i)
            hi = min(i[1] for i in ivs if i)
            value = f"{_fmt_number(_anchor(q0))} {measure_s}".strip()
            claim = out.add(
                subject, measure_s or "number", value, [q.text for q in cl], [q.cite for q in cl],
                ClaimInfo("quantity", [q0.subject_entity] if q0.subject_entity else [],
                          low=lo if lo <= hi else None, high=hi if lo <= hi else None,
                          measure=measure_s or None),
            )  # fmt: skip
            made.append((cl, claim))
        if not subj_key:
            continue  # numbers of unknown subjects cannot contradict each other
        for i in range(len(made)):
            for j in range(i + 1, len(made)):
                (ca, a), (cb, b) = made[i], made[j]
                if _compatible(ca, cb, texts) or _same_sources(a, b, out.roots):
                    continue
                out.info[a.id].contested = out.info[b.id].contested = True
                conflicts.append(
                    Conflict(
                        topic=f"{a.subject}: {a.slot}",
                        sides=[
                            ConflictSide(f"{a.subject}: {v.value}", list(v.cites)) for v in (a, b)
                        ],
                    )
                )


def _anchor(q: Quantity) -> float:
    v = q.value if q.value is not None else (q.high if q.high is not None else q.low)
    return float(v or 0.0)


def _compatible(a: list[Quantity], b: list[Quantity], texts: Mapping[ArticleId, str]) -> bool:
    """Two clusters of numbers agree when some pair of their ranges overlaps.

    A zero ("no troops on the ground") is never compared: it is nearly always scoped to
    a place or time that a positive count elsewhere is not. Numbers placed in different
    named places ("in Lyon" / "in Oslo") are not compared either.
    """
    for qa in a:
        for qb in b:
            ia, ib = quantity_interval(qa), quantity_interval(qb)
            if ia is None or ib is None:
                continue
            if _anchor(qa) == 0 or _anchor(qb) == 0:
                return True
            pa = _place_after(texts.get(qa.cite.article, ""), qa.cite)
            pb = _place_after(texts.get(qb.cite.article, ""), qb.cite)
            if pa and pb and pa != pb:
                return True
            if ia[0] <= ib[1] and ib[0] <= ia[1]:
                return True
    return False


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
}


def align(articles: Sequence[Article], facts: Sequence[ArticleFacts]) -> Alignment:
    """Merge the facts of a story's articles into claims and conflicts.

    Args:
        articles: the story's articles; ``duplicate_of`` marks copies.
        facts: extraction results, one per article (matched by ``article_id``).

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
    _quantity_claims(facts, names, texts, out, conflicts)
    _description_claims(kinds["description"], focus, out, conflicts)
    _attribute_claims(kinds["attribute"], focus, out, conflicts)
    _stance_claims(stances, out)
    out.settle_confidence()
    for conflict in conflicts:
        conflict.confidence = conflict_confidence(conflict, roots)
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
    )


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

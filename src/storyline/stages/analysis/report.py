"""Report: assemble the cited ``StoryReport`` of one story (SPEC.md's JSON contract).

Input: the ``Story``, its articles and their ``ArticleFacts``.
Output: ``StoryReport`` with merged entities, quotes, quantities, stances, a timeline in
date order (undated last), claims and conflicts from ``align``, the ``profile``, and a
brief of 5-10 sentences.

The brief is extractive: whole sentences of the articles, each citing its own span and
the spans of the sentences that say the same in other sources, chosen for the claims
with the most independent sources they carry. Generated prose would need a model we do
not ship; a sentence from an article is cited exactly and never says more than its
source. When sources conflict, one sentence names the conflict and cites each side.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from storyline.lang import finite_forms, stop_words
from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    ArticleFacts,
    ArticleId,
    BriefSentence,
    Cite,
    Conflict,
    Event,
    Quantity,
    Story,
    StoryReport,
)
from storyline.stages.analysis.align import Alignment, align
from storyline.stages.analysis.profile import build_profile
from storyline.stages.analysis.storylines import article_bounds
from storyline.stages.prepare.extract.dates import resolve_yearless, text_reference_date
from storyline.text import normalize_text, sentence_spans, tokens

BRIEF_MAX = 8
BRIEF_MIN = 5
MAX_BRIEF_CONFLICTS = 2


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def build_report(
    story: Story, articles: Sequence[Article], facts: Sequence[ArticleFacts]
) -> StoryReport:
    """Build the full cited report of a story.

    Args:
        story: the story record (id, title, first/last seen, independent count).
        articles: the story's articles, any order; copies have ``duplicate_of`` set.
        facts: one ``ArticleFacts`` per article (matched by ``article_id``).

    Returns:
        The ``StoryReport``; ``report.to_dict()`` is the JSON of SPEC.md.
    """
    arts = _ordered(articles)
    order = {a.id: i for i, a in enumerate(arts)}
    by_id = {f.article_id: f for f in facts}
    facts = [by_id[a.id] for a in arts if a.id in by_id]
    alignment = align(arts, facts)
    quantities = sorted(
        (q for f in facts for q in f.quantities),
        key=lambda q: (order[q.cite.article], q.cite.start),
    )
    return StoryReport(
        story=story,
        articles=arts,
        entities=alignment.entities,
        quotes=sorted(alignment.quotes, key=lambda q: (order[q.cite.article], q.cite.start)),
        quantities=_dedupe_quantities(quantities),
        timeline=with_updates(
            merge_timeline(story_events(arts, facts), order, alignment.roots), alignment.updates
        ),
        stances=alignment.stances,
        claims=alignment.claims,
        conflicts=alignment.conflicts,
        profile=build_profile(story, alignment),
        brief=build_brief(arts, alignment),
        notes={f.article_id: f.partial for f in facts if f.partial},
    )


def _ordered(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication date when every one has a date, else in the given order.

    Sorting a mix would put the few dated articles first for no reason the reader sees.
    """
    if any(a.published is None for a in articles):
        return list(articles)
    idx = {a.id: i for i, a in enumerate(articles)}
    return sorted(articles, key=lambda a: (a.published or "", idx[a.id]))


def _dedupe_quantities(items: list[Quantity]) -> list[Quantity]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Quantity] = []
    for q in items:
        k = (q.cite.article, q.cite.start, q.cite.end)
        if k not in seen:
            seen.add(k)
            out.append(q)
    return out


# ---------------------------------------------------------------------------------------
# timeline
# ---------------------------------------------------------------------------------------


MAX_KEY_EVENTS = 3
LEAD_CHARS = 600  # an article's lead: its first sentences


def _ref_day(iso: str | None) -> date | None:
    """The last day an ISO date of any precision can mean ("2025-10" -> October 31)."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso[:10].split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], 12, 31)
    except ValueError:
        return None


def story_events(articles: Sequence[Article], facts: Sequence[ArticleFacts]) -> list[Event]:
    """The articles' events, a year-less date of an undated article resolved by its story.

    An article with no date of its own (no published date, no date line) and no full date
    of its own to take a year from leaves "Sept. 23" unresolved at extraction. Its bounds
    (``storylines.article_bounds``: its own absolute dates, else its story's dated
    articles, the rule ``Engine.date_bounds`` uses) then give the year, and the event is
    marked ``inferred``. Weekdays and "yesterday" are not resolved this way: they count
    from the day the article was written, which the bounds do not give.
    """
    dated = [a.published[:10] for a in articles if a.published]
    by_id = {f.article_id: f for f in facts}
    out: list[Event] = []
    for a in articles:
        f = by_id.get(a.id)
        if f is None:
            continue
        pending = [e for e in f.events if e.date is None and e.date_text]
        ref = None
        if pending and not a.published and text_reference_date(a.text) is None:
            ref = _ref_day(article_bounds(a, f, dated).latest)
        for e in f.events:
            resolved = resolve_yearless(e.date_text, ref) if ref and e in pending else None
            out.append(replace(e, date=resolved, inferred=True) if resolved else e)
    return out


def merge_timeline(
    events: Sequence[Event],
    order: Mapping[ArticleId, int],
    roots: Mapping[ArticleId, ArticleId] | None = None,
) -> list[Event]:
    """Merge the same event told by several articles; sort by date, undated last; flag the
    key events.

    Two events are the same when they carry the same date and similar summaries (or
    share an actor and a looser similarity); undated events merge only when their
    summaries are nearly identical. A merged event's date is ``inferred`` only when every
    article's is. The key events (``key``, first among the events of their day) are told
    near a lead, dated to the day, by the most independent sources (``roots``: copies
    count once); see ``_flag_key``.
    """
    roots = roots or {}
    merged: list[Event] = []
    for ev in sorted(
        events,
        key=lambda e: (
            min((order.get(c.article, 0), c.start) for c in e.cites) if e.cites else (0, 0)
        ),
    ):
        for m in merged:
            if m.date != ev.date:
                continue
            sim = fuzz.token_set_ratio(normalize_text(m.summary), normalize_text(ev.summary))
            shared = bool(set(m.actors) & set(ev.actors))
            if (ev.date and (sim >= 70 or (shared and sim >= 50))) or sim >= 90:
                m.actors = list(dict.fromkeys([*m.actors, *ev.actors]))
                m.cites = list(dict.fromkeys([*m.cites, *ev.cites]))
                m.inferred = m.inferred and ev.inferred
                m.date_text = m.date_text or ev.date_text
                break
        else:
            merged.append(
                Event(
                    ev.date,
                    ev.date_text,
                    ev.summary,
                    list(ev.actors),
                    list(ev.cites),
                    inferred=ev.inferred,
                )
            )
    _flag_key(merged, order, roots)
    dated = sorted((e for e in merged if e.date), key=lambda e: (e.date or "", not e.key))
    return dated + [e for e in merged if not e.date]


def _flag_key(
    events: list[Event], order: Mapping[ArticleId, int], roots: Mapping[ArticleId, ArticleId]
) -> None:
    """Flag the story's main events: dated to the day, told near an article's lead, and by
    the most independent sources (the first such lead when none is told twice).

    A year or a month alone mostly dates background ("coach of the year in 1987"), and a
    background fact repeated by every outlet is not the news: the lead is where it is.
    """

    def sources(cites: Sequence[Cite]) -> int:
        return len({roots.get(c.article, c.article) for c in cites})

    def first_seen(e: Event) -> tuple[int, int]:
        return min((order.get(c.article, 0), c.start) for c in e.cites)

    pool = [
        e
        for e in events
        if e.date and len(e.date) == 10 and any(c.start < LEAD_CHARS for c in e.cites)
    ]
    if not pool:
        return

    def rank(e: Event) -> tuple[int, int]:
        return sources(e.cites), sources([c for c in e.cites if c.start < LEAD_CHARS])

    top = max(rank(e) for e in pool)
    best = sorted((e for e in pool if rank(e) == top), key=first_seen)
    for e in best[: MAX_KEY_EVENTS if top[0] >= 2 else 1]:
        e.key = True


def with_updates(timeline: list[Event], updates: Sequence[Event]) -> list[Event]:
    """The timeline with ``align``'s updates (figures that moved between reports) in date
    order among the dated items; undated ones go last."""
    items = [*timeline, *updates]
    dated = sorted((e for e in items if e.date), key=lambda e: e.date or "")
    return dated + [e for e in items if not e.date]


# ---------------------------------------------------------------------------------------
# brief
# ---------------------------------------------------------------------------------------


@functools.cache
def _stop() -> frozenset[str]:
    """The stop words, and "said"/"says", which every news sentence shares."""
    return stop_words() | finite_forms(["say"])


_QUOTE_START = re.compile(r"^[\"“”'‘]")


@dataclass(slots=True)
class _Sentence:
    article: ArticleId
    start: int
    end: int
    text: str
    words: frozenset[str]
    index: int  # position in its article
    score: float = 0.0


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in tokens(text) if len(w) > 2 and w not in _stop())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _candidates(articles: Sequence[Article]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for a in articles:
        heads = {(h.start, h.end) for h in a.headings}
        for i, (s, e) in enumerate(sentence_spans(a.text)):
            text = a.text[s:e]
            n = len(text.split())
            if (s, e) in heads or n < 8 or n > 60 or not text.rstrip().endswith((".", "”", '"')):
                continue
            out.append(_Sentence(a.id, s, e, text, _content_words(text), i))
    return out


def build_brief(articles: Sequence[Article], alignment: Alignment) -> list[BriefSentence]:
    """Pick 5-10 cited sentences that carry the story's best-supported claims.

    Args:
        articles: the story's articles in report order.
        alignment: the story's claims and conflicts.

    Returns:
        Brief sentences, the best first, then in article order; each cites its span
        and the similar sentences of other sources.
    """
    roots = alignment.roots
    order = {a.id: i for i, a in enumerate(articles)}
    sents = _candidates(articles)
    originals = [s for s in sents if roots.get(s.article, s.article) == s.article]
    pool = originals or sents
    n_roots = len({roots.get(a.id, a.id) for a in articles})
    # per article, (start, end, weight) of each claim's cites
    weights: dict[ArticleId, list[tuple[int, int, str, float]]] = defaultdict(list)
    for c in alignment.claims:
        if c.confidence < CONFIDENCE_THRESHOLD:
            continue  # below the documented threshold (docs/report.md): never in the brief
        # a claim one source makes counts little: the brief is for what sources share
        w = (c.independent_sources - 1) + 0.3 + (1.0 if alignment.info[c.id].contested else 0.0)
        for x in c.cites:
            weights[x.article].append((x.start, x.end, c.id, w))
    similar = _similar(pool, sents)
    for s in pool:
        hits = {cid: w for a, b, cid, w in weights[s.article] if a < s.end and s.start < b}
        claim_score = sum(hits.values())
        echo = _echo(s, similar.get(id(s), []), roots)
        s.score = (
            min(claim_score, 8.0)
            + 4.0 * echo / max(1, n_roots - 1)
            + (3.0 if s.index == 0 else 1.0 if s.index == 1 else 0.0)
            - (2.0 if _QUOTE_START.match(s.text) else 0.0)
        )
    picked: list[_Sentence] = []
    for s in sorted(pool, key=lambda s: (-s.score, order[s.article], s.start)):
        if len(picked) >= BRIEF_MAX:
            break
        if s.score <= 0 and len(picked) >= BRIEF_MIN:
            break
        if any(_jaccard(s.words, p.words) >= 0.3 for p in picked):
            continue
        picked.append(s)
    if picked:
        # open with a lead sentence (news leads are written to sum the story up) when one
        # was picked, then follow the articles' order
        leads = [s for s in picked if s.index == 0]
        first = leads[0] if leads else picked[0]
        rest = sorted(
            (s for s in picked if s is not first), key=lambda s: (order[s.article], s.start)
        )
        picked = [first, *rest]
    brief = [BriefSentence(s.text, _echo_cites(s, similar.get(id(s), []))) for s in picked]
    sure = [c for c in alignment.conflicts if c.confidence >= CONFIDENCE_THRESHOLD]
    for conflict in sure[:MAX_BRIEF_CONFLICTS]:
        brief.append(_conflict_sentence(conflict))
    return brief


def _similar(
    queries: Sequence[_Sentence], sents: Sequence[_Sentence]
) -> dict[int, list[tuple[float, _Sentence]]]:
    """For each query sentence, the sentences of other articles sharing words, with their Jaccard.

    An inverted index over content words keeps this near-linear: only sentences that
    share a word are compared, and words found in most sentences are not indexed.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sents):
        for w in s.words:
            index[w].append(i)
    common = max(20, len(sents) // 3)
    out: dict[int, list[tuple[float, _Sentence]]] = {}
    for s in queries:
        near: set[int] = set()
        for w in s.words:
            if len(index[w]) <= common:
                near.update(index[w])
        out[id(s)] = [
            (_jaccard(s.words, sents[k].words), sents[k])
            for k in near
            if sents[k].article != s.article
        ]
    return out


def _echo(
    s: _Sentence, similar: Sequence[tuple[float, _Sentence]], roots: Mapping[ArticleId, ArticleId]
) -> float:
    """How many other sources have a sentence much like ``s`` (sum of best overlaps)."""
    mine = roots.get(s.article, s.article)
    best: dict[ArticleId, float] = {}
    for j, o in similar:
        r = roots.get(o.article, o.article)
        if r != mine and j > best.get(r, 0.0):
            best[r] = j
    return sum(v for v in best.values() if v >= 0.2)


def _echo_cites(s: _Sentence, similar: Sequence[tuple[float, _Sentence]]) -> list[Cite]:
    """The sentence's own span plus the closest sentence of each other article saying the same."""
    best: dict[ArticleId, tuple[float, _Sentence]] = {}
    for j, o in similar:
        if j >= 0.4 and j > best.get(o.article, (0.0, o))[0]:
            best[o.article] = (j, o)
    return [Cite(s.article, s.start, s.end)] + [
        Cite(o.article, o.start, o.end) for _, o in best.values()
    ]


def _conflict_sentence(conflict: Conflict) -> BriefSentence:
    sides = " versus ".join(f"“{s.claim}”" for s in conflict.sides)
    topic = conflict.topic.rstrip("?")
    yes_no = re.match(r"(?:Is|Are) (the .+?) (an? .+)$", topic)
    if yes_no:
        topic = f"whether {yes_no.group(1)} is {yes_no.group(2)}"
    elif re.match(r"(?:Who|What|Which|When|Where|How)\b", topic):
        topic = topic[0].lower() + topic[1:]  # a question word, not a name
    else:
        topic = f"the figure for {topic}"
    text = f"Sources disagree on {topic}: {sides}."
    cites = [c for s in conflict.sides for c in s.cites[:2]]
    return BriefSentence(text, cites)

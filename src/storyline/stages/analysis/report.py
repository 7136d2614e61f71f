"""Report: assemble the cited ``StoryReport`` of one story (SPEC.md's JSON contract).

Input: the ``Story``, its articles and their ``ArticleFacts``.
Output: ``StoryReport`` with merged entities, quotes, quantities, stances, a timeline in
date order (undated last), claims and conflicts from ``align``, the ``profile``, and a
brief of 5-10 sentences (``brief.build_brief``).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from storyline.models import (
    Article,
    ArticleFacts,
    ArticleId,
    Cite,
    Event,
    Quantity,
    Story,
    StoryReport,
)
from storyline.stages.analysis.align import align
from storyline.stages.analysis.brief import build_brief
from storyline.stages.analysis.outlets import compare_outlets
from storyline.stages.analysis.profile import build_profile
from storyline.stages.analysis.statements import Meaning
from storyline.stages.analysis.storylines import article_bounds
from storyline.stages.prepare.extract.dates import (
    resolve_yearless,
    sentence_tense,
    text_reference_date,
)
from storyline.text import normalize_text


def build_report(
    story: Story,
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    meaning: Meaning | None = None,
) -> StoryReport:
    """Build the full cited report of a story.

    Args:
        story: the story record (id, title, first/last seen, independent count).
        articles: the story's articles, any order; copies have ``duplicate_of`` set.
        facts: one ``ArticleFacts`` per article (matched by ``article_id``).
        meaning: the engine's sentence embedder, lent to ``align`` for facts told in other
            words; ``None``: by their words only.

    Returns:
        The ``StoryReport``; ``report.to_dict()`` is the JSON of SPEC.md.
    """
    arts = _ordered(articles)
    order = {a.id: i for i, a in enumerate(arts)}
    by_id = {f.article_id: f for f in facts}
    facts = [by_id[a.id] for a in arts if a.id in by_id]
    alignment = align(arts, facts, meaning)
    quantities = sorted(
        (q for f in facts for q in f.quantities),
        key=lambda q: (order[q.cite.article], q.cite.start),
    )
    timeline = with_updates(
        merge_timeline(story_events(arts, facts), order, alignment.roots), alignment.updates
    )
    return StoryReport(
        story=story,
        articles=arts,
        entities=alignment.entities,
        quotes=sorted(alignment.quotes, key=lambda q: (order[q.cite.article], q.cite.start)),
        quantities=_dedupe_quantities(quantities),
        timeline=timeline,
        stances=alignment.stances,
        claims=alignment.claims,
        conflicts=alignment.conflicts,
        profile=build_profile(story, alignment, arts),
        brief=build_brief(arts, alignment, timeline),
        outlets=compare_outlets(arts, alignment),
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


def _first_day(iso: str | None) -> date | None:
    """The first day an ISO date of any precision can mean ("2025-10" -> October 1)."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _written_day(article: Article) -> str | None:
    """The day an article was written: its published date, else its own date line."""
    if article.published:
        return article.published[:10]
    ref = text_reference_date(article.text)
    return ref.isoformat() if ref else None


def story_events(articles: Sequence[Article], facts: Sequence[ArticleFacts]) -> list[Event]:
    """The articles' events, a year-less date of an undated article resolved by its story.

    An article with no date of its own (no published date, no date line) and no full date
    of its own to take a year from leaves "Sept. 23" unresolved at extraction. Its bounds
    (``storylines.article_bounds``: its own absolute dates, else its story's dated
    articles, the rule ``Engine.date_bounds`` uses) then give the year, and the event is
    marked ``inferred``; in a past clause (``dates.sentence_tense``) a month after the
    bounds is the year before's ("memos dated between July 6 and December 14" in a May
    story). With no dated article in the story, only when every day from the
    first to the last date the article writes gives the same year (an obituary that runs
    from a birth in 1923 to a film in 2005 cannot say which December it means); and not
    when the article writes that month with another year ("in
    November 1973 … on Nov. 17": the story's year would contradict it). When no article
    of the story is dated, the latest full date its articles write is no basis: it is as
    often a release or trial date ahead, or a birth date, as the news's (tried on ECB+
    train: 4 years right, 7 wrong). Weekdays and "yesterday" are not resolved this way:
    they count from the day the article was written, which the bounds do not give.
    """
    days = {a.id: _written_day(a) for a in articles}
    # (published dates only: the date lines of a story that mixes a 2010 event with its 2012
    # trial widened its window so far that "February" took the trial's year; ECB+ train)
    dated = [a.published[:10] for a in articles if a.published]
    by_id = {f.article_id: f for f in facts}
    out: list[Event] = []
    for a in articles:
        f = by_id.get(a.id)
        if f is None:
            continue
        pending = [e for e in f.events if e.date is None and e.date_text]
        bounds = None
        if pending and days[a.id] is None:
            b = article_bounds(a, f, dated)
            hi = _ref_day(b.latest)
            # with dated neighbours, the article was written by the latest of them; with
            # none, only its own dates bound it, from the first to the last it writes
            lo = hi if dated else _first_day(b.earliest)
            bounds = (lo, hi) if lo and hi else None
        written = {d.date[:7] for d in f.dates if d.date and len(d.date) >= 7 and not d.inferred}
        for e in f.events:
            resolved = None
            if bounds and e in pending:
                # the year must be the same whenever in its bounds the article was written
                # a past clause's month after the story's days is last year's ("comes from
                # October: the president hoped …" in a May story)
                tense = "past" if sentence_tense(e.summary) == "past" else "unknown"
                early, late = (resolve_yearless(e.date_text, d, tense) for d in bounds)
                resolved = early if early == late else None
            if resolved and any(
                w[5:] == resolved[5:7] != "" and w != resolved[:7] for w in written
            ):
                resolved = None  # the article writes this month with another year
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

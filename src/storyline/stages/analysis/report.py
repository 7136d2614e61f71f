"""Report: assemble the cited ``StoryReport`` of one story (SPEC.md's JSON contract).

Input: the ``Story``, its articles and their ``ArticleFacts``.
Output: ``StoryReport`` with merged entities, quotes, quantities, stances, a timeline in
date order (undated last), claims and conflicts from ``align``, the ``profile``, and a
brief of 5-10 sentences (``brief.build_brief``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from rapidfuzz import fuzz

from storyline.lang.en import (
    COUNT_RANGE_JOINERS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    REFERRING_PRONOUNS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from storyline.models import (
    Article,
    ArticleFacts,
    ArticleId,
    Cite,
    Event,
    Profile,
    Quantity,
    Story,
    StoryReport,
)
from storyline.stages.analysis.align import Alignment, align
from storyline.stages.analysis.brief import (
    build_brief,
    disputed_at,
    stated_conflicts,
    unsourced_forecast,
)
from storyline.stages.analysis.outlets import compare_outlets
from storyline.stages.analysis.profile import CONTESTED, build_profile
from storyline.stages.analysis.statements import Meaning
from storyline.stages.analysis.storylines import article_bounds
from storyline.stages.prepare.extract.context import quote_spans
from storyline.stages.prepare.extract.dates import (
    bare_weekday,
    intends_ahead,
    resolve_relative,
    resolve_yearless,
    sentence_tense,
    text_reference_date,
)
from storyline.text import normalize_text


def _disputed_profile(profile: Profile, alignment: Alignment) -> Profile:
    """Mark "(contested)" a profile value that is one side of a toll or speaker conflict the
    brief may state (a toll another outlet says is none; words another outlet gives to
    someone else): the profile repeats the brief's facts and must not state as settled what
    outlets dispute. The other kinds' claims are marked by ``align`` itself; a span merely
    overlapping their sides may hold an agreed value ("23 Somali pirates": the count)."""
    stated = stated_conflicts(alignment, ("toll", "speaker"))
    for values in profile.fields.values():
        for v in values:
            if not v.value.endswith(CONTESTED) and disputed_at(v.cites, stated):
                v.value += CONTESTED
    return profile


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
    spans = statement_spans(alignment)
    timeline = with_updates(
        merge_timeline(story_events(arts, facts, spans), order, alignment.roots, spans),
        alignment.updates,
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
        profile=_disputed_profile(build_profile(story, alignment, arts), alignment),
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
# token-set similarity two clauses of one statement claim need to be told as one event
_ONE_FACT_SIMILARITY = 55
LEAD_CHARS = 600  # an article's lead: its first sentences
# An undated article that tells in its lead what dated articles of its story tell in theirs
# was written from the day they give that fact to this many days after the last of them
WRITTEN_AFTER_DAYS = 2
# a writing window longer than this pins no weekday to one day: nothing is tried
MAX_WINDOW_DAYS = 13
# token-set similarity of an undated lead sentence and a dated one naming the same day
# ("on Tuesday") for the two to tell one day's news (the claim join's is 55, a dated
# merge's 70; ECB+ train and siblings4: tellings of one fact scored 52-74, a later
# sibling's "will answer … on Tuesday" 56, left out by its tense)
_SAME_NEWS_SIMILARITY = 60
# how the basis of a date counted from that window begins
_COUNTED_FROM_WINDOW = "counted from the days it can have been written"


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


def story_events(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    statements: Mapping[ArticleId, Sequence[tuple[int, int, str]]] | None = None,
) -> list[Event]:
    """The articles' events, a year-less date of an undated article resolved by its story,
    and its weekdays and "last week" when its story pins the day it was written.

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
    train: 4 years right, 7 wrong).

    Weekdays, "yesterday", "last week", "two days ago" count from the day the article was
    written, which those bounds do not give. They are resolved (``resolve_relative``) only
    when the article's lead tells a fact its story's dated articles tell in theirs and
    give a day (one statement claim, ``statements`` from ``statement_spans``, or a
    sentence naming the same weekday in like words), its own sentence of it names that
    day in the window below, and the day it names is the
    same whenever in that window the article was written (``_writing_window``): from the
    day the dated articles give that fact, and its own latest full date, to
    ``WRITTEN_AFTER_DAYS`` after the last of them. A bare weekday needs a past clause;
    one in a quotation stays open (the speaker's day is not the writer's). An
    article that retells a dated article's fact only further down (a sibling event's
    background), or a fact the dated articles give no day, is not placed by them.
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
        bounds, rests_on = None, ""
        if pending and days[a.id] is None:
            b = article_bounds(a, f, dated)
            rests_on = b.basis
            hi = _ref_day(b.latest)
            # with dated neighbours, the article was written by the latest of them; with
            # none, only its own dates bound it, from the first to the last it writes
            lo = hi if dated else _first_day(b.earliest)
            bounds = (lo, hi) if lo and hi else None
        written = {d.date[:7] for d in f.dates if d.date and len(d.date) >= 7 and not d.inferred}
        window = None
        if days[a.id] is None and any(e.date is None and e.date_text for e in f.events):
            window = _writing_window(a, f, articles, by_id, statements or {})
        quotes = quote_spans(a.text) if window else []
        for e in f.events:
            resolved = None
            if bounds and e in pending:
                # the year must be the same whenever in its bounds the article was written
                # a past clause's month after the story's days is last year's ("comes from
                # October: the president hoped …" in a May story)
                # ("expects to vote in February" in an October story: next February)
                if intends_ahead(e.summary):
                    tense = "future"
                else:
                    tense = "past" if sentence_tense(e.summary) == "past" else "unknown"
                early, late = (resolve_yearless(e.date_text, d, tense) for d in bounds)
                resolved = early if early == late else None
            if resolved and any(
                w[5:] == resolved[5:7] != "" and w != resolved[:7] for w in written
            ):
                resolved = None  # the article writes this month with another year
            if resolved and bounds:
                basis = f"the year of its bounds: {rests_on}"
                e = replace(e, date=resolved, inferred=True, basis=basis)
            elif window and e.date is None and e.date_text and not _quoted(e, f, quotes):
                counted = _counted_from_window(e, window[0], window[1])
                if counted:
                    e = replace(e, date=counted, inferred=True, basis=window[2])
            out.append(e)
    return out


def _quoted(e: Event, f: ArticleFacts, quotes: Sequence[tuple[int, int]]) -> bool:
    """Does the date phrase of ``e`` stand inside a quotation (or cannot be found)?"""
    sent = e.cites[0] if e.cites else None
    for d in f.dates:
        if sent and d.date_text == e.date_text and sent.start <= d.cite.start < sent.end:
            return any(s <= d.cite.start and d.cite.end <= t for s, t in quotes)
    return True


def _counted_from_window(e: Event, lo: date, hi: date) -> str | None:
    """The date ``e``'s phrase names when it is the same for every day of writing from
    ``lo`` to ``hi``; None when any two differ or the phrase is not counted from the
    writing. A bare weekday is tried in a past clause only: "the counting starts on
    Monday" can mean the one before or the one after, and a future marker anywhere in the
    clause is no sign of its tense ("flew out on Friday evening for what is to be a
    two-week tour" is last Friday; a pattern seen in ECB+ train)."""
    tense = sentence_tense(e.summary)
    if tense != "past" and bare_weekday(e.date_text):
        return None
    if re.search(rf"\b(?:{'|'.join(COUNT_RANGE_JOINERS)})\s+{re.escape(e.date_text)}", e.summary):
        return None  # "five or six years ago": one end of a range
    seen: set[str | None] = set()
    day = lo
    while day <= hi and len(seen) < 2:
        seen.add(resolve_relative(e.date_text, day, tense))
        day += timedelta(days=1)
    return next(iter(seen)) if len(seen) == 1 else None


def _writing_window(
    article: Article,
    f: ArticleFacts,
    articles: Sequence[Article],
    by_id: Mapping[ArticleId, ArticleFacts],
    statements: Mapping[ArticleId, Sequence[tuple[int, int, str]]],
) -> tuple[date, date, str] | None:
    """The days an undated article may have been written, with what that rests on, or None.

    Its lead must tell a fact the lead of a dated article of the story gives a day (a
    day-precision event, not after that article's publication): a statement claim of
    both (``statements``), or a sentence of the same named day ("on Tuesday" and "on
    Tuesday") in words alike (``_SAME_NEWS_SIMILARITY``). It was written no earlier than
    that day and the latest full date it writes itself, no later than
    ``WRITTEN_AFTER_DAYS`` after the last such dated article (None past
    ``MAX_WINDOW_DAYS``). Its own sentence of that fact must then date it to that day
    (or a month holding it) by a phrase that names one date in the window, or by a
    written date: a claim shared by two facts of one sentence (a jury "convicted" a man,
    and later "ordered execution for a man convicted") places nothing, nor does "today",
    which names every day of the window.
    """
    # the article's own lead events telling each statement claim of its lead
    mine: dict[str, list[Event]] = {}
    for s, t, cid in statements.get(article.id, ()):
        if s < LEAD_CHARS:
            mine.setdefault(cid, []).extend(
                e for e in f.events if any(c.start < t and s < c.end for c in e.cites)
            )
    leads = [
        e
        for e in f.events
        if e.date is None and e.cites and e.cites[0].start < LEAD_CHARS and _named_days(e.date_text)
    ]
    pubs: list[date] = []
    # (an event of the article's lead, the days dated articles give its fact)
    told: list[tuple[Event, str]] = []
    for d in articles:
        if not d.published or d.id == article.id or d.id not in by_id:
            continue
        try:
            pub = date.fromisoformat(d.published[:10])
        except ValueError:
            continue
        spans = [(s, t, c) for s, t, c in statements.get(d.id, ()) if c in mine and s < LEAD_CHARS]
        found = False
        for ev in by_id[d.id].events:
            if not ev.date or len(ev.date) != 10 or ev.date > pub.isoformat() or not ev.cites:
                continue
            for s, t, cid in spans:
                if any(c.start < t and s < c.end for c in ev.cites):
                    told.extend((e, ev.date) for e in mine[cid])
                    found = True
            if ev.cites[0].start >= LEAD_CHARS or not _named_days(ev.date_text):
                continue
            for e in leads:
                if _named_days(e.date_text) == _named_days(ev.date_text) and (
                    fuzz.token_set_ratio(normalize_text(e.summary), normalize_text(ev.summary))
                    >= _SAME_NEWS_SIMILARITY
                ):
                    told.append((e, ev.date))
                    found = True
        if found:
            pubs.append(pub)
    if not told:
        # no day for the shared fact: a dated article's lead that only retells it (a
        # recount ordered, then certified weeks later) cannot place the article
        return None
    hi = max(pubs) + timedelta(days=WRITTEN_AFTER_DAYS)
    own = [
        date.fromisoformat(m.date)
        for m in f.dates
        if m.date and len(m.date) == 10 and not m.relative and m.date <= hi.isoformat()
    ]
    day = max(given for _, given in told)
    lo = max([date.fromisoformat(day), *own])
    if (hi - lo).days > MAX_WINDOW_DAYS:
        return None
    quotes = quote_spans(article.text)
    confirmed = None
    for e, given in told:
        named = e.date if e.date and e.date_text else None
        if named is None and e.date_text and not _quoted(e, f, quotes):
            named = _counted_from_window(e, lo, hi)
        if named and (given == named or given.startswith(named + "-")):
            confirmed = (e.date_text, given)
    if confirmed is None:
        return None
    n = len(pubs)
    runs = f"{min(pubs)}" if n == 1 else f"{min(pubs)} … {max(pubs)}"
    basis = (
        f"{_COUNTED_FROM_WINDOW}, {lo} … {hi}, which give this one"
        f" date: its lead tells as “{confirmed[0]}” what {n} dated article{'s' if n > 1 else ''}"
        f" of its story ({runs}) date{'' if n > 1 else 's'} {confirmed[1]}"
        + (f"; its text mentions {max(own)}" if own and max(own) >= lo else "")
    )
    return lo, hi, basis


def statement_spans(alignment: Alignment) -> dict[ArticleId, list[tuple[int, int, str]]]:
    """By article, the spans of the statement claims that 2+ independent sources tell:
    ``(start, end, claim id)``. One fact told in other words by several outlets is one
    statement claim (``align``), so the events those sentences date are one event."""
    out: dict[ArticleId, list[tuple[int, int, str]]] = {}
    for claim in alignment.claims:
        info = alignment.info.get(claim.id)
        if info is None or info.kind != "statement" or claim.independent_sources < 2:
            continue
        for c in claim.cites:
            out.setdefault(c.article, []).append((c.start, c.end, claim.id))
    return out


def _named_days(text: str) -> frozenset[str]:
    """The weekday and month names and the numbers of a date phrase, normalised:
    "Dec. 9" and "December 9" give the same set, "last Saturday" and "Saturday" too."""
    out: set[str] = set()
    for word in re.findall(r"[a-z]+|\d+", text.lower()):
        if word.isdigit():
            out.add(str(int(word)))
        elif word in WEEKDAYS or word in WEEKDAY_ABBREVIATIONS:
            out.add(word[:3])
        elif word in MONTHS or word in MONTH_ABBREVIATIONS:
            out.add(f"m{MONTHS.get(word) or MONTH_ABBREVIATIONS[word]}")
    return frozenset(out)


def _days_agree(a: Event, b: Event) -> bool:
    """Can the two date phrases name one day? Different weekdays, months or numbers
    ("Tuesday" and "Wednesday", "Dec. 9" and "Dec. 10") cannot; "today" and "Wednesday"
    can. When one is resolved, the other's weekday, month and day must fit its date."""
    for dated, other in ((a, b), (b, a)):
        if dated.date and not other.date:
            if len(dated.date) < 10:
                return not _named_days(other.date_text or "")
            day = date.fromisoformat(dated.date)
            fits = {WEEKDAYS[day.weekday()][:3], f"m{day.month}", str(day.day), str(day.year)}
            return _named_days(other.date_text or "") <= fits
    da, db = _named_days(a.date_text or ""), _named_days(b.date_text or "")
    return not (da and db and da != db)


def merge_timeline(
    events: Sequence[Event],
    order: Mapping[ArticleId, int],
    roots: Mapping[ArticleId, ArticleId] | None = None,
    statements: Mapping[ArticleId, Sequence[tuple[int, int, str]]] | None = None,
) -> list[Event]:
    """Merge the same event told by several articles; sort by date, undated last; flag the
    key events.

    Two events are the same when they carry the same date and similar summaries (or
    share an actor and a looser similarity); undated events merge only when their
    date phrases can name one day (``_days_agree``) and their summaries are nearly
    identical, or their sentences tell one statement claim of several outlets
    (``statements``, from ``statement_spans``) in shared words: "Microsoft released the
    patch on Wednesday" and "… released the fix today". An undated event told as a dated
    one's claim joins it, so an undated article's report of the day's news is dated by its
    story; so does one whose inferred month or year holds that day (``_contains``: "this
    week" counted to a month), or whose day was counted from its story (``_counted``). A
    merged event's
    date is ``inferred`` only when every article's is. The key events (``key``) are told
    near a lead by the most independent sources (``roots``: copies count once), dated to
    the day when any such event is; see ``_flag_key``. Key events come first among the
    events of their day, and first among the undated.
    """
    roots = roots or {}
    statements = statements or {}

    def claims_of(e: Event) -> set[str]:
        # the claim must tell the event's sentence, not a clause beside it: the two spans
        # overlap by at least half of each
        return {
            cid
            for c in e.cites
            for s, t, cid in statements.get(c.article, ())
            if 2 * (min(t, c.end) - max(s, c.start)) >= max(t - s, c.end - c.start)
        }

    merged: list[Event] = []
    # the claims of each merged event's first telling: a telling joins by a claim of the
    # first, so one event cannot chain through its tellings' other claims
    seeds: dict[int, set[str]] = {}
    for ev in sorted(
        events,
        key=lambda e: (
            min((order.get(c.article, 0), c.start) for c in e.cites) if e.cites else (0, 0)
        ),
    ):
        told = claims_of(ev)
        for m in merged:
            # one fact of several outlets, at least one telling undated
            by_claim = (
                (
                    m.date is None
                    or ev.date is None
                    or (m.date == ev.date and (_counted(m) or _counted(ev)))
                    or _contains(m, ev)
                    or _contains(ev, m)
                )
                and bool(told & seeds[id(m)])
                and _days_agree(m, ev)
            )
            if m.date != ev.date and not by_claim:
                continue  # (before the similarity: most pairs fall here)
            sim = fuzz.token_set_ratio(normalize_text(m.summary), normalize_text(ev.summary))
            # a claim sentence can state two facts ("the church burned, and the governor
            # apologised"), so the two clauses must also share words (ECB+ train: below 55,
            # half such joins were two events; above, nearly all one)
            one_fact = by_claim and sim >= _ONE_FACT_SIMILARITY
            if m.date != ev.date and not one_fact:
                continue
            shared = bool(set(m.actors) & set(ev.actors))
            if (
                (ev.date and (sim >= 70 or (shared and sim >= 50)))
                or (sim >= 90 and (ev.date is not None or _days_agree(m, ev)))
                or one_fact
            ):
                if m.date is None or _contains(m, ev):  # the dated telling dates it
                    m.date, m.inferred, m.basis = ev.date, ev.inferred, ev.basis
                m.actors = list(dict.fromkeys([*m.actors, *ev.actors]))
                m.cites = list(dict.fromkeys([*m.cites, *ev.cites]))
                if ev.date is not None:  # an undated telling leaves the date as it rests
                    m.inferred = m.inferred and ev.inferred
                    m.basis = m.basis if m.inferred else None
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
                    basis=ev.basis,
                )
            )
            seeds[id(merged[-1])] = told
    _flag_key(merged, order, roots)
    dated = sorted((e for e in merged if e.date), key=lambda e: (e.date or "", not e.key))
    undated = [e for e in merged if not e.date]
    return dated + [e for e in undated if e.key] + [e for e in undated if not e.key]


def _counted(e: Event) -> bool:
    """Was ``e``'s date counted from its story's window (``_writing_window``)? Such a
    telling joins a telling of its claim on the same day as an undated one would."""
    return bool(e.basis and e.basis.startswith(_COUNTED_FROM_WINDOW))


def _contains(coarse: Event, fine: Event) -> bool:
    """Is ``coarse``'s date a month or year counted from its story's window that holds
    ``fine``'s ("this week" counted to 2027-01 and a telling of 2027-01-20)? Such a telling
    of one statement claim joins the finer one as an undated one would, and takes its
    date. (Any inferred month was tried: "last week" of a dated article, 2011-10, then
    joined the article's own day by a claim; ECB+ train.)"""
    c, f = coarse.date, fine.date
    return bool(c and f and _counted(coarse) and len(c) < len(f) and f.startswith(c + "-"))


def _flag_key(
    events: list[Event], order: Mapping[ArticleId, int], roots: Mapping[ArticleId, ArticleId]
) -> None:
    """Flag the story's main events: dated to the day, told near an article's lead, and by
    the most independent sources (the first such lead when none is told twice); a clause
    that does not stand alone (``_stands_alone``: "That's …", a forecast) is none.

    A year or a month alone mostly dates background ("coach of the year in 1987"), and a
    background fact repeated by every outlet is not the news: the lead is where it is.
    When no lead event is dated to the day (a story of undated articles), the undated lead
    events compete instead, by the same rule: the news of the day its articles tell, with
    its date left open.
    """

    def sources(cites: Sequence[Cite]) -> int:
        return len({roots.get(c.article, c.article) for c in cites})

    def first_seen(e: Event) -> tuple[int, int]:
        return min((order.get(c.article, 0), c.start) for c in e.cites)

    def in_lead(e: Event) -> bool:
        return any(c.start < LEAD_CHARS for c in e.cites) and _stands_alone(e.summary)

    pool = [e for e in events if e.date and len(e.date) == 10 and in_lead(e)]
    if not pool:
        pool = [e for e in events if not e.date and in_lead(e)]
    if not pool:
        return

    def rank(e: Event) -> tuple[int, int]:
        return sources(e.cites), sources([c for c in e.cites if c.start < LEAD_CHARS])

    top = max(rank(e) for e in pool)
    best = sorted((e for e in pool if rank(e) == top), key=first_seen)
    for e in best[: MAX_KEY_EVENTS if top[0] >= 2 else 1]:
        e.key = True


def _stands_alone(summary: str) -> bool:
    """Whether an event's clause may head the timeline as one of the story's main events: it
    does not open with a pronoun pointing at a sentence before it ("That holds now just as
    …", "He was arrested …": who, what?) and is no forecast in the writer's own voice ("the
    council is on the brink of …", "Roe may run": not what happened)."""
    words = summary.split()
    first = re.split(r"['’]", words[0].lower().strip("“\"'‘,"))[0] if words else ""
    return bool(words) and first not in REFERRING_PRONOUNS and not unsourced_forecast(summary)


def with_updates(timeline: list[Event], updates: Sequence[Event]) -> list[Event]:
    """The timeline with ``align``'s updates (figures that moved between reports) in date
    order among the dated items; undated ones go last."""
    items = [*timeline, *updates]
    dated = sorted((e for e in items if e.date), key=lambda e: e.date or "")
    return dated + [e for e in items if not e.date]

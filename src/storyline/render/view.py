"""The view model: one typed, read-only picture of a ``StoryReport`` that every presentation
draws — the Markdown report, the standalone HTML report and the web story page.

``story_view(report)`` builds a ``StoryView`` from the typed report alone. Two numbering
schemes coexist because the presentations differ on purpose:

- the standalone reports (Markdown, HTML) label articles ``A1..An`` in report order and
  cite with ``Cites`` (anchors into the article texts printed below the report);
- the web story page numbers articles ``1..n`` by publication date and cites with
  ``CiteView`` links that open the article page at the span.

Everything here is plain data: the templates escape every string (autoescape), so no
function in this module builds markup from article text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    ArticleId,
    BriefSentence,
    Cite,
    Claim,
    Conflict,
    EntityId,
    Profile,
    Quantity,
    Story,
    StoryReport,
)
from storyline.render.chart import Chart, PageChart, page_chart, timeline_chart
from storyline.render.coverage import Coverage, coverage
from storyline.render.labels import article_label, excerpt, humanize
from storyline.text import normalize_text

# -- the standalone reports: A1..An in report order ------------------------------------------


def cite_key(c: Cite) -> str:
    """The HTML anchor of a cite: unique per (article, start, end)."""
    return f"c-{c.article}-{c.start}-{c.end}"


@dataclass(frozen=True, slots=True)
class CiteRef:
    key: str
    label: str  # "A2" = second article of the report
    excerpt: str


class Cites:
    """Numbers articles A1..An and turns cites into short labels and excerpts."""

    def __init__(self, report: StoryReport) -> None:
        self.report = report
        self.number = {a.id: i + 1 for i, a in enumerate(report.articles)}
        self.text = {a.id: a.text for a in report.articles}

    def ref(self, c: Cite) -> CiteRef:
        return CiteRef(cite_key(c), f"A{self.number.get(c.article, '?')}", self.excerpt(c))

    def refs(self, cites: list[Cite]) -> list[CiteRef]:
        return [self.ref(c) for c in cites]

    def chips(self, cites: list[Cite]) -> list[CiteRef]:
        """One link per article (to its first cite); the tooltip shows each cited excerpt."""
        first: dict[str, list[Cite]] = {}
        for c in cites:
            first.setdefault(c.article, []).append(c)
        out: list[CiteRef] = []
        for group in first.values():
            ref = self.ref(group[0])
            if len(group) > 1:
                ref = CiteRef(
                    ref.key,
                    f"{ref.label}×{len(group)}",
                    "\n".join(f"“{self.excerpt(c, 140)}”" for c in group[:6]),
                )
            out.append(ref)
        return sorted(
            out, key=lambda r: int(r.label[1:].split("×")[0]) if r.label[1:2].isdigit() else 0
        )

    def excerpt(self, c: Cite, limit: int = 220) -> str:
        """The cited words, shortened in the middle when long."""
        text = " ".join(self.text.get(c.article, "")[c.start : c.end].split())
        if len(text) <= limit:
            return text
        half = limit // 2 - 2
        return f"{text[:half]} … {text[-half:]}"

    def label(self, article: Article) -> str:
        return article_label(article)


def used_cites(report: StoryReport) -> dict[ArticleId, list[Cite]]:
    """Every cite the report's sections use (not entity mentions), per article."""
    out: dict[ArticleId, set[Cite]] = defaultdict(set)

    def add(cs: list[Cite]) -> None:
        for c in cs:
            out[c.article].add(c)

    add([q.cite for q in report.quotes])
    add([q.cite for q in report.quantities])
    for e in report.timeline:
        add(e.cites)
    for st in report.stances:
        add(st.cites)
    for cl in report.claims:
        add(cl.cites)
    for cf in report.conflicts:
        for side in cf.sides:
            add(side.cites)
    for vals in report.profile.fields.values():
        for v in vals:
            add(v.cites)
    for b in report.brief:
        add(b.cites)
    for group in report.outlets.labels:
        for use in group.uses:
            add(use.cites)
    return {a: sorted(cs, key=lambda c: (c.start, -c.end)) for a, cs in out.items()}


def polarity_label(polarity: str) -> str:
    """What a reader sees next to a quote or stance its speaker does not assert ("denied",
    "questioned", "conditional", "hypothetical"); nothing for an asserted one."""
    return "" if polarity == "asserted" else polarity


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One quote as said, with every article that carries it (a copy repeats quotes)."""

    text: str
    kind: str
    cites: list[Cite]
    polarity: str = "asserted"

    @property
    def label(self) -> str:
        return polarity_label(self.polarity)


def quotes_by_speaker(report: StoryReport) -> list[tuple[str, list[QuoteGroup]]]:
    """Quotes grouped by speaker (entity when known), biggest group first, unknown last;
    the same words quoted by several articles are one entry citing each."""
    names = {e.id: e.name for e in report.entities}
    groups: dict[str, dict[str, QuoteGroup]] = defaultdict(dict)
    for q in report.quotes:
        who = names.get(q.speaker_entity or "") or q.speaker or "Unattributed"
        if (
            q.speaker_role
            and not q.speaker_entity
            and who != "Unattributed"
            and q.speaker_role not in who
        ):
            who = f"{who} ({q.speaker_role})"
        key = normalize_text(q.text).strip(" ,.")
        group = groups[who].setdefault(key, QuoteGroup(q.text, q.kind, [], q.polarity))
        group.cites.append(q.cite)
    items = [(who, list(g.values())) for who, g in groups.items()]
    return sorted(items, key=lambda kv: (kv[0] == "Unattributed", -len(kv[1]), kv[0]))


def number_claims(report: StoryReport) -> list[Claim]:
    """Claims made of numbers: every cite of the claim is a quantity's cite."""
    qcites = {q.cite for q in report.quantities}
    return [c for c in report.claims if c.cites and all(x in qcites for x in c.cites)]


# -- the web story page: 1..n by publication date, cites as links -----------------------------


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article of a story, numbered by publication date for compact cite labels."""

    id: ArticleId
    n: int
    title: str
    outlet: str | None
    published: str | None
    duplicate_of: ArticleId | None
    source: str

    @property
    def label(self) -> str:
        return self.outlet or f"Article {self.n}"

    @property
    def tip(self) -> str:
        bits = [self.outlet or "unknown outlet", (self.published or "undated")[:10], self.title]
        return " · ".join(b for b in bits if b)


def number_articles(articles: Sequence[Article]) -> dict[ArticleId, ArticleRef]:
    """Number a report's articles 1..n by publication date (undated last, then report order)."""
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published is None, articles[i].published or "", i),
    )
    out: dict[ArticleId, ArticleRef] = {}
    for n, i in enumerate(order, start=1):
        a = articles[i]
        out[a.id] = ArticleRef(
            id=a.id, n=n, title=a.title or "", outlet=a.outlet, published=a.published,
            duplicate_of=a.duplicate_of, source=a.url or a.source or "",
        )  # fmt: skip
    return out


@dataclass(frozen=True, slots=True)
class CiteView:
    """One cite as drawn: a numbered link that opens the article at the span."""

    article: ArticleId
    start: int
    end: int
    n: int
    label: str
    tip: str
    before: str = ""
    hit: str = ""
    after: str = ""
    text: str = ""  # the link text: "3", or "3b" for a second passage of article 3

    @property
    def href(self) -> str:
        return f"/articles/{self.article}?start={self.start}&end={self.end}#hl"


_LETTERS = "bcdefghijklmnopqrstuvwxyz"


class Citer:
    """Makes ``CiteView``s for one report (knows article numbers and texts)."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.refs = number_articles(articles)
        self.texts = {a.id: a.text or "" for a in articles}

    def __call__(self, cites: Iterable[Cite], *, excerpts: bool = False) -> list[CiteView]:
        found: list[tuple[ArticleRef, Cite]] = []
        seen: set[tuple[str, int, int]] = set()
        for c in cites:
            key = (c.article, int(c.start), int(c.end))
            ref = self.refs.get(key[0])
            if ref is None or key in seen:
                continue
            seen.add(key)
            found.append((ref, c))
        found.sort(key=lambda rc: (rc[0].n, int(rc[1].start)))
        out: list[CiteView] = []
        for i, (ref, c) in enumerate(found):
            k = sum(1 for r, _ in found[:i] if r.n == ref.n)
            before = hit = after = ""
            if excerpts:
                before, hit, after = excerpt(self.texts.get(c.article, ""), c.start, c.end)
            out.append(CiteView(
                c.article, int(c.start), int(c.end), ref.n, ref.label, ref.tip, before, hit,
                after, f"{ref.n}{_LETTERS[k - 1] if 0 < k < 26 else ''}",
            ))  # fmt: skip
        return out

    def articles(self, cites: Iterable[Cite]) -> set[ArticleId]:
        return {c.article for c in cites if c.article in self.refs}


@dataclass(frozen=True, slots=True)
class BriefView:
    text: str
    cites: list[CiteView]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    n: int  # as numbered on the chart
    date: str | None
    date_text: str
    summary: str
    cites: list[CiteView]
    actors: list[tuple[EntityId, str]]  # (id, name)
    key: bool = False  # one of the story's main events
    inferred: bool = False  # the date is not all written in the text
    basis: str | None = None  # what an inferred date rests on

    @property
    def marks(self) -> str:
        """ "key event", "date inferred", both or nothing: shown next to the entry."""
        return " · ".join(m for m, on in (("key event", self.key), ("date inferred",
                                                                    self.inferred)) if on)  # fmt: skip


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str
    kind: str
    cites: list[CiteView]
    polarity: str = "asserted"

    @property
    def label(self) -> str:
        return polarity_label(self.polarity)


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """Everything one speaker is quoted saying; direct quotes first."""

    speaker: str
    entity: EntityId | None
    role: str | None  # the role most often given
    quotes: list[QuoteView]


def speaker_groups(report: StoryReport, citer: Citer) -> list[SpeakerQuotes]:
    """Group quotes by speaker (canonical entity when known), most quoted first."""
    names = {e.id: e.name for e in report.entities}
    order = {"direct": 0, "partial": 1}
    groups: dict[str, tuple[str, EntityId | None, dict[str, int], list[QuoteView]]] = {}
    for q in report.quotes:
        eid = q.speaker_entity
        speaker = (names.get(eid) if eid else None) or q.speaker or "Unattributed"
        key = eid or speaker.casefold()
        g = groups.setdefault(key, (speaker, eid, {}, []))
        if q.speaker_role:
            g[2][q.speaker_role] = g[2].get(q.speaker_role, 0) + 1
        g[3].append(QuoteView(q.text, q.kind, citer([q.cite]), q.polarity))
    out = []
    for speaker, eid, roles, quotes in groups.values():
        role = max(roles, key=lambda r: roles[r]) if roles else None
        quotes.sort(key=lambda q: order.get(q.kind or "", 2))
        out.append(SpeakerQuotes(speaker, eid, role, quotes))
    out.sort(key=lambda g: (g.speaker == "Unattributed", -len(g.quotes), g.speaker))
    return out


def _num(v: float | None) -> str:
    if v is None:
        return ""
    f = float(v)
    return f"{int(f):,}" if f == int(f) else f"{f:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class NumberVariant:
    """One wording of a figure, with its reading (hedge, value or range) and cites."""

    text: str
    hedge: str
    value: str
    low: str
    high: str
    cites: list[CiteView]


@dataclass(frozen=True, slots=True)
class NumberGroup:
    subject: str | None
    measure: str | None
    variants: list[NumberVariant]
    n_articles: int
    differs: bool  # the variants disagree on value or hedge


def number_groups(quantities: Sequence[Quantity], citer: Citer) -> list[NumberGroup]:
    """Quantities grouped by subject and measure, each distinct wording as one variant.

    A group whose variants disagree on value or hedge is flagged ``differs``.
    """
    groups: dict[tuple[str, str], tuple[Quantity, dict[str, tuple[Quantity, list[Cite]]]]] = {}
    for q in quantities:
        key = ((q.subject or "").casefold(), (q.measure or "").casefold())
        _, variants = groups.setdefault(key, (q, {}))
        vkey = " ".join((q.text or "").casefold().split())
        variants.setdefault(vkey, (q, []))[1].append(q.cite)
    out = []
    for first, variants in groups.values():
        known = bool(first.subject)
        cites = [c for _, cs in variants.values() for c in cs]
        sigs = {(v.value, v.low, v.high, v.hedge) for v, _ in variants.values()}
        out.append(NumberGroup(
            subject=first.subject, measure=first.measure,
            variants=[NumberVariant(v.text or "", v.hedge or "exact", _num(v.value), _num(v.low),
                                    _num(v.high), citer(cs)) for v, cs in variants.values()],
            n_articles=len(citer.articles(cites)),
            # Without a subject, two figures in one measure may be about different things.
            differs=known and len(sigs) > 1,
        ))  # fmt: skip
    out.sort(key=lambda g: (not g.subject, -g.n_articles, -len(g.variants), g.subject or ""))
    return out


@dataclass(frozen=True, slots=True)
class MatrixRow:
    label: str
    value: str
    cells: dict[ArticleId, Cite]  # article id -> the first cite (or mention) in it
    n: int  # independent sources (claims) or articles (actors)


@dataclass(frozen=True, slots=True)
class Matrix:
    """Which article carries which claim (or, with no claims, names which actor)."""

    kind: str  # "claims" | "actors"
    cols: list[ArticleRef]
    rows: list[MatrixRow]


def coverage_matrix(
    report: StoryReport, refs: dict[ArticleId, ArticleRef], limit: int = 40
) -> Matrix:
    """Which article carries which claim (or, with no claims, names which actor)."""
    cols = sorted(refs.values(), key=lambda r: r.n)
    rows: list[MatrixRow] = []
    claims = sorted(report.claims, key=lambda c: -int(c.independent_sources or 0))
    for c in claims[:limit]:
        by_art: dict[ArticleId, Cite] = {}
        for cite in c.cites:
            by_art.setdefault(cite.article, cite)
        label = " · ".join(str(x) for x in (c.subject, c.slot) if x)
        rows.append(MatrixRow(label, c.value or "", by_art, int(c.independent_sources or 0)))
    kind = "claims"
    if not rows:
        kind = "actors"
        ents = sorted(report.entities, key=lambda e: -len({m.article for m in e.mentions}))
        for e in ents[:limit]:
            if str(e.id).startswith("anon:"):
                continue
            by_art = {}
            for m in e.mentions:
                by_art.setdefault(m.article, m)
            rows.append(MatrixRow(e.name, e.type or "", by_art, len(by_art)))
    return Matrix(kind, cols, rows)


@dataclass(frozen=True, slots=True)
class ClaimView:
    subject: str
    slot: str
    value: str
    variants: list[str]
    independent_sources: int
    cites: list[CiteView]


@dataclass(frozen=True, slots=True)
class SideView:
    claim: str
    cites: list[CiteView]  # with excerpts


@dataclass(frozen=True, slots=True)
class ConflictView:
    topic: str
    sides: list[SideView]


@dataclass(frozen=True, slots=True)
class StanceView:
    actor: str
    stance: str
    target: str
    condition: str | None
    cites: list[CiteView]
    polarity: str = "asserted"
    # under the confidence threshold (a quotation's claim about someone else, a weak actor):
    # listed, but marked so the list never asserts it as the actor's own stance
    uncertain: bool = False

    @property
    def label(self) -> str:
        pol = polarity_label(self.polarity)
        if self.uncertain:
            return f"{pol}, uncertain" if pol else "uncertain"
        return pol


@dataclass(frozen=True, slots=True)
class ValueView:
    value: str
    cites: list[CiteView]


@dataclass(frozen=True, slots=True)
class ActorView:
    id: EntityId
    name: str
    type: str
    n: int  # articles naming the actor


@dataclass(frozen=True, slots=True)
class OutletView:
    """One outlet in the outlet comparison: how many claims it reports, and the claims two
    or more independent sources report that it leaves out."""

    outlet: str
    reports: int
    omits: list[Claim]


@dataclass(frozen=True, slots=True)
class LabelUseView:
    outlet: str
    word: str
    cites: list[Cite]  # the standalone reports' cites
    links: list[CiteView]  # the web page's


@dataclass(frozen=True, slots=True)
class LabelsView:
    """Different words outlets use for the same thing, side by side."""

    words: list[str]
    uses: list[LabelUseView]


def outlet_views(report: StoryReport) -> list[OutletView]:
    """The outlets of the comparison, with the claims each leaves out (most sources first)."""
    by_id = {c.id: c for c in report.claims}
    return [
        OutletView(
            o.outlet,
            len(o.reports),
            sorted((by_id[i] for i in o.omits if i in by_id), key=lambda c: -c.independent_sources),
        )
        for o in report.outlets.outlets
    ]


def label_views(report: StoryReport, citer: Citer) -> list[LabelsView]:
    return [
        LabelsView(
            list(g.words), [LabelUseView(u.outlet, u.word, u.cites, citer(u.cites)) for u in g.uses]
        )
        for g in report.outlets.labels
    ]


# -- the whole story --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything the presentations show of one report (see the module docstring)."""

    report: StoryReport
    story: Story
    profile: Profile
    names: dict[EntityId, str]  # entity id -> name
    # standalone reports (Markdown, HTML)
    cites: Cites
    chart: Chart | None
    speakers: list[tuple[str, list[QuoteGroup]]]
    number_claims: list[Claim]
    coverage: Coverage
    exclusive: frozenset[str]  # ids of claims only one outlet reports
    contested: frozenset[str]  # ids of claims that are a side of a conflict
    used: dict[ArticleId, list[Cite]]
    # web story page
    refs: dict[ArticleId, ArticleRef]
    articles: list[ArticleRef]  # by number
    outlets: list[str]  # in article-number order, each once
    brief: list[BriefView]
    timeline: list[TimelineEntry]
    page_chart: PageChart | None
    quotes: list[SpeakerQuotes]
    numbers: list[NumberGroup]
    claims: list[ClaimView]  # most independent sources first
    conflicts: list[ConflictView]  # at or above CONFIDENCE_THRESHOLD
    uncertain_conflicts: list[ConflictView]  # below it: possible disagreements only
    stances: list[StanceView]
    profile_fields: list[tuple[str, list[ValueView]]]  # (humanized name, values)
    actors: list[ActorView]  # most named first, at most 24
    matrix: Matrix
    # the outlet comparison (both presentations)
    outlet_facts: list[OutletView]
    labels: list[LabelsView]


def conflict_heading(conflict: Conflict, brief: Sequence[BriefSentence]) -> str:
    """A conflict's heading in plain words: what the brief says outlets differ on ("The
    length of the fall") when the brief states it, else its topic without a slot key
    ("people injured: people" -> "people injured")."""
    cites = {(c.article, c.start, c.end) for sd in conflict.sides for c in sd.cites}
    for b in brief:
        said = {(c.article, c.start, c.end) for c in b.cites}
        if b.text.startswith("Outlets differ on ") and ": " in b.text and said <= cites:
            on = b.text.removeprefix("Outlets differ on ").split(": ", 1)[0]
            return on[:1].upper() + on[1:]
    topic = conflict.topic or ""
    head, sep, slot = topic.rpartition(": ")
    if sep and head and " " not in slot.strip():
        # a figure's topic, "subject: measure": the measure once
        return head if slot in head.split() or head.endswith(slot) else f"{head} ({slot})"
    return topic


def story_view(report: StoryReport) -> StoryView:
    """The view model of one report: built from the typed report alone."""
    names = {e.id: e.name for e in report.entities}
    cov = coverage(report)
    # the page states only conflicts at or above the documented threshold (docs/report.md);
    # the others are listed apart as possible disagreements, never as contradictions
    shown = [c for c in report.conflicts if (c.confidence or 0.0) >= CONFIDENCE_THRESHOLD]
    doubtful = [c for c in report.conflicts if (c.confidence or 0.0) < CONFIDENCE_THRESHOLD]
    sides = {tuple(side.cites) for cf in shown for side in cf.sides}
    citer = Citer(report.articles)
    refs = citer.refs
    articles = sorted(refs.values(), key=lambda r: r.n)
    outlets: list[str] = []
    for r in articles:
        if r.outlet and r.outlet not in outlets:
            outlets.append(r.outlet)
    n_named = {e.id: len({m.article for m in e.mentions}) for e in report.entities}
    actors = [
        ActorView(e.id, e.name, e.type or "", n_named[e.id])
        for e in sorted(report.entities, key=lambda e: (-n_named[e.id], e.name))
        if not str(e.id).startswith("anon:")
    ][:24]
    return StoryView(
        report=report, story=report.story, profile=report.profile, names=names,
        cites=Cites(report), chart=timeline_chart(report.timeline),
        speakers=quotes_by_speaker(report), number_claims=number_claims(report), coverage=cov,
        exclusive=frozenset(c.id for claims in cov.exclusive.values() for c in claims),
        contested=frozenset(c.id for c in report.claims if tuple(c.cites) in sides),
        used=used_cites(report),
        refs=refs, articles=articles, outlets=outlets,
        brief=[BriefView(b.text or "", citer(b.cites)) for b in report.brief],
        timeline=[
            TimelineEntry(i + 1, e.date, e.date_text or "", e.summary or "", citer(e.cites),
                          [(a, names.get(a, a)) for a in e.actors], e.key, e.inferred, e.basis)
            for i, e in enumerate(report.timeline)
        ],
        page_chart=page_chart(report.timeline, refs),
        quotes=speaker_groups(report, citer),
        numbers=number_groups(report.quantities, citer),
        claims=[
            ClaimView(c.subject, c.slot, c.value, c.variants, c.independent_sources, citer(c.cites))
            for c in sorted(report.claims, key=lambda c: -int(c.independent_sources or 0))
        ],
        conflicts=[
            ConflictView(conflict_heading(c, report.brief),
                         [SideView(s.claim or "", citer(s.cites, excerpts=True))
                                         for s in c.sides])
            for c in shown
        ],
        uncertain_conflicts=[
            ConflictView(conflict_heading(c, report.brief),
                         [SideView(s.claim or "", citer(s.cites, excerpts=True))
                                         for s in c.sides])
            for c in doubtful
        ],
        stances=[StanceView(s.actor, s.stance, s.target, s.condition, citer(s.cites), s.polarity,
                            s.confidence < CONFIDENCE_THRESHOLD)
                 for s in report.stances],
        profile_fields=[
            (humanize(k), [ValueView(v.value, citer(v.cites)) for v in vs])
            for k, vs in report.profile.fields.items() if vs
        ],
        actors=actors, matrix=coverage_matrix(report, refs),
        outlet_facts=outlet_views(report), labels=label_views(report, citer),
    )  # fmt: skip


__all__ = [
    "ActorView",
    "ArticleRef",
    "BriefView",
    "CiteRef",
    "CiteView",
    "Citer",
    "Cites",
    "ClaimView",
    "ConflictView",
    "LabelUseView",
    "LabelsView",
    "Matrix",
    "MatrixRow",
    "NumberGroup",
    "NumberVariant",
    "OutletView",
    "QuoteGroup",
    "QuoteView",
    "SideView",
    "SpeakerQuotes",
    "StanceView",
    "StoryView",
    "TimelineEntry",
    "ValueView",
    "cite_key",
    "conflict_heading",
    "coverage_matrix",
    "label_views",
    "number_articles",
    "number_claims",
    "number_groups",
    "outlet_views",
    "polarity_label",
    "quotes_by_speaker",
    "speaker_groups",
    "story_view",
    "used_cites",
]

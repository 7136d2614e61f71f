"""The typed model shared by every stage.

Every stage reads and returns these types; a new field is added here and nowhere else.
Offsets are character offsets into ``Article.text`` (the cleaned text), end exclusive.

Flow::

    RawDoc --clean--> Article --dedup/cluster--> Article(duplicate_of, story_id)
    Article --extract--> ArticleFacts (entities, quotes, quantities, dates, stances)
    [ArticleFacts] --align--> claims, conflicts, profile, brief --report--> StoryReport
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from storyline.lang import extraction_note

ArticleId = str
StoryId = str
EntityId = str

EventKind = Literal["event", "update"]
# "vague": a plural of magnitude ("dozens", "thousands of"): value None, low/high its bounds
Hedge = Literal[
    "exact", "up_to", "at_least", "about", "nearly", "more_than", "fewer_than", "range", "vague"
]
QuoteKind = Literal["direct", "partial", "indirect"]
DatePrecision = Literal["day", "month", "year"]
# Whether the speaker asserts the content (docs/report.md, "Polarity and confidence"):
# "denied" (a denial or a negated report: "X denied that …", "X did not say …"), "questioned"
# ("asked whether …", a quoted question), "conditional" ("if …", "unless …"), "hypothetical"
# ("would … if", "suppose", counterfactuals).
Polarity = Literal["asserted", "denied", "questioned", "conditional", "hypothetical"]
POLARITIES: tuple[Polarity, ...] = (
    "asserted",
    "denied",
    "questioned",
    "conditional",
    "hypothetical",
)
# Items below this confidence, or not asserted, stay in the JSON (marked) but never feed the
# brief, the profile or the conflict list (docs/report.md).
CONFIDENCE_THRESHOLD = 0.5

# The report JSON's format version (``StoryReport.to_dict()["schema_version"]``), "MAJOR.MINOR".
# MINOR goes up when the report gains keys or values (old readers keep working: they ignore
# what they do not know); MAJOR when a key is removed, renamed or changes type or meaning.
# 1.0 is SPEC.md's contract; 1.1 adds its "Additions (2026-12-05)"; 1.2 the outlet comparison
# (`outlets`); 1.3 `basis` on timeline entries. docs/report.md lists them.
SCHEMA_VERSION = "1.5"


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as read by ingest, before cleaning.

    ``text`` is plain text; ``html`` is set instead when the input was markup.
    Metadata fields are whatever the input carried (feed item, JSON fields, sidecar).
    ``fetched`` is when a crawler fetched the page (a WARC record's date), if known:
    cleaning falls back to it for an article that carries no publication date.
    """

    source: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    fetched: str | None = None
    byline: str | None = None  # the authors, as the input names them
    language: str | None = None  # as the input declares it (e.g. a news-please record)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in an article's cleaned text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: what every later cite points into.

    ``id`` is derived from the cleaned text (see ``text.content_id``), so the same
    content always gets the same id. ``published`` is ISO ``YYYY-MM-DD`` (or a full
    ISO timestamp) when known. ``headings`` marks sub-headings kept in ``text``.
    """

    id: ArticleId
    source: str
    text: str
    raw: str
    title: str
    title_inferred: bool = False
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None  # "metadata" | "dateline" | "html" | "feed" | None
    url: str | None = None
    headings: tuple[Span, ...] = ()
    ingested_at: str = ""
    version: int = 1
    supersedes: ArticleId | None = None
    duplicate_of: ArticleId | None = None
    story_id: StoryId | None = None
    byline: str | None = None
    language: str | None = None  # ISO 639-1, detected from the text (else as declared)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Cite:
    """A pointer to the exact characters of an article that support a statement."""

    article: ArticleId
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """One surface mention of an actor in one article."""

    text: str
    cite: Cite
    role: str | None = None  # "spokesperson", "foreign minister", ...


@dataclass(slots=True)
class Entity:
    """A canonical actor. ``id`` is stable across articles (e.g. ``gpe:united-states``)."""

    id: EntityId
    name: str
    type: str  # GPE, ORG, PERSON, NORP, LOC, UNNAMED, ...
    aliases: list[str] = field(default_factory=list)
    mentions: list[Cite] = field(default_factory=list)
    role: str | None = None
    affiliation: EntityId | None = None


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    speaker_entity: EntityId | None
    speaker_role: str | None
    kind: QuoteKind
    cite: Cite
    polarity: Polarity = "asserted"
    confidence: float = 1.0


@dataclass(slots=True)
class Quantity:
    subject: str | None
    measure: str | None  # "troops", "percent", "USD", "members", ...
    value: float | None
    low: float | None
    high: float | None
    hedge: Hedge
    text: str
    cite: Cite
    subject_entity: EntityId | None = None
    # the event frame the number belongs to ("killed", "injured", "age", "price", ...), from
    # storyline.lang.QUANTITY_FRAMES: "killing five" and "injuring five" are different claims
    frame: str | None = None


@dataclass(slots=True)
class DateMention:
    """A date in the text, resolved where the text allows it (never guessed)."""

    date: str | None  # YYYY-MM-DD | YYYY-MM | YYYY | None
    precision: DatePrecision | None
    date_text: str
    cite: Cite
    relative: bool = False
    # True when the date is not all written in the mention: a year taken from the article's
    # date or its other dates ("March 23"), a weekday or "yesterday" counted from a date.
    inferred: bool = False
    # for an inferred date, what it rests on in one line ("counted from the article's
    # publication date, 2024-03-15"); None when the date is all written or unresolved
    basis: str | None = None


@dataclass(slots=True)
class Event:
    """A timeline entry: what happened on a date, who did it, where it is said."""

    date: str | None
    date_text: str
    summary: str
    actors: list[EntityId]
    cites: list[Cite]
    # the date is not all written in the text (see ``DateMention.inferred``), or is the
    # article's date given to its lead event
    inferred: bool = False
    # for an inferred date, what it rests on in one line (``DateMention.basis``, the
    # article's date for its lead, its bounds for a year taken from its story)
    basis: str | None = None
    # one of the story's main events: told by the most independent sources, near the leads
    key: bool = False
    # "update": a figure that changed between reports over time (a growing death toll), told
    # as the story moving rather than as a conflict; its cites are the two reports' figures
    kind: EventKind = "event"


@dataclass(slots=True)
class Stance:
    actor: str
    stance: str  # one of stances.STANCE_TYPES
    target: str
    condition: str | None
    cites: list[Cite]
    actor_entity: EntityId | None = None
    polarity: Polarity = "asserted"
    confidence: float = 1.0


def usable(item: Quote | Stance) -> bool:
    """Whether a quote or stance may feed the brief, the profile or the conflict list.

    Asserted items, and conditional stances that carry their condition (shown with it, so
    never as an unconditional assertion), at or above ``CONFIDENCE_THRESHOLD``.
    """
    if item.confidence < CONFIDENCE_THRESHOLD:
        return False
    if item.polarity == "asserted":
        return True
    return item.polarity == "conditional" and bool(getattr(item, "condition", None))


@dataclass(slots=True)
class ArticleFacts:
    """Everything extraction found in one article."""

    article_id: ArticleId
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    # Why these facts are incomplete (the extraction time limit cut them short), or None.
    # Partial facts are never cached: a later run extracts the article again.
    partial: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    subject: str
    slot: str
    value: str
    variants: list[str]
    cites: list[Cite]
    independent_sources: int
    confidence: float = 1.0


@dataclass(slots=True)
class ConflictSide:
    claim: str
    cites: list[Cite]
    outlets: list[str] = field(default_factory=list)  # the outlet of each article cited, once


@dataclass(slots=True)
class Conflict:
    topic: str
    sides: list[ConflictSide]
    confidence: float = 1.0
    # what the outlets differ on: "number" (two figures of one frame), a slot of
    # stages/analysis/slots.py ("time", "day", "colour", "hometown", "name", "year",
    # "nationality"), "role", "description", "duration", "speaker" (one quote, two named
    # speakers), "toll" (people killed or hurt vs none), "place" (two countries or US states
    # for one action) or "denial" (told as happened vs denied / did not happen)
    kind: str = "number"


@dataclass(slots=True)
class ProfileValue:
    value: str
    cites: list[Cite]


@dataclass(slots=True)
class Profile:
    name: str
    aliases: list[str]
    kind: str
    fields: dict[str, list[ProfileValue]]


@dataclass(slots=True)
class BriefSentence:
    text: str
    cites: list[Cite]


@dataclass(slots=True)
class OutletFacts:
    """One outlet's side of the outlet comparison: the claims it reports and the
    corroborated claims (two or more independent sources) it leaves out."""

    outlet: str  # the outlet, its site, else its article's number ("A3")
    articles: list[ArticleId]
    reports: list[str]  # claim ids
    omits: list[str]  # claim ids


@dataclass(slots=True)
class LabelUse:
    """The word one outlet uses for a thing other outlets name differently, with its cites."""

    outlet: str
    word: str
    cites: list[Cite]


@dataclass(slots=True)
class OutletLabels:
    """Different words outlets use for the same people or event ("migrants" / "illegal
    aliens"), side by side."""

    words: list[str]
    uses: list[LabelUse]


@dataclass(slots=True)
class OutletComparison:
    """Which facts each outlet reports or leaves out, and the words they label things with.

    Empty for a story told by fewer than two outlets."""

    outlets: list[OutletFacts] = field(default_factory=list)
    labels: list[OutletLabels] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: StoryId
    title: str
    article_ids: list[ArticleId]
    first_seen: str | None
    last_seen: str | None
    n_independent: int


@dataclass(slots=True)
class StoryReport:
    """The report contract of SPEC.md; ``to_dict`` gives its exact JSON shape."""

    story: Story
    articles: list[Article]
    entities: list[Entity]
    quotes: list[Quote]
    quantities: list[Quantity]
    timeline: list[Event]
    stances: list[Stance]
    claims: list[Claim]
    conflicts: list[Conflict]
    profile: Profile
    brief: list[BriefSentence]
    # article id -> why its facts are incomplete (``ArticleFacts.partial``); shown as the
    # article's ``note`` in the JSON when it has no language note.
    notes: dict[ArticleId, str] = field(default_factory=dict)
    outlets: OutletComparison = field(default_factory=OutletComparison)

    def to_dict(self) -> dict[str, Any]:
        from storyline import __version__

        s = self.story
        return {
            "schema_version": SCHEMA_VERSION,
            "generator": f"storyline {__version__}",
            "story": {
                "id": s.id,
                "title": s.title,
                "first_seen": s.first_seen,
                "last_seen": s.last_seen,
                "n_independent": s.n_independent,
            },
            "articles": [
                {
                    "id": a.id,
                    "source": a.url or a.source,
                    "outlet": a.outlet,
                    "published": a.published,
                    "title": a.title,
                    "text": a.text,
                    "duplicate_of": a.duplicate_of,
                    "language": a.language,
                    "note": extraction_note(a.language) or self.notes.get(a.id),
                }
                for a in self.articles
            ],
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "aliases": e.aliases,
                    "mentions": [asdict(c) for c in e.mentions],
                }
                for e in self.entities
            ],
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "speaker_entity": q.speaker_entity,
                    "speaker_role": q.speaker_role,
                    "kind": q.kind,
                    "cite": asdict(q.cite),
                    "polarity": q.polarity,
                    "confidence": q.confidence,
                }
                for q in self.quotes
            ],
            "quantities": [
                {
                    "subject": q.subject,
                    "measure": q.measure,
                    "value": q.value,
                    "low": q.low,
                    "high": q.high,
                    "hedge": q.hedge,
                    "frame": q.frame,
                    "text": q.text,
                    "cite": asdict(q.cite),
                }
                for q in self.quantities
            ],
            "timeline": [asdict(e) for e in self.timeline],
            "stances": [
                {
                    "actor": st.actor,
                    "stance": st.stance,
                    "target": st.target,
                    "condition": st.condition,
                    "cites": [asdict(c) for c in st.cites],
                    "polarity": st.polarity,
                    "confidence": st.confidence,
                }
                for st in self.stances
            ],
            "claims": [asdict(c) for c in self.claims],
            "conflicts": [asdict(c) for c in self.conflicts],
            "profile": asdict(self.profile),
            "brief": [asdict(b) for b in self.brief],
            "outlets": asdict(self.outlets),
        }


def source_roots(articles: Sequence[Article]) -> dict[ArticleId, ArticleId]:
    """Map each article to the original it copies (following ``duplicate_of`` chains), or to
    itself: the independent source an article counts as."""
    parent = {a.id: a.duplicate_of for a in articles}
    roots: dict[ArticleId, ArticleId] = {}
    for a in articles:
        cur, seen = a.id, {a.id}
        while (nxt := parent.get(cur)) and nxt not in seen:
            cur = nxt
            seen.add(cur)
        roots[a.id] = cur
    return roots


# -- storylines (issue 19): events (stories) threaded into storylines ---------------------


@dataclass(frozen=True)
class DateBounds:
    """When an article or an event happened, as far as the stored data shows.

    ``earliest``/``latest`` are ISO dates of any precision ("2026", "2026-03",
    "2026-03-05") or None (no basis). ``inferred`` is False only when every bound comes
    from a published date; ``basis`` says in one line what the bounds rest on.
    """

    earliest: str | None
    latest: str | None
    inferred: bool
    basis: str


@dataclass
class Storyline:
    """A thread of related events (stories): shared principal actors and subject.

    ``events`` are story ids in time order; ``dates`` gives each event's bounds (what the
    order rests on). An event belongs to at most one storyline.
    """

    id: str
    title: str
    events: list[StoryId]
    dates: dict[StoryId, DateBounds] = field(default_factory=dict)
    actors: list[str] = field(default_factory=list)


@dataclass
class EventChange:
    """One event of a storyline and what is new in it against the events before it.

    ``new_actors`` and ``new_figures`` are names and quantity texts the earlier events'
    reports do not carry; ``reversals`` are actors whose stance turned (e.g. "reject" then
    "agree"); ``outcome`` is the event's first brief sentence. A plain diff of the reports:
    nothing here is asserted beyond what each report cites.
    """

    story_id: StoryId
    title: str
    dates: DateBounds | None
    n_articles: int
    new_actors: list[str] = field(default_factory=list)
    new_figures: list[str] = field(default_factory=list)
    reversals: list[str] = field(default_factory=list)
    outcome: str | None = None

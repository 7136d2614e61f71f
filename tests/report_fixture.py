"""A small made-up story (invented places and people) with hand-built extraction facts.

Used by test_align, test_report and test_render so that alignment, reporting and
rendering are tested without the extractors. Four articles: A (original), B (a copy of
A), C and D. Mentions and quantities are located in the text by search, so offsets are
always right.
"""

from __future__ import annotations

import re

from storyline.models import (
    Article,
    ArticleFacts,
    Cite,
    DateMention,
    Entity,
    Event,
    Quantity,
    Quote,
    Stance,
    Story,
    StoryReport,
)
from storyline.stages.analysis.relations import FrameReading, read_frame
from storyline.stages.analysis.report import build_report
from storyline.text import sentence_spans

TEXT_A = (
    "Northland and Eastmark are drafting a Harbor Council resolution to establish a Coastal "
    "Monitoring Mission (CMM) in the Gulf of Tarn, officials said on Monday.\n\n"
    "The mission would be tasked with patrolling the shipping lanes and instructing local coast "
    "guard crews.\n\n"
    "Valdoria is ready to send up to 5,000 police officers if the Harbor Council approves the "
    "mission.\n\n"
    "Northland spokesperson Mira Castell said the mission must have a clear mandate.\n\n"
    "“We want a mandate that every partner can accept,” Castell said.\n\n"
    "Officials stressed that the mission will not be a combat operation.\n\n"
    "The draft gives the CMM a term running until the end of 2033.\n\n"
    "Rules of engagement for the CMM have not yet been agreed."
)
# a close rewrite of A: dedup marks it as a copy
TEXT_B = (
    "Northland and Eastmark are drafting a Harbor Council resolution to establish a Coastal "
    "Monitoring Mission (CMM) in the Gulf of Tarn, officials said Monday.\n\n"
    "Valdoria is ready to send up to 5,000 police officers if the Harbor Council approves the "
    "mission.\n\n"
    "“We want a mandate that every partner can accept,” a Northland spokesperson said.\n\n"
    "Officials stressed that the mission will not be a combat operation."
)
TEXT_C = (
    "Southland, in coordination with Westport, is drafting a resolution to create a coastal "
    "monitoring mission in the Gulf of Tarn, a Southland official said on Thursday.\n\n"
    "Countries approached for the mission include Valdoria, Ostmark and Lunia.\n\n"
    "Valdoria last month pledged 5,000 police officers.\n\n"
    "The force would work under a single command, operating in close coordination with Lunia.\n\n"
    "A coastal combat mission is expected to deploy to Tarn within weeks.\n\n"
    "No Northland soldiers will be deployed inside Tarn.\n\n"
    "Details of the financing remain unclear."
)
TEXT_D = (
    "Valdoria offered 5,000 or more police officers, provided the council votes for the "
    "deployment.\n\n"
    "Northland has stationed up to two dozen soldiers nearby to help plan logistics, its "
    "officials said.\n\n"
    "Eastmark is also drafting parts of the resolution.\n\n"
    "The mission would protect fishing fleets and patrol the harbor entrance.\n\n"
    "Lunia said the mission should include observers from the region."
)

ACTORS: dict[str, tuple[str, list[str]]] = {
    "gpe:northland": ("GPE", ["Northland"]),
    "gpe:southland": ("GPE", ["Southland"]),
    "gpe:eastmark": ("GPE", ["Eastmark"]),
    "gpe:westport": ("GPE", ["Westport"]),
    "gpe:valdoria": ("GPE", ["Valdoria"]),
    "gpe:ostmark": ("GPE", ["Ostmark"]),
    "gpe:lunia": ("GPE", ["Lunia"]),
    "org:harbor-council": ("ORG", ["Harbor Council"]),
    "per:mira-castell": ("PERSON", ["Mira Castell", "Castell"]),
}


def article(aid: str, text: str, **kw: object) -> Article:
    """An Article with the given id and text (raw = text)."""
    return Article(id=aid, source=f"test://{aid}", text=text, raw=text, title=text[:40], **kw)  # type: ignore[arg-type]


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``needle`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    s = starts[nth]
    return s, s + len(needle)


def cite(a: Article, needle: str, nth: int = 0) -> Cite:
    s, e = find(a.text, needle, nth)
    return Cite(a.id, s, e)


def entities_for(a: Article, actors: dict[str, tuple[str, list[str]]] = ACTORS) -> list[Entity]:
    """Every actor of ``actors`` mentioned in ``a`` (longest names first, no overlaps)."""
    taken: list[tuple[int, int]] = []
    out: list[Entity] = []
    for eid, (typ, names) in actors.items():
        mentions: list[Cite] = []
        for name in sorted(names, key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(name)}\b", a.text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                mentions.append(Cite(a.id, m.start(), m.end()))
        if mentions:
            affiliation = "gpe:northland" if eid == "per:mira-castell" else None
            out.append(
                Entity(eid, names[0], typ, names[1:], sorted(mentions, key=lambda c: c.start),
                       affiliation=affiliation)
            )  # fmt: skip
    return out


def qty(a: Article, text: str, subject: str, entity: str | None, measure: str, value: float,
        hedge: str) -> Quantity:  # fmt: skip
    return Quantity(subject, measure, value, None, None, hedge, text, cite(a, text), entity)


def story_fixture() -> tuple[Story, list[Article], list[ArticleFacts]]:
    """The made-up story: articles A, B (copy of A), C, D and their facts."""
    a = article("aaaa", TEXT_A, outlet="Daily Meridian", published="2031-03-02")
    b = article("bbbb", TEXT_B, outlet="Wire Copy", published="2031-03-02", duplicate_of="aaaa")
    c = article("cccc", TEXT_C, outlet="Harbor Times", published="2031-03-05")
    d = article("dddd", TEXT_D, outlet="Evening Post")
    fa = ArticleFacts(
        "aaaa",
        entities=entities_for(a),
        quotes=[Quote("We want a mandate that every partner can accept", "Mira Castell",
                      "per:mira-castell", "spokesperson", "direct",
                      cite(a, "We want a mandate that every partner can accept"))],
        quantities=[qty(a, "up to 5,000 police officers", "Valdoria", "gpe:valdoria",
                        "police officers", 5000, "up_to")],
        dates=[DateMention("2031-03-02", "day", "on Monday", cite(a, "on Monday"), relative=True)],
        events=[Event("2031-03-02", "on Monday", "Northland and Eastmark draft a resolution",
                      ["gpe:northland", "gpe:eastmark"], [cite(a, "Northland and Eastmark are drafting")])],
        stances=[Stance("Northland", "demand", "a clear mandate", None,
                        [cite(a, "the mission must have a clear mandate")], "gpe:northland")],
    )  # fmt: skip
    fb = ArticleFacts(
        "bbbb",
        entities=entities_for(b),
        quotes=[Quote("We want a mandate that every partner can accept", None, None, None, "direct",
                      cite(b, "We want a mandate that every partner can accept"))],
        quantities=[qty(b, "up to 5,000 police officers", "Valdoria", "gpe:valdoria",
                        "police officers", 5000, "up_to")],
        events=[Event("2031-03-02", "Monday", "Northland and Eastmark drafting the resolution",
                      ["gpe:northland"], [cite(b, "Northland and Eastmark are drafting")])],
        stances=[Stance("Northland", "demand", "a clear mandate", None,
                        [cite(b, "We want a mandate that every partner can accept")], "gpe:northland")],
    )  # fmt: skip
    fc = ArticleFacts(
        "cccc",
        entities=entities_for(c),
        quantities=[
            qty(c, "5,000 police officers", "Valdoria", "gpe:valdoria", "police officers", 5000, "exact"),
            qty(c, "No Northland soldiers", "Northland", "gpe:northland", "soldiers", 0, "exact"),
        ],
        events=[
            Event("2031-03-05", "on Thursday", "Southland drafts a resolution with Westport",
                  ["gpe:southland"], [cite(c, "Southland, in coordination with Westport")]),
            Event("2031-02", "last month", "Valdoria pledged police officers",
                  ["gpe:valdoria"], [cite(c, "Valdoria last month pledged 5,000 police officers")]),
        ],
    )  # fmt: skip
    fd = ArticleFacts(
        "dddd",
        entities=entities_for(d),
        quantities=[
            qty(d, "5,000 or more police officers", "Valdoria", "gpe:valdoria", "police officers",
                5000, "at_least"),
            qty(d, "up to two dozen soldiers", "Northland", "gpe:northland", "soldiers", 24, "up_to"),
        ],
        events=[Event(None, "", "Eastmark helps draft the resolution", ["gpe:eastmark"],
                      [cite(d, "Eastmark is also drafting parts of the resolution")])],
        stances=[Stance("Lunia", "demand", "observers from the region", None,
                        [cite(d, "the mission should include observers from the region")], "gpe:lunia")],
    )  # fmt: skip
    story = Story("s-000000000001", "Harbor mission", ["aaaa", "bbbb", "cccc", "dddd"],
                  "2031-03-02", "2031-03-05", 3)  # fmt: skip
    return story, [a, b, c, d], [fa, fb, fc, fd]


def facts_of(a: Article, *figures: tuple[str, str, float, str]) -> ArticleFacts:
    """An article's facts holding only quantities: ``(text, measure, value, hedge)`` each."""
    return ArticleFacts(a.id, quantities=[qty(a, t, "", None, m, v, h) for t, m, v, h in figures])


def frame_at(text: str, needle: str) -> FrameReading:
    """``relations.read_frame`` of the first ``needle`` in ``text``, within its sentence."""
    s = text.index(needle)
    sent = next((a, b) for a, b in sentence_spans(text) if a <= s < b)
    return read_frame(text, s, s + len(needle), sent)


def lighthouse_report(key: bool) -> StoryReport:
    """A made-up story whose background year (1911) comes before its own event in date order."""
    text = (
        "The Corran Point lighthouse, first lit in 1911, went dark on Tuesday after a storm "
        "cut its power <cable> & the keeper's radio."
    )
    a = article("a1", text, outlet="Coast Ledger", published="2031-05-08")
    rep = build_report(Story("s-1", "Lighthouse", ["a1"], None, None, 1), [a], [ArticleFacts("a1")])
    rep.timeline = [
        Event("1911", "1911", "The Corran Point lighthouse was first lit", [], [cite(a, "first lit in 1911")]),
        Event("2031-05-06", "Tuesday", "The lighthouse went dark <cable> & radio", [],
              [cite(a, "went dark on Tuesday")], inferred=True, basis="the article's date", key=key),
    ]  # fmt: skip
    return rep

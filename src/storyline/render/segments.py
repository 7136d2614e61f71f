"""Article text as paragraphs of flat segments, each carrying the classes of every span over
it (entity mentions, quotes, a cited passage): the web article page draws them.

Plain data only; the template escapes every string (autoescape).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from storyline.models import ArticleFacts
from storyline.text import paragraph_spans


@dataclass(frozen=True, slots=True)
class Layer:
    """A span to highlight: CSS classes and a tooltip."""

    start: int
    end: int
    cls: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    cls: str = ""
    title: str = ""
    anchor: str = ""


def paragraph_segments(
    text: str, layers: Sequence[Layer], *, anchor_cls: str = "hl"
) -> list[list[Segment]]:
    """Split ``text`` into paragraphs of segments, each carrying the classes of the spans over it.

    Overlapping spans (an entity inside a quote, the cited span across both) simply add
    their classes to the same segment, so no markup has to nest. The first segment with
    ``anchor_cls`` gets ``anchor="hl"`` for scrolling into view.
    """
    valid = [ly for ly in layers if 0 <= ly.start < ly.end <= len(text)]
    cuts = sorted({p for ly in valid for p in (ly.start, ly.end)})
    paras: list[list[Segment]] = []
    anchored = False
    for ps, pe in paragraph_spans(text):
        points = [ps, *(c for c in cuts if ps < c < pe), pe]
        segs: list[Segment] = []
        for a, b in pairwise(points):
            on = [ly for ly in valid if ly.start <= a and ly.end >= b]
            cls = " ".join(dict.fromkeys(c for ly in on for c in ly.cls.split()))
            title = " · ".join(dict.fromkeys(ly.title for ly in on if ly.title))
            anchor = ""
            if not anchored and anchor_cls in cls.split():
                anchor, anchored = "hl", True
            segs.append(Segment(text[a:b], cls, title, anchor))
        paras.append(segs)
    return paras


def fact_layers(facts: ArticleFacts) -> list[Layer]:
    """Entity mentions and quotes of one article's ``ArticleFacts`` as highlight layers."""
    layers: list[Layer] = []
    for e in facts.entities:
        kind = re.sub(r"[^a-z]", "", e.type.lower()) or "other"
        for c in e.mentions:
            layers.append(Layer(c.start, c.end, f"ent ent-{kind}", f"{e.name} ({e.type})"))
    for q in facts.quotes:
        who = q.speaker or "unattributed"
        if q.speaker_role:
            who += f", {q.speaker_role}"
        layers.append(
            Layer(q.cite.start, q.cite.end, f"quote quote-{q.kind}", f"{q.kind} quote: {who}")
        )
    return layers


__all__ = ["Layer", "Segment", "fact_layers", "paragraph_segments"]

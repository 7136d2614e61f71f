"""JSON round-trip of the extraction model (``ArticleFacts``) for the facts cache."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from storyline.models import (
    ArticleFacts,
    Cite,
    DateMention,
    Entity,
    Event,
    Quantity,
    Quote,
    Stance,
)


def _cite(d: dict[str, Any]) -> Cite:
    return Cite(article=d["article"], start=int(d["start"]), end=int(d["end"]))


def facts_to_json(facts: ArticleFacts) -> str:
    """Serialize facts to compact JSON."""
    return json.dumps(asdict(facts), ensure_ascii=False, separators=(",", ":"))


def facts_from_json(data: str) -> ArticleFacts:
    """Inverse of ``facts_to_json``."""
    d = json.loads(data)
    return ArticleFacts(
        article_id=d["article_id"],
        entities=[
            Entity(
                **{**e, "mentions": [_cite(c) for c in e.get("mentions", [])]},
            )
            for e in d.get("entities", [])
        ],
        quotes=[Quote(**{**q, "cite": _cite(q["cite"])}) for q in d.get("quotes", [])],
        quantities=[Quantity(**{**q, "cite": _cite(q["cite"])}) for q in d.get("quantities", [])],
        dates=[DateMention(**{**x, "cite": _cite(x["cite"])}) for x in d.get("dates", [])],
        events=[
            Event(**{**x, "cites": [_cite(c) for c in x.get("cites", [])]})
            for x in d.get("events", [])
        ],
        stances=[
            Stance(**{**x, "cites": [_cite(c) for c in x.get("cites", [])]})
            for x in d.get("stances", [])
        ],
        partial=d.get("partial"),
    )

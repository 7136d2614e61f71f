"""Ids, dates and ordering of articles in stories, shared by dedup and the story index."""

from __future__ import annotations

import hashlib
from datetime import date

from storyline.models import Article, ArticleId, StoryId


def story_id_for(article_id: ArticleId) -> StoryId:
    """The id of a story founded by ``article_id``: "s-" and 12 hex digits."""
    return "s-" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:12]


def article_day(article: Article) -> int | None:
    """The article's publication day as a proleptic ordinal, or None when unknown."""
    pub = (article.published or "").strip()
    for text, fmt in ((pub[:10], "day"), (pub[:7] + "-01", "month"), (pub[:4] + "-01-01", "year")):
        try:
            d = date.fromisoformat(text)
        except ValueError:
            continue
        if fmt == "year" and len(pub) > 4 and pub[4:5] not in ("", "-"):
            return None
        return d.toordinal()
    return None


def earliest_key(article: Article) -> tuple[int, str, str, str]:
    """Sort key for "earliest": published date (dated first), then the lowest id.

    Ties are broken by content (the id is the cleaned text's hash), never by when a copy
    was ingested, so a restart or another input order picks the same copy-group heads.
    The third field (once ``ingested_at``) is left empty to keep the key's shape.
    """
    return (0 if article.published else 1, article.published or "", "", article.id)


__all__ = ["article_day", "earliest_key", "story_id_for"]

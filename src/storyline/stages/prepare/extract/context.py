"""The per-article context every extractor reads: built once per article, shared by the stages.

``extract_many`` builds one :class:`ArticleContext` per article and hands it to entities,
dates, quotes, quantities, events and stances, so the sentence spans, the quoted spans and the
entity-mention index are computed once instead of once per stage. Each part is computed on
first use (the rules-only path of one stage must not pay for another's). The entity mentions
are known after the entity stage: it calls :meth:`ArticleContext.set_entities`.

An extractor called on its own (tests, benchmarks) builds its own context when given none.
"""

from __future__ import annotations

import bisect
import math
import re
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.models import Article, Entity
from storyline.text import sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "DATELINE",
    "ArticleContext",
    "Deadline",
    "Mention",
    "Sentences",
    "governing_verb",
    "marked_text",
    "quote_spans",
    "subtree_extent",
]

# A dateline opening a story's first sentence: "VELMAR, Ore. (AP) —", "Velmar (AFP) –". Its
# place is never a sentence's subject (the parser may take it for one).
DATELINE = re.compile(
    r"\s*[A-Z][\w.’' -]{1,40}(?:,\s*[\w. ]{2,20})?\s*\([A-Z][A-Za-z]{1,8}\)\s*[—–-]{1,2}\s*"
)

# One cited mention of an entity: (start, end, entity).
Mention = tuple[int, int, Entity]


class Sentences:
    """Sentence spans of a text with fast lookup by offset."""

    def __init__(self, text: str) -> None:
        self.spans = list(sentence_spans(text))
        self._starts = [s for s, _ in self.spans]

    def at(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos`` (or the nearest one before it)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return self.spans[0] if self.spans else (0, 0)
        return self.spans[i]

    def index(self, pos: int) -> int:
        return max(bisect.bisect_right(self._starts, pos) - 1, 0)

    @property
    def starts(self) -> list[int]:
        """The start offset of each sentence, in order."""
        return self._starts


# Two apostrophes as a quotation mark (the New York Times' style: ''Yes,'' she said); three
# are the mark and a nested quote's apostrophe (''We heard 'no,''' she said).
_TWO_APOSTROPHES = re.compile(r"(?<!')'{2,3}(?!')")


def marked_text(text: str) -> str:
    """``text`` with each two-apostrophe quotation mark written as one ``"``, same offsets.

    The mark's two characters become a space and ``"`` on the side of the words it opens
    onto (`` ''Yes`` → ``  "Yes``; ``no,'' she`` → ``no,"  she``), so every offset into the
    result is an offset into ``text`` and a span between the marks holds no apostrophe.
    """
    if "''" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        i = m.start()
        prev = text[i - 1] if i else " "
        opens = prev.isspace() or prev in "([{—–-/"
        if len(m.group()) == 3:  # the mark and a nested quote's apostrophe, kept
            return " \"'" if opens else "'\" "
        return ' "' if opens else '" '

    return _TWO_APOSTROPHES.sub(one, text)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations (inside the marks), paragraph by paragraph.

    A closing mark with no opening one before it in its paragraph (a scrape that lost the
    opening mark) opens the quotation at the paragraph start. Sorted and non-overlapping.
    Two-apostrophe marks count as ``"`` (see :func:`marked_text`).
    """
    text = marked_text(text)
    spans: list[tuple[int, int]] = []
    for pm in re.finditer(r"[^\n]+", text):
        p0 = pm.start()
        para = pm.group(0)
        opened: int | None = None
        seen_any = False
        for i, ch in enumerate(para):
            if ch == '"':
                if opened is None:
                    opened = i + 1
                else:
                    spans.append((p0 + opened, p0 + i))
                    opened = None
                seen_any = True
            elif ch in "“«":
                opened = i + 1
                seen_any = True
            elif ch in "”»":
                if opened is not None:
                    spans.append((p0 + opened, p0 + i))
                elif not seen_any:
                    spans.append((p0, p0 + i))
                opened = None
                seen_any = True
        if opened is not None:  # quotation running to the paragraph end
            spans.append((p0 + opened, p0 + len(para)))
    return spans


class Deadline:
    """When an article's extraction must stop; the stages call :meth:`check` in their long loops.

    On the main thread a SIGALRM interrupts a stage anywhere; in a worker thread (web report
    threads, batch workers) no signal can, so each stage checks this between items (per
    sentence, per quote) and a stuck stage stops within the limit there too. A check costs
    one ``time.monotonic()`` call.
    """

    __slots__ = ("at",)

    def __init__(self, seconds: float = 0) -> None:
        self.at = time.monotonic() + seconds if seconds > 0 else math.inf

    def check(self) -> None:
        """Raise ``ExtractTimeout`` once the deadline has passed."""
        if self.at != math.inf and time.monotonic() > self.at:
            from storyline.stages.prepare.extract import ExtractTimeout

            raise ExtractTimeout


NO_DEADLINE = Deadline()


class ArticleContext:
    """One article as the extractors see it: text, parse, sentences, quotations, mentions.

    Attributes:
        article: the cleaned article; ``text`` is ``article.text``.
        doc: its spaCy parse, or ``None`` on the rules-only path.
        entities: the article's entities once the entity stage has run (else empty).
        deadline: when the extraction must stop (checked by the stages in their loops).
    """

    __slots__ = (
        "_marked",
        "_mention_starts",
        "_mentions",
        "_quote_spans",
        "_sentences",
        "article",
        "deadline",
        "doc",
        "entities",
        "text",
    )

    def __init__(
        self,
        article: Article,
        doc: Doc | None = None,
        entities: Sequence[Entity] = (),
        deadline: Deadline = NO_DEADLINE,
    ) -> None:
        self.article = article
        self.deadline = deadline
        self.text = article.text
        self.doc = doc
        self._sentences: Sentences | None = None
        self._quote_spans: list[tuple[int, int]] | None = None
        self._marked: str | None = None
        self.set_entities(entities)

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Record the article's entities (the mention index is rebuilt on next use)."""
        self.entities = entities
        self._mentions: list[Mention] | None = None
        self._mention_starts: list[int] = []

    @property
    def sentences(self) -> Sentences:
        """The article's sentences (``storyline.text.sentence_spans``)."""
        if self._sentences is None:
            self._sentences = Sentences(self.text)
        return self._sentences

    @property
    def marked_text(self) -> str:
        """The text with two-apostrophe quotation marks as ``"`` (see :func:`marked_text`)."""
        if self._marked is None:
            self._marked = marked_text(self.text)
        return self._marked

    @property
    def quote_spans(self) -> list[tuple[int, int]]:
        """The spans inside quotation marks (see :func:`quote_spans`)."""
        if self._quote_spans is None:
            self._quote_spans = quote_spans(self.marked_text)
        return self._quote_spans

    @property
    def mentions(self) -> list[Mention]:
        """Every entity mention, sorted by start (longest first at one start)."""
        if self._mentions is None:
            self._mentions = sorted(
                ((c.start, c.end, e) for e in self.entities for c in e.mentions),
                key=lambda m: (m[0], -m[1]),
            )
            self._mention_starts = [s for s, _, _ in self._mentions]
        return self._mentions

    def mentions_from(self, a: int, b: int) -> list[Mention]:
        """The mentions that start in ``[a, b)``, in text order (found by bisection)."""
        mentions = self.mentions
        lo = bisect.bisect_left(self._mention_starts, a)
        return mentions[lo : bisect.bisect_left(self._mention_starts, b, lo)]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Every mention lying wholly inside ``[start, end)``, in text order."""
        return [m for m in self.mentions_from(start, end) if m[1] <= end]


def governing_verb(tok: Token, max_steps: int, bounds: tuple[int, int] | None = None) -> Token:
    """The first verb or auxiliary at or above ``tok``, climbing at most ``max_steps`` heads
    and (with ``bounds``, a sentence's character offsets) never out of the sentence; where
    the climb stopped when it finds none (the caller checks ``pos_``)."""
    for _ in range(max_steps):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        if bounds is not None and not bounds[0] <= tok.head.idx < bounds[1]:
            break
        tok = tok.head
    return tok


def subtree_extent(tok: Token) -> tuple[int, int]:
    """The character offsets ``[start, end)`` of ``tok``'s phrase: its whole subtree."""
    return min(t.idx for t in tok.subtree), max(t.idx + len(t) for t in tok.subtree)

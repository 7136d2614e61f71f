"""Shared helpers of the quantity, date, event and stance extractors (private).

Entity lookup by span, and finding the grammatical subject (the actor) of a word, with a
dependency parse when there is one and by position when there is not. Sentences, quoted
spans and mentions are in the per-article ``context.ArticleContext``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.lang import SPEECH_LEMMAS
from storyline.models import Entity
from storyline.stages.prepare.extract.context import Sentences
from storyline.stages.prepare.extract.entities import entity_at

__all__ = [
    "Sentences",
    "anonymous_antecedent",
    "entity_at",
    "np_span",
    "resolve_entity",
    "speech_subject",
    "subject_of",
    "token_at",
]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies along which a clause shares the subject of its head.
_CLIMB = {
    "xcomp",
    "acomp",
    "conj",
    "advcl",
    "prep",
    "pcomp",
    "pobj",
    "dobj",
    "attr",
    "oprd",
    "amod",
    "npadvmod",
    "appos",
    "acl",
    "nummod",
    "quantmod",
    "compound",
    "dep",
}
_LEFT_MODS = {"compound", "amod", "nmod", "flat", "poss", "case", "nummod", "det", "punct"}


def resolve_entity(entities: Sequence[Entity], entity: Entity) -> Entity:
    """An unnamed speaker ("an Israeli official") stands for its affiliation when known."""
    if entity.affiliation and (entity.type in ("UNNAMED", "ANON") or entity.id.startswith("anon:")):
        for e in entities:
            if e.id == entity.affiliation:
                return e
    return entity


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def np_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun with its left modifiers (no relative clauses or appositions)."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in _LEFT_MODS and child.i < left.i:
            left = min(child.left_edge, left, key=lambda t: t.i)
    while left.i < tok.i and (left.dep_ in ("det", "punct") or left.pos_ == "PUNCT"):
        left = left.doc[left.i + 1]
    end_tok = tok
    # keep "of"-phrases that name the thing ("members of the Security Council")
    for child in tok.rights:
        if child.dep_ in ("compound", "flat"):
            end_tok = child
    return left.idx, end_tok.idx + len(end_tok.text)


def subject_of(
    tok: Token,
    max_steps: int = 6,
    exclude: tuple[int, int] | None = None,
    bounds: tuple[int, int] | None = None,
) -> Token | None:
    """The grammatical subject governing ``tok``, climbing through shared-subject links.

    "Indonesia is ready to deploy 20,000 troops": from "troops" the climb goes
    deploy (xcomp) -> ready (acomp) -> is, whose subject is "Indonesia". A relative pronoun
    subject ("which") is replaced by the noun the clause modifies. ``bounds`` (character
    offsets of the sentence) stops the climb at the sentence edge: spaCy's parse sometimes
    runs across paragraphs.
    """
    cur = tok
    lo, hi = exclude if exclude is not None else (-1, -1)
    for _ in range(max_steps):
        for child in cur.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass", "csubj")
                and not lo <= child.i <= hi
                and (bounds is None or bounds[0] <= child.idx < bounds[1])
            ):
                if child.lower_ in ("which", "who", "that") and cur.dep_ == "relcl":
                    return cur.head
                return child
        if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head
        if cur.head.i == cur.i or cur.dep_ not in _CLIMB:
            return None
        if bounds is not None and not bounds[0] <= cur.head.idx < bounds[1]:
            return None
        cur = cur.head
    return None


def speech_subject(tok: Token) -> Token | None:
    """The subject of the reporting verb a clause hangs from ("Italy said [it was ready]")."""
    cur = tok
    for _ in range(6):
        if cur.lemma_ in SPEECH_LEMMAS and cur.pos_ == "VERB":
            for child in cur.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


_ANON = re.compile(
    r"\b(?:an?|the|one|another|a\s+senior|a\s+top)?\s*(?:senior\s+|top\s+)?"
    r"(?P<adj>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:government\s+)?(?:official|diplomat|source|officer|spokes(?:wo)?man|spokesperson)s?\b"
)


def anonymous_antecedent(text: str, before: int) -> tuple[int, int] | None:
    """The span of the last "<Adjective> official" before ``before`` (for "the official")."""
    last = None
    for m in _ANON.finditer(text, 0, before):
        last = m
    if last is None:
        return None
    return last.span("adj")

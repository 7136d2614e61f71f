"""Events: one timeline entry per dated clause: what happened, who took part, where it is said.

For every :class:`DateMention` the summary is the clause the date belongs to, not the
whole sentence: with a parse, the subtree of the verb that governs the date, without its
subordinate, relative and conjoined clauses and without the date phrase itself; without a
parse, the comma-delimited stretch of the sentence around the date, with the same
reductions done on the text. Summaries are capped at 30 words. Actors are the entities
named in the sentence (places left out), in order of first mention; the cite is the
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.models import Article, Cite, DateMention, Entity, Event
from storyline.stages.prepare.extract.context import ArticleContext

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["build_events"]

_MAX_WORDS = 30
# Dependents that open a clause of their own: left out of a summary.
_DROP_DEPS = {"advcl", "relcl", "parataxis", "discourse", "intj", "meta", "dep"}
_DATE_PREPS = {
    "on",
    "in",
    "since",
    "until",
    "till",
    "by",
    "at",
    "from",
    "during",
    "before",
    "after",
    "through",
    "of",
}
# Text-only clause boundaries: a comma before one of these words, a semicolon, a dash.
_BOUNDARY = re.compile(
    r",\s+(?=(?:which|who|while|whereas|but|although|though|because|according|as|and|hours|"
    r"saying|adding|noting|claiming)\b)|;\s+|\s[—–]\s|[—–]"
)


def _words_cap(text: str, n: int = _MAX_WORDS) -> str:
    words = text.split()
    if len(words) <= n:
        return text
    cut = " ".join(words[:n])
    # end at the last comma inside the cap when there is one late enough
    comma = cut.rfind(",")
    return cut[:comma] if comma > len(cut) // 2 else cut


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"^[,;:—–\s“”\"]+|[,;:—–\s“”\".]+$", "", text)
    text = re.sub(r",\s*,", ",", text)
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = re.sub(r"[\"“”]", "", text)  # a quotation cut in half: drop its marks
    return text[:1].upper() + text[1:] if text else text


def _summary_doc(doc: Doc, d: DateMention, sent: tuple[int, int]) -> str | None:
    span = doc.char_span(d.cite.start, d.cite.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    date_tokens = {t.i for t in span}
    root = span.root
    # the preposition that only carries the date ("on Thursday", "until the end of 2027")
    if root.head.lower_ in _DATE_PREPS and root.dep_ == "pobj":
        date_tokens.add(root.head.i)
        root = root.head
    verb: Token = root
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        if not sent[0] <= verb.head.idx < sent[1]:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "relcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children
    ):
        return None  # "the kind that has been in place": the text reads better
    # "is expected to [bring] … within weeks": the clause is the one of "expected"
    while (
        verb.dep_ == "xcomp"
        and verb.head.pos_ in ("VERB", "AUX")
        and sent[0] <= verb.head.idx < sent[1]
    ):
        verb = verb.head
    keep: list[Token] = []

    def dropped(child: Token) -> bool:
        if child.i in date_tokens or child.dep_ in _DROP_DEPS:
            return True
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            return True  # a second clause: "met … and agreed …"
        if child.dep_ == "cc" and any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in child.head.children
        ):
            return True
        return child.dep_ == "npadvmod" and any(t.i in date_tokens for t in child.subtree)

    def walk(tok: Token) -> None:
        if not sent[0] <= tok.idx < sent[1]:
            return
        keep.append(tok)
        for child in tok.children:
            if not dropped(child):
                walk(child)

    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the ceasefire brokered in Egypt on Wednesday": the event is the noun's participle
        noun = verb.head
        keep.extend(
            t
            for t in noun.lefts
            if t.dep_ in ("det", "amod", "compound", "poss")
            for t in t.subtree
        )
        keep.append(noun)
    walk(verb)
    # the subject of a shared-subject verb ("ready to deploy"): climb for it
    cur = verb
    while (
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        and cur.dep_ in ("xcomp", "conj", "acomp")
        and cur.head is not cur
    ):
        cur = cur.head
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                keep.extend(t for t in c.subtree if t.i not in date_tokens)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c in keep for c in verb.children)
    if not has_subject and verb.dep_ != "acl":
        return None  # no subject: the text fallback reads better
    keep = sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)
    while keep and keep[0].is_punct:
        keep.pop(0)
    while keep and keep[-1].is_punct:
        keep.pop()
    if not keep:
        return None
    parts: list[str] = []
    prev: Token | None = None
    for t in keep:
        if prev is not None:
            parts.append(prev.whitespace_ if t.i == prev.i + 1 else " ")
        parts.append(t.text)
        prev = t
    return _clean(_words_cap("".join(parts)))


def _summary_text(text: str, d: DateMention, sent: tuple[int, int]) -> str:
    s0, s1 = sent
    # the boundary-delimited stretch around the date
    lo, hi = s0, s1
    for m in _BOUNDARY.finditer(text, s0, s1):
        if m.end() <= d.cite.start:
            lo = m.end()
        elif m.start() >= d.cite.end:
            hi = m.start()
            break
    before = text[lo : d.cite.start]
    before = re.sub(rf"\b(?:{'|'.join(_DATE_PREPS)})\s*$", "", before, flags=re.I)
    after = text[d.cite.end : hi]
    clause = before + " " + after
    # a short leftover ("French officials said") reads better with the clause before it
    if len(clause.split()) < 6 and lo > s0:
        clause = text[s0:lo] + " " + clause
    return _clean(_words_cap(clause.rstrip(". ")))


def build_events(
    article: Article,
    doc: Doc | None,
    dates: Sequence[DateMention],
    entities: Sequence[Entity],
    ctx: ArticleContext | None = None,
) -> list[Event]:
    """One :class:`Event` per date mention: its clause as the summary, the sentence as cite.

    Args:
        article: the cleaned article.
        doc: its spaCy parse, or ``None`` for the text-only summaries.
        dates: the article's date mentions (from :func:`extract_dates`).
        entities: the article's entities; the actors are those named in the sentence.
        ctx: the article's shared context (built here when ``None``).

    Returns:
        Events in text order; ``date``/``date_text`` are the mention's.
    """
    ctx = ctx or ArticleContext(article, doc, entities)
    text = article.text
    sents = ctx.sentences
    out: list[Event] = []
    for d in dates:
        ctx.deadline.check()
        sent = sents.at(d.cite.start)
        summary = _summary_doc(doc, d, sent) if doc is not None else None
        if not summary or len(summary.split()) < 4:
            summary = _summary_text(text, d, sent)
        actors: list[str] = []
        for _, _, ent in ctx.mentions_in(*sent):
            if ent.type != "LOC" and ent.id not in actors:
                actors.append(ent.id)
        out.append(
            Event(
                date=d.date,
                date_text=d.date_text,
                summary=summary,
                actors=actors,
                cites=[Cite(article.id, sent[0], sent[1])],
            )
        )
    return out

"""Indirect speech (extract stage, part of quotes): "X said (that) C", "according to X, C".

Input: the quote extractor's view of an article (its text, sentences, parse, quoted spans and
speaker finders: :class:`Host`, implemented in ``quotes.py``) and the direct and partial quotes
found there. Output: ``(start, end, speaker)`` for each reported clause, in text order; the
caller resolves pronoun speakers with the same resolver as for direct quotes and marks polarity.

The speaker finders stay in ``quotes.py`` and come in through :class:`Host` (this module
cannot import ``quotes.py``, which imports it), so direct and indirect speech share one way of
naming a speaker.

Hand-written rather than a library's: spaCy ships no attribution component and textacy's
quotation finder handles direct quotes only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from storyline.lang import (
    INDIRECT_SPEECH_FORMS,
    PRONOUNS,
    TRAILING_SPEECH_FORMS,
    alternation,
    finite_forms,
)
from storyline.models import Entity, QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Host", "Quoted", "Speaker", "find_indirect"]


class Speaker(Protocol):
    """Who an attribution names (``quotes._Speaker``): false when it names no one."""

    def __bool__(self) -> bool: ...


S = TypeVar("S", bound=Speaker)
S_co = TypeVar("S_co", bound=Speaker, covariant=True)


class Quoted(Protocol[S]):
    """A direct or partial quote found before (``quotes._Found``)."""

    start: int
    end: int
    kind: QuoteKind
    sp: S


class Host(Protocol[S_co]):
    """What indirect speech reads from the quote extractor (``quotes.py`` implements it)."""

    @property
    def text(self) -> str: ...
    @property
    def doc(self) -> Doc | None: ...
    @property
    def sents(self) -> list[tuple[int, int]]: ...
    @property
    def spans(self) -> list[tuple[int, int]]:
        """The quoted spans, merged and sorted."""
        ...

    def in_quote(self, pos: int) -> bool: ...
    def first_quoted_inside(self, a: int, b: int) -> int | None: ...
    def np_speaker(self, a: int, b: int, verb_at: int) -> S_co:
        """The speaker of a reporting verb at ``verb_at`` whose subject phrase is ``[a, b)``."""
        ...

    def actor_ending(self, a: int, b: int) -> Entity | None:
        """The actor of a phrase ending right before ``b`` (appositions included)."""
        ...

    def actor_in(self, a: int, b: int) -> Entity | None:
        """The actor a noun phrase ``[a, b)`` names."""
        ...

    def plain_np(self, phrase: str) -> str | None:
        """A short noun phrase naming a speaker no actor matches, or ``None``."""
        ...

    def speaker(
        self,
        entity: Entity | None = None,
        text: str | None = None,
        pronoun: str | None = None,
        at: int = 0,
    ) -> S_co: ...


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (long lists read better that way)."""
    return frozenset(text.split())


# Verbs that report speech with a clause after them (indirect speech); "said" may drop "that".
_SAY = alternation(finite_forms(["say"]))
_TELL = alternation(finite_forms(["tell"]))
# Verbs that close a reported clause put first ("…, the ministry confirmed"); "told" needs
# its addressee ("told reporters").
_TRAIL = alternation(TRAILING_SPEECH_FORMS - finite_forms(["say", "tell"]))
# ... the others need "that", which may follow an addressee or a time ("told reporters that").
_CLAUSE_VERBS = (
    alternation(INDIRECT_SPEECH_FORMS - finite_forms(["say"]))
    + rf"|(?:{_TELL})\s+[^,.;:“”\"]{{1,60}}?"
    + rf"|(?:{alternation(finite_forms(['announce']))})\s+[^,.;:“”\"]{{1,60}}?"
    + rf"|(?:{_SAY})\s+[^,.;:“”\"]{{1,40}}?"
)
# (the same adverbs, pronouns and prepositions as quotes.py's speaker patterns)
_ADV = r"(?:(?:also|later|then|further|again|previously|once|simply|just|recently|earlier|reportedly|had|has|have|would|will|had\s+previously|has\s+also|have\s+also)\s+)*"
_TIME = (
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"\s+(?:this|last)\s+(?:week|month|year|weekend)|\s+(?:yesterday|today|earlier|later|recently)|"
    r"\s+(?:in\s+a\s+statement|in\s+an\s+interview|on\s+[A-Z]\w+))*"
)
_PRON = (
    "(?:"
    + "|".join(
        f"[{p[0].upper()}{p[0]}]{p[1:]}"
        for p, f in PRONOUNS.items()
        if f.person == 3 and f.case == "subj"
    )
    + ")"
)
_PREPOSITIONS = _words(
    """at in on after before during outside inside from with by for of over under through via
    across near behind beyond upon"""
)


def _trim(text: str, start: int, end: int, punct: str = "") -> tuple[int, int]:
    """Strip spaces (and ``punct``) off both ends of ``[start, end)``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in punct):
        end -= 1
    return start, end


_IND_LEAD = re.compile(
    rf"(?P<np>[^“”\"]{{2,160}}?)\s+{_ADV}(?P<v>(?:{_SAY}){_TIME}(?:\s+that)?|(?:{_CLAUSE_VERBS}){_TIME}\s+that)\s+(?P<c>\S.+)"
)
_WHO_SAID = re.compile(
    rf",\s+who\s+(?:{_SAY}|{_CLAUSE_VERBS}){_TIME}(?:\s+that)?\s+(?P<c>[^,]{{8,}}?),"
)
_IND_TRAIL = re.compile(
    rf"(?P<c>.+?),\s+(?P<np>[^,]{{2,90}}?)\s+{_ADV}(?P<v>{_SAY}|{_TRAIL}|"
    rf"(?:{_TELL})\s+[^,.;]{{1,40}}?){_TIME}"
    r"\s*(?:[.!]?$|(?=,?\s+(?:after|as|when|while|before|but|and|adding|noting)\b))"
)
_IND_TRAIL_INV = re.compile(
    rf"(?P<c>.+?),\s+(?:{_SAY})\s+(?P<np>[^,]{{2,60}}?)(?:,\s+[^,]{{2,100}}?)?[.!]?$"
)
_ACC_TRAIL = re.compile(r"(?P<c>.+?),?\s+according\s+to\s+(?P<np>[^,]{2,120}?)(?:,.*)?[.!]?$")
_ACC_LEAD = re.compile(
    r"According\s+to\s+(?P<np>[^,]{2,90}?)(?:,\s+(?:a|an|the)\s+[^,]{2,100})?,\s+(?P<c>\S.+)"
)
_PARENTHETICAL = re.compile(
    rf"(?P<a>[^,“”\"]{{2,80}}),\s+(?P<np>[^,]{{2,60}}?)\s+(?:{_SAY}|added|noted|insisted|stressed),\s+(?P<b>\S.+)"
)
# Where a reported clause stops: another speaker's clause or a participle adding more.
_NEXT_CLAUSE = re.compile(
    rf",\s+(?:while|whereas|but|and)\s+(?=[^,;“”\"]{{2,90}}?\s+(?:{_SAY}|{_CLAUSE_VERBS})\b)|"
    r",\s+(?P<part>adding|noting|saying|stating|warning|insisting|arguing|stressing)\s+that\s+"
)

_CLAUSE_BREAK = re.compile(r",\s+(?:and|but)\s|\s+but\s|;\s|\s[—–]\s")
_NOT_CLAUSE_START = _PREPOSITIONS | _words(
    "when while as because since until unless although though"
)
_COORDINATED = re.compile(
    rf"\s(?:and|but)\s+{_ADV}(?P<v>{_CLAUSE_VERBS}|{_SAY}){_TIME}\s+that\s+(?P<c>\S.+)"
)

_Cand = tuple[int, int, S]


def find_indirect(ctx: Host[S], direct: Sequence[Quoted[S]]) -> list[tuple[int, int, S]]:
    """Reported speech, by rules on each sentence and (with a parse) by clausal complements."""
    text = ctx.text
    out: list[_Cand[S]] = []
    # partial quotes no attribution of their own named: a reported clause around one gives it
    # that clause's speaker ("Roe said the plan was “a gamble” and would fail")
    unattributed = sorted(
        ((f.start, f.end, k) for k, f in enumerate(direct) if f.kind == "partial" and not f.sp)
    )
    for ss, se in ctx.sents:
        body_end = se - (1 if text[se - 1 : se] in (".", "!") else 0)
        cands = _according_to(ctx, ss, se, body_end)
        if not cands:
            m = _PARENTHETICAL.match(text, ss, body_end)
            ent = ctx.actor_ending(m.start("np"), m.end("np")) if m else None
            if m and ent is not None:
                cands.append((ss, body_end, ctx.speaker(ent)))
            elif m and not ctx.in_quote(m.start("np")):
                # "The goal, she said, is …": a pronoun or a plain noun phrase as the speaker
                np = m.group("np").strip()
                if re.fullmatch(_PRON, np):
                    cands.append((ss, body_end, ctx.speaker(pronoun=np.lower(), at=m.start("np"))))
                elif (plain := ctx.plain_np(np)) and not np[0].isupper():
                    cands.append((ss, body_end, ctx.speaker(text=plain)))
        for m in _WHO_SAID.finditer(text, ss, body_end):
            ent = ctx.actor_ending(ss, m.start())
            if ent is not None:
                cands.append((m.start("c"), m.end("c"), ctx.speaker(ent)))
        if not cands:
            m = _IND_TRAIL.match(text, ss, se) or _IND_TRAIL_INV.match(text, ss, se)
            if m and not ctx.in_quote(m.start("np")) and not re.search(r"[“”\"]", m.group("np")):
                v = m.start("v") if "v" in m.groupdict() and m.group("v") else m.end("np")
                sp = ctx.np_speaker(m.start("np"), m.end("np"), v)
                if m.re is _IND_TRAIL_INV:
                    # "…, said Jane Roe." names a speaker only with a short noun phrase
                    np = m.group("np")
                    ent = ctx.actor_in(m.start("np"), m.end("np"))
                    plain = ctx.plain_np(np)
                    sp = ctx.speaker(ent) if ent and plain else ctx.speaker(text=plain)
                inner = _leading(ctx, m.start("c"), m.end("c")) if sp else []
                if inner:
                    # "Jane Roe said C, the agency reported": Roe's words, relayed
                    cands.extend(inner)
                elif sp:
                    cands.append((m.start("c"), m.end("c"), sp))
        if not cands:
            cands.extend(_leading(ctx, ss, body_end))
        elif cands[-1][1] < body_end - 20:
            # "C, the union announced, after the ministry said D": the rest has its own clause
            cands.extend(_leading(ctx, _attribution_end(text, cands[-1][1], body_end), body_end))
        if not cands and ctx.doc is not None:
            cands.extend(_parsed_indirect(ctx, ss, se))
        cands.extend(_participle_clauses(ctx, ss, body_end, direct, cands))
        for a, b, sp in cands:
            a, b = _trim(text, a, b, ",;")
            if unattributed and sp:
                lo = bisect.bisect_left(unattributed, (a - 1, -1, -1))
                for qs, qe, k in unattributed[lo:]:
                    if qs > b:
                        break
                    if qe <= b + 1 and not direct[k].sp:
                        direct[k].sp = sp
            b = _strip_final(text, a, b)
            if b - a < 12 or len(text[a:b].split()) < 3 or _mostly_quoted(ctx, a, b):
                continue
            quoted_at = ctx.first_quoted_inside(a, b)
            if quoted_at is not None:
                # "said C, and he put it bluntly — “Q”": the reported clause stops before
                # the next clause; a clause that wraps a partial quote is left to the quote
                cut = [x.start() for x in _CLAUSE_BREAK.finditer(text, a, quoted_at - 1)]
                if not cut or len(text[a : cut[-1]].split()) < 3:
                    continue
                b = _strip_final(text, a, cut[-1])
            out.append((a, b, sp))
    return out


def _attribution_end(text: str, pos: int, end: int) -> int:
    """Where the attribution after a reported clause ends (the next comma), else ``end``."""
    m = re.compile(r",[^,]*?,\s*").match(text, pos, end)
    return m.end() if m else end


def _according_to(ctx: Host[S], ss: int, se: int, body_end: int) -> list[_Cand[S]]:
    text = ctx.text
    m = _ACC_LEAD.match(text, ss, body_end)
    if m:
        ent = ctx.actor_in(m.start("np"), m.end("np"))
        sp = ctx.speaker(ent) if ent else ctx.speaker(text=ctx.plain_np(m.group("np")))
        return [(m.start("c"), body_end, sp)]
    m = _ACC_TRAIL.match(text, ss, se)
    if m and not _reported_source(text, m.start("np")) and not ctx.in_quote(m.start("np")):
        ent = ctx.actor_in(m.start("np"), m.end("np"))
        sp = ctx.speaker(ent) if ent else ctx.speaker(text=ctx.plain_np(m.group("np")))
        rest = text[m.end("np") : body_end]
        if re.match(r",\s+(?:is|are|was|were|has|have|had|will|would|could|can)\b", rest):
            # "Among the risks, according to X, are …": the sentence goes on around it
            return [(ss, body_end, sp)]
        return [(m.start("c"), m.end("c"), sp)]
    return []


def _leading(ctx: Host[S], ss: int, body_end: int) -> list[_Cand[S]]:
    """ "X said (that) C": every such clause of a sentence, each ending where the next begins."""
    text = ctx.text
    out: list[_Cand[S]] = []
    pos = ss
    while pos < body_end:
        m = _IND_LEAD.match(text, pos, body_end)
        if not m:
            # "Jane Roe called the plan “a mess” and repeated that C": same subject
            m = _COORDINATED.search(text, pos, body_end)
            if m and not ctx.in_quote(m.start()):
                sp = ctx.np_speaker(ss, m.start("v"), m.start("v"))
                if sp:
                    out.append((m.start("c"), body_end, sp))
            break
        if ctx.in_quote(m.start("v")):
            break
        sp = ctx.np_speaker(m.start("np"), m.end("np"), m.start("v"))
        c_start = m.start("c")
        first = (
            text[c_start:body_end].split(None, 1)[0].lower()
            if text[c_start:body_end].strip()
            else ""
        )
        if first in _PREPOSITIONS:  # "said after the vote that C"
            that = re.match(r"[^,.;:“”\"]{1,60}?\bthat\s+", text[c_start:body_end])
            c_start = c_start + that.end() if that else c_start
        nxt = _NEXT_CLAUSE.search(text, c_start, body_end)
        c_end = nxt.start() if nxt else body_end
        words = text[c_start:c_end].split()
        relative = re.search(r"\b(?:which|that|who|whom)(?:\s+\S+){1,2}\s*$", m.group("np"))
        if sp and words and words[0].lower() not in _NOT_CLAUSE_START and not relative:
            # (a clause opening with a preposition or a conjunction is no reported clause:
            # "said at a rally outside the terminal", "said when the court reopened"; and
            # in "which it said was caused by …" the clause has lost its subject)
            out.append((c_start, c_end, sp))
        if nxt is None or nxt.group("part"):
            break
        pos = nxt.end()
    return out


def _reported_source(text: str, np_start: int) -> bool:
    """ "according to a report by CNN" after a quote names the relay, not a new claim."""
    return bool(
        re.match(r"(?:a|an|the)\s+(?:new\s+)?(?:report|statement|article)\b", text[np_start:])
    )


def _strip_final(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in ".!,; ":
        b -= 1
    return b


def _mostly_quoted(ctx: Host[S], a: int, b: int) -> bool:
    # only the merged quoted spans that can overlap [a, b) (a scan of all was quadratic)
    spans = ctx.spans
    k = max(bisect.bisect_right(spans, (a, a)) - 1, 0)
    inside = 0
    for s, e in spans[k:]:
        if s >= b:
            break
        inside += max(0, min(b, e) - max(a, s))
    return inside > 0.5 * (b - a)


def _participle_clauses(
    ctx: Host[S], ss: int, se: int, direct: Sequence[Quoted[S]], cands: list[_Cand[S]]
) -> list[_Cand[S]]:
    """ "…, adding that C": the clause is more reported speech of the same speaker."""
    out: list[_Cand[S]] = []
    for m in re.finditer(
        r",\s+(?:adding|noting|saying|stating|warning|insisting|arguing|stressing)\s+that\s+",
        ctx.text[ss:se],
    ):
        at = ss + m.start()
        if ctx.in_quote(at):
            continue
        before: list[tuple[int, S]] = [
            (f.end, f.sp) for f in direct if ss - 1 <= f.start and f.end <= at and f.sp
        ]
        before += [(b, sp) for a, b, sp in cands if b <= at + 1 and sp]
        if not before:
            continue
        out.append((ss + m.end(), se, max(before, key=lambda x: x[0])[1]))
    return out


_SPEECH_LEMMAS = _words(
    """say tell state confirm announce add note warn acknowledge insist argue claim explain
    stress emphasize emphasise suggest indicate predict reiterate declare deny assert estimate
    repeat"""
)


def _parsed_indirect(ctx: Host[S], ss: int, se: int) -> list[_Cand[S]]:
    """Indirect speech the rules miss: a speech verb with a clausal complement (spaCy parse)."""
    assert ctx.doc is not None
    span = ctx.doc.char_span(ss, se, alignment_mode="expand")
    if span is None:
        return []
    for tok in span:
        if (
            tok.lemma_ not in _SPEECH_LEMMAS
            or tok.pos_ not in ("VERB", "AUX")
            or ctx.in_quote(tok.idx)
        ):
            continue
        comp = [c for c in tok.children if c.dep_ == "ccomp"]
        if not comp or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp[0].children):
            continue  # a complement without a subject is no reported clause
        lo = min(t.idx for t in comp[0].subtree)
        hi = max(t.idx + len(t) for t in comp[0].subtree)
        if lo < tok.idx < hi or lo < ss or hi > se:
            continue  # (a complement reaching out of the sentence is a misparse)
        m = re.match(r"that\s+", ctx.text[lo:hi])
        lo += m.end() if m else 0
        sp = ctx.np_speaker(ss, tok.idx, tok.idx)
        if sp:
            return [(lo, hi, sp)]
    return []

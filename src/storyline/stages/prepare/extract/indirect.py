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
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from storyline.lang import (
    ATTRIBUTION_NOUNS,
    ATTRIBUTION_PREPOSITIONS,
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    FRAMING_NOUNS,
    INDIRECT_SPEECH_FORMS,
    INFINITIVE_CONTENT_VERBS,
    INFINITIVE_NOUNS,
    INTENT_VERBS,
    ISSUING_VERBS,
    NEGATION_CUES,
    OBJECT_CONTENT_VERBS,
    PREDICATE_CONTENT_VERBS,
    PRONOUNS,
    QUESTION_VERBS,
    REPORTING_ADVERBS,
    SPEECH_VERBS,
    TRAILING_SPEECH_FORMS,
    WEEKDAYS,
    alternation,
    finite_forms,
)
from storyline.lang.attribution import (
    ATTRIBUTION_CUES,
    DERIVED_CUES,
    DERIVED_NOUN_CUES,
    DERIVED_VERB_CUES,
    DROPPED_CUE_LEMMAS,
    DROPPED_CUES,
    GROUP_SOURCE_NOUNS,
    PARTITIVE_SOURCES,
    RESPONSE_PREPOSITIONS,
    UNSAID_CUES,
    cue_lemma,
)
from storyline.lang.en import (
    CALENDAR_PERIODS,
    CLAUSE_PREPOSITIONS,
    DAY_PARTS,
    EXAMPLE_PREPOSITIONS,
    NEGATABLE_AUXILIARIES,
    NEGATION_CONTRACTION_STEMS,
    NOT_CLAUSE_START_WORDS,
    PERSON_ROLE_NOUNS,
    REPORT_TIME_ADVERBS,
)
from storyline.models import Entity, QuoteKind
from storyline.stages.prepare.extract.polarity import or_conjunct, read_polarity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Host", "Quoted", "Speaker", "cue_constructions", "find_indirect", "joined_conjunct"]


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

    def check_deadline(self) -> None:
        """Raise when the article's extraction time limit has passed (``context.Deadline``)."""
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


# Verbs that report speech with a clause after them (indirect speech); "said" may drop "that".
_SAY = alternation(finite_forms(["say"]))
_TELL = alternation(finite_forms(["tell"]))


def _speech_forms(lemmas: Sequence[str], ending: str) -> str:
    """An alternation of the speech table's forms of ``lemmas`` that end in ``ending``."""
    return alternation(f for lemma in lemmas for f in SPEECH_VERBS[lemma] if f.endswith(ending))


# "X, Roe added, …": the past forms that interrupt a clause besides "said"
_ASIDE_PASTS = _speech_forms(["add", "note", "insist", "stress"], "ed")
# ", adding that C": participles that add more of the same speaker's words
_ADDING = _speech_forms(["add", "note", "say", "state", "warn", "insist", "argue", "stress"], "ing")
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
_ADV = rf"(?:(?:{alternation(REPORTING_ADVERBS)})\s+)*"
# a negated report ("Roe did not say C", "Roe never said C"): the negation is no part of the
# speaker; polarity.py reads it from the words before the content
_NEG_AUX = (
    rf"(?:(?:(?:{'|'.join(NEGATABLE_AUXILIARIES)})\s+)?"
    rf"(?:{alternation(NEGATION_CUES)})\s+|(?:{'|'.join(NEGATION_CONTRACTION_STEMS)})n['’]t\s+)?"
)
_TIME = (
    rf"(?:\s+(?:on\s+)?(?:{alternation(d.capitalize() for d in WEEKDAYS)})"
    rf"(?:\s+(?:{'|'.join(DAY_PARTS)}))?|"
    rf"\s+(?:this|last)\s+(?:{'|'.join(CALENDAR_PERIODS)})|\s+(?:{'|'.join(REPORT_TIME_ADVERBS)})|"
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


def _trim(text: str, start: int, end: int, punct: str = "") -> tuple[int, int]:
    """Strip spaces (and ``punct``) off both ends of ``[start, end)``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in punct):
        end -= 1
    return start, end


_IND_LEAD = re.compile(
    rf"(?P<np>[^“”\"]{{2,160}}?)\s+{_ADV}{_NEG_AUX}(?P<v>(?:{_SAY}){_TIME}(?:\s+that)?|(?:{_CLAUSE_VERBS}){_TIME}\s+that)\s+(?P<c>\S.+)"
)
_WHO_SAID = re.compile(
    rf",\s+who\s+(?:{_SAY}|{_CLAUSE_VERBS}){_TIME}(?:\s+that)?\s+(?P<c>[^,]{{8,}}?),"
)
_IND_TRAIL = re.compile(
    # (a relative clause is no trailing attribution: "C, where Roe told reporters …")
    rf"(?P<c>.+?),\s+(?!(?:where|when|which|who|whom|whose)\b)"
    rf"(?P<np>[^,]{{2,90}}?)\s+{_ADV}(?P<v>{_SAY}|{_TRAIL}|"
    rf"(?:{_TELL})\s+[^,.;]{{1,40}}?){_TIME}"
    # "…, she said on the local radio.", "…, he said at a rally in Lund": the cue's own adjunct
    r"(?:\s+(?:on|in|at|during|to|from|via|through)\s+[^,;:“”\"]{1,80}?)?"
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
    rf"(?P<a>[^,“”\"]{{2,80}}),\s+(?P<np>[^,]{{2,60}}?)\s+(?:{_SAY}|{_ASIDE_PASTS}),\s+(?P<b>\S.+)"
)
# The writer's concessive or contrasting clause after a content (", although he would not say
# …", ", even though …", ", while …"): no part of what the source said.
# (not an aside inside the content: "the scandal, while troublesome, was handled well")
_WRITER_CLAUSE = r",\s+(?:while|whereas|although|(?:even\s+)?though)\b(?![^,.;]{0,25},)"
# Where a reported clause stops: another speaker's clause, a participle adding more, or the
# writer's side clause (a new reported clause may start inside it: "although Roe said C").
_NEXT_CLAUSE = re.compile(
    rf",\s+(?:while|whereas|but|and)\s+(?=[^,;“”\"]{{2,90}}?\s+(?:{_SAY}|{_CLAUSE_VERBS})\b)|"
    rf",\s+(?P<part>{_ADDING})\s+that\s+|"
    rf"{_WRITER_CLAUSE}\s*"
)

# (", saying …", ", telling …": a participle adding the quote the clause is not part of)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|[a-z]{3,}ing)\s|\s+but\s|;\s|\s[—–]\s")
_COORDINATED = re.compile(
    rf"\s(?:and|but)\s+{_ADV}(?P<v>{_CLAUSE_VERBS}|{_SAY}){_TIME}\s+that\s+(?P<c>\S.+)"
)

# A name closed by a comma or the sentence's end right after the verb: "…, said Jane Roe, …"
_INVERTED_NAME = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,|$)")

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
    lines = _labelled_lines(ctx)
    out.extend(lines)
    for ss, se in ctx.sents:
        ctx.check_deadline()
        if any(a <= ss < b for a, b, _ in lines):
            continue  # (a labelled line's sentences are its content)
        body_end = se - (1 if text[se - 1 : se] in (".", "!") else 0)
        cands = _according_to(ctx, ss, se, body_end)
        paren = False  # (whether cands[0] is the rules' "C, X said, D" reading of the sentence)
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
            paren = bool(cands) and m is not None and _framing_aside(ctx, ss, body_end, m)
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
        if ctx.doc is not None:
            # the parse's reading wins over the rules' where both read the same words (its
            # boundaries follow the clause); the rules keep what the parse missed
            # (a parsed clause too short to be kept displaces nothing: "C and found it
            # insulting, Roe said" keeps the rules' C when the parse reads only "it insulting")
            parsed = [k for k in _parsed(ctx, ss, se) if not _too_short(text, k[0], k[1])]
            if paren and _inside_parenthetical(text, cands[0], parsed):
                # "The plan, she said, is dead" read by the parse only in part (a clause of a
                # cue nested inside, or the words before the cue as its complement): the
                # interrupting cue frames the whole sentence, as the rules read it
                parsed = []
            cands = [k for k in cands if not any(k[0] < b and a < k[1] for a, b, _ in parsed)]
            cands = sorted([*cands, *parsed], key=lambda c: c[0])
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
            if _too_short(text, a, b) or _mostly_quoted(ctx, a, b):
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


# A line opened by a name and a colon: a transcript's "JANE ROE: …", a headline's "Roe: …".
_LABELLED_LINE = re.compile(
    r"^[ \t]*(?P<np>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?P<c>[^\n]+?)[ \t]*$",
    re.M,
)


# What after an interrupting cue is the cue's own, not the rest of the content: its next act
# (", adding that …", ", wiping his brow"), an adjunct of the saying (", on condition of
# anonymity", ", in an interview", ", after the vote", ", according to …").
_CUE_ADJUNCT = re.compile(
    r"(?:\w+ing|on|in|at|during|after|before|when|while|as|because|since|according|citing|"
    r"with|without|via|through)\b",
    re.I,
)


def _framing_aside(ctx: Host[S], ss: int, body_end: int, m: re.Match[str]) -> bool:
    """Whether the rules' "C, X said, D" match ``m`` frames its whole sentence: no quotation
    in it (a quoted D is a direct quote's) and D no act or adjunct of the cue's own
    (``_CUE_ADJUNCT``)."""
    if _quoted_within(ctx, ss, body_end):
        return False  # (a quotation running on past the sentence's end too)
    return not _CUE_ADJUNCT.match(m.group("b"))


def _inside_parenthetical(text: str, paren: _Cand[S], parsed: Sequence[_Cand[S]]) -> bool:
    """Whether every parsed content overlapping the rules' parenthetical reading ``paren`` of
    a sentence ("C, X said, D", the whole sentence) lies inside it and is shorter: the parse
    read a part only (the words on one side of the cue, or another cue's clause nested in the
    sentence). A parsed content as long, or reaching out of it, keeps the parse's reading."""
    a, b = _trim(text, paren[0], paren[1], ",;")
    over = [_trim(text, lo, hi, ",;") for lo, hi, _ in parsed if lo < b and a < hi]
    return bool(over) and all(a <= lo and hi <= b and (lo, hi) != (a, b) for lo, hi in over)


def _labelled_lines(ctx: Host[S]) -> list[_Cand[S]]:
    """ "JANE ROE: The pier stays shut." at the start of a line: the rest of the line is the
    named person's or body's (PolNeAR annotates transcripts' and headlines' labels as
    sources). The label must name an actor the article knows, so "Poll: …" or "Update: …"
    give nothing (precision first); so do a tag of under five words and a question.

    PolNeAR train (``--every 4``): 21 of 33 such lines right before these two limits; the
    wrong ones were mostly short tags ("Roe: Hang on.").

    In a transcript (two labels or more that each open two lines or more) every labelled line
    of three words or more is its speaker's turn, a question too, and a label no actor
    matches ("JAKE TAPPER") names the speaker as written.
    """
    text = ctx.text
    out: list[_Cand[S]] = []
    found = list(_LABELLED_LINE.finditer(text))
    turns = Counter(m.group("np").upper() for m in found)
    # a transcript: two or more labels that each open two lines or more ("TAPPER: …",
    # "FALLIN: …"): every such line is a turn of the named speaker's, a question too
    dialogue = {label for label, k in turns.items() if k >= 2}
    if len(dialogue) < 2:
        dialogue = set()
    for m in found:
        c = m.group("c")
        turn = m.group("np").upper() in dialogue
        if ctx.in_quote(m.start("np")) or len(c.split()) < (3 if turn else 5):
            continue  # (a short tag is a plan's summary, "Roe: Win in a walk")
        if not turn and c.rstrip("”’\"' ").endswith("?"):
            continue  # (a headline's question asks)
        ent = ctx.actor_in(m.start("np"), m.end("np"))
        last = m.group("np").split()[-1].casefold()
        if turn and ent is not None and last not in ent.name.casefold().split():
            ent = None  # ("ANN ROE" read as the actor "Ann": the label names the speaker)
        if ent is not None and ent.type in ("PERSON", "ORG"):
            sp = ctx.speaker(ent)
        elif turn and (plain := ctx.plain_np(m.group("np"))):
            sp = ctx.speaker(text=plain)  # ("JAKE TAPPER" no actor matches: as written)
        else:
            continue
        a, b = m.start("c"), _strip_final(text, m.start("c"), m.end("c"))
        if not _mostly_quoted(ctx, a, b):  # ("Roe: “…”" is a direct quote's)
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
        sp = _according_speaker(ctx, m.start("np"), m.end("np"))
        return [(m.start("c"), body_end, sp)]
    m = _ACC_TRAIL.match(text, ss, se)
    if m and not _reported_source(text, m.start("np")) and not ctx.in_quote(m.start("np")):
        sp = _according_speaker(ctx, m.start("np"), m.end("np"))
        rest = text[m.end("np") : body_end]
        if re.match(r",\s+(?:is|are|was|were|has|have|had|will|would|could|can)\b", rest) or (
            rest.startswith(",")
            and len(rest.split()) >= 4
            and ctx.doc is not None
            and not _has_verb(ctx.doc, m.start("c"), m.end("c"))
        ):
            # "Among the risks, according to X, are …", "Since May, according to X, the
            # agency has …": the sentence goes on around it, and all of it is X's
            return [(ss, body_end, sp)]
        return [(_after_colon(ctx, m.start("c"), m.end("c")), m.end("c"), sp)]
    return []


def _according_speaker(ctx: Host[S], a: int, b: int) -> S:
    """The source "according to X" names: the actor in ``X``, or the phrase as written.

    With a parse, when the phrase's head is a common noun that no actor covers and that is no
    person's role ("a Gallup poll", "Roe's plea agreement", "a survey of Velmar voters",
    "the mayor's office"), the source is that noun phrase up to its head as written: the
    actor inside it only made, owns or was asked it ("Gallup", "Roe", "Velmar" alone would
    name someone else). A role keeps its actor ("a spokesman for Roe": Roe, as a spokesman).
    """
    ent = ctx.actor_in(a, b)
    span = ctx.doc.char_span(a, b, alignment_mode="expand") if ctx.doc is not None else None
    if ent is not None and span is not None:
        root = span.root
        end = root.idx + len(root)
        named = any(
            c.dep_ in ("appos", "npadvmod") or c.i > root.i
            for c in root.children
            if c.pos_ == "PROPN"
        )
        if (
            root.pos_ == "NOUN"
            and root.lemma_.lower() not in PERSON_ROLE_NOUNS
            and end <= b
            and ctx.actor_in(root.idx, end) is None
            and not named  # ("the activist group Harbour Watch": the group is named)
        ):
            plain = ctx.plain_np(ctx.text[a:end])
            return ctx.speaker(text=plain) if plain else ctx.speaker()
    return ctx.speaker(ent) if ent else ctx.speaker(text=ctx.plain_np(ctx.text[a:b]))


def _after_colon(ctx: Host[S], a: int, b: int) -> int:
    """Where a content put before "according to X" starts: after a colon or a semicolon that
    opens a clause of its own ("Traffic rose: [the port now handles …], according to X")."""
    text = ctx.text
    cut = max(text.rfind(": ", a, b), text.rfind("; ", a, b))
    if cut < 0 or ctx.in_quote(cut) or len(text[cut + 2 : b].split()) < 3:
        return a
    return cut + 2


def _has_verb(doc: Doc, a: int, b: int) -> bool:
    """Whether ``[a, b)`` holds a verb (a clause), not only a phrase ("Since the spring")."""
    span = doc.char_span(a, b, alignment_mode="contract")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


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
        if ctx.in_quote(m.start("v")) or (
            text[m.end("np") - 1] == "," and _INVERTED_NAME.match(text, m.start("c"), body_end)
        ):
            # ("…, said Jane Roe, the director of …": an inverted attribution after its
            # clause, whose words after the verb are the speaker, not content)
            break
        sp = _rule_speaker(ctx, m.start("np"), m.end("np"), m.start("v"))
        c_start = m.start("c")
        first = (
            text[c_start:body_end].split(None, 1)[0].lower()
            if text[c_start:body_end].strip()
            else ""
        )
        if first in CLAUSE_PREPOSITIONS:  # "said after the vote that C"
            that = re.match(r"[^,.;:“”\"]{1,60}?\bthat\s+", text[c_start:body_end])
            c_start = c_start + that.end() if that else c_start
        nxt = _NEXT_CLAUSE.search(text, c_start, body_end)
        c_end = nxt.start() if nxt else body_end
        words = text[c_start:c_end].split()
        relative = re.search(r"\b(?:which|that|who|whom)(?:\s+\S+){1,2}\s*$", m.group("np"))
        if sp and words and words[0].lower() not in NOT_CLAUSE_START_WORDS and not relative:
            # (a clause opening with a preposition or a conjunction is no reported clause:
            # "said at a rally outside the terminal", "said when the court reopened"; and
            # in "which it said was caused by …" the clause has lost its subject)
            out.append((c_start, c_end, sp))
        if nxt is None or nxt.group("part"):
            break
        pos = nxt.end()
    return out


def _rule_speaker(ctx: Host[S], a: int, b: int, verb_at: int) -> S:
    """The speaker of "X said C" read by the rules, whose phrase ``[a, b)`` runs from where
    the rules started (often the sentence's start) to the verb: with a parse that gives the
    verb a subject of its own inside the phrase, the subject phrase as ``_verb_speaker``
    bounds it ("'Bridges that last.' Her aides said": the aides; "Penn, Roe and Lind
    argued": Penn)."""
    doc = ctx.doc
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand") if doc else None
    if span is not None and len(span):
        tok = span[0]
        subj = _subject_before(tok)
        if subj is not None and a <= subj.left_edge.idx:
            return _verb_speaker(ctx, tok, a)
    return ctx.np_speaker(a, b, verb_at)


def _reported_source(text: str, np_start: int) -> bool:
    """ "according to a report by CNN" after a quote names the relay, not a new claim."""
    return bool(
        re.match(r"(?:a|an|the)\s+(?:new\s+)?(?:report|statement|article)\b", text[np_start:])
    )


def _too_short(text: str, a: int, b: int) -> bool:
    """Whether a reported clause is too short to keep: under 12 characters or 3 words once
    trimmed ("it insulting", "the plan")."""
    a, b = _trim(text, a, b, ",;")
    b = _strip_final(text, a, b)
    return b - a < 12 or len(text[a:b].split()) < 3


def _strip_final(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in ".!,; ":
        b -= 1
    return b


def _quoted_within(ctx: Host[S], a: int, b: int) -> list[tuple[int, int]]:
    """The merged quoted spans that overlap ``[a, b)``, found by bisection (a scan of all
    spans per content was quadratic)."""
    spans = ctx.spans
    k = max(bisect.bisect_right(spans, (a, a)) - 1, 0)
    out: list[tuple[int, int]] = []
    for s, e in spans[k:]:
        if s >= b:
            break
        if e > a:
            out.append((s, e))
    return out


def _mostly_quoted(ctx: Host[S], a: int, b: int) -> bool:
    inside = sum(min(b, e) - max(a, s) for s, e in _quoted_within(ctx, a, b))
    return inside > 0.5 * (b - a)


def _participle_clauses(
    ctx: Host[S], ss: int, se: int, direct: Sequence[Quoted[S]], cands: list[_Cand[S]]
) -> list[_Cand[S]]:
    """ "…, adding that C": the clause is more reported speech of the same speaker."""
    out: list[_Cand[S]] = []
    for m in re.finditer(
        rf",\s+(?:{_ADDING})\s+that\s+",
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


# -- with a parse: cue, source and content from the dependency tree ------------------------------

# Lemmas whose clausal complement is content ("said the plan failed", "fears the deal will fail",
# "the poll shows Roe ahead"), whose direct object is ("announced a run"), and nouns that
# report ("Roe's claim that …"). An infinitive is left out: "declined to speculate", "tried to
# sell it" are what a source did more often than what it said or wants (PolNeAR train).
_CLAUSE_CUES = ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | INTENT_VERBS | EVIDENCE_VERBS
_NOUN_SOURCE_CUES = ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS
# negated, still an attribution: reports, beliefs, findings ("does not think C"), not intentions
_NEGATED_KEPT = (ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS) - (
    INTENT_VERBS - BELIEF_VERBS
)
_CUE_LEMMAS = ATTRIBUTION_CUES  # (lang: one list with polarity.py's negated cues)
# Cues read as a parenthetical inside their content ("The plan, Roe said, is dead"): the
# content holds the cue, so polarity.py, which reads the words before a content, cannot mark
# a denial, a question or a doubt there ("The story, Roe denied, was false" would read as
# asserted): reports, beliefs and findings only, without those.
_ASIDE_CUES = (ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS) - (
    UNSAID_CUES | set(QUESTION_VERBS) | {"doubt"}
)
_PREPOSITION_CUES = {**ATTRIBUTION_PREPOSITIONS, **RESPONSE_PREPOSITIONS}
# A possessive pronoun speaks as its subject pronoun ("his claim": "he"), for the resolver.
_POSSESSIVE = {
    p: s
    for p, f in PRONOUNS.items()
    if f.case == "poss" and f.person == 3
    for s, g in PRONOUNS.items()
    if g.case == "subj" and (g.person, g.number, g.gender) == (f.person, f.number, f.gender)
}
# Subordinators that open a clause that is content although it has no subject of its own.
_CONTENT_MARKS = frozenset({"whether", "if"})
_THIRD_PERSON = frozenset(p for p, f in PRONOUNS.items() if f.person == 3 and f.case == "subj")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _bounds(tok: Token) -> tuple[int, int]:
    """The characters a token's subtree covers."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _verb_content(tok: Token, lemma: str) -> tuple[int, int] | None:
    """What a cue verb reports: its clause, object or topic, as a character span.

    An object takes the predicate after it ("accused Roe [of lying]", "deemed the claims
    [false]"); a clause stands alone (an addressee is no content: "told reporters [that …]").
    """
    kids = list(tok.children)
    for c in kids:
        if (
            c.dep_ == "ccomp"
            and lemma in _CLAUSE_CUES
            and any(
                g.dep_ in _SUBJECTS or (g.dep_ == "mark" and g.lower_ in _CONTENT_MARKS)
                for g in c.children
            )
        ):
            return _bounds(c)
    if lemma in QUESTION_VERBS:
        # "asked Roe [if C]", "wondered [if C]": the parse hangs the question on the verb as a
        # condition (an adverbial clause); right after the verb or the one asked it is the
        # question ("asked Roe to stay if C" is a condition: the "if" follows the request)
        asked = [c.right_edge.i for c in kids if c.dep_ in ("dobj", "dative") and c.i > tok.i]
        at = max([tok.i, *asked]) + 1
        for c in kids:
            first = c.left_edge
            if (
                c.dep_ == "advcl"
                and first.i == at
                and first.lower_ == "if"
                and first.dep_ == "mark"
            ):
                return _bounds(c)
    if lemma in ATTRIBUTION_SPEECH_VERBS:
        # "Roe reported [having $1 million on hand]", "denied [taking the money]": a gerund
        for c in kids:
            if (
                c.dep_ in ("xcomp", "ccomp")
                and c.tag_ == "VBG"
                and c.i > tok.i
                and not any(g.dep_ in _SUBJECTS or g.dep_ == "aux" for g in c.children)
            ):
                return _bounds(c)
    preps = _PREPOSITION_CUES.get(lemma, ())
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and lemma in RESPONSE_PREPOSITIONS and obj.pos_ == "PROPN":
                return None  # whom a source answers or names ("referring to Roe"): no content
            if obj is None:
                continue
            # "called on Roe [to resign]", "called for a prosecutor [to review it]": the one
            # asked and what they are asked to do (PolNeAR's content holds both)
            inf = next(
                (
                    x
                    for x in kids
                    if x.dep_ == "xcomp"
                    and x.i > obj.i
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in x.children)
                    and not any(g.dep_ == "auxpass" for g in x.children)
                ),
                None,
            )
            return (obj.left_edge.idx, _bounds(inf)[1]) if inf is not None else _bounds(obj)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if (
        obj is not None
        and lemma == "address"
        and obj.lemma_.lower() not in ATTRIBUTION_NOUNS
        and (
            obj.pos_ == "PROPN"
            or obj.lemma_.lower() in _ADDRESSED_AUDIENCES
            or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in obj.children)
        )
    ):
        # "addressing the league's annual dinner", "addressed the Harbour Caucus", "addressed
        # the crowd": an audience or a gathering, not what was said ("address the issue of …"
        # and "address rising rents" keep their content)
        return None
    if (
        obj is not None
        and lemma == "show"
        and not any(c.dep_ == "dative" for c in kids)
        and not any(c.dep_ in ("acl", "ccomp") for c in obj.children)
        and _displayed_by_agent(tok)
    ):
        # "the council's clerks showed signs of fatigue", "the union's members showed no
        # hint of giving in": a person or body showing a bare noun displays it; only a finding "shows"
        # one ("the poll showed Roe ahead"). A clause stays content ("Roe showed that …",
        # "showed no sign that she would quit"), and so does what is shown to someone
        return None
    if obj is not None and (lemma in OBJECT_CONTENT_VERBS or lemma in PREDICATE_CONTENT_VERBS):
        rest = [
            c
            for c in kids
            if c.i > obj.i
            and (
                c.dep_ in _PREDICATE
                or (c.dep_ == "prep" and (c.lower_ in preps or c.lower_ == "as"))
                or (c.dep_ == "advmod" and c.n_rights > 0)  # "shows Roe [well ahead of …]"
            )
        ]
        # (a name as a bare object is whom the source backs or attacks, not what it says:
        # "endorsed former Governor Jane Roe"; with a predicate it is: "urged Roe [to quit]")
        if rest or (obj.pos_ in ("NOUN", "NUM") and lemma in OBJECT_CONTENT_VERBS):
            return obj.left_edge.idx, max(_bounds(c)[1] for c in [obj, *rest])
    if lemma in INFINITIVE_CONTENT_VERBS and not any(c.dep_ == "auxpass" for c in kids):
        # "vowed [to repeal the law]": the infinitive with its "to" (PolNeAR's contents keep it)
        inf = next(
            (c for c in kids if c.dep_ == "xcomp" and any(g.dep_ == "aux" for g in c.children)),
            None,
        )
        # (a passive infinitive is a wish about oneself, not content: "asked not to be named")
        passive = inf is not None and any(g.dep_ == "auxpass" for g in inf.children)
        if inf is not None and inf.i > tok.i and not passive:
            return _bounds(inf)
    return _derived_content(tok, lemma)


def _displayed_by_agent(tok: Token) -> bool:
    """Whether a verb's subject (or, for a conjoined verb, its head's) is a person or a
    body: a personal pronoun, a name typed as one, or a person or group noun."""
    cur = tok
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            low = subj.lemma_.lower()
            return (
                (subj.pos_ == "PRON" and subj.lower_ in _THIRD_PERSON | {"i", "we", "you"})
                or subj.ent_type_ in ("PERSON", "ORG", "NORP")
                or low in PERSON_ROLE_NOUNS
                or low in GROUP_SOURCE_NOUNS
            )
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# Whom one "addresses" rather than what: audiences and gatherings (a closed class; a named
# object or an object owned by a name counts too, see ``_verb_content``'s "address" rule).
_ADDRESSED_AUDIENCES = frozenset(
    {
        "audience", "crowd", "rally", "gathering", "convention", "conference", "dinner", "gala",
        "luncheon", "breakfast", "banquet", "meeting", "summit", "assembly", "session",
        "congregation", "supporter", "voter", "delegate", "reporter", "student", "graduate",
        "worker", "member", "nation", "caucus", "chamber", "legislature", "parliament",
        "congress", "senate", "house", "forum", "ceremony", "commencement",
    }
)  # fmt: skip

# Prepositions whose object a derived cue may take as content (``bench/derive_cues.py``).
DERIVED_PREPOSITIONS = ("for", "against", "about", "on", "of", "to", "with", "at", "over", "in")


def cue_constructions(tok: Token) -> Iterator[tuple[str, tuple[int, int]]]:
    """Each cue construction at ``tok`` with its content span, named as in
    ``lang.attribution.DERIVED_CUES``: a verb's clause ("that" with the word, "ccomp" without),
    infinitive ("inf"), gerund ("ger"), noun object ("obj") or prepositional object
    ("prep:for"); a noun's "that" clause ("n-that"), infinitive ("n-inf") or prepositional
    object ("n-prep:for"). ``bench/derive_cues.py`` counts these on PolNeAR train to derive the
    table, so the table and the engine read the same constructions. A passive verb has none.
    """
    kids = list(tok.children)
    if tok.pos_ == "VERB":
        if any(c.dep_ == "auxpass" for c in kids):
            return  # ("is expected to", "was asked about": no one's words)
        for c in kids:
            if c.i <= tok.i:
                continue
            gk = list(c.children)
            if c.dep_ == "ccomp" and any(
                g.dep_ in _SUBJECTS or (g.dep_ == "mark" and g.lower_ in _CONTENT_MARKS) for g in gk
            ):
                that = any(g.dep_ == "mark" and g.lower_ == "that" for g in gk)
                yield ("that" if that else "ccomp"), _bounds(c)
            elif (
                c.dep_ == "xcomp"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in gk)
                and not any(g.dep_ == "auxpass" for g in gk)
            ):
                yield "inf", _bounds(c)
            elif (
                c.dep_ in ("xcomp", "ccomp")
                and c.tag_ == "VBG"
                and not any(g.dep_ in _SUBJECTS or g.dep_ == "aux" for g in gk)
            ):
                yield "ger", _bounds(c)
            elif c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM"):
                yield "obj", _bounds(c)
            elif c.dep_ == "prep" and c.lower_ in DERIVED_PREPOSITIONS:
                obj = next((g for g in gk if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and obj.pos_ != "PROPN":
                    yield f"prep:{c.lower_}", _bounds(obj)
    elif tok.pos_ == "NOUN":
        for c in kids:
            if c.i <= tok.i:
                continue
            gk = list(c.children)
            if c.dep_ in ("acl", "ccomp"):
                marks = {g.lower_ for g in gk if g.dep_ == "mark"}
                if "that" in marks or (
                    not marks and any(g.dep_ in ("nsubj", "nsubjpass") for g in gk)
                ):
                    yield "n-that", _bounds(c)
                elif c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in gk):
                    yield "n-inf", _bounds(c)
            elif c.dep_ == "prep" and c.lower_ in DERIVED_PREPOSITIONS:
                obj = next((g for g in gk if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and (c.lower_ != "of" or obj.pos_ == "VERB"):
                    yield f"n-prep:{c.lower_}", _bounds(obj)


def _dropped(tok: Token, lemma: str, content: tuple[int, int]) -> bool:
    """Whether the hand table's reading of ``content`` is one the train counts drop
    (``lang.attribution.DROPPED_CUES``: it matched an annotated content too rarely).

    Only that construction's own span is dropped: an object with the predicate after it is
    another reading ("asked [a question]" is dropped, "asked [the council to delay the
    vote]" is the request, as it is with a named object: "asked [Roe to resign]")."""
    if lemma not in DROPPED_CUE_LEMMAS:
        return False
    return any(
        span[0] == content[0]
        and (con != "obj" or span[1] >= content[1])
        and lemma in DROPPED_CUES.get(con, ())
        for con, span in cue_constructions(tok)
    )


def _derived_content(tok: Token, lemma: str) -> tuple[int, int] | None:
    """The content of a cue the derived table (``lang.attribution.DERIVED_CUES``) reads in
    this construction, or ``None``."""
    if lemma not in (DERIVED_NOUN_CUES if tok.pos_ == "NOUN" else DERIVED_VERB_CUES):
        return None
    if lemma in UNSAID_CUES:
        return None  # (never a denial or a refusal: its content is not what the source says)
    for con, span in cue_constructions(tok):
        if lemma in DERIVED_CUES.get(con, ()):
            obj = (
                next((c for c in tok.children if c.dep_ == "dobj"), None) if con == "obj" else None
            )
            if obj is not None and obj.lemma_.lower() in ATTRIBUTION_NOUNS:
                return None  # ("voiced concern [that C]": the noun reads its own content)
            return span
    return None


# What follows a content object inside its predicate ("accused Roe of lying").
_PREDICATE = frozenset({"oprd", "ccomp", "xcomp", "acomp"})


def _unread_negation(
    ctx: Host[S], tok: Token, lemma: str, ss: int, se: int, lo: int, hi: int
) -> bool:
    """Whether a negated cue's content is left out.

    ``polarity.py`` reads a negation on any attribution cue ("does not think C", "never
    endorsed X", "did not call for X") and marks the content denied, or questioned when it is
    left open ("would not say whether C"). A negated report or belief ("did not say C", "does
    not think C") is kept, so marked. A negated intention or attitude ("does not want to …",
    "never endorsed X", "did not call for X") attributes nothing: PolNeAR train annotates few
    of them (of 9 read in a `--every 4` sample, 1), so it is left out, as is any content the
    polarity stage would still read as asserted (a tree it cannot follow: meaning reversed).
    """
    if not any(c.dep_ == "neg" for c in tok.children) and not (
        or_conjunct(tok) and any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return False  # (a verb after "or" shares the negation: "did not sign or endorse X")
    if lemma not in _NEGATED_KEPT:
        return True
    return read_polarity(ctx.text, ctx.doc, (ss, se), lo, hi).polarity == "asserted"


def _noun_content(tok: Token) -> tuple[int, int] | None:
    """What a reporting noun reports: its clause, its infinitive or its topic.

    "the claim [that …]", "an assertion [the plan had failed]" (a clause with its own
    subject), "the decision [to withdraw]", "a call for [a truce]".
    """
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("acl", "ccomp"):
            marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
            if "that" in marks or (
                not marks and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):
                return _bounds(c)
            if (
                c.dep_ == "acl"
                and tok.lemma_.lower() in INFINITIVE_NOUNS
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ):
                return _bounds(c)
        if c.dep_ == "prep" and c.lower_ in ("for", "to", "of", "on", "against", "about"):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and (c.lower_ != "of" or obj.pos_ == "VERB"):
                return _bounds(obj)
    return _derived_content(tok, tok.lemma_.lower())


def _copular_content(tok: Token) -> tuple[int, int] | None:
    """ "Roe's argument is [that the port must close]", "the promise she made was [that …]": a
    reporting noun as the subject of "be" whose complement is a "that" clause."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() != "be" or verb.i < tok.i:
        return None
    for c in verb.children:
        if (
            c.dep_ == "ccomp"
            and c.i > verb.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ):
            return _bounds(c)
    return None


def _noun_source(ctx: Host[S], tok: Token, ss: int) -> S:
    """Whose statement a reporting noun is: its possessor ("Roe's claim", "his call"), or the
    subject of the verb that issues it ("Roe expressed concern that …", "made a promise to …")."""
    for c in tok.children:
        if c.dep_ != "poss":
            continue
        if c.lower_ in _POSSESSIVE:
            return ctx.speaker(pronoun=_POSSESSIVE[c.lower_], at=c.idx)
        lo, hi = _bounds(c)
        ent = ctx.actor_in(lo, hi)
        if ent is not None:
            return ctx.speaker(ent)
    made = next((c for c in tok.children if c.dep_ == "relcl" and c.i > tok.i), None)
    if (
        made is not None
        and made.lemma_.lower() in ISSUING_VERBS
        and not any(c.dep_ == "dobj" for c in made.children)
        and (maker := _subject_before(made)) is not None
        and maker.tag_ not in _RELATIVE_TAGS
    ):
        return _verb_speaker(ctx, made, ss)  # "the promise [she has made] is that …"
    verb = tok.head
    if (
        tok.dep_ == "dobj"
        and verb.lemma_.lower() in ISSUING_VERBS
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        and _subject(verb) is not None
    ):
        return _verb_speaker(ctx, verb, ss)
    return ctx.speaker()


def _subject_before(tok: Token) -> Token | None:
    """The verb's own parsed subject standing before it, or ``None``."""
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)


def _verb_speaker(ctx: Host[S], tok: Token, ss: int) -> S:
    """The speaker of a cue verb from its subject phrase as the parse bounds it.

    With a subject of its own before the verb, the phrase runs from the subject's first word
    (not from the sentence's: "[Roe, 51, sent the pictures], the Gazette reported" is the
    Gazette's, "In his review of the magnate, Roe voiced …" is Roe's) and stops before the
    subject's clausal and example modifiers and its other conjuncts (``_subject_end``):
    "A panel led by Jane Roe agreed" is the panel's, not Roe's; "Roe, Penn and Hed argued"
    names Roe. Otherwise (a conjunct or participle sharing a subject) the speaker finder
    reads from the sentence's start as before.
    """
    obj = _object_participle_subject(tok)
    if obj is not None:
        # "the closures have left [58 percent of voters] saying …": the object says it
        lo, hi = obj.left_edge.idx, _subject_end(ctx.text, obj, tok.idx)
        if obj.pos_ == "PRON" or lo < ss:
            return ctx.speaker()  # (a pronoun object is left unresolved: no one named)
        ent = ctx.actor_in(lo, hi)
        plain = ctx.plain_np(ctx.text[lo:hi]) if ent is None else None
        return ctx.speaker(ent) if ent is not None else ctx.speaker(text=plain)
    subj = _subject_before(tok)
    verb = tok
    if subj is None and tok.tag_ != "VBG":
        # an infinitive or a conjunct sharing a subject ("Roe and Penn are spending their
        # evenings trying to work out why …": Roe, not "their evenings"); a participle is
        # left to the speaker finder's own reading of the clause it hangs on
        subj = _subject(tok)
        if subj is not None and (subj.i > tok.i or subj.lower_ in ("who", "that", "which")):
            subj = None
        verb = subj.head if subj is not None else tok
    if subj is None or subj.left_edge.idx < ss:
        return ctx.np_speaker(ss, tok.idx, tok.idx)
    end = _subject_end(ctx.text, subj, verb.idx)
    if verb.i != tok.i:
        # (a borrowed subject ends with its own words: "officials were upset by the ruling
        # and predicted …" is the officials', without "were")
        end = min(end, subj.right_edge.idx + len(subj.right_edge))
    return ctx.np_speaker(subj.left_edge.idx, end, verb.idx)


# a subject's modifiers whose names are no part of who speaks: a relative or participial
# clause ("a memo seen by the Gazette", "parents whose appearance angered Roe")
_CLAUSAL_MODIFIERS = frozenset({"relcl", "acl"})


def _of_chain(tok: Token, subj: Token) -> bool:
    """Whether ``tok`` is the subject's head noun or a noun it governs through "of" ("a copy
    of [the memo]", "a panel of [reporters]"): a modifier there describes the subject; one in an
    apposition or another conjunct describes someone else ("Jane Roe, a lawyer who …")."""
    while tok.i != subj.i:
        if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.i == tok.head.i:
            return False
        tok = tok.head.head
    return True


def _object_participle_subject(tok: Token) -> Token | None:
    """The object a participial cue predicates of, or ``None``: "have left [many voters]
    wondering …", "left [62 percent of voters] saying …" (a person, a group or a share as
    the governing verb's object, right before the cue or set off with its own parenthetical:
    "left [many mayors, including Roe,] wondering"). A participle after a comma that closes a
    plain object is the subject's ("Roe criticized the mayors, saying …")."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "ccomp", "oprd"):
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if obj is None or not (
        obj.lemma_.lower() in PERSON_ROLE_NOUNS
        or obj.lemma_.lower() in GROUP_SOURCE_NOUNS
        or obj.ent_type_ in _AGENT_TYPES
        or _partitive(obj)
    ):
        return None  # (a thing: "sent out pitches highlighting …" is the sender's)
    doc = tok.doc
    gap = doc.text[obj.right_edge.idx + len(obj.right_edge) : tok.idx]
    inner_comma = any(t.text == "," for t in obj.subtree)
    if gap.strip() == "" or (gap.strip() == "," and inner_comma):
        return obj
    return None


def _subject_end(text: str, subj: Token, verb_at: int) -> int:
    """Where a subject phrase's own words end: before its first clausal modifier
    (``_CLAUSAL_MODIFIERS``), example phrase ("mayors like Ivo Roe", ``EXAMPLE_PREPOSITIONS``)
    or further conjunct ("Roe and Penn": Roe), else at the verb."""
    cut = verb_at
    for t in subj.subtree:
        if t.i <= subj.i:
            continue
        # (an example phrase anywhere in it: "Cross, an aide to mayors such as Ivo Penn,")
        example = t.dep_ == "prep" and t.lower_ in EXAMPLE_PREPOSITIONS
        clausal = t.dep_ in _CLAUSAL_MODIFIERS and _of_chain(t.head, subj)
        conjunct = (
            t.head.i == subj.i
            and subj.pos_ in ("NOUN", "PROPN", "PRON")
            and (
                t.dep_ in ("conj", "cc")
                # (a list the parse reads as an apposition: "Penn, [Roe and Lind] argued")
                or (
                    t.dep_ == "appos"
                    and subj.pos_ == "PROPN"
                    and any(c.dep_ == "cc" for c in t.children)
                )
            )
        )
        if example or clausal or conjunct:
            cut = min(cut, t.left_edge.idx)
    if cut == verb_at:
        return cut
    while cut > subj.idx and (text[cut - 1].isspace() or text[cut - 1] in ",;—–-("):
        cut -= 1
    return max(cut, subj.idx + len(subj))


def _passive_source(ctx: Host[S], tok: Token) -> S | None:
    """The agent of a passive cue ("it was announced by the ministry that"); ``None``: active."""
    if not any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in tok.children):
        return None  # (an agent alone: "Asked by Roe to respond, Penn said": Roe asked)
    for agent in (c for c in tok.children if c.dep_ == "agent"):
        for obj in (g for g in agent.children if g.dep_ == "pobj"):
            lo, hi = _bounds(obj)
            ent = ctx.actor_in(lo, hi)
            if ent is not None:
                return ctx.speaker(ent)
            plain = ctx.plain_np(ctx.text[lo:hi])
            return ctx.speaker(text=plain) if plain else ctx.speaker()
    return ctx.speaker()  # "it is believed that": no one to attribute it to


def _hearer_participle(tok: Token, lemma: str) -> bool:
    """Whether a speech cue is a bare past participle modifying a clause ("Asked whether C,
    Roe said …", "When pressed about C, Roe …", "Told that C, Roe …"): passive, so the
    clause's subject is the one asked or told, and the asker is not named. ``_subject`` would
    lend the cue that subject; the content then has no source (an agent names one: "Asked
    by Penn whether C" is left to ``_passive_source``)."""
    # (a participle put first may be tagged a past tense: "Told that C, the union said …"; a
    # finite past verb always has a subject, so a subjectless one before its head is none)
    participle = tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.i < tok.head.i)
    return (
        participle
        and tok.dep_ in ("advcl", "acl")
        and lemma in ATTRIBUTION_SPEECH_VERBS
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in tok.children
        )
    )


def _subject(tok: Token) -> Token | None:
    """A verb's subject, through the conjuncts, participles and infinitives it hangs on."""
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if _controlling_adjective(tok):
            tok = tok.head.head  # "Roe was quick to note C": the copula's subject
            continue
        if tok.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl") or tok.head.i == tok.i:
            return None
        if tok.dep_ == "conj" and not joined_conjunct(tok):
            return None
        if _object_controlled(tok):
            return None
        tok = tok.head
    return None


# Predicative adjectives whose infinitive's subject is the copula's subject and which say the
# act was done, in a manner: "Roe was quick to note that C", "was careful to say C" (a closed
# class; "unable", "reluctant", "unwilling" report what was not said, and a bare "likely" is
# the writer's forecast: "Roe is likely to say no").
_MANNER_ADJECTIVES = frozenset({"quick", "eager", "keen", "careful", "happy", "glad", "proud"})


def _controlling_adjective(tok: Token) -> bool:
    """Whether ``tok`` is an infinitive reporting a clause under a predicative adjective that
    lends it the copula's subject: one of ``_MANNER_ADJECTIVES``, or "likely" compared ("voters
    were more likely to say C": a poll's share of answers, not a forecast)."""
    adj = tok.head
    if tok.dep_ != "xcomp" or adj.pos_ != "ADJ" or adj.dep_ != "acomp" or adj.i > tok.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if any(c.dep_ == "neg" for c in adj.head.children):
        return False  # ("was not quick to say C")
    if not any(
        c.dep_ == "ccomp"
        and c.i > tok.i
        and any(
            g.dep_ in _SUBJECTS or (g.dep_ == "mark" and g.lower_ == "that") for g in c.children
        )
        for c in tok.children
    ):
        # only a reported clause: an object or a topic ("quick to offer condolences", "glad
        # to talk about the audit") is what the source did, not what it said (PolNeAR train:
        # 1 of 5 such readings annotated; with a clause 5 of 8, the other 3 reports it left out)
        return False
    low = adj.lemma_.lower()
    compared = any(c.lower_ in ("more", "less", "most", "least") for c in adj.children)
    return low in _MANNER_ADJECTIVES or (low == "likely" and compared)


def _object_controlled(tok: Token) -> bool:
    """Whether an infinitive's subject is its governing verb's object, not that verb's
    subject: "the drought drove [farmers] to demand …", "Roe urged [Penn] to say …" (a person,
    a group or a pronoun as the object). ``_subject`` gives no subject then (precision first:
    the object is named as an object, not as a source); a purpose clause keeps the subject
    ("Roe used the speech to say …": a thing as the object)."""
    if tok.dep_ not in ("xcomp", "advcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        return False
    for obj in (c for c in tok.head.children if c.dep_ == "dobj"):
        if obj.pos_ == "PRON" or obj.ent_type_ in _AGENT_TYPES or obj.tag_ == "NNS":
            return True
    return False


def joined_conjunct(tok: Token) -> bool:
    """Whether a conjunct verb shares its head's subject ("Roe attacked Penn and said …", "but
    in a later interview said …"). A verb right after a comma and a plain noun phrase does not
    ("Five died and two were hurt off the Point, the ministry said": the parse hangs the
    ministry on the place, but it is the subject, not "Five")."""
    words = 0
    for i in range(tok.i - 1, max(-1, tok.i - 12), -1):
        prev = tok.doc[i]
        if prev.pos_ in ("ADV", "AUX", "PART") and words == 0:
            continue  # "the ministry also said", "the ministry has said"
        if prev.text == ",":
            return words == 0  # ", the ministry said": not joined; ", said": joined
        if prev.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PART") or prev.text == "'":
            return True  # a verb, a preposition, a conjunction: no noun phrase of its own
        words += 1
    return True


def _lent_subject(tok: Token, content: tuple[int, int]) -> Token | None:
    """The noun a participial cue modifies, when it reports a "that" clause: "a memo stating
    that C", "a poll showing that C" (the noun is the source); else ``None``.

    ``bench/indirect_misses.py --split "VERB>ccomp+that"``: on PolNeAR train a listed cue's
    "that" clause whose subject the parse does not give matched a gold content in 17 of 18
    instances of this form (7 of 8 on quarters 0-1, 10 of 10 on 2-3). Two other forms of a
    lent subject were measured and left out: a gerund after a preposition taking the subject
    of the clause it modifies ("Roe spoke, before adding that C": 10 of 16, 9 of 11) and an
    infinitive after a predicative adjective ("Roe was quick to note that C": 2 of 3, 2 of 2).
    """
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in tok.children:
        if (
            c.dep_ == "ccomp"
            and _bounds(c) == content
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ):
            return tok.head
    return None  # (only a "that" clause: without it the readings were not precise enough)


def _lent_speaker(ctx: Host[S], subj: Token) -> S:
    """The speaker a lent subject (``_lent_subject``) names: the noun's phrase up to it."""
    lo, hi = subj.left_edge.idx, subj.idx + len(subj)
    ent = ctx.actor_in(lo, hi)
    if ent is not None:
        return ctx.speaker(ent)
    plain = ctx.plain_np(ctx.text[lo:hi])
    return ctx.speaker(text=plain) if plain else ctx.speaker()


def _sourced(ctx: Host[S], tok: Token, lemma: str, lent: Token | None = None) -> bool:
    """Whether a cue verb's subject can be a source: a person or a body, not a thing.

    A named actor, a third-person pronoun or a relative pronoun (the speaker finder follows it
    to its noun) qualifies; a common noun only for a finding ("the poll shows …") or when the
    actor list knows it ("the spokesman"). "A number of candidates", "the deal", "the
    messages" are no sources.
    """
    subj = lent if lent is not None else _subject(tok)
    if subj is None:
        return False
    if _partitive(subj) or _counted_subject(subj):
        return True
    if subj.pos_ == "PRON":
        return subj.lower_ in _THIRD_PERSON or subj.lower_ in ("who", "that")
    lo, hi = _bounds(subj)
    if ctx.actor_in(lo, min(hi, subj.idx + len(subj))) is not None:
        return True
    if subj.pos_ == "PROPN" and lemma in ATTRIBUTION_SPEECH_VERBS:
        return True  # "The Gazette reported …", "Acme said …": a name that speaks is a source
    if subj.pos_ != "NOUN" or (not any(c.is_alpha for c in subj.lefts) and subj.tag_ != "NNS"):
        return False  # a bare singular noun ("deal said") is a misparse more often than not
    # a common noun speaks (says, thinks, finds) but rarely wants or opposes: "critics say",
    # "the poll shows"; "the messages showed" passes too, and is content, as the corpus has it;
    # people by role and bodies do all of it ("the candidates opposed", "the campaign wants")
    noun = subj.lemma_.lower()
    return lemma in _NOUN_SOURCE_CUES or noun in PERSON_ROLE_NOUNS or noun in GROUP_SOURCE_NOUNS


def _share(subj: Token) -> tuple[int, int] | None:
    """The phrase naming a share of a group that a subject stands for, or ``None``: "those
    surveyed" itself, or the antecedent of a relative "who" ("40 percent of voters who …")."""
    if subj.lower_ == "those":
        return _bounds(subj) if _partitive(subj) else None
    verb = subj.head
    if subj.lower_ not in ("who", "that") or verb.dep_ != "relcl":
        return None
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _partitive(noun.head.head):
        noun = noun.head.head  # "40 percent of [residents] who said": the share of them
    return (noun.left_edge.idx, subj.idx) if _partitive(noun) else None


def _partitive(subj: Token) -> bool:
    """Whether a subject counts a share of a named group: "some of the voters", "60 percent
    of Democrats", "one in four voters", "Twenty percent [of those asked]" (poll answers)."""
    if subj.lower_ == "those":
        # "those surveyed said", "those polled by the paper": the people a poll asked
        return any(c.dep_ == "acl" and c.tag_ == "VBN" for c in subj.children)
    if subj.lower_ not in PARTITIVE_SOURCES and not subj.like_num:
        return False
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.tag_ in ("NNS", "NNPS") or obj.ent_type_ in ("NORP", "ORG"):
                return True
            if prep.lower_ == "in" and subj.like_num and obj.like_num:
                return True  # "two in three said": a share of those asked, as a poll reports
    return subj.lower_ in ("percent", "%") and any(c.like_num for c in subj.children)


_AGENT_TYPES = frozenset({"PERSON", "ORG", "NORP"})


def _counted_subject(subj: Token) -> bool:
    """Whether a subject is a number the parse made the head of a share ("nearly [two]-thirds
    of the voters", "three in [five]", "about [4] in 10 voters"): a number with a
    modifier of its own, not a lone "one" or "two"."""
    return subj.pos_ == "NUM" and any(
        c.dep_ in ("quantmod", "prep", "advmod") for c in subj.children
    )


def _agent_subject(ctx: Host[S], subj: Token | None) -> bool:
    """Whether a subject can intend or promise: a person or a body, or a pronoun for one."""
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in _THIRD_PERSON or subj.lower_ in ("who", "that", "i", "we")
    if subj.pos_ == "NOUN" and (
        subj.lemma_.lower() in PERSON_ROLE_NOUNS or subj.lemma_.lower() in GROUP_SOURCE_NOUNS
    ):
        return True  # "the campaign wants to …", "the candidates vowed to …"
    ent = ctx.actor_in(*_bounds(subj))
    return ent is not None and ent.type in _AGENT_TYPES


_REL_CUT = re.compile(rf"{_WRITER_CLAUSE}|,\s+according\b|;\s|:\s*$")


def _content_end(text: str, lo: int, hi: int) -> int:
    """A content without the side clause a parse hangs on it (", which …", " — …")."""
    m = _REL_CUT.search(text, lo, hi)
    if m and len(text[lo : m.start()].split()) >= 3:
        return m.start()
    return hi


def _before_attribution(ctx: Host[S], cue: Token, lo: int, hi: int) -> int:
    """Where a content stops before another source's attribution at its end.

    "Roe said [the river had crested], the radio reported": a parse often hangs the second
    attribution inside the first one's clause; the clause ends at the comma before it.
    """
    assert ctx.doc is not None
    span = ctx.doc.char_span(lo, hi, alignment_mode="contract")
    for t in span if span is not None else ():
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if (
            t.i == cue.i
            or subj is None
            or t.pos_ != "VERB"
            or t.lemma_.lower() not in ATTRIBUTION_SPEECH_VERBS
        ):
            continue
        start = subj.left_edge.idx if subj.i < t.i else t.idx
        comma = ctx.text.rfind(",", lo, start)
        if comma > lo and not ctx.text[comma + 1 : start].strip():
            return comma
    return hi


def _before_aside(ctx: Host[S], lo: int, hi: int) -> int:
    """Where a content stops before the writer's aside that closes it: a non-restrictive
    relative clause set off by a comma and running to the content's end.

    "Roe said [she backs the budget], which adds money for schools", "Penn said [it would be
    Roe], who leads the count": the parse hangs the clause on the content's last noun, but it
    tells the reader about that noun; PolNeAR's contents stop at the comma. A "that" clause
    is restrictive (no comma) and stays, and so does an aside inside the content ("the plan,
    which the council passed, will fail": the clause goes on after it). An apposition is
    left alone: the parse reads many lists as one ("to cut taxes, raise wages and …"), and
    PolNeAR train quarter 0 lost 10 contents for 3 gained when it was cut too.
    """
    doc = ctx.doc
    assert doc is not None
    text = ctx.text
    span = doc.char_span(lo, hi, alignment_mode="contract")
    for t in span if span is not None else ():
        first = t.left_edge
        if (
            t.dep_ != "relcl"
            or not lo <= t.head.idx < t.idx
            or t.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM")
            or first.i == 0
            or doc[first.i - 1].text != ","
            or not _relative_opening(first)
        ):
            continue
        end = t.right_edge.idx + len(t.right_edge)
        comma = doc[first.i - 1].idx
        if text[end:hi].strip(" .,;!") or _too_short(text, lo, comma):
            continue  # (an aside the content goes on after, or nothing left before it)
        return comma
    return hi


def _relative_opening(first: Token) -> bool:
    """Whether a clause's first word opens a relative clause that is no "that" clause: a
    relative word ("which", "who"), or a preposition the relative word follows ("…, [for
    whom] she was to host a dinner", "…, [in which] …": the clause pied-piped its
    preposition, and it is non-restrictive all the same)."""
    if first.tag_ in _RELATIVE_TAGS:
        return first.lower_ != "that"
    if first.tag_ != "IN" or first.i + 1 >= len(first.doc):
        return False
    nxt = first.doc[first.i + 1]
    return nxt.tag_ in _RELATIVE_TAGS and nxt.lower_ != "that"


def _before_speech_conjunct(ctx: Host[S], lo: int, hi: int) -> int:
    """Where a content stops before the speaker's next report joined to it: "Roe said [the
    pier was sold] and added, “Q”" (the parse joins "added" to "was sold", so the clause ran
    into the quote and was left to it). A speech verb joined by a conjunction inside the
    content, with no subject of its own and a quotation after it, is the speaker's next act,
    not content: the content ends before its conjunction."""

    def cut_before(t: Token) -> int | None:
        if (
            t.dep_ != "conj"
            or t.pos_ != "VERB"
            or cue_lemma(t.lemma_, t.lower_) not in ATTRIBUTION_SPEECH_VERBS
            or not lo <= t.head.idx < t.idx
            or any(c.dep_ in _SUBJECTS for c in t.children)
            or not any(t.idx <= qs < hi for qs, _ in ctx.spans)
        ):
            return None
        cc = next((c for c in t.head.children if c.dep_ == "cc" and c.i < t.i), None)
        return cc.idx if cc is not None and cc.i == t.i - 1 else t.idx

    return _first_cut(ctx, lo, hi, cut_before)


def _first_cut(ctx: Host[S], lo: int, hi: int, cut_before: Callable[[Token], int | None]) -> int:
    """Where a content ``[lo, hi)`` stops: at the first of its tokens for which ``cut_before``
    gives an offset, the content ending there (final punctuation stripped) when enough of it
    is left (``_too_short``); ``hi`` when no token cuts it. The walk the ``_before_*`` cuts
    of a parse share: each says only where its own kind of clause begins."""
    assert ctx.doc is not None
    span = ctx.doc.char_span(lo, hi, alignment_mode="contract")
    for t in span if span is not None else ():
        at = cut_before(t)
        if at is None:
            continue
        cut = _strip_final(ctx.text, lo, at)
        if not _too_short(ctx.text, lo, cut):
            return cut
    return hi


def _before_contrast(ctx: Host[S], cue: Token, lo: int, hi: int) -> int:
    """Where a reported clause stops before a contrasting clause of the writer's joined to
    it: ", but" and a clause with a subject of its own ("Roe said [the pier was safe], but
    the council closed it anyway"). The parse joins the second clause to the reported one;
    a new subject after a comma and "but" opens the writer's answer to it, which PolNeAR's
    contents leave out. Without a subject the clause goes on ("said the fee was fair, but
    needed a vote": the speaker's own contrast stays)."""
    doc = ctx.doc
    assert doc is not None

    def cut_before(t: Token) -> int | None:
        head = t.head
        if (
            t.dep_ != "conj"
            or t.pos_ not in ("VERB", "AUX")
            or head.dep_ != "ccomp"
            or head.head.i != cue.i
            or head.i < cue.i  # (a content put first is all the speaker's: "C, but D, Roe said")
            or not lo <= head.idx < t.idx
            or not any(c.dep_ in _SUBJECTS for c in t.children)
            # (", but that D" is a second complement of the cue: the report goes on)
            or any(c.dep_ == "mark" for c in t.children)
        ):
            return None
        cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < t.i), None)
        if cc is None or cc.lower_ != "but" or cc.i == 0 or doc[cc.i - 1].text != ",":
            return None
        return doc[cc.i - 1].idx

    return _first_cut(ctx, lo, hi, cut_before)


def _next_act_of(tok: Token) -> Token | None:
    """The cue verb whose next act ``tok`` is, when the parse hangs it inside that cue's
    reported clause, or ``None``.

    "Roe said [the pier was safe] and urged that the council wait", "Roe said [the pier was
    safe], noting that …": spaCy often hangs "urged" or "noting" on "was" rather than on
    "said", so the reported clause ran on over the speaker's next report. Read as the cue's
    own act: a speech verb with no subject of its own (the reported clause has one) and a
    complement of its own, either a conjunct of the clause's verb in the cue's tense form
    ("said … and urged that", "says … and refuses to") or a participle set off by a comma
    (", noting that …", ", insisting the …"). A verb sharing the clause's subject is seldom a
    cue of the same form with its own complement ("said the pier was safe and would reopen"
    stays whole).
    """
    if tok.pos_ != "VERB" or any(c.dep_ in _SUBJECTS for c in tok.children):
        return None
    lemma = cue_lemma(tok.lemma_, tok.lower_)
    # (a question is an act of speech too: "said she pays $900 in rent and asked how she could
    # stay", "and questioned why …"; PolNeAR's content stops before it as before "urged")
    if lemma not in ATTRIBUTION_SPEECH_VERBS and lemma not in QUESTION_VERBS:
        return None  # (a belief stays the clause's: "said she lost but understood why")
    kids = [c for c in tok.children if c.i > tok.i]
    if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        if not any(c.dep_ in ("ccomp", "xcomp") for c in kids):
            return None
        head = tok.head
    elif (
        tok.tag_ == "VBG"
        and tok.dep_ in ("advcl", "xcomp", "conj")
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        # (with a clause of its own: ", highlighting the gap" is as often the writer's gloss)
        and any(c.dep_ in ("ccomp", "xcomp") for c in kids)
    ):
        head = tok.head
        for _ in range(3):  # (the clause's verb, or a verb inside it: "said [X hoped …], noting")
            if head.dep_ == "ccomp" or head.head.i == head.i:
                break
            head = head.head
    else:
        return None
    cue = head.head
    if (
        head.dep_ != "ccomp"
        or not cue.i < head.i < tok.i
        or cue.pos_ != "VERB"
        or (tok.tag_ != "VBG" and cue.tag_ != tok.tag_)
        or cue_lemma(cue.lemma_, cue.lower_) not in _CUE_LEMMAS
        or not any(c.dep_ in _SUBJECTS for c in head.children)
    ):
        return None
    return cue


def _before_next_act(ctx: Host[S], cue: Token, lo: int, hi: int) -> int:
    """Where a content stops before the speaker's next act joined inside it
    (``_next_act_of``): before the conjunction or the comma ("and urged that …", ", noting
    that …")."""
    doc = ctx.doc
    assert doc is not None

    def cut_before(t: Token) -> int | None:
        first = _next_act_of(t) if t.dep_ in ("conj", "advcl", "xcomp") and t.i > 0 else None
        if first is None or first.i != cue.i:
            return None
        prev = doc[t.i - 1]
        while prev.i > 0 and prev.pos_ in ("ADV", "AUX", "PART") and prev.dep_ != "cc":
            prev = doc[prev.i - 1]  # ("and also urged", "and then said")
        return prev.idx if prev.dep_ == "cc" or prev.text == "," else t.idx

    return _first_cut(ctx, lo, hi, cut_before)


def _before_quote(ctx: Host[S], lo: int, hi: int) -> int | None:
    """Where a content stops before a quote inside it, or ``None`` to leave it to the quote.

    "said C, and he put it bluntly — “Q”": the clause before the quote's clause is content; a
    clause that wraps a partial quote ("said the pier was “a long time coming”") is the
    quote's, found as a partial quote with this speaker.
    """
    for s, e in ctx.spans:
        if s >= hi:
            break
        if e > lo:
            cut = [m.start() for m in _CLAUSE_BREAK.finditer(ctx.text, lo, max(lo, s - 1))]
            if not cut or len(ctx.text[lo : cut[-1]].split()) < 3:
                return None
            return cut[-1]
    return hi


def _around(text: str, ss: int, se: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence ``[ss, se)`` without an attribution phrase ``[lo, hi)`` at its start or
    end; a phrase in the middle leaves the whole sentence ("C, as Roe put it, D")."""
    end = se - (1 if text[se - 1 : se] in (".", "!") else 0)
    if not text[ss:lo].strip(" ,(“\"'"):
        return _trim(text, hi + len(text[hi:end]) - len(text[hi:end].lstrip(" ,")), end, ",")
    if not text[hi:end].strip(" ,.!)"):
        return _trim(text, ss, lo, ",")
    if text[:lo].rstrip().endswith(",") and text[hi:].lstrip().startswith(","):
        return ss, end
    return ss, ss  # (a phrase inside a clause of its own frames that clause only: left out)


def _framing(ctx: Host[S], tok: Token, lemma: str, ss: int, se: int) -> _Cand[S] | None:
    """ "As Roe put it, C", "C, as Roe said", "In Roe's view, C": the rest of the sentence is
    the source's content (PolNeAR annotates the clause around such a phrase)."""
    if (
        tok.pos_ == "VERB"
        and tok.dep_ == "advcl"
        and tok.head.dep_ == "ROOT"
        and (
            lemma in ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS
            or (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children))
        )
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and not any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lower_ != "it")
            for c in tok.children
        )
    ):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or (subj.i > tok.i and lemma not in ("say", "put")):
            return None
        sp = ctx.np_speaker(subj.left_edge.idx, subj.idx + len(subj), tok.idx)
        phrase = _bounds(tok)
    elif (
        tok.pos_ == "NOUN"
        and lemma in FRAMING_NOUNS
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "to")
        and tok.head.head.dep_ == "ROOT"
        and any(c.dep_ == "poss" for c in tok.children)
    ):
        sp = _noun_source(ctx, tok, ss)
        phrase = _bounds(tok.head)
    else:
        return None
    if not sp or ctx.in_quote(tok.idx) or phrase[0] < ss or phrase[1] > se:
        return None
    lo, hi = _around(ctx.text, ss, se, *phrase)
    return (lo, hi, sp) if len(ctx.text[lo:hi].split()) >= 3 else None


# Nouns for an opinion poll: the clause after "In [a poll]," is the poll's finding ("In the
# new survey, Roe leads by nine points"); a closed set of the words for one.
_POLL_NOUNS = frozenset({"poll", "survey", "polling"})


def _interrupting(ctx: Host[S], tok: Token, lemma: str, content: tuple[int, int]) -> bool:
    """Whether a cue with a complement after it interrupts the clause that complement
    completes: "It was no accident, Roe said, that the council voted early". The parse hangs
    the cue on the clause begun before it (a parenthetical set off by commas) and the "that"
    clause, the extraposed subject of that clause, on the cue; PolNeAR's content is the whole
    clause with the cue inside it, as for "The plan, Roe said, is dead". A cue opening its
    sentence ("Roe said, that …") or closing it has no clause around it."""
    head = tok.head
    text = ctx.text
    subj = _subject_before(tok)
    if subj is None:
        return False
    first = subj.left_edge  # (the cue's own left edge may be the comma before it)
    return (
        tok.pos_ == "VERB"
        and tok.dep_ == "parataxis"
        and lemma in _ASIDE_CUES
        and head.pos_ in ("VERB", "AUX")
        and head.i < first.i
        and head.left_edge.idx < first.idx
        and tok.idx < content[0]
        and text[: first.idx].rstrip().endswith(",")
        and text[tok.idx + len(tok) : content[0]].strip() == ","
        and not any(c.dep_ == "neg" for c in tok.children)
    )


def _clause_head(tok: Token) -> Token | None:
    """The verb a prepositional attribution ("according to X", "in a poll") hangs on, when it
    heads a clause: a verb or an auxiliary, or the sentence's root."""
    head = tok.head
    while head.dep_ in ("aux", "auxpass") or (
        head.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in head.children)
    ):
        # an auxiliary's verb ("[the candidate is] leading"); a conjunct sharing its subject
        # is one clause with the first ("income rose …, but declined …, according to X")
        head = head.head
    if head.i == tok.i or not (head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT"):
        return None
    return head


def _prepositional(ctx: Host[S], tok: Token, ss: int, se: int) -> _Cand[S] | None:
    """ "C, according to X", "According to X, C", "In a poll by X, C": the clause the phrase
    hangs on, without the phrase, is X's (the clause only: in "…, and Roe broke it, according
    to X" only the conjunct "Roe broke it" is; PolNeAR annotates the clause). A phrase inside
    its clause between commas leaves the whole clause. The source is the phrase's object as
    ``_according_speaker`` names it ("a Gallup poll", "the survey by Velmar College").
    """
    if tok.dep_ != "prep":
        return None
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    elif tok.lower_ == "in":
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _POLL_NOUNS or obj.pos_ != "NOUN":
            return None
    else:
        return None
    head = _clause_head(tok)
    if obj is None or head is None or ctx.in_quote(tok.idx):
        return None
    if tok.lower_ == "in" and (
        cue_lemma(head.lemma_, head.lower_) in _CUE_LEMMAS or head.pos_ not in ("VERB", "AUX")
    ):
        return None  # ("said in a poll that C", "voters in the poll": the cue's or no clause)
    phrase = _bounds(tok)
    lo, hi = _bounds(head)
    if lo < ss or hi > se or not lo <= phrase[0] < phrase[1] <= hi:
        return None
    text = ctx.text
    if not text[lo : phrase[0]].strip(" ,(“\"'"):
        if text[ss : phrase[0]].strip(" (“\"'") and not text[ss : phrase[0]].rstrip().endswith(","):
            return None  # (a phrase inside a clause the parse hangs elsewhere: a misparse)
        a, b = _trim(text, phrase[1], hi, ",")
    elif not text[phrase[1] : hi].strip(" ,.!)") and tok.lower_ == "according":
        a, b = _trim(text, lo, phrase[0], ",")
        a = _after_colon(ctx, a, b)  # ("Traffic rose: [the port now …], according to X")
    elif tok.lower_ == "in":
        # "Roe trails [in the polls]", "who is struggling in the polls": a clause with the
        # poll after it is often the writer's or another source's (PolNeAR train: 4 of 12
        # such were annotated as the poll's); only a poll put first frames the clause
        return None
    elif text[: phrase[0]].rstrip().endswith(",") and text[phrase[1] :].lstrip().startswith(","):
        a, b = lo, hi
    else:
        return None
    a = _trim(text, a + len(text[a:b]) - len(text[a:b].lstrip(" ,—–")), b)[0]
    for c in head.children:
        # without the clause's own "and" or "although" ("although [Roe moved to third]")
        if c.dep_ in ("cc", "mark") and c.idx == a:
            a = _trim(text, c.idx + len(c), b)[0]
    b = _strip_final(text, a, b)
    span = ctx.doc.char_span(a, b, alignment_mode="contract") if ctx.doc is not None else None
    subj = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    if (
        span is None
        or not span.start <= head.i < span.end
        or subj is None  # (a clause: "a memo [kept secret]" is no one's statement)
        or not span.start <= subj.i < span.end
        or _too_short(text, a, b)
    ):
        return None  # (the content must keep the clause's verb and its subject)
    o_lo, o_hi = _bounds(obj)
    sp = _according_speaker(ctx, o_lo, _attribution_end_at(text, o_lo, o_hi))
    return (a, b, sp) if sp else None


def _attribution_end_at(text: str, lo: int, hi: int) -> int:
    """A source phrase ``[lo, hi)`` up to its first comma (an apposition or a clause after it
    describes the source: "a poll by X, conducted in May, …")."""
    cut = text.find(",", lo, hi)
    return cut if cut > lo else hi


# Relative words that open a clause a cue sits inside: "which Roe said will close".
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _relative_report(ctx: Host[S], tok: Token, lemma: str, ss: int) -> _Cand[S] | None:
    """ "the tolls, [which the mayor said will start in May], …": a speech or belief verb in
    a relative clause whose reported clause holds the relative word; the relative clause, cue
    and all, is the content (as PolNeAR annotates it) and the verb's subject the source."""
    if (
        tok.pos_ != "VERB"
        or tok.dep_ != "relcl"
        or lemma not in ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS
        or ctx.in_quote(tok.idx)
        or any(c.dep_ == "neg" for c in tok.children)
    ):
        return None
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    subj = _subject_before(tok)
    if comp is None or subj is None or subj.tag_ in _RELATIVE_TAGS:
        return None  # ("who said C": the relative word is the speaker; the verb's own reading)
    rel = next((t for t in comp.subtree if t.tag_ in _RELATIVE_TAGS), None)
    if rel is None or rel.i > subj.left_edge.i:
        return None
    lo, hi = _bounds(tok)
    if lo < ss or rel.idx < lo:
        return None
    sp = _verb_speaker(ctx, tok, ss)
    hi = _strip_final(ctx.text, lo, _content_end(ctx.text, lo, hi))
    return (lo, hi, sp) if sp and not _too_short(ctx.text, lo, hi) else None


def _parsed(ctx: Host[S], ss: int, se: int) -> list[_Cand[S]]:
    """Attributions read from the parse: each cue with its content and its source.

    A cue is a verb of the attribution table (``lang``: speech, belief, intention, attitude,
    evidence) or a reporting noun; its content is the clause, object or topic it
    governs; its source is the verb's subject (followed through conjuncts and participles by
    the quote extractor's ``np_speaker``), the agent of a passive, or the noun's possessor. A
    cue with no source found gives nothing (precision first), and so does a content reaching
    out of the sentence or over its own cue (a misparse). Of nested attributions only the
    outer one is kept ("Roe said [Doe believes C]").
    """
    assert ctx.doc is not None
    span = ctx.doc.char_span(ss, se, alignment_mode="expand")
    if span is None:
        return []
    words = [t for t in span if t.is_alpha]
    if len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) > 0.7 * len(words):
        return []  # a headline ("Senator Accused Of Hiding Report"): no sentence to parse
    out: list[_Cand[S]] = []
    for tok in span:
        if tok.is_space:
            # first: a blanked region is one huge space token (nlp.bounded_text), whose
            # ``lemma_`` would copy it out for every sentence in it (quadratic)
            continue
        lemma = cue_lemma(tok.lemma_, tok.lower_)
        framed = _framing(ctx, tok, lemma, ss, se) or _prepositional(ctx, tok, ss, se)
        framed = framed or _relative_report(ctx, tok, lemma, ss)
        if framed is not None:
            out.append(framed)
            continue
        if tok.pos_ == "VERB" and (lemma in _CUE_LEMMAS or lemma in DERIVED_VERB_CUES):
            content = _verb_content(tok, lemma)
        elif tok.pos_ == "NOUN" and lemma in ATTRIBUTION_NOUNS:
            content = _noun_content(tok) or _copular_content(tok)
        elif tok.pos_ == "NOUN" and lemma in DERIVED_NOUN_CUES:
            content = _derived_content(tok, lemma)
        else:
            continue
        aside = (
            content is None
            and tok.dep_ == "parataxis"
            and lemma in _ASIDE_CUES
            and not any(c.dep_ == "neg" for c in tok.children)
        )
        if aside:
            # "The plan, Roe said, is dead": the sentence around the cue is its content, the
            # cue set off by commas or dashes inside it (PolNeAR's content holds the cue)
            content = _bounds(tok.head)
            after = ctx.text[tok.right_edge.idx + len(tok.right_edge) : content[1]]
            if not (content[0] < tok.left_edge.idx and any(ch.isalnum() for ch in after)):
                continue  # (a cue at the end, "C, Roe said", is the rules' trailing form)
            before = ctx.text[: tok.left_edge.idx + len(tok.left_edge)].rstrip()
            if not before.endswith((",", "—", "–")):
                continue  # (no parenthetical: a misparse of two clauses run together)
            own = _subject_before(tok)
            if own is None or own.pos_ == "PRON":
                # (a pronoun is left to the rules' "C, she said, D": PolNeAR train quarter
                # 0 scored 10 more pronoun speakers this way, 4 of them right)
                continue
        elif content is None or content[0] <= tok.idx < content[1] or _dropped(tok, lemma, content):
            continue
        elif _interrupting(ctx, tok, lemma, content):
            # "It was no accident, Roe said, that the council voted early": the cue interrupts
            # the clause its complement belongs to; the content is that clause, cue and all
            content = _bounds(tok.head)
            aside = True
        if ctx.in_quote(tok.idx) or (tok.dep_ == "conj" and ctx.in_quote(tok.head.idx)):
            continue  # (a cue joined to a quoted verb takes its subject from a misparse)
        lo, hi = content
        if lo < ss or hi > se:
            continue
        m = re.match(r"that\s+", ctx.text[lo:hi])  # the clause without its "that"
        lo += m.end() if m else 0
        subj = _subject(tok)
        if (
            subj is not None
            and lo <= subj.idx < hi
            and not (aside and tok.left_edge.i <= subj.i <= tok.right_edge.i)
        ):
            # ("…, said Jane Roe, the director of …": the speaker is no content; a
            # parenthetical cue's own subject is inside the sentence it sits in)
            continue
        if tok.pos_ == "VERB" and ctx.text.startswith("to ", lo) and not _agent_subject(ctx, subj):
            continue  # "the primary threatens [to …]": only a person or a body intends
        if tok.pos_ == "NOUN":
            if tok.dep_ == "dobj" and any(c.dep_ == "neg" for c in tok.head.children):
                continue  # "did not voice concerns about [X]": nothing attributed, left out
            sp = _noun_source(ctx, tok, ss)
        else:
            if _hearer_participle(tok, lemma):
                continue  # "Asked whether C, Roe said": Roe was asked; who asked is not said
            passive = _passive_source(ctx, tok)
            lent = _lent_subject(tok, content) if passive is None and subj is None else None
            if passive is None and not _sourced(ctx, tok, lemma, lent):
                continue
            if lent is not None:
                sp = _lent_speaker(ctx, lent)
            else:
                sp = passive if passive is not None else _verb_speaker(ctx, tok, ss)
            if (first := _next_act_of(tok)) is not None:
                # (the speaker's next act: the first cue's speaker, not the subject of the
                # clause the parse hangs it on)
                sp = _verb_speaker(ctx, first, ss)
            group = [c for c in subj.children if c.dep_ == "prep"] if subj is not None else []
            if subj is not None and not sp:
                share = _share(subj)
                # "those surveyed said", "the 40 percent of voters who said": the share as
                # written (the speaker finder takes "those" and "who" for function words)
                named = ctx.text[share[0] : share[1]].split() if share else []
                if named and named[0].lower() == "the":
                    named = named[1:]
                if 0 < len(named) <= 8 and all(re.fullmatch(r"[\w%.-]+", w) for w in named):
                    sp = ctx.speaker(text=" ".join(named))
            if subj is not None and _counted_subject(subj) and subj.i < tok.i:
                # "nearly two-thirds of the voters said", "three in five said": the share as
                # written, or no one (the speaker finder keeps a number: "two", "five")
                plain = ctx.plain_np(ctx.text[subj.left_edge.idx : _bounds(subj)[1]])
                sp = ctx.speaker(text=plain) if plain else ctx.speaker()
            elif subj is not None and group and _partitive(subj):
                # "one in four voters said", "most of her aides": the share as written, up to
                # the group it counts (the speaker finder keeps only "one" or "most")
                hi_s = max(_bounds(c)[1] for c in group)
                plain = ctx.plain_np(ctx.text[subj.left_edge.idx : hi_s])
                sp = ctx.speaker(text=plain) if plain and hi_s <= tok.idx else sp
        hi = _content_end(ctx.text, lo, _before_attribution(ctx, tok, lo, hi))
        hi = _before_speech_conjunct(ctx, lo, _before_aside(ctx, lo, hi))
        if tok.pos_ == "VERB":
            hi = _before_contrast(ctx, tok, lo, _before_next_act(ctx, tok, lo, hi))
        end = _before_quote(ctx, lo, hi)
        if end is None:
            continue
        hi = end
        if tok.pos_ == "VERB" and _unread_negation(ctx, tok, lemma, ss, se, lo, hi):
            continue  # "did not endorse [the plan]" not read as denied: never shown asserted
        if sp:
            out.append((lo, hi, sp))
    # the outer of nested attributions (a content holding another cue and its content)
    out.sort(key=lambda c: (c[0], -c[1]))
    kept: list[_Cand[S]] = []
    for c in out:
        if kept and c[0] < kept[-1][1]:
            continue
        kept.append(c)
    return kept

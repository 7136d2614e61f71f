"""Polarity and modality of reported content: does the speaker assert it?

Input: an article's text, its spaCy ``Doc`` (or ``None``), the sentence and the content span
of a quote or a stance. Output: a :class:`Reading`: one of ``asserted``, ``denied``,
``questioned``, ``conditional``, ``hypothetical`` (``models.Polarity``), the cue that decided
it, and whether the parse agreed.

Rules, strongest first (a content that shows several takes the first):

- ``denied``: a denial verb governs the content ("X denied (that) C", "denies ever seeking C",
  "C, X disputed"); a denial verb with a noun of saying ("rejected the claim that C",
  "dismissed reports that C"); a negated report ("did not say C", "never said C",
  "has not confirmed C"); a refusal to say ("declined to say whether C"); a first-person
  denial inside the quote ("We deny that …").
- ``questioned``: "asked/questioned/wondered whether (if) C", "asked X why/how/what C", or a
  content ending in "?".
- ``hypothetical``: "suppose", "in the event that", "what if", a counterfactual ("would have
  done", "had she known"; a participle after "have", no relative pronoun before the modal:
  "prevented what would have been a war" asserts), or "would/could/might … if" (not
  backshifted speech: "X said it would … if" is the conditional "will … if" reported). "I
  can't imagine …" imagines nothing.
- ``conditional``: an "if"/"unless"/"provided that"/"as long as" clause on the content (or
  before it, "If C1, C2", "said [that,] if C1, [C2]"); "even if", "as if", "if any," set no
  condition, nor "if" after a verb of knowing or asking ("did not know if C": whether), "as
  long as" before an amount, a condition of a relative clause ("which, unless …, will be"),
  or one of a later clause after the content ("…,” Roe said, noting … if …").
- otherwise ``asserted``. A question put first ("Asked whether C1, X said C2") is not C2's
  frame; "rejected X as “Y”" leaves Y the speaker's own word.

With a parse, the governing verb of the content is read from the tree (``neg`` children,
its lemma, ``mark`` children "whether"/"if", the ``aux`` "would/could", ``advcl`` clauses
marked "if"/"unless"); the word-list rules (cues from ``storyline.lang``) run in every case.
Precision first: when either finds a non-asserted reading, it stands; ``parsed`` says whether
the parse found the same one (a confidence of the reading, see :func:`certainty`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.lang import (
    CONDITIONAL_CUES,
    DENIAL_EXTRA_FORMS,
    DENIAL_NOUNS,
    DENIAL_OBJECT_VERBS,
    DENIAL_VERBS,
    HYPOTHETICAL_CUES,
    HYPOTHETICAL_MODALS,
    NEGATION_CUES,
    NOT_CONDITIONAL_IF,
    QUESTION_VERBS,
    REFUSAL_VERBS,
    REPORTING_FORMS,
    SPEECH_VERBS,
    UNSAID_VERBS,
    alternation,
)
from storyline.lang.attribution import ATTRIBUTION_CUES, attribution_cue_forms
from storyline.lang.en import (
    DENIAL_NOUN_MODIFIERS,
    DENIAL_SELF_VERBS,
    HAVE_OBJECT_WORDS,
    IRREGULAR_PARTICIPLES,
    NEGATION_ADVERBS,
    NEGATION_LIMITERS,
    NEGATIVE_SUBJECTS,
    NOT_CONDITIONAL_IF_AFTER,
    OPEN_CONTENT_TOKENS,
    OPEN_CONTENT_WORDS,
    WHETHER_IF_HEADS,
    WHETHER_IF_LEMMAS,
    WHETHER_IF_PARTICLE_LEMMAS,
)
from storyline.lang.frames import NUMBER_WORDS
from storyline.models import Polarity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "Reading",
    "certainty",
    "mark_quotes",
    "or_conjunct",
    "quote_confidence",
    "read_polarity",
    "stance_confidence",
]

_ORDER: dict[Polarity, int] = {
    "denied": 0,
    "questioned": 1,
    "hypothetical": 2,
    "conditional": 3,
    "asserted": 4,
}

_DENY_FORMS = alternation(
    [f for lemma in DENIAL_SELF_VERBS for f in DENIAL_VERBS.get(lemma, ())]
    + list(DENIAL_EXTRA_FORMS)
)
_DET = rf"(?:(?:{'|'.join(DENIAL_NOUN_MODIFIERS)}|\w+['’]s)\s+)*"
_DENY_OBJ = (
    rf"(?:{alternation(DENIAL_OBJECT_VERBS)})\s+{_DET}(?:\w+\s+)?(?:{alternation(DENIAL_NOUNS)})\b"
)
# a negated cue of any attribution: speech ("did not say C"), belief ("does not think C"),
# intention ("does not want to …"), attitude ("never endorsed X"), with its preposition's object
# ("did not call for X"); "like" is also a preposition ("it is not like …")
_SPEECH_ANY = alternation(
    {f for forms in SPEECH_VERBS.values() for f in forms} | set(SPEECH_VERBS) | set(UNSAID_VERBS)
)
_CUE_ANY = alternation(
    {f for forms in SPEECH_VERBS.values() for f in forms}
    | set(SPEECH_VERBS)
    | set(UNSAID_VERBS)
    | (attribution_cue_forms() - {"like", "likes", "liked"})
)
_NEGATED_CUES = (ATTRIBUTION_CUES | frozenset(SPEECH_VERBS) | frozenset(UNSAID_VERBS)) - {"like"}
_NEGS = alternation(NEGATION_CUES)
_NEG_LEAD = (
    rf"(?:\b(?:{_NEGS})|n['’]t)\s+"
    rf"(?:(?!only\b)(?:\w+ly|{'|'.join(NEGATION_ADVERBS)})\s+)*"
)
_NEG_REPORT = (
    rf"{_NEG_LEAD}(?:{_CUE_ANY})\b"
    # "None has said C", "Nobody ever claimed C": a negative subject of the report
    rf"|\b(?:{alternation(NEGATIVE_SUBJECTS)})(?:\s+of\s+(?:them|us|the\s+[\w’'-]+))?\s+"
    r"(?:(?:has|have|had|did|does|ever|yet)\s+)*"
    rf"(?:{_CUE_ANY})\b"
)
# in the speaker's own words only a negated report denies ("I never said that"); "I don't
# think it matters" is the speaker's assertion
_NEG_SPEECH = rf"{_NEG_LEAD}(?:{_SPEECH_ANY})\b"
_REFUSAL = rf"\b(?:{alternation(REFUSAL_VERBS)})\s+(?:to\s+)?(?:{alternation(UNSAID_VERBS)})\b"
_DENIAL = re.compile(
    rf"\b(?:{_DENY_FORMS})\b|\b{_DENY_OBJ}|{_NEG_REPORT}|{_REFUSAL}",
    re.I,
)
# a negated denial ("did not dispute that C", "never denied C") denies nothing: the speaker
# lets C stand
_DENY_ANY = alternation(
    set(DENIAL_SELF_VERBS)
    | {f for lemma in DENIAL_SELF_VERBS for f in DENIAL_VERBS.get(lemma, ())}
    | set(DENIAL_EXTRA_FORMS)
)
_NEGATED_DENIAL = re.compile(rf"{_NEG_LEAD}(?:{_DENY_ANY})", re.I)
# a content left open by a refusal or a negated report: "whether/if/when … C"
_OPEN_WORDS = rf"(?:{'|'.join(OPEN_CONTENT_WORDS)})"
_OPEN_AFTER = re.compile(rf"\b{_OPEN_WORDS}\s*$", re.I)
_OPEN_CONTENT = re.compile(rf"\s*{_OPEN_WORDS}\b", re.I)
# a denial proper ("denied", "rejected the claim"), which leaves nothing open
_DENY_ONLY = re.compile(rf"\b(?:{_DENY_FORMS})\b|\b{_DENY_OBJ}", re.I)
# "We deny that …", "I never said that", "we didn't say …": the speaker's own denial
_FIRST_PERSON_DENIAL = re.compile(
    rf"\b(?:I|we)(?:['’](?:ve|d)|\s+(?:have|had|did|do|would|will))?\s*(?:\w+ly\s+)?"
    # "I don't believe in X" is a stance of the speaker's, not a denial of what follows
    rf"(?:(?:{_DENY_FORMS})\b|{_DENY_OBJ}|{_NEG_SPEECH}(?!\s+in\b))",
    re.I,
)
_QUESTION = re.compile(
    rf"\b(?:{alternation(QUESTION_VERBS)})\s+(?:[\w’'-]+\s+){{0,4}}?(?:whether|if)\b", re.I
)
_HYPO_CUE = re.compile(rf"\b(?:{alternation(HYPOTHETICAL_CUES)})\b", re.I)
_MODALS = alternation(HYPOTHETICAL_MODALS)
# "would have [the] discretion": "have" with an object is no counterfactual
_HAVE_OBJECT = f"(?:{'|'.join(HAVE_OBJECT_WORDS)})"
# only a participle after "have": "could have serious repercussions" is "have" with an object
_PARTICIPLE = rf"(?:\w+(?:ed|en|wn|ne)|{alternation(IRREGULAR_PARTICIPLES)})\b"
_COUNTERFACTUAL = re.compile(
    rf"\b(?:{_MODALS})\s+(?:not\s+|never\s+)?have\s+(?:\w+ly\s+)?(?!{_HAVE_OBJECT}\b)(?=[a-z]){_PARTICIPLE}"
    r"|(?:^|[,;:—]\s*|\b(?:and|but)\s+)[Hh]ad\s+(?:he|she|they|we|I|it|you|the\s+\w+|[A-Z]\w+)\s+"
    r"(?:not\s+)?(?:been|known|had|\w+ed)\b",
)
# "if any"/"if ever" before a word opens a condition ("if any rival enters"), not an aside
# ("few, if any, …")
_NOT_IF = rf"(?:{alternation(NOT_CONDITIONAL_IF)})\b(?!(?:(?<=any)|(?<=ever))\s+[a-z])"
_COND = re.compile(rf"(?<![\w-])(?!{_NOT_IF})(?:{alternation(CONDITIONAL_CUES)})\b", re.I)
_NOT_IF_RX = re.compile(rf"\b{_NOT_IF}", re.I)
_MODAL_RX = re.compile(rf"\b(?:{_MODALS})\b(?!\s+only\b)", re.I)
_REPORT_BEFORE = re.compile(rf"\b(?:{alternation(REPORTING_FORMS)})\b", re.I)
# where the clause that governs the content starts: the last strong break before it
_BREAK = re.compile(r"[;:()]|\s[—–]\s|,\s+(?:but|while|whereas|although|though)\b|\.\s")
# a question put first ("Asked whether C1, X said C2"): the content's frame starts after it
_ASKED_LEAD = re.compile(
    r"\s*[“\"]?(?:(?:When|After|Once)\s+)?(?:[Aa]sked|[Pp]ressed|[Qq]uestioned)\b[^;:.?!]*?,\s+"
)
# "asked Rubio why …", "when asked how …", "wondered what …", "asked Roe which towns …": a
# question with a wh-word, after at most two words (the one asked)
_QUESTION_WH = re.compile(
    rf"\b(?:{alternation(QUESTION_VERBS)})\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:how|what|why|where|when|who|whom|which)\b",
    re.I,
)
# "if" after a verb of knowing or asking is "whether" ("did not know if C", "asked him if C")
_WHETHER_IF_BEFORE = re.compile(
    rf"\b(?:{alternation(WHETHER_IF_HEADS)})\s+(?:(?:him|her|them|me|us|you|it)\s+)?$", re.I
)
# "as long as three hours" is a length, not a condition
_AS_LONG_AS_AMOUNT = re.compile(
    rf"(?:as|so)\s+long\s+as\s+(?:\d|(?:a|an|several|{alternation(NUMBER_WORDS)})\b)", re.I
)
# "said if Trump picked him it would be [C]", "pledged that, if elected, he would be [C]": a
# condition opened right after the report governs the content that follows it
_REPORT_IF = re.compile(rf"\b(?:{_CUE_ANY})\s*,?\s+(?:that\s*,?\s*)?(?:if|unless)\b", re.I)
_IF_WORD = re.compile(r"\b(?:if|unless)\b", re.I)
# a trailing attribution after the content ("C,” Roe said, if …"); not a participle ("adding")
_TRAIL_REPORT = re.compile(
    rf"[\s,”\"’]*(?:(?!(?:if|unless|and|but)\b)[\w.’'-]+\s+){{0,6}}?(?!\w+ing\b)"
    rf"(?:{alternation(REPORTING_FORMS)})\b"
    r"[\s,:“\"‘]*",
    re.I,
)
# where a clause after the content starts: a condition past it is that clause's
_AFTER_BREAK = re.compile(
    r",\s*(?:and|but|then|while|because|\w+ing)\b|\b(?:but|then|because)\b|[;:—–]"
    rf"|\band\s+(?:\w+\s+)?(?:{alternation(REPORTING_FORMS)})\b",
    re.I,
)
# the content named after "as" ("rejected the idea as [“ludicrous”]") is the speaker's own word
_AS_CONTENT = re.compile(r"\bas\s*[“\"‘']*\s*$", re.I)
# a negation right before a cue ("I can't imagine how …" imagines nothing)
_NEGATED_BEFORE = re.compile(r"(?:n['’]t|\bnot|\bnever|\bcannot)\s+(?:\w+\s+)?$", re.I)
# a relative pronoun right before a condition: the condition is of the relative clause
_RELATIVE_CUE = re.compile(r"\b(?:which|who)\s*,?\s*$", re.I)
# a relative pronoun before a counterfactual: "prevented what would have been a war" asserts
_RELATIVE_BEFORE = re.compile(r"\b(?:what|which|who)\s+(?:\w+\s+){0,2}$", re.I)


@dataclass(frozen=True, slots=True)
class Reading:
    """The polarity of one content, the words that decided it, and whether the parse agreed."""

    polarity: Polarity
    cue: str | None = None
    parsed: bool = False


def _frame(text: str, s0: int, start: int) -> tuple[int, str]:
    """The governing clause before the content: from the last strong break to ``start``."""
    lo = max(s0, start - 200)
    seg = text[lo:start]
    cut = 0
    for m in _BREAK.finditer(seg):
        cut = m.end()
    asked = _ASKED_LEAD.match(text, s0, start)
    if asked and asked.end() - lo > cut:
        cut = asked.end() - lo
    return lo + cut, seg[cut:]


def _sets_condition(s: str, pos: int) -> bool:
    """Whether the conditional cue at ``s[pos]`` sets a condition: not inside a phrase of
    ``NOT_CONDITIONAL_IF`` ("even if", "as if"), not "if" after a verb of knowing or asking
    ("did not know if C" asks whether), not "as long as" before an amount ("as long as three
    hours"), not one of a relative clause."""
    for m in _NOT_IF_RX.finditer(s, max(0, pos - 12), pos + 16):
        if m.start() <= pos < m.end():
            return False
    if s[pos : pos + 2].lower() == "if" and _WHETHER_IF_BEFORE.search(s, max(0, pos - 40), pos):
        return False
    if _RELATIVE_CUE.search(s, max(0, pos - 12), pos):
        return False  # "the nominee, which, unless she is indicted, will be Ada": not the content's
    return not _AS_LONG_AS_AMOUNT.match(s, pos)


def _condition(s: str) -> re.Match[str] | None:
    """The first conditional cue in ``s`` that sets a condition (:func:`_sets_condition`)."""
    return next((m for m in _COND.finditer(s) if _sets_condition(s, m.start())), None)


def _after_condition(after: str) -> re.Match[str] | None:
    """A condition right after the content, in its own clause: "C, he said, if …", "[X] if
    they …", "“C,” she said, “I will … unless …”" (the quote goes on); not one of a later
    clause ("…,” Roe said, noting he would … if …", "X, then says … if …")."""
    dot = after.find(".")
    w = after[: dot if dot > 0 else 80]
    trail = _TRAIL_REPORT.match(w)
    if trail:
        c = _COND.match(w, trail.end())
        if c and _sets_condition(w, c.start()):
            return c
        if not re.search(r"[“\"]\s*$", trail.group(0)):
            return None
        # the quote goes on after the attribution ("As President," she said, "I will … unless")
        w = w[trail.end() :]
    cut = _AFTER_BREAK.search(w)
    return _condition(w[: cut.start()] if cut else w)


def _first_clear(
    rx: re.Pattern[str], s: str, veto: re.Pattern[str], width: int
) -> re.Match[str] | None:
    """The first match of ``rx`` in ``s`` with no match of ``veto`` ending right before it."""
    return next(
        (m for m in rx.finditer(s) if not veto.search(s, max(0, m.start() - width), m.start())),
        None,
    )


def _last_clean(rx: re.Pattern[str], frame: str) -> re.Match[str] | None:
    """The last match of ``rx`` in ``frame`` with no other reporting verb after it.

    "Iran denied the report and said that C": "said" governs C, not "denied"; nor does
    it govern a later clause with its own subject ("I don't want X, we want C").
    """
    hits = list(rx.finditer(frame))
    if not hits:
        return None
    m = hits[-1]
    tail = frame[m.end() :]
    if _REPORT_BEFORE.search(tail) or re.search(r",\s+and\b|\band\s+(?:then\s+)?\w+ed\b", tail):
        return None
    if re.search(r"[,;]\s+(?:I|we|you|he|she|they)\s+$", tail):
        # "“I don't want a fight, we want [it settled]”": a new clause with its own subject
        return None
    return m


def _rules(text: str, sent: tuple[int, int], start: int, end: int) -> tuple[Polarity, str | None]:
    s0, s1 = sent
    _, before = _frame(text, s0, start)
    content = text[start:end]
    # the first sentence of the content (a long quote's later sentences set no frame)
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", content, maxsplit=1)[0]
    after = text[end : min(s1, end + 120)] if end < s1 else ""
    # a trailing attribution ("C, X denied.") governs the content put first
    trail = re.match(
        r"[\s,”\"’]*(?P<a>(?:[\w.’'-]+\s+){0,6}?)(?P<v>[\w’'-]+(?:\s+[\w’'-]+)?)", after
    )
    framed = _last_clean(_DENIAL, before)
    if framed and _AS_CONTENT.search(before, framed.end()):
        framed = None  # "rejected the idea as [“ludicrous”]": the speaker's own word
    m = framed or _DENIAL.match(content)
    if m and _NEGATED_DENIAL.fullmatch(m.group(0)):
        m = None
    if m:
        # "did not know whether Ada would [endorse him]", "would not say why she [opposes
        # it]": the content is in the open clause (an indirect question)
        inside = framed is not None and re.match(
            rf"\s*(?:[\w’'-]+\s+){{0,3}}?{_OPEN_WORDS}\b", before[framed.end() :], re.I
        )
        opened = _OPEN_AFTER.search(before) or _OPEN_CONTENT.match(content) or inside
        if opened and not _DENY_ONLY.search(m.group(0)):
            # "would not say whether C", "declined to say when C": C is left open
            return "questioned", m.group(0)
        # the content itself may open with the denial: "rejected the notion that …"
        return "denied", m.group(0)
    if trail and _DENIAL.fullmatch(trail.group("v")):
        return "denied", trail.group("v")
    m = _FIRST_PERSON_DENIAL.search(first)
    if m:
        return "denied", m.group(0)
    head = _OPEN_CONTENT.match(content)
    m = _last_clean(_QUESTION, before) or _last_clean(
        _QUESTION_WH, before + (head.group(0) if head else "")
    )
    if m:
        return "questioned", m.group(0)
    if first.rstrip(" ”\"’'").endswith("?") or re.match(r"\s*[”\"’]?\s*\?", after):
        return "questioned", "?"
    window = before[-80:] + " " + first
    # a counterfactual anywhere in the content (a long quote's later sentence) marks it too
    m = _first_clear(_HYPO_CUE, window, _NEGATED_BEFORE, 24) or _first_clear(
        _COUNTERFACTUAL, before[-80:] + " " + content, _RELATIVE_BEFORE, 40
    )
    if m:
        return "hypothetical", m.group(0)
    cond = _condition(first) or _after_condition(after)
    lead = re.match(
        rf"\s*[“\"]?\s*(?:[Bb]ut\s+|[Aa]nd\s+)?(?!{_NOT_IF})(?P<m>{alternation(CONDITIONAL_CUES)})\s",
        text[s0:start],
        re.I,
    )
    if (
        lead
        and re.match(r"\s*[“\"]", text[s0:start])
        and re.search(r"[”\"]", text[s0 + lead.end() : start])
    ):
        lead = None  # "“If C1, C2,” said Roe, who backs Ada": the condition stays in its quote
    if cond is None:
        # "unless" anywhere in the content (not in a relative clause: "the nominee, which, unless
        # she is indicted, will be Ada"), or a condition put first in the governing clause
        # ("… telling them that unless they agree, [they are not welcome]")
        cond = _first_clear(
            re.compile(r"\bunless\b", re.I), content, _RELATIVE_CUE, 12
        ) or re.search(r"(?:^|\bthat\s+|[“\"]\s*)(?:if|unless)\b[^;:,]*,\s*[^,;:]*$", before, re.I)
    if cond is None:
        # the content inside a condition clause: "… the cuts if Norland was to [keep …]"
        near = before[-80:]
        inner = [c for c in _COND.finditer(near) if _sets_condition(near, c.start())]
        if inner and not re.search(r"[,;:]|\bbecause\b", near[inner[-1].end() :]):
            cond = inner[-1]
    if cond is None:
        said_if = _last_clean(_REPORT_IF, before)
        if said_if:
            cond = _IF_WORD.search(before, said_if.end() - 6)
    if cond or lead:
        marker = cond.group(0) if cond else lead.group("m") if lead else None
        modal = _MODAL_RX.search(before[-60:] + " " + first[: (cond.start() if cond else 80)])
        backshift = _REPORT_BEFORE.search(before)
        if modal and not backshift and (marker or "").lower() in ("if", "in case"):
            return "hypothetical", f"{modal.group(0)} … {marker}"
        return "conditional", marker
    return "asserted", None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _negated(tok: Token) -> bool:
    """Whether ``tok`` has a negation ("did not just find C" limits the verb, it does not
    negate it)."""
    return any(
        c.dep_ == "neg"
        and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in NEGATION_LIMITERS)
        for c in tok.children
    )


def or_conjunct(tok: Token) -> bool:
    """Whether ``tok`` is a verb joined by "or"/"nor" to the verb before it, with no subject or
    auxiliary of its own: a negation of that verb covers it ("has not endorsed Roe or
    conceded [the race]": not conceded either)."""
    if tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in tok.children):
        return False
    ccs = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
    return bool(ccs) and ccs[-1].lower_ in ("or", "nor")


def _parsed(doc: Doc, start: int, end: int) -> Polarity | None:
    """The reading of the parse, or ``None`` when it shows no cue (or no tree)."""
    toks = _tokens(doc, start, end)
    if not toks:
        return None
    lo, hi = toks[0].i, toks[-1].i
    roots = [t for t in toks if not lo <= t.head.i <= hi or t.head.i == t.i]
    if not roots:
        return None
    root = roots[0]
    gov: Token = root
    # ``is_space`` first: a blanked tail (``nlp.bounded_text``) is one whitespace token of
    # up to a megabyte, and its ``lower_`` is a new string of that size on every call
    open_content = (
        (not toks[0].is_space and toks[0].lower_ in OPEN_CONTENT_TOKENS)
        or any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in root.children)
        # "would not say why she opposes [the dam]", "did not answer questions about how
        # firmly it backs [the dam]": a content that starts at its verb still sits in an
        # indirect question, which a relative clause's "which"/"who" does not open
        or (
            root.dep_ != "relcl"
            and root.left_edge.i < lo
            and root.left_edge.lower_ in OPEN_CONTENT_TOKENS
        )
    )
    for _ in range(5):
        if gov.head.i == gov.i:
            break
        if gov.dep_ == "prep" and gov.lower_ == "as" and gov.i != root.i:
            break  # "rejected the idea as [ludicrous]": the speaker's own word
        # up through clauses, objects and a preposition ("did not call [for [X]]")
        if gov.dep_ in ("ccomp", "xcomp", "acl", "dobj", "pcomp", "advcl", "relcl", "pobj") or (
            gov.dep_ == "prep" and gov.i != root.i
        ):
            gov = gov.head
        else:
            break
        lemma = gov.lemma_.lower()
        negated = _negated(gov) or (or_conjunct(gov) and _negated(gov.head))
        if lemma in DENIAL_SELF_VERBS:
            if negated:
                break  # "did not dispute C": a negated denial lets C stand
            return "denied"
        if gov.pos_ == "NOUN" and gov.lower_ in DENIAL_NOUNS:
            continue  # "the claim [that C]": read the verb of the noun
        if lemma in ("reject", "dismiss") and any(
            c.lower_ in DENIAL_NOUNS for c in gov.children if c.dep_ == "dobj"
        ):
            return "denied"
        if negated and gov.pos_ in ("VERB", "AUX") and lemma in _NEGATED_CUES:
            # "does not think C", "never endorsed [X]": open when "whether/when …"
            return "questioned" if open_content else "denied"
        if lemma in ("decline", "refuse") and root.i != gov.i:
            return "questioned" if open_content else "denied"
        if lemma in ("ask", "question", "wonder", "inquire") and any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in root.children
        ):
            return "questioned"
        if lemma in SPEECH_VERBS:
            break
    for t in toks:
        if t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") and _parse_condition(c)
            for c in t.children
        ):
            head_aux = {c.lower_ for c in t.head.children if c.dep_ == "aux"}
            if head_aux & {"would", "could", "might"} and gov.i == root.i:
                return "hypothetical"
            return "conditional"
    return None


def _parse_condition(mark: Token) -> bool:
    """Whether the "if"/"unless" ``mark`` sets a condition: not "even if", "as if", not one of a
    relative clause ("which, unless …, will be"), nor an "if" right after a verb of knowing or
    asking ("did not know if C", "asked him if C", "find out if C": whether)."""
    doc, clause = mark.doc, mark.head
    if mark.i > 0 and doc[mark.i - 1].lower_ in NOT_CONDITIONAL_IF_AFTER:
        return False
    head = clause.head
    if head.dep_ == "relcl" or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "which" for c in head.children
    ):
        return False
    if mark.lower_ != "if" or not 0 < mark.i - head.i <= 2:
        return True
    between = [t for t in doc[head.i + 1 : mark.i]]
    if any(t.pos_ != "PRON" and t.lower_ != "out" for t in between):
        return True
    lemma = head.lemma_.lower()
    if lemma in WHETHER_IF_PARTICLE_LEMMAS:
        return not any(t.lower_ == "out" for t in between)
    return lemma not in WHETHER_IF_LEMMAS


def read_polarity(
    text: str, doc: Doc | None, sent: tuple[int, int], start: int, end: int
) -> Reading:
    """The polarity of the content ``text[start:end]`` in the sentence ``sent``.

    Args:
        text: the article's cleaned text.
        doc: its spaCy parse, or ``None`` (word-list rules only).
        sent: the sentence (start, end) the content starts in.
        start, end: the content: a quote's cited span, or a stance's trigger and target.
    """
    pol, cue = _rules(text, sent, start, end)
    parsed = _parsed(doc, start, end) if doc is not None else None
    if parsed is not None and _ORDER[parsed] < _ORDER[pol]:
        return Reading(parsed, cue, True)
    agree = doc is not None and (parsed == pol or (parsed is None and pol == "asserted"))
    return Reading(pol, cue, agree)


def certainty(reading: Reading, has_doc: bool) -> float:
    """How sure the reading is (a factor of an item's confidence).

    0.95 when the parse and the rules agree, 0.85 on rules alone (no parse), 0.8 when only
    one of them found the cue.
    """
    if not has_doc:
        return 0.85
    return 0.95 if reading.parsed else 0.8


# How much an attribution of each kind is worth before its speaker and polarity are weighed.
_KIND_CONFIDENCE = {"direct": 0.9, "partial": 0.8, "indirect": 0.7}


def quote_confidence(kind: str, speaker: str | None, entity: str | None, sure: float) -> float:
    """A quote's confidence: its kind (direct 0.9, partial 0.8, indirect 0.7), times its speaker
    (an entity 1.0, a phrase only 0.9, none 0.6), times the polarity's :func:`certainty`."""
    who = 1.0 if entity else 0.9 if speaker else 0.6
    return round(_KIND_CONFIDENCE.get(kind, 0.7) * who * sure, 3)


def stance_confidence(entity: str | None, sure: float) -> float:
    """A stance's confidence: 0.8 for a lexicon trigger, times its actor (an entity 1.0, a
    phrase only 0.8), times the polarity's :func:`certainty`."""
    return round(0.8 * (1.0 if entity else 0.8) * sure, 3)


def mark_quotes(
    quotes: list[Quote], text: str, doc: Doc | None, sentence_at: Callable[[int], tuple[int, int]]
) -> list[Quote]:
    """Set each quote's ``polarity`` and ``confidence`` (in place; returns the list)."""
    for q in quotes:
        reading = read_polarity(text, doc, sentence_at(q.cite.start), q.cite.start, q.cite.end)
        q.polarity = reading.polarity
        q.confidence = quote_confidence(
            q.kind, q.speaker, q.speaker_entity, certainty(reading, doc is not None)
        )
    return quotes

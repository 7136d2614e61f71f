"""Quotes and their speakers (extract stage, part 2).

Input: a cleaned ``Article``, its spaCy ``Doc`` (or ``None``) and the article's entities.
Output: ``list[Quote]`` in text order; every ``Quote.text == article.text[cite.start:cite.end]``.

Three kinds:

- ``direct``: a quoted sentence or more, in straight or curly marks, over wrapped lines or
  several paragraphs (news style reopens the mark at each paragraph and closes it once),
  including a quote whose opening mark is missing (the start is found by walking back to the
  paragraph start or the last narrative sentence);
- ``partial``: a quoted fragment inside the writer's sentence (would "take some time");
- ``indirect``: reported speech, "X said (that) ...", "..., X said", "according to X, ...".

Speakers come from the attribution next to the quote ("X said", "said X", "X told reporters",
"X said:", "according to X"), from the subject of the reporting verb in the sentence (spaCy's
parse when there is one), or from the quote before it in the same paragraph. Pronouns
("he stated") and back-references ("the official said", "the Oregon senator said") resolve to
an actor introduced earlier through ``coref.py``, keeping the description as the role.

Hand-written rather than a library's: spaCy ships no quotation component, and textacy's
``direct_quotations`` (the usual choice, compared in ``bench/extract.py``) handles neither
missing marks nor partial or indirect quotes nor pronoun speakers.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.lang import (
    HONORIFICS,
    MONTHS,
    QUOTE_SPEECH_FORMS,
    REPORTING_FORMS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLE_CASE_SMALL_WORDS,
    WEEKDAYS,
    alternation,
)
from storyline.lang.en import (
    APPOSITION_BREAK_WORDS,
    ATTITUDE_VERBS,
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    CALENDAR_PERIODS,
    DEMONSTRATIVE_DETERMINERS,
    DOCUMENT_ACT_LEMMAS,
    DOCUMENT_NOUNS,
    DOCUMENT_READING_FORMS,
    DOCUMENT_RELATIVE_FORMS,
    DOCUMENT_VERBS,
    EVIDENCE_VERBS,
    FRAMING_VERB_FORMS,
    GOVERNING_PREPOSITIONS,
    HEARER_FORMS,
    ISSUING_FORMS,
    LABEL_CUES,
    LABELLING_LEMMAS,
    MEDIA_NOUNS,
    NAME_LEAD_WORDS,
    NAME_SLOT_WORDS,
    NEGATABLE_AUXILIARIES,
    NOT_A_SPEAKER_WORDS,
    NOT_TRANSCRIPT_LABELS,
    OBJECT_LEAD_PREPOSITIONS,
    PASSIVE_AUXILIARIES,
    PERSON_ROLE_NOUNS,
    PHRASAL_REPORTING_FORMS,
    POSSESSIVE_DETERMINERS,
    QUOTE_CONNECTIVES,
    REPORT_TIME_ADVERBS,
    REPORTED_CLAUSE_LEADS,
    REPORTING_ADVERBS,
    SPEAKER_CLAUSE_WORDS,
    SPEAKER_END_WORDS,
    SPEAKER_PHRASE_OPENERS,
    SPEAKER_PREPOSITIONS,
    SPEECH_NOUNS,
    TITLE_MODIFIED_NOUNS,
    TITLE_PARTICIPLES,
    UNINVERTED_SPEECH_FORMS,
    UNNAMED_SOURCES,
    VOCAL_VERB_FORMS,
    WORDING_LEMMAS,
    WORK_NOUNS,
)
from storyline.lang.names import DESCRIBED_PERSON_NOUNS, NOT_BUSINESS_NOUNS, ORG_NOUNS
from storyline.models import Article, Cite, Entity, Quote, QuoteKind
from storyline.stages.prepare.extract.context import (
    DATELINE,
    NO_DEADLINE,
    ArticleContext,
    Deadline,
    subtree_extent,
)
from storyline.stages.prepare.extract.coref import SUBJECT_PRONOUNS, Coref, Ref, relative_antecedent
from storyline.stages.prepare.extract.indirect import _partitive, find_indirect, joined_conjunct
from storyline.stages.prepare.extract.polarity import mark_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_quotes"]

_VERBS = alternation(REPORTING_FORMS | PHRASAL_REPORTING_FORMS)
_VERB_FORMS = REPORTING_FORMS  # (one-word forms, as a token's text)
_ADV = rf"(?:(?:{alternation(REPORTING_ADVERBS)})\s+)*"
# The adverbs and auxiliaries ending a reporting verb's subject phrase ("Roe had", "Roe, asked
# about it, had also"): the subject is what comes before them.
_TRAILING_ADV = re.compile(rf"(?:\s+(?:{alternation(REPORTING_ADVERBS)}))+\s*$")
_TIME = (
    rf"(?:\s+(?:on\s+)?(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})|"
    rf"\s+(?:this|last)\s+(?:{'|'.join(CALENDAR_PERIODS)})|\s+(?:{'|'.join(REPORT_TIME_ADVERBS)})|"
    r"\s+(?:in\s+a\s+statement|in\s+an\s+interview|on\s+[A-Z]\w+))*"
)
# A time adjunct between a subject and its verb ("Jane Roe, the mayor, on Tuesday called"):
# not part of the subject's phrase.
_TRAILING_TIME = re.compile(
    rf"(?:\s+on\s+(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?|"
    rf"\s+(?:this|last)\s+(?:{'|'.join(CALENDAR_PERIODS)}))+\s*\Z"
)
_PRONOUNS = SUBJECT_PRONOUNS  # pronouns that name a speaker (coref.py)
_PRON = "(?:" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in _PRONOUNS) + ")"
# A full stop inside a speaker's noun phrase: an abbreviated title ("Mr. Roe", "Sen. Roe") or
# an initial ("Jane Q. Roe", "U.S. Rep. Roe"); phrase patterns accept it as one character.
_DOTTED = (
    rf"\b(?:{'|'.join(TITLE_ABBREVIATIONS)})\.|\b[A-Z]\.(?=\s?[A-Z])"
    r"|\b[A-Z][a-z]{1,3}\.(?=,)"  # a state after a name: "Jane Roe, D-Ore., said"
    r"|(?<=\b[A-Z]\.)[A-Z]\.(?=,)"  # or in capitals: "Jane Roe, 30, of Velmar, N.C., said"
    # an initialism's dots before a hyphen or a word in lower case, which no sentence opens
    # with: "a former head of the W.F.D.U. and organizer"
    r"|\b[A-Z]\.(?=-[A-Z])|(?<=\b[A-Z]\.)[A-Z]\.(?=\s[a-z])"
    # a web address's dot, a letter right after it: "the guru who founded velmarpolls.com"
    r"|(?<=\w)\.(?=[a-z]{2,}\b)"
    r"|\((?:[DRI]|Ind|Dem|Rep)\s?-\s?[A-Z][A-Za-z.]{0,13}\)"  # "Jane Roe (D-Ore.) said"
)
_OPEN, _CLOSE = "“„«", "”»"
_MARK = re.compile(r"[“”„«»\"]")
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_LOOKBACK = 400  # characters searched before a quote for its attribution
_BACK_MENTIONS = 300  # mentions searched back for a pronoun's antecedent, at most


@dataclass(slots=True)
class _Seg:
    """One run of quoted text between marks (or from a missing opening mark)."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    continues: bool = False  # reopens the previous paragraph's quote
    credit: tuple[int, int] | None = None  # a pull quote's credit line inside its marks


@dataclass(slots=True)
class _Found:
    """A quote found, with its speaker as the attribution gives it (pronouns unresolved)."""

    start: int
    end: int
    kind: QuoteKind
    sp: _Speaker
    group: int = -1  # segments of one multi-paragraph quote share a group
    para: int = 0
    words: bool = False  # a short phrase kept as the words of the verb's subject (_words_source)
    share: bool = False  # the speaker is a poll's share the parse makes the subject (_share_source)


# -- finding quoted spans -----------------------------------------------------------------------


def _para_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _PARA_BREAK.finditer(text))]


def _line_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _mark_kind(text: str, i: int, ch: str, is_open: bool, open_ch: str | None) -> str:
    """Whether a quotation mark opens or closes a quote."""
    if open_ch == "„" and ch == "“":
        return "close"  # German style „…“
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in _OPEN:
        if is_open and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)"):
            return "close"  # a typo'd closing mark: Mexican “rapists“ while …
        return "open"
    if ch in _CLOSE:
        if not is_open and (prev.isspace() or unicodedata.category(prev) == "Cf") and nxt.isalnum():
            return "open"  # a closing mark used as an opening one: ”Thanks, Ada!”
        return "close"
    opener = (prev.isspace() or prev in "([{—–-/") and not nxt.isspace()
    closer = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-")
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    return "close" if is_open else "open"


def _trim(text: str, start: int, end: int, punct: str = "") -> tuple[int, int]:
    """Strip spaces (and ``punct``) off both ends of ``[start, end)``.

    Quoted text keeps the punctuation inside its marks ("…a treaty,”); reported clauses
    lose the comma that joins them to their attribution.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in punct):
        end -= 1
    return start, end


def _find_segments(text: str, sents: list[tuple[int, int]]) -> list[_Seg]:
    """Every quoted run in the text, pairing marks and repairing the usual breakages."""
    paras = _para_starts(text)

    def para_end(i: int) -> int:
        k = bisect.bisect_right(paras, i)
        return paras[k] if k < len(paras) else len(text)

    def broken(a: int, b: int) -> bool:
        return _PARA_BREAK.search(text, a, b) is not None

    segs: list[_Seg] = []
    open_at: int | None = None
    open_ch: str | None = None
    continues = False
    nested = 0  # quotes open inside the open one ("…even when “our side” slips…”)

    def unclosed(at: int) -> None:
        s, e = _trim(text, at + 1, min(para_end(at), len(text)))
        if e > s and e - s < 1500:
            segs.append(_Seg(s, e, at, None, continues))

    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        if open_at is None:
            nested = 0
        if _mark_kind(text, i, ch, open_at is not None, open_ch) == "open":
            cont = False
            if open_at is not None:
                skipped = _skipped_paragraph(text, open_at, i) if _line_start(text, i) else 0
                if skipped:
                    # a paragraph with no mark of its own lies between: the open quote lost
                    # its closing mark and ends with its paragraph; this mark opens anew
                    s, e = _trim(text, open_at + 1, skipped)
                    if e > s and e - s < 1500:
                        segs.append(_Seg(s, e, open_at, None, continues))
                    nested = 0
                elif _line_start(text, i):
                    # news style: a quote running over paragraphs reopens at each one
                    s, e = _trim(text, open_at + 1, i)
                    if e > s:
                        segs.append(_Seg(s, e, open_at, None, continues))
                    cont = True
                    nested = 0
                elif not broken(open_at, i) and _closers_ahead(text, i, para_end(i)) > nested + 1:
                    nested += 1  # a quote inside the quote: part of its words, not a quote
                    continue
                else:
                    unclosed(open_at)  # a stray opening mark: keep its paragraph's rest
            open_at, open_ch, continues = i, ch, cont
            continue
        if open_at is not None and nested and not broken(open_at, i):
            nested -= 1
            continue
        if open_at is not None and not broken(open_at, i):
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                segs.append(_Seg(s, e, open_at, i, continues))
            open_at, open_ch, continues = None, None, False
            continue
        if open_at is not None:
            unclosed(open_at)
            open_at, open_ch, continues = None, None, False
        start = _backtrack(text, i, sents, paras)
        if start is not None:
            s, e = _trim(text, start, i)
            if e > s:
                segs.append(_Seg(s, e, None, i))
    if open_at is not None:
        unclosed(open_at)
    return segs


# A pull quote's credit line: the last line inside the marks, naming who said the words and
# nothing else ("“We never closed the pier.\nFormer harbour board chair Ana Roe.”", "“…\nIda
# Penn, Velmar Dock Workers Union.”"): capitalised first, two to twelve words, no sentence
# punctuation but a final period; a name of two or three capitalised words ends its first part.
_CREDIT_LINE = re.compile(r"[A-Z][\w’'.&()-]*(?:,?[ \t]+[\w’'.&()-]+){1,11}\.?")
_CREDIT_POS = frozenset(("VERB", "AUX", "PRON"))  # a clause's words: a credit has none
# (closed classes, the rules' stand-in for the parse: a subject pronoun or a relative one)
_CREDIT_NOT = frozenset(_PRONOUNS) | {"who", "whom", "whose", "which", "that"}


def _split_credits(text: str, doc: Doc | None, segs: list[_Seg]) -> None:
    """Cut a pull quote's credit line off its words (``_Seg.credit``; ``_credit_speaker``).

    Only in a quotation closed by its own marks whose last line follows a line ending a
    sentence and is nothing but "[role] Name[, affiliation]", with no verb and no pronoun
    (with a parse, no verb, auxiliary or pronoun token; without one, no reporting verb form
    and no subject or relative pronoun). The credit leaves the quotation's span.
    """
    for seg in segs:
        if seg.open_mark is None or seg.close_mark is None:
            continue
        nl = text.rfind("\n", seg.start, seg.end)
        if nl < 0:
            continue
        ws, we = _trim(text, seg.start, nl)
        a, b = _trim(text, nl + 1, seg.end, ".")
        if (
            we - ws < 20 or text[we - 1] not in ".!?…" or b - a > 90
            or _CREDIT_LINE.fullmatch(text, a, seg.end) is None
        ):  # fmt: skip
            continue
        parts = text[a:b].split(",")
        if len(parts) > 2 or _END_NAME.search(parts[0].rstrip()) is None:
            continue  # not "[role] Name[, affiliation]": "Then Ida Penn closed the gates"
        words = {w.lower() for w in re.findall(r"[\w’']+", text[a:b])}
        if words & _VERB_FORMS or words & _CREDIT_NOT:
            continue
        span = doc.char_span(a, b, alignment_mode="expand") if doc is not None else None
        if span is not None and any(t.pos_ in _CREDIT_POS for t in span):
            continue
        seg.end, seg.credit = we, (a, b)


def _credit_speaker(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """Who a pull quote's credit line names: the actor in its first part ("Ida Penn" of "Ida
    Penn, Velmar Dock Workers Union"; "Former harbour board chair Ana Roe"), else the name
    that part ends with, as written."""
    if seg.credit is None:
        return _Speaker()
    a, b = seg.credit
    comma = ctx.text.find(",", a, b)
    b = comma if comma > 0 else b
    ent = _speaker_in(ctx, a, b)  # (a person first: "Velmar Port chief Ana Roe")
    if ent is not None:
        return _Speaker(ent)
    name = _END_NAME.search(ctx.text[a:b])
    return _Speaker(text=name.group()) if name is not None else _Speaker()


def _skipped_paragraph(text: str, open_at: int, i: int) -> int:
    """The end of the open quote's paragraph when a paragraph that opens with no quote mark
    lies between the quote's last opening mark at ``open_at`` and a mark opening a line at
    ``i``; else 0.

    News style reopens a quote running over paragraphs at the start of each one, so a
    paragraph without the mark between them ends the quotation: its closing mark was lost
    ("“We lost the vote, said Roe. ¶ The council met again. ¶ “It …"), and the mark at ``i``
    opens a quotation of its own. A paragraph starts after a blank line, or after a line
    ending a sentence (text with one line per paragraph); a hard-wrapped line inside the
    quotation's paragraph does not end it.
    """
    pos = text.find("\n", open_at, i)
    while pos >= 0:
        k = pos + 1
        while k < i and text[k].isspace():
            k += 1
        if k >= i:
            return 0
        blank = "\n" in text[pos + 1 : k]
        last = text[open_at:pos].rstrip()[-1:]
        if blank or (last and last in ".!?:”\"’'"):
            return pos
        pos = text.find("\n", k, i)
    return 0


def _closers_ahead(text: str, i: int, stop: int) -> int:
    """Closing-shaped quote marks after ``i`` in ``[i, stop)``: a curly closing mark, or a
    straight one after a non-space. An opening mark with two of them ahead in its paragraph
    (one for itself, one for the quote it is in) opens a nested quote, not a stray one."""
    n = 0
    for m in _MARK.finditer(text, i + 1, stop):
        ch, j = m.group(), m.start()
        n += ch in _CLOSE or (ch == '"' and not text[j - 1].isspace())
    return n


# A sentence that reads as the writer's, not the speaker's: a reporting verb, another
# quote's closing mark, or a third-person pronoun ("he gave a measured answer").
_NARRATIVE = re.compile(rf"\b(?:{_VERBS}|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b|[”\"]")


# A capitalised run of words in the attribution after a closing mark ("…,” Renner said"):
# its last word is the speaker's surname.
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*\b")


def _attributed_surnames(text: str, close: int) -> list[str]:
    """The surnames named in the attribution right after a closing mark, up to its sentence's
    end ("…,” Renner said." -> ["Renner"]). A speaker does not name themself in the third
    person, so a sentence holding one of them is the writer's."""
    end = len(text)
    for m in re.finditer(r"[.!?\n]", text[close + 1 : close + 160]):
        end = close + 1 + m.start()
        break
    out = []
    for m in _NAME_RUN.finditer(text, close + 1, min(end, close + 160)):
        last = m.group().split()[-1]
        if last not in _TITLES and len(last) > 2:
            out.append(last)
    return out


def _backtrack(text: str, close: int, sents: list[tuple[int, int]], paras: list[int]) -> int | None:
    """Where a quote that lost its opening mark starts.

    Walks back sentence by sentence from the closing mark and stops at the paragraph start
    (a blank line, or a line ending a sentence: scrapes keep hard wraps) or before a
    sentence that reads as narration (a reporting verb, another quote's closing mark, or
    the surname the attribution after the mark names: "Chief Roe, whose crews …, spoke to
    us on Thursday. The building … long,” Roe said").
    """
    names = _attributed_surnames(text, close)
    own_name = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None
    ps = paras[bisect.bisect_right(paras, close) - 1]
    line_breaks = [ps] + [
        ps + m.end() for m in re.finditer(r"(?<=[.!?:”\"])[ \t]*\n", text[ps:close])
    ]
    ps = line_breaks[-1]
    inside = [(max(s, ps), min(e, close)) for s, e in sents if e > ps and s < close]
    start = None
    for k in range(len(inside) - 1, -1, -1):
        s, e = inside[k]
        if k < len(inside) - 1 and (
            _NARRATIVE.search(text, s, e) or (own_name is not None and own_name.search(text, s, e))
        ):
            break
        start = s
    if start is None:
        return None
    said = list(_LEAD_ATTRIBUTION.finditer(text[start:close]))
    if said:
        # "Listing his ventures she added, Roe is a failure.”": the quote that lost its mark
        # starts after the attribution in its sentence ("He says,”" is no quote at all)
        start += said[-1].end()
    # a quote needs some words; a lone closing mark after a word is a stray
    return start if len(text[start:close].split()) >= 2 else None


# A subject and a reporting verb, then a comma or colon, not set off by a comma before it
# ("… she added, ", not "The plan, he said, "): an attribution opening a quotation.
_LEAD_ATTRIBUTION = re.compile(
    rf"(?:^|(?<![,\s])\s+)(?P<p>[Hh]e|[Ss]he|[Tt]hey)\s+(?:{_VERBS})\s*[,:][”\"]?\s*"
)


# -- speakers -------------------------------------------------------------------------------------


# Titles written before a name: kept out of a speaker's name and given as its role.
_TITLES = frozenset(TITLE_ABBREVIATIONS) | frozenset(
    w for h in HONORIFICS for w in h.split() if w[0].isupper()
)
_LEADING_TITLES = re.compile(
    r"(?:(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\.?\s+)+(?=[A-Z])"
)


def _split_title(name: str) -> tuple[str, str | None]:
    """ "Sen. Jane Roe" -> ("Jane Roe", "Sen."): a written speaker's name and its title."""
    m = _LEADING_TITLES.match(name)
    if not m or m.end() >= len(name):
        return name, None
    return name[m.end() :], m.group().strip()


@dataclass(slots=True)
class _Ctx:
    article: Article
    text: str
    doc: Doc | None
    entities: Sequence[Entity]
    sents: list[tuple[int, int]]
    mentions: list[tuple[int, int, Entity]]
    quoted: list[tuple[int, int]]
    _sent_starts: list[int] = field(default_factory=list)
    _spans: list[tuple[int, int]] = field(default_factory=list)  # quoted, merged and sorted
    _sorted: list[tuple[int, int]] = field(default_factory=list)  # quoted, sorted
    _mention_starts: list[int] = field(default_factory=list)
    _mention_maxlen: int = 0
    coref: Coref = field(init=False)  # the article's resolver, over these quotation spans
    deadline: Deadline = NO_DEADLINE  # checked per quote and per sentence

    def __post_init__(self) -> None:
        self._sent_starts = [s for s, _ in self.sents]
        # ``mentions`` is sorted by start: windows of it are slices found by bisection (a
        # scan of every mention per candidate was quadratic on a long text)
        self._mention_starts = [s for s, _, _ in self.mentions]
        self._mention_maxlen = max((e - s for s, e, _ in self.mentions), default=0)
        self._sorted = sorted(self.quoted)
        for s, e in self._sorted:
            if self._spans and s <= self._spans[-1][1]:
                self._spans[-1] = (self._spans[-1][0], max(e, self._spans[-1][1]))
            else:
                self._spans.append((s, e))
        self.coref = Coref(
            self.text, self.sents, self.mentions, self.entities, self.doc, self.in_quote
        )

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        if k >= 0 and self.sents[k][0] <= pos < self.sents[k][1] + 1:
            return self.sents[k]
        return (0, len(self.text))

    def mentions_from(self, a: int, b: int) -> list[tuple[int, int, Entity]]:
        """The mentions that start in ``[a, b)``, in text order."""
        lo = bisect.bisect_left(self._mention_starts, a)
        return self.mentions[lo : bisect.bisect_left(self._mention_starts, b, lo)]

    def first_quoted_inside(self, a: int, b: int) -> int | None:
        """Start of the first quoted span lying wholly inside ``[a, b)``, if any."""
        for qs, qe in self._sorted[bisect.bisect_left(self._sorted, (a, -1)) :]:
            if qs > b:
                break
            if qe <= b:
                return qs
        return None

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._spans, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self._spans[k][0] <= pos < self._spans[k][1]


@dataclass(slots=True)
class _Speaker:
    """Who an attribution names: an actor, a phrase no actor matches, or a pronoun."""

    entity: Entity | None = None
    text: str | None = None
    pronoun: str | None = None
    at: int = 0  # where the pronoun is (for resolving it)
    role: str | None = None  # the description a back-reference used ("Oregon senator")
    resolved: bool = False  # a pronoun resolved to ``entity`` (``_resolve_pronouns``)
    # the narrator's "I said" (``_first_person``): the byline's author, or attributed to no
    # one shown when no byline names one (a quotation with its own "I said" must not take a
    # neighbour's speaker, issue 17)
    writer: bool = False

    def __bool__(self) -> bool:
        return (
            self.entity is not None
            or self.text is not None
            or self.pronoun is not None
            or self.writer
        )


def _speaker_in(ctx: _Ctx, a: int, b: int, head: int | None = None) -> Entity | None:
    """The actor a noun phrase ``[a, b)`` names (``Coref.actor_in``)."""
    return ctx.coref.actor_in(a, b, head)


# A preposition or relative pronoun in an apposition: the names after it are not the head's.
_APPOS_MODIFIER = re.compile(rf"\b(?:{'|'.join(sorted(APPOSITION_BREAK_WORDS))})\b")
# A clause set off by commas that opens with a participle ("Roe, asked about Penn, said";
# "Roe, praising Penn, said"): not an apposition, so no name inside it is the subject's.
_PARTICIPLE_CLAUSE = re.compile(
    rf",\s*(?!(?:{alternation(sorted(TITLE_PARTICIPLES))})\b)[a-z]+(?:ed|ing)\b"
)


# A participle right before a name (a title may come between): the name is its object, not
# the head of the noun phrase ("a pastor supporting Mr. Roe", "the woman accused by Roe").
_PARTICIPLE_OBJECT = re.compile(
    rf"\b[a-z]{{3,}}(?:ing|ed)(?:\s+by)?\s+(?:(?:{alternation(sorted(_TITLES))})\.?\s+)*\Z"
)


def _chunk_start(text: str, a: int, pos: int) -> int:
    """Where the comma-separated chunk of ``text[a:]`` holding ``pos`` starts."""
    comma = text.rfind(",", a, pos)
    return a if comma < 0 else comma + 1


# A noun phrase opening with its determiner and a relative pronoun right after its noun
# ("One farmer who", "the aide who"): the words after it are a clause about the noun (not
# "The debate grew heated over who backed which bill that Roe said": a question word).
_NOT_BREAK = rf"(?!(?:{alternation(APPOSITION_BREAK_WORDS)})\s)"
_RELATIVE_BEFORE = re.compile(
    rf"\s*(?:[Oo]ne|[Aa]n?|[Tt]he)\s+(?:{_NOT_BREAK}[\w’'-]+\s+){{0,3}}?"
    rf"{_NOT_BREAK}[a-z]{{3,}}\s+(?:who|which)\s"
)
# A subject phrase whose head noun governs the name at its end through a preposition ("A
# spokeswoman for President Lia Roe said", "The son of Ivo Penn said"): the head is the
# speaker, not the name (a title may come before the name).
_PREP_GOVERNED = re.compile(
    rf"\s*(?:[Oo]ne|[Aa]n?|[Tt]he|[\w’'-]+['’]s)\s+(?:{_NOT_BREAK}[\w’'-]+\s+)?"
    rf"{_NOT_BREAK}(?!(?:{alternation(set(NEGATABLE_AUXILIARIES) | PASSIVE_AUXILIARIES)})\s)[a-z]{{3,}}(?<!ed)\s+"
    rf"(?:{'|'.join(sorted(GOVERNING_PREPOSITIONS))})\s+(?:(?:the|his|her|their|its)\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+){0,2}\Z"
)
# A relative clause opening a comma-separated chunk, its verb after the pronoun ("who chairs
# the", "which runs"): a name in it is the clause's object, not the subject phrase's head.
# (Not when a conjunction opens a clause of its own inside it, whose subject the name may be:
# "Roe, who got less credit than aides say": the aides'; a closed class of conjunctions.)
_OPEN_RELATIVE = re.compile(
    r"\s*(?:who|which)\s+[a-z][\w’'-]*\s(?![^,]*\b(?:than|that|as|and|but|or|because|while|"
    r"when|if|where|whether|after|before|since|until|though|although|so)\s)"
)
# A relative pronoun opening a chunk set off by commas (a closed class): ", who backs Roe,"
# (also after the closing mark of a title the comma sat in: "on “Dawn,” who").
_RELATIVE_LEAD = re.compile(r"\s*[”\"]?\s*(?:who|whom|whose|which)\s")
# An age in commas right after a name: "Jane Roe, 41, of Velmar".
_AGE_APPOS = re.compile(r",\s*\d{1,3}\s*,")


def _ends_with_actor(ctx: _Ctx, a: int, b: int) -> Entity | None:
    """The actor of a phrase that ends right before offset ``b``.

    Appositions count both ways ("Jane Roe, a fellow at the Institute," and "The union's
    leader, Ivo Roe,") with a person preferred, and so does "Jane Roe of Example Bank".
    """
    text = ctx.text
    while b > a and text[b - 1].isspace():
        b -= 1
    closed = b > a and text[b - 1] == ","  # "Jane Roe, a fellow at the Institute, said"
    b -= closed
    b = _before_party(text, a, b)  # "Sen. Jane Roe (D-Ore.) said"
    aged = [
        ent
        for s, e, ent in ctx.mentions_from(a, b)
        if ent.type == "PERSON" and _AGE_APPOS.match(text, e, b)
    ]
    if closed and aged:
        # "Jane Roe, 41, of Velmar, N.C., who …,": a name with an age heads the phrase
        # (the places after it are where the person is from)
        return aged[0]
    found = [(s, e, ent) for s, e, ent in ctx.mentions_from(a, b) if b - 1 <= e <= b]
    relative_at = None  # the comma opening a relative clause the phrase ends in
    if not closed:
        # a name ending a relative clause that a comma opens and nothing closes is in the
        # clause, not its head ("Jane Roe, who chairs the Velmar Fund said": Roe)
        inner = [x for x in found if _OPEN_RELATIVE.match(text, _chunk_start(text, a, x[0]), x[0])]
        if inner:
            relative_at = _chunk_start(text, a, inner[0][0]) - 1
            found = [x for x in found if x not in inner]
        # a name inside a relative clause on the phrase's head noun is no subject ("One
        # farmer who backs Mr. Roe said")
        # (in the name's own comma-separated chunk: "On Roe's claim that there are
        # generals who agree, Penn said" is Penn's)
        found = [
            x
            for x in found
            if not _RELATIVE_BEFORE.match(text, _chunk_start(text, a, x[0]), x[0])
            and not (
                # (an unnamed group too: "Roe's email to her supporters notes": the email's)
                x[2].type in ("PERSON", "UNNAMED")
                and _PREP_GOVERNED.fullmatch(text, _chunk_start(text, a, x[0]), x[0])
            )
        ]
    if closed:
        # a name in a relative clause set off by commas is the clause's, not the subject's
        # head ("The delegate, who backs Ivo Roe, said"; "Ivo Penn, a host on “Dawn,” who
        # worked for Lia Roe, said": Penn, the appositions' head, below)
        found = [x for x in found if not _RELATIVE_LEAD.match(text, _chunk_start(text, a, x[0]))]
    m = re.search(r",[^,“”\"]{1,100}$", text[a:b]) if closed else None
    if m and _PARTICIPLE_CLAUSE.match(text, a + m.start()):
        # "Jane Roe, asked about Ivo Penn, said": the subject is before the clause
        # (read as a phrase of its own: "One voter in Velmar, asked …," is no place)
        return _ends_with_actor(ctx, a, a + m.start())
    if m:
        # an apposition: its head before the comma, or a person named in it ("The union's
        # leader, Ivo Roe,"); a place or body at its end is only part of the description
        # ("Bayram Aga, a voter in Ashgabat,")
        head_end = _before_party(text, a, a + m.start())  # "Jane Roe (D-Ore.), chair of …,"
        outer = found
        found = [
            x
            for x in outer
            # a name governed by a preposition or a relative clause inside the apposition
            # describes the head ("Ivo Penn, a spokesman for Mayor Lia Roe," is Penn;
            # "Ivo Penn, who runs against Lia Roe,"): only a bare name stands for it
            if x[2].type in ("PERSON", "UNNAMED")
            and not _APPOS_MODIFIER.search(text, head_end, x[0])
        ]
        found += [
            (s, e, ent)
            for s, e, ent in ctx.mentions_from(a, head_end)
            if head_end - 1 <= e <= head_end
            # (nor is a name in an earlier apposition's prepositional or relative phrase: "Ivo
            # Penn, a professor who worked for Sen. Lia Roe (D-Ore.), one of …, said"; nor
            # the object of a participle: "One pastor supporting Mr. Roe, Ivo Penn, said")
            and not _APPOS_MODIFIER.search(text, _chunk_start(text, a, s), s)
            and not _PARTICIPLE_OBJECT.search(text, max(a, s - 40), s)
        ]
        if not found:  # no head known: a person in the apposition is the best guess left
            found = [x for x in outer if x[2].type in ("PERSON", "UNNAMED")]
        if not found:  # "One of the labels, Example & Co," names the organisation (not
            # "Jane Roe, director of the Example Fund,": a body a preposition governs)
            found = [
                x
                for x in outer
                if x[2].type == "ORG"
                and x[0] > head_end
                and not _APPOS_MODIFIER.search(text, head_end, x[0])
            ]
    if not found and relative_at is not None and relative_at > a:
        head = _ends_with_actor(ctx, a, relative_at)
        return head if head is not None and head.type in ("PERSON", "UNNAMED") else None
    if not found:
        # "Jane Roe, director of the Example Fund, a charity, said": nothing ends the phrase
        # but its opening name heads it
        return _appositive_head(ctx, a, b) if closed else None
    people = [x for x in found if x[2].type in ("PERSON", "UNNAMED")]
    if people:
        # a named person before a description ("Ivo Penn, a Roe spokesman," is Penn, not
        # the unnamed "Roe spokesman"), then the one ending last
        return max(people, key=lambda x: (x[2].type == "PERSON", x[1], x[1] - x[0]))[2]
    org = max(found, key=lambda x: (x[1], x[1] - x[0]))
    head = _appositive_head(ctx, a, org[0])
    if head is not None:
        # "Jane Roe, director of the Example Fund, a charity, said": the name heading the
        # appositions, not the body named inside them
        return head
    # "Jane Roe of Example Bank said": the person, not the bank
    of = [
        x
        for x in ctx.mentions_from(a, org[0])
        if x[2].type == "PERSON"
        and x[1] < org[0]
        # (also across the town before a state: "Jane Roe of Velmar, Oregon, said")
        and re.fullmatch(
            r"\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?"
            r"(?:[A-Z][\w.’'-]*,\s+)?",
            text[x[1] : org[0]],
        )
    ]
    if of:
        return of[-1][2]
    if not m and re.search(
        r"\b(?:in|at|from|of|for|with|on|across|near)\s+(?:the\s+)?\Z", text[a : org[0]]
    ):
        return None  # "a quarter of voters in Velmar say": the place is not the subject's head
    return org[2]


def _appositive_head(ctx: _Ctx, a: int, limit: int) -> Entity | None:
    """The person named first in ``[a, limit)`` when a comma follows the name and only a
    title or a conjunction comes before it ("But Sen. Jane Roe (D-Ore.), who chairs …,"): the
    head of the appositions and relative clauses after it."""
    text = ctx.text
    for s, e, ent in ctx.mentions_from(a, limit):
        if e > limit:
            break
        if ent.type != "PERSON":
            continue
        lead = text[a:s]
        words = re.findall(r"[\w’'.-]+", lead)
        if "," in lead or any(
            w[0].islower()
            and w.lower() not in NAME_LEAD_WORDS
            and w.lower().rstrip("s") not in PERSON_ROLE_NOUNS
            for w in words
        ):
            return None  # the phrase opens with a clause or a preposition, not the name
        after = _PARTY_START.sub("", text[e:limit], count=1)
        return ent if after.lstrip().startswith(",") else None
    return None


# A party and state after a legislator's name: "(D-Ore.)", "(R-OH)", "(I-Vt.)".
_PARTY = r"\((?:[DRI]|Ind|Dem|Rep)\s?-\s?[A-Z][A-Za-z.]{0,13}\)"
_PARTY_END = re.compile(rf"\s*{_PARTY}\Z")
_PARTY_START = re.compile(rf"\A\s*{_PARTY}")


_PARTY_BEFORE = re.compile(rf"{_PARTY}\s*\Z")


def _clause_start(ctx: _Ctx, pos: int) -> int:
    """Start of the sentence holding ``pos``, across a false break after a party and state
    ("Sen. Jane Roe (D-Ore.) said …": the splitter ends a sentence at "Ore.)")."""
    ss = ctx.sentence(pos)[0]
    for _ in range(3):
        if ss <= 0 or not _PARTY_BEFORE.search(ctx.text, max(0, ss - 24), ss):
            break
        prev = ctx.sentence(ss - 1)[0]
        if prev >= ss:
            break
        ss = prev
    return ss


def _before_party(text: str, a: int, b: int) -> int:
    """``b`` moved before a party-and-state parenthesis ending ``text[a:b]``, if one does."""
    m = _PARTY_END.search(text, max(a, b - 24), b)
    return m.start() if m and m.start() > a else b


def _determiner_after_preposition(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a demonstrative determining the noun after it inside a
    prepositional phrase ("a strategist for one of these bidders"): a determiner there, not
    the pronoun that opens a clause ("these are …"). Not "those", which after a preposition
    most often heads a relative clause ("most of those who voted") and is a pronoun."""
    return (
        0 < i < len(words) - 1
        and words[i].lower() in ("this", "these")
        and words[i - 1].lower() in SPEAKER_PREPOSITIONS
        and words[i + 1].isalpha()
        and words[i + 1].islower()
    )


def _plain_np(phrase: str) -> str | None:
    """A short noun phrase naming a speaker no actor matches ("port agents"), without article."""
    phrase = re.split(r"[,;:()—–]", phrase)[-1].strip()
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in DEMONSTRATIVE_DETERMINERS:
        words = words[1:]  # "this source told the Gazette": a determiner, as "the"
    if not 1 <= len(words) <= 9 or any(
        w.lower() in SPEAKER_CLAUSE_WORDS and not _determiner_after_preposition(words, i)
        for i, w in enumerate(words)
    ):
        return None
    if words[0].lower() in SPEAKER_PREPOSITIONS or not re.match(r"[\w’'-]+$", words[-1]):
        return None
    while words and words[0].lower() in ("and", "but", "or", "so", "yet"):
        words = words[1:]  # "…, and two car plants said": the plants
    if not words or words[-1].lower() in NOT_A_SPEAKER_WORDS:
        return None  # a clause's opening ("And in"), not a noun phrase
    if words[-1].lower() in POSSESSIVE_DETERMINERS or words[-1].endswith("-"):
        # a determiner whose noun is the "verb" ("rallied crowds with his calls to …":
        # "calls" is a noun) or a word cut at a hyphen ("in-jokes"): no noun phrase
        return None
    if re.search(r"['’]s?$", words[-1]) or all(w.lower() in NOT_A_SPEAKER_WORDS for w in words):
        return None  # a possessive ("Jane Roe's") or a function word ("who", "the")
    if all(w.rstrip(".") in _TITLES for w in words):
        return None  # a bare title ("Sen.") names no one
    if (
        len(words) > 1 and re.fullmatch(r"[a-z]+ed", words[0])
        and words[1] in SPEAKER_PREPOSITIONS | SPEAKER_PHRASE_OPENERS
    ):  # fmt: skip
        # a verb and its object or its phrase ("issued a statement Tuesday", "responded by
        # first"), no one
        return None
    if len(words) > 1 and re.fullmatch(r"[A-Z][a-z]+ing", words[0]) and words[1].islower():
        return None  # a participle opening the sentence ("Holding signs"), no one
    if (
        words[0].islower()
        and words[0].endswith("ing")
        and (len(words) == 1 or words[1].lower() in SPEAKER_PREPOSITIONS | SPEAKER_PHRASE_OPENERS)
    ):
        return None  # a participle's phrase ("giving", "calling for a recount"), no one
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) or None


# Words that open a verb's object or complement after a participle ("calling for the …").


def _noun_speaker(ctx: _Ctx, phrase: str, at: int) -> _Speaker:
    """A speaker no mention covers, written as a noun phrase starting at offset ``at``.

    A definite back-reference ("the Oregon senator", "the newspaper") resolves to the actor
    it stands for (``Coref.resolve_nominal``), keeping its words as the role; any other
    short noun phrase stays as written, without its article ("port agents").
    """
    plain = _plain_np(phrase)
    if not plain:
        return _Speaker()
    last = re.split(r"[,;:()—–]", phrase)[-1]
    np_at = at + len(phrase) - len(last) + (len(last) - len(last.lstrip()))
    clause = _finite_clause(ctx, np_at, at + len(phrase))
    if clause is not None:
        return clause
    ent = ctx.coref.resolve_nominal(last.strip(), np_at)
    if ent is not None:
        return _Speaker(ent, role=plain)
    return _Speaker(text=plain)


# A third-person possessive determiner and the pronoun that stands for its owner.
_OWNER_PRONOUN = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _possessive_owner(ctx: _Ctx, phrase: str, a: int, verb_at: int) -> _Speaker:
    """The owner of a speech noun the reporting word turned out to be, as a pronoun.

    "…, particularly his warning that the town would go to the “back of the line”": the
    parse reads "warning" as a noun whose possessor is "his", so the words are his (the
    pronoun, resolved later), not the phrase before them ("particularly his"). Only the
    third person: "my"/"our" are the writer's or a quoted speaker's.
    """
    m = re.search(r"\b(his|her|its|their)\s*\Z", phrase, re.I)
    if m is None or ctx.doc is None:
        return _Speaker()
    tok = _token_at(ctx.doc, verb_at)
    at = a + m.start(1)
    if (
        tok is None
        or tok.pos_ != "NOUN"
        or not any(c.dep_ == "poss" and c.idx == at for c in tok.children)
    ):
        return _Speaker()
    return _Speaker(pronoun=_OWNER_PRONOUN[m.group(1).lower()], at=at)


def _finite_clause(ctx: _Ctx, a: int, b: int) -> _Speaker | None:
    """``None`` when the parse reads ``[a, b)`` as a noun phrase; else the clause's speaker.

    A phrase holding a finite verb outside a relative clause is a clause, not the name of a
    speaker ("Her team mailed a note to volunteers stating, “…”", "Now his friends make
    jokes about …"): the actor its subject names ("The Velmar union issued a statement
    saying …": the union), or the subject's own noun phrase ("his friends"), else no one
    (``_Speaker()``), rather than the clause's words as a name.
    """
    if ctx.doc is None:
        return None
    for t in ctx.doc.char_span(a, b, alignment_mode="expand") or ():
        if (
            t.tag_ not in ("VBD", "VBZ", "VBP", "MD")
            or t.dep_ in ("aux", "auxpass")
            or ctx.in_quote(t.idx)
            or any(x.dep_ in ("relcl", "acl") for x in [t, *t.ancestors])
        ):
            continue
        subj = _nsubj(t)
        if subj is not None and a <= subj.idx < b and subj.lower_ not in _PRONOUNS:
            lo, hi = subtree_extent(subj)
            ent = _speaker_in(ctx, lo, hi, head=subj.idx)
            if ent is not None and ent.type in ("PERSON", "ORG"):
                return _Speaker(ent)
            if a <= lo and hi <= t.idx:
                # the subject's own noun phrase, not the clause ("his friends make jokes")
                return _noun_speaker(ctx, ctx.text[lo:hi], lo)
        elif subj is None:
            # no subject in the parse (a name misread as a modifier of the verb): the noun
            # phrase right before the verb, when the words before it end in a noun
            before = [x for x in ctx.doc[: t.i] if x.idx >= a]
            while before and before[-1].pos_ == "ADV":
                before.pop()
            if before and before[-1].pos_ in ("NOUN", "PROPN"):
                hi = before[-1].idx + len(before[-1])
                ent = _speaker_in(ctx, a, hi, head=before[-1].idx)
                if ent is not None and ent.type in ("PERSON", "ORG"):
                    return _Speaker(ent)
                return _noun_speaker(ctx, ctx.text[a:hi], a)
        return _Speaker()
    return None


_RELATIVE_OR_PERSONAL = frozenset(_PRONOUNS) | {"who", "which", "that"}
# A subject phrase that ends in a coordinating conjunction: the verb after it is a conjunct.
_CONJOINED_END = re.compile(r"\b(?:and|but|or|yet)\s*\Z")


def _pronoun_subject(ctx: _Ctx, a: int, verb_at: int) -> bool:
    """Whether the parse gives the verb at ``verb_at`` a subject in ``[a, verb_at)``,
    outside quotations, that is a personal or relative pronoun with a comma between it and
    the verb (the phrase right before the verb interrupts the clause)."""
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, verb_at)
    if tok is None:
        return False
    return any(
        c.dep_ == "nsubj"
        and a <= c.idx < verb_at
        and not ctx.in_quote(c.idx)
        and c.lower_ in _RELATIVE_OR_PERSONAL
        and "," in ctx.text[c.idx + len(c) : verb_at]
        for c in tok.children
    )


def _before_manner_adverbs(ctx: _Ctx, a: int, b: int) -> int:
    """``b`` moved before the adverbs in -ly that end a subject phrase ``[a, b)`` in the
    parse ("Roe, exasperated, famously responded": the subject ends at "exasperated,"), the
    comma and space before them too; ``b`` as it is without a parse."""
    if ctx.doc is None:
        return b
    end = b
    while end > a:
        while end > a and ctx.text[end - 1].isspace():
            end -= 1
        tok = _token_at(ctx.doc, end - 1)
        if tok is None or tok.idx < a or tok.idx + len(tok) != end:
            break
        if not (tok.pos_ == "ADV" and tok.text.islower() and tok.text.endswith("ly")):
            break
        end = tok.idx
    if end == b or not ctx.text[a:end].strip():
        return b
    return end


def _np_speaker(ctx: _Ctx, a: int, b: int, verb_at: int) -> _Speaker:
    """The speaker of a reporting verb at ``verb_at`` whose subject phrase is ``[a, b)``."""
    aux = _TRAILING_ADV.search(ctx.text, a, b)
    if aux:  # "Roe had said", "Roe, asked about it, had also told": the subject ends before
        b = aux.start()
    when = _TRAILING_TIME.search(ctx.text, a, b)
    if when and when.start() > a:  # "Roe, the mayor, on Tuesday called": the time is no name
        b = when.start()
    b = _before_manner_adverbs(ctx, a, b)
    if re.match(r"\w+ing\b", ctx.text[verb_at : verb_at + 20]):
        # "…, stating that": a participle shares the subject of the clause it hangs on; after a
        # comma ("Roe said the pier could close, adding, “…”") that is the main clause's
        if ctx.doc is None:
            return _sentence_subject(ctx, ctx.sentence(verb_at)[0], verb_at)
        tok = _token_at(ctx.doc, verb_at)
        hangs_on_speech = tok is not None and tok.head.lemma_ in SPEECH_LEMMAS
        if not hangs_on_speech and re.search(
            r",[”\"’]?\s*$", ctx.text[max(a, verb_at - 4) : verb_at]
        ):
            # (unless it hangs on a reporting verb: "…, Roe added, saying …" is Roe's)
            main = _sentence_subject(ctx, ctx.sentence(verb_at)[0], verb_at, strict=True)
            if main and main.pronoun != "it":
                return main
            near = _nearest_subject(ctx, tok, verb_at) if tok is not None else _Speaker()
            if near:
                # "It was a sharp exchange, as Roe echoed the complaint, saying …": the
                # participle goes with the clause right before it (a parse may hang it on
                # the main verb), whose subject is a person
                return near
    elif not _CONJOINED_END.search(ctx.text, a, b) and not _pronoun_subject(ctx, a, verb_at):
        # (not before a conjoined verb: "Roe greeted the crowd and told them": the object
        # before "and" is no subject; the conjunct's subject is the first verb's, below;
        # nor when the parse gives the verb a pronoun subject before an interrupting
        # phrase: "Ivo Roe, who, after a spat with Jane Penn, said": Roe, not Penn)
        ent = _ends_with_actor(ctx, a, b)
        if ent is not None:
            return _Speaker(ent)
    phrase = ctx.text[a:b]
    p = re.search(rf"(?:^|[,;]\s+|\b(?:and|but|as|while)\s+)({_PRON})\s*$", phrase)
    if p:
        return _Speaker(pronoun=p.group(1).lower(), at=a + p.start(1))
    if ctx.doc is None and re.fullmatch(r"(?:.*[,;]\s*)?I\s*", phrase, re.S):
        return _first_person(ctx, a + phrase.rindex("I"))
    who = re.search(r",\s*who\s*$", phrase) if ctx.doc is None else None
    if who:
        # "Jane Roe, who said": without a parse, the actor ending right before the comma,
        # unless a preposition governs it ("an aide to Jane Roe, who": the aide, unknown)
        ent = _ends_with_actor(ctx, a, a + who.start())
        named = [x for x in ctx.mentions_from(a, a + who.start()) if x[2] is ent]
        if ent is not None and named and not _GOVERNED.search(ctx.text, a, named[-1][0]):
            return _Speaker(ent)
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, verb_at)
        subj = _nsubj(tok) if tok is not None else None
        if (
            subj is None and tok is not None and tok.dep_ == "acl"
            and tok.head.dep_ == "dobj" and tok.head.lemma_ in DOCUMENT_NOUNS | SPEECH_NOUNS
        ):  # fmt: skip
            # "Roe issued a statement Tuesday saying, “…”": the issuer of the statement, when
            # a person; else the document ("his campaign sent an email stressing": the email)
            subj = _nsubj(tok.head.head)
            if subj is not None and subj.lower_ not in ("he", "she"):
                lo, hi = subtree_extent(subj)
                issuer = _speaker_in(ctx, lo, hi, head=subj.idx)
                if issuer is None or issuer.type != "PERSON":
                    subj = tok.head  # the document itself
        if subj is not None:
            # the parser may take a dateline's place as the subject ("Velmar (AP) — Roe said")
            ss = ctx.sentence(subj.idx)[0]
            dateline = DATELINE.match(ctx.text, ss, subj.idx + len(subj) + 40)
            if dateline and subj.idx < dateline.end():
                subj = next(
                    (t for t in subj.head.children if t.dep_ == "nsubj" and t.idx > dateline.end()),
                    None,
                )
        if subj is not None and ctx.in_quote(subj.idx) and not a <= subj.idx < b:
            # "“Dear Roe,” the speaker says": a word of a quotation before the phrase is no
            # subject; nor is the subject a parse finds inside the quotation after the verb
            # ("As Roe, author of “Rules,” put it, “Senate leaders should …”": not the leaders)
            if subj.idx >= b:
                return _Speaker()
            subj = None
        if subj is not None and subj.lower_ in ("who", "that", "which"):
            # "Jane Roe, who said …": the relative pronoun stands for the noun it hangs on
            rel = subj.head
            while rel.dep_ != "relcl" and rel.head.i != rel.i and rel.dep_ in ("conj", "xcomp"):
                rel = rel.head
            subj = rel.head if rel.dep_ == "relcl" and rel.head.pos_ in ("PROPN", "NOUN") else None
            if subj is not None:  # "one aide familiar with the talks, who": the aide
                subj = relative_antecedent(subj, lambda t: _speaker_in(ctx, t.idx, t.idx + len(t)))
            while subj is not None and subj.dep_ == "appos" and subj.head.pos_ == "PROPN":
                subj = subj.head  # "Jane Roe, the minister, who said": the name
            if subj is not None:
                subj = _copula_subject(subj)  # "Roe is a planner who said": Roe
        if subj is not None:
            if subj.lower_ in _PRONOUNS:
                return _Speaker(pronoun=subj.lower_, at=subj.idx)
            if subj.text == "I":
                return _first_person(ctx, subj.idx)
            lo, hi = subtree_extent(subj)
            own = _speaker_in(ctx, lo, hi, head=subj.idx)
            if own is not None and own.type == "PERSON":
                return _Speaker(own)  # "said Ivo Roe, an analyst": Roe, not "analyst"
            for appos in (c for c in subj.children if c.dep_ == "appos"):
                # "The union's leader, Ivo Roe, said": the name in apposition
                ent = _speaker_in(ctx, lo, hi, head=appos.idx)
                if ent is not None and ent.type in ("PERSON", "UNNAMED", "ORG"):
                    return _Speaker(ent)
            if own is not None:
                return _Speaker(own)
            lo_head, head_np = _head_phrase(ctx.text, subj)
            return _noun_speaker(ctx, head_np, lo_head)
    if re.search(r"\b(?:and|but)\s*$", phrase):
        # "The bank raised rates and said …": the subject starts the sentence
        ss, _ = ctx.sentence(a)
        first = [x for x in ctx.mentions_from(ss, b) if not ctx.in_quote(x[0])]
        return _Speaker(first[0][2]) if first else _Speaker()
    owner = _possessive_owner(ctx, phrase, a, verb_at)
    if owner:
        return owner
    closed_rel = _CLOSED_RELATIVE.search(phrase)
    if closed_rel and closed_rel.start() > 0:
        # "One attendee, who spoke on condition of anonymity, said": the noun before the
        # relative clause set off by commas
        sp = _noun_speaker(ctx, phrase[: closed_rel.start()], a)
        if sp:
            return sp
    return _noun_speaker(ctx, phrase, a)


# A relative clause set off by commas closing a subject phrase: ", who spoke to reporters,".
_CLOSED_RELATIVE = re.compile(r",\s*who\s[^,;:“”\"]{1,120},\s*\Z")


# One author in a byline: "By Jane Roe", "Jane Roe" (not "Jane Roe and Ivo Penn", "Staff").
_ONE_AUTHOR = re.compile(r"(?:[Bb]y\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})")


# A noun phrase's preposition right before a name ("an aide to Sen. ", "the head of "): the
# name is not the phrase's head (a verb's is: "backed by Jane Roe, who").
_GOVERNED = re.compile(
    r"(?:\b(?:a|an|the|his|her|its|their|one|two|three|several)\s+(?:[\w’'-]+\s+)?|"
    rf"\b(?:{alternation(PERSON_ROLE_NOUNS)})s?\s+)"
    rf"(?:{'|'.join(sorted(GOVERNING_PREPOSITIONS))})\s+(?:the\s+)?"
    r"(?:[A-Z][a-z]{1,4}\.\s+)?\Z"
)


def _absolute_subject(ctx: _Ctx, verb_at: int) -> _Speaker | None:
    """With a parse, the subject of an absolute "with X V-ing" phrase that holds the verb at
    ``verb_at`` ("The hall denied it, with Ivo Penn taking to the radio to call the mayor
    “…”"): the verb has no subject of its own, and the first verb above it that has one is
    the participle after "with"; its subject, not the main clause's, does the saying. Only an
    actor or "he"/"she" is taken; ``None`` when the verb is in no such phrase."""
    assert ctx.doc is not None
    tok = _token_at(ctx.doc, verb_at)
    for _ in range(6):
        if tok is None or _nsubj_of(tok) is not None:
            break
        if tok.dep_ not in ("advcl", "xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    if tok is None or tok.tag_ != "VBG" or tok.dep_ != "pcomp":
        return None
    if tok.head.lower_ not in ("with", "without"):
        return None
    subj = _nsubj_of(tok)
    if subj is None or subj.dep_ != "nsubj" or subj.idx > verb_at:
        return None
    if subj.lower_ in ("he", "she"):
        return _Speaker(pronoun=subj.lower_, at=subj.idx)
    return _subject_actor(ctx, subj) or None


def _first_person(ctx: _Ctx, at: int) -> _Speaker:
    """ "…,” I said" in the narrative: the writer, when the byline names one author; else
    the unnamed writer (``writer``: a column or a book excerpt without a byline, several
    authors), shown with no speaker but never handed a neighbour's (the last person named
    is not the narrator). An "I" inside a quotation, whose quotation is not found on its
    own, is unknown."""
    if ctx.in_quote(at):
        return _Speaker()
    m = _ONE_AUTHOR.fullmatch((ctx.article.byline or "").strip())
    return _Speaker(text=m.group("name") if m else None, writer=True)


def _nearest_subject(ctx: _Ctx, tok: Token, verb_at: int) -> _Speaker:
    """The person subject of the last clause before a participle at ``verb_at`` in its
    sentence: a named person or "he"/"she", else nothing."""
    ss = ctx.sentence(verb_at)[0]
    subjects = [
        t for t in tok.sent if ss <= t.idx < verb_at and t.dep_ == "nsubj" and t.head.idx < verb_at
    ]
    if not subjects:
        return _Speaker()
    subj = subjects[-1]
    if subj.lower_ in ("he", "she"):
        return _Speaker(pronoun=subj.lower_, at=subj.idx)
    return _subject_actor(ctx, subj, ("PERSON",))


def _head_phrase(text: str, head: Token) -> tuple[int, str]:
    """A subject's noun with its modifiers, without appositives or relative clauses."""
    left = [
        t
        for t in head.lefts
        if t.dep_ in ("compound", "amod", "det", "nummod", "poss", "nmod", "case")
    ]
    # a compound or possessive with its own modifiers ("Andrean High School fans": "Andrean"
    # hangs on "School", not on "fans"), so the phrase is not cut inside a name (a number's
    # own modifiers, "only 25 percent", stay out: a share names no one)
    lo = min(
        [t.left_edge.idx if t.dep_ in ("compound", "poss") else t.idx for t in left] + [head.idx]
    )
    return lo, text[lo : head.idx + len(head)]


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# Dependencies a subject search climbs: clauses, conjuncts, and "by saying" (pcomp of a prep).
_CLIMB = frozenset(
    ("advcl", "conj", "xcomp", "acl", "ccomp", "parataxis", "relcl", "pcomp", "prep")
)


def _nsubj(tok: Token) -> Token | None:
    """The subject of a verb, following participles and conjuncts up to the verb that has one."""
    via_xcomp = False
    for _ in range(6):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                # a passive subject is the hearer ("Roe was told"), except above an
                # infinitive: "Roe was prompted to say", "Roe was quoted as saying"
                return child if child.dep_ == "nsubj" or via_xcomp else None
        via_xcomp = tok.dep_ in ("xcomp", "advcl") and tok.head.tag_ == "VBN"
        if tok.dep_ == "conj" and not joined_conjunct(tok):
            break  # ("Five died …, the ministry said": no "and", no shared subject)
        if tok.dep_ in _CLIMB and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


# Subjects of "be" that point ahead instead of naming anyone: "It was Roe who said", "This is
# the man who said" (a cleft: the predicate noun is the speaker). A closed class.
_EXPLETIVE_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "here"})


def _copula_subject(noun: Token) -> Token:
    """The subject a predicate noun describes, when a relative clause hangs on that noun.

    "Ivo Roe is a planner who said …", "Roe is a liar, a bully and a cheat who claimed …":
    the one who said it is the subject of "is", not "planner" or "cheat" (a description of
    Roe, no speaker of its own). A cleft keeps the noun ("It was Roe who said").
    """
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "a liar, a bully and a cheat": the first predicate noun
    verb = top.head
    if top.dep_ != "attr" or verb.lemma_ != "be" or noun.pos_ == "PROPN":
        return noun  # a name is its own speaker: "Another choice is Jane Roe, who says"
    if any(c.dep_ == "expl" for c in verb.children):
        return noun  # "there are economists who argue": the economists
    subj = None
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head  # "Roe often shouts and is a bully who said": the shared subject
    if subj is None or subj.lower_ in _EXPLETIVE_SUBJECTS:
        return noun
    return subj


def _local_root_subject(ctx: _Ctx, ss: int, end: int) -> _Speaker:
    """The subject of a sentence's main verb when the parse hangs that verb on a word outside
    the sentence (spaCy may run one sentence into the paragraph before it: "…” ¶ Roe's
    spokesman Ivo Penn responded, calling it “…”" parses "responded" as a clause of the
    sentence before, so no subject of the sentence hangs on the root). Only a person or
    group the subject's head names, or a pronoun; nothing when the sentence parses whole."""
    if ctx.doc is None:
        return _Speaker()
    span = ctx.doc.char_span(ss, end, alignment_mode="contract")
    if span is None or not len(span):
        return _Speaker()
    roots = [t for t in span if t.dep_ != "punct" and not ss <= t.head.idx < end]
    if len(roots) != 1 or roots[0].dep_ == "ROOT" or roots[0].pos_ not in ("VERB", "AUX"):
        return _Speaker()
    subj = next((c for c in roots[0].children if c.dep_ == "nsubj" and c.idx >= ss), None)
    if subj is None:
        return _Speaker()
    if subj.lower_ in _PRONOUNS:
        return _Speaker(pronoun=subj.lower_, at=subj.idx)
    return _subject_actor(ctx, subj)


def _sentence_subject(ctx: _Ctx, ss: int, end: int, strict: bool = False) -> _Speaker:
    """The actor a sentence is about (``Coref.subject``), else a name nobody recognised
    opening it ("Lina Roe, a nurse, had one request —")."""
    dateline = DATELINE.match(ctx.text, ss, end)
    if dateline:
        ss = dateline.end()  # "Velmar (AP) — Jane Roe said": the place is no subject
    local = _local_root_subject(ctx, ss, end)
    if local:
        return local
    ref = ctx.coref.subject(ss, end, strict)
    if ref.modified:
        return _Speaker()  # "the Kestrian harbour board said": not Kestria (``Ref.modified``)
    if ref.entity is not None:
        return _Speaker(ref.entity)
    if ref.name:
        return _Speaker(text=ref.name)
    if ref.pronoun is not None:
        return _Speaker(pronoun=ref.pronoun, at=ref.at)
    if strict and ctx.doc is not None:
        return _Speaker()
    name = re.match(r"\s*((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)(?=,|\s+[a-z])", ctx.text[ss:end])
    return _Speaker(text=name.group(1)) if name else _Speaker()


_VERB = rf"(?:{_VERBS})"
_AFTER_PRONOUN = re.compile(rf"\s*[,;:—–-]?\s*(?P<sp>{_PRON})\s+{_ADV}{_VERB}\b")
# The narrator's attribution after a quotation: "“…,” I said" (not "“…,” I think the …": a
# verb of speech right after the "I").
_AFTER_I = re.compile(rf"\s*[,;:—–-]?\s*(?P<sp>I)\s+{_ADV}{_VERB}\b")
_AFTER_VERB = re.compile(
    rf"\s*[,;:—–-]?\s*(?P<v>{_VERB})\s+(?P<np>(?:{_DOTTED}|[^.;:,“”\"\n]){{2,90}}?)"
    rf"(?=\s*(?:[.,;:!?]|$|\s(?:{'|'.join(SPEAKER_END_WORDS)})\b))"
)
_AFTER_NP = re.compile(
    rf"\s*[,;:—–-]?\s*(?P<np>(?:{_DOTTED}|[^.;:“”\"\n]){{2,110}}?)\s+{_ADV}(?P<v>{_VERB})\b"
)
# An "as" clause between a quotation and its attribution: "as his father hoped, ".
_AS_ASIDE = re.compile(r"as\s+[^,;:“”\"\n]{2,60},\s*(?=\S)")
_AFTER_ANY_VERB = re.compile(
    rf"\s*(?P<np>(?:{_DOTTED}|[^.;:,“”\"\n]){{2,60}}?)\s+(?:{_ADV})?(?P<v>[a-z]{{3,}}(?:ed|s))\b"
    r"[^.;:“”\"\n]{0,40}[.!?]"
)
# (on a line of its own, or a tweet's byline with the handle: a writer's "--Jane Roe." credit
# after a paragraph is no speaker)
_AFTER_DASH = re.compile(
    # (U+2015, the quotation dash, is never a sentence's dash: it signs a quotation on the
    # same line too, "…” ― Jane Roe.")
    r"[ \t]*(?:(?P<nl>\n[ \t]*){1,2})?(?:(?P<qd>―)|[—–]|--?)[ \t]*"
    r"(?P<np>(?:(?:[A-Z][\w’'-]*\.?|of|the|for|and)[ \t]+){0,4}[A-Z][\w’'-]+)"
    # (a signature line may add a place or a clause: "-Jane Roe, Eastport.")
    r"[ \t]*(?:(?(nl)(?:,[^\n“”\"]{1,80})?[.,]?[ \t]*(?:\n|$)"
    r"|(?(qd)(?:,[^\n“”\"]{1,80})?[.,]?[ \t]*(?:\n|$)|(?!)))|\(@)"
)
_AFTER_ANY_VERB_INV = re.compile(
    rf"\s*(?P<v>[a-z]{{3,}}ed)\s+(?P<np>(?:{_DOTTED}|[^.;:,“”\"\n]){{2,60}}?)\s*(?:[.,]|$)"
)
_AFTER_ACCORDING = re.compile(
    rf"\s*,?\s*according\s+to\s+(?P<np>(?:{_DOTTED}|[^.;:“”\"\n]){{2,120}}?)\s*(?:[.;]|$)"
)
# A document or work heading an "according to" phrase: "a Velmar Institute poll conducted …".
_DOC_HEAD = re.compile(
    r"\s*(?:(?:an?|the|its|their)\s+)?(?P<d>(?:[\w’'.-]+\s+){0,3}?"
    rf"(?P<n>{alternation(DOCUMENT_NOUNS)}|{alternation(WORK_NOUNS)}))\b",
    re.I,
)
_END_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}$")
# What may follow the verb of a short attribution sentence: a time or place, then its end.
_SHORT_TAIL = re.compile(r"(?:\s+(?!that\b)[\w’'-]+){0,5}\s*[.,!?]")
_ACCORDING_INTRO = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,:;“”\"]{2,80}?)\s*[:,]\s*$")
# Reporting verbs whose following noun phrase is the hearer, not the speaker ("telling
# Harbor Radio", "told reporters", "asked Roe"), and words that start a phrase about or to
# someone ("said of Roe", "added to reporters").
_OBJECT_VERB = re.compile(rf"(?i)\w+ing|{alternation(HEARER_FORMS)}")
_OBJECT_LEAD = re.compile(rf"\s*(?:{'|'.join(sorted(OBJECT_LEAD_PREPOSITIONS))})\b", re.I)
_CLAUSE_LEAD = re.compile(rf"\s*(?:{'|'.join(sorted(REPORTED_CLAUSE_LEADS))})\b", re.I)
# What follows a hearer after "asked"/"told" ("asked the board to resign", "told aides
# why"): a speaker inverted after the verb ("asked the reporter.") has none of it.
_HEARER_TAIL = re.compile(
    r"\s+(?:to\s+(?!(?:the|a|an|his|her|my|their|its|our|your|this|that)\b)[a-z]+|"
    r"whether|if|why|how|what|about)\b"
)
# (the last reporting verb: "Roe, who has told aides …, said in a statement:" is Roe's)
_BEFORE_VERB = re.compile(
    rf"(?s:.*)\b(?P<v>{_VERB})\b(?P<rest>(?:{_DOTTED}|[^.;“”\"]){{0,80}}?)\s*[:,—–-]\s*$"
)


def _para_break_in(text: str, start: int, stop: int) -> int | None:
    """Where the first paragraph break starting in ``[start, stop)`` starts, if one does.

    ``_PARA_BREAK.search(text, start)`` would scan to the next break anywhere after, which
    in a text without blank lines is the whole rest of it, once per quote (quadratic).
    """
    i = text.find("\n", start, stop)
    while i != -1:
        if _PARA_BREAK.match(text, i):
            return i
        i = text.find("\n", i + 1, stop)
    return None


# A document as the source after a quotation: "…,” the memo read / a poll found / it read.
_DOC_NOUN = rf"(?:{alternation(DOCUMENT_NOUNS)})"
_AFTER_DOC = re.compile(
    rf"\s*[,;—–-]?\s*(?P<np>[Ii]t|(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Ii]ts|"
    rf"[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?{_DOC_NOUN})"
    rf"(?:\s+(?:by|from|of|for)\s+[^,.;:“”\"\n]{{2,60}}?)?\s+{_ADV}"
    rf"(?P<v>{alternation(DOCUMENT_VERBS)})\b"
)
# The same inverted, after a verb only a text is the subject of: "“…,” reads a Friday
# editorial in the Velmar Post." (the phrase ends at a preposition or the sentence's end).
_AFTER_DOC_INVERTED = re.compile(
    r"\s*[,;—–-]?\s*(?:read|reads)\s+"
    rf"(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"{_DOC_NOUN})\b(?=\s+(?:by|from|of|in|on|at)\b|\s*[.,;]|\s*$)"
)
# The document "it" stands for: the last one named before ("a letter …. “…,” it read").
_DOC_BEFORE = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,2}}?"
    rf"(?P<n>{_DOC_NOUN})\b"
)


# A source credited in brackets right after a quotation: "…” [Velmar Post.]", "…” [AP]".
_CREDIT_AFTER = re.compile(r"[ \t]*\[(?P<np>[A-Z][\w’'&-]*(?:[ \t]+[A-Z][\w’'&.-]*){0,3})\.?\]")


def _closing_punct(text: str, end: int) -> str:
    """The character a quote ends on before its closing mark, which ends at ``end``: "," in
    “…,” and in the NYT's ''…,'' (a two-character mark)."""
    k = end - 2
    if k > 0 and text[end - 1] == "'" and text[k] == "'":
        k -= 1
    return text[k : k + 1] if k >= 0 else ""


def _document_source(ctx: _Ctx, end: int, tail_end: int) -> _Speaker:
    """A document named as the source of the quotation that closes at ``end``: "…,” the
    sign read", "…,” a poll found", "…,” it read" after "a letter". Only the verbs a person
    is not the subject of here ("read", "found", "showed"); "the memo said" is the common
    attribution's. The document's words are its source (issue 17: no one else said them)."""
    text = ctx.text
    if _closing_punct(text, end) not in (",", "?", "!", "—", "–", "-"):
        return _Speaker()
    inv = _AFTER_DOC_INVERTED.match(text, end, tail_end)
    if inv is not None:
        # "“…,” reads an editorial in the Velmar Post.": the verb, then the document
        np = inv.group("np")
        return _Speaker(text=_plain_np(np) or np)
    m = _AFTER_DOC.match(text, end, tail_end)
    if m is None or m.group("v") in REPORTING_FORMS:
        return _Speaker()
    np = m.group("np")
    if np.lower() != "it":
        return _Speaker(text=_plain_np(np) or np)
    if m.group("v") not in ("read", "reads"):
        return _Speaker()  # "it found" may be an organisation's (the pronoun path)
    start = ctx.sentence(end - 2)[0]
    docs = [
        d
        for d in _DOC_BEFORE.finditer(text, max(0, start - 600), end)
        if not ctx.in_quote(d.start())
    ]
    return _Speaker(text=docs[-1].group("n")) if docs else _Speaker()


def _parsed_subject_of(ctx: _Ctx, np_at: int, verb_at: int) -> bool:
    """Whether the parse (when there is one) reads the word at ``verb_at`` as a verb whose
    subject lies in ``[np_at, verb_at)``: "…,” Roe pressed." yes; "…,” the board apparently
    feels free to ignore the tide tables." no ("tables" is a noun, the phrase a clause), nor
    a verb with an object or complement of its own ("…,” he feels free to go.": no verb of
    speech then, a statement about him)."""
    if ctx.doc is None:
        return True
    tok = _token_at(ctx.doc, verb_at)
    return (
        tok is not None
        and tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "nsubj" and np_at <= c.idx < verb_at for c in tok.children)
        and not any(c.dep_ in _COMPLEMENTS and c.idx > verb_at for c in tok.children)
    )


_COMPLEMENTS = frozenset(("dobj", "xcomp", "ccomp", "acomp", "attr", "oprd", "dative"))


# Nouns whose phrase can be the inverted subject of "urged", "asked", "told", "warned"
# after a quotation: a person, a body, an outlet, a document (closed noun classes of
# ``storyline.lang``).
_ACTOR_HEADS: frozenset[str] = frozenset(
    {*DESCRIBED_PERSON_NOUNS, *PERSON_ROLE_NOUNS, *UNNAMED_SOURCES, *ORG_NOUNS, *MEDIA_NOUNS}
    | NOT_BUSINESS_NOUNS
    | DOCUMENT_NOUNS
)


def _actor_noun_phrase(np: str) -> bool:
    """Whether a phrase after a quotation's verb may name its speaker: a capitalised word
    (a name) or a head noun of a person, a body, an outlet or a document ("a new vote":
    no)."""
    plain = _plain_np(np)
    if not plain:
        return False
    words = plain.split()
    if any(w[:1].isupper() for w in words):
        return True
    head = words[-1].lower()
    return head in _ACTOR_HEADS or head.removesuffix("s") in _ACTOR_HEADS


# A capitalised word of a person's title ("Secretary-Treasurer", "Vice President"): each of its
# hyphenated parts a person noun (``DESCRIBED_PERSON_NOUNS``) or a word that modifies one
# (``NAME_LEAD_WORDS``, and the closed class of rank words below).
_TITLE_MODIFIERS = NAME_LEAD_WORDS | frozenset({"vice", "assistant", "associate", "general"})


def _title_word(word: str) -> bool:
    parts = word.lower().rstrip(".").split("-")
    return word[:1].isupper() and all(
        p in DESCRIBED_PERSON_NOUNS or p in _TITLE_MODIFIERS or p.rstrip("s") in _TITLES_LOWER
        for p in parts
    )


_TITLES_LOWER = frozenset(t.lower() for t in _TITLES)


def _titled_name_after(ctx: _Ctx, ent: Entity, a: int, b: int) -> _Speaker | None:
    """The written person a phrase ``[a, b)`` names after an organisation's name that only
    modifies it: "United Dock Workers Secretary-Treasurer Ivo Kessel" is Kessel, the union's
    officer, when the entity stage missed the person (no mention covers the name). The words
    after the organisation's last mention must be capitalised: one or more title words
    (``_title_word``), then two or three words of a name; ``None`` otherwise."""
    if ent.type == "PERSON":
        return None
    ends = [e for s, e, x in ctx.mentions_from(a, b) if x is ent and e <= b]
    if not ends:
        return None
    rest = ctx.text[ends[-1] : b]
    if ctx.mentions_from(ends[-1], b):
        return None  # another actor is named after it
    words = rest.split()
    k = 0
    while k < len(words) and _title_word(words[k]):
        k += 1
    name = words[k:]
    if (
        k == 0 or not 2 <= len(name) <= 3
        or not all(re.fullmatch(r"[A-Z][a-z’'-]+\.?|[A-Z]\.", w) for w in name)
        or any(_title_word(w) or w.lower() in NOT_A_SPEAKER_WORDS for w in name)
    ):  # fmt: skip
        return None
    # the name as written, and the organisation's name with the title as its role
    return _Speaker(text=" ".join(name), role=" ".join([ent.name, *words[:k]]))


def _after_close(ctx: _Ctx, end: int) -> _Speaker:
    """Attribution after a quote: "…,” he said / the official said / said Jane Roe."""
    text = ctx.text
    punct = _closing_punct(text, end)  # what the quote ends on before its mark
    para = _para_break_in(text, end, end + 160)
    tail_end = min(len(text), end + 160, len(text) if para is None else para)
    doc = _document_source(ctx, end, tail_end)
    if doc:
        return doc
    m = _CREDIT_AFTER.match(text, end, tail_end)
    if m:  # "…” [Velmar Post.]": a digest credits the outlet it quotes
        ent = _speaker_in(ctx, m.start("np"), m.end("np"))
        if ent is not None and ent.type in _ACTOR_TYPES:
            return _Speaker(ent)
        return _Speaker(text=m.group("np").rstrip("."))
    m = _AFTER_PRONOUN.match(text, end, tail_end)
    if m:
        return _Speaker(pronoun=m.group("sp").lower(), at=m.start("sp"))
    m = _AFTER_I.match(text, end, tail_end)
    if m:  # "“…,” I said": the narrator's words (``_first_person``)
        return _first_person(ctx, m.start("sp"))
    m = _AFTER_VERB.match(text, end, tail_end)
    if m and re.fullmatch(r"\w+ing|tell|tells", m.group("v")):
        m = None  # "…,” telling reporters: the phrase after a participle is its object
    if m and m.group("v").lower() in HEARER_FORMS and _HEARER_TAIL.match(text, m.end("np")):
        m = None  # "…,” asked the board to resign / told aides why: the phrase is the hearer
    if m:
        a, b = m.start("np"), m.end("np")
        while b > a and text[b - 1].isspace():
            b -= 1
        if text[a:b].rsplit(None, 1)[-1][:1].islower():
            # a common noun heads the phrase: "said one Roe confidant" is not Roe
            ent = _speaker_in(ctx, b - 1, b)
        else:
            ent = _speaker_in(ctx, a, b)
        titled = _titled_name_after(ctx, ent, a, b) if ent is not None else None
        if titled is not None:
            return titled
        if ent is not None:
            return _Speaker(ent)
        np = m.group("np").strip()
        if re.fullmatch(_PRON, np):
            return _Speaker(pronoun=np.lower(), at=m.start("np"))
        if m.group("v").lower() in HEARER_FORMS and not _actor_noun_phrase(np):
            # "“…,” urged a new vote": after a verb that takes an object, a phrase naming
            # no one is that object, not an inverted subject (issue 17)
            sp = _Speaker()
        else:
            sp = _noun_speaker(ctx, m.group("np"), m.start("np"))
        if sp:
            return sp
    m = _AFTER_ACCORDING.match(text, end, tail_end)
    if m:  # "…” according to a court filing by Jane Roe."
        ent = _speaker_in(ctx, m.start("np"), m.end("np"))
        head = _DOC_HEAD.match(m.group("np")) if ent is not None and ent.type != "PERSON" else None
        if ent is not None and head and head.group("n").lower() not in ent.name.lower():
            # "according to a Velmar Institute poll": the poll, which the body made (a
            # person's filing or memoir stays the person's)
            return _Speaker(text=head.group("d"))
        if ent is not None:
            return _Speaker(ent)
        name = _END_NAME.search(m.group("np"))  # "… a filing by Jane Roe": a name no one knew
        if name:
            return _Speaker(text=name.group())
        return _noun_speaker(ctx, m.group("np"), m.start("np"))
    m = _AFTER_NP.match(text, end, tail_end)
    if m and m.group("v").endswith("ing"):
        # "“…” on the radio before claiming …", "“…,” a nod to the rival acknowledging …": a
        # participle has no subject in the words before it, which are no attribution
        m = None
    if m and punct == "." and not _SHORT_TAIL.match(text, m.end("v"), tail_end):
        # a quote that closed its sentence with a full stop: what follows is a new sentence,
        # an attribution only when it is short ("Roe said."), not "Roe warned that …"
        m = None
    if m and punct not in (",", "?", "!", ".", "—", "–", "-", "’", "'"):
        # a quote woven into the sentence ("the “kind of problems” Roe had answering …
        # and saying"): a following phrase is an attribution only when it is a plain subject
        # (after its last comma: "… who has won twice, the editorial board writes")
        words = m.group("np").rsplit(",", 1)[-1].split()
        if len(words) > 6 or any(w.lower() in SPEAKER_CLAUSE_WORDS for w in words):
            m = None
    if m and ctx.doc is not None:
        v_tok = _token_at(ctx.doc, m.start("v"))
        np_tok = _token_at(
            ctx.doc, m.start("np") + len(m.group("np")) - len(m.group("np").lstrip())
        )
        if (
            v_tok is not None and v_tok.pos_ in ("NOUN", "PROPN")
            and np_tok is not None and np_tok.pos_ in ("VERB", "AUX")
        ):  # fmt: skip
            # "“…,” came shouts from the crowd": a verb, then the form as a noun; no
            # subject and no reporting verb ("“…,” a voice-over states" is one)
            m = None
        elif (
            v_tok is not None and v_tok.pos_ in ("NOUN", "PROPN")
            and np_tok is not None and np_tok.pos_ == "ADP"
        ):  # fmt: skip
            # "… in “lump sums” to towns, allowing them …": a preposition, then the form
            # as its noun; a phrase, not a subject and its verb
            m = None
        elif (
            v_tok is not None and punct not in (",", "?", "!", ".", "—", "–", "-", "’", "'")
            and _in_adverbial_clause_of(ctx.doc, end - 2, v_tok)
        ):  # fmt: skip
            # "While Roe said it would be “very hard” for the team to win, his aides argued
            # …": a quotation woven into an adverbial clause of the verb after it is that
            # clause's words, not the main clause subject's
            m = None
    aside = _AS_ASIDE.match(m.group("np")) if m and punct == "," else None
    if m and aside:
        # "“…,” as his father hoped, Ivo Roe said.": an "as" clause set off by commas, then
        # the attribution's subject
        sp = _np_speaker(ctx, m.start("np") + aside.end(), m.end("np"), m.start("v"))
        if sp:
            return sp
    if m and _PREPOSITION_LEAD.match(m.group("np")):
        # "… begin “building bridges” to Ivo Penn, said Jane Roe, …": a prepositional phrase
        # ends the clause the quotation is in; the attribution after it is inverted
        sp = _inverted_after_phrase(ctx, m, tail_end)
        if sp:
            return sp
    if m and re.match(r"and\s", m.group("np")):
        sp = _attribution_closing_conjunct(ctx, end, m)
        if sp:
            return sp
    if m and not re.match(r"(?i:and|but|or|then|which|that|as|while|when)\b", m.group("np")):
        # ("…” and repeated that …" continues the writer's sentence: no attribution)
        sp = _np_speaker(ctx, m.start("np"), m.end("np"), m.start("v"))
        if sp:
            return sp  # (else the forms below: a name no one knew, a long apposition)
    nv = _any_verb_after(ctx, end, tail_end)
    if (
        nv and punct in (",", "?", "!") and nv.v not in SPEAKER_CLAUSE_WORDS
        and _parsed_subject_of(ctx, nv.np_at, nv.v_at)
        and not _quote_in_adverbial_clause(ctx, end, nv.v_at)
    ):  # fmt: skip
        # "…,” Roe pressed. / "…?” she wondered.": a quote left open by a comma or a question
        # mark, then a name or a pronoun and a verb, is attributed whatever the verb
        np = text[nv.np_at : nv.np_end].strip()
        if re.fullmatch(_PRON, np):
            return _Speaker(pronoun=np.lower(), at=nv.np_at)
        ent = _ends_with_actor(ctx, nv.np_at, nv.np_end)
        if ent is not None and ent.type in ("PERSON", "UNNAMED", "ORG"):
            return _Speaker(ent)
        if ent is None and re.fullmatch(r"(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+", np):
            return _Speaker(text=np)  # a name the entity stage did not know
        if ent is None and _DETERMINED.match(np):
            sp = _noun_speaker(ctx, text[nv.np_at : nv.np_end], nv.np_at)
            if sp:
                return sp  # "…,” the report concluded. / "…!” some dockworkers chanted.
    m = _AFTER_DASH.match(text, end, min(len(text), end + 120))
    if m:
        # a signature line: "…”, then "- Jane Roe." or a tweet's "— Jane Roe (@janeroe) …"
        ent = _speaker_in(ctx, m.start("np"), m.end("np"))
        if ent is not None and ent.type in ("PERSON", "UNNAMED", "ORG"):
            return _Speaker(ent)
        return _Speaker(text=m.group("np"))
    m = _AFTER_ANY_VERB_INV.match(text, end, tail_end)
    if m and punct in (",", "?", "!") and m.group("v") not in SPEAKER_CLAUSE_WORDS:
        # "…,” remembered Jane Roe, a former spokeswoman.
        ent = _speaker_in(ctx, m.start("np"), m.end("np"))
        if ent is not None and ent.type in ("PERSON", "UNNAMED"):
            return _Speaker(ent)
        np = m.group("np").strip()
        if ent is None and re.fullmatch(r"(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+", np):
            return _Speaker(text=np)
    if punct in (",", "?", "!"):
        # "…,” Ivo Roe, an adviser to three mayors and a former director of the port
        # authority, wrote on Friday.": a long apposition between the name and the verb
        m = _AFTER_LONG_APPOS.match(text, end, min(len(text), end + 320))
        if m and _para_break_in(text, end, m.end()) is None:
            a, b = m.start("name"), m.end("name")
            ent = _speaker_in(ctx, a, b)
            if ent is not None and ent.type in ("PERSON", "UNNAMED"):
                return _Speaker(ent)
            if ent is None:
                written, _ = _split_title(text[a:b])
                return _Speaker(text=written) if " " in written else _Speaker()
    return _Speaker()


_CONJOINED_START = re.compile(r"(?:and|but|or|yet|so)\b", re.I)


# A preposition opening the words between a quotation and a reporting verb: no subject.
_PREPOSITION_LEAD = re.compile(
    rf"\s*(?:{'|'.join(sorted(SPEAKER_PREPOSITIONS | {'to', 'into', 'toward', 'towards'}))})\s",
    re.I,
)


def _inverted_after_phrase(ctx: _Ctx, m: re.Match[str], tail_end: int) -> _Speaker:
    """The speaker of "“…” to Ivo Penn, said Jane Roe, a former aide.": the reporting verb
    ``m`` found after a prepositional phrase and a comma, then its subject after it. With a
    parse only: the parse's subject of the verb lies after it and its clause holds the
    quotation; else no one."""
    doc, text = ctx.doc, ctx.text
    v_at = m.start("v")
    comma = text.rfind(",", m.start("np"), v_at)
    if doc is None or comma < 0 or text[comma + 1 : v_at].strip():
        return _Speaker()
    inv = _AFTER_VERB.match(text, comma, tail_end)
    verb = _token_at(doc, v_at)
    if inv is None or inv.start("v") != v_at or verb is None:
        return _Speaker()
    a, b = inv.start("np"), inv.end("np")
    if not any(c.dep_ == "nsubj" and a <= c.idx < b for c in verb.children):
        return _Speaker()
    first = _token_at(doc, m.start("np") + len(m.group("np")) - len(m.group("np").lstrip()))
    if first is None or verb not in first.ancestors:
        return _Speaker()  # the phrase is not in the verb's clause
    ent = _speaker_in(ctx, a, b)
    return _Speaker(ent) if ent is not None else _noun_speaker(ctx, inv.group("np"), a)


# A determiner or a quantifier opening a noun phrase: "the report", "some dockworkers" (a
# closed class).
_DETERMINED = re.compile(r"(?:the|an?|some|many|several|most|both|other|two|three)\s", re.I)


@dataclass
class _NounVerb:
    """A subject phrase ``[np_at, np_end)`` and the verb ``v`` at ``v_at`` after a quote."""

    np_at: int
    np_end: int
    v_at: int
    v: str


# The verb after a plural noun the lazy phrase of ``_AFTER_ANY_VERB`` stopped at.
_NEXT_ANY_VERB = re.compile(rf"\s+(?:{_ADV})?(?P<v>[a-z]{{3,}}(?:ed|s))\b[^.;:“”\"\n]{{0,40}}[.!?]")


def _any_verb_after(ctx: _Ctx, end: int, tail_end: int) -> _NounVerb | None:
    """``_AFTER_ANY_VERB`` right after a quote closing at ``end``. With a parse, a plural
    noun the phrase stopped at as if it were the verb ("“…!” some dockworkers chanted":
    "dockworkers") joins the phrase, and the word in -ed or -s after it is the verb."""
    m = _AFTER_ANY_VERB.match(ctx.text, end, tail_end)
    if m is None:
        return None
    nv = _NounVerb(m.start("np"), m.end("np"), m.start("v"), m.group("v"))
    for _ in range(3):
        tok = _token_at(ctx.doc, nv.v_at) if ctx.doc is not None else None
        if tok is None or tok.pos_ != "NOUN" or tok.tag_ != "NNS":
            break
        nxt = _NEXT_ANY_VERB.match(ctx.text, nv.v_at + len(nv.v), tail_end)
        if nxt is None or nxt.start("v") - nv.np_at > 60:
            break
        nv = _NounVerb(nv.np_at, nv.v_at + len(nv.v), nxt.start("v"), nxt.group("v"))
    return nv


def _attribution_closing_conjunct(ctx: _Ctx, end: int, m: re.Match[str]) -> _Speaker:
    """The speaker of "“…,” and shipping picked up last week, Roe said.": a quotation, then
    "and" and a clause joined to it, then the sentence's own attribution after the last
    comma. With a parse only: the reporting verb is the sentence's root, the quotation lies
    in its tree, and the sentence ends a few words after the verb; else no one."""
    doc = ctx.doc
    np = m.group("np")
    if doc is None or "," not in np or not _SHORT_TAIL.match(ctx.text, m.end("v")):
        return _Speaker()
    verb = _token_at(doc, m.start("v"))
    last = _token_at(doc, end - 2)
    if verb is None or last is None or verb.dep_ != "ROOT" or verb not in last.ancestors:
        return _Speaker()
    a = m.start("np") + np.rindex(",") + 1
    while a < m.end("np") and ctx.text[a].isspace():
        a += 1
    subject = _token_at(doc, a)
    if _CONJOINED_START.match(ctx.text, a) or subject is None or verb not in subject.ancestors:
        return _Speaker()
    return _np_speaker(ctx, a, m.end("np"), m.start("v"))


# A name (a title allowed), a long apposition in commas, then a reporting verb, right
# after a quote.
_AFTER_LONG_APPOS = re.compile(
    rf"\s*(?P<name>(?:(?:{'|'.join(sorted(_TITLES, key=len, reverse=True))})\.?\s+)?"
    rf"[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){{0,3}}),(?:{_DOTTED}|[^.;:“”\"\n]){{3,260}}?,"
    rf"\s+{_ADV}(?P<v>{_VERB})\b"
)


# A name (or two) between a dash and a colon closing the text before a quote.
_BYLINE = re.compile(
    r"\s[—–-]{1,2}\s*(?P<np>(?:[A-Z][\w’'.-]*\s+(?:and\s+)?){0,4}[A-Z][\w’'-]*)\s*:\s*$"
)
# A sentence that is one capitalised name, a verb and a colon: "Roe interjected:".
_LONE_NAME = re.compile(r"\s*([A-Z][\w’'-]+)\s+[a-z]{3,}(?:ed|s)\s*:\s*$")


# A speech noun its subject issued, closing the text before a quote with a comma or colon:
# "Roe issued a statement on Friday, “…", "The ministry posted a message:".
_ISSUED_NOUN = re.compile(
    rf"\b(?:{alternation(f for forms in ISSUING_FORMS.values() for f in forms)})"
    r"\s+(?:a|an|the|his|her|its|their)\s+"
    rf"(?:[\w-]+\s+){{0,2}}(?:{alternation(SPEECH_NOUNS)})\b(?:\s+[\w’'-]+){{0,5}}\s*[,:—–]\s*\Z"
)
_ACTOR_TYPES = ("PERSON", "UNNAMED", "ORG")


def _subject_actor(ctx: _Ctx, subj: Token, types: Collection[str] = _ACTOR_TYPES) -> _Speaker:
    """The entity a subject's phrase names (``_speaker_in`` over its subtree, its head first)
    as the speaker when of one of ``types``; else no speaker."""
    lo, hi = subtree_extent(subj)
    ent = _speaker_in(ctx, lo, hi, head=subj.idx)
    return _Speaker(ent) if ent is not None and ent.type in types else _Speaker()


# "As Jane Roe put it (in a memo), “…": the speaker of a quotation that closes the clause.
_PUT_IT = re.compile(
    # (a work's title in marks may sit in the phrase: "As Jane Roe, author of “Tides,” put it")
    rf"(?:^|[,;—–]\s+|\b)[Aa]s\s+(?P<np>(?:{_DOTTED}|[“\"][^“”\"\n]{{1,60}}[”\"]|[^.;:“”\"\n]){{1,90}}?)\s+{_ADV}"
    r"(?:put|puts|phrased|phrases)\s+it\b(?:[^.;“”\"\n]{0,80}?)\s*[:,—–]\s*\Z"
)


# A verb of the manner of speaking, a few words (a hearer, a time) and a comma or colon
# closing the text before a quote: "Roe boomed, “…", "a boy shouted at the crew: “…".
_BEFORE_VOCAL = re.compile(
    rf"(?s:.*)\b(?P<v>{alternation(VOCAL_VERB_FORMS)})\b(?P<rest>[^.;:“”\"]{{0,40}}?)\s*[:,—–]\s*\Z"
)
# A document introducing the words it bears: "a sign reading “…", "shirts that read “…".
_DOC_INTRO = re.compile(
    rf"\b(?P<n>{_DOC_NOUN}s?)\b(?:\s+(?:from|by)\s+[^,.;:“”\"\n]{{2,60}}?)?"
    rf"(?:\s+[\w’'-]+){{0,3}}?\s+(?:{'|'.join(DOCUMENT_READING_FORMS)}|"
    rf"that\s+(?:{'|'.join(DOCUMENT_RELATIVE_FORMS)}))\s*[,:]?\s*\Z",
    re.I,
)
# A sentence that is a reporting verb, then its speaker and a colon: "Added Roe:".
_INVERTED_INTRO = re.compile(
    rf"\s*(?P<v>[A-Z][a-z]{{2,}})\s+(?P<np>(?:{_DOTTED}|[^.;:,“”\"\n]){{2,60}}?)\s*:\s*\Z"
)
_INVERTIBLE = QUOTE_SPEECH_FORMS - UNINVERTED_SPEECH_FORMS


def _before_open(ctx: _Ctx, open_mark: int) -> tuple[_Speaker, bool]:
    """Attribution before a quote, and whether the quote is introduced by it.

    "Jane Roe said: “…", "said Jane Roe, “…" name the speaker by a reporting verb; "Jane Roe
    had one piece of advice — “…" and "The minister put it plainly: “…" by the subject of the
    sentence the colon or dash closes. An introduced quote is a direct quote.
    """
    ss = _clause_start(ctx, open_mark)
    ss = max(ss, open_mark - _LOOKBACK)  # an attribution is never far from its quote
    head = ctx.text[ss:open_mark]
    if not head.strip() and ss > 0:
        # "Jane Roe said in a statement:" closing the paragraph before the quote
        prev = ctx.sentence(ss - 2)
        if prev[1] <= ss and ctx.text[prev[0] : prev[1]].rstrip().endswith(":"):
            ss, head = prev[0], ctx.text[prev[0] : prev[1]]
            open_mark = prev[1]
    acc = _ACCORDING_INTRO.search(head)
    if acc:  # According to the agency: “…”
        ent = _speaker_in(ctx, ss + acc.start("np"), ss + acc.end("np"))
        sp = (
            _Speaker(ent)
            if ent is not None
            else _noun_speaker(ctx, acc.group("np"), ss + acc.start("np"))
        )
        if sp:
            return sp, True
    put = _PUT_IT.search(head)
    if put:  # "As Jane Roe put it in a memo, “…"
        a, b = ss + put.start("np"), ss + put.end("np")
        ent = _ends_with_actor(ctx, a, b) or _speaker_in(ctx, a, b)
        if ent is not None:
            return _Speaker(ent), True
        if re.fullmatch(_PRON, put.group("np")):
            return _Speaker(pronoun=put.group("np").lower(), at=a), True
    m = _BEFORE_VERB.search(head)
    by_verb = m is not None
    vocal = _BEFORE_VOCAL.search(head)
    if m and vocal and vocal.start("v") >= m.end("v") and not vocal.group("v").endswith("ing"):
        # "Roe said as a heckler yelled: “…”": the verb closing the clause right before the
        # quotation is a later clause's, with its own subject; that subject is the speaker
        # (not a participle: "Roe responded to Penn's question writing, “…”" is Roe's)
        m = None
    if m:
        rest_a, rest_b = ss + m.start("rest"), ss + m.end("rest")
        # "said Jane Roe:" names the speaker after the verb, but "telling Jane Roe,", "told
        # reporters:" and "said of Jane Roe:" name whom it was said to or about
        inverted = (
            not _OBJECT_VERB.fullmatch(m.group("v"))
            and not _OBJECT_LEAD.match(m.group("rest"))
            # ("argues that as Velmar's ties deepen, “…”": the reported clause, no speaker)
            and not _CLAUSE_LEAD.match(m.group("rest"))
            # ("As Roe said last week in Velmar, “…”": a verb whose subject the parse puts
            # before it has no speaker after it, only a time or a place)
            and not _subject_before(ctx, ss, ss + m.start("v"))
        )
        main = _main_report_over_relative(ctx, ss, ss + m.start("v"))
        if main:
            return main, True
        ent = None
        if rest_b > rest_a and inverted:
            # "said Ivo Roe, Penn's campaign manager:": the name right after the verb heads
            # the phrase; the names in its apposition are not the speaker
            comma = ctx.text.find(",", rest_a, rest_b)
            stop = comma if comma > rest_a else rest_b
            ent = _speaker_in(ctx, rest_a, stop)
            if ent is not None and _only_modifies_noun(ctx, ent, rest_a, stop):
                ent = None  # "said the Kestrian senator, “…": the senator (the parse's subject)
            elif ent is None and stop < rest_b:
                ent = _speaker_in(ctx, rest_a, rest_b)
        if ent is not None:
            return _Speaker(ent), True
        sp = _np_speaker(ctx, ss, ss + m.start("v"), ss + m.start("v"))
        if sp:
            return sp, True
        # a verb whose subject names no one ("she released a statement saying, “…": the
        # statement's) leaves the quote to the forms below
    issued = _ISSUED_NOUN.search(head)
    if issued:
        # "Roe issued a statement on Friday, “…": the statement's words are its issuer's
        verb_at = ss + issued.start()
        sp = _np_speaker(ctx, ss, verb_at, verb_at)
        if sp.pronoun or sp.text or (sp.entity is not None and sp.entity.type in _ACTOR_TYPES):
            return sp, True
    if vocal:
        # "A boy on the pier shouted, “…": a verb of the manner of speaking closing the
        # clause; its subject (a description when no one is named: the boy is the source)
        verb_at = ss + vocal.start("v")
        sp = (
            _np_speaker(ctx, ss, verb_at, verb_at)
            if ctx.doc is not None
            else _subject_by_position(ctx, ss, verb_at)
        )
        if sp:
            return sp, True
    written = _DOC_INTRO.search(head)
    if written:  # "a sign reading “…", "shirts that read “…": the words are the sign's
        # (as "a poll by X shows" is the poll's in indirect.py: the document is the source)
        return _Speaker(text=written.group("n")), True
    byline = _BYLINE.search(head)
    if byline:  # a digest's "HEADLINE - Jane Roe and Ivo Doe: “…"
        a, b = ss + byline.start("np"), ss + byline.end("np")
        ent = _speaker_in(ctx, a, b)
        return (_Speaker(ent) if ent is not None else _Speaker(text=byline.group("np"))), True
    inv = _INVERTED_INTRO.match(head)
    if inv and inv.group("v").lower() in _INVERTIBLE:
        # "Continued Roe: “…": a reporting verb opening the sentence, then its speaker
        a, b = ss + inv.start("np"), ss + inv.end("np")
        ent = _speaker_in(ctx, a, b)
        if ent is not None:
            return _Speaker(ent), True
        return _noun_speaker(ctx, inv.group("np"), a), True
    if re.search(r"[:—–]\s*$|\s--?\s*$", head):
        described = _described_subject(ctx, ss, open_mark)
        if described is not None:
            return described, True
        sp = _sentence_subject(ctx, ss, open_mark)
        lone = _LONE_NAME.match(head) if not sp else None
        return (_Speaker(text=lone.group(1)) if lone else sp), True
    return _Speaker(), by_verb or not head.strip()


def _relative_clause_off(ctx: _Ctx, verb_at: int, quote_at: int) -> bool:
    """With a parse, whether the verb at ``verb_at`` is inside a relative clause that does
    not hold the quotation starting at ``quote_at`` (the parse may take the verb for a noun
    of the clause: "which the Velmar Fund estimates would cost")."""
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, verb_at)
    quote = _token_at(ctx.doc, quote_at)
    if tok is None or quote is None:
        return False
    for _ in range(40):
        if tok.dep_ == "relcl":
            return not tok.left_edge.i <= quote.i <= tok.right_edge.i
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _in_adverbial_clause_of(doc: Doc, pos: int, verb: Token) -> bool:
    """Whether the parse puts the word at ``pos`` inside an adverbial clause of ``verb``."""
    tok = _token_at(doc, pos)
    steps = 0
    while tok is not None and tok.head.i != tok.i and steps < 40:
        if tok.head.i == verb.i:
            return tok.dep_ == "advcl"
        tok, steps = tok.head, steps + 1
    return False


def _quote_in_adverbial_clause(ctx: _Ctx, end: int, verb_at: int) -> bool:
    """Whether the parse puts the last word of the quotation closing at ``end`` inside an
    adverbial clause of the verb at ``verb_at``: "When Roe said she would “fix the port,”
    the crowd applauded." (the words are Roe's, not the crowd's)."""
    if ctx.doc is None:
        return False
    verb = _token_at(ctx.doc, verb_at)
    last = end - 1
    while last > 0 and not ctx.text[last - 1].isalnum() and end - last < 8:
        last -= 1
    return verb is not None and _in_adverbial_clause_of(ctx.doc, last - 1, verb)


def _only_modifies_noun(ctx: _Ctx, ent: Entity, a: int, b: int) -> bool:
    """With a parse, whether every mention of ``ent`` in ``[a, b)`` only modifies a common noun
    of the phrase ("the Kestrian senator", "a Penn spokesman", "Roe's aide"): the phrase names
    the noun's referent, not the actor."""
    if ctx.doc is None:
        return False
    ends = [e for s, e, x in ctx.mentions_from(a, b) if x is ent and e <= b]
    for e in ends:
        tok = _token_at(ctx.doc, e - 1)
        if (
            tok is None
            or tok.dep_ not in ("compound", "amod", "poss", "nmod")
            or tok.head.pos_ != "NOUN"
            or not a <= tok.head.idx < b
        ):
            return False
    return bool(ends)


def _main_report_over_relative(ctx: _Ctx, ss: int, verb_at: int) -> _Speaker:
    """With a parse, the speaker of the sentence's main reporting verb when the reporting
    verb nearest a colon sits in a relative clause on an object ("Roe tweeted back at Penn,
    pointing to a candidate who promised mass evictions: “…”" is Roe's, not the
    candidate's); nothing otherwise (a relative clause on the subject, "Roe, who said:", is
    the subject's anyway)."""
    if ctx.doc is None:
        return _Speaker()
    tok = _token_at(ctx.doc, verb_at)
    if tok is None or tok.dep_ != "relcl" or tok.head.dep_ in ("nsubj", "nsubjpass"):
        return _Speaker()
    root = tok.sent.root
    if (
        not ss <= root.idx < verb_at
        or root.lower_ not in REPORTING_FORMS
        or ctx.in_quote(root.idx)
        or not any(c.dep_ == "nsubj" and ss <= c.idx < root.idx for c in root.children)
    ):
        return _Speaker()
    return _np_speaker(ctx, ss, root.idx, root.idx)


def _subject_before(ctx: _Ctx, ss: int, verb_at: int) -> bool:
    """With a parse, whether the verb at ``verb_at`` has a subject in ``[ss, verb_at)``
    outside quotations ("As Roe said in Velmar": Roe; not "said Roe")."""
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, verb_at)
    return tok is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and ss <= c.idx < verb_at and not ctx.in_quote(c.idx)
        for c in tok.children
    )


def _described_subject(ctx: _Ctx, ss: int, end: int) -> _Speaker | None:
    """With a parse, the speaker of a sentence closed by a colon whose main subject is a
    common noun naming no actor: that description ("Roe's first three callers were blunt:
    “…”" is the callers', not Roe's), resolved as a back-reference when it is one ("the
    company"); ``None`` when the subject is a name, a pronoun or absent (the sentence's
    subject is read as before)."""
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(ss, end, alignment_mode="contract")
    if span is None or not len(span):
        return None
    # (the main verb: the root, or the verb the parse hangs on the quotation after it)
    subj = next(
        (
            t
            for t in span
            if t.dep_ == "nsubj"
            and (t.head.dep_ == "ROOT" or not ss <= t.head.head.idx < end)
            and not ctx.in_quote(t.idx)
        ),
        None,
    )
    if subj is None or subj.pos_ != "NOUN" or subj.head.lemma_ == "be":
        return None
    lo, hi = subtree_extent(subj)
    if ctx.coref.actor_in(lo, hi, head=subj.idx) is not None or any(
        c.dep_ == "appos" for c in subj.children
    ):
        return None
    lo_head, head_np = _head_phrase(ctx.text, subj)
    return _noun_speaker(ctx, head_np, lo_head)


# -- direct and partial quotes --------------------------------------------------------------------


def _ends_with_colon_or_dash(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends with ":", "—" or "–" and blanks (``[:—–]\\s*$``).

    Read backwards from ``pos``: a regex search over the whole prefix ran once per quote.
    """
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] in ":—–"


def _classify(ctx: _Ctx, seg: _Seg, introduced: bool) -> QuoteKind:
    """Direct when the quote is a sentence of its own, partial when it is woven into one."""
    if seg.open_mark is None or seg.continues:
        return "direct"
    first = ctx.text[seg.start : seg.start + 1]
    if (introduced or _line_start(ctx.text, seg.open_mark)) and not first.islower():
        return "direct"
    if introduced and _ends_with_colon_or_dash(ctx.text, seg.open_mark):
        return "direct"
    return "partial"


# A sentence that is only a connective or two before a quotation: "Then, “…”".
_CONNECTIVE_LEAD = re.compile(
    rf"\W*(?:(?:{alternation(QUOTE_CONNECTIVES)})\b\W*){{1,2}}[“\"«]?\s*", re.I
)


def _connective_lead(ctx: _Ctx, start: int) -> bool:
    """Whether the quotation at ``start`` opens its sentence after a connective only; it
    then continues the paragraph's quotation before it ("…,” Roe said. Then, “…”)."""
    ss, _ = ctx.sentence(max(start - 1, 0))
    return ss < start and _CONNECTIVE_LEAD.fullmatch(ctx.text, ss, start) is not None


# A transcript's speaker label opening a quotation: "ROE: We never …", "Jane Roe: We …"
# (one to three capitalised words, then a colon and a space).
_TRANSCRIPT_LABEL = re.compile(
    r"(?P<np>[A-Z][A-Za-z’'.-]+(?:\s+[A-Z][A-Za-z’'.-]+){0,2}):[ \t]+(?=[\w“‘\"'])"
)


def _transcript_label(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """The speaker a transcript's label names at the start of a quotation ("“ROE: We never
    closed the pier.”"): a person the article names (by the label's words), else the label as
    written when it is in capitals; not a heading ("“NOTE: …”", "“Update: …”")."""
    if seg.open_mark is None:
        return _Speaker()
    m = _TRANSCRIPT_LABEL.match(ctx.text, seg.start, seg.end)
    if m is None:
        return _Speaker()
    words = m.group("np").split()
    if any(w.lower().strip(".") in NOT_TRANSCRIPT_LABELS for w in words):
        return _Speaker()
    a, b = m.start("np"), m.end("np")
    ent = _speaker_in(ctx, a, b)
    if ent is None:
        # (``_speaker_in`` skips mentions inside quotations, where the label is: "“Ivo
        # Penn: We never …”" names Penn when a person's mention ends the label)
        ent = next(
            (x for s, e, x in ctx.mentions_from(a, b) if a <= s and e == b and x.type == "PERSON"),
            None,
        )
    if ent is not None and ent.type == "PERSON":
        return _Speaker(ent)
    if not m.group("np").isupper():
        return _Speaker()  # "Velmar: a port city" is no label; a label is in capitals or named
    folded = {w.lower() for w in words}
    named = [e for e in ctx.entities if e.type == "PERSON" and e.name.split()[-1].lower() in folded]
    if len({e.id for e in named}) == 1:
        return _Speaker(named[0])  # "RAMOS:" is the article's Jorge Ramos
    return _Speaker(text=" ".join(w.capitalize() for w in words))


def _direct_quotes(ctx: _Ctx, segs: list[_Seg]) -> list[_Found]:
    found: list[_Found] = []
    paras = _para_starts(ctx.text)
    group = -1
    for seg in segs:
        ctx.deadline.check()
        sp = _credit_speaker(ctx, seg) or _transcript_label(ctx, seg)
        if not seg.continues or sp:
            group += 1  # (a transcript's next label in a reopened paragraph: a new turn)
        para = bisect.bisect_right(paras, seg.start) - 1
        closing = False  # the speaker is the clause after the closing mark
        if not sp and seg.open_mark is None:
            # a quote that lost its opening mark after "… she added," (``_backtrack``)
            lead = _LEAD_ATTRIBUTION.search(ctx.text[max(0, seg.start - 60) : seg.start])
            if lead is not None and lead.end() == min(60, seg.start):
                sp = _Speaker(
                    pronoun=lead.group("p").lower(),
                    at=max(0, seg.start - 60) + lead.start("p"),
                )
        if not sp and seg.close_mark is not None:
            sp = _after_close(ctx, seg.close_mark + 1)
            closing = bool(sp)
        introduced = False
        before = _Speaker()
        if seg.open_mark is not None:
            before, introduced = _before_open(ctx, seg.open_mark)
            sp = sp or before
        kind = _classify(ctx, seg, introduced)
        if (
            closing and before and seg.open_mark is not None and seg.close_mark is not None
            and _CREDIT_AFTER.match(ctx.text, seg.close_mark + 1)
            and ctx.text[max(0, seg.open_mark - 3) : seg.open_mark].rstrip().endswith(":")
        ):  # fmt: skip
            # "Ida Roe: “…” [Velmar Post.]": a digest credits the outlet it took the words
            # from; the speaker is the one the colon introduces
            sp, closing = before, False
        if closing and before and introduced and _closing_introduces_quote(ctx, seg):
            # "When a man shouted, “…,” Varga joked, “…”": the clause after the mark opens a
            # quotation of its own; this one is the words of the verb that introduced it
            sp, closing = before, False
        if closing and _new_sentence_with_own_words(ctx, seg):
            # "“Why now?” Penn then writes back, “…”" / "“…!” She replied that …": a
            # sentence after a finished quotation reporting words of its own
            sp, closing = before, False
        if (
            closing and kind == "partial" and seg.close_mark is not None
            and _closing_punct(ctx.text, seg.close_mark + 1) == "."
            and re.match(r"[ \t]*[A-Z]", ctx.text[seg.close_mark + 1 : seg.close_mark + 4])
        ):  # fmt: skip
            # "Roe called him “a failed candidate.” Penn fired back, …": a partial quotation
            # ending its sentence has no attribution in the next one
            sp, closing = before, False
        if closing and kind == "partial" and not _closing_clause_holds(ctx, seg):
            # "Roe said he would “end it,” and Penn vowed to …": the clause after the mark
            # is another clause's, with its own subject; not this quotation's attribution
            sp, closing = before, False
        if closing and kind == "partial" and _closing_has_own_content(ctx, seg):
            # "even as Roe claimed that “…,” a former aide said the cases differ": a partial
            # quotation in the complement of a verb of saying before it is that verb
            # subject's words when the closing clause reports content of its own
            sp = _complement_speaker(ctx, seg) or sp
        if not sp and kind == "partial":
            sp = (
                _embedding_speaker(ctx, seg)
                or _main_subject_speaker(ctx, seg)
                or _speech_noun_owner(ctx, seg)
                or _controller_speaker(ctx, seg)
                or _complement_speaker(ctx, seg)
            )
        found.append(_Found(seg.start, seg.end, kind, sp, group, para))
    # unattributed segments take the speaker of their quote group or paragraph neighbour;
    # neighbours are looked up by index (scanning every quote per quote was quadratic on a
    # long paragraph full of quotes)
    by_group: dict[int, list[_Found]] = {}
    ahead: dict[int, list[int]] = {}  # para -> indices of segments attributed on their own
    for k, f in enumerate(found):
        by_group.setdefault(f.group, []).append(f)
        if f.sp:
            ahead.setdefault(f.para, []).append(k)
    behind: dict[int, int] = {}  # para -> latest index so far with a speaker (given or taken)
    for k, f in enumerate(found):
        if f.sp:
            behind[f.para] = k
            continue
        donors = [g for g in by_group[f.group] if g is not f and g.sp]
        if not donors and k and found[k - 1].sp and _interrupted(ctx, found[k - 1], f):
            donors = [found[k - 1]]
        if not donors and (f.kind == "direct" or _connective_lead(ctx, f.start)):
            if f.para in behind:
                donors = [found[behind[f.para]]]
            else:
                nxt = ahead.get(f.para, [])
                i = bisect.bisect_right(nxt, k)
                donors = [found[nxt[i]]] if i < len(nxt) else []
            # (the narrator's "I said" lends no paragraph neighbour its speaker: a memoir's
            # paragraph alternates the writer's words with those said to the writer, "The
            # judge turned to me. “…?” ... “…,” I said")
            donors = [g for g in donors if not g.sp.writer]
        prev = _outer_before(found, k)
        if (
            not donors and f.kind == "direct" and prev is not None
            and prev.para == f.para - 1 and _starts_paragraph(ctx.text, f.start) and prev.sp
            and not _STAGE_DIRECTION.fullmatch(ctx.text, f.start, f.end)
        ):  # fmt: skip
            # (the quote before is the last one not nested in another: "“… no longer stands for
            # ‘Open Water’ at all. ¶ “The newest example …": the words of the quote
            # whose paragraph the inner one sits in, not the inner one's)
            donors = [prev]
        if not donors and f.kind == "partial" and k and _continues_speaker(ctx, found[k - 1], f):
            donors = [found[k - 1]]
        if (
            not donors and f.kind == "partial" and k + 1 < len(found)
            and _shares_trailing_attribution(ctx, f, found[k + 1])
        ):  # fmt: skip
            donors = [found[k + 1]]
        if donors:
            f.sp = donors[0].sp
            behind[f.para] = k
        elif f.kind == "direct" and f.group != (found[k - 1].group if k else -2):
            f.sp = _introducer(ctx, f.start)
            if f.sp:
                behind[f.para] = k
    return _merge_groups(found)


# A transcript's stage direction alone in a reopened paragraph ("(APPLAUSE.)", "[inaudible]"):
# no one's words, so it continues no one's quote.
_STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]\n]{1,40}[)\]][.,]?\s*")


def _outer_before(found: list[_Found], k: int) -> _Found | None:
    """The last quote before ``found[k]`` that lies inside no other quote found: a quotation
    nested in a longer one ("“Roe's ‘plan’ is …") is skipped for the one holding it."""
    j = k - 1
    while j >= 0:
        g = found[j]
        if not any(
            h is not g
            and h.start <= g.start
            and g.end <= h.end
            and h.end - h.start > g.end - g.start
            for h in found[max(0, j - 8) : j]
        ):
            return g
        j -= 1
    return None


# After a quotation's closing mark: a short clause with a reporting verb that ends on a comma
# or colon right before another opening mark ("…,” Varga joked, “…").
_CLAUSE_OPENING_QUOTE = re.compile(
    rf"[ \t]*[^\n“”\"!?.;]{{0,60}}?\b(?:{_VERBS})\b[^\n“”\"!?.;]{{0,80}}?[,:][ \t]*[“\"]"
)


def _closing_introduces_quote(ctx: _Ctx, seg: _Seg) -> bool:
    """Whether the clause after a quotation introduces a quotation of its own: then the
    reporting clause before the quotation is its attribution, not the one after it (the
    speaker who introduces the next words is not the one who spoke these)."""
    if seg.close_mark is None:
        return False
    end = seg.close_mark + 1
    m = _CLAUSE_OPENING_QUOTE.match(ctx.text, end, min(len(ctx.text), end + 120))
    return m is not None


def _new_sentence_with_own_words(ctx: _Ctx, seg: _Seg) -> bool:
    """With a parse, whether the text after a quotation that ends on "?", "!" or "." is a
    new sentence (a capital letter, a reporting verb soon after) that reports words of its own: a
    clausal complement of its main verb, or another quotation it introduces with a comma
    or colon."""
    if ctx.doc is None or seg.close_mark is None:
        return False
    end = seg.close_mark + 1
    if _closing_punct(ctx.text, end) not in (".", "?", "!"):
        return False
    nxt = re.match(r"[ \t]*([A-Z]\w*)", ctx.text[end : end + 40])
    if nxt is None or not re.search(rf"\b(?:{_VERBS})\b", ctx.text[end : end + 60]):
        return False
    sent_end = ctx.sentence(end + len(nxt.group(0)))[1]
    tail = ctx.text[end:sent_end]
    opens = re.search(r"[,:]\s*[“\"]", tail)
    if opens and not ctx.in_quote(end + opens.start()):
        return True
    if _closing_has_own_content(ctx, seg):
        return True
    # the parse may end the quotation's sentence at its mark: the new sentence's own root
    # ("… like “hired guards.” She said that is a distortion.": her words, not the quote's)
    tok = _token_at(ctx.doc, end + nxt.start(1))
    if tok is None or tok.sent.start_char < end:
        return False
    root = tok.sent.root
    return root.lower_ in _VERB_FORMS and any(
        c.dep_ == "ccomp" and c.idx > root.idx for c in root.children
    )


def _closing_clause_holds(ctx: _Ctx, seg: _Seg) -> bool:
    """With a parse, whether the first reporting verb after a partial quotation's closing
    mark (in its sentence) is that quotation's: the quotation lies in the verb's clause, or
    the verb hangs on the quotation's clause ("Roe called it “a ruse,” she said"). Not a
    verb conjoined to or subordinate under the clause holding the quotation ("Roe said he
    would “end it,” and Penn vowed", "was “on the fence” until Penn said", a participle on a
    noun after it: "“poison pill” measures added by"). True without a parse or a verb."""
    doc = ctx.doc
    if doc is None or seg.close_mark is None:
        return True
    quote = _token_at(doc, seg.start)
    se = ctx.sentence(seg.close_mark)[1]
    span = doc.char_span(seg.close_mark + 1, se, alignment_mode="contract")
    if quote is None or span is None:
        return True
    verb = next(
        (t for t in span if re.fullmatch(_VERBS, t.lower_) and not ctx.in_quote(t.idx)), None
    )
    if verb is None:
        return True
    above = {a.i for a in quote.ancestors} | {quote.i}
    if verb.i in above or quote in verb.ancestors:
        return True
    if verb.dep_ == "parataxis" and verb.head.i in above:
        return True
    if (
        verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.idx > verb.head.idx
        and not any(c.dep_ in ("agent", "dobj") for c in verb.children)
        and not any(t.dep_ in ("cc", "mark") for t in span if t.i < verb.i)
    ):  # fmt: skip
        # "“…,” Ivo Roe, the former mayor, proclaimed.": a name's verb the parse hangs on
        # the name as a participle (one with an agent, "measures added by", stays out)
        return True
    # the parse is trusted only where it shows another clause: a conjunction or a
    # subordinator before the verb, an infinitive, or a participle or relative on a noun
    # ("“…,” Roe said" may parse loosely after a quotation that is a whole clause)
    return not (
        any(t.dep_ in ("cc", "mark") for t in span if t.i < verb.i)
        or verb.dep_ in ("acl", "relcl")
        or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


def _closing_has_own_content(ctx: _Ctx, seg: _Seg) -> bool:
    """With a parse, whether the sentence's main verb after a quotation has a clausal
    complement of its own after the closing mark ("“…,” an aide said the cases differ"), so
    the clause is no attribution of the quotation ("“…,” the paper reported" is)."""
    doc = ctx.doc
    if doc is None or seg.close_mark is None:
        return False
    tok = _token_at(doc, seg.close_mark)
    if tok is None:
        return False
    root = tok.sent.root
    return root.idx > seg.close_mark and any(
        c.dep_ == "ccomp" and c.idx > root.idx for c in root.children
    )


def _continues_speaker(ctx: _Ctx, prev: _Found, f: _Found) -> bool:
    """Whether a speakerless partial quote goes on with the quotation just before it: in
    the same paragraph, in that quotation's sentence or the next one, five words or more
    (a shorter one is a term, dropped as a scare quote), with no other actor named in its
    sentence before it ("…,” Roe said. The plan, she added, would “cost the port its last
    ferry” — Roe's, whoever the pronoun is)."""
    if not prev.sp or prev.para != f.para or len(ctx.text[f.start : f.end].split()) < 5:
        return False
    starts = ctx._sent_starts
    here = bisect.bisect_right(starts, f.start) - 1
    if here - (bisect.bisect_right(starts, prev.start) - 1) > 1:
        return False
    ss = max(starts[here] if here >= 0 else 0, prev.end)
    own = prev.sp.entity
    return not any(
        ent.type in _ACTOR_TYPES and ent is not own and not ctx.in_quote(a)
        for a, _, ent in ctx.mentions_from(ss, f.start)
    )


# What may stand between two partial quotations of one clause: words with no verb of speech,
# no quotation mark and no sentence end ("a “…” that yielded “…”", "“…” and “…”").
_SAME_CLAUSE = re.compile(r"[”\"]?[^.;:!?“”\"\n]{0,60}[“\"]")


def _shares_trailing_attribution(ctx: _Ctx, f: _Found, nxt: _Found) -> bool:
    """Whether a speakerless partial quote takes the speaker of the next quotation of its
    sentence, attributed after it ("The ferry was a “lifeline” that carried “half the
    town,” she recalled."): the same clause, no reporting verb and no other actor between
    them, and the next one's attribution after its closing mark, ending the sentence."""
    if not nxt.sp or nxt.kind == "indirect" or nxt.start <= f.end:
        return False
    if ctx.sentence(f.start) != ctx.sentence(nxt.start):
        return False
    if not _SAME_CLAUSE.fullmatch(ctx.text, f.end, nxt.start):
        return False
    if re.search(rf"\b(?:{_VERBS})\b", ctx.text[f.end : nxt.start]):
        return False
    own = nxt.sp.entity
    if any(
        ent is not own and ent.type in _ACTOR_TYPES
        for _, _, ent in ctx.mentions_from(f.end, nxt.start)
    ):
        return False
    close = ctx.text.find("”", nxt.end, nxt.end + 2)
    close = close if close != -1 else ctx.text.find('"', nxt.end, nxt.end + 2)
    if close == -1:
        return False
    trailing = _after_close(ctx, close + 1)
    return bool(trailing) and trailing.entity is nxt.sp.entity and trailing.text == nxt.sp.text


# Between the two halves of a quotation its attribution interrupts: “…,” Roe said, “…”, also
# with the speaker's apposition: “…,” said Jane Roe, the port's spokeswoman, “…”.
_INTERRUPTION = re.compile(
    r"[,—–-]?[”\"]\s+(?:[\w.’'-]+\s+){0,6}?[\w.’'-]+,(?:\s+(?:[\w.’'-]+\s+){0,7}[\w.’'-]+,)?"
    r"\s*[“\"]"
)


def _interrupted(ctx: _Ctx, first: _Found, second: _Found) -> bool:
    """Whether ``second`` goes on with the sentence ``first`` broke off at a comma for a short
    attribution (“Everything we planned,” the mayor said, “has come true.”): the same
    quotation, so the same speaker, though the second half, in lower case, reads as partial.
    """
    return (
        ctx.text[first.end - 1 : first.end] in ",—–-"
        and _INTERRUPTION.fullmatch(ctx.text, first.end, second.start) is not None
    )


_SPEECH_NOUN = re.compile(rf"\b(?:{alternation(SPEECH_NOUNS)})\b", re.I)
# The owner of a speech noun: "Roe's first tweet", "his latest statement".
_POSSESSOR = re.compile(r"(?:[’']s?|\b(?P<pron>[Hh]is|[Hh]er))\s+(?:[\w-]+\s+){0,3}\Z")


def _introducer(ctx: _Ctx, start: int) -> _Speaker:
    """The speaker a narrative sentence right before a quote introduces.

    "Roe wrote on Twitter on Friday.\n\n“The pier stays open.”": the sentence ends just
    before the quote (nothing but space and the opening mark between) and reports speech
    itself, with no quote of its own; the subject of its reporting verb speaks. Without a
    reporting verb, a sentence built on a speech noun introduces its owner's words ("Roe's
    first tweet came at dawn." / "Roe began with a statement."), and a sentence whose subject
    is a person introduces that person's ("Roe was in no mood to wait.\n\n“Open it now.”").
    """
    k = bisect.bisect_right(ctx._sent_starts, start) - 1
    while k >= 0 and ctx.sents[k][0] >= start - 1:
        k -= 1
    if k < 0:
        return _Speaker()
    ss, se = ctx.sents[k]
    if se > start or not re.fullmatch(r"[\s“„«\"]*", ctx.text[se:start]):
        return _Speaker()
    if ctx.in_quote(ss) or re.search(r"[“”„«»\"]", ctx.text[ss:se]):
        return _Speaker()
    verbs = list(re.finditer(rf"\b(?:{_VERBS})\b", ctx.text[ss:se]))
    if verbs:
        verb_at = ss + verbs[-1].start()
        if ctx.doc is not None:
            sp = _np_speaker(ctx, ss, verb_at, verb_at)
        else:
            sp = _subject_by_position(ctx, ss, verb_at)
        if sp:
            return sp
    noun = _SPEECH_NOUN.search(ctx.text, ss, se)
    if noun:
        owner = _POSSESSOR.search(ctx.text, ss, noun.start())
        if owner:
            if owner.group("pron"):
                return _Speaker(
                    pronoun="he" if owner.group("pron") == "his" else "she", at=owner.start()
                )
            # (a mention may hold the possessive: "Jane Roe's")
            ent = _ends_with_actor(ctx, ss, owner.start()) or _ends_with_actor(
                ctx, ss, owner.start() + 2
            )
            main = _sentence_subject(ctx, ss, se, strict=True) if ctx.doc is not None else None
            if (
                ent is not None
                and main is not None
                and (
                    main.pronoun in ("he", "she")
                    or (main.entity is not None and main.entity.type in ("PERSON", "UNNAMED"))
                )
                and (main.entity is None or main.entity.id != ent.id)
            ):
                # "Regarding Penn's speech last month, Roe shared her view that …": the
                # sentence is about its subject, a person; the owner of a speech noun in a
                # phrase around it is only spoken of (PolNeAR train q3)
                return main
            if ent is not None and ent.type in ("PERSON", "UNNAMED", "ORG"):
                return _Speaker(ent)
    subj = _sentence_subject(ctx, ss, se, strict=True)
    if not subj and ctx.doc is not None:
        # "The union leader went further." / "the leader" named before: a back-reference
        span = ctx.doc.char_span(ss, se, alignment_mode="contract")
        head = next((t for t in span or () if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        det = [c for c in head.lefts if c.lower_ == "the"] if head is not None else []
        if head is not None and det and head.pos_ == "NOUN":
            sub = _noun_speaker(ctx, ctx.text[det[0].idx : head.idx + len(head)], det[0].idx)
            if sub.entity is not None:
                return sub
    if subj.pronoun in ("he", "she") or (
        subj.entity is not None and subj.entity.type in ("PERSON", "UNNAMED")
    ):
        return subj
    if noun and subj.entity is not None and subj.entity.type == "ORG":
        return subj
    return _Speaker()


def _merge_groups(found: list[_Found]) -> list[_Found]:
    """One quote per multi-paragraph quote: from its first to its last quoted character."""
    merged: list[_Found] = []
    for f in found:
        if merged and merged[-1].group == f.group:
            m = merged[-1]
            m.end = f.end
            m.sp = m.sp or f.sp
            m.kind = "direct"
            continue
        merged.append(f)
    return merged


def _starts_paragraph(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in ' \t“„«"':
        j -= 1
    return j < 0 or text[j] == "\n"


# Verbs that frame a partial quote as someone's words without reporting speech (not "called
# for", nor a passive's "was criticized for").
_FRAMING = rf"(?:{alternation(FRAMING_VERB_FORMS)})(?!\s+for\b)"


# A verb of the manner of speaking right before a quotation mark: "the crowd chanted “".
_VOCAL_RIGHT_BEFORE = re.compile(
    rf"\b(?P<v>{alternation(sorted(f for f in VOCAL_VERB_FORMS if not f.endswith('ing')))})"
    r"\s*\Z"
)


def _embedding_speaker(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """Speaker of a partial quote: the subject of the reporting verb its sentence hangs on."""
    assert seg.open_mark is not None
    if ctx.doc is not None:
        quote = _token_at(ctx.doc, seg.start)
        host = (
            next((t for t in quote.ancestors if _nsubj_of(t) is not None), None) if quote else None
        )
        if host is not None and host.idx < seg.open_mark:
            # "The hall denied it, with Ivo Penn taking to the radio to call the mayor “…”":
            # the quotation sits in an absolute phrase with a subject of its own
            absolute = _absolute_subject(ctx, host.idx)
            if absolute is not None:
                return absolute
    ss = max(_clause_start(ctx, seg.open_mark), seg.open_mark - _LOOKBACK)
    verbs = [
        m
        for m in re.finditer(rf"\b(?:{_VERBS}|{_FRAMING})\b", ctx.text[ss : seg.open_mark])
        if not ctx.in_quote(ss + m.start())
    ]
    vocal = _VOCAL_RIGHT_BEFORE.search(ctx.text, ss, seg.open_mark)
    if vocal and not ctx.in_quote(vocal.start()):
        # "Holding signs calling Roe “…,” the protesters chanted “…”": a verb of the manner
        # of speaking right before the mark introduces its subject's words
        verb_at = vocal.start("v")
        sp = (
            _np_speaker(ctx, ss, verb_at, verb_at)
            if ctx.doc is not None
            else _subject_by_position(ctx, ss, verb_at)
        )
        if sp:
            return sp
    # the nearest verb first; when its subject names no one ("Roe said that fact speaks to
    # who is “…”": the fact), the verb before it, whose reported clause holds the quote
    last = list(reversed(verbs[-2:]))
    for k, verb in enumerate(last):
        verb_at = ss + verb.start()
        if k == 0 and len(last) > 1 and _relative_clause_off(ctx, verb_at, seg.start):
            # "… asked whether the credits, which the Velmar Fund estimates would cost
            # billions, would risk “…”": a relative clause the quotation is not in says
            # nothing of whose words it is
            continue
        sp = (
            _np_speaker(ctx, ss, verb_at, verb_at)
            if ctx.doc is not None
            else _subject_by_position(ctx, ss, verb_at)
        )
        if (
            k == 0 and sp.text is not None and sp.entity is None and len(last) > 1
            and not _person_noun(sp.text)
            and ctx.doc is not None and _reported_by(ctx.doc, ss + last[1].start(), verb_at)
        ):  # fmt: skip
            # "Roe said the plan would cut costs, and called it “…”": a phrase naming no
            # actor under the reported clause of a verb before it is no speaker; the
            # reporting verb's subject is, when it is an actor or a pronoun
            outer_at = ss + last[1].start()
            outer = _np_speaker(ctx, ss, outer_at, outer_at)
            if outer.entity is not None or outer.pronoun:
                return outer
        if (
            k == 0 and len(last) > 1 and ctx.doc is not None
            and _CONJOINED_END.search(ctx.text, ss, verb_at)
            and _reported_by(ctx.doc, ss + last[1].start(), verb_at)
        ):  # fmt: skip
            # "Roe said Penn is to blame and accused him of “…”": a reporting or framing
            # verb conjoined after the reported clause goes with the verb that reports it,
            # not with the clause's subject
            outer_at = ss + last[1].start()
            outer = _np_speaker(ctx, ss, outer_at, outer_at)
            if outer.entity is not None or outer.pronoun:
                return outer
        if sp and (k == 0 or sp.entity is not None or sp.pronoun):
            return sp  # (the verb before: only an actor or a pronoun, not a loose phrase)
    return _Speaker()


def _person_noun(phrase: str) -> bool:
    """Whether a phrase ends on a noun for a person ("an American diplomat", "aides")."""
    words = phrase.split()
    last = words[-1].lower() if words else ""
    return last in DESCRIBED_PERSON_NOUNS or last.removesuffix("s") in DESCRIBED_PERSON_NOUNS


def _reported_by(doc: Doc, outer_at: int, inner_at: int) -> bool:
    """Whether the verb at ``inner_at`` lies in the reported clause (``ccomp``) of the verb
    at ``outer_at``: "Roe said [the plan would cut costs, and called it …]"."""
    inner, outer = _token_at(doc, inner_at), _token_at(doc, outer_at)
    if inner is None or outer is None or outer.i == inner.i:
        return False
    tok = inner
    for _ in range(12):
        if tok.head.i == tok.i:
            return False
        if tok.head.i == outer.i:
            return tok.dep_ == "ccomp"
        tok = tok.head
    return False


# A speech noun with its owner right before a quotation: "Roe's promise that “…”", "her
# claim that she “…”", "his call for “…”" (at most a few words between noun and mark).
_OWNED_NOUN = re.compile(
    rf"(?:(?P<poss>[’']s?)|\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir))\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{alternation(SPEECH_NOUNS)})\b(?P<tail>(?:\s+(?:[\w’'-]+|[A-Z]\.)){{0,6}}?)[\s,]*\Z"
)


# A speech noun with its owner after it: "comments from Ivo Roe that “…”", "a claim by the
# ministry that “…”".
_NOUN_BY = re.compile(
    rf"\b(?:{alternation(SPEECH_NOUNS)})\s+(?:from|by)\s+(?P<np>(?:{_DOTTED}|[^.;:,“”\"\n]){{2,80}}?)"
    r"\s*,?\s+that\s+(?:[\w’'-]+\s+){0,6}?[\s,]*\Z"
)


def _speech_noun_owner(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """Speaker of a partial quote that a speech noun introduces: the noun's owner."""
    if seg.open_mark is None:
        return _Speaker()
    ss, _ = ctx.sentence(seg.open_mark)
    lo = max(ss, seg.open_mark - 120)
    m = _OWNED_NOUN.search(ctx.text, lo, seg.open_mark)
    if m is None:
        by = _NOUN_BY.search(ctx.text, lo, seg.open_mark)
        if by is not None and not ctx.in_quote(by.start()):
            # "comments from the former minister Ivo Roe that “…”": the named owner
            ent = _ends_with_actor(ctx, by.start("np"), by.end("np"))
            if ent is not None and ent.type in ("PERSON", "UNNAMED", "ORG"):
                return _Speaker(ent)
            name = _END_NAME.search(by.group("np")) if ent is None else None
            if name:  # a full name the entity stage did not know
                return _Speaker(text=name.group())
        return _Speaker()
    if re.search(r"[“”\"]", m.group("tail")):
        return _Speaker()
    if m.group("pron"):
        pron = _OWNER_PRONOUN[m.group("pron").lower()]
        return _Speaker(pronoun=pron, at=m.start("pron"))
    a = m.start("poss")
    ent = _ends_with_actor(ctx, lo, a) or _ends_with_actor(ctx, lo, m.end("poss"))
    if ent is not None:
        return _Speaker(ent)
    owner = _DESCRIBED_OWNER.search(ctx.text, lo, a)
    if owner is not None and owner.group("n").lower() in DESCRIBED_PERSON_NOUNS:
        # "The Alder senator's answer was that “…”": a definite description of a person
        # owns the speech noun as a name would (resolved to the actor it stands for)
        return _noun_speaker(ctx, owner.group(), owner.start())
    return _Speaker()


# A definite description right before a possessive: "the Alder senator" in "the Alder
# senator's answer" (capitalised modifiers only, then the noun for a person).
_DESCRIBED_OWNER = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.-]*\s+){0,3}(?P<n>[a-z]+)\Z")


_OBJECT_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she"}


def _controller_speaker(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """With a parse, the speaker of a partial quote whose reporting verb has no subject of
    its own: the one who controls the verb.

    "Roe was booed after telling the crowd that they were “…”" (a participle or gerund in an
    adverbial phrase: the subject of the verb it hangs on); "the win led Roe to declare that
    it was “…”" (an infinitive: the object of the verb it completes, else that verb's
    subject). The quote must lie in the reporting verb's subtree; only a person,
    organisation or unnamed source, or "he"/"she", is taken (a wrong speaker is worse than
    none).
    """
    doc = ctx.doc
    if doc is None or seg.open_mark is None:
        return _Speaker()
    ss, _ = ctx.sentence(seg.open_mark)
    span = doc.char_span(ss, seg.open_mark, alignment_mode="contract")
    quote = _token_at(doc, seg.start)
    if span is None or not len(span) or quote is None:
        return _Speaker()
    verb = next(
        (
            t
            for t in reversed(span)
            if t.pos_ == "VERB"
            and (t.lemma_ in SPEECH_VERBS or re.fullmatch(rf"{_VERBS}|{_FRAMING}", t.lower_))
            and not ctx.in_quote(t.idx)
        ),
        None,
    )
    if verb is None or verb not in quote.ancestors:
        return _Speaker()
    # the quote is in the verb's reported clause ("declare that it was “…”"), not in an
    # adjunct ("observing drills in a “classroom”")
    below = next((a for a in (quote, *quote.ancestors) if a.head.i == verb.i), None)
    if below is None or below.dep_ != "ccomp":
        return _Speaker()
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return _Speaker()  # it has a subject of its own: the other forms read it
    head = verb.head
    subj: Token | None = None
    if verb.dep_ == "xcomp":
        obj = _object_before(head, verb)
        subj = obj if obj is not None else _nsubj_of(head)
    elif verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN"):
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head
        while head.dep_ == "conj" and _nsubj_of(head) is None:
            head = head.head  # "Roe was booed and shouted down after telling …": booed
        subj = _nsubj_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.idx < ss:
        return _Speaker()
    if subj.lower_ in _OBJECT_PRONOUNS:
        return _Speaker(pronoun=_OBJECT_PRONOUNS[subj.lower_], at=subj.idx)
    return _subject_actor(ctx, subj, ("PERSON", "ORG", "UNNAMED"))


# Lemmas of verbs whose complement clause is their subject's words or thought ("Roe worried
# that the plan was becoming “…”", "two analysts found that the port is “…”").
_COMPLEMENT_LEMMAS = ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | SPEECH_LEMMAS


def _complement_speaker(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """With a parse, the speaker of a partial quotation of three words or more inside the
    complement clause of a verb of saying, thinking or finding: that verb's subject, when it
    names an actor, "he"/"she" or a person's role ("two analysts"); else no one."""
    doc = ctx.doc
    if doc is None or seg.open_mark is None or len(ctx.text[seg.start : seg.end].split()) < 3:
        return _Speaker()
    ss, _ = ctx.sentence(seg.open_mark)
    tok = _token_at(doc, seg.start)
    for _ in range(12):
        if tok is None or tok.head.i == tok.i or tok.head.idx < ss:
            return _Speaker()
        child, tok = tok, tok.head
        if tok.pos_ not in ("VERB", "AUX") or tok.idx >= seg.open_mark:
            continue
        if child.dep_ != "ccomp" or tok.lemma_.lower() not in _COMPLEMENT_LEMMAS:
            continue
        subj = _nsubj_of(tok)
        if subj is None or subj.idx < ss or subj.idx >= seg.open_mark or subj.dep_ != "nsubj":
            return _Speaker()
        if subj.lower_ in ("he", "she"):
            return _Speaker(pronoun=subj.lower_, at=subj.idx)
        lo, hi = subtree_extent(subj)
        ent = _speaker_in(ctx, lo, hi, head=subj.idx)
        if ent is None:
            for appos in (c for c in subj.children if c.dep_ == "appos"):
                ent = _speaker_in(ctx, lo, hi, head=appos.idx)  # "Two analysts, Ivo Roe and …,"
                if ent is not None:
                    break
        if ent is not None:
            return _Speaker(ent) if ent.type in _ACTOR_TYPES else _Speaker()
        if subj.lemma_.lower() in PERSON_ROLE_NOUNS:
            lo_head, head_np = _head_phrase(ctx.text, subj)
            return _noun_speaker(ctx, head_np, lo_head)
        return _Speaker()
    return _Speaker()


# Dependencies a short quoted phrase climbs to the verb whose subject's words it is: objects,
# prepositional phrases ("spoke about “…”", "referred to it as the “…”", "criticised him for
# “…”"), an infinitive ("vowed to “…”"), predicative and appositive nouns ("called the plan
# “…”", "coined a phrase, “…”").
_WORDS_PATH = frozenset(
    ("dobj", "pobj", "prep", "pcomp", "xcomp", "oprd", "attr", "appos", "acomp", "dative", "conj")
)


def _words_source(ctx: _Ctx, start: int, end: int) -> tuple[_Speaker, bool]:
    """With a parse, the source of a short quoted phrase the not-speech rules would leave out
    (a speakerless phrase of a few words, or one in title case): the subject of the verb of
    labelling (``LABELLING_LEMMAS``: "Roe called the plan “a disaster”") or of saying,
    vowing or criticising (``WORDING_LEMMAS``: "Roe vowed to “drain the harbour”") whose
    complement holds the phrase, when that subject names an actor (not a pronoun); and whether the
    verb labels (a nickname in capitals is the labeller's words; after any other verb it is a
    title or a slogan). The verb must come before the quote in its sentence, and the climb
    stops at a clause with a subject of its own ("people who “hate each other”"): a scare
    quote of the writer's has no such verb, so it stays out."""
    none = (_Speaker(), False)
    if (tok := _phrase_root(ctx, start, end)) is None:
        return none
    ss, _ = ctx.sentence(start)
    spoken = False  # the climb passed a speech noun: "launched into a lament for the “…”"
    for _ in range(6):
        reporter = _complement_read_as_relative(tok)
        if reporter is not None and reporter.lemma_.lower() in WORDING_LEMMAS:
            tok = reporter  # "groused to a crowd that the board “…”": the verb reports it
        elif tok.head.i == tok.i or not (
            tok.dep_ in _WORDS_PATH
            or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in WORDING_LEMMAS)
        ):
            return none  # (a clause only as a verb of saying reports it: "yelled “You lie!”")
        else:
            tok = tok.head
        if tok.idx < ss or tok.idx >= start:
            return none
        if tok.pos_ not in ("VERB", "AUX"):
            spoken = spoken or (tok.pos_ == "NOUN" and tok.lower_ in SPEECH_NOUNS)
            continue
        lemma = tok.lemma_.lower()
        label = lemma in LABELLING_LEMMAS
        if not label and not spoken and lemma not in WORDING_LEMMAS:
            if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in WORDING_LEMMAS:
                if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children):
                    return none  # the clause of another subject
                continue
            tok = tok.head  # a clause a verb reports: "Roe said the plan was a “sham”"
            if tok.idx < ss or tok.idx >= start:
                return none
        ctrl = _object_controller(tok)
        subj = ctrl if ctrl is not None else _nsubj(tok)
        if subj is None or (subj.dep_ != "nsubj" and ctrl is None) or subj.idx < ss:
            return none
        if subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
            ante = relative_antecedent(tok.head, lambda t: _speaker_in(ctx, t.idx, t.idx + len(t)))
            if ante is None:
                return none
            subj = ante
        if subj.pos_ == "PRON":
            # "he called it “a sham”": a personal pronoun, resolved like one beside a
            # quotation (PolNeAR train quarters 0 and 3: six short phrases found, all in the
            # gold, five of their speakers right by reading); any other pronoun ("they",
            # "those", "another") is left out
            if subj.lower_ in ("he", "she"):
                return _Speaker(pronoun=subj.lower_, at=subj.idx), label
            return none  # (a controlling object pronoun, "prompted him to call", too)
        lo, hi = subtree_extent(subj)
        ent = _speaker_in(ctx, lo, hi, head=subj.idx)
        if ent is None and subj.pos_ == "NOUN":
            # "nominee Donald Trump, …, referred to": the parse makes the role the head and
            # the name its apposition
            for appos in (c for c in subj.children if c.dep_ == "appos"):
                named = _speaker_in(ctx, lo, hi, head=appos.idx)
                if named is not None and named.type in _ACTOR_TYPES:
                    ent = named  # (not "critics, many of them Catholics": a group's kind)
                    break
        if ent is not None and ent.type in _ACTOR_TYPES:
            return _Speaker(ent), label
        if ctrl is not None:
            return none
        if (
            ent is None
            and subj.tag_ == "NN"
            and (
                (subj.lemma_.lower() in PERSON_ROLE_NOUNS and tok.lemma_.lower() in WORDING_LEMMAS)
                or (label and _person_noun(subj.text))
            )
        ):
            # "Penn's campaign manager says he is “gratified”": a person named by a role, as
            # ``_complement_speaker`` reads one (resolved to the actor it stands for, else as
            # written)
            lo_head, head_np = _head_phrase(ctx.text, subj)
            found = _noun_speaker(ctx, head_np, lo_head)
            return (found, label) if found else none
        vocal = tok.lower_ in VOCAL_VERB_FORMS
        said = (label or tok.lemma_.lower() in WORDING_LEMMAS) and _person_noun(subj.text)
        if ent is None and subj.tag_ == "NNS" and (vocal or said):
            # "about 200 protesters chanting “Dump the Toll”": a crowd's chant is its words,
            # in capitals too; "dock workers argue the plan is a “giveaway”": a group of
            # people's phrase after a verb of saying (PolNeAR train: the annotators' source is
            # the group as written; "the disruptions" or "reports" are no group of people).
            # The group is named as written, cut to its head noun phrase
            crowd = ctx.text[lo:hi]
            if len(crowd.split()) > _CROWD_WORDS:
                crowd = _head_phrase(ctx.text, subj)[1]
            return _Speaker(text=crowd), vocal or label
        return none
    return none


_CROWD_WORDS = 6  # a crowd's subject phrase longer than this is cut to its head noun phrase


def _in_ratio(subj: Token) -> bool:
    """A share the parse reads as one number with modifiers: "[four in] 10 said" (the
    first number and "in" hang on the second as ``quantmod``)."""
    kids = list(subj.children)
    return (
        subj.like_num
        and any(c.dep_ == "quantmod" and c.lower_ == "in" for c in kids)
        and any(c.dep_ == "quantmod" and c.like_num for c in kids)
    )


def _phrase_root(ctx: _Ctx, start: int, end: int) -> Token | None:
    """The parse's root of the phrase ``start:end`` (widened to whole tokens), from which
    ``_words_source`` and ``_share_source`` climb to the verb that reports it; None without a
    parse or a token."""
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _share_source(ctx: _Ctx, start: int, end: int) -> str | None:
    """A poll's share as the source of a quotation the parse puts under a verb of saying
    whose subject is that share: "23 percent said “hardly a chance”", "one in four voters
    say they want “a fresh start”" (the share of those asked who answered so, as PolNeAR
    and a poll report name it); the share's phrase as written. The verb must come before
    the quotation in its sentence and hold it in its complement; no share, no source."""
    if (tok := _phrase_root(ctx, start, end)) is None:
        return None
    ss, _ = ctx.sentence(start)
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.idx < ss or tok.idx >= start:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_LEMMAS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or not (_partitive(subj) or _in_ratio(subj)) or subj.idx >= start:
                return None
            lo, hi = subtree_extent(subj)
            phrase = " ".join(ctx.text[lo:hi].split())
            return phrase if len(phrase.split()) <= _CROWD_WORDS else None
        if (
            tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and not (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_LEMMAS)
        ):
            # the clause of another subject, unless it is the clause a verb of saying reports
            # ("three in 10 said they felt “cheated”": the share's answer, as a named speaker's
            # reported clause keeps its quoted phrase)
            return None
    return None


def _complement_read_as_relative(tok: Token) -> Token | None:
    """The verb whose complement clause the parse hung on its hearer as a relative clause:
    "Roe groused to a crowd in Alder that the board “…”" (spaCy: the clause a ``relcl`` of
    "crowd"). A relative clause has no "that" as its ``mark`` (its "that" is a pronoun, the
    clause's subject or object) and a subject of its own besides; a clause with both after a
    "to" phrase of a verb is that verb's complement."""
    if tok.dep_ != "relcl" or tok.head.dep_ != "pobj":
        return None
    kids = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" and c.i < tok.i for c in kids):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return None
    prep = tok.head.head
    if prep.dep_ != "prep" or prep.lower_ != "to" or prep.head.pos_ != "VERB":
        return None
    return prep.head


def _object_controller(verb: Token) -> Token | None:
    """The object that controls a verb of labelling or saying with no subject of its own,
    when the verb completes one that is no verb of saying: "That prompted Roe to make a joke
    and call the plan “…”" -> Roe (an infinitive's understood subject is the object of the
    verb it completes, as in ``_controller_speaker``). Under a verb of saying the words stay
    that verb's subject's ("Roe urged voters to call it “…”": Roe's): ``None``, as with no
    object before the infinitive."""
    tok = verb
    while tok.dep_ == "conj" and _nsubj_of(tok) is None and tok.head.i != tok.i:
        tok = tok.head  # "make a joke and call …": the first conjunct's place
    if tok.dep_ != "xcomp" or _nsubj_of(tok) is not None:
        return None
    head = tok.head
    if head.lemma_.lower() in _QUOTING_LEMMAS:
        return None
    return _object_before(head, tok)


def _object_before(head: Token, xcomp: Token) -> Token | None:
    """The object of ``head`` before the infinitive ``xcomp`` it completes: the one who
    controls it ("led Roe to declare", "prompted Roe to call")."""
    return next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < xcomp.i), None)


def _nsubj_of(verb: Token) -> Token | None:
    """The verb's nominal subject, active or passive ("Roe was booed": Roe)."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _clause_subject(doc: Doc, ss: int, start: int, open_mark: int) -> Token | None:
    """The subject of the nearest clause of its sentence that holds the quotation at
    ``start``, when that clause is not the main one: climbing the quotation's heads to the
    first verb with a subject before the mark ("Roe met the crews, while Ivo Penn proposed
    the city “…”": Penn, not Roe; "Roe praised the plan, which promised “…”": no one).
    ``None`` when the first such verb is the root (the main clause's subject is the
    caller's) or is none within the sentence."""
    tok = _token_at(doc, start)
    for _ in range(12):
        if tok is None or tok.head.i == tok.i or tok.head.idx < ss:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = next(
            (c for c in tok.children if c.dep_ == "nsubj" and ss <= c.idx < open_mark), None
        )
        if subj is not None and _reported_content(tok):
            # "Roe is questioning whether Penn would have come “…”": the reported clause's
            # subject is what the report is about; the words are the reporter's
            continue
        if subj is not None:
            return None if tok.dep_ == "ROOT" else subj  # ("which": no one's, not the root's)
    return None


def _reported_content(verb: Token) -> bool:
    """Whether a verb heads the reported clause of a verb of saying, thinking or asking: a
    ``ccomp`` of such a verb, or one opened by "whether" or "if" (a closed class)."""
    if verb.dep_ != "ccomp":
        return False
    return verb.head.lemma_ in _COMPLEMENT_LEMMAS or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children
    )


def _in_subjectless_participle(doc: Doc, start: int, main: Token) -> bool:
    """Whether the quotation at ``start`` lies in a present participle's phrase that modifies
    the verb ``main`` (``advcl``) and has no subject of its own: "Roe, citing “…,” said"."""
    tok = _token_at(doc, start)
    for _ in range(8):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.head.i == main.i:
            return (
                tok.dep_ == "advcl" and tok.tag_ == "VBG"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
            )  # fmt: skip
        tok = tok.head
    return False


def _main_subject_speaker(ctx: _Ctx, seg: _Seg) -> _Speaker:
    """With a parse, a quoted phrase of three words or more in the predicate of a person.

    "Roe slammed the plan for promising “a port in every village”": the words are the
    subject's, though the verb is no reporting verb. Only a person named as the main verb's
    subject before the quote counts (a scare quote of a word or two never gets this far).
    """
    if ctx.doc is None or seg.open_mark is None or len(ctx.text[seg.start : seg.end].split()) < 3:
        return _Speaker()
    ss, _ = ctx.sentence(seg.open_mark)
    span = ctx.doc.char_span(ss, seg.open_mark, alignment_mode="contract")
    if span is None or not len(span):
        return _Speaker()
    subj = _clause_subject(ctx.doc, ss, seg.start, seg.open_mark)
    if subj is None:
        subj = next((t for t in span if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    if (
        subj is not None and subj.head.idx >= seg.open_mark
        and _in_subjectless_participle(ctx.doc, seg.start, subj.head)
    ):  # fmt: skip
        # "Ivo Penn, citing “the magic of the mayor,” said …": a participle set between the
        # subject and its verb has no subject of its own; it is the main subject's doing
        lo, hi = subtree_extent(subj)
        ent = _speaker_in(ctx, lo, hi, head=subj.idx)
        return _Speaker(ent) if ent is not None and ent.type == "PERSON" else _Speaker()
    if subj is None or subj.head.idx >= seg.open_mark or subj.head.lemma_ == "be":
        return _Speaker()  # (a quotation after "is" describes the subject: "Roe is “…”")
    if subj.lower_ in ("he", "she"):
        return _Speaker(pronoun=subj.lower_, at=subj.idx)
    lo, hi = subtree_extent(subj)
    ent = _speaker_in(ctx, lo, hi, head=subj.idx)
    if (
        ent is None
        and subj.pos_ == "NOUN"
        and subj.lower_ in DOCUMENT_NOUNS
        and (subj.head.lemma_.lower() in _DOCUMENT_SPEAKING or subj.head.lower_ in _FRAMING_FORMS)
    ):
        # "The harbor board's petition accuses the mayor of “…”": a document is its words'
        # source, as after a quotation ("…,” the memo said)
        lo_head, head_np = _head_phrase(ctx.text, subj)
        return _noun_speaker(ctx, head_np, lo_head)
    if (
        ent is not None and ent.type in ("ORG", "UNNAMED")
        and len(ctx.text[seg.start : seg.end].split()) > _SCARE_WORDS
        and not _title_case(ctx.text[seg.start : seg.end])
    ):  # fmt: skip
        # "The Velmar Fund issued a statement, offering “a full, frank and public
        # apology”": an organisation's or a source's predicate holds its words as a
        # person's does; weaker evidence than a person's, so not a short phrase the scare
        # quote filter drops (``_not_speech``) nor a title-case name ("the “Safe Harbour
        # Act”")
        return _Speaker(ent)
    return _Speaker(ent) if ent is not None and ent.type == "PERSON" else _Speaker()


# What a document does when it speaks: says, finds, accuses, praises (not "appears").
_DOCUMENT_SPEAKING = (
    ATTRIBUTION_SPEECH_VERBS | EVIDENCE_VERBS | ATTITUDE_VERBS | SPEECH_LEMMAS | DOCUMENT_ACT_LEMMAS
)
_FRAMING_FORMS = frozenset(FRAMING_VERB_FORMS)


def _subject_by_position(ctx: _Ctx, ss: int, verb_at: int) -> _Speaker:
    """Rules-only subject of a verb: the actor ending right before it, else the sentence's."""
    if not re.match(r"\w+ing\b", ctx.text[verb_at : verb_at + 20]):  # not a participle
        ent = _ends_with_actor(ctx, ss, verb_at)
        if ent is not None:
            return _Speaker(ent)
    return _sentence_subject(ctx, ss, verb_at)


# -- indirect speech (indirect.py) ----------------------------------------------------------------


@dataclass(slots=True)
class _Host:
    """The quote context and speaker finders, as ``indirect.find_indirect`` reads them."""

    ctx: _Ctx

    @property
    def text(self) -> str:
        return self.ctx.text

    @property
    def doc(self) -> Doc | None:
        return self.ctx.doc

    @property
    def sents(self) -> list[tuple[int, int]]:
        return self.ctx.sents

    @property
    def spans(self) -> list[tuple[int, int]]:
        return self.ctx._spans

    def check_deadline(self) -> None:
        self.ctx.deadline.check()

    def in_quote(self, pos: int) -> bool:
        return self.ctx.in_quote(pos)

    def first_quoted_inside(self, a: int, b: int) -> int | None:
        return self.ctx.first_quoted_inside(a, b)

    def np_speaker(self, a: int, b: int, verb_at: int) -> _Speaker:
        return _np_speaker(self.ctx, a, b, verb_at)

    def actor_ending(self, a: int, b: int) -> Entity | None:
        return _ends_with_actor(self.ctx, a, b)

    def actor_in(self, a: int, b: int) -> Entity | None:
        return _speaker_in(self.ctx, a, b)

    def plain_np(self, phrase: str) -> str | None:
        return _plain_np(phrase)

    def speaker(
        self,
        entity: Entity | None = None,
        text: str | None = None,
        pronoun: str | None = None,
        at: int = 0,
    ) -> _Speaker:
        return _Speaker(entity, text, pronoun, at)


# -- pronouns ---------------------------------------------------------------------------------------


def _resolve_pronouns(ctx: _Ctx, found: list[_Found]) -> None:
    """Resolve "he said"/"it added" to an actor introduced before (``Coref.resolve_pronoun``,
    with the speakers resolved so far as the last-speaker candidates). A pronoun keeps the
    description the article last gave its actor as a speaker ("the actress said … she
    added" -> role "actress")."""
    found.sort(key=lambda f: f.start)
    speakers: list[tuple[int, Entity]] = []
    described: dict[str, str] = {}
    for f in found:
        ctx.deadline.check()
        sp = f.sp
        if sp.entity is not None:
            speakers.append((f.start, sp.entity))
            if sp.role:
                described[sp.entity.id] = sp.role
            continue
        if not sp.pronoun:
            continue
        fronted = (
            ctx.coref.fronted_report_subject(sp.at, sp.pronoun)
            if f.kind == "indirect" and f.end <= sp.at
            else None
        )
        ref = (
            Ref(fronted)
            if fronted is not None
            else ctx.coref.resolve_pronoun_ref(
                sp.pronoun,
                min(f.start, sp.at),
                speakers,
                guess=f.kind != "indirect",
                pron_at=sp.at,
            )
        )
        choice = ref.entity
        if choice is not None:
            f.sp = _Speaker(choice, role=described.get(choice.id), resolved=True)
            speakers.append((f.start, choice))
        elif ref.name:  # a person the entity stage did not keep: named as text
            f.sp = _Speaker(text=ref.name)


# -- not speech -------------------------------------------------------------------------------------

# Markup a scrape left in the text (an embedded tweet's ``<tweet tweet-author="…">``).
_MARKUP = re.compile(r"</?[a-z][\w-]*[\s>/]|\w=\"|\">")
# What an embedded tweet's byline line holds: handles, dates, status ids, links.
_EMBED_BIT = (
    r"@\w+|\d{6,}|https?://\S+|pic\.twitter\.com/\S+|(?:[\w-]+\.)+(?:com|org|net)\S*|"
    rf"(?:{'|'.join(m.capitalize() for m in MONTHS)})\.?\s+\d{{1,2}},?\s+\d{{4}}"
)
_EMBED_ONLY = re.compile(rf"\W*(?:(?:{_EMBED_BIT})\W*)+", re.I)
_TITLE_WORD = re.compile(r"[\w’'&-]+")
_SCARE_WORDS = 4  # a speakerless partial quote this short is a scare quote or a term


def _title_case(quote: str) -> bool:
    """A title of a work, a show or a slogan ("The Art of the Deal", "Make Ports Great")."""
    words = [w for w in _TITLE_WORD.findall(quote) if w.lower() not in TITLE_CASE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


# A work noun (or "titled") right before a quotation: "her memoir, “…”", "a show titled “…”".
_WORK_BEFORE = re.compile(
    rf"\b(?:{alternation(WORK_NOUNS)})(?:\s+(?:titled|entitled|called|named))?,?\s*[“\"«]?\s*\Z",
    re.I,
)


# A maker or part of a work and "of" right before a quotation: "co-author of “…”", "the star
# of “…”", "an episode of “…”" (the nouns that also mark a title after it, "the “…” star").
_MAKER_OF_BEFORE = re.compile(
    rf"\b(?:co-)?(?:{alternation(TITLE_MODIFIED_NOUNS)})\s+of,?\s*[“\"«]?\s*\Z", re.I
)


def _work_title(quote: str, before: str) -> bool:
    """A title-case quotation right after a work noun is the work's title ("his 2019 book,
    “The Long Ferry Home”"), whoever wrote it, and so is one after its maker or part and "of"
    ("a co-author of “Tides: A Life at Sea”"): no speech."""
    return (
        len(quote.split()) <= 14
        and _title_case(quote)
        and bool(_WORK_BEFORE.search(before) or _MAKER_OF_BEFORE.search(before))
    )


# A label cue right before a quotation: "the so-called “…”", "a self-described “…”".
_LABEL_CUE = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(LABEL_CUES))
_LABEL_BEFORE = re.compile(rf"(?<![\w-])(?:{_LABEL_CUE})(?:\s+(?:an?|the))?\s*[“„«\"]?\s*\Z", re.I)
# A parenthesised year right after the closing mark cites a document, not speech: a poster,
# a slogan, a campaign's motto (“No to the toll” (2009)), a title (“Tides” (1998)).
_CITED_AFTER = re.compile(r"\s*[”»\"]?\s*\([^()\n]{0,60}\b(?:1[89]|20)\d\d\)")
_TITLE_WORDS = 14  # a speakerless title-case partial quotation up to this long is a title


# A quotation opened right after a parenthesis, and after its closing mark only a capitalised
# name (an outlet) and perhaps a date before the parenthesis closes: "(“…,” Velmar Post,
# Thursday)". A reporting verb after the name ("(“…,” Roe said)") breaks the pattern.
_OPENS_PARENS = re.compile(r"\([ \t]*[“„«\"]\Z")
_SOURCE_IN_PARENS = re.compile(
    r"(?P<sep>[”»\"’']{0,2}[ \t]*,?[ \t]*)(?:the[ \t]+)?(?:[A-Z][\w’'&.-]*[ \t]+){0,4}"
    r"[A-Z][\w’'&.-]*[ \t]*(?:,[ \t]*[^()\n,]{1,30})?\)"
)
_TITLE_MODIFIES = re.compile(rf"[”»\"’']?[ \t]+(?:{alternation(TITLE_MODIFIED_NOUNS)})\b")
# A byline right after a comma and the closing mark: "“Museum to close in May,” by the
# Post's Jane Roe:", "…”, by Velmar Times' Ben Oduya http://…". The quotation is a headline
# credited to its author, not speech: every word from "by" to a colon, a link or the line's
# end (not a sentence's period: "those “both tired and angry” by Roe.") is capitalised, so
# "“We will win,” by Roe's account" is not one (PolNeAR train: a newsletter's list of linked
# headlines, a dozen false quotes in one article).
# A headline ending in a nested quotation ("“Roe is leaving ‘Tides,’” by …") has its comma
# before the inner closing mark.
_BYLINE_AFTER = re.compile(
    r"(?:(?:(?<=,)|(?<=,[’']))[”»\"']{0,2}|[”»\"']{0,2}[ \t]*,)[ \t]+by[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w’'&.-]*[ \t]+){0,6}[A-Z][\w’'&.-]*(?<!\.)[ \t]*(?::|https?://|$)",
    re.M,
)


def _cited_label(text: str, start: int, end: int, kind: QuoteKind) -> bool:
    """A quotation that is a label or a cited document, not anyone's words: after a label
    cue ("so-called", "self-described", "known as"), followed by a parenthesised year or by
    a byline ("“…,” by the Post's Jane Roe:", ``_BYLINE_AFTER``), or with no word of two
    letters ("“R”", "“#”"). Issue 17: nicknames, slogans and titles in
    quote marks are not speech."""
    if kind == "indirect":
        return False
    quote = text[start:end]
    if not any(len(w) >= 2 for w in re.findall(r"[^\W\d_]+", quote)):
        return True
    if start >= 2 and text[start - 2] == "=" and not text[start - 1].isalnum():
        return True  # a markup attribute's value: '<tweet author="…">', scrape furniture
    if kind == "partial" and _LABEL_BEFORE.search(text, max(0, start - 40), start):
        return True
    if (
        len(quote.split()) <= 8
        and not re.search(r"[,.;:!?…]\W*\Z", quote)
        and _TITLE_MODIFIES.match(text, end, min(len(text), end + 40))
    ):
        return True  # "the “Tides of Velmar” star said": the title of a work, a name
    if kind == "partial" and _named_word(text, start, end):
        return True
    if _BYLINE_AFTER.match(text, end):
        return True  # a headline credited to its author: "“…,” by the Post's Jane Roe:"
    if _OPENS_PARENS.search(text, max(0, start - 4), start):
        cite = _SOURCE_IN_PARENS.match(text, end, min(len(text), end + 80))
        if cite is not None and (quote.rstrip().endswith(",") or "," in cite.group("sep")):
            # a reader's letter citing the piece it answers: "(“Roe quits the race,” Velmar
            # Post, Thursday)": a headline and its outlet, no one's words
            return True
    return _CITED_AFTER.match(text, end, min(len(text), end + 80)) is not None


def _named_subject(ctx: _Ctx, start: int, end: int) -> bool:
    """A short title-case quotation with no sentence punctuation that the parse makes the
    subject of a verb outside it, not a verb of saying: the name of a show or a term
    (“Tidewater” has been a hit on cable, “Non-paper” is a diplomatic term), not speech."""
    quote = ctx.text[start:end]
    if (
        ctx.doc is None
        or len(quote.split()) > 4
        or not _title_case(quote)
        or re.search(r"[,.;:!?…]\W*\Z", quote)
    ):
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    roots = [t for t in span if not span.start <= t.head.i < span.end]
    return (
        len(roots) == 1
        and roots[0].dep_ in ("nsubj", "nsubjpass")
        and roots[0].head.lemma_ not in SPEECH_LEMMAS
    )


# Lemmas of a verb that makes a quotation under it someone's words: speech, labelling
# ("who calls Roe a “sham”") and wording verbs ("who vowed to “fix the tolls”").
_QUOTING_LEMMAS = SPEECH_LEMMAS | LABELLING_LEMMAS | WORDING_LEMMAS | ATTRIBUTION_SPEECH_VERBS


# A sentence ending inside a quotation: its punctuation, a space, then a capital.
_SENTENCE_INSIDE = re.compile(r"[.!?][”’\"']?\s+[“‘\"']?[A-Z]")


def _in_speaker_phrase(ctx: _Ctx, start: int, end: int) -> bool:
    """A partial quotation inside the subject of a verb of saying, under no verb of saying of
    its own: a term in the speaker's description ("said Lena Varga, one of the first “big
    four” negotiators", "said Roe, whose new book profiles “rebellious” mayors"), not the
    content the verb reports. "Roe, who calls the plan “a sham,” said" keeps its quotation:
    the relative clause's verb quotes it. Issue 17: PolNeAR attributes no such term.

    A quotation holding a clause with a subject of its own or a sentence end is no term: "said
    Roe, who thinks the board “must listen. There is work to do.”" keeps it."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if _SENTENCE_INSIDE.search(ctx.text, start, end) or any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and span.start <= t.head.i < span.end for t in span
    ):
        return False
    outside = [t for t in span if not span.start <= t.head.i < span.end and not t.is_punct]
    if len(outside) != 1 or outside[0].head.i == outside[0].i:
        return False
    node = outside[0].head
    while node.head.i != node.i:
        if node.lemma_.lower() in _QUOTING_LEMMAS:
            return False
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.lemma_.lower() in SPEECH_LEMMAS:
            # a named speaker, not a parse that makes a noun before a parenthetical "…, said
            # Roe, …" the verb's subject ("Any “clear” reading, said Roe, would …")
            return node.pos_ == "PROPN" or node.ent_type_ in ("PERSON", "ORG")
        node = node.head
    return False


# A possessive or a word before a name's slot right before a quotation mark: "Fox's “…”",
# "season four of “…”", "appeared on “…”".
_NAME_SLOT_BEFORE = re.compile(
    rf"(?:[’']s|\b(?:{alternation(NAME_SLOT_WORDS)}))\s*[“\"«]\s*\Z", re.I
)


def _named_word(text: str, start: int, end: int) -> bool:
    """One capitalised word in quote marks in a name's slot (after a possessive, "of", "on"):
    the name of a show, a work or a level, not speech ("Fox's “Hannity”", "the fourth season
    of “Sherlock”"). An exclamation or a question is someone's words ("chants of “Liar!”")."""
    quote = text[start:end]
    words = quote.split()
    if len(words) != 1 or not _title_case(quote) or re.search(r"[!?]", quote):
        return False
    return _NAME_SLOT_BEFORE.search(text, max(0, start - 30), start) is not None


_HEADING_LABEL = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,2}:")


def _heading_line(text: str, start: int, end: int) -> bool:
    """Whether the quotation ``[start, end)`` is a heading: alone on its line (nothing but
    its marks around it) and in capitals ("“A TOWN THAT NEVER SLEEPS”", a subhead) or a
    label of one to three words closed by a colon ("“Related:”"). A line with no words of
    its own has no attribution; the speaker of a quote next to it is not its speaker."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    if text[ls:start].strip(' \t“„«"') or text[end:le].strip(' \t”»".') or start >= end:
        return False
    if text[:ls].rstrip().endswith(":"):
        return False  # "Roe tweeted:", then her words in capitals on a line of their own
    quote = text[start:end].strip()
    words = re.findall(r"[^\W\d_]+", quote)
    if len(words) >= 2 and quote.upper() == quote:
        return True
    return bool(_HEADING_LABEL.fullmatch(quote))


def _scrape(quote: str) -> bool:
    """Scrape furniture: markup, an embedded tweet's handle, date or status id."""
    return bool(_MARKUP.search(quote) or _EMBED_ONLY.fullmatch(quote))


def _not_speech(quote: str, kind: QuoteKind, attributed: bool) -> bool:
    """Quoted text that is no one's words.

    Scrape furniture (markup, a tweet's handle, date and status id); titles of works, shows
    and slogans, nicknames and chants in quote marks ("Good Morning Kestria", "Ferry! Ferry!");
    and a short speakerless partial quote, which is a scare quote or a term ("an “orderly”
    handover"). Issue 17: these were a third of the false quotes on annotated news.
    """
    if _scrape(quote):
        return True
    if kind == "indirect":
        return False
    words = quote.split()
    if len(words) <= 8 and _title_case(quote) and (len(words) > 1 or not attributed):
        return kind == "partial" or (not attributed and len(words) <= 6)
    if kind != "partial":
        return False
    if not attributed and len(words) <= _TITLE_WORDS and _title_case(quote):
        return True  # a title with a subtitle: "Tides: A Life on the Eastport Ferries"
    folded = [w.strip("!?.,").lower() for w in words]
    if len(folded) >= 2 and all(folded.count(w) >= 2 for w in folded):
        return True  # a chant: "Ferry! Ferry!" (not "late, late, late trains")
    return not attributed and len(words) <= _SCARE_WORDS


# A speaker phrase that names no one: it holds a quotation mark, or it is a number or share.
_NOT_A_NAME = re.compile(r"[“”„«»\"]|\A[\d.,]+\s*(?:percent|per\s+cent|%)?\Z", re.I)


# What ends a role at a relative clause or a title cut from its name ("professor at Velmar
# who worked for Sen" -> "professor at Velmar", "spokeswoman for Mr" -> "spokeswoman").
_ROLE_CUT = re.compile(
    r"\s+(?:who|which|that|whose)\s.*\Z"
    rf"|\s+(?:for|to|of|with)\s+(?:{'|'.join(sorted(_TITLES, key=len, reverse=True))})\.?\Z"
)


# A mention that describes its actor rather than naming it: a determiner, then the words
# ("the company", "One intelligence source", "the Republican nominee"). The determiners are
# a closed class.
_DESCRIPTION = re.compile(r"(?:the|a|an|one|another)\s+(?P<desc>[^\s“”\"].*)", re.I | re.S)


def _written_role(ctx: _Ctx, ent: Entity, start: int, end: int) -> str | None:
    """The description the attribution of a quotation ``[start, end)`` used for ``ent``, when
    it described the actor instead of naming it.

    "“…,” the company said" resolves to the company named before; the words the writer used
    ("company") are kept as the role, as ``_noun_speaker`` keeps a description it resolves.
    The mention is the actor's nearest one outside quotations in the sentences holding the
    quotation's ends; an unnamed source's mention counts even when it only repeats the
    source's name in the singular ("One official" of the group "officials"), a metonym
    ("The White House" for the government) too. A mention that repeats the name ("the United
    States"), another name or an acronym ("the DNC") is no description: ``None``.
    """
    text = ctx.text
    lo = ctx.sentence(start)[0]
    hi = ctx.sentence(max(start, end - 1))[1]
    best: tuple[int, int, int] | None = None
    for s, e, other in ctx.mentions_from(max(0, lo - ctx._mention_maxlen), hi):
        if other is not ent or e <= lo or ctx.in_quote(s) or start <= s < end:
            continue
        gap = start - e if e <= start else s - end
        if best is None or abs(gap) < best[0]:
            best = (abs(gap), s, e)
    if best is None:
        return None
    m = _DESCRIPTION.fullmatch(text[best[1] : best[2]].strip())
    if m is None:
        return None
    desc = " ".join(m.group("desc").split())
    words = re.findall(r"[\w’'-]+", desc.lower())
    name = set(re.findall(r"[\w’'-]+", ent.name.lower()))
    if not words or set(words) <= name:
        return None  # "the United States", "the Velmar Council": the name itself
    last = re.findall(r"[\w’'-]+", desc)[-1]
    if last[:1].isupper() and (ent.type != "GPE" or last.isupper()):
        # a proper name or an acronym ("the DNC"), not a description; only a seat of a
        # government stands for it ("The White House" for the country's government)
        return None
    return desc


# A share of those a poll asked, as the whole subject: "62 percent", "9%".
_SHARE = re.compile(r"[\d.,]+\s*(?:percent|per\s+cent|%)", re.I)


def _clean_name(name: str, share: bool = False) -> str | None:
    """A speaker phrase without the quotation mark and article it was cut with ('" the
    document' -> "document"); ``None`` when it names no one (``_NOT_A_NAME``).

    With ``share``, a bare share ("62 percent") is kept: the subject of a reported clause
    the parse found ("62 percent said they would back it"), the share of a poll's
    respondents who answered so (PolNeAR's source is the share itself), not a person.
    """
    name = re.sub(r"\A[\s“”„«»\",;:—–-]+(?:(?:the|a|an)\s+)?", "", name, flags=re.I).strip()
    if share and _SHARE.fullmatch(name):
        return name
    return None if not name or _NOT_A_NAME.search(name) else name


# -- public API --------------------------------------------------------------------------------------


def extract_quotes(
    article: Article,
    doc: Doc | None,
    entities: Sequence[Entity],
    ctx: ArticleContext | None = None,
) -> list[Quote]:
    """Find direct, partial and indirect quotes and who said them.

    Args:
        article: the cleaned article; every quote cites ``article.text``.
        doc: its spaCy ``Doc`` or ``None`` (rules only: direct quotes and "X said" still work).
        entities: the article's entities from ``extract_entities`` (speakers resolve to them).
        ctx: the article's shared context (built here when ``None``).

    Returns:
        Quotes in text order. ``speaker`` is the actor's canonical name (or the attribution as
        written when no actor matches), ``speaker_entity`` its id, ``speaker_role`` its role.
    """
    base = ctx or ArticleContext(article, doc, entities)
    text = base.marked_text  # ''…'' marks read as "…" at the same offsets
    sents = base.sentences.spans
    segs = _find_segments(text, sents)
    _split_credits(text, doc, segs)
    qc = _Ctx(article, text, doc, entities, sents, base.mentions, [(s.start, s.end) for s in segs])
    qc.deadline = base.deadline
    direct = _direct_quotes(qc, segs)
    indirect = [_Found(a, b, "indirect", sp) for a, b, sp in find_indirect(_Host(qc), direct)]
    for f in direct:
        quote = text[f.start : f.end]
        if f.kind == "partial" and _not_speech(quote, f.kind, bool(f.sp)) and not _scrape(quote):
            # a short phrase or a label that is someone's words: "Roe called it “a sham”"
            sp, label = _words_source(qc, f.start, f.end)
            if sp and (label or not _title_case(quote)):
                f.sp, f.words = sp, True
        elif f.kind == "partial" and not f.sp and not _scrape(quote):
            # a longer phrase woven into a clause that labels or words it, with no reporting
            # verb beside it: "A friend described him as “the kindest man …”" is the friend's
            sp, _ = _words_source(qc, f.start, f.end)
            if sp:
                f.sp = sp
        bare = f.sp.entity is None and f.sp.pronoun is None and f.sp.text is not None
        if not f.sp or (bare and _clean_name(f.sp.text or "") is None):
            # (a bare share or number found as written, "62 percent", "10" of "four in 10",
            # is dropped below unless the parse makes a share the verb's subject)
            share = _share_source(qc, f.start, f.end)
            if share is not None:
                f.sp, f.share = _Speaker(text=share), True
    found = direct + _dedupe(indirect)
    _resolve_pronouns(qc, found)
    quotes: list[Quote] = []
    # the description an attribution used, by attribution: a quotation that took its speaker
    # from the one before it ("“…,” the company said. “…”") was written under the same one
    written: dict[int, str] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if (not f.words and _not_speech(text[f.start : f.end], f.kind, bool(f.sp))) or (
            f.kind != "indirect"
            and (
                _work_title(text[f.start : f.end], text[max(0, f.start - 60) : f.start])
                or _cited_label(text, f.start, f.end, f.kind)
                or _named_subject(qc, f.start, f.end)
                or _heading_line(text, f.start, f.end)
            )
        ):
            continue
        if f.kind == "partial" and not f.words and _in_speaker_phrase(qc, f.start, f.end):
            continue
        ent = f.sp.entity
        name, role = (
            (ent.name, f.sp.role or ent.role) if ent is not None else (f.sp.text, f.sp.role)
        )
        if ent is not None and not f.sp.role and not f.sp.resolved:
            # "“…,” the company said": the description the writer used, as the role
            own = _written_role(qc, ent, f.start, f.end) or written.get(id(f.sp))
            if own is not None and f.kind != "indirect":
                written.setdefault(id(f.sp), own)
            role = own or role
        if role:
            role = _ROLE_CUT.sub("", role) or None
        if ent is None and name:
            # a bare share stays for reported clauses only: indirect.py took it as the
            # subject of the parse (``_partitive``), a quotation's credit has no such check
            name = _clean_name(name, share=f.kind == "indirect" or f.share)
        if ent is None and name and role is None:
            name, role = _split_title(name)  # "Sen. Roe": "Roe", role "Sen."
        if f.kind == "indirect" and not name:
            continue  # reported speech with no one found to report it is not shown (precision)
        quotes.append(
            Quote(
                text=article.text[f.start : f.end],
                speaker=name,
                speaker_entity=ent.id if ent is not None else None,
                speaker_role=role,
                kind=f.kind,
                cite=Cite(article.id, f.start, f.end),
            )
        )
    # polarity and confidence of each quote (polarity.py): "X denied that C" is not X's C
    return mark_quotes(quotes, text, doc, base.sentences.at)


def _dedupe(items: list[_Found]) -> list[_Found]:
    """Drop reported clauses that mostly repeat one found before."""
    kept: list[_Found] = []
    for f in items:
        if any(min(f.end, k.end) - max(f.start, k.start) > 0.5 * (f.end - f.start) for k in kept):
            continue
        kept.append(f)
    return kept

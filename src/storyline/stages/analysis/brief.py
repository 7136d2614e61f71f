"""Brief: 5-10 short cited sentences that say what happened, who said what, where the
outlets differ and what changed over time.

The brief is composed from extracted parts, never generated: a model that writes prose
would need weights we do not ship, and it could say more than its sources.

- **What happened**: whole sentences of the articles (never from a copy), chosen for the
  claims with the most independent sources they carry and for being echoed by other
  sources. A sentence that several outlets tell in near-identical words is given once,
  with every outlet's span as a cite, and ends with its count: "(3 of 4 sources)", the
  independent sources (copies count once) whose sentences are cited. Only clean sentences
  qualify: a finite verb (``lang.FINITE_CUES``, a past tense, a speech verb), no caption or
  page furniture, no headline (an article's title, an ALL-CAPS kicker "DESPERATION: …",
  title-cased words), balanced quote marks, no opening pronoun that points outside it.
- **Who said what**: the main speakers (by independent sources), each with one of their
  quotes that is usable (``models.usable``: asserted, at or above the threshold; never a
  denied, questioned or conditional quote), composed as "Keir Starmer said: “…”" or, for
  reported speech, "Keir Starmer said the force would …". The quote's words are the
  cited span, verbatim; the brief adds the speaker and the quote marks.
- **Where outlets differ**: the surest conflicts at or above the threshold whose sides are
  told by different sources, one sentence per thing they differ on, in plain words: "Outlets
  differ on the length of the fall: about 200 metres (A1, A2) vs 2,000 ft (A3)". What a
  figure measures is read from its frame (``relations.read_frame``, phrases in
  ``lang/brief.py``), never shown as a slot key; each side's figure as its articles word it
  (an outlet is named by ``Article.outlet``, its site, else its report number A1…An).
- **What changed over time**: timeline entries of kind "update" (a figure that moved
  between reports), with their dates: "The number of people killed changed between
  reports: six → 11 (…)".

A fact sentence that is one side of a conflict the brief shows (a side's span inside it:
"The blast killed three workers" against "No one was killed") is never stated as settled:
a lead (the brief's first sentence, an article's lead) says who says otherwise, "(2 of 3
sources; disputed by North Ledger)", and any other such sentence gives way to the "Outlets differ" line, which tells both sides; the
outlets on the other side are never counted among its sources.

A fact other outlets tell in other words (a statement claim aligned by meaning that is
most of the sentence) counts their sources too, except outlets on the other side of a
shown conflict: the paraphrase may hide the very point they differ on.

Every sentence cites the spans it is built from; ``shared/tools/check-report`` checks them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from rapidfuzz import fuzz

from storyline.lang import (
    FINITE_CUES,
    MONTHS,
    REFERRING_PRONOUNS,
    SPEECH_LEMMAS,
    TITLE_CASE_SMALL_WORDS,
    WEEKDAYS,
    alternation,
    finite_forms,
    stop_words,
)
from storyline.lang.actions import EVENT_ACTIONS
from storyline.lang.brief import (
    APPEARANCE_VERBS,
    BARE_VERB_BEFORE,
    CLAUSE_OPENERS,
    CONNECTIVE_OPENERS,
    COORDINATORS,
    CUT_SPEAKER_HEADS,
    DEMONSTRATIVE_PRONOUNS,
    DIRECT_QUOTE_OUTSIDE,
    FALL_PHRASE,
    FALL_WORDS,
    FORECAST_WORDS,
    HEDGE_OPENERS,
    IMMINENCE_NOUNS,
    IRREGULAR_PLURALS,
    LOWER_OPENERS,
    MAX_NAMED_OUTLETS,
    MEASURE_PHRASES,
    NON_COUNT_MEASURES,
    NUMBER_VALUES,
    OPINION_LABELS,
    OPINION_MODALS,
    PEOPLE_WORDS,
    PHRASE_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    POSSESSIVE_DETERMINERS,
    QUANTIFIER_PRONOUNS,
    RELATIVE_WORDS,
    REPORTED_NON_CLAUSE_OPENERS,
    ROLE_PREPOSITIONS,
    SAID_AFTER_NAME,
    SAID_CUE_EXCLUDED,
    SAID_CUE_EXTRA,
    SPECULATIVE_MODALS,
    STEM_SUFFIXES,
    SUBORDINATORS,
    UNIT_MEASURES,
    UNREALIZED_SPEECH_MARKERS,
    YEAR_ACT_PHRASES,
)
from storyline.lang.claims import IRREGULAR_VERB_FORMS
from storyline.lang.en import (
    CREDIT_WORDS,
    DEFINITE_DETERMINERS,
    INDIRECT_SPEECH_FORMS,
    LENGTH_UNITS,
    PERSON_ROLE_NOUNS,
    PRONOUNS,
    QUOTE_SPEECH_FORMS,
    REPORTING_FORMS,
)
from storyline.lang.frames import DAY_ACTION_FORMS, FRAME_OF_FORM, FRAME_WORDS, NUMBER_WORDS
from storyline.lang.slots import INSTITUTION_HEADS
from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    ArticleId,
    BriefSentence,
    Cite,
    Claim,
    Conflict,
    ConflictSide,
    Event,
    Quote,
    usable,
)
from storyline.stages.analysis.align import Alignment
from storyline.stages.analysis.relations import read_frame
from storyline.stages.prepare.extract.dates import is_furniture
from storyline.stages.prepare.extract.events import headline_parts
from storyline.text import (
    dateline_end,
    normalize_text,
    sentence_at,
    sentence_index,
    sentence_spans,
    tokens,
)

BRIEF_MAX = 10
BRIEF_MIN = 5
MAX_FACTS = 4
MAX_SPEAKERS = 3
MAX_BRIEF_CONFLICTS = 2
MAX_UPDATES = 2
MAX_WORDS = 45  # a brief sentence is short: longer ones are left to the articles
QUOTE_WORDS = (6, 40)
NEAR_DUPLICATE = 0.3  # Jaccard of content words: the same fact told twice
ECHO = 0.4  # Jaccard for "another outlet's sentence saying the same"
# A statement claim (one fact, aligned by meaning across outlets) whose clause is this much
# of a sentence stands for the sentence: the outlets telling that fact corroborate it.
CORE_SHARE = 0.6
# The main event: the words the articles' leads share (in this share of them, and at least
# two); a sentence whose content words are mostly those (``MAIN_SHARE``, at least
# ``MAIN_MIN`` of them) retells the main event.
# Two sentences sharing this share of the shorter one's content words (in any form), and at
# least ``SAME_FACT_MIN`` of them, tell one fact.
SAME_FACT_SHARE = 0.5
# Another outlet's sentence sharing this share of the words that say what happened (not
# names, not roles) tells the same fact, whatever its verbs ("noticed" / "spotted" smoke).
PARAPHRASE_SHARE = 0.5
SAME_FACT_MIN = 4
LEAD_SHARE = 0.25
MAIN_SHARE = 0.5
MAIN_MIN = 3


@functools.cache
def _stop() -> frozenset[str]:
    """The stop words, and "said"/"says", which every news sentence shares."""
    return stop_words() | finite_forms(["say"])


@functools.cache
def _speech_forms() -> frozenset[str]:
    return finite_forms(SPEECH_LEMMAS)


_DETERMINERS = frozenset({"a", "an", *DEFINITE_DETERMINERS, *POSSESSIVE_DETERMINERS})
_KICKER = re.compile(r"^[^a-z:]{4,40}:\s")  # "DESPERATION: …", "BREAKING NEWS: …"
_CAPS_HEAD = re.compile(r"^(?:[\d,.;'’-]*\s*)?(?:[A-Z][A-Z'’-]+[,;]?\s+(?:[\d,.]+\s+)?){4}")


def _caps_head(text: str) -> bool:
    """Whether a sentence opens with an ALL-CAPS headline run into it (a digest: "TWO DEAD
    IN HARBOUR FIRE Three people …"): four capitalised words in a row (numbers and marks
    between them aside), two of them longer than an acronym ("US, UK, EU OK …" is not)."""
    m = _CAPS_HEAD.match(text)
    return m is not None and sum(len(w) >= 4 for w in re.findall(r"[A-Z]+", m.group())) >= 2


_CREDIT = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


@dataclass(slots=True)
class _Sentence:
    article: ArticleId
    start: int
    end: int
    text: str
    words: frozenset[str]
    index: int  # position in its article
    score: float = 0.0
    extra: list[Cite] = field(default_factory=list)  # near-duplicates collapsed into it
    core: set[str] = field(default_factory=set)  # statement claims that are most of it
    claims: set[str] = field(default_factory=set)  # the other usable claims it carries
    lead: bool = False  # its article's lead: the first clean sentence of its first three


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in tokens(text) if len(w) > 2 and w not in _stop())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def balanced_quotes(text: str) -> bool:
    """Whether every quote mark in ``text`` is closed (curly pairs, even straight marks)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


# the words whose "'s" is "is"/"has" (closed class: pronouns, "there", "here", wh-words)
_S_IS_HEADS = REFERRING_PRONOUNS | {"there", "here", "what", "where", "how", "when", "let"}


def _has_finite_verb(text: str) -> bool:
    """Whether ``text`` has a word that is a finite verb: a known form, a speech verb, or a
    past form in "-ed" that no determiner holds as an adjective ("the occupied West Bank")."""
    raw = [w.replace("’", "'") for w in _WORD.findall(text)]
    words = [w.lower() for w in raw]
    # "'s" after a capitalised word is a possessive ("the Republican Party's gala"), not
    # "is", unless the word is a pronoun or "there"/"here"/a wh-word ("It's", "There's")
    tails = {
        "'" + tail
        for w in raw
        if "'" in w
        for head, tail in [w.split("'", 1)]
        if tail.lower() != "s" or not head[:1].isupper() or head.lower() in _S_IS_HEADS
    }
    return any(
        w in FINITE_CUES
        or w in _speech_forms()
        or (w.endswith("ed") and len(w) > 4 and (i == 0 or words[i - 1] not in _DETERMINERS))
        for i, w in enumerate(words)
    ) or bool(tails & FINITE_CUES)


def _headline_like(text: str, titles: Sequence[str]) -> bool:
    """An article's title, an ALL-CAPS kicker, or words nearly all capitalised."""
    if _KICKER.match(text) or _caps_head(text):
        return True
    words = [w for w in _WORD.findall(text)[1:] if w.lower() not in TITLE_CASE_SMALL_WORDS]
    if len(words) >= 5 and sum(w[0].isupper() for w in words) / len(words) > 0.7:
        return True
    plain = normalize_text(text)
    return any(fuzz.ratio(plain, t) >= 90 for t in titles)


def _caption_like(text: str) -> bool:
    """A photo caption or credit: "(AP Photo/Jane Roe)", "Photo: …", a furniture line."""
    if is_furniture(text):
        return True
    for inner in _CREDIT.findall(text):
        if any(w.lower().strip("/.,:") in CREDIT_WORDS for w in re.split(r"[\s/]+", inner)):
            return True
    return False


def clean_sentence(text: str, titles: Sequence[str] = ()) -> bool:
    """Whether an article sentence may be stated in the brief as what happened.

    Args:
        text: the sentence.
        titles: the story's article titles, normalized (``text.normalize_text``).
    """
    words = text.split()
    if not 8 <= len(words) <= MAX_WORDS or not text.rstrip().endswith((".", "”", '"', "’")):
        return False
    first = words[0].lower().strip("“\"'‘,")
    bare = re.split(r"['’]", first)[0]  # "it's" -> "it"
    if not text[:1].isupper() or first in REFERRING_PRONOUNS or bare in REFERRING_PRONOUNS:
        return False  # a fragment, a quotation, or "He said …" pointing outside the brief
    if first in POSSESSIVE_DETERMINERS or first in CONNECTIVE_OPENERS:
        return False  # "His supervision was …", "Meanwhile, …": about a sentence before it
    if first in HEDGE_OPENERS:
        return False  # "Apparently, …": the article itself is not sure of it
    if text.rstrip().rstrip('”"’').endswith(("...", "…")):
        return False  # "… for at least eight years...": trailing off, cut
    if re.search(r"(?:^|\s|,)[A-Z]\.$", text.rstrip()):
        return False  # "… the police force of Old Tappan, N.": cut after an initial
    if _pronoun_attribution(text) or _pronoun_subject(text) or _unattributed_quotation(text):
        return False  # "…, it said.", "After X, he …", "Roe “was shot …”": whose, who?
    if _quantifier_subject(text) or _other_pronoun_reported(text) or _OF_THEM.match(text):
        return False  # "Both have …", "Investigators say he met …", "In two of them, …": who?
    if _share_subject(text):
        return False  # "About 12 percent said they were still undecided": of whom, in which poll?
    if unsourced_forecast(text):
        return False  # "Roe is poised to win": the writer's prediction, not what happened
    return (
        balanced_quotes(text)
        and text.count("(") == text.count(")")  # "… top rated in adults 18-49 (14.": cut
        and _has_finite_verb(text)
        and not _caption_like(text)
        and not _headline_like(text, titles)
    )


_FORECAST_WORD = alternation(FORECAST_WORDS)
# "is poised to", "are likely to", "will likely", "probably will"
_FORECAST = re.compile(
    rf"\b(?:(?:is|are|was|were|be|seems?|appears?|looks?)\s+(?:\w+ly\s+)?(?:{_FORECAST_WORD})\s+to"
    rf"|(?:will|would|could|may|might)\s+(?:{_FORECAST_WORD})"
    rf"|(?:{_FORECAST_WORD})\s+(?:will|would|won['’]t))\b",
    re.IGNORECASE,
)
# "Warren may play a role", "the blow could come from …" (lower case: "May" is a month; "could
# not" is mostly a past fact); "Both houses seem intent on …", "it appears to have stalled";
# "is expected to be arraigned"; "on the brink of taking …"; "If all goes well, the party will
# arrive …": what may happen, seems, is expected or would follow a condition
_SPECULATION = re.compile(
    rf"\b(?:{alternation(SPECULATIVE_MODALS)})\s+(?!not\b|n['’]t\b)(?:\w+ly\s+|well\s+)?[a-z]+"
    rf"|\b(?:{alternation(APPEARANCE_VERBS)})(?:s|ed)?\s+(?:to|intent|set|ready|certain|sure)\b"
    rf"|\b(?:is|are|was|were|be)\s+(?:\w+ly\s+)?expected\s+to\b"
    rf"|\bon\s+the\s+(?:{alternation(IMMINENCE_NOUNS)})\s+of\b"
)
_SPECULATION_RELATIVES = RELATIVE_WORDS | {"what"}
_CONDITION = re.compile(r"^(?:Even\s+)?If\b[^,;]{3,80},[^;]*\b(?:will|would|won['’]t)\b")


def unsourced_forecast(text: str) -> bool:
    """Whether a sentence's narration (outside quote marks) forecasts or speculates ("Roe is
    poised to win", "Doe will likely concede", "Roe may run again", "the council seems
    intent on …", "If the vote holds, Doe will …") with no cue of speech in the sentence to
    say whose forecast it is ("…, pollsters said" is reported, kept)."""
    outside = _QUOTED.sub(" ", text)
    speculates = any(
        # "sat down on Monday in what may be the last chance …", "a move that could cost
        # him": a relative clause speculates, the sentence's own clause tells what happened
        (outside[: m.start()].split() or [""])[-1].lower() not in _SPECULATION_RELATIVES
        for m in _SPECULATION.finditer(outside)
    )
    if not (_FORECAST.search(outside) or speculates or _CONDITION.match(outside)):
        return False
    return not _said_cue_in(_WORD.findall(text))


_PRONOUN_SAID = re.compile(r",\s+(he|she|it|they)\s+([a-z]+)(?:\s+\w+){0,3}\W*$", re.I)
# "Ninety days, he says, and then …": the attribution set inside the sentence
_PRONOUN_SAID_INSIDE = re.compile(r",\s+(?:he|she|it|they)\s+([a-z]+),\s", re.I)
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "him", "his", "her", "its"})


def _pronoun_attribution(text: str) -> bool:
    """Whether a sentence gives its source as a pronoun, at its end ("…, it said.", "…, she
    added on Monday.") or inside it ("Ninety days, he says, and …"): the brief would state
    it with no one to say it."""
    m = _PRONOUN_SAID.search(text)
    if m is not None and m.group(2).lower() in _speech_forms():
        return True
    return any(m.group(1).lower() in _speech_forms() for m in _PRONOUN_SAID_INSIDE.finditer(text))


# "In two of them, …", "Every one of those …": a part of a group named outside the sentence
_OF_THEM = re.compile(r"^(?:[\w'’-]+\s+){0,3}of\s+(?:them|these|those)\b", re.I)


def _quantifier_subject(text: str) -> bool:
    """Whether a sentence opens with a quantifier standing alone as its subject, right
    before its verb ("Both have the ear of …", "Some blamed the board …"): the people it
    counts are named outside the brief. "Some 40 people …", "Both men …" name them."""
    words = [w.lower().strip(",") for w in text.split()[:2]]
    return (
        len(words) == 2
        and words[0] in QUANTIFIER_PRONOUNS
        and (words[1] in FINITE_CUES or _has_finite_verb(words[1]))
    )


# "About 9 percent said …", "Only 40% back …": a share standing alone as the subject
_SHARE = re.compile(r"^(?:[A-Za-z]+\s+){0,2}\d[\d.,]*\s*(?:%|percent\b|per cent\b)\s+([a-z]+)")


def _share_subject(text: str) -> bool:
    """Whether a sentence opens with a share standing alone before its verb ("About 14
    percent said they backed neither ticket"): the people it is a share of, and the poll, are
    named outside the brief. "9 percent of voters said …" names them."""
    m = _SHARE.match(text)
    return m is not None and (m.group(1) in FINITE_CUES or _has_finite_verb(m.group(1)))


def _other_pronoun_reported(text: str) -> bool:
    """Whether a sentence opens "<plural speakers> say(s) he/she/it …" ("Investigators say
    he met …"): the reported clause's subject is one person or thing the speakers are not,
    named outside the brief."""
    words = [w.lower() for w in _WORD.findall(text)[:6]]
    for i, w in enumerate(words[1:], 1):
        if w not in _speech_forms():
            continue
        nxt = words[i + 1 : i + 3]
        if nxt[:1] == ["that"]:
            nxt = nxt[1:]
        return _plural_word(words[i - 1]) and bool(nxt) and nxt[0] in _SINGULAR_PRONOUNS
    return False


def _pronoun_subject(text: str) -> bool:
    """Whether a sentence opening with a subordinate clause has a pronoun for its subject:
    "After joining the club, he rushed for 716 yards" (who?)."""
    words = text.split()
    if not words or words[0].lower().strip(",") not in SUBORDINATORS or "," not in text:
        return False
    after = text.split(",", 1)[1].split()
    return bool(after) and (
        after[0].lower() in REFERRING_PRONOUNS or after[0].lower() in POSSESSIVE_DETERMINERS
    )


_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


def _unattributed_quotation(text: str) -> bool:
    """Whether a sentence quotes someone's words (four words or more) without saying who:
    "The 34-year-old “was found lying near the old pier”" states them as the brief's own."""
    quoted = [m for m in _QUOTED.finditer(text) if len(m.group(1).split()) >= 4]
    if not quoted:
        return False
    outside = _QUOTED.sub(" ", text)
    return not _said_cue_in(_WORD.findall(outside))


_FIRST_PERSON = frozenset(p for p, f in PRONOUNS.items() if f.person == 1)
_OPINION_LABEL = re.compile(r"^\s*([A-Za-z-]+)\s*[—–:-]\s")
OPINION_FIRST_PERSON = 2  # first-person words in an article's own narration: its writer's view


def opinion_voice(text: str) -> bool:
    """Whether an article speaks in its writer's voice, not as a report: it opens with a
    label of opinion or analysis ("Analysis — …", "Opinion: …"), or its narration (outside
    quote marks) says "we", "our", "I" in ``OPINION_FIRST_PERSON`` paragraphs or more
    ("Remember how we got here", "We call it a timetable") or says what ought to be in as
    many sentences that quote no one ("Pike should take the recount to court")."""
    if _labelled(text):
        return True
    outside = _QUOTED.sub(" ", text)
    # paragraphs whose narration says "we", "our", "I": in two or more, the writer speaks
    # (a block quotation without quote marks is one paragraph, someone else's words)
    n = sum(
        any(
            w.lower() in _FIRST_PERSON and not (len(w) > 1 and w.isupper())  # "US": a country
            for w in _WORD.findall(para)
        )
        for para in re.split(r"\n\s*\n", outside)
    )
    if n >= OPINION_FIRST_PERSON:
        return True
    # "Pike should take the recount to court": what ought to be, in no one else's words
    ought = 0
    for sentence in re.split(r"(?<=[.!?])\s+", outside):
        words = _WORD.findall(sentence)
        ought += any(w.lower() in OPINION_MODALS for w in words) and not _said_cue_in(words)
    return ought >= OPINION_FIRST_PERSON


def _labelled(text: str) -> bool:
    """Whether a sentence opens with an opinion label ("Analysis — For eleven years, …")."""
    m = _OPINION_LABEL.match(text)
    return m is not None and m.group(1).lower() in OPINION_LABELS


def _candidates(articles: Sequence[Article]) -> list[_Sentence]:
    # each title, and its parts: "Main head; deck line" (a deck the scrape kept in the text
    # reads as a sentence, but it is a headline, not a fact told)
    titles = [
        p for a in articles if a.title and not a.title_inferred for p in headline_parts(a.title)
    ]
    out: list[_Sentence] = []
    for a in articles:
        heads = {(h.start, h.end) for h in a.headings}
        inside = _quoted_at(a.text)
        for i, (s, e) in enumerate(sentence_spans(a.text)):
            if (s, e) in heads:
                continue
            s += dateline_end(a.text[s:e])  # "WASHINGTON (AP) — …": the sentence after it
            text = a.text[s:e]
            if not clean_sentence(text, titles) or _number_cut(a.text, e):
                continue
            if _labelled(text):
                continue  # "Analysis — …": the writer's view, under its label
            if inside(s):
                continue  # a sentence inside someone's quotation: their words, not a fact
            lead = i <= 2 and not any(o.article == a.id for o in out)
            out.append(_Sentence(a.id, s, e, text, _content_words(text), i, lead=lead))
    return out


def _quoted_at(text: str) -> Callable[[int], bool]:
    """For offsets of ``text`` in increasing order: whether a quotation is open there ("“"
    not yet closed, or an odd number of '"' before it). A quotation of several sentences
    holds sentences with no quote marks of their own ("… Putting limits on science
    undermines it. ” said Roe"): the brief must not state them as facts."""
    pos = 0
    depth = straight = 0

    def inside(at: int) -> bool:
        nonlocal pos, depth, straight
        chunk = text[pos:at] if at > pos else ""
        depth += chunk.count("“") - chunk.count("”")
        straight += chunk.count('"')
        pos = max(pos, at)
        return depth > 0 or straight % 2 == 1

    return inside


_QUOTE_MARK = re.compile(r"[“”\"]")


def _quotation_test(text: str) -> Callable[[int], bool]:
    """For offsets of ``text`` in any order: whether a quotation is open there, read as
    ``_quoted_at`` reads it (the marks before the offset), from one pass over the marks."""
    at_marks: list[int] = []
    open_after: list[bool] = []
    depth = straight = 0
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group()
        depth += (mark == "“") - (mark == "”")
        straight += mark == '"'
        at_marks.append(m.start())
        open_after.append(depth > 0 or straight % 2 == 1)

    def inside(at: int) -> bool:
        i = bisect.bisect_left(at_marks, at)  # the marks before ``at``
        return open_after[i - 1] if i else False

    return inside


def in_quotation(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` lies inside a quotation (``_quoted_at``)."""
    return _quotation_test(text)(at)


def _stem(word: str) -> str:
    """A content word without its inflection ("arrested" -> "arrest"), for comparing facts."""
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _days(text: str) -> frozenset[str]:
    """The weekdays and months a sentence names: the moments it tells."""
    return frozenset(
        w.lower()
        for w in _WORD.findall(text)
        if w[:1].isupper() and (w.lower() in WEEKDAYS or w.lower() in MONTHS)  # not "may"
    )


def _other_days(a: str, b: str) -> bool:
    """Whether two sentences name days and none in common: they tell two moments."""
    da, db = _days(a), _days(b)
    return bool(da and db and not da & db)


def _same_fact(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences tell one fact in other words: most of the shorter one's content
    words, in any form, are the other's ("was photographed on the harbour steps when a wave
    broke over the quay, drenching her gown" / "famously photographed on harbour steps
    with her gown drenched")."""
    sa, sb = {_stem(w) for w in a}, {_stem(w) for w in b}
    shared = len(sa & sb)
    return shared >= SAME_FACT_MIN and shared >= SAME_FACT_SHARE * min(len(sa), len(sb))


_FIGURE_TOKEN = re.compile(r"[\w'’%.,-]+")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


@functools.lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The counts a sentence gives (digits or number words, one value for "ninety" and "90";
    not a year, not a day of a month) and each with the word it counts ("fourteen senators"
    -> ("14", "senator"))."""
    toks = [w.strip(".,'’-") for w in _FIGURE_TOKEN.findall(text)]
    values: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for i, tok in enumerate(toks):
        low = tok.lower()
        head = low.split("-")[0]  # "90-day", "twenty-one"
        if _DIGITS.fullmatch(head.rstrip("%")):
            value = head.rstrip("%").replace(",", "")
            if len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2100:
                continue  # a year
            if i > 0 and toks[i - 1].lower() in MONTHS:
                continue  # "October 19": a day
        elif head in NUMBER_VALUES:
            parts = low.split("-")
            value = str(sum(NUMBER_VALUES.get(x, 0) for x in parts[:2]))
        else:
            continue
        values.add(value)
        # the counted noun: one of the next two content words ("Fourteen Accord senators")
        nouns = [
            _stem(w.lower())
            for w in toks[i + 1 : i + 5]  # "31 of the 75 seats": seats
            if w.isalpha()
            and w.lower() not in _stop()
            and w.lower() not in NUMBER_VALUES
            and w.lower() not in NUMBER_WORDS  # "2.3 million ballots": ballots
        ][:2]
        for noun in nouns:
            pairs.add((value, noun))
    values.discard("1")  # "one side", "one person's": too common to tell facts apart
    return frozenset(values), frozenset(p for p in pairs if p[0] != "1")


def _same_count(a: str, b: str) -> bool:
    """Whether two sentences give one count of one thing ("Fourteen Accord senators …
    crossed over" / "Fourteen senators from the president's party voted for it") or two
    figures in common ("52 seats …, from 53" / "fall from 53 to 52"): one fact."""
    va, pa = _figures(a)
    vb, pb = _figures(b)
    if len(va & vb) >= 2:
        return True
    if not pa & pb:
        return False
    # one count: and more words than it ("2.3 million ballots" recounted / counted again)
    shared = {_stem(w) for w in _content_words(a)} & {_stem(w) for w in _content_words(b)}
    return len(shared) >= SAME_FACT_MIN - 1


def _verbs(text: str) -> frozenset[str]:
    """The words of a sentence that are surely verbs with a meaning of their own, stemmed:
    past forms ("appointed", "met"), and bare verbs after "to" or a modal ("to examine",
    "will try"); not auxiliaries, not verbs of saying."""
    words = [w.rstrip(".-") for w in _WORD.findall(text)]
    out: set[str] = set()
    for i, w in enumerate(words):
        low = w.lower()
        if not w.islower() or low in FINITE_CUES or low in _speech_forms() or low in _stop():
            continue
        if low in IRREGULAR_VERB_FORMS:
            out.add(IRREGULAR_VERB_FORMS[low].rstrip("e"))
        elif (low.endswith("ed") and len(low) > 4) or (
            i > 0 and words[i - 1].lower() in BARE_VERB_BEFORE and low.isalpha()
        ):
            out.add(_stem(low).rstrip("e"))
    return frozenset(out)


def _tells_same(a: str, b: str, main: _MainEvent | None = None) -> bool:
    """Whether sentence ``b`` of another outlet may count as telling the fact of ``a``:
    not when both give counts and none is shared ("Two memos concern Darrow" / "At least
    eleven concern Darrow"), when only names are shared ("Both have the ear of President
    Roe" / "The bill now goes to President Roe"; "Vale was appointed in February" / "Vale
    has had them since February"), or when both have verbs of their own and none is shared
    ("the council approved a plan" / "the mayor said flats were rented") unless both tell
    the story's main event; two sentences sharing a count tell one fact."""
    va, _ = _figures(a)
    vb, _ = _figures(b)
    if va and vb and not va & vb:
        return False
    if va & vb:
        return True
    # a few words quoted inside the narration ("…, noting he has “given up nothing”") are
    # the speaker's phrase, not what the sentence tells: another sentence sharing only them
    # ("faulted him for claiming he had given up") tells another fact
    a, b = _narration(a), _narration(b)
    pa, pb = _predicate_words(a), _predicate_words(b)
    if not pa & pb:
        return False
    if len(pa & pb) >= PARAPHRASE_SHARE * min(len(pa), len(pb)):
        return True  # most of what one says, the other says: "noticed" / "spotted" smoke
    if main is not None and main.told(_content_words(a)) and main.told(_content_words(b)):
        return True  # both tell the story's main event: one fact, in other verbs
    ra, rb = _verbs(a), _verbs(b)
    return not (ra and rb) or bool(ra & rb)


# a short quotation set in narration: a speaker's phrase ("“given up nothing”")
_SHORT_QUOTE = re.compile(r"[“\"](?:[^”\"\s]+\s+){0,3}[^”\"\s]+[”\"]")


def _narration(text: str) -> str:
    """A sentence without the short quotations (four words or fewer) set in its narration,
    when its own words still say something (``SAME_FACT_MIN`` predicate words or more)."""
    plain = _SHORT_QUOTE.sub(" ", text)
    return plain if len(_predicate_words(plain)) >= SAME_FACT_MIN else text


def _predicate_words(text: str) -> frozenset[str]:
    """A sentence's content words that say what happened, stemmed: not names, not a
    possessive, not a role or a word naming one ("the president's lawyer, Jasper Quill",
    "special counsel Henrietta Vale"): two sentences sharing only those name the same
    people and may tell different facts about them."""
    words = [w.rstrip(".-") for w in _WORD.findall(text)]  # "roof." at a sentence's end
    out: set[str] = set()
    for i, w in enumerate(words):
        low = w.lower()
        if not w.islower() or len(low) <= 2 or low in _stop() or low in PERSON_ROLE_NOUNS:
            continue
        if low.endswith(("'s", "’s", "'", "’")):
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt[:1].isupper() or nxt.lower() in PERSON_ROLE_NOUNS:
            continue  # "special counsel", "budget chairman", "security adviser Corwin …"
        out.add(_stem(low).rstrip("e"))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class _MainEvent:
    """The story's main event as the words its articles' leads share: every outlet's lead
    tells it, each in its own words, so the brief tells it once. A second lead on it, or any
    sentence made mostly of those words ("Damages to the library are put at $2
    million" after "The library suffered $2 million in damage from a flood"), retells it."""

    words: frozenset[str]

    @classmethod
    def of(cls, sents: Sequence[_Sentence], roots: Mapping[ArticleId, ArticleId]) -> _MainEvent:
        leads: dict[ArticleId, set[str]] = defaultdict(set)
        for s in sents:
            if s.lead:
                leads[roots.get(s.article, s.article)] |= {_stem(w) for w in s.words}
        df = Counter(w for ws in leads.values() for w in ws)
        need = max(2.0, LEAD_SHARE * len(leads))
        return cls(frozenset(w for w, n in df.items() if n >= need))

    def told(self, words: Iterable[str]) -> bool:
        """Whether a sentence with these content words retells the main event."""
        stems = {_stem(w) for w in words}
        hit = len(stems & self.words)
        return hit >= MAIN_MIN and hit >= MAIN_SHARE * len(stems)

    def retells(self, s: _Sentence, p: _Sentence) -> bool:
        """Whether ``s`` tells the main event again after ``p``: both mostly its words, or
        both leads (or one lead and one such sentence) sharing ``MAIN_MIN`` of its words
        (two outlets' leads on one death, one arrest, one offer). A lead on another matter
        ("Valdoria offered 5,000 officers") or on another day ("talks began on Monday" /
        "an agreement was reached on Thursday") is no retelling."""
        if _other_days(s.text, p.text):
            return False  # "sat down on Monday" / "reached an agreement on Thursday": two moments
        told_s, told_p = self.told(s.words), self.told(p.words)
        if told_s and told_p:
            return True
        if not (told_s or s.lead) or not (told_p or p.lead):
            return False
        shared = {_stem(w) for w in s.words} & {_stem(w) for w in p.words} & self.words
        return len(shared) >= MAIN_MIN


def _number_cut(text: str, at: int) -> bool:
    """Whether a sentence split at offset ``at`` of ``text`` cut a number ("worth $2. 6
    million" read as two sentences): a digit and a full stop before it, a digit after it."""
    return (
        bool(re.search(r"\d\.\s*$", text[max(0, at - 4) : at])) and text[at:].lstrip()[:1].isdigit()
    )


def outlet_label(article: Article, index: int) -> str:
    """How the brief names an article's outlet: its outlet, its site, else "A1"…"An"."""
    if article.outlet:
        return article.outlet
    host = urlparse(article.url or article.source or "").hostname or ""
    host = host.removeprefix("www.")
    return host or f"A{index + 1}"


def build_brief(
    articles: Sequence[Article], alignment: Alignment, timeline: Sequence[Event] = ()
) -> list[BriefSentence]:
    """Compose 5-10 short cited sentences: what happened, who said what, where outlets
    differ, what changed.

    Args:
        articles: the story's articles in report order.
        alignment: the story's claims, quotes and conflicts.
        timeline: the story's merged timeline (its "update" entries say what changed).

    Returns:
        The brief sentences in that order; each cites the spans it is built from.
    """
    roots = alignment.roots
    labels = {a.id: outlet_label(a, i) for i, a in enumerate(articles)}
    texts = {a.id: a.text for a in articles}
    n_roots = len({roots.get(a.id, a.id) for a in articles})
    sents = _candidates(articles)
    main = _MainEvent.of(sents, alignment.roots)
    facts = _facts(articles, alignment, main, sents)
    said = _who_said_what(alignment, [f.words for f in facts], texts, main)
    differ: list[BriefSentence] = []
    said_on: set[str] = set()
    disputes = _outlet_conflicts(alignment.conflicts, roots)
    shown_conflicts: list[Conflict] = []
    for c in disputes:
        b = _conflict_sentence(c, labels, [a.id for a in articles], texts)
        on = b.text.split(": ", 1)[0]  # "Outlets differ on the length of the fall"
        if on not in said_on and len(differ) < MAX_BRIEF_CONFLICTS:
            said_on.add(on)  # one sentence per thing outlets differ on
            differ.append(b)
            shown_conflicts.append(c)
    rank = {a.id: i for i, a in enumerate(articles)}
    # a fact that is one side of a conflict the brief shows is never stated as settled: a
    # lead (news leads sum the story up: the reader needs what happened) says who says
    # otherwise; any other such fact gives way to the "Outlets differ" line, which tells
    # both sides (the fact is not told twice)
    told: list[tuple[_Sentence, list[str]]] = []
    for i, s in enumerate(facts):
        against = _disputing(s, shown_conflicts, roots)
        if against and i > 0 and not (s.lead or s.index == 0):
            continue
        side = ConflictSide("", [x for _, sides in against for sd in sides for x in sd.cites])
        told.append((s, [_outlet_list(side, labels, rank)] if against else []))
    updates = [_update_sentence(e) for e in timeline if getattr(e, "kind", "event") == "update"]
    changed = [b for b in updates if b is not None][:MAX_UPDATES]
    room = BRIEF_MAX - len(said) - len(differ) - len(changed)
    n_facts = max(min(MAX_FACTS, room), BRIEF_MIN - len(said) - len(differ) - len(changed))
    shown = [_fact_sentence(s, roots, n_roots, who) for s, who in told[: max(1, n_facts)]]
    return [*shown, *said, *differ, *changed][:BRIEF_MAX]


def _facts(
    articles: Sequence[Article],
    alignment: Alignment,
    main: _MainEvent | None = None,
    candidates: Sequence[_Sentence] | None = None,
) -> list[_Sentence]:
    """The clean sentences that carry the best-supported facts, near-duplicates merged;
    a lead first, then by the number of sources echoing them. The main event is told once:
    a second sentence retelling it (``_MainEvent``) is passed over."""
    roots = alignment.roots
    order = {a.id: i for i, a in enumerate(articles)}
    texts = {a.id: a.text for a in articles}

    @functools.cache
    def quoted_in(article: ArticleId) -> Callable[[int], bool]:
        return _quotation_test(texts.get(article, ""))

    sents = list(candidates) if candidates is not None else _candidates(articles)
    originals = [s for s in sents if roots.get(s.article, s.article) == s.article]
    pool = originals or sents
    n_roots = len({roots.get(a.id, a.id) for a in articles})
    weights: dict[ArticleId, list[tuple[int, int, str, float]]] = defaultdict(list)
    statements: dict[ArticleId, list[tuple[Cite, Claim]]] = defaultdict(list)
    for c in alignment.claims:
        if c.confidence < CONFIDENCE_THRESHOLD:
            continue  # below the documented threshold (docs/report.md): never in the brief
        if alignment.info[c.id].kind == "statement":
            # one fact told in other words (aligned by meaning): it ties sentences together
            # below; ``_echo`` already weighs sentences told in the same words
            if c.independent_sources >= 2:
                for x in c.cites:
                    statements[x.article].append((x, c))
            continue
        # a claim one source makes counts little: the brief is for what sources share
        w = (c.independent_sources - 1) + 0.3 + (1.0 if alignment.info[c.id].contested else 0.0)
        for x in c.cites:
            weights[x.article].append((x.start, x.end, c.id, w))
    opposed: set[tuple[ArticleId, ArticleId]] = set()
    for cf in alignment.conflicts:
        if cf.confidence < CONFIDENCE_THRESHOLD:
            continue
        sides = [{roots.get(x.article, x.article) for x in sd.cites} for sd in cf.sides]
        for i, a in enumerate(sides):
            for b in sides[i + 1 :]:
                opposed |= {(x, y) for x in a for y in b} | {(y, x) for x in a for y in b}
    similar = _similar(pool, sents)
    for s in pool:
        hits = {cid: w for a, b, cid, w in weights[s.article] if a < s.end and s.start < b}
        s.claims = set(hits)
        echo = _echo(s, similar.get(id(s), []), roots)
        s.score = (
            min(sum(hits.values()), 8.0)
            + 4.0 * echo / max(1, n_roots - 1)
            + (3.0 if s.index == 0 else 1.0 if s.index == 1 else 0.0)
        )
        s.extra = _echo_cites(s, similar.get(id(s), []))
        # a fact told by other outlets in other words: the clause that is most of this
        # sentence is one claim with theirs, so their clauses cite it too
        mine = roots.get(s.article, s.article)
        for x, c in statements[s.article]:
            if _cover(x, s) >= CORE_SHARE and not alignment.info[c.id].contested:
                s.core.add(c.id)
                s.extra += [
                    y
                    for y in c.cites
                    if y.article != s.article
                    and y not in s.extra
                    # outlets that disagree elsewhere in the story are not taken to tell this
                    # fact in other words: the paraphrase may hide the very point they differ on
                    and (mine, roots.get(y.article, y.article)) not in opposed
                ]
        # another outlet's sentence counts for this one only if it may tell the same fact,
        # in its own voice: words inside a quotation are their speaker's ("“I am not ready
        # to back Kale's budget,” Roe said" tells no one's report that Kale is not)
        s.extra = [
            y
            for y in s.extra
            if _tells_same(s.text, _cited_sentence(texts, y), main)
            and not quoted_in(y.article)(y.start)
        ]
        more = len({roots.get(y.article, y.article) for y in s.extra} - {s.article})
        s.score += 4.0 * max(0.0, more - echo) / max(1, n_roots - 1)
    # an opinion or analysis piece's sentence is its writer's view ("Hollin is competent,
    # respected and honest"): not stated, unless every article is one; a fact it shares
    # with an outlet reporting in its own voice is told in that outlet's sentence
    opinion = {a.id for a in articles if opinion_voice(a.text)}
    if len(opinion) == len(articles):
        opinion = set()
    picked: list[_Sentence] = []
    for s in sorted(pool, key=lambda s: (-s.score, order[s.article], s.start)):
        if len(picked) >= BRIEF_MAX:
            break
        if s.article in opinion:
            continue
        if s.score <= 0 and len(picked) >= BRIEF_MIN:
            break
        twin = next(
            (
                p
                for p in picked
                if _jaccard(s.words, p.words) >= NEAR_DUPLICATE
                or s.core & p.core
                or _shared_echoes(s, p) >= 2
                or len(s.claims & p.claims) >= 2  # "404 yards and two touchdowns", twice
                or (_same_fact(s.words, p.words) and not _other_days(s.text, p.text))
                or (_same_count(s.text, p.text) and not _other_days(s.text, p.text))
            ),
            None,
        )
        told = (
            next((i for i, p in enumerate(picked) if main.retells(s, p)), None)
            if twin is None and main is not None
            else None
        )
        if told is not None:
            # the main event again, in another outlet's words: told once, by a lead (news
            # leads are written to sum the story up), else by the one more sources tell
            _keep_better(picked, told, s, roots)
            continue
        if twin is not None:
            # the same fact in another outlet's words: one sentence, all the cites; a
            # looser likeness ("X is drafting it" / "Y is drafting it") is only not repeated
            own = Cite(s.article, s.start, s.end)
            if _jaccard(s.words, twin.words) >= ECHO:
                if own not in twin.extra and _tells_same(twin.text, s.text, main):
                    twin.extra.append(own)
            else:
                _keep_better(picked, picked.index(twin), s, roots)
            continue
        picked.append(s)
    if main is not None:
        # a sentence kept for telling the main event better may retell another one kept:
        # of those, the one more sources tell stays, a lead on a tie
        rank = {id(s): i for i, s in enumerate(picked)}
        kept: list[_Sentence] = []
        for s in sorted(picked, key=lambda s: (-_n_sources(s, roots), s.index != 0, rank[id(s)])):
            if not any(main.retells(s, k) for k in kept):
                kept.append(s)
        picked = sorted(kept, key=lambda s: rank[id(s)])
    if not picked:
        return []
    # open with a lead sentence (news leads are written to sum the story up) when one was
    # picked, then the most corroborated
    leads = [s for s in picked if s.index == 0]
    first = leads[0] if leads else picked[0]
    rest = sorted(
        (s for s in picked if s is not first),
        key=lambda s: (-_n_sources(s, roots), -s.score, order[s.article], s.start),
    )
    return [first, *rest]


def _keep_better(
    picked: list[_Sentence], at: int, s: _Sentence, roots: Mapping[ArticleId, ArticleId]
) -> None:
    """Of ``picked[at]`` and ``s``, which tell one fact, keep a lead (news leads are written
    to sum the story up), else the one more sources tell."""
    p = picked[at]
    if (s.index == 0 and p.index != 0) or (
        (s.index == 0) == (p.index == 0) and _n_sources(s, roots) > _n_sources(p, roots)
    ):
        picked[at] = s


def _shared_echoes(a: _Sentence, b: _Sentence) -> int:
    """The articles where a passage cited for ``a`` overlaps one cited for ``b``: two
    sentences that other outlets echo in the same passages tell the same fact."""
    arts: set[ArticleId] = set()
    for x in _cites(a):
        for y in _cites(b):
            if x.article == y.article and x.start < y.end and y.start < x.end:
                arts.add(x.article)
    return len(arts - {a.article, b.article})


def _cited_sentence(texts: Mapping[ArticleId, str], c: Cite) -> str:
    """The sentence holding a cite (a clause, a sentence) in its article."""
    text = texts.get(c.article, "")
    s, e = _sentence_of(text, c)
    return text[s:e] or text[c.start : c.end]


def _cover(x: Cite, s: _Sentence) -> float:
    """The share of sentence ``s`` that the cited clause ``x`` covers."""
    if x.article != s.article:
        return 0.0
    inside = max(0, min(x.end, s.end) - max(x.start, s.start))
    return inside / max(1, s.end - s.start)


def _cites(s: _Sentence) -> list[Cite]:
    own = Cite(s.article, s.start, s.end)
    return [own, *(c for c in dict.fromkeys(s.extra) if c != own)]


def _n_sources(s: _Sentence, roots: Mapping[ArticleId, ArticleId]) -> int:
    return len({roots.get(c.article, c.article) for c in _cites(s)})


def _fact_sentence(
    s: _Sentence,
    roots: Mapping[ArticleId, ArticleId],
    n_roots: int,
    disputed_by: Sequence[str] = (),
) -> BriefSentence:
    """The sentence with its sources' count; "; disputed by X" names the outlets on the
    other side of a conflict the sentence takes a side of ("(2 of 3 sources; disputed by
    North Ledger)")."""
    text = s.text.rstrip()
    against = f"; disputed by {', '.join(disputed_by)}" if disputed_by else ""
    if n_roots >= 2:
        n = _n_sources(s, roots)
        text += f" ({n} of {n_roots} sources{against})"
    elif against:
        text += f" ({against[2:]})"
    return BriefSentence(text, _cites(s))


def _overlaps(a: Cite, b: Cite) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _sides_at(cite: Cite, conflict: Conflict) -> set[int]:
    """The sides of ``conflict`` with a cite inside the span ``cite``."""
    return {i for i, sd in enumerate(conflict.sides) if any(_overlaps(cite, x) for x in sd.cites)}


def stated_conflicts(alignment: Alignment, kinds: Iterable[str]) -> list[Conflict]:
    """The conflicts of one of ``kinds`` that the brief may state (at or above the
    threshold, different sources on each side: ``_outlet_conflicts``)."""
    wanted = set(kinds)
    return [c for c in _outlet_conflicts(alignment.conflicts, alignment.roots) if c.kind in wanted]


def disputed_at(cites: Iterable[Cite], conflicts: Sequence[Conflict]) -> bool:
    """Whether a span of ``cites`` holds one side of one of ``conflicts``."""
    return any(_sides_at(x, c) for x in cites for c in conflicts)


def _disputing(
    s: _Sentence, conflicts: Sequence[Conflict], roots: Mapping[ArticleId, ArticleId]
) -> list[tuple[Conflict, list[ConflictSide]]]:
    """The conflicts a fact sentence takes one side of (a side's span inside the sentence
    itself: a sentence cited as telling the same may say more than it), each with its other
    sides. The sentence's cites of outlets on another side are dropped: they say otherwise,
    so they are no source of it ("killed three workers" is not told by "No one was
    killed")."""
    own = Cite(s.article, s.start, s.end)
    mine = roots.get(s.article, s.article)
    out: list[tuple[Conflict, list[ConflictSide]]] = []
    for c in conflicts:
        if c.kind == "name":
            continue  # a name's spelling: a sentence naming the person does not state it
        at = _sides_at(own, c)
        if len(at) != 1:
            continue  # on no side, or the sentence tells both (no outlet's side)
        side = next(iter(at))
        others = [sd for j, sd in enumerate(c.sides) if j != side]
        against = {roots.get(x.article, x.article) for sd in others for x in sd.cites}
        if mine in against:
            continue  # its outlet stands on another side: not this side's sentence
        s.extra = [
            x
            for x in s.extra
            if roots.get(x.article, x.article) not in against and not _sides_at(x, c) - at
        ]
        out.append((c, others))
    return out


def _similar(
    queries: Sequence[_Sentence], sents: Sequence[_Sentence]
) -> dict[int, list[tuple[float, _Sentence]]]:
    """For each query sentence, the sentences of other articles sharing words, with their Jaccard.

    An inverted index over content words keeps this near-linear: only sentences that
    share a word are compared, and words found in most sentences are not indexed.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sents):
        for w in s.words:
            index[w].append(i)
    common = max(20, len(sents) // 3)
    out: dict[int, list[tuple[float, _Sentence]]] = {}
    for s in queries:
        near: set[int] = set()
        for w in s.words:
            if len(index[w]) <= common:
                near.update(index[w])
        out[id(s)] = [
            (_jaccard(s.words, sents[k].words), sents[k])
            for k in near
            if sents[k].article != s.article
        ]
    return out


def _echo(
    s: _Sentence, similar: Sequence[tuple[float, _Sentence]], roots: Mapping[ArticleId, ArticleId]
) -> float:
    """How many other sources have a sentence much like ``s`` (sum of best overlaps)."""
    mine = roots.get(s.article, s.article)
    best: dict[ArticleId, float] = {}
    for j, o in similar:
        r = roots.get(o.article, o.article)
        if r != mine and j > best.get(r, 0.0):
            best[r] = j
    return sum(v for v in best.values() if v >= 0.2)


def _echo_cites(s: _Sentence, similar: Sequence[tuple[float, _Sentence]]) -> list[Cite]:
    """The closest sentence of each other article saying the same as ``s``."""
    best: dict[ArticleId, tuple[float, _Sentence]] = {}
    for j, o in similar:
        if j >= ECHO and j > best.get(o.article, (0.0, o))[0]:
            best[o.article] = (j, o)
    return [Cite(o.article, o.start, o.end) for _, o in best.values()]


# ---------------------------------------------------------------------------------------
# who said what
# ---------------------------------------------------------------------------------------


def _speaker_name(q: Quote) -> str:
    """ "An Israeli official", "U.S. officials", "Keir Starmer": the speaker as a subject."""
    name = " ".join((q.speaker or "").split())
    anon = (q.speaker_entity or "").startswith("anon:")
    words = name.split()
    if len(words) > 1 and words[0].lower() in POSSESSIVE_DETERMINERS:
        words = ["the", *words[1:]]  # "her publicist": "her" points outside the brief
        name = " ".join(words)
    head = words[0].lower() if words else ""
    at = 0
    for i, w in enumerate(words[1:], 1):
        low = w.lower()
        if low in stop_words() or low.endswith(("ed", "ing")) or low in TITLE_CASE_SMALL_WORDS:
            break  # "official involved in the talks": the head noun is before the modifier
        head, at = low, i
    plural = head.endswith("s") and not head.endswith("ss")
    if not plural and head in PERSON_ROLE_NOUNS and head not in ("the", "a", "an"):
        # one person by role, with no article: "Surrey Police spokeswoman", "Spokesman for
        # the council" -> "A Surrey Police spokeswoman", "A spokesman for the council"
        if (
            at > 0
            and words[at].islower()
            and not any(w[:1].isupper() for w in words[at + 1 :])
            and not words[0].endswith(("'s", "’s"))  # "board's chair": "The board's chair"
        ):
            return ("An " if name[:1].lower() in "aeiou" else "A ") + name
        if at == 0 and len(words) > 1 and words[1] in ROLE_PREPOSITIONS:
            return ("An " if head[:1] in "aeiou" else "A ") + head + " " + " ".join(words[1:])
    named = any(w[:1].isupper() for w in words[1:])  # "crown prosecutor Jane Roe"
    if plural or named or name.lower().startswith(("the ", "a ", "an ")):
        pass
    elif name[:1].islower():
        name = "The " + name  # "the company said": the article's own referent
    elif anon:
        name = ("An " if name[:1].lower() in "aeiou" else "A ") + name  # "An Israeli official"
    return name[:1].upper() + name[1:]


def _quote_text(q: Quote) -> str | None:
    """The quote's words as the brief may show them, or None when they would read broken."""
    text = " ".join(q.text.split()).strip(" ,;:—–-")
    n = len(text.split())
    if not QUOTE_WORDS[0] <= n <= QUOTE_WORDS[1] or not balanced_quotes(text):
        return None
    if q.kind == "indirect" and text.split()[0].lower().strip(",") in COORDINATORS:
        return None  # "… said and that Roe used …": a second content, cut from the first
    if q.kind == "indirect" and text.split()[0].lower().strip(",") in REFERRING_PRONOUNS:
        return None  # "… said it would …": "it" points outside the brief
    if q.kind == "indirect" and any(
        w.lower() in _speech_forms() for w in _WORD.findall(text) if w.islower()
    ):
        return None  # "the engine failed, they said, …": a second attribution inside it
    first = text.split()[0]
    plain = first.lower().strip(",")
    if q.kind == "indirect" and plain in REPORTED_NON_CLAUSE_OPENERS:
        return None  # "… said to fight …", "… said nothing about …": no reported clause
    if q.kind == "indirect" and _OF_THEM.match(text):
        return None  # "… said every one of them was eligible": of whom?
    if q.kind == "indirect" and plain in DEMONSTRATIVE_PRONOUNS:
        return None  # "… said those would be ruled on …": what they are is outside the brief
    if q.kind == "indirect" and plain in _SINGULAR_PRONOUNS and _plural_speaker(q.speaker):
        return None  # "Hydrologists said its water table …": not theirs; whose, then?
    if q.kind == "indirect" and (
        plain in WEEKDAYS  # "… said Friday and found …": the attribution's day, then a cut
        or (
            (first.islower() or _lower_ok(text))
            and (
                _has_finite_verb(first)
                or (
                    not _has_finite_verb(text)
                    and plain not in CLAUSE_OPENERS
                    and not first[0].isdigit()
                )
            )
        )
    ):
        # "… said back in November": no clause; "… said took place Thursday": no subject
        return None
    if q.kind == "indirect" and _only_relative_verb(text):
        return None  # "… said a crossing that went wrong": a noun phrase, no clause
    if q.kind == "indirect" and _object_infinitive(text):
        return None  # "called on the senator to take back his words": a request, no clause
    if q.kind == "direct" and not _has_finite_verb(text) and not _may_hold_verb(text):
        return None  # "With a view to March 3rd, Ohio": a fragment, no verb
    if q.kind == "indirect" and not _has_finite_verb(text) and not _may_hold_verb(text):
        # "… said the appointment at the palace" ("Announcing the appointment, she said"; a
        # win "predicted"): a determiner's noun phrase with no word that could be its verb
        return None
    if text.count("(") != text.count(")"):
        return None  # "6 million) the thieves …": cut through a bracket
    low = [w.lower() for w in _WORD.findall(text)]
    if q.kind == "direct" and any(
        a in _speech_forms() and b in REFERRING_PRONOUNS for a, b in itertools.pairwise(low)
    ):
        return None  # "Witnesses said they felt …": narration read as a quote
    if "“" in text or '"' in text or re.search(r"(?:^|\s)['‘][A-Z]", text):
        return None  # a quotation inside the quote: the nested marks read broken
    if q.kind != "indirect" and not text[:1].isupper():
        return None  # a fragment ("out of the race"): it reads only inside its sentence
    if (
        q.kind != "indirect"
        and plain.replace("’", "'") in DIRECT_QUOTE_OUTSIDE
        and not _EXPLETIVE_IT.match(text)
    ):
        return None  # "That is really old …", "But inside, …": about something outside it
    return text


# "It is important not to …", "It was clear that …": an "it" that points at the clause after
# it, not outside the quote.
_EXPLETIVE_IT = re.compile(
    r"^It(?:['’]s| is| was| will be| would be)(?: \w+){1,2}(?: not)? (?:to|that)\b"
)


def _plural_speaker(speaker: str | None) -> bool:
    """Whether a speaker is plural by its last word ("Hydrologists", "Security officials")."""
    words = (speaker or "").split()
    return bool(words) and _plural_word(words[-1])


def _plural_word(word: str) -> bool:
    """Whether a word reads as a plural noun by its ending: "officials", not "boss", "Roe's",
    nor the short "has", "was", "his" ("the minister has said he …" is one person)."""
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "'s", "’s")) and len(low) > 3


def _clause_goes_on(text: str, end: int) -> bool:
    """Whether reported speech cited up to offset ``end`` of ``text`` was cut inside its
    clause: the next word follows with no mark between and neither joins a new clause nor
    attributes it ("… said a capsule lowered through a new shaft | lifted the men …")."""
    m = re.match(r"[ \t]+([A-Za-z][\w'’-]*)", text[end : end + 40])
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    return (
        word.islower()
        and low not in COORDINATORS
        and low not in PHRASE_PREPOSITIONS
        and low not in stop_words()
        and not _said_cue_in([word])
    )


# after a direct quote cut at its comma: the closing mark, the attribution ("Doe wrote",
# "said the mayor, Jo Roe"), a comma and the quotation going on in lower case (marks may be
# doubled apostrophes: "'' Roe was a hero, '' Doe wrote, ''but …")
_GOES_ON = re.compile(r"\s*,?\s*[”\"’']+\s*[^“”\"\n!?]{1,80}?,\s*[“\"‘']+\s*(?=[a-z])")


def quote_goes_on(text: str, end: int) -> bool:
    """Whether a direct quote cited up to offset ``end`` of ``text`` is the first half of a
    quoted sentence its attribution splits: "“Roe was a hero,” Doe wrote, “but this is about
    …”". Told alone ("Doe said: “Roe was a hero.”") it would say less than, or the
    opposite of, what was said."""
    return _GOES_ON.match(text, end) is not None


def _may_hold_verb(text: str) -> bool:
    """Whether a reported clause with no verb the lists know has a word that may be one: a
    lower-case word after its first ending in "s" ("the financing remains unclear", "the
    rebels hold …"; not a function word, "the delay as a blow", nor a noun before "of", "the
    anxieties of voters") or an irregular past form ("the talks broke down")."""
    words = _WORD.findall(text)
    return any(
        w.islower()
        and (
            (
                w.endswith("s")
                and not w.endswith("ss")
                # "as", "his", "this": a function word ending in "s" (the verbs among them,
                # "is", "was", "has", are finite forms the lists know)
                and w not in stop_words()
                # "the cultural anxieties of voters": a plural noun heading an "of" phrase
                and not (i + 1 < len(words) and words[i + 1] == "of")
                # "of Israeli settlements in …", "in the bays": a noun in a prepositional
                # phrase, ending the text or followed by another ("… remains unclear": a verb)
                and not (
                    {x.lower() for x in words[max(0, i - 4) : i]} & PHRASE_PREPOSITIONS
                    and (i + 1 == len(words) or words[i + 1].lower() in PHRASE_PREPOSITIONS)
                )
            )
            or w in IRREGULAR_VERB_FORMS
        )
        for i, w in enumerate(words)
        if i > 0
    )


def _object_infinitive(text: str) -> bool:
    """Whether reported words are an object and an infinitive, with no finite verb and no
    word that may be one before the "to" ("the senator to take back his words" of "called on the senator to
    …", "urged voters to …"): what was asked of someone, not a statement "X said" can
    introduce."""
    m = re.search(r"\bto\s+[a-z]", text)
    if m is None or m.start() == 0:
        return False
    before = text[: m.start()]
    return not _has_finite_verb(text) and not _may_hold_verb(before)


def _only_relative_verb(text: str) -> bool:
    """Whether ``text`` is a noun phrase with a relative clause: no verb the word lists know
    except right after its relative word ("a crossing that went wrong", "the man who left")."""
    words = [w.lower() for w in _WORD.findall(text)]
    rel = next((i for i, w in enumerate(words) if w in RELATIVE_WORDS), None)
    if rel is None or rel == 0:
        return False
    return all(i == rel + 1 for i, w in enumerate(words) if _has_finite_verb(w))


def _who_said_what(
    alignment: Alignment,
    facts: Sequence[frozenset[str]],
    texts: Mapping[ArticleId, str] | None = None,
    main: _MainEvent | None = None,
) -> list[BriefSentence]:
    """One sentence for each of the main speakers: one usable quote, composed with its speaker.

    Speakers rank by the independent sources quoting them, then by their usable quotes;
    a quote that repeats a fact already in the brief is passed over (reported speech that
    retells the main event too: "Police said a Mafia boss hanged himself …" after the lead),
    and so is reported speech with no cue of speech beside it in its article
    (``reported_by_speech``): "X said …" is written only where the article says X said it.
    One person is given once: "Steward" after "Emanuel Steward" is the same speaker. Words
    that outlets give to different people (a ``speaker`` conflict, shown or not) are no
    one's here: the brief states that dispute instead.
    """
    roots = alignment.roots
    disputed = {
        (c.article, c.start, c.end)
        for cf in alignment.conflicts
        if cf.kind == "speaker"
        for side in cf.sides
        for c in side.cites
    }
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in alignment.quotes:
        if (q.cite.article, q.cite.start, q.cite.end) in disputed:
            continue
        if q.speaker and usable(q) and q.kind in ("direct", "indirect", "partial"):
            by_speaker[q.speaker_entity or normalize_text(q.speaker)].append(q)

    def rank(key: str) -> tuple[int, int]:
        qs = by_speaker[key]
        return len({roots.get(q.cite.article, q.cite.article) for q in qs}), len(qs)

    out: list[BriefSentence] = []
    seen = [*facts]
    named: set[str] = set()  # the surnames of the speakers given
    for key in sorted(by_speaker, key=lambda k: (-rank(k)[0], -rank(k)[1], k)):
        if len(out) >= MAX_SPEAKERS:
            break
        names = {_surname(q.speaker or "") for q in by_speaker[key]} - {""}
        if names & named:
            continue  # "Steward" after "Emanuel Steward": one person, already given
        best: tuple[tuple[int, float], Quote, str, str | None] | None = None
        for q in by_speaker[key]:
            text = _quote_text(q)
            if text is None:
                continue
            art = (texts or {}).get(q.cite.article)
            written = written_speaker(q, art) if art is not None else q.speaker
            if (
                written is None
                or written.split()[0].lower() in CUT_SPEAKER_HEADS
                or written.lower() in QUANTIFIER_PRONOUNS  # "Several said …": several whom?
            ):
                continue  # "Former star" of "Former star running back Jo Roe": a cut name
            if q.kind == "direct" and art is not None and _credited_to_other(q, written, art):
                continue  # "“…,” Councilman Jo Roe said" given to the police: not theirs
            if q.kind == "indirect" and art is not None and _clause_goes_on(art, q.cite.end):
                continue  # "… said a capsule lowered through a new shaft": cut in its clause
            if q.kind == "direct" and art is not None and quote_goes_on(art, q.cite.end):
                continue  # "“Roe was a hero,” Doe wrote, “but …”": half the sentence quoted
            if q.kind == "indirect" and art is not None and not reported_by_speech(art, q.cite):
                continue  # "He seems to want …", "Agency: …": a wish or a headline, no saying
            if art is not None and (_number_cut(art, q.cite.start) or _number_cut(art, q.cite.end)):
                continue  # "… said 6 million (…)": the splitter cut "$2. 6 million"
            if q.kind == "indirect" and art is not None:
                cased = _opening_case(text, art)
                if cased is None:
                    continue  # "… said Inevitably, the finger …": a sentence's capital
                text = cased
            words = _content_words(text)
            if any(_jaccard(words, w) >= NEAR_DUPLICATE or _same_fact(words, w) for w in seen):
                continue
            if q.kind == "indirect" and main is not None and facts and main.told(words):
                continue  # the main event again, as someone's words
            pref = ({"direct": 0, "indirect": 1, "partial": 2}[q.kind], -q.confidence)
            if best is None or pref < best[0]:
                best = (pref, q, text, written)
        if best is None:
            continue
        _, q, text, written = best
        art = (texts or {}).get(q.cite.article)
        if not names and art is not None and _names_given(art, q.cite, named):
            continue  # "…,” said the board's chair, Lucinda Marsh": Marsh, already given
        seen.append(_content_words(text))
        named |= names | {_surname(written or "")}
        art = (texts or {}).get(q.cite.article)
        joint = joint_speaker(q, art) if art is not None else None
        name = joint or _speaker_name(replace(q, speaker=written))
        # "… telling them, 'Stop.'": the closing mark follows the sentence's own stop
        end = "" if text.rstrip("'’\"”").endswith((".", "!", "?", "…")) else "."
        if q.kind == "indirect":
            sentence = (
                f"{name} said {text[:1].lower() + text[1:] if _lower_ok(text) else text}{end}"
            )
        else:
            sentence = f"{name} said: “{text}{end}”"
        same = [
            o.cite
            for o in alignment.quotes
            if o is not q and normalize_text(o.text) == normalize_text(q.text)
        ]
        out.append(BriefSentence(sentence, [q.cite, *dict.fromkeys(same)]))
    return out


def _names_given(text: str, cite: Cite, named: set[str]) -> bool:
    """Whether the attribution of a quote given to a role ("the board's chair") names, in
    the quote's sentences, a speaker the brief already gave ("…, said the board's chair,
    Lucinda Marsh"): one person, twice."""
    a, b = _near_sentences(text, cite)
    own = _overlapping(text, cite.start, cite.end)
    spans, _ = sentence_index(text)
    if own:
        a, b = spans[own[0]][0], spans[own[-1]][1]
    return bool(named - {""} & {w.lower().strip(".'’") for w in _WORD.findall(text[a:b])})


def _surname(speaker: str) -> str:
    """A named speaker's last name, lower-cased ("Emanuel Steward" -> "steward"); "" for a
    speaker not named by a capitalised word."""
    words = speaker.split()
    last = words[-1].strip(".,'’") if words else ""
    return last.lower() if last[:1].isupper() and len(last) > 1 else ""


def _opening_case(text: str, article: str) -> str | None:
    """Reported speech as the brief writes it after "X said": its first word keeps its
    capital when it is a name or "I", is lower-cased when it is a common word the article
    also writes in lower case ("Relief aid …" -> "relief aid …", the capital was only its
    sentence's), and None when it cannot tell (a capitalised word the article writes nowhere
    else: "Inevitably, …")."""
    first = _WORD.match(text)
    if first is None or first.start() != 0:
        return text
    word = first.group().rstrip(".")
    low = word.lower()
    if not word[:1].isupper() or word == "I" or low in stop_words():
        return text  # lower-case already, or ``_lower_ok`` decides
    if len(word) > 1 and word.isupper():
        return text  # "NATO", "UN": an acronym
    if re.search(rf"[a-z,;]\s+{re.escape(word)}\b", article):
        return text  # capitalised inside a sentence: a name ("… told Roe that …")
    if re.search(rf"(?<![\w’'-]){re.escape(low)}\b", article):
        return low + text[len(word) :]
    return None


def _overlapping(text: str, start: int, end: int) -> list[int]:
    """Indices of the sentences of ``text`` that overlap [start, end)."""
    spans, starts = sentence_index(text)
    i = max(0, bisect.bisect_right(starts, start) - 1)
    out: list[int] = []
    while i < len(spans) and spans[i][0] < end:
        if start < spans[i][1]:
            out.append(i)
        i += 1
    return out


def _sentence_ending(text: str, at: int) -> tuple[int, int] | None:
    """The sentence of ``text`` that offset ``at`` falls in or closes (a < at <= b)."""
    spans, starts = sentence_index(text)
    i = bisect.bisect_left(starts, at) - 1
    return spans[i] if i >= 0 and spans[i][0] < at <= spans[i][1] else None


SAID_BEFORE = 8  # words before reported speech where its cue of speech may stand
SAID_AFTER = 12  # words after it ("…, the Academy of Motion Picture Arts announced")


@functools.cache
def _said_cues() -> frozenset[str]:
    forms = _speech_forms() | INDIRECT_SPEECH_FORMS | REPORTING_FORMS | QUOTE_SPEECH_FORMS
    return (forms | SAID_CUE_EXTRA) - SAID_CUE_EXCLUDED


def _said_cue_in(words: Iterable[str]) -> bool:
    """Whether one of ``words`` (as written: case and edge punctuation ignored) is a cue of
    speech."""
    return any(w.lower().strip(".'’-") in _said_cues() for w in words)


def reported_by_speech(text: str, cite: Cite) -> bool:
    """Whether the reported speech cited in ``text`` has a cue of speech beside it in its
    sentence: one of the last words before it ("Roe said that …", "according to Roe, …") or
    of the first words after it ("…, police said in a statement"). A wish, a belief or a
    headline's colon ("He seems to want …", "Agency: …") is not someone saying it."""
    own = sentence_at(text, cite.start)
    s = own[0] if own else cite.start
    last = _sentence_ending(text, cite.end)
    e = last[1] if last else cite.end
    before = _WORD.findall(text[s : cite.start])[-SAID_BEFORE:]
    # "About a fifth is blacked out; the committee says the redactions …": a cue past a
    # semicolon attributes the clause after it, not this one
    after = _WORD.findall(text[cite.end : e].split(";", 1)[0])[:SAID_AFTER]
    cue = next((i for i in range(len(before) - 1, -1, -1) if _said_cue_in([before[i]])), None)
    if cue is not None and {w.lower() for w in before[max(0, cue - 3) : cue]} & (
        UNREALIZED_SPEECH_MARKERS
    ):
        return False  # "the board should also say that …": a wish, not a saying
    return _said_cue_in((*before, *after))


_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"


def _near_sentences(text: str, cite: Cite) -> tuple[int, int]:
    """From the sentence before a cite to the sentence after it: where its attribution is."""
    spans, _ = sentence_index(text)
    own = _overlapping(text, cite.start, cite.end)
    if not own:
        return cite.start, cite.end
    return spans[max(0, own[0] - 1)][0], spans[min(len(spans) - 1, own[-1] + 1)][1]


_CLOSE = re.compile(r"[”\"]")


def _credited_to_other(q: Quote, speaker: str, text: str) -> bool:
    """Whether a direct quote's own attribution, right after its closing mark, names someone
    other than its speaker: "“I'm in the middle of it. Things are tense,” Councilman Jo Roe
    said on Twitter." read as the police's words. The attribution is the words from the
    closing mark to the first cue of speech, in the same sentence; it credits another when
    it holds a name (two capitalised words) that is not the speaker's."""
    close = _CLOSE.search(text, q.cite.end, min(len(text), q.cite.end + 400))
    if close is None:
        return False
    # the attribution is in the quote's paragraph: a new paragraph is another sentence
    tail = text[close.end() : close.end() + 120].split("\n", 1)[0]
    tail = re.split(r"(?<![A-Z])[.!?](?:\s|$)", tail, maxsplit=1)[0]  # not "Jo D. Roe"
    words = _WORD.findall(tail)
    cue = next((i for i, w in enumerate(words) if _said_cue_in([w])), None)
    if cue is None:
        return False
    before = words[:cue]
    mine = {w.lower().strip(".'’") for w in speaker.split()} | {_surname(speaker)}

    def name(w: str) -> bool:
        low = w.lower().strip(".'’")
        return w[:1].isupper() and low not in stop_words() and low not in WEEKDAYS

    names = [(a, b) for a, b in itertools.pairwise(before) if name(a) and name(b)]
    if before and name(before[-1]):
        names.append((before[-1], before[-1]))  # "…,” Maral told the agency"
    if words[cue].lower() in SAID_AFTER_NAME and cue + 1 < len(words) and name(words[cue + 1]):
        names.append((words[cue + 1], words[cue + 1]))  # "…,” said Maral, 45, …"
    return bool(names) and not any(
        a.lower().strip(".'’") in mine or b.lower().strip(".'’") in mine for a, b in names
    )


def written_speaker(q: Quote, text: str) -> str | None:
    """The speaker as its attribution writes it: a possessive cut from its owner's name is
    given whole ("Attorney's office" -> "The City Attorney's office"); None for a role cut
    from the name it leads ("Former star" of "Former star running back Jo Roe"), which the
    brief does not state. The speaker as extracted when the text near the quote does not
    write it."""
    speaker = " ".join((q.speaker or "").split())
    if not speaker:
        return q.speaker
    a, b = _near_sentences(text, q.cite)
    found = [m for m in re.finditer(re.escape(speaker), text[a:b]) if m.group()]
    if not found:
        return q.speaker
    if speaker[:1].isupper() and all(_after_place_word(text, a + m.start()) for m in found):
        return None  # "the BBC's correspondent in Paris, says": a place, not the speaker
    more = {_name_goes_on(text, a + m.end()) for m in found}
    if len(more) == 1 and "" not in more:
        return f"{speaker} {more.pop()}"  # "France" of "France Telecom said it …": cut
    m = found[0]
    at, end = a + m.start(), a + m.end()
    if re.match(r"[A-Z][\w.-]*['’]s\b", speaker):
        held = sentence_at(text, at)
        ss = held[0] if held else a
        owner = re.search(r"(?:[A-Z][\w.'’-]*\s+)+$", text[max(ss, at - 60) : at])
        return (owner.group() + speaker) if owner else speaker
    words = speaker.split()
    after = re.match(r"\s+([a-z][\w-]*)(?:\s+[a-z][\w-]*){0,2}\s+[A-Z][a-z]", text[end:b])
    if (
        words[-1].islower()
        and after
        and after.group(1) not in stop_words()
        and after.group(1) not in _said_cues()
    ):
        return None
    return q.speaker


def _after_place_word(text: str, at: int) -> bool:
    """Whether the word before offset ``at`` of ``text`` is a preposition of place ("in")."""
    before = text[max(0, at - 12) : at].split()
    return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS


def _name_goes_on(text: str, at: int) -> str:
    """The capitalised words that carry on a name at offset ``at`` of ``text`` ("Telecom"
    after "France"), "" when it ends there; a weekday or a month is not part of it."""
    m = re.match(r"[ \t]+((?:[A-Z][\w&’'.-]*[ \t]*){1,3})", text[at : at + 60])
    if m is None:
        return ""
    words: list[str] = []
    for w in m.group(1).split():
        if w.lower().rstrip(".") in WEEKDAYS or w.lower().rstrip(".") in MONTHS or w == "I":
            break
        words.append(w)
    return " ".join(words).rstrip(".,")


def joint_speaker(q: Quote, text: str) -> str | None:
    """The names of a quote said jointly, "Zadan and Meron", when its attribution names the
    speaker in a pair of names beside a speech verb ("…,” said Roe and Penn", "Roe and Penn
    said in a joint statement"): in the quote's own sentences, else, when those hold no
    speech verb (a quote that goes on from another), in the sentence before. The brief
    never gives a joint statement to one of them."""
    name = " ".join((q.speaker or "").split())
    words = name.split()
    if not words or " and " in name or not words[-1][:1].isupper():
        return None
    who = rf"(?:{re.escape(name)}|{re.escape(words[-1])})"
    pair = re.compile(rf"(?<![\w’'])(?:{who}\s+and\s+{_NAME}|{_NAME}\s+and\s+{who})(?![\w’'])")
    spans, _ = sentence_index(text)
    own = _overlapping(text, q.cite.start, q.cite.end)
    if not own:
        return None

    def cue(a: int, b: int) -> bool:
        return _said_cue_in(_WORD.findall(text[a:b]))

    for group in ([spans[i] for i in own], spans[max(0, own[0] - 1) : own[0]]):
        for a, b in group:
            for m in pair.finditer(text, a, b):
                if cue(max(a, m.start() - 20), m.start()) or cue(m.end(), min(b, m.end() + 30)):
                    return m.group().rstrip(".")
        if any(cue(a, b) for a, b in group):
            return None  # the quote's own attribution names someone else, or one person
    return None


def _lower_ok(text: str) -> bool:
    """Whether reported speech may start lower-case: its first word is a common word."""
    first = text.split()[0]
    return first.lower() in stop_words() and first not in ("I", "I'm")


# ---------------------------------------------------------------------------------------
# where outlets differ, what changed
# ---------------------------------------------------------------------------------------


def _outlet_conflicts(
    conflicts: Sequence[Conflict], roots: Mapping[ArticleId, ArticleId]
) -> list[Conflict]:
    """The conflicts the brief states: at or above the threshold, one per topic, and only
    where different sources stand on each side (a source on both sides reports both
    figures: the outlets do not differ there)."""
    out: list[Conflict] = []
    topics: set[str] = set()
    for c in sorted(conflicts, key=lambda c: -c.confidence):  # the surest first
        if c.confidence < CONFIDENCE_THRESHOLD or c.topic in topics:
            continue
        sides = [{roots.get(x.article, x.article) for x in s.cites} for s in c.sides]
        if any(a & b for i, a in enumerate(sides) for b in sides[i + 1 :]):
            continue
        topics.add(c.topic)
        out.append(c)
    return out


def _topic(conflict: Conflict, texts: Mapping[ArticleId, str]) -> str:
    """A question or label topic as the object of "Outlets differ on …"."""
    topic = conflict.topic.rstrip("?")
    yes_no = re.match(r"(?:Is|Are) (the .+?) (an? .+)$", topic)
    if yes_no:
        return f"whether {yes_no.group(1)} is {yes_no.group(2)}"
    if topic.startswith("Whether "):
        return "w" + topic[1:]  # "whether troops entered the hospital" (a denial)
    day = re.match(r"On what day it happened \((.+)\)$", topic)
    if day:
        return _day_topic(day.group(1), conflict, texts)
    if topic == "At what time it happened":
        return "the time it happened"
    year = re.match(r"In what year \((.+?)(?::(\w+))?\)$", topic)
    if year:
        who = _as_written(year.group(1), conflict, texts)
        act = YEAR_ACT_PHRASES.get(year.group(2) or "", "{x} did it")
        return "the year " + act.format(x=who)
    colour = re.match(r"The colour of the (.+)$", topic)
    if colour:
        thing = _as_written(colour.group(1), conflict, texts)
        return "the colour of " + (thing if thing.startswith("the ") else f"the {thing}")
    first = topic.split()[0] if topic.split() else ""
    if first in LOWER_OPENERS:
        return topic[0].lower() + topic[1:]  # a question word or an article, not a name
    return f"the figure for {topic}"


def _day_topic(action: str, conflict: Conflict, texts: Mapping[ArticleId, str]) -> str:
    """ "the day the crash happened" when the cited sentences call it a crash; the action as
    they word it otherwise ("the sinking" for an action class named "crash"), never a class
    name the articles do not use; "the day it happened" when they name it with a verb only."""
    words: set[str] = set()
    for side in conflict.sides:
        for c in side.cites:
            text = texts.get(c.article, "")
            s, e = _sentence_of(text, c)
            words |= {w.lower().strip(".") for w in _WORD.findall(text[s:e])}
    if not texts or {action, action + "s", action + "es"} & words:
        return f"the day the {action} happened"
    forms = [*EVENT_ACTIONS.get(action, ()), *DAY_ACTION_FORMS.get(action, ())]
    noun = next((f for f in forms if f in words and f.endswith("ing")), None)
    return f"the day of the {noun}" if noun else "the day it happened"


def _as_written(key: str, conflict: Conflict, texts: Mapping[ArticleId, str]) -> str:
    """A lower-cased slot key as the cited articles write it ("the Larkmoor Clinic")."""
    for side in conflict.sides:
        for c in side.cites:
            text = texts.get(c.article, "")
            s, e = _sentence_of(text, c)
            m = re.search(re.escape(key), text[s:e], re.I)
            if m:
                found = m.group()
                thing = not found[:1].isupper() or found.split()[-1].lower() in INSTITUTION_HEADS
                return f"the {found}" if thing else found  # "the Larkmoor Clinic", "Ilse Varhol"
    return f"the {key}"


_NUMERIC_TOPIC = re.compile(r"^(?P<subject>.+): (?P<slot>[^:]+)$")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numeric(conflict: Conflict) -> tuple[str, str] | None:
    """(subject, slot) of a conflict between two figures ("Jane Roe: age", sides
    "Jane Roe: 27 age"), else None (a slot or statement conflict)."""
    m = _NUMERIC_TOPIC.match(conflict.topic)
    if m is None or not conflict.sides:
        return None
    values = [s.claim.rpartition(": ")[2] for s in conflict.sides]
    if not all(_NUMBER.match(v) for v in values):
        return None
    return m.group("subject").strip(), m.group("slot").strip()


def _sentence_of(text: str, cite: Cite) -> tuple[int, int]:
    return sentence_at(text, cite.start) or (cite.start, cite.end)


def _measure_phrase(conflict: Conflict, texts: Mapping[ArticleId, str]) -> str:
    """What the two figures of a numeric conflict measure, in plain words: "the number of
    people injured", "Jane Roe's age", "the length of the fall" (never a slot key)."""
    parsed = _numeric(conflict)
    assert parsed is not None
    subject, slot = parsed
    frames: Counter[str] = Counter()
    words: set[str] = set()
    for side in conflict.sides:
        for c in side.cites:
            text = texts.get(c.article)
            if text is None or not 0 <= c.start < c.end <= len(text):
                continue
            s, e = _sentence_of(text, c)
            fr = read_frame(text, c.start, c.end, (s, e))
            if fr.frame:
                frames[fr.frame] += 1
            words |= {w.lower() for w in _WORD.findall(text[s:e])}
    forms = FRAME_OF_FORM
    frame = frames.most_common(1)[0][0] if frames else None
    if frame is None:  # the subject may name it: "people injured"
        frame = next((forms[w] for w in subject.lower().split() if w in forms), None)
    if slot == "age":
        frame = "age"
    slot_l = slot.lower()
    named = (
        subject[:1].isupper()
        and subject.lower() not in FRAME_WORDS
        and subject.lower() != slot_l
        and not any(w in forms for w in subject.lower().split())
    )
    poss = f"{subject}'s " if named else "the "
    of = f" of {subject}" if named else ""
    length = slot_l in LENGTH_UNITS
    counted = not length and slot_l not in NON_COUNT_MEASURES and slot_l not in FRAME_WORDS
    noun = "people" if slot_l in PEOPLE_WORDS or not counted else slot_l
    if length and (frame == "change" or words & FALL_WORDS):
        return FALL_PHRASE.format(poss=poss)
    if frame is not None and frame in MEASURE_PHRASES:
        return MEASURE_PHRASES[frame].format(noun=noun, of=of, poss=poss)
    if counted:
        return f"the number of {noun}"
    return f"the figure for {subject}" if named else "the figure reported"


def _side_words(side: ConflictSide, slot: str, texts: Mapping[ArticleId, str]) -> str:
    """A numeric side's figure as its articles word it ("about 200 metres", "at least four
    aftershocks"), else its value with its unit; at most two wordings."""
    value = side.claim.rpartition(": ")[2]
    # the figure itself, after any hedge the claim shows ("more than 2,300,000 votes")
    number = next((w for w in value.split() if w[:1].isdigit()), value.split()[0])
    digits = number.replace(",", "")
    if slot == "age":
        return number  # "32", not "32 / 32-year-old"
    is_unit = slot.lower() in LENGTH_UNITS or slot.lower() in UNIT_MEASURES
    out: list[str] = []
    for c in side.cites:
        text = texts.get(c.article, "")
        span = re.sub(r"(\d), (\d{3})\b", r"\1,\2", " ".join(text[c.start : c.end].split()))
        found = [d.replace(",", "") for d in _NUMBER.findall(span)]
        # the span holds the figure itself (not a cut "6" of "6.1"), or says it in words
        whole = found == [digits] or (len(found) == 1 and len(span.split()) > 1)  # "2,000 ft"
        if span and (whole or (not found and len(span.split()) <= 6)):
            out.append(f"{span} {slot}" if is_unit and span[-1:].isdigit() else span)  # "about 200"
    if not out:
        out = [f"{number} {slot}" if is_unit else number]
    return " / ".join(list(dict.fromkeys(out))[:2])


def _outlet_list(
    side: ConflictSide, labels: Mapping[ArticleId, str], rank: Mapping[ArticleId, int]
) -> str:
    arts = sorted({c.article for c in side.cites}, key=lambda a: rank.get(a, len(rank)))
    names = list(dict.fromkeys(labels.get(a, a) for a in arts))
    if len(names) > MAX_NAMED_OUTLETS + 1:
        return f"{', '.join(names[:MAX_NAMED_OUTLETS])} and {len(names) - MAX_NAMED_OUTLETS} more"
    return ", ".join(names) if names else "one source"


def _shared_tail(claims: Sequence[str], topic: str) -> list[str]:
    """The words every side ends with that the topic also says ("… drafting the
    resolution" under "Who is drafting the resolution"): said once, in the topic."""
    words = [c.split() for c in claims]
    if len(words) < 2 or min(len(w) for w in words) < 3:
        return []
    n = 0
    while n < min(len(w) for w in words) - 1 and len({w[-1 - n] for w in words}) == 1:
        n += 1
    tail = words[0][len(words[0]) - n :]
    return tail if n >= 2 and " ".join(tail).lower() in topic.lower() else []


def _verbatim(side: ConflictSide, texts: Mapping[ArticleId, str]) -> bool:
    """Whether a side's words are an article's own (so they may stand in quote marks)."""
    want = normalize_text(side.claim)
    return bool(want) and any(
        want in normalize_text(texts.get(c.article, "")[c.start : c.end]) for c in side.cites
    )


def _conflict_sentence(
    conflict: Conflict,
    labels: Mapping[ArticleId, str],
    order: Sequence[ArticleId],
    texts: Mapping[ArticleId, str] | None = None,
) -> BriefSentence:
    """ "Outlets differ on the length of the fall: about 200 metres (A1, A2) vs 2,000 ft
    (A3)."; a side told in a clause is quoted: "… on who drafts it: “X and Y drafting it”
    (A1, A2) vs “Y and Z drafting it” (A3)." """
    texts = texts or {}
    rank = {a: i for i, a in enumerate(order)}
    parsed = _numeric(conflict)
    tail = _shared_tail([s.claim for s in conflict.sides], conflict.topic)
    # an article's own words may stand in quote marks, all sides alike: a clause told
    # verbatim by every side ("not expected to be a peacekeeping operation"), never a list
    # of values ("grey / gray") or a short value ("Calamita")
    quoted = all(" / " not in sd.claim and _verbatim(sd, texts) for sd in conflict.sides) and any(
        len(sd.claim.split()) > 3 for sd in conflict.sides
    )
    parts: list[str] = []
    for side in conflict.sides:
        who = _outlet_list(side, labels, rank)
        if parsed is not None:
            what = _side_words(side, parsed[1], texts)
        elif tail:
            what = " ".join(side.claim.split()[: -len(tail)])  # "X and Y" (drafting it)
        elif quoted:
            what = f"“{side.claim}”"  # the articles' own words
        else:
            what = side.claim  # a name, a colour, a time: "Alishbandi"; never in quote marks
        parts.append(f"{what} ({who})")
    topic = _measure_phrase(conflict, texts) if parsed is not None else _topic(conflict, texts)
    text = f"Outlets differ on {topic}: {' vs '.join(parts)}."
    cites = [c for s in conflict.sides for c in s.cites[:2]]
    return BriefSentence(text, cites)


def _update_sentence(event: Event) -> BriefSentence | None:
    """ "The number of people killed changed between reports: six → 11 (2026-08-03 →
    2026-08-04)."; a figure with no known frame: "Changed between reports: …". None when
    the figures may count different things: a first figure counting some people ("two
    women") and a later one counting others or not saying ("3"): "two women and one man
    died" is three people, not a toll that grew."""
    when = event.date_text if "→" in event.date_text else (event.date or event.date_text)
    tail = f" ({when})" if when else ""
    summary = event.summary.rstrip(".")
    m = re.match(r"^(\w+): (.+ → .+)$", summary)
    if m and m.group(1) in MEASURE_PHRASES:
        first = m.group(2).split(" → ")[0].split()
        noun = first[-1].lower() if len(first) > 1 and first[-1].isalpha() else "people"
        nouns = {
            v.split()[-1].lower() if len(v.split()) > 1 and v.split()[-1].isalpha() else ""
            for v in m.group(2).split(" → ")
        }
        if noun not in PEOPLE_WORDS and nouns != {noun}:
            return None  # "two women → 3": not one count that moved
        plural = noun.endswith("s") or noun in IRREGULAR_PLURALS
        noun = "people" if noun in PEOPLE_WORDS or not plural else noun
        what = MEASURE_PHRASES[m.group(1)].format(noun=noun, of="", poss="the ")
        # "Seventeen people" opened its sentence: inside this one it is "seventeen people"
        move = " → ".join(
            v[:1].lower() + v[1:] if v.split()[0].lower() in NUMBER_WORDS else v
            for v in m.group(2).split(" → ")
        )
        text = f"{what[:1].upper()}{what[1:]} changed between reports: {move}{tail}."
    else:
        text = f"Changed between reports: {summary}{tail}."
    return BriefSentence(text, list(event.cites))

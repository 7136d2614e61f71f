"""Statements: one fact several outlets tell in nearly the same words, with or without a number.

``align`` makes claims of numbers (``_quantity_claims``), roles, stances and the focus's
attributes. A fact with no number ("the two fires were not linked", "she failed a breath
test just after 3 a.m.") or whose number is not a quantity (a record "9-14", a year,
an edition "the 41st Lumen Prizes") made no claim at all, so the same fact told by five outlets
was five uncounted sentences. Here it is one claim whose cites are the clause each outlet
shares with the others.

How (docs/report.md, "Claims"):

1. Candidate clauses: the clauses (``_clauses``: cut at a semicolon, a dash, "and" /
   "but" before a new subject, or a comma before a participle: ", leading him to …") of
   every sentence of the story's articles that ends like a sentence (headlines, date lines
   and captions do not), with at least ``MIN_WORDS`` words, in the first ``MAX_SENTENCES``
   sentences of each article (fewer in a story of more than ``MAX_STORY_SENTENCES``).
2. Likeness: TF-IDF cosine of their words (numbers kept, stop words out), fitted on the
   story's sentences. Two sentences of different articles at or above
   ``STATEMENT_SIMILARITY`` (or ``VALUE_SIMILARITY``, see 3) are a candidate pair; each
   sentence keeps its ``MAX_PARTNERS`` nearest.
3. A candidate pair is one statement only when the words they share (``difflib``'s
   matching blocks over their tokens) are enough: at least ``MIN_SHARED`` content words,
   at least ``MIN_DENSITY`` of the content words of the stretch on each side; or, for
   sentences only ``VALUE_SIMILARITY`` alike, ``VALUE_SHARED`` shared content words among
   which a specific value (a year, a record, a decimal, an edition, a month and day); in
   both cases two shared words that are neither names nor "said". And the two clauses must
   hold the same facts: their values (numbers, number words read as digits, weekdays,
   months) agree kind by kind unless each side has one the other lacks ("ten killed" and
   "killed" agree; "ten" and "five", "a 5.6 quake" and "a 5.9 quake" do not); both or
   neither stretch (``VALUE_REACH`` tokens beyond it included) is negated; no person's
   name is put in the place of another person's.
   With ``meaning`` (the engine's MiniLM, lent by the caller: analysis stages load no
   model), clauses told in other words are paired too: their vectors (``_core``: relative
   clauses and brackets left out) at least ``MEANING_SIMILARITY`` alike, and the checks of
   ``_alike`` (shared content words, one plain word, values, negation, persons) hold;
   below ``MEANING_SIMILARITY`` they must also share a predicate, a verb of one lemma or of
   one class of ``lang.claims.PREDICATE_CLASSES`` ("checked into" / "was admitted to"),
   which also counts as their plain word in common.
   And a candidate pair that gives the same figures in another order ("scored 24 goals
   with 17 assists in 38 matches" / "in 38 matches she netted 24 goals and 17
   assists") is one fact (``_same_figures``: ``SAME_FIGURES`` numbers of two digits or more in
   common, not ordinals or years, none at odds, one plain word, negation, persons). Values
   in brackets are asides, not the clause's ("(52-3, 46 KOs)"); a person is a run of name
   words, so "Lena Varga" and "Varga" are one; "and" between two names does not cut a clause.
   And, whatever their cosines, two clauses sharing enough words (``_word_pairs``) whose own
   verbs of one lemma or class act on one named object ("The actress has checked into
   Promises Treatment Center" / "Ada Roe was admitted into Promises Treatment Center") are
   one fact (``_same_object_why``: a verb outside subordinate and relative clauses, two name
   words in common, ``_alike``'s checks, and the persons named before the verb, its subject,
   not two different people). And two clauses as alike by their words as ``HEAD_SIMILARITY``
   whose shared words are in another order ("the fire devastated the church" / "the church
   was devastated by fire") are one fact when their head verbs (the first verb of each
   outside subordinate and relative clauses) are of one lemma or class and ``_alike``'s
   checks hold (``_same_head_why``; a weak link, as a shared predicate's). And, with
   ``meaning``, two clauses telling one fact with other verbs ("Tarvia voted Sunday in a
   regional election meant to …" / "Voters in Tarvia cast ballots Sunday in a regional
   election hailed …") are paired by their kernels (``_kernel``: subject, head verb and its
   phrase), embedded alone, at least ``KERNEL_SIMILARITY`` alike, with a word after the head
   verbs in common and their own values agreeing (``_same_kernel_why``; a weak link, cited
   for the kernels). And two clauses telling one fact by another construction: a report
   withheld in other words ("Roe's agent would not say which ward she had joined" / "He
   did not specify which ward Roe had joined": ``_same_withheld_why``, one question word,
   its verb and what follows it alike), or one event of the same participants in another
   voice or with an aside ("Roe was arrested" / "police arrested Roe"; "Roe, who …, died on
   Sunday" / "Roe died Sunday": ``_same_participants_why``, one head verb lemma or class, a
   person in one part of the event in both kernels and none in the other part; an
   infinitive head, "urged Roe to quit", is no event done), or one event told as one
   clause's head and as another's result infinitive ("Roe retained the title" / "Roe beat
   Penn in Alder to retain the title": ``_same_result_why``, the first clause's subject as
   the doer, no verb of trying or control nor noun of trying before "to"); all are loose
   links: weak, and not counted when seeds are ranked (step 4).
   Values written in other forms are one value (``_read_forms``): a clock time ("1353
   (1023 GMT)", "1:53 p.m.", "1: 53 p. m."), an age ("61-year-old", "Ames, 61,"), a sum
   ("110 billion euro", "€110bn", "EUR 110,000,000,000"); each equals values of its kind
   only. And two clauses stating one clock time to the minute and sharing a name word are
   one fact whatever their other words (``_anchor_pairs``; a weak link; a sum or a day of a
   month outside asides could anchor too, ``ANCHOR_KINDS``, and is left out).
4. Groups are stars, not chains: the sentence with the most verified partners is a seed,
   its partners join it (seeds ranked by their partners' sources and number, loose links
   left out), and their own partners (of articles not in yet) whose values the
   seed's clause does not contradict (one hop, no further); the next seed is taken among the sentences left.
   A clause already in a group joins a later seed's too when the stretch it shares with
   that seed by words is another part of it, with a head verb of its own of the seed's
   stretch's lemma or class (``_other_stretch``): a sentence telling two facts ("… chosen to
   direct Tidewater, based on the second novel of the trilogy") is cited in both claims, each
   for its own stretch. A group may hold several sentences of one article. It needs two independent sources, or, when
   only copies of one article share it (copies count once: one source), a value in its
   words (a number, a day, a month: "failed the test shortly after 2 a.m."), since copies
   share every sentence and a claim for each would say nothing.
5. Each member's cite is the stretch it shares with the seed (the seed's: the union of
   its stretches), so a long sentence is cited for the clause the outlets agree on.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

import numpy as np

from storyline.lang import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NEGATION_CUES,
    QUOTE_SPEECH_FORMS,
    REPORTING_FORMS,
    WEEKDAYS,
    stop_words,
)
from storyline.lang.claims import (
    ATTEMPT_NOUNS,
    IRREGULAR_VERB_FORMS,
    NON_PARTICIPLE_ING,
    PASSIVE_AUXILIARIES,
    PREDICATE_AUXILIARIES,
    PREDICATE_CLASSES,
    PREDICATE_FORMS,
    REFUSAL_VERBS,
    RELATIVE_OPENERS,
    TRYING_VERBS,
    VALUE_WORDS,
    WH_WORDS,
    WITHHELD_VERBS,
)
from storyline.lang.en import SIDE_CLAUSE_OPENERS, STANCE_OBJECT_CONTROL_VERBS
from storyline.lang.frames import CURRENCY_WORDS
from storyline.models import Article, ArticleId, Cite
from storyline.text import fold_punctuation, sentence_spans

# TF-IDF cosine at or above which two sentences of different sources may tell one fact.
# Read on ECB+ train (bench/align.py --split train): outlets rewriting one wire sentence sit
# at 0.6-1.0; different facts of one event that share its names (who, where) at 0.2-0.45.
STATEMENT_SIMILARITY = 0.5
# Content words (not stop words) the two sentences' shared stretch must hold.
MIN_SHARED = 4
# Less alike sentences (TF-IDF cosine at or above this) tell one fact when they share a
# specific value ("in 2007", "on Feb. 22", "a 9-14 record") and ``VALUE_SHARED`` content
# words with it: "Orla Brandt hosted the 41st Lumen Prizes in 2019" / "emceed the 41st
# annual Lumen Film Prizes in 2019".
VALUE_SIMILARITY = 0.25
VALUE_SHARED = 3
# Share of the content words of each shared stretch that the two sentences have in common.
MIN_DENSITY = 0.6
# Words a candidate sentence needs; shorter lines are headlines, bylines, captions.
MIN_WORDS = 6
# Sentences read per article (the facts outlets share are told early; a cap keeps a story of
# hundreds of articles from a quadratic blow-up).
MAX_SENTENCES = 60
# Sentences read in a whole story: past it, each article gives fewer (never under
# ``MIN_SENTENCES``), so a story of hundreds of articles costs about what one of 60 does.
MAX_STORY_SENTENCES = 3000
MIN_SENTENCES = 8
# Partners checked per sentence (its nearest by cosine).
MAX_PARTNERS = 12
# How far outside the shared stretch a negation still counts ("were not related": the
# shared stretch may stop before the "not").
VALUE_REACH = 3
# Told in other words (``Meaning``): the sentence-vector cosine at or above which two clauses
# of different sources may tell one fact, per embedder. Read on ECB+ train (28 labelled
# facts, bench/align.py --split train): with MiniLM, clauses of one fact in other words sit
# at 0.4-0.95 (median 0.66), different facts of one event that share its names up to 0.86;
# at 0.75 with the word checks below, about 5 in 6 of the new pairs read by hand were one
# fact. Other embedders are not measured: they keep the word path only.
MEANING_SIMILARITY: Mapping[str, float] = {"minilm": 0.75}
# Less alike clauses (at or above this floor, below ``MEANING_SIMILARITY``) tell one fact in
# other words only when, beside ``_alike``'s checks, they share their predicate: a verb of
# the same lemma, or of one class of ``lang.claims.PREDICATE_CLASSES`` ("checked into" /
# "was admitted to" / "entered"), outside their asides and relative clauses, not a saying
# verb ("Varga died
# Sunday at a clinic in Port Elma" / "Varga died late last night in a Port Elma
# clinic"; "police arrested Ames" / "Ames was charged" stay two facts).
PREDICATE_SIMILARITY: Mapping[str, float] = {"minilm": 0.6}
# What two such clauses must still share: ``MEANING_SHARED`` content words, at least
# ``MEANING_OVERLAP`` of the content words of the two together, one of them a plain word in
# both (not a name, a value or "said": a place's names alone, "Qeshm ... the Persian Gulf"
# twice, are not one fact).
MEANING_SHARED = 3
MEANING_OVERLAP = 0.2
# Clauses at least this alike by their words (TF-IDF cosine, as ``STATEMENT_SIMILARITY``)
# whose shared words are in another order (the passive, a fronted time) tell one fact when
# their head verbs are of one lemma or class (``_same_head_why``). Read on ECB+ train: 17
# new clause pairs, none two facts; any verb of their own in common (not the head's) gave
# 39, 8 of them two facts (a clause's second fact in a subordinate clause or a list).
HEAD_SIMILARITY = STATEMENT_SIMILARITY
# A clause already in a group joins a later seed's group too when the stretch it shares with
# that seed (by words) is another part of it (``_other_stretch``): a sentence telling two
# facts, each told alone by other outlets.
OTHER_STRETCH = True
# Figures (numbers of two digits or more: "13", ".358", "2,500") two clauses of a candidate
# pair must give alike to tell one fact whatever their word order (``_same_figures``): one
# figure alone, or a one-digit number, is any count.
SAME_FIGURES = 2
# One predicate on one named object (``_same_object_why``): the stop words allowed between the
# verb and the name ("checked herself into Promises"), and the name words the two objects
# must share ("Promises Treatment Center" / "Malibu Promises Treatment Center").
OBJECT_GAP = 3
OBJECT_NAME_WORDS = 2
# One fact told with other verbs ("Tarvia voted Sunday in a regional election" / "Voters in
# Tarvia cast ballots Sunday in a regional election", ``_same_kernel_why``): a long clause's
# vector is mostly its background, so each clause's kernel (``_kernel``: its subject, head
# verb and the words after it up to the first comma, subordinate or relative opener, at
# most ``KERNEL_AFTER`` tokens; an opening "After …," phrase and asides left out) is
# embedded alone. Two kernels at least ``KERNEL_SIMILARITY`` alike that pass ``_alike``'s
# checks over their words (the whole clauses' values, negation and persons) tell one fact:
# a weak link, cited for the kernels.
KERNEL_SIMILARITY: Mapping[str, float] = {"minilm": 0.85}
KERNEL_AFTER = 10
# Two clauses that state one rare value and share a name word tell one fact whatever their
# other words (``_anchor_pairs``): a weak link, the whole clauses cited. The kinds of rare
# value that anchor (``_rare_values``): a clock time to the minute ("at 1353 (1023 GMT)" /
# "at 1:53 p.m."). Read on ECB+ train, every new join: times 8 of 8 one fact; sums ("$1
# million in damage") about 12, 1 two facts ("LaRue, the bagman who delivered $300,000 …,
# died" / "LaRue received $300,000 in cash"); days of a month 3, 1 or 2 two facts ("the June
# 20 shooting" told of twice), and a seed moved so one labelled fact fell apart: both left
# out ("sum", "day" here take them in).
ANCHOR_KINDS: frozenset[str] = frozenset({"time"})
# A clock time anchors without a name in common when the verbs right before it (at most
# this many tokens back) are of one class ("the quake, which struck at 1353" / "it hit at
# 1:53 p.m."): ``_timed_verbs``.
TIME_VERB_GAP = 3

# Whether a clause's result infinitive ("beat Penn to keep the title") joins a clause telling
# that event as its head (``_same_result_why``); off, for the benchmark's base.
RESULT_INFINITIVES = True

# Kinds of value that date nothing (``_kernels_clash``): a count, a person's age ("died at
# 95", "Roe, 61, was arrested"), a sum ("caused $1 million in damage") tell no day or year,
# so "Roe died at 95" and "Roe died on Friday" are no two facts dated apart; a year, a month,
# a weekday, a clock time or an ordinal ("in the sixth round") do date one.
UNDATED_KINDS: frozenset[str] = frozenset({"number", "age", "sum"})

# Whether a clause whose head verb is an infinitive ("urged Roe to quit") is kept from
# joining one whose head is finite ("Roe quit") by ``_same_participants_why``; off, for
# the benchmark's base.
INFINITIVE_HEADS = True

# A number ("2, 000", "9-14", "0.41", "79th") or a word; hyphens cut words ("blood-alcohol"
# and "blood alcohol" are the same two words).
_TOKEN = re.compile(r"\.?\d+(?:(?:[.,:]\s?|[-–/])\d+)*(?:st|nd|rd|th)?|[A-Za-z][\w'’]*")
_NUMERIC = re.compile(r"[.\d]")
_WORDS = re.compile(r"[A-Za-z]+")
# Where a clause ends inside a sentence: a semicolon, a dash, or "and" / "but" / "while"
# before a new subject (a capitalised word or a pronoun).
_CLAUSE_BREAK = re.compile(
    r";\s+|\s*(?:--|[–—])\s*|,?\s+(?:and|but|while|whereas)\s+"
    r"(?=[A-Z]|(?:he|she|it|they|we|police|officials)\b)"
)
# A participial clause after a comma tells a fact of its own ("the church was damaged by
# arson, leading the governor to apologize", "… dominated Rahman, knocking him down in the
# sixth"): the clause ends before its comma, unless the "-ing" word is a preposition or a
# pronoun (``NON_PARTICIPLE_ING``: ", including two children") or a saying verb (", saying
# …": what is said is the clause's own fact, kept with its teller).
_PARTICIPLE_BREAK = re.compile(r",\s+(?=([a-z]+ing)\b)")
_PARTICIPLE_TAIL = re.compile(r"[a-z]+ing\b")
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# "and" between two names, no comma before it: a list of names ("IBO and WBO"), not a new
# clause (", and Police said" is one).
_NAME_LIST = re.compile(r"\s+(?:and|but|while|whereas)\s+[A-Z]")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'’.-]*$")
_END = re.compile(r"[.!?][\"'”’)\]]*$")
_MONTH_WORDS = {**MONTHS, **MONTH_ABBREVIATIONS}
_SAYING = REPORTING_FORMS | QUOTE_SPEECH_FORMS
# Words that open a clause inside a clause (closed class: the subordinators of
# ``lang.en.SIDE_CLAUSE_OPENERS`` and the relative pronouns; "that" after a saying verb opens
# the fact itself, "confirmed that the actress was admitted", so it is not one): a verb
# after one of them, with no comma between, tells background ("shortly after Roe passed
# Ivo Penn", "who was chair of the Velmar harbour board"), not the clause's own fact.
_SUBORDINATE = (
    frozenset(SIDE_CLAUSE_OPENERS) | (RELATIVE_OPENERS - {"that"}) | {"where", "if", "unless"}
)
# What ends the stretch such an opener governs, read back from a verb.
_PHRASE_BREAK = re.compile(r"[,;:()\[\]\"“”]")
_NEGATIONS = frozenset(c for c in NEGATION_CUES if " " not in c) | {"no", "none", "nobody"}


@dataclass(slots=True)
class _Token:
    norm: str
    start: int
    end: int
    content: bool  # not a stop word
    value: str | None  # a number, weekday or month as compared ("10", "sunday", "m2")
    name: bool  # a capitalised word that is not a stop word ("The", "He" are none)


@dataclass(slots=True)
class _Sentence:
    article: ArticleId
    root: ArticleId
    start: int
    end: int
    tokens: list[_Token]
    values: set[str]  # the values the clause gives (numbers, weekdays, months)
    # lemmas of the clause's own verbs (``_verbs``: not in an aside or a relative clause)
    verbs: tuple[str, ...] = ()
    # the clause's own verbs followed by a name (``_objects``): (verb index, predicate class,
    # the name's words), "checked into Promises Treatment Center"
    objects: tuple[tuple[int, str, frozenset[str]], ...] = ()
    # those verbs outside a subordinate clause (``_main_verbs``), as (token index, lemma):
    # "the fire devastated the church", not "shortly after Roe passed Ivo Penn"
    mains: tuple[tuple[int, str], ...] = ()
    # the clause's kernel as a token range (``_kernel``): subject, head verb, its phrase
    kernel: tuple[int, int] = (0, 0)
    partners: dict[int, tuple[int, int, int, int]] = field(default_factory=dict)
    # partners joined only by a shared predicate (below ``MEANING_SIMILARITY``): they join a
    # seed, never a group one hop further
    weak: set[int] = field(default_factory=set)
    # weak partners joined by their construction alone (a report withheld, one event of the
    # same participants): they join a seed but do not rank a clause as one, so a seed the
    # other paths chose keeps its group and gains them
    loose: set[int] = field(default_factory=set)
    # the rare values the clause states (``_rare_values``: a time outside brackets, a sum or
    # a day outside asides and relative clauses too): what may anchor a join
    anchors: frozenset[str] = frozenset()


# Vectors of texts, one L2-normalised row each (the engine's embedder: analysis stages never
# load a model, ``tests/test_layering.py``).
SentenceEncoder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class Meaning:
    """The sentence embedder the caller lends for facts told in other words.

    Attributes:
        encode: texts -> L2-normalised vectors (one row per text).
        embedder: its name, which picks its cosine floor (``MEANING_SIMILARITY``); a name
            with no floor there leaves the word path alone.
    """

    encode: SentenceEncoder
    embedder: str


@dataclass(slots=True)
class Statement:
    """One fact told by several sources: each member's cite and its shared words."""

    cites: list[Cite]
    texts: list[str]


def _value(word: str) -> str | None:
    w = word.lower().rstrip(".")
    if _NUMERIC.match(w) and any(ch.isdigit() for ch in w):
        if _YEAR.fullmatch(w):
            return "y" + w  # a year, written with no separator (a count of 2,000 has one)
        w = re.sub(r"(?<=\d),\s?(?=\d{3})", "", w)  # "2, 000" and "2,000" are 2000
        w = re.sub(r"\s", "", w).replace("–", "-")  # a record "9–14" is "9-14"
        return "0" + w if w.startswith(".") else w
    if w in VALUE_WORDS:
        return VALUE_WORDS[w]
    if w in WEEKDAYS:
        return w
    if w in _MONTH_WORDS:
        return f"m{_MONTH_WORDS[w]}"
    return None


# A number as the values a clause gives are read: a comma goes on with it only before a group
# of three digits, as thousands are written ("2, 000"); "November 22, 2013" gives a day and a
# year, as "22 November 2013" does, not 222013, and "rounds 3, 4" two numbers.
_NUMBER_PART = re.compile(r"\.?\d+(?:(?:[.:]\s?|[-–/])\d+|,\s?\d{3}(?!\d))*(?:st|nd|rd|th)?")


def _values_of(text: str, t: _Token) -> list[str]:
    """The values a number token gives a clause's values (``_Sentence.values``, compared by
    ``_agree``): its own, or, for a token read across a comma that is no thousands separator,
    each number's. The token itself, matched between clauses, keeps its one value."""
    raw = text[t.start : t.end]
    if t.value is None or "," not in raw or not raw[:1].isdigit() or "=" in t.value:
        return [t.value] if t.value is not None else []
    return [v for m in _NUMBER_PART.finditer(raw) if (v := _value(m.group())) is not None]


# A day of the month written as an ordinal ("22nd"), read as its number after a month.
_DAY_ORDINAL = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)")

# Values written in other forms, read as one value of their own kind (``_read_forms``): a
# clock time ("1353 (1023 GMT)", "1:53 p.m.", ECB+'s tokenised "1: 53 p. m."), an age
# ("61-year-old", "Ames, 61,", "aged 61"), a sum ("110 billion euro", "€110bn",
# "EUR 110,000,000,000"). Each equals values of its kind only (``_kind``): a time "1353" is
# no count of 1,353 (``_agree`` still compares figures of every kind as one pool).
_CLOCK = re.compile(r"(?P<h>[01]?\d|2[0-3])(?:[:.]\s?(?P<m>[0-5]\d))?")
# "p.m.", "p. m.", "pm", "PM" right after the number
_MERIDIEM = re.compile(r"\s?(?P<x>[ap])(?:\.\s?m\b\.?|m\b)", re.I)
# a 24-hour "1353" is a time only with a zone or "local time" after it, or the same moment
# in another zone in brackets ("at 1353 (1023 GMT)"); "at 13:53" or "13.53" with a colon
# or point and an hour past 12 is one too
_HHMM = re.compile(r"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)")
_ZONE_AFTER = re.compile(
    r"\s*(?:(?:GMT|UTC)\b|local\s+time\b|hrs\b|\(\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC)\s*\))"
)
_AGE_AFTER = re.compile(r"[-\s]years?[-\s]old\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\baged|\bat\s+(?:the\s+)?age(?:\s+of)?)\s+$", re.I)
# an age between commas after a name ("Ames, 61, was held"), not after a month ("May 5, 36")
_NAME_COMMA_BEFORE = re.compile(r"\b(?P<w>[A-Z][a-z'’.-]+),\s$")
_COMMA_AFTER = re.compile(r",(?!\d)")
# scale words after a number (closed class): "110 billion", "110bn", "110 bn"; the one-letter
# "b." and "m" only beside a currency ("110 b. Euro", "€110m"): "a 100m race" is no sum
_SCALES: Mapping[str, int] = {
    "thousand": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9,
    "trillion": 10**12, "tn": 10**12,
}  # fmt: skip
_SCALE_LETTERS: Mapping[str, int] = {"m": 10**6, "b": 10**9}
# currencies (closed class): a sign or code before the number, a word or code after it
_CURRENCY_SIGNS: Mapping[str, str] = {"$": "USD", "€": "EUR", "£": "GBP"}
_CURRENCY_CODES = frozenset({"usd", "eur", "gbp", "jpy", "chf", "cny"})


def _currency_word(norm: str) -> str | None:
    """The code of a currency word or code ("euros" -> EUR, "eur" -> EUR)."""
    if norm in _CURRENCY_CODES:
        return norm.upper()
    return CURRENCY_WORDS.get(norm)


def _read_forms(text: str, toks: list[_Token]) -> None:
    """Values of ``toks`` written in other forms, read as one value of their kind (in place):
    a clock time ``time=1:53`` (on a 12-hour clock: "1353" and "1:53 p.m." are one time), an
    age ``age=61``, a sum ``EUR=110000000000``. The words that write the form stay words
    ("billion", "euros": two outlets writing one form share them, as before), but for "p. m."
    ("pm" and "p. m." are no words of the fact)."""
    for k, t in enumerate(toks):
        if t.value is None or not t.value[:1].isdigit():
            continue
        raw = text[t.start : t.end]
        after = text[t.end : t.end + 40]
        before = text[max(0, t.start - 30) : t.start]
        clock = _CLOCK.fullmatch(raw)
        meridiem = _MERIDIEM.match(after)
        if clock and meridiem and (clock["m"] or not after[:1].isspace() or "." in meridiem[0]):
            # "1:53 p.m.", "6am", "3 p. m." (not "3 a" nor "2 am" as a word: "2 am not")
            # an hour alone ("3 p.m.") stays an hour: "about 7 p.m." and "7:01 p.m." agree
            hour = int(clock["h"]) % 12
            t.value = f"time={hour}:{clock['m']}" if clock["m"] else f"time={hour}"
            end = t.end + meridiem.end()
            for u in toks[k + 1 :]:
                if u.start >= end:
                    break
                u.content = False  # "p", "m", "pm": the form, not a word of the fact
            continue
        four = _HHMM.fullmatch(raw)
        if four and _ZONE_AFTER.match(after):
            t.value = f"time={int(four['h']) % 12}:{four['m']}"
            continue
        if clock and clock["m"] and ":" in raw and int(clock["h"]) > 12:
            t.value = f"time={int(clock['h']) % 12}:{clock['m']}"  # "at 13:53"
            continue
        if re.fullmatch(r"\d{1,3}", raw) and (
            _AGE_AFTER.match(after)
            or _AGE_BEFORE.search(before)
            or (
                (name := _NAME_COMMA_BEFORE.search(before)) is not None
                and name["w"].rstrip(".").lower() not in _MONTH_WORDS
                and _COMMA_AFTER.match(after)
            )
        ):
            t.value = f"age={raw}"
            continue
        _read_sum(text, toks, k)


def _read_sum(text: str, toks: list[_Token], k: int) -> None:
    """``_read_forms`` for a sum: a number with a scale word, a currency, or both."""
    t = toks[k]
    raw = text[t.start : t.end]
    if not re.fullmatch(r"\d{1,3}(?:,\s?\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", raw):
        return
    sign = text[max(0, t.start - 4) : t.start].rstrip()
    code = _CURRENCY_SIGNS.get(sign[-1:]) if sign else None
    if code is None and k > 0 and toks[k - 1].end >= t.start - 1:
        code = _currency_word(toks[k - 1].norm)  # "EUR 110,000,000,000"
    n = k + 1
    scale = 1
    glued = n < len(toks) and toks[n].start == t.end  # "110bn", "€110m"
    if n < len(toks) and toks[n].norm in _SCALES:
        scale, n = _SCALES[toks[n].norm], n + 1
    elif n < len(toks) and toks[n].norm in _SCALE_LETTERS:
        # "110 b. Euro", "€110m": a letter is a scale only beside a currency
        after = toks[n + 1].norm if n + 1 < len(toks) else ""
        if (glued or text.startswith(".", toks[n].end)) and (code or _currency_word(after)):
            scale, n = _SCALE_LETTERS[toks[n].norm], n + 1
    if code is None and n < len(toks):
        code = _currency_word(toks[n].norm)  # "110 billion euros"
    if scale == 1 and code is not None:
        scale = _range_scale(text, toks, k)  # "between $120 and $130 million"
    if scale == 1 and code is None:
        return
    amount = float(re.sub(r"[,\s]", "", raw)) * scale
    figure = str(int(amount)) if amount == int(amount) else str(amount)
    t.value = f"{code}={figure}" if code else figure
    t.norm = t.value


# The word between the two ends of a range of sums ("$120 to 130 million", "$120-130
# million", "between $120 and $130 million": after "and" or "or" only with the currency
# again, "$5 and 3 million people" is no range): the scale word written once after the
# second end is the first end's too.
_RANGE_BETWEEN = re.compile(r"\s*(?:(?:to|-|–)\s*[$€£]?|(?:and|or)\s*[$€£])\s*$", re.I)


def _range_scale(text: str, toks: list[_Token], k: int) -> int:
    """The scale of a sum written with no scale word of its own, told as the first end of a
    range whose second end has one ("between $120 and $130 million": 120 million, not 120
    dollars); 1 when there is none."""
    for n in (k + 1, k + 2):  # the second end, past the word between them
        if n + 1 < len(toks) and (toks[n].value or "")[:1].isdigit():
            if toks[n + 1].norm in _SCALES and _RANGE_BETWEEN.fullmatch(
                text, toks[k].end, toks[n].start
            ):
                return _SCALES[toks[n + 1].norm]
            return 1
    return 1


# Tens and units written as one hyphenated number word ("sixty-five", "twenty-second"): one
# value, not a count of sixty and another of five.
_TENS = frozenset({"20", "30", "40", "50", "60", "70", "80", "90"})
_UNIT_WORDS: Mapping[str, str] = {"first": "1st", **{
    w: v for w, v in VALUE_WORDS.items() if len(v.rstrip("stndrh")) == 1 and v[:1] != "0"
}}  # fmt: skip


def _compound_numbers(text: str, toks: list[_Token]) -> list[_Token]:
    """``toks`` with each hyphenated tens-and-units number word read as one value token
    ("Sixty-five per cent" -> 65, "twenty-first" -> 21st)."""
    out: list[_Token] = []
    for t in toks:
        prev = out[-1] if out else None
        unit = _UNIT_WORDS.get(text[t.start : t.end].lower())
        if (
            prev is not None
            and unit is not None
            and prev.value in _TENS
            and not text[prev.start : prev.end][:1].isdigit()
            and text[prev.end : t.start] == "-"
        ):
            tens = int(prev.value or "0") + int(unit.rstrip("stndrh"))
            suffix = unit.lstrip("0123456789")
            if suffix:
                suffix = {1: "st", 2: "nd", 3: "rd"}.get(tens % 10, "th")
            prev.value = prev.norm = f"{tens}{suffix}"
            prev.end = t.end
            continue
        out.append(t)
    return out


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    stops = stop_words()
    out: list[_Token] = []
    for m in _TOKEN.finditer(text, start, end):
        raw = m.group()
        if not raw.isascii():
            raw = fold_punctuation(raw)
        norm = raw.lower().replace("’", "'")
        if norm.endswith("'s"):
            norm = norm[:-2]
        value = _value(raw)
        if value == "1" and not raw[:1].isdigit() and text.startswith("-", m.end()):
            value = None  # "one-sided", "one-off", "one-way": a manner, not a count
        if value and out and (out[-1].value or "")[:1] == "m" and _DAY_ORDINAL.fullmatch(value):
            value = value[:-2]  # "February 22nd" is the day of "Feb. 22"
        norm = value or norm  # "Feb." and "February", "ten" and "10" are one word
        out.append(
            _Token(
                norm, m.start(), m.end(),
                content=norm not in stops and (len(norm) > 1 or value is not None),
                value=value,
                name=raw[:1].isupper() and value is None and norm not in stops,
            )
        )  # fmt: skip
    out = _compound_numbers(text, out)
    _read_forms(text, out)
    for t in out:
        if t.value is not None:
            t.norm = t.value
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut into its clauses where one ends ("; ", a dash, ", and" before a new
    subject), pieces shorter than ``MIN_WORDS`` words kept with the clause before them:
    "the attack was 150 miles off the port and the warship was 13 miles away" is two facts."""
    starts, ends = [start], []
    # "and" in "the IBF, IBO and WBO titles", "Oman and Qatar" is a list of names, no break
    breaks = [
        m for m in _CLAUSE_BREAK.finditer(text, start, end)
        if not (_NAME_LIST.match(text, m.start()) and _NAME_BEFORE.search(text, start, m.start()))
    ]  # fmt: skip
    breaks += [
        m for m in _PARTICIPLE_BREAK.finditer(text, start, end)
        if m.group(1) not in NON_PARTICIPLE_ING and m.group(1) not in _SAYING
    ]  # fmt: skip
    for m in sorted(breaks, key=lambda m: m.start()):
        if m.start() < starts[-1]:
            continue  # inside a break already taken
        ends.append(m.start())  # the clause ends before its "; " or ", and" (not cited)
        starts.append(m.end())
    ends.append(end)
    pieces: list[tuple[int, int]] = []
    for s, e in zip(starts, ends, strict=True):
        short = len(_WORDS.findall(text, s, e)) < MIN_WORDS
        if pieces and (short or len(_WORDS.findall(text, *pieces[-1])) < MIN_WORDS):
            pieces[-1] = (pieces[-1][0], e)
        else:
            pieces.append((s, e))
    return pieces


def _candidates(
    articles: Sequence[Article], roots: Mapping[ArticleId, ArticleId]
) -> list[_Sentence]:
    out: list[_Sentence] = []
    per_article = max(
        MIN_SENTENCES, min(MAX_SENTENCES, MAX_STORY_SENTENCES // max(1, len(articles)))
    )
    for a in articles:
        n = 0
        for s, e in sentence_spans(a.text):
            if n >= per_article:
                break
            if not _END.search(a.text, s, e):
                continue  # a headline, a date line, a caption without its stop
            n += 1
            for c0, c1 in _clauses(a.text, s, e):
                toks = _tokens(a.text, c0, c1)
                if c0 > s and _PARTICIPLE_TAIL.match(a.text, c0) and not any(t.value for t in toks):
                    # a participial clause cut off its sentence has no subject of its own:
                    # without a value ("prompting calls for …", "enabling agencies to …")
                    # its few words join loosely, so it is read for no fact; with one
                    # ("rushing for 404 yards and catching 52 passes") its figures hold it
                    continue
                if sum(t.norm.isalpha() for t in toks) >= MIN_WORDS:
                    # a value in brackets is an aside (a record, the same figure in another
                    # unit or clock: "at 1353 (1023 GMT)"), not the clause's own fact
                    asides = [m.span() for m in _BRACKETS.finditer(a.text, c0, c1)]
                    values = {
                        v for t in toks
                        if t.value and not any(b0 <= t.start < b1 for b0, b1 in asides)
                        for v in _values_of(a.text, t)
                    }  # fmt: skip
                    side = asides + _aside_spans(a.text, c0, c1)
                    placed = _verb_positions(toks, side)
                    verbs = tuple(dict.fromkeys(lemma for _k, lemma in placed))
                    mains = _main_verbs(a.text, c0, toks, placed)
                    out.append(
                        _Sentence(
                            a.id, roots.get(a.id, a.id), c0, c1, toks, values, verbs,
                            _objects(a.text, c0, toks, placed), mains,
                            _kernel(a.text, c0, toks, mains),
                        )
                    )  # fmt: skip
                    out[-1].anchors = _rare_values(toks, asides, side)
    return out


def _pairs(sents: Sequence[_Sentence]) -> list[tuple[int, int, float]]:
    """Candidate pairs (i < j, cosine) of different articles whose TF-IDF cosine clears
    the lower bar (``VALUE_SIMILARITY``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [[t.norm for t in s.tokens if t.content] for s in sents]
    try:
        vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True)
        matrix = vec.fit_transform(docs)
    except ValueError:  # no word in any sentence
        return []
    best: dict[tuple[int, int], float] = {}
    step = 512  # rows per block: the product of a block with all rows stays small
    for lo in range(0, len(sents), step):
        block = (matrix[lo : lo + step] @ matrix.T).tocsr()
        for i in range(block.shape[0]):
            a = lo + i
            cols = block.indices[block.indptr[i] : block.indptr[i + 1]]
            vals = block.data[block.indptr[i] : block.indptr[i + 1]]
            near = [
                (float(v), int(b)) for b, v in zip(cols, vals, strict=True)
                if v >= VALUE_SIMILARITY and a != b and sents[a].article != sents[int(b)].article
            ]  # fmt: skip
            # each sentence's MAX_PARTNERS nearest: a story retold by hundreds of outlets
            # stays linear in its sentences
            for v, b in sorted(near, reverse=True)[:MAX_PARTNERS]:
                best[(min(a, b), max(a, b))] = v
    return [(a, b, v) for (a, b), v in sorted(best.items())]


# Background a clause carries beside its fact: a non-restrictive relative clause (", whose
# trademark hair ... ,"), a bracket; taken out of the text that is embedded, so the vector
# (MiniLM reads 32 word pieces) is of what happened.
_ASIDE = re.compile(r",\s+(?:who|whose|which|whom)\b[^,;]*,|\s*\([^()]*\)|\s*\[[^\[\]]*\]")


def _core(text: str) -> str:
    return _ASIDE.sub("", text)


def _aside_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _ASIDE.finditer(text, start, end)]


def _class_keys() -> dict[str, str]:
    """Each verb of ``PREDICATE_CLASSES``, as written and as ``verb_lemma`` reads it -> its
    class."""
    keys: dict[str, str] = {}
    for cls, verbs in PREDICATE_CLASSES.items():
        for v in verbs:
            keys[v] = keys[verb_lemma(v)] = cls
    return keys


def predicate_class(lemma: str) -> str:
    """The class of a verb lemma (``PREDICATE_CLASSES``: "admitt" / "check" / "enter" are
    one), or the lemma itself."""
    return _PREDICATE_CLASS.get(lemma, lemma)


def verb_lemma(word: str) -> str:
    """A verb form's lemma as compared: irregular forms by ``IRREGULAR_VERB_FORMS``, regular
    ones stripped of their ending ("retained" / "retain", "sentenced" / "sentence",
    "admitted" / "admit", "died" / "dies" / "die" all meet); the few forms of
    ``PREDICATE_FORMS`` ("slain") by that table first."""
    w = word.lower()
    w = PREDICATE_FORMS.get(w, w)
    if w in IRREGULAR_VERB_FORMS:
        return IRREGULAR_VERB_FORMS[w]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 3:
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.endswith("e") and len(w) > 2:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "admitt" -> "admit", "stopp" -> "stop"
    return w


_PREDICATE_CLASS = _class_keys()


def _verbs(tokens: Sequence[_Token], asides: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """The lemmas of a clause's own verbs: a plain word after an auxiliary or "to" (an
    "-ly" adverb between them skipped), ending in "-ed", or an irregular past form; not in
    an aside, not right after "who" / "which" / "that" (a relative clause's verb), not a
    saying verb unless passive ("admitted that ..." / "was admitted to a clinic")."""
    return tuple(dict.fromkeys(lemma for _k, lemma in _verb_positions(tokens, asides)))


def _verb_positions(
    tokens: Sequence[_Token], asides: Sequence[tuple[int, int]]
) -> list[tuple[int, str]]:
    """``_verbs``, each with its token index."""
    out: list[tuple[int, str]] = []
    for k, t in enumerate(tokens):
        if not t.content or t.name or t.value is not None:
            continue
        if any(b0 <= t.start < b1 for b0, b1 in asides):
            continue
        j = k - 1
        if j >= 0 and tokens[j].norm.endswith("ly") and tokens[j].content:
            j -= 1  # "has finally entered"
        before = tokens[j].norm if j >= 0 else ""
        if t.norm in _SAYING and before not in PASSIVE_AUXILIARIES:
            continue  # "admitted that", not "was admitted to a clinic"
        if before in RELATIVE_OPENERS:
            continue
        w = t.norm
        if w.endswith("ly"):
            continue  # "has apparently hanged": the adverb is not the verb
        if before in PREDICATE_AUXILIARIES:
            out.append((k, verb_lemma(w)))
            continue
        if not (
            w in IRREGULAR_VERB_FORMS or w in PREDICATE_FORMS or (w.endswith("ed") and len(w) > 3)
        ):
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            (j < 0 or not tokens[j].content or tokens[j].value is not None)
            and after is not None
            and after.content
        ):
            continue  # "the suspected Mafia boss", "99 alleged members": an adjective
        out.append((k, verb_lemma(w)))
    return out


def _subordinate(text: str, start: int, tokens: Sequence[_Token], k: int) -> bool:
    """Whether the verb at token ``k`` is in a subordinate or relative clause: an opener of
    ``_SUBORDINATE`` before it with no comma, bracket or quote mark between."""
    breaks = list(_PHRASE_BREAK.finditer(text, start, tokens[k].start))
    lo = breaks[-1].end() if breaks else start
    return any(t.norm in _SUBORDINATE for t in tokens[:k] if t.start >= lo)


def _main_verbs(
    text: str, start: int, tokens: Sequence[_Token], verbs: Sequence[tuple[int, str]]
) -> tuple[tuple[int, str], ...]:
    """A clause's own verbs (``_verb_positions``, as (token index, lemma)) outside its
    subordinate and relative clauses (``_subordinate``): the verbs of its own facts."""
    return tuple((k, lemma) for k, lemma in verbs if not _subordinate(text, start, tokens, k))


def _objects(
    text: str, start: int, tokens: Sequence[_Token], verbs: Sequence[tuple[int, str]]
) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """The clause's own verbs whose object is a name: the verb (``_verb_positions``; not in
    a subordinate or relative clause, ``_SUBORDINATE``), at most ``OBJECT_GAP`` stop words
    ("into", "herself", "the"), then a run of at least ``OBJECT_NAME_WORDS`` name words:
    "checked herself into Promises Treatment Center", "arrested Ada Mae Roe". Each as (verb
    index, predicate class, the name's words)."""
    out: list[tuple[int, str, frozenset[str]]] = []
    for k, lemma in verbs:
        if _subordinate(text, start, tokens, k):
            continue
        m = k + 1
        while m < len(tokens) and m - k - 1 < OBJECT_GAP and not tokens[m].content:
            m += 1
        run: list[str] = []
        while m < len(tokens) and tokens[m].name:
            run.append(tokens[m].norm)
            m += 1
        if len(set(run)) >= OBJECT_NAME_WORDS:
            out.append((k, predicate_class(lemma), frozenset(run)))
    return tuple(out)


def _same_object_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """Two clauses less alike by their words and vectors that tell one fact all the same:
    one predicate (a verb of one lemma or class) on one named object ("The actress has
    checked into Promises Treatment Center" / "Ada Roe was admitted into Promises Treatment
    Center"), and ``_alike``'s checks (shared words, values, negation); the persons named as
    subjects (before that verb) are not two different people. The whole clauses are cites."""
    hits = [
        (ka, kb) for ka, ca, na in a.objects for kb, cb, nb in b.objects
        if ca == cb and len(na & nb) >= OBJECT_NAME_WORDS
    ]  # fmt: skip
    if not hits:
        return "no named object in common"
    hit = _alike_why(a, b)
    if isinstance(hit, str):
        return hit
    # who did it: the persons before the verb ("according to her publicist, Jack Ketsoyan"
    # after it names who told, not who checked in)
    for ka, kb in hits:
        sa = _person_runs(a.tokens[:ka], persons)
        sb = _person_runs(b.tokens[:kb], persons)
        if not sa or not sb or any(p & q for p in sa for q in sb):
            return hit
    return "two persons as subjects"


def _same_head_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """Two clauses whose words are alike (TF-IDF) but not in one order, so that no shared
    stretch holds them ("The fire devastated the church" / "A church was devastated by
    fire"): one fact when each one's first verb of its own (``mains``: outside asides,
    subordinate and relative clauses) is of one lemma or class, and ``_alike``'s checks hold
    (shared words, values, negation, persons). A verb further on in either clause tells
    another of its facts ("… finished 7-for-14, shortly after Roe passed Ivo Penn"), so it
    does not count. The whole clauses are the cites."""
    if not a.mains or not b.mains:
        return "no verb of its own"
    va, vb = a.mains[0][1], b.mains[0][1]
    if predicate_class(va) != predicate_class(vb):
        return f"other head verbs ({va} / {vb})"
    return _alike_why(a, b, persons)


# What ends a clause's kernel after its head verb (``_kernel``) besides a phrase break: a
# subordinate or relative opener, or a conjunction before the clause's next fact ("…
# moved into a clinic, but the court has not agreed"). Closed class: conjunctions.
_KERNEL_STOPS = _SUBORDINATE | RELATIVE_OPENERS | {"but", "and", "or", "whereas"}


def _kernel(
    text: str, start: int, tokens: Sequence[_Token], mains: Sequence[tuple[int, str]]
) -> tuple[int, int]:
    """A clause's kernel, as a token range: its head verb (the first of ``mains``) with the
    words before it (an opening "After …," or participial phrase left out) and the words of
    its phrase after it, up to a phrase break, a word of ``_KERNEL_STOPS`` or
    ``KERNEL_AFTER`` tokens: "Voters in Tarvia cast ballots Sunday in a regional election"
    of "…, hailed by the government as …". (0, 0) without a head verb."""
    if not mains:
        return 0, 0
    head = mains[0][0]
    k0 = 0
    first = tokens[0].norm
    if first in _SUBORDINATE or (first.endswith(("ing", "ed")) and not tokens[0].name):
        # "After she left a clinic on Thursday, Roe checked into …": from after the comma
        for k in range(1, head + 1):
            if "," in text[tokens[k - 1].end : tokens[k].start]:
                k0 = k
                break
    k1 = head + 1
    while k1 < len(tokens) and k1 - head <= KERNEL_AFTER:
        gap = text[tokens[k1 - 1].end : tokens[k1].start]
        if _PHRASE_BREAK.search(gap) or (not gap.strip() and tokens[k1].norm in _KERNEL_STOPS):
            break  # "three-and-out" goes on
        k1 += 1
    return k0, k1


def _kernel_text(text: str, s: _Sentence) -> str:
    k0, k1 = s.kernel
    return _core(text[s.tokens[k0].start : s.tokens[k1 - 1].end])


def _kernel_pairs(
    sents: Sequence[_Sentence],
    texts: Mapping[ArticleId, str],
    meaning: Meaning,
    persons: frozenset[str] = frozenset(),
    joined: Set[tuple[int, int]] = frozenset(),
) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Pairs (i < j) of clauses of different articles, not ``joined`` by another path
    already, with the stretches ``_same_kernel_why`` cites them for, whose kernels
    (``_kernel``) share
    enough words (``MEANING_SHARED``, ``MEANING_OVERLAP``), pass the word checks of
    ``_same_kernel_why`` and whose kernel vectors are at least ``KERNEL_SIMILARITY`` alike,
    each among the ``MAX_PARTNERS`` nearest of one of its clauses (its rivals there: all
    that clause's pairs of shared words); only kernels shorter than their clause (a whole
    clause is ``_meaning_pairs``' to judge)."""
    floor = KERNEL_SIMILARITY.get(meaning.embedder)
    if floor is None:
        return {}
    keep = [
        i for i, s in enumerate(sents)
        if s.kernel[1] - s.kernel[0] >= 3
    ]  # fmt: skip
    pairs = [
        (keep[a], keep[b])
        for a, b in _word_pairs(
            [sents[i] for i in keep],
            lambda s: {t.norm for t in s.tokens[s.kernel[0] : s.kernel[1]] if t.content},
        )
        if sents[keep[a]].kernel[1] - sents[keep[a]].kernel[0] < len(sents[keep[a]].tokens)
        or sents[keep[b]].kernel[1] - sents[keep[b]].kernel[0] < len(sents[keep[b]].tokens)
    ]
    # the vectors are the cost (a short text each, ~2,500 on ECB+ train): only a pair the
    # kernel rule could join by its words (and no other path joined) needs its cosine, with
    # those of every other pair at its clauses that have more than ``MAX_PARTNERS`` pairs
    # (rivals for their nearest; at a clause with fewer, every pair is among them); other
    # clauses are not embedded. The joins are the same as when every kernel was embedded.
    why = {p: _same_kernel_why(sents[p[0]], sents[p[1]], persons) for p in pairs if p not in joined}
    joinable = {p: found for p, found in why.items() if not isinstance(found, str)}
    ends = {i for p in joinable for i in p}
    degree = Counter(i for p in pairs for i in p)
    crowded = {i for i in ends if degree[i] > MAX_PARTNERS}
    pairs = [p for p in pairs if p in joinable or p[0] in crowded or p[1] in crowded]
    need = sorted({i for p in pairs for i in p})
    if not need:
        return {}
    vecs = np.asarray(
        meaning.encode([_kernel_text(texts[sents[i].article], sents[i]) for i in need])
    )
    if vecs.ndim != 2 or vecs.shape[0] != len(need):
        return {}
    at = {i: k for k, i in enumerate(need)}
    sims = np.einsum("ij,ij->i", vecs[[at[a] for a, _ in pairs]], vecs[[at[b] for _, b in pairs]])
    near: dict[int, list[tuple[float, int]]] = {}
    for k in np.flatnonzero(sims >= floor).tolist():
        (a, b), cos = pairs[k], float(sims[k])
        near.setdefault(a, []).append((cos, b))
        near.setdefault(b, []).append((cos, a))
    best: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for a, found in near.items():
        # at a clause not an end, its rivals are not all here: its nearest are another
        # clause's; at an uncrowded end, all its pairs (``MAX_PARTNERS`` at most) are here
        if a not in ends:
            continue
        for _cos, b in sorted(found, reverse=True)[:MAX_PARTNERS]:
            pair = (min(a, b), max(a, b))
            if pair in joinable:
                best[pair] = joinable[pair]
    return best


def _kernels_clash(a: _Sentence, b: _Sentence) -> str:
    """Why two kernels joined by their words still tell two facts, or ``""``: their own values
    (``VALUE_REACH`` tokens beyond them included) disagree, a figure of the clause's tail
    telling its other facts ("put on the injured list, ending his fourth year" / "put on the
    injured list and will sit out the last three matches"); each is dated by no kind of date
    in common ("spent time at the clinic in 2010" / "checked into the clinic in May" may be
    two stays; an age or a sum is no date, ``UNDATED_KINDS``); or one side is negated."""
    va, vb = _kernel_values(a), _kernel_values(b)
    if not _agree(va, vb):
        return f"values differ ({sorted(va)} / {sorted(vb)})"
    da, db = {_kind(v) for v in va} - UNDATED_KINDS, {_kind(v) for v in vb} - UNDATED_KINDS
    if da and db and not da & db:
        return f"dated apart ({sorted(va)} / {sorted(vb)})"
    if _negated(a.tokens, b.tokens) != _negated(b.tokens, a.tokens):
        return "one side negated"
    return ""


def _same_kernel_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """Two clauses whose kernels (``_kernel``) tell one fact in other words: enough content
    words of the kernels in common (``MEANING_SHARED``, ``MEANING_OVERLAP``), one a plain
    word or head verbs of one lemma or class; and over the whole clauses, the same values,
    both or neither negated, no person put in the place of another. The kernels are cites."""
    (a0, a1), (b0, b1) = a.kernel, b.kernel
    ka, kb = a.tokens[a0:a1], b.tokens[b0:b1]
    ca = {t.norm for t in ka if t.content}
    cb = {t.norm for t in kb if t.content}
    common = ca & cb
    if len(common) < MEANING_SHARED or len(common) < MEANING_OVERLAP * len(ca | cb):
        return f"kernels share few words ({len(common)} of {len(ca | cb)})"
    plain = {t.norm for t in ka if t.content and not t.name and t.value is None} & {
        t.norm for t in kb if t.content and not t.name and t.value is None
    }
    same_verb = predicate_class(a.mains[0][1]) == predicate_class(b.mains[0][1])
    if not plain - _SAYING and not same_verb:
        return "kernels share no plain word"
    # what the verbs act on: with other verbs, a word after each head verb in common ("hit
    # southern Tarvia" / "shook southern Tarvia"); words before them only ("Ames, head of the
    # board, had won …" / "Ames was head of the board") are the subject's, not the fact's
    after_a = {t.norm for t in a.tokens[a.mains[0][0] + 1 : a1] if t.content}
    after_b = {t.norm for t in b.tokens[b.mains[0][0] + 1 : b1] if t.content}
    if not same_verb and not after_a & after_b:
        return "nothing after the head verbs in common"
    clash = _kernels_clash(a, b)
    if clash:
        return clash
    pa, pb = _persons_named(a, persons), _persons_named(b, persons)
    if _persons_apart(pa, pb):
        return "two persons"
    return a0, a1, b0, b1


def _rare_values(
    toks: Sequence[_Token], brackets: Sequence[tuple[int, int]], side: Sequence[tuple[int, int]]
) -> frozenset[str]:
    """The rare values a clause states: a clock time to the minute ("1:53 p.m.", "the quake,
    which struck at 1353, …": one moment, told of one happening) outside its ``brackets``; a
    sum ("110 billion euro") or a day of a month ("Feb. 22", "22 February") outside its
    asides and relative clauses too (``side``): a story's sum or day recurs in the
    background of its other facts ("LaRue, who delivered $300,000 in payoffs, died …")."""
    out: set[str] = set()
    own: list[_Token] = []
    for t in toks:
        if any(b0 <= t.start < b1 for b0, b1 in brackets):
            continue
        if t.value is not None and _kind(t.value) == "time" and ":" in t.value:
            out.add(t.value)
        if not any(b0 <= t.start < b1 for b0, b1 in side):
            own.append(t)
    out |= {t.value for t in own if t.value is not None and _kind(t.value) == "sum"}
    for t, u in itertools.pairwise(own):
        a, b = t.value, u.value
        if a is None or b is None:
            continue
        if _kind(a) == "month" and b.isdigit() and 1 <= int(b) <= 31:
            out.add(f"{a}/{b}")  # "Feb. 22"
        elif _kind(b) == "month" and a.isdigit() and 1 <= int(a) <= 31:
            out.add(f"{b}/{a}")  # "22 February"
    return frozenset(out)


def _anchors(s: _Sentence) -> frozenset[str]:
    """The rare values of a clause that may anchor a join: those of ``_rare_values`` of the
    kinds of ``ANCHOR_KINDS`` ("time", "sum", "day")."""
    return frozenset(v for v in s.anchors if _anchor_kind(v) in ANCHOR_KINDS)


def _anchor_kind(value: str) -> str:
    """ "time", "sum" or "day" (a month and its day, "m2/22") for a rare value."""
    if "/" in value:
        return "day"
    return "time" if _kind(value) == "time" else "sum"


def _anchor_names(s: _Sentence) -> set[str]:
    """The name words of a clause an anchored join may share: capitalised words that are no
    month or weekday (those are values) and no saying word."""
    return {t.norm for t in s.tokens if t.name and len(t.norm) > 1 and t.norm not in _SAYING}


def _anchor_pairs(
    sents: Sequence[_Sentence],
    persons: frozenset[str] = frozenset(),
    joined: Set[tuple[int, int]] = frozenset(),
) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Pairs (i < j) of clauses of different articles, not ``joined`` by another path, that
    state one rare value (``_anchors``: a time to the minute, a sum, a day of a month) and
    share a name word (``_anchor_names``), whatever their other words ("The gala is set
    for the Vell Hall on March 9" / "the prizes go to the winners on 9 March at Vell
    Hall"), when ``_anchor_why``'s checks hold; the whole clauses are the cites."""
    held: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        for v in _anchors(s):
            held.setdefault(v, []).append(i)
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for members in held.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if sents[i].article == sents[j].article or (i, j) in joined or (i, j) in out:
                    continue
                hit = _anchor_why(sents[i], sents[j], persons)
                if not isinstance(hit, str):
                    out[(i, j)] = hit
    return out


def _anchor_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """``_anchor_pairs``' checks, or the first that failed: a rare value in common, a name
    word in common, all their values agreeing kind by kind, both or neither negated, no
    person put in the place of another."""
    common = _anchors(a) & _anchors(b)
    if not common:
        return "no rare value in common"
    if not _anchor_names(a) & _anchor_names(b) and not (
        _timed_verbs(a, common) & _timed_verbs(b, common)
    ):
        return "no name in common, nor the verb of the time"
    return _clauses_clash(a, b, persons) or (0, len(a.tokens), 0, len(b.tokens))


def _timed_verbs(s: _Sentence, times: Set[str]) -> set[str]:
    """The predicate classes of the verbs right before a clock time of ``times`` in a clause
    (``TIME_VERB_GAP`` tokens back: "shook Orlen at 1612", "rocked it at 4:12 p.m.",
    "passed away at 18:41"), a relative clause's too: two clauses saying what happened at one minute with
    verbs of one class tell one fact without a name in common."""
    out: set[str] = set()
    for k, t in enumerate(s.tokens):
        if t.value is None or t.value not in times or _kind(t.value) != "time":
            continue
        for u in s.tokens[max(0, k - TIME_VERB_GAP) : k]:
            w = u.norm
            if (
                u.content
                and not u.name
                and u.value is None
                and (
                    w in IRREGULAR_VERB_FORMS
                    or w in PREDICATE_FORMS
                    or (w.endswith("ed") and len(w) > 3)
                )
            ):
                out.add(predicate_class(verb_lemma(w)))
    return out


def _kernel_values(s: _Sentence) -> set[str]:
    """The values of a clause's kernel and of the ``VALUE_REACH`` tokens around it."""
    k0, k1 = s.kernel
    return {
        t.value
        for t in s.tokens[max(0, k0 - VALUE_REACH) : k1 + VALUE_REACH]
        if t.value is not None
    }


# -- told in other words: a report withheld, one event of the same participants -------------


def _withheld(tokens: Sequence[_Token]) -> tuple[int, int] | None:
    """Where a clause withholds a report ("Roe would not say what …", "he did not specify
    when …", "declined to reveal why …"): (the token index of its negation or refusal verb,
    that of the question word opening what was not told), or ``None``. A negation ("not",
    "never", "…n't") or a refusal verb and "to" (``REFUSAL_VERBS``), at most two "-ly"
    adverbs or a "to" between, a verb of ``WITHHELD_VERBS``, then a question word
    (``WH_WORDS``), an "-ly" adverb allowed before it ("would not say exactly what")."""
    for k, t in enumerate(tokens):
        refusal = (
            k + 1 < len(tokens)
            and tokens[k + 1].norm == "to"
            and verb_lemma(t.norm) in _REFUSAL_LEMMAS
        )
        if not (refusal or t.norm in ("not", "never") or t.norm.endswith(("n't", "n’t"))):
            continue
        m = k + 1
        while (
            m < len(tokens)
            and m - k <= 3
            and (tokens[m].norm == "to" or tokens[m].norm.endswith("ly"))
        ):
            m += 1
        if m >= len(tokens) or not (
            tokens[m].norm in WITHHELD_VERBS or verb_lemma(tokens[m].norm) in _WITHHELD_LEMMAS
        ):
            continue
        w = m + 1
        if w < len(tokens) and tokens[w].norm.endswith("ly"):
            w += 1
        if w < len(tokens) and tokens[w].norm in WH_WORDS:
            return k, w
    return None


_WITHHELD_LEMMAS = frozenset(verb_lemma(v) for v in WITHHELD_VERBS)
_REFUSAL_LEMMAS = frozenset(verb_lemma(v) for v in REFUSAL_VERBS)
# What ends the question a withheld report leaves open: a conjunction before another
# question ("which ward she joined or when she left …"). Closed class.
_QUESTION_STOPS = frozenset({"and", "or", "but", "nor"})


def _question(text: str, s: _Sentence, w: int) -> tuple[int, str, frozenset[str], int] | None:
    """The question a withheld report leaves open, from its question word at token ``w``:
    (its verb's token index, the verb's predicate class, the plain content words after the
    verb, the token index where the question ends), or ``None`` without a verb. It ends at a
    comma, semicolon, colon or bracket, or a word of ``_QUESTION_STOPS``."""
    placed = _verb_positions(s.tokens, [])
    verb = next(((k, lemma) for k, lemma in placed if k > w), None)
    if verb is None:
        return None
    k, lemma = verb
    end = k + 1
    while end < len(s.tokens):
        gap = text[s.tokens[end - 1].end : s.tokens[end].start]
        if re.search(r"[,;:()\[\]]", gap) or s.tokens[end].norm in _QUESTION_STOPS:
            break
        end += 1
    after = frozenset(
        t.norm for t in s.tokens[k + 1 : end] if t.content and not t.name and t.value is None
    )
    return k, predicate_class(lemma), after, end


def _same_withheld_why(
    a: _Sentence, b: _Sentence, text_a: str, text_b: str, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """Two clauses that withhold one report in other words ("Varga would not say which ward
    the singer had joined" / "He did not specify which ward she had joined"):
    each withholds a report (``_withheld``), their questions open with one question word,
    their verbs are of one lemma or class and the plain words after them are the same; the
    whole clauses' values agree; the persons who withheld (before the negation) and those
    the question is about (between its question word and its verb) are not two different
    people where both name one. Cited from the clause's start to the question's end."""
    wa, wb = _withheld(a.tokens), _withheld(b.tokens)
    if wa is None or wb is None:
        return "not a withheld report"
    if a.tokens[wa[1]].norm != b.tokens[wb[1]].norm:
        return "other questions"
    qa, qb = _question(text_a, a, wa[1]), _question(text_b, b, wb[1])
    if qa is None or qb is None:
        return "a question with no verb"
    if qa[1] != qb[1] or qa[2] != qb[2]:
        return f"other questions ({qa[1]} {sorted(qa[2])} / {qb[1]} {sorted(qb[2])})"
    if not _agree(a.values, b.values):
        return f"values differ ({sorted(a.values)} / {sorted(b.values)})"
    for (a0, a1), (b0, b1) in (((0, wa[0]), (0, wb[0])), ((wa[1] + 1, qa[0]), (wb[1] + 1, qb[0]))):
        pa = _person_runs(a.tokens[a0:a1], persons)
        pb = _person_runs(b.tokens[b0:b1], persons)
        if pa and pb and not any(p & q for p in pa for q in pb):
            return "two persons"
    return 0, qa[3], 0, qb[3]


def _withheld_pairs(
    sents: Sequence[_Sentence],
    texts: Mapping[ArticleId, str],
    persons: frozenset[str] = frozenset(),
    joined: Set[tuple[int, int]] = frozenset(),
) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Pairs (i < j) of clauses of different articles, not ``joined`` already, that withhold
    one report (``_same_withheld_why``), with the stretches they are cited for. Few clauses
    withhold a report, so every pair of them is read (no vectors)."""
    held = [i for i, s in enumerate(sents) if _withheld(s.tokens) is not None]
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for x, i in enumerate(held):
        for j in held[x + 1 :]:
            a, b = sents[i], sents[j]
            if a.article == b.article or (i, j) in joined:
                continue
            hit = _same_withheld_why(a, b, texts[a.article], texts[b.article], persons)
            if not isinstance(hit, str):
                out[(i, j)] = hit
    return out


def _roles(
    s: _Sentence, persons: frozenset[str]
) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """The persons of a clause's kernel by their part in its head verb's event: (who did it,
    to whom it was done). Active ("Staunton police arrested Ada Roe"): the persons before the
    head verb did it, those after it had it done; passive (a ``PASSIVE_AUXILIARIES`` word
    before the verb, an "-ly" adverb allowed: "Ada Roe was arrested"): the reverse."""
    k1, head = s.kernel[1], s.mains[0][0]
    before = _person_runs(s.tokens[_teller_end(s) : head], persons)
    after = _person_runs(s.tokens[head + 1 : k1], persons)
    return (after, before) if _passive(s) else (before, after)


def _teller_end(s: _Sentence) -> int:
    """Where the words before a clause's head verb that tell of its event begin: after the
    last saying verb before it ("Police Chief Ivo Penn announced Ada Roe was arrested": the
    teller is no participant), else at its kernel's start."""
    k0, head = s.kernel[0], s.mains[0][0]
    return max([k0] + [k + 1 for k in range(k0, head) if s.tokens[k].norm in _SAYING])


def _infinitive_head(s: _Sentence) -> bool:
    """Whether a clause's head verb is an infinitive: "to" right before it, or "to be" / "to
    have" ("urged Roe to quit", "is expected to be freed", "-ly" adverb allowed): what is
    asked, planned or expected of its subject, not an event that took place."""
    head = s.mains[0][0]
    j = head - 1
    if j >= 0 and s.tokens[j].norm.endswith("ly"):
        j -= 1
    if j >= 0 and s.tokens[j].norm in {"be", "have", "been"}:
        j -= 1
    return j >= 0 and s.tokens[j].norm == "to"


def _passive(s: _Sentence) -> bool:
    """Whether a clause's head verb is passive: a ``PASSIVE_AUXILIARIES`` word right before
    it ("was arrested", "to be placed"), an "-ly" adverb between them allowed."""
    head = s.mains[0][0]
    j = head - 1
    if j >= s.kernel[0] and s.tokens[j].norm.endswith("ly"):
        j -= 1
    return j >= s.kernel[0] and s.tokens[j].norm in PASSIVE_AUXILIARIES


def _same_participants_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """Two clauses telling one event of the same participants in another construction
    ("Ada Roe, who ran the bakery, died on Sunday" / "Ada Roe died Sunday"; "Ada Roe was
    arrested" / "Police arrested Ada Roe"): their head verbs (the first of ``mains``) of one
    lemma or class; a person named in both kernels in one part (who did it, to whom it was
    done, ``_roles``) and none in the other part of the other clause; the names after the
    head verbs that are not persons ("checked into the Betty Ford Center") not two
    different ones; the kernels' values agreeing and not dated apart; both or neither
    negated; no person of either kernel put in the place of another. A weak link, cited for
    the kernels."""
    if not a.mains or not b.mains or a.kernel[1] <= a.kernel[0] or b.kernel[1] <= b.kernel[0]:
        return "no head verb"
    if predicate_class(a.mains[0][1]) != predicate_class(b.mains[0][1]):
        return f"other head verbs ({a.mains[0][1]} / {b.mains[0][1]})"
    if INFINITIVE_HEADS and (_infinitive_head(a) != _infinitive_head(b)):
        # "the council urged Roe to quit" tells what was asked, not that Roe quit
        return "an infinitive head against a finite one"
    (agent_a, patient_a), (agent_b, patient_b) = _roles(a, persons), _roles(b, persons)

    def meet(xs: list[frozenset[str]], ys: list[frozenset[str]]) -> bool:
        return any(x & y for x in xs for y in ys)

    if not (meet(agent_a, agent_b) or meet(patient_a, patient_b)):
        return "no participant in common"
    if meet(agent_a, patient_b) or meet(patient_a, agent_b):
        return "participants in other parts"
    # what the verb tells of its participant: with nothing after either head verb ("Roe
    # was known" / "Roe was known"), the kernel was cut before it
    after_a = [t for t in a.tokens[a.mains[0][0] + 1 : a.kernel[1]] if t.content]
    after_b = [t for t in b.tokens[b.mains[0][0] + 1 : b.kernel[1]] if t.content]
    if not after_a and not after_b:
        return "nothing after the head verbs"
    # both active, each with a subject of words of its own: "the break-in led to Penn's
    # fall" / "the protests led to Penn's fall" are two causes of one end
    before_a = {t.norm for t in a.tokens[_teller_end(a) : a.mains[0][0]] if t.content}
    before_b = {t.norm for t in b.tokens[_teller_end(b) : b.mains[0][0]] if t.content}
    if not _passive(a) and not _passive(b) and before_a and before_b and not before_a & before_b:
        return "other subjects"
    names_a = {
        t.norm
        for t in a.tokens[a.mains[0][0] + 1 : a.kernel[1]]
        if t.name and t.norm not in persons
    }
    names_b = {
        t.norm
        for t in b.tokens[b.mains[0][0] + 1 : b.kernel[1]]
        if t.name and t.norm not in persons
    }
    if names_a and names_b and not names_a & names_b:
        return f"other names after the verb ({sorted(names_a)} / {sorted(names_b)})"
    clash = _kernels_clash(a, b)
    if clash:
        return clash
    pa = _person_runs(a.tokens[a.kernel[0] : a.kernel[1]], persons)
    pb = _person_runs(b.tokens[b.kernel[0] : b.kernel[1]], persons)
    if _persons_apart(pa, pb):
        return "two persons"
    return a.kernel[0], a.kernel[1], b.kernel[0], b.kernel[1]


def _participant_pairs(
    sents: Sequence[_Sentence],
    pairs: Sequence[tuple[int, int]],
    persons: frozenset[str] = frozenset(),
    joined: Set[tuple[int, int]] = frozenset(),
) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Pairs (i < j) among ``pairs`` (clauses sharing enough words, ``_word_pairs``) not
    ``joined`` already that tell one event of the same participants
    (``_same_participants_why``), with the kernels they are cited for."""
    # the head verbs' classes first: most pairs sharing words have other head verbs
    heads = [predicate_class(s.mains[0][1]) if s.mains else None for s in sents]
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for i, j in pairs:
        if heads[i] is None or heads[i] != heads[j] or (i, j) in joined:
            continue
        hit = _same_participants_why(sents[i], sents[j], persons)
        if not isinstance(hit, str):
            out[(i, j)] = hit
    return out


def _stem(lemma: str) -> str:
    """A lemma without a doubled last letter ("travell" of "travelled" / "travel")."""
    return lemma[:-1] if len(lemma) > 3 and lemma[-1] == lemma[-2] else lemma


_CONTROL_LEMMAS = frozenset(_stem(verb_lemma(v)) for v in STANCE_OBJECT_CONTROL_VERBS)
_TRYING_LEMMAS = frozenset(_stem(verb_lemma(v)) for v in TRYING_VERBS)


def _result_infinitive(s: _Sentence) -> _Sentence | None:
    """A clause's result infinitive as a clause of its own ("Roe beat Penn in Alder to keep
    the title": "Roe … keep the title"), or ``None``: a verb of its own (``mains``) after
    "to", past the head verb's object (a content word between them: "refused to quit" is the
    head's complement), the head verb no verb whose object does what the infinitive says
    (``STANCE_OBJECT_CONTROL_VERBS``: "urged Penn to quit") nor one of trying or intending
    (``TRYING_VERBS``), "to" after no noun of trying (``ATTEMPT_NOUNS``: "in a bid to
    keep"). The view keeps the clause's subject: its kernel runs from the clause's kernel
    start to the infinitive's phrase end, its head verb is the infinitive's."""
    if len(s.mains) < 2 or s.kernel[1] <= s.kernel[0]:
        return None
    head, lemma = s.mains[0]
    if _stem(lemma) in _CONTROL_LEMMAS or _stem(lemma) in _TRYING_LEMMAS:
        return None
    for k, inf in s.mains[1:]:
        if k < 2 or s.tokens[k - 1].norm != "to":
            continue
        between = s.tokens[head + 1 : k - 1]
        if not any(t.content for t in between) or s.tokens[k - 2].norm in ATTEMPT_NOUNS:
            return None
        if _stem(inf) in _TRYING_LEMMAS:
            return None
        k1 = k + 1
        while k1 < len(s.tokens) and k1 - k <= KERNEL_AFTER:
            gap = s.tokens[k1 - 1], s.tokens[k1]
            if gap[1].norm in _KERNEL_STOPS or gap[0].end < gap[1].start - 1:
                break
            k1 += 1
        return replace(s, mains=((k, inf), *s.mains), kernel=(s.kernel[0], k1))
    return None


def _same_result_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """One event told as a clause's head ("Roe kept the title") and as another clause's
    result infinitive ("Roe beat Penn in Alder to keep the title", ``_result_infinitive``):
    the infinitive and the head verb of one lemma or class; the subject before the first
    clause's head verb a person in the other clause's part of who did it, and no person in
    the other part; a plain word or a name after both verbs in common (what was kept); the
    kernels' values agreeing, not dated apart, both or neither negated. A weak link, cited
    for the clause's kernel and the other clause's whole infinitive stretch."""
    view = _result_infinitive(a)
    if view is None or not b.mains or b.kernel[1] <= b.kernel[0]:
        return "no result infinitive"
    inf = view.mains[0][0]
    if predicate_class(view.mains[0][1]) != predicate_class(b.mains[0][1]):
        return f"other verbs ({view.mains[0][1]} / {b.mains[0][1]})"
    # who did it: the subject of the clause's own head verb, not its object ("beat Penn")
    doer = _person_runs(a.tokens[_teller_end(a) : a.mains[0][0]], persons)
    done_to = _person_runs(a.tokens[inf + 1 : view.kernel[1]], persons)
    agent_b, patient_b = _roles(b, persons)
    if not any(x & y for x in doer for y in agent_b):
        return "no doer in common"
    if any(x & y for x in doer for y in patient_b) or any(x & y for x in done_to for y in agent_b):
        return "participants in other parts"
    after_a = {t.norm for t in a.tokens[inf + 1 : view.kernel[1]] if t.content}
    after_b = {t.norm for t in b.tokens[b.mains[0][0] + 1 : b.kernel[1]] if t.content}
    if not after_a & after_b:
        return "nothing after the verbs in common"
    clash = _kernels_clash(view, b)
    if clash:
        return clash
    return view.kernel[0], view.kernel[1], b.kernel[0], b.kernel[1]


def _result_pairs(
    sents: Sequence[_Sentence],
    pairs: Sequence[tuple[int, int]],
    persons: frozenset[str] = frozenset(),
    joined: Set[tuple[int, int]] = frozenset(),
) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Pairs (i < j) among ``pairs`` (clauses sharing enough words) not ``joined`` already,
    one telling as its result infinitive the event the other tells as its head
    (``_same_result_why``, tried both ways), with the stretches they are cited for."""
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for i, j in pairs:
        if (i, j) in joined:
            continue
        hit = _same_result_why(sents[i], sents[j], persons)
        if not isinstance(hit, str):
            out[(i, j)] = hit
            continue
        back = _same_result_why(sents[j], sents[i], persons)
        if not isinstance(back, str):
            out[(i, j)] = (back[2], back[3], back[0], back[1])
    return out


def _same_predicate(a: _Sentence, b: _Sentence) -> bool:
    """Whether two clauses share a verb lemma of their own (``_verbs``), or two verbs of one
    class (``PREDICATE_CLASSES``: "checked into" / "was admitted to")."""
    if set(a.verbs) & set(b.verbs):
        return True
    return bool({predicate_class(v) for v in a.verbs} & {predicate_class(v) for v in b.verbs})


def _word_pairs(
    sents: Sequence[_Sentence], words_of: Callable[[_Sentence], set[str]] | None = None
) -> list[tuple[int, int]]:
    """Pairs (i < j) of clauses of different articles that share enough content words for
    ``_alike`` (``MEANING_SHARED``, ``MEANING_OVERLAP``): the only ones worth embedding.
    ``words_of`` gives a clause's words (its content words by default)."""
    import scipy.sparse as sp

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, s in enumerate(sents):
        for w in words_of(s) if words_of is not None else {t.norm for t in s.tokens if t.content}:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    if not vocab:
        return []
    words = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sents), len(vocab))
    )
    sizes = np.asarray(words.sum(axis=1)).ravel()
    ids = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in sents))}
    arts = np.array([ids[s.article] for s in sents])
    out: list[tuple[int, int]] = []
    step = 512
    for lo in range(0, len(sents), step):
        common = (words[lo : lo + step] @ words.T).tocoo()
        a = common.row + lo
        b = common.col
        n = common.data
        keep = (
            (a < b)
            & (arts[a] != arts[b])
            & (n >= MEANING_SHARED)
            & (n >= MEANING_OVERLAP * (sizes[a] + sizes[b] - n))
        )
        out += zip(a[keep].tolist(), b[keep].tolist(), strict=True)
    return out


def _floor(embedder: str) -> float | None:
    """The lowest sentence-vector cosine at which an embedder's pairs are read at all."""
    floors = [f.get(embedder) for f in (MEANING_SIMILARITY, PREDICATE_SIMILARITY)]
    known = [f for f in floors if f is not None]
    return min(known) if known else None


def _meaning_hit(
    a: _Sentence, b: _Sentence, cos: float, embedder: str, persons: frozenset[str]
) -> tuple[int, int, int, int] | str:
    """``_alike`` for a pair of the given cosine: at or above the embedder's
    ``MEANING_SIMILARITY`` as it is; below it, down to ``PREDICATE_SIMILARITY``, only when
    the two share their predicate (``_same_predicate``)."""
    high = MEANING_SIMILARITY.get(embedder)
    if high is None or cos < high:
        low = PREDICATE_SIMILARITY.get(embedder)
        if low is None or cos < low:
            return "below the floor"
        if not _same_predicate(a, b):
            return f"no shared predicate ({list(a.verbs)} / {list(b.verbs)})"
    return _alike_why(a, b, persons)


def _meaning_pairs(
    sents: Sequence[_Sentence],
    texts: Mapping[ArticleId, str],
    meaning: Meaning,
    pairs: Sequence[tuple[int, int]] | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of clauses of different articles that share enough words
    (``_word_pairs``) and whose sentence vectors are at least the embedder's floor alike,
    each clause's ``MAX_PARTNERS`` nearest. Only the clauses of such pairs are embedded."""
    floor = _floor(meaning.embedder)
    if floor is None:
        return {}
    pairs = _word_pairs(sents) if pairs is None else pairs
    need = sorted({i for p in pairs for i in p})
    if not need:
        return {}
    vecs = np.asarray(
        meaning.encode(
            [_core(texts[sents[i].article][sents[i].start : sents[i].end]) for i in need]
        )
    )
    if vecs.ndim != 2 or vecs.shape[0] != len(need):
        return {}
    at = {i: k for k, i in enumerate(need)}
    near: dict[int, list[tuple[float, int]]] = {}
    pa = np.array([at[a] for a, _ in pairs])
    pb = np.array([at[b] for _, b in pairs])
    sims = np.einsum("ij,ij->i", vecs[pa], vecs[pb])
    for k in np.flatnonzero(sims >= floor).tolist():
        (a, b), cos = pairs[k], float(sims[k])
        near.setdefault(a, []).append((cos, b))
        near.setdefault(b, []).append((cos, a))
    best: dict[tuple[int, int], float] = {}
    for a, found in near.items():
        for cos, b in sorted(found, reverse=True)[:MAX_PARTNERS]:
            best[(min(a, b), max(a, b))] = cos
    return best


def _alike(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | None:
    """Two clauses that tell one fact in other words (their vectors are alike): enough
    content words in common, one of them a plain word in both, the same values, both or
    neither negated, no person put in the place of another. The whole clauses are the cites."""
    hit = _alike_why(a, b, persons)
    return None if isinstance(hit, str) else hit


def _alike_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """``_alike``, or the first of its checks that failed (for ``explain_pair``)."""
    ca = {t.norm for t in a.tokens if t.content}
    cb = {t.norm for t in b.tokens if t.content}
    common = ca & cb
    if len(common) < MEANING_SHARED or len(common) < MEANING_OVERLAP * len(ca | cb):
        return f"few shared words ({len(common)} of {len(ca | cb)})"
    plain_a = {t.norm for t in a.tokens if t.content and not t.name and t.value is None}
    plain_b = {t.norm for t in b.tokens if t.content and not t.name and t.value is None}
    if not (plain_a & plain_b) - _SAYING and not _same_predicate(a, b):
        # a verb of its own in each, of one lemma or one class, is a plain word in common
        return "no shared plain word"
    return _clauses_clash(a, b, persons) or (0, len(a.tokens), 0, len(b.tokens))


def _persons_apart(pa: Sequence[frozenset[str]], pb: Sequence[frozenset[str]]) -> bool:
    """Whether each side names a person the other does not ("Ames was charged" / "Roe was
    charged"): two persons, two facts (``_persons_named`` / ``_person_runs`` runs)."""
    return any(not any(p & q for q in pb) for p in pa) and any(
        not any(q & p for p in pa) for q in pb
    )


def _clauses_clash(a: _Sentence, b: _Sentence, persons: frozenset[str]) -> str:
    """Why two whole clauses joined by another check still tell two facts, or ``""``: their
    values disagree, one side is negated, or each names a person the other does not."""
    if not _agree(a.values, b.values):
        return f"values differ ({sorted(a.values)} / {sorted(b.values)})"
    if _negated(a.tokens, b.tokens) != _negated(b.tokens, a.tokens):
        return "one side negated"
    if _persons_apart(_persons_named(a, persons), _persons_named(b, persons)):
        return "two persons"
    return ""


def _negated(tokens: Sequence[_Token], other: Sequence[_Token]) -> bool:
    """Whether a clause is negated against another: a negation cue in it, except a "no"
    that only denies a noun the other clause does not speak of ("sentenced to life with no
    chance of parole" / "sentenced to multiple life sentences" tell one fact; "no one was
    hurt" / "one was hurt" and "were not related" / "were related" do not)."""
    words = {t.norm for t in other if t.content}
    for k, t in enumerate(tokens):
        if t.norm not in _NEGATIONS:
            continue
        if t.norm == "no":
            noun = next((u for u in tokens[k + 1 : k + 3] if u.content), None)
            if noun is not None and noun.value is None and noun.norm not in words:
                continue  # "with no chance of parole": a thing denied, not the clause
        return True
    return False


def _persons_named(s: _Sentence, persons: frozenset[str]) -> list[frozenset[str]]:
    """The persons a clause names: each run of adjacent person-name words ("Bettie Page",
    "Page", "Mark Roesler"); two runs sharing a word are one person."""
    return _person_runs(s.tokens, persons)


def _person_runs(tokens: Sequence[_Token], persons: frozenset[str]) -> list[frozenset[str]]:
    """``_persons_named`` over some tokens of a clause."""
    runs: list[frozenset[str]] = []
    run: list[str] = []
    for t in [*tokens, None]:
        if t is not None and t.name and t.norm in persons:
            run.append(t.norm)
            continue
        if run:
            runs.append(frozenset(run))
            run = []
    return runs


def _same_figures(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | None:
    """Two clauses that give the same figures in another order or other words: at least
    ``SAME_FIGURES`` numbers of two digits or more in common (not ordinals or years), none
    at odds, a plain word in common, both or neither negated, no person put in the place of
    another ("scored 24 goals with 17 assists in 38 matches" / "in 38 matches she netted 24
    goals and 17 assists"). The whole clauses are the cites."""
    hit = _same_figures_why(a, b, persons)
    return None if isinstance(hit, str) else hit


def _same_figures_why(
    a: _Sentence, b: _Sentence, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """``_same_figures``, or the first of its checks that failed (for ``explain_pairs``)."""
    # a one-digit number ("seven villages", a "9" cut from "5. 9") counts anything; an
    # ordinal names ("the 117th Street", "the 7th round") and a year dates (issue 18: years
    # are not quantities) rather than count
    figures = {
        v for v in a.values & b.values
        if _kind(v) == "number" and len(v) >= 2 and not v[-1].isalpha() and not _YEAR.match(v)
    }  # fmt: skip
    if len(figures) < SAME_FIGURES:
        return f"{len(figures)} figures in common"
    if not _agree(a.values, b.values):
        return f"values differ ({sorted(a.values)} / {sorted(b.values)})"
    plain_a = {t.norm for t in a.tokens if t.content and not t.name and t.value is None}
    plain_b = {t.norm for t in b.tokens if t.content and not t.name and t.value is None}
    if not (plain_a & plain_b) - _SAYING:
        return "no shared plain word"
    if _negated(a.tokens, b.tokens) != _negated(b.tokens, a.tokens):
        return "one side negated"
    pa, pb = _persons_named(a, persons), _persons_named(b, persons)
    if _persons_apart(pa, pb):
        return "two persons"
    return 0, len(a.tokens), 0, len(b.tokens)


# The kinds of value a clause gives. A value is equal only to a value of its kind ("1353
# (1023 GMT)" is no count of 1,353), but for ``_agree`` the figures of every kind are one
# pool, as they were: a clause with an age or a time the other lacks and one with a count
# the first lacks are kept apart (read on ECB+ train: comparing ages, ordinals and times
# with their own kinds only joined 10 pairs in 40 that were two facts, "a 28-year veteran"
# / "51-year-old Capt. Tennant").
_FIGURES = frozenset({"number", "ordinal", "time", "age", "sum"})
_POOLS = ("figure", "year", "weekday", "month")


def _kind(value: str) -> str:
    if value in WEEKDAYS:
        return "weekday"
    if "=" in value:  # read by ``_read_forms``: "time=1:53", "age=61", "EUR=110000000000"
        head = value.split("=", 1)[0]
        return head if head in ("time", "age") else "sum"
    if value[:1] == "m":
        return "month"
    # a year dates what it is said of, it counts nothing (issue 18): "his 2005 rampage" and
    # "killed four people" are no two counts at odds
    if value[:1] == "y":
        return "year"
    return "ordinal" if value[:1].isdigit() and value[-1:].isalpha() else "number"


def _agree(va: set[str], vb: set[str]) -> bool:
    """Values agree kind by kind unless each side gives one the other does not ("ten
    killed" and "killed" agree, so do "Ames, 36, was charged" and "Ames was charged";
    "ten" and "five" do not; a year is compared with years only)."""
    for pool in _POOLS:
        ka = {v for v in va if _pool(v) == pool}
        kb = {v for v in vb if _pool(v) == pool}
        if pool == "figure":
            # an hour alone agrees with a time of that hour ("about 7 p.m." / "7:01 p.m.")
            hours_a = {_hour(v) for v in ka if _kind(v) == "time"}
            hours_b = {_hour(v) for v in kb if _kind(v) == "time"}
            ka, kb = ka - hours_b, kb - hours_a
        if ka - kb and kb - ka:
            return False
    return True


def _pool(value: str) -> str:
    """The pool of values ``_agree`` compares a value in: figures of every kind together."""
    kind = _kind(value)
    return "figure" if kind in _FIGURES else kind


def _hour(value: str) -> str:
    """The hour of a clock time as ``_read_forms`` writes an hour alone ("time=7:01" -> "time=7")."""
    return value.split(":", 1)[0]


def _specific(values: set[str]) -> bool:
    """Values that name one thing: a year, a record, a decimal, an edition ("2007",
    "9-14", "0.41", "79th"), or a month with its day."""
    numbers = {v for v in values if _kind(v) in ("number", "ordinal", "year")}
    if any(len(v) >= 3 for v in numbers):
        return True
    if any(_kind(v) == "sum" or (_kind(v) == "time" and ":" in v) for v in values):
        return True  # a sum, a clock time to the minute ("1:53 p.m.")
    return bool(numbers) and any(_kind(v) == "month" for v in values)


def _shared(
    a: _Sentence, b: _Sentence, cos: float, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | None:
    """The token stretch of ``a`` and of ``b`` that the two share, when it holds the same
    values and enough content words; ``None`` otherwise."""
    hit = _shared_why(a, b, cos, persons)
    return None if isinstance(hit, str) else hit


def _shared_why(
    a: _Sentence, b: _Sentence, cos: float, persons: frozenset[str] = frozenset()
) -> tuple[int, int, int, int] | str:
    """``_shared``, or the first of its checks that failed (for ``explain_pair``)."""
    ta, tb = a.tokens, b.tokens
    sm = difflib.SequenceMatcher(None, [t.norm for t in ta], [t.norm for t in tb], autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    matched = [t for m in blocks for t in ta[m.a : m.a + m.size]]
    shared = sum(t.content for t in matched)
    if not blocks or sum(t.content and not t.name and t.norm not in _SAYING for t in matched) < 2:
        return "only names and 'said' in common"  # "…, Sheriff Ames said" twice
    a0, a1 = blocks[0].a, blocks[-1].a + blocks[-1].size
    b0, b1 = blocks[0].b, blocks[-1].b + blocks[-1].size
    if cos >= STATEMENT_SIMILARITY and shared >= MIN_SHARED:
        for toks, lo, hi in ((ta, a0, a1), (tb, b0, b1)):
            if shared < MIN_DENSITY * sum(t.content for t in toks[lo:hi]):
                return "shared words too sparse"  # a few words matched across a long sentence
    elif not (shared >= VALUE_SHARED and _specific({t.value for t in matched if t.value})):
        return f"words: cosine {cos:.2f}, {shared} shared content words, no specific value"
    if not _agree(a.values, b.values):
        # "a 5.6 quake" / "a 5.9 quake", "on Sunday" / "on Monday": two facts
        return f"values differ ({sorted(a.values)} / {sorted(b.values)})"
    wa = ta[max(0, a0 - VALUE_REACH) : a1 + VALUE_REACH]
    wb = tb[max(0, b0 - VALUE_REACH) : b1 + VALUE_REACH]
    if _negated(wa, b.tokens) != _negated(wb, a.tokens):
        return "one side negated"  # "were related" / "were not related"
    for op, i0, i1, j0, j1 in sm.get_opcodes():
        if (
            op == "replace"
            and any(t.name and t.norm in persons for t in ta[i0:i1])
            and any(t.name and t.norm in persons for t in tb[j0:j1])
            and a0 <= i0 < a1
            and b0 <= j0 < b1
        ):
            return "two persons"  # "the victim was Ames" / "the victim was Roe": two people
    return a0, a1, b0, b1


def find_statements(
    articles: Sequence[Article],
    roots: Mapping[ArticleId, ArticleId],
    persons: frozenset[str] = frozenset(),
    meaning: Meaning | None = None,
) -> list[Statement]:
    """Facts that two or more independent sources state in nearly the same words (or, with
    ``meaning``, in other words whose sentence vectors are alike).

    Args:
        articles: the story's articles (copies included: they cite, but count once).
        roots: each article's independent source (``models.source_roots``).
        persons: the lower-cased words of the story's person names: a person's name put
            in the place of another's makes two statements.
        meaning: the caller's sentence embedder; ``None`` (``--embedder tfidf``): words only.

    Returns:
        One ``Statement`` per fact, its members' cites (the shared stretch of each
        sentence) in the order of ``articles``.
    """
    sents = _candidates(articles, roots)
    texts = {a.id: a.text for a in articles}
    _link(sents, texts, persons, meaning)
    return _groups(sents, texts)


def _link(
    sents: Sequence[_Sentence],
    texts: Mapping[ArticleId, str],
    persons: frozenset[str],
    meaning: Meaning | None,
) -> None:
    """Each candidate pair that tells one fact, as partners of both clauses (steps 2-3)."""
    worded = {(i, j): cos for i, j, cos in _pairs(sents)}
    common = _word_pairs(sents)
    alike = _meaning_pairs(sents, texts, meaning, common) if meaning is not None else {}
    # one predicate on one named object: read by their words alone, whatever their vectors
    objects = {(i, j) for i, j in common if sents[i].objects and sents[j].objects}
    early = {
        (i, j): _early_hit(sents, i, j, worded, alike, objects, persons, meaning)
        for i, j in sorted(worded.keys() | alike.keys() | objects)
    }
    joined = {p for p, (hit, _) in early.items() if hit is not None}
    kernels = _kernel_pairs(sents, texts, meaning, persons, joined) if meaning is not None else {}
    withheld = _withheld_pairs(sents, texts, persons, joined | kernels.keys())
    events = _participant_pairs(sents, common, persons, joined | kernels.keys() | withheld.keys())
    results = (
        _result_pairs(sents, common, persons, joined | kernels.keys() | withheld.keys()
                      | events.keys())
        if RESULT_INFINITIVES else {}
    )  # fmt: skip
    taken = joined | kernels.keys() | withheld.keys() | events.keys() | results.keys()
    anchors = _anchor_pairs(sents, persons, taken) if ANCHOR_KINDS else {}
    # the weak links, in the order a pair takes them; loose (``True``): another construction
    # of one fact, not counted when seeds are ranked
    weak_links: list[tuple[Mapping[tuple[int, int], tuple[int, int, int, int]], bool]] = [
        (kernels, False),  # one fact told with other verbs: the kernels alike
        # one report withheld in other words ("would not say what" / "did not specify what")
        (withheld, True),
        # one event of the same participants in another construction ("Roe was arrested" /
        # "police arrested Roe")
        (events, True),
        # one event told as a clause's head and as another's result infinitive ("Roe kept
        # the title" / "Roe beat Penn to keep the title")
        (results, True),
        (anchors, False),  # one rare value and one name in common, whatever the words
    ]
    for i, j in sorted(set(early).union(*(links.keys() for links, _ in weak_links))):
        hit, weak = early.get((i, j), (None, False))
        for links, loose in weak_links:
            if hit is None and (i, j) in links:
                hit, weak = links[(i, j)], True
                if loose:
                    sents[i].loose.add(j)
                    sents[j].loose.add(i)
        if weak:
            sents[i].weak.add(j)
            sents[j].weak.add(i)
        if hit is not None:
            a0, a1, b0, b1 = hit
            sents[i].partners[j] = (a0, a1, b0, b1)
            sents[j].partners[i] = (b0, b1, a0, a1)


def _early_hit(
    sents: Sequence[_Sentence],
    i: int,
    j: int,
    worded: Mapping[tuple[int, int], float],
    alike: Mapping[tuple[int, int], float],
    objects: set[tuple[int, int]],
    persons: frozenset[str],
    meaning: Meaning | None,
) -> tuple[tuple[int, int, int, int] | None, bool]:
    """The stretches by which the paths before the kernels' join a pair of clauses (``None``:
    none does), and whether the link is weak."""
    hit = _shared(sents[i], sents[j], worded[(i, j)], persons) if (i, j) in worded else None
    if hit is None and (i, j) in worded:
        hit = _same_figures(sents[i], sents[j], persons)
    if hit is None and (i, j) in alike:
        embedder = meaning.embedder if meaning is not None else ""
        found = _meaning_hit(sents[i], sents[j], alike[(i, j)], embedder, persons)
        hit = None if isinstance(found, str) else found
        if hit is not None and alike[(i, j)] < MEANING_SIMILARITY.get(embedder, 0.0):
            return hit, True
    if hit is None and worded.get((i, j), 0.0) >= HEAD_SIMILARITY:
        # the same words in another order ("the fire devastated the church" / "the
        # church was devastated by fire"): a weak link, as the shared predicate's
        found = _same_head_why(sents[i], sents[j], persons)
        hit = None if isinstance(found, str) else found
        if hit is not None:
            return hit, True
    if hit is None and (i, j) in objects:
        # a named object is firmer than a shared predicate alone: such a partner takes
        # its own partners one hop further, as the word paths' do
        found = _same_object_why(sents[i], sents[j], persons)
        hit = None if isinstance(found, str) else found
    return hit, False


def _other_stretch(
    s: _Sentence,
    t0: int,
    t1: int,
    before: Sequence[tuple[int, int]],
    seed: _Sentence,
    s0: int,
    s1: int,
) -> bool:
    """Whether a clause already in a group may join another for the stretch ``t0:t1`` it
    shares with that group's seed: a part of the clause only (its shared words, not the whole
    clause a meaning join cites), none of it cited for another fact before, holding
    ``MIN_SHARED`` content words ("… chosen to direct Tidewater, based on the second novel of
    the trilogy": the choice in one claim, the novel in another), with a verb of its own
    of the lemma or class of one in the seed's stretch ``s0:s1``."""
    if t1 - t0 >= len(s.tokens) or sum(t.content for t in s.tokens[t0:t1]) < MIN_SHARED:
        return False
    if any(t0 < b1 and b0 < t1 for b0, b1 in before):
        return False
    # the stretch tells a fact of its own: a verb of the clause's own (not in a subordinate
    # or relative clause, "the depot, which was put up in the 1950s") of the seed's
    # stretch's lemma or class ("… Tidewater, based on the second novel" / "is based on")
    here = {predicate_class(v) for k, v in s.mains if t0 <= k < t1}
    return bool(here & {predicate_class(v) for k, v in seed.mains if s0 <= k < s1})


def _groups(sents: Sequence[_Sentence], texts: Mapping[ArticleId, str]) -> list[Statement]:
    """Stars of partners, seeds first (step 4), each member cited for its shared words."""
    taken: set[int] = set()
    cited: dict[int, list[tuple[int, int]]] = {}  # the part-clause stretches each is cited for
    out: list[Statement] = []
    order = sorted(
        (i for i, s in enumerate(sents) if s.partners),
        key=lambda i: (
            -len({sents[j].root for j in sents[i].partners if j not in sents[i].loose}),
            -len(sents[i].partners.keys() - sents[i].loose),
            i,
        ),
    )
    for seed in order:
        if seed in taken:
            continue
        s = sents[seed]
        members: dict[int, tuple[int, int]] = {}  # sentence -> its shared stretch (t0, t1)
        lo, hi = len(s.tokens), 0
        again: set[int] = set()  # members taken before, cited here for another stretch
        for j, (a0, a1, b0, b1) in s.partners.items():
            if j in taken:
                if not OTHER_STRETCH or not _other_stretch(
                    sents[j], b0, b1, cited.get(j, []), s, a0, a1
                ):
                    continue
                again.add(j)
            members[j] = (b0, b1)  # every verified partner, several of one article too
            lo, hi = min(lo, a0), max(hi, a1)
        arts = {s.article, *(sents[j].article for j in members)}
        for j in [j for j in members if j not in again]:
            # one hop further, for articles not in yet: a partner of a member that the
            # seed's words do not contradict
            for k, (_k0, _k1, c0, c1) in sorted(sents[j].partners.items()):
                o = sents[k]
                if k in taken or k in members or o.article in arts or k in sents[j].weak:
                    continue
                if _agree(s.values, o.values):
                    members[k] = (c0, c1)
                    arts.add(o.article)
        if len({s.root, *(sents[j].root for j in members)}) < 2 and not any(
            t.value for t in s.tokens[lo:hi]
        ):
            continue  # copies share every sentence: alone they make a claim of a value only
        chosen = [(seed, lo, hi), *((j, t0, t1) for j, (t0, t1) in sorted(members.items()))]
        taken.update(j for j, _, _ in chosen)
        for j, t0, t1 in chosen:
            if t1 - t0 < len(sents[j].tokens):
                cited.setdefault(j, []).append((t0, t1))
        cites: list[Cite] = []
        said: list[str] = []
        for j, t0, t1 in chosen:
            o = sents[j]
            c = Cite(o.article, o.tokens[t0].start, o.tokens[t1 - 1].end)
            cites.append(c)
            said.append(texts[o.article][c.start : c.end])
        out.append(Statement(cites, said))
    return out


# -- diagnostics (bench/align.py --why-facts) ----------------------------------------------------


def candidate_clauses(
    articles: Sequence[Article], roots: Mapping[ArticleId, ArticleId]
) -> list[tuple[ArticleId, int, int]]:
    """The candidate clauses ``find_statements`` reads, as (article, start, end), in its order."""
    return [(s.article, s.start, s.end) for s in _candidates(articles, roots)]


def explain_pairs(
    articles: Sequence[Article],
    roots: Mapping[ArticleId, ArticleId],
    pairs: Sequence[tuple[int, int]],
    persons: frozenset[str] = frozenset(),
    meaning: Meaning | None = None,
) -> list[str]:
    """Why each pair of candidate clauses (indices into ``candidate_clauses``) was or was not
    joined: their TF-IDF and sentence-vector cosines, whether each path took them as a
    candidate pair, and the first check of ``_shared`` / ``_alike`` that failed."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    sents = _candidates(articles, roots)
    texts = {a.id: a.text for a in articles}
    docs = [[t.norm for t in s.tokens if t.content] for s in sents]
    matrix = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True).fit_transform(docs)
    worded = {(i, j) for i, j, _ in _pairs(sents)}
    alike = _meaning_pairs(sents, texts, meaning) if meaning is not None else {}
    out: list[str] = []
    for i, j in pairs:
        i, j = min(i, j), max(i, j)
        a, b = sents[i], sents[j]
        cos = float((matrix[i] @ matrix[j].T).toarray()[0, 0])
        why = [f"tfidf {cos:.2f}{' (pair)' if (i, j) in worded else ''}"]
        hit = _shared_why(a, b, cos, persons)
        why.append(f"words: {'joined' if not isinstance(hit, str) else hit}")
        fig = _same_figures_why(a, b, persons)
        why.append(f"figures: {'joined' if not isinstance(fig, str) else fig}")
        obj = _same_object_why(a, b, persons)
        why.append(f"object: {'joined' if not isinstance(obj, str) else obj}")
        held = _same_withheld_why(a, b, texts[a.article], texts[b.article], persons)
        if held != "not a withheld report":
            why.append(f"withheld: {'joined' if not isinstance(held, str) else held}")
        event = _same_participants_why(a, b, persons)
        why.append(f"participants: {'joined' if not isinstance(event, str) else event}")
        anchor = _anchor_why(a, b, persons)
        why.append(f"anchor: {'joined' if not isinstance(anchor, str) else anchor}")
        if meaning is not None:
            vec = np.asarray(
                meaning.encode([_core(texts[s.article][s.start : s.end]) for s in (a, b)])
            )
            floor = MEANING_SIMILARITY.get(meaning.embedder, 1.0)
            mcos = float(vec[0] @ vec[1])
            hit2 = _meaning_hit(a, b, mcos, meaning.embedder, persons)
            why.append(
                f"meaning {mcos:.2f}/{floor:.2f}{' (pair)' if (i, j) in alike else ''}: "
                f"{'alike' if not isinstance(hit2, str) else hit2}"
            )
        out.append("; ".join(why))
    return out

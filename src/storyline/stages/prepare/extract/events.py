"""Events: one timeline entry per dated clause: what happened, who took part, where it is said.

For every :class:`DateMention` the summary is the clause the date belongs to, in the
article's own words with the date phrase kept: with a parse, the subtree of the verb that
governs the date, climbing out of clauses that do not stand alone (a "when …" or "after …"
clause, a relative clause, a verb without a subject, a reported clause under "said") so the
summary is never a broken fragment ("when he arrives"); without a parse, the sentence. A
date in a relative clause about a noun dates that clause, told with its noun ("Roe, who said
last week that …, told parliament" -> "Roe said last week that …"). Two dates of one
sentence whose summaries climb to the same clause: the date that clause's own verb governs
dates it, and the deeper one is told by its own clause ("until the club hired him on June
27", without its marker; a conjoined verb with its shared subject) or left out. A date
bounding a state ("not inspected since 2024", "until the end of 2029") makes an event only
when its sentence has no other date, and a saying's date defers only to a date of a main
clause (not of a relative one) at or before it: an announcement of what lies ahead keeps
its own date.
Summaries longer than ``_MAX_WORDS`` words are cut at a word and end with an ellipsis.

A date in a clause that is not asserted (a condition, a question, a denial:
``polarity.read_polarity``) dates no event. Page furniture is not an event: a date in a time
stamp, a "Last updated" or "Posted" line, a byline, a photo credit or caption
(``dates.is_furniture``, on the mention's line and on its sentence) gives none. The date
of a saying ("…, the chief said on Tuesday") gives none when its sentence dates something
else too: the other date is the event's.

An article with a date (published, or its own date line) also gives its lead, the first
sentence of the body, as an event of that date (``inferred``: the lead reports the news
of the day it was written; its date is not written in it). Actors are the entities named
in the sentence (places left out), in order of first mention; the cite is the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from storyline.lang import REPORTING_FORMS, SPEECH_LEMMAS, alternation
from storyline.lang.en import DAY_PARTS, TIME_HEAD_NOUNS
from storyline.models import Article, Cite, DateMention, Entity, Event
from storyline.stages.prepare.extract._clauses import token_at
from storyline.stages.prepare.extract.context import ArticleContext, governing_verb
from storyline.stages.prepare.extract.dates import is_furniture, text_reference_date
from storyline.stages.prepare.extract.polarity import read_polarity
from storyline.text import normalize_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["build_events", "headline_parts", "restates_headline"]

_MAX_WORDS = 60
# A verb in one of these relations heads a clause that does not stand alone.
_DEPENDENT = {"advcl", "relcl", "acl", "xcomp", "ccomp", "pcomp", "csubj", "csubjpass", "prep"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
_MIN_LEAD_WORDS = 6
# A date in a clause the writer does not assert (a condition, a question:
# ``polarity.read_polarity``) dates no event; nor does a denial ("denied meeting him on May 3"
# is not a meeting). A hypothesis is left in: its modal ("would have started the moment the
# truce took hold in late March") is often the main clause's, not the date's.
_NOT_HAPPENED = frozenset({"conditional", "questioned", "denied"})


# A date that bounds a state rather than dating an event ("not inspected since 2024", "bars
# layoffs until the end of 2029"): an event only when its sentence has no other date.
_BOUNDARY = re.compile(r"\b(?:since|until|till|through|as\s+of)\s+(?:the\s+)?\Z", re.I)
_UNPARSED = 99  # the depth of a summary read without a parse (never replaces another)


def _words_cap(text: str, n: int = _MAX_WORDS) -> str:
    words = text.split()
    if len(words) <= n:
        return text
    return " ".join(words[:n]).rstrip(",;:") + " …"


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # a clause cut out of a quotation keeps one of its marks: drop a lone one at an edge
    if text.endswith("”") and "“" not in text:
        text = text[:-1]
    if text.startswith("“") and "”" not in text:
        text = text[1:]
    if text.count('"') % 2:
        text = text.strip('"')
    text = re.sub(r"^[,;:—–\s]+|[,;:—–\s.]+$", "", text)
    # a clause cut before a spaced possessive's "s" ("from last week ’ s update") keeps its
    # apostrophe alone at the end
    text = re.sub(r"\s+[’']$", "", text)
    return text[:1].upper() + text[1:] if text else text


def _summary_doc(
    doc: Doc, d: DateMention, sent: tuple[int, int]
) -> tuple[str, int, str | None] | None:
    """The clause of the verb that governs the date: its whole subtree, in the text's words;
    how many clauses the summary climbed out of to stand alone (0: the date's own); and,
    when it climbed, the date's own clause told alone (``_own_clause``) or ``None``."""

    def inside(tok: Token) -> bool:
        return sent[0] <= tok.idx < sent[1]

    root = token_at(doc, d.cite.start, d.cite.end)
    if root is None:
        return None
    verb = governing_verb(root, 10, sent)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    relative = _relative_clause(doc, verb, sent)
    if relative is not None:
        return relative, 0, None
    first = verb
    climbed = 0
    for _ in range(8):
        has_subject = any(c.dep_ in _SUBJECTS for c in verb.children)
        marked = any(c.dep_ == "mark" for c in verb.children)
        if has_subject and not marked and verb.dep_ not in _DEPENDENT:
            break
        if verb.head.i == verb.i or not inside(verb.head):
            break
        verb = verb.head
        climbed += 1
    if not any(c.dep_ in _SUBJECTS for c in verb.children) and verb.left_edge.idx > sent[0]:
        # the climb stopped at a verb with no subject (its head lies outside the sentence,
        # as when a headline runs into it): "defeated Drake on Friday" is a fragment; the
        # caller tells the sentence
        return None
    lo = max(verb.left_edge.idx, sent[0])
    right = verb.right_edge
    hi = min(right.idx + len(right.text), sent[1])
    own = _own_clause(doc, first, sent) if climbed else None
    return _clean(_words_cap(doc.text[lo:hi])), climbed, own


def _own_clause(doc: Doc, verb: Token, sent: tuple[int, int]) -> str | None:
    """A dependent clause told alone, in the text's words, for a date that shares its
    sentence's main clause with another: without its marker ("until the club hired him on
    June 27" -> "the club hired him on June 27"), or a conjoined verb with the subject it
    shares ("Roe was fired on Thursday and bought a gun on Friday" -> "Roe bought a gun on
    Friday"). ``None`` when the clause has no subject of its own or shared."""
    right = verb.right_edge
    hi = min(right.idx + len(right.text), sent[1])
    if verb.dep_ == "relcl":
        return None  # "the crimes he committed on May 1": alone, it misses its object
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        toks = list(verb.subtree)
        while toks and toks[0].head.i == verb.i and toks[0].pos_ in ("SCONJ", "ADP", "CCONJ"):
            toks = toks[1:]  # the marker: "until", "after", "and"
        lo = max(toks[0].idx, sent[0]) if toks else hi
        text = doc.text[lo:hi]
    elif verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.idx > verb.idx or subj.left_edge.idx < sent[0]:
            return None
        lefts = [t for t in verb.lefts if t.dep_ in ("aux", "auxpass", "neg", "advmod")]
        lo = lefts[0].idx if lefts else verb.idx
        text = doc.text[subj.left_edge.idx : subj.idx + len(subj.text)] + " " + doc.text[lo:hi]
    else:
        return None
    text = _clean(_words_cap(text))
    return text if len(text.split()) >= 4 else None


def _relative_clause(doc: Doc, verb: Token, sent: tuple[int, int]) -> str | None:
    """A date in a relative clause about a person or thing dates that clause, not the
    sentence's main one ("Roe, who said last week that …, told parliament": the saying was
    last week, not the telling): the noun and its clause, in the text's words, without the
    relative pronoun ("Roe said last week that …"). ``None`` for any other clause."""
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    rel = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        rel is not None
        and rel.pos_ in ("PRON", "PROPN", "NOUN")
        and not any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in verb.children)
        and rel.lower_ not in ("who", "which", "that", "whom", "whose")
        and noun.pos_ in ("PROPN", "NOUN")
        and verb.left_edge.i == noun.i + 1
        and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    ):
        # a clause with no relative pronoun whose noun is its object ("the letters she
        # wrote on June 9"): told with its noun, which it needs; after a noun of
        # time ("the moment the truce took hold in March") the clause has all
        # it needs and is told alone
        alone = noun.lemma_.lower() in TIME_HEAD_NOUNS
        lo = max(verb.left_edge.idx if alone else noun.left_edge.idx, sent[0])
        right = verb.right_edge
        hi = min(right.idx + len(right.text), sent[1])
        return _clean(_words_cap(doc.text[lo:hi]))
    if (
        rel is None
        or rel.lower_ not in ("who", "which", "that")
        or noun.pos_ not in ("PROPN", "NOUN")
    ):
        return None
    if (
        (noun.dep_ in ("pobj", "appos") or noun.ent_type_ in ("GPE", "LOC", "FAC"))
        and rel.i > 0
        and doc[rel.i - 1].text == ","
    ):
        # ", which …" after a prepositional object, an apposition or a place name may be
        # about an earlier noun ("Acme Ltd., a maker of health products, which remained
        # closed"; "the fire at the bakery in Mill Lane, Tarnwick, which started in the
        # kitchen"): the attachment is a guess
        return None
    lo = max(noun.left_edge.idx, sent[0])
    head_end = noun.idx + len(noun.text)
    right = verb.right_edge
    hi = min(right.idx + len(right.text), sent[1])
    if lo >= head_end or rel.idx < head_end:
        return None
    after = doc.text[rel.idx + len(rel.text) : hi]
    return _clean(_words_cap(doc.text[lo:head_end] + " " + after.strip()))


# How a date modifies a noun inside its noun phrase ("the March 2019 spree", "Thursday's game").
_NOUN_MODIFIER = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
_MIN_NP_WORDS = 3  # words of a dated noun phrase besides its date, to stand as an event


def _dated_noun(doc: Doc | None, d: DateMention) -> Token | None:
    """The noun a date modifies inside a phrase that hangs on another noun ("a guard and a
    driver in the March 2019 spree", "two counts for the June 20 shooting"): the date is
    that noun's, not its clause's. ``None`` for a date that is an adverbial of its clause
    ("in March 2019", "on Thursday"), one of a noun that is the clause's subject, object or
    adjunct ("Wednesday's strike grounded flights", "in Thursday's game"), or without a
    parse."""
    if doc is None:
        return None
    tok = token_at(doc, d.cite.start, d.cite.end)
    if tok is None or tok.head.i == tok.i or tok.dep_ not in _NOUN_MODIFIER:
        return None
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN") or d.cite.start <= head.idx < d.cite.end:
        return None
    if head.lower_ in DAY_PARTS:
        return None  # "Thursday evening" is still the date
    prep = head.head
    if head.dep_ != "pobj" or prep.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        # the noun is the clause's subject or object, or an adjunct of its verb ("broke
        # the record in Thursday's game"): its date is the clause's too
        return None
    return head


def _noun_phrase(doc: Doc, noun: Token, d: DateMention, sent: tuple[int, int]) -> str | None:
    """A dated noun phrase told alone, in the text's words ("the June 20 shooting of a bus
    driver"); ``None`` when it says little besides its date ("the December 15 election")."""
    lo = max(noun.left_edge.idx, sent[0])
    right = noun.right_edge
    hi = min(right.idx + len(right.text), sent[1])
    text = doc.text[lo:hi]
    rest = doc.text[lo : d.cite.start] + " " + doc.text[d.cite.end : hi]
    if len(re.findall(r"\w+", rest)) < _MIN_NP_WORDS:
        return None
    return _clean(_words_cap(text))


def _question(text: str, sent: tuple[int, int]) -> bool:
    """Whether the sentence asks rather than tells ("Did you see delays yesterday?")."""
    return re.search(r"\?[!?]*\s*$", text[sent[0] : sent[1]]) is not None


def _summary_text(text: str, sent: tuple[int, int]) -> str:
    return _clean(_words_cap(text[sent[0] : sent[1]]))


# A line longer than this is prose, never furniture (``is_furniture`` needs at most 40 words):
# the line around a date is then not copied out, so a one-line megabyte stays linear.
_MAX_FURNITURE_CHARS = 2_000


def _line(text: str, pos: int) -> str:
    """The line around ``pos``; "" when it is too long to be page furniture."""
    s = text.rfind("\n", max(0, pos - _MAX_FURNITURE_CHARS), pos) + 1
    if s == 0 and pos > _MAX_FURNITURE_CHARS:
        return ""
    e = text.find("\n", pos, pos + _MAX_FURNITURE_CHARS)
    if e < 0 and len(text) - pos > _MAX_FURNITURE_CHARS:
        return ""
    return text[s : len(text) if e < 0 else e]


def _article_day(article: Article) -> str | None:
    if article.published:
        try:
            return date.fromisoformat(article.published[:10]).isoformat()
        except ValueError:
            return None
    ref = text_reference_date(article.text)
    return ref.isoformat() if ref else None


# A told sentence ends with a full stop, inside its closing quote or before it (a headline
# may end in a quoted word: 'Neighbour Calls Suspect: "Very Quiet"').
_LEAD_END = re.compile(r"\.[”\"’]?\s*$")


# A headline's parts: "Main head; deck", "KICKER // Main head" (the deck or kicker is
# often also the first line of a scraped text, with a full stop of its own)
_HEADLINE_SPLIT = re.compile(r"\s*(?:;|\s//\s|\s\|\s)\s*")
_HEADLINE_PART_WORDS = 3  # a shorter part ("Analysis") is a label, not a line of its own


def headline_parts(title: str) -> list[str]:
    """The title and each of its parts of ``_HEADLINE_PART_WORDS`` words or more, as
    ``text.normalize_text`` folds them: "Sanders lays off staff; Win or not, campaign
    aims on" gives the whole, "sanders lays off staff" and "win or not, campaign aims on"."""
    whole = normalize_text(title)
    if not whole:
        return []
    cuts = list(_HEADLINE_SPLIT.finditer(whole))
    parts = _HEADLINE_SPLIT.split(whole)
    # and what stands before or after each cut: "Head; deck one; deck two" has the deck
    # "deck one; deck two" too
    parts += [whole[: m.start()] for m in cuts] + [whole[m.end() :] for m in cuts]
    kept = [p for p in parts if len(p.split()) >= _HEADLINE_PART_WORDS]
    return list(dict.fromkeys([whole, *kept]))


def restates_headline(sentence: str, parts: Sequence[str]) -> bool:
    """Whether ``sentence`` is one of the headline ``parts`` (``headline_parts``), give or
    take its full stop and a word: a headline or deck line, not a sentence of the report."""
    plain = normalize_text(sentence).rstrip(".!?\"' ")
    return any(fuzz.ratio(plain, p.rstrip(".!?\"' ")) >= _HEADLINE_LIKENESS for p in parts)


_HEADLINE_LIKENESS = 90


def _lead(article: Article, sents: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first sentence of the body: not a heading, not furniture, not its title or a
    part of it (a deck line the scrape kept: ``headline_parts``), a real sentence."""
    heads = [(h.start, h.end) for h in article.headings]
    parts = headline_parts(article.title) if article.title and not article.title_inferred else []
    for s, e in sents[:6]:
        body = article.text[s:e]
        if any(hs <= s < he for hs, he in heads) or is_furniture(_line(article.text, s)):
            continue
        if restates_headline(body, parts):
            continue  # the headline or its deck, not the news's first sentence
        if len(body.split()) < _MIN_LEAD_WORDS or not _LEAD_END.search(body):
            continue  # a fragment, a question, a headline ending in a quoted word
        return s, e
    return None


def _not_happened(text: str, doc: Doc | None, sent: tuple[int, int], d: DateMention) -> bool:
    """The date sits in a clause the writer does not assert: a condition, question or
    denial whose cue comes before the date in its sentence ("If there is no
    water in April", "denied meeting him on May 3"); a condition after it ("set for March
    4, if a text is agreed", "told the assembly on Sept. 23 that … if …") leaves the
    dated clause an event."""
    reading = read_polarity(text, doc, sent, d.cite.start, d.cite.end)
    word = re.search(r"[A-Za-z]+", reading.cue or "")
    if reading.polarity not in _NOT_HAPPENED or word is None:
        return False
    return re.search(rf"(?i)\b{word.group()}\b", text[sent[0] : d.cite.start]) is not None


_SAYING_BEFORE = re.compile(
    rf"\b(?:{alternation(REPORTING_FORMS)})\s+(?:(?:on|late|early|last|this)\s+)*$", re.I
)


def _in_relative(doc: Doc | None, d: DateMention) -> bool:
    """Whether the date sits in a relative clause ("the crane that failed last week")."""
    if doc is None:
        return False
    tok = token_at(doc, d.cite.start, d.cite.end)
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _told_before(told: Sequence[DateMention], said: DateMention) -> bool:
    """Whether a sentence dates what it tells at or before its saying ("A fire broke out on
    Monday, the chief said on Tuesday"): the saying's date is then no event of its own. An
    announcement of what lies ahead ("X will host next year, the Academy announced Friday")
    keeps its date: the announcing is the news."""
    for d in told:
        if not (d.date and said.date):
            return True  # (unresolved: read as the news default, a report of the past)
        n = min(len(d.date), len(said.date))
        if d.date[:n] <= said.date[:n]:
            return True
    return False


def _dates_a_saying(text: str, doc: Doc | None, sent: tuple[int, int], d: DateMention) -> bool:
    """Whether the date is when something was said ("…, the chief said on Tuesday")."""
    if doc is None:
        return _SAYING_BEFORE.search(text, sent[0], d.cite.start) is not None
    root = token_at(doc, d.cite.start, d.cite.end)
    if root is None:
        return False
    tok = governing_verb(root, 4)
    return tok.pos_ == "VERB" and tok.lemma_ in SPEECH_LEMMAS


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

    def actors_in(sent: tuple[int, int]) -> list[str]:
        actors: list[str] = []
        for _, _, ent in ctx.mentions_in(*sent):
            if ent.type != "LOC" and ent.id not in actors:
                actors.append(ent.id)
        return actors

    out: list[Event] = []
    dated_sents: set[tuple[int, int]] = set()
    sent_of: dict[int, tuple[int, int]] = {}  # id(event) -> its sentence
    # the dates that make an event of their own: not furniture, not in a clause the writer
    # does not assert, not a boundary of a state ("since 2024", "until the end of 2029")
    reads: list[tuple[DateMention, tuple[int, int], bool]] = []
    for d in dates:
        ctx.deadline.check()
        sent = sents.at(d.cite.start)
        if is_furniture(_line(text, d.cite.start)) or is_furniture(text[sent[0] : sent[1]]):
            continue  # a time stamp, a date line, a credit: not an event
        if _not_happened(text, doc, sent, d) or _question(text, sent):
            continue  # "If there is no water in April, …": a condition is not an event
        reads.append(
            (
                d,
                sent,
                _BOUNDARY.search(text, max(sent[0], d.cite.start - 30), d.cite.start) is not None,
            )
        )
    per_sent = Counter(sent for _, sent, boundary in reads if not boundary)
    # the dates that date what a sentence tells in its main clauses, not a saying of it
    # ("…, the chief said on Tuesday") nor a relative clause ("the crane that failed last
    # week"): a saying's date defers to one of them
    saying = [_dates_a_saying(text, doc, sent, d) for d, sent, _ in reads]
    nouns = [_dated_noun(doc, d) for d, _, _ in reads]
    main_dated: dict[tuple[int, int], list[DateMention]] = {}
    for (d, sent, boundary), said, noun in zip(reads, saying, nouns, strict=True):
        if not boundary and not said and noun is None and not _in_relative(doc, d):
            main_dated.setdefault(sent, []).append(d)
    # (sentence, summary) -> (index in out, depth, own clause)
    kept: dict[tuple[tuple[int, int], str], tuple[int, int, str | None]] = {}
    dropped: set[int] = set()
    for (d, sent, boundary), said, noun in zip(reads, saying, nouns, strict=True):
        if boundary and per_sent[sent]:
            continue  # "returned on Wednesday under a deal that runs until 2029": Wednesday's
        if said and _told_before(main_dated.get(sent, []), d):
            continue  # "…, the chief said on Tuesday": the other date is the event's
        read = _summary_doc(doc, d, sent) if doc is not None else None
        phrase = _noun_phrase(doc, noun, d, sent) if noun and doc and main_dated.get(sent) else None
        if phrase is not None:
            # "was convicted last month … in the March 2019 spree that began at a bank": the
            # clause is last month's; March 2019 dates the spree, told by its noun phrase
            # (one that says little besides its date is read as before: the parse that hung
            # it on a noun is often wrong, "seek seats in the December 15 election")
            read = phrase, 0, None
        summary, climbed, own = read if read is not None else ("", _UNPARSED, None)
        if len(summary.split()) < 4:
            summary, climbed, own = _summary_text(text, sent), _UNPARSED, None
        key = (sent, summary)
        if key in kept and climbed != _UNPARSED:
            # two dates of one sentence whose summaries climb to the same clause: the date
            # of that clause's own verb dates it ("returned to work on Wednesday after a
            # deal that bars layoffs until 2029": Wednesday); the deeper one is told by its
            # own clause when it has one ("until the club hired him on June 27, 2001"), else
            # left out. (A tie, two dates of one verb, is a misparse of one: both stay.)
            k, depth, k_own = kept[key]
            if depth < climbed:
                if own is None:
                    continue
                summary, key = own, (sent, own)
            elif depth > climbed:
                if k_own is None:
                    dropped.add(k)
                else:
                    out[k].summary = k_own
        if key not in kept or kept[key][1] > climbed:
            kept[key] = (len(out), climbed, own)
        if d.date:
            dated_sents.add(sent)
        ev = Event(
            date=d.date,
            date_text=d.date_text,
            summary=summary,
            actors=actors_in(sent),
            cites=[Cite(article.id, sent[0], sent[1])],
            inferred=d.inferred,
            basis=d.basis,
        )
        sent_of[id(ev)] = sent
        out.append(ev)
    out = [e for i, e in enumerate(out) if i not in dropped]
    day = _article_day(article)
    lead = _lead(article, sents.spans) if day else None
    if day and lead and lead not in dated_sents:
        # the lead reports the news of the article's day; its date is not written in it.
        # It stands for the lead's undated mentions ("in the coming days"), same sentence.
        out = [e for e in out if sent_of.get(id(e)) != lead]
        out.append(
            Event(
                date=day,
                date_text="",
                summary=_summary_text(text, lead),
                actors=actors_in(lead),
                cites=[Cite(article.id, lead[0], lead[1])],
                inferred=True,
                basis=f"the article's date, {day}: its lead tells the news of that day",
            )
        )
        out.sort(key=lambda e: e.cites[0].start)
    return out

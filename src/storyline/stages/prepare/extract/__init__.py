"""Extract stage: everything one article says, each fact cited to its characters.

Input: cleaned ``Article`` objects. Output: one ``ArticleFacts`` per article with

- entities (``entities.py``): canonical actors with aliases, roles, affiliations;
- quotes (``quotes.py``): direct, partial and indirect quotes with their speakers;
- quantities (``quantities.py``), dates (``dates.py``), events (``events.py``) and
  stances (``stances.py``).

Every stage of one article reads one ``ArticleContext`` (``context.py``: sentences, quoted
spans, the entity-mention index, the parse), built once per article; the word lists they
match come from ``storyline.lang``.

``extract_many`` parses all articles with one ``nlp.pipe`` call (spaCy batches them), then
runs the stages per article; with ``use_spacy=False`` every stage runs on rules only and gets
``doc=None`` (the fast ``--extractor rules`` path). Every cite is checked against its article
before it leaves the stage.

Limits: each article gets ``timeout`` seconds of extraction (``Settings.extract_timeout``); an
article that hits it keeps the facts of the stages that finished, a warning names it and the
limit, and its facts are marked ``partial`` (never cached as complete: the engine extracts
such an article again next time, and its report notes it). A text longer than spaCy's
``nlp.max_length`` is not parsed (rules only), with a warning naming the article and both
lengths.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.config import EXTRACT_TIMEOUT
from storyline.models import Article, ArticleFacts, Cite

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EXTRACTOR_VERSION", "ExtractTimeout", "extract_facts", "extract_many"]

logger = logging.getLogger(__name__)

# Part of the engine's cache key for stored facts: bump it whenever any stage's output changes.
# 3: quotes and stances carry polarity and confidence; 4: dates and events carry inferred,
# furniture is no event, facts cut short by the time limit are marked ``partial``; quantities
# carry a frame, vague amounts and structural subjects.
# 5: indirect speech from the parse, coreference, countries from pycountry, stance actors.
# 6: a numeric date line of certain order ("Last updated 09:41 21/03/2031") dates its article.
# 7: date lines in capitals, "5th of May", "May. 3"; implied counts ("a climber is dead").
# 9: quantity subjects: what a sum or a rate modifies, the counted noun when no owner, a
#    toll's or a crowd's named place.
# 10: ages, sizes and counted tolls ("people killed") as quantity subjects.
# 11: a negated belief, intention or attitude cue marks its content denied (kept, not dropped);
#    "would not say whether C" is questioned; rules contents end at the writer's "although";
#    names across no-break spaces and headline verbs (entities); "NAME:" lines, poll shares
#    and "according to X" after a colon (indirect).
# 14: speakers across a participial clause or an auxiliary ("Roe, asked about Penn, had
#     said"); no hearer of "asked … to" and no preposition's body in an apposition as speaker;
#     a one-word "person" used only as a place, an opening participle, "Der …" titles and
#     plural proper nouns retyped (entities); "like X" examples (coref); a date under a
#     condition, question or denial dates no event.
# 15: dates ("would" and forecasts; an undated article's anchor a lower bound); events (a
#     saying's, a boundary's and a relative clause's dates; deeper dates told by their own
#     clause); speakers (a trailing cue after a misparsed apposition, a participle's object,
#     indefinite newcomers, pronoun chains and unnamed describers, a lent subject: "a memo
#     stating that"); ages and records (quantities); stance actors from the clause's grammar;
#     a subheading's number has no subject.
# 16: noun speakers (a thing as inner subject, inverted "said X, Y's director", colon
#     introductions, a verb after a partial quote's mark in another clause); one describer
#     rule for unnamed persons, fronted reports (coref); short quoted words a named subject
#     said or applied ("called it “…”"); bare casualty counts ("one killed, two wounded");
#     dates (decades, "every Monday", "January of 1955", an obituary's birth date no anchor)
#     and event text (relative clauses without their pronoun, nouns dated by a phrase).
# 17: "A spokeswoman for X said" gives the spokeswoman; a name modifying a noun is no
#     antecedent; "did not dispute", "never denied", "did not just find" are no denials, a
#     negative subject ("None of them has said") is.
# 21: credited headlines and markup values are no quotes; labelling verbs (portray, cast...);
#     described speakers keep their words as the role, digest lines, participle and reported
#     clause quotes (quotes); "according to X" as a clause, "In [a poll]", relative and copular
#     cues, transcript turns (indirect); surname gender, described interrupting reporters,
#     "it" after an unheld proper noun (coref); "the group" and described businesses link only
#     to an organisation the text ties them to (entities).
# 22: a paragraph-opening quote continues the outer quote; open relative clauses and stage
#     directions name no speaker; a partial quote inside a speaker's phrase is no quote.
# 23: a pull quote's credit line is cut off the quote and read as its speaker.
# 24: noun speakers through demonstratives, web addresses, quoted titles, trailing and
#     inverted attributions; subheads and labels are no quotes (quotes); first-name gender
#     prior, verbless fragments, conjoined subjects, no answer before a named rival (coref).
# 25: a clause read as a speaker phrase gives its subject, a possessive its owner, a word cut
#     at a hyphen no one (quotes).
# 26: an officer named after an organisation, documents after "reads"; unnamed sources' clauses
#     end before "that" (quotes, entities); passive agents, "of" owners, person appositions
#     (coref); indirect contents stop before closing asides, parentheticals, "addressing" an
#     audience is no content (indirect); "whether or not", "should", gerund agents, quoted
#     negations, free relatives (stances); "before <date>" and "will" tenses, headline decks
#     (dates, events).
# 27: a for-gerund on the object's predicate is the object's act (stances); a body "showing" a
#     bare noun reports nothing (indirect).
# 28: poll shares as speakers of reported clauses, a predicate noun's relative clause is the
#     subject's (quotes); "ask" requests and questions, "Asked …, X said" gives no speaker
#     (indirect); clefts, side-clause pronouns, plural demonyms, no guessed "it"/"they" for
#     indirect speech (coref); refusals, "insist that", "is to blame", appositive relatives
#     and more (stances, polarity); "no-one" is no count (quantities); a year-less date of a
#     noun takes no year back (dates); Mr./Ms. of one surname are two people, glued role words
#     are the role (entities).
# 29: a quote that lost its closing mark ends with its paragraph, clause-length quotations in a
#     speaker's relative clause kept, titles after "a co-author of" (quotes: spans); names in
#     the subject's relative clause are no speaker, continued quotations keep the role,
#     organisations hold quoted predicate phrases, transcript labels, control-verb objects as
#     short phrases' sources (quotes: speakers); contents stop before the speaker's next act
#     (indirect); "110 b. Euro" and spaced "bn" are sums, "1612 (1312 GMT)" a time (quantities).
# 30: a quotation before a clause opening its own keeps the earlier speaker, "with X V-ing"
#     quotations, a described person owning a speech noun, a cited headline in parentheses
#     is no speech (quotes); "it reads" is a document, "she added" goes on from the last
#     speaker, an imperative's person object (coref); a report under "quick/careful to",
#     questions as the next act, ", but" clauses and interrupting cues as boundaries
#     (indirect); "urge on" and "free to" are no stance, a stance read inside someone else's
#     quotation is uncertain unless its speaker speaks for the actor (stances); "May"
#     mid-sentence is the month (dates); the narrator's "“…,” I said" is the byline's author
#     or no one (quotes).
# 31: a poll's share is the source of its quoted answer, a person noun labelling a phrase
#     sources it, verbs of complaining report speech, a person subject introduces the quote
#     before a speech noun's owner (quotes); an "nmod" owner with "'s" is the next "he"
#     (coref); pied-piped relatives end a content and "C, X said, D" keeps the rules' whole
#     clause (indirect); "sought to" is an attempt, an object pronoun heading a small clause
#     and a person's stance inside another's report are no usable stance (stances).
EXTRACTOR_VERSION = "31"

_T = TypeVar("_T")


class ExtractTimeout(Exception):
    """An article's extraction ran past its time limit."""


def extract_facts(
    article: Article, *, use_spacy: bool = True, timeout: float = EXTRACT_TIMEOUT
) -> ArticleFacts:
    """Extract the facts of one article (see ``extract_many``)."""
    return extract_many([article], use_spacy=use_spacy, timeout=timeout)[0]


def extract_many(
    articles: Sequence[Article], *, use_spacy: bool = True, timeout: float = EXTRACT_TIMEOUT
) -> list[ArticleFacts]:
    """Extract the facts of many articles, parsing them in one spaCy batch.

    Args:
        articles: cleaned articles.
        use_spacy: parse with spaCy (NER, dependencies); ``False`` runs every stage on rules.
        timeout: seconds allowed per article for the extraction stages (callers pass
            ``Settings.extract_timeout``); ``0`` means no limit.

    Returns:
        One ``ArticleFacts`` per article, in the same order. Every cite lies inside its
        article's text and every quote's text equals its cited span. An article that hits
        the time limit keeps what the stages finished before it (the rest stay empty).
    """
    return [
        _extract_one(a, doc, timeout)
        for a, doc in zip(articles, _docs(articles, use_spacy), strict=True)
    ]


@contextmanager
def _alarm(seconds: float) -> Iterator[bool]:
    """Raise ``ExtractTimeout`` in this thread after ``seconds``; yields whether it is armed.

    Why a signal: the slow cases are a pathological regex or a quadratic loop inside one
    stage, and only an interrupt stops those (CPython runs signal handlers between bytecodes
    and the ``re`` engine checks for signals while it backtracks). A worker thread cannot be
    killed, and a process per article would cost more than most extractions. Signals work
    only on the main thread, and only where no one else uses the real-time timer; elsewhere
    (the web server's threads) the caller falls back to a deadline checked between stages.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield False
        return

    def fire(signum: int, frame: object) -> None:
        raise ExtractTimeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _docs(articles: Sequence[Article], use_spacy: bool) -> Iterator[Doc | None]:
    """Lazily yield each article's parse (``None`` without spaCy or for an oversized text)."""
    if not use_spacy:
        for _ in articles:
            yield None
        return
    from storyline.nlp import bounded_text, load_spacy

    nlp = load_spacy()
    fits = [len(a.text) <= nlp.max_length for a in articles]
    for a, ok in zip(articles, fits, strict=True):
        if not ok:
            logger.warning(
                "extract: article %s has %d characters, over spaCy's limit of %d: "
                "it is not parsed, its facts come from rules only",
                a.id,
                len(a.text),
                nlp.max_length,
            )
    texts = (bounded_text(a.text, a.id) for a, ok in zip(articles, fits, strict=True) if ok)
    parsed = nlp.pipe(texts, batch_size=32)  # same length as each text: offsets hold
    for ok in fits:
        yield next(parsed) if ok else None


def _extract_one(article: Article, doc: Doc | None, timeout: float = 0) -> ArticleFacts:
    # Imported here, not at module top: the engine imports this package for
    # EXTRACTOR_VERSION on every report, and most reports are served from cached facts.
    from storyline.stages.prepare.extract.context import ArticleContext, Deadline
    from storyline.stages.prepare.extract.dates import extract_dates
    from storyline.stages.prepare.extract.entities import extract_entities
    from storyline.stages.prepare.extract.events import build_events
    from storyline.stages.prepare.extract.quantities import extract_quantities
    from storyline.stages.prepare.extract.quotes import extract_quotes
    from storyline.stages.prepare.extract.stances import extract_stances

    deadline = time.monotonic() + timeout if timeout > 0 else None
    expired: list[str] = []  # the stage the limit was hit in, once it is

    def run(name: str, fn: Callable[[], list[_T]]) -> list[_T]:
        # One stage failing on one article must not lose the other stages or articles;
        # the failure is logged with its traceback, and the stage's list stays empty.
        if expired or (deadline is not None and time.monotonic() > deadline):
            expired[:] = expired or [name]
            return []
        try:
            return _checked(article, name, fn())
        except ExtractTimeout:
            expired.append(name)
            return []
        except Exception:
            logger.exception("extract: %s failed on article %s", name, article.id)
            return []

    facts = ArticleFacts(article_id=article.id)
    # built once and read by every stage: sentences, quoted spans, the entity-mention index;
    # its deadline is checked inside the stages' loops (what stops them off the main thread)
    ctx = ArticleContext(article, doc, deadline=Deadline(timeout))
    try:
        with _alarm(timeout):
            entities = run("entities", lambda: extract_entities(article, doc, ctx))
            ctx.set_entities(entities)
            dates = run("dates", lambda: extract_dates(article, doc, ctx))
            facts = ArticleFacts(
                article_id=article.id,
                entities=entities,
                quotes=run("quotes", lambda: extract_quotes(article, doc, entities, ctx)),
                quantities=run(
                    "quantities", lambda: extract_quantities(article, doc, entities, ctx)
                ),
                dates=dates,
                events=run("events", lambda: build_events(article, doc, dates, entities, ctx)),
                stances=run("stances", lambda: extract_stances(article, doc, entities, ctx)),
            )
    except ExtractTimeout:  # the alarm fired outside ``run`` (between stages, or disarming)
        expired.append("between stages")
    if expired:
        logger.warning(
            "extract: article %s hit the %g s extraction time limit (in %s); its facts are "
            "partial (raise it with STORYLINE_EXTRACT_TIMEOUT)",
            article.id,
            timeout,
            expired[0],
        )
        # Marked, so that no cache keeps them as the article's facts and the report says so.
        facts.partial = (
            f"facts partial: extraction stopped at the {timeout:g} s time limit "
            f"(in {expired[0]}); raise STORYLINE_EXTRACT_TIMEOUT"
        )
    return facts


def _checked(article: Article, stage: str, items: list[_T]) -> list[_T]:
    """Drop (and log) any item whose cite falls outside the article or misquotes it."""
    n = len(article.text)
    kept: list[_T] = []
    for item in items:
        cites = _cites_of(item)
        bad = [c for c in cites if c.article != article.id or not 0 <= c.start < c.end <= n]
        text = getattr(item, "text", None)
        cite = getattr(item, "cite", None)
        if stage == "quotes" and cite is not None and text != article.text[cite.start : cite.end]:
            bad.append(cite)
        if bad:
            logger.warning(
                "extract: %s dropped an item with a bad cite %s in %s", stage, bad[0], article.id
            )
            continue
        kept.append(item)
    return kept


def _cites_of(item: Any) -> list[Cite]:
    cites: list[Cite] = []
    for attr in ("cite", "cites", "mentions"):
        value = getattr(item, attr, None)
        if isinstance(value, Cite):
            cites.append(value)
        elif isinstance(value, list):
            cites.extend(c for c in value if isinstance(c, Cite))
    return cites

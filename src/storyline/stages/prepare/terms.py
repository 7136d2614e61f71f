"""Term extraction: cheap entity-like terms of an article, a clustering and dedup signal.

Per article and pure: ``article_terms`` reads only the cleaned article, so it runs in the
prepare phase (``batch`` workers, the engine's prepare step) and its terms are stored with
the article. The story index weighs them by IDF (``stages/commit/index.py``); dedup reads
them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from storyline.lang import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    TIME_WORDS,
    TIME_ZONES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    stop_words,
)
from storyline.lang.actions import (
    ACTION_OF,
    APPOINTING_WORDS,
    KILLING_WORDS,
    LEGAL_STEPS,
    OFFICE_NOUNS,
    OFFICE_SPAN,
    OUTCOME_ACTIONS,
    OUTCOME_OF,
    PHRASE_ACTIONS,
    UNREALISED_CUES,
    UNREALISED_SPAN,
    VIOLENT_ACTS,
)
from storyline.lang.names import NAME_CONNECTORS
from storyline.models import Article
from storyline.stages.prepare.extract.dates import find_date_spans, resolve_yearless
from storyline.text import fold_punctuation, normalize_text, sentence_spans

# sklearn's English stop-word list is the vocabulary of words that are capitalised only
# because they open a sentence (the list itself is storyline.lang.stop_words).
_CALENDAR = frozenset(
    {*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *TIME_WORDS, *TIME_ZONES}
)
# Numbers ("2,400", "6.1", "90-day"), words (with inner apostrophes, dots, hyphens:
# "U.S.", "Jean-Noel", "O'Brien") and single
# punctuation marks, which end a run of capitalised words ("in Gaza, French officials").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:-[^\W_]+)*|[^\W_]+(?:['.-][^\W_]+)*\.?|[^\w\s]", re.UNICODE)
MAX_TERMS = 80
# Principal actors: the names an article repeats most (at least ``PRINCIPAL_MIN`` times),
# at most ``PRINCIPALS`` of them, stored as ``#p:``-prefixed terms after the others. Two
# articles of one topic about different people or places (two drink-driving arrests of
# one team's players, two offers for one player by two clubs) differ here first.
PRINCIPAL_PREFIX = "#p:"
PRINCIPALS = 2
PRINCIPAL_MIN = 2
# Event identity: the article's main action (``#a:``, an action of ``lang.EVENT_ACTIONS``
# named in its headline) and, for an article without a published date, the day its
# lead gives with a year (``#d:YYYY-MM-DD``). Two articles about the same people a week
# apart, one on a strike and one on the deal that ended it, differ here.
ACTION_PREFIX = "#a:"
# The actions of the lead's first sentence when the headline names none (``lead_actions``,
# ``#l:``): weaker evidence, which the index reads only for opposed phases of a storyline.
LEAD_ACTION_PREFIX = "#l:"
DAY_PREFIX = "#d:"
# A violent crime's legal coda (``legal_coda``): its publication day is not its event's.
CODA_TERM = "#c:legal"
# Principal themes (``theme_terms``): the things the headline names that the text repeats
# in lower case (``#t:``: "memos", "questions", "ballots"), and the words a theme of another
# article is looked up in (``#w:``: the headline's other content words and the words the
# text repeats most). Two articles about the same people, one on memos released and one on
# a prosecutor's questions, differ here when neither names the other's thing.
THEME_PREFIX = "#t:"
WORD_PREFIX = "#w:"
THEME_MIN = 2  # lower-case mentions in the text that make a headline word a theme
WORD_MIN = 2  # lower-case mentions in the text that make a word one of the ``#w:`` words
THEME_WORDS = 40  # most repeated words of the text stored as ``#w:`` terms
THEME_LEN = 4  # shortest theme word (shorter ones are mostly function words)
LEAD_CHARS = 400  # characters of the text read for a lead date
# The version of ``article_terms``' output, stored with the terms (``writer_state``): bump it
# whenever the terms an article gets change, so that ``recluster`` computes a store's terms
# again (a clean run would use the new ones). 1: the eighth session's (lead actions, legal
# codas, political steps); 2: principal themes (``#t:``, ``#w:``).
TERMS_VERSION = "3"


def _norm_word(word: str) -> str:
    """A word as a term: ``normalize_text`` (cached; ASCII only needs lower-casing), no "'s"."""
    w = _NORM_CACHE.get(word)
    if w is None:
        # normalize_text is the identity apart from case on ASCII words (its folding and
        # accent stripping touch only non-ASCII characters); it costs a per-character pass.
        w = (word.lower() if word.isascii() else normalize_text(word)).rstrip(".")
        w = w[:-2] if w.endswith("'s") else w
        if len(_NORM_CACHE) < 200_000:
            _NORM_CACHE[word] = w
    return w


_NORM_CACHE: dict[str, str] = {}


def article_terms(article: Article) -> list[str]:
    """Cheap entity-like terms of an article, a clustering signal stored with it.

    Runs of capitalised words (allowing "of", "de", "al"... inside) give the lower-cased
    run ("betty ford center") and its words ("betty", "ford", "center"); numbers of two or
    more digits give ``#``-prefixed terms ("#2013", "#6.1", "#90-day"). Punctuation ends a
    run; a stop word does not start one ("The", "In"), unless written in capitals ("US").
    Lines in Title Case (headlines, bylines) give their capitalised words one by one.
    Sentence openers that are not names ("Speaking", "Earlier") get through; IDF weighs
    them down (requiring other evidence for an opener lost more names than it removed
    noise on ECB+ train).
    Month and weekday names are dropped. Terms are unique, in order of first appearance
    (the title first when it is a real one), at most ``MAX_TERMS``. Then come up to
    ``PRINCIPALS`` principal actors, ``#p:``-prefixed: the single-word names of running
    text (not of Title Case lines) mentioned most, at least ``PRINCIPAL_MIN`` times.

    Args:
        article: a cleaned article.

    Returns:
        The terms, lower-cased and normalised with ``text.normalize_text``.
    """
    stop = stop_words()
    texts = []
    if article.title and not article.title_inferred:
        texts.append(article.title)
    texts.append(article.text)
    sentences: list[list[str]] = []
    n_title = 0  # sentences of the title (read first)
    for k, text in enumerate(texts):
        folded = fold_punctuation(text)
        for s, e in sentence_spans(folded):
            toks = _TOKEN.findall(folded[s:e])
            if any(t[0].isalnum() for t in toks):
                sentences.append(toks)
                n_title += k < len(texts) - 1

    # Title Case lines (headlines, bylines) capitalise every word: there, no runs.
    title_case = []
    for toks in sentences:
        words = [t for t in toks if t[0].isalnum()]
        caps = sum(1 for w in words if w[0].isupper())
        title_case.append(len(words) >= 3 and caps >= 0.7 * len(words))

    out: dict[str, None] = {}
    names: dict[str, int] = {}  # single-word names outside Title Case lines -> mentions

    def emit(term: str) -> None:
        if term and len(out) < MAX_TERMS:
            out.setdefault(term, None)

    def count_run(run: list[tuple[str, bool]]) -> None:
        for n, caps in run:
            if len(n) > 2 and n not in NAME_CONNECTORS and (caps or n not in stop):
                names[n] = names.get(n, 0) + 1

    for toks, is_title in zip(sentences, title_case, strict=True):
        if is_title:
            for w in toks:
                n = _norm_word(w)
                if w[0].isupper() and n not in stop and n not in _CALENDAR and len(n) > 1:
                    emit(n)
                elif w[0].isdigit():
                    emit(_number_term(w))
            continue
        run: list[tuple[str, bool]] = []  # (normalised word, written in capitals)
        for w in toks:
            if not w[0].isalnum():
                if run:
                    _emit_run(run, stop, emit)
                    run = []
                continue
            n = _norm_word(w)
            caps = w.isupper() and len(w) > 1
            if (
                w[0].isupper()
                and n not in _CALENDAR
                and n != "i"
                and (run or caps or n not in stop)
            ):
                run.append((n, caps))
                continue
            elif run and n in NAME_CONNECTORS:
                run.append((n, False))
                continue
            if run:
                count_run(run)
                _emit_run(run, stop, emit)
                run = []
            if w[0].isdigit():
                emit(_number_term(w))
        count_run(run)
        _emit_run(run, stop, emit)
    ranked = sorted(names, key=lambda n: -names[n])  # stable: first mention breaks ties
    principals = [n for n in ranked[:PRINCIPALS] if names[n] >= PRINCIPAL_MIN]
    extra = [PRINCIPAL_PREFIX + n for n in principals]
    actions = headline_actions(article)
    extra.extend(ACTION_PREFIX + a for a in actions)
    if not actions:
        extra.extend(LEAD_ACTION_PREFIX + a for a in lead_actions(article))
    day = lead_day(article)
    if day:
        extra.append(DAY_PREFIX + day)
    if legal_coda(article):
        extra.append(CODA_TERM)
    themes, words = theme_terms(article, sentences[n_title:])
    extra.extend(THEME_PREFIX + w for w in themes)
    extra.extend(WORD_PREFIX + w for w in words)
    return list(out) + extra


def _singular(word: str) -> str:
    """A crude singular, so that "memo" and "memos", "ballot" and "ballots" agree: "-ies"
    to "-y", a final "s" dropped (not after "s", "u" or "i": "press", "status", "crisis")."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def _content_word(word: str, stop: frozenset[str]) -> bool:
    """A word that may name a theme: of ``THEME_LEN`` letters or more, not a stop word, a
    calendar word, an action or an outcome (those are the event's action, read apart)."""
    return (
        len(word) >= THEME_LEN
        and word[0].isalpha()
        and word not in stop
        and word not in _CALENDAR
        and word not in ACTION_OF
        and word not in OUTCOME_OF
    )


def theme_terms(
    article: Article, body: list[list[str]] | None = None
) -> tuple[list[str], list[str]]:
    """The article's principal themes and the words another article's themes are looked up
    in (issue 19: sibling events about the same actors, "committee releases the memos" and
    "counsel sends the president 38 questions", a few days apart and undated).

    A theme is a content word of the headline (``_content_word``; as ``headline_actions``
    reads it: lower-case words, and every word of a Title Case headline) that the text
    repeats written in lower case (at least ``THEME_MIN`` times; names are capitalised, so
    "Verrine" is never one): the thing the article is about. The words are the headline's
    other content words and the ``THEME_WORDS`` content words the text repeats most (at
    least ``WORD_MIN`` times in lower case). Both in a crude singular (``_singular``).
    Empty without a real headline. ``body`` is the text's tokens per sentence when the
    caller has them (``article_terms``)."""
    if not article.title or article.title_inferred:
        return [], []
    stop = stop_words()
    if body is None:
        folded = fold_punctuation(article.text)
        body = [_TOKEN.findall(folded[s:e]) for s, e in sentence_spans(folded)]
    counts: dict[str, int] = {}
    for toks in body:
        for t in toks:
            if t[0].islower():
                w = _norm_word(t)
                if _content_word(w, stop):
                    w = _singular(w)
                    counts[w] = counts.get(w, 0) + 1
    said = (w[:-2] if w.endswith("'s") else w for w in _action_words(article.title, True))
    head = dict.fromkeys(_singular(w) for w in said if _content_word(w, stop))
    themes = [w for w in head if counts.get(w, 0) >= THEME_MIN]
    if not themes:
        return [], []
    ranked = sorted((w for w in counts if counts[w] >= WORD_MIN), key=lambda w: -counts[w])
    words = dict.fromkeys(w for w in [*head, *ranked[:THEME_WORDS]] if w not in themes)
    return themes, list(words)


# the words that may name a legal step (``legal_coda``'s first, cheap test): its forms and
# the last words of the two-word phrases that name one ("death sentence", "found guilty")
_LEGAL_WORDS = frozenset(
    [w for w, a in ACTION_OF.items() if a in LEGAL_STEPS]
    + [pair[1] for pair, a in PHRASE_ACTIONS.items() if a in LEGAL_STEPS]
)


def legal_coda(article: Article) -> bool:
    """Whether the article's headline or lead tells a step of a prosecution for a violent
    crime: one sentence of the title or of the first ``LEAD_CHARS`` characters names a
    legal step (``lang.actions.LEGAL_STEPS``: charged, trial, convicted, sentenced) and an
    act with a victim (``VIOLENT_ACTS``: shot, stabbed; ``KILLING_WORDS``: murder,
    killed). "Woman charged with murder in plant shooting", "Gunman who shot a deputy
    sentenced to death": the crime is the event and this its coda, published weeks or
    years after it, so the index does not read the publication day as the event's
    (``stages/commit/index.py``).
    "Mayor charged with bribery" and "Man arrested over forest fire" are not codas: no
    victim of violence, the charge is the news.
    """
    texts = [article.title or "", article.text[:LEAD_CHARS]]
    window = " ".join(texts).lower()
    if _LEGAL_WORDS.isdisjoint(w.rstrip(".") for w in _TOKEN.findall(window)):
        return False  # most articles: no legal step named
    for text in texts:
        folded = fold_punctuation(text)
        for s, e in sentence_spans(folded):
            words = [w.lower().rstrip(".") for w in _TOKEN.findall(folded[s:e]) if w[0].isalnum()]
            named: set[str] = set()
            for w, nxt in zip(words, [*words[1:], ""], strict=False):
                phrase = PHRASE_ACTIONS.get((w, nxt))
                if phrase:
                    named.add(phrase)
                named.add(ACTION_OF.get(w, ""))
            violent = named & VIOLENT_ACTS or not KILLING_WORDS.isdisjoint(words)
            if named & LEGAL_STEPS and violent:
                return True
    return False


def _action_words(text: str, headline: bool) -> Iterator[str]:
    """The words of ``text`` that may name an action, lower-cased: words written in lower
    case, and the first word of a sentence; every word of a headline in Title Case. Other
    capitalised words are names ("Promises Treatment Center", "Fire Department"), and so
    are they in a headline in sentence case ("Senator leaves Accord": a party, not a deal;
    ``_title_case``)."""
    folded = fold_punctuation(text)
    every = headline and _title_case(folded)
    for s, e in sentence_spans(folded):
        first = True
        for w in _TOKEN.findall(folded[s:e]):
            if not w[0].isalnum():
                continue
            if every or first or w[0].islower():
                yield w.lower().rstrip(".")
            first = False


def _title_case(text: str) -> bool:
    """Whether a headline is written in Title Case: most of its words of four letters or
    more after the first are capitalised ("Tarnby Mayor Quits Over Audit"), not in
    sentence case, where only names are ("Senator Orme leaves Accord"). A headline of
    names alone ("Orme Tarnby") counts as Title Case, as before."""
    words = [w for w in _TOKEN.findall(text)[1:] if len(w) >= 4 and w[0].isalpha()]
    return not words or 2 * sum(w[0].isupper() for w in words) > len(words)


# A headline opened by a short topic label and a colon ("Port Halden fire: …", "Ferry
# strike: …"); not a quoted speaker's words after a name ("Roe: 'We will …'"), nor a long
# clause.
_TOPIC_LABEL = re.compile(r"\s*(?:[\w'’&-]+\s+){0,3}[\w'’&-]*[a-z][\w'’&-]*:\s+(?![\"“‘'])")


def headline_actions(article: Article) -> list[str]:
    """The actions of ``lang.EVENT_ACTIONS`` the article's headline names, in order (the
    first is its *main action*), or an outcome (``OUTCOME_ACTIONS``: "killed", "dead")
    when it names no other action; empty without a headline (a title the cleaner only
    inferred is none) or when it names neither. Two-word phrases (``PHRASE_ACTIONS``:
    "under fire", "steps down") are read before their words; an action right after a
    word that says it has not happened (``UNREALISED_CUES``: "threaten new protests",
    "weighs strike") is not named. An action named by a modifier (``_modifier``: "Stolen
    painting found", "merger veto") comes after the others: it is the topic, not the
    headline's predicate, and so is a topic label before a colon ("Port Halden fire:
    padlock found").

    The headline, not the lead: on ECB+ train the first action of the lead sentence
    differs between two articles of one event about as often as between two sibling
    events (16% and 21% of pairs), a headline's much less often (2%). A word list rather
    than a parse: this runs for every stored article in the prepare phase (no spaCy
    there), and the list's synonyms ("quake", "tremor") make two outlets' wordings of one
    event agree.
    """
    if not article.title or article.title_inferred:
        return []
    title = article.title
    label = _TOPIC_LABEL.match(title)
    # "Port Halden fire: padlock found on exit": a label naming the story's topic, then the
    # headline; the label's words name actions as a modifier does (after the headline's)
    n_label = len(list(_action_words(title[: label.end()], headline=True))) if label else 0
    return _actions(list(_action_words(title, headline=True)), n_label)


def lead_actions(article: Article) -> list[str]:
    """The actions the lead's first sentence names (as ``headline_actions`` reads a
    headline: lower-case words and the sentence's first, ``UNREALISED_CUES``), for an
    article whose headline names none: "The committee on Tuesday released seven memos",
    "The Senate on Tuesday passed the act". Only the first sentence: later ones retell
    the background (the earlier events of the storyline). Empty for an article with an
    inferred title (its first sentence is its title, read already) or without text."""
    if article.title_inferred or not article.title:
        return []
    folded = fold_punctuation(article.text[:LEAD_CHARS])
    for s, e in sentence_spans(folded):
        return _actions(list(_action_words(folded[s:e], headline=False)))
    return []


def _actions(words: list[str], n_label: int = 0) -> list[str]:
    """The actions ``words`` name, main first (``headline_actions``)."""
    found: dict[str, None] = {}
    modifiers: dict[str, None] = {}  # actions named by a word that modifies another
    outcome = None
    skip = False
    unrealised = 0  # words left in which an action is only threatened, planned, feared
    for i, (w, nxt) in enumerate(zip(words, [*words[1:], ""], strict=True)):
        if skip:
            skip = False
            continue
        if w in UNREALISED_CUES:
            unrealised = UNREALISED_SPAN
            continue
        if unrealised:
            unrealised -= 1
            continue
        phrase = PHRASE_ACTIONS.get((w, nxt))
        if phrase is not None:
            skip = True
            if phrase in OUTCOME_ACTIONS:  # "found dead": an outcome, as "dead" alone
                outcome = outcome or phrase
            elif phrase:
                found.setdefault(phrase, None)
            continue
        action = ACTION_OF.get(w)
        if w in APPOINTING_WORDS and not OFFICE_NOUNS.isdisjoint(
            words[i + 1 : i + 1 + OFFICE_SPAN]
        ):
            action = "appointment"  # "Hollin named finance minister", not "a man named Lee"
        if action:
            if _modifier(w, i, nxt) or i < n_label:
                modifiers.setdefault(action, None)
            else:
                found.setdefault(action, None)
        elif outcome is None:
            outcome = OUTCOME_OF.get(w)
    found.update(dict.fromkeys(a for a in modifiers if a not in found))
    if not found and outcome:
        return [outcome]
    return list(found)


def _modifier(word: str, i: int, nxt: str) -> bool:
    """Whether an action word of a headline modifies the next word rather than being
    the headline's predicate: a participle opening the headline ("Stolen painting
    found", "Jailed activist freed": the subject's adjective), or a noun before another
    action noun (English compounds are right-headed: a "merger veto" is a veto, a
    "strike deal" a deal). A word ending in "s" or "ed" may be the verb ("vetoes
    merger"), and a next word ending in "ed" or "ing" may be one ("deal ending
    tariffs"), so neither makes a compound."""
    if i == 0 and nxt and word.endswith(("ed", "en")) and nxt not in ACTION_OF:
        return True
    return nxt in ACTION_OF and not word.endswith(("s", "ed")) and not nxt.endswith(("ed", "ing"))


def lead_day(article: Article) -> str | None:
    """For an article without a published date, the first full date (day, month and year)
    in its title or the first ``LEAD_CHARS`` characters of its text, as ``YYYY-MM-DD``
    (a date line, "on May 2, 2013"); ``None`` otherwise. Never a guess: a date without
    its year, or a weekday, is left out."""
    if article.published:
        return None
    for text in (article.title or "", article.text[:LEAD_CHARS]):
        day = _full_date(text)
        if day:
            return day
    return None


_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def _full_date(text: str) -> str | None:
    """The first date of ``text`` written with its day, month and year, as ``YYYY-MM-DD``
    (the date patterns are the date extractor's; the year is read here, so no year is
    ever filled in)."""
    for s, e, kind in find_date_spans(text):
        span = text[s:e]
        if kind == "iso":
            try:
                return date.fromisoformat(span[:10]).isoformat()
            except ValueError:
                continue
        m = _YEAR.search(span)
        if kind not in ("md", "dm") or m is None:
            continue
        rest = (span[: m.start()] + span[m.end() :]).strip(" ,.")
        # a reference date at the end of the written year keeps the year as written
        day = resolve_yearless(rest, date(int(m.group(0)), 12, 31))
        if day and len(day) == 10:
            return day
    return None


def _number_term(word: str) -> str:
    digits = word.replace(",", "").rstrip(".")
    return "#" + digits.lower() if sum(c.isdigit() for c in digits) >= 2 else ""


def _emit_run(
    run: list[tuple[str, bool]], stop: frozenset[str], emit: Callable[[str], None]
) -> None:
    while run and run[-1][0] in NAME_CONNECTORS:
        run.pop()
    if not run:
        return
    if len(run) > 1:
        emit(" ".join(n for n, _ in run))
    for n, caps in run:
        if len(n) > 1 and n not in NAME_CONNECTORS and (caps or n not in stop):
            emit(n)


__all__ = [
    "ACTION_PREFIX",
    "CODA_TERM",
    "DAY_PREFIX",
    "LEAD_ACTION_PREFIX",
    "MAX_TERMS",
    "PRINCIPALS",
    "PRINCIPAL_MIN",
    "PRINCIPAL_PREFIX",
    "TERMS_VERSION",
    "THEME_PREFIX",
    "WORD_PREFIX",
    "article_terms",
    "headline_actions",
    "lead_actions",
    "lead_day",
    "legal_coda",
    "theme_terms",
]

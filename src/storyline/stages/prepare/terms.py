"""Term extraction: cheap entity-like terms of an article, a clustering and dedup signal.

Per article and pure: ``article_terms`` reads only the cleaned article, so it runs in the
prepare phase (``batch`` workers, the engine's prepare step) and its terms are stored with
the article. The story index weighs them by IDF (``stages/commit/index.py``); dedup reads
them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.lang import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    TIME_WORDS,
    TIME_ZONES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    stop_words,
)
from storyline.models import Article
from storyline.text import fold_punctuation, normalize_text, sentence_spans

# sklearn's English stop-word list is the vocabulary of words that are capitalised only
# because they open a sentence (the list itself is storyline.lang.stop_words).
_CALENDAR = frozenset(
    {*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *TIME_WORDS, *TIME_ZONES}
)
# Words that may sit inside a multi-word name ("Bank of England", "Abu Bakr al Baghdadi").
_CONNECT = frozenset({"of", "de", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "da"})
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
    for text in texts:
        folded = fold_punctuation(text)
        for s, e in sentence_spans(folded):
            toks = _TOKEN.findall(folded[s:e])
            if any(t[0].isalnum() for t in toks):
                sentences.append(toks)

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
            if len(n) > 2 and n not in _CONNECT and (caps or n not in stop):
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
            elif run and n in _CONNECT:
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
    return list(out) + [PRINCIPAL_PREFIX + n for n in principals]


def _number_term(word: str) -> str:
    digits = word.replace(",", "").rstrip(".")
    return "#" + digits.lower() if sum(c.isdigit() for c in digits) >= 2 else ""


def _emit_run(
    run: list[tuple[str, bool]], stop: frozenset[str], emit: Callable[[str], None]
) -> None:
    while run and run[-1][0] in _CONNECT:
        run.pop()
    if not run:
        return
    if len(run) > 1:
        emit(" ".join(n for n, _ in run))
    for n, caps in run:
        if len(n) > 1 and n not in _CONNECT and (caps or n not in stop):
            emit(n)


__all__ = ["MAX_TERMS", "PRINCIPALS", "PRINCIPAL_MIN", "PRINCIPAL_PREFIX", "article_terms"]

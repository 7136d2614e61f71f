"""Bounded work per article: texts whose structure makes spaCy slow are pre-checked.

An article of 100,000 quote marks, or of 950 KB of short quoted lines, must extract in
bounded time and memory, with every cite inside its article; the parse of a run of quote
marks must grow linearly with it (spaCy's tokenizer alone is quadratic in such runs).
"""

from __future__ import annotations

import re
import resource
import time

import pytest

from storyline.models import Article
from storyline.nlp import MAX_PARSE_TOKENS, PUNCT_RUN, bounded_text, load_spacy
from storyline.stages.prepare.extract import extract_many
from storyline.text import content_id

PROSE = (
    "The harbour authority of Velmora opened a second ferry terminal on Tuesday.\n"
    '"It doubles our crossings," said Ilsa Brandt, the mayor, adding that the terminal '
    "cost 40 million crowns -- and took three years... (a long time!)\n"
)


def article(text: str) -> Article:
    return Article(id=content_id(text), source="test:path", text=text, raw=text, title="t")


def quote_run(n: int) -> str:
    return "The mayor spoke on Tuesday. " + '"' * n + " Then she left."


def short_lines(size: int) -> str:
    line = '"Yes," she said.\n'
    return line * (size // len(line))


def test_bounded_text_leaves_ordinary_text_alone() -> None:
    text = PROSE * 50 + "-" * (PUNCT_RUN - 1) + "\n" + "=" * 40
    assert bounded_text(text) is text


@pytest.mark.parametrize(
    "text",
    [
        quote_run(5000),
        "((((" * 300 + " x",
        short_lines(400_000),
        '"' * 50_000 + short_lines(200_000),
    ],
)
def test_bounded_text_blanks_in_place(text: str) -> None:
    out = bounded_text(text, "test")
    assert len(out) == len(text) and out != text
    # every character is kept or blanked to a space: offsets into the text still hold
    assert all(a == b or b == " " for a, b in zip(text, out, strict=True))
    assert len(re.findall(r"\w+|[^\w\s]|\n+", out)) <= MAX_PARSE_TOKENS


def test_parse_of_quote_runs_is_linear() -> None:
    nlp = load_spacy()

    def parse_seconds(n: int) -> float:
        t0 = time.process_time()
        doc = nlp(bounded_text(quote_run(n)))
        assert len(doc.text) == len(quote_run(n))
        return time.process_time() - t0

    parse_seconds(100)  # warm-up
    small, large = parse_seconds(2000), parse_seconds(16000)
    # 8 times the marks: linear work is about 8 times the time (quadratic was 73 times);
    # measured in CPU time, so other processes' load does not count.
    assert large < 16 * max(small, 0.01), (small, large)


@pytest.mark.parametrize(
    "text", [quote_run(100_000), short_lines(950_000)], ids=["100k-quotes", "950KB-lines"]
)
def test_pathological_article_extracts_in_bounded_time_and_memory(text: str) -> None:
    art = article(text)
    load_spacy()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    facts = extract_many([art], use_spacy=True, timeout=30)[0]
    took = time.monotonic() - t0
    grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    print(f"{len(text):,} characters: {took:.1f} s, peak RSS +{grew_mb:.0f} MB")
    assert took < 90, took  # generous for a loaded machine: parse is bounded, stages 30 s
    assert grew_mb < 768, grew_mb  # spaCy on MAX_PARSE_TOKENS short-line tokens: ~600 MB
    for q in facts.quotes:
        assert q.text == text[q.cite.start : q.cite.end]
    for e in facts.entities:
        assert all(0 <= m.cite.start < m.cite.end <= len(text) for m in e.mentions)

"""Bounded work per article: texts whose structure makes spaCy slow are pre-checked.

An article of 100,000 quote marks, or of 950 KB of short quoted lines, must extract in
bounded time and memory, with every cite inside its article; the parse of a run of quote
marks must grow linearly with it (spaCy's tokenizer alone is quadratic in such runs).

What the default run covers: the issue's three quote-run inputs at their full size, each
ingested and reported by the real CLI in its own process (two processes per input: the
story id is read from the store, not listed by a third command), and the parse and the
rules' growth over 8 times the input. There are no opt-in variants.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from bounded import PEAK_RSS_LIMIT_MB, run_measured, storyline
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


# The quote-run inputs of issue 21, each ingested and reported by the real CLI in a fresh
# process (its own peak memory, its own CPU time).
QUOTE_RUN_INPUTS = {
    "100k-quotes": lambda: quote_run(100_000),
    "950KB-lines": lambda: short_lines(950_000),
    "300KB-said-lines": lambda: '"We will," Ilsa Brandt said. "No," she said.\n' * 6800,
}
# CPU seconds of one command. A healthy run takes a few (the report of the 950 KB article
# about 40: a 6 s parse, then stages stopped by the 30 s wall-clock limit, which a loaded
# machine reaches with less CPU spent, never more); far below what the unbounded parse
# took (16k quote marks alone: 19.7 s, growing fourfold per doubling).
CPU_LIMIT_SECONDS = 240.0


def _check_report(rep: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in rep["articles"]}
    for q in rep["quotes"]:
        c = q["cite"]
        assert 0 <= c["start"] < c["end"] <= len(texts[c["article"]])
        assert q["text"] == texts[c["article"]][c["start"] : c["end"]]
    for e in rep.get("entities", []):
        for c in e.get("mentions", []):  # each mention is a cite (the report schema)
            assert 0 <= c["start"] < c["end"] <= len(texts[c["article"]])


@pytest.mark.parametrize("name", sorted(QUOTE_RUN_INPUTS))
def test_quote_run_article_ingests_and_reports_in_bounded_time_and_memory(
    name: str, tmp_path: Path
) -> None:
    """``storyline ingest`` then ``storyline report`` (spaCy) finish, each under the bounds.

    Before, the report of 100,000 quote marks (or 950 KB of short quoted lines) never
    finished. Peak RSS is the child's own high mark (``os.wait4``); time is its CPU time.
    """
    text = QUOTE_RUN_INPUTS[name]()
    src = tmp_path / "article.jsonl"
    record = {"title": "The ferry hearing", "text": text, "url": "https://velmora.example/q",
              "outlet": "Velmora Post", "published": "2026-05-04"}  # fmt: skip
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "q.db")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("STORYLINE_DB", None)
    runs = {
        "ingest": run_measured(
            storyline("ingest", str(src), "--db", db, "--embedder", "tfidf", "--no-extract"),
            env=env,
        )
    }
    assert runs["ingest"].returncode == 0, runs["ingest"].stderr[-2000:]
    # the story's id from the store itself (one process start fewer than `storyline stories`)
    conn = sqlite3.connect(db)
    try:
        ((story_id,),) = conn.execute("SELECT id FROM stories").fetchall()
    finally:
        conn.close()
    out = tmp_path / "report.json"
    runs["report"] = run_measured(
        storyline("report", story_id, "--db", db, "--format", "json", "-o", str(out)), env=env
    )
    for step, u in runs.items():
        print(f"{name} {step}: {u.cpu_seconds:.1f} s CPU, peak RSS {u.peak_rss_mb:.0f} MB")
        assert u.returncode == 0 and "Traceback" not in u.stderr, (step, u.stderr[-2000:])
        assert u.peak_rss_mb < PEAK_RSS_LIMIT_MB, (step, u.peak_rss_mb)
        assert u.cpu_seconds < CPU_LIMIT_SECONDS, (step, u.cpu_seconds)
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert len(rep["articles"]) == 1
    _check_report(rep)


# -- the rules alone: near-linear on pathological structure ----------------------------------

RULES_SHAPES = {
    # one short quoted line after another, no speaker: 950 KB of them was a report's stall
    "bare": '"a"\n',
    # a named speaker and a pronoun per line: every antecedent search ran back to the start
    "said": '"We will," Ilsa Brandt said. "No," she said.\n',
}


@pytest.mark.parametrize("shape", sorted(RULES_SHAPES))
def test_rules_extraction_grows_linearly_on_short_quoted_lines(shape: str) -> None:
    """8 times the lines costs about 8 times the CPU time, never the 30-60 times it did."""
    line = RULES_SHAPES[shape]

    def seconds(n: int) -> float:
        text = line * n
        t0 = time.process_time()
        facts = extract_many([article(text)], use_spacy=False, timeout=0)[0]
        took = time.process_time() - t0
        assert all(q.text == text[q.cite.start : q.cite.end] for q in facts.quotes)
        return took

    seconds(200)  # warm-up: word lists, gazetteer
    small, large = seconds(2000), seconds(16000)
    print(f"{shape}: 2k lines {small:.2f} s, 16k lines {large:.2f} s ({large / small:.1f}x)")
    # CPU time (other processes' load does not count); linear is ~8x, quadratic was 30-60x
    assert large < 20 * max(small, 0.02), (small, large)


def test_a_stuck_stage_stops_within_the_limit_off_the_main_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No signal reaches a worker thread: the stages check the deadline inside their loops.

    The quote stage is made to take 50 ms per quote (100 s for the article); with a 1 s
    limit the extraction in a thread returns long before, keeping the entities found
    before it, and the later stages are skipped.
    """
    import threading

    from storyline.stages.prepare.extract import quotes as quotes_mod

    real = quotes_mod._after_close

    def stuck(*args: object) -> object:
        time.sleep(0.05)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(quotes_mod, "_after_close", stuck)
    text = PROSE + '"We will," Ilsa Brandt said.\n' * 2000
    out: list[object] = []
    t0 = time.monotonic()
    worker = threading.Thread(
        target=lambda: out.extend(extract_many([article(text)], use_spacy=False, timeout=1.0))
    )
    worker.start()
    worker.join(timeout=90)
    took = time.monotonic() - t0
    assert not worker.is_alive() and out, "the extraction did not return"
    facts = out[0]
    # 100 s of work without the in-loop checks; 1 s limit, generous bound for a busy machine
    assert took < 30, took
    assert facts.entities, "the stage that finished keeps its facts"  # type: ignore[attr-defined]
    assert facts.quotes == [] and facts.stances == []  # type: ignore[attr-defined]

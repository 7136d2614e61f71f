"""Fuzzing ingest with a corpus of broken and hostile inputs, and the resource limits.

The corpus (``tests/fuzzgen.py``) is built in a temporary directory at test time from a fixed
seed. Every input goes through ``Engine.ingest`` (tfidf embedder, rules extractor), then every
story touched goes through ``Engine.report``. A *crash* is any exception escaping the engine,
a traceback logged by the engine's catch-all for cleaner bugs, an error message longer than
one line, or a report whose cites do not check out. There must be none; the counts are
printed (``pytest -s``) and written as JSON to ``$STORYLINE_FUZZ_REPORT`` when it is set.

``STORYLINE_FUZZ=long`` builds a corpus eight times larger (randomised families only).
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fuzzgen import Case, article_text, build_corpus, marker
from storyline.config import Settings, load_settings
from storyline.engine import Engine
from storyline.models import Article, Cite, DateMention
from storyline.text import content_id

LONG = os.environ.get("STORYLINE_FUZZ") == "long"
SCALE = 8 if LONG else 1
SEED = 20260523


def _engine(db: Path, **kw: Any) -> Engine:
    settings = load_settings(env={}, db=str(db), embedder="tfidf", extractor="rules", **kw)
    return Engine(settings)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    root = tmp_path_factory.mktemp("fuzz")
    return root, build_corpus(root, seed=SEED, scale=SCALE)


class _Tracebacks(logging.Handler):
    """Collects log records that carry a traceback (the engine's catch-all logs one)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


def _report_problems(rep: dict[str, Any]) -> list[str]:
    texts = {a["id"]: a["text"] for a in rep["articles"]}
    bad: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if set(node) == {"article", "start", "end"}:
                t = texts.get(node["article"])
                if t is None or not 0 <= node["start"] < node["end"] <= len(t):
                    bad.append(f"bad cite {node}")
                return
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk({k: v for k, v in rep.items() if k != "articles"})
    for q in rep["quotes"]:
        c = q["cite"]
        if q["text"] != texts[c["article"]][c["start"] : c["end"]]:
            bad.append(f"quote text differs from its span: {q['text'][:40]!r}")
    return bad


def test_fuzz_corpus_ingest_and_report(
    corpus: tuple[Path, list[Case]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cases = corpus
    # huge one-word texts are in the corpus on purpose; their extraction stops at this limit
    monkeypatch.setenv("STORYLINE_EXTRACT_TIMEOUT", "3")
    families = sorted({c.family for c in cases})
    counts: Counter[str] = Counter()
    crashes: list[str] = []
    by_family: dict[str, dict[str, int]] = {}
    tracebacks = _Tracebacks()
    logging.getLogger("storyline").addHandler(tracebacks)
    engine = _engine(tmp_path / "fuzz.db")
    try:
        for fam in families:
            fam_cases = [c for c in cases if c.family == fam]
            before = len(tracebacks.records)
            t0 = time.monotonic()
            try:
                result = engine.ingest([str(root / fam)])
            except Exception as exc:  # the batch died: a crash, whatever the input
                crashes.append(f"{fam}: ingest raised {type(exc).__name__}: {exc}"[:300])
                continue
            errors = [str(e) for e in result.errors]
            crashes += [f"{fam}: multi-line error {e[:200]!r}" for e in errors if "\n" in e]
            crashes += [
                f"{fam}: traceback logged: {r.getMessage()[:200]}"
                for r in tracebacks.records[before:]
            ]
            counts["inputs"] += len(fam_cases)
            counts["clean_errors"] += len(errors)
            counts["articles_added"] += len(result.added)
            by_family[fam] = {
                "inputs": len(fam_cases), "errors": len(errors), "added": len(result.added),
                "seconds": round(time.monotonic() - t0, 1),
            }  # fmt: skip
        stored = [a.text for a in engine.articles()]
        missing = [
            f"{c.path.name}:{tag}"
            for c in cases
            for tag in c.expect
            if not any(marker(tag) in t for t in stored)
        ]
        t0 = time.monotonic()
        for story in engine.stories():
            counts["reports"] += 1
            try:
                rep = engine.report(story.id).to_dict()
            except Exception as exc:
                crashes.append(f"report {story.id} raised {type(exc).__name__}: {exc}"[:300])
                continue
            crashes += [f"report {story.id}: {p}" for p in _report_problems(rep)]
        crashes += [f"traceback logged: {r.getMessage()[:200]}" for r in tracebacks.records]
    finally:
        logging.getLogger("storyline").removeHandler(tracebacks)
        engine.close()
    crashes = list(dict.fromkeys(crashes))
    counts["crashes"] = len(crashes)
    summary = {
        "seed": SEED, "scale": SCALE, "inputs_tried": counts["inputs"],
        "clean_errors": counts["clean_errors"], "articles_added": counts["articles_added"],
        "reports_built": counts["reports"], "report_seconds": round(time.monotonic() - t0, 1),
        "crashes": len(crashes),
        "valid_inputs": sum(1 for c in cases if c.valid), "valid_missing": len(missing),
        "families": by_family,
    }  # fmt: skip
    print(f"\nfuzz corpus: {json.dumps(summary)}")
    if out := os.environ.get("STORYLINE_FUZZ_REPORT"):
        Path(out).write_text(json.dumps(summary, indent=2) + "\n")
    assert crashes == [], crashes
    assert missing == [], f"valid inputs not stored: {missing}"
    assert counts["clean_errors"] > 0.5 * counts["inputs"]  # the corpus is mostly bad input


@dataclass(frozen=True, slots=True)
class _CliRun:
    returncode: int
    stdout: str
    stderr: str


def _cli(args: list[str], env: dict[str, str]) -> _CliRun:
    """``storyline ARGS`` run in this process (Typer's CliRunner, ``env`` set meanwhile).

    An exception escaping the command fails the test with its traceback, as a traceback on
    a subprocess's stderr did."""
    from typer.testing import CliRunner

    from storyline.cli import app

    res = CliRunner().invoke(app, args, env=env)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    return _CliRun(res.exit_code, res.stdout, res.stderr)


def test_fuzz_cli_one_line_errors(corpus: tuple[Path, list[Case]], tmp_path: Path) -> None:
    """The CLI over a handful of bad inputs plus valid ones: one line each, no traceback."""
    root, _ = corpus
    picks = [
        "archives/bomb.txt.gz", "archives/overlap-bomb.zip", "archives/good.zip",
        "json/deep.json", "json/mixed.jsonl", "feeds/billion-laughs.xml", "feeds/deep.xml",
        "encodings/idna-charset.html", "encodings/utf16-odd.txt", "junk/png.txt",
        "junk/empty.txt", "html/html-valid-1.txt", "nonexistent.txt",
    ]  # fmt: skip
    paths = [str(root / p) for p in picks]
    # In process (CliRunner): the command's parsing, reading and messages are under test, not
    # the process boundary; a fresh interpreter only reloaded the spaCy model (5 s).
    env = {"STORYLINE_DB": str(tmp_path / "cli.db"), "NO_COLOR": "1", "COLUMNS": "400",
           "HF_HUB_OFFLINE": "1"}  # fmt: skip
    proc = _cli(["ingest", *paths, "--embedder", "tfidf"], env)
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.returncode == 0, proc.stderr
    skipped = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert skipped and all(ln.startswith("skipped ") for ln in skipped), skipped
    for must in ("bomb.txt.gz", "overlap-bomb.zip", "deep.json", "nonexistent.txt"):
        assert any(must in ln for ln in skipped), (must, skipped)
    assert any("decompressed size exceeds the 20.0 MB limit" in ln for ln in skipped)
    m = re.search(r"(\d+) added", proc.stdout)
    assert m and int(m.group(1)) >= 5, proc.stdout  # valid text, 3 JSONL lines, zip members


def test_cli_all_bad_exits_non_zero(corpus: tuple[Path, list[Case]], tmp_path: Path) -> None:
    root, _ = corpus
    env = {"STORYLINE_DB": str(tmp_path / "bad.db"), "NO_COLOR": "1"}
    proc = _cli(["ingest", str(root / "archives/bomb.txt.gz"), str(root / "json/deep.json"),
                 "--embedder", "tfidf"], env)  # fmt: skip
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len([ln for ln in proc.stderr.splitlines() if ln.startswith("skipped")]) == 2


# --- files that change while being read ------------------------------------------------------


def _texts(n: int, tag: str) -> list[str]:
    import random

    rng = random.Random(n)
    return [article_text(rng, f"{tag}-{i}") for i in range(n)]


def test_files_grow_shrink_vanish_between_stat_and_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: the file changes right after ingest checked it, before it reads it."""
    d = tmp_path / "in"
    d.mkdir()
    for name, text in zip(["grow.txt", "shrink.txt", "vanish.txt", "ok.txt"], _texts(4, "chg"),
                          strict=True):  # fmt: skip
        (d / name).write_text(text)
    real_open = Path.open

    def changing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "grow.txt":
            with real_open(self, "ab") as f:
                f.write(b"x" * 5000)  # now over the 2,000-byte limit below
        elif self.name == "shrink.txt":
            real_open(self, "wb").close()
        elif self.name == "vanish.txt":
            self.unlink()
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", changing_open)
    with _engine(tmp_path / "c.db", max_bytes=2000) as engine:
        result = engine.ingest([str(d)])
        by_name = {Path(e.source).name: e.reason for e in result.errors}
        assert "grew past the" in by_name["grow.txt"]
        assert by_name["shrink.txt"] == "empty file"
        assert "cannot read" in by_name["vanish.txt"]
        assert len(result.added) == 1  # ok.txt


def test_files_rewritten_by_a_thread_during_ingest(tmp_path: Path) -> None:
    """Racy on purpose: a thread truncates, appends, deletes and recreates files during ingest.

    Which files are read whole is up to the scheduler; that nothing crashes is not.
    """
    d = tmp_path / "in"
    d.mkdir()
    texts = _texts(60, "race")
    for i, t in enumerate(texts):
        (d / f"{i:03d}.txt").write_text(t)
    stop = threading.Event()

    def chaos() -> None:
        k = 0
        while not stop.is_set():
            p = d / f"{k % 60:03d}.txt"
            try:
                match k % 4:
                    case 0:
                        p.write_bytes(b"")
                    case 1:
                        with p.open("ab") as f:
                            f.write(b"\xff\xfe junk " * 50)
                    case 2:
                        p.unlink(missing_ok=True)
                    case _:
                        p.write_text(texts[k % 60])
            except OSError:
                pass
            k += 1
            time.sleep(0.0005)

    worker = threading.Thread(target=chaos, daemon=True)
    worker.start()
    try:
        with _engine(tmp_path / "r.db") as engine:
            result = engine.ingest([str(d)])
    finally:
        stop.set()
        worker.join()
    assert all("\n" not in str(e) for e in result.errors)
    assert len(result.added) + len(result.errors) + result.unchanged >= 1


# --- resource limits ------------------------------------------------------------------------


def _art(text: str) -> Article:
    return Article(id=content_id(text), source="t", text=text, raw=text, title="t")


TEXT = (
    "The French foreign minister Jean Dupont said on Tuesday that 2,000 troops from Indonesia "
    "would go to Gaza. “We will clear the backlog by Friday,” he said."
)


def test_extract_time_limit_interrupts_a_stuck_stage(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A stage stuck in a Python loop is interrupted; earlier stages' facts are kept."""
    from storyline.stages.prepare.extract import extract_many
    from storyline.stages.prepare.extract import quotes as quotes_mod

    def stuck(*args: Any) -> list[Any]:
        end = time.monotonic() + 20
        while time.monotonic() < end:  # a quadratic loop stand-in
            pass
        return ["not interrupted"]

    monkeypatch.setattr(quotes_mod, "extract_quotes", stuck)
    article = _art(TEXT)
    with caplog.at_level(logging.WARNING, logger="storyline.stages.prepare.extract"):
        facts = extract_many([article], use_spacy=False, timeout=0.3)[0]
    assert facts.quotes == []
    assert facts.entities and facts.dates  # the stages before the stuck one
    assert facts.quantities == [] and facts.stances == []  # the stages after it
    msgs = [r.getMessage() for r in caplog.records]
    assert any(article.id in m and "0.3 s" in m and "quotes" in m for m in msgs), msgs


def test_extract_time_limit_interrupts_catastrophic_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.stages.prepare.extract import extract_many
    from storyline.stages.prepare.extract import stances as stances_mod

    def backtrack(*args: Any) -> list[Any]:
        re.match(r"(a+)+$", "a" * 29 + "b")  # exponential backtracking: minutes
        return ["not interrupted"]

    monkeypatch.setattr(stances_mod, "extract_stances", backtrack)
    facts = extract_many([_art(TEXT)], use_spacy=False, timeout=0.3)[0]
    assert facts.stances == [] and facts.entities


def test_extract_time_limit_off_the_main_thread(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No signals in a worker thread: the deadline is checked between and inside stages."""
    from storyline.stages.prepare.extract import dates as dates_mod
    from storyline.stages.prepare.extract import entities as ent_mod
    from storyline.stages.prepare.extract import extract_many

    real = ent_mod.extract_entities

    def slow(*args: Any) -> Any:
        time.sleep(0.5)
        return real(*args)

    sentinel = DateMention(date=None, precision=None, date_text="x", cite=Cite("a", 0, 1))
    monkeypatch.setattr(ent_mod, "extract_entities", slow)
    monkeypatch.setattr(dates_mod, "extract_dates", lambda *a: [sentinel])
    out: list[Any] = []
    article = _art(TEXT)
    with caplog.at_level(logging.WARNING, logger="storyline.stages.prepare.extract"):
        t = threading.Thread(target=lambda: out.extend(extract_many([article], use_spacy=False,
                                                                     timeout=0.2)))  # fmt: skip
        t.start()
        t.join()
    # the slow stage's own checks stop it once the deadline passed (a sleep in it cannot be
    # interrupted, the loops after it are), and the next stage does not start
    assert out and out[0].entities == []
    assert out[0].dates == []
    assert any("time limit" in r.getMessage() for r in caplog.records)


def test_extract_no_limit_keeps_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.stages.prepare.extract import extract_many

    facts = extract_many([_art(TEXT)], use_spacy=False, timeout=0)[0]
    assert facts.entities and facts.quotes and facts.quantities and facts.dates


def test_extract_timeout_setting_from_env() -> None:
    assert load_settings(env={"STORYLINE_EXTRACT_TIMEOUT": "2.5"}).extract_timeout == 2.5
    assert load_settings(env={}).extract_timeout == 30.0
    with pytest.raises(ValueError, match="STORYLINE_EXTRACT_TIMEOUT"):
        load_settings(env={"STORYLINE_EXTRACT_TIMEOUT": "soon"})
    with pytest.raises(ValueError, match="timeout"):
        Settings(extract_timeout=-1)


def test_spacy_length_cap_named(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A text over ``nlp.max_length`` is not parsed; the warning names it and the limit."""
    import storyline.nlp
    from storyline.stages.prepare.extract import extract_many

    class FakeNlp:
        max_length = 60

        def pipe(self, texts: Any, batch_size: int = 0) -> Any:
            for t in texts:
                raise AssertionError(f"an oversized text was parsed: {t[:20]!r}")
            return iter(())

    monkeypatch.setattr(storyline.nlp, "load_spacy", lambda: FakeNlp())
    article = _art(TEXT)
    with caplog.at_level(logging.WARNING, logger="storyline.stages.prepare.extract"):
        facts = extract_many([article], use_spacy=True, timeout=0)[0]
    assert facts.entities and facts.quotes  # rules still ran
    msgs = [r.getMessage() for r in caplog.records]
    assert any(article.id in m and "limit of 60" in m for m in msgs), msgs


def test_size_caps_name_the_input(tmp_path: Path) -> None:
    import gzip
    import zipfile

    text = article_text(__import__("random").Random(1), "cap")
    (tmp_path / "big.txt").write_text(text * 10)
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress((text * 10).encode()))
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as z:
        z.writestr("small.txt", text)
        z.writestr("dir/big.txt", text * 10)
    with _engine(tmp_path / "s.db", max_bytes=len(text.encode()) * 3) as engine:
        result = engine.ingest([str(tmp_path / n) for n in ("big.txt", "big.txt.gz", "a.zip")])
    reasons = {e.source.removeprefix(f"{tmp_path}/"): e.reason for e in result.errors}
    assert reasons["big.txt"].startswith("too large"), reasons
    assert reasons["big.txt.gz"].startswith("decompressed size exceeds the")
    assert reasons["a.zip:dir/big.txt"].startswith("decompressed size exceeds the")
    assert len(result.added) == 1  # a.zip:small.txt

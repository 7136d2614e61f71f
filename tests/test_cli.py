"""The CLI as a user meets it: ingest, re-ingest, list, bad input, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

GOOD = (
    "The river commission of Lindau and Portmore agreed on Tuesday to cut summer water "
    "quotas by a fifth after the driest spring in forty years.\n"
    "“We had no other choice,” the commission's chair, Ana Ruiz, told reporters.\n"
)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args), input=input)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, storyline.cli; from typer.testing import CliRunner; "
        "r = CliRunner().invoke(storyline.cli.app, ['--help']); assert r.exit_code == 0, r.output; "
        "heavy = [m for m in ('numpy', 'spacy', 'torch', 'trafilatura', 'sklearn') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.corpus
def test_ingest_corpus_twice_then_list(corpus_dir: Path, db_path: Path) -> None:
    code, out, _ = run("ingest", str(corpus_dir), "--db", str(db_path), "--embedder", "tfidf")
    assert code == 0
    assert out.startswith("5 added, 0 already stored")
    code, out, _ = run("ingest", str(corpus_dir), "--db", str(db_path), "--embedder", "tfidf")
    assert code == 0
    assert out.startswith("0 added, 5 already stored")
    code, out, _ = run("articles", "--db", str(db_path), "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 5
    dated = [r for r in rows if r["published"]]
    assert [(r["published"], r["published_from"]) for r in dated] == [("2025-11-05", "dateline")]
    for r in rows:
        assert r["text"] and r["title"] and "raw" not in r
        assert "Comments" not in r["text"] and "(Video:" not in r["text"]
    code, out, _ = run("articles", "--db", str(db_path))
    assert code == 0 and "2025-11-05" in out


def test_bad_inputs_are_one_line_each_and_good_ones_go_through(
    tmp_path: Path, db_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    (inputs / "bin.dat").write_bytes(bytes(range(256)) * 4)
    (inputs / "empty.txt").write_text("")
    (inputs / "bad.json").write_text("{nope")
    code, out, err = run("ingest", str(inputs), "--db", str(db_path), "--embedder", "tfidf")
    assert code == 0
    assert out.startswith("1 added")
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 3
    for name in ("bin.dat", "empty.txt", "bad.json"):
        assert sum(name in ln for ln in lines) == 1
    assert "Traceback" not in err


def test_nothing_ingested_exits_non_zero(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                       "--db", str(db_path), "--embedder", "tfidf")  # fmt: skip
    assert code == 1
    assert "empty.txt: empty file" in err and "missing.txt: no such file" in err


def test_stdin_and_flags(db_path: Path) -> None:
    code, out, _ = run("ingest", "-", "--db", str(db_path), "--embedder", "tfidf",
                       "--outlet", "Lindau Post", "--published", "2026-03-03",
                       "--embed-threads", "1", input=GOOD)  # fmt: skip
    assert code == 0 and out.startswith("1 added")
    rows = json.loads(run("articles", "--db", str(db_path), "--format", "json")[1])
    assert (rows[0]["outlet"], rows[0]["published"]) == ("Lindau Post", "2026-03-03")


def test_changed_article_at_same_source_is_a_new_version(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(GOOD)
    run("ingest", str(f), "--db", str(db_path), "--embedder", "tfidf")
    f.write_text(GOOD + "The quotas take effect on June 1.\n")
    code, out, _ = run("ingest", str(f), "--db", str(db_path), "--embedder", "tfidf")
    assert code == 0 and "1 added" in out and "1 new versions" in out
    rows = json.loads(run("articles", "--db", str(db_path), "--format", "json")[1])
    assert len(rows) == 1 and rows[0]["version"] == 2 and rows[0]["supersedes"]


def test_unknown_options_fail_cleanly(db_path: Path) -> None:
    # the choices are typed: a wrong one is a usage error naming the option and its choices
    code, _, err = run("ingest", "x", "--db", str(db_path), "--embedder", "nope")
    assert code == 2 and "--embedder" in err and "'minilm'" in err
    # the environment is not checked by the option type: the engine refuses it in one line
    res = runner.invoke(app, ["ingest", "x", "--db", str(db_path)],
                        env={"STORYLINE_EMBEDDER": "nope"})  # fmt: skip
    assert res.exit_code == 1 and "unknown embedder" in res.stderr
    code, _, err = run("ingest", "x", "--db", str(db_path), "--embed-threads", "-1")
    assert code == 2 and "--embed-threads" in err
    res = runner.invoke(app, ["ingest", "x", "--db", str(db_path)],
                        env={"STORYLINE_EMBED_THREADS": "many"})  # fmt: skip
    assert res.exit_code == 1 and "STORYLINE_EMBED_THREADS must be a whole number" in res.stderr
    code, _, err = run("stories", "--db", str(db_path), "--format", "xml")
    assert code == 2 and "--format" in err
    code, _, err = run("report", "s-000000000000", "--db", str(db_path))
    assert code == 1 and "no story" in err


def test_unopenable_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"not a database" * 200)
    code, _, err = run("articles", "--db", str(bad))
    assert code == 1 and "x.db" in err and "Traceback" not in err

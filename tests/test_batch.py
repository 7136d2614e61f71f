"""`storyline batch`: the local and the Ray engine give the same stories as plain ingest."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.batch import UNIT_DOCS, BatchResult, plan_shards, run_batch
from storyline.cli import app
from storyline.config import load_settings
from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.stages.prepare.extract import EXTRACTOR_VERSION
from storyline.store import open_store
from storyline.synth import write_jsonl

sys.path.insert(0, str(Path(__file__).parent))
from test_warc import PAGES, write_warc

FAST = replace(load_settings(), embedder="tfidf", extractor="rules")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """40 synthetic articles in two JSONL shards, a WARC crawl, a bad file, the examples."""
    root = tmp_path_factory.mktemp("batch-in")
    write_jsonl(root / "synthetic.jsonl", 40, seed=11, shards=2)
    write_warc(root / "crawl.warc.gz", PAGES)
    (root / "broken.json").write_text("{not json", encoding="utf-8")
    return [str(root), str(examples_dir())]


@pytest.fixture(scope="module")
def ray_started() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    ray.init(
        num_cpus=2,
        object_store_memory=200 * 1024 * 1024,
        include_dashboard=False,
        log_to_driver=False,
    )
    yield
    ray.shutdown()


def _stories(db: str | Path) -> list[tuple[str, str, tuple[str, ...], int]]:
    with open_store(db) as store:
        return sorted(
            (s.id, s.title, tuple(sorted(s.article_ids)), s.n_independent) for s in store.stories()
        )


def _copies(db: str | Path) -> dict[str, str]:
    with open_store(db) as store:
        return {a: d for a, (d, _, _) in store.duplicate_info().items() if d}


def test_plan_groups_files_in_order_and_names_missing_paths(inputs: list[str]) -> None:
    shards, errors, n_files = plan_shards([*inputs, "/no/such/place"])
    assert [str(e) for e in errors] == ["/no/such/place: no such file or directory"]
    files = [p for s in shards for p in s.paths]
    assert len(files) == n_files and len(set(files)) == n_files
    assert [s.index for s in shards] == list(range(len(shards)))
    again, _, _ = plan_shards([*inputs, "/no/such/place"])
    assert again == shards


def test_local_ray_and_ingest_give_the_same_stories(
    inputs: list[str], tmp_path: Path, ray_started: None
) -> None:
    local = run_batch(inputs, engine="local", out=tmp_path / "local", settings=FAST, workers=2)
    ray = run_batch(inputs, engine="ray", out=tmp_path / "ray", settings=FAST, workers=2)
    with Engine(replace(FAST, db=str(tmp_path / "plain.db"))) as engine:
        plain = engine.ingest(inputs)

    for r in (local, ray):
        assert isinstance(r, BatchResult)
        assert r.added == len(plain.added) > 40
        assert r.unchanged == plain.unchanged
        assert r.duplicates > 0  # synthetic stories carry wire copies
        assert r.read > r.added
        assert sorted(map(str, r.errors)) == sorted(map(str, plain.errors))
        assert any("broken.json" in str(e) for e in r.errors)
        assert r.stories == r.reports > 5
    stories = _stories(local.db)
    assert stories == _stories(ray.db) == _stories(tmp_path / "plain.db")
    assert _copies(local.db) == _copies(ray.db) == _copies(tmp_path / "plain.db")

    for r in (local, ray):
        assert r.out is not None
        listed = json.loads((r.out / "stories.json").read_text(encoding="utf-8"))
        assert sorted(s["id"] for s in listed) == [s[0] for s in stories]
        reports = sorted(p.stem for p in (r.out / "reports").glob("*.json"))
        assert reports == [s[0] for s in stories]
    # the same report from either engine, byte for byte
    sid = stories[0][0]
    assert (local.out / "reports" / f"{sid}.json").read_text(encoding="utf-8") == (  # type: ignore[operator]
        ray.out / "reports" / f"{sid}.json"  # type: ignore[operator]
    ).read_text(encoding="utf-8")

    # facts were extracted while preparing, and cached under the engine's key
    with open_store(local.db) as store:
        ids = [a.id for a in store.articles()]
        assert len(store.facts(ids, f"rules.{EXTRACTOR_VERSION}")) == len(ids)


def test_rerun_adds_nothing(inputs: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "again.db")
    first = run_batch(inputs[:1], engine="local", db=db, settings=FAST, workers=1)
    before = _stories(db)
    second = run_batch(inputs[:1], engine="local", db=db, settings=FAST, workers=1)
    assert first.added > UNIT_DOCS  # more than one work unit
    assert second.added == 0 and second.unchanged == first.added + first.unchanged
    assert _stories(db) == before
    assert second.ok
    # with --db only no report is built, so every cached fact came from the prepare step
    with open_store(db) as store:
        ids = [a.id for a in store.articles()]
        assert len(store.facts(ids, f"rules.{EXTRACTOR_VERSION}")) == len(ids)
    assert first.seconds["cpu_extract"] > 0


def test_cli_batch_writes_reports_that_pass_the_contract(tmp_path: Path, shared_dir: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_warc(src / "crawl.warc.gz", PAGES)
    (src / "empty.html").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app,
        ["batch", str(src), str(examples_dir()), "--out", str(out), "--workers", "1",
         "--embedder", "tfidf", "--extractor", "rules"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "added" in res.stdout and str(out) in res.stdout
    skipped = [ln for ln in res.stderr.splitlines() if ln.startswith("skipped")]
    assert len(skipped) == 1 and "empty.html" in skipped[0]
    listed = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert listed and all({"id", "title", "articles", "n_independent"} <= set(s) for s in listed)
    check = shared_dir / "tools" / "check-report"
    for story in listed:
        report = out / "reports" / f"{story['id']}.json"
        done = subprocess.run(
            [sys.executable, str(check), str(report)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
    # the database beside the reports answers the ordinary commands
    res = CliRunner().invoke(
        app, ["stories", "--db", str(out / "storyline.db"), "--format", "json"]
    )
    assert sorted(s["id"] for s in json.loads(res.stdout)) == sorted(s["id"] for s in listed)


def test_cli_batch_rejects_unknown_engine(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["batch", str(tmp_path), "--engine", "spark"])
    # a usage error (the option's type is a Literal), naming the option and its choices
    assert res.exit_code == 2
    assert "--engine" in res.stderr and "'spark'" in res.stderr and "'local'" in res.stderr


def test_cli_batch_with_nothing_readable_fails(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("[1, 2", encoding="utf-8")
    res = CliRunner().invoke(
        app, ["batch", str(tmp_path), "--db", str(tmp_path / "d.db"), "--workers", "1",
              "--embedder", "tfidf"],
    )  # fmt: skip
    assert res.exit_code == 1
    assert "x.json" in res.stderr


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_forked_workers_use_one_blas_thread() -> None:
    """A forked worker inherits the driver's numpy (BLAS already started with a thread per
    core); the pool's initializer must bring it to one thread, or two workers oversubscribe."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import numpy as np

    from storyline.pipeline.prepare import init_worker

    np.ones((4, 4)) @ np.ones((4, 4))  # BLAS loaded and used in this (driver) process
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=ctx, initializer=init_worker) as pool:
        threads = pool.submit(_blas_threads).result()
    assert threads and set(threads) == {1}

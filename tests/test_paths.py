"""Bytes-safe paths: odd file names and odd directory entries never stop a batch.

A file name that is not UTF-8 is stored under an escaped name (``source_name``); a name
holding a newline or a terminal escape code gives one plain error line (``printable``);
every entry a directory walk skips (dangling or looping links, FIFOs, sockets, device
files) gets its own error line, and the files beside it are read.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from storyline.engine import Engine
from storyline.errors import InputError, printable
from storyline.models import RawDoc
from storyline.stages.prepare.ingest import count_inputs, read_inputs, source_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names and entries")

TEXT = (
    "The harbour authority of Velmora opened a second ferry terminal on Tuesday, "
    "doubling the number of daily crossings to the islands.\n"
    "Officials said the terminal cost 40 million crowns and took three years to build.\n"
)
OTHER = (
    "Mira Osk won the Tallow junior chess championship on Sunday after a six-hour final.\n"
    "The sixteen-year-old beat Paulo Renn, who had not lost a game all season.\n"
)


def test_printable_escapes_controls_and_name_bytes() -> None:
    assert printable("plain name é 日本.txt") == "plain name é 日本.txt"
    assert printable("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert printable("x\x1b[31mred\x07\x9b") == "x\\x1b[31mred\\x07\\x9b"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert printable(os.fsdecode(b"bad\xff.txt")) == "bad\\xff.txt"


def test_source_name_escapes_only_invalid_bytes() -> None:
    assert source_name("ok/ünïcode.txt") == "ok/ünïcode.txt"
    assert source_name(os.fsdecode(b"dir/bad\xff\xfe.txt")) == "dir/bad\\xff\\xfe.txt"


def test_non_utf8_name_is_stored_escaped_beside_the_good_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (Path(os.fsdecode(bytes(folder) + b"/bad\xff.txt"))).write_text(TEXT, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "good.txt").write_text(OTHER, encoding="utf-8")
    with Engine.open(tmp_path / "s.db", embedder="tfidf", extractor="rules") as eng:
        res = eng.ingest([str(folder)])
        assert len(res.added) == 2 and not res.errors, res.errors
        # a second run finds both stored: the escaped name is stable
        again = eng.ingest([str(folder)])
        assert not again.added and again.unchanged == 2
    conn = sqlite3.connect(str(tmp_path / "s.db"))
    try:
        sources = {r[0] for r in conn.execute("SELECT source FROM articles")}
    finally:
        conn.close()
    assert sources == {f"{folder}/bad\\xff.txt", f"{folder}/good.txt"}


@pytest.mark.parametrize("name", ["line\nbreak.txt", "esc\x1b[2J\x1b[31m.txt", "cr\rname.txt"])
def test_error_line_escapes_control_characters_in_names(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")  # empty: refused with an error naming it
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and sum(isinstance(i, RawDoc) for i in items) == 1
    line = str(errors[0])
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert printable(name) in line


def _entries(folder: Path) -> dict[str, str]:
    """Make each odd entry the walk must report; name -> the reason's key words."""
    made = {}
    os.symlink(folder / "missing.txt", folder / "dangling")
    made["dangling"] = "dangling symbolic link"
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    made["loop_a"] = made["loop_b"] = "symbolic link loop"
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(OTHER, encoding="utf-8")
    os.symlink(folder / "sub", folder / "dirlink")
    made["dirlink"] = "symbolic link to a directory"
    os.mkfifo(folder / "fifo")
    made["fifo"] = "named pipe"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "sock"))
        made["sock"] = "socket"
    except OSError:
        pass
    finally:
        sock.close()
    try:
        os.mknod(folder / "dev", stat.S_IFCHR | 0o600, os.makedev(1, 3))
        made["dev"] = "device file"
    except (OSError, AttributeError):
        pass  # needs root (or CAP_MKNOD): the device case is skipped here
    return made


def test_every_skipped_entry_gets_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / ".hidden.txt").write_text(TEXT, encoding="utf-8")  # left out by design
    made = _entries(folder)
    items = list(read_inputs([str(folder)]))
    errors = {Path(e.source).name: e.reason for e in items if isinstance(e, InputError)}
    docs = sorted(Path(d.source).name for d in items if isinstance(d, RawDoc))
    assert docs == ["good.txt", "inner.txt"]  # the walk goes on past every odd entry
    assert set(errors) == set(made), errors
    for name, why in made.items():
        assert why in errors[name] and errors[name].startswith("skipped"), errors[name]
    assert count_inputs([str(folder)]) == len(items)


def test_skipped_entries_do_not_stop_an_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    made = _entries(folder)
    with Engine.open(tmp_path / "s.db", embedder="tfidf", extractor="rules") as eng:
        res = eng.ingest([str(folder)])
    assert len(res.added) == 2 and len(res.errors) == len(made)
    assert all("\n" not in str(e) for e in res.errors)


def _folder_with_fifo_and_dangling_link(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    return folder


def test_batch_plan_gives_every_skipped_entry_its_line(tmp_path: Path) -> None:
    from storyline.batch import plan_shards

    folder = _folder_with_fifo_and_dangling_link(tmp_path)
    shards, errors, _ = plan_shards([str(folder)])
    planned = [f for s in shards for f in s.paths]
    assert [Path(f).name for f in planned] == ["good.txt"]
    skipped = sorted(Path(e.source).name for e in errors)
    assert skipped == ["dangling.txt", "pipe.txt"], [str(e) for e in errors]


def test_watch_reports_each_skipped_entry_once(tmp_path: Path) -> None:
    from storyline.watch import Watcher

    folder = _folder_with_fifo_and_dangling_link(tmp_path)
    with Engine.open(tmp_path / "w.db", embedder="tfidf", extractor="rules") as eng:
        w = Watcher(eng, [folder])
        for _ in range(3):
            w.scan()
        lines = w.stats.error_log
    assert len(lines) == 2 and all("skipped" in line for line in lines), lines
    assert {Path(line.split(":")[0]).name for line in lines} == {"dangling.txt", "pipe.txt"}


@pytest.mark.parametrize(
    # "[/]" in a path: a folder "[bold red]x[" holding "].txt"
    "name",
    ["[bold red]x.txt", "[link=mailto:a@evil.example]y.txt", "[bold red]x[/].txt"],
)
def test_cli_error_lines_print_markup_looking_names_literally(tmp_path: Path, name: str) -> None:
    """Rich markup in a file name is text: the error line shows the name as it is."""
    from typer.testing import CliRunner

    from storyline.cli import app

    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_bytes(b"")  # empty: refused with an error naming it
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "[red]s[/red].db"
    res = CliRunner().invoke(
        app, ["ingest", str(tmp_path / name), str(tmp_path / "good.txt"), "--db", str(db)]
    )
    assert res.exit_code == 0, res.output
    assert "MarkupError" not in res.output
    lines = [ln for ln in res.output.splitlines() if "skipped" in ln]
    assert len(lines) == 1 and name in lines[0], res.output
    assert str(db) in res.output.replace("\n", "")  # the summary names the store literally
    # a file that does not exist: the one-line error names it literally too
    gone = tmp_path / "[bold]missing[/bold].txt"
    res = CliRunner().invoke(app, ["ingest", str(gone), "--db", str(db)])
    assert res.exit_code != 0 and str(gone) in res.output.replace("\n", ""), res.output


def test_watch_live_display_prints_markup_looking_names_literally() -> None:
    from rich.console import Console

    from storyline.watch import WatchStats, render_stats

    stats = WatchStats()
    stats.current, stats.last_error, stats.errors = "[bold]x[/bold].txt", "[red]bad[/red]", 1
    console = Console(record=True, width=300)
    console.print(render_stats(stats, ["/in/[b]folder[/b]"], "/out/s.db"))
    shown = console.export_text()
    for literal in ("[bold]x[/bold].txt", "[red]bad[/red]", "/in/[b]folder[/b]"):
        assert literal in shown, shown


def test_every_bad_path_in_one_cli_run_is_bounded(tmp_path: Path) -> None:
    """The CLI over a folder of every bad path at once: it finishes, in bounded memory and time.

    Every odd entry (links dangling or looping, a FIFO, a socket, a device file), names
    with control characters and markup, and a name that is not UTF-8 sit beside two good
    files. One ``storyline ingest`` in a fresh process stores the good files, prints one
    line per refused entry and exits 0, under the peak-RSS bound (its own high mark, from
    ``os.wait4``) and a CPU-time bound (not wall time, which load inflates); a FIFO is
    never opened, so nothing blocks.
    """
    from bounded import PEAK_RSS_LIMIT_MB, run_measured, storyline

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    made = _entries(folder)  # good file "sub/inner.txt" too
    refused = set(made)
    for name in ("line\nbreak.txt", "esc\x1b[2J.txt", "[bold red]x.txt"):
        (folder / name).write_bytes(b"")  # empty: refused with one line naming it
        refused.add(printable(name))
    third = "The Orlen valley rail line reopened on Friday after a landslide closed it in May.\n"
    # (skipped where the file system refuses names that are not UTF-8)
    with contextlib.suppress(OSError, UnicodeError):
        Path(os.fsdecode(bytes(folder) + b"/bad\xff.txt")).write_text(third, encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "400"}
    env.pop("STORYLINE_DB", None)
    db = tmp_path / "s.db"
    u = run_measured(
        storyline("ingest", str(folder), "--db", str(db), "--embedder", "tfidf", "--no-extract"),
        env=env,
    )
    print(f"bad paths: {u.cpu_seconds:.1f} s CPU, peak RSS {u.peak_rss_mb:.0f} MB")
    assert u.returncode == 0 and "Traceback" not in u.stderr + u.stdout, u.stderr
    lines = [ln for ln in u.stderr.splitlines() if ln.strip()]
    assert len(lines) == len(refused) and all(ln.startswith("skipped ") for ln in lines), lines
    for name in refused:
        assert sum(name in ln for ln in lines) >= 1, (name, lines)
    assert u.peak_rss_mb < PEAK_RSS_LIMIT_MB, u.peak_rss_mb
    assert u.cpu_seconds < 120, u.cpu_seconds  # a few seconds when healthy
    conn = sqlite3.connect(str(db))
    try:
        stored = {Path(r[0]).name for r in conn.execute("SELECT source FROM articles")}
    finally:
        conn.close()
    assert {"good.txt", "inner.txt"} <= stored <= {"good.txt", "inner.txt", "bad\\xff.txt"}

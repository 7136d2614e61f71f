"""Continuous ingest: files and feed items are picked up as they appear; stopping loses nothing.

Library-level tests drive ``Watcher``/``watch`` directly; subprocess tests run
``storyline watch`` and stop it with SIGINT, or kill it with SIGKILL and restart it.
No timed assertions: the subprocess tests poll the database with generous timeouts.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.config import load_settings
from storyline.engine import Engine
from storyline.watch import Watcher, WatchStats, watch

TOPICS = (
    ("Harbour cranes idle", "Dock workers at the port of Velmar stopped the cranes on Monday "
     "over a dispute about night shifts, and forty ships waited offshore."),
    ("Library reopens", "The city library of Ostrava Nova reopened its reading room after a "
     "two-year renovation that cost 12 million crowns, the mayor said."),
    ("Bridge closed for repairs", "Engineers closed the old Kessel bridge to lorries after "
     "cracks were found in two of its piers during a routine inspection."),
    ("Orchard frost", "A late frost destroyed half of the apricot blossom in the Dravin valley, "
     "growers said, warning that prices would rise in the summer."),
    ("Tram line extended", "The tram line to the airport of Sella will open in March, the "
     "transport board announced, three years later than first planned."),
)  # fmt: skip


def article_text(i: int) -> str:
    title, lead = TOPICS[i % len(TOPICS)]
    return (
        f"{title} (report {i})\n\n{lead}\n\n"
        f"Officials gave further details of case number {i} at a briefing on Tuesday. "
        f"“We expect a decision within {i + 2} weeks,” a spokeswoman said.\n"
    )


def record(i: int) -> dict[str, str]:
    return {
        "title": TOPICS[i % len(TOPICS)][0] + f" ({i})",
        "text": article_text(i),
        "url": f"https://news.example/item/{i}",
        "outlet": "Example Courier",
        "published": f"2026-03-{1 + i % 27:02d}",
    }


@pytest.fixture()
def engine(tmp_path: Path):
    settings = load_settings(
        env={}, db=str(tmp_path / "w.db"), embedder="tfidf", extractor="rules", chunk_size=2
    )
    with Engine(settings) as e:
        yield e


def count(db: Path, sql: str = "SELECT count(*) FROM articles") -> int:
    con = sqlite3.connect(db, timeout=30)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


# -- library level ----------------------------------------------------------------------------


def test_files_added_between_passes_are_ingested(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(3):
        (inbox / f"a{i}.txt").write_text(article_text(i), encoding="utf-8")
    w = Watcher(engine, [inbox], extract=False)
    stop = threading.Event()
    assert w.scan() == []  # first sight: wait one interval for the files to settle
    ready = w.scan()
    assert sorted(p.name for p in ready) == ["a0.txt", "a1.txt", "a2.txt"]
    assert w.ingest(ready, stop)
    assert w.stats.added == 3
    assert w.scan() == []  # nothing changed: nothing is read again
    (inbox / "a3.txt").write_text(article_text(3), encoding="utf-8")
    (inbox / ".partial.txt").write_text(article_text(4), encoding="utf-8")  # hidden: ignored
    assert w.scan() == []
    ready = w.scan()
    assert [p.name for p in ready] == ["a3.txt"]
    assert w.ingest(ready, stop)
    assert (w.stats.added, w.stats.unchanged, w.stats.files_read) == (4, 0, 4)
    assert len(engine.articles()) == 4
    assert all(a.story_id for a in engine.articles())


def test_a_file_still_growing_is_not_read(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    f = inbox / "growing.txt"
    f.write_text(article_text(0), encoding="utf-8")
    w = Watcher(engine, [inbox], extract=False)
    assert w.scan() == []
    with f.open("a", encoding="utf-8") as h:
        h.write("More text arrived while the file was still being written.\n")
    assert w.scan() == []  # changed since the last scan: not settled yet
    assert w.stats.pending == 1
    assert w.scan() == [f]


def test_feed_file_gets_a_new_item_and_only_it_is_added(engine: Engine, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record(i)) + "\n" for i in range(3)), encoding="utf-8")
    first = watch(engine, [feed], once=True, interval=0.05)
    assert (first.added, first.unchanged) == (3, 0)
    assert first.facts == 3  # report-ready: facts extracted and cached
    with feed.open("a", encoding="utf-8") as h:
        h.write(json.dumps(record(3)) + "\n")
    second = watch(engine, [feed], once=True, interval=0.05)
    assert (second.added, second.unchanged, second.new_versions) == (1, 3, 0)
    assert second.facts == 1
    assert len(engine.articles()) == 4
    cached = engine.store.facts([a.id for a in engine.articles()], engine.facts_key)
    assert len(cached) == 4


def test_rss_feed_rewritten_with_one_more_item(engine: Engine, tmp_path: Path) -> None:
    def rss(n: int) -> str:
        items = "".join(
            f"<item><title>{TOPICS[i][0]}</title><link>https://rss.example/{i}</link>"
            f"<description>{article_text(i)}</description></item>"
            for i in range(n)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Courier</title>{items}</channel></rss>'

    feed = tmp_path / "news.rss"
    feed.write_text(rss(2), encoding="utf-8")
    w = Watcher(engine, [feed], extract=False)
    stop = threading.Event()
    w.scan()
    assert w.ingest(w.scan(), stop)
    assert w.stats.added == 2
    feed.write_text(rss(3), encoding="utf-8")
    os.utime(feed, ns=(time.time_ns(), time.time_ns() + 10**9))  # coarse-mtime filesystems
    w.scan()
    assert w.ingest(w.scan(), stop)
    assert (w.stats.added, w.stats.unchanged) == (3, 2)


def test_stop_during_ingest_keeps_committed_chunks_and_a_rerun_completes(
    engine: Engine, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(9):
        (inbox / f"b{i}.txt").write_text(article_text(i), encoding="utf-8")
    stop = threading.Event()

    def stop_after_five(stats: WatchStats) -> None:
        if stats.inputs >= 5:
            stop.set()

    stats = watch(engine, [inbox], once=True, interval=0.05, stop=stop, on_update=stop_after_five)
    assert stats.interrupted
    stored = len(engine.articles())
    assert 0 < stored < 9
    assert stored % engine.settings.chunk_size == 0  # whole chunks only
    assert engine.store.integrity_ok()
    again = watch(engine, [inbox], once=True, interval=0.05)
    assert (again.added, again.unchanged) == (9 - stored, stored)
    assert len(engine.articles()) == 9


def test_stop_before_start_returns_at_once(engine: Engine, tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()
    stats = watch(engine, [tmp_path], interval=60, stop=stop)
    assert stats.passes == 0 and stats.added == 0


def test_missing_path_is_reported_once_and_watched(engine: Engine, tmp_path: Path) -> None:
    w = Watcher(engine, [tmp_path / "later.jsonl"], extract=False)
    w.scan()
    w.scan()
    assert w.stats.errors == 1 and "later.jsonl" in (w.stats.last_error or "")
    (tmp_path / "later.jsonl").write_text(json.dumps(record(0)) + "\n", encoding="utf-8")
    w.scan()
    assert w.ingest(w.scan(), threading.Event())
    assert w.stats.added == 1


# -- subprocess level -------------------------------------------------------------------------


def storyline_cmd() -> list[str]:
    script = Path(sys.executable).parent / "storyline"
    return [str(script)] if script.exists() else [sys.executable, "-m", "storyline"]


def wait_for(cond: Callable[[], bool], timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting for the watcher")
        time.sleep(0.2)


def safe_count(db: Path, sql: str = "SELECT count(*) FROM articles") -> int:
    try:
        return count(db, sql)
    except sqlite3.OperationalError:  # not created yet
        return 0


def start_watch(db: Path, *paths: Path, extra: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.Popen(
        [*storyline_cmd(), "watch", *map(str, paths), "--db", str(db), "--embedder", "tfidf",
         "--extractor", "rules", "--interval", "0.2", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def test_cli_watch_picks_up_files_and_stops_cleanly_on_sigint(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    proc = start_watch(db, inbox)
    try:
        (inbox / "one.txt").write_text(article_text(0), encoding="utf-8")
        wait_for(lambda: safe_count(db) >= 1)
        (inbox / "two.txt").write_text(article_text(1), encoding="utf-8")
        (inbox / "three.txt").write_text(article_text(2), encoding="utf-8")
        wait_for(lambda: safe_count(db) >= 3)
        proc.send_signal(signal.SIGINT)
        out, errs = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, errs
    assert out.startswith("watch stopped: 3 added"), out
    assert count(db) == 3
    assert count(db, "SELECT count(*) FROM articles WHERE story_id IS NULL") == 0


def test_cli_watch_killed_mid_run_then_restarted_loses_nothing(tmp_path: Path) -> None:
    from storyline.synth import write_jsonl

    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    staging = tmp_path / "staging.jsonl"
    write_jsonl(staging, 200, seed=3)
    urls = {json.loads(line)["url"] for line in staging.read_text(encoding="utf-8").splitlines()}
    proc = start_watch(db, inbox, extra=("--no-extract",))
    try:
        staging.rename(inbox / "batch.jsonl")  # appears whole, as a writer should make it
        wait_for(lambda: safe_count(db) > 0)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    killed_at = count(db)
    done = subprocess.run(
        [*storyline_cmd(), "watch", str(inbox), "--db", str(db), "--embedder", "tfidf",
         "--extractor", "rules", "--interval", "0.2", "--once", "--no-extract"],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    final = count(db)
    assert final >= killed_at
    assert done.stdout.startswith(f"watch stopped: {final - killed_at} added"), done.stdout
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        seen = {r[0] for r in con.execute("SELECT source FROM article_sources")}
        assert urls <= seen  # nothing lost: every item stored or recorded as a sighting
        assert con.execute("SELECT count(*) FROM articles WHERE version > 1").fetchone()[0] == 0
        twice = con.execute(
            "SELECT count(*) FROM (SELECT source FROM articles GROUP BY source HAVING count(*) > 1)"
        ).fetchone()[0]
        assert twice == 0  # nothing stored twice
        assert (
            con.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
        )
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert con.execute("SELECT count(*) FROM signatures").fetchone()[0] == n
    finally:
        con.close()

"""Crash safety: ``storyline ingest`` killed with SIGKILL at random moments, then restarted.

A 2,500-record synthetic run (``storyline.synth``, ten JSONL shards, 40 chunks of the
ingest's 64 records) is ingested by the real command in a subprocess. 120 of its sources are revised further on in the input
(same URL, changed text: A -> B, and reverts A -> B -> A and A -> B -> A -> B), mostly
hundreds of records apart, so kills and restarts fall between the versions. The test kills it 20 times at points drawn from a fixed seed
and spread over the whole run. Each point is a number of committed articles, polled from
the SQLite file through a read-only connection, never a wall-clock time: the kill comes
once the store holds that many articles, either at once (the process is reading and
cleaning its next chunk; at 0, while it starts) or, for half of the kills, once it holds
SQLite's write lock (inside a chunk's transaction). After each kill the same command is
run again; after the last one it runs to the end. A process that finishes before its
kill (a loaded machine can make the poll late) is not counted: the store is put back as
the previous kill left it and the kill is retried at an earlier point, within a cap on
processes started. Load only makes the test slower. Then the store must be whole:

- every input record is accounted for: its article stored exactly once, or (exact copies)
  a sighting of the stored article at the record's URL; no article lost, none doubled;
- every story row names only existing articles (and its ``n_articles`` counts them), every
  article's story and ``duplicate_of`` exist, ``PRAGMA integrity_check`` is ``ok``,
  ``PRAGMA foreign_key_check`` is empty and the full-text index matches the articles;
- the store equals the store of one uninterrupted run of the same command on the same
  input (run at the same time in a second process): same articles, same sightings, same
  copies, same versions (each article's source, version, predecessor and currency; each
  revised source ends with A and B stored and its last text current), and the same story
  partition (a restart rebuilds the story index exactly as the running process had it).

``STORYLINE_CRASH_ARTICLES=5000`` runs the larger input this test used until the suite's time
budget got tight (it then took 140 s of a CI run's 500; the same kills, revisions and checks,
on twice the records and one more doubling of the story index);
``STORYLINE_CRASH_KILLS=N`` runs more kills on demand (default 20; at least 20 by design);
``STORYLINE_CRASH_SEED`` picks another kill schedule. No timing is asserted or used.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pytest

from storyline.synth import write_jsonl

N_ARTICLES = max(2000, int(os.environ.get("STORYLINE_CRASH_ARTICLES", "2500")))
SHARDS = 10
KILLS = max(20, int(os.environ.get("STORYLINE_CRASH_KILLS", "20")))
SEED = int(os.environ.get("STORYLINE_CRASH_SEED", "20261123"))
# Upper bound on one process's life; far above what a healthy run needs, so a hung
# ingest fails the test instead of hanging CI.
PROCESS_TIMEOUT = float(os.environ.get("STORYLINE_CRASH_TIMEOUT", "1800"))
# Processes started under the kill plan, retries included (a bound on attempts, not time).
MAX_ATTEMPTS = 3 * KILLS

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs POSIX signals (SIGKILL)"
)


def storyline_cmd() -> list[str]:
    """The installed ``storyline`` script of this interpreter's venv, else ``python -m``."""
    script = Path(sys.executable).with_name("storyline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "storyline"]


def ingest_cmd(files: list[Path], db: Path) -> list[str]:
    # --no-extract: the store's crash safety is under test, not thousands of spaCy extractions
    return [*storyline_cmd(), "ingest", *map(str, files), "--db", str(db), "--embedder", "tfidf",
            "--no-extract"]  # fmt: skip


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", STORYLINE_DEBUG="1", PYTHONUNBUFFERED="1")
    env.pop("STORYLINE_DB", None)
    return env


# -- watching the database from outside ------------------------------------------------------


class Probe:
    """Looks at the ingest's database from this process without disturbing it.

    Reads go through a read-only connection (WAL readers never block the writer). The
    write-lock probe takes ``BEGIN IMMEDIATE`` with no wait: it fails exactly while the
    ingest holds the write lock, i.e. is inside a chunk's transaction.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._ro: sqlite3.Connection | None = None
        self._rw: sqlite3.Connection | None = None

    def _read(self, sql: str) -> int | None:
        if not self.db.exists():
            return None
        try:
            if self._ro is None:
                self._ro = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5.0)
            row = self._ro.execute(sql).fetchone()
        except sqlite3.OperationalError:  # not migrated yet, or WAL recovery under way
            return None
        return int(row[0]) if row and row[0] is not None else 0

    def count(self) -> int:
        return self._read("SELECT COUNT(*) FROM articles") or 0

    def last_run(self) -> int:
        return self._read("SELECT MAX(id) FROM runs") or 0

    def writer_in_transaction(self) -> bool:
        if not self.db.exists():
            return False
        try:
            if self._rw is None:
                self._rw = sqlite3.connect(str(self.db), timeout=0, isolation_level=None)
            self._rw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc) or "busy" in str(exc)
        self._rw.execute("ROLLBACK")
        return False

    def close(self) -> None:
        for c in (self._ro, self._rw):
            if c is not None:
                c.close()
        self._ro = self._rw = None


# -- the kill schedule ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Kill:
    """When to kill one ingest process, decided by the store's progress alone.

    Attributes:
        at: committed articles to wait for (already reached after a restart: the kill falls
            into the restarted process's start, right after it has recorded its run).
        in_transaction: then also wait until it holds the write lock (inside a chunk's
            transaction); otherwise kill at once (while it reads and cleans the next chunk).
    """

    at: int
    in_transaction: bool


def kill_plan(n_kills: int, n_articles: int, seed: int) -> list[Kill]:
    """``n_kills`` kills whose stopping points are spread over the whole run.

    The points are uniform over the run, plus one at the start (nothing stored yet) and
    one near the end. Points are absolute store sizes, so what a process stores between
    its kill point and the kill itself does not push later kills past the end.
    """
    rng = random.Random(seed)
    # Stored articles stay below the input count (exact copies become sightings), so the
    # last point is kept where the run surely gets: 90% of the inputs.
    end = int(n_articles * 0.9)
    points = sorted([0, end] + [rng.randrange(0, end) for _ in range(n_kills - 2)])
    return [Kill(at=p, in_transaction=i > 0 and rng.random() < 0.5) for i, p in enumerate(points)]


@dataclass(slots=True)
class CrashLog:
    """What happened to each killed process (for the failure message and the notes)."""

    kills: int = 0
    in_transaction: int = 0
    finished_early: int = 0  # attempts that ran to the end first (retried from a snapshot)
    attempts: int = 0
    counts: list[int] = field(default_factory=list)  # articles stored after each kill
    startup_seconds: list[float] = field(default_factory=list)  # start → run recorded
    final_seconds: float = 0.0


def _wait(proc: subprocess.Popen[bytes], until: float, cond: Callable[[], bool]) -> bool:
    """Poll until ``cond()`` is true (True) or the process has exited (False)."""
    while proc.poll() is None:
        if cond():
            return True
        if time.monotonic() > until:
            proc.kill()
            raise AssertionError("the ingest process made no progress within the time limit")
        time.sleep(0.02)
    return False


def _kill_one(
    files: list[Path], db: Path, k: Kill, probe: Probe, out: BinaryIO, log: CrashLog
) -> bool:
    """Start one ingest and kill it as ``k`` says; False when it finished first.

    No wall-time wait decides anything: the kill comes once the store holds ``k.at``
    articles (and, for an in-transaction kill, once the write lock is seen held), so a
    slow or loaded machine only makes each step take longer. The time limit only catches
    a process that stops making progress.
    """
    run_before = probe.last_run()
    t0 = time.monotonic()
    proc = subprocess.Popen(
        ingest_cmd(files, db), stdout=out, stderr=subprocess.STDOUT, env=child_env()
    )
    limit = t0 + PROCESS_TIMEOUT
    try:
        # Started: the process has opened (and recovered) the store and recorded its run.
        if not _wait(proc, limit, lambda: probe.last_run() > run_before):
            return False
        log.startup_seconds.append(time.monotonic() - t0)
        if not _wait(proc, limit, lambda: probe.count() >= k.at):
            return False
        if k.in_transaction and not _wait(proc, limit, probe.writer_in_transaction):
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.returncode != -signal.SIGKILL:  # it exited on its own just before
            return False
        log.kills += 1
        log.in_transaction += int(k.in_transaction)
        log.counts.append(probe.count())
        return True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


_DB_FILES = ("", "-wal", "-shm")


def _snapshot(db: Path, to: Path) -> None:
    """Copy the store's files (database, WAL, shared index), as a killed process left them."""
    to.mkdir(exist_ok=True)
    for suffix in _DB_FILES:
        src, dst = Path(f"{db}{suffix}"), to / f"{db.name}{suffix}"
        dst.unlink(missing_ok=True)
        if src.exists():
            shutil.copyfile(src, dst)


def _restore(db: Path, frm: Path) -> None:
    for suffix in _DB_FILES:
        dst, src = Path(f"{db}{suffix}"), frm / f"{db.name}{suffix}"
        dst.unlink(missing_ok=True)
        if src.exists():
            shutil.copyfile(src, dst)


def crash_run(
    files: list[Path], db: Path, plan: list[Kill], logs: Path, max_attempts: int
) -> CrashLog:
    """Run the ingest under the kill plan, restarting after each kill, then to the end.

    A process that finishes before its kill (only possible near the end, or for an
    in-transaction kill that never saw the lock) does not count: the store is put back
    as the previous kill left it, and the same kill is tried again with an earlier point,
    halfway back to what is stored (the last retries kill at start-up, which always
    lands). ``max_attempts`` bounds the processes started, not the time taken.
    """
    probe = Probe(db)
    log = CrashLog()
    snap = logs / "snapshot"
    try:
        for n, planned in enumerate(plan):
            k = planned
            for retry in itertools.count():
                assert log.attempts < max_attempts, f"no kill landed in {log.attempts} attempts"
                log.attempts += 1
                probe.close()
                _snapshot(db, snap)
                before = probe.count()
                with (logs / f"kill-{n:02d}-{retry}.log").open("wb") as out:
                    if _kill_one(files, db, k, probe, out, log):
                        break
                log.finished_early += 1
                probe.close()
                _restore(db, snap)
                # Earlier: halfway back to what is stored; an in-transaction kill keeps
                # waiting for the lock once more, then kills at once.
                k = Kill(at=before + (k.at - before) // 2 if k.at > before else before,
                         in_transaction=k.in_transaction and retry == 0)  # fmt: skip
        t0 = time.monotonic()
        with (logs / "final.log").open("wb") as out:
            rc = subprocess.run(
                ingest_cmd(files, db), stdout=out, stderr=subprocess.STDOUT, env=child_env(),
                timeout=PROCESS_TIMEOUT, check=False,
            ).returncode  # fmt: skip
        log.final_seconds = time.monotonic() - t0
        assert rc == 0, (logs / "final.log").read_text()[-3000:]
    finally:
        probe.close()
    return log


# -- revised sources -----------------------------------------------------------------------

# How each revised URL's texts follow one another in the input (A is the record's own
# text, B an edit of it): a plain revision, a revert (A -> B -> A) by the byte-identical
# record (a raw input seen before) or by a record whose title changed (an article seen
# before), and a revert to the revision (A -> B -> A -> B).
REVISION_KINDS: dict[str, tuple[str, ...]] = {
    "revised": ("A", "B"),
    "reverted": ("A", "B", "A"),
    "reverted-retitled": ("A", "B", "A*"),
    "reverted-twice": ("A", "B", "A", "B"),
}
REVISIONS_PER_KIND = 30  # 120 sources, 330 of the 2,500 records


@dataclass(frozen=True, slots=True)
class Revised:
    """A source whose text changes in the input: its URL, kind and expected current version."""

    url: str
    kind: str
    versions: int  # articles stored at the source (A, B)
    current: int  # the version current at the end


def _revise(text: str, n: int) -> str:
    """B: the article with its last paragraph replaced by a (fictional) update line."""
    paras = text.split("\n\n")
    keep = paras[:-1] if len(paras) > 2 else paras
    return "\n\n".join(
        [*keep, f"Update {n}: the figures in this report were corrected after publication."]
    )


def add_revisions(records: list[dict[str, str]], seed: int) -> list[Revised]:
    """Turn some records into later versions of earlier ones, in place (same record count).

    Each revised source starts at a record whose text is unique in the input (its A); its
    B and later texts replace records further on, most in later shards (another chunk,
    often another process after a kill), a few close by (the same chunk). Revisions keep
    the URL, outlet and publication time of their source, as an edited page does.
    """
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    for r in records:
        counts[r["text"]] = counts.get(r["text"], 0) + 1
    n = len(records)
    taken: set[int] = set()
    revised: list[Revised] = []
    kinds = [k for k in REVISION_KINDS for _ in range(REVISIONS_PER_KIND)]
    rng.shuffle(kinds)
    for m, kind in enumerate(kinds):
        steps = REVISION_KINDS[kind]
        while True:
            first = rng.randrange(0, int(n * 0.6))
            near = m % 6 == 0  # one in six within a few records (one chunk)
            gaps = [rng.randint(1, 6) if near else rng.randint(200, 1200) for _ in steps[1:]]
            at = [first + sum(gaps[:i]) for i in range(len(steps))]
            if at[-1] < n and not set(at) & taken and counts[records[first]["text"]] == 1:
                break
        taken.update(at)
        a = records[first]
        b_text = _revise(a["text"], m)
        for step, i in zip(steps[1:], at[1:], strict=True):
            text = b_text if step == "B" else a["text"]
            title = a["title"] + (" (updated)" if step == "A*" else "")
            records[i] = {**a, "title": title, "text": text}
        revised.append(
            Revised(a["url"], kind, versions=2, current=1 if steps[-1].startswith("A") else 2)
        )
    return revised


# -- checking a store ----------------------------------------------------------------------


@dataclass(slots=True)
class StoreView:
    """What two stores are compared on."""

    articles: set[str]
    sightings: set[tuple[str, str]]
    duplicate_of: dict[str, str]
    partition: set[frozenset[str]]
    story_of: dict[str, str]
    versions: dict[str, tuple[str, int, str | None, bool]]  # id -> source, version, etc.


def check_store(db: Path, urls: set[str], revised: Sequence[Revised]) -> StoreView:
    """Assert that the store at ``db`` is whole and holds every input URL; return its view."""
    conn = sqlite3.connect(str(db))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # FTS5 external-content index agrees with the articles table (raises if not).
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        rows = conn.execute(
            "SELECT id, source, version, supersedes, is_current, duplicate_of, story_id, seq, "
            "text FROM articles"
        ).fetchall()
        ids = {r[0] for r in rows}
        assert len(ids) == len(rows)
        texts = [r[8] for r in rows]
        assert len(set(texts)) == len(texts), "the same text is stored twice"
        # Chunks commit whole: ingest order numbers have no gaps and no repeats.
        assert sorted(r[7] for r in rows) == list(range(1, len(rows) + 1))
        # Versions: a source that was not revised holds one current first version; a
        # revised one holds A (1) and B (2, superseding A), the last text seen current.
        kind_of = {r.url: r for r in revised}
        at_source: dict[str, list[tuple[int, str, str | None, int]]] = {}
        for r in rows:
            at_source.setdefault(r[1], []).append((int(r[2]), r[0], r[3], int(r[4])))
        for source, vs in at_source.items():
            vs.sort()
            if source not in kind_of:
                assert [(v, sup, cur) for v, _, sup, cur in vs] == [(1, None, 1)], (source, vs)
                continue
            rev = kind_of[source]
            assert [v for v, *_ in vs] == list(range(1, rev.versions + 1)), (rev, vs)
            assert vs[0][2] is None and all(
                later[2] == earlier[1] for earlier, later in itertools.pairwise(vs)
            ), (rev, vs)
            assert [cur for *_, cur in vs] == [int(v == rev.current) for v, *_ in vs], (rev, vs)
        assert set(kind_of) <= set(at_source), "a revised source with no article"
        n_sig = conn.execute(
            "SELECT COUNT(*) FROM signatures s JOIN articles a ON a.id = s.article_id "
            "WHERE s.minhash IS NOT NULL AND s.vector IS NOT NULL"
        ).fetchone()[0]
        assert n_sig == len(rows), "an article without its dedup/cluster signature"
        sightings = set(conn.execute("SELECT article_id, source FROM article_sources"))
        # Every input record is either an article (seen at its URL) or an exact copy of one
        # (a sighting at its URL); a URL never points at two articles.
        assert {src for _, src in sightings} == urls
        # A URL points at one article, or (revised) only at the versions stored there.
        ids_at = {src: {aid for _, aid, *_ in vs} for src, vs in at_source.items()}
        for aid, src in sightings:
            assert src not in kind_of or aid in ids_at[src], (aid, src)
        assert len(sightings - {(a, s) for a, s in sightings if s in kind_of}) == len(
            urls - set(kind_of)
        )
        assert {(r[0], r[1]) for r in rows} <= sightings
        dup = {r[0]: r[5] for r in rows if r[5] is not None}
        assert set(dup.values()) <= ids and all(a != b for a, b in dup.items())
        story_of = {r[0]: r[6] for r in rows}
        assert None not in story_of.values(), "an article without a story"
        members: dict[str, set[str]] = {}
        for aid, sid in story_of.items():
            members.setdefault(sid, set()).add(aid)
        stories = {
            r[0]: (int(r[1]), int(r[2]))
            for r in conn.execute("SELECT id, n_articles, n_independent FROM stories")
        }
        assert set(stories) == set(members), "a story row without articles, or the reverse"
        current = {r[0] for r in rows if r[4]}
        for sid, (n_articles, n_independent) in stories.items():
            # a story counts its current articles (an earlier version stays a member)
            assert n_articles == len(members[sid] & current), sid
            assert 1 <= n_independent <= n_articles, sid
    finally:
        conn.close()
    return StoreView(
        articles=ids,
        sightings=sightings,
        duplicate_of=dup,
        partition={frozenset(m) for m in members.values()},
        story_of=story_of,
        versions={r[0]: (r[1], int(r[2]), r[3], bool(r[4])) for r in rows},
    )


# -- tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[Path], set[str], list[Revised]]:
    """The 2,500 synthetic records in ten JSONL files, their URLs and the revised sources."""
    folder = tmp_path_factory.mktemp("crash-input")
    files = write_jsonl(folder / "synthetic.jsonl", N_ARTICLES, seed=11, shards=SHARDS)
    lines = [(f, line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    records = [json.loads(line) for _, line in lines]
    revised = add_revisions(records, SEED)
    for f in files:
        f.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n"
                    for (g, _), r in zip(lines, records, strict=True) if g == f),
            encoding="utf-8",
        )  # fmt: skip
    urls = {r["url"] for r in records}
    assert len(urls) == N_ARTICLES - sum(len(REVISION_KINDS[r.kind]) - 1 for r in revised)
    return files, urls, revised


def test_kill_plan_spreads_over_the_run() -> None:
    plan = kill_plan(KILLS, N_ARTICLES, SEED)
    assert len(plan) == KILLS
    assert plan[0].at == 0  # one kill during the first chunk
    points = [k.at for k in plan]
    assert points[-1] == int(N_ARTICLES * 0.9)  # one near the end
    assert points[len(points) // 2] > N_ARTICLES * 0.2  # not all bunched at the start
    assert 0 < sum(k.in_transaction for k in plan) < KILLS
    assert plan == kill_plan(KILLS, N_ARTICLES, SEED)  # deterministic


def test_exact_copy_within_one_chunk_is_a_sighting(tmp_path: Path) -> None:
    """Two records with the same text in one chunk: one article, seen at both URLs.

    (The copy's sighting used to be written before its article's row existed: a foreign
    key error that stopped the whole ingest.)
    """
    from storyline.engine import Engine

    text = (
        "The harbour authority of Velmora opened a second ferry terminal on Tuesday, "
        "doubling the number of daily crossings to the islands.\n"
        "Officials said the terminal cost 40 million and took three years to build."
    )
    recs = [
        {"title": "Velmora opens ferry terminal", "text": text, "url": f"https://w{i}.example/f"}
        for i in range(2)
    ]
    src = tmp_path / "copies.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    with Engine.open(tmp_path / "c.db", embedder="tfidf", extractor="rules") as eng:
        res = eng.ingest([str(src)])
        assert len(res.added) == 1 and res.unchanged == 1 and not res.errors
    conn = sqlite3.connect(str(tmp_path / "c.db"))
    try:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
        assert {r[0] for r in conn.execute("SELECT source FROM article_sources")} == {
            "https://w0.example/f",
            "https://w1.example/f",
        }
    finally:
        conn.close()


@pytest.mark.slow  # a minute: 20 restarts of a 2,500-article ingest (see the module doc)
def test_sigkill_during_ingest_loses_nothing(
    synthetic: tuple[list[Path], set[str], list[Revised]], tmp_path: Path
) -> None:
    files, urls, revised = synthetic
    reference_db, crashed_db = tmp_path / "reference.db", tmp_path / "crashed.db"
    logs = tmp_path / "logs"
    logs.mkdir()
    t0 = time.monotonic()
    # The uninterrupted run goes on in parallel (a second core), on the same input.
    with (logs / "reference.log").open("wb") as out:
        reference = subprocess.Popen(
            ingest_cmd(files, reference_db), stdout=out, stderr=subprocess.STDOUT, env=child_env()
        )
        try:
            plan = kill_plan(KILLS, N_ARTICLES, SEED)
            log = crash_run(files, crashed_db, plan, logs, MAX_ATTEMPTS)
            reference_rc = reference.wait(timeout=PROCESS_TIMEOUT)
        finally:
            if reference.poll() is None:
                reference.kill()
                reference.wait()
    assert reference_rc == 0, (logs / "reference.log").read_text()[-3000:]
    summary = (
        f"{log.kills} kills ({log.in_transaction} inside a write transaction), "
        f"{log.finished_early} finished before its kill and were retried earlier "
        f"({log.attempts} processes); stored after each kill: {log.counts}, "
        f"{len(set(log.counts))} distinct; "
        f"start-up {min(log.startup_seconds, default=0):.1f}-"
        f"{max(log.startup_seconds, default=0):.1f} s; final run {log.final_seconds:.1f} s; "
        f"total {time.monotonic() - t0:.0f} s"
    )
    print(summary)
    assert log.kills >= KILLS, summary
    assert log.in_transaction >= 1, summary
    # Kills landed all over the run, not only at its start.
    assert max(log.counts) > 0.8 * N_ARTICLES * 0.9 and min(log.counts) < N_ARTICLES * 0.1

    crashed = check_store(crashed_db, urls, revised)
    reference_view = check_store(reference_db, urls, revised)
    lost = reference_view.articles - crashed.articles
    extra = crashed.articles - reference_view.articles
    assert not lost and not extra, f"{len(lost)} articles lost, {len(extra)} extra; {summary}"
    assert crashed.sightings == reference_view.sightings
    # Copy detection restores its groups from the stored links: the same copies.
    assert crashed.duplicate_of == reference_view.duplicate_of
    # Versions: each article's source, version number, predecessor and currency are those
    # of the uninterrupted run (restarts replay the inputs taken in before, in order).
    assert crashed.versions == reference_view.versions
    print(
        f"versions: {len(revised)} revised sources "
        f"({sum(r.current == 1 for r in revised)} reverted to A), "
        f"{sum(v[1] > 1 for v in crashed.versions.values())} second versions, identical"
    )
    # Stories: a restart rebuilds the story index as the running process had it (the
    # weights' index sizes are stored, the settle and split schedules are functions of the
    # stored sizes, chunks end where one run's would, and a settle a kill cut short is done
    # by the next run), so the partition is exactly the uninterrupted run's.
    mates_c = {a: s for s in crashed.partition for a in s}
    mates_r = {a: s for s in reference_view.partition for a in s}
    differ = sum(mates_c[a] != mates_r[a] for a in crashed.articles)
    print(
        f"story partition: {len(crashed.partition)} stories after kills, "
        f"{len(reference_view.partition)} in one run; {differ} of {len(crashed.articles)} "
        "articles have other story-mates"
    )
    assert crashed.partition == reference_view.partition, summary


_HARBOUR = [
    "The harbour authority of Velmora opened a second ferry terminal on Tuesday morning.",
    "The terminal doubles the number of daily crossings to the four outer islands.",
    "Officials said the building cost 40 million crowns and took three years to finish.",
    "Ilsa Brandt, the mayor, cut the ribbon in front of about two hundred residents.",
    "Fishermen had asked for a separate quay so that ferries and trawlers no longer share one berth.",
    "The old terminal will close for repairs in September and reopen next spring.",
    "Ticket prices stay the same until the end of the year, the authority said.",
    "A night crossing to the largest island is planned for the summer season.",
]


def _harbour(changed: int, line: str) -> str:
    return " ".join(line if i == changed else s for i, s in enumerate(_HARBOUR))


def test_a_restart_links_copies_as_one_run_after_a_version_is_superseded(tmp_path: Path) -> None:
    """A copy of a superseded version links to the same head after a restart as in one run.

    The live copy index keeps an article a later version made non-current; rebuilding it
    from current articles only (as a restarted ingest did) dropped the group's head, and
    a later copy then linked to another article than in one uninterrupted run.
    """
    from storyline.engine import Engine

    url = "https://velmora.example/ferry"
    records = [
        {"url": url, "text": _harbour(-1, ""), "published": "2026-05-04T08:00:00+00:00"},
        {"url": url, "text": _harbour(6, "Ticket prices rise by a tenth in October, the authority said."),
         "published": "2026-05-04T10:00:00+00:00"},
        {"url": "https://isles.example/ferry", "published": "2026-05-04T12:00:00+00:00",
         "text": _harbour(7, "A night crossing to the largest island is planned for next summer.")},
    ]  # fmt: skip
    files = []
    for n, rec in enumerate(records):
        f = tmp_path / f"in-{n}.jsonl"
        rec = {"title": "Velmora opens a second ferry terminal", "outlet": "Velmora Post", **rec}
        f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
        files.append(str(f))

    def links(db: Path, restart: bool) -> dict[str, str]:
        eng = Engine.open(db, embedder="tfidf", extractor="rules")
        try:
            for f in files:
                if restart:  # a new process's engine: indexes rebuilt from the store
                    eng.close()
                    eng = Engine.open(db, embedder="tfidf", extractor="rules")
                assert not eng.ingest([f]).errors
        finally:
            eng.close()
        conn = sqlite3.connect(str(db))
        try:
            rows = conn.execute("SELECT source, version, duplicate_of FROM articles").fetchall()
            by_id = dict(conn.execute("SELECT id, source || ' v' || version FROM articles"))
        finally:
            conn.close()
        return {f"{src} v{v}": by_id.get(dup, "") for src, v, dup in rows}

    one_run = links(tmp_path / "one.db", restart=False)
    assert one_run[f"{url} v2"] == f"{url} v1", one_run  # the revision is a copy of A
    assert one_run["https://isles.example/ferry v1"] == f"{url} v1", one_run
    assert links(tmp_path / "restarted.db", restart=True) == one_run

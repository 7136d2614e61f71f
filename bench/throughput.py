"""End-to-end throughput: synthetic articles from ingest to report-ready, local vs Ray vs naive.

"Report-ready" means every article is stored, deduplicated, assigned to a story, and its
facts are extracted and cached in the store (so ``storyline report`` only aligns and renders).

For each size in ``--sizes`` and each model configuration in ``--configs``:

- ``local``: ``storyline.batch.run_batch(..., engine="local")`` (until that module exists:
  ``Engine.ingest`` over the shards, then ``Engine.facts`` over every stored article);
- ``ray``: ``storyline.batch.run_batch(..., engine="ray")`` on this machine (skipped with a
  note when the batch module or Ray is missing); ``ray.init`` is timed separately;
- ``naive`` (once per configuration, on a subsample): every stage one article at a time —
  the same engine with ``chunk_size=1`` (one embedding call and one transaction per article),
  then ``Engine.facts`` called on one article at a time (one spaCy call and one transaction
  per article).

Each measurement runs in a fresh child process; its peak memory is the peak of the summed
RSS of the child and all of its descendants (Ray's raylet and workers included), sampled
every 0.2 s from /proc. The naive baseline's models are loaded before its clock starts
(load time reported). A batch loads its models itself, as ``storyline batch`` does (its
workers or actors; with the fast models also the driver, which its workers fork from):
that fixed start-up is measured apart, by a 32-article batch run just before the timed
one in the same process. With the fast models the local workers fork from the
warmed-up measuring process; with MiniLM they fork from a fork server that imports torch,
sentence-transformers and spaCy once per process (started by that 32-article batch), so
the timed run's workers only load their models. A cold ``storyline batch`` pays the
fixed start-up once on top.

Usage::

    .venv/bin/python bench/throughput.py                       # 1,000 and 10,000, both configs
    .venv/bin/python bench/throughput.py --sizes 1000 --configs fast --engines local
    .venv/bin/python bench/throughput.py --sizes 1000,10000,100000 --configs fast \
        --json bench/throughput-100k.json                        # unattended; progress on stderr
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIGS = {
    "default": ("minilm", "spacy"),
    "fast": ("tfidf", "rules"),
    "m2v": ("model2vec", "rules"),
}
SHARD_ARTICLES = 2_000  # articles per synthetic JSONL shard (Ray reads shards in parallel)


def log(msg: str) -> None:
    """Progress to stderr, with a timestamp, so an unattended run leaves a readable trail."""
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {msg}\n")
    sys.stderr.flush()


# -- memory of a process tree ---------------------------------------------------------------


def _tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
            # the command name may contain spaces: fields start after the last ")"
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/statm", encoding="ascii") as f:
                rss[pid] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


class PeakSampler:
    """Samples the RSS of a process tree in a thread; ``peak`` is the largest sum seen."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# -- one measurement (runs in a child process) ------------------------------------------------


def _warm_models(embedder: str, extractor: str) -> float:
    t = time.perf_counter()
    from storyline.embed import get_embedder

    get_embedder(embedder).encode(["warm up the embedder"])
    if extractor == "spacy":
        from storyline.nlp import load_spacy

        load_spacy()
    from storyline.stages.prepare.extract import extract_facts  # noqa: F401  (import cost out of the clock)

    return time.perf_counter() - t


def _progress_printer(label: str, every: int = 1000) -> Any:
    def progress(done: int, total: int | None, source: str) -> None:
        if done % every == 0:
            log(f"  {label}: {done} inputs read")

    return progress


def _report_ready_local(settings: Any, inputs: list[str], label: str) -> None:
    """The local path without storyline.batch: ingest every shard, then extract all facts."""
    from storyline.engine import Engine

    with Engine(settings) as engine:
        engine.ingest(inputs, progress=_progress_printer(label))
        arts = engine.articles()
        for i in range(0, len(arts), 256):
            engine.facts(arts[i : i + 256])
            if (i // 256) % 8 == 0:
                log(f"  {label}: facts {min(i + 256, len(arts))}/{len(arts)}")


def _naive(settings: Any, inputs: list[str], label: str) -> None:
    """Every stage one article at a time: chunk_size=1, then facts for one article per call."""
    from dataclasses import replace

    from storyline.engine import Engine

    with Engine(replace(settings, chunk_size=1)) as engine:
        engine.ingest(inputs, progress=_progress_printer(label, every=100))
        for n, a in enumerate(engine.articles(), start=1):
            engine.facts([a])
            if n % 100 == 0:
                log(f"  {label}: facts {n}")


def _batch_progress(label: str, intervals: list[list[float]] | None = None) -> Any:
    """Log every 1,000 committed documents: the interval's rate and the driver's CPU.

    The driver runs the sequential commit, so its CPU per article over each interval shows
    whether the commit gets dearer as the store grows (``intervals`` collects
    ``[documents, seconds, driver CPU seconds]`` per interval for the JSON rows).
    """
    import resource

    def cpu() -> float:
        ru = resource.getrusage(resource.RUSAGE_SELF)
        return ru.ru_utime + ru.ru_stime

    state = {"next": 1000.0, "done": 0.0, "t": time.perf_counter(), "cpu": cpu()}

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "commit" and done >= state["next"]:
            now, c = time.perf_counter(), cpu()
            n, dt, dc = done - state["done"], now - state["t"], c - state["cpu"]
            log(
                f"  {label}: {done} documents committed ({n / dt:.1f}/s over the last {n:.0f}; "
                f"driver CPU {1000 * dc / n:.1f} ms/document)"
            )
            if intervals is not None:
                intervals.append([n, dt, dc])
            state.update(next=done + 1000, done=done, t=now, cpu=c)

    return progress


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement and return its figures (printed as JSON by ``--child``)."""
    from dataclasses import replace

    from storyline.config import load_settings

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    embedder, extractor = CONFIGS[spec["config"]]
    db = spec["db"]
    settings = load_settings(db=db, embedder=embedder, extractor=extractor)
    label = f"{spec['engine']} {spec['config']} n={spec['n']}"
    try:
        from storyline.batch import run_batch
    except ImportError:
        run_batch = None
    if spec["engine"] == "ray" and run_batch is None:
        return {"skipped": "storyline.batch is not available yet"}
    # The naive baseline runs the models in this process: load them before the clock. A
    # batch loads what it needs itself (its workers; with the fast models the driver too,
    # before forking them), inside the fixed start-up timed below: loading them here as
    # well left an unused copy of MiniLM and spaCy in the driver (counted in its peak RSS).
    load_s = _warm_models(embedder, extractor) if spec["engine"] == "naive" else 0.0
    init_s = overhead_s = None
    stage_s: dict[str, float] = {}
    intervals: list[list[float]] = []
    if spec["engine"] == "ray":
        from storyline.batch import ensure_ray

        t = time.perf_counter()
        ensure_ray(spec["workers"])
        init_s = time.perf_counter() - t
    if spec["engine"] != "naive" and run_batch is not None and spec.get("warm"):
        # Fixed cost of a batch (worker processes or Ray actors start and load their
        # models; Ray plans the dataset): a tiny batch of the same kind, timed apart.
        t = time.perf_counter()
        run_batch(
            [spec["warm"]], engine=spec["engine"], db=db + ".warm", out=None,
            settings=replace(settings, db=db + ".warm"), workers=spec["workers"],
        )  # fmt: skip
        overhead_s = time.perf_counter() - t
    import resource

    def cpu(who: int) -> float:
        ru = resource.getrusage(who)
        return ru.ru_utime + ru.ru_stime

    cpu0 = (cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN))
    t0 = time.perf_counter()
    if spec["engine"] == "naive":
        _naive(settings, spec["inputs"], label)
        path = "Engine, chunk_size=1, facts one article per call"
    elif run_batch is not None:
        res = run_batch(
            spec["inputs"], engine=spec["engine"], db=db, out=None, settings=settings,
            workers=spec["workers"], progress=_batch_progress(label, intervals),
        )  # fmt: skip
        stage_s = dict(res.seconds)
        path = f"storyline.batch.run_batch(engine={spec['engine']!r}, workers={spec['workers']})"
    else:
        _report_ready_local(settings, spec["inputs"], label)
        path = "Engine.ingest + Engine.facts (storyline.batch not available)"
    seconds = time.perf_counter() - t0
    # CPU of this process (the driver: the sequential commit) and of reaped worker
    # processes (the local pool; Ray's workers are not our children and are not counted)
    driver_cpu_s = cpu(resource.RUSAGE_SELF) - cpu0[0]
    pool_cpu_s = cpu(resource.RUSAGE_CHILDREN) - cpu0[1]
    if spec["engine"] == "ray":
        import ray

        ray.shutdown()
    from storyline.stages.prepare.extract import EXTRACTOR_VERSION

    con = sqlite3.connect(db)
    try:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        in_story = con.execute(
            "SELECT count(*) FROM articles WHERE story_id IS NOT NULL"
        ).fetchone()[0]
        stories = con.execute("SELECT count(*) FROM stories").fetchone()[0]
        facts = con.execute(
            "SELECT count(*) FROM facts WHERE extractor = ?", (f"{extractor}.{EXTRACTOR_VERSION}",)
        ).fetchone()[0]
    finally:
        con.close()
    return {
        "seconds": seconds,
        "load_s": load_s,
        "init_s": init_s,
        "overhead_s": overhead_s,
        "stage_s": stage_s,
        "driver_cpu_s": driver_cpu_s,
        "pool_cpu_s": pool_cpu_s,
        "stored": stored,
        "in_story": in_story,
        "stories": stories,
        "facts": facts,
        "path": path,
        "intervals": intervals,
    }


# -- orchestration ----------------------------------------------------------------------------

WARM_N = 32  # articles in the tiny batch that measures a batch's fixed start-up cost


@dataclass
class Row:
    size: int
    engine: str
    config: str
    workers: int
    seconds: float
    peak_bytes: int
    load_s: float
    init_s: float | None
    overhead_s: float | None
    stage_s: dict[str, float]
    driver_cpu_s: float
    pool_cpu_s: float
    stored: int
    stories: int
    facts: int
    in_story: int
    path: str
    load_before: float
    load_after: float
    intervals: list[list[float]] = field(default_factory=list)  # [docs, s, driver CPU s]

    @property
    def per_s(self) -> float:
        """Articles (inputs) per second, everything in the clock."""
        return self.size / self.seconds if self.seconds else 0.0

    @property
    def ms(self) -> float:
        return 1000 * self.seconds / self.size if self.size else 0.0

    @property
    def steady_per_s(self) -> float | None:
        """Marginal rate with the batch's fixed start-up cost (the tiny batch) taken out."""
        if self.overhead_s is None or self.seconds <= self.overhead_s:
            return None
        return (self.size - WARM_N) / (self.seconds - self.overhead_s)


def make_inputs(workdir: Path, n: int, seed: int) -> list[str]:
    from storyline.synth import write_jsonl

    d = workdir / f"synth-{n}-{seed}"
    done = d / "DONE"
    shards = max(1, -(-n // SHARD_ARTICLES))
    if not done.exists():
        d.mkdir(parents=True, exist_ok=True)
        log(f"writing {n:,} synthetic articles in {shards} shard(s) to {d}")
        write_jsonl(d / "articles.jsonl", n, seed=seed, shards=shards)
        done.write_text("ok\n")
    return sorted(str(p) for p in d.glob("*.jsonl"))


def measure(
    workdir: Path, engine: str, config: str, n: int, inputs: list[str], workers: int, seed: int
) -> Row | str:
    run = workdir / f"run-{engine}-{config}-{n}-{time.time_ns()}"
    run.mkdir(parents=True)
    warm = make_inputs(workdir, WARM_N, seed + 1)[0]  # another seed: nothing shared with the run
    spec = {
        "engine": engine, "config": config, "n": n, "inputs": inputs, "workers": workers,
        "db": str(run / "bench.db"), "warm": warm,
    }  # fmt: skip
    log(f"start {engine} {config} n={n:,} (load {os.getloadavg()[0]:.2f})")
    before = os.getloadavg()[0]
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", json.dumps(spec)],
        stdout=subprocess.PIPE,
        text=True,
    )
    with PeakSampler(proc.pid) as sampler:
        stdout, _ = proc.communicate()
    if proc.returncode != 0:
        return f"{engine} {config} n={n}: child failed (exit {proc.returncode})"
    res = json.loads(stdout.strip().splitlines()[-1])
    if "skipped" in res:
        return f"{engine} {config} n={n}: skipped ({res['skipped']})"
    row = Row(
        size=n, engine=engine, config=config, workers=1 if engine == "naive" else workers,
        seconds=res["seconds"], peak_bytes=sampler.peak, load_s=res["load_s"],
        init_s=res["init_s"], overhead_s=res["overhead_s"], stage_s=res["stage_s"],
        driver_cpu_s=res["driver_cpu_s"], pool_cpu_s=res["pool_cpu_s"],
        stored=res["stored"], stories=res["stories"], facts=res["facts"],
        in_story=res["in_story"], path=res["path"], load_before=before,
        load_after=os.getloadavg()[0], intervals=res.get("intervals", []),
    )  # fmt: skip
    if row.facts != row.stored or row.in_story != row.stored:
        log(f"  WARNING: not report-ready: {row.stored} stored, {row.in_story} in stories, "
            f"{row.facts} with facts")  # fmt: skip
    log(f"done  {engine} {config} n={n:,}: {row.per_s:.1f} articles/s, "
        f"peak {row.peak_bytes / 2**20:.0f} MiB")  # fmt: skip
    if not os.environ.get("BENCH_KEEP"):
        for p in sorted(run.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        run.rmdir()
    return row


def print_table(rows: list[Row], notes: list[str]) -> None:
    print(
        f"{'size':>7} {'engine':<6} {'models':<24} {'art/s':>6} {'steady':>6} {'ms/art':>7} "
        f"{'x naive':>7} {'peak RSS':>9} {'cost/1k':>7}  stored/stories/facts  load avg"
    )
    naive = {r.config: r for r in rows if r.engine == "naive"}
    at_1k = {(r.engine, r.config): r for r in rows if r.size == 1000}
    for r in rows:
        emb, ext = CONFIGS[r.config]
        nv = naive.get(r.config)
        ratio = f"{r.per_s / nv.per_s:.2f}" if nv and r.engine != "naive" else "-"
        b = at_1k.get((r.engine, r.config))
        cost = f"{r.ms / b.ms:.2f}" if b and r.size != b.size else "-"
        steady = f"{r.steady_per_s:.1f}" if r.steady_per_s else "-"
        print(
            f"{r.size:>7,} {r.engine:<6} {r.config + ' (' + emb + '+' + ext + ')':<24} "
            f"{r.per_s:>6.1f} {steady:>6} {r.ms:>7.1f} {ratio:>7} "
            f"{r.peak_bytes / 2**20:>5.0f} MiB {cost:>7}  {r.stored}/{r.stories}/{r.facts}  "
            f"{r.load_before:.1f}->{r.load_after:.1f}"
        )
    print()
    for r in rows:
        extra = []
        if r.init_s is not None:
            extra.append(f"ray.init {r.init_s:.1f} s")
        if r.overhead_s is not None:
            extra.append(f"fixed start-up (a {WARM_N}-article batch) {r.overhead_s:.1f} s")
        st = r.stage_s
        if st:
            cpu = {k[4:]: v for k, v in st.items() if k.startswith("cpu_") and k != "cpu_workers"}
            per = ", ".join(f"{k} {1000 * v / r.size:.1f}" for k, v in cpu.items())
            extra.append(f"worker CPU ms/article: {per}")
            if st.get("cpu_workers"):
                # whole worker processes (model loading, pickling included): also counts the
                # workers of a fork server, which RUSAGE_CHILDREN (the pool figure) cannot see
                extra.append(
                    f"worker processes' CPU {1000 * st['cpu_workers'] / r.size:.1f} ms/article"
                )
            extra.append(
                f"sequential commit {1000 * st.get('commit', 0) / r.size:.1f} ms/article wall"
            )
        if r.driver_cpu_s:
            extra.append(f"driver CPU {1000 * r.driver_cpu_s / r.size:.1f} ms/article")
        if r.pool_cpu_s:
            extra.append(f"local pool CPU {1000 * r.pool_cpu_s / r.size:.1f} ms/article")
        if len(r.intervals) >= 2:
            # the commit's growth: driver CPU per document, first vs last 1,000-document interval
            (n0, _, c0), (n1, _, c1) = r.intervals[0], r.intervals[-1]
            extra.append(
                f"driver CPU per document, first vs last interval: {1000 * c0 / n0:.1f} -> "
                f"{1000 * c1 / n1:.1f} ms (x{(c1 / n1) / (c0 / n0):.2f})"
            )
        if extra:
            print(f"{r.engine} {r.config} n={r.size:,}: " + "; ".join(extra))
    loads = sorted({f"{r.config}: {r.load_s:.1f} s" for r in rows if r.load_s})
    if loads:
        print("naive: models loaded before the clock: " + ", ".join(loads))
    print("code path: " + "; ".join(sorted({f"{r.engine}: {r.path}" for r in rows})))
    for n in notes:
        print("note: " + n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--engines", default="local,ray", help="local and/or ray")
    ap.add_argument("--configs", default="default,fast", help=", ".join(CONFIGS))
    ap.add_argument("--naive", type=int, default=300, help="naive-baseline subsample (0: skip)")
    ap.add_argument("--workers", type=int, default=2, help="batch workers (processes or actors)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=None, help="keeps synthetic shards for reuse")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows here")
    ap.add_argument("--table", type=Path, nargs="+", help="only print the table of saved rows")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return
    if args.table:
        saved = [r for f in args.table for r in json.loads(f.read_text(encoding="utf-8"))]
        defaults = {"driver_cpu_s": 0.0, "pool_cpu_s": 0.0, "workers": args.workers}
        print_table([Row(**(defaults | r)) for r in saved], [])
        return
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    engines = [e for e in args.engines.split(",") if e]
    configs = [c for c in args.configs.split(",") if c]
    workdir = args.workdir or Path(tempfile.gettempdir()) / "storyline-throughput"
    workdir.mkdir(parents=True, exist_ok=True)
    print(
        f"storyline throughput, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at start {os.getloadavg()[0]:.2f} (shared machine)",
        flush=True,
    )
    rows: list[Row] = []
    notes: list[str] = []

    def keep(r: Row | str) -> None:
        if isinstance(r, str):
            notes.append(r)
            log(r)
        else:
            rows.append(r)
        if args.json:
            args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=1) + "\n")

    for config in configs:
        if args.naive:
            sub = make_inputs(workdir, args.naive, args.seed)
            keep(measure(workdir, "naive", config, args.naive, sub, 1, args.seed))
        for n in sizes:
            inputs = make_inputs(workdir, n, args.seed)
            for engine in engines:
                keep(measure(workdir, engine, config, n, inputs, args.workers, args.seed))
    print()
    print_table(rows, notes)


if __name__ == "__main__":
    main()

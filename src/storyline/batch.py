"""Batch ingest: many input shards through the pipeline in parallel, locally or on Ray Data.

The work splits in two:

1. **prepare** (pure, parallel): read a shard into raw documents, then per article
   clean → cluster terms → embedding → extracted facts. Nothing here depends on any other
   article, so it runs in any process, in any order.
   Workers run ``storyline.pipeline.prepare.prepare``, the same function ``Engine.ingest``
   runs (there, for cleaning only).
2. **commit** (sequential, one process): ``Engine.ingest_prepared`` takes the prepared
   articles *in input order* and runs what depends on everything before it: exact
   re-ingests and versions, duplicate detection (``DedupIndex``), incremental story
   assignment (``StoryIndex``) and chunked store writes. Then, with ``out``, the report of
   every story is built (align → report, parallel per story) and written as JSON.

Determinism: inputs are planned into shards and *work units* (up to ``UNIT_DOCS`` raw
documents of one shard) from the file list alone, so both engines prepare exactly the
same units (the same embedding batches, too), and the commit consumes them in plan order
whatever order workers finish in (local: futures in submission order; Ray:
``preserve_order``). The same input therefore gives the same stories, the same story ids
and the same duplicates with ``engine="local"`` and ``engine="ray"`` — and the same as
``Engine.ingest``, which reads and commits in that order too. Commit order is input order,
not publication order: sorting by date would need every article before the first commit.

Memory: neither the driver nor a worker holds more than a few units of articles; the
driver keeps only the dedup and story indexes (signatures, vectors, terms), as
``Engine.ingest`` does.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from storyline.config import Settings, load_settings
from storyline.errors import CleanError, InputError
from storyline.files import write_atomic
from storyline.logs import LOGGER
from storyline.models import RawDoc
from storyline.pipeline.prepare import (
    PRELOAD_MODULES,
    Known,
    Prepared,
    init_worker,
    prepare,
    read,
    walk_inputs,
    warm,
)

if TYPE_CHECKING:
    from storyline.engine import Engine

logger = logging.getLogger(__name__)

UNIT_DOCS = 32  # raw documents per work unit: one embedding batch, one spaCy pipe
SHARD_FILES = 64  # small files grouped into one shard (one read task)
SHARD_BYTES = 8 * 1024 * 1024  # ... up to this many bytes on disk
RAY_OBJECT_STORE = 512 * 1024 * 1024  # object store when batch starts Ray itself

BatchProgress = Callable[[str, int, int | None], None]
"""``progress(stage, done, total_or_None)``; stages: ``read`` (files), ``commit``
(documents), ``reports`` (stories)."""


@dataclass(slots=True)
class BatchResult:
    """What one ``run_batch`` did.

    Attributes:
        read: documents read (articles found plus bad inputs).
        added: articles stored.
        duplicates: stored articles flagged as a copy of another (exact, near or rewrite).
        unchanged: articles whose identical content was already stored.
        new_versions: changed content at an already-stored source.
        errors: one ``InputError`` per bad input, file, record or line.
        stories: stories in the database afterwards.
        reports: report files written (with ``out``).
        seconds: wall time per stage (``plan``, ``ingest`` = prepare and commit
            overlapped, ``commit`` = the driver's sequential part, ``reports``, ``total``)
            and worker CPU time per step (``cpu_clean``, ``cpu_terms``, ``cpu_embed``,
            ``cpu_extract``) and in all (``cpu_workers``: every worker process's CPU time,
            loading its models included; worker processes other than the driver only).
        engine: ``local`` or ``ray``; ``workers``: parallel workers asked for;
            ``workers_used``: distinct processes that prepared units.
        db: the database written; ``out``: the output folder, if any.
    """

    read: int = 0
    added: int = 0
    duplicates: int = 0
    unchanged: int = 0
    new_versions: int = 0
    errors: list[InputError] = field(default_factory=list)
    stories: int = 0
    reports: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    engine: str = "local"
    workers: int = 1
    workers_used: int = 0
    db: str = ""
    out: Path | None = None

    @property
    def ok(self) -> bool:
        """True when something was ingested or everything was already there."""
        return self.added > 0 or self.unchanged > 0


# -- plan -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shard:
    """Input files read by one task, in order."""

    index: int
    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Failed:
    """An ``InputError`` on its way between processes (exceptions with two-argument
    constructors do not survive pickling)."""

    source: str
    reason: str
    clean: bool = False  # a CleanError

    @classmethod
    def of(cls, exc: InputError) -> Failed:
        return cls(exc.source, exc.reason, isinstance(exc, CleanError))

    def error(self) -> InputError:
        return (CleanError if self.clean else InputError)(self.source, self.reason)


@dataclass(slots=True)
class Unit:
    """Up to ``UNIT_DOCS`` raw documents of one shard: the grain of parallel work."""

    key: tuple[int, int]  # (shard index, unit index): the commit order
    items: list[RawDoc | Failed]
    files_done: int = 0  # input files finished with this unit (for progress)


@dataclass(slots=True)
class PreparedUnit:
    key: tuple[int, int]
    items: list[Prepared | Failed]
    files_done: int
    n_read: int
    cpu: dict[str, float]
    worker: int = 0  # pid of the process that prepared it
    worker_cpu: float = 0.0  # that process's CPU time so far (model loading included)
    logs: list[logging.LogRecord] = field(default_factory=list)  # Ray workers' records


@dataclass(frozen=True, slots=True)
class Job:
    """What workers need besides ``Settings``: the same for every unit of one run."""

    ingested_at: str
    outlet: str | None = None  # for inputs that carry none
    published: str | None = None  # for inputs that carry none
    extract: bool = True  # extract facts in the workers (reports ready when the batch ends)


def plan_shards(inputs: Sequence[str]) -> tuple[list[Shard], list[InputError], int]:
    """Expand ``inputs`` into shards of files (in ingest's order) and path errors.

    Small files are grouped (up to ``SHARD_FILES`` files or ``SHARD_BYTES``) so a folder
    of single pages does not become a task per page; a large file is a shard of its own.

    Returns:
        ``(shards, errors, n_files)``.
    """
    errors: list[InputError] = []
    files: list[tuple[str, int]] = []
    for p in inputs:
        if p == "-":
            errors.append(InputError("<stdin>", "batch reads files, not standard input"))
            continue
        path = Path(p)
        if not path.exists():
            errors.append(InputError(p, "no such file or directory"))
            continue
        if path.is_dir():
            try:
                os.listdir(path)
            except OSError as exc:
                errors.append(InputError(p, f"cannot read directory ({exc.strerror or exc})"))
                continue
        for f in walk_inputs(path):
            if isinstance(f, InputError):
                errors.append(f)
                continue
            try:
                size = f.stat().st_size
            except OSError:
                size = 0
            files.append((str(f), size))
    shards: list[Shard] = []
    group: list[str] = []
    group_bytes = 0
    for name, size in files:
        if group and (len(group) >= SHARD_FILES or group_bytes + size > SHARD_BYTES):
            shards.append(Shard(len(shards), tuple(group)))
            group, group_bytes = [], 0
        group.append(name)
        group_bytes += size
    if group:
        shards.append(Shard(len(shards), tuple(group)))
    return shards, errors, len(files)


def read_shard(shard: Shard, settings: Settings, job: Job) -> Iterator[Unit]:
    """The shard's documents as units of up to ``UNIT_DOCS``, in read order."""
    items: list[RawDoc | Failed] = []
    n = 0
    files_done = 0
    for path in shard.paths:
        for item in read([path], settings, outlet=job.outlet, published=job.published):
            items.append(Failed.of(item) if isinstance(item, InputError) else item)
            if len(items) >= UNIT_DOCS:
                yield Unit((shard.index, n), items, files_done)
                items, files_done, n = [], 0, n + 1
        files_done += 1
    if items or files_done:
        yield Unit((shard.index, n), items, files_done)


def prepare_unit(unit: Unit, settings: Settings, job: Job) -> PreparedUnit:
    """Clean, find terms, embed and extract every article of a unit (pure; any process)."""
    cpu = {"clean": 0.0, "terms": 0.0, "embed": 0.0, "extract": 0.0}
    done = prepare(
        [i.error() if isinstance(i, Failed) else i for i in unit.items],
        settings,
        ingested_at=job.ingested_at,
        terms=True,
        embed=True,
        extract=job.extract,
        cpu=cpu,
    )
    out: list[Prepared | Failed] = []
    for p in done:
        assert not isinstance(p, Known)  # no ``known`` check: workers never see the store
        out.append(Failed.of(p) if isinstance(p, InputError) else p)
    return PreparedUnit(
        unit.key, out, unit.files_done, len(unit.items), cpu, os.getpid(), time.process_time()
    )


# -- local engine ----------------------------------------------------------------------------


def _pool_context(settings: Settings | None) -> Any:
    """Fork workers from a warmed-up driver when that is safe, else from a fork server.

    Forked workers share the driver's already imported modules and loaded models (copy on
    write), which saves every worker seconds of imports. Torch's thread pools do not
    survive a fork, so once torch is loaded (or when the minilm embedder will load it),
    workers come from a fork server instead: a fresh process that imports the heavy
    modules once (torch, sentence-transformers, spaCy: about ten seconds) and never runs
    them, then forks each worker, which only loads its models. Spawned workers each did
    those imports themselves, both at once on a two-core machine (23 s before the first
    unit, against 12 s), and again for every batch of a process (19 s, against 3 s).
    """
    import multiprocessing

    if "torch" in sys.modules or (settings is not None and settings.embedder == "minilm"):
        ctx = multiprocessing.get_context("forkserver")
        # Only read when the server starts (once per process); modules that are not
        # installed are skipped by the server.
        ctx.set_forkserver_preload(_FORKSERVER_PRELOAD)
        return ctx
    if settings is not None:
        warm(settings)
    return multiprocessing.get_context("fork")


# What the fork server imports for its workers: ours, then the libraries that take seconds.
_FORKSERVER_PRELOAD = ["storyline.batch", "storyline.engine", *PRELOAD_MODULES]


def _local_units(
    shards: Sequence[Shard], settings: Settings, job: Job, workers: int
) -> Iterator[PreparedUnit]:
    """Prepared units in plan order: in this process, or on a pool of ``workers``."""
    if workers <= 1:
        for shard in shards:
            for unit in read_shard(shard, settings, job):
                yield prepare_unit(unit, settings, job)
        return
    with _worker_pool(workers, _pool_context(settings)) as pool:
        pending: deque[Future[PreparedUnit]] = deque()
        limit = 2 * workers + 1  # bounded look-ahead: memory stays a few units per worker
        for shard in shards:
            for unit in read_shard(shard, settings, job):
                pending.append(pool.submit(prepare_unit, unit, settings, job))
                while len(pending) >= limit:
                    yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# -- worker logs (the pool's initializer and the driver's listener) --------------------------


class _Relay(logging.Handler):
    """Hands a worker's record to the driver's logger of the same name, so it is shown (or
    not) by whatever handlers and levels the driver's shell configured."""

    def emit(self, record: logging.LogRecord) -> None:
        target = logging.getLogger(record.name)
        if target.isEnabledFor(record.levelno):
            target.handle(record)


@contextmanager
def _worker_pool(workers: int, ctx: Any) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes whose log records reach this process once each."""
    with (
        _worker_logs(ctx) as log_args,
        ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=_init_worker, initargs=log_args
        ) as pool,
    ):
        yield pool


@contextmanager
def _worker_logs(ctx: Any) -> Iterator[tuple[Any, int]]:
    """A queue for the workers' ``storyline`` log records, emptied in this process.

    A forkserver or spawned worker starts with no handler, so its warnings (the extraction
    time limit, ...) were lost; a forked one printed through a copy of the driver's handler.
    Now every worker sends its records through a ``QueueHandler`` and a ``QueueListener``
    thread here re-emits each once (stdlib ``logging.handlers``). Yields the initializer's
    arguments: the queue and the driver's level (records below it are not even sent).
    """
    from logging.handlers import QueueListener

    queue = ctx.Queue()
    listener = QueueListener(queue, _Relay())
    listener.start()
    try:
        yield queue, logging.getLogger(LOGGER).getEffectiveLevel()
    finally:
        listener.stop()  # after the pool has shut down: every record sent has arrived
        queue.close()
        queue.join_thread()


def _init_worker(queue: Any, level: int) -> None:
    """The pool's initializer: ``init_worker``, with the ``storyline`` logger sending its
    records to the driver (``_worker_logs``) instead of any handler a fork copied."""
    from logging.handlers import QueueHandler

    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(QueueHandler(queue))
    logger.setLevel(level)
    logger.propagate = False  # a forked root handler (pytest's, say) would print it again
    init_worker()


# -- Ray engine ------------------------------------------------------------------------------


def _ray_read(row: dict[str, Any], settings: Settings, job: Job) -> Iterator[dict[str, Any]]:
    shard: Shard = pickle.loads(row["shard"])
    for unit in read_shard(shard, settings, job):
        yield {"blob": pickle.dumps(unit, protocol=pickle.HIGHEST_PROTOCOL)}


class _RayPrepare:
    """Ray Data actor: models load once per actor, then every unit reuses them."""

    def __init__(self) -> None:
        init_worker()

    def __call__(self, row: dict[str, Any], settings: Settings, job: Job) -> dict[str, Any]:
        unit: Unit = pickle.loads(row["blob"])
        # Ray runs with ``log_to_driver=False`` (its own lines are noise on a CLI), so a
        # warning logged here would be lost: the unit carries its records to the driver,
        # which hands them to its own ``storyline`` loggers (``_ray_units``).
        keep = _KeepRecords()
        logger = logging.getLogger("storyline")
        logger.addHandler(keep)
        try:
            done = prepare_unit(unit, settings, job)
        finally:
            logger.removeHandler(keep)
        done.logs = keep.records
        return {"blob": pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)}


class _KeepRecords(logging.Handler):
    """Collects a worker's records (warnings and above), made picklable for the driver."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # args may not pickle
        record.exc_info = record.exc_text = None
        self.records.append(record)


def ensure_ray(workers: int, object_store_memory: int = RAY_OBJECT_STORE) -> bool:
    """Start a local Ray (``workers`` CPUs) unless one runs; True when this call started it.

    With ``RAY_ADDRESS`` set, connects to that cluster instead.
    """
    import ray

    if ray.is_initialized():
        return False
    # Ray's own INFO lines and deprecation notices are not the user's business on a CLI
    logging.getLogger("ray").setLevel(logging.ERROR)
    if os.environ.get("RAY_ADDRESS"):
        ray.init(log_to_driver=False, logging_level=logging.ERROR)
    else:
        ray.init(
            num_cpus=workers,
            object_store_memory=object_store_memory,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.ERROR,
        )
    return True


def _ray_units(
    shards: Sequence[Shard], settings: Settings, job: Job, workers: int
) -> Iterator[PreparedUnit]:
    import ray.data

    ensure_ray(workers)
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # commit order = plan order
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    # A unit is one row; with small blocks every unit is its own block, so the actor
    # pool deals units out one by one instead of handing one actor a block of them all.
    ctx.target_max_block_size = 64 * 1024
    ds: Any = ray.data.from_items(
        [{"shard": pickle.dumps(s)} for s in shards], override_num_blocks=max(1, len(shards))
    )
    # Reading and preparing are separate operators (different CPU shares keep Ray from
    # fusing them), so a single large shard (one WARC) still feeds every prepare actor.
    ds = ds.flat_map(_ray_read, fn_kwargs={"settings": settings, "job": job}, num_cpus=0.25)
    ds = ds.map(
        _RayPrepare,
        fn_kwargs={"settings": settings, "job": job},
        compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
        num_cpus=0.75,
    )
    last: tuple[int, int] = (-1, -1)
    relay = _Relay()  # the actors' records, as the pool workers' reach the driver
    import warnings

    # Ray warns, from the plan alone, that one shard means one actor; the small blocks
    # above are what spread a shard's units over every actor.
    warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
    for row in ds.iter_rows():
        unit: PreparedUnit = pickle.loads(row["blob"])
        if unit.key <= last:  # preserve_order makes this impossible; never commit out of order
            raise RuntimeError(f"Ray returned unit {unit.key} after {last}")
        last = unit.key
        for record in unit.logs:  # once each, through the driver's handlers (-v/-q apply)
            relay.emit(record)
        yield unit


# -- reports ---------------------------------------------------------------------------------


def _write_reports(settings: Settings, story_ids: Sequence[str], out: Path) -> int:
    """Build and write the report JSON of each story (one engine per process)."""
    from storyline.engine import Engine
    from storyline.render import render_json

    n = 0
    with Engine(settings) as engine:
        for sid in story_ids:
            text = render_json(engine.report(sid))
            write_atomic(out / "reports" / f"{sid}.json", text)
            n += 1
    return n


class _RayReports:
    """Ray Data actor: one engine (one store connection) per actor, reports per story."""

    def __init__(self) -> None:
        init_worker()
        self.engine: Engine | None = None

    def __call__(self, batch: dict[str, Any], settings: Settings, out: str) -> dict[str, Any]:
        from storyline.engine import Engine
        from storyline.render import render_json

        if self.engine is None:
            self.engine = Engine(settings)
        for sid in batch["id"]:
            rep = render_json(self.engine.report(str(sid)))
            write_atomic(Path(out) / "reports" / f"{sid}.json", rep)
        return {"n": [len(batch["id"])]}


def _reports(
    settings: Settings,
    story_ids: list[str],
    out: Path,
    engine: str,
    workers: int,
    progress: BatchProgress | None,
) -> int:
    if not story_ids:
        return 0
    # story_ids come largest first; dealt round-robin, every worker gets a share of big ones
    if engine == "ray":
        import ray.data

        ensure_ray(workers)
        ds: Any = ray.data.from_items(
            [{"id": s} for s in story_ids], override_num_blocks=min(len(story_ids), 256)
        )
        ds = ds.map_batches(
            _RayReports,
            fn_kwargs={"settings": settings, "out": str(out)},
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=max(1, min(workers, len(story_ids)))),
            num_cpus=1,
        )
        n = 0
        for row in ds.iter_rows():
            n += int(row["n"])
            if progress:
                progress("reports", n, len(story_ids))
        return n
    if workers <= 1:
        return _write_reports_progress(settings, story_ids, out, progress)
    parts = [story_ids[i::workers] for i in range(workers)]
    with _worker_pool(workers, _pool_context(None)) as pool:
        futures = [pool.submit(_write_reports, settings, p, out) for p in parts if p]
        n = 0
        for f in futures:
            n += f.result()
            if progress:
                progress("reports", n, len(story_ids))
    return n


def _write_reports_progress(
    settings: Settings, story_ids: Sequence[str], out: Path, progress: BatchProgress | None
) -> int:
    from storyline.engine import Engine
    from storyline.render import render_json

    with Engine(settings) as engine:
        for i, sid in enumerate(story_ids, start=1):
            write_atomic(out / "reports" / f"{sid}.json", render_json(engine.report(sid)))
            if progress:
                progress("reports", i, len(story_ids))
    return len(story_ids)


# -- the batch -------------------------------------------------------------------------------


def run_batch(
    inputs: Sequence[str],
    *,
    engine: Literal["local", "ray"] = "local",
    db: str | None = None,
    out: Path | None = None,
    settings: Settings | None = None,
    progress: BatchProgress | None = None,
    workers: int = 2,
    outlet: str | None = None,
    published: str | None = None,
    extract: bool = True,
) -> BatchResult:
    """Ingest ``inputs`` (files and folders: JSONL, HTML, WARC, feeds…) in parallel.

    Args:
        inputs: files and directories (read recursively, in sorted order).
        engine: ``local`` (a process pool of ``workers``; in this process when
            ``workers <= 1``) or ``ray`` (Ray Data; starts a local Ray of ``workers``
            CPUs unless Ray is running or ``RAY_ADDRESS`` names a cluster).
        db: database path or URL to store into (default: ``out/storyline.db`` with
            ``out``, else ``settings.db``).
        out: folder for ``storyline.db`` (unless ``db``), ``stories.json`` and
            ``reports/<story_id>.json``.
        settings: embedder, extractor, limits (``load_settings()`` when omitted).
        progress: ``progress(stage, done, total)`` callback.
        workers: parallel workers (processes or Ray actors).
        outlet: outlet for inputs that carry none.
        published: publication date for inputs that carry none.
        extract: extract and cache every new article's facts in the workers, so that
            reports afterwards only analyse (``False``: reports extract what they need).

    Returns:
        Counts, errors (one line each) and timings. Bad inputs never stop the batch.
    """
    from storyline.engine import Engine

    if engine not in ("local", "ray"):
        raise ValueError(f"unknown batch engine {engine!r}; choose local or ray")
    t0 = time.perf_counter()
    settings = settings or load_settings()
    target = db or (str(out / "storyline.db") if out is not None else settings.db)
    settings = replace(settings, db=target)
    result = BatchResult(engine=engine, workers=max(1, workers), db=target, out=out)
    shards, plan_errors, n_files = plan_shards(inputs)
    result.errors.extend(plan_errors)
    result.seconds["plan"] = time.perf_counter() - t0
    job = Job(datetime.now(UTC).isoformat(timespec="seconds"), outlet, published, extract)
    units = (
        _ray_units(shards, settings, job, workers)
        if engine == "ray"
        else _local_units(shards, settings, job, workers)
    )
    cpu: dict[str, float] = {}
    pids: set[int] = set()
    worker_cpu: dict[int, float] = {}
    driver = os.getpid()
    files = 0
    waited = 0.0

    def items() -> Iterator[Prepared | InputError]:
        nonlocal files, waited
        it = iter(units)
        while True:
            t = time.perf_counter()
            unit = next(it, None)
            waited += time.perf_counter() - t  # the driver idle, waiting for workers
            if unit is None:
                return
            files += unit.files_done
            pids.add(unit.worker)
            if unit.worker != driver:
                worker_cpu[unit.worker] = max(worker_cpu.get(unit.worker, 0.0), unit.worker_cpu)
            result.read += unit.n_read
            for k, v in unit.cpu.items():
                cpu[k] = cpu.get(k, 0.0) + v
            if progress:
                progress("read", files, n_files)
                progress("commit", result.read, None)
            for item in unit.items:
                yield item.error() if isinstance(item, Failed) else item

    t1 = time.perf_counter()
    with Engine(settings) as eng:
        ingested = eng.ingest_prepared(items()) if shards else eng.ingest_prepared(())
        result.added = len(ingested.added)
        result.unchanged = ingested.unchanged
        result.new_versions = ingested.new_versions
        result.errors.extend(ingested.errors)
        result.duplicates = _count_duplicates(eng, ingested.added)
        stories = eng.stories()
        result.stories = len(stories)
    result.seconds["ingest"] = time.perf_counter() - t1
    result.workers_used = len(pids)
    result.seconds["commit"] = result.seconds["ingest"] - waited
    result.seconds.update({f"cpu_{k}": v for k, v in cpu.items()})
    if worker_cpu:
        result.seconds["cpu_workers"] = sum(worker_cpu.values())
    if out is not None:
        t2 = time.perf_counter()
        rows = [
            {"id": s.id, "title": s.title, "articles": s.article_ids,
             "n_independent": s.n_independent, "first_seen": s.first_seen,
             "last_seen": s.last_seen}
            for s in stories
        ]  # fmt: skip
        import json

        write_atomic(out / "stories.json", json.dumps(rows, ensure_ascii=False, indent=2))
        result.reports = _reports(settings, [s.id for s in stories], out, engine, workers, progress)
        result.seconds["reports"] = time.perf_counter() - t2
    result.seconds["total"] = time.perf_counter() - t0
    return result


def _count_duplicates(engine: Engine, added: Sequence[str]) -> int:
    if not added:
        return 0
    ids = set(added)
    return sum(1 for aid, (dup, _, _) in engine.duplicate_info().items() if aid in ids and dup)


__all__ = [
    "BatchProgress",
    "BatchResult",
    "plan_shards",
    "prepare_unit",
    "run_batch",
]

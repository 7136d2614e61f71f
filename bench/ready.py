"""Reports ready when ingest ends (issue 20): what asking for every story's report costs
after an ingest, with and without extraction during the ingest.

For each data set (``examples``: the bundled example articles; ``ecbplus-dev``: the 197 dev
documents of ``../shared/bench/ecbplus/docs.jsonl``, written to a JSONL file) and a fresh
database each time:

- (a) ``Engine.ingest(..., extract=False)`` (``storyline ingest --no-extract``), then
  ``Engine.report`` of every story: the reports extract (how it worked before issue 20);
- (b) ``Engine.ingest(...)`` (extraction during the ingest, the default), then every
  story's report: the reports only read the cached facts and analyse.

Printed per run: ingest seconds, seconds for all reports, the first report of the story
closest to 10 articles (wall time; the process's CPU time beside it, steadier on a shared
machine), and where the time went (clean, embed and extract inside the
ingest; facts read/extracted and analysis inside the reports, from timers wrapped around
``pipeline.prepare.clean_input``/``embed_articles``/``extract_facts``, ``Engine.facts``
and ``build_report``). Then the ratios the issue asks about:

- ``(b) ingest+reports / (b) ingest``: the issue's figure, target < 2;
- ``(b) ingest+reports / (a) ingest``: the whole job against the bare ingest, for the record;
- ``(a) ingest+reports / (a) ingest``: the same figure before (reports extract lazily).

The models (spaCy, the embedder) and lazy tables are loaded by an untimed warm-up ingest of
the examples before any clock starts, so neither run pays for loading; (a) and (b) run in
the same process, one after the other.

Usage::

    .venv/bin/python bench/ready.py                          # examples and ecbplus-dev
    .venv/bin/python bench/ready.py --sets examples --extractor rules --embedder tfidf
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import load_settings  # noqa: E402
from storyline.demo import examples_dir  # noqa: E402
from storyline.engine import Engine  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def ecbplus_dev(folder: Path) -> Path:
    """ECB+ dev as one JSONL file (text and title only; ids as URLs to keep sources apart)."""
    src = shared_dir() / "bench" / "ecbplus" / "docs.jsonl"
    out = folder / "ecbplus-dev.jsonl"
    with src.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            d = json.loads(line)
            if d["split"] == "dev":
                rec = {"url": f"https://ecbplus.example/{d['id']}", "title": d.get("title") or "",
                       "text": d["text"]}  # fmt: skip
                w.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


@dataclass
class Timers:
    """Wall seconds spent inside the wrapped functions."""

    seconds: dict[str, float] = field(default_factory=dict)

    def wrap(self, owner: Any, name: str, label: str) -> Callable[[], None]:
        real = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - t

        setattr(owner, name, timed)
        return lambda: setattr(owner, name, real)


@contextmanager
def timed_components(timers: Timers) -> Iterator[None]:
    from storyline.pipeline import prepare
    from storyline.stages.analysis import report

    undo = [
        timers.wrap(prepare, "clean_input", "clean"),
        timers.wrap(prepare, "embed_articles", "embed"),
        timers.wrap(prepare, "extract_facts", "extract"),
        timers.wrap(Engine, "facts", "facts"),
        timers.wrap(report, "build_report", "analysis"),
    ]
    try:
        yield
    finally:
        for u in reversed(undo):
            u()


@dataclass
class Run:
    ingest: float
    reports: float
    cpu: tuple[float, float]  # process CPU seconds of the ingest and of the reports
    n_articles: int
    n_stories: int
    ten: tuple[int, float]  # (articles in the story closest to 10, its first report's seconds)
    ingest_parts: dict[str, float]
    report_parts: dict[str, float]


def run(paths: list[str], db: Path, extract: bool, overrides: dict[str, Any]) -> Run:
    with Engine.open(db, **overrides) as eng:
        ti = Timers()
        with timed_components(ti):
            t, c = time.perf_counter(), time.process_time()
            res = eng.ingest(paths, extract=extract)
            ingest, ingest_cpu = time.perf_counter() - t, time.process_time() - c
        stories = eng.stories()
        closest = min(stories, key=lambda s: (abs(len(s.article_ids) - 10), s.id))
        order = [closest, *(s for s in stories if s.id != closest.id)]
        tr = Timers()
        with timed_components(tr):
            t, c = time.perf_counter(), time.process_time()
            ten = 0.0
            for s in order:
                t1 = time.perf_counter()
                eng.report(s.id)
                if s.id == closest.id:
                    ten = time.perf_counter() - t1
            reports, reports_cpu = time.perf_counter() - t, time.process_time() - c
        return Run(ingest, reports, (ingest_cpu, reports_cpu), len(res.added), len(stories),
                   (len(closest.article_ids), ten), ti.seconds, tr.seconds)  # fmt: skip


def parts(d: dict[str, float], keys: tuple[str, ...]) -> str:
    return ", ".join(f"{k} {d.get(k, 0.0):.1f}" for k in keys)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="examples,ecbplus-dev")
    ap.add_argument("--extractor", default=None, choices=["spacy", "rules"])
    ap.add_argument("--embedder", default=None, choices=["minilm", "model2vec", "tfidf"])
    args = ap.parse_args()
    overrides: dict[str, Any] = {}
    if args.extractor:
        overrides["extractor"] = args.extractor
    if args.embedder:
        overrides["embedder"] = args.embedder
    settings = load_settings(**overrides)
    from storyline.pipeline.prepare import warm

    t = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storyline-ready-") as tmp:
        folder = Path(tmp)
        # Models and every lazily loaded table (HTML cleaning, language detection, spaCy,
        # the embedder) are loaded before any clock starts: one untimed ingest of the
        # examples, with extraction, and a report.
        warm(settings)
        with Engine.open(folder / "warm-up.db", **overrides) as eng:
            eng.ingest([str(examples_dir())])
            eng.report(eng.stories()[0].id)
        print(f"models: embedder {settings.embedder}, extractor {settings.extractor} "
              f"(warm-up {time.perf_counter() - t:.1f} s, not counted)")  # fmt: skip
        for name in args.sets.split(","):
            if name == "examples":
                paths = [str(examples_dir())]
            elif name == "ecbplus-dev":
                paths = [str(ecbplus_dev(folder))]
            else:
                raise SystemExit(f"unknown set {name!r}: examples or ecbplus-dev")
            a = run(paths, folder / f"{name}-a.db", False, overrides)
            b = run(paths, folder / f"{name}-b.db", True, overrides)
            print(f"\n{name}: {a.n_articles} articles, {a.n_stories} stories")
            for label, r in (("(a) --no-extract", a), ("(b) extract    ", b)):
                print(f"  {label}  ingest {r.ingest:6.1f} s  all reports {r.reports:6.1f} s  "
                      f"first report of a {r.ten[0]}-article story {r.ten[1]:.2f} s  "
                      f"(CPU: ingest {r.cpu[0]:.1f} s, reports {r.cpu[1]:.1f} s)")  # fmt: skip
                print(f"      ingest: {parts(r.ingest_parts, ('clean', 'embed', 'extract'))}; "
                      f"reports: {parts(r.report_parts, ('facts', 'extract', 'analysis'))} "
                      "(facts = reading the cache + extracting what is missing)")  # fmt: skip
            print(f"  (b) ingest+reports / (b) ingest: {(b.ingest + b.reports) / b.ingest:.2f}"
                  "  (target < 2)")  # fmt: skip
            print(f"  (b) ingest+reports / (a) ingest: {(b.ingest + b.reports) / a.ingest:.2f}")
            print(f"  (a) ingest+reports / (a) ingest: {(a.ingest + a.reports) / a.ingest:.2f}"
                  "  (before: reports extract)")  # fmt: skip


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Bounded load test of the web app on loopback, over a 10,000-article store.

    python bench/load.py [--store bench/out/load/store-10000.db] [--articles 10000]
                         [--clients 8] [--seconds 15] [--stories 20] [--json OUT]

1. The store: ``--articles`` synthetic articles (``storyline.synth``, seed 7, ten JSONL
   shards) ingested by ``storyline ingest --embedder tfidf``. An existing store at
   ``--store`` is reused as it is (building 10,000 articles takes minutes of CPU).
2. The server: ``storyline serve --extractor rules --embedder tfidf`` as a subprocess on a
   free loopback port (one uvicorn worker, as users run it).
3. Warm-up: the ``--stories`` largest stories' pages are requested once each (their first
   request extracts facts and builds the report; that cold time is printed separately),
   so the measured phase is the steady state of a story being read by many people.
4. Load: for each scenario in turn, ``--clients`` threads (one ``httpx.Client`` each, in
   this process) request the scenario's URLs back to back for ``--seconds``. Printed:
   requests, requests/s, p50/p95/p99 latency, errors (non-2xx or transport errors), and
   the same figures as a ratio to the baseline scenario measured in the same run
   (``/healthz``: the cheapest route through the same middleware, thread pool and store,
   one ``COUNT`` query). Each scenario's URLs are requested once before it is timed.

Load generator and server share the machine's cores, so requests/s are lower bounds.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def storyline_cmd() -> list[str]:
    script = Path(sys.executable).with_name("storyline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "storyline"]


def build_store(store: Path, n: int) -> float:
    """Ingest ``n`` synthetic articles into ``store``; returns seconds (0 when reused)."""
    if store.exists():
        return 0.0
    from storyline.synth import write_jsonl

    store.parent.mkdir(parents=True, exist_ok=True)
    files = write_jsonl(store.parent / f"synthetic-{n}.jsonl", n, seed=7, shards=10)
    t0 = time.perf_counter()
    tmp = store.with_name(store.name + ".building")
    subprocess.run(
        [*storyline_cmd(), "ingest", *map(str, files), "--db", str(tmp), "--embedder", "tfidf"],
        check=True,
    )
    # Only a finished store is reused later (an interrupted build starts over).
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(store)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(slots=True)
class Result:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        """Latency percentile in milliseconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        xs = sorted(self.latencies)
        return 1000 * xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs) + 0.5) - 1))]

    def summary(self) -> dict[str, object]:
        return {
            "name": self.name, "requests": self.requests, "errors": self.errors,
            "rps": round(self.rps, 1), "p50_ms": round(self.pct(50), 1),
            "p95_ms": round(self.pct(95), 1), "p99_ms": round(self.pct(99), 1),
            "error_samples": self.error_samples[:3],
        }  # fmt: skip


def run_load(base: str, name: str, urls: list[str], clients: int, seconds: float) -> Result:
    """``clients`` threads request ``urls`` round-robin for ``seconds`` (after one warm-up pass)."""
    with httpx.Client(base_url=base, timeout=300.0) as client:
        for url in urls:
            client.get(url)
    res = Result(name)
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(k: int) -> None:
        lat: list[float] = []
        errs: list[str] = []
        with httpx.Client(base_url=base, timeout=60.0) as client:
            i = k
            while time.perf_counter() < stop:
                url = urls[i % len(urls)]
                i += 1
                t0 = time.perf_counter()
                try:
                    r = client.get(url)
                    ok = 200 <= r.status_code < 300
                    why = f"{url}: {r.status_code}"
                except httpx.HTTPError as exc:
                    ok, why = False, f"{url}: {type(exc).__name__}"
                lat.append(time.perf_counter() - t0)
                if not ok:
                    errs.append(why)
        with lock:
            res.latencies += lat
            res.requests += len(lat)
            res.errors += len(errs)
            res.error_samples += errs[:3]

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    res.seconds = time.perf_counter() - t0
    return res


def wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"storyline serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit("storyline serve did not answer in time")


def timed(fn: Callable[[], httpx.Response]) -> tuple[float, int]:
    t0 = time.perf_counter()
    r = fn()
    return time.perf_counter() - t0, r.status_code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--store", type=Path, default=ROOT / "bench/out/load/store-10000.db")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--stories", type=int, default=20, help="story pages in the rotation")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    built = build_store(args.store, args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    env.pop("STORYLINE_DB", None)
    log = (args.store.parent / "serve.log").open("wb")
    proc = subprocess.Popen(
        [*storyline_cmd(), "serve", "--db", str(args.store), "--port", str(port),
         "--embedder", "tfidf", "--extractor", "rules"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    try:
        t0 = time.perf_counter()
        wait_up(base, proc)
        startup = time.perf_counter() - t0
        n_articles = httpx.get(f"{base}/healthz", timeout=60).json()["articles"]
        stories = httpx.get(f"{base}/api/stories?limit={args.stories}", timeout=120).json()
        ids = [s["id"] for s in stories]
        sizes = [len(s["articles"]) for s in stories]
        n_stories = len(httpx.get(f"{base}/api/stories", timeout=120).json())
        cold = [timed(partial(httpx.get, f"{base}/stories/{i}", timeout=300)) for i in ids]
        if any(code != 200 for _, code in cold):
            raise SystemExit(f"story pages failed during warm-up: {[c for _, c in cold]}")
        scenarios = [
            ("baseline /healthz (one COUNT query)", ["/healthz"]),
            ("/openapi.json (cached schema)", ["/openapi.json"]),
            ("story page /stories/{id}", [f"/stories/{i}" for i in ids]),
            ("API story JSON /api/stories/{id}", [f"/api/stories/{i}" for i in ids]),
            ("stories list / (HTML, page 1)", ["/"]),
            ("API stories /api/stories?limit=30", ["/api/stories?limit=30"]),
        ]
        results = [
            run_load(base, name, urls, args.clients, args.seconds) for name, urls in scenarios
        ]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()

    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"load test {when}: {n_articles} articles, {n_stories} stories in {args.store}"
          f" ({f'built in {built:.0f} s' if built else 'reused'}); server up in {startup:.1f} s")  # fmt: skip
    print(f"{args.clients} clients x {args.seconds:.0f} s per scenario on loopback, "
          f"{os.cpu_count()} cores shared with the load generator; story rotation: "
          f"{len(ids)} largest stories ({min(sizes)}-{max(sizes)} articles)")  # fmt: skip
    colds = sorted(t for t, _ in cold)
    print(
        f"cold story page (first request: extraction + report): median "
        f"{1000 * colds[len(colds) // 2]:.0f} ms, max {1000 * colds[-1]:.0f} ms"
    )
    base_res = results[0]
    print(f"\n{'scenario':38} {'req':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'err':>4}  vs baseline (req/s, p99)")  # fmt: skip
    for r in results:
        ratio = (
            f"x{r.rps / base_res.rps:.2f}, x{r.pct(99) / base_res.pct(99):.1f}"
            if base_res.rps
            else ""
        )
        print(f"{r.name:38} {r.requests:6d} {r.rps:7.1f} {r.pct(50):7.1f} {r.pct(95):7.1f} "
              f"{r.pct(99):7.1f} {r.errors:4d}  {ratio}")  # fmt: skip
    for r in results:
        if r.error_samples:
            print(f"errors in {r.name}: {r.error_samples[:3]}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "when": when,
                    "articles": n_articles,
                    "stories": n_stories,
                    "clients": args.clients,
                    "seconds": args.seconds,
                    "cold_story_page_ms": [round(1000 * t) for t in colds],
                    "results": [r.summary() for r in results],
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()

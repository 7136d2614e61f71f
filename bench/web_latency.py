#!/usr/bin/env python
"""Latency of other pages while a worst-case story report is being built (run on demand).

    python bench/web_latency.py [--extractor rules|spacy] [--quotes 4000] [--requests 40]

1. A store: the bundled examples plus one heavy article (``--quotes`` short quoted lines,
   the pathological input of issue 21) that forms a story of its own, ingested with the
   ``tfidf`` embedder.
2. The app on a free loopback port (uvicorn in a thread of this process, one worker).
3. Unloaded: ``--requests`` sequential requests of each probe page (the story list, an
   already-built story page, an article page). Then the heavy story's report is requested
   in a background thread and, while it is being built, the same probes are requested
   again. Printed per probe: p50 and max latency unloaded and during the build, and the
   added p50; then how long the heavy report took.

Probes that run while the build holds the CPU share it (and the GIL) with the build: the
figures show what a reader waits, not only whether the server answers.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.web.app import create_app


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def heavy_article(quotes: int) -> dict[str, str]:
    """A fictional article whose body is ``quotes`` short quoted lines."""
    lines = [f'"Line {i} of the ferry notice," said the clerk.' for i in range(quotes)]
    return {
        "title": "Ferry notice read aloud at Lakeside hall",
        "text": "The Lakeside clerk read the whole ferry notice aloud.\n" + "\n".join(lines),
        "url": "https://lakeside.example/notice",
        "outlet": "Lakeside Post",
        "published": "2026-05-04",
    }


def timed(client: httpx.Client, url: str) -> float:
    t = time.perf_counter()
    r = client.get(url)
    r.raise_for_status()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extractor", default="rules", choices=["rules", "spacy"])
    ap.add_argument("--quotes", type=int, default=4000)
    ap.add_argument("--requests", type=int, default=40)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="web-latency-"))
    db = tmp / "lat.db"
    feed = tmp / "heavy.jsonl"
    feed.write_text(json.dumps(heavy_article(args.quotes)) + "\n", encoding="utf-8")
    with Engine.open(db, embedder="tfidf", extractor=args.extractor) as eng:
        eng.ingest([str(examples_dir())])
        heavy_id = eng.ingest([str(feed)]).added[0]
        heavy = next(s.id for s in eng.stories() if heavy_id in s.article_ids)
        other = next(s for s in eng.stories() if heavy_id not in s.article_ids)
    app = create_app(
        str(db), embedder="tfidf", extractor=args.extractor, poll_seconds=60, warm_actors=False
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    probes = {
        "stories list": "/api/stories",
        "story page (built)": f"/stories/{other.id}",
        "article page": f"/articles/{other.article_ids[0]}",
    }
    with httpx.Client(base_url=base, timeout=600) as client:
        for url in probes.values():  # build the other story's report and page once
            client.get(url).raise_for_status()
        idle = {k: [timed(client, u) for _ in range(args.requests)] for k, u in probes.items()}
        done = threading.Event()
        took: list[float] = []

        def build() -> None:
            t = time.perf_counter()
            with httpx.Client(base_url=base, timeout=3600) as c:
                c.get(f"/api/stories/{heavy}/report").raise_for_status()
            took.append(time.perf_counter() - t)
            done.set()

        worker = threading.Thread(target=build)
        worker.start()
        time.sleep(0.2)  # let the build start
        busy: dict[str, list[float]] = {k: [] for k in probes}
        rounds = 0
        while not done.is_set() and rounds < args.requests:
            for k, u in probes.items():
                busy[k].append(timed(client, u))
            rounds += 1
        worker.join()
    server.should_exit = True
    thread.join(timeout=30)

    print(f"extractor {args.extractor}, heavy article of {args.quotes} quoted lines")
    print(f"heavy report: {took[0]:.2f} s; probes during it: {rounds} rounds")
    for k in probes:
        a, b = idle[k], busy[k] or [float("nan")]
        print(
            f"{k:20s} unloaded p50 {statistics.median(a) * 1000:7.1f} ms max "
            f"{max(a) * 1000:7.1f} ms | during report p50 {statistics.median(b) * 1000:7.1f} ms "
            f"max {max(b) * 1000:7.1f} ms | added p50 "
            f"{(statistics.median(b) - statistics.median(a)) * 1000:+7.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

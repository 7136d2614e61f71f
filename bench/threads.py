#!/usr/bin/env python
"""Storyline linking benchmark on ECB+ (issue 19): are sibling events threaded together?

    python bench/threads.py [--embedder minilm|model2vec|tfidf] [--split train|dev|both]
                            [--sweep] [--cache FILE.npz]

Each ECB+ topic has two subtopics, two distinct events of one storyline (a rehab stay in
2008 and one in 2013, two earthquakes in one region...). The documents of
``../shared/bench/ecbplus/docs.jsonl`` are cleaned as on ingest, embedded and given their
terms; the gold ``event`` label is the event level (as if clustering were perfect), and
``stages.analysis.storylines.link_events`` threads the events with the engine's own
principal actors (from terms: the facts cache is not used here) and no dates (ECB+ has
none, so the time window plays no part).

Printed per split: the share of same-topic event pairs linked into one storyline
(target >= 0.9) and of different-topic event pairs wrongly linked (target <= 2%), and the
linking time. ``--sweep`` prints the same over a grid of the rule's two thresholds
(chosen on train; quote dev).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from storyline.embed import article_text_for_embedding, get_embedder  # noqa: E402
from storyline.models import DateBounds, RawDoc  # noqa: E402
from storyline.stages.analysis import storylines as sl  # noqa: E402
from storyline.stages.prepare.clean import clean_document  # noqa: E402
from storyline.stages.prepare.terms import article_terms  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def load(embedder: str, cache: Path | None) -> tuple[list[dict], np.ndarray, list[list[str]]]:
    path = shared_dir() / "bench" / "ecbplus" / "docs.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    arts = [
        clean_document(RawDoc(source=d["id"], text=d["text"]), ingested_at="2030-01-01T00:00:00")
        for d in docs
    ]
    terms = [article_terms(a) for a in arts]
    if cache and cache.exists():
        vecs = np.load(cache)["vecs"]
    else:
        vecs = get_embedder(embedder).encode([article_text_for_embedding(a) for a in arts])
        if cache:
            np.savez(cache, vecs=vecs)
    return docs, np.asarray(vecs, dtype=np.float32), terms


def signals(docs: list[dict], vecs: np.ndarray, terms: list[list[str]]) -> list[sl.EventSignal]:
    by_event: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_event.setdefault(d["event"], []).append(i)
    undated = DateBounds(None, None, True, "ECB+ carries no dates")
    return [
        sl.EventSignal(
            id=ev,
            title=ev,
            vector=sl.centroid(vecs[idx]),
            actors=frozenset(sl.actors_from_terms([terms[i] for i in idx])),
            dates=undated,
            size=len(idx),
        )
        for ev, idx in sorted(by_event.items())
    ]


def score(
    events: list[sl.EventSignal], topic: dict[str, int], **rule: float
) -> tuple[float, float, int, int]:
    thread = sl.storyline_of(sl.link_events(events, **rule))  # type: ignore[arg-type]
    same = cross = same_ok = cross_bad = 0
    for a, b in itertools.combinations([e.id for e in events], 2):
        linked = thread[a] == thread[b]
        if topic[a] == topic[b]:
            same += 1
            same_ok += linked
        else:
            cross += 1
            cross_bad += linked
    return same_ok / max(1, same), cross_bad / max(1, cross), same, cross


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--split", default="both", choices=["train", "dev", "both"])
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--cache", type=Path)
    args = ap.parse_args()
    t0 = time.perf_counter()
    docs, vecs, terms = load(args.embedder, args.cache)
    print(f"loaded {len(docs)} documents in {time.perf_counter() - t0:.1f}s ({args.embedder})")
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    for split in splits:
        idx = [i for i, d in enumerate(docs) if d["split"] == split]
        sub = [docs[i] for i in idx]
        events = signals(sub, vecs[idx], [terms[i] for i in idx])
        topic = {d["event"]: d["topic"] for d in sub}
        t1 = time.perf_counter()
        same, cross, n_same, n_cross = score(events, topic)
        dt = time.perf_counter() - t1
        print(
            f"{split}: {len(sub)} docs, {len(events)} events, {len(set(topic.values()))} topics | "
            f"same-topic pairs linked {same:.3f} (of {n_same}) | "
            f"cross-topic pairs linked {cross:.2%} (of {n_cross}) | link {dt * 1000:.0f} ms "
            f"(min_cosine {sl.MIN_COSINE} with {sl.MIN_SHARED} shared actors, "
            f"{sl.ONE_SHARED_COSINE} with one)"
        )
        pairs = [(a, b) for a, b in itertools.combinations(events, 2) if topic[a.id] == topic[b.id]]
        sharing = sum(1 for a, b in pairs if a.actors & b.actors) / max(1, len(pairs))
        print(
            f"  same-topic pairs sharing any principal-actor term (ceiling of the rule): {sharing:.3f}"
        )
        if args.sweep:
            for c in (0.3, 0.35, 0.4, 0.45, 0.5):
                for c1 in (0.45, 0.5, 0.55, 0.6, 0.7, 1.1):
                    s, x, _, _ = score(events, topic, min_cosine=c, one_shared_cosine=c1)
                    print(
                        f"  sweep {split} min_cosine {c:.2f} (2 shared) "
                        f"one_shared_cosine {c1:.2f}: same {s:.3f} cross {x:.2%}"
                    )


if __name__ == "__main__":
    main()

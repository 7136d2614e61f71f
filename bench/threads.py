#!/usr/bin/env python
"""Storyline linking benchmark on ECB+ (issue 19): are sibling events threaded together?

    python bench/threads.py [--embedder minilm|model2vec|tfidf] [--split train|dev|both]
                            [--set ecbplus|siblings|siblings2|siblings3|siblings4|all] [--sweep] [--explain]
                            [--cache FILE.npz]

Each ECB+ topic has two subtopics, two distinct events of one storyline (a rehab stay in
2008 and one in 2013, two earthquakes in one region...). The documents of
``../shared/bench/ecbplus/docs.jsonl`` are cleaned as on ingest, embedded and given their
terms; the gold ``event`` label is the event level (as if clustering were perfect), and
``stages.analysis.storylines.link_events`` threads the events with the engine's own
principal actors (from terms: the facts cache is not used here), its event kind (the
common words of the members' titles and leads, ``event_kind``) and no dates (ECB+ has
none, so the time windows play no part).

``--set siblings`` runs the same on ``bench/data/siblings`` (the project's own fictional
set: 9 storylines of 2-3 events; see its README), whose dated articles give their events
date bounds as on ingest (``article_bounds``/``event_bounds``; no facts, so undated
articles are placed by their event's dated ones). ``--set all`` runs both.
``--set siblings2`` runs the held-out second set (``bench/data/siblings2``; not in ``all``),
``--set siblings3`` the held-out third set (``bench/data/siblings3``; not in ``all``),
``--set siblings4`` the held-out fourth set (``bench/data/siblings4``; political, mostly
undated; not in ``all``).

Printed per split: the share of same-topic event pairs linked into one storyline
(target >= 0.9) and of different-topic event pairs wrongly linked (target <= 2%), and the
linking time. ``--sweep`` prints the same over a grid of the rule's two thresholds
(chosen on train; quote dev and the sibling set). ``--explain`` prints the evidence
(``storylines.event_links``) of every same-topic pair left apart and of every direct
cross-topic link: the clause of the rule, the cosine and the one it needed, the shared
specific actors and event-kind words.
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
from storyline.models import Article, RawDoc  # noqa: E402
from storyline.stages.analysis import storylines as sl  # noqa: E402
from storyline.stages.prepare.clean import clean_document  # noqa: E402
from storyline.stages.prepare.terms import article_terms  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from cluster import SIBLINGS, SIBLINGS2, SIBLINGS3, SIBLINGS4, load_siblings  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def load(
    embedder: str, cache: Path | None
) -> tuple[list[dict], list[Article], np.ndarray, list[list[str]]]:
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
    return docs, arts, np.asarray(vecs, dtype=np.float32), terms


def load_sibling_set(
    embedder: str, root: Path = SIBLINGS
) -> tuple[list[dict], list[Article], np.ndarray, list[list[str]]]:
    docs, arts = load_siblings(root)
    vecs = get_embedder(embedder).encode([article_text_for_embedding(a) for a in arts])
    return docs, arts, np.asarray(vecs, dtype=np.float32), [article_terms(a) for a in arts]


def signals(
    docs: list[dict], arts: list[Article], vecs: np.ndarray, terms: list[list[str]]
) -> list[sl.EventSignal]:
    by_event: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_event.setdefault(d["event"], []).append(i)
    out = []
    for ev, idx in sorted(by_event.items()):
        dated = [arts[i].published[:10] for i in idx if arts[i].published]
        bounds = [sl.article_bounds(arts[i], None, dated) for i in idx]
        out.append(
            sl.EventSignal(
                id=ev,
                title=ev,
                vector=sl.centroid(vecs[idx]),
                actors=frozenset(sl.actors_from_terms([terms[i] for i in idx])),
                dates=sl.event_bounds(bounds),
                size=len(idx),
                kind=frozenset(sl.event_kind([arts[i] for i in idx])),
            )
        )
    return out


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


SWEEP = {
    "kind_cosine": (0.45, 0.5, 0.55, 0.6, 0.65, 1.1),
    "kind_min_shared": (1, 2, 3, 4),
    "kind_common_share": (0.05, 0.1, 0.15),
    "strong_cosine": (0.25, 0.3, 0.35, 0.4),
    "place_kind_cosine": (0.4, 0.45, 0.5, 0.55),
    "place_kind_share": (0.05, 0.1, 0.15, 0.2),
    "cos_floor": (-0.6, -0.4, -0.3, -0.2, 0.0, 0.5, 0.7, 0.76, 0.78, 0.8),
}


def explain(
    name: str, events: list[sl.EventSignal], topic: dict[str, object], floor: float
) -> None:
    links = sl.event_links(events, sl.LinkRule(cos_floor=floor), every_pair=True)
    same_pairs = [x for x in links if topic[x.a] == topic[x.b]]
    direct = sum(x.linked for x in same_pairs) / max(1, len(same_pairs))
    print(f"  same-topic pairs linked directly (not only through other events): {direct:.3f}")
    thread = sl.storyline_of(sl.link_events(events, cos_floor=floor))
    by_id = {e.id: e for e in events}
    for label, shares in (("sharing", True), ("sharing no", False)):
        group = [x for x in same_pairs if bool(by_id[x.a].actors & by_id[x.b].actors) == shares]
        ok = sum(thread[x.a] == thread[x.b] for x in group)
        print(f"  same-topic pairs {label} principal-actor term linked: {ok} of {len(group)}")
    for link in links:
        same = topic[link.a] == topic[link.b]
        if same == link.linked:
            continue
        need = f"{link.needed:.2f}" if link.needed is not None else "-"
        print(
            f"  {'apart' if same else 'CROSS'} {name.split(' (')[0]} {link.a} {link.b}: "
            f"rule {link.rule}, cosine {link.cosine:.2f} (needs {need}), "
            f"actors {list(link.actors)}, kind {list(link.kind)}"
        )


def report(
    name: str,
    events: list[sl.EventSignal],
    topic: dict[str, object],
    sweep: bool,
    floor: float,
    why: bool = False,
) -> None:
    t1 = time.perf_counter()
    same, cross, n_same, n_cross = score(events, topic, cos_floor=floor)
    dt = time.perf_counter() - t1
    print(
        f"{name}: {len(events)} events, {len(set(topic.values()))} topics | "
        f"same-topic pairs linked {same:.3f} (of {n_same}) | "
        f"cross-topic pairs linked {cross:.2%} (of {n_cross}) | link {dt * 1000:.0f} ms"
    )
    pairs = [(a, b) for a, b in itertools.combinations(events, 2) if topic[a.id] == topic[b.id]]
    sharing = sum(1 for a, b in pairs if a.actors & b.actors) / max(1, len(pairs))
    kind = sum(1 for a, b in pairs if not a.actors & b.actors and a.kind & b.kind)
    print(
        f"  same-topic pairs sharing a principal-actor term: {sharing:.3f}; "
        f"sharing only event-kind words: {kind / max(1, len(pairs)):.3f}"
    )
    if why:
        explain(name, events, topic, floor)
    if sweep:
        for key, grid in SWEEP.items():
            for v in grid:
                s, x, _, _ = score(events, topic, **{"cos_floor": floor, key: v})
                print(f"  sweep {name} {key} {v}: same {s:.3f} cross {x:.2%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--embedder", default="minilm")
    ap.add_argument("--split", default="both", choices=["train", "dev", "both"])
    ap.add_argument(
        "--set",
        dest="dataset",
        default="all",
        choices=["ecbplus", "siblings", "siblings2", "siblings3", "siblings4", "all"],
    )
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--explain", action="store_true", help="evidence of pairs apart, cross links")
    ap.add_argument("--cache", type=Path)
    args = ap.parse_args()
    print(
        f"rule: {sl.MIN_SHARED}+ shared actors and cosine >= {sl.MIN_COSINE} "
        f"(>= {sl.STRONG_COSINE} with {sl.KIND_MIN_SHARED}+ shared event-kind words); one "
        f"shared actor and cosine >= {sl.ONE_SHARED_COSINE} (>= {sl.PLACE_KIND_COSINE} with a "
        f"shared event-kind word of <= {sl.PLACE_KIND_SHARE:.0%} of events); no shared actor: "
        f"{sl.KIND_MIN_SHARED}+ shared event-kind words, cosine >= {sl.KIND_COSINE} and "
        f"<= {sl.KIND_GAP_DAYS} days apart when dated"
    )
    floor = sl.cosine_floor(args.embedder)
    print(f"embedder {args.embedder}: centroid cosines rescaled from floor {floor}")
    if args.dataset in ("ecbplus", "all"):
        t0 = time.perf_counter()
        docs, arts, vecs, terms = load(args.embedder, args.cache)
        print(f"ECB+: {len(docs)} documents in {time.perf_counter() - t0:.1f}s ({args.embedder})")
        splits = ["train", "dev"] if args.split == "both" else [args.split]
        for split in splits:
            idx = [i for i, d in enumerate(docs) if d["split"] == split]
            sub = [docs[i] for i in idx]
            events = signals(sub, [arts[i] for i in idx], vecs[idx], [terms[i] for i in idx])
            topic = {d["event"]: d["topic"] for d in sub}
            report(
                f"ECB+ {split} ({len(sub)} docs)", events, topic, args.sweep, floor, args.explain
            )
    if args.dataset in ("siblings", "all"):
        docs, arts, vecs, terms = load_sibling_set(args.embedder)
        events = signals(docs, arts, vecs, terms)
        topic = {d["event"]: d["storyline"] for d in docs}
        report(f"siblings ({len(docs)} docs)", events, topic, args.sweep, floor, args.explain)
    held_out = {"siblings2": SIBLINGS2, "siblings3": SIBLINGS3, "siblings4": SIBLINGS4}
    if args.dataset in held_out:  # held out: not in "all", measured once
        docs, arts, vecs, terms = load_sibling_set(args.embedder, held_out[args.dataset])
        events = signals(docs, arts, vecs, terms)
        topic = {d["event"]: d["storyline"] for d in docs}
        name = args.dataset
        report(f"{name} ({len(docs)} docs)", events, topic, args.sweep, floor, args.explain)


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Restart benchmark: does a rebuilt story index continue exactly as the running one?

    python bench/restart.py [--embedder minilm|model2vec|tfidf] [--split train|dev]
                            [--orders 3] [--every 1]

ECB+ documents (``../shared/bench/ecbplus/docs.jsonl``) are cleaned as on ingest and fed
to ``StoryIndex`` one at a time with ``take_moves`` every 64 articles (the engine's chunk
size), in file order and in ``--orders - 1`` shuffled orders, twice: once by one index, and
once with the index rebuilt from what a store holds (``StoryIndex.rebuild`` from the
assignments, vectors and terms in ingest order, and the weights' index sizes that
``take_weighed`` reported) after every ``--every``-th chunk, as a restarted process does.

Printed per order: the articles whose story-mates (the set of articles sharing their story)
are the same in both runs, and the pairwise F1 of each run against the gold events.

``--synthetic N`` also runs ``bench/cluster.py``'s synthetic stream of ``N`` articles
(perturbed from ECB+ train; Zipf filler terms shared by many stories, so the capped
candidate lists of common terms are full: the one part of the index a rebuild does not
restore exactly, see ``stages/commit/index.py``).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from cluster import CHUNK, load, pairwise, synthetic_stream  # noqa: E402
from storyline.embed import article_text_for_embedding, get_embedder  # noqa: E402
from storyline.models import Article, ArticleId, StoryId  # noqa: E402
from storyline.stages.commit.index import StoryIndex  # noqa: E402
from storyline.stages.prepare.terms import article_terms  # noqa: E402


def run(
    arts: list[Article], vecs: np.ndarray, terms: list[list[str]], order: list[int],
    embedder: str, every: int | None,
) -> dict[ArticleId, StoryId]:  # fmt: skip
    """Assignments after feeding ``order``; rebuilt after every ``every``-th chunk (None: never)."""
    index = StoryIndex(embedder)
    assign: dict[ArticleId, StoryId] = {}
    weighed: dict[ArticleId, int] = {}
    added: list[int] = []
    for n, i in enumerate(order, 1):
        assign[arts[i].id] = index.add(arts[i], vecs[i], terms[i])
        added.append(i)
        if n % CHUNK == 0 or n == len(order):
            assign.update(index.take_moves())
            weighed.update(index.take_weighed())
            if every and (n // CHUNK) % every == 0:
                rows = [(arts[j], vecs[j], assign[arts[j].id], terms[j]) for j in added]
                index = StoryIndex.rebuild(rows, embedder, weighed_at=weighed)
    return assign


def mates(assign: dict[ArticleId, StoryId]) -> dict[ArticleId, frozenset[ArticleId]]:
    members: dict[StoryId, set[ArticleId]] = {}
    for a, s in assign.items():
        members.setdefault(s, set()).add(a)
    return {a: frozenset(members[s]) for a, s in assign.items()}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--embedder", default="minilm", choices=["minilm", "model2vec", "tfidf"])
    ap.add_argument("--split", default="train", choices=["dev", "train"])
    ap.add_argument("--orders", type=int, default=3)
    ap.add_argument("--every", type=int, default=1, help="rebuild after every K-th chunk")
    ap.add_argument("--synthetic", type=int, default=0, help="also a synthetic stream of N")
    args = ap.parse_args()
    docs, arts = load(args.split)
    gold = [d["event"] for d in docs]
    vecs = get_embedder(args.embedder).encode([article_text_for_embedding(a) for a in arts])
    terms = [article_terms(a) for a in arts]
    print(f"embedder={args.embedder} split={args.split}: {len(arts)} documents; "
          f"rebuild after every {args.every} chunk(s) of {CHUNK}")  # fmt: skip
    total = same_all = 0
    for k in range(args.orders):
        order = list(range(len(arts)))
        if k:
            random.Random(k).shuffle(order)
        one = run(arts, vecs, terms, order, args.embedder, None)
        rebuilt = run(arts, vecs, terms, order, args.embedder, args.every)

        m1, m2 = mates(one), mates(rebuilt)
        same = sum(m1[a] == m2[a] for a in m1)
        total += len(m1)
        same_all += same
        f1 = pairwise(gold, [one[a.id] for a in arts])[2]
        f2 = pairwise(gold, [rebuilt[a.id] for a in arts])[2]
        print(f"order {k}: {same} of {len(m1)} articles keep their story-mates; "
              f"pF1 one run {f1:.3f}, rebuilt {f2:.3f}")  # fmt: skip
    print(f"all orders: {same_all} of {total} articles keep their story-mates")
    if args.synthetic:
        items = list(synthetic_stream(args.synthetic, vecs, terms))
        s_arts = [a for a, _, _ in items]
        s_vecs = np.vstack([v for _, v, _ in items])
        s_terms = [t for _, _, t in items]
        order = list(range(len(items)))
        one = run(s_arts, s_vecs, s_terms, order, args.embedder, None)
        rebuilt = run(s_arts, s_vecs, s_terms, order, args.embedder, args.every)
        m1, m2 = mates(one), mates(rebuilt)
        same = sum(m1[a] == m2[a] for a in m1)
        print(f"synthetic stream: {same} of {len(m1)} articles keep their story-mates "
              f"({len(set(one.values()))} stories in one run, {len(set(rebuilt.values()))} rebuilt)")  # fmt: skip


if __name__ == "__main__":
    main()

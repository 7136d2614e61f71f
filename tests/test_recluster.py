"""``recluster`` gives the events and storylines of a clean run.

A clean run is a fresh store ingesting the same articles in canonical time order
(``ordering.earliest_key``) in one run, with its end-of-run settle. The input is a made-up
stream built to make story decisions close (topics whose sibling events share some names,
names common to every topic, noisy vectors, principal actors, some dates), so the arrival
order changes the partition of a store filled over several runs; ``recluster`` must repair
that exactly. (Up to a few hundred articles the old recluster, a best-pair agglomeration
with the whole IDF, happened to agree with a clean run too, as the end-of-run settle
re-groups a run that small at once; beyond ``settle_run``'s piece size they part, but a
store that large costs a minute here.)
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from storyline.engine import Engine
from storyline.models import Article, ArticleId
from storyline.pipeline.prepare import Prepared
from storyline.stages.commit.ordering import earliest_key
from storyline.text import content_id

Item = tuple[Article, np.ndarray, list[str]]
CHUNK = 8


def stream(n: int, seed: int, noise: float = 1.1) -> list[Item]:
    """``n`` made-up dispatches ``(article, vector, terms)``; a third of them dated."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    dim = 48
    topics = []
    for t in range(n // 12 + 1):
        shared = [f"Marrow{t}q{k}" for k in range(4)]
        events = [
            ([f"Tessel{t}e{e}n{k}" for k in range(5)], nrng.standard_normal(dim), e)
            for e in range(rng.randint(2, 3))
        ]
        topics.append((nrng.standard_normal(dim), shared, events, t))
    common = [f"Quayside{k}" for k in range(30)]
    out: list[Item] = []
    for i in range(n):
        tvec, shared, events, t = rng.choice(topics)
        names, evec, e = rng.choice(events)
        terms = rng.sample(names, 3) + rng.sample(shared, 2) + rng.sample(common, 4)
        if rng.random() < 0.5:
            terms.append(f"#p:{names[0]}")
        vec = tvec + 0.6 * evec + noise * nrng.standard_normal(dim)
        vec = (vec / np.linalg.norm(vec)).astype(np.float32)
        text = (
            f"Bulletin {i}: {' and '.join(x for x in terms if not x.startswith('#'))} gathered "
            f"at the {rng.choice(['wharf', 'granary', 'signal box', 'library'])}."
        )
        published = f"2031-{1 + t % 12:02d}-{1 + 10 * e + rng.randint(0, 3):02d}"
        art = Article(
            id=content_id(text), source=f"https://gazette.example/{i}", text=text, raw=text,
            title=f"Bulletin {i}", ingested_at="2031-12-01T00:00:00",
            published=published if rng.random() < 0.35 else None,
        )  # fmt: skip
        out.append((art, vec, terms))
    return out


Partition = frozenset[frozenset[ArticleId]]


def outcome(engine: Engine) -> tuple[Partition, frozenset[frozenset[frozenset[ArticleId]]]]:
    """The stored events (as sets of articles) and the storylines (as sets of events)."""
    members = {s.id: frozenset(s.article_ids) for s in engine.stories()}
    threads = frozenset(frozenset(members[e] for e in line.events) for line in engine.storylines())
    return frozenset(members.values()), threads


def ingest(db: Path, items: list[Item], run: int) -> Engine:
    """Ingest ``items`` in runs of ``run`` articles (each run settled at its end)."""
    engine = Engine.open(db, embedder="tfidf", chunk_size=CHUNK)
    for start in range(0, len(items), run):
        part = items[start : start + run]
        engine.ingest_prepared(Prepared(a, vector=v, terms=t) for a, v, t in part)
    return engine


def test_recluster_after_a_shuffled_ingest_equals_a_clean_run(tmp_path: Path) -> None:
    items = stream(150, seed=3, noise=1.6)
    canonical = sorted(items, key=lambda it: earliest_key(it[0]))
    shuffled = list(items)
    random.Random(0).shuffle(shuffled)
    with ingest(tmp_path / "clean.db", canonical, run=len(items)) as clean:
        want = outcome(clean)
        # reclustering a clean run changes nothing, ids included
        ids = {a: s.id for s in clean.stories() for a in s.article_ids}
        clean.recluster()
        assert {a: s.id for s in clean.stories() for a in s.article_ids} == ids
    # the same articles arriving in another order, over five ingest runs
    with ingest(tmp_path / "shuffled.db", shuffled, run=30) as eng:
        before = outcome(eng)
        eng.recluster()
        after = outcome(eng)
    # the arrival order did change the ingest's events (else this proves little)
    assert before[0] != want[0]
    assert after[0] == want[0]
    assert after[1] == want[1]
    assert any(len(line) > 1 for line in want[1])  # storylines of several events

"""A restart never changes the stories: the story index a process rebuilds from the store is
the index the running process had, so an ingest interrupted any number of times ends on the
partition, ``duplicate_of`` links and versions of one uninterrupted run.

The input is a made-up stream built to make the story decisions close: topics whose sibling
events share some names, a few dozen names common to every topic (whose document
frequencies drift while the index grows), noisy vectors, and some principal actors. The
weights of re-weighed articles are what a rebuild used to get wrong (it weighed every
article by the document frequencies of the moment it ran).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storyline.engine import Engine
from storyline.models import Article, ArticleId, StoryId
from storyline.pipeline.prepare import Known, Prepared
from storyline.stages.commit.index import StoryIndex
from storyline.text import content_id

Item = tuple[Article, np.ndarray, list[str]]

CHUNKINGS = [5, 8, 13]


def stream(n: int, seed: int = 1) -> list[Item]:
    """``n`` made-up articles: ``(article, vector, terms)``."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    dim = 48
    topics = []
    for t in range(n // 12 + 1):
        shared = [f"Velmar{t}x{k}" for k in range(4)]
        events = [
            ([f"Ostrin{t}e{e}p{k}" for k in range(5)], nrng.standard_normal(dim))
            for e in range(rng.randint(2, 3))
        ]
        topics.append((nrng.standard_normal(dim), shared, events))
    common = [f"Harbour{k}" for k in range(30)]
    out: list[Item] = []
    for i in range(n):
        tvec, shared, events = rng.choice(topics)
        names, evec = rng.choice(events)
        terms = rng.sample(names, 3) + rng.sample(shared, 2) + rng.sample(common, 4)
        if rng.random() < 0.5:
            terms.append(f"#p:{names[0]}")
        vec = tvec + 0.6 * evec + 1.1 * nrng.standard_normal(dim)
        vec = (vec / np.linalg.norm(vec)).astype(np.float32)
        text = (
            f"Dispatch {i}: {' and '.join(t for t in terms if not t.startswith('#'))} met "
            f"at the {rng.choice(['quay', 'mill', 'depot', 'archive'])} on day {rng.randint(1, 28)}."
        )
        art = Article(
            id=content_id(text), source=f"https://wire.example/{i}", text=text, raw=text,
            title=f"Dispatch {i}", ingested_at="2030-01-01T00:00:00",
        )  # fmt: skip
        out.append((art, vec, terms))
    return out


def mates(assign: dict[ArticleId, StoryId]) -> dict[ArticleId, frozenset[ArticleId]]:
    members: dict[StoryId, set[ArticleId]] = {}
    for a, s in assign.items():
        members.setdefault(s, set()).add(a)
    return {a: frozenset(members[s]) for a, s in assign.items()}


def run_index(items: list[Item], chunk: int, *, rebuild: bool) -> StoryIndex:
    """Feed ``items`` with ``take_moves`` every ``chunk``; rebuilt after every chunk when asked."""
    index = StoryIndex("tfidf")
    assign: dict[ArticleId, StoryId] = {}
    weighed: dict[ArticleId, int] = {}
    for n, (art, vec, terms) in enumerate(items, 1):
        assign[art.id] = index.add(art, vec, terms)
        if n % chunk == 0 or n == len(items):
            assign.update(index.take_moves())
            weighed.update(index.take_weighed())
            if rebuild:
                rows = [(a, v, assign[a.id], t) for a, v, t in items[:n]]
                index = StoryIndex.rebuild(rows, "tfidf", weighed_at=weighed)
    return index


@pytest.mark.parametrize("chunk", CHUNKINGS)
def test_a_rebuilt_index_is_the_running_index(chunk: int) -> None:
    items = stream(240)
    running = run_index(items, chunk, rebuild=False)
    rebuilt = run_index(items, chunk, rebuild=True)
    one = mates({a.id: running.story_of(a.id) for a, _, _ in items})
    assert mates({a.id: rebuilt.story_of(a.id) for a, _, _ in items}) == one
    # the state itself, not only the outcome: weights and the pending settle schedule
    for a, _, _ in items:
        r, b = running._members[a.id], rebuilt._members[a.id]
        assert (b.weighed_at, b.terms) == (r.weighed_at, r.terms)
    assert {s.id: s.due for s in rebuilt._stories.values()} == {
        s.id: s.due for s in running._stories.values()
    }


def test_the_stream_re_weighs_articles() -> None:
    """The stream exercises what a rebuild must restore (else the test above proves little)."""
    items = stream(240)
    index = StoryIndex("tfidf")
    reweighed: dict[ArticleId, int] = {}
    for n, (art, vec, terms) in enumerate(items, 1):
        index.add(art, vec, terms)
        if n % 8 == 0:
            index.take_moves()
            reweighed.update(index.take_weighed())
    assert len(reweighed) > 20
    # a rebuild weighing each article where it was added (no stored weights) ends elsewhere
    assign = {a.id: index.story_of(a.id) for a, _, _ in items}
    rows = [(a, v, assign[a.id], t) for a, v, t in items]
    stale = StoryIndex.rebuild(rows, "tfidf")
    assert any(stale._members[a].terms != index._members[a].terms for a in reweighed)


# -- the whole commit path: interrupted ingests on a store ----------------------------------


class Killed(Exception):
    """Stands for a SIGKILL: the run stops where it is, its open chunk never committed."""


def feed(
    items: list[Item], known: Callable[[str], bool], stop_at: int | None
) -> Iterator[Prepared | Known]:
    """What ``Engine.ingest`` yields for the records: inputs already taken in are ``Known``."""
    for i, (art, vec, terms) in enumerate(items):
        if stop_at is not None and i == stop_at:
            raise Killed
        key = f"raw:{i}"
        if known(key):
            yield Known(art.source, key)
        else:
            yield Prepared(art, vector=vec, terms=terms, raw_key=key)


def ingest(db: Path, items: list[Item], chunk: int, stop_at: int | None = None) -> bool:
    """One ingest process: a fresh engine (its indexes rebuilt from the store); False if killed."""
    with Engine.open(db, embedder="tfidf", chunk_size=chunk) as engine:
        try:
            engine.ingest_prepared(feed(items, engine.store.has_raw_input, stop_at))
        except Killed:
            return False
    return True


def store_view(db: Path) -> dict[str, tuple[object, ...]]:
    conn = sqlite3.connect(str(db))
    try:
        rows = conn.execute(
            "SELECT id, story_id, duplicate_of, source, version, supersedes, is_current "
            "FROM articles"
        ).fetchall()
    finally:
        conn.close()
    members: dict[str, set[str]] = {}
    for r in rows:
        members.setdefault(r[1], set()).add(r[0])
    return {r[0]: (frozenset(members[r[1]]), *r[2:]) for r in rows}


@pytest.mark.parametrize(
    ("chunk", "kills"),
    [(5, [7, 23, 23, 61, 140]), (8, [3, 90, 91, 200]), (13, [40, 160])],
)
def test_kills_and_restarts_end_on_one_runs_store(
    tmp_path: Path, chunk: int, kills: list[int]
) -> None:
    items = stream(220, seed=3)
    # some sources revised further on (a new version at a known URL), one reverted
    for j, back in ((150, 20), (170, 60), (200, 20)):
        art, vec, terms = items[j]
        items[j] = (replace(art, source=items[back][0].source), vec, terms)
    ref = tmp_path / "one.db"
    assert ingest(ref, items, chunk)
    crashed = tmp_path / "crashed.db"
    for stop in kills:
        assert not ingest(crashed, items, chunk, stop)
    assert ingest(crashed, items, chunk)
    one, after = store_view(ref), store_view(crashed)
    assert set(after) == set(one)
    assert {a: v[0] for a, v in after.items()} == {a: v[0] for a, v in one.items()}
    assert after == one  # duplicate_of, source, version, predecessor, currency too

"""Story clustering: terms, incremental index, time bounds, recluster, titles, counts, corpus."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storyline.embed import article_text_for_embedding, get_embedder
from storyline.models import Article, RawDoc
from storyline.stages.commit.index import StoryIndex
from storyline.stages.commit.ordering import article_day, earliest_key, story_id_for
from storyline.stages.commit.recluster import recluster
from storyline.stages.commit.summaries import count_independent, story_title
from storyline.stages.prepare.terms import article_terms
from storyline.text import content_id

# Made-up events. A and B are the same kind of event (a bridge or tunnel reopening) with
# different places and people: exactly what must not be merged. C is unrelated.
STORIES = {
    "A": [
        "The Velmora harbour bridge reopened on Monday after eleven months of repairs by Korvan Works. Mayor Ilsa Brandt cut the ribbon.",
        "Mayor Ilsa Brandt reopened the Velmora harbour bridge, closed for almost a year while Korvan Works replaced its cables.",
        "Commuters in Velmora crossed the harbour bridge again on Monday. Korvan Works finished the cable repairs, Ilsa Brandt said.",
        "Ferries in Velmora return to normal hours now that the harbour bridge is open again, Mayor Ilsa Brandt announced.",
    ],
    "B": [
        "The Dunmere river tunnel reopened on Friday after a flood closed it for six months. Pellam Group pumped and rebuilt it, said governor Teodor Vask.",
        "Governor Teodor Vask drove the first car through the Dunmere river tunnel, repaired by Pellam Group after the flood.",
        "Drivers in Dunmere can use the river tunnel again; Pellam Group completed flood repairs, Teodor Vask told reporters.",
    ],
    "C": [
        "Mira Osk won the Tallow junior chess championship after a six-hour final against Paulo Renn.",
        "In Tallow, sixteen-year-old Mira Osk beat Paulo Renn to take the junior chess title after six hours of play.",
    ],
}


def make(text: str, *, published: str | None = None, title: str = "", n: int = 0) -> Article:
    return Article(
        id=content_id(text),
        source=f"test:{n}",
        text=text,
        raw=text,
        title=title or text.split(".")[0],
        title_inferred=not title,
        published=published,
        ingested_at=f"2030-01-01T00:00:{n:02d}",
    )


def corpus_of_stories(published: str | None = None) -> tuple[list[Article], list[str]]:
    arts, gold = [], []
    for label, texts in STORIES.items():
        for text in texts:
            arts.append(make(text, published=published, n=len(arts)))
            gold.append(label)
    return arts, gold


def embed(arts: list[Article], name: str = "tfidf") -> np.ndarray:
    return get_embedder(name).encode([article_text_for_embedding(a) for a in arts])


def groups(assign: dict[str, str], arts: list[Article]) -> set[frozenset[int]]:
    by: dict[str, set[int]] = {}
    for i, a in enumerate(arts):
        by.setdefault(assign[a.id], set()).add(i)
    return {frozenset(g) for g in by.values()}


def indexed(arts: list[Article], vecs: np.ndarray) -> StoryIndex:
    """A TF-IDF story index with every article added, in order, and its moves taken."""
    index = StoryIndex("tfidf")
    for a, v in zip(arts, vecs, strict=True):
        index.add(a, v, article_terms(a))
    index.take_moves()
    return index


def gold_groups(gold: list[str]) -> set[frozenset[int]]:
    return {frozenset(i for i, g in enumerate(gold) if g == lab) for lab in set(gold)}


# -- terms ------------------------------------------------------------------------------


def test_article_terms_are_names_and_numbers() -> None:
    art = make(
        "Speaking on Tuesday, Mayor Ilsa Brandt said the Bank of Velmora lent 38 million crowns. "
        "Brandt added that 2,400 workers and the U.S. firm Korvan Works took part. "
        "Earlier, officials said 7 lanes would open."
    )
    terms = article_terms(art)
    for t in [
        "mayor ilsa brandt",
        "ilsa",
        "brandt",
        "bank of velmora",
        "velmora",
        "#38",
        "#2400",
        "u.s",
        "korvan works",
    ]:
        assert t in terms, t
    # calendar words and stop words are not names; single digits are not numbers
    for t in ["tuesday", "on tuesday", "#7", "of", "the", "the u.s"]:
        assert t not in terms, t
    assert len(terms) == len(set(terms))


def test_article_terms_stop_at_punctuation_and_use_real_titles() -> None:
    art = replace(
        make("Officials in Gaspar, Lorne Vale and Ostrom met on the harbour plan."),
        title="Harbour Plan Talks In Gaspar",
        title_inferred=False,
    )
    terms = article_terms(art)
    assert "gaspar" in terms and "lorne vale" in terms and "ostrom" in terms
    assert not any("gaspar lorne" in t for t in terms)
    # a Title Case headline gives its words one by one, no runs
    assert "talks" in terms and "harbour plan talks" not in terms and "in" not in terms


# -- ids, dates, counts -----------------------------------------------------------------


def test_story_ids_are_stable_and_well_formed() -> None:
    sid = story_id_for("abc123")
    assert re.fullmatch(r"s-[0-9a-f]{12}", sid)
    assert story_id_for("abc123") == sid != story_id_for("abc124")


def test_article_day_handles_partial_and_missing_dates() -> None:
    base = make("x")
    assert article_day(replace(base, published="2030-05-01T10:00:00Z")) == article_day(
        replace(base, published="2030-05-01")
    )
    assert article_day(replace(base, published="2030-05")) is not None
    assert article_day(replace(base, published="2030")) is not None
    assert article_day(replace(base, published="someday")) is None
    assert article_day(base) is None
    dated, undated = replace(base, published="2031-01-01"), base
    assert earliest_key(dated) < earliest_key(undated)


def test_count_independent_collapses_copy_groups() -> None:
    ids = ["a", "b", "c", "d", "e"]
    # b copies a; c copies b (a chain); d copies x, which is outside the story; e is alone
    dup = {"a": None, "b": "a", "c": "b", "d": "x", "e": None}
    assert count_independent(ids, dup) == 3
    assert count_independent(["d", "f"], {"d": "x", "f": "x"}) == 1
    assert count_independent([], {}) == 0


# -- incremental index ------------------------------------------------------------------


@pytest.mark.parametrize("embedder", ["tfidf", "model2vec"])
def test_index_separates_similar_events_and_groups_each(embedder: str) -> None:
    arts, gold = corpus_of_stories()
    vecs = embed(arts, embedder)
    index = StoryIndex(embedder)
    assign = {a.id: index.add(a, v, article_terms(a)) for a, v in zip(arts, vecs, strict=True)}
    assign.update(index.take_moves())
    assert groups(assign, arts) == gold_groups(gold)
    assert {index.story_of(a.id) for a in arts} == set(assign.values())


def test_index_add_is_idempotent_and_moves_are_reported() -> None:
    arts, _ = corpus_of_stories()
    vecs = embed(arts)
    index = StoryIndex("tfidf", refine_every=1000)
    first = [index.add(a, v, article_terms(a)) for a, v in zip(arts, vecs, strict=True)]
    assert index.add(arts[0], vecs[0], article_terms(arts[0])) == index.story_of(arts[0].id)
    moves = index.take_moves()
    for a, sid in zip(arts, first, strict=True):
        assert index.story_of(a.id) == moves.get(a.id, sid)
    assert index.take_moves() == {}
    assert len(index) == len(arts)


@pytest.mark.parametrize("embedder", ["tfidf", "model2vec"])
def test_any_arrival_order_gives_the_same_stories(embedder: str) -> None:
    arts, gold = corpus_of_stories()
    vecs = embed(arts, embedder)
    for seed in range(6):
        order = np.random.default_rng(seed).permutation(len(arts))
        index = StoryIndex(embedder)
        assign = {}
        for n, i in enumerate(order, 1):
            assign[arts[i].id] = index.add(arts[i], vecs[i], article_terms(arts[i]))
            if n % 3 == 0:  # batches end mid-story, as engine chunks do
                assign.update(index.take_moves())
        assign.update(index.take_moves())
        assert groups(assign, arts) == gold_groups(gold), seed


def test_settling_a_batch_reunites_a_story_an_early_decision_split() -> None:
    arts, gold = corpus_of_stories()
    vecs = embed(arts)
    index = indexed(arts, vecs)
    assert groups({a.id: index.story_of(a.id) for a in arts}, arts) == gold_groups(gold)
    # an early wrong call: two articles of story A split off into a story of their own,
    # which a later article then reaches (nothing is pending: only settling re-checks it)
    stray = [index._members[a.id] for a in arts[:2]]
    for m in stray:
        index._detach(m)
    split = index._new_story(stray[0])
    for m in stray:
        index._attach(m, split)
    index._touched[split.id] = None
    moves = index.take_moves()
    assert groups({a.id: index.story_of(a.id) for a in arts}, arts) == gold_groups(gold)
    # the articles that changed story are reported
    assert set(moves) == {m.id for m in stray} or set(moves) == {a.id for a in arts[2:4]}


def test_greedy_grouping_stops_only_when_no_pair_clears_its_threshold() -> None:
    from storyline.stages.commit.index import _Unit

    rng = np.random.default_rng(3)
    index = StoryIndex("tfidf")
    dim, units = 16, []
    centers = rng.standard_normal((5, dim))
    for i in range(40):
        c = i % 5
        vec = centers[c] + 0.6 * rng.standard_normal(dim)
        size = int(rng.integers(1, 4))
        terms = {f"t{c}-{int(j)}": float(rng.random()) for j in rng.integers(0, 6, 4)}
        terms[f"noise{i}"] = 0.5
        day = math.nan if i % 3 else float(rng.integers(0, 40))
        story = f"s{i}" if i % 4 == 0 else None
        units.append(_Unit([], story, terms, (vec * size).astype(np.float32), size, day, day))
    found = index._greedy(units)
    assert sorted(i for g in found for i in g) == list(range(len(units)))
    assert len(found) < len(units)  # some pairs merged
    merged = []
    for g in found:
        tw: dict[str, float] = {}
        for i in g:
            for t, w in units[i].tw.items():
                tw[t] = tw.get(t, 0.0) + w
        days = [units[i].dmin for i in g if not math.isnan(units[i].dmin)]
        lo, hi = (min(days), max(days)) if days else (math.nan, math.nan)
        story = next((units[i].story for i in g if units[i].story), None)
        vsum = np.sum([units[i].vsum for i in g], axis=0)
        merged.append(_Unit([], story, tw, vsum, sum(units[i].size for i in g), lo, hi))
    # best-first merging ran to the end: no two of the resulting groups would merge
    assert sorted(map(len, index._greedy(merged))) == [1] * len(merged)


def test_similar_events_far_apart_in_time_are_different_stories() -> None:
    text = STORIES["A"]
    then = [make(t, published="2030-05-04", n=i) for i, t in enumerate(text[:2])]
    later = [
        make(t + " One year on.", published="2031-05-04", n=9 + i) for i, t in enumerate(text[2:])
    ]
    soon = [
        make(t + " A week on.", published="2030-05-11", n=20 + i) for i, t in enumerate(text[2:])
    ]
    for extra, apart in ((later, True), (soon, False)):
        arts = then + extra
        assign = recluster(arts, embed(arts), [article_terms(a) for a in arts])
        n_stories = len(set(assign.values()))
        assert n_stories == (2 if apart else 1), (extra[0].published, assign)


def test_undated_articles_cluster_alongside_dated_ones() -> None:
    arts, gold = corpus_of_stories()
    arts = [replace(a, published="2030-05-01") if i % 2 else a for i, a in enumerate(arts)]
    assign = recluster(arts, embed(arts), [article_terms(a) for a in arts])
    assert groups(assign, arts) == gold_groups(gold)


def test_rebuild_restores_assignments() -> None:
    arts, _ = corpus_of_stories()
    vecs = embed(arts)
    index = indexed(arts, vecs)
    rebuilt = StoryIndex.rebuild(
        ((a, v, index.story_of(a.id), article_terms(a)) for a, v in zip(arts, vecs, strict=True)),
        embedder_name="tfidf",
    )
    assert rebuilt.stories() == index.stories()
    # a new article of story B joins B in the rebuilt index
    extra = make(
        "Pellam Group says the Dunmere river tunnel needs no more flood work, Teodor Vask said.",
        n=50,
    )
    sid = rebuilt.add(extra, embed([extra])[0], article_terms(extra))
    sid = rebuilt.take_moves().get(extra.id, sid)
    assert sid == rebuilt.story_of(arts[len(STORIES["A"])].id)


def test_candidate_search_reads_an_index_not_every_story() -> None:
    rng = np.random.default_rng(0)
    index = StoryIndex("tfidf", refine_every=10**9)
    dim = 512
    for i in range(3000):
        # unrelated one-article stories with their own rare names
        art = make(f"Item {i}", n=i % 60)
        art = replace(art, id=f"id{i:05d}")
        vec = rng.standard_normal(dim).astype(np.float32)
        vec /= np.linalg.norm(vec)
        index.add(art, vec, [f"name{i}", f"place{i % 500}", "common"])
    probe = index._make_member(make("probe", n=1), vec, ["name7", "place7", "common"], count=False)
    cands = index._candidates(probe)
    assert 0 < len(cands) <= index.p.max_candidates + max(4, index.p.max_candidates // 4)
    assert index.n_stories > 10 * len(cands)


# -- batch ------------------------------------------------------------------------------


def test_recluster_groups_and_keeps_story_ids() -> None:
    arts, gold = corpus_of_stories()
    vecs = embed(arts)
    terms = [article_terms(a) for a in arts]
    assign = recluster(arts, vecs, terms)
    assert set(assign) == {a.id for a in arts}
    assert groups(assign, arts) == gold_groups(gold)
    # stories keep the ids the articles already carried
    renamed = {sid: f"s-{k:012x}" for k, sid in enumerate(sorted(set(assign.values())))}
    stored = [replace(a, story_id=renamed[assign[a.id]]) for a in arts]
    again = recluster(stored, vecs, terms)
    assert again == {a.id: a.story_id for a in stored}
    assert recluster([], np.zeros((0, 512), dtype=np.float32), []) == {}


def test_story_title_prefers_real_central_titles() -> None:
    arts = [
        replace(
            make(STORIES["A"][0], n=1),
            title="Velmora harbour bridge reopens after repairs",
            title_inferred=False,
        ),
        replace(make(STORIES["A"][1], n=2), title="May 2, 2030, 1: 12 PM", title_inferred=False),
        make(STORIES["A"][2], n=3),
    ]
    vecs = embed(arts)
    assert story_title(arts, vecs) == "Velmora harbour bridge reopens after repairs"
    untitled = [replace(a, title="") for a in arts]
    assert story_title(untitled, vecs)  # falls back to the opening of the central article
    assert story_title([], np.zeros((0, 4))) == ""


# -- reference corpus -------------------------------------------------------------------


def _clean_corpus(corpus_dir: Path) -> dict[str, Article]:
    from storyline.stages.prepare.clean import clean_document

    return {
        p.name[:3]: clean_document(
            RawDoc(source=str(p), text=p.read_text(encoding="utf-8")),
            ingested_at="2030-01-01T00:00:00",
        )
        for p in sorted(corpus_dir.glob("*.txt"))
    }


@pytest.mark.corpus
@pytest.mark.parametrize("embedder", ["tfidf", pytest.param("minilm", marks=pytest.mark.model)])
def test_corpus_is_one_story_of_four_independent_sources(corpus_dir: Path, embedder: str) -> None:
    from storyline.stages.commit.dedup import DedupIndex

    arts = _clean_corpus(corpus_dir)
    ordered = sorted(arts.values(), key=earliest_key)
    vecs = embed(ordered, embedder)
    dedup, stories = DedupIndex(), StoryIndex(embedder)
    dup_of: dict[str, str | None] = {}
    assign = {}
    for a, v in zip(ordered, vecs, strict=True):
        m = dedup.add(a)
        dup_of[a.id] = m.of if m else None
        assign[a.id] = stories.add(a, v, article_terms(a))
    assign.update(stories.take_moves())
    assert len(set(assign.values())) == 1
    assert dup_of[arts["000"].id] == arts["001"].id
    assert count_independent(list(assign), dup_of) == 4
    batch = recluster(ordered, vecs, [article_terms(a) for a in ordered])
    assert len(set(batch.values())) == 1

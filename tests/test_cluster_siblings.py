"""Sibling events: principal actors keep two events of one topic apart; the schedule of
pending settling and split checks survives a rebuilt index."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from cluster_fixture import cluster as cluster_into
from cluster_fixture import partition
from storyline.embed import article_text_for_embedding, get_embedder
from storyline.models import Article
from storyline.stages.commit.index import StoryIndex, _clash, params_for
from storyline.stages.prepare.terms import PRINCIPAL_PREFIX, article_terms
from storyline.text import content_id

# Made-up news. D and E are siblings: the same kind of event (a player of the Harlow
# Comets arrested for drunk driving), two different players, nights and places. F is
# one event told three ways, with few words in common.
SIBLINGS = {
    "D": [
        "Harlow Comets winger Dax Morrow was arrested on suspicion of drunk driving early "
        "Sunday in Penmark. Police said Morrow failed a breath test. His coach said Morrow "
        "will still play on Thursday.",
        "Police in Penmark stopped Dax Morrow after midnight and arrested him for driving "
        "under the influence. Morrow was released on bail, and the Harlow Comets coach said "
        "Morrow apologised to the team.",
        "Winger Dax Morrow faces a drunk-driving charge after his arrest in Penmark. "
        "Morrow's lawyer said Morrow will plead not guilty; the Harlow Comets declined to comment.",
    ],
    "E": [
        "Harlow Comets goalkeeper Rui Kestel was arrested on suspicion of drunk driving on "
        "Friday in Ostbury. Kestel was stopped at a checkpoint, police said. The club "
        "suspended Kestel for one game.",
        "Police in Ostbury arrested Rui Kestel for driving under the influence. Kestel was "
        "held overnight, and the Harlow Comets said Kestel would miss the next game.",
        "Goalkeeper Rui Kestel was charged with drunk driving after a checkpoint stop in "
        "Ostbury. Kestel's agent said Kestel regrets the night; the Harlow Comets suspended him.",
    ],
    "F": [
        "Lorna Vey won the Saltmere mayoral election on Sunday with 61 percent of the vote. "
        "Vey promised cheaper ferries. Vey beat the incumbent, Oskar Thale.",
        "Voters in Saltmere chose Lorna Vey as mayor, ending the twelve-year tenure of "
        "Oskar Thale. Vey, a former harbour pilot, will take office next month.",
        "The new mayor of Saltmere, Lorna Vey, thanked her supporters at the harbour. Thale "
        "conceded defeat late on Sunday night and congratulated Vey.",
    ],
}


def make(text: str, n: int) -> Article:
    return Article(
        id=content_id(text),
        source=f"test:{n}",
        text=text,
        raw=text,
        title=text.split(".")[0],
        title_inferred=True,
        ingested_at=f"2030-01-01T00:00:{n:02d}",
    )


def corpus(*labels: str) -> tuple[list[Article], list[str]]:
    arts, gold = [], []
    for label in labels:
        for text in SIBLINGS[label]:
            arts.append(make(text, len(arts)))
            gold.append(label)
    return arts, gold


def embed(arts: list[Article], name: str) -> np.ndarray:
    return get_embedder(name).encode([article_text_for_embedding(a) for a in arts])


def cluster(
    arts: list[Article], vecs: np.ndarray, name: str, index: StoryIndex | None = None
) -> list[str]:
    return cluster_into(arts, vecs, StoryIndex(name) if index is None else index)


def principals(article: Article) -> list[str]:
    return [t[len(PRINCIPAL_PREFIX) :] for t in article_terms(article) if t.startswith("#p:")]


def test_principal_actors_are_the_names_an_article_repeats() -> None:
    arts, _ = corpus("D", "E")
    assert principals(arts[0]) == ["morrow"]
    assert principals(arts[3]) == ["kestel"]
    # a name said once is no principal; Title Case lines do not count
    once = make("Ines Ward opened a bakery in Tolbridge. The bakery sells rye bread.", 0)
    assert principals(once) == []
    # the principal terms come after the ordinary ones, which keep their order
    terms = article_terms(arts[0])
    assert terms[-1] == "#p:morrow"
    assert not any(t.startswith("#p:") for t in terms[:-1])


def test_articles_clash_only_when_neither_names_the_others_principals() -> None:
    arts, _ = corpus("D", "E", "F")
    index = StoryIndex("tfidf")
    members = [index._make_member(a, np.ones(4, dtype=np.float32), article_terms(a)) for a in arts]
    # D and E: two players of one club, neither named in the other's article
    assert _clash(members[0], members[3])
    # one article naming the other's principal is enough to agree
    both = make("Dax Morrow and Rui Kestel met in Penmark. Kestel and Morrow talked.", 30)
    m = index._make_member(both, np.ones(4, dtype=np.float32), article_terms(both))
    assert not _clash(m, members[0]) and not _clash(m, members[3])
    # within one event, never
    assert not any(_clash(members[i], members[j]) for i in range(6, 9) for j in range(6, 9))


@pytest.mark.parametrize("name", ["tfidf", "model2vec"])
def test_sibling_events_stay_apart_and_one_event_in_other_words_is_one(name: str) -> None:
    arts, gold = corpus("D", "E", "F")
    vecs = embed(arts, name)
    for seed in range(4):
        order = np.random.default_rng(seed).permutation(len(arts))
        got = cluster([arts[i] for i in order], vecs[order], name)
        assert partition(got) == partition([gold[i] for i in order]), seed


def test_the_clash_factor_is_what_keeps_siblings_apart() -> None:
    """A clashing article scores lower against a story than with the factor turned off;
    one that names the story's principal scores the same."""
    arts, _ = corpus("D", "E")
    vecs = embed(arts, "tfidf")
    on = StoryIndex("tfidf")
    off = StoryIndex("tfidf", params=replace(params_for("tfidf"), clash_weight=0.0))
    for index in (on, off):
        cluster(arts[:3], vecs[:3], "tfidf", index)

    def score(index: StoryIndex, article: Article) -> float:
        vec = embed([article], "tfidf")[0]
        m = index._make_member(article, vec, article_terms(article), count=False)
        return index._sim_member(m, index._stories[index.story_of(arts[0].id)])

    kestel = arts[4]
    assert 0 <= score(on, kestel) < score(off, kestel)
    morrow = make("Dax Morrow paid his bail in Penmark on Monday, Morrow's lawyer said.", 40)
    assert score(on, morrow) == pytest.approx(score(off, morrow))
    assert score(on, morrow) > 0


def test_group_counts_match_article_by_article_clashes() -> None:
    """The sparse counts ``_greedy`` uses equal the pairs counted one by one."""
    arts, _ = corpus("D", "E", "F")
    vecs = embed(arts, "tfidf")
    index = StoryIndex("tfidf")
    cluster(arts[:6], vecs[:6], "tfidf", index)
    for a, v in zip(arts[6:], vecs[6:], strict=True):
        m = index._make_member(a, v, article_terms(a))
        index._members[m.id] = m
    units = [index._unit_of_story(s) for s in index._stories.values()]
    units += [index._unit_of_member(index._members[a.id]) for a in arts[6:]]
    agree, npr = index._agreement_counts(units)
    assert agree is not None

    def members(i: int) -> list[str]:
        u = units[i]
        return sorted(index._stories[u.story].members) if u.story else u.members

    for i in range(len(units)):
        with_p = [index._members[m] for m in members(i) if index._members[m].princ]
        assert npr[i] == len(with_p)
        for j in range(len(units)):
            if i == j:
                continue
            other = [index._members[m] for m in members(j) if index._members[m].princ]
            ok = sum(not _clash(a, b) for a in with_p for b in other)
            assert agree[i, j] == ok


def test_a_rebuilt_index_keeps_the_pending_schedule() -> None:
    """Settling (every story, each time the index doubles) and split checks (at fixed
    story sizes) are functions of what is stored: a restart neither forgets nor repeats."""
    arts, _ = corpus("D", "E", "F")
    vecs = embed(arts, "tfidf")
    live = StoryIndex("tfidf")
    cluster(arts[:5], vecs[:5], "tfidf", live)
    rebuilt = StoryIndex.rebuild(
        ((a, v, live.story_of(a.id), article_terms(a)) for a, v in zip(arts[:5], vecs[:5], strict=True)),
        embedder_name="tfidf",
    )  # fmt: skip
    due = {sid: s.due for sid, s in live._stories.items()}
    assert due == {sid: s.due for sid, s in rebuilt._stories.items()}
    assert all(d > len(live) for d in due.values())  # nothing overdue, nothing forgotten
    pending = {
        (d, sid) for d, sid in live._due if live._stories.get(sid) and live._stories[sid].due == d
    }
    assert pending == set(rebuilt._due)
    # split checks: at sizes split_min, then each split_growth times the last
    assert live._crosses_check(5, 6) and not live._crosses_check(6, 7)
    assert live._crosses_check(6, 8) == rebuilt._crosses_check(6, 8)
    # both continue alike
    a = cluster(arts[5:], vecs[5:], "tfidf", live)
    b = cluster(arts[5:], vecs[5:], "tfidf", rebuilt)
    assert a == b
    assert live.stories() == rebuilt.stories()

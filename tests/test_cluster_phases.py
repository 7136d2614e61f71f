"""Sibling events that share their people, place and words (issue 19): opposed phases of
one storyline named by the headlines (a theft and the recovery), and publication days
far apart, keep them apart; a headline's modifiers do not name its main action."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cluster_fixture import assert_any_order_gives, cluster, corpus, make, members, single_units
from storyline.embed import article_text_for_embedding, get_embedder
from storyline.lang.actions import OPPOSED_ACTIONS, opposed
from storyline.models import Article
from storyline.stages.commit.index import StoryIndex, params_for
from storyline.stages.prepare.terms import article_terms, headline_actions

# Made-up news. T and R: a statue stolen from the Kellmoor museum, then found; no dates.
# A and B: two council meetings on the Tarnby bridge, headlines naming no action, eleven
# days apart; C: the same meeting as A, told a day later.
EVENTS: dict[str, list[tuple[str, str | None, str]]] = {
    "T": [
        ("Bronze horse stolen from Kellmoor museum", None,
         "Thieves took the bronze horse of sculptor Ida Varn from the Kellmoor museum "
         "overnight. The Kellmoor museum director Paul Orme said the alarm did not ring."),
        ("Thieves take Varn's bronze horse from Kellmoor", None,
         "The Kellmoor museum lost its best-known piece, Ida Varn's bronze horse, to thieves "
         "who came through a side door. Director Paul Orme appealed for help."),
    ],
    "R": [
        ("Stolen Varn horse found in Kellmoor barn", None,
         "Police found Ida Varn's bronze horse in a barn outside Kellmoor. The Kellmoor "
         "museum director Paul Orme said the horse was undamaged."),
        ("Police recovered Varn horse near Kellmoor", None,
         "Ida Varn's bronze horse, recovered by police from a barn near Kellmoor, is back at "
         "the Kellmoor museum, director Paul Orme said."),
    ],
}  # fmt: skip


def headline(title: str) -> list[str]:
    return headline_actions(make(title, None, f"Body of {title}.", 0))


def test_a_modifier_does_not_name_the_main_action() -> None:
    # a participle opening the headline is the subject's adjective
    assert headline("Stolen statue found in Kellmoor barn") == ["recovery", "theft"]
    # compounds are right-headed: a "merger veto" is a veto
    assert headline("Tarnby weighs appeal after merger veto")[0] == "veto"
    # a verb before its object is the predicate, a noun before a verb form is not a modifier
    assert headline("Regulator vetoes Tarnby merger") == ["veto", "acquisition"]
    assert headline("Tarnby and Orsk sign deal ending steel tariffs")[0] == "deal"


def test_a_topic_label_before_a_colon_names_no_action() -> None:
    # "Kellmoor theft:" labels the story; the news is after the colon (the label's action
    # comes after it, as a modifier's)
    assert headline("Kellmoor theft: bronze horse found in a barn") == ["recovery", "theft"]
    # a speaker's words after a name keep their verbs; a long clause is no label
    assert headline("Orme: “Thieves stole our horse”") == ["theft"]
    assert headline("Thieves who stole the Kellmoor horse last week: police name suspect") == [
        "theft"
    ]


def test_phases_of_a_storyline_are_named() -> None:
    assert headline("Eleven miners trapped in Orsk") == ["trapped"]
    assert headline("Orsk outbreak declared over") == ["outbreak", "ending"]
    assert headline("Orsk lifts emergency") == ["ending"]
    assert headline("Orsk airline fined over data breach") == ["penalty", "breach"]
    assert headline("Orsk club sack coach") == ["resignation"]
    assert headline("Orsk regulator says no to merger") == ["approval", "acquisition"]
    assert headline("Orsk man found guilty") == ["verdict"]
    assert headline("Orsk man found dead") == ["death"]
    assert headline("Man found dead after Orsk blaze") == ["fire"]


def test_opposed_actions_are_pairs_of_known_actions() -> None:
    from storyline.lang.actions import EVENT_ACTIONS

    assert all(len(p) == 2 and p <= EVENT_ACTIONS.keys() for p in OPPOSED_ACTIONS)
    assert opposed("theft", "recovery") and opposed("recovery", "theft")
    assert not opposed("quake", "rescue") and not opposed("theft", "theft")


def test_opposed_main_actions_clash_without_dates() -> None:
    arts, _ = corpus(EVENTS, "T", "R")
    m = members(arts)
    p = params_for("tfidf")
    clash = StoryIndex("tfidf")._event_clash
    assert m[0].actions[0] == "theft" and m[2].actions[0] == "recovery"
    assert clash(m[0], m[2]) == pytest.approx(p.opposed_weight)
    # on one day the two phases never clash (one outlet's theft is another's recovery)
    same_day = [replace(a, published="2031-02-02") for a in (arts[0], arts[2])]
    d = members(same_day)
    assert clash(d[0], d[1]) == 0.0


@pytest.mark.parametrize("name", ["tfidf", "model2vec"])
def test_a_theft_and_its_recovery_are_two_events(name: str) -> None:
    arts, gold = corpus(EVENTS, "T", "R")
    vecs = get_embedder(name).encode([article_text_for_embedding(a) for a in arts])
    assert_any_order_gives(arts, vecs, gold, name)
    off = replace(params_for(name), opposed_weight=0.0)
    assert len(set(cluster(arts, vecs, StoryIndex(name, params=off)))) < 4


def dated(rows: list[tuple[str, str]]) -> list[Article]:
    text = ("The Tarnby council met on the future of the Tarnby bridge. Mayor Lena Brock "
            "said the Tarnby bridge would stay open. ")  # fmt: skip
    return [make(title, d, text + f"({n})", n) for n, (title, d) in enumerate(rows)]


MEETINGS = [
    ("Tarnby council approves bridge repairs", "2031-03-01"),
    ("Tarnby council and the bridge", "2031-03-02"),
    ("Tarnby bridge: the view from the council", "2031-03-12"),
    ("Tarnby council backs bridge repairs", "2031-03-12"),
]


def test_publication_days_far_apart_clash_when_an_action_is_named() -> None:
    index = StoryIndex("tfidf")
    m = members(dated(MEETINGS))
    # the two headlines naming none have their lead's action ("met"), which days ignore
    assert [bool(x.actions) and not x.lead for x in m] == [True, False, False, True]
    for x in m:
        index._members[x.id] = x
    # eleven days from the approval, naming none: apart; a day from it: not
    story = index._new_story(m[0])
    index._attach(m[0], story)
    index._attach(m[1], story)
    assert index._days_apart(m[2], story) == pytest.approx(0.5)
    # the same action eleven days later is not apart from the approval, only from the
    # article naming none
    assert index._days_apart(m[3], story) == pytest.approx(0.5)
    # the group path counts the same pairs
    apart, nday = index._day_counts(single_units(index, m))
    assert apart is not None and list(nday) == [1.0, 1.0, 1.0, 1.0]
    assert apart[0, 2] == apart[2, 0] == 1.0
    # a day apart, one day, two articles naming no action, or one action: not apart
    assert apart[0, 1] == apart[2, 3] == apart[1, 2] == apart[0, 3] == 0.0
    assert apart[1, 3] == 1.0


def test_a_story_published_days_apart_is_less_similar() -> None:
    arts = dated(MEETINGS)
    vecs = get_embedder("tfidf").encode([article_text_for_embedding(a) for a in arts])
    p = params_for("tfidf")
    sims = []
    for params in (p, replace(p, day_weight=0.0)):
        index = StoryIndex("tfidf", params=params)
        m = [index._make_member(a, v, article_terms(a)) for a, v in zip(arts, vecs, strict=True)]
        story = index._new_story(m[0])
        index._attach(m[0], story)
        sims.append((index._sim_member(m[1], story), index._sim_member(m[2], story)))
    (near, far), (near_off, far_off) = sims
    assert near == pytest.approx(near_off)  # a day apart: one event
    assert far == pytest.approx(far_off * (1 - p.day_weight))  # eleven days: another

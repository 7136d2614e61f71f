"""Event identity: the action a headline names and the day of the event keep two events
about the same people apart (a strike, then the deal that ended it a week later), and
one event that outlets headline by different actions on one day stays one story."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cluster_fixture import assert_any_order_gives, cluster, corpus, make, members, single_units
from storyline.embed import article_text_for_embedding, get_embedder
from storyline.stages.commit.index import (
    StoryIndex,
    codes_clash,
    identifier_codes,
    params_for,
)
from storyline.stages.prepare.terms import (
    ACTION_PREFIX,
    DAY_PREFIX,
    article_terms,
    headline_actions,
    lead_day,
)

# Made-up news. S and D are siblings with the same union, leader, operator and port a
# week apart: a strike, then the deal that ended it. Q is one event (a ferry fire) that
# one outlet headlines as the fire and another as the evacuation, on one day. K and L are
# two emergency patches of one browser, undated and worded alike: only their bulletin
# codes tell them apart.
EVENTS: dict[str, list[tuple[str, str | None, str]]] = {
    "S": [
        (
            "Veldmark dockers walk out in pay strike",
            "2031-05-05",
            "Cranes stood idle at the port of Veldmark on Monday as members of the Veldmark "
            "Dockers Union stopped work over pay. Union leader Ansel Corrigan said the "
            "operator Portline had refused to raise wages for two years. Portline said "
            "Corrigan was holding the port to ransom, and Corrigan said the union would not "
            "back down. Ships queued outside the Veldmark harbour wall.",
        ),
        (
            "Strike halts Veldmark port for a second day",
            "2031-05-06",
            "No container left the port of Veldmark for a second day as the Veldmark Dockers "
            "Union kept up its strike over pay. Ansel Corrigan told dockers at the gate that "
            "Portline could end the dispute with a fair offer. Portline said Corrigan's "
            "demands would cost jobs. Corrigan said the union was ready to talk.",
        ),
        (
            "Veldmark dock strike: what shippers need to know",
            None,
            "Shippers using the port of Veldmark face delays while the Veldmark Dockers "
            "Union strike over pay goes on, Portline said. Union leader Ansel Corrigan said "
            "the walkout would last until Portline raised wages, and Corrigan urged "
            "shippers to press Portline. Perishable cargo was being sent to other ports.",
        ),
    ],
    "D": [
        (
            "Veldmark dockers accept pay deal",
            "2031-05-13",
            "Members of the Veldmark Dockers Union voted on Tuesday to accept a pay deal with "
            "the operator Portline, ending the dispute at the port of Veldmark. Union leader "
            "Ansel Corrigan said the deal gave dockers a rise of 5 percent. Portline said "
            "Corrigan had bargained hard, and Corrigan thanked the dockers of Veldmark.",
        ),
        (
            "Agreement signed at Veldmark port",
            "2031-05-14",
            "Portline and the Veldmark Dockers Union signed their agreement on pay at the "
            "port of Veldmark on Wednesday. Ansel Corrigan said the agreement was fair to "
            "the dockers. Portline said Corrigan and the union had met it halfway. Corrigan "
            "said work at Veldmark would return to normal within days.",
        ),
    ],
    "Q": [
        (
            "Fire breaks out on Marrowby ferry",
            "2031-09-02",
            "A fire broke out in the engine room of the ferry Sella Marrowby on Tuesday "
            "evening off Tenby Point, the coastguard said. The crew of the Sella Marrowby "
            "fought the fire for an hour. Captain Ida Brenner said no one was hurt and "
            "Brenner praised the crew of the Sella Marrowby.",
        ),
        (
            "Passengers evacuated from Marrowby ferry",
            "2031-09-02",
            "Two hundred passengers were taken off the ferry Sella Marrowby by lifeboats on "
            "Tuesday evening after smoke filled the engine room off Tenby Point. Captain Ida "
            "Brenner ordered the ship cleared, and Brenner said the Sella Marrowby would be "
            "towed to harbour.",
        ),
    ],
    "K": [
        (
            "Quillsoft rushes emergency patch for Lanternview browser",
            None,
            "Quillsoft released an emergency patch for its Lanternview browser on Wednesday "
            "to fix a flaw that let attackers take over computers. The update, bulletin "
            "QS12-044, closes the hole in every version of Lanternview, Quillsoft said.",
        ),
        (
            "Quillsoft patches Lanternview flaw",
            None,
            "Users of the Lanternview browser should install the emergency update Quillsoft "
            "released on Wednesday, security experts said. Bulletin QS12-044 fixes a flaw "
            "that attackers used to take over computers through Lanternview.",
        ),
    ],
    "L": [
        (
            "Quillsoft issues emergency fix for Lanternview browser",
            None,
            "Quillsoft issued an emergency fix for its Lanternview browser on Tuesday after "
            "attackers exploited a flaw to take over computers. The update, bulletin "
            "QS13-207, covers every version of Lanternview, Quillsoft said.",
        ),
        (
            "Quillsoft fixes Lanternview hole",
            None,
            "Quillsoft shipped an emergency update for the Lanternview browser on Tuesday, "
            "security experts said. Bulletin QS13-207 closes a flaw that attackers used to "
            "take over computers through Lanternview.",
        ),
    ],
}


def headline(title: str) -> list[str]:
    return headline_actions(make(title, None, f"Body of {title}.", 0))


def test_a_headline_names_its_actions_main_one_first() -> None:
    assert headline("Veldmark dockers accept pay deal after strike") == ["deal", "strike"]
    # synonyms of one action agree
    assert headline("Strong tremor shakes Orsk") == headline("Quake hits Orsk") == ["quake"]
    # two-word phrases are read before their words
    assert headline("Minister under fire over Orsk housing") == []
    assert headline("Orsk mayor steps down") == ["resignation"]
    assert headline("Gunman opened fire at Orsk market") == ["shooting"]
    # an action only threatened or feared has not happened
    assert headline("Orsk farmers threaten new protests over water") == []
    assert headline("Orsk farmers threaten protests as dam opens gates") == []
    assert headline("Orsk dockers weigh strike after deal collapses") == ["deal"]
    # an outcome only when no action is named
    assert headline("Three dead on Orsk road") == ["death"]
    assert headline("Three killed in Orsk blast") == ["explosion"]
    # a title the cleaner only inferred is no headline
    inferred = replace(make("Quake hits Orsk", None, "Quake hits Orsk today.", 0),
                       title_inferred=True)  # fmt: skip
    assert headline_actions(inferred) == []


def test_the_lead_gives_a_day_only_with_its_year_and_only_when_undated() -> None:
    text = "Orsk, March 3, 2031 - The Orsk council met on Monday to vote on the budget."
    assert lead_day(make("Orsk votes", None, text, 0)) == "2031-03-03"
    # a published article has its day; a date without a year or a weekday gives none
    assert lead_day(make("Orsk votes", "2031-03-04", text, 0)) is None
    assert lead_day(make("Orsk votes", None, "The council met on March 3 in Orsk.", 0)) is None
    assert lead_day(make("Orsk votes", None, "The council met on Monday in Orsk.", 0)) is None
    # a date far down the text is not the lead's
    late = "The council of Orsk met to vote. " * 20 + "It last met on May 2, 2030."
    assert lead_day(make("Orsk votes", None, late, 0)) is None


def test_terms_end_with_the_event_features() -> None:
    arts, _ = corpus(EVENTS, "S")
    terms = article_terms(arts[0])
    assert ACTION_PREFIX + "strike" in terms
    assert not any(t.startswith(DAY_PREFIX) for t in terms)  # it has a published date
    undated = make("Orsk votes", None, "Orsk, March 3, 2031 - The council met in Orsk.", 0)
    assert DAY_PREFIX + "2031-03-03" in article_terms(undated)


def test_other_actions_clash_by_how_far_apart_their_days_are() -> None:
    arts, _ = corpus(EVENTS, "S", "D", "Q")
    m = members(arts)
    p = params_for("tfidf")
    index = StoryIndex("tfidf")
    clash = index._event_clash
    # a strike and a deal eight days apart: another action on another day
    assert clash(m[0], m[3]) == pytest.approx(p.action_date_weight)
    # the undated strike article and the deal: the days are not both known, but a strike
    # and the deal that ends it are opposed phases (``lang.actions.OPPOSED_ACTIONS``)
    assert clash(m[2], m[3]) == pytest.approx(max(p.action_weight, p.opposed_weight))
    plain = StoryIndex("tfidf", params=replace(p, opposed_weight=0.0))._event_clash
    assert plain(m[2], m[3]) == pytest.approx(p.action_weight)
    # the fire and the evacuation of one ferry on one day: close days never clash
    assert clash(m[5], m[6]) == 0.0
    # one action, or an unknown one, never clashes
    assert clash(m[0], m[1]) == 0.0
    no_action = make("Veldmark today", "2031-05-20", "Veldmark was quiet today.", 9)
    assert clash(members([no_action])[0], m[0]) == 0.0
    # a headline naming the other's main action too halves the clash, unless the two
    # main actions are opposed phases (a deal ending a strike is never the strike)
    both = make("Veldmark dockers accept deal, end strike", "2031-05-13", "Dockers agreed.", 9)
    assert clash(members([both])[0], m[0]) == pytest.approx(p.opposed_weight)
    assert plain(members([both])[0], m[0]) == pytest.approx(p.action_date_weight / 2)


def test_identifier_codes_name_one_instance_of_a_recurring_thing() -> None:
    terms = ["quillsoft", "qs12-044", "#2031", "kv-2031-88", "tx907", "nbc10", "dec-19-05",
             "x-15", "#p:quillsoft", "lanternview"]  # fmt: skip
    # a station's name ("nbc10"), a date, a one-letter family and numbers are not codes
    assert identifier_codes(terms) == ("qs12-044", "kv-2031-88", "tx907")
    # one family, none in common: two instances; a shared code or another family: no
    assert codes_clash(("qs12-044",), ("qs13-207",))
    assert not codes_clash(("qs12-044", "qs13-207"), ("qs13-207",))
    assert not codes_clash(("qs12-044",), ("kv-2031-88",))
    assert identifier_codes(article_terms(corpus(EVENTS, "K")[0][0])) == ("qs12-044",)


def test_other_codes_clash_whatever_the_actions() -> None:
    arts, _ = corpus(EVENTS, "K", "L")
    m = members(arts)
    p = params_for("tfidf")
    clash = StoryIndex("tfidf")._event_clash
    assert clash(m[0], m[1]) == 0.0  # one bulletin
    assert clash(m[0], m[2]) == pytest.approx(p.code_weight)  # two, one action ("release")
    off = replace(p, code_weight=0.0)
    assert StoryIndex("tfidf", params=off)._event_clash(m[0], m[2]) == 0.0


def test_group_clashes_match_article_by_article_ones() -> None:
    """The matrix ``_greedy`` uses equals the pairs summed one by one."""
    arts, _ = corpus(EVENTS, "S", "K", "D", "L", "Q")
    vecs = get_embedder("tfidf").encode([article_text_for_embedding(a) for a in arts])
    index = StoryIndex("tfidf")
    cluster(arts[:5], vecs[:5], index)
    for a, v in zip(arts[5:], vecs[5:], strict=True):
        m = index._make_member(a, v, article_terms(a))
        index._members[m.id] = m
    units = [index._unit_of_story(s) for s in index._stories.values()]
    units += [index._unit_of_member(index._members[a.id]) for a in arts[5:]]
    got = index._event_counts(units)
    assert got is not None

    def of(i: int) -> list:  # type: ignore[type-arg]
        u = units[i]
        ids = sorted(index._stories[u.story].members) if u.story else u.members
        return [index._members[x] for x in ids]

    for i in range(len(units)):
        for j in range(len(units)):
            if i != j:
                want = sum(index._event_clash(a, b) for a in of(i) for b in of(j))
                assert got[i, j] == pytest.approx(want)


@pytest.mark.parametrize("name", ["tfidf", "model2vec"])
def test_a_strike_and_its_deal_are_two_events_and_the_ferry_fire_one(name: str) -> None:
    arts, gold = corpus(EVENTS, "S", "D", "Q")
    vecs = get_embedder(name).encode([article_text_for_embedding(a) for a in arts])
    assert_any_order_gives(arts, vecs, gold, name)


def test_group_clashes_of_articles_with_codes_and_no_action() -> None:
    arts = [make("Lanternview news", None, f"Quillsoft shipped bulletin {code} for Lanternview.", n)
            for n, code in enumerate(("QS12-044", "QS12-044", "QS13-207"))]  # fmt: skip
    index = StoryIndex("tfidf")
    m = members(arts)
    assert all(x.codes and not x.actions for x in m)
    got = index._event_counts(single_units(index, m))
    assert got is not None
    p = params_for("tfidf")
    assert got[0, 1] == 0.0 and got[0, 2] == got[1, 2] == pytest.approx(p.code_weight)


@pytest.mark.parametrize("name", ["tfidf", "model2vec"])
def test_two_patches_named_by_other_bulletins_are_two_events(name: str) -> None:
    arts, gold = corpus(EVENTS, "K", "L")
    vecs = get_embedder(name).encode([article_text_for_embedding(a) for a in arts])
    assert_any_order_gives(arts, vecs, gold, name)
    off = replace(params_for(name), code_weight=0.0)
    assert len(set(cluster(arts, vecs, StoryIndex(name, params=off)))) == 1


@pytest.mark.parametrize("name", ["tfidf", "model2vec"])
def test_without_event_identity_the_strike_and_the_deal_merge(name: str) -> None:
    """The same people, port and words: only the action and the day tell them apart."""
    arts, _ = corpus(EVENTS, "S", "D")
    vecs = get_embedder(name).encode([article_text_for_embedding(a) for a in arts])
    off = replace(params_for(name), action_weight=0.0, action_date_weight=0.0,
                  opposed_weight=0.0, day_weight=0.0)  # fmt: skip
    got = cluster(arts, vecs, StoryIndex(name, params=off))
    assert len(set(got)) == 1

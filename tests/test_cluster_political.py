"""Sibling events of political storylines (issue 19, ``bench/data/siblings4``): the steps
of a bill (passed, vetoed, overridden), an official quits and a successor is named, a vote
counted and then recounted; headlines in sentence case; and a lead's actions read when the
headline names none, which clash only as opposed phases. Invented headlines only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cluster_fixture import make, members, single_units
from storyline.lang.actions import opposed
from storyline.models import Article
from storyline.stages.commit.index import StoryIndex, params_for
from storyline.stages.prepare.terms import (
    ACTION_PREFIX,
    LEAD_ACTION_PREFIX,
    article_terms,
    headline_actions,
    lead_actions,
)


def headline(title: str) -> list[str]:
    return headline_actions(make(title, None, f"Body of {title}.", 0))


def test_the_steps_of_a_bill_are_each_their_own_action() -> None:
    assert headline("Senate passes Orsk river bill 58-40") == ["approval"]
    assert headline("Governor vetoes Orsk river bill") == ["veto"]
    assert headline("Assembly overrides governor's veto of river bill") == ["override", "veto"]
    assert opposed("approval", "veto") and opposed("veto", "override")
    assert not opposed("approval", "override")


def test_an_appointment_is_named_only_with_an_office() -> None:
    assert headline("Port official Ana Ruiz named Tarnby's transport minister") == ["appointment"]
    assert headline("Mayor picks a banker to replace Brock") == ["appointment"]
    assert headline("A dog named Biscuit wins hearts in Tarnby") == []
    assert opposed("resignation", "appointment")


def test_a_count_and_its_recount_are_phases() -> None:
    assert headline("Tarnby to recount 40,000 ballots by hand") == ["recount"]
    assert headline("Orme certified as Tarnby mayor") == ["certification"]
    assert opposed("election", "recount") and opposed("recount", "certification")
    # an opinion poll is no election
    assert headline("New opinion polls worry Tarnby mayor") == []


def test_capitalised_words_of_a_sentence_case_headline_are_names() -> None:
    # "Accord" is a party here, not a deal; in Title Case every word may name an action
    assert headline("Senator Orme leaves Accord to sit as an independent") == []
    assert headline("Tarnby And Orsk Sign Steel Accord") == ["deal"]
    assert headline("Orsk halts missile tests, announces moratorium")[0] == "suspension"


def article(title: str, text: str) -> Article:
    return make(title, None, text, 0)


def test_a_lead_names_the_action_when_the_headline_does_not() -> None:
    a = article("The Tarnby memos, page by page",
                "The council's audit committee on Monday released nine memos by the former "
                "treasurer. A later sentence says the mayor resigned last year.")  # fmt: skip
    assert headline_actions(a) == [] and lead_actions(a) == ["release"]
    terms = article_terms(a)
    assert LEAD_ACTION_PREFIX + "release" in terms
    assert not any(t.startswith(ACTION_PREFIX) for t in terms)
    # a headline that names an action wins: the lead is not read
    b = article("Tarnby council releases memos", a.text)
    assert LEAD_ACTION_PREFIX + "release" not in article_terms(b)
    # only the first sentence: later ones retell the background
    assert "resignation" not in lead_actions(a)


VETO = article("Governor Brock vetoes Orsk river bill",
               "Governor Lena Brock on Friday vetoed the Orsk river bill.")  # fmt: skip
PASSED = article(
    "A long night for the Orsk river bill",
    "The Tarnby senate on Tuesday passed the Orsk river bill by 58 votes to 40.",
)
MET = article("What the Orsk river bill means for farmers",
              "The Tarnby senate met on Tuesday to debate the Orsk river bill.")  # fmt: skip


def test_a_leads_action_clashes_only_as_an_opposed_phase() -> None:
    veto, passed, met = members([VETO, PASSED, MET])
    assert not veto.lead and passed.lead and met.lead
    assert passed.actions[0] == "approval" and met.actions[0] == "talks"
    p = params_for("tfidf")
    clash = StoryIndex("tfidf")._event_clash
    # passed (the lead) and vetoed (the headline): opposed phases, full clash
    assert clash(veto, passed) == pytest.approx(p.opposed_weight)
    # other actions, one from a lead: a weaker clash than two headlines' would be
    assert clash(veto, met) == pytest.approx(p.action_weight * p.lead_level)
    # the group path gives the same clashes
    index = StoryIndex("tfidf")
    counts = index._event_counts(single_units(index, [veto, passed, met]))
    assert counts is not None
    assert counts[0, 1] == pytest.approx(clash(veto, passed))
    assert counts[0, 2] == pytest.approx(clash(veto, met))
    assert counts[1, 2] == pytest.approx(clash(passed, met))


def test_a_leads_other_actions_do_not_clash_between_dated_articles() -> None:
    """Two dated articles are told apart by their days: a lead's action that is no opposed
    phase adds nothing there (a compromise text circulated during talks is not another
    event than the deal three days later), in the pair and the group paths alike."""
    dated = [replace(VETO, published="2031-05-09"), replace(MET, published="2031-05-05")]
    veto, met = members(dated)
    assert met.lead and veto.eday is not None and met.eday is not None
    index = StoryIndex("tfidf")
    assert index._event_clash(veto, met) == 0.0
    counts = index._event_counts(single_units(index, [veto, met]))
    assert counts is not None and counts[0, 1] == 0.0

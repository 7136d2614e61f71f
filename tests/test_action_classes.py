"""General kinds of news event as headline actions (issue 19, ``lang.actions``): an expulsion,
an impeachment, a coup, a bankruptcy, a court's ruling, a truce, layoffs, a boycott or a
revolt, a defection; one event told with two verbs of one class agrees, two kinds of event
told of the same actors clash. Invented headlines only."""

from __future__ import annotations

from cluster_fixture import make, members
from storyline.stages.commit.index import StoryIndex
from storyline.stages.prepare.terms import headline_actions


def headline(title: str) -> list[str]:
    return headline_actions(make(title, None, f"Body of {title}.", 0))


def test_news_event_kinds_name_their_own_action() -> None:
    assert headline("Alder expels two Penn diplomats over spying") == ["expulsion"]
    assert headline("Brill deported to Penn after visa ruling") == ["expulsion"]
    assert headline("Assembly votes to impeach Governor Roe") == ["impeachment"]
    assert headline("Army coup in Penn: president under guard") == ["coup"]
    assert headline("Alder paper mill files for bankruptcy") == ["bankruptcy"]
    assert headline("Supreme court upholds Alder rental cap") == ["ruling"]
    assert headline("Penn and Alder agree truce along the river") == ["deal"]
    assert headline("Roe mill to shed 300 jobs in layoffs") == ["cut"]
    assert headline("Tenants boycott Alder landlords") == ["protest"]
    assert headline("Day four of the Alder students' revolt") == ["protest"]
    assert headline("Senator Brill's defection leaves Accord short") == ["resignation"]
    assert headline("How Roe slipped away to meet the Penn envoy") == ["talks"]


def test_two_word_forms_read_as_one_action() -> None:
    # a court striking a law down undoes it, as "overturns" does: not a labour strike
    assert headline("Court strikes down Alder district map") == ["rescinded"]
    assert headline("Court overturns Alder district map") == ["rescinded"]
    assert headline("Alder district map struck down") == ["rescinded"]
    assert headline("Dockers strike in Alder over pay") == ["strike"]
    assert headline("Two Penn diplomats ordered out of Alder") == ["expulsion"]
    assert headline("Roe mill lays off 300 workers") == ["cut"]
    # a plea for something is an appeal, not a plea in court
    assert headline("Alder mayor pleads for calm after shooting") == ["shooting"]
    assert headline("Roe pleads not guilty to fraud")[0] == "charge"


def test_one_event_told_with_two_verbs_of_a_class_agrees() -> None:
    """Two outlets word one expulsion differently ("expels", "ordered out"): no clash; an
    expulsion and a meeting of the same two countries clash (their days unknown)."""
    expels, ordered, met = members([
        make("Alder expels two Penn diplomats", None, "Alder on Monday expelled two Penn "
             "diplomats accused of spying on its naval base.", 0),
        make("Two Penn diplomats ordered out of Alder", None, "Two Penn diplomats were "
             "ordered to leave Alder over spying at its naval base.", 1),
        make("Alder and Penn envoys meet in secret", None, "Envoys of Alder and Penn met in "
             "secret in the town of Brill on Monday.", 2),
    ])  # fmt: skip
    assert expels.actions[0] == ordered.actions[0] == "expulsion"
    assert met.actions[0] == "talks"
    clash = StoryIndex("tfidf")._event_clash
    assert clash(expels, ordered) == 0.0
    assert clash(expels, met) > 0.0

"""An outcome headline ("pedestrian killed") says what an event left, not what kind of event
it was: it does not clash by action with a headline naming the kind ("crash") of the same
event, told by a later post (``ClusterParams.outcome_open``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cluster_fixture import make, members, single_units
from storyline.stages.commit.index import StoryIndex, params_for

# Made-up news: one hit-and-run in Alder, headlined by its outcome on the day after and by
# its kind in a post six days later; and another town's flood headlined by its deaths.
DEATH = make(
    "Pedestrian killed in Alder on Friday night",
    "2031-03-08",
    "A woman was struck by a grey van on Brill Street in Alder on Friday night. Police "
    "said the driver, Tomas Penn, fled and was arrested an hour later.",
    0,
)
CRASH = make(
    "Alder van crash: what the law says",
    "2031-03-14",
    "Last week a van struck a woman on Brill Street in Alder. The driver, Tomas Penn, "
    "left the scene and was arrested by police.",
    1,
)
INJURY = make(
    "Two hurt on Brill Street in Alder",
    "2031-03-14",
    "Two people were hurt on Brill Street in Alder, police said.",
    2,
)


def test_an_outcome_does_not_clash_with_the_kind_of_event() -> None:
    m = members([DEATH, CRASH, INJURY])
    assert m[0].actions == ("death",) and m[1].actions == ("crash",)
    assert m[2].actions == ("injury",)
    p = params_for("tfidf")
    clash = StoryIndex("tfidf")._event_clash
    assert clash(m[0], m[1]) == 0.0
    # two outcomes are still two things that happened ("killed" and "hurt", days apart)
    assert clash(m[0], m[2]) == pytest.approx(p.action_date_weight)
    closed = StoryIndex("tfidf", params=replace(p, outcome_open=False))._event_clash
    assert closed(m[0], m[1]) == pytest.approx(p.action_date_weight)


@pytest.mark.parametrize("outcome_open", [True, False])
def test_group_clashes_of_outcomes_match_article_by_article_ones(outcome_open: bool) -> None:
    m = members([DEATH, CRASH, INJURY])
    index = StoryIndex("tfidf", params=replace(params_for("tfidf"), outcome_open=outcome_open))
    got = index._event_counts(single_units(index, m))
    assert got is not None
    for i in range(3):
        for j in range(3):
            if i != j:
                assert got[i, j] == pytest.approx(index._event_clash(m[i], m[j]))

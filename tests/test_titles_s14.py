"""Story titles without kickers, decks, questions and explainers (issue 18).

Headlines are made up for the project (invented places and people).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from report_fixture import article
from storyline.stages.analysis.brief import clean_sentence
from storyline.stages.commit.summaries import clean_title, story_title


@pytest.mark.parametrize(
    ("raw", "head"),
    [
        # a deck after a semicolon
        (
            "Port Elm council approves ferry budget; Opposition says fares will rise",
            "Port Elm council approves ferry budget",
        ),
        # a column name as deck
        (
            "Tarn fishers sell their quota to Valdoria; Harbour Notes",
            "Tarn fishers sell their quota to Valdoria",
        ),
        # an ALL-CAPS kicker, and a kicker with its own deck
        (
            "EXCLUSIVE: Valdoria navy drafts plan for Gulf of Tarn patrols",
            "Valdoria navy drafts plan for Gulf of Tarn patrols",
        ),
        (
            "EXCLUSIVE: Mayor Jane Roe quits Port Elm council; Deputy to take over",
            "Mayor Jane Roe quits Port Elm council",
        ),
        (
            "ISLAND VOTE // Northland counts its ballots by hand",
            "Northland counts its ballots by hand",
        ),
        # a newsroom flag in title case
        (
            "Breaking: Eastmark closes its border with Northland",
            "Eastmark closes its border with Northland",
        ),
        ("The Latest: Storm cuts power across Port Elm", "Storm cuts power across Port Elm"),
        # a second sentence is a deck; an abbreviation is not a sentence end
        (
            "Valdoria Signs The Tarn Treaty. Is It Too Late?",
            "Valdoria Signs The Tarn Treaty",
        ),
        ("Roe wins most Ala. delegates in Elm rout", "Roe wins most Ala. delegates in Elm rout"),
    ],
)
def test_clean_title_cuts_kicker_and_deck(raw: str, head: str) -> None:
    assert clean_title(raw) == (head, False)


@pytest.mark.parametrize(
    "raw",
    [
        "Can the Port Elm council save the ferry?",
        "Why Northland is pivotal for the Tarn treaty",
        "What you need to know about the Gulf of Tarn patrols",
        "Here's why the Elm vote matters",
        "5 things to know about the Port Elm budget",
        "The Tarn treaty? Not so fast",
        "Mayor Roe Says Port Elm Is Safe, But …",
    ],
)
def test_questions_explainers_and_lists_are_poor(raw: str) -> None:
    title, poor = clean_title(raw)
    assert poor and title


def test_speakers_and_source_labels_are_kept() -> None:
    # a speaker's name, an actor's acronym, a source label: not kickers
    for raw in (
        "Roe: Port Elm will not raise ferry fares",
        "NATO: Allies to patrol the Gulf of Tarn",
        "Poll: Roe and Doe tied in Port Elm race",
    ):
        assert clean_title(raw) == (raw, False)


def test_nothing_left_is_no_title() -> None:
    assert clean_title("BYLINE: Jane Roe") == ("", True)
    assert clean_title("ISLAND VOTE // GAME ON; What each side needs") == ("", True)


def test_story_title_passes_over_a_question_for_a_lead() -> None:
    a = replace(
        article(
            "q1",
            "The Port Elm council voted on Tuesday to keep the island ferry running until May.",
        ),
        title="Can the Port Elm council save the ferry?",
    )
    title = story_title([a], np.ones((1, 4), dtype=np.float32))
    assert (
        title == "The Port Elm council voted on Tuesday to keep the island ferry running until May"
    )


def test_story_title_uses_the_head_not_the_deck() -> None:
    a = replace(
        article("d1", "Councillors met late into the night.\n\nThe ferry budget passed."),
        title="Port Elm council approves ferry budget; Opposition says fares will rise",
    )
    b = replace(
        article("d2", "The ferry budget passed after a long debate in Port Elm, officials said."),
        title_inferred=True,
    )
    title = story_title([a, b], np.ones((2, 4), dtype=np.float32))
    assert title == "Port Elm council approves ferry budget"


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("Mayor Jane Roe is poised to win a second term in Port Elm next month.", False),
        ("The ferry budget will likely pass the Port Elm council on Tuesday evening.", False),
        ("Northland is unlikely to sign the Tarn treaty before the spring thaw.", False),
        # a forecast someone makes in the sentence is reported, kept
        (
            "Mayor Jane Roe is poised to win a second term in Port Elm, pollsters said on Monday.",
            True,
        ),
        # what happened, and what is scheduled, are stated
        ("The Port Elm council passed the ferry budget by seven votes to two on Tuesday.", True),
        ("The Port Elm council will vote on the ferry budget on Tuesday evening.", True),
    ],
)
def test_brief_leaves_out_an_unsourced_forecast(sentence: str, stated: bool) -> None:
    assert clean_sentence(sentence) is stated

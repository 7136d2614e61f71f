"""Story titles name the subject and the event: the lead that names what the outlets share.

Examples are made up for the project (invented places and people); the reference corpus
is read from ../shared at run time.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from report_fixture import article
from storyline.models import RawDoc
from storyline.stages.commit.summaries import headline, story_title
from storyline.stages.prepare.clean import clean_document


def test_headline_drops_attribution_and_asides() -> None:
    lead = (
        "Northland, in coordination with Eastmark, is drafting a resolution to send a coastal "
        "monitoring mission to the Gulf of Tarn, officials said on Monday."
    )
    assert headline(lead) == (
        "Northland is drafting a resolution to send a coastal monitoring mission to the Gulf of Tarn"
    )
    long = " ".join(["word"] * 30) + "."
    assert headline(long).endswith("…") and len(headline(long).split()) == 20


def test_title_names_what_the_outlets_share_not_one_outlets_angle() -> None:
    arts = [
        article(
            "a1",
            "Harbour officials in Port Elm met on Tuesday to discuss the budget for next year, "
            "the council said.\n\nLater they spoke about the ferry.",
        ),
        article(
            "a2",
            "Valdoria will send a coastal monitoring mission to the Gulf of Tarn after the "
            "ferry collision, its navy said.\n\nThe mission starts in May.",
        ),
        article(
            "a3",
            "A coastal monitoring mission is heading to the Gulf of Tarn, where two ferries "
            "collided last week.\n\nValdoria leads it.",
        ),
    ]
    arts = [replace(a, title_inferred=True) for a in arts]
    title = story_title(arts, np.ones((3, 4), dtype=np.float32))
    assert "Gulf of Tarn" in title and "mission" in title
    assert not title.endswith("said")


def test_title_prefers_a_real_headline_naming_the_story() -> None:
    a = replace(
        article(
            "b1",
            "Valdoria will send a coastal monitoring mission to the Gulf of Tarn, its navy said.",
        ),
        title="Valdoria sends coastal mission to Gulf of Tarn",
    )
    b = replace(
        article(
            "b2", "A coastal monitoring mission is heading to the Gulf of Tarn, officials said."
        ),
        title_inferred=True,
    )
    assert story_title([a, b], np.ones((2, 4))) == "Valdoria sends coastal mission to Gulf of Tarn"


@pytest.mark.corpus
def test_corpus_title_names_gaza_and_the_force(corpus_dir: Path) -> None:
    arts = [
        clean_document(RawDoc(source=str(p), text=p.read_text(errors="replace")), ingested_at="")
        for p in sorted(corpus_dir.glob("*.txt"))
    ]
    title = story_title(arts, np.ones((len(arts), 8), dtype=np.float32))
    assert "Gaza" in title and "force" in title.lower()
    assert len(title.split()) <= 20


def test_headline_drops_an_appositive_and_ends_at_a_clause_when_long() -> None:
    lead = (
        "Harbour workers in Port Elm, the island's largest port, walked off the job on Monday "
        "to protest the new shift rota, hours after the port authority rejected a last offer "
        "from their union."
    )
    assert headline(lead) == (
        "Harbour workers in Port Elm walked off the job on Monday to protest the new shift rota"
    )

"""What a figure's claim is called (issue 18: "every quantity has a subject … or is marked as
having none"): a duration is never named by the frame of the verb it hangs on ("a fund paid
over ten years" is no price). The bundled water story (fiction written for the project)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.lang.claims import DURATION_MEASURES
from storyline.lang.frames import FRAME_WORDS
from storyline.models import StoryReport


@pytest.fixture(scope="module")
def water(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[StoryReport]]:
    db = tmp_path_factory.mktemp("water") / "w.db"
    with Engine.open(db, embedder="tfidf", extractor="rules") as eng:
        eng.ingest([str(examples_dir() / "water")])
        yield [eng.report(s.id) for s in eng.stories()]


def test_no_duration_is_named_by_a_frame(water: list[StoryReport]) -> None:
    durations = [c for r in water for c in r.claims if c.slot in DURATION_MEASURES]
    assert durations  # the story gives terms in years
    assert not [(c.subject, c.value) for c in durations if c.subject in FRAME_WORDS]

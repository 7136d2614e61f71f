"""Bare counts of a casualty (issue 18): "one killed, two wounded", "killing one and
wounding two", "left one dead": the participle or gerund beside the number is its frame,
and "one" counts there (elsewhere it stays a pronoun or an article).

All text here is invented for these tests (made-up places).
"""

from __future__ import annotations

import pytest

from storyline.models import Article
from storyline.stages.prepare.extract.quantities import extract_quantities


def _counts(text: str, parse: bool) -> list[tuple[str, float | None]]:
    from storyline.nlp import load_spacy

    doc = load_spacy()(text) if parse else None
    art = Article(id="b1", source="t", text=text, raw=text, title="t")
    return sorted(((q.subject or ""), q.value) for q in extract_quantities(art, doc, []))


@pytest.mark.parametrize("parse", [False, True])
def test_one_killed_two_wounded(parse: bool) -> None:
    found = _counts("One killed, two wounded in Brenmoor market shooting, police said.", parse)
    assert found == [("people injured", 2.0), ("people killed", 1.0)]


@pytest.mark.parametrize("parse", [False, True])
def test_left_one_dead_and_two_injured(parse: bool) -> None:
    found = _counts("The blast at the Brenmoor depot left one dead and two injured.", parse)
    assert found == [("people injured", 2.0), ("people killed", 1.0)]


@pytest.mark.parametrize("parse", [False, True])
def test_killing_one_and_wounding_two(parse: bool) -> None:
    found = _counts("A gunman fired on the Brenmoor market, killing one and wounding two.", parse)
    assert ("people killed", 1.0) in found
    assert all(v == 2.0 for s, v in found if s == "people injured")


@pytest.mark.parametrize("parse", [False, True])
def test_killed_one_person(parse: bool) -> None:
    found = _counts("A gunman killed one person and wounded two others in Brenmoor.", parse)
    assert ("people killed", 1.0) in found


@pytest.mark.parametrize(
    "text",
    [
        "The storm killed one of the Brenmoor ferry routes, the operator said.",
        "No one was hurt in the Brenmoor depot fire, the brigade said.",
        "One injured worker was taken to the Brenmoor clinic.",
        "Killing one of the Brenmoor ferry routes was a mistake, the mayor said.",
        "The one killed in the crash was a Brenmoor teacher.",
    ],
)
def test_one_as_a_pronoun_or_before_a_noun_is_no_count(text: str) -> None:
    assert ("people killed", 1.0) not in _counts(text, False)
    assert ("people injured", 1.0) not in _counts(text, False)

"""Speakers and polarity on political news read as a new user (issue 17, branch s9).

All text here is written for these tests (fictional places and people). Each extraction case
runs on the rules-only path and on the spaCy path (marked ``model``) unless it needs a parse.
"""

from __future__ import annotations

from typing import Any

import pytest

from quote_fixture import MODES, one, quotes
from storyline.stages.prepare.extract.polarity import read_polarity


def _doc(text: str, mode: str) -> Any:
    if mode != "spacy":
        return None
    from storyline.nlp import load_spacy

    return load_spacy()(text)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "lead",
    [
        "A spokesman for Mayor Lia Roe said",
        "A spokeswoman for President Lia Roe told reporters that",
        "The son of Lia Roe said",
    ],
)
def test_a_name_governed_by_a_preposition_is_not_the_speaker(mode: str, lead: str) -> None:
    q = one(quotes(f"{lead} the pier would stay open through the winter.", mode), "pier")
    assert q.speaker != "Lia Roe"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("Lia Roe said", "Lia Roe"),
        ("Lia Roe of the Velmar Bank said", "Lia Roe"),
        ("The pier was defended by Lia Roe, who said", "Lia Roe"),
    ],
)
def test_a_name_heading_the_subject_is_still_the_speaker(
    mode: str, lead: str, speaker: str
) -> None:
    q = one(quotes(f"{lead} the pier would stay open through the winter.", mode), "pier")
    assert q.speaker == speaker


@pytest.mark.model
def test_a_name_used_as_a_modifier_is_no_antecedent_of_he() -> None:
    # the parser tags the base's name as a person; "he" is the unnamed envoy, not the base
    text = (
        "Two clerks were accused of spying on the Greyholm naval base.\n\n"
        "The clerks were held overnight. Their trial opens next month.\n\n"
        "The envoy was summoned to the ministry. Speaking afterwards, he told reporters that "
        'his clerks had done "nothing wrong".'
    )
    assert one(quotes(text, "spacy"), "nothing wrong").speaker != "Greyholm"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("sentence", "content", "polarity"),
    [
        # a negated denial lets the content stand
        (
            "The governor did not dispute that the lake is shrinking.",
            "the lake is shrinking",
            "asserted",
        ),
        ("The mayor never denied that the budget was late.", "the budget was late", "asserted"),
        # "not just" limits the verb: the court found it, and more
        (
            "The court did not just find that the wards had been drawn unfairly.",
            "the wards had been drawn unfairly",
            "asserted",
        ),
        # a negative subject: no one said it
        (
            "None of the senators has said that they will follow her.",
            "they will follow her",
            "denied",
        ),
        ("Nobody claimed the ferry was safe.", "the ferry was safe", "denied"),
        # controls: a denial and a negated report still deny
        ("The mayor denied that the budget was late.", "the budget was late", "denied"),
        ("The mayor did not say that the budget was late.", "the budget was late", "denied"),
    ],
)
def test_negated_denials_and_limited_negations(
    mode: str, sentence: str, content: str, polarity: str
) -> None:
    s = sentence.index(content)
    reading = read_polarity(sentence, _doc(sentence, mode), (0, len(sentence)), s, s + len(content))
    assert reading.polarity == polarity

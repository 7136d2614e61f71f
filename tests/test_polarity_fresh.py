"""Polarity rules found by the fresh audit (issue 17, ``bench/data/polarity/fresh.jsonl``).

Each case is a reading the engine once got wrong in one direction or the other: a condition or
a question shown as fact, or an assertion shown as conditional, hypothetical or denied. All
sentences are invented for these tests (fictional places and people); each runs on the
rules-only path and on the spaCy path (marked ``model``).
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.models import Article, Entity
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.polarity import read_polarity
from storyline.stages.prepare.extract.stances import extract_stances

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def _doc(text: str, mode: str) -> Any:
    if mode != "spacy":
        return None
    from storyline.nlp import load_spacy

    return load_spacy()(text)


def reading(sentence: str, content: str, mode: str) -> str:
    a = sentence.index(content)
    return read_polarity(
        sentence, _doc(sentence, mode), (0, len(sentence)), a, a + len(content)
    ).polarity


READINGS = [
    # "if" after a verb of knowing or asking is "whether": no condition
    (
        "Ada Roe said she did not know if the ferry would sail on Sunday.",
        "she did not know if the ferry would sail on Sunday",
        "asserted",
    ),
    (
        "The coach said the club will decide if the stadium needs a new roof.",
        "the club will decide if the stadium needs a new roof",
        "asserted",
    ),
    # "even if" concedes, "as long as" before an amount is a length
    (
        "The mayor said the toll will rise even if the council votes against it.",
        "the toll will rise even if the council votes against it",
        "asserted",
    ),
    (
        "A driver said he was angry when he had to wait for as long as four hours.",
        "he was angry when he had to wait for as long as four hours",
        "asserted",
    ),
    # a condition of a later clause or report is not the content's
    (
        "“That is the big question,” Roe said, noting he would back any rival if they won.",
        "That is the big question,",
        "asserted",
    ),
    (
        "The mayor praised the harbour plan, then said he would raise the toll if elected.",
        "the harbour plan",
        "asserted",
    ),
    (
        "“I would back the nominee, which, unless she withdraws, will be Ada Roe,” Cole said.",
        "I would back the nominee, which, unless she withdraws, will be Ada Roe,",
        "asserted",
    ),
    # a condition opened right after the report governs the content after it
    (
        "Cole said if the council picked him as mayor it would be a “fresh start.”",
        "fresh start.",
        "conditional",
    ),
    (
        "Cole pledged that, if elected, he would be “a friend to every farmer.”",
        "a friend to every farmer.",
        "conditional|hypothetical",  # "would … if" after "pledged" (no verb of saying)
    ),
    # a question with a wh-word, before or after the asker
    (
        "The host asked Cole why he decided to close the harbour office.",
        "he decided to close the harbour office",
        "questioned",
    ),
    (
        "“We are ready,” the coach said when asked what the new stadium means to the club.",
        "what the new stadium means to the club",
        "questioned",
    ),
    # a question put first is not the frame of the answer
    (
        "Asked if the ferry might have sunk had it sailed, the captain said there was no telling.",
        "there was no telling",
        "asserted",
    ),
    # "rejected X as 'Y'": Y is the speaker's own word
    (
        "The union rejected the offer as “an insult” to the dock workers.",
        "an insult",
        "asserted",
    ),
    # a counterfactual needs a participle after "have", and not a relative before it
    (
        "Experts said the closure could have serious effects on the region's farms.",
        "the closure could have serious effects on the region's farms",
        "asserted",
    ),
    (
        "“We prevented what surely would have been a long strike,” the mayor said.",
        "We prevented what surely would have been a long strike,",
        "asserted",
    ),
    (
        "Roe said the council could have stopped the strike.",
        "the council could have stopped the strike",
        "hypothetical",
    ),
    # "can't imagine" imagines nothing; "don't believe in" is a stance, not a denial
    (
        "“I cannot imagine how tired you are, but I am proud of you,” Cole wrote.",
        "I cannot imagine how tired you are, but I am proud of you,",
        "asserted",
    ),
    (
        "“I don't believe in tolls on the harbour bridge,” Cole said.",
        "I don't believe in tolls on the harbour bridge,",
        "asserted",
    ),
    # a negated report over a "whether" clause leaves the content open
    (
        "Cole said he did not know whether Ada Roe would endorse him.",
        "endorse him",
        "questioned",
    ),
    # a real condition put first still counts ("if any" is not "if any,")
    (
        "“If any rival enters the race, the mayor will find a way to win,” one voter said.",
        "If any rival enters the race, the mayor will find a way to win,",
        "conditional",
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("sentence", "content", "want"), READINGS)
def test_reading(sentence: str, content: str, want: str, mode: str) -> None:
    assert reading(sentence, content, mode) in want.split("|")


@pytest.mark.parametrize("mode", MODES)
def test_stance_takes_no_condition_of_a_later_report(mode: str) -> None:
    text = (
        "Governor Ada Roe on Monday signed an order to block the new toll, while Tom Cole "
        "said the mayor should resign if he cannot block it."
    )
    doc = _doc(text, mode)
    a = Article(id="p1", source="t", text=text, raw=text, title="t")
    ents: list[Entity] = extract_entities(a, doc)
    for st in extract_stances(a, doc, ents):
        if "order" in st.target:
            assert st.condition is None
            assert st.polarity == "asserted"

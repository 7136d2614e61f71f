"""The narrator's own attribution ("“…,” I said") in a first-person text: the writer when a
byline names one author, else no one shown; never the last person named before it, whose
quotation sits in the same paragraph (issue 17, seventeenth session).

Every sentence here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.models import Article, Quote
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.quotes import extract_quotes
from storyline.text import content_id

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]

# A judge's question, then the narrator's answer with "I said" after its first part: the
# answer's quotation must not take the judge's name from its paragraph neighbour.
HEARING = (
    "Notes from the bench, part two.\n\n"
    "The hearing in Alder opened at nine. Judge Ivo Penn read the papers for a long time. "
    "“Is there anything you wish to add?” Judge Penn asked. "
    "“With respect, sir,” I said, “the ferry money went where the council voted.” "
    "The judge cut me off. “Keep to the dates of the transfers.” The room was quiet.\n"
)


def quotes(text: str, mode: str, byline: str | None = None) -> list[Quote]:
    doc: Any = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    article = Article(
        id=content_id(text), source="t", text=text, raw=text, title="t", byline=byline
    )
    return extract_quotes(article, doc, extract_entities(article, doc))


def one(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.text, q.speaker) for q in found]
    return hits[0]


@pytest.mark.parametrize("mode", MODES)
def test_i_said_after_a_quotation_is_not_the_last_person_named(mode: str) -> None:
    found = quotes(HEARING, mode)
    assert one(found, "wish to add").speaker is not None  # the judge's own question
    assert one(found, "With respect").speaker is None
    assert one(found, "ferry money").speaker is None


@pytest.mark.parametrize("mode", MODES)
def test_i_said_after_a_quotation_is_the_single_author_of_the_byline(mode: str) -> None:
    found = quotes(HEARING, mode, byline="By Wren Astley")
    assert one(found, "With respect").speaker == "Wren Astley"
    assert one(found, "ferry money").speaker == "Wren Astley"


@pytest.mark.parametrize("mode", MODES)
def test_the_narrators_words_lend_no_paragraph_neighbour_the_writers_name(mode: str) -> None:
    # the judge's order after "The judge cut me off." is said to the writer, not by her
    found = quotes(HEARING, mode, byline="By Wren Astley")
    assert one(found, "dates of the transfers").speaker != "Wren Astley"

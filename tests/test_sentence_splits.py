"""Sentence splits inside names and abbreviations (invented sentences), in both modes:
``text.sentence_spans`` (the rules splitter every extractor reads) and the spaCy parse
(``nlp.mark_non_sentence_starts`` runs before the parser)."""

from __future__ import annotations

import pytest

from storyline.nlp import load_spacy, mark_non_sentence_starts
from storyline.text import bracketed_state, sentence_spans

ONE_SENTENCE = [
    "Sen. Mara Quill (I-Vt.) said the plan would fail.",
    "Rep. Joan Pell (D-Ala.) told reporters the vote was close.",
    "Rep. Joan Pell (R-N.Y.) Tuesday called the bill a mistake.",
    "Tom Brandt Jr. said the meeting was brief.",
    "Ned Orlo Sr. told the paper he would run again.",
    "The fire started at 4 a. m. on Sunday and burned until 9 p. m. local time.",
    "He met Sgt. Gilad Voss, who had been held for a year.",
    "Gov. Ilse Marrow said the budget was fine.",
]
TWO_SENTENCES = [
    ("He met Tom Brandt Jr. The two talked.", "The two talked."),
    ("It was 4 p. m. The crowd left.", "The crowd left."),
    ("Gov. Ilse Marrow said the budget was fine. Dr. Lee agreed.", "Dr. Lee agreed."),
    ("She moved to Burlington, Vt. The town was quiet.", "The town was quiet."),
    ("He spoke last (Tuesday.) Then he left.", "Then he left."),
]


def _rules(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_rules_no_split_inside_names(text: str) -> None:
    assert _rules(text) == [text]


@pytest.mark.parametrize(("text", "second"), TWO_SENTENCES[1:])
def test_rules_still_split(text: str, second: str) -> None:
    assert _rules(text)[-1] == second


def test_rules_never_split_after_jr() -> None:
    # the rules splitter keeps "Jr." inside ("King Jr. Day"); only the parser splits there
    assert len(_rules(TWO_SENTENCES[0][0])) == 1


def test_bracketed_state() -> None:
    assert bracketed_state("Roe (D-Vt.)") and bracketed_state("(N.Y.)")
    assert bracketed_state("(R-Wisc.)") and not bracketed_state("(Tuesday.)")
    assert not bracketed_state("(D-Xy.)")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_spacy()


def test_spacy_no_split_inside_names(nlp) -> None:  # type: ignore[no-untyped-def]
    for doc in nlp.pipe(ONE_SENTENCE):
        assert len(list(doc.sents)) == 1, doc.text


def test_spacy_still_splits(nlp) -> None:  # type: ignore[no-untyped-def]
    for (text, second), doc in zip(
        TWO_SENTENCES[:3], nlp.pipe(t for t, _ in TWO_SENTENCES[:3]), strict=True
    ):
        assert list(doc.sents)[-1].text == second, text


def test_component_marks_only_the_listed_forms(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = mark_non_sentence_starts(
        nlp.make_doc("Sen. Mara Quill (I-Vt.) said so. Then Roe Jr. left.")
    )
    marked = [t.text for t in doc if t.is_sent_start is False]
    assert marked == ["Mara", "I", "-", "Vt", ".", ")", "said", "left"]


@pytest.mark.parametrize("mode", ["spacy", "rules"])
def test_relative_clause_is_no_trailing_attribution(mode: str) -> None:
    from test_quotes import quotes

    text = (
        "The dispute spread to the other side of the river, where Mayor Ann Roe (D-Nev.) "
        "told reporters that she had spoken to the governor."
    )
    found = [(q.text, q.speaker) for q in quotes(text, mode) if q.kind == "indirect"]
    assert found == [("she had spoken to the governor", "Ann Roe")]


@pytest.mark.parametrize("mode", ["spacy", "rules"])
def test_speaker_kept_across_a_bracketed_state(mode: str) -> None:
    from test_quotes import quotes

    found = quotes("Sen. Mara Quill (I-Vt.) said the ferry must run on Sundays.", mode)
    assert [(q.text, q.speaker) for q in found if q.kind == "indirect"] == [
        ("the ferry must run on Sundays", "Mara Quill")
    ]


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    from storyline.text import sentence_at, sentence_index

    text = "The ferry left at noon.  It docked at six. "
    spans, starts = sentence_index(text)
    assert spans == ((0, 23), (25, 42)) and starts == (0, 25)
    assert sentence_at(text, 0) == (0, 23)
    assert sentence_at(text, 30) == (25, 42)
    assert sentence_at(text, 24) is None  # the space between two sentences
    assert sentence_at(text, 42) is None

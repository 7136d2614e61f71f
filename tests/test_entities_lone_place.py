"""A one-word name the text only uses as a place is no person (issue 17: "Police in Kell said"
gave the town as the speaker). All text is written for these tests."""

from __future__ import annotations

from storyline.stages.prepare.extract.entities import _places_not_people


def _person_spans(text: str, word: str) -> list[tuple[int, int, str]]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append((i, i + len(word), "PERSON"))
        i = text.find(word, i + 1)
    return out


def test_a_one_word_name_after_in_is_a_place() -> None:
    text = "Police in Varnholt said two men were held. Residents of Varnholt brought blankets."
    labels = {
        label for _, _, label in _places_not_people(text, _person_spans(text, "Varnholt"), None)
    }
    assert labels == {"LOC"}


def test_a_surname_stays_a_person() -> None:
    text = "Mara Varnholt spoke in Tessby. Later, at a rally in Varnholt, supporters of Varnholt cheered."
    spans = [(0, 13, "PERSON"), *_person_spans(text, "Varnholt")[1:]]
    labels = [label for _, _, label in _places_not_people(text, spans, None)]
    assert labels == ["PERSON", "PERSON", "PERSON"]


def test_a_titled_name_stays_a_person() -> None:
    text = "The meeting in Varnholt ran late. Mr. Varnholt said the vote would wait."
    labels = [
        label for _, _, label in _places_not_people(text, _person_spans(text, "Varnholt"), None)
    ]
    assert labels == ["PERSON", "PERSON"]


def test_a_given_name_stays_a_person() -> None:
    text = "The crowd in Maria waited. Maria said the ferry was late."
    labels = [label for _, _, label in _places_not_people(text, _person_spans(text, "Maria"), None)]
    assert labels == ["PERSON", "PERSON"]


class _Ent:
    def __init__(self, text: str, label: str) -> None:
        self.text, self.label_ = text, label


class _Doc:
    def __init__(self, ents: list[_Ent]) -> None:
        self.ents = ents


def test_a_given_name_after_at_stays_a_person_when_ner_reads_a_person() -> None:
    # "took a swipe at Jane Varnholt": "at" before a name NER reads as a person is no place
    text = "Penn took a swipe at Jane Varnholt on Monday. Jane Varnholt said she would reply."
    spans = _person_spans(text, "Jane Varnholt")
    doc = _Doc([_Ent("Jane Varnholt", "PERSON"), _Ent("Jane Varnholt", "PERSON")])
    labels = [label for _, _, label in _places_not_people(text, spans, doc)]  # type: ignore[arg-type]
    assert labels == ["PERSON", "PERSON"]
    # without a parse (no NER reading) the locative still makes it a place
    assert {label for _, _, label in _places_not_people(text, spans, None)} == {"LOC"}

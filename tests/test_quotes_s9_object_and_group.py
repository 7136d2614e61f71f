"""Quote-speaker precision (issue 17, s9, eleventh session): after "urged", "asked", "told"
or "warned" a phrase that names no person, body, outlet or document is the verb's object, not
an inverted subject; "the rights group" does not fall back to the organisation named most
often, a bare "the group" only to the one named both last and most often, while "the company" still does and "the textile company" goes to a
business whose name shows that kind.

All text here is written for these tests (fictional people, places and organisations).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.parametrize("mode", MODES)
def test_the_object_of_urged_after_a_quotation_is_not_the_speaker(mode: str) -> None:
    text = "“We must count every ballot again,” urged a new vote by the Harlow council members."
    q = one(quotes(text, mode), "count every ballot")
    assert q.speaker is None or "vote" not in q.speaker


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Is the bridge safe?” asked a reporter from the back.", "reporter"),
        ("“Count again,” urged Maria Lopez.", "Maria Lopez"),
    ],
)
def test_an_inverted_subject_of_urged_or_asked_stays_the_speaker(
    mode: str, text: str, speaker: str
) -> None:
    q = one(quotes(text, mode), text[1:8])
    assert q.speaker is not None and speaker in q.speaker


@pytest.mark.parametrize("mode", MODES)
def test_a_described_group_is_not_the_most_named_organisation(mode: str) -> None:
    text = (
        "The United Nations opened an inquiry on Monday. The United Nations said it would "
        "report in March. “The arrests were unlawful,” the rights group said."
    )
    q = one(quotes(text, mode), "arrests were unlawful")
    assert q.speaker != "United Nations"
    assert q.speaker is not None and "group" in q.speaker


@pytest.mark.model
def test_a_bare_group_is_not_the_most_named_organisation_when_another_came_last() -> None:
    text = (
        "The United Nations opened an inquiry on Monday. The United Nations said it would "
        "report in March. Harlow Bank froze the accounts. "
        "“The arrests were unlawful,” the group said."
    )
    q = one(quotes(text, "spacy"), "arrests were unlawful")
    assert q.speaker not in ("United Nations", "Harlow Bank")


@pytest.mark.model
def test_a_bare_group_is_the_organisation_named_last_and_most() -> None:
    text = (
        "Velmar Freedom Foundation filed a complaint on Monday. Velmar Freedom Foundation "
        "said the police had no warrant. “The arrests were unlawful,” the group said."
    )
    q = one(quotes(text, "spacy"), "arrests were unlawful")
    assert q.speaker == "Velmar Freedom Foundation"


@pytest.mark.parametrize("mode", MODES)
def test_a_group_named_with_the_word_still_resolves(mode: str) -> None:
    text = "Norrick Group cut 200 jobs in Harlow. “We had no choice,” the group said."
    assert one(quotes(text, mode), "no choice").speaker == "Norrick Group"


@pytest.mark.model
@pytest.mark.parametrize("phrase", ["the company", "the textile company"])
def test_a_business_description_still_resolves_to_the_business(phrase: str) -> None:
    text = f"Norrick Textiles cut 200 jobs in Harlow. “We had no choice,” {phrase} said."
    assert one(quotes(text, "spacy"), "no choice").speaker == "Norrick Textiles"


@pytest.mark.model
def test_a_described_business_of_another_kind_is_not_the_most_named_one() -> None:
    text = (
        "Norrick Textiles cut 200 jobs in Harlow. Norrick Textiles blamed costs. "
        "“We had no choice,” the shipping company said."
    )
    assert one(quotes(text, "spacy"), "no choice").speaker != "Norrick Textiles"


@pytest.mark.parametrize("mode", MODES)
def test_a_bare_group_is_not_an_organisation_named_sentences_before(mode: str) -> None:
    text = (
        "The Velmar Rifle Association met in May. The Velmar Rifle Association spent more. "
        "Ana Roe now leads a program for parents. She speaks in schools. "
        "The group wants “safer streets for every child,” she said."
    )
    found = quotes(text, mode)
    assert all(q.speaker != "Velmar Rifle Association" for q in found if "safer" in q.text)

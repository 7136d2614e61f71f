"""Speakers of noun sources that went to the wrong actor or to no one (issue 17, s5).

Each form here once gave a quote the body named inside an apposition, a place inside the
reported clause, or no speaker. All text is written for these tests (fictional people,
places and bodies).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.parametrize("mode", MODES)
def test_name_heading_appositions_is_the_speaker(mode: str) -> None:
    text = (
        "Dr. Helen Marsh, executive director of the Harbor Workers Fund, a labor charity, said "
        'she expects the port authority "will face a hard winter with the unions."'
    )
    assert one(quotes(text, mode), "hard winter").speaker == "Helen Marsh"


@pytest.mark.parametrize("mode", MODES)
def test_name_before_a_relative_clause_naming_a_body(mode: str) -> None:
    text = (
        "Senator Dana Whitcombe, the Velmar Republican who leads the Harbor Committee, which "
        "oversees the Port Agency, said the donations \"raise doubts about the agency's "
        'independence" in the region.'
    )
    assert one(quotes(text, mode), "raise doubts").speaker == "Dana Whitcombe"


@pytest.mark.model
def test_reported_clause_after_the_verb_names_no_inverted_speaker() -> None:
    text = (
        "But Ivo Kessler, at an advisory firm called Marrow Partners, argues that as "
        'Velmar\'s ties with Eastern Ostland deepen, "its leverage will certainly grow," too.'
    )
    assert one(quotes(text, "spacy"), "leverage").speaker == "Ivo Kessler"


@pytest.mark.parametrize("mode", MODES)
def test_as_clause_between_quote_and_attribution(mode: str) -> None:
    text = (
        'The ferry never turned a profit. "She was going to make the Velmar line famous," '
        'as her mother had hoped, Mr. Tessel said. "We all believed it."'
    )
    speaker = one(quotes(text, mode), "Velmar line famous").speaker
    assert speaker is not None and speaker.endswith("Tessel")


@pytest.mark.parametrize("mode", MODES)
def test_continues_introduces_a_quotation(mode: str) -> None:
    text = (
        'Jane Roe spoke to the crowd for an hour. Roe continues, "The harbor belongs to all '
        'of us, and it always will."'
    )
    speaker = one(quotes(text, mode), "harbor belongs").speaker
    assert speaker is not None and speaker.endswith("Roe")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "The union filed suit on Monday. The petition accuses the harbor board of "
            '"hiding the cost of the new pier from every taxpayer in Velmar."',
            "petition",
        ),
        (
            'A new radio ad accuses Mayor Ivo Penn of "wasting three years on a pier nobody '
            'wanted."',
            "ad",
        ),
    ],
)
def test_document_subject_of_a_framing_verb_is_the_source(text: str, head: str) -> None:
    found = quotes(text, "spacy")
    assert len(found) == 1
    speaker = found[0].speaker
    assert speaker is not None and speaker.split()[-1] == head


@pytest.mark.parametrize("mode", MODES)
def test_transcript_labels_name_each_turn(mode: str) -> None:
    text = (
        "Anchor Lena Varga interviewed Governor Ivo Penn on Sunday. Partial transcript as "
        'follows:\n\n"VARGA: Governor, did the port lose money last year?\n\n'
        '"PENN: It did, and I said so at the time."\n\nThe interview aired on Monday.'
    )
    found = quotes(text, mode)
    asked = one(found, "lose money").speaker
    assert asked is not None and asked.endswith("Varga")
    assert one(found, "It did").speaker == "Ivo Penn"


@pytest.mark.parametrize("mode", MODES)
def test_a_heading_label_is_no_speaker(mode: str) -> None:
    text = 'The memo was short. "NOTE: The pier will close at noon."'
    assert all(q.speaker is None for q in quotes(text, mode))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "In the depths of the slump, Ivo Penn worried that the harbor fund was becoming "
            '"a hammock that lulls able ports to lives of dependency."',
            "hammock",
            "Ivo Penn",
        ),
        (
            'Critics think the ferry plan is "a waste of everyone\'s money" and say so.',
            "waste",
            "Critics",
        ),
    ],
)
def test_partial_quote_in_a_complement_clause(text: str, fragment: str, speaker: str) -> None:
    assert one(quotes(text, "spacy"), fragment).speaker == speaker


@pytest.mark.model
def test_scare_quote_in_a_complement_clause_stays_speakerless() -> None:
    assert quotes('The mayor fears that the "reforms" will fail.', "spacy") == []


@pytest.mark.model
def test_words_before_a_participle_after_a_quote_are_no_attribution() -> None:
    text = (
        'After the ruling, Mayor Ivo Penn said the court\'s deadlock has "kept us safe" on the '
        "radio before claiming that open piers hurt families."
    )
    assert one(quotes(text, "spacy"), "kept us safe").speaker == "Ivo Penn"


@pytest.mark.parametrize("mode", MODES)
def test_according_to_a_body_s_poll_is_the_poll(mode: str) -> None:
    text = (
        'Some 55 percent of voters said they do not believe Mayor Penn "cares about people '
        'like me," according to a Velmar Institute poll conducted in February.'
    )
    assert one(quotes(text, mode), "people like me").speaker == "Velmar Institute poll"


@pytest.mark.parametrize("mode", MODES)
def test_according_to_an_outlet_or_a_person_s_filing_stays_theirs(mode: str) -> None:
    outlet = 'The port lost money, "mostly because of the storms," according to the Velmar Post.'
    assert one(quotes(outlet, mode), "storms").speaker == "Velmar Post"
    filing = 'The pier was "never safe," according to a court filing by Jane Roe.'
    assert one(quotes(filing, mode), "never safe").speaker == "Jane Roe"


@pytest.mark.parametrize("mode", MODES)
def test_title_modifying_a_noun_is_no_quote(mode: str) -> None:
    text = (
        'The series ended in May. Lena Varga said the cast was close. "Tides of Velmar" star '
        'Ivo Penn opened up about his childhood, and the "Harbor Nights" host wrote about it.'
    )
    assert [q for q in quotes(text, mode) if q.kind != "indirect"] == []


@pytest.mark.parametrize("mode", MODES)
def test_quote_closed_by_a_comma_before_a_role_stays(mode: str) -> None:
    text = '"We will win this," star Ivo Penn said on Monday.'
    assert one(quotes(text, mode), "win this").speaker == "Ivo Penn"

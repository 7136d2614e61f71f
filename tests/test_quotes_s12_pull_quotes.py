"""Pull quotes (issue 17, s7, twelfth session): a quotation set apart whose marks hold the
words and, on its last line, a credit ("“…\nFormer harbour board chair Ana Roe.”") is the
credited person's words, without the credit line; a last line that is a clause, or a
quotation whose lines are all words, is left as it was.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes

_BODY = (
    "Ana Roe chaired the harbour board for ten years. "
    "She told the council the pier had to stay open for the ferries.\n\n"
)


@pytest.mark.parametrize("mode", MODES)
def test_a_role_and_name_credit_line_is_the_speaker_and_not_the_words(mode: str) -> None:
    text = (
        _BODY + "“Ivo Penn should stay in the race until the pier reopens for good.\n"
        "Former harbour board chair Ana Roe.”\n\nThe council meets again in May."
    )
    q = one(quotes(text, mode), "should stay in the race")
    assert q.speaker == "Ana Roe"
    assert q.text.endswith("for good.")
    assert "Former" not in q.text


@pytest.mark.parametrize("mode", MODES)
def test_a_name_and_organisation_credit_names_the_person(mode: str) -> None:
    text = (
        "The union has fought the closure since March.\n\n"
        '"We will keep the cranes running whenever the ships come in, whatever it costs.\n'
        'Ida Penn, Velmar Dock Workers Union."\n\nThe port said nothing.'
    )
    q = one(quotes(text, mode), "keep the cranes running")
    assert q.speaker is not None and "Penn" in q.speaker
    assert q.text.endswith("whatever it costs.")


@pytest.mark.parametrize("mode", MODES)
def test_a_last_line_with_a_verb_is_no_credit(mode: str) -> None:
    text = (
        "Ida Penn spoke after the vote.\n\n"
        '"The cranes stopped at noon and nobody told us why.\n'
        'Then Karl Weber closed the gates."\n\nThe port said nothing.'
    )
    q = one(quotes(text, mode), "The cranes stopped")
    assert "Karl Weber closed the gates" in q.text
    assert q.speaker != "Karl Weber"


@pytest.mark.parametrize("mode", MODES)
def test_a_last_line_after_an_unfinished_sentence_is_no_credit(mode: str) -> None:
    text = (
        "Ida Penn spoke after the vote.\n\n"
        '"We asked the board to keep the cranes running for the workers of\n'
        'Velmar Harbour," Penn said.'
    )
    q = one(quotes(text, mode), "We asked the board")
    assert q.text.endswith("Velmar Harbour,")
    assert q.speaker is not None and "Penn" in q.speaker

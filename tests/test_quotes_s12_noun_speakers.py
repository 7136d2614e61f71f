"""Noun-source speakers, twelfth session (issue 17, PolNeAR spkNoun).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, quotes


@pytest.mark.parametrize("mode", MODES)
def test_a_quote_nested_in_a_reopened_paragraph_does_not_break_its_speaker(mode: str) -> None:
    text = (
        "Harbor commissioner Mara Velden stated:\n\n"
        '"The port authority no longer stands for “Open Water For All” at all. It stands for '
        "the shipping barons and their friends in the capital.\n\n"
        '"The newest example is the levy on the Dunmere ferries, which the board called a '
        "“modest fee,” though it doubles every fare.\n\n"
        '"We will fight it at every hearing until the board backs down."\n\n'
        "The board meets again in March."
    )
    found = [q for q in quotes(text, mode) if q.kind == "direct"]
    by_start = {q.text.split()[1]: q.speaker for q in found if len(q.text.split()) > 4}
    assert by_start == {
        "port": "Mara Velden",
        "newest": "Mara Velden",
        "will": "Mara Velden",
    }, [(q.text[:30], q.speaker) for q in found]

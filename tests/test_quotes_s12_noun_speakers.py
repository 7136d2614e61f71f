"""Noun-source speakers, twelfth session (issue 17, PolNeAR spkNoun).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


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


@pytest.mark.parametrize("mode", MODES)
def test_a_name_in_a_relative_clause_left_open_is_not_the_speaker(mode: str) -> None:
    text = (
        "“The levy will empty the harbor by spring,” Oriel Vantos, who worked for Senator "
        "Mara Velden said in a statement on Friday."
    )
    speaker = one(quotes(text, mode), "empty the harbor").speaker
    assert speaker in ("Oriel Vantos", None)


@pytest.mark.model
def test_the_head_of_an_open_relative_clause_speaks_with_a_parse() -> None:
    text = (
        "“The levy will empty the harbor by spring,” Oriel Vantos, who worked for Senator "
        "Mara Velden said in a statement on Friday."
    )
    assert one(quotes(text, "spacy"), "empty the harbor").speaker == "Oriel Vantos"


@pytest.mark.parametrize("mode", MODES)
def test_a_closed_relative_clause_still_gives_its_head(mode: str) -> None:
    text = "“We will not pay it,” Oriel Vantos, who worked for Senator Mara Velden, said on Friday."
    assert one(quotes(text, mode), "not pay").speaker == "Oriel Vantos"


@pytest.mark.parametrize("mode", MODES)
def test_a_stage_direction_paragraph_continues_no_ones_quote(mode: str) -> None:
    text = (
        "Mara Velden told the panel:\n\n"
        '"The port authority no longer stands for “Open Water For All” at all, and the '
        "ferries show it —.\n\n"
        '"(CROSSTALK.)\n\n'
        "The panel then moved on."
    )
    assert not [q for q in quotes(text, mode) if "CROSSTALK" in q.text and q.speaker]


@pytest.mark.parametrize("mode", MODES)
def test_a_clause_inside_an_open_relative_keeps_its_own_subject(mode: str) -> None:
    text = (
        "The gloom has worn on Mayor Mara Velden, who has won less praise than harbor aides "
        "say she deserves for the new pier."
    )
    found = [q for q in quotes(text, mode) if "deserves" in q.text]
    assert all(q.speaker != "Mara Velden" for q in found), [(q.text, q.speaker) for q in found]

"""A parsed clause too short to keep does not displace the rules' reading (s7, issue 17).

All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.stages.prepare.extract.indirect import _too_short
from test_indirect import indirect
from test_quotes import quotes


@pytest.mark.parametrize(
    ("clause", "short"),
    [
        ("it insulting", True),
        ("the plan,", True),
        ("  the hall.  ", True),
        ("the ferry must run", False),
    ],
)
def test_too_short(clause: str, short: bool) -> None:
    assert _too_short(clause, 0, len(clause)) is short


@pytest.mark.model
def test_trailing_report_survives_a_short_parsed_object() -> None:
    # the parse reads "found [it insulting]" inside the content; the trailing "Ann Roe said"
    # still reports the whole clause
    text = (
        '"The plan is good for the town," Penn said. "And Roe is not going to give in to the '
        'unions."\n\nMany farmers did not see themselves in the speech and found it insulting, '
        "reporter Ann Roe said in putting the question to Penn."
    )
    assert indirect(quotes(text)) == [
        (
            "Many farmers did not see themselves in the speech and found it insulting",
            "Ann Roe",
        )
    ]

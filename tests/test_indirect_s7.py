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
        '"The plan is good for the town," Penn said. "And Roe is not going to back down to the '
        'unions."\n\nMany farmers did not see themselves in the speech and found it insulting, '
        "reporter Ann Roe said in putting the question to Penn."
    )
    assert indirect(quotes(text, "spacy")) == [
        (
            "Many farmers did not see themselves in the speech and found it insulting",
            "Ann Roe",
        )
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation covers a verb joined by "or" with no subject of its own
        (
            "Penn has said he will vote for Roe, but he hasn't backed her or conceded the "
            "council race.",
            [("he will vote for Roe", "asserted"), ("the council race", "denied")],
        ),
        # a negated endorsement attributes nothing, also after "or"
        ("Ivo Penn did not sign the letter or endorse the plan to close the port.", []),
        # "and" with a verb of its own after it: not covered
        (
            "Ivo Penn did not sign the letter and later endorsed the plan to close the port.",
            [("the plan to close the port", "asserted")],
        ),
    ],
)
def test_negation_covers_an_or_conjunct(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(q.text, q.polarity) for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "call on/upon/for X to do Y": the one asked and what they are asked to do
        (
            "Mayor Ilse Varga called on the council to block the new tower.",
            "the council to block the new tower",
        ),
        (
            "Ivo Penn called upon the United States to press the regime.",
            "the United States to press the regime",
        ),
        (
            "Ivo Penn called for a special prosecutor to review the contracts.",
            "a special prosecutor to review the contracts",
        ),
        # without an infinitive the object alone, as before
        ("Ivo Penn called for a ban on new towers.", "a ban on new towers"),
    ],
)
def test_call_on_someone_to_act(text: str, content: str) -> None:
    assert [c for c, _ in indirect(quotes(text, "spacy"))] == [content]


@pytest.mark.model
def test_call_on_a_name_alone_is_no_content() -> None:
    assert indirect(quotes("Ivo Penn called on Roe.", "spacy")) == []

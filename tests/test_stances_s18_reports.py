"""A negation before a verb of saying stays with the report (issue 17, polarity): "I did not
say I support the dam" is a denied support, never a denied "oppose" (which would read as the
opposite claim). A neg-raising verb ("I don't believe we back …") still passes it down.
Every sentence here is written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from stance_fixture import SPACY, about, stances
from storyline.models import usable


@pytest.mark.parametrize("mode", SPACY)
@pytest.mark.parametrize(
    "text",
    [
        "Ada Roe spoke in Alder on Friday. “I did not say I support the dam,” Roe said.",
        "Ada Roe spoke in Alder on Friday. “I didn't say I support the dam,” Roe said.",
    ],
)
def test_a_negated_report_does_not_flip_the_stance_it_reports(mode: str, text: str) -> None:
    found = about(stances(text, mode), "dam")
    assert found, "the denied report is still read"
    assert all(s.stance == "support" and s.polarity == "denied" for s in found), [
        (s.stance, s.polarity) for s in found
    ]
    assert not any(usable(s) for s in found)


@pytest.mark.parametrize("mode", SPACY)
def test_a_plain_negation_still_flips(mode: str) -> None:
    text = "Ada Roe does not support the Alder dam."
    found = about(stances(text, mode), "dam")
    assert found and all(s.stance != "support" or s.polarity != "asserted" for s in found), [
        (s.stance, s.polarity) for s in found
    ]

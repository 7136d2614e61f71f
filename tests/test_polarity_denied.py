"""A denied or left-open report is kept in the report, marked, and never shown as the speaker's
assertion: the brief and the profile use only asserted items above the threshold (issue 17).

The story is ``report_fixture``'s made-up one; the sentences added here are written for this
test.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from report_fixture import cite, story_fixture
from storyline.models import Polarity, Quote

LUNIA = "the mission should include observers from the region"


def report_with(polarity: Polarity) -> dict[str, Any]:
    """The fixture's report with Lunia's indirect report in D marked ``polarity``."""
    from storyline.render import render_json
    from storyline.stages.analysis.report import build_report

    story, arts, facts = story_fixture()
    d = next(i for i, a in enumerate(arts) if LUNIA in a.text)
    facts[d].quotes.append(
        Quote(LUNIA, "Lunia", "gpe:lunia", None, "indirect", cite(arts[d], LUNIA), polarity, 0.9)
    )
    data: dict[str, Any] = json.loads(render_json(build_report(story, arts, facts)))
    return data


def shown_as_said(data: dict[str, Any]) -> bool:
    """Whether the brief or the profile shows Lunia's report as said."""
    return LUNIA in json.dumps(data["brief"]) or LUNIA in json.dumps(data["profile"])


def test_an_asserted_report_reaches_the_brief() -> None:
    # the control: the same report, asserted, is shown (so the checks below can fail)
    assert shown_as_said(report_with("asserted"))


@pytest.mark.parametrize("polarity", ["denied", "questioned", "hypothetical"])
def test_a_denied_or_open_report_is_kept_marked_but_never_shown_as_said(
    polarity: Polarity,
) -> None:
    data = report_with(polarity)
    kept = [q for q in data["quotes"] if q["text"] == LUNIA]
    assert [q["polarity"] for q in kept] == [polarity]
    assert not shown_as_said(data)

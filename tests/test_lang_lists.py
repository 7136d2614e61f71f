"""One language data module (issue 17): the short lists the stages read agree with the long ones."""

from __future__ import annotations

import re
from pathlib import Path

import storyline
from storyline.lang import (
    HONORIFICS,
    PERSONAL_TITLES,
    SAID_FORMS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    WEEKDAYS,
)
from storyline.lang.attribution import ATTRIBUTION_CUES, attribution_cue_forms
from storyline.lang.names import (
    FEMALE_ADDRESS_TITLES,
    FEMALE_HONORIFICS,
    MALE_ADDRESS_TITLES,
    MALE_HONORIFICS,
)


def test_short_lists_are_parts_of_the_long_ones() -> None:
    speech = {f for forms in SPEECH_VERBS.values() for f in forms}
    assert set(SAID_FORMS) <= speech
    assert set(PERSONAL_TITLES) <= set(HONORIFICS) & set(TITLE_ABBREVIATIONS)
    assert len(WEEKDAYS) == 7


def test_cue_forms_cover_negated_beliefs_intentions_and_attitudes() -> None:
    forms = attribution_cue_forms()
    # the bare form after "does not", a past after "never", an irregular past
    for form in ("think", "want", "endorse", "endorsed", "thought", "backed", "called", "referred"):
        assert form in forms, form
    assert not any(f.endswith("ing") for f in forms)
    assert {"think", "want", "endorse", "call", "refer"} <= ATTRIBUTION_CUES


def test_address_titles_are_gendered_honorifics() -> None:
    assert {t.lower() for t in MALE_ADDRESS_TITLES} <= MALE_HONORIFICS
    assert {t.lower() for t in FEMALE_ADDRESS_TITLES} <= FEMALE_HONORIFICS
    assert not {t.lower() for t in MALE_ADDRESS_TITLES} & FEMALE_HONORIFICS


def test_stages_write_no_word_lists_as_strings() -> None:
    """Word lists written as one string ("a b c".split()) belong in lang/, not in a stage."""
    stages = Path(storyline.__file__).parent / "stages"
    as_string = re.compile(r"frozenset\(\s*\w+\.split\(\)\)|[\"']\s*\.split\(\)")
    offenders = [
        f"{p.relative_to(stages)}:{n}"
        for p in sorted(stages.rglob("*.py"))
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if as_string.search(line)
    ]
    assert offenders == []

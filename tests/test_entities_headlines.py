"""Entity-stage errors behind wrong speakers (issue 17, second speaker round): no-break
spaces inside names, verb forms opening a name or ending a headline that closes with a full
stop, the subject of a headline verb, a place used as the start of a longer name, and the
honorific and title lists read from ``lang``.

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import re

import pytest

from storyline.lang import HONORIFICS, TITLE_ABBREVIATIONS
from storyline.lang.names import FEMALE_HONORIFICS, MALE_HONORIFICS, NEUTRAL_HONORIFICS
from storyline.stages.prepare.extract import entities as entities_module
from test_entities import MODES, entities, surfaces


@pytest.mark.parametrize("mode", MODES)
def test_no_break_space_inside_a_name_is_a_space(mode: str) -> None:
    text = (
        "Radio host Dan\u00a0Kessler opened the show on Monday. “We are not done,” "
        "said Dan\u00a0Kessler. Kessler then took calls."
    )
    found = entities(text, mode)
    people = [e for e in found.values() if e.type == "PERSON"]
    assert [e.name for e in people] == ["Dan Kessler"]
    assert people[0].id == "per:dan-kessler"


@pytest.mark.parametrize("mode", MODES)
def test_headline_with_a_full_stop_still_ends_the_name_at_its_verb(mode: str) -> None:
    text = (
        "Anna Quillon Slams Harbour Board Over Ferry Fares.\n\n"
        "Anna Quillon said on Tuesday that the fares were too high."
    )
    found = entities(text, mode)
    assert "per:anna-quillon" in found
    assert all("Slams" not in e.name for e in found.values())
    assert all("Slams" not in s for e in found.values() for s in surfaces(text, e))


def test_all_title_case_line_reads_as_a_headline() -> None:
    assert entities_module.title_case_line("Marta Quillon Slams Harbour Board Over Ferry Fares.")
    assert not entities_module.title_case_line("Marta Quillon said the fares were too high.")
    assert not entities_module.title_case_line("Marta Quillon Slams Board.")  # four words


@pytest.mark.model
def test_a_gerund_never_opens_a_name() -> None:
    text = (
        "Using Ivo Penn as a foil, the mayor spoke for an hour on Monday. "
        "Ivo Penn said later that he did not mind."
    )
    found = entities(text, "spacy")
    assert not any(e.name.startswith("Using") for e in found.values())
    assert not any(s.startswith("Using") for e in found.values() for s in surfaces(text, e))


@pytest.mark.model
def test_headline_subject_before_its_verb_is_a_person_too() -> None:
    # NER tags the object of the headline verb; its subject is a name of its own
    text = (
        "Carla Vinter Endorses Ivo Penn For Harbour Mayor.\n\n"
        "Ivo Penn thanked Carla Vinter on Monday. “She knows the port,” Penn said."
    )
    found = entities(text, "spacy")
    names = {e.name for e in found.values() if e.type == "PERSON"}
    assert not any("Endorses" in n for n in names)
    assert "Ivo Penn" in names
    carla = [e for e in found.values() if e.name == "Carla Vinter"]
    assert carla and carla[0].type == "PERSON"
    assert any(c.start == 0 for c in carla[0].mentions)


def test_headline_subject_needs_a_listed_given_name() -> None:
    st_text = "Harbour Board Endorses Ivo Penn For Mayor.\n"
    found = entities(st_text)
    assert not any("Harbour" in e.name and e.type == "PERSON" for e in found.values())


@pytest.mark.model
def test_place_written_as_the_start_of_a_school_name_is_no_person() -> None:
    text = (
        "The parents met near Pine Hollow Elementary School on Friday. After Pine Hollow, "
        "the town changed. Pine Hollow was on every front page. Nobody in the town forgot "
        "what Pine Hollow meant."
    )
    found = entities(text, "spacy")
    assert not any(e.type == "PERSON" and "Pine" in e.name for e in found.values())


def test_personal_honorifics_and_titles_come_from_lang() -> None:
    personal = set(entities_module._PERSONAL_HONORIFICS)
    assert personal <= set(HONORIFICS)
    assert {"Mr", "Mrs", "Ms", "Dr", "Sheikh", "Pope", "Emir"} <= personal
    assert not personal & {"Senator", "Sen", "Gov", "President"}  # offices: read as titles
    folded = MALE_HONORIFICS | FEMALE_HONORIFICS | NEUTRAL_HONORIFICS
    assert all(h.lower() in folded for h in personal)
    abbrevs = entities_module._TITLE_ABBREVS.split("|")
    assert {r"Sen\.", r"Gov\.", r"Sgt\."} <= set(abbrevs)
    assert r"Jr\." not in abbrevs and r"St\." not in abbrevs and r"Mr\." not in abbrevs
    assert all(a[:-2] in TITLE_ABBREVIATIONS for a in abbrevs)


def test_abbreviated_rank_names_a_person_by_one_word() -> None:
    text = "“The road stays closed,” Sgt. Varnow said on Friday."
    found = entities(text)
    people = [e for e in found.values() if e.type == "PERSON"]
    assert [e.name for e in people] == ["Varnow"]


def test_person_span_over_headline_words_is_trimmed() -> None:
    text = "Pastor Wants Harbour Board Members To Resign"
    start = text.index("Wants")
    a, b = entities_module._trim_name_edges(text, start, len(text) - len(" Resign"))
    assert text[a:b] == "Harbour Board Members"
    assert entities_module._trim_name_edges("Jane Roe", 0, 8) == (0, 8)
    assert entities_module._trim_name_edges("Slams", 0, 5) == (0, 0)


def _in_headline_run_by_scan(text: str, start: int, end: int) -> bool:
    """The per-call scan ``_in_headline_run`` replaced (its runs are now cached per line)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    if not line or (line[-1] in '.!?"”' and not entities_module.title_case_line(line)):
        return False
    small = entities_module.TITLE_CASE_SMALL_WORDS
    run: list[tuple[int, int]] = []
    for w in re.finditer(r"\S+", line):
        if w.group(0)[:1].isupper() or w.group(0).lower() in small:
            run.append((line_start + w.start(), line_start + w.end()))
            continue
        if run and run[0][0] <= start and end <= run[-1][1]:
            break
        run = []
    return bool(run) and run[0][0] <= start and end <= run[-1][1] and len(run) > 4


def test_headline_runs_from_the_cache_answer_as_the_scan_did() -> None:
    """Every span of a few invented lines: the cached runs give the scan's answer."""
    text = (
        "Mayor Ilsa Brandt Opens the New Ferry Terminal in Velmora\n"
        "officials said Ilsa Brandt Defends Her Plan Against All Critics Today and went on\n"
        "A Short Line\n"
        "Jane Roe Wins The Vote Of The Harbour Board.\n"
        "\n"
        "Port Of Velmora Sees Record Crossings, then quiet Weeks Follow For The Town"
    )
    words = [m.span() for m in re.finditer(r"\S+", text)]
    spans = [(a[0], b[1]) for i, a in enumerate(words) for b in words[i : i + 4]]
    spans += [(a, a + 1) for a, _ in words] + [(b, b) for _, b in words]
    assert any(_in_headline_run_by_scan(text, s, e) for s, e in spans)
    assert not all(_in_headline_run_by_scan(text, s, e) for s, e in spans)
    for s, e in spans:
        assert entities_module._in_headline_run(text, s, e) == _in_headline_run_by_scan(
            text, s, e
        ), (s, e, text[s:e])


def test_a_long_line_of_names_is_read_once() -> None:
    """A long line is scanned into runs once, not once per name (it was quadratic)."""
    line = "Officials Said The Deal Holds On Tuesday and troops will go. " * 400 + "today"
    entities_module._title_runs.cache_clear()
    words = [m.span() for m in re.finditer(r"\S+", line)]
    for s, e in words[:200]:
        entities_module._in_headline_run(line, s, e)
    info = entities_module._title_runs.cache_info()
    assert info.misses == 1 and info.hits == 199

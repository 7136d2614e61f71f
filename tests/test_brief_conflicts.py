"""The brief's "where outlets differ" and "who said what" sentences in plain words.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

import pytest

from storyline.models import Cite, Conflict, ConflictSide, Quote
from storyline.stages.analysis.brief import _conflict_sentence, _quote_text, _speaker_name

TEXTS = {
    "a1": "The climber Tomas Brell fell about 200 metres into a crevasse on the Varn glacier.",
    "a2": "Rescuers said Tomas Brell fell about 200 metres before a ledge stopped him.",
    "a3": "Tomas Brell plunged 2,000 ft down the north face, the guide said.",
    "b1": "Ilse Varhol, 41, was hurt when the ferry ramp gave way in Larkmoor.",
    "b2": "The ferry captain, Ilse Varhol, 44, was hurt on the ramp in Larkmoor.",
    "c1": "The blast in Osterby injured 80 people, the fire chief said.",
    "c2": "Officials in Osterby said 70 people were injured in the blast.",
    "d1": "The frigate sank a smuggling boat on March 3, the navy said after the sinking.",
    "d2": "On March 4, the frigate sunk a smuggling boat off the Varn coast.",
}
LABELS = {k: f"Outlet {k.upper()}" for k in TEXTS}
ORDER = list(TEXTS)


def at(article: str, needle: str) -> Cite:
    start = TEXTS[article].index(needle)
    return Cite(article, start, start + len(needle))


def sentence(conflict: Conflict) -> str:
    return _conflict_sentence(conflict, LABELS, ORDER, TEXTS).text


def test_a_fall_names_its_length_and_each_side_as_worded() -> None:
    c = Conflict(
        "Tomas Brell: metres",
        [
            ConflictSide(
                "Tomas Brell: 200 metres",
                [at("a1", "about 200 metres"), at("a2", "about 200 metres")],
            ),
            ConflictSide("Tomas Brell: 609.6 metres", [at("a3", "2,000 ft")]),
        ],
    )
    assert sentence(c) == (
        "Outlets differ on the length of Tomas Brell's fall: about 200 metres "
        "(Outlet A1, Outlet A2) vs 2,000 ft (Outlet A3)."
    )


def test_an_age_and_a_toll_never_show_a_slot_key() -> None:
    age = Conflict(
        "Ilse Varhol: age",
        [
            ConflictSide("Ilse Varhol: 41 age", [at("b1", "41")]),
            ConflictSide("age: 44 age", [at("b2", "44")]),
        ],
    )
    assert sentence(age) == "Outlets differ on Ilse Varhol's age: 41 (Outlet B1) vs 44 (Outlet B2)."
    toll = Conflict(
        "people injured: people",
        [
            ConflictSide("people injured: 80 people", [at("c1", "80 people")]),
            ConflictSide("persons injured: 70 persons", [at("c2", "70 people")]),
        ],
    )
    text = sentence(toll)
    assert text.startswith("Outlets differ on the number of people injured: 80 people (Outlet C1)")
    assert ": people" not in text and " age" not in sentence(age).split(":", 1)[1]


def test_a_name_a_year_and_a_drafting_conflict_read_as_plain_clauses() -> None:
    name = Conflict(
        "How the name is spelled",
        [
            ConflictSide("Varhol", [at("b1", "Varhol")]),
            ConflictSide("Varholl", [at("b2", "Varhol")]),
        ],
    )
    assert sentence(name) == (
        "Outlets differ on how the name is spelled: Varhol (Outlet B1) vs Varholl (Outlet B2)."
    )
    year = Conflict(
        "In what year (osterby:found)",
        [ConflictSide("1994", [at("c1", "Osterby")]), ConflictSide("1997", [at("c2", "Osterby")])],
    )
    assert sentence(year).startswith("Outlets differ on the year Osterby was founded: 1994")
    drafting = Conflict(
        "Who is drafting the resolution",
        [
            ConflictSide("Northland and Eastmark drafting the resolution", [at("a1", "climber")]),
            ConflictSide("Southland drafting the resolution", [at("a3", "guide")]),
        ],
    )
    text = sentence(drafting)
    # the topic's own words once; words the articles never wrote are not put in quote marks
    assert text == (
        "Outlets differ on who is drafting the resolution: Northland and Eastmark (Outlet A1) "
        "vs Southland (Outlet A3)."
    )


def test_a_long_outlet_list_is_cut() -> None:
    many = [Cite(f"x{i}", 0, 4) for i in range(6)]
    c = Conflict(
        "How the name is spelled", [ConflictSide("Brell", many), ConflictSide("Brel", [many[0]])]
    )
    labels = {x.article: x.article.upper() for x in many}
    text = _conflict_sentence(c, labels, [x.article for x in many], {}).text
    assert "Brell (X0, X1, X2 and 3 more) vs Brel (X0)" in text


def quote(text: str, speaker: str, kind: str = "indirect") -> Quote:
    return Quote(text, speaker, None, None, kind, Cite("a1", 0, len(text)), "asserted", 0.9)


@pytest.mark.parametrize(
    ("speaker", "said"),
    [
        ("her publicist", "The publicist"),
        ("Spokesman for the harbour board", "A spokesman for the harbour board"),
        ("Larkmoor Port spokeswoman", "A Larkmoor Port spokeswoman"),
        ("Ilse Varhol", "Ilse Varhol"),
        ("harbour officials", "Harbour officials"),
    ],
)
def test_speakers_read_as_subjects(speaker: str, said: str) -> None:
    assert _speaker_name(quote("the ramp had been inspected in May", speaker)) == said


@pytest.mark.parametrize(
    "text",
    [
        "Friday and found the ferry ramp bent out of shape near the pier",  # the attribution's day
        "back in March, while visiting the Larkmoor ferry terminal on foot",  # no clause
        "took place at the old pier road terminal late on Thursday",  # no subject
        "6 million) the thieves drove off toward the Varn bridge at dawn",  # cut at a bracket
        "a ferry crossing that went wrong within the first hour",  # a noun phrase, no clause
        "and that the captain personally steered the ferry onto the rocks",  # a second content
        "the opening of the new ferry terminal at Larkmoor",  # a participle's object, no clause
        "a narrow win for the harbour board on polling day",  # a noun phrase, no verb
    ],
)
def test_broken_reported_speech_is_not_shown(text: str) -> None:
    assert _quote_text(quote(text, "Ilse Varhol")) is None


def test_narration_read_as_a_direct_quote_is_not_shown() -> None:
    q = quote("Witnesses on the pier said they heard the ramp crack twice", "Larkmoor", "direct")
    assert _quote_text(q) is None
    ok = quote("The ramp is closed until the engineers have checked every bolt", "Ilse Varhol")
    assert _quote_text(ok) is not None
    ok = quote("the ramp that broke had been inspected in May", "Ilse Varhol")
    assert _quote_text(ok) is not None  # a relative clause, then the main verb
    for text in (
        "the timetable for the new ferry remains unclear to the harbour board",
        "the talks broke down at dawn",
    ):
        assert _quote_text(quote(text, "Ilse Varhol")) is not None  # a verb the lists lack


def test_the_page_states_only_conflicts_at_the_threshold() -> None:
    from report_fixture import cite, story_fixture
    from storyline.render.html import render_html
    from storyline.render.markdown import render_markdown
    from storyline.render.view import story_view
    from storyline.stages.analysis.report import build_report

    story, arts, facts = story_fixture()
    report = build_report(story, arts, facts)
    shown = len(report.conflicts)
    low = Conflict(
        "The colour of the ferry",
        [
            ConflictSide("grey", [cite(arts[0], "Valdoria")]),
            ConflictSide("white", [cite(arts[2], "Valdoria")]),
        ],
        confidence=0.2,
    )
    report.conflicts.append(low)
    view = story_view(report)
    assert len(view.conflicts) == shown and len(view.uncertain_conflicts) == 1
    md = render_markdown(report)
    assert "### The colour of the ferry" not in md
    assert "below the confidence threshold" in md and "grey" in md
    html = render_html(report)
    assert "<h3>The colour of the ferry</h3>" not in html
    assert f"Conflicts ({shown})" in html and "below the confidence threshold" in html
    assert not any("ferry" in b.text and "grey" in b.text for b in report.brief)


def test_a_conflict_heading_takes_the_briefs_words_else_drops_the_slot_key() -> None:
    from storyline.models import BriefSentence
    from storyline.render.view import conflict_heading

    toll = Conflict(
        "people injured: people",
        [
            ConflictSide("people injured: 80 people", [at("c1", "80 people")]),
            ConflictSide("persons injured: 70 persons", [at("c2", "70 people")]),
        ],
    )
    assert conflict_heading(toll, []) == "people injured"
    assert (
        conflict_heading(Conflict("Tomas Brell: metres", toll.sides), []) == "Tomas Brell (metres)"
    )
    brief = [_conflict_sentence(toll, LABELS, ORDER, TEXTS), BriefSentence("Other.", [])]
    assert conflict_heading(toll, brief) == "The number of people injured"


def test_a_day_conflict_names_the_action_as_the_articles_word_it() -> None:
    c = Conflict(
        "On what day it happened (crash)",
        [
            ConflictSide("March 3", [at("d1", "March 3")]),
            ConflictSide("March 4", [at("d2", "March 4")]),
        ],
    )
    # "crash" is the class of the action: the articles speak of a sinking
    assert sentence(c).startswith("Outlets differ on the day of the sinking: March 3")
    only_verb = Conflict(c.topic, [c.sides[1], ConflictSide("March 3", [at("d2", "March 4")])])
    assert "the day it happened" in sentence(only_verb)

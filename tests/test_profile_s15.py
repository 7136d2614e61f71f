"""Session 15's audit of profiles (issue 18): a bare kind noun or one outlet's phrase does not
name the profile, and a position whose target is a pronoun, a verb of speech or only a
figure is left out.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

from report_fixture import article, cite
from storyline.models import ArticleFacts, Stance, Story
from storyline.stages.analysis.profile import bare_verb, no_target
from storyline.stages.analysis.report import build_report


def test_a_target_that_names_nothing_is_no_position() -> None:
    assert no_target("him for saying he had given enough")  # whom?
    assert no_target("them to do it")
    assert no_target("saying the councils need to unite")  # the attribution, not a target
    assert no_target("2009")  # a year left of "a bill she backed in 2009"
    assert not no_target("her campaign")  # "her" names its target's owner
    assert not no_target("the ferry tax")
    assert not no_target("Mayor Ada Roe")


def test_an_infinitive_in_quote_marks_is_a_bare_verb() -> None:
    text = "Ada Roe said her rival wants to “double the ferry tax” this year."
    a = article("pq01", text)
    st = Stance("Ada Roe", "demand", "double the ferry tax", None, [cite(a, text[:-1])])
    assert bare_verb(st, {a.id: text})


def _election(texts: list[str]) -> str:
    arts = [article(f"el0{i}", t) for i, t in enumerate(texts)]
    facts = [ArticleFacts(a.id) for a in arts]
    story = Story("s-elect0000001", "Roe leads Tarnby race", [a.id for a in arts], None, None, 3)
    return build_report(story, arts, facts).profile.name


def test_one_outlets_phrase_does_not_name_the_profile() -> None:
    # "mayoral election" is one outlet's phrase; the others write "the election"
    name = _election(
        [
            "Tarnby votes on Sunday in the mayoral election, and Ada Roe leads the polls.",
            "Ada Roe said the election would decide the ferry tax on the northern crossing.",
            "The election in Tarnby is close: Jo Varn trails Ada Roe by two points.",
        ]
    )
    assert name == "Roe leads Tarnby race"
    # two outlets writing it name the profile
    name = _election(
        [
            "Tarnby votes on Sunday in the mayoral election, and Ada Roe leads the polls.",
            "Ada Roe said the mayoral election would decide the ferry tax.",
            "The election in Tarnby is close: Jo Varn trails Ada Roe by two points.",
        ]
    )
    assert name == "mayoral election"

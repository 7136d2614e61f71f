"""Principal themes (issue 19, ``terms.theme_terms``, ``index.themes_clash``): sibling events
about the same people, undated and a few days apart, told apart by the thing each
headline names and its text repeats ("memos" released, a prosecutor's "questions").
Invented headlines and texts only."""

from __future__ import annotations

import pytest

from cluster_fixture import make, members, single_units
from storyline.models import Article
from storyline.stages.commit.index import StoryIndex, params_for, themes_clash
from storyline.stages.prepare.terms import THEME_PREFIX, WORD_PREFIX, article_terms, theme_terms


def article(title: str, text: str) -> Article:
    return make(title, None, text, 0)


MEMOS = article(
    "Orsk council publishes Brock memos",
    "The Orsk council on Monday published six memos written by Lena Brock. The memos describe "
    "four meetings with the mayor, and each of the memos is dated.",
)
MEMOS2 = article(
    "What the Brock memo dump tells us",
    "Six memos, twelve pages. Lena Brock wrote the memos after meetings with the mayor, and "
    "the memos are short.",
)
QUESTIONS = article(
    "Inspector sends mayor 20 questions on Brock firing",
    "Inspector Tomas Ahl has sent the mayor 20 questions about the firing of Lena Brock. The "
    "questions cover the memos too, and the mayor must answer the questions by June.",
)


def test_a_theme_is_a_headline_word_the_text_repeats_in_lower_case() -> None:
    themes, words = theme_terms(MEMOS)
    assert themes == ["memo"]  # "memos" in the headline, three times in the text
    assert "meeting" not in themes and "council" not in themes  # once in lower case
    assert "orsk" not in themes and "brock" not in themes  # names are capitalised
    q_themes, _ = theme_terms(QUESTIONS)
    assert "question" in q_themes and "memo" not in q_themes
    assert "inspector" not in q_themes  # written capitalised in the text: a title
    terms = article_terms(MEMOS)
    assert THEME_PREFIX + "memo" in terms
    assert all(WORD_PREFIX + w in terms for w in words)


def test_no_theme_without_a_real_headline_or_a_repeated_word() -> None:
    assert theme_terms(article("", "The memos. The memos again.")) == ([], [])
    once = article("Council publishes memos", "The council published them on Monday.")
    assert theme_terms(once) == ([], [])


def test_themes_clash_only_when_neither_names_the_others_thing() -> None:
    memos, memos2, questions = members([MEMOS, MEMOS2, QUESTIONS])
    assert not themes_clash(memos, memos2)  # one thing, told twice
    # the questions article retells the memos once: the memos are not its theme, and
    # "question" is nowhere among the memos articles' words
    assert themes_clash(memos, questions) and themes_clash(questions, memos)
    assert themes_clash(memos2, questions)
    p = params_for("tfidf")
    index = StoryIndex("tfidf")
    # neither names an action: the full clash; one names one ("publishes"), the other
    # none: ``theme_mixed`` of it
    assert not memos2.actions and not questions.actions and memos.actions == ("release",)
    assert index._event_clash(memos2, questions) == pytest.approx(p.theme_weight)
    assert index._event_clash(memos, questions) == pytest.approx(p.theme_weight * p.theme_mixed)
    assert index._event_clash(memos, memos2) == 0.0
    # the group path gives the same clashes
    counts = index._event_counts(single_units(index, [memos, memos2, questions]))
    assert counts is not None
    assert counts[0, 2] == pytest.approx(index._event_clash(memos, questions))
    assert counts[1, 2] == pytest.approx(index._event_clash(memos2, questions))
    assert counts[0, 1] == 0.0


def test_an_article_without_themes_never_clashes_on_them() -> None:
    plain = article("A long week at Orsk town hall", "The mayor spoke. The council met.")
    memos, other = members([MEMOS, plain])
    assert not other.themes and not themes_clash(memos, other)


def test_one_action_told_of_two_things_is_no_theme_clash() -> None:
    patch = article(
        "Vendor issues emergency patch for Orsk browser",
        "The vendor issued an emergency patch on Tuesday. The emergency fix closes a hole.",
    )
    update = article(
        "Vendor releases security update for Orsk browser",
        "The security update closes a hole, the vendor said. Install the security fix now.",
    )
    a, b = members([patch, update])
    assert a.themes and b.themes and a.actions[0] == b.actions[0] == "release"
    assert not themes_clash(a, b)
    index = StoryIndex("tfidf")
    counts = index._event_counts(single_units(index, [a, b]))
    assert counts is None or counts[0, 1] == 0.0

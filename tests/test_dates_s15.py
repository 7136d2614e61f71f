"""Year-less dates whose year the article's date cannot settle (session 15): a date of a
noun under a past clause. All text is written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.models import Article
from storyline.stages.prepare.extract.dates import extract_dates


def art(text: str, published: str | None) -> Article:
    return Article(id="a1", source="t", text=text, raw=text, title="t", published=published)


def dates_of(text: str, published: str | None, parsed: bool = True) -> dict[str, str | None]:
    doc = None
    if parsed:
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    return {m.date_text: m.date for m in extract_dates(art(text, published), doc)}


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        # the states vote on March 1 after a January article: ahead, though "deployed" is past
        ("The governor deployed new staff to all the March 1 states last week.", "March 1"),
        # the convention may lie ahead of the sending as well as behind it
        ("The campaign sent its staff to the July 25 convention.", "July 25"),
    ],
)
def test_a_date_of_a_noun_in_a_past_clause_takes_no_year_back(text: str, date_text: str) -> None:
    assert dates_of(text, "2021-01-20")[date_text] is None


@pytest.mark.parametrize(
    ("text", "date_text", "date"),
    [
        # the clause's own date: a past clause still moves it a year back
        ("The committee met on March 1 to weigh the plan.", "March 1", "2020-03-01"),
        # a time of day is no other noun
        ("The mill burned on the night of March 1, officials said.", "March 1", "2020-03-01"),
        # both readings give one year: it stands
        ("The flood of Dec. 28 ruined the harvest.", "Dec. 28", "2020-12-28"),
        # an event noun after "at" places the clause itself
        ("At the Aug. 6 town meeting, the mayor quit.", "Aug. 6", "2020-08-06"),
        # a date after its noun is left to the clause: the parse hangs it either way
        ("The senator announced her candidacy in March at a rally.", "March", "2020-03"),
        # a sentence that writes another year is no sign against the article's year
        ("The board met in October over the 2012 audit.", "October", "2020-10"),
    ],
)
def test_a_date_of_its_own_clause_keeps_its_year(text: str, date_text: str, date: str) -> None:
    assert dates_of(text, "2021-01-20")[date_text] == date

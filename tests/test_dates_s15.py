"""Year-less dates whose year the article's date cannot settle (session 15): a sentence
that writes another year, and a date of a noun under a past clause. All text is written
for these tests.
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


def test_a_sentence_writing_another_year_leaves_the_month_open() -> None:
    # the June of the 2012 race, not the one before the article's date
    text = "The mayor stayed in the 2012 race against Dana Fell until June despite her lead."
    assert dates_of(text, "2019-04-10")["June"] is None
    assert dates_of(text, "2019-04-10", parsed=False)["June"] is None


def test_a_sentence_writing_the_same_year_keeps_it() -> None:
    text = "The 2019 budget was passed on March 3 after a long night."
    assert dates_of(text, "2019-04-10")["March 3"] == "2019-03-03"


def test_a_decade_or_a_count_is_no_written_year() -> None:
    text = "The quarry, closed since the 1990s, flooded on March 3 and 2000 homes lost water."
    assert dates_of(text, "2019-04-10", parsed=False)["March 3"] == "2019-03-03"


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        # the states vote on March 1 after a January article: ahead, though "deployed" is past
        ("The governor deployed new staff to all the March 1 states last week.", "March 1"),
        # the convention lies ahead of the vow
        ("The campaign vowed Tuesday to stay in the race, perhaps until the party's convention in July.", "July"),
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
    ],
)
def test_a_date_of_its_own_clause_keeps_its_year(text: str, date_text: str, date: str) -> None:
    assert dates_of(text, "2021-01-20")[date_text] == date


def test_a_year_of_a_date_mention_in_the_sentence_counts() -> None:
    # "in 2017" is a date of its own: the July beside it is not the article's year's
    text = "The plant opened in 2017 and its owner sold it in July."
    assert dates_of(text, "2019-04-10", parsed=False)["July"] is None

"""Dates (found with exact offsets, resolved against the published date where the text
allows) and the timeline events built on them.

All text here is written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.models import Article, DateMention
from storyline.stages.prepare.extract.dates import (
    extract_dates,
    find_date_spans,
    infer_date_bounds,
    is_furniture,
    resolve_yearless,
    sentence_tense,
    text_reference_date,
)


def art(text: str, published: str | None = None) -> Article:
    return Article(id="a1", source="t", text=text, raw=text, title="t", published=published)


def by_text(mentions: list[DateMention]) -> dict[str, DateMention]:
    return {m.date_text: m for m in mentions}


def one(text: str, published: str | None = None) -> DateMention:
    found = extract_dates(art(text, published), None)
    assert len(found) == 1, [m.date_text for m in found]
    return found[0]


# 2024-03-15 is a Friday.
PUB = "2024-03-15"


@pytest.mark.parametrize(
    ("text", "date_text", "date", "precision"),
    [
        (
            "The ministry met on November 5, 2025 to sign it.",
            "November 5, 2025",
            "2025-11-05",
            "day",
        ),
        (
            "Wednesday, November 5, 2025 was the deadline.",
            "Wednesday, November 5, 2025",
            "2025-11-05",
            "day",
        ),
        ("The pact was signed on 5 November 2025 in Oslo.", "5 November 2025", "2025-11-05", "day"),
        ("The filing is dated 2025-11-05 in the register.", "2025-11-05", "2025-11-05", "day"),
        ("Prices rose in October 2024 across the region.", "October 2024", "2024-10", "month"),
        ("The mandate runs until the end of 2027 at least.", "the end of 2027", "2027", "year"),
        ("The port should reopen by mid-2026, engineers say.", "mid-2026", "2026", "year"),
        ("The mission has operated since 2018 in the north.", "2018", "2018", "year"),
    ],
)
def test_absolute_dates(text: str, date_text: str, date: str, precision: str) -> None:
    m = one(text)
    assert (m.date_text, m.date, m.precision, m.relative) == (date_text, date, precision, False)
    assert text[m.cite.start : m.cite.end] == date_text


@pytest.mark.parametrize(
    ("text", "date_text", "date", "precision"),
    [
        ("The minister said Thursday that talks went well.", "Thursday", "2024-03-14", "day"),
        ("The council voted on Friday to approve the budget.", "Friday", "2024-03-15", "day"),
        ("The envoy will meet the rebels on Monday in the capital.", "Monday", "2024-03-18", "day"),
        ("The envoy is expected to arrive on Tuesday with aid.", "Tuesday", "2024-03-19", "day"),
        (
            "Officials signed the deal last Friday after long talks.",
            "last Friday",
            "2024-03-08",
            "day",
        ),
        (
            "The parties meet again next Tuesday for a new round.",
            "next Tuesday",
            "2024-03-19",
            "day",
        ),
        ("The bridge collapsed yesterday after heavy rain.", "yesterday", "2024-03-14", "day"),
        ("The strike began two days ago in the docks.", "two days ago", "2024-03-13", "day"),
        (
            "The assembly endorsed the plan last month by a wide margin.",
            "last month",
            "2024-02",
            "month",
        ),
        ("The premier said this week that reforms would follow.", "this week", "2024-03", "month"),
        ("Elections are planned for next year under the accord.", "next year", "2025", "year"),
        (
            "Exports fell earlier this month, the bank said.",
            "earlier this month",
            "2024-03",
            "month",
        ),
    ],
)
def test_relative_dates_resolved_against_published(
    text: str, date_text: str, date: str, precision: str
) -> None:
    m = one(text, PUB)
    assert (m.date_text, m.date, m.precision, m.relative) == (date_text, date, precision, True)


def test_yearless_date_takes_published_year() -> None:
    m = one("The president spoke at the assembly on Sept. 23 about the plan.", PUB)
    assert (m.date_text, m.date, m.relative) == ("Sept. 23", "2024-09-23", False)
    m = one("Fighting ended in early October after the truce.", "2025-11-05")
    assert (m.date_text, m.date, m.precision) == ("early October", "2025-10", "month")


def test_yearless_past_date_after_publication_moves_back_a_year() -> None:
    m = one("The two sides met on Dec. 20 in Geneva.", "2024-01-10")
    assert m.date == "2023-12-20"


def test_yearless_future_date_before_publication_moves_ahead_a_year() -> None:
    m = one("The assembly will vote on Jan. 15 on the budget.", "2024-11-20")
    assert m.date == "2025-01-15"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # reported speech's "would": ahead of the saying, so not last year's June
        ("The minister said a full report would be published by June 11.", "2024-06-11"),
        # a modal dates nothing past; the month is near, so the published year stands
        ("The inquiry said its findings could be released by June 11.", "2024-06-11"),
        # the expected thing's date, not the expecting's
        ("An analyst said he expected one more increase in early June.", "2024-06"),
        # "would have" is past: a June after publication moves back a year
        ("Without the levee the town would have flooded on June 11.", "2023-06-11"),
    ],
)
def test_yearless_date_in_modal_clause(text: str, date: str) -> None:
    from storyline.nlp import load_spacy

    found = extract_dates(art(text, "2024-05-22"), load_spacy()(text))
    assert [m.date for m in found if m.date_text.endswith(("June 11", "June"))] == [date]


def test_without_published_date_relative_and_yearless_stay_unresolved() -> None:
    text = "The minister said Thursday that the vote on Sept. 23 in 2019 terms was void, and last month too."
    got = by_text(extract_dates(art(text), None))
    assert got["Thursday"].date is None and got["Thursday"].relative
    assert got["Sept. 23"].date is None
    assert got["last month"].date is None
    assert got["2019"].date == "2019"


def test_relative_date_inside_a_quotation_is_not_resolved() -> None:
    text = "“We will decide this afternoon,” the mayor said on Tuesday."
    got = by_text(extract_dates(art(text, PUB), None))
    assert got["this afternoon"].date is None
    assert got["Tuesday"].date == "2024-03-12"


def test_future_marker_inside_a_quotation_does_not_make_the_clause_future() -> None:
    text = "“The road will take years,” the engineer told reporters on Wednesday."
    assert one(text, PUB).date == "2024-03-13"


def test_anaphoric_day_takes_the_previous_day() -> None:
    text = "The summit opened on Monday. Earlier in the day, the hosts met the press."
    got = by_text(extract_dates(art(text, PUB), None))
    assert got["Monday"].date == "2024-03-11"
    assert got["Earlier in the day"].date == "2024-03-11"


def test_vague_spans_are_kept_unresolved() -> None:
    got = by_text(
        extract_dates(art("A vote is expected within weeks, or in the coming days.", PUB), None)
    )
    assert set(got) == {"within weeks", "the coming days"}
    assert all(m.date is None and m.relative for m in got.values())


@pytest.mark.parametrize(
    "text",
    [
        "Protesters may march through the city.",
        "Easter falls after Good Friday prayers in the town.",
        "Resolution 2803 and Chapter 7 were cited 12 times.",
        "They counted 20,000 March pilgrims.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_date_spans(text) == []


def test_full_date_is_one_mention_not_three() -> None:
    spans = find_date_spans("On Wednesday, November 5, 2025 the vote was held.")
    assert [(k, e - s) for s, e, k in spans] == [("md", len("Wednesday, November 5, 2025"))]


def test_infer_date_bounds_uses_absolute_dates_only() -> None:
    text = "The law of March 2019 was amended on June 3, 2021, and again last month."
    mentions = extract_dates(art(text), None)
    assert infer_date_bounds(mentions) == ("2019-03", "2021-06-03")
    assert infer_date_bounds([]) == (None, None)


def test_cites_point_at_the_date_text() -> None:
    text = "On Monday the board met. By the end of 2026 it will merge; yesterday it said so."
    a = art(text, PUB)
    for m in extract_dates(a, None):
        assert m.cite.article == "a1"
        assert 0 <= m.cite.start < m.cite.end <= len(text)
        assert text[m.cite.start : m.cite.end] == m.date_text


@pytest.mark.model
def test_parse_refines_tense() -> None:
    from storyline.nlp import load_spacy

    text = "The envoy, who arrived yesterday, is due to meet the rebels on Monday."
    a = art(text, PUB)
    got = by_text(extract_dates(a, load_spacy()(text)))
    assert got["Monday"].date == "2024-03-18"
    assert got["yesterday"].date == "2024-03-14"


def test_span_of_days_is_one_mention_resolved_to_its_first_day() -> None:
    text = "The forum runs Sept. 23-25 in Oslo and no number in it is counted."
    m = one(text, PUB)
    assert (m.date_text, m.date, m.precision) == ("Sept. 23-25", "2024-09-23", "day")


# -- year-less dates in undated articles, inferred dates, page furniture (issue 18) -------------


def test_yearless_and_relative_dates_are_marked_inferred() -> None:
    got = by_text(
        extract_dates(art("Ostrava signed on Sept. 23 and Delmar replied Friday.", PUB), None)
    )
    assert (got["Sept. 23"].date, got["Sept. 23"].inferred) == ("2024-09-23", True)
    assert (got["Friday"].date, got["Friday"].inferred) == ("2024-03-15", True)
    # each says what it rests on
    assert got["Sept. 23"].basis == f"the year of the article's publication date, {PUB}"
    assert got["Friday"].basis == f"counted from the article's publication date, {PUB}"
    full = one("The treaty of Ostrava was signed on 4 June 2021 by both sides.")
    assert (full.date, full.inferred, full.basis) == ("2021-06-04", False, None)


def test_undated_article_takes_the_year_of_its_latest_full_date() -> None:
    text = (
        "The harbour of Belport flooded on March 2, 2019, the authority said. "
        "Repairs began on April 9 and the quay reopened in early June."
    )
    got = by_text(extract_dates(art(text), None))
    assert (got["April 9"].date, got["April 9"].inferred) == ("2019-04-09", True)
    assert got["April 9"].basis == "the year of 2019-03-02, the latest full date the article writes"
    assert got["early June"].date == "2019-06"


@pytest.mark.model
def test_an_anchor_is_a_lower_bound_not_the_day_of_writing() -> None:
    # undated: written after April 7, 2026; a past "May" or "July 10" is that year's, not
    # the year before (as it would be were April 7 the publication day)
    from storyline.nlp import load_spacy

    text = (
        "The treaty signed on April 7, 2026 sets a minimum flow. The commission was set up in "
        "May. Repairs to the gates were finished on July 10."
    )
    got = by_text(extract_dates(art(text), load_spacy()(text)))
    assert (got["May"].date, got["July 10"].date) == ("2026-05", "2026-07-10")


def test_a_year_of_another_noun_does_not_date_the_news() -> None:
    # "in 2015" dates the accord, not the speech: no full date, so the speech stays open
    text = "The envoy criticised the accord signed in 2015 during a speech on March 23 in Belport."
    got = by_text(extract_dates(art(text), None))
    assert got["March 23"].date is None and not got["March 23"].inferred


def test_future_full_date_is_not_an_anchor() -> None:
    text = "The court will sentence him on May 7, 2031. The jury heard the case on May 29."
    got = by_text(extract_dates(art(text), None))
    assert got["May 29"].date is None


def test_weekdays_need_a_day_not_a_year_anchor() -> None:
    text = "The dam at Kerrow failed on June 3, 2020. Crews arrived on Tuesday."
    got = by_text(extract_dates(art(text), None))
    assert got["Tuesday"].date is None


def test_date_line_of_the_page_is_the_reference_date() -> None:
    text = (
        "Ferry strike ends in Belport\n"
        "Jul 13, 2023 01: 40 PM\n"
        "Ferry crews in Belport returned to work on Monday after a deal reached on July 9."
    )
    assert str(text_reference_date(text)) == "2023-07-13"
    got = by_text(extract_dates(art(text), None))
    assert (got["Monday"].date, got["Monday"].inferred) == ("2023-07-10", True)
    assert got["July 9"].date == "2023-07-09"


@pytest.mark.parametrize(
    "line",
    [
        "7:41 AM",
        "Last updated at 13:38 GMT",
        "16 March 2022 Last updated at 09: 12 GMT",
        "Posted on November 2, 2021 6: 07 PM",
        "Updated: May 4, 2019, 3: 23 PM ET",
        "Friday August 6, 2021 @ 8: 13am PDT",
        "Here's a slideshow of images from the rally",
        "Photo: Volunteers clear the beach at Belport on Sunday.",
        "Image copyright Getty Images",
        "By Jana Roe and Sam Poe",
        "Posted in Harbour News",
        "On behalf of Roe, Poe & Partners, LLP. posted in Ferry Accidents on Friday, May 3, 2024.",
        "posted in Ferry Accidents on Friday, May 3, 2024.",
        "8/2/21 at 1: 30 PM",
    ],
)
def test_page_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministers met on Tuesday, May 5, 2020.",
        "The talks resumed at 9:30 a.m. in the old customs house.",
        "By Friday the talks had ended without a deal.",
        "Published reports say the ferry deal was signed on June 2.",
        "Crews worked through the night to reopen the quay.",
    ],
)
def test_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_resolve_yearless_against_a_story_date() -> None:
    from datetime import date

    ref = date(2025, 11, 5)
    assert resolve_yearless("Sept. 23", ref) == "2025-09-23"
    assert resolve_yearless("23 September", ref) == "2025-09-23"
    assert resolve_yearless("October", ref) == "2025-10"
    assert resolve_yearless("August 2", date(2025, 1, 10)) == "2024-08-02"  # over half a year ahead
    assert resolve_yearless("Sept. 23, 2019", ref) is None  # has its year: not this rule's
    assert resolve_yearless("Thursday", ref) is None


def test_a_past_clause_puts_a_later_yearless_month_in_the_year_before() -> None:
    from datetime import date

    ref = date(2031, 4, 14)
    assert resolve_yearless("October 2", ref) == "2031-10-02"  # no tense: within half a year
    assert resolve_yearless("October 2", ref, "past") == "2030-10-02"
    assert resolve_yearless("March 2", ref, "past") == "2031-03-02"  # already before the ref
    assert sentence_tense("The ferry ran aground near Dunmore on October 2") == "past"
    assert sentence_tense("The harbour board meets the ferry owners in October") == "unknown"
    for ahead in (
        "The ferry will sail again on October 2",
        "The hearing, scheduled for October 2, was announced by the board",
        "The board said the ferry would be repaired by October",
        "The ferry could return in October",
        "The board has given the owners until October 2",  # a present perfect: no past
    ):
        assert sentence_tense(ahead) != "past", ahead


def test_a_date_something_was_moved_to_lies_ahead() -> None:
    m = one("The signing in Belport has been pushed back to early April.", "2026-02-25")
    assert m.date == "2026-04"
    m = one("The hearing was postponed until May 3, officials said.", "2026-02-25")
    assert m.date == "2026-05-03"
    m = one("The hearing was pushed to the end of March by the chair.", "2026-02-25")
    assert m.date == "2026-03"


def test_numeric_date_line_is_read_only_when_its_order_is_certain() -> None:
    body = "\nA hiker was rescued from the north face of Mount Varn on Saturday."
    assert str(text_reference_date("Hiker rescued\nLast updated 13: 26 14/09/2031" + body)) == (
        "2031-09-14"
    )
    assert str(text_reference_date("Hiker rescued\nPosted 9/14/2031 8: 02 AM" + body)) == (
        "2031-09-14"
    )
    # 04/09 is April 9 or 4 September: not read without a North American time zone beside it
    assert text_reference_date("Hiker rescued\nPosted 04/09/2031" + body) is None
    assert text_reference_date("Hiker rescued\nPosted 04/09/2031 10: 10 AM" + body) is None
    assert str(text_reference_date("Hiker rescued\n10: 10 AM PDT 04/09/2031" + body)) == (
        "2031-04-09"
    )
    # the same number twice reads the same either way
    assert str(text_reference_date("Hiker rescued\nUpdated 5/5/2031 1: 41 PM" + body)) == (
        "2031-05-05"
    )
    # a two-digit year takes its century by the POSIX %y rule
    assert str(text_reference_date("Hiker rescued\nPosted 14/09/31" + body)) == "2031-09-14"
    assert str(text_reference_date("Hiker rescued\n12/16/98 1: 30 AM EST" + body)) == ("1998-12-16")


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("PUBLISHED: THURSDAY, MAY 2, 2031, 1: 32 PM", "2031-05-02"),
        ("WEDNESDAY, APRIL 24, 2031, 10: 34 AM", "2031-04-24"),
        ("9: 53 AM, MON 22 JUL 2031", "2031-07-22"),
        ("DECEMBER 16, 2030", "2030-12-16"),
    ],
)
def test_date_line_in_capitals_is_the_reference_date(line: str, day: str) -> None:
    text = f"Ferry strike ends in Belport\n{line}\nFerry crews returned to work on Monday."
    assert is_furniture(line)
    assert str(text_reference_date(text)) == day
    got = by_text(extract_dates(art(text), None))
    assert got["Monday"].date is not None and got["Monday"].inferred


def test_capitals_in_prose_are_not_a_date_line() -> None:
    text = "FERRY STRIKE MAY 2 END, UNIONS SAY IN A LONG STATEMENT TO MEMBERS ON THE QUAY.\nBody."
    assert text_reference_date(text) is None
    assert find_date_spans("THE STRIKE MAY 2 END") == []


@pytest.mark.parametrize(
    ("text", "found", "day"),
    [
        ("The ferry service resumed on the 5th of May after repairs.", "5th of May", "2031-05-05"),
        ("The quay reopened on 11 Dec. after the storm.", "11 Dec.", "2030-12-11"),
        ("The quay reopened on Dec. 11 after the storm.", "Dec. 11", "2030-12-11"),
        ("Crews were back by May. 3, the harbour office said.", "May. 3", "2031-05-03"),
        ("Power was restored as of 4 November 06: 30 GMT.", "4 November", "2030-11-04"),
        ("Updated Wednesday, Jan 8 at 5: 53 PM", "Wednesday, Jan 8", "2031-01-08"),
    ],
)
def test_written_day_forms(text: str, found: str, day: str) -> None:
    m = by_text(extract_dates(art(text, "2031-03-01"), None))[found]
    assert (m.date, m.inferred) == (day, True)


def test_a_name_and_a_clock_are_not_days() -> None:
    assert find_date_spans("Jan 5 players joined the crew.") == []
    assert find_date_spans("The vote ended March 3: 2 for, 1 against.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Wages in the port rose fast in the early 1990's.",
        "Wages in the port rose fast in the late 1980 ’ s.",
        "The club was founded in 1930's Chicago by two brothers.",
    ],
)
def test_a_decade_is_not_its_first_year(text: str) -> None:
    assert not extract_dates(art(text, PUB), None)


def test_the_last_week_of_a_month_is_not_last_week() -> None:
    found = by_text(extract_dates(art("In the last week of November, a panel met.", PUB), None))
    assert "last week" not in found
    assert found["November"].date == "2023-11"
    # without "the", "last week" still counts from the writing
    assert one("The board met last week.", PUB).date == "2024-03"


@pytest.mark.model
def test_a_full_date_older_than_a_written_year_is_no_anchor() -> None:
    """An undated obituary: "born April 22, 1923" is background once it tells of 2005."""
    text = (
        "Jo Roe, born April 22, 1923, starred in a film about her life in 2005. "
        "She had a stroke on Dec. 2 and died on Thursday."
    )
    assert by_text(extract_dates(art(text), None))["Dec. 2"].date is None
    from storyline.nlp import load_spacy

    assert by_text(extract_dates(art(text), load_spacy()(text)))["Dec. 2"].date is None
    # a year ahead says nothing of when the article was written
    ahead = (
        "Repairs began Nov. 20, 2008. The dam burst on Nov. 17. It is set to reopen in May of 2011."
    )
    assert by_text(extract_dates(art(ahead), load_spacy()(ahead)))["Nov. 17"].date == "2008-11-17"
    # a full date in the latest year written still gives the year
    text = "Repairs began Nov. 20, 2008. The dam burst on Nov. 17."
    assert by_text(extract_dates(art(text), None))["Nov. 17"].date == "2008-11-17"


def test_month_of_year() -> None:
    m = one("She was crowned in January of 1955 in Lima.")
    assert (m.date_text, m.date, m.inferred) == ("January of 1955", "1955-01", False)


@pytest.mark.parametrize(
    "text",
    [
        "The council releases its figures on the second Tuesday of every month.",
        "The market opens every Monday in Lima.",
        "Patches ship on a Tuesday of each month.",
    ],
)
def test_a_recurring_weekday_is_no_date(text: str) -> None:
    assert not extract_dates(art(text, PUB), None)

"""What a new user's audit of multi-outlet reports found (issue 18): a headline's deck
line told as a fact or as the day's lead, a year-less date moved a year back, a possessive
read as "is", words inside a quotation counted as another outlet telling a fact, and
profile values with no one or nothing in them.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from report_fixture import article
from storyline.models import Article, ArticleFacts, Cite, Quote, Stance, Story
from storyline.nlp import load_spacy
from storyline.stages.analysis.brief import (
    _has_finite_verb,
    _headline_like,
    _quote_text,
    clean_sentence,
    in_quotation,
)
from storyline.stages.analysis.profile import bare_verb
from storyline.stages.analysis.report import build_report
from storyline.stages.prepare.extract.dates import extract_dates
from storyline.stages.prepare.extract.events import (
    build_events,
    headline_parts,
    restates_headline,
)

DECK_TITLE = "Ferry board sacks its chief; Win or lose, the union says, the strike goes on"
DECK_TEXT = (
    "Win or lose, the union says, the strike goes on.\n\n"
    "The Port Elm ferry board dismissed its chief executive, Mara Velk, on Tuesday after "
    "three weeks of cancelled sailings on the Tarn route.\n\n"
    "The board said a new chief would be named within a month."
)


def test_headline_parts_split_a_deck_from_its_head() -> None:
    parts = headline_parts(DECK_TITLE)
    assert "ferry board sacks its chief" in parts
    assert "win or lose, the union says, the strike goes on" in parts
    assert headline_parts("") == []
    # a deck of two lines: both, and the whole deck
    three = headline_parts("Ferry board sacks its chief; Strike goes on; Union wants a new deal")
    assert "strike goes on; union wants a new deal" in three
    # a one-word label is no line of its own
    assert headline_parts("Analysis; Ferry board sacks its chief") == [
        "analysis; ferry board sacks its chief",
        "ferry board sacks its chief",
    ]


def test_restates_headline_matches_the_deck_with_its_full_stop_only() -> None:
    parts = headline_parts(DECK_TITLE)
    assert restates_headline("Win or lose, the union says, the strike goes on.", parts)
    assert not restates_headline(
        "The union says the strike goes on until the board names a new chief.", parts
    )


def _deck_story() -> tuple[Story, list[Article], list[ArticleFacts]]:
    arts = [
        article("a0", DECK_TEXT, outlet="Tarn Courier", published="2031-03-05"),
        article(
            "a1",
            "The Port Elm ferry board dismissed its chief executive, Mara Velk, on Tuesday "
            "after weeks of cancelled sailings on the Tarn route.\n\n"
            "Union leaders said the strike would go on whoever runs the ferry board.",
            outlet="Elm Gazette",
            published="2031-03-05",
        ),
    ]
    arts[0] = replace(arts[0], title=DECK_TITLE)
    story = Story("s", "Port Elm", [a.id for a in arts], None, None, len(arts))
    return story, arts, [ArticleFacts(a.id) for a in arts]


def test_a_deck_line_in_the_text_is_no_fact_of_the_brief() -> None:
    story, arts, facts = _deck_story()
    texts = [b.text for b in build_report(story, arts, facts).brief]
    assert not any(t.startswith("Win or lose") for t in texts), texts
    assert any("dismissed its chief executive" in t for t in texts), texts


def test_a_deck_line_is_not_the_lead_event_of_its_day() -> None:
    _, arts, _ = _deck_story()
    a = arts[0]
    doc = load_spacy()(a.text)
    events = build_events(a, doc, extract_dates(a, doc), [])
    assert events and not any(e.summary.startswith("Win or lose") for e in events), events
    assert any("dismissed its chief executive" in e.summary for e in events)


def _dates(text: str, published: str) -> dict[str, str | None]:
    a = Article(id="a1", source="t", text=text, raw=text, title="t", published=published)
    return {m.date_text: m.date for m in extract_dates(a, load_spacy()(text))}


@pytest.mark.parametrize(
    ("text", "date_text", "want"),
    [
        # the vote the campaign ran before lies ahead of a January article: this February's
        (
            "The two mayors led the field before the Tarn caucuses Feb. 3, and their rivals "
            "attacked the council.",
            "Feb. 3",
            "2031-02-03",
        ),
        # "will not … until after … on March 4": the date of what lies ahead
        (
            "The council has yet to vote, and it likely will not do so until after the "
            "harbour hearing on March 4.",
            "March 4",
            "2031-03-04",
        ),
        # a past clause's own date after the publication date is still last year's
        ("The ferry board met in Port Elm on March 4 to sign the deal.", "March 4", "2030-03-04"),
    ],
)
def test_a_date_the_clause_happened_before_keeps_the_coming_year(
    text: str, date_text: str, want: str
) -> None:
    assert _dates(text, "2031-01-15")[date_text] == want


def test_a_possessive_is_no_finite_verb_but_a_pronouns_s_is() -> None:
    assert not _has_finite_verb("Port Elm Harbour Party’s annual gala")
    assert _has_finite_verb("It’s over")
    assert _has_finite_verb("There's a catch in the new deal")


def test_reported_speech_that_is_a_noun_phrase_is_not_shown() -> None:
    q = Quote(
        "Port Elm Harbour Party’s annual gala",
        "Mara Velk",
        None,
        None,
        "indirect",
        Cite("a1", 0, 36),
        "asserted",
        0.7,
    )
    assert _quote_text(q) is None


def test_in_quotation_reads_the_open_quote_marks() -> None:
    text = "“I am not ready to back the harbour plan,” Velk said. Tarn is not ready either."
    assert in_quotation(text, 1)
    assert not in_quotation(text, text.index("Tarn"))


def test_a_target_of_one_function_word_is_no_position() -> None:
    text = "Mara Velk wants to."
    st = Stance("Mara Velk", "demand", "to", None, [Cite("a1", 0, len(text))])
    assert bare_verb(st, {"a1": text})
    st = Stance("Mara Velk", "oppose", "the ferry levy", None, [Cite("a1", 0, len(text))])
    assert not bare_verb(st, {"a1": text})


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "TWO DEAD, 12 HURT IN HARBOUR FIRE Three men were held after the blaze in the "
            "Port Elm docks on Monday.",
            True,
        ),
        (
            "NATO and EU leaders agreed in the old harbour town on Monday to sign a fishing pact.",
            False,
        ),
        ("US, UK, EU OK the fishing deal they signed in the old harbour town after talks.", False),
    ],
)
def test_an_all_caps_headline_run_into_a_sentence_is_no_fact(text: str, headline: bool) -> None:
    assert _headline_like(text, []) is headline
    if headline:
        assert not clean_sentence(text)


@pytest.mark.parametrize(
    ("target", "cited", "bare"),
    [
        # an infinitive's verb phrase: "declined to speak to reporters"
        ("speak to reporters", "Mara Velk declined to speak to reporters on Monday.", True),
        # a reason cut out of its sentence
        ("because they need the money", "Velk wants it because they need the money.", True),
        # a thing: kept
        ("the ferry levy", "Mara Velk wants to scrap the ferry levy.", False),
        ("a path to the new pier", "Velk backs a path to the new pier.", False),
    ],
)
def test_a_verb_phrase_or_a_cut_reason_is_no_position(target: str, cited: str, bare: bool) -> None:
    st = Stance("Mara Velk", "reject", target, None, [Cite("a1", 0, len(cited))])
    assert bare_verb(st, {"a1": cited}) is bare

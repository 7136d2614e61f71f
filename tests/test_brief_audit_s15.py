"""Session 15's audit of multi-outlet reports (issue 18): a dateline is no part of a brief
fact nor of a title, a direct quote its attribution splits is not cut in half, a request
("called on X to …") is no reported statement, a verbless fragment is no quote, and "no-one"
is no count of one.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

import pytest

from report_fixture import article
from storyline.models import Article, Cite, Quote
from storyline.stages.analysis.brief import (
    _candidates,
    _quote_text,
    _tells_same,
    clean_sentence,
    quote_goes_on,
)
from storyline.stages.commit.summaries import _lead, clean_title
from storyline.stages.prepare.extract.quantities import extract_quantities
from storyline.text import dateline_end


def _quote(text: str, kind: str) -> Quote:
    return Quote(text, "Jo Varn", None, None, kind, Cite("a", 0, len(text)))


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "TARNBY, Ore., May 2 (Meridian) — The ferry board voted",
            "TARNBY, Ore., May 2 (Meridian) — ",
        ),
        ("VELMAR — The harbour master closed the pier", "VELMAR — "),
        ("Port Elm (Wire) – Two ferries collided on Monday", "Port Elm (Wire) – "),
        ("KELLBY, Norland - Rescuers searched the dunes", "KELLBY, Norland - "),
        ("A FIRE has gutted the Tarnby bakery overnight", ""),
        ("ARMED men robbed the Velmar post office", ""),
        ("Mayor Ada Roe - the first in decades - resigned", ""),
    ],
)
def test_a_dateline_is_found_where_it_opens_a_sentence(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


def test_the_brief_states_the_sentence_after_its_dateline() -> None:
    text = (
        "TARNBY, Ore., May 2 (Meridian) — The Tarnby ferry board voted on Thursday to close "
        "the northern crossing for the whole summer.\n\nThe vote was seven to two."
    )
    a = article("dl01", text)
    sents = _candidates([a])
    assert sents and sents[0].text.startswith("The Tarnby ferry board voted")
    assert text[sents[0].start : sents[0].end] == sents[0].text  # the cite is the text's


def test_a_lead_made_a_title_has_no_dateline() -> None:
    a = Article(
        id="dl02",
        source="t",
        text="VELMAR (Wire) — Harbour pilots in Velmar went on strike over night shifts.\n",
        raw="",
        title="",
    )
    assert _lead(a).startswith("Harbour pilots in Velmar")


def test_a_quote_its_attribution_splits_is_not_cut_in_half() -> None:
    text = (
        "“The old pier was a landmark,” Mayor Ada Roe wrote, “but it is a danger now and it "
        "must go.”"
    )
    assert quote_goes_on(text, text.index(",”"))
    # a quote that ends where its sentence ends, then a new quoted sentence
    whole = "“The old pier was a landmark,” Mayor Ada Roe said. “It must go.”"
    assert not quote_goes_on(whole, whole.index(",”"))
    # a title with a full stop inside the attribution does not hide the split
    split = "“The pier was a landmark,” Mr. Roe wrote, “and it will be missed.”"
    assert quote_goes_on(split, split.index(",”"))


def test_a_request_is_no_reported_statement() -> None:
    # "… called on the harbour board to reopen the crossing": what was asked, not said
    asked = _quote("the harbour board to reopen the northern crossing", "indirect")
    assert _quote_text(asked) is None
    # a reported clause with its own verb stays
    said = _quote("the plan to reopen the northern crossing was dropped", "indirect")
    assert _quote_text(said) is not None


def test_a_verbless_fragment_is_no_quote() -> None:
    assert _quote_text(_quote("With an eye on the spring regatta, Tarnby", "direct")) is None
    kept = _quote("We will reopen the northern crossing in the spring", "direct")
    assert _quote_text(kept) is not None


@pytest.mark.parametrize("text", ["No-one was hurt when the Tarnby bakery burned."])
def test_no_one_with_a_hyphen_is_no_count(text: str) -> None:
    art = Article(id="n1", source="t", text=text, raw=text, title="t")
    assert [q for q in extract_quantities(art, None, []) if q.value == 1.0] == []


def test_a_share_standing_alone_is_no_subject() -> None:
    assert not clean_sentence(
        "About 12 percent said they were still undecided in the mayoral race."
    )
    # a share of someone named
    assert clean_sentence(
        "Some 40 percent of the harbour was flooded on Monday night, Tarnby said."
    )


def test_a_few_quoted_words_do_not_make_two_facts_one() -> None:
    # two sentences about two claims, sharing only a speaker's quoted phrase
    a = (
        "Roe, who runs the ferry union, also decried the board's plan to sell the northern "
        "pier, noting it has “given nothing” to the town it is meant to serve."
    )
    b = "Ms. Roe said the mayor was wrong about the tides and faulted him for saying he had given enough."
    assert not _tells_same(a, b)
    # the same fact in other words still counts
    c = "The ferry union decried the board's plan to sell the northern pier to a developer."
    assert _tells_same(a, c)


@pytest.mark.parametrize(
    ("raw", "poor"),
    [
        ("Right Before the Vote, Mayor Ada Roe Just Got Some Devastating News", True),
        ("Port Elm Ferry Board Receives More Bad News After the Strike", True),
        ("Ada Roe Has Fox News On Her Side in the Tarnby Race", False),  # an outlet's name
        ("Ada Roe Gets ABC News Interview Before the Tarnby Vote", False),
        ("Port Elm council votes to close the northern ferry", False),
    ],
)
def test_a_headline_that_only_says_there_is_news_is_poor(raw: str, poor: bool) -> None:
    assert clean_title(raw) == (raw, poor)


def test_a_split_quote_in_doubled_apostrophes_is_found_too() -> None:
    text = "'' The old pier was a landmark, '' Mr. Roe wrote, ''but it must go now.''"
    assert quote_goes_on(text, text.index(", ''") + 1)

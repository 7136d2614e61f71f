"""Timeline events: the dated clause in its own words, no page furniture, the lead of a dated
article, and the story's timeline (year-less dates resolved by the story, key events).

All text here is written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.models import Article, ArticleFacts, Cite, Entity, Event
from storyline.stages.analysis.report import merge_timeline, story_events
from storyline.stages.prepare.extract.dates import extract_dates, sentence_tense
from storyline.stages.prepare.extract.events import build_events

# 2024-03-15 is a Friday.
PUB = "2024-03-15"
MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def art(text: str, published: str | None = PUB, aid: str = "a1") -> Article:
    return Article(id=aid, source="t", text=text, raw=text, title="t", published=published)


def events_of(text: str, mode: str, published: str | None = PUB, aid: str = "a1") -> list[Event]:
    a = art(text, published, aid)
    doc = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    entities = [
        Entity(
            id="gpe:chile",
            name="Chile",
            type="GPE",
            mentions=[Cite(aid, m.start(), m.end()) for m in re.finditer("Chile", text)],
        ),
        Entity(
            id="loc:lima",
            name="Lima",
            type="LOC",
            mentions=[Cite(aid, m.start(), m.end()) for m in re.finditer("Lima", text)],
        ),
    ]
    return build_events(a, doc, extract_dates(a, doc), entities)


@pytest.mark.parametrize("mode", MODES)
def test_event_summary_keeps_the_date_and_its_own_words(mode: str) -> None:
    text = (
        "The talks stalled for months. According to the mediator, Chile signed the accord in Lima "
        "on Thursday, which ended a long dispute over the border."
    )
    (ev,) = events_of(text, mode)
    assert (ev.date, ev.date_text, ev.inferred) == ("2024-03-14", "Thursday", True)
    assert "Chile signed the accord in Lima on Thursday" in ev.summary
    assert ev.summary in text  # the article's words, never a rewritten fragment
    assert ev.actors == ["gpe:chile"]  # places are not actors
    (cite,) = ev.cites
    assert text[cite.start : cite.end].startswith("According to the mediator")


@pytest.mark.parametrize("mode", MODES)
def test_a_subordinate_clause_is_not_left_alone(mode: str) -> None:
    text = "Chile will close the border crossing at Arica when the envoy arrives on Tuesday."
    (ev,) = events_of(text, mode)
    assert ev.summary.startswith("Chile will close the border crossing")
    assert "when the envoy arrives on Tuesday" in ev.summary


@pytest.mark.parametrize("mode", MODES)
def test_one_event_per_date_mention(mode: str) -> None:
    text = "Chile will vote on Monday. The law was passed in 2019 after protests. A review is due within weeks."
    evs = events_of(text, mode)
    assert [(e.date, e.date_text) for e in evs] == [
        ("2024-03-18", "Monday"),
        ("2019", "2019"),
        (None, "within weeks"),
    ]
    assert evs[1].summary == "The law was passed in 2019 after protests"


@pytest.mark.parametrize("mode", MODES)
def test_a_condition_or_a_denial_dates_no_event(mode: str) -> None:
    text = (
        "“If the rain does not come in April, there will be no harvest in September,” a farmer "
        "said. Chile denied closing the border on Monday. The signing is set for May 4, if the "
        "text is agreed."
    )
    # (the lead stands for the article's own day: date_text "")
    assert [e.date_text for e in events_of(text, mode) if e.date_text] == ["May 4"]


@pytest.mark.parametrize("mode", MODES)
def test_the_date_of_a_saying_beside_the_events_date_is_no_second_event(mode: str) -> None:
    text = (
        "A fire swept through a depot in Chile late on Wednesday, killing four guards, the fire "
        "chief said on Thursday. The minister said on Friday that the depot would be rebuilt."
    )
    # the first sentence dates the fire (Wednesday) and the saying (Thursday): one event;
    # a saying with no other date in its sentence is an event of its own
    assert [e.date_text for e in events_of(text, mode) if e.date_text] == ["Wednesday", "Friday"]


@pytest.mark.model
def test_a_date_deeper_in_the_clause_does_not_date_it_twice() -> None:
    text = (
        "Chile reopened the border on Monday after the ministers agreed on Sunday to end the row."
    )
    # both dates climb to the main clause: its own verb's date dates it, not Sunday; Sunday
    # is told by its own clause
    evs = events_of(text, "spacy", None)
    assert [(e.date_text, e.summary) for e in evs] == [
        ("Monday", text.rstrip(".")),
        ("Sunday", "The ministers agreed on Sunday to end the row"),
    ]


@pytest.mark.model
def test_a_conjoined_verb_with_its_own_date_keeps_the_shared_subject() -> None:
    text = "Ivo Marr was fired on Thursday and bought a van in Chile on Friday, police said."
    evs = events_of(text, "spacy", None)
    assert [(e.date_text, e.summary) for e in evs][1] == (
        "Friday",
        "Ivo Marr bought a van in Chile on Friday",
    )


@pytest.mark.model
def test_a_date_in_a_relative_clause_dates_that_clause() -> None:
    text = "Ivo Marr, who said last week that Chile would not take sides, told parliament he was ready."
    (ev,) = events_of(text, "spacy")
    assert ev.summary == "Ivo Marr said last week that Chile would not take sides"


@pytest.mark.parametrize("mode", MODES)
def test_a_boundary_date_beside_another_makes_no_event(mode: str) -> None:
    text = (
        "Dockers in Chile returned to work on Wednesday under a deal that bars layoffs until 2029."
    )
    assert [e.date_text for e in events_of(text, mode)] == ["Wednesday"]


@pytest.mark.model
def test_a_saying_date_stands_beside_a_date_in_a_relative_clause() -> None:
    text = (
        "The strike in Chile will go on, the union announced on Wednesday, after it said the "
        "crane that failed last week had not been inspected since 2022."
    )
    # Wednesday dates the main clause; "last week" dates the relative clause; 2022 bounds
    assert [e.date_text for e in events_of(text, "spacy")] == ["Wednesday", "last week"]


@pytest.mark.parametrize("mode", MODES)
def test_two_dates_of_sayings_both_stay(mode: str) -> None:
    # both dates are of a verb of saying ("wrote"): neither defers to the other
    text = "The union in Chile wrote to the owners in April and again in November."
    assert [e.date_text for e in events_of(text, mode)] == ["April", "November"]


@pytest.mark.parametrize("mode", MODES)
def test_an_announcement_of_what_lies_ahead_keeps_its_date(mode: str) -> None:
    text = "Ivo Marr will lead the Chile team next year, the federation announced on Friday."
    assert [e.date_text for e in events_of(text, mode)] == ["next year", "Friday"]


def test_long_sentences_are_cut_with_an_ellipsis() -> None:
    long_tail = " ".join(["and another clause about the budget"] * 12)
    (ev,) = events_of(f"Chile approved the budget on Tuesday {long_tail}.", "rules")
    assert len(ev.summary.split()) <= 61 and ev.summary.endswith("…")
    assert ev.summary.startswith("Chile approved the budget on Tuesday")


@pytest.mark.parametrize("mode", MODES)
def test_page_furniture_gives_no_event(mode: str) -> None:
    text = (
        "Chile and Peru settle fishing dispute\n"
        "Posted on March 15, 2024 6: 07 PM\n"
        "Photo: Fishing boats in the harbour of Arica on March 12, 2024.\n"
        "Chile and Peru agreed on Wednesday to share the fishing grounds off the coast, "
        "officials in Lima said."
    )
    evs = events_of(text, mode, published=None)
    assert [(e.date, e.date_text) for e in evs] == [("2024-03-13", "Wednesday")]
    assert not any("Posted" in e.summary or "Photo" in e.summary for e in evs)


def test_lead_of_a_dated_article_is_an_event_of_its_day() -> None:
    text = (
        "Chile is drafting a treaty with its neighbours on shared rivers.\n"
        "Officials in Lima said the text would be ready within weeks."
    )
    evs = events_of(text, "rules")
    lead = evs[0]
    assert (lead.date, lead.date_text, lead.inferred) == (PUB, "", True)
    assert lead.summary == "Chile is drafting a treaty with its neighbours on shared rivers"
    assert [e.date_text for e in evs[1:]] == ["within weeks"]
    # the lead's own undated mention is not a second entry for the same sentence
    (only,) = events_of(
        "Chile is drafting a treaty on shared rivers for the coming months.", "rules"
    )
    assert (only.date, only.date_text) == (PUB, "")
    # an undated article has no day to give its lead
    assert [e.date_text for e in events_of(text, "rules", published=None)] == ["within weeks"]
    # a headline ending in a quoted word is no lead
    headline = 'Neighbour Calls The Chile Envoy Who Fled Lima: "Very Quiet"\n' + text
    assert events_of(headline, "rules")[0].summary == lead.summary


def test_story_gives_the_year_to_an_undated_article() -> None:
    dated_text = "Chile is drafting a treaty with its neighbours on shared rivers."
    undated_text = "Chile told the assembly on Sept. 23 that it would sign the river treaty."
    arts = [art(dated_text, "2025-11-05", "a1"), art(undated_text, None, "a2")]
    facts = [
        ArticleFacts(
            article_id=a.id,
            dates=extract_dates(a, None),
            events=events_of(a.text, "rules", a.published, a.id),
        )
        for a in arts
    ]
    evs = story_events(arts, facts)
    by_text = {e.date_text: e for e in evs}
    assert (by_text["Sept. 23"].date, by_text["Sept. 23"].inferred) == ("2025-09-23", True)
    assert by_text[""].date == "2025-11-05"
    # each inferred date says what it rests on: the story's dated article, the lead's day
    assert "2025-11-05" in (by_text["Sept. 23"].basis or "")
    assert by_text["Sept. 23"].basis.startswith("the year of its bounds")  # type: ignore[union-attr]
    assert (
        by_text[""].basis == "the article's date, 2025-11-05: its lead tells the news of that day"
    )
    # without a dated article in the story, the date stays open
    alone = story_events(arts[1:], facts[1:])
    assert [e.date for e in alone] == [None]


def _story_facts(arts: list[Article]) -> list[ArticleFacts]:
    return [
        ArticleFacts(
            article_id=a.id,
            dates=extract_dates(a, None),
            events=events_of(a.text, "rules", a.published, a.id),
        )
        for a in arts
    ]


def test_an_undated_story_that_spans_years_gives_no_year() -> None:
    """No dated article, and the article's own dates run from 2019 to 2023: an undated
    "Sept. 23" could be any of those years'."""
    text = (
        "The treaty talks began in 2019. They stalled in 2023. "
        "Chile told the assembly on Sept. 23 that it would sign the river treaty."
    )
    arts = [art(text, None, "a1")]
    by_text = {e.date_text: e for e in story_events(arts, _story_facts(arts))}
    assert by_text["Sept. 23"].date is None


def test_the_story_year_never_contradicts_the_article() -> None:
    """ "in November 1973 … on Nov. 17": the story's 2025 is not that November's year."""
    dated_text = "Chile is drafting a treaty with its neighbours on shared rivers."
    undated_text = (
        "The river treaty recalls the flood of November 1973 in Lima. "
        "The dam burst on Nov. 17 and the valley was lost."
    )
    arts = [art(dated_text, "2025-11-05", "a1"), art(undated_text, None, "a2")]
    by_text = {e.date_text: e for e in story_events(arts, _story_facts(arts))}
    assert by_text["Nov. 17"].date is None


def _ev(article: str, date: str, summary: str, start: int = 100, date_text: str = "x") -> Event:
    return Event(date, date_text, summary, [], [Cite(article, start, start + 10)])


def test_key_event_is_the_most_corroborated() -> None:
    evs = [
        _ev("a1", "2024-03-10", "Chile signed the river treaty in Lima"),
        _ev("a2", "2024-03-10", "Chile signed the river treaty in Lima on Sunday"),
        _ev("a3", "2024-03-10", "Chile signed the river treaty"),
        _ev("a1", "2024-03-01", "Talks on the river treaty opened in Lima", start=5),
        _ev("a4", "2024-03-12", "Peru said it would study the text"),
        # background every outlet repeats, dated to a year only: not the news
        *(_ev(a, "2003", "He was named envoy to Lima in 2003") for a in ("a1", "a2", "a4")),
        # told by three outlets, but deep in the articles, far from their leads
        *(_ev(a, "2024-03-02", "Chile recalled its envoy", start=2000) for a in ("a1", "a2", "a4")),
    ]
    order = {"a1": 0, "a2": 1, "a3": 2, "a4": 3}
    out = merge_timeline(evs, order, {"a3": "a2"})  # a3 copies a2: two sources, not three
    keys = [e for e in out if e.key]
    assert len(keys) == 1 and keys[0].summary.startswith("Chile signed")
    assert len(keys[0].cites) == 3
    assert [e.date for e in out] == sorted(e.date or "" for e in out)  # a timeline in date order


def test_without_corroboration_the_first_lead_is_key() -> None:
    evs = [
        _ev("a2", "2024-03-11", "Peru said it would study the text", start=0, date_text=""),
        _ev("a1", "2024-03-10", "Chile signed the river treaty", start=0, date_text=""),
        _ev("a1", "2024-03-01", "Talks opened in Lima"),
    ]
    out = merge_timeline(evs, {"a1": 0, "a2": 1})
    assert [e.summary for e in out if e.key] == ["Chile signed the river treaty"]


def test_merged_event_is_inferred_only_when_every_telling_is() -> None:
    a = Event(
        "2024-03-10",
        "March 10",
        "Chile signed the river treaty",
        [],
        [Cite("a1", 0, 9)],
        inferred=True,
    )
    b = Event(
        "2024-03-10", "March 10, 2024", "Chile signed the river treaty", [], [Cite("a2", 0, 9)]
    )
    (m,) = merge_timeline([a, b], {"a1": 0, "a2": 1})
    assert not m.inferred and len(m.cites) == 2


# Statement claims told by several outlets (``report.statement_spans``): claim "c1" is
# the sentence at 0-40 of each of a1, a2 and a3.
ONE_FACT = {aid: [(0, 40, "c1")] for aid in ("a1", "a2", "a3")}


def _undated(article: str, summary: str, date_text: str, start: int = 0) -> Event:
    return Event(None, date_text, summary, [], [Cite(article, start, start + 30)])


def test_undated_tellings_of_one_claim_are_one_key_event() -> None:
    evs = [
        _undated("a1", "The ferry line resumed its night crossings on Thursday", "Thursday"),
        _undated("a2", "The ferry company restarted the night service today", "today"),
        _undated("a3", "Night ferries sail again since Thursday", "since Thursday"),
        _undated("a1", "The harbour master inspected the quay on Monday", "Monday", start=900),
    ]
    out = merge_timeline(evs, {"a1": 0, "a2": 1, "a3": 2}, {}, ONE_FACT)
    first = out[0]
    assert first.key and {c.article for c in first.cites} == {"a1", "a2", "a3"}
    assert first.date is None  # no article dates it: the date stays open
    assert [e.key for e in out[1:]] == [False]


def test_undated_tellings_on_different_weekdays_stay_apart() -> None:
    evs = [
        _undated("a1", "The ferry line resumed its night crossings on Thursday", "Thursday"),
        _undated("a2", "The ferry line resumed its night crossings on Friday", "Friday"),
    ]
    out = merge_timeline(evs, {"a1": 0, "a2": 1}, {}, ONE_FACT)
    assert len(out) == 2
    assert [e.key for e in out] == [True, False]  # told once each: the first lead is key


def test_a_claim_sentence_of_two_facts_does_not_join_their_events() -> None:
    # one outlet's sentence told the fire and the visit, so both clauses share its claim
    evs = [
        _undated("a1", "Fire gutted the chapel on the hill on Friday night", "Friday night"),
        _undated("a2", "The mayor visited the parish office this morning to apologise", "x"),
    ]
    out = merge_timeline(evs, {"a1": 0, "a2": 1}, {}, ONE_FACT)
    assert len(out) == 2


def test_an_undated_telling_joins_the_dated_event_of_its_claim() -> None:
    # 2024-03-14 is a Thursday: "Thursday" can name it, "Wednesday" cannot
    dated = Event("2024-03-14", "March 14", "The ferry line resumed night crossings", [],
                  [Cite("a1", 0, 30)], inferred=True)  # fmt: skip
    same = _undated("a2", "The ferry company restarted the night service Thursday", "Thursday")
    other = _undated("a3", "Night ferries sailed again on Wednesday", "Wednesday")
    out = merge_timeline([dated, same, other], {"a1": 0, "a2": 1, "a3": 2}, {}, ONE_FACT)
    assert [sorted(c.article for c in e.cites) for e in out] == [["a1", "a2"], ["a3"]]
    assert out[0].date == "2024-03-14" and out[0].inferred  # it rests on a1's inferred date
    assert out[1].date is None


def test_a_telling_counted_to_a_month_joins_the_day_of_its_claim() -> None:
    dated = Event("2024-03-14", "March 14", "The ferry line resumed night crossings", [],
                  [Cite("a1", 0, 30)])  # fmt: skip
    week = Event("2024-03", "this week", "The ferry line resumed its night crossings this week",
                 [], [Cite("a2", 0, 30)], inferred=True,
                 basis="counted from the days it can have been written, …")  # fmt: skip
    # a month written in the text is no inferred span: it stays an event of its own
    written = Event("2024-03", "March 2024", "The ferry line resumed night crossings in March",
                    [], [Cite("a3", 0, 30)])  # fmt: skip
    out = merge_timeline([dated, week, written], {"a1": 0, "a2": 1, "a3": 2}, {}, ONE_FACT)
    assert [sorted(c.article for c in e.cites) for e in out] == [["a3"], ["a1", "a2"]]
    assert out[1].date == "2024-03-14" and not out[1].inferred


@pytest.mark.parametrize("mode", MODES)
def test_a_clause_cut_from_a_quotation_keeps_no_lone_quote_mark(mode: str) -> None:
    text = (
        "“The border stays open, and we will decide the rest on Monday.” the minister in Lima said."
    )
    (ev,) = events_of(text, mode, published=None)
    assert ev.summary.count("“") == ev.summary.count("”")
    assert "on Monday" in ev.summary


@pytest.mark.parametrize("mode", MODES)
def test_a_question_dates_no_event(mode: str) -> None:
    text = "Did the trams in Lima run late on Thursday?! Riders waited for an hour on Friday."
    (ev,) = events_of(text, mode)
    assert ev.date_text == "Friday"


@pytest.mark.model
def test_a_date_of_a_noun_does_not_date_its_clause() -> None:
    """ "the March 2019 spree" dates the spree: the clause is last month's."""
    text = (
        "Jo Roe, 41, was convicted last month of robbing a bank, a guard and a driver in the "
        "March 2019 spree that began at a petrol station."
    )
    evs = events_of(text, "spacy")
    assert [(e.date, e.date_text) for e in evs] == [
        ("2024-02", "last month"),
        ("2019-03", "March 2019"),
    ]
    assert evs[0].summary.startswith("Jo Roe, 41, was convicted last month")
    assert evs[1].summary == "The March 2019 spree that began at a petrol station"


@pytest.mark.model
def test_a_clause_without_its_relative_pronoun_keeps_its_noun() -> None:
    """ "the thefts he committed on March 11": alone, "He committed on March 11" is broken."""
    text = "Jo Roe was sentenced on Friday to life for the thefts he committed on March 11, 2019."
    evs = events_of(text, "spacy")
    assert [e.date for e in evs] == ["2024-03-15", "2019-03-11"]
    assert evs[1].summary == "The thefts he committed on March 11, 2019"
    # after a noun of time, the clause has all it needs
    text = "A patrol would have begun the moment the truce went into effect in early October."
    (ev,) = events_of(text, "spacy")
    assert ev.summary == "The truce went into effect in early October"


@pytest.mark.model
def test_a_verb_without_its_subject_is_no_summary() -> None:
    """A headline that runs into the sentence takes its verb: the climb stops at
    "defeated", whose subject the parse lost; the sentence is told instead."""
    text = (
        "Larks defeat Elm\nJo Roe scored 23 points to become the club's career points leader "
        "and the top-seeded Larks defeated Elm 71-58 on Friday in the semifinals."
    )
    (ev,) = events_of(text, "spacy")
    assert ev.summary.startswith("Jo Roe scored 23 points")


def test_a_cut_possessive_leaves_no_lone_apostrophe() -> None:
    from storyline.stages.prepare.extract.events import _clean

    assert _clean("Users must first install the patch from last week ’") == (
        "Users must first install the patch from last week"
    )


@pytest.mark.corpus
def test_reference_corpus_timeline_has_its_key_dates(corpus_dir: Path) -> None:
    """The September 23 General Assembly speech (an undated article: the year comes from
    the story) and the November 5 draft (the lead of the article dated November 5)."""
    from dataclasses import replace

    from storyline.models import RawDoc, Story
    from storyline.stages.analysis.report import build_report
    from storyline.stages.prepare.clean import clean_document
    from storyline.stages.prepare.extract import extract_many

    paths = sorted(corpus_dir.glob("*.txt"))
    arts = [
        clean_document(RawDoc(source=str(p), text=p.read_text(errors="replace")), ingested_at="")
        for p in paths
    ]
    arts[0] = replace(arts[0], duplicate_of=arts[1].id)
    story = Story("s-corpus000001", "gaza-isf", [a.id for a in arts], None, None, 4)
    report = build_report(story, arts, extract_many(arts, use_spacy=False))
    by_date = {e.date: e for e in report.timeline if e.date}
    speech, draft = by_date["2025-09-23"], by_date["2025-11-05"]
    assert speech.inferred and "General Assembly" in speech.summary
    assert draft.inferred and draft.key and "resolution" in draft.summary
    assert not any(e.summary.startswith(("Photo", "Video", "(Video")) for e in report.timeline)


def test_which_after_a_place_in_apposition_is_not_told_with_the_place() -> None:
    # a parse that hangs ", which broke out …" on the town named after the street: the
    # clause is about the blaze, so it is not told as "Harrow broke out on Friday"
    import spacy
    from spacy.tokens import Doc

    from storyline.stages.prepare.extract.events import _relative_clause

    words = ["the", "store", "in", "High", "Street", ",", "Harrow", ",", "which", "broke",
             "out", "on", "Friday"]  # fmt: skip
    heads = [1, 1, 1, 4, 2, 4, 4, 6, 9, 6, 9, 9, 11]
    deps = ["det", "ROOT", "prep", "compound", "pobj", "punct", "appos", "punct", "nsubj",
            "relcl", "prt", "prep", "pobj"]  # fmt: skip
    pos = ["DET", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PRON", "VERB",
           "ADP", "ADP", "PROPN"]  # fmt: skip
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _relative_clause(doc, doc[9], (0, len(doc.text))) is None


# -- weekdays and "last week" of an undated article, counted from its story -------------
# 2025-11-05 is a Wednesday; 2025-11-04 a Tuesday.


def _claim_spans(arts: list[Article], sentence: str) -> dict[str, list[tuple[int, int, str]]]:
    """One statement claim, ``c1``, over the first sentence holding ``sentence`` of each."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for a in arts:
        i = a.text.find(sentence)
        if i >= 0:
            out[a.id] = [(i, i + len(sentence), "c1")]
    return out


def test_relative_dates_resolve_as_if_written_on_a_day() -> None:
    from storyline.stages.prepare.extract.dates import bare_weekday, resolve_relative

    wed = __import__("datetime").date(2025, 11, 5)
    assert resolve_relative("Tuesday", wed, "past") == "2025-11-04"
    assert resolve_relative("Tuesday", wed, "future") == "2025-11-11"
    assert resolve_relative("yesterday", wed) == "2025-11-04"
    assert resolve_relative("last week", wed) is None  # October 27 to November 2
    assert resolve_relative("last week", wed.replace(day=19)) == "2025-11"
    assert resolve_relative("two days ago", wed) == "2025-11-03"
    # not counted from the writing, or more than one date
    assert resolve_relative("Sept. 23", wed) is None
    assert resolve_relative("Tuesday and Wednesday", wed) is None
    assert bare_weekday("Tuesday") and not bare_weekday("last Tuesday")


def test_an_undated_article_telling_the_dated_news_dates_its_weekdays() -> None:
    dated_text = "Chile signed the river treaty in Lima on Tuesday, the ministry said."
    undated_text = (
        "Chile signed the river treaty in Lima on Tuesday after two years of talks. "
        "Peru rejected the text on Thursday. "
        "The envoy will return to Lima on Friday. "
        "The envoy met the minister last month. "
        "He moved to Lima five or six years ago. "
        'The minister said: "We spoke on Monday."'
    )
    arts = [art(dated_text, "2025-11-05", "a1"), art(undated_text, None, "a2")]
    spans = _claim_spans(arts, "Chile signed the river treaty in Lima on Tuesday")
    by_text = {e.date_text: e for e in story_events(arts, _story_facts(arts), spans)}
    tue = by_text["Tuesday"]
    assert (tue.date, tue.inferred) == ("2025-11-04", True)
    # the basis names the window and the dated article it rests on
    assert "2025-11-04 … 2025-11-07" in (tue.basis or "")
    assert "2025-11-05" in (tue.basis or "")
    # a Thursday inside the window could be this week's or last week's: left open
    assert by_text["Thursday"].date is None
    # a bare weekday ahead is not tried: a future marker is no sure sign of its clause
    assert by_text["Friday"].date is None
    # "last month" is October whatever the day of writing
    assert by_text["last month"].date == "2025-10"
    # one end of a range names no year
    assert by_text["six years ago"].date is None
    # a weekday inside a quotation counts from the speaker's day: left open
    assert by_text["Monday"].date is None
    # without the shared claim, a lead sentence of the same named day in like words
    # places it too; one in other words does not
    alone = {e.date_text: e for e in story_events(arts, _story_facts(arts))}
    assert alone["Tuesday"].date == "2025-11-04"
    other = art("The harbour reopened to fishing boats on Tuesday after repairs.", None, "a2")
    apart = story_events([arts[0], other], _story_facts([arts[0], other]))
    assert {e.date_text: e.date for e in apart}["Tuesday"] is None


def test_a_retold_background_fact_places_no_article() -> None:
    """The undated article tells the dated news far from its lead (a sibling event's
    background): its own weekday is not counted from that news."""
    dated_text = "Chile signed the river treaty in Lima on Tuesday, the ministry said."
    undated_text = (
        "Peru rejected the river treaty on Friday in a vote of its assembly. "
        + "The vote was close and the debate was long. " * 14
        + "Chile signed the river treaty in Lima on Tuesday, weeks before."
    )
    arts = [art(dated_text, "2025-11-05", "a1"), art(undated_text, None, "a2")]
    spans = _claim_spans(arts, "Chile signed the river treaty in Lima on Tuesday")
    evs = story_events(arts, _story_facts(arts), spans)
    assert {e.date_text: e.date for e in evs}["Friday"] is None


def test_a_weekday_of_no_clear_tense_stays_open() -> None:
    dated_text = "Chile signed the river treaty in Lima on Tuesday, the ministry said."
    undated_text = (
        "Chile signed the river treaty in Lima on Tuesday after two years of talks. "
        "The counting starts on Sunday in every district."
    )
    arts = [art(dated_text, "2025-11-05", "a1"), art(undated_text, None, "a2")]
    spans = _claim_spans(arts, "Chile signed the river treaty in Lima on Tuesday")
    evs = story_events(arts, _story_facts(arts), spans)
    assert {e.date_text: e.date for e in evs}["Sunday"] is None


def test_a_claim_the_article_does_not_date_to_that_day_places_nothing() -> None:
    """The dated lead tells a later step of the shared fact ("ordered the ferry sold on
    Tuesday, after it sank"); the undated one says "today", which names every day of
    the window: its "next week" is not counted from the dated article's days."""
    dated_text = "The court on Tuesday ordered the old ferry sold after it sank in Lima harbour."
    undated_text = (
        "The old ferry sank in Lima harbour today after it was ordered sold. "
        "Next week the court will hear the owners."
    )
    arts = [art(dated_text, "2025-11-05", "a1"), art(undated_text, None, "a2")]
    spans = {"a1": [(0, 78, "c1")], "a2": [(0, 67, "c1")]}
    by_text = {e.date_text: e for e in story_events(arts, _story_facts(arts), spans)}
    assert by_text["Next week"].date is None


def test_an_intention_puts_a_yearless_month_ahead() -> None:
    dated_text = "Chile is drafting a treaty with its neighbours on shared rivers."
    undated_text = (
        "The assembly expects to vote on the river treaty in February. "
        "The first draft was read in March."
    )
    arts = [art(dated_text, "2025-10-20", "a1"), art(undated_text, None, "a2")]
    by_text = {e.date_text: e.date for e in story_events(arts, _story_facts(arts))}
    assert by_text["February"] == "2026-02"
    assert by_text["March"] == "2025-03"


def test_the_month_may_is_no_modal_for_an_undated_articles_year() -> None:
    """ "proposed the rules in May" in an undated article of a March story: "May" is the
    month, not the modal "may", so the clause is past and the month last year's."""
    dated_text = "The Alder council restored the river rules on Tuesday."
    undated_text = (
        "The Alder council proposed the river rules in May and has since heard objections."
    )
    arts = [art(dated_text, "2031-03-04", "a1"), art(undated_text, None, "a2")]
    by_text = {e.date_text: e for e in story_events(arts, _story_facts(arts))}
    assert by_text["May"].date == "2030-05"
    assert sentence_tense("The Alder council may meet in June") == "unknown"

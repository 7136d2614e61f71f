"""The composed brief: clean fact sentences with counts, who said what, where outlets differ.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from report_fixture import cite, story_fixture
from storyline.models import Cite, Event, Quote
from storyline.stages.analysis.brief import (
    balanced_quotes,
    clean_sentence,
    joint_speaker,
    outlet_label,
    reported_by_speech,
    written_speaker,
)
from storyline.stages.analysis.report import build_report


@pytest.mark.parametrize(
    "text",
    [
        "The harbour council voted on Tuesday to extend the ferry service until next spring.",
        "Valdoria has offered two patrol boats to the mission, its navy chief said.",
    ],
)
def test_clean_sentence_keeps_ordinary_news_sentences(text: str) -> None:
    assert clean_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        # an ALL-CAPS kicker: a headline stated as fact
        "DESPERATION: Harbour board files a complaint against the Valdorian ferry company.",
        # title-cased words: a headline
        "Harbour Board Files Complaint Against Valdorian Ferry Company Over Late Sailings.",
        # a photo caption with its credit
        "Fishermen unload their catch at the old pier in Port Elm on Monday (Photo/Jane Roe).",
        # a quote mark opened and never closed
        "“We will not wait any longer, the mayor of Port Elm told reporters on Friday.",
        # no finite verb
        "A long night of talks in Port Elm for the harbour board and the ferry unions.",
        # a pronoun pointing outside the brief
        "He later added that the harbour board would meet again next Tuesday morning.",
        # a quotation: it belongs to "who said what", with its speaker
        "“We will not wait any longer,” the mayor of Port Elm told reporters on Friday.",
        # too short to be a fact
        "Talks went on.",
        # cut inside a bracket by the sentence splitter
        "Over the last two years the harbour show has stood as the top rated in adults (14.",
    ],
)
def test_clean_sentence_rejects_captions_headlines_and_broken_text(text: str) -> None:
    assert not clean_sentence(text)


def test_clean_sentence_rejects_an_articles_title() -> None:
    title = "the harbour board has extended the ferry service until next spring in port elm"
    text = "The harbour board has extended the ferry service until next spring in Port Elm."
    assert clean_sentence(text)
    assert not clean_sentence(text, [title])


def test_balanced_quotes() -> None:
    assert balanced_quotes("“Yes,” she said. “No,” he said.")
    assert not balanced_quotes("“Yes, she said.")
    assert not balanced_quotes('He said "yes.')


def test_outlet_label_uses_outlet_then_site_then_number() -> None:
    _, arts, _ = story_fixture()
    assert outlet_label(arts[0], 0) == "Daily Meridian"
    bare = replace(arts[0], outlet=None, url="https://www.harbour-news.example/a/1")
    assert outlet_label(bare, 0) == "harbour-news.example"
    assert outlet_label(replace(arts[0], outlet=None, source="x.txt"), 2) == "A3"


def test_brief_has_facts_speakers_and_differences_in_that_order() -> None:
    story, arts, facts = story_fixture()
    report = build_report(story, arts, facts)
    kinds = [
        "fact" if b.text.endswith("sources)") else "said" if " said" in b.text else "differ"
        for b in report.brief
    ]
    assert kinds[0] == "fact"
    assert "said" in kinds and "differ" in kinds
    assert kinds.index("said") < kinds.index("differ")
    said = next(b for b in report.brief if b.text.startswith("Mira Castell said: “"))
    assert said.text.endswith("”")
    # the quote and its copy's echo are both cited
    assert {c.article for c in said.cites} == {"aaaa", "bbbb"}
    differ = next(b for b in report.brief if b.text.startswith("Outlets differ on who"))
    # each side's words, then its outlets; the topic's own words are said once
    assert "vs Southland and Westport (Harbor Times)." in differ.text
    assert "Northland and Eastmark (Daily Meridian" in differ.text
    assert differ.text.count("drafting the resolution") == 1


def test_brief_never_asserts_a_denied_or_conditional_quote() -> None:
    story, arts, facts = story_fixture()
    a = arts[0]
    denied = Quote(
        "Northland officials stressed that the mission will not be a combat operation",
        "Lena Vost", "per:lena-vost", None, "indirect",
        cite(a, "Officials stressed that the mission will not be a combat operation"),
        "denied", 0.9,
    )  # fmt: skip
    cond = replace(denied, speaker="Oren Hale", speaker_entity="per:oren-hale")
    cond.polarity = "conditional"
    facts[0].quotes += [denied, cond]
    report = build_report(story, arts, facts)
    assert not any("Lena Vost" in b.text or "Oren Hale" in b.text for b in report.brief)


def test_brief_does_not_repeat_a_fact() -> None:
    story, arts, facts = story_fixture()
    report = build_report(story, arts, facts)
    texts = [b.text for b in report.brief]
    assert len(texts) == len(set(texts))
    # the copy's lead is not a second sentence: it is a cite of the original's
    leads = [t for t in texts if t.startswith("Northland and Eastmark are drafting")]
    assert len(leads) == 1


def test_who_said_what_names_speakers_as_subjects_and_skips_fragments() -> None:
    story, arts, facts = story_fixture()
    c, d = arts[2], arts[3]
    said = "the mission should include observers from the region"
    facts[2].quotes += [
        Quote(said, "ferry company", None, None, "indirect", cite(d, said), "asserted", 0.9),
        Quote(
            "remain unclear", "harbour master Lena Vost", None, None, "partial",
            cite(c, "remain unclear"), "asserted", 0.9,
        ),
    ]  # fmt: skip
    report = build_report(story, arts, facts)
    texts = [b.text for b in report.brief]
    assert any(t.startswith("The ferry company said ") for t in texts)
    assert not any("Lena Vost" in t for t in texts)  # a lower-case fragment is no quote to show


def test_update_sentence_names_the_move_and_its_days() -> None:
    from storyline.stages.analysis.brief import _update_sentence

    _, arts, _ = story_fixture()
    ev = Event("2031-03-05", "2031-03-02 → 2031-03-05", "officers: 500 → 800", [],
               [cite(arts[0], "Valdoria"), cite(arts[2], "Valdoria")])  # fmt: skip
    b = _update_sentence(ev)
    assert b.text == "Changed between reports: officers: 500 → 800 (2031-03-02 → 2031-03-05)."
    ev.summary = "killed: 2 → Six people"
    assert _update_sentence(ev).text == (
        "The number of people killed changed between reports: 2 → six people "
        "(2031-03-02 → 2031-03-05)."
    )
    assert len(b.cites) == 2


def test_who_said_what_needs_a_cue_of_speech_beside_reported_speech() -> None:
    story, arts, facts = story_fixture()
    c = arts[2]
    said = "The force would work under a single command, operating in close coordination"
    facts[2].quotes += [
        Quote(said, "ferry company", None, None, "indirect", cite(c, said), "asserted", 0.9),
    ]
    report = build_report(story, arts, facts)
    # no "said" beside it in the article (a narrated sentence read as speech): not "… said …"
    assert not any("single command" in b.text for b in report.brief)


def test_reported_by_speech_reads_the_cue_before_or_after() -> None:
    text = (
        "The mayor said that the pier would reopen in May. The board seems to want a new pier "
        "by the spring. The ferry will run late on Sundays, the council announced on Friday. "
        "Harbour board: a new pier by the spring"
    )

    def at(part: str) -> Cite:
        i = text.index(part)
        return Cite("a", i, i + len(part))

    assert reported_by_speech(text, at("the pier would reopen in May"))
    assert not reported_by_speech(text, at("a new pier by the spring."))
    assert reported_by_speech(text, at("The ferry will run late on Sundays"))
    assert not reported_by_speech(text, Cite("a", len(text) - 23, len(text)))


def test_joint_speaker_names_both_people_of_a_joint_statement() -> None:
    text = (
        "“We are glad to have her back,” said Roe and Penn. “She is loved in every harbour town.”"
        "\n\n“The ferries will run late,” Roe said. Both Roe and Velt complained about the noise."
    )

    def q(part: str) -> Quote:
        i = text.index(part)
        return Quote(part, "Jana Roe", "per:jana-roe", None, "direct", Cite("a", i, i + len(part)))

    assert joint_speaker(q("We are glad to have her back,"), text) == "Roe and Penn"
    assert joint_speaker(q("She is loved in every harbour town."), text) == "Roe and Penn"
    # its own attribution names one person; a pair that complains is not a joint statement
    assert joint_speaker(q("The ferries will run late,"), text) is None


def test_a_sentence_split_inside_a_number_is_no_fact_and_no_quote() -> None:
    from storyline.stages.analysis.brief import _number_cut

    text = "Thieves took watches worth $2. 6 million from the shop, police said. It was 9 p.m."
    cut = text.index("$2.") + 3
    assert _number_cut(text, cut)
    assert not _number_cut(text, text.index(" It was"))


def test_written_speaker_gives_a_cut_possessive_whole_and_skips_a_cut_role() -> None:
    text = (
        "The ferry ran late again on Sunday. The City Harbour's office said the case was open."
        "\n\nFormer star skipper Jo Varn and other sailors have alleged that the fees were paid."
    )

    def q(speaker: str, part: str) -> Quote:
        i = text.index(part)
        return Quote(part, speaker, None, None, "indirect", Cite("a", i, i + len(part)))

    said = q("Harbour's office", "the case was open")
    assert written_speaker(said, text) == "The City Harbour's office"
    assert written_speaker(q("Former star", "the fees were paid"), text) is None
    assert written_speaker(q("ferry", "the case was open"), text) == "ferry"  # not written near


def test_a_long_article_is_split_into_sentences_once_for_all_its_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The brief looks near every quote's cite; splitting the whole article again for each
    quote made a long article's brief quadratic (issue 21's worst case took minutes)."""
    from storyline import text as text_module
    from storyline.stages.analysis import brief

    calls: list[int] = []
    real = text_module.sentence_spans

    def counting(text: str) -> Iterator[tuple[int, int]]:
        calls.append(1)
        return real(text)

    monkeypatch.setattr(text_module, "sentence_spans", counting)
    text_module.sentence_index.cache_clear()
    text = " ".join(f'Pier {i} shut. "We stay open," Jana Roe said on day {i}.' for i in range(200))
    for i in range(200):
        at = text.index(f'"We stay open," Jana Roe said on day {i}.')
        c = Cite("a", at + 1, at + 14)
        assert reported_by_speech(text, c)
        q = Quote("We stay open,", "Jana Roe", "per:jana-roe", None, "direct", c)
        assert brief.written_speaker(q, text) == "Jana Roe"
    assert len(calls) == 1

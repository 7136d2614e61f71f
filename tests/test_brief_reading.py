"""The brief as an editor reads it: the main event told once, no sentence that points outside
itself, no speaker given twice or taken from a place, no update between different counts.

Every example is made up for the project (invented places and people).
"""

from __future__ import annotations

import pytest

from report_fixture import article, cite, story_fixture
from storyline.models import ArticleFacts, Cite, Event, Quote, Story
from storyline.stages.analysis.brief import (
    _opening_case,
    _quote_text,
    _surname,
    _update_sentence,
    clean_sentence,
    written_speaker,
)
from storyline.stages.analysis.report import build_report


@pytest.mark.parametrize(
    "text",
    [
        # the source is a pronoun: who "it" is lies in another sentence
        "The ferry company was fined twice for late sailings on the northern route, it said.",
        # a possessive opener points outside the brief
        "His licence was revoked and he returned to the harbour board in May with a new plan.",
        # a connective goes on from a sentence the reader never saw
        "Meanwhile, the harbour board still has a seven-year offer on the table from Port Elm.",
        # a hedge: the article itself is not sure of it
        "Apparently, the ferry company would like a November date for the new Tarn crossing.",
        # an opening clause, then a pronoun for a subject
        "After joining the harbour board as a clerk, he ran the northern ferry line for years.",
        # someone's words with no one saying them
        'The 27-year-old skipper "was hit from behind and never saw the other boat coming."',
        # trailing off
        "The offer from the harbour board is thought to run for seven years or more...",
        # cut by the sentence splitter after an initial ("N.J.")
        "The harbour board once paid every constable in the town of Brill, N.",
        # "It's" is "it": a pronoun opener
        "It's taken ages, but the Tarn ferry has finally left the old pier today.",
    ],
)
def test_clean_sentence_rejects_sentences_that_point_outside_themselves(text: str) -> None:
    assert not clean_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        # a short scare quote is no one's words
        'A fire at the Port Elm pier is being treated as "potentially suspicious" by the police.',
        # a quotation with its saying beside it
        'In 2029 the skipper told the Harbour Times, "I am the one who steered the boat that night."',
        # an opening clause with a name for its subject
        "After joining the harbour board as a clerk, Jo Varn managed the northern ferry line for years.",
    ],
)
def test_clean_sentence_keeps_named_and_attributed_sentences(text: str) -> None:
    assert clean_sentence(text)


def _story(texts: list[str]) -> tuple[Story, list, list[ArticleFacts]]:
    arts = [
        article(f"a{i}", t, outlet=f"Outlet {i}", published="2031-03-02")
        for i, t in enumerate(texts)
    ]
    story = Story("s", "Port Elm", [a.id for a in arts], None, None, len(arts))
    return story, arts, [ArticleFacts(a.id) for a in arts]


def test_the_main_event_is_told_once_in_the_brief() -> None:
    # three outlets' leads tell one robbery, each in its own words; their bodies tell more
    story, arts, facts = _story(
        [
            "Four armed men, two of them dressed as fishermen, made off with $3 million of "
            "pearls from a famed Port Elm jeweller on Thursday.\n\n"
            "The suspect is being held at the Tarn station without bail until Monday.",
            "A gang of four thieves disguised as fishermen on Thursday stole nearly all the pearls "
            "on display at the Varn boutique, just off the Tarn quay.\n\n"
            "The families of the two crews had asked for a new inquiry in the spring.",
            "Up to four raiders burst into the Varn shop in Port Elm on Thursday "
            "afternoon, and its pearls were taken, police said.\n\n"
            "A court hearing is expected to take place in Valdor next Thursday morning.",
        ]
    )
    texts = [b.text for b in build_report(story, arts, facts).brief]
    told = [t for t in texts if "pearls" in t]
    assert len(told) == 1, texts
    # the other outlets' own facts are still told
    assert any("without bail" in t for t in texts)
    assert any("new inquiry" in t for t in texts)


def test_a_lead_on_another_matter_is_no_retelling() -> None:
    story, arts, facts = story_fixture()
    texts = [b.text for b in build_report(story, arts, facts).brief]
    assert any(t.startswith("Northland and Eastmark are drafting") for t in texts)
    assert any(t.startswith("Valdoria offered 5,000 or more police officers") for t in texts)


def test_a_direct_quote_opening_with_a_pronoun_or_but_is_not_shown() -> None:
    text = "“That is really old for a harbour town,” the clerk said. “We loved the old pier.”"

    def q(part: str) -> Quote:
        i = text.index(part)
        return Quote(part, "Jo Varn", None, None, "direct", Cite("a", i, i + len(part)))

    assert _quote_text(q("That is really old for a harbour town,")) is None
    assert (
        _quote_text(
            replace_text(q("We loved the old pier."), "But inside, there was timber everywhere.")
        )
        is None
    )
    assert _quote_text(q("We loved the old pier.")) is None  # five words: too short anyway
    long = "We loved the old pier and we will build it again,"
    assert _quote_text(
        Quote(long, "Jo Varn", None, None, "direct", Cite("a", 0, 1))
    ) == long.rstrip(",")


def replace_text(q: Quote, text: str) -> Quote:
    from dataclasses import replace

    return replace(q, text=text)


def test_one_speaker_is_given_once_under_two_names() -> None:
    story, arts, facts = story_fixture()
    a = arts[0]
    said = "the mission must have a clear mandate"
    # "Castell" without a speaker entity: the same person as "Mira Castell"
    facts[0].quotes.append(
        Quote(said, "Castell", None, None, "indirect", cite(a, said), "asserted", 0.9)
    )
    texts = [b.text for b in build_report(story, arts, facts).brief]
    assert sum("Castell said" in t for t in texts) == 1
    assert _surname("Emanuel Steward") == _surname("Steward") == "steward"
    assert _surname("the police") == ""


def test_reported_speech_keeps_a_capital_only_for_a_name() -> None:
    article_text = (
        "Relief boats have already been sent to the pier, the official said. The relief "
        "effort will go on. Inevitably, blame will fall on the board, the clerk says. "
        "The board met Varn on Monday. Varn will lead the inquiry, officials said."
    )
    assert _opening_case("Relief boats have already been sent", article_text) == (
        "relief boats have already been sent"
    )
    assert _opening_case("Inevitably, blame will fall on the board", article_text) is None
    assert _opening_case("Varn will lead the inquiry", article_text) == "Varn will lead the inquiry"
    assert _opening_case("the board met", article_text) == "the board met"


def test_written_speaker_skips_a_place_and_completes_a_cut_name() -> None:
    text = (
        "Many ferry firms keep their offices on the quay, says the Harbour Times's Jo Varn in "
        "Port Elm. Tarn Ferries said it would publish the new timetable. Sailings to Lunia are "
        "not affected, it said."
    )

    def q(speaker: str, part: str) -> Quote:
        i = text.index(part)
        return Quote(part, speaker, None, None, "indirect", Cite("a", i, i + len(part)))

    assert written_speaker(q("Port Elm", "Many ferry firms keep their offices"), text) is None
    said = q("Tarn", "Sailings to Lunia are not affected")
    assert written_speaker(said, text) == "Tarn Ferries"


def test_no_update_between_counts_of_different_people() -> None:
    _, arts, _ = story_fixture()
    ev = Event("2031-03-05", "2031-03-02 → 2031-03-05", "killed: two women → 3", [],
               [cite(arts[0], "Valdoria")])  # fmt: skip
    assert _update_sentence(ev) is None  # "two women and one man": three people
    ev.summary = "killed: three people → 10"
    b = _update_sentence(ev)
    assert b is not None and b.text.startswith("The number of people killed changed")


def test_a_direct_quote_credited_to_someone_else_is_not_given_to_its_speaker() -> None:
    from storyline.stages.analysis.brief import _credited_to_other

    text = (
        "Police said the crowd fell back. “I am in the middle of the crowd at Elm Street. Right "
        "now, things are tense,” Harbour Councilman Jo T. Varn, who represents the area, said on "
        "the radio. “We will keep the pier open tonight,” Mira Castell said. “There are very "
        "few posters around the town,” said Ilse, 45, a resident of Port Elm."
    )

    def q(speaker: str, part: str) -> Quote:
        i = text.index(part)
        return Quote(part, speaker, None, None, "direct", Cite("a", i, i + len(part)))

    inside = "I am in the middle of the crowd at Elm Street."
    assert _credited_to_other(q("Police", inside), "Police", text)
    assert not _credited_to_other(q("Jo Varn", inside), "Jo Varn", text)
    castell = q("Mira Castell", "We will keep the pier open tonight,")
    assert not _credited_to_other(castell, "Mira Castell", text)
    resident = q("Officials", "There are very few posters around the town,")
    assert _credited_to_other(resident, "Officials", text)
    assert not _credited_to_other(resident, "Ilse", text)


def test_a_quote_holding_another_quotation_is_not_shown() -> None:
    nested = "I said, 'Oh, no, can anyone help me at the pier tonight."
    q = Quote(nested, "Jo Varn", None, None, "direct", Cite("a", 0, len(nested)))
    assert _quote_text(q) is None


def test_an_it_pointing_at_its_own_clause_stays_and_an_adjective_is_no_verb() -> None:
    from storyline.stages.analysis.brief import _has_finite_verb

    text = "It is important not to open another front on the river this summer."
    q = Quote(text, "Jo Varn", None, None, "direct", Cite("a", 0, len(text)))
    assert _quote_text(q) == text
    said = "the expansion of new fish farms in the occupied northern bays"
    assert not _has_finite_verb(said)
    assert _quote_text(Quote(said, "Jo Varn", None, None, "indirect", Cite("a", 0, 5))) is None
    assert _has_finite_verb("the board approved new fish farms in the bays")


def test_leads_on_different_days_are_two_moments_not_one_retold() -> None:
    story, arts, facts = _story(
        [
            "Valdor and Lunia reached an agreement on Thursday on how to share the Tarn River, "
            "ending ten days of talks in Port Elm.",
            "Negotiators from Valdor and Lunia opened a final round in Port Elm on Monday, "
            "weeks before the dry season begins.",
        ]
    )
    texts = [b.text for b in build_report(story, arts, facts).brief]
    assert any("on Thursday" in t for t in texts)
    assert any("on Monday" in t for t in texts)


def test_a_sentence_inside_a_quotation_is_no_fact() -> None:
    from storyline.stages.analysis.brief import _candidates

    text = (
        "The harbour board approved the new pier plan on Tuesday after a long debate. "
        "“Threats to the bay keep changing every single year. Putting limits on the science "
        "that informs the plan undermines the whole harbour board,” said Jo Varn, a biologist. "
        "The board rejected that view in a second vote held on Friday evening."
    )
    got = [s.text for s in _candidates([article("q1", text)])]
    assert got[0].startswith("The harbour board approved")
    assert got[-1].startswith("The board rejected that view")
    assert not any(t.startswith("Putting limits") for t in got)

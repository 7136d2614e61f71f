"""Noun speakers and false quotes, thirteenth session (issue 17, PolNeAR spkNoun and qP).

All text here is written for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from quote_fixture import MODES, one, quotes


@pytest.mark.model
def test_a_demonstrative_after_a_preposition_stays_in_the_speaker_phrase() -> None:
    text = (
        "The harbor is quiet. “I think the vote is near,” said a consultant for one of "
        "these bidders, who asked that her name be kept out of print."
    )
    speaker = one(quotes(text, "spacy"), "vote is near").speaker
    assert speaker is not None and "consultant" in speaker


@pytest.mark.parametrize("mode", MODES)
def test_a_demonstrative_opening_a_clause_is_still_no_speaker(mode: str) -> None:
    text = "“The tides will turn,” these are the words the board chose."
    assert one(quotes(text, mode), "tides will turn").speaker is None


@pytest.mark.model
def test_a_web_address_in_the_apposition_does_not_end_the_speaker_phrase() -> None:
    text = (
        "The board met on Monday. “We need a new plan for the docks,” Lena Varga, the "
        "harbor planner who founded dockwatch.org, wrote on Tuesday. “The old one is dead.”"
    )
    found = quotes(text, "spacy")
    assert one(found, "new plan").speaker == "Lena Varga"
    assert one(found, "old one").speaker == "Lena Varga"


@pytest.mark.model
def test_an_initialism_in_the_apposition_does_not_end_the_speaker_phrase() -> None:
    text = (
        "“We cannot wait for the levy,” Arno Pike, a former director of the D.F.W.-H.A.T. "
        "and longtime harbor organizer, said."
    )
    assert one(quotes(text, "spacy"), "cannot wait").speaker == "Arno Pike"


@pytest.mark.model
def test_the_attribution_closing_a_clause_joined_by_and_names_the_speaker() -> None:
    text = "“The docks are busy again,” and shipping began to pick up last week, Velden said."
    assert one(quotes(text, "spacy"), "docks are busy").speaker == "Velden"


@pytest.mark.model
def test_a_clause_joined_by_and_with_no_attribution_of_its_own_names_no_one() -> None:
    text = "“We will win,” and the crowd cheered for a minute, before Velden left."
    assert one(quotes(text, "spacy"), "We will win").speaker is None


@pytest.mark.model
def test_an_and_clause_then_a_conjunction_is_no_attribution() -> None:
    text = "“The docks are busy again,” and prices rose sharply, but analysts said."
    assert one(quotes(text, "spacy"), "docks are busy").speaker is None


@pytest.mark.model
def test_as_someone_put_it_across_a_quoted_title_in_the_apposition() -> None:
    text = (
        "The council fears a closed port. As Mara Velden, professor of maritime law at "
        "Orlen and author of “The Open Sea,” put it, “The council should remember that the "
        "harbor belongs to everyone. It may regret the vote if the tides do not turn its way.”"
    )
    q = one(quotes(text, "spacy"), "should remember")
    assert (q.kind, q.speaker) == ("direct", "Mara Velden")


@pytest.mark.parametrize("mode", MODES)
def test_a_subhead_in_capitals_on_its_own_line_is_no_quote(mode: str) -> None:
    text = (
        "The harbor board will meet whoever wins the vote in May, a spokesman said.\n"
        "“A TOWN THAT NEVER SLEEPS”\n"
        "Velden has visited the port twice this year. “It is a town that never sleeps,” "
        "Velden said on Friday."
    )
    found = quotes(text, mode)
    assert not [q for q in found if "NEVER" in q.text]
    assert one(found, "never sleeps").speaker == "Velden"


@pytest.mark.parametrize("mode", MODES)
def test_a_quoted_label_on_its_own_line_is_no_quote(mode: str) -> None:
    text = "“We will raise the levy,” Velden said.\n\n“Related:”\n\nHarbor levy vote set for May."
    found = quotes(text, mode)
    assert [q.text for q in found] == ["We will raise the levy,"]


@pytest.mark.parametrize("mode", MODES)
def test_words_in_capitals_introduced_by_a_colon_stay_a_quote(mode: str) -> None:
    text = "Velden posted on Friday morning:\n\n“VOTE NO ON THE LEVY!”\n\nThe vote is on Monday."
    assert one(quotes(text, mode), "VOTE NO").speaker == "Velden"


@pytest.mark.model
def test_a_preposition_then_a_reporting_form_read_as_a_noun_names_no_one() -> None:
    text = (
        "Several skippers said they would rather the ministry hand the ferry money over in "
        "“lump transfers” to states, so each can pick its own routes."
    )
    assert one(quotes(text, "spacy"), "lump transfers").speaker in ("Several skippers", None)


@pytest.mark.model
def test_a_quotation_in_an_adverbial_clause_is_not_the_main_subjects() -> None:
    text = (
        "When Velden turned to the storm damage and said she would “keep every crane "
        "running,” the hall erupted in cheers."
    )
    assert one(quotes(text, "spacy"), "every crane").speaker in ("Velden", None)


@pytest.mark.model
def test_a_plural_noun_before_the_verb_stays_in_the_subject_phrase() -> None:
    text = "The port was quiet on Monday. “Close the gates!” some dockworkers chanted, a day later."
    assert one(quotes(text, "spacy"), "Close the gates").speaker == "some dockworkers"


@pytest.mark.model
def test_a_plural_subject_with_the_article_then_any_verb_speaks() -> None:
    text = "“Close the gates!” the dockworkers chanted."
    assert one(quotes(text, "spacy"), "Close the gates").speaker == "dockworkers"


@pytest.mark.model
def test_an_inverted_attribution_after_a_prepositional_phrase_names_its_subject() -> None:
    text = (
        "The council met on Monday. Mrs. Velden ought to start “mending fences” with "
        "Mr. Pike, said Lena Varga, a former adviser to the mayor."
    )
    assert one(quotes(text, "spacy"), "mending fences").speaker == "Lena Varga"


@pytest.mark.parametrize("mode", MODES)
def test_a_prepositional_phrase_then_a_name_and_its_verb_still_attributes(mode: str) -> None:
    text = "“We will win,” in a statement on Friday, Velden said."
    assert one(quotes(text, mode), "We will win").speaker == "Velden"


@pytest.mark.parametrize("mode", MODES)
def test_goes_on_with_an_object_is_no_reporting_verb(mode: str) -> None:
    text = "Velden said that once the board goes on recess, “I will tour every quay on the coast.”"
    assert one(quotes(text, mode), "every quay").speaker == "Velden"

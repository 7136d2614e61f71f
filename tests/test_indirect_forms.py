"""Indirect speech beyond "X said (that) C" (issue 17): infinitives of intentions and requests,
objects with their predicate, reporting nouns, "in X's view", "as X put it", "according to X"
inside a sentence, gerunds after a report, named sources of speech verbs.

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from storyline.models import Quote
from test_indirect import indirect, the_one
from test_quotes import quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # an intention or a promise: its infinitive, with its "to" (PolNeAR's contents keep it)
        (
            "Mayor Ilse Varga vowed to reopen the ferry terminal before the winter storms.",
            "to reopen the ferry terminal before the winter storms",
            "Ilse Varga",
        ),
        # a request: the addressee and the infinitive
        (
            "Tomas Brandt urged the harbour board to publish the repair accounts.",
            "the harbour board to publish the repair accounts",
            "Tomas Brandt",
        ),
        # an object with its predicate ("called the plan a gamble")
        (
            "Tomas Brandt called the new ferry timetable a gamble with the island's jobs.",
            "the new ferry timetable a gamble with the island's jobs",
            "Tomas Brandt",
        ),
        # a noun object of a speech cue ("X described the plan")
        (
            "Ilse Varga described the repairs of the pier at the council meeting.",
            "the repairs of the pier",
            "Ilse Varga",
        ),
        # a gerund after a report
        (
            "Tomas Brandt reported having forty thousand crowns left in the harbour fund.",
            "having forty thousand crowns left in the harbour fund",
            "Tomas Brandt",
        ),
        # a name that speaks is a source, even with no actor found for it
        (
            "The Dunmore Courier reported the ferry company had lost its licence.",
            "the ferry company had lost its licence",
            "Dunmore Courier",
        ),
    ],
)
def test_object_infinitive_and_gerund_contents(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.endswith(speaker)
    assert q.polarity == "asserted"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a reporting noun with its infinitive, issued by the verb's subject
        (
            "Ilse Varga made a promise to rebuild the north quay within two years.",
            "to rebuild the north quay within two years",
            "Ilse Varga",
        ),
        # a reporting noun with a clause and no "that"
        (
            "Tomas Brandt voiced concern the harbour dredging would harm the oyster beds.",
            "the harbour dredging would harm the oyster beds",
            "Tomas Brandt",
        ),
        # the object of a speech cue keeps its noun ("announced [his decision to …]", as
        # PolNeAR's contents have it)
        (
            "Tomas Brandt expressed concern that the dredging would harm the oyster beds.",
            "concern that the dredging would harm the oyster beds",
            "Tomas Brandt",
        ),
    ],
)
def test_reporting_nouns(text: str, content: str, speaker: str) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.endswith(speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "In Ilse Varga's view, the island needs a second ferry before the summer.",
            "the island needs a second ferry before the summer",
            "Ilse Varga",
        ),
        (
            "As Tomas Brandt put it, the harbour fund is running on fumes.",
            "the harbour fund is running on fumes",
            "Tomas Brandt",
        ),
        (
            "The north quay will stay closed until March, as Ilse Varga said.",
            "The north quay will stay closed until March",
            "Ilse Varga",
        ),
        # "according to X" inside the sentence: all of the sentence is X's
        (
            "Since the spring, according to the port authority, the ferry has lost money.",
            "Since the spring, according to the port authority, the ferry has lost money",
            "port authority",
        ),
    ],
)
def test_framing_phrases_give_the_rest_of_the_sentence(
    text: str, content: str, speaker: str
) -> None:
    q = the_one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.endswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        # an expectation about someone is nobody's words (precision)
        "Ilse Varga is expected to reopen the ferry terminal before the winter.",
        # trying is what a source did, not what it said
        "Tomas Brandt tried to sell the old ferry to a museum in the south.",
        # a source's wish about itself is no content
        "A harbour official, who asked not to be named, gave no figures at the meeting.",
        # a thing intends nothing
        "The storm season threatens to close the harbour for most of January.",
        # a plan to do something is an action, not a statement
        "Ilse Varga's plan to widen the quay was approved on Monday by the board.",
        # a bare name as the object: whom the source backs, not what it says
        "The fishermen's union endorsed Ilse Varga for the council seat.",
        # an inverted attribution: the words after "said" are the speaker
        "The ferry will run again on Friday, said Tomas Brandt, the harbour master.",
    ],
)
def test_not_attributions(text: str) -> None:
    found = indirect(quotes(text, "spacy"))
    assert all("Tomas Brandt, the harbour master" not in c for c, _ in found)
    if "said Tomas Brandt" not in text:
        assert found == []


def test_a_denied_object_is_never_asserted() -> None:
    q = the_one("Ilse Varga denied the report about the harbour fund on Friday.")
    assert q.text.startswith("the report about the harbour fund")
    assert q.polarity == "denied"


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brandt did not promise to rebuild the north quay this year.",
        "Tomas Brandt declined to discuss the repair bill with the local paper.",
        "Tomas Brandt refused to endorse the harbour board's new timetable.",
    ],
)
def test_a_negated_or_refused_content_is_never_asserted(text: str) -> None:
    found: list[Quote] = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert all(q.polarity != "asserted" for q in found), [(q.text, q.polarity) for q in found]

"""Indirect speech, the speaker of a parsed cue (issue 17, the tenth session): the subject
phrase as the parse bounds it, not the sentence up to the verb; a subject's relative or
participial clause, example phrase or further conjuncts name no speaker; an agent names the
asker of a fronted passive; an infinitive controlled by a person as object gives no source.

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from test_indirect import indirect
from test_quotes import quotes

spacy = pytest.mark.model


@spacy
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a trailing attribution: the content's own subject is no speaker
        (
            "Lena Roe, 51, who is married to a senior aide, sent pictures to another man, "
            "the Harbour Gazette reported.",
            "sent pictures to another man",
            "Harbour Gazette",
        ),
        # a participial or relative clause on the subject names no speaker
        (
            "A panel of reporters led by Lena Roe agreed Saturday that the toll plan was "
            "unworkable.",
            "the toll plan was unworkable",
            "panel",
        ),
        (
            "A copy of the council memo seen by the Harbour Gazette said inspectors could "
            "not find the cause.",
            "inspectors could not find the cause",
            "copy",
        ),
        # a list of speakers: the first is named, not the last
        (
            "Ivo Penn, Lena Roe and Tomas Lind argued that the toll plan would fail.",
            "the toll plan would fail",
            "Ivo Penn",
        ),
        # an example phrase on a group names no speaker
        (
            "Other prominent mayors, like Ivo Brandt, Lena Roe and Tomas Lind, have also "
            "said they back the plan.",
            "they back the plan",
            "Other prominent mayors",
        ),
        # the agent of a fronted passive cue asks
        (
            "Asked by Mira Holm to respond to the criticism, Ostrov said the port would stay open.",
            "to respond to the criticism",
            "Mira Holm",
        ),
        # a share the parse heads with a number: the share as written, not "two" or "five"
        (
            "On the toll, nearly two-thirds of Velmar primary voters said that the bridge "
            "does more harm than good.",
            "the bridge does more harm than good",
            "nearly two-thirds of Velmar primary voters",
        ),
        (
            "Four in five said they would turn out, and nearly two in five said they are far "
            "less inclined to.",
            "they are far less inclined to",
            "nearly two in five",
        ),
        # a headline line run into the sentence is no part of the subject
        (
            "'Ferries for everyone.' His union organisers here said they have been canvassing "
            "the valley since the autumn.",
            "they have been canvassing the valley since the autumn",
            "His union organisers",
        ),
        # a participle predicated of the governing verb's object: the object says it
        (
            "The closures of two mills have left 58 percent of voters saying jobs are "
            "getting scarce.",
            "jobs are getting scarce",
            "58 percent of voters",
        ),
        (
            "The depth of her hedging has left many senators, including her allies, "
            "wondering what she actually wants.",
            "what she actually wants",
            "many senators",
        ),
        # ... but after a comma closing a plain object, the subject's
        (
            "Lena Roe criticized the mayors, saying that the toll would cost too much.",
            "the toll would cost too much",
            "Lena Roe",
        ),
        # an infinitive reads the subject the parse gives its verb, not the nearest noun
        (
            "Teachers and veteran Velmar organisers are scratching their heads trying to figure "
            "out why Roe is losing ground to Penn.",
            "why Roe is losing ground to Penn",
            "Teachers",
        ),
        # unchanged: an apposition's relative clause, a name in apposition, a conjunct verb
        (
            "Jane Roe, a lawyer who represents Ivo Penn, said the appeal would be filed in May.",
            "the appeal would be filed in May",
            "Jane Roe",
        ),
        (
            "The union's leader, Ivo Roe, said the strike would go on.",
            "the strike would go on",
            "Ivo Roe",
        ),
        (
            "Lena Roe attacked Ivo Penn and said the budget was a disgrace.",
            "the budget was a disgrace",
            "Lena Roe",
        ),
    ],
)
def test_subject_phrase_names_the_speaker(text: str, content: str, speaker: str) -> None:
    found = indirect(quotes(text, "spacy"))
    assert any(content in c and s == speaker for c, s in found), found


@spacy
def test_object_controlled_infinitive_has_no_source() -> None:
    # "the drought" did not demand anything: the farmers did, named only as an object
    text = "The drought drove thousands of Velmar farmers to demand a new water law in 1988."
    assert indirect(quotes(text, "spacy")) == []
    # a purpose clause keeps its subject
    text = "Lena Roe used the speech to say that the port would stay open."
    assert indirect(quotes(text, "spacy")) == [("the port would stay open", "Lena Roe")]


@spacy
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a document, survey or office an actor made or owns: the noun phrase, not the actor
        (
            "According to Ivo Penn's settlement agreement, he owes at least three months of rent.",
            "Ivo Penn's settlement agreement",
        ),
        (
            "The ferry has carried 4,000 cars, according to a Harbour Wire survey of "
            "Velmar harbour masters.",
            "Harbour Wire survey",
        ),
        (
            "The ferry will resume service on Monday, according to Mayor Lena Roe's office.",
            "Mayor Lena Roe's office",
        ),
        # a role keeps its actor; a body is itself
        ("According to a spokesman for Gov. Ivo Penn, the bridge will stay shut.", "Ivo Penn"),
        (
            "According to the Velmar Institute, the ferry has carried 4,000 cars.",
            "Velmar Institute",
        ),
    ],
)
def test_according_to_names_the_document(text: str, speaker: str) -> None:
    found = indirect(quotes(text, "spacy"))
    assert [s for _, s in found] == [speaker], found


@spacy
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a named body in apposition to the head noun is the source
        (
            "According to the Velmar activist group Harbour Watch, at least 38 boats were seized.",
            "Harbour Watch",
        ),
        # a thing as the object: the participle is the sender's, not the pitches'
        (
            "As her staff sent fund-raising pitches highlighting Mr. Penn's jibes, "
            "Mrs. Roe kept her head down.",
            "her staff",
        ),
        # a purpose clause after a name that is no agent keeps the subject
        (
            "Sen. Ivo Penn went on Velmar's Morning Show to discuss his latest comments about "
            "his rival.",
            "Ivo Penn",
        ),
    ],
)
def test_speaker_guards(text: str, speaker: str) -> None:
    found = indirect(quotes(text, "spacy"))
    assert [s for _, s in found] == [speaker], found

"""Content boundaries of speech-cue attributions (s14, issue 17): a writer's aside closing the
content is no part of it, and a parenthetical cue ("The plan, she explained, …") reports the
sentence it sits in.

All sentences are written for these tests (fictional names and places).
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
        # a non-restrictive relative clause on the content's last noun: the writer's
        (
            "The minister said he backs the final budget, which includes new money for rural "
            "schools.",
            "he backs the final budget",
            "minister",
        ),
        (
            "Mr. Okafor said the bridge would be repaired by Ada Lind, who runs the county roads "
            "office.",
            "the bridge would be repaired by Ada Lind",
            "Okafor",
        ),
    ],
)
def test_trailing_aside_is_not_content(text: str, content: str, speaker: str) -> None:
    assert indirect(quotes(text, "spacy")) == [(content, speaker)]


@spacy
@pytest.mark.parametrize(
    "text",
    [
        # the aside inside the content: the clause goes on after it
        "The mayor said the plan, which the council passed, will fail.",
        # a restrictive "that" clause (no comma) stays
        "The mayor said the council rejected the plan that the harbor board wrote.",
        # an apposition stays (the parse reads lists as appositions)
        "The ferry line announced it would drop the winter route, a decision that angered "
        "islanders.",
    ],
)
def test_inner_or_restrictive_clause_stays(text: str) -> None:
    found = indirect(quotes(text, "spacy"))
    assert len(found) == 1
    assert found[0][0].endswith(("will fail", "the harbor board wrote", "angered islanders"))


@spacy
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a parenthetical cue other than "said", its subject a name
        (
            "The nickname, Mira Tal explained, comes from a former coach in Dayton.",
            "The nickname, Mira Tal explained, comes from a former coach in Dayton",
            "Mira Tal",
        ),
        # an addressee inside the parenthetical
        (
            "The answer, the clerk told them, was simple.",
            "The answer, the clerk told them, was simple",
            "clerk",
        ),
    ],
)
def test_parenthetical_cue_reports_its_sentence(text: str, content: str, speaker: str) -> None:
    assert indirect(quotes(text, "spacy")) == [(content, speaker)]


@spacy
@pytest.mark.parametrize(
    "text",
    [
        # a negated parenthetical ("she did not say") asserts nothing
        "The plan, Roe did not say, is dead.",
        # a denial, a question or a doubt inside the content: polarity cannot mark it there
        "The story, Ivo Penn denied, was made up by his rivals.",
        "The vote, Ivo Penn wondered, might be delayed.",
        "The plan, Ada Roe doubts, will work.",
    ],
)
def test_parenthetical_cue_never_shown_asserted(text: str) -> None:
    found = [q for q in quotes(text, "spacy") if q.kind == "indirect"]
    assert all(q.polarity != "asserted" for q in found)


@pytest.mark.parametrize("mode", ["rules", pytest.param("spacy", marks=spacy)])
def test_said_parenthetical_both_modes(mode: str) -> None:
    # (a pronoun subject stays with the rules' reading: "The toll, he said, …")
    assert indirect(quotes("The toll, Ivo Penn said, will rise in May.", mode)) == [
        ("The toll, Ivo Penn said, will rise in May", "Ivo Penn")
    ]


@spacy
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Mayor Ada Lind said the move was made by the harbor chief and said, “Who else "
            "would make the call?”",
            "the move was made by the harbor chief",
            "Ada Lind",
        ),
        (
            "In a radio interview last year, Ivo Penn said he welcomed the audit and added, "
            "“I'll sign anything they want.”",
            "he welcomed the audit",
            "Ivo Penn",
        ),
    ],
)
def test_clause_before_the_speakers_next_quote(text: str, content: str, speaker: str) -> None:
    # "said C and added, “Q”": the parse joins "added" inside C; C ends before the conjunction
    assert indirect(quotes(text, "spacy")) == [(content, speaker)]


@spacy
def test_joined_speech_verb_without_quote_stays() -> None:
    # no quotation after the joined verb: the clause is left as the parse reads it
    assert indirect(quotes("Ivo Penn said the mayor lied and said nothing.", "spacy")) == [
        ("the mayor lied and said nothing", "Ivo Penn")
    ]


@spacy
def test_parenthetical_pronoun_left_to_the_rules() -> None:
    # "explained" with a pronoun: no reading (the rules read "said", "added", "noted" only)
    text = "Mira Tal grew up in Ohio. The nickname, she explained, comes from a coach in Dayton."
    assert indirect(quotes(text, "spacy")) == []

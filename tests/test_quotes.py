"""Quotes and speakers: every form of quotation news uses, with exact spans.

All text here is written for these tests. Unless a test says otherwise it runs on the
rules-only path and on spaCy; ``Quote.text`` must equal the cited span every time.
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.models import Article, Quote
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.quotes import extract_quotes
from storyline.text import content_id

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def art(text: str) -> Article:
    return Article(id=content_id(text), source="t", text=text, raw=text, title="t")


def quotes(text: str, mode: str = "rules") -> list[Quote]:
    doc: Any = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    article = art(text)
    found = extract_quotes(article, doc, extract_entities(article, doc))
    for q in found:
        assert q.cite.article == article.id
        assert 0 <= q.cite.start < q.cite.end <= len(text)
        assert q.text == text[q.cite.start : q.cite.end]
    starts = [q.cite.start for q in found]
    assert starts == sorted(starts)
    return found


def one(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.text) for q in found]
    return hits[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # curly marks, "X said"
        (
            "“The bridge will reopen in May,” Anna Kowalczyk said.",
            "The bridge will reopen in May,",
            "Anna Kowalczyk",
        ),
        # straight marks, "said X"
        (
            '"We have no comment at this time," said Tomas Lindgren.',
            "We have no comment at this time,",
            "Tomas Lindgren",
        ),
        # "X told reporters"
        (
            "“Nothing is agreed yet,” Marta Oyelaran told reporters on Monday.",
            "Nothing is agreed yet,",
            "Marta Oyelaran",
        ),
        # colon after the attribution
        (
            "Interior Minister Pavel Dusek said: “The border stays open.”",
            "The border stays open.",
            "Pavel Dusek",
        ),
        # dash, no reporting verb: the sentence's subject speaks
        (
            "Lina Moreau, a nurse at the clinic, had one request — “Send more insulin.”",
            "Send more insulin.",
            "Lina Moreau",
        ),
        # stated / acknowledged
        (
            "“The audit found no fraud,” Oskar Brandt acknowledged.",
            "The audit found no fraud,",
            "Oskar Brandt",
        ),
    ],
)
def test_quotes_direct_forms(mode: str, text: str, quote: str, speaker: str) -> None:
    q = one(quotes(text, mode), quote)
    assert q.text == quote
    assert q.kind == "direct"
    assert q.speaker == speaker
    assert q.speaker_entity is not None and q.speaker_entity.startswith("per:")


@pytest.mark.parametrize("mode", MODES)
def test_quotes_split_quote_and_several_sentences(mode: str) -> None:
    text = (
        "“The dam is safe,” engineer Rosa Villanueva said. “We checked it twice. "
        "We will check it again in June.”"
    )
    found = quotes(text, mode)
    assert [q.text for q in found] == [
        "The dam is safe,",
        "We checked it twice. We will check it again in June.",
    ]
    assert {q.speaker for q in found} == {"Rosa Villanueva"}


@pytest.mark.parametrize("mode", MODES)
def test_quotes_multi_paragraph_is_one_quote(mode: str) -> None:
    text = (
        "Harbour master Ivo Petrak described the night.\n\n"
        "“The wind came first. Then the rain.\n\n"
        "“By dawn the pier was gone,” he said.\n\n"
        "The port reopened a week later."
    )
    q = one(quotes(text, mode), "The wind came first")
    assert q.text == "The wind came first. Then the rain.\n\n“By dawn the pier was gone,"
    assert q.kind == "direct"
    assert q.speaker == "Ivo Petrak"


@pytest.mark.parametrize("mode", MODES)
def test_quotes_wrapped_lines(mode: str) -> None:
    text = (
        "“We will rebuild the school before\nthe winter term, whatever it costs,”\n"
        "Mayor Elif Demir said on\nTuesday."
    )
    q = one(quotes(text, mode), "rebuild")
    assert q.text == "We will rebuild the school before\nthe winter term, whatever it costs,"
    assert q.speaker == "Elif Demir"
    assert q.speaker_role == "Mayor"


@pytest.mark.parametrize("mode", MODES)
def test_quotes_missing_opening_mark_and_pronoun_speaker(mode: str) -> None:
    text = (
        "One farm minister, who attended the summit, told a news conference that a deal was near.\n\n"
        "We are ready to sign. We are ready to pay our share,” he stated according to a local radio report.\n\n"
        "The summit ends on Friday."
    )
    q = one(quotes(text, mode), "ready to sign")
    assert q.text == "We are ready to sign. We are ready to pay our share,"
    assert q.kind == "direct"
    assert q.speaker_entity == "anon:farm-minister"


@pytest.mark.parametrize("mode", MODES)
def test_missing_opening_mark_stops_at_the_sentence_naming_the_speaker(mode: str) -> None:
    # the writer's sentence introducing the speaker is no part of the quote
    text = (
        "The mayor spoke at noon.\n\nFire Chief Ada Renner, whose crews worked all night, met "
        "reporters on Friday. The hall had one exit. I warned about it for years,” Renner said."
    )
    q = one(quotes(text, mode), "one exit")
    assert q.text == "The hall had one exit. I warned about it for years,"


@pytest.mark.parametrize("mode", MODES)
def test_quotes_partial_quote_inside_a_sentence(mode: str) -> None:
    text = "Prime Minister Karin Aalto said the new rail line would “take some years” to finish."
    found = quotes(text, mode)
    q = one(found, "take some years")
    assert q.text == "take some years"
    assert q.kind == "partial"
    assert q.speaker == "Karin Aalto"
    # the reported clause around a partial quote is left to the quote
    assert [x.kind for x in found] == ["partial"]


@pytest.mark.parametrize("mode", MODES)
def test_quotes_partial_quote_with_trailing_attribution(mode: str) -> None:
    text = "The fund will “help, if I may say so, every family in the valley”, Mr Haddad said."
    text = "Finance Minister Omar Haddad spoke on Monday. " + text
    q = one(quotes(text, mode), "every family")
    assert q.kind == "partial"
    assert q.speaker_entity == "per:omar-haddad"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Health Minister Sofia Lind said the clinics would stay open all week.",
         "the clinics would stay open all week", "Sofia Lind"),
        ("Carlos Medina told reporters on Friday that the strike was over.",
         "the strike was over", "Carlos Medina"),
        ("The water supply will be restored by Sunday, city engineer Paolo Ricci said.",
         "The water supply will be restored by Sunday", "Paolo Ricci"),
        ("According to Nadia Karimi, a lawyer for the families, the hearing was postponed.",
         "the hearing was postponed", "Nadia Karimi"),
        ("The bridge was closed for repairs, according to Jan Novak.",
         "The bridge was closed for repairs", "Jan Novak"),
    ],
)  # fmt: skip
def test_quotes_indirect_speech(mode: str, text: str, clause: str, speaker: str) -> None:
    q = one(quotes(text, mode), clause)
    assert q.text == clause
    assert q.kind == "indirect"
    assert q.speaker == speaker


@pytest.mark.parametrize("mode", MODES)
def test_quotes_unnamed_source_and_back_reference(mode: str) -> None:
    text = (
        "A Norwegian official involved in the talks said Monday that the text was final. "
        "“We are done with the wording,” the official said."
    )
    found = quotes(text, mode)
    assert {q.speaker_entity for q in found} == {"anon:norwegian-official"}
    assert one(found, "done with the wording").kind == "direct"
    assert one(found, "the text was final").kind == "indirect"


@pytest.mark.parametrize("mode", MODES)
def test_quotes_surname_and_honorific_resolve_to_the_person(mode: str) -> None:
    text = (
        "Economy Minister Leila Farouk opened the fair.\n\n"
        "“Exports are up,” Ms Farouk said. “Imports are down,” Farouk added."
    )
    found = quotes(text, mode)
    assert [q.speaker_entity for q in found] == ["per:leila-farouk", "per:leila-farouk"]
    assert all(q.speaker_role == "Economy Minister" for q in found)


@pytest.mark.parametrize("mode", MODES)
def test_quotes_pronoun_it_resolves_to_the_organisation(mode: str) -> None:
    text = (
        "The talks lasted two hours, the Elysee said. The session was also “a chance to "
        "restate a shared goal”, it added."
    )
    q = one(quotes(text, mode), "shared goal")
    assert q.kind == "partial"
    assert q.speaker_entity == "org:french-presidency"


@pytest.mark.parametrize("mode", MODES)
def test_quotes_next_paragraph_quote_keeps_the_speaker(mode: str) -> None:
    text = (
        "Union leader Bram Visser said in a statement:\n\n"
        "“We accept the offer. The strike ends tonight.”"
    )
    q = one(quotes(text, mode), "We accept the offer")
    assert q.speaker == "Bram Visser"
    assert q.kind == "direct"


def test_quotes_rules_only_finds_direct_quotes_and_x_said() -> None:
    text = (
        "“Prices will fall,” Ingrid Solheim said.\n\n"
        "“They will not,” said Pieter de Wit.\n\n"
        "The central bank meets in June."
    )
    found = quotes(text)
    assert [(q.text, q.speaker) for q in found] == [
        ("Prices will fall,", "Ingrid Solheim"),
        ("They will not,", "Pieter de Wit"),
    ]


def test_quotes_scare_quotes_without_speaker_are_not_speech() -> None:
    # issue 17: a short quoted term nobody is said to have said is a scare quote
    text = "The plan calls for an “orderly” handover of the port."
    assert quotes(text) == []


def test_quotes_no_quotes_in_plain_narrative() -> None:
    assert quotes("The port reopened on Monday after repairs to the north pier.") == []


def test_quotes_stray_mark_does_not_swallow_the_article() -> None:
    text = "The sign read “Closed.\n\nThe museum reopens on Monday. “It will be busy,” guard Ana Ruiz said."
    found = quotes(text)
    busy = one(found, "busy")
    assert busy.speaker == "Ana Ruiz"
    assert all(len(q.text) < 60 for q in found)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        # the name in apposition to a role speaks, not the body in the role
        ("The dockers' union leader, Ivo Marek, said the strike would go on.",
         "the strike would go on", "Ivo Marek"),
        # "X of Y said": the person, not the organisation
        ("Greta Lund of Halvard Economics said rates would stay high.",
         "rates would stay high", "Greta Lund"),
        # an inner attribution wins over the relay that reports it
        ("Mayor Tomas Hed said the river had crested, the local radio reported.",
         "the river had crested", "Tomas Hed"),
    ],
)  # fmt: skip
def test_quotes_indirect_speaker_inside_the_subject(
    mode: str, text: str, clause: str, speaker: str
) -> None:
    q = one(quotes(text, mode), clause)
    assert q.text == clause
    assert q.speaker == speaker


@pytest.mark.parametrize("mode", MODES)
def test_quotes_said_followed_by_a_time_clause_is_not_speech(mode: str) -> None:
    text = "The jury had left the room, Judge Carla Pinto said when the hearing resumed."
    found = quotes(text, mode)
    assert [q.text for q in found] == ["The jury had left the room"]
    assert found[0].speaker == "Carla Pinto"

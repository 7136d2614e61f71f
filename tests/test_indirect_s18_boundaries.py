"""Content boundaries of reported speech (s18, issue 17).

A non-restrictive relative clause that pied-pipes its preposition (", for whom …", ", in
which …") closes the content as ", which …" does: it tells the reader about the noun before
it. A cue set off by commas inside its sentence ("C, Roe said, D") frames the whole sentence
even where the parse reads only a part of it (the words before the cue as its complement, or
another cue's clause nested inside); an act or an adjunct of the cue's own after it
(", adding that …", ", on condition …") keeps the parse's reading.

All sentences are written for these tests (fictional names and places).
"""

from __future__ import annotations

import pytest

from test_indirect import indirect
from test_quotes import quotes

spacy = pytest.mark.model


@spacy
def test_a_pied_piped_relative_clause_is_no_part_of_the_content() -> None:
    text = "Ms. Roe said she backs Ed Penn, for whom she was set to host a dinner in Alder on Thursday."
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == ["she backs Ed Penn"]


@spacy
def test_an_interrupting_cue_frames_the_sentence_the_parse_reads_in_part() -> None:
    # (the parse takes "It is no surprise" as the cue's complement and the extraposed "that"
    # clause as another; the content is the whole sentence, cue and all)
    text = (
        "The mayor of Alder, Jane Roe, spoke on Monday. "
        "It is no surprise, Ms. Roe said, that the new tax fell hardest on renters."
    )
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == [
        "It is no surprise, Ms. Roe said, that the new tax fell hardest on renters"
    ]
    assert found[0][1] is not None and found[0][1].endswith("Roe")


@spacy
def test_the_cues_next_act_after_it_keeps_the_parses_reading() -> None:
    text = (
        "The mayor of Alder, Jane Roe, spoke on Monday. "
        "The levy was fair, Ms. Roe said, adding that the council would vote on it in May."
    )
    found = indirect(quotes(text, "spacy"))
    assert [c for c, _ in found] == ["The levy was fair", "the council would vote on it in May"]

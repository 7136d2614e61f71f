"""Scoring fixes of ``bench/extract.py``'s PolNeAR quotes (issue 17, quote spans).

Made-up strings only: the annotation shapes (nested quotes, straight marks reopening a
quote at each paragraph, a content whose full stop falls between two brat fragments) are
rebuilt on sentences written for this test.
"""

from __future__ import annotations

from bench_fixture import bench as _bench
from bench_fixture import segs


def test_a_nested_curly_quote_stays_inside_its_quotation() -> None:
    text = "Ada Moss wrote, “Speak up even when “our side” slips. Otherwise nobody listens.”"
    assert segs(text) == ["Speak up even when “our side” slips. Otherwise nobody listens."]


def test_a_nested_straight_quote_stays_inside_its_quotation() -> None:
    text = (
        'Moss asked, "If a buyer says, "I want ten crates," would you not wonder?" Then she left.'
    )
    assert segs(text) == ['If a buyer says, "I want ten crates," would you not wonder?']


def test_a_straight_mark_reopening_the_next_paragraph_does_not_close() -> None:
    text = 'She listed them:\n\n"Is the pier safe?\n\n"Is the toll fair?\n\n"Who pays?"'
    assert segs(text) == ['Is the pier safe?\n\n"Is the toll fair?\n\n"Who pays?']


def test_fragments_split_at_a_full_stop_are_one_content() -> None:
    b = _bench()
    text = "Moss said the town “must wait for spring. Then we build.” Later she left."
    cut = text.index(". Then")
    first, second = (13, cut), (cut + 2, text.index(" Later"))
    assert b.joined_fragments(text, [first, second]) == [(13, second[1])]
    assert b.joined_fragments(text, [(0, 8), (14, 20)]) == [(0, 8), (14, 20)]


def test_the_earlier_shapes_still_pair() -> None:
    assert segs('Ivo Penn said "we will wait." Then "not yet."') == ["we will wait.", "not yet."]
    assert segs("the so-called “tide tax” and “ferry fee” plan") == ["tide tax", "ferry fee"]
    assert segs("\u202a”Thanks, Mara!” wrote Ed Lark") == ["Thanks, Mara!"]


def test_an_opening_mark_typed_for_a_closing_one_closes() -> None:
    text = "He mocked the film “Tides“ and the “Ferry Tales” books as too “soft,” he said."
    assert segs(text) == ["Tides", "Ferry Tales", "soft,"]

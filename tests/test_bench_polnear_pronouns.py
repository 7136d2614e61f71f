"""The read reference for pronoun speakers (``bench/polnear_pronouns.py`` and the
``spkPron-read`` / ``iSpkPron-read`` scoring of ``bench/extract.py``, issue 17).

No PolNeAR text is used: the fixture is a short made-up article.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from bench_fixture import load_bench

TEXT = (
    "Ada Roe runs the ferry line. Lio Penn disagrees.\n\n"
    "“The boats leave on time,” she said. She added that fares stay low."
)


def _mods() -> tuple[ModuleType, ModuleType]:
    pp = load_bench("polnear_pronouns")
    return pp, pp.x


def _span(word: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(word, at + 1)
    return at, at + len(word)


def _doc(x: ModuleType) -> object:
    quote = (TEXT.index("“"), TEXT.index("”") + 1)
    that = (TEXT.index("that fares"), len(TEXT) - 1)
    attrs = [
        x.PnAttr(source=[_span("she")], cue=[_span("said")], content=[quote]),
        x.PnAttr(source=[_span("She")], cue=[_span("added")], content=[that]),
    ]
    return x.PnDoc("t", TEXT, attrs, x.CoreNlp(), True)


def _write(tmp_path: Path, x: ModuleType, rows: list[tuple[str, str | None]]) -> Path:
    """Labels for the two pronoun sources: each (source word, antecedent words or None)."""
    lines = []
    for word, ref in rows:
        r = x.ReadRef("t", _span(word), _span(ref) if ref else None)
        lines.append(
            json.dumps(
                {
                    "doc": "t",
                    "source": list(r.source),
                    "ref": list(r.ref) if r.ref else None,
                    "sha1": x.sha10(TEXT[r.ref[0] : r.ref[1]]) if r.ref else None,
                    "reason": "" if ref else "unclear",
                }
            )
        )
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_ok_scores_the_labelled_antecedent_only(tmp_path: Path) -> None:
    _, x = _mods()
    refs = x.load_read_refs(_write(tmp_path, x, [("she", "Ada Roe"), ("She", None)]), {"t": TEXT})
    doc = _doc(x)

    def verdict(source: str, speaker: str) -> bool | None:
        p = x.Pred(0, 1, speaker, "direct")
        return x.read_ok(refs, "t", _span(source), lambda r: x.nominal_ok(doc, r, p))

    assert verdict("she", "Ada Roe") is True
    assert verdict("she", "Lio Penn") is False
    assert verdict("She", "Ada Roe") is None  # labelled null: not scored
    assert x.read_ok(refs, "t", (0, 3), lambda r: True) is None  # not labelled


def test_a_changed_text_is_refused(tmp_path: Path) -> None:
    _, x = _mods()
    path = _write(tmp_path, x, [("she", "Ada Roe")])
    with pytest.raises(SystemExit):
        x.load_read_refs(path, {"t": TEXT.replace("Ada Roe", "Ida Rye")})


def test_read_columns_count_right_wrong_and_null(tmp_path: Path) -> None:
    _, x = _mods()
    doc = _doc(x)
    q0, q1 = TEXT.index("“") + 1, TEXT.index(",”")
    c0 = TEXT.index("fares")
    preds = {
        "t": [
            x.Pred(q0, q1, "Ada Roe", "direct"),
            x.Pred(c0, len(TEXT) - 1, "Lio Penn", "indirect"),
        ]
    }
    refs = x.load_read_refs(_write(tmp_path, x, [("she", "Ada Roe"), ("She", "Ada Roe")]))
    s = x.score_polnear([doc], preds, {}, refs)
    # the quote: right by the read reference; the heuristic one (nearest earlier gold
    # source that is not a pronoun: there is none) rejects it
    assert (s.pron_n, s.pron_ok_last) == (1, 0)
    assert (s.pron_read_n, s.pron_read_ok, s.pron_read_only, s.pron_heur_only) == (1, 1, 1, 0)
    # the indirect content names the wrong person
    assert (s.ind_read_n, s.ind_read_ok, s.ind_read_wrong) == (1, 0, 1)
    refs = x.load_read_refs(_write(tmp_path, x, [("she", None)]))
    s = x.score_polnear([doc], preds, {}, refs)
    assert (s.pron_read_n, s.pron_read_null, s.ind_read_unlab) == (0, 1, 1)
    s = x.score_polnear([doc], preds)
    assert not s.read and s.pron_read_n == 0
    assert "no read reference" in x.read_details("t", s)


def test_items_and_labels_hold_offsets_not_words(tmp_path: Path) -> None:
    pp, x = _mods()
    doc = _doc(x)
    items = pp.pronoun_items([doc])
    assert [(TEXT[a:b], it.kinds) for it in items for a, b in [it.source]] == [
        ("she", ["Q"]),
        ("She", ["I"]),
    ]
    marked = pp.show_doc(TEXT, items)
    assert "⟦#0 Q she⟧" in marked and "⟦#1 I She⟧" in marked
    labels = tmp_path / "labels.tsv"
    labels.write_text("0\tAda Roe\n1\tnull:unclear\n", encoding="utf-8")
    rows = pp.build(items, {"t": TEXT}, labels)
    assert rows[0]["ref"] == list(_span("Ada Roe")) and rows[1]["ref"] is None
    assert "Ada" not in json.dumps(rows)  # offsets and hashes only


def test_locate_ref_takes_the_nearest_mention_before_else_the_first_after() -> None:
    pp, _ = _mods()
    text = "Roe spoke. Later Roe left. She said so. Roe returned."
    src = (text.index("She"), text.index("She") + 3)
    assert pp.locate_ref(text, "Roe", src) == (17, 20)
    assert pp.locate_ref(text, "returned", src) == (text.index("returned"), len(text) - 1)
    assert pp.locate_ref(text, "Penn", src) is None


def test_an_item_is_shown_with_its_paragraph_and_the_ones_before() -> None:
    pp, x = _mods()
    items = pp.pronoun_items([_doc(x)])
    shown = pp.show_item(TEXT, items[0])
    assert shown.startswith("#0 t ") and "Ada Roe runs the ferry line." in shown
    assert "⟦she⟧" in shown
    far = "x" * 2000 + "\n\nNew paragraph. She said so."
    at = far.index("She")
    assert far[pp.context_start(far, at) :].startswith("New paragraph.")

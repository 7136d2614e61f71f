"""The cleaner against the bundled examples' gold: noise out, paragraphs and headings kept."""

from __future__ import annotations

import json

import pytest

from storyline.demo import examples_dir
from storyline.models import Article, RawDoc
from storyline.stages.prepare.clean import clean_document
from storyline.stages.prepare.ingest import read_inputs

EXAMPLES = examples_dir()
MANIFEST = json.loads((EXAMPLES.parent / "data" / "examples_manifest.json").read_text("utf-8"))


def _cleaned() -> dict[str, Article]:
    docs = [d for d in read_inputs([str(EXAMPLES)]) if isinstance(d, RawDoc)]
    by_source = {d.source: clean_document(d) for d in docs}
    out: dict[str, Article] = {}
    for a in MANIFEST["articles"]:
        key = a["url"] if a["item"] is not None or a["metadata"] == "sidecar" else None
        if key is None or key not in by_source:
            key = str((EXAMPLES / a["file"]).resolve())
        out[a["doc"]] = by_source[key]
    return out


CLEANED = _cleaned()


@pytest.mark.parametrize("gold", MANIFEST["articles"], ids=lambda a: a["doc"])
def test_example_is_clean(gold: dict) -> None:
    art = CLEANED[gold["doc"]]
    for noise in gold["noise"] + gold["captions"]:
        assert noise not in art.text, noise
    if gold["dateline"]:
        assert not art.text.startswith(gold["dateline"].strip())
    heads = [art.text[h.start : h.end] for h in art.headings]
    assert heads == gold["headings"]
    body = [p for p in art.text.split("\n\n") if p not in heads]
    assert [p.split()[:5] for p in body] == [p.split() for p in gold["paragraphs"]]
    assert art.title_inferred == (not gold["title_in_input"])
    if gold["title_in_input"] and gold["title"]:
        assert art.title == gold["title"]
    if gold["published"] and (gold["metadata"] != "none" or gold["dateline"]):
        assert art.published and art.published[:10] == gold["published"]
    if gold["outlet"] and gold["metadata"] != "none":
        assert art.outlet == gold["outlet"]

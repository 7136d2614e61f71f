"""The learned cue scorer's features (``bench/cue_model.py``, issue 17, branch s3) on invented
sentences: the kind of source, the construction's features, the hand-table check."""

from __future__ import annotations

from bench_fixture import load_bench
from storyline.nlp import load_spacy
from storyline.stages.prepare.extract.indirect import cue_constructions


def _cue(text: str, word: str) -> tuple[object, str, list[str]]:
    cm = load_bench("cue_model")
    doc = load_spacy()(text)
    tok = next(t for t in doc if t.text == word)
    con, (lo, hi) = next(iter(cue_constructions(tok)))
    feats = cm.cue_features(tok, con, tok.lemma_.lower(), len(text[lo:hi].split()))
    return tok, con, feats


def test_features_of_a_reported_clause() -> None:
    _tok, con, feats = _cue("Mara Vell said that the ferry would stop running in May.", "said")
    assert con == "that"
    assert {"bias", "con=that", "lem=say", "hand", "class=speech", "subj=person"} <= set(feats)
    assert "neg" not in feats


def test_pronoun_source_and_negation() -> None:
    _tok, _con, feats = _cue("She did not think the harbour tolls would rise.", "think")
    assert "subj=pron3" in feats and "neg" in feats and "class=belief" in feats


def test_hand_covered_reads_the_tables() -> None:
    cm = load_bench("cue_model")
    assert cm.hand_covered("that", "say") and cm.hand_covered("ccomp", "believe")
    assert not cm.hand_covered("that", "eat")


def test_probability_is_a_logistic_of_the_summed_weights() -> None:
    cm = load_bench("cue_model")
    assert cm.cue_probability({"bias": 0.0}, ["bias"]) == 0.5
    assert cm.cue_probability({"a": 2.0, "b": -1.0}, ["a", "b", "c"]) > 0.7

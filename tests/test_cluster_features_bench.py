"""``bench/cluster.py --features``: the event-identity diagnostic reads each candidate
feature from an article, and counts its clashes on same-event, sibling and merged sibling
pairs (a pair missing the feature on either side never clashes)."""

from __future__ import annotations

import numpy as np
import pytest

from bench_fixture import load_bench
from storyline.models import Article
from storyline.stages.commit.index import StoryIndex
from storyline.stages.prepare.terms import article_terms
from storyline.text import content_id

_bench = load_bench("cluster")


def _article(text: str, published: str | None = None) -> Article:
    return Article(
        id=content_id(text), source="made-up", text=text, raw=text, title="Made-up headline",
        published=published, ingested_at="2031-01-01T00:00:00",
    )  # fmt: skip


def test_event_features_read_the_lead_sentence_not_the_headline_line() -> None:
    art = _article(
        "Ferry fire off Quellhaven\n\n"
        "Crews of the Brisk Tern fought a fire in Quellhaven harbour on March 3 as "
        "41 passengers waited on deck, the operator Marlow Lines said.\n\n"
        "The Brisk Tern was built in 2019. Marlow Lines said nobody was hurt."
    )
    feats = _bench.event_features(art, article_terms(art))
    assert {"brisk", "tern", "quellhaven", "marlow", "lines"} <= feats["lead_names"]
    assert "ferry" not in feats["lead_names"]  # the headline line is not the lead
    assert feats["lead_places"] == {"quellhaven"}
    assert feats["year"] == 2019
    assert feats["lead_numbers"] == {"41"}
    assert feats["lead_yday"] == 62  # March 3, read without a year
    assert feats["eday"] is None  # no published date, no full date in the lead
    assert feats["lead_agent"] == {"crews"}  # the lead's opening name run
    assert feats["codes"] is None and feats["dated"] is False


def test_feature_rates_count_clashes_per_kind_of_pair() -> None:
    docs = [
        {"topic": 1, "event": "a"},
        {"topic": 1, "event": "a"},
        {"topic": 1, "event": "b"},
        {"topic": 2, "event": "c"},  # another topic: never counted
    ]
    base = dict.fromkeys(
        ("actions", "eday", "lead_names", "lead_places", "year", "lead_yday", "lead_numbers",
         "codes", "lead_agent")
    ) | {"lead": "", "lead_actions": set(), "dated": False, "early": set()}  # fmt: skip
    feats = [
        {**base, "terms": {"corrigan", "veldmark"}, "princ": ["corrigan"]},
        {**base, "terms": {"corrigan", "portline"}, "princ": ["portline"]},
        {**base, "terms": {"halloran", "ostby"}, "princ": ["halloran"]},
        {**base, "terms": {"zeller"}, "princ": ["zeller"]},
    ]
    rates = {r[0]: r[1:] for r in _bench.feature_rates(docs, feats, ["s", "s", "s", "t"])}
    # the same-event pair shares a name; both sibling pairs clash, and both were merged
    assert rates["principal actors (used)"] == (0.0, 1.0, 1.0, 2)
    # a feature no article states never clashes
    assert rates["latest year stated differs"] == (0.0, 0.0, 0.0, 2)
    assert rates["identifier codes (used w/ action)"] == (0.0, 0.0, 0.0, 2)
    # two undated articles are alike: no clash
    assert rates["one dated, the other not (no cue)"] == (0.0, 0.0, 0.0, 2)


def test_early_term_candidates_tell_two_clubs_offers_apart() -> None:
    # made-up: two clubs' offers to one player, each naming the other club only late
    docs = [{"topic": 1, "event": "a"}, {"topic": 1, "event": "a"}, {"topic": 1, "event": "b"}]
    base = dict.fromkeys(
        ("actions", "eday", "lead_names", "lead_places", "year", "lead_yday", "lead_numbers",
         "codes", "lead_agent")
    ) | {"lead": "", "lead_actions": set(), "dated": False}  # fmt: skip
    feats = [
        {**base, "terms": {"brannock", "wolves", "harriers"}, "princ": ["wolves", "brannock"],
         "early": {"wolves", "brannock"}},
        {**base, "terms": {"brannock", "wolves"}, "princ": ["brannock", "wolves"],
         "early": {"brannock", "wolves"}},
        {**base, "terms": {"brannock", "harriers", "wolves"}, "princ": ["harriers", "brannock"],
         "early": {"harriers", "brannock"}},
    ]  # fmt: skip
    rates = {r[0]: r[1:] for r in _bench.feature_rates(docs, feats, ["s", "s", "s"])}
    # "wolves" is named in the third article, but late: the anywhere-rule sees no clash
    assert rates["principal actors (used)"] == (0.0, 0.0, 0.0, 2)
    # the first article's top principal is not among the third's early terms, nor back:
    # one sibling pair of two; the second's top principal (the player) is shared
    assert rates["top principal not in other's first 20 terms"] == (0.0, 0.5, 0.5, 2)
    # the principals they do not share (the clubs) are not early in the other: both pairs
    assert rates["unshared principals, none in other's first 20"] == (0.0, 1.0, 1.0, 2)


def test_event_features_early_terms_are_the_first_plain_terms() -> None:
    art = _article(
        "Brannock weighs the Wolves offer\n\n"
        "Ollie Brannock met the Wolves on Tuesday about a four-year deal, his agent said."
    )
    terms = article_terms(art)
    feats = _bench.event_features(art, terms)
    plain = [t for t in terms if not t.startswith("#")]
    assert feats["early"] == set(plain[:20])
    assert "brannock" in feats["early"] and "wolves" in feats["early"]


def test_split_report_names_the_factor_that_kept_one_event_apart(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # one made-up event told twice, seven months apart, in the same words
    text = "Marlow Lines reopened the Quellhaven ferry pier after repairs, Marlow Lines said."
    arts = [
        _article(text, published="2031-01-05"),
        _article(text + " More sailings follow.", published="2031-08-01"),
    ]
    docs = [{"topic": 1, "event": "pier"}, {"topic": 1, "event": "pier"}]
    vec = np.zeros(8, dtype=np.float32)
    vec[0] = 1.0
    index = StoryIndex("minilm")
    pred = [index.add(a, vec, article_terms(a)) for a in arts]
    moves = index.take_moves()
    pred = [moves.get(a.id, p) for a, p in zip(arts, pred, strict=True)]
    assert pred[0] != pred[1]  # the time penalty keeps them apart
    _bench.split_report(docs, arts, index, pred)
    out = capsys.readouterr().out
    assert "same-event pairs split: 1; by cause: time 1;" in out
    assert "1 of them have publication days more than 7 days apart" in out
    assert "kept apart by time" in out and "(gap 208 d)" in out


def test_merge_report_says_which_side_carried_no_event_identity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # two made-up events of one topic told in the same words: one dated with a headline
    # action, the other a bare snippet (no headline, no date): nothing tells them apart
    text = "Marlow Lines reopened the Quellhaven ferry pier after repairs, Marlow Lines said."
    dated = Article(
        id=content_id(text), source="made-up", text=text, raw=text,
        title="Quellhaven pier reopens after repairs", published="2031-01-05",
        ingested_at="2031-01-06T00:00:00",
    )  # fmt: skip
    bare = Article(
        id=content_id(text + " Again."), source="made-up", text=text + " Again.",
        raw=text, title=None, ingested_at="2031-01-06T00:00:00",
    )  # fmt: skip
    arts = [dated, bare]
    docs = [{"topic": 1, "event": "reopened"}, {"topic": 1, "event": "closed"}]
    vec = np.zeros(8, dtype=np.float32)
    vec[0] = 1.0
    index = StoryIndex("minilm")
    pred = [index.add(a, vec, article_terms(a)) for a in arts]
    moves = index.take_moves()
    pred = [moves.get(a.id, p) for a, p in zip(arts, pred, strict=True)]
    assert pred[0] == pred[1]  # merged
    _bench.merge_report(docs, arts, index, pred)
    out = capsys.readouterr().out
    assert "other-event pairs merged: 1; by cause: one side without event identity 1" in out
    assert "closed: 0/1 dated, 0/1 action, 0/1 event day" in out
    assert "reopened: 1/1 dated" in out

"""The PolNeAR scoring helpers of ``bench/extract.py`` on made-up strings (issue 17).

No PolNeAR text is used: the annotation shapes (brat fragments, marks left out of a content)
are rebuilt on sentences written for this test.
"""

from __future__ import annotations

from types import ModuleType

from bench_fixture import bench as _bench
from bench_fixture import segs


def test_quoted_segments_pairs_marks() -> None:
    assert segs('Ivo Penn said "we will wait." Then "not yet."') == ["we will wait.", "not yet."]
    assert segs("''The ferry runs,'' she said") == ["The ferry runs,"]


def test_content_that_leaves_the_opening_mark_out_is_one_quote() -> None:
    # the annotation starts after the opening mark, or inside a doubled apostrophe
    assert segs('Harbour tolls?" Penn asked') == ["Harbour tolls?"]
    assert segs("'The tolls stay.'' she said") == ["'The tolls stay."]


def test_closing_mark_used_as_opening_one() -> None:
    assert segs("\u202a”Thanks, Mara!” wrote Ed Lark") == ["Thanks, Mara!"]


def test_a_mark_opening_mid_sentence_still_opens() -> None:
    assert segs("the so-called “tide tax” and “ferry fee” plan") == ["tide tax", "ferry fee"]


def test_fragments_only_whitespace_apart_are_one_content() -> None:
    text = "“The port reopens. Fees drop.” Penn said, “Boats return.”"
    b = _bench()
    first, second, third = (0, 18), (19, 30), (42, len(text))
    assert b.joined_fragments(text, [second, first, third]) == [(0, 30), third]
    joined = b.joined_fragments(text, [first, second])
    assert [text[x:y] for x, y in b.quoted_segments(text, *joined[0])] == [
        "The port reopens. Fees drop."
    ]


def test_quotes_are_scored_per_quoted_paragraph() -> None:
    text = "“The ferry is late.\n\n“The bridge is shut,” Penn said."
    b = _bench()
    end = text.index("”")
    units = b.paragraph_units(text, (1, end))
    assert [text[x:y] for x, y in units] == ["The ferry is late.", "“The bridge is shut,"]
    assert b.paragraph_units(text, (22, end)) == [(22, end)]


def _parsed(text: str, govs: list[int], tags: list[str]) -> tuple[ModuleType, object]:
    """A PnDoc over ``text`` split at spaces, with the given CoreNLP governors and tags."""
    b = _bench()
    toks, at = [], 0
    for word, gov, tag in zip(text.split(" "), govs, tags, strict=True):
        toks.append((at, at + len(word), tag, gov))
        at += len(word) + 1
    return b, b.PnDoc("t", text, [], b.CoreNlp(tokens=toks), True)


def test_relative_pronoun_reference_is_the_noun_its_clause_modifies() -> None:
    # "Mara Quell , who later said ..." : who <- said <- Quell (acl:relcl)
    text = "Lio Penn met Mara Quell , who later said the tolls stay"
    govs = [1, 2, -1, 4, 2, 4, 8, 8, 4, 10, 11, 8]
    tags = ["NNP", "NNP", "VBD", "NNP", "NNP", ",", "WP", "RB", "VBD", "DT", "NNS", "VBP"]
    b, doc = _parsed(text, govs, tags)
    who = (text.index("who"), text.index("who") + 3)
    ref_c, ref_l = b.pronoun_references(doc, who)
    assert ref_c == ref_l and text[ref_c[0] : ref_c[1]] == "Quell"
    assert b.speaker_ok(doc, ref_c, b.Pred(0, 1, "Mara Quell", "direct"))
    assert not b.speaker_ok(doc, ref_c, b.Pred(0, 1, "Lio Penn", "direct"))


def test_description_antecedent_accepts_a_name_of_its_chain() -> None:
    text = "The skipper waved and Ada Roe smiled"
    b, doc = _parsed(text, [1, 2, -1, 2, 5, 6, 2], ["DT", "NN", "VBD", "CC", "NNP", "NNP", "VBD"])
    doc.nlp.chains = [[(0, 11, 1, True), (22, 29, 5, False)]]
    skipper = (0, 11)
    assert b.coref_ok(doc, skipper, b.Pred(0, 1, "Ada Roe", "direct"))
    assert not b.coref_ok(doc, skipper, b.Pred(0, 1, "Lio Penn", "direct"))
    doc.nlp.chains = [[(0, 11, 1, True)]]
    assert not b.coref_ok(doc, skipper, b.Pred(0, 1, "Ada Roe", "direct"))


def test_pronoun_reference_accepts_a_mention_of_its_chain() -> None:
    # "Ada Roe waved . she smiled": the chain holds the pronoun and the name
    text = "Ada Roe waved . she smiled"
    b, doc = _parsed(text, [1, 2, -1, 2, 5, -1], ["NNP", "NNP", "VBD", ".", "PRP", "VBD"])
    she = (text.index("she"), text.index("she") + 3)
    doc.nlp.chains = [[(0, 7, 1, True), (she[0], she[1], 4, False)]]
    assert b.chain_ok(doc, she, b.Pred(0, 1, "Ada Roe", "direct"))
    assert not b.chain_ok(doc, she, b.Pred(0, 1, "Lio Penn", "direct"))
    doc.nlp.chains = []  # no chain: no second chance
    assert not b.chain_ok(doc, she, b.Pred(0, 1, "Ada Roe", "direct"))


def test_appositive_head_stops_at_its_preposition() -> None:
    text = "a pollster , Ada Roe of Tillport College ,"
    b, doc = _parsed(
        text, [1, -1, 1, 4, 1, 4, 7, 5, 1], ["DT", "NN", ",", "NNP", "NNP", "IN", "NNP", "NNP", ","]
    )
    words = b.head_words(doc, (0, len(text)))
    assert "roe" in words and "college" not in words


def test_a_stance_is_placed_at_its_target_inside_its_sentence() -> None:
    from types import SimpleNamespace

    b = _bench()
    text = "Roe said he would offer a prayer but did not hint that it would be Tobin."
    cite = SimpleNamespace(start=0, end=len(text))
    st = SimpleNamespace(cites=[cite], target="a prayer")
    at = text.index("a prayer")
    assert b.stance_spans(text, st) == [(at, at + len("a prayer"))]
    st = SimpleNamespace(cites=[cite], target="a prayer for all")  # not verbatim: the sentence
    assert b.stance_spans(text, st) == [(0, len(text))]


def test_a_source_that_is_only_the_speech_verb_is_no_source() -> None:
    # an annotator's slip: the cue "said" marked again as the source; nothing to score
    text = "“The ferry is late ,” said Lio Penn ."
    words = text.split(" ")
    b, doc = _parsed(text, [-1] * len(words), ["NN"] * len(words))
    said = (text.index("said"), text.index("said") + 4)
    penn = (text.index("Lio"), text.index("Penn") + 4)
    content = (0, text.index("”") + 1)
    pred = {"t": [b.Pred(1, text.index("”"), "Lio Penn", "direct")]}
    doc.attrs = [b.PnAttr(source=[said], cue=[said], content=[content])]
    s = b.score_polnear([doc], pred)
    assert (s.no_source, s.noun_n) == (1, 0)
    doc.attrs = [b.PnAttr(source=[penn], cue=[said], content=[content])]
    s = b.score_polnear([doc], pred)
    assert (s.no_source, s.noun_n, s.noun_ok) == (0, 1, 1)


def test_a_second_content_of_one_attribution_is_its_own_gold_item() -> None:
    ann = "\n".join([
        "T1\tSource 0 8",
        "T2\tCue 9 13",
        "T3\tContent 14 30",
        "T4\tContent 40 52",
        "T5\tAttribution 0 1",
        "E1\tAttribution:T5 Cue:T2 Source:T1 Content:T3 Content2:T4",
    ])  # fmt: skip
    attrs = _bench().read_brat(ann)
    assert [a.content for a in attrs] == [[(14, 30)], [(40, 52)]]
    assert {tuple(a.source) for a in attrs} == {((0, 8),)}


def test_a_name_suffix_is_no_head_word() -> None:
    # "Ivo Penn Jr." (CoreNLP may make the suffix the head): the surname counts as a head too
    text = "Ivo Penn Jr."
    b, doc = _parsed(text, [2, 2, -1], ["NNP", "NNP", "NNP"])
    pred = b.Pred(0, 1, "Ivo Penn", "direct")
    assert b.speaker_ok(doc, (0, len(text)), pred)
    b.SCORING["name_forms"] = False
    try:
        assert not b.speaker_ok(doc, (0, len(text)), pred)  # scored on "jr" alone before
    finally:
        b.SCORING["name_forms"] = True


def test_an_acronym_matches_the_initials_of_its_expansion_either_way() -> None:
    b = _bench()
    full = "Tillport Ferry Union"
    assert b.initials_match({"tfu"}, "the TFU", full)
    assert b.initials_match({"union"}, "the Tillport Ferry Union", "TFU")
    # the acronym modifies another head ("a TFU spokesman"): not the organisation
    assert not b.initials_match({"spokesman"}, "a TFU spokesman", full)
    # a description with lower-case words has no initials
    assert not b.initials_match({"union"}, "the union of ferry crews", "TFU")
    assert not b.initials_match({"penn"}, "Penn", "Ivo Penn")

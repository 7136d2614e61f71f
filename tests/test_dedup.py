"""Duplicate detection: exact, near and rewrite copies, group heads, signatures, corpus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.models import Article, RawDoc
from storyline.stages.commit.dedup import DedupIndex, DupMatch, find_duplicates
from storyline.text import content_id, tokens

# A made-up wire report and hand-written variants of it (none of this is real news).
WIRE = """The Velmora harbour bridge reopened to traffic on Monday after eleven months of repairs, the city transport office said.
Engineers from Korvan Works replaced 240 steel cables and resurfaced the whole deck at a cost of 38 million crowns.
"We promised the harbour districts a safer crossing and we kept that promise," Mayor Ilsa Brandt told reporters at the opening ceremony.
The bridge carries about 52,000 vehicles a day and its closure had doubled commuting times for residents of the eastern shore.
Ferry operators, who added night crossings during the works, said they would return to their normal timetable next week.
An inspection last spring found corrosion in a third of the cables, prompting the emergency closure.
The opposition Green Alliance has asked for an audit of the contract, saying costs rose by a quarter during the works.
The transport office said tolls would stay suspended until the end of the month to thank residents for their patience."""

# Light edits: a few words changed, one sentence dropped.
LIGHT = """The Velmora harbour bridge reopened to traffic on Monday after eleven months of repair work, the city's transport office said.
Engineers from Korvan Works replaced 240 steel cables and resurfaced the entire deck at a cost of 38 million crowns.
"We promised the harbour districts a safer crossing and we kept that promise," Mayor Ilsa Brandt told reporters at the opening ceremony.
The bridge carries about 52,000 vehicles a day and its closure had doubled commuting times for residents of the eastern shore.
Ferry operators, who added night crossings during the works, said they would return to their normal timetable next week.
An inspection last spring found corrosion in a third of the cables, prompting the emergency closure.
The transport office said tolls would stay suspended until the end of the month to thank residents for their patience."""

# A rewrite by another outlet: same facts in the same order, a shared quote, new wording.
REWRITE = """Traffic is flowing again over the harbour bridge in Velmora, which reopened Monday following almost a year of repairs, according to the city's transport office.
Korvan Works engineers swapped out 240 steel cables and laid a new deck surface, a job that cost 38 million crowns.
"We promised the harbour districts a safer crossing and we kept that promise," Mayor Ilsa Brandt said at the ceremony.
Roughly 52,000 vehicles use the bridge every day, and the shutdown had doubled commutes for people living on the eastern shore.
Ferry companies that ran extra night crossings during the repairs will go back to their usual schedule next week.
The city closed the bridge urgently after an inspection last spring found corroded cables.
Tolls remain suspended until the end of the month as a thank-you to residents, the transport office added."""

# The same event told independently: different structure, order and wording.
INDEPENDENT = """Residents of Velmora's eastern shore cheered as the first buses crossed the harbour bridge on Monday morning.
For almost a year, the closure forced thousands of commuters onto crowded ferries or a long detour through the northern ring road.
Shopkeepers near the southern ramp said their takings fell sharply while the bridge was shut.
Ilsa Brandt, the mayor, cut a ribbon at midday and thanked workers who she said had "given the city its backbone back".
Not everyone is satisfied: Green Alliance councillors want to know why the repair bill kept growing.
Korvan Works, the contractor, declined to comment on the cost overruns.
Cyclists complained that the new deck still has no separate bike lane.
The city says a lane could be added next year if the budget allows."""


def make(text: str, *, published: str | None = None, at: str = "2030-01-01T00:00:00") -> Article:
    return Article(
        id=content_id(text),
        source=f"test:{content_id(text)}",
        text=text,
        raw=text,
        title=text.split("\n", 1)[0][:60],
        title_inferred=True,
        published=published,
        ingested_at=at,
    )


def test_exact_copy_ignores_case_spacing_and_punctuation() -> None:
    a = make(WIRE, published="2030-05-01")
    b = make(WIRE.upper().replace(", ", " , ").replace("\n", "\n\n"), published="2030-05-02")
    index = DedupIndex()
    assert index.add(a) is None
    m = index.add(b)
    assert m == DupMatch(a.id, "exact", 1.0)


def test_light_edits_and_reordered_paragraphs_are_near_copies() -> None:
    a = make(WIRE, published="2030-05-01")
    paras = WIRE.split("\n")
    reordered = make("\n".join(paras[4:] + paras[:4]), published="2030-05-02")
    edited = make(LIGHT, published="2030-05-03")
    index = DedupIndex()
    index.add(a)
    for other in (reordered, edited):
        m = index.add(other)
        assert m is not None and m.kind == "near" and m.of == a.id, m


def test_rewrite_of_one_report_is_found() -> None:
    a = make(WIRE, published="2030-05-01")
    b = make(REWRITE, published="2030-05-01", at="2030-01-02T00:00:00")
    index = DedupIndex()
    assert index.add(a) is None
    m = index.add(b)
    # One publication time: the lower id is the head, whichever was ingested first.
    if a.id < b.id:
        assert m is not None and m.kind == "rewrite" and m.of == a.id
    else:
        relinks = index.take_relinks()
        assert m is None and list(relinks) == [a.id]
        assert relinks[a.id].of == b.id and relinks[a.id].kind == "rewrite"


def test_independent_article_on_the_same_event_is_not_a_copy() -> None:
    index = DedupIndex()
    index.add(make(WIRE, published="2030-05-01"))
    assert index.add(make(INDEPENDENT, published="2030-05-01")) is None
    assert index.add(make(REWRITE, published="2030-05-02")) is not None


def test_group_head_is_the_earliest_article() -> None:
    late = make(LIGHT, published="2030-05-03")
    early = make(WIRE, published="2030-05-01")
    rewrite = make(REWRITE, published="2030-05-02")
    index = DedupIndex()
    assert index.add(late) is None
    # the earlier original arrives second: it is the head, the stored copy is re-pointed
    assert index.add(early) is None
    relinks = index.take_relinks()
    assert list(relinks) == [late.id]
    assert relinks[late.id].of == early.id and relinks[late.id].kind == "near"
    m = index.add(rewrite)
    assert m is not None and m.of == early.id
    assert index.take_relinks() == {}


def test_undated_articles_tie_on_content_not_ingest_time() -> None:
    a = make(WIRE, at="2030-01-01T00:00:00")
    b = make(LIGHT, at="2030-01-01T00:00:05")
    head, copy = sorted((a, b), key=lambda x: x.id)
    for first, second in ((a, b), (b, a)):
        # whichever came first, and whenever each was ingested: the lower id is the head
        late = replace(second, ingested_at="2030-01-09T00:00:00")
        for batch in ([first, late], [late, first], [first, second]):
            dups = find_duplicates(batch)
            assert set(dups) == {copy.id} and dups[copy.id].of == head.id


def test_find_duplicates_lists_only_copies() -> None:
    arts = [
        make(WIRE, published="2030-05-01"),
        make(LIGHT, published="2030-05-02"),
        make(REWRITE, published="2030-05-03"),
        make(INDEPENDENT, published="2030-05-01"),
    ]
    dups = find_duplicates(arts)
    assert set(dups) == {arts[1].id, arts[2].id}
    assert {m.of for m in dups.values()} == {arts[0].id}
    assert dups[arts[1].id].kind == "near" and dups[arts[2].id].kind == "rewrite"


def test_rebuild_from_signatures_keeps_finding_copies() -> None:
    original = make(WIRE, published="2030-05-01")
    other = make(INDEPENDENT, published="2030-05-01")
    index = DedupIndex()
    stored = []
    for art in (original, other):
        index.add(art)
        stored.append((art, index.signature(art)))
    assert all(isinstance(sig, bytes) and len(sig) > 100 for _, sig in stored)
    # a signature computed without add() equals the one produced by add()
    assert DedupIndex().signature(original) == stored[0][1]
    rebuilt = DedupIndex.rebuild(stored)
    assert len(rebuilt) == 2
    m = rebuilt.add(make(REWRITE, published="2030-05-02"))
    assert m is not None and m.of == original.id
    # an unreadable signature is recomputed from the article
    rebuilt = DedupIndex.rebuild([(original, b"junk"), (other, b"")])
    assert rebuilt.add(make(LIGHT, published="2030-05-02")) is not None


def test_short_and_empty_texts_do_not_match_everything() -> None:
    index = DedupIndex()
    assert index.add(make("Brief.")) is None
    assert index.add(make("Another note.")) is None
    assert index.add(make(WIRE)) is None


@pytest.mark.corpus
def test_corpus_rewrite_pair_only(corpus_dir: Path) -> None:
    from storyline.stages.prepare.clean import clean_document

    files = sorted(corpus_dir.glob("*.txt"))
    arts = {
        p.name[:3]: clean_document(
            RawDoc(source=str(p), text=p.read_text(encoding="utf-8")),
            ingested_at="2030-01-01T00:00:00",
        )
        for p in files
    }
    dups = find_duplicates(list(arts.values()))
    assert {k: (m.of, m.kind) for k, m in dups.items()} == {
        arts["000"].id: (arts["001"].id, "rewrite")
    }


def test_minhash_values_equal_datasketch() -> None:
    """The numpy MinHash is datasketch's (stored signatures stay comparable)."""
    import numpy as np
    from datasketch import MinHash

    from storyline.stages.commit.dedup import NUM_PERM, _minhash_values

    rng = np.random.default_rng(3)
    for n in (1, 7, 400):
        values = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)
        ref = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int)
        ref.update_batch(values.tolist())
        assert np.array_equal(_minhash_values(values), ref.hashvalues.astype(np.uint32))


def test_bands_find_rows_sharing_a_band_only() -> None:
    import numpy as np

    from storyline.stages.commit.dedup import _Bands

    bands = _Bands(4, 2)
    base = np.arange(8, dtype=np.uint32)
    bands.insert(0, bands.keys(base), None)
    one_band = base.copy()
    one_band[2:] += 100  # only band 0 (values 0, 1) still equal
    half_band = base + np.uint32(100)
    half_band[0] = 0  # band 0 differs in its second value
    swapped = base.copy()
    swapped[[0, 1]] = swapped[[1, 0]]  # band 0 holds the same values in the other order
    assert bands.query(bands.keys(one_band), None) == {0}
    assert bands.query(bands.keys(half_band), None) == set()
    assert bands.query(bands.keys(swapped), None) == {0}  # bands 1-3 still equal
    swapped[2:] += 100
    assert bands.query(bands.keys(swapped), None) == set()
    # the same values in another band position do not collide
    assert bands.query(bands.keys(np.roll(base, 2)), None) == set()
    # a bucket grows from one row to several (row 0 included)
    bands.insert(1, bands.keys(one_band), None)
    bands.insert(2, bands.keys(one_band), None, bands.buckets(bands.keys(one_band), None))
    assert bands.query(bands.keys(base), None) == {0, 1, 2}
    assert bands.query(bands.keys(one_band), None) == {0, 1, 2}


def test_bands_are_read_in_the_query_period_its_neighbours_and_undated() -> None:
    import numpy as np

    from storyline.stages.commit.dedup import _Bands

    bands = _Bands(4, 2)
    keys = bands.keys(np.arange(8, dtype=np.uint32))
    for row, period in enumerate([10, 11, 12, 13, None]):
        bands.insert(row, keys, period)
    assert bands.query(keys, 10) == {0, 1, 4}
    assert bands.query(keys, 12) == {1, 2, 3, 4}
    assert bands.query(keys, 20) == {4}  # far from every dated row: the undated one only
    assert bands.query(keys, None) == {0, 1, 2, 3, 4}  # undated: every period


def test_copies_are_found_within_days_and_regardless_of_a_missing_date() -> None:
    from storyline.stages.commit.dedup import PERIOD_DAYS

    index = DedupIndex()
    original = make(WIRE, published="2030-05-01")
    assert index.add(original) is None
    # a copy published up to a week later or earlier is always within reach (an earlier
    # one becomes the head of the group)
    for n, day in enumerate(["2030-05-01", f"2030-05-{1 + PERIOD_DAYS:02d}", "2030-04-24"]):
        copy = make(LIGHT + f" Filed {n}.", published=day)
        index.add(copy)
        assert index._group_head(copy.id) == index._group_head(original.id), day
    assert index._group_head(original.id) == copy.id
    # the same report months later is not looked for (a new story, e.g. an anniversary)
    assert index.add(make(WIRE + " Again.", published="2030-09-01")) is None
    # an undated copy, and a dated copy of an undated original
    assert index.add(make(REWRITE)) is not None
    undated = make(INDEPENDENT, at="2030-09-09T00:00:00")
    index.add(undated)
    dated = make(INDEPENDENT + " Updated.", published="2033-01-01")
    index.add(dated)
    assert index._group_head(undated.id) == dated.id  # a dated article counts as earlier


def test_profile_sentence_starts_skip_abbreviations_and_initials() -> None:
    from storyline.stages.commit.dedup import _Profile

    text = 'Mr. Smith flew to the U.S. capital on Monday. He said "yes." Then\nA new line (here).'
    prof = _Profile.of(Article(id="p", source="s", text=text, raw=text, title=""))
    words = ["mr", "smith", "flew", "to", "the", "u.s", "capital", "on", "monday", "he", "said",
             "yes", "then", "a", "new", "line", "here"]  # fmt: skip
    assert len(prof.toks) == len(words)
    assert prof.starts.tolist() == [0, words.index("he"), words.index("then"), words.index("a")]


def test_signature_minhash_bytes_are_datasketch_lean_minhash() -> None:
    """Signatures written without datasketch objects still read back with datasketch."""
    import numpy as np
    from datasketch import LeanMinHash

    from storyline.stages.commit.dedup import NUM_PERM, _lean_bytes, _minhash, _minhash_bytes

    rng = np.random.default_rng(5)
    for n in (0, 3, 300):
        values = rng.integers(0, 2**31, n, dtype=np.int64).astype(np.uint32)
        lean = _minhash(values)
        blob = _minhash_bytes(np.asarray(lean.hashvalues, dtype=np.uint32))
        assert blob == _lean_bytes(lean)
        back = LeanMinHash.deserialize(blob)
        assert len(back) == NUM_PERM and np.array_equal(back.hashvalues, lean.hashvalues)


def test_fast_punctuation_fold_equals_the_shared_one() -> None:
    from storyline.stages.commit.dedup import _fold_punctuation
    from storyline.text import _QUOTES, fold_punctuation

    mapped = "".join(chr(c) for c in _QUOTES)
    for text in (
        mapped,
        f"He said {mapped[4]}no{mapped[5]} \u2014 twice\u00a0over, caf\u00e9 \u2018ok\u2019.",
        "plain ascii",
        "\u00e9l\u00e8ve \u00bd \u2026",
    ):
        assert _fold_punctuation(text) == fold_punctuation(text)


def test_profile_tokens_are_text_tokens() -> None:
    """The profile hashes exactly the tokens of text.tokens, on ASCII and other text."""
    from storyline.stages.commit.dedup import _hash, _Profile

    texts = [
        WIRE,
        "The U.S. envoy\x1cmet o'Neil at 3.5 p.m. -- well-known_fact; snake_case!",
        "\u201cCaf\u00e9 cr\u00e8me,\u201d said \u00c9lodie \u2014 \u00bd of it. Stra\u00dfe \u2026 end",
        "Stop.\nNew line here.\u2009And\u00a0more \ufb01ne text.",
    ]
    for text in texts:
        prof = _Profile.of(Article(id="p", source="s", text=text, raw=text, title=""))
        assert (prof.toks & 0x7FFFFFFF).tolist() == [_hash(w) for w in tokens(text)], text


_FUZZ_CHARS = list("abcXYZ019 .,!?'\"-_()\n\t\x1c\x0b") + list(
    "\u2019\u201c\u201d\u2014\u00a0\u00e9\u00c9\u00df\u0130\ufb01\u00bd\u2026\u0301"
    "\u00e7\u03a9\u4e2d\u2028\u3000\u2033\u2032\u01c5\u00b2\u2460"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FUZZ_CHARS), max_size=60))
def test_profile_tokens_are_text_tokens_on_any_text(text: str) -> None:
    """Whatever the text (quotes, accents, ligatures, odd spaces), the scan's words are
    text.tokens' (the ASCII and line-by-line paths must not drift from the normaliser)."""
    from storyline.stages.commit.dedup import _hash, _Profile

    prof = _Profile.of(Article(id="p", source="s", text=text, raw=text, title=""))
    assert (prof.toks & 0x7FFFFFFF).tolist() == [_hash(w) for w in tokens(text)]


def test_ascii_scan_matches_unicode_scan_on_ascii_text() -> None:
    from storyline.stages.commit.dedup import _ASCII_WORD_OR_BREAK, _WORD_OR_BREAK
    from storyline.text import WORD_PATTERN

    # dedup's ASCII scan spells this pattern out: update it if the shared one changes
    assert WORD_PATTERN.pattern == r"[^\W_]+(?:['’.-][^\W_]+)*"

    text = (
        'mr. smith went to the u.s. on jan. 3. he said: "no." then\x1cleft!\x1fthen '
        "(a) b. c.d. e_f 4.5 o'neil's well-known \x0bend? yes.\t\x1dnext\n\nnew para."
    )
    assert _ASCII_WORD_OR_BREAK.findall(text) == _WORD_OR_BREAK.findall(text)


def test_best_match_prefers_near_over_rewrite_when_both_exist() -> None:
    """A near copy and a rewrite of the same report are both indexed: the near one wins."""
    original = make(WIRE, published="2030-05-01")
    rewrite = make(REWRITE, published="2030-05-01", at="2030-01-02T00:00:00")
    light = make(LIGHT, published="2030-05-03")
    index = DedupIndex()
    index.add(rewrite)
    index.add(original)
    m = index.add(light)
    assert m is not None and m.kind == "near"


def test_dropping_cold_profile_caches_changes_no_match(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.stages.commit.dedup as dd

    texts = [WIRE, LIGHT, REWRITE, INDEPENDENT]
    arts = [
        make(texts[n % 4] + f" Note {n}.", published=f"2030-05-0{1 + n % 5}") for n in range(12)
    ]

    def run() -> tuple[DedupIndex, list[DupMatch | None]]:
        index = DedupIndex()
        return index, [index.add(a) for a in arts]

    _, warm = run()
    monkeypatch.setattr(dd, "WARM_PROFILES", 1)
    index, cold = run()
    assert cold == warm
    assert any(m is not None and m.kind == "rewrite" for m in cold)
    # only the most recently compared profiles keep their sentence sets
    kept = [e for e in index._entries.values() if e.profile._sentences is not None]
    assert len(kept) <= 2  # the last compared one and the last added one


def test_copy_links_do_not_depend_on_ingest_order_or_time() -> None:
    """Copies with one publication time, ingested in two orders at other times (a restart):
    the same ``duplicate_of`` links, as the engine stores them (links, then relinks)."""
    texts = [WIRE, LIGHT, REWRITE, WIRE.replace("Monday", "Tuesday"), INDEPENDENT]
    arts = [make(t, published="2030-05-01T09:00:00Z") for t in texts]

    def stored_links(order: list[Article], at: list[str]) -> dict[str, str | None]:
        index = DedupIndex()
        links: dict[str, str | None] = {}
        for article, when in zip(order, at, strict=True):
            m = index.add(replace(article, ingested_at=when))
            links[article.id] = m.of if m else None
            links.update({aid: r.of for aid, r in index.take_relinks().items()})
        return links

    one_run = stored_links(arts, ["2030-05-02T00:00:00"] * len(arts))
    # the lowest id (the head by content) is ingested last, after a restart
    lowest = min(a.id for a in arts[:4])
    order = sorted(arts[::-1], key=lambda a: a.id == lowest)
    at = ["2030-05-03T00:00:00"] * (len(arts) - 1) + ["2030-05-04T00:00:00"]
    restarted = stored_links(order, at)
    assert restarted == one_run
    assert sum(v is not None for v in one_run.values()) >= 3  # the copies were found

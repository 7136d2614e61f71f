"""Duplicate detection: exact copies, near-copies (syndication) and rewrites of one report.

Three kinds, checked in this order against every candidate:

- ``exact``: the same words in the same order (case, punctuation, accents and spacing
  aside: the token sequence of ``text.tokens`` is equal).
- ``near``: word 5-shingle Jaccard >= ``NEAR_JACCARD``, or the shorter text's shingles are
  >= ``NEAR_CONTAINMENT`` inside the longer (a cut-down syndicated copy). Light edits and
  re-ordered paragraphs stay near-copies.
- ``rewrite``: one wire report rewritten by another outlet, where only a third of the
  wording may survive. Sentences are aligned on their content words; a rewrite keeps the
  same facts in the same order, so it needs enough aligned sentences (``REWRITE_MIN_ALIGNED``
  and ``REWRITE_MIN_FRACTION`` of the shorter article) on an increasing path (the longest
  increasing subsequence of the alignment). Independent articles on one story share names,
  numbers and sometimes a quote, but not a sentence-by-sentence skeleton.

Candidates come from MinHash LSH banding (datasketch's MinHash and banding, computed here
with numpy and dicts), never from a scan. The MinHash is taken over an article's content
words (word 1-shingles, stop words out): a rewrite keeps most of its vocabulary while its
phrasing changes, so this finds rewrites at a low threshold and every near or exact copy
with them. Candidates are ranked by their estimated Jaccard and the
best few are checked exactly on a compact per-article profile (hashed tokens with sentence
starts: the 5-shingles, the token sequence and the sentences all derive from it), which is
part of the stored signature so an index can be rebuilt without re-reading texts. Once a
near copy is found, the remaining candidates are not aligned sentence by sentence (a
rewrite ranks below a near copy).

Copies are looked for among articles published near the same time: the band tables are
kept per publication week (``PERIOD_DAYS``) and a dated article is checked against its own
week and the weeks either side (so at least a week apart, at most three weeks), and
against undated articles. Copies and rewrites of one report come out within days of each
other, and unrelated articles collide in some band at a fixed rate (about one in ten for
the synthetic stream of bench/throughput.py), so without the window the candidates per
article grew with the whole store (183 at 1,000 stored, 6,472 at 40,000). An undated
article is checked against every week (its cost still grows with the store), so that a
missing date never hides a copy.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import itertools
import re
import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
from datasketch import LeanMinHash, MinHash

from storyline.lang import ABBREVIATIONS, stop_words
from storyline.models import Article, ArticleId
from storyline.stages.commit.ordering import earliest_key
from storyline.text import _QUOTES as _PUNCTUATION_FOLDS
from storyline.text import WORD_PATTERN as _TOKEN_RE
from storyline.text import normalize_text

DupKind = Literal["exact", "near", "rewrite"]

NUM_PERM = 80
SHINGLE = 5
NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.8
# Near-copies share most of their vocabulary: below this estimated content-word Jaccard
# (a copy cut to half its length still sits near 0.5) the shingle check is skipped.
NEAR_WORD_GATE = 0.35
# LSH bands (b, r) over the content-word MinHash: a pair at Jaccard 0.3 collides with
# probability 0.98, at 0.2 with 0.81 (rewrites of a third of the wording sit at 0.3-0.4;
# unrelated articles near 0.05, where 10% collide and are then dropped by the estimate).
WORD_BANDS = (40, 2)
WORD_ESTIMATE_FLOOR = 0.18
# Band tables per publication period of this many days; a query reads its own period and
# the periods either side (see the module docstring).
PERIOD_DAYS = 7
REWRITE_SENTENCE_JACCARD = 0.3
REWRITE_MIN_ALIGNED = 3
REWRITE_MIN_FRACTION = 0.5
REWRITE_MAX_VERIFY = 8
MIN_SENTENCE_WORDS = 4
MAX_PROFILE_TOKENS = 4000
# Profiles keep their sentence sets and shingles (built when first compared) only while
# among this many most recently compared articles: kept on every indexed profile, they were
# two thirds of the index's memory (11 of 17.6 KB per synthetic article), and a copy's
# candidates are mostly recent articles (the same weeks).
WARM_PROFILES = 4096
_MAGIC = b"SLD2"
_TOP = np.uint32(0x80000000)
_LOW = np.uint32(0x7FFFFFFF)


@dataclass(frozen=True)
class DupMatch:
    """An article is a copy of ``of`` (the earliest article of its group)."""

    of: ArticleId
    kind: DupKind
    score: float


# -- profiles ---------------------------------------------------------------------------


def _stop_hashes() -> frozenset[int]:
    global _STOP_HASHES
    if _STOP_HASHES is None:
        _STOP_HASHES = frozenset(_hash(w) for w in stop_words())
    return _STOP_HASHES


_STOP_HASHES: frozenset[int] | None = None
_TOKEN_CACHE: dict[str, int] = {}  # token -> flagged hash
_TOKEN_CACHE_MAX = 500_000
# Alignment only needs rough sentence units, not cite offsets, so sentences are split with
# one regex (text.sentence_spans, which walks every match in Python, took 40% of add()).
# A break is a line end, or . ! ? (and closing quotes) before a space, except after an
# initial ("U.S.", "John F.") or a common abbreviation.
_ROUGH_SENTENCE = re.compile(
    r"\n|(?<=[.!?])(?<!\.\w\.)(?<!\b\w\.)"
    + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(ABBREVIATIONS))
    # [\s\x1c-\x1f] is \s with Unicode classes; spelt out so that the re.ASCII use of this
    # pattern (below) matches the same breaks: ASCII \s lacks the separators 0x1c-0x1f.
    # Possessive (*+, ++): quotes and spaces are disjoint, backtracking could not help.
    + r"[\"')\]]*+[\s\x1c-\x1f]++"
)

_BREAK_HASH = -1
_MISS = -2  # not a hash (those are >= 0) nor a break: a token not in the cache yet
# Words and sentence breaks in one scan: a break match is the whitespace (and closing
# quotes) it consumed, never a word (words start with a letter or digit, breaks with a
# space, a line end, a quote or a bracket, and the two never overlap), so one findall gives
# the word sequence with the breaks in place (was a substitution pass, then findall).
_WORD_OR_BREAK = re.compile(f"{_TOKEN_RE.pattern}|{_ROUGH_SENTENCE.pattern}", _TOKEN_RE.flags)
# The same scan for lower-cased ASCII text, about a quarter faster: text.WORD_PATTERN,
# [^\W_]+(?:['’.-][^\W_]+)*, with its class spelt for that text ([^\W_] is [a-z0-9]) and
# possessive quantifiers (nothing follows a word in the pattern, so backtracking never
# changes a match, and the regex engine then keeps no backtracking state); re.ASCII for
# the \w and \b of the break pattern (equal to the Unicode ones on ASCII text). test_dedup
# checks the tokens against text.tokens, and that WORD_PATTERN is still that pattern.
_ASCII_WORD = r"[a-z0-9]++(?:['.-][a-z0-9]++)*+"
_ASCII_WORD_OR_BREAK = re.compile(f"{_ASCII_WORD}|{_ROUGH_SENTENCE.pattern}", re.ASCII)


def _new_token_hashes(words: Iterable[str]) -> dict[str, int]:
    """The hashes of tokens not cached yet, cached while there is room.

    A token's hash has its top bit set for stop words and one-letter tokens; a sentence
    break matched by ``_WORD_OR_BREAK`` hashes to ``_BREAK_HASH`` (a word starts with a
    letter or digit, a break with a space, a quote or a bracket). In comprehensions over
    all the new tokens of an article, not a call per token: a fresh process meets
    ~13,000 new tokens in its first 600 articles.
    """
    stop = _stop_hashes()
    new = list(words)
    crcs = [c & 0x7FFFFFFF for c in map(zlib.crc32, map(str.encode, new))]  # as _hash
    fresh = {
        w: (h | 0x80000000 if h in stop or len(w) < 2 else h) if w[0].isalnum() else _BREAK_HASH
        for w, h in zip(new, crcs, strict=True)
    }
    if len(_TOKEN_CACHE) + len(fresh) <= _TOKEN_CACHE_MAX:  # news vocabulary repeats
        _TOKEN_CACHE.update(fresh)
    return fresh


def _token_hashes(words: list[str]) -> np.ndarray:
    """The hashes of ``words`` (int64; ``_BREAK_HASH`` for sentence breaks).

    One C-level pass of cache lookups with a sentinel for misses (news vocabulary repeats,
    so misses are few once the cache is warm), then each distinct missing word is hashed.
    """
    found = np.fromiter(
        map(_TOKEN_CACHE.get, words, itertools.repeat(_MISS)), dtype=np.int64, count=len(words)
    )
    miss = (found == _MISS).nonzero()[0]
    if len(miss):
        at = miss.tolist()
        fresh = _new_token_hashes({words[i] for i in at})
        found[miss] = [fresh[words[i]] for i in at]
    return found


def _folded_lower(text: str) -> str:
    """``text`` folded as ``text.normalize_text`` does, but keeping its line breaks.

    The word tokens of the result are ``text.tokens(text)``. ASCII text only needs
    lower-casing (NFKC and accent stripping are identities there, fold_punctuation maps
    non-ASCII characters only, and spacing does not change tokens or sentence breaks);
    other lines go through normalize_text.
    """
    if text.isascii():
        return text.lower()
    folded = _fold_punctuation(text)
    if folded.isascii():
        return folded.lower()
    return "\n".join(
        line.lower() if line.isascii() else normalize_text(line) for line in folded.split("\n")
    )


# text.fold_punctuation's table as (character, replacement) pairs
_FOLDS = tuple((chr(c), r) for c, r in _PUNCTUATION_FOLDS.items())


def _fold_punctuation(text: str) -> str:
    """``text.fold_punctuation(text)``, computed with one ``str.replace`` per character
    of its table that occurs in ``text``.

    ``str.translate`` looks every character of a non-ASCII string up in the table's dict:
    on the 14% of the benchmark's texts with a curly quote or a dash that was 180 us an
    article, the replacements take 2-3 us. Each replacement is one ASCII character and no
    replacement is in the table, so the order of the replacements does not matter.
    ``test_dedup`` checks the result equals fold_punctuation's.
    """
    for char, ascii_char in _FOLDS:
        if char in text:
            text = text.replace(char, ascii_char)
    return text


def _hash(token: str) -> int:
    # crc32 is stable across processes (Python's hash() is salted) and fast; MinHash
    # re-mixes it with the murmur finaliser, so its weak avalanche does not matter.
    return zlib.crc32(token.encode("utf-8")) & 0x7FFFFFFF


@dataclass(slots=True)
class _Profile:
    """What duplicate checks need from one article, in compact form.

    ``toks``: hashed tokens in order, the top bit set on stop words; ``starts``: index
    in ``toks`` where each sentence starts.
    """

    toks: np.ndarray  # uint32
    starts: np.ndarray  # uint32
    _sentences: list[frozenset[int]] | None = None
    _shingles: np.ndarray | None = None
    _exact: bytes | None = None  # _exact_key, computed once (looked up, then inserted)

    @classmethod
    def of(cls, article: Article) -> _Profile:
        text = _folded_lower(article.text)
        # Sentence breaks come out of the scan as tokens hashed to _BREAK_HASH, so the
        # whole text is tokenised in one regex call.
        scan = _ASCII_WORD_OR_BREAK if text.isascii() else _WORD_OR_BREAK
        found = _token_hashes(scan.findall(text))
        # drop the break markers; the first token and one right after a break start a
        # sentence: the i-th break (at position p) comes before kept token p - i
        keep = found != _BREAK_HASH
        hashes = found[keep].astype(np.uint32)
        n = len(hashes)
        at = (~keep).nonzero()[0].tolist()  # a few dozen: plain Python from here
        begins = sorted({0, *(p - i for i, p in enumerate(at))}) if n else []
        starts = np.array([b for b in begins if b < n], dtype=np.uint32)
        if len(hashes) > MAX_PROFILE_TOKENS:
            hashes = hashes[:MAX_PROFILE_TOKENS]
            starts = starts[starts < MAX_PROFILE_TOKENS]
        return cls(hashes, starts)

    @property
    def words(self) -> np.ndarray:
        """Token hashes without the stop-word flag."""
        return self.toks & _LOW

    def content_tokens(self) -> np.ndarray:
        """Content-word hashes in text order (repeats kept: MinHash does not mind them)."""
        return self.toks[self.toks < _TOP]

    def shingles(self) -> np.ndarray:
        """Sorted unique hashes of word ``SHINGLE``-grams (one shingle for a short text)."""
        if self._shingles is None:
            w = self.words.astype(np.uint64)
            if len(w) == 0:
                self._shingles = np.zeros(0, dtype=np.uint32)
            elif len(w) < SHINGLE:
                self._shingles = np.asarray([_mix(w)], dtype=np.uint32)
            else:
                n = len(w) - SHINGLE + 1
                h = np.zeros(n, dtype=np.uint64)
                for k in range(SHINGLE):
                    h = h * np.uint64(1_000_003) + w[k : k + n]
                self._shingles = _unique((h ^ (h >> np.uint64(29))).astype(np.uint32))
        return self._shingles

    def sentences(self) -> list[frozenset[int]]:
        """Content-word sets of sentences with at least ``MIN_SENTENCE_WORDS`` of them."""
        if self._sentences is None:
            toks = self.toks.tolist()  # plain ints: far faster than numpy for short slices
            bounds = [*self.starts.tolist(), len(toks)]
            out = []
            for a, b in itertools.pairwise(bounds):
                content = frozenset(t for t in toks[a:b] if t < 0x80000000)
                if len(content) >= MIN_SENTENCE_WORDS:
                    out.append(content)
            self._sentences = out
        return self._sentences

    def to_bytes(self) -> bytes:
        return (
            struct.pack("<II", len(self.toks), len(self.starts))
            + self.toks.astype("<u4", copy=False).tobytes()
            + self.starts.astype("<u4", copy=False).tobytes()
        )

    @classmethod
    def from_bytes(cls, buf: bytes) -> _Profile:
        n, m = struct.unpack_from("<II", buf, 0)
        toks = np.frombuffer(buf, dtype="<u4", count=n, offset=8).astype(np.uint32)
        starts = np.frombuffer(buf, dtype="<u4", count=m, offset=8 + 4 * n).astype(np.uint32)
        return cls(toks, starts)


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted unique values, as ``np.unique``: a sort and a mask are several times faster
    on the few hundred values of one article (numpy 2's hash-based unique is not)."""
    out = values.copy()
    out.sort()
    if len(out) > 1:
        out = out[np.concatenate(([True], out[1:] != out[:-1]))]
    return out


def _mix(values: np.ndarray) -> int:
    h = 0
    for v in values.tolist():
        h = (h * 1_000_003 + int(v)) & 0xFFFFFFFFFFFFFFFF
    return (h ^ (h >> 29)) & 0xFFFFFFFF


def _jaccard(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Jaccard and containment (of the smaller in the larger) of two sorted unique arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    # a value in both appears twice in the sorted concatenation (np.intersect1d's method,
    # without its Python-level wrappers)
    both = np.concatenate((a, b))
    both.sort()
    inter = int(np.add.reduce(both[1:] == both[:-1], dtype=np.intp))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def _lis_length(seq: Sequence[int]) -> int:
    tails: list[int] = []
    for x in seq:
        k = bisect.bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def rewrite_score(a: _Profile, b: _Profile) -> tuple[int, float]:
    """Aligned sentences on an increasing path, and their share of the shorter article.

    Each sentence of the article with fewer sentences is matched to its most similar
    sentence of the other (content-word Jaccard >= ``REWRITE_SENTENCE_JACCARD``); the
    longest increasing subsequence of the matched positions counts sentences told in the
    same order. Stops early once a rewrite verdict is out of reach.
    """
    sa, sb = a.sentences(), b.sentences()
    if len(sa) > len(sb):
        sa, sb = sb, sa
    n = len(sa)
    if not n:
        return 0, 0.0
    need = max(REWRITE_MIN_ALIGNED, -(-REWRITE_MIN_FRACTION * n // 1))
    sizes = [len(t) for t in sb]
    matched: list[int] = []
    for k, s in enumerate(sa):
        if len(matched) + (n - k) < need:
            break
        best, best_j = 0.0, -1
        size = len(s)
        for j, t in enumerate(sb):
            inter = len(s & t)
            if inter:
                jac = inter / (size + sizes[j] - inter)
                if jac > best:
                    best, best_j = jac, j
        if best >= REWRITE_SENTENCE_JACCARD:
            matched.append(best_j)
    aligned = _lis_length(matched)
    return aligned, aligned / n


def classify_pair(
    a: _Profile, b: _Profile, word_jaccard: float = 1.0, *, rewrites: bool = True
) -> tuple[DupKind, float] | None:
    """Whether two profiles are copies, and of which kind (None when independent).

    ``word_jaccard`` (an estimate of the content-word Jaccard, when known) skips the
    shingle comparison for pairs too far apart in vocabulary to be near-copies. With
    ``rewrites`` False only exact and near copies are looked for (no sentence alignment).
    """
    # the exact keys (digests of the words, computed once per profile) differ unless
    # the words are equal: compare the words only then
    if len(a.toks) and _exact_key(a) == _exact_key(b) and np.array_equal(a.words, b.words):
        return "exact", 1.0
    if word_jaccard >= NEAR_WORD_GATE:
        jac, cont = _jaccard(a.shingles(), b.shingles())
        if jac >= NEAR_JACCARD:
            return "near", round(jac, 4)
        if cont >= NEAR_CONTAINMENT and min(len(a.shingles()), len(b.shingles())) >= 20:
            return "near", round(cont, 4)
    if not rewrites:
        return None
    aligned, frac = rewrite_score(a, b)
    if aligned >= REWRITE_MIN_ALIGNED and frac >= REWRITE_MIN_FRACTION:
        return "rewrite", round(frac, 4)
    return None


# -- the index --------------------------------------------------------------------------

_PERMUTATIONS: tuple[np.ndarray, np.ndarray] | None = None


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine permutations for ``NUM_PERM`` and seed 1 (built once), as
    ``(NUM_PERM, 1)`` columns."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        template = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int)
        if template.scheme != "affine32":  # the arithmetic below is that scheme's
            raise RuntimeError(f"unexpected datasketch MinHash scheme {template.scheme!r}")
        a, b = template.permutations
        _PERMUTATIONS = (
            np.asarray(a, dtype=np.uint32).reshape(-1, 1),
            np.asarray(b, dtype=np.uint32).reshape(-1, 1),
        )
    return _PERMUTATIONS


def _minhash_values(values: np.ndarray) -> np.ndarray:
    """MinHash values of pre-hashed 32-bit ``values``, as datasketch's ``update_batch``.

    datasketch's "affine32" scheme: the murmur3 32-bit finaliser, then ``a * h + b`` modulo
    2**32 per permutation, then the minimum. Done here in numpy because building a
    ``MinHash`` object per article (it re-parses its permutations) cost more than the
    hashing itself; ``test_dedup`` checks the values equal datasketch's. ``values`` may
    repeat (the minimum does not change), which saves sorting them out first.
    """
    a, b = _permutations()
    if not len(values):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    # Integer array arithmetic wraps modulo 2**32 without overflow checks (no errstate
    # needed: entering one cost as much as the hashing). In place after the first step:
    # the arrays are small, allocations cost about as much as the arithmetic.
    h = np.asarray(values, dtype=np.uint32)
    h = h ^ (h >> np.uint32(16))
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    # (permutations x values), reduced along the contiguous axis
    phv = a * h
    phv += b
    out: np.ndarray = phv.min(axis=1)
    return out


def _minhash(values: np.ndarray) -> LeanMinHash:
    """A MinHash of pre-hashed 32-bit values (datasketch's type)."""
    return LeanMinHash(seed=1, hashvalues=_minhash_values(values), scheme="affine32")


def _lean_bytes(m: LeanMinHash) -> bytes:
    buf = bytearray(m.bytesize())
    m.serialize(buf)
    return bytes(buf)


def _lean_header() -> bytes:
    """The bytes LeanMinHash.serialize writes before the values for our MinHashes."""
    global _LEAN_HEADER
    if _LEAN_HEADER is None:
        blob = _lean_bytes(_minhash(np.zeros(0, dtype=np.uint32)))
        _LEAN_HEADER = blob[: len(blob) - 4 * NUM_PERM]
    return _LEAN_HEADER


_LEAN_HEADER: bytes | None = None


def _minhash_bytes(hv: np.ndarray) -> bytes:
    """``hv`` serialised as datasketch's LeanMinHash (seed 1, "affine32", native order).

    Written out directly: making a LeanMinHash and packing it with ``struct`` cost as
    much as computing the values. ``test_dedup`` checks the bytes equal datasketch's.
    """
    return _lean_header() + hv.astype(np.uint32, copy=False).tobytes()


@dataclass(slots=True)
class _Entry:
    key: tuple[int, str, str, str]
    profile: _Profile
    row: int  # its content-word MinHash in DedupIndex._rows


class DedupIndex:
    """Incremental duplicate index: ``add`` checks an article against all indexed ones.

    Groups of copies are kept with union-find; ``DupMatch.of`` is the earliest article of
    the group (published date, then ingest time, then id).
    """

    def __init__(self) -> None:
        self._bands = _Bands(*WORD_BANDS)
        self._ids: list[ArticleId] = []  # row -> article id
        self._entries: dict[ArticleId, _Entry] = {}
        self._exact: dict[bytes, ArticleId] = {}
        self._rows = _Rows(NUM_PERM)
        self._parent: dict[ArticleId, ArticleId] = {}
        self._head: dict[ArticleId, ArticleId] = {}  # root -> earliest member
        # root -> members, for groups of two or more (a list per article would be one more
        # object for the garbage collector to walk per indexed article)
        self._group: dict[ArticleId, list[ArticleId]] = {}
        self._sig_cache: dict[ArticleId, bytes] = {}
        self._relinks: dict[ArticleId, DupMatch] = {}
        self._links: dict[ArticleId, tuple[DupKind, float]] = {}
        self._warm: dict[ArticleId, None] = {}  # profiles with caches, least recent first

    def __len__(self) -> int:
        return len(self._entries)

    # -- public API ---------------------------------------------------------------------

    def add(self, article: Article) -> DupMatch | None:
        """Check ``article`` against everything indexed, then index it.

        Returns:
            The match (``of`` = earliest article of the copy group) or None when the
            article is original, or when it is itself earlier than every copy already
            indexed (those copies are then re-pointed to it: see ``take_relinks``).
        """
        if article.id in self._entries:
            head = self._group_head(article.id)
            link = self._links.get(article.id)
            return DupMatch(head, *link) if link and head != article.id else None
        profile = _Profile.of(article)
        hv = _minhash_values(profile.content_tokens())
        keys = self._bands.keys(hv)
        period = publication_period(article)
        own = self._bands.buckets(keys, period)  # looked up once, for the query and the insert
        match = self._best_match(
            article.id, profile, hv, own + self._bands.nearby_buckets(keys, period)
        )
        self._insert(article.id, earliest_key(article), profile, hv, keys, period, own)
        if profile._sentences is not None or profile._shingles is not None:
            self._keep_warm(article.id)
        self._sig_cache[article.id] = _pack(profile, hv)
        if len(self._sig_cache) > 512:  # the engine asks right after add; keep a few
            self._sig_cache.pop(next(iter(self._sig_cache)))
        if match is None:
            return None
        other, kind, score = match
        self._links[article.id] = (kind, score)
        old_head = self._group_head(other)
        self._union(article.id, other)
        head = self._group_head(article.id)
        if head == article.id:
            # the new article predates its copies: they now point to it
            for mid in self._members_of(article.id):
                if mid != article.id:
                    self._relinks[mid] = DupMatch(article.id, *self._links.get(mid, (kind, score)))
            if old_head != article.id:
                self._links.setdefault(old_head, (kind, score))
            return None
        return DupMatch(head, kind, score)

    def take_relinks(self) -> dict[ArticleId, DupMatch]:
        """Already indexed articles whose group head changed since the last call (cleared)."""
        out, self._relinks = self._relinks, {}
        return out

    def signature(self, article: Article) -> bytes:
        """The serialised MinHashes and duplicate profile of ``article`` (for storage)."""
        cached = self._sig_cache.get(article.id)
        if cached is not None:
            return cached
        profile = _Profile.of(article)
        return _pack(profile, _minhash_values(profile.content_tokens()))

    @classmethod
    def rebuild(cls, items: Iterable[tuple[Article, bytes]]) -> DedupIndex:
        """An index over stored articles, from their stored signatures.

        Copy groups are restored from the articles' ``duplicate_of``; a signature that
        cannot be read (older format) is recomputed from the article.
        """
        index = cls()
        # Insert in the order given (the store's ingest order), as the live index saw them:
        # candidate ties and the verify cut-off in ``_best_match`` follow row order, so a
        # restarted ingest then links new copies exactly as an uninterrupted one would.
        rows = list(items)
        for article, sig in rows:
            parsed = _unpack(sig) if sig else None
            if parsed is None:
                profile = _Profile.of(article)
                parsed = (profile, _minhash_values(profile.content_tokens()))
            profile, hv = parsed
            index._insert(
                article.id,
                earliest_key(article),
                profile,
                hv,
                index._bands.keys(hv),
                publication_period(article),
            )
        for article, _ in rows:
            if article.duplicate_of and article.duplicate_of in index._entries:
                index._links[article.id] = ("near", 0.0)
                index._union(article.id, article.duplicate_of)
        return index

    # -- internals ----------------------------------------------------------------------

    def _insert(
        self,
        aid: ArticleId,
        key: tuple[int, str, str, str],
        profile: _Profile,
        hv: np.ndarray,
        keys: list[int],
        period: int | None,
        buckets: list[_Bucket] | None = None,
    ) -> None:
        row = len(self._rows)
        self._entries[aid] = _Entry(key, profile, row)
        self._rows.append(hv)
        self._ids.append(aid)
        self._bands.insert(row, keys, period, buckets)
        self._exact.setdefault(_exact_key(profile), aid)
        self._parent[aid] = aid
        self._head[aid] = aid

    def _best_match(
        self,
        aid: ArticleId,
        profile: _Profile,
        hv: np.ndarray,
        buckets: list[_Bucket],
    ) -> tuple[ArticleId, DupKind, float] | None:
        if not len(profile.toks):
            return None
        same = self._exact.get(_exact_key(profile))
        if same is not None:
            return same, "exact", 1.0
        found = _rows_in(buckets)
        own = self._entries.get(aid)
        if own is not None:
            found.discard(own.row)
        if not found:
            return None
        # rank by estimated content-word Jaccard; verify only the best few exactly
        rows = sorted(found)
        # estimated Jaccard = equal MinHash values / NUM_PERM; rank by it (stable: row
        # order breaks ties), best first
        equal = np.add.reduce(self._rows.take(rows) == hv, axis=1, dtype=np.intp)
        equal_at = equal.tolist()
        if len(rows) <= 64:  # the usual few: Python's sort costs less than numpy's calls
            order = heapq.nlargest(REWRITE_MAX_VERIFY, range(len(rows)), equal_at.__getitem__)
        else:
            order = (-equal).argsort(kind="stable")[:REWRITE_MAX_VERIFY].tolist()
        best: tuple[ArticleId, DupKind, float] | None = None
        rank = {"exact": 3, "near": 2, "rewrite": 1}
        for i in order:
            word_jaccard = equal_at[i] / NUM_PERM
            if word_jaccard < WORD_ESTIMATE_FLOOR:
                break
            cand = self._ids[rows[i]]
            # a rewrite never outranks a near copy found already: skip its alignment
            rewrites = best is None or best[1] == "rewrite"
            verdict = classify_pair(
                profile, self._entries[cand].profile, word_jaccard, rewrites=rewrites
            )
            self._keep_warm(cand)
            if verdict is None:
                continue
            kind, score = verdict
            if best is None or (rank[kind], score) > (rank[best[1]], best[2]):
                best = (cand, kind, score)
                if kind == "exact":
                    break  # nothing outranks it (a later exact copy ties, and ties keep the first)
        return best

    def _keep_warm(self, aid: ArticleId) -> None:
        """Mark ``aid``'s profile caches as recently used; drop the least recent beyond
        ``WARM_PROFILES`` (they are rebuilt from the profile if it is compared again)."""
        warm = self._warm
        warm.pop(aid, None)
        warm[aid] = None
        if len(warm) > WARM_PROFILES:
            oldest = next(iter(warm))
            del warm[oldest]
            cold = self._entries.get(oldest)
            if cold is not None:
                cold.profile._sentences = None
                cold.profile._shingles = None

    def _find(self, x: ArticleId) -> ArticleId:
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: ArticleId, b: ArticleId) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        ha, hb = self._head[ra], self._head[rb]
        head = ha if self._entries[ha].key <= self._entries[hb].key else hb
        self._parent[rb] = ra
        self._head[ra] = head
        self._head.pop(rb, None)
        self._group.setdefault(ra, [ra]).extend(self._group.pop(rb, [rb]))

    def _group_head(self, aid: ArticleId) -> ArticleId:
        return self._head[self._find(aid)]

    def _members_of(self, aid: ArticleId) -> list[ArticleId]:
        root = self._find(aid)
        return list(self._group.get(root, (root,)))


class _Bands:
    """LSH banding over MinHash rows: ``bands`` bands of ``width`` values each.

    The same banding as datasketch's ``MinHashLSH`` with ``params=(bands, width)`` (two
    rows collide when all values of one band are equal), kept in one dict per band from
    the band's values to row numbers. Written here because datasketch's storage layer
    byte-swaps and serialises every band of every insert and query (~0.8 ms an article,
    most of ``add``); this is one numpy view and ``bands`` dict look-ups, which ``add``
    does once for its query and its insert (``buckets``).

    Rows are indexed under a publication period (None: undated), with one set of tables
    per period; ``nearby_buckets`` reads the periods a query must also see.
    """

    def __init__(self, bands: int, width: int) -> None:
        if width > 2:
            raise ValueError("bands of at most two 32-bit values fit one 64-bit key")
        self.bands, self.width = bands, width
        # per period, one dict per band: the keys stay 64-bit ints (a band number folded
        # into one shared dict's keys made them longer ints, slower to build and hash)
        self._periods: dict[int | None, list[dict[int, int | list[int]]]] = {}

    def keys(self, hv: np.ndarray) -> list[int]:
        """The band keys of the MinHash values ``hv`` (one int per band, in band order)."""
        vals = np.ascontiguousarray(hv[: self.bands * self.width], dtype=np.uint32)
        # a band of two 32-bit values read as one 64-bit int: a key equal exactly when the
        # values are (the byte order only decides which value is the high half)
        out: list[int] = (vals if self.width == 1 else vals.view(np.uint64)).tolist()
        return out

    def buckets(self, keys: list[int], period: int | None) -> list[_Bucket]:
        """What ``period`` indexes under each band key: None, a row, or a list of rows."""
        tables = self._periods.get(period)
        if tables is None:
            return [None] * self.bands
        return list(map(dict.get, tables, keys))

    def nearby_buckets(self, keys: list[int], period: int | None) -> list[_Bucket]:
        """The buckets a query of ``period`` reads besides its own period's.

        A dated query reads the periods either side and the undated rows; an undated one
        reads every period.
        """
        if period is None:
            others: Iterable[int | None] = [p for p in self._periods if p is not None]
        else:
            others = (period - 1, period + 1, None)
        out: list[_Bucket] = []
        for p in others:
            tables = self._periods.get(p)
            if tables is not None:
                out.extend(map(dict.get, tables, keys))
        return out

    def insert(
        self,
        row: int,
        keys: list[int],
        period: int | None,
        buckets: list[_Bucket] | None = None,
    ) -> None:
        """Index ``row`` under its band ``keys`` in ``period``.

        ``buckets``: ``self.buckets(keys, period)`` when already looked up (nothing
        inserted since).
        Most band keys belong to one article only: such a bucket is the row itself, not a
        list. A list per band and article was most of the objects the garbage collector
        walks, and its full collections were a tenth of the time of ``add``.
        """
        tables = self._periods.get(period)
        if tables is None:
            tables = self._periods[period] = [{} for _ in range(self.bands)]
            buckets = None
        if buckets is None:
            buckets = list(map(dict.get, tables, keys))
        for table, key, bucket in zip(tables, keys, buckets, strict=True):
            if bucket is None:
                table[key] = row
            elif isinstance(bucket, int):
                table[key] = [bucket, row]
            else:
                bucket.append(row)

    def query(self, keys: list[int], period: int | None) -> set[int]:
        """Rows a query of ``period`` finds: sharing a band key, in a period it reads."""
        return _rows_in(self.buckets(keys, period) + self.nearby_buckets(keys, period))


def publication_period(article: Article) -> int | None:
    """The ``PERIOD_DAYS`` period of the article's publication day (None: no full date)."""
    try:
        return date.fromisoformat((article.published or "")[:10]).toordinal() // PERIOD_DAYS
    except ValueError:
        return None


_Bucket = int | list[int] | None


def _rows_in(buckets: list[_Bucket]) -> set[int]:
    """The rows in ``_Bands.buckets``."""
    found = {b for b in buckets if type(b) is int}
    shared = [b for b in buckets if type(b) is list]
    if shared:
        found.update(*shared)
    return found


class _Rows:
    """A growing uint32 matrix of MinHash values (one row per indexed article)."""

    def __init__(self, width: int) -> None:
        self._data = np.zeros((1024, width), dtype=np.uint32)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, row: np.ndarray) -> None:
        if self._n == len(self._data):
            self._data = np.concatenate([self._data, np.zeros_like(self._data)])
        self._data[self._n] = row
        self._n += 1

    def take(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        out: np.ndarray = self._data.take(rows, axis=0)
        return out


def _exact_key(profile: _Profile) -> bytes:
    if profile._exact is None:
        profile._exact = hashlib.blake2b(profile.words.tobytes(), digest_size=16).digest()
    return profile._exact


def _pack(profile: _Profile, hv: np.ndarray) -> bytes:
    a, b = _minhash_bytes(hv), profile.to_bytes()
    return _MAGIC + struct.pack("<II", len(a), len(b)) + a + b


def _unpack(sig: bytes) -> tuple[_Profile, np.ndarray] | None:
    if not sig.startswith(_MAGIC):
        return None
    try:
        la, lb = struct.unpack_from("<II", sig, 4)
        off = 4 + 8
        mh = LeanMinHash.deserialize(sig[off : off + la])
        profile = _Profile.from_bytes(sig[off + la : off + la + lb])
    except (struct.error, ValueError):
        return None
    if len(mh) != NUM_PERM:
        return None
    return profile, np.asarray(mh.hashvalues, dtype=np.uint32)


def find_duplicates(articles: Sequence[Article]) -> dict[ArticleId, DupMatch]:
    """Every article that is a copy, mapped to the earliest article of its group.

    Articles are indexed from earliest to latest, so each group's head is original.
    """
    index = DedupIndex()
    for article in sorted(articles, key=earliest_key):
        index.add(article)
    index.take_relinks()
    out: dict[ArticleId, DupMatch] = {}
    for article in articles:
        head = index._group_head(article.id)
        if head != article.id:
            kind, score = index._links.get(article.id, ("near", 0.0))
            out[article.id] = DupMatch(head, kind, score)
    return out


__all__ = [
    "DedupIndex",
    "DupKind",
    "DupMatch",
    "classify_pair",
    "find_duplicates",
    "publication_period",
    "rewrite_score",
]

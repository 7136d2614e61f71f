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

Candidates come from a MinHash LSH index (datasketch), never from a scan. The MinHash is
taken over an article's content words (word 1-shingles, stop words out): a rewrite keeps most
of its vocabulary while its phrasing changes, so this finds rewrites at a low threshold and
every near or exact copy with them. Candidates are ranked by their estimated Jaccard and the
best few are checked exactly on a compact per-article profile (hashed tokens with sentence
starts: the 5-shingles, the token sequence and the sentences all derive from it), which is
part of the stored signature so an index can be rebuilt without re-reading texts.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import LeanMinHash, MinHash

from storyline.models import Article, ArticleId
from storyline.stages.cluster import earliest_key
from storyline.text import WORD_PATTERN as _TOKEN_RE
from storyline.text import fold_punctuation, sentence_spans, tokens

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
REWRITE_SENTENCE_JACCARD = 0.3
REWRITE_MIN_ALIGNED = 3
REWRITE_MIN_FRACTION = 0.5
REWRITE_MAX_VERIFY = 8
MIN_SENTENCE_WORDS = 4
MAX_PROFILE_TOKENS = 4000
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
        from storyline.stages.cluster import _stop_words

        _STOP_HASHES = frozenset(_hash(w) for w in _stop_words())
    return _STOP_HASHES


_STOP_HASHES: frozenset[int] | None = None
_TOKEN_CACHE: dict[str, int] = {}  # token -> flagged hash
_TOKEN_CACHE_MAX = 500_000
# Alignment only needs rough sentence units, not cite offsets, so sentences are split with
# one regex (text.sentence_spans, which walks every match in Python, took 40% of add();
# it is still used for non-ASCII text). A break is a line end, or . ! ? (and closing quotes)
# before a space, except after an initial ("U.S.", "John F.") or a common abbreviation.
_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
    "jr", "sr", "no", "vs", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "mt", "ft",
)  # fmt: skip
_ROUGH_SENTENCE = re.compile(
    r"\n|(?<=[.!?])(?<!\.\w\.)(?<!\b\w\.)"
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"[\"')\]]*\s+"
)


# A token that cannot come out of real text marks sentence breaks inside one token list.
_BREAK = "zqxbreakzqx"
_BREAK_HASH = -1
_TOKEN_CACHE[_BREAK] = _BREAK_HASH
# Words and sentence breaks in one scan: a break match is the whitespace (and closing
# quotes) it consumed, never a word (words start with a letter or digit, breaks with a
# space, a line end, a quote or a bracket, and the two never overlap), so one findall gives
# the word sequence with the breaks in place (was a substitution pass, then findall).
_WORD_OR_BREAK = re.compile(f"{_TOKEN_RE.pattern}|{_ROUGH_SENTENCE.pattern}", _TOKEN_RE.flags)


def _token_hash(word: str) -> int:
    """The hash of a token, top bit set for stop words and one-letter tokens (cached).

    A sentence break matched by ``_WORD_OR_BREAK`` hashes to ``_BREAK_HASH``.
    """
    first = word[:1]
    if first.isspace() or first in "\"')]":
        h = _BREAK_HASH
    else:
        h = _hash(word)
        if h in _stop_hashes() or len(word) < 2:
            h |= 0x80000000
    if len(_TOKEN_CACHE) < _TOKEN_CACHE_MAX:  # news vocabulary repeats; bound the memory
        _TOKEN_CACHE[word] = h
    return h


def _token_lookup(words: list[str]) -> Callable[[str], int]:
    """A getter of the hashes of ``words``: new words are hashed once (set difference in C)."""
    missing = set(words).difference(_TOKEN_CACHE)
    if not missing:
        return _TOKEN_CACHE.__getitem__
    room = len(_TOKEN_CACHE) + len(missing) <= _TOKEN_CACHE_MAX
    fresh = {w: _token_hash(w) for w in missing}  # _token_hash caches while there is room
    if room:
        return _TOKEN_CACHE.__getitem__
    return lambda w: fresh[w] if w in fresh else _TOKEN_CACHE[w]


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
        text = article.text
        folded = fold_punctuation(text)
        if folded.isascii():
            # Once curly quotes and dashes are folded, ASCII text needs nothing more from
            # normalize_text than lower-casing (NFKC and accent stripping are identities),
            # so text.tokens reduces to its word pattern on the lower-cased text: one regex
            # pass instead of normalize_text's per-character one. Sentence breaks become
            # a marker token, so the whole text is tokenised in one call.
            words = _WORD_OR_BREAK.findall(folded.lower())
        else:
            words = []
            for s, e in sentence_spans(text):
                words += tokens(text[s:e])
                words.append(_BREAK)
        found = np.fromiter(map(_token_lookup(words), words), dtype=np.int64, count=len(words))
        # drop the break markers; a token right after one (or first) starts a sentence
        brk = found == _BREAK_HASH
        keep = ~brk
        after_break = np.concatenate(([True], brk[:-1])) if len(brk) else brk
        hashes = found[keep].astype(np.uint32)
        starts = (np.cumsum(keep) - 1)[keep & after_break].astype(np.uint32)
        if len(hashes) > MAX_PROFILE_TOKENS:
            hashes = hashes[:MAX_PROFILE_TOKENS]
            starts = starts[starts < MAX_PROFILE_TOKENS]
        return cls(hashes, starts)

    @property
    def words(self) -> np.ndarray:
        """Token hashes without the stop-word flag."""
        return self.toks & _LOW

    def content(self) -> np.ndarray:
        """Unique content-word hashes."""
        return np.unique(self.toks[self.toks < _TOP])

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
                self._shingles = np.unique((h ^ (h >> np.uint64(29))).astype(np.uint32))
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
            + self.toks.astype("<u4").tobytes()
            + self.starts.astype("<u4").tobytes()
        )

    @classmethod
    def from_bytes(cls, buf: bytes) -> _Profile:
        n, m = struct.unpack_from("<II", buf, 0)
        toks = np.frombuffer(buf, dtype="<u4", count=n, offset=8).astype(np.uint32)
        starts = np.frombuffer(buf, dtype="<u4", count=m, offset=8 + 4 * n).astype(np.uint32)
        return cls(toks, starts)


def _mix(values: np.ndarray) -> int:
    h = 0
    for v in values.tolist():
        h = (h * 1_000_003 + int(v)) & 0xFFFFFFFFFFFFFFFF
    return (h ^ (h >> 29)) & 0xFFFFFFFF


def _jaccard(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Jaccard and containment (of the smaller in the larger) of two sorted unique arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
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
    a: _Profile, b: _Profile, word_jaccard: float = 1.0
) -> tuple[DupKind, float] | None:
    """Whether two profiles are copies, and of which kind (None when independent).

    ``word_jaccard`` (an estimate of the content-word Jaccard, when known) skips the
    shingle comparison for pairs too far apart in vocabulary to be near-copies.
    """
    if len(a.toks) and np.array_equal(a.words, b.words):
        return "exact", 1.0
    if word_jaccard >= NEAR_WORD_GATE:
        jac, cont = _jaccard(a.shingles(), b.shingles())
        if jac >= NEAR_JACCARD:
            return "near", round(jac, 4)
        if cont >= NEAR_CONTAINMENT and min(len(a.shingles()), len(b.shingles())) >= 20:
            return "near", round(cont, 4)
    aligned, frac = rewrite_score(a, b)
    if aligned >= REWRITE_MIN_ALIGNED and frac >= REWRITE_MIN_FRACTION:
        return "rewrite", round(frac, 4)
    return None


# -- the index --------------------------------------------------------------------------

_PERMUTATIONS: tuple[np.ndarray, np.ndarray] | None = None


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine permutations for ``NUM_PERM`` and seed 1 (built once)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        template = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int)
        if template.scheme != "affine32":  # the arithmetic below is that scheme's
            raise RuntimeError(f"unexpected datasketch MinHash scheme {template.scheme!r}")
        a, b = template.permutations
        _PERMUTATIONS = (np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32))
    return _PERMUTATIONS


def _minhash_values(values: np.ndarray) -> np.ndarray:
    """MinHash values of pre-hashed 32-bit ``values``, as datasketch's ``update_batch``.

    datasketch's "affine32" scheme: the murmur3 32-bit finaliser, then ``a * h + b`` modulo
    2**32 per permutation, then the minimum. Done here in one numpy expression because
    building a ``MinHash`` object per article (it re-parses its permutations) cost more than
    the hashing itself; ``test_dedup`` checks the values equal datasketch's.
    """
    a, b = _permutations()
    if not len(values):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    with np.errstate(over="ignore"):
        h = np.asarray(values, dtype=np.uint32)
        h = h ^ (h >> np.uint32(16))
        h = h * np.uint32(0x85EBCA6B)
        h = h ^ (h >> np.uint32(13))
        h = h * np.uint32(0xC2B2AE35)
        h = h ^ (h >> np.uint32(16))
        phv = h[:, None] * a[None, :] + b[None, :]
    out: np.ndarray = phv.min(axis=0)
    return out


def _minhash(values: np.ndarray) -> LeanMinHash:
    """A MinHash of pre-hashed 32-bit values (datasketch's type, for the signature)."""
    return LeanMinHash(seed=1, hashvalues=_minhash_values(values), scheme="affine32")


def _lean_bytes(m: LeanMinHash) -> bytes:
    buf = bytearray(m.bytesize())
    m.serialize(buf)
    return bytes(buf)


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
        self._group: dict[ArticleId, list[ArticleId]] = {}  # root -> members
        self._sig_cache: dict[ArticleId, bytes] = {}
        self._relinks: dict[ArticleId, DupMatch] = {}
        self._links: dict[ArticleId, tuple[DupKind, float]] = {}

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
        word_mh = _minhash(profile.content())
        match = self._best_match(article.id, profile, word_mh)
        self._insert(article.id, earliest_key(article), profile, word_mh)
        self._sig_cache[article.id] = _pack(profile, word_mh)
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
        return _pack(profile, _minhash(profile.content()))

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
                parsed = (profile, _minhash(profile.content()))
            index._insert(article.id, earliest_key(article), *parsed)
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
        word_mh: LeanMinHash,
    ) -> None:
        row = len(self._rows)
        hv = np.asarray(word_mh.hashvalues, dtype=np.uint32)
        self._entries[aid] = _Entry(key, profile, row)
        self._rows.append(hv)
        self._ids.append(aid)
        self._bands.insert(row, hv)
        self._exact.setdefault(_exact_key(profile), aid)
        self._parent[aid] = aid
        self._head[aid] = aid
        self._group[aid] = [aid]

    def _best_match(
        self, aid: ArticleId, profile: _Profile, word_mh: LeanMinHash
    ) -> tuple[ArticleId, DupKind, float] | None:
        if not len(profile.toks):
            return None
        same = self._exact.get(_exact_key(profile))
        if same is not None:
            return same, "exact", 1.0
        hv = np.asarray(word_mh.hashvalues, dtype=np.uint32)
        found = self._bands.query(hv)
        own = self._entries.get(aid)
        if own is not None:
            found.discard(own.row)
        if not found:
            return None
        # rank by estimated content-word Jaccard; verify only the best few exactly
        rows = np.fromiter(sorted(found), dtype=np.int64, count=len(found))
        cands = [self._ids[r] for r in rows.tolist()]
        est = np.count_nonzero(self._rows.take(rows) == hv, axis=1) / NUM_PERM
        order = np.argsort(-est, kind="stable")[:REWRITE_MAX_VERIFY]
        best: tuple[ArticleId, DupKind, float] | None = None
        rank = {"exact": 3, "near": 2, "rewrite": 1}
        for i in order:
            if est[i] < WORD_ESTIMATE_FLOOR:
                break
            cand = cands[int(i)]
            verdict = classify_pair(profile, self._entries[cand].profile, float(est[i]))
            if verdict is None:
                continue
            kind, score = verdict
            key = (rank[kind], score, self._entries[cand].key)
            if best is None or key[:2] > (rank[best[1]], best[2]):
                best = (cand, kind, score)
        return best

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
        self._group[ra].extend(self._group.pop(rb))

    def _group_head(self, aid: ArticleId) -> ArticleId:
        return self._head[self._find(aid)]

    def _members_of(self, aid: ArticleId) -> list[ArticleId]:
        return list(self._group[self._find(aid)])


class _Bands:
    """LSH banding over MinHash rows: ``bands`` bands of ``width`` values each.

    The same banding as datasketch's ``MinHashLSH`` with ``params=(bands, width)`` (two
    rows collide when all values of one band are equal), kept in one dict from
    (band, values) to row numbers. Written here because datasketch's storage layer
    byte-swaps and serialises every band of every insert and query (~0.8 ms an article,
    most of ``add``); this is one numpy view and ``bands`` dict operations.
    """

    def __init__(self, bands: int, width: int) -> None:
        if width > 2:
            raise ValueError("bands of at most two 32-bit values fit one 64-bit key")
        self.bands, self.width = bands, width
        self._table: dict[int, list[int]] = {}

    def _keys(self, hv: np.ndarray) -> list[int]:
        vals = hv[: self.bands * self.width].astype(np.uint64).reshape(self.bands, self.width)
        packed = vals[:, 0] if self.width == 1 else (vals[:, 0] << np.uint64(32)) | vals[:, 1]
        # the band number goes into bits above the 64 value bits (Python ints are unbounded)
        return [k << 7 | b for b, k in enumerate(packed.tolist())]

    def insert(self, row: int, hv: np.ndarray) -> None:
        table = self._table
        for key in self._keys(hv):
            bucket = table.get(key)
            if bucket is None:
                table[key] = [row]
            else:
                bucket.append(row)

    def query(self, hv: np.ndarray) -> set[int]:
        """Rows sharing at least one band with ``hv``."""
        out: set[int] = set()
        table = self._table
        for key in self._keys(hv):
            bucket = table.get(key)
            if bucket is not None:
                out.update(bucket)
        return out


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

    def take(self, rows: np.ndarray) -> np.ndarray:
        out: np.ndarray = self._data[rows]
        return out


def _exact_key(profile: _Profile) -> bytes:
    if profile._exact is None:
        profile._exact = hashlib.blake2b(profile.words.tobytes(), digest_size=16).digest()
    return profile._exact


def _pack(profile: _Profile, word_mh: LeanMinHash) -> bytes:
    a, b = _lean_bytes(word_mh), profile.to_bytes()
    return _MAGIC + struct.pack("<II", len(a), len(b)) + a + b


def _unpack(sig: bytes) -> tuple[_Profile, LeanMinHash] | None:
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
    return profile, mh


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
    "rewrite_score",
]

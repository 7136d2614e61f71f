"""Story clustering: which articles tell the same story, decided incrementally.

An article joins the story it is most similar to, or starts a new one. Similarity mixes
two signals, each a cosine to the story's centroid:

- **terms**: entity-like terms (capitalised names, numbers; ``article_terms``) weighted by
  IDF over the stored articles. Names are what tell two similar events apart (two
  earthquakes, two rehab stays, two drink-driving arrests at one club). Between two
  groups of short articles (a few terms each) the term cosine weighs less
  (``ClusterParams.short_terms``).
- **embedding**: the article's dense vector (``storyline.embed``), the topical signal.

and a **time** penalty that grows with the gap between an article's date and the story's
date range, so similar events months or years apart are different stories (articles
without dates pay nothing, and so does a violent crime's legal coda, ``terms.legal_coda``:
a charge, trial or sentence told months after the shooting is still its event), and a
**principal-actor** penalty: two articles *clash* when
neither names any of the other's principal actors (the names it repeats most, ``#p:``
terms from ``article_terms``), and similarity is multiplied by
``max(clash_floor, 1 - clash_weight * share of clashing article pairs)`` between the two
sides. Two drink-driving arrests of one team's players, two quakes on one island: the
same words, other people and places (on ECB+ train, 0.6% of same-event article pairs
clash and 34% of pairs of sibling events do). Siblings that share their people differ by
**event identity** (``_event_clash``): the actions their headlines name (``#a:`` terms,
``lang.actions``) and the day of the event (published, else given by the lead, ``#d:``).
A strike and the deal that ended it a week later, a mayor arrested and then charged: two
articles whose headlines name other actions clash, strongly when their days are known
and apart, not at all when their days are close, and an article whose action is unknown
never clashes. Identifier codes are event identity too (``identifier_codes``): two
articles naming codes of one family and none in common ("xb12-345" and "xb13-008", two
security bulletins, two flights) tell of two instances of one recurring thing. Two main
actions that are opposed phases of one storyline (a theft and the recovery, miners trapped
and rescued: ``lang.actions.OPPOSED_ACTIONS``) clash even when a day is unknown, and
articles published more than a week apart clash when one of them names an action the
other does not (``_apart_by_day``; days alone do not: one event is commented on for weeks).
An article whose headline names no action is read by its lead's first sentence instead
(``#l:`` terms, ``lead_opposed``): its opposed phases clash in full, other actions less.

The join rule is size-aware. The centroid of ``k`` articles of one story is a less noisy
estimate than a single article, so the similarity expected between two same-story groups
of sizes ``k1`` and ``k2`` is ``rho / sqrt((rho + (1 - rho)/k1) (rho + (1 - rho)/k2))``
where ``rho`` is the mean similarity of two articles of one story. An article joins a
story when its similarity reaches ``alpha`` times that expectation; two stories merge on
the same test at the group level; a story that has grown is re-grouped from single
articles with its nearest stories and split where it falls apart; and at the end of every
batch (``StoryIndex.take_moves``, once per engine chunk) every story the batch touched is
*settled* the same way, which makes the result much less dependent on arrival order.
Merges and splits are local (only the stories an article touched and their neighbours)
and reported through ``StoryIndex.take_moves``.

A rebuilt index (a restart, another process) is the running one, so where a process
restarted never changes a story. The pending work is a function of what is stored: a
story is re-checked for a split when its size passes a point of a fixed series
(``split_min``, then ``split_growth`` times the last), and settled each time the index
size passes a point of a series of powers of ``settle_drift`` offset by a hash of its id
(``_schedule``). Term weights are not, since a running index re-weighs an article by the
current IDF only when it re-groups it and its weights are more than a doubling old: so
the index size an article was last weighed at is stored (``take_weighed``; the commit
writes it with the assignments), and ``rebuild`` replays the document frequencies in
ingest order and weighs each article at its stored size. (Making the re-weighing itself
a function of the stored count, all articles at fixed sizes, was the other way; storing
one integer per re-weighed article keeps the running index's weights, so its results
are unchanged: ECB+ pairwise F1 0.887/0.983 train/dev before, 0.888/0.983 after.)
Candidate ties are broken by story id, never by when a story was last touched, which a
rebuilt index cannot know. What a rebuild still does not restore is the order of a term's
or an LSH bucket's stories beyond the ``posting_cap`` most recent (a rebuilt index ranks
them by their latest article in ingest order, a running one by when each was last
touched); it matters only for a term of an article's ``query_terms`` shared by more than
``posting_cap`` stories.

Candidate stories come from indexes, never from a scan over all stories: an inverted index
over terms (a capped list of the most recent stories per term) and random-hyperplane LSH
buckets over article vectors. The cost of ``add`` stays flat as the store grows.

``recluster`` (``stages/commit/recluster.py``) replays this procedure over everything, as a
clean run (a fresh store ingesting the same articles in time order) would.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, count, islice, repeat
from operator import mul
from typing import TYPE_CHECKING

import numpy as np

from storyline.blas import one_blas_thread
from storyline.lang import MONTH_ABBREVIATIONS
from storyline.lang.actions import opposed
from storyline.models import Article, ArticleId, StoryId
from storyline.stages.commit.ordering import article_day, earliest_key, story_id_for
from storyline.stages.prepare.terms import (
    ACTION_PREFIX,
    CODA_TERM,
    DAY_PREFIX,
    LEAD_ACTION_PREFIX,
    PRINCIPAL_PREFIX,
    THEME_PREFIX,
    WORD_PREFIX,
)

if TYPE_CHECKING:
    import scipy.sparse as sp

# an identifier code as a term: its family (2-4 letters), then digit groups joined by
# dashes ("xb12-345", "qz-907", "kv-2031-88") or one group of 3+ digits ("qx907")
_CODE_TERM = re.compile(r"([a-z]{2,4})(?:-?\d+(?:-\d+)+|-\d{2,}|\d{3,})")
_NOT_CODE_FAMILY = frozenset(m.lower() for m in MONTH_ABBREVIATIONS)  # "dec-19-05": a date

# -- parameters -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Knobs of the clustering rule; defaults per embedder were tuned on ECB+ train.

    Attributes:
        term_weight: weight of the term cosine (the embedding cosine gets the rest).
        emb_floor: embedding cosines are rescaled as ``(cos - floor) / (1 - floor)``; a
            static model puts unrelated texts near 0.6, MiniLM near 0.
        rho: expected similarity of two articles of one story (see the module docstring).
        alpha: an article joins a story at ``alpha`` times the expected similarity.
        alpha_merge: two stories merge at ``alpha_merge`` times their expected similarity.
        alpha_split: a story splits when its two-means halves fall below this factor.
        time_grace_days: no penalty within this many days of a story's date range.
        time_scale_days: beyond the grace, similarity is multiplied by
            ``exp(-(gap - grace) / scale)``: 0.6 a month out, 0.05 half a year out.
        query_terms: an article's highest-IDF terms used to look up candidate stories.
        posting_cap: most recent stories read per term or LSH bucket.
        max_candidates: stories scored in full per article.
        lsh_tables, lsh_bits: random-hyperplane LSH over article vectors.
        split_min: smallest story re-checked for a split.
        split_growth: a story is re-checked each time it grows by this factor.
        settle_drift: a story is re-grouped again once the index has grown by this
            factor since it last was (its members' IDF weights have drifted).
        clash_weight: similarity is multiplied by ``max(clash_floor, 1 - weight * rate)``
            where ``rate`` is the share of article pairs across the two sides whose
            principal actors clash (``_clashes``): siblings of one topic (two quakes, two
            arrests) name other people and places. 0 turns it off; 1.5 was chosen on
            ECB+ train (flat there between 1 and 2, pairwise F1 0.878-0.885).
        clash_floor: the smallest factor.
        action_weight: event identity (``_event_clash``): the clash of a pair of articles
            whose headlines name other actions (``#a:`` terms; half as much when one of
            them names the other's main action too), when their event days are not both
            known; similarity is multiplied by ``max(clash_floor, 1 - mean clash)`` over
            every article pair across the two sides (a pair with an unknown action adds
            0). 0 turns it off. Chosen on ECB+ train and the sibling set: train pairwise
            F1 is flat from 0.4 to 0.6 (0.888-0.889).
        action_date_weight: the clash of a pair with other actions whose event days (the
            published day, else the day the lead gives, ``#d:`` terms) are more than
            ``date_gap_days`` apart: another action on another day.
        date_gap_days: event days further apart than this are other days; a pair with
            other actions on days this close does not clash (one event, told by one
            outlet as the quake and by another as the rescue). Same events on ECB+ span
            weeks (a follow-up, a trial), so days alone, without the action, never clash.
        code_weight: the clash of a pair of articles whose identifier codes are of one
            family and none in common (``codes_clash``), added to their action clash.
            0 turns it off. On ECB+ train it splits the two emergency patches of one
            browser (the only topic with such codes; 0.03% of same-event pairs clash):
            pairwise F1 0.889 -> 0.913, flat from 2 to 4; at 1.5 one order in three.
        day_weight: publication days (issue 19): similarity is multiplied by
            ``max(clash_floor, 1 - day_weight * share)`` where ``share`` is the share of
            the article pairs across the two sides, both dated, that are apart by day
            (``_apart_by_day``: published more than ``day_gap_days`` apart, one naming an
            action, neither the other's main one). Undated articles count in neither
            part of the share. 0 turns it off. On ``bench/data/siblings2`` (development
            data since) pF1 0.684 -> 0.784 with ``opposed_weight``; ECB+ train and dev
            unchanged. Days alone, with no action named, cost ECB+ dev 0.983 -> 0.965
            (a nomination commented on for two weeks), so they are not enough.
        day_gap_days: publication days further apart than this are other days for
            ``day_weight``: a week, as ``time_grace_days`` (4 cost ECB+ dev 0.983 ->
            0.976 with the action condition: a nominee's profile a week after).
        opposed_weight: the smallest clash of two articles whose main actions are
            opposed phases (``_event_clash``), days unknown or far apart.
        coda_undated: a violent crime's legal coda (``terms.legal_coda``: a charge, trial,
            verdict or sentence for a shooting or killing, ``#c:`` term) counts as
            undated: no time penalty, no day clash, no event day (the crime it tells
            happened on another day, weeks or years before). ECB+ train pF1 0.913 ->
            0.927 (worst order 0.911 -> 0.925), dev, siblings and siblings2 unchanged.
        lead_opposed: an article whose headline names no action takes the actions of its
            lead's first sentence (``terms.lead_actions``, ``#l:`` terms; the member's
            ``lead``): weaker evidence (on ECB+ train 52% of same-event pairs with one
            clash on them, 18% with headlines' only), so two main actions that are opposed
            phases clash in full, other actions by ``lead_level`` times the usual clash,
            and days never read them (``_apart_by_day``: with them ECB+ dev 0.983 ->
            0.968). On ``bench/data/siblings4`` (development data since s8) most articles
            are undated opinion pieces whose headlines name no action.
        lead_level: the share of ``action_weight`` / ``action_date_weight`` a pair pays
            when one side's actions are its lead's and no opposed phases: 0 costs nothing
            on ECB+; 0.5 (chosen) siblings2 pF1 0.747 -> 0.837, siblings4 0.675 -> 0.693,
            ECB+ train 0.927 -> 0.924 (one protest event told over a week split), dev
            unchanged; 1.0 train 0.922. Paid only where a day is unknown: two dated
            articles are told apart by their days (at 0.5 for dated pairs too, the bundled
            Sarel treaty talks lost their deal three days after a compromise text; dated
            only where unknown, siblings, siblings2 and siblings4 are unchanged).
        theme_weight: the clash of a pair of articles whose principal themes clash
            (``themes_clash``: the things their headlines name and their texts repeat,
            "memos" and "questions", neither naming the other's), added to their event
            clash whatever their days (the thing an article is about does not change with
            the day it is told). 0 turns it off. ``bench/data/siblings4`` (development
            data) pF1 0.693 -> 0.730, sibM 37.0% -> 24.7% (the memos and the questions
            apart) in each of six orders; ECB+ train, dev, siblings, siblings2 unchanged;
            flat from 1.0 to 2.0 on siblings4, at 2.0 ECB+ train loses two orders of six.
        theme_mixed: the share of ``theme_weight`` a pair pays when one article names an
            action (``actions``) and the other none: an opinion piece's headline words
            are more often a side of the story ("what the ruling means for voters"). At
            1.0 (and 0.5) one ECB+ train order in three 0.922 -> 0.906: an undated
            article on the later browser flaw, put with the earlier patch's story, drove
            five of its articles out; at 0.25 none of six orders changes.
        short_terms: the term evidence of groups of short articles (issue 19). A
            one-sentence article has a handful of terms ("armed", "paris"), so the term
            cosine between two groups of such articles rests on a few words and says
            little, while their centroid embeddings are already steady. When both sides
            of a pair are groups (two or more articles each, ``_greedy``) the weight of
            their term cosine is ``term_weight`` times ``min(1, n / short_terms)`` (at
            least ``short_floor``), ``n`` the larger of the two sides' mean number of
            terms per article: a pair in which either side has terms enough is scored as
            before. It only lifts: where the term cosine is above the embedding cosine,
            the few words the groups share count in full. A single article is scored as
            before (relieving it too, siblings2 pF1 0.837 -> 0.817, sibM 7.5% -> 10.9%:
            short rescue and trapped-miner reports joined across), and so is a side whose
            articles carry no term at all (no evidence of shortness: one such article
            joined another topic's story on ECB+ train). ECB+ train pF1 0.924 -> 0.933
            (a jewel heist told in fifteen one-sentence articles, two stories before;
            54 pairs), dev 0.983 -> 0.982 (worst order 0.972 both; recluster 0.983 ->
            0.980, one more snippet of a ten-snippet event apart), siblings and siblings4
            unchanged, siblings2 0.837 -> 0.834 (sibM 7.5% -> 7.3%). 0 turns it off.
        short_floor: the smallest share of ``term_weight`` kept for short articles.
    """

    term_weight: float = 0.7
    emb_floor: float = 0.0
    rho: float = 0.35
    alpha: float = 0.8
    alpha_merge: float = 0.8
    alpha_split: float = 0.7
    time_grace_days: float = 7.0
    time_scale_days: float = 45.0
    query_terms: int = 12
    posting_cap: int = 48
    max_candidates: int = 32
    lsh_tables: int = 12
    lsh_bits: int = 10
    split_min: int = 6
    split_growth: float = 1.25
    settle_drift: float = 2.0
    clash_weight: float = 1.5
    clash_floor: float = 0.0
    action_weight: float = 0.5
    action_date_weight: float = 1.5
    date_gap_days: float = 2.0
    code_weight: float = 2.5
    day_weight: float = 0.7
    day_gap_days: float = 7.0
    opposed_weight: float = 1.5
    coda_undated: bool = True
    lead_opposed: bool = True
    lead_level: float = 0.5
    theme_weight: float = 1.0
    theme_mixed: float = 0.25
    short_terms: float = 0.0
    short_floor: float = 0.5


DEFAULT_PARAMS: dict[str, ClusterParams] = {
    # tuned on ECB+ train (incremental and recluster pairwise F1), see bench/cluster.py
    "minilm": ClusterParams(
        term_weight=0.8, rho=0.15, alpha=0.8, alpha_merge=0.8, short_terms=10.0
    ),
    "model2vec": ClusterParams(
        term_weight=0.8, rho=0.15, alpha=0.8, alpha_merge=0.8, emb_floor=0.7
    ),
    "tfidf": ClusterParams(term_weight=0.8, rho=0.15, alpha=0.7, alpha_merge=0.8),
}


def params_for(embedder_name: str) -> ClusterParams:
    """The tuned parameters for vectors made by ``embedder_name``."""
    return DEFAULT_PARAMS.get(embedder_name, ClusterParams())


def expected_similarity(rho: float, k1: int, k2: int) -> float:
    """Similarity expected between the centroids of ``k1`` and ``k2`` same-story articles."""
    return rho / math.sqrt((rho + (1 - rho) / k1) * (rho + (1 - rho) / k2))


# -- the index --------------------------------------------------------------------------


@dataclass(slots=True)
class _Member:
    id: ArticleId
    key: tuple[int, str, str, str]
    day: int | None
    vec: np.ndarray
    terms: dict[str, float]  # term -> weight (IDF when last weighed, L2-normalised)
    buckets: tuple[int, ...]
    story: StoryId
    raw: tuple[str, ...] = ()  # the article's terms, to re-weigh with a newer IDF
    princ: tuple[str, ...] = ()  # its principal actors (``#p:`` terms, prefix removed)
    weighed_at: int = 0  # articles in the index when ``terms`` were weighed
    actions: tuple[str, ...] = ()  # its headline's actions, the main one first (``#a:``)
    lead: bool = False  # ``actions`` are its lead's, its headline naming none (``#l:``)
    eday: int | None = None  # its event day: published, else given by its lead (``#d:``)
    codes: tuple[str, ...] = ()  # the identifier codes it names (``identifier_codes``)
    themes: tuple[str, ...] = ()  # its principal themes (``#t:``, ``terms.theme_terms``)
    words: frozenset[str] = frozenset()  # its themes and the words of ``#w:`` terms


@dataclass(slots=True)
class _Unit:
    """A group being agglomerated: one free article or one existing story."""

    members: list[ArticleId]
    story: StoryId | None
    tw: dict[str, float]
    vsum: np.ndarray
    size: int
    dmin: float
    dmax: float
    nterms: int = 0  # its articles' terms, summed (``ClusterParams.short_terms``)


@dataclass(slots=True)
class _Story:
    id: StoryId
    members: set[ArticleId] = field(default_factory=set)
    vsum: np.ndarray | None = None
    vnorm: float = -1.0  # norm of vsum, cached (-1: to compute)
    tw: dict[str, float] = field(default_factory=dict)
    tnorm2: float = 0.0
    n_princ: int = 0  # members with principal actors
    n_event: int = 0  # members with event identity (a main action or identifier codes)
    days: list[int] = field(default_factory=list)  # sorted member days (dated members)
    nterms: int = 0  # the members' terms, summed (``ClusterParams.short_terms``)
    first: tuple[int, str, str, str] | None = None
    due: float = 0.0  # index size at which it is settled next (``StoryIndex._schedule``)


class StoryIndex:
    """Incremental story assignment with index-based candidate search.

    Args:
        embedder_name: the embedder whose vectors are added (selects tuned parameters).
        params: explicit parameters (overrides the embedder's defaults).
        idf_from: optional fixed document frequencies ``(n_docs, {term: df})``; when
            given, IDF does not drift while articles are added.
        refine_every: new articles after which ``refine_pending`` runs by itself (the
            engine also triggers it once per chunk through ``take_moves``).
    """

    def __init__(
        self,
        embedder_name: str = "minilm",
        params: ClusterParams | None = None,
        idf_from: tuple[int, Mapping[str, int]] | None = None,
        refine_every: int = 64,
    ) -> None:
        self.embedder_name = embedder_name
        self.refine_every = refine_every
        self.p = params or params_for(embedder_name)
        self._members: dict[ArticleId, _Member] = {}
        self._stories: dict[StoryId, _Story] = {}
        self._df: dict[str, int] = {}
        self._n = 0
        self._fixed_idf = idf_from
        # term -> {story: number of its members with the term}, most recently touched last
        # (plain dicts keep insertion order; re-inserting a key moves it to the end)
        self._postings: dict[str, dict[StoryId, int]] = {}
        self._buckets: dict[int, dict[StoryId, int]] = {}
        self._planes: np.ndarray | None = None
        self._moves: dict[ArticleId, StoryId] = {}
        self._removed: set[StoryId] = set()
        self._pending: list[ArticleId] = []  # added since the last refine_pending
        self._near: dict[ArticleId, list[StoryId]] = {}  # best candidates of pending articles
        self._placed: dict[ArticleId, StoryId] = {}
        self._merged: set[StoryId] = set()
        # stories new articles went to since the last take_moves: settled when it runs
        self._touched: dict[StoryId, None] = {}
        # (index size at which to settle again, story): a story is re-grouped each time
        # the index grows by ``settle_drift``, because its members' IDF weights have
        # drifted (they matter most while the index is young: an article weighed among
        # 50 others sees few common names). Entries whose size is not the story's
        # ``due`` any more are stale and skipped.
        self._due: list[tuple[float, StoryId]] = []
        self._grid: list[int] = [self.p.split_min]  # story sizes at which to re-check
        # members re-weighed since the last ``take_weighed``: article -> index size
        self._reweighed: dict[ArticleId, int] = {}

    # -- public API ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._members)

    @property
    def n_stories(self) -> int:
        return len(self._stories)

    def story_of(self, article_id: ArticleId) -> StoryId:
        """The story an indexed article currently belongs to."""
        return self._members[article_id].story

    def stories(self) -> dict[StoryId, list[ArticleId]]:
        """Every story with its member ids (sorted)."""
        return {sid: sorted(s.members) for sid, s in self._stories.items()}

    def add(self, article: Article, vector: np.ndarray, terms: list[str]) -> StoryId:
        """Place one article: join the best candidate story or start a new one.

        Args:
            article: the article (its id, dates and ingest time are used).
            vector: its L2-normalised embedding.
            terms: ``article_terms(article)``.

        Returns:
            The story id the article belongs to right after this call. The placement is
            revisited by ``refine_pending`` (run by ``take_moves`` and every
            ``refine_every`` additions); changes are reported by ``take_moves``.
        """
        if article.id in self._members:
            return self._members[article.id].story
        with one_blas_thread():
            return self._add(article, vector, terms)

    def _add(self, article: Article, vector: np.ndarray, terms: list[str]) -> StoryId:
        member = self._make_member(article, vector, terms)
        scored = self._score_candidates(member)
        best = scored[0] if scored else None
        if best is not None and best[1] >= self._join_threshold(best[0]):
            story = best[0]
        else:
            story = self._new_story(member)
        self._attach(member, story)
        self._pending.append(member.id)
        # the stories it was compared with: its neighbourhood when the placement is refined
        self._near[member.id] = [st.id for st, _ in scored[:3]]
        if len(self._pending) >= self.refine_every:
            self.refine_pending()
        return member.story

    def take_moves(self) -> dict[ArticleId, StoryId]:
        """Refine pending placements, settle the batch, return the articles that moved.

        The engine calls this once per chunk of articles, which is when the chunk's
        stories are settled (``_settle``). Covers every article re-assigned since the
        last call (by ``refine_pending``, merges, splits or settling), including ones
        added since then; the map is then cleared.
        """
        with one_blas_thread():
            self.refine_pending()
            self._settle()
        moves = {a: s for a, s in self._moves.items() if a in self._members}
        self._moves = {}
        return moves

    def take_removed(self) -> set[StoryId]:
        """Story ids that vanished (merged into another) since the last call (then cleared)."""
        removed = {s for s in self._removed if s not in self._stories}
        self._removed = set()
        return removed

    @classmethod
    def rebuild(
        cls,
        items: Iterable[tuple[Article, np.ndarray, StoryId, list[str]]],
        embedder_name: str,
        weighed_at: Mapping[ArticleId, int] | None = None,
    ) -> StoryIndex:
        """Restore an index from stored assignments, without re-clustering anything.

        The result is the index the running process had after its last ``take_moves``:
        the same members in the same stories, each weighed by the document frequencies of
        the same index size, and the same pending split and settle schedule.

        Args:
            items: ``(article, vector, story_id, terms)`` for every indexed article (every
                version, not only current ones: the running index keeps superseded ones),
                **in ingest order**: the document frequencies are replayed in that order.
            embedder_name: the embedder the vectors came from.
            weighed_at: the index size whose document frequencies last weighed an
                article's terms (``take_weighed``, stored by the commit); an article not
                in it was weighed when it was added, at its own place in ingest order.
        """
        index = cls(embedder_name)
        rows = list(items)
        weighed = weighed_at or {}
        n = len(rows)
        # which rows to weigh once the first ``size`` rows are counted: the document
        # frequencies at that size are the ones the running index weighed them with
        due_at: dict[int, list[int]] = {}
        for i, (article, _vec, _sid, _terms) in enumerate(rows, 1):
            size = min(max(weighed.get(article.id, i), i), n)
            due_at.setdefault(size, []).append(i - 1)
        members: list[_Member | None] = [None] * n
        for i, (_article, _vec, _sid, terms) in enumerate(rows, 1):
            index._count_terms(terms)
            for j in due_at.pop(i, ()):
                article, vec, _, terms_j = rows[j]
                members[j] = index._make_member(article, vec, terms_j, count=False)
        for (article, _vec, sid, _terms), member in zip(rows, members, strict=True):
            assert member is not None  # every row is due at a size in 1..n
            if not sid:
                sid = story_id_for(article.id)
            story = index._stories.get(sid)
            if story is None:
                story = _Story(id=sid)
                index._stories[sid] = story
            index._attach(member, story)
        # the pending schedule is a function of what is stored (story ids, sizes, the
        # number of articles), so a rebuilt index settles and splits what a running
        # one would have
        for story in index._stories.values():
            index._schedule(story)
        return index

    def take_weighed(self) -> dict[ArticleId, int]:
        """Articles re-weighed since the last call, with the index size they were weighed
        at (then cleared): the commit stores them beside the assignments, so ``rebuild``
        weighs every article as the running index does."""
        out = {a: w for a, w in self._reweighed.items() if a in self._members}
        self._reweighed = {}
        return out

    # -- members and stories -------------------------------------------------------------

    def _idf(self, term: str) -> float:
        if self._fixed_idf is not None:
            n, df = self._fixed_idf
            return math.log((n + 1) / (df.get(term, 0) + 1)) + 1.0
        return math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _count_terms(self, terms: Iterable[str]) -> None:
        self._n += 1
        for t in set(terms):
            self._df[t] = self._df.get(t, 0) + 1

    def _make_member(
        self, article: Article, vector: np.ndarray, terms: list[str], *, count: bool = True
    ) -> _Member:
        if count:
            self._count_terms(terms)
        # interned: the same names recur across thousands of stored articles
        cut = len(PRINCIPAL_PREFIX)
        features = (
            PRINCIPAL_PREFIX, ACTION_PREFIX, LEAD_ACTION_PREFIX, DAY_PREFIX, CODA_TERM[:cut],
            THEME_PREFIX, WORD_PREFIX,
        )  # fmt: skip
        raw = tuple(sys.intern(t) for t in dict.fromkeys(terms) if t[:cut] not in features)
        princ = tuple(sys.intern(t[cut:]) for t in terms if t[:cut] == PRINCIPAL_PREFIX)
        actions = tuple(sys.intern(t[cut:]) for t in terms if t[:cut] == ACTION_PREFIX)
        lead = not actions and self.p.lead_opposed
        if lead:
            actions = tuple(sys.intern(t[cut:]) for t in terms if t[:cut] == LEAD_ACTION_PREFIX)
            lead = bool(actions)
        codes = identifier_codes(raw)
        themes: tuple[str, ...] = ()
        words: frozenset[str] = frozenset()
        if self.p.theme_weight:
            themes = tuple(sys.intern(t[cut:]) for t in terms if t[:cut] == THEME_PREFIX)
            if themes:
                words = frozenset(
                    [*themes, *(sys.intern(t[cut:]) for t in terms if t[:cut] == WORD_PREFIX)]
                )
        # a violent crime's legal coda tells the crime on a later day: its publication day
        # is not its event's, so it counts as undated (no time penalty, no day clash)
        coda = self.p.coda_undated and CODA_TERM in terms
        day = None if coda else article_day(article)
        eday = day if day is not None or coda else _lead_day(terms)
        vec = np.asarray(vector, dtype=np.float32).ravel()
        return _Member(
            id=article.id,
            key=earliest_key(article),
            day=day,
            vec=vec,
            terms=self._weigh(raw),
            buckets=self._lsh_keys(vec),
            story="",
            raw=raw,
            princ=princ,
            weighed_at=self._n,
            actions=actions,
            lead=lead,
            eday=eday,
            codes=codes,
            themes=themes,
            words=words,
        )

    def _crosses_check(self, before: int, after: int) -> bool:
        """Whether a story that grew from ``before`` to ``after`` articles passed a size
        at which it is re-checked for a split: ``split_min``, then each ``split_growth``
        times the last (a function of the sizes alone, so a restart keeps the schedule)."""
        grid = self._grid
        while grid[-1] < after:
            grid.append(max(grid[-1] + 1, math.ceil(self.p.split_growth * grid[-1])))
        return bisect.bisect_right(grid, before) < bisect.bisect_right(grid, after)

    def _schedule(self, story: _Story) -> None:
        """Set when ``story`` is settled next: the first size above the index's current
        one in the series ``h, h d, h d^2, ...`` (``d`` is ``settle_drift``, ``h`` in
        [1, d) a hash of the story id, which spreads the stories' turns). A function of
        the story id and the index size only: a rebuilt index keeps the schedule."""
        digest = hashlib.blake2b(story.id.encode("utf-8"), digest_size=8).digest()
        drift = self.p.settle_drift
        due = drift ** (int.from_bytes(digest, "big") / 2**64)
        while due <= self._n:
            due *= drift
        story.due = due
        heapq.heappush(self._due, (due, story.id))

    def _weigh(self, terms: Sequence[str]) -> dict[str, float]:
        """IDF weights of an article's terms, L2-normalised."""
        weights = {t: self._idf(t) for t in terms}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def _lsh_keys(self, vec: np.ndarray) -> tuple[int, ...]:
        p = self.p
        if self._planes is None or self._planes.shape[1] != vec.shape[0]:
            rng = np.random.default_rng(20240611)
            self._planes = rng.standard_normal((p.lsh_tables * p.lsh_bits, vec.shape[0])).astype(
                np.float32
            )
        bits = (self._planes @ vec > 0).reshape(p.lsh_tables, p.lsh_bits)
        weights = 1 << np.arange(p.lsh_bits, dtype=np.int64)
        codes = bits.astype(np.int64) @ weights
        # one key space for all tables: table number in the high bits
        return tuple(int(t << p.lsh_bits | c) for t, c in enumerate(codes))

    def _new_story(self, member: _Member) -> _Story:
        sid = story_id_for(member.id)
        while sid in self._stories:  # a hash collision, or an id reused after a split
            sid = story_id_for(sid)
        story = _Story(id=sid)
        self._stories[sid] = story
        self._schedule(story)
        return story

    def _attach(self, member: _Member, story: _Story) -> None:
        member.story = story.id
        self._members[member.id] = member
        story.members.add(member.id)
        story.vsum = member.vec.copy() if story.vsum is None else story.vsum + member.vec
        story.vnorm = -1.0
        story.nterms += len(member.terms)
        for t, w in member.terms.items():
            old = story.tw.get(t, 0.0)
            story.tw[t] = old + w
            story.tnorm2 += (old + w) ** 2 - old**2
            posting = self._postings.setdefault(t, {})
            posting[story.id] = posting.pop(story.id, 0) + 1
        for b in member.buckets:
            bucket = self._buckets.setdefault(b, {})
            bucket[story.id] = bucket.pop(story.id, 0) + 1
        if member.princ:
            story.n_princ += 1
        if member.actions or member.codes or member.themes:
            story.n_event += 1
        if member.day is not None:
            _insort(story.days, member.day)
        if story.first is None or member.key < story.first:
            story.first = member.key

    def _detach(self, member: _Member) -> None:
        story = self._stories[member.story]
        story.members.discard(member.id)
        if story.vsum is not None:
            story.vsum = story.vsum - member.vec
            story.vnorm = -1.0
        story.nterms -= len(member.terms)
        for t, w in member.terms.items():
            old = story.tw.get(t, 0.0)
            new = old - w
            if new <= 1e-9:
                story.tw.pop(t, None)
                new = 0.0
            else:
                story.tw[t] = new
            story.tnorm2 = max(0.0, story.tnorm2 + new**2 - old**2)
            _decrement(self._postings, t, story.id)
        for b in member.buckets:
            _decrement(self._buckets, b, story.id)
        if member.princ:
            story.n_princ -= 1
        if member.actions or member.codes or member.themes:
            story.n_event -= 1
        if member.day is not None and member.day in story.days:
            story.days.remove(member.day)
        if not story.members:
            del self._stories[story.id]
            self._removed.add(story.id)
        elif story.first == member.key:
            story.first = min(self._members[m].key for m in story.members)
        member.story = ""

    # -- similarity ---------------------------------------------------------------------

    def _time_factor(self, days_a: Sequence[int], days_b: Sequence[int]) -> float:
        """1 within the grace period or without dates, decaying with the gap in days."""
        if not days_a or not days_b:
            return 1.0
        days = max(days_a[0] - days_b[-1], days_b[0] - days_a[-1], 0)
        gap = max(0.0, days - self.p.time_grace_days)
        return math.exp(-gap / self.p.time_scale_days)

    def _sim_member(self, m: _Member, story: _Story) -> float:
        """Similarity of one article to a story's centroid."""
        p = self.p
        # the term dot product with C-level iteration (this is the innermost loop of
        # candidate scoring); terms the story lacks add 0.0, which changes no sum
        dot = sum(map(mul, m.terms.values(), map(story.tw.get, m.terms, repeat(0.0))))
        tn2 = story.tnorm2
        tcos = dot / math.sqrt(tn2) if tn2 > 1e-12 else 0.0
        ecos = 0.0
        if story.vsum is not None:
            if story.vnorm < 0:
                story.vnorm = float(np.linalg.norm(story.vsum))
            if story.vnorm > 0:
                ecos = float(m.vec @ story.vsum) / story.vnorm
            ecos = (ecos - p.emb_floor) / (1 - p.emb_floor)
        sim = p.term_weight * tcos + (1 - p.term_weight) * ecos
        if p.clash_weight and m.princ and story.n_princ:
            rate = self._clashes(m, story) / story.n_princ
            sim *= max(p.clash_floor, 1.0 - p.clash_weight * rate)
        if story.n_event and (m.actions or m.codes or m.themes):
            members = self._members
            total = sum(self._event_clash(m, members[j]) for j in story.members)
            sim *= max(p.clash_floor, 1.0 - total / len(story.members))
        if p.day_weight and m.day is not None and story.days:
            sim *= max(p.clash_floor, 1.0 - p.day_weight * self._days_apart(m, story))
        if m.day is None or not story.days:
            return sim
        return sim * self._time_factor((m.day,), story.days)

    def _event_clash(self, a: _Member, b: _Member) -> float:
        """How much two articles' event identities clash. Their actions clash when both
        headlines name actions and neither names the other's main action (``#a:`` terms;
        "quake" and "rescuers search rubble after quake" do not); then the clash is
        ``action_date_weight`` when both event days are known and more than
        ``date_gap_days`` apart, nothing when they are known and close, else
        ``action_weight``. Two main actions that are opposed phases of one storyline
        (``lang.actions.OPPOSED_ACTIONS``: a theft and a recovery) clash by at least
        ``opposed_weight`` unless their days are known and close. Unknown never clashes.
        Identifier codes that clash (``codes_clash``) add ``code_weight``, principal
        themes that clash (``themes_clash``) ``theme_weight``."""
        p = self.p
        out = 0.0
        if p.code_weight and a.codes and b.codes and codes_clash(a.codes, b.codes):
            out = p.code_weight
        if p.theme_weight and themes_clash(a, b):
            # one side naming an action and the other none: ``theme_mixed`` of it
            out += p.theme_weight * (1.0 if bool(a.actions) == bool(b.actions) else p.theme_mixed)
        if not a.actions or not b.actions:
            return out
        level = ((a.actions[0] not in b.actions) + (b.actions[0] not in a.actions)) / 2
        if a.lead or b.lead:
            # a lead's actions: weaker evidence, read only where a day is unknown (two
            # dated articles are told apart by their days)
            known = a.eday is not None and b.eday is not None
            level *= 0.0 if known else p.lead_level
        opp = p.opposed_weight if opposed(a.actions[0], b.actions[0]) else 0.0
        if not level and not opp:
            return out
        if a.eday is None or b.eday is None:
            return out + max(opp, p.action_weight * level)
        far = abs(a.eday - b.eday) > p.date_gap_days
        return out + (max(opp, p.action_date_weight * level) if far else 0.0)

    def _days_apart(self, m: _Member, story: _Story) -> float:
        """The share of the story's dated members that ``m`` is apart from by day
        (``_apart_by_day``)."""
        days, gap = story.days, self.p.day_gap_days
        if m.day is None or not days or (not m.actions and not story.n_event):
            return 0.0
        if days[0] >= m.day - gap and days[-1] <= m.day + gap:
            return 0.0  # every dated member within the gap (the usual case: cheap)
        members = self._members
        far = sum(_apart_by_day(m, members[j], gap) for j in story.members)
        return far / len(days)

    def _clashes(self, m: _Member, story: _Story) -> int:
        """How many of the story's members clash with the article (``_clash``)."""
        members = self._members
        return sum(_clash(m, members[j]) for j in story.members)

    def _join_threshold(self, story: _Story) -> float:
        return self.p.alpha * expected_similarity(self.p.rho, 1, max(1, len(story.members)))

    # -- candidates ---------------------------------------------------------------------

    def _candidates(self, m: _Member, exclude: StoryId | None = None) -> list[_Story]:
        """Stories worth scoring for ``m``, from the term postings and LSH buckets.

        Reads at most ``posting_cap`` stories per query term and per LSH bucket. Once the
        index is large every bucket is full, so this runs once per article and three
        times per re-grouped story: counting is left to ``Counter`` and ranking to
        ``heapq.nlargest`` (same order as a stable sort, without sorting everything).
        """
        p = self.p
        cap = p.posting_cap
        weights = m.terms
        known = sorted((t for t in weights if t in self._postings), key=weights.__getitem__,
                       reverse=True)  # fmt: skip
        pre: dict[StoryId, float] = {}
        for t in known[: p.query_terms]:
            w = weights[t]
            for sid in islice(reversed(self._postings[t]), cap):
                pre[sid] = pre.get(sid, 0.0) + w
        lsh: Counter[StoryId] = Counter()
        for b in m.buckets:
            bucket = self._buckets.get(b)
            if bucket:
                lsh.update(islice(reversed(bucket), cap))
        if exclude:
            pre.pop(exclude, None)
            lsh.pop(exclude, None)
        # ties broken by story id, not by the order of the postings (which records when
        # each story was last touched: a rebuilt index cannot know it)
        top = heapq.nlargest(p.max_candidates, pre, key=lambda s: (pre[s], s))
        extra = heapq.nlargest(
            max(4, p.max_candidates // 4),
            (s for s in lsh if s not in pre),
            key=lambda s: (lsh[s], s),
        )
        return [self._stories[s] for s in top + extra if s in self._stories]

    def _score_candidates(self, m: _Member) -> list[tuple[_Story, float]]:
        scored = [(s, self._sim_member(m, s)) for s in self._candidates(m)]
        scored.sort(key=lambda x: -x[1])
        return scored

    # -- greedy grouping ----------------------------------------------------------------

    def _greedy(self, units: list[_Unit]) -> list[list[int]]:
        """Agglomerate units best pair first while the pair clears its threshold.

        The score of a pair is its centroid similarity divided by the similarity expected
        for two same-story groups of those sizes; it must reach ``alpha`` (``alpha_merge``
        when both sides already are stories). Centroid dot products are kept in Gram
        matrices that are updated in place on every merge, and so is the matrix of pair
        scores (below-threshold pairs at -inf), so one merge costs one row of scores and
        an argmax over the matrix: neighbourhoods are small (a few hundred units), where
        this beats a heap of candidate pairs (no stale entries, few numpy calls).

        Returns:
            Groups of indexes into ``units``.
        """
        import scipy.sparse as sp

        k = len(units)
        if k == 0:
            return []
        if k == 1:
            return [[0]]
        p = self.p
        # term weights as a sparse matrix; built with C-level iteration (map, zip,
        # fromiter), as this runs for every neighbourhood re-grouped
        terms = list(chain.from_iterable(u.tw for u in units))
        vocab = dict(zip(dict.fromkeys(terms), count()))
        nnz = len(terms)
        tm = sp.csr_matrix(
            (
                np.fromiter(chain.from_iterable(u.tw.values() for u in units), np.float64, nnz),
                np.fromiter(map(vocab.__getitem__, terms), np.int32, nnz),
                np.cumsum([0] + [len(u.tw) for u in units]),
            ),
            shape=(k, max(1, len(vocab))),
        )
        gt = (tm @ tm.T).toarray()
        vm = np.vstack([u.vsum for u in units]).astype(np.float64)
        ge = vm @ vm.T
        size = np.array([u.size for u in units], dtype=np.float64)
        dmin = np.array([u.dmin for u in units], dtype=np.float64)
        dmax = np.array([u.dmax for u in units], dtype=np.float64)
        dated = bool(np.isfinite(dmin).any())
        is_story = np.array([u.story is not None for u in units], dtype=bool)
        alive = np.ones(k, dtype=bool)
        groups: list[list[int]] = [[i] for i in range(k)]
        nt = np.sqrt(np.maximum(np.diag(gt), 1e-12))
        ne = np.sqrt(np.maximum(np.diag(ge), 1e-12))
        tw, floor, rho = p.term_weight, p.emb_floor, p.rho
        grace, scale = p.time_grace_days, p.time_scale_days
        # the ratio's size factor sqrt(q_a q_b) / rho, split per unit
        sq = np.sqrt((rho + (1 - rho) / size) / rho)
        # principal actors: ``agree[a, b]`` counts the article pairs across units a and
        # b, both with principal actors, that do not clash (``_clash``), ``npr`` the
        # articles of each unit with principal actors; both add up on a merge
        cw, cfloor = p.clash_weight, p.clash_floor
        agree: np.ndarray | None = None
        npr = np.zeros(k)
        if cw:
            agree, npr = self._agreement_counts(units)
        # event identity: the summed clashes of the article pairs across each pair of
        # units (``_event_clash``); they add up on a merge
        eclash = self._event_counts(units)
        # publication days: ``apart[a, b]`` counts the article pairs across units a and b
        # published more than ``day_gap_days`` apart, ``nday`` the articles of each unit
        # with a publication day; both add up on a merge
        apart, nday = self._day_counts(units)
        dw = p.day_weight

        # short articles: the mean number of terms per article of each unit, which adds
        # up on a merge (``short_terms``)
        nterms = np.array([u.nterms for u in units], dtype=np.float64)
        short = p.short_terms

        def ratios(rows: np.ndarray | slice) -> np.ndarray:
            """Score of every unit of ``rows`` against every unit."""
            weight: float | np.ndarray = tw
            if short:
                per = nterms / size
                rel = np.fmin(1.0, np.fmax(per[rows, None], per[None, :]) / short)
                rel = np.fmax(p.short_floor, rel)
                # two groups only, each with terms: a single article or a side without
                # any term is scored as before
                both = (per[rows, None] > 0) & (per[None, :] > 0)
                both &= (size[rows, None] > 1) & (size[None, :] > 1)
                weight = tw * np.where(both, rel, 1.0)
            tcos = gt[rows] / (nt[rows, None] * nt[None, :])
            ecos = ge[rows] / (ne[rows, None] * ne[None, :])
            if floor:
                ecos = (ecos - floor) / (1 - floor)
            if short:
                # a lift only: the few words two groups do share still count in full
                weight = np.where(ecos > tcos, weight, tw)
            sim: np.ndarray = weight * tcos + (1 - weight) * ecos
            if dated:
                gap = np.fmax(dmin[rows, None] - dmax[None, :], dmin[None, :] - dmax[rows, None])
                # fmax ignores NaN: an undated side pays no time penalty
                gap = np.fmax(gap - grace, 0.0)
                sim *= np.exp(gap / -scale)
            sim *= sq[rows, None] * sq[None, :]
            if agree is not None:
                pairs = npr[rows, None] * npr[None, :]
                rate = 1.0 - agree[rows] / np.where(pairs > 0, pairs, 1.0)
                sim *= np.where(pairs > 0, np.fmax(cfloor, 1.0 - cw * rate), 1.0)
            if eclash is not None:
                # the mean over every article pair across the two sides (unknown: 0)
                sim *= np.fmax(cfloor, 1.0 - eclash[rows] / (size[rows, None] * size[None, :]))
            if apart is not None:
                # the share among the pairs with both days known (undated articles: none)
                pairs = nday[rows, None] * nday[None, :]
                share = apart[rows] / np.where(pairs > 0, pairs, 1.0)
                sim *= np.fmax(cfloor, 1.0 - dw * share)
            return sim

        score = ratios(slice(None))
        both = is_story[:, None] & is_story[None, :]
        score[score < np.where(both, p.alpha_merge, p.alpha)] = -np.inf
        np.fill_diagonal(score, -np.inf)
        while True:
            flat = int(np.argmax(score))
            a, b = divmod(flat, k)
            if score[a, b] == -np.inf:
                break
            # merge b into a (a < b: the first maximum in row order lies above the diagonal)
            for g in (gt, ge):
                g[a, :] += g[b, :]
                g[:, a] += g[:, b]
            if agree is not None:
                agree[a, :] += agree[b, :]
                agree[:, a] += agree[:, b]
                npr[a] += npr[b]
            if eclash is not None:
                eclash[a, :] += eclash[b, :]
                eclash[:, a] += eclash[:, b]
            if apart is not None:
                apart[a, :] += apart[b, :]
                apart[:, a] += apart[:, b]
                nday[a] += nday[b]
            nt[a] = np.sqrt(max(gt[a, a], 1e-12))
            ne[a] = np.sqrt(max(ge[a, a], 1e-12))
            size[a] += size[b]
            nterms[a] += nterms[b]
            sq[a] = math.sqrt((rho + (1 - rho) / size[a]) / rho)
            dmin[a] = np.fmin(dmin[a], dmin[b])
            dmax[a] = np.fmax(dmax[a], dmax[b])
            is_story[a] |= is_story[b]
            alive[b] = False
            groups[a].extend(groups[b])
            groups[b] = []
            score[b, :] = -np.inf
            score[:, b] = -np.inf
            row = ratios(slice(a, a + 1))[0]
            thr = np.where(is_story & is_story[a], p.alpha_merge, p.alpha)
            row[row < thr] = -np.inf
            row[a] = -np.inf
            row[~alive] = -np.inf
            score[a, :] = row
            score[:, a] = row
        return [g for g in groups if g]

    def _unit_members(self, units: list[_Unit]) -> Iterable[tuple[int, _Member]]:
        """``(unit index, member)`` for every article of ``units``."""
        for i, u in enumerate(units):
            story = self._stories.get(u.story) if u.story is not None else None
            ids = sorted(story.members) if story is not None else u.members
            for mid in ids:
                m = self._members.get(mid)
                if m is not None:
                    yield i, m

    def _event_counts(self, units: list[_Unit]) -> np.ndarray | None:
        """Summed event clashes of the article pairs across each pair of units (the
        vectorised ``_event_clash``); ``None`` when it is off or fewer than two units have
        articles with a main action or identifier codes."""
        p = self.p
        if not (p.action_weight or p.action_date_weight or p.code_weight or p.theme_weight):
            return None
        arts = [(i, m) for i, m in self._unit_members(units) if m.actions or m.codes or m.themes]
        owner = np.fromiter((i for i, _ in arts), np.int64, len(arts))
        if len(np.unique(owner)) < 2:
            return None
        n = len(arts)
        codes: dict[str, int] = {}
        rows = [[codes.setdefault(x, len(codes)) for x in m.actions] for _, m in arts]
        main = np.zeros((n, len(codes)))
        named = np.zeros((n, len(codes)))
        for r, cols in enumerate(rows):
            if cols:
                named[r, cols] = 1.0
                main[r, cols[0]] = 1.0
        hit = main @ named.T  # a's main action among b's actions
        if p.opposed_weight:
            names = list(codes)
            pairs = np.zeros((len(names), len(names)))
            for i, x in enumerate(names):
                for j, y in enumerate(names):
                    pairs[i, j] = opposed(x, y)
            opp = (main @ pairs @ main.T) * p.opposed_weight
        else:
            opp = np.zeros((n, n))
        # 1: it names an action (an article may have only codes; then ``codes`` may be empty)
        has = (named.sum(axis=1) > 0).astype(np.float64)
        # 1: neither names the other's main action; 0 when either names none
        other = (1.0 - (hit + hit.T) / 2) * np.outer(has, has)
        day = np.array([m.eday if m.eday is not None else np.nan for _, m in arts], np.float64)
        gap = np.abs(day[:, None] - day[None, :])  # NaN when either day is unknown
        dated = np.isfinite(gap)
        # a lead's actions (``lead``): opposed phases clash in full, other actions by
        # ``lead_level`` and only where a day is unknown
        firm = np.fromiter((not m.lead for _, m in arts), np.float64, n)
        both = np.outer(firm, firm)
        other *= both + (1.0 - both) * np.where(dated, 0.0, p.lead_level)
        with np.errstate(invalid="ignore"):
            far = dated & (gap > p.date_gap_days)
        clash = np.where(
            dated,
            np.where(far, np.maximum(opp, other * p.action_date_weight), 0.0),
            np.maximum(opp, other * p.action_weight),
        )
        if p.code_weight and any(m.codes for _, m in arts):
            # ``codes_clash`` for every pair: a family in common, no code in common
            ids: dict[str, int] = {}
            fams: dict[str, int] = {}
            has_code = np.zeros((n, 1 + sum(len(m.codes) for _, m in arts)))
            has_fam = np.zeros_like(has_code)
            for r, (_, m) in enumerate(arts):
                for c in m.codes:
                    has_code[r, ids.setdefault(c, len(ids))] = 1.0
                    has_fam[r, fams.setdefault(_code_family(c), len(fams))] = 1.0
            other_codes = ((has_fam @ has_fam.T) > 0) & ((has_code @ has_code.T) == 0)
            clash += p.code_weight * other_codes
        if p.theme_weight and any(m.themes for _, m in arts):
            # ``themes_clash``: not between articles that name each other's main action
            same_has = has[:, None] == has[None, :]
            clash += (
                p.theme_weight
                * _theme_clashes([m for _, m in arts])
                * ((hit + hit.T) == 0)
                * np.where(same_has, 1.0, p.theme_mixed)
            )
        k = len(units)
        own = np.zeros((k, n))
        own[owner, np.arange(n)] = 1.0
        return own @ clash @ own.T

    def _day_counts(self, units: list[_Unit]) -> tuple[np.ndarray | None, np.ndarray]:
        """Article pairs published more than ``day_gap_days`` apart, per pair of units,
        and articles with a publication day per unit; ``(None, zeros)`` when day clashes
        are off or fewer than two units have a dated article."""
        p = self.p
        k = len(units)
        nday = np.zeros(k)
        if not p.day_weight:
            return None, nday
        arts = [(i, m) for i, m in self._unit_members(units) if m.day is not None]
        owner = np.fromiter((i for i, _ in arts), np.int64, len(arts))
        if len(np.unique(owner)) < 2:
            return None, nday
        day = np.fromiter((m.day for _, m in arts if m.day is not None), np.float64, len(arts))
        far = np.abs(day[:, None] - day[None, :]) > p.day_gap_days
        # ``_apart_by_day``: at least one names an action, neither the other's main one
        codes: dict[str, int] = {}
        rows = [
            [codes.setdefault(x, len(codes)) for x in (() if m.lead else m.actions)]
            for _, m in arts
        ]
        main = np.zeros((len(arts), max(1, len(codes))))
        named = np.zeros_like(main)
        for r, cols in enumerate(rows):
            if cols:
                named[r, cols] = 1.0
                main[r, cols[0]] = 1.0
        hit = main @ named.T
        has = named.sum(axis=1) > 0
        far &= (has[:, None] | has[None, :]) & (hit == 0) & (hit.T == 0)
        own = np.zeros((k, len(arts)))
        own[owner, np.arange(len(arts))] = 1.0
        np.add.at(nday, owner, 1.0)
        return own @ far.astype(np.float64) @ own.T, nday

    def _agreement_counts(self, units: list[_Unit]) -> tuple[np.ndarray | None, np.ndarray]:
        """Pairs of articles that do not clash, per pair of units, and articles with
        principal actors per unit (see ``_greedy``); ``None`` when fewer than two units
        have any. Sparse products: principals against terms, article by article."""
        import scipy.sparse as sp

        arts: list[_Member] = []
        owner: list[int] = []
        for i, m in self._unit_members(units):
            if m.princ:
                arts.append(m)
                owner.append(i)
        k = len(units)
        npr = np.bincount(np.asarray(owner, dtype=np.int64), minlength=k).astype(np.float64)
        if np.count_nonzero(npr) < 2:
            return None, npr
        vocab: dict[str, int] = {}
        rows_t = [[vocab.setdefault(t, len(vocab)) for t in m.terms] for m in arts]
        rows_p = [[vocab[t] for t in m.princ if t in vocab] for m in arts]
        n = len(arts)

        width = len(vocab)
        named = (
            _indicator(rows_p, width) @ _indicator(rows_t, width).T
        )  # a's principals among b's terms
        ok = ((named + named.T) > 0).astype(np.float64)
        own = sp.csr_matrix((np.ones(n), (np.asarray(owner), np.arange(n))), shape=(k, n))
        return (own @ ok @ own.T).toarray(), npr

    def _unit_of_story(self, story: _Story) -> _Unit:
        return _Unit(
            members=[],  # a story unit moves as a whole; its members are not listed
            story=story.id,
            tw=story.tw,
            vsum=story.vsum if story.vsum is not None else np.zeros(1, dtype=np.float32),
            size=len(story.members),
            dmin=float(story.days[0]) if story.days else math.nan,
            dmax=float(story.days[-1]) if story.days else math.nan,
            nterms=story.nterms,
        )

    def _unit_of_member(self, m: _Member) -> _Unit:
        day = float(m.day) if m.day is not None else math.nan
        return _Unit([m.id], None, m.terms, m.vec, 1, day, day, len(m.terms))

    def _apply(self, units: list[_Unit], groups: list[list[int]]) -> None:
        """Make the stories match ``groups``; free units are detached members."""
        for group in groups:
            sids = [u.story for u in (units[i] for i in group) if u.story is not None]
            stories = [self._stories[sid] for sid in sids if sid in self._stories]
            free = [units[i].members[0] for i in group if units[i].story is None]
            if stories:
                keep = min(stories, key=lambda s: s.first or ())
                for other in stories:
                    if other is not keep:
                        self._merge_into(keep, other)
            else:
                founder = min((self._members[m] for m in free), key=lambda m: m.key)
                keep = self._new_story(founder)
            for mid in free:
                member = self._members[mid]
                before = self._placed.get(mid, member.story)
                self._attach(member, keep)
                if keep.id != before:
                    self._moves[mid] = keep.id

    def _merge_into(self, keep: _Story, gone: _Story) -> None:
        for mid in sorted(gone.members):
            member = self._members[mid]
            self._detach(member)
            self._attach(member, keep)
            self._moves[mid] = keep.id
        self._merged.add(keep.id)  # a merge is re-checked article by article

    def refine_pending(self) -> None:
        """Re-group the articles added since the last call with their neighbourhood.

        Each new article is taken out of its story; the new articles and the stories
        around them (their stories and best candidates) are agglomerated best-first
        (``_greedy``), which lets new articles find each other before they settle, and
        lets a story absorb a neighbour that the new articles showed to be the same
        story. Then every touched story that doubled in size since its last check is
        re-grouped from single articles and split if it falls apart.
        """
        pending = [m for m in self._pending if m in self._members]
        self._pending = []
        if not pending:
            self._near.clear()
            return
        members = [self._members[m] for m in pending]
        near: dict[StoryId, None] = {}
        for m in members:
            near.setdefault(m.story, None)
            for sid in self._near.pop(m.id, ()):
                near.setdefault(sid, None)
        for m in members:
            self._placed.setdefault(m.id, m.story)
            self._detach(m)
        units = [self._unit_of_member(m) for m in members]
        for sid in near:
            near_story = self._stories.get(sid)
            if near_story is not None and near_story.members:
                units.append(self._unit_of_story(near_story))
        self._apply(units, self._greedy(units))
        self._placed = {}
        new: Counter[StoryId] = Counter(
            self._members[m].story for m in pending if m in self._members
        )
        merged = self._merged
        self._merged = set()
        touched = set(new) | merged
        for sid in sorted(touched):
            self._touched.setdefault(sid, None)
        for sid in sorted(touched):
            grown = self._stories.get(sid)
            if grown is None or len(grown.members) < self.p.split_min:
                continue
            size = len(grown.members)
            if sid in merged or self._crosses_check(size - new[sid], size):
                self._resplit(grown)

    def _settle(self) -> None:
        """Re-group the neighbourhood of every story the batch touched, and of drifted ones.

        ``refine_pending`` places new articles among the stories around them, and
        re-groups a story from single articles only when it has grown by
        ``split_growth``: a wrong early placement in a story that then grows slowly, or a
        near miss between two halves of one event, would stay. Settling every touched
        story once per batch (``_resplit``; a story already re-grouped as another's
        neighbour is skipped) makes the outcome depend much less on the order in which
        articles arrive. Stories re-grouped when the index was ``settle_drift`` times
        smaller are settled again, with their members re-weighed by the current IDF:
        while the index is young, IDF changes fast and early decisions rest on it.

        The work is bounded by the batch and its neighbourhoods, never by the index:
        one size-limited ``_resplit`` per touched story, and the drifted stories due
        now (each story is due again only after the index doubled, so their number per
        batch stays proportional to the batch).
        """
        touched = [sid for sid in self._touched if sid in self._stories]
        self._touched = {}
        while self._due and self._due[0][0] <= self._n:
            due, sid = heapq.heappop(self._due)
            story = self._stories.get(sid)
            if story is None or story.due != due:
                continue  # gone, or a stale entry
            touched.append(sid)
            self._schedule(story)
        done: set[StoryId] = set()
        for sid in touched:
            story = self._stories.get(sid)
            if story is None or sid in done:
                continue
            done |= self._resplit(story)

    def _resplit(self, story: _Story, limit: int = 400) -> set[StoryId]:
        """Re-group a story and its nearest stories from single articles.

        This is ``recluster`` in miniature, on the neighbourhood where a wrong merge or a
        wrong split would show: a story that absorbed a similar but different event falls
        apart here, and two halves of one event come together. Members are re-weighed
        with the current IDF first (early articles were weighed when the store knew few
        documents).

        Args:
            story: the story to re-group.
            limit: most articles re-grouped at once (whole stories beyond it are left out).

        Returns:
            The ids of the stories that were re-grouped.
        """
        hood = [story]
        seen = {story.id}
        # the neighbourhood: each of the story's three newest members adds its three best
        # candidate stories (a wider one, every story the batch's articles were scored
        # against, scored lower on ECB+ dev: 0.945 against 0.951 pairwise F1)
        probes = sorted(story.members, key=lambda i: self._members[i].key)[-3:]
        for mid in probes:
            for cand, _ in self._score_candidates(self._members[mid])[:3]:
                if cand.id not in seen:
                    seen.add(cand.id)
                    hood.append(cand)
        members: list[_Member] = []
        covered: set[StoryId] = set()
        for st in hood:
            if len(members) + len(st.members) > limit:
                continue
            members.extend(self._members[m] for m in st.members)
            covered.add(st.id)
        if members:
            self._regroup(sorted(members, key=lambda m: m.key))
        return covered

    def _regroup(self, members: list[_Member]) -> None:
        """Agglomerate ``members`` from single articles and re-assign them.

        Each resulting group keeps the story id most of its members had (largest groups
        choose first), else takes a new id from its earliest article. Only members whose
        story changes are moved; members weighed when the store was less than half its
        size are re-weighed first.
        """
        for m in members:
            if m.weighed_at * 2 < self._n:
                self._reweigh(m)
        groups = self._greedy([self._unit_of_member(m) for m in members])
        groups.sort(key=lambda g: (-len(g), min(members[i].key for i in g)))
        claimed: set[StoryId] = set()
        plan: list[tuple[list[_Member], StoryId | None]] = []
        for group in groups:
            moving = [members[i] for i in group]
            votes: dict[StoryId, int] = {}
            for m in moving:
                votes[m.story] = votes.get(m.story, 0) + 1
            sid = next(
                (v for v in sorted(votes, key=lambda v: (-votes[v], v)) if v not in claimed), None
            )
            if sid is not None:
                claimed.add(sid)
            plan.append((moving, sid))
        for moving, sid in plan:
            if sid is None:
                target = self._new_story(min(moving, key=lambda m: m.key))
            else:
                target = self._stories.get(sid) or self._revive(sid)
            for m in moving:
                if m.story != target.id:
                    self._detach(m)
                    self._attach(m, target)
                    self._moves[m.id] = target.id

    # -- settling a whole ingest run (the commit path, under the write lock) -------------

    def article_ids(self) -> set[ArticleId]:
        """The ids of every indexed article (a copy)."""
        return set(self._members)

    def settle_run(self, article_ids: Iterable[ArticleId], limit: int = 500) -> None:
        """Re-group the stories of an ingest run's articles, with their neighbours, from scratch.

        The commit calls this at the end of every ingest run, under the write lock, with
        the articles stored since the run began: its own, and those of other writers it
        saw meanwhile. Per-chunk settling depends on how the articles were cut into
        chunks and on the order the chunks arrived in (and an index rebuilt from the
        store lacks the running one's split and settle schedule), so writers whose chunks
        interleaved could end on another partition than one sequential run. This final
        settle depends on the set of articles, not on that history: every member taking
        part is re-weighed with the current IDF, the neighbourhood is every story an
        article of the run is in plus each article's three best candidate stories, and
        it is re-grouped best pair first from single articles (``_greedy``, which is
        deterministic given its members).

        Args:
            article_ids: the articles stored since the run began (unknown ids are ignored).
            limit: most articles agglomerated at once; a larger neighbourhood is settled
                in pieces of whole stories, in order of their earliest article.
        """
        with one_blas_thread():
            self.refine_pending()
            ids = sorted(a for a in set(article_ids) if a in self._members)
            if not ids:
                return
            hood: dict[StoryId, None] = {}
            for aid in ids:
                hood.setdefault(self._members[aid].story, None)
            for aid in ids:
                for cand, _ in self._score_candidates(self._members[aid])[:3]:
                    hood.setdefault(cand.id, None)
            stories = sorted(
                (self._stories[s] for s in hood if s in self._stories),
                key=lambda s: (s.first or (), s.id),
            )
            piece: list[_Member] = []
            for st in stories:
                if piece and len(piece) + len(st.members) > limit:
                    self._regroup_fresh(piece)
                    piece = []
                piece.extend(self._members[m] for m in st.members)
            if piece:
                self._regroup_fresh(piece)
            self._touched = {}

    def _regroup_fresh(self, members: list[_Member]) -> None:
        """``_regroup`` with every member re-weighed by the current IDF first."""
        for m in members:
            if m.weighed_at != self._n and m.id in self._members:
                self._reweigh(m)
        self._regroup(sorted(members, key=lambda m: m.key))

    def _reweigh(self, m: _Member) -> None:
        """Re-weigh a member's terms by the current IDF, in place in its story (a story the
        detach emptied is put back; ``take_removed`` reports only stories that are gone)."""
        story = self._stories[m.story]
        self._detach(m)
        m.terms = self._weigh(m.raw)
        m.weighed_at = self._n
        self._reweighed[m.id] = self._n
        if story.id not in self._stories:
            self._stories[story.id] = story
        self._attach(m, story)

    def _revive(self, sid: StoryId) -> _Story:
        story = _Story(id=sid)
        self._stories[sid] = story
        self._schedule(story)
        return story


def _clash(a: _Member, b: _Member) -> bool:
    """Whether two articles' principal actors clash: neither names the other's anywhere
    among its terms (on ECB+ train, 0.6% of same-event pairs and 34% of pairs of sibling
    events of one topic). Articles without principal actors never clash."""
    if not a.princ or not b.princ:
        return False
    return not any(t in b.terms for t in a.princ) and not any(t in a.terms for t in b.princ)


def themes_clash(a: _Member, b: _Member) -> bool:
    """Whether two articles' principal themes clash (``terms.theme_terms``): both have
    themes and neither names the other's among its headline's words and the words its text
    repeats most ("memos" against "questions", not "memos" against "memo dump"), and
    neither names the other's main action (``actions``): one action told of two things is
    one event seen from two sides ("emergency patch", "security update"). On ECB+ train 3
    of 3,324 same-topic pairs of one event clash and 14 of 3,361 sibling pairs (9 of one
    event without the action condition); on ``bench/data/siblings4`` none and 18 of 162."""
    if not a.themes or not b.themes:
        return False
    if a.actions and b.actions and (a.actions[0] in b.actions or b.actions[0] in a.actions):
        return False  # one action told of two things: one event's aspects
    return a.words.isdisjoint(b.themes) and b.words.isdisjoint(a.themes)


def _indicator(rows: list[list[int]], width: int) -> sp.csr_matrix:
    """A 0/1 sparse matrix with one row per list of column ids (``width`` columns, at least 1)."""
    import scipy.sparse as sp

    nnz = sum(map(len, rows))
    return sp.csr_matrix(
        (
            np.ones(nnz),
            np.fromiter(chain.from_iterable(rows), np.int32, nnz),
            np.cumsum([0] + [len(r) for r in rows]),
        ),
        shape=(len(rows), max(1, width)),
    )


def _theme_clashes(arts: Sequence[_Member]) -> np.ndarray:
    """``themes_clash`` for every pair of ``arts``, as 0/1 (sparse products: themes
    against words)."""
    vocab: dict[str, int] = {}
    rows_w = [[vocab.setdefault(t, len(vocab)) for t in m.words] for m in arts]
    rows_t = [[vocab[t] for t in m.themes] for m in arts]
    n = len(arts)
    width = len(vocab)
    named = (
        _indicator(rows_t, width) @ _indicator(rows_w, width).T
    ).toarray()  # a's themes among b's words
    has = np.fromiter((bool(m.themes) for m in arts), np.float64, n)
    out: np.ndarray = ((named + named.T) == 0) * np.outer(has, has)
    return out


def _apart_by_day(a: _Member, b: _Member, gap: float) -> bool:
    """Whether two articles are apart by their publication days: published more than
    ``gap`` days apart, one of them naming an action (``#a:``) and neither the other's
    main action. Days alone are not enough: one event is commented on for weeks (a
    nomination, then reactions to it), and an article naming no action says nothing of
    which event it tells; an action named on one day and not on another is another
    event (a sacking, then an appointment a week later)."""
    if a.day is None or b.day is None or abs(a.day - b.day) <= gap:
        return False
    acts_a = () if a.lead else a.actions  # a lead's actions: not here (``lead_opposed``)
    acts_b = () if b.lead else b.actions
    if not acts_a and not acts_b:
        return False
    return (not acts_a or acts_a[0] not in acts_b) and (not acts_b or acts_b[0] not in acts_a)


def identifier_codes(terms: Iterable[str]) -> tuple[str, ...]:
    """The terms that are identifier codes naming one instance of a recurring thing: a
    security bulletin, a flight, a docket, a model ("xb12-345", "qx907"; ``_CODE_TERM``).
    Codes of two digits without a dash ("nbc10", a station's name) are not, nor dates
    written with a month's abbreviation."""
    out = []
    for t in terms:
        m = _CODE_TERM.fullmatch(t)
        if m is not None and m.group(1) not in _NOT_CODE_FAMILY:
            out.append(t)
    return tuple(out)


def codes_clash(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two articles' identifier codes name other instances of one thing: codes of
    one family ("xb12-345" and "xb13-008") and none in common. An article that names the
    other's code too ("the xb13-008 fix follows xb12-345") never clashes with it."""
    if set(a) & set(b):
        return False
    family = {_code_family(c) for c in a}
    return any(_code_family(c) in family for c in b)


def _code_family(code: str) -> str:
    m = _CODE_TERM.match(code)
    return m.group(1) if m is not None else code


def _lead_day(terms: Sequence[str]) -> int | None:
    """The event day a ``#d:YYYY-MM-DD`` term gives, as a proleptic ordinal."""
    cut = len(DAY_PREFIX)
    for t in terms:
        if t[:cut] == DAY_PREFIX:
            try:
                return date.fromisoformat(t[cut:]).toordinal()
            except ValueError:
                return None
    return None


def _insort(days: list[int], day: int) -> None:
    bisect.insort(days, day)


def _decrement(index: dict, key: object, sid: StoryId) -> None:  # type: ignore[type-arg]
    posting = index.get(key)
    if posting is None or sid not in posting:
        return
    if posting[sid] <= 1:
        del posting[sid]
        if not posting:
            del index[key]
    else:
        posting[sid] -= 1


__all__ = [
    "DEFAULT_PARAMS",
    "ClusterParams",
    "StoryIndex",
    "codes_clash",
    "expected_similarity",
    "identifier_codes",
    "params_for",
]

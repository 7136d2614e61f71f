"""Brief: 5-10 cited sentences that sum a story up.

The brief is extractive: whole sentences of the articles, each citing its own span and
the spans of the sentences that say the same in other sources, chosen for the claims
with the most independent sources they carry. Generated prose would need a model we do
not ship; a sentence from an article is cited exactly and never says more than its
source. When sources conflict, one sentence names the conflict and cites each side.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.lang import finite_forms, stop_words
from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    ArticleId,
    BriefSentence,
    Cite,
    Conflict,
)
from storyline.stages.analysis.align import Alignment
from storyline.text import sentence_spans, tokens

BRIEF_MAX = 8
BRIEF_MIN = 5
MAX_BRIEF_CONFLICTS = 2


@functools.cache
def _stop() -> frozenset[str]:
    """The stop words, and "said"/"says", which every news sentence shares."""
    return stop_words() | finite_forms(["say"])


_QUOTE_START = re.compile(r"^[\"“”'‘]")


@dataclass(slots=True)
class _Sentence:
    article: ArticleId
    start: int
    end: int
    text: str
    words: frozenset[str]
    index: int  # position in its article
    score: float = 0.0


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in tokens(text) if len(w) > 2 and w not in _stop())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _candidates(articles: Sequence[Article]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for a in articles:
        heads = {(h.start, h.end) for h in a.headings}
        for i, (s, e) in enumerate(sentence_spans(a.text)):
            text = a.text[s:e]
            n = len(text.split())
            if (s, e) in heads or n < 8 or n > 60 or not text.rstrip().endswith((".", "”", '"')):
                continue
            out.append(_Sentence(a.id, s, e, text, _content_words(text), i))
    return out


def build_brief(articles: Sequence[Article], alignment: Alignment) -> list[BriefSentence]:
    """Pick 5-10 cited sentences that carry the story's best-supported claims.

    Args:
        articles: the story's articles in report order.
        alignment: the story's claims and conflicts.

    Returns:
        Brief sentences, the best first, then in article order; each cites its span
        and the similar sentences of other sources.
    """
    roots = alignment.roots
    order = {a.id: i for i, a in enumerate(articles)}
    sents = _candidates(articles)
    originals = [s for s in sents if roots.get(s.article, s.article) == s.article]
    pool = originals or sents
    n_roots = len({roots.get(a.id, a.id) for a in articles})
    # per article, (start, end, weight) of each claim's cites
    weights: dict[ArticleId, list[tuple[int, int, str, float]]] = defaultdict(list)
    for c in alignment.claims:
        if c.confidence < CONFIDENCE_THRESHOLD:
            continue  # below the documented threshold (docs/report.md): never in the brief
        # a claim one source makes counts little: the brief is for what sources share
        w = (c.independent_sources - 1) + 0.3 + (1.0 if alignment.info[c.id].contested else 0.0)
        for x in c.cites:
            weights[x.article].append((x.start, x.end, c.id, w))
    similar = _similar(pool, sents)
    for s in pool:
        hits = {cid: w for a, b, cid, w in weights[s.article] if a < s.end and s.start < b}
        claim_score = sum(hits.values())
        echo = _echo(s, similar.get(id(s), []), roots)
        s.score = (
            min(claim_score, 8.0)
            + 4.0 * echo / max(1, n_roots - 1)
            + (3.0 if s.index == 0 else 1.0 if s.index == 1 else 0.0)
            - (2.0 if _QUOTE_START.match(s.text) else 0.0)
        )
    picked: list[_Sentence] = []
    for s in sorted(pool, key=lambda s: (-s.score, order[s.article], s.start)):
        if len(picked) >= BRIEF_MAX:
            break
        if s.score <= 0 and len(picked) >= BRIEF_MIN:
            break
        if any(_jaccard(s.words, p.words) >= 0.3 for p in picked):
            continue
        picked.append(s)
    if picked:
        # open with a lead sentence (news leads are written to sum the story up) when one
        # was picked, then follow the articles' order
        leads = [s for s in picked if s.index == 0]
        first = leads[0] if leads else picked[0]
        rest = sorted(
            (s for s in picked if s is not first), key=lambda s: (order[s.article], s.start)
        )
        picked = [first, *rest]
    brief = [BriefSentence(s.text, _echo_cites(s, similar.get(id(s), []))) for s in picked]
    sure = [c for c in alignment.conflicts if c.confidence >= CONFIDENCE_THRESHOLD]
    for conflict in sure[:MAX_BRIEF_CONFLICTS]:
        brief.append(_conflict_sentence(conflict))
    return brief


def _similar(
    queries: Sequence[_Sentence], sents: Sequence[_Sentence]
) -> dict[int, list[tuple[float, _Sentence]]]:
    """For each query sentence, the sentences of other articles sharing words, with their Jaccard.

    An inverted index over content words keeps this near-linear: only sentences that
    share a word are compared, and words found in most sentences are not indexed.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sents):
        for w in s.words:
            index[w].append(i)
    common = max(20, len(sents) // 3)
    out: dict[int, list[tuple[float, _Sentence]]] = {}
    for s in queries:
        near: set[int] = set()
        for w in s.words:
            if len(index[w]) <= common:
                near.update(index[w])
        out[id(s)] = [
            (_jaccard(s.words, sents[k].words), sents[k])
            for k in near
            if sents[k].article != s.article
        ]
    return out


def _echo(
    s: _Sentence, similar: Sequence[tuple[float, _Sentence]], roots: Mapping[ArticleId, ArticleId]
) -> float:
    """How many other sources have a sentence much like ``s`` (sum of best overlaps)."""
    mine = roots.get(s.article, s.article)
    best: dict[ArticleId, float] = {}
    for j, o in similar:
        r = roots.get(o.article, o.article)
        if r != mine and j > best.get(r, 0.0):
            best[r] = j
    return sum(v for v in best.values() if v >= 0.2)


def _echo_cites(s: _Sentence, similar: Sequence[tuple[float, _Sentence]]) -> list[Cite]:
    """The sentence's own span plus the closest sentence of each other article saying the same."""
    best: dict[ArticleId, tuple[float, _Sentence]] = {}
    for j, o in similar:
        if j >= 0.4 and j > best.get(o.article, (0.0, o))[0]:
            best[o.article] = (j, o)
    return [Cite(s.article, s.start, s.end)] + [
        Cite(o.article, o.start, o.end) for _, o in best.values()
    ]


def _conflict_sentence(conflict: Conflict) -> BriefSentence:
    sides = " versus ".join(f"“{s.claim}”" for s in conflict.sides)
    topic = conflict.topic.rstrip("?")
    yes_no = re.match(r"(?:Is|Are) (the .+?) (an? .+)$", topic)
    if yes_no:
        topic = f"whether {yes_no.group(1)} is {yes_no.group(2)}"
    elif re.match(r"(?:Who|What|Which|When|Where|How)\b", topic):
        topic = topic[0].lower() + topic[1:]  # a question word, not a name
    else:
        topic = f"the figure for {topic}"
    text = f"Sources disagree on {topic}: {sides}."
    cites = [c for s in conflict.sides for c in s.cites[:2]]
    return BriefSentence(text, cites)

"""Outlet comparison: which facts each outlet reports or leaves out, and the different words
outlets use for the same people or event.

Input: the story's articles (report order) and its ``Alignment``.
Output: an ``OutletComparison`` (empty for a story told by fewer than two outlets).

- An outlet is ``Article.outlet``, else the article's site, else the article itself
  ("A3", its number in the report): ``brief.outlet_label``.
- ``reports``: the usable claims (at or above ``CONFIDENCE_THRESHOLD``, with a subject:
  not "(unspecified)") with a cite in one of the outlet's articles. ``omits``: the usable claims two or more independent sources
  report (copies count once) and none of the outlet's articles does. A claim one source
  makes is not "left out" by the others: nothing says it is a fact of the story.
- ``labels``: for each set of ``lang.LABEL_SETS`` ("migrants" / "illegal aliens" / …),
  the words each outlet uses, each with its cites, shown only when outlets choose
  differently (one writes a word of the set another outlet never does).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.lang import LABEL_SETS
from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    Cite,
    LabelUse,
    OutletComparison,
    OutletFacts,
    OutletLabels,
)
from storyline.stages.analysis.align import Alignment
from storyline.stages.analysis.brief import outlet_label

MAX_LABEL_CITES = 3  # cites shown per outlet and word


def compare_outlets(articles: Sequence[Article], alignment: Alignment) -> OutletComparison:
    """Compare the outlets of a story: their claims, what they leave out, their words.

    Args:
        articles: the story's articles in report order.
        alignment: the story's claims (``align.align``).

    Returns:
        The comparison; empty when fewer than two outlets tell the story.
    """
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for i, a in enumerate(articles):
        by_outlet[outlet_label(a, i)].append(a)
    if len(by_outlet) < 2:
        return OutletComparison()
    # usable claims about something named: a figure with no subject is not a fact of the story
    claims = [
        c
        for c in alignment.claims
        if c.confidence >= CONFIDENCE_THRESHOLD and not c.subject.startswith("(")
    ]
    outlets: list[OutletFacts] = []
    for name, arts in by_outlet.items():
        ids = {a.id for a in arts}
        reports = [c.id for c in claims if any(x.article in ids for x in c.cites)]
        omits = [
            c.id
            for c in claims
            if c.independent_sources >= 2 and not any(x.article in ids for x in c.cites)
        ]
        outlets.append(OutletFacts(name, [a.id for a in arts], reports, omits))
    return OutletComparison(outlets, _labels(by_outlet))


def _labels(by_outlet: dict[str, list[Article]]) -> list[OutletLabels]:
    out: list[OutletLabels] = []
    for words in LABEL_SETS:
        # longest first, so "illegal immigrants" is not also counted as "immigrants"
        pattern = re.compile(
            r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
            re.I,
        )
        uses: dict[tuple[str, str], list[Cite]] = defaultdict(list)
        for name, arts in by_outlet.items():
            for a in arts:
                for m in pattern.finditer(a.text):
                    uses[(name, m.group(1).lower())].append(Cite(a.id, m.start(), m.end()))
        chosen: dict[str, set[str]] = defaultdict(set)
        for name, word in uses:
            chosen[name].add(word.removesuffix("s"))  # "protest" and "protests" are one choice
        if not _differ(list(chosen.values())):
            continue
        items = [
            LabelUse(name, word, cites[:MAX_LABEL_CITES])
            for (name, word), cites in sorted(
                uses.items(), key=lambda kv: (list(by_outlet).index(kv[0][0]), kv[0][1])
            )
        ]
        out.append(OutletLabels(sorted({u.word for u in items}), items))
    return out


def _differ(choices: Sequence[set[str]]) -> bool:
    """Two outlets chose differently: one writes a word of the set the other never does
    ("caravan" in both, "invasion" in one)."""
    return any(a != b for i, a in enumerate(choices) for b in choices[i + 1 :])

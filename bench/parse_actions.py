#!/usr/bin/env python
"""Would a parsed main action tell sibling events apart? Clash rates per pair kind.

    python bench/parse_actions.py [--split train|dev] [--set siblings|siblings2|siblings4]

Issue 19 idea (thirteenth session): read an article's main action from the dependency
parse, the lemma of the root of its headline (the first sentence when the cleaner only
inferred the title) with the heads of its subject and object, instead of from the word list
of ``lang.actions`` (``terms.headline_actions``). A feature is worth a clash in the story
index only when it clashes on few pairs of one event and on many sibling pairs (same topic,
other event): the word list's headline action clashes on about 2% of same-event ECB+ train
pairs.

For each candidate rule the script prints the share of same-event pairs and of sibling
pairs on which it clashes (an article with the feature unknown never clashes), then the
parse time per headline (``nlp.pipe``, NER off). Rules:

- ``list``: today's headline actions (neither main action among the other's);
- ``root``: the roots' lemmas differ (mapped through ``ACTION_OF`` when listed);
- ``root+subj``: the same subject head, other roots ("arrested" vs "sentenced");
- ``root+obj``: other roots and other object heads;
- ``subj``: other subject heads; ``same root, other subj``: one action by other actors
  (two offers for one player).

Reporting and copula roots (``_NOT_ACTIONS``) count as unknown.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from cluster import SIBLING_SETS, load, load_siblings  # noqa: E402
from storyline.lang.actions import ACTION_OF  # noqa: E402
from storyline.models import Article  # noqa: E402
from storyline.nlp import load_spacy  # noqa: E402
from storyline.stages.prepare.terms import headline_actions  # noqa: E402
from storyline.text import fold_punctuation, sentence_spans  # noqa: E402

# roots that report or link rather than act (a closed class: verbs of saying, the copula
# and the possessive "have"); and pronoun subjects, which name no actor
_NOT_ACTIONS = frozenset({"say", "tell", "report", "accord", "confirm", "be", "have"})
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "this", "that", "who"})

Pred = tuple[str, str | None, str | None]  # root action, subject head, object head


def headline(article: Article) -> str:
    """The article's headline, else its first sentence."""
    if article.title and not article.title_inferred:
        return article.title
    folded = fold_punctuation(article.text[:600])
    return next((folded[s:e].strip() for s, e in sentence_spans(folded)), "")


def predicates(texts: list[str]) -> tuple[list[Pred | None], float]:
    """Each text's root action with its subject and object heads, and ms per text."""
    nlp = load_spacy()
    out: list[Pred | None] = []
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["ner"]):
        for doc in nlp.pipe(texts):
            root = next((t for t in doc if t.dep_ == "ROOT"), None)
            if root is None or root.pos_ not in ("VERB", "NOUN"):
                out.append(None)
                continue
            lemma = root.lemma_.lower()
            action = ACTION_OF.get(root.lower_) or ACTION_OF.get(lemma) or lemma
            heads: dict[str, str | None] = {"subj": None, "obj": None}
            for c in root.children:
                kind = "subj" if c.dep_ in ("nsubj", "nsubjpass") else None
                kind = kind or ("obj" if c.dep_ in ("dobj", "attr") else None)
                if kind and heads[kind] is None and c.lower_ not in _PRONOUNS:
                    heads[kind] = c.lemma_.lower()
            skip = lemma in _NOT_ACTIONS
            out.append(None if skip else (action, heads["subj"], heads["obj"]))
    return out, 1000 * (time.perf_counter() - t0) / max(1, len(texts))


def _list_clash(a: list[str], b: list[str]) -> bool:
    return bool(a and b and a[0] not in b and b[0] not in a)


def _differ(a: str | None, b: str | None) -> bool:
    """Both known and different."""
    return a is not None and b is not None and a != b


RULES: dict[str, Callable[[Pred, Pred], bool]] = {
    "root": lambda x, y: x[0] != y[0],
    "root+subj": lambda x, y: x[0] != y[0] and x[1] is not None and x[1] == y[1],
    "root+obj": lambda x, y: x[0] != y[0] and _differ(x[2], y[2]),
    "subj": lambda x, y: _differ(x[1], y[1]),
    "same root, other subj": lambda x, y: x[0] == y[0] and _differ(x[1], y[1]),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--set", dest="dataset", choices=sorted(SIBLING_SETS))
    args = ap.parse_args()
    if args.dataset:
        docs, arts = load_siblings(SIBLING_SETS[args.dataset])
    else:
        docs, arts = load(args.split)
    preds, ms = predicates([headline(a) for a in arts])
    listed = [headline_actions(a) for a in arts]
    counts = {r: [0, 0, 0, 0] for r in ["list", *RULES]}  # same clash/all, sibling clash/all
    for i, j in itertools.combinations(range(len(arts)), 2):
        if docs[i]["topic"] != docs[j]["topic"]:
            continue
        k = 0 if docs[i]["event"] == docs[j]["event"] else 2
        x, y = preds[i], preds[j]
        for rule, row in counts.items():
            if rule == "list":
                hit = _list_clash(listed[i], listed[j])
            else:
                hit = x is not None and y is not None and RULES[rule](x, y)
            row[k] += hit
            row[k + 1] += 1
    name = args.dataset or f"ECB+ {args.split}"
    known = sum(p is not None for p in preds)
    print(f"{name}: {len(arts)} articles, a parsed action for {known}, listed for "
          f"{sum(bool(a) for a in listed)}; parse {ms:.1f} ms per headline (nlp.pipe, no NER)")  # fmt: skip
    print(f"{'rule':24s} {'same-event':>12s} {'sibling':>12s}")
    for rule, (sc, sn, bc, bn) in counts.items():
        print(f"{rule:24s} {sc / max(sn, 1):11.1%}  {bc / max(bn, 1):11.1%}")


if __name__ == "__main__":
    main()

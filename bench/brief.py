"""The brief and the story title on real news nobody here wrote: ECB+ (CC BY 3.0).

    PYTHONPATH=src .venv/bin/python bench/brief.py [--split dev|train] [--spacy] [--every K]

Each gold event of the split (``event`` = topic + subtopic, 2+ documents) is one story; its
report is built as ``Engine.report`` builds it (``build_report`` over cleaned articles and
their extracted facts, rules-only extraction unless ``--spacy``), and its title as commit
time makes it (``story_title``, TF-IDF vectors). Printed, over every brief sentence:

- ``unbalanced``: quote marks not closed ("“" and "”" unequal, or an odd number of '"');
- ``headline``: an ALL-CAPS kicker ("WORD: …") or words nearly all capitalised (> 70%);
- ``dangling``: opens with a quote mark or a pronoun (he, she, it, they, this …);
- ``dup``: briefs with two sentences sharing most content words (Jaccard ≥ 0.5; the brief's
  own frame words, "Outlets differ on the figure for", are not content);
- ``counted`` / ``said`` / ``differ``: sentences giving their sources' count, quoting a
  speaker, naming an outlets' disagreement;
- ``corroborated`` (of ``counted`` sentences): told by 2 or more independent sources;
- ``rawkey`` (of ``differ`` sentences): a slot key instead of plain words ("the figure for
  people injured: people", a side "Jane Roe: 27 age");
- ``below`` (of ``differ`` sentences): built from a conflict under the shown threshold;

and over titles: mean words, ``cut`` (ending in "…"), and ``names``: the title contains the
event's key word (the content word most of its documents use, ties by frequency).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DOCS = Path("/work/shared/bench/ecbplus/docs.jsonl")
PRONOUNS = {"he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their"}
# the words of the brief's own frames ("Outlets differ on the figure for …", "Sources
# disagree on …", "(2 of 3 sources)"): not facts, so not counted as a repeated fact
FRAME = frozenset(
    {"outlets", "differ", "sources", "disagree", "figure", "report", "reports", "said", "versus"}
)


def _words(text: str, stop: frozenset[str]) -> set[str]:
    words = re.findall(r"[a-z][a-z'-]+", text.lower())
    return {w for w in words if len(w) > 2 and w not in stop and w not in FRAME}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--spacy", action="store_true", help="extract with spaCy (slower)")
    ap.add_argument("--every", type=int, default=1, help="every K-th event only (fast runs)")
    ap.add_argument("--docs", default=str(DOCS))
    args = ap.parse_args()

    from storyline.embed import get_embedder
    from storyline.lang import stop_words
    from storyline.models import CONFIDENCE_THRESHOLD, RawDoc, Story
    from storyline.stages.analysis.report import build_report
    from storyline.stages.commit.summaries import story_title
    from storyline.stages.prepare.clean import clean_document
    from storyline.stages.prepare.extract import extract_many

    stop = stop_words()
    events: dict[str, list[dict]] = defaultdict(list)
    for line in Path(args.docs).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["split"] == args.split:
            events[d["event"]].append(d)
    keys = [k for k in sorted(events) if len(events[k]) >= 2][:: max(1, args.every)]
    emb = get_embedder("tfidf")
    n = Counter()
    titles: list[str] = []
    named = cut = 0
    started = time.perf_counter()
    for key in keys:
        docs = events[key]
        arts = [
            clean_document(RawDoc(source=f"ecb://{d['id']}", text=d["text"]), ingested_at="")
            for d in docs
        ]
        facts = extract_many(arts, use_spacy=args.spacy)
        story = Story(f"s-{key}", key, [a.id for a in arts], None, None, len(arts))
        rep = build_report(story, arts, facts)
        texts = [b.text for b in rep.brief]
        weak, strong = set(), set()
        for cf in rep.conflicts:
            held = (cf.confidence or 0.0) >= CONFIDENCE_THRESHOLD
            (strong if held else weak).update(
                (c.article, c.start) for sd in cf.sides for c in sd.cites
            )
        for b in rep.brief:
            if b.text.startswith(("Outlets differ", "Sources disagree")):
                cs = {(c.article, c.start) for c in b.cites}
                n["below"] += cs <= weak and not cs <= strong
        n["briefs"] += 1
        n["sentences"] += len(texts)
        for t in texts:
            n["unbalanced"] += t.count("“") != t.count("”") or t.count('"') % 2 == 1
            caps = [w for w in re.findall(r"[A-Za-z][\w'-]*", t)[1:] if w.lower() not in stop]
            n["headline"] += bool(re.match(r"^[^a-z:]{4,40}:\s", t)) or (
                len(caps) >= 5 and sum(w[0].isupper() for w in caps) / len(caps) > 0.7
            )
            first = t.split()[0].lower().strip("“\"'‘,") if t.split() else ""
            n["dangling"] += t[:1] in "“\"'‘" or first in PRONOUNS
            counted = re.search(r"\((\d+) of (\d+) sources(?:; disputed by [^)]*)?\)$", t)
            n["counted"] += bool(counted)
            if counted:
                n["corrob"] += int(counted.group(1)) >= 2
            n["said"] += bool(re.search(r"^[A-Z][^:]{0,80} said[: ]", t))
            differ = t.startswith(("Outlets differ", "Sources disagree"))
            n["differ"] += differ
            sides = t.split(": ", 1)[1] if ": " in t else ""
            n["rawkey"] += differ and (
                "the figure for" in t or bool(re.search(r"[A-Za-z]: \S", sides))
            )
        ws = [_words(t, stop) for t in texts]
        n["dup"] += any(
            len(a & b) / len(a | b) >= 0.5 for i, a in enumerate(ws) for b in ws[i + 1 :] if a | b
        )
        vecs = np.asarray(emb.encode([a.text for a in arts]))
        title = story_title(arts, vecs)
        titles.append(title)
        per_doc = Counter(w for a in arts for w in _words(a.text, stop))
        in_docs = Counter(w for a in arts for w in set(_words(a.text, stop)))
        key_word = max(in_docs, key=lambda w: (in_docs[w], per_doc[w], w)) if in_docs else ""
        named += key_word in _words(title, stop)
        cut += title.endswith("…")
    s = max(1, n["sentences"])
    b = max(1, n["briefs"])
    print(
        f"brief ECB+ {args.split} ({'spacy' if args.spacy else 'rules'}): events={b} "
        f"sentences/brief={n['sentences'] / b:.1f} unbalanced={n['unbalanced'] / s:.3f} "
        f"headline={n['headline'] / s:.3f} dangling={n['dangling'] / s:.3f} "
        f"dup={n['dup'] / b:.3f} counted={n['counted'] / s:.2f} said={n['said'] / s:.2f} "
        f"differ={n['differ'] / s:.2f} corroborated={n['corrob'] / max(1, n['counted']):.2f} rawkey={n['rawkey']}/{n['differ']} "
        f"below={n['below']}/{n['differ']}"
    )
    t = max(1, len(titles))
    print(
        f"titles: words={sum(len(x.split()) for x in titles) / t:.1f} cut={cut / t:.3f} "
        f"names={named / t:.3f}  ({time.perf_counter() - started:.0f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

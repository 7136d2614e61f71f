"""Indirect attributions per cue lemma and per class, under the current and the fair matcher
(issue 17).

For PolNeAR **train** quarters (``--every 4 --offsets 0,1``: the quarters ``bench/extract.py
--every 4 --offset N`` scores), this prints:

1. ``indR``/``indP`` of the engine's ``indirect`` predictions under ``bench/extract.py``'s
   matcher (contents' whole extent, IoU >= 0.5) and under its fair matcher
   (``extract.fair_content``: the content's own characters inside its cue's sentence, a
   prediction's characters less the attribution's own cue and source);
2. per cue lemma of the unquoted gold contents (the cue's head word in the engine's parse,
   ``lang.attribution.cue_lemma``; "according to" as one cue): gold count, found (current,
   fair), the engine's predictions whose cue is that lemma (the word governing the predicted
   content in the parse) and their fair precision;
3. per class of cue (speech verbs, cognition verbs, intent verbs, nouns, "according to",
   reported questions, ...): the same, plus the fair precision of every construction instance
   (``indirect.cue_constructions`` with a plausible source, ``derive_cues.candidates``) that
   overlaps no prediction: what adding the class as a rule would add, and how precisely.

Result (branch s7, 2026-12-06, quarters 0+1, the merged engine): 6,789 unquoted contents,
3,065 predictions; indR/indP 0.349/0.781 under the current matcher, 0.354/0.798 under the
fair one (469 contents run over a sentence end, 534 hold their cue): **the matcher is not what
keeps indR low**. By class (fair recall, precision of the predictions): speech verbs 1,952
gold, 0.677 / 0.852; "according to" 172, 0.756 / 0.889; reported questions 22, 0.591 / 0.955;
cognition 325, 0.305 / 0.742; intent 412, 0.357 / 0.693; nouns 1,018, 0.204 / 0.691; verbs on
no list 2,382 (support, back, endorse, vote, seem, appear, be, have, make, ...), 0.158 / 0.763.
Unpredicted constructions at 0.75 or more are small: an infinitive after a verb on the noun
list (33, 0.82; 13 of them "called on X to do Y", since read), a speech verb's "that" clause
(13, 0.85), an "about" object (19, 0.79); the sizeable ones are below 0.65: a speech verb's
clause without "that" (67, 0.57), an unlisted verb's "that" clause (45, 0.60), a noun's
infinitive (95, 0.47), an intent verb's infinitive (159, 0.37). Emitting every instance of every construction (5,731) would add about 1,340 matches:
indR about 0.55 at indP about 0.43. By content form (q0, fair matcher): 544 contents of one or
two words (recall 0.01, left out by design), 642 with no verb (0.22), 496 non-finite (0.33),
1,450 finite clauses with a source (0.59), 196 finite clauses with no source (0.09: the
writer's "appears to", "it is expected").

Only counts and lemmas are printed (no corpus text). Parses and predictions are cached
outside the repository (``--cache DIR``).

  PYTHONPATH=src:/work/benchlibs .venv/bin/python bench/indirect_cues.py --polnear /work/polnear \
      --offsets 0,1 --cache /tmp/indirect-cues
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import derive_cues as dc  # noqa: E402
import extract as bx  # noqa: E402
from storyline.lang import (  # noqa: E402
    ATTRIBUTION_NOUNS,
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INTENT_VERBS,
)
from storyline.lang.attribution import cue_lemma  # noqa: E402

Span = tuple[int, int]


def klass(lemma: str, pos: str, text_after: str) -> str:
    """The class of a cue for the tables."""
    if lemma == "according to":
        return "according-to"
    if pos == "NOUN" or lemma in ATTRIBUTION_NOUNS:
        return "noun"
    if lemma in ("ask", "wonder", "question") and text_after.split()[:1] in (["whether"], ["if"]):
        return "question"
    if lemma in BELIEF_VERBS:
        return "cognition"
    if lemma in INTENT_VERBS:
        return "intent"
    if lemma in ATTRIBUTION_SPEECH_VERBS:
        return "speech"
    if lemma in EVIDENCE_VERBS:
        return "evidence"
    return "other-verb" if pos == "VERB" else "other"


def tokens(doc: Any, spans: list[Span]) -> list[Any]:
    out = []
    for a, b in spans:
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None:
            out.extend(sp)
    return out


def gold_cue(doc: Any, text: str, at: bx.PnAttr) -> tuple[str, str, int]:
    """(lemma, pos, end offset) of a gold cue's head word."""
    words = bx.span_text(text, at.cue).lower().split()
    toks = tokens(doc, at.cue)
    if not toks:
        return "-", "-", 0
    if "according" in words:
        return "according to", "ADP", at.cue[-1][1]
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])
    verbs = [t for t in toks if t.pos_ in ("VERB", "NOUN")]
    if head.pos_ not in ("VERB", "NOUN") and verbs:
        head = verbs[0]
    return cue_lemma(head.lemma_, head.lower_), head.pos_, at.cue[-1][1]


def pred_cue(doc: Any, a: int, b: int) -> tuple[str, str]:
    """The word governing a predicted content in the parse: its root's head outside the
    span, else an "according to" or a verb hanging on the root outside it."""
    toks = tokens(doc, [(a, b)])
    if not toks:
        return "-", "-"
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])
    h = root.head
    if h.i not in ids and h.i != root.i:
        if h.pos_ == "ADP" and h.head.i not in ids and h.head.pos_ in ("VERB", "NOUN"):
            h = h.head
        if h.lower_ == "to" and h.head.lower_ == "according":
            return "according to", "ADP"
        return cue_lemma(h.lemma_, h.lower_), h.pos_
    for c in root.children:
        if c.i in ids:
            continue
        if c.lower_ == "according":
            return "according to", "ADP"
        if c.pos_ == "VERB":
            return cue_lemma(c.lemma_, c.lower_), c.pos_
    return "-", "-"


def hits(q: set[int], fg: list[set[int]], holes: list[set[int]]) -> bool:
    return any(
        len(g & (q - h)) >= 0.5 * len(g | (q - h)) > 0 for g, h in zip(fg, holes, strict=True)
    )


def preds_for(docs: list[bx.PnDoc], path: Path) -> dict[str, list[bx.Pred]]:
    if path.is_file():
        raw = json.loads(path.read_text())
        if all(d.name in raw for d in docs):
            return {k: [bx.Pred(*p) for p in v] for k, v in raw.items()}
    arts = [
        bx.Article(id=d.name, source=d.name, text=d.text, raw=d.text, title="")  # type: ignore[call-arg]
        for d in docs
    ]
    facts, _ = bx.run_extract_many(arts, use_spacy=True)
    out = {d.name: bx.facts_to_preds(f.quotes) for d, f in zip(docs, facts, strict=True)}  # type: ignore[attr-defined]
    path.write_text(
        json.dumps(
            {k: [[p.start, p.end, p.speaker, p.kind, p.role] for p in v] for k, v in out.items()}
        )
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--offsets", default="0,1")
    ap.add_argument("--cache", type=Path, required=True, help="a directory outside the repo")
    ap.add_argument("--tag", default="", help="a name for this run's prediction cache")
    ap.add_argument("--min-n", type=int, default=20, help="lemmas shown: >= N gold contents")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    split_dir = bx.polnear_split_dir(args.polnear, "train")
    # per key: [gold, found, found_fair, pred, pred_hit_fair, cand, cand_hit_fair, cand_new]
    lem: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    cls: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    total = bx.PnScore()
    for off in (int(x) for x in args.offsets.split(",")):
        docs = bx.load_polnear(split_dir, 0, args.every, off)
        parsed = dc.parse_docs(docs, args.cache / f"q{off}.docbin")
        preds = preds_for(docs, args.cache / f"preds{args.tag}-q{off}.json")
        s = bx.score_polnear(docs, preds)
        for k, v in vars(s).items():
            if isinstance(v, int):
                setattr(total, k, getattr(total, k) + v)
        for d, doc in zip(docs, parsed, strict=True):
            text = d.text
            ps = [p for p in preds.get(d.name, []) if p.kind == "indirect"]
            allq = [bx.trim(text, p.start, p.end) for p in preds.get(d.name, [])]
            ind = [at for at in d.attrs if not bx.has_quote_mark(text, at.content)]
            starts = bx.sentence_bounds(text)
            spans = [bx.content_span(text, at) for at in ind]
            fg = [bx.fair_content(text, at, starts) for at in ind]
            holes = [bx._alnum(text, at.cue + at.source) for at in ind]
            pch = [bx._alnum(text, [bx.trim(text, p.start, p.end)]) for p in ps]
            cur = {gi for gi, _, _ in bx.pn_match(text, spans, [(p.start, p.end) for p in ps])}
            fair = {gi for gi, _, _ in bx.fair_match(text, fg, holes, pch)}
            for gi, at in enumerate(ind):
                lemma, pos, end = gold_cue(doc, text, at)
                c = klass(lemma, pos, text[end : end + 20])
                for row in (lem[lemma], cls[c]):
                    row[0] += 1
                    row[1] += gi in cur
                    row[2] += gi in fair
            afg = [bx.fair_content(text, at, starts) for at in d.attrs]
            aho = [bx._alnum(text, at.cue + at.source) for at in d.attrs]
            for p, q in zip(ps, pch, strict=True):
                lemma, pos = pred_cue(doc, p.start, p.end)
                c = klass(lemma, pos, text[p.start : p.start + 20])
                ok = hits(q, afg, aho)
                for row in (lem[lemma], cls[c]):
                    row[3] += 1
                    row[4] += ok
            seen: set[Span] = set()
            for con, lemma, span in dc.candidates(doc, text):
                if span in seen or any(a < span[1] and span[0] < b for a, b in allq):
                    continue  # (what the engine predicts already, or inside a quote)
                seen.add(span)
                t = next(iter(tokens(doc, [span])), None)
                head_pos = "NOUN" if con.startswith("n-") else "VERB"
                after = text[span[0] : span[0] + 20] if t is not None else ""
                c = klass(lemma, head_pos, after)
                ok = hits(bx._alnum(text, [span]), afg, aho)
                for key, row in ((f"{c}:{con}", cls[f"{c}:{con}"]), (lemma, lem[lemma])):
                    del key
                    row[5] += 1
                    row[6] += ok
                    row[7] += ok and hits(bx._alnum(text, [span]), fg, holes)

    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    print(
        f"quarters {args.offsets} (every {args.every}): unquoted gold {total.gold_ind}, "
        f"predicted indirect {total.pred_ind}"
    )
    print(
        f"current matcher  indR {r(total.tp_ind, total.gold_ind)}  "
        f"indP {r(total.pred_ind_hit, total.pred_ind)}"
    )
    print(
        f"fair matcher     indR {r(total.tp_ind_fair, total.gold_ind)}  "
        f"indP {r(total.pred_ind_hit_fair, total.pred_ind)}   (gold over a sentence end "
        f"{total.gold_ind_multi}, cue inside the content's extent {total.gold_ind_cue_inside})"
    )
    head = (
        f"{'key':28} {'gold':>5} {'found':>5} {'fairF':>5} {'R-fair':>6} {'pred':>5} "
        f"{'P-fair':>6} {'cand':>5} {'P-cand':>6} {'new':>4}"
    )
    for title, table, min_n in (("class", cls, 0), ("cue lemma", lem, args.min_n)):
        print(f"\nper {title} (cand: construction instances no prediction overlaps)")
        print(head)
        for key, v in sorted(table.items(), key=lambda kv: -(kv[1][0] + kv[1][5] / 4)):
            if v[0] < min_n and v[5] < 4 * min_n if min_n else False:
                continue
            print(
                f"{key[:28]:28} {v[0]:5} {v[1]:5} {v[2]:5} {r(v[2], v[0]):>6} {v[3]:5} "
                f"{r(v[4], v[3]):>6} {v[5]:5} {r(v[6], v[5]):>6} {v[7]:4}"
            )


if __name__ == "__main__":
    main()

"""Which constructions link the cue of a missed indirect attribution to its content (issue 17).

For every PolNeAR **train** gold attribution whose content has no quote mark and that no
``indirect`` prediction of the engine matches (IoU >= 0.5, as ``bench/extract.py`` scores
``indR``), this reads the spaCy parse (the engine's model, ``bounded_text``) and names the
construction linking the annotated cue to the content, by structure, not by lemma:

- ``VERB>ccomp``, ``NOUN>acl``, ``VERB>dobj``, ``VERB>xcomp``: the content's head is a child
  of the cue's head token with that dependency (``+that``: the clause opens with "that";
  ``+to``: an infinitive);
- ``VERB>prep>pobj``: the content is the object of a preposition the cue governs;
- ``VERB<advcl``, ``VERB<parataxis``, ``ADP<prep`` ("according to"), …: the cue hangs on the
  content's head (a framing or trailing attribution: the content is the sentence around it);
- ``VERB~conj``, ``path``: other paths inside the sentence (``path:…`` the dependency chain);
- ``next-sent`` / ``next-sent+colon``: the content is in a sentence after the cue's (a cue
  ending in a colon); ``prev-sent``: before it; ``cue-in-content``: the cue lies inside the
  content; ``no-cue``: no cue annotated.

Each miss is classed ``none`` (no prediction overlaps it) or ``cut`` (an indirect one does,
at IoU < 0.5), as ``extract.py --indirect-errors``. Then, for each construction, every
instance of it in the same articles (any cue lemma; instances on or inside quotation marks
skipped, content edges trimmed as ``derive_cues.content``) is matched against all gold
contents: ``n`` instances, ``P`` = matched / n (the construction's precision if every instance
were emitted), ``Psrc`` the same over instances whose cue has a plausible source
(``derive_cues.agentive``/``noun_sourced``), ``new`` the matches of currently missed unquoted
gold and ``Pnew`` the precision of instances that overlap no current prediction (what adding
the construction as a rule would add), each per half: train quarters 0-1 and 2-3
(``extract.py --every 4 --offset 0..3``).

Result (branch s2, 2026-12-06): 8,692 of 13,452 unquoted train contents missed; the largest
classes are a verb's object (``VERB>dobj``, 2,169; every instance 0.24 precise), a cue inside
its own content (812), a verb's prepositional object (746; 0.16), a clause without "that"
(546; 0.64 over all instances, 0.38 over those the engine does not already predict), a noun's
prepositional object (359; 0.13), an infinitive (291; 0.40), a "that" clause (264; 0.80, 0.57-0.60
unpredicted); a content in another sentence (12) or after a colon (1; 0.18-0.28). Among the
unpredicted instances only a listed cue's "that" clause whose subject the parse does not give
reaches 0.75 on both halves, and of its forms only a participle modifying a noun holds
(``indirect._lent_subject``).

Only counts and dependency labels are printed (``--show N`` prints N misses in context to the
terminal only, never to a file). The engine's predictions are cached with ``--preds FILE``
and the parses with ``--cache FILE`` (both outside the repository).

  PYTHONPATH=src:/work/benchlibs .venv/bin/python bench/indirect_misses.py --polnear /work/polnear \
      --cache /tmp/train.docbin --preds /tmp/train-preds.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import derive_cues as dc  # noqa: E402
import extract as bx  # noqa: E402

Span = tuple[int, int]


def head_of(span_toks: list[Any]) -> Any | None:
    """The token of ``span_toks`` whose head lies outside them (the first such)."""
    ids = {t.i for t in span_toks}
    for t in span_toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return span_toks[0] if span_toks else None


def tokens_in(doc: Any, spans: list[Span]) -> list[Any]:
    out = []
    for a, b in spans:
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None:
            out.extend(t for t in sp if not t.is_space and not t.is_punct)
    return out


def cue_head(doc: Any, cue: list[Span]) -> Any | None:
    toks = tokens_in(doc, cue)
    verbs = [t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ")]
    return head_of(verbs) if verbs else head_of(toks)


def construction(doc: Any, text: str, at: bx.PnAttr, content: Span) -> str:
    """The construction linking a gold attribution's cue to its content (see the docstring)."""
    if not at.cue:
        return "no-cue"
    cue = cue_head(doc, at.cue)
    ctoks = tokens_in(doc, [content])
    if cue is None or not ctoks:
        return "unparsed"
    ch = head_of(ctoks)
    a, b = content
    if a <= cue.idx < b:
        return "cue-in-content"
    if cue.sent.start != ch.sent.start:
        if ch.sent.start > cue.sent.start:
            tail = text[cue.idx : cue.sent.end_char].rstrip()
            return "next-sent+colon" if tail.endswith(":") else "next-sent"
        return "prev-sent"
    pos = "ADP" if cue.pos_ == "ADP" or cue.lower_ == "according" else cue.pos_
    if cue.lower_ == "according":
        pos = "according"
    if ch.head.i == cue.i:
        return f"{pos}>{ch.dep_}{_flavour(ch)}"
    if ch.head.head.i == cue.i and ch.head.dep_ == "prep":
        return f"{pos}>prep>{ch.dep_}"
    if cue.head.i == ch.i:
        return f"{pos}<{cue.dep_}"
    if cue.head.dep_ == "prep" and cue.head.head.i == ch.i:
        return f"{pos}<pobj<prep"
    if cue.dep_ == "conj" and ch.head.i == cue.head.i:
        return f"{pos}~conj>{ch.dep_}"
    # the dependency chain from the cue up to the common ancestor and down to the content
    up = [cue]
    while up[-1].head.i != up[-1].i and len(up) < 8:
        up.append(up[-1].head)
    down = [ch]
    while down[-1].head.i != down[-1].i and len(down) < 8:
        down.append(down[-1].head)
    ids = [t.i for t in down]
    for k, t in enumerate(up):
        if t.i in ids:
            j = ids.index(t.i)
            path = [f"^{u.dep_}" for u in up[:k]] + [f"v{d.dep_}" for d in reversed(down[:j])]
            return f"path:{pos}" + "".join(path[:4])
    return "path:none"


def _flavour(ch: Any) -> str:
    kids = list(ch.children)
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in kids):
        return "+that"
    if any(g.dep_ == "aux" and g.lower_ == "to" for g in kids):
        return "+to"
    if ch.dep_ in ("ccomp", "acl") and any(g.dep_ in ("nsubj", "nsubjpass") for g in kids):
        return "+subj"
    return ""


# -- every instance of a construction (its content span), for its precision -----------------


def instances(doc: Any, text: str) -> Iterator[tuple[str, Any, Span]]:
    """Each construction instance in the parse, named as ``construction`` names a miss."""
    quoted = dc.quoted(text)
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        ss, se = sent.start_char, sent.end_char
        inside = [(a, b) for a, b in quoted if a < se and ss < b]
        for t in sent:
            if t.is_space or t.is_punct or any(a <= t.idx < b for a, b in inside):
                continue
            pos = "according" if t.lower_ == "according" else t.pos_
            for c in t.children:
                if c.i > t.i and c.dep_ not in ("punct", "prep", "cc", "aux", "det", "advmod"):
                    yield f"{pos}>{c.dep_}{_flavour(c)}", t, dc.bounds(c)
                if c.i > t.i and c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ in ("pobj", "pcomp"):
                            yield f"{pos}>prep>{g.dep_}", t, dc.bounds(g)
            if t.head.i != t.i and t.dep_ in ("advcl", "parataxis", "ccomp", "prep", "conj"):
                yield f"{pos}<{t.dep_}", t, _around(text, ss, se, t)
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
                yield f"{pos}<pobj<prep", t, _around(text, ss, se, t.head)
        tail = text[ss:se].rstrip()
        if tail.endswith(":") and k + 1 < len(sents):
            nxt = sents[k + 1]
            root = sent.root
            yield "next-sent+colon", root, (nxt.start_char, nxt.end_char)


def _around(text: str, ss: int, se: int, t: Any) -> Span:
    """The sentence without the phrase ``t`` heads at its start or end (else the sentence)."""
    lo, hi = dc.bounds(t)
    end = se - (1 if text[se - 1 : se] in ".!" else 0)
    if not text[ss:lo].strip(" ,(“\"'"):
        return hi, end
    if not text[hi:end].strip(" ,.!)"):
        return ss, lo
    return ss, end


def subject_kind(t: Any) -> str:
    if t.pos_ == "NOUN":
        return "poss" if any(c.dep_ == "poss" for c in t.children) else "noun-none"
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
        return "passive"
    s = dc.subject(t)
    if s is None:
        return "none"
    if s.pos_ == "PRON":
        low = s.lower_
        return {"i": "pron1", "we": "pron1", "you": "pron2"}.get(low, f"pron:{low}")
    if s.pos_ == "PROPN" or s.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return "name"
    return "agent-noun" if dc.agentive(s) else "other-noun"


def facets(t: Any) -> list[str]:
    """The general features one construction instance is counted under (``--split``)."""
    from storyline.lang.attribution import ATTRIBUTION_CUES, DERIVED_VERB_CUES, cue_lemma
    from storyline.lang.en import ATTRIBUTION_NOUNS

    lemma = cue_lemma(t.lemma_, t.lower_)
    listed = lemma in ATTRIBUTION_CUES or lemma in DERIVED_VERB_CUES or lemma in ATTRIBUTION_NOUNS
    sk = subject_kind(t)
    neg = any(c.dep_ == "neg" for c in t.children)
    prt = any(c.dep_ == "prt" for c in t.children)
    out = [
        "all",
        f"subj={sk}",
        f"listed={listed}",
        f"subj={sk} listed={listed}",
        f"neg={neg}",
        f"prt={prt}",
        f"tag={t.tag_}",
        f"dep={t.dep_}",
    ]
    if sk == "none" and listed:
        chain, u = [], t
        for _ in range(4):
            chain.append(u.dep_)
            if u.head.i == u.i:
                break
            u = u.head
        out.append("none+listed chain=" + ">".join(chain))
    return out


def best_iou(spans: list[Span], s: Span) -> tuple[int, float]:
    best, v = -1, 0.0
    for i, g in enumerate(spans):
        if g[0] < s[1] and s[0] < g[1]:
            x = bx.iou(g, s)
            if x > v:
                best, v = i, x
    return best, v


def engine_preds(docs: list[bx.PnDoc], path: Path | None) -> dict[str, list[list[Any]]]:
    if path is not None and path.is_file():
        cached: dict[str, list[list[Any]]] = json.loads(path.read_text())
        if all(d.name in cached for d in docs):
            return cached
    arts = [
        bx.Article(id=d.name, source=d.name, text=d.text, raw=d.text, title="")  # type: ignore[call-arg]
        for d in docs
    ]
    facts, _ = bx.run_extract_many(arts, use_spacy=True)
    out = {
        d.name: [[q.cite.start, q.cite.end, q.kind] for q in f.quotes]  # type: ignore[attr-defined]
        for d, f in zip(docs, facts, strict=True)
    }
    if path is not None:
        path.write_text(json.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument(
        "--cache", type=Path, default=None, help="DocBin of the parses (outside the repo)"
    )
    ap.add_argument("--preds", type=Path, default=None, help="JSON of the engine's predictions")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--min-n", type=int, default=15, help="constructions shown: >= N instances")
    ap.add_argument("--show", type=int, default=0, help="print N misses of --con (terminal only)")
    ap.add_argument("--con", default="", help="with --show: the construction to print")
    ap.add_argument("--why", default="none,cut", help="with --show: none, cut or both")
    ap.add_argument(
        "--split",
        default="",
        help="a construction: its instances that overlap no prediction, by kind of subject,"
        " cue list and negation (precision per half)",
    )
    args = ap.parse_args()
    split_dir = bx.polnear_split_dir(args.polnear, "train")
    names = [p.stem for p in sorted((split_dir / "text").glob("*.txt"))]
    quarter = {n: i % 4 for i, n in enumerate(names)}
    docs = bx.load_polnear(split_dir, args.limit)
    parsed = dc.parse_docs(docs, args.cache)
    preds = engine_preds(docs, args.preds)

    miss: Counter[tuple[str, str, int]] = Counter()  # (construction, none|cut, half)
    n_gold = [0, 0]
    n_miss = [0, 0]
    # per (construction, half): [n, hits, n_src, hits_src, n_fresh, hits_fresh, new]
    inst: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * 7)
    shown = 0
    split: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    for d, doc in zip(docs, parsed, strict=True):
        text = d.text
        half = quarter[d.name] // 2
        ps = preds.get(d.name, [])
        ind = [bx.trim(text, a, b) for a, b, k in ps if k == "indirect"]
        anyp = [bx.trim(text, a, b) for a, b, _ in ps]
        gold_all = [bx.trim(text, *bx.content_span(text, at)) for at in d.attrs]
        missed: set[int] = set()
        for gi, at in enumerate(d.attrs):
            if bx.has_quote_mark(text, at.content):
                continue
            n_gold[half] += 1
            g = gold_all[gi]
            if best_iou(ind, g)[1] >= 0.5:
                continue
            missed.add(gi)
            n_miss[half] += 1
            why = "cut" if any(p[0] < g[1] and g[0] < p[1] for p in ind) else "none"
            con = construction(doc, text, at, g)
            miss[(con, why, half)] += 1
            if args.show and con == args.con and shown < args.show and why in args.why:
                shown += 1
                cue = bx.span_text(text, at.cue)
                print(f"[{why}] cue {cue!r}: {bx.around(text, *g, 100, 40)}")
                for p in ind:
                    if p[0] < g[1] and g[0] < p[1]:
                        print(f"      pred: {bx.around(text, *p, 0, 0)}")
                print()
        seen: set[tuple[str, Span]] = set()
        for con, t, (lo, hi) in instances(doc, text):
            if lo < t.sent.start_char or (hi > t.sent.end_char and not con.startswith("next")):
                continue
            span = dc.content(text, lo, hi)
            if span is None or (con, span) in seen:
                continue
            seen.add((con, span))
            gi, v = best_iou(gold_all, span)
            hit = v >= 0.5
            if t.pos_ == "NOUN":
                src = dc.noun_sourced(t)
            elif t.pos_ == "VERB":
                src = dc.agentive(dc.subject(t))
            else:
                src = True
            fresh = not any(p[0] < span[1] and span[0] < p[1] for p in anyp)
            if args.split and con == args.split and fresh:
                for key in facets(t):
                    row2 = split[(key, half)]
                    row2[0] += 1
                    row2[1] += hit
                    row2[2] += hit and gi in missed
            row = inst[(con, half)]
            row[0] += 1
            row[1] += hit
            row[2] += src
            row[3] += hit and src
            row[4] += fresh and src
            row[5] += hit and fresh and src
            row[6] += hit and fresh and src and gi in missed
    print(
        f"PolNeAR train: {len(docs)} articles; unquoted gold q0-1 {n_gold[0]}, q2-3 {n_gold[1]};"
        f" missed {n_miss[0]}, {n_miss[1]}"
    )
    by_con: Counter[str] = Counter()
    for (con, _w, _h), n in miss.items():
        by_con[con] += n
    print(
        "\nmisses by construction (none/cut per half) | every instance of it (q0-1 | q2-3):"
        " n P Psrc | sourced & overlapping no prediction: n P new"
    )
    hdr = f"{'construction':28} {'miss':>5} {'none01':>6} {'cut01':>5} {'none23':>6} {'cut23':>5} |"
    hdr += f" {'n01':>6} {'P01':>5} {'Ps01':>5} {'nf01':>5} {'Pf01':>5} {'new01':>5} |"
    hdr += f" {'n23':>6} {'P23':>5} {'Ps23':>5} {'nf23':>5} {'Pf23':>5} {'new23':>5}"
    print(hdr)

    def r(a: int, b: int) -> str:
        return f"{a / b:.2f}" if b else "  -"

    for con, n in by_con.most_common():
        if n < args.min_n and not any(inst[(con, h)][6] >= 5 for h in (0, 1)):
            continue
        cells = [f"{miss[(con, w, h)]:>6}" for h in (0, 1) for w in ("none", "cut")]
        line = f"{con[:28]:28} {n:>5} {cells[0]} {cells[1]:>5} {cells[2]} {cells[3]:>5} |"
        for h in (0, 1):
            x = inst.get((con, h), [0] * 7)
            line += (
                f" {x[0]:>6} {r(x[1], x[0]):>5} {r(x[3], x[2]):>5} {x[4]:>5}"
                f" {r(x[5], x[4]):>5} {x[6]:>5} |"
            )
        print(line.rstrip("|"))
    rest = sum(n for c, n in by_con.items() if n < args.min_n)
    print(f"(constructions under {args.min_n} misses: {rest} misses in all)")
    if args.split:
        print(f"\n{args.split}, instances overlapping no prediction: n P new per half")
        for key in sorted({k for k, _ in split}):
            a, b = split[(key, 0)], split[(key, 1)]
            print(
                f"{key:32} {a[0]:>5} {r(a[1], a[0]):>5} {a[2]:>4} | {b[0]:>5} {r(b[1], b[0]):>5}"
                f" {b[2]:>4}"
            )


if __name__ == "__main__":
    main()

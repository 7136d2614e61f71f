"""Derive the data-driven attribution cue table (``lang/attribution.py``'s ``DERIVED_CUES``).

For every cue construction a dependency parse shows in PolNeAR **train** (a verb with a
clausal complement, with "that", with an infinitive, with a gerund, with a direct object, with
a prepositional object; a noun with a "that" clause, an infinitive or a prepositional object),
whose cue has a plausible source (a verb's subject that is a person, a body or a third-person
pronoun; a noun's possessor or the subject of the verb issuing it; a passive cue has none; a
cue inside a quotation is skipped), this counts per (construction, lemma) how often the
construction's content matches a gold attribution content (IoU >= 0.5 of edge-trimmed spans, a
leading "that" left out, as ``bench/extract.py`` scores ``indP``). The constructions are the
engine's own (``indirect.cue_constructions``). It prints, as the Python literals pasted into
``lang/attribution.py``: ``DERIVED_CUES``, the pairs outside the hand table with precision >=
``--min-prec`` over >= ``--min-n`` uses (never a denial or refusal, ``UNSAID_CUES``), and
``DROPPED_CUES``, the hand table's pairs under ``--drop-below`` over >= ``--drop-n`` uses.

``--cv``: derive on the even-numbered train articles and score on the odd ones (and the
reverse), at a few thresholds. ``--half odd``: print the table derived on the odd-numbered
articles only, to score with ``extract.py --split train --every 4`` (which reads even ones).
``--learn``: instead of a table, a logistic regression (scikit-learn) over every construction
(``bench/cue_model.py``'s features; no source filter: the kind of source is a feature), fitted
on the even articles and scored on the odd ones and the reverse; it prints the pooled
out-of-sample precision at several probability cuts, the lowest cut keeping ``--target``
(0.78), and the comparison with the engine's tables. ``--write`` also prints the weights fitted
on all train (or ``--half``) as ``LEARNED_CUE_WEIGHTS`` / ``LEARNED_CUE_CUT`` literals. Result
(branch s3): at the tables' own candidate precision (0.714) the scorer matches 6,041 contents
against the tables' 4,736, out of sample; wired into the engine (read a construction the hand
table does not at p >= cut, drop a hand reading at p < 0.3), train ``--every 4`` moved along
the same recall/precision line as the tables (indR 0.349 / indP 0.792 before; 0.357 / 0.782,
0.345 / 0.792, 0.340 / 0.797 at cuts 0.55, 0.70, 0.60) and dev 0.393 / 0.787 -> 0.399 / 0.784:
no gain at equal precision, so it is not wired.
``--cache FILE``: keep the parses in a DocBin outside the repository (about 9 MB, 4 min saved).

The corpus is read at run time from ``--polnear``; only lemmas and counts are printed. The
test split is never read, and dev only with ``--split dev`` (a check, never to derive on).

  PYTHONPATH=src:/work/benchlibs .venv/bin/python bench/derive_cues.py --polnear /work/polnear --cv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import extract as bx  # noqa: E402
from cue_model import cue_features, hand_covered  # noqa: E402
from storyline.lang import ISSUING_VERBS  # noqa: E402
from storyline.lang.attribution import (  # noqa: E402
    DERIVED_CUES,
    GROUP_SOURCE_NOUNS,
    UNSAID_CUES,
    cue_lemma,
)
from storyline.lang.en import (  # noqa: E402
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INTENT_VERBS,
    MEDIA_NOUNS,
    PERSON_ROLE_NOUNS,
)
from storyline.stages.prepare.extract.indirect import cue_constructions  # noqa: E402

_CLAUSE_CUES = ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | INTENT_VERBS | EVIDENCE_VERBS
# (as ``indirect._sourced``: a first or second person is no source)
_PERSONS = frozenset({"he", "she", "they", "who", "that", "it"})
_SUBJ = ("nsubj", "nsubjpass")
_QUOTE = re.compile(r"[“”\"]|''|``")
_AGENTS = ("PERSON", "ORG", "NORP", "GPE")


def bounds(tok: object) -> tuple[int, int]:
    le, re_ = tok.left_edge, tok.right_edge  # type: ignore[attr-defined]
    return int(le.idx), int(re_.idx + len(re_))


def subject(tok: object) -> object | None:
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)  # type: ignore[attr-defined]
        if subj is not None:
            return subj
        if tok.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl") or tok.head.i == tok.i:  # type: ignore[attr-defined]
            return None
        tok = tok.head  # type: ignore[attr-defined]
    return None


def agentive(subj: object | None) -> bool:
    """A subject that can be a source: a person, a body, a pronoun for one."""
    if subj is None:
        return False
    s = subj  # type: ignore[assignment]
    if s.pos_ == "PRON":  # type: ignore[attr-defined]
        return s.lower_ in _PERSONS  # type: ignore[attr-defined]
    _lo, _hi = bounds(s)
    if any(t.ent_type_ in _AGENTS for t in s.subtree if t.i <= s.i):  # type: ignore[attr-defined]
        return True
    if s.pos_ == "PROPN":  # type: ignore[attr-defined]
        return True
    lemma = s.lemma_.lower()  # type: ignore[attr-defined]
    return lemma in PERSON_ROLE_NOUNS or lemma in GROUP_SOURCE_NOUNS or lemma in MEDIA_NOUNS


def noun_sourced(tok: object) -> bool:
    t = tok  # type: ignore[assignment]
    if any(c.dep_ == "poss" for c in t.children):  # type: ignore[attr-defined]
        return True
    v = t.head  # type: ignore[attr-defined]
    return bool(
        t.dep_ == "dobj" and v.lemma_.lower() in ISSUING_VERBS and agentive(subject(v))  # type: ignore[attr-defined]
    )


def content(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    m = re.match(r"that\s+", text[lo:hi])
    lo += m.end() if m else 0
    # (the engine's side-clause cut: ", which …", "; …", ", according …")
    cut = re.search(
        r",\s+(?:while|whereas|although|(?:even\s+)?though)\b|,\s+according\b|;\s", text[lo:hi]
    )
    if cut and len(text[lo : lo + cut.start()].split()) >= 3:
        hi = lo + cut.start()
    lo, hi = bx.trim(text, lo, hi)
    if len(text[lo:hi].split()) < 3 or _QUOTE.search(text[lo:hi]):
        return None
    return lo, hi


def quoted(text: str) -> list[tuple[int, int]]:
    """The quoted spans, paragraph by paragraph (``bench/extract.py``'s reading of marks)."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        out.extend(bx.quoted_segments(text, m.start(), m.end()))
    return out


def cue_tokens(doc: object, text: str) -> Iterator[tuple[int, int, Any, str]]:
    """Each verb or noun outside quotation marks, as (sentence start, sentence end, token,
    cue lemma): a cue inside a quotation is the quoted speaker's, as the engine has it."""
    spans = quoted(text)
    for sent in doc.sents:  # type: ignore[attr-defined]
        ss, se = sent.start_char, sent.end_char
        inside = [(a, b) for a, b in spans if a < se and ss < b]
        for t in sent:
            if t.pos_ not in ("VERB", "NOUN") or not t.is_alpha:
                continue
            if not any(a <= t.idx < b for a, b in inside):
                yield ss, se, t, cue_lemma(t.lemma_, t.lower_)


def candidates(doc: object, text: str) -> Iterator[tuple[str, str, tuple[int, int]]]:
    for ss, se, t, lemma in cue_tokens(doc, text):
        ok: bool | None = None
        for con, (lo, hi) in cue_constructions(t):
            if lo < ss or hi > se:
                continue
            if ok is None:
                ok = noun_sourced(t) if t.pos_ == "NOUN" else agentive(subject(t))
            if not ok:
                break
            span = content(text, lo, hi)
            if span is not None:
                yield con, lemma, span


def parse_docs(docs: list[bx.PnDoc], cache: Path | None) -> list[object]:
    from spacy.tokens import DocBin

    from storyline.nlp import bounded_text, load_spacy

    nlp = load_spacy()
    if cache is not None and cache.is_file():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(parsed) == len(docs):
            return parsed  # type: ignore[return-value]
    parsed = list(nlp.pipe((bounded_text(d.text, d.name) for d in docs), batch_size=16))
    if cache is not None:
        DocBin(store_user_data=False, docs=parsed).to_disk(cache)
    return parsed  # type: ignore[return-value]


Counts = dict[tuple[str, str], list[int]]  # (con, lemma) -> [n, hits, unquoted-gold hits]


def count(docs: list[bx.PnDoc], parsed: list[object]) -> dict[str, Counts]:
    """Per document: (construction, lemma) -> [predictions, matches, matches of unquoted gold]."""
    out: dict[str, Counts] = {}
    for d, doc in zip(docs, parsed, strict=True):
        text = d.text
        gold = [bx.trim(text, *bx.content_span(text, at)) for at in d.attrs]
        unq = [not bx.has_quote_mark(text, at.content) for at in d.attrs]
        c: Counts = {}
        for con, lemma, span in candidates(doc, text):
            row = c.setdefault((con, lemma), [0, 0, 0])
            row[0] += 1
            best = max(range(len(gold)), key=lambda i: bx.iou(gold[i], span), default=None)
            if best is not None and bx.iou(gold[best], span) >= 0.5:
                row[1] += 1
                row[2] += unq[best]
        out[d.name] = c
    return out


def total(per_doc: dict[str, Counts], names: list[str]) -> Counts:
    t: Counts = {}
    for n in names:
        for k, v in per_doc[n].items():
            row = t.setdefault(k, [0, 0, 0])
            for i in range(3):
                row[i] += v[i]
    return t


def select(t: Counts, min_prec: float, min_n: int) -> set[tuple[str, str]]:
    return {
        k
        for k, (n, h, _) in t.items()
        if n >= min_n and h / n >= min_prec and not hand_covered(*k) and k[1] not in UNSAID_CUES
    }


def drops(t: Counts, max_prec: float, min_n: int) -> set[tuple[str, str]]:
    """The hand table's pairs that matched gold in under ``max_prec`` of ``min_n``+ uses."""
    return {k for k, (n, h, _) in t.items() if n >= min_n and h / n < max_prec and hand_covered(*k)}


def score(t: Counts, keys: set[tuple[str, str]]) -> tuple[int, int, int]:
    n = sum(t[k][0] for k in keys if k in t)
    h = sum(t[k][1] for k in keys if k in t)
    u = sum(t[k][2] for k in keys if k in t)
    return n, h, u


def print_table(name: str, pairs: Iterable[tuple[str, str]]) -> None:
    """Print (construction, lemma) pairs as the ``lang/attribution.py`` mapping ``name``."""
    by_con: dict[str, list[str]] = {}
    for con, lemma in sorted(pairs):
        by_con.setdefault(con, []).append(lemma)
    print(f"{name}: Mapping[str, frozenset[str]] = {{")
    for con, lemmas in sorted(by_con.items()):
        print(
            f'    "{con}": frozenset({{{", ".join(repr(w).replace(chr(39), chr(34)) for w in lemmas)}}}),'
        )
    print("}  # fmt: skip")


# --- a learned scorer over every cue construction (issue 17, branch s3) ---------------------


def features(tok: object, con: str, lemma: str, text: str, span: tuple[int, int]) -> list[str]:
    """The features of one candidate construction (``cue_model.cue_features``)."""
    return cue_features(tok, con, lemma, len(text[span[0] : span[1]].split()))  # type: ignore[arg-type]


Row = tuple[list[str], int, int, bool]  # features, hit, unquoted-gold hit, rule ("table") reads it


def learn_rows(docs: list[bx.PnDoc], parsed: list[object]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for d, doc in zip(docs, parsed, strict=True):
        text = d.text
        gold = [bx.trim(text, *bx.content_span(text, at)) for at in d.attrs]
        unq = [not bx.has_quote_mark(text, at.content) for at in d.attrs]
        rows: list[Row] = []
        for ss, se, t, lemma in cue_tokens(doc, text):
            ok: bool | None = None
            for con, (lo, hi) in cue_constructions(t):
                if lo < ss or hi > se:
                    continue
                span = content(text, lo, hi)
                if span is None:
                    continue
                if ok is None:
                    ok = noun_sourced(t) if t.pos_ == "NOUN" else agentive(subject(t))
                best = max(range(len(gold)), key=lambda i: bx.iou(gold[i], span), default=None)
                hit = best is not None and bx.iou(gold[best], span) >= 0.5
                table = bool(ok) and (
                    hand_covered(con, lemma) or lemma in DERIVED_CUES.get(con, ())
                )
                rows.append(
                    (
                        features(t, con, lemma, text, span),
                        int(hit),
                        int(hit and unq[best]),
                        table,
                    )
                )
        out[d.name] = rows
    return out


def fit(rows: list[Row], c: float, min_count: int = 3) -> dict[str, float]:
    """Fit the logistic regression on features seen in at least ``min_count`` rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for r in rows for f in r[0])
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r[0] if seen[f] >= min_count} for r in rows])
    y = [r[1] for r in rows]
    m = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    m.fit(x, y)
    return {f: float(w) for f, w in zip(vec.get_feature_names_out(), m.coef_[0], strict=True)}


def prob(weights: dict[str, float], feats: list[str]) -> float:
    import math

    z = sum(weights.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-z))


def learn(per_doc: dict[str, list[Row]], names: list[str], c: float, target: float) -> float:
    """Two-fold (even / odd articles) out-of-sample comparison of the learned scorer with the
    cue table, then the pooled cut that keeps precision >= ``target``."""
    halves = (names[0::2], names[1::2])
    scored: list[tuple[float, int, int, bool]] = []
    for a, b in ((0, 1), (1, 0)):
        w = fit([r for n in halves[a] for r in per_doc[n]], c)
        scored += [(prob(w, r[0]), r[1], r[2], r[3]) for n in halves[b] for r in per_doc[n]]
    tab = [s for s in scored if s[3]]
    tn, th, tu = len(tab), sum(s[1] for s in tab), sum(s[2] for s in tab)
    print(
        f"candidates {len(scored)}, hits {sum(s[1] for s in scored)}, unquoted {sum(s[2] for s in scored)}"
    )
    print(
        f"the engine's tables (hand and derived, the derived part in sample): {th}/{tn} = {th / max(tn, 1):.3f}, unquoted {tu}"
    )
    scored.sort(key=lambda s: -s[0])
    h = u = 0
    best: tuple[float, int, int, int] | None = None
    marks = {0.9, 0.85, 0.8, 0.78, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5}
    for n, (p, hit, uq, _) in enumerate(scored, 1):
        h += hit
        u += uq
        if h / n >= target:
            best = (p, n, h, u)
    for cut in sorted(marks, reverse=True):
        sel = [s for s in scored if s[0] >= cut]
        sh = sum(s[1] for s in sel)
        print(
            f"  cut {cut:.2f}: {sh}/{len(sel)} = {sh / max(len(sel), 1):.3f}, unquoted {sum(s[2] for s in sel)}"
        )
    rest = [s for s in scored if not s[3]]
    for cut in (0.8, 0.7, 0.6, 0.5, 0.4):
        sel = [s for s in rest if s[0] >= cut]
        sh = sum(s[1] for s in sel)
        print(
            f"  outside the table, cut {cut:.2f}: {sh}/{len(sel)} = {sh / max(len(sel), 1):.3f}, "
            f"unquoted {sum(s[2] for s in sel)}"
        )
    cut_at = 1.0
    if best:
        p, n, h, u = best
        cut_at = p
        print(
            f"lowest cut with OOS precision >= {target}: p >= {p:.3f}: {h}/{n} = {h / n:.3f}, unquoted {u}"
        )
    # at the table's own precision
    h = u = 0
    for n, (p, hit, uq, _) in enumerate(scored, 1):
        h += hit
        u += uq
        if h / n >= th / max(tn, 1):
            best = (p, n, h, u)
    if best:
        p, n, h, u = best
        print(f"at the table's precision: p >= {p:.3f}: {h}/{n} = {h / n:.3f}, unquoted {u}")
    return cut_at


def print_weights(weights: dict[str, float], cut: float) -> None:
    """Print the weights (rounded, the negligible ones left out) as ``lang/attribution.py``'s
    ``LEARNED_CUE_WEIGHTS`` and ``LEARNED_CUE_CUT``."""
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.01}
    print(f"LEARNED_CUE_CUT = {cut:.3f}")
    print("LEARNED_CUE_WEIGHTS: Mapping[str, float] = {")
    line = "   "
    for f, w in kept.items():
        item = f' "{f}": {w},'
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    print(line)
    print("}  # fmt: skip")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--min-prec", type=float, default=0.6)
    ap.add_argument("--min-n", type=int, default=4)
    ap.add_argument("--drop-below", type=float, default=0.4)
    ap.add_argument("--drop-n", type=int, default=10)
    ap.add_argument("--cv", action="store_true", help="derive on even articles, score on odd")
    ap.add_argument("--cache", help="a DocBin file for the parses (outside the repository)")
    ap.add_argument(
        "--half",
        choices=("even", "odd"),
        help="derive the printed table on the even- or odd-numbered articles only "
        "(odd: a table to score with extract.py --every 4, which reads even ones)",
    )
    ap.add_argument("--hand", action="store_true", help="also list hand pairs under --min-prec")
    ap.add_argument("--show", type=int, default=0, help="print the N largest pairs of each kind")
    ap.add_argument("--learn", action="store_true", help="the learned scorer, two-fold")
    ap.add_argument("--c", type=float, default=1.0, help="--learn: inverse regularisation")
    ap.add_argument("--write", action="store_true", help="--learn: print the fitted table")
    ap.add_argument("--target", type=float, default=0.78, help="--learn: precision to keep")
    args = ap.parse_args()
    docs = bx.load_polnear(bx.polnear_split_dir(args.polnear, args.split))
    parsed = parse_docs(docs, Path(args.cache) if args.cache else None)
    if args.learn:
        rows = learn_rows(docs, parsed)
        names = [d.name for d in docs]
        cut = learn(rows, names, args.c, args.target)
        if args.half:
            names = names[0::2] if args.half == "even" else names[1::2]
        if args.write:
            print_weights(fit([r for n in names for r in rows[n]], args.c), cut)
        return
    per_doc = count(docs, parsed)
    names = [d.name for d in docs]
    t = total(per_doc, names)
    hand = {k for k in t if hand_covered(*k)}
    n, h, u = score(t, hand)
    print(
        f"{args.split}: {len(docs)} articles; hand table's constructions: {n} contents, {h} match gold "
        f"({h / max(n, 1):.3f}), {u} unquoted gold"
    )
    grid = [(args.min_prec, args.min_n)]
    if args.cv:
        grid += [(0.6, 8), (0.7, 6), (0.7, 10), (0.75, 8), (0.8, 6), (0.8, 10)]
    for min_prec, min_n in grid if args.cv else []:
        for a, b in (("even", "odd"), ("odd", "even")):
            pa = names[0::2] if a == "even" else names[1::2]
            pb = names[1::2] if a == "even" else names[0::2]
            keys = select(total(per_doc, pa), min_prec, min_n)
            n1, h1, u1 = score(total(per_doc, pa), keys)
            n2, h2, u2 = score(total(per_doc, pb), keys)
            if (min_prec, min_n) == grid[0]:
                gone = drops(total(per_doc, pa), args.drop_below, args.drop_n)
                d1, d2 = score(total(per_doc, pa), gone), score(total(per_doc, pb), gone)
                print(
                    f"drop p<{args.drop_below} n>={args.drop_n} derived on {a} ({len(gone)} "
                    f"pairs): {a} {d1[1]}/{d1[0]}, {b} {d2[1]}/{d2[0]} (unquoted {d2[2]})"
                )
            print(
                f"p>={min_prec} n>={min_n}: derived on {a} ({len(keys)} pairs): {a} {h1}/{n1} = "
                f"{h1 / max(n1, 1):.3f} (unquoted {u1}); {b} {h2}/{n2} = {h2 / max(n2, 1):.3f} "
                f"(unquoted {u2})"
            )
    if args.half:
        t = total(per_doc, names[0::2] if args.half == "even" else names[1::2])
    keys = select(t, args.min_prec, args.min_n)
    n, h, u = score(t, keys)
    print(f"table ({len(keys)} pairs): {h}/{n} = {h / max(n, 1):.3f}, unquoted {u}")
    if args.show:
        rows = sorted(t.items(), key=lambda kv: -kv[1][0])
        for k, (n, h, u) in rows[: args.show]:
            mark = "hand" if hand_covered(*k) else ("KEEP" if k in keys else "")
            if args.hand and mark != "hand":
                continue
            print(f"  {k[0]:12} {k[1]:16} n={n:4} hit={h:4} p={h / n:.2f} unq={u:4} {mark}")
    print_table("DERIVED_CUES", keys)
    gone = drops(t, args.drop_below, args.drop_n)
    n, h, u = score(t, gone)
    print(f"dropped hand pairs ({len(gone)}): {h}/{n}, unquoted {u}")
    print_table("DROPPED_CUES", gone)
    counts = Counter(k[0] for k in keys)
    print("pairs by construction:", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()

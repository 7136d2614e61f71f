"""Extraction benchmark: quotes and speakers against the gold set, plus throughput.

Usage::

    .venv/bin/python bench/extract.py [--gold bench/data/quotes/gold.jsonl] [--no-textacy]

Gold: ``bench/data/quotes/gold.jsonl`` over the bundled examples (see its README). Each gold
quote is located in the cleaned article text (whitespace-insensitive), then matched one-to-one
with predicted quotes by character overlap: intersection over union >= 0.5 after trimming
edge punctuation ("exact" = IoU >= 0.9). Speaker: a matched pair whose speaker names agree
(case/accent-folded; a leading article ignored; one name's words contained in the other's,
so "Varga" matches "Lena Varga").

The gold set was also the development set of the rules (their misses were studied while
writing them), so these figures are optimistic for unseen text.

Systems, in one run on the same cleaned texts and the same spaCy parses:
- ``storyline-spacy``: extract_entities + extract_quotes with the parse;
- ``storyline-rules``: the same with ``doc=None`` (the ``--extractor rules`` path);
- ``textacy``: ``textacy.extract.triples.direct_quotations`` (direct quotes only), if installed.

Throughput: ``extract_many`` (all stages) over the gaza-isf corpus plus the examples, with
spaCy and with rules; articles/s and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from storyline.models import Article, RawDoc  # noqa: E402
from storyline.stages.prepare.clean import clean_document  # noqa: E402
from storyline.stages.prepare.ingest import iter_files, read_inputs  # noqa: E402

EXAMPLES = REPO / "src" / "storyline" / "examples"
TEXTACY_REFUSED: list[str] = []
MULTI_ITEM = (".rss", ".atom", ".xml", ".jsonl", ".ndjson")


@dataclass
class Pred:
    start: int
    end: int
    speaker: str | None
    kind: str


@dataclass
class Gold:
    doc: str
    quote: str
    speaker: str
    kind: str
    form: str
    span: tuple[int, int] | None = None


# -- data ---------------------------------------------------------------------------------------


def load_examples() -> dict[str, Article]:
    """Cleaned example articles keyed like the gold ``doc`` field (``path`` or ``path#N``)."""
    out: dict[str, Article] = {}
    for path in iter_files(EXAMPLES):
        rel = path.relative_to(EXAMPLES).as_posix()
        if path.suffix in (".py", ".pyc") or "__pycache__" in rel:
            continue
        raws = [r for r in read_inputs([str(EXAMPLES / rel)]) if isinstance(r, RawDoc)]
        multi = rel.endswith(MULTI_ITEM)
        for i, raw in enumerate(raws):
            key = f"{rel}#{i}" if multi else rel
            out[key] = clean_document(raw, ingested_at="")
    return out


def load_corpus() -> list[Article]:
    shared = REPO.parent / "shared" / "corpus" / "gaza-isf"
    if not shared.is_dir():
        return []
    return [
        clean_document(RawDoc(source=str(p), text=p.read_text(errors="replace")), ingested_at="")
        for p in sorted(shared.glob("*.txt"))
    ]


def _collapse(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed to one space, and each char's original offset."""
    chars: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            chars.append(" ")
            prev_space = True
        else:
            chars.append(ch)
            prev_space = False
        index.append(i)
    return "".join(chars), index


def locate(article: Article, quote: str) -> tuple[int, int] | None:
    """Where a gold quote is in the cleaned text (whitespace-insensitive)."""
    flat, index = _collapse(article.text)
    q = re.sub(r"\s+", " ", quote).strip()
    at = flat.find(q)
    if at < 0:
        return None
    return index[at], index[at + len(q) - 1] + 1


_EDGE = " \t\n.,;:!?\"“”‘’'«»—–-…"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def fold_name(name: str | None) -> list[str]:
    if not name:
        return []
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[’'`]s\b", "", s)
    words = re.findall(r"[a-z0-9]+", s)
    while words and words[0] in ("the", "a", "an", "mr", "mrs", "ms", "dr"):
        words = words[1:]
    return words


def same_speaker(gold: str, pred: str | None) -> bool:
    g, p = fold_name(gold), fold_name(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    gs, ps = set(g), set(p)
    return gs <= ps or ps <= gs


# -- systems ----------------------------------------------------------------------------------------


def run_storyline(
    articles: dict[str, Article], docs: dict[str, object], use_doc: bool
) -> dict[str, list[Pred]]:
    from storyline.stages.prepare.extract.entities import extract_entities
    from storyline.stages.prepare.extract.quotes import extract_quotes

    out: dict[str, list[Pred]] = {}
    for key, art in articles.items():
        doc = docs[key] if use_doc else None
        ents = extract_entities(art, doc)  # type: ignore[arg-type]
        out[key] = [
            Pred(q.cite.start, q.cite.end, q.speaker, q.kind)
            for q in extract_quotes(art, doc, ents)  # type: ignore[arg-type]
        ]
    return out


def run_textacy(
    articles: dict[str, Article], docs: dict[str, object]
) -> dict[str, list[Pred]] | str:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        return f"textacy not installed ({exc})"
    out: dict[str, list[Pred]] = {}
    for key in articles:
        preds: list[Pred] = []
        try:
            triples = list(direct_quotations(docs[key]))  # type: ignore[arg-type]
        except ValueError:
            # textacy refuses a document with an odd number of quotation marks (a quote
            # running over paragraphs, a missing mark): it finds nothing there
            TEXTACY_REFUSED.append(key)
            triples = []
        for t in triples:
            preds.append(
                Pred(
                    t.content.start_char,
                    t.content.end_char,
                    " ".join(tok.text for tok in t.speaker) or None,
                    "direct",
                )
            )
        out[key] = preds
    return out


# -- scoring ------------------------------------------------------------------------------------------


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(
    articles: dict[str, Article], gold: list[Gold], preds: dict[str, list[Pred]]
) -> dict[str, object]:
    """Match predictions to gold one-to-one by IoU and collect the counts."""
    by_doc: dict[str, list[Gold]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    matched: list[tuple[Gold, Pred, float]] = []
    n_pred = sum(len(p) for k, p in preds.items() if k in by_doc)
    pred_kinds = Counter(p.kind for k, ps in preds.items() if k in by_doc for p in ps)
    matched_pred_kinds: Counter[str] = Counter()
    for key, golds in by_doc.items():
        art = articles[key]
        ps = preds.get(key, [])
        pairs = []
        for gi, g in enumerate(golds):
            if g.span is None:
                continue
            gs = trim(art.text, *g.span)
            for pi, p in enumerate(ps):
                v = iou(gs, trim(art.text, p.start, p.end))
                if v >= 0.5:
                    pairs.append((v, gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for v, gi, pi in sorted(pairs, reverse=True):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matched.append((golds[gi], ps[pi], v))
            matched_pred_kinds[ps[pi].kind] += 1
    return {
        "matched": matched,
        "n_pred": n_pred,
        "pred_kinds": pred_kinds,
        "matched_pred_kinds": matched_pred_kinds,
    }


def report(name: str, gold: list[Gold], res: dict[str, object]) -> list[str]:
    matched: list[tuple[Gold, Pred, float]] = res["matched"]  # type: ignore[assignment]
    n_pred: int = res["n_pred"]  # type: ignore[assignment]
    n_gold = len(gold)
    tp = len(matched)
    exact = sum(1 for _, _, v in matched if v >= 0.9)
    spk = sum(1 for g, p, _ in matched if same_speaker(g.speaker, p.speaker))
    p, r, f = prf(tp, n_pred, n_gold)
    sp, sr, sf = prf(spk, n_pred, n_gold)
    kind_ok = sum(1 for g, pr, _ in matched if g.kind == pr.kind)
    lines = [
        f"{name:16} spans P {p:.3f} R {r:.3f} F1 {f:.3f} (exact {exact}/{n_gold}; kind right {kind_ok}/{tp})   "
        f"speaker acc {spk / tp if tp else 0:.3f} on {tp} matched; span+speaker P {sp:.3f} R {sr:.3f} F1 {sf:.3f}   "
        f"[pred {n_pred}, gold {n_gold}]"
    ]
    pred_kinds: Counter[str] = res["pred_kinds"]  # type: ignore[assignment]
    mk: Counter[str] = res["matched_pred_kinds"]  # type: ignore[assignment]
    gk = Counter(g.kind for g in gold)
    for kind in ("direct", "partial", "indirect"):
        rec = sum(1 for g, _, _ in matched if g.kind == kind)
        kp, kr, kf = prf(mk[kind], pred_kinds[kind], gk[kind])
        kr = rec / gk[kind] if gk[kind] else 0.0
        kf = 2 * kp * kr / (kp + kr) if kp + kr else 0.0
        ks = sum(
            1 for g, pr, _ in matched if g.kind == kind and same_speaker(g.speaker, pr.speaker)
        )
        lines.append(
            f"   {kind:9} P {kp:.3f} R {kr:.3f} F1 {kf:.3f}  speaker acc {ks / rec if rec else 0:.3f}"
            f"  [pred {pred_kinds[kind]}, gold {gk[kind]}]"
        )
    return lines


def form_table(gold: list[Gold], results: dict[str, dict[str, object]]) -> list[str]:
    forms = sorted({g.form for g in gold})
    names = list(results)
    head = f"{'form':16}{'n':>4}  " + "  ".join(f"{n[:15]:>15} R / spk" for n in names)
    lines = [head]
    for form in forms:
        gs = [g for g in gold if g.form == form]
        cells = []
        for n in names:
            m = {id(g): pr for g, pr, _ in results[n]["matched"]}  # type: ignore[union-attr]
            hit = [g for g in gs if id(g) in m]
            ok = sum(1 for g in hit if same_speaker(g.speaker, m[id(g)].speaker))
            cells.append(f"{len(hit) / len(gs):>15.2f} / {ok / len(hit) if hit else 0:.2f}")
        lines.append(f"{form:16}{len(gs):>4}  " + "  ".join(cells))
    return lines


# -- throughput ---------------------------------------------------------------------------------------


def throughput(articles: list[Article]) -> list[str]:
    from storyline.stages.prepare.extract import extract_many

    lines = []
    runs: list[tuple[str, Callable[[], object]]] = [
        ("extract_many spacy", lambda: extract_many(articles, use_spacy=True)),
        ("extract_many rules", lambda: extract_many(articles, use_spacy=False)),
    ]
    for label, fn in runs:
        try:
            t0 = time.perf_counter()
            fn()
            dt = time.perf_counter() - t0
        except Exception as exc:
            lines.append(f"{label:22} failed: {type(exc).__name__}: {exc}")
            continue
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lines.append(
            f"{label:22} {len(articles)} articles in {dt:.2f} s = {len(articles) / dt:.1f} articles/s; peak RSS so far {rss:.0f} MB"
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", default=str(REPO / "bench" / "data" / "quotes" / "gold.jsonl"))
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument(
        "--misses", metavar="SYSTEM", help="print unmatched gold and wrong speakers of SYSTEM"
    )
    args = ap.parse_args()

    from storyline.nlp import load_spacy

    t0 = time.perf_counter()
    articles = load_examples()
    gold = [
        Gold(r["doc"], r["quote"], r["speaker"], r["kind"], r["form"])
        for r in map(json.loads, Path(args.gold).read_text().splitlines())
        if r
    ]
    missing = 0
    for g in gold:
        art = articles.get(g.doc)
        g.span = locate(art, g.quote) if art else None
        missing += g.span is None
    nlp = load_spacy()
    keys = list(articles)
    docs = dict(zip(keys, nlp.pipe([articles[k].text for k in keys]), strict=True))
    print(
        f"gold: {len(gold)} quotes in {len({g.doc for g in gold})} docs ({missing} not found in the cleaned text); "
        f"{len(articles)} example articles; setup {time.perf_counter() - t0:.1f} s"
    )
    print()
    systems: dict[str, dict[str, list[Pred]] | str] = {
        "storyline-spacy": run_storyline(articles, docs, True),
        "storyline-rules": run_storyline(articles, docs, False),
    }
    if not args.no_textacy:
        systems["textacy 0.13"] = run_textacy(articles, docs)
    results: dict[str, dict[str, object]] = {}
    for name, preds in systems.items():
        if isinstance(preds, str):
            print(f"{name:16} not run: {preds}")
            continue
        results[name] = score(articles, gold, preds)
        print("\n".join(report(name, gold, results[name])))
        if name.startswith("textacy") and TEXTACY_REFUSED:
            print(
                f"   (textacy refused {len(TEXTACY_REFUSED)} of {len(articles)} docs: odd number of quote marks)"
            )
    print()
    print("Per primary form: span recall / speaker accuracy on matched")
    print("\n".join(form_table(gold, results)))
    if args.misses and args.misses in results:
        res = results[args.misses]
        m = {id(g): pr for g, pr, _ in res["matched"]}  # type: ignore[union-attr]
        print(f"\nMisses of {args.misses}:")
        for g in gold:
            if id(g) not in m:
                print(f"  MISS [{g.kind}/{g.form}] {g.doc}: {g.speaker!r}: {g.quote[:100]!r}")
            elif not same_speaker(g.speaker, m[id(g)].speaker):
                print(
                    f"  SPK  [{g.kind}/{g.form}] {g.doc}: gold {g.speaker!r} got {m[id(g)].speaker!r}: {g.quote[:70]!r}"
                )
        preds = systems[args.misses]
        assert not isinstance(preds, str)
        matched_ids = {id(pr) for _, pr, _ in res["matched"]}  # type: ignore[union-attr]
        for key, ps in preds.items():
            for p in ps:
                if id(p) not in matched_ids and any(g.doc == key for g in gold):
                    print(
                        f"  FP   [{p.kind}] {key}: {p.speaker!r}: {articles[key].text[p.start : p.end][:100]!r}"
                    )
    print()
    corpus = load_corpus()
    print(
        f"Throughput on {len(corpus)} corpus + {len(articles)} example articles (2 cores shared):"
    )
    print("\n".join(throughput(corpus + list(articles.values()))))


if __name__ == "__main__":
    main()

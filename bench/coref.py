"""Speaker coreference benchmark: the resolver of ``stages/prepare/extract/coref.py`` alone.

Usage::

    PYTHONPATH=src .venv/bin/python bench/coref.py --polnear PATH [--split dev|train] [--every K]

On PolNeAR (networkdynamics/PolNeAR; texts read from PATH at run time, the test split is
refused, as in ``bench/extract.py``), every gold attribution whose **source** is

- a third-person subject pronoun ("he", "she", "it", "they"), or
- a definite description ("the senator", "the newspaper", "the campaign": a determiner and
  no proper noun in CoreNLP's tags)

is resolved at the source's offset with ``Coref.resolve_pronoun`` / ``resolve_nominal``
(spaCy parse and the article's entities, as the extractor has them; no earlier speakers are
given, so this measures the resolver without the quote stage's help). The answer is right
when a head word of the reference (``bench/extract.py``'s ``head_words``) is among the
resolved actor's name or alias words. References, as in ``bench/extract.py``: ``gold`` = the
nearest earlier gold source that is not a pronoun (for a nominal, that also has a proper
noun; for a pronoun, also any mention that is not a pronoun in CoreNLP's chain holding the
source, ``right_chain``), ``CoreNLP`` = the dcoref antecedent shipped with the corpus (a description there also
accepts a proper-noun mention of its chain, ``right_coref``). Printed: how many the
resolver answers (it abstains when the text does not settle it), accuracy on those answered
against each reference and against either, and the same for a recency baseline (the last
earlier mention that agrees in number and gender: what a resolver without salience does).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as xb
from storyline.models import Article, Entity

PRONOUNS = ("he", "she", "it", "they")


def ref_nominal(doc: xb.PnDoc, before: int) -> tuple[int, int] | None:
    """The nearest earlier gold source holding a proper noun (CoreNLP's tags)."""
    best: tuple[int, int] | None = None
    for at in doc.attrs:
        if not at.source or at.source[0][0] >= before:
            continue
        a, b = at.source[0]
        proper = any(t[0] < b and a < t[1] and t[2].startswith("NNP") for t in doc.nlp.tokens)
        if proper and (best is None or a > best[0]):
            best = (a, b)
    return best


def right(doc: xb.PnDoc, ref: tuple[int, int] | None, ent: Entity | None) -> bool:
    if ref is None or ent is None:
        return False
    words = {w for name in [ent.name, *ent.aliases] for w in xb.fold_name(name)}
    return bool(xb.head_words(doc, ref) & words)


def right_coref(doc: xb.PnDoc, ref: tuple[int, int] | None, ent: Entity | None) -> bool:
    """``right`` against CoreNLP's antecedent or, when that is a description ("the
    actress"), a proper-noun mention of its chain (as ``bench/extract.py``'s ``coref_ok``)."""
    if right(doc, ref, ent):
        return True
    if ref is None or any(
        t[0] < ref[1] and ref[0] < t[1] and t[2].startswith("NNP") for t in doc.nlp.tokens
    ):
        return False
    return any(right(doc, m, ent) for m in xb.chain_names(doc, ref))


def right_chain(doc: xb.PnDoc, span: tuple[int, int], ent: Entity | None) -> bool:
    """The actor names a mention that is not a pronoun in CoreNLP's chain holding the source
    ``span`` (as ``bench/extract.py``'s ``chain_ok``: the gold reference of a pronoun also
    accepts a coreferent mention, since the nearest earlier gold source is often another
    person's)."""
    for chain in doc.nlp.chains:
        if any(a <= span[0] < b for a, b, _, _ in chain):
            return any(
                right(doc, (a, b), ent)
                for a, b, _, _ in chain
                if not xb.is_pronoun(doc.text[a:b]) and not a <= span[0] < b
            )
    return False


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--polnear", required=True, metavar="PATH")
    ap.add_argument("--split", default="dev", choices=xb.POLNEAR_SPLITS)
    ap.add_argument("--every", type=int, default=1, metavar="K")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N errors per kind")
    args = ap.parse_args()

    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.context import ArticleContext
    from storyline.stages.prepare.extract.coref import for_context
    from storyline.stages.prepare.extract.entities import extract_entities

    docs = xb.load_polnear(xb.polnear_split_dir(args.polnear, args.split), 0, args.every)
    nlp = load_spacy()
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    n_calls = 0
    t_resolve = 0.0
    for d, sdoc in zip(docs, nlp.pipe([d.text for d in docs]), strict=True):
        art = Article(id=d.name, source=d.name, text=d.text, raw=d.text, title="")  # type: ignore[arg-type]
        ents = extract_entities(art, sdoc)
        coref = for_context(ArticleContext(art, sdoc, ents))
        for at in d.attrs:
            if not at.source:
                continue
            a, b = at.source[0]
            src = d.text[a:b]
            words = xb.fold_name(src)
            t1 = time.perf_counter()
            if len(words) == 1 and words[0] in PRONOUNS:
                kind = "pronoun"
                got = coref.resolve_pronoun(words[0], a)
                base = next(
                    (
                        e
                        for s, z, e in reversed(coref.mentions_from(0, a))
                        if z <= a and coref.fits(e, words[0])
                    ),
                    None,
                )
                refs = {
                    "gold": xb.last_gold_source(d, a),
                    "CoreNLP": xb.coref_antecedent(d, (a, b)),
                }
            elif src.strip().lower().startswith(("the ", "this ", "that ")) and not any(
                t[0] < b and a < t[1] and t[2].startswith("NNP") for t in d.nlp.tokens
            ):
                kind = "nominal"
                got = coref.resolve_nominal(src, a)
                base = None  # no baseline: a recency rule has no noun to agree with
                refs = {"gold": ref_nominal(d, a), "CoreNLP": xb.coref_antecedent(d, (a, b))}
            else:
                continue
            t_resolve += time.perf_counter() - t1
            n_calls += 1
            counts[f"{kind} n"] += 1
            counts[f"{kind} answered"] += got is not None
            judge = {"gold": right, "CoreNLP": right_coref}
            ok = {k: judge[k](d, r, got) for k, r in refs.items()}
            ok_base = {k: judge[k](d, r, base) for k, r in refs.items()}
            if kind == "pronoun":
                ok["gold"] = ok["gold"] or right_chain(d, (a, b), got)
                ok_base["gold"] = ok_base["gold"] or right_chain(d, (a, b), base)
            for k, v in ok.items():
                counts[f"{kind} ok {k}"] += v
                counts[f"{kind} base {k}"] += ok_base[k]
            counts[f"{kind} ok either"] += any(ok.values())
            counts[f"{kind} base either"] += any(ok_base.values())
            counts[f"{kind} base answered"] += base is not None
            if got is None and kind == "nominal":
                shown.setdefault("nominal unanswered", []).append(f"{d.name} {a}: {src!r}")
            if got is not None and not any(ok.values()):
                r = refs["gold"] or refs["CoreNLP"]
                shown.setdefault(kind, []).append(
                    f"{d.name} {a}: {src!r} -> {got.name!r} (gold ref "
                    f"{d.text[r[0] : r[1]] if r else None!r})"
                )
    dt = time.perf_counter() - t0
    print(
        f"PolNeAR {args.split}: {len(docs)} articles; sources resolved at their offset "
        f"(accuracy on answered; either = right against the gold or the CoreNLP reference)"
    )
    print(f"{'':26}{'n':>5} {'answered':>9} {'gold':>7} {'CoreNLP':>8} {'either':>7}")
    for kind in ("pronoun", "nominal"):
        n = counts[f"{kind} n"]
        for who, pre in (("resolver", "ok"), ("recency baseline", "base")):
            if kind == "nominal" and pre == "base":
                continue
            ans = counts[f"{kind} answered"] if pre == "ok" else counts[f"{kind} base answered"]

            def acc(key: str, ans: int = ans) -> str:
                return f"{counts[key] / ans:.3f}" if ans else "  -  "

            print(
                f"{kind + ' ' + who:26}{n:>5} {ans:>9} {acc(f'{kind} {pre} gold'):>7} "
                f"{acc(f'{kind} {pre} CoreNLP'):>8} {acc(f'{kind} {pre} either'):>7}"
            )
    print(
        f"cost: {n_calls} resolutions in {t_resolve:.2f} s "
        f"({1000 * t_resolve / max(n_calls, 1):.2f} ms each); whole run {dt:.1f} s"
    )
    for kind, lines in shown.items():
        for line in lines[: args.show]:
            print(f"  {kind}{'' if 'unanswered' in kind else ' wrong'}: {line}")


if __name__ == "__main__":
    main()

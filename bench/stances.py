"""Stance-actor benchmark on PolNeAR (issue 17): is a stance's actor the one the annotators
name as the source of the attribution it sits on?

Usage::

    .venv/bin/python bench/stances.py --polnear PATH [--split train|dev] [--every 4 --offset I]
        [--stance-errors N] [--sample N [--seed S]] [--rules]

Stances have no gold of their own. PolNeAR annotates attributions (source, cue, content), and
most stance triggers are attribution cues ("warned", "called for", "rejected", "accused") or
sit inside an attribution's content ("she said she opposes the deal"). So, for every stance
the spaCy run emits (``--rules``: also the rules run):

- its verb/target region is the target inside the cited sentence (``extract.stance_spans``)
  and the 12 characters before it, where the trigger ends;
- ``cue``: an attribution whose cue lies in the cited sentence and overlaps that region (the
  trigger is the cue: its source is the stance's actor);
- ``content``: otherwise an attribution whose cue lies in the cited sentence and whose content
  holds at least half of the target (the stance is reported speech: "X said it opposes Y";
  looser: "X said Y opposes Z" also lands here, so the two are counted apart);
- the stance's actor is compared with the attribution's gold source with the quote
  benchmark's own matching (``extract.py``: a noun source as ``spkNoun``, ``nominal_ok``; a
  pronoun source as ``spkPron``, the nearest earlier non-pronoun gold source or a mention of
  CoreNLP's chain holding it); a source that is absent or only a speech verb gives
  ``no-gold``, as does a stance no attribution fits.

``usable`` restricts to the stances the report may show (``models.usable``: confidence at or
above ``CONFIDENCE_THRESHOLD``, asserted or conditional with its condition).

``--stance-errors N`` prints N disagreements (cue and content) in context; ``--sample N``
prints N stances drawn at random (``--seed``) for reading by hand. Both go to the terminal
only: the corpus text is never written to a file. The test split is refused.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import extract as bx  # noqa: E402
from storyline.models import Article, Stance, usable  # noqa: E402

BEFORE_TARGET = 12  # characters before the target where the trigger ends


@dataclass
class StScore:
    n: int = 0
    agree: dict[str, int] = field(default_factory=lambda: {"cue": 0, "content": 0})
    disagree: dict[str, int] = field(default_factory=lambda: {"cue": 0, "content": 0})
    no_gold: int = 0
    errors: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    # scored stances whose actor is named in the cited sentence / only elsewhere (a pronoun
    # or description resolved across sentences, a quotation's speaker): (agree, scored)
    named_here: list[int] = field(default_factory=lambda: [0, 0])
    named_elsewhere: list[int] = field(default_factory=lambda: [0, 0])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def stance_region(text: str, st: Stance) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The stance's target span and its cited sentence (``None`` when the target is not in
    the sentence: a target rebuilt from several places)."""
    for c in st.cites:
        t = bx.stance_spans(text, st)[0]
        if c.start <= t[0] and t[1] <= c.end and st.target:
            return t, (c.start, c.end)
    return None


def gold_for(
    doc: bx.PnDoc, target: tuple[int, int], sent: tuple[int, int]
) -> tuple[str, bx.PnAttr] | None:
    """The attribution a stance sits on (see the module docstring), and how it was found."""
    lo = max(sent[0], target[0] - BEFORE_TARGET)
    while lo < target[0] and doc.text[lo - 1].isalnum() and doc.text[lo].isalnum():
        lo += 1  # a word the window cuts into is not in it ("notes, applaud")
    region = (lo, target[1])
    in_sent = [
        at for at in doc.attrs if at.cue and any(sent[0] <= a and b <= sent[1] for a, b in at.cue)
    ]
    by_cue = [at for at in in_sent if any(_overlap(c, region) for c in at.cue)]
    if by_cue:
        # the cue nearest the target's start (the trigger right before it)
        return "cue", min(by_cue, key=lambda at: abs(at.cue[0][0] - target[0]))
    tlen = max(1, target[1] - target[0])
    by_content = [
        at for at in in_sent if sum(_overlap(c, target) for c in at.content) >= 0.5 * tlen
    ]
    if by_content:
        # the innermost content ("X said Y said Z": Y's attribution)
        return "content", min(by_content, key=lambda at: at.content[-1][1] - at.content[0][0])
    return None


def actor_ok(doc: bx.PnDoc, at: bx.PnAttr, actor: str) -> bool | None:
    """The quote benchmark's speaker matching applied to a stance's actor (``None``: the
    attribution names no source to score against)."""
    text = doc.text
    src = bx.span_text(text, at.source) if at.source else ""
    words = set(bx.fold_name(src))
    if not at.source or (words and words <= bx.SPEECH_CUES):
        return None
    pred = bx.Pred(0, 0, actor, "stance")
    if bx.is_pronoun(src):
        _, ref_l = bx.pronoun_references(doc, at.source[0])
        return bx.nominal_ok(doc, ref_l, pred) or bx.chain_ok(doc, at.source[0], pred)
    return bx.noun_source_ok(doc, at, pred)


def describe(doc: bx.PnDoc, st: Stance, target: tuple[int, int], sent: tuple[int, int]) -> str:
    text = doc.text
    cond = f" if {st.condition!r}" if st.condition else ""
    head = (
        f"{doc.name} {st.actor!r} {st.stance} [{st.polarity} {st.confidence:.2f}] -> "
        f"{st.target[:60]!r}{cond}"
    )
    return f"{head}\n      {bx.around(text, target[0], target[1], target[0] - sent[0], sent[1] - target[1])}"


def score(docs: list[bx.PnDoc], stances: dict[str, list[Stance]], only_usable: bool) -> StScore:
    s = StScore()
    for doc in docs:
        for st in stances.get(doc.name, []):
            if only_usable and not usable(st):
                continue
            s.n += 1
            where = stance_region(doc.text, st)
            found = gold_for(doc, *where) if where else None
            ok = actor_ok(doc, found[1], st.actor) if found else None
            if found is None or ok is None:
                s.no_gold += 1
                continue
            how, at = found
            assert where is not None
            last = bx.fold_name(st.actor)[-1:] or [""]
            here = last[0] in bx.fold_name(doc.text[where[1][0] : where[1][1]])
            tally = s.named_here if here else s.named_elsewhere
            tally[0] += ok
            tally[1] += 1
            if ok:
                s.agree[how] += 1
                s.agreements.append(f"[{how}] " + describe(doc, st, *where))
            else:
                s.disagree[how] += 1
                src = bx.span_text(doc.text, at.source)
                s.errors.append(
                    f"[{how}] gold source {src!r} cue {bx.span_text(doc.text, at.cue)!r}: "
                    + describe(doc, st, *where)
                )
    return s


def line(name: str, s: StScore) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    ag, dis = s.agree, s.disagree
    a_all, d_all = sum(ag.values()), sum(dis.values())
    return (
        f"{name:22} {s.n:>6} {a_all:>6} {d_all:>6} {s.no_gold:>6} {r(a_all, a_all + d_all):>6}"
        f"   cue {ag['cue']}/{ag['cue'] + dis['cue']} {r(ag['cue'], ag['cue'] + dis['cue'])}"
        f"   content {ag['content']}/{ag['content'] + dis['content']} "
        f"{r(ag['content'], ag['content'] + dis['content'])}"
        f"   actor named in sentence {s.named_here[0]}/{s.named_here[1]}, elsewhere "
        f"{s.named_elsewhere[0]}/{s.named_elsewhere[1]}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--polnear", metavar="PATH", required=True)
    ap.add_argument("--split", default="train", choices=bx.POLNEAR_SPLITS)
    ap.add_argument("--every", type=int, default=1, metavar="K")
    ap.add_argument("--offset", type=int, default=0, metavar="I")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rules", action="store_true", help="also score the rules run")
    ap.add_argument("--stance-errors", type=int, default=0, metavar="N")
    ap.add_argument("--stance-agreements", type=int, default=0, metavar="N")
    ap.add_argument("--sample", type=int, default=0, metavar="N")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()

    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract import extract_many

    split_dir = bx.polnear_split_dir(args.polnear, args.split)
    docs = bx.load_polnear(split_dir, args.limit, args.every, args.offset)
    articles = [
        Article(id=d.name, source=d.name, text=d.text, raw=d.text, title="")  # type: ignore[arg-type]
        for d in docs
    ]
    print(
        f"PolNeAR {args.split} every {args.every} from {args.offset}: {len(docs)} articles, "
        f"{sum(len(d.attrs) for d in docs)} gold attributions"
    )
    print(
        f"{'system':22} {'stance':>6} {'agree':>6} {'disagr':>6} {'noGold':>6} {'acc':>6}"
        "   (by cue / by content)"
    )
    runs = [("storyline-spacy", True)] + ([("storyline-rules", False)] if args.rules else [])
    kept: dict[str, list[Stance]] = {}
    for name, use_spacy in runs:
        if use_spacy:
            load_spacy()
        t0 = time.perf_counter()
        facts = extract_many(articles, use_spacy=use_spacy, timeout=0)
        dt = time.perf_counter() - t0
        stances = {d.name: list(f.stances) for d, f in zip(docs, facts, strict=True)}
        every = score(docs, stances, only_usable=False)
        shown = score(docs, stances, only_usable=True)
        print(line(name, every))
        print(line(f"{name} usable", shown) + f"   ({dt:.0f} s)")
        if use_spacy:
            kept = stances
            errs = every.errors
            agreed = every.agreements
    if args.stance_errors:
        print(f"\nstoryline-spacy disagreements: {len(errs)}")
        for e in errs[: args.stance_errors]:
            print("  " + e)
    if args.stance_agreements:
        print(f"\nstoryline-spacy agreements: {len(agreed)}")
        for e in agreed[: args.stance_agreements]:
            print("  " + e)
    if args.sample:
        pool = [(d, st) for d in docs for st in kept.get(d.name, [])]
        rng = random.Random(args.seed)
        pick = rng.sample(pool, min(args.sample, len(pool)))
        print(f"\n{len(pick)} stances sampled of {len(pool)} (seed {args.seed}):")
        for i, (d, st) in enumerate(pick, 1):
            where = stance_region(d.text, st)
            c = st.cites[0]
            sent = where[1] if where else (c.start, c.end)
            tgt = where[0] if where else (c.start, c.start)
            print(f"{i:>3}. " + describe(d, st, tgt, sent))


if __name__ == "__main__":
    main()

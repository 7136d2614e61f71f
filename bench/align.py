#!/usr/bin/env python
"""Cross-source alignment benchmark on ECB+ (issue 18): conflicts, updates, claims, numbers, dates.

    python bench/align.py [--split dev|train] [--embedder tfidf|model2vec|minilm]
                          [--extractor rules|spacy] [--show N] [--json OUT] [--cost]
                          [--reports OUT] [--db FILE] [--why] [--subjects] [--labelled-only]
                          [--diagnose] [--why-facts]

The ECB+ documents of the split (``../shared/bench/ecbplus/docs.jsonl``) are ingested
into a temporary store through the public API (``storyline.Engine``), one outlet per
document, and every story's report is built (``engine.report(story_id).to_dict()``, the
JSON contract of SPEC.md). Report cites point into the cleaned article text; they are
mapped back to offsets in the raw ``text`` field of docs.jsonl by aligning the two texts
(line by line, ``difflib`` inside changed lines), so they can be compared with the hand
labels of ``bench/data/align/`` (see its README for the format and the labelling).

A cite *covers* a labelled span when it lies in the same document and overlaps it.

- **Conflicts.** A reported conflict is *right* when two of its sides cover the two sides
  of a labelled disagreement; *false* when two of its sides cover a labelled compatible
  pair (deaths vs injuries, two events, a total vs a part, an update...) and it is not
  right; otherwise *unlabelled* (listed for manual review, counted apart). Precision is
  right / (right + false); the strict lower bound counts every unlabelled one as wrong.
  Recall is the share of labelled disagreements (pairs) covered by a reported conflict;
  the ceiling is the share whose two documents end up in one story.
  With ``--diagnose``, each labelled numeric disagreement is traced through the numeric
  rules of ``stages/analysis/align.py`` (its figures read again from the stored facts) and
  the furthest stage any two figures of its sides reached is printed: a side's quantity not
  found, told apart (unit, frame, counted noun, part, other event or time, two people, two
  places; without a frame, the reason its noun does not frame it), hedges judged compatible,
  taken as an update, nothing tying the two reports to one event, sentences not alike,
  compared then dropped (with the reported conflicts that touch it), below the shown
  threshold, or shown.
- **Updates.** A labelled update (a figure that changes between reports) is detected
  when a timeline item of ``"kind": "update"`` covers both of its sides; with ``--show``,
  every update item is listed (its summary, days and cited documents) for review.
- **Alignment.** Recall: a labelled fact is *aligned* when one claim covers the mentions
  of all its reporting articles (*partial*: at least two of them). Precision (automatic
  proxy): among claims citing two or more articles that touch a labelled span, a *wrong
  merge* cites a sentence stating one labelled fact and not another and a sentence stating
  the other and not the first (a sentence stating both, "13 homers and 43 RBIs", merges
  nothing), or covers both sides of a labelled compatible pair that are not the same
  measure (kinds other than ``hedge``/``unit``); the figure counting every claim that
  touches two facts (the definition before s10) is printed beside it.
  With ``--why-facts``, each fact not aligned is traced: the claims covering each reporting
  article's mention, and for each article left out of the best claim, its candidate clauses
  at the mention against those of the articles in it, with their TF-IDF and sentence-vector
  cosines and the first check of ``statements.py`` (words, same figures, meaning) that kept
  them apart. It prints article text: read it on screen, never paste it into the repo.
- **Numbers.** Share of reported quantities with a subject (not empty, not
  "(unspecified)"); among labelled sides that are counted quantities (``"quantity":
  true``: not a date, a time, a name or an edition) and are covered by a reported
  quantity's cite, the share whose subject is right: it shares a content word with the
  label's ``subject`` (lower-cased, plural ``s`` dropped, a unit in brackets ignored);
  the misses are printed for review. ``quantities.jsonl`` (train only) adds numeric spans
  labelled for their subject alone. ``--subjects`` prints every labelled numeric span whose
  subject is wrong or missing, or that no quantity covers (found value, subject and measure
  given, subject expected); ``--labelled-only`` ingests only the documents that hold a
  label (fast: quantity subjects are read per article; the other figures are then not
  comparable with a full run).
- **Timeline.** Share of items with a date; share of items whose date text names an
  explicit day (month + day, or a numeric date) that got a full ``YYYY-MM-DD`` date, over
  all articles and then by the article the item cites: with a published date (the
  target's own figure: its denominator is every explicit-day item of those articles),
  with only their own date line (``dates.text_reference_date``), with neither (ECB+
  articles carry no published metadata, so their year can only come from the text or
  the story); with ``--show``, the unresolved ones;
  items that are page furniture: a time stamp, a "Last updated / Posted / Published"
  line, a byline or photo credit (by the cited raw line, see ``is_furniture``).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
import tempfile
import time
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from storyline import Engine  # noqa: E402
from storyline.models import CONFIDENCE_THRESHOLD  # noqa: E402
from storyline.stages.prepare.extract.dates import text_reference_date  # noqa: E402

LABELS = ROOT / "bench" / "data" / "align"
SAME_MEASURE_KINDS = {"hedge", "unit"}
Span = tuple[str, int, int]  # (doc id, start, end) in the raw docs.jsonl text


def shared_dir() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def load_docs(split: str) -> dict[str, dict[str, Any]]:
    path = shared_dir() / "bench" / "ecbplus" / "docs.jsonl"
    docs: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["split"] == split:
                docs[d["id"]] = d
    return docs


def load_labels(split: str, kind: str) -> list[dict[str, Any]]:
    """``{kind}.jsonl`` and any ``{kind}-*.jsonl`` beside it (labels added apart, by topic of
    labelling: ``conflicts-slots.jsonl`` holds non-numeric ones)."""
    folder = LABELS / split
    out: list[dict[str, Any]] = []
    for path in [folder / f"{kind}.jsonl", *sorted(folder.glob(f"{kind}-*.jsonl"))]:
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                out += [json.loads(line) for line in fh if line.strip()]
    return out


# -- mapping cleaned offsets to raw offsets ---------------------------------------------------


class OffsetMap:
    """Map offsets in an article's cleaned text to offsets in the raw ECB+ text.

    Cleaning keeps most lines as they are (it drops some and normalises others), so each
    cleaned line is first looked up verbatim in the raw text, after the previous match;
    a line that changed is aligned character by character (``difflib``) with the raw text
    that follows, which keeps the work linear in practice.
    """

    def __init__(self, clean: str, raw: str) -> None:
        blocks: list[tuple[int, int, int]] = []  # (clean start, raw start, size)
        cursor = 0
        pos = 0
        for line in clean.split("\n"):
            start, pos = pos, pos + len(line) + 1
            if not line.strip():
                continue
            at = raw.find(line, cursor)
            if at < 0:
                at = raw.find(line)
            if at >= 0:
                blocks.append((start, at, len(line)))
                cursor = at + len(line)
                continue
            window = raw[cursor : cursor + 2 * len(line) + 200]
            sm = difflib.SequenceMatcher(None, line, window, autojunk=False)
            for b in sm.get_matching_blocks():
                if b.size:
                    blocks.append((start + b.a, cursor + b.b, b.size))
            last = [b for b in sm.get_matching_blocks() if b.size]
            if last:
                cursor += last[-1].b + last[-1].size
        blocks.sort()
        self.blocks = blocks
        self.starts = [b[0] for b in blocks]
        self.raw_len = len(raw)

    def __call__(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.blocks[0][1] if self.blocks else 0
        a, b, size = self.blocks[i]
        if pos < a + size:
            return b + (pos - a)
        # inside a gap: snap to the end of the previous matching block
        return min(b + size, self.raw_len)


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, len(text) if e < 0 else e


def overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def covers(cites: list[Span], span: Span) -> bool:
    return any(overlaps(c, span) for c in cites)


# -- judging helpers --------------------------------------------------------------------------

_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "to", "and", "or", "with", "from",
    "this", "that", "his", "her", "its", "their", "s", "vs", "per", "year", "years",
}  # fmt: skip


def words(text: str | None) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z0-9][a-z0-9\-]*", (text or "").lower()):
        w = w.strip("-")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w and w not in _STOP:
            out.add(w)
    return out


_TIME = r"\d{1,2}\s*[:.]\s*\d{2}(\s*[:.]\s*\d{2})?\s*(a\.?\s*m\.?|p\.?\s*m\.?|hrs|ist|gmt|bst)?"
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # month names
FURNITURE = re.compile(
    r"^\s*(last\s+updated|updated|posted|published|first\s+published|photo|image|credit|"
    r"by\s+[A-Z]|here'?s\s+a\s+slideshow|click|watch|share)\b",
    re.I,
)
STAMP = re.compile(
    rf"^[\W\d]*({_TIME}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})", re.I
)
EXPLICIT_DAY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)?\s+(of\s+)?{_MONTH}|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.I,
)


# Where an article's reference date comes from: the target ("for articles with a published
# date") counts the first group; an article's own date line is what the engine reads when the
# cleaner left ``published`` empty (``dates.text_reference_date``).
DATE_BASES = {
    "published": "with a published date (the target)",
    "dateline": "with their own date line, no published date",
    "none": "with neither",
}


def date_basis(article: dict[str, Any]) -> str:
    if article.get("published"):
        return "published"
    return "dateline" if text_reference_date(article.get("text") or "") else "none"


def is_furniture(line: str) -> bool:
    """A dateline, time stamp, "Last updated" line, byline or credit rather than a sentence."""
    s = line.strip()
    if not s:
        return False
    if FURNITURE.match(s) and len(s.split()) <= 14:
        return True
    # a short line that is mostly a date or a time ("9: 47 AM PDT 3/5/2031", "April 10, 2007")
    return bool(STAMP.match(s)) and len(re.findall(r"[A-Za-z]{4,}", s)) <= 4 and len(s) <= 80


# -- the run ----------------------------------------------------------------------------------


def build_reports(
    docs: dict[str, dict[str, Any]], embedder: str, extractor: str, tmp: Path,
    db: Path | None = None, cost: bool = False,
    inputs: list[tuple[list[Any], list[Any]]] | None = None,
    meanings: list[Any] | None = None,
) -> tuple[list[dict[str, Any]], float, float, list[dict[str, Any]]]:  # fmt: skip
    """Ingest the split and build every story's report; with ``db``, a store that already
    holds articles is reused as it is (``--db``: only the reports are built again); with
    ``inputs``, also keep each story's articles (in the report's order) and facts there, for
    ``--diagnose``; with ``meanings``, the engine's sentence embedder (``--why-facts``)."""
    src = tmp / "ecbplus.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for d in docs.values():
            rec = {
                "url": f"https://ecbplus.invalid/{d['id']}",
                "outlet": d["id"],
                "text": d["text"],
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    reuse = db is not None and db.exists()
    with Engine.open(db or tmp / "bench.db", embedder=embedder, extractor=extractor) as engine:
        res = None if reuse else engine.ingest([str(src)])
        if res is not None and res.errors:
            print(f"ingest errors: {len(res.errors)} (first: {res.errors[0]})")
        t1 = time.perf_counter()
        c1 = time.process_time()
        reports = [engine.report(s.id).to_dict() for s in engine.stories()]
        t2, c2 = time.perf_counter(), time.process_time()
        if inputs is not None:
            for rep in reports:
                arts = engine.articles([a["id"] for a in rep["articles"]])
                by_id = {a.id: a for a in arts}
                arts = [by_id[a["id"]] for a in rep["articles"]]
                inputs.append((arts, engine.facts(arts)))
        if meanings is not None:
            meanings.append(engine._meaning())
        words = report_cost(engine, t2 - t1, c2 - c1) if cost else []
    return reports, t1 - t0, t2 - t1, words


def report_cost(engine: Engine, wall: float, cpu: float) -> list[dict[str, Any]]:
    """The report-time cost of the sentence vectors (statements told in other words), in this
    process: every report again by words only (``--embedder tfidf``'s path), then again with
    the vectors each sentence kept from the first pass; as ratios to words only (CPU time, so
    the load of other processes weighs less). Returns the reports by words only."""
    stories = engine.stories()
    made: list[dict[str, Any]] = []

    def timed() -> tuple[float, float]:
        w, c = time.perf_counter(), time.process_time()
        made[:] = [engine.report(s.id).to_dict() for s in stories]
        return time.perf_counter() - w, time.process_time() - c

    meaning = engine._meaning
    engine._meaning = lambda: None  # type: ignore[method-assign]  # words only
    words = timed()
    words_only = list(made)
    engine._meaning = meaning  # type: ignore[method-assign]
    warm = timed()
    print(
        f"report cost: words only {words[1]:.1f} s CPU ({words[0]:.1f} s wall); sentence vectors, "
        f"first report {cpu:.1f} s CPU ({wall:.1f} s wall) = {cpu / max(words[1], 1e-9):.2f}x, "
        f"again (vectors kept) {warm[1]:.1f} s CPU = {warm[1] / max(words[1], 1e-9):.2f}x"
    )
    return words_only


def doc_of(article: dict[str, Any]) -> str | None:
    src = article.get("source") or ""
    m = re.search(r"ecbplus\.invalid/(\S+)$", src)
    return m.group(1) if m else None


class Mapper:
    """Report cites to raw (doc, start, end) spans."""

    def __init__(self, reports: list[dict[str, Any]], docs: dict[str, dict[str, Any]]) -> None:
        self.doc: dict[str, str] = {}
        self.maps: dict[str, OffsetMap] = {}
        self.story_of: dict[str, int] = {}
        for i, rep in enumerate(reports):
            for a in rep["articles"]:
                d = doc_of(a)
                if d is None or d not in docs:
                    continue
                self.doc[a["id"]] = d
                self.story_of[d] = i
                self.maps[a["id"]] = OffsetMap(a["text"], docs[d]["text"])

    def span(self, cite: dict[str, Any]) -> Span | None:
        aid = cite["article"]
        if aid not in self.doc:
            return None
        m = self.maps[aid]
        s, e = m(cite["start"]), m(max(cite["start"], cite["end"] - 1)) + 1
        return (self.doc[aid], s, max(e, s + 1))

    def spans(self, cites: list[dict[str, Any]]) -> list[Span]:
        return [s for s in (self.span(c) for c in cites) if s is not None]


def side_span(side: dict[str, Any]) -> Span:
    return (side["doc"], side["start"], side["end"])


def pair_hit(sides: list[list[Span]], a: Span, b: Span) -> bool:
    """Two different sides of a reported item cover a and b."""
    for i, si in enumerate(sides):
        for j, sj in enumerate(sides):
            if i != j and covers(si, a) and covers(sj, b):
                return True
    return False


def fmt_span(docs: dict[str, dict[str, Any]], sp: Span, width: int = 110) -> str:
    text = docs[sp[0]]["text"]
    ls, le = line_span(text, sp[1], sp[2])
    line = text[ls:le].strip()
    return f"{sp[0]}@{sp[1]}-{sp[2]}: {line[:width]}"


def _non_numeric(label: dict[str, Any]) -> bool:
    """A disagreement over a name, a day, a time, a place, a colour or a nationality."""
    return any(not sd["quantity"] for sd in label["sides"])


def why_missed(
    reports: list[dict[str, Any]], docs: dict[str, dict[str, Any]], mp: Mapper,
    conflicts: list[dict[str, Any]], found: list[bool],
    reported: list[tuple[int, dict[str, Any], list[list[Span]]]],
) -> None:  # fmt: skip
    """Why each missed non-numeric disagreement was not reported (``--why``): are its two
    articles in one story, which slot readings (``stages/analysis/slots.py``) cover each
    side, and which reported conflicts cover one side only."""
    from storyline.models import Article
    from storyline.stages.analysis.slots import person_cues, person_pairs, read_slots

    readings: dict[str, list[tuple[Span, str]]] = defaultdict(list)  # doc -> (span, reading)
    for rep in reports:
        persons = person_pairs(
            n for e in rep["entities"] if e["type"] == "PERSON" for n in [e["name"], *e["aliases"]]
        ) | frozenset(p for a in rep["articles"] for p in person_cues(a["text"]))
        for a in rep["articles"]:
            art = Article(id=a["id"], source=a["source"] or "", text=a["text"], raw="", title="")
            for r in read_slots(art, art.id, persons):
                sp = mp.span({"article": a["id"], "start": r.cite.start, "end": r.cite.end})
                if sp is not None:
                    readings[sp[0]].append((sp, f"{r.kind}[{r.key}]={r.value}"))
    print("-- why missed (non-numeric disagreements):")
    for lab, hit in zip(conflicts, found, strict=True):
        if hit or not _non_numeric(lab):
            continue
        a, b = (side_span(sd) for sd in lab["sides"])
        same = mp.story_of.get(a[0], -1) == mp.story_of.get(b[0], -2)
        print(f"  {lab['id']} {lab['group']}: {'one story' if same else 'two stories'}")
        for sp, sd in ((a, lab["sides"][0]), (b, lab["sides"][1])):
            got = [r for rsp, r in readings.get(sp[0], []) if overlaps(rsp, sp)]
            half = [c["topic"] for _i, c, sides in reported if any(covers(x, sp) for x in sides)]
            print(
                f"     {sp[0]} {sd['value']!r}: readings {got or 'none'}; in conflicts "
                f"{half or 'none'}"
            )


def alignment_scores(
    reports: list[dict[str, Any]], mp: Mapper, facts: list[dict[str, Any]],
    compatible: list[dict[str, Any]], conflicts: list[dict[str, Any]],
) -> dict[str, Any]:  # fmt: skip
    """Alignment recall (facts whose reporting articles end up in one claim) and the
    precision proxy's counts, with the misses and wrong merges to print."""
    claims = []
    for rep in reports:
        for cl in rep["claims"]:
            claims.append((cl, mp.spans(cl["cites"])))
    full = partial = 0
    misses = []
    for fact in facts:
        spans = [(m["doc"], m["start"], m["end"]) for m in fact["mentions"]]
        best, best_claim = 0, None
        for cl, sp in claims:
            n = sum(covers(sp, s) for s in spans)
            if n > best:
                best, best_claim = n, (cl, sp)
        full += best == len(spans)
        partial += best >= 2
        if best < len(spans):
            stories = {mp.story_of.get(s[0], -1) for s in spans}
            left = [s[0] for s in spans if best_claim is None or not covers(best_claim[1], s)]
            misses.append((fact, best, len(spans), len(stories), best_claim, left))
    multi = [(cl, sp) for cl, sp in claims if len({s[0] for s in sp}) >= 2]
    fact_spans = [[(m["doc"], m["start"], m["end"]) for m in f["mentions"]] for f in facts]
    judge_spans = fact_spans + [[side_span(s) for s in k["sides"]] for k in compatible + conflicts]
    judgeable = wrong = loose_bad = 0
    wrong_rows = []
    for cl, sp in multi:
        touched = [n for n, fs in enumerate(judge_spans) if any(covers(sp, s) for s in fs)]
        if not touched:
            continue
        judgeable += 1
        facts_hit = {n for n in touched if n < len(facts)}
        # two facts merged: a cite that states one of them and not the other, and a cite
        # that states the other and not the first (one sentence stating both is no merge)
        alone = [{n for n in facts_hit if any(overlaps(c, s) for s in fact_spans[n])} for c in sp]
        merged = any(
            any(x in a and y not in a for a in alone) and any(y in a and x not in a for a in alone)
            for x in facts_hit for y in facts_hit if x < y
        )  # fmt: skip
        bad_pair = any(
            k["kind"] not in SAME_MEASURE_KINDS
            and covers(sp, side_span(k["sides"][0]))
            and covers(sp, side_span(k["sides"][1]))
            for k in compatible
        )
        if merged or bad_pair:
            wrong += 1
            wrong_rows.append(cl)
        loose_bad += (len(facts_hit) >= 2) or bad_pair
    return {
        "claims": claims, "multi": multi, "full": full, "partial": partial, "misses": misses,
        "judgeable": judgeable, "wrong": wrong, "wrong_rows": wrong_rows, "loose": loose_bad,
    }  # fmt: skip


def run(args: argparse.Namespace) -> dict[str, Any]:
    docs = load_docs(args.split)
    conflicts = load_labels(args.split, "conflicts")
    compatible = load_labels(args.split, "compatible")
    facts = load_labels(args.split, "facts")
    subject_only = load_labels(args.split, "quantities")  # spans labelled for their subject
    if args.labelled_only:
        held = {s["doc"] for lab in conflicts + compatible + subject_only for s in lab["sides"]}
        held |= {m["doc"] for f in facts for m in f["mentions"]}
        docs = {k: v for k, v in docs.items() if k in held}
    print(
        f"ECB+ {args.split}: {len(docs)} documents; labels: {len(conflicts)} conflicts, "
        f"{len(compatible)} compatible pairs ({sum(k['update'] for k in compatible)} updates), "
        f"{len(facts)} facts; embedder={args.embedder} extractor={args.extractor}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        wanted = args.diagnose or args.why_facts
        inputs: list[tuple[list[Any], list[Any]]] | None = [] if wanted else None
        meanings: list[Any] | None = [] if args.why_facts else None
        reports, t_ingest, t_report, words_only = build_reports(
            docs,
            args.embedder,
            args.extractor,
            Path(tmp),
            Path(args.db) if args.db else None,
            args.cost,
            inputs,
            meanings,
        )
    print(f"ingest {t_ingest:.1f} s, reports {t_report:.1f} s, {len(reports)} stories")
    if args.reports:  # every report's JSON, to read claims by hand
        Path(args.reports).write_text(json.dumps(reports), encoding="utf-8")
    mp = Mapper(reports, docs)
    show = args.show
    out: dict[str, Any] = {
        "split": args.split,
        "embedder": args.embedder,
        "extractor": args.extractor,
    }

    # -- conflicts --------------------------------------------------------------------------
    reported = []  # (story index, conflict dict, [spans per side])
    for i, rep in enumerate(reports):
        for c in rep["conflicts"]:
            reported.append((i, c, [mp.spans(s["cites"]) for s in c["sides"]]))
    right, false, unlabelled = [], [], []
    found = [False] * len(conflicts)
    for _i, c, sides in reported:
        hits = [
            n
            for n, lab in enumerate(conflicts)
            if pair_hit(sides, side_span(lab["sides"][0]), side_span(lab["sides"][1]))
        ]
        for n in hits:
            found[n] = True
        if hits:
            right.append((c, sides, hits))
            continue
        fps = [
            k
            for k in compatible
            if pair_hit(sides, side_span(k["sides"][0]), side_span(k["sides"][1]))
        ]
        (false if fps else unlabelled).append((c, sides, fps))
    judged = len(right) + len(false)
    together = sum(
        mp.story_of.get(lab["sides"][0]["doc"], -1) == mp.story_of.get(lab["sides"][1]["doc"], -2)
        for lab in conflicts
    )
    prec = len(right) / judged if judged else float("nan")
    strict = len(right) / len(reported) if reported else float("nan")
    rec = sum(found) / len(conflicts) if conflicts else float("nan")
    print("\n== Conflicts (target: precision >= 0.90 at recall >= 0.70)")
    print(
        f"reported {len(reported)}: right {len(right)}, false (over a labelled compatible pair) "
        f"{len(false)}, unlabelled {len(unlabelled)}"
    )
    print(f"precision {prec:.3f} (right / (right + false)); strict {strict:.3f} (right / reported)")
    print(
        f"recall {rec:.3f} ({sum(found)}/{len(conflicts)} labelled disagreements); ceiling "
        f"{together}/{len(conflicts)} have both articles in one story"
    )
    # what the page shows: conflicts at or above the report's confidence threshold
    shown = [c for c in reported if c[1].get("confidence", 1.0) >= CONFIDENCE_THRESHOLD]
    shown_found = [
        any(pair_hit(sides, side_span(lab["sides"][0]), side_span(lab["sides"][1]))
            for _i, _c, sides in shown)
        for lab in conflicts
    ]  # fmt: skip
    n_right = sum(any(c is r[0] for r in right) for _i, c, _s in shown)
    n_false = sum(any(c is r[0] for r in false) for _i, c, _s in shown)
    print(
        f"shown (confidence >= {CONFIDENCE_THRESHOLD}): {len(shown)}: right {n_right}, false "
        f"{n_false}, unlabelled {len(shown) - n_right - n_false}; recall "
        f"{sum(shown_found) / max(1, len(conflicts)):.3f} ({sum(shown_found)}/{len(conflicts)})"
    )
    groups: dict[str, list[bool]] = defaultdict(list)
    for lab, f in zip(conflicts, found, strict=True):
        groups[lab["group"]].append(f)
    print(
        "by group (found/labelled): "
        + ", ".join(f"{g} {sum(v)}/{len(v)}" for g, v in sorted(groups.items()))
    )
    kinds: dict[str, int] = defaultdict(int)
    for _, _, fps in false:
        for k in fps:
            kinds[k["kind"]] += 1
    if false:
        print(
            "false conflicts by kind of compatible pair: "
            + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        )
    for title, rows in (("false", false), ("unlabelled (review by hand)", unlabelled)):
        if rows and show:
            print(f"-- {title}, first {min(show, len(rows))}:")
            for c, sides, _ in rows[:show]:
                print(f"  topic {c['topic']!r}: " + " | ".join(s["claim"][:60] for s in c["sides"]))
                for sp in sides[:2]:
                    if sp:
                        print("     " + fmt_span(docs, sp[0]))
    out["conflicts_for_review"] = [
        {
            "verdict": verdict,
            "topic": c["topic"],
            "sides": [sd["claim"] for sd in c["sides"]],
            "spans": [fmt_span(docs, sp[0], 200) if sp else None for sp in sides],
        }
        for verdict, rows in (("false", false), ("unlabelled", unlabelled))
        for c, sides, _ in rows
    ]
    if inputs is not None and args.diagnose:
        diagnose(inputs, conflicts, reported, shown, mp, docs)
    out["conflicts"] = {
        "reported": len(reported), "right": len(right), "false": len(false),
        "unlabelled": len(unlabelled), "precision": prec, "precision_strict": strict,
        "recall": rec, "found": sum(found), "labelled": len(conflicts), "ceiling": together,
    }  # fmt: skip
    if args.why:
        why_missed(reports, docs, mp, conflicts, found, reported)

    # -- updates ----------------------------------------------------------------------------
    updates = [k for k in compatible if k["update"]]
    upd_items = []
    upd_rows = []
    for rep in reports:
        for ev in rep["timeline"]:
            if ev.get("kind") == "update":
                upd_items.append(mp.spans(ev["cites"]))
                upd_rows.append(ev)
    upd_found = sum(
        any(
            covers(sp, side_span(k["sides"][0])) and covers(sp, side_span(k["sides"][1]))
            for sp in upd_items
        )
        for k in updates
    )
    upd_as_conflict = sum(any(k in fps for _, _, fps in false) for k in updates)
    print("\n== Updates over time")
    print(
        f"labelled updates shown as updates: {upd_found}/{len(updates)}; shown as conflicts: "
        f"{upd_as_conflict}; timeline items of kind update: {len(upd_items)}"
    )
    if show:
        for ev, sps in list(zip(upd_rows, upd_items, strict=True))[:show]:
            hit = any(
                covers(sps, side_span(k["sides"][0])) and covers(sps, side_span(k["sides"][1]))
                for k in updates
            )
            print(
                f"  update{' (labelled)' if hit else ''}: {ev['summary'][:70]!r} "
                f"[{ev.get('date_text') or 'undated'}] cites {sorted({sp[0] for sp in sps})}"
            )
    out["updates"] = {"labelled": len(updates), "found": upd_found, "as_conflicts": upd_as_conflict}

    # -- alignment --------------------------------------------------------------------------
    sc = alignment_scores(reports, mp, facts, compatible, conflicts)
    claims, multi, full, partial = sc["claims"], sc["multi"], sc["full"], sc["partial"]
    misses, judgeable, wrong, wrong_rows = (
        sc["misses"],
        sc["judgeable"],
        sc["wrong"],
        sc["wrong_rows"],
    )
    a_rec = full / len(facts) if facts else float("nan")
    a_prec = 1 - wrong / judgeable if judgeable else float("nan")
    print("\n== Alignment (target: recall >= 0.80 at precision >= 0.90)")
    print(
        f"claims {len(claims)}, citing 2+ articles {len(multi)}; labelled facts {len(facts)}: "
        f"aligned (all reporting articles in one claim) {full} = recall {a_rec:.3f}; "
        f"partial (2+ in one claim) {partial} = {partial / max(1, len(facts)):.3f}"
    )
    print(
        f"precision proxy {a_prec:.3f}: {wrong} wrong merges among {judgeable} judgeable multi-article claims"
        f" (counting a claim whose sentences each state two labelled facts as a merge: "
        f"{1 - sc['loose'] / max(1, judgeable):.3f}, {sc['loose']})"
    )
    if words_only:  # --cost: the same engine's reports by words only (--embedder tfidf's path)
        w = alignment_scores(words_only, Mapper(words_only, docs), facts, compatible, conflicts)
        print(
            f"by words only (no sentence vectors): aligned {w['full']} = recall "
            f"{w['full'] / max(1, len(facts)):.3f}; partial {w['partial']}; precision proxy "
            f"{1 - w['wrong'] / max(1, w['judgeable']):.3f} ({w['wrong']} / {w['judgeable']})"
        )
    split_story = sum(1 for _, _, _, ns, _, _ in misses if ns > 1)
    print(f"missed facts whose articles are in more than one story: {split_story}/{len(misses)}")
    if show:
        for fact, best, n, ns, bc, left in misses[:show]:
            print(
                f"  miss {fact['id']} ({fact['description']}): best claim covers {best}/{n}; stories {ns}"
            )
            if bc is not None:  # what the best claim is and which reporting articles it lacks
                print(
                    f"    best: {bc[0]['slot']!r} = {bc[0]['value'][:60]!r}; "
                    f"not in it: {', '.join(left)}"
                )
        if inputs is not None and args.diagnose:
            diagnose_facts(inputs, misses, mp)
        for cl in wrong_rows[:show]:
            print(
                f"  wrong merge: {cl['subject'][:40]!r} {cl['slot']!r} = {cl['value'][:40]!r} ({len(cl['cites'])} cites)"
            )
    if args.why_facts and inputs is not None and meanings:
        why_facts(inputs, misses, mp, claims, docs, meanings[0])
    out["alignment"] = {
        "claims": len(claims), "multi": len(multi), "facts": len(facts), "aligned": full,
        "partial": partial, "recall": a_rec, "judgeable": judgeable, "wrong": wrong,
        "precision_proxy": a_prec,
    }  # fmt: skip

    # -- quantities -------------------------------------------------------------------------
    quants = [(q, mp.span(q["cite"])) for rep in reports for q in rep["quantities"]]
    with_subj = sum(
        bool(q["subject"]) and q["subject"].strip().lower() not in {"(unspecified)", "unspecified"}
        for q, _ in quants
    )
    labelled_sides = [
        s
        for lab in conflicts + compatible + subject_only
        for s in lab["sides"]
        if s.get("quantity")
    ]
    checked = correct = 0
    subj_miss = []
    not_found = []
    seen: set[tuple[str, int, int]] = set()
    for s in labelled_sides:
        key = side_span(s)
        if key in seen:
            continue
        seen.add(key)
        qs = [q for q, sp in quants if sp is not None and overlaps(sp, key)]
        if not qs:
            not_found.append(s)
            continue
        checked += 1
        want = words(re.sub(r"\([^)]*\)", " ", s["subject"]))  # "(metres)" is a unit, not a subject
        ok = any(words(q["subject"]) & want or words(q["measure"]) & want for q in qs)
        correct += ok
        if not ok:
            subj_miss.append((s, qs[0]))
    print("\n== Numbers (target: quantities with a correct subject >= 0.85)")
    print(
        f"quantities {len(quants)}: with a subject {with_subj} = {with_subj / max(1, len(quants)):.3f}"
    )
    print(
        f"labelled numeric spans {len(seen)}: found as quantities {checked}; correct subject "
        f"{correct} = {correct / checked if checked else float('nan'):.3f}"
    )
    if args.subjects:
        # every miss, to the terminal only: what was found, what was given, what was expected
        for s, q in subj_miss:
            print(
                f"  wrong/missing {s['doc']}@{s['start']}: found {q['text'][:40]!r} = "
                f"{q['value'] if q['value'] is not None else (q['low'], q['high'])} "
                f"({q['hedge']}); subject {q['subject']!r}, measure {q['measure']!r}; "
                f"expected {s['subject']!r}"
            )
        for s in not_found:
            print(
                f"  not found {s['doc']}@{s['start']}: "
                f"{docs[s['doc']]['text'][s['start'] : s['end']]!r}; expected {s['subject']!r}"
            )
    elif show:
        for s, q in subj_miss[:show]:
            print(
                f"  subject miss {s['doc']}: label {s['subject']!r}; got {q['subject']!r} / {q['measure']!r} ({q['text'][:40]!r})"
            )
    out["quantities"] = {
        "total": len(quants), "with_subject": with_subj, "labelled_spans": len(seen),
        "found": checked, "correct_subject": correct,
    }  # fmt: skip

    # -- timeline ---------------------------------------------------------------------------
    items = [(ev, mp.spans(ev["cites"])) for rep in reports for ev in rep["timeline"]]
    dated = sum(ev["date"] is not None for ev, _ in items)
    explicit = [ev for ev, _ in items if EXPLICIT_DAY.search(ev.get("date_text") or "")]
    resolved = sum(bool(ev["date"]) and len(ev["date"]) == 10 for ev in explicit)
    # The target counts articles with a date: an item belongs to the group of the articles
    # it cites (a merged item citing a dated and an undated article is in both groups).
    basis = {a["id"]: date_basis(a) for rep in reports for a in rep["articles"]}
    by_basis: dict[str, list[dict[str, Any]]] = {k: [] for k in DATE_BASES}
    for ev in explicit:
        for k in {basis.get(c["article"], "none") for c in ev["cites"]}:
            by_basis[k].append(ev)
    furniture = []
    for ev, sps in items:
        lines = []
        for sp in sps:
            text = docs[sp[0]]["text"]
            ls, le = line_span(text, sp[1], sp[2])
            lines.append(text[ls:le])
        if any(is_furniture(x) for x in lines) or is_furniture(ev.get("summary") or ""):
            furniture.append((ev, lines))
    print(
        "\n== Timeline (targets: >= 90% explicit dates resolved; 0 time stamps or captions as events)"
    )
    print(f"items {len(items)}: with a date {dated} = {dated / max(1, len(items)):.3f}")
    print(
        f"items naming an explicit day: {len(explicit)}, resolved to YYYY-MM-DD {resolved} = "
        f"{resolved / len(explicit) if explicit else float('nan'):.3f}"
    )
    for k, label in DATE_BASES.items():
        evs = by_basis[k]
        ok = sum(bool(ev["date"]) and len(ev["date"]) == 10 for ev in evs)
        print(
            f"  of articles {label}: {len(evs)}, resolved {ok} = "
            f"{ok / len(evs) if evs else float('nan'):.3f}"
        )
        out.setdefault("timeline_by_basis", {})[k] = {"explicit": len(evs), "resolved": ok}
    print(f"time stamps / 'updated' lines / credits shown as events: {len(furniture)}")
    if show:
        unresolved = [ev for ev in explicit if not (ev["date"] and len(ev["date"]) == 10)]
        for ev in unresolved[:show]:
            kinds = sorted({basis.get(c["article"], "none") for c in ev["cites"]})
            where = mp.span(ev["cites"][0]) if ev["cites"] else None
            print(
                f"  unresolved {ev.get('date_text')!r} -> {ev['date']!r} ({'/'.join(kinds)}; "
                f"{where[0] if where else '?'}): {(ev.get('summary') or '')[:70]!r}"
            )
        for ev, lines in furniture[:show]:
            print(
                f"  furniture: {(ev.get('summary') or '')[:60]!r} <- {lines[0][:60]!r}"
                if lines
                else ""
            )
    out["timeline"] = {
        "items": len(items), "dated": dated, "explicit": len(explicit),
        "explicit_resolved": resolved, "furniture": len(furniture),
    }  # fmt: skip
    return out


# -- diagnostics (--diagnose) -----------------------------------------------------------------

# How far a labelled pair got, for the per-pair reason of ``diagnose``: the furthest stage
# any two figures of its two sides reached.
_STAGES = {
    "quantity not found": 0, "one source": 1, "different unit": 1, "different frame": 1,
    "no frame, no shared owner": 1, "a part": 1, "another event or time": 1,
    "different counted noun": 1, "two people's": 1, "a zero": 1, "two places": 1,
    "a place the other never names": 1, "a broken number": 1, "ages of no shared name": 1,
    "hedges judged compatible": 2, "reports days apart": 2, "toll counts another noun": 3,
    "taken as an update": 3, "implied count": 3, "no other figure ties the two reports": 3, "two events (other figures disagree)": 3,
    "sentences not alike": 4, "compared, then dropped (sides, two events, an update)": 5,
    "below the confidence threshold": 6, "shown": 7,
}  # fmt: skip


def _pair_reason(al: Any, ra: Any, rb: Any, sim: Any, days: Any, events: Any) -> str:
    """Where ``_compare`` (stages/analysis/align.py) leaves two figures, in its own order."""
    why = al._incomparable(ra, rb, 1.0)
    if why:
        return str(why)
    if al._overlap(ra.interval, rb.interval):
        return "hedges judged compatible"
    if (
        al._days_apart(days.get(ra.q.cite.article), days.get(rb.q.cite.article))
        > al.SAME_EVENT_DAYS
    ):
        return "reports days apart"
    small, large = (ra, rb) if ra.anchor < rb.anchor else (rb, ra)
    if ra.frame.frame in al.TOLL_FRAMES and not al._same_count(small, large):
        return "toll counts another noun"
    day_s, day_l = days.get(small.q.cite.article), days.get(large.q.cite.article)
    if ra.frame.frame in al.TOLL_FRAMES and (
        large.frame.update or (day_s and day_l and day_l > day_s)
    ):
        return "taken as an update"
    if events.apart(ra.root, rb.root, ra.frame.frame):
        return "two events (other figures disagree)"
    if al._noun_framed(ra, rb) and not events.together(ra.root, rb.root, None):
        return "no other figure ties the two reports"
    if al._implied(ra.q) or al._implied(rb.q):
        return "implied count"
    if al._incomparable(ra, rb, sim(ra.sentence_text, rb.sentence_text)):
        return "sentences not alike"
    return "compared, then dropped (sides, two events, an update)"


def _fmt_reading(r: Any) -> str:
    f = r.frame
    lo, hi = r.interval
    return (
        f"{r.q.text!r} frame={f.frame} frames={sorted(f.frames)} noun={r.measure} "
        f"subject={r.q.subject!r} entity={r.q.subject_entity} [{lo:g}, {hi:g}]"
    )


def diagnose_facts(
    inputs: list[tuple[list[Any], list[Any]]], misses: list[Any], mp: Mapper
) -> None:
    """Per missed fact (``--diagnose``), the quantities read at each reporting article's
    mention and, for a figure left out of the best claim, why it was not one fact with a
    figure of that claim (``_same_fact``'s tests, in order)."""
    from storyline.stages.analysis import align as al

    found: dict[str, list[tuple[Any, Span, Any, Any]]] = defaultdict(list)
    for arts, facts in inputs:
        roots = al.source_roots(arts)
        days = al._article_days(arts, {f.article_id: f for f in facts})
        readings = al._readings(facts, {a.id: a.text for a in arts}, roots)
        sim = al._Similarity([r.sentence_text for r in readings])
        for r in readings:
            c = r.q.cite
            sp = mp.span({"article": c.article, "start": c.start, "end": c.end})
            if sp is not None:
                found[sp[0]].append((r, sp, sim, days))
    print("-- missed facts: the figures at each mention (--diagnose)")
    for fact, _best, _n, _ns, _bc, left in misses:
        spans = [(m["doc"], m["start"], m["end"]) for m in fact["mentions"]]
        at = {s: [f for f in found[s[0]] if overlaps(f[1], s)] for s in spans}
        if not any(at.values()):
            continue
        print(f"  {fact['id']} ({fact['description'][:60]})")
        inside = [f for s in spans if s[0] not in left for f in at[s]]
        for s in spans:
            mark = "left out" if s[0] in left else "in claim"
            rows = at[s] or [None]
            for f in rows:
                if f is None:
                    print(f"     {s[0]} {mark}: no quantity read")
                    continue
                r = f[0]
                print(f"     {s[0]} {mark}: key={r.key} {_fmt_reading(r)}")
                if s[0] in left and inside:  # against a figure of the claim, one of its noun first
                    near = [f for f in inside if f[0].measure == r.measure] or inside
                    print(f"        vs {near[0][0].q.text!r}: {_fact_split(r, near[0])}")


def why_facts(
    inputs: list[tuple[list[Any], list[Any]]], misses: list[Any], mp: Mapper,
    claims: list[tuple[dict[str, Any], list[Span]]], docs: dict[str, dict[str, Any]],
    meaning: Any,
) -> None:  # fmt: skip
    """Per labelled fact not aligned (``--why-facts``): for each reporting article, the claims
    that cover its mention; for each article left out of the best claim, its candidate
    clauses at the mention against those of the articles in it, with the cosines and the
    first check of ``statements._shared`` / ``_alike`` that kept them apart."""
    from storyline.models import source_roots
    from storyline.stages.analysis import align as al
    from storyline.stages.analysis.statements import candidate_clauses, explain_pairs

    print("-- missed facts: claims at each mention and why they did not join (--why-facts)")
    for fact, best, n, _ns, _bc, left in misses:
        spans = [(m["doc"], m["start"], m["end"]) for m in fact["mentions"]]
        print(f"  {fact['id']} ({fact['description'][:70]}): best {best}/{n}")
        for sp in spans:
            mark = "LEFT OUT" if sp[0] in left else "in best"
            got = [
                f"[{cl['slot'][:14]}] {cl['value'][:50]!r} ({len({x[0] for x in csp})} docs)"
                for cl, csp in claims
                if covers(csp, sp)
            ]
            print(f"     {sp[0]} {mark}: {fmt_span(docs, sp, 90)}")
            for g in got[:3]:
                print(f"        claim {g}")
        stories = {mp.story_of.get(sp[0], -1) for sp in spans}
        if len(stories) > 1 or -1 in stories:
            print(f"     (mentions in {len(stories)} stories)")
            continue
        arts, facts = inputs[stories.pop()]
        roots = source_roots(arts)
        clauses = candidate_clauses(arts, roots)
        at: dict[Span, list[int]] = {sp: [] for sp in spans}
        for k, (aid, s, e) in enumerate(clauses):
            csp = mp.span({"article": aid, "start": s, "end": e})
            for sp in spans:
                if csp is not None and overlaps(csp, sp):
                    at[sp].append(k)
        persons = al.person_words(facts)
        texts = {a.id: a.text for a in arts}
        inside = [k for sp in spans if sp[0] not in left for k in at[sp]]
        for sp in spans:
            if sp[0] not in left:
                continue
            if not at[sp]:
                print(f"     {sp[0]}: no candidate clause at the mention")
                continue
            pairs = [(k, j) for k in at[sp] for j in inside][:6]
            for (k, j), why in zip(
                pairs, explain_pairs(arts, roots, pairs, persons, meaning), strict=True
            ):
                ka, kb = clauses[k], clauses[j]
                print(f"     {sp[0]} vs {mp.doc.get(kb[0], '?')}: {why}")
                print(f"        a: {texts[ka[0]][ka[1] : ka[2]][:150]!r}")
                print(f"        b: {texts[kb[0]][kb[1] : kb[2]][:150]!r}")


def _fact_split(r: Any, other: tuple[Any, Span, Any, Any]) -> str:
    """Why two figures are not one fact (``align._same_fact``'s tests, in order)."""
    from storyline.stages.analysis import align as al

    o, sim, days = other[0], other[2], other[3]
    if r.key.split("|")[1] != o.key.split("|")[1]:
        return "another unit"
    if not al._same_value(r, o):
        return "another value"
    if al._people_and_things(r, o):
        return "people vs things"
    if al._same_fact(r, o, sim, days):
        return "one fact (the split is elsewhere: another bucket, or not linked)"
    fa, fb = r.frame.frame, o.frame.frame
    if not (fa is not None and fa == fb) and not al._noun_fact(r, o) and r.key != o.key:
        return f"another thing counted (frames {fa}/{fb}, nouns {r.measure}/{o.measure})"
    return "other event (days, or subjects that are two entities)"


def diagnose(
    inputs: list[tuple[list[Any], list[Any]]], conflicts: list[dict[str, Any]],
    reported: list[Any], shown: list[Any], mp: Mapper, docs: dict[str, dict[str, Any]],
) -> None:  # fmt: skip
    """Per labelled numeric disagreement, where it was lost: a side's figure not read as a
    quantity, told apart by frame, noun, place or time, judged compatible by its hedges,
    taken as an update, not compared for unlike sentences, or below the shown threshold."""
    from storyline.stages.analysis import align as al

    figures: dict[str, list[tuple[Any, Span, Any, Any, Any, Any]]] = defaultdict(list)
    for arts, facts in inputs:
        roots = al.source_roots(arts)
        by_id = {f.article_id: f for f in facts}
        days = al._article_days(arts, by_id)
        readings = al._readings(facts, {a.id: a.text for a in arts}, roots)
        sim = al._Similarity([r.sentence_text for r in readings])
        events = al._Events(readings)
        for r in readings:
            c = r.q.cite
            sp = mp.span({"article": c.article, "start": c.start, "end": c.end})
            if sp is not None:
                figures[sp[0]].append((r, sp, sim, days, events, None))
    tally: dict[str, int] = defaultdict(int)
    rows: list[tuple[str, str, str]] = []
    for lab in conflicts:
        a, b = lab["sides"]
        if not all(isinstance(x["value"], (int, float)) and x.get("quantity") for x in (a, b)):
            continue
        ra_all = [f for f in figures[a["doc"]] if overlaps(f[1], side_span(a))]
        rb_all = [f for f in figures[b["doc"]] if overlaps(f[1], side_span(b))]
        if pair_hit_any(shown, a, b):
            reason, detail = "shown", ""
        elif pair_hit_any(reported, a, b):
            reason, detail = "below the confidence threshold", ""
        elif not ra_all or not rb_all:
            reason = "quantity not found"
            detail = (
                "side "
                + ("a" if not ra_all else "b")
                + " "
                + fmt_span(docs, side_span(a if not ra_all else b), 80)
            )
        else:
            best = (-1, "", "")
            for fa in ra_all:
                for fb in rb_all:
                    if fa[2] is not fb[2]:
                        continue  # two stories
                    why = _pair_reason(al, fa[0], fb[0], fa[2], fa[3], fa[4])
                    stage = _STAGES.get(why.split(" (")[0], 1)
                    if stage > best[0]:
                        s = fa[2](fa[0].sentence_text, fb[0].sentence_text)
                        pair = f"{_fmt_reading(fa[0])} | {_fmt_reading(fb[0])} sim={s:.2f}"
                        best = (stage, why, pair)
            reason, detail = (best[1], best[2]) if best[0] >= 0 else ("two stories", "")
            if best[0] == _STAGES["compared, then dropped (sides, two events, an update)"]:
                near = [
                    f"{c['topic']!r}: "
                    + " | ".join(
                        f"{sd['claim']} {sorted({sp[0] for sp in spans})}"
                        for sd, spans in zip(c["sides"], sides, strict=True)
                    )
                    for _i, c, sides in reported
                    if any(covers(sp, side_span(a)) or covers(sp, side_span(b)) for sp in sides)
                ]
                detail += "".join(f"\n      reported: {n}" for n in near)
        tally[reason] += 1
        rows.append((lab["group"], reason, detail))
    print(f"\n-- diagnostics: {len(rows)} labelled numeric disagreements, where each was lost")
    for reason, n in sorted(
        tally.items(), key=lambda kv: (-_STAGES.get(kv[0].split(" (")[0], 0), kv[0])
    ):
        print(f"  {n:3d}  {reason}")
    for group, reason, detail in rows:
        print(f"  {group}: {reason}" + (f"\n      {detail}" if detail else ""))


def pair_hit_any(items: list[Any], a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(pair_hit(sides, side_span(a), side_span(b)) for _i, _c, sides in items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--embedder", choices=["tfidf", "model2vec", "minilm"], default="minilm")
    ap.add_argument("--extractor", choices=["rules", "spacy"], default="spacy")
    ap.add_argument("--show", type=int, default=8, help="examples of each error kind to print")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument(
        "--db", help="keep the store in this file; an existing one is reused (no ingest)"
    )
    ap.add_argument(
        "--why", action="store_true",
        help="for each missed non-numeric disagreement, the slot readings at its two sides",
    )  # fmt: skip
    ap.add_argument("--reports", help="also write every story's report JSON (a list) here")
    ap.add_argument(
        "--cost",
        action="store_true",
        help="also time every report by words only and with kept sentence vectors (ratios)",
    )
    ap.add_argument(
        "--subjects",
        action="store_true",
        help="print every labelled numeric span whose subject is wrong, missing or not found",
    )
    ap.add_argument(
        "--labelled-only",
        action="store_true",
        help="ingest only the documents that hold a label (fast; for the quantity subjects)",
    )
    ap.add_argument(
        "--why-facts", action="store_true",
        help="print, per labelled fact not aligned, each reporting article's claims and why "
        "its clauses did not join the best claim's (their texts: on screen only)",
    )  # fmt: skip
    ap.add_argument(
        "--diagnose", action="store_true",
        help="print, per labelled numeric disagreement, where the engine lost it",
    )  # fmt: skip
    args = ap.parse_args()
    out = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

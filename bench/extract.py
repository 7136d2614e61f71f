"""Extraction benchmark: quotes and speakers against the gold set, plus throughput.

Usage::

    .venv/bin/python bench/extract.py [--gold bench/data/quotes/gold.jsonl] [--no-textacy]
    .venv/bin/python bench/extract.py --polnear PATH [--split dev|train] [--polarity]
    .venv/bin/python bench/extract.py --polnear PATH --split train --every 4 [--offset I] --errors N

``--errors N`` prints, to the terminal only, up to N unmatched gold quotes, false quotes,
wrong noun and pronoun speakers (each quote in its context) and quotes with no speaker;
``--every K --offset I`` takes every K-th article from the I-th (another sample of the split);
``--indirect-errors N`` classes the spaCy run's unmatched unquoted contents (``cut``: an
indirect prediction overlaps at IoU < 0.5; ``quote``: only a quote does; ``none``), counts
their cues and prints N of them in context (terminal only).

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

PolNeAR (issue 17), ``--polnear PATH [--split dev|train]``: attribution on manually annotated
US election news (networkdynamics/PolNeAR, brat standoff: source, cue, content per
attribution, one annotator's file per article, the first in name order; an attribution's
second content, brat role ``Content2``, is a gold item of its own with the same source and cue). The copyrighted texts
are read from PATH at run time; the **test split is refused**. Articles are built as
``Article(text=raw file text)`` so the annotation offsets hold. Systems run ``extract_many``
(spaCy, then rules; the model loads before the clock) and textacy on its own spaCy parse.

- direct quotes: the gold items are the quoted segments of gold contents (between a pair of
  quote marks, “…”, "…" or the NYT's ''…'', see ``quoted_segments``: a quote nested in a
  quotation stays inside it, a mark reopening a paragraph does not close it; a content's brat
  fragments only whitespace or punctuation apart are joined first, ``joined_fragments``: brat
  splits one content at sentence and line breaks); predictions are direct + partial quotes; both are cut into
  quoted paragraphs where a new paragraph reopens the mark (``paragraph_units``); one-to-one
  matching by IoU >= 0.5 of edge-trimmed spans as above. P = matched / predicted,
  R = matched / gold.
- speakers, on matched pairs whose attribution has a source: right when a head word of the
  reference (``head_words``: CoreNLP basic-dependency head of the span, or the last word of its
  first chunk) is among the predicted speaker's or role's words (sixteenth session,
  ``SCORING["name_forms"]``: a name's suffix, "Jr.", is no head, the surname counts; an
  acronym head, "the DNC", matches the initials of a predicted speaker in capitalised words,
  "Democratic National Committee", and a predicted acronym a reference in capitalised words;
  the details line counts the noun pairs these forms alone accept). Noun sources: the reference is the source, or for a source with no proper noun
  ("the judge") also CoreNLP's antecedent of it. Pronoun sources: the reference is the
  nearest earlier gold source that is not a pronoun, or any mention that is not a pronoun
  in CoreNLP's chain holding the source (``spkPron``; ``chain_ok``) and, second, CoreNLP's
  dcoref antecedent (``CoreNLP``); the details line counts where the two heads disagree. A
  relative pronoun source ("who", "that") has one reference for both: the noun its clause
  modifies in CoreNLP's parse (``relative_antecedent``; "Jane Roe, who said" -> Roe). A
  CoreNLP antecedent that is a description ("the actress") also accepts a proper-noun
  mention of its chain (``coref_ok``).
- indirect: gold contents with no quote mark vs predicted ``indirect`` quotes, IoU >= 0.5
  (content without a leading "that"); ``indR-sp`` is the recall on those whose cue holds a
  speech verb (``SPEECH_CUES``); ``indP``: predicted indirect quotes overlapping any gold
  content at IoU >= 0.5.
- lenient quote scores (details line): R = gold segments >= 90% inside some predicted quote
  (PolNeAR often annotates only some sentences of a long quote as attributions), P =
  predicted quotes >= 50% inside gold contents.
- a gold source that is only a verb of speech (``SPEECH_CUES``: the annotator marked the cue
  as the source, "said") counts as no source: there is no one to score the speaker against.
- ``noSpk``: predicted direct + partial quotes with no speaker, and their share.
- indirect speakers (the ``indirect speakers`` line under the table): on the matched pairs
  of unquoted gold contents and predicted ``indirect`` quotes (the current matcher's pairs,
  then the fair matcher's, ``fair_match``, for a gold and a prediction both left unmatched),
  the speaker scored as the direct quotes' columns are: ``iSpkNoun`` against a noun source
  (``noun_source_ok``), ``iSpkPron`` against a pronoun source (the ``spkPron`` reference:
  the nearest earlier gold non-pronoun source or a mention of the source's CoreNLP chain,
  ``chain_ok``; a relative pronoun's noun, ``relative_antecedent``); a gold source that is
  missing or only a speech verb is not scored. ``iWrong``: matched pairs scored whose
  prediction names a speaker that fails the reference (a wrong name, the error precision
  cares about), over the pairs scored; the rest of the misses name no one. ``iNoSpk``:
  emitted indirect quotes with no speaker, and their share of the emitted ones.
- pronoun speakers against a reference labelled by reading (``spkPron-read`` next to
  ``spkPron``, ``iSpkPron-read`` next to ``iSpkPron``), when the sample has a file in
  ``bench/data/polnear_pronouns/`` (``dev.jsonl``; ``train-q0of4.jsonl`` for ``--every 4
  --offset 0``; see its README and ``bench/polnear_pronouns.py``): the antecedent of each
  pronoun source read in the article, blind to the system. Same matched pairs as
  ``spkPron``/``iSpkPron``; right when a head word of the labelled span is among the
  predicted speaker's or role's words (``nominal_ok``, ``read_ok``). A source labelled
  ``null`` (generic "you", the unnamed writer) or not labelled is not scored, and counted.
  The details line (``read_details``) gives right/scored, wrong names, the nulls, and how
  often the read and heuristic verdicts differ (each way) and the two references' heads
  share no word. Without a file the columns print ``-``.
- ``art/s``: articles / wall seconds of the system's run over the split.

Polarity, ``--polarity [--polnear PATH]``: see ``bench/data/polarity/README.md``.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import re
import resource
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
    role: str | None = None


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
        for gi, pi, v in one_to_one(pairs):
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


# -- PolNeAR attribution benchmark (issue 17) ---------------------------------------------------

POLNEAR_SPLITS = ("train", "dev")
OPEN_MARKS = "“«"
CLOSE_MARKS = "”»"
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "me",
        "his",
        "its",
        "their",
        "our",
        "my",
        "your",
        "who",
        "which",
        "that",
    ]
)
SPEECH_CUES = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "according",
        "add",
        "adds",
        "added",
        "note",
        "notes",
        "noted",
        "claim",
        "claims",
        "claimed",
        "argue",
        "argues",
        "argued",
        "warn",
        "warns",
        "warned",
        "state",
        "states",
        "stated",
        "announce",
        "announced",
        "explain",
        "explained",
        "insist",
        "insisted",
        "write",
        "wrote",
        "tweet",
        "tweeted",
        "tweets",
        "ask",
        "asked",
        "asks",
        "acknowledge",
        "acknowledged",
        "suggest",
        "suggested",
        "report",
        "reported",
        "reports",
    ]
)
_HEAD_CUT = re.compile(r",|\(|\s(?:who|which|of|for|from|at|with|in|on|to|and)\s", re.I)


@dataclass
class PnAttr:
    """One gold attribution of a PolNeAR article: character spans of source, cue and content."""

    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


@dataclass
class PnDoc:
    name: str
    text: str
    attrs: list[PnAttr]
    nlp: CoreNlp
    has_corenlp: bool


@dataclass
class PnQuote:
    """A gold quoted segment: the characters between a pair of quote marks in a content span."""

    doc: str
    span: tuple[int, int]
    attr: PnAttr
    kind: str  # direct (the whole content is quoted) | partial


def polnear_split_dir(path: str, split: str) -> Path:
    """The directory of ``split`` under a PolNeAR checkout; the test split is refused."""
    if split not in POLNEAR_SPLITS:
        raise SystemExit(f"PolNeAR split {split!r} refused: only {POLNEAR_SPLITS} are read")
    root = Path(path)
    for cand in (root / "data" / split, root / split):
        if cand.is_dir():
            if cand.resolve().name == "test":
                raise SystemExit("the PolNeAR test split is never read")
            return cand
    raise SystemExit(f"no PolNeAR {split} split under {path} (expected data/{split}/text)")


def _brat_spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_brat(ann: str) -> list[PnAttr]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _brat_spans(where))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            rels.append(roles)
    out = []
    for roles in rels:

        def get(role: str, roles: dict[str, str] = roles) -> list[tuple[int, int]]:
            tid = roles.get(role)
            return sorted(spans[tid][1]) if tid in spans else []

        # "Content2" (PolNeAR's only numbered role) is a second content of one attribution
        # ("“…,” said Roe. “…”"): its own gold item with the same source and cue
        for role in sorted(r for r in roles if r.startswith("Content")):
            if get(role):
                out.append(PnAttr(get("Source"), get("Cue"), get(role)))
    return out


@dataclass
class CoreNlp:
    """What the benchmark reads of a PolNeAR CoreNLP file.

    ``tokens``: (start, end, POS, head) per token in text order, ``head`` being the index in
    ``tokens`` of its basic-dependency governor (-1 for the root); ``chains``: coreference
    chains of mentions (start, end, index of the head token, representative).
    """

    tokens: list[tuple[int, int, str, int]] = field(default_factory=list)
    chains: list[list[tuple[int, int, int, bool]]] = field(default_factory=list)


def read_corenlp(xml_text: str) -> CoreNlp:
    import xml.etree.ElementTree as ET

    out = CoreNlp()
    doc = ET.fromstring(xml_text).find("document")
    if doc is None:
        return out
    at: dict[tuple[int, int], int] = {}  # (sentence id, token id) -> index in out.tokens
    govs: dict[int, tuple[int, int]] = {}
    sents = doc.find("sentences")
    for sent in sents if sents is not None else []:
        sid = int(sent.get("id", "0"))
        for tok in sent.find("tokens") or []:
            at[(sid, int(tok.get("id", "0")))] = len(out.tokens)
            b, e = tok.findtext("CharacterOffsetBegin"), tok.findtext("CharacterOffsetEnd")
            out.tokens.append((int(b or 0), int(e or 0), tok.findtext("POS") or "", -1))
        for deps in sent.findall("dependencies"):
            if deps.get("type") != "basic-dependencies":
                continue
            for dep in deps:
                g, d = dep.find("governor"), dep.find("dependent")
                if g is not None and d is not None and (sid, int(d.get("idx", "0"))) in at:
                    govs[at[(sid, int(d.get("idx", "0")))]] = (sid, int(g.get("idx", "0")))
    for i, (sid, gidx) in govs.items():
        a, z, pos, _ = out.tokens[i]
        out.tokens[i] = (a, z, pos, at.get((sid, gidx), -1))
    top = doc.find("coreference")
    for chain in top if top is not None else []:
        ms = []
        for m in chain.findall("mention"):
            s_, a_, z_, h_ = (int(m.findtext(k) or 0) for k in ("sentence", "start", "end", "head"))
            if (s_, a_) in at and (s_, z_ - 1) in at and (s_, h_) in at:
                ms.append(
                    (
                        out.tokens[at[(s_, a_)]][0],
                        out.tokens[at[(s_, z_ - 1)]][1],
                        at[(s_, h_)],
                        m.get("representative") == "true",
                    )
                )
        if ms:
            out.chains.append(sorted(ms))
    return out


def load_polnear(split_dir: Path, limit: int = 0, every: int = 1, offset: int = 0) -> list[PnDoc]:
    """The split's annotated articles in name order: every ``every``-th from the
    ``offset``-th (another sample of the same size), the first ``limit``."""
    docs = []
    anns: dict[str, Path] = {}
    for p in sorted((split_dir / "attributions").glob("*.ann")):
        # one file per annotator (``NAME_ANNOTATOR.ann``); the first annotator in name order
        anns.setdefault(p.stem.rsplit("_", 1)[0], p)
    for tp in sorted((split_dir / "text").glob("*.txt"))[offset :: max(every, 1)]:
        name = tp.stem
        if name not in anns:
            continue
        if limit and len(docs) >= limit:
            break
        xml = split_dir / "corenlp" / f"{name}.txt.xml"
        docs.append(
            PnDoc(
                name,
                tp.read_text(encoding="utf-8"),
                read_brat(anns[name].read_text(encoding="utf-8")),
                read_corenlp(xml.read_text(encoding="utf-8")) if xml.is_file() else CoreNlp(),
                xml.is_file(),
            )
        )
    return docs


def quoted_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between quote marks inside ``text[start:end]``.

    Curly marks pair “…”; a straight ``"`` and the New York Times' doubled apostrophe ``''``
    toggle. A mark met while a quote is open may reopen it at a new paragraph or open a
    nested quote inside it (``_inner_mark``); both stay inside the span. A closing mark with nothing open means
    the piece starts inside a quote: the span starts at ``start``; so does a straight mark
    shaped as a closing one (after a word, before a space) when nothing is open yet, as when
    the annotation leaves the opening mark out or starts inside a ``''`` mark. A closing
    curly mark with no word before it in the piece is a misprinted opening one (``”Sorry``).
    A quote still open at ``end`` runs to ``end``.
    """
    segs: list[tuple[int, int]] = []
    open_at: int | None = None
    depth = 0  # quotes nested inside the open one (``_inner_mark``)
    i = start
    while i < end:
        ch = text[i]
        width = 2 if text.startswith("''", i) and i + 2 <= end else 1
        toggle = ch == '"' or width == 2
        if open_at is not None and (toggle or ch in OPEN_MARKS + CLOSE_MARKS):
            inner = _inner_mark(text, i, width, depth)
            if inner is not None:
                depth += inner
                i += width
                continue
        wordless = not any(c.isalnum() for c in text[start:i])
        closes = ch in CLOSE_MARKS and not (open_at is None and wordless)
        closes = closes or (open_at is not None and _typed_for_closing(text, i))
        if toggle and open_at is None and not segs and not wordless:
            after = text[i + width : i + width + 1]
            # closes a quote whose opening mark the piece leaves out
            closes = not text[i - 1].isspace() and (not after or after.isspace())
        if not closes and (ch in OPEN_MARKS + CLOSE_MARKS or (toggle and open_at is None)):
            if open_at is None:
                open_at = i + width
        elif closes or toggle:
            if open_at is not None:
                segs.append((open_at, i))
                open_at = None
            elif not segs:
                segs.append((start, i))
        i += width
    if open_at is not None:
        segs.append((open_at, end))
    return [(a, b) for a, b in segs if text[a:b].strip(_EDGE)]


def _line_start_at(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _typed_for_closing(text: str, i: int) -> bool:
    """A curly opening mark after a word and before a space or punctuation is a closing mark
    typed wrong ("the film “Tides“ and …")."""
    after = text[i + 1 : i + 2]
    return (
        text[i] in OPEN_MARKS
        and not text[i - 1 : i].isspace()
        and (not after or after.isspace() or after in ".,;:!?)")
    )


def _inner_mark(text: str, i: int, width: int, depth: int) -> int | None:
    """What a quote mark met while a quote is open does: ``0`` reopens the open quote (a
    mark at a line start before a word: news style reopens a quote at each paragraph, and a
    straight mark there is no closing one), ``1`` opens a quote nested inside it, ``-1``
    closes the nested one, ``None`` is the open quote's own closing mark.

    A curly opening mark mid-line, or a straight one shaped as an opening (a space before, a
    word after), opens a nested quote ("…care even when “your team” needs…", "he says, "I'd
    like…," you know…"): the quotation around it goes on after it closes. Scored as a plain
    toggle, the nested quote's closing mark ended the quotation and its rest was lost.
    """
    toggle = text[i] == '"' or width == 2
    after = text[i + width : i + width + 1]
    opening_shape = bool(after) and not after.isspace()
    if _line_start_at(text, i) and opening_shape:
        return 0
    if _typed_for_closing(text, i):
        return -1 if depth else None
    if text[i] in OPEN_MARKS or (toggle and text[i - 1 : i].isspace() and opening_shape):
        return 1
    return -1 if depth else None


def has_quote_mark(text: str, spans: list[tuple[int, int]]) -> bool:
    return any(
        ch in OPEN_MARKS + CLOSE_MARKS + '"' or text.startswith("''", i)
        for a, b in spans
        for i, ch in enumerate(text[a:b], start=a)
    )


def joined_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content's brat fragments with the ones only whitespace apart joined.

    brat stores a content running over several sentences or lines as fragments split at
    those boundaries (``392 484;485 565``): one attribution, one quotation. Scored fragment by
    fragment, a quote of three sentences counted as three gold quotes of which a predicted
    quote could match one. Fragments separated by words (an interrupting "he said") stay apart;
    a gap of punctuation only (the sentence's full stop left out of the first fragment, as in
    ``…exists`` ``. We can…``) joins too.
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and not any(c.isalnum() for c in text[out[-1][1] : a]):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def gold_quotes(doc: PnDoc) -> list[PnQuote]:
    out = []
    for at in doc.attrs:
        body = sum(len(doc.text[slice(*trim(doc.text, a, b))]) for a, b in at.content)
        for a, b in joined_fragments(doc.text, at.content):
            for seg in quoted_segments(doc.text, a, b):
                t = trim(doc.text, *seg)
                kind = "direct" if (t[1] - t[0]) >= 0.9 * body else "partial"
                out.extend(PnQuote(doc.name, u, at, kind) for u in paragraph_units(doc.text, seg))
    return out


# A new paragraph or line that reopens the quote: news style for a quote over paragraphs.
_REOPEN = re.compile(r"\n[ \t\n]*(?=[“«\"]|'')")


def paragraph_units(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A quoted span cut where a new paragraph reopens the quote mark.

    The unit of quote scoring is the quoted paragraph: PolNeAR annotates attributions, and
    whether a quote running over paragraphs is one attribution (one content) or one per
    paragraph (each with its own cue, "he continued") is the annotator's choice, made both
    ways in the corpus; storyline emits one quote per multi-paragraph quote. Cutting gold and
    predicted spans alike makes the score independent of that grouping.
    """
    a, b = span
    out = []
    for m in _REOPEN.finditer(text, a, b):
        if text[a : m.start()].strip(_EDGE):
            out.append((a, m.start()))
        a = m.end()
    if text[a:b].strip(_EDGE):
        out.append((a, b))
    return out or [span]


def span_text(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in spans)


def is_pronoun(source: str) -> bool:
    """A pronoun (also possessive or relative), or a span with no word at all ("’s")."""
    return " ".join(fold_name(source)) in PRONOUNS | {""}


def head_word(doc: PnDoc, span: tuple[int, int]) -> str | None:
    """The head word of a span: its first token whose basic-dependency governor lies outside
    the span (CoreNLP's parse); without a parse, the last word before a comma, relative
    clause or preposition ("a spokesman for X" -> spokesman)."""
    inside = [i for i, t in enumerate(doc.nlp.tokens) if t[0] < span[1] and span[0] < t[1]]
    ids = set(inside)
    for i in inside:
        if doc.nlp.tokens[i][3] not in ids:
            words = fold_name(doc.text[doc.nlp.tokens[i][0] : doc.nlp.tokens[i][1]])
            if words:
                return words[-1]
    words = fold_name(_HEAD_CUT.split(doc.text[span[0] : span[1]], maxsplit=1)[0])
    return words[-1] if words else None


def coref_antecedent(doc: PnDoc, span: tuple[int, int]) -> tuple[int, int] | None:
    """CoreNLP's antecedent of a mention (dcoref chains): in the chain holding the mention,
    the nearest earlier mention headed by a proper noun, else the nearest earlier mention that
    is not a pronoun, else the chain's representative if it is not a pronoun; ``None`` when
    no chain holds the mention or it has no such mention."""
    for chain in doc.nlp.chains:
        if not any(a <= span[0] < b for a, b, _, _ in chain):
            continue
        named = [(a, b, h, r) for a, b, h, r in chain if not is_pronoun(doc.text[a:b])]
        before = [m for m in named if m[0] < span[0]]
        proper = [m for m in before if doc.nlp.tokens[m[2]][2].startswith("NNP")]
        for pick in (proper, before, [m for m in named if m[3]]):
            if pick:
                m = pick[-1]
                return (m[0], m[1])
        return None
    return None


RELATIVE_PRONOUNS = frozenset(("who", "whom", "which", "that"))


def relative_antecedent(doc: PnDoc, span: tuple[int, int]) -> tuple[int, int] | None:
    """The noun a relative pronoun source stands for ("Jane Roe, who said …" -> Roe): in
    CoreNLP's basic dependencies, the pronoun's verb hangs on that noun (``acl:relcl``),
    through conjoined verbs ("the Roe who says …, who adds …"); ``None`` without a parse or a
    noun within four steps."""
    toks = doc.nlp.tokens
    inside = [i for i, t in enumerate(toks) if t[0] < span[1] and span[0] < t[1]]
    if len(inside) != 1:
        return None
    g = toks[inside[0]][3]
    for _ in range(4):
        if g < 0:
            return None
        if toks[g][2].startswith(("NN", "PRP")):
            return (toks[g][0], toks[g][1])
        g = toks[g][3]
    return None


def pronoun_references(
    doc: PnDoc, span: tuple[int, int]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The two references of a pronoun source: CoreNLP's antecedent and the nearest earlier
    gold source that is not a pronoun; for a relative pronoun ("who", "that") both are the
    noun its clause modifies (``relative_antecedent``), as neither chains nor earlier
    sources know what a relative pronoun refers to."""
    if " ".join(fold_name(doc.text[span[0] : span[1]])) in RELATIVE_PRONOUNS:
        rel = relative_antecedent(doc, span)
        if rel is not None:
            return rel, rel
    return coref_antecedent(doc, span), last_gold_source(doc, span[0])


def chain_names(doc: PnDoc, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The mentions headed by a proper noun in the CoreNLP chain holding ``span``, anywhere
    in the article (a chain whose earlier mentions are descriptions, "the actress … she
    said", names its entity only later)."""
    for chain in doc.nlp.chains:
        if any(a <= span[0] < b for a, b, _, _ in chain):
            return [(a, b) for a, b, h, _ in chain if doc.nlp.tokens[h][2].startswith("NNP")]
    return []


def coref_ok(doc: PnDoc, ref: tuple[int, int] | None, pred: Pred) -> bool:
    """The speaker matches CoreNLP's antecedent ``ref`` or, when that antecedent is a
    description ("the actress"), a proper-noun mention of the same chain."""
    if ref is None:
        return False
    if speaker_ok(doc, ref, pred):
        return True
    if any(t[2].startswith("NNP") for t in doc.nlp.tokens if t[0] < ref[1] and ref[0] < t[1]):
        return False
    return any(speaker_ok(doc, m, pred) for m in chain_names(doc, ref))


def chain_ok(doc: PnDoc, span: tuple[int, int], pred: Pred) -> bool:
    """The speaker names a mention that is not a pronoun in the CoreNLP chain holding the
    pronoun source ``span`` (a coreferent mention: "Then there's Axelrod. “…,” he wrote"
    where the nearest earlier gold source is someone else)."""
    for chain in doc.nlp.chains:
        if any(a <= span[0] < b for a, b, _, _ in chain):
            return any(
                speaker_ok(doc, (a, b), pred)
                for a, b, _, _ in chain
                if not is_pronoun(doc.text[a:b]) and not a <= span[0] < b
            )
    return False


def last_gold_source(doc: PnDoc, before: int) -> tuple[int, int] | None:
    """The nearest earlier gold source (of any attribution) that is not a pronoun."""
    best: tuple[int, int] | None = None
    for at in doc.attrs:
        if not at.source or at.source[0][0] >= before:
            continue
        if not is_pronoun(span_text(doc.text, at.source)) and (
            best is None or at.source[0][0] > best[0]
        ):
            best = at.source[0]
    return best


# -- the read reference for pronoun speakers (``bench/polnear_pronouns.py``) --------------------

READ_DATA = REPO / "bench" / "data" / "polnear_pronouns"


def read_tag(split: str, every: int = 1, offset: int = 0) -> str:
    """The file name (without ``.jsonl``) of a sample's read labels: ``dev``, ``train-q0of4``."""
    return split if every <= 1 and offset == 0 else f"{split}-q{offset}of{every}"


@dataclass
class ReadRef:
    """One pronoun source labelled by reading: its antecedent's span, or ``None`` and the
    reason ("generic you", "the writer (first person with no name)")."""

    doc: str
    source: tuple[int, int]
    ref: tuple[int, int] | None
    reason: str = ""
    kinds: list[str] = field(default_factory=list)


ReadRefs = dict[tuple[str, int, int], ReadRef]


def sha10(text: str) -> str:
    """First 10 hex digits of the SHA-1 of a reference's first ten characters."""
    return hashlib.sha1(text[:10].encode("utf-8")).hexdigest()[:10]


def load_read_refs(path: Path, texts: dict[str, str] | None = None) -> ReadRefs:
    """The labels of ``path`` keyed by (doc, source start, source end). With ``texts``
    (doc name -> raw text), a reference whose text no longer matches its sha1 stops the run:
    the corpus changed and the offsets cannot be trusted."""
    out: ReadRefs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        src = (int(r["source"][0]), int(r["source"][1]))
        ref = (int(r["ref"][0]), int(r["ref"][1])) if r.get("ref") else None
        if ref is not None and texts is not None and r["doc"] in texts:
            got = sha10(texts[r["doc"]][ref[0] : ref[1]])
            if got != r["sha1"]:
                raise SystemExit(f"{path}: {r['doc']} {ref}: text changed ({got} != {r['sha1']})")
        out[(r["doc"], *src)] = ReadRef(
            r["doc"], src, ref, r.get("reason") or "", list(r.get("kinds", []))
        )
    return out


def read_ok(
    refs: ReadRefs, doc: str, source: tuple[int, int], accept: Callable[[tuple[int, int]], bool]
) -> bool | None:
    """The read reference's verdict on one scored pair: ``accept`` of the labelled
    antecedent's span (the bench's ``nominal_ok``), or ``None`` when the source is not
    labelled or labelled ``null`` (not scored: counted apart)."""
    r = refs.get((doc, *source))
    if r is None or r.ref is None:
        return None
    return accept(r.ref)


_CHUNK_CUT = re.compile(r",|\(|\s(?:who|which|that)\s")
_PREP = re.compile(r"\s(?:of|for|from|at|with|in|on|to)\s")


def head_words(doc: PnDoc, span: tuple[int, int]) -> set[str]:
    """Words accepted as the head of a reference: its dependency head, and the last word of
    its first chunk (before a comma, parenthesis or relative pronoun; "a spokesman for X" ->
    spokesman, "Trump adviser Jason Miller" -> miller); after a common-noun role, also the
    appositive's last word before a preposition ("Carson's manager, Armstrong Williams," ->
    williams; "a pollster, Ann Roe of X University," -> roe)."""
    out = set()
    dep = head_word(doc, span)
    if dep:
        out.add(dep)
    parts = _CHUNK_CUT.split(doc.text[span[0] : span[1]])
    first = parts[0]
    pre = _PREP.split(first, maxsplit=1)[0]
    pre_words = pre.split()
    if pre != first and pre_words and pre_words[-1][:1].islower():
        first = pre
    words = fold_name(first)
    if SCORING["name_forms"] and words and words[-1] in NAME_SUFFIXES and len(words) > 1:
        # "John Roe Jr." -> roe too: a suffix is no head (the dependency head may be it)
        out.add(words[-2])
    if words:
        out.add(words[-1])
        tail = first.split()[-1:] or [""]
        # (the appositive cut at its preposition too: "Another analyst, Ada Quill of
        # Harwick College," -> quill)
        appos = _PREP.split(parts[1], maxsplit=1)[0] if len(parts) > 1 else ""
        if tail[0][:1].islower() and fold_name(appos):
            out.add(fold_name(appos)[-1])
    return out


def speaker_ok(doc: PnDoc, ref: tuple[int, int] | None, pred: Pred) -> bool:
    """A head word of the reference (``head_words``) is among the predicted speaker's (or
    role's) words: "Christie, New Jersey's governor" ~ "Chris Christie"; "the president" ~
    "Barack Obama" with role "President"; "Trump" is not "Trump campaign manager Corey
    Lewandowski"."""
    if ref is None or not pred.speaker:
        return False
    heads = head_words(doc, ref)
    if heads & (set(fold_name(pred.speaker)) | set(fold_name(pred.role))):
        return True
    return SCORING["name_forms"] and initials_match(heads, doc.text[ref[0] : ref[1]], pred.speaker)


# Name forms a head word cannot match (sixteenth session): a name's suffix ("Jr.", "III") is
# no head, and an acronym is the initials of its expansion ("the DNC" ~ "Democratic National
# Committee", either way round). ``SCORING["name_forms"] = False`` scores as before, to count
# the noun pairs these forms alone accept (the details line's "by name forms").
SCORING = {"name_forms": True}
NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_INITIAL_SKIP = frozenset(("of", "the", "and", "for", "on", "in", "&"))


def initials_match(heads: set[str], ref: str, speaker: str) -> bool:
    """Whether the reference's head word is an acronym of the predicted speaker's words, or
    the predicted speaker is an acronym of the reference's words: capitalised words only,
    "of"/"the"/"and"/"for" left out ("the DNC" ~ "Democratic National Committee"; "NRA" ~ "the
    National Rifle Association"; "a DNC spokesman" has the head "spokesman": no match)."""

    def initials(text: str) -> str:
        words = [
            w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if w.lower() not in _INITIAL_SKIP
        ]
        caps = [w for w in words if w[0].isupper()]
        return "".join(w[0] for w in caps).lower() if len(caps) == len(words) else ""

    own = initials(speaker)
    if len(own) >= 2 and own in heads and _ACRONYM.search(ref):
        return True
    short = speaker.strip().removeprefix("the ").replace(".", "")
    return bool(_ACRONYM.fullmatch(short)) and len(short) >= 2 and initials(ref) == short.lower()


def noun_source_ok(doc: PnDoc, at: PnAttr, pred: Pred) -> bool:
    """A name/noun source: its own head, or, for a source with no proper-noun head ("the
    judge", "his campaign"), the head of CoreNLP's antecedent of it."""
    return nominal_ok(doc, at.source[0], pred)


def nominal_ok(doc: PnDoc, span: tuple[int, int] | None, pred: Pred) -> bool:
    if span is None:
        return False
    if speaker_ok(doc, span, pred):
        return True
    proper = [
        t for t in doc.nlp.tokens if t[0] < span[1] and span[0] < t[1] and t[2].startswith("NNP")
    ]
    return not proper and speaker_ok(doc, coref_antecedent(doc, span), pred)


def one_to_one(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching: candidate ``(score, gold, prediction)`` pairs taken best
    first, each gold and each prediction used once; returns ``(gold, prediction, score)``."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for v, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, v))
    return out


def pn_match(
    text: str, golds: list[tuple[int, int]], preds: list[tuple[int, int]], thr: float = 0.5
) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching by IoU of edge-trimmed spans (as ``score``)."""
    pairs = []
    tp = [trim(text, *p) for p in preds]
    for gi, g in enumerate(golds):
        gs = trim(text, *g)
        for pi, ps in enumerate(tp):
            v = iou(gs, ps)
            if v >= thr:
                pairs.append((v, gi, pi))
    return one_to_one(pairs)


# sentence ends for the fair indirect matcher: ". " (or !?, a closing mark) before a capital
# or an opening mark, not after a title or an initial ("Mr. Roe", "J. Roe"); a line break
_SENT_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGov)(?<!\bGen)(?<!\bLt)(?<!\bJr)(?<!\bSr)(?<!\bNo)(?<!\bvs)"
    r"[.!?][”\"’')\]]*\s+(?=[A-Z“\"‘(\[])|\n\s*"
)


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (``_SENT_END``), for ``fair_content``."""
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


def _alnum(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b) if text[i].isalnum()}


def fair_content(text: str, at: PnAttr, starts: list[int]) -> set[int]:
    """The fair matcher's gold content: the alphanumeric characters of the content's own brat
    fragments (so not its cue or source when they sit inside it: "C, he said, C" or a nested
    attribution's), without a leading "that", inside the sentence that holds the cue (the
    engine reads a reported clause inside its cue's sentence; PolNeAR's content often runs on
    over the next sentences); when no content lies there (a cue ending in a colon, or no cue),
    the sentence holding the content's start."""
    a0 = content_span(text, at)[0]
    frags = [(max(a, a0), b) for a, b in at.content if b > a0]
    chars = _alnum(text, frags)
    if not chars:
        return chars

    def sentence(pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, pos) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)

    if at.cue:
        lo, hi = sentence(at.cue[0][0])
        inside = {i for i in chars if lo <= i < hi}
        if inside:
            return inside
    lo, hi = sentence(min(chars))
    return {i for i in chars if lo <= i < hi}


def fair_match(
    text: str, golds: list[set[int]], holes: list[set[int]], preds: list[set[int]]
) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching of character sets at IoU >= 0.5, a prediction's characters
    less the gold attribution's own cue and source (``holes``) before the comparison."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            q = p - holes[gi]
            inter = len(g & q)
            if inter and inter / len(g | q) >= 0.5:
                pairs.append((inter / len(g | q), gi, pi))
    return one_to_one(pairs)


def content_span(text: str, at: PnAttr) -> tuple[int, int]:
    """A content's extent, without a leading "that" (the existing gold's convention)."""
    a, b = at.content[0][0], at.content[-1][1]
    m = re.match(r"\s*that\s+", text[a:b], re.I)
    return (a + m.end(), b) if m else (a, b)


@dataclass
class PnScore:
    n_docs: int = 0
    gold_q: int = 0
    pred_q: int = 0
    tp_q: int = 0
    exact_q: int = 0
    noun_n: int = 0
    noun_ok: int = 0
    noun_by_forms: int = 0  # noun pairs right only by ``SCORING["name_forms"]`` (suffix, acronym)
    pron_n: int = 0
    pron_ok_coref: int = 0
    pron_ok_last: int = 0
    pron_ok_either: int = 0
    pron_coref_none: int = 0
    pron_disagree: int = 0
    no_source: int = 0
    gold_ind: int = 0
    tp_ind: int = 0
    gold_ind_speech: int = 0
    tp_ind_speech: int = 0
    pred_ind: int = 0
    pred_ind_hit: int = 0
    direct_no_spk: int = 0
    pred_direct: int = 0
    partial_no_spk: int = 0
    pred_partial: int = 0
    seconds: float = 0.0
    cov_r: int = 0
    cov_p: int = 0
    tp_ind_fair: int = 0
    pred_ind_hit_fair: int = 0
    gold_ind_multi: int = 0
    gold_ind_cue_inside: int = 0
    ind_noun_n: int = 0
    ind_noun_ok: int = 0
    ind_noun_wrong: int = 0
    ind_pron_n: int = 0
    ind_pron_ok: int = 0
    ind_pron_wrong: int = 0
    ind_no_source: int = 0
    ind_pred_no_spk: int = 0
    # the read reference (``spkPron-read``, ``iSpkPron-read``; ``bench/polnear_pronouns.py``):
    # scored, right, wrong name, labelled null, unlabelled; verdicts of the heuristic
    # reference right where the read one is not (``heur_only``) and the reverse
    read: bool = False
    pron_read_n: int = 0
    pron_read_ok: int = 0
    pron_read_wrong: int = 0
    pron_read_null: int = 0
    pron_read_unlab: int = 0
    pron_heur_only: int = 0
    pron_read_only: int = 0
    pron_ref_differ: int = 0
    ind_read_n: int = 0
    ind_read_ok: int = 0
    ind_read_wrong: int = 0
    ind_read_null: int = 0
    ind_read_unlab: int = 0
    ind_heur_only: int = 0
    ind_read_only: int = 0
    ind_ref_differ: int = 0


def around(text: str, start: int, end: int, before: int = 160, after: int = 90) -> str:
    """A quote in its context for the terminal (``--errors``): ``before`` characters before
    it, its first and last 40, ``after`` characters after it; breaks shown as ``¶``."""
    q = text[start:end]
    if len(q) > 90:
        q = q[:40] + " … " + q[-40:]
    out = f"{text[max(0, start - before) : start]}[[{q}]]{text[end : end + after]}"
    return re.sub(r"\s*\n\s*", " ¶ ", out)


def _indirect_why(text: str, span: tuple[int, int], at: PnAttr, ps: list[Pred]) -> str:
    """One unmatched unquoted gold content for ``--indirect-errors``, classed: ``cut`` (an
    indirect prediction overlaps it at IoU < 0.5), ``quote`` (only a direct or partial quote
    overlaps it), ``none`` (nothing does); with its cue and source, the best overlapping
    prediction's span and whether the gold content crosses a sentence end."""
    a, b = trim(text, *span)
    over = [(iou((a, b), trim(text, p.start, p.end)), p) for p in ps if p.start < b and a < p.end]
    ind = [(v, p) for v, p in over if p.kind == "indirect"]
    why = "cut" if ind else "quote" if over else "none"
    best = max(ind or over, key=lambda x: x[0], default=None)
    multi = "multi-sentence " if re.search(r"[.!?][”\"']?\s+[A-Z“\"]", text[a:b]) else ""
    line = (
        f"[{why}] {multi}cue {span_text(text, at.cue)!r} src {span_text(text, at.source)!r}\n"
        f"      gold {around(text, a, b, 60, 30)}"
    )
    if best is not None:
        v, p = best
        line += f"\n      pred {p.kind} iou {v:.2f} {p.speaker!r}: {around(text, p.start, p.end, 30, 0)}"
    return line


def score_read(
    doc: PnDoc,
    at: PnAttr,
    p: Pred,
    heur_ok: bool,
    refs: ReadRefs,
    s: PnScore,
    kind: str,
    note: Callable[[str, str], None],
) -> None:
    """Score one pronoun-source pair against the read reference (``read_ok``: a head word
    of the labelled antecedent among the predicted speaker's or role's words, as
    ``nominal_ok``) into the ``pron_read_*`` (``kind`` "pron") or ``ind_read_*`` ("ind")
    counts of ``s``; a ``null`` label or a source left unlabelled is counted, not scored.
    Also counts where the heuristic verdict ``heur_ok`` and the read one differ, and where
    the two references' heads share no word (``pron_ref_differ``)."""
    src = at.source[0]
    r = refs.get((doc.name, *src))
    v = read_ok(refs, doc.name, src, lambda ref: nominal_ok(doc, ref, p))
    if v is None:
        if r is None:
            setattr(s, f"{kind}_read_unlab", getattr(s, f"{kind}_read_unlab") + 1)
        else:
            setattr(s, f"{kind}_read_null", getattr(s, f"{kind}_read_null") + 1)
        return
    assert r is not None and r.ref is not None
    for name, add in (
        ("read_n", 1),
        ("read_ok", v),
        ("read_wrong", not v and bool(p.speaker)),
        ("heur_only", heur_ok and not v),
        ("read_only", v and not heur_ok),
    ):
        setattr(s, f"{kind}_{name}", getattr(s, f"{kind}_{name}") + int(add))
    _, ref_l = pronoun_references(doc, src)
    if not ref_l or not head_words(doc, ref_l) & head_words(doc, r.ref):
        setattr(s, f"{kind}_ref_differ", getattr(s, f"{kind}_ref_differ") + 1)
    if not v:
        ref = doc.text[r.ref[0] : r.ref[1]]
        note(
            f"{'speaker' if kind == 'pron' else 'ind-speaker'}-pronoun-read",
            f"{doc.name} ({p.start},{p.end}): gold {span_text(doc.text, at.source)!r} read "
            f"{ref!r} got {p.speaker!r}/{p.role!r} (heuristic {'ok' if heur_ok else 'no'})\n"
            f"      " + around(doc.text, p.start, p.end),
        )


def ind_speaker(
    doc: PnDoc,
    at: PnAttr,
    p: Pred,
    s: PnScore,
    note: Callable[[str, str], None],
    read_refs: ReadRefs | None = None,
) -> None:
    """Score the speaker of a matched indirect quote (``iSpkNoun``, ``iSpkPron``, ``iWrong``):
    the direct quotes' references and acceptance (``noun_source_ok``; for a pronoun,
    ``nominal_ok`` of the nearest earlier gold source or ``chain_ok``)."""
    text = doc.text
    src = span_text(text, at.source) if at.source else ""
    words = set(fold_name(src))
    if not at.source or (words and words <= SPEECH_CUES):
        s.ind_no_source += 1
        return
    ctx = (
        f"{doc.name} ({p.start},{p.end}): gold {src!r} got {p.speaker!r}/{p.role!r}\n      "
        + around(text, p.start, p.end)
    )
    if is_pronoun(src):
        _, ref_l = pronoun_references(doc, at.source[0])
        ok = nominal_ok(doc, ref_l, p) or chain_ok(doc, at.source[0], p)
        s.ind_pron_n += 1
        s.ind_pron_ok += ok
        s.ind_pron_wrong += not ok and bool(p.speaker)
        if read_refs is not None:
            score_read(doc, at, p, ok, read_refs, s, "ind", note)
        if not ok:
            rl = text[ref_l[0] : ref_l[1]] if ref_l else None
            note("ind-speaker-pronoun", f"{ctx} (last {rl!r})")
    else:
        ok = noun_source_ok(doc, at, p)
        s.ind_noun_n += 1
        s.ind_noun_ok += ok
        s.ind_noun_wrong += not ok and bool(p.speaker)
        if not ok:
            note("ind-speaker-noun", f"{ctx} heads {sorted(head_words(doc, at.source[0]))}")


def score_polnear(
    docs: list[PnDoc],
    preds: dict[str, list[Pred]],
    errors: dict[str, list[str]] | None = None,
    read_refs: ReadRefs | None = None,
) -> PnScore:
    """Score the predictions of one system on the docs; with ``read_refs`` (the labels of
    ``bench/polnear_pronouns.py`` for this sample), also the ``*-read`` columns."""
    s = PnScore(n_docs=len(docs), read=read_refs is not None)

    def note(kind: str, line: str) -> None:
        if errors is not None:
            errors.setdefault(kind, []).append(line)

    for doc in docs:
        text = doc.text
        ps = preds.get(doc.name, [])
        golds = gold_quotes(doc)
        qp = [p for p in ps if p.kind in ("direct", "partial")]
        s.gold_q += len(golds)
        s.pred_q += len(qp)
        n_qp = len(qp)
        for p in qp:
            if p.kind == "direct":
                s.pred_direct += 1
                s.direct_no_spk += not p.speaker
            else:
                s.pred_partial += 1
                s.partial_no_spk += not p.speaker
            if not p.speaker:
                note(
                    "no-speaker",
                    f"{doc.name} ({p.start},{p.end}) {p.kind}: {around(text, p.start, p.end)}",
                )
        # scored per quoted paragraph (``paragraph_units``), as the gold quotes
        qp = [
            replace(p, start=u[0], end=u[1])
            for p in qp
            for u in paragraph_units(text, (p.start, p.end))
        ]
        s.pred_q += len(qp) - n_qp
        m = pn_match(text, [g.span for g in golds], [(p.start, p.end) for p in qp])
        s.tp_q += len(m)
        # lenient: PolNeAR often annotates only some sentences of a long quote, so a gold
        # segment inside a longer predicted quote is covered, and a predicted quote mostly
        # inside gold contents is supported
        tq = [trim(text, p.start, p.end) for p in qp]
        for g in golds:
            a, b = trim(text, *g.span)
            s.cov_r += any(min(b, z) - max(a, y) >= 0.9 * (b - a) for y, z in tq)
        contents = [c for at in doc.attrs for c in at.content]
        for y, z in tq:
            inside = sum(max(0, min(z, d) - max(y, c)) for c, d in contents)
            s.cov_p += inside >= 0.5 * (z - y)
        s.exact_q += sum(1 for _, _, v in m if v >= 0.9)
        hit_g = {gi for gi, _, _ in m}
        hit_p = {pi for _, pi, _ in m}
        for gi, g in enumerate(golds):
            if gi not in hit_g:
                note("quote-miss", f"{doc.name} {g.span}: {text[g.span[0] : g.span[1]][:90]!r}")
        for pi, p in enumerate(qp):
            if pi not in hit_p:
                note(
                    "quote-fp",
                    f"{doc.name} ({p.start},{p.end}) {p.kind}: {text[p.start : p.end][:90]!r}",
                )
        for gi, pi, _ in m:
            at, p = golds[gi].attr, qp[pi]
            src = span_text(text, at.source) if at.source else ""
            words = set(fold_name(src))
            if not at.source or (words and words <= SPEECH_CUES):
                # (a source span holding only a verb of speech, "said", is the annotator's
                # slip: the cue marked again as the source; it names no one to score against)
                s.no_source += 1
                continue
            ctx = f"{doc.name} {golds[gi].span}: gold {src!r} got {p.speaker!r}/{p.role!r}"
            if is_pronoun(src):
                s.pron_n += 1
                ref_c, ref_l = pronoun_references(doc, at.source[0])
                ok_c = coref_ok(doc, ref_c, p)
                # spkPron: the nearest earlier gold source, or a coreferent mention of the
                # source in CoreNLP's chain (the nearest gold source is often another
                # person's: the pronoun's antecedent was named in narrative, not as a source)
                ok_l = nominal_ok(doc, ref_l, p) or chain_ok(doc, at.source[0], p)
                s.pron_ok_coref += ok_c
                s.pron_ok_last += ok_l
                s.pron_ok_either += ok_c or ok_l
                s.pron_coref_none += ref_c is None
                h_c = head_word(doc, ref_c) if ref_c else None
                h_l = head_word(doc, ref_l) if ref_l else None
                s.pron_disagree += h_c is None or h_c != h_l
                if read_refs is not None:
                    score_read(doc, at, p, ok_l, read_refs, s, "pron", note)
                if not (ok_c or ok_l):
                    rc = text[ref_c[0] : ref_c[1]] if ref_c else None
                    rl = text[ref_l[0] : ref_l[1]] if ref_l else None
                    note("speaker-pronoun", f"{ctx} (coref {rc!r}, last {rl!r})")
            else:
                s.noun_n += 1
                ok = noun_source_ok(doc, at, p)
                s.noun_ok += ok
                if ok:
                    SCORING["name_forms"] = False
                    s.noun_by_forms += not noun_source_ok(doc, at, p)
                    SCORING["name_forms"] = True
                if not ok:
                    note(
                        "speaker-noun",
                        f"{ctx} heads {sorted(head_words(doc, at.source[0]))}\n      "
                        + around(text, p.start, p.end),
                    )
        # indirect: unquoted contents vs predicted indirect quotes
        ind_gold = [at for at in doc.attrs if not has_quote_mark(text, at.content)]
        ip = [p for p in ps if p.kind == "indirect"]
        s.gold_ind += len(ind_gold)
        s.pred_ind += len(ip)
        spans = [content_span(text, at) for at in ind_gold]
        mi = pn_match(text, spans, [(p.start, p.end) for p in ip])
        s.tp_ind += len(mi)
        hit = {gi for gi, _, _ in mi}
        for gi, at in enumerate(ind_gold):
            if gi not in hit and errors is not None:
                note("indirect-why", _indirect_why(text, spans[gi], at, ps))
            cue = set(fold_name(span_text(text, at.cue)))
            if cue & SPEECH_CUES:
                s.gold_ind_speech += 1
                s.tp_ind_speech += gi in hit
                if gi not in hit:
                    a, b = spans[gi]
                    note(
                        "indirect-miss",
                        f"{doc.name} ({a},{b}) src {span_text(text, at.source)!r} "
                        f"cue {span_text(text, at.cue)!r}: {text[a:b][:80]!r}",
                    )
        # the fair matcher (``fair_content``, ``fair_match``): both lines are printed
        starts = sentence_bounds(text)
        fg = [fair_content(text, at, starts) for at in ind_gold]
        holes = [_alnum(text, at.cue + at.source) for at in ind_gold]
        pchars = [_alnum(text, [trim(text, p.start, p.end)]) for p in ip]
        fm = fair_match(text, fg, holes, pchars)
        s.tp_ind_fair += len(fm)
        # the speakers of matched indirect quotes: the current matcher's pairs, then the fair
        # matcher's for a gold and a prediction both left unmatched
        used_p = {pi for _, pi, _ in mi}
        pairs = [(gi, pi) for gi, pi, _ in mi]
        pairs += [(gi, pi) for gi, pi, _ in fm if gi not in hit and pi not in used_p]
        for gi, pi in pairs:
            ind_speaker(doc, ind_gold[gi], ip[pi], s, note, read_refs)
        s.ind_pred_no_spk += sum(not p.speaker for p in ip)
        for gi, at in enumerate(ind_gold):
            a, b = spans[gi]
            s.gold_ind_multi += bool(re.search(r"[.!?][”\"’']?\s+[A-Z“\"]|\n", text[a:b].strip()))
            s.gold_ind_cue_inside += any(a <= c < b for c, _ in at.cue)
        all_fair = [fair_content(text, at, starts) for at in doc.attrs]
        all_holes = [_alnum(text, at.cue + at.source) for at in doc.attrs]
        for q in pchars:
            s.pred_ind_hit_fair += any(
                len(g & (q - h)) >= 0.5 * len(g | (q - h)) > 0
                for g, h in zip(all_fair, all_holes, strict=True)
            )
        all_spans = [content_span(text, at) for at in doc.attrs]
        for p in ip:
            if any(iou(trim(text, *g), trim(text, p.start, p.end)) >= 0.5 for g in all_spans):
                s.pred_ind_hit += 1
            else:
                note(
                    "indirect-fp",
                    f"{doc.name} ({p.start},{p.end}) {p.speaker!r}: {text[p.start : p.end][:80]!r}",
                )
    return s


def pn_report(name: str, s: PnScore) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    nospk = s.direct_no_spk + s.partial_no_spk
    npd = s.pred_direct + s.pred_partial
    return (
        f"{name:16} {r(s.tp_q, s.pred_q):>6} {r(s.tp_q, s.gold_q):>6} {r(s.noun_ok, s.noun_n):>7} "
        f"{r(s.pron_ok_last, s.pron_n):>7} {r(s.pron_read_ok, s.pron_read_n):>7} "
        f"{r(s.pron_ok_coref, s.pron_n):>7} "
        f"{r(s.tp_ind, s.gold_ind):>7} {r(s.tp_ind_speech, s.gold_ind_speech):>7} "
        f"{r(s.pred_ind_hit, s.pred_ind):>7} {nospk:>5} {r(nospk, npd):>6} "
        f"{s.n_docs / s.seconds if s.seconds else 0:>7.1f}"
    )


PN_HEAD = (
    f"{'system':16} {'qP':>6} {'qR':>6} {'spkNoun':>7} {'spkPron':>7} {'-read':>7} {'CoreNLP':>7} "
    f"{'indR':>7} {'indR-sp':>7} {'indP':>7} {'noSpk':>5} {'share':>6} {'art/s':>7}"
)


IND_HEAD = (
    f"{'ind. speakers':16} {'iSpkNoun':>8} {'iSpkPron':>8} {'-read':>8} {'iWrong':>7} {'iNoSpk':>6} "
    f"{'share':>6}   scored noun + pronoun (no gold source)"
)


def ind_report(name: str, s: PnScore) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    n = s.ind_noun_n + s.ind_pron_n
    return (
        f"{name:16} {r(s.ind_noun_ok, s.ind_noun_n):>8} {r(s.ind_pron_ok, s.ind_pron_n):>8} "
        f"{r(s.ind_read_ok, s.ind_read_n):>8} "
        f"{r(s.ind_noun_wrong + s.ind_pron_wrong, n):>7} {s.ind_pred_no_spk:>6} "
        f"{r(s.ind_pred_no_spk, s.pred_ind):>6}   {s.ind_noun_n} + {s.ind_pron_n} "
        f"({s.ind_no_source})"
    )


def pn_details(name: str, s: PnScore) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "-"

    return (
        f"  {name}: quotes pred {s.pred_q} (direct {s.pred_direct}, partial {s.pred_partial}), "
        f"gold {s.gold_q}, matched {s.tp_q} (exact {s.exact_q}); lenient R {r(s.cov_r, s.gold_q)} "
        f"P {r(s.cov_p, s.pred_q)}; speaker scored on "
        f"{s.noun_n} noun + {s.pron_n} pronoun sources ({s.no_source} matched golds have no source); "
        f"pronoun right vs either reference {s.pron_ok_either}/{s.pron_n}, "
        f"references disagree on {s.pron_disagree} (CoreNLP has no antecedent for {s.pron_coref_none}); "
        f"noun speakers right by name forms (a suffix, an acronym) alone {s.noun_by_forms}; "
        f"no speaker: direct {s.direct_no_spk}/{s.pred_direct}, partial {s.partial_no_spk}/{s.pred_partial}; "
        f"indirect gold {s.gold_ind} ({s.gold_ind_speech} with a speech cue), pred {s.pred_ind}"
        f"\n  {name}: indirect, fair matcher (``fair_content``): indR {r(s.tp_ind_fair, s.gold_ind)}"
        f" indP {r(s.pred_ind_hit_fair, s.pred_ind)} (current matcher: indR"
        f" {r(s.tp_ind, s.gold_ind)} indP {r(s.pred_ind_hit, s.pred_ind)}); gold contents running"
        f" over a sentence end {s.gold_ind_multi}, with the cue inside {s.gold_ind_cue_inside}"
    )


def read_details(name: str, s: PnScore) -> str:
    """The read reference's line (``spkPron-read``, ``iSpkPron-read``): what was scored,
    the null labels and unlabelled sources left out, and where it and the heuristic
    reference disagree."""
    if not s.read:
        return f"  {name}: no read reference for this sample (bench/data/polnear_pronouns/)"
    out = []
    for label, k in (("spkPron-read", "pron"), ("iSpkPron-read", "ind")):

        def g(f: str, k: str = k) -> int:
            return int(getattr(s, f"{k}_{f}"))

        out.append(
            f"{label} {g('read_ok')}/{g('read_n')} (wrong name {g('read_wrong')}; null "
            f"labels {g('read_null')}, unlabelled {g('read_unlab')} not scored); verdicts "
            f"differ from the heuristic's on {g('heur_only') + g('read_only')} (heuristic "
            f"right only {g('heur_only')}, read right only {g('read_only')}); reference heads "
            f"differ on {g('ref_differ')}"
        )
    return "\n".join(f"  {name}: {line}" for line in out)


def facts_to_preds(facts: list[object]) -> list[Pred]:
    return [
        Pred(q.cite.start, q.cite.end, q.speaker, q.kind, q.speaker_role)
        for q in facts  # type: ignore[attr-defined]
    ]


def run_extract_many(articles: list[Article], use_spacy: bool) -> tuple[list[object], float]:
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract import extract_many

    if use_spacy:
        load_spacy()  # the model loads before the clock (cached for the later runs)
    t0 = time.perf_counter()
    facts = extract_many(articles, use_spacy=use_spacy, timeout=0)
    return list(facts), time.perf_counter() - t0


def run_textacy_timed(texts: dict[str, str]) -> tuple[dict[str, list[Pred]] | str, float]:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError as exc:
        return f"textacy not installed ({exc})", 0.0
    from storyline.nlp import load_spacy

    nlp = load_spacy()
    t0 = time.perf_counter()
    keys = list(texts)
    docs = dict(zip(keys, nlp.pipe([texts[k] for k in keys]), strict=True))
    arts = {k: Article(id=k, source=k, text=texts[k], raw=texts[k], title="") for k in keys}  # type: ignore[arg-type]
    preds = run_textacy(arts, docs)  # type: ignore[arg-type]
    return preds, time.perf_counter() - t0


def polnear_main(
    path: str,
    split: str,
    show_errors: int,
    no_textacy: bool,
    limit: int = 0,
    every: int = 1,
    offset: int = 0,
    indirect_errors: int = 0,
) -> None:
    split_dir = polnear_split_dir(path, split)
    t0 = time.perf_counter()
    docs = load_polnear(split_dir, limit, every, offset)
    n_attr = sum(len(d.attrs) for d in docs)
    n_gq = sum(len(gold_quotes(d)) for d in docs)
    print(
        f"PolNeAR {split}: {len(docs)} articles, {n_attr} gold attributions, {n_gq} quoted "
        f"segments; {sum(not d.has_corenlp for d in docs)} articles lack a CoreNLP file; "
        f"loaded in {time.perf_counter() - t0:.1f} s"
    )
    articles = [
        Article(id=d.name, source=d.name, text=d.text, raw=d.text, title="")  # type: ignore[arg-type]
        for d in docs
    ]
    scores: dict[str, PnScore] = {}
    errors: dict[str, dict[str, list[str]]] = {}
    # the pronoun speakers' reference labelled by reading (bench/polnear_pronouns.py), when
    # this sample has one
    read_path = READ_DATA / f"{read_tag(split, every, offset)}.jsonl"
    read_refs = (
        load_read_refs(read_path, {d.name: d.text for d in docs}) if read_path.is_file() else None
    )
    for name, use_spacy in (("storyline-spacy", True), ("storyline-rules", False)):
        facts, dt = run_extract_many(articles, use_spacy)
        preds = {d.name: facts_to_preds(f.quotes) for d, f in zip(docs, facts, strict=True)}  # type: ignore[attr-defined]
        errors[name] = {}
        scores[name] = score_polnear(docs, preds, errors[name], read_refs)
        scores[name].seconds = dt
    if not no_textacy:
        tp, dt = run_textacy_timed({d.name: d.text for d in docs})
        if isinstance(tp, str):
            print(f"textacy 0.13     not run: {tp}")
        else:
            errors["textacy 0.13"] = {}
            scores["textacy 0.13"] = score_polnear(docs, tp, errors["textacy 0.13"], read_refs)
            scores["textacy 0.13"].seconds = dt
    print()
    print(PN_HEAD)
    for name, s in scores.items():
        print(pn_report(name, s))
    print(
        f"{'targets':16} {'>=0.97':>6} {'>=0.98':>6} {'>=0.92':>7} {'>=0.90':>7} {'>=0.90':>7} "
        f"{'':7} {'>=0.65':>7} {'':7} {'':7} {'':5} {'<=3%':>6}"
    )
    print()
    print(IND_HEAD)
    for name, s in scores.items():
        print(ind_report(name, s))
    print()
    for name, s in scores.items():
        print(pn_details(name, s))
        print(read_details(name, s))
    if TEXTACY_REFUSED:
        print(f"  (textacy refused {len(TEXTACY_REFUSED)} docs: odd number of quote marks)")
    if indirect_errors:
        indirect_report(errors.get("storyline-spacy", {}).get("indirect-why", []), indirect_errors)
    if show_errors:
        for name, errs in errors.items():
            if name != "storyline-spacy":
                continue
            for kind, lines in sorted(errs.items()):
                print(f"\n{name} {kind}: {len(lines)}")
                for line in lines[:show_errors]:
                    print("  " + line)


def indirect_report(lines: list[str], n: int) -> None:
    """``--indirect-errors N``: the spaCy run's unmatched unquoted gold contents, counted by
    class (``_indirect_why``) and by cue word, then N of them in their context (terminal only:
    the corpus text is never written to a file)."""
    kinds = Counter(line[1 : line.index("]")] for line in lines)
    multi = sum("] multi-sentence " in line for line in lines)
    print(f"\nstoryline-spacy indirect misses: {len(lines)} {dict(kinds)}, {multi} multi-sentence")
    cues = Counter(m.group(1).lower() for line in lines if (m := re.search(r"cue '([^']*)'", line)))
    print("  cues: " + ", ".join(f"{c!r} {k}" for c, k in cues.most_common(60)))
    for line in lines[:n]:
        print("  " + line)


# -- polarity set (issue 17) ----------------------------------------------------------------------

POLARITY_GOLD = REPO / "bench" / "data" / "polarity" / "gold.jsonl"
# labelled by reading, before the engine ran on it, and never tuned on (see the README)
POLARITY_HELDOUT = REPO / "bench" / "data" / "polarity" / "heldout.jsonl"
# a fresh audit (session 10): new sentences, labelled by reading; counts both directions
POLARITY_FRESH = REPO / "bench" / "data" / "polarity" / "fresh.jsonl"
ECBPLUS_DOCS = REPO.parent / "shared" / "bench" / "ecbplus" / "docs.jsonl"
NOT_ASSERTED = ("denied", "questioned", "conditional", "hypothetical")


def load_polarity_texts(
    rows: list[dict[str, object]], polnear: str | None
) -> tuple[dict[tuple[str, str], str], list[str]]:
    """Texts of the labelled documents, read at run time (nothing of them is in the repo)."""
    texts: dict[tuple[str, str], str] = {}
    notes: list[str] = []
    want = {(str(r["corpus"]), str(r["doc"])) for r in rows}
    if any(c == "ecbplus" for c, _ in want):
        if ECBPLUS_DOCS.is_file():
            for line in ECBPLUS_DOCS.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                # train/dev only; the ECB+ test topics (36-45) are never read
                ok = r["split"] in POLNEAR_SPLITS and not 36 <= int(r["topic"]) <= 45
                if ok and ("ecbplus", r["id"]) in want:
                    texts[("ecbplus", r["id"])] = r["text"]
        else:
            notes.append(f"ECB+ documents not found at {ECBPLUS_DOCS}")
    if any(c == "polnear" for c, _ in want):
        if polnear:
            base = polnear_split_dir(polnear, "train") / "text"
            for c, d in want:
                if c == "polnear" and (base / f"{d}.txt").is_file():
                    texts[(c, d)] = (base / f"{d}.txt").read_text(encoding="utf-8")
        else:
            notes.append("PolNeAR entries skipped: pass --polnear PATH")
    return texts, notes


def stance_spans(text: str, st: object) -> list[tuple[int, int]]:
    """Where a stance was read: its target inside its cited sentence (a stance cites its whole
    sentence, and "X offered a prayer but did not suggest Y" holds an asserted stance beside
    a denial), else the cited sentences."""
    cites = [(c.start, c.end) for c in getattr(st, "cites", [])]
    target = str(getattr(st, "target", ""))
    for c0, c1 in cites:
        at = text.find(target, c0, c1) if target else -1
        if at >= 0:
            return [(at, at + len(target))]
    return cites


def polarity_main(
    polnear: str | None, gold: Path = POLARITY_GOLD, title: str = "Polarity set"
) -> None:
    import hashlib

    from storyline.stages.prepare.extract import extract_many

    rows = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
    texts, notes = load_polarity_texts(rows, polnear)
    usable = []
    for r in rows:
        text = texts.get((r["corpus"], r["doc"]))
        if text is None:
            continue
        got = hashlib.sha1(text[r["start"] : r["end"]].encode()).hexdigest()[:10]
        if got != r["sha1"]:
            notes.append(f"offsets do not match the text: {r['corpus']} {r['doc']} {r['start']}")
            continue
        usable.append(r)
    keys = sorted({(r["corpus"], r["doc"]) for r in usable})
    articles = [
        Article(id=f"{c}:{d}", source=d, text=texts[(c, d)], raw=texts[(c, d)], title="")  # type: ignore[arg-type]
        for c, d in keys
    ]
    labels = Counter(r["label"] for r in usable)
    print(
        f"\n{title}: {len(usable)} of {len(rows)} labelled spans in {len(keys)} documents "
        f"({', '.join(f'{k} {v}' for k, v in sorted(labels.items()))})"
    )
    for n in notes:
        print("  " + n)
    for name, use_spacy in (("storyline-spacy", True), ("storyline-rules", False)):
        facts = dict(zip(keys, extract_many(articles, use_spacy=use_spacy, timeout=0), strict=True))
        listing: list[str] = []
        emitted = reversed_n = mislabelled = false_alarms = 0
        by_label: Counter[str] = Counter()
        spans_hit: set[int] = set()
        inside: set[int] = set()
        for i, r in enumerate(usable):
            f = facts[(r["corpus"], r["doc"])]
            a, b = r["start"], r["end"]
            items: list[tuple[str, object, str]] = []
            for q in f.quotes:
                if q.cite.start < b and a < q.cite.end:
                    items.append((f"quote/{q.kind}", q, f"{q.speaker!r}: {q.text[:50]!r}"))
            for st in f.stances:
                if any(
                    c0 < b and a < c1 for c0, c1 in stance_spans(texts[(r["corpus"], r["doc"])], st)
                ):
                    cond = f" if {st.condition!r}" if st.condition else ""
                    items.append(
                        (f"stance/{st.stance}", st, f"{st.actor!r} -> {st.target[:40]!r}{cond}")
                    )
            for what, item, desc in items:
                emitted += 1
                inside.add(id(item))
                pol = getattr(item, "polarity", None) or "asserted"
                if r["label"] == "asserted":
                    # a control: a non-asserted mark is a false alarm, not a reversal
                    if pol != "asserted":
                        false_alarms += 1
                        listing.append(
                            f"  FALSE ALARM {r['corpus']}:{r['doc']} {a}-{b} control: "
                            f"{what} [{pol}] {desc}"
                        )
                    continue
                if pol != "asserted" and pol != r["label"]:
                    mislabelled += 1  # not asserted, so not reversed; another modality
                bad = pol == "asserted"
                if bad:
                    reversed_n += 1
                    by_label[r["label"]] += 1
                    spans_hit.add(i)
                    listing.append(
                        f"  {r['corpus']}:{r['doc']} {a}-{b} {r['label']}/{r['form']} "
                        f"(speaker {r['speaker']!r}): {what} [{pol}] {desc}"
                    )
        print(
            f"{name:16} reversed {reversed_n} (target 0) of {emitted} quotes/stances emitted over "
            f"the labelled spans; {len(spans_hit)} of {len(usable)} spans affected; by label: "
            + (", ".join(f"{k} {v}" for k, v in sorted(by_label.items())) or "none")
        )
        # outside the labelled spans nothing is labelled: the share marked not asserted shows
        # how much the marks spread (most reported speech in news is asserted)
        outside: Counter[str] = Counter(
            getattr(it, "polarity", "asserted")
            for f in facts.values()
            for it in [*f.quotes, *f.stances]
            if id(it) not in inside
        )
        n_out = sum(outside.values())
        print(
            f"{'':16} false alarms {false_alarms} on the asserted controls; other non-asserted "
            f"label {mislabelled}; outside the spans {n_out - outside['asserted']} of {n_out} "
            "marked not asserted ("
            + ", ".join(f"{k} {v}" for k, v in sorted(outside.items()) if k != "asserted")
            + ")"
        )
        print(f"{'':16} wrong either way {reversed_n + false_alarms} (reversed + false alarms)")
        print("\n".join(listing))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", default=str(REPO / "bench" / "data" / "quotes" / "gold.jsonl"))
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument(
        "--misses", metavar="SYSTEM", help="print unmatched gold and wrong speakers of SYSTEM"
    )
    ap.add_argument(
        "--polnear", metavar="PATH", help="PolNeAR checkout: score attribution on its --split"
    )
    ap.add_argument("--split", default="dev", choices=POLNEAR_SPLITS)
    ap.add_argument(
        "--errors", type=int, default=0, metavar="N", help="with --polnear: N errors per kind"
    )
    ap.add_argument(
        "--polarity", action="store_true", help="count reversed meanings on the polarity set"
    )
    ap.add_argument("--limit", type=int, default=0, help="with --polnear: first N articles only")
    ap.add_argument(
        "--every",
        type=int,
        default=1,
        metavar="K",
        help="with --polnear: every K-th article (a sample across outlets), before --limit",
    )
    ap.add_argument(
        "--offset",
        type=int,
        default=0,
        metavar="I",
        help="with --every K: start at the I-th article (0 <= I < K), another sample",
    )
    ap.add_argument(
        "--indirect-errors",
        type=int,
        default=0,
        metavar="N",
        help="with --polnear: classify the spaCy run's indirect misses, print N (terminal only)",
    )
    ap.add_argument(
        "--polarity-only",
        action="store_true",
        help="with --polarity and --polnear: skip the attribution scores",
    )
    args = ap.parse_args()
    if args.polnear or args.polarity:
        if args.polnear and not (args.polarity and args.polarity_only):
            polnear_main(
                args.polnear,
                args.split,
                args.errors,
                args.no_textacy,
                args.limit,
                args.every,
                args.offset,
                args.indirect_errors,
            )
        if args.polarity:
            polarity_main(args.polnear)
            polarity_main(args.polnear, POLARITY_HELDOUT, "Held-out polarity set")
            polarity_main(args.polnear, POLARITY_FRESH, "Fresh polarity audit")
        return

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

"""A reference for pronoun speakers on PolNeAR, labelled by reading (issue 17).

The bench's ``spkPron`` column scores a speaker against a heuristic reference (the nearest
earlier gold source that is not a pronoun, or a mention of CoreNLP's chain); hand audits of
its "errors" found many right answers it rejected. This tool lists the gold attributions
whose source is a pronoun (``extract.is_pronoun``, relative pronouns included) for a person
to label the pronoun's antecedent **by reading the article, blind to storyline's output**
(the engine is never run here). Labels are kept as character offsets only
(``bench/data/polnear_pronouns/SPLIT.jsonl``, see its README): no article text is stored.

Usage (terminal output only; the texts are copyrighted and never written to the repo)::

    python bench/polnear_pronouns.py --polnear PATH --split dev [--every 4 --offset 0] list
    python bench/polnear_pronouns.py --polnear PATH --split dev docs   # each article once,
        # every pronoun source marked ``⟦#ID Q|I pronoun⟧`` (Q: its content holds a quoted
        # segment, the ``spkPron`` items; I: unquoted, the ``iSpkPron`` items)
    python bench/polnear_pronouns.py --polnear PATH --split dev build LABELS.tsv [--out FILE]
    python bench/polnear_pronouns.py --polnear PATH --split dev check

``list`` prints each item alone: the text before its source (its paragraph and the ones
before, up to ~1,500 characters) and the sentence holding the source, the pronoun marked.
``build`` reads a label file kept outside the repo (one ``ID<TAB>ANTECEDENT`` line per item,
``ANTECEDENT`` being the words of the fullest non-pronoun mention, located as the nearest
occurrence ending before the source, else the first one after it; or ``ID<TAB>null:REASON``)
and writes the offsets-only JSONL. ``check`` verifies a stored file against the corpus
(sha1 of each reference's first ten characters).

The bench (``bench/extract.py``: ``load_read_refs``, ``read_ok``) scores the ``spkPron-read``
and ``iSpkPron-read`` columns from the stored file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as x
from extract import READ_DATA as DATA
from extract import sha10

CONTEXT = 1500


# -- listing -----------------------------------------------------------------------------------


@dataclass
class Item:
    id: int
    doc: str
    source: tuple[int, int]
    contents: list[tuple[int, int]]
    kinds: list[str]


def item_kind(text: str, at: x.PnAttr) -> str:
    """``Q``: the content holds a quoted segment (a ``spkPron`` item); ``I``: it has no quote
    mark at all (an ``iSpkPron`` item); ``""``: neither (a stray mark)."""
    segs = [
        s for a, b in x.joined_fragments(text, at.content) for s in x.quoted_segments(text, a, b)
    ]
    return "Q" if segs else "I" if not x.has_quote_mark(text, at.content) else ""


def pronoun_items(docs: list[x.PnDoc]) -> list[Item]:
    """Every distinct pronoun source of the split's gold attributions, in text order, with
    the kinds of its contents: ``Q`` (holds a quoted segment) and/or ``I`` (no quote mark)."""
    items: list[Item] = []
    for d in docs:
        by_src: dict[tuple[int, int], Item] = {}
        for at in d.attrs:
            if not at.source or not x.is_pronoun(x.span_text(d.text, at.source)):
                continue
            kind = item_kind(d.text, at)
            if not kind:
                continue
            it = by_src.setdefault(at.source[0], Item(0, d.name, at.source[0], [], []))
            it.contents.append((at.content[0][0], at.content[-1][1]))
            if kind not in it.kinds:
                it.kinds.append(kind)
        for src in sorted(by_src):
            it = by_src[src]
            it.id = len(items)
            items.append(it)
    return items


def context_start(text: str, at: int) -> int:
    """Where an item's context starts: a paragraph start at most ``CONTEXT`` characters
    before ``at`` (the source's own paragraph at least)."""
    para = text.rfind("\n", 0, at) + 1
    lo = max(0, at - CONTEXT)
    if lo == 0 or para <= lo:
        return 0 if lo == 0 else para
    nxt = text.find("\n", lo)
    start = nxt + 1 if 0 <= nxt < para else para
    while start < para and text[start] == "\n":
        start += 1
    return start


def sentence_end(text: str, at: int) -> int:
    m = re.compile(r"[.!?][”\"’']*\s|\n").search(text, at)
    return m.end() if m else len(text)


def show_item(text: str, it: Item) -> str:
    a, b = it.source
    lo = context_start(text, a)
    hi = max(sentence_end(text, b), min(len(text), b + 80))
    body = f"{text[lo:a]}⟦{text[a:b]}⟧{text[b:hi]}"
    return f"#{it.id} {it.doc} ({a},{b}) {'+'.join(it.kinds)}\n{body}\n"


def show_doc(text: str, items: list[Item]) -> str:
    """The article up to the sentence after its last item, each item marked in place."""
    out, at = [], 0
    for it in items:
        a, b = it.source
        out.append(text[at:a])
        out.append(f"⟦#{it.id} {'+'.join(it.kinds)} {text[a:b]}⟧")
        at = b
    out.append(text[at : sentence_end(text, at)])
    return "".join(out)


def locate_ref(text: str, words: str, source: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest occurrence of ``words`` ending before the source, else the first after."""
    hits = [m.start() for m in re.finditer(re.escape(words), text)]
    before = [h for h in hits if h + len(words) <= source[0]]
    if before:
        return before[-1], before[-1] + len(words)
    after = [h for h in hits if h >= source[1]]
    return (after[0], after[0] + len(words)) if after else None


def build(items: list[Item], texts: dict[str, str], labels: Path) -> list[dict[str, object]]:
    by_id = {it.id: it for it in items}
    rows: list[dict[str, object]] = []
    seen: set[int] = set()
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        sid, _, lab = line.partition("\t")
        it = by_id[int(sid.strip().lstrip("#"))]
        if it.id in seen:
            raise SystemExit(f"{labels}:{n}: #{it.id} labelled twice")
        seen.add(it.id)
        lab = lab.strip()
        text = texts[it.doc]
        row: dict[str, object] = {"doc": it.doc, "source": list(it.source)}
        row["contents"] = [list(c) for c in it.contents]
        row["kinds"] = it.kinds
        if lab.startswith("null:"):
            row.update(ref=None, sha1=None, reason=lab[5:].strip())
        else:
            ref = locate_ref(text, lab, it.source)
            if ref is None:
                raise SystemExit(f"{labels}:{n}: #{it.id} {lab!r} not found in {it.doc}")
            row.update(ref=list(ref), sha1=sha10(text[ref[0] : ref[1]]), reason="")
        rows.append(row)
    missing = sorted(set(by_id) - seen)
    if missing:
        print(f"unlabelled: {len(missing)} items: {missing[:40]}", file=sys.stderr)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--kind", choices=("Q", "I"), help="list only items of this kind")
    ap.add_argument("--out", help="build: output file (default data/polnear_pronouns/SPLIT.jsonl)")
    ap.add_argument("cmd", choices=("list", "docs", "build", "check"))
    ap.add_argument("labels", nargs="?")
    args = ap.parse_args()
    split_dir = x.polnear_split_dir(args.polnear, args.split)
    docs = x.load_polnear(split_dir, 0, args.every, args.offset)
    texts = {d.name: d.text for d in docs}
    items = pronoun_items(docs)
    shown = [it for it in items if not args.kind or args.kind in it.kinds]
    tag = x.read_tag(args.split, args.every, args.offset)
    if args.cmd == "list":
        for it in shown:
            print(show_item(texts[it.doc], it))
    elif args.cmd == "docs":
        for d in docs:
            mine = [it for it in shown if it.doc == d.name]
            if mine:
                print(f"=== {d.name} ===\n{show_doc(d.text, mine)}\n")
    elif args.cmd == "build":
        if not args.labels:
            raise SystemExit("build needs a label file")
        rows = build(items, texts, Path(args.labels))
        out = Path(args.out) if args.out else DATA / f"{tag}.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        nulls = sum(r["ref"] is None for r in rows)
        print(f"{out}: {len(rows)} labels ({nulls} null) of {len(items)} items")
    else:
        path = Path(args.out) if args.out else DATA / f"{tag}.jsonl"
        refs = x.load_read_refs(path, texts)
        print(f"{path}: {len(refs)} labels, all references match the corpus")
    print(
        f"{args.split}: {len(docs)} articles, {len(items)} pronoun sources "
        f"({sum('Q' in it.kinds for it in items)} with a quoted content, "
        f"{sum('I' in it.kinds for it in items)} unquoted)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()

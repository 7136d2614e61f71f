"""Cleaning figures: paragraphs kept, noise lines removed (by kind), speed.

Run on demand:  .venv/bin/python bench/clean.py [DIR ...]
Default inputs: ../shared/corpus/gaza-isf (or $STORYLINE_SHARED/corpus/gaza-isf) and the
bundled examples. Speed is reported as a ratio against reading the same files (baseline
measured in the same process).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import Counter
from pathlib import Path

from storyline.demo import examples_dir
from storyline.errors import InputError
from storyline.models import RawDoc
from storyline.stages.prepare.clean import clean_document, clean_text
from storyline.stages.prepare.ingest import read_inputs

REPO = Path(__file__).resolve().parent.parent


def default_dirs() -> list[Path]:
    shared = Path(os.environ.get("STORYLINE_SHARED") or REPO.parent / "shared")
    dirs = [shared / "corpus" / "gaza-isf"] if (shared / "corpus" / "gaza-isf").is_dir() else []
    return [*dirs, examples_dir()]


def main(argv: list[str]) -> None:
    dirs = [Path(a) for a in argv] or default_dirs()
    for d in dirs:
        docs = [x for x in read_inputs([str(d)]) if isinstance(x, RawDoc)]
        print(f"\n{d}  ({len(docs)} documents)")
        print(f"{'document':44} {'lines':>5} {'paras':>5} {'heads':>5} {'removed':>7}  kinds")
        total = Counter[str]()
        paras = 0
        for doc in docs:
            if doc.html is not None:
                art = clean_document(doc)
                removed: Counter[str] = Counter()
                n_lines = doc.html.count("\n") + 1
                n_paras = art.text.count("\n\n") + 1 - len(art.headings)
                heads = len(art.headings)
            else:
                res = clean_text(doc.text or "")
                removed = Counter(kind for kind, _ in res.removed)
                n_lines = (doc.text or "").count("\n") + 1
                n_paras, heads = res.paragraphs, len(res.headings)
            total += removed
            paras += n_paras
            name = (
                Path(doc.source).name if "://" not in doc.source else doc.source.rsplit("/", 1)[-1]
            )
            kinds = ", ".join(f"{k} {v}" for k, v in sorted(removed.items()))
            print(
                f"{name[:44]:44} {n_lines:5d} {n_paras:5d} {heads:5d} {sum(removed.values()):7d}  {kinds}"
            )
        print(
            f"{'total':44} {'':5} {paras:5d} {'':5} {sum(total.values()):7d}  "
            + ", ".join(f"{k} {v}" for k, v in sorted(total.items()))
        )

    # speed: clean_document vs. reading alone, same files, same process
    files = [x for d in dirs for x in read_inputs([str(d)]) if not isinstance(x, InputError)]
    reps = max(1, 200 // max(1, len(files)))
    t0 = time.perf_counter()
    for _ in range(reps):
        list(read_inputs([str(d) for d in dirs]))
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(reps):
        for doc in files:
            with contextlib.suppress(InputError):
                clean_document(doc)
    t_clean = time.perf_counter() - t0
    n = reps * len(files)
    print(
        f"\nclean: {n / t_clean:.0f} documents/s ({n} cleaned); reading alone "
        f"{n / t_read:.0f} documents/s; clean costs {t_clean / t_read:.1f}x reading"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

"""Synthetic news articles made from the bundled examples, for benchmarks and load tests.

Each synthetic story draws on one example story: its names are replaced by invented
ones (so stories stay distinguishable from one another), its numbers are changed, and its
dates moved (so stories are bounded in time, a few hours apart). Each article is a
different sample of that story's sentences, so articles of a story share names and
topic but not wording, as independent reports do. A share of articles are verbatim or
lightly edited copies of an earlier article of their story, as wire copy is. The output
is deterministic for a given seed.

Nothing here is used by the engine itself; it feeds ``bench/`` and the reliability tests.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from storyline.lang import MONTHS, WEEKDAYS

_SYLLABLES = (
    "ka", "lo", "ve", "ri", "tan", "mor", "el", "dus", "ba", "ne", "sor", "vin", "ta", "gal",
    "mi", "ros", "que", "len", "do", "har", "bel", "zu", "fen", "pa", "cor", "ul", "si", "dra",
)  # fmt: skip
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d)?\b")
# Capitalised words that are not names: kept as written (calendar words from storyline.lang).
_KEEP = {
    "The", "This", "That", "They", "There", "When", "What", "With", "After", "Before", "Under",
    "According", "While", "Some", "Most", "Many", "Their", "From",
    *(w.capitalize() for w in (*WEEKDAYS, *(m for m in MONTHS if len(m) > 3))),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Base:
    label: str
    title: str
    text: str
    outlet: str


@lru_cache(maxsize=1)
def _bases() -> tuple[tuple[str, tuple[_Base, ...]], ...]:
    """The cleaned example articles grouped by their gold story label."""
    from storyline.demo import examples_dir
    from storyline.errors import InputError
    from storyline.stages.prepare.clean import clean_document
    from storyline.stages.prepare.ingest import read_inputs

    root = examples_dir()
    manifest_path = Path(str(root.parent / "data" / "examples_manifest.json"))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    label_of: dict[str, str] = {}
    for label, story in manifest["stories"].items():
        for doc in story["docs"]:
            label_of[doc] = label
    groups: dict[str, list[_Base]] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        items = [i for i in read_inputs([str(path)]) if not isinstance(i, InputError)]
        for n, item in enumerate(items):
            label = label_of.get(f"{rel}#{n}") or label_of.get(rel)
            if label is None:
                continue
            art = clean_document(item, ingested_at="2026-01-01T00:00:00+00:00")
            groups.setdefault(label, []).append(
                _Base(label, art.title, art.text, art.outlet or "Example Wire")
            )
    return tuple(sorted((k, tuple(v)) for k, v in groups.items() if len(v) >= 2))


def _pseudo(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _rename(text: str, names: dict[str, str]) -> str:
    return _NAME.sub(lambda m: names.get(m.group(0), m.group(0)), text)


def _sentences(text: str) -> list[str]:
    from storyline.text import sentence_spans

    return [text[a:b] for a, b in sentence_spans(text) if b - a > 20]


def _numbers(text: str, rng: random.Random) -> str:
    return _NUMBER.sub(
        lambda m: m.group(0) if rng.random() < 0.5 else str(rng.randint(2, 90)), text
    )


def _compose(leads: list[str], pool: list[str], rng: random.Random) -> str:
    """An article: one lead sentence, then a sample of the pool in its own order."""
    lead = rng.choice(leads)
    k = min(len(pool), rng.randint(8, 14))
    picked = sorted(rng.sample(range(len(pool)), k))
    sents = [lead] + [pool[i] for i in picked if pool[i] != lead]
    paras: list[str] = []
    i = 0
    while i < len(sents):
        n = rng.randint(1, 3)
        paras.append(" ".join(sents[i : i + n]))
        i += n
    return "\n\n".join(paras)


def _vary(text: str, rng: random.Random) -> str:
    """A light edit of a copy: drop a paragraph, swap two, change a few numbers."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) > 3 and rng.random() < 0.7:
        paras.pop(rng.randrange(1, len(paras)))
    if len(paras) > 3 and rng.random() < 0.3:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return "\n\n".join(
        _NUMBER.sub(lambda m: m.group(0) if rng.random() < 0.9 else str(rng.randint(2, 90)), p)
        for p in paras
    )


def synthetic_articles(
    n: int, *, seed: int = 7, start: datetime | None = None, copy_rate: float = 0.1
) -> Iterator[dict[str, str]]:
    """Yield ``n`` synthetic articles as JSON-ready records, story after story (stories in time order).

    Args:
        n: how many articles.
        seed: the same seed gives the same articles.
        start: publication time of the first story (default 2026-01-01 UTC).
        copy_rate: share of articles that are exact or near copies of an earlier one.

    Each record has ``title``, ``text``, ``outlet``, ``published`` (ISO 8601), ``url`` and
    ``story`` (the synthetic story's gold label, for scoring).
    """
    rng = random.Random(seed)
    bases = _bases()
    when = start or datetime(2026, 1, 1, tzinfo=UTC)
    made = 0
    k = 0
    while made < n:
        label, group = bases[k % len(bases)]
        srng = random.Random(f"{seed}:{k}")
        names: dict[str, str] = {}
        for base in group:
            for m in _NAME.finditer(base.title + " " + base.text):
                w = m.group(0)
                if w not in _KEEP and w not in names:
                    names[w] = _pseudo(srng)
        size = min(n - made, srng.randint(3, 8))
        story_start = when + timedelta(hours=k * 7)
        story_text = [_numbers(_rename(b.text, names), srng) for b in group]
        leads = [sents[0] for t in story_text if (sents := _sentences(t))]
        pool = [x for t in story_text for x in _sentences(t)]
        earlier: list[dict[str, str]] = []
        for j in range(size):
            base = group[j % len(group)]
            published = story_start + timedelta(hours=srng.randint(0, 72))
            if earlier and rng.random() < copy_rate:
                src = rng.choice(earlier)
                text = src["text"] if rng.random() < 0.5 else _vary(src["text"], srng)
                title = src["title"]
            else:
                text = _compose(leads, pool, srng)
                title = _rename(base.title, names)
            outlet = f"{base.outlet} {srng.choice(('Daily', 'Online', 'Wire', 'Weekly'))}"
            rec = {
                "title": title,
                "text": text,
                "outlet": outlet,
                "published": published.isoformat(timespec="seconds"),
                "url": f"https://synthetic.example/{label}/{k}/{j}",
                "story": f"{label}-{k}",
            }
            earlier.append(rec)
            made += 1
            yield rec
        k += 1


def write_jsonl(path: Path, n: int, *, seed: int = 7, shards: int = 1) -> list[Path]:
    """Write ``n`` synthetic articles as JSON Lines, split over ``shards`` files.

    Returns the files written (``path`` itself when ``shards == 1``, else
    ``path.stem-00000.jsonl`` ... beside it).
    """
    paths = (
        [path]
        if shards == 1
        else [path.with_name(f"{path.stem}-{i:05d}.jsonl") for i in range(shards)]
    )
    per = -(-n // shards)
    handles = [p.open("w", encoding="utf-8") for p in paths]
    try:
        for i, rec in enumerate(synthetic_articles(n, seed=seed)):
            handles[min(i // per, shards - 1)].write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        for h in handles:
            h.close()
    return paths


__all__ = ["synthetic_articles", "write_jsonl"]

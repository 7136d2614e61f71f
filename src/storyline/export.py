"""Exports: every story's data as flat tables, one file per table (JSONL, CSV or Parquet).

A row is one cited item: a quote, a quantity, an entity mention, one cite of a claim, of a
timeline event or of one side of a conflict, a story's member article, an article. Every
row carries its cite as three columns, ``cite_article``, ``cite_start``, ``cite_end``
(character offsets into that article's cleaned text, end exclusive, as in the report), and
the ``story_id`` it belongs to. The rows are read from the report of each story
(``Engine.report``), so they say exactly what the report says, fields added to the report
later included; lists (aliases, variants, actors) stay lists in JSONL and Parquet and are
JSON-encoded in CSV.

Parquet needs pyarrow, an optional extra (``pip install 'storyline[export]'``); it is
imported only when asked for.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import StorylineError
from storyline.files import write_atomic
from storyline.lang import extraction_note

if TYPE_CHECKING:
    from storyline.engine import Engine

TABLES = (
    "articles",
    "stories",
    "quotes",
    "quantities",
    "claims",
    "conflicts",
    "entities",
    "timeline",
)
FORMATS = ("jsonl", "csv", "parquet")
_FROM_REPORTS = frozenset(TABLES) - {"articles", "stories"}
_CITE_LISTS = ("cite", "cites", "mentions")

Row = dict[str, Any]


class ExportError(StorylineError):
    """An export that cannot be written as asked (unknown table or format, missing extra)."""


def parse_tables(what: str | Sequence[str] | None) -> list[str]:
    """The tables named in ``what`` ("quotes,claims" or a list); all of them when None."""
    if what is None:
        return list(TABLES)
    names = what.split(",") if isinstance(what, str) else list(what)
    names = [n.strip() for n in names if n.strip()]
    unknown = [n for n in names if n not in TABLES]
    if unknown or not names:
        raise ExportError(
            f"unknown table {', '.join(map(repr, unknown)) or '(none)'}; "
            f"choose from {', '.join(TABLES)}"
        )
    return list(dict.fromkeys(names))


def table_rows(engine: Engine, tables: Iterable[str]) -> dict[str, list[Row]]:
    """The rows of each asked table (reports are built only for tables that need them)."""
    wanted = list(tables)
    out: dict[str, list[Row]] = {t: [] for t in wanted}
    stories = engine.stories()
    if "articles" in wanted:
        out["articles"] = [_article_row(a) for a in engine.articles()]
    need_reports = [t for t in wanted if t in _FROM_REPORTS]
    if "stories" in wanted or need_reports:
        for story in stories:
            if need_reports:
                rep = engine.report(story.id).to_dict()
                arts = rep["articles"]
            else:
                rep, arts = {}, [_article_row(a) for a in engine.articles(story.article_ids)]
            if "stories" in wanted:
                out["stories"].extend(_story_rows(story.id, story.title, story, arts))
            for t in need_reports:
                out[t].extend(_report_rows(t, story.id, rep))
    return out


def export(
    engine: Engine,
    out_dir: str | Path,
    *,
    fmt: str = "jsonl",
    what: str | Sequence[str] | None = None,
) -> list[tuple[Path, int]]:
    """Write one file per table into ``out_dir``: ``(path, number of rows)`` for each.

    Raises:
        ExportError: an unknown format or table, or Parquet without pyarrow installed.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    tables = parse_tables(what)
    if fmt == "parquet":
        _pyarrow()  # fail before any report is built
    rows = table_rows(engine, tables)
    out = Path(out_dir)
    written = []
    for name in tables:
        path = out / f"{name}.{fmt}"
        _write(path, rows[name], fmt)
        written.append((path, len(rows[name])))
    return written


# -- rows -------------------------------------------------------------------------------------


def _article_row(a: Any) -> Row:
    """An article: its metadata and text, and the cite of its whole text."""
    return {
        "id": a.id,
        "story_id": a.story_id,
        "source": a.url or a.source,
        "outlet": a.outlet,
        "published": a.published,
        "title": a.title,
        "byline": a.byline,
        "language": a.language,
        "note": extraction_note(a.language),
        "duplicate_of": a.duplicate_of,
        "version": a.version,
        "cite_article": a.id,
        "cite_start": 0,
        "cite_end": len(a.text),
        "text": a.text,
    }


def _story_rows(sid: str, title: str, story: Any, arts: list[Row]) -> Iterator[Row]:
    """One row per member article of a story (the article's whole text is the cite)."""
    for a in arts:
        yield {
            "story_id": sid,
            "title": title,
            "first_seen": story.first_seen,
            "last_seen": story.last_seen,
            "n_articles": len(story.article_ids),
            "n_independent": story.n_independent,
            "article": a["id"],
            "outlet": a.get("outlet"),
            "published": a.get("published"),
            "duplicate_of": a.get("duplicate_of"),
            "cite_article": a["id"],
            "cite_start": 0,
            "cite_end": len(a.get("text") or ""),
        }


def _report_rows(table: str, sid: str, rep: dict[str, Any]) -> Iterator[Row]:
    if table == "conflicts":
        for ci, conflict in enumerate(rep.get("conflicts", [])):
            head = {k: v for k, v in conflict.items() if k != "sides"}
            for si, side in enumerate(conflict.get("sides", [])):
                item = {"conflict": f"{sid}:{ci}", **head, "side": si, **side}
                yield from _explode(sid, item)
        return
    for item in rep.get(table, []):
        yield from _explode(sid, item)


def _explode(sid: str, item: dict[str, Any]) -> Iterator[Row]:
    """One row per cite of ``item``: its own fields, then the cite's three columns."""
    base: Row = {"story_id": sid}
    cites: list[dict[str, Any]] = []
    for k, v in item.items():
        if k == "cite" and isinstance(v, dict):
            cites = [v]
        elif k in _CITE_LISTS and isinstance(v, list):
            cites = v
        else:
            base[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
    if not cites:  # an item without a cite says so with empty cite columns
        yield base | {
            "cite_index": None,
            "cite_article": None,
            "cite_start": None,
            "cite_end": None,
        }
    for i, c in enumerate(cites):
        yield base | {
            "cite_index": i,
            "cite_article": c.get("article"),
            "cite_start": c.get("start"),
            "cite_end": c.get("end"),
        }


# -- writing ----------------------------------------------------------------------------------


def _columns(rows: list[Row]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _write(path: Path, rows: list[Row], fmt: str) -> None:
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        _replace(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=_columns(rows), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                    for k, v in r.items()
                }
            )
        write_atomic(path, buf.getvalue())
    else:
        pa, pq = _pyarrow()
        cols = _columns(rows)
        table = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in rows])
        _replace(path, lambda tmp: pq.write_table(table, tmp))


def _replace(path: Path, write: Callable[[Path], object]) -> None:
    """``write`` a temporary file beside ``path``, then rename it over ``path`` (atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            "Parquet export needs pyarrow: pip install 'storyline[export]' (or pyarrow)"
        ) from None
    return pa, pq


__all__ = ["FORMATS", "TABLES", "ExportError", "export", "parse_tables", "table_rows"]

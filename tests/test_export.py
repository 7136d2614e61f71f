"""Exports (JSONL, CSV, Parquet), the SQL views of the store, and the Atom feed of stories."""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline import Engine
from storyline.cli import app
from storyline.export import TABLES, ExportError, export, parse_tables
from storyline.web.app import create_app

STORY_A = (
    "Harbour workers in Port Selwyn walked out on Monday over a new shift plan. "
    '"We will not accept twelve-hour shifts," said Mara Olsen, the union leader. '
    "The port authority said up to 400 workers joined the strike, and that 35 ships were "
    "waiting offshore. Port Selwyn handles about 60 percent of the region's grain exports."
)
STORY_B = (
    "About 400 harbour workers struck at Port Selwyn on Monday against the port authority's "
    'new shift plan. "This plan puts every crew at risk," Mara Olsen, the union leader, told '
    "reporters. The authority said 35 ships were waiting to unload. Grain traders warned "
    "that exports could fall if the strike at Port Selwyn lasts into next week."
)


@pytest.fixture()
def engine(tmp_path: Path) -> Iterator[Engine]:
    recs = [
        {"text": STORY_A, "title": "Port Selwyn workers strike", "outlet": "Coast Daily",
         "published": "2026-04-06", "url": "https://coast.example/strike"},
        {"text": STORY_B, "title": "Strike halts Port Selwyn", "outlet": "Grain Weekly",
         "published": "2026-04-06", "url": "https://grain.example/selwyn"},
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    with Engine.open(tmp_path / "x.db", extractor="rules", embedder="tfidf") as eng:
        assert len(eng.ingest([str(src)]).added) == 2
        yield eng


def _texts(engine: Engine) -> dict[str, str]:
    return {a.id: a.text for a in engine.articles()}


def test_jsonl_export_every_row_cited(engine: Engine, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = export(engine, out, fmt="jsonl")
    assert [p.name for p, _ in written] == [f"{t}.jsonl" for t in TABLES]
    texts = _texts(engine)
    counts = {p.stem: n for p, n in written}
    assert counts["articles"] == 2 and counts["stories"] == 2
    assert counts["quotes"] >= 2 and counts["quantities"] >= 2 and counts["entities"] >= 1
    for path, n in written:
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        assert len(rows) == n
        for r in rows:
            art, start, end = r["cite_article"], r["cite_start"], r["cite_end"]
            assert art in texts and 0 <= start <= end <= len(texts[art]), (path.name, r)
            if path.stem == "quotes":
                assert texts[art][start:end] == r["text"]
    quotes = [json.loads(x) for x in (out / "quotes.jsonl").read_text().splitlines()]
    assert any(q["speaker"] and "Olsen" in q["speaker"] for q in quotes)


def test_csv_and_parquet_match_jsonl(engine: Engine, tmp_path: Path) -> None:
    what = "quotes,claims,entities"
    j = dict(export(engine, tmp_path / "j", fmt="jsonl", what=what))
    c = dict(export(engine, tmp_path / "c", fmt="csv", what=what))
    with (tmp_path / "c" / "entities.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == c[tmp_path / "c" / "entities.csv"] == j[tmp_path / "j" / "entities.jsonl"]
    assert {"story_id", "id", "name", "cite_article", "cite_start", "cite_end"} <= set(rows[0])
    assert isinstance(json.loads(rows[0]["aliases"]), list)  # lists are JSON in CSV
    pq = pytest.importorskip("pyarrow.parquet")
    p = dict(export(engine, tmp_path / "p", fmt="parquet", what=what))
    table = pq.read_table(tmp_path / "p" / "quotes.parquet")
    assert (
        table.num_rows == p[tmp_path / "p" / "quotes.parquet"] == j[tmp_path / "j" / "quotes.jsonl"]
    )
    assert "cite_start" in table.column_names


def test_bad_tables_and_formats() -> None:
    assert parse_tables(None) == list(TABLES)
    assert parse_tables("quotes, claims,quotes") == ["quotes", "claims"]
    with pytest.raises(ExportError, match="unknown table 'tweets'"):
        parse_tables("quotes,tweets")


def test_cli_export_and_articles_jsonl(engine: Engine, tmp_path: Path) -> None:
    db = str(engine.db_path)
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv", "--what", "articles",
                              "-o", str(tmp_path / "e")])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert (tmp_path / "e" / "articles.csv").exists()
    bad = runner.invoke(app, ["export", "--db", db, "--what", "tweets"])
    assert bad.exit_code == 2 and "unknown table" in bad.output
    res = runner.invoke(app, ["articles", "--db", db, "--format", "jsonl"])
    lines = res.stdout.strip().splitlines()
    assert res.exit_code == 0 and len(lines) == 2
    assert {json.loads(x)["language"] for x in lines} == {"en"}


def test_sql_views_open_in_any_sql_tool(engine: Engine) -> None:
    engine.report(engine.stories()[0].id)  # extraction fills the facts cache
    con = sqlite3.connect(engine.db_path)
    try:
        views = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        assert {"current_articles", "story_articles", "duplicates", "quotes", "quantities",
                "entity_mentions"} <= views  # fmt: skip
        assert con.execute("SELECT COUNT(*) FROM current_articles").fetchone()[0] == 2
        assert con.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == 2
        rows = con.execute(
            "SELECT q.text, substr(a.text, q.cite_start + 1, q.cite_end - q.cite_start) "
            "FROM quotes q JOIN articles a ON a.id = q.cite_article"
        ).fetchall()
        assert rows and all(t == span for t, span in rows)
        (n,) = con.execute("SELECT COUNT(*) FROM quantities WHERE value IS NOT NULL").fetchone()
        assert n >= 1
    finally:
        con.close()


def test_atom_feed_of_stories(engine: Engine) -> None:
    with TestClient(create_app(engine=engine, warm_actors=False)) as client:
        res = client.get("/feed.xml")
    assert res.status_code == 200 and res.headers["content-type"].startswith("application/atom")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(res.content)
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(engine.stories()) >= 1
    link = entries[0].find("a:link", ns)
    assert link is not None and "/stories/" in link.get("href", "")
    summary = entries[0].findtext("a:summary", namespaces=ns) or ""
    assert "independent source" in summary

"""WARC input: HTML responses become articles; damaged archives and bombs fail one line each."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.cli import app
from storyline.engine import Engine
from storyline.errors import InputError
from storyline.models import RawDoc
from storyline.stages.prepare.ingest import read_inputs
from storyline.stages.prepare.warc import read_warc

PAGE = """<!doctype html><html><head><title>{title}</title></head><body><article>
<h1>{title}</h1>
<p>The harbour authority of {town} said on Monday that the new ferry pier would open in
spring, two months later than planned, after storms damaged the foundations.</p>
<p>"We will not cut corners on safety," the authority's director, {person}, told a meeting
of local traders, who had asked for the opening to be brought forward.</p>
<p>The pier cost 14 million euros and is meant to carry up to 3,000 passengers a day.</p>
</article></body></html>"""


def _page(n: int) -> bytes:
    towns = ("Kelmore", "Barrowfield", "Ostend Vale", "Ramsgill")
    people = ("Ida Marsh", "Tomas Beck", "Lena Hart", "Omar Quill")
    return PAGE.format(
        title=f"Ferry pier opening delayed in {towns[n % 4]}",
        town=towns[n % 4],
        person=people[n % 4],
    ).encode()


def write_warc(
    path: Path, pages: list[tuple[str, bytes]], *, gzip_records: bool = True, extra: bool = True
) -> Path:
    """A WARC with a request, an HTML response per page, and a non-HTML response."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_records)
        for i, (uri, body) in enumerate(pages):
            if extra:
                req = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                )
                writer.write_record(req)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            rec = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2026-03-0{i % 9 + 1}T10:00:00Z"},
            )
            writer.write_record(rec)
        if extra:
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/logo.png",
                    "response",
                    payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                    http_headers=img,
                )
            )
            moved = StatusAndHeaders(
                "301 Moved",
                [("Content-Type", "text/html"), ("Location", "/x")],
                protocol="HTTP/1.0",
            )
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/old", "response", payload=io.BytesIO(b"<p>moved</p>"),
                    http_headers=moved,
                )
            )  # fmt: skip
    return path


PAGES = [(f"https://news{i}.example/ferry-{i}", _page(i)) for i in range(3)]


@pytest.mark.parametrize("gz", [True, False])
def test_reads_html_responses_only(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), PAGES, gzip_records=gz)
    items = list(read_warc(path))
    assert all(isinstance(i, RawDoc) for i in items), items
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert [d.source for d in docs] == [u for u, _ in PAGES]
    assert [d.url for d in docs] == [u for u, _ in PAGES]
    assert docs[0].fetched == "2026-03-01T10:00:00Z"
    assert docs[0].html is not None and "ferry pier" in docs[0].html


def test_ingest_warc_gets_articles_with_fetch_date_fallback(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", PAGES)
    with Engine.open(tmp_path / "w.db", embedder="tfidf", extractor="rules") as engine:
        result = engine.ingest([str(path)])
        assert not result.errors
        assert len(result.added) == 3
        arts = engine.articles()
    assert {a.source for a in arts} == {u for u, _ in PAGES}
    for a in arts:
        assert a.published and a.published.startswith("2026-03-0")
        assert a.published_from == "fetched"
        assert a.outlet and a.outlet.endswith(".example")


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("keep", [0.8, 0.97])
def test_truncated_warc_keeps_records_before_the_damage(
    tmp_path: Path, gz: bool, keep: float
) -> None:
    name = "cut.warc.gz" if gz else "cut.warc"
    full = write_warc(tmp_path / ("full-" + name), PAGES, extra=False, gzip_records=gz)
    data = full.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: int(len(data) * keep)])
    items = list(read_inputs([str(cut)]))
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 2
    assert len(errors) == 1
    assert str(cut) in str(errors[0]) and "damaged WARC" in str(errors[0])


def test_garbage_named_warc_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not an archive at all\n" * 10)
    items = list(read_inputs([str(bad)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert str(bad) in str(items[0])


def test_gzip_bomb_record_is_one_clean_error(tmp_path: Path) -> None:
    """A record whose HTTP body inflates far past the limit: one error, the rest still read."""
    limit = 256 * 1024
    bomb = gzip.compress(b"<p>" + b"a" * (limit * 40) + b"</p>", compresslevel=9)
    assert len(bomb) < limit  # small on disk, huge once decompressed
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "https://bomb.example/", "response", payload=io.BytesIO(bomb), http_headers=headers
            )
        )
        ok = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                PAGES[0][0], "response", payload=io.BytesIO(PAGES[0][1]), http_headers=ok
            )
        )
    items = list(read_warc(path, max_bytes=limit))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert len(errors) == 1 and len(docs) == 1
    line = str(errors[0])
    assert "\n" not in line and f"{path}#record1" in line and "too large" in line


def test_declared_total_cap_stops_reading(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "many.warc.gz", PAGES, extra=False)
    items = list(read_warc(path, max_total_bytes=len(PAGES[0][1]) + 200))
    assert isinstance(items[-1], InputError) and "stopped at record" in str(items[-1])
    assert sum(isinstance(i, RawDoc) for i in items) == 1


def test_cli_ingest_warc(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", PAGES)
    res = CliRunner().invoke(
        app, ["ingest", str(path), "--db", str(tmp_path / "c.db"), "--embedder", "tfidf"]
    )
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("3 added")

"""Fetching by URL against a real HTTP server on 127.0.0.1 (a thread of this test), no mock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline import Engine
from storyline.errors import InputError
from storyline.models import RawDoc
from storyline.stages.prepare.fetch import Fetcher, fetch_urls, is_url


def _page(title: str, body: str) -> str:
    paras = "".join(
        f"<p>{body} Sentence {i} adds a little more to the account.</p>" for i in range(6)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{paras}</article></body></html>"
    )


def _site(base: str) -> dict[str, tuple[int, str, str]]:
    return {
        "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
        "/a.html": (200, "text/html", _page("Ferry fares rise in Lindholm",
                    "The ferry company of Lindholm raised fares by 8 percent on Friday.")),
        "/b.html": (200, "text/html", _page("Lindholm riders protest ferry fares",
                    "Riders gathered at the Lindholm quay to protest the new ferry fares.")),
        "/private/c.html": (200, "text/html", _page("Hidden", "This page is not for robots.")),
        "/feed.xml": (200, "application/rss+xml", (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Lindholm Post</title>'
            "<language>en</language>"
            f"<item><title>Fares rise</title><link>{base}/a.html</link>"
            "<pubDate>Fri, 03 Apr 2026 10:00:00 GMT</pubDate><description>Fares rise."
            "</description></item>"
            f"<item><title>Riders protest</title><link>{base}/b.html</link>"
            "<pubDate>Sat, 04 Apr 2026 10:00:00 GMT</pubDate><description>Protest."
            "</description></item></channel></rss>")),
        "/sitemap.xml": (200, "application/xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/a.html</loc></url><url><loc>{base}/b.html</loc></url>"
            "</urlset>")),
    }  # fmt: skip


class _Server:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, ctype, body = server.site.get(self.path, (404, "text/plain", "not found"))
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.site = _site(self.base)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server() -> Iterator[_Server]:
    s = _Server()
    yield s
    s.close()


def _fetcher(**kw: object) -> tuple[Fetcher, list[float]]:
    sleeps: list[float] = []
    return Fetcher(delay=0.05, allow_private=True, sleep=sleeps.append, **kw), sleeps  # type: ignore[arg-type]


def _split(items: list[RawDoc | InputError]) -> tuple[list[RawDoc], list[InputError]]:
    return [d for d in items if isinstance(d, RawDoc)], [
        e for e in items if isinstance(e, InputError)
    ]


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("ftp://x/y")
    assert not is_url("/tmp/a.html") and not is_url("notes.txt")


def test_page_robots_404_and_user_agent(server: _Server) -> None:
    f, sleeps = _fetcher()
    b = server.base
    docs, errs = _split(
        list(fetch_urls([f"{b}/a.html", f"{b}/private/c.html", f"{b}/nope"], fetcher=f))
    )
    assert [d.url for d in docs] == [f"{b}/a.html"]
    assert docs[0].html and "Lindholm" in docs[0].html and docs[0].language == "en"
    assert [e.source for e in errs] == [f"{b}/private/c.html", f"{b}/nope"]
    assert "robots.txt" in errs[0].reason and "HTTP 404" in errs[1].reason
    assert all("\n" not in str(e) for e in errs)
    # robots.txt read once for the host; the disallowed page never requested
    paths = [p for p, _ in server.requests]
    assert paths.count("/robots.txt") == 1 and "/private/c.html" not in paths
    assert all("storyline" in ua for _, ua in server.requests)
    assert sleeps and all(0 < s <= 0.05 for s in sleeps)  # spaced per host, never more


def test_feed_items_fetched_page_by_page(server: _Server) -> None:
    f, _ = _fetcher()
    docs, errs = _split(list(fetch_urls([f"{server.base}/feed.xml"], fetcher=f)))
    assert not errs
    assert [d.title for d in docs] == ["Fares rise", "Riders protest"]
    assert all(d.html and "<article>" in d.html for d in docs)  # the page, not the summary
    assert docs[0].published is not None and docs[0].published.startswith("2026-04-03")


def test_sitemap_pages(server: _Server) -> None:
    f, _ = _fetcher()
    docs, errs = _split(list(fetch_urls([f"{server.base}/sitemap.xml"], fetcher=f)))
    assert not errs
    assert sorted(d.url or "" for d in docs) == [f"{server.base}/a.html", f"{server.base}/b.html"]


def test_scheme_and_private_addresses_refused(server: _Server) -> None:
    _, errs = _split(list(fetch_urls(["ftp://127.0.0.1/a.html"])))
    assert "http and https only" in errs[0].reason
    # by default (no $STORYLINE_FETCH_PRIVATE) trafilatura's SSRF guard keeps loopback out
    f = Fetcher(delay=0, retries=0, allow_private=False)
    docs, errs = _split(list(fetch_urls([f"{server.base}/a.html"], fetcher=f)))
    assert not docs and len(errs) == 1 and "fetch failed" in errs[0].reason
    assert not any(p == "/a.html" for p, _ in server.requests)


def test_engine_ingests_urls(
    server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYLINE_FETCH_PRIVATE", "1")
    with Engine.open(tmp_path / "f.db", extractor="rules", embedder="tfidf") as eng:
        res = eng.ingest([f"{server.base}/a.html", f"{server.base}/nope"])
        assert len(res.added) == 1 and len(res.errors) == 1
        (art,) = eng.articles()
    assert art.url == f"{server.base}/a.html" and art.language == "en"
    assert "ferry company of Lindholm" in art.text


def test_progress_counts_records_not_files(tmp_path: Path) -> None:
    """A 40-line JSONL, a 3-item feed and a 4-page WARC: the bar's total is their records."""
    from storyline.config import Settings
    from storyline.pipeline.prepare import read
    from storyline.stages.prepare.ingest import count_inputs
    from test_warc import write_warc

    lines = [
        f'{{"text": "Record {i} of the Lindholm ferry log, written for this test."}}'
        for i in range(40)
    ]
    (tmp_path / "log.jsonl").write_text("\n".join(lines) + "\n\n")
    feed = _site("http://lindholm.example")["/feed.xml"][2].replace("</channel>", (
        "<item><title>Third</title><description>A third item.</description></item></channel>"
    ))  # fmt: skip
    (tmp_path / "post.rss").write_text(feed)
    pages = [
        (f"https://lindholm.example/{i}", _page(f"Page {i}", "Quay news.").encode())
        for i in range(4)
    ]
    write_warc(tmp_path / "crawl.warc.gz", pages)
    (tmp_path / "note.txt").write_text("One plain note about the ferry timetable.")
    assert count_inputs([str(tmp_path / "log.jsonl")]) == 40
    assert count_inputs([str(tmp_path / "post.rss")]) == 3
    assert count_inputs([str(tmp_path / "crawl.warc.gz")]) == 6  # 4 pages, a logo, a redirect
    calls: list[tuple[int, int | None]] = []
    items = list(read([str(tmp_path)], Settings(), progress=lambda d, t, s: calls.append((d, t))))
    assert calls[0][1] == 40 + 3 + 6 + 1  # known from the first record on
    assert [d for d, _ in calls] == list(range(1, len(items) + 1))
    assert len(items) >= 40 + 3 + 4 + 1

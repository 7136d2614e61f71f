"""Watching URLs (``storyline watch http://…``) against a real HTTP server on 127.0.0.1.

The server is a thread of this test (no mock): it answers ``If-None-Match`` with 304 when a
path's ETag is unchanged and records every request, so the tests can tell what the watch
asked for. No timed assertions: polls are driven one at a time, and the subprocess test
waits on the database with generous timeouts.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline import Engine
from storyline.watch import Watcher
from test_fetch import _page
from test_watch import count, safe_count, storyline_cmd, wait_for

STORIES = {
    "a": ("Quarry road reopens", "The quarry road above Tellbridge reopened on Monday after "
          "a landslide had closed it for nine days, the county engineer said."),
    "b": ("Tellbridge school gets solar roof", "The primary school of Tellbridge installed "
          "solar panels over the summer holidays, paid for by a parents' cooperative."),
    "c": ("Ferry to Ostholm cancelled", "The evening ferry to the island of Ostholm was "
          "cancelled for the third time this week because of strong easterly winds."),
}  # fmt: skip


def feed(base: str, *names: str) -> str:
    """An RSS feed whose items carry only a title, a link and a date (no content)."""
    items = "".join(
        f"<item><title>{STORIES[n][0] if n in STORIES else n}</title>"
        f"<link>{base}/{n}.html</link><pubDate>Tue, 0{i + 1} Sep 2026 08:00:00 GMT</pubDate>"
        "</item>"
        for i, n in enumerate(names)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Tellbridge Gazette</title>'
        f"{items}</channel></rss>"
    )


class Site:
    """A tiny site: ``pages`` maps a path to ``(content type, body)``; the rest is 404."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, int]] = []  # (path, status answered)
        self.etags = True
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                ctype, body = site.pages.get(self.path, ("text/plain", "not found"))
                data = body.encode()
                etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
                status = 200 if self.path in site.pages else 404
                if status == 200 and site.etags and self.headers.get("If-None-Match") == etag:
                    status, data = 304, b""
                site.requests.append((self.path, status))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if site.etags:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.pages: dict[str, tuple[str, str]] = {
            "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
            **{f"/{n}.html": ("text/html", _page(t, lead)) for n, (t, lead) in STORIES.items()},
        }
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def set_feed(self, *names: str) -> None:
        self.pages["/feed.xml"] = ("application/rss+xml", feed(self.base, *names))

    def asked(self, path: str) -> list[int]:
        """The statuses answered to every request for ``path``, in order."""
        return [status for p, status in self.requests if p == path]


@pytest.fixture()
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


@pytest.fixture()
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setenv("STORYLINE_FETCH_PRIVATE", "1")  # the test server is on loopback
    with Engine.open(tmp_path / "w.db", extractor="rules", embedder="tfidf") as e:
        yield e


def test_feed_gains_an_entry_between_polls(site: Site, engine: Engine) -> None:
    site.set_feed("a", "b")
    w = Watcher(engine, [f"{site.base}/feed.xml"], extract=False, fetch_delay=0.01)
    stop = threading.Event()
    assert w.poll(stop)
    assert (w.stats.added, w.stats.errors) == (2, 0)
    assert site.asked("/a.html") == [200] and site.asked("/b.html") == [200]
    # nothing changed: the feed answers 304 to the conditional request, no page is asked for
    assert w.poll(stop)
    assert site.asked("/feed.xml") == [200, 304]
    assert w.stats.added == 2 and len(site.asked("/a.html")) == 1
    site.set_feed("c", "a", "b")  # a new entry on top
    assert w.poll(stop)
    assert site.asked("/feed.xml") == [200, 304, 200]
    assert (w.stats.added, w.stats.errors) == (3, 0)
    assert [len(site.asked(f"/{n}.html")) for n in "abc"] == [1, 1, 1]  # never refetched
    arts = engine.articles()
    assert len(arts) == 3 and all(a.story_id for a in arts)
    by_url = {a.url: a for a in arts}
    assert by_url[f"{site.base}/c.html"].title == STORIES["c"][0]  # the feed item's title
    assert "easterly winds" in by_url[f"{site.base}/c.html"].text  # the page, fetched
    assert site.asked("/robots.txt") == [200]  # read once for the host


def test_failed_entry_one_error_line_others_stored_robots_respected(
    site: Site, engine: Engine
) -> None:
    site.set_feed("a", "gone", "private/b", "b")
    w = Watcher(engine, [f"{site.base}/feed.xml"], extract=False, fetch_delay=0.01)
    stop = threading.Event()
    assert w.poll(stop)
    assert w.stats.added == 2
    assert len(w.stats.error_log) == 2
    gone, private = w.stats.error_log
    assert gone.startswith(f"{site.base}/gone.html") and "HTTP 404" in gone
    assert private.startswith(f"{site.base}/private/b.html") and "robots.txt" in private
    assert all("\n" not in line for line in w.stats.error_log)
    assert site.asked("/private/b.html") == []  # disallowed: never asked for
    # the next poll does not ask again before the retry time, and reports nothing new
    assert w.poll(stop)
    assert site.asked("/gone.html") == [404] and len(w.stats.error_log) == 2


def test_failed_entry_is_retried_and_stored_once_it_appears(site: Site, engine: Engine) -> None:
    site.set_feed("a", "late")
    w = Watcher(engine, [f"{site.base}/feed.xml"], extract=False, fetch_delay=0.01, retry_after=0)
    stop = threading.Event()
    assert w.poll(stop) and w.poll(stop)
    assert site.asked("/late.html") == [404, 404]  # retried on the next poll ...
    assert len(w.stats.error_log) == 1  # ... but its error reported once
    site.pages["/late.html"] = ("text/html", _page(*STORIES["b"]))
    assert w.poll(stop)
    assert site.asked("/late.html") == [404, 404, 200]
    assert w.stats.added == 2 and len(engine.articles()) == 2


def test_watched_page_and_sitemap_without_etags(site: Site, engine: Engine) -> None:
    """No validators from the server: an unchanged page is not stored again, a changed one
    is a new version; a sitemap's pages are fetched once."""
    site.etags = False
    site.pages["/sitemap.xml"] = ("application/xml", (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.base}/b.html</loc></url><url><loc>{site.base}/c.html</loc></url>"
        "</urlset>"))  # fmt: skip
    w = Watcher(
        engine, [f"{site.base}/a.html", f"{site.base}/sitemap.xml"], extract=False,
        fetch_delay=0.01,
    )  # fmt: skip
    stop = threading.Event()
    assert w.poll(stop) and w.poll(stop)
    assert (w.stats.added, w.stats.unchanged, w.stats.errors) == (3, 0, 0)
    assert site.asked("/a.html") == [200, 200] and site.asked("/b.html") == [200]
    title, lead = STORIES["a"]
    site.pages["/a.html"] = ("text/html", _page(title, lead + " Buses return on Friday."))
    assert w.poll(stop)
    assert (w.stats.added, w.stats.new_versions) == (4, 1)


def test_a_poll_not_stored_is_fetched_again(site: Site, engine: Engine) -> None:
    """Stopped in the middle of a poll: nothing of it is remembered, the next poll has it."""
    site.set_feed("a", "b")
    w = Watcher(engine, [f"{site.base}/feed.xml"], extract=False, fetch_delay=0.01)
    stop = threading.Event()
    assert not w.poll(stop, on_update=lambda s: stop.set())
    assert w.stats.interrupted and len(engine.articles()) == 0
    assert w.poll(threading.Event())
    assert w.stats.added == 2


def test_cli_watch_url_stores_new_entries_and_stops_on_sigint(site: Site, tmp_path: Path) -> None:
    site.set_feed("a", "gone")
    db = tmp_path / "w.db"
    env = dict(os.environ, HF_HUB_OFFLINE="1", STORYLINE_FETCH_PRIVATE="1")
    proc = subprocess.Popen(
        [*storyline_cmd(), "watch", f"{site.base}/feed.xml", "--db", str(db), "--embedder",
         "tfidf", "--extractor", "rules", "--interval", "0.2", "--fetch-delay", "0.01",
         "--no-extract"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        wait_for(lambda: safe_count(db) >= 1)
        site.set_feed("b", "a", "gone")
        wait_for(lambda: safe_count(db) >= 2)
        proc.send_signal(signal.SIGINT)
        out, errs = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, errs
    assert out.startswith("watch stopped: 2 added"), out
    assert count(db) == 2
    assert [line for line in errs.splitlines() if "gone.html" in line] == [
        f"skipped {site.base}/gone.html: fetch failed (HTTP 404)"
    ], errs
    assert len(site.asked("/a.html")) == 1 and len(site.asked("/b.html")) == 1

"""Fetch: web pages, RSS/Atom feeds and sitemaps by URL, politely, as raw documents.

Only ``http://`` and ``https://`` URLs are fetched, and only when the user names them
(``storyline ingest URL…``, ``storyline watch URL``); nothing else in storyline uses the
network. Downloads go through trafilatura's fetching functions (``fetch_response``, and
``sitemaps.sitemap_search`` for sitemaps) with a user agent naming storyline, and:

- robots.txt is read once per host (``urllib.robotparser``) and respected, its
  ``Crawl-delay`` included;
- requests to one host are spaced by at least ``delay`` seconds;
- a failed connection is retried ``retries`` times (trafilatura's pool retries 5xx itself);
- trafilatura's SSRF protection (no loopback or private addresses) stays on unless
  ``allow_private`` (``$STORYLINE_FETCH_PRIVATE=1``) is set, for intranets and tests;
- every failed URL is one ``InputError`` with a one-line reason; the rest go on.

A feed's items are fetched page by page (the item's date and title are kept; when a page
cannot be fetched, the item's own content is used, as for a feed file). A sitemap's links
are fetched page by page, at most ``max_pages`` per feed or sitemap.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from html import unescape as html_unescape
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from storyline.config import MAX_BYTES
from storyline.errors import InputError
from storyline.models import RawDoc

logger = logging.getLogger(__name__)

USER_AGENT = "storyline/0.1 (news story reader; +https://github.com/storyline)"
SCHEMES = ("http", "https")


def is_url(value: str) -> bool:
    """Whether ``value`` looks like a URL (``scheme://…``) rather than a path."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value) is not None


@dataclass(slots=True)
class Fetcher:
    """Polite fetching state: per-host robots.txt rules and the time of the last request."""

    max_bytes: int = MAX_BYTES
    delay: float = 1.0
    retries: int = 2
    timeout: int = 15
    max_pages: int = 200
    allow_private: bool = field(
        default_factory=lambda: os.environ.get("STORYLINE_FETCH_PRIVATE") == "1"
    )
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _config: Any = None

    def config(self) -> Any:
        if self._config is None:
            from copy import deepcopy

            from trafilatura.settings import DEFAULT_CONFIG

            cfg = deepcopy(DEFAULT_CONFIG)
            cfg.set("DEFAULT", "USER_AGENTS", self.user_agent)
            cfg.set("DEFAULT", "MAX_FILE_SIZE", str(self.max_bytes))
            cfg.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(self.timeout))
            cfg.set("DEFAULT", "SLEEP_TIME", str(self.delay))
            cfg.set("DEFAULT", "SSRF_PROTECTION", "off" if self.allow_private else "on")
            self._config = cfg
        return self._config

    # -- politeness ---------------------------------------------------------------------------

    def _wait(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            left = last + delay - time.monotonic()
            if left > 0:
                self.sleep(left)
        self._last[host] = time.monotonic()

    def _rules(self, url: str) -> RobotFileParser | None:
        """The robots.txt rules of ``url``'s host (None: no robots.txt, all allowed)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            rp: RobotFileParser | None = None
            resp = self._get(f"{host}/robots.txt", robots=False)
            if resp is not None and resp.status == 200 and resp.data:
                rp = RobotFileParser()
                rp.parse(resp.data.decode("utf-8", "replace").splitlines())
            elif resp is not None and resp.status in (401, 403):
                rp = RobotFileParser()  # access to robots.txt refused: nothing is allowed
                rp.parse(["User-agent: *", "Disallow: /"])
            self._robots[host] = rp
        return self._robots[host]

    def allowed(self, url: str) -> bool:
        rp = self._rules(url)
        return rp is None or rp.can_fetch(self.user_agent, url)

    def _get(self, url: str, *, robots: bool = True) -> Any:
        """trafilatura's response for ``url`` (None when it could not be had), politely."""
        from trafilatura.downloads import fetch_response

        host = urlsplit(url).netloc
        delay = self.delay
        if robots and (rp := self._rules(url)) is not None:
            delay = max(delay, float(rp.crawl_delay(self.user_agent) or 0))
        for attempt in range(self.retries + 1):
            self._wait(host, delay * (attempt + 1) if attempt else delay)
            resp = fetch_response(url, decode=False, config=self.config())
            if resp is not None:
                return resp
        return None

    # -- documents ----------------------------------------------------------------------------

    def fetch(self, url: str) -> Iterator[RawDoc | InputError]:
        """The article(s) at ``url``: a page, each item of a feed, each page of a sitemap."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in SCHEMES:
            yield InputError(url, f"unsupported URL scheme {scheme!r} (http and https only)")
            return
        doc = self.page(url)
        if isinstance(doc, InputError) or doc is None:
            yield doc or InputError(url, "fetch failed")
            return
        body, kind = doc
        if kind == "feed":
            yield from self._feed(url, body)
        elif kind == "sitemap":
            yield from self._sitemap(url, body)
        else:
            yield _page_doc(url, body)

    def page(self, url: str) -> tuple[bytes, str] | InputError | None:
        """The bytes at ``url`` and their kind (html, feed, sitemap), or why not."""
        if not self.allowed(url):
            return InputError(url, "disallowed by the site's robots.txt")
        resp = self._get(url)
        if resp is None:
            return InputError(url, f"fetch failed (no answer after {self.retries + 1} tries)")
        if resp.status != 200:
            return InputError(url, f"fetch failed (HTTP {resp.status})")
        data: bytes = resp.data or b""
        if len(data) > self.max_bytes:
            return InputError(url, "too large")
        if not data.strip():
            return InputError(url, "empty page")
        head = data[:4096].lower()
        ctype = str(getattr(resp, "headers", {}).get("content-type", "")).lower()
        if b"<urlset" in head or b"<sitemapindex" in head:
            return data, "sitemap"
        if b"<rss" in head or b"<feed" in head or b"<rdf" in head or "rss" in ctype:
            return data, "feed"
        return data, "html"

    def _feed(self, url: str, data: bytes) -> Iterator[RawDoc | InputError]:
        from storyline.stages.prepare.ingest import read_feed

        for n, item in enumerate(read_feed(url, data, None, None)):
            if n >= self.max_pages:
                yield InputError(url, f"feed has over {self.max_pages} items; the rest skipped")
                return
            if isinstance(item, InputError) or not item.url or not is_url(item.url):
                yield item
                continue
            got = self.page(item.url)
            if isinstance(got, tuple) and got[1] == "html":
                page = _page_doc(item.url, got[0])
                yield replace(
                    page,
                    title=item.title,
                    published=item.published,
                    outlet=item.outlet,
                    byline=item.byline,
                    language=item.language,
                )
            else:  # the item's own content, as a feed file gives it
                if isinstance(got, InputError):
                    logger.info("%s; using the feed item's content", got)
                yield item

    def _sitemap(self, url: str, data: bytes, depth: int = 0) -> Iterator[RawDoc | InputError]:
        from trafilatura.sitemaps import sitemap_search

        try:
            links = sitemap_search(url, sleep_time=self.delay, config=self.config())
        except Exception as exc:  # a broken sitemap is one error, not a crash
            yield InputError(url, f"unreadable sitemap ({exc})".replace("\n", " "))
            return
        if not links:
            # trafilatura refuses hosts without a domain name (an IP address, an intranet
            # name); the sitemap already fetched is read directly then, an index one level deep
            links = []
            for loc in _LOC.findall(data.decode("utf-8", "replace"))[: self.max_pages + 1]:
                loc = html_unescape(loc.strip())
                if b"<sitemapindex" in data[:4096].lower() and depth == 0:
                    got = self.page(loc)
                    if isinstance(got, tuple) and got[1] == "sitemap":
                        links.extend(_LOC.findall(got[0].decode("utf-8", "replace")))
                elif is_url(loc):
                    links.append(loc)
            links = [html_unescape(x.strip()) for x in links]
        if not links:
            yield InputError(url, "sitemap lists no pages")
            return
        for n, link in enumerate(links):
            if n >= self.max_pages:
                yield InputError(url, f"sitemap has over {self.max_pages} pages; the rest skipped")
                return
            got = self.page(link)
            if isinstance(got, InputError) or got is None:
                yield got or InputError(link, "fetch failed")
            elif got[1] == "html":
                yield _page_doc(link, got[0])
            else:
                yield InputError(link, f"a {got[1]} inside a sitemap, not followed")


_LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.S | re.I)


def _page_doc(url: str, data: bytes) -> RawDoc:
    html = data.decode("utf-8", "replace")
    m = re.search(rb"""charset=["']?([A-Za-z0-9_.:-]+)""", data[:4096])
    if m:
        with contextlib.suppress(LookupError, UnicodeError, ValueError):
            html = data.decode(m.group(1).decode("ascii"))
    lang = re.search(r"""<html[^>]*\blang=["']?([A-Za-z-]+)""", html[:4096], re.I)
    return RawDoc(source=url, html=html, url=url, language=lang.group(1) if lang else None)


def fetch_urls(
    urls: list[str], *, max_bytes: int = MAX_BYTES, fetcher: Fetcher | None = None
) -> Iterator[RawDoc | InputError]:
    """Every article at ``urls`` (one ``Fetcher``, so politeness spans them all)."""
    f = fetcher or Fetcher(max_bytes=max_bytes)
    for url in urls:
        try:
            yield from f.fetch(url)
        except Exception as exc:  # one bad URL must not stop the batch
            logger.debug("fetching %s failed", url, exc_info=True)
            yield InputError(url, f"fetch failed ({type(exc).__name__}: {exc})".replace("\n", " "))


__all__ = ["SCHEMES", "USER_AGENT", "Fetcher", "fetch_urls", "is_url"]

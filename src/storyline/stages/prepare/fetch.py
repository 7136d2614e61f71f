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
cannot be fetched, the item's own content is used, as for a feed file; an item with a link
and no content of its own is its page or one error). A sitemap's links are fetched page by
page, at most ``max_pages`` per feed or sitemap.

A watch's fetcher (``remember=True``, ``storyline watch URL``) is kept from poll to poll:

- the watched URL is asked for with a conditional request (``If-None-Match`` and
  ``If-Modified-Since`` from the last answer's ``ETag`` and ``Last-Modified``): a ``304 Not
  Modified`` costs no body. trafilatura's ``fetch_response`` sends only its own headers, so
  this one request goes through trafilatura's own connection pool (``create_pool``, with
  its SSRF guard) and urllib3's ``Retry`` (exponential backoff, ``Retry-After`` honoured);
- an entry (a feed item's link, a sitemap's page) is fetched once, and again only when the
  feed gives it a new date; a watched page is passed on only when its body changed;
- an entry that failed is tried again on later polls after ``retry_after`` seconds,
  doubling each time, at most ``max_tries`` times; its error is reported the first time;
- at most ``max_pages`` entries are fetched per poll, the rest on the next ones;
- robots.txt is read again once a day.
"""

from __future__ import annotations

import contextlib
import hashlib
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
    remember: bool = False  # a watch's fetcher: conditional requests, each entry fetched once
    retry_after: float = 60.0  # a failed entry's first wait before it is tried again
    max_tries: int = 5  # tries of a failing entry before it waits for the feed to change it
    robots_ttl: float = 86_400.0  # robots.txt is read again after this many seconds
    _robots: dict[str, tuple[RobotFileParser | None, float]] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _config: Any = None
    _pool: Any = None
    # remember mode: per URL, the validators and the body (feeds and sitemaps) of the last
    # answer, the digest of a watched page, and per entry its date when fetched or failures
    _validators: dict[str, dict[str, str]] = field(default_factory=dict)
    _bodies: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict)
    _seen: dict[str, str] = field(default_factory=dict)
    _failed: dict[str, tuple[int, float]] = field(default_factory=dict)
    _down: dict[str, str] = field(default_factory=dict)  # last error reported per URL
    _budget: int = 0  # entries still to fetch in this poll

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
        known = self._robots.get(host)
        if known is None or time.monotonic() - known[1] > self.robots_ttl:
            rp: RobotFileParser | None = None
            resp = self._get(f"{host}/robots.txt", robots=False)
            if resp is not None and resp.status == 200 and resp.data:
                rp = RobotFileParser()
                rp.parse(resp.data.decode("utf-8", "replace").splitlines())
            elif resp is not None and resp.status in (401, 403):
                rp = RobotFileParser()  # access to robots.txt refused: nothing is allowed
                rp.parse(["User-agent: *", "Disallow: /"])
            self._robots[host] = (rp, time.monotonic())
        return self._robots[host][0]

    def allowed(self, url: str) -> bool:
        rp = self._rules(url)
        return rp is None or rp.can_fetch(self.user_agent, url)

    def _get(self, url: str, *, robots: bool = True) -> Any:
        """trafilatura's response for ``url`` (None when it could not be had), politely.

        A failed connection is tried again after ``delay``, then twice that, and so on.
        """
        from trafilatura.downloads import fetch_response

        host = urlsplit(url).netloc
        delay = self.delay
        if robots and (rp := self._rules(url)) is not None:
            delay = max(delay, float(rp.crawl_delay(self.user_agent) or 0))
        if self.remember and robots:
            return self._get_conditional(url, host, delay)
        for attempt in range(self.retries + 1):
            self._wait(host, delay * 2**attempt)
            resp = fetch_response(url, decode=False, config=self.config())
            if resp is not None:
                return resp
        return None

    def _get_conditional(self, url: str, host: str, delay: float) -> _Answer | None:
        """``url`` asked for with the last answer's validators (a 304 has no body).

        trafilatura's ``fetch_response`` takes no request headers, so this request goes
        through trafilatura's pool (``create_pool``: the same SSRF guard) with urllib3's
        ``Retry``, which backs off exponentially and honours ``Retry-After``.
        """
        import certifi
        import urllib3
        from trafilatura.downloads import create_pool

        if self._pool is None:
            self._pool = create_pool(
                ssrf_protection=not self.allow_private,
                ca_certs=certifi.where(),
                cert_reqs="CERT_REQUIRED",
            )
        headers = dict(urllib3.util.make_headers(accept_encoding=True))
        headers["User-Agent"] = self.user_agent
        headers.update(self._validators.get(url, {}))
        retry = urllib3.util.Retry(
            total=self.retries + 5,  # redirects count too
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            redirect=5,
            backoff_factor=delay,
            backoff_max=60,
            status_forcelist=(429, 500, 502, 503, 504),
            raise_on_status=False,
        )
        self._wait(host, delay)
        try:
            resp = self._pool.request(
                "GET", url, headers=headers, retries=retry, timeout=self.timeout,
                preload_content=False,
            )  # fmt: skip
        except urllib3.exceptions.HTTPError as exc:
            logger.debug("fetching %s failed: %s", url, exc)
            return None
        try:
            data = b""
            for chunk in resp.stream(2**16):
                data += chunk
                if len(data) > self.max_bytes:
                    break
        except urllib3.exceptions.HTTPError as exc:
            logger.debug("reading %s failed: %s", url, exc)
            return None
        finally:
            resp.release_conn()
        got = {k.lower(): v for k, v in resp.headers.items()}
        if resp.status == 200:
            validators = {}
            if etag := got.get("etag"):
                validators["If-None-Match"] = etag
            if modified := got.get("last-modified"):
                validators["If-Modified-Since"] = modified
            self._validators[url] = validators
        return _Answer(int(resp.status), data, got)

    # -- remember mode (a watch) ----------------------------------------------------------------

    def _due(self, key: str, marker: str) -> bool:
        """Whether entry ``key`` (with date ``marker``) is to be fetched in this poll."""
        if not self.remember:
            return True
        if self._seen.get(key) == marker:
            return False  # fetched before, and the feed gives it no new date
        failed = self._failed.get(key)
        return failed is None or time.monotonic() >= failed[1]

    def _done(self, key: str, marker: str) -> None:
        if self.remember:
            self._seen[key] = marker
            self._failed.pop(key, None)

    def _failure(self, key: str, marker: str) -> bool:
        """Note a failed entry; True when its error is to be reported (the first time)."""
        if not self.remember:
            return True
        n = self._failed.get(key, (0, 0.0))[0] + 1
        if n >= self.max_tries:
            logger.info("%s: given up after %d tries, until the feed dates it anew", key, n)
            self._seen[key] = marker
            self._failed.pop(key, None)
        else:
            self._failed[key] = (n, time.monotonic() + self.retry_after * 2 ** (n - 1))
        return n == 1

    def mark(self) -> _Mark:
        """What this fetcher remembers of URLs and entries, to ``rollback`` to if a poll is
        not stored."""
        return _Mark(
            dict(self._seen), dict(self._failed), dict(self._digests), dict(self._validators)
        )

    def rollback(self, mark: _Mark) -> None:
        """Forget what was fetched since ``mark``: the next poll fetches it again in full."""
        self._seen, self._failed = dict(mark.seen), dict(mark.failed)
        self._digests, self._validators = dict(mark.digests), dict(mark.validators)

    # -- documents ----------------------------------------------------------------------------

    def fetch(self, url: str) -> Iterator[RawDoc | InputError]:
        """The article(s) at ``url``: a page, each item of a feed, each page of a sitemap.

        In remember mode, only what is new since the last call for ``url``, and an error
        that repeats the last one for ``url`` is not reported again.
        """
        scheme = urlsplit(url).scheme.lower()
        if scheme not in SCHEMES:
            yield InputError(url, f"unsupported URL scheme {scheme!r} (http and https only)")
            return
        got = self.page(url)
        if isinstance(got, InputError):
            if not self.remember or self._down.get(url) != got.reason:
                yield got
            if self.remember:
                self._down[url] = got.reason
            return
        self._down.pop(url, None)
        body, kind = got
        self._budget = self.max_pages
        if kind == "feed":
            yield from self._feed(url, body)
        elif kind == "sitemap":
            yield from self._sitemap(url, body)
        elif kind == "html":
            digest = hashlib.blake2b(body, digest_size=16).hexdigest()
            if not self.remember or self._digests.get(url) != digest:
                self._digests[url] = digest
                yield _page_doc(url, body)

    def page(self, url: str) -> tuple[bytes, str] | InputError:
        """The bytes at ``url`` and their kind (html, feed, sitemap), or why not.

        In remember mode, a ``304 Not Modified`` gives the body kept from the last answer
        (a feed, a sitemap) or the kind ``unchanged``.
        """
        if not self.allowed(url):
            return InputError(url, "disallowed by the site's robots.txt")
        resp = self._get(url)
        if resp is None:
            return InputError(url, f"fetch failed (no answer after {self.retries + 1} tries)")
        if resp.status == 304 and self.remember:
            return self._bodies.get(url, (b"", "unchanged"))
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
            kind = "sitemap"
        elif b"<rss" in head or b"<feed" in head or b"<rdf" in head or "rss" in ctype:
            kind = "feed"
        else:
            kind = "html"
        if self.remember and kind != "html":
            self._bodies[url] = (data, kind)
        return data, kind

    def _take(self, url: str, n: int) -> bool:
        """Whether the ``n``-th entry of ``url`` may be fetched now (``max_pages`` a time)."""
        if self.remember:
            if self._budget <= 0:
                logger.info("%s: over %d new entries; the rest next poll", url, self.max_pages)
                return False
            self._budget -= 1
            return True
        return n < self.max_pages

    def _feed(self, url: str, data: bytes) -> Iterator[RawDoc | InputError]:
        from storyline.stages.prepare.ingest import read_feed

        for n, item in enumerate(read_feed(url, data, None, None)):
            # an item's link: a RawDoc's url, or the source of the error of an item that has
            # a link but no content of its own (read_feed names a link-less item url#itemN)
            link = item.url if isinstance(item, RawDoc) else item.source
            if not link or not is_url(link) or link == url or link.startswith(f"{url}#item"):
                link = None
            if link is None and isinstance(item, InputError):
                if not self.remember or self._down.get(item.source) != item.reason:
                    yield item  # the feed itself is malformed or an item is empty
                if self.remember:
                    self._down[item.source] = item.reason
                continue
            key = link or "#" + hashlib.blake2b(
                (item.source + str(getattr(item, "text", "")) + str(getattr(item, "html", ""))
                 ).encode("utf-8", "replace"), digest_size=16,
            ).hexdigest()  # fmt: skip
            marker = (item.published or "") if isinstance(item, RawDoc) else ""
            if not self._due(key, marker):
                continue
            if not self._take(url, n):
                if not self.remember:
                    yield InputError(url, f"feed has over {self.max_pages} items; the rest skipped")
                return
            if link is None:  # an item with content and no link: the feed file's way
                self._done(key, marker)
                yield item
                continue
            got = self.page(link)
            if isinstance(got, tuple) and got[1] in ("html", "unchanged"):
                self._done(key, marker)
                if got[1] == "html":
                    page = _page_doc(link, got[0])
                    yield replace(
                        page, title=item.title, published=item.published, outlet=item.outlet,
                        byline=item.byline, language=item.language,
                    ) if isinstance(item, RawDoc) else page  # fmt: skip
            elif isinstance(item, RawDoc):  # the item's own content, as a feed file gives it
                if isinstance(got, InputError):
                    logger.info("%s; using the feed item's content", got)
                self._done(key, marker)
                yield item
            else:
                err = got if isinstance(got, InputError) else InputError(
                    link, f"a {got[1]} inside a feed, not followed"
                )  # fmt: skip
                if self._failure(key, marker):
                    yield err

    def _sitemap(self, url: str, data: bytes) -> Iterator[RawDoc | InputError]:
        links: list[str] = []
        if not self.remember:  # a watch reads the body it has (asked for conditionally)
            from trafilatura.sitemaps import sitemap_search

            try:
                links = sitemap_search(url, sleep_time=self.delay, config=self.config())
            except Exception as exc:  # a broken sitemap is one error, not a crash
                yield InputError(url, f"unreadable sitemap ({exc})".replace("\n", " "))
                return
        # trafilatura refuses hosts without a domain name (an IP address, an intranet name):
        # the sitemap already fetched is read directly then, an index one level deep
        links = links or self._sitemap_links(data)
        if not links:
            if not self.remember or self._down.get(url) != "empty":
                yield InputError(url, "sitemap lists no pages")
            self._down[url] = "empty"
            return
        for n, link in enumerate(links):
            if not self._due(link, ""):
                continue
            if not self._take(url, n):
                if not self.remember:
                    yield InputError(
                        url, f"sitemap has over {self.max_pages} pages; the rest skipped"
                    )
                return
            got = self.page(link)
            if isinstance(got, InputError):
                if self._failure(link, ""):
                    yield got
            elif got[1] in ("html", "unchanged"):
                self._done(link, "")
                if got[1] == "html":
                    yield _page_doc(link, got[0])
            elif self._failure(link, ""):
                yield InputError(link, f"a {got[1]} inside a sitemap, not followed")

    def _sitemap_links(self, data: bytes) -> list[str]:
        """The page links of a sitemap (and of the sitemaps of an index, one level deep)."""
        links: list[str] = []
        index = b"<sitemapindex" in data[:4096].lower()
        for loc in _LOC.findall(data.decode("utf-8", "replace"))[: self.max_pages + 1]:
            loc = html_unescape(loc.strip())
            if index:
                got = self.page(loc)
                if isinstance(got, tuple) and got[1] == "sitemap":
                    links.extend(_LOC.findall(got[0].decode("utf-8", "replace")))
            elif is_url(loc):
                links.append(loc)
        return [html_unescape(x.strip()) for x in links]


@dataclass(frozen=True, slots=True)
class _Mark:
    """A remember-mode fetcher's memory at one moment (``Fetcher.mark``)."""

    seen: dict[str, str]
    failed: dict[str, tuple[int, float]]
    digests: dict[str, str]
    validators: dict[str, dict[str, str]]


@dataclass(frozen=True, slots=True)
class _Answer:
    """A response read by ``Fetcher._get_conditional`` (the fields ``page`` reads)."""

    status: int
    data: bytes
    headers: dict[str, str]


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

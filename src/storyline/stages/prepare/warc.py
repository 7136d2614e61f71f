"""WARC input: the HTML pages of a web crawl (``.warc`` and ``.warc.gz``), read with warcio.

``read_warc`` streams the archive record by record and yields one ``RawDoc`` per
HTML response (``source``/``url`` = ``WARC-Target-URI``, ``fetched`` = ``WARC-Date``) and
one ``InputError`` per bad record; it never raises for bad data and never holds more than
one record in memory. Records that are not successful HTML responses (requests,
metadata, redirects, images, scripts) are skipped silently: a crawl is mostly those.

Limits, so that a hostile or broken archive costs bounded memory and time:

- a record whose declared or decompressed size exceeds ``max_bytes`` is refused with one
  error naming the file and the record (a gzip bomb stops at ``max_bytes + 1`` bytes);
- the whole file may declare at most ``max_total_bytes`` of records (by default 100 times
  its size on disk, a ratio no real crawl reaches); reading stops there with one error;
- a truncated or corrupt archive yields every record before the damage, then one error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.config import MAX_BYTES
from storyline.errors import InputError
from storyline.models import RawDoc

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TOTAL_RATIO = 100  # default cap on declared record bytes per byte of archive on disk


def is_warc(path: Path) -> bool:
    """True when ``path`` is named like a WARC file (``.warc`` or ``.warc.gz``)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _label(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _charset(content_type: str | None, head: bytes) -> str | None:
    declared = re.search(r"charset=[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    if declared:
        return declared.group(1)
    meta = re.search(rb"""charset=["']?([A-Za-z0-9_.:-]+)""", head[:4096], re.I)
    return meta.group(1).decode("ascii") if meta else None


def _decode(data: bytes, content_type: str | None) -> str | None:
    """The page as text: declared charset (HTTP header, then meta tag), else UTF-8."""
    charset = _charset(content_type, data)
    for enc in (charset, "utf-8"):
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _iterator_class() -> type:
    from warcio.archiveiterator import ArchiveIterator

    class _Records(ArchiveIterator):  # type: ignore[misc]
        """warcio's iterator, quiet, and telling whether the gzip stream ended cleanly."""

        INC_RECORD = ""  # warcio prints a multi-line warning per bad record; we report one line
        cut_short = False

        def close(self) -> None:
            reader = self.reader
            if reader is not None and reader.decompressor is not None:
                # a gzip member that never reached its end: the file was truncated
                self.cut_short = not getattr(reader.decompressor, "eof", True)
            super().close()

    return _Records


def _page(
    record: object, n: int, src: str, max_bytes: int, outlet: str | None, published: str | None
) -> RawDoc | InputError | None:
    """One record as a page, an error, or None when it is not a successful HTML response."""
    rec: Any = record
    if rec.rec_type not in ("response", "resource"):
        return None
    uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{src}#record{n}"
    http = rec.http_headers
    if http is not None:
        if not (http.get_statuscode() or "").startswith("2"):
            return None
        ctype = http.get_header("Content-Type")
    else:
        ctype = rec.rec_headers.get_header("Content-Type")
    if not ctype or ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    where = f"{src}#record{n}"
    declared = int(rec.length or 0)
    if declared > max_bytes:
        return InputError(
            where, f"{uri}: record too large ({_label(declared)}; the limit is {_label(max_bytes)})"
        )
    # content_stream() undoes HTTP chunking and gzip/deflate/brotli encoding; reading one
    # byte over the limit bounds a compression bomb.
    body = rec.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return InputError(
            where, f"{uri}: page too large once decompressed (over the {_label(max_bytes)} limit)"
        )
    if not body.strip():
        return None
    if b"\x00" in body[:8192]:
        return InputError(where, f"{uri}: binary content labelled as HTML")
    html = _decode(body, ctype)
    if html is None:
        return InputError(where, f"{uri}: undecodable text (charset unknown)")
    return RawDoc(
        source=uri,
        html=html,
        outlet=outlet,
        published=published,
        url=uri if uri.startswith(("http://", "https://")) else None,
        fetched=rec.rec_headers.get_header("WARC-Date"),
    )


def read_warc(
    path: Path,
    *,
    outlet: str | None = None,
    published: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_total_bytes: int | None = None,
) -> Iterator[RawDoc | InputError]:
    """Yield the HTML pages in a WARC file, and one ``InputError`` per bad record.

    Args:
        path: a ``.warc`` or ``.warc.gz`` file.
        outlet: default outlet for pages whose HTML names none.
        published: default publication date (wins over dates found in the page, like
            ``--published`` for other inputs); the fetch date is only a last resort.
        max_bytes: the largest record accepted (declared length and decompressed body).
        max_total_bytes: the most record bytes read from this file (default: 100 times
            its size on disk).
    """
    src = str(path)
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except PermissionError:
        yield InputError(src, "cannot read: permission denied")
        return
    except OSError as exc:
        yield InputError(src, f"cannot read ({exc.strerror or exc})")
        return
    budget = max_total_bytes if max_total_bytes is not None else max(size * TOTAL_RATIO, max_bytes)
    n = found = declared_total = 0
    damage: str | None = None
    with fh:
        records = _iterator_class()(fh)
        try:
            for record in records:
                n += 1
                if record.format != "warc":
                    damage = f"record {n} is not a WARC record"
                    break
                declared_total += int(record.length or 0)
                if declared_total > budget:
                    yield InputError(
                        src,
                        f"stopped at record {n}: the archive declares more than "
                        f"{_label(budget)} of records",
                    )
                    return
                item = _page(record, n, src, max_bytes, outlet, published)
                records.read_to_end()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    damage = f"record {n} is cut short"
                    break
                if item is not None:
                    found += isinstance(item, RawDoc)
                    yield item
        except (
            Exception
        ) as exc:  # warcio raises many types on damage (ArchiveLoadFailed, zlib, EOF)
            why = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
            damage = f"unreadable after record {n} ({why or type(exc).__name__})"
        if damage is None and records.cut_short:
            damage = f"the compressed stream ends early, after record {n}"
    if damage is not None:
        yield InputError(
            src, f"damaged WARC: {damage}; {found} page(s) before the damage were read"
        )
    elif n == 0:
        yield InputError(src, "empty WARC: no records")


__all__ = ["is_warc", "read_warc"]

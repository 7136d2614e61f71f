"""Ingest: read files, directories, HTML pages, RSS/Atom feeds, JSON/JSONL, WARC and stdin.

``read_inputs`` yields one ``RawDoc`` per article found, or one ``InputError`` per bad
input (a whole file, or one line of a JSONL file, or one item of a feed), and never
raises for bad data: the caller decides what to do with each error, and every valid
input in the same batch still goes through.

Formats are chosen by file extension and, when the extension says nothing, by sniffing
the first bytes. A plain-text file may carry metadata in a sidecar ``NAME.meta.json``
(``{"title", "outlet", "published", "url"}``); ``--outlet``/``--published`` fill what is
still missing.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path, PurePath, PurePosixPath
from typing import Any, BinaryIO

from storyline.config import MAX_BYTES
from storyline.errors import InputError
from storyline.models import RawDoc
from storyline.stages.prepare.warc import is_warc, read_warc

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
FEED_EXT = {".rss", ".atom", ".xml", ".feed"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
SIDECAR = ".meta.json"

# Compressed inputs: ``NAME.gz`` is one input, ``NAME.zip`` one input per member. Each member
# is read through a bounded ``read(max_bytes + 1)``, so a bomb costs at most that much memory
# whatever the headers claim; the caps below bound the total work per archive.
ARCHIVE_EXT = {".gz", ".zip"}
ARCHIVE_TOTAL_FACTOR = 10  # an archive expands to at most this many times max_bytes in all
ARCHIVE_MAX_MEMBERS = 10_000
# Text and HTML compress 3-20x; hundreds-to-one is a bomb (or padding), not news. Checked only
# above a floor, because a tiny, repetitive file can have any ratio and costs nothing.
ARCHIVE_MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024
_ARCHIVE_MAGIC = (
    b"\x1f\x8b",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
)

# Record fields, first found wins: our own names, news-please's (``maintext``,
# ``date_publish``, ``source_domain``, ``authors``, ``language``) and common crawlers' ones.
_TEXT_FIELDS = (
    "text", "maintext", "body", "content", "article", "article_text", "full_text", "articleBody",
)  # fmt: skip
_HTML_FIELDS = ("html", "raw_html", "content_html")
_OUTLET_FIELDS = (
    "outlet", "site", "site_name", "sitename", "publisher", "source_name", "source_domain",
)  # fmt: skip
_DATE_FIELDS = (
    "published", "date", "published_at", "pubDate", "datePublished", "date_publish",
    "publish_date", "date_published",
)  # fmt: skip
_BYLINE_FIELDS = ("byline", "authors", "author", "creator")
_LANGUAGE_FIELDS = ("language", "lang", "inLanguage")
_URL_FIELDS = ("url", "link", "source")


def _size_label(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def iter_files(path: Path) -> Iterator[Path]:
    """Every regular, non-hidden file under ``path`` (recursively), sorted, sidecars excluded."""
    for f in walk_inputs(path):
        if isinstance(f, Path):
            yield f


def walk_inputs(path: Path) -> Iterator[Path | InputError]:
    """``iter_files``, plus one ``InputError`` for each entry the walk skips.

    Hidden entries and sidecars are left out by design and silently; anything else that
    is not read gets its line: a dangling symbolic link, a link loop, a link to a
    directory (links to directories are not followed), a named pipe, a device file, a
    socket, a directory that cannot be listed.
    """
    if path.is_file():
        yield path
        return
    stack = [path]
    while stack:
        d = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(str(d), f"cannot read directory ({exc.strerror or exc})")
            continue
        subdirs: list[Path] = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    subdirs.append(Path(e.path))
                elif _is_file(e):
                    if not e.name.endswith(SIDECAR):
                        yield Path(e.path)
                else:
                    yield InputError(e.path, f"skipped: {_not_a_file(e)}")
            except OSError as exc:
                yield InputError(e.path, f"skipped: cannot read ({exc.strerror or exc})")
        stack.extend(reversed(subdirs))


def _is_file(e: os.DirEntry[str]) -> bool:
    try:
        return e.is_file()
    except OSError:  # a link loop raises here
        return False


def _not_a_file(e: os.DirEntry[str]) -> str:
    """Why a directory entry that is neither a directory nor a regular file is skipped."""
    if e.is_symlink():
        try:
            target = os.stat(e.path)
        except FileNotFoundError:
            return "dangling symbolic link"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symbolic link loop"
            raise
        if stat.S_ISDIR(target.st_mode):
            return "symbolic link to a directory (not followed)"
        mode = target.st_mode
    else:
        mode = e.stat(follow_symlinks=False).st_mode
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def source_name(name: str) -> str:
    """A path as a storable source name: the bytes of a non-UTF-8 file name as ``\\xNN``.

    Python decodes such bytes to lone surrogates (``surrogateescape``), which no UTF-8
    store accepts; each becomes the four characters ``\\xNN`` of its byte (as Python shows
    bytes), so ``b"bad\\xff.txt"`` is stored as ``bad\\xff.txt``. Valid names are unchanged.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def count_inputs(paths: Sequence[str], max_bytes: int = MAX_BYTES) -> int:
    """How many items ``read_inputs`` will yield, about (for a progress bar).

    A record counts, not a file: a JSONL file counts its lines, a feed its items, a WARC
    archive its response records (one fast pass over the bytes, no parsing); any other
    file counts one (a JSON array, an archive and a URL may yield more, and the bar caps).
    """
    n = 0
    for p in paths:
        if p == "-":
            n += 1
            continue
        path = Path(p)
        if path.is_dir():
            n += sum(
                1 if isinstance(f, InputError) else _count_records(f, max_bytes)
                for f in walk_inputs(path)
            )
        else:
            n += _count_records(path, max_bytes)
    return n


_RECORD_TAG = re.compile(rb"<(?:item|entry)[\s>]", re.I)


def _count_records(path: Path, max_bytes: int) -> int:
    try:
        if is_warc(path):
            return _count_warc(path)
        ext = path.suffix.lower()
        if ext not in JSONL_EXT and ext not in FEED_EXT:
            return 1
        if path.stat().st_size > max_bytes:
            return 1
        data = path.read_bytes()
    except OSError:
        return 1
    if ext in JSONL_EXT:
        return max(1, sum(1 for line in data.split(b"\n") if line.strip()))
    return max(1, len(_RECORD_TAG.findall(data)))


def _count_warc(path: Path) -> int:
    """Response and resource records of a WARC (gzip members are read as one stream)."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    n = 0
    tail = b""
    try:
        with opener(path, "rb") as f:
            while chunk := f.read(1 << 20):
                buf = tail + chunk
                n += buf.count(b"WARC-Type: response") + buf.count(b"WARC-Type: resource")
                tail = buf[-18:]
                # a marker split across chunks is completed by ``tail`` (18 bytes, one
                # less than a marker), so none is counted twice
    except (OSError, EOFError, zlib.error):
        return max(n, 1)
    return max(n, 1)


def read_inputs(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDoc | InputError]:
    """Yield a RawDoc per article found in ``paths`` and an InputError per bad input.

    Args:
        paths: files, directories (read recursively) or ``-`` for standard input.
        outlet: default outlet for inputs that carry none.
        published: default publication date for inputs that carry none.
        max_bytes: files larger than this are refused without being read.
        stdin: the stream ``-`` reads (``sys.stdin.buffer`` when omitted).

    URLs are not read here: ``pipeline.prepare.read`` hands them to ``fetch.fetch_urls``.
    """
    for item in _read_inputs(paths, outlet, published, max_bytes, stdin):
        if isinstance(item, RawDoc) and item.source != (name := source_name(item.source)):
            item = replace(item, source=name)
        yield item


def _read_inputs(
    paths: Sequence[str],
    outlet: str | None,
    published: str | None,
    max_bytes: int,
    stdin: BinaryIO | None,
) -> Iterator[RawDoc | InputError]:
    for p in paths:
        if p == "-":
            import sys

            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputError("<stdin>", f"too large (over the {_size_label(max_bytes)} limit)")
                continue
            yield from _read_bytes("<stdin>", data, None, outlet, published)
            continue
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
            continue
        if path.is_dir():
            try:
                os.listdir(path)
            except OSError as exc:
                yield InputError(p, f"cannot read directory ({exc.strerror or exc})")
                continue
            for f in walk_inputs(path):
                if isinstance(f, InputError):
                    yield f
                else:
                    yield from _read_file(f, outlet, published, max_bytes)
        else:
            yield from _read_file(path, outlet, published, max_bytes)


def _read_file(
    path: Path, outlet: str | None, published: str | None, max_bytes: int
) -> Iterator[RawDoc | InputError]:
    src = str(path)
    if is_warc(path):
        # a crawl archive is streamed record by record: max_bytes caps each record, not the file
        yield from read_warc(path, outlet=outlet, published=published, max_bytes=max_bytes)
        return
    if path.suffix.lower() in ARCHIVE_EXT:
        yield from _read_archive(path, outlet, published, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(
                src, f"too large ({_size_label(size)}; the limit is {_size_label(max_bytes)})"
            )
            return
        if not path.is_file():
            yield InputError(src, "not a regular file")
            return
        # bounded read: a file that grew since stat() must not be read whole into memory
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except PermissionError:
        yield InputError(src, "cannot read: permission denied")
        return
    except OSError as exc:
        yield InputError(src, f"cannot read ({exc.strerror or exc})")
        return
    if len(data) > max_bytes:
        yield InputError(
            src, f"too large (grew past the {_size_label(max_bytes)} limit while read)"
        )
        return
    yield from _read_bytes(src, data, path, outlet, published)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _too_big(what: str, limit: int) -> str:
    return f"decompressed size exceeds the {_size_label(limit)} limit{what}"


def _read_archive(
    path: Path, outlet: str | None, published: str | None, max_bytes: int
) -> Iterator[RawDoc | InputError]:
    """A ``.gz`` (one input) or ``.zip`` (one input per member), with hard decompression caps.

    Errors name the archive, or ``archive.zip:member`` for one member; nested archives are
    refused rather than expanded (each level would multiply the caps).
    """
    src = str(path)
    total_cap = ARCHIVE_TOTAL_FACTOR * max_bytes
    is_zip = path.suffix.lower() == ".zip"
    try:
        size = path.stat().st_size
        cap = total_cap if is_zip else max_bytes
        if size > cap:
            yield InputError(
                src, f"too large ({_size_label(size)}; the limit is {_size_label(cap)})"
            )
            return
        if not path.is_file():
            yield InputError(src, "not a regular file")
            return
        f = path.open("rb")
    except PermissionError:
        yield InputError(src, "cannot read: permission denied")
        return
    except OSError as exc:
        yield InputError(src, f"cannot read ({exc.strerror or exc})")
        return
    ident = str(path.resolve())
    with f:
        if is_zip:
            yield from _read_zip(src, ident, f, size, outlet, published, max_bytes, total_cap)
            return
        inner = PurePosixPath(path.name[: -len(path.suffix)] or "data")
        try:
            data = gzip.GzipFile(fileobj=f, mode="rb").read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
            yield InputError(src, f"corrupt or truncated gzip data ({exc})".replace("\n", " "))
            return
    if len(data) > max_bytes:
        yield InputError(src, _too_big("", max_bytes))
    elif len(data) > _RATIO_FLOOR and len(data) > ARCHIVE_MAX_RATIO * max(size, 1):
        yield InputError(src, f"compression ratio over {ARCHIVE_MAX_RATIO}:1, refused as a bomb")
    elif (
        inner.suffix.lower() in ARCHIVE_EXT
        or is_warc(Path(inner.name))
        or data.startswith(_ARCHIVE_MAGIC)
    ):
        yield InputError(src, "nested archive, not expanded")
    else:
        yield from _read_bytes(src, data, None, outlet, published, name=inner, ident=ident)


def _read_zip(
    src: str,
    ident: str,
    f: BinaryIO,
    size: int,
    outlet: str | None,
    published: str | None,
    max_bytes: int,
    total_cap: int,
) -> Iterator[RawDoc | InputError]:
    try:
        zf = zipfile.ZipFile(f)
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        yield InputError(src, f"not a readable zip archive ({exc})".replace("\n", " "))
        return
    if len(infos) > ARCHIVE_MAX_MEMBERS:
        yield InputError(
            src, f"too many members ({len(infos)}; the limit is {ARCHIVE_MAX_MEMBERS})"
        )
        return
    # Declared sizes can lie; they are checked here to refuse early, and the bytes actually
    # read are counted again below.
    declared = sum(i.file_size for i in infos)
    if declared > total_cap:
        yield InputError(
            src, _too_big(f" for an archive (it declares {_size_label(declared)})", total_cap)
        )
        return
    if declared > _RATIO_FLOOR and declared > ARCHIVE_MAX_RATIO * max(size, 1):
        yield InputError(src, f"compression ratio over {ARCHIVE_MAX_RATIO}:1, refused as a bomb")
        return
    names = {i.filename for i in infos}
    total = 0
    with zf:
        for info in infos:
            name = PurePosixPath(info.filename)
            # control characters in a member name would break the one-line error
            msrc = f"{src}:{_CONTROL.sub('?', info.filename)}"
            if name.parts[:1] == ("__MACOSX",) or any(p.startswith(".") for p in name.parts):
                continue  # OS metadata and hidden files, as in directories
            if info.filename.endswith(SIDECAR):
                continue
            if name.suffix.lower() in ARCHIVE_EXT or is_warc(Path(name.name)):
                yield InputError(msrc, "nested archive, not expanded")
                continue
            if info.file_size > max_bytes:
                yield InputError(msrc, _too_big("", max_bytes))
                continue
            try:
                with zf.open(info) as m:
                    data = m.read(max_bytes + 1)
            except RuntimeError as exc:  # zipfile's error for an encrypted member
                yield InputError(msrc, f"cannot read member ({exc})".replace("\n", " "))
                continue
            except NotImplementedError:
                yield InputError(msrc, "unsupported compression method")
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                yield InputError(msrc, f"corrupt member ({exc})".replace("\n", " "))
                continue
            if len(data) > max_bytes:
                yield InputError(msrc, _too_big("", max_bytes))
                continue
            total += len(data)
            if total > total_cap:
                yield InputError(
                    src, _too_big(" for an archive; the remaining members were not read", total_cap)
                )
                return
            if data.startswith(_ARCHIVE_MAGIC):
                yield InputError(msrc, "nested archive, not expanded")
                continue
            meta = _zip_sidecar(zf, info.filename, names)
            yield from _read_bytes(
                msrc,
                data,
                None,
                outlet,
                published,
                name=name,
                ident=f"{ident}:{info.filename}",
                meta=meta,
            )


def _zip_sidecar(zf: zipfile.ZipFile, member: str, names: set[str]) -> dict[str, str]:
    """Sidecar metadata next to a member, as ``_sidecar`` does for files (bounded read)."""
    for side in (member.rsplit(".", 1)[0] + SIDECAR, member + SIDECAR):
        if side in names:
            try:
                with zf.open(side) as m:
                    meta = json.loads(m.read(65536).decode("utf-8"))
            except Exception:  # metadata is optional: a broken sidecar is ignored
                return {}
            if isinstance(meta, dict):
                return {
                    k: str(v)
                    for k, v in meta.items()
                    if v is not None and not isinstance(v, dict | list)
                }
            return {}
    return {}


def _kind(data: bytes, path: PurePath | None) -> str:
    ext = "".join(path.suffixes[-1:]).lower() if path else ""
    if ext in TEXT_EXT:
        return "text"
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in JSON_EXT:
        return "json"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if ext in FEED_EXT or head.startswith(b"<?xml"):
        if b"<rss" in data[:4096].lower() or b"<feed" in data[:4096].lower() or b"<rdf" in head:
            return "feed"
        if ext in FEED_EXT:
            return "feed"
    if head.startswith(
        (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p")
    ):
        return "html"
    if head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed"
    if head.startswith(b"{") or head.startswith(b"["):
        lines = [ln for ln in data[:65536].splitlines() if ln.strip()]
        if head.startswith(b"{") and len(lines) > 1 and lines[0].rstrip().endswith(b"}"):
            return "jsonl"
        return "json"
    return "text"


def _is_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a byte-order mark: NUL bytes are expected; decoding checks it
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    # many control bytes other than whitespace: an image, archive or executable
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > max(8, len(sample) // 100)


def _has_json_line(data: bytes) -> bool:
    for line in data[:65536].splitlines()[:50]:
        if line.lstrip().startswith(b"{"):
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError
                continue
    return False


def _decode(src: str, data: bytes, kind: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(src, "not valid UTF-16 (truncated or corrupt)") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if kind in ("html", "feed"):
            # markup declares its own charset; honour it before giving up
            m = re.search(rb"""charset=["']?([A-Za-z0-9_.:-]+)""", data[:4096]) or re.search(
                rb"""encoding=["']([A-Za-z0-9_.:-]+)""", data[:200]
            )
            if m:
                try:
                    return data.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeError, ValueError):
                    pass  # unknown or unusable charset ("idna" raises UnicodeError)
        raise InputError(
            src, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _read_bytes(
    src: str,
    data: bytes,
    path: Path | None,
    outlet: str | None,
    published: str | None,
    *,
    name: PurePosixPath | None = None,
    ident: str | None = None,
    meta: dict[str, str] | None = None,
) -> Iterator[RawDoc | InputError]:
    """One input's bytes. ``name``/``ident``/``meta`` stand in for ``path`` inside an archive."""
    if not data.strip():
        yield InputError(src, "empty file")
        return
    kind = _kind(data, path or name)
    # One line of raw control bytes must not cost a JSONL file its good lines: it is binary
    # only when none of its first lines is a JSON object.
    if _is_binary(data) and not (kind == "jsonl" and _has_json_line(data)):
        yield InputError(src, "binary file, not text, HTML, a feed or JSON")
        return
    # errors name the input as the user gave it; stored articles keep the absolute path
    ident = ident or (str(path.resolve()) if path is not None else src)
    if kind == "feed":
        yield from read_feed(ident, data, outlet, published)
        return
    try:
        text = _decode(src, data, kind)
    except InputError as exc:
        yield exc
        return
    if kind in ("text", "html"):
        if kind == "html" and not re.search(
            r"<(p|div|article|body|html|br|main|section|span|h[1-6])\b[^<>]*>", text, re.I
        ):
            yield InputError(src, "malformed HTML: no document structure")
            return
        found = _sidecar(path) if path else (meta or {})
        if isinstance(found, InputError):
            yield found
            found = {}
        meta = found
        yield RawDoc(
            source=meta.get("url") or ident,
            text=text if kind == "text" else None,
            html=text if kind == "html" else None,
            title=meta.get("title"),
            outlet=meta.get("outlet") or outlet,
            published=meta.get("published") or published,
            url=meta.get("url"),
        )
    elif kind == "jsonl":
        yield from _read_jsonl(ident, text, outlet, published)
    else:
        try:
            obj = json.loads(text)
        except RecursionError:
            yield InputError(src, "invalid JSON (nested too deeply)")
            return
        except json.JSONDecodeError as exc:
            # a .json file that is really JSON Lines
            if exc.msg == "Extra data":
                yield from _read_jsonl(ident, text, outlet, published)
            else:
                yield InputError(src, f"invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        items = (
            obj
            if isinstance(obj, list)
            else obj.get("articles", [obj])
            if isinstance(obj, dict)
            else None
        )
        if not isinstance(items, list):
            yield InputError(src, "JSON is neither an article object nor a list of them")
            return
        for i, item in enumerate(items):
            yield _from_record(f"{ident}#{i}", item, outlet, published)


def _sidecar(path: Path) -> dict[str, str] | InputError:
    side = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR)
    if not side.exists():
        side = path.with_name(path.name + SIDECAR)
        if not side.exists():
            return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return InputError(str(side), f"sidecar metadata ignored: {exc}")
    if not isinstance(meta, dict):
        return InputError(str(side), "sidecar metadata ignored: not a JSON object")
    return {k: str(v) for k, v in meta.items() if v is not None and not isinstance(v, dict | list)}


def _first(rec: dict[str, Any], names: Iterable[str]) -> str | None:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v.strip():
            return v
        if isinstance(v, int | float) and not isinstance(v, bool) and n in _DATE_FIELDS:
            try:
                return datetime.fromtimestamp(v, UTC).isoformat()
            except (OverflowError, OSError, ValueError):
                continue  # a timestamp out of range (or NaN) is no date
    return None


def _from_record(
    src: str, rec: object, outlet: str | None, published: str | None
) -> RawDoc | InputError:
    if not isinstance(rec, dict):
        return InputError(src, "not a JSON object")
    text = _first(rec, _TEXT_FIELDS)
    html = None if text else _first(rec, _HTML_FIELDS)
    if text is None and html is None:
        return InputError(src, "no 'text' or 'html' field (nor maintext, body, content, article)")
    url = _first(rec, ("url", "link"))
    return RawDoc(
        source=url or src,
        text=text,
        html=html,
        title=_first(rec, ("title", "headline")),
        outlet=_first(rec, _OUTLET_FIELDS) or outlet,
        published=_first(rec, _DATE_FIELDS) or published,
        url=url,
        byline=_byline(rec),
        language=_first(rec, _LANGUAGE_FIELDS),
    )


def _byline(rec: dict[str, Any]) -> str | None:
    """The authors of a record: a string, or a list of names (news-please) or of objects."""
    for n in _BYLINE_FIELDS:
        v = rec.get(n)
        if isinstance(v, dict):
            v = [v]
        if isinstance(v, list):
            names = [(x.get("name") if isinstance(x, dict) else x) for x in v[:20]]
            v = ", ".join(x.strip() for x in names if isinstance(x, str) and x.strip())
        if isinstance(v, str) and v.strip():
            return " ".join(v.split())[:300]
    return None


def _read_jsonl(
    src: str, text: str, outlet: str | None, published: str | None
) -> Iterator[RawDoc | InputError]:
    # Split on "\n" only: str.splitlines() also breaks at U+2028/U+2029 and other
    # separators that JSON allows raw inside strings, which would cut a record in two.
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except RecursionError:
            yield InputError(f"{src}:{n}", "invalid JSON (nested too deeply)")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(f"{src}:{n}", f"invalid JSON ({exc.msg})")
            continue
        yield _from_record(f"{src}:{n}", rec, outlet, published)


MAX_FEED_DEPTH = 1000  # real feeds nest a few dozen elements
_XML_TAG = re.compile(rb"<(/)?[A-Za-z_][^<>]*?(/)?>")
_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.S)


def _nested_deeper(data: bytes, limit: int) -> bool:
    """True when the XML elements of ``data`` nest deeper than ``limit`` (one linear scan).

    CDATA sections are skipped: the HTML inside them is text to the XML parser, and its
    unclosed ``<p>``/``<br>`` tags must not count as depth.
    """
    depth = 0
    for m in _XML_TAG.finditer(_CDATA.sub(b"", data)):
        if m.group(1):
            depth -= 1
        elif not m.group(2):
            depth += 1
            if depth > limit:
                return True
    return False


def read_feed(
    src: str, data: bytes, outlet: str | None, published: str | None
) -> Iterator[RawDoc | InputError]:
    """One RawDoc per item of an RSS/Atom feed (or one InputError per bad item)."""
    import feedparser

    if _nested_deeper(data, MAX_FEED_DEPTH):
        # feedparser's time grows faster than linearly with depth (50,000 levels: ~20 s)
        yield InputError(src, f"malformed feed (XML nested over {MAX_FEED_DEPTH} levels deep)")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        why = getattr(feed, "bozo_exception", None)
        yield InputError(src, f"malformed or empty feed ({why or 'no items'})".replace("\n", " "))
        return
    if feed.get("bozo") and not any(e.get("content") or e.get("summary") for e in feed.entries):
        why = str(getattr(feed, "bozo_exception", "")).replace("\n", " ")
        yield InputError(src, f"malformed feed ({why or 'unreadable XML'})")
        return
    # a feed's title names its outlet, often with a section: "Outlet — Top stories"
    site = re.split(r"\s+[|–—-]\s+|:\s+", (feed.feed.get("title") or "").strip())[0] or None
    feed_language = feed.feed.get("language") or None
    for i, e in enumerate(feed.entries):
        isrc = f"{src}#item{i + 1}"
        html = None
        if e.get("content"):
            html = max((c.get("value", "") for c in e.content), key=len)
        if not html:
            html = e.get("summary") or e.get("description")
        if not html or not html.strip():
            yield InputError(e.get("link") or isrc, "feed item has no content")
            continue
        date = None
        parsed = e.get("published_parsed") or e.get("updated_parsed")
        if parsed:
            try:
                y, mo, d, h, mi, sec = parsed[:6]
                date = datetime(y, mo, d, h, mi, sec, tzinfo=UTC).isoformat()
            except (ValueError, OverflowError, TypeError):
                date = None  # "9999-12-31T23:59-12:00" is year 10000 in UTC: no usable date
        link = e.get("link") or None
        is_markup = bool(re.search(r"<\s*(p|div|br|article|span|a)\b", html, re.I))
        yield RawDoc(
            source=link or isrc,
            text=None if is_markup else html,
            html=_wrap_html(html) if is_markup else None,
            title=(e.get("title") or "").strip() or None,
            outlet=site or outlet,
            published=date or published,
            url=link,
            byline=(e.get("author") or "").strip() or None,
            language=feed_language,
        )


def _wrap_html(fragment: str) -> str:
    """A feed item's content is a fragment; give trafilatura a document to work on."""
    if re.search(r"<\s*html\b", fragment, re.I):
        return fragment
    return f"<html><body><article>{fragment}</article></body></html>"


__all__ = [
    "count_inputs",
    "iter_files",
    "read_feed",
    "read_inputs",
    "source_name",
    "walk_inputs",
]

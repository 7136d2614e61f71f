"""Fuzz corpus generator for the ingest tests: broken, hostile and odd inputs, built on disk.

``build_corpus(root, seed, scale)`` writes one directory per family under ``root`` and returns
the cases. Every family also gets a few valid articles (``Case.valid``) whose text is unique,
so a test can check that they were stored although bad inputs sit beside them. Everything is
derived from ``random.Random(seed)``: the same seed builds the same bytes.

Families: truncated and corrupted HTML (cut at random bytes, flipped bytes, unclosed tags,
10,000-deep nesting), feeds (truncated RSS/Atom, "billion laughs" entity expansion, external
entities), JSONL and JSON (broken lines, huge lines, wrong types, 100,000-deep arrays), WARC
(truncated, corrupted) when ``storyline.stages.prepare.warc`` exists, gzip and zip bombs (and corrupt,
nested and encrypted-flagged archives), wrong declared encodings, binary junk under text
names, empty files. ``scale`` multiplies the randomised cases (1 = CI size).

Text here is written for these tests (no corpus sentences).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

SUBJECTS = ["The harbour authority", "A regional court", "The water board", "City council members",
            "The transport ministry", "Farm unions", "The central bank", "Two hospital trusts"]  # fmt: skip
VERBS = ["approved", "delayed", "rejected", "announced", "debated", "criticised", "funded"]
OBJECTS = ["a new dredging plan", "the ferry timetable", "a rent freeze", "flood barriers",
           "the tram extension", "grain export quotas", "interest rate guidance"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Case:
    """One input on disk. ``expect`` lists the tags of articles it must yield (none: it may
    be refused); a stored article with tag T contains ``marker(T)``."""

    path: Path
    family: str
    note: str
    expect: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return bool(self.expect)


def marker(tag: str) -> str:
    """The phrase every sentence of the article tagged ``tag`` contains."""
    return f"a decision for {tag},"


def article_text(rng: random.Random, tag: str) -> str:
    """A short, unique news-like text (``tag`` makes it unique across the corpus)."""
    paras = []
    for _ in range(rng.randint(2, 4)):
        sents = []
        for _ in range(rng.randint(2, 4)):
            n = rng.randint(2, 900) * 10
            sents.append(
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                f"worth {n:,} euros on Tuesday, “a decision for {tag},” an official said."
            )
        paras.append(" ".join(sents))
    return f"Report {tag}: " + "\n\n".join(paras) + "\n"


def html_page(text: str, title: str = "Council report") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def rss(items: list[tuple[str, str]]) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Fuzz Wire</title><link>https://fuzz.example</link>"
    ]
    for i, (title, text) in enumerate(items):
        out.append(
            f"<item><title>{title}</title><link>https://fuzz.example/{i}</link>"
            "<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>"
            f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>"
        )
    out.append("</channel></rss>")
    return "".join(out)


def atom(items: list[tuple[str, str]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
           "<title>Fuzz Atom</title>"]  # fmt: skip
    for i, (title, text) in enumerate(items):
        out.append(
            f"<entry><title>{title}</title><link href='https://atom.example/{i}'/>"
            f"<updated>2026-04-01T12:00:00Z</updated><content type='html'>&lt;p&gt;{text}"
            "&lt;/p&gt;</content></entry>"
        )
    out.append("</feed>")
    return "".join(out)


def _cut(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, max(0, len(data) - 1))]


def _flip(rng: random.Random, data: bytes, n: int) -> bytes:
    b = bytearray(data)
    for _ in range(n):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _junk(rng: random.Random, n: int) -> bytes:
    return rng.randbytes(n)


class _Writer:
    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.cases: list[Case] = []
        self.n_valid = 0
        self.big = 1  # size factor of the huge inputs (5 in long runs)

    def put(
        self, family: str, name: str, data: bytes | str, note: str, *, expect: tuple[str, ...] = ()
    ) -> Path:
        d = self.root / family
        d.mkdir(parents=True, exist_ok=True)
        path = d / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.cases.append(Case(path, family, note, expect))
        return path

    def valid(self, family: str, k: int = 2) -> None:
        """``k`` valid inputs in ``family`` (plain text and HTML alternately)."""
        for _ in range(k):
            self.n_valid += 1
            tag = f"{family}-valid-{self.n_valid}"
            text = article_text(self.rng, tag)
            if self.n_valid % 2:
                self.put(family, f"{tag}.txt", text, "valid text", expect=(tag,))
            else:
                page = html_page(text, f"Valid {tag}")
                self.put(family, f"{tag}.html", page, "valid html", expect=(tag,))


def build_corpus(root: Path, *, seed: int = 20260523, scale: int = 1) -> list[Case]:
    """Write the fuzz corpus under ``root`` and return its cases (see the module doc)."""
    rng = random.Random(seed)
    w = _Writer(root, rng)
    w.big = 1 if scale == 1 else 5
    _html(w, scale)
    _feeds(w, scale)
    _json(w, scale)
    _archives(w, scale)
    _encodings(w, scale)
    _junk_files(w, scale)
    _warc(w, scale)
    return w.cases


def _html(w: _Writer, scale: int) -> None:
    f, rng = "html", w.rng
    w.valid(f)
    page = html_page(article_text(rng, "html-base")).encode()
    for i in range(6 * scale):
        w.put(f, f"cut-{i}.html", _cut(rng, page), "truncated at a random byte")
        w.put(f, f"flip-{i}.html", _flip(rng, page, rng.randint(1, 40)), "random byte flips")
    w.put(f, "unclosed.html", "<html><body>" + "<p><b><i><div>" * 50 + article_text(rng, "unclosed"),
          "unclosed tags")  # fmt: skip
    text = article_text(rng, "deep")
    w.put(f, "deep-div.html", "<html><body>" + "<div>" * 10_000 + f"<p>{text}</p>" + "</div>" * 10_000
          + "</body></html>", "10,000-deep nesting")  # fmt: skip
    w.put(f, "deep-unclosed.html", "<html><body>" + "<span><b>" * 10_000 + text, "10,000 unclosed")
    w.put(f, "tags-only.html", "<html><body>" + "<p></p>" * 5000 + "</body></html>", "no text")
    w.put(f, "script.html", "<html><body><script>" + "var a=1;" * 20000 + "</script></body></html>",
          "only a script")  # fmt: skip
    w.put(f, "comment.html", "<html><body><!-- " + text + " <p>never closed", "unclosed comment")
    w.put(
        f,
        "cdata.html",
        "<html><body><p>" + "<![CDATA[" * 1000 + text + "</p></body></html>",
        "CDATA",
    )
    w.put(f, "entities.html", "<html><body><p>" + "&amp;" * 20000 + "&#xFFFFFFFF; &#0; &#55296; &bogus;"
          + text + "</p></body></html>", "bad character references")  # fmt: skip
    w.put(f, "long-line.html", "<html><body><p>" + ("word " * 80_000 * w.big) + "</p></body></html>",
          "a huge single paragraph")  # fmt: skip
    w.put(f, "nul.html", b"<html><body><p>" + b"\x00" * 10 + text.encode() + b"</p></body></html>",
          "NUL bytes")  # fmt: skip


def _feeds(w: _Writer, scale: int) -> None:
    f, rng = "feeds", w.rng
    w.valid(f)
    items = [
        (f"Item {k}", article_text(rng, f"feed-item-{k}").replace("\n", " ")) for k in range(3)
    ]
    w.put(
        f, "good.rss", rss(items), "valid RSS", expect=("feed-item-0", "feed-item-1", "feed-item-2")
    )
    full_rss, full_atom = rss(items).encode(), atom(items).encode()
    for i in range(4 * scale):
        w.put(f, f"cut-{i}.rss", _cut(rng, full_rss), "truncated RSS")
        w.put(f, f"cut-{i}.atom", _cut(rng, full_atom), "truncated Atom")
        w.put(f, f"flip-{i}.xml", _flip(rng, full_rss, rng.randint(1, 30)), "corrupted RSS")
    laughs = ['<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">']
    for k in range(1, 10):
        prev = f"&lol{k - 1};" if k > 1 else "&lol;"
        laughs.append(f'<!ENTITY lol{k} "{prev * 10}">')
    laughs.append("]>\n<rss version='2.0'><channel><title>&lol9;</title><item><title>x</title>"
                  "<description>&lol9;</description></item></channel></rss>")  # fmt: skip
    w.put(f, "billion-laughs.xml", "\n".join(laughs), "entity expansion bomb")
    w.put(f, "xxe.rss", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
          "<rss><channel><item><description>&x; " + items[0][1] + "</description></item></channel></rss>",
          "external entity")  # fmt: skip
    w.put(f, "deep.xml", '<?xml version="1.0"?><rss><channel><item><description>' + "<a>" * 50_000
          + "x" + "</a>" * 50_000 + "</description></item></channel></rss>", "50,000-deep XML")  # fmt: skip
    w.put(f, "no-items.rss", rss([]), "feed without items")
    dated = rss(items[:1])
    for k, when in enumerate(["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                              "Tue, 03 Mar 99999 09:00:00 GMT", "2026-02-30T25:61:00Z"]):  # fmt: skip
        w.put(f, f"extreme-date-{k}.rss", dated.replace("Tue, 03 Mar 2026 09:00:00 GMT", when),
              "a date at the ends of the calendar")  # fmt: skip
    w.put(f, "html-as-feed.xml", html_page(article_text(rng, "mislabelled")), "HTML named .xml")


def _json(w: _Writer, scale: int) -> None:
    f, rng = "json", w.rng
    w.valid(f)
    good = [json.dumps({"text": article_text(rng, f"jsonl-{k}"), "url": f"https://j.example/{k}"})
            for k in range(3)]  # fmt: skip
    lines = [*good, "{broken", '{"text": 5}', '{"text": ["a", "b"]}', '{"text": null}',
             '{"html": {"x": 1}}', '{"title": "no body"}', "[1, 2, 3]", '"just a string"',
             '{"text": "short", "published": 1e300}', '{"text": "ok text here for once", "date": -1e20}',
             '{"text": "nan date text here", "published": NaN}', "\x00\x01\x02",
             json.dumps({"text": "x" * 400_000 * w.big}), "[" * 100_000 + "]" * 100_000,
             '{"a":' * 100_000 + "1" + "}" * 100_000]  # fmt: skip
    w.put(f, "mixed.jsonl", "\n".join(lines) + "\n", "broken lines among good ones",
          expect=("jsonl-0", "jsonl-1", "jsonl-2"))  # fmt: skip
    for i in range(3 * scale):
        w.put(f, f"cut-{i}.jsonl", _cut(rng, "\n".join(good).encode()), "truncated JSONL")
        w.put(f, f"flip-{i}.jsonl", _flip(rng, "\n".join(good).encode(), rng.randint(1, 20)),
              "corrupted JSONL")  # fmt: skip
    w.put(f, "deep.json", "[" * 100_000 + "]" * 100_000, "100,000-deep JSON array")
    w.put(
        f, "deep-obj.json", '{"articles": ' + "[" * 100_000 + "]" * 100_000 + "}", "deep in object"
    )
    w.put(f, "wrong-articles.json", '{"articles": 5}', "articles not a list")
    w.put(f, "number.json", "12345", "a bare number")
    w.put(f, "huge-line.jsonl", json.dumps({"text": article_text(rng, "huge") + "word " * 200_000 * w.big}),
          "a huge line")  # fmt: skip
    w.put(f, "only-newlines.jsonl", "\n" * 10_000, "blank lines only")


def _gzip_bomb(n: int) -> bytes:
    """``n`` zero bytes, gzip-compressed, written in chunks (never all in memory)."""
    buf = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
        for _ in range(n >> 20):
            g.write(chunk)
    return buf.getvalue()


def _zip_with_lying_size(text: bytes, claimed: int) -> bytes:
    """A one-member zip whose headers claim ``claimed`` bytes while the data is ``text``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("liar.txt", text)
    data = bytearray(buf.getvalue())
    # central directory entry: uncompressed size at offset 24 of the "PK\1\2" record
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, claimed)
    lh = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, lh + 22, claimed)
    return bytes(data)


def _overlap_bomb(kernel_size: int, members: int) -> bytes:
    """A non-recursive "overlapping files" zip bomb: many entries share one deflate stream."""
    kernel = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = kernel.compress(b"A" * kernel_size) + kernel.flush()
    crc = zlib.crc32(b"A" * kernel_size)
    out = bytearray()
    central = bytearray()
    headers: list[int] = []
    for i in range(members):
        name = f"m{i}.txt".encode()
        headers.append(len(out))
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(raw), kernel_size,
                           len(name), 0) + name  # fmt: skip
    data_at = len(out)
    out += raw
    for i, off in enumerate(headers):
        name = f"m{i}.txt".encode()
        central += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(raw),
                               kernel_size, len(name), 0, 0, 0, 0, 0, off) + name  # fmt: skip
    del data_at
    cd_at = len(out)
    out += central
    out += struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, members, members, len(central), cd_at, 0)
    return bytes(out)


def _archives(w: _Writer, scale: int) -> None:
    f, rng = "archives", w.rng
    w.valid(f)
    text = article_text(rng, "gz-valid").encode()
    w.put(f, "good.txt.gz", gzip.compress(text), "valid gzip", expect=("gz-valid",))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a/one.txt", article_text(rng, "zip-member-1"))
        z.writestr("a/one.meta.json", json.dumps({"title": "Zip one", "outlet": "Zip Post"}))
        z.writestr("two.html", html_page(article_text(rng, "zip-member-2")))
        z.writestr("__MACOSX/._two.html", b"\0\1junk")
        z.writestr("bad.bin", _junk(rng, 2000))
        z.writestr("inner.zip", b"PK\x03\x04 nested")
        z.writestr("inner.txt.gz", gzip.compress(b"nested gzip"))
        z.writestr("line\nbreak\r.txt", _junk(rng, 300))
    good_zip = buf.getvalue()
    w.put(f, "good.zip", good_zip, "valid zip with bad members",
          expect=("zip-member-1", "zip-member-2"))  # fmt: skip
    w.put(f, "bomb.txt.gz", _gzip_bomb(64 << 20), "gzip bomb: 64 MB of zeros")
    w.put(f, "bomb.html.gz", gzip.compress(b"<p>" + b"a" * (30 << 20)), "gzip bomb: 30 MB html")
    w.put(f, "nested.txt.gz.gz", gzip.compress(gzip.compress(text)), "gzip in gzip")
    w.put(f, "overlap-bomb.zip", _overlap_bomb(8 << 20, 2000), "overlapping-files zip bomb")
    w.put(f, "liar.zip", _zip_with_lying_size(text, 10), "zip whose header understates the size")
    w.put(
        f, "liar-big.zip", _zip_with_lying_size(b"z" * (30 << 20), 100), "understated 30 MB member"
    )
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as z:
        for i in range(10_050):
            z.writestr(f"e{i}.txt", b"")
    w.put(f, "many-members.zip", many.getvalue(), "10,050 members")
    for i in range(3 * scale):
        w.put(f, f"cut-{i}.zip", _cut(rng, good_zip), "truncated zip")
        w.put(f, f"flip-{i}.zip", _flip(rng, good_zip, rng.randint(1, 20)), "corrupted zip")
        gz = gzip.compress(text)
        w.put(f, f"cut-{i}.txt.gz", _cut(rng, gz), "truncated gzip")
        w.put(f, f"flip-{i}.txt.gz", _flip(rng, gz, rng.randint(1, 10)), "corrupted gzip")
    enc = bytearray(good_zip)
    cd = enc.rfind(b"PK\x01\x02")
    enc[cd + 8] |= 1  # "encrypted" flag on the first member's central record
    w.put(f, "encrypted.zip", bytes(enc), "encrypted member flag")
    w.put(f, "junk.zip", _junk(rng, 5000), "junk named .zip")
    w.put(f, "junk.gz", _junk(rng, 5000), "junk named .gz")
    w.put(f, "empty.zip", b"", "empty .zip")


def _encodings(w: _Writer, scale: int) -> None:
    f, rng = "encodings", w.rng
    w.valid(f)
    text = (
        article_text(rng, "enc").replace("“", '"').replace("”", '"')
        + " Café déjà vu, naïve Zürich."
    )
    page = html_page(text)
    w.put(f, "latin1-declared-utf8.html", page.encode("latin-1"), "latin-1 bytes, utf-8 declared")
    w.put(f, "latin1.txt", text.encode("latin-1"), "latin-1 text")
    w.put(f, "utf16-no-bom.txt", text.encode("utf-16-le"), "UTF-16 without BOM")
    w.put(f, "utf16-bom.txt", text.encode("utf-16"), "UTF-16 with BOM", expect=("enc",))
    w.put(f, "utf16-odd.txt", text.encode("utf-16")[:-1], "UTF-16 with BOM, odd length")
    w.put(f, "utf16-cjk-odd.txt", ("新闻报道" * 200).encode("utf-16-le")[:-1], "UTF-16 CJK no BOM")
    w.put(f, "nonsense-charset.html", page.replace("utf-8", "nonsense-9").encode("latin-1"),
          "charset=nonsense")  # fmt: skip
    w.put(f, "idna-charset.html", page.replace("utf-8", "idna").encode("latin-1"), "charset=idna")
    w.put(
        f, "rot13-charset.html", page.replace("utf-8", "rot13").encode("latin-1"), "charset=rot13"
    )
    w.put(f, "utf16-declared.html", page.replace("utf-8", "utf-16").encode("latin-1"),
          "utf-16 declared, latin-1 bytes")  # fmt: skip
    w.put(f, "xml-enc.rss", rss([("Enc", text)]).replace("utf-8", "koi8-r").encode("latin-1"),
          "feed with a wrong encoding")  # fmt: skip
    w.put(f, "cp1252-quotes.txt", ("“" + text + "”").encode("cp1252"), "cp1252 curly quotes")
    w.put(f, "bom-only.txt", b"\xef\xbb\xbf", "a BOM and nothing")
    w.put(f, "overlong.txt", b"\xc0\xaf" + text.encode(), "overlong UTF-8")
    w.put(f, "surrogate.txt", b"\xed\xa0\x80" + text.encode(), "UTF-8-encoded surrogate")
    for i in range(2 * scale):
        w.put(f, f"flip-{i}.txt", _flip(rng, text.encode(), rng.randint(1, 30)), "random flips")


def _junk_files(w: _Writer, scale: int) -> None:
    f, rng = "junk", w.rng
    w.valid(f)
    for i in range(3 * scale):
        for ext in (".txt", ".html", ".json", ".jsonl", ".rss", ".md", ""):
            w.put(f, f"junk-{i}{ext or '.noext'}", _junk(rng, rng.randint(1, 20000)), "binary junk")
    w.put(f, "empty.txt", b"", "empty")
    w.put(f, "empty.html", b"", "empty")
    w.put(f, "empty.jsonl", b"", "empty")
    w.put(f, "spaces.txt", b" \n\t\r\n" * 100, "whitespace only")
    w.put(f, "png.txt", b"\x89PNG\r\n\x1a\n" + _junk(rng, 500), "PNG named .txt")
    w.put(f, "pdf.html", b"%PDF-1.7\n" + _junk(rng, 500), "PDF named .html")
    w.put(f, "controls.txt", bytes(range(1, 32)) * 50, "control characters")
    w.put(f, "short.txt", b"Hi.", "too short to be an article")
    w.put(f, "one-word-lines.txt", b"word\n" * 20000, "no sentences")
    w.put(f, "huge-word.txt", b"a" * 600_000 * w.big, "a huge word")


def _warc(w: _Writer, scale: int) -> None:
    try:
        from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

        import storyline.stages.prepare.warc  # noqa: F401  (the reader under test)
    except ImportError:
        return
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]

    f, rng = "warc", w.rng
    w.valid(f)

    def warc(pages: list[tuple[str, bytes]], gz: bool) -> bytes:
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gz)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")  # fmt: skip
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))  # fmt: skip
        return buf.getvalue()

    pages = [(f"https://warc.example/{k}", html_page(article_text(rng, f"warc-{k}")).encode())
             for k in range(3)]  # fmt: skip
    good, good_gz = warc(pages, False), warc(pages, True)
    tags = tuple(f"warc-{k}" for k in range(3))
    w.put(f, "good.warc", good, "valid WARC", expect=tags)
    w.put(f, "good.warc.gz", warc([(u + "?gz", b) for u, b in pages], True), "valid WARC.gz",
          expect=tags)  # fmt: skip
    for i in range(3 * scale):
        w.put(f, f"cut-{i}.warc", _cut(rng, good), "truncated WARC")
        w.put(f, f"flip-{i}.warc", _flip(rng, good, rng.randint(1, 30)), "corrupted WARC")
        w.put(f, f"cut-{i}.warc.gz", _cut(rng, good_gz), "truncated WARC.gz")
        w.put(f, f"flip-{i}.warc.gz", _flip(rng, good_gz, rng.randint(1, 30)), "corrupted WARC.gz")
    w.put(f, "junk.warc", _junk(rng, 3000), "junk named .warc")
    w.put(f, "bomb.warc", warc([("https://warc.example/bomb", b"<p>" + b"a" * (30 << 20))], True),
          "a 30 MB record (compressed)")  # fmt: skip
    w.put(f, "lying-length.warc", good.replace(b"Content-Length: ", b"Content-Length: 9", 1),
          "wrong Content-Length")  # fmt: skip


def inputs_tried(cases: list[Case]) -> int:
    """How many inputs the corpus holds (files; members and lines count inside their file)."""
    return len(cases)


__all__ = ["Case", "article_text", "build_corpus", "html_page", "inputs_tried", "marker"]

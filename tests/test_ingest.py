"""Reading inputs: every format, metadata, and one clear error per bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.models import RawDoc
from storyline.stages.prepare.ingest import count_inputs, read_inputs

TEXT = (
    "The river commission met in Lindau on Tuesday to agree on water quotas for the summer.\n"
    "Delegates said the talks would continue next week.\n"
)


def read(*paths: str | Path, **kw: object) -> tuple[list[RawDoc], list[InputError]]:
    docs: list[RawDoc] = []
    errs: list[InputError] = []
    for item in read_inputs([str(p) for p in paths], **kw):  # type: ignore[arg-type]
        (errs if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errs


def test_plain_text_with_sidecar_and_flags(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "Quotas", "outlet": "Lindau Post", "published": "2026-03-03"})
    )
    (tmp_path / "b.txt").write_text(TEXT + "More.\n")
    docs, errs = read(tmp_path, outlet="Default Outlet", published="2026-01-01")
    assert not errs
    by_name = {Path(d.source).name: d for d in docs}
    assert set(by_name) == {"a.txt", "b.txt"}  # the sidecar is metadata, not an article
    assert (by_name["a.txt"].title, by_name["a.txt"].outlet) == ("Quotas", "Lindau Post")
    assert by_name["a.txt"].published == "2026-03-03"
    assert (by_name["b.txt"].outlet, by_name["b.txt"].published) == ("Default Outlet", "2026-01-01")
    assert Path(by_name["a.txt"].source).is_absolute()


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    docs, errs = read(tmp_path / "page.html")
    assert not errs and docs[0].html and docs[0].text is None


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lindau Post</title><link>https://post.example</link>
<item><title>Quotas agreed</title><link>https://post.example/quotas</link>
<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The river commission agreed quotas.</p><p>Talks continue.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://post.example/second</link>
<description>Plain description text of the second item, long enough.</description></item>
<item><title>Empty</title><link>https://post.example/empty</link></item>
</channel></rss>"""


def test_rss_one_doc_per_item_with_link_and_date(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(RSS)
    docs, errs = read(tmp_path / "feed.xml")
    assert [d.url for d in docs] == ["https://post.example/quotas", "https://post.example/second"]
    assert docs[0].source == "https://post.example/quotas"
    assert docs[0].published == "2026-03-03T09:00:00+00:00"
    assert docs[0].outlet == "Lindau Post" and docs[0].title == "Quotas agreed"
    assert docs[0].html and "river commission" in docs[0].html
    assert docs[1].text and not docs[1].html
    assert len(errs) == 1 and "no content" in errs[0].reason


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Wire</title>
<entry><title>Dam opens</title><link href="https://delta.example/dam"/>
<updated>2026-04-01T12:00:00Z</updated><content type="html">&lt;p&gt;The dam opened today.&lt;/p&gt;</content></entry>
</feed>"""


def test_atom_feed(tmp_path: Path) -> None:
    (tmp_path / "feed.atom").write_text(ATOM)
    docs, errs = read(tmp_path / "feed.atom")
    assert not errs
    assert docs[0].url == "https://delta.example/dam" and docs[0].outlet == "Delta Wire"
    assert docs[0].published and docs[0].published.startswith("2026-04-01")


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": TEXT, "title": "One", "url": "https://x.example/1", "outlet": "X"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": f"<p>{TEXT}</p>", "url": "https://x.example/2", "date": "2026-03-04"}),
        json.dumps([1, 2]),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    docs, errs = read(tmp_path / "a.jsonl")
    assert [d.source for d in docs] == ["https://x.example/1", "https://x.example/2"]
    assert docs[1].published == "2026-03-04" and docs[1].html
    assert len(errs) == 3
    assert any(":2" in e.source and "invalid JSON" in e.reason for e in errs)
    assert any("no 'text' or 'html'" in e.reason for e in errs)


def test_json_list_and_object(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([{"text": TEXT}, {"text": TEXT + "x"}]))
    (tmp_path / "one.json").write_text(json.dumps({"text": TEXT, "title": "T"}))
    docs, errs = read(tmp_path / "list.json", tmp_path / "one.json")
    assert len(docs) == 3 and not errs


def test_stdin_is_sniffed() -> None:
    docs, errs = read("-", stdin=io.BytesIO(TEXT.encode()))
    assert not errs and docs[0].source == "<stdin>" and docs[0].text == TEXT
    docs, errs = read("-", stdin=io.BytesIO(json.dumps({"text": TEXT}).encode()))
    assert docs[0].text == TEXT


def test_directories_recursive_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(TEXT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(TEXT)
    (tmp_path / ".hidden.txt").write_text(TEXT)
    docs, errs = read(tmp_path)
    assert [Path(d.source).name for d in docs] == ["deep.txt"] and not errs
    assert count_inputs([str(tmp_path)]) == 1


def test_thousands_of_files(tmp_path: Path) -> None:
    for i in range(3000):
        (tmp_path / f"{i:05d}.txt").write_text(f"Article number {i}. " + TEXT)
    assert count_inputs([str(tmp_path)]) == 3000
    docs, errs = read(tmp_path)
    assert len(docs) == 3000 and not errs
    assert Path(docs[0].source).name == "00000.txt"  # stable, sorted order


# --- bad input: one error each, naming the input and the reason -------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("latin.txt", "caf\u00e9 au lait, d\u00e9j\u00e0 vu".encode("latin-1"), "UTF-8"),
        ("broken.html", b"this is not <<< html at all", "malformed HTML"),
        ("broken.xml", b"<?xml version='1.0'?><rss><channel><item><title>x</tit", "feed"),
        ("broken.json", b'{"text": "unterminated', "invalid JSON"),
        ("odd.json", b"42", "neither"),
    ],
)
def test_bad_inputs(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    docs, errs = read(bad, good)
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert len(errs) == 1
    assert errs[0].source.endswith(name)
    assert reason in errs[0].reason
    assert "\n" not in str(errs[0])


def test_huge_file_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing read
    docs, errs = read(big, max_bytes=20 * 1024 * 1024)
    assert not docs and "too large (100.0 MB" in errs[0].reason


def test_missing_and_unreadable_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT)
    real = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    docs, errs = read(tmp_path / "nope.txt", secret)
    assert not docs
    assert "no such file" in errs[0].reason and errs[0].source.endswith("nope.txt")
    assert "permission denied" in errs[1].reason


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>caf\u00e9 '
        + TEXT
        + "</p></body></html>"
    )
    (tmp_path / "l.html").write_bytes(page.encode("latin-1"))
    docs, errs = read(tmp_path / "l.html")
    assert not errs and docs[0].html and "caf\u00e9" in docs[0].html

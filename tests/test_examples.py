"""The bundled example articles agree with their manifest (data/examples_manifest.json) and with the quote gold.

Only the standard library is used to read the files (no storyline stage), so these checks
hold whatever the ingest and clean stages do; the stages' own tests use the manifest as gold.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from email.utils import parsedate_to_datetime
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from storyline.demo import examples_dir

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = examples_dir()
# The gold lives beside the package data, not among the articles (ingest reads every file there).
MANIFEST = EXAMPLES.parent / "data" / "examples_manifest.json"
GOLD = REPO / "bench" / "data" / "quotes" / "gold.jsonl"
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"

FORMS = {
    "straight",
    "curly",
    "multi_sentence",
    "multi_paragraph",
    "missing_open",
    "partial",
    "colon",
    "dash",
    "indirect",
    "said_x",
    "x_said",
    "told",
    "according_to",
    "stated",
    "pronoun_ref",
    "role_ref",
    "unnamed",
}
KINDS = {"direct", "partial", "indirect"}


class _Text(HTMLParser):
    """Text content of an HTML page or fragment (skips script, style and <title>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style", "title")
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style", "title")
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@cache
def gold() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def rss_items(rel: str) -> list[ET.Element]:
    root = ET.fromstring((EXAMPLES / rel).read_bytes())
    return list(root.iter("item"))


@cache
def jsonl_records(rel: str) -> list[dict]:
    lines = (EXAMPLES / rel).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def doc_text(doc: str) -> str:
    """The text of one doc as its input carries it, whitespace collapsed."""
    rel, _, item = doc.partition("#")
    if rel.endswith(".txt"):
        return collapse((EXAMPLES / rel).read_text(encoding="utf-8"))
    if rel.endswith(".html"):
        return collapse(html_text((EXAMPLES / rel).read_text(encoding="utf-8")))
    if rel.endswith(".rss"):
        node = rss_items(rel)[int(item)]
        encoded = node.find(CONTENT_NS)
        body = encoded.text if encoded is not None else node.findtext("description")
        return collapse(html_text(body or ""))
    if rel.endswith(".jsonl"):
        rec = jsonl_records(rel)[int(item)]
        return collapse(rec["text"] if "text" in rec else html_text(rec["html"]))
    raise AssertionError(f"unknown doc type: {doc}")


def articles() -> list[dict]:
    return manifest()["articles"]


def by_doc() -> dict[str, dict]:
    return {a["doc"]: a for a in articles()}


# -- files -------------------------------------------------------------------------------


def test_examples_manifest_lists_exactly_the_files() -> None:
    on_disk = {
        str(p.relative_to(EXAMPLES))
        for p in EXAMPLES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert set(manifest()["files"]) == on_disk
    used = {a["file"] for a in articles()} | {a["sidecar"] for a in articles() if a["sidecar"]}
    assert used == on_disk, "every file is an article or a sidecar, and the other way round"


def test_examples_docs_are_unique_and_items_complete() -> None:
    docs = [a["doc"] for a in articles()]
    assert len(docs) == len(set(docs))
    for suffix, count in ((".rss", rss_items), (".jsonl", jsonl_records)):
        for rel in {a["file"] for a in articles() if a["file"].endswith(suffix)}:
            items = sorted(a["item"] for a in articles() if a["file"] == rel)
            assert items == list(range(len(count(rel)))), rel


def test_examples_sidecars_match_manifest() -> None:
    for a in articles():
        if a["sidecar"] is None:
            continue
        assert a["sidecar"] == a["file"].removesuffix(".txt") + ".meta.json"
        meta = json.loads((EXAMPLES / a["sidecar"]).read_text(encoding="utf-8"))
        assert set(meta) == {"title", "outlet", "published", "url"}
        assert (meta["title"], meta["outlet"], meta["url"]) == (a["title"], a["outlet"], a["url"])
        assert meta["published"][:10] == a["published"]


def test_examples_rss_items_parse_and_match() -> None:
    for a in articles():
        if a["format"] != "rss":
            continue
        node = rss_items(a["file"])[a["item"]]
        assert node.findtext("title") == a["title"]
        assert node.findtext("link") == a["url"]
        assert (
            parsedate_to_datetime(node.findtext("pubDate") or "").date().isoformat()
            == a["published"]
        )
        encoded = node.find(CONTENT_NS)
        body = encoded.text if encoded is not None else node.findtext("description")
        assert body and body.lstrip().startswith("<p>"), "full text as HTML, in either field"


def test_examples_jsonl_lines_parse_and_match() -> None:
    for a in articles():
        if a["format"] != "jsonl":
            continue
        rec = jsonl_records(a["file"])[a["item"]]
        assert ("text" in rec) != ("html" in rec)
        assert (rec["title"], rec["url"], rec["outlet"]) == (a["title"], a["url"], a["outlet"])
        assert rec["published"][:10] == a["published"]


def test_examples_html_pages_carry_their_metadata() -> None:
    for a in articles():
        if a["format"] != "html":
            continue
        page = (EXAMPLES / a["file"]).read_text(encoding="utf-8")
        assert re.search(r"<title>[^<]+</title>", page)
        assert f'property="og:site_name" content="{a["outlet"]}"' in page
        published = re.search(r'property="article:published_time" content="([^"]+)"', page)
        assert published and published.group(1)[:10] == a["published"]


def test_examples_txt_without_metadata() -> None:
    bare = [a for a in articles() if a["metadata"] == "none"]
    assert bare, "some .txt files carry no metadata at all"
    assert any(not a["title_in_input"] for a in bare), "one file has no title anywhere"
    for a in bare:
        assert not (EXAMPLES / a["file"].replace(".txt", ".meta.json")).exists()


# -- planted features --------------------------------------------------------------------


def test_examples_planted_strings_are_in_their_docs() -> None:
    for a in articles():
        text = doc_text(a["doc"])
        for key in ("noise", "captions", "headings", "paragraphs"):
            for s in a[key]:
                assert collapse(s) in text, f"{a['doc']}: {key} {s!r} not found"
        if a["dateline"]:
            assert text.startswith(a["dateline"]), a["doc"]
        assert 300 <= a["words"] <= 700, a["doc"]


def test_examples_noise_kinds_are_all_planted() -> None:
    noise = [n for a in articles() for n in a["noise"]]
    assert "0 Comments" in noise and "Share this" in noise
    assert any(n.startswith("(Photo:") for n in noise)
    assert any(n.startswith("(Video:") for n in noise)
    # a trailing block of unrelated headlines, one per line, after the body
    tails = [a for a in articles() if a["format"] == "txt" and len(a["noise"]) >= 5]
    assert tails
    for a in tails:
        lines = (EXAMPLES / a["file"]).read_text(encoding="utf-8").rstrip("\n").splitlines()
        assert lines[-1] in a["noise"], a["doc"]
    assert any(a["headings"] for a in articles() if a["format"] == "txt")


def test_examples_hard_wrapped_file() -> None:
    wrapped = [a for a in articles() if a["hard_wrapped"]]
    assert wrapped
    for a in wrapped:
        raw = (EXAMPLES / a["file"]).read_text(encoding="utf-8")
        assert max(len(line) for line in raw.splitlines()) <= 72
        assert "\n\n" in raw, "paragraph breaks are blank lines"
        assert any(len(line) > 60 for line in raw.splitlines())


def test_examples_rewrite_points_to_an_earlier_article_of_the_same_story() -> None:
    docs = by_doc()
    rewrites = [a for a in articles() if a["rewrite_of"]]
    assert rewrites
    for a in rewrites:
        original = docs[a["rewrite_of"]]
        assert original["story"] == a["story"] and original["outlet"] != a["outlet"]
        assert original["published"] <= a["published"]
        ga = [q["quote"] for q in gold() if q["doc"] == a["doc"] and q["kind"] != "indirect"]
        go = [q["quote"] for q in gold() if q["doc"] == original["doc"] and q["kind"] != "indirect"]
        assert ga == go, "a rewrite keeps the same direct quotes in the same order"
        assert doc_text(a["doc"]) != doc_text(original["doc"])


# -- stories -----------------------------------------------------------------------------


def test_examples_stories_have_four_to_six_outlets() -> None:
    stories = manifest()["stories"]
    assert len(stories) >= 3
    for label, story in stories.items():
        members = [a for a in articles() if a["story"] == label]
        assert story["docs"] == [a["doc"] for a in sorted(members, key=lambda a: a["published"])]
        outlets = {a["outlet"] for a in members}
        assert sorted(outlets) == story["outlets"]
        assert 4 <= len(outlets) <= 6, label
        assert len(outlets) == len(members), f"{label}: one article per outlet"
        first, last = (date.fromisoformat(story[k]) for k in ("first_published", "last_published"))
        assert 1 <= (last - first).days <= 21, label
    assert {a["story"] for a in articles()} == set(stories)


def test_examples_similar_stories_are_months_apart() -> None:
    stories = manifest()["stories"]
    assert manifest()["distinct_pairs"]
    for one, two in manifest()["distinct_pairs"]:
        a, b = stories[one], stories[two]
        gap = date.fromisoformat(b["first_published"]) - date.fromisoformat(a["last_published"])
        assert gap.days >= 120


def test_examples_conflicting_values_are_in_their_docs() -> None:
    for label, story in manifest()["stories"].items():
        assert story["conflicts"], label
        for conflict in story["conflicts"]:
            values = conflict["values"]
            assert len({v["text"] for v in values}) >= 2, conflict["topic"]
            for v in values:
                assert by_doc()[v["doc"]]["story"] == label
                assert collapse(v["text"]) in doc_text(v["doc"]), (label, v)
        kinds = {c["kind"] for c in story["conflicts"]}
        assert {"quantity", "actor"} <= kinds or {"quantity", "negation"} <= kinds, label


# -- quote gold --------------------------------------------------------------------------


def test_gold_quotes_occur_once_in_their_doc() -> None:
    docs = by_doc()
    for q in gold():
        assert q["doc"] in docs, q["doc"]
        assert doc_text(q["doc"]).count(collapse(q["quote"])) == 1, (q["doc"], q["quote"][:60])


def test_gold_records_are_well_formed() -> None:
    for q in gold():
        assert set(q) == {"doc", "quote", "speaker", "kind", "form", "forms"}
        assert q["kind"] in KINDS and q["speaker"].strip() and q["quote"].strip()
        assert q["form"] == q["forms"][0] and set(q["forms"]) <= FORMS
        if q["kind"] == "partial":
            assert "partial" in q["forms"]
        if q["kind"] == "indirect":
            assert "indirect" in q["forms"]


def test_gold_marks_match_the_text() -> None:
    """A direct/partial quote sits between the marks its forms name; missing_open has no opening mark."""
    for q in gold():
        if q["kind"] == "indirect":
            continue
        text, span = doc_text(q["doc"]), collapse(q["quote"])
        start = text.index(span)
        before, after = text[start - 1], text[start + len(span)]
        if "missing_open" in q["forms"]:
            assert before not in '“"' and after in '”"', q["quote"][:40]
        elif "curly" in q["forms"]:
            assert (before, after) == ("“", "”"), q["quote"][:40]
        else:
            assert "straight" in q["forms"] and (before, after) == ('"', '"'), q["quote"][:40]


def test_gold_counts_and_form_coverage() -> None:
    assert len(gold()) >= 150
    primary = Counter(q["form"] for q in gold())
    assert {f: primary[f] for f in FORMS if primary[f] < 5} == {}
    per_doc = Counter(q["doc"] for q in gold())
    for a in articles():
        assert per_doc[a["doc"]] == a["quotes"], a["doc"]
    per_story = Counter(by_doc()[q["doc"]]["story"] for q in gold())
    assert all(n >= 40 for n in per_story.values()), per_story


def test_gold_multi_paragraph_quotes_span_a_paragraph_break() -> None:
    multi = [q for q in gold() if "multi_paragraph" in q["forms"]]
    assert multi
    for q in multi:
        rel, _, item = q["doc"].partition("#")
        if rel.endswith(".jsonl"):
            raw = jsonl_records(rel)[int(item)]["text"]
        else:
            raw = (EXAMPLES / rel).read_text(encoding="utf-8")
        # the reopening mark starts a new paragraph: "…witnesses.\n\n“If Valdoria…"
        pieces = re.split(r'(?<=[.,]) (?=[“"])', q["quote"], maxsplit=1)
        assert len(pieces) == 2, q["quote"][:60]
        words = [r"\s+".join(map(re.escape, p.split())) for p in pieces]
        assert re.search(r"\s*\n\s*".join(words), raw), q["quote"][:60]

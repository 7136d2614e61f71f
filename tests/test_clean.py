"""The cleaner: noise removed, body paragraphs intact, metadata recovered.

Unit tests use text written for these tests. The corpus tests read ../shared at run time
and refer to its lines by position only (never copying its sentences).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.errors import CleanError
from storyline.models import RawDoc
from storyline.stages.prepare.clean import (
    clean_document,
    clean_text,
    infer_title,
    parse_date,
)

BODY = [
    "The harbour authority said on Monday that the eastern pier would close for repairs.",
    "Engineers found cracks in three pylons during a routine inspection last week.",
    "“We cannot take any risk with the public,” the authority’s director, Ana Ruiz, said.",
    "Ferries will dock at the western pier until the work is finished in the spring.",
]
HEADLINES = [
    "Local Bakery Wins National Bread Award for Third Year",
    "City Council Approves New Bicycle Lanes Along River Road",
    "Storm Warning Issued for Coastal Towns Ahead of Weekend",
    "Museum Reopens Its Doors After Two-Year Renovation",
]


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- unit tests on our own text ---------------------------------------------------------


def test_trailing_headline_block_is_removed_body_kept() -> None:
    raw = "\n".join(BODY) + "\n\n\n" + "\n".join(HEADLINES) + "\n"
    out = clean_text(raw)
    assert paragraphs(out.text) == BODY
    for h in HEADLINES:
        assert h not in out.text
    assert sum(1 for r, _ in out.removed if r == "headline list") == len(HEADLINES)


def test_two_title_case_lines_are_not_a_headline_block() -> None:
    raw = "\n".join([BODY[0], "Repairs Begin in March", BODY[1], BODY[2]])
    out = clean_text(raw)
    assert "Repairs Begin in March" in out.text
    assert [out.text[h.start : h.end] for h in out.headings] == ["Repairs Begin in March"]


def test_caption_above_credit_line_and_credit_removed() -> None:
    caption = "The harbour director Ana Ruiz inspects the eastern pier in Portmore"
    for credit in ("(Video: Harbour TV)", "(Photo: J. Smith)", "Photo: Reuters", "Getty Images"):
        raw = "\n".join([BODY[0], BODY[1], caption, credit, BODY[2], BODY[3]])
        out = clean_text(raw)
        assert paragraphs(out.text) == BODY, credit
        assert ("caption", caption) in out.removed


def test_line_ending_in_photo_credit_is_a_caption() -> None:
    raw = "\n".join([BODY[0], "Workers on the pier on Monday. (Photo: Harbour Authority)", BODY[1]])
    assert paragraphs(clean_text(raw).text) == BODY[:2]


@pytest.mark.parametrize(
    "footer",
    ["0 Comments", "12 comments", "Share this article", "Share on Facebook", "Advertisement",
     "© 2026 The Portmore Gazette. All rights reserved.", "Sign up for our daily newsletter",
     "Follow us on Twitter", "Facebook | Twitter | WhatsApp", "Tags: harbour, repairs"],
)  # fmt: skip
def test_footers_are_removed(footer: str) -> None:
    raw = "\n".join(BODY) + "\n\n" + footer + "\n"
    out = clean_text(raw)
    assert paragraphs(out.text) == BODY
    assert footer not in out.text


def test_related_stories_header_and_its_list_are_removed() -> None:
    raw = "\n".join([*BODY, "", "Related articles", HEADLINES[0], HEADLINES[1]])
    out = clean_text(raw)
    assert paragraphs(out.text) == BODY


WRAPPED = """The harbour authority said on Monday that the eastern pier would
close for repairs after engineers found cracks in three of its
pylons.
Ferries will dock at the western pier until the work is finished,
the authority said. Passengers should expect delays of up to an
hour during the first week.
“We cannot take any risk with the public,” the director said,
adding that the repairs would cost about two million euros.
Repair Plan
The work will be done in two phases, starting with the northern
half of the pier, which carries most of the foot traffic."""


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    out = clean_text(WRAPPED)
    paras = paragraphs(out.text)
    assert paras[0].startswith("The harbour authority") and paras[0].endswith("pylons.")
    assert paras[1].endswith("the first week.")
    assert "\n" not in paras[0]
    assert [out.text[h.start : h.end] for h in out.headings] == ["Repair Plan"]
    assert paras[-1].endswith("foot traffic.")
    # every wrapped line's words survive, joined by single spaces
    for line in WRAPPED.splitlines():
        assert line in out.text


def test_wrapped_paragraphs_separated_by_blank_lines() -> None:
    raw = WRAPPED.replace("pylons.\n", "pylons.\n\n").replace("first week.\n", "first week.\n\n")
    raw = raw.replace("two million euros.\n", "two million euros.\n\n")
    out = clean_text(raw)
    assert len(paragraphs(out.text)) == 5
    assert out.headings


def test_hyphen_at_wrap_joins_without_space() -> None:
    raw = "\n".join(
        [
            "The ceasefire, which was brokered by the regional bloc and its",
            "partners, is holding after the government and the rebels signed a US-",
            "brokered framework that sets out a timetable for the withdrawal of",
            "heavy weapons from the front line, officials in the capital said.",
            "Observers from six countries will monitor the line from next week,",
            "according to the framework, which the parliament must still approve.",
        ]
    )
    assert "US-brokered" in clean_text(raw).text


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Wednesday, November 5, 2025 - The council met.", "2025-11-05"),
        ("PORTMORE, March 3, 2026 (Coastal Wire) — The council met.", "2026-03-03"),
        ("Tuesday, 3 March 2026 – The council met.", "2026-03-03"),
        ("PORTMORE (Coastal Wire) - The council met.", None),
    ],
)
def test_dateline_is_stripped_and_dated(line: str, date: str | None) -> None:
    out = clean_text(line + " It voted to close the pier for repairs until the spring.")
    assert out.text.startswith("The council met.")
    assert out.dateline_date == date
    assert out.dateline


def test_no_dateline_in_an_ordinary_lead() -> None:
    lead = "Harbour officials - and the unions - agreed on Monday to close the pier."
    assert clean_text(lead).text == lead


def test_date_only_line_at_top_becomes_the_date() -> None:
    out = clean_text("Published: March 3, 2026\n" + "\n".join(BODY))
    assert out.dateline_date == "2026-03-03"
    assert paragraphs(out.text) == BODY


def test_first_line_headline_becomes_title() -> None:
    doc = RawDoc(source="x.txt", text="Eastern Pier to Close for Repairs\n" + "\n".join(BODY))
    art = clean_document(doc)
    assert art.title == "Eastern Pier to Close for Repairs"
    assert not art.title_inferred
    assert paragraphs(art.text) == BODY


def test_title_is_inferred_and_marked() -> None:
    text = (
        "Portmore and Lindau, in coordination with the regional bloc, are finalising a treaty "
        "that would share the river's water between them for thirty years, officials said Friday.\n"
        + BODY[1]
    )
    art = clean_document(RawDoc(source="y.txt", text=text))
    assert art.title_inferred
    assert art.title == "Portmore and Lindau are finalising a treaty"


def test_infer_title_caps_length() -> None:
    title = infer_title(" ".join(["word"] * 40) + ".")
    assert len(title.split()) <= 15


def test_metadata_wins_over_dateline_and_sidecar_fields_kept() -> None:
    doc = RawDoc(
        source="z.txt",
        text="Monday, March 2, 2026 - " + "\n".join(BODY),
        title="Pier closes",
        outlet="The Portmore Gazette",
        published="2026-03-03",
        url="https://gazette.example/pier",
    )
    art = clean_document(doc)
    assert (art.published, art.published_from) == ("2026-03-03", "metadata")
    assert art.text.startswith("The harbour authority")
    assert (art.title, art.outlet, art.url) == ("Pier closes", "The Portmore Gazette", doc.url)


def test_html_page_main_text_title_date_outlet() -> None:
    html = f"""<!doctype html><html><head><title>Eastern pier to close | Portmore Gazette</title>
    <meta property="og:site_name" content="Portmore Gazette">
    <meta property="article:published_time" content="2026-03-02T08:30:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Eastern pier to close</h1>
    <p>{BODY[0]}</p><p>{BODY[1]}</p><h2>What changes for ferries</h2><p><b>{BODY[2]}</b></p>
    <figure><img src="p.jpg"><figcaption>The pier at dawn</figcaption></figure><p>{BODY[3]}</p>
    </article><footer>© 2026 Portmore Gazette. All rights reserved.</footer></body></html>"""
    art = clean_document(RawDoc(source="p.html", html=html))
    assert art.title == "Eastern pier to close"
    assert art.outlet == "Portmore Gazette"
    assert art.published is not None and art.published.startswith("2026-03-02")
    assert art.published_from == "html"
    body = [p for p in paragraphs(art.text)]
    assert body == [BODY[0], BODY[1], "What changes for ferries", BODY[2], BODY[3]]
    assert [art.text[h.start : h.end] for h in art.headings] == ["What changes for ferries"]
    assert "Home" not in art.text and "All rights reserved" not in art.text
    assert art.raw == html


def test_no_text_raises_clean_error() -> None:
    with pytest.raises(CleanError):
        clean_document(RawDoc(source="e.txt", text="0 Comments\nShare this\n"))


def test_same_content_same_id_whatever_the_noise() -> None:
    a = clean_document(RawDoc(source="a.txt", text="\n".join(BODY)))
    b = clean_document(RawDoc(source="b.txt", text="\n".join(BODY) + "\n\n0 Comments\n"))
    assert a.id == b.id


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2026-03-02", "2026-03-02"),
        ("2026-03-02T08:30:00Z", "2026-03-02T08:30:00+00:00"),
        ("Mon, 02 Mar 2026 08:30:00 GMT", "2026-03-02T08:30:00+00:00"),
        ("March 2, 2026", "2026-03-02"),
        ("2 March 2026", "2026-03-02"),
        ("Sept. 23, 2025", "2025-09-23"),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


# --- the reference corpus ---------------------------------------------------------------

# Raw line numbers (0-based) of noise and sub-headings in ../shared/corpus/gaza-isf.
NOISE_LINES = {"000": range(7, 23), "002": (2, 3), "003": (66,)}
HEADING_LINES = {"001": (5, 9)}


def _load(corpus_dir: Path, prefix: str) -> tuple[list[str], object]:
    path = next(corpus_dir.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    return raw.split("\n"), clean_document(RawDoc(source=str(path), text=raw))


@pytest.mark.corpus
@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_corpus_one_line_per_paragraph(corpus_dir: Path, prefix: str) -> None:
    lines, art = _load(corpus_dir, prefix)
    paras = paragraphs(art.text)  # type: ignore[attr-defined]
    noise = set(NOISE_LINES.get(prefix, ()))
    heads = set(HEADING_LINES.get(prefix, ()))
    expected = [ln.strip() for i, ln in enumerate(lines) if ln.strip() and i not in noise]
    assert paras == expected  # every body paragraph survives intact, in order
    for i in noise:
        assert lines[i].strip() not in art.text  # type: ignore[attr-defined]
    got_heads = [art.text[h.start : h.end] for h in art.headings]  # type: ignore[attr-defined]
    assert got_heads == [lines[i].strip() for i in sorted(heads)]
    assert art.title and art.title_inferred  # type: ignore[attr-defined]


@pytest.mark.corpus
def test_corpus_wrapped_article_with_dateline(corpus_dir: Path) -> None:
    lines, art = _load(corpus_dir, "003")
    text: str = art.text  # type: ignore[attr-defined]
    assert art.published == "2025-11-05"  # type: ignore[attr-defined]
    assert art.published_from == "dateline"  # type: ignore[attr-defined]
    assert not re.match(r"\w+day,", text)
    assert "Comments" not in text
    # the dateline's sentence survives without its date; every wrapped line survives
    first = lines[0].split(" - ", 1)[1]
    assert text.startswith(first)
    for ln in lines[1:66]:
        if ln.strip():
            assert ln.strip() in text
    paras = paragraphs(text)
    assert 15 <= len(paras) <= 25
    for p in paras:
        assert "\n" not in p
        assert re.search(r"[.!?\"”]$", p), p[-30:]
    assert not art.headings  # type: ignore[attr-defined]


def test_sentence_case_headline_list_at_the_end() -> None:
    tail = ["Court delays ruling in fishing quota case", "Heat wave warning issued for the south",
            "Museum returns carved doors to village"]  # fmt: skip
    out = clean_text("\n".join(BODY) + "\n\n" + "\n".join(tail))
    assert paragraphs(out.text) == BODY


def test_sentence_case_first_line_is_the_title() -> None:
    art = clean_document(
        RawDoc(source="t.txt", text="Harbour pier to close for repairs\n" + "\n".join(BODY))
    )
    assert (art.title, art.title_inferred) == ("Harbour pier to close for repairs", False)
    assert paragraphs(art.text) == BODY

"""Property-based tests: any Unicode input never crashes cleaning, extraction or the report,
and every offset produced is valid (quote text equal to its span).

Strategies mix arbitrary text (every category but surrogates: controls, format characters,
combining marks, symbols), right-to-left runs, combining marks, emoji ZWJ sequences, NUL,
typographic quotes and dashes, and news-like sentences with quotes, numbers and dates (so the
extractors' interesting paths run, not only their "nothing found" paths).

Extractors are called directly, not through ``extract_many``: that wrapper catches and logs
a stage's exception (so one bad article never loses the batch), which would hide the crash a
property test is looking for. ``extract_many`` is checked separately for logged failures.

Profiles: the default keeps the run CI-sized; ``STORYLINE_FUZZ=long`` runs many more examples.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.models import Article, ArticleFacts, Cite, RawDoc, Story
from storyline.stages.prepare.clean import clean_document, clean_text, parse_date
from storyline.stages.prepare.extract import extract_many
from storyline.stages.prepare.extract.dates import extract_dates
from storyline.stages.prepare.extract.entities import extract_entities
from storyline.stages.prepare.extract.events import build_events
from storyline.stages.prepare.extract.quantities import extract_quantities
from storyline.stages.prepare.extract.quotes import extract_quotes
from storyline.stages.prepare.extract.stances import extract_stances
from storyline.text import content_id, sentence_spans

_COMMON = {"deadline": None, "suppress_health_check": list(HealthCheck), "derandomize": True}
settings.register_profile("storyline-ci", max_examples=25, **_COMMON)
settings.register_profile("storyline-long", max_examples=600, **_COMMON)
LONG = os.environ.get("STORYLINE_FUZZ") == "long"
PROFILE = "storyline-long" if LONG else "storyline-ci"
settings.load_profile(PROFILE)

# --- strategies -----------------------------------------------------------------------

_ANY_CHAR = st.characters(exclude_categories=("Cs",))  # every category, surrogates excluded
_RTL = st.sampled_from(
    ["مرحبا بالعالم", "قال الوزير", "שלום עולם", "אמר השר", "\u202eevil\u202c", "\u200f\u200e"]
)
_COMBINING = st.text(st.characters(categories=("Mn", "Me")), min_size=1, max_size=6)
_EMOJI = st.sampled_from(
    ["👩‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇺🇸🇫🇷", "❤️", "🧑🏿‍🚀", "\ufe0f", "\u200d", "🔥" * 30]
)
_PUNCT = st.sampled_from(
    ["“", "”", "‘", "’", "«", "»", "„", '"', "'", "—", "–", "‐", "…", "―", "\u2028", "\u2029",
     "\x00", "\r", "\r\n", "\t", "\x0b", "\x0c", "\x85", "\u00a0", "\u202f", "\ufeff", "\u00ad",
     ". ", "! ", "? ", "\n\n", "(", ")", "[", "]", ":", ";", ","]
)  # fmt: skip
_NAMES = st.sampled_from(
    ["Maria Ortega", "the minister", "Ahmed Al-Sayed", "Jean-Luc Picard", "an official",
     "Defence Minister Ana Ruiz", "the United Nations", "Indonesia", "France", "Dr. Li Wei",
     "a spokesperson", "O'Neil", "Ève Ûrsule", "President Bo"]
)  # fmt: skip
_NUMBERS = st.sampled_from(
    ["20,000", "up to 5,000", "about 3.5 million", "two dozen", "more than 40%", "$1.2bn",
     "€300", "1e308", "99999999999999999999", "-0", "0.000001", "nearly half", "3/4", "½",
     "١٢٣", "1,2,3,4,5,6,7,8,9,0", "10 000"]
)  # fmt: skip
_DATES = st.sampled_from(
    ["on Tuesday", "last week", "Nov. 5, 2025", "5 November 2025", "2025-11-05", "in March",
     "next month", "yesterday", "February 30, 2025", "0000-00-00", "9999-12-31", "Sept. 31",
     "two days ago", "by the end of the year", "in 1066", "on Friday, Jan. 3"]
)  # fmt: skip


@st.composite
def _news_sentence(draw: st.DrawFn) -> str:
    who = draw(_NAMES)
    what = draw(st.sampled_from(["pledged", "rejected", "said", "demanded", "warned", "told"]))
    num = draw(_NUMBERS)
    when = draw(_DATES)
    o, c = draw(st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("", "”")]))
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return f"{o}We will send {num} troops {when},{c} {who} {what}."
    if shape == 1:
        return f"{who} {what} {when} that the plan, backed by {num} people, was {o}unacceptable{c}."
    if shape == 2:
        return f"{o}This is not binding,{c} {what} {who}, {o}and it never will be.{c}"
    if shape == 3:
        return f"{who.capitalize()} {what} {draw(_NAMES)} {when} to support {num} refugees"
    return f"According to {who}, {num} people {when}. {o}No.{c}"


_PIECE = st.one_of(
    st.text(_ANY_CHAR, max_size=40),
    _RTL,
    _COMBINING,
    _EMOJI,
    _PUNCT,
    _news_sentence(),
    _NUMBERS,
    _DATES,
    _NAMES,
)
TEXT = st.lists(_PIECE, max_size=30).map(" ".join)
NEWSY = st.lists(st.one_of(_news_sentence(), _PUNCT, _EMOJI, _RTL), min_size=1, max_size=12).map(
    " ".join
)

MB_LINE = ("Officials said “the deal holds” on Tuesday and 20,000 troops will go. " * 14_600)[
    : 1 << 20
]
# Extracting 1 MB on rules takes about a minute on a loaded CI machine (linear, but a lot of
# text): the default profile extracts a 200 KB line, the long one the full megabyte. Cleaning
# always gets the full megabyte.
BIG_LINE = MB_LINE if LONG else MB_LINE[:200_000]
NASTY = [
    "",
    "\x00" * 100,
    "“" * 500 + "”" * 500,
    '"' * 1001,
    "said " * 2000,
    "\u0301" * 300,
    "a\u0301" * 300,
    "\u202e" + "Mr. " * 300,
    ("The U.S. " * 400) + ".",
    "1" * 5000,
    "“unterminated quote " + "x " * 3000,
    "(" * 2000 + ")" * 2000,
    "up to up to up to " * 300 + "20,000",
    "\n" * 500 + "Text.",
    "👩‍👩‍👧‍👦" * 500,
]


# --- helpers ----------------------------------------------------------------------------


def _article(text: str) -> Article:
    return Article(id=content_id(text), source="prop", text=text, raw=text, title="t")


def _check_cite(c: Cite, article: Article) -> None:
    assert isinstance(c, Cite)
    assert c.article == article.id, c
    assert 0 <= c.start < c.end <= len(article.text), (c, len(article.text))


def _check_facts(article: Article, facts: ArticleFacts) -> None:
    for e in facts.entities:
        for c in e.mentions:
            _check_cite(c, article)
    for q in facts.quotes:
        _check_cite(q.cite, article)
        assert q.text == article.text[q.cite.start : q.cite.end]
    for x in facts.quantities:
        _check_cite(x.cite, article)
    for d in facts.dates:
        _check_cite(d.cite, article)
    for ev in facts.events:
        for c in ev.cites:
            _check_cite(c, article)
    for s in facts.stances:
        for c in s.cites:
            _check_cite(c, article)


_NLP: Any = None


def _doc(text: str, use_spacy: bool) -> Any:
    global _NLP
    if not use_spacy:
        return None
    if _NLP is None:
        from storyline.nlp import load_spacy

        _NLP = load_spacy()
    return _NLP(text) if len(text) <= _NLP.max_length else None


def _extract_direct(article: Article, use_spacy: bool) -> ArticleFacts:
    """Every stage called directly, so an exception fails the test (no catch-all wrapper)."""
    doc = _doc(article.text, use_spacy)
    entities = extract_entities(article, doc)
    dates = extract_dates(article, doc)
    facts = ArticleFacts(
        article_id=article.id,
        entities=entities,
        quotes=extract_quotes(article, doc, entities),
        quantities=extract_quantities(article, doc, entities),
        dates=dates,
        events=build_events(article, doc, dates, entities),
        stances=extract_stances(article, doc, entities),
    )
    _check_facts(article, facts)
    return facts


# --- cleaning ---------------------------------------------------------------------------


@given(raw=TEXT, html=st.booleans())
@example(raw=MB_LINE, html=False)
@example(raw="<p>" + MB_LINE + "</p>", html=True)
@example(raw="<div>" * 2000 + "Deep text with enough words here." + "</div>" * 2000, html=True)
@example(raw="\x00" * 50 + "<p>nul</p>", html=True)
def test_clean_document_only_raises_input_error(raw: str, html: bool) -> None:
    doc = RawDoc(source="prop", html=f"<html><body>{raw}</body></html>" if html else None,
                 text=None if html else raw)  # fmt: skip
    try:
        article = clean_document(doc, ingested_at="2026-01-01T00:00:00+00:00")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert article.text and article.id == content_id(article.text)
    for h in article.headings:
        assert 0 <= h.start < h.end <= len(article.text)


@given(raw=TEXT)
@example(raw=MB_LINE)
def test_clean_text_spans(raw: str) -> None:
    out = clean_text(raw)
    for h in out.headings:
        assert 0 <= h.start < h.end <= len(out.text)
    assert "\x00" not in out.text and "\r" not in out.text


@given(text=TEXT)
@example(text=MB_LINE)
def test_sentence_spans_valid(text: str) -> None:
    prev = 0
    for s, e in sentence_spans(text):
        assert prev <= s < e <= len(text)
        prev = e


@given(
    value=st.one_of(
        st.text(st.characters(categories=("L", "P", "Zs")), max_size=40),
        st.from_regex(r"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\Z", fullmatch=True),
    )
)
@example(value="9999-12-31T23:59:59-12:00")
@example(value="0001-01-01T00:00:00+14:00")
@example(value="Fri, 31 Dec 9999 23:00:00 -1200")
@example(value="Tue, 03 Mar 99999 09:00:00 GMT")
def test_parse_date_never_raises(value: str) -> None:
    out = parse_date(value)
    assert out is None or (isinstance(out, str) and out[:4].isdigit())


# --- extractors -------------------------------------------------------------------------


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
@pytest.mark.parametrize("use_spacy", [False, pytest.param(True, marks=pytest.mark.model)])
def test_extractors_nasty_examples(text: str, use_spacy: bool) -> None:
    if not text:
        return  # an Article never has empty text; the cleaner refuses it first
    _extract_direct(_article(text), use_spacy)


@given(text=st.one_of(TEXT, NEWSY).filter(lambda t: t.strip() != ""))
def test_extractors_rules_any_text(text: str) -> None:
    _extract_direct(_article(text), use_spacy=False)


@pytest.mark.model
@given(text=st.one_of(TEXT, NEWSY).filter(lambda t: t.strip() != ""))
def test_extractors_spacy_any_text(text: str) -> None:
    _extract_direct(_article(text), use_spacy=True)


@given(raw=st.one_of(TEXT, NEWSY))
def test_cleaned_articles_extract_cleanly(raw: str) -> None:
    """The real pipeline order: clean, then extract (rules), every cite into the cleaned text."""
    try:
        article = clean_document(RawDoc(source="prop", text=raw))
    except InputError:
        return
    _extract_direct(article, use_spacy=False)


def test_big_line_extracts_rules() -> None:
    _extract_direct(_article(BIG_LINE), use_spacy=False)


@pytest.mark.model
@pytest.mark.skipif(not LONG, reason="minutes of spaCy parsing: STORYLINE_FUZZ=long")
def test_big_line_extract_many_spacy(caplog: pytest.LogCaptureFixture) -> None:
    """A long single line through the real entry point: no stage fails, nothing times out."""
    article = _article(MB_LINE[:500_000])
    with caplog.at_level(logging.WARNING, logger="storyline.stages.prepare.extract"):
        facts = extract_many([article], use_spacy=True, timeout=0)
    _check_facts(article, facts[0])
    assert not [r for r in caplog.records if "failed" in r.getMessage()]


@given(texts=st.lists(NEWSY, min_size=1, max_size=3))
def test_extract_many_logs_no_stage_failure(texts: list[str]) -> None:
    articles = [_article(t) for t in dict.fromkeys(texts) if t.strip()]
    handler = _ListHandler()
    log = logging.getLogger("storyline.stages.prepare.extract")
    log.addHandler(handler)
    try:
        facts = extract_many(articles, use_spacy=False)
    finally:
        log.removeHandler(handler)
    assert not [m for m in handler.messages if "failed" in m], handler.messages
    for a, f in zip(articles, facts, strict=True):
        _check_facts(a, f)


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# --- report -----------------------------------------------------------------------------


@given(texts=st.lists(st.one_of(NEWSY, TEXT), min_size=1, max_size=4))
def test_report_cites_check_out(texts: list[str]) -> None:
    from storyline.stages.analysis.report import build_report

    articles: list[Article] = []
    for i, t in enumerate(texts):
        try:
            a = clean_document(RawDoc(source=f"prop-{i}", text=t, outlet=f"Outlet {i % 2}"))
        except InputError:
            continue
        if all(a.id != b.id for b in articles):
            articles.append(a)
    if not articles:
        return
    facts = [_extract_direct(a, use_spacy=False) for a in articles]
    story = Story(id="s-000000000000", title="t", article_ids=[a.id for a in articles],
                  first_seen=None, last_seen=None, n_independent=len(articles))  # fmt: skip
    report = build_report(story, articles, facts)
    _check_report(report.to_dict())


def _check_report(rep: dict[str, Any]) -> None:
    """Every cite anywhere in the report lies inside its article; quote text equals its span."""
    texts = {a["id"]: a["text"] for a in rep["articles"]}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if set(node) == {"article", "start", "end"}:
                assert node["article"] in texts, node
                assert 0 <= node["start"] < node["end"] <= len(texts[node["article"]]), node
                return
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk({k: v for k, v in rep.items() if k != "articles"})
    for q in rep["quotes"]:
        c = q["cite"]
        assert q["text"] == texts[c["article"]][c["start"] : c["end"]]

"""Languages: detection, news-please records, and English extraction on English text only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import Engine
from storyline.lang import extraction_note
from storyline.stages.prepare.language import detect, normalize

FRENCH = (
    "Le conseil municipal de Vallenoire a voté mardi un budget de 12 millions d'euros pour "
    "rénover le pont du Moulin. La maire, Odile Ferrand, a déclaré que les travaux "
    "commenceraient le 12 mai 2026 et dureraient huit mois. Les commerçants du quartier "
    "craignent une baisse de la fréquentation pendant le chantier, selon leur association."
)
ENGLISH = (
    "The town council of Vallenoire voted on Tuesday for a budget of 12 million euros to "
    "repair the Mill Bridge. The mayor, Odile Ferrand, said the work would begin on 12 May "
    "2026 and last eight months. Shop owners near the bridge fear fewer customers while the "
    "work goes on, their association said."
)


def test_detect_french_and_english() -> None:
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH) == "en"


def test_short_text_falls_back_to_declared_language() -> None:
    assert detect("Bonjour", "fr-FR") == "fr"
    assert detect("Ok", None) is None
    assert detect("Ok", "not a language code") is None


def test_normalize_codes() -> None:
    assert normalize("EN-gb") == "en"
    assert normalize("pt_BR") == "pt"
    assert normalize("") is None
    assert normalize("english") is None


def test_extraction_note() -> None:
    assert extraction_note(None) is None
    assert extraction_note("en") is None
    note = extraction_note("fr")
    assert note is not None and "'fr'" in note


def _records(tmp_path: Path) -> Path:
    """news-please records (``maintext``, ``authors`` …) and one crawler record (``content``)."""
    recs = [
        {
            "maintext": FRENCH,
            "title": "Vallenoire vote le budget du pont",
            "date_publish": "2026-05-03 09:30:00",
            "source_domain": "journal-vallenoire.example",
            "authors": ["Claire Dumas", "Marc Vidal"],
            "language": "fr",
            "url": "https://journal-vallenoire.example/pont",
        },
        {
            "content": ENGLISH,
            "title": "Vallenoire votes bridge budget",
            "published_at": "2026-05-03",
            "site_name": "Vallenoire Herald",
            "author": "Jo Park",
            "url": "https://herald.example/bridge",
        },
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n")
    return path


@pytest.fixture()
def engine(tmp_path: Path) -> Engine:
    eng = Engine.open(tmp_path / "lang.db", extractor="rules", embedder="tfidf")
    result = eng.ingest([str(_records(tmp_path))])
    assert not result.errors and len(result.added) == 2
    return eng


def test_news_please_and_crawler_records_keep_byline_and_language(engine: Engine) -> None:
    with engine:
        arts = {a.url: a for a in engine.articles()}
    fr = arts["https://journal-vallenoire.example/pont"]
    assert (fr.language, fr.byline, fr.outlet) == (
        "fr",
        "Claire Dumas, Marc Vidal",
        "journal-vallenoire.example",
    )
    assert fr.published is not None and fr.published.startswith("2026-05-03")
    en = arts["https://herald.example/bridge"]
    assert (en.language, en.byline) == ("en", "Jo Park")


def test_french_article_is_not_extracted_and_the_report_says_why(engine: Engine) -> None:
    with engine:
        arts = engine.articles()
        facts = {f.article_id: f for f in engine.facts(arts)}
        fr = next(a for a in arts if a.language == "fr")
        en = next(a for a in arts if a.language == "en")
        # no "12" counted as a quantity, no entity guessed from French words
        assert facts[fr.id].quantities == [] and facts[fr.id].entities == []
        assert facts[en.id].quantities  # the English twin is extracted as usual
        report = engine.report(fr.story_id or "").to_dict()
    row = next(a for a in report["articles"] if a["id"] == fr.id)
    assert row["language"] == "fr" and "not extracted" in row["note"]
    assert all(q["cite"]["article"] != fr.id for q in report["quantities"])

"""The web article page shows the detected language, and says when an article was not
extracted because it is not in English."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.engine import Engine
from storyline.web.app import create_app

ENGLISH = (
    "The harbour board of Velmar approved a new pier on Thursday after two years of talks "
    "with the fishing cooperative. “We can finally land the catch in any weather,” said "
    "Marta Olsen, who chairs the cooperative. Work is to start in the spring."
)
FRENCH = (
    "Le conseil municipal de Saint-Aubry a voté jeudi la rénovation de la vieille halle du "
    "marché, fermée depuis trois ans. Les travaux commenceront au printemps et dureront "
    "dix-huit mois, selon le maire, qui espère rouvrir la halle avant la fête de la ville."
)


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    feed = tmp_path / "items.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"title": title, "text": text, "url": f"https://gazette.example/{name}"})
            + "\n"
            for name, title, text in (
                ("pier", "Velmar approves a new pier", ENGLISH),
                ("halle", "La halle du marché rénovée", FRENCH),
            )
        ),
        encoding="utf-8",
    )
    eng = Engine.open(tmp_path / "lang.db", extractor="rules", embedder="tfidf")
    try:
        assert len(eng.ingest([str(feed)]).added) == 2
        ids = {(a.url or "").rsplit("/", 1)[-1]: a.id for a in eng.articles()}
        with TestClient(create_app(engine=eng, warm_actors=False)) as client:
            yield client, ids
    finally:
        eng.close()


def test_article_page_shows_the_language(site: tuple[TestClient, dict[str, str]]) -> None:
    client, ids = site
    page = client.get(f"/articles/{ids['pier']}")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "<dt>Language</dt><dd>English (en)</dd>" in text
    assert 'id="article-text" class="articletext show-ents show-quotes" lang="en"' in text
    assert "not extracted" not in text.lower()


def test_article_page_says_a_foreign_article_was_not_extracted(
    site: tuple[TestClient, dict[str, str]],
) -> None:
    client, ids = site
    page = client.get(f"/articles/{ids['halle']}")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "<dt>Language</dt><dd>French (fr) <span" in text and "· not extracted" in text
    assert "Not extracted: language 'fr' (extraction reads English only)." in text
    assert 'lang="fr"' in text
    # the note replaces the generic "highlighting unavailable" line
    assert "highlighting is unavailable" not in text

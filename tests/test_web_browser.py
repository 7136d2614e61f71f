"""The web UI in a real browser (Playwright + the system Chromium at /usr/bin/chromium).

A uvicorn server runs in a background thread on a free port, over a temp database of
made-up articles (see test_web_api.py). Screenshots of every page at desktop and phone
width go to $STORYLINE_SHOTS (default: a temp folder, printed).

Skips with a reason when Chromium or Playwright is missing; fails instead when CI=true.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.engine import Engine
from storyline.web.app import create_app
from test_web_api import UPLOAD_BRIDGE, build_db, story_of

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Engine]]:
    """A live server over a fresh database; yields its base URL and the engine."""
    import uvicorn

    engine = build_db(tmp_path_factory.mktemp("browserdb") / "b.db")
    app = create_app(engine=engine, warm_actors=False, poll_seconds=0.5)
    app.state.web.warm_actors()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", engine
    server.should_exit = True
    thread.join(timeout=10)
    engine.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("STORYLINE_SHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


def _page(chromium: Any, viewport: dict[str, int]) -> Any:
    ctx = chromium.new_context(viewport=viewport)
    page = ctx.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    return page


def _shoot(page: Any, shots: Path, name: str) -> None:
    for label, vp in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(vp)
        page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=label == "desktop")
    page.set_viewport_size(DESKTOP)


def test_story_list_loads(chromium: Any, site: tuple[str, Engine], shots: Path) -> None:
    base, engine = site
    page = _page(chromium, DESKTOP)
    page.goto(base + "/")
    cards = page.locator(".storycard")
    assert cards.count() == len(engine.stories())
    bridge = story_of(engine, "https://valley.example/toll")
    assert page.locator(f'.storycard a[href="/stories/{bridge}"]').count() == 1
    _shoot(page, shots, "stories")
    page.fill('input[name="q"]', "gambit")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url("**/?q=gambit*")
    assert page.locator(".storycard").count() == 1
    assert page.errors == []
    page.context.close()


def test_story_page_shows_brief_and_timeline(
    chromium: Any, site: tuple[str, Engine], shots: Path
) -> None:
    base, engine = site
    sid = story_of(engine, "https://valley.example/toll")
    page = _page(chromium, DESKTOP)
    page.goto(f"{base}/stories/{sid}")
    assert page.locator("#brief ol.brief li").count() >= 1
    assert page.locator("#brief a.cite").count() >= 1
    timeline = page.locator("#timeline")
    assert timeline.locator("svg").count() == 1 or timeline.locator(".events li").count() >= 1
    assert page.locator("#articles .artlist li").count() == 4
    _shoot(page, shots, "story")
    assert page.errors == []
    page.context.close()


def test_clicking_a_cite_highlights_its_span(
    chromium: Any, site: tuple[str, Engine], shots: Path
) -> None:
    base, engine = site
    sid = story_of(engine, "https://valley.example/toll")
    page = _page(chromium, DESKTOP)
    page.goto(f"{base}/stories/{sid}")
    cites = page.locator("#brief a.cite")
    last = cites.nth(cites.count() - 1)
    aid = last.get_attribute("data-article")
    start, end = int(last.get_attribute("data-start")), int(last.get_attribute("data-end"))
    want = engine.article(aid).text[start:end]
    last.click()
    mark = page.locator("#reader mark.hl")
    mark.wait_for(state="visible")
    assert mark.inner_text().split() == want.split()
    assert page.locator("#reader").get_attribute("data-article") == aid
    # the passage is scrolled into the reader's view
    box, text_box = mark.bounding_box(), page.locator("#reader .reader-text").bounding_box()
    assert box is not None and text_box is not None
    assert text_box["y"] <= box["y"] <= text_box["y"] + text_box["height"]
    page.screenshot(path=str(shots / "story-reader-desktop.png"))
    # on a phone the reader is a sheet over the page
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(shots / "story-reader-phone.png"))
    page.set_viewport_size(DESKTOP)
    # the cite's own link opens the article page at the span
    page.goto(base + last.get_attribute("href"))
    hl = page.locator("#article-text .hl")
    assert "".join(hl.all_inner_texts()).split() == want.split()
    assert page.locator("#hl").is_visible()
    top = page.locator("#hl").bounding_box()["y"]
    assert 0 <= top <= DESKTOP["height"], "the cited span is scrolled into view"
    _shoot(page, shots, "article")
    assert page.errors == []
    page.context.close()


def test_upload_appears_in_its_story_and_open_pages_learn_of_it(
    chromium: Any, site: tuple[str, Engine], shots: Path, tmp_path: Path
) -> None:
    base, engine = site
    sid = story_of(engine, "https://valley.example/toll")
    watcher = _page(chromium, DESKTOP)
    watcher.goto(f"{base}/stories/{sid}")
    assert watcher.locator("#updates").is_hidden()

    page = _page(chromium, DESKTOP)
    page.goto(base + "/add")
    _shoot(page, shots, "add")
    f = tmp_path / "toll-delay.txt"
    f.write_text(UPLOAD_BRIDGE, encoding="utf-8")
    page.set_input_files("#files", str(f))
    page.fill('input[name="outlet"]', "Kelbridge Post")
    page.fill('input[name="published"]', "2026-04-09")
    page.click('#upload button[type="submit"]')
    page.locator("#results .summary").wait_for(state="visible", timeout=30000)
    assert page.locator("#results .summary").inner_text().startswith("1 added")
    story_link = page.locator(f'#results a[href="/stories/{sid}"]')
    assert story_link.count() == 1
    page.screenshot(path=str(shots / "add-result-desktop.png"), full_page=True)

    # the page opened before the upload notices that its story changed
    banner = watcher.locator("#updates")
    banner.wait_for(state="visible", timeout=10000)
    assert "1 new article" in banner.inner_text()
    story_link.click()
    page.wait_for_url(f"**/stories/{sid}")
    # the upload is analysed in the background: the page may say "being analysed" first,
    # then refreshes itself into the report
    page.locator("#articles .artlist li").first.wait_for(timeout=60000)
    assert page.locator("#articles .artlist li").count() == 5
    assert page.errors == [] and watcher.errors == []
    page.context.close()
    watcher.context.close()


def test_hostile_article_renders_as_text(
    chromium: Any, site: tuple[str, Engine], shots: Path
) -> None:
    base, engine = site
    a = next(a for a in engine.articles() if a.url == "https://bold.example/bakery")
    page = _page(chromium, DESKTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in (f"/articles/{a.id}", f"/stories/{a.story_id}", "/"):
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, url
        assert page.locator("img[src=x]").count() == 0, url
        assert page.locator("b", has_text="nothing").count() == 0, url
    page.goto(f"{base}/articles/{a.id}")
    body = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned=3</script>" in body
    assert 'onerror="window.__pwned=4;alert(1)"' in body
    assert "<script>" in page.locator("h1").inner_text()
    # the cite reader builds its text from JSON; payloads must stay text there too
    page.goto(f"{base}/stories/{a.story_id}")
    assert page.locator("a.cite").count() > 0
    page.locator("a.cite").first.click()
    page.locator("#reader .reader-text p").first.wait_for()
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in page.locator("#reader .reader-text").inner_text()
    page.screenshot(path=str(shots / "hostile-desktop.png"))
    assert dialogs == []
    assert page.errors == []
    page.context.close()

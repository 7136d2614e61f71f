"""Web security, proven: stored XSS stays inert (raw HTML and a real browser), no path
traversal, request and upload limits, tokens for writes, upload sources.

Articles are made up here, with payloads in their titles, outlets, url fields and quoted
text. A second, "poisoned" report puts a payload into every free-text field a report has
(speakers, roles, entity names, numbers, events, stances, claims, conflicts, profile,
brief) so every template path is exercised, including quote speakers that no extractor
would produce from markup. Browser checks use the system Chromium through Playwright
(skipped with a reason when missing; failing under CI=true).
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape

from storyline.engine import Engine
from storyline.models import StoryReport
from storyline.render import render_html, render_markdown
from storyline.web import deps as web_deps
from storyline.web import uploads
from storyline.web.app import create_app
from storyline.web.uploads import display_source, safe_name

FAST = {"embedder": "tfidf", "extractor": "rules"}

# Each payload would set window.__xss (or open a dialog) if it ever became markup or code.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=2">',
    "'><img src=x onerror='window.__xss=3;alert(3)'>",
    "</script><script>window.__xss=4</script>",
    '<svg onload="window.__xss=5"></svg>',
    '</title></textarea><iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
    '<a href="javascript:window.__xss=7">click</a>',
    "{{7*7}} ${7*7} {% raw %}",
    "line\u2028sep\u2029end <b>bold</b>",
]
TEMPLATE_PAYLOAD = "{{7*7}} ${7*7} {% raw %}"
JS_URL = "javascript:window.__xss=8"

# -- made-up articles carrying the payloads --------------------------------------------------


def _text(n: int, payload: str) -> str:
    return (
        f"The town council of Quillmarsh met on Tuesday to discuss the ferry timetable "
        f"(item {n}).\n"
        f"“The ferry must run every hour {payload} and on Sundays too,” said Harlan Voss, "
        f"the council's transport chair.\n"
        f"Councillor Edda Lorne said the plan would cost about $2 million a year. "
        f"“We cannot pay for {payload} without a fare rise,” Lorne told reporters.\n"
        f"A sign at the pier read {payload} for most of the week.\n"
    )


ARTICLES: list[dict[str, Any]] = [
    {
        "title": f"Quillmarsh ferry plan {p}",
        "outlet": f"Pier Gazette {p}",
        "published": f"2026-07-{i + 1:02d}",
        "url": JS_URL if i % 3 == 0 else (f"data:text/html,{p}" if i % 3 == 1 else
                                           f"https://pier.example/{i}?q=\"><b>x</b>"),
        "text": _text(i, p),
    }
    for i, p in enumerate(PAYLOADS)
]  # fmt: skip


def _build(path: Path) -> Engine:
    src = path.parent / "hostile.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    engine = Engine.open(path, **FAST)
    res = engine.ingest([str(src)])
    assert not res.errors and len(res.added) == len(ARTICLES), res.errors
    return engine


# -- a report with a payload in every free-text field ----------------------------------------

# Fields that must stay well-formed for the report to be drawn at all (ids, offsets, dates,
# enums the views branch on) or that must equal the article text at their cite.
_KEEP = {"id", "article", "start", "end", "text", "raw", "published", "published_from",
         "ingested_at", "date", "kind", "precision", "supersedes", "duplicate_of", "story_id",
         "first_seen", "last_seen", "affiliation", "speaker_entity", "actor_entity",
         "subject_entity", "actors", "article_ids", "headings", "value_num"}  # fmt: skip


def poison(obj: Any, counter: list[int]) -> Any:
    """A copy of a report dataclass tree with each free-text string replaced by a payload."""

    def next_payload() -> str:
        counter[0] += 1
        return PAYLOADS[counter[0] % len(PAYLOADS)]

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if f.name in _KEEP and not (f.name == "text" and type(obj).__name__ in
                                        ("Quantity", "Event", "BriefSentence")):  # fmt: skip
                continue
            if isinstance(v, str):
                changes[f.name] = next_payload()
            elif isinstance(v, list):
                changes[f.name] = [
                    next_payload() if isinstance(x, str) else poison(x, counter) for x in v
                ]
            elif isinstance(v, dict):
                changes[f.name] = {
                    (next_payload() if isinstance(k, str) else k): poison(x, counter)
                    for k, x in v.items()
                }
            elif dataclasses.is_dataclass(v):
                changes[f.name] = poison(v, counter)
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, list):
        return [poison(x, counter) for x in obj]
    return obj


def poisoned(rep: StoryReport) -> StoryReport:
    p = poison(rep, [0])
    # the report's articles are the real (hostile) ones; url fields get a javascript: url
    arts = [dataclasses.replace(a, url=JS_URL) for a in rep.articles]
    # every quote gets a payload as its speaker (and role), known entity or not
    quotes = [
        dataclasses.replace(q, speaker=PAYLOADS[i % 7], speaker_entity=None,
                            speaker_role=PAYLOADS[(i + 3) % 7])
        for i, q in enumerate(p.quotes)
    ]  # fmt: skip
    return dataclasses.replace(p, articles=arts, quotes=quotes)


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    eng = _build(tmp_path_factory.mktemp("secdb") / "sec.db")
    yield eng
    eng.close()


@pytest.fixture(scope="module")
def story_id(engine: Engine) -> str:
    ids = {a.story_id for a in engine.articles()}
    assert None not in ids
    return max(ids, key=lambda s: len(engine.story(s).article_ids))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def report(engine: Engine, story_id: str) -> StoryReport:
    return engine.report(story_id)


@pytest.fixture(scope="module")
def bad_report(report: StoryReport) -> StoryReport:
    rep = poisoned(report)
    assert rep.quotes and all(q.speaker in PAYLOADS for q in rep.quotes)
    return rep


@pytest.fixture(scope="module")
def app(engine: Engine, story_id: str, bad_report: StoryReport) -> FastAPI:
    application = create_app(engine=engine, warm_actors=False)
    state = application.state.web
    state.warm_actors()
    real_report = state.report

    # The story page of ``story_id`` is drawn from the poisoned report; every other
    # story (there is one per payload article the clusterer kept apart) from the real one.
    def report_for(sid: str) -> StoryReport:
        return bad_report if sid == story_id else real_report(sid)

    async def report_async(sid: str) -> StoryReport:  # what the request handlers await
        return bad_report if sid == story_id else await real_async(sid)

    async def report_if_ready(sid: str) -> object:  # what the story page awaits
        return bad_report if sid == story_id else await real_ready(sid)

    real_async = state.report_async
    real_ready = state.report_if_ready
    state.report = report_for
    state.report_async = report_async
    state.report_if_ready = report_if_ready
    return application


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def _pages(engine: Engine, story_id: str) -> list[str]:
    """Every page kind: stories, searches, each story, each article, add, API help."""
    urls = ["/", "/?q=ferry", "/?q=" + _q(PAYLOADS[1]), "/?actor=" + _q(PAYLOADS[0]),
            "/?actor=voss", "/add", "/help/api"]  # fmt: skip
    urls += [f"/stories/{s.id}" for s in engine.stories()]
    urls += [f"/articles/{a.id}" for a in engine.articles()]
    a = engine.articles()[0]
    urls.append(f"/articles/{a.id}?start=0&end=20")
    return urls


def _q(s: str) -> str:
    from urllib.parse import quote

    return quote(s, safe="")


# -- (b) raw HTML: payloads only ever appear escaped -----------------------------------------


def _escaped_forms(p: str) -> set[str]:
    return {str(escape(p)), html.escape(p, quote=False), html.escape(p)}


def _assert_inert(page: str, where: str) -> None:
    for p in PAYLOADS:
        if any(ch in p for ch in "<>\"'"):
            assert p not in page, f"{where}: raw payload {p!r}"
    assert not re.search(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", page,
                         re.I), where  # fmt: skip
    assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*data:""", page, re.I), where
    assert not re.search(r"<(?:img|svg|iframe)\b[^>]*\bsrc=x|<svg onload|<iframe srcdoc", page), (
        where
    )


def test_render_html_escapes_every_field(bad_report: StoryReport, report: StoryReport) -> None:
    for rep in (report, bad_report):
        page = render_html(rep)
        _assert_inert(page, "render_html")
        # the payloads are there, as text
        assert sum(any(f in page for f in _escaped_forms(p)) for p in PAYLOADS[:7]) >= 3
        assert page.count("<script") == 1  # the only script is the report's own
    page = render_html(bad_report)
    assert TEMPLATE_PAYLOAD in page  # not evaluated by Jinja
    for q in bad_report.quotes:
        assert q.speaker and any(f in page for f in _escaped_forms(q.speaker))
    # Markdown is not HTML, but a viewer may render inline HTML: markup is escaped there too
    md = render_markdown(bad_report)
    assert "<script>window.__xss=1</script>" not in md


def test_every_page_escapes_hostile_text(client: TestClient, engine: Engine, story_id: str) -> None:
    urls = _pages(engine, story_id)
    seen_escaped = 0
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, url
        _assert_inert(r.text, url)
        # the template payload counts too: shown literally, it was not evaluated
        seen_escaped += any(f in r.text for p in PAYLOADS[:8] for f in _escaped_forms(p))
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert seen_escaped >= len(urls) - 2  # /add and /help/api carry no article text
    for fmt in ("html", "md", "json"):
        r = client.get(f"/stories/{story_id}/report.{fmt}")
        assert r.status_code == 200
        if fmt == "html":
            _assert_inert(r.text, "report.html")
            assert "sandbox" in r.headers["content-security-policy"]


def test_javascript_and_data_urls_are_never_links(client: TestClient, engine: Engine) -> None:
    for a in engine.articles():
        page = client.get(f"/articles/{a.id}").text
        hrefs = re.findall(r'href="([^"]*)"', page)
        for h in hrefs:
            assert h.startswith(("/", "#", "http://", "https://")), h
        if a.url and a.url.startswith("https://"):
            assert f'href="{escape(a.url)}"' in page  # http(s) urls stay links, escaped


def test_json_api_returns_payloads_verbatim_as_json(client: TestClient, engine: Engine) -> None:
    a = next(a for a in engine.articles() if PAYLOADS[1] in a.title)
    r = client.get(f"/api/articles/{a.id}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["title"] == a.title and PAYLOADS[1] in a.title
    raw = client.get(f"/articles/{a.id}/raw")
    assert raw.headers["content-type"].startswith("text/plain")
    assert raw.headers["x-content-type-options"] == "nosniff"


# -- (a) in a real browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(app: FastAPI) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


_INJECTED = """() => {
  const bad = [];
  for (const sel of ['img[src="x"]', 'svg[onload]', 'iframe', 'a[href^="javascript:" i]',
                     'a[href^="data:" i]', '[onerror]', '[onload]', 'b']) {
    // <b> only ever comes from a payload: the templates never use it
    document.querySelectorAll(sel).forEach(() => bad.push(sel));
  }
  document.querySelectorAll('script').forEach(s => {
    if (s.textContent.includes('__xss')) bad.push('script:' + s.textContent.slice(0, 40));
  });
  return bad;
}"""


def _visit(page: Any, url: str, dialogs: list[str]) -> str:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)  # let any injected handler (onerror, onload) run
    assert dialogs == [], (url, dialogs)
    assert page.evaluate("window.__xss") is None, url
    assert page.evaluate(_INJECTED) == [], url
    return str(page.evaluate("document.body.innerText"))


def test_payloads_are_inert_text_in_the_browser(
    chromium: Any, site: str, engine: Engine, story_id: str, bad_report: StoryReport
) -> None:
    ctx = chromium.new_context()
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    visited = shown = 0
    for url in _pages(engine, story_id):
        text = _visit(page, site + url, dialogs)
        visited += 1
        if url.startswith(("/stories/", "/articles/")):
            # payload text is visible, as text
            assert any(p in text for p in PAYLOADS[:8]), url
            shown += sum(p in text for p in PAYLOADS[:7])
    # the poisoned story shows a payload as every speaker's name
    text = _visit(page, f"{site}/stories/{story_id}", dialogs)
    speakers = page.locator("#quotes .speaker h3").all_inner_texts()
    assert speakers and all(any(p in s for p in PAYLOADS) for s in speakers)
    assert TEMPLATE_PAYLOAD in text
    # the reader panel builds article text from JSON: still text
    page.locator("a.cite").first.click()
    page.locator("#reader .reader-text p").first.wait_for()
    assert page.evaluate("window.__xss") is None and page.evaluate(_INJECTED) == []
    assert any(p in page.locator("#reader").inner_text() for p in PAYLOADS)
    # the raw input, opened on the article page, is text too
    a = engine.articles()[0]
    _visit(page, f"{site}/articles/{a.id}", dialogs)
    page.locator("details.raw summary").click()
    page.locator("details.raw pre").filter(has_text="Quillmarsh").wait_for()
    assert page.evaluate("window.__xss") is None and page.evaluate(_INJECTED) == []
    # the standalone report: served in a sandbox, and inert even without one
    _visit(page, f"{site}/stories/{story_id}/report.html", dialogs)
    page.set_content(render_html(bad_report))
    page.wait_for_timeout(50)
    assert page.evaluate("window.__xss") is None and page.evaluate(_INJECTED) == []
    assert PAYLOADS[0] in page.evaluate("document.body.innerText")
    page.locator("a.cite").first.click()  # the report's own script still works on it
    assert page.locator("mark.active").count() >= 1
    assert dialogs == [] and errors == []
    print(f"\nbrowser: {len(PAYLOADS)} payloads x {visited + 4} page loads, "
          f"{shown} payload texts seen rendered as text")  # fmt: skip
    ctx.close()


def test_upload_result_pages_keep_payloads_inert(chromium: Any, site: str) -> None:
    """The add page shows what an upload added (titles) through the DOM, as text."""
    ctx = chromium.new_context()
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _visit(page, site + "/add", dialogs)
    page.fill('textarea[name="text"]', _text(99, PAYLOADS[2]))
    page.fill('input[name="title"]', "Upload " + PAYLOADS[1])
    page.fill('input[name="outlet"]', PAYLOADS[0][:190])
    page.click('#upload button[type="submit"]')
    page.locator("#results .summary").wait_for(state="visible", timeout=30000)
    assert page.evaluate("window.__xss") is None and page.evaluate(_INJECTED) == []
    assert PAYLOADS[1] in page.locator("#results").inner_text()
    _visit(page, site + "/add", dialogs)  # the server-rendered list of recent uploads
    assert dialogs == []
    ctx.close()


# -- path traversal ---------------------------------------------------------------------------

TRAVERSALS = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "%2e%2e%2f%2e%2e%2fapp.py",
    "..%5c..%5capp.py",
    "....//....//etc/passwd",
    "/etc/passwd",
    "%2fetc%2fpasswd",
    "app.css%00.py",
    "..%00/app.py",
    "../app.py",
    "../templates/base.html",
    "%252e%252e%252fapp.py",
]
SECRET_MARKERS = ("root:x:", "def create_app", "{% block", "import ")


def _raw_get(base: str, target: str) -> tuple[int, bytes]:
    """GET with the request target sent exactly as given (no client-side normalising)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
                  .encode("latin-1"))  # fmt: skip
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("prefix", ["/static/", "/api/articles/", "/articles/", "/stories/",
                                    "/api/stories/", "/api/ingest/jobs/"])  # fmt: skip
def test_no_path_reads_outside_its_root(site: str, prefix: str) -> None:
    for t in TRAVERSALS:
        for target in (prefix + t, prefix + t + "/report.json", prefix + t + "/raw"):
            status, body = _raw_get(site, target)
            assert status in (400, 404, 405, 422), (target, status)
            text = body.decode("utf-8", "replace")
            assert not any(m in text for m in SECRET_MARKERS), target
    # the static root still serves its own files
    assert _raw_get(site, "/static/app.css")[0] == 200


def test_report_export_names_cannot_traverse(client: TestClient, story_id: str) -> None:
    for fmt in ("..", "json/../../x", "py", "json%00"):
        r = client.get(f"/stories/{story_id}/report.{fmt}")
        assert r.status_code in (404, 422), fmt
    r = client.get(f"/stories/{story_id}/report.json")
    assert r.headers["content-disposition"] == f'attachment; filename="{story_id}.json"'


HOSTILE_NAMES = [
    "../../etc/passwd",
    "..%2f..%2fevil.txt",
    "/etc/cron.d/evil",
    "C:\\Windows\\evil.txt",
    "evil\x00.txt",
    "..",
    ".htaccess",
    "a/../../b.txt",
    "ok\r\nX-Injected: 1.txt",
    "<img src=x onerror=alert(1)>.txt",
]


def test_uploaded_file_names_never_decide_where_files_go(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    written: list[Path] = []
    real_copy = uploads._copy

    def spy(src: Any, dest: Path) -> None:
        written.append(dest)
        real_copy(src, dest)

    monkeypatch.setattr(uploads, "_copy", spy)
    body = _text(7, "(no payload)").encode()
    with TestClient(create_app(engine=engine, warm_actors=False)) as c:
        for i, name in enumerate(HOSTILE_NAMES):
            data = body.replace(b"item 7", f"item {100 + i}".encode())
            r = c.post("/api/ingest", files=[("files", (name, data, "text/plain"))])
            assert r.status_code == 200, (name, r.text)
            assert "storyline-upload" not in r.text and str(tmp_path) not in r.text
            art = c.get(f"/api/articles/{r.json()['added'][0]}").json()
            shown = display_source(art["source"])
            assert shown.startswith("uploaded file "), art["source"]
            assert re.fullmatch(r"uploaded file [A-Za-z0-9][A-Za-z0-9._-]*", shown), shown
    assert len(written) == len(HOSTILE_NAMES)
    for dest in written:
        assert dest.parent.parent == tmp_path.resolve()  # <tmp>/storyline-upload-XXXX/<name>
        assert dest.parent.name.startswith(uploads.UPLOAD_PREFIX)
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", dest.name), dest.name
    # nothing is left behind, and nothing was written beside the upload folders
    assert list(tmp_path.iterdir()) == []
    for name in HOSTILE_NAMES:
        s = safe_name(name)
        assert "/" not in s and "\\" not in s and "\x00" not in s and not s.startswith(".")


# -- limits -----------------------------------------------------------------------------------


def test_request_body_over_the_limit_is_413(engine: Engine) -> None:
    limit = 64 * 1024
    with TestClient(create_app(engine=engine, warm_actors=False, max_upload_bytes=limit)) as c:
        n = engine.store.count_articles()
        over = b'{"text": "' + b"a " * (limit // 2) + b'"}'
        assert len(over) > limit
        r = c.post("/api/ingest", content=over, headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert "\n" not in r.json()["detail"] and str(limit) in r.json()["detail"]
        # just under the limit is read (and then judged on its content)
        under = b'{"title": "no text field", "pad": "' + b"a " * (limit // 2 - 100) + b'"}'
        assert len(under) <= limit
        r = c.post("/api/ingest", content=under, headers={"Content-Type": "application/json"})
        assert r.status_code == 422 and "no 'text'" in r.text

        def stream() -> Iterator[bytes]:  # no Content-Length: counted while it streams in
            yield b'{"text": "'
            for _ in range(limit // 4096 + 2):
                yield b"b " * 2048
            yield b'"}'

        r = c.post("/api/ingest", content=stream(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        big = ("word " * (limit // 4)).encode()
        r = c.post("/api/ingest", files=[("files", ("big.txt", big, "text/plain"))])
        assert r.status_code == 413
        r = c.post("/add", files=[("files", ("big.txt", big, "text/plain"))])
        assert r.status_code == 413 and r.headers["content-type"].startswith("application/json")
        r = c.post(
            "/add",
            files=[("files", ("big.txt", big, "text/plain"))],
            headers={"Accept": "text/html"},
        )  # a browser form gets a page
        assert r.status_code == 413 and "too large" in r.text
        assert r.headers["content-type"].startswith("text/html")
        assert engine.store.count_articles() == n


def test_too_many_files_in_one_upload_is_413(engine: Engine, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with TestClient(create_app(engine=engine, warm_actors=False)) as c:
        files = [("files", (f"f{i}.txt", b"x", "text/plain")) for i in range(uploads.MAX_FILES + 1)]
        r = c.post("/api/ingest", files=files)
        assert r.status_code == 413 and str(uploads.MAX_FILES) in r.json()["detail"]
        fields = {f"field{i}": "x" for i in range(uploads.MAX_FIELDS + 1)}
        r = c.post("/api/ingest", data=fields, files=[("files", ("a.txt", b"x", "text/plain"))])
        assert r.status_code == 413
    assert list(tmp_path.iterdir()) == []  # the refused uploads left no files


def test_pasted_text_over_the_per_file_limit_is_413(engine: Engine) -> None:
    app = create_app(engine=engine, warm_actors=False)
    app.state.engine_max_bytes = 2048  # the per-input cap (settings.max_bytes), made small
    with TestClient(app) as c:
        n = engine.store.count_articles()
        r = c.post("/api/ingest", data={"text": "w " * 1100},
                   files=[("files", ("a.txt", b"x", "text/plain"))])  # fmt: skip
        assert r.status_code == 413 and "maximum size" in r.json()["detail"]
        assert engine.store.count_articles() == n


# -- tokens -----------------------------------------------------------------------------------

NOTE = ("The lighthouse at Corvey Point was repainted in red and white stripes this week, "
        "the harbour trust said on Friday.")  # fmt: skip


def test_writes_need_the_token_and_reads_do_not(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = web_deps.secrets.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(web_deps.secrets, "compare_digest", spy)
    app = create_app(engine=engine, token="tok-9f8e7d-123456", warm_actors=False)
    remote = ("203.0.113.7", 40000)
    for client_addr in (("testclient", 50000), remote):
        with TestClient(app, client=client_addr) as c:
            for url in ("/api/stories", "/api/articles", "/", "/add", "/openapi.json"):
                assert c.get(url).status_code == 200, url
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"},
                            {"Authorization": "Bearer "}, {"X-Storyline-Token": "tok"},
                            {"Authorization": "Bearer tok-9f8e7d-12345"}):  # fmt: skip
                r = c.post("/api/ingest", data={"text": NOTE}, headers=headers)
                assert r.status_code == 401, headers
                assert r.headers["www-authenticate"] == "Bearer"
            assert c.post("/add", data={"text": NOTE, "token": "nope"}).status_code == 401
            for method in ("PUT", "PATCH", "DELETE"):
                r = c.request(method, "/api/ingest", content=b"{}")
                assert r.status_code in (401, 405), method
            good = "tok-9f8e7d-123456"
            r = c.post("/api/ingest", data={"text": NOTE + f" ({client_addr[0]})"},
                       headers={"Authorization": f"Bearer {good}"})  # fmt: skip
            assert r.status_code == 200, r.text
    assert compared, "the token is compared with secrets.compare_digest"


def test_without_a_token_only_this_machine_may_write(engine: Engine) -> None:
    app = create_app(engine=engine, warm_actors=False)
    for addr, allowed in ((("127.0.0.1", 1), True), (("::1", 1), True),
                          (("testclient", 1), True), (("192.0.2.10", 1), False),
                          (("2001:db8::5", 1), False), (("10.0.0.3", 1), False)):  # fmt: skip
        with TestClient(app, client=addr) as c:
            assert c.get("/api/stories").status_code == 200
            r = c.post("/api/ingest", data={"text": NOTE + f" From {addr[0]}."})
            assert (r.status_code == 200) is allowed, (addr, r.status_code, r.text)
            if not allowed:
                assert r.status_code == 401 and "token" in r.json()["detail"]
                form = c.post("/add", data={"text": NOTE + " Via the form."})
                assert form.status_code == 401


# -- an upload's source is its file name --------------------------------------------------------


def test_uploaded_article_source_is_its_file_name_not_a_temp_path(engine: Engine) -> None:
    with TestClient(create_app(engine=engine, warm_actors=False)) as c:
        r = c.post("/api/ingest",
                   files=[("files", ("../ferry notes.txt", _text(55, "").encode(), "text/plain"))])  # fmt: skip
        assert r.status_code == 200, r.text
        a = engine.article(r.json()["added"][0])
        assert a.source.startswith("upload:") and a.source.endswith("/ferry_notes.txt"), a.source
        assert "storyline-upload" not in a.source and "/tmp" not in a.source
        assert display_source(a.source) == "uploaded file ferry_notes.txt"
        lines = json.dumps({"title": "Ferry note", "text": _text(56, "")})
        r = c.post("/api/ingest", content=lines, params={"name": "notes.jsonl"},
                   headers={"Content-Type": "application/x-ndjson"})  # fmt: skip
        assert r.status_code == 200, r.text
        b = engine.article(r.json()["added"][0])
        assert b.source.startswith("upload:") and "notes.jsonl" in b.source, b.source
        r = c.post("/api/ingest", data={"text": _text(57, ""), "title": "Pasted"})
        p = engine.article(r.json()["added"][0])
        assert p.source.startswith("upload:") and "storyline-upload" not in p.source
        # an input that cleans to nothing is named by its file name alone
        r = c.post("/api/ingest", files=[("files", ("empty.html", b"<html><body><p></p></body></html>",
                                                    "text/html"))])  # fmt: skip
        assert r.status_code == 422 and r.json()["errors"][0].startswith("empty.html:"), r.text
        # two pastes are two sources: one never becomes a "new version" of the other
        r = c.post("/api/ingest", data={"text": _text(58, ""), "title": "Pasted"})
        assert r.json()["new_versions"] == 0


def test_json_lines_with_a_raw_line_separator_in_a_string(tmp_path: Path) -> None:
    src = tmp_path / "raw2028.jsonl"
    src.write_text(json.dumps(ARTICLES[-1], ensure_ascii=False) + "\n", encoding="utf-8")
    assert "\u2028" in src.read_text(encoding="utf-8")
    with Engine.open(tmp_path / "u.db", **FAST) as eng:
        res = eng.ingest([str(src)])
        assert not res.errors and len(res.added) == 1

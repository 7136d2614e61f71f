"""Command-line shell over ``storyline.Engine``: parse options, call the engine, render.

Heavy modules (numpy, spaCy, torch) are imported inside the commands, so
``storyline --help`` answers at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from storyline.config import Embedder, Extractor, Precision
from storyline.files import write_atomic
from storyline.schema import SchemaName

if TYPE_CHECKING:
    from rich.progress import TaskID

    from storyline.engine import Engine, IngestResult
    from storyline.models import Storyline

app = typer.Typer(
    name="storyline",
    help="Read news from many outlets and tell what each story really is, every statement cited.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


def _print_version(value: bool) -> None:
    if value:
        from storyline import __version__

        out.print(f"storyline {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also show debug messages on stderr.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Show errors only, no warnings, on stderr.")
    ] = False,
) -> None:
    # Global options (before the command): storyline's log records go to stderr through
    # Rich, warnings included unless -q; the handler goes when the command ends.
    from storyline import logs

    logs.configure_cli(logs.level_for(verbose=verbose, quiet=quiet), console=err)
    ctx.call_on_close(logs.reset)


# The choices of --format and batch --engine; typed, so --help lists them and a wrong value is
# a usage error naming them. ReportFormat is the render registry's names (tests/test_schema.py).
ListFormat = Literal["table", "json"]
ReportFormat = Literal["json", "md", "html"]
BatchEngine = Literal["local", "ray"]

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or postgresql:// URL (default: $STORYLINE_DB, else ./storyline.db).",
    ),
]
EmbedderOpt = Annotated[
    Embedder | None,
    typer.Option(
        "--embedder",
        help="Story clustering embedder: minilm (default), model2vec, or tfidf (no model; fastest).",
    ),
]
ExtractorOpt = Annotated[
    Extractor | None,
    typer.Option(
        "--extractor", help="Fact extractor: spacy (default) or rules (no model; fastest)."
    ),
]
NoExtractOpt = Annotated[
    bool,
    typer.Option(
        "--no-extract",
        help="Do not extract facts while ingesting (faster; each story's first report "
        "extracts instead). By default they are extracted, so reports are ready at once.",
    ),
]
EmbedThreadsOpt = Annotated[
    int | None,
    typer.Option(
        "--embed-threads",
        min=0,
        help="CPU threads for MiniLM embedding (default: $STORYLINE_EMBED_THREADS, else 1; "
        "0 = one per core).",
    ),
]
EmbedPrecisionOpt = Annotated[
    Precision | None,
    typer.Option(
        "--embed-precision",
        help="MiniLM arithmetic: auto (default: bf16 where the CPU has it natively), fp32 or "
        "bf16. Stored vectors of the other precision are re-embedded once.",
    ),
]
ListFormatOpt = Annotated[ListFormat, typer.Option("--format", help="table or json")]


def _engine(
    db: str | None,
    embedder: Embedder | None = None,
    extractor: Extractor | None = None,
    embed_threads: int | None = None,
    embed_precision: Precision | None = None,
) -> Engine:
    from storyline.engine import Engine

    try:
        return Engine.open(
            db,
            embedder=embedder,
            extractor=extractor,
            embed_threads=embed_threads,
            embed_precision=embed_precision,
        )
    except ValueError as exc:
        _fail(str(exc))
    except Exception as exc:  # StoreError and friends: one line, no traceback
        _fail(str(exc))


def _fail(message: str, code: int = 1) -> NoReturn:
    # input-derived text (file names, messages) is escaped: "[bold]x[/].txt" prints as is
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _run_ingest(
    engine: Engine,
    paths: list[str],
    outlet: str | None,
    published: str | None,
    extract: bool = True,
) -> IngestResult:
    """Ingest with a Rich progress bar when there is more than a handful of input files.

    The engine counts the inputs (once) and passes the count with each progress call; the
    bar starts at the first call, when it knows whether it is worth showing.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    stdin = sys.stdin.buffer if "-" in paths else None
    if not err.is_terminal:
        return engine.ingest(
            paths, outlet=outlet, published=published, stdin=stdin, extract=extract
        )
    bar = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
    )  # fmt: skip
    task: TaskID | None = None
    files: int | None = None  # input files, known from the first call

    def progress(done: int, total: int | None, source: str) -> None:
        nonlocal task, files
        if files is None:
            files = (total or 0) - ("-" in paths)  # standard input is not a file to count
            if files > 5:
                task = bar.add_task("", total=files)
                bar.start()
        if task is not None:
            bar.update(task, completed=min(done, files), description=Path(source).name[:40])

    try:
        return engine.ingest(
            paths, outlet=outlet, published=published, stdin=stdin, progress=progress,
            extract=extract,
        )  # fmt: skip
    finally:
        if task is not None:
            bar.stop()


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, feeds, JSON/JSONL; - for stdin.")
    ],
    db: DbOpt = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for inputs that carry none.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    embedder: EmbedderOpt = None,
    no_extract: NoExtractOpt = False,
    embed_threads: EmbedThreadsOpt = None,
    embed_precision: EmbedPrecisionOpt = None,
) -> None:
    """Add articles; re-ingesting the same content adds nothing."""
    with _engine(
        db, embedder, embed_threads=embed_threads, embed_precision=embed_precision
    ) as engine:
        result = _run_ingest(engine, paths, outlet, published, extract=not no_extract)
        for e in result.errors:
            err.print(f"[yellow]skipped[/yellow] {escape(str(e))}", highlight=False, soft_wrap=True)
        out.print(
            f"{len(result.added)} added, {result.unchanged} already stored, "
            f"{result.new_versions} new versions, {len(result.errors)} errors; "
            f"{len(result.stories_touched)} stories touched → {escape(str(engine.db_path))}",
            highlight=False,
            soft_wrap=True,
        )
    if not result.ok:
        raise typer.Exit(1)


@app.command()
def articles(
    db: DbOpt = None,
    fmt: Annotated[
        Literal["table", "json", "jsonl"], typer.Option("--format", help="table, json or jsonl")
    ] = "table",
) -> None:
    """List stored articles (JSON includes the cleaned text and metadata; jsonl: one a line)."""
    from rich.table import Table

    with _engine(db) as engine:
        arts = engine.articles()
    if fmt in ("json", "jsonl"):
        rows = [
            {k: v for k, v in a.to_dict().items() if k != "raw"} | {"source": a.url or a.source}
            for a in arts
        ]
        if fmt == "jsonl":
            sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        else:
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(expand=True)
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", overflow="ellipsis", no_wrap=True, max_width=22)
    table.add_column("lang", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
    table.add_column("story", no_wrap=True, min_width=14)
    table.add_column("copy of", no_wrap=True)
    for a in arts:
        table.add_row(
            a.id,
            (a.published or "")[:10],
            escape(a.outlet or ""),
            a.language or "",
            escape(a.title),
            a.story_id or "",
            (a.duplicate_of or "")[:8],
        )
    out.print(table)


@app.command()
def stories(db: DbOpt = None, fmt: ListFormatOpt = "table") -> None:
    """List stories: id, title, articles, independent sources (JSON: `storyline schema stories`)."""
    from rich.table import Table

    with _engine(db) as engine:
        items = engine.stories()
    if fmt == "json":
        rows = [
            {"id": s.id, "title": s.title, "articles": s.article_ids, "n_independent": s.n_independent,
             "first_seen": s.first_seen, "last_seen": s.last_seen}
            for s in items
        ]  # fmt: skip
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(expand=True)
    table.add_column("id", no_wrap=True, min_width=14)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("independent", justify="right", no_wrap=True)
    table.add_column("first", no_wrap=True, min_width=10)
    table.add_column("last", no_wrap=True, min_width=10)
    for s in items:
        table.add_row(
            s.id, escape(s.title), str(len(s.article_ids)), str(s.n_independent),
            (s.first_seen or "")[:10], (s.last_seen or "")[:10],
        )  # fmt: skip
    out.print(table)


@app.command()
def export(
    db: DbOpt = None,
    fmt: Annotated[
        Literal["jsonl", "csv", "parquet"], typer.Option("--format", help="jsonl, csv or parquet")
    ] = "jsonl",
    what: Annotated[
        str | None,
        typer.Option(
            "--what",
            help="Tables, comma-separated: articles, stories, quotes, quantities, claims, "
            "conflicts, entities, timeline (default: all).",
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the files (one per table).")
    ] = Path("export"),
    extractor: ExtractorOpt = None,
) -> None:
    """Export every story as tables, one file per table, every row with its cite."""
    from storyline.export import ExportError, parse_tables
    from storyline.export import export as write_tables

    try:
        tables = parse_tables(what)
    except ExportError as exc:
        _fail(str(exc), code=2)
    with _engine(db, extractor=extractor) as engine:
        try:
            written = write_tables(engine, output, fmt=fmt, what=tables)
        except ExportError as exc:
            _fail(str(exc))
    for path, n in written:
        err.print(f"wrote {escape(str(path))} ({n} rows)", highlight=False)


@app.command()
def threads(
    db: DbOpt = None,
    fmt: ListFormatOpt = "table",
) -> None:
    """List storylines: threads of related events (stories), events in time order."""
    with _engine(db) as engine:
        items = engine.storylines()
        titles = {s.id: s.title for s in engine.stories()}
    if fmt == "json":
        rows = [{"id": t.id, "title": t.title, "events": t.events} for t in items]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    _print_threads(items, titles)


def _print_threads(items: list[Storyline], titles: dict[str, str]) -> None:
    from rich.table import Table

    table = Table(expand=True)
    table.add_column("storyline", no_wrap=True, min_width=14)
    table.add_column("events (in time order)", overflow="fold", ratio=1)
    for t in items:
        lines = []
        for sid in t.events:
            b = t.dates.get(sid)
            when = f"{(b.earliest or '?')[:10]}{'~' if b.inferred else ''}" if b else "?"
            lines.append(f"{when}  {sid}  {escape(titles.get(sid, ''))}")
        table.add_row(f"{t.id}\n({len(t.events)} event{'s' if len(t.events) != 1 else ''})",
                      "\n".join(lines))  # fmt: skip
    out.print(table)
    out.print("~ = date inferred (the article has no published date)", style="dim")


@app.command()
def report(
    story_id: Annotated[str, typer.Argument(help="A story id from `storyline stories`.")],
    db: DbOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="json, md or html")] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file.")
    ] = None,
    extractor: ExtractorOpt = None,
) -> None:
    """The cited report of one story (JSON: `storyline schema report`)."""
    from storyline.errors import NotFoundError

    with _engine(db, extractor=extractor) as engine:
        try:
            rep = engine.report(story_id)
        except NotFoundError as exc:
            _fail(str(exc))
    text = _render(rep, fmt)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text)
        err.print(f"wrote {escape(str(output))}", highlight=False)


def _render(rep: object, fmt: str) -> str:
    from storyline.render.formats import render

    return render(rep, fmt)  # type: ignore[arg-type]


@app.command("schema")
def schema_(
    name: Annotated[
        SchemaName, typer.Argument(help="report, facts (one article's) or stories (the list).")
    ] = "report",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file.")
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the report, the facts or the stories list."""
    from storyline import schema

    text = schema.path(name).read_text(encoding="utf-8")
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
        err.print(f"wrote {escape(str(output))}", highlight=False)


@app.command()
def recluster(db: DbOpt = None, embedder: EmbedderOpt = None) -> None:
    """Re-run duplicate detection and story clustering over everything stored."""
    with _engine(db, embedder) as engine:
        n = engine.recluster()
    out.print(f"{n} stories")


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files and directories: JSONL, HTML, WARC, feeds, text.")
    ],
    engine_name: Annotated[
        BatchEngine, typer.Option("--engine", help="local (process pool) or ray (Ray Data).")
    ] = "local",
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database to store into (SQLite file or URL); default: OUT/storyline.db."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Folder for storyline.db, stories.json and reports/<story>.json."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Parallel workers (processes or Ray actors).")
    ] = 2,
    outlet: Annotated[str | None, typer.Option(help="Outlet for inputs that carry none.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    embedder: EmbedderOpt = None,
    extractor: ExtractorOpt = None,
    no_extract: NoExtractOpt = False,
) -> None:
    """Ingest many shards in parallel (clean, dedup, embed, extract), cluster, write reports."""
    from storyline.config import load_settings

    try:
        settings = load_settings(embedder=embedder, extractor=extractor)
    except ValueError as exc:
        _fail(str(exc), code=2)
    from storyline.batch import run_batch

    def go(progress: object = None) -> object:
        return run_batch(
            inputs, engine=engine_name, db=db, out=out_dir, settings=settings,
            progress=progress, workers=workers, outlet=outlet, published=published,  # type: ignore[arg-type]
            extract=not no_extract,
        )  # fmt: skip

    if err.is_terminal:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            TextColumn("[bold]{task.description:8}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=True,
        ) as bar:  # fmt: skip
            tasks: dict[str, object] = {}

            def progress(stage: str, done: int, total: int | None) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

            result = go(progress)
    else:
        result = go()
    from storyline.batch import BatchResult

    assert isinstance(result, BatchResult)
    for e in result.errors:
        err.print(f"[yellow]skipped[/yellow] {escape(str(e))}", highlight=False, soft_wrap=True)
    secs = result.seconds.get("total", 0.0)
    rate = result.read / secs if secs else 0.0
    out.print(
        f"{result.added} added ({result.duplicates} copies), {result.unchanged} already stored, "
        f"{len(result.errors)} errors; {result.stories} stories, {result.reports} reports; "
        f"{result.read} documents in {secs:.1f} s ({rate:.1f}/s, {result.engine}) → "
        f"{escape(str(result.out or result.db))}",
        highlight=False,
        soft_wrap=True,
    )
    if not result.ok:
        raise typer.Exit(1)


@app.command()
def demo(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for the demo database and report.")
    ] = Path("storyline-demo"),
    embedder: EmbedderOpt = None,
    extractor: ExtractorOpt = None,
) -> None:
    """Ingest the bundled example articles, list the stories, write the largest story's report."""
    from storyline.demo import examples_dir

    db = out_dir / "demo.db"
    with _engine(str(db), embedder, extractor) as engine:
        result = _run_ingest(engine, [str(examples_dir())], None, None)
        for e in result.errors:
            err.print(f"[yellow]skipped[/yellow] {escape(str(e))}", highlight=False, soft_wrap=True)
        items = engine.stories()
        out.print(
            f"[bold]storyline demo[/bold]: {len(result.added)} articles added "
            f"({result.unchanged} already stored) → {escape(str(db))}"
        )
        from rich.table import Table

        table = Table(expand=True)
        table.add_column("story", no_wrap=True, min_width=14)
        table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
        table.add_column("articles", justify="right", no_wrap=True)
        table.add_column("independent", justify="right", no_wrap=True)
        table.add_column("dates", no_wrap=True)
        for s in items:
            table.add_row(
                s.id, escape(s.title), str(len(s.article_ids)), str(s.n_independent),
                f"{(s.first_seen or '?')[:10]} … {(s.last_seen or '?')[:10]}",
            )  # fmt: skip
        out.print(table)
        if not items:
            _fail("no stories were built from the examples")
        lines = [t for t in engine.storylines() if len(t.events) > 1]
        if lines:
            out.print("[bold]storylines[/bold] of several events (`storyline threads`):")
            _print_threads(lines, {s.id: s.title for s in items})
        top = items[0]
        rep = engine.report(top.id)
        for fmt, name in (("html", "report.html"), ("json", "report.json"), ("md", "report.md")):
            write_atomic(out_dir / name, _render(rep, fmt))
    out.print(
        f"report of the largest story ({escape(top.title)}): "
        f"{escape(str((out_dir / 'report.html').resolve()))}"
    )
    out.print(f"also: {escape(str((out_dir / 'report.json').resolve()))} and report.md")


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="STORYLINE_TOKEN",
            help="Token that write endpoints require ($STORYLINE_TOKEN); generated when bound "
            "to a non-loopback address without one.",
        ),
    ] = None,
    embedder: EmbedderOpt = None,
    extractor: ExtractorOpt = None,
) -> None:
    """Web UI and HTTP API over the same database (FastAPI; OpenAPI at /openapi.json)."""
    import uvicorn

    from storyline import logs
    from storyline.web.app import LOOPBACK, create_app, is_loopback, new_token

    local = is_loopback(host)
    if not local and not token:
        token = new_token()
        err.print(
            f"bound to {escape(host)}: write endpoints need this token (Authorization: Bearer …):"
        )
        out.print(token, highlight=False, soft_wrap=True)
    engine = _engine(db, embedder, extractor)
    # On loopback, refuse other Host headers: a web page cannot reach us by DNS rebinding.
    app = create_app(engine=engine, token=token, trusted_hosts=list(LOOPBACK) if local else None)
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"storyline serving {escape(str(engine.db_path))} at http://{escape(shown)}:{port}/",
        highlight=False,
    )
    try:
        uvicorn.run(
            app, host=host, port=port, server_header=False,
            log_config=logs.uvicorn_log_config(), log_level=logs.uvicorn_level(),
        )  # fmt: skip
    finally:
        engine.close()


@app.command()
def watch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Directories to scan, feed/JSONL files to re-read when they change, and "
            "http(s):// URLs of pages, feeds and sitemaps to poll."
        ),
    ],
    db: DbOpt = None,
    interval: Annotated[
        float,
        typer.Option(
            min=0.05, help="Seconds between scans (a file must stay unchanged this long)."
        ),
    ] = 2.0,
    once: Annotated[bool, typer.Option(help="One pass, then exit (for cron and tests).")] = False,
    extract: Annotated[
        bool, typer.Option(help="Extract and cache facts of new articles, so reports are ready.")
    ] = True,
    embedder: EmbedderOpt = None,
    extractor: ExtractorOpt = None,
    fetch_delay: Annotated[
        float, typer.Option(min=0.0, help="Least seconds between two requests to one host.")
    ] = 1.0,
) -> None:
    """Keep ingesting new files, feed items and pages as they appear; Ctrl-C stops cleanly."""
    import signal
    import threading

    from storyline.watch import WatchStats, render_stats
    from storyline.watch import watch as run_watch

    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt  # second Ctrl-C: the open transaction rolls back
        stop.set()
        err.print("stopping after the current chunk…", highlight=False)

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    printed = 0

    def print_errors(stats: WatchStats) -> None:
        nonlocal printed
        for line in stats.error_log[printed:]:
            err.print(f"[yellow]skipped[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
        printed = len(stats.error_log)

    last: tuple[int, ...] = (0, 0, 0, 0)

    def log_line(stats: WatchStats) -> None:
        # without a terminal (logs, tests): one line whenever something was stored
        nonlocal last
        print_errors(stats)
        now = (stats.added, stats.unchanged, stats.new_versions, stats.facts)
        if now != last and stats.current is None:
            last = now
            err.print(f"watch: {escape(stats.summary())}", highlight=False, soft_wrap=True)

    try:
        with _engine(db, embedder, extractor) as engine:
            if err.is_terminal:
                from rich.live import Live

                with Live(console=err, refresh_per_second=4, transient=True) as live:

                    def show(stats: WatchStats) -> None:
                        print_errors(stats)
                        live.update(render_stats(stats, paths, engine.db_path))

                    result = run_watch(
                        engine, paths, interval=interval, stop=stop, on_update=show,
                        once=once, extract=extract, fetch_delay=fetch_delay,
                    )  # fmt: skip
            else:
                result = run_watch(
                    engine, paths, interval=interval, stop=stop, on_update=log_line,
                    once=once, extract=extract, fetch_delay=fetch_delay,
                )  # fmt: skip
            db_path = engine.db_path
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    print_errors(result)
    out.print(
        f"watch stopped: {escape(result.summary())} → {escape(str(db_path))}",
        highlight=False,
        soft_wrap=True,
    )


def main() -> None:
    """Console-script entry point.

    An unexpected error ends in one line on stderr, not a traceback; set
    ``STORYLINE_DEBUG=1`` to see the traceback.
    """
    import os

    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; everything committed before this point is stored intact")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("STORYLINE_DEBUG"):
            raise
        err.print(
            f"[red]error:[/red] {type(exc).__name__}: {escape(str(exc))} "
            "(STORYLINE_DEBUG=1 shows the traceback)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()

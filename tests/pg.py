"""A throwaway PostgreSQL server for the store tests, from Debian's ``postgresql`` package.

``pg_server`` (session) runs ``initdb`` in a temporary folder and starts ``postgres`` on a
Unix socket in that folder only (no TCP port, so it cannot clash with anything), with
durability turned off for speed; it is stopped and deleted at the end of the session.
As root, the server runs as the ``postgres`` user (it refuses to run as root).
``pg_url`` (per test) is a fresh, empty schema on it (see ``PgServer``), dropped afterwards.

``$STORYLINE_TEST_PG``, when set to a database URL, uses that database instead of
starting a server (the tests create and drop their schemas in it). When no server can
be started the tests skip with the reason, except under ``CI=true``, where that is a
failure. ``./dev test`` apt-installs ``postgresql`` when it is missing.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest


class PgServer:
    """A reachable PostgreSQL server on which the tests get their databases.

    Each test gets its own empty schema in one database (``CREATE SCHEMA`` takes
    milliseconds, ``CREATE DATABASE`` about a second), named through ``search_path`` in
    its URL, so a store opened on that URL sees nothing of the other tests.

    Args:
        url: URL of the database the tests' schemas are created in.
        folder: the server's temporary folder when this process started it, else None.
        pg_ctl: the ``pg_ctl`` command (with its ``runuser`` prefix) to stop it.
    """

    def __init__(self, url: str, folder: Path | None = None, pg_ctl: list[str] | None = None):
        self.base_url = url
        self.folder = folder
        self._pg_ctl = pg_ctl

    def new_url(self) -> str:
        """The URL of a new, empty schema of the test database."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.base_url, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return _with_query(self.base_url, options=f"-csearch_path={name}")

    def drop(self, url: str) -> None:
        """Drop the schema of a URL made by ``new_url``."""
        import psycopg

        options = dict(parse_qsl(urlsplit(url).query)).get("options", "")
        name = options.removeprefix("-csearch_path=")
        with psycopg.connect(self.base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')

    def stop(self) -> None:
        """Stop the server this process started and delete its folder (idempotent)."""
        if self.folder is None or self._pg_ctl is None:
            return
        folder, self.folder = self.folder, None
        subprocess.run(
            [*self._pg_ctl, "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in its user part (the test server trusts any password)."""
    parts = urlsplit(url)
    user, _, host = parts.netloc.rpartition("@")
    netloc = f"{user.split(':')[0] or 'postgres'}:{password}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = urlencode([*parse_qsl(parts.query), *params.items()], safe="/")
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _bindir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them per major version)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: [int(x) for x in re.findall(r"\d+", p)],
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def start_server() -> PgServer:
    """Start a private server in a temporary folder.

    Raises:
        RuntimeError: with the reason, when it cannot be started.
    """
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    prefix: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        if shutil.which("runuser") is None:
            raise RuntimeError("running as root and `runuser` is missing to start postgres")
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no `postgres` user") from None
        prefix = ["runuser", "-u", "postgres", "--"]
    # Short path: the socket's full name must stay under ~100 characters (a $TMPDIR may not).
    folder = Path(
        tempfile.mkdtemp(prefix="storyline-pg-", dir="/tmp" if os.path.isdir("/tmp") else None)
    )
    if prefix:
        os.chown(folder, pw.pw_uid, pw.pw_gid)
    data, log = folder / "data", folder / "server.log"
    pg_ctl = [*prefix, str(bindir / "pg_ctl")]
    server = PgServer(f"postgresql://postgres@/storyline_tests?host={folder}", folder, pg_ctl)
    try:
        init = subprocess.run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {(init.stderr or init.stdout).strip()[-300:]}")
        # Unix socket in our folder only; no fsync: a test server needs no durability.
        opts = (
            f"-k {folder} -c listen_addresses='' -F -c full_page_writes=off "
            "-c synchronous_commit=off -c max_connections=40 -c shared_buffers=32MB"
        )
        start = subprocess.run(
            [*pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", opts, "start"],
            capture_output=True, text=True, timeout=90, check=False,
        )  # fmt: skip
        if start.returncode != 0:
            tail = log.read_text(errors="replace")[-400:] if log.exists() else start.stderr
            raise RuntimeError(f"postgres did not start: {tail.strip()}")
        import psycopg

        with psycopg.connect(
            f"postgresql://postgres@/postgres?host={folder}", autocommit=True
        ) as c:
            c.execute("CREATE DATABASE storyline_tests")
    except (OSError, subprocess.SubprocessError, RuntimeError, ImportError) as exc:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(str(exc)) from None
    atexit.register(server.stop)  # also when the session is interrupted
    return server


def _unavailable(reason: str) -> None:
    msg = f"no PostgreSQL server for the store tests: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server for this test session (started here unless ``$STORYLINE_TEST_PG``)."""
    given = os.environ.get("STORYLINE_TEST_PG")
    if given:
        import psycopg

        try:
            psycopg.connect(given, connect_timeout=10).close()
        except psycopg.Error as exc:
            _unavailable(f"$STORYLINE_TEST_PG: {str(exc).strip().splitlines()[0]}")
        yield PgServer(given)
        return
    try:
        server = start_server()
    except RuntimeError as exc:
        _unavailable(str(exc))
        raise  # unreachable: _unavailable skips or fails
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of a fresh, empty database (schema), dropped after the test."""
    url = pg_server.new_url()
    yield url
    pg_server.drop(url)

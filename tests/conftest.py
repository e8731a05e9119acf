"""Shared test fixtures: the example plans and a fresh database per test.

The five example plans are in tests/fixtures/plans: each one's text
(``NNN_….txt``, byte for byte as given, see SOURCES.md there) beside its
structured form (``NNN_….kehoach.json``). Texts and Word files are compared
with tests/doc_compare.py. Nothing here reads outside the repository.

A test of tests/store, tests/cli or tests/reliability asking for ``db`` (or
``db_target``, the place to open: a file path or a URL) runs twice, on SQLite
and on PostgreSQL: the PostgreSQL run gets a database of its own (CREATE
DATABASE with a unique name, dropped after) on the server named by
$KEHOACH_TEST_PG_URL, whose role may create databases (.ci/start-postgres
gives one). Without the variable the PostgreSQL runs are skipped, as
tests/skip_policy.py allows (with CI=true they fail: CI must test both,
unless $KEHOACH_TEST_PG_SKIP says why a job does not). Tests about SQLite
itself (files, pragmas, backups) are marked ``sqlite_only``.

The skips the suite allows, and the guard that fails any other under CI=true,
are in tests/skip_policy.py, loaded here as a plugin.
"""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pytest

from kehoach_desktop import logs
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

pytest_plugins = ("skip_policy",)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "plans"
FIXTURE_FILES = sorted(FIXTURES.glob("*.kehoach.json"))  # the five example plans, structured
EXAMPLE_TEXTS = sorted(FIXTURES.glob("*.txt"))  # the same five plans' texts, as given


BACKENDS = ("sqlite", "postgresql")
BOTH_DATABASES = (REPO / "tests" / "store", REPO / "tests" / "cli", REPO / "tests" / "reliability")


def fixture_name(path: Path) -> str:
    return path.name.removesuffix(".kehoach.json")


def example_text(fixture: Path) -> Path:
    """The text of the example plan whose structured form is ``fixture``."""
    return FIXTURES / f"{fixture_name(fixture)}.txt"


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself (files, pragmas, backups): "
                                       "no PostgreSQL run")


def pytest_generate_tests(metafunc):
    """The storage, register, command-line and crash tests (tests/store,
    tests/cli, tests/reliability) run on both databases; the other tests'
    ``db`` stays SQLite."""
    if "backend" not in metafunc.fixturenames:
        return
    path = Path(metafunc.definition.path)
    if not any(path.is_relative_to(folder) for folder in BOTH_DATABASES):
        return
    only = metafunc.definition.get_closest_marker("sqlite_only")
    metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS), indirect=True)


@pytest.fixture
def backend(request) -> str:
    """"sqlite" or "postgresql": the database kind this run of the test uses."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server(pg_url):
    """An engine (autocommit) on the test server, to create and drop databases."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    parsed = make_url(pg_url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot be used
        engine.dispose()
        pytest.fail("$KEHOACH_TEST_PG_URL is set but the server does not answer: "
                    f"{parsed.render_as_string(hide_password=True)}: {exc}", pytrace=False)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_database(pg_server):
    """A new, empty PostgreSQL database (UTF-8) for one test: its URL; dropped after."""
    from sqlalchemy import text

    server = pg_server
    name = f"kehoach_test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                                "LC_COLLATE 'C' LC_CTYPE 'C'"))
    yield server.url.set(database=name).render_as_string(hide_password=False)
    drop_database(server, name)


def drop_database(server, name: str, attempts: int = 20) -> None:
    """DROP … WITH (FORCE) ends our own connections to it, but may not end
    an autovacuum worker's (another role: "must be a member of the role
    whose process is being terminated"); such a worker is done in moments."""
    from sqlalchemy import exc, text

    for attempt in range(attempts):
        try:
            with server.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except exc.ProgrammingError as error:
            if "must be a member of the role" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.25)


@pytest.fixture
def db_target(backend, tmp_path, request) -> Path | str:
    """Where this test's fresh database is: an SQLite file path (not created
    yet) or the URL of a new PostgreSQL database."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_database")
    return tmp_path / "test.sqlite3"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test may touch the real per-user data folder or $KEHOACH_DB; the
    log file a test's main() set up (logs.py) goes with its data folder."""
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("KEHOACH_DB", raising=False)
    yield
    logs.remove()


@pytest.fixture
def db(db_target):
    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture
def store(db):
    return PlanStore(db)

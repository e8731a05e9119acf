"""Shared test fixtures: paths of the example plans and a fresh database per test.

A test of tests/store or tests/cli asking for ``db`` (or ``db_target``, the
place to open: a file path or a URL) runs twice, on SQLite and on
PostgreSQL: the PostgreSQL run gets a database of its own (CREATE DATABASE
with a unique name, dropped after) on the server named by
$KEHOACH_TEST_PG_URL, whose role may create databases (.ci/start-postgres
gives one). Without the variable the PostgreSQL runs are
skipped, except under CI=true, where they fail: CI must test both. A CI job
that tests PostgreSQL elsewhere says so in $KEHOACH_TEST_PG_SKIP (the reason).
Tests about SQLite itself (files, pragmas, backups) are marked
``sqlite_only``.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import uuid
from pathlib import Path

import pytest

from kehoach_desktop import logs
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "plans"
SHARED = REPO.parent / "shared"
EXAMPLES = SHARED / "examples" / "plans"
FIXTURE_FILES = sorted(FIXTURES.glob("*.kehoach.json"))


PG_URL_ENV = "KEHOACH_TEST_PG_URL"  # postgresql+psycopg://user:password@127.0.0.1:5432/postgres
PG_SKIP_ENV = "KEHOACH_TEST_PG_SKIP"  # a CI job's reason for not testing PostgreSQL
BACKENDS = ("sqlite", "postgresql")
BOTH_DATABASES = (REPO / "tests" / "store", REPO / "tests" / "cli", REPO / "tests" / "reliability")
PG_SKIPPED = "PostgreSQL not tested"
# Where the summary places those skips: pg_server's line (0-based, as pytest keeps it).
_PG_SKIP_LINE = next(i for i, line in enumerate(Path(__file__).read_text(encoding="utf-8").splitlines())
                     if line.startswith("def pg_server"))


def fixture_name(path: Path) -> str:
    return path.name.removesuffix(".kehoach.json")


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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """The PostgreSQL runs skipped for want of a server: one line of the
    summary, at the fixture that skips them, not one per test."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple) and PG_SKIPPED in str(report.longrepr[2]):
        report.longrepr = (__file__, _PG_SKIP_LINE, report.longrepr[2])
    return report


@pytest.fixture
def backend(request) -> str:
    """"sqlite" or "postgresql": the database kind this run of the test uses."""
    return getattr(request, "param", "sqlite")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def pg_server():
    """An engine (autocommit) on the test server, to create and drop databases."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if not url:
        reason = os.environ.get(PG_SKIP_ENV, "").strip()
        if _in_ci() and not reason:
            pytest.fail(f"CI=true but ${PG_URL_ENV} is not set: CI runs the storage, register and command-line "
                        "tests on PostgreSQL too (.ci/start-postgres starts a server and prints the URL; "
                        f"a job that tests PostgreSQL elsewhere sets ${PG_SKIP_ENV} to say so)", pytrace=False)
        pytest.skip(f"{PG_SKIPPED}: " + (reason or f"set ${PG_URL_ENV}=postgresql+psycopg://USER:PASSWORD@HOST:5432/"
                                                   "postgres (a role with CREATEDB) to run these tests on it too"))
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot be used
        engine.dispose()
        pytest.fail(f"${PG_URL_ENV} is set but the server does not answer: "
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
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


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
    handler = logs.installed()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


@pytest.fixture
def db(db_target):
    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture
def store(db):
    return PlanStore(db)


@pytest.fixture(scope="session")
def doctext():
    """The acceptance criteria's comparison tool from ../shared/tools."""
    path = SHARED / "tools" / "doctext.py"
    if not path.exists():
        pytest.skip(f"{path} is missing: ../shared must sit beside the checkout")
    spec = importlib.util.spec_from_file_location("doctext", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

"""Shared test fixtures: paths of the example plans and a fresh database per test."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "plans"
SHARED = REPO.parent / "shared"
EXAMPLES = SHARED / "examples" / "plans"
FIXTURE_FILES = sorted(FIXTURES.glob("*.kehoach.json"))


def fixture_name(path: Path) -> str:
    return path.name.removesuffix(".kehoach.json")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test may touch the real per-user data folder or $KEHOACH_DB."""
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("KEHOACH_DB", raising=False)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "test.sqlite3")
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

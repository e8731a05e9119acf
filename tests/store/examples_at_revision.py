"""A database as an older version of the program left it: the five
examples stored, then the schema taken back to an older revision with
Alembic, for the migration tests (each test of a migration opens it again
and finds its plans unchanged)."""
from alembic import command
from conftest import FIXTURE_FILES
from sqlalchemy import inspect

from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store import migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore


def examples_at_revision(target, revision: str) -> tuple[list[int], list[Plan], dict[str, set[str]]]:
    """The five examples stored in the database at ``target`` (a path or a
    URL), the schema then downgraded to ``revision``; their ids and plans,
    and each table's columns at that revision (opening the database again
    migrates it). The database is closed."""
    db = open_database(target)
    store = PlanStore(db)
    examples = [kehoach_json.read_file(f) for f in FIXTURE_FILES]
    ids = [store.add(plan) for plan in examples]
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    inspector = inspect(db.engine)
    tables = {name: {column["name"] for column in inspector.get_columns(name)} for name in inspector.get_table_names()}
    db.close()
    return ids, examples, tables

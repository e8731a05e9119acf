"""Deadlines marked done (migration 0011, store/done_items.py), on SQLite and
PostgreSQL: marked, unmarked and listed, kept across a reopening, never a
change to the plan; a database of before 0011 (or a backup of one, restored)
opens with its plans unchanged and takes marks (issue 21)."""
from datetime import date

import pytest
from alembic import command
from conftest import FIXTURE_FILES
from examples_at_revision import examples_at_revision

from kehoach_desktop.core.dated_items import TASK, dated_items
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store import backups, migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.done_items import DoneItems
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.restore import restore

EXAMPLE_003 = next(f for f in FIXTURE_FILES if f.name.startswith("003_"))


def test_marks_are_kept_listed_and_removed_without_changing_the_plan(store, db, db_target):
    plan = kehoach_json.read_file(EXAMPLE_003)
    plan_id = store.add(plan)
    version = store.version(plan_id)
    task = next(item for item in dated_items(plan) if item.kind == TASK)
    done = DoneItems(db)
    assert done.marks() == []
    done.mark(plan_id, task.field, task.day, date(2020, 2, 24))
    [mark] = done.marks()
    assert (mark.plan_id, mark.field, mark.item_day, mark.done_on) == (plan_id, task.field, task.day,
                                                                       date(2020, 2, 24))
    done.mark(plan_id, task.field, task.day, date(2020, 2, 25))  # marked again: one mark, the new day
    assert [m.done_on for m in done.marks()] == [date(2020, 2, 25)]
    assert store.version(plan_id) == version and store.get(plan_id) == plan
    db.close()
    again = open_database(db_target)  # a new program on the same database
    assert [(m.plan_id, m.field) for m in DoneItems(again).marks()] == [(plan_id, task.field)]
    DoneItems(again).unmark(plan_id, task.field)
    DoneItems(again).unmark(plan_id, task.field)  # no mark left: nothing happens
    assert DoneItems(again).marks() == []
    again.close()


def test_a_mark_needs_its_plan_and_goes_with_it(store, db):
    done = DoneItems(db)
    with pytest.raises(UserError, match="không có kế hoạch mã số 99"):
        done.mark(99, "sections[0].content.steps[0].when", date(2023, 1, 1), date(2023, 1, 2))
    plan_id = store.add(kehoach_json.read_file(EXAMPLE_003))
    done.mark(plan_id, "sections[4].content.steps[2].when", date(2020, 2, 20), date(2020, 2, 20))
    store.delete(plan_id)
    store.purge(plan_id)
    assert done.marks() == []


def test_a_database_before_the_done_marks_opens_and_takes_marks(tmp_path, backend, db_target):
    path = tmp_path / "cu.sqlite3" if backend == "sqlite" else db_target
    ids, examples, tables = examples_at_revision(path, "0010")
    assert "done_items" not in tables
    db = open_database(path)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert [store.get(i) for i in ids] == examples
    plan_id = ids[[f.name for f in FIXTURE_FILES].index(EXAMPLE_003.name)]
    DoneItems(db).mark(plan_id, "sections[4].content.steps[2].when", date(2020, 2, 20), date(2020, 2, 21))
    assert [m.done_on for m in DoneItems(db).marks()] == [date(2020, 2, 21)]
    db.close()


@pytest.mark.sqlite_only
def test_a_backup_of_before_the_done_marks_is_restored_and_upgraded(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    old = PlanStore(db).add(kehoach_json.read_file(EXAMPLE_003))
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
    copy = backups.copy_of(path, backups.BY_HAND)
    db.close()
    db = open_database(path)
    DoneItems(db).mark(old, "sections[4].content.steps[2].when", date(2020, 2, 20), date(2020, 2, 21))
    restore(db, copy)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert DoneItems(db).marks() == []  # the copy had none
    DoneItems(db).mark(old, "sections[4].content.steps[2].when", date(2020, 2, 20), date(2020, 2, 22))
    assert [m.done_on for m in DoneItems(db).marks()] == [date(2020, 2, 22)]
    db.close()

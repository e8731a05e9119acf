"""The plans' dated items kept as rows (migration 0012, tables.DatedItemRow),
on SQLite and PostgreSQL: written with every save of a plan's sections
(add, update, import of a plan file), left by the trash and restored with
the plan, gone with its purge; computed for the plans of a database at 0011
and of a backup of before 0012, restored; and the calendar's reader
(store.calendar_items) giving, from them, exactly the items of the whole
plans (core.dated_items) in the span (issue 21)."""
from datetime import date

import pytest
from alembic import command
from cli_helpers import run
from conftest import FIXTURE_FILES
from examples_at_revision import examples_at_revision

from kehoach_desktop.core import content as c
from kehoach_desktop.core.calendar_days import PlanItem
from kehoach_desktop.core.dated_items import DatedItem, dated_items
from kehoach_desktop.core.model import DocumentNumber, Plan, Section
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.store import backups, migrate
from kehoach_desktop.store.calendar_items import CalendarReader
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.store.restore import restore
from kehoach_desktop.store.values import date_value, optional_date

EXAMPLE_000 = FIXTURE_FILES[0]


def stored(db, plan_id: int) -> tuple[list[DatedItem], set[int]]:
    """The plan's rows as items, in their order, and the plan versions they were computed from."""
    with db.reader() as cursor:
        cursor.execute("SELECT day, end_day, last_day, kind, what, field, place, start_time, end_time, month_only, "
                       "venue, plan_version FROM plan_dated_items WHERE plan_id = ? ORDER BY position", (plan_id,))
        rows = cursor.fetchall()
    items = []
    for day, end, last, kind, what, field, place, start, end_time, month_only, venue, _version in rows:
        item = DatedItem(date_value(day), kind, what, field, place, optional_date(end), start, end_time,
                         bool(month_only), venue)
        assert item.last_day == date_value(last)
        items.append(item)
    return items, {row[-1] for row in rows}


def in_step(db, store: PlanStore, plan_id: int, saved: bool = True) -> bool:
    """The rows are the items of the stored plan; ``saved``: computed from its version (the trash moves
    the version on, not the rows)."""
    items, versions = stored(db, plan_id)
    return items == dated_items(store.get(plan_id)) and (not saved or versions <= {store.version(plan_id)})


def timeline_plan(*whens: tuple[str, str]) -> Plan:
    steps = [c.TimelineStep(c.When(start, end), f"Bước {i + 1}") for i, (start, end) in enumerate(whens)]
    return Plan(title="Tiến độ", status="draft", sections=[Section("TIẾN ĐỘ", c.Timeline(steps))])


def whole_plans(db, first: date, last: date) -> list[PlanItem]:
    """What the calendar must show: the dated items of every whole plan outside the trash, in its order."""
    store = PlanStore(db)
    found = []
    for summary in sorted(store.summaries(), key=lambda s: s.id):
        found += [PlanItem(item, summary.id, summary.title, summary.status, summary.issuing_body)
                  for item in dated_items(store.get(summary.id)) if item.day <= last and item.last_day >= first]
    return sorted(found, key=lambda p: (p.item.day, p.item.month_only, p.item.start_time or "99", p.plan_id))


def test_the_rows_follow_every_save_the_trash_and_the_purge(store, db):
    plan_id = store.add(kehoach_json.read_file(EXAMPLE_000))
    assert in_step(db, store, plan_id) and len(stored(db, plan_id)[0]) == len(dated_items(store.get(plan_id))) > 2
    store.update(plan_id, timeline_plan(("2023-06-15", ""), ("2023-05", "2023-07"), ("2024-01-02", "2024-01-09")))
    assert in_step(db, store, plan_id) and [i.field for i in stored(db, plan_id)[0]] == [
        f"sections[0].content.steps[{s}].when" for s in range(3)]
    store.update(plan_id, timeline_plan(("2023-06-16", "")))  # fewer items: the others go
    assert in_step(db, store, plan_id) and len(stored(db, plan_id)[0]) == 1
    store.update(plan_id, Plan(title="Không ngày", sections=[Section("", c.FreeContent())]))
    assert stored(db, plan_id) == ([], set())
    store.update(plan_id, timeline_plan(("2023-06-17", "")))
    reader = CalendarReader(db)
    assert [p.plan_id for p in reader.items(date(2023, 6, 1), date(2023, 6, 30))] == [plan_id]
    store.delete(plan_id)  # in the trash: the rows stay, the calendar leaves them out
    assert in_step(db, store, plan_id, saved=False) and reader.items(date(2023, 6, 1), date(2023, 6, 30)) == []
    store.restore(plan_id)
    assert [p.plan_id for p in reader.items(date(2023, 6, 1), date(2023, 6, 30))] == [plan_id]
    store.delete(plan_id)
    store.purge(plan_id)
    assert stored(db, plan_id) == ([], set())


def test_issuing_a_plan_keeps_its_rows_in_step(store, db):
    """The register's issue writes the plan (its number, date, status) in its own transaction."""
    OfficeStore(db).save(OfficeProfile(issuer_code="ĐTN", term_start=date(2022, 12, 1)))
    plan = timeline_plan(("2026-03-02", ""))
    plan.number = DocumentNumber(None, "KH", ["ĐTN"])
    plan_id = store.add(plan)
    store.update(plan_id, timeline_plan(("2026-03-02", ""), ("2026-03", "")))
    Register(db).issue(plan_id, date(2026, 2, 9), render=render_docx)
    assert store.get(plan_id).status == "issued" and store.version(plan_id) == 3
    assert in_step(db, store, plan_id) and stored(db, plan_id)[1] == {3}
    assert [p.status for p in CalendarReader(db).items(date(2026, 3, 1), date(2026, 3, 31))] == ["issued"] * 2


def test_a_plan_file_imported_has_its_rows(capsys, db_target):
    code, out, _err = run(capsys, "import", "--db", db_target, EXAMPLE_000)
    assert code == 0
    db = open_database(db_target)
    store = PlanStore(db)
    plan_id = int(out.split()[-1])
    assert in_step(db, store, plan_id) and stored(db, plan_id)[0]
    db.close()


def test_the_reader_gives_the_whole_plans_items(store, db):
    ids = store.add_many([kehoach_json.read_file(path) for path in FIXTURE_FILES])
    store.add(timeline_plan(("2019-11", "2020-02"), ("2020-03", ""), ("2023-01-30", "2023-02-02")))
    store.delete(ids[1])
    reader = CalendarReader(db)
    for first, last in ((date(2023, 1, 1), date(2023, 1, 31)), (date(2023, 1, 30), date(2023, 2, 5)),
                        (date(2020, 1, 27), date(2020, 3, 8)), (date(2019, 1, 1), date(2024, 12, 31))):
        assert reader.items(first, last) == whole_plans(db, first, last), (first, last)


def test_migration_0012_gives_the_plans_of_a_0011_database_their_rows(tmp_path, backend, db_target):
    path = tmp_path / "cu.sqlite3" if backend == "sqlite" else db_target
    ids, examples, tables = examples_at_revision(path, "0011")
    assert "plan_dated_items" not in tables
    db = open_database(path)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD == "0012"
    assert [store.get(i) for i in ids] == examples
    assert all(in_step(db, store, i) for i in ids)
    assert sum(len(stored(db, i)[0]) for i in ids) == sum(len(dated_items(plan)) for plan in examples)
    span = (date(2019, 1, 1), date(2024, 12, 31))
    assert CalendarReader(db).items(*span) == whole_plans(db, *span) != []
    db.close()


@pytest.mark.sqlite_only
def test_a_backup_of_before_0012_is_restored_with_its_rows(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    store = PlanStore(db)
    old = store.add(kehoach_json.read_file(EXAMPLE_000))
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    copy = backups.copy_of(path, backups.BY_HAND)
    db.close()
    db = open_database(path)
    store = PlanStore(db)
    store.update(old, timeline_plan(("2023-06-15", "")))  # changed after the copy
    restore(db, copy)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert in_step(db, store, old) and [i.day for i in stored(db, old)[0]][-1] != date(2023, 6, 15)
    span = (date(2023, 1, 1), date(2023, 1, 31))
    assert CalendarReader(db).items(*span) == whole_plans(db, *span) != []
    db.close()

"""A number kept as another office wrote it ("Số: 98/KH-UBND") is stored
with its plan on SQLite and PostgreSQL, listed, found and registered as
written; a database of before migration 0010 (or a backup of one, restored)
opens with its plans unchanged (issue 20)."""
from datetime import date

import pytest
from alembic import command
from conftest import FIXTURE_FILES
from doc_compare import document_text
from examples_at_revision import examples_at_revision

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Plan, Section, Signature
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import.header_fields import parse_number
from kehoach_desktop.store import backups, migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore, number_label
from kehoach_desktop.store.register import Register
from kehoach_desktop.store.restore import restore

LINES = ["Số: 98/KH-UBND", "Số: 10 KH-BTK", "Số: 69/KH – ĐTN", "Số: /KH - HSV", "Số: 225 - KH/TWĐTN-CTTN",
         "Số: 09 KH/ĐTN", "Số: 37-KH/ĐTN"]


def plan_numbered(line: str, **kw) -> Plan:
    return Plan(title=f"Kế hoạch số {line}", number=parse_number(line), issuing_bodies=["ỦY BAN NHÂN DÂN"], **kw)


def test_numbers_as_written_are_stored_listed_and_found(store):
    plans = [plan_numbered(line) for line in LINES]
    ids = [store.add(plan) for plan in plans]
    assert [store.get(i) for i in ids] == plans
    assert [store.summary(i).number for i in ids] == [
        "98/KH-UBND", "10 KH-BTK", "69/KH – ĐTN", "", "225 - KH/TWĐTN-CTTN", "09 KH/ĐTN", "37-KH/ĐTN"]
    assert store.search("98 kh ubnd") == [ids[0]] and store.search("10 kh btk") == [ids[1]]
    # A number given later keeps the form; codes changed by hand give our own form.
    changed = store.get(ids[3])
    changed.number.value = 12
    store.update(ids[3], changed)
    assert store.summary(ids[3]).number == "12/KH - HSV"
    changed = store.get(ids[0])
    changed.number.drop_written()
    store.update(ids[0], changed)
    assert store.summary(ids[0]).number == "98-KH/UBND" and store.get(ids[0]).number.is_house_form


def test_the_register_issues_a_plan_kept_in_another_form_as_written(store, db, tmp_path):
    OfficeStore(db).save(OfficeProfile(issuer_code="LĐ", term_start=date(2025, 9, 5)))
    plan_id = store.add(Plan(
        title="Công trình măng non", number=parse_number("Số: / KH-LĐ"), issuing_bodies=["LIÊN ĐỘI TÔ VĨNH DIỆN"],
        sections=[Section("Mục đích", c.FreeContent([c.Item("Giáo dục truyền thống.")]))],
        recipients=["Lưu"], signatures=[Signature("TM.", "LIÊN ĐỘI", "TỔNG PHỤ TRÁCH", "Trần Thị B")]))
    register = Register(db)
    entry = register.issue(plan_id, date(2026, 2, 9), render=render_docx)
    assert (entry.label, entry.symbol, entry.separator) == ("01/ KH-LĐ", "KH-LĐ", "/ ")
    assert register.entries() == [entry]
    issued = store.get(plan_id)
    assert issued.number.value == 1 and store.summary(plan_id).number == "01/ KH-LĐ"
    issued_file = tmp_path / "issued.docx"
    issued_file.write_bytes(register.docx(entry.id))  # the Word file as issued
    assert "Số: 01/ KH-LĐ" in document_text(issued_file).splitlines()


def test_a_database_before_the_written_number_opens_with_its_plans_unchanged(tmp_path, backend, db_target):
    path = tmp_path / "cu.sqlite3" if backend == "sqlite" else db_target
    ids, examples, tables = examples_at_revision(path, "0009")
    assert "number_written" not in tables["plans"]
    db = open_database(path)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert [store.get(i) for i in ids] == examples
    listed = {s.id: s.number for s in store.summaries_of(ids)}
    assert [listed[i] for i in ids] == [number_label(plan.number) for plan in examples]
    assert all("-KH" in listed[i] for i in ids if examples[ids.index(i)].number.value)
    state = plan_numbered("Số: 98/KH-UBND")
    assert store.get(store.add(state)) == state
    db.close()


@pytest.mark.sqlite_only
def test_a_backup_of_before_the_written_number_is_restored_and_upgraded(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    store = PlanStore(db)
    old = store.add(kehoach_json.read_file(FIXTURE_FILES[0]))
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    copy = backups.copy_of(path, backups.BY_HAND)
    db.close()
    db = open_database(path)
    store = PlanStore(db)
    store.add(plan_numbered("Số: 98/KH-UBND"))
    restore(db, copy)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert [s.id for s in store.summaries()] == [old]
    assert store.get(old) == kehoach_json.read_file(FIXTURE_FILES[0])
    again = store.add(plan_numbered("Số: 98/KH-UBND"))
    assert store.get(again).number.written == "KH-UBND"
    db.close()

"""Every stored thing has a version (store/versions.py): a plan's guest list,
the contacts, the office profile and the register refuse a write based on
what another program has changed since (ConflictError, nothing written);
the command line's writes read and write in one transaction; register numbers
are unique per term whatever the term's start. Run on SQLite and PostgreSQL,
with real second processes where the point is two programs."""
import json
import subprocess
import sys
import time
from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, text

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.store import migrate
from kehoach_desktop.store.attendees import AttendeeStore, differences, merge_lists
from kehoach_desktop.store.contacts import ContactStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.store.versions import ConflictError

AN, BINH, CUONG, DUNG = (Attendee("Nguyễn Văn An", unit="Đoàn phường 1"), Attendee("Trần Thị Bình", unit="Đoàn phường 2"),
                         Attendee("Lê Văn Cường", unit="Đoàn phường 3"), Attendee("Phạm Dũng", unit="Đoàn phường 4"))

# A second program: merges rows into a plan's list as the command line's import does.
IMPORT = """
import json, sys
from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database
db = open_database(sys.argv[1])
rows = [Attendee(name, unit=unit) for name, unit in json.load(sys.stdin)]
report, version = AttendeeStore(db).merge_in(int(sys.argv[2]), rows)
db.close()
print(version)
"""


def second_program(target, plan_id: int, rows: list[Attendee]) -> subprocess.Popen:
    program = subprocess.Popen([sys.executable, "-c", IMPORT, str(target), str(plan_id)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    program.stdin.write(json.dumps([(a.name, a.unit) for a in rows]))  # read at once by the program
    program.stdin.close()
    return program


def finished(program: subprocess.Popen) -> str:
    out, err = program.stdout.read(), program.stderr.read()
    program.wait(timeout=120)
    assert program.returncode == 0, err
    return out.strip()


# ------------------------------------------------------------------ guest lists
def test_a_guest_list_saved_by_another_program_is_never_overwritten(db, db_target):
    """The issue's case at the store: a window read the empty list, another
    program imported 9,999 guests, the window's one guest is refused."""
    plan_id = PlanStore(db).add(Plan(title="Hội nghị"))
    people = AttendeeStore(db)
    shown = people.load(plan_id)
    assert shown == type(shown)([], 0)
    many = [Attendee(f"Người {n:04d}", unit="Đoàn khối") for n in range(9999)]
    assert finished(second_program(db_target, plan_id, many)) == "1"
    with pytest.raises(ConflictError, match="vừa được lưu ở nơi khác") as refused:
        people.replace(plan_id, [AN], expected_version=shown.version)
    assert refused.value.found == 1
    assert len(people.list(plan_id)) == 9999 and people.version(plan_id) == 1  # nothing written
    # Saved over theirs only when asked, with the version just read:
    assert people.replace(plan_id, [AN], expected_version=1) == 2
    assert people.load(plan_id).rows == [AN] and people.load(plan_id).version == 2


def test_the_import_reads_and_writes_under_the_lock(db, db_target):
    """The command line's import merges into the list as stored when it
    writes: a save made while it waited for the lock is kept."""
    plan_id = PlanStore(db).add(Plan(title="Hội nghị"))
    people = AttendeeStore(db)
    with db.locked_session() as session:  # this program writes; the other one must wait for it
        program = second_program(db_target, plan_id, [CUONG])
        time.sleep(2)  # long enough for the other program to read, had it not waited for the lock
        people._replace(session, plan_id, [AN, BINH], 0)
    assert finished(program) == "2"
    assert people.list(plan_id) == [AN, BINH, CUONG]


def test_two_saves_from_one_version_one_wins(db, db_target):
    plan_id = PlanStore(db).add(Plan())
    first, second = AttendeeStore(db), AttendeeStore(other := open_database(db_target))
    try:
        assert first.replace(plan_id, [AN], expected_version=0) == 1
        with pytest.raises(ConflictError):
            second.replace(plan_id, [BINH], expected_version=0)
        assert second.replace(plan_id, [BINH], expected_version=1) == 2
        with pytest.raises(ConflictError):
            first.replace(plan_id, [AN, CUONG], expected_version=1)
        assert first.load(plan_id).rows == [BINH]
    finally:
        other.close()


def test_merge_keeps_what_each_side_did():
    base = [AN, BINH, CUONG]
    mine = [Attendee(AN.name, unit=AN.unit, phone="0912345678"), BINH, DUNG]  # phone typed, Cường removed, Dũng added
    theirs = [AN, Attendee(BINH.name, unit=BINH.unit, email="b@x.vn"), CUONG, Attendee("Võ Em", unit="Đoàn P5")]
    merged = merge_lists(base, mine, theirs)
    assert merged == [Attendee(AN.name, unit=AN.unit, phone="0912345678"),
                      Attendee(BINH.name, unit=BINH.unit, email="b@x.vn"), Attendee("Võ Em", unit="Đoàn P5"), DUNG]
    # A row removed on one side and changed on the other stays.
    assert merge_lists([AN], [], [Attendee(AN.name, unit=AN.unit, note="đã gọi")]) == [
        Attendee(AN.name, unit=AN.unit, note="đã gọi")]
    found = differences(mine, theirs)
    assert found.only_mine == [DUNG] and [a.name for a in found.only_theirs] == [CUONG.name, "Võ Em"]
    assert [(a.phone, b.email) for a, b in found.changed] == [("0912345678", ""), ("", "b@x.vn")]


# ------------------------------------------------------------------ contacts
def test_a_contact_changed_meanwhile_is_refused(db, db_target):
    book = ContactStore(db)
    book.save_from([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn phường 1", phone="0901")])
    shown = book.list()[0]
    assert shown.version == 1
    other = open_database(db_target)
    try:
        elsewhere = ContactStore(other).list()[0]
        saved = ContactStore(other).update(type(elsewhere)(**{**vars(elsewhere), "email": "an@x.vn"}))
        assert saved.version == 2
    finally:
        other.close()
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác") as refused:
        book.update(type(shown)(**{**vars(shown), "phone": "0999"}))
    assert refused.value.found == 2
    assert (book.get(shown.id).phone, book.get(shown.id).email) == ("0901", "an@x.vn")  # nothing written
    with pytest.raises(ConflictError):
        book.delete(shown.id, expected_version=1)
    assert book.get(shown.id) is not None
    # Saving a list into the book raises the version of the people it changes.
    book.save_from([Attendee("Nguyễn Văn An", "Phó Bí thư", "Đoàn phường 1")])
    assert book.get(shown.id).version == 3
    book.delete(shown.id, expected_version=3)
    assert book.get(shown.id) is None
    with pytest.raises(ConflictError, match="vừa bị xoá"):
        book.update(shown)


# ------------------------------------------------------------------ office profile
def test_the_office_profile_saved_meanwhile_is_refused(db, db_target):
    offices = OfficeStore(db)
    assert offices.load() == (OfficeProfile(), 0)
    offices.save(OfficeProfile(place="Quận 12"), expected_version=0)
    profile, version = offices.load()
    assert version == 1
    other = open_database(db_target)
    try:
        OfficeStore(other).set("issuer_code", "TĐTN")  # the command line: read, changed and written at once
    finally:
        other.close()
    with pytest.raises(ConflictError, match="hồ sơ cơ quan vừa được lưu ở nơi khác") as refused:
        offices.save(OfficeProfile(place="Quận 1"), expected_version=version)
    assert refused.value.found == 2
    assert offices.load() == (OfficeProfile(place="Quận 12", issuer_code="TĐTN"), 2)
    with pytest.raises(ConflictError):
        offices.save(OfficeProfile(), expected_version=0)  # a first profile saved by another program
    offices.save(OfficeProfile(place="Quận 1"), expected_version=2)
    assert offices.load() == (OfficeProfile(place="Quận 1"), 3)


# ------------------------------------------------------------------ register
def test_numbers_are_unique_per_term_whatever_the_term_start(db):
    """The issue's case: 01-KH/ĐTN issued, then term_start moved (a start
    typed wrong, corrected to an earlier day): the next plan of the same term
    gets 02, not 01 again."""
    store, offices, register = PlanStore(db), OfficeStore(db), Register(db)
    offices.save(OfficeProfile(issuer_code="ĐTN", term_start=date(2025, 12, 30)))
    number = DocumentNumber(None, "KH", ["ĐTN"])
    first = register.issue(store.add(Plan(title="Một", number=number)), date(2026, 1, 5), render=render_docx)
    offices.set("term_start", "2025-12-01")
    second_id = store.add(Plan(title="Hai", number=DocumentNumber(None, "KH", ["ĐTN"])))
    assert register.as_issued(second_id, date(2026, 1, 10)).number.value == 2
    second = register.issue(second_id, date(2026, 1, 10), render=render_docx)
    assert (first.label, second.label) == ("01-KH/ĐTN", "02-KH/ĐTN")
    offices.set("term_start", "2025-12-30")  # and back again: still one term
    third = register.issue(store.add(Plan(title="Ba", number=DocumentNumber(None, "KH", ["ĐTN"]))),
                           date(2026, 1, 12), render=render_docx)
    assert third.label == "03-KH/ĐTN"
    labels = [e.label for e in register.entries()]
    assert len(labels) == len(set(labels)) == 3
    # A new term (a start after every line) numbers from 01 again.
    offices.set("term_start", "2026-06-01")
    fourth = register.issue(store.add(Plan(title="Bốn", number=DocumentNumber(None, "KH", ["ĐTN"]))),
                            date(2026, 6, 2), render=render_docx)
    assert fourth.label == "01-KH/ĐTN"


def test_the_register_version_changes_with_each_line(db, db_target):
    store, register = PlanStore(db), Register(db)
    OfficeStore(db).save(OfficeProfile(term_start=date(2025, 12, 30)))
    shown = register.version()
    assert shown == (0, 0, 0)
    plan_id = store.add(Plan(title="Một", number=DocumentNumber(None, "KH", ["ĐTN"])))
    other = open_database(db_target)
    try:
        Register(other).issue(plan_id, date(2026, 1, 5), render=render_docx)
    finally:
        other.close()
    assert register.version() != shown
    with db.engine.begin() as connection:  # a line corrected (no program does it yet) raises its version
        before = register.version()
        connection.execute(text("UPDATE register SET version = version + 1"))
    assert register.version() != before


# ------------------------------------------------------------------ the migration
def test_stored_things_get_version_1_on_upgrade(db, db_target):
    store = PlanStore(db)
    plan_id = store.add(Plan(title="Cũ", number=DocumentNumber(None, "KH", ["ĐTN"])))
    AttendeeStore(db).replace(plan_id, [AN])
    ContactStore(db).save_from([AN])
    OfficeStore(db).save(OfficeProfile(term_start=date(2025, 12, 30)))
    Register(db).issue(plan_id, date(2026, 1, 5), render=render_docx)
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
        assert "version" not in {column["name"] for column in inspect(connection).get_columns("contacts")}
    db.close()
    db = open_database(db_target)
    try:
        assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
        assert ContactStore(db).list()[0].version == 1
        assert OfficeStore(db).load()[1] == 1
        assert Register(db).version() == (1, 1, 1)
        assert AttendeeStore(db).load(plan_id) == type(AttendeeStore(db).load(plan_id))([AN], 0)
        assert AttendeeStore(db).replace(plan_id, [AN, BINH], expected_version=0) == 1
    finally:
        db.close()

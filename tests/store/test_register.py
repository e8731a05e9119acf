"""The office profile and the register of outgoing documents (sổ văn bản đi):
numbering per type and period, refusals, the Word file as issued, read-only
issued plans, the workbook, and two programs issuing at once."""
import io
import json
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from datetime import date, datetime

import pytest
from doc_compare import document_text
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kehoach_desktop.core import content as c
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.register_xlsx import write_register
from kehoach_desktop.store import migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register

TERM = date(2025, 12, 30)  # the city Youth Union's congress of the new city


def draft(title="Tổ chức Hội nghị sơ kết", type_code="KH", issuer_codes=("ĐTN",), **kw) -> Plan:
    values = dict(issuing_bodies=["BCH ĐOÀN KHỐI"], place="TP. Hồ Chí Minh",
                  sections=[Section("Mục đích", c.FreeContent([c.Item("Đánh giá kết quả.")]))],
                  recipients=["Thành Đoàn (để báo cáo)", "Lưu VP"],
                  signatures=[Signature("TM.", "BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A")])
    return Plan(title=title, number=DocumentNumber(None, type_code, list(issuer_codes)), **(values | kw))


@pytest.fixture
def office(db):
    return OfficeStore(db)


@pytest.fixture
def register(db, office):
    office.save(OfficeProfile(issuer_code="ĐTN", term_start=TERM))
    return Register(db)


def issue(register, plan_id, day=date(2026, 2, 9)):
    return register.issue(plan_id, day, render=render_docx)


# ------------------------------------------------------------------ office profile
def test_office_profile_defaults_round_trip_and_set(office):
    assert office.get() == OfficeProfile()
    profile = OfficeProfile(superior_body="THÀNH ĐOÀN TP. HỒ CHÍ MINH", issuing_body="BCH ĐOÀN KHỐI",
                            issuer_code="ĐTN", organisation_title="ĐOÀN TNCS HỒ CHÍ MINH", place="TP. Hồ Chí Minh",
                            signers=[Signature("TM.", "BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Đăng Khoa")],
                            term_start=TERM, numbering="term")
    office.save(profile)
    assert office.get() == profile
    assert OfficeProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile
    assert office.set("term_start", "01/01/2026").term_start == date(2026, 1, 1)
    assert office.set("issuer_code", " tđtn ").issuer_code == "TĐTN"
    assert office.set("term_start", "").term_start is None
    assert office.get().signers == profile.signers  # the other fields stay


@pytest.mark.parametrize("key, value, message", [
    ("issuer_code", "", "issuer_code.*không được để trống"),
    ("issuer_code", "KH/ĐTN", "issuer_code.*chữ in hoa"),
    ("term_start", "30-12-2025", "term_start.*YYYY-MM-DD"),
    ("term_start", "2025-02-30", "term_start.*không phải một ngày có thật"),
    ("term_start", 20251230, "term_start.*YYYY-MM-DD"),
    ("numbering", "nam", "numbering.*“term”.*“year”"),
    ("place", 12, "place.*phải là chữ"),
    ("signers", "Nguyễn Văn A", "signers.*danh sách"),
    ("signers", [{"authority": "XX."}], "thẩm quyền ký 'XX.'"),
    ("signers", [{"name": 5}], "name phải là chữ"),
])
def test_bad_office_values_are_refused_naming_the_field(office, key, value, message):
    with pytest.raises(UserError, match=message):
        OfficeProfile.from_dict({key: value})
    office.save(OfficeProfile(place="Quận 12"))
    with pytest.raises(UserError, match=message):
        office.set(key, value)
    assert office.get() == OfficeProfile(place="Quận 12")  # nothing saved


def test_a_damaged_office_row_is_reported(office, db):
    office.save(OfficeProfile())
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE settings SET value = '{\"numbering\": \"tuan\"}'")
    with pytest.raises(UserError, match="hồ sơ cơ quan.*bị hỏng.*numbering"):
        office.get()


def test_numbering_periods():
    term = OfficeProfile(term_start=TERM)
    assert term.numbering_period(date(2026, 5, 1)) == (TERM, None)
    assert term.numbering_period(TERM) == (TERM, None)
    with pytest.raises(UserError, match="trước ngày bắt đầu nhiệm kỳ"):
        term.numbering_period(date(2025, 12, 29))
    with pytest.raises(UserError, match="chưa khai báo ngày bắt đầu nhiệm kỳ.*office set term_start"):
        OfficeProfile().numbering_period(date(2026, 1, 1))
    year = OfficeProfile(numbering="year")
    assert year.numbering_period(date(2026, 7, 4)) == (date(2026, 1, 1), date(2026, 12, 31))


def test_apply_to_a_new_plan():
    profile = OfficeProfile(superior_body="THÀNH ĐOÀN", issuing_body="BCH ĐOÀN KHỐI", issuer_code="TĐTN",
                            place="Quận 12", signers=[Signature(name="Nguyễn Văn B")])
    original = Plan()
    plan = profile.apply_to(original)
    assert (plan.superior_body, plan.issuing_bodies, plan.place) == ("THÀNH ĐOÀN", ["BCH ĐOÀN KHỐI"], "Quận 12")
    assert plan.number.symbol == "KH/TĐTN" and [s.name for s in plan.signatures] == ["Nguyễn Văn B"]
    assert original.number.issuer_codes == ["ĐTN"] and original.place == ""  # a copy


# ------------------------------------------------------------------ issuing
def test_issue_numbers_dates_and_records_the_plan(store, register):
    plan_id = store.add(draft(show_draft_mark=True))
    entry = issue(register, plan_id)
    assert (entry.number, entry.label, entry.issued_on, entry.period_start) == (1, "01-KH/ĐTN", date(2026, 2, 9), TERM)
    assert (entry.plan_id, entry.title, entry.signer) == (plan_id, "Tổ chức Hội nghị sơ kết", "Nguyễn Văn A")
    assert entry.recipients == ("Thành Đoàn (để báo cáo)", "Lưu VP")
    plan = store.get(plan_id)
    assert (plan.status, plan.number.value, plan.plan_date) == ("issued", 1, date(2026, 2, 9))
    assert store.summary(plan_id).number == "01-KH/ĐTN" and store.search("01-kh") == [plan_id]
    assert register.entries() == [entry] and register.entry_for_plan(plan_id) == entry
    assert register.entry(entry.id) == entry


def test_as_issued_shows_the_number_and_date_to_come_and_takes_nothing(store, register, db):
    """What the checks before issuing read: the plan as it will be issued."""
    issue(register, store.add(draft()))
    plan_id = store.add(draft(issuer_codes=("",), plan_date=date(2026, 1, 5)))
    version = store.version(plan_id)
    to_come = register.as_issued(plan_id, date(2026, 2, 10))
    assert (to_come.status, to_come.number.value, to_come.plan_date) == ("issued", 2, date(2026, 2, 10))
    assert to_come.number.symbol == "KH/ĐTN"  # the office's code, as issue() fills it
    assert register.as_issued(plan_id, date(2026, 2, 10)) == to_come  # asking again takes nothing
    stored = store.get(plan_id)
    assert (stored.status, stored.number.value, stored.plan_date) == ("draft", None, date(2026, 1, 5))
    assert store.version(plan_id) == version and len(register.entries()) == 1
    entry = register.issue(plan_id, date(2026, 2, 10), render=render_docx, expected_number=2)
    assert entry.label == "02-KH/ĐTN" and store.get(plan_id) == to_come
    with pytest.raises(UserError, match="đã ban hành"):
        register.as_issued(plan_id)


def test_issue_refuses_a_number_other_than_the_one_checked(store, register):
    first, second = store.add(draft()), store.add(draft())
    expected = register.as_issued(second, date(2026, 2, 9)).number.value
    issue(register, first)  # another clerk was quicker
    with pytest.raises(UserError, match=r"số 01 vừa được cấp cho văn bản khác; số tiếp theo bây giờ là 02"):
        register.issue(second, date(2026, 2, 9), render=render_docx, expected_number=expected)
    assert store.get(second).status == "draft" and len(register.entries()) == 1


def test_issue_defaults_to_today(store, register):
    entry = register.issue(store.add(draft()), render=render_docx)
    assert entry.issued_on == date.today()


def test_numbers_run_per_type_code(store, register):
    labels = [issue(register, store.add(draft(type_code=t))).label for t in ("KH", "KH", "BC", "KH", "bc")]
    assert labels == ["01-KH/ĐTN", "02-KH/ĐTN", "01-BC/ĐTN", "03-KH/ĐTN", "02-BC/ĐTN"]


def test_numbers_restart_with_a_new_term(store, office, register):
    office.set("term_start", "2020-12-01")
    old = [issue(register, store.add(draft()), date(2024, 3, d)).number for d in (1, 2, 3)]
    office.set("term_start", TERM.isoformat())
    new = [issue(register, store.add(draft()), date(2026, 1, d)).number for d in (5, 6)]
    assert old == [1, 2, 3] and new == [1, 2]
    assert [e.number for e in register.entries(date(2020, 12, 1))] == [1, 2, 3]
    assert [e.label for e in register.entries(TERM)] == ["01-KH/ĐTN", "02-KH/ĐTN"]
    plan_id = store.add(draft())
    with pytest.raises(UserError, match="trước ngày bắt đầu nhiệm kỳ"):
        issue(register, plan_id, date(2025, 6, 1))  # a date of the old term
    assert store.get(plan_id).status == "draft"


def test_year_numbering_restarts_on_1_january(store, office, register):
    office.set("numbering", "year")
    days = (date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2))
    entries = [issue(register, store.add(draft()), day) for day in days]
    assert [e.number for e in entries] == [1, 2, 1, 2]
    assert [e.period_start for e in entries] == [date(2025, 1, 1)] * 2 + [date(2026, 1, 1)] * 2


def test_the_office_issuer_code_fills_a_plan_without_one(store, office, register):
    office.set("issuer_code", "TĐTN")
    bare = issue(register, store.add(draft(issuer_codes=())))
    own = issue(register, store.add(draft(issuer_codes=("ĐTN", "CĐ"))))
    assert bare.label == "01-KH/TĐTN" and own.label == "02-KH/ĐTN-CĐ"
    assert store.get(bare.plan_id).number.issuer_codes == ["TĐTN"]


def test_issuing_needs_the_term_start(store, db):
    plan_id = store.add(draft())
    with pytest.raises(UserError, match="chưa khai báo ngày bắt đầu nhiệm kỳ"):
        Register(db).issue(plan_id, render=render_docx)
    assert store.get(plan_id).status == "draft" and Register(db).entries() == []


def test_refusals_change_nothing(store, register):
    plan_id = store.add(draft())
    issue(register, plan_id)
    version = store.version(plan_id)
    with pytest.raises(UserError, match=r"đã ban hành \(số 01-KH/ĐTN\); mỗi văn bản chỉ được cấp số một lần"):
        issue(register, plan_id)
    trashed = store.add(draft())
    store.delete(trashed)
    with pytest.raises(UserError, match="thùng rác"):
        issue(register, trashed)
    with pytest.raises(UserError, match="không có kế hoạch mã số 999"):
        issue(register, 999)
    imported = store.add(draft(status="issued"))
    with pytest.raises(UserError, match="chỉ kế hoạch dự thảo mới được cấp số"):
        issue(register, imported)
    no_type = store.add(draft(type_code=" "))
    with pytest.raises(UserError, match="chưa có mã loại văn bản"):
        issue(register, no_type)
    assert [e.plan_id for e in register.entries()] == [plan_id] and store.version(plan_id) == version
    assert store.get(trashed).status == "draft" and store.get(imported).number.value is None


def test_a_failing_renderer_leaves_the_plan_a_draft(store, register):
    plan_id = store.add(draft())

    def broken(plan):
        raise RuntimeError("hỏng")

    with pytest.raises(RuntimeError):
        register.issue(plan_id, render=broken)
    assert store.get(plan_id).status == "draft" and register.entries() == []
    assert issue(register, plan_id).number == 1


def members(docx: bytes) -> dict[str, bytes]:
    """The parts of a Word file (the zip's own timestamps aside)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_stored_word_file_is_the_issued_plan(store, register, tmp_path):
    plan_id = store.add(draft(show_draft_mark=True))
    entry = issue(register, plan_id)
    stored = register.docx(entry.id)
    assert members(stored) == members(render_docx(store.get(plan_id)))
    path = tmp_path / "issued.docx"
    path.write_bytes(stored)
    text = document_text(path).replace("\u00a0", " ")
    assert "Số: 01-KH/ĐTN" in text and "ngày 09 tháng 02 năm 2026" in text and "DỰ THẢO" not in text
    with pytest.raises(UserError, match="không có dòng mã số 42"):
        register.docx(42)


def test_an_issued_plan_is_read_only_and_stays(store, register, db):
    plan_id = store.add(draft())
    issue(register, plan_id)
    plan = store.get(plan_id)
    plan.title = "Sửa sau khi ban hành"
    with pytest.raises(UserError, match=r"kế hoạch đã ban hành \(số 01-KH/ĐTN\) không sửa được; "
                                        "hãy tạo bản sao để soạn lại"):
        store.update(plan_id, plan)
    with pytest.raises(UserError, match="sổ văn bản đi nên không chuyển vào thùng rác được"):
        store.delete(plan_id)
    copy_id = store.add(plan)  # a copy is an ordinary plan
    store.update(copy_id, plan)
    assert store.get(plan_id).title == "Tổ chức Hội nghị sơ kết"


def test_a_plan_imported_as_issued_stays_editable(store, register):
    plan_id = store.add(draft(status="issued"))
    plan = store.get(plan_id)
    plan.title = "Sửa được"
    store.update(plan_id, plan)
    store.delete(plan_id)
    store.purge(plan_id)


def test_purging_an_issued_plan_is_refused(store, register, db):
    plan_id = store.add(draft())
    issue(register, plan_id)
    # However it got into the trash (an older program, a hand edit), it stays.
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE plans SET deleted_at = '2026-03-01 10:00:00' WHERE id = :id"), {"id": plan_id})
    with pytest.raises(UserError, match=r"đã ban hành \(số 01-KH/ĐTN\).*không xoá hẳn được"):
        store.purge(plan_id)
    with pytest.raises(UserError, match="không xoá hẳn được"):
        store.empty_trash()
    with pytest.raises(IntegrityError):  # the database itself refuses (ON DELETE RESTRICT)
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM plans WHERE id = :id"), {"id": plan_id})
    assert store.get(plan_id).status == "issued" and len(register.entries()) == 1


def test_a_number_taken_meanwhile_is_retried(store, register, db):
    """Another program (one that does not take the writers' lock, an older version) took the
    number this one read: the unique constraint refuses it, the whole
    transaction runs again with the next number."""
    first = issue(register, store.add(draft()))

    class StaleRegister(Register):
        stale = 1

        def _next_number(self, session, *period):
            if self.stale:  # the first attempt read the number before the other program's issue
                self.stale -= 1
                return first.number
            return super()._next_number(session, *period)

    plan_id = store.add(draft())
    entry = StaleRegister(db).issue(plan_id, date(2026, 2, 10), render=render_docx)
    assert entry.number == 2 and store.get(plan_id).number.value == 2
    assert [e.number for e in register.entries()] == [1, 2]

    class AlwaysStale(Register):
        def _next_number(self, session, *_period):
            return first.number

    other = store.add(draft())
    with pytest.raises(UserError, match="sau 5 lần thử"):
        AlwaysStale(db).issue(other, render=render_docx)
    assert store.get(other).status == "draft"


@pytest.mark.sqlite_only
def test_issue_waits_for_another_program_holding_the_write_lock(store, register, db):
    plan_id = store.add(draft())
    locked, release = threading.Event(), threading.Event()

    def other_program():
        con = sqlite3.connect(db.file, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(5)
        time.sleep(0.3)
        con.execute("COMMIT")
        con.close()

    thread = threading.Thread(target=other_program)
    thread.start()
    locked.wait(5)
    release.set()
    started = time.monotonic()
    entry = issue(register, plan_id)
    thread.join()
    assert entry.number == 1 and time.monotonic() - started >= 0.25  # waited, then issued


def test_issue_waits_for_another_program_issuing(store, register, db, db_target):
    """Another program inside its locked transaction (SQLite: BEGIN
    IMMEDIATE, PostgreSQL: the advisory lock): this one waits, then issues."""
    plan_id = store.add(draft())
    other = open_database(db_target)
    locked, release = threading.Event(), threading.Event()

    def other_program():
        with other.locked_session():
            locked.set()
            release.wait(5)
            time.sleep(0.3)

    thread = threading.Thread(target=other_program)
    thread.start()
    assert locked.wait(5)
    release.set()
    started = time.monotonic()
    entry = issue(register, plan_id)
    thread.join()
    other.close()
    assert entry.number == 1 and time.monotonic() - started >= 0.25  # waited, then issued


def test_issue_gives_up_with_a_message_when_the_lock_stays_taken(store, register, db_target, monkeypatch):
    """The wait is bounded (10 s in the program, 0.2 s here): then a clear
    message, and the plan stays a draft."""
    from kehoach_desktop.store import database

    monkeypatch.setattr(database, "SQLITE_PRAGMAS", ("PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=200"))
    monkeypatch.setattr(database, "PG_LOCK_TIMEOUT", "200ms")
    plan_id = store.add(draft())
    impatient, other = open_database(db_target), open_database(db_target)
    locked, done = threading.Event(), threading.Event()

    def other_program():
        with other.locked_session():
            locked.set()
            done.wait(10)

    thread = threading.Thread(target=other_program)
    thread.start()
    try:
        assert locked.wait(5)
        with pytest.raises(UserError, match="đang được chương trình khác ghi"):
            Register(impatient).issue(plan_id, render=render_docx)
    finally:
        done.set()
        thread.join()
        impatient.close()
        other.close()
    assert store.get(plan_id).status == "draft" and register.entries() == []


def test_the_register_workbook_reads_back(store, register, tmp_path):
    issue(register, store.add(draft(title="Hội nghị\nsơ kết")), date(2026, 2, 9))
    issue(register, store.add(draft(title="=1+1 không phải công thức", recipients=[])), date(2026, 3, 18))
    issue(register, store.add(draft(type_code="BC", title="Báo cáo quý I")), date(2026, 4, 1))
    path = tmp_path / "so-van-ban-di.xlsx"
    assert register.export_xlsx(path, write=write_register) == 3
    sheet = load_workbook(path).active
    rows = [tuple(cell for cell in row) for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows[0] == ("Số", "Ngày", "Ký hiệu", "Trích yếu", "Người ký", "Nơi nhận")
    assert rows[1:] == [
        (1, datetime(2026, 2, 9), "KH/ĐTN", "Hội nghị sơ kết", "Nguyễn Văn A", "Thành Đoàn (để báo cáo)\nLưu VP"),
        (2, datetime(2026, 3, 18), "KH/ĐTN", "=1+1 không phải công thức", "Nguyễn Văn A", None),
        (1, datetime(2026, 4, 1), "BC/ĐTN", "Báo cáo quý I", "Nguyễn Văn A", "Thành Đoàn (để báo cáo)\nLưu VP"),
    ]  # in the order of issue
    assert sheet["A4"].number_format == "00" and sheet["B4"].number_format == "dd/mm/yyyy"
    with pytest.raises(UserError, match="--force"):
        register.export_xlsx(path, write=write_register)
    register.export_xlsx(path, write=write_register, overwrite=True)
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_register_survives_a_downgrade_and_upgrade_of_the_schema(db_target):
    from alembic import command
    from sqlalchemy import inspect

    path = db_target
    db = open_database(path)
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    tables = set(inspect(db.engine).get_table_names())
    assert "plans" in tables and "register" not in tables and "settings" not in tables
    db.close()
    db = open_database(path)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    OfficeStore(db).save(OfficeProfile(term_start=TERM))
    assert Register(db).issue(PlanStore(db).add(draft()), render=render_docx).number == 1
    db.close()


# ------------------------------------------------------------------ two programs at once
WORKER = r"""
import json, sys, time
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.register import Register

path, start, ids = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
db = open_database(path)
register = Register(db)
render_docx  # loaded before the start, like the SQLAlchemy import below
register.entries()
import sqlalchemy.orm  # noqa: E402, F401
while time.time() < start:
    time.sleep(0.005)
numbers = []
for plan_id in ids:
    numbers.append(register.issue(plan_id, render=render_docx).number)
    time.sleep(0.02)  # a program does other things between two issues; the other gets its turn
db.close()
print(json.dumps(numbers))
"""


def test_two_programs_issuing_at_once_get_distinct_consecutive_numbers(db_target):
    """THE ACCEPTANCE TEST: two OS processes issue 50 plans each into one
    database (an SQLite file, a PostgreSQL database); the numbers are
    exactly 1..100, each given once."""
    path = db_target
    db = open_database(path)
    OfficeStore(db).save(OfficeProfile(term_start=TERM))
    ids = PlanStore(db).add_many([draft(title=f"Kế hoạch {n}") for n in range(100)])
    db.close()
    started = time.monotonic()
    start = time.time() + 3  # both programs begin together, once loaded
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), str(start), json.dumps(ids[k::2])],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in (0, 1)]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    assert time.monotonic() - started < 60
    assert [len(r) for r in results] == [50, 50]
    assert sorted(results[0] + results[1]) == list(range(1, 101))
    assert all(min(r) <= 50 for r in results), f"the two programs did not run at the same time: {results}"
    db = open_database(path)
    store, register = PlanStore(db), Register(db)
    entries = register.entries()
    assert [e.number for e in entries] == list(range(1, 101))
    assert sorted(e.plan_id for e in entries) == sorted(ids)
    for e in entries:  # each plan carries the number its register line gives
        plan = store.get(e.plan_id)
        assert (plan.status, plan.number.value) == ("issued", e.number)
    db.close()

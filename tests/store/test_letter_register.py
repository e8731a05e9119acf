"""Batches of invitation letters in the register (sổ văn bản đi): numbers of
the office's invitation type (TM or GM) running beside the plans' own, the
line pointing at its plan (letters_for), the file kept exactly as printed,
refusals that take nothing, and two programs numbering letters at once."""
import io
import json
import subprocess
import sys
import time
from datetime import date, datetime

import pytest
from doc_compare import docx_paragraphs

from kehoach_desktop.core import content as c
from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.letter_batches import addressees, letter_count, renderer
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register

TERM = date(2025, 12, 30)
DAY = date(2026, 12, 6)
DAY_TIME = datetime(2026, 12, 6)  # as openpyxl reads a date cell back
GUESTS = [Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn", "Khách mời"),
          Attendee("Lê Thị Hoa", "Bí thư", "Quận Đoàn 1", "Đơn vị"),
          Attendee("Trần Văn Bình", "Phó Bí thư", "Quận Đoàn 1", "Đơn vị")]


def document_text(docx: bytes) -> str:
    return "\n".join(docx_paragraphs(io.BytesIO(docx)))


def draft(title="Tổ chức Hội nghị sơ kết công tác Đoàn năm 2026", issuer_codes=("ĐTN",)) -> Plan:
    return Plan(title=title, number=DocumentNumber(None, "KH", list(issuer_codes)), place="TP. Hồ Chí Minh",
                issuing_bodies=["BCH ĐOÀN KHỐI"],
                sections=[Section("Mục đích", c.FreeContent([c.Item("Đánh giá kết quả.")]))],
                recipients=["Thành Đoàn", "Lưu VP"],
                signatures=[Signature("TM.", "BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A")])


@pytest.fixture
def office(db):
    offices = OfficeStore(db)
    offices.save(OfficeProfile(issuer_code="ĐTN", term_start=TERM))
    return offices


@pytest.fixture
def register(db, office):
    return Register(db)


def print_letters(store, register, plan_id, day=DAY, per_unit=False, **kw):
    """What the command line and the window do: the plan, its guests and the office bound to the letters."""
    plan, office = store.get(plan_id), OfficeStore(store.db).get()
    rows = AttendeeStore(store.db).list(plan_id)
    return register.issue_letters(plan_id, render=renderer(plan, rows, per_unit=per_unit, office=office),
                                  issued_on=day, addressees=addressees, **kw)


@pytest.fixture
def plan_id(store):
    plan_id = store.add(draft())
    AttendeeStore(store.db).replace(plan_id, GUESTS, expected_version=0)
    return plan_id


def test_a_batch_takes_a_tm_number_and_keeps_the_file(store, register, plan_id):
    before = store.get(plan_id)
    entry = print_letters(store, register, plan_id)
    assert (entry.type_code, entry.number, entry.label, entry.issued_on, entry.period_start) == (
        "TM", 1, "01-TM/ĐTN", DAY, TERM)
    assert (entry.plan_id, entry.letters_for, entry.plan_of_line) == (None, plan_id, plan_id)
    assert entry.title == "Thư mời dự Hội nghị sơ kết công tác Đoàn năm 2026"
    assert entry.signer == "Nguyễn Văn A"
    assert len(entry.recipients) == 3 and all(r.startswith("Đồng chí ") for r in entry.recipients)
    assert register.letters(plan_id) == [entry] and register.entries() == [entry]
    assert register.entry_for_plan(plan_id) is None  # the plan's own line is its own number, not the letters'
    kept = register.docx(entry.id)
    text = document_text(kept)
    assert text.count("Kính gửi:") == 3 and "Nguyễn Văn Tâm" in text
    assert store.get(plan_id) == before  # the plan is not touched: still a draft, still editable
    store.update(plan_id, draft(title="Tổ chức Hội nghị sơ kết (sửa)"))


def test_the_letters_carry_their_number_and_date(store, register, plan_id):
    """"Số: 01-TM/ĐTN" and the date of the batch in each letter."""
    entry = print_letters(store, register, plan_id)
    text = document_text(register.docx(entry.id)).replace("\xa0", " ")  # the date line keeps its words together
    assert text.count("Số: 01-TM/ĐTN") == 3
    assert text.count("ngày 06 tháng 12 năm 2026") == 3


def test_the_count_left_out_the_signer_as_the_letters_do(store, register, plan_id):
    """The plan's signer put on the list by hand gets no letter, and the
    number announced before numbering does not count one for him."""
    people = AttendeeStore(store.db)
    rows = people.list(plan_id) + [Attendee("Nguyễn Văn A", "Bí thư", "Đoàn phường", "Chủ trì")]
    people.replace(plan_id, rows)
    plan = store.get(plan_id)
    assert letter_count(plan, people.list(plan_id), per_unit=False) == 3
    entry = print_letters(store, register, plan_id)
    assert len(entry.recipients) == 3


def test_the_count_is_the_letters_printed(store, register, plan_id):
    """The number the confirmation shows before printing is the number of letters printed."""
    rows = AttendeeStore(store.db).list(plan_id)
    for per_unit, expected in ((False, 3), (True, 2)):
        entry = print_letters(store, register, plan_id, per_unit=per_unit)
        assert letter_count(store.get(plan_id), rows, per_unit=per_unit) == expected == len(entry.recipients)
        assert document_text(register.docx(entry.id)).count("Kính gửi") == expected


def test_plan_numbers_and_letter_numbers_run_separately(store, register, plan_id):
    other = store.add(draft(title="Tổ chức Ngày hội"))
    AttendeeStore(store.db).replace(other, GUESTS[:1], expected_version=0)
    labels = [print_letters(store, register, plan_id).label,
              register.issue(other, DAY, render=render_docx).label,
              print_letters(store, register, other).label,  # the plan is issued now: its letters still go out
              register.issue(plan_id, DAY, render=render_docx).label,
              print_letters(store, register, plan_id).label]
    assert labels == ["01-TM/ĐTN", "01-KH/ĐTN", "02-TM/ĐTN", "02-KH/ĐTN", "03-TM/ĐTN"]
    assert [e.number for e in register.letters(plan_id)] == [1, 3]
    assert [e.number for e in register.letters(other)] == [2]
    assert register.entry_for_plan(plan_id).label == "02-KH/ĐTN"


def test_the_office_chooses_gm_and_the_issuer_codes_follow_the_plan(store, office, register, plan_id):
    office.set("invitation_code", "gm")
    entry = print_letters(store, register, plan_id)
    assert (entry.label, entry.title) == ("01-GM/ĐTN", "Giấy mời dự Hội nghị sơ kết công tác Đoàn năm 2026")
    joint = store.add(draft(title="Kế hoạch tổ chức Ngày hội", issuer_codes=("ĐTN", "HCCB")))
    AttendeeStore(store.db).replace(joint, GUESTS, expected_version=0)
    entry = print_letters(store, register, joint)
    assert (entry.label, entry.title) == ("02-GM/ĐTN-HCCB", "Giấy mời dự Ngày hội")
    bare = store.add(draft(issuer_codes=("",)))
    AttendeeStore(store.db).replace(bare, GUESTS, expected_version=0)
    office.set("issuer_code", "TĐTN")
    assert print_letters(store, register, bare).label == "03-GM/TĐTN"  # the office's code when the plan has none


def test_as_letters_shows_the_number_to_come_and_takes_nothing(store, register, plan_id):
    to_come = register.as_letters(plan_id, DAY)
    assert (to_come.label, to_come.issued_on, to_come.title) == (
        "01-TM/ĐTN", DAY, "Thư mời dự Hội nghị sơ kết công tác Đoàn năm 2026")
    assert register.as_letters(plan_id, DAY) == to_come and register.entries() == []
    assert register.as_letters(plan_id).issued_on == date.today()
    entry = print_letters(store, register, plan_id, expected_number=to_come.number)
    assert entry.number == to_come.number
    assert register.as_letters(plan_id, DAY).label == "02-TM/ĐTN"


def test_a_number_taken_meanwhile_is_refused_when_one_was_expected(store, register, plan_id):
    expected = register.as_letters(plan_id, DAY).number
    print_letters(store, register, plan_id)  # another clerk was quicker
    with pytest.raises(UserError, match="số 01-TM/ĐTN vừa được cấp cho văn bản khác.*02-TM/ĐTN"):
        print_letters(store, register, plan_id, expected_number=expected)
    assert len(register.entries()) == 1


def test_refusals_take_no_number(store, office, register, plan_id, db):
    with pytest.raises(UserError, match="không có kế hoạch mã số 99"):
        register.as_letters(99)
    with pytest.raises(UserError, match="không có kế hoạch mã số 99"):
        register.issue_letters(99, render=lambda number, day: b"")
    empty = store.add(draft())
    with pytest.raises(UserError, match="chưa có ai"):  # the letters' own refusal, inside the transaction
        print_letters(store, register, empty)

    def broken(number, day):
        raise UserError("không tạo được thư mời")

    with pytest.raises(UserError, match="không tạo được thư mời"):
        register.issue_letters(plan_id, render=broken, issued_on=DAY)
    with pytest.raises(UserError, match="trước ngày bắt đầu nhiệm kỳ"):
        print_letters(store, register, plan_id, day=date(2025, 1, 1))
    store.delete(plan_id)
    with pytest.raises(UserError, match="thùng rác.*không cấp số thư mời"):
        register.as_letters(plan_id)
    with pytest.raises(UserError, match="thùng rác.*không cấp số thư mời"):
        register.issue_letters(plan_id, render=lambda number, day: b"letters")
    assert register.entries() == []
    store.restore(plan_id)
    office.set("term_start", "")
    with pytest.raises(UserError, match="chưa khai báo ngày bắt đầu nhiệm kỳ"):
        print_letters(store, register, plan_id)
    office.set("term_start", TERM.isoformat())
    assert print_letters(store, register, plan_id).number == 1  # nothing was used by the refusals


def test_a_plan_whose_letters_were_numbered_is_not_purged(store, register, plan_id):
    entry = print_letters(store, register, plan_id)
    store.delete(plan_id)  # to the trash: yes, it can come back
    with pytest.raises(UserError, match=r"thư mời đã cấp số \(01-TM/ĐTN\).*không xoá hẳn"):
        store.purge(plan_id)
    with pytest.raises(UserError, match="không xoá hẳn"):
        store.empty_trash()
    assert register.entry(entry.id) == entry and store.get(plan_id).title


def test_a_number_taken_by_a_program_without_the_lock_is_retried(store, register, plan_id, db):
    first = print_letters(store, register, plan_id)

    class StaleRegister(Register):
        stale = 1

        def _next_number(self, session, *period):
            if self.stale:
                self.stale -= 1
                return first.number
            return super()._next_number(session, *period)

    plan, office = store.get(plan_id), OfficeStore(db).get()
    render = renderer(plan, GUESTS, per_unit=False, office=office)
    entry = StaleRegister(db).issue_letters(plan_id, render=render, issued_on=DAY)
    assert entry.number == 2 and [e.number for e in register.letters(plan_id)] == [1, 2]


# ------------------------------------------------------------------ two programs at once
WORKER = r"""
import json, sys, time
from datetime import date
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.letter_batches import renderer
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register

path, start, plan_id, drafts = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
db = open_database(path)
register, store = Register(db), PlanStore(db)
plan, rows, office = store.get(plan_id), AttendeeStore(db).list(plan_id), OfficeStore(db).get()
render = renderer(plan, rows, per_unit=False, office=office)
register.entries()
import sqlalchemy.orm  # noqa: E402, F401
while time.time() < start:
    time.sleep(0.005)
letters, plans = [], []
for n, draft_id in enumerate(drafts):
    letters.append(register.issue_letters(plan_id, render=render).number)
    if n % 2:  # plans issued in between: their numbers are of another sequence
        plans.append(register.issue(draft_id, render=render_docx).number)
    time.sleep(0.02)
db.close()
print(json.dumps([letters, plans]))
"""


def test_two_programs_printing_letters_at_once_get_distinct_numbers(db_target):
    """Two OS processes number 12 batches each for one plan (and issue
    plans in between), into one database: the letters are 1..24, each
    given once, and the plans' KH numbers 1..12 beside them."""
    db = open_database(db_target)
    OfficeStore(db).save(OfficeProfile(term_start=TERM))
    store = PlanStore(db)
    plan_id = store.add(draft())
    AttendeeStore(db).replace(plan_id, GUESTS[:1], expected_version=0)
    drafts = store.add_many([draft(title=f"Kế hoạch {n}") for n in range(24)])
    db.close()
    start = time.time() + 3
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(db_target), str(start), str(plan_id),
                                 json.dumps(drafts[k::2])],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in (0, 1)]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    letters = results[0][0] + results[1][0]
    plans = results[0][1] + results[1][1]
    assert sorted(letters) == list(range(1, 25))
    assert sorted(plans) == list(range(1, 13))
    assert all(min(r[0]) <= 12 for r in results), f"the two programs did not run at the same time: {results}"
    db = open_database(db_target)
    entries = Register(db).letters(plan_id)
    assert [e.number for e in entries] == list(range(1, 25))
    assert {e.label for e in entries} == {f"{n:02d}-TM/ĐTN" for n in range(1, 25)}
    db.close()


def test_a_batch_in_the_register_workbook(store, register, plan_id, tmp_path):
    from openpyxl import load_workbook

    from kehoach_desktop.formats.register_xlsx import HEADER_ROW, write_register

    print_letters(store, register, plan_id)
    register.issue(plan_id, DAY, render=render_docx)
    path = tmp_path / "so.xlsx"
    assert register.export_xlsx(path, write=write_register) == 2
    rows = list(load_workbook(path).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [row[:5] for row in rows] == [
        (1, DAY_TIME, "TM/ĐTN", "Thư mời dự Hội nghị sơ kết công tác Đoàn năm 2026", "Nguyễn Văn A"),
        (1, DAY_TIME, "KH/ĐTN", "Tổ chức Hội nghị sơ kết công tác Đoàn năm 2026", "Nguyễn Văn A")]
    assert rows[0][5].count("\n") == 2 and "Đồng chí Lê Thị Hoa" in rows[0][5]  # whom the letters went to

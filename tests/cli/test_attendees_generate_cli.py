"""`kehoach attendees generate MÃ`: the invitees read from the plan's
participants, printed and saved in one transaction; on SQLite and PostgreSQL."""
from dataclasses import replace

import pytest
from cli_helpers import run
from conftest import FIXTURE_FILES

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore


@pytest.fixture
def dbfile(db_target):
    return db_target


def stored(dbfile, plan_id: int) -> list[Attendee]:
    db = open_database(dbfile)
    try:
        return AttendeeStore(db).list(plan_id)
    finally:
        db.close()


def add_example(dbfile, number: int) -> int:
    db = open_database(dbfile)
    try:
        return PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[number]))
    finally:
        db.close()


def test_generate_prints_adds_and_says_what_it_left_out(capsys, dbfile):
    plan_id = add_example(dbfile, 0)
    code, out, err = run(capsys, "--db", dbfile, "attendees", "generate", plan_id, "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("Sẽ thêm 41 khách mời từ thành phần tham dự, 2 dòng cần điền họ tên. Không mời 2 mục: "
                        "1 là người ký kế hoạch, 1 thuộc chính cơ quan ban hành kế hoạch.")
    assert lines[1] == "  + Chủ trì Hội nghị | đồng chí | Thường trực | Đảng ủy Khối Dân – Chính – Đảng Thành phố | " \
                       "1 người | cần điền tên"
    assert "  + Khách mời | – | Đại diện | Ban Dân vận Thành ủy | 1 người | cả đơn vị" in lines
    assert lines[-4:] == [
        "Không mời:",
        "  – “Đồng chí Bí thư Đoàn Khối Dân – Chính – Đảng Thành phố”: là người ký kế hoạch (Bí thư Nguyễn Đăng Khoa)",
        "  – “Ban Thường vụ Đoàn Khối Dân – Chính – Đảng Thành phố”: thuộc chính cơ quan ban hành kế hoạch",
        "Chưa lưu gì (--dry-run)."]
    assert stored(dbfile, plan_id) == []

    code, out, _ = run(capsys, "--db", dbfile, "attendees", "generate", plan_id)
    assert code == 0 and out.splitlines()[-1] == f"Đã lưu danh sách khách mời của kế hoạch {plan_id}."
    rows = stored(dbfile, plan_id)
    assert len(rows) == 41 and sum(a.needs_name for a in rows) == 2 and all(a.code for a in rows)
    assert [a.group for a in rows][:3] == ["Chủ trì Hội nghị", "Chủ trì Hội nghị", "Khách mời"]
    assert not [a for a in rows if "Nguyễn Đăng Khoa" in a.name or a.position == "Bí thư"]


def test_generate_again_adds_nothing_and_keeps_the_names_filled_in(capsys, dbfile):
    plan_id = add_example(dbfile, 2)
    assert run(capsys, "--db", dbfile, "attendees", "generate", plan_id)[0] == 0
    db = open_database(dbfile)
    try:
        rows = AttendeeStore(db).list(plan_id)
        named = [replace(row, name="Nguyễn Văn An") if row.needs_name else row for row in rows]
        AttendeeStore(db).replace(plan_id, named)
    finally:
        db.close()
    code, out, _ = run(capsys, "--db", dbfile, "attendees", "generate", plan_id)
    assert code == 0 and out.startswith("Đã thêm 0 khách mời từ thành phần tham dự; 11 đã có trong danh sách.")
    assert out.splitlines()[-1] == "Danh sách khách mời không thay đổi."
    after = stored(dbfile, plan_id)
    assert len(after) == 11 and [a.name for a in after if not a.whole_unit] == ["Nguyễn Văn An"]


def test_keep_own_invites_the_issuers_people_but_not_a_signer(capsys, dbfile):
    plan_id = add_example(dbfile, 0)
    code, out, _ = run(capsys, "--db", dbfile, "attendees", "generate", plan_id, "--keep-own")
    assert code == 0
    assert "  + Đoàn Khối Dân – Chính – Đảng Thành phố | – | – | Ban Thường vụ Đoàn Khối Dân – Chính – Đảng Thành " \
           "phố | 1 người | cả đơn vị" in out.splitlines()
    assert "là người ký kế hoạch (Bí thư Nguyễn Đăng Khoa)" in out
    assert len(stored(dbfile, plan_id)) == 42


def test_generate_refuses_a_missing_plan_and_a_bad_id(capsys, dbfile):
    code, _, err = run(capsys, "--db", dbfile, "attendees", "generate", 99)
    assert code == 1 and err.startswith("Lỗi: ") and "99" in err
    code, _, err = run(capsys, "--db", dbfile, "attendees", "generate", "abc")
    assert code == 2 and "mã kế hoạch phải là một số nguyên" in err


def test_a_plan_without_participants_adds_nothing(capsys, dbfile):
    plan_id = add_example(dbfile, 4)
    code, out, _ = run(capsys, "--db", dbfile, "attendees", "generate", plan_id)
    assert code == 0 and out.splitlines() == ["Đã thêm 0 khách mời từ thành phần tham dự.",
                                              "Danh sách khách mời không thay đổi."]
    assert stored(dbfile, plan_id) == []

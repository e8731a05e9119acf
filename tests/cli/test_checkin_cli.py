"""`kehoach attendees checkin ID CODE_OR_NAME [--undo]`."""
import pytest
from cli_helpers import run

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.model import Plan
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore


@pytest.fixture
def listed(db_target):
    db = open_database(db_target)
    plan_id = PlanStore(db).add(Plan(title="Hội nghị"))
    AttendeeStore(db).replace(plan_id, [
        Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn", "Chủ trì"),
        Attendee("Trần Thị Tâm", "Bí thư", "Quận Đoàn 1", "Đại biểu"),
        Attendee("Lê Quang Vinh", "Phó Chủ tịch", "UBND phường Bến Nghé", "Khách mời"),
    ])
    db.close()
    return db_target, plan_id


def stored(target, plan_id):
    db = open_database(target)
    try:
        return AttendeeStore(db).list(plan_id)
    finally:
        db.close()


def test_one_match_is_marked_with_the_time(capsys, listed):
    target, plan_id = listed
    code, out, err = run(capsys, "--db", target, "attendees", "checkin", plan_id, "vin")
    vinh = stored(target, plan_id)[2]
    assert (code, err) == (0, "") and vinh.attended
    assert out == f"Đã điểm danh: Lê Quang Vinh lúc {vinh.attended_at:%H:%M}.\n"
    code, out, _ = run(capsys, "--db", target, "attendees", "checkin", plan_id, "le quang")
    assert code == 0 and out == f"Lê Quang Vinh đã được điểm danh từ trước, lúc {vinh.attended_at:%H:%M}.\n"
    assert stored(target, plan_id)[2].attended_at == vinh.attended_at
    code, out, _ = run(capsys, "--db", target, "attendees", "checkin", plan_id, "vin", "--undo")
    assert (code, out) == (0, "Đã bỏ điểm danh: Lê Quang Vinh.\n") and not stored(target, plan_id)[2].attended


def test_a_code_as_scanned_or_typed_in_lower_case(capsys, listed):
    target, plan_id = listed
    tam = stored(target, plan_id)[1]
    code, out, _ = run(capsys, "--db", target, "attendees", "checkin", plan_id, tam.code.lower())
    assert code == 0 and out.startswith("Đã điểm danh: Trần Thị Tâm lúc ")
    assert [a.attended for a in stored(target, plan_id)] == [False, True, False]


def test_several_are_listed_with_their_codes_and_nobody_is_marked(capsys, listed):
    target, plan_id = listed
    rows = stored(target, plan_id)
    code, out, err = run(capsys, "--db", target, "attendees", "checkin", plan_id, "tam")
    assert code == 1 and err == ""
    assert out.splitlines() == ["“tam” khớp với 2 người; chưa điểm danh ai. Hãy gõ thêm chữ, hoặc dùng mã:",
                                f"  {rows[0].code}  Nguyễn Văn Tâm – Phó Bí thư – Thành Đoàn – Chủ trì",
                                f"  {rows[1].code}  Trần Thị Tâm – Bí thư – Quận Đoàn 1 – Đại biểu"]
    assert not any(a.attended for a in stored(target, plan_id))


def test_nobody_found_or_no_such_plan(capsys, listed):
    target, plan_id = listed
    code, out, err = run(capsys, "--db", target, "attendees", "checkin", plan_id, "xyz")
    assert (code, out) == (1, "") and "không tìm thấy ai với “xyz” trong danh sách khách mời" in err
    code, _, err = run(capsys, "--db", target, "attendees", "checkin", plan_id + 1, "vin")
    assert code == 1 and "không có kế hoạch mã số" in err
    code, _, err = run(capsys, "--db", target, "attendees", "checkin", plan_id, "tam", "--undo")
    assert code == 1 and not any(a.attended for a in stored(target, plan_id))
    code, _, err = run(capsys, "--db", target, "attendees", "checkin", plan_id, "vin", "--undo")
    assert code == 1 and "Lê Quang Vinh chưa được điểm danh" in err

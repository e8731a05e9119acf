"""A plan's invitation list in the database."""
import pytest

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Plan
from kehoach_desktop.store.attendees import AttendeeStore, merge


def test_replace_and_list_in_order(store, db):
    plan_id = store.add(Plan(title="Hội nghị"))
    people = AttendeeStore(db)
    assert people.list(plan_id) == []
    rows = [Attendee("Trần Văn B", "Bí thư", "Đoàn P5", "Đại biểu", "0912 345 678", "B@X.VN", reply="attending"),
            Attendee("Lê Thị  A", unit="Đoàn P6", attended=True)]
    people.replace(plan_id, rows)
    got = people.list(plan_id)
    assert [(a.name, a.phone, a.email, a.reply, a.attended) for a in got] == [
        ("Trần Văn B", "0912345678", "b@x.vn", "attending", False), ("Lê Thị A", "", "", "pending", True)]
    people.replace(plan_id, got[1:])
    assert [a.name for a in people.list(plan_id)] == ["Lê Thị A"]


def test_the_list_goes_with_its_plan(store, db):
    plan_id = store.add(Plan())
    people = AttendeeStore(db)
    people.replace(plan_id, [Attendee("Nguyễn Văn A")])
    store.delete(plan_id)
    with pytest.raises(UserError, match="thùng rác"):
        people.list(plan_id)
    store.purge(plan_id)
    with db.engine.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT COUNT(*) FROM plan_attendees")).scalar() == 0
    with pytest.raises(UserError, match="không có kế hoạch mã số"):
        people.replace(plan_id, [])


def test_merge_adds_updates_and_keeps():
    stored = [Attendee("Nguyễn Văn A", "Bí thư", "Đoàn P5", phone="0912345678"),
              Attendee(position="Đại diện Ban Dân vận", group="Khách mời")]
    incoming = [Attendee("nguyễn văn a", "Phó Bí thư", "Đoàn P5"),  # same person (case aside): updated
                Attendee(position="Đại diện Ban Dân vận", group="Khách mời"),  # unchanged
                Attendee("Lê Thị B", unit="Đoàn P6")]  # new
    report = merge(stored, incoming)
    assert [a.name for a in report.added] == ["Lê Thị B"] and len(report.unchanged) == 1
    (old, new), = report.updated
    assert new.position == "Phó Bí thư" and new.phone == "0912345678" and new.name == "Nguyễn Văn A"
    assert len(report.result) == 3 and report.result[0] is new


def test_a_row_with_its_check_in_code_updates_that_row_even_when_its_name_was_typed_since():
    """Our own workbook sent back with names typed into rows the plan named by
    position only: the code says which row it is, so nothing is doubled and
    the name is taken; a row without a code still matches by name and unit."""
    stored = [Attendee("", "Thường trực", "Thành Đoàn", "Chủ trì", code="BCG234"),
              Attendee("", "Đại diện lãnh đạo", "Ban Dân vận Thành ủy", "Khách mời", whole_unit=True, code="KMN789"),
              Attendee("Trần Thị Hồng", "Bí thư", "Quận Đoàn 1", "Đại biểu", code="PQT456")]
    incoming = [Attendee("Nguyễn Văn Tâm", "Thường trực", "Thành Đoàn", "Chủ trì", code="BCG234"),
                Attendee("Lê Văn Dân", "Đại diện lãnh đạo", "Ban Dân vận Thành ủy", "Khách mời", code="KMN789"),
                Attendee("trần thị hồng", "Bí thư", "quận đoàn 1", "Đại biểu", phone="0912345678"),
                Attendee("Võ Văn Mới", "", "Đoàn P5", "Đại biểu", code="HGV345")]
    report = merge(stored, incoming)
    assert [(a.name, a.unit, a.code) for a in report.result] == [
        ("Nguyễn Văn Tâm", "Thành Đoàn", "BCG234"), ("Lê Văn Dân", "Ban Dân vận Thành ủy", "KMN789"),
        ("Trần Thị Hồng", "Quận Đoàn 1", "PQT456"), ("Võ Văn Mới", "Đoàn P5", "HGV345")]
    assert report.result[1].whole_unit  # the unit's invitation, now with the name of who comes
    assert report.result[2].phone == "0912345678"
    assert (len(report.updated), len(report.added)) == (3, 1)

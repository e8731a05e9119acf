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

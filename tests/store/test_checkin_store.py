"""Check-in in the database: one row at a time, under the writers' lock,
raising the list's version; two desks at once lose nothing."""
import threading
from datetime import datetime

import pytest

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Plan
from kehoach_desktop.store.attendees import AlreadyPresentError, AttendeeStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.versions import ConflictError

AT = datetime(2026, 12, 20, 8, 12, 31, 456789)


def guests(n: int) -> list[Attendee]:
    return [Attendee(f"Nguyễn Văn Khách {i}", "Bí thư", f"Đoàn phường {i}", ("Chủ trì", "Đại biểu")[i % 2])
            for i in range(n)]


@pytest.fixture
def listed(store, db):
    plan_id = store.add(Plan(title="Hội nghị"))
    people = AttendeeStore(db)
    people.replace(plan_id, guests(6))
    return plan_id, people


def test_check_in_marks_the_row_with_its_time_and_raises_the_version(listed):
    plan_id, people = listed
    read = people.load(plan_id)
    person, version = people.check_in(plan_id, read.rows[2].code.lower(), AT)
    assert (person.name, person.attended, person.attended_at) == ("Nguyễn Văn Khách 2", True, AT.replace(microsecond=0))
    assert version == read.version + 1 == people.version(plan_id)
    stored = people.list(plan_id)
    assert [a.attended for a in stored] == [False, False, True, False, False, False]
    assert stored[2].attended_at == datetime(2026, 12, 20, 8, 12, 31)
    assert [a.code for a in stored] == [a.code for a in read.rows]  # nothing else changed
    # A window that read the list before cannot put the old attendance back.
    with pytest.raises(ConflictError):
        people.replace(plan_id, read.rows, expected_version=read.version)
    assert people.list(plan_id)[2].attended


def test_twice_says_when_and_writes_nothing_and_undo_takes_it_back(listed):
    plan_id, people = listed
    code = people.list(plan_id)[0].code
    people.check_in(plan_id, code, AT)
    version = people.version(plan_id)
    with pytest.raises(AlreadyPresentError, match="Nguyễn Văn Khách 0 đã được điểm danh lúc 08:12 rồi") as caught:
        people.check_in(plan_id, code, datetime(2026, 12, 20, 9, 0))
    assert caught.value.attendee.attended_at == datetime(2026, 12, 20, 8, 12, 31) and caught.value.version == version
    assert people.version(plan_id) == version
    person, undone = people.undo_check_in(plan_id, code)
    assert (person.attended, person.attended_at, undone) == (False, None, version + 1)
    assert not people.list(plan_id)[0].attended
    with pytest.raises(UserError, match="chưa được điểm danh"):
        people.undo_check_in(plan_id, code)
    with pytest.raises(UserError, match="không có khách mời nào mang mã ZZZZZZ"):
        people.check_in(plan_id, "zzzzzz", AT)


def test_a_late_arrival_is_added_present_with_a_code(listed):
    plan_id, people = listed
    version = people.version(plan_id)
    person, new_version = people.add_late(plan_id, Attendee(" Lê  Thị Muộn ", "Ủy viên", "Đoàn xã A", "Đại biểu"), AT)
    assert new_version == version + 1
    stored = people.list(plan_id)
    assert len(stored) == 7 and stored[-1] == person
    assert (person.name, person.attended, person.attended_at) == ("Lê Thị Muộn", True, datetime(2026, 12, 20, 8, 12, 31))
    assert len(person.code) == 6 and person.code not in {a.code for a in stored[:-1]}
    with pytest.raises(UserError, match="Lê Thị Muộn đã có trong danh sách"):
        people.add_late(plan_id, Attendee("lê thị muộn", unit="Đoàn xã A"), AT)
    with pytest.raises(UserError, match="họ và tên"):
        people.add_late(plan_id, Attendee(position="Khách"), AT)


def test_a_late_arrival_on_a_list_never_saved(store, db):
    plan_id = store.add(Plan(title="Hội nghị"))
    people = AttendeeStore(db)
    person, version = people.add_late(plan_id, Attendee("Lê Thị Muộn"), AT)
    assert version == 1 and people.list(plan_id) == [person]


def test_codes_are_given_to_a_list_stored_without_them(listed, db):
    from sqlalchemy import text

    plan_id, people = listed
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE plan_attendees SET code = '' WHERE seq IN (1, 4)"))
    version = people.version(plan_id)
    rows = people.ensure_codes(plan_id)
    assert all(len(a.code) == 6 for a in rows) and len({a.code for a in rows}) == 6
    assert [a.code for a in people.list(plan_id)] == [a.code for a in rows] and people.version(plan_id) == version


def test_two_desks_at_once_lose_nothing(listed, db_target):
    """Two programs (their own connections) check in 15 people each, at the
    same time: all 30 are present, each with the time its desk gave."""
    plan_id, people = listed
    people.replace(plan_id, guests(30))
    codes = [a.code for a in people.list(plan_id)]
    version = people.version(plan_id)
    start = threading.Barrier(2)
    failures = []

    def desk(mine: list[str], minute: int) -> None:
        other = open_database(db_target)
        try:
            desk_store = AttendeeStore(other)
            start.wait(5)
            for code in mine:
                desk_store.check_in(plan_id, code, datetime(2026, 12, 20, 8, minute))
        except Exception as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)
        finally:
            other.close()

    desks = [threading.Thread(target=desk, args=(codes[k::2], k)) for k in (0, 1)]
    for thread in desks:
        thread.start()
    for thread in desks:
        thread.join(60)
    assert failures == []
    stored = people.list(plan_id)
    assert all(a.attended for a in stored)
    assert [a.attended_at.minute for a in stored] == [i % 2 for i in range(30)]
    assert people.version(plan_id) == version + 30

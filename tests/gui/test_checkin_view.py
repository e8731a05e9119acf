"""The "Điểm danh" window, driven for real: letters typed without
diacritics and Enter, a code typed by a scanner, a late arrival added through
its dialog, the counts, the store and the exported workbook."""
from datetime import datetime

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from typing_helpers import type_text

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.checkin_view import CheckinView, LateArrivalDialog

ATTENDANCE_SHEET = "Điểm danh"  # names and times of arrival (formats/attendees_xlsx.py)

GUESTS = [
    Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn TP. Hồ Chí Minh", "Chủ trì Hội nghị"),
    Attendee("Trần Thị Hồng", "Bí thư", "Quận Đoàn 1", "Chủ trì Hội nghị"),
    Attendee("Lê Quang Vinh", "Phó Chủ tịch", "UBND phường Bến Nghé", "Khách mời"),
    Attendee("", "Ban Thường vụ", "Quận Đoàn 3", "Khách mời", whole_unit=True, head_count=2),
    Attendee("Phạm Thu Hà", "Trưởng ban Tuyên giáo", "Quận Đoàn 1", "Khách mời"),
    Attendee("Đặng Minh Khoa", "Bí thư Chi đoàn", "Phường Đa Kao", "Đại biểu"),
    Attendee("Võ Thị Ngọc Ánh", "Phó Bí thư Chi đoàn", "Phường Bến Thành", "Đại biểu"),
    Attendee("Huỳnh Tấn Phát", "Bí thư Chi đoàn", "Phường Cầu Kho", "Đại biểu"),
    Attendee("Bùi Đức Thắng", "Ủy viên", "Phường Tân Định", "Đại biểu"),
    Attendee("Đỗ Thanh Tùng", "Ủy viên", "Phường Cô Giang", "Đại biểu"),
]


@pytest.fixture
def listed(db):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan_id = PlanStore(db).add(plan)
    people = AttendeeStore(db)
    people.replace(plan_id, GUESTS)
    return plan_id, plan, people


@pytest.fixture
def view(qtbot, listed):
    plan_id, plan, people = listed
    view = CheckinView(people, plan_id, plan, people.ensure_codes(plan_id))
    qtbot.addWidget(view)
    view.show()
    return view


def type_and_enter(view, text: str) -> None:
    view.search.setFocus()
    QTest.keyClicks(view.search, text)
    QTest.keyClick(view.search, Qt.Key.Key_Return)


def fill_late_arrival(dialog: LateArrivalDialog) -> None:
    type_text(dialog.name, "Lý Thị Muộn")  # Vietnamese letters: QTest.keyClicks knows ASCII only
    type_text(dialog.position, "Ủy viên")
    type_text(dialog.unit, "Phường Tân Định")
    dialog.group.setCurrentText("Đại biểu")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)


def test_five_marked_counted_stored_and_exported(view, listed, qtbot, tmp_path):
    plan_id, _plan, people = listed
    assert view.total.text() == "Có mặt 0/11 — 0%"
    assert view.group_counts.text() == "Chủ trì Hội nghị: 0/2    Khách mời: 0/4    Đại biểu: 0/5"
    assert view.focusWidget() is view.search

    QTest.keyClicks(view.search, "tam")  # three letters, no diacritics: the list shows who they find
    assert view.matches.count() == 1 and view.matches.item(0).text().startswith("Nguyễn Văn Tâm\n")
    assert "Phó Bí thư – Thành Đoàn TP. Hồ Chí Minh · Chủ trì Hội nghị · Chưa đến" in view.matches.item(0).text()
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    stored = people.list(plan_id)
    assert stored[0].attended and stored[0].attended_at is not None
    assert view.said.text() == f"Đã điểm danh: Nguyễn Văn Tâm – {stored[0].attended_at:%H:%M}"
    assert view.search.text() == ""  # ready for the next; the list shows the last arrivals
    assert [view.matches.item(i).text() for i in range(view.matches.count())] == [
        "Vừa điểm danh:", f"Nguyễn Văn Tâm\n    Phó Bí thư – Thành Đoàn TP. Hồ Chí Minh · Chủ trì Hội nghị · "
                          f"✓ Có mặt {stored[0].attended_at:%H:%M}"]
    assert view.total.text() == "Có mặt 1/11 — 9%"
    assert view.group_counts.text() == "Chủ trì Hội nghị: 1/2    Khách mời: 0/4    Đại biểu: 0/5"

    type_and_enter(view, "vin")
    type_and_enter(view, "kho")
    assert view.total.text() == "Có mặt 3/11 — 27%"
    assert view.group_counts.text() == "Chủ trì Hội nghị: 1/2    Khách mời: 1/4    Đại biểu: 1/5"

    code = next(a.code for a in people.list(plan_id) if a.name == "Huỳnh Tấn Phát")
    type_and_enter(view, code)  # what a USB scanner does: the code's characters, then Enter
    assert view.said.text().startswith("Đã điểm danh: Huỳnh Tấn Phát – ")
    assert view.total.text() == "Có mặt 4/11 — 36%"

    with Clerk(handlers={LateArrivalDialog: fill_late_arrival}) as clerk:
        QTest.mouseClick(view.late_button, Qt.MouseButton.LeftButton)
    assert clerk.shown == ["LateArrivalDialog"]
    assert view.said.text().startswith("Đã thêm và điểm danh: Lý Thị Muộn – ")
    assert view.total.text() == "Có mặt 5/12 — 42%"
    assert view.group_counts.text() == "Chủ trì Hội nghị: 1/2    Khách mời: 1/4    Đại biểu: 3/6"

    stored = people.list(plan_id)
    present = {a.name: a.attended_at for a in stored if a.attended}
    assert sorted(present) == sorted(["Nguyễn Văn Tâm", "Lê Quang Vinh", "Đặng Minh Khoa", "Huỳnh Tấn Phát",
                                      "Lý Thị Muộn"])
    assert all(isinstance(at, datetime) and (datetime.now() - at).total_seconds() < 120 for at in present.values())
    late = stored[-1]
    assert (late.position, late.unit, late.group, len(late.code)) == ("Ủy viên", "Phường Tân Định", "Đại biểu", 6)

    target = tmp_path / "diem-danh.xlsx"
    with Clerk(file=target) as clerk:
        QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(target.exists, timeout=10000)
    book = load_workbook(target)
    listed_names = {cell for row in book["Danh sách khách mời"].iter_rows(values_only=True) for cell in row}
    assert "Lý Thị Muộn" in listed_names  # the late arrival is on the list
    summary = {row[0]: row for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    header = next(row for row in summary.values() if "Có mặt" in row)
    came = header.index("Có mặt")
    assert (summary["Chủ trì Hội nghị"][came], summary["Khách mời"][came], summary["Đại biểu"][came]) == (1, 1, 3)
    rows = [[cell for cell in row if cell not in (None, "")]
            for row in book[ATTENDANCE_SHEET].iter_rows(values_only=True)]
    for name, at in present.items():
        row = next((r for r in rows if name in r), None)
        assert row is not None, f"{name} is not on the attendance sheet"
        assert any((isinstance(cell, datetime) and cell.replace(second=0, microsecond=0) ==
                    at.replace(second=0, microsecond=0)) or (isinstance(cell, str) and f"{at:%H:%M}" in cell)
                   for cell in row), f"{name}: no time {at:%H:%M} in {row}"


def test_twice_says_so_and_offers_undo(view, listed):
    plan_id, _plan, people = listed
    type_and_enter(view, "ngu va")
    assert not view.undo_button.isHidden()
    first = people.list(plan_id)[0].attended_at
    said = view.said.text()
    QTest.keyClick(view.search, Qt.Key.Key_Return)  # an Enter too many, on the empty box: nothing
    assert view.said.text() == said and people.version(plan_id) == view.version
    type_and_enter(view, "tam")
    assert view.said.text() == f"Nguyễn Văn Tâm đã điểm danh từ trước, lúc {first:%H:%M}."
    view._say("", "black")
    recent = view.matches.visualItemRect(view.matches.item(1)).center()  # a double-click on a last arrival
    for click in (QTest.mouseClick, QTest.mouseDClick):  # what a mouse sends: press, release, then the double
        click(view.matches.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, recent)
    assert view.said.text() == f"Nguyễn Văn Tâm đã điểm danh từ trước, lúc {first:%H:%M}."
    assert people.list(plan_id)[0].attended_at == first and view.total.text() == "Có mặt 1/11 — 9%"
    QTest.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert view.said.text() == "Đã bỏ điểm danh: Nguyễn Văn Tâm" and view.undo_button.isHidden()
    assert not people.list(plan_id)[0].attended and view.total.text() == "Có mặt 0/11 — 0%"
    type_and_enter(view, "xyz")
    assert view.said.text() == "Không tìm thấy ai với “xyz”."


def test_down_arrow_chooses_among_matches_and_another_desk_shows(view, listed):
    plan_id, _plan, people = listed
    QTest.keyClicks(view.search, "ph")  # Phạm Thu Hà, Huỳnh Tấn Phát by name; the units "Phường …" after
    names = [view.matches.item(i).text().split("\n")[0] for i in range(view.matches.count())]
    assert names[:2] == ["Phạm Thu Hà", "Huỳnh Tấn Phát"] and "Đặng Minh Khoa" in names
    QTest.keyClick(view.search, Qt.Key.Key_Down)
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    assert view.said.text().startswith("Đã điểm danh: Huỳnh Tấn Phát")
    # Another desk marks somebody: this one shows it at its next look at the version.
    people.check_in(plan_id, people.list(plan_id)[1].code, datetime.now())
    view._watch()
    assert view.total.text() == "Có mặt 2/11 — 18%"


def test_the_tab_opens_it_and_shows_the_attendance_after(qtbot, db, listed):
    plan_id, _plan, _people = listed
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.select_plan(plan_id)
    page = win.editor.attendees
    win.editor.tabs.setCurrentWidget(page)
    assert not page.rows()[0].attended

    def check_in_one(view: CheckinView) -> None:
        type_and_enter(view, "tam")
        view.close_button.click()

    with Clerk(handlers={CheckinView: check_in_one}) as clerk:
        QTest.mouseClick(page.checkin_button, Qt.MouseButton.LeftButton)
    assert clerk.shown == ["CheckinView"]
    assert page.rows()[0].attended and page.rows()[0].attended_at is not None and not page.dirty
    assert "1 có mặt" in page.status.text()


def test_the_menu_without_a_plan_says_so(qtbot, db):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    with Clerk() as clerk:
        win.checkin_action.trigger()
    assert clerk.messages == ["Hãy chọn một kế hoạch trong danh sách trước khi điểm danh.\n"]


def test_an_unsaved_edit_in_the_tab_meets_the_check_ins_never_overwrites_them(qtbot, db, listed):
    """The tab holds an edit not yet saved while a desk checks somebody in:
    its save is refused (version), the conflict dialog opens, and "Gộp"
    keeps both the edit and the attendance."""
    from kehoach_desktop.ui import attendees_tab
    from kehoach_desktop.ui.conflict_dialog import ConflictDialog

    plan_id, _plan, people = listed
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.select_plan(plan_id)
    page = win.editor.attendees
    page.timer.stop()
    page.timer.setInterval(60_000)  # the edit stays unsaved until save_now below
    model = page.model
    assert model.setData(model.index(2, attendees_tab.COL["phone"]), "0912 345 678")
    assert page.dirty
    people.check_in(plan_id, people.ensure_codes(plan_id)[0].code, datetime.now())  # another desk

    with Clerk(handlers={ConflictDialog: lambda dialog: dialog.merge_button.click()}) as clerk:
        assert page.save_now()
    assert clerk.shown == ["ConflictDialog"]
    stored = people.list(plan_id)
    assert stored[0].attended and stored[0].attended_at is not None  # the check-in stays
    assert stored[2].phone == "0912345678"  # and so does the edit


def test_ticked_in_the_tab_is_present_with_the_time_too(qtbot, db, listed):
    plan_id, _plan, people = listed
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.select_plan(plan_id)
    page = win.editor.attendees
    page.table.selectRow(1)
    page.mark_attended(True)
    assert page.save_now()
    came = people.list(plan_id)[1]
    assert came.attended and (datetime.now() - came.attended_at).total_seconds() < 60
    page.mark_attended(False)
    assert page.save_now()
    assert (people.list(plan_id)[1].attended, people.list(plan_id)[1].attended_at) == (False, None)

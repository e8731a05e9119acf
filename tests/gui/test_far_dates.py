"""Dates in a sane range, typed into the window's date boxes (ui/date_field.py)
as a clerk types them: a year after 2100 or before 1945 is refused like a
day that does not exist; a date more than five years from today is asked
about in a real message box (answered by tests/dialog_helpers.Clerk), and
"Không" puts the old date back. Nothing is stored that was not confirmed."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.date_field import DateField
from kehoach_desktop.ui.editor import plan_editor

STORED = date(2022, 12, 23)  # example 000's date


@pytest.fixture
def window(qtbot, db, monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    plan_id = PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan_id == plan_id)
    yield win, plan_id
    win.close()


def seven_years_ahead() -> date:
    today = date.today()
    return date(today.year + 7, today.month, min(today.day, 28))


def type_date(box, typed: str) -> None:
    QTest.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, typed)
    QTest.keyClick(box, Qt.Key.Key_Return)


def stored_date(db, plan_id):
    return PlanStore(db).get(plan_id).plan_date


def test_a_far_plan_date_answered_no_puts_the_old_date_back(window, qtbot, db):
    win, plan_id = window
    box = win.editor.page("general").date_edit
    win.editor.go_to_field("plan_date")
    ahead = seven_years_ahead()
    with Clerk() as clerk:  # Escape: "Không"
        type_date(box, ahead.strftime("%d/%m/%Y"))
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
        qtbot.waitUntil(lambda: box.date() == QDate(STORED))
    assert clerk.boxes == [("Xác nhận ngày",
                            f"Ngày {ahead.strftime('%d/%m/%Y')} cách hôm nay hơn 5 năm; có đúng không?")]
    win.editor.save_now()
    assert stored_date(db, plan_id) == STORED
    assert "ngày 23 tháng 12 năm 2022" in win.editor.page("general").date_words.text()


def test_a_far_plan_date_answered_yes_is_kept_and_saved(window, qtbot, db):
    win, plan_id = window
    box = win.editor.page("general").date_edit
    ahead = seven_years_ahead()
    with Clerk(yes=True) as clerk:
        type_date(box, ahead.strftime("%d/%m/%Y"))
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
        qtbot.waitUntil(lambda: stored_date(db, plan_id) == ahead, timeout=5000)
    assert box.date() == QDate(ahead) and len(clerk.boxes) == 1


def test_a_date_within_five_years_is_not_asked_about(window, qtbot, db):
    win, plan_id = window
    box = win.editor.page("general").date_edit
    near = date(date.today().year + 4, 1, 15)
    with Clerk() as clerk:
        type_date(box, near.strftime("%d/%m/%Y"))
        qtbot.waitUntil(lambda: stored_date(db, plan_id) == near, timeout=5000)
        qtbot.wait(200)
    assert clerk.boxes == [] and clerk.shown == []


@pytest.mark.parametrize("typed", ["31/12/9999", "01/01/2101", "31/12/1944"])
def test_a_year_out_of_range_is_refused_like_a_day_that_does_not_exist(window, qtbot, db, typed):
    win, plan_id = window
    box = win.editor.page("general").date_edit
    with Clerk() as clerk:
        type_date(box, typed)
        qtbot.wait(200)
    assert clerk.shown == []  # refused at once, nothing asked
    assert box.lineEdit().text() == typed and box.date() == QDate(STORED)
    year = typed[-4:]
    assert box.toolTip() == f"“{typed}”: năm {year} nằm ngoài khoảng 1945–2100; ngày vẫn là 23/12/2022."
    win.editor.save_now()
    assert stored_date(db, plan_id) == STORED


def test_a_far_event_date_is_asked_about_too(window, qtbot, db):
    win, plan_id = window
    win.editor.go_to_field("sections[1].content.event_date")
    editor = win.editor.section_pages[1].editor
    box = editor.event_date
    assert isinstance(box, DateField) and box.confirm_far
    ahead = seven_years_ahead()
    with Clerk() as clerk:
        type_date(box, ahead.strftime("%d/%m/%Y"))
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
        qtbot.waitUntil(lambda: box.date() == QDate(2023, 1, 31))
    win.editor.save_now()
    assert PlanStore(db).get(plan_id).sections[1].content.event_date == date(2023, 1, 31)


def test_a_far_day_picked_on_the_calendar_is_asked_about(qtbot):
    form = QWidget()
    layout = QVBoxLayout(form)
    box = DateField(form, confirm_far=True)
    layout.addWidget(box)
    layout.addWidget(QLineEdit(form))
    qtbot.addWidget(form)
    form.show()
    box.setDate(QDate.currentDate())
    ahead = seven_years_ahead()
    with Clerk() as clerk:
        QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2))  # ▾
        calendar = box.calendarWidget()
        qtbot.waitUntil(calendar.isVisible)
        calendar.setSelectedDate(QDate(ahead))  # as paging through the months and years does
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the day chosen
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
        qtbot.waitUntil(lambda: box.date() == QDate.currentDate())
    form.close()


def test_other_date_boxes_do_not_ask(qtbot):
    """The office's term start is no issue or event date: not asked about."""
    form = QWidget()
    box = DateField(form)
    qtbot.addWidget(form)
    form.show()
    ahead = seven_years_ahead()
    with Clerk() as clerk:
        type_date(box, ahead.strftime("%d/%m/%Y"))
        qtbot.wait(200)
    assert clerk.shown == [] and box.date() == QDate(ahead)


def test_a_date_stored_before_the_check_is_shown_as_it_is(qtbot):
    """A 9999 stored by an older version is shown, not brought silently
    into the range: the checker names it and the store refuses to save it
    until the clerk corrects it."""
    form = QWidget()
    box = DateField(form, confirm_far=True)
    qtbot.addWidget(form)
    box.setDate(QDate(9999, 12, 31))
    assert box.date() == QDate(9999, 12, 31) and box.lineEdit().text() == "31/12/9999"

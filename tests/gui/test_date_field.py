"""Dates and times typed whole into the date and time boxes (ui/date_field.py): Qt's own
QDateEdit turned "23/12/2022" typed after a click into 06/12/3122, without a
word. Typed as a clerk types, keys only."""
from datetime import date, timedelta

import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from typing_helpers import type_text

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.date_field import DateField, TimeField
from kehoach_desktop.ui.editor import plan_editor


def form_with(qtbot, box_class, set_value):
    """A box of ``box_class`` given its value, and a field to leave it for;
    the form stays alive while the test runs."""
    form = QWidget()
    layout = QVBoxLayout(form)
    field, other = box_class(form), QLineEdit(form)
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(form)
    form.show()
    set_value(field)
    field.setFocus()
    return form, field, other


@pytest.fixture
def boxes(qtbot):
    """A date box set to 06/12/2026 and a field to leave it for."""
    form, field, other = form_with(qtbot, DateField, lambda box: box.setDate(QDate(2026, 12, 6)))
    yield field, other
    form.close()


@pytest.mark.parametrize("start", ["select all", "click", "home", "as focused"])
@pytest.mark.parametrize("typed", ["23/12/2022", "23.12.2022", "23-12-2022", "23122022"])
def test_a_date_typed_whole_is_that_date(boxes, start, typed):
    field, _other = boxes
    if start == "select all":
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    elif start == "click":
        QTest.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
    elif start == "home":
        QTest.keyClick(field, Qt.Key.Key_Home)
    QTest.keyClicks(field, typed)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == QDate(2022, 12, 23)
    assert field.lineEdit().text() == "23/12/2022" and not field.toolTip()


def test_a_short_day_and_month_and_leaving_by_tab(boxes):
    field, other = boxes
    QTest.keyClicks(field, "2/3/2023")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.date() == QDate(2023, 3, 2) and other.hasFocus()


def test_no_such_day_stays_shown_marked_and_the_date_unchanged(boxes, qtbot):
    field, other = boxes
    changed = []
    field.dateChanged.connect(changed.append)
    QTest.keyClicks(field, "31/02/2023")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.lineEdit().text() == "31/02/2023"  # not "fixed" into 28/02/2023
    assert field.date() == QDate(2026, 12, 6) and changed == []
    assert "31/02/2023" in field.toolTip() and "06/12/2026" in field.toolTip()
    assert "b00020" in field.styleSheet()
    other.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.lineEdit().text() == "31/02/2023" and field.date() == QDate(2026, 12, 6)

    field.setFocus()  # corrected
    QTest.keyClicks(field, "28/02/2023")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.date() == QDate(2023, 2, 28) and field.lineEdit().text() == "28/02/2023"
    assert not field.toolTip() and not field.styleSheet()


def test_backspace_escape_and_the_arrows(boxes):
    field, _other = boxes
    QTest.keyClicks(field, "23/12/20229")
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == QDate(2022, 12, 23)
    QTest.keyClicks(field, "01/01/19")
    QTest.keyClick(field, Qt.Key.Key_Escape)  # typing given up: the date stays
    assert field.date() == QDate(2022, 12, 23) and field.lineEdit().text() == "23/12/2022"
    QTest.keyClick(field, Qt.Key.Key_Home)
    QTest.keyClick(field, Qt.Key.Key_Up)  # Qt's section editing: the day goes up
    assert field.date() == QDate(2022, 12, 24)


def test_the_plan_date_typed_in_the_window_is_saved(qtbot, db, monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    plan_id = PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan_id == plan_id)
    box = win.editor.page("general").date_edit
    assert isinstance(box, DateField)
    win.editor.go_to_field("plan_date")
    QTest.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    # the last Sunday before today: near enough never to ask "more than 5 years away?"
    sunday = date.today() - timedelta(days=date.today().weekday() + 1)
    QTest.keyClicks(box, sunday.strftime("%d/%m/%Y"))
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: PlanStore(db).get(plan_id).plan_date == sunday)
    assert sunday.strftime("Chủ nhật, ngày %d tháng %m năm %Y") in win.editor.page("general").date_words.text()
    win.close()


@pytest.fixture
def time_boxes(qtbot):
    """A time box set to 07:00 and a field to leave it for."""
    form, field, other = form_with(qtbot, TimeField, lambda box: box.setTime(QTime(7, 0)))
    yield field, other
    form.close()


@pytest.mark.parametrize(("typed", "hhmm"), [("08g00", "08:00"), ("8g", "08:00"), ("08h00", "08:00"),
                                              ("8 giờ 30", "08:30"), ("8 giờ 30 phút", "08:30"),
                                              ("08:00", "08:00"), ("8:15", "08:15"), ("0800", "08:00")])
def test_a_time_typed_in_any_style_the_plans_print(time_boxes, typed, hhmm):
    field, _other = time_boxes
    QTest.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
    type_text(field, typed)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.time().toString("HH:mm") == hhmm and field.lineEdit().text() == hhmm


def test_no_such_time_stays_shown_marked(time_boxes, qtbot):
    field, other = time_boxes
    type_text(field, "25g00")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.lineEdit().text() == "25g00" and field.time() == QTime(7, 0)
    assert "25g00" in field.toolTip() and "07:00" in field.toolTip()
    other.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.lineEdit().text() == "25g00"
    field.setFocus()
    type_text(field, "9g30")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.time() == QTime(9, 30) and not field.toolTip() and other.hasFocus()

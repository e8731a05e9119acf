"""Lịch công tác (ui/calendar_window.py), opened for real from the main
window's menu on a real SQLite file holding the five example plans: the
month of January 2023 with example 000's conference on 31/01 at 08:00, the
lunar dates, Tết and 26/3 marked; the week view; the filters by status and
by body; Enter and a double click opening the plan at the item's field; the
office's own anniversary added in its real dialog and still there in a new
window on the same database; the month printed to PDF and read back."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.database import open_database
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.calendar_anniversaries import AnniversariesDialog
from kehoach_desktop.ui.calendar_window import CalendarWindow, DayCell

TITLE_000 = "Tổ chức Hội nghị sơ kết chương trình phối hợp"


@pytest.fixture
def ids(store) -> list[int]:
    plans = [kehoach_json.read_file(path) for path in FIXTURE_FILES]
    plans[3].status = "draft"  # example 003 (March–April 2020) still a draft
    return [store.add(plan) for plan in plans]


@pytest.fixture
def window(qtbot, db, ids):
    win = create_window(db)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    return win


def open_calendar(window, qtbot, day: date) -> CalendarWindow:
    window.calendar_action.trigger()
    calendar = window.calendar_window
    qtbot.waitUntil(calendar.isVisible)
    calendar.go_to(day)
    calendar.activateWindow()  # its keys (Page Up, Page Down, Ctrl+Home) are the window's shortcuts
    qtbot.waitUntil(calendar.isActiveWindow)
    return calendar


def cell(calendar: CalendarWindow, day: date) -> DayCell:
    found = calendar.cell_of(day)
    assert found is not None, day
    return found


def texts(found: DayCell) -> list[str]:
    return [found.items.item(i).text() for i in range(found.items.count())]


def test_january_2023_shows_the_conference_lunar_dates_and_marked_days(window, qtbot):
    assert window.calendar_action.text() == "&Lịch công tác"
    calendar = open_calendar(window, qtbot, date(2023, 1, 10))
    assert calendar.windowTitle() == "Lịch công tác" and calendar.title.text() == "Tháng 1 năm 2023"
    conference = cell(calendar, date(2023, 1, 31))
    # The conference and its programme's two slots (the programme is in another section: the plan's one event's day).
    assert [text[:5] for text in texts(conference)] == ["07:00", "08:00", "08:00"]
    assert texts(conference)[1].startswith(f"08:00 {TITLE_000}") and texts(conference)[2] == "08:00 Diễn ra hội nghị"
    assert "ÂL 10/1" in conference.header.text()
    assert conference.header.toolTip() == "Mùng 10 Tết Quý Mão"
    tooltip = conference.items.item(1).toolTip()
    assert "08:00, 31/1/2023" in tooltip and "Thời gian tổ chức, Mục II" in tooltip
    tet = cell(calendar, date(2023, 1, 22))
    assert tet.day.day_off and "Tết Nguyên đán" in tet.marks.text() and "ÂL 1/1" in tet.header.text()
    assert "Ngày truyền thống học sinh – sinh viên" in cell(calendar, date(2023, 1, 9)).marks.text()
    assert not cell(calendar, date(2023, 1, 9)).day.day_off
    assert not cell(calendar, date(2023, 2, 3)).day.in_month  # the last week's days of February
    assert "3 mục trong tháng" in calendar.hint.text()
    QTest.keyClick(calendar, Qt.Key.Key_PageDown)
    QTest.keyClick(calendar, Qt.Key.Key_PageDown)
    assert calendar.title.text() == "Tháng 3 năm 2023"
    youth_union = cell(calendar, date(2023, 3, 26))
    assert "Ngày thành lập Đoàn TNCS Hồ Chí Minh" in youth_union.marks.text()
    assert not youth_union.day.day_off
    QTest.keyClick(calendar, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    today = date.today()
    assert calendar.title.text() == f"Tháng {today.month} năm {today.year}"


def test_the_week_view(window, qtbot):
    calendar = open_calendar(window, qtbot, date(2020, 4, 8))
    calendar.week_button.click()
    assert calendar.title.text() == "Tuần từ 30/3 đến 5/4/2020"  # the month's first week
    calendar.go_to(date(2020, 4, 8))
    assert calendar.title.text() == "Tuần từ 6/4 đến 12/4/2020"
    assert sum(c.isVisible() for c in calendar.cells) == 7
    saturday = cell(calendar, date(2020, 4, 11))
    assert "Ngày 19 tháng 3 năm Canh Tý (âm lịch)" in saturday.header.text()
    shown = texts(saturday)
    assert shown[0].startswith("Tổ chức Hội nghị sơ kết giữa nhiệm kỳ") and "\n(" not in shown[0]  # the event: the title
    assert shown[-1].startswith("tổ chức Hội nghị.\n(Tổ chức Hội nghị sơ kết")  # a step: its plan under it
    assert all(texts(cell(calendar, date(2020, 4, d)))[0].startswith("công tác hậu cần") for d in range(6, 11))
    assert not calendar.print_button.isEnabled()  # a month prints, not a week
    QTest.keyClick(calendar, Qt.Key.Key_PageDown)
    assert calendar.title.text() == "Tuần từ 13/4 đến 19/4/2020"
    assert texts(cell(calendar, date(2020, 4, 13)))[0].startswith("hoàn chỉnh báo cáo")
    calendar.month_button.click()
    assert calendar.title.text() == "Tháng 4 năm 2020" and sum(c.isVisible() for c in calendar.cells) == 42


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_filters_by_status_and_by_body(window, qtbot):
    calendar = open_calendar(window, qtbot, date(2020, 4, 1))
    assert texts(cell(calendar, date(2020, 4, 11)))
    choose(calendar.status_filter, "Đã ban hành")
    assert texts(cell(calendar, date(2020, 4, 11))) == []  # example 003 is a draft
    calendar.go_to(date(2023, 1, 1))
    assert len(texts(cell(calendar, date(2023, 1, 31)))) == 3
    choose(calendar.status_filter, "Dự thảo")
    assert texts(cell(calendar, date(2023, 1, 31))) == []
    choose(calendar.status_filter, "Mọi trạng thái")
    choose(calendar.body_filter, "BCH ĐOÀN QUẬN 12")
    assert texts(cell(calendar, date(2023, 1, 31))) == []
    calendar.go_to(date(2022, 8, 1))
    assert len(texts(cell(calendar, date(2022, 8, 26)))) == 7  # the event and its programme's six slots
    assert "BCH ĐOÀN QUẬN 12" in calendar.filter_words()


def test_enter_and_a_double_click_open_the_plan_at_the_field(window, qtbot, ids):
    window.select_plan(ids[4])
    calendar = open_calendar(window, qtbot, date(2023, 1, 1))
    conference = cell(calendar, date(2023, 1, 31)).items
    conference.setFocus()
    conference.setCurrentRow(1)  # the conference, between its programme's slots
    QTest.keyClick(conference, Qt.Key.Key_Return)
    assert calendar.hint.text().startswith(f"{TITLE_000}") and "08:00, 31/1/2023" in calendar.hint.text()
    assert window.current_plan_id() == ids[0] and window.editor.plan_id == ids[0]
    assert window.editor.tabs.currentWidget() is window.editor.section_pages[1]
    calendar.go_to(date(2020, 2, 1))
    tasks = cell(calendar, date(2020, 2, 25)).items
    row = next(i for i in range(tasks.count()) if tasks.item(i).text().startswith("17:00 Văn phòng"))
    tasks.scrollToItem(tasks.item(row))
    rect = tasks.visualItemRect(tasks.item(row))
    at = QPoint(rect.left() + 20, rect.center().y())  # on its text's beginning, in the day's width
    assert tasks.viewport().rect().contains(at), (rect, tasks.viewport().rect())
    for click in (QTest.mouseClick, QTest.mouseDClick):  # what a mouse sends: press, release, then the double
        click(tasks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert window.current_plan_id() == ids[3]
    assert window.editor.tabs.currentWidget() is window.editor.section_pages[3]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.section_pages[3].editor
                    or window.editor.section_pages[3].editor.isAncestorOf(QApplication.focusWidget()))


def add_anniversary(dialog: AnniversariesDialog) -> None:
    dialog.add_button.click()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, 0).setText("12/1")
    dialog.table.item(row, 1).setText("Ngày thành lập Đoàn Khối")
    dialog.accept()


def test_the_office_anniversary_is_added_and_survives_a_restart(window, qtbot, db_target):
    calendar = open_calendar(window, qtbot, date(2023, 1, 1))
    assert cell(calendar, date(2023, 1, 12)).marks.text() == ""
    with Clerk(handlers={AnniversariesDialog: add_anniversary}) as clerk:
        calendar.days_button.click()
    assert clerk.shown == ["AnniversariesDialog"] and clerk.messages == []
    assert "Ngày thành lập Đoàn Khối" in cell(calendar, date(2023, 1, 12)).marks.text()
    window.close()
    again = open_database(db_target)  # the program started again on the same file
    try:
        second = create_window(again)
        qtbot.addWidget(second)
        second.show()
        calendar = open_calendar(second, qtbot, date(2024, 1, 1))
        assert "Ngày thành lập Đoàn Khối" in cell(calendar, date(2024, 1, 12)).marks.text()
        second.close()
    finally:
        again.close()


def test_a_wrong_day_is_refused_with_a_message(window, qtbot):
    calendar = open_calendar(window, qtbot, date(2023, 1, 1))

    def wrong(dialog: AnniversariesDialog) -> None:
        dialog.add_row("31/2", "Không có ngày này")
        dialog.accept()  # refused: a message, the dialog stays open (then Escape)

    with Clerk(handlers={AnniversariesDialog: wrong}) as clerk:
        calendar.days_button.click()
    assert clerk.shown[:2] == ["AnniversariesDialog", "QMessageBox"] and "không hợp lệ" in clerk.messages[0]
    assert calendar.office_days.get() == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_month_printed_as_pdf(window, qtbot, tmp_path):
    calendar = open_calendar(window, qtbot, date(2023, 1, 1))
    (tmp_path / "in").mkdir()
    target = tmp_path / "in" / "lich-thang-1.pdf"
    with Clerk(target) as clerk:
        calendar.print_button.click()
    assert clerk.shown == ["QFileDialog"] and clerk.suggested[0][1] == "lich-cong-tac-2023-01.pdf"
    assert target.read_bytes().startswith(b"%PDF") and [p.name for p in target.parent.iterdir()] == [target.name]
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info) and "842 x 595 pts (A4)" in info  # landscape
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("LỊCH CÔNG TÁC THÁNG 1 NĂM 2023", "Mọi trạng thái – Mọi cơ quan", "Thứ Hai", "Chủ nhật",
                     "08:00 Tổ chức Hội nghị", "Tết Nguyên đán", "Tết Dương lịch", "ÂL 10/1", "ÂL 1/1"):
        assert expected in text, expected
    assert f"Đã ghi lịch tháng vào {target}" == calendar.hint.text()

"""Tệp → Tạo kế hoạch năm sau…: the real dialog, opened by the menu action
and driven by a timer with the keyboard and the mouse; the copy read back
from the SQLite database."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import DocumentNumber, Plan, Section
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.next_year_dialog import NEW, PLACE, NextYearDialog

TYPED = "Họp trù bị thứ Hai, ngày 30/01/2023."


@pytest.fixture
def ids(db):
    store = PlanStore(db)
    conference = Plan(title="Hội nghị tổng kết năm 2022", number=DocumentNumber(7), plan_date=date(2023, 1, 5),
                      status="issued", sections=[
                          Section("THỜI GIAN", c.TimePlace(event_date=date(2023, 1, 31))),
                          Section("NỘI DUNG", c.FreeContent([c.Paragraph(TYPED)])),
                          Section("PHÂN CÔNG", c.Assignments([c.UnitAssignment("Văn phòng", [
                              c.Task("Gửi giấy mời", deadline_date=date(2023, 2, 13))])]))])
    return store.add(kehoach_json.read_file(FIXTURE_FILES[0])), store.add(conference)


@pytest.fixture
def window(qtbot, db, ids):
    win = create_window(db)
    qtbot.addWidget(win)
    return win


def test_the_menu_action_opens_the_dialog_for_the_selected_plan(window, ids):
    seen = []

    def look(dialog):
        seen.append((dialog.source.title_one_line, dialog.table.rowCount(), dialog.windowTitle()))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    for plan_id in ids:
        window.select_plan(plan_id)
        with Clerk(handlers={NextYearDialog: look}) as clerk:
            window.new_plan_actions.next_year_action.trigger()
        assert clerk.shown == ["NextYearDialog"]
    assert seen[0][0].startswith("Tổ chức Hội nghị sơ kết") and seen[0][1] == 19
    assert seen[1] == ("Hội nghị tổng kết năm 2022", 4, "Tạo kế hoạch năm sau")
    assert window.model.rowCount() == 2  # cancelled: nothing added
    assert "Tạo kế &hoạch năm sau…" in [a.text() for a in window.menuBar().actions()[0].menu().actions()]


def test_the_copy_holds_exactly_the_proposals_accepted(window, ids, db):
    window.select_plan(ids[1])
    rows = {}

    def drive(dialog):
        table = dialog.table
        for row, proposal in enumerate(dialog.proposals):
            rows[proposal.place] = row
        checks = {p.place: table.item(r, PLACE).checkState() for r, p in enumerate(dialog.proposals)}
        rows["checks"] = checks
        # The keyboard: to the title's "năm 2022" row, Space unticks it.
        table.setFocus()
        table.setCurrentCell(0, PLACE)
        for _ in range(rows["trích yếu"]):
            QTest.keyClick(table, Qt.Key.Key_Down)
        QTest.keyClick(table, Qt.Key.Key_Space)
        # Up or down to the deadline on Tết (flagged, so not ticked): Space ticks it.
        steps = rows["Mục III, đơn vị 1, nhiệm vụ 1: hạn"] - rows["trích yếu"]
        for _ in range(abs(steps)):
            QTest.keyClick(table, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
        QTest.keyClick(table, Qt.Key.Key_Space)
        # The mouse: into the event's date box, a date typed whole (29/01/2024).
        box = table.cellWidget(rows["Mục I: ngày tổ chức"], NEW)
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(box, "29/01/2024")
        rows["words"] = table.item(rows["Mục I: ngày tổ chức"], 3).text()
        QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    with Clerk(handlers={NextYearDialog: drive}):
        window.new_plan_actions.next_year_action.trigger()
    assert rows["checks"] == {"Mục I: ngày tổ chức": Qt.CheckState.Checked, "trích yếu": Qt.CheckState.Checked,
                              "Mục II: nội dung": Qt.CheckState.Unchecked,
                              "Mục III, đơn vị 1, nhiệm vụ 1: hạn": Qt.CheckState.Unchecked}
    assert rows["words"] == "thứ Hai; 19 tháng Chạp năm Quý Mão"
    new_id = window.current_plan_id()
    assert new_id not in ids  # the copy is selected in the list
    copy = PlanStore(db).get(new_id)
    assert (copy.number.value, copy.plan_date, copy.status) == (None, None, "draft")
    assert copy.title == "Hội nghị tổng kết năm 2022"  # unticked
    assert copy.sections[0].content.event_date == date(2024, 1, 29)  # the clerk's own date
    assert copy.sections[1].content.blocks[0].text == TYPED  # flagged, left unticked
    assert copy.sections[2].content.units[0].tasks[0].deadline_date == date(2024, 2, 12)  # ticked, on Tết
    assert PlanStore(db).get(ids[1]).sections[0].content.event_date == date(2023, 1, 31)


def test_more_years_redo_the_list(qtbot, ids, db):
    dialog = NextYearDialog(PlanStore(db).get(ids[1]))
    qtbot.addWidget(dialog)
    dialog.years.setValue(2)
    box = dialog.table.cellWidget(0, NEW)
    assert box.date().toPython() == date(2025, 1, 28)
    assert "Tết Nguyên đán" in dialog.table.item(0, 4).text()
    assert dialog.table.item(0, PLACE).checkState() == Qt.CheckState.Unchecked  # flagged: the clerk decides

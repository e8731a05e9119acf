"""The report of "Nhập kế hoạch có sẵn" (ui/import_report_dialog.py),
opened for real by the window's action on a real file, its file dialog
answered by a timer (tests/dialog_helpers.py): the file's lines beside
where each went, those found nowhere marked, the filter, and a double
click opening the new plan at the line's page."""
from __future__ import annotations

import gc

import pytest
from conftest import FIXTURE_FILES, example_text
from dialog_helpers import Clerk
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kehoach_desktop.formats.plan_import import ImportReport
from kehoach_desktop.formats.plan_import.placements import DROPPED, UNPLACED, placements
from kehoach_desktop.formats.plan_import.source import read_source
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.import_report_dialog import UNPLACED_BACKGROUND, UNPLACED_MARK, ImportReportDialog, PlacementsModel

# Example 000 as given (tests/fixtures/plans), and after its signature a
# line a web page adds: the importer keeps it after the closing, so every
# line has its place. The report of a loss is shown on the same import with
# that line taken out of the plan afterwards (lossy_report): the importer
# loses nothing the tests know of.
PLAN = example_text(FIXTURE_FILES[0])
LOST = "Nguồn: trang tin điện tử của Đoàn trường, cập nhật lúc 08:15"


@pytest.fixture
def window(qtbot, db):
    win = create_window(db)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    return win


def imported(window, qtbot, tmp_path) -> ImportReportDialog:
    source = tmp_path / "ke-hoach-truong.txt"
    source.write_text(PLAN.read_text(encoding="utf-8") + f"\n\n{LOST}\n", encoding="utf-8")
    with Clerk(source) as clerk:  # the real file dialog, the name typed
        window.document_actions.import_existing_action.trigger()
    assert clerk.shown[0] == "QFileDialog" and clerk.messages == []
    dialog = window.document_actions.last_report_box
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def lossy_report(window, dialog, tmp_path) -> ImportReportDialog:
    """The report of the same import had the plan lost the web page's line:
    the placements of the file's lines against the stored plan without it,
    in a report dialog opened over the window as the import opens its own."""
    plan = window.store.get(dialog.plan_id)
    assert plan.closing.endswith(LOST)  # kept by the import, after the closing
    plan.closing = plan.closing.removesuffix(LOST).rstrip("\n")
    lines, _removed = read_source(tmp_path / "ke-hoach-truong.txt", keep_spaces=True)
    report = ImportReport(dialog.report.found, dialog.report.guessed, dialog.report.kept_as_text,
                          placements(lines, plan))
    lossy = ImportReportDialog(window, dialog.plan_id, "ke-hoach-truong.txt", report)
    lossy.show()
    return lossy


def test_every_line_of_the_import_has_its_place(window, qtbot, tmp_path):
    dialog = imported(window, qtbot, tmp_path)
    assert not [p for p in dialog.report.placements if p.status == UNPLACED]
    assert dialog.count.text() == "Mọi dòng đều đã có chỗ" and not dialog.only_unplaced.isEnabled()
    dialog.close()


def test_the_report_shows_each_line_beside_where_it_went(window, qtbot, tmp_path):
    dialog = lossy_report(window, imported(window, qtbot, tmp_path), tmp_path)
    assert isinstance(dialog, ImportReportDialog) and not dialog.isModal()
    # nothing selected (the selection's colour would hide the red); the button follows the current line
    assert not dialog.table.selectionModel().hasSelection()
    assert dialog.open_button.isEnabled() == dialog.table.currentIndex().isValid()
    assert window.model.rowCount() == 1 and dialog.plan_id == window.current_plan_id()
    found = dialog.report.placements
    model = dialog.model
    assert model.rowCount() == len(found) > 80
    lines = [line for line in PLAN.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert [model.index(r, PlacementsModel.COL_NUMBER).data() for r in range(3)] == \
        [str(p.number) for p in found[:3]]
    assert model.index(0, PlacementsModel.COL_TEXT).data() == " ".join(lines[0].split())
    where = [model.index(r, PlacementsModel.COL_WHERE).data() for r in range(model.rowCount())]
    assert "Trích yếu (tên kế hoạch)" in where and any(w.startswith("Mục I. ") for w in where)
    lost = [r for r, p in enumerate(found) if p.status == UNPLACED]
    assert [found[r].text for r in lost] == [LOST]
    row = lost[0]
    # marked by colour and by words, the rest not
    assert model.index(row, PlacementsModel.COL_WHERE).data().startswith(UNPLACED_MARK + "Không đặt được")
    assert model.index(row, PlacementsModel.COL_TEXT).data(Qt.ItemDataRole.BackgroundRole).color() == \
        UNPLACED_BACKGROUND
    assert model.index(row, PlacementsModel.COL_WHERE).data(Qt.ItemDataRole.DecorationRole) is not None
    placed = next(r for r, p in enumerate(found) if p.status not in (UNPLACED, DROPPED))
    assert model.index(placed, PlacementsModel.COL_TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not model.index(placed, PlacementsModel.COL_WHERE).data().startswith(UNPLACED_MARK)
    assert dialog.count.text() == "1 dòng chưa đặt được"
    assert "Đã nhận ra" in dialog.notes.toPlainText()  # the importer's notes, in their tab
    # the filter: only the line found nowhere, then all again
    dialog.only_unplaced.click()
    assert [p.text for p in dialog.visible_rows()] == [LOST]
    dialog.only_unplaced.click()
    assert len(dialog.visible_rows()) == len(found)
    # fits a 1366×768 laptop
    area = dialog.screen().availableGeometry()
    assert dialog.width() <= area.width() and dialog.height() <= min(area.height(), 768)
    # the line found nowhere opens where the line before it went
    lost = next(p for p in found if p.status == UNPLACED)
    assert dialog.target_path(lost) == next(p.path for p in reversed(found[:found.index(lost)]) if p.path)
    dialog.close()


def test_a_double_click_opens_the_plan_at_the_line(window, qtbot, tmp_path):
    dialog = imported(window, qtbot, tmp_path)
    found = dialog.report.placements
    row = next(r for r, p in enumerate(found) if p.path == "sections[1].content")
    view = dialog.table
    view.scrollTo(dialog.filter.index(row, 0))
    cell = view.visualRect(dialog.filter.index(row, PlacementsModel.COL_TEXT)).center()
    for click in (QTest.mouseClick, QTest.mouseDClick):  # what a mouse sends: press, release, then the double
        click(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.tabs.currentWidget() is editor.section_pages[1])
    # Enter on a header line opens the general page at that field
    title = next(r for r, p in enumerate(found) if p.path == "title")
    view.setCurrentIndex(dialog.filter.index(title, 0))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.tabs.currentWidget() is editor.page("general"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.page("general").title_edit)  # ready to type
    assert dialog.isVisible()  # Enter opened the line; it did not close the report
    # the button does the same for the line chosen, and only while the lines are shown
    assert dialog.open_button.isEnabled()
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.open_button.isEnabled()
    dialog.tabs.setCurrentIndex(0)
    view.setCurrentIndex(dialog.filter.index(row, 0))
    dialog.open_button.click()
    qtbot.waitUntil(lambda: editor.tabs.currentWidget() is editor.section_pages[1])
    dialog.close()


def test_the_report_closed_and_the_plan_gone_leave_nothing_behind(window, qtbot, tmp_path):
    dialog = imported(window, qtbot, tmp_path)
    plan_id = dialog.plan_id
    window.store.delete(plan_id)  # another program, or the clerk, deletes the new plan
    window.reload()
    dialog._open(dialog.filter.index(0, 0))
    assert "không còn" in dialog.hint.text()
    gc.disable()  # deleted by its closing (WA_DeleteOnClose), not by a collection at some moment
    try:
        dialog.close()
        qtbot.wait(20)  # back in an event loop: the deferred deletion runs
        assert not window.findChildren(ImportReportDialog)
    finally:
        gc.enable()
    window.reload()  # the window goes on without it; a new import opens a new report
    second = imported(window, qtbot, tmp_path)
    assert second is not dialog and second.isVisible()
    again = imported(window, qtbot, tmp_path)  # the previous one closes: one report at a time
    qtbot.waitUntil(lambda: len(window.findChildren(ImportReportDialog)) == 1)
    again.close()

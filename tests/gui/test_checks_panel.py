"""The format checker in the window: F7 checks the open plan (its unsaved
edits too), the panel lists findings, a click goes to the field."""
import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.checks_panel import FindingsModel, place_label


@pytest.fixture
def window(qtbot, db):
    """Example 000 ("tham luậm" in Mục IV) with two spaces typed in its closing."""
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.closing = plan.closing.replace("Trên đây là", "Trên đây  là")
    PlanStore(db).add(plan)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan is not None)
    return win


def rows(win):
    model = win.checks.panel.model
    return [(model.index(r, FindingsModel.COL_SEVERITY).data(), model.index(r, FindingsModel.COL_MESSAGE).data(),
             model.index(r, FindingsModel.COL_PLACE).data()) for r in range(model.rowCount())]


def click(qtbot, win, text):
    model, table = win.checks.panel.model, win.checks.panel.table
    row = next(r for r in range(model.rowCount()) if text in model.index(r, FindingsModel.COL_MESSAGE).data())
    rect = table.visualRect(model.index(row, FindingsModel.COL_MESSAGE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_f7_lists_the_findings_of_the_open_plan(window, qtbot):
    assert not window.checks.dock.isVisible()
    assert window.checks.check_action.shortcut().toString() == "F7"
    window.checks.check_action.trigger()
    assert window.checks.dock.isVisible()
    found = rows(window)
    assert ("Cảnh báo", "Hai khoảng trắng liền nhau — “Trên đây  là Kế hoạch tổ”", "Câu kết") in found
    assert any("luậm" in message and place == "Mục IV" for _s, message, place in found)
    assert "0 lỗi, 2 cảnh báo" in window.checks.panel.summary.text()


def test_a_click_goes_to_the_field(window, qtbot):
    window.checks.check_action.trigger()
    click(qtbot, window, "Hai khoảng trắng")
    closing_page = window.editor.page("closing")
    assert window.editor.tabs.currentWidget() is closing_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is closing_page.closing)
    click(qtbot, window, "luậm")
    assert window.editor.tabs.currentWidget() is window.editor.section_pages[3]


def test_unsaved_edits_are_checked_and_a_finding_leads_to_its_field(window, qtbot):
    general = window.editor.page("general")
    general.title_edit.selectAll()
    qtbot.keyClick(general.title_edit, Qt.Key.Key_Delete)  # typed, not yet saved
    window.checks.check_action.trigger()
    assert any(severity == "Lỗi" and "trích yếu" in message for severity, message, _p in rows(window))
    click(qtbot, window, "trích yếu")
    assert window.editor.tabs.currentWidget() is general
    qtbot.waitUntil(lambda: QApplication.focusWidget() is general.title_edit)


def test_place_labels():
    assert place_label("sections[2].content.groups[0].entries[1].text") == "Mục III"
    assert place_label("signatures[1].name") == "Chữ ký 2" and place_label("recipients[0]") == "Nơi nhận"
    assert place_label("appendices[1].content.rows[2][1]") == "Phụ lục II"
    assert place_label("no_such_field") == ""  # never a field's English name


def test_f7_checks_the_number_against_the_office_s_own_code(window, qtbot):
    """As the command line and the issue dialog do: a plan numbered for the
    Youth Union ("KH/ĐTN"), checked in a Party office ("ĐU"), is flagged."""
    from kehoach_desktop.core.office import OfficeProfile
    from kehoach_desktop.store.office import OfficeStore

    OfficeStore(window.db).save(OfficeProfile(issuer_code="ĐU"))
    window.checks.check_action.trigger()
    assert any("“ĐU”" in message for _s, message, _p in rows(window))
    OfficeStore(window.db).save(OfficeProfile(issuer_code="ĐTN"), expected_version=None)
    window.checks.check_action.trigger()
    assert not any("ký hiệu của đơn vị mình" in message for _s, message, _p in rows(window))

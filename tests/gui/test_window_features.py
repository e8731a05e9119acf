"""The window's toolbar, filters, undo/redo across fields, Ctrl+S and what it
remembers between sessions."""
from datetime import date

import pytest
from dialog_helpers import Clerk
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from typing_helpers import type_text

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor
from kehoach_desktop.ui.list_model import ID_ROLE


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    monkeypatch.setattr(plan_editor, "SNAPSHOT_MS", 20)


@pytest.fixture
def plans(db):
    store = PlanStore(db)
    return [store.add(Plan(title="Hội nghị tổng kết 2021", number=DocumentNumber(12), plan_date=date(2021, 12, 20),
                           status="issued")),
            store.add(Plan(title="Hội nghị sơ kết 2022", number=DocumentNumber(37), plan_date=date(2022, 6, 1),
                           status="issued")),
            store.add(Plan(title="Hội thao 2022", number=DocumentNumber(40), plan_date=date(2022, 9, 2))),
            store.add(Plan(title="Hiến máu (chưa có ngày)"))]


@pytest.fixture
def window(qtbot, db, plans):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def shown_titles(win):
    return sorted(win.proxy.index(r, 2).data() for r in range(win.proxy.rowCount()))


def test_filters_by_year_and_status_with_search(window, qtbot):
    years = [window.year_filter.itemText(i) for i in range(window.year_filter.count())]
    assert years == ["Mọi năm", "2022", "2021", "Chưa có ngày"]
    window.year_filter.setCurrentIndex(1)
    assert shown_titles(window) == ["Hội nghị sơ kết 2022", "Hội thao 2022"]
    window.status_filter.setCurrentIndex(window.status_filter.findText("Đã ban hành"))
    assert shown_titles(window) == ["Hội nghị sơ kết 2022"]
    assert window.status_label.text().startswith("1/4 kế hoạch")
    window.search.setText("hoi thao")
    qtbot.waitUntil(lambda: not window.search_timer.isActive())  # the search runs once typing pauses
    assert shown_titles(window) == []
    window.year_filter.setCurrentIndex(0)
    window.status_filter.setCurrentIndex(0)
    assert shown_titles(window) == ["Hội thao 2022"]
    window.search.clear()
    window.year_filter.setCurrentIndex(window.year_filter.findText("Chưa có ngày"))
    assert shown_titles(window) == ["Hiến máu (chưa có ngày)"]


def test_select_plan_clears_filters_that_hide_it(window, plans):
    window.year_filter.setCurrentIndex(window.year_filter.findText("2021"))
    window.select_plan(plans[2])
    assert window.year_filter.currentIndex() == 0 and window.current_plan_id() == plans[2]


def test_toolbar_holds_the_everyday_actions(window):
    names = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert names == ["Mới", "Lưu", "Hoàn tác", "Làm lại", "Xuất Word", "Xem trước", "In", "Kiểm tra", "Xoá"]
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert "Ctrl+Y" in [k.toString() for k in window.redo_action.shortcuts()]
    assert "Ctrl+Z" in [k.toString() for k in window.undo_action.shortcuts()]


def test_undo_and_redo_across_fields(window, qtbot):
    window.select_plan(window.model.row(0).id)
    general = window.editor.page("general")
    assert not window.undo_action.isEnabled()
    title_before = general.title_edit.toPlainText()
    general.title_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(general.title_edit, " – bổ sung")
    qtbot.waitUntil(window.undo_action.isEnabled, timeout=2000)
    general.place.clear()
    type_text(general.place, "Quận 3")
    qtbot.wait(60)
    window.undo_action.trigger()  # the place, typed last
    general = window.editor.page("general")
    assert general.place.text() == "" and general.title_edit.toPlainText() == title_before + " – bổ sung"
    QTest.keyClick(general.place, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z in a field: the plan
    general = window.editor.page("general")
    assert general.title_edit.toPlainText() == title_before and not window.undo_action.isEnabled()
    QTest.keyClick(general.place, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.page("general").title_edit.toPlainText() == title_before + " – bổ sung"
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert window.editor.page("general").place.text() == "Quận 3"
    assert window.editor.save_now()
    saved = window.store.get(window.editor.plan_id)
    assert saved.place == "Quận 3" and saved.title.endswith(" – bổ sung")


def test_undo_brings_back_a_removed_section(window, qtbot):
    editor = window.editor
    editor.add_section("timeline")
    qtbot.wait(60)
    with Clerk(yes=True) as clerk:  # the real question, answered Yes by a timer
        editor.remove_section(editor.section_pages[-1])
    assert len(clerk.messages) == 1
    qtbot.wait(60)
    assert not editor.section_pages
    window.undo_action.trigger()
    assert [p.kind for p in editor.section_pages] == ["timeline"]


def test_ctrl_s_saves_at_once(window, monkeypatch):
    monkeypatch.setattr(window.editor.timer, "start", lambda *a: None)  # no autosave in this test
    general = window.editor.page("general")
    general.place.clear()
    type_text(general.place, "Quận 5")
    QTest.keyClick(general.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.store.get(window.editor.plan_id).place == "Quận 5"
    assert window.statusBar().currentMessage() == "Đã lưu."


def test_window_remembers_size_panes_and_last_plan(qtbot, db, plans):
    first = create_window(db)
    qtbot.addWidget(first)
    first.show()
    first.resize(1000, 640)
    first.splitter.setSizes([250, 600, 150])
    panes = first.splitter.saveState()
    first.select_plan(plans[2])
    first.close()
    second = create_window(db)
    qtbot.addWidget(second)
    second.show()
    assert second.current_plan_id() == plans[2] and second.editor.plan_id == plans[2]
    assert second.table.currentIndex().data(ID_ROLE) == plans[2]
    # The offscreen screen (800 pixels) is narrower than the window, so Qt
    # fits the restored window to it: the height comes back as it was, and
    # the pane sizes are the ones saved.
    assert second.height() == 640
    assert second.settings().value("window/splitter") == panes


def test_the_delete_key_asks_to_delete_a_plan_only_from_the_list(window):
    with Clerk() as clerk:  # the real question, answered No (Escape) by a timer
        tabs = window.editor.tabs  # not a text field: Delete would reach the window's shortcuts
        tabs.setFocus()
        QTest.keyClick(tabs, Qt.Key.Key_Delete)
        assert clerk.messages == []
        window.table.setFocus()
        QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert len(clerk.messages) == 1 and window.model.rowCount() > 0


def test_preview_follows_the_open_tab(qtbot, db):
    from conftest import FIXTURE_FILES

    from kehoach_desktop.formats import kehoach_json

    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    bar = win.preview.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    win.editor.tabs.setCurrentWidget(win.editor.section_pages[4])  # V. on the last pages
    programme_at = bar.value()
    assert programme_at > 0
    win.editor.tabs.setCurrentWidget(win.editor.section_pages[1])  # II. near the end of page 1
    assert 0 < bar.value() < programme_at
    win.editor.tabs.setCurrentWidget(win.editor.page("closing"))
    assert bar.value() == bar.maximum()
    win.editor.tabs.setCurrentWidget(win.editor.page("general"))
    assert bar.value() == 0

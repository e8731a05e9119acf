"""The deadlines panel of the window (ui/deadlines_panel.py), driven for real:
issued plans only, "Đã xong" from the keyboard kept across a restart (a new
program on the same database file), a double-click or Enter opening the plan
at its section, the panel following plans issued and deleted, F9 showing and
hiding it, and its room on a 1366×768 screen (issue 21)."""
import os
from dataclasses import replace
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kehoach_desktop.core.dated_items import STEP, TASK
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.done_items import DoneItems
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.deadlines_panel import READ_AT_ONCE, DeadlinesModel

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2020, 2, 21)
EXAMPLE_003 = kehoach_json.read_file(next(f for f in FIXTURE_FILES if f.name.startswith("003_")))


def open_window(qtbot, db, today=TODAY):
    win = create_window(db)
    qtbot.addWidget(win)
    win.deadlines.today = lambda: today  # before the first reading, which waits for the event loop
    win.resize(1366, 740)
    win.show()
    qtbot.waitUntil(lambda: win.deadlines.summary.text() != "")
    return win


def shown(win) -> list[tuple[int, str, str]]:
    model = win.deadlines.model
    return [(d.plan_id, d.item.kind, model.index(r, DeadlinesModel.COL_DAYS).data())
            for r, d in enumerate(model.rows())]


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    yield path, db
    db.close()


def test_due_and_overdue_items_of_issued_plans_only(qtbot, database):
    _path, db = database
    store = PlanStore(db)
    issued = store.add(EXAMPLE_003)
    store.add(replace(EXAMPLE_003, status="draft"))  # the same dates in a draft: not yet anybody's deadline
    for f in FIXTURE_FILES:  # the other examples: issued, no task or step due
        if not f.name.startswith("003_"):
            store.add(kehoach_json.read_file(f))
    win = open_window(qtbot, db)
    assert win.deadlines.isVisible()  # something is due: the panel opens by itself
    recent = [(issued, STEP, "Trễ 1 ngày"), (issued, TASK, "Còn 4 ngày"), (issued, TASK, "Còn 4 ngày"),
              (issued, STEP, "Còn 4 ngày"), (issued, STEP, "Còn 8 ngày")]
    assert shown(win) == recent  # the step 83 days late is left out, and said so
    assert win.deadlines.summary.text() == ("4 việc đến hạn trong 7 ngày tới, 1 việc quá hạn chưa xong (kế hoạch đã "
                                            "ban hành). 1 việc quá hạn hơn 60 ngày đang ẩn.")
    qtbot.mouseClick(win.deadlines.old_box, Qt.MouseButton.LeftButton)
    assert shown(win) == [(issued, STEP, "Trễ 83 ngày"), *recent]
    assert win.deadlines.summary.text().startswith("4 việc đến hạn trong 7 ngày tới, 2 việc quá hạn")
    model = win.deadlines.model
    assert model.index(1, DeadlinesModel.COL_WHEN).data() == "thứ Năm 20/02/2020"
    assert model.index(2, DeadlinesModel.COL_WHEN).data() == "thứ Ba 25/02/2020, 17g00"
    assert model.index(0, DeadlinesModel.COL_WHEN).data() == "tháng 11/2019"
    assert model.index(2, DeadlinesModel.COL_PLAN).data().startswith("81-KH/ĐTN – Tổ chức Hội nghị sơ kết")
    # The panel fits a laptop's screen beside the editor: a few rows, not half the window.
    assert win.deadlines.height() <= win.height() // 3


def test_nothing_due_leaves_the_panel_closed_until_f9(qtbot, database):
    _path, db = database
    PlanStore(db).add(EXAMPLE_003)
    win = open_window(qtbot, db, today=date(2019, 10, 1))
    assert not win.deadlines.isVisible() and win.deadlines.model.rowCount() == 0
    assert "Không có việc nào" in win.deadlines.summary.text()
    QTest.keyClick(win, Qt.Key.Key_F9)
    qtbot.waitUntil(win.deadlines.isVisible)
    qtbot.waitUntil(win.deadlines.table.hasFocus)  # ready for the arrows, Enter and Ctrl+D
    QTest.keyClick(win, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not win.deadlines.isVisible())


def test_marked_done_from_the_keyboard_stays_done_after_a_restart(qtbot, database):
    """Acceptance: marking a deadline done survives a restart and removes it from the panel."""
    path, db = database
    plan_id = PlanStore(db).add(EXAMPLE_003)
    win = open_window(qtbot, db)
    panel = win.deadlines
    before = len(shown(win))
    late = panel.model.row(1)  # "Hạn chót cơ sở Đoàn gửi Báo cáo…", a day late
    win.editor.setFocus()
    QTest.keyClick(win.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # outside the panel: nothing
    assert len(shown(win)) == before and DoneItems(db).marks() == []
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Down)  # from the first row to the second
    assert panel.table.currentIndex().row() == 1
    QTest.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # "Đã xong"
    qtbot.waitUntil(lambda: len(shown(win)) == before - 1)
    assert late.item.field not in [d.item.field for d in panel.model.rows()]
    assert "Đã đánh dấu xong" in win.statusBar().currentMessage()
    win.close()
    db.close()

    again = open_database(path)  # a new program on the same file
    try:
        [mark] = DoneItems(again).marks()
        assert (mark.plan_id, mark.field, mark.done_on) == (plan_id, late.item.field, TODAY)
        restarted = open_window(qtbot, again)
        assert len(shown(restarted)) == before - 1
        assert late.item.field not in [d.item.field for d in restarted.deadlines.model.rows()]
        # the plan itself was not touched: it is still the example
        assert PlanStore(again).get(plan_id) == EXAMPLE_003 and PlanStore(again).version(plan_id) == 1
        restarted.close()
    finally:
        again.close()


def test_mark_done_with_the_mouse_and_take_it_back(qtbot, database):
    _path, db = database
    PlanStore(db).add(EXAMPLE_003)
    win = open_window(qtbot, db)
    panel = win.deadlines
    first = panel.model.row(0)
    QTest.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.item.field not in [d.item.field for d in panel.model.rows()])
    assert panel.undo_button.isEnabled()
    QTest.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.item.field in [d.item.field for d in panel.model.rows()])
    assert DoneItems(db).marks() == []


def test_a_double_click_or_enter_opens_the_plan_at_the_item(qtbot, database):
    _path, db = database
    store = PlanStore(db)
    other = store.add(kehoach_json.read_file(FIXTURE_FILES[0]))
    plan_id = store.add(EXAMPLE_003)
    win = open_window(qtbot, db)
    win.select_plan(other)
    qtbot.waitUntil(lambda: win.editor.plan_id == other)
    panel, editor = win.deadlines, win.editor
    task = next(r for r, d in enumerate(panel.model.rows()) if d.item.kind == TASK)  # Mục IV
    cell = panel.table.visualRect(panel.model.index(task, DeadlinesModel.COL_WHAT)).center()
    for click in (QTest.mouseClick, QTest.mouseDClick):  # what a mouse sends: press, release, then the double
        click(panel.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    qtbot.waitUntil(lambda: editor.plan_id == plan_id and editor.tabs.currentWidget() is editor.section_pages[3])
    assert win.current_plan_id() == plan_id
    step = next(r for r, d in enumerate(panel.model.rows()) if d.item.kind == STEP)  # Mục V
    panel.table.setCurrentIndex(panel.model.index(step, 0))
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.tabs.currentWidget() is editor.section_pages[4])
    assert QApplication.focusWidget() is not panel.table  # the cursor went to the plan


def test_the_panel_follows_plans_issued_and_deleted(qtbot, database):
    _path, db = database
    store = PlanStore(db)
    draft = store.add(replace(EXAMPLE_003, status="draft"))
    win = open_window(qtbot, db)
    assert shown(win) == []
    store.update(draft, EXAMPLE_003)  # issued (as the register's issue leaves it)
    win.reload()
    qtbot.waitUntil(lambda: len(shown(win)) == 5)  # 6, one of them overdue for long (left out)
    store.delete(draft)
    win.reload()
    qtbot.waitUntil(lambda: shown(win) == [])


def test_many_issued_plans_are_read_a_few_at_a_time(qtbot, database):
    _path, db = database
    store = PlanStore(db)
    ids = store.add_many([EXAMPLE_003] * (READ_AT_ONCE * 2 + 7))
    win = open_window(qtbot, db)
    qtbot.waitUntil(lambda: len(shown(win)) == 5 * len(ids))  # each: 5 rows, a step overdue for long left out
    assert {d.plan_id for d in win.deadlines.model.rows()} == set(ids)
    # read again at once: nothing changed, nothing to read, the same rows
    win.deadlines.refresh()
    assert len(shown(win)) == 5 * len(ids)
    store.delete(ids[0])
    win.deadlines.refresh()
    win.deadlines.refresh()  # the first reading dropped, the second one shown
    assert len(shown(win)) == 5 * (len(ids) - 1)

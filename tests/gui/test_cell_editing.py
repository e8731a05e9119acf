"""The section editors' tables and trees edited like a spreadsheet, driven
with keys and clicks on the real widgets (ui/editor/content/cell_editing.py):
a new row is typed at once, Enter and Tab move on, Escape cancels, typing on
a cell edits it (an input method's first letter included), long texts get a
box of several lines and rows as high as their text, "Thêm" adds at the
level the clerk is at."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextLayout, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QStyle
from typing_helpers import type_text

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor

THIRTY_UNITS = "; ".join(f"Đại diện Ban Thường vụ Đoàn cơ sở Khối số {n}" for n in range(1, 31))


@pytest.fixture(autouse=True)
def fast_autosave(monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)


def open_section(qtbot, db, plan, index):
    """The window on ``plan``, its section ``index`` shown; the window, the
    store, the plan's id and the section's editor."""
    store = PlanStore(db)
    plan_id = store.add(plan)
    win = create_window(db)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # keys go to the focus, as on a desktop
    win.select_plan(plan_id)
    page = win.editor.section_pages[index]
    win.editor.tabs.setCurrentWidget(page)
    return win, store, plan_id, page.editor


def example(number):
    return kehoach_json.read_file(FIXTURE_FILES[number])


def focus():
    return QApplication.focusWidget()


def keys(text):
    """Typed as on a keyboard: each key goes to the widget that has the focus then."""
    for ch in text:
        QTest.keyClicks(focus(), ch)


def key(code, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(focus(), code, modifier)


def click(button):
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def saved(win, store, plan_id, index):
    assert win.editor.save_now()
    return store.get(plan_id).sections[index].content


def wrapped_height(text, font, width):
    """The height of ``text`` wrapped at ``width`` as a cell draws it (QTextLayout, word wrap)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return height


def editing(view):
    """The editor open in ``view``, holding the focus."""
    widget = focus()
    assert widget is not None and view.isAncestorOf(widget) and widget is not view
    return widget


# --------------------------------------------------------------- trees
def test_a_new_programme_slot_is_typed_at_once_and_tab_moves_across(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 3)  # IV. CHƯƠNG TRÌNH
    tree = editor.tree
    tree.setCurrentItem(tree.topLevelItem(1).child(3))  # a sub-item of the second slot
    click(editor.add_parent_button)  # "Thêm mốc": a slot after that slot, not a sub-item
    editing(tree)
    QTest.keyClicks(focus(), "11:00")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "11:30")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "Be mac hoi nghi.")
    key(Qt.Key.Key_Return)
    assert tree.topLevelItemCount() == 3
    new = tree.topLevelItem(2)
    assert [new.text(column) for column in range(3)] == ["11:00", "11:30", "Be mac hoi nghi."]
    assert tree.state() != tree.State.EditingState  # Enter on the last row: committed, no editor left
    slots = saved(win, store, plan_id, 3).slots
    assert (slots[2].start_time, slots[2].end_time, slots[2].text) == ("11:00", "11:30", "Be mac hoi nghi.")
    assert len(slots[1].items) == 9


def test_thêm_ý_con_adds_a_sub_item_after_the_current_one(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 3)
    tree = editor.tree
    tree.setCurrentItem(tree.topLevelItem(1).child(0))
    click(editor.add_child_button)
    editing(tree)
    type_text(focus(), "Báo cáo nhanh kết quả")
    key(Qt.Key.Key_Return)
    items = saved(win, store, plan_id, 3).slots[1].items
    assert len(items) == 10 and items[1] == "Báo cáo nhanh kết quả"


def test_a_new_task_and_a_new_unit_are_typed_at_once(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 4)  # V. TỔ CHỨC THỰC HIỆN
    tree = editor.tree
    tasks_before = tree.topLevelItem(0).childCount()
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    click(editor.add_child_button)  # "Thêm nhiệm vụ": after the current task
    editing(tree)
    QTest.keyClicks(focus(), "Gui giay moi dai bieu")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "25/01/2023")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "16:00")
    key(Qt.Key.Key_Return)
    click(editor.add_parent_button)  # "Thêm đơn vị", a task being current: a unit after its unit
    QTest.keyClicks(focus(), "Van phong Doan Khoi")
    key(Qt.Key.Key_Return)
    units = saved(win, store, plan_id, 4).units
    assert len(units[0].tasks) == tasks_before + 1
    task = units[0].tasks[1]
    assert (task.text, task.deadline_date, task.deadline_time) == ("Gui giay moi dai bieu", date(2023, 1, 25), "16:00")
    assert units[1].unit == "Van phong Doan Khoi" and units[1].tasks == []


def test_cells_a_row_does_not_have_are_skipped_and_stay_closed(qtbot, db):
    """A sub-item of a programme has no times, a unit of the assignments no deadline."""
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 3)
    tree = editor.tree
    slot = tree.topLevelItem(1)
    tree.setCurrentItem(slot, 2)
    tree.setFocus()
    key(Qt.Key.Key_Tab)  # to the sub-item's text, past its times
    assert (tree.currentItem(), tree.currentColumn()) == (slot.child(0), 2)
    key(Qt.Key.Key_Backtab)
    assert (tree.currentItem(), tree.currentColumn()) == (slot, 2)
    tree.setCurrentItem(slot.child(0), 0)
    keys("9")
    assert tree.state() != tree.State.EditingState and slot.child(0).text(0) == ""
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 4)
    tree = editor.tree
    tree.setCurrentItem(tree.topLevelItem(0), 0)
    tree.setFocus()
    key(Qt.Key.Key_Tab)
    assert (tree.currentItem(), tree.currentColumn()) == (tree.topLevelItem(0).child(0), 0)


def test_alt_up_moves_the_row_being_typed_in(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 3)
    tree = editor.tree
    slot = tree.topLevelItem(1)
    tree.setCurrentItem(slot.child(1), 2)
    tree.setFocus()
    key(Qt.Key.Key_F2)
    keys(" (sua)")
    key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # "Lên": the text typed goes with its row
    qtbot.waitUntil(lambda: slot.child(0).text(2).endswith(" (sua)"), timeout=2000)  # a button's shortcut clicks late
    assert tree.state() != tree.State.EditingState
    items = saved(win, store, plan_id, 3).slots[1].items
    assert items[0].endswith(" (sua)") and len(items) == 9


def test_typing_on_a_cell_replaces_it_f2_goes_on_escape_cancels(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 3)
    tree = editor.tree
    slot = tree.topLevelItem(0)
    tree.setCurrentItem(slot, 2)
    tree.setFocus()
    keys("Don tiep")  # the first key opens the cell, the others follow it
    key(Qt.Key.Key_Return)
    assert slot.text(2) == "Don tiep"
    assert tree.currentItem() is tree.topLevelItem(1)  # Enter went to the row below
    tree.setCurrentItem(slot, 2)
    key(Qt.Key.Key_F2)
    keys(" dai bieu")
    key(Qt.Key.Key_Return)
    assert slot.text(2) == "Don tiep dai bieu"
    tree.setCurrentItem(slot, 2)
    keys("nham")
    key(Qt.Key.Key_Escape)  # cancels the cell's edit, nothing else
    assert slot.text(2) == "Don tiep dai bieu"
    assert tree.state() != tree.State.EditingState and focus() is tree
    assert tree.topLevelItemCount() == 2 and win.editor.isVisible()
    assert saved(win, store, plan_id, 3).slots[0].text == "Don tiep dai bieu"


def test_an_input_methods_first_letter_is_not_lost(qtbot, db):
    """Unikey, ibus-bamboo: a letter committed at once, or composed first."""
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 3)
    tree = editor.tree
    slot = tree.topLevelItem(0)
    tree.setCurrentItem(slot, 2)
    tree.setFocus()
    committed = QInputMethodEvent("", [])
    committed.setCommitString("Đ")
    QApplication.sendEvent(tree, committed)
    type_text(editing(tree), "ón tiếp")
    key(Qt.Key.Key_Return)
    assert slot.text(2) == "Đón tiếp"
    tree.setCurrentItem(slot, 2)
    QApplication.sendEvent(tree, QInputMethodEvent("d", []))  # composing: "dd" becomes "đ"
    done = QInputMethodEvent("", [])
    done.setCommitString("đ")
    QApplication.sendEvent(tree, done)
    type_text(editing(tree), "ại biểu")
    key(Qt.Key.Key_Return)
    assert saved(win, store, plan_id, 3).slots[0].text == "đại biểu"


# -------------------------------------------------------------- tables
def test_a_new_participant_row_is_typed_at_once(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 2)  # III. THÀNH PHẦN
    table = editor.table
    table.setCurrentCell(0, 1)
    click(editor.add_button)
    editing(table)
    assert (table.currentRow(), table.currentColumn()) == (1, 1)
    type_text(focus(), "Đại diện Văn phòng Thành Đoàn")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "2")
    key(Qt.Key.Key_Return)
    assert (table.currentRow(), table.currentColumn()) == (2, 2)  # Enter: the row below
    assert editor.counted_total() == 2
    groups = saved(win, store, plan_id, 2).groups
    assert groups[0].entries[1] == c.ParticipantEntry("Đại diện Văn phòng Thành Đoàn", 2)


def test_what_is_typed_is_saved_before_enter_and_escape_takes_it_back(qtbot, db):
    """As a line edit's text: the autosave does not wait for Enter."""
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 2)
    editor.table.setCurrentCell(9, 1)
    click(editor.add_button)
    type_text(focus(), "Đại diện Văn phòng")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "4")
    assert editing(editor.table) is focus()

    def last_entry():
        return store.get(plan_id).sections[2].content.groups[-1].entries[-1]

    qtbot.waitUntil(lambda: (last_entry().text, last_entry().count) == ("Đại diện Văn phòng", 4), timeout=3000)
    key(Qt.Key.Key_Escape)  # the count's edit only: the cell is blank again, the text stays
    assert editor.table.item(10, 2).text() == "" and editor.table.item(10, 1).text() == "Đại diện Văn phòng"
    qtbot.waitUntil(lambda: last_entry().count is None, timeout=3000)


def test_tab_goes_on_to_the_next_row_and_shift_tab_back(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 2)
    table = editor.table
    table.setCurrentCell(0, 3)
    table.setFocus()
    key(Qt.Key.Key_F2)
    keys("mot")
    key(Qt.Key.Key_Tab)  # from the last column to the next row's first
    assert (table.currentRow(), table.currentColumn()) == (1, 0)
    key(Qt.Key.Key_Backtab)  # back, the cell open, its text selected
    assert (table.currentRow(), table.currentColumn()) == (0, 3)
    keys("hai")
    key(Qt.Key.Key_Return)
    assert table.item(0, 3).text() == "hai" and (table.currentRow(), table.currentColumn()) == (1, 3)
    key(Qt.Key.Key_Return)  # on a cell not being edited, Enter goes down too
    assert (table.currentRow(), table.currentColumn()) == (2, 3)
    assert saved(win, store, plan_id, 2).groups[0].entries[0].remark == "hai"


def test_a_thirty_unit_line_is_shown_whole_and_edited_in_several_lines(qtbot, db):
    plan = Plan(title="Hội nghị", sections=[Section("THÀNH PHẦN", c.Participants(
        [c.ParticipantGroup("Khách mời", [c.ParticipantEntry("Lãnh đạo Thành Đoàn", 2),
                                          c.ParticipantEntry(THIRTY_UNITS, 30)])]))])
    win, store, plan_id, editor = open_section(qtbot, db, plan, 0)
    table = editor.table
    qtbot.wait(20)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    needed = wrapped_height(THIRTY_UNITS, table.font(), table.columnWidth(1) - 2 * margin)
    assert table.rowHeight(1) >= needed > 5 * table.rowHeight(0)  # wrapped, nothing cut
    table.setCurrentCell(1, 1)
    table.setFocus()
    key(Qt.Key.Key_F2)
    box = editing(table)
    assert isinstance(box, QPlainTextEdit) and box.toPlainText() == THIRTY_UNITS
    assert box.height() >= needed and not box.verticalScrollBar().isVisible()
    key(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line in the cell
    type_text(focus(), "và các đồng chí khác")
    key(Qt.Key.Key_Return)
    entry = saved(win, store, plan_id, 0).groups[0].entries[1]
    assert entry.text == THIRTY_UNITS + "\nvà các đồng chí khác" and entry.count == 30


def test_a_new_timeline_step_is_typed_at_once(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(3), 4)  # V. TIẾN ĐỘ
    steps_before = editor.table.rowCount()
    editor.table.setCurrentCell(steps_before - 1, 0)
    click(editor.add_button)
    editing(editor.table)
    QTest.keyClicks(focus(), "Tong ket, bao cao")
    key(Qt.Key.Key_Return)
    steps = saved(win, store, plan_id, 4).steps
    assert len(steps) == steps_before + 1 and steps[-1].text == "Tong ket, bao cao"


def test_a_new_duty_of_an_activity_is_typed_at_once(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(4), 1)  # II. NỘI DUNG (activities)
    editor.list.setCurrentRow(0)
    duties_before = editor.duties.rowCount()
    click(editor.add_duty_button)
    editing(editor.duties)
    QTest.keyClicks(focus(), "Doan Khoi")
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(focus(), "chu tri.")
    key(Qt.Key.Key_Return)
    duties = saved(win, store, plan_id, 1).activities[0].duties
    assert len(duties) == duties_before + 1 and duties[-1] == c.Duty("Doan Khoi", "chu tri.")


def test_undo_takes_back_a_typed_row(qtbot, db):
    win, store, plan_id, editor = open_section(qtbot, db, example(0), 2)
    editor.table.setCurrentCell(9, 1)
    click(editor.add_button)
    QTest.keyClicks(focus(), "Khach moi them")
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(win.undo_action.isEnabled, timeout=2000)
    win.undo_action.trigger()
    table = win.editor.section_pages[2].editor.table
    assert table.rowCount() == 10
    win.redo_action.trigger()
    table = win.editor.section_pages[2].editor.table
    assert table.rowCount() == 11 and table.item(10, 1).text() == "Khach moi them"


# -------------------------------------------------------------- outline
def subsection(heading, *blocks):
    return c.Subsection(heading, c.FreeContent(list(blocks)))


def test_outline_a_subsection_added_inside_one_stays_at_its_level(qtbot, db):
    plan = Plan(title="Kế hoạch", sections=[Section("MỤC ĐÍCH, YÊU CẦU", c.FreeContent([
        subsection("Mục đích", c.Item("Đánh giá kết quả.", 1),
                   subsection("Về tổ chức", c.Item("Gọn nhẹ.", 1)))]))])
    win, store, plan_id, outline = open_section(qtbot, db, plan, 0)
    tree = outline.tree
    first = tree.topLevelItem(0)
    tree.setCurrentItem(first.child(0))  # "- Đánh giá kết quả." inside 1.
    outline.add_actions["subsection"].trigger()  # Thêm… → Tiểu mục
    assert focus() is outline.text
    type_text(focus(), "Yêu cầu")
    assert tree.topLevelItemCount() == 2 and tree.topLevelItem(1).text(0) == "2."
    tree.setCurrentItem(first.child(1).child(0))  # "- Gọn nhẹ." inside 1.1.
    outline.add_actions["subsection"].trigger()
    type_text(focus(), "Về thời gian")
    assert first.childCount() == 3 and first.child(2).text(0) == "1.2."
    outline.add_actions["item1"].trigger()  # on the new heading: its first line
    type_text(focus(), "Đúng hạn.")
    blocks = saved(win, store, plan_id, 0).blocks
    assert [b.heading for b in blocks] == ["Mục đích", "Yêu cầu"]
    assert [getattr(b, "heading", None) for b in blocks[0].content.blocks] == [None, "Về tổ chức", "Về thời gian"]
    assert blocks[0].content.blocks[2].content.blocks == [c.Item("Đúng hạn.", 1)]


def test_switching_plans_while_typing_in_a_cell_keeps_the_text(qtbot, db):
    """The plan left is saved with the cell's text, and the list, re-sorted
    by that save, is not read through a stale index (this crashed)."""
    other_id = PlanStore(db).add(example(4))
    win, store, plan_id, editor = open_section(qtbot, db, example(3), 4)
    editor.table.setCurrentCell(1, 0)
    click(editor.add_button)
    type_text(focus(), "Tổng kết, đánh giá, khen thưởng các tập thể và cá nhân có thành tích xuất sắc")
    win.select_plan(other_id)
    assert win.editor.plan_id == other_id
    steps = store.get(plan_id).sections[4].content.steps
    assert steps[2].text == "Tổng kết, đánh giá, khen thưởng các tập thể và cá nhân có thành tích xuất sắc"

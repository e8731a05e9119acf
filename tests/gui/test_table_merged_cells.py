"""Merged body cells in the table editor, driven like a clerk in the real
window on a real plan store: shown merged, saved back exactly, merged with
"Gộp ô" (or Ctrl+M) and split with "Tách ô" (Ctrl+Shift+M), refused with a
message under the grid (never a dialog), kept right when rows and columns
are added, removed, moved or pasted over (issue 19)."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidgetSelectionRange
from section_window import open_section, saved_content
from typing_helpers import type_text

from kehoach_desktop.core.model import Section
from kehoach_desktop.core.tables import CellMerge, HeaderCell, Table, TableColumn
from kehoach_desktop.ui.editor.content.table import TableEditor

# One title row; "Phường 1" down its three tasks, a group title across the three columns.
TASKS = Table(
    columns=[TableColumn(8), TableColumn(14), TableColumn(5)],
    header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ"), HeaderCell("Thời hạn")]],
    rows=[["Khối phường", "", ""],
          ["Đoàn phường 1", "Treo băng rôn", "10/3"],
          ["", "Dọn vệ sinh", "12/3"],
          ["", "Hiến máu", "15/3"],
          ["Đoàn phường 2", "Trồng cây", "20/3"]],
    merges=[CellMerge(0, 0, 1, 3), CellMerge(1, 0, 3, 1)])


def spans(merges):
    return sorted((m.row, m.column, m.rows, m.columns) for m in merges)


@pytest.fixture
def window(qtbot, db, monkeypatch):
    return open_section(qtbot, db, monkeypatch, "Phân công", Section("PHÂN CÔNG NHIỆM VỤ", TASKS))


def saved(win, store, plan_id) -> Table:
    return saved_content(win, store, plan_id)


def click(grid, row, col, modifier=Qt.KeyboardModifier.NoModifier):
    index = grid.model().index(row, col)
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, modifier, grid.visualRect(index).center())


def select(grid, first, last):
    """A mouse click on ``first`` and a Shift+click on ``last`` (rows, columns of the grid)."""
    click(grid, *first)
    click(grid, *last, Qt.KeyboardModifier.ShiftModifier)


def no_dialog() -> bool:
    return QApplication.activeModalWidget() is None


# ------------------------------------------------------------ shown and saved
def test_merges_are_shown_below_the_titles_and_saved_back_exactly(window):
    win, store, plan_id, editor = window
    grid = editor.grid
    assert (grid.rowSpan(2, 0), grid.columnSpan(1, 0)) == (3, 3)  # grid rows: the title row above the body
    assert grid.rowSpan(5, 0) == 1 and grid.columnSpan(0, 0) == 1
    assert editor.content().merges == TASKS.merges and editor.content().rows == TASKS.rows
    grid.item(2, 1).setText("Treo băng rôn, khẩu hiệu")  # an edit elsewhere keeps them
    table = saved(win, store, plan_id)
    assert spans(table.merges) == spans(TASKS.merges) and table.rows[1][1] == "Treo băng rôn, khẩu hiệu"
    win.editor.open_plan(plan_id)
    reopened = win.editor.section_pages[0].editor
    assert reopened.grid.rowSpan(2, 0) == 3 and reopened.content().merges == table.merges


def test_editing_the_first_cell_edits_the_merged_cell_shown_on_several_lines(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    click(grid, 3, 0)  # a click on the merged cell, in its second row
    assert (grid.currentRow(), grid.currentColumn()) == (2, 0)
    grid.setFocus()
    QTest.keyClicks(grid, "T")  # the first letter opens the cell (replacing its text), the editor takes the rest
    type_text(grid.focusWidget(), "ổ dân phố 1")
    QTest.keyClick(grid.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(grid.focusWidget(), "(ba chi đoàn)")
    QTest.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    table = saved(win, store, plan_id)
    assert table.rows[1][0] == "Tổ dân phố 1\n(ba chi đoàn)" and spans(table.merges) == spans(TASKS.merges)
    # Its rows share its height: together they hold its lines, the first is not stretched alone.
    below = grid.rowHeight(5)
    grid.item(2, 0).setText("Tổ dân phố 1\nTổ dân phố 2\nTổ dân phố 3\nTổ dân phố 4\nTổ dân phố 5\nTổ dân phố 6")
    lines = grid.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: sum(grid.rowHeight(r) for r in (2, 3, 4)) >= 6 * lines)
    heights = [grid.rowHeight(r) for r in (2, 3, 4)]
    assert max(heights) - min(heights) <= lines
    assert grid.rowHeight(5) == below  # the row below keeps its height


# ----------------------------------------------------------- merge and split
def test_goep_o_merges_a_selected_rectangle_and_joins_its_texts(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    select(grid, (5, 1), (5, 2))  # "Trồng cây", "20/3"
    qtbot.mouseClick(editor.buttons["merge"], Qt.MouseButton.LeftButton)
    assert grid.columnSpan(5, 1) == 2 and no_dialog()
    table = saved(win, store, plan_id)
    assert table.rows[4] == ["Đoàn phường 2", "Trồng cây\n20/3", ""]
    assert spans(table.merges) == spans(TASKS.merges) + [(4, 1, 1, 2)]
    # "Tách ô" splits it back: the joined text stays in the first cell.
    qtbot.mouseClick(editor.buttons["split"], Qt.MouseButton.LeftButton)
    assert grid.columnSpan(5, 1) == 1
    table = saved(win, store, plan_id)
    assert table.rows[4] == ["Đoàn phường 2", "Trồng cây\n20/3", ""] and spans(table.merges) == spans(TASKS.merges)


def test_ctrl_m_merges_over_a_whole_merge_and_ctrl_shift_m_splits(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    select(grid, (2, 0), (5, 0))  # "Phường 1" merged down, and "Phường 2" below it
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert grid.rowSpan(2, 0) == 4
    table = saved(win, store, plan_id)
    assert [row[0] for row in table.rows] == ["Khối phường", "Đoàn phường 1\nĐoàn phường 2", "", "", ""]
    assert spans(table.merges) == [(0, 0, 1, 3), (1, 0, 4, 1)]
    click(grid, 4, 0)
    QTest.keyClick(grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    table = saved(win, store, plan_id)
    assert spans(table.merges) == [(0, 0, 1, 3)] and table.rows[1][0] == "Đoàn phường 1\nĐoàn phường 2"
    # Chosen with the keyboard: Shift+→ widens the selection, Ctrl+M merges it.
    click(grid, 5, 1)
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    table = saved(win, store, plan_id)
    assert (4, 1, 1, 2) in spans(table.merges) and table.rows[4][1:] == ["Trồng cây\n20/3", ""]
    # The group title across every column chosen: no column to move it past, the clerk is told.
    click(grid, 1, 1)
    qtbot.mouseClick(editor.column_buttons["right"], Qt.MouseButton.LeftButton)
    assert "phủ mọi cột" in editor.problems.text()


def test_merges_over_titles_shapes_that_are_no_rectangle_or_parts_of_a_merge_are_refused(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    select(grid, (0, 1), (2, 1))  # the title "Nhiệm vụ" and two tasks
    qtbot.mouseClick(editor.buttons["merge"], Qt.MouseButton.LeftButton)
    assert "dòng tiêu đề" in editor.problems.text() and no_dialog()
    click(grid, 5, 1)
    click(grid, 3, 2, Qt.KeyboardModifier.ControlModifier)  # two cells apart
    qtbot.mouseClick(editor.buttons["merge"], Qt.MouseButton.LeftButton)
    assert "hình chữ nhật" in editor.problems.text()
    grid.clearSelection()  # part of "Phường 1" only (a selection the mouse would widen to it all)
    grid.setRangeSelected(QTableWidgetSelectionRange(4, 0, 5, 1), True)
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "cắt ngang một ô đã gộp" in editor.problems.text() and no_dialog()
    click(grid, 5, 1)
    qtbot.mouseClick(editor.buttons["split"], Qt.MouseButton.LeftButton)
    assert "không phải ô gộp" in editor.problems.text()
    table = saved(win, store, plan_id)
    assert table.rows == TASKS.rows and spans(table.merges) == spans(TASKS.merges)


# ------------------------------------------------------------------- rows
def test_a_row_added_inside_a_merge_lengthens_it_and_one_added_from_the_merged_cell_does_not(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    click(grid, 2, 1)  # "Treo băng rôn": a new task of Phường 1
    qtbot.mouseClick(editor.buttons["add_row"], Qt.MouseButton.LeftButton)
    grid.item(3, 1).setText("Tuyên truyền")
    table = saved(win, store, plan_id)
    assert [row[1] for row in table.rows[1:5]] == ["Treo băng rôn", "Tuyên truyền", "Dọn vệ sinh", "Hiến máu"]
    assert (1, 0, 4, 1) in spans(table.merges)
    click(grid, 2, 0)  # the unit's merged name: a new unit's row below its block
    qtbot.mouseClick(editor.buttons["add_row"], Qt.MouseButton.LeftButton)
    assert grid.currentRow() == 6 and grid.rowSpan(2, 0) == 4
    grid.item(6, 0).setText("Đoàn phường 3")
    table = saved(win, store, plan_id)
    assert table.rows[5][0] == "Đoàn phường 3" and (1, 0, 4, 1) in spans(table.merges)


def test_removing_the_first_row_of_a_merge_keeps_its_text_in_the_rows_that_stay(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    grid.setCurrentCell(2, 1)  # "Treo băng rôn" only
    grid.clearSelection()
    qtbot.mouseClick(editor.buttons["remove_row"], Qt.MouseButton.LeftButton)
    table = saved(win, store, plan_id)
    assert table.rows[1] == ["Đoàn phường 1", "Dọn vệ sinh", "12/3"] and spans(table.merges) == [(0, 0, 1, 3),
                                                                                                 (1, 0, 2, 1)]
    grid.setCurrentCell(3, 1)
    grid.clearSelection()
    qtbot.mouseClick(editor.buttons["remove_row"], Qt.MouseButton.LeftButton)  # one cell left: merged no more
    table = saved(win, store, plan_id)
    assert table.rows[1] == ["Đoàn phường 1", "Dọn vệ sinh", "12/3"] and spans(table.merges) == [(0, 0, 1, 3)]


def test_removing_rows_with_a_merged_cell_chosen_removes_all_its_rows(window, qtbot):
    win, store, plan_id, editor = window
    click(editor.grid, 3, 0)  # Phường 1's merged name: the whole unit goes
    qtbot.mouseClick(editor.buttons["remove_row"], Qt.MouseButton.LeftButton)
    table = saved(win, store, plan_id)
    assert table.rows == [TASKS.rows[0], TASKS.rows[4]] and spans(table.merges) == [(0, 0, 1, 3)]


def test_rows_move_within_a_merge_past_it_and_with_it_never_out_of_it(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    grid.setFocus()
    click(grid, 3, 1)  # "Dọn vệ sinh" down within Phường 1: the merged name stays
    QTest.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    table = saved(win, store, plan_id)
    assert [row[1] for row in table.rows[1:4]] == ["Treo băng rôn", "Hiến máu", "Dọn vệ sinh"]
    assert table.rows[1][0] == "Đoàn phường 1" and spans(table.merges) == spans(TASKS.merges)
    assert grid.currentRow() == 4
    QTest.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # out of the merge: refused
    assert "chọn chính ô gộp" in editor.problems.text() and no_dialog()
    assert saved(win, store, plan_id).rows == table.rows
    click(grid, 5, 1)  # Phường 2 up goes past the whole of Phường 1
    qtbot.mouseClick(editor.buttons["row_up"], Qt.MouseButton.LeftButton)
    table = saved(win, store, plan_id)
    assert [row[0] for row in table.rows] == ["Khối phường", "Đoàn phường 2", "Đoàn phường 1", "", ""]
    assert spans(table.merges) == [(0, 0, 1, 3), (2, 0, 3, 1)] and grid.currentRow() == 2
    click(grid, 4, 0)  # the merged name chosen: its whole block moves up, past Phường 2
    QTest.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    table = saved(win, store, plan_id)
    assert [row[0] for row in table.rows] == ["Khối phường", "Đoàn phường 1", "", "", "Đoàn phường 2"]
    assert [row[1] for row in table.rows[1:4]] == ["Treo băng rôn", "Hiến máu", "Dọn vệ sinh"]
    assert spans(table.merges) == spans(TASKS.merges) and grid.currentRow() == 2
    # The group title moves with its row; a merged cell running down never goes into the title rows.
    click(grid, 2, 0)
    QTest.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert "dòng tiêu đề" in editor.problems.text()
    assert [row[0] for row in saved(win, store, plan_id).rows][:2] == ["Đoàn phường 1", ""]


def test_a_title_row_added_or_removed_splits_no_text(window):
    win, store, plan_id, editor = window
    editor.header_count.setValue(2)  # the group title becomes a title row: still merged across
    assert editor.grid.columnSpan(1, 0) == 3
    editor.header_count.setValue(3)  # Phường 1's first row becomes a title row: its merge down is split
    table = saved(win, store, plan_id)
    assert [c.text for c in table.header_rows[2]] == ["Đoàn phường 1", "Treo băng rôn", "10/3"]
    assert table.merges == [] and [row[1] for row in table.rows] == ["Dọn vệ sinh", "Hiến máu", "Trồng cây"]
    editor.header_count.setValue(1)  # the merged title goes back into the body merged across
    assert spans(saved(win, store, plan_id).merges) == [(0, 0, 1, 3)]


# ---------------------------------------------------------------- columns
def test_columns_added_removed_and_moved_around_merges(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    click(grid, 2, 1)
    qtbot.mouseClick(editor.buttons["add_column"], Qt.MouseButton.LeftButton)  # inside the group title
    grid.item(2, 2).setText("Chi đoàn 1")
    table = saved(win, store, plan_id)
    assert spans(table.merges) == [(0, 0, 1, 4), (1, 0, 3, 1)] and table.rows[1] == ["Đoàn phường 1", "Treo băng rôn",
                                                                                   "Chi đoàn 1", "10/3"]
    assert [c.text for c in table.header_rows[0]] == ["Đơn vị", "Nhiệm vụ", "", "Thời hạn"]
    # "Thời hạn" moved left with the panel's button: within the group title, which stays in its first cell.
    click(grid, 2, 3)
    qtbot.mouseClick(editor.column_buttons["left"], Qt.MouseButton.LeftButton)
    table = saved(win, store, plan_id)
    assert table.rows[0] == ["Khối phường", "", "", ""] and table.rows[1][2] == "10/3"
    assert [c.text for c in table.header_rows[0]] == ["Đơn vị", "Nhiệm vụ", "Thời hạn", ""]
    assert [c.width for c in table.columns][2] == 5
    # The first column, holding the group title, removed: the title goes to the next column.
    click(grid, 2, 0)
    qtbot.mouseClick(editor.buttons["remove_column"], Qt.MouseButton.LeftButton)
    table = saved(win, store, plan_id)
    assert table.rows[0] == ["Khối phường", "", ""] and spans(table.merges) == [(0, 0, 1, 3)]
    assert [c.text for c in table.header_rows[0]] == ["Nhiệm vụ", "Thời hạn", ""]


def test_a_column_moved_out_of_a_merge_across_is_refused_and_one_goes_past_it(qtbot):
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    editor = TableEditor(holder)
    editor.load(Table(columns=[TableColumn(), TableColumn(), TableColumn()],
                      header_rows=[[HeaderCell("A"), HeaderCell("B"), HeaderCell("C")]],
                      rows=[["Nhóm", "", "x"], ["1", "2", "3"]], merges=[CellMerge(0, 0, 1, 2)]))
    holder.show()
    editor.grid.setCurrentCell(2, 1)
    editor.move_column(1)
    assert "Cột này" in editor.problems.text()
    editor.grid.setCurrentCell(2, 2)
    editor.move_column(-1)  # "C" past the merge: to the first column
    table = editor.content()
    assert [c.text for c in table.header_rows[0]] == ["C", "A", "B"]
    assert table.rows == [["x", "Nhóm", ""], ["3", "1", "2"]] and spans(table.merges) == [(0, 1, 1, 2)]
    editor.grid.setCurrentCell(1, 1)  # the merged cell chosen: its two columns move together
    editor.move_column(-1)
    assert editor.content().rows == [["Nhóm", "", "x"], ["1", "2", "3"]]
    assert [c.text for c in editor.content().header_rows[0]] == ["A", "B", "C"]


# ------------------------------------------------------------------ paste
def test_a_paste_over_merged_cells_splits_them_and_fills_the_cells(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    QGuiApplication.clipboard().setText("Phường 1A\tKiểm tra\nPhường 1B\tTổng kết\n")
    click(grid, 3, 0)  # on Phường 1's merged cell
    grid.setCurrentCell(3, 0)
    qtbot.mouseClick(editor.buttons["paste"], Qt.MouseButton.LeftButton)
    table = saved(win, store, plan_id)
    assert spans(table.merges) == [(0, 0, 1, 3)]
    assert [row[:2] for row in table.rows[1:4]] == [["Đoàn phường 1", "Treo băng rôn"], ["Phường 1A", "Kiểm tra"],
                                                    ["Phường 1B", "Tổng kết"]]


def test_a_merge_is_undone_and_redone_with_the_plan(window, qtbot):
    win, store, plan_id, editor = window
    select(editor.grid, (5, 1), (5, 2))
    qtbot.mouseClick(editor.buttons["merge"], Qt.MouseButton.LeftButton)
    win.editor.undo()
    undone = win.editor.section_pages[0].editor
    assert undone.content().rows == TASKS.rows and spans(undone.content().merges) == spans(TASKS.merges)
    win.editor.redo()
    redone = win.editor.section_pages[0].editor
    assert redone.grid.columnSpan(5, 1) == 2 and redone.content().rows[4][1] == "Trồng cây\n20/3"
    assert spans(saved(win, store, plan_id).merges) == spans(TASKS.merges) + [(4, 1, 1, 2)]

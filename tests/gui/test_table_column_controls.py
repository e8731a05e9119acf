"""The table editor's columns, driven like a clerk: moved with their cells
and titles (a merged title shrinks, never loses its text), widths and
alignment set in the columns panel or by dragging a column edge, the
landscape box bound to the table and closed by a profile that does not
allow it; every change read back from the plan stored (issue 19)."""
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from section_window import open_section, saved_content

from kehoach_desktop.core.model import Section
from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn
from kehoach_desktop.ui.editor.content import table_shape
from kehoach_desktop.ui.editor.content.table import TableEditor

# Two title rows: "Số lượng" merged over "Nam" and "Nữ".
QUOTAS = Table(
    columns=[TableColumn(6), TableColumn(3, "right", True), TableColumn(3, "right", True), TableColumn(5)],
    header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Số lượng", 2), HeaderCell("Ghi chú")],
                 [HeaderCell(""), HeaderCell("Nam"), HeaderCell("Nữ"), HeaderCell("")]],
    rows=[["Đoàn phường 1", "30", "20", "Đủ"], ["Đoàn phường 2", "25", "15", ""]],
    total_row=True)


def titles(header_rows):
    return [[(cell.text, cell.span) for cell in row] for row in header_rows]


@pytest.fixture
def window(qtbot, db, monkeypatch):
    return open_section(qtbot, db, monkeypatch, "Giao chỉ tiêu", Section("PHÂN BỔ CHỈ TIÊU", QUOTAS))


def saved_table(win, store, plan_id) -> Table:
    return saved_content(win, store, plan_id)


# ------------------------------------------------------------- the rules alone
def test_a_column_moved_out_of_a_merged_title_shrinks_it_and_keeps_every_title():
    row = [HeaderCell("Đơn vị"), HeaderCell("Số lượng", 2), HeaderCell("Ghi chú")]
    assert titles([table_shape.move_column(row, 2, 1)]) == [[("Đơn vị", 1), ("Số lượng", 1), ("Ghi chú", 1),
                                                             ("", 1)]]
    assert titles([table_shape.move_column(row, 0, 1)]) == [[("", 1), ("Đơn vị", 1), ("Số lượng", 1),
                                                             ("Ghi chú", 1)]]
    assert titles([table_shape.move_column(row, 1, 1)]) == titles([row])  # within the merge: the title stays
    assert titles([table_shape.move_column([HeaderCell("A"), HeaderCell("B")], 0, 1)]) == [[("B", 1), ("A", 1)]]
    assert titles([table_shape.insert_column(row, 2)]) == [[("Đơn vị", 1), ("Số lượng", 3), ("Ghi chú", 1)]]
    assert titles([table_shape.insert_column(row, 1)]) == [[("Đơn vị", 1), ("", 1), ("Số lượng", 2),
                                                           ("Ghi chú", 1)]]
    assert titles([table_shape.remove_column(row, 1)]) == [[("Đơn vị", 1), ("Số lượng", 1), ("Ghi chú", 1)]]


# ------------------------------------------------------------------- moving
def test_a_column_moves_with_its_cells_titles_width_and_alignment(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    assert grid.columnSpan(0, 1) == 2  # the merged title is shown merged
    grid.setCurrentCell(2, 2)  # "Nữ", first data row
    qtbot.mouseClick(editor.column_buttons["right"], Qt.MouseButton.LeftButton)
    assert grid.currentColumn() == 3
    table = saved_table(win, store, plan_id)
    assert titles(table.header_rows) == [[("Đơn vị", 1), ("Số lượng", 1), ("Ghi chú", 1), ("", 1)],
                                         [("", 1), ("Nam", 1), ("", 1), ("Nữ", 1)]]
    assert table.rows == [["Đoàn phường 1", "30", "Đủ", "20"], ["Đoàn phường 2", "25", "", "15"]]
    assert [(c.width, c.align, c.numeric) for c in table.columns] == [
        (6, "left", False), (3, "right", True), (5, "left", False), (3, "right", True)]
    # Alt+← in the grid brings it back; the title it left stays a single cell, nothing is lost.
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    table = saved_table(win, store, plan_id)
    assert table.rows == QUOTAS.rows
    assert titles(table.header_rows) == [[("Đơn vị", 1), ("Số lượng", 1), ("", 1), ("Ghi chú", 1)],
                                         [("", 1), ("Nam", 1), ("Nữ", 1), ("", 1)]]
    assert not editor.column_buttons["left"].isEnabled() or grid.currentColumn() > 0


def test_rows_move_with_alt_arrows_in_the_grid(window):
    win, store, plan_id, editor = window
    grid = editor.grid
    grid.setCurrentCell(3, 0)
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert saved_table(win, store, plan_id).rows == [QUOTAS.rows[1], QUOTAS.rows[0]]
    assert grid.currentRow() == 2


def test_a_column_added_inside_a_merged_title_widens_it(window):
    win, store, plan_id, editor = window
    editor.grid.setCurrentCell(3, 1)
    editor.add_column()
    table = saved_table(win, store, plan_id)
    assert titles(table.header_rows)[0] == [("Đơn vị", 1), ("Số lượng", 3), ("Ghi chú", 1)]
    assert len(table.columns) == 5 and all(row[2] == "" for row in table.rows)


# ------------------------------------------------------ widths and alignment
def test_width_and_alignment_set_in_the_panel_are_kept_and_drawn(window, qtbot):
    win, store, plan_id, editor = window
    grid = editor.grid
    grid.setCurrentCell(2, 3)  # "Ghi chú"
    assert editor.column_panel.title() == "Cột 4 «Ghi chú»"
    assert editor.width_box.value() == 5
    editor.width_box.setValue(10)
    editor.align_box.setCurrentIndex(editor.align_box.findData("center"))
    editor.align_box.activated.emit(editor.align_box.currentIndex())
    assert editor.width_share.text() == "(45% bề ngang)"  # 10 of 6 + 3 + 3 + 10
    header = grid.horizontalHeader()
    qtbot.waitUntil(lambda: abs(header.sectionSize(3) - 10 * header.sectionSize(1) / 3) <= 3)
    assert grid.item(2, 3).textAlignment() & Qt.AlignmentFlag.AlignHCenter
    table = saved_table(win, store, plan_id)
    assert [(c.width, c.align) for c in table.columns] == [(6, "left"), (3, "right"), (3, "right"), (10, "center")]
    # Typing on keeps the widths the clerk set (they no longer follow the text).
    grid.item(2, 0).setText("Đoàn phường 1 (gồm cả các chi đoàn khu phố)")
    assert [c.width for c in saved_table(win, store, plan_id).columns] == [6, 3, 3, 10]
    # Reopened, the panel shows what was stored.
    win.editor.open_plan(plan_id)
    reopened = win.editor.section_pages[0].editor
    reopened.grid.setCurrentCell(2, 3)
    assert reopened.width_box.value() == 10 and reopened.align_box.currentData() == "center"
    # "Độ rộng theo chữ" goes back to the text's widths.
    qtbot.mouseClick(reopened.column_buttons["fit"], Qt.MouseButton.LeftButton)
    assert [c.width for c in saved_table(win, store, plan_id).columns] == [40, 4, 4, 7]  # "Số lượng" shared by its two columns


def test_dragging_a_column_edge_moves_width_between_two_columns(window, qtbot):
    win, store, plan_id, editor = window
    header = editor.grid.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > 0)
    before = [header.sectionSize(i) for i in range(4)]
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + 40, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(edge + 40, y))
    after = [header.sectionSize(i) for i in range(4)]
    assert after[0] > before[0] and after[1] < before[1] and after[2:] == before[2:]
    assert abs(sum(after) - sum(before)) <= 1
    widths = [c.width for c in saved_table(win, store, plan_id).columns]
    assert widths[2:] == [18, 30]  # the others' proportions kept (3:5), scaled to a finer step
    assert widths[0] + widths[1] == 54 and widths[0] > 36


# ------------------------------------------------------------------ landscape
def test_the_landscape_box_is_bound_to_the_table(window):
    win, store, plan_id, editor = window
    assert not editor.landscape.isChecked()
    editor.landscape.setChecked(True)
    assert saved_table(win, store, plan_id).landscape
    win.editor.open_plan(plan_id)
    assert win.editor.section_pages[0].editor.landscape.isChecked()


def test_a_profile_that_prints_no_landscape_page_closes_the_box_and_says_why(qtbot, monkeypatch):
    from kehoach_desktop.core import profile

    holder = QWidget()
    qtbot.addWidget(holder)
    editor = TableEditor(holder)
    editor.load(Table(columns=[TableColumn()], header_rows=[[HeaderCell("A")]], rows=[["1"]], landscape=True))
    editor.set_profile("doan")
    assert editor.landscape.isEnabled()  # the Youth Union profile prints wide tables on landscape pages
    dang = profile.get_profile("dang")
    # A profile's data as its JSON file would say it (a new layout: profiles share theirs with the one they extend).
    portrait_only = replace(dang, layout={**dang.layout, "tables": {"landscape": False}})
    monkeypatch.setitem(profile.load_profiles(), "dang", portrait_only)
    editor.set_profile("dang")
    assert not editor.landscape.isEnabled() and editor.landscape.isChecked()  # the clerk's tick is kept
    assert "không in bảng trên trang nằm ngang" in editor.landscape.toolTip()
    assert "Đảng Cộng sản Việt Nam" in editor.landscape.toolTip()
    assert editor.content().landscape
    editor.set_profile("doan")
    assert editor.landscape.isEnabled()


def test_a_numbering_column_is_not_summed_and_the_grid_fills_its_width(qtbot):
    from kehoach_desktop.ui.editor.content.table import shared_out

    holder = QWidget()
    qtbot.addWidget(holder)
    editor = TableEditor(holder)
    editor.resize(445, 500)
    editor.load(Table(columns=[TableColumn(2, "center"), TableColumn(12), TableColumn(4)],
                      header_rows=[[HeaderCell("STT"), HeaderCell("Đơn vị"), HeaderCell("Số lượng")]],
                      rows=[["1", "Đoàn phường 1", "50"], ["2", "Đoàn phường 2", "40"]], total_row=True))
    holder.show()
    qtbot.waitUntil(lambda: editor.grid.viewport().width() > 0)
    table = editor.content()
    assert [c.numeric for c in table.columns] == [False, False, True]  # 1, 2, … numbers the rows
    assert [c.align for c in table.columns] == ["center", "left", "right"]
    header = editor.grid.horizontalHeader()
    qtbot.waitUntil(lambda: sum(header.sectionSize(i) for i in range(3)) == editor.grid.viewport().width())
    assert shared_out([2, 12, 4, 4, 10], 430, 30) == [30, 161, 53, 53, 133]  # the narrow one held, the rest shared

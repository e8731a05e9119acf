"""The table editor's rules for merged body cells (ui/editor/content/
table_shape.py), alone: merging and splitting, rows and columns added,
removed and moved around merges, a paste over them; no text is ever lost
(issue 19)."""
import pytest

from kehoach_desktop.core.tables import CellMerge
from kehoach_desktop.ui.editor.content import table_shape as shape
from kehoach_desktop.ui.editor.content.table_shape import Cells, EditRefusedError


def merges(cells: Cells) -> list[tuple[int, int, int, int]]:
    return sorted((m.row, m.column, m.rows, m.columns) for m in cells.merges)


def units() -> Cells:
    """ "Phường 1" merged down over its three tasks, "Phường 2" one row, a group title across."""
    return Cells([["Phường 1", "Treo băng rôn", "10/3"],
                  ["", "Dọn vệ sinh", "12/3"],
                  ["", "Hiến máu", "15/3"],
                  ["Phường 2", "Trồng cây", "20/3"],
                  ["Khối trường học", "", ""]],
                 [CellMerge(0, 0, 3, 1), CellMerge(4, 0, 1, 3)])


# ---------------------------------------------------------- merge and split
def test_merging_joins_the_texts_in_reading_order_and_absorbs_a_whole_merge():
    cells = Cells([["a", "b", ""], ["c", "", "d"]])
    merged = shape.merge_cells(cells, {(0, 0), (0, 1), (1, 0), (1, 1)})
    assert merged.rows == [["a\nb\nc", "", ""], ["", "", "d"]] and merges(merged) == [(0, 0, 2, 2)]
    assert cells.rows[0] == ["a", "b", ""]  # the input is not changed
    wider = shape.merge_cells(merged, {(r, c) for r in range(2) for c in range(3)})
    assert merges(wider) == [(0, 0, 2, 3)] and wider.rows[0][0] == "a\nb\nc\nd"


@pytest.mark.parametrize(("chosen", "says"), [
    ({(0, 0)}, "ít nhất hai ô"),
    ({(0, 0), (1, 1)}, "hình chữ nhật"),
    ({(2, 0), (2, 1), (3, 0), (3, 1)}, "cắt ngang một ô đã gộp"),
])
def test_a_merge_that_is_not_a_rectangle_or_cuts_another_is_refused(chosen, says):
    with pytest.raises(EditRefusedError, match=says):
        shape.merge_cells(units(), chosen)


def test_splitting_leaves_the_text_in_the_first_cell():
    cells = shape.split_cell(units(), 1, 0)
    assert merges(cells) == [(4, 0, 1, 3)] and cells.rows[0][0] == "Phường 1" and cells.rows[1][0] == ""
    with pytest.raises(EditRefusedError, match="không phải ô gộp"):
        shape.split_cell(units(), 1, 1)


def test_a_paste_splits_the_merges_it_writes_over_and_title_rows_hold_no_merge_down():
    assert merges(shape.split_covered(units(), 2, 0, 2, 0)) == [(4, 0, 1, 3)]
    assert merges(shape.split_covered(units(), 3, 1, 3, 2)) == [(0, 0, 3, 1), (4, 0, 1, 3)]
    assert merges(shape.split_above(units(), 1)) == [(4, 0, 1, 3)]
    assert merges(shape.split_above(Cells([["a", ""]], [CellMerge(0, 0, 1, 2)]), 1)) == [(0, 0, 1, 2)]


# ------------------------------------------------------------------- rows
def test_a_row_inserted_inside_a_merge_lengthens_it_and_outside_does_not():
    assert merges(shape.insert_row(units(), 1)) == [(0, 0, 4, 1), (5, 0, 1, 3)]
    assert merges(shape.insert_row(units(), 3)) == [(0, 0, 3, 1), (5, 0, 1, 3)]  # below its last row
    assert merges(shape.insert_row(units(), 0)) == [(1, 0, 3, 1), (5, 0, 1, 3)]
    assert shape.insert_row(units(), 5).rows[5] == ["", "", ""]


def test_a_row_removed_shortens_the_merge_and_its_text_moves_to_the_row_that_stays():
    cells = shape.remove_rows(units(), {0})
    assert cells.rows[0] == ["Phường 1", "Dọn vệ sinh", "12/3"] and merges(cells) == [(0, 0, 2, 1), (3, 0, 1, 3)]
    cells = shape.remove_rows(units(), {0, 1})  # one cell left: no longer merged, its text kept
    assert cells.rows[0] == ["Phường 1", "Hiến máu", "15/3"] and merges(cells) == [(2, 0, 1, 3)]
    cells = shape.remove_rows(units(), {0, 1, 2, 4})  # the clerk removed every row of both merges
    assert cells.rows == [["Phường 2", "Trồng cây", "20/3"]] and cells.merges == []


def test_a_row_moves_within_its_merge_and_the_merged_cell_stays():
    moved = shape.move_row(units(), 1, 1)
    assert [row[:2] for row in moved.cells.rows[:3]] == [["Phường 1", "Treo băng rôn"], ["", "Hiến máu"],
                                                         ["", "Dọn vệ sinh"]]
    assert merges(moved.cells) == merges(units()) and moved.order[:3] == [0, 2, 1]


def test_a_row_going_out_of_its_merge_is_refused_and_a_row_goes_past_a_whole_merge():
    with pytest.raises(EditRefusedError, match="chọn chính ô gộp"):
        shape.move_row(units(), 2, 1)
    with pytest.raises(EditRefusedError, match="tách ô trước"):
        shape.move_row(shape.insert_row(units(), 0), 1, -1)  # the merge's first row, up out of it
    moved = shape.move_row(units(), 3, -1)  # "Phường 2" goes above the whole of "Phường 1"
    assert [row[0] for row in moved.cells.rows] == ["Phường 2", "Phường 1", "", "", "Khối trường học"]
    assert merges(moved.cells) == [(1, 0, 3, 1), (4, 0, 1, 3)] and moved.order == [3, 0, 1, 2, 4]
    assert moved.cells.rows[2] == ["", "Dọn vệ sinh", "12/3"]
    assert shape.move_row(units(), 0, -1) is None


def test_the_merged_cell_chosen_moves_its_whole_block_and_a_merge_across_moves_with_its_row():
    moved = shape.move_row(units(), 0, 1, whole=True)
    assert [row[0] for row in moved.cells.rows] == ["Phường 2", "Phường 1", "", "", "Khối trường học"]
    assert merges(moved.cells) == [(1, 0, 3, 1), (4, 0, 1, 3)]
    back = shape.move_row(moved.cells, 1, -1, whole=True)
    assert back.cells.rows == units().rows and merges(back.cells) == merges(units())
    title = shape.move_row(units(), 4, -1)  # the group title goes above "Phường 2", still merged across
    assert merges(title.cells) == [(0, 0, 3, 1), (3, 0, 1, 3)] and title.cells.rows[3][0] == "Khối trường học"
    assert shape.move_row(units(), 0, -1, whole=True) is None


def test_a_block_tied_by_two_merges_moves_as_one():
    cells = Cells([["A", "x", "1"], ["", "y", ""], ["", "z", "2"], ["B", "w", "3"]],
                  [CellMerge(0, 0, 2, 1), CellMerge(1, 2, 2, 1)])
    assert shape.block(cells, 0) == (0, 2)
    moved = shape.move_row(cells, 0, 1, whole=True)
    assert moved.order == [3, 0, 1, 2] and merges(moved.cells) == [(1, 0, 2, 1), (2, 2, 2, 1)]
    with pytest.raises(EditRefusedError):
        shape.move_row(cells, 0, 1)  # row 0 would go past rows 1-2 and leave "A"'s merge


# ---------------------------------------------------------------- columns
def test_columns_follow_the_rows_rules():
    across = Cells([["Nhóm 1", "", "", "x"], ["a", "b", "c", "d"]], [CellMerge(0, 0, 1, 3)])
    assert merges(shape.insert_cells_column(across, 1)) == [(0, 0, 1, 4)]
    assert merges(shape.insert_cells_column(across, 3)) == [(0, 0, 1, 3)]
    removed = shape.remove_cells_column(across, 0)
    assert removed.rows == [["Nhóm 1", "", "x"], ["b", "c", "d"]] and merges(removed) == [(0, 0, 1, 2)]
    # Within the merge, the other rows' cells swap and the merged cell stays.
    moved = shape.move_cells_column(across, 0, 1)
    assert moved.cells.rows == [["Nhóm 1", "", "", "x"], ["b", "a", "c", "d"]] and moved.order == [1, 0, 2, 3]
    # Column 3 goes past the whole merge; leaving it from its edge is refused.
    moved = shape.move_cells_column(across, 3, -1)
    assert moved.cells.rows == [["x", "Nhóm 1", "", ""], ["d", "a", "b", "c"]] and merges(moved.cells) == [(0, 1, 1, 3)]
    assert shape.swaps(moved.order) == [2, 1, 0]
    with pytest.raises(EditRefusedError, match="Cột này"):
        shape.move_cells_column(across, 2, 1)
    whole = shape.move_cells_column(across, 0, 1, whole=True)
    assert whole.cells.rows == [["x", "Nhóm 1", "", ""], ["d", "a", "b", "c"]] and whole.order == [3, 0, 1, 2]
    assert shape.move_cells_column(across, 0, -1, whole=True) is None

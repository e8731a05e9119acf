"""A table's model (core/tables.py): numbers read the Vietnamese way, totals,
ragged rows, the checker's messages and the text export's grid."""
from dataclasses import replace
from decimal import Decimal

from kehoach_desktop.core.codec import from_data, to_data
from kehoach_desktop.core.tables import (
    HeaderCell,
    Table,
    TableColumn,
    column_titles,
    column_widths,
    format_number,
    normalised,
    parse_number,
    problems,
    text_lines,
    total_cells,
    totals,
)


def budget() -> Table:
    return Table(
        columns=[TableColumn(1, "center"), TableColumn(4), TableColumn(2, "right", numeric=True),
                 TableColumn(2, "right", numeric=True)],
        header_rows=[[HeaderCell("STT"), HeaderCell("Nội dung"), HeaderCell("Kinh phí", span=2)],
                     [HeaderCell(""), HeaderCell(""), HeaderCell("Số lượng"), HeaderCell("Thành tiền")]],
        rows=[["1", "Hoa tươi trang trí sân khấu hội nghị tổng kết năm", "5", "1.500.000"],
              ["2", "Nước uống\nBánh ngọt", "1,5", "-"],
              ["3", "Khác"]],
        total_row=True)


def test_numbers_are_read_the_vietnamese_way():
    assert parse_number("5.000.000") == 5000000
    assert parse_number("1,5") == Decimal("1.5")
    assert parse_number("1.234,25") == Decimal("1234.25")
    assert parse_number(" 5 000 000 ") == 5000000
    assert parse_number("-3.000") == -3000
    assert parse_number("1005") == 1005
    for wrong in ("1.5", "5,000.00", "1.0000", "abc", "", "5.000 đồng", "1,2,3"):
        assert parse_number(wrong) is None, wrong


def test_numbers_are_written_the_vietnamese_way():
    assert format_number(Decimal(5000000)) == "5.000.000"
    assert format_number(Decimal("1.5"), 1) == "1,5"
    assert format_number(Decimal("1234.256"), 2) == "1.234,26"
    assert format_number(Decimal(-3000)) == "-3.000"
    assert format_number(Decimal(0)) == "0"


def test_totals_sum_the_numeric_columns():
    table = budget()
    assert totals(table) == [None, None, Decimal("6.5"), Decimal(1500000)]
    cells = total_cells(table)
    assert [(c.text, c.span) for c in cells] == [("Tổng cộng", 2), ("6,5", 1), ("1.500.000", 1)]


def test_the_total_label_takes_no_column_when_the_first_is_numeric():
    table = Table(columns=[TableColumn(numeric=True), TableColumn()], rows=[["2", "a"], ["3", "b"]], total_row=True)
    assert [(c.text, c.span) for c in total_cells(table)] == [("5", 1), ("", 1)]


def test_ragged_rows_are_padded_and_nothing_typed_is_dropped():
    table = Table(columns=[TableColumn(), TableColumn()], header_rows=[[HeaderCell("A")]],
                  rows=[["1"], ["1", "2", "3"]])
    fixed = normalised(table)
    assert len(fixed.columns) == 3
    assert fixed.rows == [["1", "", ""], ["1", "2", "3"]]
    assert [(c.text, c.span) for c in fixed.header_rows[0]] == [("A", 1), ("", 1), ("", 1)]
    assert table.rows[0] == ["1"]  # the original is left alone


def test_column_titles_come_from_the_lowest_header_cell():
    assert column_titles(budget()) == ["STT", "Nội dung", "Số lượng", "Thành tiền"]


def test_problems_name_the_row_and_the_column():
    table = budget()
    assert problems(table) == []
    table.rows.append(["4", "Sai", "abc", "1.5"])
    assert problems(table) == [
        "Dòng 4, cột 3 («Số lượng»): «abc» không phải là số (viết như 5.000.000 hoặc 1,5).",
        "Dòng 4, cột 4 («Thành tiền»): «1.5» không phải là số (viết như 5.000.000 hoặc 1,5).",
    ]
    assert totals(table)[2] == Decimal("6.5")  # the wrong cell is left out of the sum, and named above


def test_problems_of_shape():
    assert problems(Table()) == ["Bảng chưa khai báo cột nào.", "Bảng chưa có dòng tiêu đề.", "Bảng chưa có dòng nào."]
    table = Table(columns=[TableColumn(width=0), TableColumn()], header_rows=[[HeaderCell("A", span=0)]],
                  rows=[["1", "2", "3"]], total_row=True)
    assert problems(table) == [
        "Bảng khai báo 2 cột nhưng có dòng dài 3 ô.",
        "Cột 1: độ rộng phải từ 1 trở lên.",
        "Dòng tiêu đề 1, ô 1: số cột gộp phải từ 1 trở lên.",
        "Dòng tiêu đề 1 phủ 1 trên 3 cột.",
        "Bảng có dòng tổng cộng nhưng không có cột số nào để cộng.",
    ]


def test_the_text_export_draws_an_aligned_grid():
    # "Nội dung" wraps at 30 characters; the column is as wide as its widest line.
    assert text_lines(budget()) == [
        "STT |           Nội dung          |        Kinh phí",
        "    |                             | Số lượng | Thành tiền",
        "----+-----------------------------+----------+-----------",
        " 1  | Hoa tươi trang trí sân khấu |        5 |  1.500.000",
        "    | hội nghị tổng kết năm       |          |",
        " 2  | Nước uống                   |      1,5 |          -",
        "    | Bánh ngọt                   |          |",
        " 3  | Khác                        |          |",
        "----+-----------------------------+----------+-----------",
        "            Tổng cộng             |      6,5 |  1.500.000",
    ]


def test_a_spanning_title_wider_than_its_columns_widens_them():
    """A title across the whole table stands between rules, as a row merged
    across the body does: never a line alone that reads as plan text."""
    table = Table(columns=[TableColumn(), TableColumn()],
                  header_rows=[[HeaderCell("Danh sách các đơn vị", span=2)], [HeaderCell("A"), HeaderCell("B")]],
                  rows=[["1", "2"]])
    assert text_lines(table) == ["--------------------", "Danh sách các đơn vị", "--------------------",
                                 "A |        B", "--+-----------------", "1 | 2"]


def test_the_table_goes_through_the_codec_unchanged():
    table = budget()
    assert from_data(Table, to_data(table), "$") == table


def test_column_widths_share_the_width_out_exactly():
    table = Table(columns=[TableColumn(2), TableColumn(5), TableColumn(7), TableColumn(3), TableColumn(3)])
    assert column_widths(table, 9071) == [907, 2268, 3175, 1361, 1360]
    assert sum(column_widths(table, 9071)) == 9071
    assert column_widths(Table(columns=[TableColumn(), TableColumn(), TableColumn()]), 100) == [34, 33, 33]
    assert column_widths(Table(columns=[TableColumn(width=0), TableColumn()]), 10) == [5, 5]  # a weight below 1 counts 1
    assert column_widths(Table(), 100) == []


def test_a_number_too_long_to_sum_exactly_is_named():
    longest = "9" * 20  # MAX_DIGITS: Decimal's 28 digits hold the sum of many
    assert parse_number("1" * 21) is None and parse_number("0," + "1" * 21) is None
    assert parse_number("000" + longest) == Decimal(longest)  # leading zeros are no digits of the number
    table = Table(columns=[TableColumn(), TableColumn(numeric=True)],
                  header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Số")]],
                  rows=[["a", longest], ["b", longest], ["c", "1" * 21]], total_row=True)
    assert totals(table)[1] == 2 * Decimal(longest)
    assert total_cells(table)[1].text == format_number(2 * Decimal(longest))
    assert problems(table) == [f"Dòng 3, cột 2 («Số»): «{'1' * 21}» có hơn 20 chữ số."]


def test_a_column_of_figures_is_numeric_but_one_numbering_the_rows_is_not():
    from kehoach_desktop.core.tables import is_numeric_column

    assert is_numeric_column(["5.000.000", "", "-", "1,5"])
    assert not is_numeric_column(["1", "2", "3"]) and not is_numeric_column(["1.", "2.", "3."])  # STT
    assert is_numeric_column(["1", "3", "2"])  # counts, not a numbering
    assert not is_numeric_column(["", "-"]) and not is_numeric_column(["5", "năm"])


def _grid() -> Table:
    return Table(columns=[TableColumn(), TableColumn(), TableColumn()],
                 header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ"), HeaderCell("Hạn")]],
                 rows=[["Văn phòng", "Chuẩn bị", "1/3"], ["", "Mời đại biểu", "2/3"], ["Chi đoàn", "Vận động", "5/3"]])


def test_merged_cells_show_their_text_once_and_keep_their_rows_together():
    from kehoach_desktop.core.tables import CellMerge, body_cells, rows_kept_together

    table = normalised(replace(_grid(), merges=[CellMerge(0, 0, 2, 1)]))
    assert body_cells(table, 0) == [(0, 1, "Văn phòng", 2), (1, 1, "Chuẩn bị", 1), (2, 1, "1/3", 1)]
    assert body_cells(table, 1)[0] == (0, 1, "", 0)  # covered from above
    assert rows_kept_together(table) == {0}
    across = normalised(replace(_grid(), merges=[CellMerge(0, 0, 1, 3)]))
    assert body_cells(across, 0) == [(0, 3, "Văn phòng\nChuẩn bị\n1/3", 1)]  # nothing typed is lost
    assert rows_kept_together(across) == {0}  # a group's title row stays with the rows below


def test_merges_outside_the_body_or_overlapping_are_dropped():
    from kehoach_desktop.core.tables import CellMerge

    table = normalised(replace(_grid(), merges=[CellMerge(0, 0, 2, 1), CellMerge(1, 0, 2, 2), CellMerge(2, 2, 2, 1),
                                                 CellMerge(2, 1, 1, 1)]))
    assert table.merges == [CellMerge(0, 0, 2, 1)]


def test_the_text_export_draws_a_merge_across_as_one_cell():
    from kehoach_desktop.core.tables import CellMerge

    lines = text_lines(replace(_grid(), rows=[["Cụm 1", "", ""], *_grid().rows], merges=[CellMerge(0, 0, 1, 3)]))
    assert lines[2].strip() == "Cụm 1" and "|" not in lines[2]

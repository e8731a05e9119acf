"""Merged body cells in the text export (core/tables.text_lines) and how the
grid reader (formats/plan_import/text_tables.py) reads them back: the exact
lines of a merge across and down, and the rows that only a rule tells apart
(an empty merged row, a row under merges only, a line continuing a row
under a merged cell)."""
from __future__ import annotations

from kehoach_desktop.core.tables import CellMerge, HeaderCell, Table, TableColumn, normalised, text_lines
from kehoach_desktop.formats.plan_import.text_tables import TextTable, text_blocks
from kehoach_desktop.formats.plan_import.word_tables import as_table


def grouped() -> Table:
    return Table(columns=[TableColumn(), TableColumn(), TableColumn(align="center")],
                 header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ"), HeaderCell("Hạn")]],
                 rows=[["I. CỤM SỐ 1", "", ""], ["Văn phòng", "Chuẩn bị hội trường", "1/3"],
                       ["", "Mời đại biểu", "2/3"], ["Chi đoàn", "Vận động", "5/3"],
                       ["II. CỤM SỐ 2", "", ""], ["Đoàn trường", "Tổng hợp báo cáo", "9/3"]],
                 merges=[CellMerge(0, 0, 1, 3), CellMerge(1, 0, 2, 1), CellMerge(4, 0, 1, 3)])


def read_back(table: Table) -> Table:
    """The table drawn by text_lines between two lines of plan text, read
    back as the importer reads a text plan's table."""
    blocks = text_blocks(["Phân công như sau:", *text_lines(table), "Các đơn vị thực hiện."])
    [found] = [block for block in blocks if isinstance(block, TextTable)]
    assert len(blocks) == 3  # the lines before and after stay lines
    return normalised(as_table(found.grid, found.titles))


def test_a_merge_across_stands_between_rules_and_a_merge_down_breaks_the_rule_between_its_rows():
    assert text_lines(grouped()) == [
        "   Đơn vị   |       Nhiệm vụ      | Hạn",
        "------------+---------------------+----",
        "I. CỤM SỐ 1",  # the rule under the titles is the one above it
        "---------------------------------------",
        "Văn phòng   | Chuẩn bị hội trường | 1/3",
        "            +---------------------+----",  # "Văn phòng" goes on down: a new row starts
        "            | Mời đại biểu        | 2/3",
        "Chi đoàn    | Vận động            | 5/3",
        "---------------------------------------",
        "II. CỤM SỐ 2",
        "---------------------------------------",
        "Đoàn trường | Tổng hợp báo cáo    | 9/3",
    ]
    back = read_back(grouped())
    assert back.rows == normalised(grouped()).rows and back.merges == grouped().merges
    assert text_lines(back) == text_lines(grouped())


def test_a_table_without_merges_has_none_of_these_rules():
    plain = Table(columns=grouped().columns, header_rows=grouped().header_rows, rows=grouped().rows[1:4])
    assert text_lines(plain) == [
        "  Đơn vị  |       Nhiệm vụ      | Hạn",
        "----------+---------------------+----",
        "Văn phòng | Chuẩn bị hội trường | 1/3",
        "          | Mời đại biểu        | 2/3",
        "Chi đoàn  | Vận động            | 5/3",
    ]


def test_a_merged_row_last_first_empty_and_before_the_total():
    table = Table(columns=[TableColumn(), TableColumn(align="right", numeric=True)],
                  rows=[["Cụm số 1", ""], ["Chi đoàn 1", "5"], ["", ""], ["Chi đoàn 2", "7"], ["Ghi chú: ước tính", ""]],
                  merges=[CellMerge(0, 0, 1, 2), CellMerge(2, 0, 1, 2), CellMerge(4, 0, 1, 2)], total_row=True)
    assert text_lines(table) == [
        "-----------------",  # no titles: the first rule is the merged row's own
        "Cụm số 1",
        "-----------------",
        "Chi đoàn 1 |    5",
        "-----------------",
        "-----------------",  # an empty merged row: two rules with nothing between
        "Chi đoàn 2 |    7",
        "-----------------",
        "Ghi chú: ước tính",
        "-----------+-----",  # the rule above the total closes the merged row
        "Tổng cộng  |   12",
    ]
    back = read_back(table)
    assert back.rows == table.rows and back.merges == table.merges and back.total_row and not back.header_rows


def test_a_long_merged_row_wraps_at_the_tables_width():
    note = ("Ghi chú: các đơn vị báo cáo kết quả về Văn phòng Quận Đoàn trước ngày 30/3/2023 và đề xuất "
            "khen thưởng\nDanh sách kèm theo")
    table = Table(columns=grouped().columns, header_rows=grouped().header_rows,
                  rows=[*grouped().rows[1:4], [note, "", ""]], merges=[CellMerge(0, 0, 2, 1), CellMerge(3, 0, 1, 3)])
    lines = text_lines(table)
    assert lines[-6:] == [
        "-------------------------------------",
        "Ghi chú: các đơn vị báo cáo kết quả",
        "về Văn phòng Quận Đoàn trước ngày",
        "30/3/2023 và đề xuất khen thưởng",
        "Danh sách kèm theo",  # a line of its own ("\n"), not the wrapped text
        "-------------------------------------",
    ]
    assert read_back(table).rows[3] == [note, "", ""]


def test_rows_under_merges_only_and_lines_continuing_them():
    """Two merges side by side cover a whole row: the rule over it is all
    gaps, its "+" still marks where the row starts; a cell continued on the
    next line beside a merged cell stays in its row (a new row there would
    stand under a rule)."""
    table = Table(columns=[TableColumn(), TableColumn(), TableColumn()],
                  header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nội dung"), HeaderCell("Hạn")]],
                  rows=[["Văn phòng", "Chuẩn bị hội trường", ""], ["", "", ""], ["", "Mời đại biểu", "2/3"],
                        ["Đoàn phường An Phú Đông và Tân Chánh Hiệp", "", ""]],
                  merges=[CellMerge(0, 0, 3, 1), CellMerge(0, 1, 2, 2), CellMerge(2, 1, 2, 1)])
    assert text_lines(table) == [
        "            Đơn vị             |   Nội dung   | Hạn",
        "-------------------------------+--------------+-----",
        "Văn phòng                      | Chuẩn bị hội trường",
        "                               +",
        "                               |",
        "                               +--------------+-----",
        "                               | Mời đại biểu | 2/3",
        "-------------------------------+              +-----",
        "Đoàn phường An Phú Đông và Tân |              |",
        "Chánh Hiệp                     |              |",
    ]
    back = read_back(table)
    assert back.rows == table.rows and back.merges == table.merges

"""The recogniser of tables in text lines (formats/plan_import/text_tables.py)
on its own: which runs of lines are tables, and how their cells are read."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn, text_lines
from kehoach_desktop.formats.plan_import.docx_blocks import Paragraph
from kehoach_desktop.formats.plan_import.source import clean_line
from kehoach_desktop.formats.plan_import.text_tables import TextTable, text_blocks


def tables(lines: list[str]) -> list[TextTable]:
    return [block for block in text_blocks(lines) if isinstance(block, TextTable)]


def cells(table: TextTable) -> list[list[str]]:
    return [[cell.text for cell in row if cell.merged_into is None and not cell.missing] for row in table.grid.rows]


def test_a_wrapped_cell_and_a_line_break_in_the_export_are_told_apart():
    table = Table(columns=[TableColumn(), TableColumn()], header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ")]],
                  rows=[["Văn phòng", "Chuẩn bị hội trường, âm thanh, ánh sáng và nước uống\nBáo cáo"],
                        ["Chi đoàn", "Vận động"]])
    found = tables(["Trước:", *text_lines(table), "Sau."])
    assert len(found) == 1 and found[0].titles == 1
    assert cells(found[0])[1:] == table.rows
    assert found[0].grid.lines == tuple(clean_line(line) for line in text_lines(table))  # if read as lines


def test_tab_rows_short_rows_and_a_numbered_first_cell():
    lines = ["TT\tĐơn vị\tNhiệm vụ\tThời gian", "1.\tVăn phòng\tChuẩn bị", "2.\tChi đoàn\tVận động\tNgày 5/3"]
    [table] = tables(lines)
    assert cells(table) == [["TT", "Đơn vị", "Nhiệm vụ", "Thời gian"], ["1.", "Văn phòng", "Chuẩn bị", ""],
                            ["2.", "Chi đoàn", "Vận động", "Ngày 5/3"]]  # Excel leaves out a last, empty cell


def test_rows_without_titles_have_none():
    [table] = tables(["1\tVăn phòng\tChuẩn bị", "2\tChi đoàn\tVận động"])
    assert table.titles == 0 and not any(table.grid.header)


def test_lines_that_are_plan_text_are_no_table():
    plain = [
        ["1. Hình thức:\tHội nghị", "2. Thời gian:\t01 buổi", "3. Địa điểm:\tHội trường"],
        ["Thời gian:\tNgày 23/3", "Địa điểm:\tSân trường"],
        ["07g00 – 07g30\tĐón tiếp đại biểu;", "07g30 – 11g00\tThi đấu."],  # a timeline: two columns, no titles
        ["- Thành Đoàn;\tBÍ THƯ", "- Lưu: VP.\tLê Thị Mai"],
        ["-\tThành Đoàn;", "-\tLưu: VP."],
        ["\t\t(số 142 Nguyễn Thị Minh Khai)", "\t\tPhường 6, Quận 3"],
        ["1. Mục đích:   nâng cao", "2. Yêu cầu:    an toàn"],
        ["Nội dung   một đoạn văn có khoảng trắng đôi", "Dòng khác   cũng có khoảng trắng đôi ở chỗ khác xa"],
    ]
    for lines in plain:
        blocks = text_blocks(lines)
        assert all(isinstance(block, Paragraph) for block in blocks), lines
        assert [block.lines[0] for block in blocks] == [clean_line(line) for line in lines]  # as the line reader reads


def test_two_columns_under_titles_beside_numbers_are_a_table():
    [table] = tables(["Đơn vị\tChỉ tiêu", "Chi đoàn 1\t50", "Chi đoàn 2\t40"])
    assert table.titles == 1 and cells(table)[1] == ["Chi đoàn 1", "50"]


def test_aligned_columns_with_a_row_continued_below():
    lines = ["Đơn vị          Nhiệm vụ               Hạn",
             "Văn phòng       Chuẩn bị hội trường    5/3",
             "                và âm thanh",
             "Chi đoàn        Vận động               6/3"]
    [table] = tables(lines)
    assert cells(table) == [["Đơn vị", "Nhiệm vụ", "Hạn"], ["Văn phòng", "Chuẩn bị hội trường và âm thanh", "5/3"],
                            ["Chi đoàn", "Vận động", "6/3"]]


def test_a_wrapped_first_column_in_the_export_continues_its_row():
    table = Table(columns=[TableColumn(), TableColumn(), TableColumn(align="right", numeric=True)],
                  header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ"), HeaderCell("Số lượng")]],
                  rows=[["Đoàn phường An Phú Đông và Tân Chánh Hiệp", "Tham gia", "5"],
                        ["Đoàn phường Thạnh Lộc", "Vận động đoàn viên", "10"],
                        ["Đoàn phường An Phú Đông và các khu phố", "Chuẩn bị", ""]])
    [found] = tables(text_lines(table))
    assert cells(found)[1:] == table.rows


def test_a_grid_typed_by_hand_without_a_rule():
    [table] = tables(["TT | Đơn vị    | Nhiệm vụ", "1  | Văn phòng | Chuẩn bị", "2  | Chi đoàn  | Vận động"])
    assert table.titles == 1 and cells(table)[2] == ["2", "Chi đoàn", "Vận động"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["TT\tĐơn vị\tNhiệm vụ", "1\tVăn phòng\tChuẩn bị", "2\tChi đoàn", "a  b   c",
                                 "  tiếp", "x | y | z", "--+--", "----", "1. Mục đích:\tnâng cao", "- Lưu: VP.",
                                 "Tổng cộng\t90", "Đơn vị     Số lượng", "Chi đoàn 1       50", "", " | ", "|"]),
                max_size=30))
def test_no_line_is_lost_or_changed(lines):
    """Read as lines (a table kept as lines gives its grid's lines), the
    blocks are the lines the line reader gives."""
    flat = [line for block in text_blocks(lines)
            for line in (block.lines if isinstance(block, Paragraph) else block.grid.lines)]
    assert flat == [clean_line(line) for line in lines]

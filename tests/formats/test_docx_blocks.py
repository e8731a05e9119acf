"""The block reader (formats/plan_import/docx_blocks.py): a .docx body in
order as paragraphs and tables, each table a grid with its merged cells,
header rows and column widths; every text the one the line reader
(source.py) gives; damaged and hostile files refused with a message.

The Word files are in tests/fixtures/word (SOURCES.md: made by LibreOffice
Writer and by python-docx); the cases of odd XML are python-docx's blank
document with its document.xml replaced."""
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import FIXTURE_FILES, REPO, fixture_name
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import.docx_blocks import (
    MAX_CELLS,
    MAX_COLUMNS,
    Cell,
    Paragraph,
    Table,
    flat_lines,
    read_blocks,
)
from kehoach_desktop.formats.plan_import.source import clean_lines, docx_lines, read_source

WORD = REPO / "tests" / "fixtures" / "word"
LIBREOFFICE_PLAN = WORD / "ke-hoach-bang-libreoffice.docx"
PYTHON_DOCX = WORD / "o-gop-python-docx.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def texts(table: Table) -> list[list[str | None]]:
    """The grid as texts; a position merged away is None, a missing one "-"."""
    return [[None if cell.merged_into else "-" if cell.missing else cell.text for cell in row] for row in table.rows]


def tables(blocks) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


# ------------------------------------------------------------------ made by LibreOffice Writer
def test_a_libreoffice_plan_comes_in_document_order_with_its_tables_kept_as_tables():
    blocks = read_blocks(LIBREOFFICE_PLAN)
    kinds = "".join("T" if isinstance(block, Table) else "P" for block in blocks)
    assert kinds == "P" * 10 + "T" + "P" + "T" + "P" * 4
    assert blocks[9].lines == ("1. Phân công:",) and blocks[11].lines == ("2. Chỉ tiêu tham gia:",)
    assert blocks[4] == Paragraph(lines=("KẾ HOẠCH",), style="Normal", align="center", centred=True, bold=True)
    assert blocks[13].lines[0].startswith("Trên đây là Kế hoạch")


def test_the_assignment_table_made_in_libreoffice_keeps_its_merged_title_row_and_its_cells():
    assignments = tables(read_blocks(LIBREOFFICE_PLAN))[0]
    assert texts(assignments) == [
        ["BẢNG PHÂN CÔNG THỰC HIỆN", None, None, None],
        ["STT", "Đơn vị", "Nhiệm vụ", "Thời gian hoàn thành"],
        ["1", "Văn phòng Đoàn phường", "Xây dựng kế hoạch, dự trù kinh phí; trình Ban Thường vụ duyệt.",
         "Trước 10/3/2025"],
        ["2", None, "Chuẩn bị hội trường, âm thanh, ánh sáng;\nmời đại biểu và báo cáo viên.", "Trước 20/3/2025"],
        ["3", "Các chi đoàn khu phố", "Vận động đoàn viên, thanh niên tham gia\n(mỗi chi đoàn ít nhất 15 đoàn viên).",
         "Trước 21/3/2025"],
    ]
    title = assignments.rows[0][0]
    assert (title.row_span, title.col_span, title.align) == (1, 4, "center")
    assert [cell.merged_into for cell in assignments.rows[0][1:]] == [(0, 0)] * 3
    unit = assignments.rows[2][1]
    assert (unit.row_span, unit.col_span) == (2, 1) and assignments.rows[3][1].merged_into == (2, 1)
    assert assignments.cell(3, 1) is unit and assignments.cell(0, 3) is title
    assert assignments.header == (True, True, False, False, False) and assignments.header_rows == 2
    assert assignments.columns == 4 and all(isinstance(width, int) for width in assignments.widths)
    stt, _unit, task, _deadline = assignments.widths
    assert stt < task and max(assignments.widths) == task  # 1.2 cm and 7 cm in the source


def test_the_quota_table_made_in_libreoffice_holds_50_and_40_units_in_its_cells():
    quotas = tables(read_blocks(LIBREOFFICE_PLAN))[1]
    assert texts(quotas) == [["Đơn vị", "Số lượng"],
                             ["Cơ sở Đoàn khu vực doanh nghiệp", "50 đơn vị"],
                             ["Cơ sở Đoàn khu vực hành chính sự nghiệp", "40 đơn vị"]]
    assert quotas.header_rows == 1 and quotas.columns == 2
    assert all(cell.row_span == cell.col_span == 1 and not cell.missing for row in quotas.rows for cell in row)


# ------------------------------------------------------------------ made by python-docx
def test_cells_merged_across_and_down_by_python_docx_are_one_cell_each():
    blocks = read_blocks(PYTHON_DOCX)
    assert [type(block) for block in blocks] == [Paragraph, Table, Paragraph]
    table = blocks[1]
    assert texts(table) == [
        ["ĐỘI HÌNH TÌNH NGUYỆN HÈ 2025", None, None, None],
        ["STT", "Đội hình", "Nhiệm vụ", "Thời gian"],
        ["1", "Đội hình Mùa hè xanh", "Sửa chữa nhà văn hóa khu phố 3;\ntrồng 200 cây xanh\ndọc kênh Nhiêu Lộc.",
         "Tháng 6 - 8/2025"],
        ["2", None, "Dạy học hè cho thiếu nhi.", None],
        ["3", "Đội hình Tiếp sức mùa thi\nTrưởng đội\n\nLê Thị Bình", "1. Đón tiếp thí sinh\n2. Hướng dẫn chỗ trọ",
         None],
    ]
    deadline = table.rows[2][3]
    assert (deadline.row_span, deadline.col_span) == (3, 1)
    assert [table.rows[r][3].merged_into for r in (3, 4)] == [(2, 3), (2, 3)]
    assert table.rows[0][0].col_span == 4 and table.header_rows == 2
    assert table.widths == (700, 2600, 3800, 2000)


def test_a_table_inside_a_cell_is_flattened_into_the_cells_lines_as_the_line_reader_reads_it():
    team = read_blocks(PYTHON_DOCX)[1].rows[4][1]
    assert team.nested_table
    assert team.lines == ("Đội hình Tiếp sức mùa thi", "Trưởng đội", "", "Lê Thị Bình", "", "")


# ------------------------------------------------------------------ the same texts as the line reader
def example_word_files() -> list[tuple[str, bytes]]:
    """The five example plans as the program writes them to Word: header
    and closing tables, the hidden "./." bookmark, tabs."""
    return [(fixture_name(path), render_docx(kehoach_json.read_file(path))) for path in FIXTURE_FILES]


@pytest.mark.parametrize("path", [LIBREOFFICE_PLAN, PYTHON_DOCX], ids=lambda path: path.name)
def test_the_blocks_flattened_are_the_line_readers_lines(path):
    assert flat_lines(read_blocks(path)) == read_source(path)[0]


def test_the_example_plans_written_to_word_give_the_line_readers_lines(tmp_path):
    for name, data in example_word_files():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        blocks = read_blocks(data, label=path.name)
        assert flat_lines(blocks) == read_source(path)[0], name
        assert read_blocks(path) == blocks
        header, closing = tables(blocks)  # the header's two columns; the recipients beside the signatures
        assert (header.columns, closing.columns) in ((2, 2), (2, 3)) and blocks[0] is header, name


def test_each_paragraph_is_given_exactly_as_the_line_reader_gives_it():
    """Word's list labels (counted across the tables, in the line reader's
    order), line breaks, tabs, a vertical tab, decomposed Unicode, a text
    box: paragraph by paragraph, against the line reader on a file of that
    one paragraph alone where no count runs across paragraphs."""
    document = docx.Document()
    document.add_paragraph("Mục đích", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].style = "List Number"
    table.cell(0, 0).paragraphs[0].add_run("Yêu cầu")
    table.cell(0, 1).text = "Đơn vị\tSố lượng"
    document.add_paragraph("Nội dung", style="List Number")
    broken = document.add_paragraph("Thời gian: ")
    broken.add_run().add_break()
    broken.add_run("08g00\u2028ngày 26/3/2025")
    document.add_paragraph("Ke\u0302\u0301 \u202ehoạch  ")
    boxed = document.add_paragraph("Sau hộp chữ")
    boxed._p.append(parse_xml(
        f"<w:r xmlns:w='{W_NS}' xmlns:v='urn:schemas-microsoft-com:vml'><w:pict><v:shape><v:textbox>"
        "<w:txbxContent><w:p><w:r><w:t>ĐOÀN TNCS HỒ CHÍ MINH</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"))
    out = io.BytesIO()
    document.save(out)
    blocks = read_blocks(out.getvalue())
    assert [block.lines for block in blocks if isinstance(block, Paragraph)] == [
        ("1. Mục đích",), ("3. Nội dung",), ("Thời gian:", "08g00", "ngày 26/3/2025"), ("Kế hoạch",),
        ("Sau hộp chữ",)]
    assert [block.label for block in blocks if isinstance(block, Paragraph)] == ["1.", "3.", "", "", ""]
    assert texts(blocks[1]) == [["2. Yêu cầu", "Đơn vị\tSố lượng"]]
    assert blocks[-1].boxed == ("ĐOÀN TNCS HỒ CHÍ MINH", "")
    assert blocks[0].style == "ListNumber" and blocks[4].removed == 1 and blocks[3].removed == 0
    assert flat_lines(blocks) == clean_lines(docx_lines(io.BytesIO(out.getvalue()), label="x"))[0]


# ------------------------------------------------------------------ odd but valid XML
def word_with_body(body: str) -> bytes:
    """python-docx's blank document with this body."""
    out = io.BytesIO()
    docx.Document().save(out)
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return rezip(out.getvalue(), {"word/document.xml": xml.encode()})


def rezip(original: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, replace.get(name, src.read(name)))
    return out.getvalue()


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{p(text)}</w:tc>"


def tr(*cells: str, properties: str = "") -> str:
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(*rows: str, grid: str = "") -> str:
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def test_tables_rows_and_cells_inside_content_controls_are_read():
    sdt = "<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>"
    body = (p("Trước bảng")
            + sdt.format(tbl(tr(tc("Đơn vị"), sdt.format(tc("Số lượng"))), sdt.format(tr(tc("Chi đoàn 1"),
                                                                                         tc("50 đơn vị"))))
                         + p("Trong ô điều khiển"))
            + "<w:customXml>" + p("Sau bảng") + "</w:customXml>")
    data = word_with_body(body)
    blocks = read_blocks(data)
    assert [type(block) for block in blocks] == [Paragraph, Table, Paragraph, Paragraph]
    assert texts(blocks[1]) == [["Đơn vị", "Số lượng"], ["Chi đoàn 1", "50 đơn vị"]]
    assert [block.lines for block in blocks if isinstance(block, Paragraph)] == [
        ("Trước bảng",), ("Trong ô điều khiển",), ("Sau bảng",)]
    # The one place the line reader reads less: it skips the wrapped cell and row.
    assert docx_lines(io.BytesIO(data), label="x") == ["Trước bảng", "Đơn vị", "", "Trong ô điều khiển", "Sau bảng"]


def test_rows_starting_late_or_ending_early_leave_missing_positions():
    body = tbl(tr(tc("A"), tc("B"), tc("C")),
               tr(tc("D"), properties="<w:gridBefore w:val='1'/><w:gridAfter w:val='1'/>"),
               tr(tc("E")),
               grid="<w:gridCol w:w='1000'/><w:gridCol w:w='x'/><w:gridCol w:w='14400'/><w:gridCol w:w='9'/>")
    table = read_blocks(word_with_body(body))[0]
    assert texts(table) == [["A", "B", "C"], ["-", "D", "-"], ["E", "-", "-"]]
    assert table.rows[1][0] == Cell(missing=True)
    assert table.widths == (1000, None, 14400)  # a column no row reaches is left out


def test_the_old_way_of_merging_across_and_text_in_a_merged_away_cell_are_kept():
    body = tbl(tr(tc("Tiêu đề", "<w:hMerge w:val='restart'/>"), tc("", "<w:hMerge/>"), tc("còn tiếp", "<w:hMerge/>")),
               tr(tc("Đơn vị", "<w:vMerge w:val='restart'/>"), tc("1"), tc("2")),
               tr(tc("chữ sót lại", "<w:vMerge/>"), tc("3"), tc("4")))
    table = read_blocks(word_with_body(body))[0]
    assert texts(table) == [["Tiêu đề\ncòn tiếp", None, None], ["Đơn vị\nchữ sót lại", "1", "2"], [None, "3", "4"]]
    assert table.rows[0][0].col_span == 3 and table.rows[1][0].row_span == 2


def test_a_merge_continued_with_nothing_above_to_continue_is_a_cell_of_its_own():
    body = tbl(tr(tc("A", "<w:vMerge/>"), tc("B")),
               tr(tc("C", "<w:gridSpan w:val='2'/>")),
               tr(tc("D", "<w:vMerge/>"), tc("E")))  # the cell above spans two columns: not the same cell
    table = read_blocks(word_with_body(body))[0]
    assert texts(table) == [["A", "B"], ["C", None], ["D", "E"]]
    assert table.rows[0][0].row_span == 1 and table.rows[2][0].row_span == 1


def test_only_header_rows_from_the_first_on_count_as_header_rows():
    header = "<w:tblHeader/>"
    body = tbl(tr(tc("A")), tr(tc("B"), properties=header)) + \
        tbl(tr(tc("C"), properties=header), tr(tc("D"), properties="<w:tblHeader w:val='false'/>"))
    first, second = read_blocks(word_with_body(body))
    assert (first.header, first.header_rows) == ((False, True), 0)
    assert (second.header, second.header_rows) == ((True, False), 1)


def test_a_signature_table_is_read_row_by_row_in_the_grid_and_column_by_column_in_its_lines():
    body = tbl(tr(tc("TM. BAN THƯỜNG VỤ"), tc("TM. BCH CÔNG ĐOÀN")),
               tr(tc("BÍ THƯ"), tc("CHỦ TỊCH")),
               tr(tc("Nguyễn Văn An"), tc("Trần Thị Bình")))
    table = read_blocks(word_with_body(body))[0]
    assert texts(table)[0] == ["TM. BAN THƯỜNG VỤ", "TM. BCH CÔNG ĐOÀN"]
    assert table.lines == ("TM. BAN THƯỜNG VỤ", "", "BÍ THƯ", "", "Nguyễn Văn An", "",
                           "TM. BCH CÔNG ĐOÀN", "", "CHỦ TỊCH", "", "Trần Thị Bình", "")


def test_an_empty_table_and_empty_rows_give_an_empty_grid():
    blocks = read_blocks(word_with_body("<w:tbl/>" + tbl("<w:tr/>") + p("Hết")))
    assert blocks[0] == Table(rows=(), header=(), widths=(), lines=())
    assert blocks[1].rows == ((),) and blocks[1].columns == 0
    assert blocks[2].lines == ("Hết",)


# ------------------------------------------------------------------ damaged and hostile files
def refused(data: bytes, *fragments: str) -> str:
    with pytest.raises(UserError) as raised:
        read_blocks(data, label="hong.docx")
    message = str(raised.value)
    for fragment in ("hong.docx", *fragments):
        assert fragment in message, message
    return message


def test_a_file_that_is_not_a_word_file_is_refused():
    refused(b"", "không phải tệp Word")
    refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "không phải tệp Word")
    refused(b"PK\x03\x04" + bytes(100), "bị hỏng")
    refused(rezip(word_with_body(p("x")), {"word/document.xml": b"<w:document"}), "bị hỏng")
    refused(word_with_body(p("x")).replace(b"word/document.xml", b"word/documenX.xml"), "thiếu phần nội dung")
    with pytest.raises(UserError, match="không đọc được tệp"):
        read_blocks(Path("/nonexistent/ke-hoach.docx"))


def test_tables_nested_too_deep_are_refused_before_they_are_read():
    body = "<w:tbl><w:tr><w:tc>" * 40 + p("Chữ") + "</w:tc></w:tr></w:tbl>" * 40
    refused(word_with_body(body), "lồng vào nhau quá 100 tầng", "word/document.xml")


def test_tables_nested_a_little_are_read_into_the_outer_cell():
    body = "<w:tbl><w:tr><w:tc>" * 20 + p("Chữ") + "</w:tc></w:tr></w:tbl>" * 20
    table = read_blocks(word_with_body(body))[0]
    assert table.rows[0][0].nested_table and table.rows[0][0].text == "Chữ"


def test_a_table_wider_than_word_allows_is_refused():
    refused(word_with_body(tbl(tr(tc("A", "<w:gridSpan w:val='9999'/>")))), f"hơn {MAX_COLUMNS} cột")
    refused(word_with_body(tbl(tr(*[tc(str(i)) for i in range(MAX_COLUMNS + 1)]))), f"hơn {MAX_COLUMNS} cột")
    refused(word_with_body(tbl(tr(tc("A"), properties="<w:gridAfter w:val='500'/>"))), f"hơn {MAX_COLUMNS} cột")


def test_spans_that_are_not_numbers_count_as_one():
    body = tbl(tr(*(tc(str(i), f"<w:gridSpan w:val='{value}'/>")
                    for i, value in enumerate(["x", "-3", "0", "99999999999999999999", "", "²"]))))
    assert texts(read_blocks(word_with_body(body))[0]) == [["0", "1", "2", "3", "4", "5"]]


def test_a_grid_of_more_cells_than_a_plan_can_hold_is_refused_before_it_is_built():
    """A row 63 columns wide and many narrow rows: a few hundred KB of XML
    that would pad out to millions of positions."""
    wide = tr(tc("A", f"<w:gridSpan w:val='{MAX_COLUMNS}'/>"))
    rows = MAX_CELLS // MAX_COLUMNS + 1
    data = word_with_body(tbl(wide, "<w:tr><w:tc/></w:tr>" * rows))
    assert len(data) < 200_000
    message = refused(data, "word/document.xml")
    assert message.endswith("các bảng có hơn 100.000 ô, quá lớn cho một kế hoạch (tệp bị hỏng?); chưa nhập gì")


def test_many_tables_add_up_to_the_same_bound():
    table = tbl(*[tr(tc("A", f"<w:gridSpan w:val='{MAX_COLUMNS}'/>"))] * 100)
    refused(word_with_body(table * (MAX_CELLS // (100 * MAX_COLUMNS) + 1)), "hơn 100.000 ô")


def test_entities_that_expand_without_bound_are_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">'.encode() for a, b in zip("abcdefgh", "bcdefghi", strict=True))
            + b"]><d>&i;</d>")
    refused(rezip(word_with_body(p("x")), {"word/document.xml": bomb}), "bị hỏng")


# A few hundred damaged versions of the python-docx file: the reader returns
# a rectangular grid whose merges point at the cell that covers them, and
# the same lines as the line reader, or refuses with a message.
FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ORIGINAL_XML = zipfile.ZipFile(PYTHON_DOCX).read("word/document.xml")
ATTRIBUTE_OR_ELEMENT = st.sampled_from([rb'="[^"]*"', rb"<w:(?:tc|tr|tbl|p|vMerge|gridSpan|tblHeader)\b[^>]*/?>"])
JUNK = st.sampled_from([b"", b"0", b"-1", b"x", b"restart", b"continue", b"99999", b"64", b"3", b"true"])


@st.composite
def damaged_documents(draw) -> bytes:
    data = ORIGINAL_XML
    for _ in range(draw(st.integers(1, 5))):
        pattern = re.compile(draw(ATTRIBUTE_OR_ELEMENT))
        spans = [m.span() for m in pattern.finditer(data)]
        if not spans:
            continue
        start, end = spans[draw(st.integers(0, len(spans) - 1))]
        choice = draw(st.integers(0, 3))
        if choice == 0 and data[start:start + 1] == b"=":
            data = data[:start] + b'="' + draw(JUNK) + b'"' + data[end:]
        elif choice == 1:
            data = data[:start] + data[end:]
        elif choice == 2:
            data = data[:start] + data[start:end] * draw(st.integers(2, 30)) + data[end:]
        else:
            data = data[:draw(st.integers(0, len(data)))]
    return rezip(PYTHON_DOCX.read_bytes(), {"word/document.xml": data})


@FUZZ
@given(data=damaged_documents())
def test_damaged_tables_are_read_consistently_or_refused(data):
    try:
        blocks = read_blocks(data, label="hong.docx")
    except UserError as exc:
        assert exc.detail.strip() and "hong.docx" in str(exc)
        return
    assert flat_lines(blocks) == clean_lines(docx_lines(io.BytesIO(data), label="x"))[0]
    for table in tables(blocks):
        assert all(len(row) == table.columns for row in table.rows) and len(table.header) == len(table.rows)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                if cell.merged_into is not None:
                    first_r, first_c = cell.merged_into
                    first = table.rows[first_r][first_c]
                    assert first.merged_into is None and not first.missing
                    assert first_r <= r < first_r + first.row_span and first_c <= c < first_c + first.col_span

"""Tables of a Word plan made in LibreOffice Writer are imported as tables,
never flattened, and exported with the same cells (issue 19). The file is
tests/fixtures/word/ke-hoach-bang-libreoffice.docx (see SOURCES.md): a title
row merged across the assignment table, and a quota table holding "50 đơn
vị" and "40 đơn vị", which the line reader used to mistake for headings."""
import io
from pathlib import Path

import docx

from kehoach_desktop.core.layout import body_lines
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.formats.plan_import.docx_blocks import Table as WordTable
from kehoach_desktop.formats.plan_import.docx_blocks import read_blocks

LIBREOFFICE_PLAN = Path(__file__).resolve().parent.parent / "fixtures" / "word" / "ke-hoach-bang-libreoffice.docx"


def content_tables(path_or_bytes) -> list[WordTable]:
    """The tables between the title and the closing: those with more than one column and row
    that are not the header's (the first) or the signature's (holding "TM.")."""
    tables = [b for b in read_blocks(path_or_bytes) if isinstance(b, WordTable)]
    return [t for t in tables if t.columns > 1 and len(t.rows) > 1 and "TM." not in " ".join(t.lines)
            and not any("Số:" in line for line in t.lines)]


def cells(table: WordTable) -> list[list[str]]:
    return [[cell.text for cell in row if cell.merged_into is None and not cell.missing] for row in table.rows]


def test_every_cell_of_a_libreoffice_table_is_imported_into_a_table():
    plan, report = import_plan(LIBREOFFICE_PLAN)
    tables = [line.table for line in body_lines(plan) if line.table is not None]
    assert len(tables) == 2 and "2 bảng giữ nguyên dạng bảng" in report.found
    quota = tables[1]
    assert [h.text for h in quota.header_rows[0]] == ["Đơn vị", "Số lượng"]
    assert [row[1] for row in quota.rows] == ["50 đơn vị", "40 đơn vị"]  # not "1. đơn vị:" headings
    assignment = tables[0]
    assert assignment.header_rows[0][0].text == "BẢNG PHÂN CÔNG THỰC HIỆN" and assignment.header_rows[0][0].span == 4
    assert [h.text for h in assignment.header_rows[1]] == ["STT", "Đơn vị", "Nhiệm vụ", "Thời gian hoàn thành"]
    words = " ".join(text for row in assignment.rows for text in row)
    assert "mời đại biểu và báo cáo viên" in words and "(mỗi chi đoàn ít nhất 15 đoàn viên)" in words
    assert not plan.sections[-1].content.kind == "free" or all(
        "đơn vị" not in getattr(b, "heading", "") for b in plan.sections[-1].content.blocks)


def test_the_tables_are_exported_with_the_same_cells():
    plan, _report = import_plan(LIBREOFFICE_PLAN)
    exported = render_docx(plan)
    before, after = content_tables(LIBREOFFICE_PLAN), content_tables(exported)
    assert len(before) == len(after) == 2
    for original, written in zip(before, after, strict=True):
        assert [c for row in cells(written) for c in row if c] == [c for row in cells(original) for c in row if c]
    document = docx.Document(io.BytesIO(exported))
    assert all("w:tblHeader" in table.rows[0]._tr.xml for table in document.tables[1:-1])  # titles repeat

"""A plan's table as a real Word table (formats/docx_tables.py): read back with
python-docx, then rendered by LibreOffice: the header row repeats at the top
of page 2, no row splits between pages, a landscape section turns its pages."""
from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from kehoach_desktop.core.model import Plan
from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.docx_tables import add_table, landscape_section, landscape_text_width
from kehoach_desktop.formats.libreoffice import convert
from kehoach_desktop.formats.page_measures import measures

MEASURES = measures("doan")
TEXT_WIDTH_EMU = round(MEASURES.text_width * 12700)  # 160 mm
TEXT_WIDTH_TWIPS = round(MEASURES.text_width * 20)


def assignments(rows: int) -> Table:
    """Unit / task / deadline / people, every fifth task on two lines (tokens
    like "NV005" and "NV005b" find them in a PDF's text)."""
    return Table(
        columns=[TableColumn(2, "center"), TableColumn(5), TableColumn(7, "justify"), TableColumn(3, "center"),
                 TableColumn(3, "right", numeric=True)],
        header_rows=[[HeaderCell("STT"), HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ"), HeaderCell("Thời hạn"),
                      HeaderCell("Số người")]],
        rows=[[str(n), f"Đoàn phường {n}", f"NV{n:03d} tổ chức hoạt động" + (f"\nNV{n:03d}b lần hai" if n % 5 == 0
                                                                              else ""),
               "30/6/2024", f"{n * 10:,}".replace(",", ".")] for n in range(1, rows + 1)],
        total_row=True)


def two_line_rows(rows: int) -> Table:
    table = assignments(rows)
    table.rows = [[row[0], row[1], row[2].split("\n")[0] + "\nthêm", *row[3:]] for row in table.rows]
    return table


def document_with(*tables: Table, width_emu: int = TEXT_WIDTH_EMU, lines: int = 0) -> docx.document.Document:
    """A plan's Word file (page, fonts, page numbers), a table after its text
    (one paragraph, or ``lines`` one-line paragraphs)."""
    preamble = [f"Dòng {n}." for n in range(1, lines + 1)] or ["Đoạn mở đầu."]
    plan = Plan(title="Kế hoạch thử bảng", preamble=preamble, signatures=[], recipients=[])
    document = docx.Document(io.BytesIO(render_docx(plan)))
    for table in tables:
        document.add_paragraph("Bảng phân công:")
        add_table(document, table, width_emu, MEASURES)
        document.add_paragraph("Sau bảng.")
    return document


def reread(document) -> docx.document.Document:
    out = io.BytesIO()
    document.save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def test_the_word_table_has_borders_header_rows_rows_that_do_not_split_and_its_widths():
    table = assignments(3)
    table.header_rows.insert(0, [HeaderCell("PHÂN CÔNG", span=3), HeaderCell("Ghi chú", span=2)])
    word = reread(document_with(table)).tables[-1]
    tbl_pr = word._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    assert [(e.tag.split("}")[1], e.get(qn("w:val")), e.get(qn("w:sz"))) for e in borders] == [
        (edge, "single", "6") for edge in ("top", "left", "bottom", "right", "insideH", "insideV")]
    assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    margins = {e.tag.split("}")[1]: e.get(qn("w:w")) for e in tbl_pr.find(qn("w:tblCellMar"))}
    assert margins == {"top": "0", "left": "108", "bottom": "0", "right": "108"}
    grid = [int(col.get(qn("w:w"))) for col in word._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == TEXT_WIDTH_TWIPS and grid == [907, 2268, 3175, 1361, 1360]  # 2:5:7:3:3
    assert len(word.rows) == 2 + 3 + 1
    for number, row in enumerate(word.rows):
        tr_pr = row._tr.trPr
        assert tr_pr.find(qn("w:cantSplit")) is not None
        assert (tr_pr.find(qn("w:tblHeader")) is not None) == (number < 2)
        widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.tc_lst]
        assert sum(widths) == TEXT_WIDTH_TWIPS
    title = word.rows[0]._tr.tc_lst[0]
    assert title.grid_span == 3 and word.rows[0].cells[0].text == "PHÂN CÔNG"
    # Every run is 13 pt; header rows bold, centred, kept with the next row.
    for row in word.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                assert all(run.font.size == Pt(13) for run in p.runs)
    for p in (p for row in word.rows[:2] for cell in row.cells for p in cell.paragraphs):
        assert p.alignment == 1 and p.paragraph_format.keep_with_next  # CENTER
        assert all(run.bold for run in p.runs)
    data = word.rows[2 + 2]  # the third task: "3", ...
    assert [p.alignment for p in (c.paragraphs[0] for c in data.cells)] == [1, 0, 3, 1, 2]  # C L J C R
    assert not any(run.bold for c in data.cells for p in c.paragraphs for run in p.runs)
    # Multi-line cells are paragraphs of their own.
    five = reread(document_with(assignments(5))).tables[-1].rows[5].cells[2]
    assert [p.text for p in five.paragraphs] == ["NV005 tổ chức hoạt động", "NV005b lần hai"]
    total = word.rows[-1]
    assert total._tr.tc_lst[0].grid_span == 4
    assert [c.text for c in total.cells][-2:] == ["Tổng cộng", "60"]
    assert all(run.bold for c in total.cells for p in c.paragraphs for run in p.runs)


def test_with_a_paragraph_style_the_cells_name_it_and_carry_only_what_differs():
    plan = Plan(title="Kế hoạch", signatures=[], recipients=[])
    document = docx.Document(io.BytesIO(render_docx(plan)))
    style = document.styles["KH Bảng"]  # the Word writer's style for table cells (page_measures "table_cell")
    assert style.font.size == Pt(13)
    add_table(document, assignments(1), TEXT_WIDTH_EMU, MEASURES, style_id=style.style_id)
    word = reread(document).tables[-1]
    cells = word.rows[1].cells
    assert {p.style.name for c in cells for p in c.paragraphs} == {"KH Bảng"}
    assert all(run.font.size is None for c in cells for p in c.paragraphs for run in p.runs)
    assert [c.paragraphs[0].alignment for c in cells] == [1, None, 3, 1, 2]  # left is the style's


def test_a_table_in_a_cell():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    add_table(outer.cell(0, 0), assignments(2), TEXT_WIDTH_EMU // 2, MEASURES)
    inner = reread(document).tables[0].cell(0, 0).tables[0]
    assert [c.text for c in inner.rows[2].cells][:2] == ["2", "Đoàn phường 2"]


# ----------------------------------------------------------- through LibreOffice


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, libreoffice, poppler) -> dict[str, Path]:
    """LibreOffice's PDFs of the Word files below (one conversion)."""
    folder = tmp_path_factory.mktemp("tables")
    long = document_with(assignments(60))
    wide = document_with(assignments(30), width_emu=round(landscape_text_width(MEASURES) * 12700))
    word = wide.tables[-1]._tbl
    landscape_section(wide, word.getprevious(), word)  # with its heading; "Sau bảng." stays upright
    # 23 lines of text leave room at the foot of page 1 for the header row
    # (15.7 pt) but not for it and a two-line row (46.4 pt more).
    foot = document_with(two_line_rows(10), lines=23)
    bare = document_with(two_line_rows(10), lines=23)
    for mark in [*bare.tables[-1]._tbl.iter(qn("w:keepNext")), *bare.tables[-1]._tbl.iter(qn("w:tblHeader"))]:
        mark.getparent().remove(mark)  # an ordinary first row, which LibreOffice leaves there
    sources = []
    for name, document in (("long", long), ("wide", wide), ("foot", foot), ("bare", bare)):
        path = folder / f"{name}.docx"
        document.save(path)
        sources.append(path)
    return {path.stem: path for path in convert(sources, "pdf", folder / "pdf")}


def test_the_header_row_repeats_at_the_top_of_page_2_and_no_row_splits(rendered):
    pages = page_texts(rendered["long"])
    assert len(pages) >= 2
    for number, page in enumerate(pages[1:], start=2):
        lines = [line.split() for line in page.splitlines() if line.strip()]
        assert lines[0] == [str(number)]  # the page number
        assert lines[1] == ["STT", "Đơn", "vị", "Nhiệm", "vụ", "Thời", "hạn", "Số", "người"], lines[1]
    first_page = {}
    for number, page in enumerate(pages):
        for token in re.findall(r"NV\d{3}b?", page):
            first_page.setdefault(token, number)
    assert len(first_page) == 60 + 12  # every task, and the second line of every fifth
    for n in range(5, 61, 5):
        assert first_page[f"NV{n:03d}"] == first_page[f"NV{n:03d}b"], n  # the row is on one page
    assert "Tổng cộng" in pages[-1] and "18.300" in pages[-1]


def test_a_landscape_section_turns_the_table_s_pages_only(rendered):
    sizes = page_sizes(rendered["wide"])
    pages = page_texts(rendered["wide"])
    portrait, landscape = (595.0, 842.0), (842.0, 595.0)
    turned = [round(w) > round(h) for w, h in sizes]
    assert turned[0] is False and turned[-1] is False and any(turned), sizes
    assert "Đoạn mở đầu." in pages[0] and "Bảng phân công:" in pages[1] and "NV001" in pages[1]
    assert "Sau bảng." in pages[-1] and "NV030" not in pages[-1]
    for number, page in enumerate(pages):
        if turned[number]:
            assert "NV0" in page
            assert abs(sizes[number][0] - landscape[0]) < 1 and abs(sizes[number][1] - landscape[1]) < 1
        else:
            assert abs(sizes[number][0] - portrait[0]) < 1


def test_a_header_row_is_never_left_alone_at_the_foot_of_a_page(rendered):
    pages = page_texts(rendered["foot"])
    assert "Dòng 23." in pages[0] and "STT" not in pages[0]
    assert "STT" in pages[1] and "NV001" in pages[1]
    bare = page_texts(rendered["bare"])  # the room was there: an ordinary row stays alone
    assert "STT" in bare[0] and "NV001" not in bare[0]

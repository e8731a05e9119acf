"""A wide table marked landscape gets landscape pages of its own, with the
headings above it, in the Word file and in our painter alike (issue 19).
The page-parity test compares both with LibreOffice page for page and turn
for turn; this one reads the Word file's sections back and checks what only
our painter decides: the orientation of each page and the print preview's
turned sheets."""
from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Emu
from parity_plans import named_plans

from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.docx_tables import landscape_text_width
from kehoach_desktop.formats.page_measures import measures
from kehoach_desktop.formats.pdf_export import lay_out, page_layout, paint_plan

PLANS = dict(named_plans())
M = measures("doan")


def sections(plan):
    document = Document(io.BytesIO(render_docx(plan)))
    return document, [section.orientation for section in document.sections]


def test_a_wide_table_in_the_body_turns_its_own_pages_only():
    document, turns = sections(PLANS["bang-ngang"])
    assert turns == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = document.sections[1]
    assert landscape.page_width > landscape.page_height
    # The binding side (left on a portrait page) is at the top.
    assert landscape.top_margin == document.sections[0].left_margin
    table = document.tables[1]  # after the header's
    width = sum(cell.width for cell in table.rows[0].cells)
    assert abs(Emu(width).pt - landscape_text_width(M)) < 1


def test_an_appendix_ending_the_plan_on_landscape_pages_adds_no_empty_section():
    document, turns = sections(PLANS["phu-luc-ngang-cuoi"])
    assert turns == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    body = document.element.body
    assert body[-2].tag.endswith("}p") and body[-3].tag.endswith("}tbl")  # table, its 1 pt paragraph, w:sectPr


def test_the_rule_of_a_landscape_appendix_keeps_its_length():
    document, _ = sections(PLANS["phu-luc-ngang"])
    rules = [p for p in document.paragraphs if p.style.name == "KH Gạch dưới trích yếu"]
    turned = rules[1].paragraph_format  # the title's rule, then the first appendix's
    length = landscape_text_width(M) - turned.left_indent.pt - turned.right_indent.pt
    assert length == pytest.approx(M.rule_width, abs=0.1)
    assert rules[2].paragraph_format.left_indent is None  # the portrait appendix keeps its style's


def test_a_plain_table_stays_upright(qapp):
    plan = PLANS["bang-ngang"]
    upright = replace(plan, sections=[replace(s, content=replace(s.content, landscape=False))
                                      if getattr(s.content, "kind", "") == "table" else s for s in plan.sections])
    assert sections(upright)[1] == [WD_ORIENT.PORTRAIT]
    assert not any(lay_out(upright).landscape)


def test_our_pages_turn_with_the_word_file_s_sections(qapp):
    pages = lay_out(PLANS["phu-luc-ngang"])
    turned = [index for index, landscape in enumerate(pages.landscape) if landscape]
    assert turned and turned == list(range(turned[0], turned[-1] + 1))  # one run of pages
    assert pages.find("PHỤ LỤC I")[0] == turned[0]  # the appendix opens on the first landscape page
    assert pages.find("PHỤ LỤC II")[0] == turned[-1] + 1  # the portrait one after it, upright


def test_the_print_preview_shows_landscape_pages_turned_on_portrait_sheets(qapp, tmp_path, poppler):
    """Qt's print preview shows every page in the first page's shape: the
    landscape pages are drawn turned on the sheet, words and all."""
    from PySide6.QtGui import QPdfWriter

    pdf = tmp_path / "xem-truoc.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageLayout(page_layout())
    writer.setResolution(300)
    count = paint_plan(PLANS["phu-luc-ngang-cuoi"], writer, turn_on_sheet=True)
    del writer
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    assert len(sizes) == count and all(float(w) < float(h) for w, h in sizes)
    last = subprocess.run(["pdftotext", "-f", str(count), "-l", str(count), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Tổng cộng" in last  # the table's last page is there, turned


def test_a_table_on_landscape_pages_imports_marked_landscape(tmp_path):
    from kehoach_desktop.formats.plan_import import import_plan

    for name, where in (("bang-ngang", "sections"), ("phu-luc-ngang-cuoi", "appendices")):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(render_docx(PLANS[name]))
        plan, _report = import_plan(path)
        tables = [part.content for part in getattr(plan, where) if part.content.kind == "table"]
        assert [table.landscape for table in tables] == [True], name
    path = tmp_path / "doc.docx"
    path.write_bytes(render_docx(PLANS["bang-40-dong"]))
    assert [s.content.landscape for s in import_plan(path)[0].sections if s.content.kind == "table"] == [False]


def test_the_block_reader_tells_which_tables_are_in_a_landscape_section(tmp_path):
    """A Word file made elsewhere (python-docx, as Word writes sections): a
    table in a portrait section, one in a landscape section, one after it."""
    from docx.enum.section import WD_SECTION

    from kehoach_desktop.formats.plan_import.docx_blocks import Table as WordTable
    from kehoach_desktop.formats.plan_import.docx_blocks import read_blocks

    document = Document()
    document.add_paragraph("Trước")
    document.add_table(rows=2, cols=2)
    turned = document.add_section(WD_SECTION.NEW_PAGE)
    turned.orientation = WD_ORIENT.LANDSCAPE
    turned.page_width, turned.page_height = turned.page_height, turned.page_width
    document.add_table(rows=2, cols=2)
    upright = document.add_section(WD_SECTION.NEW_PAGE)
    upright.orientation = WD_ORIENT.PORTRAIT
    upright.page_width, upright.page_height = upright.page_height, upright.page_width
    document.add_table(rows=2, cols=2)
    path = tmp_path / "khac.docx"
    document.save(path)
    tables = [block for block in read_blocks(path) if isinstance(block, WordTable)]
    assert [table.landscape for table in tables] == [False, True, False]

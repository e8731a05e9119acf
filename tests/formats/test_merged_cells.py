"""Merged body cells (core/tables.CellMerge) in the Word file and back: a
unit's name down its rows, a group's title across the table. The page-parity
case "bang-gop-o" holds our painter to LibreOffice's pages of the same file;
this reads the Word file itself and imports it again."""
from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from parity_plans import MERGED_TABLE, named_plans

from kehoach_desktop.core.tables import normalised
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan

PLAN = dict(named_plans())["bang-gop-o"]


def word_table():
    document = Document(io.BytesIO(render_docx(PLAN)))
    return document.tables[1]  # after the header's


def test_the_word_table_merges_what_the_plan_merges():
    table = word_table()
    body = table.rows[1:]  # under the title row
    first = body[0]._tr.tc_lst
    assert len(first) == 1 and first[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "4"  # a group's title
    down = [row._tr.tc_lst[0].tcPr.find(qn("w:vMerge")) for row in body[1:4]]
    assert down[0].get(qn("w:val")) == "restart" and all(v is not None and v.get(qn("w:val")) != "restart"
                                                         for v in down[1:])
    assert table.cell(2, 0).text == "Đoàn phường 1"


def test_rows_under_a_merge_and_a_group_title_keep_with_the_next_row():
    body = word_table().rows[1:]

    def kept(row) -> bool:
        return all(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in row._tr.iter(qn("w:p")))

    assert [kept(row) for row in body[:5]] == [True, True, True, False, True]  # title, 3 rows of a unit, next title


def test_a_cell_merged_from_above_is_an_empty_line_in_the_table_s_look():
    body = word_table().rows[1:]
    covered = body[2]._tr.tc_lst[0]
    styles = [p.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val")) for p in covered.iter(qn("w:p"))]
    anchor = body[1]._tr.tc_lst[0]
    assert styles == [anchor.find(qn("w:p")).find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val"))]


def test_merged_cells_come_back_merged_from_the_word_file(tmp_path):
    path = tmp_path / "gop-o.docx"
    path.write_bytes(render_docx(PLAN))
    plan, _report = import_plan(path)
    table = next(section.content for section in plan.sections if section.content.kind == "table")
    expected = normalised(MERGED_TABLE)
    assert table.merges == expected.merges
    assert table.rows == expected.rows and table.total_row

"""Merged body cells in a plan as text (issue 19): the text export draws a
row merged across the whole table between rules of dashes and a merge
running down with a rule broken under the merged cell, and the text import
reads both back as merges, so that our own .txt of a plan imports with the
same tables; a grid typed by hand in that shape is read the same, and plan
text around a table (a heading "I." under a rule, a title's "-------") is
never taken for a merged row."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from parity_plans import MERGED_TABLE, named_plans
from test_text_tables_import import HEAD, TAIL

from kehoach_desktop.core import content as c
from kehoach_desktop.core.budget import Budget
from kehoach_desktop.core.layout import body_lines
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.core.tables import CellMerge, Table, normalised
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.formats.text_export import render_text


def tables_of(plan: Plan) -> list[Table | Budget]:
    """Every table and budget of the plan, in the order of the plan."""
    found: list[Table | Budget] = []

    def walk(content: object) -> None:
        if isinstance(content, (Table, Budget)):
            found.append(content)
        elif isinstance(content, c.FreeContent):
            for block in content.blocks:
                if isinstance(block, (c.Embedded, c.Subsection)):
                    walk(block.content)

    for part in [*plan.sections, *plan.appendices]:
        walk(part.content)
    return found


def across(table: Table) -> list[CellMerge]:
    return [m for m in normalised(table).merges if m.columns > 1]


WITH_TABLES = [(name, plan) for name, plan in named_plans() if tables_of(plan)]


def test_the_parity_plans_hold_the_merged_table():
    assert "bang-gop-o" in dict(WITH_TABLES) and len(WITH_TABLES) >= 7


@pytest.mark.parametrize(("name", "plan"), WITH_TABLES, ids=[name for name, _ in WITH_TABLES])
def test_our_text_of_a_plan_with_tables_imports_with_the_same_tables(name, plan):
    text = render_text(plan)
    back, report = plan_from_text(text)
    assert render_text(back) == text
    assert [(s.heading, s.content.kind) for s in back.sections] == [(s.heading, s.content.kind) for s in plan.sections]
    made, read = tables_of(plan), tables_of(back)
    assert [t.kind for t in read] == [t.kind for t in made]
    for before, after in zip(made, read, strict=True):
        if isinstance(before, Table):
            assert isinstance(after, Table)
            assert normalised(after).rows == normalised(before).rows
            assert across(after) == across(before)  # merges across come back as merges
            assert normalised(after).merges == normalised(before).merges  # and the merges down too


def test_the_merged_table_from_a_txt_file(tmp_path):
    plan = dict(named_plans())["bang-gop-o"]
    path = tmp_path / "ke-hoach.txt"
    path.write_text(render_text(plan), encoding="utf-8")
    back, report = import_plan(path)
    table = next(s.content for s in back.sections if s.heading == "PHÂN CÔNG THEO CỤM")
    assert table.kind == "table" and table.total_row
    assert table.rows == normalised(MERGED_TABLE).rows
    assert table.merges == normalised(MERGED_TABLE).merges
    # "I. CỤM THI ĐUA SỐ 1" … "VIII. …" are rows of the table, no section of the plan
    assert not any("CỤM THI ĐUA" in s.heading for s in back.sections)
    assert len(back.sections) == len(plan.sections)


HAND_TYPED = """III. PHÂN CÔNG THEO CỤM:
Đơn vị        | Nhiệm vụ                     | Thời gian
--------------+------------------------------+----------
I. CỤM THI ĐUA SỐ 1
---------------------------------------------------
Đoàn phường 1 | Tổ chức ra quân              | Tháng 3
              +------------------------------+----------
              | Vận động đoàn viên tham gia  | Tháng 4
              | hiến máu tình nguyện         |
Đoàn phường 2 | Tuyên truyền                 | Tháng 4
---------------------------------------------------
II. CỤM THI ĐUA SỐ 2
---------------------------------------------------
Đoàn phường 3 | Tổ chức ra quân              | Tháng 5
"""


def test_a_grid_typed_in_that_shape_reads_as_a_table_with_merges():
    """Typed in Notepad: its rules of dashes shorter than the table's
    width, the rows under the unit's name after a broken rule."""
    plan, report = plan_from_text(HEAD + HAND_TYPED + TAIL)
    assert [s.heading for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN - ĐỊA ĐIỂM", "PHÂN CÔNG THEO CỤM"]
    table = plan.sections[2].content
    assert table.kind == "table"
    assert [cell.text for cell in table.header_rows[0]] == ["Đơn vị", "Nhiệm vụ", "Thời gian"]
    assert table.rows == [["I. CỤM THI ĐUA SỐ 1", "", ""],
                          ["Đoàn phường 1", "Tổ chức ra quân", "Tháng 3"],
                          ["", "Vận động đoàn viên tham gia hiến máu tình nguyện", "Tháng 4"],
                          ["Đoàn phường 2", "Tuyên truyền", "Tháng 4"],
                          ["II. CỤM THI ĐUA SỐ 2", "", ""],
                          ["Đoàn phường 3", "Tổ chức ra quân", "Tháng 5"]]
    assert table.merges == [CellMerge(0, 0, 1, 3), CellMerge(1, 0, 2, 1), CellMerge(4, 0, 1, 3)]
    assert plan.signatures[0].authority_line == "TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG"  # the closing still read


def test_an_old_export_of_merged_rows_stays_as_it_was_read():
    """Before this shape, a row merged across was drawn alone, without
    rules: such a text is read as before (the grid ends there), the row
    no merged one."""
    old = """III. PHÂN CÔNG THEO CỤM:
   Đơn vị    | Nhiệm vụ
-------------+----------
Cụm số 1
Đoàn phường 1 | Ra quân
"""
    plan, _ = plan_from_text(HEAD + old + TAIL)
    assert not any(isinstance(t, Table) and t.merges for t in tables_of(plan))


PLAN_TEXT_AROUND_A_GRID = """III. PHÂN CÔNG NHIỆM VỤ:
Đơn vị        | Nhiệm vụ            | Thời gian
--------------+---------------------+----------
Đoàn phường 1 | Tổ chức ra quân     | Tháng 3
Đoàn phường 2 | Tuyên truyền        | Tháng 4
-------
IV. KINH PHÍ:
Do Đoàn phường tự cân đối.
-------
V. TỔ CHỨC THỰC HIỆN:
Các đơn vị báo cáo kết quả trước ngày 25/3/2025.
"""

BORDERED = """III. PHÂN CÔNG NHIỆM VỤ:
--------------+---------------------+----------
Đơn vị        | Nhiệm vụ            | Thời gian
--------------+---------------------+----------
Đoàn phường 1 | Tổ chức ra quân     | Tháng 3
--------------+---------------------+----------
IV. CHỈ TIÊU:
Các đơn vị đăng ký như sau:
--------------+---------------------+----------
Đơn vị        | Chỉ tiêu            | Thời gian
--------------+---------------------+----------
Đoàn phường 2 | 50 đoàn viên        | Tháng 4
"""


@pytest.mark.parametrize("text", [PLAN_TEXT_AROUND_A_GRID, BORDERED], ids=["rules-of-dashes", "bordered-tables"])
def test_plan_text_between_rules_is_no_merged_row(text):
    """A heading "IV." between a grid and a rule of dashes, or between the
    borders of two tables typed with them, stays a heading of the plan."""
    plan, _ = plan_from_text(HEAD + text + TAIL)
    headings = [s.heading for s in plan.sections]
    assert headings[2:] == (["PHÂN CÔNG NHIỆM VỤ", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"] if text is PLAN_TEXT_AROUND_A_GRID
                            else ["PHÂN CÔNG NHIỆM VỤ", "CHỈ TIÊU"])
    for table in tables_of(plan):
        assert isinstance(table, Table) and not table.merges
        assert not any("IV." in cell or "V." in cell for row in table.rows for cell in row)


def test_the_titles_rule_is_not_a_merged_rows_rule():
    """The text export's "-------" under the title, then the preamble, then
    a table with no titles starting with a merged row: the preamble stays
    text (the table's rules are as long as the table, not the title's)."""
    table = Table(columns=MERGED_TABLE.columns, rows=normalised(MERGED_TABLE).rows[:4],
                  merges=[CellMerge(0, 0, 1, 4), CellMerge(1, 0, 3, 1)])
    plan = dict(named_plans())["002"]
    plan = replace(plan, preamble=[*plan.preamble, "Ban Thường vụ phân công như sau:"],
                   sections=[Section("PHÂN CÔNG", table), *plan.sections])
    text = render_text(plan)
    assert "\n-------\n" in text and "\n" + "-" * 20 in text
    back, _ = plan_from_text(text)
    assert back.preamble == plan.preamble
    assert render_text(back) == text
    got = back.sections[0].content
    assert got.kind == "table" and normalised(got).merges == normalised(table).merges


def test_word_tables_with_a_title_across_come_back_from_their_text_export():
    """The LibreOffice-made fixture (a merged title row above the column
    titles) and the python-docx one: imported from Word, exported as text,
    imported from that text: the same tables and the same text."""
    for word in sorted((Path(__file__).resolve().parents[1] / "fixtures" / "word").glob("*.docx")):
        plan, _ = import_plan(word)
        text = render_text(plan)
        back, _ = plan_from_text(text)
        # The same cells, titles and merges (a text table's column widths come from its characters).
        tables = [[(t.header_rows, t.rows, t.merges, t.total_row) for line in body_lines(p)
                   if (t := line.table) is not None] for p in (plan, back)]
        assert tables[0] == tables[1], word.name
        assert tables[0] or word.name != "ke-hoach-bang-libreoffice.docx"  # it holds one
        assert render_text(back) == text, word.name

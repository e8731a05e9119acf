"""The checker's table rules (issue 19): "table" (tables.table_problems as
findings) and "table-page" (a word wider than its cell; landscape pages),
and what they say of the real plans: nothing."""
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURE_FILES
from parity_plans import named_plans

from kehoach_desktop.core import content as c
from kehoach_desktop.core.checks import check_plan
from kehoach_desktop.core.checks.rules import table_page_findings
from kehoach_desktop.core.checks.table_fit import least_width, needs, overflows, text_widths, word_width
from kehoach_desktop.core.model import Appendix, Plan, Section
from kehoach_desktop.core.profile import get_profile
from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn, column_widths
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.plan_import import import_plan

REPO = Path(__file__).resolve().parents[2]
DOAN = get_profile("doan")  # A4, 30 mm left and 20 mm right margins: 160 mm of text
LAYOUT = DOAN.layout
# An office whose rules print every page upright (the profile's "tables" setting).
NO_LANDSCAPE = replace(DOAN, layout={**LAYOUT, "tables": {"landscape": False}})
WORDS = ("Văn phòng Đoàn phường", "Xây dựng kế hoạch", "23/12/2022", "Nguyễn Văn An", "Chi đoàn 5")


def found(plan, rule):
    return [f for f in check_plan(plan, today=date(2026, 12, 1)) if f.rule == rule]


def grid(columns: int, rows: int = 3, landscape: bool = False, weights: list[int] | None = None) -> Table:
    """A table of ``columns`` columns holding what assignment tables hold:
    units, tasks, dates and names."""
    return Table(columns=[TableColumn(w) for w in weights or [1] * columns],
                 header_rows=[[HeaderCell(f"Cột {n + 1}") for n in range(columns)]],
                 rows=[[WORDS[(r + n) % len(WORDS)] for n in range(columns)] for r in range(rows)],
                 landscape=landscape)


# ------------------------------------------------------------------ "table"


def test_a_table_problem_is_a_finding_naming_its_place_and_cell():
    table = Table(columns=[TableColumn(), TableColumn(numeric=True)],
                  header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Số lượng")]],
                  rows=[["Chi đoàn 1", "50"], ["Chi đoàn 2", "40 đơn vị"]], total_row=True)
    plan = Plan(title="Hội thao", sections=[Section("CHỈ TIÊU", table)])
    (finding,) = found(plan, "table")
    assert finding.severity == "error"  # the total row leaves "40 đơn vị" out: the printed total is wrong
    assert finding.message == ("Mục I: dòng 2, cột 2 («Số lượng»): «40 đơn vị» không phải là số "
                               "(viết như 5.000.000 hoặc 1,5)")
    assert finding.field == "sections[0].content.rows[1][1]"
    table.total_row = False
    assert [f.severity for f in found(plan, "table")] == ["warning"]
    table.rows[1][1] = "40"
    assert found(plan, "table") == []


def test_tables_sharing_a_place_are_numbered_and_an_appendix_is_named():
    unfinished = Table(columns=[TableColumn()], rows=[["a"]])  # no header row
    free = c.FreeContent(blocks=[c.Paragraph("Phân công:"), c.Embedded(grid(3)), c.Embedded(unfinished)])
    plan = Plan(title="Hội thao", sections=[Section("TỔ CHỨC", free)],
                appendices=[Appendix("Danh sách", Table()), Appendix("Lịch", grid(2))])
    findings = found(plan, "table")
    assert [(f.severity, f.message, f.field) for f in findings] == [
        ("warning", "Mục I, bảng 2: bảng chưa có dòng tiêu đề", "sections[0].content.blocks[2].content.header_rows"),
        ("warning", "Phụ lục I: bảng chưa khai báo cột nào", "appendices[0].content.columns"),
        ("warning", "Phụ lục I: bảng chưa có dòng tiêu đề", "appendices[0].content.header_rows"),
        ("warning", "Phụ lục I: bảng chưa có dòng nào", "appendices[0].content.rows")]


# ------------------------------------------------------------ "table-page"


def test_the_estimate_of_a_word_is_never_wider_than_the_word():
    from kehoach_desktop.formats.text_metrics import text_width

    words = {"STT", "Nguyễn", "23/12/2022", "1.500.000.000", "WWW", "mmm", "Ii!", "Jjj", "ĐOÀN", "ưởng", "sĩ",
             "BÍ", "e\u0301", "(Kèm", "TP.HCM", "https://example.org/a"}
    for path in [*FIXTURE_FILES, *(REPO / "kehoach_desktop/resources").rglob("*.json")]:
        words |= set(path.read_text(encoding="utf-8").split())  # every word of the real plans and templates
    assert len(words) > 2000
    assert [word for word in words if not 0 < word_width(word) <= text_width(word, 13)] == []
    assert word_width("e\u0301") == word_width("e")  # a combining accent takes no room


def test_an_assignment_table_fits_a_portrait_page():
    assert overflows(grid(4), text_widths(LAYOUT)[0]) == []
    plan = Plan(title="Hội thao", sections=[Section("PHÂN CÔNG", grid(4))])
    assert found(plan, "table-page") == []


def test_many_columns_are_printed_on_a_landscape_page():
    portrait, landscape = text_widths(LAYOUT)
    assert round(portrait / 72 * 25.4) == 160 and round(landscape / 72 * 25.4) == 257
    wide = grid(10)
    assert portrait < least_width(wide) <= landscape
    plan = Plan(title="Hội thao", sections=[Section("PHÂN CÔNG", wide)])
    (hint,) = found(plan, "table-page")
    assert hint.severity == "info" and hint.field == "sections[0].content.landscape"
    assert hint.message.startswith("Mục I: bảng 10 cột chật trên trang dọc, chữ “")
    assert hint.message.endswith("không vừa ô, sẽ bị ngắt giữa chừng; in bảng trên trang nằm ngang")
    assert "ở cột 1 («Cột 1»)" in hint.message and ", …" in hint.message  # four columns or more: three named
    wide.landscape = True
    assert found(plan, "table-page") == []


def test_a_crowded_table_that_would_fit_is_still_turned():
    """Eight columns whose widest words take three quarters of a portrait
    line: each could be widened, but only by squeezing the others."""
    titles = ("STT", "Đơn vị", "Nội dung công việc", "Người phụ trách", "Thời gian", "Số đoàn viên",
              "Kinh phí (đồng)", "Ghi chú")
    table = Table(columns=[TableColumn(w) for w in (2, 6, 9, 5, 4, 4, 5, 6)],
                  header_rows=[[HeaderCell(t) for t in titles]],
                  rows=[[str(i), f"Đoàn phường {i}", "Tuyên truyền", "Bí thư Đoàn", f"{i}/7/2023", str(10 + i),
                         f"{i * 2}.250.000", "Phối hợp Hội LHTN"] for i in range(10, 31)])
    portrait = text_widths(LAYOUT)[0]
    assert 2 / 3 * portrait < least_width(table) <= portrait  # it would fit, with other weights
    (hint,) = table_page_findings(table, "sections[1].content", "Mục II", DOAN)
    assert hint.field == "sections[1].content.landscape"
    assert hint.message.startswith("Mục II: bảng 8 cột chật trên trang dọc, chữ “STT” ở cột 1 («STT»)")
    table.landscape = True
    assert list(table_page_findings(table, "sections[1].content", "Mục II", DOAN)) == []


def test_a_narrow_column_is_widened_rather_than_the_page_turned():
    # As in the imported LibreOffice plan, whose "STT" column is 12 mm wide:
    # the other columns have room to give.
    table = Table(columns=[TableColumn(1), TableColumn(6), TableColumn(6)],
                  header_rows=[[HeaderCell("Ngày"), HeaderCell("Nội dung"), HeaderCell("Đơn vị")]],
                  rows=[["23/12/2022", "Tập huấn cán bộ Đoàn", "Ban Tuyên giáo"]])
    width = column_widths(table, round(text_widths(LAYOUT)[0]))[0]
    assert [(n.word, n.need > width) for n in needs(table)][0] == ("23/12/2022", True)
    findings = list(table_page_findings(table, "sections[0].content", "Mục I", DOAN))
    assert [(f.severity, f.message, f.field) for f in findings] == [
        ("info", "Mục I: chữ “23/12/2022” ở cột 1 («Ngày») không vừa ô, sẽ bị ngắt giữa chừng; nới rộng cột đó, "
                 "thu hẹp cột khác", "sections[0].content.columns[0].width")]
    table.columns[0].width = 2
    assert list(table_page_findings(table, "sections[0].content", "Mục I", DOAN)) == []


def test_a_table_too_wide_even_for_a_landscape_page():
    table = grid(18)
    assert least_width(table) > text_widths(LAYOUT)[1]
    (hint,) = table_page_findings(table, "appendices[1].content", "Phụ lục II", DOAN)
    assert hint.message.startswith("Phụ lục II: bảng 18 cột rộng hơn trang giấy")
    assert hint.message.endswith("; bớt cột hoặc viết gọn các chữ dài") and hint.field == "appendices[1].content.columns"


def test_a_profile_without_landscape_pages():
    marked, wide = grid(3, landscape=True), grid(10)
    (warning,) = table_page_findings(marked, "sections[1].content", "Mục II", NO_LANDSCAPE)
    assert (warning.severity, warning.field) == ("warning", "sections[1].content.landscape")
    assert warning.message == ("Mục II: bảng được đánh dấu in trên trang nằm ngang nhưng thể thức văn bản này "
                               "không dùng trang nằm ngang; bảng sẽ in trên trang dọc")
    assert list(table_page_findings(marked, "sections[1].content", "Mục II", DOAN)) == []
    # a wide table is not sent to a landscape page the profile does not have
    (hint,) = table_page_findings(wide, "sections[1].content", "Mục II", NO_LANDSCAPE)
    assert "rộng hơn trang giấy" in hint.message and "nằm ngang" not in hint.message


# ------------------------------------------------------------ the real plans


def _real_plans():
    plans = [kehoach_json.read_file(path) for path in FIXTURE_FILES]
    plans += [kehoach_json.read_file(path) for path in sorted((REPO / "kehoach_desktop/resources").rglob("*.kehoach.json"))]
    plans += [import_plan(path)[0] for path in sorted((REPO / "tests/fixtures/word").glob("*.docx"))]
    return plans + [plan for _, plan in named_plans()]  # the parity plans: a 40-row table, a budget, appendices


@pytest.mark.parametrize("rule", ["table", "table-page"])
def test_the_real_plans_and_their_tables_have_no_table_finding(rule):
    plans = _real_plans()
    tables = sum(isinstance(content, Table) for plan in plans for content in _contents(plan))
    assert tables >= 3  # the Word fixtures' two, the parity plans' 40-row table
    assert [f for plan in plans for f in found(plan, rule)] == []


def _contents(plan):
    from kehoach_desktop.core.plan_texts import structured

    return [content for _, content in structured(plan)]

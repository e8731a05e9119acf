"""Tables in a text plan (issue 19): pasted from Excel (tabs), typed in
Notepad or copied from a PDF (columns aligned with spaces), and the grid of
the program's own text export, become table or budget content; a plan's
other lines (its header, numbered lines, labels and a tab, the closing's
side-by-side block) never do, and the real plans as text import as they did
before tables were looked for."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from parity_plans import BUDGET, FORTY_ROWS, TWO_APPENDICES, named_plans

from kehoach_desktop.core import content as c
from kehoach_desktop.core.budget import Budget
from kehoach_desktop.core.budget import problems as budget_problems
from kehoach_desktop.core.model import Appendix, Section
from kehoach_desktop.core.tables import HeaderCell, Table, problems
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan, plan_from_lines, plan_from_text
from kehoach_desktop.formats.plan_import.source import clean_lines, read_source
from kehoach_desktop.formats.text_export import render_text

# The real plans as text (the same files as the bench's examples/plans/*.txt).
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plans"

HEAD = """THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN PHƯỜNG BẾN THÀNH
***
Số: 12-KH/ĐTN
ĐOÀN TNCS HỒ CHÍ MINH
Phường Bến Thành, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Tổ chức Ngày hội Thanh niên khỏe năm 2025
-----
Thực hiện chương trình công tác năm 2025 của Ban Chấp hành Đoàn phường;
Ban Thường vụ Đoàn phường xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU:
1. Mục đích:
- Tạo sân chơi thể thao lành mạnh cho đoàn viên, thanh niên.
2. Yêu cầu: Tổ chức an toàn, tiết kiệm, hiệu quả.
II. THỜI GIAN - ĐỊA ĐIỂM:
1. Thời gian:\t07g30 ngày 23 tháng 3 năm 2025 (Chủ nhật).
2. Địa điểm:\tSân vận động Hoa Lư.
"""
TAIL = """Trên đây là kế hoạch tổ chức Ngày hội Thanh niên khỏe năm 2025 của Ban Thường vụ Đoàn phường./.
Nơi nhận:\tTM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG
- Thành Đoàn;\tBÍ THƯ
- Đảng ủy phường;
- Lưu: VP.\tLê Thị Mai
"""


def only_table(text: str, heading: str) -> Table | Budget:
    plan, report = plan_from_text(text)
    found = [s.content for s in plan.sections if s.heading == heading]
    assert found, [s.heading for s in plan.sections]
    assert any("bảng giữ nguyên dạng bảng" in line for line in report.found)
    return found[0]


def test_a_table_pasted_from_excel_with_tabs():
    text = HEAD + """III. PHÂN CÔNG NHIỆM VỤ:
TT\tĐơn vị\tNhiệm vụ\tThời gian
1\tVăn phòng Đoàn phường\tChuẩn bị sân bãi, âm thanh\tTrước ngày 20/3/2025
2\tChi đoàn khu phố 1\tVận động 20 đoàn viên tham gia\t
3\tChi đoàn khu phố 2\tPhụ trách hậu cần, nước uống\tNgày 23/3/2025
""" + TAIL
    table = only_table(text, "PHÂN CÔNG NHIỆM VỤ")
    assert table.kind == "table"
    assert [cell.text for cell in table.header_rows[0]] == ["TT", "Đơn vị", "Nhiệm vụ", "Thời gian"]
    assert table.rows == [["1", "Văn phòng Đoàn phường", "Chuẩn bị sân bãi, âm thanh", "Trước ngày 20/3/2025"],
                          ["2", "Chi đoàn khu phố 1", "Vận động 20 đoàn viên tham gia", ""],
                          ["3", "Chi đoàn khu phố 2", "Phụ trách hậu cần, nước uống", "Ngày 23/3/2025"]]
    assert not table.total_row and problems(table) == []
    plan, _ = plan_from_text(text)
    time_place = plan.sections[1].content  # "1. Thời gian:\t…" lines are a label and its text, not a table
    assert time_place.kind != "table" and "Hoa Lư" in render_text(plan)


def test_vietnamese_numbers_a_total_row_and_a_budget_pasted_from_excel():
    text = HEAD + """III. CHỈ TIÊU:
Đơn vị\tSố đoàn viên\tKinh phí hỗ trợ
Chi đoàn khu phố 1\t50\t5.000.000
Chi đoàn khu phố 2\t40\t3.500.000
Tổng cộng\t90\t8.500.000
IV. KINH PHÍ:
STT\tNội dung\tSố lượng\tĐơn vị tính\tĐơn giá\tThành tiền
1\tNước uống\t100\tchai\t10.000\t1.000.000
2\tBăng rôn\t2\tcái\t500.000\t1.000.000
\tTổng cộng\t\t\t\t2.000.000
Bằng chữ: Hai triệu đồng chẵn.
""" + TAIL
    table = only_table(text, "CHỈ TIÊU")
    assert table.rows == [["Chi đoàn khu phố 1", "50", "5.000.000"], ["Chi đoàn khu phố 2", "40", "3.500.000"]]
    assert table.total_row and table.total_label == "Tổng cộng"
    assert [(col.numeric, col.align) for col in table.columns] == [(False, "left"), (True, "right"), (True, "right")]
    budget = only_table(text, "KINH PHÍ")
    assert budget.kind == "budget" and budget.total() == 2_000_000 == budget.typed_total
    assert [(i.text, i.quantity, i.unit, i.unit_price) for i in budget.groups[0].items] == [
        ("Nước uống", 100, "chai", 10_000), ("Băng rôn", 2, "cái", 500_000)]
    assert budget_problems(budget) == []  # its "Bằng chữ" line is generated again, not kept as a paragraph


def test_a_total_that_is_not_the_sum_stays_a_row():
    text = HEAD + """III. CHỈ TIÊU:
Đơn vị\tSố đoàn viên
Chi đoàn khu phố 1\t50
Chi đoàn khu phố 2\t40
Tổng cộng\t95
""" + TAIL
    table = only_table(text, "CHỈ TIÊU")
    assert not table.total_row and table.rows[-1] == ["Tổng cộng", "95"]


ALIGNED = """III. PHÂN CÔNG NHIỆM VỤ:
TT   Đơn vị                   Nhiệm vụ                          Thời gian
--   ----------------------   -------------------------------   ----------
 1   Văn phòng Đoàn phường    Chuẩn bị sân bãi, âm thanh        20/3/2025
 2   Chi đoàn khu phố 1       Vận động đoàn viên tham gia       21/3/2025
                              và đăng ký danh sách
10   Chi đoàn khu phố 2       Phụ trách hậu cần                 23/3/2025
"""


def test_columns_aligned_with_spaces_as_in_notepad_or_a_pdf(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEAD + ALIGNED + TAIL, encoding="utf-8")
    plan, _ = import_plan(path)
    table = next(s.content for s in plan.sections if s.heading == "PHÂN CÔNG NHIỆM VỤ")
    assert table.kind == "table"
    assert [cell.text for cell in table.header_rows[0]] == ["TT", "Đơn vị", "Nhiệm vụ", "Thời gian"]
    assert table.rows == [["1", "Văn phòng Đoàn phường", "Chuẩn bị sân bãi, âm thanh", "20/3/2025"],
                          ["2", "Chi đoàn khu phố 1", "Vận động đoàn viên tham gia và đăng ký danh sách", "21/3/2025"],
                          ["10", "Chi đoàn khu phố 2", "Phụ trách hậu cần", "23/3/2025"]]
    assert table.columns[0].align == "right" and table.columns[1].align == "left"
    assert plan == plan_from_text(HEAD + ALIGNED + TAIL)[0]  # pasted text is read as the file is


def test_a_budget_and_quotas_copied_from_a_pdf_with_vietnamese_numbers():
    text = HEAD + """III. KINH PHÍ:
STT  Nội dung              Số lượng  Đơn vị tính      Đơn giá   Thành tiền
 1   Nước uống                  100  chai              10.000    1.000.000
 2   Băng rôn, phướn              2  cái              500.000    1.000.000
     Tổng cộng                                                   2.000.000
Bằng chữ: Hai triệu đồng chẵn.
IV. CHỈ TIÊU:
Đơn vị                 Đoàn viên     Kinh phí
Chi đoàn khu phố 1            50    5.000.000
Chi đoàn khu phố 2            40    3.500.000
Tổng cộng                     90    8.500.000
""" + TAIL
    budget = only_table(text, "KINH PHÍ")
    assert budget.kind == "budget" and budget.typed_total == budget.total() == 2_000_000
    assert [(i.text, i.quantity, i.unit, i.unit_price, i.typed_amount) for i in budget.groups[0].items] == [
        ("Nước uống", 100, "chai", 10_000, 1_000_000), ("Băng rôn, phướn", 2, "cái", 500_000, 1_000_000)]
    table = only_table(text, "CHỈ TIÊU")
    assert table.rows == [["Chi đoàn khu phố 1", "50", "5.000.000"], ["Chi đoàn khu phố 2", "40", "3.500.000"]]
    assert table.total_row and [(col.numeric, col.align) for col in table.columns] == [
        (False, "left"), (True, "right"), (True, "right")]


def test_a_table_among_paragraphs_is_an_embedded_block():
    text = HEAD + """III. PHÂN CÔNG NHIỆM VỤ:
Ban Thường vụ phân công như sau:
TT\tĐơn vị\tNhiệm vụ
1\tVăn phòng\tChuẩn bị sân bãi
2\tChi đoàn khu phố 1\tVận động đoàn viên
Các đơn vị báo cáo kết quả trước ngày 25/3/2025.
""" + TAIL
    content = only_table(text, "PHÂN CÔNG NHIỆM VỤ")
    assert isinstance(content, c.FreeContent)
    kinds = [type(block).__name__ for block in content.blocks]
    assert kinds == ["Paragraph", "Embedded", "Paragraph"]
    assert content.blocks[1].content.rows[1] == ["2", "Chi đoàn khu phố 1", "Vận động đoàn viên"]


PLAN_TEXT_LINES = [
    # two columns of a header typed with spaces, before the title: the header, never a table
    "ĐOÀN TNCS HỒ CHÍ MINH                 ĐOÀN TRƯỜNG THPT NGUYỄN DU",
    "BCH ĐOÀN TRƯỜNG                       Quận 1, ngày 05 tháng 3 năm 2025",
    "Số: 12-KH/ĐTN",
    "",
    "KẾ HOẠCH",
    "Tổ chức Ngày hội Thanh niên khỏe năm 2025",
    "I. NỘI DUNG:",
    "1. Thời gian:   07g30 ngày 23/3/2025.",
    "2. Địa điểm:    Sân trường.",
    "- 07g00 – 07g30\tĐón tiếp đại biểu;",
    "- 07g30 – 11g00\tThi đấu các môn.",
    "07g00 – 07g30\tĐón tiếp đại biểu;",
    "07g30 – 11g00\tThi đấu các môn.",
    "Thời gian:\tNgày 23/3/2025",
    "Địa điểm:\tSân trường",
    "Trên đây là kế hoạch./.",
    "Nơi nhận:                                   TM. BAN CHẤP HÀNH",
    "- Thành Đoàn;                               BÍ THƯ",
    "- Lưu: VP.",
    "                                            Lê Thị Mai",
]


def test_plan_lines_that_are_not_tables():
    plan, report = plan_from_text("\n".join(PLAN_TEXT_LINES))
    assert not any("bảng" in line for line in report.found)
    assert "table" not in {s.content.kind for s in plan.sections}
    before = plan_from_lines(clean_lines(PLAN_TEXT_LINES)[0])[0]  # read as before tables were looked for
    assert (plan.preamble, plan.sections) == (before.preamble, before.sections)
    # The header's two columns typed with spaces are read as columns (issue 20): the place is the right one's.
    assert plan.place == "Quận 1" and plan.number.value == 12


def _plan_with_tables():
    quota = replace(FORTY_ROWS, rows=FORTY_ROWS.rows[:8])
    plan = dict(named_plans())["bang-40-dong"]
    return replace(plan, sections=[*plan.sections, Section("KINH PHÍ", BUDGET)],
                   appendices=[*TWO_APPENDICES, Appendix("Chỉ tiêu các đơn vị", quota)])


def test_the_programs_own_text_export_round_trips_its_tables(tmp_path):
    plan = _plan_with_tables()
    path = tmp_path / "ke-hoach.txt"
    path.write_text(render_text(plan), encoding="utf-8")
    back, _ = import_plan(path)
    assert [(s.heading, s.content.kind) for s in back.sections] == [(s.heading, s.content.kind) for s in plan.sections]
    table = next(s.content for s in back.sections if s.content.kind == "table")
    assert table.rows == FORTY_ROWS.rows  # the wrapped cells and the "\n" inside them as typed
    assert table.header_rows == FORTY_ROWS.header_rows and table.total_row
    assert [col.align for col in table.columns] == [col.align for col in FORTY_ROWS.columns]
    assert back.appendices[2].content.rows == FORTY_ROWS.rows[:8]
    budget = back.sections[-1].content
    assert budget.kind == "budget" and budget.total() == BUDGET.total() and budget.typed_total == BUDGET.total()
    assert [g.payer for g in budget.groups] == [g.payer for g in BUDGET.groups]
    assert [len(g.items) for g in budget.groups] == [4, 4] and budget_problems(budget) == []
    assert render_text(back) == render_text(plan)


def test_a_spanning_title_row_in_the_export_comes_back_spanning():
    table = Table(columns=[*FORTY_ROWS.columns[:2], replace(FORTY_ROWS.columns[3]), replace(FORTY_ROWS.columns[3])],
                  header_rows=[[HeaderCell("STT"), HeaderCell("Đơn vị"), HeaderCell("Số lượng đoàn viên", 2)],
                               [HeaderCell(t) for t in ("", "", "Nam", "Nữ")]],
                  rows=[["1", "Chi đoàn 1", "12", "15"], ["2", "Chi đoàn 2", "8", "11"]], total_row=True)
    plan = replace(_plan_with_tables(), sections=[Section("CHỈ TIÊU", table)], appendices=[])
    back, _ = plan_from_text(render_text(plan))
    got = back.sections[0].content
    assert got.kind == "table" and got.rows == table.rows and got.total_row
    assert [[(h.text, h.span) for h in row] for row in got.header_rows] == [
        [("STT", 1), ("Đơn vị", 1), ("Số lượng đoàn viên", 2)], [("", 1), ("", 1), ("Nam", 1), ("Nữ", 1)]]


@pytest.mark.parametrize("source", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_real_plans_as_text_hold_no_table_and_import_as_before(source, tmp_path):
    assert len(list(FIXTURES.glob("*.txt"))) == 5
    path = tmp_path / source.name
    shutil.copy(source, path)
    plan, report = import_plan(path)
    assert not any("bảng" in line for line in report.found)
    before, _ = plan_from_lines(read_source(path)[0])  # the line reader alone, as before tables were looked for
    assert kehoach_json.dumps(plan) == kehoach_json.dumps(before)
    pasted, _ = plan_from_text(source.read_text(encoding="utf-8"))
    assert kehoach_json.dumps(pasted) == kehoach_json.dumps(plan_from_lines(clean_lines(
        source.read_text(encoding="utf-8").split("\n"))[0])[0])


def test_a_table_before_the_first_section_is_kept_as_lines_of_text():
    text = HEAD.split("I. MỤC ĐÍCH")[0] + """TT\tĐơn vị\tNhiệm vụ
1\tVăn phòng\tChuẩn bị
2\tChi đoàn\tVận động
I. MỤC ĐÍCH:
Nội dung.
""" + TAIL
    plan, report = plan_from_text(text)
    # No cell lost; "TT" numbers the rows, so it is no column of figures (left, not right).
    assert plan.preamble[-4:] == ["TT |   Đơn vị  | Nhiệm vụ", "---+-----------+---------", "1  | Văn phòng | Chuẩn bị",
                                  "2  | Chi đoàn  | Vận động"]
    assert "Cần kiểm tra: 1 bảng ở phần mở đầu (trước mục I) được giữ thành các dòng chữ" in report.lines()
    assert not any("giữ nguyên dạng bảng" in line for line in report.found)


def test_a_table_naming_a_bi_thu_in_its_cells_is_content_not_the_closing(tmp_path):
    """The closing's tables start a cell with "Nơi nhận", "TM." or hold a
    signer's title alone; "Bí thư Đoàn" in an assignment table is content
    (it made the whole table lines, in Word as in text)."""
    text = HEAD + """III. PHÂN CÔNG NHIỆM VỤ:
TT\tĐơn vị\tNgười phụ trách\tThời gian
1\tĐoàn phường 1\tBí thư Đoàn\t1/7/2025
2\tĐoàn phường 2\tPhó Bí thư Đoàn\t2/7/2025
""" + TAIL
    table = only_table(text, "PHÂN CÔNG NHIỆM VỤ")
    assert table.kind == "table" and table.rows[0][2] == "Bí thư Đoàn"
    plan, _ = plan_from_text(text)
    assert plan.signatures[0].authority_line == "TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG"  # the closing is still read as one
    word = tmp_path / "ke-hoach.docx"
    word.write_bytes(render_docx(plan))
    back, _ = import_plan(word)
    assert next(s.content for s in back.sections if s.heading == "PHÂN CÔNG NHIỆM VỤ").rows == table.rows

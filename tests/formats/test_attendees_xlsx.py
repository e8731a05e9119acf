"""The invitation-list workbook, read back cell by cell, and reading lists
from the program's own and from other people's workbooks."""
import io
import re
import zipfile
from datetime import date, datetime

import pytest
from conftest import FIXTURE_FILES
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell

from kehoach_desktop.core.attendees import Attendee, name_key, sorted_attendees
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.invitees import generate
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.attendees_xlsx import (
    ATTENDANCE_SHEET,
    LIST_SHEET,
    SIGN_SHEET,
    SUMMARY_SHEET,
    read_workbook,
    workbook_bytes,
    write_workbook,
)

# Sorted the Vietnamese way: given name, then middle names, then family name;
# a ă â b c d đ e ê … with tones after the letters.
NAMES_IN_ORDER = [
    "Trần Văn An", "Nguyễn Thị Ánh", "Lê Hoàng Ân", "Phạm Văn Bảo", "Võ Thị Bích", "Đỗ Minh Châu",
    "Trần Thị Dung", "Nguyễn Văn Dũng", "Lý Thị Đào", "Hoàng Văn Đạt", "Bùi Minh Em", "Phan Thị Ế",
    "Ngô Văn Giang", "Nguyễn Thị Hà", "Trần Thị Hạ", "Nguyễn Thanh Hải", "Đặng Văn Hải", "Lê Văn Hùng",
    "Trương Thị Lan", "Huỳnh Văn Long", "Nguyễn Văn Ơn", "Mai Thị Phương", "Nguyễn Thị Tuyết", "Dương Văn Ửng",
    "Lâm Thị Yến",
]


@pytest.fixture
def plan():
    return kehoach_json.read_file(FIXTURE_FILES[0])


def people():
    rows = [Attendee(name, "Bí thư" if i % 2 else "Phó Bí thư", f"Đoàn cơ sở {i}", "Đại biểu",
                     f"09{i:08d}", f"nguoi{i}@doan.vn") for i, name in enumerate(reversed(NAMES_IN_ORDER))]
    rows += [Attendee("Nguyễn Văn Chủ", "Bí thư", "Đoàn Khối", "Chủ trì Hội nghị", "0281234567"),
             Attendee("=HYPERLINK(\"http://x\")", "+84 tự xưng", "-Đơn vị", "Khách mời", "0912345678",
                      note="@ghi chú")]
    return rows


def test_names_sort_the_vietnamese_way():
    shuffled = NAMES_IN_ORDER[::-1][5:] + NAMES_IN_ORDER[::-1][:5]
    assert sorted(shuffled, key=name_key) == NAMES_IN_ORDER
    rows = sorted_attendees([Attendee(n, group="Đại biểu") for n in shuffled] + [Attendee("Z Chủ trì", group="Chủ trì")])
    assert rows[0].name == "Z Chủ trì" and [r.name for r in rows[1:]] == NAMES_IN_ORDER


def test_the_workbook_read_back(plan, tmp_path):
    path = tmp_path / "khach-moi.xlsx"
    write_workbook(plan, people(), path)
    book = load_workbook(path)
    assert book.sheetnames == [LIST_SHEET, SIGN_SHEET, SUMMARY_SHEET, ATTENDANCE_SHEET]
    sheet = book[LIST_SHEET]
    titles = [sheet.cell(row, 1).value for row in range(1, 5)]
    assert titles[0] == "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
    assert titles[1].startswith("Tổ chức Hội nghị sơ kết chương trình phối hợp")
    assert "Thời gian: Dự kiến 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba)" in titles[2]
    assert "Địa điểm: Trung tâm Hội nghị 272, Số 272 Võ Thị Sáu" in titles[2] and titles[3] == "DANH SÁCH KHÁCH MỜI"
    header = [sheet.cell(6, col).value for col in range(1, 15)]
    assert header == ["STT", "Danh xưng", "Họ và tên", "Chức vụ", "Đơn vị", "Số người", "Điện thoại", "Email",
                      "Phản hồi", "Ngày mời", "Có mặt", "Mã", "Ghi chú", "Nhóm"]
    assert sheet.print_title_rows == "$6:$6"
    assert sheet.print_area == "'Danh sách khách mời'!$A$1:$M$36"  # "Nhóm" on screen only: each group has its row
    assert "A1:M1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.freeze_panes == "A7" and sheet.auto_filter.ref == "A6:N36"
    setup = sheet.page_setup
    assert str(setup.paperSize) == sheet.PAPERSIZE_A4 and setup.orientation == "landscape"
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_margins.left == 0.6 and sheet.page_margins.top == 0.6
    assert sheet.oddFooter.center.text == "Trang &P/&N"
    # grouped in the plan's participants order (chair, guests), then the others; the label across the table
    assert [sheet.cell(row, 1).value for row in (7, 9, 11)] == ["Chủ trì Hội nghị", "Khách mời", "Đại biểu"]
    assert "A7:N7" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(8, 3).value == "Nguyễn Văn Chủ" and sheet.cell(8, 1).value == 1
    assert sheet.cell(8, 6).value == 1  # head count
    delegates = [sheet.cell(row, 3).value for row in range(12, 37) if sheet.cell(row, 3).value]
    assert delegates == NAMES_IN_ORDER
    # text stays text
    assert sheet.cell(8, 14).value == "Chủ trì Hội nghị"
    phone = sheet.cell(8, 7)
    assert phone.value == "0281234567" and phone.data_type == "s" and phone.number_format == "@"
    formula_like = sheet.cell(10, 3)
    assert formula_like.value == "=HYPERLINK(\"http://x\")" and formula_like.data_type == "s"
    assert sheet.cell(10, 4).data_type == "s" and sheet.cell(10, 13).value == "@ghi chú"
    for row in sheet.iter_rows(min_row=1, max_row=36):
        for cell in row:
            if cell.value is not None:
                assert cell.font.name == "Times New Roman", cell.coordinate
    # every cell of the table is boxed and wraps, empty ones too (the notes)
    for row in sheet.iter_rows(min_row=6, max_row=36, max_col=14):
        for cell in row:
            if isinstance(cell, MergedCell):  # openpyxl keeps only the first cell's format of a group row
                continue
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert all(side.style == "thin" for side in sides), cell.coordinate
            assert cell.alignment.wrap_text, cell.coordinate
    assert sheet.cell(8, 1).alignment.horizontal == "center" and sheet.cell(7, 1).font.bold
    assert not sheet.cell(1, 1).border.left and sheet.cell(4, 1).font.size == 14
    # the sign-in sheet: tall rows, portrait at 100 % (no shrinking needed), a column to sign
    sign = book[SIGN_SHEET]
    assert [sign.cell(6, col).value for col in range(1, 6)] == ["STT", "Họ và tên", "Chức vụ – đơn vị", "Ký tên",
                                                                 "Mã"]
    assert sign.row_dimensions[7].height == 36 and sign.page_setup.orientation == "portrait"
    assert sign.cell(7, 3).value == "Bí thư – Đoàn Khối" and sign.print_title_rows == "$6:$6"
    # the summary counts
    summary = book[SUMMARY_SHEET]
    last = [summary.cell(row, 1).value for row in range(7, 11)]
    assert last == ["Chủ trì Hội nghị", "Khách mời", "Đại biểu", "Cộng"]
    assert summary.cell(10, 2).value == 27 and summary.cell(10, 7).value == 27


def test_the_default_font_is_the_cells_font(plan):
    """Column widths count the default font's digits: Times New Roman, whose
    widths Excel and LibreOffice (Liberation Serif) agree on."""
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(plan, people()))) as archive:
        styles = archive.read("xl/styles.xml").decode()
    first_font = styles[styles.index("<font>"):styles.index("</font>")]
    assert 'val="Times New Roman"' in first_font and '<sz val="12"' in first_font


def every_field():
    """Rows that use every field of Attendee, the new ones of issue 17 too."""
    return people() + [
        Attendee("", "Phó Bí thư", "Quận Đoàn 1", "Khách mời", honorific="đồng chí", code="KQ7M2P"),
        Attendee("", "", "Ban Thường vụ Quận Đoàn 3", "Khách mời", whole_unit=True, head_count=4, code="HV9C3B"),
        Attendee("", "Đại diện", "Công an Phường 5", "Khách mời", whole_unit=True, head_count=2),
        Attendee("Trần Thị Mai", "Chủ tịch", "Hội LHTN Quận 3", "Đại biểu", honorific="bà", reply="attending",
                 invited_on=date(2026, 11, 30), attended=True, attended_at=datetime(2026, 12, 6, 8, 12, 9),
                 code="MN4PQ7", note="đến sớm"),
        Attendee("Lê Văn Hùng", "Giám đốc", "Nhà Văn hóa Thanh niên", "Đại biểu", honorific="ông",
                 attended=True, attended_at=datetime(2026, 12, 6, 8, 30)),
        Attendee("Võ Minh Tâm", "Bí thư", "Đoàn Phường 7", "Đại biểu", attended=True, reply="delegate"),
    ]


def test_export_then_import_gives_the_same_list(plan, tmp_path):
    """Every field comes back, the check-in codes too: the letters already
    printed with them still check in."""
    rows = [a.normalised() for a in every_field() + generate(plan).rows]
    rows[0].reply, rows[0].attended, rows[1].reply = "attending", True, "delegate"
    path = tmp_path / "ds.xlsx"
    write_workbook(plan, rows, path)
    read = read_workbook(path)
    key = lambda a: (a.group, a.name, a.position, a.unit)  # noqa: E731
    assert sorted(read.rows, key=key) == sorted(rows, key=key)
    assert sorted((key(a), a.code) for a in read.rows) == sorted((key(a), a.code) for a in rows)
    assert {a.code for a in read.rows} >= {"KQ7M2P", "HV9C3B", "MN4PQ7"}


def foreign_sheet(path, rows, header_at=3, header=("STT", "Ho ten", "Chức danh", "Cơ quan", "SĐT", "E-mail")):
    book = Workbook()
    sheet = book.active
    sheet.title = "Đăng ký"
    sheet.cell(1, 1, "ĐOÀN PHƯỜNG 5 – DANH SÁCH ĐĂNG KÝ")
    for column, text in enumerate(header, start=1):
        sheet.cell(header_at, column, text)
    for r, values in enumerate(rows, start=header_at + 1):
        for column, value in enumerate(values, start=1):
            sheet.cell(r, column, value)
    book.save(path)
    return path


def test_a_sheet_from_another_unit_with_synonyms_and_a_late_header(tmp_path):
    path = foreign_sheet(tmp_path / "dk.xlsx", [(1, "Nguyễn Văn A", "Bí thư", "Đoàn P5", 912345678, "a@x.vn"),
                                                 (2, "Lê Thị B", "Phó Bí thư", "Đoàn P5", "0912 345 679", ""),
                                                 (3, "Lê Thị B", "Phó Bí thư", "Đoàn P5", "0912 345 679", "")])
    read = read_workbook(path)
    assert read.sheet == "Đăng ký" and read.header_row == 3 and read.duplicates == [6]
    assert [(a.name, a.phone) for a in read.rows] == [("Nguyễn Văn A", "0912345678"), ("Lê Thị B", "0912345679")]


def test_a_chart_sheet_named_as_the_list_is_passed_over_for_the_worksheet(tmp_path):
    """Was AttributeError ('Chartsheet' object has no attribute 'iter_rows'):
    the list was looked for among every sheet, chart sheets included."""
    from openpyxl.chart import BarChart, Reference

    path = foreign_sheet(tmp_path / "chart.xlsx", [(1, "Nguyễn Văn A", "Bí thư", "Đoàn P5", "", "")])
    book = load_workbook(path)
    chart = BarChart()
    chart.add_data(Reference(book.active, min_col=1, min_row=3, max_row=4), titles_from_data=True)
    book.create_chartsheet(LIST_SHEET).add_chart(chart)
    book.save(path)
    read = read_workbook(path)
    assert read.sheet == "Đăng ký"
    assert [a.name for a in read.rows] == ["Nguyễn Văn A"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("tên,chức vụ\n"), "không phải tệp Excel"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), "có đặt mật khẩu"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 100), "bị hỏng"),
    (lambda p: Workbook().save(p), "trang tính trống"),
    (lambda p: foreign_sheet(p, [(1, "A", "B", "C", "", "")], header=("Cột 1", "Cột 2", "Cột 3")),
     "không tìm thấy dòng tiêu đề"),
])
def test_files_that_are_not_lists(tmp_path, make, message):
    path = tmp_path / "bad.xlsx"
    make(path)
    with pytest.raises(UserError, match=message) as raised:
        read_workbook(path)
    assert "bad.xlsx" in str(raised.value)


def test_merged_header_cells_are_refused(tmp_path):
    path = foreign_sheet(tmp_path / "m.xlsx", [(1, "Nguyễn Văn A", "Bí thư", "Đoàn P5", "", "")])
    book = load_workbook(path)
    book.active.merge_cells("B3:C3")
    book.save(path)
    with pytest.raises(UserError, match=r"dòng 3: dòng tiêu đề có ô gộp \(B3:C3\)"):
        read_workbook(path)


def test_bad_rows_are_all_named_and_nothing_is_read(tmp_path):
    path = foreign_sheet(tmp_path / "r.xlsx", [(1, "Nguyễn Văn A", "Bí thư", "Đoàn P5", "12ab", "a@x"),
                                                (2, "", "", "", "0912345678", ""),
                                                (3, "=A1", "Bí thư", "Đoàn P5", "", ""),
                                                (4, "", "Phó Bí thư", "", "", "")])
    with pytest.raises(UserError) as raised:
        read_workbook(path)
    text = str(raised.value)
    assert "trang “Đăng ký”, dòng 7, cột B: thiếu họ và tên (dòng không có tên lẫn đơn vị)" in text
    assert "trang “Đăng ký”, dòng 4, cột E: số điện thoại không hợp lệ: “12ab”" in text
    assert "dòng 4, cột F: địa chỉ email không hợp lệ" in text
    assert "dòng 5, cột B: thiếu họ và tên" in text
    assert "dòng 6, cột B: ô chứa công thức" in text


def test_a_unit_alone_is_a_unit_invitation_and_groups_come_from_the_units(tmp_path):
    path = foreign_sheet(tmp_path / "u.xlsx", [(1, "", "", "Ban Thường vụ Quận Đoàn 1", "", ""),
                                                (2, "", "Bí thư", "Quận Đoàn 3", "", ""),
                                                (3, "Lê Văn Tư", "", "Đoàn P5", "", "")])
    plan_units = {"Ban Thường vụ Quận Đoàn 1": "Khách mời", "Quận Đoàn 3": "Đại biểu"}
    read = read_workbook(path, group_for_unit=lambda unit: plan_units.get(unit, ""))
    unit, role, person = read.rows
    assert unit.whole_unit and not unit.needs_name and unit.group == "Khách mời"
    assert not role.whole_unit and role.needs_name and role.group == "Đại biểu"  # a name to fill in
    assert not person.whole_unit and person.group == ""
    assert [a.group for a in read_workbook(path).rows] == ["", "", ""]  # no plan to ask


def test_a_group_column_or_label_wins_over_the_units_group(plan, tmp_path):
    path = tmp_path / "ds.xlsx"
    write_workbook(plan, [Attendee("Lê Văn Tư", unit="Quận Đoàn 3", group="Chủ trì Hội nghị")], path)
    assert [a.group for a in read_workbook(path, group_for_unit=lambda unit: "Đại biểu").rows] == \
        ["Chủ trì Hội nghị"]


@pytest.mark.parametrize("header, value, message", [
    ("Danh xưng", "anh", "danh xưng “anh” không rõ (dùng: đồng chí, ông, bà, cả đơn vị hoặc để trống)"),
    ("Số người", "hai", "số người “hai” không phải một số từ 1 trở lên"),
    ("Số người", 0, "số người “0” không phải một số từ 1 trở lên"),
    ("Số người", "²", "số người “²” không phải một số từ 1 trở lên"),  # a digit to str.isdigit(), not to int()
    ("Số người", "1" * 5000, "số người “" + "1" * 5000 + "” không phải một số từ 1 trở lên"),
    ("Ngày mời", "31/02/2026", "ngày mời “31/02/2026” không đọc được"),
    ("Có mặt", "8 giờ", "giờ có mặt “8 giờ” không đọc được (cần dạng 08:12 06/12/2026, hoặc “có”)"),
])
def test_the_new_columns_name_a_bad_cell(tmp_path, header, value, message):
    path = foreign_sheet(tmp_path / "n.xlsx", [(1, "Nguyễn Văn A", "Đoàn P5", value)],
                         header=("STT", "Họ và tên", "Đơn vị", header))
    with pytest.raises(UserError, match=re.escape(f"dòng 4, cột D: {message}")):
        read_workbook(path)


def test_the_new_columns_as_typed_or_as_excel_dates(tmp_path):
    path = foreign_sheet(tmp_path / "d.xlsx", [(1, "Nguyễn Văn A", "Đồng chí", 2, datetime(2026, 12, 6, 8, 5),
                                                 date(2026, 11, 30), "kq7m2p"),
                                                (2, "Lê Thị B", "Bà", "1", "x", "30/11/2026", ""),
                                                (3, "Trần Văn C", "", "", "08:12 06/12/2026", "", "")],
                         header=("STT", "Họ và tên", "Danh xưng", "Số người", "Có mặt", "Ngày mời", "Mã"))
    a, b, c = read_workbook(path).rows
    assert (a.honorific, a.head_count, a.attended_at, a.invited_on, a.code) == \
        ("đồng chí", 2, datetime(2026, 12, 6, 8, 5), date(2026, 11, 30), "KQ7M2P")
    assert (b.honorific, b.attended, b.attended_at, b.invited_on) == ("bà", True, None, date(2026, 11, 30))
    assert c.attended_at == datetime(2026, 12, 6, 8, 12) and c.head_count == 1


def test_a_code_met_twice_is_named(tmp_path):
    path = foreign_sheet(tmp_path / "c.xlsx", [(1, "Nguyễn Văn A", "Đoàn P5", "AB3CDE"),
                                                (2, "Lê Thị B", "Đoàn P5", "ab3cde")],
                         header=("STT", "Họ và tên", "Đơn vị", "Mã"))
    with pytest.raises(UserError, match="dòng 5, cột D: mã “AB3CDE” trùng với dòng 4"):
        read_workbook(path)


def test_the_attendance_sheet_counts_by_group(plan):
    rows = [Attendee("Nguyễn Văn Chủ", "Bí thư", "Đoàn Khối", "Chủ trì Hội nghị", attended=True,
                     attended_at=datetime(2026, 12, 6, 7, 55)),
            Attendee("", "", "Ban Thường vụ Quận Đoàn 3", "Khách mời", whole_unit=True, head_count=4, attended=True,
                     attended_at=datetime(2026, 12, 6, 8, 12)),
            Attendee("Lê Văn Tư", "Bí thư", "Đoàn P5", "Khách mời"),
            Attendee("Võ Thị Năm", "Bí thư", "Đoàn P6", "Đại biểu", attended=True)]
    sheet = load_workbook(io.BytesIO(workbook_bytes(plan, rows)))[ATTENDANCE_SHEET]
    assert sheet.cell(4, 1).value == "DANH SÁCH ĐẠI BIỂU CÓ MẶT"
    assert [sheet.cell(6, col).value for col in range(1, 6)] == ["STT", "Họ và tên", "Chức vụ – đơn vị", "Số người",
                                                                 "Giờ đến"]
    table = [[sheet.cell(row, col).value for col in range(1, 6)] for row in range(7, 14)]
    assert table == [
        ["Chủ trì Hội nghị: Có mặt 1/1 — 100%", None, None, None, None],
        [1, "Nguyễn Văn Chủ", "Bí thư – Đoàn Khối", 1, "07:55 06/12/2026"],
        ["Khách mời: Có mặt 4/5 — 80%", None, None, None, None],
        [2, None, "Ban Thường vụ Quận Đoàn 3", 4, "08:12 06/12/2026"],
        ["Đại biểu: Có mặt 1/1 — 100%", None, None, None, None],
        [3, "Võ Thị Năm", "Bí thư – Đoàn P6", 1, None],
        ["Tổng cộng: Có mặt 6/7 — 86%", None, None, None, None]]


def test_the_sign_in_sheet_leaves_names_to_write_in(plan):
    rows = [Attendee("", "Phó Bí thư", "Quận Đoàn 1", "Khách mời", code="KQ7M2P"),
            Attendee("", "", "Ban Thường vụ Quận Đoàn 3", "Khách mời", whole_unit=True, head_count=3, code="HV9C3B"),
            Attendee("Lê Văn Tư", "Bí thư", "Đoàn P5", "Đại biểu", head_count=2)]
    book = load_workbook(io.BytesIO(workbook_bytes(plan, rows)))
    sheet = book[SIGN_SHEET]
    lines = [[sheet.cell(row, col).value for col in range(1, 4)] for row in range(7, 13)]
    assert lines == [[1, None, "Ban Thường vụ Quận Đoàn 3"], [2, None, "Ban Thường vụ Quận Đoàn 3"],
                     [3, None, "Ban Thường vụ Quận Đoàn 3"], [4, None, "Phó Bí thư – Quận Đoàn 1"],
                     [5, "Lê Văn Tư", "Bí thư – Đoàn P5"], [None, None, None]]
    # one QR code per coded row, in the "Mã" column (E) of its first line
    assert sorted((image.anchor._from.col, image.anchor._from.row) for image in sheet._images) == [(4, 6), (4, 9)]


def test_an_unknown_reply_is_named(tmp_path):
    path = foreign_sheet(tmp_path / "p.xlsx", [(1, "Nguyễn Văn A", "Đoàn P5", "có lẽ")],
                         header=("STT", "Họ và tên", "Đơn vị", "Phản hồi"))
    with pytest.raises(UserError, match="dòng 4, cột D: phản hồi “có lẽ” không rõ"):
        read_workbook(path)


def write_rows(path, count):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["STT", "Họ và tên", "Đơn vị", "Điện thoại"])
    for i in range(count):
        sheet.append([i + 1, f"Người {i}", f"Chi đoàn {i % 500}", f"09{i:08d}"])
    book.save(path)
    return path


def test_a_hundred_thousand_rows_are_refused_before_loading(tmp_path):
    with pytest.raises(UserError, match=r"trang “Danh sách”: trang có hơn 10.000 dòng"):
        read_workbook(write_rows(tmp_path / "big.xlsx", 100_000))


def test_ten_thousand_rows_are_read(tmp_path):
    read = read_workbook(write_rows(tmp_path / "ok.xlsx", 9_999))
    assert len(read.rows) == 9_999 and read.rows[-1].phone == "0900009998"


def test_the_bytes_are_a_real_xlsx(plan):
    data = workbook_bytes(plan, people())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/workbook.xml" in archive.namelist()
    assert load_workbook(io.BytesIO(data)).sheetnames[0] == LIST_SHEET
    assert date.today()  # the workbook carries no dates of its own


@pytest.mark.usefixtures("libreoffice", "poppler")  # LibreOffice converts the workbook, poppler reads the PDF
def test_libreoffice_prints_every_sheet(plan, tmp_path):
    import subprocess

    from kehoach_desktop.formats.libreoffice import convert

    path = tmp_path / "ds.xlsx"
    write_workbook(plan, people(), path)
    pdf, = convert([path], "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for heading in ("DANH SÁCH KHÁCH MỜI", "DANH SÁCH ĐẠI BIỂU KÝ TÊN", "TỔNG HỢP", "DANH SÁCH ĐẠI BIỂU CÓ MẶT",
                    "Trang 1/"):
        assert heading in text
    assert "Nguyễn Văn Chủ" in text and "0281234567" in text


def pdf_pages(pdf) -> list[tuple[float, float, str]]:
    """(width, height, text) of each page, in points."""
    import subprocess

    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    sizes = [line.split(":", 1)[1].split()[:3:2] for line in info.splitlines()
             if line.startswith("Page") and "size:" in line]
    texts = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    return [(float(w), float(h), text) for (w, h), text in zip(sizes, texts, strict=False)]


def row_pitches(pdf, page: int, left: float) -> list[float]:
    """The distances between the numbers of successive rows (STT) printed
    in the first column of a page, in points."""
    import subprocess
    from xml.etree import ElementTree

    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    tops = [float(word.get("yMin")) for word in ElementTree.fromstring(html).iterfind(".//{*}word")
            if word.text and word.text.isdigit() and float(word.get("xMin")) < left]
    return [b - a for a, b in zip(tops, tops[1:], strict=False)]


def table_span(pdf, page: int) -> tuple[int, int]:
    """The leftmost and rightmost vertical rule of the page's table, in points
    (the page drawn at 72 dpi: one pixel a point)."""
    import subprocess

    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(pdf.with_suffix(""))], check=True)
    image = Image.open(pdf.with_suffix(".png")).convert("L")
    width, height = image.size
    pixels = image.load()
    rules = [x for x in range(width) if sum(pixels[x, y] < 128 for y in range(height)) > 0.3 * height]
    return rules[0], rules[-1]


@pytest.mark.usefixtures("libreoffice", "poppler")
def test_libreoffice_prints_the_sign_in_sheet_to_sign_on(plan, tmp_path):
    """A4 portrait at 100 %: the table across the page between its margins,
    rows at least 1 cm, the header on every page of 120 people."""
    from kehoach_desktop.formats.libreoffice import convert

    rows = [Attendee(f"Nguyễn Văn Người {i}", "Bí thư Chi đoàn", f"Chi đoàn {i}", "Đại biểu", code=f"C{i:05d}")
            for i in range(120)]
    path = tmp_path / "ky-ten.xlsx"
    write_workbook(plan, rows, path)
    pdf, = convert([path], "pdf", tmp_path / "pdf")
    pages = pdf_pages(pdf)
    sign = [number for number, (_w, _h, text) in enumerate(pages, start=1) if "Ký tên" in text]
    assert len(sign) >= 5, sign  # 120 rows of 1.27 cm
    assert "DANH SÁCH ĐẠI BIỂU KÝ TÊN" in pages[sign[0] - 1][2]
    for number in sign:
        width, height, text = pages[number - 1]
        assert width < height, f"page {number} is not portrait"
        assert all(word in text for word in ("STT", "Họ và tên", "Chức vụ – đơn vị", "Ký tên")), number
    guests = [number for number, (_w, _h, text) in enumerate(pages, start=1) if "Ngày mời" in text]
    assert len(guests) >= 2
    for number in guests:  # landscape, the whole width on each page: the first and the last printed column
        width, height, text = pages[number - 1]
        assert width > height and "STT" in text and "Ghi chú" in text and "Nhóm" not in text, number
    printable = 595.3 - (0.6 + 0.4) * 72  # A4 portrait between the margins
    left, right = table_span(pdf, sign[1])
    assert right - left >= 0.9 * printable, (left, right)
    for number in sign[:-1]:
        pitches = row_pitches(pdf, number, left + 30)
        assert pitches and min(pitches) >= 28.35, (number, pitches)  # 1 cm
        assert max(pitches) <= 37, (number, pitches)  # 36 pt: printed at 100 %, not shrunk or stretched

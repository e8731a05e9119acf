"""Headers of pages other offices published, each oddity in a small plan
of our own writing (issue 20, the second set of plans kept aside, read
after its results were recorded): a number line in capitals or with
nothing between its room and the symbol, a date left blank but for its
year, "CỘNG HOÀ" spelt the old way, the Youth Union's name written in
full, a chain of three bodies, titles whose second line is a period or in
small letters, a rule with the preamble glued after it, a page's posting
time, a page without its document type, a page that lost its capitals."""
from __future__ import annotations

from datetime import date

from kehoach_desktop.formats.plan_import import plan_from_text
from kehoach_desktop.formats.plan_import.header_fields import parse_number, parse_place_date
from kehoach_desktop.formats.text_export import render_text

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: tạo sân chơi cho đoàn viên.
II. TỔ CHỨC THỰC HIỆN
Các chi đoàn triển khai thực hiện./.
"""


def test_a_number_line_in_capitals_without_colon():
    number = parse_number("SỐ 16 KH/ĐTN")
    assert number is not None and (number.value, number.symbol) == (16, "KH/ĐTN")
    plan, _ = plan_from_text("       HUYỆN ĐOÀN PHÚ GIÁO                    ĐOÀN TNCS HỒ CHÍ MINH\n\n"
                             "ĐOÀN TRƯỜNG THPT TÂY SƠN\n\n   ***\n\n"
                             "   SỐ 16 KH/ĐTN                         Phú Giáo, ngày 15 tháng 12 năm 2015\n\n"
                             "KẾ HOẠCH\n\nKẾT NẠP ĐOÀN VIÊN MỚI\n" + BODY)
    assert (plan.number.value, plan.issuing_bodies) == (16, ["ĐOÀN TRƯỜNG THPT TÂY SƠN"])
    assert (plan.place, plan.plan_date) == ("Phú Giáo", date(2015, 12, 15))


def test_a_number_s_room_with_nothing_between_it_and_the_symbol():
    number = parse_number("Số:       KH/ĐHTBD-ĐTN")
    assert number is not None and (number.value, number.symbol) == (None, "KH/ĐHTBD-ĐTN")
    plan, _ = plan_from_text("TRƯỜNG ĐẠI HỌC THÁI BÌNH DƯƠNG\n\nĐOÀN THANH NIÊN\n\nSố:       KH/ĐHTBD-ĐTN\n\n"
                             "Khánh Hòa, ngày 27 tháng 10 năm 2017\n\nKẾ HOẠCH\nTổ chức hội thao\n" + BODY)
    assert "Số:       KH/ĐHTBD-ĐTN" in render_text(plan)  # as written: no dash the page did not have
    for text in ("Số người/đội", "Số: 12 ĐƯỜNG LÊ LỢI", "Số: KH"):
        assert parse_number(text) is None, text


def test_a_date_left_blank_but_for_its_year():
    place, day, note = parse_place_date("Thanh Thùy, ngày     tháng    năm 2022")
    assert (place, day) == ("Thanh Thùy", None) and "2022" in note
    assert parse_place_date("Quận 12, ngày    tháng    năm") == ("Quận 12", None, "")


def test_the_national_title_spelt_hoa_the_old_way_is_the_state_layout():
    plan, report = plan_from_text("HỘI ĐỒNG ĐỘI HUYỆN THANH OAI\nLIÊN ĐỘI THCS THANH THÙY\n\n"
                                  "Số: ........./KH-LĐTHCSTT\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                  "Độc lập - Tự do - Hạnh phúc\n\n   Thanh Thùy, ngày     tháng    năm 2022\n\n"
                                  "KẾ HOẠCH\nKiện toàn Ban chỉ huy Liên đội\n Năm học 2021 - 2022\n" + BODY)
    assert plan.profile == "nhanuoc" and "Độc lập - Tự do - Hạnh phúc" in render_text(plan)
    assert plan.place == "Thanh Thùy" and plan.title == "Kiện toàn Ban chỉ huy Liên đội\nNăm học 2021 - 2022"
    assert any("2022" in note for note in report.guessed)  # the year the blank date had is named, not lost silently


def test_the_youth_union_s_name_written_in_full_is_the_organisation_title():
    plan, _ = plan_from_text("ĐOÀN PHƯỜNG MÂN THÁI\nCHI ĐOÀN TH QUANG TRUNG\n***\n"
                             "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\nSố:…./KH-ĐTN\nKẾ HOẠCH\n"
                             "Hoạt động của chi đoàn\nNhiệm kỳ 2016 – 2017\n"
                             "--------------Năm học 2016 - 2017 diễn ra với nhiều sự kiện trọng đại của đất nước "
                             "và của nhà trường, chi đoàn xây dựng kế hoạch như sau.\n" + BODY)
    assert plan.organisation_title == "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH"
    assert (plan.superior_body, plan.issuing_bodies) == ("ĐOÀN PHƯỜNG MÂN THÁI", ["CHI ĐOÀN TH QUANG TRUNG"])
    assert plan.title == "Hoạt động của chi đoàn\nNhiệm kỳ 2016 – 2017"  # the rule glued to the preamble ends it
    assert plan.preamble[0].startswith("Năm học 2016 - 2017 diễn ra")


def test_a_chain_of_three_bodies_the_one_above_the_issuing_body_is_its_superior():
    plan, report = plan_from_text("THỊ ĐOÀN ĐÔNG TRIỀU\n\nĐOÀN TNCS HỒ CHÍ MINH XÃ BÌNH KHÊ\n\n"
                                  "CHI ĐOÀN THCS BÌNH KHÊ\n\nSố:     /KH-ĐTNTHCSBK\n\n"
                                  "Bình Khê, ngày 27 tháng 02 năm 2023\n\nKẾ HOẠCH\nKết nạp đoàn viên mới\n-----\n"
                                  + BODY)
    assert (plan.superior_body, plan.issuing_bodies) == ("ĐOÀN TNCS HỒ CHÍ MINH XÃ BÌNH KHÊ",
                                                         ["CHI ĐOÀN THCS BÌNH KHÊ"])
    assert plan.preamble[0] == "THỊ ĐOÀN ĐÔNG TRIỀU"  # kept, where the clerk sees it
    assert any("THỊ ĐOÀN ĐÔNG TRIỀU" in note for note in report.guessed)
    joint, _ = plan_from_text("TỈNH ĐOÀN BÌNH PHƯỚC\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nHỘI SINH VIÊN TỈNH\n"
                              "Số: 05/KH-TĐTN-SGDĐT-HSV\nKẾ HOẠCH LIÊN TỊCH\nTổ chức hội trại\n" + BODY)
    assert len(joint.issuing_bodies) == 3  # bodies the symbol names are joint, no chain


def test_a_title_s_second_line_in_small_letters_before_its_rule():
    plan, _ = plan_from_text("BAN CHẤP HÀNH TRUNG ƯƠNG\n\n***\n\nSố:  26  -CTr/TWĐTN-VP\n\nĐOÀN TNCS HỒ CHÍ MINH\n\n"
                             "Hà Nội, ngày   19    tháng 5 năm 2021\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
                             "CỦA ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\n\n"
                             "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng\n\n————\n\n"
                             "Ban Chấp hành Trung ương Đoàn ban hành Chương trình hành động, cụ thể như sau:\n" + BODY)
    assert plan.title == ("CỦA ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\n"
                          "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng")


def test_a_title_in_capitals_and_its_period_in_small_letters():
    plan, _ = plan_from_text("ĐOÀN TNCS HỒ CHÍ MINH\n\nCHI ĐOÀN TRƯỜNG THCS PHONG XUÂN\n\n"
                             " Phong Xuân ngày 26  tháng  10  năm 2021\n\nKẾ HOẠCH\n\n"
                             "HOẠT ĐỘNG CỦA CHI ĐOÀN TRƯỜNG THCS PHONG XUÂN\n\nNăm học 2021 - 2022\n\n"
                             "Căn cứ Chương trình công tác Đoàn của Đoàn xã Phong Xuân;\n" + BODY)
    assert plan.title == "HOẠT ĐỘNG CỦA CHI ĐOÀN TRƯỜNG THCS PHONG XUÂN\nNăm học 2021 - 2022"
    other, _ = plan_from_text("CHI ĐOÀN TRƯỜNG THCS PHONG XUÂN\n\nKẾ HOẠCH\n\nHOẠT ĐỘNG HÈ\n\n"
                              "Nhà trường phân công giáo viên trực hè cùng chi đoàn\n\n" + BODY)
    assert other.title == "HOẠT ĐỘNG HÈ"  # a line in small letters that names no period is no title's


def test_a_page_s_posting_time_is_no_line_of_the_title():
    plan, _ = plan_from_text("KẾ HOẠCH Tổ chức các hoạt động chào mừng Năm Thanh niên 2011\n\n\n"
                             "11:34:49 17/11/2011\nCăn cứ Thông báo số 380/TB/TW về Năm Thanh niên 2011.\n" + BODY)
    assert plan.title == "Tổ chức các hoạt động chào mừng Năm Thanh niên 2011"
    assert "11:34:49 17/11/2011" in plan.preamble


def test_a_page_without_its_document_type_keeps_the_title_in_capitals():
    plan, report = plan_from_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 138/KH-UBND | Hà Nội, ngày 03 tháng 6 năm 2021 |\n"
        "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG VÌ TRẺ EM GIAI ĐOẠN 2021-2030\n"
        "Nâng cao nhận thức và trách nhiệm của các cấp, các ngành trong việc thực hiện Luật Trẻ em.\n" + BODY)
    assert plan.title == "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG VÌ TRẺ EM GIAI ĐOẠN 2021-2030"
    assert plan.preamble[0].startswith("Nâng cao nhận thức")
    assert any("trích yếu" in note for note in report.guessed)
    heading, _ = plan_from_text("ĐOÀN XÃ AN HÒA\nSố: 12-KH/ĐTN\nAn Hòa, ngày 03 tháng 6 năm 2021\n"
                                "MỤC ĐÍCH, YÊU CẦU\nTạo sân chơi cho đoàn viên trong dịp hè.\n")
    assert heading.title == ""  # a section's usual words in capitals are no title


def test_a_page_that_lost_its_capitals():
    plan, _ = plan_from_text("Đoàn xã hoà chính\n\n"
                             "BCHcđ trờng thcs hoà chính ĐOàn thanh niên cộng sản hồ chí minh\n\n"
                             "Hoà Chính, ngày 15tháng 9năm 2010\n\nkế hoạch hoạt động của Chi đoàn\n\n"
                             "năm học 2010 - 2011\n\nI Đặc điểm, tình hình chung\n\n"
                             "Phát huy những kết quả đã đạt được trong năm học qua\n\n"
                             "II Nội dung\n\nTổ chức sinh hoạt chi đoàn hằng tháng.\n")
    assert (plan.superior_body, plan.issuing_bodies) == ("ĐOÀN XÃ HOÀ CHÍNH", ["BCHCĐ TRỜNG THCS HOÀ CHÍNH"])
    assert (plan.document_type, plan.title) == ("KẾ HOẠCH", "hoạt động của Chi đoàn\nnăm học 2010 - 2011")
    assert plan.plan_date == date(2010, 9, 15)
    assert [section.heading for section in plan.sections][:1] == ["Đặc điểm, tình hình chung"]

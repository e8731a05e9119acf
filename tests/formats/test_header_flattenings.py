"""Headers as web pages flatten them (issue 20), each habit in a small plan
of our own writing: the two columns on one line apart by spaces, the title
on the document type's line, a title over lines parted by blank lines, a
rule glued to the title, a title followed by "Kính gửi:"."""
from __future__ import annotations

from datetime import date

import pytest
from small_plans import BODY

from kehoach_desktop.formats.plan_import import plan_from_text
from kehoach_desktop.formats.plan_import.header_fields import parse_place_date
from kehoach_desktop.formats.text_export import render_text


def test_two_columns_on_one_line_apart_by_spaces():
    plan, _ = plan_from_text(
        "HUYỆN ĐOÀN HÒA VANG                              ĐOÀN TNCS HỒ CHÍ MINH\n"
        "BCH ĐOÀN XÃ HÒA PHƯỚC\n"
        "      ***\n"
        "  Số: 07 - KH/ĐTN                                Hòa Phước, ngày 02 tháng 4 năm 2024\n\n"
        "KẾ HOẠCH\nTổ chức Ngày hội thiếu nhi năm 2024\n" + BODY)
    assert (plan.superior_body, plan.issuing_bodies) == ("HUYỆN ĐOÀN HÒA VANG", ["BCH ĐOÀN XÃ HÒA PHƯỚC"])
    assert (plan.number.value, plan.number.symbol) == (7, "KH/ĐTN")
    assert (plan.place, plan.plan_date) == ("Hòa Phước", date(2024, 4, 2))
    assert plan.organisation_title == "ĐOÀN TNCS HỒ CHÍ MINH"


def test_the_blanks_of_a_number_left_to_write_are_no_column():
    plan, _ = plan_from_text("BCH ĐOÀN XÃ HÒA PHƯỚC\nSố:      -KH/ĐTN\n\nKẾ HOẠCH\nTổ chức hội trại\n" + BODY)
    assert plan.issuing_bodies == ["BCH ĐOÀN XÃ HÒA PHƯỚC"] and plan.number.value is None


def test_a_title_on_the_document_type_s_line():
    plan, _ = plan_from_text("BCH ĐOÀN TRƯỜNG THPT AN NHƠN\n\nKẾ HOẠCH THAM GIA HỘI THI NGHI THỨC NĂM 2015\n" + BODY)
    assert (plan.document_type, plan.title) == ("KẾ HOẠCH", "THAM GIA HỘI THI NGHI THỨC NĂM 2015")
    joint, _ = plan_from_text("BCH ĐOÀN TRƯỜNG THPT AN NHƠN\n\nKẾ HOẠCH LIÊN TỊCH\nTổ chức hội trại\n" + BODY)
    assert (joint.document_type, joint.title) == ("KẾ HOẠCH LIÊN TỊCH", "Tổ chức hội trại")


def test_a_title_over_lines_parted_by_blank_lines_ends_at_the_body():
    plan, _ = plan_from_text("BCH ĐOÀN TRƯỜNG THPT AN NHƠN\n\nKẾ HOẠCH\n\nĐẠI HỘI ĐẠI BIỂU ĐOÀN TRƯỜNG\n\n"
                             "NHIỆM KỲ 2024 – 2025\n\n1. MỤC ĐÍCH YÊU CẦU:\n\nChuẩn bị chu đáo.\n\n"
                             "2. TỔ CHỨC THỰC HIỆN:\n\nCác chi đoàn thực hiện./.\n")
    assert plan.title == "ĐẠI HỘI ĐẠI BIỂU ĐOÀN TRƯỜNG\nNHIỆM KỲ 2024 – 2025"


def test_a_rule_glued_to_the_title_and_a_title_before_kinh_gui():
    glued, _ = plan_from_text("BCH ĐOÀN PHƯỜNG 3\n\nKẾ HOẠCH\n\nTổ chức Liên hoan khu phố\n\n"
                              "Văn minh - Nghĩa tình lần I_______\nCăn cứ chương trình công tác năm 2024;\n" + BODY)
    assert glued.title == "Tổ chức Liên hoan khu phố\nVăn minh - Nghĩa tình lần I"
    assert glued.preamble[0].startswith("Căn cứ")
    letter, _ = plan_from_text("LIÊN ĐỘI TRƯỜNG TH AN BÌNH\n\nKẾ HOẠCH\nV/V TỔ CHỨC ĐÊM HỘI TRĂNG RẰM\n\n"
                               "Kính gửi: Ban Giám hiệu nhà trường\n" + BODY)
    assert letter.title == "V/V TỔ CHỨC ĐÊM HỘI TRĂNG RẰM"


def test_a_place_without_its_comma_and_the_stars_beside_it():
    bare, _ = plan_from_text("LIÊN ĐỘI TRƯỜNG TH AN BÌNH\nKrông Pắc ngày 10 tháng 9 năm 2023\n\nKẾ HOẠCH\n"
                             "Tổ chức đêm hội trăng rằm\n" + BODY)
    assert (bare.place, bare.plan_date) == ("Krông Pắc", date(2023, 9, 10))
    starred, _ = plan_from_text("BCH ĐOÀN PHƯỜNG 3\n*** Quận 3, ngày 11 tháng 10 năm 2023\n\nKẾ HOẠCH\n"
                                "Tổ chức hội trại\n" + BODY)
    assert starred.place == "Quận 3"


def test_a_slash_after_the_number_and_a_school_s_own_code():
    plan, _ = plan_from_text("BCH QUẬN ĐOÀN 6\nBCH ĐOÀN THPT BÌNH PHÚ\nSố: 80 /KHĐH/BP-ĐTN\n\nKẾ HOẠCH\n"
                             "Đại hội đại biểu\n" + BODY)
    assert (plan.number.value, plan.number.type_code, plan.number.issuer_codes) == (80, "KHĐH", ["BP", "ĐTN"])
    # "BP" is the school's abbreviation, not a second body: one superior body, one issuing body.
    assert (plan.superior_body, plan.issuing_bodies) == ("BCH QUẬN ĐOÀN 6", ["BCH ĐOÀN THPT BÌNH PHÚ"])


def test_a_body_s_name_broken_after_its_generic_head_is_one_name():
    split, _ = plan_from_text("BCH HỘI SINH VIÊN VIỆT NAM\nTRƯỜNG ĐẠI HỌC QUY NHƠN\n***\nSố: 18-KH/HSV\n\n"
                              "KẾ HOẠCH\nTổ chức hành trình\n" + BODY)
    assert split.issuing_bodies == ["BCH HỘI SINH VIÊN VIỆT NAM TRƯỜNG ĐẠI HỌC QUY NHƠN"]
    # A superior body and a body with a word of its own stay two.
    two, _ = plan_from_text("THÀNH ĐOÀN ĐÀ NẴNG\nĐOÀN TRƯỜNG ĐẠI HỌC KINH TẾ\n***\nSố: 18-KH/ĐTN\n\n"
                            "KẾ HOẠCH\nTổ chức hành trình\n" + BODY)
    assert (two.superior_body, two.issuing_bodies) == ("THÀNH ĐOÀN ĐÀ NẴNG", ["ĐOÀN TRƯỜNG ĐẠI HỌC KINH TẾ"])


def test_a_joint_plan_s_bodies_on_one_line():
    plan, _ = plan_from_text("HUYỆN ĐOÀN CƯ JÚT - BAN CHỈ HUY QUÂN SỰ HUYỆN\n\nKẾ HOẠCH LIÊN TỊCH\n"
                             "Tổ chức hội trại tòng quân\n" + BODY)
    assert plan.issuing_bodies == ["HUYỆN ĐOÀN CƯ JÚT", "BAN CHỈ HUY QUÂN SỰ HUYỆN"]


def test_a_title_line_beginning_like_a_preamble_above_its_rule():
    plan, _ = plan_from_text("BCH ĐOÀN PHƯỜNG 3\n\nKẾ HOẠCH\nTổ chức các hoạt động\nnhằm chào mừng ngày thành lập Đoàn\n"
                             "-----\nCăn cứ chương trình công tác năm 2024;\n" + BODY)
    assert plan.title == "Tổ chức các hoạt động\nnhằm chào mừng ngày thành lập Đoàn"
    assert plan.preamble[0].startswith("Căn cứ")


def test_a_header_in_the_state_layout_keeps_its_motto_and_its_bodies():
    plan, report = plan_from_text(
        "ĐOÀN TNCS HỒ CHÍ MINH\n\nCHI ĐOÀN TRƯỜNG THCS KHÁNH THƯỢNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập – Tự do – Hạnh phúc\n\nKhánh Thượng, ngày 05 tháng 09 năm 2020\n\n"
        "KẾ HOẠCH HOẠT ĐỘNG CHI ĐOÀN\n\nNĂM HỌC 2020 – 2021\n" + BODY)
    assert (plan.superior_body, plan.issuing_bodies) == ("ĐOÀN TNCS HỒ CHÍ MINH", ["CHI ĐOÀN TRƯỜNG THCS KHÁNH THƯỢNG"])
    assert (plan.organisation_title, plan.profile) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nhanuoc")
    assert not any("Độc lập" in line for line in report.kept_as_text)  # the motto is the layout's, not lost
    assert "Độc lập - Tự do - Hạnh phúc" in render_text(plan)


def test_a_header_flattened_with_bars_between_its_cells():
    plan, _ = plan_from_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 2022/KH-UBND | Thành phố Hồ Chí Minh, ngày 13 tháng 5 năm 2014 |\n"
        "KẾ HOẠCH\nTRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2014\n"
        "Năm 2014, Thành phố tiếp tục tập trung chỉ đạo triển khai thực hiện các nội dung cơ bản của Chỉ thị "
        "số 20-CT/TW của Bộ Chính trị về công tác bảo vệ, chăm sóc và giáo dục trẻ em trong tình hình mới;\n" + BODY)
    assert (plan.issuing_bodies, plan.number.value) == (["ỦY BAN NHÂN DÂN"], 2022)
    assert (plan.place, plan.plan_date) == ("Thành phố Hồ Chí Minh", date(2014, 5, 13))
    assert plan.title == "TRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2014"  # the long sentence under it is the preamble
    assert plan.preamble[0].startswith("Năm 2014, Thành phố")


def test_a_title_line_with_the_preamble_glued_after_a_run_of_spaces():
    plan, _ = plan_from_text(
        "KẾ HOẠCH\n\nTổ chức Lễ kỷ niệm 81 năm thành lập Đoàn TNCS Hồ Chí Minh\n\n"
        "(26/3/1931 – 26/3/2012) và trao giải thưởng 26/3         Thiết thực chào mừng kỷ niệm 81 năm ngày "
        "thành lập Đoàn TNCS Hồ Chí Minh, Ban Bí thư Trung ương Đoàn ban hành kế hoạch như sau:\n" + BODY)
    assert plan.title == ("Tổ chức Lễ kỷ niệm 81 năm thành lập Đoàn TNCS Hồ Chí Minh\n"
                          "(26/3/1931 – 26/3/2012) và trao giải thưởng 26/3")
    assert plan.preamble[0].startswith("Thiết thực chào mừng")


def test_the_young_pioneers_name_is_the_organisation_title():
    plan, _ = plan_from_text("ĐỘI TNTP HỒ CHÍ MINH\nLIÊN ĐỘI TRƯỜNG TH NGUYỄN HUỆ\nEah’leo ngày 10 tháng 9 năm 2010\n"
                             "KẾ HOẠCH\nV/V TỔ CHỨC ĐÊM HỘI TRĂNG RẰM\n" + BODY)
    assert (plan.organisation_title, plan.superior_body) == ("ĐỘI TNTP HỒ CHÍ MINH", "")
    assert plan.issuing_bodies == ["LIÊN ĐỘI TRƯỜNG TH NGUYỄN HUỆ"]


LEFT = ["HUYỆN ĐOÀN CHÂU THÀNH", "BCH ĐOÀN XÃ AN HÒA", "***", "Số: 12-KH/ĐTN"]
RIGHT = ["ĐOÀN TNCS HỒ CHÍ MINH", "An Hòa, ngày 03 tháng 3 năm 2021"]
ARRANGEMENTS = {
    "left then right": LEFT + RIGHT,
    "right then left": RIGHT + LEFT,
    "interleaved": [LEFT[0], RIGHT[0], LEFT[1], LEFT[2], LEFT[3], RIGHT[1]],
    "interleaved by rows": [LEFT[0], RIGHT[0], LEFT[1], RIGHT[1], LEFT[2], LEFT[3]],
    "cells parted by bars": [f"{LEFT[0]} | {RIGHT[0]}", f"{LEFT[1]} | ", f"{LEFT[2]} | ", f"{LEFT[3]} | {RIGHT[1]}"],
    "cells parted by tabs": [f"{LEFT[0]}\t{RIGHT[0]}", LEFT[1], LEFT[2], f"{LEFT[3]}\t{RIGHT[1]}"],
    "a blank line after each": [line for pair in zip(LEFT + RIGHT, [""] * 6, strict=True) for line in pair],
    "one word group per line": ["HUYỆN ĐOÀN", "CHÂU THÀNH", "BCH ĐOÀN XÃ", "AN HÒA", "***", LEFT[3], *RIGHT],
    "stars before the date": [LEFT[0], LEFT[1], f"*** {RIGHT[1]}", LEFT[3], RIGHT[0]],
    "stars before the number": [LEFT[0], LEFT[1], f"*** {LEFT[3]}", *RIGHT],
    "number and date on one line": [LEFT[0], LEFT[1], "***", f"Số: 12 KH/ĐTN {RIGHT[1]}", RIGHT[0]],
    "number glued to the place": [LEFT[0], LEFT[1], "***", f"Số: 12-KH/ĐTN{RIGHT[1]}", RIGHT[0]],
    "title beside the body": [f"{LEFT[0]} {RIGHT[0]}", LEFT[1], "***", LEFT[3], RIGHT[1]],
    "title beside the date": [LEFT[0], LEFT[1], f"{RIGHT[0]} {RIGHT[1]}", "***", LEFT[3]],
    "date broken before its year": [*LEFT, RIGHT[0], "An Hòa, ngày 03 tháng 3", "năm 2021"],
    "date with glued words": [*LEFT, RIGHT[0], "An Hòa, ngày 03tháng 3năm 2021"],
}


@pytest.mark.parametrize("arrangement", ARRANGEMENTS, ids=list(ARRANGEMENTS))
def test_every_element_of_a_header_wherever_the_page_put_it(arrangement: str):
    plan, _ = plan_from_text("\n".join(ARRANGEMENTS[arrangement]) + "\nKẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2021\n"
                             "-----\nCăn cứ chương trình công tác năm 2021.\n" + BODY)
    assert (plan.superior_body, plan.issuing_bodies) == ("HUYỆN ĐOÀN CHÂU THÀNH", ["BCH ĐOÀN XÃ AN HÒA"])
    assert (plan.number.value, plan.number.symbol) == (12, "KH/ĐTN")
    assert (plan.place, plan.plan_date) == ("An Hòa", date(2021, 3, 3))
    assert (plan.organisation_title, plan.title) == ("ĐOÀN TNCS HỒ CHÍ MINH", "Tổ chức Tháng Thanh niên năm 2021")


STATE = {
    "columns one after the other": ["ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU", "-------", "Số: 98/KH-UBND",
                                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                    "---------------", "Cà Mau, ngày 20 tháng 5 năm 2021"],
    "interleaved": ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH CÀ MAU",
                    "Độc lập - Tự do - Hạnh phúc", "Số: 98/KH-UBND", "Cà Mau, ngày 20 tháng 5 năm 2021"],
    "both columns on each line": ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                  "TỈNH CÀ MAU Độc lập - Tự do - Hạnh phúc",
                                  "Số: 98/KH-UBND Cà Mau, ngày 20 tháng 5 năm 2021"],
}


@pytest.mark.parametrize("arrangement", STATE, ids=list(STATE))
def test_a_state_header_wherever_the_page_put_its_elements(arrangement: str):
    plan, report = plan_from_text("\n".join(STATE[arrangement]) + "\nKẾ HOẠCH\nPhòng ngừa trẻ em lao động\n" + BODY)
    assert (plan.superior_body, plan.issuing_bodies) == ("", ["ỦY BAN NHÂN DÂN TỈNH CÀ MAU"])
    assert (plan.number.value, plan.place, plan.plan_date) == (98, "Cà Mau", date(2021, 5, 20))
    assert (plan.organisation_title, plan.profile) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nhanuoc")
    assert not report.kept_as_text


def test_a_joint_programme_of_a_ministry_and_the_central_committee():
    plan, _ = plan_from_text(
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\nĐOÀN TNCS HỒ CHÍ MINH\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 1234/CTrPH-BGDĐT-TWĐTN\n\n"
        "Hà Nội, ngày 20 tháng 3 năm 2014\n\nCHƯƠNG TRÌNH PHỐI HỢP\n\nVề công tác giáo dục giai đoạn 2014-2017\n" + BODY)
    assert plan.superior_body == ""
    assert plan.issuing_bodies == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"]
    assert (plan.document_type, plan.profile) == ("CHƯƠNG TRÌNH PHỐI HỢP", "nhanuoc")


def test_a_place_and_date_in_the_forms_pages_give_it():
    for line in ("Hà Nội, ngày 05-03-2012", "Hà Nội, ngày 05.03.2012", "Hà Nội, ngày 05 tháng 3, năm 2012",
                 "Hà Nội, 05 tháng 3 năm 2012", "Hà Nội, ngày 5/3/2012", "Hà Nội ngày 05 tháng 03 năm 2012."):
        assert parse_place_date(line) == ("Hà Nội", date(2012, 3, 5), ""), line
    assert parse_place_date("Hà Nội, ngày 05-03/2012") is None  # two different separators: not a date


def test_a_header_that_lost_its_capitals():
    """A page whose style drew the capitals (CSS) keeps the words in small
    letters: the bodies and the document type are still read."""
    plan, report = plan_from_text(
        "Huyện Đoàn Châu Thành\nBCH Đoàn xã An Hòa\n***\nSố: 12-KH/ĐTN\nĐoàn TNCS Hồ Chí Minh\n"
        "An Hòa,\nngày 03 tháng 3 năm 2021\nKế hoạch\nTổ chức Tháng Thanh niên năm 2021\n" + BODY)
    assert (plan.superior_body, plan.issuing_bodies) == ("HUYỆN ĐOÀN CHÂU THÀNH", ["BCH ĐOÀN XÃ AN HÒA"])
    assert (plan.place, plan.plan_date, plan.document_type) == ("An Hòa", date(2021, 3, 3), "KẾ HOẠCH")
    assert plan.title == "Tổ chức Tháng Thanh niên năm 2021" and not report.kept_as_text
    state, _ = plan_from_text("Ủy ban nhân dân\nTỉnh Cà Mau\nSố: 98/KH-UBND\nCộng hòa xã hội chủ nghĩa Việt Nam\n"
                              "Độc lập - Tự do - Hạnh phúc\nCà Mau, ngày 20 tháng 5 năm 2021\nKẾ HOẠCH\nPhòng ngừa\n" + BODY)
    assert state.issuing_bodies == ["ỦY BAN NHÂN DÂN TỈNH CÀ MAU"] and state.profile == "nhanuoc"


def test_a_number_line_in_a_form_not_read_does_not_take_the_date_with_it():
    plan, _ = plan_from_text("ỦY BAN NHÂN DÂN PHƯỜNG 9\nSố  : …../ KH-UBND Phường 9, ngày 29 tháng 5 năm 2012\n"
                             "KẾ HOẠCH\nTổ chức hoạt động hè năm 2012\n" + BODY)
    assert (plan.place, plan.plan_date) == ("Phường 9", date(2012, 5, 29))


def test_the_document_type_is_looked_for_past_a_page_s_blank_lines():
    header = "\n\n\n".join(["HUYỆN ĐOÀN CHÂU THÀNH", "BCH ĐOÀN XÃ AN HÒA", "***", "Số: 12-KH/ĐTN"] * 6)
    plan, _ = plan_from_text(header + "\n\n\nKẾ HOẠCH\nTổ chức hội trại\n" + BODY)
    assert plan.document_type == "KẾ HOẠCH" and plan.title == "Tổ chức hội trại"


def test_the_central_committee_s_name_over_two_lines_and_its_organisation_beside_it():
    plan, report = plan_from_text("BAN CHẤP HÀNH TRUNG ƯƠNG\nĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 411-KH/TWĐTN-TCKT\n"
                                  "ĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 01 tháng 7 năm 2021\nKẾ HOẠCH\nTổ chức đại hội\n" + BODY)
    assert plan.issuing_bodies == ["BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"]
    assert plan.organisation_title == "ĐOÀN TNCS HỒ CHÍ MINH" and plan.superior_body == ""


def test_a_header_whose_page_dropped_the_document_type_and_the_title():
    plan, report = plan_from_text(
        "BAN CHẤP\nHÀNH TRUNG ƯƠNG |\nĐOÀN TNCS HỒ\nCHÍ MINH |\nSố: 411-KH/TWĐTN-BTC |\n"
        "Hà Nội, ngày 25 tháng 8 năm 2021 |\nCăn cứ Điều lệ Đoàn, Ban Chấp hành Trung ương Đoàn ban hành kế hoạch.\n"
        + BODY)
    assert plan.issuing_bodies == ["BAN CHẤP HÀNH TRUNG ƯƠNG"] and plan.organisation_title == "ĐOÀN TNCS HỒ CHÍ MINH"
    assert (plan.number.value, plan.place, plan.plan_date) == (411, "Hà Nội", date(2021, 8, 25))
    assert (plan.document_type, plan.title) == ("KẾ HOẠCH", "")
    assert plan.preamble[0].startswith("Căn cứ Điều lệ Đoàn")
    assert any("trích yếu" in note for note in report.guessed)


def test_the_number_and_date_in_brackets_under_the_title():
    plan, _ = plan_from_text("KẾ HOẠCH\nHành động Tháng thanh niên năm 2010\n(Số 61-KH/TĐ ngày 26/01/2010)\n----------\n"
                             "Năm 2010 là năm diễn ra nhiều sự kiện.\n" + BODY)
    assert plan.title == "Hành động Tháng thanh niên năm 2010"
    assert (plan.number.value, plan.number.symbol, plan.plan_date) == (61, "KH/TĐ", date(2010, 1, 26))


@pytest.mark.parametrize("second", ["TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "TRUNG ƯƠNG ĐOÀN TNCS\nHỒ CHÍ MINH"],
                         ids=["on one line", "its name's tail broken off"])
def test_joint_bodies_with_a_dash_at_the_line_s_end_and_a_body_with_its_place_below(second):
    joint, _ = plan_from_text(f"BỘ GIÁO DỤC VÀ ĐÀO TẠO -\n{second}\n-------\n"
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                              "Số: 674/CTr-BGDĐT-TWĐTN\nHà Nội, ngày 18 tháng 08 năm 2014\n"
                              "CHƯƠNG TRÌNH PHỐI HỢP\nGiữa ngành Giáo dục với Đoàn năm học 2014 - 2015\n" + BODY)
    assert joint.issuing_bodies == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"]
    school, _ = plan_from_text("HỘI SINH VIÊN VIỆT NAM TỈNH NGHỆ AN\n\nBAN CHẤP HÀNH HỘI SINH VIÊN\nTRƯỜNG ĐẠI HỌC VINH\n"
                               "***\nSố: /KH - HSV\nHỘI SINH VIÊN VIỆT NAM\nVinh, ngày 01 tháng 04 năm 2019\n"
                               "KẾ HOẠCH\nTổ chức cuộc thi\n" + BODY)
    assert school.superior_body == "HỘI SINH VIÊN VIỆT NAM TỈNH NGHỆ AN"
    assert school.issuing_bodies == ["BAN CHẤP HÀNH HỘI SINH VIÊN TRƯỜNG ĐẠI HỌC VINH"]


TITLE_HEAD = "BCH ĐOÀN XÃ AN HÒA\nSố: 12-KH/ĐTN\nAn Hòa, ngày 03 tháng 3 năm 2021\n"
TITLE_BODY = "I. MỤC ĐÍCH\n- Tạo sân chơi.\n"
TITLES = {
    "caps+sentence colon": (
        "KẾ HOẠCH\nTỔ CHỨC HỘI TRẠI NĂM 2022\n"
        "Nhân dịp kỷ niệm 91 năm ngày thành lập Đoàn, BCH Đoàn trường xây dựng kế hoạch như sau:\n",
        "TỔ CHỨC HỘI TRẠI NĂM 2022"),
    "sentence+nham": (
        "KẾ HOẠCH\nTổ chức hội trại năm 2022\n"
        "Nhằm tạo sân chơi bổ ích cho đoàn viên, BCH Đoàn trường xây dựng kế hoạch tổ chức hội trại như sau:\n",
        "Tổ chức hội trại năm 2022"),
    "nham title": (
        "KẾ HOẠCH\nTổ chức hội trại\nnhằm chào mừng 91 năm ngày thành lập Đoàn\n-----\nCăn cứ…\n",
        "Tổ chức hội trại\nnhằm chào mừng 91 năm ngày thành lập Đoàn"),
    "caps+nam hoc": (
        "KẾ HOẠCH\nTỔ CHỨC HỘI TRẠI\nNăm học 2022 – 2023\nCăn cứ kế hoạch năm học.\n",
        "TỔ CHỨC HỘI TRẠI\nNăm học 2022 – 2023"),
    "caps+short sentence": (
        "KẾ HOẠCH\nTỔ CHỨC HỘI TRẠI\nNăm 2022 là năm có nhiều sự kiện.\n",
        "TỔ CHỨC HỘI TRẠI"),
    "title+paragraph gap": (
        "KẾ HOẠCH\nTổ chức hội trại\n\nĐể chào mừng ngày thành lập Đoàn, BCH xây dựng kế hoạch:\n",
        "Tổ chức hội trại"),
    "three lines": (
        "KẾ HOẠCH\nTổ chức Đại hội đại biểu\nĐoàn TNCS Hồ Chí Minh xã An Hòa\nlần thứ XV, nhiệm kỳ 2022 – 2027\n"
        "Căn cứ Điều lệ Đoàn.\n",
        "Tổ chức Đại hội đại biểu\nĐoàn TNCS Hồ Chí Minh xã An Hòa\nlần thứ XV, nhiệm kỳ 2022 – 2027"),
    "v/v": (
        "KẾ HOẠCH\nV/v tổ chức hội trại năm 2022\nCăn cứ Điều lệ Đoàn.\n",
        "V/v tổ chức hội trại năm 2022"),
    "huong ung": (
        "KẾ HOẠCH\nTổ chức hội trại\n"
        "Hưởng ứng Tháng Thanh niên năm 2022, Ban Chấp hành Đoàn xã xây dựng kế hoạch như sau:\n",
        "Tổ chức hội trại"),
    "caps quote": (
        "KẾ HOẠCH\nTỔ CHỨC CUỘC THI “TÌM HIỂU LỊCH SỬ”\nDÀNH CHO ĐOÀN VIÊN NĂM 2022\n",
        "TỔ CHỨC CUỘC THI “TÌM HIỂU LỊCH SỬ”\nDÀNH CHO ĐOÀN VIÊN NĂM 2022"),
    "dash item after": (
        "KẾ HOẠCH\nTổ chức hội trại\n- Căn cứ Điều lệ Đoàn;\n",
        "Tổ chức hội trại"),
    "title then 1.": (
        "KẾ HOẠCH\nTổ chức hội trại\n1. Mục đích\n- Vui.\n2. Yêu cầu\n- An toàn.\n",
        "Tổ chức hội trại"),
    "title then MỤC ĐÍCH": (
        "KẾ HOẠCH\nTổ chức hội trại\nMỤC ĐÍCH, YÊU CẦU\n- Vui.\n",
        "Tổ chức hội trại"),
    "title then sentence lower": (
        "KẾ HOẠCH\nTổ chức hội trại năm 2022\n"
        "thực hiện kế hoạch của Huyện Đoàn, BCH Đoàn xã tổ chức hội trại như sau:\n",
        "Tổ chức hội trại năm 2022"),
}


@pytest.mark.parametrize("case", TITLES, ids=list(TITLES))
def test_where_a_title_without_its_rule_ends(case: str):
    """A title a page left without its rule ends before the preamble's
    first sentence, an item or a section heading, and goes on over the lines
    a title has ("Năm học 2022 – 2023", "nhằm chào mừng …")."""
    text, title = TITLES[case]
    plan, _ = plan_from_text(TITLE_HEAD + text + TITLE_BODY)
    assert plan.title == title


def test_a_repeated_number_date_or_organisation_name_is_kept_not_read_over():
    plan, report = plan_from_text(
        "ĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN XÃ AN HÒA\nSố: 12-KH/ĐTN\nSố: 13-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
        "An Hòa, ngày 03 tháng 3 năm 2021\nAn Hòa, ngày 04 tháng 3 năm 2021\nKẾ HOẠCH\nTổ chức hội trại\n" + BODY)
    assert (plan.number.value, plan.plan_date) == (12, date(2021, 3, 3))  # the first, as the page gave it
    assert plan.preamble[:3] == ["Số: 13-KH/ĐTN", "An Hòa, ngày 04 tháng 3 năm 2021", "ĐOÀN TNCS HỒ CHÍ MINH"]
    assert not [p for p in report.placements if p.status == "unplaced"]

"""Headers as web pages flatten them (issue 20), each habit in a small plan
of our own writing: the two columns on one line apart by spaces, the title
on the document type's line, a title over lines parted by blank lines, a
rule glued to the title, a title followed by "Kính gửi:"."""
from __future__ import annotations

from datetime import date

from kehoach_desktop.formats.plan_import import plan_from_text

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: tạo sân chơi cho đoàn viên.
II. TỔ CHỨC THỰC HIỆN
Các chi đoàn triển khai thực hiện./.
"""


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

"""Top-level sections in the forms real plans number them (issue 20):
Roman numerals however they are set apart, Arabic numerals before
capitals or before short headings, capital letters. A plan of any of
these forms gets its sections, not a preamble of every line."""
import pytest
from doc_compare import compare_plans

from kehoach_desktop.formats.plan_import import plan_from_text
from kehoach_desktop.formats.text_export import render_text

HEADER = ("BCH ĐOÀN XÃ AN HÒA\nSố: 12-KH/ĐTN\nAn Hòa, ngày 03 tháng 3 năm 2021\nKẾ HOẠCH\nTổ chức hội trại\n-----\n"
          "Căn cứ chương trình công tác năm 2021, BCH Đoàn xã xây dựng kế hoạch như sau:\n")
CLOSING = "Trên đây là kế hoạch tổ chức hội trại của BCH Đoàn xã./.\n"
FORMS = {
    "Roman, dot": ("I. MỤC ĐÍCH\n- Tạo sân chơi.\nII. NỘI DUNG\n- Cắm trại.\nIII. TỔ CHỨC THỰC HIỆN\n- Thực hiện.\n",
                   ["MỤC ĐÍCH", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]),
    "Roman, dash": ("I – MỤC ĐÍCH\n- Tạo sân chơi.\nII – NỘI DUNG\n- Cắm trại.\n", ["MỤC ĐÍCH", "NỘI DUNG"]),
    "Roman, slash and dot": ("I/. MỤC ĐÍCH\n- Tạo sân chơi.\nII/.NỘI DUNG\n- Cắm trại.\n", ["MỤC ĐÍCH", "NỘI DUNG"]),
    "Roman, slash and dash": ("I/- MỤC ĐÍCH – YÊU CẦU:\n- Tạo sân chơi.\nII/- NỘI DUNG:\n- Cắm trại.\n",
                              ["MỤC ĐÍCH – YÊU CẦU", "NỘI DUNG"]),
    "Roman, a space only": ("I MỤC ĐÍCH - YÊU CẦU\n1 MỤC ĐÍCH\n- Tạo sân chơi.\n2 YÊU CẦU\n- An toàn.\n"
                            "II HÌNH THỨC THỰC HIỆN\n- Cắm trại.\n", ["MỤC ĐÍCH - YÊU CẦU", "HÌNH THỨC THỰC HIỆN"]),
    "Roman, a dash glued": ("I- MỤC ĐÍCH:\n- Tạo sân chơi.\nII- NỘI DUNG:\n- Cắm trại.\n", ["MỤC ĐÍCH", "NỘI DUNG"]),
    "Arabic before capitals": ("1. MỤC ĐÍCH\n- Tạo sân chơi.\n2. NỘI DUNG\n- Cắm trại.\n", ["MỤC ĐÍCH", "NỘI DUNG"]),
    "Arabic before short headings": (
        "1. Mục đích\n- Tạo sân chơi.\n2. Yêu cầu\n- An toàn.\n3. Nội dung\n1. Cắm trại: dựng trại.\n"
        "2. Thi đấu: kéo co.\n4. Tổ chức thực hiện\n- Các chi đoàn thực hiện.\n",
        ["Mục đích", "Yêu cầu", "Nội dung", "Tổ chức thực hiện"]),
    "capital letters": ("A. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tạo sân chơi.\nB. NỘI DUNG\n1. Cắm trại\n- Dựng trại.\n"
                        "C. TỔ CHỨC THỰC HIỆN\n- Thực hiện.\n", ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]),
}


@pytest.mark.parametrize("form", FORMS, ids=list(FORMS))
def test_the_sections_of_every_form_and_no_word_lost(form: str):
    body, headings = FORMS[form]
    text = HEADER + body + CLOSING
    plan, _ = plan_from_text(text)
    assert [section.heading for section in plan.sections] == headings
    assert len(plan.preamble) == 1
    comparison = compare_plans(text, render_text(plan))
    assert comparison.missing == [], comparison.missing


def test_numbered_items_inside_a_plan_without_sections_stay_items():
    """"1. Thời gian: …" lines are items of the preamble's kind, not sections:
    they carry content after their colon and name no section's usual part."""
    plan, _ = plan_from_text(HEADER + "1. Thời gian: 7 giờ 30 ngày 26/3/2021.\n2. Địa điểm: sân vận động xã.\n" + CLOSING)
    assert plan.sections == []

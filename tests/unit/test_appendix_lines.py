"""The generated lines that open an appendix (core/appendices.py)."""
from datetime import date

from kehoach_desktop.core.appendices import appendix_label, attached_line, name_case
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.core.roman import roman


def test_appendices_are_numbered_in_roman_unless_alone():
    assert [roman(n) for n in (1, 2, 4, 9, 14, 40, 1999)] == ["I", "II", "IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert appendix_label(0, 1) == "PHỤ LỤC"
    assert [appendix_label(i, 3) for i in range(3)] == ["PHỤ LỤC I", "PHỤ LỤC II", "PHỤ LỤC III"]


def test_a_body_in_capitals_reads_as_a_name_in_the_sentence():
    assert name_case("BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP") == "BCH Đoàn Khối Dân - Chính - Đảng TP"
    assert name_case("HỘI CCB") == "Hội CCB"
    assert name_case("Ban Thường vụ Quận Đoàn") == "Ban Thường vụ Quận Đoàn"  # typed so: kept


def test_the_attached_line_names_the_plan_it_belongs_to():
    plan = Plan(number=DocumentNumber(5, "KH", ["ĐTN"], "VP"), plan_date=date(2022, 8, 18),
                issuing_bodies=["BCH ĐOÀN QUẬN 12"])
    assert attached_line(plan) == "(Kèm theo Kế hoạch số 05-KH/ĐTN-VP ngày 18/8/2022 của BCH Đoàn Quận 12)"
    nbsp = "\u00a0"
    assert attached_line(plan, nbsp) == (f"(Kèm theo Kế hoạch số{nbsp}05-KH/ĐTN-VP ngày{nbsp}18/8/2022 "
                                         f"của BCH Đoàn Quận{nbsp}12)")
    joint = Plan(document_type="KẾ HOẠCH PHỐI HỢP", number=DocumentNumber(104, "KHPH", ["TĐTN", "LĐLĐ"]),
                 plan_date=date(2021, 11, 23), issuing_bodies=["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "LĐLĐ TP. HỒ CHÍ MINH"])
    assert attached_line(joint).startswith("(Kèm theo Kế hoạch phối hợp số 104-KHPH/TĐTN-LĐLĐ ngày 23/11/2021 của ")
    draft = Plan(issuing_bodies=[""])
    assert attached_line(draft) == "(Kèm theo Kế hoạch số      -KH/ĐTN ngày      /     /)"  # room to write by hand

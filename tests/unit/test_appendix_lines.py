"""The generated lines that open an appendix (core/appendices.py)."""
from datetime import date

from kehoach_desktop.core.appendices import appendix_label, attached_line, name_case, opening_lines
from kehoach_desktop.core.model import Appendix, DocumentNumber, Plan
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


def _plan_with(*appendices):
    return Plan(number=DocumentNumber(37, "KH", ["ĐTN"]), plan_date=date(2022, 12, 23),
                issuing_bodies=["BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"], appendices=list(appendices))


def test_the_opening_lines_of_an_appendix_in_order_with_their_kinds():
    first, second = Appendix(title=" Danh sách đơn vị  "), Appendix(title="Dự trù kinh phí")
    plan = _plan_with(first, second)
    assert opening_lines(plan, first, 0, 2) == [
        ("appendix_label", "PHỤ LỤC I"),
        ("appendix_title", "DANH SÁCH ĐƠN VỊ"),
        ("appendix_attached", "(Kèm theo Kế hoạch số 37-KH/ĐTN ngày 23/12/2022 của BCH Đoàn Khối Dân - "
                              "Chính - Đảng TP)")]
    assert [kind for kind, _ in opening_lines(plan, second, 1, 2)] == [
        "appendix_label", "appendix_title", "appendix_attached"]
    assert opening_lines(plan, second, 1, 2)[0] == ("appendix_label", "PHỤ LỤC II")


def test_an_appendix_alone_and_untitled_opens_with_two_lines():
    alone = Appendix()
    plan = _plan_with(alone)
    assert [kind for kind, _ in opening_lines(plan, alone, 0, 1)] == ["appendix_label", "appendix_attached"]
    assert opening_lines(plan, alone, 0, 1)[0] == ("appendix_label", "PHỤ LỤC")
    assert opening_lines(plan, Appendix(title="   "), 0, 1)[1][0] == "appendix_attached"


def test_the_attached_line_takes_the_no_break_spaces_asked_for():
    nbsp = "\u00a0"
    typed = Appendix(title="Lịch", attached="(Kèm theo Kế hoạch số 37-KH/ĐTN   ngày 23/12/2022)")
    plan = _plan_with(typed, Appendix())
    assert opening_lines(plan, typed, 0, 2, nbsp)[-1] == (
        "appendix_attached", f"(Kèm{nbsp}theo{nbsp}Kế{nbsp}hoạch{nbsp}số{nbsp}37-KH/ĐTN{nbsp}ngày{nbsp}23/12/2022)")
    generated = opening_lines(plan, plan.appendices[1], 1, 2, nbsp)[-1][1]
    assert generated == attached_line(plan, nbsp) and f"số{nbsp}37-KH/ĐTN ngày{nbsp}23/12/2022" in generated
    assert opening_lines(plan, typed, 0, 2)[-1][1] == "(Kèm theo Kế hoạch số 37-KH/ĐTN ngày 23/12/2022)"


def test_the_text_export_prints_the_opening_lines():
    from kehoach_desktop.formats.text_export import render_text

    appendix = Appendix(title="Danh sách đơn vị")
    plan = _plan_with(appendix)
    text = render_text(plan)
    assert "\n".join(line for _, line in opening_lines(plan, appendix, 0, 1)) + "\n-------" in text

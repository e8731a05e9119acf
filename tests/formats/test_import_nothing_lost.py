"""Nothing lost, ever (issue 20): every word of a plan text, however a web
page laid it out, is in the export of the imported plan, in order.

The plans come from tests/formats/generated_plans.py; the words are compared
as the acceptance tests compare documents (tests/doc_compare.py). The
reference is the source's words in the order the export prints the parts
(a flattened header or a signature above its recipients is read into
fields, which the export prints in their places); within a part, in the
source's order.

- Every word of every generated plan, header included, whatever way its
  columns were flattened (one after the other, interleaved, joined by "|",
  one word group per line, the State layout with its motto), is checked;
  the properties for the part after the header, for the Youth Union header
  read in order and for Word files stay as they were written first, and the
  smallest case of each loss found is kept as a test.

Under CI=true the properties run 1,000 cases, locally 100 (HYPOTHESIS_CASES
overrides both; the Word-file one a fifth of that); no deadline, since a
case imports a whole plan.
"""
from __future__ import annotations

import os

import docx
import pytest
from doc_compare import compare_words, words
from generated_plans import PlanText, plan_texts
from hypothesis import HealthCheck, given, note, settings

from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.formats.text_export import render_text

CASES = int(os.environ.get("HYPOTHESIS_CASES") or (1000 if os.environ.get("CI") == "true" else 100))
PROPERTY = settings(max_examples=CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER_READ = {"layouts": ("youth",), "flattenings": ("left-right", "right-left", "interleaved", "number-after-date")}
ROMAN = {"i", "ii", "iii", "iv", "v", "vi"}


def exported_words(plan: PlanText) -> list[str]:
    imported, _report = plan_from_text(plan.text)
    exported = render_text(imported)
    note(f"export:\n{exported}")
    return words(exported)


@PROPERTY
@given(plan_texts())
def test_every_word_after_the_header_is_in_the_export(plan: PlanText):
    missing = compare_words(plan.words_after_header(), exported_words(plan)).missing
    assert not missing, f"words lost: {missing}"


@PROPERTY
@given(plan_texts(**HEADER_READ))
def test_every_word_of_a_plan_whose_header_reads_in_order_is_in_the_export(plan: PlanText):
    missing = compare_words(plan.reference, exported_words(plan)).missing
    assert not missing, f"words lost: {missing}"


@settings(max_examples=max(CASES // 5, 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_texts())
def test_the_same_plans_in_a_word_file_keep_their_words(tmp_path_factory, plan: PlanText):
    """The plan text typed into Word, a paragraph per line (the .docx path:
    docx_blocks, word_tables): nothing lost after the header either. A
    fifth of the cases: each writes and reads a file."""
    document = docx.Document()
    for line in plan.text.replace("\r\n", "\n").split("\n"):
        document.add_paragraph(line)
    path = tmp_path_factory.mktemp("plan") / "ke-hoach.docx"
    document.save(path)
    imported, _report = import_plan(path)
    exported = render_text(imported)
    note(f"export:\n{exported}")
    missing = compare_words(plan.words_after_header(), words(exported)).missing
    assert not missing, f"words lost: {missing}"


def test_the_reference_has_the_words_of_the_source():
    """The strategy's own check: the reference is the source's words, only
    reordered between parts (else the properties would test nothing)."""
    from collections import Counter

    @settings(max_examples=min(CASES, 200), deadline=None)
    @given(plan_texts())
    def same_words(plan: PlanText):
        extra = Counter(words(plan.text)) - Counter(plan.reference)
        assert not extra and not Counter(plan.reference) - Counter(words(plan.text))

    same_words()


HEAD = "ĐOÀN KHỐI\n***\nSố: 37-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 21 tháng 6 năm 2022\nKẾ HOẠCH\nTổ chức hội nghị\n"
# The losses the property found in the importer, fixed, each as the smallest plan that had it.
FOUND = {
    "signed-note": ("I. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n", "TM. BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nNguyễn Văn An\n"),
    "note-then-capital-name": ("I. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n",
                               "TM. ỦY BAN NHÂN DÂN\nPHÓ BÍ THƯ\n(Ký tên, đóng dấu)\nNGUYỄN VĂN AN\n"),
    "capital-name-under-position": ("I. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n",
                                    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNGUYỄN VĂN AN\n(Đã ký)\n"),
    "note-before-position": ("I. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n",
                             "TM. BAN CHẤP HÀNH\n\n(đã ký)\n\nPHÓ BÍ THƯ\n\n\nLê Văn Hùng\n"),
    "note-without-brackets": ("I. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n",
                              "TM. BAN CHẤP HÀNH\nĐã ký\nPHÓ CHỦ TỊCH\n\n\nVõ Thị Hồng Nhung\n"),
    "line-broken-before-a-day": ("I. THỜI GIAN – ĐỊA ĐIỂM\n1. Thời gian:\nDự kiến 08g00 ngày\n31 tháng 01 năm 2023 (thứ Ba).\n",
                                 "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n"),
    "line-broken-before-a-year": ("I. NỘI DUNG\na) Góp ý dự thảo báo cáo sơ kết năm\n2022.\n",
                                  "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n"),
    "minutes": ("I. CHƯƠNG TRÌNH\n- Thời gian: 16 giờ 20 phút ngày 24/10/2019 (thứ năm)\n",
                "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n"),
    "lettered-sections": ("-------\nA. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n"
                          "B. NỘI DUNG\n- Góp ý dự thảo báo cáo\nsơ kết năm\n2022.\n",
                          "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n"),
}


@pytest.mark.parametrize("case", sorted(FOUND))
def test_the_losses_found_stay_fixed(case):
    body, back = FOUND[case]
    imported, _report = plan_from_text(HEAD + body + back)
    exported = render_text(imported)
    # The words in order, the signature's note after its position, where the export prints it.
    reference = words(HEAD + body) + words(back.replace("NGUYỄN VĂN AN\n(Đã ký)", "(Đã ký)\nNGUYỄN VĂN AN")
                                           .replace("(đã ký)\n\nPHÓ BÍ THƯ", "PHÓ BÍ THƯ\n(đã ký)")
                                           .replace("Đã ký\nPHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH\nĐã ký"))
    assert compare_words(reference, words(exported)).missing == [], exported
    assert imported.sections and all(sig.name for sig in imported.signatures), exported


def test_a_line_starting_with_a_digit_under_a_short_numbered_heading_stays_under_it():
    """A broken line starting with a digit goes on with the line before
    ("ngày" then "31 tháng 01"), but not with a heading typed without its
    colon: "1. Thời gian" then "08g00 …" is a heading and its text."""
    from kehoach_desktop.formats.plan_import.outline import outline

    nodes = outline(["1. Thời gian", "08g00 ngày 24/10/2019 (thứ Năm)", "- Dự kiến 08g00 ngày", "31 tháng 01 năm 2023."])
    assert [(n.kind, n.text) for n in nodes] == [("heading", "Thời gian")]
    assert [(n.kind, n.text) for n in nodes[0].children] == [
        ("paragraph", "08g00 ngày 24/10/2019 (thứ Năm)"), ("item", "Dự kiến 08g00 ngày 31 tháng 01 năm 2023.")]


@settings(max_examples=min(CASES, 200), deadline=None)
@given(plan_texts())
def test_every_word_of_any_header_is_in_the_export(plan: PlanText):
    missing = compare_words(plan.reference, exported_words(plan)).missing
    assert not missing, f"words lost: {missing}"


# The smallest cases of the header's losses found by the property above.
BODY = ("KẾ HOẠCH\nTổ chức Hội nghị sơ kết\nI. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n"
        "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Đăng Khoa\n")
HEADER_LOSSES = {
    # The Student Union as the superior body, above the issuing body (or below the right column): lost
    # (read as the organisation's title, then replaced by the Youth Union's).
    "student-union-superior": ("HỘI SINH VIÊN VIỆT NAM\nBCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\n***\nSố: 37-KH/ĐTN\n"
                               "ĐOÀN TNCS HỒ CHÍ MINH\nTP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n",
                               "HỘI SINH VIÊN VIỆT NAM\nBCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\nSố: 37-KH/ĐTN\n"
                               "ĐOÀN TNCS HỒ CHÍ MINH\nTP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n"),
    # The motto of the State layout is dropped: the plan has no field for it.
    "state-motto": ("ỦY BAN NHÂN DÂN PHƯỜNG 9\nSố: 37/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\nTP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n",
                    "ỦY BAN NHÂN DÂN PHƯỜNG 9\nSố: 37/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\nTP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n"),
    # Columns joined by " | ", the number alone on the last row with a "|" after it: the number 37 is lost
    # ("Số:      -KH/ĐTN") and the place line keeps the "|".
    "joined-number-row": ("BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP | ĐOÀN TNCS HỒ CHÍ MINH\n"
                          "*** | TP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\nSố: 37-KH/ĐTN |\n",
                          "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\nSố: 37-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
                          "TP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n"),
    # Every row ending in " |": the place and date are lost ("ngày      tháng      năm").
    "joined-trailing-bars": ("BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP | ĐOÀN TNCS HỒ CHÍ MINH |\n"
                             "*** | TP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005 |\nSố: 37-KH/ĐTN |\n",
                             "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\nSố: 37-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
                             "TP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n"),
    # One word group per line: "TP." of the place becomes an issuing body's line, the organisation's
    # title, cut in two, two more bodies.
    "word-groups": ("BCH\nĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\n***\nSố: 37-KH/ĐTN\nĐOÀN\nTNCS HỒ CHÍ MINH\nTP.\n"
                    "Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n",
                    "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\nSố: 37-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
                    "TP. Hồ Chí Minh, ngày 01 tháng 01 năm 2005\n"),
}


@pytest.mark.parametrize("case", sorted(HEADER_LOSSES))
def test_smallest_header_losses(case):
    source, in_export_order = HEADER_LOSSES[case]
    imported, _report = plan_from_text(source + BODY)
    exported = render_text(imported)
    assert compare_words(words(in_export_order + BODY), words(exported)).missing == [], exported


@pytest.mark.parametrize("after_signature", ["Ghi chú: nộp báo cáo trước ngày 20/10.", "Nguyễn Văn Bình"],
                         ids=["a-note", "a-second-name"])
def test_a_line_after_the_signature_that_is_no_part_of_it_is_kept(after_signature):
    """back.parse_back puts what it cannot place in Back.leftovers; the
    report lists them as kept as paragraphs, but the plan does not hold them."""
    source = ("ĐOÀN KHỐI\n***\nSố: 37-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 21 tháng 6 năm 2022\n" + BODY
              + after_signature + "\n")
    imported, _report = plan_from_text(source)
    exported = render_text(imported)
    assert compare_words(words(after_signature), words(exported)).missing == [], exported


def test_a_tab_inside_a_recipient_loses_nothing():
    source = ("ĐOÀN KHỐI\n***\nSố: 37-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 21 tháng 6 năm 2022\n"
              "KẾ HOẠCH\nTổ chức Hội nghị sơ kết\nI. MỤC ĐÍCH\n- Công tác tổ chức chu đáo.\n"
              "Nơi nhận:\n- Như trên;\n- Đảng ủy Khối:\tThường trực, Ban Dân vận;\n"
              "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Đăng Khoa\n")
    imported, _report = plan_from_text(source)
    exported = render_text(imported)
    assert compare_words(words(source), words(exported)).missing == [], exported


def test_a_lettered_section_right_under_the_title_is_a_section():
    imported, _report = plan_from_text(HEAD + FOUND["lettered-sections"][0].removeprefix("-------\n")
                                       + FOUND["lettered-sections"][1])
    assert [section.heading for section in imported.sections] == ["MỤC ĐÍCH", "NỘI DUNG"], render_text(imported)


def test_a_signature_after_lettered_sections_right_under_the_title_is_read():
    # A blank line between all lines, as web pages give them; no line ends its sentence.
    source = "\n\n".join(["ĐOÀN KHỐI", "***", "Số: 37-KH/ĐTN", "ĐOÀN TNCS HỒ CHÍ MINH",
                           "Hà Nội, ngày 21 tháng 6 năm 2022", "KẾ HOẠCH", "Tổ chức hội nghị", "A. MỤC ĐÍCH",
                           "Đánh giá kết quả", "B. NỘI DUNG", "Tổ chức trang trọng", "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI",
                           "BÍ THƯ", "Nguyễn Đăng Khoa", "(Đã ký)"])
    imported, _report = plan_from_text(source)
    assert [(s.position, s.name) for s in imported.signatures] == [("BÍ THƯ (Đã ký)", "Nguyễn Đăng Khoa")], \
        render_text(imported)

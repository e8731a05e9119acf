"""Where each line of an imported file went (formats/plan_import/placements.py):
on the five examples written out by the program and read back, on real
plans of other offices (tests/fixtures/other_offices, not those kept aside),
and on a plan that really lost a line."""
from __future__ import annotations

import pytest
from conftest import FIXTURE_FILES, fixture_name
from other_offices import held_out, source_text

from kehoach_desktop.core.content import FreeContent, Subsection
from kehoach_desktop.core.model import Section
from kehoach_desktop.core.numbering import section_number
from kehoach_desktop.core.text import nfc
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.exporters import render
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.formats.plan_import.placements import (
    DROPPED,
    PLACED,
    UNPLACED,
    Placement,
    placements,
    unplaced_count,
)
from kehoach_desktop.formats.plan_import.source import clean_lines


def source_lines(text: str) -> list[str]:
    """The lines as plan_from_text reads them."""
    return clean_lines(text.split("\n"), keep_spaces=True)[0]


MARKS = {"***", "*", "-------"}  # what the program draws itself around the header and title


def line(found: list[Placement], text: str, nth: int = 0) -> Placement:
    """The nth placement of a source line that reads ``text`` (spaces folded)."""
    same = [p for p in found if " ".join(p.text.split()) == text]
    assert len(same) > nth, f"no line {text!r} (nth {nth}) in {[p.text for p in found]}"
    return same[nth]


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_every_line_of_an_example_is_placed(fixture, suffix, tmp_path):
    plan = kehoach_json.read_file(fixture)
    path = tmp_path / f"ke-hoach{suffix}"
    path.write_bytes(render(plan, suffix))
    imported, report = import_plan(path)
    found = report.placements
    assert len(found) > 40 and unplaced_count(found) == 0
    assert {p.text.strip() for p in found if p.status == DROPPED} <= MARKS
    assert all(p.places for p in found if p.status == PLACED)
    assert line(found, plan.document_type.upper()).path == "document_type"
    for i, section in enumerate(imported.sections):  # each heading's line on its section
        heading = next(p for p in found if p.path == f"sections[{i}].heading")
        assert heading.places[0].label.startswith(f"Mục {section_number(i)} ")
        assert section.heading.split()[0].casefold() in heading.text.casefold()
    first_number = next(p for p in found if p.text.lstrip().startswith("Số"))
    assert first_number.path == "number"
    if plan.recipients:
        assert line(found, "Nơi nhận:").path == "recipients"
    if plan.signatures and plan.signatures[0].name:
        assert line(found, plan.signatures[0].name).path == "signatures[0].name"


def test_a_repeated_line_lands_under_its_own_item(tmp_path):
    """Example 004 has "- Phụ trách:" under each of its eight activities:
    each goes to its own, in order."""
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(render(kehoach_json.read_file(FIXTURE_FILES[4]), ".docx"))
    found = import_plan(path)[1].placements
    repeated = [p for p in found if " ".join(p.text.split()) in ("- Phụ trách:", "- Phân công:")]
    assert len(repeated) == 8
    assert [p.places[0].label.split(" › ")[1][:2] for p in repeated] == [f"{n}." for n in range(1, 9)]


def corpus_placements(name: str) -> list[Placement]:
    assert name not in held_out()  # the plans kept aside are never looked at one by one
    return plan_from_text(source_text(name))[1].placements


def test_a_central_plan_with_its_header_columns_on_one_line():
    found = corpus_placements("tw-thieunhi-225-hoat-dong-he-2024")
    first = found[0]  # "BAN CHẤP HÀNH TRUNG ƯƠNG <spaces> ĐOÀN TNCS HỒ CHÍ MINH": two columns, two fields
    assert first.status == PLACED and "organisation_title" in [p.path for p in first.places]
    number = line(found, "Số: 225 - KH/TWĐTN-CTTN Hà Nội, ngày 16 tháng 5 năm 2024")
    assert [p.path for p in number.places] == ["number", "place"]  # the line's order
    assert number.where == "Số, ký hiệu + Địa danh, ngày ban hành"
    assert line(found, "***").status == DROPPED and "dấu sao" in line(found, "***").where
    # the title broken over two lines: both in the title
    assert line(found, "Tổ chức các").path == line(found, "hoạt động hè dành cho thiếu nhi năm 2024").path == "title"
    assert next(p for p in found if p.text.startswith("Thực hiện chương trình")).path == "preamble"
    assert line(found, "I. MỤC ĐÍCH, YÊU CẦU").path == "sections[0].heading"
    assert next(p for p in found if p.text.startswith("2. Phát huy vai trò")).path == "sections[0].content"


def test_a_school_plan_numbered_1_2_renumbered_i_ii():
    """Its top sections are "1. MỤC ĐÍCH YÊU CẦU:", "1. NỘI DUNG:" (Word's
    numbering flattened): they come back as "I." and "II.", and the lines
    under them go there, each under its item."""
    found = corpus_placements("truong-phulam-dai-hoi-doan-2019")
    assert unplaced_count(found) == 0
    assert line(found, "1. MỤC ĐÍCH YÊU CẦU:").places[0].label == "Mục I. MỤC ĐÍCH YÊU CẦU"
    assert line(found, "1. NỘI DUNG:").path == "sections[1].heading"
    assert line(found, "– Dự trù tổ bầu cử").places[0].label == "Mục II. NỘI DUNG › 1. Đại hội trù bị"
    assert line(found, "– Diễn văn khai mạc.").places[0].label == "Mục II. NỘI DUNG › 3. Nội dung"
    assert line(found, "Quận 6, ngày 16 tháng 10 năm 2019").path == "place"
    assert line(found, "BCH QUẬN ĐOÀN – QUÂN 6").path == "superior_body"


def test_a_plan_with_a_motto_printed_without_one_drops_it_and_reformats_the_date():
    text = source_text("coso-chi-doan-thcs-khanh-thuong-2020")
    plan, _report = plan_from_text(text)
    plan.profile = "doan"  # the Youth Union's layout prints no motto
    found = placements(source_lines(text), plan)
    motto = line(found, "Độc lập – Tự do – Hạnh phúc")
    assert motto.status == DROPPED and "tiêu ngữ" in motto.where
    date = line(found, "Khánh Thượng, ngày 05 tháng 09 năm 2020")  # printed "ngày 05 tháng 9 năm 2020"
    assert date.status == PLACED and date.path == "place"
    assert line(found, "I – CĂN CỨ LẬP KẾ HOẠCH").path == "sections[0].heading"
    assert line(found, "III – NHIỆM VỤ TRỌNG TÂM:").path == "sections[2].heading"


def test_a_signature_note_is_dropped_but_said_so():
    text = nfc("BCH ĐOÀN PHƯỜNG 1\n***\nSố: 12-KH/ĐTN\nPhường 1, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
               "Ra quân tình nguyện\n\nI. MỤC ĐÍCH\n- Rèn luyện đoàn viên.\n\nNơi nhận:\n- Lưu: VP.\n\n"
               "TM. BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nNguyễn Văn A\n")
    plan, report = plan_from_text(text)
    found = report.placements
    signed = line(found, "(Đã ký)")
    if "đã ký" not in " ".join(s.name + s.position for s in plan.signatures).casefold():
        assert signed.status == DROPPED and "Đã ký" in signed.where
    else:  # the importer keeps it: then it says where
        assert signed.status == PLACED
    assert line(found, "Nguyễn Văn A").path == "signatures[0].name"
    assert line(found, "- Rèn luyện đoàn viên.").places[0].label == "Mục I. MỤC ĐÍCH"


def remove_block(content: FreeContent, start: str) -> bool:
    """Takes out of free content (its subsections included) the first block
    whose text starts so."""
    for block in content.blocks:
        if getattr(block, "text", "").startswith(start):
            content.blocks.remove(block)
            return True
        if isinstance(block, Subsection) and isinstance(block.content, FreeContent) and \
                remove_block(block.content, start):
            return True
    return False


def test_the_draft_mark_is_placed_beside_the_number():
    text = nfc("BCH ĐOÀN PHƯỜNG 1\n***\nSố: 12-KH/ĐTN\nDỰ THẢO\nPhường 1, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
               "Ra quân tình nguyện\n\nI. MỤC ĐÍCH\n- Rèn luyện đoàn viên.\n")
    plan, report = plan_from_text(text)
    assert plan.show_draft_mark and plan.status == "draft"
    mark = line(report.placements, "DỰ THẢO")
    assert mark.status == PLACED and mark.where == "Dấu “DỰ THẢO”" and mark.path == "number"


def test_a_line_the_plan_lost_cannot_be_placed():
    """A paragraph taken out of the imported plan (as a loss of the
    importer would): its line is "không đặt được", naming its words; the
    lines around it stay placed."""
    text = source_text("tw-hsv-10-tiep-suc-mua-thi-2019")
    plan, report = plan_from_text(text)
    before = {p.number: p.status for p in report.placements}
    assert UNPLACED not in before.values()
    assert remove_block(plan.sections[0].content, "Hướng dẫn, hỗ trợ")
    found = placements(source_lines(text), plan)
    gone = next(p for p in found if p.text.startswith("- Hướng dẫn, hỗ trợ"))
    assert gone.status == UNPLACED and gone.places == []
    assert gone.where == "Không đặt được: không có trong kế hoạch" and gone.missing[:2] == ["Hướng", "dẫn"]
    assert [p.number for p in found if p.status == UNPLACED] == [gone.number]


def test_words_half_lost_leave_the_line_unplaced_naming_them():
    """A line of which a few words are kept (a number whose digits the
    header lost) is not placed: the words lost are named, and where the
    rest went."""
    plan, _report = plan_from_text(source_text("tw-thieunhi-225-hoat-dong-he-2024"))
    plan.number.value = None
    found = placements(source_lines(source_text("tw-thieunhi-225-hoat-dong-he-2024")), plan)
    number = next(p for p in found if "225" in p.text)
    assert number.status == UNPLACED and number.missing == ["225"]
    assert "thiếu “225”" in number.where and "Số, ký hiệu" in number.where


def test_a_section_the_source_does_not_have_takes_no_line():
    """A section more in the plan (an empty one, as the clerk adds) changes
    no line's place."""
    plan, report = plan_from_text(source_text("truong-hsv-vinh-18-hanh-trinh-bien-dao-2018"))
    plan.sections.append(Section("Kinh phí"))
    found = placements(source_lines(source_text("truong-hsv-vinh-18-hanh-trinh-bien-dao-2018")), plan)
    assert [(p.status, p.where) for p in found] == [(p.status, p.where) for p in report.placements]


def test_the_report_s_notes_name_each_line_that_could_not_be_placed():
    """Where the side-by-side view is not at hand (the command line, the
    notes tab), the report's notes name the unplaced lines by number."""
    text = source_text("tw-thieunhi-225-hoat-dong-he-2024")
    plan, report = plan_from_text(text)
    assert not [line for line in report.lines() if line.startswith("Dòng ")]
    plan.number.value = None
    report.placements = placements(source_lines(text), plan)
    number = next(p for p in report.placements if p.status == UNPLACED)
    named = [line for line in report.lines() if line.startswith("Dòng ")]
    assert named == [f"Dòng {number.number} “{' '.join(number.text.split())}”: {number.where}"]

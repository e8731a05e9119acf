"""What Word knows of a plan's sections and signatures (issue 20: recognition
on blocks). A Word file marks its headings (an outline level: "Heading 1",
w:outlineLvl; or a short paragraph all in bold) and sets its signature apart
(a borderless table beside the recipients, centred paragraphs, the name in
bold last). Each case here is a real .docx built with python-docx and read
back through the importer; the same lines as a text file, which has no such
marks, are read as before (and so, each time, as the Word file was read
before the marks were used). Nothing of the source is lost in the export."""
from __future__ import annotations

from collections import Counter

import pytest
from conftest import EXAMPLE_TEXTS, REPO
from doc_compare import compare_plans, words
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import (
    heading_marks,
    import_plan,
    plan_from_lines,
    plan_from_text,
    signature_hints,
)
from kehoach_desktop.formats.plan_import.docx_blocks import Paragraph, read_blocks
from kehoach_desktop.formats.plan_import.word_tables import marked_lines, title_length
from kehoach_desktop.formats.text_export import render_text

HEADER = ["BCH ĐOÀN XÃ AN HÒA", "Số: 12-KH/ĐTN", "An Hòa, ngày 03 tháng 3 năm 2021", "KẾ HOẠCH", "Tổ chức hội trại"]
PLAIN, BOLD, HEADING_1, HEADING_2 = "plain", "bold", "heading 1", "heading 2"


def word_plan(tmp_path, body: list[tuple[str, str]], name: str = "ke-hoach.docx"):
    """A .docx: the header's lines, then the body's paragraphs as marked."""
    document = Document()
    for line in HEADER:
        document.add_paragraph(line)
    for mark, text in body:
        if mark in (HEADING_1, HEADING_2):
            document.add_heading(text, 1 if mark == HEADING_1 else 2)
        elif mark == BOLD:
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text)
    path = tmp_path / name
    document.save(path)
    return path


def source_text(body: list[tuple[str, str]]) -> str:
    return "\n".join([*HEADER, *(text for _mark, text in body)])


def assert_nothing_lost(text: str, plan) -> None:
    comparison = compare_plans(text, render_text(plan))
    assert comparison.missing == [], comparison.missing


# ------------------------------------------------------------------ what a paragraph's look is
def test_a_paragraph_is_bold_when_every_run_with_text_is_by_its_own_property_or_its_styles(tmp_path):
    document = Document()
    document.add_paragraph("thường")
    paragraph = document.add_paragraph()
    paragraph.add_run("đậm").bold = True
    paragraph.add_run("   ")  # a run of spaces shows no bold
    paragraph = document.add_paragraph()
    paragraph.add_run("nửa").bold = True
    paragraph.add_run(" thường")
    strong = document.styles.add_style("Dam", WD_STYLE_TYPE.PARAGRAPH)
    strong.font.bold = True
    based = document.styles.add_style("Dam con", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = strong
    document.add_paragraph("theo kiểu gốc", style=based)
    document.add_paragraph(style=based).add_run("tắt đậm").bold = False  # <w:b w:val="0"/>
    characters = document.styles.add_style("Chu dam", WD_STYLE_TYPE.CHARACTER)
    characters.font.bold = True
    document.add_paragraph().add_run("kiểu ký tự", style=characters)
    # Bold toggles: a bold character style in a bold paragraph style is not bold (as Word shows it).
    document.add_paragraph(style=strong).add_run("đậm hai lần", style=characters)
    paragraph = document.add_paragraph()
    run = paragraph.add_run("giá trị false")
    bold = run._r.get_or_add_rPr().makeelement(qn("w:b"), {qn("w:val"): "false"})
    run._r.get_or_add_rPr().append(bold)
    path = tmp_path / "dam.docx"
    document.save(path)
    looks = {block.text: block.bold for block in read_blocks(path) if isinstance(block, Paragraph)}
    assert looks == {"thường": False, "đậm": True, "nửa thường": False, "theo kiểu gốc": True, "tắt đậm": False,
                     "kiểu ký tự": True, "đậm hai lần": False, "giá trị false": False}


def test_a_paragraph_has_the_outline_level_of_its_heading_style_or_its_own(tmp_path):
    document = Document()
    document.add_heading("Mục một", 1)
    document.add_heading("Mục hai", 2)
    own = document.add_paragraph("Cấp riêng")
    level = own._p.get_or_add_pPr().makeelement(qn("w:outlineLvl"), {qn("w:val"): "0"})
    own._p.get_or_add_pPr().append(level)
    body = document.add_paragraph("Thân văn bản", style="Heading 1")
    level = body._p.get_or_add_pPr().makeelement(qn("w:outlineLvl"), {qn("w:val"): "9"})  # 9: body text
    body._p.get_or_add_pPr().append(level)
    # A heading style whose file keeps no w:outlineLvl: its built-in name ("heading 3") tells.
    heading_3 = document.styles["Heading 3"].element
    for found in heading_3.findall(f"{qn('w:pPr')}/{qn('w:outlineLvl')}"):
        found.getparent().remove(found)
    document.add_heading("Mục ba", 3)
    based = document.styles.add_style("Muc rieng", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = document.styles["Heading 2"]
    document.add_paragraph("Theo kiểu mục", style=based)
    document.add_paragraph("Đoạn thường")
    path = tmp_path / "cap.docx"
    document.save(path)
    levels = {block.text: block.outline_level for block in read_blocks(path) if isinstance(block, Paragraph)}
    assert levels == {"Mục một": 0, "Mục hai": 1, "Cấp riêng": 0, "Thân văn bản": None, "Mục ba": 2,
                      "Theo kiểu mục": 1, "Đoạn thường": None}


# ------------------------------------------------------------------ sections Word marks
SECTION_CASES = {
    # No numeral at all, the headings in sentence case as Word's "Heading 1".
    "headings without numerals": (
        [(PLAIN, "Căn cứ kế hoạch của Tỉnh Đoàn."), (HEADING_1, "Mục đích, yêu cầu"), (PLAIN, "- Tạo sân chơi."),
         (HEADING_1, "Nội dung"), (PLAIN, "- Hội trại."), (HEADING_1, "Tổ chức thực hiện"),
         (PLAIN, "- Các chi đoàn thực hiện.")],
        ["Mục đích, yêu cầu", "Nội dung", "Tổ chức thực hiện"]),
    # Bold capitals without numerals, some not a section's usual words.
    "bold capitals without numerals": (
        [(BOLD, "MỤC ĐÍCH, YÊU CẦU"), (PLAIN, "Tạo sân chơi."), (BOLD, "CÁC HOẠT ĐỘNG"),
         (PLAIN, "Hội trại từ ngày 26/3."), (BOLD, "KHEN THƯỞNG"), (PLAIN, "Tặng giấy khen."),
         (BOLD, "TỔ CHỨC THỰC HIỆN"), (PLAIN, "Các chi đoàn thực hiện.")],
        ["MỤC ĐÍCH, YÊU CẦU", "CÁC HOẠT ĐỘNG", "KHEN THƯỞNG", "TỔ CHỨC THỰC HIỆN"]),
    # "1." items of the preamble, not bold, before the bold "1. Mục đích".
    "bold arabic headings after numbered grounds": (
        [(PLAIN, "Căn cứ:"), (PLAIN, "1. Chương trình công tác Đoàn năm 2023"), (PLAIN, "2. Kế hoạch của Tỉnh Đoàn"),
         (BOLD, "1. Mục đích"), (PLAIN, "- Tạo sân chơi."), (BOLD, "2. Yêu cầu"), (PLAIN, "- An toàn."),
         (BOLD, "3. Tổ chức thực hiện"), (PLAIN, "- Các chi đoàn thực hiện.")],
        ["Mục đích", "Yêu cầu", "Tổ chức thực hiện"]),
    # Numbered capitals inside a section, not bold, are no sections.
    "numbered capitals inside a bold one": (
        [(BOLD, "1. MỤC ĐÍCH, YÊU CẦU"), (PLAIN, "Tạo sân chơi."), (BOLD, "2. NỘI DUNG"),
         (PLAIN, "1. HỘI THI CẮM TRẠI"), (PLAIN, "Các chi đoàn dự thi."), (PLAIN, "2. LỬA TRẠI"),
         (PLAIN, "Đêm 26/3."), (BOLD, "3. TỔ CHỨC THỰC HIỆN"), (PLAIN, "Các chi đoàn thực hiện.")],
        ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]),
    # Bold "1. Mục đích" sub-headings under bold capital sections: the first bold heading's form is the top.
    "bold sub-headings under bold capitals": (
        [(BOLD, "MỤC ĐÍCH, YÊU CẦU"), (BOLD, "1. Mục đích"), (PLAIN, "Tạo sân chơi."), (BOLD, "2. Yêu cầu"),
         (PLAIN, "An toàn."), (BOLD, "HOẠT ĐỘNG"), (PLAIN, "Hội trại."), (BOLD, "TỔ CHỨC THỰC HIỆN"),
         (PLAIN, "Các chi đoàn thực hiện.")],
        ["MỤC ĐÍCH, YÊU CẦU", "HOẠT ĐỘNG", "TỔ CHỨC THỰC HIỆN"]),
}


@pytest.mark.parametrize("case", SECTION_CASES, ids=list(SECTION_CASES))
def test_the_sections_word_marks_are_the_plans(tmp_path, case):
    body, headings = SECTION_CASES[case]
    plan, _ = import_plan(word_plan(tmp_path, body))
    assert [section.heading for section in plan.sections] == headings
    assert_nothing_lost(source_text(body), plan)
    # The same lines as a text file: no marks, read as before (and as the Word file was).
    text_plan, _ = plan_from_text(source_text(body))
    assert [section.heading for section in text_plan.sections] != headings


def test_roman_numerals_decide_alone_whatever_is_bold(tmp_path):
    body = [(BOLD, "I. MỤC ĐÍCH"), (BOLD, "1. Mục đích"), (PLAIN, "Tạo sân chơi."), (BOLD, "2. Yêu cầu"),
            (PLAIN, "An toàn."), (BOLD, "II. TỔ CHỨC THỰC HIỆN"), (BOLD, "LƯU Ý"), (PLAIN, "- Các chi đoàn thực hiện.")]
    plan, _ = import_plan(word_plan(tmp_path, body))
    text_plan, _ = plan_from_text(source_text(body))
    assert kehoach_json.dumps(plan) == kehoach_json.dumps(text_plan)
    assert [section.heading for section in plan.sections] == ["MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"]


def test_one_heading_1_over_its_heading_2s_decides_nothing(tmp_path):
    """A lone "Heading 1" over "Heading 2" sub-headings: Word marks no
    sections of the plan (its sub-headings are no sections); the plan reads
    as its text."""
    body = [(PLAIN, "Căn cứ kế hoạch của Tỉnh Đoàn."), (HEADING_1, "NỘI DUNG"), (HEADING_2, "1. Hội trại"),
            (PLAIN, "- Cắm trại."), (HEADING_2, "2. Lửa trại"), (PLAIN, "- Đêm 26/3.")]
    plan, _ = import_plan(word_plan(tmp_path, body))
    text_plan, _ = plan_from_text(source_text(body))
    assert kehoach_json.dumps(plan) == kehoach_json.dumps(text_plan)
    assert [section.heading for section in plan.sections] == ["NỘI DUNG"]


def test_a_bold_line_of_the_preamble_before_the_sections_is_none(tmp_path):
    body = [(BOLD, "KÍNH GỬI CÁC CHI ĐOÀN TRỰC THUỘC"), (PLAIN, "Ban Thường vụ triển khai như sau:"),
            (BOLD, "MỤC ĐÍCH, YÊU CẦU"), (PLAIN, "Tạo sân chơi."), (BOLD, "HOẠT ĐỘNG"), (PLAIN, "Hội trại."),
            (BOLD, "TỔ CHỨC THỰC HIỆN"), (PLAIN, "Các chi đoàn thực hiện.")]
    plan, _ = import_plan(word_plan(tmp_path, body))
    assert [section.heading for section in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "HOẠT ĐỘNG", "TỔ CHỨC THỰC HIỆN"]
    assert plan.preamble == ["KÍNH GỬI CÁC CHI ĐOÀN TRỰC THUỘC", "Ban Thường vụ triển khai như sau:"]
    assert_nothing_lost(source_text(body), plan)


def test_bold_capitals_inside_numbered_sections_are_no_sections(tmp_path):
    """The text numbers its sections ("1. MỤC ĐÍCH", not bold); bold
    capital lines inside them are displayed lines, not sections."""
    body = [(PLAIN, "1. MỤC ĐÍCH, YÊU CẦU"), (PLAIN, "Tạo sân chơi."), (PLAIN, "2. NỘI DUNG"),
            (BOLD, "HỘI TRẠI TÒNG QUÂN"), (PLAIN, "Ngày 26/3."), (BOLD, "LỬA TRẠI"), (PLAIN, "Đêm 26/3."),
            (PLAIN, "3. TỔ CHỨC THỰC HIỆN"), (PLAIN, "Các chi đoàn thực hiện.")]
    plan, _ = import_plan(word_plan(tmp_path, body))
    text_plan, _ = plan_from_text(source_text(body))
    assert kehoach_json.dumps(plan) == kehoach_json.dumps(text_plan)
    assert [section.heading for section in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]


def test_one_bold_line_alone_decides_nothing(tmp_path):
    """A single bold line (emphasis in the preamble) is no evidence of a
    plan's sections: the text is read as a text file's."""
    body = [(BOLD, "KÍNH GỬI CÁC CHI ĐOÀN"), (PLAIN, "1. MỤC ĐÍCH"), (PLAIN, "- Tạo sân chơi."),
            (PLAIN, "2. TỔ CHỨC THỰC HIỆN"), (PLAIN, "- Các chi đoàn thực hiện.")]
    plan, _ = import_plan(word_plan(tmp_path, body))
    text_plan, _ = plan_from_text(source_text(body))
    assert kehoach_json.dumps(plan) == kehoach_json.dumps(text_plan)


# ------------------------------------------------------------------ signatures Word sets apart
BODY_END = ["I. MỤC ĐÍCH", "- Tạo sân chơi.", "Trên đây là kế hoạch tổ chức hội trại./."]
RECIPIENTS = [("Nơi nhận:", True), ("- Như trên;", False), ("- Lưu VP.", False)]


def _cell(cell, lines: list[tuple[str, bool]]) -> None:
    for i, (text, bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if text:
            paragraph.add_run(text).bold = bold


def table_end(tmp_path, left: list[tuple[str, bool]], right: list[tuple[str, bool]]):
    """The header and a short body, then a borderless two-cell table."""
    document = Document()
    for line in [*HEADER, *BODY_END]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)  # python-docx's default table: no borders
    _cell(table.cell(0, 0), left)
    _cell(table.cell(0, 1), right)
    path = tmp_path / "ket-thuc.docx"
    document.save(path)
    return path


def signers(plan) -> list[tuple[str, str, str, str]]:
    return [(s.authority, s.body, s.position, s.name) for s in plan.signatures]


def assert_end_kept(path, plan) -> None:
    """The body's words in order, the end's as a bag (its columns have no
    reading order)."""
    text = "\n".join(line for block in read_blocks(path) for line in
                     (block.lines if isinstance(block, Paragraph) else block.lines))
    body_end = text.index("./.") + 3
    exported = render_text(plan)
    assert compare_plans(text[:body_end], exported[:exported.index("./.") + 3]).missing == []
    assert not Counter(words(text[body_end:])) - Counter(words(exported))


SIGNATURE_CASES = {
    # The recipients' cell has no "Nơi nhận:": it is the cell beside the signature's.
    "recipients without their heading": (
        [("- Như trên;", False), ("- Lưu VP.", False)],
        [("TM. BAN CHẤP HÀNH", True), ("BÍ THƯ", True), ("", False), ("Ka Bảo", True)],
        [("TM.", "BAN CHẤP HÀNH", "BÍ THƯ", "Ka Bảo")], ["Như trên", "Lưu VP"]),
    # A name in capitals whose family name the checker's list lacks, right under the position.
    "a capital name without room to sign": (
        RECIPIENTS, [("TM. BAN CHẤP HÀNH", True), ("BÍ THƯ", True), ("KA BẢO", True)],
        [("TM.", "BAN CHẤP HÀNH", "BÍ THƯ", "KA BẢO")], ["Như trên", "Lưu VP"]),
    # The same, the signature on the left.
    "signature left, a capital name": (
        [("TM. BAN THƯỜNG VỤ", True), ("PHÓ BÍ THƯ", True), ("Y BLỐC", True)], RECIPIENTS,
        [("TM.", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Y BLỐC")], ["Như trên", "Lưu VP"]),
    # Signed and sealed, a one-word name.
    "a one-word name": (
        RECIPIENTS, [("TM. BAN CHẤP HÀNH", True), ("BÍ THƯ", True), ("(Ký tên, đóng dấu)", False), ("Ka", True)],
        [("TM.", "BAN CHẤP HÀNH", "BÍ THƯ (Ký tên, đóng dấu)", "Ka")], ["Như trên", "Lưu VP"]),
}


@pytest.mark.parametrize("case", SIGNATURE_CASES, ids=list(SIGNATURE_CASES))
def test_the_signature_word_sets_apart(tmp_path, case):
    left, right, expected, recipients = SIGNATURE_CASES[case]
    path = table_end(tmp_path, left, right)
    plan, _ = import_plan(path)
    assert signers(plan) == expected
    assert plan.recipients == recipients
    assert plan.closing == BODY_END[-1]
    assert_end_kept(path, plan)
    # Read without what Word tells (its lines only): not so.
    blocks = read_blocks(path)
    lines, _tables = marked_lines(blocks)
    plain, _ = plan_from_lines(lines, None, title_length(blocks))
    assert (signers(plain), plain.recipients) != (expected, recipients)


def test_a_signature_in_centred_paragraphs_after_the_body(tmp_path):
    """No table: the signature block is the centred paragraphs after the
    body, the name the bold last one (in capitals, a family name the
    checker's list lacks, no room to sign above it); the recipients come
    after it."""
    document = Document()
    for line in [*HEADER, *BODY_END]:
        document.add_paragraph(line)
    for text, bold in [("TM. BAN CHẤP HÀNH", True), ("PHÓ BÍ THƯ", True), ("KA BẢO", True)]:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            paragraph.add_run(text).bold = bold
    for text, _bold in RECIPIENTS:
        document.add_paragraph(text)
    path = tmp_path / "giua.docx"
    document.save(path)
    plan, _ = import_plan(path)
    assert signers(plan) == [("TM.", "BAN CHẤP HÀNH", "PHÓ BÍ THƯ", "KA BẢO")]
    assert plan.recipients == ["Như trên", "Lưu VP"]
    assert_end_kept(path, plan)
    blocks = read_blocks(path)
    lines, _tables = marked_lines(blocks)
    plain, _ = plan_from_lines(lines, None, title_length(blocks))
    assert signers(plain) != signers(plan)


@pytest.mark.parametrize("position", ["BÍ THƯ", "TRƯỞNG BAN TỔ CHỨC", "ỦY VIÊN BAN THƯỜNG VỤ"])
def test_a_bold_position_last_is_no_name(tmp_path, position):
    """A block without a name: its bold last line is its position, listed
    or not (a position's words: "trưởng", "ủy viên" …)."""
    path = table_end(tmp_path, RECIPIENTS, [("TM. BAN TỔ CHỨC", True), (position, True)])
    plan, _ = import_plan(path)
    assert signers(plan) == [("TM.", "BAN TỔ CHỨC", position, "")]


# ------------------------------------------------------------------ the Word files the tests had
def _with_and_without_marks(path):
    blocks = read_blocks(path)
    lines, _tables = marked_lines(blocks)
    title = title_length(blocks)
    marked, _ = plan_from_lines(lines, None, title, heading_marks(blocks, lines), signature_hints(blocks, lines))
    plain, _ = plan_from_lines(lines, None, title)
    return kehoach_json.dumps(marked), kehoach_json.dumps(plain)


WORD_FIXTURES = sorted((REPO / "tests" / "fixtures" / "word").glob("*.docx"))


@pytest.mark.parametrize("path", WORD_FIXTURES, ids=lambda p: p.name)
def test_the_word_fixtures_read_as_before(path):
    marked, plain = _with_and_without_marks(path)
    assert marked == plain


@pytest.mark.parametrize("example", EXAMPLE_TEXTS, ids=lambda p: p.name[:3])
def test_the_examples_written_by_the_program_read_as_before(example, tmp_path):
    """The five examples, imported then written to Word by the program
    (bold headings, a signature table): Word's marks change nothing."""
    plan, _ = import_plan(example)
    path = tmp_path / "vi-du.docx"
    path.write_bytes(render_docx(plan))
    marked, plain = _with_and_without_marks(path)
    assert marked == plain


def test_the_bold_lines_of_the_signature_are_no_sections(tmp_path):
    """One bold capital line in the body and a bold signature block after
    it: the signature's lines are not counted with the body's, so the one
    line decides nothing and the plan reads as its text."""
    body = [(PLAIN, "1. MỤC ĐÍCH"), (PLAIN, "- Tạo sân chơi."), (BOLD, "KHEN THƯỞNG"), (PLAIN, "Tặng giấy khen."),
            (PLAIN, "2. TỔ CHỨC THỰC HIỆN"), (PLAIN, "- Các chi đoàn thực hiện."),
            (PLAIN, "Trên đây là kế hoạch tổ chức hội trại./."),
            (BOLD, "TM. BAN CHẤP HÀNH"), (BOLD, "BÍ THƯ"), (BOLD, "NGUYỄN VĂN AN")]
    plan, _ = import_plan(word_plan(tmp_path, body))
    text_plan, _ = plan_from_text(source_text(body))
    assert kehoach_json.dumps(plan) == kehoach_json.dumps(text_plan)
    assert [section.heading for section in plan.sections] == ["MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"]


def test_a_committees_table_in_the_body_starts_no_signature(tmp_path):
    """A table naming a committee's members and their positions ("Trưởng
    ban") in the body holds a position alone in a cell, as a signature
    does; the body goes on after it, so it is no end."""
    document = Document()
    for line in [*HEADER, "I. BAN TỔ CHỨC"]:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=2)
    for row, (name, position) in enumerate([("Đ/c Nguyễn Văn An", "Trưởng ban"), ("Đ/c Trần Thị Bình", "Phó trưởng ban"),
                                            ("Đ/c Lê Văn Cường", "Thành viên")]):
        table.cell(row, 0).paragraphs[0].add_run(name).bold = True
        table.cell(row, 1).paragraphs[0].add_run(position).bold = True
    for line in ["II. TỔ CHỨC THỰC HIỆN", "- Các chi đoàn thực hiện.", "Trên đây là kế hoạch tổ chức hội trại./.",
                 "Nơi nhận:", "- Như trên;", "- Lưu VP."]:
        document.add_paragraph(line)
    for text in ["TM. BAN CHẤP HÀNH", "BÍ THƯ", "", "Nguyễn Văn An"]:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    path = tmp_path / "ban-to-chuc.docx"
    document.save(path)
    plan, _ = import_plan(path)
    assert [section.heading for section in plan.sections] == ["BAN TỔ CHỨC", "TỔ CHỨC THỰC HIỆN"]
    assert signers(plan) == [("TM.", "BAN CHẤP HÀNH", "BÍ THƯ", "Nguyễn Văn An")]
    assert plan.recipients == ["Như trên", "Lưu VP"]
    marked, plain = _with_and_without_marks(path)
    assert marked == plain

"""Importing plans from Word and text: reading the files, bad input, and
what real files contain (decomposed Unicode, tabs, glued lines, bullets,
text boxes, wrong weekdays, missing numerals)."""
import shutil
import unicodedata
import zipfile
from datetime import date

import docx
import pytest
from conftest import FIXTURES
from docx.oxml import parse_xml

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import libreoffice
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.importers import read_plan
from kehoach_desktop.formats.libreoffice import convert, find_soffice
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.formats.plan_import.source import clean_line

PLAN = """THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN PHƯỜNG BẾN THÀNH
***
Số: 12-KH/ĐTN
ĐOÀN TNCS HỒ CHÍ MINH
Phường Bến Thành, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Tổ chức Ngày hội Thanh niên khỏe năm 2025
-----
Thực hiện chương trình công tác năm 2025 của Ban Chấp hành Đoàn phường;
Ban Thường vụ Đoàn phường xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU:
1. Mục đích:
- Tạo sân chơi thể thao lành mạnh cho đoàn viên, thanh niên.
- Góp phần nâng cao sức khỏe thanh niên.
2. Yêu cầu: Tổ chức an toàn, tiết kiệm, hiệu quả.
II. THỜI GIAN - ĐỊA ĐIỂM:
1. Thời gian: 07g30 ngày 23 tháng 3 năm 2025 (Chủ nhật).
2. Địa điểm: Sân vận động Hoa Lư
(Số 2 Đinh Tiên Hoàng, Phường Sài Gòn).
III. THÀNH PHẦN THAM DỰ:
- Ban Thường vụ Đoàn phường (05 đồng chí);
- Bí thư các Chi đoàn khu phố (12 đồng chí);
- Đoàn viên, thanh niên các khu phố (80 đồng chí).
(Dự kiến: 97 đồng chí)
IV. CHƯƠNG TRÌNH:
- 07g00 – 07g30: Đón tiếp đại biểu;
- 07g30 – 11g00: Thi đấu các môn
+ Kéo co;
+ Chạy tiếp sức.
V. PHÂN CÔNG THỰC HIỆN:
1. Văn phòng Đoàn phường:
- Chuẩn bị cơ sở vật chất trước ngày 20/3/2025.
2. Các Chi đoàn khu phố:
- Vận động đoàn viên tham gia.
VI. TIẾN ĐỘ THỰC HIỆN:
- Ngày 10/3/2025: triển khai kế hoạch.
- Từ ngày 11 đến ngày 20/3/2025: các Chi đoàn đăng ký.
Trên đây là kế hoạch tổ chức Ngày hội Thanh niên khỏe năm 2025 của Ban Thường vụ Đoàn phường./.
Nơi nhận:
- Thành Đoàn;
- Đảng ủy phường;
- Lưu: VP.
TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG
BÍ THƯ


Lê Thị Mai
"""


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_a_plan_from_text_with_every_kind(tmp_path):
    plan, report = import_plan(write(tmp_path, "ke-hoach.txt", PLAN))
    assert (plan.number.value, plan.number.symbol, plan.plan_date) == (12, "KH/ĐTN", date(2025, 3, 5))
    assert plan.place == "Phường Bến Thành" and plan.issuing_bodies == ["BCH ĐOÀN PHƯỜNG BẾN THÀNH"]
    assert plan.title == "Tổ chức Ngày hội Thanh niên khỏe năm 2025" and len(plan.preamble) == 2
    assert [s.content.kind for s in plan.sections] == ["free", "time_place", "participants", "programme",
                                                       "assignments", "timeline"]
    tp = plan.sections[1].content
    assert (tp.event_date, tp.start_time, tp.venue, tp.address) == (
        date(2025, 3, 23), "07:30", "Sân vận động Hoa Lư", "Số 2 Đinh Tiên Hoàng, Phường Sài Gòn")
    people = plan.sections[2].content
    assert [e.count for e in people.groups[0].entries] == [5, 12, 80] and people.stated_total == 97
    slots = plan.sections[3].content.slots
    assert (slots[1].start_time, slots[1].end_time, slots[1].items) == ("07:30", "11:00", ["Kéo co;", "Chạy tiếp sức."])
    task = plan.sections[4].content.units[0].tasks[0]
    assert task.deadline_date == date(2025, 3, 20) and task.text == "Chuẩn bị cơ sở vật chất."
    steps = plan.sections[5].content.steps
    assert (steps[1].when.start, steps[1].when.end) == ("2025-03-11", "2025-03-20")
    assert plan.closing.endswith("Đoàn phường./.") and plan.recipients == ["Thành Đoàn", "Đảng ủy phường", "Lưu: VP"]
    assert [(s.authority, s.body, s.position, s.name) for s in plan.signatures] == [
        ("TM.", "BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Lê Thị Mai")]
    assert plan.status == "issued" and not report.kept_as_text


def test_decomposed_unicode_windows_line_ends_and_tabs_give_the_same_plan(tmp_path):
    plain, _ = import_plan(write(tmp_path, "a.txt", PLAN))
    messy = unicodedata.normalize("NFD", PLAN).replace("\n", "\r\n").replace("Địa điểm: ", "Địa điểm:\t")
    again, _ = import_plan(write(tmp_path, "b.txt", messy))
    assert again == plain


def test_pasted_text_is_imported_like_a_file():
    plan, _ = plan_from_text(PLAN)
    assert plan.number.value == 12 and len(plan.sections) == 6


def test_a_weekday_that_does_not_match_stays_as_typed():
    """31/01/2023 was a Tuesday: a plan saying "thứ Tư" keeps its words (the
    format checker reports it), it is not silently corrected."""
    text = PLAN.replace("07g30 ngày 23 tháng 3 năm 2025 (Chủ nhật)", "07g30 ngày 31 tháng 01 năm 2023 (thứ Tư)")
    plan, _ = plan_from_text(text)
    section = plan.sections[1].content
    assert section.kind == "free"
    assert section.blocks[0].content.blocks[0].text == "07g30 ngày 31 tháng 01 năm 2023 (thứ Tư)."


def test_an_impossible_deadline_and_times_in_other_styles():
    """A deadline on no real day is kept as written, as the editor keeps it
    (the checker reports it); "8 giờ 30" and "17h" are read like "08g30"."""
    from kehoach_desktop.core.checks import check_plan

    text = (PLAN.replace("trước ngày 20/3/2025.", "trước 17h ngày 31/02/2025.")
            .replace("- 07g30 – 11g00:", "- 7 giờ 30 – 11:00:"))
    plan, _ = plan_from_text(text)
    task = plan.sections[4].content.units[0].tasks[0]
    assert (task.text, task.deadline_date, task.deadline_time, task.deadline_typed) == \
        ("Chuẩn bị cơ sở vật chất.", None, "17:00", "31/02/2025")
    slot = plan.sections[3].content.slots[1]
    assert (slot.start_time, slot.end_time) == ("07:30", "11:00")
    assert [f.message for f in check_plan(plan) if f.rule == "typed-date-time"] == [
        "Mục V, đơn vị 1, nhiệm vụ 1: hạn “31/02/2025” không phải ngày có thật"]


def test_missing_and_repeated_numerals_bullets_and_bold_markers():
    text = (PLAN.replace("I. MỤC ĐÍCH, YÊU CẦU:", "MỤC ĐÍCH, YÊU CẦU").replace("III. THÀNH PHẦN", "II. THÀNH PHẦN")
            .replace("- Ban Thường vụ Đoàn phường", "• Ban Thường vụ Đoàn phường")
            .replace("KẾ HOẠCH\nTổ chức", "KẾ HOẠCH\n**Tổ chức").replace("năm 2025\n-----", "năm 2025**\n-----"))
    plan, report = plan_from_text(text)
    assert [s.heading for s in plan.sections][:3] == ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN - ĐỊA ĐIỂM", "THÀNH PHẦN THAM DỰ"]
    assert plan.title == "Tổ chức Ngày hội Thanh niên khỏe năm 2025"
    assert plan.sections[2].content.kind == "participants"
    assert any("lặp" in line for line in report.lines())


def test_unrecognised_lines_are_kept_in_place():
    text = PLAN.replace("IV. CHƯƠNG TRÌNH:", "IV. CHƯƠNG TRÌNH:\nGhi chú: chương trình có thể thay đổi theo thời tiết")
    plan, _ = plan_from_text(text)
    section = plan.sections[3].content
    assert section.kind == "free" and section.blocks[0].text.startswith("Ghi chú: chương trình")
    assert [b.text for b in section.blocks[1:3]] == ["07g00 – 07g30: Đón tiếp đại biểu;", "07g30 – 11g00: Thi đấu các môn"]


def test_an_impossible_issue_date_is_left_blank_and_reported():
    plan, report = plan_from_text(PLAN.replace("ngày 05 tháng 3 năm 2025", "ngày 30 tháng 02 năm 2025"))
    assert plan.plan_date is None and plan.place == "Phường Bến Thành" and plan.status == "draft"
    assert any("không có thật" in line for line in report.lines())


def test_text_without_a_plan_header_is_kept_as_the_preamble():
    plan, report = plan_from_text("Một đoạn ghi chú không phải kế hoạch.\nDòng thứ hai.")
    assert plan.preamble == ["Một đoạn ghi chú không phải kế hoạch.", "Dòng thứ hai."] and not plan.sections
    assert any("KẾ HOẠCH" in line for line in report.lines())


def test_glued_authority_line_and_recipients(tmp_path):
    text = PLAN.replace("Nơi nhận:", "TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNGNơi nhận:").split("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG\nBÍ THƯ")[0]
    plan, _ = plan_from_text(text)
    assert len(plan.recipients) == 3 and plan.signatures[0].body == "BAN THƯỜNG VỤ ĐOÀN PHƯỜNG"


def test_clean_line_removes_conversion_marks():
    assert clean_line("**Tổ chức**\u200b  hội\u00a0nghị") == "Tổ chức hội nghị"
    assert clean_line("(*theo mẫu*).") == "(theo mẫu)." and clean_line("***") == "***"
    assert clean_line("*** Thành Đoàn:**") == "* Thành Đoàn:"


# ---------------------------------------------------------------- Word files
def test_a_word_file_with_the_header_in_a_text_box_and_a_signature_table(tmp_path):
    document = docx.Document()
    lines = PLAN.split("\n")
    anchor = document.add_paragraph()
    box = ("<w:r xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' "
           "xmlns:v='urn:schemas-microsoft-com:vml'><w:pict><v:shape><v:textbox><w:txbxContent>"
           + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines[:4])
           + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    anchor._p.append(parse_xml(box))
    for line in lines[4:lines.index("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG")]:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(8))  # tab stops are not text
        paragraph.add_run(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG\nBÍ THƯ\n\n\nLê Thị Mai"
    path = tmp_path / "hop-van-ban.docx"
    document.save(path)
    plan, _ = import_plan(path)
    assert plan.number.value == 12 and plan.issuing_bodies == ["BCH ĐOÀN PHƯỜNG BẾN THÀNH"]
    assert plan.signatures[0].name == "Lê Thị Mai" and len(plan.sections) == 6
    assert plan == plan_from_text(PLAN)[0]


@pytest.mark.usefixtures("libreoffice")
def test_a_legacy_doc_file_through_libreoffice(tmp_path):
    source = tmp_path / "nguon.docx"
    source.write_bytes(render_docx(plan_from_text(PLAN)[0]))
    legacy = convert([source], "doc", tmp_path / "cu")[0]
    assert legacy.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    plan, _ = import_plan(legacy)
    assert plan.number.value == 12 and plan.signatures[0].name == "Lê Thị Mai"


def test_a_legacy_doc_without_libreoffice_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(libreoffice, "_WINDOWS_PATHS", ())  # nor where Windows installs it
    assert find_soffice() is None
    path = write(tmp_path, "cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(UserError) as error:
        import_plan(path)
    assert "cu.doc" in str(error.value) and ".docx" in str(error.value) and "LibreOffice" in str(error.value)


@pytest.mark.parametrize("name, data, message", [
    ("hong.docx", b"PK\x03\x04 not really a zip", "bị hỏng"),
    ("rong.txt", b"\n  \n", "không có chữ nào"),
    ("nhi-phan.txt", b"\x00\x01\x02binary", "nhị phân"),
    ("cp1258.txt", b"Tr\xean \xf0\xe2y l\xe0 K\xea\xec ho\xe1\xf2ch", "UTF-8"),  # "Trên đây là Kế hoạch" in CP1258
    ("lon.txt", b"a" * (8 * 1024 * 1024 + 1), "quá lớn"),
    ("la.odt", b"PK\x03\x04", "bị hỏng"),
])
def test_files_that_cannot_be_imported(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(UserError) as error:
        import_plan(path)
    assert name in str(error.value) and message in str(error.value)


def test_a_word_file_without_its_body_part(tmp_path):
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(UserError, match="word/document.xml"):
        import_plan(path)


def test_an_archive_that_unpacks_absurdly_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (65 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UserError, match="quá lớn"):
        import_plan(path)


def test_read_plan_chooses_the_importer_by_extension(tmp_path):
    shutil.copy(FIXTURES / "000_e9137718c212e39b.txt", tmp_path / "cu.txt")
    plan, notes = read_plan(tmp_path / "cu.txt")
    assert plan.number.value == 37 and any(n.startswith("Đã nhận ra") for n in notes)
    with pytest.raises(UserError, match=".docx, .doc hoặc .txt"):
        read_plan(tmp_path / "bang.xlsx")


NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="70"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="71"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl></w:abstractNum>
<w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num><w:num w:numId="71"><w:abstractNumId w:val="71"/></w:num>
</w:numbering>"""


def test_a_word_file_numbered_by_word_itself(tmp_path):
    """Sections, subsections and items numbered by Word's lists (no typed
    "I.", "1.", "-"): the labels Word draws are read as if typed."""
    import re

    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    patterns = ((re.compile(r"^[IVX]+\. "), "70", 0), (re.compile(r"^\d+\. "), "70", 1),
                (re.compile(r"^- "), "71", 0), (re.compile(r"^\+ "), "71", 1))
    body_start = PLAN.split("\n").index("-----") + 1
    for i, line in enumerate(PLAN.split("\n")):
        found = next(((p, n, lvl) for p, n, lvl in patterns if p.match(line)), None) if i > body_start else None
        paragraph = document.add_paragraph(found[0].sub("", line) if found else line)
        if found and not line.startswith("- Lưu") and "Nơi nhận" not in PLAN.split("\n")[i - 1]:
            num_pr = parse_xml(f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                               f'<w:ilvl w:val="{found[2]}"/><w:numId w:val="{found[1]}"/></w:numPr>')
            paragraph._p.get_or_add_pPr().append(num_pr)
        elif found:
            paragraph.text = line
    path = tmp_path / "danh-so-tu-dong.docx"
    document.save(path)
    plan, _ = import_plan(path)
    typed, _ = plan_from_text(PLAN)
    assert [s.heading for s in plan.sections] == [s.heading for s in typed.sections]
    assert [s.content.kind for s in plan.sections] == [s.content.kind for s in typed.sections]
    assert plan.sections[2].content.groups[0].entries[0].count == 5


def test_the_end_mark_the_program_wrote_is_told_from_a_typed_one(tmp_path):
    """Word files of ours mark the "./." the program added (a hidden
    bookmark), so reading one back gives the plan as it was: a closing that
    lacked "./." still lacks it (the format checker reports it), a typed one
    stays."""
    typed, _ = plan_from_text(PLAN)
    assert typed.closing.endswith("./.")
    forgot, _ = plan_from_text(PLAN.replace("Đoàn phường./.", "Đoàn phường"))
    for plan, mark in ((typed, False), (forgot, True)):
        path = tmp_path / "x.docx"
        path.write_bytes(render_docx(plan))
        with zipfile.ZipFile(path) as archive:
            assert ("_KhEnd_" in archive.read("word/document.xml").decode()) is mark
        last = [p.text for p in docx.Document(str(path)).paragraphs if p.text][-1]
        assert "./." in last or mark is False
        assert import_plan(path)[0].closing == plan.closing


# Found by fuzzing (tests/fuzz): each raised ValueError.
def test_a_superscript_digit_in_a_structured_part_is_kept_as_typed():
    """"³" is a digit to str.isdigit() but not a number to int()."""
    plan, _ = plan_from_text(PLAN.replace("Đón tiếp đại biểu;", "Đón tiếp đại biểu ³;"))
    assert [s.heading for s in plan.sections] == [s.heading for s in plan_from_text(PLAN)[0].sections]


def test_a_document_number_of_thousands_of_digits_is_no_number():
    """Past 4,300 digits int() refuses; no register counts past nine digits."""
    plan, _ = plan_from_text(PLAN.replace("Số: 12-KH/ĐTN", "Số: " + "9" * 5000 + "-KH/ĐTN"))
    assert plan.number.value is None and plan.title == plan_from_text(PLAN)[0].title

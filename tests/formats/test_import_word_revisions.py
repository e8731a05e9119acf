"""Nothing lost, nothing added (issue 20): a Word file's tracked changes,
fields, comments and text boxes are imported as Word shows the document;
and the end of a plan set in a table, one row per line, loses nothing.

Each test builds a real .docx with python-docx and edits its document part
(the XML Word writes for each feature), imports it with ``import_plan`` and
checks, with tests/doc_compare.py, that the export of the imported plan has
every word Word shows, in order, and none of the words Word does not show
(each of those is a word found nowhere else in the plan).
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from doc_compare import compare_words, words
from docx.oxml import parse_xml

from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.formats.text_export import render_text

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (f'xmlns:w="{W_NS}" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')

HEADER = ["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP", "***", "Số: 37-KH/ĐTN",
          "ĐOÀN TNCS HỒ CHÍ MINH", "TP. Hồ Chí Minh, ngày 23 tháng 12 năm 2022", "KẾ HOẠCH",
          "Tổ chức Hội nghị sơ kết năm 2022", "-------", "I. MỤC ĐÍCH, YÊU CẦU"]
BACK = ["II. TỔ CHỨC THỰC HIỆN", "- Đảm bảo thành phần tham dự Hội nghị.", "Nơi nhận:", "- Lưu: VP.",
        "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "BÍ THƯ", "Nguyễn Đăng Khoa"]


def run(text: str, wrapper: str = "") -> str:
    """A run of text, in a w:ins, w:del, w:moveFrom or w:moveTo when asked
    (deleted text is w:delText, as Word writes it)."""
    tag = "w:delText" if wrapper == "del" else "w:t"
    xml = f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'
    if wrapper:
        xml = f'<w:{wrapper} w:id="{abs(hash(text)) % 9999}" w:author="A" w:date="2024-01-01T00:00:00Z">{xml}</w:{wrapper}>'
    return xml


def paragraph(*inner: str) -> str:
    return f"<w:p {NAMESPACES}>{''.join(inner)}</w:p>"


def build(tmp_path: Path, body: list[str]) -> Path:
    """A .docx: the header lines, ``body`` (paragraph XML), then the
    closing part, each line a paragraph."""
    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    anchor = document.add_paragraph("- Công tác tổ chức chu đáo.")
    for xml in body:
        element = parse_xml(xml)
        anchor._p.addnext(element)
        anchor._p = element
    for line in BACK:
        document.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    return path


def check(path: Path, shown: list[str], hidden: list[str]) -> None:
    plan, _report = import_plan(path)
    exported = words(render_text(plan))
    reference = words("\n".join([*HEADER, "- Công tác tổ chức chu đáo.", *shown, *BACK]))
    assert compare_words(reference, exported).missing == [], render_text(plan)
    for word in hidden:
        assert word.lower() not in exported, f"“{word}” is not shown by Word:\n{render_text(plan)}"


def test_tracked_changes_insertions_and_moves_kept_deletions_dropped(tmp_path):
    path = build(tmp_path, [
        paragraph(run("- Tổ chức "), run("trang trọng ", "ins"), run("xoábỏmột ", "del"), run("đúng thành phần.")),
        paragraph(run("- Chuẩn bị tài liệu "), run("chuyểnđimất ", "moveFrom"), run("tham luận.")),
        paragraph(run("- Góp ý dự thảo "), run("báo cáo sơ kết", "moveTo"), run(".")),
        paragraph(run("xoácảđoạn", "del")),
    ])
    check(path, ["- Tổ chức trang trọng đúng thành phần.", "- Chuẩn bị tài liệu tham luận.",
                 "- Góp ý dự thảo báo cáo sơ kết."], ["xoábỏmột", "chuyểnđimất", "xoácảđoạn"])


def test_fields_show_their_result_not_their_instruction(tmp_path):
    path = build(tmp_path, [
        paragraph(run("- Kinh phí theo "),
                  '<w:fldSimple w:instr=" MERGEFIELD kinhphi "><w:r><w:t>Phụ lục đính kèm</w:t></w:r></w:fldSimple>',
                  run(" của Văn phòng.")),
        paragraph(run("- Hạn nộp ngày "),
                  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                  '<w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>',
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                  run("20/10/2019"),
                  '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                  run(" tại Văn phòng.")),
    ])
    check(path, ["- Kinh phí theo Phụ lục đính kèm của Văn phòng.", "- Hạn nộp ngày 20/10/2019 tại Văn phòng."],
          ["mergefield", "kinhphi", "dd", "yyyy"])


def test_comments_are_not_part_of_the_text(tmp_path):
    path = build(tmp_path, [
        paragraph('<w:commentRangeStart w:id="0"/>', run("- Đảm bảo an toàn "), '<w:commentRangeEnd w:id="0"/>',
                  '<w:r><w:commentReference w:id="0"/></w:r>', run("phòng cháy chữa cháy.")),
    ])
    check(path, ["- Đảm bảo an toàn phòng cháy chữa cháy."], [])


def _text_box(lines: list[str]) -> str:
    return "<w:txbxContent>" + "".join(f"<w:p>{run(line)}</w:p>" for line in lines) + "</w:txbxContent>"


def test_a_text_box_in_alternate_content_is_read_once(tmp_path):
    box = ["Ghi chú của Ban Tổ chức", "Liên hệ Văn phòng Đoàn Khối"]
    choice = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
              '<a:graphicData><wps:wsp><wps:txbx>' + _text_box(box) + '</wps:txbx></wps:wsp></a:graphicData>'
              '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
              + _text_box(box) + '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    path = build(tmp_path, [paragraph(choice, run("- Thực hiện đúng tiến độ."))])
    plan, _report = import_plan(path)
    exported = words(render_text(plan))
    check(path, [*box, "- Thực hiện đúng tiến độ."], [])
    assert exported.count("ghi") == 1, render_text(plan)  # the Fallback's copy not read


def test_a_plain_text_box_is_read(tmp_path):
    box = '<w:r><w:pict><v:shape><v:textbox>' + _text_box(["Hội trường Sở Tài chính"]) + '</v:textbox></v:shape></w:pict></w:r>'
    path = build(tmp_path, [paragraph(box, run("- Địa điểm dự kiến."))])
    check(path, ["Hội trường Sở Tài chính", "- Địa điểm dự kiến."], [])


@pytest.mark.parametrize("wrapper", ["del", "moveFrom"])
def test_a_whole_paragraph_deleted_or_moved_away_is_gone(tmp_path, wrapper):
    path = build(tmp_path, [paragraph(run("- Đoạnđãxoá khỏi kế hoạch.", wrapper))])
    check(path, [], ["đoạnđãxoá"])


def test_recipients_beside_the_signature_one_row_per_line_are_read_column_by_column(tmp_path):
    """A table at the end: "Nơi nhận:" | "TM. …", "- Như trên;" | "BÍ THƯ", …
    Read row by row, the recipients after the signature's first line were lost."""
    document = docx.Document()
    for line in HEADER[:-1]:
        document.add_paragraph(line)
    for line in ["I. MỤC ĐÍCH, YÊU CẦU", "- Công tác tổ chức chu đáo.", "Trên đây là Kế hoạch tổ chức Hội nghị."]:
        document.add_paragraph(line)
    rows = [("Nơi nhận:", "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI"), ("- Thành Đoàn;", "BÍ THƯ"), ("- Lưu: VP.", "(Đã ký)"),
            ("", "Nguyễn Đăng Khoa")]
    table = document.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    plan, _report = import_plan(path)
    assert plan.recipients == ["Thành Đoàn", "Lưu: VP"], render_text(plan)
    assert [(s.authority_line, s.position, s.name) for s in plan.signatures] == \
        [("TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "BÍ THƯ (Đã ký)", "Nguyễn Đăng Khoa")]

"""The Word file read back, element by element, against the format rules."""
import io
import zipfile
from datetime import date

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.formats.docx_export import DocxOptions, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sample_plan(signers=1, profile="doan", **extra):
    bodies = ["BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP", "CÔNG ĐOÀN VCTP", "HỘI CCB"][:signers]
    sigs = [Signature("TM.", f"BAN THƯỜNG VỤ {i}", "Bí thư", f"Nguyễn Văn {chr(65 + i)}") for i in range(signers)]
    plan = Plan(
        profile=profile, superior_body="Thành Đoàn TP. Hồ Chí Minh", issuing_bodies=bodies,
        organisation_title="ĐẢNG CỘNG SẢN VIỆT NAM" if profile == "dang" else "ĐOÀN TNCS HỒ CHÍ MINH",
        number=DocumentNumber(5, "KH", ["ĐTN"], "VP"), place="TP. Hồ Chí Minh", plan_date=date(2023, 2, 9),
        title="Tổ chức Hội nghị sơ kết\nnăm 2022", preamble=["Căn cứ Chương trình phối hợp;"],
        sections=[
            Section("Mục đích, yêu cầu", c.FreeContent([
                c.Subsection("Mục đích", c.FreeContent([
                    c.Item("Đánh giá kết quả."), c.Item("Chi tiết.", 2),
                    c.Subsection("Cụ thể", c.FreeContent([c.Paragraph("Nội dung sâu.")]))]))])),
            Section("Thời gian – Địa điểm", c.TimePlace(event_date=date(2023, 1, 31), start_time="08:00",
                                                        show_lunar=True, venue="Hội trường")),
        ],
        closing="Trên đây là Kế hoạch./.", recipients=["Thành Đoàn", "Lưu: VP"], signatures=sigs, **extra)
    return plan


def eff(paragraph, attr, run_index=0):
    """The formatting Word shows: the run's own value, else the paragraph
    style's, else its base styles'."""
    runs = paragraph.runs
    value = getattr(runs[run_index].font, attr) if runs else None
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    return value


def fmt(paragraph, attr):
    style = paragraph.style
    value = getattr(paragraph.paragraph_format, attr)
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attr)
        style = style.base_style
    return value


def read(plan, **options):
    data = render_docx(plan, DocxOptions(**options))
    return docx.Document(io.BytesIO(data)), data


def xml_part(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def body_paragraphs(document):
    return [p for p in document.paragraphs]


def find(document, text):
    for p in document.paragraphs:
        if p.text == text:
            return p
    raise AssertionError(f"no paragraph {text!r}")


def test_page_size_and_margins():
    document, data = read(sample_plan())
    section = document.sections[0]
    def close(a, b):  # Word stores twentieths of a point
        return abs(a - b) < Mm(0.1)

    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    for got, want in zip((section.top_margin, section.bottom_margin, section.left_margin, section.right_margin),
                         (Mm(20), Mm(20), Mm(30), Mm(20)), strict=True):
        assert close(got, want)
    assert "mirrorMargins" not in xml_part(data, "word/settings.xml")
    _, data = read(sample_plan(), mirror_margins=True)
    assert "<w:mirrorMargins/>" in xml_part(data, "word/settings.xml")


def test_times_new_roman_in_all_four_slots_and_vietnamese_everywhere():
    document, data = read(sample_plan())
    styles = document.styles.element
    fonts = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert {fonts.get(qn(s)) for s in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    styles_xml = xml_part(data, "word/styles.xml")
    assert "asciiTheme" not in styles_xml and "hAnsiTheme" not in styles_xml and "cstheme" not in styles_xml
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == "Times New Roman", style.get(qn("w:styleId"))
        assert rpr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_page_number_field_from_page_two():
    document, data = read(sample_plan())
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert fmt(header, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in header._p.xml and "fldChar" in header._p.xml
    assert all(not p.text for p in section.first_page_header.paragraphs)


def _runs_of(cell_or_doc, text):
    """The paragraph reading ``text`` (no-break spaces read as spaces)."""
    for p in cell_or_doc.paragraphs:
        if p.text.replace("\xa0", " ") == text:
            return p, p.runs
    raise AssertionError(f"{text!r} not found in {[p.text for p in cell_or_doc.paragraphs]}")


def test_header_table_elements():
    document, data = read(sample_plan())
    table = document.tables[0]
    assert "w:val=\"nil\"" in table._tbl.tblPr.xml and "w:type=\"fixed\"" in table._tbl.tblPr.xml
    left, right = table.cell(0, 0), table.cell(0, 1)
    p, runs = _runs_of(left, "THÀNH ĐOÀN TP. HỒ CHÍ MINH")
    assert eff(p, "size") == Pt(14) and not eff(p, "bold") and fmt(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    p, runs = _runs_of(left, "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP")
    assert eff(p, "size") == Pt(14) and eff(p, "bold")
    _runs_of(left, "***")
    p, runs = _runs_of(table.cell(1, 0), "Số: 05-KH/ĐTN-VP")
    assert eff(p, "size") == Pt(14) and not eff(p, "italic") and not eff(p, "bold")
    p, runs = _runs_of(right, "ĐOÀN TNCS HỒ CHÍ MINH")
    assert eff(p, "size") == Pt(15) and eff(p, "bold") and eff(p, "underline")
    p, runs = _runs_of(table.cell(1, 1), "TP. Hồ Chí Minh, ngày 09 tháng 02 năm 2023")
    assert eff(p, "size") == Pt(13) and eff(p, "italic")


def test_party_profile_header():
    document, _ = read(sample_plan(profile="dang"))
    table = document.tables[0]
    _runs_of(table.cell(0, 0), "*")
    _runs_of(table.cell(1, 0), "Số 05-KH/ĐTN-VP")
    _runs_of(table.cell(0, 1), "ĐẢNG CỘNG SẢN VIỆT NAM")


def test_draft_mark_only_on_drafts_that_ask_for_it():
    document, _ = read(sample_plan(show_draft_mark=True))
    p, runs = _runs_of(document.tables[0].cell(1, 0), "DỰ THẢO")
    assert eff(p, "bold") and eff(p, "size") == Pt(13) and "w:pBdr" in p.style.element.xml
    document, _ = read(sample_plan(show_draft_mark=True, status="issued"))
    assert "DỰ THẢO" not in [p.text for p in document.tables[0].cell(1, 0).paragraphs]


def test_title_block():
    document, _ = read(sample_plan())
    doc_type = find(document, "KẾ HOẠCH")
    assert fmt(doc_type, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert eff(doc_type, "size") == Pt(16) and eff(doc_type, "bold")
    title = find(document, "Tổ chức Hội nghị sơ kết\nnăm 2022")
    assert fmt(title, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert all(eff(title, "bold", i) and eff(title, "size", i) == Pt(14) for i in range(len(title.runs)))
    paragraphs = document.paragraphs
    rule = paragraphs[[p.text for p in paragraphs].index(title.text) + 1]
    assert rule.text == "" and "w:bottom" in rule.style.element.xml


def test_body_paragraphs_and_headings():
    document, _ = read(sample_plan())
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(14)
    assert normal.paragraph_format.space_after <= Pt(6)
    assert 1.0 <= normal.paragraph_format.line_spacing <= 1.2
    preamble = find(document, "Căn cứ Chương trình phối hợp;")
    assert fmt(preamble, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt(preamble, "first_line_indent") == Cm(1.27)
    section = find(document, "I. MỤC ĐÍCH, YÊU CẦU:")
    assert eff(section, "bold") and not eff(section, "italic")
    sub = find(document, "1. Mục đích:")
    assert eff(sub, "bold") and not eff(sub, "italic")
    sub2 = find(document, "1.1. Cụ thể:")
    assert eff(sub2, "bold") and eff(sub2, "italic")
    item = find(document, "-\tĐánh giá kết quả.")
    assert fmt(item, "first_line_indent") < 0 < fmt(item, "left_indent")
    subitem = find(document, "+\tChi tiết.")
    assert fmt(subitem, "left_indent") > fmt(item, "left_indent")
    find(document, "Dự kiến 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba).".replace("Dự kiến ", ""))
    find(document, "(Mùng 10 Tết Quý Mão)")
    assert find(document, "Trên đây là Kế hoạch./.").text.endswith("./.")


def _closing_table(document):
    return document.tables[-1]


def test_recipients_and_one_signature():
    document, _ = read(sample_plan(1))
    table = _closing_table(document)
    assert len(table.columns) == 2
    left, right = table.cell(0, 0), table.cell(0, 1)
    p, runs = _runs_of(left, "Nơi nhận:")
    assert eff(p, "bold") and eff(p, "size") == Pt(13) and not eff(p, "italic")
    p, runs = _runs_of(left, "- Thành Đoàn;")
    assert eff(p, "size") == Pt(11)
    _runs_of(left, "- Lưu: VP.")
    p, runs = _runs_of(right, "TM. BAN THƯỜNG VỤ 0")
    assert eff(p, "bold") and eff(p, "size") == Pt(14) and fmt(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    p, runs = _runs_of(right, "BÍ THƯ")
    assert not eff(p, "bold") and eff(p, "size") == Pt(14)
    p, runs = _runs_of(right, "Nguyễn Văn A")
    assert eff(p, "bold")
    texts = [p.text for p in right.paragraphs]
    assert texts.index("Nguyễn Văn A") - texts.index("BÍ THƯ") >= 4  # room for signature and seal
    assert "cantSplit" in table.rows[0]._tr.xml


@pytest.mark.parametrize("signers", [2, 3])
def test_joint_signatures_side_by_side_lead_on_the_right(signers):
    document, _ = read(sample_plan(signers))
    table = _closing_table(document)
    assert len(table.columns) == signers and len(table.rows) == 4
    cells = [row.cells for row in table.rows]
    authorities = [cells[0][col].paragraphs[0].text for col in range(signers)]
    assert authorities == [f"TM. BAN THƯỜNG VỤ {i}" for i in range(signers)]
    names = [cells[3][col].paragraphs[0].text for col in range(signers)]
    assert names == [f"Nguyễn Văn {chr(65 + i)}" for i in range(signers)]
    p = find(document, "Nơi nhận:")  # under the signatures, across the page
    assert eff(p, "bold") and eff(p, "size") == Pt(13)
    assert eff(find(document, "- Lưu: VP."), "size") == Pt(11)
    assert all("cantSplit" in row._tr.xml for row in table.rows)
    assert all(fmt(cells[r][0].paragraphs[0], "keep_with_next") for r in range(3))


def test_text_ends_with_the_closing_and_file_is_a_valid_zip():
    document, data = read(sample_plan())
    body_texts = [p.text for p in document.paragraphs if p.text]
    assert body_texts[-1] == "Trên đây là Kế hoạch./."  # one signer: recipients sit in the closing table
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_what_must_stay_together_keeps_with_the_next_paragraph():
    """The Word file carries the keep rules the PDF follows (issue 18): the
    time line with its lunar date, the text's last paragraph with the
    signature, every line of a displayed block but the last."""
    plan = sample_plan(1)
    plan.sections.append(Section("Trang trí", c.FreeContent([c.Display(["DÒNG MỘT", "DÒNG HAI", "DÒNG BA"])])))
    document, _ = read(plan)
    texts = [p.text for p in document.paragraphs]
    time_line = find(document, "08g00 ngày 31 tháng 01 năm 2023 (thứ Ba).")
    assert texts[texts.index(time_line.text) + 1] == "(Mùng 10 Tết Quý Mão)" and fmt(time_line, "keep_with_next")
    assert not fmt(find(document, "(Mùng 10 Tết Quý Mão)"), "keep_with_next")
    assert [bool(fmt(find(document, t), "keep_with_next")) for t in ("DÒNG MỘT", "DÒNG HAI", "DÒNG BA")] == [
        True, True, False]
    assert fmt(find(document, "Trên đây là Kế hoạch./."), "keep_with_next")
    unsigned, _ = read(_unsigned())
    assert not fmt(find(unsigned, "Trên đây là Kế hoạch./."), "keep_with_next")


def _unsigned():
    plan = sample_plan(1)
    plan.signatures = []
    return plan


def test_a_closing_table_is_followed_by_a_one_point_paragraph_and_no_empty_table():
    document, _ = read(sample_plan(1))
    body = document.element.body
    last_table = body.findall(qn("w:tbl"))[-1]
    after = last_table.getnext()
    assert after.tag == qn("w:p")  # not the section's end: Word would add a paragraph of the body's size
    end = docx.text.paragraph.Paragraph(after, document._body)
    assert end.text == "" and eff(end, "size") == Pt(1) and fmt(end, "line_spacing") == 1.0
    bare = _unsigned()
    bare.recipients = []
    document, _ = read(bare)
    assert len(document.tables) == 1  # the header only: nothing to sign or send, no closing table


def test_header_table_reaches_into_the_left_margin():
    document, data = read(sample_plan(1))
    header = document.tables[0]
    assert '<w:jc w:val="left"/>' in header._tbl.tblPr.xml  # a centred table would ignore the indent
    assert '<w:tblInd w:w="-567" w:type="dxa"/>' in header._tbl.tblPr.xml  # -10 mm
    widths = [column.width for column in header.columns]
    assert abs(widths[0] - Mm(80)) < Mm(0.1) and abs(widths[1] - Mm(98)) < Mm(0.1)


def test_joint_signature_columns_give_each_block_the_width_it_needs():
    plan = sample_plan(2)
    plan.signatures[0] = Signature("TM.", "BAN CHẤP HÀNH CÔNG ĐOÀN", "Chủ tịch", "Trần A")
    plan.signatures[1] = Signature("TM.", "BTV ĐOÀN KHỐI", "Bí thư", "Lê B")
    document, _ = read(plan)
    widths = [column.width for column in _closing_table(document).columns]
    assert widths[0] > widths[1] and abs(sum(widths) - Mm(160)) < Mm(0.1)


def test_appendices_follow_the_signature_each_from_a_new_page():
    from kehoach_desktop.core.model import Appendix

    plan = sample_plan(1)
    plan.appendices = [Appendix("Danh sách đơn vị", c.FreeContent([c.Item("Đoàn phường 1")])),
                       Appendix("Chương trình", c.FreeContent([c.Paragraph("08g00: Khai mạc.")]))]
    document, _ = read(plan)
    texts = [p.text for p in document.paragraphs]
    first, second = texts.index("PHỤ LỤC I"), texts.index("PHỤ LỤC II")
    assert texts.index("Trên đây là Kế hoạch./.") < first < second  # after the body, the closing table between
    assert texts[first + 1] == "DANH SÁCH ĐƠN VỊ" and texts[first + 2].startswith("(Kèm theo Kế hoạch số")
    assert texts[first + 4] == "-\tĐoàn phường 1" and texts[second + 4] == "08g00: Khai mạc."
    label = document.paragraphs[first]
    assert fmt(label, "page_break_before") and eff(label, "bold")
    assert eff(document.paragraphs[first + 2], "italic")
    assert sum(t.endswith("./.") for t in texts) == 1  # the appendix does not end the body
    alone, _ = read(sample_plan(1, appendices=[Appendix("Danh sách")]))
    assert "PHỤ LỤC" in [p.text for p in alone.paragraphs]

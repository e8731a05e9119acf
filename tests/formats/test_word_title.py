"""A Word file tells where its title ends: the title is centred under the
document type, the preamble is not (issue 20: recognition on Word's
blocks, not on lines). A text file has no such sign, and the same lines
read as one title."""
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH

from kehoach_desktop.formats.plan_import import import_plan, plan_from_text

HEADER = ["BCH ĐOÀN XÃ AN HÒA", "Số: 12-KH/ĐTN", "An Hòa, ngày 03 tháng 3 năm 2021"]
TITLE = ["Tổ chức hội trại", "Năm học 2022 – 2023"]
PREAMBLE = "Hội trại năm nay có nhiều đổi mới cho đoàn viên"  # short, no opener, no full stop: reads as a title's line
BODY = ["I. MỤC ĐÍCH", "- Tạo sân chơi.", "II. TỔ CHỨC THỰC HIỆN", "- Các chi đoàn thực hiện./."]


def word_file(tmp_path, centre) -> object:
    document = Document()
    for line in HEADER:
        document.add_paragraph(line)
    for line in ["KẾ HOẠCH", *TITLE]:
        centre(document.add_paragraph(line))
    document.add_paragraph(PREAMBLE).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for line in BODY:
        document.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    return path


def test_the_centred_lines_under_the_document_type_are_the_title(tmp_path):
    def centre(paragraph):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    plan, _ = import_plan(word_file(tmp_path, centre))
    assert plan.title == "\n".join(TITLE)
    assert plan.preamble == [PREAMBLE]


def test_a_title_centred_by_its_style_inherited_through_based_on(tmp_path):
    document = Document()
    base = document.styles.add_style("Giua", WD_STYLE_TYPE.PARAGRAPH)
    base.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_style = document.styles.add_style("Trich yeu", WD_STYLE_TYPE.PARAGRAPH)
    title_style.base_style = base
    for line in HEADER:
        document.add_paragraph(line)
    document.add_paragraph("KẾ HOẠCH", style=base)
    for line in TITLE:
        document.add_paragraph(line, style=title_style)
    document.add_paragraph(PREAMBLE)
    for line in BODY:
        document.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    plan, _ = import_plan(path)
    assert plan.title == "\n".join(TITLE) and plan.preamble == [PREAMBLE]


def test_a_file_that_centres_nothing_is_read_as_a_text_file(tmp_path):
    """Without Word's sign the lines read as a text file's: the short
    preamble sentence reads as the title's third line (what the centring
    above prevents)."""
    plan, _ = import_plan(word_file(tmp_path, lambda paragraph: None))
    text, _ = plan_from_text("\n".join([*HEADER, "KẾ HOẠCH", *TITLE, PREAMBLE, *BODY]))
    assert plan.title == text.title == "\n".join([*TITLE, PREAMBLE])

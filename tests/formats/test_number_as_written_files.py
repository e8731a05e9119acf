"""A number kept as another office wrote it goes through every file the
program writes and reads: the .kehoach.json file (valid against its schema;
an older file without the new properties still reads), the Word file read
back, the text export and the PDF (issue 20)."""
from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest
from conftest import FIXTURE_FILES
from doc_compare import document_text

from kehoach_desktop.core.model import DocumentNumber
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.pdf_export import render_pdf
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.formats.text_export import render_text

# The line as written -> the line printed (a number not given yet leaves the house's room for it).
LINES = {
    "Số: 98/KH-UBND": "Số: 98/KH-UBND",
    "Số: 10 KH-BTK": "Số: 10 KH-BTK",
    "Số: 69 KH–ĐTN": "Số: 69 KH–ĐTN",
    "Số: 69/KH – ĐTN": "Số: 69/KH – ĐTN",
    "Số: /KH - HSV": "Số:      /KH - HSV",
    "Số: 225 - KH/TWĐTN-CTTN": "Số: 225 - KH/TWĐTN-CTTN",
    "Số: 09 KH/ĐTN": "Số: 09 KH/ĐTN",
    "Số: 37-KH/ĐTN": "Số: 37-KH/ĐTN",
}

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: tạo sân chơi cho thiếu nhi.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị triển khai thực hiện./.
Nơi nhận:
- Lưu: VP.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def imported(line: str):
    plan, _report = plan_from_text(f"ỦY BAN NHÂN DÂN\nPHƯỜNG 9\n{line}\n\nKẾ HOẠCH\nTổ chức hoạt động hè\n{BODY}")
    return plan


@pytest.mark.parametrize("line", LINES)
def test_the_number_line_is_written_to_word_as_it_was_written_and_read_back(line, tmp_path):
    plan = imported(line)
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(render_docx(plan))
    assert LINES[line] in document_text(path).splitlines()
    again, _report = import_plan(path)
    assert again.number == plan.number
    assert LINES[line] in render_text(plan).splitlines()


@pytest.mark.parametrize("line", ["Số: 98/KH-UBND", "Số: /KH - HSV", "Số: 225 - KH/TWĐTN-CTTN"])
def test_the_plan_file_keeps_the_number_as_written_and_is_valid(line, tmp_path):
    plan = imported(line)
    path = tmp_path / "ke-hoach.kehoach.json"
    kehoach_json.write_file(plan, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(kehoach_json.schema()).validate(data)
    assert {"written", "separator"} <= set(data["plan"]["number"])
    assert kehoach_json.read_file(path) == plan


def test_our_own_plans_files_hold_nothing_new_and_older_files_still_read(tmp_path):
    for fixture in FIXTURE_FILES:  # written before the number as written existed
        plan = kehoach_json.read_file(fixture)
        assert plan.number.is_house_form
        assert set(kehoach_json.document(plan)["plan"]["number"]) == {"value", "type_code", "issuer_codes", "suffix"}
    data = json.loads(FIXTURE_FILES[0].read_text(encoding="utf-8"))
    data["plan"]["number"]["written"] = 98  # the new properties are typed as every other
    with pytest.raises(Exception, match="chuỗi"):
        kehoach_json.loads(json.dumps(data), "x.kehoach.json")


def test_a_separator_without_a_written_symbol_prints_the_codes():
    """A file edited by hand may hold one of the two: the number still prints."""
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.number = DocumentNumber(98, "KH", ["UBND"], separator="/")
    assert "Số: 98/KH/UBND" in render_text(plan).splitlines()


@pytest.mark.usefixtures("poppler")  # reads the PDF's text
def test_the_page_painter_prints_the_number_as_written(tmp_path, qapp):
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(render_pdf(imported("Số: 98/KH-UBND")))
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Số: 98/KH-UBND" in text

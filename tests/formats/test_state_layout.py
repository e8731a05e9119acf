"""The State layout (profile "nhanuoc", issue 20): a People's Committee's
or a school's plan imported from another office keeps its national title
and motto in every export, and no Youth Union stars."""
import subprocess
from copy import deepcopy
from io import BytesIO
from pathlib import Path

import pytest
from conftest import FIXTURE_FILES
from docx import Document

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.pdf_export import render_pdf
from kehoach_desktop.formats.text_export import render_text

MOTTO = "Độc lập - Tự do - Hạnh phúc"


def state_plan():
    plan = deepcopy(kehoach_json.read_file(FIXTURE_FILES[0]))
    plan.profile = "nhanuoc"
    plan.organisation_title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    plan.superior_body, plan.issuing_bodies = "ỦY BAN NHÂN DÂN QUẬN TÂN BÌNH", ["BAN CHỈ ĐẠO HÈ"]
    return plan


def test_the_text_export_has_the_motto_under_the_national_title_and_no_stars():
    lines = render_text(state_plan()).splitlines()
    at = lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines[at + 1] == MOTTO
    assert "***" not in lines[:at]


def test_the_word_file_has_the_motto_in_the_header_s_right_column():
    document = Document(BytesIO(render_docx(state_plan())))
    header = document.tables[0]
    right = [p.text for p in header.cell(0, 1).paragraphs]
    left = [p.text for p in header.cell(0, 0).paragraphs]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", MOTTO]
    assert "***" not in left and "BAN CHỈ ĐẠO HÈ" in left
    motto = header.cell(0, 1).paragraphs[1]
    assert motto.style.name == "KH Tiêu ngữ" and motto.style.font.bold


def test_a_youth_union_plan_is_as_before():
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    document = Document(BytesIO(render_docx(plan)))
    assert [p.text for p in document.tables[0].cell(0, 1).paragraphs] == ["ĐOÀN TNCS HỒ CHÍ MINH"]
    assert MOTTO not in render_text(plan)


@pytest.mark.usefixtures("poppler", "qapp")
def test_the_pdf_has_the_motto(tmp_path: Path):
    path = tmp_path / "p.pdf"
    path.write_bytes(render_pdf(state_plan()))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-l", "1", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert MOTTO in " ".join(text.split()) and "***" not in text

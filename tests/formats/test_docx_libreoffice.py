"""LibreOffice opens every exported Word file and converts it to PDF."""
import subprocess

import pytest
from conftest import FIXTURE_FILES, fixture_name

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.libreoffice import convert

pytestmark = pytest.mark.usefixtures("libreoffice", "poppler")  # poppler's pdfinfo counts the pages


def test_every_fixture_converts_to_pdf(tmp_path):
    sources = []
    for fixture in FIXTURE_FILES:
        path = tmp_path / f"{fixture_name(fixture)}.docx"
        path.write_bytes(render_docx(kehoach_json.read_file(fixture)))
        sources.append(path)
    assert sources, "no fixtures"
    pdfs = convert(sources, "pdf", tmp_path / "pdf")
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 1 <= pages <= 6, (pdf.name, pages)


ONE_SIGNER = [f for f in FIXTURE_FILES if len(kehoach_json.read_file(f).signatures) == 1]


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_one_line_authority_stays_on_one_line_in_the_word_file_and_our_pdf(tmp_path, qapp):
    """"TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" is one line in the signed originals: the
    signature's column is as wide as it needs (formats/closing_columns.py),
    in LibreOffice's rendering of our Word file and in our own PDF alike."""
    from kehoach_desktop.formats.pdf_export import render_pdf

    assert ONE_SIGNER, "no example with one signer"
    sources = []
    for fixture in ONE_SIGNER:
        plan = kehoach_json.read_file(fixture)
        docx_path = tmp_path / f"{fixture_name(fixture)}.docx"
        docx_path.write_bytes(render_docx(plan))
        sources.append((plan, docx_path))
        (tmp_path / f"{fixture_name(fixture)}-ours.pdf").write_bytes(render_pdf(plan))
    for (plan, docx_path), pdf in zip(sources, convert([d for _p, d in sources], "pdf", tmp_path / "lo"), strict=True):
        authority = plan.signatures[0].authority_line.upper()
        for text in (pdf_text(pdf), pdf_text(tmp_path / f"{docx_path.stem}-ours.pdf")):
            assert any(authority in line for line in text.splitlines()), (docx_path.stem, authority)


def test_a_plan_with_nothing_to_sign_or_send_has_no_closing_table():
    import io

    import docx

    from kehoach_desktop.core.model import Plan

    plan = Plan(title="Kế hoạch thử", preamble=["Một đoạn."], signatures=[], recipients=[])
    assert docx.Document(io.BytesIO(render_docx(plan))).tables[1:] == []  # the header's table only

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

"""The PDF export: the same pages the print preview and the printer get."""
import os
import subprocess
import sys

import pytest
from conftest import FIXTURE_FILES, fixture_name
from doc_compare import compare

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.pdf_export import render_pdf


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_pdf_is_a_whole_pdf_file(qapp):
    data = render_pdf(kehoach_json.read_file(FIXTURE_FILES[0]))
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.usefixtures("poppler")
def test_pdf_is_a4_with_the_plans_title(tmp_path, qapp):
    path = tmp_path / "p.pdf"
    path.write_bytes(render_pdf(kehoach_json.read_file(FIXTURE_FILES[0])))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    assert "Hội nghị sơ kết" in info


@pytest.mark.usefixtures("poppler")  # reads the PDF's text
def test_pdf_matches_the_word_file(tmp_path, qapp):
    """The PDF holds the Word file's words in the Word file's order. Where
    its pages break, against LibreOffice's rendering of the Word file, is
    test_page_parity.py's business."""
    for fixture in FIXTURE_FILES:
        plan = kehoach_json.read_file(fixture)
        ours = tmp_path / f"{fixture_name(fixture)}.pdf"
        ours.write_bytes(render_pdf(plan))
        docx = tmp_path / f"{fixture_name(fixture)}.docx"
        docx.write_bytes(render_docx(plan))
        text = tmp_path / f"{fixture_name(fixture)}.txt"
        # -raw: the words in the order they are drawn, which is the Word file's order
        # (table cells row by row), not an order guessed from columns on the page.
        subprocess.run(["pdftotext", "-raw", str(ours), str(text)], check=True)
        result = compare(docx, text)
        assert result.ratio >= 0.99, (ours.name, result.ratio, result.missing[:5])


def test_drawing_many_pages_does_not_exhaust_references_to_none(tmp_path):
    """PySide 6.12 drops a reference to None per line drawn; on CPython 3.11
    the interpreter used to abort after a few thousand lines (none_refs.py)."""
    script = tmp_path / "draw.py"
    script.write_text(
        "from kehoach_desktop.formats import kehoach_json\n"
        "from kehoach_desktop.formats.pdf_export import render_pdf\n"
        f"plan = kehoach_json.read_file({str(FIXTURE_FILES[0])!r})\n"
        "for _ in range(40):\n"
        "    render_pdf(plan)\n"
        "print('ok')\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


@pytest.mark.usefixtures("poppler")  # reads the PDF's pages
def test_no_page_ends_with_a_heading(tmp_path, qapp):
    """Headings keep with what follows them, as in Word: a heading that would
    be left at the foot of a page starts the next one."""
    from kehoach_desktop.core.layout import body_lines

    moved = 0
    for fixture in FIXTURE_FILES:
        plan = kehoach_json.read_file(fixture)
        headings = {f"{line.number} {line.text}" for line in body_lines(plan)
                    if line.role in ("section", "subsection") and not line.tail}
        path = tmp_path / f"{fixture_name(fixture)}.pdf"
        path.write_bytes(render_pdf(plan))
        for page in range(1, pdf_pages(path)):
            text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(path), "-"],
                                  capture_output=True, text=True, check=True).stdout
            last = [line for line in text.splitlines() if line.strip()][-1]
            assert last not in headings, (fixture.name, page, last)
            following = subprocess.run(["pdftotext", "-raw", "-f", str(page + 1), "-l", str(page + 1), str(path),
                                        "-"], capture_output=True, text=True, check=True).stdout.splitlines()
            moved += any(line in headings for line in following[1:2])  # a heading right under the page number
    assert moved  # 000's "II. THỜI GIAN – ĐỊA ĐIỂM:" now opens page 2

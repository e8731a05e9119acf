"""Our PDF keeps together what must stay together, wherever the page
breaks fall: example 000 with 0 to 40 filler paragraphs moves every break
through its time and place, its stage backdrop, its headings and its
signature (issue 18). Read back from the PDF with pdftotext, page by page."""
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURE_FILES
from parity_plans import page_parity  # the bench's filler paragraphs, as in the parity test

from kehoach_desktop.core.layout import body_lines
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.pdf_export import render_pdf

pytestmark = pytest.mark.usefixtures("poppler", "qapp")

EXAMPLE = kehoach_json.read_file(FIXTURE_FILES[0])  # 000
SHIFTS = range(0, 41)


def page_lines(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    return [[" ".join(line.split()) for line in page.splitlines() if line.strip() and not line.strip().isdigit()]
            for page in text.split("\f") if page.strip()]


def page_of(pages: list[list[str]], text: str) -> int:
    found = [number for number, lines in enumerate(pages) if any(text in line for line in lines)]
    assert found, text
    return found[0]


HEADINGS = [f"{line.number} {line.text}" for line in body_lines(EXAMPLE)
            if line.role in ("section", "subsection") and not line.tail]


@pytest.mark.parametrize("shift", SHIFTS)
def test_what_belongs_together_stays_on_one_page(shift, tmp_path):
    pages = page_lines(render_pdf(page_parity.with_filler(EXAMPLE, shift)), tmp_path)
    # The date and its lunar date; the venue and its address.
    assert page_of(pages, "Dự kiến 08g00 ngày 31") == page_of(pages, "(Mùng 10 Tết Quý Mão)")
    assert page_of(pages, "Trung tâm Hội nghị 272.") == page_of(pages, "(Số 272 Võ Thị Sáu")
    # The stage backdrop, from its first line to its last.
    assert page_of(pages, "SƠ KẾT CHƯƠNG TRÌNH PHỐI HỢP") == page_of(pages, "TP. Hồ Chí Minh, ngày 31 tháng 01")
    # The signature with the end of the text above it.
    assert page_of(pages, "phối hợp năm 2023./.") == page_of(pages, "Nguyễn Đăng Khoa")
    # No heading ends a page.
    for lines in pages[:-1]:
        assert lines[-1] not in HEADINGS, (shift, lines[-1])

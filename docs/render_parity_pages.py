"""Regenerate the side-by-side pictures of docs/word-export.md: page 1 and the
last page of examples 000 and 002 as our own PDF paints them (left) and as
LibreOffice renders our Word file (right), so that a reader sees where the
two break pages alike and where not (tests/formats/test_page_parity.py is the
check; these are for the eye). Needs soffice, pdfinfo and pdftoppm.

    python docs/render_parity_pages.py

Writes docs/images/parity-000-p1.png, parity-000-last.png, parity-002-p1.png
and parity-002-last.png; then, for issue 19, the first and the next page of
the parity test's 40-row table (parity-bang-dau.png, parity-bang-tiep.png:
the header row repeated, no row split) and the first page of an appendix
(parity-phu-luc-trang.png: on a new page after "Nơi nhận"); then an
appendix that is a wide table on landscape pages (parity-ngang-dau.png) and
the portrait appendix after it (parity-ngang-sau.png); and a table with
merged cells, the page where its last group's title row moved with its rows
(parity-gop-o-tiep.png).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # our painter needs a QGuiApplication, no screen

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.docx_export import render_docx  # noqa: E402
from kehoach_desktop.formats.libreoffice import convert  # noqa: E402
from kehoach_desktop.formats.pdf_export import render_pdf  # noqa: E402

EXAMPLES = ("000_e9137718c212e39b", "002_52b91a776bc24339")
OUT = ROOT / "docs" / "images"
DPI = 60  # an A4 page is 496 x 702 pixels: two side by side fit the page of the docs
MARGIN, GAP, CAPTION_HEIGHT = 8, 16, 28  # pixels
CAPTIONS = ("KeHoach (PDF riêng)", "LibreOffice (từ tệp Word)")
# Fonts with the Vietnamese letters of the captions (Liberation Sans 1.x lacks "ừ" and "ệ").
CAPTION_FONTS = ("DejaVuSans.ttf", "arial.ttf", "LiberationSans-Regular.ttf")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def raster(pdf: Path, page: int, prefix: Path) -> Image.Image:
    """One page of a PDF as an image (pdftoppm writes ``prefix``.png)."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(prefix)], check=True)
    with Image.open(prefix.with_suffix(".png")) as image:
        return image.convert("RGB")


def caption_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in CAPTION_FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def side_by_side(left: Image.Image, right: Image.Image, captions: tuple[str, str]) -> Image.Image:
    """The two pages with a gap between them, each framed in grey (a white
    page on white), under a row of captions centred over each."""
    width = MARGIN * 2 + left.width + GAP + right.width
    height = MARGIN * 2 + CAPTION_HEIGHT + max(left.height, right.height)
    sheet = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(sheet)
    font = caption_font(15)
    x = MARGIN
    for page, caption in zip((left, right), captions, strict=True):
        top = MARGIN + CAPTION_HEIGHT
        sheet.paste(page, (x, top))
        draw.rectangle((x - 1, top - 1, x + page.width, top + page.height), outline=(160, 160, 160))
        draw.text((x + page.width // 2, MARGIN + CAPTION_HEIGHT // 2), caption, fill=(40, 40, 40), font=font,
                  anchor="mm")
        x += page.width + GAP
    return sheet


def page_with(pdf: Path, words: str) -> int:
    """The first page whose text holds these words."""
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return next(i for i, page in enumerate(text.split("\f"), start=1) if words in " ".join(page.split()))


def cases() -> list[tuple[str, object, list[tuple[str, object]]]]:
    """(file name part, plan, [(label, page: 1, "last", or words on the page)])."""
    sys.path.insert(0, str(ROOT / "tests"))
    from parity_plans import named_plans

    named = dict(named_plans())
    found = [(name[:3], kehoach_json.read_file(ROOT / "tests" / "fixtures" / "plans" / f"{name}.kehoach.json"),
              [("p1", 1), ("last", "last")]) for name in EXAMPLES]
    found.append(("bang", named["bang-40-dong"], [("dau", "III. BẢNG PHÂN CÔNG"), ("tiep", "Đoàn phường 27")]))
    found.append(("phu-luc", named["hai-phu-luc"], [("trang", "PHỤ LỤC I")]))
    found.append(("ngang", named["phu-luc-ngang"], [("dau", "PHỤ LỤC I"), ("sau", "PHỤ LỤC II")]))
    found.append(("gop-o", named["bang-gop-o"], [("tiep", "VIII. CỤM THI ĐUA SỐ 8")]))
    return found


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        ours, docs = [], []
        chosen = cases()
        for name, plan, _pages in chosen:
            pdf = tmp / f"{name}-ours.pdf"
            pdf.write_bytes(render_pdf(plan))
            ours.append(pdf)
            docx = tmp / f"{name}.docx"
            docx.write_bytes(render_docx(plan))
            docs.append(docx)
        theirs = convert(docs, "pdf", tmp / "libreoffice")
        for (name, _plan, wanted_pages), our_pdf, their_pdf in zip(chosen, ours, theirs, strict=True):
            counts = pages(our_pdf), pages(their_pdf)
            for label, page in wanted_pages:
                if page == "last":
                    wanted = counts
                elif isinstance(page, str):
                    wanted = (page_with(our_pdf, page), page_with(their_pdf, page))
                else:
                    wanted = (page, page)
                left = raster(our_pdf, wanted[0], tmp / f"{name}-ours-{wanted[0]}")
                right = raster(their_pdf, wanted[1], tmp / f"{name}-theirs-{wanted[1]}")
                captions = (f"{CAPTIONS[0]} · trang {wanted[0]}/{counts[0]}",
                            f"{CAPTIONS[1]} · trang {wanted[1]}/{counts[1]}")
                target = OUT / f"parity-{name}-{label}.png"
                side_by_side(left, right, captions).save(target, optimize=True)
                print(f"{target} (ours page {wanted[0]} of {counts[0]}, LibreOffice's {wanted[1]} of {counts[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

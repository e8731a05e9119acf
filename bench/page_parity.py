"""Measurement: do our PDF and LibreOffice's PDF of our Word file break pages alike?

Issue 18's measurement, the baseline for the layout work. For the five example
plans and 24 variants (examples 000 and 002 with 1 to 12 filler paragraphs
added at the end of the preamble, so that every page break moves), it paints
our PDF (``formats.pdf_export.render_pdf``: our own painter, never
LibreOffice), renders our Word file (``formats.docx_export.render_docx``) and
has LibreOffice convert it to PDF (all 29 in one call). For each plan it
prints the page counts (ours / LibreOffice's), on how many pages both have the
same first three and last three words (``pdftotext -layout``, the page-number
line left out: a line that is only digits; see ``same_ends`` for the words
pdftotext splits in LibreOffice's PDFs), and the first page where they
differ, with both word runs. Last, a summary line: "same page count on X of
29, same breaks on Y of 29" (same breaks: the same page count and every page
the same).

The comparison is in small functions (``page_texts``, ``page_words``,
``page_ends``, ``same_ends``, ``compare_ends``, ``with_filler``,
``pdf_fonts``) that a parity test can import. Nothing is timed, nothing
asserted; needs LibreOffice and poppler-utils (pdftotext, pdffonts). It
names the fonts both PDFs use, which the results depend on.

    python bench/page_parity.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # our painter needs a QGuiApplication, no screen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.core.model import Plan  # noqa: E402
from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.docx_export import render_docx  # noqa: E402
from kehoach_desktop.formats.libreoffice import convert  # noqa: E402
from kehoach_desktop.formats.pdf_export import render_pdf  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "plans"
WORDS = 3  # first and last words of a page compared
FILLER_COUNTS = range(1, 13)
SHIFTED = ("000", "002")  # the examples whose variants get filler paragraphs
# A plain sentence of about 40 words, as a preamble paragraph could read.
FILLER = ("Trong thời gian qua, Ban Thường vụ Đoàn đã tập trung lãnh đạo, chỉ đạo các cơ sở Đoàn triển khai "
          "đồng bộ các nhiệm vụ công tác Đoàn và phong trào thanh thiếu nhi, đạt được nhiều kết quả tích cực.")

Run = tuple[str, ...]  # a run of words
Ends = tuple[Run, Run]  # a page's first and last words


@dataclasses.dataclass
class Parity:
    """Our PDF against LibreOffice's, page by page."""

    ours_pages: int
    their_pages: int
    same_pages: int  # pages (of those both have) with the same first and last words
    first_difference: int | None  # 1-based page where the ends differ (or one PDF has no such page)
    ours_ends: Ends | None  # the two PDFs' ends on that page (None: the PDF ends before it)
    their_ends: Ends | None

    @property
    def same_count(self) -> bool:
        return self.ours_pages == self.their_pages

    @property
    def same_breaks(self) -> bool:
        """The same number of pages and every page beginning and ending alike."""
        return self.same_count and self.first_difference is None


def page_texts(pdf: Path) -> list[str]:
    """Each page's text by ``pdftotext -layout``, in page order.

    One pdftotext call, split at its form feeds: the same text, page for
    page, as ``pdftotext -layout -f N -l N`` for each page N."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page, the last included, with a form feed
    return pages


def page_words(page_text: str) -> list[str]:
    """A page's words in reading order, without its page-number line (a line
    holding only digits, wherever it stands)."""
    return [word for line in page_text.splitlines() if not line.strip().isdigit() for word in line.split()]


def page_ends(pdf: Path, count: int = WORDS) -> list[Ends]:
    """The first and the last ``count`` words of every page of a PDF."""
    ends = []
    for text in page_texts(pdf):
        words = page_words(text)
        ends.append((tuple(words[:count]), tuple(words[-count:])))
    return ends


def same_ends(ours: Ends, theirs: Ends) -> bool:
    """Whether two pages begin and end with the same words, word for word.

    Both PDFs must draw with the same fonts (``pdf_fonts``): with
    fonts-liberation 1.x, the letters its Liberation Serif lacks are drawn in
    DejaVu Serif and pdftotext splits words there ("hiệu qu ả"), so the
    words would not compare."""
    return ours == theirs


def compare_ends(ours: list[Ends], theirs: list[Ends]) -> Parity:
    """Compare two PDFs' page ends (from page_ends), page by page, with same_ends."""
    same = sum(same_ends(a, b) for a, b in zip(ours, theirs, strict=False))
    first = next((i for i in range(max(len(ours), len(theirs)))
                  if i >= len(ours) or i >= len(theirs) or not same_ends(ours[i], theirs[i])), None)
    if first is None:
        return Parity(len(ours), len(theirs), same, None, None, None)
    return Parity(len(ours), len(theirs), same, first + 1, ours[first] if first < len(ours) else None,
                  theirs[first] if first < len(theirs) else None)


def with_filler(plan: Plan, paragraphs: int, text: str = FILLER) -> Plan:
    """The plan with ``paragraphs`` filler paragraphs added after its preamble."""
    return dataclasses.replace(plan, preamble=[*plan.preamble, *[text] * paragraphs])


def plans() -> list[tuple[str, Plan]]:
    """The 29 plans measured: the five examples, then 000 and 002 with 1 to 12 filler paragraphs."""
    examples = {path.name[:3]: kehoach_json.read_file(path) for path in sorted(FIXTURES.glob("*.kehoach.json"))}
    named = list(examples.items())
    for key in SHIFTED:
        named += [(f"{key}+{n}", with_filler(examples[key], n)) for n in FILLER_COUNTS]
    return named


def pdf_fonts(pdf: Path) -> set[str]:
    """The fonts a PDF uses (``pdffonts``), without their subset prefixes: a
    fallback font in the list (DejaVu Serif when the installed Liberation
    Serif lacks Vietnamese letters, as fonts-liberation 1.x does) changes
    line widths, so the measurement is only comparable with the same fonts."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return {line.split()[0].split("+")[-1] for line in lines[2:] if line.strip()}


def show(ends: Ends | None) -> str:
    return "(no page)" if ends is None else f"{' '.join(ends[0])} … {' '.join(ends[1])}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="write the PDFs and Word files to this folder and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kehoach-parity-") as temporary:
        folder = args.keep or Path(temporary)
        (folder / "ours").mkdir(parents=True, exist_ok=True)
        named = plans()
        sources = []
        for name, plan in named:
            (folder / "ours" / f"{name}.pdf").write_bytes(render_pdf(plan))
            docx = folder / f"{name}.docx"
            docx.write_bytes(render_docx(plan))
            sources.append(docx)
        theirs = convert(sources, "pdf", folder / "libreoffice", timeout=600)
        results = [(name, compare_ends(page_ends(folder / "ours" / f"{name}.pdf"), page_ends(pdf)))
                   for (name, _), pdf in zip(named, theirs, strict=True)]
        fonts = [set().union(*(pdf_fonts(pdf) for pdf in pdfs)) for pdfs in ((folder / "ours").glob("*.pdf"), theirs)]
    width = max(len(name) for name, _ in results)
    print(f"{'plan':<{width}}  pages ours/LO  same ends  first difference (ours | LibreOffice)")
    for name, r in results:
        difference = ("-" if r.first_difference is None else
                      f"p.{r.first_difference}: {show(r.ours_ends)} | {show(r.their_ends)}")
        shared = min(r.ours_pages, r.their_pages)
        print(f"{name:<{width}}  {r.ours_pages:>4} / {r.their_pages:<4}  {r.same_pages:>3} of {shared:<3}  {difference}")
    counts = sum(r.same_count for _, r in results)
    breaks = sum(r.same_breaks for _, r in results)
    print(f"fonts: ours {', '.join(sorted(fonts[0]))}; LibreOffice {', '.join(sorted(fonts[1]))}")
    print(f"same page count on {counts} of {len(results)}, same breaks on {breaks} of {len(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

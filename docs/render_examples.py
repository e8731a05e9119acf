"""Regenerate docs/images/: page 1 and the last page of examples 000 and 002
as exported to Word, rendered by LibreOffice (needs soffice and pdftoppm).

    python docs/render_examples.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.docx_export import render_docx  # noqa: E402
from kehoach_desktop.formats.libreoffice import convert  # noqa: E402

EXAMPLES = ("000_e9137718c212e39b", "002_52b91a776bc24339")
OUT = ROOT / "docs" / "images"


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for name in EXAMPLES:
            plan = kehoach_json.read_file(ROOT / "tests" / "fixtures" / "plans" / f"{name}.kehoach.json")
            path = Path(tmp) / f"{name}.docx"
            path.write_bytes(render_docx(plan))
            docs.append(path)
        for pdf in convert(docs, "pdf", Path(tmp)):
            short = pdf.stem[:3]
            last = pages(pdf)
            for page, label in ((1, "trang-1"), (last, "trang-cuoi")):
                target = OUT / f"word-{short}-{label}"
                subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                                str(pdf), str(target)], check=True)
                print(f"{target}.png (page {page} of {last})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Regenerate docs/images/: page 1 and the last page of examples 000 and 002
as exported to Word, and page 1 of each sheet of an invitation-list workbook
for example 000, rendered by LibreOffice (needs soffice and pdftoppm).

    python docs/render_examples.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dataclasses import replace  # noqa: E402

from kehoach_desktop.core.attendees import Attendee, with_codes  # noqa: E402
from kehoach_desktop.core.invitees import generate, plan_groups  # noqa: E402
from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.attendees_xlsx import workbook_bytes  # noqa: E402
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
        render_workbook(Path(tmp))
    return 0


# Made-up people for the example list (the plan names roles, not persons).
SAMPLE_PEOPLE = [
    ("Nguyễn Văn An", "Phó Bí thư Thường trực", "Thành Đoàn TP. Hồ Chí Minh", "Chủ trì", "attending"),
    ("Trần Thị Bích", "Bí thư", "Đoàn Khối Dân – Chính – Đảng Thành phố", "Chủ trì", "attending"),
    ("Lê Hoàng Châu", "Trưởng ban", "Ban Dân vận Thành ủy", "Khách mời", "delegate"),
    ("Phạm Minh Đức", "Phó Trưởng ban", "Ban Tuyên giáo Đảng ủy Khối", "Khách mời", "pending"),
    ("Võ Thị Hạnh", "Bí thư", "Quận Đoàn 1", "Đại biểu", "attending"),
    ("Đặng Văn Hùng", "Bí thư", "Quận Đoàn 3", "Đại biểu", "absent"),
    ("Huỳnh Thị Lan", "Bí thư", "Thành Đoàn Thành phố Thủ Đức", "Đại biểu", "attending"),
    ("Bùi Quốc Ơn", "Bí thư", "Đoàn Sở Du lịch", "Đại biểu", "pending"),
]


def render_workbook(tmp: Path) -> None:
    """Page 1 of each sheet: the sample people in the plan's own groups, with
    check-in codes (the QR codes of the sign-in sheet), five of them checked
    in on the morning of the event (the attendance sheet)."""
    from datetime import datetime, timedelta

    from openpyxl import load_workbook

    plan = kehoach_json.read_file(ROOT / "tests" / "fixtures" / "plans" / f"{EXAMPLES[0]}.kehoach.json")
    groups = dict(zip(("Chủ trì", "Khách mời", "Đại biểu"), plan_groups(plan), strict=False))
    people = [Attendee(name, position, unit, groups.get(group, group), f"09{i:08d}", reply=reply)
              for i, (name, position, unit, group, reply) in enumerate(SAMPLE_PEOPLE, start=12345670)]
    people = with_codes(people + generate(plan).rows[5:9])
    morning = datetime(2023, 1, 31, 7, 41)
    for i in (0, 1, 2, 4, 6):
        people[i] = replace(people[i], attended=True, attended_at=morning + timedelta(minutes=3 * i))
    data = workbook_bytes(plan, people)
    books = []
    for index, slug in enumerate(("danh-sach", "ky-ten", "tong-hop", "diem-danh")):
        path = tmp / f"excel-{slug}.xlsx"
        path.write_bytes(data)
        book = load_workbook(path)
        for other in [s for i, s in enumerate(book.worksheets) if i != index]:
            book.remove(other)
        book.save(path)
        books.append(path)
    for pdf in convert(books, "pdf", tmp):
        target = OUT / pdf.stem
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(target)],
                       check=True)
        print(f"{target}.png (page 1 of {pages(pdf)})")


if __name__ == "__main__":
    sys.exit(main())

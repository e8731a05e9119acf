"""Benchmark: the invitation-list workbook with 5,000 attendees.

Export: our print-ready workbook against bare openpyxl write-only mode
writing the same values in the same four sheets (target ratio <= 2.0); also
bare openpyxl writing the same cells each with one named style, the floor of
any bordered list in openpyxl (for reference, no target). Import: reading it back
(checks and all) against openpyxl read-only mode loading the same file and
reading every value (target <= 2.0). Median of 5 runs each, interleaved.

    python bench/attendees_xlsx.py
"""
from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.core.attendees import Attendee, with_codes  # noqa: E402
from kehoach_desktop.core.text import sort_key  # noqa: E402
from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.attendees_xlsx import read_workbook, workbook_bytes  # noqa: E402

COUNT = 5_000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Thanh", "Quốc"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Lan", "Long", "Phương", "Yến"]
GROUPS = ["Chủ trì", "Khách mời", "Đại biểu", "Đại biểu", "Đại biểu"]


def attendees() -> list[Attendee]:
    """Without check-in codes: the QR image of each code on the sign-in
    sheet (segno, about 1.5 ms each) would be most of the time measured."""
    return [Attendee(f"{FAMILY[i % 8]} {MIDDLE[i % 6]} {GIVEN[i % 10]} {i}", "Bí thư Chi đoàn",
                     f"Chi đoàn {i % 300}", GROUPS[i % 5], f"09{i:08d}", f"nguoi{i}@doan.vn",
                     reply=("pending", "attending", "absent")[i % 3], honorific="đồng chí", attended=i % 2 == 0,
                     attended_at=datetime(2026, 12, 6, 8, i % 60) if i % 2 == 0 else None) for i in range(COUNT)]


def bare_write(rows: list[Attendee]) -> bytes:
    """The same values as our workbook's four sheets, without any styling."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách khách mời")
    sheet.append(["STT", "Danh xưng", "Họ và tên", "Chức vụ", "Đơn vị", "Số người", "Điện thoại", "Email",
                  "Phản hồi", "Ngày mời", "Có mặt", "Mã", "Ghi chú", "Nhóm"])
    for i, a in enumerate(rows, start=1):
        sheet.append([i, a.honorific, a.name, a.position, a.unit, a.head_count, a.phone, a.email, a.reply,
                      str(a.invited_on or ""), str(a.attended_at or ""), a.code, a.note, a.group])
    sheet = book.create_sheet("Danh sách ký tên")
    sheet.append(["STT", "Họ và tên", "Chức vụ – đơn vị", "Ký tên", "Mã"])
    for i, a in enumerate(rows, start=1):
        sheet.append([i, a.name, f"{a.position} – {a.unit}", "", ""])
    sheet = book.create_sheet("Tổng hợp")
    for group in sorted(set(GROUPS)):
        sheet.append([group] + [sum(a.group == group and a.reply == r for a in rows)
                                for r in ("pending", "attending", "absent", "delegate")])
    sheet = book.create_sheet("Điểm danh")
    sheet.append(["STT", "Họ và tên", "Chức vụ – đơn vị", "Số người", "Giờ đến"])
    for i, a in enumerate((a for a in rows if a.attended), start=1):
        sheet.append([i, a.name, f"{a.position} – {a.unit}", a.head_count, str(a.attended_at)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bare_styled_write(rows: list[Attendee]) -> bytes:
    """The cells of the two long sheets as they were before issue 17 (9 and 4
    columns), each with one named style (font, box, wrap): the least any
    print-ready list costs in openpyxl write-only mode."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    book = Workbook(write_only=True)
    style = NamedStyle("boxed", font=Font(name="Times New Roman", size=12), alignment=Alignment(wrap_text=True),
                       border=Border(*[Side(style="thin")] * 4))
    book.add_named_style(style)

    def cells(sheet, values):
        made = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            cell.style = "boxed"
            made.append(cell)
        return made

    sheet = book.create_sheet("Danh sách khách mời")
    for i, a in enumerate(rows, start=1):
        sheet.append(cells(sheet, [i, a.name, a.position, a.unit, a.group, a.phone, a.email, a.reply, a.note]))
    sheet = book.create_sheet("Danh sách ký tên")
    for i, a in enumerate(rows, start=1):
        sheet.append(cells(sheet, [i, a.name, f"{a.position} – {a.unit}", ""]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bare_read(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    count = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> int:
    plan = kehoach_json.read_file(next((ROOT / "tests" / "fixtures" / "plans").glob("000_*.kehoach.json")))
    rows = attendees()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ds.xlsx"
        path.write_bytes(workbook_bytes(plan, rows))
        ours_w, bare_w, styled_w, ours_r, bare_r = [], [], [], [], []
        for _ in range(5):
            sort_key.cache_clear()  # each export as the first of the session: no words already known
            ours_w.append(timed(workbook_bytes, plan, rows))
            bare_w.append(timed(bare_write, rows))
            styled_w.append(timed(bare_styled_write, rows))
            ours_r.append(timed(read_workbook, path))
            bare_r.append(timed(bare_read, path))
    for label, ours, bare in (("export", ours_w, bare_w), ("import", ours_r, bare_r)):
        o, b = statistics.median(ours), statistics.median(bare)
        print(f"{label} of {COUNT:,} attendees: ours {o:.2f} s, bare openpyxl {b:.2f} s, "
              f"ratio {o / b:.2f} (target <= 2.0)")
    o, b, styled = statistics.median(ours_w), statistics.median(bare_w), statistics.median(styled_w)
    print(f"  the same cells each with one named style, bare openpyxl: {styled:.2f} s, ratio {styled / b:.2f} "
          f"to unstyled; ours to it {o / styled:.2f}")
    coded = with_codes(rows)  # as the store gives them: a QR image of each code on the sign-in sheet
    with_qr = timed(workbook_bytes, plan, coded)
    print(f"  with check-in codes (one run): {with_qr:.2f} s, {(with_qr - o) / COUNT * 1000:.1f} ms a QR code "
          "(no target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

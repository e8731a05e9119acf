"""--self-test: proves an installed (or frozen) program works end to end on
this machine, without touching the clerk's data: a database in a temporary
folder, the bundled example plan imported, a Word file and an Excel workbook
written and read back, the format checker run. Prints each step; exit code
0 when all passed, 1 otherwise."""
from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import resource_files

EXAMPLE = ("examples", "vi-du-hoi-nghi.kehoach.json")


def _steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    from .core.attendees import with_codes
    from .core.checks import check_plan
    from .core.invitees import generate
    from .formats import kehoach_json
    from .formats.attendees_xlsx import LIST_SHEET, read_workbook, write_workbook
    from .formats.docx_export import render_docx
    from .formats.invitations_docx import letters_bytes
    from .formats.plan_import import import_plan
    from .store.database import open_database
    from .store.plans import PlanStore

    state: dict = {}

    def database() -> str:
        state["db"] = open_database(folder / "tu-kiem-tra.sqlite3")
        return str(folder / "tu-kiem-tra.sqlite3")

    def add_example() -> str:
        # read as the clerk's files are (size limit, NFC, Vietnamese errors)
        plan = kehoach_json.read_file(resource_files.real_path(*EXAMPLE))
        store = PlanStore(state["db"])
        plan_id = store.add(plan)
        state["plan"] = store.get(plan_id)
        if state["plan"] != plan:
            raise AssertionError("kế hoạch đọc lại khác kế hoạch đã lưu")
        return f"mã {plan_id}: {plan.title_one_line[:60]}…"

    def word() -> str:
        path = folder / "ke-hoach.docx"
        path.write_bytes(render_docx(state["plan"]))
        back, _report = import_plan(path)
        if back.number != state["plan"].number or back.title != state["plan"].title:
            raise AssertionError("tệp Word đọc lại không đúng số, trích yếu")
        size = f"{path.stat().st_size:,}".replace(",", ".")
        return f"{path.name}, {size} byte, đọc lại đúng"

    def excel() -> str:
        # with check-in codes: the sign-in sheet's QR images (segno, and Pillow for openpyxl) in the bundle too
        path = folder / "khach-moi.xlsx"
        rows = state["rows"] = with_codes(generate(state["plan"]).rows)
        write_workbook(state["plan"], rows, path)
        back = read_workbook(path)
        if back.sheet != LIST_SHEET or sorted(a.code for a in back.rows) != sorted(a.code for a in rows):
            raise AssertionError(f"tệp Excel đọc lại có {len(back.rows)} dòng thay vì {len(rows)}, hoặc sai mã điểm danh")
        return f"{path.name}, {len(rows)} dòng, đọc lại đúng"

    def letters() -> str:
        path = folder / "thu-moi.docx"
        path.write_bytes(letters_bytes(state["plan"], state["rows"], number=1))
        text = "\n".join(p.text for p in __import__("docx").Document(str(path)).paragraphs)
        if text.count("Kính gửi:") != len(state["rows"]) or "Kính gửi: Kính mời" in text:
            raise AssertionError("thư mời in ra không đúng số thư hoặc sai dòng Kính gửi")
        return f"{path.name}, {len(state['rows'])} thư"

    def checker() -> str:
        findings = check_plan(state["plan"])
        return f"{len(findings)} phát hiện ({', '.join(sorted({f.rule for f in findings})) or 'không có'})"

    def close() -> str:
        state.pop("db").close()
        return "đã đóng"

    return [("Tạo cơ sở dữ liệu tạm", database), ("Nhập kế hoạch ví dụ", add_example),
            ("Xuất và đọc lại tệp Word", word), ("Xuất và đọc lại danh sách Excel", excel),
            ("In thư mời (có mã QR)", letters),
            ("Kiểm tra thể thức", checker), ("Đóng cơ sở dữ liệu", close)]


def run(out=None) -> int:
    out = out or (lambda line: print(line, flush=True))
    started = time.perf_counter()
    out(f"KeHoach Desktop – tự kiểm tra (Python {sys.version.split()[0]}, "
        f"{'bản đóng gói' if getattr(sys, 'frozen', False) else 'mã nguồn'}, {resource_files.location()})")
    with tempfile.TemporaryDirectory(prefix="kehoach-tu-kiem-tra-") as tmp:
        for name, step in _steps(Path(tmp)):
            try:
                out(f"  [đạt]  {name}: {step()}")
            except Exception as exc:  # noqa: BLE001 - the report is the point
                out(f"  [LỖI]  {name}: {exc}")
                out(traceback.format_exc().rstrip())
                return 1
    out(f"Tự kiểm tra xong: mọi bước đều đạt ({time.perf_counter() - started:.1f} giây).")
    return 0

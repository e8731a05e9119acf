"""Issue 17's acceptance on the five real plans, through the command line
as a clerk would script it: the invitees generated from each plan's
participants, a numbered batch of letters printed before any name is filled
in, names filled in through the Excel workbook (exported, typed into,
imported back), a second batch printed; every letter read back from the PDF
LibreOffice makes of it, page by page."""
from __future__ import annotations

import re
import subprocess
from datetime import date

import openpyxl
import pytest
from cli_helpers import run
from conftest import FIXTURE_FILES, fixture_name

from kehoach_desktop.core.text import fold
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.libreoffice import convert
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database

pytestmark = pytest.mark.usefixtures("libreoffice", "poppler")

# What a letter must never say after "Kính gửi:" (the participant line copied whole).
WRONG_OPENINGS = ("Kính gửi: Kính mời", "Kính gửi: Đại diện", "Kính gửi: Mời", "Kính gửi: Lãnh đạo",
                  "Kính gửi: Trân trọng")
NUMBER = re.compile(r"Số:\s*(\d{2,})-(TM|GM)/")
TODAY = date.today()
DATE_LINE = f"ngày {TODAY.day:02d} tháng {TODAY.month:02d} năm {TODAY.year}"


def ok(capsys, *argv) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err or out
    return out


def pages(docx_path, tmp_path) -> list[str]:
    """The text of each page LibreOffice prints of the file."""
    pdf = convert([docx_path], "pdf", tmp_path / f"pdf-{docx_path.stem}")[0]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def addressee(page: str) -> str:
    found = re.search(r"Kính gửi:(.*?)(?:Trân trọng|$)", page)
    assert found, page[:300]
    return found.group(1)


def check_letters(letters: list[str], plan, number: int) -> None:
    signers = [s for s in plan.signatures if s.name.strip()]
    for page in letters:
        for wrong in WRONG_OPENINGS:
            assert fold(wrong) not in fold(page), (wrong, page[:300])
        assert int(NUMBER.search(page).group(1)) == number, page[:300]
        assert DATE_LINE in page or f"ngày {TODAY.day} tháng {TODAY.month} năm {TODAY.year}" in page, page[:300]
        to = fold(addressee(page))
        for signer in signers:
            assert fold(signer.name) not in to, (signer.name, page[:300])


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_letters_read_right_are_numbered_and_one_page_each(fixture, tmp_path, capsys):
    db = tmp_path / "kh.sqlite3"
    plan = kehoach_json.read_file(fixture)
    plan_id = ok(capsys, "--db", db, "import", fixture).strip().splitlines()[-1]
    ok(capsys, "--db", db, "office", "set", "term_start", "2019-01-01")
    generated = ok(capsys, "--db", db, "attendees", "generate", plan_id)
    database = open_database(db)
    try:
        rows = AttendeeStore(database).list(int(plan_id))
    finally:
        database.close()
    if not rows:  # example 004 (a programme of activities) names no participants
        assert "Kế hoạch" in generated or "không" in generated.lower()
        code, _out, err = run(capsys, "--db", db, "invitations", plan_id, tmp_path / "none.docx")
        assert code != 0 and "khách mời" in err
        return
    assert all(r.code for r in rows)

    # Printed before any name is filled in: persons addressed by position.
    first = tmp_path / "thu-moi-1.docx"
    out = ok(capsys, "--db", db, "invitations", plan_id, first)
    assert "01-TM/" in out
    letters = pages(first, tmp_path)
    assert len(letters) == len(rows), (len(letters), len(rows))
    check_letters(letters, plan, 1)

    # Names typed into the exported workbook and imported back.
    workbook = tmp_path / "khach-moi.xlsx"
    ok(capsys, "--db", db, "attendees", "export", plan_id, workbook)
    book = openpyxl.load_workbook(workbook)
    sheet = book["Danh sách khách mời"]
    header = next(row for row in sheet.iter_rows() if any(c.value == "Họ và tên" for c in row))
    column = {c.value: c.column for c in header}
    named = 0
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        cells = {key: sheet.cell(row[0].row, col).value for key, col in column.items()}
        if isinstance(cells.get("STT"), int) and not cells["Họ và tên"]:
            named += 1
            sheet.cell(row[0].row, column["Họ và tên"]).value = f"Nguyễn Văn Khách {named}"
    book.save(workbook)
    assert named == len(rows)
    ok(capsys, "--db", db, "attendees", "import", plan_id, workbook)

    second = tmp_path / "thu-moi-2.docx"
    out = ok(capsys, "--db", db, "invitations", plan_id, second)
    assert "02-TM/" in out
    letters = pages(second, tmp_path)
    assert len(letters) == len(rows)
    check_letters(letters, plan, 2)
    for i in range(1, named + 1):
        assert sum(f"Nguyễn Văn Khách {i}," in addressee(page) or addressee(page).strip().endswith(
            f"Nguyễn Văn Khách {i}") for page in letters) == 1, i

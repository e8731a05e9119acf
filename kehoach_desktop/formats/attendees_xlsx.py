"""Invitation lists in Excel: the print-ready workbook the office shares
(invitation list, sign-in sheet, summary, attendance) and reading lists back,
from our own workbooks or from any sheet whose header row can be recognised."""
from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from ..core.attendees import HONORIFICS, REPLIES, WHOLE_UNIT, Attendee, group_order, problems, sorted_attendees
from ..core.codec import clean_plan
from ..core.dates import parse_date, short_date, short_datetime
from ..core.errors import UserError
from ..core.invitees import plan_groups
from ..core.layout import BodyLayout
from ..core.model import Plan
from ..core.plan_texts import first_time_place
from ..core.text import cleaned, fold, removed_note
from .qr import qr_png
from .safe_write import write_atomically
from .zip_package import verify_package

# WrittenSheet: the sheets written here are write-only sheets
# (WriteOnlyWorksheet). The stub of that class (types-openpyxl) lists few of
# the attributes it takes from Worksheet at run time (column_dimensions,
# page_setup, merged_cells, ...), so they are typed as the Worksheet whose
# attributes they have.
if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.worksheet import Worksheet as WrittenSheet

CellValue = str | int | None  # what the written cells hold

FONT = "Times New Roman"
LIST_SHEET = "Danh sách khách mời"
SIGN_SHEET = "Danh sách ký tên"
SUMMARY_SHEET = "Tổng hợp"
ATTENDANCE_SHEET = "Điểm danh"
# (header, field, width in characters). A character is the digit width of
# the workbook's default font, Times New Roman 12 (_default_font): 6 points.
CHARACTER_POINTS = 6
# "Nhóm", last, is not printed: each group has its row above its people (the
# column is there to filter and sort by on screen, and for reading back).
LIST_COLUMNS = (("STT", None, 5), ("Danh xưng", "honorific", 9), ("Họ và tên", "name", 20),
                ("Chức vụ", "position", 20), ("Đơn vị", "unit", 24), ("Số người", "head_count", 6),
                ("Điện thoại", "phone", 11), ("Email", "email", 18), ("Phản hồi", "reply", 14),
                ("Ngày mời", "invited_on", 11), ("Có mặt", "attended", 10), ("Mã", "code", 10),
                ("Ghi chú", "note", 12), ("Nhóm", "group", 16))
LIST_PRINTED = len(LIST_COLUMNS) - 1
# The sign-in sheet fills A4 portrait at 100 %: 87 characters are the 523
# points between its margins (8.27 in - 0.6 in - 0.4 in); so does the
# attendance sheet.
SIGN_COLUMNS = (("STT", 5), ("Họ và tên", 24), ("Chức vụ – đơn vị", 34), ("Ký tên", 16), ("Mã", 8))
SIGN_ROW_HEIGHT = 36  # points: 1.27 cm to sign in, printed at 100 %
QR_SIZE = 30  # points: the check-in code's QR image, in the "Mã" cell of the sign-in sheet
MAX_SIGN_LINES = 30  # lines to sign for one row of several people ("(04 đồng chí)"); a typo stays one page
ATTENDANCE_COLUMNS = (("STT", 5), ("Họ và tên", 24), ("Chức vụ – đơn vị", 36), ("Số người", 7), ("Giờ đến", 15))
LINE_HEIGHT = 16.5  # points per line of 12 pt Times New Roman
MAX_ROWS = 10_000  # far above any conference; a bigger sheet is some other table
FORMULA_START = ("=", "+", "-", "@")
MAX_PART_BYTES = 64 * 1024 * 1024  # a sheet of MAX_ROWS rows unpacks to a few MB
MAX_PACKAGE_BYTES = 128 * 1024 * 1024

# Header words (without diacritics) -> field; several spellings each.
HEADER_SYNONYMS = {
    "name": ("ho va ten", "ho ten", "ten", "ten dai bieu", "dai bieu", "ho va ten dai bieu", "khach moi", "name",
             "full name"),
    "position": ("chuc vu", "chuc danh", "chuc vu chuc danh", "position", "title"),
    "unit": ("don vi", "co quan", "don vi cong tac", "co quan don vi", "noi cong tac", "unit", "organization"),
    "group": ("nhom", "thanh phan", "nhom khach moi", "group"),
    "honorific": ("danh xung", "xung ho", "danh xung xung ho"),
    "head_count": ("so nguoi", "so luong", "sl", "so dai bieu"),
    "code": ("ma", "ma diem danh", "ma so", "ma moi", "code"),
    "attended": ("co mat", "diem danh", "gio den"),
    "invited_on": ("ngay moi", "ngay gui", "ngay gui thu moi", "ngay gui giay moi"),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dt", "di dong", "so di dong", "phone", "mobile"),
    "email": ("email", "e mail", "thu dien tu", "dia chi email", "mail"),
    "reply": ("phan hoi", "xac nhan", "tham du", "reply"),
    "note": ("ghi chu", "note", "notes"),
    "number": ("stt", "so tt", "so thu tu", "tt", "no"),
}
REPLY_BY_WORD = {fold(label): key for key, label in REPLIES.items()} | {"co": "attending", "khong": "absent",
                                                                        "": "pending"}


# ----------------------------------------------------------------- writing
def event_lines(plan: Plan) -> list[str]:
    """The title rows: issuing body, plan title, when (with the weekday, even
    where the plan's text leaves it out) and where (from the plan's first
    time-and-place content)."""
    lines = [" – ".join(b for b in plan.issuing_bodies if b) or plan.organisation_title, plan.title_one_line]
    time_place = first_time_place(plan)
    if time_place is not None:
        when = BodyLayout(plan).time_phrase(replace(time_place, show_weekday=True)).rstrip(".")
        where = ", ".join(p.strip().rstrip(".") for p in (time_place.venue, time_place.address) if p.strip())
        lines.append("; ".join(p for p in (f"Thời gian: {when}" if when else "",
                                           f"Địa điểm: {where}" if where else "") if p))
    return [line for line in lines if line]


def write_workbook(plan: Plan, attendees: list[Attendee], target: Path, *, overwrite: bool = False) -> None:
    write_atomically(Path(target), workbook_bytes(plan, attendees), overwrite=overwrite)


def workbook_bytes(plan: Plan, attendees: list[Attendee]) -> bytes:
    from openpyxl import Workbook

    plan = clean_plan(plan)  # Excel's XML cannot hold a control character an older database may have
    groups = plan_groups(plan)
    rows = sorted_attendees([a.normalised() for a in attendees], groups)
    # Write-only: rows stream out as they are made (about twice as fast and
    # a fraction of the memory); rows, merges and sizes are set in order.
    book = Workbook(write_only=True)
    _default_font(book)
    cells = _Cells(_add_styles(book))
    _list_sheet(book.create_sheet(LIST_SHEET), cells, plan, rows)
    _sign_sheet(book.create_sheet(SIGN_SHEET), cells, plan, rows)
    _summary_sheet(book.create_sheet(SUMMARY_SHEET), cells, plan, rows, groups)
    _attendance_sheet(book.create_sheet(ATTENDANCE_SHEET), cells, plan, rows, groups)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _default_font(book: Workbook) -> None:
    """Times New Roman 12 as the workbook's default font (openpyxl's is
    Calibri 11). Column widths count the default font's digits: with the
    font of the cells, Excel and LibreOffice agree on 6 points a character
    (Liberation Serif has Times New Roman's widths); with Calibri, missing
    on Linux, LibreOffice measured a substitute's 7 and shrank the sign-in
    sheet to 80 %. openpyxl has no API for it: the first font of its list
    is the default (tests/test_workarounds.py)."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    book._fonts = IndexedList([Font(name=FONT, size=12)])  # type: ignore[attr-defined]  # private, not in the stub


# Named cell styles, registered once per workbook: assigning a named style
# is ten times faster than setting font, border and alignment cell by cell.
TEXT, NUMBER, GROUP, HEADER, TITLE, HEADING = ("KH ô chữ", "KH ô số", "KH nhóm", "KH tiêu đề cột", "KH dòng đầu",
                                               "KH tên danh sách")
FORMULA_LIKE = "formula-like text"  # TEXT shown as typed: Excel's quote prefix


def _add_styles(book: Workbook) -> dict[str, StyleArray]:
    """Registers the named styles; returns each one's style array, from
    which every cell of that style is made."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
    from openpyxl.styles.cell_style import StyleArray

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=FONT, size=12), Font(name=FONT, size=12, bold=True)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    arrays = {}
    for name, font, alignment, border, number_format in (
            (TEXT, plain, wrap, box, "@"), (NUMBER, plain, center, box, "General"),
            (GROUP, bold, wrap, box, "@"), (HEADER, bold, center, box, "@"),
            (TITLE, bold, center, Border(), "@"), (HEADING, Font(name=FONT, size=14, bold=True), center, Border(), "@")):
        style = NamedStyle(name)
        style.font, style.alignment, style.border, style.number_format = font, alignment, border, number_format
        book.add_named_style(style)
        arrays[name] = StyleArray(style.as_tuple())
    arrays[FORMULA_LIKE] = StyleArray(arrays[TEXT])
    arrays[FORMULA_LIKE].quotePrefix = 1
    return arrays


# Every cell carries its style, even plain text in the table: making the
# table's style the workbook's default cell format would be faster, but
# LibreOffice Calc 7.4 (Debian 12's, the one the tests convert with) draws
# cells without a style index in its own default style (docs/benchmarks.md).
class _Cells:
    """Makes the styled cells of one workbook. A cell is built on its
    style's array: looking the named style up by name for each cell took
    a third of the export's time."""

    def __init__(self, arrays: dict[str, StyleArray]):
        from openpyxl.cell import Cell

        self._arrays = arrays
        self._cell_type = Cell

    def __call__(self, sheet: WrittenSheet, value: CellValue, style: str) -> Cell:
        """Text stays text: a phone number keeps its leading zero and a value
        starting with = + - @ is never taken for a formula."""
        formula_like = isinstance(value, str) and value.startswith(FORMULA_START)
        cell = self._cell_type(sheet, row=1, column=1, value=value,
                    style_array=self._arrays[FORMULA_LIKE if formula_like and style == TEXT else style])
        if formula_like:
            cell.data_type = "s"
        return cell


def _title_rows(sheet: WrittenSheet, cells: _Cells, plan: Plan, widths: Sequence[int], heading: str,
                printed: int | None = None) -> int:
    """The rows above the table, across its ``printed`` first columns (all by
    default), and a blank row; returns the row number of the header."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    lines = [*event_lines(plan), heading]
    header_row = len(lines) + 2
    # Written with the sheet's first row, so set before it:
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)  # with fitToWidth/fitToHeight in _page_setup
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    printed = printed or len(widths)
    for row, text in enumerate(lines, start=1):
        # bold text is wider: about eight tenths of the plain characters fit
        sheet.row_dimensions[row].height = 4 + LINE_HEIGHT * _lines_needed([text], [int(sum(widths[:printed]) * 0.8)])
        sheet.append([cells(sheet, text, HEADING if text == heading else TITLE)])
        sheet.merged_cells.add(f"A{row}:{get_column_letter(printed)}{row}")
    sheet.append([])
    return header_row


def _table(sheet: WrittenSheet, cells: _Cells, header_row: int, headers: Sequence[str], widths: Sequence[int],
           body: Sequence[Sequence[CellValue]], *, group_rows: Collection[int] = frozenset(),
           row_height: float | None = None, landscape: bool = False, printed: int | None = None) -> list[float]:
    """Writes the table; returns the height of each body row (points). Only
    the ``printed`` first columns (all by default) are printed, and size the
    rows."""
    from openpyxl.utils import get_column_letter

    printed = printed or len(headers)
    # bold headers are wider: about nine tenths of the plain characters fit
    sheet.row_dimensions[header_row].height = 4 + LINE_HEIGHT * _lines_needed(headers[:printed],
                                                                              [w * 0.9 for w in widths[:printed]])
    sheet.append([cells(sheet, text, HEADER) for text in headers])
    last_column = get_column_letter(len(headers))
    heights = []
    for offset, values in enumerate(body):
        row = header_row + 1 + offset
        if offset in group_rows:  # a group's label across the table
            sheet.append([cells(sheet, values[0], GROUP)] + [cells(sheet, None, GROUP) for _ in values[1:]])
            sheet.merged_cells.add(f"A{row}:{last_column}{row}")
            heights.append(LINE_HEIGHT)
            continue
        height = max(row_height or 0, LINE_HEIGHT * _lines_needed(values[:printed], widths[:printed]))
        sheet.row_dimensions[row].height = height
        heights.append(height)
        sheet.append([cells(sheet, value, TEXT if isinstance(value, str) else NUMBER) for value in values])
    last_row = header_row + len(body)
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{max(last_row, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    if printed < len(headers):
        sheet.print_area = f"A1:{get_column_letter(printed)}{max(last_row, header_row)}"
    _page_setup(sheet, landscape)
    return heights


def _lines_needed(values: Sequence[CellValue], widths: Sequence[float]) -> int:
    """Wrapped lines of the fullest cell: spreadsheet programs do not grow a
    row for wrapped text by themselves when they open a file."""
    def lines(value: CellValue, width: int) -> int:
        text = str(value)
        if len(text) <= width:
            return 1
        words, count, used = text.split(), 1, 0
        for word in words:
            if used and used + 1 + len(word) > width:
                count, used = count + 1, len(word)
            else:
                used += (1 if used else 0) + len(word)
        return count

    # A character of width is a digit of Times New Roman 12, about as wide
    # as a letter; the cell's padding takes one.
    return max((lines(v, max(int(w) - 1, 4)) for v, w in zip(values, widths, strict=True) if v not in ("", None)), default=1)


def _page_setup(sheet: WrittenSheet, landscape: bool) -> None:
    """A4, one page wide. The portrait sheets' widths fill the page at 100 %;
    fitting to the width only shrinks a sheet whose font prints wider
    than Times New Roman, rather than cut off its last column."""
    from openpyxl.worksheet.header_footer import HeaderFooterItem

    sheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    margins = sheet.page_margins
    margins.left, margins.right, margins.top, margins.bottom = 0.6, 0.4, 0.6, 0.6  # inches
    margins.header, margins.footer = 0.3, 0.3
    sheet.print_options.horizontalCentered = True
    footer = HeaderFooterItem()
    footer.center.text = "Trang &P/&N"
    footer.center.font = f"{FONT},Regular"
    footer.center.size = 11
    sheet.oddFooter = footer


def _by_group(rows: list[Attendee]) -> list[tuple[str, list[Attendee]]]:
    groups: list[tuple[str, list[Attendee]]] = []
    for row in rows:
        if not groups or groups[-1][0] != row.group:
            groups.append((row.group, []))
        groups[-1][1].append(row)
    return groups


def _list_sheet(sheet: WrittenSheet, cells: _Cells, plan: Plan, rows: list[Attendee]) -> None:
    header_row = _title_rows(sheet, cells, plan, [w for _h, _f, w in LIST_COLUMNS], "DANH SÁCH KHÁCH MỜI",
                             printed=LIST_PRINTED)
    body: list[Sequence[CellValue]] = []
    group_rows: set[int] = set()
    number = 0
    for group, members in _by_group(rows):
        group_rows.add(len(body))
        body.append([group or "(chưa xếp nhóm)"] + [""] * (len(LIST_COLUMNS) - 1))
        for a in members:
            number += 1
            body.append([number, WHOLE_UNIT if a.whole_unit else a.honorific, a.name, a.position, a.unit,
                         a.head_count, a.phone, a.email, REPLIES[a.reply], short_date(a.invited_on),
                         _attended_text(a), a.code, a.note, a.group])
    _table(sheet, cells, header_row, [h for h, _f, _w in LIST_COLUMNS], [w for _h, _f, w in LIST_COLUMNS], body,
           group_rows=group_rows, landscape=True, printed=LIST_PRINTED)


def _attended_text(a: Attendee) -> str:
    """The guest list's "Có mặt": the time of arrival (to the second when it
    has seconds, so that it reads back the same), "có" without a time."""
    if not a.attended:
        return ""
    moment = a.attended_at
    return short_datetime(moment, seconds=bool(moment.second)) if moment else "có"


def _detail(a: Attendee) -> str:
    """"Chức vụ – đơn vị" of a row."""
    return " – ".join(p for p in (a.position, a.unit) if p)


def _sign_sheet(sheet: WrittenSheet, cells: _Cells, plan: Plan, rows: list[Attendee]) -> None:
    """One line to sign per person: a row without a name (a role to fill, a
    unit invited as a whole) leaves the name to write in, one line for each
    of the people it stands for. The QR code of the row's check-in code is
    drawn in the "Mã" cell of its first line, for the scanner on the day."""
    widths = [w for _h, w in SIGN_COLUMNS]
    header_row = _title_rows(sheet, cells, plan, widths, "DANH SÁCH ĐẠI BIỂU KÝ TÊN")
    body: list[list[CellValue]] = []
    coded: list[tuple[int, str]] = []  # (body line, code)
    for a in rows:
        lines = 1 if a.name else min(a.head_count, MAX_SIGN_LINES)
        if a.code:
            coded.append((len(body), a.code))
        for _ in range(lines):
            body.append([len(body) + 1, a.name, _detail(a), "", ""])
    heights = _table(sheet, cells, header_row, [h for h, _w in SIGN_COLUMNS], widths, body,
                     row_height=SIGN_ROW_HEIGHT)
    for line, code in coded:
        _add_qr(sheet, code, row=header_row + 1 + line, column=len(widths), cell_width=widths[-1] * CHARACTER_POINTS,
                cell_height=heights[line])


def _add_qr(sheet: WrittenSheet, code: str, *, row: int, column: int, cell_width: float, cell_height: float) -> None:
    """The code's QR image, QR_SIZE points square, centred in the cell."""
    from openpyxl.drawing.image import Image
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D
    from openpyxl.utils.units import pixels_to_EMU

    emu = 12700  # EMU a point
    image = Image(io.BytesIO(qr_png(code, scale=4, border=2)[0]))
    image.width = image.height = int(QR_SIZE * 4 / 3)  # pixels, as openpyxl counts them
    marker = AnchorMarker(col=column - 1, colOff=int(max(cell_width - QR_SIZE, 0) / 2 * emu), row=row - 1,
                          rowOff=int(max(cell_height - QR_SIZE, 0) / 2 * emu))
    size = pixels_to_EMU(image.width)
    image.anchor = OneCellAnchor(_from=marker, ext=XDRPositiveSize2D(size, size))
    sheet.add_image(image)


def _summary_sheet(sheet: WrittenSheet, cells: _Cells, plan: Plan, rows: list[Attendee],
                   plan_groups: Sequence[str]) -> None:
    replies = list(REPLIES)
    headers = ["Nhóm", *REPLIES.values(), "Có mặt", "Tổng số"]
    widths = [22] + [14] * (len(headers) - 1)
    header_row = _title_rows(sheet, cells, plan, widths, "TỔNG HỢP")
    order = group_order([a.group for a in rows], plan_groups)
    body: list[list[CellValue]] = []
    for group in sorted(order, key=lambda group: order[group]):
        members = [a for a in rows if a.group == group]
        if members:
            body.append([group or "(chưa xếp nhóm)", *[sum(a.reply == r for a in members) for r in replies],
                         sum(a.attended for a in members), len(members)])
    body.append(["Cộng", *[sum(a.reply == r for a in rows) for r in replies], sum(a.attended for a in rows),
                  len(rows)])
    _table(sheet, cells, header_row, headers, widths, body, landscape=True)


def presence_text(present: int, invited: int) -> str:
    """"Có mặt 57/60 — 95%": people present of those invited (head counts)."""
    share = f" — {round(100 * present / invited)}%" if invited else ""
    return f"Có mặt {present}/{invited}{share}"


def _attendance_sheet(sheet: WrittenSheet, cells: _Cells, plan: Plan, rows: list[Attendee],
                      plan_groups: Sequence[str]) -> None:
    """Those present with their time of arrival, by group; each group's
    label counts its people present against those invited, the last row
    the total."""
    widths = [w for _h, w in ATTENDANCE_COLUMNS]
    header_row = _title_rows(sheet, cells, plan, widths, "DANH SÁCH ĐẠI BIỂU CÓ MẶT")
    body: list[Sequence[CellValue]] = []
    group_rows: set[int] = set()
    blank = [""] * (len(widths) - 1)
    number = 0
    for group, members in _by_group(rows):
        present = [a for a in members if a.attended]
        group_rows.add(len(body))
        body.append([f"{group or '(chưa xếp nhóm)'}: "
                     f"{presence_text(sum(a.head_count for a in present), sum(a.head_count for a in members))}",
                     *blank])
        for a in present:
            number += 1
            body.append([number, a.name, _detail(a), a.head_count, short_datetime(a.attended_at)])
    group_rows.add(len(body))
    body.append(["Tổng cộng: " + presence_text(sum(a.head_count for a in rows if a.attended),
                                              sum(a.head_count for a in rows)), *blank])
    _table(sheet, cells, header_row, [h for h, _w in ATTENDANCE_COLUMNS], widths, body, group_rows=group_rows)


# ----------------------------------------------------------------- reading
@dataclass
class ReadResult:
    sheet: str
    header_row: int
    rows: list[Attendee] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # spreadsheet rows repeating an earlier row
    removed: list[tuple[str, int]] = field(default_factory=list)  # (cell, count): control characters removed

    def notes(self) -> list[str]:
        """What the clerk is told besides the counts: the characters removed, by cell."""
        if not self.removed:
            return []
        return [removed_note(sum(n for _cell, n in self.removed), [cell for cell, _n in self.removed])]


def _open(path: Path) -> Workbook:
    """The workbook, opened read-only (rows are streamed, never all in memory),
    after the package's sizes and data are checked: a zip bomb is refused
    before openpyxl unpacks anything."""
    from openpyxl import load_workbook

    name = path.name
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise UserError(f"không đọc được tệp ({exc.strerror})", file=name) from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError("tệp Excel có đặt mật khẩu hoặc ở định dạng .xls cũ; hãy bỏ mật khẩu và lưu lại "
                        "dưới dạng .xlsx", file=name)
    if not head.startswith(b"PK"):
        raise UserError("không phải tệp Excel (.xlsx)", file=name)
    try:
        with zipfile.ZipFile(path) as archive:
            verify_package(archive, name, "Excel", member_limit=MAX_PART_BYTES, total_limit=MAX_PACKAGE_BYTES)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(f"tệp Excel bị hỏng, không mở được ({exc})", file=name) from None
    try:
        return load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, *_broken_xml()) as exc:
        raise UserError(f"tệp Excel bị hỏng, không mở được ({exc})", file=name) from None


def _broken_xml() -> tuple[type[Exception], type[Exception]]:
    """What openpyxl raises for a damaged XML part: it parses with lxml or
    ElementTree (only evaluated when an exception is being matched)."""
    from lxml import etree

    return ElementTree.ParseError, etree.XMLSyntaxError


def _merged_ranges(path: Path, sheet: ReadOnlyWorksheet) -> list[CellRange]:
    """The sheet's merged ranges, read from its XML (read-only sheets do
    not keep them)."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.worksheet.cell_range import CellRange

    # For openpyxl 3.1.5 (the locked version), whose read-only sheets have no
    # merged_cells; tests/test_workarounds.py fails when one has them, and
    # when the private _worksheet_path this reads is gone.
    part = getattr(sheet, "_worksheet_path", None)
    if part is None:
        return []
    ranges: list[CellRange] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as xml:
            for _event, element in iterparse(xml):
                if element.tag.endswith("}mergeCell"):
                    ranges.append(CellRange(element.get("ref", "")))  # no ref: the TypeError below
                element.clear()
    except (ValueError, TypeError, *_broken_xml()) as exc:
        raise UserError(f"trang tính bị hỏng: vùng ô gộp không đọc được ({exc})", file=path.name,
                        where=f"trang “{sheet.title}”") from None
    return ranges


def _header_field(value: object) -> str | None:
    text = fold(str(value)) if value is not None else ""
    text = " ".join(text.replace("/", " ").replace("-", " ").replace(".", " ").replace(",", " ").split())
    for name, words in HEADER_SYNONYMS.items():
        if text in words:
            return name
    return None


def _header(values: Sequence[object]) -> dict[int, str] | None:
    """The columns of a header row: a name (or unit) column and at least two
    recognised columns; None for any other row."""
    columns = {i: f for i, value in enumerate(values) if (f := _header_field(value))}
    fields = set(columns.values())
    return columns if len(fields - {"number"}) >= 2 and ("name" in fields or "unit" in fields) else None


def read_workbook(path: Path, group_for_unit: Callable[[str], str] | None = None) -> ReadResult:
    """Attendees from the list sheet (ours) or the first sheet. Raises
    UserError listing every bad cell (sheet, row, column); nothing is
    returned half-read. A row takes its group from its "Nhóm" cell, else
    from the group label above it, else ``group_for_unit(unit)`` (the
    unit's group in the plan's participants section). A row with a unit
    and neither name nor position is a unit invited as a whole; a row with
    neither name nor unit is an error."""
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = _open(path)
    try:
        if not book.worksheets:
            raise UserError("tệp Excel không có trang tính nào", file=path.name)
        # Worksheets only: a chart sheet may carry the list's name too.
        sheet = {s.title: s for s in book.worksheets}.get(LIST_SHEET, book.worksheets[0])
        return _read_sheet(path, sheet, get_column_letter, group_for_unit)
    finally:
        book.close()


def _read_sheet(path: Path, sheet: ReadOnlyWorksheet, get_column_letter: Callable[[int], str],
                group_for_unit: Callable[[str], str] | None) -> ReadResult:
    place = f"trang “{sheet.title}”"
    rows = _rows(path, sheet, place)
    header_row, columns, seen_any = 0, None, False
    for header_row, row_cells in enumerate(rows, start=1):
        values = [cell.value for cell in row_cells]
        seen_any = seen_any or any(v not in (None, "") for v in values)
        columns = _header(values)
        if columns is not None or header_row >= 30:
            break
    if columns is None:
        raise UserError("không tìm thấy dòng tiêu đề (cần các cột như “Họ và tên”, “Chức vụ”, “Đơn vị”) trong 30 "
                        "dòng đầu" if seen_any else "trang tính trống", file=path.name, where=place)
    merged = _merged_ranges(path, sheet)
    for cells in merged:
        if cells.min_row <= header_row <= cells.max_row and cells.max_col > cells.min_col:
            raise UserError(f"dòng tiêu đề có ô gộp ({cells.coord}); hãy bỏ gộp ô để mỗi cột có một tiêu đề",
                            file=path.name, where=f"{place}, dòng {header_row}")
    merged_rows = {cells.min_row for cells in merged if cells.min_row > header_row and cells.max_col > cells.min_col}
    result = ReadResult(sheet.title, header_row)
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    codes: dict[str, int] = {}  # code -> the row it was first met on
    current_group = ""
    for row_number, row_cells in enumerate(rows, start=header_row + 1):
        if row_number > header_row + MAX_ROWS:
            raise UserError(f"trang có hơn {MAX_ROWS:,} dòng, quá cỡ một danh sách khách mời; hãy tách danh sách "
                            "hoặc chọn đúng trang".replace(",", "."), file=path.name, where=place)
        values = [cell.value for cell in row_cells]
        if not any(v not in (None, "") for i, v in enumerate(values) if i in columns):
            continue
        if row_number in merged_rows or _is_group_row(values, columns):
            label = next(i for i, v in enumerate(values) if v not in (None, ""))
            current_group = _cell_text("group", values[label], f"{place}, dòng {row_number}, cột "
                                       f"{get_column_letter(label + 1)}", result)
            continue
        attendee = Attendee(group=current_group)
        for index, value in enumerate(values):
            name = columns.get(index)
            if name in (None, "number") or value in (None, ""):
                continue
            where = f"{place}, dòng {row_number}, cột {get_column_letter(index + 1)}"
            if row_cells[index].data_type == "f":
                errors.append(f"{where}: ô chứa công thức ({str(value)[:30]}); hãy dán giá trị thay cho công thức")
                continue
            if isinstance(value, (datetime, date)) and name in ("attended", "invited_on"):
                _set_moment(attendee, name, value)  # a cell Excel took for a date
                continue
            problem = _set_text(attendee, name, _cell_text(name, value, where, result))
            if problem:
                errors.append(f"{where}: {problem}")
        attendee = attendee.normalised()
        if not attendee.name and not attendee.position and attendee.unit:
            attendee.whole_unit = True
        if not attendee.group and attendee.unit and group_for_unit is not None:
            attendee.group = " ".join(cleaned(group_for_unit(attendee.unit), single_line=True)[0].split())
        for field_name, message in problems(attendee):
            column = next((get_column_letter(i + 1) for i, f in columns.items() if f == field_name), "")
            errors.append(f"{place}, dòng {row_number}{', cột ' + column if column else ''}: {message}")
        identity = attendee.identity
        if identity in seen and result.rows[seen[identity]] == attendee:
            result.duplicates.append(row_number)
            continue
        if attendee.code in codes:
            column = next(get_column_letter(i + 1) for i, f in columns.items() if f == "code")
            errors.append(f"{place}, dòng {row_number}, cột {column}: mã “{attendee.code}” trùng với dòng "
                          f"{codes[attendee.code]}; mỗi khách mời một mã")
        elif attendee.code:
            codes[attendee.code] = row_number
        seen.setdefault(identity, len(result.rows))
        result.rows.append(attendee)
    if errors:
        shown = errors[:20] + ([f"… và {len(errors) - 20} lỗi khác"] if len(errors) > 20 else [])
        raise UserError("danh sách có lỗi, chưa nhập gì:\n" + "\n".join(shown), file=path.name)
    if not result.rows:
        raise UserError("không có dòng nào dưới dòng tiêu đề", file=path.name, where=f"{place}, dòng {header_row}")
    return result


_HONORIFIC_BY_WORD = {fold(h): h for h in HONORIFICS}
_WHOLE_UNIT_WORDS = {fold(WHOLE_UNIT), "don vi", "ca co quan", "co quan"}
_PRESENT_WORDS = {"co", "x", "co mat", "v"}
_ABSENT_WORDS = {"khong", "vang", "khong co mat"}
_TIME_AND_DAY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\S+)$")  # "08:12 06/12/2026", seconds optional


def _set_text(attendee: Attendee, name: str, text: str) -> str | None:
    """Sets the field from its cell's text; the message when the text is
    not one the field takes."""
    if name == "reply":
        reply = REPLY_BY_WORD.get(fold(text))
        if reply is None:
            return f"phản hồi “{text}” không rõ (dùng: {', '.join(REPLIES.values())})"
        attendee.reply = reply
    elif name == "honorific":
        word = fold(text)
        if word in _WHOLE_UNIT_WORDS:
            attendee.whole_unit = True
        elif word in _HONORIFIC_BY_WORD:
            attendee.honorific = _HONORIFIC_BY_WORD[word]
        else:
            return f"danh xưng “{text}” không rõ (dùng: {', '.join((*HONORIFICS, WHOLE_UNIT))} hoặc để trống)"
    elif name == "head_count":
        # isascii: "²" is a digit to isdigit(), not to int(); at most 4 digits: int() refuses 5000 of them
        if not (text.isascii() and text.isdigit() and len(text) <= 4) or not 1 <= int(text) <= 9999:
            return f"số người “{text}” không phải một số từ 1 trở lên"
        attendee.head_count = int(text)
    elif name == "invited_on":
        day = parse_date(text)
        if day is None:
            return f"ngày mời “{text}” không đọc được (cần dạng 20/02/2026)"
        attendee.invited_on = day
    elif name == "attended":
        return _set_attended(attendee, text)
    else:
        setattr(attendee, name, text)
    return None


def _set_attended(attendee: Attendee, text: str) -> str | None:
    """"Có mặt": a time of arrival ("08:12 06/12/2026"), "có"/"x", or "không"."""
    word = fold(text)
    if word in _PRESENT_WORDS | _ABSENT_WORDS:
        attendee.attended = word in _PRESENT_WORDS
        return None
    match = _TIME_AND_DAY.match(text)
    day = parse_date(match.group(4)) if match else None
    if match is None or day is None or int(match.group(1)) > 23 or int(match.group(2)) > 59 \
            or int(match.group(3) or 0) > 59:
        return f"giờ có mặt “{text}” không đọc được (cần dạng 08:12 06/12/2026, hoặc “có”)"
    attendee.attended = True
    attendee.attended_at = datetime(day.year, day.month, day.day, int(match.group(1)), int(match.group(2)),
                                    int(match.group(3) or 0))
    return None


def _set_moment(attendee: Attendee, name: str, value: date) -> None:
    """A date cell (Excel turns a typed date into one) in "Ngày mời" or "Có mặt"."""
    if name == "invited_on":
        attendee.invited_on = value.date() if isinstance(value, datetime) else value
    elif isinstance(value, datetime):
        attendee.attended, attendee.attended_at = True, value.replace(microsecond=0)
    else:
        attendee.attended = True


def _rows(path: Path, sheet: ReadOnlyWorksheet, place: str) -> Iterator[tuple[Cell | MergedCell, ...]]:
    """The sheet's rows; a damaged sheet (broken XML, a cell openpyxl cannot
    read: a bad reference, number, date or shared-string index) is told
    with the row reached."""
    rows, number = sheet.rows, 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except (ValueError, IndexError, KeyError, TypeError, *_broken_xml()) as exc:
            raise UserError(f"trang tính bị hỏng, không đọc được ({exc})", file=path.name,
                            where=f"{place}, sau dòng {number}" if number else place) from None
        number += 1
        yield row


def _is_group_row(values: Sequence[object], columns: dict[int, str]) -> bool:
    """A row whose only text is in its first cell, not a number: a group label."""
    filled = [(i, v) for i, v in enumerate(values) if v not in (None, "")]
    return (len(filled) == 1 and filled[0][0] == min(columns) and isinstance(filled[0][1], str)
            and columns.get(filled[0][0]) == "number")


# How Excel (and LibreOffice) write a character XML cannot hold, "_x000B_" for
# the line break pasted from Word; openpyxl gives it back as those 7 letters.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _cell_text(name: str, value: object, where: str, result: ReadResult) -> str:
    """The cell as one line of text through the text gate; the characters
    removed are counted in ``result`` with the cell's place."""
    if name == "phone" and isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        digits = str(int(value))
        return "0" + digits if len(digits) == 9 else digits  # Excel dropped the leading zero
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), str(value))
    text, removed = cleaned(text, single_line=True)
    if removed:
        result.removed.append((where, removed))
    return " ".join(text.split())

"""The register of outgoing documents (sổ văn bản đi) as an Excel workbook.

One sheet, one row per issued document in the order of issue:
Số, Ngày, Ký hiệu, Trích yếu, Người ký, Nơi nhận. Numbers are
numbers shown with two digits ("05"), dates are dates shown as 09/02/2026,
text stays text (a title starting with "=" is never taken for a formula).
The file is written through safe_write (temporary file, then rename).
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.text import clean_text
from .safe_write import write_atomically

if TYPE_CHECKING:
    from ..store.register import RegisterEntry

FONT = "Times New Roman"
SHEET = "Sổ văn bản đi"
HEADING = "SỔ VĂN BẢN ĐI"
# (header, width in characters)
COLUMNS = (("Số", 7), ("Ngày", 12), ("Ký hiệu", 16), ("Trích yếu", 50), ("Người ký", 22), ("Nơi nhận", 40))
HEADER_ROW = 3


def write_register(entries: list[RegisterEntry], target: Path, *, overwrite: bool = False,
                   heading: str = HEADING) -> None:
    write_atomically(Path(target), register_bytes(entries, heading=heading), overwrite=overwrite)


def register_bytes(entries: list[RegisterEntry], *, heading: str = HEADING) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet
    sheet.title = SHEET
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=FONT, size=12), Font(name=FONT, size=12, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    last_column = get_column_letter(len(COLUMNS))

    sheet.append([heading])
    sheet["A1"].font = Font(name=FONT, size=14, bold=True)
    sheet["A1"].alignment = center
    sheet.merge_cells(f"A1:{last_column}1")
    sheet.append([])
    sheet.append([name for name, _ in COLUMNS])
    for column, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(HEADER_ROW, column)
        cell.font, cell.alignment, cell.border = bold, center, box

    for entry in entries:
        # Texts through the gate: a register kept by an older version may hold
        # a control character, which Excel's XML cannot.
        sheet.append([entry.number, entry.issued_on, *(clean_text(text) for text in (
            entry.symbol, entry.title, entry.signer, "\n".join(entry.recipients)))])
        row = sheet.max_row
        for column in range(1, len(COLUMNS) + 1):
            cell = sheet.cell(row, column)
            cell.font, cell.border = plain, box
            cell.alignment = center if column <= 2 else wrap
            if isinstance(cell.value, str):
                cell.number_format = "@"
                if cell.value.startswith("="):  # text, not a formula
                    cell.data_type = "s"
                    cell.quotePrefix = True
        sheet.cell(row, 1).number_format = "00"
        sheet.cell(row, 2).number_format = "dd/mm/yyyy"

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{max(sheet.max_row, HEADER_ROW)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

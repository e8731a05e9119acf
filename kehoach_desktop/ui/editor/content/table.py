"""Editor of a table (a content kind: an assignment table, a list of units
with their quotas): a grid like a spreadsheet. The first rows, shaded, are
the header rows (how many: "Dòng tiêu đề"); rows and columns are added,
removed and moved with the buttons; Ctrl+V pastes cells copied from Excel
or Word (tab-separated), growing the grid. Cells are typed as in the other
tables of the editor (cell_editing.spreadsheet): typing replaces, F2 edits,
Enter moves down, and a cell may hold several lines (CELL_HINT says how). A column whose
cells are all numbers is numeric (right-aligned, summed by the total row);
columns get widths from their longest text."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ....core.tables import HeaderCell, Table, TableColumn, is_empty_number, parse_number, problems
from ....core.text import clean_text
from ...flow_layout import flow_row
from .base import ContentEditor
from .cell_editing import spreadsheet
from .kinds import editor_of

HEADER_SHADE = QColor(232, 236, 242)
MAX_PASTE_CELLS = 20_000  # a paste larger than this is refused with a message
MAX_COLUMNS = 63  # Word's limit


@editor_of("table")
class TableEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QTableWidget(self)
        self.cells = spreadsheet(self.grid, range(MAX_COLUMNS))  # every column may hold several lines
        self.grid.horizontalHeader().setStretchLastSection(True)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.grid, self.paste)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.grid.itemChanged.connect(self._edited_cell)
        layout.addWidget(self.grid, 1)
        self.header_count = QSpinBox(self)
        self.header_count.setRange(0, 3)
        self.header_count.setToolTip(self.tr("Số dòng đầu bảng là tiêu đề cột (in đậm, lặp lại ở đầu mỗi trang)"))
        self.header_count.valueChanged.connect(self._on_header_count)
        self.total = QCheckBox(self.tr("Dòng tổng cộng (cộng các cột số)"), self)
        self.total.toggled.connect(self._edited)
        self.buttons = {
            "add_row": QPushButton(self.tr("Thêm dòng"), self),
            "remove_row": QPushButton(self.tr("Xoá dòng"), self),
            "row_up": QPushButton(self.tr("Dòng lên"), self),
            "row_down": QPushButton(self.tr("Dòng xuống"), self),
            "add_column": QPushButton(self.tr("Thêm cột"), self),
            "remove_column": QPushButton(self.tr("Xoá cột"), self),
            "paste": QPushButton(self.tr("Dán từ Excel/Word"), self),
        }
        self.buttons["add_row"].clicked.connect(self.add_row)
        self.buttons["remove_row"].clicked.connect(self.remove_row)
        self.buttons["row_up"].clicked.connect(lambda: self.move_row(-1))
        self.buttons["row_down"].clicked.connect(lambda: self.move_row(1))
        self.buttons["add_column"].clicked.connect(self.add_column)
        self.buttons["remove_column"].clicked.connect(self.remove_column)
        self.buttons["paste"].clicked.connect(self.paste)
        count_row = QHBoxLayout()
        count_row.addWidget(QLabel(self.tr("Dòng tiêu đề:"), self))
        count_row.addWidget(self.header_count)
        count_row.addWidget(self.total)
        count_row.addStretch(1)
        layout.addLayout(count_row)
        layout.addWidget(flow_row(self, *self.buttons.values()))
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        layout.addWidget(self.problems)

    # ---- loading and reading
    def fill(self, table: Table) -> None:
        columns = max([len(table.columns), *(sum(c.span for c in row) for row in table.header_rows),
                       *(len(row) for row in table.rows), 1])
        self.grid.blockSignals(True)
        try:
            self.grid.setColumnCount(columns)
            self.grid.setRowCount(len(table.header_rows) + len(table.rows))
            for r, header in enumerate(table.header_rows):
                col = 0
                for cell in header:  # a spanned title fills its first cell; the others stay empty
                    self._set(r, col, cell.text)
                    col += max(cell.span, 1)
            for r, row in enumerate(table.rows, start=len(table.header_rows)):
                for col, text in enumerate(row):
                    self._set(r, col, text)
        finally:
            self.grid.blockSignals(False)
        self.header_count.blockSignals(True)
        self.header_count.setValue(min(len(table.header_rows), 3))
        self.header_count.blockSignals(False)
        self.total.setChecked(table.total_row)
        self._shade()
        self._show_problems()

    def content(self) -> Table:
        table = copy.deepcopy(self._original) if isinstance(self._original, Table) else Table()
        cells = [[self._text(r, c) for c in range(self.grid.columnCount())] for r in range(self.grid.rowCount())]
        headers = self.header_count.value()
        table.header_rows = [[HeaderCell(text) for text in row] for row in cells[:headers]]
        table.rows = [row for row in cells[headers:] if any(text for text in row)]
        table.total_row = self.total.isChecked()
        if table.rows or table.header_rows or table.columns:
            table.columns = self._columns(table.rows, cells)
        return table

    def _columns(self, rows: list[list[str]], cells: list[list[str]]) -> list[TableColumn]:
        """Each column's width from its longest line, numeric when every
        filled data cell is a number (and one is)."""
        columns = []
        for col in range(self.grid.columnCount()):
            values = [row[col] for row in rows if col < len(row)]
            filled = [v for v in values if not is_empty_number(v)]
            numeric = bool(filled) and all(parse_number(v) is not None for v in filled)
            longest = max((len(line) for row in cells for line in row[col].split("\n")), default=1)
            columns.append(TableColumn(width=max(1, min(longest, 40)), align="right" if numeric else "left",
                                       numeric=numeric))
        return columns

    # ---- editing
    def add_row(self) -> None:
        row = self.grid.currentRow() + 1 if self.grid.currentRow() >= 0 else self.grid.rowCount()
        self.grid.insertRow(row)
        self.grid.setCurrentCell(row, 0)
        self._changed_shape()

    def remove_row(self) -> None:
        rows = sorted({index.row() for index in self.grid.selectedIndexes()} or {self.grid.currentRow()}, reverse=True)
        for row in rows:
            if row >= 0:
                self.grid.removeRow(row)
        self._changed_shape()

    def move_row(self, delta: int) -> None:
        """The current row swapped with the one above (-1) or below (+1)."""
        row = self.grid.currentRow()
        other = row + delta
        if row < 0 or not 0 <= other < self.grid.rowCount():
            return
        self.grid.blockSignals(True)
        try:
            for col in range(self.grid.columnCount()):
                mine, theirs = self._text(row, col), self._text(other, col)
                self._set(row, col, theirs)
                self._set(other, col, mine)
        finally:
            self.grid.blockSignals(False)
        self.grid.setCurrentCell(other, max(self.grid.currentColumn(), 0))
        self._changed_shape()

    def add_column(self) -> None:
        column = self.grid.currentColumn() + 1 if self.grid.currentColumn() >= 0 else self.grid.columnCount()
        self.grid.insertColumn(column)
        self._changed_shape()

    def remove_column(self) -> None:
        if self.grid.columnCount() <= 1:
            return
        column = self.grid.currentColumn()
        self.grid.removeColumn(column if column >= 0 else self.grid.columnCount() - 1)
        self._changed_shape()

    def paste(self) -> None:
        """Cells copied from Excel or Word (tab-separated lines) from the
        current cell on; the grid grows to hold them."""
        text = QGuiApplication.clipboard().text()
        if not text:
            return
        lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
        rows = [line.split("\t") for line in lines]
        if sum(len(r) for r in rows) > MAX_PASTE_CELLS:
            self.problems.setText(self.tr("Không dán: quá nhiều ô (tối đa {n}).").format(n=MAX_PASTE_CELLS))
            return
        top, left = max(self.grid.currentRow(), 0), max(self.grid.currentColumn(), 0)
        self.grid.blockSignals(True)
        try:
            self.grid.setRowCount(max(self.grid.rowCount(), top + len(rows)))
            self.grid.setColumnCount(max(self.grid.columnCount(), left + max(len(r) for r in rows)))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    self._set(top + r, left + c, value)
        finally:
            self.grid.blockSignals(False)
        self._changed_shape()

    # ---- helpers
    def _set(self, row: int, col: int, text: str) -> None:
        item = self.grid.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.grid.setItem(row, col, item)
        item.setText(text)

    def _text(self, row: int, col: int) -> str:
        item = self.grid.item(row, col)
        # Through the text gate, line by line: NFC, no control characters.
        return "\n".join(clean_text(line).strip() for line in item.text().split("\n")).strip() if item else ""

    def _on_header_count(self, _value: int) -> None:
        self._shade()
        self._edited()

    def _shade(self) -> None:
        headers = self.header_count.value()
        self.grid.blockSignals(True)
        try:
            for row in range(self.grid.rowCount()):
                for col in range(self.grid.columnCount()):
                    item = self.grid.item(row, col) or QTableWidgetItem()
                    if self.grid.item(row, col) is None:
                        self.grid.setItem(row, col, item)
                    item.setBackground(QBrush(HEADER_SHADE) if row < headers else QBrush())
                    font = item.font()
                    font.setBold(row < headers)
                    item.setFont(font)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter if row < headers
                                          else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        finally:
            self.grid.blockSignals(False)

    def _changed_shape(self) -> None:
        self._shade()
        self._show_problems()
        self._edited()

    def _edited_cell(self, _item) -> None:
        self._show_problems()
        self._edited()

    def _show_problems(self) -> None:
        self.problems.setText("\n".join(problems(self.content())) if self._original is not None else "")

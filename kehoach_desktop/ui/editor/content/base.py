"""The contract of a content editor: load(content), content(), changed."""
from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from ....core.content import Content
from ....core.text import nfc
from ...fitted_columns import ColumnFitter, Fit
from ...flow_layout import FlowLayout
from .cell_editing import commit_open_cell, open_cell, spreadsheet


def button_row(parent: QWidget, entries) -> tuple[FlowLayout, list[QPushButton]]:
    """A row of buttons, left-aligned, wrapped in a narrow pane: entries are (label, slot, keys); keys
    ("Alt+Up", or "") become the button's shortcut and tooltip."""
    row = FlowLayout()
    buttons = []
    for label, slot, keys in entries:
        button = QPushButton(parent.tr(label), parent)
        button.clicked.connect(slot)
        if keys:
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(keys)
        row.addWidget(button)
        buttons.append(button)
    return row, buttons


# A column's room, in average characters: (smallest, largest or None, share of the room left).
# Unless told, the long-text column takes the room and the others are as wide as their header.
TEXT_FIT = (12, None, 1)
HEADER_FIT = (0, 0, 0)


def fit_columns(view, stretch_column: int, fits: dict[int, tuple[int, int | None, int]]) -> ColumnFitter:
    """Keep the columns of a content editor's table or tree fitted to its
    pane (fitted_columns.py): no sideways scrolling, no header cut; the
    long-text column is the most important, then the others in order."""
    char = view.fontMetrics().averageCharWidth()
    count = view.model().columnCount()
    order = [stretch_column] + [column for column in range(count) if column != stretch_column]
    ranges = {column: fits.get(column, TEXT_FIT if column == stretch_column else HEADER_FIT) for column in order}
    return ColumnFitter(view, [Fit(column, low * char, None if high is None else high * char, share)
                               for column, (low, high, share) in ranges.items()])


def split_panes(editor: QWidget, orientation) -> tuple[QSplitter, QWidget, QVBoxLayout]:
    """Fill the editor with a splitter; returns it with its first pane and
    that pane's layout (the caller adds the second pane)."""
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    splitter = QSplitter(orientation, editor)
    layout.addWidget(splitter)
    first = QWidget(splitter)
    first_layout = QVBoxLayout(first)
    first_layout.setContentsMargins(0, 0, 0, 0)
    return splitter, first, first_layout


class ContentEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self._original: Content | None = None

    def load(self, content: Content) -> None:
        self._original = copy.deepcopy(content)
        self._loading = True
        try:
            self.fill(content)
        finally:
            self._loading = False

    def fill(self, content: Content) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_profile(self, profile_id: str) -> None:
        """The plan's profile (what it allows, e.g. landscape tables); most
        kinds do not need it."""

    def content(self) -> Content:  # pragma: no cover - overridden
        raise NotImplementedError

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()


class RowTableEditor(ContentEditor):
    """A content editor that is one table, one row per element, with add and
    remove buttons. Subclasses give the headers and the row values, and react
    to edits in ``refresh()`` (totals, checks)."""

    headers: tuple[str, ...] = ()
    # A header's full wording, shown as its tooltip where the header itself is kept short.
    header_tips: dict[int, str] = {}
    stretch_column = 0
    # The columns' room (fit_columns); unless told, the stretched one takes what is left.
    column_fits: dict[int, tuple[int, int | None, int]] = {}
    # The columns of long texts, edited in a box of several lines (the stretched one unless told).
    text_columns: tuple[int, ...] | None = None
    add_label = "Thêm dòng"
    remove_label = "Xoá dòng"

    def __init__(self, parent=None):
        from PySide6.QtWidgets import QPushButton, QTableWidget

        super().__init__(parent)
        self.body_layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.headers), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.headers])
        for column, tip in self.header_tips.items():
            self.table.horizontalHeaderItem(column).setToolTip(self.tr(tip))
        self.columns = fit_columns(self.table, self.stretch_column, self.column_fits)
        self.table.verticalHeader().hide()
        self.cells = spreadsheet(self.table, self.text_columns if self.text_columns is not None
                                 else (self.stretch_column,))
        self.body_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr(self.add_label), self)
        self.remove_button = QPushButton(self.tr(self.remove_label), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.body_layout.addLayout(buttons)
        self.table.itemChanged.connect(self._on_item_changed)

    # ---- for subclasses
    def new_row_values(self, row: int) -> list[str]:
        """The values of a row added at ``row`` (blank by default)."""
        return [""] * len(self.headers)

    def refresh(self) -> None:
        """Recompute what depends on the rows (totals, checks)."""

    # ---- shared
    def set_row(self, row: int, values) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def set_rows(self, rows) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.set_row(row, values)
        self.table.blockSignals(False)
        self.refresh()

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return nfc(item.text()).strip() if item is not None else ""

    def add_row(self) -> None:
        """A row below the current one, its main text cell open for typing."""
        commit_open_cell(self.table)
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.set_row(row, self.new_row_values(row))
        self.table.blockSignals(False)
        self.refresh()
        self._edited()
        open_cell(self.table, self.table.model().index(row, self.stretch_column))

    def remove_row(self) -> None:
        commit_open_cell(self.table)
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
            self.refresh()
            self._edited()

    def _on_item_changed(self, _item) -> None:
        self.refresh()
        self._edited()

"""The one table model behind every list the window shows (plans, register,
trash, backups, contacts, attendees, findings): a list of rows, plain
objects, and a column spec saying how a column reads, sorts, aligns and edits
a row; and the filter that sits between it and a QTableView."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.text import clean_text, matches, sort_key

R = TypeVar("R")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the key the column sorts by
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id (the model's row_id), the same in every column

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Vietnamese alphabetical order with runs of digits compared as numbers,
    so "05-KH" < "37-KH" < "104-KHPH" and "năm 2022" < "năm 2023"."""
    parts = _DIGITS.split(text.strip())
    return tuple((0, int(part)) if i % 2 else (1, sort_key(part))
                 for i, part in enumerate(parts) if part)


def _no_text(_row: Any) -> str:
    return ""


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a row. Only ``header`` and ``text`` are needed;
    a column is editable when it has ``edit`` and a check box when it has
    ``checked`` (user-checkable when it also has ``check``)."""

    header: str  # already translated by the widget that builds the column
    text: Callable[[R], str] = _no_text
    sort: Callable[[R], Any] | None = None  # None: the natural order of the text
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[R], str] | None = None  # None: the text, so an elided cell can be read whole
    icon: Callable[[R], Any] | None = None  # a QIcon before the text
    edit: Callable[[R, str], R] | None = None  # the row with the typed text in it
    checked: Callable[[R], bool] | None = None
    check: Callable[[R, bool], R] | None = None  # the row with the box ticked (True) or cleared

    def sort_value(self, row: R) -> Any:
        return self.sort(row) if self.sort is not None else natural_key(self.text(row))


def field_column(field: str, header: str, **options) -> Column:
    """A column showing one text field of a dataclass row and editing it in
    place: the typed text through the text gate, one line, without the spaces around it."""
    return Column(header, attrgetter(field),
                  edit=lambda row, text: replace(row, **{field: clean_text(text, single_line=True).strip()}),
                  **options)


class ListModel(QAbstractTableModel):
    """One row per object, in the order given until sort() is called; then
    every later set_rows() and replace_row() keeps that order (a clerk's
    edit in a cell does not move its row). ``row_id`` gives ID_ROLE, row_of()
    and replace_row(), and breaks ties when sorting so equal keys come out
    the same on every load; ``search`` is the text the filter searches
    (default: the text of every column)."""

    def __init__(self, columns: Sequence[Column], parent=None, *, row_id: Callable[[Any], Any] | None = None,
                 search: Callable[[Any], str] | None = None):
        super().__init__(parent)
        self.columns: tuple[Column, ...] = tuple(columns)
        self._rows: list = []
        self._row_id = row_id
        self._search = search
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._positions: dict | None = None  # row id -> position, built by row_of() when needed

    # ------------------------------------------------------------------ rows
    def set_rows(self, rows: Iterable, *, sorted_by: tuple[int, Qt.SortOrder] | None = None) -> None:
        """The rows, sorted in the model's order; ``sorted_by``: the (column,
        order) the rows already come in (a store's ORDER BY), so that a model
        sorted that way needs no Python sort."""
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = None
        self.endResetModel()
        if sorted_by != self._sort:
            self.sort(*self._sort)

    def rows(self) -> list:
        return list(self._rows)

    def row(self, position: int):
        return self._rows[position]

    def row_of(self, row_id) -> int | None:
        """The position of the row with this id, or None."""
        if self._positions is None:  # one pass, then each look-up is a dict's
            self._positions = {self._row_id(row): i for i, row in enumerate(self._rows)}
        return self._positions.get(row_id)

    def replace_row(self, row) -> None:
        """The row with the same id takes the new values in place (the
        selection stays; the row moves if the sort says so); no such row:
        nothing happens."""
        position = self.row_of(self._row_id(row))
        if position is not None:
            self.set_row(position, row)
            self.sort(*self._sort)

    def set_row(self, position: int, row) -> None:
        self._rows[position] = row
        self._positions = None
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def insert_row(self, position: int, row) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._positions = None
        self.endInsertRows()

    def remove_rows(self, positions: Iterable[int]) -> None:
        for position in sorted(set(positions), reverse=True):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self._positions = None
            self.endRemoveRows()

    def row_text(self, row) -> str:
        return " ".join(text for column in self.columns if (text := column.text(row)))

    def search_text(self, position: int) -> str:
        row = self._rows[position]
        return self._search(row) if self._search is not None else self.row_text(row)

    # ----------------------------------------------------------- sorting
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """One Python sort (not a comparison call per pair of rows, as a
        proxy's sort would make); selections follow their rows."""
        self._sort = (column, order)
        if not 0 <= column < len(self.columns):
            return
        spec, row_id = self.columns[column], self._row_id
        keys = [(spec.sort_value(row), row_id(row)) if row_id else spec.sort_value(row) for row in self._rows]
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(range(len(self._rows)), key=keys.__getitem__,
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[i] for i in order_of]
        self._positions = None
        moved = {old: new for new, old in enumerate(order_of)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(moved[index.row()], index.column()) for index in old])
        self.layoutChanged.emit()

    # ------------------------------------------------------------ Qt API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if role == Qt.ItemDataRole.DisplayRole else None
        return super().headerData(section, orientation, role)  # rows numbered from 1, where shown

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = self.columns[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column.edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column.check is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip or column.text)(row) or None
        if role == Qt.ItemDataRole.CheckStateRole and column.checked is not None:
            return Qt.CheckState.Checked if column.checked(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == ID_ROLE and self._row_id is not None:
            return self._row_id(row)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        """A clerk's edit: the column makes the new row; dataChanged is
        emitted only when something changed (as QTableWidgetItem did)."""
        if not index.isValid():
            return False
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.EditRole and column.edit is not None:
            new = column.edit(row, "" if value is None else str(value))
        elif role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            new = column.check(row, Qt.CheckState(value) == Qt.CheckState.Checked)
        else:
            return False
        if new != row:
            self.set_row(index.row(), new)
        return True


class ListFilter(QSortFilterProxyModel):
    """Between a ListModel and its view: keeps the rows whose search text
    contains every word typed (ignoring case, diacritics and Unicode
    composition) and that accepts() lets through, in the model's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = ""

    def set_query(self, text: str) -> None:
        self.refilter(lambda: setattr(self, "_query", text))

    def query(self) -> str:
        """The words typed (set_query), without the spaces around them."""
        return self._query.strip()

    def refilter(self, change: Callable[[], None]) -> None:
        """Apply a change of the filter's conditions and filter again."""
        # beginFilterChange came with Qt 6.9; the else branch is for PySide6
        # 6.7-6.8, which pyproject.toml still allows (tests/test_workarounds.py).
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def accepts(self, row) -> bool:
        """The conditions besides the typed words (a subclass's year, status, group)."""
        return True

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt API
        model: ListModel = self.sourceModel()
        if not self.accepts(model.row(source_row)):
            return False
        return not self.query() or matches(self._query, model.search_text(source_row))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the model's (one Python sort); the filter keeps its order."""
        self.sourceModel().sort(column, order)


"""Qt item models for the plan list: a table model and a filter (the store's search, year, status)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.dates import short_date
from ..core.text import sort_key
from ..store.plans import PlanSummary

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Vietnamese alphabetical order with runs of digits compared as numbers,
    so "05-KH" < "37-KH" < "104-KHPH" and "năm 2022" < "năm 2023"."""
    parts = _DIGITS.split(text.strip())
    return tuple((0, int(part)) if i % 2 else (1, sort_key(part))
                 for i, part in enumerate(parts) if part)


class PlanTableModel(QAbstractTableModel):
    """One row per PlanSummary, in the order given; the proxy sorts."""

    COL_NUMBER, COL_DATE, COL_TITLE, COL_STATUS, COL_BODY = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("PlanTableModel", "Số"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Ngày ban hành"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Trích yếu"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Trạng thái"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Cơ quan ban hành"),
    )
    STATUS_LABELS = {
        "draft": QT_TRANSLATE_NOOP("PlanTableModel", "Dự thảo"),
        "issued": QT_TRANSLATE_NOOP("PlanTableModel", "Đã ban hành"),
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self._plans: list[PlanSummary] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self._plans = list(plans)
        self.endResetModel()
        self.sort(*self._sort)

    def years(self) -> list[int]:
        """The years of the plans' dates, newest first."""
        return sorted({p.plan_date.year for p in self._plans if p.plan_date}, reverse=True)

    def has_undated(self) -> bool:
        return any(p.plan_date is None for p in self._plans)

    def replace_plan(self, summary: PlanSummary) -> None:
        """Show a saved plan's new values in place (the selection stays)."""
        row = self.row_of(summary.id)
        if row is None:
            return
        self._plans[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.sort(*self._sort)  # a new date or title may move it

    def plan_at(self, row: int) -> PlanSummary:
        return self._plans[row]

    def row_of(self, plan_id: int) -> int | None:
        return next((row for row, plan in enumerate(self._plans) if plan.id == plan_id), None)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def display_text(self, plan: PlanSummary, column: int) -> str:
        if column == self.COL_NUMBER:
            return plan.number
        if column == self.COL_DATE:
            return short_date(plan.plan_date)
        if column == self.COL_TITLE:
            return plan.title
        if column == self.COL_STATUS:
            label = self.STATUS_LABELS.get(plan.status)
            return self.tr(label) if label else plan.status
        return plan.issuing_body

    def sort_value(self, row: int, column: int):
        return self.sort_key(self._plans[row], column)

    def sort_key(self, plan: PlanSummary, column: int):
        """Dates as day numbers (no date first), everything else naturally."""
        if column == self.COL_DATE:
            return (plan.plan_date or date.min).toordinal()
        return natural_key(self.display_text(plan, column))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows; equal keys (same date, same status) fall back to the
        id, so the order is the same on every load. Selections follow their rows."""
        self._sort = (column, order)
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        before = {plan.id: row for row, plan in enumerate(self._plans)}
        self._plans.sort(key=lambda plan: (self.sort_key(plan, column), plan.id),
                         reverse=order == Qt.SortOrder.DescendingOrder)
        moved = {before[plan.id]: row for row, plan in enumerate(self._plans)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(moved[index.row()], index.column()) for index in old])
        self.layoutChanged.emit()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        plan = self._plans[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(plan, column)
        if role == SORT_ROLE:
            return self.sort_value(index.row(), column)
        if role == ID_ROLE:
            return plan.id
        return None


class PlanFilterModel(QSortFilterProxyModel):
    """Keeps the rows of the plans the store's search found (PlanStore.search:
    the one plan search, shared with `kehoach list --search`), of the chosen
    year and status, in the table model's order."""

    NO_DATE = 0  # the year filter's value for plans without a date

    def __init__(self, parent=None):
        super().__init__(parent)
        self._found: frozenset[int] | None = None  # the ids the search found; None: no search
        self._year: int | None = None
        self._status: str | None = None

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def set_found(self, ids: Iterable[int] | None) -> None:
        """Only these plans (what the search found); None: every plan."""
        found = None if ids is None else frozenset(ids)
        self._refilter(lambda: setattr(self, "_found", found))

    def set_year(self, year: int | None) -> None:
        """Only plans dated in this year (NO_DATE: plans without a date); None: all."""
        self._refilter(lambda: setattr(self, "_year", year))

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "_status", status))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model: PlanTableModel = self.sourceModel()
        plan = model.plan_at(source_row)
        if self._status is not None and plan.status != self._status:
            return False
        if self._year is not None and (plan.plan_date.year if plan.plan_date else self.NO_DATE) != self._year:
            return False
        return self._found is None or plan.id in self._found

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the table model's (one Python sort instead of a
        comparison call per pair of rows); the filter keeps its order."""
        self.sourceModel().sort(column, order)

"""Qt item models for the plan list: a table model and a diacritic-free filter."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.text import matches, sort_key
from ..store.plans import PlanSummary

STATUS_LABELS = {"draft": "Dự thảo", "issued": "Đã ban hành"}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class PlanTableModel(QAbstractTableModel):
    COL_NUMBER, COL_DATE, COL_TITLE, COL_STATUS, COL_BODY = range(5)
    HEADERS = ("Số", "Ngày ban hành", "Trích yếu", "Trạng thái", "Cơ quan ban hành")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._plans: list[PlanSummary] = []

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self._plans = list(plans)
        self.endResetModel()

    def plan_at(self, row: int) -> PlanSummary:
        return self._plans[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def display_text(self, plan: PlanSummary, column: int) -> str:
        if column == self.COL_NUMBER:
            return plan.number
        if column == self.COL_DATE:
            return plan.plan_date.strftime("%d/%m/%Y") if plan.plan_date else ""
        if column == self.COL_TITLE:
            return plan.title
        if column == self.COL_STATUS:
            return STATUS_LABELS.get(plan.status, plan.status)
        return plan.issuing_body

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        plan = self._plans[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(plan, column)
        if role == SORT_ROLE:
            if column == self.COL_DATE:
                return (plan.plan_date or date.min).toordinal()
            return sort_key(self.display_text(plan, column))
        if role == ID_ROLE:
            return plan.id
        return None


class PlanFilterModel(QSortFilterProxyModel):
    """Keeps the rows whose text contains every word typed, ignoring case,
    diacritics and Unicode composition; sorts by SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = ""
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._query = text
            self.endFilterChange()
        else:
            self._query = text
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if not self._query.strip():
            return True
        model: PlanTableModel = self.sourceModel()
        plan = model.plan_at(source_row)
        haystack = " ".join(model.display_text(plan, c) for c in range(model.columnCount()))
        return matches(self._query, haystack)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)

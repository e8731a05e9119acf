"""The plan list: its columns over the list-model base, and the filter by
what the store's search found, year and status."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..core.dates import short_date
from ..store.plans import PlanSummary
from .list_model import Column, ListFilter, ListModel


class PlanTableModel(ListModel):
    """One row per PlanSummary, sorted by the view's column (equal keys by id)."""

    COL_NUMBER, COL_DATE, COL_TITLE, COL_STATUS, COL_BODY = range(5)
    STATUS_LABELS = {
        "draft": QT_TRANSLATE_NOOP("PlanTableModel", "Dự thảo"),
        "issued": QT_TRANSLATE_NOOP("PlanTableModel", "Đã ban hành"),
    }

    def __init__(self, parent=None):
        super().__init__((
            Column(self.tr("Số"), lambda plan: plan.number),
            Column(self.tr("Ngày ban hành"), lambda plan: short_date(plan.plan_date),
                   sort=lambda plan: (plan.plan_date or date.min).toordinal()),  # no date first
            Column(self.tr("Trích yếu"), lambda plan: plan.title),
            Column(self.tr("Trạng thái"), self.status_text),
            Column(self.tr("Cơ quan ban hành"), lambda plan: plan.issuing_body),
        ), parent, row_id=lambda plan: plan.id)

    def status_text(self, plan: PlanSummary) -> str:
        label = self.STATUS_LABELS.get(plan.status)
        return self.tr(label) if label else plan.status

    def years(self) -> list[int]:
        """The years of the plans' dates, newest first."""
        return sorted({p.plan_date.year for p in self.rows() if p.plan_date}, reverse=True)

    def has_undated(self) -> bool:
        return any(p.plan_date is None for p in self.rows())


class PlanFilterModel(ListFilter):
    """Keeps the rows of the plans the store's search found (PlanStore.search:
    the one plan search, shared with `kehoach list --search`), of the chosen
    year and status, in the table model's order. The typed words reach the
    store, not this filter: its own word filter (set_query) stays unused."""

    NO_DATE = 0  # the year filter's value for plans without a date

    def __init__(self, parent=None):
        super().__init__(parent)
        self._found: frozenset[int] | None = None  # the ids the search found; None: no search
        self._year: int | None = None
        self._status: str | None = None

    def set_found(self, ids: Iterable[int] | None) -> None:
        """Only these plans (what the search found); None: every plan."""
        found = None if ids is None else frozenset(ids)
        self.refilter(lambda: setattr(self, "_found", found))

    def set_year(self, year: int | None) -> None:
        """Only plans dated in this year (NO_DATE: plans without a date); None: all."""
        self.refilter(lambda: setattr(self, "_year", year))

    def set_status(self, status: str | None) -> None:
        self.refilter(lambda: setattr(self, "_status", status))

    def accepts(self, plan: PlanSummary) -> bool:
        if self._status is not None and plan.status != self._status:
            return False
        if self._year is not None and (plan.plan_date.year if plan.plan_date else self.NO_DATE) != self._year:
            return False
        return self._found is None or plan.id in self._found

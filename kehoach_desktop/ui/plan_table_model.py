"""The plan list: its columns over the list-model base, and the filter by
what the store's search found, year and status."""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime
from operator import itemgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ..core.dates import short_date
from ..core.errors import UserError
from ..store.plans import PlanStore, PlanSummary
from .list_model import Column, ListFilter, ListModel

# Read for a block of this many plans at once when the list first shows one of them:
# a tall screen's rows (about 40) in one reading. The start reads one block (200 took 2-4 ms,
# 64 under 1); scrolling reads the next ones, under a millisecond each.
BLOCK = 64
BUSY_PAUSE_S = 30  # the database found busy: the list shows blank rows this long before it reads again


class SummaryReader:
    """The list columns of the plans of one reading of the list, read from
    the store when first shown, a block of neighbours (in the list's order)
    at a time: the window's start reads a screenful, not the archive."""

    def __init__(self, store: PlanStore, ids: list[int]):
        self._store = store
        self._ids = ids
        self._positions: dict[int, int] | None = None
        self._read: dict[int, PlanSummary] = {}
        self._busy_until = 0.0  # (monotonic) no reading before, after the database was found busy

    def summary(self, plan_id: int, plan_date: date | None, status: str) -> PlanSummary:
        found = self._read.get(plan_id)
        if found is None:
            if self._positions is None:
                self._positions = {plan_id: i for i, plan_id in enumerate(self._ids)}
            start = self._positions.get(plan_id, 0) // BLOCK * BLOCK
            block = [i for i in self._ids[start:start + BLOCK] if i not in self._read]
            if time.monotonic() < self._busy_until:
                return _blank(plan_id, plan_date, status)
            try:
                read = self._store.summaries_of([plan_id, *block])
            except UserError:
                # The database is busy (another program's exclusive lock): the row is blank for
                # now, read again when painted after a pause (each try waits for the lock),
                # never an error while painting.
                self._busy_until = time.monotonic() + BUSY_PAUSE_S
                return _blank(plan_id, plan_date, status)
            self._read.update((s.id, s) for s in read)
            # A plan deleted by another program since the list was read: its row stays, blank, until reloaded.
            found = self._read.setdefault(plan_id, _blank(plan_id, plan_date, status))
        return found


def _blank(plan_id: int, plan_date: date | None, status: str) -> PlanSummary:
    return PlanSummary(plan_id, "", plan_date, "", status, "", datetime.min, 0)


class ListedPlan(tuple):
    """A row of the plan list as its start reads it: what orders, filters and
    counts it (id, date, status) at once; its other PlanSummary fields
    (number, title, body…) from the SummaryReader on first use. A tuple
    (id, date, status, reader): 10,000 of them are made in 2 ms, a third of
    the time of as many small objects."""

    __slots__ = ()
    _LATER = frozenset(field.name for field in fields(PlanSummary)) - {"id", "plan_date", "status"}

    id = property(itemgetter(0))
    plan_date = property(itemgetter(1))
    status = property(itemgetter(2))

    def __getattr__(self, name: str):  # only for what the properties do not give
        if name not in ListedPlan._LATER:
            raise AttributeError(name)
        plan_id, plan_date, status, reader = self
        return getattr(reader.summary(plan_id, plan_date, status), name)


def listed_plans(store: PlanStore) -> list[ListedPlan]:
    """Every plan outside the trash, in the store's list order (newest plan
    date first: PlanTableModel.STORE_ORDER), their columns read when shown."""
    keys = store.list_keys()
    reader = SummaryReader(store, [plan_id for plan_id, _date, _status in keys])
    return [ListedPlan((*key, reader)) for key in keys]


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

    # The order of the store's lists (PlanStore.summaries, list_keys): the model's own by date, newest first.
    STORE_ORDER = (COL_DATE, Qt.SortOrder.DescendingOrder)

    def set_listed(self, plans: Iterable) -> None:
        """The rows of listed_plans() or PlanStore.summaries(), in the store's
        order: sorted again only when the clerk chose another."""
        self.set_rows(plans, sorted_by=self.STORE_ORDER)

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
        self._set("_found", None if ids is None else frozenset(ids))

    def set_year(self, year: int | None) -> None:
        """Only plans dated in this year (NO_DATE: plans without a date); None: all."""
        self._set("_year", year)

    def set_status(self, status: str | None) -> None:
        self._set("_status", status)

    def _set(self, condition: str, value) -> None:
        # Filtering again costs a call per plan: only when the condition changes.
        if getattr(self, condition) != value:
            self.refilter(lambda: setattr(self, condition, value))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt API
        # Nothing chosen (as when the window opens): every plan, without reading its row.
        if self._found is None and self._year is None and self._status is None and not self.query():
            return True
        return super().filterAcceptsRow(source_row, source_parent)

    def accepts(self, plan: PlanSummary) -> bool:
        if self._status is not None and plan.status != self._status:
            return False
        if self._year is not None and (plan.plan_date.year if plan.plan_date else self.NO_DATE) != self._year:
            return False
        return self._found is None or plan.id in self._found

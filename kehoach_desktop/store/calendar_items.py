"""The dated items of every plan outside the trash that fall in a span of
days, for the office's calendar (core.dated_items), each with its plan.

They are read from plan_dated_items (tables.DatedItemRow), the rows the
store writes with every save of a plan's sections (core.dated_items of the
whole plan: a programme in a section of its own takes the day of the plan's
one event), so a span is one query on the table's index of days, joined to
the plans outside the trash for their title, status and issuing body; no
plan is decoded, and the plans without an item in the span are not read.
The same list is kept while no plan has changed (the window reads again
each time it is activated)."""
from __future__ import annotations

from datetime import date

from ..core.calendar_days import PlanItem
from ..core.dated_items import DatedItem
from .database import Database
from .values import date_value, json_value, optional_date

# Items that touch the span: their first day on or before its last, their last day on or after its first.
_ITEMS = """
SELECT d.plan_id, d.day, d.end_day, d.kind, d.what, d.field, d.place, d.start_time, d.end_time, d.month_only,
       d.venue, p.title, p.status, p.issuing_bodies
FROM plan_dated_items d JOIN plans p ON p.id = d.plan_id
WHERE d.day <= ? AND d.last_day >= ? AND p.deleted_at IS NULL
ORDER BY d.plan_id, d.position
"""


class CalendarReader:
    """Reads the plans' dated items (one per window)."""

    def __init__(self, db: Database):
        self.db = db
        self._bodies: list[str] = []
        self._bodies_stamp: tuple | None = None
        self._last_key: tuple | None = None
        self._last_items: list[PlanItem] = []

    def items(self, first: date, last: date) -> list[PlanItem]:
        """The items that touch the days from ``first`` to ``last``, by day, then time, then plan (then
        the plan's order); the same list again while no plan has changed."""
        stamp = self._stamp()
        if (first, last, stamp) != self._last_key:
            self._last_items, self._last_key = self._read(first, last), (first, last, stamp)
        return list(self._last_items)

    def bodies(self) -> list[str]:
        """The issuing bodies of the plans outside the trash ("" for none written), in order, as they were
        at the last items() (the window reads both at each refresh: one look at the plans for both)."""
        stamp = self._last_key[2] if self._last_key is not None else self._stamp()
        if stamp != self._bodies_stamp:
            # As text: PostgreSQL's json type cannot be compared, so not made DISTINCT.
            with self.db.reader() as cursor:
                cursor.execute("SELECT DISTINCT CAST(issuing_bodies AS TEXT) FROM plans WHERE deleted_at IS NULL")
                rows = cursor.fetchall()
            self._bodies = sorted({_body(row[0]) for row in rows})
            self._bodies_stamp = stamp
        return list(self._bodies)

    def _stamp(self) -> tuple:
        """What changes when a plan is saved (its version), added, deleted or restored."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT count(*), coalesce(sum(version), 0), coalesce(sum(id), 0) FROM plans "
                           "WHERE deleted_at IS NULL")
            return tuple(cursor.fetchone())

    def _read(self, first: date, last: date) -> list[PlanItem]:
        # SQLite keeps dates as ISO text (and its module's date adapter is deprecated); a server takes dates.
        span = (last.isoformat(), first.isoformat()) if self.db.file is not None else (last, first)
        with self.db.reader() as cursor:
            cursor.execute(_ITEMS, span)
            rows = cursor.fetchall()
        found = []
        for (plan_id, day, end, kind, what, field, place, start_time, end_time, month_only, venue, title, status,
             issuing_bodies) in rows:
            item = DatedItem(date_value(day), kind, what, field, place, optional_date(end), start_time, end_time,
                             bool(month_only), venue)
            found.append(PlanItem(item, plan_id, " ".join(title.split()), status, _body(issuing_bodies)))
        found.sort(key=lambda p: (p.item.day, p.item.month_only, p.item.start_time or "99", p.plan_id))
        return found


def _body(issuing_bodies: object) -> str:
    """"BCH ĐOÀN KHỐI - ĐOÀN TRƯỜNG": the plan's issuing bodies as the plan list shows them."""
    return " - ".join(b for b in json_value(issuing_bodies) if b)

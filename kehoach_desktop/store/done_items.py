"""Dated items marked done (the deadlines panel's "Đã xong"): mark, unmark,
list, one transaction each.

A mark names its item as core.dated_items does, by plan and field path, and
keeps the item's date when it was marked: an item whose date was changed
since (a draft edited, an issued plan copied over) comes back undone rather
than staying hidden under an old mark. The marks are rows of their own
(table done_items, migration 0011): marking an item of an issued plan done
changes nothing of the plan, neither its rows nor its version, so the plan
stays read-only and its Word file as issued stays what it was. A plan
purged from the trash takes its marks with it (ON DELETE CASCADE).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..core.errors import UserError
from .database import Database
from .values import date_value, datetime_value


@dataclass(frozen=True)
class DoneMark:
    plan_id: int
    field: str  # the item's path in the plan (core.dated_items.DatedItem.field)
    item_day: date  # the item's date when it was marked
    done_on: date  # the day the clerk said it was done
    marked_at: datetime


class DoneItems:
    def __init__(self, db: Database):
        self.db = db

    def mark(self, plan_id: int, field: str, item_day: date, done_on: date) -> None:
        """The item is done (marked again: the new day is kept)."""
        from sqlalchemy import select
        from sqlalchemy.exc import IntegrityError

        from .tables import DoneItemRow, PlanRow

        try:
            with self.db.sessions.begin() as session:
                if session.get(PlanRow, plan_id) is None:
                    raise UserError(f"không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu {self.db.label}")
                row = session.execute(select(DoneItemRow).where(DoneItemRow.plan_id == plan_id,
                                                                DoneItemRow.field == field)).scalar_one_or_none()
                if row is None:
                    row = DoneItemRow(plan_id=plan_id, field=field)
                    session.add(row)
                row.item_day, row.done_on, row.marked_at = item_day, done_on, datetime.now()
        except IntegrityError:  # another window marked the same item at the same moment: it is done
            pass

    def unmark(self, plan_id: int, field: str) -> None:
        """The item is not done after all (no mark: nothing happens)."""
        from sqlalchemy import delete

        from .tables import DoneItemRow

        with self.db.sessions.begin() as session:
            session.execute(delete(DoneItemRow).where(DoneItemRow.plan_id == plan_id, DoneItemRow.field == field))

    def marks(self) -> list[DoneMark]:
        """Every mark, by plan then field."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT plan_id, field, item_day, done_on, marked_at FROM done_items "
                           "ORDER BY plan_id, field")
            rows = cursor.fetchall()
        return [DoneMark(int(plan_id), field, date_value(item_day), date_value(done_on), datetime_value(marked_at))
                for plan_id, field, item_day, done_on, marked_at in rows]

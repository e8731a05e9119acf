"""A plan's invitation list in the database: read in plain SQL, replaced
whole in one transaction (an import or an edit either lands entirely or
not at all)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..core.attendees import Attendee
from ..core.errors import UserError
from .database import Cursor, Database
from .values import optional_date

_COLUMNS = "name, job_title, unit, group_name, phone, email, note, invited_on, reply, attended"


@dataclass
class MergeReport:
    """What merging an incoming list into the stored one does."""

    added: list[Attendee] = field(default_factory=list)
    updated: list[tuple[Attendee, Attendee]] = field(default_factory=list)  # (stored, incoming)
    unchanged: list[Attendee] = field(default_factory=list)
    result: list[Attendee] = field(default_factory=list)


def merge(stored: list[Attendee], incoming: list[Attendee]) -> MergeReport:
    """Incoming rows with the name and unit of a stored row update it (the
    stored spelling of name and unit stays, and empty incoming cells keep the
    stored values); the others are added at the end; identical rows change
    nothing."""
    report = MergeReport(result=list(stored))
    where = {a.identity: i for i, a in enumerate(stored)}
    for row in incoming:
        index = where.get(row.identity)
        if index is None:
            where[row.identity] = len(report.result)
            report.result.append(row)
            report.added.append(row)
            continue
        old = report.result[index]
        new = replace(old, **{name: value for name, value in vars(row).items()
                              if name not in ("name", "unit") and value not in ("", None)
                              and not (name == "reply" and value == "pending")
                              and not (name == "attended" and value is False)})
        if new == old:
            report.unchanged.append(row)
        else:
            report.result[index] = new
            report.updated.append((old, new))
    return report


class AttendeeStore:
    def __init__(self, db: Database):
        self.db = db

    def _check_plan(self, cursor: Cursor, plan_id: int) -> None:
        cursor.execute("SELECT deleted_at FROM plans WHERE id = ?", (plan_id,))
        row = cursor.fetchone()
        if row is None:
            raise UserError(f"không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu {self.db.label}")
        if row[0] is not None:
            raise UserError(f"kế hoạch mã số {plan_id} đang ở trong thùng rác; hãy khôi phục nó trước")

    def list(self, plan_id: int) -> list[Attendee]:
        with self.db.reader() as cursor:
            self._check_plan(cursor, plan_id)
            cursor.execute(f"SELECT {_COLUMNS} FROM plan_attendees WHERE plan_id = ? ORDER BY seq", (plan_id,))
            rows = cursor.fetchall()
        return [Attendee(name, job_title, unit, group, phone, email, note, optional_date(invited_on), reply, bool(attended))
                for name, job_title, unit, group, phone, email, note, invited_on, reply, attended in rows]

    def replace(self, plan_id: int, attendees: Sequence[Attendee]) -> None:
        """The plan's list becomes exactly these rows, in this order."""
        from sqlalchemy import delete

        from .tables import AttendeeRow

        with self.db.reader() as cursor:
            self._check_plan(cursor, plan_id)
        rows = [a.normalised() for a in attendees]
        with self.db.sessions.begin() as session:
            session.execute(delete(AttendeeRow).where(AttendeeRow.plan_id == plan_id))
            session.add_all(AttendeeRow(plan_id=plan_id, seq=i, name=a.name, job_title=a.position, unit=a.unit,
                                        group_name=a.group, phone=a.phone, email=a.email, note=a.note,
                                        invited_on=a.invited_on, reply=a.reply, attended=a.attended)
                            for i, a in enumerate(rows))

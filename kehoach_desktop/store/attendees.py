"""A plan's invitation list in the database: read in plain SQL, replaced
whole in one transaction (an import or an edit either lands entirely or
not at all), with a version (store/versions.py): a window that read version
3 cannot replace a list somebody else saved as version 4 in between."""
from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

from ..core.attendees import Attendee, with_codes
from ..core.errors import UserError
from .database import Cursor, Database
from .values import optional_date, optional_datetime
from .versions import ConflictError, changed_rows

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from .tables import AttendeeRow

_COLUMNS = ("name, job_title, unit, group_name, phone, email, note, invited_on, reply, attended, honorific, head_count, "
            "whole_unit, code, attended_at")


@dataclass
class MergeReport:
    """What merging an incoming list into the stored one does."""

    added: list[Attendee] = field(default_factory=list)
    updated: list[tuple[Attendee, Attendee]] = field(default_factory=list)  # (stored, incoming)
    unchanged: list[Attendee] = field(default_factory=list)
    result: list[Attendee] = field(default_factory=list)


def merge(stored: list[Attendee], incoming: list[Attendee]) -> MergeReport:
    """Incoming rows update the stored row they are: the one with their
    check-in code (our own workbook, names typed in since: the clerk's
    name, position and unit are taken), else the one with their name and
    unit (the stored spelling of name and unit stays). Empty or default
    incoming cells keep the stored values; identical rows change nothing;
    the others are added at the end."""
    report = MergeReport(result=list(stored))
    where = {a.identity: i for i, a in enumerate(stored)}
    by_code = {a.code: i for i, a in enumerate(stored) if a.code}
    for row in incoming:
        coded = row.code in by_code
        index = by_code[row.code] if coded else where.get(row.identity)
        if index is None:
            where[row.identity] = len(report.result)
            if row.code:
                by_code[row.code] = len(report.result)
            report.result.append(row)
            report.added.append(row)
            continue
        old = report.result[index]
        kept = () if coded else ("name", "unit")
        new = replace(old, **{f.name: getattr(row, f.name) for f in fields(Attendee)
                              if f.name not in kept and getattr(row, f.name) not in ("", None, f.default)})
        if new == old:
            report.unchanged.append(row)
        else:
            report.result[index] = new
            report.updated.append((old, new))
    return report


@dataclass(frozen=True)
class GuestList:
    """A plan's list as read, with the version to pass back when saving it."""

    rows: list[Attendee]
    version: int


def _keyed(rows: Sequence[Attendee]) -> dict[tuple, Attendee]:
    """Rows by identity; a second row of the same identity is told apart by
    its rank (two blank lines are two lines)."""
    seen: Counter = Counter()
    keyed = {}
    for row in rows:
        seen[row.identity] += 1
        keyed[(row.identity, seen[row.identity])] = row
    return keyed


@dataclass
class Differences:
    """How two versions of a list differ, row by row (same identity: same row)."""

    only_mine: list[Attendee] = field(default_factory=list)
    only_theirs: list[Attendee] = field(default_factory=list)
    changed: list[tuple[Attendee, Attendee]] = field(default_factory=list)  # (mine, theirs)

    @property
    def none(self) -> bool:
        return not (self.only_mine or self.only_theirs or self.changed)


def differences(mine: Sequence[Attendee], theirs: Sequence[Attendee]) -> Differences:
    ours, others = _keyed(mine), _keyed(theirs)
    return Differences(only_mine=[row for key, row in ours.items() if key not in others],
                       only_theirs=[row for key, row in others.items() if key not in ours],
                       changed=[(row, others[key]) for key, row in ours.items()
                                if key in others and others[key] != row])


def _fields_over(base: Attendee, mine: Attendee, theirs: Attendee) -> Attendee:
    """Theirs with the fields this side changed from ``base`` taken from mine."""
    return replace(theirs, **{f.name: getattr(mine, f.name) for f in fields(Attendee)
                              if getattr(mine, f.name) != getattr(base, f.name)})


def merge_lists(base: Sequence[Attendee], mine: Sequence[Attendee], theirs: Sequence[Attendee]) -> list[Attendee]:
    """Three-way merge of a list edited here (``mine``, from ``base`` as
    read) while somebody else saved ``theirs``. Rows are matched by identity
    (name and unit). Their rows stay, in their order, with the fields this
    side changed put over them; rows this side added are added at the end;
    rows one side removed and the other left as they were go; a row removed
    by one side and changed by the other stays."""
    old, ours, others = _keyed(base), _keyed(mine), _keyed(theirs)
    result = []
    for key, row in others.items():
        if key in ours:
            result.append(_fields_over(old.get(key, row), ours[key], row))
        elif key not in old or row != old[key]:  # added by them, or changed by them after we removed it
            result.append(row)
    for key, row in ours.items():
        if key in others:
            continue
        if key not in old or row != old[key]:  # added here, or changed here after they removed it
            result.append(row)
    return result


def _attendee(r: AttendeeRow) -> Attendee:
    """A stored row as the program's Attendee."""
    return Attendee(r.name, r.job_title, r.unit, r.group_name, r.phone, r.email, r.note, r.invited_on, r.reply,
                    bool(r.attended), r.honorific, r.head_count, bool(r.whole_unit), r.code, r.attended_at)


def _values(plan_id: int, seq: int, a: Attendee) -> dict:
    """The columns of a row to insert."""
    return {"plan_id": plan_id, "seq": seq, "name": a.name, "job_title": a.position, "unit": a.unit,
            "group_name": a.group, "phone": a.phone, "email": a.email, "note": a.note,
            "invited_on": a.invited_on, "reply": a.reply, "attended": a.attended, "honorific": a.honorific,
            "head_count": a.head_count, "whole_unit": a.whole_unit, "code": a.code, "attended_at": a.attended_at}


class AlreadyPresentError(UserError):
    """A check-in of somebody already marked present: nothing written.
    ``attendee`` is the row as stored (its time of arrival), ``version`` the
    list's version."""

    def __init__(self, attendee: Attendee, version: int):
        when = attendee.attended_at.strftime("%H:%M") if attendee.attended_at else ""
        super().__init__(f"{attendee.name or attendee.position or attendee.unit} đã được điểm danh"
                         + (f" lúc {when}" if when else "") + " rồi")
        self.attendee, self.version = attendee, version


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
        return [Attendee(name, job_title, unit, group, phone, email, note, optional_date(invited_on), reply, bool(attended),
                         honorific, head_count, bool(whole_unit), code, optional_datetime(attended_at))
                for (name, job_title, unit, group, phone, email, note, invited_on, reply, attended, honorific,
                     head_count, whole_unit, code, attended_at) in rows]

    def version(self, plan_id: int) -> int:
        """The list's version: 0 until it is first saved."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT version FROM plan_attendee_lists WHERE plan_id = ?", (plan_id,))
            row = cursor.fetchone()
        return 0 if row is None else int(row[0])

    def load(self, plan_id: int) -> GuestList:
        """The list and its version. The version is read first: should a save
        land between the two reads, the rows are newer than the version and
        the next save is refused (a needless question, never a list lost)."""
        version = self.version(plan_id)
        return GuestList(self.list(plan_id), version)

    def replace(self, plan_id: int, attendees: Sequence[Attendee], expected_version: int | None = None) -> int:
        """The plan's list becomes exactly these rows, in this order; returns
        the new version. With ``expected_version`` (the version read), the
        save is refused with ConflictError when somebody else saved meanwhile."""
        from sqlalchemy.exc import IntegrityError

        try:
            with self.db.locked_session() as session:
                return self._replace(session, plan_id, [a.normalised() for a in attendees], expected_version)
        except IntegrityError:  # another program saved the list's first version at the same moment
            raise self._stale(None) from None

    def merge_in(self, plan_id: int, incoming: Sequence[Attendee], *, save: bool = True,
                 choose: Callable[[builtins.list[Attendee], builtins.list[Attendee]], builtins.list[Attendee]]
                 | None = None) -> tuple[MergeReport, int]:
        """An import (the command line): ``incoming`` merged into the list as
        stored, read and written in one transaction under the writers' lock,
        so nothing saved meanwhile is lost. ``choose(stored, incoming)``: the
        incoming rows to merge, chosen against the rows as stored in that
        transaction (generating skips the roles already named). Returns the
        report and the version (unchanged when ``save`` is False or nothing changed)."""
        with self.db.locked_session() as session:
            found = self._check_plan_in(session, plan_id)
            stored = self._rows_in(session, plan_id)
            report = merge(stored, list(incoming) if choose is None else choose(stored, list(incoming)))
            if not save or not (report.added or report.updated):
                return report, found
            return report, self._replace(session, plan_id, [a.normalised() for a in report.result], found)

    @staticmethod
    def _stale(found: int | None) -> ConflictError:
        return ConflictError("danh sách khách mời của kế hoạch này vừa được lưu ở nơi khác (một cửa sổ "
                          "khác hoặc dòng lệnh) sau khi anh/chị mở nó; chưa lưu gì", found=found)

    def _check_plan_in(self, session: Session, plan_id: int) -> int:
        """As _check_plan, in the writing transaction; returns the list's version."""
        from sqlalchemy import select

        from .tables import AttendeeListRow, PlanRow

        found = session.execute(select(PlanRow.deleted_at).where(PlanRow.id == plan_id)).one_or_none()
        if found is None:
            raise UserError(f"không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu {self.db.label}")
        if found[0] is not None:
            raise UserError(f"kế hoạch mã số {plan_id} đang ở trong thùng rác; hãy khôi phục nó trước")
        version = session.execute(select(AttendeeListRow.version).where(AttendeeListRow.plan_id == plan_id)).scalar()
        return version or 0

    @staticmethod
    def _rows_in(session: Session, plan_id: int) -> builtins.list[Attendee]:
        from sqlalchemy import select

        from .tables import AttendeeRow

        rows = session.execute(select(AttendeeRow).where(AttendeeRow.plan_id == plan_id).order_by(AttendeeRow.seq))
        return [_attendee(r) for r in rows.scalars()]

    def _replace(self, session: Session, plan_id: int, rows: builtins.list[Attendee], expected: int | None) -> int:
        from sqlalchemy import delete, insert

        from .tables import AttendeeRow

        found = self._check_plan_in(session, plan_id)
        if expected is not None and found != expected:
            raise self._stale(found)
        self._next_version(session, plan_id, found)
        rows = with_codes(rows, {a.identity: a.code for a in self._rows_in(session, plan_id) if a.code})
        session.execute(delete(AttendeeRow).where(AttendeeRow.plan_id == plan_id))
        if rows:
            session.execute(insert(AttendeeRow), [_values(plan_id, i, a) for i, a in enumerate(rows)])
        return found + 1

    def _next_version(self, session: Session, plan_id: int, found: int) -> int:
        """The list's version raised by one, in the writing transaction."""
        from sqlalchemy import insert, update

        from .tables import AttendeeListRow

        if found == 0:
            session.execute(insert(AttendeeListRow).values(plan_id=plan_id, version=1))
        else:  # compared again in the UPDATE: on a server, the row lock decides between two writers
            done = session.execute(update(AttendeeListRow).where(
                AttendeeListRow.plan_id == plan_id, AttendeeListRow.version == found).values(version=found + 1))
            if changed_rows(done) != 1:
                raise self._stale(None)
        return found + 1

    # ------------------------------------------------------------- check-in
    # The day of the event: small writes of one row each, under the writers'
    # lock, each raising the list's version. Two desks checking in different
    # people both land; a window holding the list as read before meets a
    # conflict on its next save instead of putting the old attendance back.

    def ensure_codes(self, plan_id: int) -> builtins.list[Attendee]:
        """The list with a check-in code on every row: a list saved before
        codes existed (or by an older program) gets them now. The version
        is not raised: a window's save keeps the codes (``with_codes`` finds
        them by identity), so it has nothing to be refused for."""
        from sqlalchemy import select, update

        from .tables import AttendeeRow

        rows = self.list(plan_id)
        if all(a.code for a in rows):  # the usual case: read without taking the writers' lock
            return rows
        with self.db.locked_session() as session:
            self._check_plan_in(session, plan_id)
            stored = session.execute(select(AttendeeRow).where(AttendeeRow.plan_id == plan_id)
                                     .order_by(AttendeeRow.seq)).scalars().all()
            rows = [_attendee(r) for r in stored]
            if all(a.code for a in rows):
                return rows
            coded = with_codes(rows)
            for stored_row, row in zip(stored, coded, strict=True):
                if stored_row.code != row.code:
                    session.execute(update(AttendeeRow).where(AttendeeRow.id == stored_row.id).values(code=row.code))
            return coded

    def _coded_row(self, session: Session, plan_id: int, code: str) -> AttendeeRow:
        from sqlalchemy import select

        from .tables import AttendeeRow

        found = session.execute(select(AttendeeRow).where(
            AttendeeRow.plan_id == plan_id, AttendeeRow.code == code.strip().upper())).scalars().first()
        if found is None:
            raise UserError(f"không có khách mời nào mang mã {code.strip().upper()} trong danh sách của kế hoạch "
                            f"mã số {plan_id}")
        return found

    def check_in(self, plan_id: int, code: str, at: datetime) -> tuple[Attendee, int]:
        """The guest with this check-in code marked present at ``at`` (to the
        second); the row as stored and the list's new version. Somebody
        already present: AlreadyPresentError, nothing written."""
        with self.db.locked_session() as session:
            found = self._check_plan_in(session, plan_id)
            row = self._coded_row(session, plan_id, code)
            if row.attended:
                raise AlreadyPresentError(_attendee(row), found)
            row.attended, row.attended_at = True, at.replace(microsecond=0)
            session.flush()
            return _attendee(row), self._next_version(session, plan_id, found)

    def undo_check_in(self, plan_id: int, code: str) -> tuple[Attendee, int]:
        """The check-in of this guest taken back (marked in error)."""
        with self.db.locked_session() as session:
            found = self._check_plan_in(session, plan_id)
            row = self._coded_row(session, plan_id, code)
            if not row.attended:
                raise UserError(f"{row.name or row.job_title or row.unit} chưa được điểm danh")
            row.attended, row.attended_at = False, None
            session.flush()
            return _attendee(row), self._next_version(session, plan_id, found)

    def add_late(self, plan_id: int, attendee: Attendee, at: datetime) -> tuple[Attendee, int]:
        """A late arrival, not on the list, added at its end already present
        at ``at``, with a check-in code of its own. Somebody already on the
        list (same name and unit) is refused: the clerk checks that row in."""
        from sqlalchemy import func, insert, select

        from .tables import AttendeeRow

        person = replace(attendee.normalised(), attended=True, attended_at=at.replace(microsecond=0), code="")
        if not (person.name or person.unit):
            raise UserError("hãy nhập họ và tên (hoặc đơn vị) của người đến muộn")
        with self.db.locked_session() as session:
            found = self._check_plan_in(session, plan_id)
            rows = self._rows_in(session, plan_id)
            same = next((a for a in rows if a.identity == person.identity), None)
            if same is not None:
                raise UserError(f"{same.name or same.unit} đã có trong danh sách"
                                + (f" (mã {same.code})" if same.code else "") + ": hãy tìm và điểm danh người này")
            person = with_codes([*rows, person])[-1]
            last = session.execute(select(func.max(AttendeeRow.seq)).where(AttendeeRow.plan_id == plan_id)).scalar()
            session.execute(insert(AttendeeRow), [_values(plan_id, 0 if last is None else last + 1, person)])
            return person, self._next_version(session, plan_id, found)

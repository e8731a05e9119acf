"""Saving and loading plans: one transaction per change.

Reads are plain SQL through the database's DB-API reader (the standard
sqlite3 module for a file), so listing and opening plans needs no SQLAlchemy;
writes go through the ORM (plan_rows.py), loaded on the first write.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib import import_module
from typing import TYPE_CHECKING

from ..core.codec import DataError, clean_plan, from_data
from ..core.content import Content
from ..core.dates import short_date
from ..core.errors import UserError
from ..core.model import Appendix, DocumentNumber, Plan, PlanStyle, Section, Signature
from ..core.numbering import full_number, number_text
from ..core.plan_dates import refuse_out_of_range
from ..core.plan_texts import plan_texts
from ..core.text import search_index, search_needle
from .database import Database
from .values import datetime_value, json_value, optional_date, optional_datetime
from .versions import ConflictError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .tables import PlanRow

PLAN_COLUMNS = ("profile, status, superior_body, issuing_bodies, organisation_title, number_value, type_code, "
                 "issuer_codes, number_suffix, place, plan_date, document_type, title, preamble, closing, "
                 "recipients, style, show_draft_mark, note")
# The number as another office wrote it (migration 0010); apart from
# PLAN_COLUMNS, which migration 0006 reads from a database of before it.
WRITTEN_COLUMNS = "number_written, number_separator"
_SUMMARY_COLUMNS = ("id, number_value, type_code, issuer_codes, number_suffix, number_written, number_separator, "
                    "plan_date, title, status, issuing_bodies, updated_at, version, deleted_at")

# The list's order: newest plan date first, plans without a date last (SQLite
# puts NULL first in ascending order, PostgreSQL last), then the newest plan.
_LIST_ORDER = "plan_date IS NULL, plan_date DESC, id DESC"
# Ids in one "IN (...)" (SQLite before 3.32 takes at most 999 parameters).
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class PlanSummary:
    """What the plan list shows of a plan."""

    id: int
    number: str  # "37-KH/ĐTN", "" while the plan has no number
    plan_date: date | None
    title: str
    status: str
    issuing_body: str
    updated_at: datetime
    version: int
    deleted_at: datetime | None = None  # in the trash since, or None


def normalised(plan: Plan) -> Plan:
    """A copy of the plan with every string through the text gate."""
    return clean_plan(plan)


def search_text(plan: Plan) -> str:
    """The plan's search index (core.text.search_index): its number and date
    as the list shows them, every header field, and every text the clerk typed
    (title, preamble, every section's heading and content of every kind,
    closing, recipients, signatures), and the unprinted note. Texts the
    layout generates (section numerals, weekdays, "Nơi nhận:") are the same
    in every plan and are left out."""
    header = [number_label(plan.number), short_date(plan.plan_date), plan.superior_body,
              *plan.issuing_bodies, plan.organisation_title, plan.place, plan.document_type]
    return search_index([*header, *(text for _path, text in plan_texts(plan)), plan.note])


def number_label(number: DocumentNumber) -> str:
    """"05-KH/ĐTN" (as written for another office's: "98/KH-UBND"), or
    nothing for a plan without a number yet."""
    return full_number(number) if number.value is not None else ""


def plan_from_values(row: tuple, sections: Sequence[tuple], signatures: Sequence[tuple],
                     appendices: Sequence[tuple] = (), written: Sequence[str] = ("", "")) -> Plan:
    """The plan from its rows: the plan's columns (PLAN_COLUMNS), its
    sections (position, heading, content), signatures and appendices
    (position, title, content, attached; none before migration 0009), and
    the number as written (WRITTEN_COLUMNS; none before migration 0010)."""
    (profile, status, superior_body, issuing_bodies, organisation_title, number_value, type_code, issuer_codes,
     number_suffix, place, plan_date, document_type, title, preamble, closing, recipients, style,
     show_draft_mark, note) = row
    return Plan(
        profile=profile,
        status=status,
        superior_body=superior_body,
        issuing_bodies=list(json_value(issuing_bodies)),
        organisation_title=organisation_title,
        number=DocumentNumber(number_value, type_code, list(json_value(issuer_codes)), number_suffix, *written),
        place=place,
        plan_date=optional_date(plan_date),
        document_type=document_type,
        title=title,
        preamble=list(json_value(preamble)),
        sections=[Section(heading, from_data(Content, json_value(content), f"$.sections[{position}].content"))
                  for position, heading, content in sections],
        closing=closing,
        recipients=list(json_value(recipients)),
        signatures=[Signature(*values) for values in signatures],
        style=from_data(PlanStyle, json_value(style), "$.style"),
        show_draft_mark=bool(show_draft_mark),
        note=note,
        appendices=[Appendix(title, from_data(Content, json_value(content), f"$.appendices[{position}].content"),
                             attached) for position, title, content, attached in appendices],
    )


def plan_from_row(row: PlanRow) -> Plan:
    """The plan held by an ORM row (a transaction that reads and writes the
    same plan, as the register's issue does)."""
    values = tuple(getattr(row, name.strip()) for name in PLAN_COLUMNS.split(","))
    return plan_from_values(values, [(s.position, s.heading, s.content) for s in row.sections],
                             [(s.authority, s.body, s.signer_position, s.name) for s in row.signatures],
                             [(a.position, a.title, a.content, a.attached) for a in row.appendices],
                             (row.number_written, row.number_separator))


def registered_number(session: Session, plan_id: int) -> str | None:
    """"05-KH/ĐTN" when the register of outgoing documents gave the plan its
    number (such a plan is read-only and cannot be deleted), else None."""
    from sqlalchemy import select

    from .tables import RegisterRow

    found = session.execute(select(RegisterRow.number, RegisterRow.separator, RegisterRow.symbol)
                            .where(RegisterRow.plan_id == plan_id)).first()
    return f"{number_text(found.number)}{found.separator}{found.symbol}" if found else None


def _summary(values: tuple) -> PlanSummary:
    (plan_id, number_value, type_code, issuer_codes, number_suffix, number_written, number_separator, plan_date,
     title, status, issuing_bodies, updated_at, version, deleted_at) = values
    number = DocumentNumber(number_value, type_code, list(json_value(issuer_codes)), number_suffix, number_written,
                            number_separator)
    return PlanSummary(id=plan_id, number=number_label(number), plan_date=optional_date(plan_date),
                       title=" ".join(title.split()), status=status,
                       issuing_body=" - ".join(b for b in json_value(issuing_bodies) if b),
                       updated_at=datetime_value(updated_at), version=version, deleted_at=optional_datetime(deleted_at))


def _found(query: str) -> tuple[str, tuple]:
    """The WHERE clause's part (and its parameter) that keeps what ``query`` finds."""
    needle = search_needle(query)
    if needle is None:
        return "", ()
    # The needle holds only letters, digits and spaces, never LIKE's % or _: nothing to escape.
    # The first pattern, starting with a letter, is a quick sieve: SQLite's LIKE jumps from one
    # occurrence of the pattern's first character to the next, and a space (the needle's first
    # character) occurs at every word. In 10,000 plans (60 MB of search text) a query takes
    # 30-95 ms with the sieve, 120-155 ms without.
    return " AND search_text LIKE ? AND search_text LIKE ?", (f"%{needle.strip()}%", f"%{needle}%")


def preload_writing() -> None:
    """Import what the first save needs (SQLAlchemy's ORM, about half a
    second), so that it can happen in the background while the clerk reads."""
    import_module(".plan_rows", __package__)


class PlanStore:
    def __init__(self, db: Database):
        self.db = db

    # ------------------------------------------------------------------ reading
    def _not_found(self, plan_id: int) -> UserError:
        return UserError(f"không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu {self.db.label}")

    def get(self, plan_id: int) -> Plan:
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {PLAN_COLUMNS}, {WRITTEN_COLUMNS} FROM plans WHERE id = ?", (plan_id,))
            values = cursor.fetchone()
            if values is None:
                raise self._not_found(plan_id)
            row, written = tuple(values[:-2]), tuple(values[-2:])
            cursor.execute("SELECT position, heading, content FROM plan_sections WHERE plan_id = ? "
                           "ORDER BY position", (plan_id,))
            sections = cursor.fetchall()
            cursor.execute("SELECT authority, body, signer_position, name FROM plan_signatures "
                           "WHERE plan_id = ? ORDER BY position", (plan_id,))
            signatures = cursor.fetchall()
            cursor.execute("SELECT position, title, content, attached FROM plan_appendices WHERE plan_id = ? "
                           "ORDER BY position", (plan_id,))
            appendices = cursor.fetchall()
        try:
            return plan_from_values(row, sections, signatures, appendices, written)
        except (DataError, ValueError) as exc:
            where, message = (exc.path, exc.message) if isinstance(exc, DataError) else ("$", str(exc))
            raise UserError(f"dữ liệu của kế hoạch mã số {plan_id} trong {self.db.label} bị hỏng "
                            f"(tại {where}: {message}); hãy khôi phục từ bản sao lưu") from None

    def version(self, plan_id: int) -> int:
        with self.db.reader() as cursor:
            cursor.execute("SELECT version FROM plans WHERE id = ?", (plan_id,))
            row = cursor.fetchone()
        if row is None:
            raise self._not_found(plan_id)
        return row[0]

    def summary(self, plan_id: int) -> PlanSummary | None:
        found = self.summaries(plan_id)
        return found[0] if found else None

    def summaries(self, plan_id: int | None = None, trashed: bool = False, query: str = "") -> list[PlanSummary]:
        """The list rows of every plan (or of one) outside the trash, newest
        plan date first; ``trashed``: those in the trash, latest deleted first;
        ``query``: only the plans it finds (see search())."""
        where = "deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"
        order = "deleted_at DESC, id DESC" if trashed else _LIST_ORDER
        params: tuple = ()
        if plan_id is not None:
            where += " AND id = ?"
            params = (plan_id,)
        found, found_params = _found(query)
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_SUMMARY_COLUMNS} FROM plans WHERE {where}{found} ORDER BY {order}",
                           params + found_params)
            rows = cursor.fetchall()
        return [_summary(values) for values in rows]

    def list_keys(self) -> list[tuple[int, date | None, str]]:
        """(id, plan date, status) of every plan outside the trash, in the
        list's order (summaries()): what the window's list needs to order,
        filter and count its rows. The other columns are read when shown
        (summaries_of()), so that the window opens about as fast on 10,000
        plans as on 1,000.

        Each of the three queries reads one index of plans (date, status,
        deleted_at: each holds the id), never the table: a plan's row holds
        its search text, about a page of the file, so reading the rows would
        read the whole file (10,000 pages, 20-120 ms, for 10,000 plans)."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT id, plan_date FROM plans ORDER BY plan_date DESC, id DESC")
            dated = cursor.fetchall()
            cursor.execute("SELECT id, status FROM plans")
            statuses = dict(cursor.fetchall())
            cursor.execute("SELECT id FROM plans WHERE deleted_at IS NOT NULL")
            trashed = {row[0] for row in cursor.fetchall()}
        # Plans without a date last: SQLite sorts NULL last in descending order, PostgreSQL first.
        # A plan added between two queries has no status yet: it is listed at the next reading.
        keys = [(plan_id, optional_date(day), statuses[plan_id]) for plan_id, day in dated
                if plan_id not in trashed and plan_id in statuses]
        return [key for key in keys if key[1] is not None] + [key for key in keys if key[1] is None]

    def summaries_of(self, ids: Sequence[int]) -> list[PlanSummary]:
        """The list rows of these plans (in the trash or not), in no particular
        order; a plan that no longer exists is left out."""
        found: list[PlanSummary] = []
        with self.db.reader() as cursor:
            for start in range(0, len(ids), _IDS_PER_QUERY):
                chunk = tuple(ids[start:start + _IDS_PER_QUERY])
                cursor.execute(f"SELECT {_SUMMARY_COLUMNS} FROM plans WHERE id IN ({', '.join('?' * len(chunk))})",
                               chunk)
                found.extend(_summary(values) for values in cursor.fetchall())
        return found

    def trash(self) -> list[PlanSummary]:
        """The plans in the trash, the latest deleted first."""
        return self.summaries(trashed=True)

    def search(self, query: str) -> list[int]:
        """Ids of the plans outside the trash that contain the query's words as
        a phrase in any of their texts (search_text()), whatever the case,
        diacritics and Unicode composition; the last word may be unfinished
        (core.text.search_needle). A query without a word finds every plan."""
        found, params = _found(query)
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT id FROM plans WHERE deleted_at IS NULL{found} ORDER BY id", params)
            return [row[0] for row in cursor.fetchall()]

    # ------------------------------------------------------------------ writing
    def add(self, plan: Plan) -> int:
        return self.add_many([plan])[0]

    def add_many(self, plans: list[Plan]) -> list[int]:
        """Several plans in one transaction (imports, benchmarks)."""
        from .plan_rows import fill_row
        from .tables import PlanRow

        now = datetime.now()
        rows = []
        with self.db.sessions.begin() as session:
            for plan in plans:
                refuse_out_of_range(plan)
                plan = normalised(plan)
                row = PlanRow(created_at=now)
                fill_row(row, plan, now, search_text(plan))
                session.add(row)
                rows.append(row)
            session.flush()
            return [row.id for row in rows]

    def update(self, plan_id: int, plan: Plan, expected_version: int | None = None) -> int:
        """Replace the stored plan; returns its new version.

        With ``expected_version`` the save is refused when somebody else
        saved the plan in between (nothing is overwritten).
        """
        from sqlalchemy.orm.exc import StaleDataError

        from .plan_rows import fill_row, load_row

        refuse_out_of_range(plan)
        plan = normalised(plan)
        try:
            with self.db.sessions.begin() as session:
                row = load_row(session, plan_id, self.db.label)
                if row.deleted_at is not None:
                    raise UserError("kế hoạch này đã bị chuyển vào thùng rác nên không lưu được; "
                                    "hãy khôi phục nó từ thùng rác trước")
                # Only issued plans can be in the register: drafts pay no query.
                if row.status == "issued" and (number := registered_number(session, plan_id)):
                    raise UserError(f"kế hoạch đã ban hành (số {number}) không sửa được; "
                                    "hãy tạo bản sao để soạn lại")
                if expected_version is not None and row.version != expected_version:
                    raise ConflictError("kế hoạch đã được sửa ở nơi khác sau khi anh/chị mở nó",
                                        found=row.version)
                fill_row(row, plan, datetime.now(), search_text(plan))
                session.flush()
                return row.version
        except StaleDataError:
            raise ConflictError("kế hoạch vừa được sửa ở nơi khác", found=None) from None

    def delete(self, plan_id: int) -> None:
        """Move the plan to the trash (restore() brings it back)."""
        from .plan_rows import load_row

        with self.db.sessions.begin() as session:
            row = load_row(session, plan_id, self.db.label)
            if row.deleted_at is not None:
                raise UserError(f"kế hoạch mã số {plan_id} đã ở trong thùng rác")
            self._refuse_registered(session, row, "chuyển vào thùng rác")
            row.deleted_at = datetime.now()

    def restore(self, plan_id: int) -> None:
        """Bring a plan back from the trash."""
        with self.db.sessions.begin() as session:
            self._trashed(session, plan_id).deleted_at = None

    def purge(self, plan_id: int) -> None:
        """Delete a plan of the trash for good, with its sections and signatures."""
        with self.db.sessions.begin() as session:
            row = self._trashed(session, plan_id)
            self._refuse_registered(session, row, "xoá hẳn")
            self._refuse_with_letters(session, row)
            session.delete(row)

    def empty_trash(self) -> int:
        """Delete every plan of the trash for good; returns how many."""
        from sqlalchemy import select

        from .tables import PlanRow

        with self.db.sessions.begin() as session:
            rows = session.execute(select(PlanRow).where(PlanRow.deleted_at.is_not(None))).scalars().all()
            for row in rows:
                self._refuse_registered(session, row, "xoá hẳn")
                self._refuse_with_letters(session, row)
                session.delete(row)
            return len(rows)

    @staticmethod
    def _refuse_registered(session: Session, row: PlanRow, what: str) -> None:
        """The register keeps every number it gave: its plans stay."""
        if row.status == "issued" and (number := registered_number(session, row.id)):
            raise UserError(f"kế hoạch mã số {row.id} đã ban hành (số {number}) và nằm trong sổ văn bản đi "
                            f"nên không {what} được")

    @staticmethod
    def _refuse_with_letters(session: Session, row: PlanRow) -> None:
        """Letters numbered in the register name their plan (ON DELETE
        RESTRICT): a plan whose letters went out stays, in the trash if need be."""
        from sqlalchemy import select

        from .tables import RegisterRow

        found = session.execute(select(RegisterRow.number, RegisterRow.symbol)
                                .where(RegisterRow.letters_for == row.id).order_by(RegisterRow.id)).first()
        if found:
            raise UserError(f"kế hoạch mã số {row.id} có thư mời đã cấp số ({number_text(found.number)}-"
                            f"{found.symbol}) trong sổ văn bản đi nên không xoá hẳn được")

    def _trashed(self, session: Session, plan_id: int) -> PlanRow:
        from .plan_rows import load_row

        row = load_row(session, plan_id, self.db.label)
        if row.deleted_at is None:
            raise UserError(f"kế hoạch mã số {plan_id} không ở trong thùng rác")
        return row

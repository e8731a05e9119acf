"""The register of outgoing documents (sổ văn bản đi).

``Register.issue`` gives a draft plan the next free number of its type code
in its numbering period (the office profile's term or year), dates it, marks
it issued, keeps the Word file exactly as issued and writes the register row,
all in one transaction. Two programs issuing at the same moment never get the
same number: the transaction takes the writers' lock before it reads the
last number (Database.locked_session: BEGIN IMMEDIATE on SQLite, a
transaction-level advisory lock on PostgreSQL), and everywhere
the unique (type code, period, number) constraint refuses a duplicate, after
which the whole transaction is tried again.

A batch of invitation letters is an outgoing document too
(``Register.issue_letters``): it takes the next number of the office's
invitation type (TM or GM), in a sequence of its own beside the plans' KH,
on a line with ``letters_for`` set to its plan and ``plan_id`` NULL (the
plan's own line, one per plan, is the plan's number). The plan may be a
draft or issued: letters often go out before the plan is issued, or after.

The store does not import the formats layer: the caller passes the renderer
of the Word file (formats.docx_export.render_docx, or the letters of
formats.invitations_docx bound to their plan, guests and office) and the
writer of the workbook (formats.register_xlsx.write_register).
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import UserError
from ..core.model import HOUSE_SEPARATOR, DocumentNumber, Plan
from ..core.numbering import number_text
from .database import Database
from .values import date_value, datetime_value, json_value

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .tables import PlanRow, RegisterRow

Renderer = Callable[[Plan], bytes]
LetterRenderer = Callable[[int, date], bytes]  # (the batch's number, its date) -> the letters' Word file
ATTEMPTS = 5  # whole transactions tried when another program took the number first
_COLUMNS = ("id, plan_id, type_code, period_start, number, issued_on, symbol, title, signer, recipients, created_at, "
            "letters_for, separator")
_ORDER = "id"  # the order of issue, as a register book is written


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the register."""

    id: int
    plan_id: int | None
    type_code: str  # "KH"
    period_start: date  # the first day of the term or year whose numbers it shares
    number: int
    issued_on: date
    symbol: str  # "KH/ĐTN"
    title: str  # trích yếu, on one line
    signer: str
    recipients: tuple[str, ...]
    created_at: datetime
    letters_for: int | None = None  # a batch of invitation letters: their plan (plan_id is then None)
    separator: str = HOUSE_SEPARATOR  # "/" for a plan that kept another office's form ("05/KH-LĐ")

    @property
    def label(self) -> str:
        """"05-KH/ĐTN"."""
        return f"{number_text(self.number)}{self.separator}{self.symbol}"

    @property
    def plan_of_line(self) -> int | None:
        """The plan the line belongs to: the plan issued, or the plan whose letters these are."""
        return self.plan_id if self.plan_id is not None else self.letters_for


@dataclass(frozen=True)
class NumberToCome:
    """The number a batch of letters would take now (``Register.as_letters``)."""

    type_code: str  # "TM"
    number: int
    symbol: str  # "TM/ĐTN"
    issued_on: date
    title: str  # "Thư mời dự Hội nghị sơ kết…"

    @property
    def label(self) -> str:
        """"03-TM/ĐTN"."""
        return f"{number_text(self.number)}-{self.symbol}"


def _entry(values: tuple) -> RegisterEntry:
    (entry_id, plan_id, type_code, period_start, number, issued_on, symbol, title, signer, recipients,
     created_at, letters_for, separator) = values
    return RegisterEntry(entry_id, plan_id, type_code, date_value(period_start), number, date_value(issued_on),
                         symbol, title, signer, tuple(json_value(recipients) or ()), datetime_value(created_at),
                         letters_for, separator)


# "Tổ chức Hội nghị…" names the event "Hội nghị…" on its letters' line.
_ORGANISE = re.compile(r"^\s*(kế hoạch\s+)?tổ chức\s+", re.IGNORECASE)


def letters_title(plan: Plan, type_code: str) -> str:
    """The register's title of a batch: "Thư mời dự Hội nghị sơ kết…"
    ("Giấy mời dự…" for GM)."""
    from ..core.office import INVITATION_TYPES

    kind = INVITATION_TYPES.get(type_code, "THƯ MỜI").capitalize()
    event = _ORGANISE.sub("", plan.title_one_line).strip()
    return f"{kind} dự {event}" if event else kind


def _entry_of_row(row: RegisterRow) -> RegisterEntry:
    return _entry(tuple(getattr(row, name.strip()) for name in _COLUMNS.split(",")))


class Register:
    def __init__(self, db: Database):
        self.db = db

    # ------------------------------------------------------------------ issuing
    def as_issued(self, plan_id: int, issued_on: date | None = None) -> Plan:
        """The plan as ``issue`` would make it now: the next number of its
        type in the period, the date, status issued, the office's issuer code
        when it has none. Nothing is taken or written: the checks before
        issuing read this copy, so that a mistake that appears only with the
        new number and date is seen before the number is used. Another program
        may take that number meanwhile; ``issue(expected_number=...)`` then
        refuses rather than give a number the clerk has not checked.

        Raises UserError as ``issue`` does."""
        with self.db.sessions() as session:  # read only: closed without a commit
            _row, plan, _period_start = self._stamped(session, plan_id, issued_on or date.today())
            return plan

    def issue(self, plan_id: int, issued_on: date | None = None, *, render: Renderer,
              expected_number: int | None = None) -> RegisterEntry:
        """Give the draft plan its number and record it; ``issued_on`` is the
        plan's date (today by default), ``render`` makes the Word file of the
        issued plan (its bytes are kept in the register). With
        ``expected_number`` (the number ``as_issued`` showed), another number
        is refused: someone issued in between.

        Raises UserError (nothing changed) for an unknown, trashed or already
        issued plan, an office profile that cannot number yet, a number that
        is no longer the expected one, or a database that stays busy."""
        from sqlalchemy.exc import IntegrityError
        from sqlalchemy.orm.exc import StaleDataError

        day = issued_on or date.today()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.db.locked_session() as session:
                    row = self._issue(session, plan_id, day, render, expected_number)
                return _entry_of_row(row)
            except (IntegrityError, StaleDataError):
                # Another program took the number (or changed the plan) first.
                if attempt == ATTEMPTS:
                    raise UserError(f"không cấp được số cho kế hoạch mã số {plan_id} sau {ATTEMPTS} lần thử vì "
                                    "nhiều người cùng cấp số một lúc; hãy thử lại") from None
            time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def _stamped(self, session: Session, plan_id: int, day: date) -> tuple[PlanRow, Plan, date]:
        """The plan's row, the plan stamped as issued on ``day`` with the next
        number, and the period it is numbered in: what issuing does, without
        writing (one way for ``as_issued`` and ``issue``)."""
        from .office import office_in_session
        from .plan_rows import load_row
        from .plans import plan_from_row, registered_number

        row = load_row(session, plan_id, self.db.label)
        if row.deleted_at is not None:
            raise UserError(f"kế hoạch mã số {plan_id} đang ở trong thùng rác nên không ban hành được; "
                            "hãy khôi phục nó trước")
        if row.status != "draft":
            registered = registered_number(session, plan_id)
            if registered:
                raise UserError(f"kế hoạch mã số {plan_id} đã ban hành (số {registered}); mỗi văn bản chỉ được cấp "
                                "số một lần — muốn ban hành lại hãy tạo bản sao")
            raise UserError(f"kế hoạch mã số {plan_id} đã ở trạng thái “đã ban hành” (văn bản nhập từ tệp có sẵn) "
                            "nên không cấp số mới; chỉ kế hoạch dự thảo mới được cấp số")
        plan = plan_from_row(row)
        office = office_in_session(session)
        period_start, period_end = office.numbering_period(day)
        type_code = plan.number.type_code.strip().upper()
        if not type_code:
            raise UserError(f"kế hoạch mã số {plan_id} chưa có mã loại văn bản (ví dụ KH) nên chưa cấp số được")
        plan.status = "issued"
        plan.plan_date = day
        plan.number.value = self._next_number(session, type_code, period_start, period_end)
        plan.number.type_code = type_code
        if not any(code.strip() for code in plan.number.issuer_codes):
            plan.number.issuer_codes = [office.issuer_code]
        return row, plan, period_start

    def _issue(self, session: Session, plan_id: int, day: date, render: Renderer,
               expected_number: int | None) -> RegisterRow:
        from .plan_rows import fill_row
        from .plans import search_text
        from .tables import RegisterRow

        row, plan, period_start = self._stamped(session, plan_id, day)
        number = plan.number.value
        assert number is not None
        if expected_number is not None and number != expected_number:
            raise UserError(f"số {number_text(expected_number)} vừa được cấp cho văn bản khác; số tiếp theo bây giờ là "
                            f"{number_text(number)} — hãy bấm Ban hành lại để kiểm tra với số mới")
        docx = render(plan)
        now = datetime.now()
        fill_row(row, plan, now, search_text(plan))
        entry = RegisterRow(plan_id=plan_id, type_code=plan.number.type_code, period_start=period_start,
                            number=number, issued_on=day, symbol=plan.number.symbol,
                            separator=plan.number.between, title=plan.title_one_line,
                            signer=", ".join(s.name.strip() for s in plan.signatures if s.name.strip()),
                            recipients=[r.strip() for r in plan.recipients if r.strip()], docx=docx, created_at=now)
        session.add(entry)
        session.flush()
        return entry

    def _next_number(self, session: Session, type_code: str, period_start: date, period_end: date | None) -> int:
        """The last number of the type given in the period, plus one (1 for
        the first). The period is read from the lines' dates, not from the
        start they were recorded with: when the office moves ``term_start``
        (a date typed wrong, corrected), the lines already issued on or after
        the new start are of this term all the same, and their numbers are
        not given again."""
        from sqlalchemy import func, select

        from .tables import RegisterRow

        where = [RegisterRow.type_code == type_code, RegisterRow.issued_on >= period_start]
        if period_end is not None:
            where.append(RegisterRow.issued_on <= period_end)
        last = session.execute(select(func.max(RegisterRow.number)).where(*where)).scalar()
        return (last or 0) + 1

    # ------------------------------------------------------------ letters
    def as_letters(self, plan_id: int, issued_on: date | None = None) -> NumberToCome:
        """The number, symbol and title a batch of letters of the plan would
        take now; nothing is taken (the question before "Cấp số và in").
        Raises UserError as ``issue_letters`` does."""
        with self.db.sessions() as session:  # read only: closed without a commit
            return self._letters_to_come(session, plan_id, issued_on or date.today())[0]

    def issue_letters(self, plan_id: int, *, render: LetterRenderer, issued_on: date | None = None,
                      expected_number: int | None = None,
                      addressees: Callable[[bytes], Sequence[str]] | None = None) -> RegisterEntry:
        """Number and date a batch of invitation letters of the plan and
        record it, in one locked transaction as ``issue`` does: the next
        number of the office's invitation type (TM/GM) in the period,
        ``render(number, day)`` makes the letters (their bytes are kept),
        ``addressees(docx)`` reads whom they are addressed to (the line's
        recipients). The plan itself is not changed. With
        ``expected_number`` (the number ``as_letters`` showed), another number
        is refused.

        Raises UserError (nothing taken) for an unknown or trashed plan, an
        office profile that cannot number yet, a number that is no longer the
        expected one, a renderer's UserError, or a database that stays busy."""
        from sqlalchemy.exc import IntegrityError

        day = issued_on or date.today()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.db.locked_session() as session:
                    row = self._issue_letters(session, plan_id, day, render, expected_number, addressees)
                return _entry_of_row(row)
            except IntegrityError:
                # Another program took the number first.
                if attempt == ATTEMPTS:
                    raise UserError(f"không cấp được số cho thư mời của kế hoạch mã số {plan_id} sau {ATTEMPTS} "
                                    "lần thử vì nhiều người cùng cấp số một lúc; hãy thử lại") from None
            time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def letters(self, plan_id: int) -> list[RegisterEntry]:
        """The batches of letters issued for the plan, in the order of issue."""
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_COLUMNS} FROM register WHERE letters_for = ? ORDER BY {_ORDER}", (plan_id,))
            return [_entry(values) for values in cursor.fetchall()]

    def _letters_to_come(self, session: Session, plan_id: int, day: date) -> tuple[NumberToCome, Plan, date]:
        """What a batch of the plan's letters dated ``day`` would be (number,
        symbol, title), the plan, and the period it is numbered in."""
        from .office import office_in_session
        from .plan_rows import load_row
        from .plans import plan_from_row

        row = load_row(session, plan_id, self.db.label)
        if row.deleted_at is not None:
            raise UserError(f"kế hoạch mã số {plan_id} đang ở trong thùng rác nên không cấp số thư mời được; "
                            "hãy khôi phục nó trước")
        plan = plan_from_row(row)
        office = office_in_session(session)
        period_start, period_end = office.numbering_period(day)
        type_code = office.invitation_code
        codes = [code.strip() for code in plan.number.issuer_codes if code.strip()] or [office.issuer_code]
        symbol = DocumentNumber(None, type_code, codes, plan.number.suffix.strip()).symbol
        number = self._next_number(session, type_code, period_start, period_end)
        return NumberToCome(type_code, number, symbol, day, letters_title(plan, type_code)), plan, period_start

    def _issue_letters(self, session: Session, plan_id: int, day: date, render: LetterRenderer,
                       expected_number: int | None,
                       addressees: Callable[[bytes], Sequence[str]] | None) -> RegisterRow:
        from .tables import RegisterRow

        to_come, plan, period_start = self._letters_to_come(session, plan_id, day)
        if expected_number is not None and to_come.number != expected_number:
            raise UserError(f"số {number_text(expected_number)}-{to_come.symbol} vừa được cấp cho văn bản khác; số "
                            f"tiếp theo bây giờ là {to_come.label} — hãy bấm “Cấp số và in” lại")
        docx = render(to_come.number, day)
        recipients = [" ".join(text.split()) for text in (addressees(docx) if addressees else ())]
        entry = RegisterRow(plan_id=None, letters_for=plan_id, type_code=to_come.type_code,
                            period_start=period_start, number=to_come.number, issued_on=day,
                            symbol=to_come.symbol, title=to_come.title,
                            signer=", ".join(s.name.strip() for s in plan.signatures if s.name.strip()),
                            recipients=[text for text in recipients if text], docx=docx,
                            created_at=datetime.now())
        session.add(entry)
        session.flush()
        return entry

    def version(self) -> tuple[int, int, int]:
        """What changes whenever a line is added or changed (the number of
        lines, the last line's id, the sum of the lines' versions): the
        register dialog compares it with what it showed."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(version), 0) FROM register")
            count, last, versions = cursor.fetchone()
        return int(count), int(last), int(versions)

    # ------------------------------------------------------------------ reading
    def entries(self, period: date | None = None) -> list[RegisterEntry]:
        """Every line of the register, or those of the period starting on
        ``period`` (a term's first day, or 1 January), in the order they were issued."""
        where, params = ("WHERE period_start = ?", (period.isoformat(),)) if period else ("", ())
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_COLUMNS} FROM register {where} ORDER BY {_ORDER}", params)
            return [_entry(values) for values in cursor.fetchall()]

    def entry(self, entry_id: int) -> RegisterEntry:
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_COLUMNS} FROM register WHERE id = ?", (entry_id,))
            values = cursor.fetchone()
        if values is None:
            raise self._not_found(entry_id)
        return _entry(values)

    def entry_for_plan(self, plan_id: int) -> RegisterEntry | None:
        """The register line of a plan, None when the register did not issue it."""
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_COLUMNS} FROM register WHERE plan_id = ?", (plan_id,))
            values = cursor.fetchone()
        return None if values is None else _entry(values)

    def issued_docx(self, plan_id: int) -> bytes | None:
        """The Word file a plan was issued with, None for a plan not issued
        through the register."""
        entry = self.entry_for_plan(plan_id)
        return None if entry is None else self.docx(entry.id)

    def docx(self, entry_id: int) -> bytes:
        """The Word file exactly as it was issued."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT docx FROM register WHERE id = ?", (entry_id,))
            values = cursor.fetchone()
        if values is None:
            raise self._not_found(entry_id)
        return bytes(values[0])

    def export_xlsx(self, path: Path, *, write: Callable[..., None], overwrite: bool = False) -> int:
        """Write the whole register with ``write(entries, path, overwrite=...)``
        (formats.register_xlsx.write_register); returns how many lines."""
        entries = self.entries()
        write(entries, Path(path), overwrite=overwrite)
        return len(entries)

    def _not_found(self, entry_id: int) -> UserError:
        return UserError(f"sổ văn bản đi trong {self.db.label} không có dòng mã số {entry_id}")

"""Saving and loading plans: rows <-> core model, one transaction per plan."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from ..core.codec import DataError, from_data, plan_from_data, plan_to_data, to_data
from ..core.content import Content
from ..core.errors import UserError
from ..core.model import DocumentNumber, Plan, PlanStyle, Section, Signature
from ..core.numbering import number_text
from ..core.text import fold
from .database import Database
from .tables import PlanRow, SectionRow, SignatureRow


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
    """A copy of the plan with every string in NFC."""
    return plan_from_data(plan_to_data(plan))


def search_text(plan: Plan) -> str:
    """Folded text the plan list searches in (number, title, bodies, place)."""
    parts = [number_label(plan.number.value, plan.number), plan.title, plan.document_type,
             plan.superior_body, " ".join(plan.issuing_bodies), plan.place,
             plan.plan_date.strftime("%d/%m/%Y") if plan.plan_date else ""]
    return fold(" ".join(parts))


def number_label(value: int | None, number: DocumentNumber) -> str:
    return f"{number_text(value)}-{number.symbol}" if value is not None else ""


def _fill_row(row: PlanRow, plan: Plan, now: datetime) -> None:
    row.profile = plan.profile
    row.status = plan.status
    row.superior_body = plan.superior_body
    row.issuing_bodies = list(plan.issuing_bodies)
    row.organisation_title = plan.organisation_title
    row.number_value = plan.number.value
    row.type_code = plan.number.type_code
    row.issuer_codes = list(plan.number.issuer_codes)
    row.number_suffix = plan.number.suffix
    row.place = plan.place
    row.plan_date = plan.plan_date
    row.document_type = plan.document_type
    row.title = plan.title
    row.preamble = list(plan.preamble)
    row.closing = plan.closing
    row.recipients = list(plan.recipients)
    row.style = to_data(plan.style)
    row.show_draft_mark = plan.show_draft_mark
    row.note = plan.note
    row.search_text = search_text(plan)
    row.updated_at = now
    # Child rows are updated in place by position, so the (plan, position)
    # uniqueness holds at every step of the flush.
    for i, section in enumerate(plan.sections):
        if i == len(row.sections):
            row.sections.append(SectionRow(position=i))
        target = row.sections[i]
        target.heading = section.heading
        target.kind = section.content.kind
        target.content = to_data(section.content)
    del row.sections[len(plan.sections):]
    for i, sig in enumerate(plan.signatures):
        if i == len(row.signatures):
            row.signatures.append(SignatureRow(position=i))
        target = row.signatures[i]
        target.authority, target.body = sig.authority, sig.body
        target.signer_position, target.name = sig.position, sig.name
    del row.signatures[len(plan.signatures):]


def _plan_from_row(row: PlanRow) -> Plan:
    return Plan(
        profile=row.profile,
        status=row.status,  # type: ignore[arg-type]
        superior_body=row.superior_body,
        issuing_bodies=list(row.issuing_bodies),
        organisation_title=row.organisation_title,
        number=DocumentNumber(row.number_value, row.type_code, list(row.issuer_codes), row.number_suffix),
        place=row.place,
        plan_date=row.plan_date,
        document_type=row.document_type,
        title=row.title,
        preamble=list(row.preamble),
        sections=[Section(s.heading, from_data(Content, s.content, f"$.sections[{s.position}].content"))
                  for s in row.sections],
        closing=row.closing,
        recipients=list(row.recipients),
        signatures=[Signature(s.authority, s.body, s.signer_position, s.name) for s in row.signatures],
        style=from_data(PlanStyle, row.style, "$.style"),
        show_draft_mark=row.show_draft_mark,
        note=row.note,
    )


class PlanStore:
    def __init__(self, db: Database):
        self.db = db

    def _load(self, session: Session, plan_id: int) -> PlanRow:
        row = session.execute(
            select(PlanRow).where(PlanRow.id == plan_id)
            .options(selectinload(PlanRow.sections), selectinload(PlanRow.signatures))
        ).scalar_one_or_none()
        if row is None:
            raise UserError(f"không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu {self.db.label}")
        return row

    def add(self, plan: Plan) -> int:
        plan = normalised(plan)
        now = datetime.now()
        with self.db.sessions.begin() as session:
            row = PlanRow(created_at=now)
            _fill_row(row, plan, now)
            session.add(row)
            session.flush()
            return row.id

    def add_many(self, plans: list[Plan]) -> list[int]:
        """Several plans in one transaction (imports, benchmarks)."""
        now = datetime.now()
        rows = []
        with self.db.sessions.begin() as session:
            for plan in plans:
                row = PlanRow(created_at=now)
                _fill_row(row, normalised(plan), now)
                session.add(row)
                rows.append(row)
            session.flush()
            return [row.id for row in rows]

    def get(self, plan_id: int) -> Plan:
        with self.db.sessions() as session:
            row = self._load(session, plan_id)
            try:
                return _plan_from_row(row)
            except DataError as exc:
                raise UserError(f"dữ liệu của kế hoạch mã số {plan_id} trong {self.db.label} bị hỏng "
                                f"(tại {exc.path}: {exc.message}); hãy khôi phục từ bản sao lưu") from None

    def version(self, plan_id: int) -> int:
        with self.db.sessions() as session:
            return self._load(session, plan_id).version

    def update(self, plan_id: int, plan: Plan, expected_version: int | None = None) -> int:
        """Replace the stored plan; returns its new version.

        With ``expected_version`` the save is refused when somebody else
        saved the plan in between (nothing is overwritten).
        """
        plan = normalised(plan)
        try:
            with self.db.sessions.begin() as session:
                row = self._load(session, plan_id)
                if row.deleted_at is not None:
                    raise UserError("kế hoạch này đã bị chuyển vào thùng rác nên không lưu được; "
                                    "hãy khôi phục nó từ thùng rác trước")
                if expected_version is not None and row.version != expected_version:
                    raise UserError("kế hoạch đã được sửa ở nơi khác sau khi anh/chị mở nó; "
                                    "hãy tải lại hoặc lưu thành bản sao")
                _fill_row(row, plan, datetime.now())
                session.flush()
                return row.version
        except StaleDataError:
            raise UserError("kế hoạch vừa được sửa ở nơi khác; hãy tải lại hoặc lưu thành bản sao") from None

    def delete(self, plan_id: int) -> None:
        """Move the plan to the trash (restore() brings it back)."""
        with self.db.sessions.begin() as session:
            row = self._load(session, plan_id)
            if row.deleted_at is not None:
                raise UserError(f"kế hoạch mã số {plan_id} đã ở trong thùng rác")
            row.deleted_at = datetime.now()

    def restore(self, plan_id: int) -> None:
        """Bring a plan back from the trash."""
        with self.db.sessions.begin() as session:
            self._trashed(session, plan_id).deleted_at = None

    def purge(self, plan_id: int) -> None:
        """Delete a plan of the trash for good, with its sections and signatures."""
        with self.db.sessions.begin() as session:
            session.delete(self._trashed(session, plan_id))

    def empty_trash(self) -> int:
        """Delete every plan of the trash for good; returns how many."""
        with self.db.sessions.begin() as session:
            rows = session.execute(select(PlanRow).where(PlanRow.deleted_at.is_not(None))).scalars().all()
            for row in rows:
                session.delete(row)
            return len(rows)

    def trash(self) -> list[PlanSummary]:
        """The plans in the trash, the latest deleted first."""
        return self.summaries(trashed=True)

    def _trashed(self, session: Session, plan_id: int) -> PlanRow:
        row = self._load(session, plan_id)
        if row.deleted_at is None:
            raise UserError(f"kế hoạch mã số {plan_id} không ở trong thùng rác")
        return row

    def summary(self, plan_id: int) -> PlanSummary | None:
        found = self.summaries(plan_id)
        return found[0] if found else None

    def summaries(self, plan_id: int | None = None, trashed: bool = False) -> list[PlanSummary]:
        """The list rows of every plan (or of one) outside the trash, newest
        plan date first; ``trashed``: those in the trash, latest deleted first."""
        stmt = select(PlanRow.id, PlanRow.number_value, PlanRow.type_code, PlanRow.issuer_codes,
                      PlanRow.number_suffix, PlanRow.plan_date, PlanRow.title, PlanRow.status,
                      PlanRow.issuing_bodies, PlanRow.updated_at, PlanRow.version, PlanRow.deleted_at)
        if trashed:
            stmt = stmt.where(PlanRow.deleted_at.is_not(None)).order_by(PlanRow.deleted_at.desc(),
                                                                        PlanRow.id.desc())
        else:
            stmt = stmt.where(PlanRow.deleted_at.is_(None)).order_by(PlanRow.plan_date.desc(), PlanRow.id.desc())
        if plan_id is not None:
            stmt = stmt.where(PlanRow.id == plan_id)
        with self.db.sessions() as session:
            rows = session.execute(stmt).all()
        out = []
        for r in rows:
            number = DocumentNumber(r.number_value, r.type_code, list(r.issuer_codes), r.number_suffix)
            out.append(PlanSummary(
                id=r.id, number=number_label(r.number_value, number), plan_date=r.plan_date,
                title=" ".join(r.title.split()), status=r.status,
                issuing_body=" - ".join(b for b in r.issuing_bodies if b), updated_at=r.updated_at,
                version=r.version, deleted_at=r.deleted_at))
        return out

    def search(self, query: str) -> list[int]:
        """Ids of plans whose number, title, bodies or place contain every
        word of the query, ignoring case and diacritics."""
        words = fold(query).split()
        stmt = select(PlanRow.id).where(PlanRow.deleted_at.is_(None))
        for word in words:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(PlanRow.search_text.like(f"%{escaped}%", escape="\\"))
        with self.db.sessions() as session:
            return list(session.execute(stmt.order_by(PlanRow.id)).scalars())

"""Writing plans with the ORM: filling rows from the model, loading rows to
change. Imported on the first write only (SQLAlchemy is not needed to read)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..core.codec import to_data
from ..core.errors import UserError
from ..core.model import Plan
from .dated_rows import item_values
from .tables import AppendixRow, DatedItemRow, PlanRow, SectionRow, SignatureRow


def load_row(session: Session, plan_id: int, label: str) -> PlanRow:
    row = session.execute(
        select(PlanRow).where(PlanRow.id == plan_id)
        .options(selectinload(PlanRow.sections), selectinload(PlanRow.signatures),
                 selectinload(PlanRow.appendices), selectinload(PlanRow.dated_items))
    ).scalar_one_or_none()
    if row is None:
        raise UserError(f"không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu {label}")
    return row


def fill_row(row: PlanRow, plan: Plan, now: datetime, search_text: str) -> None:
    row.profile = plan.profile
    row.status = plan.status
    row.superior_body = plan.superior_body
    row.issuing_bodies = list(plan.issuing_bodies)
    row.organisation_title = plan.organisation_title
    row.number_value = plan.number.value
    row.type_code = plan.number.type_code
    row.issuer_codes = list(plan.number.issuer_codes)
    row.number_suffix = plan.number.suffix
    row.number_written = plan.number.written
    row.number_separator = plan.number.separator
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
    row.search_text = search_text
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
        signature_row = row.signatures[i]
        signature_row.authority, signature_row.body = sig.authority, sig.body
        signature_row.signer_position, signature_row.name = sig.position, sig.name
    del row.signatures[len(plan.signatures):]
    for i, appendix in enumerate(plan.appendices):
        if i == len(row.appendices):
            row.appendices.append(AppendixRow(position=i))
        appendix_row = row.appendices[i]
        appendix_row.title = appendix.title
        appendix_row.kind = appendix.content.kind
        appendix_row.content = to_data(appendix.content)
        appendix_row.attached = appendix.attached
    del row.appendices[len(plan.appendices):]
    # The plan's dated items, for the calendar: in place by position too. The version is the one this
    # save gives the plan: the ORM adds one to a stored row's (tables.PlanRow's version_id_col).
    version = 1 if row.version is None else row.version + 1
    items = item_values(plan)
    for values in items:
        if values["position"] == len(row.dated_items):
            row.dated_items.append(DatedItemRow(position=values["position"]))
        item_row = row.dated_items[values["position"]]
        for name, value in values.items():
            setattr(item_row, name, value)
        item_row.plan_version = version
    del row.dated_items[len(items):]

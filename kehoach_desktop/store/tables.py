"""The database tables.

A plan's header fields are columns (listed, sorted, searched and, later,
numbered by the register); each section is a row whose structured content is
kept as JSON in the plan file format, because it is a tree that is always
read and written whole together with its plan.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import (
    false as sa_false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class PlanRow(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile: Mapped[str] = mapped_column(String(20), default="doan")
    status: Mapped[str] = mapped_column(String(10), default="draft", index=True)
    superior_body: Mapped[str] = mapped_column(Text, default="")
    issuing_bodies: Mapped[list] = mapped_column(JSON, default=list)
    organisation_title: Mapped[str] = mapped_column(Text, default="")
    number_value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    type_code: Mapped[str] = mapped_column(String(20), default="KH")
    issuer_codes: Mapped[list] = mapped_column(JSON, default=list)
    number_suffix: Mapped[str] = mapped_column(String(40), default="")
    # Another office's form of the number (DocumentNumber.written, .separator);
    # both empty for our own form. Since migration 0010.
    number_written: Mapped[str] = mapped_column(Text, default="", server_default="")
    number_separator: Mapped[str] = mapped_column(String(20), default="", server_default="")
    place: Mapped[str] = mapped_column(Text, default="")
    plan_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    document_type: Mapped[str] = mapped_column(Text, default="KẾ HOẠCH")
    title: Mapped[str] = mapped_column(Text, default="")
    preamble: Mapped[list] = mapped_column(JSON, default=list)
    closing: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    style: Mapped[dict] = mapped_column(JSON, default=dict)
    show_draft_mark: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded, for diacritic-free search
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)  # in the trash since

    sections: Mapped[list[SectionRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="SectionRow.position")
    signatures: Mapped[list[SignatureRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="SignatureRow.position")
    appendices: Mapped[list[AppendixRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="AppendixRow.position")
    # Kept by every save (plan_rows.fill_row); a purge leaves them to the database's cascade.
    dated_items: Mapped[list[DatedItemRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="DatedItemRow.position", passive_deletes=True)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (CheckConstraint("status IN ('draft', 'issued')", name="ck_plans_status"),)


class SectionRow(Base):
    __tablename__ = "plan_sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    content: Mapped[dict] = mapped_column(JSON)

    plan: Mapped[PlanRow] = relationship(back_populates="sections")
    __table_args__ = (UniqueConstraint("plan_id", "position", name="uq_plan_sections_position"),)


class AppendixRow(Base):
    """A "PHỤ LỤC" of a plan, in order: its title and its content (JSON, as a section's)."""

    __tablename__ = "plan_appendices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    content: Mapped[dict] = mapped_column(JSON)
    attached: Mapped[str] = mapped_column(Text, default="")  # "(Kèm theo …)" as typed; "": generated

    plan: Mapped[PlanRow] = relationship(back_populates="appendices")
    __table_args__ = (UniqueConstraint("plan_id", "position", name="uq_plan_appendices_position"),)


class SignatureRow(Base):
    __tablename__ = "plan_signatures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    authority: Mapped[str] = mapped_column(String(10), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    signer_position: Mapped[str] = mapped_column(Text, default="")
    name: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[PlanRow] = relationship(back_populates="signatures")
    __table_args__ = (UniqueConstraint("plan_id", "position", name="uq_plan_signatures_position"),)


class AttendeeRow(Base):
    """One person or unit on a plan's invitation list, in list order (seq)."""

    __tablename__ = "plan_attendees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, default="")
    job_title: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(Text, default="")
    group_name: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    invited_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reply: Mapped[str] = mapped_column(String(10), default="pending")
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    honorific: Mapped[str] = mapped_column(String(10), default="", server_default="")
    head_count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    whole_unit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    code: Mapped[str] = mapped_column(String(12), default="", server_default="")
    attended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (UniqueConstraint("plan_id", "seq", name="uq_plan_attendees_seq"),
                      CheckConstraint("reply IN ('pending', 'attending', 'absent', 'delegate')",
                                      name="ck_plan_attendees_reply"))


class AttendeeListRow(Base):
    """The version of a plan's invitation list (store/versions.py): raised by
    one with each save of the list; no row yet is version 0 (never saved).
    Kept apart from ``plans.version`` so that saving the list and saving the
    plan's text never refuse each other."""

    __tablename__ = "plan_attendee_lists"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class ContactRow(Base):
    """A person (or unit) of the address book, kept across plans."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity: Mapped[str] = mapped_column(Text, unique=True)  # case-folded "name|unit"
    name: Mapped[str] = mapped_column(Text, default="")
    job_title: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")


class SettingRow(Base):
    """One setting of this database, as JSON (the office profile is "office")."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")


class RegisterRow(Base):
    """One issued document of the register of outgoing documents (sổ văn bản đi)."""

    __tablename__ = "register"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # RESTRICT: a plan the register has given a number can never be deleted.
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), nullable=True)
    type_code: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)  # first day of the term or year whose numbers it shares
    number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    symbol: Mapped[str] = mapped_column(Text)  # "KH/ĐTN"
    # Between the number and the symbol: "-", or another form the plan kept ("/" in "98/KH-UBND").
    separator: Mapped[str] = mapped_column(String(20), default="-", server_default="-")
    title: Mapped[str] = mapped_column(Text, default="")
    signer: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    docx: Mapped[bytes] = mapped_column(LargeBinary)  # the Word file exactly as issued
    # A batch of invitation letters of a plan (plan_id stays NULL: that is
    # the plan's own line, one per plan); NULL on the line of a plan.
    letters_for: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), nullable=True,
                                                    index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # A line is never rewritten today; a correction of one must raise this.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    __table_args__ = (UniqueConstraint("type_code", "period_start", "number", name="uq_register_number"),
                      UniqueConstraint("plan_id", name="uq_register_plan"),
                      CheckConstraint("number > 0", name="ck_register_number"))


class DoneItemRow(Base):
    """A dated item of a plan marked done (store/done_items.py): a task's
    deadline or a timeline step, named by its field path (core.dated_items).
    A row of its own, so that marking an issued plan's item never changes the
    plan (its version, its Word file as issued). Since migration 0011."""

    __tablename__ = "done_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(Text)  # "sections[3].content.units[0].tasks[5].deadline_date"
    item_day: Mapped[date] = mapped_column(Date)  # the item's date when marked: moved, the mark no longer counts
    done_on: Mapped[date] = mapped_column(Date)
    marked_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("plan_id", "field", name="uq_done_items_field"),)


class DatedItemRow(Base):
    """A dated item of a plan (core.dated_items.dated_items of the whole
    plan), written with the plan's sections in the same transaction
    (plan_rows.fill_row), so that the office's calendar reads a month with
    one indexed query (store/calendar_items.py) instead of decoding every
    plan. Since migration 0012, which computed the rows of the plans then
    stored."""

    __tablename__ = "plan_dated_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # its place in dated_items(plan): the order of the plan
    day: Mapped[date] = mapped_column(Date)  # a month's item: the month's first day (DatedItem.day)
    end_day: Mapped[date | None] = mapped_column(Date, nullable=True)  # DatedItem.end
    last_day: Mapped[date] = mapped_column(Date)  # DatedItem.last_day: end_day, else day
    kind: Mapped[str] = mapped_column(String(10))
    field: Mapped[str] = mapped_column(Text)
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    month_only: Mapped[bool] = mapped_column(Boolean)
    what: Mapped[str] = mapped_column(Text)
    venue: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(Text)
    plan_version: Mapped[int] = mapped_column(Integer)  # the plan's version the row was computed from

    plan: Mapped[PlanRow] = relationship(back_populates="dated_items")
    __table_args__ = (UniqueConstraint("plan_id", "position", name="uq_plan_dated_items_position"),
                      Index("ix_plan_dated_items_days", "day", "last_day"))

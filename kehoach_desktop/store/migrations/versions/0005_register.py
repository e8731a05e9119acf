"""The office profile (settings) and the register of outgoing documents (sổ văn bản đi).

A register row is the record of one issued document: its number in the
sequence of its type code and numbering period (unique, so two programs can
never give the same number), and the exact Word file as issued. A plan with
a register row cannot be deleted (ON DELETE RESTRICT): the register keeps
every number it gave.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    op.create_table(
        "register",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("type_code", sa.String(20), nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("symbol", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("signer", sa.Text, nullable=False),
        sa.Column("recipients", sa.JSON, nullable=False),
        sa.Column("docx", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("type_code", "period_start", "number", name="uq_register_number"),
        sa.UniqueConstraint("plan_id", name="uq_register_plan"),
        sa.CheckConstraint("number > 0", name="ck_register_number"),
    )
    op.create_index("ix_register_issued_on", "register", ["issued_on"])


def downgrade() -> None:
    op.drop_index("ix_register_issued_on", "register")
    op.drop_table("register")
    op.drop_table("settings")

"""Invitees as structured data and letters in the register: each row of a
plan's invitation list gets its honorific, the number of people it stands
for, whether a unit is invited as a whole, its check-in code and the time it
was marked present; a register line can be a batch of invitation letters of
a plan (letters_for), numbered in its own type (TM or GM).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_attendees") as batch:  # SQLite: ALTER TABLE ADD COLUMN, no copy of the table
        batch.add_column(sa.Column("honorific", sa.String(10), nullable=False, server_default=""))
        batch.add_column(sa.Column("head_count", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("whole_unit", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("code", sa.String(12), nullable=False, server_default=""))
        batch.add_column(sa.Column("attended_at", sa.DateTime, nullable=True))
    with op.batch_alter_table("register") as batch:
        batch.add_column(sa.Column("letters_for", sa.Integer, sa.ForeignKey(
            "plans.id", ondelete="RESTRICT", name="fk_register_letters_for"), nullable=True))
    op.create_index("ix_register_letters_for", "register", ["letters_for"])


def downgrade() -> None:
    op.drop_index("ix_register_letters_for", "register")
    with op.batch_alter_table("register") as batch:
        batch.drop_column("letters_for")
    with op.batch_alter_table("plan_attendees") as batch:
        for column in ("attended_at", "code", "whole_unit", "head_count", "honorific"):
            batch.drop_column(column)

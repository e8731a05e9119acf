"""Every stored thing has a version (optimistic locking, store/versions.py):
a plan's invitation list (plan_attendee_lists, one row per plan whose list
was saved; none is version 0), each contact, each setting (the office
profile) and each register line. Existing rows start at version 1.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

VERSIONED = ("contacts", "settings", "register")


def upgrade() -> None:
    op.create_table(
        "plan_attendee_lists",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:  # SQLite: ALTER TABLE ADD COLUMN, no copy of the table
            batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
    op.drop_table("plan_attendee_lists")

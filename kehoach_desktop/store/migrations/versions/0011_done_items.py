"""Dated items marked done: a task's deadline or a timeline step of a plan
(core.dated_items), named by its field path in the plan, with the item's
date when it was marked (a mark no longer counts once that date changes),
the day it was done and when it was marked. Kept apart from the plan's own
rows, so that marking an issued plan's deadline done never changes the plan.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "done_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("item_day", sa.Date, nullable=False),
        sa.Column("done_on", sa.Date, nullable=False),
        sa.Column("marked_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("plan_id", "field", name="uq_done_items_field"),
    )


def downgrade() -> None:
    op.drop_table("done_items")

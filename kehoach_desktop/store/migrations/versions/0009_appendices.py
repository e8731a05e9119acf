"""Appendices: a plan's "PHỤ LỤC" after the signature, each with its title,
content of any kind (JSON, as a section's) and its "(Kèm theo …)" line when
typed, in order.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_appendices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("attached", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("plan_id", "position", name="uq_plan_appendices_position"),
    )
    op.create_index("ix_plan_appendices_plan_id", "plan_appendices", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_plan_appendices_plan_id", "plan_appendices")
    op.drop_table("plan_appendices")

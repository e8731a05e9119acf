"""The people and units invited to a plan's event.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_attendees",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("job_title", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("group_name", sa.Text, nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("invited_on", sa.Date, nullable=True),
        sa.Column("reply", sa.String(10), nullable=False),
        sa.Column("attended", sa.Boolean, nullable=False),
        sa.UniqueConstraint("plan_id", "seq", name="uq_plan_attendees_seq"),
        sa.CheckConstraint("reply IN ('pending', 'attending', 'absent', 'delegate')", name="ck_plan_attendees_reply"),
    )
    op.create_index("ix_plan_attendees_plan_id", "plan_attendees", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_plan_attendees_plan_id", "plan_attendees")
    op.drop_table("plan_attendees")

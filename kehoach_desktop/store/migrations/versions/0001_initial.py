"""Plans, their sections and signature blocks.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("profile", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("superior_body", sa.Text, nullable=False),
        sa.Column("issuing_bodies", sa.JSON, nullable=False),
        sa.Column("organisation_title", sa.Text, nullable=False),
        sa.Column("number_value", sa.Integer, nullable=True),
        sa.Column("type_code", sa.String(20), nullable=False),
        sa.Column("issuer_codes", sa.JSON, nullable=False),
        sa.Column("number_suffix", sa.String(40), nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("plan_date", sa.Date, nullable=True),
        sa.Column("document_type", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("preamble", sa.JSON, nullable=False),
        sa.Column("closing", sa.Text, nullable=False),
        sa.Column("recipients", sa.JSON, nullable=False),
        sa.Column("style", sa.JSON, nullable=False),
        sa.Column("show_draft_mark", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.CheckConstraint("status IN ('draft', 'issued')", name="ck_plans_status"),
    )
    op.create_index("ix_plans_status", "plans", ["status"])
    op.create_index("ix_plans_plan_date", "plans", ["plan_date"])
    op.create_table(
        "plan_sections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("heading", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.UniqueConstraint("plan_id", "position", name="uq_plan_sections_position"),
    )
    op.create_index("ix_plan_sections_plan_id", "plan_sections", ["plan_id"])
    op.create_table(
        "plan_signatures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("authority", sa.String(10), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("signer_position", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.UniqueConstraint("plan_id", "position", name="uq_plan_signatures_position"),
    )
    op.create_index("ix_plan_signatures_plan_id", "plan_signatures", ["plan_id"])


def downgrade() -> None:
    op.drop_table("plan_signatures")
    op.drop_table("plan_sections")
    op.drop_table("plans")

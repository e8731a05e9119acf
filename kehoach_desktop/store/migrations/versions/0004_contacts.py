"""The address book: people and units kept across plans.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identity", sa.Text, nullable=False, unique=True),  # case-folded name and unit
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("job_title", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("contacts")

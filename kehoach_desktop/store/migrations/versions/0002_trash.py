"""Deleted plans go to a trash: the time they were deleted, or NULL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime, nullable=True))
        batch.create_index("ix_plans_deleted_at", ["deleted_at"])


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_index("ix_plans_deleted_at")
        batch.drop_column("deleted_at")

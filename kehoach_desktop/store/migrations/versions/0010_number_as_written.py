"""A document number kept as another office wrote it ("98/KH-UBND",
"10 KH-BTK", "69/KH – ĐTN"): the plan's symbol as written and what stood
between the number and it (core.model.DocumentNumber.written, .separator),
both empty for our own form "37-KH/ĐTN", which existing plans keep; and the
separator of a register line, "-" for every line issued before.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:  # SQLite: ALTER TABLE ADD COLUMN, no copy of the table
        batch.add_column(sa.Column("number_written", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("number_separator", sa.String(20), nullable=False, server_default=""))
    with op.batch_alter_table("register") as batch:
        batch.add_column(sa.Column("separator", sa.String(20), nullable=False, server_default="-"))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35 and later): a batch
    # would copy "plans", which the sections' foreign keys forbid dropping.
    op.drop_column("register", "separator")
    op.drop_column("plans", "number_separator")
    op.drop_column("plans", "number_written")

"""The plans' dated items as rows (tables.DatedItemRow), so that the office's
calendar reads a month with one indexed query instead of decoding every
plan's sections: one row per item of core.dated_items.dated_items(plan),
kept by the store with every write of the plan's sections
(store/plan_rows.fill_row).

The rows of the plans already stored (in the trash too: restored, they
show again) are computed here, with today's core.dated_items, as
migration 0006 recomputed the search text: a database upgraded on open, or
a backup of before 0012 restored (store/restore.py upgrades it), has them
before anything reads it. The plans are read one at a time through the
columns of this revision (plans.title, document_type, version;
plan_sections.position, content); should a later revision change those,
this one must keep a reader of its own (tests/store/test_dated_items.py
upgrades a 0011 database and would fail).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("end_day", sa.Date, nullable=True),
        sa.Column("last_day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("month_only", sa.Boolean, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("venue", sa.Text, nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("plan_version", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table("plan_dated_items", *_columns(),
                    sa.UniqueConstraint("plan_id", "position", name="uq_plan_dated_items_position"))
    op.create_index("ix_plan_dated_items_plan_id", "plan_dated_items", ["plan_id"])
    op.create_index("ix_plan_dated_items_days", "plan_dated_items", ["day", "last_day"])
    _fill()


def _fill() -> None:
    from kehoach_desktop.store.dated_rows import item_values, stored_plan

    connection = op.get_bind()
    # The columns with their types (dates written as each database writes them), apart from the table made.
    table = sa.Table("plan_dated_items", sa.MetaData(), *_columns())
    plans = connection.execute(sa.text("SELECT id, title, document_type, version FROM plans ORDER BY id")).all()
    for plan_id, title, document_type, version in plans:  # one plan at a time: never the whole database in memory
        sections = connection.execute(sa.text("SELECT position, content FROM plan_sections WHERE plan_id = :id "
                                              "ORDER BY position"), {"id": plan_id}).all()
        rows = [{**values, "plan_id": plan_id, "plan_version": version}
                for values in item_values(stored_plan(title, document_type, [tuple(s) for s in sections]))]
        if rows:
            connection.execute(table.insert(), rows)


def downgrade() -> None:
    op.drop_table("plan_dated_items")

"""The search finds a phrase in every text of a plan: plans.search_text is
recomputed for the plans already stored (store.plans.search_text).

Until 0005 it held the folded number, title, bodies, place and date; from
0006 it holds core.text.search_index() of every text of the plan (header,
sections of every kind, closing, recipients, signatures, note), words on
boundaries. The column itself is unchanged.

The plans are read with today's reader (store.plans.plan_from_values),
which reads the columns of this revision; should a later revision change
those columns, this one must keep a reader of its own
(tests/store/test_search.py upgrades a 0005 database and would fail).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""
import logging

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from kehoach_desktop.core.codec import DataError
    from kehoach_desktop.store.plans import PLAN_COLUMNS, plan_from_values, search_text

    connection = op.get_bind()
    ids = connection.execute(sa.text("SELECT id FROM plans ORDER BY id")).scalars().all()
    for plan_id in ids:  # one plan at a time: a large database is never held whole in memory
        where = {"id": plan_id}
        row = connection.execute(sa.text(f"SELECT {PLAN_COLUMNS} FROM plans WHERE id = :id"), where).one()
        sections = connection.execute(sa.text("SELECT position, heading, content FROM plan_sections "
                                              "WHERE plan_id = :id ORDER BY position"), where).all()
        signatures = connection.execute(sa.text("SELECT authority, body, signer_position, name FROM plan_signatures "
                                                "WHERE plan_id = :id ORDER BY position"), where).all()
        try:
            plan = plan_from_values(tuple(row), [tuple(s) for s in sections], [tuple(s) for s in signatures])
        except (DataError, ValueError) as exc:
            # A damaged plan keeps its old search text: opening it says it is damaged, and
            # one bad row must not stop the whole database from opening.
            logging.getLogger(__name__).warning("kế hoạch mã %s: chưa tính lại được chữ để tìm kiếm (%s)", plan_id, exc)
            continue
        connection.execute(sa.text("UPDATE plans SET search_text = :text WHERE id = :id"),
                           {"text": search_text(plan), "id": plan_id})


def downgrade() -> None:
    # Nothing to undo: an older program searches the new text word by word and finds every
    # word it found before, except words glued by punctuation ("37-kh" is now "37 kh").
    pass

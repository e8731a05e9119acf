"""Alembic environment: always run on a connection the program hands in
(config.attributes["connection"]); there is no alembic.ini."""
from alembic import context

from kehoach_desktop.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things in place
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

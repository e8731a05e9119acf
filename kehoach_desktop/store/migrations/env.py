"""Alembic environment: always run on a connection the program hands in
(config.attributes["connection"]); there is no alembic.ini."""
from alembic import context

from kehoach_desktop.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place: batch mode copies the table.
    # A server database (PostgreSQL) alters in place.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment for Claimline project files.

Migrations are run by `storage.schema.upgrade`, which hands us an open
connection (with foreign keys off, so that batch table rebuilds cannot cascade
deletes). After the revisions run, `PRAGMA foreign_key_check` must come back
empty or the whole upgrade rolls back.
"""

from alembic import context
from sqlalchemy import text

from storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)

with context.begin_transaction():
    context.run_migrations()
    problems = connection.execute(text("PRAGMA foreign_key_check")).all()
    if problems:
        raise RuntimeError(f"migration left broken references: {problems[:5]}")

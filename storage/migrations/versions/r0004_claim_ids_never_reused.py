"""Schema 4: claim ids are never reused.

Schema 3 rebuilt the claims table to add its columns and the rebuilt table
lost AUTOINCREMENT, so SQLite could hand the id of a deleted claim to a new
one; an undo that restores the deleted claim (same id) would then be
refused. The table is rebuilt once more, with AUTOINCREMENT; ids, rows and the
search index stay as they are, and the index's triggers, which go with the old
table, are made again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

COLUMNS = "quote, claimant, note"
NEW = "new.quote, new.claimant, new.note"
OLD = "old.quote, old.claimant, old.note"


def _search_triggers() -> None:
    op.execute(
        "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
        f"INSERT INTO claims_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
        f"INSERT INTO claims_fts(claims_fts, rowid, {COLUMNS}) "
        f"VALUES ('delete', old.id, {OLD}); END"
    )
    op.execute(
        "CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, claimant, note ON claims BEGIN "
        f"INSERT INTO claims_fts(claims_fts, rowid, {COLUMNS}) "
        f"VALUES ('delete', old.id, {OLD}); "
        f"INSERT INTO claims_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END"
    )


def _rebuild(autoincrement: bool) -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS claims_fts_{trigger}")
    with op.batch_alter_table(
        "claims", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass
    _search_triggers()


def upgrade() -> None:
    _rebuild(autoincrement=True)
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    _rebuild(autoincrement=False)
    op.execute("PRAGMA user_version = 3")

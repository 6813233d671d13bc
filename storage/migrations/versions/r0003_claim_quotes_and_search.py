"""Schema 3: claims keep their quote and a workflow status; claims are searchable.

The quote of existing claims is filled from their article's text (SQLite's
substr counts characters as Python does). A full-text index over quote,
claimant and note works like the article index of schema 2.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

COLUMNS = "quote, claimant, note"
NEW = "new.quote, new.claimant, new.note"
OLD = "old.quote, old.claimant, old.note"


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("quote", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="open")
        )
        batch.create_check_constraint("status", "status IN ('open', 'reviewed', 'flagged')")
    op.execute(
        "UPDATE claims SET quote = substr((SELECT text FROM articles "
        'WHERE articles.id = claims.article_id), start + 1, "end" - start)'
    )
    op.execute(
        f"CREATE VIRTUAL TABLE claims_fts USING fts5({COLUMNS}, content='claims', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
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
    op.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER claims_fts_{trigger}")
    op.execute("DROP TABLE claims_fts")
    with op.batch_alter_table("claims") as batch:
        batch.drop_constraint("ck_claims_status", type_="check")
        batch.drop_column("status")
        batch.drop_column("quote")
    op.execute("PRAGMA user_version = 2")

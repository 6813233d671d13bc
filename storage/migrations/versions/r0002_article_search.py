"""Schema 2: a full-text index over articles (SQLite FTS5).

An external-content index: the words live in `articles_fts`, the text stays in
`articles`; triggers keep the two in step. Existing articles are indexed here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

COLUMNS = "title, outlet, author, text"
NEW = "new.title, new.outlet, new.author, new.text"
OLD = "old.title, old.outlet, old.author, old.text"


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE articles_fts USING fts5({COLUMNS}, content='articles', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        f"INSERT INTO articles_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        f"INSERT INTO articles_fts(articles_fts, rowid, {COLUMNS}) "
        f"VALUES ('delete', old.id, {OLD}); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, author, text "
        "ON articles BEGIN "
        f"INSERT INTO articles_fts(articles_fts, rowid, {COLUMNS}) "
        f"VALUES ('delete', old.id, {OLD}); "
        f"INSERT INTO articles_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END"
    )
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER articles_fts_{trigger}")
    op.execute("DROP TABLE articles_fts")
    op.execute("PRAGMA user_version = 1")

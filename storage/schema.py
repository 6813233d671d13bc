"""Schema versions of project files and the Alembic migrations between them.

Revisions are named by their schema number ("0002" is schema 2) and each sets
`PRAGMA user_version` to that number, so the version of a file can be read
from its header without opening it, and a file from a newer Claimline is
recognised before anything touches it. Alembic itself (and its template
engine) is imported only when a file actually needs migrating, which keeps it
out of start-up; tests/storage/test_schema.py checks that `LATEST_SCHEMA`
matches the newest revision on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from storage.database import make_engine

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LATEST_SCHEMA = 4

# "ClmL": marks a SQLite file as a Claimline project (PRAGMA application_id).
APPLICATION_ID = int.from_bytes(b"ClmL", "big")


def latest_schema() -> int:
    return LATEST_SCHEMA


def revision_of(number: int) -> str:
    return f"{number:04d}"


def is_known_revision(revision: str) -> bool:
    return revision in {revision_of(n) for n in range(1, LATEST_SCHEMA + 1)}


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(path: Path, revision: str = "head") -> None:
    """Migrate the file at `path` up to `revision`, all in one transaction."""
    from alembic import command

    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(connection), revision)
            connection.commit()
    finally:
        engine.dispose()

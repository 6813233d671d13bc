"""SQLite engine set-up: the connection settings every project file gets.

- Foreign keys are enforced on every connection (SQLite leaves them off).
- WAL journal: readers (the UI) never wait for a writer (an import).
- `synchronous=FULL`: a committed transaction survives a killed process and
  a power cut; edits are small, bulk work is batched, so the cost is small.
- We emit BEGIN ourselves (the pysqlite driver's own transaction handling
  starts transactions late and breaks SAVEPOINTs). Write transactions start
  with BEGIN IMMEDIATE so two writers queue on `busy_timeout` instead of
  failing with "database is locked" halfway through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.refusals import ConflictingEdit

BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "claimline_write"


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine for the project file at `path`.

    Migrations use `foreign_keys=False`: rebuilding a table in SQLite drops the
    old one, which would otherwise cascade deletes into its children.
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        writing = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


class SessionFactory:
    """Hands out sessions scoped to one service call: one call, one transaction."""

    def __init__(self, engine: Engine) -> None:
        self._maker = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._maker() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction. A constraint the write breaks (what it needs was deleted
        meanwhile, say by another step of the undo history) rolls it all back and is
        refused in words, as a ConflictingEdit, rather than as a database error."""
        try:
            with self._maker() as session, session.begin():
                session.connection(execution_options={_WRITE_OPTION: True})
                yield session
        except IntegrityError as error:
            twice = "UNIQUE" in str(error.orig)  # else a FOREIGN KEY or CHECK constraint
            what = ("something it would add is there already" if twice
                    else "something it needs was deleted")
            raise ConflictingEdit(
                f"This cannot be done any more: the project has changed since ({what}). "
                "Nothing was changed."
            ) from error

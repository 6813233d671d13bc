"""The project service: the only door to a project file.

Every public method is one transaction and returns dataclasses from
`storage.records`. The GUI, the command line and scripts all go through here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import DatabaseError

from storage import project_file, schema
from storage.alignment_operations import AlignmentOperations
from storage.annotation_import_operations import AnnotationImportOperations
from storage.article_operations import (
    RELATION_KINDS,
    ArticleOperations,
    text_digest,
    validate_metadata,
)
from storage.bundle_operations import BundleOperations
from storage.claim_operations import ClaimOperations
from storage.database import SessionFactory, make_engine
from storage.event_operations import EventOperations
from storage.label_operations import LabelOperations
from storage.models import Article, Setting
from storage.records import ProjectInfo
from storage.search_operations import SearchOperations
from storage.service_base import RESEARCHER, ArticleNotFound, InvalidEdit
from storage.suggestion_operations import SuggestionOperations

__all__ = [
    "RELATION_KINDS",
    "RESEARCHER",
    "ArticleNotFound",
    "InvalidEdit",
    "ProjectService",
    "text_digest",
    "validate_metadata",
]


class ProjectService(
    ArticleOperations,
    SuggestionOperations,
    ClaimOperations,
    LabelOperations,
    SearchOperations,
    EventOperations,
    AlignmentOperations,
    BundleOperations,
    AnnotationImportOperations,
):
    """An open project file."""

    def __init__(self, path: Path, engine: Engine, backup_made: Path | None = None) -> None:
        self.path = path
        self.backup_made = backup_made
        self._engine = engine
        self._sessions = SessionFactory(engine)
        self._closed = False

    # ------------------------------------------------------------ lifecycle
    @classmethod
    def create(cls, path: Path) -> ProjectService:
        """A new, empty project at `path`; refuses to overwrite an existing file.

        Raises FileExistsError if `path` exists, and `project_file.ProjectWriteError`
        (a ProjectFileError and an OSError) with a message for the researcher if the
        folder is read-only or SQLite cannot write the new file.
        """
        path = Path(path)
        try:
            project_file.create_new(path)
            engine = make_engine(path)
            try:
                service = cls(path, engine)
                service.add_default_labels()
            except BaseException:
                engine.dispose()
                raise
        except (DatabaseError, sqlite3.DatabaseError) as error:
            raise project_file.sqlite_failure(path, error, "created") from error
        return service

    @classmethod
    def open(cls, path: Path) -> ProjectService:
        """Open an existing project, upgrading it (after a backup copy) if it is older.

        Raises `project_file.ProjectFileError` with a message for the researcher
        if the file is not a healthy Claimline project or cannot be written (a
        read-only file or folder); the file is then untouched. An error SQLite
        raises while opening becomes a ProjectFileError with a sentence too.
        """
        path = Path(path)
        try:
            backup = project_file.prepare_existing(path)
            engine = make_engine(path)
            try:  # the write-ahead log of a crashed session may hold a newer schema
                with engine.connect() as connection:
                    project_file.check_schema_number(
                        path, connection.exec_driver_sql("PRAGMA user_version").scalar_one()
                    )
            except BaseException:
                engine.dispose()
                raise
        except (DatabaseError, sqlite3.DatabaseError) as error:
            raise project_file.sqlite_failure(path, error, "opened") from error
        return cls(path, engine, backup)

    def close(self) -> None:
        """Fold the write-ahead log back into the file and release it. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        with self._engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self._engine.dispose()

    def __enter__(self) -> ProjectService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def info(self) -> ProjectInfo:
        with self._sessions.read() as session:
            count = session.scalar(select(func.count()).select_from(Article)) or 0
            settings = {s.key: s.value for s in session.scalars(select(Setting))}
        return ProjectInfo(
            path=str(self.path),
            schema=schema.latest_schema(),
            article_count=count,
            backup_made=str(self.backup_made) if self.backup_made else None,
            settings=settings,
        )

    # ------------------------------------------------------------ settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._sessions.read() as session:
            row = session.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting; None removes it, so the default applies again."""
        with self._sessions.write() as session:
            if value is None:
                session.execute(delete(Setting).where(Setting.key == key))
            else:
                session.merge(Setting(key=key, value=value))

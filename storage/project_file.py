"""Creating, checking, backing up and upgrading project files.

A project is one SQLite file. Before anything opens it for writing we check,
without changing a byte on disk, that it is ours, readable and not from a newer
Claimline: the 100-byte SQLite header says whether it is SQLite at all, which
application wrote it (`application_id`) and its schema number (`user_version`);
an immutable read-only connection then runs SQLite's own consistency check.
Only a file that passes is opened for writing (or backed up and upgraded).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage import schema

SUFFIX = ".claimline"
_SQLITE_MAGIC = b"SQLite format 3\x00"


class ProjectFileError(Exception):
    """A project file cannot be opened. `str(error)` is meant for the researcher."""


class NotAProjectError(ProjectFileError):
    pass


class CorruptProjectError(ProjectFileError):
    pass


class NewerSchemaError(ProjectFileError):
    pass


@dataclass(frozen=True)
class FileHeader:
    application_id: int
    schema: int


def read_header(path: Path) -> FileHeader:
    """Read the SQLite header without opening the database; raise if it is not ours."""
    name = path.name
    if not path.exists():
        raise ProjectFileError(f"“{name}” does not exist (looked in {path.parent}).")
    if path.is_dir():
        raise NotAProjectError(f"“{name}” is a folder, not a Claimline project file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ProjectFileError(f"“{name}” cannot be read: {error.strerror}.") from error
    if not header:
        raise NotAProjectError(f"“{name}” is empty, so it is not a Claimline project.")
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotAProjectError(
            f"“{name}” is not a Claimline project: it is not a database file at all. "
            "To bring articles into a project, use File ▸ Import instead."
        )
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != schema.APPLICATION_ID:
        raise NotAProjectError(
            f"“{name}” is a database of another program, not a Claimline project. "
            "It was left untouched."
        )
    return FileHeader(application_id, int.from_bytes(header[60:64], "big"))


def check_schema_number(path: Path, number: int) -> None:
    if number > schema.latest_schema():
        raise NewerSchemaError(
            f"“{path.name}” was saved by a newer version of Claimline (project format "
            f"{number}; this version reads up to {schema.latest_schema()}). "
            "Update Claimline to open it; the file was left untouched."
        )


def check_project_file(path: Path) -> FileHeader:
    """Everything we can know about `path` without writing to it.

    Returns the header of a healthy Claimline file, which may still need an
    upgrade (`header.schema < schema.latest_schema()`).
    """
    header = read_header(path)
    name = path.name
    check_schema_number(path, header.schema)
    # immutable=1: no locks, no -wal/-shm files; we only read the main file.
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CorruptProjectError(
            f"“{name}” is damaged and cannot be read ({error}). It was left untouched; "
            "if you have a backup copy (files named “….backup-….claimline” beside it), "
            "open that instead."
        ) from error
    if verdict != "ok":
        raise CorruptProjectError(
            f"“{name}” is damaged: SQLite's consistency check failed ({verdict}). It was left "
            "untouched; if you have a backup copy beside it, open that instead."
        )
    if revision is None:
        raise CorruptProjectError(
            f"“{name}” is marked as a Claimline project but has no schema version; it may "
            "have been only partly created. It was left untouched."
        )
    if not schema.is_known_revision(revision):
        raise NewerSchemaError(
            f"“{name}” uses a project format this version of Claimline does not know "
            f"({revision}). Update Claimline to open it; the file was left untouched."
        )
    return header


def backup_copy(path: Path, reason: str) -> Path:
    """A consistent copy of the project beside it (SQLite's online backup)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{reason}-{stamp}{path.suffix or SUFFIX}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def prepare_existing(path: Path) -> Path | None:
    """Check `path` and upgrade it if it is from an older Claimline.

    Returns the backup written before an upgrade, or None if none was needed.
    """
    header = check_project_file(path)
    if header.schema == schema.latest_schema():
        return None
    backup = backup_copy(path, f"schema{header.schema}")
    schema.upgrade(path)
    return backup


def remove_project_file(path: Path) -> None:
    """Delete a project file this program has just made and its SQLite side files.

    Only for a project created moments ago that must not stay (an import into
    it failed or was cancelled); a researcher's project is never deleted.
    """
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def create_new(path: Path) -> None:
    """Create an empty project at `path` (which must not exist) atomically.

    The schema is built in a temporary file beside the target and renamed into
    place, so a crash never leaves a half-made project under the real name.
    """
    if path.exists():
        raise FileExistsError(f"“{path.name}” already exists.")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.creating-{os.getpid()}")
    try:
        schema.upgrade(temporary)
        connection = sqlite3.connect(temporary)
        try:  # fold the WAL back into the file before it is renamed
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        for leftover in (Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)
        temporary.replace(path)
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)

"""Creating, checking, backing up and upgrading project files.

A project is one SQLite file. Before anything opens it for writing we check,
without changing a byte on disk, that it is ours, readable and not from a newer
Claimline: the 100-byte SQLite header says whether it is SQLite at all, which
application wrote it (`application_id`) and its schema number (`user_version`);
an immutable read-only connection then runs SQLite's own consistency check.
Only a file that passes, and that SQLite will be able to write (the file and its
folder), is opened for writing (or backed up and upgraded).

A project's latest committed edits may still sit in its write-ahead log
("<name>-wal") after a crash; `set_aside` folds them into the file before the
file is moved away or replaced, so they neither get lost nor replay into a new
project made under the same name.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import tempfile
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


class ProjectWriteError(ProjectFileError, OSError):
    """SQLite or the file system refused to write the project (or to open it for writing).

    Also an OSError, so code that explains OSErrors from creating a file shows it too.
    """


class ReadOnlyProjectError(ProjectWriteError):
    """The project file, a file beside it or its folder is read-only."""


class ProjectInUseError(ProjectWriteError):
    """Another program (or another Claimline window) has the project open or locked."""


_COPY_ELSEWHERE = (
    "Claimline writes every edit to the project at once; copy it to a folder you can write to."
)
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_REFUSED = (errno.EACCES, errno.EPERM, errno.EROFS)
_FOLD_WAIT_SECONDS = 2.0


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


def _real(path: Path) -> Path:
    """`path` with symbolic links resolved, as SQLite names the files beside a database."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: nothing real to find
        return path.absolute()


def _side_files(path: Path) -> list[Path]:
    """SQLite's files beside the project (it names them after the real, resolved file)."""
    real = _real(path)
    return [real.with_name(real.name + suffix) for suffix in _SIDE_SUFFIXES]


def _why(error: OSError, subject: str) -> str:
    if error.errno in _REFUSED:
        return f"{subject} is read-only"
    return f"{subject} cannot be written: {error.strerror or error}"


def _check_folder_writable(path: Path, doing: str, advice: str = _COPY_ELSEWHERE) -> None:
    """Create and remove a probe file beside `path`: what SQLite must do for -wal/-shm."""
    folder = _real(path).parent
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.write-check-", dir=folder)
    except OSError as error:
        reason = _why(error, "its folder")
        raise ReadOnlyProjectError(
            f"“{path.name}” cannot be {doing} ({reason}; looked in {folder}). {advice}"
        ) from error
    os.close(handle)
    Path(probe).unlink(missing_ok=True)


def check_writable(path: Path) -> None:
    """Refuse, with a sentence and without changing anything, a project SQLite cannot write.

    Every edit is written at once, so SQLite needs the file (and any -wal/-shm file
    already beside it) open for writing, and a folder that lets it create the -wal and
    -shm files. Both are tried for real, an open for writing that writes nothing and a
    probe file removed at once, because permission bits do not tell: root ignores them,
    `chattr +i`, read-only mounts and network shares refuse writes they allow.
    """
    for file in (path, *(side for side in _side_files(path)[:2] if side.exists())):
        try:
            with file.open("r+b"):
                pass
        except OSError as error:
            which = "the file" if file == path else f"“{file.name}” beside it"
            reason = _why(error, which)
            raise ReadOnlyProjectError(
                f"“{path.name}” cannot be written ({reason}). {_COPY_ELSEWHERE}"
            ) from error
    _check_folder_writable(path, "written")


def sqlite_failure(path: Path, error: BaseException, doing: str = "opened") -> ProjectWriteError:
    """A sentence for an error SQLite raised while opening, creating or moving a project."""
    reason = str(getattr(error, "orig", None) or error).strip() or type(error).__name__
    name = path.name
    if "locked" in reason or "busy" in reason:
        return ProjectInUseError(
            f"“{name}” cannot be {doing} now: another program (or another Claimline window) "
            f"is using it (SQLite said “{reason}”). Close it there and try again."
        )
    if "readonly" in reason or "read-only" in reason or "unable to open" in reason:
        return ReadOnlyProjectError(
            f"“{name}” cannot be {doing}: SQLite could not write to it or to its folder "
            f"(it said “{reason}”). {_COPY_ELSEWHERE}"
        )
    return ProjectWriteError(f"“{name}” cannot be {doing}: SQLite said “{reason}”.")


def _beside(path: Path, label: str) -> Path:
    """An unused name beside `path`, e.g. “Study.backup-replaced-20250301-101500.claimline”."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or SUFFIX
    target = path.with_name(f"{path.stem}.{label}-{stamp}{suffix}")
    number = 1
    while target.exists() or target.is_symlink():
        number += 1
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{number}{suffix}")
    return target


def backup_copy(path: Path, reason: str) -> Path:
    """A consistent copy of the project beside it (SQLite's online backup)."""
    target = _beside(path, f"backup-{reason}")
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
    check_writable(path)
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


def _clear_side_files(path: Path) -> list[Path]:
    """Clear SQLite's files beside `path` that belong to no database there (any more).

    A -shm file only ever indexes the -wal, and an empty -wal or -journal holds
    nothing: those are removed. One that still holds data (its project file was
    deleted or replaced by hand, or is not a database) is renamed
    “<name>-wal.orphaned-<time>” rather than deleted; under its own name SQLite
    would replay it into whatever file gets the project's name next. Returns the
    renamed files.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    renamed = []
    for side in _side_files(path):
        try:
            size = side.stat().st_size
        except FileNotFoundError:
            continue
        if side.name.endswith("-shm") or size == 0:
            side.unlink(missing_ok=True)
        else:
            target = side.with_name(f"{side.name}.orphaned-{stamp}")
            side.rename(target)
            renamed.append(target)
    return renamed


def _fold_log(path: Path) -> None:
    """Fold the project's write-ahead log into the file, holding the file alone.

    In exclusive locking mode SQLite keeps its WAL index in private memory and takes
    the file for itself: it waits a moment, then fails with “database is locked”,
    while any other connection, in this process or another, has the file open. A
    crashed writer holds no lock, and its committed edits are recovered from the log
    like on any open. Closing the only connection after `wal_checkpoint(TRUNCATE)`
    deletes the -wal; a rollback journal left by a crashed transaction is rolled back
    and removed by the first read.
    """
    name = path.name
    try:
        connection = sqlite3.connect(path, timeout=_FOLD_WAIT_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise sqlite_failure(path, error, "moved aside") from error
    try:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("COMMIT")
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.OperationalError as error:
        raise sqlite_failure(path, error, "moved aside") from error
    except sqlite3.DatabaseError as error:
        raise CorruptProjectError(
            f"“{name}” cannot be moved aside safely: it is damaged (SQLite said “{error}”), "
            f"so the latest edits in “{name}-wal” could not be folded into it. Nothing was "
            "moved; move or rename it and the files beside it yourself, or choose another name."
        ) from error
    finally:
        connection.close()
    if busy:
        raise ProjectInUseError(
            f"“{name}” cannot be moved aside now: another program (or another Claimline "
            "window) is using it. Close it there and try again."
        )


def set_aside(path: Path) -> Path | None:
    """Make the existing file at `path` safe to move away (to the trash) and replace.

    SQLite keeps a project's latest committed edits in “<name>-wal” until they are
    folded into the file, and a crashed session leaves them there. Moving only the
    file away would lose them, and a new project made under the same name would
    replay them. So, for an SQLite file with a -wal (or a crashed transaction's
    -journal) beside it: fold the log into the file, refusing while another program
    has it open; then clear the -wal/-shm/-journal files left beside it (see
    `_clear_side_files`). Afterwards the file alone holds every committed edit.

    Returns `path`, which the caller now moves to the trash (or `backup_aside`), or
    None when nothing is at `path`. Raises ProjectFileError with a sentence, having
    moved nothing, when the file is open elsewhere (ProjectInUseError), its folder
    is read-only (ReadOnlyProjectError), or it is damaged (CorruptProjectError).
    """
    if not path.exists():
        return path if path.is_symlink() else None  # a dangling link holds no project
    name = path.name
    if path.is_dir():
        raise NotAProjectError(f"“{name}” is a folder, not a Claimline project file.")
    _check_folder_writable(path, "moved aside", "Choose a folder you can write to instead.")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise ProjectFileError(f"“{name}” cannot be read: {error.strerror}.") from error
    wal, _shm, journal = _side_files(path)
    if (head == _SQLITE_MAGIC or not head) and (wal.exists() or journal.exists()):
        _fold_log(path)
    _clear_side_files(path)
    return path


def backup_aside(path: Path) -> Path:
    """Rename the project at `path` beside itself, for when it cannot go to the trash.

    It is set aside first (`set_aside`), so the renamed file holds every committed
    edit and no -wal is left under the old name. The new name says what it is, e.g.
    “Study.backup-replaced-20250301-101500.claimline” (like `backup_copy`'s, and it
    can be opened as a project). Returns it. Raises ProjectFileError, having moved
    nothing, when nothing is at `path` or `set_aside` or the rename is refused.
    """
    if set_aside(path) is None:
        raise ProjectFileError(f"“{path.name}” does not exist (looked in {path.parent}).")
    target = _beside(path, "backup-replaced")
    try:
        path.rename(target)
    except OSError as error:
        raise ProjectWriteError(
            f"“{path.name}” could not be renamed to “{target.name}”: "
            f"{error.strerror or error}."
        ) from error
    return target


def create_new(path: Path) -> None:
    """Create an empty project at `path` (which must not exist) atomically.

    The schema is built in a temporary file beside the target and renamed into
    place, so a crash never leaves a half-made project under the real name. A
    -wal left under the name by a project that is gone is renamed out of the way
    first (`_clear_side_files`): SQLite would replay it into the new project.
    """
    if path.exists():
        raise FileExistsError(f"“{path.name}” already exists.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProjectWriteError(
            f"“{path.name}” cannot be created: its folder {path.parent} could not be made "
            f"({error.strerror or error})."
        ) from error
    _check_folder_writable(path, "created", "Choose a folder you can write to.")
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
        _clear_side_files(path)
        temporary.replace(path)
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)

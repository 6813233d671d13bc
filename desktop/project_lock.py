"""One window at a time per project file.

SQLite would let two windows write to one project, but neither would see the
other's edits, and their undo histories would undo each other's work. So a
window holds a lock file beside the project (".<name>.lock", hidden) while it
has the project open, and another window or process is refused with a sentence
saying where the project is open. A lock left by a crashed process is noticed
(its process is gone) and taken over, and so is a lock file naming no process
at all (empty or garbled: a crash between creating and writing it, a sync
tool's copy), unless a live QLockFile still holds it. The lock belongs to the
real file: a project reached through a symbolic link (to it or to a folder on
its path) shares the lock of the file itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(project: Path) -> Path:
    """The lock file of `project`: beside the real file, named after it, whatever the
    symbolic links `project` was reached through."""
    try:
        real = project.resolve()
    except (OSError, RuntimeError):  # a loop of links: nothing real to lock
        real = project.absolute()
    return real.with_name(f".{real.name}.lock")


class ProjectLock:
    def __init__(self, project: Path) -> None:
        self._project = project
        self._file = QLockFile(str(lock_path(project)))
        self._file.setStaleLockTime(0)  # held as long as the project is open

    def acquire(self) -> str | None:
        """Take the lock; None when taken (or when the folder allows no lock file at all),
        else why the project cannot be opened here."""
        if self._file.tryLock(100):
            return None
        if self._file.error() != QLockFile.LockError.LockFailedError:
            return None  # a read-only folder, say: nothing to coordinate with
        pid, host = self._holder()
        if not pid:
            # No process named: nobody can ever release it, and staleness cannot be told
            # from the process (and a stale time of 0 never expires it). A holder still
            # running keeps a native lock on the file, which removeStaleLockFile respects.
            if self._file.removeStaleLockFile() and self._file.tryLock(100):
                return None
            if self._file.error() != QLockFile.LockError.LockFailedError:
                return None
            pid, host = self._holder()
        name = self._project.name
        if pid == os.getpid():
            return f"“{name}” is already open in another Claimline window."
        where = f" (process {pid} on {host})" if pid else ""
        return (f"“{name}” is already open in Claimline elsewhere{where}. Close it there "
                "first: two windows editing one project would undo each other's work.")

    def _holder(self) -> tuple[int, str]:
        """The process id (0 when the lock file names none) and host holding the lock."""
        info = self._file.getLockInfo()  # (process id, host name, application name)
        if isinstance(info, tuple) and len(info) >= 2 and isinstance(info[0], int):
            return info[0], str(info[1])
        return 0, ""

    def release(self) -> None:
        if self._file.isLocked():
            self._file.unlock()

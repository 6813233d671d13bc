"""One window at a time per project file.

SQLite would let two windows write to one project, but neither would see the
other's edits, and their undo histories would undo each other's work. So a
window holds a lock file beside the project (".<name>.lock", hidden) while it
has the project open, and another window or process is refused with a sentence
saying where the project is open. A lock left by a crashed process is noticed
(its process is gone) and taken over.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


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
        info = self._file.getLockInfo()  # (process id, host name, application name)
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) >= 2 else (0, "")
        name = self._project.name
        if pid == os.getpid():
            return f"“{name}” is already open in another Claimline window."
        where = f" (process {pid} on {host})" if pid else ""
        return (f"“{name}” is already open in Claimline elsewhere{where}. Close it there "
                "first: two windows editing one project would undo each other's work.")

    def release(self) -> None:
        if self._file.isLocked():
            self._file.unlock()

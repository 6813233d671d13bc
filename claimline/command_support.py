"""What every `claimline` command shares: exit codes, opening a project, a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.service import ProjectService

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class ProgressBar:
    """A progress bar on standard error (only when it is a terminal, unless quiet).

    It runs no monitor thread: `claimline annotate` forks worker processes, and
    forking a process that runs other threads is unsafe.
    """

    def __init__(self, unit: str, quiet: bool) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0
        self._bar = tqdm(
            total=0, unit=unit, disable=True if quiet else None, file=sys.stderr, dynamic_ncols=True
        )

    def show(self, done: int, total: int, note: str = "") -> None:
        self._bar.total = total
        self._bar.n = done
        if note:
            self._bar.set_postfix_str(note)
        self._bar.refresh()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *_: object) -> None:
        self._bar.close()


def fail(message: str) -> int:
    print(f"claimline: {message}", file=sys.stderr)
    return EXIT_USAGE


@contextmanager
def open_project(path: Path, *, create: bool = False,
                 writes: bool = True) -> Iterator[ProjectService]:
    """Open (or create) a project for the command, or exit with code 2 and the reason.

    A command that `writes` holds the project's lock (desktop.project_lock) while
    it runs: it is refused while a Claimline window has the project open (the
    window would not see the change, and its undo history would not know of
    it), and a window cannot open the project meanwhile.
    """
    from desktop.project_lock import ProjectLock
    from storage.project_file import ProjectFileError
    from storage.service import ProjectService

    lock = ProjectLock(path)
    try:  # the lock is released however the command ends, even before it is taken
        if writes and (refusal := lock.acquire()) is not None:
            raise SystemExit(fail(refusal))
        try:
            if create and not path.exists():
                print(f"Creating a new project: {path}", file=sys.stderr)
                service = ProjectService.create(path)
            else:
                service = ProjectService.open(path)
        except ProjectFileError as error:
            raise SystemExit(fail(str(error))) from None
        if service.backup_made:
            print(f"Upgraded {path.name}; the old file was kept as {service.backup_made}",
                  file=sys.stderr)
        with service:
            yield service
    finally:
        lock.release()

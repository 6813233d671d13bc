"""What every `claimline` command shares: exit codes, opening a project, a progress bar."""

from __future__ import annotations

import sys
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


def open_project(path: Path, *, create: bool = False) -> ProjectService:
    """Open (or create) a project, or exit with code 2 and the reason."""
    from storage.project_file import ProjectFileError
    from storage.service import ProjectService

    if create and not path.exists():
        print(f"Creating a new project: {path}", file=sys.stderr)
        return ProjectService.create(path)
    try:
        service = ProjectService.open(path)
    except ProjectFileError as error:
        raise SystemExit(fail(str(error))) from None
    if service.backup_made:
        print(
            f"Upgraded {path.name}; the old file was kept as {service.backup_made}", file=sys.stderr
        )
    return service

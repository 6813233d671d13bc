"""Exit codes of the `claimline` command, and opening a project for a command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.service import ProjectService

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


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

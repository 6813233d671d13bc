"""Expand what the researcher picked (files and folders) into the files to import.

Picking a folder means "everything readable in here", so unreadable file types inside
folders are skipped without comment; picking a file by name means "import this", so a
file we cannot read is reported. The order is sorted and stable, so two imports of the
same folder produce the same articles in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from storage.importing.formats import format_for, unsupported_reason
from storage.importing.parsed import ImportProblem

_Adder = Callable[[Path, os.stat_result], None]


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[ImportProblem]]:
    """The importable files under ``paths``, and a problem for each unusable pick."""
    files: list[Path] = []
    problems: list[ImportProblem] = []
    seen_files: set[tuple[int, int]] = set()
    seen_folders: set[tuple[int, int]] = set()

    def add(path: Path, stat: os.stat_result) -> None:
        key = (stat.st_dev, stat.st_ino)
        if key not in seen_files:  # the same file named twice, or reached via a link
            seen_files.add(key)
            files.append(path)

    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            problems.append(ImportProblem(str(path), "The file or folder does not exist."))
            continue
        except OSError as error:
            problems.append(ImportProblem(str(path), _unreadable(error)))
            continue
        if path.is_dir():
            _walk(path, add, problems, seen_folders)
        elif not path.is_file():
            problems.append(ImportProblem(str(path), "This is not a regular file."))
        elif format_for(path) is None:
            problems.append(ImportProblem(str(path), unsupported_reason(path)))
        else:
            add(path, stat)
    return files, problems


def _walk(
    folder: Path,
    add: _Adder,
    problems: list[ImportProblem],
    seen_folders: set[tuple[int, int]],
) -> None:
    """Visit ``folder`` in name order, depth first, without recursion.

    A folder met a second time (through a symlink loop or a second link) is skipped.
    """
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            stat = current.stat()
        except OSError:
            continue  # a dangling link or something that vanished: nothing to import
        if current.is_file():
            if format_for(current) is not None:
                add(current, stat)
            continue
        if not current.is_dir() or (stat.st_dev, stat.st_ino) in seen_folders:
            continue
        seen_folders.add((stat.st_dev, stat.st_ino))
        try:
            entries = sorted(current.iterdir(), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(ImportProblem(str(current), _unreadable(error, folder=True)))
            continue
        stack.extend(entry for entry in reversed(entries) if not entry.name.startswith("."))


def _unreadable(error: OSError, *, folder: bool = False) -> str:
    what = "folder" if folder else "file or folder"
    detail = error.strerror or str(error)
    return f"The {what} could not be opened: {detail}."

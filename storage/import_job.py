"""Importing files and folders into a project, with progress and cancel.

Shared by the GUI's background worker and the command line. Articles are
stored in small batches, each one transaction: a cancelled or killed import
keeps every batch already stored and never leaves half an article behind.
Running the same import again skips what is already there (duplicates are
recognised by their text), so an interrupted import can simply be repeated.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from storage.importing import ImportProblem, ParsedArticle, collect_files, read_file
from storage.records import (
    ArticleSummary,
    ImportDuplicate,
    ImportFailure,
    ImportProgress,
    ImportReport,
)
from storage.service import ProjectService

ProgressCallback = Callable[[ImportProgress], None]
StoredCallback = Callable[[tuple[ArticleSummary, ...]], None]
CancelCheck = Callable[[], bool]

BATCH_ARTICLES = 50
BATCH_SECONDS = 1.0


def import_paths(
    project: ProjectService,
    paths: Iterable[Path],
    *,
    progress: ProgressCallback | None = None,
    stored: StoredCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ImportReport:
    """Import `paths` (files or folders) into `project`.

    `progress` hears before each file; `stored` receives each batch of new
    articles as soon as it is committed; `should_cancel` is asked before each file.
    """
    files, problems = collect_files(Path(p).absolute() for p in paths)
    failures = [ImportFailure(p.origin, p.reason) for p in problems]
    imported: list[ArticleSummary] = []
    duplicates: list[ImportDuplicate] = []
    pending: list[ParsedArticle] = []
    last_store = time.monotonic()

    def store() -> None:
        nonlocal last_store
        for start in range(0, len(pending), BATCH_ARTICLES):
            added, dupes = project.add_articles(pending[start : start + BATCH_ARTICLES])
            imported.extend(added)
            duplicates.extend(dupes)
            if added and stored is not None:
                stored(tuple(added))
        pending.clear()
        last_store = time.monotonic()

    cancelled = False
    files_read = 0
    for path in files:
        if should_cancel is not None and should_cancel():
            cancelled = True
            break
        if progress is not None:
            progress(ImportProgress(files_read, len(files), str(path), len(imported)))
        for item in read_file(path):
            if isinstance(item, ImportProblem):
                failures.append(ImportFailure(item.origin, item.reason))
            else:
                pending.append(item)
        files_read += 1
        if len(pending) >= BATCH_ARTICLES or time.monotonic() - last_store > BATCH_SECONDS:
            store()
    store()
    if progress is not None:
        progress(ImportProgress(files_read, len(files), "", len(imported)))
    return ImportReport(
        imported=tuple(imported),
        duplicates=tuple(duplicates),
        failures=tuple(failures),
        files_total=len(files),
        files_read=files_read,
        cancelled=cancelled,
    )

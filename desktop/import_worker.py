"""Importing off the UI thread, with progress in the status bar and Cancel.

`ImportRunner` owns one background import at a time: a QThread running
`storage.import_job.import_paths`, whose callbacks become queued signals.
New articles show up in the list batch by batch while the import goes on.
Cancel asks the job to stop after the file it is reading; what was stored
until then stays, and the whole import is one undoable step.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.task_progress import TaskProgress
from storage.records import ArticleSummary, ImportProgress, ImportReport
from storage.service import ProjectService


class ImportWorker(QObject):
    progressed = Signal(object)  # ImportProgress
    stored = Signal(object)  # tuple[ArticleSummary, ...], one committed batch
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, service: ProjectService, paths: Sequence[Path]) -> None:
        super().__init__()
        self._service = service
        self._paths = list(paths)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from storage.import_job import import_paths

        try:
            report = import_paths(
                self._service,
                self._paths,
                progress=self.progressed.emit,
                stored=self.stored.emit,
                should_cancel=self._cancel.is_set,
            )
        except Exception as error:  # reported to the researcher, never swallowed
            self.failed.emit(f"The import stopped: {error}")
        else:
            self.finished.emit(report)


class ImportRunner(QObject):
    """Runs imports for a window, one at a time, reporting through `progress`."""

    stored = Signal(object)  # tuple[ArticleSummary, ...]
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, progress: TaskProgress, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._progress.cancelRequested.connect(self.cancel)
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, service: ProjectService, paths: Sequence[Path]) -> None:
        if self.busy:
            raise RuntimeError("an import is already running")
        thread = QThread(self)
        thread.setObjectName("importThread")
        worker = ImportWorker(service, paths)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        queued = Qt.ConnectionType.QueuedConnection
        worker.progressed.connect(self._on_progress, queued)
        worker.stored.connect(self._on_stored, queued)
        worker.finished.connect(self._on_finished, queued)
        worker.failed.connect(self._on_failed, queued)
        self._thread, self._worker = thread, worker
        self._progress.start("Looking for files…")
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self) -> None:
        """Stop the running import (if any) and wait for it; used before closing."""
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait()

    def _on_progress(self, step: ImportProgress) -> None:
        name = Path(step.current).name if step.current else ""
        self._progress.advance(
            step.files_done,
            step.files_total,
            f"Importing {name} ({step.articles_imported} articles so far)",
        )

    def _on_stored(self, articles: tuple[ArticleSummary, ...]) -> None:
        self.stored.emit(articles)

    def _on_finished(self, report: ImportReport) -> None:
        self._tear_down()
        self.finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._tear_down()
        self.failed.emit(message)

    def _tear_down(self) -> None:
        self._progress.finish()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None

"""Long work off the UI thread: one background job at a time, with progress and Cancel.

A job is a plain function (an import, a pre-annotation run) that takes three
callbacks: `progress(step)`, `stored(batch)` for results already committed,
and `should_cancel()`. It runs in a QThread; the callbacks become queued
signals, so the window shows progress in the status bar and new results as
they land while the researcher keeps working. Cancel asks the job to stop at
its next check; what it committed until then stays.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.task_progress import TaskProgress
from storage.bundle import ExchangeFormatError
from storage.service_base import InvalidEdit

# Refusals whose message is written for the researcher: shown as they are.
EXPLAINED = (ExchangeFormatError, InvalidEdit, FileExistsError)

Job = Callable[
    [Callable[[Any], None], Callable[[Any], None], Callable[[], bool]], Any
]  # (progress, stored, should_cancel) -> report
Describe = Callable[[Any], tuple[int, int, str]]  # progress step -> (done, total, text)


class _Worker(QObject):
    progressed = Signal(object)
    stored = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            report = self._job(self.progressed.emit, self.stored.emit, self._cancel.is_set)
        except EXPLAINED as refusal:
            self.failed.emit(str(refusal))
        except OSError as error:  # a file that cannot be read or written: say which and why
            where = f" ({error.filename})" if error.filename else ""
            self.failed.emit(f"{error.strerror or error}{where}.")
        except Exception as error:  # a fault of ours: reported, never swallowed
            traceback.print_exc()
            first_line = (str(error).splitlines() or [""])[0][:300]
            self.failed.emit(f"Something went wrong inside Claimline ({type(error).__name__}: "
                             f"{first_line}). The project is as it was before this step.")
        else:
            self.finished.emit(report)


class JobRunner(QObject):
    """Runs a window's background jobs, one at a time, reporting through `progress`."""

    stored = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, progress: TaskProgress, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._progress.cancelRequested.connect(self.cancel)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._describe: Describe | None = None
        self.kind = ""

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, kind: str, title: str, job: Job, describe: Describe) -> None:
        """Run `job` in the background; `kind` tells listeners which job finished."""
        if self.busy:
            raise RuntimeError("a background job is already running")
        thread = QThread(self)
        thread.setObjectName(f"{kind}Thread")
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        queued = Qt.ConnectionType.QueuedConnection
        worker.progressed.connect(self._on_progress, queued)
        worker.stored.connect(self._on_stored, queued)
        worker.finished.connect(self._on_finished, queued)
        worker.failed.connect(self._on_failed, queued)
        self._thread, self._worker, self._describe, self.kind = thread, worker, describe, kind
        self._progress.start(title)
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self) -> bool:
        """Stop the running job (if any) and wait for it; used before closing a project.

        What the job committed stays in its project, but its results are not
        reported: they belong to the project being closed, and must not reach
        (or be undone in) the next one. True if a job was running.
        """
        if self._thread is None:
            return False
        self.cancel()
        self._thread.quit()
        self._thread.wait()
        self._tear_down()
        return True

    def _current(self) -> bool:
        """Whether the signal being handled comes from the running job (not an abandoned one)."""
        return self._worker is not None and self.sender() is self._worker

    def _on_progress(self, step: Any) -> None:
        if self._current() and self._describe is not None:
            self._progress.advance(*self._describe(step))

    def _on_stored(self, batch: Any) -> None:
        if self._current():
            self.stored.emit(batch)

    def _on_finished(self, report: Any) -> None:
        if self._current():
            self._tear_down()
            self.finished.emit(report)

    def _on_failed(self, message: str) -> None:
        if self._current():
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
        self._thread = self._worker = self._describe = None

"""The window's long-running work: importing files and pre-annotating articles.

Both run as background jobs (desktop.background_job) on the open project.
Results reach the views as they are committed: imported articles appear in
the list batch by batch; suggestions refresh for the article being read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.background_job import JobRunner
from desktop.project_document import ProjectDocument
from desktop.task_progress import TaskProgress
from storage.records import ImportProgress


class BackgroundWork(QObject):
    importFinished = Signal(object)  # ImportReport
    annotationFinished = Signal(object)  # AnnotationReport
    suggestionsStored = Signal(object)  # tuple of article ids
    failed = Signal(str, str)  # what stopped, why

    def __init__(
        self, document: ProjectDocument, progress: TaskProgress, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._document = document
        self.runner = JobRunner(progress, self)
        self.runner.stored.connect(self._on_stored)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def wait(self) -> None:
        self.runner.wait()

    def cancel(self) -> None:
        self.runner.cancel()

    # ------------------------------------------------------------ importing
    def import_paths(self, paths: Sequence[Path]) -> None:
        service = self._document.service
        paths = list(paths)

        def job(progress: Any, stored: Any, should_cancel: Any) -> Any:
            from storage.import_job import import_paths

            return import_paths(
                service, paths, progress=progress, stored=stored, should_cancel=should_cancel
            )

        def describe(step: ImportProgress) -> tuple[int, int, str]:
            name = Path(step.current).name if step.current else ""
            return (
                step.files_done,
                step.files_total,
                f"Importing {name} ({step.articles_imported} articles so far)",
            )

        self.runner.start("import", "Looking for files…", job, describe)

    # ------------------------------------------------------------ pre-annotation
    def preannotate(self, article_ids: Sequence[int] | None) -> None:
        """Pre-annotate the given articles (None: all), with the project's pipeline settings."""
        from storage import project_settings

        service = self._document.service
        ids = list(article_ids) if article_ids is not None else None
        pipeline = service.get_setting(project_settings.PIPELINE)
        threshold = service.get_setting(project_settings.CLAIM_THRESHOLD)

        def job(progress: Any, stored: Any, should_cancel: Any) -> Any:
            # spaCy and the model load here, in the worker thread, never on the UI thread.
            from annotators.preannotate import Preannotator
            from storage.annotation_job import preannotate

            annotator = Preannotator(pipeline, claim_threshold=threshold)
            return preannotate(
                service,
                annotator,
                ids,
                progress=progress,
                stored=stored,
                should_cancel=should_cancel,
            )

        def describe(step: Any) -> tuple[int, int, str]:
            return (
                step.articles_done,
                step.articles_total,
                f"Pre-annotating: {step.suggestions_added} new suggestions",
            )

        self.runner.start("annotate", "Loading the language pipeline…", job, describe)

    # ------------------------------------------------------------ results
    def _on_stored(self, batch: Any) -> None:
        if self.runner.kind == "import":
            self._document.announce_added(batch)
        else:
            self.suggestionsStored.emit(batch)

    def _on_finished(self, report: Any) -> None:
        if self.runner.kind == "import":
            self.importFinished.emit(report)
        else:
            self.annotationFinished.emit(report)

    def _on_failed(self, message: str) -> None:
        what = "The import" if self.runner.kind == "import" else "Pre-annotation"
        self.failed.emit(f"{what} stopped", message)

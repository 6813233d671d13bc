"""The window's long-running work: importing, pre-annotating, comparing, exporting.

Each runs as a background job (desktop.background_job) on the open project.
Results reach the views as they are committed: imported articles appear in
the list batch by batch; suggestions refresh for the article being read; a
comparison's proposals reach the compare window when they are stored; an
export is put in place only when it is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.background_job import JobRunner
from desktop.project_document import ProjectDocument
from desktop.task_progress import TaskProgress
from storage.bundle import ImportResult
from storage.records import AlignmentsStored, ImportProgress


@dataclass(frozen=True)
class _Kind:
    """A kind of job: the signal that carries its result, the title of its failure,
    and what the status bar says when a closing project stops it ({name}: the file)."""

    signal: str
    failure: str
    stopped: str


KINDS = {
    "import": _Kind("importFinished", "The import stopped",
                    "Stopped the import; the articles it had imported stay in {name}."),
    "annotate": _Kind("annotationFinished", "Pre-annotation stopped",
                      "Stopped pre-annotation; the suggestions it had stored stay in {name}."),
    "compare": _Kind("comparisonFinished", "The comparison stopped",
                     "Stopped the comparison; nothing of it was stored."),
    "export": _Kind("exportFinished", "The export stopped",
                    "Stopped the export; nothing was written."),
    "import-annotations": _Kind("annotationsImported", "The import of annotations stopped",
                                "Stopped the import of annotations; nothing of it was stored."),
    "new-from-dataset": _Kind("datasetRestored", "The new project could not be made",
                              "Stopped making a project from the dataset; no file was left."),
}


class _Stopped(Exception):
    """The researcher pressed Cancel: the job's transaction is rolled back."""


@dataclass(frozen=True)
class Comparison:
    """A finished comparison: which articles, and what the aligner stored (None: cancelled)."""

    article_a: int
    article_b: int
    stored: AlignmentsStored | None


@dataclass(frozen=True)
class AnnotationsImported:
    """A finished import of annotations: from where, in which format, what it stored.

    `result` is None when the researcher cancelled: nothing was stored.
    """

    path: Path
    format: str
    result: ImportResult | None


class BackgroundWork(QObject):
    importFinished = Signal(object)  # ImportReport
    annotationFinished = Signal(object)  # AnnotationReport
    comparisonFinished = Signal(object)  # Comparison
    exportFinished = Signal(object)  # storage.bundle.ExportResult, None when cancelled
    annotationsImported = Signal(object)  # AnnotationsImported
    datasetRestored = Signal(object)  # Path of the new project, None when cancelled
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

    def wait(self) -> str | None:
        """Stop any running job; returns what to tell the researcher about it, or None.

        `{name}` in it stands for the project's file name.
        """
        kind = self.runner.kind
        return KINDS[kind].stopped if self.runner.wait() else None

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
                f"Pre-annotating: {step.suggestions_added} new "
                f"suggestion{'s' if step.suggestions_added != 1 else ''}",
            )

        self.runner.start("annotate", "Loading the language pipeline…", job, describe)

    # ------------------------------------------------------------ comparing
    def compare(self, article_a: int, article_b: int) -> None:
        """Align article A with article B and store the proposals (verdicts are kept)."""
        service = self._document.service

        def job(progress: Any, stored: Any, should_cancel: Any) -> Comparison:
            from annotators.alignment import align_texts, aligner_label
            from storage.compare_job import compare_articles

            result = compare_articles(service, article_a, article_b, align_texts,
                                      aligner_label(), should_cancel=should_cancel)
            return Comparison(article_a, article_b, result)

        self.runner.start("compare", "Comparing the two articles…", job,
                          lambda _step: (0, 0, "Comparing the two articles…"))

    # ------------------------------------------------------------ exporting
    def export(self, format_name: str, out: Path, article_ids: Sequence[int] | None,
               include_open: bool) -> None:
        service = self._document.service
        ids = list(article_ids) if article_ids is not None else None

        def job(progress: Any, stored: Any, should_cancel: Any) -> Any:
            from storage.exporting.export_job import export_dataset

            return export_dataset(service, format_name, out, ids, include_open=include_open,
                                  progress=lambda done, total: progress((done, total)),
                                  should_cancel=should_cancel)

        self.runner.start("export", f"Exporting {format_name}…", job,
                          _counted(f"Exporting {format_name}"))

    # ------------------------------------------------------------ importing annotations
    def import_annotations(self, format_name: str, path: Path) -> None:
        """Read brat, Web Annotation or INCEpTION files into the open project."""
        service = self._document.service

        def job(progress: Any, stored: Any, should_cancel: Any) -> AnnotationsImported:
            from storage.exporting.formats import import_format

            read = import_format(format_name).load()
            try:
                result = read(service, path, _stoppable(progress, should_cancel))
            except _Stopped:
                return AnnotationsImported(path, format_name, None)
            return AnnotationsImported(path, format_name, result)

        self.runner.start("import-annotations", f"Reading {path.name}…", job, _counted(
            f"Importing annotations from {path.name}"))

    def new_project_from(self, dataset: Path, project: Path) -> None:
        """Make a new project at `project` holding a Claimline JSON Lines dataset."""

        def job(progress: Any, stored: Any, should_cancel: Any) -> Path | None:
            from storage.exporting.formats import import_format
            from storage.project_file import remove_project_file
            from storage.service import ProjectService

            restore = import_format("claimline-jsonl").load()
            service = ProjectService.create(project)
            try:
                restore(service, dataset, _stoppable(progress, should_cancel))
            except BaseException as error:
                service.close()
                remove_project_file(project)
                if isinstance(error, _Stopped):
                    return None
                raise
            service.close()
            return project

        self.runner.start("new-from-dataset", f"Reading {dataset.name}…", job,
                          _counted(f"Restoring {dataset.name}"))

    # ------------------------------------------------------------ results
    def _on_stored(self, batch: Any) -> None:
        if self.runner.kind == "import":
            self._document.announce_added(batch)
        else:
            self.suggestionsStored.emit(batch)

    def _on_finished(self, report: Any) -> None:
        getattr(self, KINDS[self.runner.kind].signal).emit(report)

    def _on_failed(self, message: str) -> None:
        self.failed.emit(KINDS[self.runner.kind].failure, message)


def _stoppable(progress: Callable[[Any], None],
               should_cancel: Callable[[], bool]) -> Callable[[int, int], None]:
    """A progress callback for a storing job that stops it (rolling back) on Cancel."""

    def report(done: int, total: int) -> None:
        if should_cancel():
            raise _Stopped
        progress((done, total))

    return report


def _counted(what: str) -> Callable[[tuple[int, int]], tuple[int, int, str]]:
    """Progress of (done, total) steps, described as `what: done of total`."""
    return lambda step: (step[0], step[1], f"{what}: {step[0]} of {step[1]}")

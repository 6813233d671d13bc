"""Datasets in and out from the main window.

File ▸ Export Dataset, Import Annotations and New Project from Dataset all run
in the background with progress. An export can be cancelled; it is written
beside its destination and moved into place when complete
(storage.exporting.export_job), and what it had to leave out is listed when it
is done. An import of annotations is stored in one transaction and becomes one
step on the undo stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.export_dialog import ExportDialog
from desktop.import_annotations_dialog import ImportAnnotationsDialog
from desktop.undo_commands import ImportAnnotationsCommand
from storage.bundle import ExportResult, ImportResult
from storage.exporting.formats import FORMATS
from storage.project_file import SUFFIX

if TYPE_CHECKING:
    from desktop.background_work import AnnotationsImported
    from desktop.main_window import MainWindow


class ExchangeController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.work.exportFinished.connect(self._on_exported)
        window.work.annotationsImported.connect(self._on_annotations_imported)
        window.work.datasetRestored.connect(self._on_dataset_restored)

    # ------------------------------------------------------------ export
    def export(self) -> None:
        window = self._window
        if not window.document.is_open or window.refuse_if_busy():
            return
        path = window.document.path
        dialog = ExportDialog(window.articles.selected_article_ids(), window.start_folder(),
                              path.stem if path else "claimline", window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        entry = FORMATS[choice.format]
        if problem := entry.destination_problem(choice.path):
            window.warn("Cannot export there", problem[0].upper() + problem[1:] + ".")
            return
        if entry.replaces(choice.path):
            what = "folder" if entry.is_folder else "file"
            held = ("holds an earlier export" if entry.is_folder else "already exists")
            answer = QMessageBox.question(
                window, f"Replace the {what}?",
                f"“{choice.path.name}” {held}. Replace it with this export?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        window.work.export(choice.format, choice.path, choice.article_ids, choice.include_open)

    def _on_exported(self, result: ExportResult | None) -> None:
        window = self._window
        if result is None:
            window.statusBar().showMessage("Export cancelled; nothing was written.", 8000)
            return
        window.statusBar().showMessage(result.summary_line(), 15000)
        if result.notes:
            _show_notes(window, "exportNotes", "Export finished", result.summary_line(),
                        "Left out or changed on the way:", result.notes)

    # ------------------------------------------------------------ import
    def import_annotations(self) -> None:
        """Annotations from brat, a Web Annotation client or INCEpTION, into this project."""
        window = self._window
        if not window.document.is_open or window.refuse_if_busy():
            return
        dialog = ImportAnnotationsDialog(window.start_folder(), window)
        if dialog.exec() != ImportAnnotationsDialog.DialogCode.Accepted:
            return
        format_name, path = dialog.choice()
        window.work.import_annotations(format_name, path)

    def _on_annotations_imported(self, done: AnnotationsImported) -> None:
        window = self._window
        result: ImportResult | None = done.result
        if result is None:
            window.statusBar().showMessage("Import cancelled; nothing was stored.", 8000)
            return
        if result.created:
            window.document.announce_imported(result.created)
            window.undo_stack.push(
                ImportAnnotationsCommand(window.document, result, source=done.path.name))
        window.statusBar().showMessage(result.summary_line(), 15000)
        if result.notes:
            _show_notes(window, "importNotes", "Import finished", result.summary_line(),
                        f"Not taken from {done.path.name}:", result.notes)

    # ------------------------------------------------------------ new project
    def new_project_from_dataset(self) -> None:
        """A Claimline JSON Lines dataset (or bundle export) becomes a new project file."""
        window = self._window
        if window.refuse_if_busy():
            return
        name, _ = QFileDialog.getOpenFileName(
            window, "New Project from Dataset", str(window.start_folder()),
            "Claimline datasets (*.jsonl);;All files (*)")
        if not name:
            return
        dataset = Path(name)
        suggested = window.start_folder() / (dataset.stem + SUFFIX)
        target, _ = QFileDialog.getSaveFileName(
            window, "Save the New Project As", str(suggested),
            f"Claimline projects (*{SUFFIX})")
        if not target:
            return
        project = Path(target)
        if project.suffix != SUFFIX:
            project = project.with_name(project.name + SUFFIX)
        if project.exists():
            window.warn("Cannot create project",
                        f"“{project.name}” already exists. Choose a new name; a dataset is "
                        "never restored over an existing project.")
            return
        window.work.new_project_from(dataset, project)

    def _on_dataset_restored(self, project: Path | None) -> None:
        if project is None:
            self._window.statusBar().showMessage(
                "Cancelled; no project was made from the dataset.", 8000)
            return
        if self._window.open_project(project):
            self._window.statusBar().showMessage(f"New project {project.name} made from the "
                                                 "dataset.", 15000)


def _show_notes(parent: QWidget, name: str, title: str, summary: str, heading: str,
                notes: tuple[str, ...]) -> None:
    """A non-blocking box listing what an export or import could not carry over."""
    shown = list(notes[:30])
    if len(notes) > len(shown):
        shown.append(f"… and {len(notes) - len(shown)} more")
    box = QMessageBox(QMessageBox.Icon.Information, title,
                      f"{summary}\n\n{heading}\n• " + "\n• ".join(shown),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.open()

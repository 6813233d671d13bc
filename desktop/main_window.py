"""Claimline's main window: the article list, the reader and the panels around them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QFile, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QUndoView,
    QWidget,
)

from desktop import app_settings
from desktop.annotation_controller import AnnotationController
from desktop.annotation_settings_dialog import AnnotationSettingsDialog
from desktop.article_list_panel import ArticleListPanel
from desktop.background_work import BackgroundWork
from desktop.claim_inspector import ClaimInspector
from desktop.claims_browser import ClaimsBrowser
from desktop.compare_controller import CompareController
from desktop.event_panel import EventPanel
from desktop.exchange_controller import ExchangeController
from desktop.import_report_dialog import ImportReportDialog
from desktop.label_manager_dialog import LabelManagerDialog
from desktop.layer_legend import LayerLegend
from desktop.metadata_panel import MetadataPanel
from desktop.object_names import named
from desktop.project_document import ProjectDocument
from desktop.project_lock import ProjectLock
from desktop.reader_view import ArticleReader
from desktop.search_panel import SearchPanel
from desktop.suggestions_panel import SuggestionsPanel
from desktop.task_progress import TaskProgress
from desktop.timeline_controller import TimelineController
from desktop.timeline_panel import TimelinePanel
from desktop.undo_commands import (
    DeleteArticlesCommand,
    EditMetadataCommand,
    ImportArticlesCommand,
    SetOriginalCommand,
    SetSettingsCommand,
)
from desktop.window_menus import KEYS_HELP, build_menus
from storage import project_file
from storage.annotation_job import AnnotationReport
from storage.importing import SUPPORTED_SUFFIXES
from storage.project_file import SUFFIX, ProjectFileError
from storage.records import (
    ArticleMetadata,
    ArticlesChanged,
    ClaimsChanged,
    ImportReport,
    SuggestionsChanged,
)
from storage.service import ArticleNotFound, InvalidEdit, ProjectService, validate_metadata

APP_TITLE = "Claimline"
PROJECT_FILTER = f"Claimline projects (*{SUFFIX});;All files (*)"
IMPORT_FILTER = (
    "Articles (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ");;All files (*)"
)


class MainWindow(QMainWindow):
    # Set by desktop.window_menus.build_menus.
    action_new: QAction
    action_open: QAction
    action_import: QAction
    action_import_folder: QAction
    action_close: QAction
    action_quit: QAction
    action_undo: QAction
    action_redo: QAction
    action_delete: QAction
    action_find: QAction
    action_search: QAction
    action_mark_claim: QAction
    action_mark_exact: QAction
    action_delete_claim: QAction
    claim_edge_actions: list[QAction]
    label_key_actions: list[QAction]
    action_labels: QAction
    action_new_event: QAction
    action_event_from_claim: QAction
    action_go_to_date: QAction
    action_preannotate: QAction
    action_preannotate_all: QAction
    action_annotation_settings: QAction
    action_compare_original: QAction
    action_compare_two: QAction
    action_export: QAction
    action_import_annotations: QAction
    action_new_from_dataset: QAction
    recent_menu: QMenu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1440, 900)

        self.document = ProjectDocument(self)
        self.document.projectOpened.connect(self._on_project_opened)
        self.document.projectClosed.connect(self._on_project_closed)
        self.document.articlesChanged.connect(self._on_articles_changed)
        self.document.claimsChanged.connect(self._on_annotations_changed)
        self.document.suggestionsChanged.connect(self._on_annotations_changed)
        self.undo_stack = self.document.undo_stack

        self.articles = ArticleListPanel()
        self.articles.currentArticleChanged.connect(self._show_article)
        self.articles.textSearchRequested.connect(self._search_text)
        self.reader = ArticleReader()
        self.reader.articleLinkActivated.connect(self.articles.select_article)
        self.legend = LayerLegend(self.reader)
        splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        splitter.addWidget(self.articles)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 520])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.inspector = ClaimInspector()
        self.suggestions = SuggestionsPanel()
        self.suggestions.spanActivated.connect(self.reader.select_span)
        self.metadata = MetadataPanel()
        self.metadata.metadataEdited.connect(self._edit_metadata)
        self.metadata.originalChosen.connect(self._set_original)
        self.claims = ClaimsBrowser(self.document)
        self.claims.jumpRequested.connect(self.jump_to)
        self.search = SearchPanel(self.document)
        self.search.jumpRequested.connect(self.jump_to)
        self.annotation = AnnotationController(self.document, self.reader, self.inspector,
                                               self.suggestions, self)
        self.annotation.refused.connect(lambda message: self.statusBar().showMessage(message,
                                                                                     8000))
        self.event_panel = EventPanel()
        self.timeline_panel = TimelinePanel()
        self._build_docks()
        self.timeline = TimelineController(self, self.timeline_panel, self.event_panel)
        self.timeline_panel.today.setToolTip("Centre on today (T)")
        self.inspector.set_event_choices(self._event_choices)
        self.inspector.linkEventRequested.connect(
            lambda claim, event: self.timeline.link_claims(event, [claim]))
        self.inspector.newEventRequested.connect(self.timeline.new_event_from_claim)
        self.suggestions.eventFromDateRequested.connect(self.timeline.new_event_from_date)

        self.task_progress = named(TaskProgress(), "taskProgress")
        self.work = BackgroundWork(self.document, self.task_progress, self)
        self.work.importFinished.connect(self._on_import_finished)
        self.work.annotationFinished.connect(self._on_annotation_finished)
        self.work.suggestionsStored.connect(self.document.announce_suggestions)
        self.work.failed.connect(self.warn)
        self.document.stepRefused.connect(
            lambda why: self.warn("That step is no longer possible", why))
        self.comparing = CompareController(self)
        self.exchange = ExchangeController(self)
        self.project_label = named(QLabel(), "projectPath")
        self.project_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.task_progress)
        self.statusBar().addPermanentWidget(self.project_label)

        build_menus(self)
        self._restore_layout()
        self._update_title()
        self._update_actions()

    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = named(QDockWidget(title, self), name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.claim_dock = self._dock("Claim", "claimDock", self.inspector, right)
        self.suggestions_dock = self._dock("Suggestions", "suggestionsDock", self.suggestions,
                                           right)
        self.details_dock = self._dock("Article details", "articleDetailsDock", self.metadata,
                                       right)
        self.layers_dock = self._dock("Layers", "layersDock", self.legend, right)
        self.events_dock = self._dock("Event", "eventDock", self.event_panel, right)
        self.tabifyDockWidget(self.claim_dock, self.suggestions_dock)
        self.tabifyDockWidget(self.suggestions_dock, self.events_dock)
        self.tabifyDockWidget(self.events_dock, self.layers_dock)
        self.tabifyDockWidget(self.layers_dock, self.details_dock)
        self.claim_dock.raise_()
        self.timeline_dock = self._dock("Timeline", "timelineDock", self.timeline_panel, bottom)
        self.claims_dock = self._dock("Claims", "claimsDock", self.claims, bottom)
        self.search_dock = self._dock("Search", "searchDock", self.search, bottom)
        self.tabifyDockWidget(self.timeline_dock, self.claims_dock)
        self.tabifyDockWidget(self.claims_dock, self.search_dock)
        self.timeline_dock.raise_()
        self.history_dock = self._dock("Undo history", "undoHistoryDock",
                                       named(QUndoView(self.undo_stack), "undoHistory"), right)
        self.history_dock.hide()
        self.resizeDocks([self.claim_dock], [400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.timeline_dock], [260], Qt.Orientation.Vertical)

    def docks(self) -> list[QDockWidget]:
        return [self.claim_dock, self.suggestions_dock, self.events_dock, self.layers_dock,
                self.details_dock, self.timeline_dock, self.claims_dock, self.search_dock,
                self.history_dock]

    def _event_choices(self) -> list[tuple[int, str]]:
        """The project's events, as the claim panel's "Link to Event" menu lists them."""
        if not self.document.is_open:
            return []
        from desktop.event_panel import date_reading

        return [(e.id, f"{e.title} — {date_reading(e)}")
                for e in self.document.service.list_events()]

    def _update_actions(self) -> None:
        is_open = self.document.is_open
        has_article = is_open and self.articles.current_article_id() is not None
        for item in (self.action_import, self.action_import_folder, self.action_close,
                     self.action_find, self.action_search, self.action_preannotate_all,
                     self.action_annotation_settings, self.action_labels, self.action_new_event,
                     self.action_event_from_claim, self.action_go_to_date, self.action_export,
                     self.action_import_annotations):
            item.setEnabled(is_open)
        for item in (self.action_delete, self.action_preannotate, self.action_mark_claim,
                     self.action_mark_exact, self.action_compare_original,
                     self.action_compare_two):
            item.setEnabled(has_article)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = app_settings.recent_projects()
        for path in paths:
            entry = self.recent_menu.addAction(path.name)
            entry.setToolTip(str(path))
            entry.setStatusTip(str(path))
            entry.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not paths:
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    # ------------------------------------------------------------ projects
    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New Project", str(self.start_folder()),
                                              PROJECT_FILTER)
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        lock = self._lock_or_explain(path, "Cannot create project")
        if lock is None:
            return
        # The dialog has asked before replacing a file. The old one (with the edits
        # a crashed session left in its log folded in) goes to the trash, or, where
        # there is no trash, is kept beside it under a backup name.
        kept: Path | None = None
        try:
            if project_file.set_aside(path) is not None and not QFile.moveToTrash(str(path)):
                kept = project_file.backup_aside(path)
            service = ProjectService.create(path)
        except (ProjectFileError, OSError) as error:
            lock.release()
            self.warn("Cannot create project", str(error))
            return
        self._adopt(service, lock)
        if kept is not None:
            self.statusBar().showMessage(
                f"The earlier “{path.name}” was kept as “{kept.name}”.", 15000)

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open Project", str(self.start_folder()),
                                              PROJECT_FILTER)
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> bool:
        """Open `path`; on failure explain why and keep the current project open."""
        if self.document.path is not None and _same_file(self.document.path, path):
            self.statusBar().showMessage(f"“{path.name}” is already open here.", 6000)
            return True
        lock = self._lock_or_explain(path, "Cannot open project")
        if lock is None:
            return False
        try:
            service = ProjectService.open(path)
        except ProjectFileError as error:
            lock.release()
            self.warn("Cannot open project", str(error))
            if not path.exists():
                app_settings.forget_project(path)
            return False
        self._adopt(service, lock)
        if service.backup_made:
            self.statusBar().showMessage(
                f"Upgraded “{path.name}” from an older Claimline; the old file was kept as "
                f"“{Path(service.backup_made).name}”.", 15000)
        return True

    def close_project(self) -> None:
        self._stop_work()
        self.document.close()

    def _lock_or_explain(self, path: Path, title: str) -> ProjectLock | None:
        """The lock on `path` for this window, or None after saying where it is open."""
        if self.document.path is not None and _same_file(self.document.path, path):
            self.warn(title, f"“{path.name}” is the project open in this window.")
            return None
        lock = ProjectLock(path)
        if (refusal := lock.acquire()) is not None:
            self.warn(title, refusal)
            return None
        return lock

    def _adopt(self, service: ProjectService, lock: ProjectLock) -> None:
        self._stop_work()
        self.document.set_service(service, lock)
        app_settings.remember_project(service.path)

    def start_folder(self) -> Path:
        """Where file dialogs start: beside the open project."""
        return self.document.path.parent if self.document.path else Path.home()

    def _on_project_opened(self) -> None:
        service = self.document.service
        self.articles.model.set_articles(service.list_articles())
        self._offer_originals()
        self.articles.model.set_annotation_counts(service.claim_counts(),
                                                  service.review_progress(), replace=True)
        self.articles.select_first()
        if self.articles.current_article_id() is None:
            self._show_article(-1)
        self._update_title()
        self._update_actions()

    def _on_project_closed(self) -> None:
        self.articles.model.set_articles([])
        self._offer_originals()
        self._show_article(-1)
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        path = self.document.path
        self.setWindowTitle(f"{path.stem} — {APP_TITLE}" if path else APP_TITLE)
        self.setWindowFilePath(str(path) if path else "")
        self.project_label.setText(str(path) if path else "No project open")

    # ------------------------------------------------------------ articles
    @Slot(int)
    def _show_article(self, article_id: int) -> None:
        detail = None
        if article_id >= 0 and self.document.is_open:
            try:
                detail = self.document.service.get_article(article_id)
            except ArticleNotFound:
                detail = None
        self.reader.show_article(detail)
        self.metadata.show_article(detail)
        self.annotation.show_article(detail.id if detail else None)
        self.claims.set_current_article(detail.id if detail else None)
        self._update_actions()

    def jump_to(self, article_id: int, start: int, end: int, claim_id: int = -1) -> None:
        """Show an article and a place in it (a search hit, a claim in the list)."""
        if self.articles.current_article_id() != article_id and not self.articles.select_article(
                article_id):
            return
        self.reader.select_span(start, end)
        if claim_id >= 0:
            self.annotation.select_claim(claim_id)

    def _on_articles_changed(self, change: ArticlesChanged) -> None:
        service = self.document.service
        if change.added or change.removed:
            # A deleted or restored article may be another's original: that one's
            # "↳" and "Rewritten from" change too, so every row is read again.
            model = self.articles.model
            kept = {model.article_at(row).id for row in range(model.rowCount())}
            change = ArticlesChanged(added=change.added, removed=change.removed,
                                     updated=tuple(kept - set(change.removed)))
        self.articles.model.apply_change(change, service.article_summaries)
        self.articles.refilter()
        self._offer_originals()
        current = self.articles.current_article_id()
        if current is None:
            self.articles.select_first()
            if self.articles.current_article_id() is None:
                self._show_article(-1)
        elif current in change.updated or current in change.added:
            self._show_article(current)

    def _on_annotations_changed(self, change: ClaimsChanged | SuggestionsChanged) -> None:
        ids = change.article_ids
        service = self.document.service
        self.articles.model.set_annotation_counts(
            {i: service.claim_counts(ids).get(i, 0) for i in ids}, service.review_progress(ids))

    def _search_text(self, query: str) -> None:
        ids = set(self.document.service.search_articles(query)) if self.document.is_open else set()
        self.articles.set_text_matches(query, ids)

    def _edit_metadata(self, article_id: int, before: ArticleMetadata,
                       after: ArticleMetadata) -> None:
        try:
            validate_metadata(after)
        except InvalidEdit as error:
            self.metadata.show_error(str(error))
            return
        self.undo_stack.push(EditMetadataCommand(self.document, article_id, before, after))

    def _offer_originals(self) -> None:
        """Keep the details panel's Rewrite of list to the project's articles."""
        model = self.articles.model
        self.metadata.set_articles([model.article_at(row) for row in range(model.rowCount())])

    def _set_original(self, article_id: int, original_id: int | None) -> None:
        command = SetOriginalCommand(self.document, article_id, original_id)
        self.undo_stack.push(command)
        if command.refusal:
            self.metadata.show_error(command.refusal)

    def delete_selected(self) -> None:
        ids = self.articles.selected_article_ids()
        # A running import, pre-annotation or comparison may be reading these articles.
        if ids and not self.refuse_if_busy():
            self.undo_stack.push(DeleteArticlesCommand(self.document, ids))
            self.statusBar().showMessage(
                f"Deleted {len(ids)} article{'s' if len(ids) != 1 else ''}. "
                "Edit ▸ Undo brings them back.", 8000)

    def focus_filter(self) -> None:
        self.articles.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.articles.filter.selectAll()

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def manage_labels(self) -> None:
        LabelManagerDialog(self.document, self).exec()

    # ------------------------------------------------------------ importing
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import Files", str(self.start_folder()),
                                                IMPORT_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import Folder", str(self.start_folder()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> None:
        if not self.document.is_open:
            self.warn("No project is open",
                      "Open or create a project first; imported articles are stored in it.")
            return
        if not self.refuse_if_busy():
            self.work.import_paths(paths)

    def _on_import_finished(self, report: ImportReport) -> None:
        if report.imported:
            self.undo_stack.push(ImportArticlesCommand(self.document, report))
            if self.articles.current_article_id() is None:
                self.articles.select_article(report.imported[0].id)
        self.statusBar().showMessage(report.summary_line(), 15000)
        if report.failures or report.duplicates or not report.imported:
            ImportReportDialog(report, self).open()

    def _stop_work(self) -> None:
        """A project is closing: its running job stops, and what it finished stays there."""
        closing = self.document.path
        stopped = self.work.wait()
        if stopped and closing is not None:
            self.statusBar().showMessage(stopped.format(name=closing.name), 15000)

    def refuse_if_busy(self) -> bool:
        """True (and says so in the status bar) while a background job is running."""
        if self.work.busy:
            self.statusBar().showMessage(
                "Wait for the background task to finish, or cancel it in the status bar.", 6000)
        return self.work.busy

    # ------------------------------------------------------------ pre-annotation
    def preannotate_selected(self) -> None:
        ids = self.articles.selected_article_ids()
        if ids and not self.refuse_if_busy():
            self.work.preannotate(ids)

    def preannotate_all(self) -> None:
        if self.document.is_open and not self.refuse_if_busy():
            self.work.preannotate(None)

    def edit_annotation_settings(self) -> None:
        from annotators.claims.checkworthiness import DEFAULT_THRESHOLD
        from storage import project_settings

        service = self.document.service
        dialog = AnnotationSettingsDialog(service.get_setting(project_settings.PIPELINE),
                                          service.get_setting(project_settings.CLAIM_THRESHOLD),
                                          DEFAULT_THRESHOLD, self)
        if dialog.exec() != AnnotationSettingsDialog.DialogCode.Accepted:
            return
        chosen = dialog.values()
        values = {project_settings.PIPELINE: chosen["pipeline"],
                  project_settings.CLAIM_THRESHOLD: chosen["threshold"]}
        if any(service.get_setting(k) != v for k, v in values.items()):
            self.undo_stack.push(SetSettingsCommand(self.document, values,
                                                    "Change annotation settings"))


    def _on_annotation_finished(self, report: AnnotationReport) -> None:
        self.statusBar().showMessage(report.summary_line(), 15000)
        for notice in report.notices:  # a fallback pipeline must never go unnoticed
            self.warn("Pre-annotation used a fallback", notice)

    # ------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        projects = [p for p in paths if p.suffix == SUFFIX]
        if len(projects) == 1 and len(paths) == 1:
            self.open_project(projects[0])
        else:
            self.import_paths([p for p in paths if p.suffix != SUFFIX])

    # ------------------------------------------------------------ window
    def warn(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("warningMessage")
        box.open()

    def about(self) -> None:
        QMessageBox.about(
            self, "About Claimline",
            "Claimline: an offline workbench for researchers who study the news. Import "
            "articles, mark the claims they make, place them on a timeline and compare sources.")

    def show_keys(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Keyboard Shortcuts", KEYS_HELP,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("keysHelp")
        box.open()

    def _restore_layout(self) -> None:
        settings = app_settings.app_settings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.work.wait()
        settings = app_settings.app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.document.close()
        super().closeEvent(event)


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()

"""Claimline's main window: the article list, the reader and the details panel."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QFile, Qt, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
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
from desktop.annotation_settings_dialog import AnnotationSettingsDialog
from desktop.article_list_panel import ArticleListPanel
from desktop.background_work import BackgroundWork
from desktop.import_report_dialog import ImportReportDialog
from desktop.metadata_panel import MetadataPanel
from desktop.object_names import named
from desktop.project_document import ProjectDocument
from desktop.reader_view import ArticleReader
from desktop.suggestions_panel import SuggestionsPanel
from desktop.task_progress import TaskProgress
from desktop.undo_commands import (
    DeleteArticlesCommand,
    EditMetadataCommand,
    ImportArticlesCommand,
    SetSettingsCommand,
)
from storage.annotation_job import AnnotationReport
from storage.importing import SUPPORTED_SUFFIXES
from storage.project_file import SUFFIX, ProjectFileError
from storage.records import ArticleMetadata, ArticlesChanged, ImportReport
from storage.service import ArticleNotFound, InvalidEdit, ProjectService, validate_metadata

APP_TITLE = "Claimline"
PROJECT_FILTER = f"Claimline projects (*{SUFFIX});;All files (*)"
IMPORT_FILTER = (
    "Articles (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ");;All files (*)"
)


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1440, 880)

        self.document = ProjectDocument(self)
        self.document.projectOpened.connect(self._on_project_opened)
        self.document.projectClosed.connect(self._on_project_closed)
        self.document.articlesChanged.connect(self._on_articles_changed)
        self.undo_stack = self.document.undo_stack

        self.articles = ArticleListPanel()
        self.articles.currentArticleChanged.connect(self._show_article)
        self.articles.textSearchRequested.connect(self._search_text)
        self.reader = ArticleReader()
        self.reader.articleLinkActivated.connect(self.articles.select_article)
        self.metadata = MetadataPanel()
        self.metadata.metadataEdited.connect(self._edit_metadata)

        splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        splitter.addWidget(self.articles)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 640])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.details_dock = named(QDockWidget("Article details", self), "articleDetailsDock")
        self.details_dock.setWidget(self.metadata)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.history_dock = named(QDockWidget("Undo history", self), "undoHistoryDock")
        self.history_dock.setWidget(named(QUndoView(self.undo_stack), "undoHistory"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()

        self.suggestions = SuggestionsPanel()
        self.suggestions.spanActivated.connect(self.reader.select_span)
        self.suggestions_dock = named(QDockWidget("Suggestions", self), "suggestionsDock")
        self.suggestions_dock.setWidget(self.suggestions)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.suggestions_dock)
        self.tabifyDockWidget(self.details_dock, self.suggestions_dock)
        self.details_dock.raise_()
        self.resizeDocks([self.details_dock], [430], Qt.Orientation.Horizontal)

        self.task_progress = named(TaskProgress(), "taskProgress")
        self.work = BackgroundWork(self.document, self.task_progress, self)
        self.work.importFinished.connect(self._on_import_finished)
        self.work.annotationFinished.connect(self._on_annotation_finished)
        self.work.suggestionsStored.connect(self._on_suggestions_stored)
        self.work.failed.connect(self._warn)

        self.project_label = named(QLabel(), "projectPath")
        self.project_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.task_progress)
        self.statusBar().addPermanentWidget(self.project_label)

        self._build_actions()
        self._restore_layout()
        self._update_title()

    # ------------------------------------------------------------ actions and menus
    def _action(
        self,
        name: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.action_new = self._action(
            "actionNewProject",
            "&New Project…",
            self.new_project,
            keys.New,
            "Create an empty project file",
        )
        self.action_open = self._action(
            "actionOpenProject", "&Open Project…", self.choose_project, keys.Open
        )
        self.action_import = self._action(
            "actionImport",
            "&Import Files…",
            self.choose_files,
            "Ctrl+I",
            "Import article files into this project",
        )
        self.action_import_folder = self._action(
            "actionImportFolder",
            "Import &Folder…",
            self.choose_folder,
            "Ctrl+Shift+I",
            "Import every article file in a folder and its subfolders",
        )
        self.action_close = self._action(
            "actionCloseProject", "&Close Project", self.document.close
        )
        self.action_quit = self._action("actionQuit", "&Quit", self.close, keys.Quit)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.action_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcuts([QKeySequence(keys.Undo)])
        self.action_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Shift+Z")])
        self.action_delete = self._action(
            "actionDeleteArticle", "&Delete Article", self.delete_selected, keys.Delete
        )
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.articles.table.addAction(self.action_delete)
        self.action_find = self._action(
            "actionFindArticles", "&Find Articles", self._focus_filter, keys.Find
        )

        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.setObjectName("menuFile")
        file_menu.addActions([self.action_new, self.action_open])
        self.recent_menu = named(QMenu("Open &Recent", self), "menuOpenRecent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.action_import, self.action_import_folder])
        file_menu.addSeparator()
        file_menu.addActions([self.action_close, self.action_quit])

        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.setObjectName("menuEdit")
        edit_menu.addActions([self.action_undo, self.action_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_find, self.action_delete])

        annotate_menu = menu_bar.addMenu("&Annotate")
        annotate_menu.setObjectName("menuAnnotate")
        self.action_preannotate = self._action(
            "actionPreannotate",
            "&Pre-annotate Selected Articles",
            self.preannotate_selected,
            "Ctrl+Shift+P",
            "Propose entities, dates and claim candidates for the selected articles",
        )
        self.action_preannotate_all = self._action(
            "actionPreannotateAll",
            "Pre-annotate &All Articles",
            self.preannotate_all,
            None,
            "Propose entities, dates and claim candidates for every article, in the background",
        )
        self.action_annotation_settings = self._action(
            "actionAnnotationSettings",
            "Annotation &Settings…",
            self.edit_annotation_settings,
        )
        annotate_menu.addActions([self.action_preannotate, self.action_preannotate_all])
        annotate_menu.addSeparator()
        annotate_menu.addAction(self.action_annotation_settings)

        view_menu = menu_bar.addMenu("&View")
        view_menu.setObjectName("menuView")
        for dock in (self.details_dock, self.suggestions_dock, self.history_dock):
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"action{dock.objectName()[0].upper()}{dock.objectName()[1:]}")
            view_menu.addAction(toggle)

        help_menu = menu_bar.addMenu("&Help")
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(self._action("actionAbout", "&About Claimline", self._about))
        self._update_actions()

    def _update_actions(self) -> None:
        is_open = self.document.is_open
        for action in (
            self.action_import,
            self.action_import_folder,
            self.action_close,
            self.action_find,
        ):
            action.setEnabled(is_open)
        self.action_delete.setEnabled(is_open and self.articles.current_article_id() is not None)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = app_settings.recent_projects()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not paths:
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    # ------------------------------------------------------------ projects
    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New Project", str(self._start_folder()), PROJECT_FILTER
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        # The dialog has asked before replacing a file; the old one goes to the
        # trash rather than disappearing.
        if path.exists() and not QFile.moveToTrash(str(path)):
            self._warn(
                "Cannot create project",
                f"“{path.name}” already exists and could not be moved to the trash.",
            )
            return
        try:
            service = ProjectService.create(path)
        except OSError as error:
            self._warn("Cannot create project", f"“{path}” could not be created: {error}")
            return
        self._adopt(service)

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open Project", str(self._start_folder()), PROJECT_FILTER
        )
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> bool:
        """Open `path`; on failure explain why and keep the current project open."""
        try:
            service = ProjectService.open(path)
        except ProjectFileError as error:
            self._warn("Cannot open project", str(error))
            if not path.exists():
                app_settings.forget_project(path)
            return False
        self._adopt(service)
        if service.backup_made:
            self.statusBar().showMessage(
                f"Upgraded “{path.name}” from an older Claimline; the old file was kept as "
                f"“{Path(service.backup_made).name}”.",
                15000,
            )
        return True

    def close_project(self) -> None:
        self.work.wait()
        self.document.close()

    def _adopt(self, service: ProjectService) -> None:
        self.work.wait()
        self.document.set_service(service)
        app_settings.remember_project(service.path)

    def _start_folder(self) -> Path:
        return self.document.path.parent if self.document.path else Path.home()

    def _on_project_opened(self) -> None:
        self.articles.model.set_articles(self.document.service.list_articles())
        self.articles.select_first()
        if self.articles.current_article_id() is None:
            self._show_article(-1)
        self._update_title()
        self._update_actions()

    def _on_project_closed(self) -> None:
        self.articles.model.set_articles([])
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
        self._show_suggestions(detail.id if detail else None)
        self._update_actions()

    def _on_articles_changed(self, change: ArticlesChanged) -> None:
        service = self.document.service
        self.articles.model.apply_change(change, service.article_summaries)
        self.articles.refilter()
        current = self.articles.current_article_id()
        if current is None:
            self.articles.select_first()
            if self.articles.current_article_id() is None:
                self._show_article(-1)
        elif current in change.updated or current in change.added:
            self._show_article(current)

    def _search_text(self, query: str) -> None:
        ids = set(self.document.service.search_articles(query)) if self.document.is_open else set()
        self.articles.set_text_matches(query, ids)

    def _edit_metadata(
        self, article_id: int, before: ArticleMetadata, after: ArticleMetadata
    ) -> None:
        try:
            validate_metadata(after)
        except InvalidEdit as error:
            self.metadata.show_error(str(error))
            return
        self.undo_stack.push(EditMetadataCommand(self.document, article_id, before, after))

    def delete_selected(self) -> None:
        ids = self.articles.selected_article_ids()
        if ids:
            self.undo_stack.push(DeleteArticlesCommand(self.document, ids))
            self.statusBar().showMessage(
                f"Deleted {len(ids)} article{'s' if len(ids) != 1 else ''}. "
                "Edit ▸ Undo brings them back.",
                8000,
            )

    def _focus_filter(self) -> None:
        self.articles.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.articles.filter.selectAll()

    # ------------------------------------------------------------ importing
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import Files", str(self._start_folder()), IMPORT_FILTER
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import Folder", str(self._start_folder()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> None:
        if not self.document.is_open:
            self._warn(
                "No project is open",
                "Open or create a project first; imported articles are stored in it.",
            )
            return
        if self._busy():
            return
        self.work.import_paths(paths)

    def _on_import_finished(self, report: ImportReport) -> None:
        if report.imported:
            self.undo_stack.push(ImportArticlesCommand(self.document, report))
            if self.articles.current_article_id() is None:
                self.articles.select_article(report.imported[0].id)
        self.statusBar().showMessage(report.summary_line(), 15000)
        if report.failures or report.duplicates or not report.imported:
            ImportReportDialog(report, self).open()

    def _busy(self) -> bool:
        if self.work.busy:
            self.statusBar().showMessage(
                "Wait for the background task to finish, or cancel it in the status bar.", 6000
            )
        return self.work.busy

    # ------------------------------------------------------------ pre-annotation
    def preannotate_selected(self) -> None:
        ids = self.articles.selected_article_ids()
        if ids and not self._busy():
            self.work.preannotate(ids)

    def preannotate_all(self) -> None:
        if self.document.is_open and not self._busy():
            self.work.preannotate(None)

    def edit_annotation_settings(self) -> None:
        from annotators.claims.checkworthiness import DEFAULT_THRESHOLD as DEFAULT_CLAIM_THRESHOLD
        from storage import project_settings

        service = self.document.service
        dialog = AnnotationSettingsDialog(
            service.get_setting(project_settings.PIPELINE),
            service.get_setting(project_settings.CLAIM_THRESHOLD),
            DEFAULT_CLAIM_THRESHOLD,
            self,
        )
        if dialog.exec() != AnnotationSettingsDialog.DialogCode.Accepted:
            return
        chosen = dialog.values()
        values = {
            project_settings.PIPELINE: chosen["pipeline"],
            project_settings.CLAIM_THRESHOLD: chosen["threshold"],
        }
        if any(service.get_setting(k) != v for k, v in values.items()):
            self.undo_stack.push(
                SetSettingsCommand(self.document, values, "Change annotation settings")
            )

    def _on_suggestions_stored(self, article_ids: tuple[int, ...]) -> None:
        current = self.articles.current_article_id()
        if current is not None and current in article_ids:
            self._show_suggestions(current)

    def _on_annotation_finished(self, report: AnnotationReport) -> None:
        self.statusBar().showMessage(report.summary_line(), 15000)
        for notice in report.notices:  # a fallback pipeline must never go unnoticed
            self._warn("Pre-annotation used a fallback", notice)

    def _show_suggestions(self, article_id: int | None) -> None:
        if article_id is None or not self.document.is_open:
            self.suggestions.show_suggestions(None)
            return
        self.suggestions.show_suggestions(self.document.service.list_suggestions(article_id))

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
    def _warn(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("warningMessage")
        box.open()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Claimline",
            "Claimline: an offline workbench for researchers who study the news. Import "
            "articles, mark the claims they make, place them on a timeline and compare sources.",
        )

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

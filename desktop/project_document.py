"""The open project as the GUI sees it: the service, the undo stack, change signals.

Views never call the service to change anything; they push undo commands,
and the commands call the methods here. Each method makes one service call
and announces what changed, so every view refreshes only what it must.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from storage.records import (
    ArticleMetadata,
    ArticlesChanged,
    ArticleSnapshot,
    ArticleSummary,
    MetadataChange,
)
from storage.service import ProjectService


class ProjectDocument(QObject):
    """Holds at most one open project at a time."""

    projectOpened = Signal()
    projectClosed = Signal()
    articlesChanged = Signal(object)  # ArticlesChanged
    settingsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self._service: ProjectService | None = None

    # ------------------------------------------------------------ lifecycle
    @property
    def is_open(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> ProjectService:
        if self._service is None:
            raise RuntimeError("no project is open")
        return self._service

    @property
    def path(self) -> Path | None:
        return self._service.path if self._service else None

    def set_service(self, service: ProjectService) -> None:
        """Switch to another open project; the previous one is closed."""
        self.close()
        self._service = service
        self.projectOpened.emit()

    def close(self) -> None:
        if self._service is None:
            return
        self.undo_stack.clear()
        service, self._service = self._service, None
        service.close()
        self.projectClosed.emit()

    # ------------------------------------------------------------ edits (called by commands)
    def update_metadata(self, article_id: int, metadata: ArticleMetadata) -> MetadataChange:
        change = self.service.update_metadata(article_id, metadata)
        self.articlesChanged.emit(change.changed)
        return change

    def delete_articles(self, ids: tuple[int, ...]) -> ArticleSnapshot:
        snapshot = self.service.delete_articles(ids)
        self.articlesChanged.emit(ArticlesChanged(removed=snapshot.article_ids))
        return snapshot

    def restore_articles(self, snapshot: ArticleSnapshot) -> None:
        self.articlesChanged.emit(self.service.restore_articles(snapshot))

    def set_settings(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self.service.set_setting(key, value)
        self.settingsChanged.emit()

    def announce_added(self, articles: tuple[ArticleSummary, ...]) -> None:
        """Articles were stored by a background import; tell the views."""
        if articles:
            self.articlesChanged.emit(ArticlesChanged(added=tuple(a.id for a in articles)))

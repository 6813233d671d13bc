"""One QUndoCommand per kind of edit. Every edit a researcher makes goes through here.

Commands hold only plain records (before/after metadata, a snapshot of what
was deleted), so undo and redo restore the database exactly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.project_document import ProjectDocument
from storage.records import ArticleMetadata, ArticleSnapshot, ImportReport


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class EditMetadataCommand(QUndoCommand):
    def __init__(
        self,
        document: ProjectDocument,
        article_id: int,
        before: ArticleMetadata,
        after: ArticleMetadata,
    ) -> None:
        fields = ", ".join(before.changed_fields(after)).replace("_", " ")
        super().__init__(f"Edit {fields} of “{after.title or before.title}”")
        self._document = document
        self._article_id = article_id
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._document.update_metadata(self._article_id, self._after)

    def undo(self) -> None:
        self._document.update_metadata(self._article_id, self._before)


class DeleteArticlesCommand(QUndoCommand):
    def __init__(self, document: ProjectDocument, ids: tuple[int, ...]) -> None:
        super().__init__(f"Delete {_plural(len(ids), 'article')}")
        self._document = document
        self._ids = ids
        self._snapshot: ArticleSnapshot | None = None

    def redo(self) -> None:
        self._snapshot = self._document.delete_articles(self._ids)

    def undo(self) -> None:
        assert self._snapshot is not None
        self._document.restore_articles(self._snapshot)


class ImportArticlesCommand(QUndoCommand):
    """Records an import that already ran in the background.

    Its articles were stored and shown batch by batch, so the first redo does
    nothing; undo deletes them (keeping a snapshot) and a later redo restores it.
    """

    def __init__(self, document: ProjectDocument, report: ImportReport) -> None:
        super().__init__(f"Import {_plural(len(report.imported), 'article')}")
        self._document = document
        self._report = report
        self._snapshot: ArticleSnapshot | None = None

    def redo(self) -> None:
        if self._snapshot is not None:
            self._document.restore_articles(self._snapshot)

    def undo(self) -> None:
        self._snapshot = self._document.delete_articles(self._report.imported_ids)


class SetSettingsCommand(QUndoCommand):
    """Changes project settings (a mapping of key to JSON value, None for the default)."""

    def __init__(self, document: ProjectDocument, values: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._after = dict(values)
        service = document.service
        self._before = {key: service.get_setting(key) for key in values}

    def redo(self) -> None:
        self._document.set_settings(self._after)

    def undo(self) -> None:
        self._document.set_settings(self._before)

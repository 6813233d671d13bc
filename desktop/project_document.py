"""The open project as the GUI sees it: the service, the undo stack, change signals.

Views never call the service to change anything; they push undo commands,
and the commands call the methods here. Each method makes one service call
and announces what changed, so every view refreshes only what it must.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.project_lock import ProjectLock
from storage.bundle import ImportedIds
from storage.records import (
    Acceptance,
    AlignmentRecord,
    ArticleMetadata,
    ArticlesChanged,
    ArticleSnapshot,
    ArticleSummary,
    ClaimFields,
    ClaimRecord,
    ClaimsChanged,
    ClaimSnapshot,
    DerivedFromLink,
    DifferenceRecord,
    EventChange,
    EventsChanged,
    EventsState,
    ImportedSnapshot,
    LabelRecord,
    MetadataChange,
    OriginalChange,
    SuggestionsChanged,
    SuggestionStatusChange,
)
from storage.service import ProjectService
from storage.service_base import Rows


class ProjectDocument(QObject):
    """Holds at most one open project at a time."""

    projectOpened = Signal()
    projectClosed = Signal()
    articlesChanged = Signal(object)  # ArticlesChanged
    settingsChanged = Signal()
    claimsChanged = Signal(object)  # ClaimsChanged
    suggestionsChanged = Signal(object)  # SuggestionsChanged
    labelsChanged = Signal()
    eventsChanged = Signal(object)  # EventsChanged
    alignmentsChanged = Signal(int, int)  # article A, article B
    # An undo or redo the project no longer allows (what changed since makes it
    # impossible); the step is dropped from the stack and this says why.
    stepRefused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self._service: ProjectService | None = None
        self._lock: ProjectLock | None = None

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

    def set_service(self, service: ProjectService, lock: ProjectLock | None = None) -> None:
        """Switch to another open project (holding `lock` while it is open); the previous
        one is closed."""
        self.close()
        self._service, self._lock = service, lock
        self.projectOpened.emit()

    def close(self) -> None:
        if self._service is None:
            return
        self.undo_stack.clear()
        service, self._service = self._service, None
        service.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.projectClosed.emit()

    # ------------------------------------------------------------ edits (called by commands)
    def update_metadata(self, article_id: int, metadata: ArticleMetadata) -> MetadataChange:
        change = self.service.update_metadata(article_id, metadata)
        self.articlesChanged.emit(change.changed)
        return change

    def set_original(self, article_id: int, original_id: int | None) -> OriginalChange:
        change = self.service.set_original(article_id, original_id)
        self.articlesChanged.emit(change.changed)
        return change

    def restore_original(self, article_id: int,
                         links: tuple[DerivedFromLink, ...]) -> OriginalChange:
        change = self.service.restore_original(article_id, links)
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

    def announce_suggestions(self, article_ids: tuple[int, ...]) -> None:
        """Suggestions were stored by a background pre-annotation; tell the views."""
        if article_ids:
            self.suggestionsChanged.emit(SuggestionsChanged(tuple(article_ids)))

    def announce_added(self, articles: tuple[ArticleSummary, ...]) -> None:
        """Articles were stored by a background import; tell the views."""
        if articles:
            self.articlesChanged.emit(ArticlesChanged(added=tuple(a.id for a in articles)))

    # ------------------------------------------------------------ imported annotations
    def announce_imported(self, created: ImportedIds) -> None:
        """Annotations were imported in the background; tell the views."""
        self._announce_imported(created, added=created.articles)

    def remove_imported(self, created: ImportedIds) -> ImportedSnapshot:
        snapshot = self.service.remove_imported(created)
        self._announce_imported(snapshot.removed, removed=snapshot.removed.articles)
        return snapshot

    def restore_imported(self, snapshot: ImportedSnapshot) -> None:
        self.service.restore_imported(snapshot)
        self._announce_imported(snapshot.removed, added=snapshot.removed.articles)

    def _announce_imported(self, records: ImportedIds, added: tuple[int, ...] = (),
                           removed: tuple[int, ...] = ()) -> None:
        """An import (or its undo) may touch any article: every view refreshes what it shows."""
        if added or removed:
            self.articlesChanged.emit(ArticlesChanged(added=added, removed=removed))
        everywhere = tuple(a.id for a in self.service.list_articles())
        if records.labels:
            self.labelsChanged.emit()
        self.claimsChanged.emit(ClaimsChanged(everywhere, updated=records.claims))
        self.suggestionsChanged.emit(SuggestionsChanged(everywhere))
        if records.links:
            self.eventsChanged.emit(EventsChanged(
                tuple(dict.fromkeys(event for _claim, event in records.links)),
                tuple(dict.fromkeys(claim for claim, _event in records.links))))

    # ------------------------------------------------------------ claims
    def create_claim(self, article_id: int, fields: ClaimFields) -> ClaimRecord:
        claim = self.service.create_claim(article_id, fields)
        self.claimsChanged.emit(ClaimsChanged((article_id,), added=(claim.id,)))
        return claim

    def update_claim(self, claim_id: int, fields: ClaimFields) -> tuple[ClaimRecord, ClaimRecord]:
        before, after = self.service.update_claim(claim_id, fields)
        self.claimsChanged.emit(ClaimsChanged((after.article_id,), updated=(claim_id,)))
        return before, after

    def delete_claims(self, ids: tuple[int, ...]) -> ClaimSnapshot:
        snapshot = self.service.delete_claims(ids)
        self.claimsChanged.emit(ClaimsChanged(snapshot.article_ids, removed=snapshot.claim_ids))
        return snapshot

    def restore_claims(self, snapshot: ClaimSnapshot) -> None:
        self.claimsChanged.emit(self.service.restore_claims(snapshot))

    # ------------------------------------------------------------ suggestions
    def accept_suggestions(
        self, ids: tuple[int, ...], overrides: dict[int, ClaimFields] | None = None
    ) -> Acceptance:
        acceptance = self.service.accept_suggestions(ids, overrides)
        articles = acceptance.statuses.article_ids
        self.suggestionsChanged.emit(SuggestionsChanged(articles, ids))
        if acceptance.created_claims:
            self.claimsChanged.emit(ClaimsChanged(articles, added=acceptance.created_claims))
        return acceptance

    def undo_acceptance(self, acceptance: Acceptance) -> ClaimSnapshot:
        snapshot = self.service.undo_acceptance(acceptance)
        articles = acceptance.statuses.article_ids
        self.suggestionsChanged.emit(SuggestionsChanged(articles, _ids(acceptance.statuses)))
        if acceptance.created_claims:
            self.claimsChanged.emit(ClaimsChanged(articles, removed=acceptance.created_claims))
        return snapshot

    def redo_acceptance(self, acceptance: Acceptance, snapshot: ClaimSnapshot) -> None:
        self.service.redo_acceptance(acceptance, snapshot)
        articles = acceptance.statuses.article_ids
        self.suggestionsChanged.emit(SuggestionsChanged(articles, _ids(acceptance.statuses)))
        if acceptance.created_claims:
            self.claimsChanged.emit(ClaimsChanged(articles, added=acceptance.created_claims))

    def set_suggestion_status(self, ids: tuple[int, ...], status: str) -> SuggestionStatusChange:
        change = self.service.set_suggestion_status(ids, status)
        self.suggestionsChanged.emit(SuggestionsChanged(change.article_ids, _ids(change)))
        return change

    def restore_suggestion_statuses(self, change: SuggestionStatusChange) -> None:
        self.service.restore_suggestion_statuses(change)
        self.suggestionsChanged.emit(SuggestionsChanged(change.article_ids, _ids(change)))

    def redo_suggestion_status(self, change: SuggestionStatusChange) -> None:
        self.service.redo_suggestion_status(change)
        self.suggestionsChanged.emit(SuggestionsChanged(change.article_ids, _ids(change)))

    # ------------------------------------------------------------ events
    def edit_events(self, edit: Callable[[ProjectService], EventChange]) -> EventChange:
        """Run one event edit of the service and announce what it touched."""
        change = edit(self.service)
        self.eventsChanged.emit(change.changed)
        return change

    def apply_events_state(self, state: EventsState) -> None:
        self.eventsChanged.emit(self.service.apply_events_state(state))

    # ------------------------------------------------------------ alignments
    def decide_alignment(self, alignment_id: int, relation: str, status: str,
                         differences: Sequence[DifferenceRecord] | None = None
                         ) -> tuple[AlignmentRecord, AlignmentRecord]:
        before, after = self.service.decide_alignment(alignment_id, relation, status, differences)
        self.alignmentsChanged.emit(after.article_a_id, after.article_b_id)
        return before, after

    def restore_alignment(self, record: AlignmentRecord) -> None:
        self.service.restore_alignment(record)
        self.alignmentsChanged.emit(record.article_a_id, record.article_b_id)

    def announce_alignments(self, article_a: int, article_b: int) -> None:
        """A comparison ran in the background and stored new proposals."""
        self.alignmentsChanged.emit(article_a, article_b)

    # ------------------------------------------------------------ labels
    def create_label(self, name: str, colour: str, shortcut: int | None) -> LabelRecord:
        label = self.service.create_label(name, colour, shortcut=shortcut)
        self.labelsChanged.emit()
        return label

    def update_label(self, label: LabelRecord) -> tuple[LabelRecord, LabelRecord]:
        result = self.service.update_label(label)
        self.labelsChanged.emit()
        return result

    def delete_label(self, label_id: int) -> Rows:
        rows = self.service.delete_label(label_id)
        self.labelsChanged.emit()
        return rows

    def restore_label(self, rows: Rows) -> None:
        self.service.restore_rows(rows)
        self.labelsChanged.emit()


def _ids(change: SuggestionStatusChange) -> tuple[int, ...]:
    return tuple(suggestion_id for suggestion_id, _status, _at in change.before)

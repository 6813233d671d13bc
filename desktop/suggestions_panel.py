"""The suggestions panel: what the models proposed for the article being read, and
the keyboard review of it.

With the list focused: ↑/↓ (or K/J) move, A accepts, R rejects, Shift+A accepts every
open suggestion of the same kind, E accepts a claim candidate after editing it (the
window asks for the changes), U reopens a decided suggestion, T makes an event on the
timeline from a date. After a decision the
next open suggestion of the same kind is selected, so a whole article can be reviewed
without the mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from desktop.suggestion_model import (
    GROUPS,
    READING,
    SCORE,
    STATUS,
    TEXT,
    SuggestionTreeModel,
)
from storage.records import SuggestionRecord

EMPTY = (
    "No suggestions yet. Annotate ▸ Pre-annotate Selected Articles proposes entities, dates "
    "and claim candidates."
)


class SuggestionsPanel(QWidget):
    """Emits `spanActivated(start, end)` (Python offsets) when a suggestion is selected,
    and the review requests below; the window turns those into undoable commands."""

    spanActivated = Signal(int, int)
    acceptRequested = Signal(object)  # tuple of suggestion ids
    rejectRequested = Signal(object)
    reopenRequested = Signal(object)
    editAcceptRequested = Signal(int)
    eventFromDateRequested = Signal(object)  # SuggestionRecord of a date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SuggestionTreeModel(self)
        self.tree = named(QTreeView(), "suggestionTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(READING, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(READING, 150)
        # Fixed widths: "resize to contents" would measure every row (thousands on a
        # long article) after each review decision.
        metrics = self.tree.fontMetrics()
        for column, sample in ((SCORE, "0.00 "), (STATUS, "accepted ")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setMinimumSectionSize(36)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self._review_actions()
        self.summary = named(QLabel(EMPTY), "suggestionSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def update_suggestions(self, records: Sequence[SuggestionRecord]) -> None:
        """Show new statuses of some suggestions without rebuilding the list."""
        self.model.update_records(records)

    def show_suggestions(self, suggestions: Sequence[SuggestionRecord] | None) -> None:
        current = self.current_suggestion()
        self.model.set_suggestions(suggestions or [])
        if current is not None and not self.tree.currentIndex().isValid():
            self.select_suggestion(current.id)
        for row in range(self.model.rowCount()):  # group headings read across the panel
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            # Only the groups have children: expandAll would ask each of thousands of
            # suggestions for its own, in Python, every time an article opens.
            self.tree.expand(self.model.index(row, 0))
        if not suggestions:
            self.summary.setText(EMPTY if suggestions is not None else "")
            return
        origins = sorted({f"{s.pipeline} {s.pipeline_version}" for s in suggestions})
        self.summary.setText(f"{len(suggestions)} suggestions from {', '.join(origins)}.")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        suggestion = self.model.suggestion(current)
        if suggestion is not None:
            self.spanActivated.emit(suggestion.start, suggestion.end)

    # ------------------------------------------------------------ keyboard review
    def _review_actions(self) -> None:
        def add(name: str, text: str, keys: list[str], slot: Callable[[], None]) -> QAction:
            action = named(QAction(text, self), name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
            return action

        self.action_accept = add("actionAcceptSuggestion", "Accept", ["A"], self.accept_current)
        self.action_reject = add("actionRejectSuggestion", "Reject", ["R"], self.reject_current)
        self.action_accept_kind = add("actionAcceptAllOfKind", "Accept All of This Kind",
                                      ["Shift+A"], self.accept_all_of_kind)
        self.action_edit_accept = add("actionEditAcceptSuggestion", "Edit, Then Accept…",
                                      ["E"], self.edit_then_accept)
        self.action_reopen = add("actionReopenSuggestion", "Reopen", ["U"], self.reopen_current)
        self.action_event_from_date = add("actionEventFromDate", "New Event from This Date…",
                                          ["T"], self.event_from_date)
        add("actionNextSuggestion", "Next", ["J"], lambda: self.step_selection(1))
        add("actionPreviousSuggestion", "Previous", ["K"], lambda: self.step_selection(-1))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def current_suggestion(self) -> SuggestionRecord | None:
        return self.model.suggestion(self.tree.currentIndex())

    def select_suggestion(self, suggestion_id: int) -> None:
        index = self.model.index_of(suggestion_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def step_selection(self, step: int) -> None:
        """Select the next (or previous) suggestion, across the groups."""
        flat = [s.id for kind, _title in GROUPS for s in self.model.suggestions_of(kind)]
        current = self.current_suggestion()
        if not flat:
            return
        if current is None:
            target = flat[0] if step > 0 else flat[-1]
        else:
            position = flat.index(current.id) + step
            target = flat[max(0, min(position, len(flat) - 1))]
        self.select_suggestion(target)

    def accept_current(self) -> None:
        if (suggestion := self.current_suggestion()) is not None:
            self._advance_after(suggestion)
            self.acceptRequested.emit((suggestion.id,))

    def reject_current(self) -> None:
        if (suggestion := self.current_suggestion()) is not None:
            self._advance_after(suggestion)
            self.rejectRequested.emit((suggestion.id,))

    def reopen_current(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is not None and suggestion.status != "open":
            self.reopenRequested.emit((suggestion.id,))

    def accept_all_of_kind(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is None:
            return
        ids = tuple(s.id for s in self.model.suggestions_of(suggestion.kind)
                    if s.status == "open")
        if ids:
            self.acceptRequested.emit(ids)

    def event_from_date(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is not None and suggestion.kind == "timex":
            self.eventFromDateRequested.emit(suggestion)

    def edit_then_accept(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is not None and suggestion.kind == "claim":
            self.editAcceptRequested.emit(suggestion.id)

    def _advance_after(self, decided: SuggestionRecord) -> None:
        """Select the next open suggestion of the same kind (the review goes on)."""
        rows = self.model.suggestions_of(decided.kind)
        position = next(i for i, s in enumerate(rows) if s.id == decided.id)
        following = [s for s in rows[position + 1 :] + rows[:position] if s.status == "open"]
        if following:
            self.select_suggestion(following[0].id)

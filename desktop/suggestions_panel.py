"""The suggestions panel: what the models proposed for the article being read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from desktop.suggestion_model import READING, SCORE, STATUS, TEXT, SuggestionTreeModel
from storage.records import SuggestionRecord

EMPTY = (
    "No suggestions yet. Annotate ▸ Pre-annotate Selected Articles proposes entities, dates "
    "and claim candidates."
)


class SuggestionsPanel(QWidget):
    """Emits `spanActivated(start, end)` (Python offsets) when a suggestion is selected."""

    spanActivated = Signal(int, int)

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
        for column in (SCORE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(36)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.summary = named(QLabel(EMPTY), "suggestionSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def show_suggestions(self, suggestions: Sequence[SuggestionRecord] | None) -> None:
        self.model.set_suggestions(suggestions or [])
        for row in range(self.model.rowCount()):  # group headings read across the panel
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        if not suggestions:
            self.summary.setText(EMPTY if suggestions is not None else "")
            return
        origins = sorted({f"{s.pipeline} {s.pipeline_version}" for s in suggestions})
        self.summary.setText(f"{len(suggestions)} suggestions from {', '.join(origins)}.")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        suggestion = self.model.suggestion(current)
        if suggestion is not None:
            self.spanActivated.emit(suggestion.start, suggestion.end)

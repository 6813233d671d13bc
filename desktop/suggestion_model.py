"""An article's suggestions as a two-level Qt model: kinds, then the suggestions of each kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from storage.records import SuggestionRecord

ModelIndex = QModelIndex | QPersistentModelIndex
SuggestionRole = Qt.ItemDataRole.UserRole + 10

GROUPS = (("claim", "Claim candidates"), ("timex", "Dates and times"), ("entity", "Entities"))
COLUMNS = ("Text", "Reading", "Score", "Status")
TEXT, READING, SCORE, STATUS = range(len(COLUMNS))
STATUS_COLOURS = {"accepted": QColor("#1b7f3b"), "rejected": QColor("#9a3412")}
ENTITY_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "TIME": "time",
    "QUANTITY": "quantity",
    "CARDINAL": "number",
    "MONEY": "money",
    "PERCENT": "percentage",
    "EVENT": "event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LANGUAGE": "language",
}


def reading(suggestion: SuggestionRecord) -> str:
    """What the model made of the span, in a few words."""
    attributes = suggestion.attributes
    if suggestion.kind == "timex":
        value = str(attributes.get("value", ""))
        mod = attributes.get("mod")
        text = f"{value} ({mod.lower()})" if mod else value
        if attributes.get("needs_anchor"):
            text += " · needs a publication date"
        return text
    if suggestion.kind == "claim":
        claimant = attributes.get("claimant")
        return f"claimant: {claimant}" if claimant else "no claimant named"
    return ENTITY_NAMES.get(suggestion.label, suggestion.label.lower())


def tooltip(suggestion: SuggestionRecord) -> str:
    attributes = suggestion.attributes
    lines = [suggestion.text]
    if suggestion.kind == "claim":
        lines.append(str(attributes.get("explanation") or ""))
        reasons = attributes.get("reasons") or []
        if reasons:
            lines.append("Reasons: " + ", ".join(str(r) for r in reasons))
    elif suggestion.kind == "timex":
        for key in ("type", "value", "mod", "edtf", "earliest", "latest", "anchor"):
            if attributes.get(key):
                lines.append(f"{key}: {attributes[key]}")
    lines.append(
        f"Proposed by {suggestion.pipeline} {suggestion.pipeline_version}, "
        f"{suggestion.component}" + (f" ({suggestion.rule})" if suggestion.rule else "")
    )
    return "\n".join(line for line in lines if line)


class SuggestionTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[list[SuggestionRecord]] = [[] for _ in GROUPS]

    def set_suggestions(self, suggestions: Sequence[SuggestionRecord]) -> None:
        """Show `suggestions`. When only their statuses or details changed (a review
        decision), rows are updated in place so that selection and scrolling stay put."""
        groups = [[s for s in suggestions if s.kind == kind] for kind, _ in GROUPS]
        same_rows = [[s.id for s in g] for g in groups] == [[s.id for s in g]
                                                            for g in self._groups]
        if not same_rows:
            self.beginResetModel()
            self._groups = groups
            self.endResetModel()
            return
        old, self._groups = self._groups, groups
        for group, (before, after) in enumerate(zip(old, groups, strict=True)):
            changed = [row for row, (a, b) in enumerate(zip(before, after, strict=True))
                       if a != b]
            if changed:
                parent = self.index(group, 0)
                self.dataChanged.emit(self.index(min(changed), 0, parent),
                                      self.index(max(changed), len(COLUMNS) - 1, parent))
                self.dataChanged.emit(parent, parent)  # the reviewed count in the heading

    def update_records(self, records: Sequence[SuggestionRecord]) -> None:
        """Replace the rows of these suggestions in place (a review decision changed them)."""
        fresh = {r.id: r for r in records}
        for group, rows in enumerate(self._groups):
            changed = [row for row, s in enumerate(rows) if s.id in fresh]
            for row in changed:
                rows[row] = fresh[rows[row].id]
            if changed:
                parent = self.index(group, 0)
                self.dataChanged.emit(self.index(min(changed), 0, parent),
                                      self.index(max(changed), len(COLUMNS) - 1, parent))
                self.dataChanged.emit(parent, parent)

    def group_of(self, kind: str) -> int:
        return next(i for i, (k, _title) in enumerate(GROUPS) if k == kind)

    def suggestions_of(self, kind: str) -> list[SuggestionRecord]:
        return list(self._groups[self.group_of(kind)])

    def index_of(self, suggestion_id: int) -> QModelIndex:
        for group, rows in enumerate(self._groups):
            for row, suggestion in enumerate(rows):
                if suggestion.id == suggestion_id:
                    return self.index(row, 0, self.index(group, 0))
        return QModelIndex()

    def suggestion(self, index: ModelIndex) -> SuggestionRecord | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][index.row()]

    # ------------------------------------------------------------ Qt model interface
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(GROUPS)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == TEXT:
                rows = self._groups[index.row()]
                reviewed = sum(1 for s in rows if s.status != "open")
                return f"{GROUPS[index.row()][1]} ({reviewed}/{len(rows)} reviewed)"
            return None
        suggestion = self._groups[index.internalId() - 1][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return " ".join(suggestion.text.split())
            if column == READING:
                return reading(suggestion)
            if column == SCORE:
                return f"{suggestion.score:.2f}" if suggestion.score is not None else ""
            return suggestion.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(suggestion)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return STATUS_COLOURS.get(suggestion.status)
        if role == SuggestionRole:
            return suggestion.id
        return None

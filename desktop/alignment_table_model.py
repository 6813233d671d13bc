"""The alignments of two articles as a table, and the proxy that filters and sorts them.

One row per alignment, passages and claim pairs alike, in reading order. The
model keeps every alignment of the pair; `AlignmentFilterProxy` narrows them
by level and relation and sorts by plain values, so the filters never make the
model forget a row (or the selection on it). Rows are refreshed one by one
(`set_records`), so a verdict repaints one row instead of resetting the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from desktop.alignment_relations import (
    RELATION_COLOURS,
    RELATION_HINTS,
    RELATION_TITLES,
    describe_difference,
    describe_differences,
    side_text,
)
from desktop.claim_table_model import RecordTableModel
from storage.records import AlignmentRecord

ModelIndex = QModelIndex | QPersistentModelIndex

AlignmentIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
RelationRole = Qt.ItemDataRole.UserRole + 3
LevelRole = Qt.ItemDataRole.UserRole + 4
StatusRole = Qt.ItemDataRole.UserRole + 5

COLUMNS = ("Relation", "A", "B", "Differences", "Score", "Status")
COLUMN_TIPS = (
    "How the two sides relate: same, reworded, conflicting, partial, added or dropped",
    "The passage or claim in article A",
    "The passage or claim in article B",
    "What differs between the two sides",
    "How sure the aligner was (0–1)",
    "Proposed by the aligner, or confirmed or rejected by you",
)
RELATION, A_TEXT, B_TEXT, DIFFERENCES, SCORE, STATUS = range(len(COLUMNS))
CONFLICT_ROW = QColor(RELATION_COLOURS["conflicting"])
CONFLICT_ROW.setAlpha(40)  # a wash over the table's own background, light or dark
STATUS_COLOURS = {"confirmed": QColor("#1b7f3b"), "rejected": QColor("#8a8f96")}
STATUS_TITLES = {"proposed": "proposed", "confirmed": "✓ confirmed", "rejected": "✗ rejected"}
MISSING = "—"


class AlignmentTableModel(RecordTableModel[AlignmentRecord]):
    """Every alignment of one pair of articles; the claims' words fill in for claim pairs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, COLUMN_TIPS, parent)
        self._claim_quotes: dict[int, str] = {}

    def key(self, record: AlignmentRecord) -> int:
        return record.id

    def set_alignments(self, records: Sequence[AlignmentRecord],
                       claim_quotes: Mapping[int, str] | None = None) -> None:
        """Show `records` (reading order); `claim_quotes` gives claim pairs their words."""
        quotes = dict(claim_quotes or {})
        if quotes != self._claim_quotes:
            self._claim_quotes = quotes
            if self._rows:
                self.dataChanged.emit(self.index(0, A_TEXT),
                                      self.index(len(self._rows) - 1, B_TEXT))
        self.set_records(records)

    def alignment(self, index: ModelIndex) -> AlignmentRecord | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    # ------------------------------------------------------------ Qt model interface
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.alignment(index)
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SortRole:
            return self._sort_key(record, column, index.row())
        if role == AlignmentIdRole:
            return record.id
        if role == RelationRole:
            return record.relation
        if role == LevelRole:
            return record.level
        if role == StatusRole:
            return record.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.BackgroundRole and record.relation == "conflicting" and (
                record.status != "rejected"):
            return CONFLICT_ROW
        if role == Qt.ItemDataRole.DecorationRole and column == RELATION:
            return QColor(RELATION_COLOURS.get(record.relation, "#999999"))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return STATUS_COLOURS.get(record.status)
        if role == Qt.ItemDataRole.ForegroundRole and record.status == "rejected":
            return STATUS_COLOURS["rejected"]
        if role == Qt.ItemDataRole.FontRole and column == RELATION and (
                record.relation == "conflicting"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: AlignmentRecord, column: int) -> str:
        if column == RELATION:
            title = RELATION_TITLES.get(record.relation, record.relation)
            return f"{title} · claims" if record.level == "claim" else title
        if column == A_TEXT:
            return side_text(record, "a", self._claim_quotes) or MISSING
        if column == B_TEXT:
            return side_text(record, "b", self._claim_quotes) or MISSING
        if column == DIFFERENCES:
            return describe_differences(record.differences)
        if column == SCORE:
            return "" if record.score is None else f"{record.score:.2f}"
        return STATUS_TITLES.get(record.status, record.status)

    def _sort_key(self, record: AlignmentRecord, column: int, row: int) -> Any:
        # Ties keep the reading order (the rows come in it).
        order = f"\x00{row:09d}"
        if column == RELATION:
            return record.relation + order
        if column == A_TEXT:
            return side_text(record, "a", self._claim_quotes).casefold() + order
        if column == B_TEXT:
            return side_text(record, "b", self._claim_quotes).casefold() + order
        if column == DIFFERENCES:
            return f"{9999 - len(record.differences):04d}" + order  # most differences first
        if column == SCORE:
            return -1.0 if record.score is None else record.score
        return record.status + order

    def _tooltip(self, record: AlignmentRecord, column: int) -> str:
        if column == RELATION:
            return RELATION_HINTS.get(record.relation, record.relation)
        if column == A_TEXT:
            return side_text(record, "a", self._claim_quotes) or "Not in article A"
        if column == B_TEXT:
            return side_text(record, "b", self._claim_quotes) or "Not in article B"
        if column == DIFFERENCES:
            return "\n".join(
                describe_difference(d) + (f" ({d.note})" if d.note else "")
                for d in record.differences) or "No differences noted"
        if column == SCORE:
            return record.reason
        if record.decided_at is not None:
            return f"{record.status.capitalize()} on {record.decided_at:%d %B %Y, %H:%M}"
        return f"Proposed by {record.aligner}" if record.aligner else "Proposed"


class AlignmentFilterProxy(QSortFilterProxyModel):
    """Keeps the rows of one level ("sentence", "claim"; None: both) and one relation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self._level: str | None = "sentence"
        self._relation: str | None = None

    @property
    def level(self) -> str | None:
        return self._level

    @property
    def relation(self) -> str | None:
        return self._relation

    def set_level(self, level: str | None) -> None:
        if level != self._level:
            self.beginFilterChange()
            self._level = level
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_relation(self, relation: str | None) -> None:
        if relation != self._relation:
            self.beginFilterChange()
            self._relation = relation
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._level is not None and model.data(index, LevelRole) != self._level:
            return False
        return self._relation is None or model.data(index, RelationRole) == self._relation

"""Claims across the project as a Qt table model, and the proxy that sorts them.

The service does the filtering (`find_claims`); this model only shows what it
returned. `set_records` applies a fresh answer row by row (removes, updates,
inserts) instead of resetting, so the view keeps its selection, scroll
position and sort across the frequent re-queries that claim edits cause.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.claim_drag import CLAIMS_MIME, ProjectOfClaims, claims_mime_data
from storage.records import ClaimListing

ModelIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
LabelChipsRole = Qt.ItemDataRole.UserRole + 3  # tuple of (name, "#rrggbb") per label

COLUMNS = ("Quote", "Claimant", "Labels", "Status", "Article", "Outlet")
COLUMN_TIPS = (
    "The claim's words as they stand in the article",
    "Who makes the claim",
    "The researcher's labels",
    "Review status: open, reviewed or flagged",
    "The article the claim is in",
    "Publication or site of that article",
)
QUOTE, CLAIMANT, LABELS, STATUS, ARTICLE, OUTLET = range(len(COLUMNS))
STATUS_COLOURS = {"reviewed": QColor("#1b7f3b"), "flagged": QColor("#b03a2e")}
UNTITLED = "(untitled)"
NO_COLOUR = "#888888"


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a list of frozen records, each with an integer key.

    Subclasses name their columns and say how a record looks; this base keeps
    the rows in step with a fresh list of records without resetting the model.
    """

    def __init__(
        self, columns: Sequence[str], tips: Sequence[str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._tips = tuple(tips)
        self._rows: list[R] = []

    @abstractmethod
    def key(self, record: R) -> int:
        """The identity of a record across refreshes (its database id)."""

    # ------------------------------------------------------------ content
    @property
    def records(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def record_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, key: int) -> int | None:
        return next((r for r, record in enumerate(self._rows) if self.key(record) == key), None)

    def set_records(self, records: Sequence[R]) -> None:
        """Show `records` (in their order), changing only the rows that differ."""
        wanted = {self.key(r): r for r in records}
        for row in range(len(self._rows) - 1, -1, -1):
            if self.key(self._rows[row]) not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        kept = [self.key(r) for r in self._rows]
        still_there = set(kept)
        if kept != [k for k in wanted if k in still_there]:  # rows moved: rare, start over
            self.beginResetModel()
            self._rows = list(records)
            self.endResetModel()
            return
        last = len(self._columns) - 1
        for row, record in enumerate(records):
            if row < len(self._rows) and self.key(self._rows[row]) == self.key(record):
                if self._rows[row] != record:
                    self._rows[row] = record
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, record)
            self.endInsertRows()

    # ------------------------------------------------------------ Qt model interface
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tips[section]
        return None


def one_line(text: str) -> str:
    return " ".join(text.split())


class ClaimTableModel(RecordTableModel[ClaimListing]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, COLUMN_TIPS, parent)
        self._colours: dict[int, str] = {}
        # The project the listed claims belong to, which their drag names.
        self.claims_project: ProjectOfClaims | None = None

    def key(self, record: ClaimListing) -> int:
        return record.claim.id

    def set_label_colours(self, colours: Mapping[int, str]) -> None:
        """Colours of the project's labels by id, for the chips in the Labels column."""
        if dict(colours) != self._colours:
            self._colours = dict(colours)
            if self._rows:
                last = len(self._rows) - 1
                self.dataChanged.emit(self.index(0, LABELS), self.index(last, LABELS))

    def listing(self, index: ModelIndex) -> ClaimListing | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    # Claims can be dragged onto events on the timeline.
    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [CLAIMS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        project = self.claims_project() if self.claims_project is not None else None
        return claims_mime_data((self.record_at(i.row()).claim.id for i in indexes if i.isValid()),
                                project)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        listing = self.listing(index)
        if listing is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(listing, column)
        if role == SortRole:
            return self._sort_key(listing, column)
        if role == ClaimIdRole:
            return listing.claim.id
        if role == LabelChipsRole:
            return tuple(
                (name, self._colours.get(label_id, NO_COLOUR))
                for label_id, name in zip(listing.claim.label_ids, listing.labels, strict=False)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(listing, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return STATUS_COLOURS.get(listing.claim.status)
        return None

    @staticmethod
    def _display(listing: ClaimListing, column: int) -> str:
        claim = listing.claim
        if column == QUOTE:
            return one_line(claim.quote)
        if column == CLAIMANT:
            return claim.claimant or ""
        if column == LABELS:
            return ", ".join(listing.labels)
        if column == STATUS:
            return claim.status
        if column == ARTICLE:
            return listing.article_title or UNTITLED
        return listing.outlet or ""

    @staticmethod
    def _sort_key(listing: ClaimListing, column: int) -> Any:
        claim = listing.claim
        # Within one article (or one claimant, label…) claims keep their reading order.
        place = f"\x00{claim.article_id:09d}\x00{claim.start:09d}"
        if column == QUOTE:
            return one_line(claim.quote).casefold()
        if column == CLAIMANT:
            return (claim.claimant or "").casefold() + place
        if column == LABELS:
            return ", ".join(listing.labels).casefold() + place
        if column == STATUS:
            return claim.status + place
        if column == ARTICLE:
            return (listing.article_title or "").casefold() + place
        return (listing.outlet or "").casefold() + place

    @staticmethod
    def _tooltip(listing: ClaimListing, column: int) -> str:
        claim = listing.claim
        if column == ARTICLE:
            return listing.article_title or UNTITLED
        lines = [one_line(claim.quote)]
        if claim.claimant:
            lines.append(f"Claimant: {claim.claimant}")
        if listing.labels:
            lines.append(f"Labels: {', '.join(listing.labels)}")
        if claim.note:
            lines.append(f"Note: {claim.note}")
        return "\n".join(lines)


class ClaimSortProxy(QSortFilterProxyModel):
    """Sorts claims by plain values; the filtering happens in the service's query."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

"""The article list as a Qt table model, and the proxy that sorts and filters it.

The model is a thin adapter over `ArticleSummary` records; it refreshes rows
from the `ArticlesChanged` records the project document announces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from storage.records import ArticlesChanged, ArticleSummary, ReviewProgress

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
SearchTextRole = Qt.ItemDataRole.UserRole + 3

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("Title", "Outlet", "Date", "Lang", "Words", "Claims", "Review")
COLUMN_TIPS = ("Headline", "Publication or site", "Publication date", "Language",
               "Length in words", "Claims marked", "Share of the model's suggestions reviewed")
TITLE, OUTLET, PUBLISHED, LANGUAGE, WORDS, CLAIMS, REVIEWED = range(len(COLUMNS))
NUMERIC = (WORDS, CLAIMS, REVIEWED)
UNTITLED = "(untitled)"


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._titles: dict[int, str] = {}
        self._claims: dict[int, int] = {}
        self._review: dict[int, ReviewProgress] = {}

    # ------------------------------------------------------------ content
    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(articles)
        self._titles = {a.id: a.title for a in self._rows}
        self.endResetModel()

    def apply_change(
        self, change: ArticlesChanged, fetch: Callable[[Sequence[int]], list[ArticleSummary]]
    ) -> None:
        """Refresh only the rows named in `change`; `fetch` loads fresh summaries."""
        gone = set(change.removed)
        for row in sorted((r for r, a in enumerate(self._rows) if a.id in gone), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._titles[self._rows[row].id]
            del self._rows[row]
            self.endRemoveRows()
        fresh = {a.id: a for a in fetch([*change.updated, *change.added])}
        for row, article in enumerate(self._rows):
            if article.id in fresh:
                self._rows[row] = fresh.pop(article.id)
                self._titles[article.id] = self._rows[row].title
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if fresh:
            new = sorted(fresh.values(), key=lambda a: a.id)
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._titles.update((a.id, a.title) for a in new)
            self.endInsertRows()

    def set_annotation_counts(
        self, claims: dict[int, int], review: dict[int, ReviewProgress], *, replace: bool = False
    ) -> None:
        """Claim counts and review progress, for all articles (`replace`) or some."""
        if replace:
            self._claims, self._review = dict(claims), dict(review)
            ids = {a.id for a in self._rows}
        else:
            ids = set(claims) | set(review)
            self._claims.update(claims)
            self._review.update(review)
        rows = [r for r, a in enumerate(self._rows) if a.id in ids]
        if rows:
            self.dataChanged.emit(self.index(min(rows), CLAIMS), self.index(max(rows), REVIEWED))

    def article_at(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        return next((r for r, a in enumerate(self._rows) if a.id == article_id), None)

    # ------------------------------------------------------------ Qt model interface
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMN_TIPS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        article = self._rows[index.row()]
        column = index.column()
        meta = article.metadata
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, column)
        if role == SortRole:
            return self._sort_key(article, column)
        if role == ArticleIdRole:
            return article.id
        if role == SearchTextRole:
            parts = [meta.title, meta.outlet, meta.author, meta.language, article.origin]
            return " ".join(p for p in parts if p).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._review_tip(article.id) if column == REVIEWED else self._tooltip(article)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, article: ArticleSummary, column: int) -> str:
        meta = article.metadata
        if column == TITLE:
            title = meta.title or UNTITLED
            return f"↳ {title}" if article.derived_from else title
        if column == OUTLET:
            return meta.outlet or ""
        if column == PUBLISHED:
            return meta.published.isoformat() if meta.published else ""
        if column == LANGUAGE:
            return meta.language or ""
        if column == CLAIMS:
            return str(self._claims.get(article.id, 0) or "")
        if column == REVIEWED:
            review = self._review.get(article.id)
            return f"{100 * review.reviewed // review.total}%" if review and review.total else ""
        return f"{article.word_count:,}"

    def _sort_key(self, article: ArticleSummary, column: int) -> Any:
        meta = article.metadata
        if column == TITLE:
            return (meta.title or "").casefold()
        if column == OUTLET:
            return (meta.outlet or "").casefold()
        if column == PUBLISHED:
            # Unknown dates sort after every known one.
            return meta.published.isoformat() if meta.published else "9999"
        if column == LANGUAGE:
            return meta.language or ""
        if column == CLAIMS:
            return self._claims.get(article.id, 0)
        if column == REVIEWED:
            review = self._review.get(article.id)
            return review.reviewed / review.total if review and review.total else -1.0
        return article.word_count

    def _review_tip(self, article_id: int) -> str:
        review = self._review.get(article_id)
        if review is None or not review.total:
            return "Not pre-annotated yet"
        return (f"{review.reviewed} of {review.total} suggestions reviewed "
                f"({review.accepted} accepted, {review.rejected} rejected)")

    def _tooltip(self, article: ArticleSummary) -> str:
        lines = [article.title or UNTITLED]
        for other in article.derived_from:
            lines.append(f"Derived from: {self._titles.get(other, f'article {other}')}")
        lines.append(f"Imported from: {article.origin}")
        return "\n".join(lines)


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and keeps rows whose metadata or text match the filter.

    Metadata is matched here, word by word; matches inside the article text
    come from the project's full-text index (`set_text_matches`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []
        self._text_matches: set[int] = set()

    def set_filter(self, query: str, text_matches: set[int] | None = None) -> None:
        self.beginFilterChange()
        self._words = query.casefold().split()
        self._text_matches = text_matches or set()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(ArticleIdRole) in self._text_matches:
            return True
        haystack = index.data(SearchTextRole) or ""
        return all(word in haystack for word in self._words)

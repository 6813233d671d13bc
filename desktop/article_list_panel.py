"""The article list: a filter box over a sortable table of the project's articles."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.article_table_model import (
    CLAIMS,
    LANGUAGE,
    OUTLET,
    PUBLISHED,
    REVIEWED,
    TITLE,
    WORDS,
    ArticleFilterProxy,
    ArticleIdRole,
    ArticleTableModel,
)
from desktop.object_names import named

FILTER_DELAY_MS = 150


class ArticleListPanel(QWidget):
    """Emits `currentArticleChanged(id)` (or -1 for none) as the selection moves.

    `textSearchRequested(query)` asks the window for the ids of articles whose
    text matches; the answer comes back through `set_text_matches`.
    """

    currentArticleChanged = Signal(int)
    textSearchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleTableModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter = named(QLineEdit(), "articleFilter")
        self.filter.setPlaceholderText("Filter by title, outlet, author or words in the text")
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _text: self._filter_timer.start())

        self.table = named(QTableView(), "articleList")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PUBLISHED, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OUTLET, 90)
        # Fixed widths: "resize to contents" would measure every row of a large project
        # whenever one changes (each claim marked updates a count).
        metrics = self.table.fontMetrics()
        for column, sample in ((PUBLISHED, "2025-03-17"), (LANGUAGE, "Lang"),
                               (WORDS, "12,345"), (CLAIMS, "Claims"), (REVIEWED, "Review")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 22)
        header.setMinimumSectionSize(40)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)

        self.count = named(QLabel(), "articleCount")
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._update_count()

    # ------------------------------------------------------------ selection
    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ArticleIdRole)) if index.isValid() else None

    def selected_article_ids(self) -> tuple[int, ...]:
        rows = self.table.selectionModel().selectedRows()
        return tuple(sorted(int(i.data(ArticleIdRole)) for i in rows))

    def select_article(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: show everything again
            self.filter.clear()
            self._apply_filter()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.select_article(int(self.proxy.index(0, 0).data(ArticleIdRole)))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentArticleChanged.emit(
            int(current.data(ArticleIdRole)) if current.isValid() else -1
        )

    # ------------------------------------------------------------ filtering
    def _apply_filter(self) -> None:
        query = self.filter.text().strip()
        if query:
            self.textSearchRequested.emit(query)
        else:
            self.proxy.set_filter("")
        self._update_count()

    def set_text_matches(self, query: str, ids: set[int]) -> None:
        if query == self.filter.text().strip():
            self.proxy.set_filter(query, ids)
            self._update_count()

    def refilter(self) -> None:
        """Run the current filter again (after articles changed)."""
        if self.filter.text().strip():
            self._apply_filter()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "article" if total == 1 else "articles"
        self.count.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")

"""Search the whole project: article texts and claims, grouped, with the matched words in bold.

The service's full-text index does the finding; this panel shows up to 200
hits per kind and turns an activated hit into a request to jump to its span.
Results are a two-level model (a heading per kind, hits below it) drawn by a
delegate that lays out each snippet once per width, so a full page of hits
scrolls smoothly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from desktop.project_document import ProjectDocument
from storage.records import SearchHit

ModelIndex = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200
LIMIT = 200  # per kind, as the service is asked
GROUPS = (("article", "Articles"), ("claim", "Claims"))
SNIPPET_LINES = 3
PADDING = 4
_MARKED = re.compile(r"\[([^\[\]]*)\]")


def plain_snippet(snippet: str) -> str:
    return " ".join(_MARKED.sub(r"\1", snippet).split())


def snippet_html(snippet: str) -> str:
    """The service's snippet with its [marked] words in bold, safe to render as rich text."""
    parts = []
    last = 0
    for found in _MARKED.finditer(snippet):
        parts.append(html.escape(snippet[last : found.start()]))
        parts.append(f"<b>{html.escape(found.group(1))}</b>")
        last = found.end()
    parts.append(html.escape(snippet[last:]))
    return " ".join("".join(parts).split())


def hit_key(hit: SearchHit) -> tuple[str, int, int | None]:
    return hit.kind, hit.article_id, hit.claim_id


class SearchResultModel(QAbstractItemModel):
    """Two levels: one heading row per kind that has hits, then its hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[SearchHit]]] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._groups = []
        for kind, name in GROUPS:
            rows = [h for h in hits if h.kind == kind]
            if rows:
                self._groups.append((name, rows))
        self.endResetModel()

    def hit(self, index: ModelIndex) -> SearchHit | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def counts(self) -> dict[str, int]:
        """Hits per kind ("article", "claim")."""
        found = {kind: 0 for kind, _ in GROUPS}
        for _, rows in self._groups:
            found[rows[0].kind] = len(rows)
        return found

    def index_of(self, key: tuple[str, int, int | None]) -> QModelIndex:
        for group, (_, rows) in enumerate(self._groups):
            for row, hit in enumerate(rows):
                if hit_key(hit) == key:
                    return self.index(row, 0, self.index(group, 0))
        return QModelIndex()

    def first_hit(self) -> QModelIndex:
        return self.index(0, 0, self.index(0, 0)) if self._groups else QModelIndex()

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
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:  # headings: the keyboard passes over them
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            name, rows = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                more = "+" if len(rows) >= LIMIT else ""
                return f"{name} · {len(rows)}{more}"
            return None
        hit = self._groups[index.internalId() - 1][1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.article_title}: {plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = "Claim in" if hit.kind == "claim" else "Article"
            return f"{where} “{hit.article_title}”\n{plain_snippet(hit.snippet)}"
        if role == HitRole:
            return hit
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Headings in small bold capitals; each hit as its article's title over its snippet."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, int], int] = {}

    def _document(self, snippet: str, font: QFont, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        document.setHtml(snippet_html(snippet))
        document.setTextWidth(width)
        document.size()  # lays the text out, so its lines can be measured
        return document

    def _snippet_height(self, document: QTextDocument) -> int:
        layout = document.firstBlock().layout()
        lines = min(layout.lineCount(), SNIPPET_LINES)
        if lines == 0:
            return 0
        return int(layout.lineAt(lines - 1).rect().bottom() + 0.999)

    def _text_width(self, index: ModelIndex) -> int:
        return max(self._view.viewport().width() - self._view.indentation() - 2 * PADDING, 80)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = option.fontMetrics
        hit: SearchHit | None = index.data(HitRole)
        if hit is None:
            return QSize(100, metrics.height() + 2 * PADDING + 2)
        width = self._text_width(index)
        key = (hit.snippet, width)
        if key not in self._heights:
            if len(self._heights) > 2000:
                self._heights.clear()
            self._heights[key] = self._snippet_height(
                self._document(hit.snippet, option.font, width)
            )
        return QSize(width, metrics.height() + self._heights[key] + 4 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        hit: SearchHit | None = index.data(HitRole)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        palette = item.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        if hit is None:
            self._paint_heading(painter, item, str(index.data()))
            painter.restore()
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect = item.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        title_font = QFont(item.font)
        title_font.setBold(hit.kind == "article")
        painter.setFont(title_font)
        muted = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        painter.setPen(palette.color(text_role) if selected or hit.kind == "article" else muted)
        title = hit.article_title or "(untitled)"
        if hit.kind == "claim":
            title = f"in {title}"
        metrics = painter.fontMetrics()
        shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        title_rect = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft), shown)
        document = self._document(hit.snippet, item.font, rect.width())
        height = self._snippet_height(document)
        painter.translate(rect.left(), rect.top() + metrics.height() + PADDING)
        painter.setClipRect(QRect(0, 0, rect.width(), height))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(text_role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_heading(self, painter: QPainter, item: QStyleOptionViewItem, text: str) -> None:
        font = QFont(item.font)
        font.setBold(True)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        painter.setFont(font)
        palette = item.palette
        painter.setPen(
            palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        )
        rect = item.rect.adjusted(PADDING, PADDING + 2, -PADDING, 0)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )


class SearchResultsView(QTreeView):
    """Lays rows out again when its width changes, since snippets wrap to the width."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class SearchPanel(QWidget):
    """A search field over grouped results.

    Emits `jumpRequested(article_id, start, end, claim_id)` (Python offsets;
    claim_id is -1 for a hit in an article's text) when a hit is activated.
    """

    jumpRequested = Signal(int, int, int, int)

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._document = document
        self._query = ""

        self.field = named(QLineEdit(), "searchField")
        self.field.setPlaceholderText("Search article texts and claims")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self.search_now)

        self.model = SearchResultModel(self)
        self.results = named(SearchResultsView(), "searchResults")
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setItemsExpandable(False)
        self.results.setIndentation(10)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.activated.connect(self._on_activated)

        self.status = named(QLabel(), "searchStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        document.projectOpened.connect(self.clear)
        document.projectClosed.connect(self.clear)
        document.claimsChanged.connect(self._search_again)
        document.articlesChanged.connect(self._search_again)
        self.clear()

    # ------------------------------------------------------------ public
    def set_query(self, query: str) -> None:
        """Put `query` in the field and search at once."""
        self.field.setText(query)
        self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        self._run(self.field.text().strip())

    def clear(self) -> None:
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._run("")

    def hit_count(self) -> int:
        return sum(self.model.counts().values())

    def current_hit(self) -> SearchHit | None:
        return self.model.hit(self.results.currentIndex())

    # ------------------------------------------------------------ searching
    def _run(self, query: str) -> None:
        current = self.current_hit()
        keep = hit_key(current) if current is not None and query == self._query else None
        self._query = query
        hits = (
            self._document.service.search(query, LIMIT) if query and self._document.is_open else []
        )
        self.model.set_hits(hits)
        self.results.expandAll()
        if keep is not None:
            index = self.model.index_of(keep)
            if index.isValid():
                self.results.setCurrentIndex(index)
        self._update_status()

    def _search_again(self, *_change: object) -> None:
        if self._query:
            self._run(self._query)

    def _update_status(self) -> None:
        if not self._query:
            self.status.setText("Type words to find them in every article and claim.")
            return
        counts = self.model.counts()
        if not any(counts.values()):
            self.status.setText("No matches")
            return
        parts = []
        for kind, noun in (("article", "article"), ("claim", "claim")):
            count = counts[kind]
            more = "+" if count >= LIMIT else ""
            parts.append(f"{count}{more} {noun}{'' if count == 1 else 's'}")
        self.status.setText(" and ".join(parts))

    def _on_activated(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            claim_id = hit.claim_id if hit.claim_id is not None else -1
            self.jumpRequested.emit(hit.article_id, hit.start, hit.end, claim_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the field moves into the results, so the keyboard alone gets to a hit."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            down = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
            if down and self.model.rowCount() > 0:
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if self.current_hit() is None:
                    self.results.setCurrentIndex(self.model.first_hit())
                return True
        return super().eventFilter(watched, event)

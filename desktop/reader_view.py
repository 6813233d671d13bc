"""The reading view: an article's heading, its provenance and its text with its layers.

The text sits in a read-only QPlainTextEdit (the fast text widget) kept to a
comfortable column width, centred in whatever space the window gives it. The
annotation layers are painted by a `SpanHighlighter` over its document.

Selections are reported in Python offsets, snapped outward to whole words by
default, because a researcher marking "accep" in "accept" means the word.
Holding Alt while releasing the mouse keeps a selection exactly as dragged.

A selection that is exactly a claim (as marking it, or jumping to it from the
Claims list, leaves it) drags that claim, with the data the Claims list drags:
dropped on an event on the timeline, it links the claim. Any other selection
drags as plain text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTextBoundaryFinder, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.claim_drag import DRAG_TO_LINK, ProjectOfClaims, claims_mime_data
from desktop.highlight_layers import CLAIM, HighlightSpan, keep_flags_whole
from desktop.object_names import named
from desktop.span_highlighter import SpanHighlighter
from desktop.text_offsets import OffsetMap
from storage.records import ArticleDetail

COLUMN_CHARACTERS = 76
EMPTY_HINT = (
    "Select an article in the list to read it, or bring articles in with "
    "File ▸ Import Files… or by dropping files and folders on this window."
)
_GRAPHEME = QTextBoundaryFinder.BoundaryType.Grapheme
_WORD = QTextBoundaryFinder.BoundaryType.Word


class ReadingTextEdit(QPlainTextEdit):
    """A read-only text view whose text column never grows wider than is easy to read.

    It reports clicks that are not drags (`clicked`, viewport coordinates) and the
    end of a mouse selection (`mouseSelectionFinished`, True when Alt was held).
    Selected text can be dragged out (Qt's own selection drag, read-only: a copy);
    `selected_claims` names the claims a selection stands for, which the drag
    (and a copy) then carries, with the project `claims_project` names.
    """

    clicked = Signal(QPoint)
    mouseSelectionFinished = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        # Whether the current selection was made with Alt held: keep it exact.
        self.exact_selection = False
        self.tooltip_provider: Callable[[QPoint], str] | None = None
        self.menu_builder: Callable[[], QMenu] | None = None
        self.before_paint: Callable[[], None] | None = None
        self.selected_claims: Callable[[], list[int]] | None = None
        self.claims_project: ProjectOfClaims | None = None
        self._press: QPoint | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Margins first: the text is then laid out for the viewport's new width.
        column = self.fontMetrics().horizontalAdvance("n") * COLUMN_CHARACTERS
        side = max(12, (self.width() - column) // 2)
        self.setViewportMargins(side, 12, side, 12)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.before_paint is not None:
            self.before_paint()
        super().paintEvent(event)

    def blocks_on_screen(self) -> list[int]:
        """The numbers of the blocks the viewport shows (lays them out to know)."""
        block, offset = self.firstVisibleBlock(), self.contentOffset()
        bottom = self.viewport().height() - offset.y()
        numbers = []
        while block.isValid() and self.blockBoundingGeometry(block).top() < bottom:
            numbers.append(block.blockNumber())
            block = block.next()
        return numbers

    def blocks_soon_on_screen(self) -> range:
        """A generous guess at the blocks the viewport will show, without laying them out."""
        block = self.firstVisibleBlock()
        first = block.blockNumber()
        metrics = self.fontMetrics()
        per_line = max(1, self.viewport().width() // max(1, metrics.averageCharWidth()))
        room = 1.5 * self.viewport().height() / max(1, metrics.lineSpacing()) + 4
        last = first
        while block.isValid() and room > 0:
            room -= block.layout().lineCount() or block.length() // per_line + 1
            last = block.blockNumber()
            block = block.next()
        return range(first, last + 1)

    def character_at(self, point: QPoint) -> int | None:
        """The Qt position of the character drawn under `point` (viewport coordinates)."""
        block = self.cursorForPosition(point).block()
        if not block.isValid():
            return None
        layout = block.layout()
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        x, y = point.x() - origin.x(), point.y() - origin.y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not line.y() <= y < line.y() + line.height():
                continue
            extent = line.naturalTextRect()
            if not extent.left() <= x < extent.right():
                return None
            index = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            return block.position() + index if index < block.length() - 1 else None
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = event.position().toPoint() if left else None
        self.exact_selection = False
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        if self.textCursor().hasSelection():
            self.exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self.mouseSelectionFinished.emit(self.exact_selection)
        elif (point - press).manhattanLength() < QApplication.startDragDistance():
            self.clicked.emit(point)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.exact_selection = False
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_provider(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        # What a drag of the selection (and a copy) carries: a claim and its words, or
        # Qt's own. (Qt's data lists a fixed set of formats: a claim cannot be added to it.)
        claims = self.selected_claims() if self.selected_claims is not None else []
        if not claims:
            return super().createMimeDataFromSelection()
        project = self.claims_project() if self.claims_project is not None else None
        return claims_mime_data(claims, project, self.textCursor().selection().toPlainText())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        builder = self.menu_builder or self.createStandardContextMenu
        menu = builder()
        menu.exec(event.globalPos())
        menu.deleteLater()


class ArticleReader(QWidget):
    """Shows one article with its annotation layers.

    Emits `articleLinkActivated` when a related article is clicked, `spanClicked`
    (layer, key) when a highlighted span is clicked, and `layersChanged` when
    spans, colours or the visibility of layers change (the legend follows it).
    """

    articleLinkActivated = Signal(int)
    spanClicked = Signal(str, int)
    selectionChanged = Signal()
    layersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleReaderPanel")
        self._article: ArticleDetail | None = None
        self._text = ""
        self._context_actions: list[QAction] = []

        self.title = named(QLabel(), "articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
        title_font.setBold(True)
        self.title.setFont(title_font)

        self.byline = named(QLabel(), "articleByline")
        self.byline.setWordWrap(True)
        self.byline.setTextFormat(Qt.TextFormat.RichText)
        self.byline.linkActivated.connect(self._on_link)

        self.text = ReadingTextEdit()
        self.text.setObjectName("articleReader")
        self.text.setPlaceholderText(EMPTY_HINT)
        self.text.selectionChanged.connect(self.selectionChanged)
        self.text.clicked.connect(self._on_click)
        self.text.mouseSelectionFinished.connect(self._on_mouse_selection)
        self.text.tooltip_provider = self.tooltip_at
        self.text.menu_builder = self.build_context_menu
        self.text.selected_claims = self.selected_claims
        self.highlighter = SpanHighlighter(self.text.document())
        self.highlighter.set_base_colour(self.text.palette().color(QPalette.ColorRole.Base))
        self.highlighter.visible_blocks = self.text.blocks_soon_on_screen
        self.text.before_paint = self._before_paint
        self._offset_map: OffsetMap | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.byline)
        layout.addWidget(self.text, 1)
        self.show_article(None)

    @property
    def article(self) -> ArticleDetail | None:
        return self._article

    @property
    def _offsets(self) -> OffsetMap:
        # Built when first needed: it takes a while on a long text, and showing it need not wait.
        if self._offset_map is None:
            self._offset_map = OffsetMap(self._text)
        return self._offset_map

    # ------------------------------------------------------------ the article
    def show_article(self, article: ArticleDetail | None) -> None:
        """Show `article` (None: nothing). A different text drops the spans of the old one."""
        self._article = article
        text = article.text if article else ""
        if text != self._text:
            self._text, self._offset_map = text, None
            self.text.exact_selection = False
            with self.highlighter.replacing_text(text):
                self.text.setPlainText(text)
            self.layersChanged.emit()
        if article is None:
            self.title.setText("")
            self.byline.setText("")
            self.title.hide()
            self.byline.hide()
            return
        self.title.show()
        self.byline.show()
        self.title.setText(article.metadata.title or "(untitled)")
        self.byline.setText(self._byline(article))

    def select_span(self, start: int, end: int) -> None:
        """Select and scroll to the characters `start:end` (Python offsets) of the text."""
        if self._article is None:
            return
        cursor = self.text.textCursor()
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.exact_selection = False
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    # ------------------------------------------------------------ layers
    def set_spans(self, spans: Iterable[HighlightSpan]) -> None:
        """Replace every span (after `show_article` of a new article)."""
        self.highlighter.set_spans(spans)
        self.layersChanged.emit()

    def update_spans(self, layer: str, spans: Iterable[HighlightSpan]) -> None:
        """Replace the spans of one layer; only the paragraphs that change are repainted."""
        self.highlighter.update_spans(layer, spans)
        self.layersChanged.emit()

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide a layer; a prefix ("entity") toggles every layer under it."""
        self.highlighter.set_layer_visible(layer, visible)
        self.layersChanged.emit()

    def layer_visible(self, layer: str) -> bool:
        return self.highlighter.layer_visible(layer)

    def set_layer_colour(self, layer: str, colour: QColor) -> None:
        self.highlighter.set_colour(layer, colour)
        self.layersChanged.emit()

    def layer_colour(self, layer: str) -> QColor:
        return self.highlighter.colour(layer)

    def set_selected_claim(self, key: int | None) -> None:
        """Emphasise the claim `key` (None: none)."""
        self.highlighter.set_selected_claim(key)

    def spans_at(self, offset: int) -> list[HighlightSpan]:
        """The visible spans covering Python offset `offset`, topmost first."""
        return self.highlighter.spans_at(offset)

    # ------------------------------------------------------------ selection
    def selected_range(self, snap_to_words: bool = True) -> tuple[int, int] | None:
        """The selection in Python offsets (end exclusive), or None when nothing is selected.

        Snapped outward to whole words unless `snap_to_words` is False or the
        selection was made with Alt held; never splits a character, an emoji
        sequence or a letter from its accents.
        """
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._snapped_range(
            cursor, words=snap_to_words and not self.text.exact_selection)
        offsets = self._offsets
        first, last = offsets.from_qt(start), offsets.from_qt(end)
        if offsets.to_qt(last) < end:  # the end fell inside a surrogate pair
            last += 1
        return first, last

    def selected_claims(self) -> list[int]:
        """The claims shown whose words are exactly the selection (usually one, else none)."""
        selected = self.selected_range(snap_to_words=False)
        if selected is None or not self.highlighter.layer_visible(CLAIM):
            return []
        return [span.key for span in self.highlighter.spans(CLAIM)
                if (span.start, span.end) == selected]

    def _snapped_range(self, cursor: QTextCursor, words: bool) -> tuple[int, int]:
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        return self._snapped(start, True, words), self._snapped(end, False, words)

    def _snapped(self, position: int, backward: bool, words: bool) -> int:
        block = self.text.document().findBlock(position)
        text, base = block.text(), block.position()
        for kind in (_GRAPHEME, _WORD) if words else (_GRAPHEME,):
            finder = QTextBoundaryFinder(kind, text)
            finder.setPosition(position - base)
            if finder.isAtBoundary():
                continue
            if kind == _WORD:  # Unicode keeps runs of spaces together; we need not
                index = self._offsets.from_qt(position) - (1 if backward else 0)
                if 0 <= index < len(self._text) and self._text[index].isspace():
                    continue
            found = finder.toPreviousBoundary() if backward else finder.toNextBoundary()
            if found < 0:  # not expected: a paragraph's ends are boundaries
                found = 0 if backward else block.length() - 1
            position = base + found
        # Qt's grapheme rule splits a flag that follows a joined emoji sequence.
        index = self._offsets.from_qt(position)
        kept = keep_flags_whole(self._text, index, backward)
        return position if kept == index else self._offsets.to_qt(kept)

    def _on_mouse_selection(self, exact: bool) -> None:
        """Show the snapped selection as soon as the mouse lets go of it."""
        cursor = self.text.textCursor()
        if exact or not cursor.hasSelection():
            return
        new_start, new_end = self._snapped_range(cursor, words=True)
        if (new_start, new_end) == (cursor.selectionStart(), cursor.selectionEnd()):
            return
        forward = cursor.anchor() <= cursor.position()
        cursor.setPosition(new_start if forward else new_end)
        cursor.setPosition(new_end if forward else new_start, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    # ------------------------------------------------------------ mouse and menu
    def spans_under(self, point: QPoint) -> list[HighlightSpan]:
        """The visible spans under `point` (viewport coordinates), topmost first."""
        position = self.text.character_at(point)
        if position is None:
            return []
        return self.highlighter.spans_at(self._offsets.from_qt(position))

    def _on_click(self, point: QPoint) -> None:
        spans = self.spans_under(point)
        if spans:
            self.spanClicked.emit(spans[0].layer, spans[0].key)

    def tooltip_at(self, point: QPoint) -> str:
        """The hover text at `point` (viewport coordinates): the tooltips of its spans,
        and how to link the claim when the selection under it is that claim."""
        spans = self.spans_under(point)
        tips = [span.tooltip for span in spans if span.tooltip]
        claims = {span.key for span in spans if span.layer == CLAIM}
        if claims and claims.intersection(self.selected_claims()):
            tips.append(DRAG_TO_LINK)
        return "\n".join(dict.fromkeys(tips))

    def _before_paint(self) -> None:
        if self.highlighter.pending:
            self.highlighter.highlight_now(self.text.blocks_on_screen())

    def add_context_action(self, action: QAction) -> None:
        """Offer `action` in the text's context menu, above copying and selecting."""
        self._context_actions.append(action)

    def build_context_menu(self) -> QMenu:
        """The text's context menu: our actions, a separator, then the standard ones."""
        menu = self.text.createStandardContextMenu()
        standard = menu.actions()
        if not standard:
            menu.addActions(self._context_actions)
        elif self._context_actions:
            menu.insertActions(standard[0], self._context_actions)
            menu.insertSeparator(standard[0])
        return menu

    # ------------------------------------------------------------ the rest
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_base_colour(self.text.palette().color(QPalette.ColorRole.Base))

    @staticmethod
    def _byline(article: ArticleDetail) -> str:
        meta = article.metadata
        parts = [
            meta.outlet or "Unknown outlet",
            f"by {meta.author}" if meta.author else None,
            f"{meta.published.day} {meta.published:%B %Y}" if meta.published else "date unknown",
            f"dates read against {meta.reference_date.isoformat()}"
            if meta.reference_date and meta.reference_date != meta.published
            else None,
            meta.language,
            f"{article.summary.word_count:,} words",
        ]
        line = " · ".join(html.escape(p) for p in parts if p)
        for relation in article.relations:
            if relation.kind != "derived_from":
                continue
            if relation.article_id == article.id:
                label, target = "Rewritten from", relation.other_id
            else:
                label, target = "Rewritten as", relation.article_id
            title = html.escape(relation.other_title or f"article {target}")
            line += f'<br>{label}: <a href="article:{target}">{title}</a>'
        return f'<span style="color: palette(placeholder-text)">{line}</span>'

    def _on_link(self, link: str) -> None:
        if link.startswith("article:"):
            self.articleLinkActivated.emit(int(link.split(":", 1)[1]))

"""The reading view: an article's heading, its provenance and its text.

The text sits in a read-only QPlainTextEdit (the fast text widget; the
annotation layers will paint over it with a syntax highlighter) kept to a
comfortable column width, centred in whatever space the window gives it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.object_names import named
from desktop.text_offsets import OffsetMap
from storage.records import ArticleDetail

COLUMN_CHARACTERS = 76
EMPTY_HINT = (
    "Select an article in the list to read it, or bring articles in with "
    "File ▸ Import Files… or by dropping files and folders on this window."
)


class ReadingTextEdit(QPlainTextEdit):
    """A read-only text view whose text column never grows wider than is easy to read."""

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        column = self.fontMetrics().horizontalAdvance("n") * COLUMN_CHARACTERS
        side = max(12, (self.width() - column) // 2)
        self.setViewportMargins(side, 12, side, 12)


class ArticleReader(QWidget):
    """Shows one article; emits `articleLinkActivated` when a related article is clicked."""

    articleLinkActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleReaderPanel")
        self._article: ArticleDetail | None = None
        self._offsets = OffsetMap("")

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

    def select_span(self, start: int, end: int) -> None:
        """Select and scroll to the characters `start:end` (Python offsets) of the text."""
        if self._article is None:
            return
        cursor = self.text.textCursor()
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def show_article(self, article: ArticleDetail | None) -> None:
        self._article = article
        self._offsets = OffsetMap(article.text if article else "")
        if article is None:
            self.title.setText("")
            self.byline.setText("")
            self.title.hide()
            self.byline.hide()
            self.text.setPlainText("")
            return
        self.title.show()
        self.byline.show()
        self.title.setText(article.metadata.title or "(untitled)")
        self.byline.setText(self._byline(article))
        if self.text.toPlainText() != article.text:
            self.text.setPlainText(article.text)

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

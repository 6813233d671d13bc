"""The article details panel: edit an article's metadata in place.

A field is committed when the researcher leaves it or presses Enter; each
commit becomes one undoable edit (emitted as `metadataEdited`). Input that
cannot be stored is explained under the form and the field keeps the focus
colour until it is fixed or Esc restores the stored value.

"Rewrite of" records which article of the project this one rewrites (the
original that Compare ▸ Compare with Original opens beside it). Choosing one
is an edit of its own (`originalChosen`); the list of choices follows the
project's articles (`set_articles`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from storage.records import ArticleDetail, ArticleMetadata, ArticleSummary

COMMON_LANGUAGES = ("en", "uk", "ru", "de", "fr", "es", "pl", "ko", "ar")
NO_ORIGINAL = "(none)"
_NONE = -1  # the item data of "(none)" in the Rewrite of list


class FieldError(ValueError):
    pass


def parse_optional_date(text: str, label: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldError(
            f"{label}: “{text}” is not a date. Write it as year-month-day, e.g. 2025-03-17, "
            "or leave it empty if it is unknown."
        ) from None


def _optional(text: str) -> str | None:
    return text.strip() or None


def choice_label(article: ArticleSummary) -> str:
    """An article as the Rewrite of list names it: title · outlet · date."""
    meta = article.metadata
    return " · ".join((
        meta.title or f"Article {article.id}",
        meta.outlet or "outlet unknown",
        meta.published.isoformat() if meta.published else "date unknown",
    ))


class MetadataPanel(QWidget):
    metadataEdited = Signal(int, object, object)  # article id, before, after (ArticleMetadata)
    originalChosen = Signal(int, object)  # article id, the original's id or None for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleMetadata")
        self._article: ArticleDetail | None = None
        self._choices: list[ArticleSummary] = []

        self.title = named(QLineEdit(), "metadataTitle")
        self.outlet = named(QLineEdit(), "metadataOutlet")
        self.author = named(QLineEdit(), "metadataAuthor")
        self.url = named(QLineEdit(), "metadataUrl")
        self.url.setPlaceholderText("https://…")
        self.language = named(QComboBox(), "metadataLanguage")
        self.language.setEditable(True)
        self.language.addItems(["", *COMMON_LANGUAGES])
        self.published = named(QLineEdit(), "metadataPublished")
        self.published.setPlaceholderText("YYYY-MM-DD, or empty if unknown")
        self.reference = named(QLineEdit(), "metadataReferenceDate")
        self.reference.setPlaceholderText("same as publication date")
        self.reference.setToolTip(
            "The date that relative expressions such as “on Monday” or “last year” are "
            "read against. Leave empty to use the publication date."
        )
        self._line_edits = (
            self.title,
            self.outlet,
            self.author,
            self.url,
            self.published,
            self.reference,
        )
        for edit in self._line_edits:
            edit.editingFinished.connect(self.commit)
            edit.installEventFilter(self)
        language_edit = self.language.lineEdit()
        assert language_edit is not None
        language_edit.editingFinished.connect(self.commit)
        self.language.activated.connect(lambda _index: self.commit())

        self.rewrite_of = named(QComboBox(), "detailsRewriteOf")
        self.rewrite_of.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rewrite_of.setMinimumContentsLength(16)
        self.rewrite_of.activated.connect(self._choose_original)

        self.error = named(QLabel(), "metadataError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()
        self.provenance = named(QLabel(), "metadataProvenance")
        self.provenance.setWordWrap(True)
        self.provenance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provenance.setStyleSheet("color: palette(placeholder-text)")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Title", self.title)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Author", self.author)
        form.addRow("&URL", self.url)
        form.addRow("&Language", self.language)
        form.addRow("&Published", self.published)
        form.addRow("Dates &read as of", self.reference)
        form.addRow("Re&write of", self.rewrite_of)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.provenance)
        layout.addStretch(1)
        self.show_article(None)

    # ------------------------------------------------------------ showing
    def show_article(self, article: ArticleDetail | None) -> None:
        self._article = article
        self.setEnabled(article is not None)
        self._set_error(None)
        meta = article.metadata if article else ArticleMetadata()
        self._fill(meta)
        self._fill_rewrite_of()
        self.provenance.setText(self._provenance(article) if article else "")

    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        """The project's articles, which the Rewrite of list offers (all but the one shown)."""
        self._choices = sorted(articles, key=lambda a: (a.title.casefold(), a.id))
        self._fill_rewrite_of()

    def current_original(self) -> int | None:
        """The original the shown article is recorded as a rewrite of, as stored."""
        derived = self._article.summary.derived_from if self._article else ()
        return derived[0] if derived else None

    def _fill_rewrite_of(self) -> None:
        combo = self.rewrite_of
        combo.clear()
        combo.addItem(NO_ORIGINAL, _NONE)
        shown = self._article.id if self._article else None
        for article in self._choices:
            if article.id != shown:
                combo.addItem(choice_label(article), article.id)
        original = self.current_original()
        if original is not None and combo.findData(original) < 0:
            # Not (yet) in the list given: name it as the article's relations do.
            assert self._article is not None
            title = next((r.other_title for r in self._article.relations
                          if r.kind == "derived_from" and r.other_id == original), "")
            combo.addItem(title or f"Article {original}", original)
        combo.setCurrentIndex(max(0, combo.findData(_NONE if original is None else original)))
        combo.setToolTip(
            "The article this one is a rewrite of: Compare ▸ Compare with Original sets them "
            f"side by side.\nNow: {combo.currentText()}")

    def _fill(self, meta: ArticleMetadata) -> None:
        self.title.setText(meta.title)
        self.outlet.setText(meta.outlet or "")
        self.author.setText(meta.author or "")
        self.url.setText(meta.url or "")
        self.language.setCurrentText(meta.language or "")
        self.published.setText(meta.published.isoformat() if meta.published else "")
        self.reference.setText(meta.reference_date.isoformat() if meta.reference_date else "")
        for edit in self._line_edits:
            edit.setCursorPosition(0)

    @staticmethod
    def _provenance(article: ArticleDetail) -> str:
        summary = article.summary
        lines = [
            f"Imported {summary.imported_at:%Y-%m-%d %H:%M} UTC from {summary.origin}",
            f"{summary.char_count:,} characters, {summary.word_count:,} words",
        ]
        if article.import_notes:
            lines.append("Cleaned at import:")
            lines.extend(f"• {note}" for note in article.import_notes)
        return "\n".join(lines)

    # ------------------------------------------------------------ editing
    def edited_metadata(self) -> ArticleMetadata:
        """The metadata as the form shows it; raises FieldError for input that cannot be stored."""
        assert self._article is not None
        return dataclasses.replace(
            self._article.metadata,
            title=self.title.text().strip(),
            outlet=_optional(self.outlet.text()),
            author=_optional(self.author.text()),
            url=_optional(self.url.text()),
            language=_optional(self.language.currentText().lower()),
            published=parse_optional_date(self.published.text(), "Published"),
            reference_date=parse_optional_date(self.reference.text(), "Dates read as of"),
        )

    def commit(self) -> None:
        if self._article is None:
            return
        try:
            after = self.edited_metadata()
        except FieldError as error:
            self._set_error(str(error))
            return
        self._set_error(None)
        before = self._article.metadata
        if before.changed_fields(after):
            self.metadataEdited.emit(self._article.id, before, after)

    def _choose_original(self, index: int) -> None:
        if self._article is None:
            return
        chosen = self.rewrite_of.itemData(index)
        original = None if chosen == _NONE else int(chosen)
        self._set_error(None)
        if original != self.current_original():
            self.originalChosen.emit(self._article.id, original)
        # Show what is stored now: the new original, or the old one if it was refused.
        self._fill_rewrite_of()

    def show_error(self, message: str) -> None:
        """A refusal from the service (e.g. an invalid language code)."""
        self._set_error(message)

    def _set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in a field throws away what was typed there."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self._article is not None
        ):
            self._fill(self._article.metadata)
            self._set_error(None)
            return True
        return super().eventFilter(watched, event)

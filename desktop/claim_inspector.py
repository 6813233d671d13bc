"""The claim inspector: everything about the selected claim, editable in place.

Each change (claimant, a label, certainty, status, the note) is emitted as one
`claimEdited` with the fields before and after; the window turns it into an
undoable edit. The inspector never writes to the project itself.

The grip beside the quote drags the claim, with the data the Claims list drags:
dropped on an event on the timeline, it links the claim.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.claim_drag import DRAG_TO_LINK, ProjectOfClaims, claims_mime_data
from desktop.object_names import named
from storage.records import (
    CERTAINTIES,
    ChangeRecord,
    ClaimFields,
    ClaimRecord,
    LabelRecord,
    LinkedEvent,
)

STATUSES = ("open", "reviewed", "flagged")
NO_CERTAINTY = "(not set)"
EMPTY = "Select a claim in the text, or mark one: select words and press M."


def describe_change(change: ChangeRecord, label_names: dict[int, str] | None = None) -> str:
    """One line of a claim's history, for people."""
    names = label_names or {}
    when = f"{change.at:%Y-%m-%d %H:%M}"
    detail = change.detail
    if change.action == "created" and "from_suggestion" in detail:
        what = (f"accepted from suggestion {detail['from_suggestion']} of "
                f"{detail.get('pipeline', 'a model')} ({detail.get('component', '')}"
                f"{', ' + str(detail['rule']) if detail.get('rule') else ''})")
    elif change.action == "edited":
        parts = []
        for name, (before, after) in detail.items():
            if name == "label_ids":
                def shown(ids: list[int]) -> str:
                    return ", ".join(names.get(i, f"#{i}") for i in ids) or "none"

                parts.append(f"labels: {shown(before)} → {shown(after)}")
            else:
                parts.append(f"{name.replace('_', ' ')}: {before!r} → {after!r}")
        what = "edited " + "; ".join(parts)
    else:
        what = change.action
    return f"{when} · {change.actor} · {what}"


class ClaimDragHandle(QWidget):
    """A grip of dots: pressing it and moving drags what `mime_source` gives (if anything)."""

    def __init__(self, mime_source: Callable[[], QMimeData | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mime_source = mime_source
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(DRAG_TO_LINK)
        self.setAccessibleName("Drag the claim")
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(14, 22)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for column in (4.5, 9.5):
            for row in (6.0, 11.0, 16.0):
                painter.drawEllipse(QRectF(column - 1.5, row - 1.5, 3.0, 3.0))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = event.position().toPoint() if left else None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press = None
        data = self._mime_source()
        if data is None:
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        label = _drag_label(data.text(), self)
        drag.setPixmap(label)
        drag.setHotSpot(QPoint(0, label.height() // 2))
        drag.exec(Qt.DropAction.CopyAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None


def _drag_label(text: str, widget: QWidget) -> QPixmap:
    """What follows the pointer while a claim is dragged: its words, in a rounded box."""
    metrics = QFontMetrics(widget.font())
    words = metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, 280)
    ratio = widget.devicePixelRatioF()
    width, height = metrics.horizontalAdvance(words) + 16, metrics.height() + 8
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    palette = widget.palette()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.setBrush(palette.color(QPalette.ColorRole.ToolTipBase))
    painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 4, 4)
    painter.setPen(palette.color(QPalette.ColorRole.ToolTipText))
    painter.setFont(widget.font())
    painter.drawText(QRectF(8, 0, width - 16, height), Qt.AlignmentFlag.AlignVCenter, words)
    painter.end()
    return pixmap


class ClaimInspector(QWidget):
    claimEdited = Signal(int, object, object, str)  # claim id, before, after (ClaimFields), what
    deleteRequested = Signal(int)
    linkEventRequested = Signal(int, int)  # claim id, event id
    newEventRequested = Signal(int)  # claim id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimInspector")
        self._claim: ClaimRecord | None = None
        self._labels: list[LabelRecord] = []
        # The project the shown claim belongs to, which its drag names.
        self.claims_project: ProjectOfClaims | None = None

        self.quote = named(QLabel(EMPTY), "claimQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        quote_font = self.quote.font()
        quote_font.setItalic(True)
        self.quote.setFont(quote_font)
        self.drag_handle = named(ClaimDragHandle(self.drag_mime_data), "claimDragHandle")
        self.span = named(QLabel(), "claimSpan")
        self.span.setStyleSheet("color: palette(placeholder-text)")

        self.claimant = named(QComboBox(), "claimClaimant")
        self.claimant.setEditable(True)
        self.claimant.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.claimant.setToolTip("Who makes the claim: pick one of the article's names or type one")
        self.claimant.activated.connect(lambda _i: self._commit("claimant"))
        line = self.claimant.lineEdit()
        assert line is not None
        line.editingFinished.connect(lambda: self._commit("claimant"))

        # Checkable labels that wrap onto more lines rather than widening the panel.
        self.labels_row = named(QListWidget(), "claimLabels")
        self.labels_row.setFlow(QListView.Flow.LeftToRight)
        self.labels_row.setWrapping(True)
        self.labels_row.setResizeMode(QListView.ResizeMode.Adjust)
        self.labels_row.setSpacing(2)
        self.labels_row.setMaximumHeight(64)
        self.labels_row.setFrameShape(QListWidget.Shape.NoFrame)
        self.labels_row.itemChanged.connect(lambda _item: self._commit("labels"))
        self._label_items: dict[int, QListWidgetItem] = {}

        self.certainty = named(QComboBox(), "claimCertainty")
        self.certainty.addItems([NO_CERTAINTY, *CERTAINTIES])
        self.certainty.setToolTip("asserted: stated as fact; hedged: “may”, “about”, "
                                  "“reportedly”; denied: stated as not so")
        self.certainty.activated.connect(lambda _i: self._commit("certainty"))
        self.status = named(QComboBox(), "claimStatus")
        self.status.addItems(STATUSES)
        self.status.activated.connect(lambda _i: self._commit("status"))

        self.note = named(QPlainTextEdit(), "claimNote")
        self.note.setPlaceholderText("Your note (saved when you leave the field, or Ctrl+Enter)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(72)
        self.note.installEventFilter(self)

        self.events = named(QListWidget(), "claimEvents")
        self.events.setMaximumHeight(64)
        self.link_event = named(QToolButton(), "linkClaimToEvent")
        self.link_event.setText("Link to Event")
        self.link_event.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.link_event.setMenu(QMenu(self.link_event))
        menu = self.link_event.menu()
        assert menu is not None
        menu.aboutToShow.connect(self._fill_event_menu)
        self.new_event = named(QToolButton(), "newEventFromClaim")
        self.new_event.setText("New Event…")
        self.new_event.setToolTip("An event on the timeline for this claim, dated by its dates")
        self.new_event.clicked.connect(self._on_new_event)
        self._event_choices: Callable[[], list[tuple[int, str]]] = list
        self.history = named(QListWidget(), "claimHistory")
        self.history.setWordWrap(True)
        self.history.setMaximumHeight(120)
        self.delete = named(QPushButton("Delete claim"), "deleteClaim")
        self.delete.clicked.connect(self._on_delete)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Claimant", self.claimant)
        form.addRow("Labels", self.labels_row)
        form.addRow("C&ertainty", self.certainty)
        form.addRow("&Status", self.status)
        form.addRow("&Note", self.note)
        event_row = QWidget()
        event_layout = QVBoxLayout(event_row)
        event_layout.setContentsMargins(0, 0, 0, 0)
        event_layout.addWidget(self.events)
        event_buttons = QHBoxLayout()
        event_buttons.addWidget(self.link_event)
        event_buttons.addWidget(self.new_event)
        event_buttons.addStretch(1)
        event_layout.addLayout(event_buttons)
        form.addRow("Events", event_row)
        form.addRow("History", self.history)
        layout = QVBoxLayout(self)
        quote_row = QHBoxLayout()
        quote_row.setSpacing(4)
        quote_row.addWidget(self.drag_handle, 0, Qt.AlignmentFlag.AlignTop)
        quote_row.addWidget(self.quote, 1)
        layout.addLayout(quote_row)
        layout.addWidget(self.span)
        layout.addLayout(form)
        layout.addWidget(self.delete, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self._fields_enabled(False)

    # ------------------------------------------------------------ showing
    @property
    def claim(self) -> ClaimRecord | None:
        return self._claim

    def set_labels(self, labels: Sequence[LabelRecord]) -> None:
        self._labels = list(labels)
        self.labels_row.blockSignals(True)
        self.labels_row.clear()
        self._label_items = {}
        for label in self._labels:
            key = f"{label.shortcut} " if label.shortcut is not None else ""
            item = QListWidgetItem(f"{key}{label.name}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(label.description or label.name)
            swatch = QPixmap(10, 10)
            swatch.fill(QColor(label.color))
            item.setIcon(QIcon(swatch))
            self.labels_row.addItem(item)
            self._label_items[label.id] = item
        self.labels_row.blockSignals(False)
        self._fill()

    def show_claim(self, claim: ClaimRecord | None, claimant_choices: Sequence[str] = (),
                   history: Sequence[ChangeRecord] = (),
                   events: Sequence[LinkedEvent] = ()) -> None:
        self._claim = claim
        self.claimant.blockSignals(True)
        self.claimant.clear()
        self.claimant.addItems(["", *claimant_choices])
        self.claimant.blockSignals(False)
        self.history.clear()
        names = {label.id: label.name for label in self._labels}
        self.history.addItems([describe_change(c, names) for c in reversed(history)])
        self.events.clear()
        self.events.addItems([
            f"{e.title} — {e.date_phrase or e.timex_value or 'undated'} ({e.relation})"
            for e in events] or ["Not linked to any event yet."])
        self._fill()

    def _fill(self) -> None:
        claim = self._claim
        self._fields_enabled(claim is not None)
        widgets = (self.claimant, self.certainty, self.status, self.note, self.labels_row)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if claim is None:
                self.quote.setText(EMPTY)
                self.span.setText("")
                self.claimant.setCurrentText("")
                self.note.setPlainText("")
                for item in self._label_items.values():
                    item.setCheckState(Qt.CheckState.Unchecked)
                return
            self.quote.setText(f"“{' '.join(claim.quote.split())}”")
            self.span.setText(f"Characters {claim.start}–{claim.end} · {claim.end - claim.start}"
                              f" characters")
            self.claimant.setCurrentText(claim.claimant or "")
            self.certainty.setCurrentText(claim.certainty or NO_CERTAINTY)
            self.status.setCurrentText(claim.status)
            if self.note.toPlainText() != claim.note:
                self.note.setPlainText(claim.note)
            for label_id, item in self._label_items.items():
                checked = label_id in claim.label_ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def drag_mime_data(self) -> QMimeData | None:
        """What dragging the claim carries (None: no claim): its id, and its words as text."""
        if self._claim is None:
            return None
        project = self.claims_project() if self.claims_project is not None else None
        return claims_mime_data([self._claim.id], project, self._claim.quote)

    def _fields_enabled(self, enabled: bool) -> None:
        self.drag_handle.setVisible(enabled)
        for widget in (self.claimant, self.labels_row, self.certainty, self.status, self.note,
                       self.events, self.history, self.delete, self.link_event, self.new_event):
            widget.setEnabled(enabled)

    # ------------------------------------------------------------ editing
    def edited_fields(self) -> ClaimFields:
        assert self._claim is not None
        certainty = self.certainty.currentText()
        return dataclasses.replace(
            ClaimFields.of(self._claim),
            claimant=" ".join(self.claimant.currentText().split()) or None,
            certainty=None if certainty == NO_CERTAINTY else certainty,
            status=self.status.currentText(),
            note=self.note.toPlainText(),
            label_ids=tuple(i for i, item in self._label_items.items()
                            if item.checkState() == Qt.CheckState.Checked),
        )

    def _commit(self, what: str) -> None:
        if self._claim is None:
            return
        before = ClaimFields.of(self._claim)
        after = self.edited_fields()
        if before.changed_fields(after):
            self.claimEdited.emit(self._claim.id, before, after, f"Edit claim {what}")

    def set_event_choices(self, choices: Callable[[], list[tuple[int, str]]]) -> None:
        """Where the "Link to Event" menu finds the project's events: (id, label) pairs."""
        self._event_choices = choices

    def _fill_event_menu(self) -> None:
        menu = self.link_event.menu()
        assert menu is not None
        menu.clear()
        choices = self._event_choices()
        for event_id, label in choices:
            menu.addAction(label).triggered.connect(
                lambda _checked=False, e=event_id: self._on_link(e))
        if not choices:
            menu.addAction("No events yet").setEnabled(False)

    def _on_link(self, event_id: int) -> None:
        if self._claim is not None:
            self.linkEventRequested.emit(self._claim.id, event_id)

    def _on_new_event(self) -> None:
        if self._claim is not None:
            self.newEventRequested.emit(self._claim.id)

    def _on_delete(self) -> None:
        if self._claim is not None:
            self.deleteRequested.emit(self._claim.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note:
            if event.type() == QEvent.Type.FocusOut:
                self._commit("note")
            elif (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                  and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self._commit("note")
                return True
        return super().eventFilter(watched, event)


"""The event panel: the selected event, and every claim linked to it side by side.

Claims are grouped by outlet and article, so what different sources say about
the same event can be read together. The panel only asks; the window turns
its requests into undoable edits.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.highlight_layers import describe_date_range
from desktop.object_names import named
from storage.records import LINK_RELATIONS, EventClaim, EventRecord

RELATION_NAMES = {"reports": "reports", "disputes": "disputes",
                  "gives_figure": "gives a figure for"}
EMPTY = ("Select an event on the timeline. Events gather the claims of every source about "
         "the same happening.")
ClaimRole = Qt.ItemDataRole.UserRole + 1


def date_reading(event: EventRecord) -> str:
    date = event.fields.date
    if not date.is_dated and not date.value:
        return "Undated"
    parts = [date.phrase] if date.phrase else []
    if date.value:
        parts.append(f"{date.value}{' ' + date.mod.lower() if date.mod else ''}")
    if date.earliest and date.latest:
        parts.append(describe_date_range(date.earliest, date.latest))
    return " · ".join(parts)


class EventPanel(QWidget):
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    unlinkRequested = Signal(int, object)  # event id, tuple of claim ids
    relationRequested = Signal(int, int, str)  # event id, claim id, relation
    claimActivated = Signal(int, int, int, int)  # article id, start, end, claim id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPanel")
        self._event: EventRecord | None = None
        self.title = named(QLabel(EMPTY), "eventTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.details = named(QLabel(), "eventDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claims = named(QTreeWidget(), "eventClaims")
        self.claims.setHeaderLabels(["Source / claim", "Relation"])
        self.claims.setColumnWidth(0, 300)
        self.claims.setWordWrap(True)
        self.claims.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.claims.customContextMenuRequested.connect(self._context_menu)
        self.claims.itemActivated.connect(self._activated)
        self.edit = named(QPushButton("Edit…"), "editEvent")
        self.edit.clicked.connect(lambda: self._emit_for_event(self.editRequested))
        self.unlink = named(QPushButton("Unlink claim"), "unlinkClaim")
        self.unlink.clicked.connect(self._unlink_selected)
        self.delete = named(QPushButton("Delete event"), "deleteEvent")
        self.delete.clicked.connect(lambda: self._emit_for_event(self.deleteRequested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit)
        buttons.addWidget(self.unlink)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.claims, 1)
        layout.addLayout(buttons)
        self.show_event(None, [])

    @property
    def current_event(self) -> EventRecord | None:
        return self._event

    def show_event(self, event: EventRecord | None, claims: Sequence[EventClaim]) -> None:
        self._event = event
        self.claims.clear()
        for widget in (self.edit, self.unlink, self.delete, self.claims):
            widget.setEnabled(event is not None)
        if event is None:
            self.title.setText(EMPTY)
            self.details.setText("")
            return
        self.title.setText(event.title)
        fields = event.fields
        lines = [date_reading(event)]
        if fields.place:
            lines.append(f"Place: {fields.place}")
        if fields.participants:
            lines.append(f"Participants: {', '.join(fields.participants)}")
        if fields.tags:
            lines.append(f"Tags: {', '.join(fields.tags)}")
        if fields.description:
            lines.append(fields.description)
        self.details.setText("\n".join(lines))
        sources: dict[str, QTreeWidgetItem] = {}
        for item in claims:
            source = item.outlet or item.article_title or "(untitled)"
            parent = sources.get(source)
            if parent is None:
                parent = QTreeWidgetItem(self.claims, [source])
                parent.setFirstColumnSpanned(True)
                sources[source] = parent
            who = f"{item.claim.claimant}: " if item.claim.claimant else ""
            row = QTreeWidgetItem(parent, [f"{who}“{' '.join(item.claim.quote.split())}”",
                                           RELATION_NAMES.get(item.relation, item.relation)])
            row.setToolTip(0, f"{item.article_title}\n{item.claim.quote}")
            row.setData(0, ClaimRole, item.claim)
            if item.relation == "disputes":
                row.setForeground(1, QColor("#9a3412"))
        if not claims:
            QTreeWidgetItem(self.claims, ["No claims linked yet: link one from the Claim panel, "
                                          "or drop claims on the event."])
        self.claims.expandAll()

    def selected_claim_ids(self) -> tuple[int, ...]:
        return tuple(item.data(0, ClaimRole).id for item in self.claims.selectedItems()
                     if item.data(0, ClaimRole) is not None)

    def _emit_for_event(self, signal: SignalInstance) -> None:
        if self._event is not None:
            signal.emit(self._event.id)

    def _unlink_selected(self) -> None:
        ids = self.selected_claim_ids()
        if self._event is not None and ids:
            self.unlinkRequested.emit(self._event.id, ids)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        claim = item.data(0, ClaimRole)
        if claim is not None:
            self.claimActivated.emit(claim.article_id, claim.start, claim.end, claim.id)

    def _context_menu(self, position: QPoint) -> None:
        item = self.claims.itemAt(position)
        claim = item.data(0, ClaimRole) if item is not None else None
        if claim is None or self._event is None:
            return
        menu = self.relation_menu(claim.id)
        menu.exec(self.claims.viewport().mapToGlobal(position))

    def relation_menu(self, claim_id: int) -> QMenu:
        """How the claim relates to the event, and unlinking it."""
        menu = QMenu(self)
        assert self._event is not None
        event_id = self._event.id
        for relation in LINK_RELATIONS:
            entry = menu.addAction(f"This claim {RELATION_NAMES[relation]} the event")
            entry.triggered.connect(
                lambda _checked=False, r=relation: self.relationRequested.emit(event_id, claim_id,
                                                                               r))
        menu.addSeparator()
        menu.addAction("Unlink").triggered.connect(
            lambda: self.unlinkRequested.emit(event_id, (claim_id,)))
        return menu

"""Create or edit an event: what happened, when, where, who took part, how it is tagged.

The dialog edits an ``EventDraft`` (plain values, no database) and hands one
back; the caller turns it into an undoable edit. Names, places and tags already
in the project are offered as completions so that one person or one tag is not
spelt three ways; typed text that matches one of them (ignoring case) takes its
spelling. OK stays disabled while the title is empty or the date cannot be read;
an empty date is fine (the event is undated).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.fuzzy_date_edit import FuzzyDateEdit
from desktop.object_names import named

if TYPE_CHECKING:
    from annotators.temporal import FuzzyDate

_TAG_SEPARATOR = re.compile(r"\s*,\s*")
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


@dataclass(frozen=True)
class EventDraft:
    """An event as the dialog edits it; sequences are stored as tuples."""

    title: str
    date: FuzzyDate | None
    description: str
    place: str | None
    participants: tuple[str, ...]
    tags: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "participants", tuple(self.participants))
        object.__setattr__(self, "tags", tuple(self.tags))


def unique_names(names: Iterable[str], known: Sequence[str] = ()) -> tuple[str, ...]:
    """Names with spaces tidied, empty ones and repeats (ignoring case) dropped.

    A name that matches one of ``known`` (ignoring case) takes its spelling, so
    "north korea" joins the existing "North Korea" rather than starting a twin.
    """
    spelling = {k.casefold(): k for k in (" ".join(n.split()) for n in known) if k}
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        tidy = " ".join(name.split())
        key = tidy.casefold()
        if tidy and key not in seen:
            seen.add(key)
            kept.append(spelling.get(key, tidy))
    return tuple(kept)


def split_tags(text: str, known: Sequence[str] = ()) -> tuple[str, ...]:
    """Comma-separated tags as a tuple (see ``unique_names``)."""
    return unique_names(_TAG_SEPARATOR.split(text), known)


class LastItemCompleter(QCompleter):
    """Completes the item after the last comma of a line, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # The prefix is the text as typed; the line itself may already show a
        # highlighted completion, which must be replaced, not extended.
        typed = self.completionPrefix()
        head = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return f"{head}{super().pathFromIndex(index)}, "


def _completer(completer: QCompleter, words: Sequence[str]) -> QCompleter:
    """``completer`` offering ``words`` in a popup, matching anywhere, ignoring case."""
    completer.setModel(QStringListModel(list(words), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


class EventDialog(QDialog):
    """Title, fuzzy date, place, participants, tags and description of one event."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        draft: EventDraft | None = None,
        anchor: dt.date | None = None,
        names: Sequence[str] = (),
        places: Sequence[str] = (),
        tags: Sequence[str] = (),
        title: str = "New event",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.setWindowTitle(title)
        self._names = unique_names(names)
        self._tags = unique_names(tags)

        self.title_edit = named(QLineEdit(), "eventTitle")
        self.title_edit.setPlaceholderText("What happened, in a few words (required)")
        self.date_edit = named(FuzzyDateEdit(anchor=anchor), "eventDate")
        self.place = named(QComboBox(), "eventPlace")
        self.place.setEditable(True)
        self.place.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place.addItems(list(unique_names(places)))
        place_completer = self.place.completer()
        if place_completer is not None:
            place_completer.setFilterMode(Qt.MatchFlag.MatchContains)
            place_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        place_line = self.place.lineEdit()
        assert place_line is not None
        place_line.setPlaceholderText("Where it happened (optional)")
        self.place.setCurrentIndex(-1)

        self.participant_input = named(QLineEdit(), "eventParticipantInput")
        self.participant_input.setPlaceholderText("Add a person, group or country…")
        name_completer = _completer(QCompleter(self), self._names)
        self.participant_input.setCompleter(name_completer)
        # Choosing a suggested name adds it, once the completer has written it in the line.
        name_completer.activated.connect(
            lambda name: QTimer.singleShot(0, self, lambda: self.add_participant(name)))
        self.participant_input.installEventFilter(self)
        self.participant_input.textChanged.connect(self._update_buttons)
        self.add_button = named(QPushButton("&Add"), "eventAddParticipant")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_participant())
        self.participants = named(QListWidget(), "eventParticipants")
        self.participants.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.participants.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                          | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.participants.installEventFilter(self)
        self.participants.itemSelectionChanged.connect(self._update_buttons)
        self.participants.setToolTip("Double-click a name to correct it; Delete removes it.")
        rows = self.participants.fontMetrics().height() * 4 + 12
        self.participants.setMinimumHeight(rows)
        self.participants.setMaximumHeight(rows + self.participants.fontMetrics().height() * 2)
        self.remove_button = named(QPushButton("Re&move"), "eventRemoveParticipant")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected_participants)

        self.tags_edit = named(QLineEdit(), "eventTags")
        self.tags_edit.setPlaceholderText("Comma-separated, e.g. casualties, North Korea")
        self.tags_edit.setCompleter(_completer(LastItemCompleter(self), self._tags))
        self.description = named(QPlainTextEdit(), "eventDescription")
        self.description.setPlaceholderText("What the sources say happened (optional)")
        self.description.setTabChangesFocus(True)

        self.buttons = named(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        ), "eventButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button = named(ok, "eventOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.accept)

        self._lay_out()
        self._date_valid = True
        self.title_edit.textChanged.connect(self._update_buttons)
        self.date_edit.validityChanged.connect(self._date_validity_changed)
        if draft is not None:
            self.set_draft(draft)
        self._update_buttons()
        self.title_edit.setFocus()

    def _lay_out(self) -> None:
        participants = QWidget()
        grid = QGridLayout(participants)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.participant_input, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.participants, 1, 0)
        grid.addWidget(self.remove_button, 1, 1, Qt.AlignmentFlag.AlignTop)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Date", self.date_edit)
        form.addRow("&Place", self.place)
        form.addRow("Pa&rticipants", participants)
        form.addRow("Ta&gs", self.tags_edit)
        form.addRow("D&escription", self.description)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(14)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.setTabOrder(self.title_edit, self.date_edit.input)
        self.setTabOrder(self.date_edit.input, self.place)
        self.setTabOrder(self.place, self.participant_input)
        self.setTabOrder(self.participant_input, self.add_button)
        self.setTabOrder(self.add_button, self.participants)
        self.setTabOrder(self.participants, self.remove_button)
        self.setTabOrder(self.remove_button, self.tags_edit)
        self.setTabOrder(self.tags_edit, self.description)

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the cursor after the title, not with the whole title selected to be lost.

        QDialog gives its first field a tab-focus event after showing, which selects
        all of it, hence the deselection once that is done.
        """
        super().showEvent(event)
        QTimer.singleShot(0, self, self._title_cursor_to_end)

    def _title_cursor_to_end(self) -> None:
        if self.title_edit.hasSelectedText() and self.title_edit.selectedText() == \
                self.title_edit.text():
            self.title_edit.end(False)

    # ------------------------------------------------------------ the draft
    def set_draft(self, draft: EventDraft) -> None:
        self.title_edit.setText(draft.title)
        self.date_edit.set_date(draft.date)
        self.description.setPlainText(draft.description)
        self.place.setEditText(draft.place or "")
        self.participants.clear()
        for name in unique_names(draft.participants):
            self._append_participant(name)
        self.tags_edit.setText(", ".join(unique_names(draft.tags)))
        self.title_edit.setCursorPosition(0)
        self.tags_edit.setCursorPosition(0)

    def draft(self) -> EventDraft:
        """The event as the dialog shows it now, tidied (no stray spaces, no repeats)."""
        place = " ".join(self.place.currentText().split())
        return EventDraft(
            title=" ".join(self.title_edit.text().split()),
            date=self.date_edit.date(),
            description=self.description.toPlainText().strip(),
            place=place or None,
            participants=self.participant_names(),
            tags=split_tags(self.tags_edit.text(), self._tags),
        )

    def participant_names(self) -> tuple[str, ...]:
        items = (self.participants.item(row) for row in range(self.participants.count()))
        return unique_names((item.text() for item in items if item is not None), self._names)

    # ------------------------------------------------------------ participants
    def add_participant(self, name: str | None = None) -> None:
        """Add ``name`` (or the typed name) unless it is there already; then select it."""
        typed = self.participant_input.text() if name is None else name
        names = unique_names([typed], self._names)
        if not names:
            return
        existing = {n.casefold(): row for row, n in enumerate(self._participant_texts())}
        row = existing.get(names[0].casefold())
        if row is None:
            self._append_participant(names[0])
            row = self.participants.count() - 1
        self.participants.setCurrentRow(row)
        self.participant_input.clear()
        self._update_buttons()

    def remove_selected_participants(self) -> None:
        for item in self.participants.selectedItems():
            self.participants.takeItem(self.participants.row(item))
        self._update_buttons()

    def _participant_texts(self) -> list[str]:
        items = (self.participants.item(row) for row in range(self.participants.count()))
        return [item.text() for item in items if item is not None]

    def _append_participant(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.participants.addItem(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Return in the name field adds the name (not OK); Delete in the list removes."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            typed = self.participant_input.text().strip()
            if watched is self.participant_input and key in _RETURN_KEYS and typed:
                self.add_participant()
                return True
            editing = self.participants.state() == QAbstractItemView.State.EditingState
            if watched is self.participants and key in _DELETE_KEYS and not editing:
                self.remove_selected_participants()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ accepting
    def can_accept(self) -> bool:
        return bool(self.title_edit.text().strip()) and self.date_edit.is_valid()

    def accept(self) -> None:
        if self.can_accept():
            super().accept()
        else:
            self._update_buttons()

    def _date_validity_changed(self, valid: bool) -> None:
        self._date_valid = valid
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        """Enable OK as the live reading allows; ``accept`` checks the final text again."""
        has_title = bool(self.title_edit.text().strip())
        valid_date = self._date_valid
        self.ok_button.setEnabled(has_title and valid_date)
        if not has_title:
            self.ok_button.setToolTip("Give the event a title first.")
        elif not valid_date:
            self.ok_button.setToolTip("The date cannot be read: see the line under it.")
        else:
            self.ok_button.setToolTip("")
        self.remove_button.setEnabled(bool(self.participants.selectedItems()))
        self.add_button.setEnabled(bool(self.participant_input.text().strip()))

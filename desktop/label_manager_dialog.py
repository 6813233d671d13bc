"""The project's label set: names, colours, number-key shortcuts and descriptions.

Every change is an undo command on the document's stack, so the main
window's Edit ▸ Undo takes it back and this dialog follows along (it redraws
from `labelsChanged`). A change the project would refuse (a duplicate name, a
key already taken) is explained in the dialog and never reaches the undo
history: the dialog checks the rules first, and the service's own refusal is
caught inside the command so that it cannot escape through QUndoStack.push.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.claim_table_model import RecordTableModel
from desktop.object_names import named
from desktop.project_document import ProjectDocument
from desktop.undo_commands import (
    CreateLabelCommand,
    DeleteLabelCommand,
    EditLabelCommand,
    ProjectCommand,
)
from storage.records import LabelRecord

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Name", "Colour", "Key", "Claims", "Description")
COLUMN_TIPS = (
    "The label's name (double-click to rename)",
    "Colour of the label's highlight (double-click to change)",
    "Number key that applies the label to the selected claim (double-click to change)",
    "How many claims carry the label",
    "What the label is for (double-click to edit)",
)
NAME, COLOUR, KEY, CLAIMS, DESCRIPTION = range(len(COLUMNS))
KEYS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)  # keyboard order
NO_KEY = "—"
PALETTE = ("#16a085", "#c0392b", "#2e86c1", "#8e44ad", "#d68910", "#5d6d7e", "#27ae60",
           "#d35400", "#1f618d", "#a93226", "#7d3c98", "#b7950b")  # fmt: skip

ColourChooser = Callable[[QColor, QWidget], QColor | None]
LabelEditor = Callable[[LabelRecord, LabelRecord], bool]


def ask_colour(initial: QColor, parent: QWidget) -> QColor | None:
    """Qt's colour dialog; None when the researcher cancels."""
    colour = QColorDialog.getColor(initial, parent, "Label Colour")
    return colour if colour.isValid() else None


def swatch(colour: str, size: int = 14) -> QPixmap:
    """A colour sample with a light inner and a dark outer edge, visible on any row colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.fillRect(0, 0, size, size, QColor(colour).darker(160))
    painter.fillRect(1, 1, size - 2, size - 2, QColor("#ffffff"))
    painter.fillRect(2, 2, size - 4, size - 4, QColor(colour))
    painter.end()
    return pixmap


class LabelTableModel(RecordTableModel[LabelRecord]):
    """Labels in their order; edits go to `editor(before, after)`, never into the rows.

    The rows change only when the project says its labels changed, so what
    the table shows is always what is stored.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, COLUMN_TIPS, parent)
        self.editor: LabelEditor | None = None
        self._usage: dict[int, int] = {}
        self._swatches: dict[str, QPixmap] = {}

    def key(self, record: LabelRecord) -> int:
        return record.id

    def set_usage(self, usage: dict[int, int]) -> None:
        """How many claims carry each label (by id)."""
        if usage != self._usage:
            self._usage = dict(usage)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, CLAIMS), self.index(len(self._rows) - 1, CLAIMS)
                )

    def label(self, index: ModelIndex) -> LabelRecord | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (NAME, DESCRIPTION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        label = self.label(index)
        if label is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return label.name
            if column == COLOUR:
                return label.color.upper()
            if column == KEY:
                return NO_KEY if label.shortcut is None else str(label.shortcut)
            if column == CLAIMS:
                return str(self._usage.get(label.id, 0))
            return label.description
        if role == Qt.ItemDataRole.DecorationRole and column == COLOUR:
            if label.color not in self._swatches:
                self._swatches[label.color] = swatch(label.color)
            return self._swatches[label.color]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (KEY, CLAIMS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return label.description or label.name
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        label = self.label(index)
        if label is None or role != Qt.ItemDataRole.EditRole or self.editor is None:
            return False
        text = str(value or "").strip()
        column = index.column()
        if column == NAME:
            after = dataclasses.replace(label, name=text)
        elif column == DESCRIPTION:
            after = dataclasses.replace(label, description=text)
        else:
            return False
        return after == label or self.editor(label, after)


class LabelManagerDialog(QDialog):
    """Add, rename, recolour, re-key, describe and delete the project's labels.

    `choose_colour(initial, parent)` asks for a colour (None to cancel); it is
    an attribute so that tests and scripts can answer for the researcher.
    """

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelManager")
        self.setWindowTitle("Labels")
        self._document = document
        self.choose_colour: ColourChooser = ask_colour

        self.model = LabelTableModel(self)
        self.model.editor = self.edit_label
        self.table = named(QTableView(), "labelTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((NAME, 140), (COLOUR, 96), (KEY, 48), (CLAIMS, 60)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._sync_buttons)

        self.add_button = self._button("&Add", "addLabel", self._on_add)
        self.rename_button = self._button("&Rename", "renameLabel", self.rename_selected)
        self.colour_button = self._button(
            "&Colour…", "labelColour", self.choose_colour_for_selected
        )
        self.delete_button = self._button("&Delete", "deleteLabel", self.delete_selected)
        self.shortcut = named(QComboBox(), "labelShortcut")
        self.shortcut.setToolTip("Number key that applies the selected label")
        self.shortcut.activated.connect(self._on_shortcut_chosen)
        key_label = QLabel("&Key:")
        key_label.setBuddy(self.shortcut)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.rename_button, self.colour_button, key_label):
            buttons.addWidget(widget)
        buttons.addWidget(self.shortcut)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        self.error = named(QLabel(), "labelError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.hide()

        stack = document.undo_stack
        self.undo_button = self._button("&Undo", "labelUndo", stack.undo)
        self.redo_button = self._button("Red&o", "labelRedo", stack.redo)
        stack.indexChanged.connect(self._sync_undo)
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_box.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addStretch(1)
        bottom.addWidget(close_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(640, 360)

        document.labelsChanged.connect(self.refresh)
        document.claimsChanged.connect(self._refresh_usage)
        document.projectOpened.connect(self.refresh)
        document.projectClosed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = named(QPushButton(text), name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Show the stored labels (after any change, including undo and redo elsewhere)."""
        is_open = self._document.is_open
        self.model.set_records(self._document.service.list_labels() if is_open else [])
        self._refresh_usage()
        self.add_button.setEnabled(is_open)
        self._sync_buttons()
        self._sync_undo()

    def _refresh_usage(self, *_change: object) -> None:
        if not self._document.is_open:
            self.model.set_usage({})
            return
        listings = self._document.service.find_claims()
        self.model.set_usage(dict(Counter(i for c in listings for i in c.claim.label_ids)))

    def current_label(self) -> LabelRecord | None:
        return self.model.label(self.table.currentIndex())

    def select_label(self, label_id: int) -> bool:
        row = self.model.row_of(label_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, NAME))
        return row is not None

    # ------------------------------------------------------------ changing
    def add_label(
        self, name: str | None = None, colour: str | None = None, shortcut: int | None = -1
    ) -> int | None:
        """Add a label (a fresh name, an unused colour and free key by default); its id."""
        labels = self.model.records
        if name is None:
            taken = {label.name.casefold() for label in labels}
            names = ("New label", *(f"New label {i}" for i in range(2, 1000)))
            name = next(n for n in names if n.casefold() not in taken)
        if colour is None:
            used = {label.color.lower() for label in labels}
            colour = next((c for c in PALETTE if c not in used), PALETTE[len(labels) % 12])
        if shortcut == -1:
            keys = {label.shortcut for label in labels}
            shortcut = next((k for k in KEYS if k not in keys), None)
        fresh = LabelRecord(0, name, colour, shortcut, "", 0)
        # Asked first: pushing even a command the stack then drops clears its redo list.
        refusal = self._document.service.label_refusal(fresh)
        if refusal is not None:
            self._show_refusal(refusal)
            return None
        command = CreateLabelCommand(self._document, name, colour, shortcut)
        if not self._push(command):
            return None
        if command.label_id is not None:
            self.select_label(command.label_id)
        return command.label_id

    def edit_label(self, before: LabelRecord, after: LabelRecord) -> bool:
        """Replace `before` with `after` (one undo step); False if the project refuses."""
        refusal = self._document.service.label_refusal(after)
        if refusal is not None:
            self._show_refusal(refusal)
            return False
        return self._push(EditLabelCommand(self._document, before, after))

    def rename_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(self.model.index(index.row(), NAME))

    def choose_colour_for_selected(self) -> None:
        label = self.current_label()
        if label is None:
            return
        colour = self.choose_colour(QColor(label.color), self)
        if colour is not None and colour.isValid():
            self.edit_label(label, dataclasses.replace(label, color=colour.name()))

    def set_shortcut_for_selected(self, shortcut: int | None) -> bool:
        label = self.current_label()
        if label is None:
            return False
        if label.shortcut == shortcut:
            return True
        return self.edit_label(label, dataclasses.replace(label, shortcut=shortcut))

    def delete_selected(self) -> None:
        label = self.current_label()
        if label is None:
            return
        row = self.table.currentIndex().row()
        if self._push(DeleteLabelCommand(self._document, label)):
            count = self.model.rowCount()
            if count:
                self.table.setCurrentIndex(self.model.index(min(row, count - 1), NAME))
            self._sync_buttons()

    def _push(self, command: ProjectCommand) -> bool:
        self._document.undo_stack.push(command)
        self._show_refusal(command.refusal)
        return command.refusal is None

    def _show_refusal(self, refusal: str | None) -> None:
        self.error.setText(refusal or "")
        self.error.setVisible(refusal is not None)
        if refusal is not None:
            self.refresh()  # the table and key list show what is stored, not what was refused

    # ------------------------------------------------------------ reacting
    def _on_add(self) -> None:
        if self.add_label() is not None:
            self.rename_selected()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == COLOUR:
            self.choose_colour_for_selected()
        elif index.column() == KEY:
            self.shortcut.setFocus(Qt.FocusReason.OtherFocusReason)
            self.shortcut.showPopup()

    def _on_shortcut_chosen(self, position: int) -> None:
        data = self.shortcut.itemData(position)
        self.set_shortcut_for_selected(None if data is None else int(data))
        self._sync_buttons()

    def _sync_buttons(self, *_indexes: object) -> None:
        label = self.current_label()
        for widget in (self.rename_button, self.colour_button, self.delete_button, self.shortcut):
            widget.setEnabled(label is not None)
        owners = {r.shortcut: r.name for r in self.model.records if r.shortcut is not None}
        self.shortcut.blockSignals(True)
        self.shortcut.clear()
        self.shortcut.addItem("None", None)
        for key in KEYS:
            owner = owners.get(key)
            mine = label is not None and label.shortcut == key
            self.shortcut.addItem(f"{key}  ({owner})" if owner and not mine else str(key), key)
        if label is not None:
            self.shortcut.setCurrentIndex(max(self.shortcut.findData(label.shortcut), 0))
        self.shortcut.blockSignals(False)

    def _sync_undo(self, *_state: object) -> None:
        stack = self._document.undo_stack
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        self.undo_button.setToolTip(stack.undoText())
        self.redo_button.setToolTip(stack.redoText())

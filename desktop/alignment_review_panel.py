"""The table of a comparison's alignments, with the researcher's verdicts on them.

Every verdict is an `AlignmentVerdictCommand` on the project's undo stack:
Confirm (C), Reject (X), or a relation chosen from the list, which confirms the
pair with that relation. J and K move down and up the table; after a verdict the
next proposed row is selected, so a comparison can be reviewed from the keyboard
alone.

The panel keeps its current alignment apart from the table's selection: a pair
picked in the readers that the filters hide is still current (the reason panel
shows it, the verdicts apply to it); the table just has no row selected.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.alignment_relations import (
    LEVEL_FILTERS,
    RELATION_COLOURS,
    RELATION_FILTERS,
    RELATION_HINTS,
    RELATION_TITLES,
    describe_difference,
)
from desktop.alignment_table_model import (
    A_TEXT,
    B_TEXT,
    DIFFERENCES,
    RELATION,
    SCORE,
    STATUS,
    AlignmentFilterProxy,
    AlignmentIdRole,
    AlignmentTableModel,
)
from desktop.object_names import named
from desktop.project_document import ProjectDocument
from desktop.undo_commands import AlignmentVerdictCommand
from storage.records import ALIGNMENT_RELATIONS, AlignmentRecord

NOT_COMPARED = (
    "<p><b>Not compared yet.</b></p><p>These two articles have no alignments yet. The aligner "
    "runs in the background; its passages appear here as soon as it is done "
    "(Comparison ▸ Align Again starts it anew).</p>")
NOTHING_SELECTED = "Select a pair to see why it was proposed and what differs."


class AlignmentReviewPanel(QWidget):
    """The alignments table, its filters, the verdict controls and the reason panel.

    Emits `currentChanged(alignment id)` when the researcher moves to another row.
    """

    currentChanged = Signal(int)
    refused = Signal(str)  # a verdict the service would not take, and why

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alignmentReview")
        self._document = document
        self._current: int | None = None
        self._quiet = False

        self.model = AlignmentTableModel(self)
        self.proxy = AlignmentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(), "alignmentTable")
        self._setup_table()

        self.level_filter = named(QComboBox(), "alignmentLevel")
        for title, level in LEVEL_FILTERS:
            self.level_filter.addItem(title, level)
        self.level_filter.setToolTip("Passages (sentences), the pairs of your claims, or both")
        self.level_filter.currentIndexChanged.connect(
            lambda _i: self._filter(self.proxy.set_level, self.level_filter.currentData()))
        self.relation_filter = named(QComboBox(), "alignmentRelation")
        for title, relation in RELATION_FILTERS:
            self.relation_filter.addItem(title, relation)
        self.relation_filter.setToolTip("Show only the pairs with this relation")
        self.relation_filter.currentIndexChanged.connect(
            lambda _i: self._filter(self.proxy.set_relation, self.relation_filter.currentData()))

        self.confirm_action = self._action("&Confirm", "confirmAlignment", "C",
                                           "Confirm the selected pair as it is (C)",
                                           lambda: self.decide(status="confirmed"))
        self.reject_action = self._action("&Reject", "rejectAlignment", "X",
                                          "Reject the selected pair: these passages do not "
                                          "belong together (X)",
                                          lambda: self.decide(status="rejected"))
        self.next_action = self._action("&Next Pair", "nextAlignment", "J", "Next row (J)",
                                        lambda: self.step(1))
        self.previous_action = self._action("&Previous Pair", "previousAlignment", "K",
                                            "Previous row (K)", lambda: self.step(-1))
        self.relation_edit = named(QComboBox(), "alignmentRelationEdit")
        for relation in ALIGNMENT_RELATIONS:
            self.relation_edit.addItem(RELATION_TITLES[relation], relation)
            index = self.relation_edit.count() - 1
            self.relation_edit.setItemData(index, RELATION_HINTS[relation],
                                           Qt.ItemDataRole.ToolTipRole)
        self.relation_edit.setToolTip("Change the relation of the selected pair (and confirm it)")
        self.relation_edit.activated.connect(self._on_relation_chosen)

        self.placeholder = named(QLabel(NOT_COMPARED), "compareEmpty")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setContentsMargins(24, 12, 24, 12)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.placeholder)
        self.reason = named(QTextBrowser(), "alignmentReason")
        self.reason.setOpenLinks(False)
        self.reason.setPlaceholderText(NOTHING_SELECTED)

        controls = QHBoxLayout()
        controls.setContentsMargins(8, 0, 8, 0)
        controls.addWidget(QLabel("Show"))
        controls.addWidget(self.level_filter)
        controls.addWidget(self.relation_filter)
        controls.addStretch(1)
        for action in (self.confirm_action, self.reject_action):
            button = named(QToolButton(), action.objectName() + "Button")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            controls.addWidget(button)
        controls.addWidget(QLabel("Relation"))
        controls.addWidget(self.relation_edit)
        split = named(QSplitter(Qt.Orientation.Horizontal), "alignmentSplitter")
        split.addWidget(self.stack)
        split.addWidget(self.reason)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        self.set_alignments(())

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for column, mode in ((RELATION, QHeaderView.ResizeMode.Interactive),
                             (A_TEXT, QHeaderView.ResizeMode.Stretch),
                             (B_TEXT, QHeaderView.ResizeMode.Stretch),
                             (DIFFERENCES, QHeaderView.ResizeMode.Interactive),
                             (SCORE, QHeaderView.ResizeMode.ResizeToContents),
                             (STATUS, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(RELATION, 130)
        header.resizeSection(DIFFERENCES, 220)
        header.setSortIndicatorClearable(True)  # a third click goes back to reading order
        table.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        table.clicked.connect(self._on_row_clicked)

    def _action(self, text: str, name: str, key: str, tip: str, slot: object) -> QAction:
        action = named(QAction(text, self), name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ------------------------------------------------------------ content
    def set_alignments(self, records: Sequence[AlignmentRecord],
                       claim_quotes: Mapping[int, str] | None = None) -> None:
        """Show the pair's alignments; the current one stays current if it is still there."""
        self._quiet = True
        try:
            self.model.set_alignments(records, claim_quotes)
        finally:
            self._quiet = False
        self.stack.setCurrentWidget(self.table if records else self.placeholder)
        current = self._current if self.model.row_of(self._current or -1) is not None else None
        self.select_alignment(current)

    def _filter(self, apply: Callable[[str | None], None], value: object) -> None:
        """Change a filter without the rows it hides moving the current pair elsewhere."""
        self._quiet = True
        try:
            apply(value if isinstance(value, str) else None)
        finally:
            self._quiet = False
        self.select_alignment(self._current)

    @property
    def current(self) -> AlignmentRecord | None:
        row = self.model.row_of(self._current) if self._current is not None else None
        return None if row is None else self.model.record_at(row)

    def select_alignment(self, key: int | None) -> None:
        """Make alignment `key` current and select its row (if the filters show it)."""
        self._current = key if key is not None and self.model.row_of(key) is not None else None
        index = self._proxy_index(self._current)
        self._quiet = True
        try:
            selection = self.table.selectionModel()
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
            else:  # no current row either, so that clicking the old one picks it again
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        finally:
            self._quiet = False
        self._show_current()

    def _proxy_index(self, key: int | None) -> QModelIndex:
        row = self.model.row_of(key) if key is not None else None
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self._current = int(current.data(AlignmentIdRole))
        self._show_current()
        self.currentChanged.emit(self._current)

    def _on_row_clicked(self, index: QModelIndex) -> None:
        """A click on the current row selects its pair again (the readers may have moved)."""
        key = index.data(AlignmentIdRole)
        if key is not None and key == self._current:
            self.currentChanged.emit(key)

    def _show_current(self) -> None:
        record = self.current
        for control in (self.confirm_action, self.reject_action, self.relation_edit):
            control.setEnabled(record is not None)
        if record is None:
            self.reason.clear()
            return
        self.relation_edit.setCurrentIndex(max(0, self.relation_edit.findData(record.relation)))
        self.reason.setHtml(describe_record(record))

    # ------------------------------------------------------------ moving and deciding
    def step(self, step: int) -> None:
        """Select the row `step` rows down (up when negative) from the current one."""
        rows = self.proxy.rowCount()
        if not rows:
            return
        index = self._proxy_index(self._current)
        row = (index.row() + step) if index.isValid() else (0 if step > 0 else rows - 1)
        self._pick(self.proxy.index(min(max(row, 0), rows - 1), 0))

    def _pick(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _next_proposed(self) -> list[int]:
        """Proposed alignments after the current row in table order, then those before it."""
        index = self._proxy_index(self._current)
        start = index.row() + 1 if index.isValid() else 0
        rows = self.proxy.rowCount()
        order = [*range(start, rows), *range(0, max(0, start - 1))]
        keys = []
        for row in order:
            record = self.model.record_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if record.status == "proposed" and record.id != self._current:
                keys.append(record.id)
        return keys

    def decide(self, status: str = "confirmed", relation: str | None = None) -> None:
        """Give the current alignment a verdict (undoable), then go on to the next proposal."""
        record = self.current
        if record is None:
            return
        relation = relation or record.relation
        upcoming = self._next_proposed()
        if (relation, status) == (record.relation, record.status):  # nothing to change
            self._pick(self._proxy_index(upcoming[0]) if upcoming else QModelIndex())
            return
        if relation != record.relation:
            what = f"Change alignment to {relation}"
        else:
            what = {"confirmed": "Confirm alignment", "rejected": "Reject alignment"}.get(
                status, "Reopen alignment")
        command = AlignmentVerdictCommand(self._document, record.id, relation, status, what)
        self._document.undo_stack.push(command)
        if command.refusal:
            self.refused.emit(command.refusal)
            return
        following = next((k for k in upcoming if self._proxy_index(k).isValid()), None)
        if following is not None:
            self._pick(self._proxy_index(following))

    def _on_relation_chosen(self, index: int) -> None:
        relation = self.relation_edit.itemData(index)
        if isinstance(relation, str):
            self.decide(status="confirmed", relation=relation)


def describe_record(record: AlignmentRecord) -> str:
    """The reason panel's account of one alignment (HTML)."""
    colour = RELATION_COLOURS.get(record.relation, "#999999")
    score = "" if record.score is None else f" · score {record.score:.2f}"
    level = "Claim pair" if record.level == "claim" else "Passage"
    parts = [
        f'<p><span style="color:{colour}">■</span> <b>{RELATION_TITLES.get(record.relation, "")}'
        f"</b> · {html.escape(record.status)}{score}<br>"
        f'<span style="color: palette(placeholder-text)">{level} · '
        f"{html.escape(RELATION_HINTS.get(record.relation, ''))}</span></p>"]
    if record.reason:
        parts.append(f"<p>{html.escape(record.reason)}</p>")
    if record.differences:
        items = "".join(
            f"<li>{html.escape(describe_difference(d))}"
            + (f" <i>({html.escape(d.note)})</i>" if d.note else "") + "</li>"
            for d in record.differences)
        parts.append(f"<p><b>Differences</b></p><ul>{items}</ul>")
    if record.aligner:
        parts.append(f'<p style="color: palette(placeholder-text)">Proposed by '
                     f"{html.escape(record.aligner)}</p>")
    return "".join(parts)

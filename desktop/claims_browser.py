"""Every claim in the project in one sortable table, with filters, to find and jump to claims.

The filters are handed to the service's `find_claims` query, which is fast
enough to run again after every claim, label or article change; the model
applies each answer row by row, so the selected claim stays selected.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.claim_drag import project_key
from desktop.claim_table_model import (
    ARTICLE,
    CLAIMANT,
    LABELS,
    OUTLET,
    QUOTE,
    STATUS,
    ClaimIdRole,
    ClaimSortProxy,
    ClaimTableModel,
    LabelChipsRole,
)
from desktop.object_names import named
from desktop.project_document import ProjectDocument
from storage.records import ClaimListing

FILTER_DELAY_MS = 200
STATUSES = ("open", "reviewed", "flagged")
ANY_LABEL = "Any label"
ANY_STATUS = "Any status"
ALL_ARTICLES = "All articles"
THIS_ARTICLE = "This article"
ModelIndex = QModelIndex | QPersistentModelIndex


class LabelChipsDelegate(QStyledItemDelegate):
    """Draws a claim's labels as coloured dots, each followed by the label's name."""

    DOT = 8
    GAP = 10

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        chips: tuple[tuple[str, str], ...] = index.data(LabelChipsRole) or ()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect: QRect = item.rect.adjusted(4, 0, -4, 0)
        metrics = item.fontMetrics
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = item.palette.color(role)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = rect.left()
        for name, colour in chips:
            if x + self.DOT + 4 > rect.right():
                break
            painter.setPen(text_colour if selected else QColor(colour).darker(130))
            painter.setBrush(QColor(colour))
            top = rect.center().y() - self.DOT // 2 + 1
            painter.drawEllipse(x, top, self.DOT, self.DOT)
            x += self.DOT + 4
            room = rect.right() - x
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            painter.setPen(text_colour)
            text_rect = QRect(x, rect.top(), room, rect.height())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), shown)
            x += metrics.horizontalAdvance(shown) + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        chips: tuple[tuple[str, str], ...] = index.data(LabelChipsRole) or ()
        metrics = option.fontMetrics
        width = sum(self.DOT + 4 + metrics.horizontalAdvance(n) + self.GAP for n, _ in chips)
        return QSize(max(width + 8, 60), size.height())


class ClaimTableView(QTableView):
    """Gives each column its share of the width as the view grows or shrinks.

    The quote takes what is left. Once the researcher drags a column's edge,
    the widths are theirs and stay as they were set.
    """

    SHARES = {  # column: (share of the width, least, most) in pixels
        CLAIMANT: (0.13, 90, 200),
        LABELS: (0.16, 130, 240),
        ARTICLE: (0.20, 120, 320),
        OUTLET: (0.11, 80, 160),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self.user_sized = False

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(48)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        for column in self.SHARES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        self.fit_columns()

    def fit_columns(self) -> None:
        width = self.viewport().width()
        self._fitting = True
        for column, (share, least, most) in self.SHARES.items():
            self.horizontalHeader().resizeSection(column, min(max(int(width * share), least), most))
        self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit_columns()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column in self.SHARES and not self._fitting:
            self.user_sized = True


class ClaimsBrowser(QWidget):
    """All claims of the open project.

    Emits `jumpRequested(article_id, start, end, claim_id)` when a row is
    activated (double-click or Enter) and `currentClaimChanged(claim_id)`
    (-1 for none) as the selection moves.
    """

    jumpRequested = Signal(int, int, int, int)
    currentClaimChanged = Signal(int)

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsBrowser")
        self._document = document
        self._article_id: int | None = None
        self._total = 0
        self.model = ClaimTableModel(self)
        self.model.claims_project = lambda: project_key(document.path)
        self.proxy = ClaimSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_table()
        self.count = named(QLabel(), "claimCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._filter_grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        document.projectOpened.connect(self._on_project_changed)
        document.projectClosed.connect(self._on_project_changed)
        document.claimsChanged.connect(self.refresh)
        document.articlesChanged.connect(self.refresh)
        document.labelsChanged.connect(self._on_labels_changed)
        self._on_project_changed()

    # ------------------------------------------------------------ building
    def _build_filters(self) -> None:
        self.words = self._line_edit("claimFilterWords", "Words in quote, claimant or note")
        self.claimant = self._line_edit("claimFilterClaimant", "Who makes the claim")
        self.outlet = self._line_edit("claimFilterOutlet", "Publication or site")
        self.label_filter = named(QComboBox(), "claimFilterLabel")
        self.status_filter = named(QComboBox(), "claimFilterStatus")
        self.status_filter.addItem(ANY_STATUS, None)
        for status in STATUSES:
            self.status_filter.addItem(status, status)
        self.scope = named(QComboBox(), "claimFilterScope")
        self.scope.addItems([ALL_ARTICLES, THIS_ARTICLE])
        for combo in (self.label_filter, self.status_filter, self.scope):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.refresh)
        self.clear_filters_button = named(QPushButton("Clear Filters"), "claimFilterClear")
        self.clear_filters_button.clicked.connect(self.clear_filters)

        grid = self._filter_grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        rows: tuple[tuple[tuple[str, QWidget], ...], ...] = (
            (("&Words:", self.words), ("&Label:", self.label_filter),
             ("&Status:", self.status_filter)),
            (("Clai&mant:", self.claimant), ("&Outlet:", self.outlet),
             ("S&cope:", self.scope)),
        )  # fmt: skip
        for row, pairs in enumerate(rows):
            for pair, (text, field) in enumerate(pairs):
                label = QLabel(text)
                label.setBuddy(field)
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                grid.addWidget(label, row, pair * 2, align)
                grid.addWidget(field, row, pair * 2 + 1)
        grid.addWidget(self.clear_filters_button, 1, 6)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(lambda _text: self._filter_timer.start())
        edit.returnPressed.connect(self.refresh)
        return edit

    def _build_table(self) -> None:
        table = self.table = named(ClaimTableView(), "claimTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(ARTICLE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.setItemDelegateForColumn(LABELS, LabelChipsDelegate(table))
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        table.activated.connect(self._on_activated)
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    # ------------------------------------------------------------ public
    def set_current_article(self, article_id: int | None) -> None:
        """The article being read, which the "This article" scope means."""
        if article_id == self._article_id:
            return
        self._article_id = article_id
        if self.scope.currentText() == THIS_ARTICLE:
            self.refresh()

    def current_claim_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ClaimIdRole)) if index.isValid() else None

    def select_claim(self, claim_id: int) -> bool:
        row = self.model.row_of(claim_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, QUOTE))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        widgets = (self.words, self.claimant, self.outlet, self.label_filter)
        for widget in (*widgets, self.status_filter, self.scope):
            widget.blockSignals(True)
        for edit in (self.words, self.claimant, self.outlet):
            edit.clear()
        for combo in (self.label_filter, self.status_filter, self.scope):
            combo.setCurrentIndex(0)
        for widget in (*widgets, self.status_filter, self.scope):
            widget.blockSignals(False)
        self.refresh()

    def filter_arguments(self) -> dict[str, Any]:
        """The keyword arguments of `find_claims` that the filters stand for."""
        label = self.label_filter.currentData()
        status = self.status_filter.currentData()
        arguments: dict[str, Any] = {
            "label_ids": None if label is None else (int(label),),
            "claimant": self.claimant.text().strip() or None,
            "statuses": None if status is None else (str(status),),
            "article_ids": None,
            "outlet": self.outlet.text().strip() or None,
            "words": self.words.text().strip() or None,
        }
        if self.scope.currentText() == THIS_ARTICLE:
            arguments["article_ids"] = () if self._article_id is None else (self._article_id,)
        return arguments

    def refresh(self, *_change: object) -> None:
        """Run the query again (the change records that trigger it are not needed)."""
        self._filter_timer.stop()
        if not self._document.is_open:
            self.model.set_records([])
            self._total = 0
            self._update_count()
            return
        service = self._document.service
        arguments = self.filter_arguments()
        listings: list[ClaimListing] = service.find_claims(**arguments)
        filtered = any(value is not None for value in arguments.values())
        self._total = len(service.find_claims()) if filtered else len(listings)
        self.model.set_records(listings)
        self._update_count()

    # ------------------------------------------------------------ reacting
    def _on_project_changed(self) -> None:
        self._article_id = None
        self._fill_label_filter()
        self.clear_filters()

    def _on_labels_changed(self) -> None:
        # A renamed label changes the rows; a deleted one that was chosen falls back to any.
        self._fill_label_filter()
        self.refresh()

    def _fill_label_filter(self) -> None:
        chosen = self.label_filter.currentData()
        labels = self._document.service.list_labels() if self._document.is_open else []
        self.model.set_label_colours({label.id: label.color for label in labels})
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem(ANY_LABEL, None)
        for label in labels:
            self.label_filter.addItem(label.name, label.id)
        found = self.label_filter.findData(chosen) if chosen is not None else 0
        self.label_filter.setCurrentIndex(max(found, 0))
        self.label_filter.blockSignals(False)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        noun = "claim" if self._total == 1 else "claims"
        if shown == self._total:
            self.count.setText(f"{self._total} {noun}")
        else:
            self.count.setText(f"{shown} of {self._total} {noun}")

    def _on_activated(self, index: QModelIndex) -> None:
        listing = self.model.listing(self.proxy.mapToSource(index))
        if listing is not None:
            claim = listing.claim
            self.jumpRequested.emit(claim.article_id, claim.start, claim.end, claim.id)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentClaimChanged.emit(int(current.data(ClaimIdRole)) if current.isValid() else -1)

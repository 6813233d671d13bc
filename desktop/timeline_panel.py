"""The timeline dock: filters and lane choice above the timeline view, undated events beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from desktop.timeline_view import TimelineView

LANE_MODES = (("outlet", "Lanes by outlet"), ("article", "Lanes by article"),
              ("tag", "Lanes by tag"))
LINK_FILTERS = (("all", "Linked and unlinked"), ("linked", "Linked to claims"),
                ("unlinked", "Without claims"))
ANY = "(any)"
EventKeyRole = Qt.ItemDataRole.UserRole + 1


class TimelinePanel(QWidget):
    """Emits `filtersChanged()` when the lane mode or a filter changes."""

    filtersChanged = Signal()
    newEventRequested = Signal()
    undatedActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.view = named(TimelineView(), "timelineView")

        self.lanes = named(QComboBox(), "timelineLanes")
        for key, title in LANE_MODES:
            self.lanes.addItem(title, key)
        self.tag = named(QComboBox(), "timelineTagFilter")
        self.outlet = named(QComboBox(), "timelineOutletFilter")
        for combo, what in ((self.tag, "tag"), (self.outlet, "outlet")):
            combo.setToolTip(f"Show only events with this {what}")
            combo.addItem(ANY)
        self.linked = named(QComboBox(), "timelineLinkFilter")
        for key, title in LINK_FILTERS:
            self.linked.addItem(title, key)
        self.words = named(QLineEdit(), "timelineWords")
        self.words.setPlaceholderText("Words in titles, places, people")
        self.words.setClearButtonEnabled(True)
        self._words_timer = QTimer(self, singleShot=True, interval=200)
        self._words_timer.timeout.connect(self.filtersChanged)
        self.words.textChanged.connect(lambda _t: self._words_timer.start())
        for combo in (self.lanes, self.tag, self.outlet, self.linked):
            combo.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())

        self.new_event = named(QToolButton(), "newEvent")
        self.new_event.setText("New Event…")
        self.new_event.clicked.connect(self.newEventRequested)
        self.fit = named(QToolButton(), "timelineFit")
        self.fit.setText("Fit")
        self.fit.setToolTip("Show every event (F)")
        self.fit.clicked.connect(self.view.fit_all)
        self.today = named(QToolButton(), "timelineToday")
        self.today.setText("Today")
        self.export = named(QToolButton(), "timelineExport")
        self.export.setText("Export")
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export)
        self.export.setMenu(self.export_menu)
        self.count = named(QLabel(), "timelineCount")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        leading: tuple[QWidget, ...] = (self.new_event, self.lanes, self.tag, self.outlet,
                                         self.linked)
        trailing: tuple[QWidget, ...] = (self.count, self.fit, self.today, self.export)
        for widget in leading:
            bar.addWidget(widget)
        bar.addWidget(self.words, 1)
        for widget in trailing:
            bar.addWidget(widget)

        self.undated = named(QListWidget(), "undatedEvents")
        self.undated.setToolTip("Events without a date: double-click to date one")
        self.undated.itemActivated.connect(
            lambda item: self.undatedActivated.emit(int(item.data(EventKeyRole))))
        undated_box = QWidget()
        undated_layout = QVBoxLayout(undated_box)
        undated_layout.setContentsMargins(0, 0, 0, 0)
        self.undated_title = QLabel("Undated")
        undated_layout.addWidget(self.undated_title)
        undated_layout.addWidget(self.undated, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(undated_box)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 140])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------ filters
    @property
    def lane_mode(self) -> str:
        return str(self.lanes.currentData())

    @property
    def link_filter(self) -> str:
        return str(self.linked.currentData())

    def set_choices(self, tags: list[str], outlets: list[str]) -> None:
        """Refill the tag and outlet filters, keeping what was chosen when it still exists."""
        for combo, values in ((self.tag, tags), (self.outlet, outlets)):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([ANY, *values])
            combo.setCurrentText(current if current in values else ANY)
            combo.blockSignals(False)

    def chosen(self, combo: QComboBox) -> str | None:
        text = combo.currentText()
        return None if text == ANY else text

    def set_undated(self, events: list[tuple[int, str]]) -> None:
        self.undated.clear()
        for key, title in events:
            item = QListWidgetItem(title)
            item.setData(EventKeyRole, key)
            self.undated.addItem(item)
        self.undated_title.setText(f"Undated ({len(events)})")

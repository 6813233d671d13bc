"""The legend of the reader's layers: what each colour means, a switch and a colour for each.

Every layer has a check box (show or hide it), the number of its spans in the
article, and a swatch drawn the way the layer is painted; clicking the swatch
picks another colour. Entity types sit under one "Entities" switch. Choices are
kept in the settings handed in (the GUI's INI file by default), so the reader
looks the same next time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.highlight_layers import ENTITY, LAYERS, Layer, LayerStyle
from desktop.object_names import named
from desktop.reader_view import ArticleReader

ColourPicker = Callable[[QColor, str, QWidget], QColor | None]
SWATCH = QSize(30, 18)
NOTE = (
    "Claims grow deeper where they overlap; the selected claim is the strongest. "
    "Hover over a date to see when it was."
)


def pick_with_dialog(current: QColor, title: str, parent: QWidget) -> QColor | None:
    colour = QColorDialog.getColor(current, parent, f"Colour of “{title}”")
    return colour if colour.isValid() else None


def settings_key(layer: str, what: str) -> str:
    return f"reader/layers/{layer.replace(':', '-')}/{what}"


class LayerLegend(QWidget):
    """Switches and colours for the layers of `reader`, remembered in `settings`."""

    def __init__(
        self, reader: ArticleReader, settings: QSettings | None = None,
        pick_colour: ColourPicker | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("layerLegend")
        if settings is None:
            from desktop.app_settings import app_settings

            settings = app_settings()
        self.reader, self.settings = reader, settings
        self.pick_colour = pick_colour or pick_with_dialog
        self.checks: dict[str, QCheckBox] = {}
        self.swatches: dict[str, QToolButton] = {}
        self.counts: dict[str, QLabel] = {}

        heading = QLabel("Layers")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        row = 0
        for lay in LAYERS:
            if lay.is_entity and ENTITY not in self.checks:
                self.checks[ENTITY] = named(QCheckBox("Entities"), "layerCheck-entity")
                self.checks[ENTITY].clicked.connect(self._toggle_entities)
                grid.addWidget(self.checks[ENTITY], row, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
                row += 1
            self._add_row(grid, row, lay)
            row += 1
        self.reset = named(QPushButton("Default colours"), "layerColoursReset")
        self.reset.setFlat(True)
        self.reset.clicked.connect(self.reset_colours)
        note = QLabel(NOTE)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(self.reset, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        self._restore()
        reader.layersChanged.connect(self.sync)
        self.sync()

    def _add_row(self, grid: QGridLayout, row: int, lay: Layer) -> None:
        key = lay.name.replace(":", "-")
        check = named(QCheckBox(lay.title), f"layerCheck-{key}")
        check.toggled.connect(lambda on, name=lay.name: self._toggle(name, on))
        if lay.is_entity:
            check.setStyleSheet("QCheckBox { margin-left: 18px; }")
        count = named(QLabel(), f"layerCount-{key}")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        count.setStyleSheet("color: palette(placeholder-text)")
        swatch = named(QToolButton(), f"layerSwatch-{key}")
        swatch.setIconSize(SWATCH)
        swatch.setAutoRaise(True)
        swatch.setToolTip(f"Change the colour of {lay.title.lower()}")
        swatch.setAccessibleName(f"Colour of {lay.title}")
        swatch.clicked.connect(lambda _=False, name=lay.name: self.choose_colour(name))
        grid.addWidget(check, row, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(count, row, 2)
        grid.addWidget(swatch, row, 3)
        self.checks[lay.name], self.counts[lay.name], self.swatches[lay.name] = check, count, swatch

    # ------------------------------------------------------------ actions
    def choose_colour(self, name: str) -> None:
        lay = next(lay for lay in LAYERS if lay.name == name)
        colour = self.pick_colour(self.reader.layer_colour(name), lay.title, self)
        if colour is None or not colour.isValid():
            return
        self.reader.set_layer_colour(name, colour)
        self.settings.setValue(settings_key(name, "colour"), colour.name())

    def reset_colours(self) -> None:
        for lay in LAYERS:
            self.reader.set_layer_colour(lay.name, QColor(lay.colour))
            self.settings.remove(settings_key(lay.name, "colour"))

    def _toggle(self, name: str, visible: bool) -> None:
        if self.reader.layer_visible(name) != visible:
            self.reader.set_layer_visible(name, visible)
        self.settings.setValue(settings_key(name, "visible"), visible)

    def _toggle_entities(self) -> None:
        entities = [lay.name for lay in LAYERS if lay.is_entity]
        visible = not all(self.reader.layer_visible(name) for name in entities)
        self.reader.set_layer_visible(ENTITY, visible)
        for name in entities:
            self.settings.setValue(settings_key(name, "visible"), visible)

    def _restore(self) -> None:
        for lay in LAYERS:
            colour = QColor(str(self.settings.value(settings_key(lay.name, "colour"), "")))
            if colour.isValid():
                self.reader.set_layer_colour(lay.name, colour)
            visible = self.settings.value(settings_key(lay.name, "visible"))
            if visible is not None:
                self.reader.set_layer_visible(lay.name, str(visible).lower() == "true")

    # ------------------------------------------------------------ looks
    def sync(self) -> None:
        """Show the reader's state: switches, counts and swatches."""
        highlighter, ink = self.reader.highlighter, self.palette().text().color()
        for lay in LAYERS:
            check = self.checks[lay.name]
            check.blockSignals(True)
            check.setChecked(self.reader.layer_visible(lay.name))
            check.blockSignals(False)
            self.counts[lay.name].setText(f"{len(highlighter.spans(lay.name)):,}")
            self.swatches[lay.name].setIcon(
                swatch_icon(lay, highlighter.swatch_colour(lay.name), ink))
        shown = [self.reader.layer_visible(lay.name) for lay in LAYERS if lay.is_entity]
        state = (
            Qt.CheckState.Checked if all(shown)
            else Qt.CheckState.Unchecked if not any(shown) else Qt.CheckState.PartiallyChecked
        )
        self.checks[ENTITY].setCheckState(state)


def swatch_icon(lay: Layer, colour: QColor, ink: QColor) -> QIcon:
    """A small sample of how `lay` is painted: a tinted word or an underlined one."""
    ratio = 2.0
    pixmap = QPixmap(SWATCH * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width, height = SWATCH.width(), SWATCH.height()
    if lay.style in (LayerStyle.TINT, LayerStyle.LIGHT_TINT):
        painter.setPen(QPen(colour.darker(125), 1))
        painter.setBrush(colour)
        painter.drawRoundedRect(1, 2, width - 2, height - 4, 3, 3)
    painter.setPen(ink)
    font = painter.font()
    font.setPixelSize(11)
    painter.setFont(font)
    painter.drawText(0, 0, width, height - 3, Qt.AlignmentFlag.AlignCenter, "Ab")
    if lay.style is LayerStyle.UNDERLINE:
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(5, height - 3), QPointF(width - 5, height - 3))
    elif lay.style is LayerStyle.WAVE:
        painter.setPen(QPen(colour, 1.4))
        wave = QPainterPath(QPointF(5, height - 3))
        for i, x in enumerate(range(7, width - 4, 2)):
            wave.lineTo(x, height - (4 if i % 2 == 0 else 2))
        painter.drawPath(wave)
    painter.end()
    return QIcon(pixmap)

"""The strip between two readers that ties each passage of A to its counterpart in B.

For every pair on screen in either reader, a band runs from the passage's lines
on the left to its counterpart's lines on the right, filled with the colour of
their relation; a passage only one side has (added to B, dropped from A) gets a
tab on its own side. The geometry is read from the readers at paint time
(`cursorRect` of each passage's first and last character), so the bands follow
every scroll, resize and relayout without bookkeeping of their own; only the
pairs touching the visible text are measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.alignment_relations import RELATION_COLOURS

GUTTER_WIDTH = 64
TAB_WIDTH = 14  # the tab of a one-sided passage
EDGE = 3  # the solid bar marking a passage's lines at either edge
FILL_ALPHA, SELECTED_ALPHA = 0.30, 0.62
QtRange = tuple[int, int]  # Qt positions in a reader's document, end exclusive


@dataclass(frozen=True)
class Band:
    """One alignment as the gutter draws it: its id, relation, status and its two sides."""

    key: int
    relation: str
    status: str
    a: QtRange | None
    b: QtRange | None
    tooltip: str = ""


@dataclass(frozen=True)
class BandGeometry:
    """Where a band's two ends lie, in the gutter's coordinates (None: that side is missing)."""

    a: tuple[float, float] | None
    b: tuple[float, float] | None


class CompareGutter(QWidget):
    """Draws the bands between `left` (article A) and `right` (article B).

    Emits `bandClicked(key)` when a band or a tab is clicked.
    """

    bandClicked = Signal(int)

    def __init__(self, left: QPlainTextEdit, right: QPlainTextEdit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareGutter")
        self.setFixedWidth(GUTTER_WIDTH)
        self._left, self._right = left, right
        self._bands: list[Band] = []
        self._selected: int | None = None
        self._drawn: list[tuple[int, QPainterPath]] = []  # what the last paint drew, in order
        for edit in (left, right):
            edit.updateRequest.connect(
                lambda rect, dy, e=edit: self._on_update_request(e, rect, dy))

    # ------------------------------------------------------------ content
    def set_bands(self, bands: list[Band]) -> None:
        self._bands = list(bands)
        self.update()

    @property
    def bands(self) -> tuple[Band, ...]:
        return tuple(self._bands)

    def set_selected(self, key: int | None) -> None:
        if key != self._selected:
            self._selected = key
            self.update()

    @property
    def selected(self) -> int | None:
        return self._selected

    # ------------------------------------------------------------ geometry
    def geometry_of(self, key: int) -> BandGeometry | None:
        """The band `key`'s ends (unclipped: they may lie beyond the readers' edges)."""
        band = next((b for b in self._bands if b.key == key), None)
        if band is None:
            return None
        return BandGeometry(self._extent(self._left, band.a), self._extent(self._right, band.b))

    def visible_bands(self) -> list[Band]:
        """The bands touching the text either reader shows, in drawing order."""
        left, right = self._visible_range(self._left), self._visible_range(self._right)
        return [b for b in self._bands if _overlaps(b.a, left) or _overlaps(b.b, right)]

    def _extent(self, edit: QPlainTextEdit, span: QtRange | None) -> tuple[float, float] | None:
        if span is None:
            return None
        cursor = QTextCursor(edit.document())
        cursor.setPosition(span[0])
        top = edit.cursorRect(cursor).top()
        cursor.setPosition(max(span[0], span[1]))
        bottom = edit.cursorRect(cursor).bottom() + 1
        shift = self._viewport_top(edit)
        return top + shift, bottom + shift

    def _viewport_top(self, edit: QPlainTextEdit) -> float:
        """Where the top of `edit`'s viewport lies in the gutter's coordinates."""
        window = self.window()
        return self.mapFrom(window, edit.viewport().mapTo(window, QPoint(0, 0))).y()

    def _viewport_span(self, edit: QPlainTextEdit) -> tuple[float, float]:
        top = self._viewport_top(edit)
        return top, top + edit.viewport().height()

    @staticmethod
    def _visible_range(edit: QPlainTextEdit) -> QtRange:
        viewport = edit.viewport()
        first = edit.cursorForPosition(QPoint(0, 0)).position()
        last = edit.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return first, last + 1

    # ------------------------------------------------------------ painting
    def _on_update_request(self, edit: QPlainTextEdit, rect: QRect, dy: int) -> None:
        # A scroll, or a repaint of the whole text (resize, relayout): the passages moved.
        # Not the blinking cursor or a repainted paragraph: they did not.
        if dy or rect.contains(edit.viewport().rect()):
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left_clip, right_clip = self._viewport_span(self._left), self._viewport_span(self._right)
        top = min(left_clip[0], right_clip[0])
        bottom = max(left_clip[1], right_clip[1])
        painter.setClipRect(QRectF(0, top, self.width(), bottom - top))
        bands = self.visible_bands()
        bands.sort(key=lambda b: b.key == self._selected)  # the selected one on top
        self._drawn = []
        for band in bands:
            a = _clamped(self._extent(self._left, band.a), left_clip)
            b = _clamped(self._extent(self._right, band.b), right_clip)
            path = self._paint_band(painter, band, a, b)
            if path is not None:
                self._drawn.append((band.key, path))
        painter.end()

    def _paint_band(self, painter: QPainter, band: Band, a: tuple[float, float] | None,
                    b: tuple[float, float] | None) -> QPainterPath | None:
        width = float(self.width())
        colour = QColor(RELATION_COLOURS.get(band.relation, "#999999"))
        selected = band.key == self._selected
        rejected = band.status == "rejected"
        fill = QColor(colour)
        fill.setAlphaF(0.0 if rejected else SELECTED_ALPHA if selected else FILL_ALPHA)
        if a is not None and b is not None:
            path = _ribbon(a, b, width)
        elif a is not None or b is not None:
            extent = a if a is not None else b
            assert extent is not None
            x = 0.0 if a is not None else width - TAB_WIDTH
            path = QPainterPath()
            path.addRoundedRect(QRectF(x, extent[0], TAB_WIDTH, extent[1] - extent[0]), 3, 3)
        else:
            return None
        if rejected:
            pen = QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine)
        elif selected:
            pen = QPen(colour.darker(135), 1.5)
        else:
            pen = QPen(Qt.PenStyle.NoPen)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(path)
        if not rejected:  # solid bars on the readers' sides mark exactly which lines
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour if selected else colour.lighter(108))
            if a is not None:
                painter.drawRect(QRectF(0, a[0], EDGE, a[1] - a[0]))
            if b is not None:
                painter.drawRect(QRectF(width - EDGE, b[0], EDGE, b[1] - b[0]))
        return path

    # ------------------------------------------------------------ mouse
    def band_at(self, point: QPointF) -> int | None:
        """The band drawn under `point` (gutter coordinates), topmost first."""
        for key, path in reversed(self._drawn):
            if path.contains(point):
                return key
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.band_at(event.position())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bandClicked.emit(key)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            key = self.band_at(QPointF(event.pos()))
            band = next((b for b in self._bands if b.key == key), None)
            if band is not None and band.tooltip:
                QToolTip.showText(event.globalPos(), band.tooltip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _overlaps(span: QtRange | None, visible: QtRange) -> bool:
    return span is not None and span[0] <= visible[1] and span[1] >= visible[0]


def _clamped(extent: tuple[float, float] | None,
             limits: tuple[float, float]) -> tuple[float, float] | None:
    """`extent` kept inside `limits`: a passage scrolled away ends at the reader's edge."""
    if extent is None:
        return None
    low, high = limits
    top, bottom = min(max(extent[0], low), high), min(max(extent[1], low), high)
    return top, max(bottom, top + 1)


def _ribbon(a: tuple[float, float], b: tuple[float, float], width: float) -> QPainterPath:
    """A band from `a` (left edge) to `b` (right edge), its sides eased into S-curves."""
    middle = width / 2
    path = QPainterPath(QPointF(0, a[0]))
    path.cubicTo(QPointF(middle, a[0]), QPointF(middle, b[0]), QPointF(width, b[0]))
    path.lineTo(QPointF(width, b[1]))
    path.cubicTo(QPointF(middle, b[1]), QPointF(middle, a[1]), QPointF(0, a[1]))
    path.closeSubpath()
    return path

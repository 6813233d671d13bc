"""The timeline's drawing surface: its time transform, its frames, and panning by blitting.

`TimelineCanvas` keeps the view's transform (the moment at the plot's left edge
and seconds per pixel), builds `Frame`s of what is in view (timeline_frame) and
paints them (timeline_painter). It knows nothing of editing; `TimelineView`
adds that on top.

Panning is the common case, so a frame is painted once into a pixmap and a pan
only shifts it: after the first pan at a zoom, the strip is rebuilt one plot
width wider on each side, and further pans within it cost one blit plus the
gutter and the sticky axis label (`paint_overlay`). Any change to the items, the
selection, the zoom, the vertical scroll or the size starts a new strip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QStaticText,
)
from PySide6.QtWidgets import QWidget

from desktop.timeline_axis import (
    DAY,
    FIRST_SECONDS,
    LAST_SECONDS,
    TimeScale,
    from_seconds,
    to_seconds,
)
from desktop.timeline_frame import Frame, FrameBuilder, Hit
from desktop.timeline_items import TimelineIndex
from desktop.timeline_painter import Decor, Ghost, paint_overlay, paint_plot

MIN_SPAN = 3600.0  # the closest zoom shows an hour
MAX_SPAN = 2000 * 365.2425 * DAY


class TimelineStyle:
    """The fonts the timeline draws with and how wide text is in them (`TextMeasures`)."""

    def __init__(self, font: QFont) -> None:
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.label_font = QFont(font)  # titles and the axis's lower row
        self.major_font = QFont(font)  # lane titles and the axis's upper row
        self.major_font.setWeight(QFont.Weight.DemiBold)
        self.small_font = QFont(font)
        self.small_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.82))
        self.metrics = QFontMetricsF(self.label_font)
        self.major_metrics = QFontMetricsF(self.major_font)
        self.small_metrics = QFontMetricsF(self.small_font)
        sample = "Talks on the grain corridor resume in Istanbul, officials say"
        self.char_width = self.metrics.horizontalAdvance(sample) / len(sample)
        self._badges: dict[int, float] = {}
        self._widths: dict[str, float] = {}
        self._static: dict[tuple[str, int], QStaticText] = {}

    def fonts(self) -> tuple[QFont, ...]:
        return self.label_font, self.major_font, self.small_font

    # ------------------------------------------------------------ TextMeasures
    def label_width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 20_000:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def badge_width(self, claims: int) -> float:
        width = self._badges.get(claims)
        if width is None:
            width = self._badges[claims] = 14.0 + self.small_metrics.horizontalAdvance(str(claims))
        return width

    def elide(self, text: str, width: float) -> str:
        return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def axis_width(self, text: str) -> float:
        return self.major_metrics.horizontalAdvance(text)  # the wider of the axis fonts

    def lane_width(self, text: str) -> float:
        return self.major_metrics.horizontalAdvance(text)

    # ------------------------------------------------------------ text
    def text(self, p: QPainter, x: float, baseline: float, text: str, font: int,
             static: bool) -> None:
        """Draw `text` from x on `baseline` in font 0 (label), 1 (strong) or 2 (small)."""
        if not static:
            p.setFont(self.fonts()[font])
            p.drawText(QPointF(x, baseline), text)
            return
        cached = self._static.get((text, font))
        if cached is None:
            if len(self._static) > 4000:
                self._static.clear()
            cached = self._static[(text, font)] = QStaticText(text)
            cached.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        metrics = (self.metrics, self.major_metrics, self.small_metrics)[font]
        p.setFont(self.fonts()[font])
        p.drawStaticText(QPointF(x, baseline - metrics.ascent()), cached)


@dataclass
class _Strip:
    """A frame, maybe wider than the view, and its picture once painted."""

    key: tuple[float, float, int, int, int]  # zoom, scroll, size, version
    origin: float  # the view's origin when built; a pan since moves the view, not the frame
    frame: Frame
    pixmap: QPixmap | None = None


class TimelineCanvas(QWidget):
    """Shows `index` through a zoomable, pannable time transform (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 160)
        self.index = TimelineIndex()
        self.style_ = TimelineStyle(self.font())
        self._builder = FrameBuilder(self.style_)
        self.empty_text = "No events to show."
        self._gutter = self._gutter_width()
        self._spp = 365.2425 * DAY / 800
        self._origin = to_seconds(datetime.now()) - 400 * self._spp
        self._scroll = 0.0
        self._fitted = True  # refit on resize until the researcher moves the view
        self._selected: set[int] = set()
        self._highlighted: set[int] = set()
        self._hover: int | None = None
        self._version = 0  # of what the plot shows besides the transform
        self._strip: _Strip | None = None

    # ------------------------------------------------------------ where the view looks
    @property
    def scale(self) -> TimeScale:
        return TimeScale(self._origin, self._spp, self._gutter)

    def plot_width(self) -> float:
        return max(1.0, self.width() - self._gutter)

    def visible_range(self) -> tuple[datetime, datetime]:
        return (from_seconds(self._origin),
                from_seconds(self._origin + self.plot_width() * self._spp))

    def fit_all(self) -> None:
        """Show every event, with room on each side (a year around today if there are none)."""
        extent = self.index.extent()
        if extent is None:
            now = to_seconds(datetime.now())
            extent = (now - 183 * DAY, now + 183 * DAY)
        low, high = extent
        span = max(high - low, 30 * DAY)
        middle = (low + high) / 2
        pad = span * 0.03
        labels = min(180.0, self.plot_width() / 4)  # room for the last events' titles
        spp = (span + 2 * pad) / max(1.0, self.plot_width() - labels)
        self._view(middle - span / 2 - pad, spp, fitted=True)

    def zoom_to(self, start: datetime, end: datetime) -> None:
        """Show start..end across the plot."""
        low, high = sorted((to_seconds(start), to_seconds(end)))
        self._view(low, max(high - low, MIN_SPAN) / self.plot_width())

    def jump_to(self, moment: datetime) -> None:
        """Centre `moment`, keeping the zoom."""
        self._view(to_seconds(moment) - self.plot_width() / 2 * self._spp, self._spp)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out, keeping the moment at `anchor_x` (default: the centre)."""
        x = self._gutter + self.plot_width() / 2 if anchor_x is None else anchor_x
        anchor = self.scale.seconds(x)
        spp = self._clamped_spp(self._spp / factor)
        self._view(anchor - (x - self._gutter) * spp, spp)

    def pan(self, dx: float) -> None:
        """Move the view `dx` pixels' worth of time later (earlier when negative)."""
        self._view(self._origin + dx * self._spp, self._spp)

    def scroll_lanes(self, dy: float) -> None:
        """Scroll the lanes `dy` pixels down (up when negative), within them."""
        self._set_scroll(self._scroll + dy)

    def _set_scroll(self, value: float) -> None:
        value = max(0.0, value)
        if value != self._scroll:
            self._scroll = value
            self.update()  # the next frame keeps it within the lanes

    def _clamped_spp(self, spp: float) -> float:
        width = self.plot_width()
        return min(max(spp, MIN_SPAN / width), MAX_SPAN / width)

    def _view(self, origin: float, spp: float, fitted: bool = False) -> None:
        """Look at `origin` onwards at `spp`; `fitted`: the view shows everything (and a
        resize should keep it so), rather than where the researcher took it."""
        spp = self._clamped_spp(spp)
        origin = min(max(origin, FIRST_SECONDS), LAST_SECONDS - spp * self.plot_width())
        self._fitted = fitted
        if (origin, spp) != (self._origin, self._spp):
            self._origin, self._spp = origin, spp
            self.update()

    def _gutter_width(self) -> float:
        return float(math.ceil(self._builder.gutter_width(self.index.lanes)))

    # ------------------------------------------------------------ frames
    def _invalidate(self) -> None:
        """What the plot shows changed (items, selection, emphasis): paint it anew."""
        self._version += 1
        self._strip = None
        self.update()

    def _current(self) -> _Strip:
        """The strip showing the view now: the last one if it covers it, else a new one."""
        width, height = self.width(), self.height()
        strip = self._strip
        key = (self._spp, self._scroll, width, height, self._version)
        wide = False
        if strip is not None and strip.key == key:
            shift = (self._origin - strip.origin) / self._spp
            if strip.frame.left <= self._gutter + shift and width + shift <= strip.frame.right:
                return strip
            wide = True  # panned off it: the next one leaves room to pan further
        plot = self.plot_width() if wide else 0.0
        frame = self._builder.build(self.index, self.scale, self._gutter - plot, width + plot,
                                    height, self._scroll, self._pinned())
        self._scroll = frame.scroll
        key = (self._spp, self._scroll, width, height, self._version)
        self._strip = _Strip(key, self._origin, frame)
        return self._strip

    def _pinned(self) -> frozenset[int]:
        return frozenset(self._selected | self._highlighted)

    def _shift(self, strip: _Strip) -> float:
        return (self._origin - strip.origin) / self._spp

    def frame(self) -> Frame:
        """What the view shows now (its x in the view's pixels only until the next pan)."""
        return self._current().frame

    def hit_at(self, point: QPoint | QPointF) -> Hit | None:
        """The event (part), density slice or empty lane under `point`; None off the lanes."""
        if point.x() < self._gutter:
            return None
        strip = self._current()
        return strip.frame.hit(point.x() + self._shift(strip), point.y())

    def key_at(self, point: QPoint | QPointF) -> int:
        """The event under `point`, or -1."""
        hit = self.hit_at(point)
        return hit.key if hit is not None else -1

    def x_of(self, moment: datetime) -> float:
        return self.scale.x(to_seconds(moment))

    def moment_at(self, x: float) -> datetime:
        return from_seconds(self.scale.seconds(x))

    def mark_rects(self, key: int) -> list[QRectF]:
        """Where `key` is drawn now, one rectangle per lane (points: their diamond's box)."""
        strip = self._current()
        shift = self._shift(strip)
        return [QRectF(m.x0 - shift, m.y - 5, m.x1 - m.x0, 10)
                for m in strip.frame.marks_of(key)]

    # ------------------------------------------------------------ painting
    def _ghost(self) -> Ghost | None:
        """Where a dragged event would go (the view says)."""
        return None

    def decor(self, interactive: bool = True) -> Decor:
        return Decor(frozenset(self._selected), frozenset(self._highlighted),
                     self._hover if interactive else None,
                     self._ghost() if interactive else None,
                     to_seconds(datetime.now()), self.empty_text)

    def paint_to(self, painter: QPainter) -> None:
        """Draw the view as it is (no hover, no drag) with `painter`, in vector-friendly calls."""
        frame = self._builder.build(self.index, self.scale, self._gutter, self.width(),
                                    self.height(), self._scroll, self._pinned())
        decor = self.decor(interactive=False)
        paint_plot(painter, frame, decor, self.style_, static=False)
        paint_overlay(painter, frame, decor, self.style_, static=False)

    def paintEvent(self, event: QPaintEvent) -> None:
        strip = self._current()
        decor = self.decor()
        frame = strip.frame
        if strip.pixmap is None:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(math.ceil((frame.right - frame.left) * ratio),
                             math.ceil(frame.height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            painter = QPainter(pixmap)
            try:
                painter.translate(-frame.left, 0)
                paint_plot(painter, frame, decor, self.style_)
            finally:  # a painter left open would take the process down with it
                painter.end()
            strip.pixmap = pixmap
        shift = self._shift(strip)
        low, high = self._origin, self._origin + self.plot_width() * self._spp
        in_view = [lane.count(low, high) for lane in self.index.by_lane]
        painter = QPainter(self)
        try:
            painter.drawPixmap(QPointF(frame.left - shift, 0), strip.pixmap)
            paint_overlay(painter, frame, decor, self.style_, shift=shift, in_view=in_view)
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_all()
        else:
            self._view(self._origin, self._spp)  # within the zoom limits for the new width

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.style_.set_font(self.font())
            self._builder.forget()
            self._gutter = self._gutter_width()
            self._invalidate()

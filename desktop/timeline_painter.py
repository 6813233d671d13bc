"""Draws a timeline `Frame`: calm colours, crisp marks, few painter calls.

Every kind of shape is collected first and drawn in one call per style:
bars as one `drawRects` per colour and opacity step (vague bars fade out in
four steps at each end, so their soft ends need no per-bar gradient), points
as one diamond path per style, rings and warning marks as one path each. Text
is the only per-item call; on screen it goes through cached `QStaticText`, and
a density strip is one image computed with numpy. Export (`static=False`)
draws the same frame with `drawText` and rectangles, so an SVG keeps its words.

`paint_plot` draws what scrolls with time (the view may keep it in a pixmap
wider than the screen and pan over it); `paint_overlay` what stays put: the
lane titles, the axis's sticky label, the hover outline and a drag's ghost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from desktop.timeline_axis import LABEL_INSET, Tick, from_seconds, sticky_label
from desktop.timeline_frame import (
    AXIS_HEIGHT,
    BAR_HEIGHT,
    BIN_PX,
    ICON_WIDTH,
    LANE_PAD,
    POINT_RADIUS,
    Density,
    Frame,
    LaneBand,
    Mark,
    point_like,
)

if TYPE_CHECKING:
    from desktop.timeline_canvas import TimelineStyle

C = QColor
BACKGROUND, BAND, LANE_LINE = C("#ffffff"), C("#f5f6f8"), C("#e1e5ea")
GRID_MAJOR, GRID = C("#d4d9e0"), C("#eceff3")
AXIS_BACK, AXIS_TEXT, AXIS_STRONG = C("#fafbfc"), C("#5d6572"), C("#1f2630")
GUTTER_BACK, GUTTER_TEXT, MUTED = C("#f1f2f4"), C("#252c36"), C("#7b838f")
EVENT, EVENT_EDGE, VAGUE = C("#5478ae"), C("#34558a"), C("#7d9bc8")
SELECTED, SELECTED_EDGE = C("#1d4ed8"), C("#0f2a73")
HIGHLIGHT, CONFLICT, TODAY = C("#d97706"), C("#c62828"), C("#e0622a")
DENSITY, LABEL, BADGE_BACK, BADGE_TEXT = C("#8199c2"), C("#27303b"), C("#e4e8ef"), C("#3b4452")
FADE_STEPS = (0.18, 0.36, 0.56, 0.78)  # opacity of a vague bar's ends, outermost first
VAGUE_FADE_PX = 22.0


@dataclass(frozen=True)
class Ghost:
    """Where an event being dragged would go (seconds) and how to say so."""

    key: int
    start: float
    end: float
    caption: str


@dataclass(frozen=True)
class Decor:
    """What the frame does not know: selection, emphasis, the drag, today."""

    selected: frozenset[int] = frozenset()
    highlighted: frozenset[int] = frozenset()
    hover: int | None = None
    ghost: Ghost | None = None
    now: float | None = None
    empty_text: str = ""


def paint_plot(p: QPainter, frame: Frame, decor: Decor, style: TimelineStyle,
               static: bool = True) -> None:
    """Draw the lanes and the axis from frame.left to frame.right."""
    left, right = frame.left, frame.right
    bottom = max((b.top + b.height for b in frame.bands), default=AXIS_HEIGHT)
    p.fillRect(QRectF(left, 0, right - left, frame.height), BACKGROUND)
    for band in frame.bands:
        if band.index % 2:
            p.fillRect(QRectF(left, band.top, right - left, band.height), BAND)
    _lines(p, LANE_LINE, [QLineF(left, b.top + b.height - 0.5, right, b.top + b.height - 0.5)
                          for b in frame.bands])
    _lines(p, GRID, [QLineF(t.x, AXIS_HEIGHT, t.x, bottom) for t in frame.axis.labelled])
    _lines(p, GRID_MAJOR, [QLineF(t.x, AXIS_HEIGHT, t.x, bottom) for t in frame.axis.major])
    today = frame.scale.x(decor.now) if decor.now is not None else None
    if today is not None and left <= today <= right:
        _lines(p, TODAY, [QLineF(today, AXIS_HEIGHT, today, bottom)])
    for band in frame.bands:
        if band.density is not None:
            (_density_image if static else _density_rects)(p, band, band.density, frame.peak)
    _overflow(p, frame, decor)
    _marks(p, frame, decor, style, static)
    if not any(b.marks or b.overflow or (b.density is not None and b.density.counts.any())
               for b in frame.bands):
        p.setPen(MUTED)
        p.setFont(style.label_font)
        area = QRectF(left, AXIS_HEIGHT, right - left, frame.height - AXIS_HEIGHT)
        p.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   decor.empty_text)
    _axis(p, frame, style, static, today)


def paint_overlay(p: QPainter, frame: Frame, decor: Decor, style: TimelineStyle,
                  static: bool = True, shift: float = 0.0,
                  in_view: Sequence[int] | None = None) -> None:
    """Draw what does not scroll, over a plot drawn `shift` pixels further left than `frame`
    says (a pan since the frame was built); `in_view` counts each lane's events in view
    (default: in the frame)."""
    if decor.hover is not None or decor.ghost is not None:
        p.save()
        p.translate(-shift, 0)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(SELECTED_EDGE, 1.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for mark in frame.marks_of(decor.hover) if decor.hover is not None else ():
            p.drawRect(_outline(mark).adjusted(-2, -2, 2, 2))
        if decor.ghost is not None:
            _ghost(p, frame, decor.ghost, style, static)
        p.restore()
    gutter = frame.left - shift
    p.fillRect(QRectF(0, AXIS_HEIGHT, gutter, frame.height - AXIS_HEIGHT), GUTTER_BACK)
    p.fillRect(QRectF(0, 0, gutter, AXIS_HEIGHT), AXIS_BACK)
    _lines(p, LANE_LINE, [QLineF(gutter - 0.5, 0, gutter - 0.5, frame.height),
                          QLineF(0, AXIS_HEIGHT - 0.5, gutter, AXIS_HEIGHT - 0.5)]
           + [QLineF(0, b.top + b.height - 0.5, gutter, b.top + b.height - 0.5)
              for b in frame.bands])
    for band in frame.bands:
        title = style.major_metrics.elidedText(band.title or "Events",
                                               Qt.TextElideMode.ElideRight, gutter - 22)
        p.setPen(GUTTER_TEXT)
        style.text(p, 12, band.top + 8 + style.major_metrics.ascent(), title, 1, static)
        if band.height >= 44:
            count = band.in_view if in_view is None else in_view[band.index]
            note = f"{count:,} · density" if band.density else f"{count:,} in view"
            note = style.small_metrics.elidedText(note, Qt.TextElideMode.ElideRight, gutter - 16)
            p.setPen(MUTED)
            style.text(p, 12, band.top + 26 + style.small_metrics.ascent(), note, 2, static)
    axis = frame.axis
    if axis.major_unit is not None:
        major = [Tick(t.moment, t.x - shift, t.label) for t in axis.major]
        first = frame.scale.seconds(gutter + shift)
        context = sticky_label(axis.major_unit, major, gutter, from_seconds(first),
                               style.axis_width)
        if context is not None:
            box = QRectF(gutter, 2, style.axis_width(context.label) + 2 * LABEL_INSET, 20)
            p.fillRect(box, AXIS_BACK)
            p.setPen(AXIS_STRONG)
            style.text(p, gutter + LABEL_INSET, 4 + style.major_metrics.ascent(),
                       context.label, 1, static)


def _lines(p: QPainter, colour: QColor, lines: list[QLineF], width: float = 1.0) -> None:
    if lines:
        p.setPen(QPen(colour, width))
        p.drawLines(lines)


def _rects(p: QPainter, brush: QColor, rects: list[QRectF], pen: QColor | None = None) -> None:
    if rects:
        p.setPen(QPen(pen, 1.0) if pen is not None else Qt.PenStyle.NoPen)
        p.setBrush(brush if brush.alpha() else Qt.BrushStyle.NoBrush)
        p.drawRects(rects)


def _faded(colour: QColor, opacity: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(colour.alphaF() * opacity)
    return faded


def _diamond(path: QPainterPath, x: float, y: float, r: float = POINT_RADIUS) -> None:
    path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r),
                               QPointF(x - r, y), QPointF(x, y - r)]))


def _outline(mark: Mark) -> QRectF:
    if mark.point:
        centre = (mark.x0 + mark.x1) / 2
        return QRectF(centre - POINT_RADIUS, mark.y - POINT_RADIUS, 2 * POINT_RADIUS,
                      2 * POINT_RADIUS)
    return QRectF(mark.x0, mark.y - BAR_HEIGHT / 2, max(1.0, mark.x1 - mark.x0), BAR_HEIGHT)


def _density_heights(band: LaneBand, d: Density, peak: int) -> tuple[float, float, np.ndarray]:
    """The strip's baseline, its height, and each bin's bar height in whole pixels."""
    base = band.top + band.height - LANE_PAD - 4
    room = band.height - 2 * LANE_PAD - 8
    heights = np.ceil(d.counts * (room / max(1, peak))).astype(np.int64)
    return base, room, np.where(d.counts > 0, np.maximum(heights, 2), 0)


def _density_image(p: QPainter, band: LaneBand, d: Density, peak: int) -> None:
    """The histogram as one image, a column per bin, drawn BIN_PX wide: no per-bin objects."""
    base, room, heights = _density_heights(band, d, peak)
    rows = int(room) + 4  # and under the bars, a red mark where claims disagree
    level = np.arange(rows)[:, None]
    bars = level >= (int(room) - heights)[None, :]
    bars[int(room):] = False
    warned = (level >= int(room) + 2) & (d.conflicts > 0)[None, :]
    pixels = np.where(bars, np.uint32(DENSITY.rgba()), np.uint32(0))
    pixels = np.ascontiguousarray(np.where(warned, np.uint32(CONFLICT.rgba()), pixels))
    image = QImage(pixels.data, pixels.shape[1], rows, pixels.shape[1] * 4,
                   QImage.Format.Format_ARGB32_Premultiplied)
    p.drawImage(QRectF(d.left, base - room, len(d.counts) * BIN_PX, rows), image)


def _density_rects(p: QPainter, band: LaneBand, d: Density, peak: int) -> None:
    """The histogram as rectangles, for vector output."""
    base, _, heights = _density_heights(band, d, peak)
    _rects(p, DENSITY, [QRectF(d.left + i * BIN_PX, base - h, BIN_PX, h)
                        for i, h in enumerate(heights.tolist()) if h])
    _rects(p, CONFLICT, [QRectF(d.left + i * BIN_PX, base + 2, BIN_PX, 2)
                         for i in np.flatnonzero(d.conflicts).tolist()])


def _overflow(p: QPainter, frame: Frame, decor: Decor) -> None:
    """Events with no row left: thin ticks in the strip under the lane's rows."""
    groups: dict[str, list[QRectF]] = defaultdict(list)
    for band in frame.bands:
        for mark in band.overflow:
            colour = (SELECTED if mark.key in decor.selected else
                      CONFLICT if mark.item.conflict else EVENT_EDGE).name()
            x0, x1 = (mark.x0 + mark.x1) / 2 - 1, (mark.x0 + mark.x1) / 2 + 1
            if not mark.point:
                x0, x1 = mark.x0, max(mark.x1, mark.x0 + 2)
            groups[colour].append(QRectF(x0, mark.y - 2, x1 - x0, 4))
    for colour, rects in groups.items():
        _rects(p, _faded(QColor(colour), 0.7), rects)


def _marks(p: QPainter, frame: Frame, decor: Decor, style: TimelineStyle, static: bool) -> None:
    rects: dict[tuple[str, float], list[QRectF]] = defaultdict(list)
    diamonds: dict[str, QPainterPath] = defaultdict(QPainterPath)
    rings, warnings, badges, edges = QPainterPath(), QPainterPath(), QPainterPath(), QPainterPath()
    alerts: list[QRectF] = []
    texts: list[tuple[float, float, str, int, QColor]] = []
    dragged = decor.ghost.key if decor.ghost is not None else None
    for band in frame.bands:
        for mark in band.marks:
            item, y = mark.item, mark.y
            tone = ("dragged" if mark.key == dragged else "selected"
                    if mark.key in decor.selected else "vague" if item.vague else "event")
            outline = _outline(mark)
            if mark.point:
                _diamond(diamonds[tone + ("-hollow" if item.vague else "")],
                         outline.center().x(), y)
            else:
                _bar(rects, tone, outline, item.vague)
            if item.conflict:  # a red rim
                if mark.point:
                    _diamond(edges, outline.center().x(), y, POINT_RADIUS + 2)
                else:
                    alerts.append(outline.adjusted(-1, -1, 1, 1))
            if mark.key in decor.highlighted:
                rings.addRoundedRect(outline.adjusted(-4, -4, 4, 4), 5, 5)
            _label(mark, style, texts, warnings, badges, tone == "selected")
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    colours = {"event": EVENT, "vague": VAGUE, "selected": SELECTED, "dragged": _faded(EVENT, .35)}
    for (tone, opacity), group in rects.items():
        _rects(p, _faded(colours[tone], opacity), group)
    _rects(p, QColor(0, 0, 0, 0), alerts, CONFLICT)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for tone, path in diamonds.items():
        base, hollow = colours[tone.removesuffix("-hollow")], tone.endswith("-hollow")
        edge = SELECTED_EDGE if tone.startswith("selected") else EVENT_EDGE
        p.setPen(QPen(edge if not tone.startswith("dragged") else _faded(edge, .35), 1.0))
        p.setBrush(_faded(base, .25) if hollow else base)
        p.drawPath(path)
    for path, pen, brush in ((warnings, Qt.PenStyle.NoPen, CONFLICT),
                             (edges, QPen(CONFLICT, 1.6), Qt.BrushStyle.NoBrush),
                             (rings, QPen(HIGHLIGHT, 2.0), Qt.BrushStyle.NoBrush),
                             (badges, Qt.PenStyle.NoPen, BADGE_BACK)):
        if not path.isEmpty():
            p.setPen(pen)
            p.setBrush(brush)
            p.drawPath(path)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    bangs = [(x, y) for x, y, _, font, _ in texts if font == 3]  # the "!" of conflict icons
    _lines(p, QColor("white"), [QLineF(x, y - 2.5, x, y + 0.8) for x, y in bangs]
           + [QLineF(x, y + 2.4, x, y + 3.2) for x, y in bangs], 1.4)
    colour = None
    for x, baseline, text, font, ink in texts:
        if font == 3:
            continue
        if ink != colour:
            p.setPen(ink)
            colour = ink
        style.text(p, x, baseline, text, font, static)


def _bar(rects: dict[tuple[str, float], list[QRectF]], tone: str, r: QRectF, vague: bool) -> None:
    """A bar; a vague one fades out in steps at both ends."""
    if not vague:
        rects[(tone, 1.0)].append(r)
        return
    fade = min(VAGUE_FADE_PX, r.width() / 3) / len(FADE_STEPS)
    for k, opacity in enumerate(FADE_STEPS):
        rects[(tone, opacity)].append(QRectF(r.left() + k * fade, r.top(), fade, r.height()))
        rects[(tone, opacity)].append(QRectF(r.right() - (k + 1) * fade, r.top(), fade,
                                             r.height()))
    core = fade * len(FADE_STEPS)
    rects[(tone, 1.0)].append(r.adjusted(core, 0, -core, 0))


def _label(mark: Mark, style: TimelineStyle, texts: list[tuple[float, float, str, int, QColor]],
           warnings: QPainterPath, badges: QPainterPath, selected: bool) -> None:
    """Queue a mark's label block: conflict icon, title, claim count."""
    if not mark.label_width:
        return
    x, y, item = mark.label_x, mark.y, mark.item
    if item.conflict:  # a small red triangle with a white "!"
        warnings.addPolygon(QPolygonF([QPointF(x + 5.5, y - 6), QPointF(x + 11, y + 4.5),
                                       QPointF(x, y + 4.5), QPointF(x + 5.5, y - 6)]))
        texts.append((x + 5.5, y, "", 3, CONFLICT))
        x += ICON_WIDTH
    if not mark.label:
        return
    baseline = y + (style.metrics.ascent() - style.metrics.descent()) / 2
    texts.append((x, baseline, mark.label, 0, SELECTED_EDGE if selected else LABEL))
    if item.claims:
        x += style.label_width(mark.label) + 6
        badges.addRoundedRect(QRectF(x, y - 7, style.badge_width(item.claims) - 6, 14), 7, 7)
        small = style.small_metrics
        texts.append((x + 4, y + (small.ascent() - small.descent()) / 2, str(item.claims), 2,
                      BADGE_TEXT))


def _ghost(p: QPainter, frame: Frame, ghost: Ghost, style: TimelineStyle, static: bool) -> None:
    """Where the dragged event would go, dashed, with its new dates above it."""
    xs, xe = frame.scale.x(ghost.start), frame.scale.x(ghost.end)
    small = style.small_metrics
    for mark in frame.marks_of(ghost.key):
        p.setPen(QPen(SELECTED_EDGE, 1.2, Qt.PenStyle.DashLine))
        p.setBrush(_faded(SELECTED, 0.3))
        if point_like(xe - xs, ghost.end - ghost.start):
            path = QPainterPath()
            _diamond(path, (xs + xe) / 2, mark.y, POINT_RADIUS + 1)
            p.drawPath(path)
        else:
            p.drawRect(QRectF(xs, mark.y - BAR_HEIGHT / 2, xe - xs, BAR_HEIGHT))
        width = small.horizontalAdvance(ghost.caption) + 12
        pill = QRectF(max(frame.left, min(xs, frame.right - width - 4)),
                      mark.y - BAR_HEIGHT / 2 - 19, width, 16)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SELECTED_EDGE)
        p.drawRoundedRect(pill, 4, 4)
        p.setPen(QColor("white"))
        style.text(p, pill.left() + 6, pill.center().y() + (small.ascent() - small.descent()) / 2,
                   ghost.caption, 2, static)


def _axis(p: QPainter, frame: Frame, style: TimelineStyle, static: bool,
          today: float | None) -> None:
    axis, left, right = frame.axis, frame.left, frame.right
    p.fillRect(QRectF(left, 0, right - left, AXIS_HEIGHT), AXIS_BACK)
    _lines(p, LANE_LINE, [QLineF(left, AXIS_HEIGHT - 0.5, right, AXIS_HEIGHT - 0.5)])
    _lines(p, GRID_MAJOR, [QLineF(t.x, AXIS_HEIGHT - 5, t.x, AXIS_HEIGHT) for t in axis.minor])
    _lines(p, MUTED, [QLineF(t.x, AXIS_HEIGHT / 2 + 2, t.x, AXIS_HEIGHT) for t in axis.labelled])
    _lines(p, AXIS_STRONG, [QLineF(t.x, 4, t.x, AXIS_HEIGHT) for t in axis.major])
    p.setPen(AXIS_STRONG)
    for tick in axis.major:
        if tick.label:
            style.text(p, tick.x + LABEL_INSET, 4 + style.major_metrics.ascent(), tick.label, 1,
                       static)
    p.setPen(AXIS_TEXT)
    baseline = AXIS_HEIGHT - 6 - style.metrics.descent()
    for tick in axis.labelled:
        style.text(p, tick.x + LABEL_INSET, baseline, tick.label, 0, static)
    if today is not None and left <= today <= right:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(TODAY)
        top = AXIS_HEIGHT - 6
        p.drawPolygon(QPolygonF([QPointF(today - 4, top), QPointF(today + 4, top),
                                 QPointF(today, AXIS_HEIGHT - 1)]))

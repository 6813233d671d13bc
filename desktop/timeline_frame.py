"""What one frame of the timeline shows and where: the view's geometry, without Qt.

`FrameBuilder.build` turns the index and the view's transform into a `Frame`:
per lane, either *marks* (the events in view, laid out in rows with their
labels; those that find no row go to a thin overflow strip under the rows) or
a *density* strip (how many events cover each BIN_PX-pixel slice of time)
when there are more events in view than the lane has room for: more than one
per PX_PER_EVENT pixels of a row, or, unless they are few, more than half of
them overflowing. Hit testing (`Frame.hit`) reads the same frame, so what is
clicked is exactly what was drawn; `timeline_painter` draws it.

Rows come from `stack_rows` over the whole lane at a slightly coarser zoom
(seconds per pixel rounded up to a power of √2), so panning never reshuffles
them and zooming in within a step only adds room: a layout valid at a scale is
valid at any larger one. Labels are then fitted at the real zoom into the room
before the next mark of their row, cut short or left out where it is too small.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from desktop.timeline_axis import DAY, Axis, TimeScale, ticks, to_seconds
from desktop.timeline_items import LaneIndex, TimelineIndex, TimelineItem, stack_rows

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]


class TextMeasures(Protocol):
    """How wide things are in the fonts the frame will be drawn with."""

    char_width: float  # a typical character's advance: whole lanes are laid out with it

    def label_width(self, text: str) -> float: ...
    def badge_width(self, claims: int) -> float: ...
    def elide(self, text: str, width: float) -> str: ...
    def axis_width(self, text: str) -> float: ...
    def lane_width(self, text: str) -> float: ...


AXIS_HEIGHT = 44.0
ROW_HEIGHT = 22.0
LANE_PAD = 6.0
MIN_ROWS, MAX_ROWS = 4, 12  # per lane: lanes share the view's height, within these bounds;
# events that find no row go to the lane's overflow strip
OVERFLOW_HEIGHT = 8.0
MIN_LANE_HEIGHT = 52.0  # the lane's title and count in the gutter
DENSITY_HEIGHT = 2 * LANE_PAD + 3 * ROW_HEIGHT
BAR_HEIGHT = 10.0
POINT_RADIUS = 5.5
HANDLE = 5.0  # a bar's end can be dragged from this close (inside or out)
LABEL_PAD = 6.0  # between a mark and its label
ROW_GAP = 8.0  # between a label and the next mark of its row
LABEL_MAX = 240.0
LABEL_MIN = 26.0  # a title cut shorter than this is left out
ICON_WIDTH = 14.0  # the conflict mark before a label
BIN_PX = 3.0
PX_PER_EVENT = 14.0  # a lane shows marks while its rows give each event in view this much
MAX_OVERFLOW = 0.5  # ... and while no more than this share of them overflow,
FEW_PX = 30.0  # unless there are fewer than one per this many pixels: those are always marks
MAX_MARKS = 3000  # per lane and frame
DAY_BAR_PX = 48.0  # a day narrower than this is drawn as a point
MIN_BAR_PX = 6.0
GUTTER_MIN, GUTTER_MAX = 108.0, 190.0  # room for "13,743 · density" at least
MAX_PINNED = 500  # selected or highlighted events drawn over a density strip


@dataclass(slots=True)
class Mark:
    """One event drawn in one lane: a bar from x0 to x1, or a point centred between them."""

    item: TimelineItem
    lane: int
    row: int  # -1: in the overflow strip
    x0: float
    x1: float
    y: float  # the row's centre
    point: bool
    label: str = ""  # the shown title, maybe cut short; "" for none
    label_x: float = 0.0  # where the label block (conflict icon, title, claim count) starts
    label_width: float = 0.0

    @property
    def key(self) -> int:
        return self.item.key


@dataclass(slots=True)
class Density:
    """Events per BIN_PX slice of a lane, from x = left on."""

    left: float
    edges: Floats  # seconds: bin i is [edges[i], edges[i + 1])
    counts: Ints
    conflicts: Ints  # of them, those whose claims disagree


@dataclass(slots=True)
class Layout:
    """A whole lane's rows at one zoom, aligned with its LaneIndex (-1: overflow)."""

    rows: Ints
    used: int  # rows taken
    overflow: int  # events that found no row


@dataclass(slots=True)
class LaneBand:
    index: int
    title: str
    top: float
    height: float
    in_view: int  # events overlapping the visible time
    layout: Layout | None = None  # None: a density strip
    marks: list[Mark] = field(default_factory=list)  # in drawing order
    by_row: list[list[Mark]] = field(default_factory=list)
    overflow: list[Mark] = field(default_factory=list)
    density: Density | None = None

    def row_centre(self, row: int) -> float:
        return self.top + LANE_PAD + (row + 0.5) * ROW_HEIGHT

    @property
    def overflow_centre(self) -> float:
        rows = self.layout.used if self.layout else 0
        return self.top + LANE_PAD + rows * ROW_HEIGHT + OVERFLOW_HEIGHT / 2


@dataclass(frozen=True)
class Hit:
    """What is under a point: `key` -1 when no event; `part` says which part of it."""

    lane: int
    key: int = -1
    part: str = "empty"  # "body", "start", "end", "label", "density", "empty"
    mark: Mark | None = None
    count: int = 0  # events in the density slice
    span: tuple[float, float] | None = None  # the slice's seconds


@dataclass
class Frame:
    """The lanes on screen between x = left and right (the plot; the gutter is left of it)."""

    left: float
    right: float
    height: float
    scale: TimeScale
    axis: Axis
    bands: list[LaneBand]
    peak: int  # the highest density count in the frame
    scroll: float  # the vertical scroll, kept within the lanes
    content_height: float  # of every lane, on screen or not

    def band_at(self, y: float) -> LaneBand | None:
        return next((b for b in self.bands if b.top <= y < b.top + b.height), None)

    def marks_of(self, key: int) -> list[Mark]:
        return [m for band in self.bands for m in band.marks if m.key == key]

    def hit(self, x: float, y: float) -> Hit | None:
        """The event, handle, label or density slice under (x, y); None off the lanes."""
        band = self.band_at(y)
        if band is None or not self.left <= x <= self.right or y < AXIS_HEIGHT:
            return None
        if band.density is not None:
            for mark in reversed(band.marks):  # pinned events over the strip
                if abs(y - mark.y) <= POINT_RADIUS + 2 and _part(mark, x):
                    return Hit(band.index, mark.key, "body", mark)
            d = band.density
            i = int((x - d.left) // BIN_PX)
            if 0 <= i < len(d.counts):
                span = (float(d.edges[i]), float(d.edges[i + 1]))
                return Hit(band.index, -1, "density", None, int(d.counts[i]), span)
            return Hit(band.index)
        if band.overflow and abs(y - band.overflow_centre) <= OVERFLOW_HEIGHT / 2:
            for mark in reversed(band.overflow):
                if mark.x0 - 2 <= x <= mark.x1 + 2:
                    return Hit(band.index, mark.key, "body", mark)
        row = math.floor((y - band.top - LANE_PAD) / ROW_HEIGHT)
        if 0 <= row < len(band.by_row):
            for mark in reversed(band.by_row[row]):  # the last drawn is on top
                part = _part(mark, x)
                if part:
                    return Hit(band.index, mark.key, part, mark)
        return Hit(band.index)


def _part(mark: Mark, x: float) -> str:
    if mark.point:
        if abs(x - (mark.x0 + mark.x1) / 2) <= POINT_RADIUS + 1:
            return "body"
    elif mark.x0 - HANDLE <= x <= mark.x1 + HANDLE:
        if mark.x1 - mark.x0 >= 3 * HANDLE:
            if x <= mark.x0 + HANDLE:
                return "start"
            if x >= mark.x1 - HANDLE:
                return "end"
        return "body"
    if mark.label_width and mark.label_x <= x <= mark.label_x + mark.label_width:
        return "label"
    return ""


class FrameBuilder:
    """Builds frames, keeping the lanes' row layouts from one to the next (per zoom step)."""

    def __init__(self, fonts: TextMeasures) -> None:
        self.fonts = fonts
        self._layouts: dict[tuple[int, float, int], Layout] = {}

    def forget(self, lanes: Iterable[int] | None = None) -> None:
        """Drop the row layouts of `lanes` (default: of all): their events changed."""
        if lanes is None:
            self._layouts.clear()
        else:
            gone = set(lanes)
            self._layouts = {k: v for k, v in self._layouts.items() if k[0] not in gone}

    def gutter_width(self, lanes: tuple[str, ...]) -> float:
        widest = max((self.fonts.lane_width(t) for t in lanes), default=0.0)
        return min(GUTTER_MAX, max(GUTTER_MIN, widest + 28))

    def build(self, index: TimelineIndex, scale: TimeScale, left: float, right: float,
              height: float, scroll: float = 0.0, pinned: frozenset[int] = frozenset()) -> Frame:
        """The frame of the plot from x = left to right (`scale` maps time to x), `height` high.

        The view builds it for its plot, or for a strip wider than that to pan over.
        """
        plot = max(1.0, right - left)
        low, high = scale.seconds(left), scale.seconds(right)
        room = height - AXIS_HEIGHT
        share = room / max(1, len(index.lanes)) - 2 * LANE_PAD - OVERFLOW_HEIGHT
        rows = min(MAX_ROWS, max(MIN_ROWS, int(share // ROW_HEIGHT)))
        bands: list[LaneBand] = []
        for i, title in enumerate(index.lanes):
            lane = index.by_lane[i]
            band = LaneBand(i, title, 0.0, DENSITY_HEIGHT, lane.count(low, high))
            if band.in_view <= min(MAX_MARKS, rows * plot / PX_PER_EVENT):
                layout = self._rows(i, lane, index, scale.seconds_per_px, rows)
                shown = lane.visible(low, high)
                spilled = int(np.count_nonzero(layout.rows[shown] < 0))
                if spilled <= MAX_OVERFLOW * len(shown) or len(shown) * FEW_PX < plot:
                    band.layout = layout
                    band.height = (2 * LANE_PAD + layout.used * ROW_HEIGHT
                                   + (OVERFLOW_HEIGHT if layout.overflow else 0.0))
            band.height = max(MIN_LANE_HEIGHT, band.height)
            bands.append(band)
        content = sum(b.height for b in bands)
        if bands and content < room:  # lanes share out the spare height
            for band in bands:
                band.height += (room - content) / len(bands)
            content = room
        scroll = min(max(0.0, scroll), max(0.0, content - room))
        top = AXIS_HEIGHT - scroll
        shown_bands = []
        for band in bands:
            band.top, top = top, top + band.height
            if band.top + band.height <= AXIS_HEIGHT or band.top >= height:
                continue
            shown_bands.append(band)
            lane = index.by_lane[band.index]
            if band.layout is not None:
                self._detail(band, band.layout, index, lane, scale, left, right)
            else:
                self._density(band, lane, scale, left, plot, index, pinned)
        peak = max((int(b.density.counts.max(initial=0)) for b in shown_bands if b.density),
                   default=0)
        axis = ticks(TimeScale(low, scale.seconds_per_px, left), plot, self.fonts.axis_width)
        return Frame(left, right, height, scale, axis, shown_bands, peak, scroll, content)

    # ------------------------------------------------------------ marks
    def _detail(self, band: LaneBand, layout: Layout, index: TimelineIndex, lane: LaneIndex,
                scale: TimeScale, left: float, right: float) -> None:
        spp = scale.seconds_per_px
        reach = (LABEL_MAX + ICON_WIDTH + 40) * spp  # labels of marks just off the left
        pos = lane.visible(scale.seconds(left) - reach, scale.seconds(right) + 8 * spp)
        band.by_row = [[] for _ in range(layout.used)]
        if not len(pos):
            return
        starts, ends = lane.starts[pos], lane.ends[pos]
        xs = (starts - scale.origin) / spp + scale.left
        xe = (ends - scale.origin) / spp + scale.left
        point = _is_point(xe - xs, ends - starts)
        centre = (xs + xe) / 2
        x0 = np.where(point, centre - POINT_RADIUS, xs).tolist()
        x1 = np.where(point, centre + POINT_RADIUS, xe).tolist()
        items = index.items
        spill = band.overflow_centre
        for key, row, a, b, p in zip(lane.keys[pos].tolist(), layout.rows[pos].tolist(),
                                     x0, x1, point.tolist(), strict=True):
            if row < 0:
                band.overflow.append(Mark(items[key], band.index, -1, a, b, spill, p))
                continue
            mark = Mark(items[key], band.index, row, a, b, band.row_centre(row), p)
            band.marks.append(mark)
            band.by_row[row].append(mark)
        for row_marks in band.by_row:
            for mark, after in zip(row_marks, [*row_marks[1:], None], strict=False):
                room = after.x0 - ROW_GAP if after is not None else math.inf
                self._label(mark, room, left)

    def _label(self, mark: Mark, room_end: float, left_edge: float) -> None:
        """Fit the label block between the mark and `room_end`, cutting the title if need be."""
        item, fonts = mark.item, self.fonts
        start = mark.x1 + LABEL_PAD
        icon = ICON_WIDTH if item.conflict else 0.0
        badge = fonts.badge_width(item.claims) if item.claims else 0.0
        room = min(room_end - start, LABEL_MAX + icon + badge)
        text_room = room - icon - badge
        full = fonts.label_width(item.title)
        if text_room < min(full, LABEL_MIN) or start + room < left_edge or not item.title:
            if icon and room >= icon:
                mark.label_x, mark.label_width = start, icon
            return
        mark.label = item.title if full <= text_room else fonts.elide(item.title, text_room)
        mark.label_x = start
        mark.label_width = icon + min(full, text_room) + badge

    def _rows(self, lane_no: int, lane: LaneIndex, index: TimelineIndex, spp: float,
              rows: int) -> Layout:
        """At most `rows` rows for the whole lane at `spp` rounded up to a power of √2."""
        coarse = 2.0 ** (math.ceil(math.log2(spp) * 2) / 2)
        cached = self._layouts.get((lane_no, coarse, rows))
        if cached is None:
            if len(self._layouts) > 64:
                self._layouts.clear()
            xs, xe = lane.starts / coarse, lane.ends / coarse
            point = _is_point(xe - xs, lane.ends - lane.starts)
            centre = (xs + xe) / 2
            lefts = np.where(point, centre - POINT_RADIUS, xs)
            rights = np.where(point, centre + POINT_RADIUS, xe)
            labels = self._label_widths(lane, index)
            placed = np.array(stack_rows(lefts.tolist(), rights.tolist(), labels.tolist(), rows,
                                         ROW_GAP), np.int64)
            used = int(placed.max()) + 1 if len(placed) else 1
            cached = Layout(placed, max(1, used), int(np.count_nonzero(placed < 0)))
            self._layouts[(lane_no, coarse, rows)] = cached
        return cached

    def _label_widths(self, lane: LaneIndex, index: TimelineIndex) -> Floats:
        """About how wide each event's label block would be, by the length of its title."""
        items = [index.items[k] for k in lane.keys.tolist()]
        lengths = np.fromiter((len(i.title) for i in items), np.float64, len(items))
        claims = np.fromiter((i.claims for i in items), np.int64, len(items))
        values, which = np.unique(claims, return_inverse=True)
        badges = np.array([self.fonts.badge_width(int(c)) if c else 0.0 for c in values])
        widths: Floats = (LABEL_PAD + np.minimum(LABEL_MAX, lengths * self.fonts.char_width)
                          + np.where(lane.conflict, ICON_WIDTH, 0.0) + badges[which])
        return widths

    # ------------------------------------------------------------ density
    def _density(self, band: LaneBand, lane: LaneIndex, scale: TimeScale, left: float,
                 plot: float, index: TimelineIndex, pinned: frozenset[int]) -> None:
        bins = max(1, math.ceil(plot / BIN_PX))
        step = BIN_PX * scale.seconds_per_px
        edges: Floats = scale.seconds(left) + np.arange(bins + 1, dtype=np.float64) * step
        conflicts = (lane.coverage(edges, True) if len(lane.conflict_starts)
                     else np.zeros(bins, np.int64))
        band.density = Density(left, edges, lane.coverage(edges), conflicts)
        title = band.title
        centre = band.top + band.height / 2
        for key in sorted(pinned)[:MAX_PINNED]:
            item = index.items.get(key)
            if item is None or title not in item.lanes:
                continue
            start, end = scale.x(to_seconds(item.start)), scale.x(to_seconds(item.end))
            if end >= left and start <= left + plot:
                middle = (start + end) / 2
                band.marks.append(Mark(item, band.index, 0, middle - POINT_RADIUS,
                                       middle + POINT_RADIUS, centre, True))


def _is_point(width_px: Floats, duration: Floats) -> Bools:
    """Instants, days narrower than DAY_BAR_PX and anything under MIN_BAR_PX are points."""
    point: Bools = (width_px < MIN_BAR_PX) | ((duration <= DAY) & (width_px < DAY_BAR_PX))
    return point


def point_like(width_px: float, duration: float) -> bool:
    """`_is_point` for one event."""
    return width_px < MIN_BAR_PX or (duration <= DAY and width_px < DAY_BAR_PX)

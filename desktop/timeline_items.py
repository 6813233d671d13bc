"""What the timeline shows, and the indexes that let it show 100,000 events quickly.

`TimelineItem` is the plain record the main window builds from the project. The
view never walks all of them per frame: `TimelineIndex` keeps, per lane, the
events' times in numpy arrays sorted by start, so that

- the events overlapping a time range are found by two bisections (`visible`):
  one on the starts, one on the running maximum of the ends ("reach"), which
  skips every event that ended before the range however long the others are;
- how many events cover each of a row of time bins is two vectorised
  bisections over all the bins at once (`coverage`), which is what the view
  draws when there are more events than pixels to show them.

`stack_rows` lays out one lane in rows (greedy, first fit), used by the view at
a given zoom. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

from desktop.timeline_axis import EPOCH, to_seconds

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class TimelineItem:
    """One event as the timeline draws it (see the module docstring of timeline_view)."""

    key: int  # event id
    title: str
    start: datetime  # earliest instant the fuzzy date allows
    end: datetime  # latest instant (== start for an instant; a day ends at 23:59:59)
    vague: bool  # the bounds are an approximation: drawn with soft ends
    lanes: tuple[str, ...]  # the lanes it appears in, for the current lane mode
    tags: tuple[str, ...] = ()
    claims: int = 0  # linked claims
    conflict: bool = False  # linked claims disagree
    date_text: str = ""  # how the date is written, for tooltips


def item_seconds(item: TimelineItem) -> tuple[float, float]:
    """An item's (start, end) in seconds, the end exclusive: a day ends at the next midnight.

    Inclusive ends are whole seconds (23:59:59), so one second more closes the
    gap; an instant keeps end == start.
    """
    start = to_seconds(item.start)
    end = to_seconds(item.end)
    if end > start:
        return start, end + 1.0
    return start, start


@dataclass
class LaneIndex:
    """The events of one lane, as parallel arrays sorted by start."""

    keys: Ints
    starts: Floats
    ends: Floats
    conflict: Bools
    reach: Floats = field(init=False)  # running maximum of `ends`
    ends_sorted: Floats = field(init=False)
    conflict_starts: Floats = field(init=False)
    conflict_ends: Floats = field(init=False)

    def __post_init__(self) -> None:
        order = np.lexsort((self.keys, self.starts))
        self.keys, self.starts = self.keys[order], self.starts[order]
        self.ends, self.conflict = self.ends[order], self.conflict[order]
        self.reach = np.maximum.accumulate(self.ends) if len(self.ends) else self.ends.copy()
        self.ends_sorted = np.sort(self.ends)
        self.conflict_starts = self.starts[self.conflict]
        self.conflict_ends = np.sort(self.ends[self.conflict])

    @classmethod
    def empty(cls) -> LaneIndex:
        return cls(np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0, np.bool_))

    def __len__(self) -> int:
        return len(self.keys)

    def visible(self, low: float, high: float) -> Ints:
        """Positions (in start order) of the events that overlap [low, high]."""
        last = int(np.searchsorted(self.starts, high, side="right"))
        first = int(np.searchsorted(self.reach, low, side="left"))
        if first >= last:
            return np.zeros(0, np.int64)
        window = np.arange(first, last, dtype=np.int64)
        return window[self.ends[first:last] >= low]

    def count(self, low: float, high: float) -> int:
        """How many events overlap [low, high] (cheaper than `visible` when there are many)."""
        started = int(np.searchsorted(self.starts, high, side="right"))
        ended = int(np.searchsorted(self.ends_sorted, low, side="left"))
        return max(0, started - ended)

    def coverage(self, edges: Floats, conflicts: bool = False) -> Ints:
        """How many events overlap each bin [edges[i], edges[i+1]) (conflicting ones only,
        with `conflicts`): those started before its end minus those ended before its start."""
        starts, ends = ((self.conflict_starts, self.conflict_ends) if conflicts
                        else (self.starts, self.ends_sorted))
        started = np.searchsorted(starts, edges[1:], side="left")
        ended = np.searchsorted(ends, edges[:-1], side="left")
        counts: Ints = (started - ended).astype(np.int64)
        return counts


class TimelineIndex:
    """Every item by key, and a `LaneIndex` per lane (in display order)."""

    def __init__(self) -> None:
        self.items: dict[int, TimelineItem] = {}
        self.lanes: tuple[str, ...] = ()
        self.lane_of: dict[str, int] = {}
        self.by_lane: list[LaneIndex] = []

    def set_items(self, items: Sequence[TimelineItem], lanes: Sequence[str]) -> None:
        """Replace everything. Items in no listed lane are kept but shown nowhere."""
        self.items = {item.key: item for item in items}
        self.lanes = tuple(dict.fromkeys(lanes))
        self.lane_of = {lane: i for i, lane in enumerate(self.lanes)}
        self.by_lane = self._build(self.items.values(), range(len(self.lanes)))

    def update(self, items: Iterable[TimelineItem]) -> set[int]:
        """Replace or add items by key; returns the lanes whose events moved or changed."""
        changed: set[int] = set()
        moved: set[int] = set()
        for item in items:
            old = self.items.get(item.key)
            self.items[item.key] = item
            lanes = self._lanes_of(item) | (self._lanes_of(old) if old else set())
            changed |= lanes
            if (old is None or old.start != item.start or old.end != item.end
                    or old.lanes != item.lanes or old.conflict != item.conflict):
                moved |= lanes
        self._rebuild(moved)
        return changed

    def remove(self, keys: Iterable[int]) -> set[int]:
        """Forget items by key; returns the lanes that lost one."""
        lanes: set[int] = set()
        for key in keys:
            item = self.items.pop(key, None)
            if item is not None:
                lanes |= self._lanes_of(item)
        self._rebuild(lanes)
        return lanes

    def extent(self) -> tuple[float, float] | None:
        """The earliest start and latest end (seconds) of the items shown, if any."""
        shown = [lane for lane in self.by_lane if len(lane)]
        if not shown:
            return None
        return (min(float(lane.starts[0]) for lane in shown),
                max(float(lane.reach[-1]) for lane in shown))

    def shown_keys(self) -> set[int]:
        return {int(k) for lane in self.by_lane for k in lane.keys}

    def _lanes_of(self, item: TimelineItem) -> set[int]:
        return {self.lane_of[lane] for lane in item.lanes if lane in self.lane_of}

    def _rebuild(self, lanes: set[int]) -> None:
        if not lanes:
            return
        members = [item for item in self.items.values()
                   if any(self.lane_of.get(lane, -1) in lanes for lane in item.lanes)]
        rebuilt = self._build(members, sorted(lanes))
        for lane in lanes:
            self.by_lane[lane] = rebuilt[lane]

    def _build(self, items: Iterable[TimelineItem], lanes: Iterable[int]) -> list[LaneIndex]:
        """Lane indexes for `lanes` (a full-length list; other entries are empty).

        Column by column with comprehensions and numpy: a loop appending to five
        lists per event takes twice as long on 100,000 of them.
        """
        items = list(items)
        wanted = np.zeros(len(self.lanes) + 1, np.bool_)
        wanted[list(lanes)] = True
        lane_of = self.lane_of
        keys = np.array([i.key for i in items], np.int64)
        starts, ends = _seconds_of(items)
        conflict = np.array([i.conflict for i in items], np.bool_)
        # One lane: its number (-1 if not shown); several: -2, expanded below.
        first = np.array([lane_of.get(i.lanes[0], -1) if len(i.lanes) == 1 else
                          -2 if i.lanes else -1 for i in items], np.int64)
        rows = np.flatnonzero(first >= 0)
        extra_rows: list[int] = []
        extra_lanes: list[int] = []
        for row in np.flatnonzero(first == -2).tolist():
            places = dict.fromkeys(lane_of[n] for n in items[row].lanes if n in lane_of)
            extra_rows.extend([row] * len(places))
            extra_lanes.extend(places)
        take = np.concatenate([rows, np.array(extra_rows, np.int64)])
        where = np.concatenate([first[rows], np.array(extra_lanes, np.int64)])
        keep = wanted[where]
        take, where = take[keep], where[keep]
        order = np.argsort(where, kind="stable")
        take, where = take[order], where[order]
        bounds = np.searchsorted(where, np.arange(len(self.lanes) + 1))
        out = [LaneIndex.empty() for _ in self.lanes]
        for lane in np.flatnonzero(wanted[:-1]).tolist():
            part = take[int(bounds[lane]):int(bounds[lane + 1])]
            out[lane] = LaneIndex(keys[part], starts[part], ends[part], conflict[part])
        return out


def _seconds_of(items: list[TimelineItem]) -> tuple[Floats, Floats]:
    """Starts and exclusive ends (see `item_seconds`) of `items`, as arrays."""
    try:  # naive datetimes, the usual case, straight from the subtraction
        starts = np.array([(i.start - EPOCH).total_seconds() for i in items], np.float64)
        ends = np.array([(i.end - EPOCH).total_seconds() for i in items], np.float64)
    except TypeError:  # zone-aware ones among them
        starts = np.array([to_seconds(i.start) for i in items], np.float64)
        ends = np.array([to_seconds(i.end) for i in items], np.float64)
    exclusive: Floats = np.where(ends > starts, ends + 1.0, starts)
    return starts, exclusive


def stack_rows(lefts: Sequence[float], rights: Sequence[float], labels: Sequence[float],
               rows: int, gap: float) -> list[int]:
    """Greedy first-fit rows for marks given in start order; -1 for a mark with no room.

    Each mark spans [lefts[i], rights[i]] and would like room for a label
    labels[i] wide right after it. It takes the first row whose last mark *and
    its label* end at least `gap` before it; failing that, the first row whose
    last mark alone does (that mark's label will be cut short where this one
    starts); failing that, with every row taken, none (-1). Marks of one row
    never overlap, nor come closer than `gap`.
    """
    reserved = [-math.inf] * rows  # where the last mark's label ends, per row
    marked = [-math.inf] * rows  # where the last mark ends, per row
    out: list[int] = []
    span = range(rows)
    for left, right, label in zip(lefts, rights, labels, strict=True):
        limit = left - gap
        for row in span:  # (plain loops: this runs for every event of a lane)
            if reserved[row] <= limit:
                break
        else:
            for row in span:
                if marked[row] <= limit:
                    break
            else:
                out.append(-1)
                continue
        out.append(row)
        marked[row] = right
        reserved[row] = right + label
    return out

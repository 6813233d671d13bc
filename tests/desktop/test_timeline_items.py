"""The timeline's data: the lane indexes against brute force, row layout, frames (no Qt)."""

from __future__ import annotations

import random
from dataclasses import FrozenInstanceError
from datetime import datetime, timedelta
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.timeline_axis import DAY, TimeScale, to_seconds
from desktop.timeline_frame import (
    AXIS_HEIGHT,
    BIN_PX,
    LABEL_PAD,
    ROW_GAP,
    Frame,
    FrameBuilder,
)
from desktop.timeline_items import (
    TimelineIndex,
    TimelineItem,
    item_seconds,
    stack_rows,
)

LANES = ("RBC-Ukraine", "Mirror site", "Reuters")
BASE = datetime(2024, 1, 1)


def item(key: int, start: datetime, days: float = 0, lanes: tuple[str, ...] = LANES[:1],
         **fields: object) -> TimelineItem:
    end = start + timedelta(days=days) - timedelta(seconds=1) if days else start
    values: dict[str, object] = {"title": f"Event {key}", "vague": False}
    values.update(fields)
    return TimelineItem(key=key, start=start, end=end, lanes=lanes, **values)  # type: ignore[arg-type]


def random_items(count: int, rng: random.Random) -> list[TimelineItem]:
    out = []
    for key in range(count):
        start = BASE + timedelta(hours=rng.randrange(24 * 700))
        days = rng.choice([0, 1, 1, 3, 40, 300])
        lanes = tuple(rng.sample(LANES, rng.choice([1, 1, 2])))
        out.append(item(key, start, days, lanes, conflict=rng.random() < 0.2))
    return out


class Measures:
    """Text widths without fonts: 7 px a character."""

    char_width = 7.0

    def label_width(self, text: str) -> float:
        return 7.0 * len(text)

    axis_width = lane_width = label_width

    def badge_width(self, claims: int) -> float:
        return 14.0 + 7 * len(str(claims))

    def elide(self, text: str, width: float) -> str:
        return text[: max(0, int(width // 7) - 1)] + "…"


def test_item_is_frozen_with_defaults() -> None:
    event = TimelineItem(7, "Talks", BASE, BASE, False, ("Reuters",))
    assert (event.tags, event.claims, event.conflict, event.date_text) == ((), 0, False, "")
    with pytest.raises(FrozenInstanceError):
        event.title = "Other"  # type: ignore[misc]


def test_ends_are_exclusive_so_a_day_fills_its_day() -> None:
    day = item(1, BASE, 1)
    assert day.end == datetime(2024, 1, 1, 23, 59, 59)
    assert item_seconds(day) == (to_seconds(BASE), to_seconds(BASE) + DAY)
    instant = item(2, BASE + timedelta(hours=9))
    assert item_seconds(instant)[0] == item_seconds(instant)[1]


def test_events_show_in_every_lane_they_belong_to() -> None:
    index = TimelineIndex()
    index.set_items([item(1, BASE, 1, LANES[:2]), item(2, BASE, 1, ("Elsewhere",)),
                     item(3, BASE, 1, (LANES[2], LANES[2]))], LANES)
    assert [lane.keys.tolist() for lane in index.by_lane] == [[1], [1], [3]]
    assert set(index.items) == {1, 2, 3}  # kept, though lane "Elsewhere" is not shown
    assert index.shown_keys() == {1, 3}


def brute_visible(items: list[TimelineItem], lane: str, low: float, high: float) -> set[int]:
    keys = set()
    for event in items:
        start, end = item_seconds(event)
        if lane in event.lanes and start <= high and end >= low:
            keys.add(event.key)
    return keys


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), low_days=st.floats(-30, 720), width_days=st.floats(0, 200))
def test_visible_count_and_coverage_match_brute_force(seed: int, low_days: float,
                                                      width_days: float) -> None:
    rng = random.Random(seed)
    items = random_items(rng.randrange(0, 120), rng)
    index = TimelineIndex()
    index.set_items(items, LANES)
    low = to_seconds(BASE) + low_days * DAY
    high = low + width_days * DAY
    for number, name in enumerate(LANES):
        lane = index.by_lane[number]
        expected = brute_visible(items, name, low, high)
        found = lane.keys[lane.visible(low, high)].tolist()
        assert sorted(found) == sorted(expected)
        assert lane.count(low, high) == len(expected)
        edges = np.linspace(low, high + DAY, 9)
        wanted = [sum(1 for e in items if name in e.lanes and item_seconds(e)[0] < b
                      and item_seconds(e)[1] >= a)
                  for a, b in pairwise(edges)]
        assert lane.coverage(edges).tolist() == wanted


def test_update_and_remove_keep_the_lanes_right() -> None:
    index = TimelineIndex()
    index.set_items([item(1, BASE, 1), item(2, BASE + timedelta(days=5), 1)], LANES)
    changed = index.update([item(1, BASE + timedelta(days=10), 1, LANES[1:2])])
    assert changed == {0, 1}
    assert index.by_lane[0].keys.tolist() == [2]
    assert index.by_lane[1].keys.tolist() == [1]
    index.update([item(2, BASE + timedelta(days=5), 1, title="Renamed")])
    assert index.items[2].title == "Renamed"
    index.update([item(9, BASE, 1, LANES[2:])])  # a new one
    assert index.by_lane[2].keys.tolist() == [9]
    assert index.remove([1, 42]) == {1}
    assert index.by_lane[1].keys.tolist() == []
    assert 1 not in index.items
    extent = index.extent()
    assert extent == (to_seconds(BASE), to_seconds(BASE + timedelta(days=6)))


def test_zone_aware_items_are_read_as_their_utc_instant() -> None:
    from datetime import UTC
    index = TimelineIndex()
    index.set_items([item(1, datetime(2025, 2, 17, 9, tzinfo=UTC), 1)], LANES)
    assert index.by_lane[0].starts.tolist() == [to_seconds(datetime(2025, 2, 17, 9))]


@settings(max_examples=200, deadline=None)
@given(marks=st.lists(st.tuples(st.floats(0, 2000), st.floats(0, 300), st.floats(0, 200)),
                      max_size=60),
       rows=st.integers(1, 6))
def test_rows_never_overlap(marks: list[tuple[float, float, float]], rows: int) -> None:
    marks.sort()
    lefts = [m[0] for m in marks]
    rights = [m[0] + m[1] for m in marks]
    labels = [m[2] for m in marks]
    placed = stack_rows(lefts, rights, labels, rows, ROW_GAP)
    last: dict[int, float] = {}
    for i, row in enumerate(placed):
        assert -1 <= row < rows
        if row < 0:  # only when every row was still taken there
            assert all(last.get(r, -1e9) > lefts[i] - ROW_GAP for r in range(rows))
            continue
        assert last.get(row, -1e9) <= lefts[i] - ROW_GAP
        last[row] = rights[i]


def test_a_label_claims_its_room_when_another_row_is_free() -> None:
    # The second mark starts inside the first one's label: it moves down a row.
    assert stack_rows([0, 50], [10, 60], [100, 100], 2, ROW_GAP) == [0, 1]
    # With one row it still fits beside the mark, cutting the label short.
    assert stack_rows([0, 50], [10, 60], [100, 100], 1, ROW_GAP) == [0, 0]
    # And with no room at all it overflows.
    assert stack_rows([0, 5], [100, 120], [0, 0], 1, ROW_GAP) == [0, -1]


def frame_of(items: list[TimelineItem], first: datetime, last: datetime,
             width: float = 1200, height: float = 600) -> Frame:
    index = TimelineIndex()
    index.set_items(items, LANES)
    left = 100.0
    low, high = to_seconds(first), to_seconds(last)
    scale = TimeScale(low, (high - low) / (width - left), left)
    return FrameBuilder(Measures()).build(index, scale, left, width, height)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_marks_and_labels_of_a_row_never_overlap(seed: int) -> None:
    items = random_items(60, random.Random(seed))
    frame = frame_of(items, BASE, BASE + timedelta(days=200))
    assert [b.title for b in frame.bands] == list(LANES)
    for band in frame.bands:
        assert band.density is None
        for row in band.by_row:
            ordered = sorted(row, key=lambda m: m.x0)
            for a, b in pairwise(ordered):
                end = a.label_x + a.label_width if a.label_width else a.x1
                assert end <= b.x0 - ROW_GAP + 1e-9, (a.item.title, b.item.title)
            for mark in row:
                if mark.label_width:
                    assert mark.label_x == pytest.approx(mark.x1 + LABEL_PAD)
        # Every event in view is drawn in its lane: in a row, or in the overflow strip.
        drawn = {m.key for m in band.marks + band.overflow}
        low, high = frame.scale.seconds(frame.left), frame.scale.seconds(frame.right)
        assert brute_visible(items, band.title, low, high) <= drawn


def test_too_many_events_become_a_density_strip() -> None:
    rng = random.Random(5)
    items = [item(k, BASE + timedelta(minutes=rng.randrange(60 * 24 * 365)), 1)
             for k in range(20_000)]
    frame = frame_of(items, BASE, BASE + timedelta(days=365))
    band = frame.bands[0]
    assert band.density is not None and not band.marks
    assert band.density.counts.sum() >= 20_000  # every event covers at least one slice
    assert frame.peak == band.density.counts.max()
    hit = frame.hit(600, band.top + band.height / 2)
    assert hit is not None and hit.part == "density" and hit.key == -1
    assert hit.span is not None and hit.span[1] - hit.span[0] == pytest.approx(
        BIN_PX * frame.scale.seconds_per_px)
    assert frame.bands[1].density is None  # the empty lanes stay as they are
    assert frame.hit(50, band.top + 5) is None  # the gutter
    assert frame.hit(600, AXIS_HEIGHT - 1) is None  # the axis

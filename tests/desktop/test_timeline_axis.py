"""The time axis: units, ticks at every zoom, labels that never overlap, snapping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.timeline_axis import (
    DAY,
    DAY_NAMED,
    DECADE,
    HOUR,
    LABEL_GAP,
    LADDER,
    MINOR_MIN_PX,
    MONTH,
    WEEK,
    YEAR,
    Axis,
    Tick,
    TimeScale,
    approximate_width,
    describe_range,
    from_seconds,
    label_extent,
    snap_unit,
    ticks,
    to_seconds,
)

WIDTH = 1200.0


def axis_over(first: datetime, last: datetime, width: float = WIDTH) -> Axis:
    low, high = to_seconds(first), to_seconds(last)
    return ticks(TimeScale(low, (high - low) / width), width)


def labels(row: tuple[Tick, ...]) -> list[str]:
    return [tick.label for tick in row if tick.label]


def test_seconds_round_trip_and_zones() -> None:
    moment = datetime(2025, 2, 17, 9, 30, 15, 250_000)
    assert from_seconds(to_seconds(moment)) == moment
    assert to_seconds(datetime(1970, 1, 2)) == DAY
    kyiv = timezone(timedelta(hours=2))
    assert to_seconds(datetime(2025, 2, 17, 11, tzinfo=kyiv)) == to_seconds(
        datetime(2025, 2, 17, 9))
    assert to_seconds(datetime(2025, 2, 17, 9, tzinfo=UTC)) == to_seconds(datetime(2025, 2, 17, 9))
    assert from_seconds(-1e20) == datetime(1, 1, 1)  # clamped, not an error
    assert from_seconds(1e20).year == 9999


def test_scale_maps_both_ways() -> None:
    scale = TimeScale(origin=1000.0, seconds_per_px=60.0, left=100.0)
    assert scale.x(1000.0) == 100.0
    assert scale.x(1000.0 + 3600) == 160.0
    assert scale.seconds(160.0) == 4600.0
    assert scale.px(DAY) == 1440.0


def test_units_floor_shift_and_nearest() -> None:
    moment = datetime(2025, 2, 19, 15, 40)  # a Wednesday
    assert WEEK.floor(moment) == datetime(2025, 2, 17)  # Monday
    assert DAY_NAMED.floor(moment) == datetime(2025, 2, 19)
    assert HOUR.floor(moment) == datetime(2025, 2, 19, 15)
    assert MONTH.floor(moment) == datetime(2025, 2, 1)
    assert DECADE.floor(moment) == datetime(2020, 1, 1)
    assert HOUR.nearest(moment) == datetime(2025, 2, 19, 16)
    assert DAY_NAMED.nearest(moment) == datetime(2025, 2, 20)
    assert MONTH.nearest(moment) == datetime(2025, 3, 1)
    # Months clamp the day; the last instant of a month stays the last of its month.
    assert MONTH.shift(datetime(2025, 1, 31), 1) == datetime(2025, 2, 28)
    assert MONTH.shift(datetime(2025, 2, 28, 23, 59, 59), 1, end=True) == datetime(
        2025, 3, 31, 23, 59, 59)
    assert MONTH.shift(datetime(2025, 3, 31, 23, 59, 59), -1, end=True) == datetime(
        2025, 2, 28, 23, 59, 59)
    assert YEAR.shift(datetime(2024, 2, 29), 1) == datetime(2025, 2, 28)
    assert DAY_NAMED.shift(datetime(2025, 2, 28), 1) == datetime(2025, 3, 1)
    assert MONTH.count_between(datetime(2025, 1, 15), datetime(2025, 4, 10)) == 3


@pytest.mark.parametrize(("first", "last", "unit", "expected", "upper"), [
    (datetime(1900, 1, 1), datetime(2100, 1, 1), "decade", ["1950s", "1960s"], "20th century"),
    (datetime(2018, 1, 1), datetime(2028, 1, 1), "year", ["2024", "2025"], "2020s"),
    (datetime(2024, 7, 1), datetime(2025, 7, 1), "month", ["Jan", "Feb"], "2025"),
    (datetime(2025, 1, 1), datetime(2025, 5, 1), "week", ["17 Feb", "24 Feb"], "February 2025"),
    (datetime(2025, 2, 10), datetime(2025, 3, 2), "day", ["Mon 17", "Tue 18"], "February 2025"),
    (datetime(2025, 2, 17), datetime(2025, 2, 18), "hour", ["09:00", "10:00"],
     "Mon 17 February 2025"),
    (datetime(2025, 2, 17, 9), datetime(2025, 2, 17, 10), "5 minutes", ["09:15", "09:20"],
     "Mon 17 February 2025"),
])
def test_ticks_at_every_level(first: datetime, last: datetime, unit: str,
                              expected: list[str], upper: str) -> None:
    axis = axis_over(first, last)
    assert axis.unit.name == unit
    shown = labels(axis.labelled)
    assert all(label in shown for label in expected), shown
    uppers = labels(axis.major) + ([axis.context.label] if axis.context else [])
    assert upper in uppers
    assert axis.minor  # a finer level subdivides the labelled one


def test_centuries_and_quarters() -> None:
    assert axis_over(datetime(500, 1, 1), datetime(2500, 1, 1)).unit.name in (
        "century", "200 years")
    quarters = axis_over(datetime(2021, 1, 1), datetime(2026, 1, 1))
    assert quarters.unit.name == "quarter"
    assert set(labels(quarters.labelled)) == {"Jan", "Apr", "Jul", "Oct"}


def test_sticky_label_names_the_period_the_view_starts_in() -> None:
    axis = axis_over(datetime(2025, 2, 10), datetime(2025, 3, 2))
    assert axis.context is not None
    assert axis.context.label == "February 2025"
    assert axis.context.x == 0.0
    # It gives way when the next period's label would run into it.
    tight = axis_over(datetime(2025, 2, 27), datetime(2025, 3, 19))
    assert tight.context is None or label_extent(tight.context, approximate_width)[1] \
        + LABEL_GAP <= next(t.x for t in tight.major if t.label)


def row_overlaps(row: list[Tick]) -> list[tuple[str, str]]:
    extents = sorted((label_extent(t, approximate_width), t.label) for t in row if t.label)
    return [(a, b) for (ea, a), (eb, b) in pairwise(extents)
            if ea[1] + LABEL_GAP > eb[0] + 1e-6]


@settings(max_examples=300, deadline=None)
@given(start=st.floats(min_value=to_seconds(datetime(2, 1, 1)),
                       max_value=to_seconds(datetime(9000, 1, 1))),
       span=st.floats(min_value=3600.0, max_value=3000 * 365.25 * DAY),
       width=st.floats(min_value=120.0, max_value=3000.0))
def test_labels_never_overlap_and_ticks_are_monotone(start: float, span: float,
                                                     width: float) -> None:
    scale = TimeScale(start, span / width, 0.0)
    axis = ticks(scale, width)
    assert row_overlaps(list(axis.labelled)) == []
    assert row_overlaps(([axis.context] if axis.context else []) + list(axis.major)) == []
    for row in (axis.labelled, axis.major, axis.minor):
        xs = [t.x for t in row]
        moments = [t.moment for t in row]
        assert xs == sorted(xs) and moments == sorted(moments)
        assert len(set(moments)) == len(moments)
        assert all(-0.5 <= x <= width + 0.5 for x in xs)
    # Sensible units: the shortest labelled period holds its widest label.
    widest = max((approximate_width(t.label) for t in axis.labelled), default=0.0)
    if axis.unit is not LADDER[-1][0]:
        assert axis.unit.shortest / scale.seconds_per_px >= widest + LABEL_GAP
    if axis.minor_unit is not None:
        assert axis.minor_unit.shortest / scale.seconds_per_px >= MINOR_MIN_PX
        assert axis.minor_unit.shortest < axis.unit.shortest
    if axis.major_unit is not None:
        assert axis.major_unit.shortest > axis.unit.shortest


@pytest.mark.parametrize(("span", "unit"), [
    (DAY, "hour"), (30 * DAY, "day"), (365 * DAY, "month"), (30 * 365 * DAY, "year"),
    (6 * 3600, "15 minutes"),
])
def test_snapping_follows_the_zoom(span: float, unit: str) -> None:
    assert snap_unit(TimeScale(0.0, span / WIDTH)).name == unit


def test_captions_at_each_precision() -> None:
    day = datetime(2025, 2, 13)
    end = timedelta(hours=23, minutes=59, seconds=59)
    assert describe_range(day, day + end, DAY_NAMED) == "13 Feb 2025"
    assert describe_range(day, day + timedelta(days=2) + end, DAY_NAMED) == "13 – 15 Feb 2025"
    assert describe_range(datetime(2025, 2, 27), datetime(2025, 3, 2), DAY_NAMED) == \
        "27 Feb – 2 Mar 2025"
    assert describe_range(datetime(2025, 2, 1), datetime(2025, 4, 30), MONTH) == \
        "Feb – Apr 2025"
    assert describe_range(datetime(2025, 2, 1, 9), datetime(2025, 2, 1, 11), HOUR) == \
        "1 Feb 2025 09:00 – 11:00"
    assert describe_range(datetime(2025, 1, 1), datetime(2025, 12, 31), YEAR) == "2025"

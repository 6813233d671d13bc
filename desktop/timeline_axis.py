"""Time on a horizontal axis: the pixel mapping, calendar units, ticks and snapping.

Pure Python and `datetime`, no Qt: the view hands in a way to measure text.

Moments are naive datetimes (a zone-aware one is read as its UTC instant) and
become float seconds since 1970 for arithmetic; a float keeps microseconds
over the whole datetime range, which is all the precision a timeline needs.

The axis has two rows. The lower one labels every tick of the finest calendar
unit whose widest label still fits between its ticks ("Jan", "Feb", …); the
upper one names the periods of the next coarser unit ("2025"), with a sticky
label at the left edge for the period the view starts in. Unlabelled minor
ticks subdivide the lower row where they are at least a few pixels apart.
Labels sit just right of their tick and are kept only where they do not
overlap, so a row never shows two labels on top of each other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

EPOCH = datetime(1970, 1, 1)
FIRST = datetime(1, 1, 1)
LAST = datetime(9999, 12, 31, 23, 59, 59)
FIRST_SECONDS = (FIRST - EPOCH).total_seconds()
LAST_SECONDS = (LAST - EPOCH).total_seconds()
DAY = 86_400.0
LABEL_INSET = 4.0  # a label starts this far right of its tick
LABEL_GAP = 10.0  # at least this much room between two labels of a row
MINOR_MIN_PX = 6.0  # unlabelled ticks closer than this are left out
SNAP_MIN_PX = 16.0  # snap to the finest unit at least this wide on screen
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def to_seconds(moment: datetime) -> float:
    """Seconds since 1970-01-01 (naive, or the UTC instant of an aware moment)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment - EPOCH).total_seconds()


def from_seconds(seconds: float) -> datetime:
    """The naive moment `seconds` after 1970, clamped to what datetime can hold."""
    seconds = min(max(seconds, FIRST_SECONDS), LAST_SECONDS)
    return EPOCH + timedelta(seconds=round(seconds, 6))


@dataclass(frozen=True)
class TimeScale:
    """x = left + (seconds - origin) / seconds_per_px: the view's horizontal transform."""

    origin: float
    seconds_per_px: float
    left: float = 0.0

    def x(self, seconds: float) -> float:
        return self.left + (seconds - self.origin) / self.seconds_per_px

    def seconds(self, x: float) -> float:
        return self.origin + (x - self.left) * self.seconds_per_px

    def px(self, duration: float) -> float:
        """How many pixels `duration` seconds take."""
        return duration / self.seconds_per_px


class Field(Enum):
    """The calendar field a unit steps."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    SECOND = "second"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _clock(m: datetime) -> str:
    return f"{m.hour:02d}:{m.minute:02d}"


@dataclass(frozen=True)
class Unit:
    """A calendar step ("3 months"), how to label its ticks, and its shortest length."""

    name: str
    field: Field
    step: int
    shortest: float  # seconds: the shortest one (28 days for a month)
    label: Callable[[datetime], str]
    period: Callable[[datetime], str]  # naming the whole period, for the upper row

    def floor(self, moment: datetime) -> datetime:
        """The last boundary at or before `moment`."""
        if self.field is Field.YEAR:
            return datetime(max(1, moment.year - moment.year % self.step), 1, 1)
        if self.field is Field.MONTH:
            month = moment.month - 1
            return datetime(moment.year, month - month % self.step + 1, 1)
        day = datetime(moment.year, moment.month, moment.day)
        if self.field is Field.WEEK:  # weeks start on Monday (1 January of year 1 was one)
            return day - timedelta(days=moment.weekday())
        if self.field is Field.DAY:
            return day
        of_day = moment.hour * 3600 + moment.minute * 60 + moment.second
        return day + timedelta(seconds=of_day - of_day % self.step)

    def shift(self, moment: datetime, n: int = 1, *, end: bool = False) -> datetime:
        """`moment` moved by `n` units; day of month clamped. With `end`, the last
        instant of a month stays the last instant of its month ("until end of Feb")."""
        if self.field in (Field.YEAR, Field.MONTH):
            months = n * self.step * (12 if self.field is Field.YEAR else 1)
            after = moment + timedelta(seconds=1)
            if end and after.day == 1 and after.time() == datetime.min.time():
                return _add_months(after, months) - timedelta(seconds=1)
            return _add_months(moment, months)
        if self.field is Field.WEEK:
            return moment + timedelta(days=7 * n * self.step)
        if self.field is Field.DAY:
            return moment + timedelta(days=n * self.step)
        return moment + timedelta(seconds=n * self.step)

    def nearest(self, moment: datetime) -> datetime:
        """The boundary closest to `moment`."""
        low = self.floor(moment)
        try:
            high = self.shift(low)
        except OverflowError:
            return low
        return high if (high - moment) < (moment - low) else low

    def count_between(self, first: datetime, second: datetime) -> int:
        """Whole units from `first` to `second`, rounded (negative when earlier)."""
        return round((to_seconds(second) - to_seconds(first)) / self.typical)

    @property
    def typical(self) -> float:
        """The average length in seconds (a month is 30.44 days)."""
        if self.field is Field.YEAR:
            return 365.2425 * DAY * self.step
        if self.field is Field.MONTH:
            return 365.2425 / 12 * DAY * self.step
        return self.shortest


def _add_months(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("outside the years datetime can hold")
    last_day = _days_in_month(year, month + 1)
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (datetime(year, month + 1, 1) - datetime(year, month, 1)).days


def _unit(name: str, field: Field, step: int, label: Callable[[datetime], str],
          period: Callable[[datetime], str] | None = None) -> Unit:
    base = {Field.YEAR: 365 * DAY, Field.MONTH: 28 * DAY, Field.WEEK: 7 * DAY,
            Field.DAY: DAY, Field.SECOND: 1.0}[field]
    return Unit(name, field, step, base * step, label, period or label)


def _year(m: datetime) -> str:
    return str(m.year)


MINUTE = _unit("minute", Field.SECOND, 60, _clock)
MINUTES_5 = _unit("5 minutes", Field.SECOND, 300, _clock)
MINUTES_15 = _unit("15 minutes", Field.SECOND, 900, _clock)
MINUTES_30 = _unit("30 minutes", Field.SECOND, 1800, _clock)
HOUR = _unit("hour", Field.SECOND, 3600, _clock)
HOURS_3 = _unit("3 hours", Field.SECOND, 3 * 3600, _clock)
HOURS_6 = _unit("6 hours", Field.SECOND, 6 * 3600, _clock)
HOURS_12 = _unit("12 hours", Field.SECOND, 12 * 3600, _clock)
DAY_NAMED = _unit("day", Field.DAY, 1, lambda m: f"{WEEKDAYS[m.weekday()]} {m.day}",
                  lambda m: f"{WEEKDAYS[m.weekday()]} {m.day} {MONTH_NAMES[m.month - 1]} {m.year}")
DAY_NUMBER = _unit("day", Field.DAY, 1, lambda m: str(m.day), DAY_NAMED.period)
WEEK = _unit("week", Field.WEEK, 1, lambda m: f"{m.day} {MONTHS[m.month - 1]}")
MONTH = _unit("month", Field.MONTH, 1, lambda m: MONTHS[m.month - 1],
              lambda m: f"{MONTH_NAMES[m.month - 1]} {m.year}")
QUARTER = _unit("quarter", Field.MONTH, 3, MONTH.label)
YEAR = _unit("year", Field.YEAR, 1, _year)
YEARS_2 = _unit("2 years", Field.YEAR, 2, _year)
YEARS_5 = _unit("5 years", Field.YEAR, 5, _year)
DECADE = _unit("decade", Field.YEAR, 10, lambda m: f"{m.year}s")
YEARS_20 = _unit("20 years", Field.YEAR, 20, _year)
YEARS_50 = _unit("50 years", Field.YEAR, 50, _year)
CENTURY = _unit("century", Field.YEAR, 100, _year,
                lambda m: f"{_ordinal(m.year // 100 + 1)} century")
YEARS_200 = _unit("200 years", Field.YEAR, 200, _year)
YEARS_500 = _unit("500 years", Field.YEAR, 500, _year)
MILLENNIUM = _unit("millennium", Field.YEAR, 1000, _year,
                   lambda m: f"{_ordinal(m.year // 1000 + 1)} millennium")

# Finest first: (labelled unit, the unit naming the upper row, candidate minor units finest first).
LADDER: tuple[tuple[Unit, Unit | None, tuple[Unit, ...]], ...] = (
    (MINUTE, DAY_NAMED, ()),
    (MINUTES_5, DAY_NAMED, (MINUTE,)),
    (MINUTES_15, DAY_NAMED, (MINUTE, MINUTES_5)),
    (MINUTES_30, DAY_NAMED, (MINUTE, MINUTES_5)),
    (HOUR, DAY_NAMED, (MINUTES_5, MINUTES_15, MINUTES_30)),
    (HOURS_3, DAY_NAMED, (MINUTES_30, HOUR)),
    (HOURS_6, DAY_NAMED, (HOUR, HOURS_3)),
    (HOURS_12, DAY_NAMED, (HOUR, HOURS_3, HOURS_6)),
    (DAY_NAMED, MONTH, (HOUR, HOURS_3, HOURS_6, HOURS_12)),
    (DAY_NUMBER, MONTH, (HOURS_6, HOURS_12)),
    (WEEK, MONTH, (DAY_NAMED,)),
    (MONTH, YEAR, (DAY_NAMED, WEEK)),
    (QUARTER, YEAR, (WEEK, MONTH)),
    (YEAR, DECADE, (MONTH, QUARTER)),
    (YEARS_2, DECADE, (QUARTER, YEAR)),
    (YEARS_5, DECADE, (YEAR,)),
    (DECADE, CENTURY, (YEAR, YEARS_2, YEARS_5)),
    (YEARS_20, CENTURY, (YEAR, YEARS_5, DECADE)),
    (YEARS_50, CENTURY, (YEARS_5, DECADE)),
    (CENTURY, MILLENNIUM, (DECADE, YEARS_50)),
    (YEARS_200, MILLENNIUM, (DECADE, YEARS_50, CENTURY)),
    (YEARS_500, MILLENNIUM, (YEARS_50, CENTURY)),
    (MILLENNIUM, None, (CENTURY, YEARS_500)),
)
SNAP_UNITS = (MINUTES_15, HOUR, DAY_NAMED, MONTH, YEAR, DECADE, CENTURY)


@dataclass(frozen=True)
class Tick:
    """A tick at `moment`, drawn at `x`; its label ("": none) starts at x + LABEL_INSET."""

    moment: datetime
    x: float
    label: str = ""


@dataclass(frozen=True)
class Axis:
    """What the axis shows for one view: see the module docstring."""

    unit: Unit
    major_unit: Unit | None
    minor_unit: Unit | None
    labelled: tuple[Tick, ...]
    major: tuple[Tick, ...]
    minor: tuple[Tick, ...]
    context: Tick | None  # the sticky label of the period the view starts in


def approximate_width(text: str) -> float:
    """A stand-in text measure (7 px a character) for callers without fonts."""
    return 7.0 * len(text)


def boundaries(unit: Unit, first: datetime, last: datetime) -> Iterator[datetime]:
    """The unit's boundaries from `first` to `last`, both included."""
    moment = unit.floor(first)
    while moment <= last:
        if moment >= first:
            yield moment
        try:
            moment = unit.shift(moment)
        except OverflowError:
            return


def ticks(scale: TimeScale, width: float,
          measure: Callable[[str], float] = approximate_width) -> Axis:
    """The ticks of the view from x = scale.left over `width` pixels."""
    start_s = max(scale.origin, FIRST_SECONDS)
    end_s = min(scale.seconds(scale.left + width), LAST_SECONDS)
    first, last = from_seconds(start_s), from_seconds(end_s)
    spp = scale.seconds_per_px
    chosen = LADDER[-1]
    labelled: list[Tick] = []
    for entry in LADDER:
        unit = entry[0]
        # The shortest period must hold the label's inset and the gap (and some text).
        if unit.shortest / spp < LABEL_INSET + LABEL_GAP + 2 * measure("0"):
            continue
        moments = list(boundaries(unit, first, last))
        labels = [unit.label(m) for m in moments]
        widest = max((measure(text) for text in labels), default=0.0)
        if unit.shortest / spp >= widest + LABEL_GAP or entry is LADDER[-1]:
            chosen = entry
            labelled = [Tick(m, scale.x(to_seconds(m)), text)
                        for m, text in zip(moments, labels, strict=True)]
            break
    unit, major_unit, minor_candidates = chosen
    labelled = _without_overlaps(labelled, measure)
    minor_unit = next((u for u in minor_candidates if u.shortest / spp >= MINOR_MIN_PX), None)
    minor = ([Tick(m, scale.x(to_seconds(m))) for m in boundaries(minor_unit, first, last)]
             if minor_unit is not None else [])
    major: list[Tick] = []
    context = None
    if major_unit is not None:
        major = [Tick(m, scale.x(to_seconds(m)), major_unit.period(m))
                 for m in boundaries(major_unit, first, last)]
        named = {tick.moment for tick in _without_overlaps(major, measure)}
        major = [tick if tick.moment in named else Tick(tick.moment, tick.x) for tick in major]
        context = sticky_label(major_unit, major, scale.left, first, measure)
    return Axis(unit, major_unit, minor_unit, tuple(labelled), tuple(major), tuple(minor),
                context)


def sticky_label(unit: Unit, major: Sequence[Tick], left: float, first: datetime,
                 measure: Callable[[str], float]) -> Tick | None:
    """The upper row's label for the period the view starts in (`first`, at x = left),
    pinned to the left edge; none where a period starts right there, or where it would
    run into the next period's own label."""
    if any(abs(tick.x - left) <= 0.5 for tick in major):
        return None
    opening = unit.floor(first)
    context = Tick(opening, left, unit.period(opening))
    following = next((t for t in major if t.x > left and t.label), None)
    room = following.x + LABEL_INSET if following is not None else math.inf
    return context if label_extent(context, measure)[1] + LABEL_GAP <= room else None


def _without_overlaps(row: list[Tick], measure: Callable[[str], float]) -> list[Tick]:
    """The ticks of a row whose labels do not run into the label kept before them."""
    kept: list[Tick] = []
    free = -math.inf
    for tick in row:
        if not tick.label:
            continue
        start = tick.x + LABEL_INSET
        if start >= free:
            kept.append(tick)
            free = start + measure(tick.label) + LABEL_GAP
    return kept


def label_extent(tick: Tick, measure: Callable[[str], float]) -> tuple[float, float]:
    """Where a tick's label is drawn: (left, right) in pixels."""
    return tick.x + LABEL_INSET, tick.x + LABEL_INSET + measure(tick.label)


def snap_unit(scale: TimeScale) -> Unit:
    """The unit edits snap to at this zoom: the finest at least SNAP_MIN_PX wide."""
    for unit in SNAP_UNITS:
        if unit.shortest / scale.seconds_per_px >= SNAP_MIN_PX:
            return unit
    return SNAP_UNITS[-1]


def describe_range(start: datetime, end: datetime, unit: Unit) -> str:
    """A short caption for start..end (end inclusive) at the precision of `unit`."""
    if unit.field is Field.YEAR:
        first, last = str(start.year), str(end.year)
    elif unit.field is Field.MONTH:
        first = f"{MONTHS[start.month - 1]} {start.year}"
        last = f"{MONTHS[end.month - 1]} {end.year}"
        if start.year == end.year and first != last:
            first = MONTHS[start.month - 1]
    else:
        first = f"{start.day} {MONTHS[start.month - 1]} {start.year}"
        last = f"{end.day} {MONTHS[end.month - 1]} {end.year}"
        if unit.field is Field.SECOND:
            first, last = f"{first} {_clock(start)}", f"{last} {_clock(end)}"
            if start.date() == end.date():
                last = _clock(end)
        elif start.year == end.year and first != last:
            first = (str(start.day) if start.month == end.month
                     else f"{start.day} {MONTHS[start.month - 1]}")
    return first if first == last else f"{first} – {last}"

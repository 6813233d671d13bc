"""TIMEX3 values as calendar intervals: what days does "2024-Q3" or "195" cover?

Everything that needs bounds (the tagger, the phrase parser, EDTF output) goes
through :func:`bounds`, so the reading of a value is defined in one place.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_CODES = ("SP", "SU", "FA", "WI")
# Meteorological seasons of the northern hemisphere: (first month, number of months);
# winter 2024 runs from December 2024 to February 2025.
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_DAY_TENS = re.compile(r"^(\d{4})-(\d{2})-([0-3])X$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_span(year: int, month: int, count: int) -> tuple[date, date]:
    """The days of ``count`` months starting with ``month`` of ``year``."""
    end_index = year * 12 + (month - 1) + count - 1
    end_year, end_month = divmod(end_index, 12)
    return date(year, month, 1), date(end_year, end_month + 1, last_day(end_year, end_month + 1))


def week_span(year: int, week: int) -> tuple[date, date]:
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def iso_week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def interval(value: str) -> tuple[date, date, str] | None:
    """First day, last day and granularity of a TIMEX3 date value, or None.

    Granularity is one of day, week, month, quarter, season, half, year, decade,
    century; values with unknown digits (``XXXX-03``) have no interval.
    """
    try:
        return _interval(value)
    except (ValueError, OverflowError):  # month 13, week 60, the year 10000
        return None


def _interval(value: str) -> tuple[date, date, str] | None:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, "day"
    if m := _MONTH.match(value):
        lo, hi = month_span(int(m[1]), int(m[2]), 1)
        return lo, hi, "month"
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year"
    if m := _WEEK.match(value):
        lo, hi = week_span(int(m[1]), int(m[2]))
        if m[3]:
            lo = lo + timedelta(days=5)
        return lo, hi, "week"
    if m := _QUARTER.match(value):
        lo, hi = month_span(int(m[1]), 3 * int(m[2]) - 2, 3)
        return lo, hi, "quarter"
    if m := _HALF.match(value):
        lo, hi = month_span(int(m[1]), 6 * int(m[2]) - 5, 6)
        return lo, hi, "half"
    if m := _SEASON.match(value):
        lo, hi = month_span(int(m[1]), _SEASON_MONTHS[m[2]], 3)
        return lo, hi, "season"
    if m := _DECADE.match(value):
        first = int(m[1]) * 10
        return date(max(first, 1), 1, 1), date(first + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        first = int(m[1]) * 100
        return date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century"
    if m := _DAY_TENS.match(value):
        year, month, tens = int(m[1]), int(m[2]), int(m[3])
        lo = date(year, month, max(tens * 10, 1))
        hi = date(year, month, min(tens * 10 + 9, last_day(year, month)))
        return lo, hi, "day"
    return None


def _thirds(lo: date, hi: date, granularity: str) -> tuple[tuple[date, date], ...]:
    """Early, middle and late part of an interval (START, MID, END)."""
    if granularity == "month":
        y, m = lo.year, lo.month
        return ((date(y, m, 1), date(y, m, 10)), (date(y, m, 11), date(y, m, 20)),
                (date(y, m, 21), hi))
    if granularity in ("decade", "century"):
        years = hi.year - lo.year + 1
        cut1, cut2 = round(years * 0.4) if years == 10 else years // 3, \
            round(years * 0.7) if years == 10 else 2 * years // 3
        return ((lo, date(lo.year + cut1 - 1, 12, 31)),
                (date(lo.year + cut1, 1, 1), date(lo.year + cut2 - 1, 12, 31)),
                (date(lo.year + cut2, 1, 1), hi))
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    if months >= 3 and lo.day == 1:
        cut1, cut2 = round(months / 3), round(2 * months / 3)
        first = month_span(lo.year, lo.month, cut1)
        second_start = month_span(first[1].year, first[1].month, 2)[1].replace(day=1)
        middle = month_span(second_start.year, second_start.month, cut2 - cut1)
        third_start = month_span(middle[1].year, middle[1].month, 2)[1].replace(day=1)
        return first, middle, (third_start, hi)
    days = (hi - lo).days + 1
    cut1, cut2 = round(days / 3), round(2 * days / 3)
    return ((lo, lo + timedelta(days=max(cut1 - 1, 0))),
            (lo + timedelta(days=cut1), lo + timedelta(days=max(cut2 - 1, cut1))),
            (lo + timedelta(days=cut2), hi))


def bounds(value: str, mod: str | None, anchor: date | None = None
           ) -> tuple[date | None, date | None]:
    """Earliest and latest day a TIMEX3 value with its mod allows.

    References use the anchor (document date): the past ends there, the future
    starts there. Durations, sets and values with unknown digits have no bounds.
    """
    if value in REFERENCES:
        if anchor is None:
            return None, None
        if value == "PAST_REF":
            return None, anchor
        if value == "FUTURE_REF":
            return anchor, None
        return anchor, anchor
    found = interval(value)
    if found is None:
        return None, None
    lo, hi, granularity = found
    if mod in ("START", "MID", "END") and granularity != "day":
        thirds = _thirds(lo, hi, granularity)
        return thirds[("START", "MID", "END").index(mod)]
    if mod == "BEFORE":
        return None, lo - timedelta(days=1)
    if mod == "AFTER":
        return hi + timedelta(days=1), None
    if mod == "ON_OR_BEFORE":
        return None, hi
    if mod == "ON_OR_AFTER":
        return lo, None
    return lo, hi


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration for an amount of a unit letter: (3, "D") -> "P3D", (None, "Y") -> "PXY".

    Unit letters: S, MIN, H (clock), D, W, M, Q, Y, DE, E (calendar). Fractions go
    down one unit where they come out whole ("2 1/2 years" -> "P2Y6M").
    """
    clock = unit in ("S", "MIN", "H")
    letter = "M" if unit == "MIN" else unit
    prefix = "PT" if clock else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if unit == "2W":
        amount, letter = amount * 2, "W"
    whole = int(amount)
    rest = amount - whole
    if rest == 0:
        return f"{prefix}{whole}{letter}"
    lower = {"Y": ("M", 12), "DE": ("Y", 10), "E": ("Y", 100), "M": ("D", 30),
             "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}.get(unit)
    if lower is not None:
        sub = rest * lower[1]
        if abs(sub - round(sub)) < 1e-9:
            if unit == "DE" or unit == "E":
                return f"P{round(amount * lower[1])}Y"
            head = f"{whole}{letter}" if whole else ""
            if unit == "D":
                return f"P{head}T{round(sub)}H"
            return f"{prefix}{head}{round(sub)}{lower[0]}"
    return f"{prefix}{amount:g}{letter}"

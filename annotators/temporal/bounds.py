"""fuzzy_date_for_bounds: say in words what a span of days has become.

When a researcher drags or stretches an event on the timeline, all the timeline
knows is a first and a last day. The event's date must still be a fuzzy date
that a person can read ("early March 2025") and that other tools can use
(TIMEX3 ``2025-03`` + ``START``, EDTF ``2025-03-01/2025-03-10``). This module
picks the most natural description of *exactly* those days:

====================================  ==============================  =================
bounds                                phrase                          TIMEX3 value, mod
====================================  ==============================  =================
one day                               17 March 2025                   2025-03-17
a whole month                         March 2025                      2025-03
a whole ISO week (Monday to Sunday)   17–23 March 2025                2025-W12
a whole quarter                       the first quarter of 2025       2025-Q1
a whole (meteorological) season       spring 2025                     2025-SP
a whole half year                     the second half of 2024         2024-H2
a whole year                          2025                            2025
a whole decade                        the 1950s                       195X
a whole century                       the 19th century                18XX
days 1–10 / 11–20 / 21–end of month   early / mid- / late March 2025  2025-03 START/MID/END
Jan–Apr / May–Aug / Sep–Dec           early / mid- / late 2025        2025 START/MID/END
first/middle/last part of a decade    the early / mid- / late 1950s   195X START/MID/END
... or of a century                   the early 19th century          18XX START/MID/END
anything else                         3–12 March 2025                 enclosing unit
====================================  ==============================  =================

The parts of months, years, decades and centuries are exactly the ones the
tagger gives "early", "mid-" and "late" (``timex_value.bounds``), so a phrase
read back with ``parse_date_phrase`` lands on the same days. An explicit
interval gets the finest TIMEX3 value that encloses it, as the phrase parser
gives a typed interval ("3–12 March 2025" -> ``2025-03``, "28 December 2024 –
3 January 2025" -> ``202X``), so dragging and typing the same days store the
same value; the EDTF form keeps the exact days. Intervals are written at the
coarsest grain their ends allow: "March–April 2025", "2023–2025", else days.

A week is written as its days: the phrase parser reads no spelled-out week
("the week of 17 March 2025"), and the phrase must read back to the same days.

``was`` is the date before the drag. Its flavour survives where the new days
still fit it: an approximate date ("about February 2025", ``APPROX``) dragged
onto another whole unit stays approximate ("about March 2025"), and a part of
a season ("early summer 2024") moved onto another part of a season stays one
("early summer 2025", not "June 2025"). Parts of months and years need no
help: "early February" moved by a month is "early March" anyway. Where the new
days fit no flavour (an approximate date stretched to 3–12 March), the plain
description wins; TIMEX3 has one mod, so "about early March" cannot be said.

The new date is absolute: it was not resolved against any document date, so
``anchor`` is None and ``needs_anchor`` False whatever ``was`` held. Years the
English rules do not read (before 1000, after 2099) are written in EDTF
("0999-03-17"), which ``parse_date_phrase`` reads back just as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .edtf_form import to_edtf
from .fuzzy_date import FuzzyDate
from .timex_value import bounds, interval, last_day

__all__ = ["describe_days", "fuzzy_date_for_bounds"]

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_SEASON_OF_MONTH = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")
_COUNT_WORDS = ("first", "second", "third", "fourth")
_PARTS = ("START", "MID", "END")
_PART_WORDS = {"START": "early ", "MID": "mid-", "END": "late "}

# The English rules read four-digit years from 1000 to 2099; centuries are written in
# words up to the 21st.
_ENGLISH_YEARS = range(1000, 2100)
_ENGLISH_CENTURIES = range(0, 21)       # "00XX" (1st century) to "20XX" (21st)
# "the 1700s", "the 1800s", "the 1900s" are read as centuries, not decades.
_CENTURY_LIKE_DECADES = frozenset({170, 180, 190})
# Units whose first, middle and last part is described on its own; a part of a
# season is always a whole month, so it is kept only when the old date said so.
_PARTS_BY_DEFAULT = ("month", "year", "decade", "century")
_PARTS_IF_KEPT = ("season",)


@dataclass(frozen=True)
class _Unit:
    """A calendar unit as TIMEX3 writes it, with its granularity."""

    value: str
    grain: str


@dataclass(frozen=True)
class _Choice:
    unit: _Unit
    mod: str | None = None


def fuzzy_date_for_bounds(earliest: date, latest: date, *,
                          was: FuzzyDate | None = None) -> FuzzyDate:
    """The fuzzy date that says exactly ``earliest``..``latest`` the most naturally.

    ``was`` (the date before a drag) lends its flavour (approximate, a part of a
    season) where the new days still fit it. Raises ValueError if the days are
    in the wrong order. See the module docstring for the rules and examples.
    """
    if latest < earliest:
        raise ValueError(f"the latest day ({latest.isoformat()}) comes before the earliest "
                         f"({earliest.isoformat()})")
    units = _units_holding(earliest)
    whole = [u for u in units if bounds(u.value, None) == (earliest, latest)]
    parts = [_Choice(u, mod) for u in units for mod in _PARTS
             if u.grain in (*_PARTS_BY_DEFAULT, *_PARTS_IF_KEPT)
             and bounds(u.value, mod) == (earliest, latest)]
    approx, part_grain = _flavour(was)

    kept = [c for c in parts if part_grain is not None and c.unit.grain == part_grain]
    if kept:
        return _unit_date(kept[0], earliest, latest, approx=False)
    if whole:
        return _unit_date(_Choice(whole[0]), earliest, latest, approx=approx)
    default_parts = [c for c in parts if c.unit.grain in _PARTS_BY_DEFAULT]
    if default_parts:
        return _unit_date(default_parts[0], earliest, latest, approx=False)
    return _interval_date(earliest, latest)


# ------------------------------------------------------------------ choosing

def _units_holding(day: date) -> list[_Unit]:
    """Every calendar unit that holds ``day``, finest first."""
    y, m = day.year, day.month
    season_year = y - 1 if m <= 2 else y
    week_year, week, _ = day.isocalendar()
    return [
        _Unit(day.isoformat(), "day"),
        _Unit(f"{y:04d}-{m:02d}", "month"),
        _Unit(f"{week_year:04d}-W{week:02d}", "week"),
        _Unit(f"{y:04d}-Q{(m - 1) // 3 + 1}", "quarter"),
        _Unit(f"{season_year:04d}-{_SEASON_OF_MONTH[m - 1]}", "season"),
        _Unit(f"{y:04d}-H{(m - 1) // 6 + 1}", "half"),
        _Unit(f"{y:04d}", "year"),
        _Unit(f"{y // 10:03d}X", "decade"),
        _Unit(f"{y // 100:02d}XX", "century"),
    ]


def _flavour(was: FuzzyDate | None) -> tuple[bool, str | None]:
    """Whether ``was`` was approximate, and the grain whose part it named (if any)."""
    if was is None or was.mod is None:
        return False, None
    if was.mod == "APPROX":
        return True, None
    if was.mod in _PARTS:
        found = interval(was.value)
        if found is not None:
            return False, found[2]
    return False, None


# ------------------------------------------------------------------ describing

def _unit_date(choice: _Choice, earliest: date, latest: date, *, approx: bool) -> FuzzyDate:
    unit, mod = choice.unit, choice.mod
    phrase = _unit_phrase(unit, mod)
    # A week has no approximate form a parser reads back; a spelled-out range takes no "about".
    if approx and mod is None and unit.grain != "week" and not _is_range(unit):
        phrase, mod = (f"about {phrase}" if phrase else None), "APPROX"
    edtf = to_edtf(unit.value, mod)
    return FuzzyDate(phrase=phrase or edtf or unit.value, timex_type="DATE", value=unit.value,
                     mod=mod, edtf=edtf, earliest=earliest, latest=latest)


def _is_range(unit: _Unit) -> bool:
    """True where a unit is spelled as a range of years, which "about" cannot qualify."""
    return unit.grain == "decade" and int(unit.value[:3]) in _CENTURY_LIKE_DECADES


def _unit_phrase(unit: _Unit, mod: str | None) -> str | None:
    """English for a unit (and part of it), or None where the English rules cannot read it."""
    first, last, grain = interval(unit.value) or (None, None, unit.grain)
    if first is None or last is None:
        return None
    if grain == "century":
        number = int(unit.value[:2])
        if number not in _ENGLISH_CENTURIES:
            return None
        name = f"{_ordinal(number + 1)} century"
        return f"the {_PART_WORDS[mod]}{name}" if mod else f"the {name}"
    if first.year not in _ENGLISH_YEARS or last.year not in _ENGLISH_YEARS:
        return None
    year = str(first.year)
    if grain == "day":
        return _day(first)
    if grain == "week":
        return _days_range(first, last)
    if grain == "month":
        name = MONTH_NAMES[first.month - 1]
        return f"{_PART_WORDS[mod]}{name} {year}" if mod else f"{name} {year}"
    if grain == "quarter":
        return f"the {_COUNT_WORDS[int(unit.value[-1]) - 1]} quarter of {year}"
    if grain == "half":
        return f"the {_COUNT_WORDS[int(unit.value[-1]) - 1]} half of {year}"
    if grain == "season":
        name = f"{_SEASON_NAMES[unit.value[-2:]]} {year}"
        return f"{_PART_WORDS[mod]}{name}" if mod else name
    if grain == "year":
        return f"{_PART_WORDS[mod]}{year}" if mod else year
    if grain == "decade":
        if _is_range(unit):  # "the early 1900s" would be read as a century
            lo, hi = bounds(unit.value, mod)
            return f"{lo.year}–{hi.year}" if lo and hi else None
        name = f"{first.year}s"
        return f"the {_PART_WORDS[mod]}{name}" if mod else f"the {name}"
    return None


def describe_days(lo: date, hi: date) -> str:
    """Days as a reader says them, in English whatever the locale: "17 March 2025",
    "3–12 March 2025", "28 February – 3 March 2025", "28 December 2024 – 3 January 2025".
    """
    return _day(lo) if lo == hi else _days_range(lo, hi)


def _ordinal(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _day(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _days_range(lo: date, hi: date) -> str:
    """ "3–12 March 2025", "28 February – 3 March 2025", "28 December 2024 – 3 January 2025". """
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.day}–{hi.day} {MONTH_NAMES[hi.month - 1]} {hi.year}"
    if lo.year == hi.year:
        return f"{lo.day} {MONTH_NAMES[lo.month - 1]} – {_day(hi)}"
    return f"{_day(lo)} – {_day(hi)}"


def _grain_of_interval(lo: date, hi: date) -> str:
    """The coarsest grain both ends fall on: years, months or days."""
    whole_months = lo.day == 1 and hi.day == last_day(hi.year, hi.month)
    if whole_months and lo.month == 1 and hi.month == 12:
        return "year"
    return "month" if whole_months else "day"


def _interval_phrase(lo: date, hi: date) -> str | None:
    if lo.year not in _ENGLISH_YEARS or hi.year not in _ENGLISH_YEARS:
        return None
    grain = _grain_of_interval(lo, hi)
    if grain == "year":
        return f"{lo.year}–{hi.year}"
    if grain == "month":
        first, last = MONTH_NAMES[lo.month - 1], MONTH_NAMES[hi.month - 1]
        if lo.year == hi.year:
            return f"{first}–{last} {hi.year}"
        return f"{first} {lo.year} – {last} {hi.year}"
    return _days_range(lo, hi)


def _interval_edtf(lo: date, hi: date) -> str:
    grain = _grain_of_interval(lo, hi)
    if grain == "year":
        return f"{lo.year:04d}/{hi.year:04d}"
    if grain == "month":
        return f"{lo.year:04d}-{lo.month:02d}/{hi.year:04d}-{hi.month:02d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


def _interval_date(lo: date, hi: date) -> FuzzyDate:
    edtf = _interval_edtf(lo, hi)
    return FuzzyDate(phrase=_interval_phrase(lo, hi) or edtf, timex_type="DATE",
                     value=_enclosing_value(lo, hi), edtf=edtf, earliest=lo, latest=hi)


def _enclosing_value(lo: date, hi: date) -> str:
    """The finest TIMEX3 value holding both days, as the phrase parser chooses it.

    The same steps as ``edtf_form.enclosing_value`` (month, ISO week, quarter,
    year, decade, century), with years written in four digits before 1000 too.
    """
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    lo_week, hi_week = lo.isocalendar(), hi.isocalendar()
    if lo_week[:2] == hi_week[:2]:
        return f"{lo_week[0]:04d}-W{lo_week[1]:02d}"
    if lo.year == hi.year:
        if (lo.month - 1) // 3 == (hi.month - 1) // 3:
            return f"{lo.year:04d}-Q{(lo.month - 1) // 3 + 1}"
        return f"{lo.year:04d}"
    if lo.year // 10 == hi.year // 10:
        return f"{lo.year // 10:03d}X"
    if lo.year // 100 == hi.year // 100:
        return f"{lo.year // 100:02d}XX"
    return "XXXX"

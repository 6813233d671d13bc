"""Extended Date/Time Format (ISO 8601-2, EDTF) for TIMEX3 values, and back.

TIMEX3 says *what was written* (a season, a part of a month); EDTF is what
other tools (collection databases, timeline software) read. Where EDTF has no
direct form (a week, "early February") we write the interval of days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .timex_value import bounds, interval, last_day

# ISO 8601-2 sub-year groupings: 21-24 seasons, 33-36 quarters, 40-41 semesters.
SEASON_TO_EDTF = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}
EDTF_TO_SEASON = {"21": "SP", "22": "SU", "23": "FA", "24": "WI",
                  "25": "SP", "26": "SU", "27": "FA", "28": "WI",
                  "29": "SP", "30": "SU", "31": "FA", "32": "WI"}
EDTF_TO_QUARTER = {"33": "Q1", "34": "Q2", "35": "Q3", "36": "Q4", "40": "H1", "41": "H2"}
QUARTER_TO_EDTF = {v: k for k, v in EDTF_TO_QUARTER.items()}

_CLOCK = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$")
_DAY_PART = re.compile(r"^([\dX]{4}-[\dX]{2}-[\dX]{2})T(?:MO|AF|EV|NI|MI|DT)$")
_PLAIN = re.compile(r"^(?:\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\dX"
                    r"|XXXX|XXXX-XX|XXXX-\d{2}|XXXX-XX-XX|XXXX-\d{2}-\d{2})$")


def base_edtf(value: str) -> str | None:
    """The EDTF spelling of a TIMEX3 date value without its mod, or None."""
    if _PLAIN.match(value):
        return value
    if m := re.match(r"^(\d{2})(?:XX)?$", value):
        return f"{m[1]}XX"
    if m := re.match(r"^(\d{3})X?$", value):  # a decade: TIMEX3 "195", EDTF "195X"
        return f"{m[1]}X"
    if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        return f"{m[1]}-{SEASON_TO_EDTF[m[2]]}"
    if m := re.match(r"^(\d{4})-(Q[1-4]|H[12])$", value):
        return f"{m[1]}-{QUARTER_TO_EDTF[m[2]]}"
    if m := _CLOCK.match(value):
        return f"{m[1]}T{m[2]}:{m[3]}:{m[4] or '00'}"
    if m := _DAY_PART.match(value):
        return m[1]
    found = interval(value)
    if found is not None:  # weeks and weekends
        return f"{found[0].isoformat()}/{found[1].isoformat()}"
    return None


def to_edtf(value: str, mod: str | None, anchor: date | None = None) -> str | None:
    """EDTF for a TIMEX3 value and mod; None for durations, sets and references."""
    base = base_edtf(value)
    if base is None:
        return None
    if mod is None or mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        return base
    if mod == "APPROX":
        return base if "/" in base else base + "~"
    lo, hi = bounds(value, mod, anchor)
    if mod in ("START", "MID", "END"):
        if lo is None or hi is None or lo == hi:
            return base
        return f"{lo.isoformat()}/{hi.isoformat()}"
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return f"../{hi.isoformat()}" if hi is not None else None
    if mod in ("AFTER", "ON_OR_AFTER"):
        return f"{lo.isoformat()}/.." if lo is not None else None
    return base


# ----------------------------------------------------------------- reading EDTF

class EdtfError(ValueError):
    """The text looks like EDTF but names no real date; the message says why."""


@dataclass(frozen=True)
class EdtfReading:
    value: str              # TIMEX3 value
    mod: str | None
    edtf: str
    earliest: date | None
    latest: date | None


_EDTF_DATE = re.compile(
    r"^(?P<year>-?\d{4}|\d{3}X|\d{2}XX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|\dX|XX))?)?"
    r"(?P<q>[~?%])?$"
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")


def looks_like_edtf(text: str) -> bool:
    t = text.strip()
    return bool(t) and all(_EDTF_DATE.match(p) or p in ("", "..") for p in t.split("/")) \
        and t.count("/") <= 1 and t not in ("/", "..", "../..")


def _read_point(text: str) -> tuple[str, str | None, date, date]:
    """One EDTF date: TIMEX3 value, qualifier, first and last day."""
    m = _EDTF_DATE.match(text)
    if m is None:
        raise EdtfError(f"'{text}' is not a date I know how to read")
    year, month, day, qualifier = m["year"], m["month"], m["day"], m["q"]
    if year.startswith("-"):
        raise EdtfError("dates before the year 1 are not supported")
    if month is not None and month != "XX":
        number = int(month)
        if number in range(21, 25) or number in range(25, 33):
            if day is not None or "X" in year:
                raise EdtfError(f"a season ({month}) cannot have a day")
            value = f"{year}-{EDTF_TO_SEASON[month]}"
        elif month in EDTF_TO_QUARTER:
            if day is not None or "X" in year:
                raise EdtfError(f"a quarter or half year ({month}) cannot have a day")
            value = f"{year}-{EDTF_TO_QUARTER[month]}"
        elif not 1 <= number <= 12:
            raise EdtfError(f"there is no month {number}")
        else:
            value = f"{year}-{month}" if day is None else f"{year}-{month}-{day}"
            if day is not None and "X" not in day and "X" not in year \
                    and not 1 <= int(day) <= last_day(int(year), number):
                raise EdtfError(f"{_MONTH_NAMES[number - 1]} has "
                                    f"{last_day(int(year), number)} days in {year}")
    elif month == "XX":
        value = f"{year}-XX" if day is None else f"{year}-XX-{day}"
    else:
        value = year.rstrip("X") if year.endswith("X") and year[0] != "X" else year
    found = interval(value)
    if found is None:
        if "X" in value and not value.startswith("XXXX"):
            lo_year = int(year.replace("X", "0"))
            hi_year = int(year.replace("X", "9"))
            found = (date(max(lo_year, 1), 1, 1), date(hi_year, 12, 31), "year")
        else:
            raise EdtfError(f"'{text}' has too many unknown digits to place on a calendar")
    return value, qualifier, found[0], found[1]


def read_edtf(text: str) -> EdtfReading:
    """Read an EDTF date or interval ("2025-02~", "2024-21", "../2024-05", "a/b")."""
    t = text.strip()
    if "/" not in t:
        value, qualifier, lo, hi = _read_point(t)
        mod = "APPROX" if qualifier in ("~", "%") else None
        return EdtfReading(value, mod, t, lo, hi)
    left, right = t.split("/", 1)
    if left in ("", "..") and right in ("", ".."):
        raise EdtfError("an interval needs at least one end")
    if left in ("", ".."):
        value, _, _, hi = _read_point(right)
        return EdtfReading(value, "ON_OR_BEFORE", f"../{right}", None, hi)
    if right in ("", ".."):
        value, _, lo, _ = _read_point(left)
        return EdtfReading(value, "ON_OR_AFTER", f"{left}/..", lo, None)
    _, _, lo, _ = _read_point(left)
    _, _, _, hi = _read_point(right)
    if hi < lo:
        raise EdtfError(f"the interval ends ({right}) before it starts ({left})")
    return EdtfReading(enclosing_value(lo, hi), None, t, lo, hi)


def enclosing_value(lo: date, hi: date) -> str:
    """The finest TIMEX3 value whose interval holds both days (a month, week, year...)."""
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year}-{lo.month:02d}"
    if lo.isocalendar()[:2] == hi.isocalendar()[:2]:
        year, week, _ = lo.isocalendar()
        return f"{year}-W{week:02d}"
    if lo.year == hi.year:
        if (lo.month - 1) // 3 == (hi.month - 1) // 3:
            return f"{lo.year}-Q{(lo.month - 1) // 3 + 1}"
        return str(lo.year)
    if lo.year // 10 == hi.year // 10:
        return f"{lo.year // 10}"
    if lo.year // 100 == hi.year // 100:
        return f"{lo.year // 100:02d}"
    return "XXXX"

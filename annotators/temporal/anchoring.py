"""Turning relative phrases into calendar values against the document date (DCT).

Every function takes ``dct: date | None``. Without a DCT it returns the TIMEX3
value with X placeholders ("XXXX-XX-XX", "XXXX-WXX-1", "XXXX-03"): we never
fill a gap from today's date, because an archive article read today is not
about today.

``direction`` is -1 (the phrase points back, past tense), +1 (forward, future)
or 0 (no clue: take the nearest occurrence).
"""

from __future__ import annotations

from datetime import date, timedelta

from .timex_value import iso_week_value, last_day, shift_months

UNKNOWN_DAY = "XXXX-XX-XX"


def day_value(dct: date | None, offset_days: int) -> str:
    if dct is None:
        return UNKNOWN_DAY
    return (dct + timedelta(days=offset_days)).isoformat()


def weekday_date(dct: date, weekday: int, direction: int) -> date:
    """The weekday (1 = Monday) nearest the DCT in the given direction.

    A weekday equal to the DCT's is the DCT itself: "said Monday" in a Monday
    paper is that Monday. Without a direction, news reports the recent past.
    """
    delta = weekday - dct.isoweekday()
    if delta == 0:
        return dct
    if direction > 0:
        return dct + timedelta(days=delta % 7)
    return dct - timedelta(days=(-delta) % 7)


def weekday_value(dct: date | None, weekday: int, direction: int) -> str:
    if dct is None:
        return f"XXXX-WXX-{weekday}"
    return weekday_date(dct, weekday, direction).isoformat()


def relative_weekday_value(dct: date | None, weekday: int, relation: str) -> str:
    """'last Monday', 'next Monday', 'this Monday'."""
    if dct is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - dct.isoweekday()
    if relation in ("last", "past", "previous"):
        days = (-delta) % 7 or 7
        return (dct - timedelta(days=days)).isoformat()
    if relation in ("next", "coming", "following"):
        days = delta % 7 or 7
        return (dct + timedelta(days=days)).isoformat()
    return (dct + timedelta(days=delta)).isoformat()


# A day named without a year ("Nov. 4") that the tense puts most of a year away
# while the same day in the other direction is within weeks of the DCT: the
# tense guess is what is wrong. News leaves out the year of a day that close.
# "ballots postmarked by Nov. 4 would be counted" in a Nov. 6 story is two days
# back, not a year ahead. Months alone keep the tense ("will ... in February"
# written in March is next February).
_FAR = 300
_NEAR = 45


def _pick_year(dct: date, key: tuple[int, ...], direction: int, strict: bool = False) -> int:
    """Year of a recurring (month[, day]) key nearest the DCT in a direction."""
    here = (dct.month, dct.day)[: len(key)]

    def distance(year: int) -> int:
        month = key[0]
        day = min(key[1], last_day(year, month)) if len(key) > 1 else 15
        return abs((date(year, month, day) - dct).days)

    candidates = (dct.year - 1, dct.year, dct.year + 1)
    nearest = min(candidates, key=lambda y: (distance(y), y != dct.year))
    if direction < 0:
        year = dct.year if (key < here or (key == here and not strict)) else dct.year - 1
    elif direction > 0:
        year = dct.year if (key > here or (key == here and not strict)) else dct.year + 1
    else:
        return nearest
    if len(key) > 1 and not strict and distance(year) > _FAR and distance(nearest) <= _NEAR:
        return nearest
    return year


def month_value(dct: date | None, month: int, direction: int) -> str:
    """A month named without a year ("in December")."""
    if dct is None:
        return f"XXXX-{month:02d}"
    if month == dct.month:
        return f"{dct.year}-{month:02d}"
    return f"{_pick_year(dct, (month,), direction)}-{month:02d}"


def relative_month_value(dct: date | None, month: int, relation: str) -> str:
    """'last May', 'next May', 'this May'."""
    if dct is None:
        return f"XXXX-{month:02d}"
    if relation in ("last", "past", "previous"):
        return f"{_pick_year(dct, (month,), -1, strict=True)}-{month:02d}"
    if relation in ("next", "coming", "following"):
        return f"{_pick_year(dct, (month,), +1, strict=True)}-{month:02d}"
    return f"{dct.year}-{month:02d}"


def month_day_value(dct: date | None, month: int, day: int, direction: int) -> str:
    """A day named without a year ("March 30")."""
    if dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    year = _pick_year(dct, (month, day), direction)
    if month == 2 and day == 29 and last_day(year, 2) == 28:
        year = next(y for y in (dct.year, dct.year - 1, dct.year - 2, dct.year - 3)
                    if last_day(y, 2) == 29)
    return f"{year}-{month:02d}-{day:02d}"


def shifted_value(dct: date | None, unit: str, offset: int) -> str:
    """The calendar unit containing the DCT moved by ``offset`` units.

    unit: D, W, M, Q, H (half year), Y, DE, E. "last year" is ("Y", -1).
    """
    if dct is None:
        return {"D": UNKNOWN_DAY, "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX",
                "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "E": "XX", "WE": "XXXX-WXX-WE"
                }[unit]
    if unit == "D":
        return (dct + timedelta(days=offset)).isoformat()
    if unit in ("W", "WE"):
        value = iso_week_value(dct + timedelta(weeks=offset))
        return value + "-WE" if unit == "WE" else value
    if unit == "M":
        year, month = shift_months(dct.year, dct.month, offset)
        return f"{year}-{month:02d}"
    if unit == "Q":
        index = dct.year * 4 + (dct.month - 1) // 3 + offset
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "H":
        index = dct.year * 2 + (dct.month - 1) // 6 + offset
        return f"{index // 2}-H{index % 2 + 1}"
    if unit == "Y":
        return str(dct.year + offset)
    if unit == "DE":
        return f"{dct.year // 10 + offset}"
    if unit == "E":
        return f"{dct.year // 100 + offset:02d}"
    raise ValueError(unit)


def ago_value(dct: date | None, unit: str, amount: int) -> str:
    """'three years ago' -> the year three before the DCT, at the unit's granularity."""
    if unit in ("H", "MIN", "S"):
        return day_value(dct, 0)
    return shifted_value(dct, unit, -amount)


def _season_index(dct: date) -> tuple[int, int]:
    """(year of the season, index 0..3 of SP SU FA WI) the DCT falls in."""
    month = dct.month
    if month in (1, 2):
        return dct.year - 1, 3
    return dct.year, (month - 3) // 3


SEASONS = ("SP", "SU", "FA", "WI")


def season_value(dct: date | None, season: str, relation: str, direction: int = 0) -> str:
    """'last summer', 'this winter', 'next spring'; a bare 'in the spring' ('') uses direction.

    Winter belongs to the year it starts in: winter 2024 is December 2024 to February 2025.
    """
    if dct is None:
        return f"XXXX-{season}"
    year, current = _season_index(dct)
    target = SEASONS.index(season)
    if relation in ("last", "past", "previous"):
        return f"{year - 1 if target >= current else year}-{season}"
    if relation in ("next", "coming", "following"):
        return f"{year + 1 if target <= current else year}-{season}"
    if relation == "" and direction < 0:
        return f"{year if target <= current else year - 1}-{season}"
    if relation == "" and direction > 0:
        return f"{year if target >= current else year + 1}-{season}"
    if relation == "this" and season != "WI":
        return f"{dct.year}-{season}"  # "this spring" in January is the coming one
    return f"{year}-{season}"


def quarter_value(dct: date | None, quarter: int, direction: int) -> str:
    """'the third quarter' without a year: reports usually look back at a finished quarter."""
    if dct is None:
        return f"XXXX-Q{quarter}"
    current = (dct.month - 1) // 3 + 1
    back = (current - quarter) % 4
    forward = (quarter - current) % 4
    # Reports name the quarter just closed or the next one; the tense only
    # decides between quarters up to two away ("reports first-quarter results
    # next week" in May is this year's first quarter).
    if direction > 0 and forward <= 2:
        return f"{dct.year if quarter >= current else dct.year + 1}-Q{quarter}"
    if direction < 0 and back <= 2:
        return f"{dct.year if quarter <= current else dct.year - 1}-Q{quarter}"
    if back <= forward:
        return f"{dct.year if quarter <= current else dct.year - 1}-Q{quarter}"
    return f"{dct.year if quarter >= current else dct.year + 1}-Q{quarter}"

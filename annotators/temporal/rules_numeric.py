"""Rules for dates and times written in digits, shared by every language.

ISO 8601 ("2025-03-17", "2025-03-17T14:00"), day.month.year ("17.03.2025"),
slashed dates (month first in English, day first elsewhere) and clock times
("10 a.m.", "14:30 GMT").
"""

from __future__ import annotations

import re

from . import anchoring
from .candidate import Candidate, Context, Rule, candidate
from .rulekit import check_day


def _full_year(digits: str, ctx: Context) -> int:
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    pivot = (ctx.dct.year % 100 + 1) if ctx.dct else 50
    return 2000 + two if two <= pivot else 1900 + two


def iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= month <= 12:
        return None
    check_day(year, month, day)
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if m["H"]:
        hour, minute = int(m["H"]), int(m["M"])
        if hour > 24 or minute > 59:
            return None
        return candidate(m, "TIME", f"{value}T{hour:02d}:{minute:02d}", "iso-datetime",
                         confidence=0.95)
    return candidate(m, "DATE", value, "iso-date", confidence=0.95)


def numeric_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    a, b = int(m["a"]), int(m["b"])
    year = _full_year(m["y"], ctx)
    if m["sep"] == "/" and ctx.lang == "en" and a <= 12:
        month, day = a, b  # 03/17/2025
    else:
        day, month = a, b  # 17.03.2025, 17/03/2025
    if not 1 <= month <= 12:
        if m["sep"] == "/" and b <= 12:
            day, month = a, b
        else:
            return None
    check_day(year, month, day)
    return candidate(m, "DATE", f"{year:04d}-{month:02d}-{day:02d}", "numeric-date",
                     confidence=0.9)


def year_first(m: re.Match[str], ctx: Context) -> Candidate | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= month <= 12:
        return None
    check_day(year, month, day)
    return candidate(m, "DATE", f"{year:04d}-{month:02d}-{day:02d}", "numeric-date",
                     confidence=0.9)


_CLOCK_CONTEXT = frozenset({"at", "by", "until", "till", "from", "around", "about", "before",
                            "after", "since", "о", "об", "в", "у", "до", "с", "з", "à",
                            "um", "gegen", "vers", "ab", "bis"})


def clock(m: re.Match[str], ctx: Context) -> Candidate | None:
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    meridiem = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        if meridiem.startswith("p") and hour != 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
    elif not (m["tz"] or ctx.prev_word(m.start()) in _CLOCK_CONTEXT or ctx.phrase_mode):
        return None
    if hour > 24 or minute > 59:
        return None
    value = f"{anchoring.day_value(ctx.dct, 0)}T{hour:02d}:{minute:02d}"
    return candidate(m, "TIME", value, "clock", confidence=0.85, relative=True)


def military_clock(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"0500 GMT", wire style: four digits and a time zone."""
    value = f"{anchoring.day_value(ctx.dct, 0)}T{m['h']}:{m['min']}"
    return candidate(m, "TIME", value, "clock-military", confidence=0.85, relative=True)


_ZONES = (r"GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|CST|CDT|MSK|EET|EEST|Kyiv\s+time"
          r"|local\s+time|Uhr|год\.|ч\.")

RULES: tuple[Rule, ...] = (
    Rule("clock-military", ("digit",),
         rf"(?<![\w.:,$€£#/-])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?P<tz>{_ZONES})\b",
         military_clock, back=0, after=r"\s*(?:[A-Z]|Uhr|год|ч\.|local)"),
    Rule("iso-date", ("digit",),
         r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})"
         r"(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])", iso_date, back=0),
    Rule("numeric-date", ("digit",),
         r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
         r"(?![\w]|[./]\d)", numeric_date, back=0),
    Rule("year-first-date", ("digit",),
         r"(?<![\w./-])(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\w]|[./]\d)",
         year_first, back=0),
    Rule("clock-meridiem", ("digit",),
         rf"(?<![\w.:,])(?P<h>\d{{1,2}})(?:[:.](?P<min>\d{{2}}))?\s*(?P<ampm>[ap]\.\s?m\.?"
         rf"|[ap]m\b)(?:\s*(?P<tz>{_ZONES}))?", clock, back=0),
    Rule("clock", ("digit",),
         rf"(?<![\w.:,])(?P<h>\d{{1,2}})[:.](?P<min>\d{{2}})(?![\d.:]\d)(?P<ampm>)"
         rf"(?:\s*(?P<tz>{_ZONES}))?(?![\w:])", clock, back=0),
)

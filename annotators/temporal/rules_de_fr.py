"""German and French month names and the commonest day words (a bonus: dates only).

"17. März 2025", "im März 2025", "heute"; "17 mars 2025", "le 1er avril", "hier".
"""

from __future__ import annotations

import re

from . import anchoring
from . import lexicon as lx
from .candidate import Candidate, Context, Handler, Rule, candidate
from .patterns import alternation
from .rulekit import check_day

MONTHS = {**lx.MONTHS_DE, **lx.MONTHS_FR}


def day_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    month = MONTHS[m["mon"].lower()]
    day = 1 if m["day"].lower() == "1er" else int(m["day"])
    if m["year"]:
        year = int(m["year"])
        check_day(year, month, day)
        return candidate(m, "DATE", f"{year}-{month:02d}-{day:02d}", "day-month-year",
                         confidence=0.95)
    check_day(None, month, day)
    value = anchoring.month_day_value(ctx.dct, month, day, 0)
    return candidate(m, "DATE", value, "day-month", confidence=0.85, relative=True)


def month_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    month = MONTHS[m["mon"].lower()]
    if m["year"]:
        return candidate(m, "DATE", f"{m['year']}-{month:02d}", "month-year", confidence=0.95)
    if not (m["prep"] or ctx.phrase_mode):
        return None
    value = anchoring.month_value(ctx.dct, month, 0)
    return candidate(m, "DATE", value, "month", confidence=0.8, relative=True)


def deictic(days: dict[str, int]) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Candidate | None:
        value = anchoring.day_value(ctx.dct, days[m.group().lower().replace("’", "'")])
        return candidate(m, "DATE", value, "deictic-day", confidence=0.9, relative=True)
    return handler


def year(m: re.Match[str], ctx: Context) -> Candidate | None:
    return candidate(m, "DATE", m["year"], "year", confidence=0.85)


def _rules(months: dict[str, int], days: dict[str, int], prepositions: str,
           year_intro: str) -> tuple[Rule, ...]:
    month = f"(?:{alternation(months)})"
    return (
        Rule("day-month-year", ("digit",),
             rf"(?<![\w.])(?:le\s+)?(?P<day>\d{{1,2}}|1er)\.?\s+(?P<mon>{month})"
             rf"(?:\s+(?P<year>\d{{4}}))?(?!\w)", day_month),
        Rule("month-year", ("month",),
             rf"\b(?:(?P<prep>{prepositions})\s+)?(?P<t>(?P<mon>{month})(?:\s+(?P<year>\d{{4}}))?)"
             r"(?!\w)", month_year),
        Rule("year", ("digit",), rf"\b(?:{year_intro})\s+(?P<t>(?P<year>(?:1\d|20)\d\d))\b", year),
        Rule("deictic-day", ("deictic",), rf"\b(?:{alternation(days)})(?![\w'])",
             deictic(days)),
    )


RULES_DE = _rules(lx.MONTHS_DE, lx.DEICTIC_DAYS_DE, r"im|seit|bis|ab|Anfang|Mitte|Ende",
                  r"im\s+Jahr|im\s+Jahre|seit|bis|ab|von|nach|vor")
RULES_FR = _rules(lx.MONTHS_FR, lx.DEICTIC_DAYS_FR, r"en|depuis|jusqu'en|d[eé]but|fin|mi",
                  r"en|depuis|jusqu'en|avant|apr[eè]s|l'ann[ée]e")
TRIGGERS_DE = {"month": list(lx.MONTHS_DE), "deictic": list(lx.DEICTIC_DAYS_DE)}
TRIGGERS_FR = {"month": list(lx.MONTHS_FR), "deictic": list(lx.DEICTIC_DAYS_FR)}

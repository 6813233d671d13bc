"""Values that depend on the rest of the text, settled after the spans are chosen.

"the following year" and "a year later" point back at the latest date the text
named; "the next morning" and "the following spring" too. A clock time takes
the day it is attached to ("Sunday at 4:10 a.m.") or, failing that, a day named
earlier in the same sentence ("was held Saturday at the arena, beginning at
11 a.m."). Everything else keeps the DCT-based value the rule gave it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import anchoring
from .candidate import Candidate
from .timex_value import REFERENCES, interval, iso_week_value, shift_months

CLOCK_RULES = frozenset({"clock", "clock-meridiem", "clock-word", "clock-military"})
# Anaphors whose value is a suffix to put after the resolved unit: "the next
# morning" is ("D", +1) with value "TMO"; "the following spring" ("SEASON", +1)
# with value "SP".
DAYPART_ANAPHOR = "anaphoric-daypart"
SEASON_ANAPHOR = "anaphoric-season"


def _shift_reference(reference: str, unit: str, offset: int, keep_grain: bool) -> str | None:
    """Move a date value the text named by ``offset`` units of ``unit``.

    With ``keep_grain``, "a year earlier" after "the third quarter of 1989" is
    the third quarter of 1988, not just 1988.
    """
    found = interval(reference)
    if found is None:
        return None
    lo, _, granularity = found
    if unit == "Y":
        if keep_grain and granularity in ("month", "quarter", "half", "season"):
            return f"{lo.year + offset:04d}{reference[4:]}"
        return str(lo.year + offset)
    if unit == "M" and granularity in ("month", "day"):
        year, month = shift_months(lo.year, lo.month, offset)
        return f"{year}-{month:02d}"
    if unit == "W" and granularity in ("week", "day"):
        return iso_week_value(lo + timedelta(weeks=offset))
    if unit == "D" and granularity == "day":
        return (lo + timedelta(days=offset)).isoformat()
    if unit == "DE":
        return f"{lo.year // 10 + offset}"
    return None


def _season_after(reference: str, season: str, offset: int) -> str | None:
    """The first ``season`` after (offset > 0) or the last before (< 0) a named date.

    "In 1998 ... the following spring" is 1999-SP; "in the autumn of 2001 ...
    the previous summer" is 2001-SU.
    """
    found = interval(reference)
    if found is None:
        return None
    lo, hi, _ = found
    if offset == 0:
        return f"{lo.year}-{season}"
    years = range(hi.year - 1, hi.year + 3) if offset > 0 else range(lo.year, lo.year - 3, -1)
    for year in years:
        span = interval(f"{year}-{season}")
        if span is not None and ((offset > 0 and span[0] > hi) or (offset < 0 and span[1] < lo)):
            return f"{year}-{season}"
    return None


def _anaphor_value(c: Candidate, reference: str | None, dct: date | None) -> str | None:
    assert c.anaphor is not None
    unit, offset = c.anaphor
    if c.rule == SEASON_ANAPHOR:
        value = _season_after(reference, c.value, offset) if reference else None
        if value is None:
            c.relative = True
            value = anchoring.season_value(dct, c.value, "next" if offset > 0 else "last")
        return value
    suffix = c.value if c.rule == DAYPART_ANAPHOR else ""
    keep = c.rule == "anaphoric-shift"
    value = _shift_reference(reference, unit, offset, keep) if reference else None
    if value is None:
        c.relative = True
        value = anchoring.shifted_value(dct, unit, offset)
    return value + suffix


def _as_reference(c: Candidate) -> str | None:
    """The date value a later anaphor may point back to, if the candidate names one."""
    if c.rule in CLOCK_RULES or c.value in REFERENCES:
        return None
    if c.timex_type == "DATE" and interval(c.value):
        return c.value
    if c.timex_type == "TIME" and _FULL_DAY.match(c.value[:10]) and interval(c.value[:10]):
        return c.value[:10]
    return None


def resolve_anaphors(chosen: list[Candidate], dct: date | None) -> None:
    """Give "the following year" a value from the latest date mentioned before it.

    Without such a date, or when its granularity is too coarse ("1995" ... "the
    next day"), the DCT stands in, as TimeML annotators do.
    """
    reference: str | None = None
    for c in chosen:
        if c.anaphor is not None:
            try:
                value = _anaphor_value(c, reference, dct)
            except (ValueError, OverflowError):
                unit, offset = c.anaphor
                value = anchoring.shifted_value(None, unit, offset)
            if value is not None:
                c.value = value
        found = _as_reference(c)
        if found is not None:
            reference = found


_JOINER = re.compile(r"\s*(?:,\s*)?(?:(?:at|on|,)\s*)?(?:(?:about|around|approximately|roughly"
                     r"|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)$|^XXXX-WXX-\d$")
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The end of a sentence: a stop then a capital, or a line break ("a.m. the next day"
# and "Nov. 18" are not ends).
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+[\"“‘(]*[A-Z]|\n")
_SENTENCE_REACH = 240


def _day_of(other: Candidate) -> str | None:
    """The day a DATE or TIME candidate names (with its value), or None."""
    if other.rule in CLOCK_RULES:
        return None
    if other.timex_type == "DATE" and _DAY_VALUE.match(other.value):
        return other.value
    if other.timex_type == "TIME" and "T" in other.value \
            and _DAY_VALUE.match(other.value[:other.value.index("T")]):
        return other.value[:other.value.index("T")]
    return None


def attach_clock_times(chosen: list[Candidate], text: str) -> None:
    """"next Tuesday at 10 a.m.": the clock time is on that Tuesday, not on the DCT.

    A clock time with a day right beside it takes that day; one without takes
    the day last named in the same sentence, if any.
    """
    for i, c in enumerate(chosen):
        if c.rule not in CLOCK_RULES:
            continue
        neighbours = []
        if i > 0:
            neighbours.append((chosen[i - 1], text[chosen[i - 1].end:c.start]))
        if i + 1 < len(chosen):
            neighbours.append((chosen[i + 1], text[c.end:chosen[i + 1].start]))
        day = None
        for other, gap in neighbours:
            if len(gap) <= 24 and _JOINER.fullmatch(gap) and _day_of(other):
                day = other
                break
        if day is None:
            for other in reversed(chosen[:i]):
                if c.start - other.end > _SENTENCE_REACH or \
                        _SENTENCE_END.search(text, other.end, c.start):
                    break
                if _day_of(other):
                    day = other
                    break
        if day is not None:
            value = _day_of(day)
            assert value is not None
            c.value = value + c.value[c.value.index("T"):]
            c.relative = day.relative


"""English rules for dates that carry their own calendar position.

"3 March 2024", "March 3, 2024", "January 2025", "in 1998", "the 1950s",
"the 19th century", "Q3 2024", "summer 2023", "nineteen ninety-one", holidays.
A month or day without a year is resolved against the DCT here too, because it
shares the patterns ("March 30", "in December").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import anchoring
from . import lexicon as lx
from . import patterns as p
from .candidate import Candidate, Context, Rule, candidate
from .numbers import spelled_year
from .rulekit import (
    FUNCTION_WORDS,
    apply_position,
    check_day,
    followed_by_noun,
    is_capitalized,
    month_number,
    position,
)

YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
YEAR_CONTEXT = lx.DATE_CONTEXT_WORDS_EN | {
    "the", "in", "circa", "c", "ca", "year", "years", "with", "vs", "versus", "against",
    "over", "at", "since", "late", "fiscal", "calendar", "summer", "winter", "spring", "autumn",
}
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# A year that is the subject of a verb ("Still, 2025 is likely to ...") needs no
# preposition before it.
_AFTER_SUBJECT_YEAR = frozenset({"is", "was", "will", "would", "has", "had", "could", "may",
                                 "might", "should", "saw", "brought", "marked", "began",
                                 "ended", "became", "remains", "remained", "looks"})


def _year_is_plausible(year: int, ctx: Context) -> bool:
    if ctx.phrase_mode:
        return 1000 <= year <= 2099
    ceiling = (ctx.dct.year if ctx.dct else 2030) + 30
    return 1000 <= year <= ceiling


def _with_weekday(m: re.Match[str]) -> bool:
    return bool(m.groupdict().get("wd"))


def month_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    month_token = m["mon"]
    if not is_capitalized(month_token) and not ctx.phrase_mode:
        return None
    month = month_number(month_token)
    day = int(m["day"])
    if m["year"]:
        year = int(m["year"])
        check_day(year, month, day)
        return candidate(m, "DATE", f"{year}-{month:02d}-{day:02d}", "month-day-year",
                         confidence=0.95)
    if day > 31:
        return None
    check_day(None, month, day)
    if (month, day) == (9, 11) and ctx.next_word(m.end()).lower() in _ELEVEN_SEPTEMBER and \
            (ctx.dct is None or ctx.dct.year >= 2002):
        return candidate(m, "DATE", "2001-09-11", "month-day", confidence=0.85)
    value = anchoring.month_day_value(ctx.dct, month, day, ctx.direction(m.start(), m.end()))
    return candidate(m, "DATE", value, "month-day", confidence=0.9, relative=True)


_ELEVEN_SEPTEMBER = frozenset({"attack", "attacks", "terrorist", "terror", "hijackers",
                               "hijacking", "hijackings", "commission", "strikes"})


def month_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    if not is_capitalized(m["mon"]) and not ctx.phrase_mode:
        return None
    year = int(m["year"])
    if not _year_is_plausible(year, ctx):
        return None
    value, mod = apply_position(f"{year}-{month_number(m['mon']):02d}", m["pmod"])
    return candidate(m, "DATE", value, "month-year", mod=mod, confidence=0.95)


# Words before a month name alone that make it a date ("in March", not "The March on ...")
MONTH_CONTEXT = frozenset({
    "in", "since", "until", "till", "til", "by", "during", "of", "from", "to", "through",
    "throughout", "before", "after", "between", "and", "or", "early", "late", "mid", "last",
    "next", "this", "each", "every", "on", "around", "circa", "about", "into", "than", "for",
})
# "May" is also a name and a verb: only the plainly temporal contexts
MAY_CONTEXT = frozenset({
    "in", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "next",
    "this", "of", "from", "through", "throughout", "before", "after", "between", "each",
    "every",
})


def bare_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    token = m["mon"]
    month = month_number(token)
    if not ctx.phrase_mode:
        if not is_capitalized(token):
            return None
        context = MAY_CONTEXT if month == 5 else MONTH_CONTEXT
        possessive = month != 5 and ctx.text[m.end():m.end() + 2] in ("'s", "’s")
        if not (m["pmod"] or m["rel"] or possessive) and ctx.prev_word(m.start()) not in context:
            return None  # "October's losses" is a date; "May's" may be a person
    if m["rel"]:
        value = anchoring.relative_month_value(ctx.dct, month, m["rel"].lower())
    else:
        value = anchoring.month_value(ctx.dct, month, ctx.direction(m.start(), m.end()))
    value, mod = apply_position(value, m["pmod"])
    return candidate(m, "DATE", value, "month", mod=mod, confidence=0.85, relative=True)


# prepositions that also introduce amounts ("by 2010 votes")
_QUANTITY_PREPOSITIONS = frozenset({"by", "to", "from", "of", "than", "about", "around", "over",
                                    "with", "at", "and", "or", "between", "the"})


_RAW_PREVIOUS = re.compile(r"([A-Za-z]+)\s+\Z")


def _bare_year(m: re.Match[str], number: int, before: str, after: str, ctx: Context) -> bool:
    """A recent year named without a preposition, as subject or object of a verb.

    "said 2024 narrowly beat 2023, the record holder", "Still, 2025 is likely":
    followed by a verb, an adverb in -ly, or (after a lower-case verb, not a
    name such as "Orion 1980,") by punctuation.
    """
    if ctx.dct is None or not ctx.dct.year - 30 <= number <= ctx.dct.year + 5:
        return False
    low = after.lower()
    if low in _AFTER_SUBJECT_YEAR or (low.endswith("ly") and len(low) > 3):
        return True
    raw = _RAW_PREVIOUS.search(ctx.text, max(0, m.start() - 30), m.start())
    return ctx.text[m.end():m.end() + 1] in (",", ".", ";") and raw is not None \
        and raw.group(1).islower() and before not in FUNCTION_WORDS


def year(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = int(m["year"])
    if not _year_is_plausible(number, ctx):
        return None
    strong = bool(m["pmod"] or m["intro"]) or ctx.phrase_mode
    if not strong:
        before = ctx.prev_word(m.start())
        after = ctx.next_word(m.end())
        listed = bool(re.fullmatch(YEAR, before)) and before != m["year"]
        opening = ctx.at_sentence_start(m.start()) and ctx.text[m.end():m.end() + 1] == ","
        if before in _POSSESSIVES:
            if re.fullmatch(r"[a-z]+s", after):
                return None  # "its 2000 employees"
        elif not (before in YEAR_CONTEXT or listed or opening
                  or _bare_year(m, number, before, after, ctx)):
            return None
        quantity_like = before in _QUANTITY_PREPOSITIONS or not 1900 <= number <= 2049
        if before == "the" and 1900 <= number <= 2049:
            quantity_like = bool(re.fullmatch(r"[a-z]+[^siu]s", after))  # "the 2000 troops"
        if quantity_like and followed_by_noun(after):
            return None  # "rose by 2010 votes", "paid 1998 dollars"; "the 1991 primary" stays
    value, mod = apply_position(m["year"], m["pmod"])
    return candidate(m, "DATE", value, "year", mod=mod, confidence=0.9 if strong else 0.8)


def decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    mod, _ = position(m["pmod"])
    if m["full"]:
        digits = m["full"]
        if digits.endswith("00") and digits[:2] in ("17", "18", "19"):
            return candidate(m, "DATE", digits[:2], "century-hundreds", mod=mod, confidence=0.8)
        return candidate(m, "DATE", f"{digits[:3]}", "decade", mod=mod, confidence=0.9)
    if not (m["the"] or m["short"] or ctx.phrase_mode):
        return None  # "in his 60s" is an age; "'60s" with its apostrophe is a decade
    short = m["short"] or m["short2"]
    tens = int(short) // 10 if short else lx.DECADE_WORDS_EN[m["word"].lower()]
    reference = ctx.dct.year if ctx.dct else 2000
    century = 20 if 2000 + tens * 10 <= reference - 10 else 19
    return candidate(m, "DATE", f"{century}{tens}", "decade", mod=mod, confidence=0.85)


def century(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = int(m["num"]) if m["num"] else lx.ORDINALS_EN[" ".join(m["word"].lower().split())]
    if not 1 <= number <= 22:
        return None
    mod, _ = position(m["pmod"])
    return candidate(m, "DATE", f"{number - 1:02d}", "century", mod=mod, confidence=0.9)


def spoken_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = spelled_year(m.group())
    if number is None or not _year_is_plausible(number, ctx):
        return None
    if m.group().lower().startswith(("two thousand", "twenty")) and not ctx.phrase_mode \
            and ctx.prev_word(m.start()) not in YEAR_CONTEXT:
        return None
    return candidate(m, "DATE", str(number), "spoken-year", confidence=0.8)


_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "final": 4}


def quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = int(m["qn"] or m["qn2"] or 0) or _QUARTER_WORDS[m["ord"].lower()]
    year_text = m["year"] or m["year2"] or m["qyear"] or m["qyear2"]
    if year_text:
        digits = year_text.lstrip("'’")
        number_year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        return candidate(m, "DATE", f"{number_year}-Q{number}", "quarter-year", confidence=0.9)
    if m["rel"]:
        offset = {"this": 0, "the": 0, "last": -1, "next": 1}[m["rel"].lower()]
        base = anchoring.shifted_value(ctx.dct, "Y", offset)
        return candidate(m, "DATE", f"{base}-Q{number}", "quarter-of-year", confidence=0.85,
                         relative=True)
    if not m["ord"]:
        return None
    value = anchoring.quarter_value(ctx.dct, number, ctx.direction(m.start(), m.end()))
    return candidate(m, "DATE", value, "quarter", confidence=0.8, relative=True)


def season_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    season = lx.SEASONS_EN[m["season"].lower()]
    mod, _ = position(m["pmod"])
    return candidate(m, "DATE", f"{m['year']}-{season}", "season-year", mod=mod,
                     confidence=0.9)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous algorithm from the Nature letter of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> date:
    key = " ".join(name.lower().replace("’", "'").split())
    if key.startswith("christmas eve"):
        return date(year, 12, 24)
    if key.startswith("christmas"):
        return date(year, 12, 25)
    if key.startswith("new year's eve"):
        return date(year, 12, 31)
    if key.startswith("new year"):
        return date(year, 1, 1)
    if key.startswith("valentine"):
        return date(year, 2, 14)
    if key.startswith("halloween"):
        return date(year, 10, 31)
    if key.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    easter = _easter(year)
    if key.endswith("monday"):
        return easter + timedelta(days=1)
    return easter


def holiday(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m["name"]
    if m["year"]:
        return candidate(m, "DATE", _holiday_date(name, int(m["year"])).isoformat(),
                         "holiday", confidence=0.9)
    if ctx.dct is None:
        return candidate(m, "DATE", anchoring.UNKNOWN_DAY, "holiday", confidence=0.7,
                         relative=True)
    rel = (m["rel"] or "").lower()
    direction = {"last": -1, "next": 1}.get(rel, ctx.direction(m.start(), m.end()))
    options = [_holiday_date(name, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    if direction < 0:
        chosen = max(d for d in options if d <= ctx.dct)
    elif direction > 0:
        chosen = min(d for d in options if d >= ctx.dct)
    elif rel == "this":
        chosen = options[1]
    else:
        chosen = min(options, key=lambda d: abs((d - ctx.dct).days) if ctx.dct else 0)
    return candidate(m, "DATE", chosen.isoformat(), "holiday", confidence=0.8, relative=True)


_WD = rf"(?:(?P<wd>{p.WEEKDAY_OR_ABBR}),?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_PMOD = rf"(?:(?P<pmod>{p.POSITION_MOD})[\s-]*)?"
_QORD = r"first|second|third|fourth|1st|2nd|3rd|4th|final"

RULES: tuple[Rule, ...] = (
    Rule("month-day-year", ("month",),
         rf"\b{_WD}(?:the\s+)?(?P<mon>{p.MONTH})\s*(?P<day>\d{{1,2}}){_ORD}\b(?![:.,]?\d)"
         rf"(?:,?\s+(?P<year>{YEAR})\b)?", month_day, back=20,
         lead=p.leads(p.MONTH_LEADS, p.WEEKDAY_LEADS, ("the",), p.DIGIT_LEADS)),
    Rule("day-month-year", ("month",),
         rf"\b{_WD}(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<mon>{p.MONTH})"
         rf"(?:,?\s+(?P<year>{YEAR})\b)?", month_day, back=28,
         lead=p.leads(p.WEEKDAY_LEADS, ("the",), p.DIGIT_LEADS)),
    Rule("month-year", ("month",),
         rf"\b{_PMOD}(?P<mon>{p.MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})\b(?!\s*[-/]\d)",
         month_year, back=28,
         lead=p.leads(p.MONTH_LEADS, p.POSITION_LEADS)),
    Rule("month", ("month",),
         rf"\b(?:(?P<rel>last|next|this|past|coming)\s+)?{_PMOD}"
         rf"(?P<mon>{p.alternation(lx.MONTHS_EN)}|Sept\.|Sept\b)(?![\w-])", bare_month, back=36,
         lead=p.leads(p.MONTH_LEADS, p.POSITION_LEADS, p.RELATION_LEADS)),
    Rule("year", ("digit",),
         rf"(?<![\w$£€#.,/-]){_PMOD}(?:(?P<intro>(?:the\s+)?(?:fiscal|calendar|financial)"
         rf"(?:\s+year)?|the\s+year|FY)\s*)?(?P<year>{YEAR})(?![\w%-]|[.,]\d|\s*(?:%|per\s*cent))",
         year, back=36,
         lead=p.leads(p.DIGIT_LEADS, p.POSITION_LEADS, ("fiscal", "calendar", "financial", "fy"))),
    Rule("decade", ("digit", "yearword"),
         rf"(?:\b|(?=['’]))(?:(?P<the>the)\s+)?(?:(?P<pmod>early|mid|late)[\s-]*)?"
         rf"(?:(?P<full>1\d{{2}}0|20\d0)['’]?s|['’](?P<short>\d0)['’]?s|(?P<short2>\d0)['’]?s"
         rf"|(?P<word>{p.alternation(lx.DECADE_WORDS_EN)}))\b", decade, back=12,
         lead=p.leads(("the", "early", "mid", "late", "'", "’"), p.DIGIT_LEADS,
                      lx.DECADE_WORDS_EN)),
    Rule("century", ("unit",),
         rf"\b(?:the\s+)?(?:(?P<pmod>early|mid|late)[\s-]*)?(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)"
         rf"|(?P<word>{p.ORDINAL_WORD}))[\s-]+century\b", century,
         back=22, words=frozenset({"century"}),
         lead=p.leads(("the", "early", "mid", "late"), p.ORDINAL_LEADS, p.DIGIT_LEADS)),
    Rule("spoken-year", ("yearword",),
         rf"\b(?:(?:seventeen|eighteen|nineteen|twenty)[\s-]+(?:hundred|oh[\s-]+"
         rf"(?:{p.SMALL_NUMBER_WORD})|(?:{p.TENS_WORD})(?:[\s-](?:{p.SMALL_NUMBER_WORD}))?"
         rf"|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))"
         rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{p.NUMBER_WORD}))?)\b"
         rf"(?![\s-]+(?:hundred|thousand|million|people|troops|of)\b)", spoken_year, back=6),
    Rule("quarter", ("unit", "quarter"),
         rf"\b(?:(?:the\s+)?(?P<ord>{_QORD})[\s-]+quarter(?:\s+of\s+(?:(?P<year>{YEAR})"
         rf"|(?P<rel>this|last|next|the)\s+(?:(?:fiscal|calendar)\s+)?year))?"
         rf"(?:,?\s+(?:of\s+)?(?P<year2>{YEAR}))?|Q(?P<qn>[1-4])(?:\s*[-/ ]?\s*(?P<qyear>{YEAR}"
         rf"|['’]\d{{2}}))?|(?P<qn2>[1-4])Q(?:\s*(?P<qyear2>{YEAR}))?)(?![\w-])", quarter,
         back=14, words=frozenset({"quarter", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"}),
         lead=p.leads(("the", "final", "q1", "q2", "q3", "q4"), p.ORDINAL_LEADS, p.DIGIT_LEADS)),
    Rule("season-year", ("season",),
         rf"\b(?:(?P<pmod>early|mid|late)[\s-]*)?(?:the\s+)?(?P<season>{p.SEASON})"
         rf"(?:\s+of)?,?\s+(?P<year>{YEAR})\b", season_year, back=14,
         lead=p.leads(lx.SEASONS_EN, ("the", "early", "mid", "late"))),
    Rule("holiday", ("holiday", "unit"),
         r"\b(?:(?P<rel>last|this|next)\s+)?(?P<name>christmas(?:\s+(?:eve|day))?"
         r"|new\s+year['’]?s(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?"
         r"|easter(?:\s+(?:sunday|monday))?|halloween|valentine['’]?s\s+day)"
         rf"(?:,?\s+(?P<year>{YEAR}))?\b", holiday,
         back=12,
         words=frozenset({"year", "christmas", "thanksgiving", "easter", "halloween", "valentine"}),
         lead=p.leads(("last", "this", "next", "new", "christmas", "easter", "thanksgiving",
                            "halloween", "valentine"))),
)

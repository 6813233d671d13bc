"""Ukrainian and Russian rules: dates with month names, years, relative words.

"17 березня 2025 року", "17 марта 2025 года", "у березні", "вчора", "вчера",
"у понеділок", "в понедельник", "минулого року", "в прошлом году", "зараз",
"три роки тому", "1950-х років", "XIX століття". Spans leave out prepositions
("у", "в", "на"), as TimeML does in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import anchoring
from . import lexicon as lx
from .candidate import Candidate, Context, Rule, candidate
from .patterns import alternation
from .rulekit import check_day
from .timex_value import duration_value

MONTH_FORMS_UK: dict[str, int] = {}
for _stem, _number in lx.MONTH_STEMS_UK.items():
    _endings = ("а", "і", "") if _stem == "листопад" else (
        ("ий", "ого", "ому") if _stem == "лют" else ("ень", "ня", "ні"))
    for _ending in _endings:
        MONTH_FORMS_UK[_stem + _ending] = _number
MONTH_FORMS_RU: dict[str, int] = {}
for _stem, _number in lx.MONTH_STEMS_RU.items():
    _endings = ("", "а", "е") if _stem in ("март", "август") else (
        ("й", "я", "е") if _stem == "ма" else ("ь", "я", "е"))
    for _ending in _endings:
        MONTH_FORMS_RU[_stem + _ending] = _number

MONTH_FORMS = {**MONTH_FORMS_UK, **MONTH_FORMS_RU}
WEEKDAYS = {**lx.WEEKDAYS_UK, **lx.WEEKDAYS_RU}
DEICTIC_DAYS = {**lx.DEICTIC_DAYS_UK, **lx.DEICTIC_DAYS_RU}
REFERENCES = {**lx.REFERENCES_UK, **lx.REFERENCES_RU}
RELATIVE_WORDS = {**lx.RELATIVE_WORDS_UK, **lx.RELATIVE_WORDS_RU}
UNIT_WORDS = {**lx.UNIT_WORDS_UK, **lx.UNIT_WORDS_RU}
NUMBER_WORDS = {**lx.NUMBER_WORDS_UK, **lx.NUMBER_WORDS_RU}


def _alt(words: Iterable[str]) -> str:
    return alternation(words)


def _apostrophes(word: str) -> str:
    return word.replace("'", "['’ʼ]")


MONTH = f"(?:{_alt(MONTH_FORMS)})"
WEEKDAY = "(?:" + "|".join(_apostrophes(w) for w in sorted(WEEKDAYS, key=len, reverse=True)) + ")"
YEAR_WORD = r"(?:року|році|рік|рр?\.|года|году|год|гг?\.)"
UNIT = f"(?:{_alt(UNIT_WORDS)})"
NUMBER = "(?:\\d+|" + "|".join(_apostrophes(w) for w in sorted(NUMBER_WORDS, key=len,
                                                                 reverse=True)) + ")"
PREPOSITION = r"(?:у|в|во|на|з|із|зі|с|со|до|від|по|от|к|після|после|перед|протягом|з)"
POSITION = (r"(?P<pmod>початку|початок|середині|посередині|кінці|наприкінці|кінця"
            r"|начале|середине|конце|концу)")
_POSITION_MODS = {"початку": "START", "початок": "START", "середині": "MID",
                  "посередині": "MID", "наприкінці": "END", "кінці": "END", "кінця": "END",
                  "начале": "START", "середине": "MID", "конце": "END", "концу": "END"}


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


def _pmod(m: re.Match[str]) -> str | None:
    text = m.groupdict().get("pmod")
    return _POSITION_MODS.get(_norm(text).split()[-1]) if text else None


def day_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    month = MONTH_FORMS[_norm(m["mon"])]
    day = int(m["day"])
    if m["year"]:
        year = int(m["year"])
        check_day(year, month, day)
        return candidate(m, "DATE", f"{year}-{month:02d}-{day:02d}", "day-month-year",
                         confidence=0.95)
    check_day(None, month, day)
    value = anchoring.month_day_value(ctx.dct, month, day, ctx.direction(m.start(), m.end()))
    return candidate(m, "DATE", value, "day-month", confidence=0.9, relative=True)


def month(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = MONTH_FORMS[_norm(m["mon"])]
    mod = _pmod(m)
    if m["year"]:
        return candidate(m, "DATE", f"{m['year']}-{number:02d}", "month-year", mod=mod,
                         confidence=0.95)
    if not (m["prep"] or mod or ctx.phrase_mode):
        return None
    value = anchoring.month_value(ctx.dct, number, ctx.direction(m.start(), m.end()))
    return candidate(m, "DATE", value, "month", mod=mod, confidence=0.85, relative=True)


def year(m: re.Match[str], ctx: Context) -> Candidate | None:
    if not (m["yw"] or m["prep"] or _pmod(m) or ctx.phrase_mode):
        return None
    return candidate(m, "DATE", m["year"], "year", mod=_pmod(m), confidence=0.9)


def decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    return candidate(m, "DATE", f"{m['dec'][:3]}", "decade", confidence=0.9)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def century(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = _roman(m["roman"].upper()) if m["roman"] else int(m["num"])
    if not 1 <= number <= 22:
        return None
    return candidate(m, "DATE", f"{number - 1:02d}", "century", confidence=0.9)


def deictic_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    offset = DEICTIC_DAYS[_norm(m.group())]
    return candidate(m, "DATE", anchoring.day_value(ctx.dct, offset), "deictic-day",
                     confidence=0.95, relative=True)


def reference(m: re.Match[str], ctx: Context) -> Candidate | None:
    value = REFERENCES[" ".join(_norm(m.group()).split())]
    return candidate(m, "DATE", value, "reference", confidence=0.8, relative=True)


def relative_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m["last_year"]:
        return candidate(m, "DATE", anchoring.shifted_value(ctx.dct, "Y", -1), "unit-relative",
                         confidence=0.9, relative=True)
    unit = UNIT_WORDS[_norm(m["unit"])]
    if unit not in ("Y", "M", "W", "DE", "E"):
        return None
    value = anchoring.shifted_value(ctx.dct, unit, RELATIVE_WORDS[_norm(m["rel"])])
    return candidate(m, "DATE", value, "unit-relative", confidence=0.9, relative=True)


def weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    day = WEEKDAYS[_norm(m["wd"])]
    if m["rel"]:
        offset = RELATIVE_WORDS[_norm(m["rel"])]
        relation = {-1: "last", 0: "this", 1: "next"}[offset]
        value = anchoring.relative_weekday_value(ctx.dct, day, relation)
        rule = "weekday-relative"
    else:
        value = anchoring.weekday_value(ctx.dct, day, ctx.direction(m.start(), m.end()))
        rule = "weekday"
    return candidate(m, "DATE", value, rule, confidence=0.9, relative=True)


def _amount(word: str | None) -> float | None:
    if not word:
        return 1.0
    key = _norm(word)
    if key.isdigit():
        return float(key)
    number = NUMBER_WORDS[key]
    return None if number < 0 else float(number)


def ago(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit = UNIT_WORDS[_norm(m["unit"])]
    amount = _amount(m["q"])
    if amount is None:
        return candidate(m, "DATE", "PAST_REF", "ago-vague", confidence=0.75, relative=True)
    if unit in ("H", "MIN"):
        return candidate(m, "TIME", anchoring.day_value(ctx.dct, 0), "ago", confidence=0.8,
                         relative=True)
    value = anchoring.ago_value(ctx.dct, unit, int(amount))
    return candidate(m, "DATE", value, "ago", confidence=0.9, relative=True)


def duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit = UNIT_WORDS[_norm(m["unit"])]
    amount = _amount(m["q"])
    if amount is not None and amount >= 1000:
        return None
    return candidate(m, "DURATION", duration_value(amount, unit), "duration", confidence=0.8)


_NOT_BEFORE = r"(?<![\w'’ʼ])"
_NOT_AFTER = r"(?![\w'’ʼ])"

RULES: tuple[Rule, ...] = (
    Rule("day-month-year", ("digit",),
         rf"{_NOT_BEFORE}(?P<day>\d{{1,2}})(?:-?(?:го|е|а))?\s+(?P<mon>{MONTH})"
         rf"(?:\s+(?P<year>\d{{4}})(?:\s*{YEAR_WORD})?)?{_NOT_AFTER}", day_month),
    Rule("month", ("month",),
         rf"{_NOT_BEFORE}(?:(?P<prep>у|в|во|з|із|с|до|по|від|от|на|к|з)\s+)?"
         rf"(?P<t>(?:{POSITION}\s+)?(?P<mon>{MONTH})(?:\s+(?P<year>\d{{4}})"
         rf"(?:\s*{YEAR_WORD})?)?){_NOT_AFTER}",
         month),
    Rule("year", ("digit",),
         rf"{_NOT_BEFORE}(?:(?P<prep>{PREPOSITION})\s+)?(?P<t>(?:{POSITION}\s+)?(?P<year>"
         rf"(?:1[0-9]|20)\d{{2}})(?:\s*-?(?:го|й|му|м)?\s*(?P<yw>{YEAR_WORD}))?)"
         rf"(?![\w%-])", year),
    Rule("decade", ("digit",),
         rf"{_NOT_BEFORE}(?P<dec>1\d{{2}}0|20\d0)-?(?:х|ті|ие|е|ых|их|ях)"
         rf"(?:\s+(?:років|роках|роки|годов|годах|годы|рр\.|гг\.))?{_NOT_AFTER}", decade),
    Rule("century", ("century",),
         rf"{_NOT_BEFORE}(?:(?P<roman>[IVXL]+)|(?P<num>\d{{1,2}})(?:-?(?:го|й|му|м))?)\s+"
         rf"(?:століття|столітті|ст\.|века|веке|век|вв?\.){_NOT_AFTER}", century),
    Rule("deictic-day", ("deictic",), rf"{_NOT_BEFORE}(?:{_alt(DEICTIC_DAYS)}){_NOT_AFTER}",
         deictic_day),
    Rule("reference", ("deictic",), rf"{_NOT_BEFORE}(?:{_alt(REFERENCES)}){_NOT_AFTER}",
         reference),
    Rule("unit-relative", ("relative", "deictic"),
         rf"{_NOT_BEFORE}(?:(?P<rel>{_alt(RELATIVE_WORDS)})\s+(?P<unit>{UNIT})"
         rf"|(?P<last_year>торік|минулоріч)){_NOT_AFTER}", relative_unit),
    Rule("weekday", ("weekday",),
         rf"{_NOT_BEFORE}(?:(?P<rel>{_alt(RELATIVE_WORDS)})\s+)?(?P<wd>{WEEKDAY}){_NOT_AFTER}",
         weekday),
    Rule("ago", ("unit",),
         rf"{_NOT_BEFORE}(?:(?P<q>{NUMBER})\s+)?(?P<unit>{UNIT})\s+(?:тому|назад){_NOT_AFTER}",
         ago),
    Rule("duration", ("unit",),
         rf"{_NOT_BEFORE}(?P<q>{NUMBER})\s+(?P<unit>{UNIT}){_NOT_AFTER}", duration),
)

TRIGGERS: dict[str, list[str]] = {
    "month": list(MONTH_FORMS),
    "weekday": list(WEEKDAYS),
    "deictic": [*DEICTIC_DAYS, *(w.split()[0] for w in REFERENCES), "торік", "минулоріч",
                "початку", "початок", "середині", "посередині", "кінці", "наприкінці", "кінця",
                "начале", "середине", "конце", "концу"],
    "relative": list(RELATIVE_WORDS),
    "unit": list(UNIT_WORDS),
    "century": ["століття", "столітті", "века", "веке", "век"],
}

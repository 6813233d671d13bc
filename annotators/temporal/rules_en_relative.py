"""English rules for expressions that need the document date (DCT).

"yesterday", "on Monday", "last year", "this week", "two weeks ago", "late last
year", "this morning", "now", "recently", "the future", "the following year".
Without a DCT each keeps X placeholders (see anchoring.py).
"""

from __future__ import annotations

import re

from . import anchoring
from . import lexicon as lx
from . import patterns as p
from .candidate import Candidate, Context, Handler, Rule, candidate
from .numbers import quantity
from .rulekit import apply_position, followed_by_noun, quantity_mod, unit_letter

_OFFSETS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0,
            "present": 0, "next": 1, "coming": 1, "following": 1}
_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_NOT_A_DAY = frozenset({"usa", "newsday"})  # "USA Today"


def _day_part(word: str | None) -> str | None:
    return lx.DAY_PARTS_EN[word.lower()] if word else None


def deictic_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = " ".join(m["day"].lower().split())
    if word == "today" and m["day"][0] == "T" and ctx.prev_word(m.start()) in _NOT_A_DAY:
        return None
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word)
    if offset is None:
        offset = _DAY_OFFSETS[word]
    value = anchoring.day_value(ctx.dct, offset)
    part = _day_part(m["pod"])
    mod = {"early": "START", "late": "END"}.get((m["pmod"] or "").lower())
    if part:
        return candidate(m, "TIME", f"{value}T{part}", "day-part", mod=mod, confidence=0.9,
                         relative=True)
    return candidate(m, "DATE", value, "deictic-day", mod=mod, confidence=0.95, relative=True)


def tonight(m: re.Match[str], ctx: Context) -> Candidate | None:
    offset = -1 if m.group().lower().startswith("last") else 0
    return candidate(m, "TIME", f"{anchoring.day_value(ctx.dct, offset)}TNI", "tonight",
                     confidence=0.9, relative=True)


def this_day_part(m: re.Match[str], ctx: Context) -> Candidate | None:
    part = _day_part(m["pod"])
    if m["wd"]:
        weekday = lx.WEEKDAYS_EN[m["wd"].lower()]
        day = anchoring.weekday_value(ctx.dct, weekday, ctx.direction(m.start(), m.end()))
    else:
        day = anchoring.day_value(ctx.dct, 0)
    mod = {"early": "START", "late": "END"}.get((m["pmod"] or "").lower())
    return candidate(m, "TIME", f"{day}T{part}", "day-part", mod=mod, confidence=0.85,
                     relative=True)


def part_of_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    if followed_by_noun(ctx.next_word(m.end())) and not ctx.phrase_mode:
        return None  # "morning talk show", "early morning raid"
    mod = {"early": "START", "mid": "MID", "late": "END"}[m["pmod"].lower()]
    part = _day_part(m["pod"])
    return candidate(m, "TIME", f"{anchoring.day_value(ctx.dct, 0)}T{part}", "day-part",
                     mod=mod, confidence=0.75, relative=True)


def clock_word(m: re.Match[str], ctx: Context) -> Candidate | None:
    clock = "12:00" if m["word"].lower() in ("noon", "midday") else "24:00"
    return candidate(m, "TIME", f"{anchoring.day_value(ctx.dct, 0)}T{clock}", "clock-word",
                     confidence=0.8, relative=True)


def reference(value: str, confidence: float) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Candidate | None:
        return candidate(m, "DATE", value, f"ref-{value.split('_')[0].lower()}",
                         confidence=confidence, relative=True)
    return handler


def now(m: re.Match[str], ctx: Context) -> Candidate | None:
    return candidate(m, "DATE", "PRESENT_REF", "ref-now", confidence=0.85, relative=True)


def current(m: re.Match[str], ctx: Context) -> Candidate | None:
    after = ctx.next_word(m.end()).lower()
    if after in ("account", "accounts", "affairs", "events", "of", "density") \
            or not after.isalpha():
        return None
    return candidate(m, "DATE", "PRESENT_REF", "ref-current", confidence=0.6, relative=True)


def the_present(m: re.Match[str], ctx: Context) -> Candidate | None:
    if followed_by_noun(ctx.next_word(m.end())):
        return None
    return candidate(m, "DATE", "PRESENT_REF", "ref-present", confidence=0.7, relative=True)


def the_past(m: re.Match[str], ctx: Context) -> Candidate | None:
    after = ctx.next_word(m.end()).lower()
    if after in lx.UNITS_EN or after in ("few", "several", "couple", "two", "three"):
        return None
    return candidate(m, "DATE", "PAST_REF", "ref-past", confidence=0.8, relative=True)


def the_future(m: re.Match[str], ctx: Context) -> Candidate | None:
    after = ctx.next_word(m.end()).lower()
    if after == "of" or followed_by_noun(after):
        return None
    return candidate(m, "DATE", "FUTURE_REF", "ref-future", confidence=0.8, relative=True)


def soon(m: re.Match[str], ctx: Context) -> Candidate | None:
    before = ctx.prev_word(m.start())
    after = ctx.next_word(m.end()).lower()
    if before in ("as", "how", "too", "so") or after in ("after", "afterwards", "thereafter",
                                                         "as", "enough"):
        return None
    if ctx.text[m.end():m.end() + 1] == "-":
        return None
    return candidate(m, "DATE", "FUTURE_REF", "ref-soon", confidence=0.5, relative=True)


_EXCLUDED_BEFORE_WEEKDAY = frozenset({"black", "good", "cyber", "super", "bloody", "ash",
                                      "palm", "easter", "holy", "maundy", "shrove", "giving"})


_NEWSPAPER_WORDS = frozenset({"Times", "Telegraph", "Express", "Mirror", "Herald", "Post",
                              "Mail", "Tribune", "Independent", "Star", "Sport", "Night",
                              "Morning", "Club", "Group"})


def weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    day = lx.WEEKDAYS_EN[m["wd"].lower()]
    if not m["wd"][0].isupper() and not ctx.phrase_mode:
        return None
    if ctx.prev_word(m.start("wd")) in _EXCLUDED_BEFORE_WEEKDAY \
            or ctx.next_word(m.end("wd")) in _NEWSPAPER_WORDS:
        return None
    part = _day_part(m["pod"])
    quant = (m["quant"] or "").lower()
    start = m.start("rel") if m["rel"] else m.start("wd")
    if m["pmod"]:
        start = m.start("pmod")
    if quant in ("every", "each"):
        start = m.start("quant")
    if quant in ("every", "each") or m["pl"] or m["pl2"]:
        value = f"XXXX-WXX-{day}" + (f"T{part}" if part else "")
        return Candidate(start, m.end(), "SET", value, None, "weekday-set", 0.8)
    if m["rel"]:
        value = anchoring.relative_weekday_value(ctx.dct, day, m["rel"].lower())
        rule = "weekday-relative"
    else:
        value = anchoring.weekday_value(ctx.dct, day, ctx.direction(m.start(), m.end()))
        rule = "weekday"
    mod = {"early": "START", "late": "END"}.get((m["pmod"] or "").lower())
    if part:
        return Candidate(start, m.end(), "TIME", f"{value}T{part}", mod, rule, 0.85, True)
    return Candidate(start, m.end(), "DATE", value, mod, rule, 0.9, True)


_UNIT_CODES = {"year": "Y", "month": "M", "week": "W", "weekend": "WE", "quarter": "Q",
               "decade": "DE", "century": "E", "day": "D", "fiscal year": "Y"}


def relative_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    rel = m["rel"].lower().split()[-1]
    unit = _UNIT_CODES[" ".join(m["unit"].lower().split())]
    value = anchoring.shifted_value(ctx.dct, unit, _OFFSETS[rel])
    if unit == "WE" and ctx.dct is None:
        value = "XXXX-WXX-WE"
    value, mod = apply_position(value, m["pmod"])
    return candidate(m, "DATE", value, "unit-relative", mod=mod, confidence=0.9, relative=True)


def in_the_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"later in the day", "the end of the year": the unit the DCT is in."""
    unit = _UNIT_CODES[(m["unit"] or m["unit2"]).lower()]
    value = anchoring.shifted_value(ctx.dct, unit, 0)
    value, mod = apply_position(value, m["pmod"])
    return candidate(m, "DATE", value, "unit-of-dct", mod=mod, confidence=0.75, relative=True)


def the_weekend(m: re.Match[str], ctx: Context) -> Candidate | None:
    if ctx.dct is None:
        return candidate(m, "DATE", "XXXX-WXX-WE", "weekend", confidence=0.7, relative=True)
    direction = ctx.direction(m.start(), m.end())
    offset = 0
    if ctx.dct.isoweekday() < 6 and direction <= 0:
        offset = -1
    return candidate(m, "DATE", anchoring.shifted_value(ctx.dct, "WE", offset), "weekend",
                     confidence=0.7, relative=True)


def ago(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit = unit_letter(m["unit"])
    amount = quantity(m["q"]) if m["q"] else None
    mod = {"APPROX": "APPROX", "MORE_THAN": "BEFORE", "LESS_THAN": "AFTER",
           "EQUAL_OR_MORE": "ON_OR_BEFORE", "EQUAL_OR_LESS": "ON_OR_AFTER"
           }.get(quantity_mod(m["qmod"]) or "")
    if amount is None or amount != int(amount):
        return candidate(m, "DATE", "PAST_REF", "ago-vague", mod=mod, confidence=0.75,
                         relative=True)
    if unit == "2W":
        unit, amount = "W", amount * 2
    if unit in ("H", "MIN", "S"):
        return candidate(m, "TIME", anchoring.day_value(ctx.dct, 0), "ago", mod=mod,
                         confidence=0.8, relative=True)
    unit = {"WE": "W", "Q": "Q"}.get(unit, unit)
    value = anchoring.ago_value(ctx.dct, unit, int(amount))
    return candidate(m, "DATE", value, "ago", mod=mod, confidence=0.9, relative=True)


def season(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = m["season"].lower()
    rel = (m["rel"] or "").lower()
    if not ctx.phrase_mode and not rel:
        after = ctx.next_word(m.end()).lower()
        if after == "of" or (followed_by_noun(after) and after not in ("and", "or")):
            return None  # "the fall of Rome", "spring training"
        before = ctx.prev_word(m.start())
        if not (m["the"] or m["pmod"]) and before not in ("in", "during", "by", "until", "since",
                                                          "through", "throughout", "this"):
            return None
        if word == "fall" and not (m["the"] or before == "in"):
            return None
    value = anchoring.season_value(ctx.dct, lx.SEASONS_EN[word], rel,
                                   ctx.direction(m.start(), m.end()))
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["pmod"] or "").lower())
    return candidate(m, "DATE", value, "season", mod=mod, confidence=0.8, relative=True)


def the_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"the quarter", "the latest quarter": in reports, the quarter just ended."""
    after = ctx.next_word(m.end()).lower()
    if after in ("of", "century", "mile", "final", "finals", "point"):
        return None
    offset = 0 if ctx.direction(m.start(), m.end()) > 0 else -1
    return candidate(m, "DATE", anchoring.shifted_value(ctx.dct, "Q", offset), "the-quarter",
                     confidence=0.6, relative=True)


def the_half(m: re.Match[str], ctx: Context) -> Candidate | None:
    half = "H1" if m["which"].lower() == "first" else "H2"
    base = anchoring.shifted_value(ctx.dct, "Y", 0)
    return candidate(m, "DATE", f"{base}-{half}", "half-year", confidence=0.65, relative=True)


def year_end(m: re.Match[str], ctx: Context) -> Candidate | None:
    return candidate(m, "DATE", anchoring.shifted_value(ctx.dct, "Y", 0), "year-end",
                     mod="END", confidence=0.7, relative=True)


def the_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """"for the year": in a report early in a year, the year just closed; else the DCT's."""
    after = ctx.next_word(m.end()).lower()
    if after in ("before", "after", "earlier", "later", "of", "in", "when", "that", "which",
                 "ago", "ended", "ending", "to", "since", "and", "or") or after.isdigit():
        return None
    offset = 0
    if ctx.dct is not None and ctx.dct.month <= 3 and ctx.direction(m.start(), m.end()) < 0:
        offset = -1
    return candidate(m, "DATE", anchoring.shifted_value(ctx.dct, "Y", offset), "the-year",
                     confidence=0.55, relative=True)


_REL = r"last|next|this|past|coming|previous|current"
_PMOD = rf"(?:(?P<pmod>{p.POSITION_MOD})[\s-]*)?"
_UNITS_REL = r"year|month|week|weekend|quarter|decade|century|fiscal\s+year"

RULES: tuple[Rule, ...] = (
    Rule("deictic-day", ("deictic",),
         r"\b(?:(?P<pmod>early|late)\s+)?(?P<day>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
         r"|today|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b", deictic_day,
         back=20, words=frozenset({"yesterday", "today", "tomorrow"}),
         lead=p.leads(("early", "late", "the", "yesterday", "today", "tomorrow"))),
    Rule("tonight", ("deictic", "daypart"), r"\b(?:tonight|last\s+night)\b", tonight,
         back=6, words=frozenset({"tonight", "night"})),
    Rule("this-day-part", ("daypart",),
         rf"\b(?:this|(?P<wd>{p.WEEKDAY}))\s+(?:(?P<pmod>early|late)\s+)?"
         r"(?P<pod>morning|afternoon|evening|night)\b", this_day_part,
         back=18, words=frozenset({"morning", "afternoon", "evening", "night"})),
    Rule("part-of-day", ("daypart",),
         r"\b(?P<pmod>early|mid|late)[\s-]?(?P<pod>morning|afternoon|evening)\b", part_of_day,
         back=8, words=frozenset({"morning", "afternoon", "evening"})),
    Rule("clock-word", ("daypart",),
         r"(?:\b(?:at|by|until|till|before|after|around|about|from|past|since)\s+)"
         r"(?P<t>(?P<word>noon|midnight|midday))\b", clock_word,
         back=10, words=frozenset({"noon", "midnight", "midday"})),
    Rule("now", ("deictic",), r"(?<![\w-])now(?![\w-])", now, back=0, words=frozenset({"now"})),
    Rule("ref-present", ("deictic", "unit"),
         r"\b(?:currently|nowadays|these\s+days|at\s+(?P<t>present)\b"
         r"|(?:at|for)\s+(?P<t2>the\s+moment))\b", reference("PRESENT_REF", 0.85),
         back=12, words=frozenset({"currently", "nowadays", "days", "present", "moment"})),
    Rule("current", ("deictic",), r"\bcurrent(?![\w-])", current,
         back=0, words=frozenset({"current"})),
    Rule("the-present", ("deictic",), r"\bthe\s+present(?:\s+day)?(?![\w-])", the_present,
         back=5, words=frozenset({"present"})),
    Rule("ref-past", ("deictic",), r"\b(?:recently|lately|formerly)\b",
         reference("PAST_REF", 0.8), back=0, words=frozenset({"recently", "lately", "formerly"})),
    Rule("the-past", ("deictic",), r"\bthe\s+(?:recent\s+|distant\s+)?past\b", the_past,
         back=18, words=frozenset({"past"})),
    Rule("the-future", ("deictic",),
         r"\bthe\s+(?:near\s+|distant\s+|immediate\s+|not\s+too\s+distant\s+)?future\b",
         the_future, back=30, words=frozenset({"future"})),
    Rule("soon", ("deictic",), r"\bsoon\b", soon, back=0, words=frozenset({"soon"})),
    Rule("weekday", ("weekday",),
         rf"\b(?:(?P<quant>every|each|on)\s+)?(?:(?P<pmod>early|late)\s+)?"
         rf"(?:(?P<rel>last|next|this|past|coming)\s+)?"
         rf"(?P<wd>{p.WEEKDAY})(?P<pl>s)?(?:\s+(?P<pod>morning|afternoon|evening|night)"
         r"(?P<pl2>s)?)?\b", weekday, back=14,
         lead=p.leads(lx.WEEKDAYS_EN, ("every", "each", "on", "early", "late"), p.RELATION_LEADS)),
    Rule("unit-relative", ("unit",),
         rf"\b{_PMOD}(?:(?:earlier|later)\s+(?=this\b))?(?:this\s+(?=past))?"
         rf"(?P<rel>{_REL}|the\s+current)\s+(?P<unit>{_UNITS_REL})"
         r"\b(?!-\w)",
         relative_unit,
         back=40,
         words=frozenset({"year", "month", "week", "weekend", "quarter", "decade", "century"}),
         lead=p.leads(p.POSITION_LEADS, p.RELATION_LEADS, ("earlier", "later"))),
    Rule("unit-of-dct", ("unit",),
         r"\b(?:(?:earlier|later)\s+(?:in\s+)?(?P<t>the\s+(?P<unit>day|week|month|year))"
         rf"|(?P<pmod>{p.POSITION_MOD})[\s-]*the\s+(?P<unit2>day|week|month|year|decade))\b",
         in_the_unit, back=32, words=frozenset({"day", "week", "month", "year", "decade"}),
         lead=p.leads(p.POSITION_LEADS, ("earlier", "later"))),
    Rule("season", ("season",),
         rf"\b(?:(?P<rel>last|this|next|past|coming)\s+|(?P<the>the)\s+)?"
         rf"(?:(?P<pmod>early|mid|late)[\s-]*)?(?P<season>{p.SEASON})\b(?![-'’]\w)", season,
         back=16,
         lead=p.leads(lx.SEASONS_EN, ("early", "mid", "late"), p.RELATION_LEADS)),
    Rule("the-quarter", ("unit",),
         r"\b(?:for|in|during|of|over)\s+(?P<t>the\s+(?:latest\s+|most\s+recent\s+)?quarter)\b",
         the_quarter, back=30, words=frozenset({"quarter"})),
    Rule("half-year", ("half",),
         r"\b(?:the\s+)?(?P<which>first|second)\s+half\b(?!\s+of)", the_half,
         back=12, words=frozenset({"half"})),
    Rule("year-end", ("unit",), r"\b(?:the\s+)?year[-\s]end\b", year_end,
         back=5, words=frozenset({"year"})),
    Rule("the-year", ("unit",), r"\b(?:for|during|throughout)\s+(?P<t>the\s+year)\b",
         the_year, back=12, words=frozenset({"year"})),
    Rule("weekend", ("unit",),
         r"\b(?:over|during|on|at|for|through|throughout|into|until|till|by)\s+"
         r"(?P<t>the\s+weekend)\b", the_weekend, back=16, words=frozenset({"weekend"})),
    Rule("ago", ("unit",),
         rf"\b(?:(?P<qmod>{p.DURATION_MOD})\s+)?(?:(?P<q>{p.QUANTITY})\s+)?(?:more\s+)?"
         rf"(?P<unit>{p.UNIT})\s+ago\b", ago, back=40, after=r"\s+ago\b",
         lead=p.leads(lx.UNITS_EN, p.QUANTITY_MOD_LEADS, p.NUMBER_LEADS)),
)



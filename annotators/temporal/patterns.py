"""Regular-expression fragments and the trigger scanner, built from the lexicon.

Speed matters (whole corpora go through here), so the tagger looks up each
word once in a table of *trigger* words (month names, digits, "year", "now"...)
and tries the rules' fuller patterns only at the words just before a trigger.
All compilation is lazy and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from . import lexicon as lx


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of literal words (spaces match any whitespace)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# ----------------------------------------------------------------- English fragments

MONTH = (
    r"(?:" + alternation(lx.MONTHS_EN) + r"|(?:" + alternation(lx.MONTH_ABBREVIATIONS_EN)
    + r")\b\.?)"
)
WEEKDAY = r"(?:" + alternation(lx.WEEKDAYS_EN) + r")"
WEEKDAY_OR_ABBR = (
    r"(?:" + alternation(lx.WEEKDAYS_EN) + r"|(?:" + alternation(lx.WEEKDAY_ABBREVIATIONS_EN)
    + r")\b\.?)"
)
SMALL_NUMBER_WORD = alternation(lx.NUMBER_WORDS_EN)
TENS_WORD = alternation(lx.TENS_EN)
_UNITS_WORD = alternation(k for k, v in lx.NUMBER_WORDS_EN.items() if v < 10)
NUMBER_WORD = (
    rf"(?:(?:{TENS_WORD})(?:[\s-](?:{_UNITS_WORD}))?"
    rf"|{SMALL_NUMBER_WORD}|a\s+hundred|one\s+hundred|a\s+dozen|dozen)"
)
DIGITS = r"\d+(?:\.\d+)?(?:\s+\d/\d|\s*[½¼¾])?|\d/\d|[½¼¾]"
VAGUE = alternation(lx.VAGUE_QUANTITIES_EN)
QUANTITY = (
    rf"(?:(?:{DIGITS}|{NUMBER_WORD})(?:\s+and\s+a\s+half)?|an?\s+half|half\s+an?|{VAGUE}"
    r"|an?|couple\s+of)"
)
ORDINAL_WORD = alternation(k for k in lx.ORDINALS_EN if k != "last")
UNIT = alternation(lx.UNITS_EN)
DURATION_MOD = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|close\s+to|more\s+than"
    r"|upwards\s+of|longer\s+than|less\s+than|fewer\s+than|shorter\s+than|at\s+least"
    r"|no\s+less\s+than|at\s+most|no\s+more\s+than|up\s+to|just\s+over|just\s+under"
    r"|well\s+over)"
)
POSITION_MOD = (
    r"(?:early|mid|late|the\s+(?:very\s+)?(?:beginning|start|middle|end|close|dawn)\s+of"
    r"|the\s+(?:early|late|latter)\s+part\s+of|(?:the\s+)?(?:first|second|latter)\s+half\s+of"
    r"|(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter\s+of)"
)
SEASON = alternation(lx.SEASONS_EN)

# ----------------------------------------------------------------- leads
# Words a rule's match may begin with when it starts before its trigger word:
# a set look-up that spares most pattern attempts.

DIGIT_LEADS = tuple("0123456789½¼¾")
NUMBER_LEADS = (*lx.NUMBER_WORDS_EN, *lx.TENS_EN, "a", "an", "half", "few", "several", "many",
                "some", "numerous", "countless", "couple", "multiple", "dozen", "hundred",
                "one", *DIGIT_LEADS)
QUANTITY_MOD_LEADS = ("about", "around", "approximately", "roughly", "nearly", "almost", "some",
                      "close", "more", "upwards", "longer", "less", "fewer", "shorter", "at",
                      "no", "up", "just", "well")
POSITION_LEADS = ("early", "mid", "late", "the", "first", "second", "latter", "third",
                  "fourth", "last")
RELATION_LEADS = ("last", "next", "this", "past", "coming", "previous", "current", "the")
WEEKDAY_LEADS = (*lx.WEEKDAYS_EN, *lx.WEEKDAY_ABBREVIATIONS_EN)
MONTH_LEADS = (*lx.MONTHS_EN, *lx.MONTH_ABBREVIATIONS_EN)
ORDINAL_LEADS = tuple(k.split()[0] for k in lx.ORDINALS_EN)


def leads(*groups: Iterable[str]) -> tuple[str, ...]:
    """Lead words, lower case; a digit stands for any word that starts with one."""
    return tuple(sorted({word.lower() for group in groups for word in group}))


# ----------------------------------------------------------------- triggers

TRIGGER_WORDS_EN: dict[str, Iterable[str]] = {
    "month": [*lx.MONTHS_EN, *lx.MONTH_ABBREVIATIONS_EN],
    "weekday": [*lx.WEEKDAYS_EN, *(w + "s" for w in lx.WEEKDAYS_EN)],
    "unit": [*lx.UNITS_EN],
    "deictic": ["today", "tonight", "yesterday", "tomorrow", "now", "nowadays", "currently",
                "current", "recently", "lately", "formerly", "soon", "past", "future",
                "present", "moment", "overnight", "once", "twice", "times"],
    "season": [*lx.SEASONS_EN],
    "daypart": [*lx.DAY_PARTS_EN, "midnight", "noon"],
    "setadv": [*lx.SET_ADVERBS_EN],
    "holiday": ["christmas", "thanksgiving", "easter", "halloween", "valentine"],
    "yearword": ["eighteen", "nineteen", "thousand", "twenty", *lx.DECADE_WORDS_EN],
    "quarter": ["q1", "q2", "q3", "q4", "h1", "h2", "1q", "2q", "3q", "4q"],
    "half": ["half"],
}


@cache
def compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)

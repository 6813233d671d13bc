"""Small helpers the rule modules share: reading month names, mods, checking days."""

from __future__ import annotations

import re

from . import lexicon as lx
from .candidate import RejectedDate
from .timex_value import last_day

# Words that may follow an adjective-like temporal word without making it a
# modifier of a noun: "published daily, ..." vs "daily flights".
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "to", "in", "on", "at", "by", "for", "from",
    "of", "with", "since", "until", "till", "as", "than", "that", "which", "who", "when",
    "while", "before", "after", "during", "if", "because", "so", "then", "is", "was", "are",
    "were", "be", "been", "will", "would", "has", "have", "had", "it", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "its", "this", "these", "those", "there",
    "said", "says", "not", "no", "about", "into", "over", "under", "through", "again",
    "also", "still", "only", "even", "just", "now", "too", "ago", "later", "earlier",
    "afterwards", "thereafter", "each", "every", "per", "across", "around", "against",
    "among", "between", "within", "without", "toward", "towards", "up", "down", "out", "off",
})


def month_number(token: str) -> int:
    key = token.lower().rstrip(".")
    if key in lx.MONTHS_EN:
        return lx.MONTHS_EN[key]
    return lx.MONTH_ABBREVIATIONS_EN[key]


def is_capitalized(token: str) -> bool:
    return token[:1].isupper()


def check_day(year: int | None, month: int, day: int) -> None:
    """Raise RejectedDate with a reason a researcher understands if the day cannot exist."""
    name = lx.MONTH_NAMES[month - 1]
    if day < 1:
        raise RejectedDate(f"there is no day {day} in {name}")
    if year is None:
        if day > (29 if month == 2 else last_day(2001, month)):
            raise RejectedDate(f"{name} never has {day} days")
        return
    length = last_day(year, month)
    if day > length:
        raise RejectedDate(f"{name} has {length} days in {year}")


_POSITION = (
    (re.compile(r"^(?:early|the\s+(?:very\s+)?(?:beginning|start|dawn)\s+of"
                r"|the\s+early\s+part\s+of)$", re.I), "START"),
    (re.compile(r"^(?:mid|the\s+(?:very\s+)?middle\s+of)$", re.I), "MID"),
    (re.compile(r"^(?:late|the\s+(?:very\s+)?(?:end|close)\s+of"
                r"|the\s+(?:late|latter)\s+part\s+of)$", re.I), "END"),
)
_HALF = re.compile(r"^(?:the\s+)?(first|second|latter)\s+half\s+of$", re.I)
_QUARTER_OF = re.compile(r"^(?:the\s+)?(first|second|third|fourth|last)\s+quarter\s+of$", re.I)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}


def position(pmod: str | None) -> tuple[str | None, str | None]:
    """Read a position prefix: ("START"|"MID"|"END"|None, "H1"|"Q3"|... or None).

    "early" -> ("START", None); "the second half of" -> (None, "H2").
    """
    if not pmod:
        return None, None
    text = " ".join(pmod.replace("-", " ").split())
    for pattern, mod in _POSITION:
        if pattern.match(text):
            return mod, None
    if m := _HALF.match(text):
        return None, "H1" if m[1].lower() == "first" else "H2"
    if m := _QUARTER_OF.match(text):
        return None, f"Q{_QUARTERS[m[1].lower()]}"
    return None, None


def apply_position(value: str, pmod: str | None) -> tuple[str, str | None]:
    """Value and mod of "<pmod> <value>": ("2024", "late") -> ("2024", "END").

    A half or quarter of a year becomes its own value ("2024-H2"); of a month it
    becomes START or END, the nearest TIMEX3 can say.
    """
    mod, part = position(pmod)
    if part is None:
        return value, mod
    if re.fullmatch(r"\d{4}|XXXX", value):
        return f"{value}-{part}", None
    if part in ("H1", "Q1"):
        return value, "START"
    if part in ("H2", "Q4"):
        return value, "END"
    return value, "MID"


_DURATION_MODS = (
    (re.compile(r"^(?:about|around|approximately|roughly|nearly|almost|some|close\s+to)$",
                re.I), "APPROX"),
    (re.compile(r"^(?:more\s+than|over|upwards\s+of|longer\s+than|just\s+over|well\s+over)$",
                re.I), "MORE_THAN"),
    (re.compile(r"^(?:less\s+than|fewer\s+than|shorter\s+than|just\s+under|under)$", re.I),
     "LESS_THAN"),
    (re.compile(r"^(?:at\s+least|no\s+less\s+than)$", re.I), "EQUAL_OR_MORE"),
    (re.compile(r"^(?:at\s+most|no\s+more\s+than|up\s+to)$", re.I), "EQUAL_OR_LESS"),
)


def quantity_mod(qmod: str | None) -> str | None:
    if not qmod:
        return None
    text = " ".join(qmod.split())
    for pattern, mod in _DURATION_MODS:
        if pattern.match(text):
            return mod
    return None


def unit_letter(word: str) -> str:
    """TIMEX3 unit of an English unit word; minutes are "MIN" to keep them apart from months."""
    key = word.lower()
    if key in ("minute", "minutes"):
        return "MIN"
    return lx.UNITS_EN[key]


def followed_by_noun(next_word: str) -> bool:
    """True when the next word looks like a noun the temporal word modifies."""
    return bool(next_word) and next_word[0].islower() and next_word.isalpha() \
        and next_word.lower() not in FUNCTION_WORDS

"""Reading quantities written in digits or words ("2 1/2", "twenty-five", "a few")."""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS_EN, TENS_EN

VAGUE = None  # a quantity such as "several": TIMEX3 writes it as X

_FRACTION = re.compile(r"^(\d+)?\s*(?:(\d+)\s*/\s*(\d+)|(½|¼|¾))$")
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_SPLIT = re.compile(r"[\s-]+")
_SPECIAL = {"a": 1.0, "an": 1.0, "one": 1.0, "single": 1.0, "a single": 1.0,
            "half a": 0.5, "half an": 0.5, "a half": 0.5, "half": 0.5,
            "a couple of": 2.0, "couple of": 2.0, "a couple": 2.0, "a dozen": 12.0,
            "dozen": 12.0, "a hundred": 100.0, "hundred": 100.0, "a thousand": 1000.0}
_VAGUE_WORDS = frozenset({"few", "a few", "several", "many", "some", "numerous", "countless",
                          "a number of", "multiple", "a few more", "many more"})


def word_number(text: str) -> int | None:
    """The integer a run of English number words spells, or None.

    >>> word_number("twenty-five")
    25
    """
    words = [w for w in _SPLIT.split(text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        if word in NUMBER_WORDS_EN:
            current += NUMBER_WORDS_EN[word]
        elif word in TENS_EN:
            current += TENS_EN[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in ("a", "an") and len(words) > 1:
            current += 1
        else:
            return None
    return total + current


def quantity(text: str) -> float | None:
    """The amount a quantity phrase gives, or None (VAGUE) for "several", "a few"...

    Raises ValueError when the text is not a quantity at all.
    """
    t = " ".join(text.lower().replace(",", "").split())
    if t in _VAGUE_WORDS:
        return VAGUE
    if t in _SPECIAL:
        return _SPECIAL[t]
    half = 0.0
    for suffix in (" and a half", " and one half", "-and-a-half"):
        if t.endswith(suffix):
            t, half = t[: -len(suffix)].strip(), 0.5
            break
    if t in _SPECIAL:
        return _SPECIAL[t] + half
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    m = _FRACTION.match(t)
    if m:
        whole = float(m.group(1) or 0)
        if m.group(4):
            return whole + _UNICODE_FRACTIONS[m.group(4)]
        denominator = int(m.group(3))
        if denominator == 0:
            raise ValueError(text)
        return whole + int(m.group(2)) / denominator
    n = word_number(t)
    if n is None:
        raise ValueError(text)
    return n + half


def spelled_year(text: str) -> int | None:
    """A year said aloud: "nineteen ninety-one", "two thousand and five", "twenty twenty"."""
    t = " ".join(_SPLIT.split(text.lower().strip()))
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
        n = word_number(rest) if rest else 0
        return None if n is None or n > 99 else 2000 + n
    words = t.split()
    if len(words) < 2 or words[0] not in ("eighteen", "nineteen", "twenty", "seventeen"):
        return None
    century = word_number(words[0])
    rest = " ".join(words[1:])
    if rest == "hundred":
        tail = 0
    elif rest.startswith("oh "):
        n = word_number(rest[3:])
        if n is None or n > 9:
            return None
        tail = n
    else:
        n = word_number(rest)
        if n is None or n < 10 or n > 99:
            return None
        tail = n
    return None if century is None else century * 100 + tail

"""Numbers, amounts and percentages found by rules, for pipelines without trained NER.

Blank pipelines (Ukrainian, Russian, or English without a trained model) still
propose the figures an article states, because figures are what claims are
most often checked on.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = (
    r"(?:thousand|million|billion|trillion|тис\.|тисяч[аі]?|тысяч[аи]?|млн|мільйон(?:а|ів)?|"
    r"миллион(?:а|ов)?|млрд|мільярд(?:а|ів)?|миллиард(?:а|ов)?|bn|m)\b"
)
_CURRENCY_BEFORE = r"[$€£¥₴₽]|US\$|USD|EUR|UAH"
_CURRENCY_AFTER = (
    r"(?:dollars?|euros?|pounds?|hryvnias?|roubles?|rubles?|грн|гривень|гривні|гривня|"
    r"доларів|долари|долар|долларов|доллара|доллар|євро|евро|рублів|рублей|руб)"
)
_UNIT = (
    r"(?:km|kilometres?|kilometers?|miles?|kg|kilograms?|tonnes?|tons?|metres?|meters?|"
    r"hectares?|litres?|liters?|км|кг|тонн|гектарів|гектаров)\b"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("PERCENT", re.compile(
        rf"(?<![\w.,])(?:{_NUMBER})\s?(?:%|per ?cent\b|percent\b|відсотк\w*|процент\w*)",
        re.IGNORECASE)),
    ("MONEY", re.compile(
        rf"(?:(?:{_CURRENCY_BEFORE})\s?(?:{_NUMBER})(?:\s?{_SCALE})?"
        rf"|(?<![\w.,])(?:{_NUMBER})(?:\s?{_SCALE})?\s?{_CURRENCY_AFTER})(?!\w)",
        re.IGNORECASE)),
    ("QUANTITY", re.compile(rf"(?<![\w.,])(?:{_NUMBER})(?:\s?{_SCALE})?\s?{_UNIT}",
                            re.IGNORECASE)),
    ("CARDINAL", re.compile(rf"(?<![\w.,])(?:{_NUMBER})(?:\s?{_SCALE})?(?![\w%])",
                            re.IGNORECASE)),
)


class NumberMention(NamedTuple):
    """A tuple, so that it travels inside a spaCy Doc between processes as it is."""

    start: int
    end: int
    label: str  # PERCENT | MONEY | QUANTITY | CARDINAL


def find_numbers(text: str) -> list[NumberMention]:
    """Figures in `text`; the most specific reading wins where readings overlap."""
    taken: list[tuple[int, int]] = []
    found = []
    for label, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(NumberMention(start, end, label))
    return sorted(found, key=lambda m: m.start)

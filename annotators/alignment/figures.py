"""Figures as values with their hedges: "more than 3,000" is (3000, at least).

A rewrite rarely copies a figure's spelling ("4 thousand", "4,000", "four
thousand") but a changed value or a changed hedge ("about" → "more than") is
exactly what a researcher comparing sources looks for. So every figure is read
into a value, a unit (percent, a currency, a measure) and a qualifier class:

* ``exact``   — no qualifier;
* ``approx``  — about, around, approximately, roughly, some, an estimated …;
* ``min``     — more than, over, at least, upwards of …;
* ``max``     — less than, fewer than, under, up to, at most …;
* ``almost``  — nearly, almost, just under.

Two figures agree when value and unit agree and the classes are the same (or
``approx`` against ``almost``). Years and dates are not figures here: the
temporal normaliser reads them, and the caller leaves their spans out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotators.temporal.lexicon import NUMBER_WORDS_EN, TENS_EN

_GROUPED = r"\d{1,3}(?:(?:,|[\u00a0\u202f ](?=\d{3}(?!\d)))\d{3})+(?:\.\d+)?"
_PLAIN = r"\d+(?:[.,]\d+)?"
_SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
    "тис": 1e3, "тисяч": 1e3, "тисячі": 1e3, "тисяча": 1e3, "тысяч": 1e3, "тысячи": 1e3,
    "тысяча": 1e3, "млн": 1e6, "мільйон": 1e6, "мільйона": 1e6, "мільйонів": 1e6,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "мільярд": 1e9,
    "мільярда": 1e9, "мільярдів": 1e9, "миллиард": 1e9, "миллиарда": 1e9,
    "миллиардов": 1e9,
}
_SCALE_RE = "|".join(sorted((re.escape(s) for s in _SCALES), key=len, reverse=True))
_CURRENCY_SIGNS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₴": "uah", "₽": "rub"}
_UNIT_WORDS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "pp",
    "відсотків": "%", "відсотки": "%", "процентов": "%", "процента": "%",
    "dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur", "pounds": "gbp",
    "crowns": "crown", "crown": "crown", "hryvnias": "uah", "гривень": "uah", "грн": "uah",
    "roubles": "rub", "rubles": "rub", "рублів": "rub", "рублей": "rub", "доларів": "usd",
    "долларов": "usd", "євро": "eur", "евро": "eur",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mi", "mile": "mi", "hectares": "ha", "hectare": "ha", "tonnes": "t",
    "tons": "t", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "millimetres": "mm", "millimeters": "mm", "km²": "km2", "км": "km", "гектарів": "ha",
    "тонн": "t",
}
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNIT_WORDS), key=len, reverse=True))
_DIGITS = re.compile(
    rf"(?:(?P<cur>[$€£¥₴₽])\s?)?(?P<num>{_GROUPED}|{_PLAIN})"
    rf"(?:[\s-]?(?P<scale>{_SCALE_RE})\.?(?!\w))?"
    rf"(?:[\s-]?(?P<unit>{_UNIT_RE})(?!\w))?",
    re.IGNORECASE,
)
#: Small numbers as Ukrainian and Russian write them ("два человека", "три ракети").
_SLAVIC_WORDS = {
    "один": 1, "одна": 1, "два": 2, "дві": 2, "две": 2, "три": 3, "чотири": 4, "четыре": 4,
    "п'ять": 5, "п’ять": 5, "пять": 5, "шість": 6, "шесть": 6, "сім": 7, "семь": 7,
    "вісім": 8, "восемь": 8, "дев'ять": 9, "дев’ять": 9, "девять": 9, "десять": 10,
    "двадцять": 20, "двадцать": 20, "тридцять": 30, "тридцать": 30, "сто": 100,
}
_WORDS = {**NUMBER_WORDS_EN, **TENS_EN, **_SLAVIC_WORDS}
_WORD_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORD_ALTERNATIVES = "|".join(sorted([*_WORDS, *_WORD_SCALES], key=len, reverse=True))
_WORD_RUN = re.compile(
    rf"\b(?:{_WORD_ALTERNATIVES})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_ALTERNATIVES}))*\b",
    re.IGNORECASE,
)
_TOO_VAGUE = frozenset({"one", "hundred", "thousand", "один", "одна"})  # "one of the men"
_TRAILING_UNIT = re.compile(rf"^[\s-]?({_UNIT_RE})(?!\w)", re.IGNORECASE)

QUALIFIERS: dict[str, tuple[str, ...]] = {
    "approx": ("about", "around", "approximately", "roughly", "some", "an estimated",
               "estimated", "circa", "close to", "or so", "приблизно", "близько", "орієнтовно",
               "около", "примерно", "порядка", "ориентировочно"),
    "min": ("more than", "over", "at least", "upwards of", "in excess of", "exceeding",
            "above", "no fewer than", "no less than", "понад", "більше ніж", "більш ніж",
            "більше", "щонайменше", "не менше ніж", "не менше", "свыше", "более", "больше",
            "не менее", "по меньшей мере"),
    "max": ("less than", "fewer than", "under", "below", "up to", "at most", "no more than",
            "менше ніж", "менш ніж", "менше", "не більше", "менее", "меньше", "не более"),
    "almost": ("nearly", "almost", "just under", "майже", "почти"),
}
_QUALIFIER_WORDS = "|".join(
    sorted((re.escape(q) for qs in QUALIFIERS.values() for q in qs), key=len, reverse=True))
_QUALIFIER_RE = re.compile(
    rf"(?:^|[^\w])(?P<q>{_QUALIFIER_WORDS})(?:\s+(?:у|в|на))?\s*$", re.IGNORECASE)
_CLASS_OF = {q: cls for cls, qs in QUALIFIERS.items() for q in qs}
_COMPATIBLE = {frozenset({"approx", "almost"})}


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # offsets of the whole phrase, qualifier included
    end: int
    text: str  # "more than 3,000"
    value: float
    unit: str  # "", "%", "eur", "km" …
    qualifier: str  # exact | approx | min | max | almost
    hedge: str  # the qualifier as written ("more than"), "" for exact
    number_start: int  # where the number itself starts (after the qualifier)


def _number_value(raw: str) -> float | None:
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(_GROUPED, raw):
        raw = raw.replace(",", "").replace(" ", "")
    else:
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _word_value(text: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        if word in _WORDS:
            current += _WORDS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word in _WORD_SCALES:
            total += max(current, 1.0) * _WORD_SCALES[word]
            current = 0.0
        else:
            return None
    return total + current if seen else None


def _qualifier(text: str, start: int) -> tuple[str, str, int]:
    """The qualifier class right before `start`, as written, and where it starts."""
    window_start = max(0, start - 30)
    match = _QUALIFIER_RE.search(text[window_start:start])
    if match is None:
        return "exact", "", start
    hedge = match.group("q")
    return _CLASS_OF[hedge.lower()], hedge, window_start + match.start("q")


def find_figures(text: str, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """The figures of `text`, leaving out any that overlap a span in `skip` (dates)."""
    skip = skip or []
    found: list[Figure] = []

    def skipped(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in skip)

    for match in _DIGITS.finditer(text):
        start, end = match.span()
        num_start = match.start("num")
        before = text[num_start - 1 : num_start] if num_start else ""
        after = text[match.end("num") : match.end("num") + 1]
        if before.isalnum() or before in {".", ","} or (after.isalpha() and not match.group("scale")
                                                        and not match.group("unit")):
            continue
        if before == "-" and num_start >= 2 and text[num_start - 2].isalnum():
            continue  # a model or code number: "KN-23", "Covid-19"
        if skipped(start, end):
            continue
        value = _number_value(match.group("num"))
        if value is None:
            continue
        scale = match.group("scale")
        if scale:
            value *= _SCALES[scale.lower().rstrip(".")]
        unit = ""
        if match.group("cur"):
            unit = _CURRENCY_SIGNS[match.group("cur")]
        elif match.group("unit"):
            unit = _UNIT_WORDS[match.group("unit").lower()]
        year_like = re.fullmatch(r"\d{4}", match.group("num")) and 1000 <= value <= 2100
        if year_like and not scale and not unit:
            continue  # a year the temporal normaliser did not claim
        found.append(_figure(text, start, end, value, unit))
    for match in _WORD_RUN.finditer(text):
        start, end = match.span()
        phrase = match.group(0)
        if skipped(start, end) or phrase.lower() in _TOO_VAGUE:
            continue
        if any(f.start <= start < f.end for f in found):
            continue
        value = _word_value(phrase)
        if value is None:
            continue
        unit_match = _TRAILING_UNIT.match(text[end:])
        unit = ""
        if unit_match:
            unit = _UNIT_WORDS[unit_match.group(1).lower()]
            end += unit_match.end()
        found.append(_figure(text, start, end, value, unit))
    return sorted(found, key=lambda f: f.start)


def _figure(text: str, start: int, end: int, value: float, unit: str) -> Figure:
    qualifier, hedge, q_start = _qualifier(text, start)
    return Figure(q_start, end, text[q_start:end], value, unit, qualifier, hedge, start)


def same_value(a: Figure, b: Figure) -> bool:
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def compatible_qualifiers(a: Figure, b: Figure) -> bool:
    return a.qualifier == b.qualifier or frozenset({a.qualifier, b.qualifier}) in _COMPATIBLE


def value_key(figure: Figure) -> str:
    """A feature for lexical similarity: the value, so "4 thousand" meets "4,000"."""
    value = figure.value
    number = str(int(value)) if value == int(value) else f"{value:g}"
    return f"#{number}{figure.unit}"

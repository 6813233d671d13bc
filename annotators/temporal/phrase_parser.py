"""parse_date_phrase: read a date a researcher typed for an event.

Accepts what people type: "early Feb 2025", "between 10 and 14 January 2025",
"10–14 Jan 2025", "the 1950s", "Q3 2024", "summer 2023", "17.03.2025",
"March 17, 2025", "mid-March" (the anchor supplies the year), "before 2020",
ISO dates and EDTF ("2025-02~", "2025-02-1X", "2024-21", "../2024-05",
"2025-03-10/2025-03-14"). Everything the tagger understands works too, since
single expressions are read by the same rules. What cannot be read raises
DatePhraseError with a sentence that says why.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from datetime import date

from . import lexicon as lx
from .edtf_form import EdtfError, enclosing_value, looks_like_edtf, read_edtf, to_edtf
from .fuzzy_date import FuzzyDate
from .tagger import tag
from .timex_value import bounds


class DatePhraseError(ValueError):
    """A typed date that cannot be read; ``str(error)`` is meant for the researcher."""


_EXAMPLES = ("Try forms like '17 March 2025', 'early February 2025', 'the 1950s', "
             "'Q3 2024', '10–14 January 2025' or an EDTF date such as '2025-02~'.")
_FILLER = re.compile(r"^[\s,.;:!?()\"'“”]*(?:(?:on|in|at|during|of)\s+)?|[\s,.;:!?()\"'“”]*$",
                     re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_PREPOSITIONS = (
    (re.compile(r"^(?:before|prior\s+to|earlier\s+than|до|перед)\s+(.+)$", re.I), "BEFORE"),
    (re.compile(r"^(?:after|later\s+than|після|после)\s+(.+)$", re.I), "AFTER"),
    (re.compile(r"^(?:since|from|starting|not\s+before|з|із|с)\s+(.+)$", re.I), "ON_OR_AFTER"),
    (re.compile(r"^(?:until|till|til|by|up\s+to|through|no\s+later\s+than|not\s+after)\s+(.+)$",
                re.I), "ON_OR_BEFORE"),
    (re.compile(r"^(?:about|around|circa|c\.|ca\.|approximately|roughly|близько|около)\s*(.+)$",
                re.I), "APPROX"),
)

_RANGE_SPLITS = (
    re.compile(r"^(?:between|між|между)\s+(.+?)\s+(?:and|і|й|та|и)\s+(.+)$", re.I),
    re.compile(r"^(?:from|з|із|с)\s+(.+?)\s+(?:to|until|till|through|thru|до|по)\s+(.+)$",
               re.I),
    re.compile(r"^(.+?)\s*[–—]\s*(.+)$"),
    re.compile(r"^(.+?)\s+-\s+(.+)$"),
    re.compile(r"^(.+?)\s+(?:to|until|till|through|thru)\s+(.+)$", re.I),
    re.compile(r"^(\d{1,2})-(\d{1,2}\s+\D.*)$"),
    re.compile(r"^(\D+\s\d{1,2})-(\d{1,2}(?:,?\s+\d{4})?)$"),
    re.compile(r"^(\d{4})-(\d{4})$"),
)

_KNOWN_WORDS = frozenset({
    *lx.MONTHS_EN, *lx.MONTH_ABBREVIATIONS_EN, *lx.WEEKDAYS_EN, *lx.NUMBER_WORDS_EN,
    *lx.TENS_EN, *lx.ORDINALS_EN, *lx.UNITS_EN, *lx.SEASONS_EN, *lx.DAY_PARTS_EN,
    *lx.SET_ADVERBS_EN, *lx.DECADE_WORDS_EN, *lx.DATE_CONTEXT_WORDS_EN,
    "the", "early", "late", "mid", "middle", "beginning", "start", "end", "half", "quarter",
    "ago", "today", "yesterday", "tomorrow", "tonight", "now", "later", "earlier", "between",
    "and", "from", "until", "before", "after", "since", "about", "around", "circa", "last",
    "next", "this", "past", "recent", "recently", "current", "currently", "future",
    "present", "moment", "decade", "century", "weekend", "christmas", "easter", "eve",
})
_NAMES = [*lx.MONTHS_EN, *lx.WEEKDAYS_EN]


def _normalize(phrase: str) -> str:
    text = " ".join(phrase.replace("\u00a0", " ").split())
    return text.strip(" ,;")


def _fix_spelling(text: str) -> str:
    """Replace a misspelt month or weekday ("Febuary") by the nearest real name."""
    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < 4 or word.lower() in _KNOWN_WORDS:
            return word
        close = difflib.get_close_matches(word.lower(), _NAMES, n=1, cutoff=0.8)
        return close[0].capitalize() if close else word
    return re.sub(r"[A-Za-z]+", fix, text)


def _languages(text: str) -> tuple[str, ...]:
    if _CYRILLIC.search(text):
        return ("uk", "ru")
    return ("en", "de", "fr")


def _whole(text: str, anchor: date | None) -> tuple[FuzzyDate | None, list[str]]:
    """The one expression that covers the whole text, if there is one."""
    reasons: list[str] = []
    for lang in _languages(text):
        found, ctx = tag(text, anchor, lang, phrase_mode=True)
        reasons.extend(ctx.rejections)
        if len(found) != 1:
            continue
        s = found[0]
        outside = text[:s.start] + " " + text[s.end:]
        if _FILLER.sub("", outside.strip()) == "" or not re.search(r"\w", outside):
            return s.date, reasons
        leftover = re.sub(r"\b(?:on|in|at|during|of|the)\b", "", outside, flags=re.I)
        if not re.search(r"\w", leftover):
            return s.date, reasons
    return None, reasons


def _with_mod(found: FuzzyDate, mod: str, phrase: str) -> FuzzyDate:
    if found.timex_type not in ("DATE", "TIME") or found.needs_anchor:
        return replace(found, phrase=phrase, mod=mod, edtf=None)
    earliest, latest = bounds(found.value, mod, found.anchor)
    if (earliest, latest) == (None, None):
        earliest, latest = found.earliest, found.latest
    return replace(found, phrase=phrase, mod=mod, earliest=earliest, latest=latest,
                   edtf=to_edtf(found.value, mod, found.anchor))


def _complete_range(left: str, right: str) -> tuple[str, str]:
    """Lend the shared parts: "10" + "14 January 2025" -> "10 January 2025"."""
    year_right = re.search(r"(\d{4})\s*$", right)
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", left):
        m = re.match(r"\d{1,2}(?:st|nd|rd|th)?\s+(.*)$", right)
        if m:
            left = f"{left} {m.group(1)}"
    elif re.fullmatch(r"\d{1,2}(?:,?\s+\d{4})?", right):
        m = re.match(r"(\D+?)\s*\d{1,2}", left)
        if m:
            right = f"{m.group(1)} {right}"
    if year_right and not re.search(r"\d{4}", left) and not re.fullmatch(r"\d{4}", right):
        left = f"{left} {year_right.group(1)}"
    elif year_right and not re.search(r"\d{4}", left) and re.fullmatch(r"\d{4}", right):
        pass
    return left, right


_TIMEX_VALUE = re.compile(r"^\d{4}-(?:W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)$", re.I)


def _timex_value(text: str) -> FuzzyDate | None:
    """A TIMEX3 value typed as is ("2024-Q3", "2025-W12", "2023-SU")."""
    value = text.upper()
    earliest, latest = bounds(value, None)
    if earliest is None:
        return None
    return FuzzyDate(phrase=text, timex_type="DATE", value=value, edtf=to_edtf(value, None),
                     earliest=earliest, latest=latest)


def _single(text: str, anchor: date | None, reasons: list[str]) -> FuzzyDate | None:
    fixed = _fix_spelling(text)
    if looks_like_edtf(fixed):
        return _edtf(fixed, text)
    if _TIMEX_VALUE.match(fixed):
        found_value = _timex_value(fixed)
        if found_value is not None:
            return found_value
    found, why = _whole(fixed, anchor)
    reasons.extend(why)
    if found is not None:
        return replace(found, phrase=text)
    for pattern, mod in _PREPOSITIONS:
        m = pattern.match(fixed)
        if m:
            inner, why = _whole(m.group(1), anchor)
            reasons.extend(why)
            if inner is not None:
                return _with_mod(inner, mod, text)
    return None


def _edtf(text: str, phrase: str) -> FuzzyDate:
    try:
        reading = read_edtf(text)
    except EdtfError as error:
        raise DatePhraseError(f"I could not read '{phrase}' as a date: {error}.") from None
    return FuzzyDate(phrase=phrase, timex_type="DATE", value=reading.value, mod=reading.mod,
                     edtf=reading.edtf, earliest=reading.earliest, latest=reading.latest)


def _range(text: str, anchor: date | None, reasons: list[str]) -> FuzzyDate | None:
    for splitter in _RANGE_SPLITS:
        m = splitter.match(text)
        if not m:
            continue
        left_text, right_text = _complete_range(m.group(1).strip(), m.group(2).strip())
        left = _single(left_text, anchor, reasons)
        right = _single(right_text, anchor, reasons)
        if left is None or right is None:
            continue
        if left.timex_type not in ("DATE", "TIME") or right.timex_type not in ("DATE", "TIME"):
            continue
        if left.needs_anchor or right.needs_anchor:
            return FuzzyDate(phrase=text, timex_type="DATE", value=left.value,
                             needs_anchor=True)
        lo, hi = left.earliest, right.latest
        if lo is None or hi is None:
            continue
        if hi < lo:
            raise DatePhraseError(
                f"I could not read '{text}' as a date: the range ends ({right_text}) "
                f"before it starts ({left_text}).")
        start_form = left.edtf if left.edtf and "/" not in left.edtf else lo.isoformat()
        end_form = right.edtf if right.edtf and "/" not in right.edtf else hi.isoformat()
        anchor_used = left.anchor or right.anchor
        return FuzzyDate(phrase=text, timex_type="DATE", value=enclosing_value(lo, hi),
                         edtf=f"{start_form}/{end_form}", earliest=lo, latest=hi,
                         anchor=anchor_used)
    return None


def parse_date_phrase(phrase: str, anchor: date | None = None) -> FuzzyDate:
    """Read a typed date into a FuzzyDate; ``anchor`` resolves relative phrases.

    Raises DatePhraseError (a ValueError) with a message for the researcher.
    """
    text = _normalize(phrase)
    if not text:
        raise DatePhraseError(f"Please type a date. {_EXAMPLES}")
    reasons: list[str] = []
    try:
        found = _single(text, anchor, reasons)
        if found is None:
            found = _range(text, anchor, reasons)
    except DatePhraseError:
        raise
    except (ValueError, OverflowError):  # calendar arithmetic beyond year 1 or 9999
        raise DatePhraseError(
            f"I could not read '{text}' as a date: it lies outside the calendar I can "
            f"handle (years 1 to 9999).") from None
    if found is not None:
        return replace(found, phrase=phrase)
    if reasons:
        raise DatePhraseError(f"I could not read '{text}' as a date: {reasons[0]}.")
    raise DatePhraseError(f"I could not read '{text}' as a date. {_EXAMPLES}")

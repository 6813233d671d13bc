"""What a rule hands back, the context it reads, and how a candidate becomes a FuzzyDate."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from . import tense
from .edtf_form import to_edtf
from .fuzzy_date import FuzzyDate
from .timex_value import bounds


@dataclass
class Candidate:
    """A span one rule proposes; the tagger keeps the best of overlapping ones."""

    start: int
    end: int
    timex_type: str
    value: str
    mod: str | None = None
    rule: str = ""
    confidence: float = 0.8
    relative: bool = False
    # (unit, offset): resolved later against the last date the text mentioned,
    # e.g. "the following year" is ("Y", +1).
    anaphor: tuple[str, int] | None = None


class RejectedDate(ValueError):
    """A rule matched but the date cannot exist ("31 February"); the message says why."""


@dataclass
class Context:
    """Text and document date as the rules see them."""

    text: str
    dct: date | None
    lang: str = "en"
    phrase_mode: bool = False  # a user typed a date: no context words needed
    rejections: list[str] = field(default_factory=list)
    rejected_spans: list[tuple[int, int]] = field(default_factory=list)
    _directions: dict[tuple[int, int], int] = field(default_factory=dict)

    def direction(self, start: int, end: int) -> int:
        key = (start, end)
        if key not in self._directions:
            self._directions[key] = 0 if self.phrase_mode else tense.direction(
                self.text, start, end)
        return self._directions[key]

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos`` in lower case ('' at a sentence start)."""
        m = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        if m is None:
            return ""
        return m.group(1).lower() if m.group(1) else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.text, pos, min(len(self.text), pos + 40))
        return m.group(1) if m and m.group(1) else ""

    def at_sentence_start(self, pos: int) -> bool:
        m = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return m is None or not m.group(1)


_PREV_WORD = re.compile(r"(?:([\w'’]+)[\s,\"“”()-]*|^\s*|[.!?:;]\s*[\"“”']?\s*)\Z")
_NEXT_WORD = re.compile(r"[\s\"“”]*([\w'’]+)?")

Handler = Callable[["re.Match[str]", Context], "Candidate | None"]


@dataclass(frozen=True)
class Rule:
    """A regular expression found near a trigger word, and what its match means.

    ``families`` are trigger families (see patterns.TRIGGER_WORDS_EN) near
    which the pattern is tried. A named group ``t`` marks the timex inside a
    match that also needs some context ("at the moment" -> "the moment").
    """

    name: str
    families: tuple[str, ...]
    pattern: str
    handler: Handler
    flags: int = re.IGNORECASE
    back: int = 48  # how many characters before its trigger word a match may start
    # Cheap gates tried before the pattern: the trigger word must be one of
    # ``words`` (lower case; empty: any), the text after the trigger must match
    # ``after`` and the text before it must end with ``before`` (regexes).
    words: frozenset[str] = frozenset()
    after: str = ""
    before: str = ""
    # Words a match may start with (see patterns.leads); empty: any word.
    lead: tuple[str, ...] = ()


def span_of(m: re.Match[str]) -> tuple[int, int]:
    """The timex inside a match: group ``t`` (or ``t2``) if it took part, else all of it."""
    for name in ("t", "t2"):
        if name in m.re.groupindex and m.start(name) >= 0:
            return m.start(name), m.end(name)
    return m.start(), m.end()


def candidate(m: re.Match[str], timex_type: str, value: str, rule: str,
              mod: str | None = None, confidence: float = 0.8, relative: bool = False,
              anaphor: tuple[str, int] | None = None) -> Candidate:
    start, end = span_of(m)
    return Candidate(start, end, timex_type, value, mod, rule, confidence, relative, anaphor)


def to_fuzzy_date(phrase: str, c: Candidate, dct: date | None) -> FuzzyDate:
    """Fill in EDTF and bounds; relative values without a DCT get neither."""
    needs_anchor = c.relative and dct is None
    anchor = dct if c.relative else None
    if c.timex_type in ("DURATION", "SET") or needs_anchor:
        earliest = latest = None
        edtf = None if c.timex_type in ("DURATION", "SET") else to_edtf(c.value, None)
    else:
        earliest, latest = bounds(c.value, c.mod, anchor)
        edtf = to_edtf(c.value, c.mod, anchor)
    return FuzzyDate(phrase=phrase, timex_type=c.timex_type, value=c.value, mod=c.mod,
                     edtf=edtf, earliest=earliest, latest=latest, anchor=anchor,
                     needs_anchor=needs_anchor)

"""The value types every other part of Claimline sees: a fuzzy date and a suggestion.

They are frozen so that a suggestion can be cached, compared and passed between
threads without anyone editing it behind the pipeline's back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


def spell_unspecified_digits(value: str) -> str:
    """Decades and centuries carry their unknown digits as X: "195X", "18XX".

    Claimline's data model writes "the 1950s" as 195X (as EDTF does); the
    TempEval-3 gold writes the same decade as "195". The rules may produce
    either; every FuzzyDate leaves here in one spelling.
    """
    if _DECADE.fullmatch(value):
        return f"{value}X"
    if _CENTURY.fullmatch(value):
        return f"{value}XX"
    return value


@dataclass(frozen=True)
class FuzzyDate:
    """A date as a person wrote it, with what a machine can say about it.

    ``value`` and ``mod`` follow TimeML TIMEX3 (``2025-02`` + ``START`` for
    "early February 2025"), ``edtf`` is the ISO 8601-2 form where one exists and
    ``earliest``/``latest`` are the calendar days the phrase allows. A relative
    phrase read without a document date keeps ``X`` placeholders and no bounds;
    it is never resolved against today's date.
    """

    phrase: str
    timex_type: str
    value: str
    mod: str | None = None
    edtf: str | None = None
    earliest: date | None = None
    latest: date | None = None
    anchor: date | None = None
    needs_anchor: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", spell_unspecified_digits(self.value))

    @property
    def is_relative(self) -> bool:
        """True when the phrase needed (or used) a document date to mean something."""
        return self.needs_anchor or self.anchor is not None


@dataclass(frozen=True)
class TimexSuggestion:
    """One temporal expression found in a text, with where it is and why."""

    start: int
    end: int
    text: str
    date: FuzzyDate
    rule: str
    confidence: float

"""Temporal expressions: find them in news text (TimeML TIMEX3) and read typed dates.

    find_timexes(text, dct, lang="en") -> list[TimexSuggestion]
    parse_date_phrase(phrase, anchor=None) -> FuzzyDate     (raises DatePhraseError)
    fuzzy_date_for_bounds(earliest, latest, was=None) -> FuzzyDate   (days said in words)

Pure Python: no database, no Qt, no spaCy.
"""

from .bounds import fuzzy_date_for_bounds
from .fuzzy_date import FuzzyDate, TimexSuggestion
from .phrase_parser import DatePhraseError, parse_date_phrase
from .tagger import SUPPORTED_LANGUAGES, find_timexes

__all__ = [
    "SUPPORTED_LANGUAGES",
    "DatePhraseError",
    "FuzzyDate",
    "TimexSuggestion",
    "find_timexes",
    "fuzzy_date_for_bounds",
    "parse_date_phrase",
]

"""Shared helpers for the temporal tagger tests."""

from __future__ import annotations

from datetime import date

from annotators.temporal import TimexSuggestion, find_timexes

DCT = date(2025, 3, 17)  # a Monday


def tag(text: str, dct: date | None = DCT, lang: str = "en") -> list[TimexSuggestion]:
    """find_timexes, with the offset contract checked on every suggestion."""
    found = find_timexes(text, dct, lang)
    for s in found:
        assert text[s.start:s.end] == s.text, s
        assert s.date.phrase == s.text
        assert 0 < s.confidence <= 1
        if s.date.earliest and s.date.latest:
            assert s.date.earliest <= s.date.latest, s
    assert [s.start for s in found] == sorted(s.start for s in found)
    return found


def only(text: str, dct: date | None = DCT, lang: str = "en") -> TimexSuggestion:
    found = tag(text, dct, lang)
    assert len(found) == 1, [(s.text, s.date.value) for s in found]
    return found[0]


def values(text: str, dct: date | None = DCT, lang: str = "en") -> list[tuple[str, str, str]]:
    """(span, type, value) triples, the usual thing to compare."""
    return [(s.text, s.date.timex_type, s.date.value) for s in tag(text, dct, lang)]

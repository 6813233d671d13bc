from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from annotators.temporal import FuzzyDate, TimexSuggestion


def test_fuzzy_date_is_frozen_and_hashable() -> None:
    fd = FuzzyDate("early February 2025", "DATE", "2025-02", "START", "2025-02-01/2025-02-10",
                   date(2025, 2, 1), date(2025, 2, 10))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fd.value = "2025-03"  # type: ignore[misc]
    assert {fd: 1}[fd] == 1
    assert not fd.is_relative


def test_relative_flags() -> None:
    anchored = FuzzyDate("yesterday", "DATE", "2025-03-16", anchor=date(2025, 3, 17))
    floating = FuzzyDate("yesterday", "DATE", "XXXX-XX-XX", needs_anchor=True)
    assert anchored.is_relative and floating.is_relative


def test_suggestion_carries_provenance() -> None:
    fd = FuzzyDate("2024", "DATE", "2024")
    s = TimexSuggestion(3, 7, "2024", fd, "year", 0.9)
    assert (s.rule, s.confidence) == ("year", 0.9)

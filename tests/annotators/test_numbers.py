"""Figures found by rules, for pipelines without trained entity recognition."""

from __future__ import annotations

import pytest

from annotators.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout rose to 64% this year.", [("64%", "PERCENT")]),
        ("It costs $5 million.", [("$5 million", "MONEY")]),
        ("They spent 12 million euros.", [("12 million euros", "MONEY")]),
        ("More than 3,000 soldiers.", [("3,000", "CARDINAL")]),
        ("Понад 3 000 військових.", [("3 000", "CARDINAL")]),
        ("Бюджет 5 млн грн.", [("5 млн грн", "MONEY")]),
        ("A rise of 2.4 metres.", [("2.4 metres", "QUANTITY")]),
        ("Inflation was 6 per cent.", [("6 per cent", "PERCENT")]),
        ("No figures here.", []),
    ],
)
def test_figures_and_their_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[m.start:m.end], m.label) for m in find_numbers(text)] == expected

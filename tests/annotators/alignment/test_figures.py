"""Figures read into value, unit and qualifier class."""

from __future__ import annotations

import pytest

from annotators.alignment.figures import compatible_qualifiers, find_figures, same_value, value_key


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "hedge"), [
    ("more than 3,000 soldiers", 3000, "", "min", "more than"),
    ("over 3,000 soldiers", 3000, "", "min", "over"),
    ("about 4,000 soldiers", 4000, "", "approx", "about"),
    ("approximately 4,000", 4000, "", "approx", "approximately"),
    ("4 thousand", 4000, "", "exact", ""),
    ("three thousand hectares", 3000, "ha", "exact", ""),
    ("twenty-five", 25, "", "exact", ""),
    ("1.3 billion euros", 1.3e9, "eur", "exact", ""),
    ("$40", 40, "usd", "exact", ""),
    ("34.2 percent", 34.2, "%", "exact", ""),
    ("12%", 12, "%", "exact", ""),
    ("nearly 200", 200, "", "almost", "nearly"),
    ("at least 40 percent", 40, "%", "min", "at least"),
    ("fewer than 50", 50, "", "max", "fewer than"),
    ("some 31,000 people", 31000, "", "approx", "some"),
    ("понад 3 тис. солдатів", 3000, "", "min", "понад"),
    ("близько 4 000 осіб", 4000, "", "approx", "близько"),
    ("приблизно у 40 млн гривень", 4e7, "uah", "approx", "приблизно"),
    ("около 300 человек", 300, "", "approx", "около"),
    ("погибли три человека", 3, "", "exact", ""),
])
def test_reading(text: str, value: float, unit: str, qualifier: str, hedge: str) -> None:
    (figure,) = find_figures(text)
    assert figure.value == pytest.approx(value)
    assert (figure.unit, figure.qualifier, figure.hedge) == (unit, qualifier, hedge)
    assert text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize("text", [
    "KN-23 missiles", "in 1987", "the 20th day", "Covid-19 cases", "one of the men",
])
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_dates_are_skipped() -> None:
    text = "On 4 May 2024, 300 people came."
    (figure,) = find_figures(text, skip=[(3, 13)])
    assert figure.value == 300


def test_comparison() -> None:
    about, approx, over, plain = (find_figures(t)[0] for t in
                                  ("about 4,000", "approximately 4,000", "over 4,000", "4000"))
    assert same_value(about, over) and same_value(about, plain)
    assert compatible_qualifiers(about, approx)
    assert not compatible_qualifiers(about, over)
    assert not compatible_qualifiers(plain, about)
    nearly = find_figures("nearly 4,000")[0]
    assert compatible_qualifiers(about, nearly)
    assert value_key(about) == value_key(plain) == "#4000"
    percent, euros = find_figures("40 percent")[0], find_figures("40 euros")[0]
    assert not same_value(percent, euros)

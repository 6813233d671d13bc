from __future__ import annotations

from datetime import date

import pytest

from annotators.temporal.timex_value import bounds, duration_value, interval


@pytest.mark.parametrize(("value", "lo", "hi", "grain"), [
    ("2025-03-17", date(2025, 3, 17), date(2025, 3, 17), "day"),
    ("2025-03-17T14:00", date(2025, 3, 17), date(2025, 3, 17), "day"),
    ("2025-02", date(2025, 2, 1), date(2025, 2, 28), "month"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("2025-W12", date(2025, 3, 17), date(2025, 3, 23), "week"),
    ("2025-W11-WE", date(2025, 3, 15), date(2025, 3, 16), "week"),
    ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30), "quarter"),
    ("2024-H2", date(2024, 7, 1), date(2024, 12, 31), "half"),
    ("2024-SU", date(2024, 6, 1), date(2024, 8, 31), "season"),
    ("2024-WI", date(2024, 12, 1), date(2025, 2, 28), "season"),
    ("195X", date(1950, 1, 1), date(1959, 12, 31), "decade"),
    ("18", date(1800, 1, 1), date(1899, 12, 31), "century"),
    ("2025-02-1X", date(2025, 2, 10), date(2025, 2, 19), "day"),
])
def test_interval(value: str, lo: date, hi: date, grain: str) -> None:
    assert interval(value) == (lo, hi, grain)


@pytest.mark.parametrize("value", ["XXXX-03", "P3D", "PRESENT_REF", "2025-13", "XXXX-WXX-1"])
def test_no_interval(value: str) -> None:
    assert interval(value) is None


def test_thirds_of_a_month_year_and_decade() -> None:
    assert bounds("2025-02", "START") == (date(2025, 2, 1), date(2025, 2, 10))
    assert bounds("2025-02", "MID") == (date(2025, 2, 11), date(2025, 2, 20))
    assert bounds("2025-02", "END") == (date(2025, 2, 21), date(2025, 2, 28))
    assert bounds("2024", "END") == (date(2024, 9, 1), date(2024, 12, 31))
    assert bounds("2024", "START") == (date(2024, 1, 1), date(2024, 4, 30))
    assert bounds("195X", "START") == (date(1950, 1, 1), date(1953, 12, 31))
    assert bounds("195X", "END") == (date(1957, 1, 1), date(1959, 12, 31))


def test_open_ended_mods() -> None:
    assert bounds("2024", "BEFORE") == (None, date(2023, 12, 31))
    assert bounds("2024", "AFTER") == (date(2025, 1, 1), None)
    assert bounds("2024-05", "ON_OR_BEFORE") == (None, date(2024, 5, 31))
    assert bounds("2024-05", "ON_OR_AFTER") == (date(2024, 5, 1), None)
    assert bounds("2024-05", "APPROX") == (date(2024, 5, 1), date(2024, 5, 31))


def test_references_use_the_anchor() -> None:
    dct = date(2025, 3, 17)
    assert bounds("PRESENT_REF", None, dct) == (dct, dct)
    assert bounds("PAST_REF", None, dct) == (None, dct)
    assert bounds("FUTURE_REF", None, dct) == (dct, None)
    assert bounds("PRESENT_REF", None) == (None, None)


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (3, "D", "P3D"), (None, "Y", "PXY"), (1, "M", "P1M"), (20, "Y", "P20Y"), (48, "H", "PT48H"),
    (30, "MIN", "PT30M"), (2.5, "Y", "P2Y6M"), (0.5, "H", "PT30M"), (1.5, "D", "P1DT12H"),
    (1, "DE", "P1DE"), (None, "E", "PXE"), (1, "2W", "P2W"), (None, "H", "PTXH"),
])
def test_duration_value(amount: float | None, unit: str, value: str) -> None:
    assert duration_value(amount, unit) == value

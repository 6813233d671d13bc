from __future__ import annotations

from datetime import date

import pytest

from annotators.temporal.edtf_form import (
    EdtfError,
    enclosing_value,
    looks_like_edtf,
    read_edtf,
    to_edtf,
)


@pytest.mark.parametrize(("value", "mod", "edtf"), [
    ("2025-02", None, "2025-02"),
    ("2025-02", "APPROX", "2025-02~"),
    ("2025-02", "START", "2025-02-01/2025-02-10"),
    ("195", None, "195X"),
    ("195X", None, "195X"),  # the older spelling still reads
    ("18", None, "18XX"),
    ("2024-SP", None, "2024-21"),
    ("2024-FA", None, "2024-23"),
    ("2024-Q3", None, "2024-35"),
    ("2024-H1", None, "2024-40"),
    ("2025-W12", None, "2025-03-17/2025-03-23"),
    ("2025-03-17T14:00", None, "2025-03-17T14:00:00"),
    ("2025-03-17TMO", None, "2025-03-17"),
    ("2024", "BEFORE", "../2023-12-31"),
    ("2024", "ON_OR_AFTER", "2024-01-01/.."),
    ("XXXX-03", None, "XXXX-03"),
    ("P3D", None, None),
    ("PRESENT_REF", None, None),
    ("XXXX-WXX-1", None, None),
])
def test_to_edtf(value: str, mod: str | None, edtf: str | None) -> None:
    assert to_edtf(value, mod) == edtf


@pytest.mark.parametrize(("text", "value", "mod", "lo", "hi"), [
    ("2025-02~", "2025-02", "APPROX", date(2025, 2, 1), date(2025, 2, 28)),
    ("2025-02?", "2025-02", None, date(2025, 2, 1), date(2025, 2, 28)),
    ("2025-02%", "2025-02", "APPROX", date(2025, 2, 1), date(2025, 2, 28)),
    ("2025-02-1X", "2025-02-1X", None, date(2025, 2, 10), date(2025, 2, 19)),
    ("2024-21", "2024-SP", None, date(2024, 3, 1), date(2024, 5, 31)),
    ("2024-35", "2024-Q3", None, date(2024, 7, 1), date(2024, 9, 30)),
    ("195X", "195", None, date(1950, 1, 1), date(1959, 12, 31)),
    ("19XX", "19", None, date(1900, 1, 1), date(1999, 12, 31)),
    ("../2024-05", "2024-05", "ON_OR_BEFORE", None, date(2024, 5, 31)),
    ("2024/..", "2024", "ON_OR_AFTER", date(2024, 1, 1), None),
    ("2025-03-10/2025-03-14", "2025-03", None, date(2025, 3, 10), date(2025, 3, 14)),
])
def test_read_edtf(text: str, value: str, mod: str | None, lo: date | None,
                   hi: date | None) -> None:
    reading = read_edtf(text)
    assert (reading.value, reading.mod, reading.earliest, reading.latest) == (value, mod, lo, hi)
    assert reading.edtf == text


@pytest.mark.parametrize(("text", "message"), [
    ("2025-02-30", "February has 28 days in 2025"),
    ("2025-13", "there is no month 13"),
    ("2025-03-14/2025-03-10", "ends"),
    ("2024-21-05", "season"),
])
def test_read_edtf_errors(text: str, message: str) -> None:
    with pytest.raises(EdtfError, match=message):
        read_edtf(text)


def test_looks_like_edtf() -> None:
    assert looks_like_edtf("2025-02~") and looks_like_edtf("../2024")
    assert not looks_like_edtf("March 2025") and not looks_like_edtf("2024-Q3")


def test_enclosing_value() -> None:
    assert enclosing_value(date(2025, 3, 10), date(2025, 3, 14)) == "2025-03"
    assert enclosing_value(date(2025, 3, 31), date(2025, 4, 2)) == "2025-W14"
    assert enclosing_value(date(2025, 1, 10), date(2025, 2, 14)) == "2025-Q1"
    assert enclosing_value(date(2021, 1, 1), date(2024, 12, 31)) == "202"
    assert enclosing_value(date(1999, 1, 1), date(2001, 1, 1)) == "XXXX"

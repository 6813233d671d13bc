from __future__ import annotations

import datetime

import pytest

from storage.importing.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-14", datetime.date(2024, 3, 14)),
        (" 2024-03-14 ", datetime.date(2024, 3, 14)),
        ("2024/03/14", datetime.date(2024, 3, 14)),
        ("2024-03-14T09:30:00Z", datetime.date(2024, 3, 14)),
        ("2024-03-14 23:30:00", datetime.date(2024, 3, 14)),
        # The date as printed in its own zone, not converted to UTC.
        ("2024-03-14T23:30:00+05:00", datetime.date(2024, 3, 14)),
    ],
)
def test_iso_dates(value: str, expected: datetime.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["14/03/2024", "March 2024", "2024-02-30", "yesterday", ""])
def test_ambiguous_or_invalid_dates(value: str) -> None:
    assert parse_date(value) is None

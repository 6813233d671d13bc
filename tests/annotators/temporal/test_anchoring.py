from __future__ import annotations

from datetime import date

import pytest

from annotators.temporal import anchoring as a

MONDAY = date(2025, 3, 17)
THURSDAY = date(1998, 4, 2)


def test_weekday_defaults_to_the_recent_past_and_the_dct_itself() -> None:
    assert a.weekday_date(MONDAY, 1, 0) == MONDAY
    assert a.weekday_date(MONDAY, 5, 0) == date(2025, 3, 14)
    assert a.weekday_date(THURSDAY, 2, -1) == date(1998, 3, 31)


def test_weekday_in_the_future() -> None:
    assert a.weekday_date(MONDAY, 3, 1) == date(2025, 3, 19)
    assert a.weekday_date(MONDAY, 7, 1) == date(2025, 3, 23)


def test_last_and_next_weekday_skip_the_dct() -> None:
    assert a.relative_weekday_value(MONDAY, 1, "last") == "2025-03-10"
    assert a.relative_weekday_value(MONDAY, 1, "next") == "2025-03-24"
    assert a.relative_weekday_value(MONDAY, 5, "this") == "2025-03-21"


@pytest.mark.parametrize(("month", "direction", "value"), [
    (12, 1, "2025-12"), (12, -1, "2024-12"), (12, 0, "2024-12"), (5, 0, "2025-05"),
    (3, -1, "2025-03"), (2, 1, "2026-02"),
])
def test_month_without_year(month: int, direction: int, value: str) -> None:
    assert a.month_value(MONDAY, month, direction) == value


def test_relative_month() -> None:
    assert a.relative_month_value(date(1998, 2, 27), 5, "last") == "1997-05"
    assert a.relative_month_value(date(1998, 6, 1), 5, "last") == "1998-05"
    assert a.relative_month_value(MONDAY, 3, "next") == "2026-03"


def test_month_day_without_year() -> None:
    assert a.month_day_value(date(1998, 2, 13), 3, 30, 1) == "1998-03-30"
    assert a.month_day_value(date(1998, 2, 13), 12, 30, 0) == "1997-12-30"
    assert a.month_day_value(date(2025, 3, 1), 2, 29, -1) == "2024-02-29"


@pytest.mark.parametrize(("unit", "offset", "value"), [
    ("D", -1, "2025-03-16"), ("W", 0, "2025-W12"), ("W", -2, "2025-W10"), ("M", 1, "2025-04"),
    ("M", -3, "2024-12"), ("Q", -1, "2024-Q4"), ("H", 1, "2025-H2"), ("Y", -1, "2024"),
    ("DE", 0, "202"), ("E", 0, "20"), ("WE", -1, "2025-W11-WE"),
])
def test_shifted_value(unit: str, offset: int, value: str) -> None:
    assert a.shifted_value(MONDAY, unit, offset) == value


@pytest.mark.parametrize(("unit", "value"), [
    ("D", "XXXX-XX-XX"), ("W", "XXXX-WXX"), ("M", "XXXX-XX"), ("Y", "XXXX"), ("Q", "XXXX-QX"),
])
def test_no_dct_keeps_placeholders(unit: str, value: str) -> None:
    assert a.shifted_value(None, unit, -1) == value
    assert a.weekday_value(None, 2, 0) == "XXXX-WXX-2"
    assert a.month_value(None, 3, 0) == "XXXX-03"


def test_seasons() -> None:
    assert a.season_value(MONDAY, "SU", "last") == "2024-SU"
    assert a.season_value(MONDAY, "WI", "last") == "2024-WI"
    assert a.season_value(MONDAY, "SU", "this") == "2025-SU"
    assert a.season_value(MONDAY, "SP", "next") == "2026-SP"
    assert a.season_value(date(2025, 10, 1), "SU", "last") == "2025-SU"
    assert a.season_value(None, "FA", "last") == "XXXX-FA"


def test_quarter_without_year_looks_back_at_the_finished_one() -> None:
    assert a.quarter_value(date(1998, 1, 26), 4, 0) == "1997-Q4"
    assert a.quarter_value(date(2024, 10, 20), 3, -1) == "2024-Q3"
    assert a.quarter_value(date(2024, 10, 20), 1, 1) == "2025-Q1"


def test_ago() -> None:
    assert a.ago_value(date(1998, 2, 27), "Y", 4) == "1994"
    assert a.ago_value(MONDAY, "W", 2) == "2025-W10"
    assert a.ago_value(MONDAY, "D", 3) == "2025-03-14"


def test_a_day_the_tense_puts_a_year_away_is_the_near_one() -> None:
    # "postmarked by Nov. 4 would be counted" in a Nov. 6 story
    assert a.month_day_value(date(1996, 11, 6), 11, 4, 1) == "1996-11-04"
    # a day after the year turns stays with the tense
    assert a.month_day_value(date(2021, 11, 19), 2, 24, 1) == "2022-02-24"
    # "will take effect Jan. 1" in February: next year, the near one is seven weeks back
    assert a.month_day_value(date(2025, 2, 17), 1, 1, 1) == "2026-01-01"


def test_quarter_tense_only_decides_between_near_quarters() -> None:
    # "reports first-quarter results next week" in May
    assert a.quarter_value(date(2006, 5, 4), 1, 1) == "2006-Q1"
    # "could ease in the second quarter", said in January
    assert a.quarter_value(date(2000, 1, 4), 2, -1) == "2000-Q2"
    assert a.quarter_value(date(2000, 1, 4), 3, 1) == "2000-Q3"
    assert a.quarter_value(date(1998, 1, 26), 4, -1) == "1997-Q4"


def test_this_season_is_in_the_dct_calendar_year() -> None:
    assert a.season_value(date(2025, 1, 10), "SP", "this") == "2025-SP"
    assert a.season_value(date(2025, 1, 10), "FA", "this") == "2025-FA"
    assert a.season_value(date(2025, 1, 10), "WI", "this") == "2024-WI"
    assert a.season_value(date(2025, 12, 10), "WI", "this") == "2025-WI"

"""Dates that carry their own position in the calendar (rules_en_absolute, rules_numeric)."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import only, tag, values


@pytest.mark.parametrize("dct", [date(2025, 3, 17), None])
@pytest.mark.parametrize(("text", "span", "value"), [
    ("The ceasefire was signed on 3 March 2024 in Geneva.", "3 March 2024", "2024-03-03"),
    ("The ceasefire was signed on March 3, 2024, in Geneva.", "March 3, 2024", "2024-03-03"),
    ("It was signed on the 3rd of March 2024.", "the 3rd of March 2024", "2024-03-03"),
    ("Parliament met on Monday, Jan. 6, 2025, to vote.", "Monday, Jan. 6, 2025", "2025-01-06"),
    ("Exports fell in January 2025 after the strike.", "January 2025", "2025-01"),
    ("Exports fell in Sept. 2023.", "Sept. 2023", "2023-09"),
    ("The museum reopened in 1998 after a fire.", "1998", "1998"),
    ("Debt rose in 2023, officials said.", "2023", "2023"),
    ("The report, filed 2025-03-10, names four firms.", "2025-03-10", "2025-03-10"),
    ("The order dated 17.03.2025 was published.", "17.03.2025", "2025-03-17"),
    ("The order dated 03/17/2025 was published.", "03/17/2025", "2025-03-17"),
    ("The order dated 17/03/2025 was published.", "17/03/2025", "2025-03-17"),
])
def test_absolute_dates_need_no_anchor(dct: date | None, text: str, span: str,
                                       value: str) -> None:
    s = only(text, dct)
    assert (s.text, s.date.timex_type, s.date.value) == (span, "DATE", value)
    assert s.date.needs_anchor is False and s.date.anchor is None
    assert s.date.earliest is not None and s.date.latest is not None


def test_bounds_and_edtf_of_a_full_date() -> None:
    s = only("The vote took place on 3 March 2024.")
    assert (s.date.earliest, s.date.latest, s.date.edtf) == (
        date(2024, 3, 3), date(2024, 3, 3), "2024-03-03")
    assert s.rule == "month-day-year"


# Decades and centuries carry their unknown digits as X, as Claimline's data model
# writes them ("199X" is the 1990s, "18XX" the 19th century); TempEval-3 drops the X.
@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("The war has been the deadliest since the 1950s.", "the 1950s", "195X", None),
    ("Prices were lower in the '90s.", "the '90s", "199X", None),
    ("Prices were lower in the nineties.", "the nineties", "199X", None),
    ("Wages stagnated in the early 1980s.", "the early 1980s", "198X", "START"),
    ("The mill closed in the mid-1990s.", "the mid-1990s", "199X", "MID"),
    ("The bridge dates from the 19th century.", "the 19th century", "18XX", None),
    ("The bridge dates from the nineteenth century.", "the nineteenth century", "18XX", None),
    ("The harbour grew in the late 18th century.", "the late 18th century", "17XX", "END"),
    ("Such laws were common in the 1800s.", "the 1800s", "18XX", None),
])
def test_decades_and_centuries(text: str, span: str, value: str, mod: str | None) -> None:
    s = only(text)
    assert (s.text, s.date.value, s.date.mod) == (span, value, mod)


def test_decade_bounds_and_edtf() -> None:
    s = only("Since the 1950s the valley has emptied.", None)
    assert (s.date.earliest, s.date.latest, s.date.edtf) == (
        date(1950, 1, 1), date(1959, 12, 31), "195X")
    assert not s.date.needs_anchor


@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("Output shrank in late 2024.", "late 2024", "2024", "END"),
    ("Output shrank at the end of 2024.", "the end of 2024", "2024", "END"),
    ("Output shrank in the first half of 2024.", "the first half of 2024", "2024-H1", None),
    ("Reserves peaked in mid-2019.", "mid-2019", "2019", "MID"),
    ("The plan starts in early February 2025.", "early February 2025", "2025-02", "START"),
    ("As of the beginning of January 2025, 3,000 were hurt.",
     "the beginning of January 2025", "2025-01", "START"),
])
def test_parts_of_years_and_months(text: str, span: str, value: str, mod: str | None) -> None:
    s = only(text)
    assert (s.text, s.date.value, s.date.mod) == (span, value, mod)


def test_early_february_bounds() -> None:
    s = only("The plan starts in early February 2025.")
    assert (s.date.earliest, s.date.latest) == (date(2025, 2, 1), date(2025, 2, 10))
    assert s.date.edtf == "2025-02-01/2025-02-10"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Profit rose in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"),
    ("Profit rose in Q3 2024.", "Q3 2024", "2024-Q3"),
    ("The dam was finished in summer 2023.", "summer 2023", "2023-SU"),
    ("The dam was finished in the autumn of 2022.", "the autumn of 2022", "2022-FA"),
    ("The count was held on Christmas Day 2020.", "Christmas Day 2020", "2020-12-25"),
    ("The count was held on Easter Sunday 2024.", "Easter Sunday 2024", "2024-03-31"),
])
def test_quarters_seasons_holidays(text: str, span: str, value: str) -> None:
    s = only(text)
    assert (s.text, s.date.value) == (span, value)


def test_quarter_without_year_follows_the_dct() -> None:
    assert values("The carrier reported a loss for the fourth quarter.", date(1998, 1, 26)) == [
        ("the fourth quarter", "DATE", "1997-Q4")]
    s = only("The carrier reported a loss for the fourth quarter.", None)
    assert (s.date.value, s.date.needs_anchor) == ("XXXX-Q4", True)


def test_spoken_years() -> None:
    assert values("In nineteen ninety-one he was convicted.") == [
        ("nineteen ninety-one", "DATE", "1991")]
    assert values("The law dates from two thousand and five, lawyers said.") == [
        ("two thousand and five", "DATE", "2005")]


@pytest.mark.parametrize("text", [
    "He paid 1998 dollars for the car.",
    "The Orion 1980 venture makes parts.",
    "Around 1,500 people marched.",
    "The model 2000X sold well.",
    "Turnout rose by 2010 votes.",
    "Prices rose 2025% over a decade of hyperinflation.",
])
def test_numbers_that_are_not_years(text: str) -> None:
    assert all(s.date.value not in ("1998", "1980", "2000", "2010", "2025") for s in tag(text))


def test_month_names_that_are_not_months() -> None:
    assert tag("Protesters march on the capital and may return.") == []
    assert tag("Theresa May said the deal was dead.") == []


def test_clock_times() -> None:
    assert values("The polls close at 10 a.m. and reopen at 14:30 GMT.") == [
        ("10 a.m.", "TIME", "2025-03-17T10:00"), ("14:30 GMT", "TIME", "2025-03-17T14:30")]
    assert values("The talks resume next Tuesday at 9:15 p.m.") == [
        ("next Tuesday", "DATE", "2025-03-18"), ("9:15 p.m.", "TIME", "2025-03-18T21:15")]
    assert values("Share prices rose to 2.50 on Monday.") == [("Monday", "DATE", "2025-03-17")]


def test_iso_datetime() -> None:
    assert values("Filed at 2025-03-17T14:00 by the clerk.") == [
        ("2025-03-17T14:00", "TIME", "2025-03-17T14:00")]


def test_impossible_dates_are_skipped() -> None:
    assert tag("The memo is dated 31 February 2025.") == []
    assert tag("The memo is dated 2025-02-30.") == []

"""Expressions resolved against the document date (rules_en_relative), with and without it."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import DCT, only, tag, values

# ------------------------------------------------------------------ the seed sentences


@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("During a telephone conversation on Monday, the minister asked for help.", "Monday",
     "2025-03-17", None),
    ("Kyiv said that as of the beginning of January 2025, 3,000 soldiers were hurt.",
     "the beginning of January 2025", "2025-01", "START"),
    ("It is the first such deployment since the 1950s.", "the 1950s", "195X", None),
    ("Last year, the authorities sent troops abroad.", "Last year", "2024", None),
    ("As of early February, the unit had lost 4,000 soldiers.", "early February", "2025-02",
     "START"),
    ("At the moment, they are training in the region.", "the moment", "PRESENT_REF", None),
])
def test_seed_sentences(text: str, span: str, value: str, mod: str | None) -> None:
    s = only(text)
    assert (s.text, s.date.value, s.date.mod) == (span, value, mod)


def test_seed_monday_is_anchored() -> None:
    s = only("During a telephone conversation on Monday, the minister asked for help.")
    assert s.date.anchor == DCT and not s.date.needs_anchor
    assert (s.date.earliest, s.date.latest) == (DCT, DCT)
    assert s.rule == "weekday"


# ------------------------------------------------------------------ days and weekdays


@pytest.mark.parametrize(("text", "span", "typ", "value"), [
    ("The bill passed yesterday.", "yesterday", "DATE", "2025-03-16"),
    ("The bill passes today.", "today", "DATE", "2025-03-17"),
    ("The bill passes tomorrow.", "tomorrow", "DATE", "2025-03-18"),
    ("The vote is tonight.", "tonight", "TIME", "2025-03-17TNI"),
    ("Shelling went on last night.", "last night", "TIME", "2025-03-16TNI"),
    ("The minister spoke this morning.", "this morning", "TIME", "2025-03-17TMO"),
    ("The minister spoke yesterday afternoon.", "yesterday afternoon", "TIME", "2025-03-16TAF"),
    ("The border reopened on Friday.", "Friday", "DATE", "2025-03-14"),
    ("The border will reopen on Friday.", "Friday", "DATE", "2025-03-21"),
    ("The border reopened last Friday.", "last Friday", "DATE", "2025-03-14"),
    ("The border reopens next Monday.", "next Monday", "DATE", "2025-03-24"),
    ("Strikes resumed on Sunday night.", "Sunday night", "TIME", "2025-03-16TNI"),
    ("The envoy left late Friday.", "late Friday", "DATE", "2025-03-14"),
])
def test_days(text: str, span: str, typ: str, value: str) -> None:
    s = only(text)
    assert (s.text, s.date.timex_type, s.date.value) == (span, typ, value)


def test_weekday_a_week_before_a_thursday_dct() -> None:
    dct = date(1998, 4, 2)
    assert values("The prosecutor created the task force on Tuesday.", dct) == [
        ("Tuesday", "DATE", "1998-03-31")]


# ------------------------------------------------------------------ units relative to the DCT


@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("Tariffs rose last year.", "last year", "2024", None),
    ("Tariffs rise next month.", "next month", "2025-04", None),
    ("Tariffs rose this week.", "this week", "2025-W12", None),
    ("Tariffs rose last week.", "last week", "2025-W11", None),
    ("Tariffs rose two weeks ago.", "two weeks ago", "2025-W10", None),
    ("Tariffs rose three days ago.", "three days ago", "2025-03-14", None),
    ("Tariffs rose nearly four years ago.", "nearly four years ago", "2021", "APPROX"),
    ("Tariffs rose a month ago.", "a month ago", "2025-02", None),
    ("Tariffs rose late last year.", "late last year", "2024", "END"),
    ("Tariffs rise by the end of this year.", "the end of this year", "2025", "END"),
    ("Tariffs rose last quarter.", "last quarter", "2024-Q4", None),
    ("The army advanced last summer.", "last summer", "2024-SU", None),
    ("The army will advance this summer.", "this summer", "2025-SU", None),
    ("The army advanced over the weekend.", "the weekend", "2025-W11-WE", None),
    ("Tariffs rose last weekend.", "last weekend", "2025-W11-WE", None),
    ("Tariffs fall later in the year.", "the year", "2025", None),
    ("Tariffs fell in early March.", "early March", "2025-03", "START"),
    ("Tariffs fall in mid-March.", "mid-March", "2025-03", "MID"),
    ("The treaty was signed last May.", "last May", "2024-05", None),
])
def test_relative_units(text: str, span: str, value: str, mod: str | None) -> None:
    s = only(text)
    assert (s.text, s.date.timex_type, s.date.value, s.date.mod) == (span, "DATE", value, mod)
    assert s.date.anchor == DCT


def test_bare_month_uses_tense() -> None:
    assert values("She will command a mission in December.") == [
        ("December", "DATE", "2025-12")]
    assert values("Police cited him in December for speeding.") == [
        ("December", "DATE", "2024-12")]


def test_the_following_year_points_back_into_the_text() -> None:
    text = "On May 22, 1995, he was promoted, and the following year he moved to Washington."
    assert values(text) == [("May 22, 1995", "DATE", "1995-05-22"),
                            ("the following year", "DATE", "1996")]


def test_a_year_earlier_keeps_the_quarter() -> None:
    text = "Profit in the third quarter rose from $4 million a year earlier."
    assert values(text, date(1989, 10, 26)) == [
        ("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]


def test_anaphor_without_any_date_falls_back_to_the_dct() -> None:
    assert values("The next day, the talks collapsed.") == [("The next day", "DATE",
                                                             "2025-03-18")]
    s = only("The next day, the talks collapsed.", None)
    assert (s.date.value, s.date.needs_anchor) == ("XXXX-XX-XX", True)


# ------------------------------------------------------------------ references


@pytest.mark.parametrize(("text", "span", "value"), [
    ("No woman has commanded a mission until now.", "now", "PRESENT_REF"),
    ("Right now, the mood is tense.", "now", "PRESENT_REF"),
    ("The troops are currently in Kursk.", "currently", "PRESENT_REF"),
    ("Up from the current four flights a week.", "current", "PRESENT_REF"),
    ("Nowadays few people read it.", "Nowadays", "PRESENT_REF"),
    ("The party recently changed its leader.", "recently", "PAST_REF"),
    ("The mill was formerly a church.", "formerly", "PAST_REF"),
    ("In the past, the region was calm.", "the past", "PAST_REF"),
    ("Strikes could continue well into the future.", "the future", "FUTURE_REF"),
    ("Talks will resume in the near future.", "the near future", "FUTURE_REF"),
    ("Officials expect a decision soon.", "soon", "FUTURE_REF"),
])
def test_references(text: str, span: str, value: str) -> None:
    s = only(text)
    assert (s.text, s.date.value) == (span, value)
    assert s.date.edtf is None


def test_reference_bounds_follow_the_dct() -> None:
    assert (only("It is calm now.").date.earliest, only("It is calm now.").date.latest) == (
        DCT, DCT)
    past = only("The party recently changed.").date
    assert (past.earliest, past.latest) == (None, DCT)


@pytest.mark.parametrize("text", [
    "She came as soon as she could.",
    "The future of the treaty is unclear.",
    "The account holds the current account surplus.",
    "This time the deal held.",
    "They met one day in a cafe.",
    "The talk show aired a morning special.",
    "It was the second day of talks.",
    "The Sunday Times printed the letter.",
    "Black Friday sales fell.",
])
def test_not_temporal_in_timeml(text: str) -> None:
    assert tag(text) == []


# ------------------------------------------------------------------ without a DCT


@pytest.mark.parametrize(("text", "value"), [
    ("The bill passed yesterday.", "XXXX-XX-XX"),
    ("The border reopened on Friday.", "XXXX-WXX-5"),
    ("Tariffs rose last year.", "XXXX"),
    ("Tariffs rise next month.", "XXXX-XX"),
    ("Tariffs rose this week.", "XXXX-WXX"),
    ("Tariffs rose two weeks ago.", "XXXX-WXX"),
    ("As of early February, troops had lost 4,000 soldiers.", "XXXX-02"),
    ("The army advanced last summer.", "XXXX-SU"),
    ("The minister spoke this morning.", "XXXX-XX-XXTMO"),
    ("It is calm now.", "PRESENT_REF"),
])
def test_relative_without_dct_is_never_guessed(text: str, value: str) -> None:
    s = only(text, None)
    assert s.date.value == value
    assert s.date.needs_anchor is True and s.date.anchor is None
    assert s.date.earliest is None and s.date.latest is None


def test_datetime_dct_is_accepted() -> None:
    from datetime import datetime

    s = only("The bill passed yesterday.", datetime(2025, 3, 17, 23, 59))
    assert s.date.value == "2025-03-16" and s.date.anchor == DCT


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Yesterday's vote was close.", "Yesterday", "2025-03-16"),
    ("Friday's vote was close.", "Friday", "2025-03-14"),
    ("This follows last year’s deployment.", "last year", "2024"),
    ("He said 'Monday' twice.", "Monday", "2025-03-17"),
])
def test_possessives_and_quotes(text: str, span: str, value: str) -> None:
    s = only(text)
    assert (s.text, s.date.value) == (span, value)

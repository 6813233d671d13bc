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

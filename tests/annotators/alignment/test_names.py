"""When two mentions name the same person, place or organisation."""

from __future__ import annotations

import pytest

from annotators.alignment.names import canonical, mentioned_in, same_name, word_keys


@pytest.mark.parametrize(("a", "b"), [
    ("North Korea's", "North Korea"),
    ("North Korean", "North Korea"),
    ("the United States", "United States"),
    ("the US", "United States"),
    ("U.S.", "United States"),
    ("Pyongyang", "North Korea"),
    ("Seoul's military", "South Korea’s military"),
    ("the Kremlin", "Russia"),
    ("Budanov", "Kyrylo Budanov"),
    ("Cho", "Cho Tae-yul"),
])
def test_same(a: str, b: str) -> None:
    assert same_name(a, b)
    assert same_name(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Elena Brandt", "Paula Brandt"),
    ("Korvet", "Dorvet"),
    ("Seoul", "North Korea"),
    ("", "Kyiv"),
])
def test_different(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_canonical() -> None:
    assert canonical("the Kremlin's") == "russia"
    assert canonical("The Hague") == "netherlands"
    assert canonical("Kyrylo Budanov") == "kyrylo budanov"


def test_mentioned_in_a_passage() -> None:
    keys = word_keys("North Korea may consider sending troops, Seoul’s generals said.")
    assert mentioned_in("Pyongyang", keys)
    assert mentioned_in("South Korea", keys)
    assert not mentioned_in("Japan", keys)
    assert "unite" not in word_keys("Let us go.")

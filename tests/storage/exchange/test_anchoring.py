"""Finding a quote again: position first, then context, then nearness, then loose whitespace."""

from __future__ import annotations

from storage.annotation_import.anchoring import anchor, quote_context

TEXT = "He said 40. She said 40. They said 40 again."


def test_a_correct_position_is_kept() -> None:
    assert anchor(TEXT, "40", start=21, end=23) == (21, 23)


def test_context_chooses_among_occurrences() -> None:
    assert anchor(TEXT, "40", start=0, end=2, prefix="They said ", suffix=" again") == (35, 37)


def test_nearest_occurrence_without_context() -> None:
    assert anchor(TEXT, "40", start=19, end=21) == (21, 23)


def test_whitespace_may_differ_and_missing_quotes_are_none() -> None:
    assert anchor("one  two\nthree", "two three") == (5, 14)
    assert anchor(TEXT, "absent") is None
    assert quote_context(TEXT, 8, 10, width=4) == ("aid ", ". Sh")

from __future__ import annotations

import pytest

from storage.importing import normalize_text
from storage.importing.normalization import clean_field


@pytest.mark.parametrize(
    "raw",
    [
        "one\r\ntwo",
        "one\rtwo",
        "one\u2028two",
        "one\u2029two",
        "one\x85two",
        "one\ntwo",
    ],
)
def test_every_line_break_becomes_a_newline(raw: str) -> None:
    assert normalize_text(raw) == "one\ntwo"


def test_composes_to_nfc() -> None:
    assert normalize_text("Cafe\u0301 Zu\u0308rich") == "Caf\u00e9 Z\u00fcrich"


def test_strips_bom_and_control_characters_but_keeps_tabs() -> None:
    assert normalize_text("\ufeffcol\x00umn\x07\tvalue\x1b") == "column\tvalue"


def test_trailing_spaces_and_blank_line_runs() -> None:
    raw = "  \n\nTitle   \n\n\n\n\nFirst  \t\n   \nSecond\n\n\n"
    assert normalize_text(raw) == "Title\n\nFirst\n\nSecond"


def test_leading_indentation_inside_the_text_is_kept() -> None:
    assert normalize_text("Quote:\n    indented line") == "Quote:\n    indented line"


def test_lone_surrogates_are_dropped() -> None:
    assert normalize_text("a\ud800b") == "ab"


def test_whitespace_only_gives_empty_string() -> None:
    assert normalize_text(" \r\n\t\u2028\ufeff ") == ""


def test_emoji_korean_and_arabic_survive() -> None:
    text = "👩‍👩‍👧 가족 사진 🇺🇦\n\nمرحبا بالعالم\u200f"
    assert normalize_text(text) == text


def test_clean_field_collapses_to_one_line() -> None:
    assert clean_field("  Jane\n  Doe \t") == "Jane Doe"
    assert clean_field(" \n ") is None

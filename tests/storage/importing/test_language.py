from __future__ import annotations

import pytest

from storage.importing.language import detect_language, language_code


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en", "en"), ("EN", "en"), ("uk-UA", "uk"), ("ua", "uk"), ("pt_BR", "pt"), ("jp", "ja")],
)
def test_language_tags(tag: str, code: str) -> None:
    assert language_code(tag) == code


@pytest.mark.parametrize("tag", ["English", "eng", "xx", "", "e1"])
def test_unknown_tags(tag: str) -> None:
    assert language_code(tag) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The harbour authority said the new pier will open before the summer season.", "en"),
        ("Міська рада вирішила відремонтувати старий міст через річку до кінця року.", "uk"),
        ("Городской совет решил отремонтировать старый мост через реку до конца года.", "ru"),
        ("Der Stadtrat hat beschlossen, die alte Brücke bis Ende des Jahres zu sanieren.", "de"),
    ],
)
def test_detects_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "OK", "12 345 678 910", "Short note here"])
def test_too_short_to_tell(text: str) -> None:
    assert detect_language(text) is None

from __future__ import annotations

import random

import pytest

from storage.importing.binary_detection import (
    binary_reason,
    has_binary_controls,
    recognise_magic,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    ],
)
def test_recognises_common_signatures(header: bytes, expected: str) -> None:
    kind = recognise_magic(header + b"\x00" * 32)
    assert kind is not None
    assert expected in kind


@pytest.mark.parametrize(
    "text", [b"MZ Mobile launches a new tariff.", b"PK said nothing.", b"%PDF is a tag"]
)
def test_text_that_starts_like_a_signature_is_not_flagged(text: bytes) -> None:
    assert recognise_magic(text) is None


def test_nul_bytes_mean_binary() -> None:
    assert has_binary_controls(b"plain words\x00more words")


def test_many_control_bytes_mean_binary() -> None:
    noise = bytes(random.Random(7).choice(range(1, 9)) for _ in range(200))
    assert has_binary_controls(b"header " + noise)


def test_ordinary_text_with_tabs_and_escape_is_text() -> None:
    assert not has_binary_controls(b"Table:\tvalue\r\n\x1b[0m colour reset\n")


def test_reasons_are_sentences() -> None:
    assert binary_reason("a PNG image") == "This looks like a PNG image, not text."
    assert binary_reason(None).startswith("This looks like a binary file")

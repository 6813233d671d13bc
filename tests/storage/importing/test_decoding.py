from __future__ import annotations

import codecs
import random

import pytest

from storage.importing.decoding import (
    EMPTY_FILE_REASON,
    NotText,
    declared_html_charset,
    decode_bytes,
)

UKRAINIAN = (
    "Житомир, 3 квітня. Обласна рада вирішила відремонтувати старий міст через річку "
    "Тетерів. Роботи почнуться влітку, а завершаться до зими, повідомили в раді."
)
RUSSIAN = (
    "Самара, 3 апреля. Областная дума решила отремонтировать старый мост через реку. "
    "Работы начнутся летом и завершатся к зиме, сообщили в пресс-службе."
)
WESTERN = (
    "Zürich café owners say the “new” rules cost them 15 € a day — the mayor’s office "
    "disagrees. Anaïs Müller, who runs a bakery near the lake, calls it naïve."
)
FRENCH = (
    "Le conseil municipal a voté jeudi la rénovation de la piscine. Les travaux, "
    "estimés à deux millions d'euros, débuteront après l'été, a précisé l'élue."
)


def test_utf8() -> None:
    assert decode_bytes(UKRAINIAN.encode("utf-8")) == UKRAINIAN


def test_utf8_with_bom_drops_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + WESTERN.encode("utf-8")) == WESTERN


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    raw = UKRAINIAN.encode(encoding)
    if encoding == "utf-16-le":
        raw = codecs.BOM_UTF16_LE + raw
    elif encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    assert decode_bytes(raw).lstrip("\ufeff") == UKRAINIAN


@pytest.mark.parametrize("text", [WESTERN, UKRAINIAN])
def test_utf16_without_bom(text: str) -> None:
    assert decode_bytes(text.encode("utf-16-le")) == text


@pytest.mark.parametrize("text", [UKRAINIAN, RUSSIAN])
def test_cp1251_cyrillic(text: str) -> None:
    assert decode_bytes(text.encode("cp1251")) == text


def test_cp1252_western() -> None:
    assert decode_bytes(WESTERN.encode("cp1252")) == WESTERN


def test_latin1_french() -> None:
    assert decode_bytes(FRENCH.encode("latin-1")) == FRENCH


def test_declared_encoding_is_tried_before_guessing() -> None:
    short = "Мир."  # too short for statistics to be sure
    assert decode_bytes(short.encode("cp1251"), "cp1251") == short


def test_empty_bytes() -> None:
    with pytest.raises(NotText) as caught:
        decode_bytes(b"")
    assert caught.value.reason == EMPTY_FILE_REASON


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
        (b"PK\x03\x04" + bytes(40), "ZIP archive"),
    ],
)
def test_binary_files_are_named(raw: bytes, named: str) -> None:
    with pytest.raises(NotText) as caught:
        decode_bytes(raw)
    assert named in caught.value.reason
    assert caught.value.reason.endswith("not text.")


def test_random_bytes_with_nuls_are_binary() -> None:
    rng = random.Random(2024)
    raw = bytearray(rng.randbytes(4096))
    raw[100:104] = b"\x00\x00\x00\x00"
    with pytest.raises(NotText) as caught:
        decode_bytes(bytes(raw))
    assert "binary" in caught.value.reason


def test_meta_charset_is_read_from_html() -> None:
    page = b'<html><head><meta charset="windows-1251"><title>x</title>'
    assert declared_html_charset(page) == "cp1251"
    legacy = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert declared_html_charset(legacy) == "cp1252"
    assert declared_html_charset(b'<meta charset="utf-16">') is None
    assert declared_html_charset(b'<meta charset="no-such-codec">') is None
    assert declared_html_charset(b"<p>no declaration</p>") is None

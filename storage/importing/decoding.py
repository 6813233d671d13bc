"""Turn the bytes of a file into text, or say in plain words why that is impossible.

The order matters: unambiguous evidence first (a byte order mark, valid UTF-8), statistics
last. charset-normalizer is good at telling Cyrillic code pages apart but, on short
Western texts, often picks an exotic code page over Windows-1252 with the same score; we
break such ties towards the encodings news files actually use.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from storage.importing.binary_detection import (
    binary_reason,
    has_binary_controls,
    recognise_magic,
)

EMPTY_FILE_REASON = "The file is empty."
UNKNOWN_ENCODING_REASON = (
    "Claimline could not work out the character encoding of this file. "
    "Save it as UTF-8 and import it again."
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# When charset-normalizer finds several equally clean decodings, the most widely used
# code page is the better guess.
_PREFERRED = tuple(
    codecs.lookup(name).name
    for name in (
        "utf-8",
        "cp1252",
        "cp1251",
        "cp1250",
        "cp1253",
        "cp1254",
        "cp1256",
        "koi8-r",
        "koi8-u",
        "shift_jis",
        "euc-kr",
        "gb18030",
        "big5",
    )
)
_CHAOS_TIE = 0.01
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


class NotText(Exception):
    """The bytes cannot be read as text; ``reason`` is the sentence for the researcher."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def decode_bytes(raw: bytes, declared: str | None = None) -> str:
    """Decode ``raw``; ``declared`` is an encoding the file names for itself (HTML meta).

    Raises :class:`NotText` for empty, binary or undecodable data.
    """
    if not raw:
        raise NotText(EMPTY_FILE_REASON)
    kind = recognise_magic(raw)
    if kind is not None:
        raise NotText(binary_reason(kind))
    text = _decode_with_bom(raw)
    if text is None:
        text = _decode_utf16_without_bom(raw)
    if text is not None:
        return text
    if has_binary_controls(raw):
        raise NotText(binary_reason(None))
    for encoding in ("utf-8", declared):
        text = _try_decode(raw, encoding)
        if text is not None:
            return text
    text = _guess_encoding(raw)
    if text is None:
        raise NotText(UNKNOWN_ENCODING_REASON)
    return text


def _try_decode(raw: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_with_bom(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = _try_decode(raw, encoding)
            if text is not None:
                return text
    return None


def _decode_utf16_without_bom(raw: bytes) -> str | None:
    """Recognise UTF-16 saved without a BOM (some Windows tools do this).

    In real UTF-16 text one byte of every pair (the high byte) takes only a few values,
    NUL among them for spaces and digits; in random binary data it takes them all.
    """
    if len(raw) < 4 or len(raw) % 2 or b"\x00" not in raw:
        return None
    sample = raw[:8192]
    for encoding, high_bytes in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        common = Counter(high_bytes).most_common(3)
        if 0 not in dict(common) or sum(n for _, n in common) < 0.9 * len(high_bytes):
            continue
        text = _try_decode(raw, encoding)
        if text is not None and not _CONTROL_CHARS.search(text):
            return text
    return None


def _guess_encoding(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    matches = list(from_bytes(raw))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= least_chaos + _CHAOS_TIE]
    by_codec = {codecs.lookup(match.encoding).name: match for match in close}
    for name in _PREFERRED:
        if name in by_codec:
            return str(by_codec[name])
    return str(close[0])


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def declared_html_charset(raw: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any.

    Browsers treat ISO-8859-1 as Windows-1252 and ignore a UTF-16 declaration found in
    ASCII-readable bytes (the HTML standard says so), and so do we.
    """
    found = _META_CHARSET.search(raw[:4096])
    if found is None:
        return None
    name = found.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a page that reached us as bytes ASCII-compatible enough to say so
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec

"""Recognise files that are not text at all, so the researcher hears "this is a PDF"
rather than seeing a page of mojibake imported as an article."""

from __future__ import annotations

# Signatures at offset 0, most specific first. Only signatures that cannot plausibly
# begin a real text file are listed (no "MZ", no "ID3" without its version byte).
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB file, which are ZIP inside)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a GZIP-compressed file"),
    (b"BZh91AY&SY", "a BZIP2-compressed file"),
    (b"\xfd7zXZ\x00", "an XZ-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc or .xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"OggS", "an Ogg audio or video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska or WebM video"),
)

# Control bytes that never appear in text, whatever its encoding (tab, newline, vertical
# tab, form feed, carriage return and escape excluded).
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_BINARY_CONTROLS = frozenset(range(32)) - _TEXT_CONTROLS
# Real text has almost none; compressed or encrypted data has about 12 % by chance.
_MAX_CONTROL_SHARE = 0.05
_SAMPLE_SIZE = 8192


def recognise_magic(raw: bytes) -> str | None:
    """Name the file type when ``raw`` starts with a well-known binary signature."""
    for signature, name in _MAGIC_NUMBERS:
        if raw.startswith(signature):
            return name
    if raw[4:8] == b"ftyp":
        return "an MP4 or QuickTime video (or HEIC image)"
    if raw[:4] == b"RIFF" and raw[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file"}.get(raw[8:12], "an AVI video")
    return None


def has_binary_controls(raw: bytes) -> bool:
    """Whether the bytes hold NULs or many other control bytes, as binary data does.

    Only meaningful for 8-bit and UTF-8 data; UTF-16/32 must be ruled out first because
    their ASCII characters are half NULs.
    """
    sample = raw[:_SAMPLE_SIZE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _BINARY_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def binary_reason(kind: str | None) -> str:
    """The sentence shown for a binary file, naming its type when we know it."""
    if kind is None:
        return "This looks like a binary file (an image, PDF or archive), not text."
    return f"This looks like {kind}, not text."

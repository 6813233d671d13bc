"""Finding a quoted passage in a text again, the way Web Annotation's selectors intend.

A position (start, end) is trusted only when the text there is the quote; else
the quote is searched for, and among several occurrences the one whose
surroundings best match the recorded prefix and suffix wins, then the one
nearest the recorded position. If the exact quote is nowhere, a match that
differs only in whitespace (line breaks, doubled spaces) is accepted.
Offsets are Python string offsets (code points) throughout.
"""

from __future__ import annotations

import re

CONTEXT_CHARS = 32  # characters of prefix and suffix written around a quote
_MAX_CANDIDATES = 10_000


def quote_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The `width` characters before `start` and after `end`."""
    return text[max(0, start - width) : start], text[end : end + width]


def anchor(
    text: str,
    quote: str,
    *,
    start: int | None = None,
    end: int | None = None,
    prefix: str = "",
    suffix: str = "",
) -> tuple[int, int] | None:
    """Where `quote` is in `text`: (start, end), or None if it is not there at all."""
    if start is not None and end is not None and 0 <= start < end <= len(text) \
            and text[start:end] == quote:
        return start, end
    candidates = _occurrences(text, quote) or _loose_occurrences(text, quote)
    if not candidates:
        return None
    near = start if start is not None else 0
    return min(candidates, key=lambda span: (-context_fit(text, span, prefix, suffix),
                                             abs(span[0] - near)))


def context_fit(text: str, span: tuple[int, int], prefix: str, suffix: str) -> int:
    """How many characters around `span` agree with the recorded prefix and suffix."""
    start, end = span
    return _common_suffix(text[max(0, start - len(prefix)) : start], prefix) + _common_prefix(
        text[end : end + len(suffix)], suffix
    )


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    if not quote:
        return found
    at = text.find(quote)
    while at != -1 and len(found) < _MAX_CANDIDATES:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def _loose_occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    found = []
    for match in pattern.finditer(text):
        found.append((match.start(), match.end()))
        if len(found) >= _MAX_CANDIDATES:
            break
    return found


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])

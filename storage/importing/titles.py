"""Guess a title from the first line of a plain-text or Markdown article.

Saved articles usually start with their headline on a line of its own. A first line that
reads like prose (ends with a full stop, holds two sentences, runs on into the next line)
is body text, and then the article simply has no title.
"""

from __future__ import annotations

import re

from storage.importing.normalization import clean_field

MAX_TITLE_CHARS = 200
_PROSE_ENDING = re.compile(r"(?:[.,;:]|\.\.\.|…)['\"”’»)]*$")
_SENTENCE_BREAK = re.compile(r"[.!?]['\"”’»)]*\s+(\w)")
_ATX_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)\s*$")


def guess_title(text: str) -> str | None:
    """The first line of ``text`` if it reads like a headline, else ``None``."""
    lines = text.split("\n")
    first = _first_filled(lines)
    if first is None or first + 1 >= len(lines) or not "".join(lines[first + 1 :]).strip():
        return None  # a one-line text has no separate headline
    line = lines[first].strip()
    following = lines[first + 1].strip()
    if following and following[0].islower():
        return None  # a hard-wrapped paragraph, not a headline
    return _as_title(line)


def guess_markdown_title(text: str) -> str | None:
    """Like :func:`guess_title`, but a leading Markdown heading is always a title."""
    lines = text.split("\n")
    first = _first_filled(lines)
    if first is None:
        return None
    heading = _ATX_HEADING.match(lines[first].strip())
    if heading is not None:
        return clean_field(heading.group(1))
    if first + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[first + 1].strip()):
        return clean_field(lines[first])
    return guess_title(text)


def _first_filled(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _as_title(line: str) -> str | None:
    if len(line) > MAX_TITLE_CHARS or not any(char.isalpha() for char in line):
        return None
    if _PROSE_ENDING.search(line):
        return None
    if any(match.group(1).isupper() for match in _SENTENCE_BREAK.finditer(line)):
        return None
    return clean_field(line)

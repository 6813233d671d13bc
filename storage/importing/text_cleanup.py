"""Remove page furniture that scraping leaves in article text, and say what went.

Every rule works on whole lines, only near the edges of the text, and only when the line
could not be body text. When in doubt a line stays: a stray "0" in an article is an
annoyance, a lost paragraph is a corrupted source. Each removal yields one note, quoting
what was removed, which the researcher sees next to the article.

Rules, in the order they run:

1. language switcher ("ua en ru", "EN | DE | FR") among the first or last three
   non-empty lines;
2. counter widget: a bare number of one to three digits that is its own paragraph, among
   the first or last three non-empty lines (a "1" glued to the next line, or anywhere in
   the middle, is a list number or data and stays);
3. comment form or share bar footer: from a footer phrase among the last twelve non-empty
   lines to the end, provided everything after it is footer phrases or short labels;
4. byline ("Author: Jane Doe", "By Jane Doe") among the first five non-empty lines,
   whose names move to the author field.

A rule that would leave no text at all is not applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storage.importing import debris_patterns as dp

_EDGE = 3
_FOOTER_WINDOW = 12
_BYLINE_WINDOW = 5
_QUOTE_LIMIT = 60
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*$")


@dataclass(frozen=True)
class CleanupResult:
    """The cleaned text, one note per removal, and any author named in a byline."""

    text: str
    notes: tuple[str, ...]
    author: str | None


@dataclass(frozen=True)
class _Removal:
    indices: tuple[int, ...]
    note: str
    author: str | None = None


_Rule = Callable[[list[str], list[int], bool], list[_Removal]]


def remove_debris(text: str, *, author_known: bool = False) -> CleanupResult:
    """Apply the cleanup rules to normalized ``text``.

    ``author_known`` says whether metadata already names the author; a byline is then
    still removed but its name is not used.
    """
    lines = text.split("\n")
    notes: list[str] = []
    author: str | None = None
    rules: tuple[_Rule, ...] = (_language_switchers, _counters, _footer, _byline)
    for rule in rules:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        removals = rule(lines, filled, author_known)
        doomed = {i for removal in removals for i in removal.indices}
        if not doomed or doomed.issuperset(filled):
            continue
        lines = [line for i, line in enumerate(lines) if i not in doomed]
        for removal in removals:
            notes.append(removal.note)
            author = author or removal.author
    return CleanupResult("\n".join(lines), tuple(notes), author)


def quote(line: str) -> str:
    """Quote a removed line for a note, shortened so notes stay readable."""
    line = line.strip()
    if len(line) > _QUOTE_LIMIT:
        line = line[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return f'"{line}"'


def _edges(filled: Sequence[int]) -> list[int]:
    return sorted(set(filled[:_EDGE]) | set(filled[-_EDGE:]))


def _language_switchers(lines: list[str], filled: list[int], _known: bool) -> list[_Removal]:
    return [
        _Removal((i,), f"Removed language switcher line {quote(lines[i])}")
        for i in _edges(filled)
        if _is_language_switcher(lines[i])
    ]


def _is_language_switcher(line: str) -> bool:
    tokens = [token for token in dp.SWITCHER_SEPARATORS.split(line.strip()) if token]
    codes = []
    for token in tokens:
        match = dp.SWITCHER_TOKEN.match(token)
        if match is None:
            return False
        codes.append(match.group(1))
    lowered = [code.lower() for code in codes]
    cases = {"lower" if c.islower() else "upper" if c.isupper() else "title" for c in codes}
    return (
        len(codes) >= 2
        and len(set(lowered)) == len(lowered)
        and len(cases) == 1
        and all(code in dp.SWITCHER_CODES for code in lowered)
        and not all(code in dp.WORDLIKE_CODES for code in lowered)
    )


def _counters(lines: list[str], filled: list[int], _known: bool) -> list[_Removal]:
    def standalone(i: int) -> bool:
        before = lines[i - 1] if i > 0 else ""
        after = lines[i + 1] if i + 1 < len(lines) else ""
        return not before.strip() and not after.strip()

    return [
        _Removal((i,), f"Removed counter line {quote(lines[i])} (a comment or share count)")
        for i in _edges(filled)
        if dp.COUNTER_LINE.match(lines[i].strip()) and standalone(i)
    ]


def _footer(lines: list[str], filled: list[int], _known: bool) -> list[_Removal]:
    window = filled[-_FOOTER_WINDOW:]
    for position, start in enumerate(window):
        if not _is_footer_phrase(lines[start]):
            continue
        rest = window[position + 1 :]
        if all(_is_footer_phrase(lines[i]) or _is_form_label(lines[i]) for i in rest):
            removed = [lines[i] for i in (start, *rest)]
            shown = ", ".join(quote(line) for line in removed[:3])
            more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
            count = "1 line" if len(removed) == 1 else f"{len(removed)} lines"
            note = f"Removed comment form / sharing footer ({count}): {shown}{more}"
            return [_Removal(tuple(range(start, len(lines))), note)]
    return []


def _is_footer_phrase(line: str) -> bool:
    line = line.strip()
    return len(line) <= dp.FOOTER_LINE_MAX and dp.FOOTER_PHRASE.match(line) is not None


def _is_form_label(line: str) -> bool:
    line = line.strip()
    return (
        len(line) <= dp.FORM_LABEL_MAX_CHARS
        and len(line.split()) <= dp.FORM_LABEL_MAX_WORDS
        and not _SENTENCE_END.search(line)
    )


def _byline(lines: list[str], filled: list[int], author_known: bool) -> list[_Removal]:
    for i in filled[:_BYLINE_WINDOW]:
        names = byline_names(lines[i])
        if names is None:
            continue
        if author_known:
            note = f"Removed byline {quote(lines[i])} (the author was already known)"
            return [_Removal((i,), note)]
        author = "; ".join(names)
        note = f"Moved byline {quote(lines[i])} to the author field ({author})"
        return [_Removal((i,), note, author)]
    return []


def byline_names(line: str) -> list[str] | None:
    """The names in a byline line, or ``None`` if the line is not a byline."""
    line = line.strip()
    match = dp.BYLINE.match(line)
    if match is None or len(line) > dp.MAX_BYLINE_CHARS:
        return None
    label = match.group("label")
    # Without a colon the label is an ordinary word ("by", "par"): demand it be
    # capitalised like the start of a line of its own, as bylines are.
    if match.group("colon") is None and not label[0].isupper():
        return None
    people = [part for part in dp.AUTHOR_SEPARATORS.split(match.group("names")) if part]
    if not people or not all(_looks_like_name(person) for person in people):
        return None
    return people


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= dp.MAX_NAME_TOKENS or tokens[0].lower() in dp.NOT_NAMES:
        return False
    if tokens[-1].endswith(".") and len(tokens[-1].rstrip(".")) > 1:
        return False  # ends a sentence; a trailing initial ("J.") is fine
    capitalised = 0
    for token in tokens:
        if token.lower() in dp.NAME_PARTICLES and not token[0].isupper():
            continue
        if not dp.NAME_TOKEN.match(token) or not token[0].isupper():
            return False
        capitalised += 1
    return capitalised > 0

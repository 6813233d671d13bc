"""Cut a doc into candidate units: sentences, never across a line break.

Why sentences and not clauses: a researcher accepts or rejects a proposal in a
second, and a whole sentence is what they read and what the claim aligner
compares across articles. Splitting long sentences into clauses with the small
English model cuts too often in the wrong place (coordinated verbs, reported
speech spanning two clauses), and a wrong cut costs the researcher more than a
long span they can trim. So units are sentences, repaired in three ways:

* a line break always ends a unit: the parser happily joins a headline or a
  byline to the first sentence of the paragraph below it;
* an opening quote or bracket left at the end of a sentence moves to the next
  one, and a closing one left at the start moves back (the rule-based
  sentencizer does this with Ukrainian «…» quotes);
* two sentences on one line with no punctuation between them are one unit
  (the parser splits Title Case headlines);
* docs without any sentence boundaries are cut at sentence-final punctuation.

Units are token ranges, so their character offsets are exact spaCy offsets
(Python code points), whatever the script.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cues import (
    BOILERPLATE_RE,
    BYLINE_RE,
    CAPTION_RE,
    CLOSING_ONLY_MARKS,
    FURNITURE_RE,
    LANGUAGE_CODES,
    OPENING_MARKS,
    SHORT_BOILERPLATE_RE,
    TERMINAL_PUNCT,
)

Doc = Any  # spacy.tokens.Doc; spaCy ships no type information


@dataclass(frozen=True, slots=True)
class Unit:
    """One candidate: tokens [start, end) of the doc, and where it sits on its line."""

    start: int
    end: int
    start_char: int
    end_char: int
    line_start: bool  # first thing on its line
    line_end: bool  # last thing on its line (a line break or the end of the text follows)
    more_text: bool  # more text follows


def _sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(sent.start, sent.end) for sent in doc.sents]
    ranges: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        if doc[i].text in TERMINAL_PUNCT:
            j = i + 1
            while j < n and (
                doc[j].text in CLOSING_ONLY_MARKS
                or doc[j].text in TERMINAL_PUNCT
                or doc[j].text in {'"', "”", "’"}
            ):
                j += 1
            ranges.append((start, j))
            start = i = j
            continue
        i += 1
    if start < n:
        ranges.append((start, n))
    return ranges


def _split_at_line_breaks(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        token = doc[i]
        if token.is_space and "\n" in token.text:
            if piece_start < i:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def _repair_marks(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move stray opening marks forward and stray closing marks back."""
    fixed = [list(r) for r in ranges]
    for k in range(len(fixed) - 1):
        left, right = fixed[k], fixed[k + 1]
        if left[1] != right[0]:
            continue  # a line break lies between them: leave both alone
        while left[1] - left[0] > 1 and _is_opening(doc, left[1] - 1):
            left[1] -= 1
            right[0] -= 1
        while right[1] - right[0] > 1 and doc[right[0]].text in CLOSING_ONLY_MARKS:
            left[1] += 1
            right[0] += 1
    return [(a, b) for a, b in fixed if a < b]


def _merge_unpunctuated(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences the parser split on one line without any final punctuation.

    The parser cuts headlines like "Inflation Cools As Central Bank Holds Rates"
    in two; a real sentence boundary inside a line has punctuation before it.
    """
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and merged[-1][1] == start and not _ends_sentence(doc, merged[-1]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _ends_sentence(doc: Doc, span: tuple[int, int]) -> bool:
    k = span[1] - 1
    while k > span[0] and (doc[k].is_space or doc[k].is_quote or doc[k].text in CLOSING_ONLY_MARKS):
        k -= 1
    text = doc[k].text
    return text in TERMINAL_PUNCT or text.endswith(".") or text in {":", ";"}


def _is_opening(doc: Doc, i: int) -> bool:
    text = doc[i].text
    if text in OPENING_MARKS:
        return True
    # A straight quote with a space before it opens a quotation.
    return text == '"' and i > 0 and bool(doc[i - 1].whitespace_)


def split_units(doc: Doc, text: str | None = None) -> list[Unit]:
    """The doc's candidate units, in text order; empty for an empty doc.

    `text` is ``doc.text`` if the caller has it already (spaCy rebuilds it on access).
    """
    if len(doc) == 0:
        return []
    ranges: list[tuple[int, int]] = []
    for start, end in _sentence_ranges(doc):
        ranges.extend(_split_at_line_breaks(doc, start, end))
    ranges = _merge_unpunctuated(doc, _repair_marks(doc, ranges))
    if text is None:
        text = str(doc.text)
    units: list[Unit] = []
    for raw_start, raw_end in ranges:
        start, end = _trim(doc, raw_start, raw_end)
        if start >= end:
            continue
        last = doc[end - 1]
        start_char = int(doc[start].idx)
        end_char = int(last.idx) + len(last.text)
        before = text[max(0, start_char - 64) : start_char].rstrip(" \t")
        after = text[end_char : end_char + 64].lstrip(" \t")
        units.append(
            Unit(
                start=start,
                end=end,
                start_char=start_char,
                end_char=end_char,
                line_start=not before or before.endswith("\n"),
                line_end=not after or after.startswith("\n"),
                more_text=bool(after.strip()),
            )
        )
    return units


def is_page_furniture(text: str, n_words: int) -> bool:
    """Bylines, captions, language menus, comment forms: never proposed.

    `n_words` counts the unit's word tokens (not punctuation or symbols).
    """
    if n_words < 2:
        return True
    if FURNITURE_RE.match(text) or CAPTION_RE.search(text) or BOILERPLATE_RE.search(text):
        return True
    if BYLINE_RE.match(text) or (n_words <= 6 and SHORT_BOILERPLATE_RE.search(text)):
        return True
    words = text.split()
    return all(word.lower() in LANGUAGE_CODES for word in words)

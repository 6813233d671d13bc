"""Features of one unit from a doc without tags, parse or entities.

The fallback for blank pipelines (`spacy.blank("uk")` + sentencizer): numbers,
dates (digits, years, month and day names in English, Ukrainian and Russian),
quotation marks, capitalised words inside the sentence as a stand-in for named
entities, a few hedges, and stems of common event verbs. If the doc does have
entities (an NER without a parser), they are used instead of capitalisation.
"""

from __future__ import annotations

import re
from typing import Any, Final

from .checkworthiness import Features
from .cues import (
    AMBIGUOUS_MONTHS,
    CLOSING_ONLY_MARKS,
    DATE_LABELS,
    DAY_WORDS,
    DEONTIC_MODALS,
    ENGLISH_CHANGE_FORMS,
    ENGLISH_EVENT_PAST,
    ENGLISH_FRAMING_FORMS,
    FRAMING_OPENERS,
    HAS_DIGIT_RE,
    LEXICAL_APPROXIMATORS,
    LEXICAL_HEDGES,
    LEXICAL_NOT_NAMES,
    MONTHS,
    NAME_LABELS,
    NUMBER_LABELS,
    NUMERIC_DATE_RE,
    OPENING_MARKS,
    OPINION_WORDS,
    QUOTE_CHARS,
    SLAVIC_EVENT_STEMS,
    TERMINAL_PUNCT,
    VAGUE_NUMBER_WORDS,
    YEAR_RE,
)
from .doc_index import Entity
from .segmentation import Unit

Doc = Any  # spacy.tokens.Doc

DOUBLE_QUOTES: Final = frozenset('"«»„“”')
_DASHES: Final = frozenset({"—", "–", "-", ":"})
_WORDY: Final = re.compile(r"\w")
_LETTER: Final = re.compile(r"[^\W\d_]")


def lexical_features(doc: Doc, unit: Unit, entity_at: dict[int, Entity]) -> Features:
    """Features of tokens [unit.start, unit.end) from the words alone."""
    f = Features()
    start, end = unit.start, unit.end
    names: dict[str, None] = {}
    run: list[str] = []
    word_count = 0
    first_word = True
    after_break = True  # at a position where capitals prove nothing
    for i in range(start, end):
        tok = doc[i]
        text = tok.text
        if tok.is_space:
            continue
        if text in DOUBLE_QUOTES:
            f.quote = True
        if tok.is_punct or not _WORDY.search(text):
            if run:
                names[" ".join(run)] = None
                run = []
            after_break = text in TERMINAL_PUNCT or text in OPENING_MARKS or text in _DASHES or (
                text in QUOTE_CHARS and text not in CLOSING_ONLY_MARKS and text != "»"
            )
            continue
        word_count += 1
        lower = tok.lower_
        ent = tok.ent_type_
        if ent:
            span = entity_at.get(i)
            if span is not None:
                if span.label in NAME_LABELS:
                    names[span.text] = None
                elif span.label in NUMBER_LABELS:
                    f.numbers.append(span.text)
                elif span.label in DATE_LABELS:
                    f.dates.append(span.text)
        elif HAS_DIGIT_RE.search(text) or tok.like_num:
            if YEAR_RE.match(text) or NUMERIC_DATE_RE.match(text) or _beside_month(doc, i, end):
                f.dates.append(text)
            elif _LETTER.search(text):  # "KN-23", "F-16": a designation
                names[text] = None
            elif lower not in {"one", "один", "одна", "одне", "одно"}:
                f.numbers.append(text)
        elif lower in MONTHS:
            if lower not in AMBIGUOUS_MONTHS or _beside_number(doc, i, start, end):
                f.dates.append(text)
        elif lower in DAY_WORDS:
            f.dates.append(text)
        elif lower in VAGUE_NUMBER_WORDS:
            f.numbers.append(text)

        if not entity_at:
            capital = tok.is_alpha and (tok.is_title or (tok.is_upper and len(text) > 1))
            if (
                capital
                and not after_break
                and not first_word
                and lower not in LEXICAL_NOT_NAMES
                and lower not in DAY_WORDS
                and lower not in MONTHS
            ):
                run.append(text)
            elif run:
                names[" ".join(run)] = None
                run = []
        first_word = False
        after_break = False

        if lower in ENGLISH_EVENT_PAST or lower.startswith(SLAVIC_EVENT_STEMS):
            f.event_verbs.append(lower)
        if lower in ENGLISH_CHANGE_FORMS:
            f.changes.append(lower)
        if lower in LEXICAL_APPROXIMATORS and i + 1 < end and doc[i + 1].like_num:
            f.approximations.append(lower)
        elif lower in LEXICAL_HEDGES:
            f.hedges.append(lower)
        if lower in OPINION_WORDS or lower in DEONTIC_MODALS:
            f.opinion.append(lower)
        if lower in ENGLISH_FRAMING_FORMS:
            f.framing.append(lower)
    if run:
        names[" ".join(run)] = None
    f.entities = list(names)
    f.n_words = word_count
    _shape(f, doc, unit)
    return f


def _beside_month(doc: Doc, i: int, end: int) -> bool:
    return (i + 1 < end and doc[i + 1].lower_ in MONTHS) or (
        i > 0 and doc[i - 1].lower_ in MONTHS
    )


def _beside_number(doc: Doc, i: int, start: int, end: int) -> bool:
    return (i + 1 < end and bool(doc[i + 1].like_num)) or (
        i - 1 >= start and bool(doc[i - 1].like_num)
    )


def _shape(f: Features, doc: Doc, unit: Unit) -> None:
    last = unit.end - 1
    while last > unit.start and (
        doc[last].text in QUOTE_CHARS or doc[last].text in CLOSING_ONLY_MARKS
    ):
        last -= 1
    final = doc[last].text
    f.question = "?" in final
    lowers = tuple(
        doc[k].lower_ for k in range(unit.start, min(unit.end, unit.start + 6)) if doc[k].is_alpha
    )
    if lowers[:1] in {("please",), ("let",), ("let's",)}:
        f.imperative = True
    for opener in FRAMING_OPENERS:
        if lowers[: len(opener)] == opener:
            f.framing.append(" ".join(opener))
            break
    if final in TERMINAL_PUNCT or final.endswith("."):
        return
    words = [doc[k] for k in range(unit.start, unit.end) if doc[k].is_alpha and len(doc[k]) > 3]
    title_case = len(words) >= 3 and sum(w.is_title for w in words) * 5 >= len(words) * 3
    if title_case or (unit.line_start and unit.line_end and unit.more_text):
        f.headline = True

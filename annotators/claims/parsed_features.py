"""Features of one unit from a doc with tags, lemmas, a parse and entities.

One pass over the unit's tokens; every test is a set lookup or a comparison
with a precompiled pattern, and the few tree look-ups only happen for tokens
that already matched a word list, so this stays a small fraction of the time
spaCy needed to parse the text.
"""

from __future__ import annotations

import re
from typing import Any, Final

from .checkworthiness import Features
from .cues import (
    ABSTRACT_SUFFIXES,
    AMBIGUOUS_MONTHS,
    CAUSAL_WORDS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    CLOSING_ONLY_MARKS,
    COMPARISON_MARKERS,
    DATE_LABELS,
    DAY_WORDS,
    DEONTIC_MODALS,
    EVENT_VERBS,
    FIRST_PERSON,
    FRAMING_OPENERS,
    FRAMING_VERBS,
    HEDGE_MODALS,
    HEDGE_RAISING_VERBS,
    HEDGE_WORDS,
    MONTHS,
    MULTIPLYING_VERBS,
    NAME_LABELS,
    NUMBER_LABELS,
    OPINION_WORDS,
    QUOTE_CHARS,
    REPORTING_VERBS,
    STANCE_VERBS,
    TERMINAL_PUNCT,
    VAGUE_NUMBER_WORDS,
    WEAK_APPROXIMATORS,
    YEAR_RE,
    words,
)
from .doc_index import Entity
from .segmentation import Unit

HAS_LETTER_RE: Final = re.compile(r"[^\W\d_]")

Doc = Any  # spacy.tokens.Doc
Token = Any  # spacy.tokens.Token

FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
EVENT_TAGS: Final = frozenset({"VBD", "VBN", "VBZ", "VBP"})
FUTURE_AUX: Final = frozenset({"will", "'ll", "would", "did", "shall"})
#: Verbs whose past tense does not report a happening.
STATIVE_VERBS: Final = FRAMING_VERBS | words(
    """
    be have do seem appear become remain continue want need try like know think believe feel
    hope mean include involve concern regard consider centre center
    """
)
DOUBLE_QUOTES: Final = frozenset('"«»„“”')
CAUSAL_VERBS: Final = frozenset({"cause", "trigger", "prompt"})
CAUSAL_VERB_PREPS: Final = {"lead": "to", "result": "in"}
NON_COMPARATIVE: Final = frozenset({"more", "less", "fewer", "most", "least"})
PERSONAL_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i", "you", "who"})


def parsed_features(doc: Doc, unit: Unit, entity_at: dict[int, Entity]) -> Features:
    """Features of tokens [unit.start, unit.end); `entity_at` maps token index -> entity."""
    f = Features()
    start, end = unit.start, unit.end
    entities: dict[str, None] = {}
    has_than = False
    finite = False
    words: list[Token] = []
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space:
            continue
        text = tok.text
        lower = tok.lower_
        if text in DOUBLE_QUOTES:
            f.quote = True
        if tok.is_punct:
            continue
        words.append(tok)
        pos = tok.pos_
        tag = tok.tag_
        lemma = tok.lemma_.lower()
        ent = tok.ent_type_
        if ent:
            span = entity_at.get(i)
            if span is not None:
                label = span.label
                if label in NAME_LABELS:
                    entities[span.text] = None
                elif label in NUMBER_LABELS:
                    f.numbers.append(span.text)
                elif label in DATE_LABELS:
                    f.dates.append(span.text)
        elif tok.like_num or pos == "NUM":
            if YEAR_RE.match(text):
                f.dates.append(text)
            elif HAS_LETTER_RE.search(text):  # "KN-23", "F-16", "G7": a designation
                entities[text] = None
            elif lower != "one":
                f.numbers.append(text)
        elif lower in VAGUE_NUMBER_WORDS:
            f.numbers.append(text)
        elif lower in MONTHS:
            if lower not in AMBIGUOUS_MONTHS or _next_to_number(doc, i, start, end):
                f.dates.append(text)
        elif lower in DAY_WORDS:
            f.dates.append(text)

        if tag in FINITE_TAGS or (
            # the tagger sometimes reads a main past verb as a participle
            tok.dep_ == "ROOT" and tag == "VBN" and any(c.dep_ == "nsubj" for c in tok.children)
        ):
            finite = True
        if pos == "VERB":
            _verb_features(f, tok, lemma, lower, tag)
        elif pos == "NOUN":
            f.nouns += 1
            if lemma in CHANGE_NOUNS:
                f.changes.append(lower)
            if len(lower) > 5 and (
                lower.endswith(ABSTRACT_SUFFIXES) or lemma.endswith(ABSTRACT_SUFFIXES)
            ):
                f.abstract_nouns += 1
        if tag == "MD":
            if lower in HEDGE_MODALS:
                f.hedges.append(lower)
            elif lower in DEONTIC_MODALS and not _inverted(tok):
                f.opinion.append(lower)
        elif lower in HEDGE_WORDS:
            f.hedges.append(lower)
        elif lower in WEAK_APPROXIMATORS and _next_to_number(doc, i, start, end, after_only=True):
            f.approximations.append(lower)
        if lower in OPINION_WORDS and pos in {"ADJ", "ADV"}:
            f.opinion.append(lower)
        if tag in {"JJR", "RBR", "JJS", "RBS"}:
            if _is_comparison(doc, tok, lower, start, end):
                f.comparisons.append(lower)
        elif lower in COMPARISON_MARKERS:
            if lower == "than":
                has_than = True
            elif not (lower == "record" and pos == "VERB"):
                f.comparisons.append(lower)
        if (tok.dep_ == "neg" and tok.head.dep_ in {"ROOT", "ccomp"}) or (
            lower == "no" and tok.dep_ == "det" and tok.head.dep_ in {"nsubj", "nsubjpass"}
        ):
            f.negated = True
        if lower in CAUSAL_WORDS and _is_causal(doc, tok, lower, lemma, pos, end):
            f.causal.append(lower)

    if has_than and not f.comparisons and not _than_is_numeric(doc, start, end):
        f.comparisons.append("than")
    f.entities = list(entities)
    f.n_words = len(words)
    f.finite_verb = finite
    _shape_features(f, doc, unit, words)
    return f


def _verb_features(f: Features, tok: Token, lemma: str, lower: str, tag: str) -> None:
    if (
        lemma in HEDGE_RAISING_VERBS
        and any(c.dep_ == "xcomp" for c in tok.children)
        and (lemma in {"appear", "seem"} or any(c.dep_ == "auxpass" for c in tok.children))
    ):
        f.hedges.append(lower)  # "is believed to", "is expected to", "appears to"
        return
    if lemma in EVENT_VERBS and _is_realis(tok, tag):
        f.event_verbs.append(lower)
    elif tag in {"VBD", "VBN"} and lemma not in STATIVE_VERBS:
        children = [c.dep_ for c in tok.children]
        reports = lemma in REPORTING_VERBS and ("ccomp" in children or "parataxis" in children)
        if not reports and (tag == "VBD" or "aux" in children or "auxpass" in children):
            f.past_event = True
    if lemma in CHANGE_VERBS:
        f.changes.append(lower)
        if lemma in MULTIPLYING_VERBS:  # "doubled" is itself a figure
            f.numbers.append(lower)
    if lemma in FRAMING_VERBS and not any(c.dep_ == "ccomp" for c in tok.children):
        subject = _subject(tok)
        if subject is None or (
            subject.pos_ == "NOUN" and subject.lower_ not in PERSONAL_PRONOUNS
        ):
            f.framing.append(lower)
    if lemma in STANCE_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in tok.children
    ):
        f.opinion.append(lower)


def _is_realis(tok: Token, tag: str) -> bool:
    """Did (or will, as announced) it happen, as opposed to "ready to send"?"""
    if tag in EVENT_TAGS:
        return True
    if tag in {"VB", "VBG"}:
        return any(
            c.dep_ in {"aux", "auxpass"} and (tag == "VBG" or c.lower_ in FUTURE_AUX)
            for c in tok.children
        )
    return False


def _inverted(modal: Token) -> bool:
    """ "should they choose to …": a conditional, not an obligation."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i > modal.i for c in modal.head.children
    )


def _subject(tok: Token) -> Token | None:
    current = tok
    for _ in range(3):
        for child in current.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if current.dep_ not in {"advcl", "conj", "xcomp"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def _next_to_number(doc: Doc, i: int, start: int, end: int, after_only: bool = False) -> bool:
    if i + 1 < end and doc[i + 1].like_num:
        return True
    return not after_only and i - 1 >= start and bool(doc[i - 1].like_num)


def _is_comparison(doc: Doc, tok: Token, lower: str, start: int, end: int) -> bool:
    if lower in NON_COMPARATIVE:
        # "more than 3,000" bounds a number; "more accurate" compares.
        nxt = doc[tok.i + 1] if tok.i + 1 < end else None
        return nxt is not None and nxt.pos_ in {"ADJ", "ADV"}
    if tok.dep_ == "amod" and tok.tag_ in {"JJR", "RBR"}:
        # An attributive comparative ("a broader commitment") compares nothing
        # unless the sentence says with what.
        return any(doc[k].lower_ == "than" for k in range(start, end))
    return True


def _than_is_numeric(doc: Doc, start: int, end: int) -> bool:
    return any(doc[k].lower_ == "than" and doc[k + 1].like_num for k in range(start, end - 1))


def _is_causal(doc: Doc, tok: Token, lower: str, lemma: str, pos: str, end: int) -> bool:
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < end else ""
    if lower == "because":
        return True
    if lower in {"due", "owing", "thanks"}:
        return nxt == "to"
    if pos != "VERB":
        return lower == "result" and tok.i >= 2 and doc[tok.i - 2].lower_ == "as"
    if lemma in CAUSAL_VERBS:
        return True
    prep = CAUSAL_VERB_PREPS.get(lemma)
    return prep is not None and any(
        c.dep_ == "prep" and c.lower_ == prep for c in tok.children
    )


def _shape_features(f: Features, doc: Doc, unit: Unit, words: list[Token]) -> None:
    """Question, imperative, headline, framing opener: the unit's form."""
    last = unit.end - 1
    while last > unit.start and (
        doc[last].text in QUOTE_CHARS or doc[last].text in CLOSING_ONLY_MARKS
    ):
        last -= 1
    final = doc[last].text
    f.question = "?" in final
    terminated = final in TERMINAL_PUNCT or final.endswith(".")
    if words:
        first = words[0]
        if (
            first.tag_ == "VB"
            and first.dep_ == "ROOT"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in first.children)
        ):
            f.imperative = True
        lowers = tuple(w.lower_ for w in words[:5])
        for opener in FRAMING_OPENERS:
            if lowers[: len(opener)] == opener:
                f.framing.append(" ".join(opener))
                break
    if terminated and not f.finite_verb and any(w.tag_ in {"VBD", "VBN"} for w in words):
        # A full sentence whose verb the tagger read as a participle ("The factory,
        # the town's largest employer, closed in March."): not a fragment.
        f.finite_verb = True
    if not terminated:
        long_words = [w for w in words if w.is_alpha and len(w) > 3]
        title_case = len(long_words) >= 3 and sum(w.is_title for w in long_words) * 5 >= len(
            long_words
        ) * 3
        if title_case or (unit.line_start and unit.line_end and unit.more_text):
            f.headline = True

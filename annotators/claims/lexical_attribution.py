"""Who says so, without a parser: cue words and capitalised neighbours.

For blank pipelines (Ukrainian or Russian news, or English without the trained
model) the claimant is found from the words around a cue:

* after "according to / за словами / за даними / по словам / по данным / як
  повідомляє / как сообщает": everything up to the next comma or full stop
  ("за словами міністра Дмитра Кулеби" -> "міністра Дмитра Кулеби", inflected as
  written: there is no lemmatizer to restore the nominative);
* around a speech verb ("заявив", "сообщил", "said"): the capitalised words right
  after it ("— заявив Зеленський", "said Zelensky"), else right before it
  ("Зеленський також заявив"), skipping "also/також/также".

Lower precision than the parse: a capitalised word is taken for a name.
"""

from __future__ import annotations

from typing import Any

from .attribution import AttributionResult
from .candidate import Attribution
from .cues import (
    LEXICAL_ACCORDING_TO,
    LEXICAL_DENIAL_VERBS,
    LEXICAL_ENGLISH_SPEECH,
    LEXICAL_NOT_NAMES,
    LEXICAL_PRONOUNS,
    LEXICAL_SKIPPABLE,
    LEXICAL_SOURCE_TAG_VERBS,
    LEXICAL_SPEECH_VERBS,
    UNNAMED_SOURCE_NOUNS,
)

Doc = Any  # spacy.tokens.Doc

_FIRST_WORDS = frozenset(cue[0] for cue in LEXICAL_ACCORDING_TO)
_MAX_NAME_TOKENS = 6
_MAX_SOURCE_TOKENS = 9


def lexical_attribution(doc: Doc, start: int, end: int) -> AttributionResult | None:
    """The first attribution cue in tokens [start, end) of a doc without a parse."""
    for i in range(start, end):
        lower = doc[i].lower_
        if lower in _FIRST_WORDS:
            for cue in LEXICAL_ACCORDING_TO:
                n = len(cue)
                if i + n <= end and all(doc[i + k].lower_ == cue[k] for k in range(n)):
                    found = _after_according_to(doc, i, i + n, end)
                    if found is not None:
                        return found
        if lower in LEXICAL_SPEECH_VERBS or (
            lower in LEXICAL_ENGLISH_SPEECH and not (doc[i].is_title and i > start)
        ):
            found = _around_speech_verb(doc, i, start, end)
            if found is not None:
                return found
    return None


def _is_name_token(token: Any) -> bool:
    text = token.text
    return bool(
        token.is_alpha
        and (token.is_title or (token.is_upper and len(text) > 1))
        and token.lower_ not in LEXICAL_NOT_NAMES
    ) or (token.text in {"-", "'", "’"} and not token.whitespace_)


def _is_source_noun(lower: str) -> bool:
    return lower in UNNAMED_SOURCE_NOUNS or lower.removesuffix("s") in UNNAMED_SOURCE_NOUNS or (
        lower.endswith("ies") and lower[:-3] + "y" in UNNAMED_SOURCE_NOUNS
    )


def _span_attribution(
    doc: Doc, first: int, last: int, cue: str, kind: str, denial: bool = False
) -> AttributionResult:
    s = int(doc[first].idx)
    e = int(doc[last].idx) + len(doc[last].text)
    text = str(doc.text[s:e])
    named = any(_is_name_token(doc[k]) for k in range(first, last + 1))
    if first == last and _is_source_noun(doc[first].lower_):
        named = False  # "Officials said": capitalised only because it starts the sentence
    if not named:
        kind = "unnamed-source"
    return AttributionResult(Attribution(text, s, e, cue, kind), denial)


def _after_according_to(doc: Doc, cue_start: int, after: int, end: int) -> AttributionResult | None:
    last = after - 1
    k = after
    while k < end and k - after < _MAX_SOURCE_TOKENS:
        token = doc[k]
        if (token.is_punct and token.text not in {"-", "'", "’", "."}) or token.is_space:
            break
        if token.text == "." and not (k + 1 < end and doc[k + 1].is_alpha):
            break
        last = k
        k += 1
    if last < after:
        return None
    cue_end = doc[after - 1]
    cue_text = str(doc.text[int(doc[cue_start].idx) : int(cue_end.idx) + len(cue_end.text)])
    return _span_attribution(doc, after, last, cue_text, "according-to")


def _around_speech_verb(doc: Doc, i: int, start: int, end: int) -> AttributionResult | None:
    verb = doc[i]
    cue = str(verb.text)
    lower = verb.lower_
    denial = lower in LEXICAL_DENIAL_VERBS
    # Inverted order: "— заявив Зеленський", "said Zelensky", "пише Reuters".
    k = i + 1
    while k < end and doc[k].lower_ in LEXICAL_SKIPPABLE:
        k += 1
    if k < end and _is_name_token(doc[k]):
        last = k
        while last + 1 < end and last + 1 - k < _MAX_NAME_TOKENS and _is_name_token(doc[last + 1]):
            last += 1
        postposed = i > start + 2
        kind = "source-tag" if postposed and lower in LEXICAL_SOURCE_TAG_VERBS else "speech-verb"
        return _span_attribution(doc, k, last, cue, kind, denial)
    if k < end and doc[k].lower_ in LEXICAL_PRONOUNS:
        return _span_attribution(doc, k, k, cue, "unnamed-source", denial)
    # Usual order: "Зеленський (також) заявив".
    k = i - 1
    while k >= start and doc[k].lower_ in LEXICAL_SKIPPABLE:
        k -= 1
    if k >= start and doc[k].lower_ in LEXICAL_PRONOUNS:
        return _span_attribution(doc, k, k, cue, "unnamed-source", denial)
    if k >= start and _is_name_token(doc[k]):
        first = k
        while first - 1 >= start and k - first + 1 < _MAX_NAME_TOKENS and _is_name_token(
            doc[first - 1]
        ):
            first -= 1
        return _span_attribution(doc, first, k, cue, "speech-verb", denial)
    if k >= start and doc[k].is_alpha:  # "the ministry said", "в МВС заявили"
        return _span_attribution(doc, k, k, cue, "unnamed-source", denial)
    return None

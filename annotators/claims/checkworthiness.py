"""How check-worthy a sentence looks: a transparent weighted sum of features.

The score is the logistic of a linear sum, so it lies in 0..1, rises with every
positive feature and falls with every negative one, and 0.5 is the point where
evidence for and against balances:

    z = BIAS + sum(weight[feature] * value[feature])
    score = 1 / (1 + exp(-z))

Weights (value is 0/1 unless stated):

    bias               -1.20   a sentence is not a claim until something says so
    attribution        +1.30   a named claimant with a reporting cue
    unnamed-source     +0.60   "reports indicate", "officials said", an unresolved pronoun
    number             +1.10   a figure, amount, percentage or "thousands of"
    date               +0.70   a date or time expression
    named-entity       +0.45   per distinct named entity, at most 3 (+1.35)
    event-verb         +0.80   a concrete happening: killed, deployed, signed, lost, sent …
    past-event         +0.30   any other past-tense action (only when no event verb)
    quantity-change    +0.50   a figure that rose/fell/doubled (needs a number)
    comparison         +0.35   "more accurate", "the largest since 1990", "than"
    causal             +0.25   "because", "due to", "led to"
    quote              +0.20   direct speech in quotation marks
    hedged             -0.60   speculation: may/might/could, reportedly, "is expected to";
                               an approximate figure alone ("about 4,000") counts a
                               quarter (-0.15): it is still a figure to check
    denied             +0.00   a denial is as checkable as an assertion
    opinion            -0.60   per evaluative word or deontic modal, at most 2 (-1.20)
    framing            -1.20   "X reflects/underscores …", "In summary, …"
    vague              -0.90   3+ abstract nouns ("commitment", "dynamics"), at least half
                               the nouns, and no number, date or second named entity
    no-finite-verb     -2.00   a heading or fragment
    headline           -2.00   an unterminated line of its own, or Title Case
    question           -2.50   ends with "?"
    imperative         -2.50   "Leave a reply", "Sign the petition"
    short              -1.00   fewer than 5 words
    long               -0.30   more than 55 words (several claims; harder to check)

DEFAULT_THRESHOLD is 0.44 (z = -0.24). On benchmarks/data/claims_labelled.jsonl
(191 sentences written for this purpose) F1 is on a plateau between 0.40 and
0.46 (0.94-0.97, see benchmarks/claims_eval.py); below it precision drops
(0.88 at 0.30), above it recall does (0.88 at 0.50, 0.65 at 0.60). The value
sits between score levels: every weight is a multiple of 0.05, so no sentence
scores exactly at the cut and a rounding change cannot flip a decision.
In words, a sentence passes with one strong signal (a named claimant, a number)
or two supporting ones (a date and a past action, an event verb and a named
entity); an event verb alone (z = -0.4), a bare "officials said" with a past
verb (z = -0.3), or named entities wrapped in framing language do not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

from .candidate import Attribution

DEFAULT_THRESHOLD: Final = 0.44

BIAS: Final = -1.2
WEIGHTS: Final[dict[str, float]] = {
    "attribution": 1.3,
    "unnamed-source": 0.6,
    "number": 1.1,
    "date": 0.7,
    "named-entity": 0.45,
    "event-verb": 0.8,
    "past-event": 0.3,
    "quantity-change": 0.5,
    "comparison": 0.35,
    "causal": 0.25,
    "quote": 0.2,
    "hedged": -0.6,
    "denied": 0.0,
    "opinion": -0.6,
    "framing": -1.2,
    "vague": -0.9,
    "no-finite-verb": -2.0,
    "headline": -2.0,
    "question": -2.5,
    "imperative": -2.5,
    "short": -1.0,
    "long": -0.3,
}
APPROXIMATION_SHARE: Final = 0.25
MAX_ENTITIES: Final = 3
MAX_OPINION: Final = 2
SHORT_WORDS: Final = 5
LONG_WORDS: Final = 55


@dataclass(slots=True)
class Features:
    """What one unit contains; filled by the parse or the lexical extractor."""

    n_words: int = 0
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # distinct, in order
    event_verbs: list[str] = field(default_factory=list)
    past_event: bool = False
    changes: list[str] = field(default_factory=list)
    comparisons: list[str] = field(default_factory=list)
    causal: list[str] = field(default_factory=list)
    quote: bool = False
    hedges: list[str] = field(default_factory=list)  # speculation: may, reportedly
    approximations: list[str] = field(default_factory=list)  # "about 4,000"
    negated: bool = False
    opinion: list[str] = field(default_factory=list)
    framing: list[str] = field(default_factory=list)
    abstract_nouns: int = 0
    nouns: int = 0
    finite_verb: bool = True
    headline: bool = False
    question: bool = False
    imperative: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    score: float
    reasons: tuple[str, ...]
    explanation: str
    certainty: str


def is_vague(features: Features) -> bool:
    """Mostly abstract nouns and nothing concrete to hold on to."""
    return (
        features.abstract_nouns >= 3
        and features.abstract_nouns * 2 >= features.nouns
        and len(features.entities) <= 1
        and not features.numbers
        and not features.dates
    )


def assess(
    features: Features, attribution: Attribution | None, denial_cue: bool = False
) -> Assessment:
    """Score, reasons, explanation and certainty of one unit."""
    values: dict[str, float] = {}
    if attribution is not None:
        named = attribution.kind != "unnamed-source"
        values["attribution" if named else "unnamed-source"] = 1.0
    if features.numbers:
        values["number"] = 1.0
    if features.dates:
        values["date"] = 1.0
    if features.entities:
        values["named-entity"] = float(min(len(features.entities), MAX_ENTITIES))
    if features.event_verbs:
        values["event-verb"] = 1.0
    elif features.past_event:
        values["past-event"] = 1.0
    if features.changes and features.numbers:
        values["quantity-change"] = 1.0
    if features.comparisons:
        values["comparison"] = 1.0
    if features.causal:
        values["causal"] = 1.0
    if features.quote:
        values["quote"] = 1.0
    if features.hedges:
        values["hedged"] = 1.0
    elif features.approximations:
        values["hedged"] = APPROXIMATION_SHARE
    if denial_cue or features.negated:
        values["denied"] = 1.0
    if features.opinion:
        values["opinion"] = float(min(len(features.opinion), MAX_OPINION))
    if features.framing:
        values["framing"] = 1.0
    if is_vague(features):
        values["vague"] = 1.0
    if not features.finite_verb:
        values["no-finite-verb"] = 1.0
    if features.headline:
        values["headline"] = 1.0
    if features.question:
        values["question"] = 1.0
    if features.imperative:
        values["imperative"] = 1.0
    if features.n_words < SHORT_WORDS:
        values["short"] = 1.0
    elif features.n_words > LONG_WORDS:
        values["long"] = 1.0

    z = BIAS + sum(WEIGHTS[name] * value for name, value in values.items())
    score = round(1.0 / (1.0 + math.exp(-z)), 4)
    reasons = tuple(name for name in WEIGHTS if name in values)
    if denial_cue or (features.negated and not features.hedges):
        certainty = "denied"
    elif features.hedges or features.approximations:
        certainty = "hedged"
    else:
        certainty = "asserted"
    return Assessment(score, reasons, explain(features, attribution, reasons), certainty)


def _quoted(words: list[str], limit: int = 2) -> str:
    return ", ".join(f"“{w}”" for w in words[:limit])


def explain(
    features: Features, attribution: Attribution | None, reasons: tuple[str, ...]
) -> str:
    """One sentence a researcher reads in a second."""
    parts: list[str] = []
    if attribution is not None:
        if "attribution" in reasons:
            parts.append(f"Reports what {attribution.claimant} said (“{attribution.cue}”)")
        else:
            parts.append(f"Cites an unnamed source (“{attribution.claimant} {attribution.cue}”)")
    if "named-entity" in reasons:
        n = len(features.entities)
        parts.append(f"names {n} {'entity' if n == 1 else 'entities'}")
    if "number" in reasons:
        parts.append(f"gives {'a number' if len(features.numbers) == 1 else 'numbers'}")
    if "date" in reasons:
        parts.append("gives a date")
    if "event-verb" in reasons:
        parts.append(f"describes an event ({_quoted(features.event_verbs)})")
    elif "past-event" in reasons:
        parts.append("describes something that happened")
    if "quantity-change" in reasons:
        parts.append("states a change in a quantity")
    if "comparison" in reasons:
        parts.append("makes a comparison")
    if "causal" in reasons:
        parts.append("states a cause")
    if "quote" in reasons:
        parts.append("quotes someone directly")
    if "hedged" in reasons:
        parts.append(f"hedged ({_quoted(features.hedges + features.approximations)})")
    if "denied" in reasons:
        parts.append("states a denial")
    if "opinion" in reasons:
        parts.append(f"uses opinion words ({_quoted(features.opinion)})")
    if "framing" in reasons:
        parts.append(f"frames rather than reports ({_quoted(features.framing)})")
    if "vague" in reasons:
        parts.append("is mostly abstract nouns")
    if "no-finite-verb" in reasons or "headline" in reasons:
        parts.append("reads like a headline")
    if "question" in reasons:
        parts.append("is a question")
    if "imperative" in reasons:
        parts.append("is an instruction")
    if "short" in reasons:
        parts.append("is very short")
    if "long" in reasons:
        parts.append("is very long")
    if not parts:
        return "No checkable detail found."
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."

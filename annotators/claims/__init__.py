"""Claim candidates: the sentences of an article that state a checkable fact.

    find_claims(doc, threshold=0.0) -> list[ClaimCandidate]

Takes a spaCy doc (the trained English pipeline, or a blank pipeline with a
sentencizer for other languages) and proposes sentences with a claimant, the
reasons, a 0..1 score and a one-sentence explanation. Pure Python on top of
spaCy's annotations: no database, no Qt.

Importing this package does not import spaCy. The spaCy component lives in
`annotators.claims.component`; importing that module registers the factory
"claimline_claims", after which ``nlp.add_pipe("claimline_claims")`` works.
"""

from .candidate import ATTRIBUTION_KINDS, CERTAINTIES, REASONS, Attribution, ClaimCandidate
from .checkworthiness import BIAS, DEFAULT_THRESHOLD, WEIGHTS
from .finder import find_claims

__all__ = [
    "ATTRIBUTION_KINDS",
    "BIAS",
    "CERTAINTIES",
    "DEFAULT_THRESHOLD",
    "REASONS",
    "WEIGHTS",
    "Attribution",
    "ClaimCandidate",
    "find_claims",
]

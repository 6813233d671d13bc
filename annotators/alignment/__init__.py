"""The source aligner: do two texts say the same thing, and where do they differ?

    align_texts(text_a, text_b, language="en", dct_a=..., dct_b=...,
                claims_a=(), claims_b=()) -> list[AlignedPassage]
    align_docs(doc_a, doc_b, claims_a=(), claims_b=())   # docs parsed already

Sentence by sentence (and claim by claim, for the claims passed in) it says
which passages of A and B correspond and how: same, reworded, conflicting
(with what differs: number, date, person, place, organisation, attribution,
certainty), partial, added (only in B) or dropped (only in A).

No database and no Qt: text and parsed docs in, frozen dataclasses out. spaCy is
only loaded by `align_texts` (through `annotators.pipelines`).
"""

from .aligner import align_docs, align_texts
from .model import (
    ALIGNER_NAME,
    ALIGNER_VERSION,
    DIFFERENCE_KINDS,
    LEVELS,
    RELATIONS,
    AlignedPassage,
    ClaimLike,
    ClaimSpan,
    Difference,
    aligner_label,
)

__all__ = [
    "ALIGNER_NAME",
    "ALIGNER_VERSION",
    "DIFFERENCE_KINDS",
    "LEVELS",
    "RELATIONS",
    "AlignedPassage",
    "ClaimLike",
    "ClaimSpan",
    "Difference",
    "align_docs",
    "align_texts",
    "aligner_label",
]

"""What the aligner hands out: frozen records the store and the GUI keep as they are.

Offsets are Python string offsets (code points) into the texts the caller gave,
like every other annotator's; ``None`` marks the side a passage does not have
(an *added* passage has no A side, a *dropped* one no B side).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Protocol

ALIGNER_NAME: Final = "claimline-align"
ALIGNER_VERSION: Final = "1"



def aligner_label() -> str:
    """Name and version as stored with every proposal: "claimline-align 1"."""
    return f"{ALIGNER_NAME} {ALIGNER_VERSION}"


#: How two corresponding passages relate, from closest to loosest.
RELATIONS: Final = ("same", "reworded", "conflicting", "partial", "added", "dropped")
#: What two corresponding passages can disagree on.
DIFFERENCE_KINDS: Final = (
    "number",
    "date",
    "person",
    "place",
    "organisation",
    "attribution",
    "certainty",
)
LEVELS: Final = ("sentence", "claim")


@dataclass(frozen=True)
class Difference:
    """One thing two corresponding passages disagree on, as each of them writes it."""

    kind: str  # one of DIFFERENCE_KINDS
    a: str  # as written in A ("more than 3,000"), "" if A does not say it
    b: str
    note: str = ""  # "3,000 → 4,000", "hedged: about → more than"


@dataclass(frozen=True)
class AlignedPassage:
    """A passage of A, of B, or of both, and how the two sides relate."""

    level: str  # "sentence" | "claim"
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    relation: str  # one of RELATIONS
    differences: tuple[Difference, ...]
    score: float  # 0..1 confidence in the relation
    reason: str  # one human sentence
    claim_a: int | None = None  # ids of the caller's claims, for claim-level rows
    claim_b: int | None = None


@dataclass(frozen=True)
class ClaimSpan:
    """A researcher's claim, given by the caller: where it is and who makes it."""

    id: int
    start: int
    end: int
    claimant: str | None = None


class ClaimLike(Protocol):
    """Anything with a claim's id, offsets and claimant (ClaimSpan, the store's ClaimRecord)."""

    @property
    def id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def claimant(self) -> str | None: ...

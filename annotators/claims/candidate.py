"""What the claim finder hands out: plain, frozen, serialisable records.

They carry everything the review UI shows (claimant, reasons, a one-sentence
explanation) and everything the store needs for provenance (score, rule), so
neither side has to look at spaCy objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Final

#: How a claim is presented by its text.
CERTAINTIES: Final = ("asserted", "hedged", "denied")

#: Ways a claim can be attributed to a source.
ATTRIBUTION_KINDS: Final = (
    "speech-verb",  # "Budanov said that …", "… , said Zelensky."
    "according-to",  # "According to Cho Tae-yul, …", "за словами …", "по данным …"
    "source-tag",  # "…, Reuters reports."
    "as-reported-by",  # "…, as reported by Reuters."
    "report-noun",  # "Reports from Kyiv revealed that …", "The ministry's statement said …"
    "unnamed-source",  # "Reports indicate that …", "Officials said …", an unresolved pronoun
)

#: Every reason name the finder can give, in the order reasons are listed.
#: The names are stable: stored suggestions and exported data refer to them.
REASONS: Final = (
    # evidence for a checkable claim
    "attribution",
    "unnamed-source",
    "number",
    "date",
    "named-entity",
    "event-verb",
    "past-event",
    "quantity-change",
    "comparison",
    "causal",
    "quote",
    # how it is presented
    "hedged",
    "denied",
    # evidence against
    "opinion",
    "framing",
    "vague",
    "no-finite-verb",
    "headline",
    "question",
    "imperative",
    "short",
    "long",
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text says makes a claim, and the words that say so."""

    claimant: str  # the source as a name: "Cho Tae-yul", "Seoul's Joint Chiefs of Staff"
    start: int  # char offsets of the claimant mention in the doc text (may be a
    end: int  # shorter form than `claimant`: "Budanov" resolved to "Kyrylo Budanov")
    cue: str  # the cue as written: "said", "according to", "reports", "за словами"
    kind: str  # one of ATTRIBUTION_KINDS


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    """A sentence proposed as a claim, with the evidence for proposing it."""

    start: int  # Python str offsets (code points) into doc.text
    end: int
    text: str  # == doc.text[start:end]
    score: float  # 0..1, monotone in how check-worthy the sentence looks
    reasons: tuple[str, ...]  # names from REASONS
    explanation: str  # one human sentence built from the reasons
    attribution: Attribution | None
    certainty: str  # one of CERTAINTIES
    rule: str  # provenance: the feature set that produced it, e.g. "claims.parse.v1"

    def to_dict(self) -> dict[str, Any]:
        """A JSON/msgpack-safe dict (lists instead of tuples, nested attribution as a dict)."""
        data = asdict(self)
        data["reasons"] = list(self.reasons)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimCandidate:
        attribution = data.get("attribution")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            score=float(data["score"]),
            reasons=tuple(str(reason) for reason in data["reasons"]),
            explanation=str(data["explanation"]),
            attribution=Attribution(**attribution) if attribution else None,
            certainty=str(data["certainty"]),
            rule=str(data["rule"]),
        )

"""The one shape every suggestion leaves the annotators in.

Plain data with the fields the project store asks for (kind, span, label,
attributes, score, component, rule), so storage can keep it with its
provenance without knowing which annotator made it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("entity", "timex", "claim")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # entity | timex | claim
    start: int  # Python str offsets into the text, end exclusive
    end: int
    text: str
    label: str  # entity type, TIMEX3 type, or "claim"
    component: str  # the pipeline component that proposed it
    rule: str = ""  # which rule or model output inside the component
    score: float | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The flat form printed by `claimline suggest` (one object per line)."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            **dict(self.attributes),
            "score": self.score,
            "component": self.component,
            "rule": self.rule,
        }

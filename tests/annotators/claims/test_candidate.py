"""The records handed out: frozen, serialisable, with stable names."""

from __future__ import annotations

import dataclasses
import json

import pytest

from annotators.claims import ATTRIBUTION_KINDS, REASONS, Attribution, ClaimCandidate


def candidate(attribution: Attribution | None) -> ClaimCandidate:
    return ClaimCandidate(
        start=10, end=40, text="Kyiv reported 40 attacks on Monday.", score=0.93,
        reasons=("attribution", "number", "date"), explanation="Reports what Kyiv said.",
        attribution=attribution, certainty="asserted", rule="claims.parse.v1",
    )


@pytest.mark.parametrize(
    "attribution", [None, Attribution("Kyiv", 10, 14, "reported", "speech-verb")]
)
def test_round_trip_through_json(attribution: Attribution | None) -> None:
    original = candidate(attribution)
    data = json.loads(json.dumps(original.to_dict()))
    assert ClaimCandidate.from_dict(data) == original


def test_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        candidate(None).score = 0.1  # type: ignore[misc]


def test_names_are_unique_and_stable() -> None:
    assert len(set(REASONS)) == len(REASONS)
    assert {"attribution", "number", "date", "named-entity", "quantity-change", "comparison",
            "causal", "hedged", "event-verb"} <= set(REASONS)
    assert {"speech-verb", "according-to", "source-tag", "as-reported-by"} <= set(
        ATTRIBUTION_KINDS)

"""Shared helpers for the claim finder tests."""

from __future__ import annotations

from typing import Any

from annotators.claims import (
    ATTRIBUTION_KINDS,
    CERTAINTIES,
    DEFAULT_THRESHOLD,
    REASONS,
    ClaimCandidate,
    find_claims,
)


def check(doc: Any, candidates: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """The contract every candidate keeps, whatever the doc."""
    text = doc.text
    previous_end = 0
    for c in candidates:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start : c.end] == c.text, c
        assert c.text == c.text.strip(), c
        assert c.start >= previous_end, "candidates overlap or are out of order"
        previous_end = c.end
        assert 0.0 <= c.score <= 1.0, c
        assert all(reason in REASONS for reason in c.reasons), c.reasons
        assert len(set(c.reasons)) == len(c.reasons), c.reasons
        assert c.certainty in CERTAINTIES, c
        assert c.explanation.endswith(".") and c.explanation[0].isupper(), c.explanation
        assert c.rule in {"claims.parse.v1", "claims.lexical.v1"}, c.rule
        if c.attribution is not None:
            a = c.attribution
            assert a.kind in ATTRIBUTION_KINDS, a
            assert c.start <= a.start < a.end <= c.end, a
            assert a.claimant and a.cue, a
    return candidates


def claims(doc: Any, threshold: float = 0.0) -> list[ClaimCandidate]:
    """find_claims with the contract checked."""
    return check(doc, find_claims(doc, threshold=threshold))


def proposed(doc: Any) -> list[ClaimCandidate]:
    """The candidates a researcher sees by default."""
    return claims(doc, DEFAULT_THRESHOLD)


def only(doc: Any) -> ClaimCandidate:
    """The single candidate of a one-sentence doc."""
    found = claims(doc)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def by_start(candidates: list[ClaimCandidate], prefix: str) -> ClaimCandidate:
    """The candidate whose text starts with `prefix`."""
    matches = [c for c in candidates if c.text.startswith(prefix)]
    assert len(matches) == 1, (prefix, [c.text[:60] for c in candidates])
    return matches[0]

"""Claim-level rows for the claims the caller passes in."""

from __future__ import annotations

from annotators.alignment import ClaimSpan

from .conftest import Aligner

A = ("The storm damaged 340 houses in the coastal town of Perla, officials said. "
     "Schools in the district will stay closed until Monday. "
     "The harbour master thanked volunteers who cleared the quays.")
B = ("The storm damaged 430 houses in the coastal town of Perla, officials said. "
     "Schools in the district will remain closed until Monday. "
     "The storm is a stark warning about the region's future.")


def span(text: str, snippet: str, claim_id: int, claimant: str | None = None) -> ClaimSpan:
    start = text.index(snippet)
    return ClaimSpan(claim_id, start, start + len(snippet), claimant)


def test_claim_rows(align: Aligner) -> None:
    claims_a = (span(A, "The storm damaged 340 houses", 1),
                span(A, "Schools in the district will stay closed until Monday", 2),
                span(A, "The harbour master thanked volunteers", 3))
    claims_b = (span(B, "The storm damaged 430 houses", 11),
                span(B, "stark warning about the region's future", 13))
    rows = align(A, B, claims_a=claims_a, claims_b=claims_b)
    claim_rows = [r for r in rows if r.level == "claim"]
    by_a = {r.claim_a: r for r in claim_rows if r.claim_a is not None}
    assert by_a[1].claim_b == 11
    assert by_a[1].relation == "conflicting"
    assert [d.note for d in by_a[1].differences] == ["340 → 430"]
    # No claim of B there: the counterpart is B's sentence.
    assert by_a[2].claim_b is None
    assert B[by_a[2].b_start : by_a[2].b_end].startswith("Schools in the district")
    assert by_a[2].relation in {"same", "reworded", "partial"}
    assert by_a[3].relation == "dropped" and by_a[3].b_start is None
    added = [r for r in claim_rows if r.claim_b == 13]
    assert len(added) == 1 and added[0].relation == "added" and added[0].a_start is None
    assert len(claim_rows) == 4
    # Sentence rows come first and still partition the texts.
    assert [r.level for r in rows] == ["sentence"] * (len(rows) - 4) + ["claim"] * 4


def test_the_callers_claimant_is_compared(align: Aligner) -> None:
    a = "The border post at Narsk will close on Monday."
    b = "The border post at Narsk will close on Monday."
    rows = align(a, b, claims_a=(ClaimSpan(1, 0, len(a), "Arvid Kolberg"),),
                 claims_b=(ClaimSpan(2, 0, len(b), "Dana Weller"),))
    (claim_row,) = [r for r in rows if r.level == "claim"]
    assert claim_row.relation == "conflicting"
    assert [(d.kind, d.a, d.b) for d in claim_row.differences] == \
        [("attribution", "Arvid Kolberg", "Dana Weller")]

"""Claim-level rows: each researcher's claim, its counterpart, and how they relate.

A claim's counterpart is looked for where the sentence alignment put its
sentence: among the other side's claims that lie in the aligned sentences (the
most similar one), or else those sentences themselves. A claim whose sentence
was dropped (or added) is dropped (or added) too. Each claim of A is reported
once; a claim of B gets its own row unless it was already some A claim's
counterpart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .compare import Context, verdict
from .facts import Claimant, DocFacts, Facts
from .matching import Block
from .model import AlignedPassage, ClaimLike, Difference
from .similarity import TermSpace


def _facts(doc: DocFacts, claim: ClaimLike) -> Facts:
    facts = doc.facts(claim.start, claim.end)
    if claim.claimant:
        facts = replace(facts, claimants=(Claimant(claim.claimant, True),))
    return facts


def _segments_of(doc: DocFacts, start: int, end: int) -> list[int]:
    return [k for k, s in enumerate(doc.segments) if s.start < end and start < s.end]


class _Side:
    """One text seen from one of its claims: its facts, claims and the blocks' ranges."""

    def __init__(self, doc: DocFacts, claims: Sequence[ClaimLike], ranges: list[tuple[int, int]]):
        self.doc = doc
        self.claims = list(claims)
        self.block_of: dict[int, int] = {}
        for index, (first, last) in enumerate(ranges):
            for k in range(first, last):
                self.block_of[k] = index


def claim_rows(
    doc_a: DocFacts, doc_b: DocFacts, blocks: list[Block],
    claims_a: Sequence[ClaimLike], claims_b: Sequence[ClaimLike],
    space: TermSpace, context: Context,
) -> list[AlignedPassage]:
    side_a = _Side(doc_a, claims_a, [(b.a0, b.a1) for b in blocks])
    side_b = _Side(doc_b, claims_b, [(b.b0, b.b1) for b in blocks])
    rows: list[AlignedPassage] = []
    taken: set[int] = set()
    for claim in claims_a:
        row = _row(claim, side_a, side_b, blocks, space, context, from_a=True)
        if row.claim_b is not None:
            taken.add(row.claim_b)
        rows.append(row)
    for claim in claims_b:
        if claim.id not in taken:
            rows.append(_row(claim, side_b, side_a, blocks, space, context, from_a=False))
    return sorted(rows, key=lambda r: (r.a_start if r.a_start is not None else -1,
                                       r.b_start if r.b_start is not None else -1))


def _row(
    claim: ClaimLike, own: _Side, other: _Side, blocks: list[Block],
    space: TermSpace, context: Context, *, from_a: bool,
) -> AlignedPassage:
    mine = _facts(own.doc, claim)
    segments = _segments_of(own.doc, claim.start, claim.end)
    block_index = next((own.block_of[k] for k in segments if k in own.block_of), None)
    if block_index is None:
        relation = "dropped" if from_a else "added"
        where = "B" if from_a else "A"
        reason = f"The sentence holding this claim has no counterpart in {where}."
        return _make(claim, None, (claim.start, claim.end), None, relation, (), 0.8,
                     reason, from_a=from_a)
    block = blocks[block_index]
    first, last = (block.b0, block.b1) if from_a else (block.a0, block.a1)
    span = (other.doc.segments[first].start, other.doc.segments[last - 1].end)
    candidates = [c for c in other.claims if c.start < span[1] and span[0] < c.end]
    counterpart: ClaimLike | None = None
    if candidates:
        counterpart = max(candidates, key=lambda c: space.cosine(
            mine.terms, _facts(other.doc, c).terms))
        theirs = _facts(other.doc, counterpart)
        span = (counterpart.start, counterpart.end)
    else:
        theirs = other.doc.facts(*span)
    a, b = (mine, theirs) if from_a else (theirs, mine)
    similarity = space.cosine(a.terms, b.terms)
    result = verdict(a, b, similarity, context, moved=block.moved)
    return _make(claim, counterpart, (claim.start, claim.end), span, result.relation,
                 result.differences, result.score, result.reason, from_a=from_a)


def _make(
    claim: ClaimLike, counterpart: ClaimLike | None, own: tuple[int, int],
    other: tuple[int, int] | None, relation: str, differences: tuple[Difference, ...],
    score: float, reason: str, *, from_a: bool,
) -> AlignedPassage:
    other_id = counterpart.id if counterpart else None
    o_start, o_end = other if other else (None, None)
    if from_a:
        return AlignedPassage("claim", own[0], own[1], o_start, o_end, relation,
                              differences, score, reason,
                              claim_a=claim.id, claim_b=other_id)
    return AlignedPassage("claim", o_start, o_end, own[0], own[1], relation,
                          differences, score, reason,
                          claim_a=other_id, claim_b=claim.id)

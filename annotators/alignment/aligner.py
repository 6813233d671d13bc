"""The entry points: align two texts, or two docs the caller has already parsed.

Sentence-level rows partition both texts: every sentence of A is in exactly one
row (aligned, or dropped), every sentence of B likewise (aligned, or added).
They come first, in reading order (A's order, with B's additions placed after
the passage that precedes them in B); claim-level rows follow, by position.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np

from .claims import claim_rows
from .compare import Context, verdict
from .facts import DocFacts, Facts, merge
from .matching import Block, align
from .model import AlignedPassage, ClaimLike
from .names import word_keys
from .similarity import Matrix, TermSpace

Doc = Any  # spacy.tokens.Doc


def align_texts(
    text_a: str,
    text_b: str,
    *,
    language: str = "en",
    dct_a: dt.date | None = None,
    dct_b: dt.date | None = None,
    claims_a: Sequence[ClaimLike] = (),
    claims_b: Sequence[ClaimLike] = (),
    pipeline: str | None = None,
) -> list[AlignedPassage]:
    """Parse both texts with the project's pipeline for `language`, then align them."""
    from annotators.pipelines import load_pipeline

    nlp = load_pipeline(pipeline, (language or "en").split("-")[0]).nlp
    docs = []
    for text, dct in ((text_a, dct_a), (text_b, dct_b)):
        doc = nlp.make_doc(text)
        doc._.dct = dct.isoformat() if dct else None
        docs.append(doc)
    doc_a, doc_b = nlp.pipe(docs)
    return align_docs(doc_a, doc_b, claims_a=claims_a, claims_b=claims_b)


def align_docs(
    doc_a: Doc,
    doc_b: Doc,
    *,
    claims_a: Sequence[ClaimLike] = (),
    claims_b: Sequence[ClaimLike] = (),
) -> list[AlignedPassage]:
    """Align two parsed docs (a pipeline from `annotators.pipelines`, or any with sentences)."""
    facts_a, facts_b = DocFacts(doc_a), DocFacts(doc_b)
    seg_a, seg_b = facts_a.segments, facts_b.segments
    space = TermSpace([s.terms for s in seg_a], [s.terms for s in seg_b])
    single = space.similarity()
    merged_a, merged_b = space.merged_a(), space.merged_b()
    heading_a = [s.heading for s in seg_a]
    heading_b = [s.heading for s in seg_b]
    blocks = align(single, merged_a, merged_b, heading_a, heading_b)
    context = Context(
        keys_a=word_keys(facts_a.text),
        keys_b=word_keys(facts_b.text),
        coverage=lambda x, y: space.coverage(x.terms, y.terms),
    )
    rows = _sentence_rows(facts_a, facts_b, blocks, single, context)
    if claims_a or claims_b:
        rows += claim_rows(facts_a, facts_b, blocks, claims_a, claims_b, space, context)
    return rows


def _sentence_rows(
    facts_a: DocFacts, facts_b: DocFacts, blocks: list[Block], single: Matrix, context: Context,
) -> list[AlignedPassage]:
    seg_a, seg_b = facts_a.segments, facts_b.segments
    keyed: list[tuple[float, int, AlignedPassage]] = []
    owner_b: dict[int, float] = {}
    for block in blocks:
        a = merge(seg_a[block.a0 : block.a1], facts_a.text)
        b = merge(seg_b[block.b0 : block.b1], facts_b.text)
        merged = "A" if block.a1 - block.a0 > 1 else "B" if block.b1 - block.b0 > 1 else ""
        result = verdict(a, b, block.similarity, context, merged=merged, moved=block.moved)
        row = AlignedPassage("sentence", a.start, a.end, b.start, b.end, result.relation,
                             result.differences, round(result.score, 3), result.reason)
        keyed.append((float(block.a0), block.b0, row))
        for j in range(block.b0, block.b1):
            owner_b[j] = float(block.a0)
    used_a = {i for b in blocks for i in range(b.a0, b.a1)}
    for i, segment in enumerate(seg_a):
        if i not in used_a:
            row = _lonely(segment, single[i, :] if single.shape[1] else None, "A",
                          used=set(owner_b))
            keyed.append((float(i), -1, row))
    previous = -1.0
    for j, segment in enumerate(seg_b):
        if j in owner_b:
            previous = owner_b[j]
            continue
        row = _lonely(segment, single[:, j] if single.shape[0] else None, "B", used=used_a)
        keyed.append((previous + 0.5, j, row))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [row for _key, _b, row in keyed]


def _lonely(segment: Facts, column: Matrix | None, side: str, used: set[int]) -> AlignedPassage:
    """A sentence only one side has: dropped from A, or added in B."""
    other = "B" if side == "A" else "A"
    best = float(column.max()) if column is not None and column.size else 0.0
    if segment.heading:
        reason = f"A heading only in {side}; headings align only with headings."
    elif column is not None and column.size and best >= 0.2:
        closest = int(np.argmax(column))
        taken = " is aligned with another passage" if closest in used else " differs too much"
        reason = f"Only in {side}: the closest sentence in {other} (similarity {best:.2f}){taken}."
    else:
        reason = f"Only in {side}: nothing in {other} says this (closest similarity {best:.2f})."
    score = round(max(0.0, min(1.0, 1.0 - best)), 3)
    if side == "A":
        return AlignedPassage("sentence", segment.start, segment.end, None, None, "dropped",
                              (), score, reason)
    return AlignedPassage("sentence", None, None, segment.start, segment.end, "added",
                          (), score, reason)

"""Which sentences of A go with which of B: a monotone chain, then moved sentences.

Rewrites mostly keep the order of the original, so order is a strong prior but
not a rule. The alignment is found in two passes:

1. **Chain.** Candidate blocks are pairs of sentences (1:1) and a sentence with
   two consecutive sentences of the other side (2:1, 1:2: merged or split
   sentences) whose similarity reaches `CANDIDATE`. Each block weighs
   ``similarity - THRESHOLD``; the heaviest chain of blocks that never cross is
   a weighted longest-increasing-subsequence problem, solved in O(k log k) for
   k candidates with a Fenwick tree of prefix maxima. A merged block must beat
   both of its single sentences by `MERGE_MARGIN`, and each of its sentences
   must resemble the other side on its own (`MERGE_PART`).
2. **Moved sentences.** Among what the chain left over, a pair whose
   similarity reaches `MOVED` and which are each other's best match in the
   whole other text is aligned out of order — even when one of them sits in a
   1:1 link of the chain that is weaker by `TAKE_OVER` or more (that link is
   then undone).

Headings only ever align with headings: a heading the rewrite dropped stays
dropped even when the section under it was kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .similarity import Matrix

THRESHOLD = 0.2  # a block's weight is its similarity minus this
CANDIDATE = 0.25  # pairs below this are not considered at all
MERGE_MARGIN = 0.03
MERGE_PART = 0.12
MOVED = 0.35
TAKE_OVER = 0.3  # a moved pair may break a 1:1 link this much weaker than itself


@dataclass(frozen=True, slots=True)
class Block:
    """Sentences [a0, a1) of A aligned with [b0, b1) of B."""

    a0: int
    a1: int
    b0: int
    b1: int
    similarity: float
    moved: bool = False


def _candidates(
    single: Matrix, merged_a: Matrix, merged_b: Matrix,
    heading_a: Sequence[bool], heading_b: Sequence[bool],
) -> list[Block]:
    head_a = np.asarray(heading_a, dtype=bool)
    head_b = np.asarray(heading_b, dtype=bool)
    compatible = head_a[:, None] == head_b[None, :]
    blocks = [Block(int(i), int(i) + 1, int(j), int(j) + 1, float(single[i, j]))
              for i, j in zip(*np.nonzero((single >= CANDIDATE) & compatible), strict=True)]
    body_a, body_b = ~head_a, ~head_b
    if merged_a.size:
        both = np.minimum(single[:-1], single[1:])
        best = np.maximum(single[:-1], single[1:])
        ok = ((merged_a >= CANDIDATE) & (both >= MERGE_PART) & (merged_a >= best + MERGE_MARGIN)
              & (body_a[:-1] & body_a[1:])[:, None] & body_b[None, :])
        blocks += [Block(int(i), int(i) + 2, int(j), int(j) + 1, float(merged_a[i, j]))
                   for i, j in zip(*np.nonzero(ok), strict=True)]
    if merged_b.size:
        both = np.minimum(single[:, :-1], single[:, 1:])
        best = np.maximum(single[:, :-1], single[:, 1:])
        ok = ((merged_b >= CANDIDATE) & (both >= MERGE_PART) & (merged_b >= best + MERGE_MARGIN)
              & body_a[:, None] & (body_b[:-1] & body_b[1:])[None, :])
        blocks += [Block(int(i), int(i) + 1, int(j), int(j) + 2, float(merged_b[i, j]))
                   for i, j in zip(*np.nonzero(ok), strict=True)]
    return blocks


def _chain(blocks: list[Block], m: int) -> list[Block]:
    """The heaviest set of blocks that are ordered the same way in A and in B."""
    if not blocks:
        return []
    k = len(blocks)
    by_start = sorted(range(k), key=lambda x: blocks[x].a0)
    by_end = sorted(range(k), key=lambda x: blocks[x].a1)
    tree_value = [0.0] * (m + 1)
    tree_index = [-1] * (m + 1)
    best = [0.0] * k
    back = [-1] * k
    inserted = 0
    for x in by_start:
        block = blocks[x]
        while inserted < k and blocks[by_end[inserted]].a1 <= block.a0:
            y = by_end[inserted]
            position = blocks[y].b1  # 1-based: blocks ending before B sentence b1
            while position <= m:
                if best[y] > tree_value[position]:
                    tree_value[position], tree_index[position] = best[y], y
                position += position & -position
            inserted += 1
        value, index = 0.0, -1
        position = block.b0  # blocks whose b1 <= b0
        while position > 0:
            if tree_value[position] > value:
                value, index = tree_value[position], tree_index[position]
            position -= position & -position
        best[x] = block.similarity - THRESHOLD + value
        back[x] = index
    x = max(range(k), key=lambda i: best[i])
    chain: list[Block] = []
    while x != -1 and best[x] > 0:
        chain.append(blocks[x])
        x = back[x]
    return chain[::-1]


def _moved(
    single: Matrix, chain: list[Block], heading_a: Sequence[bool], heading_b: Sequence[bool],
) -> list[Block]:
    """Mutual best pairs among the sentences the chain left over.

    A left-over sentence may also take its partner from a 1:1 link of the chain
    that is much weaker (by `TAKE_OVER`): with repeated paragraphs the chain can
    keep a barely positive link that blocks an exact match out of order.
    """
    n, m = single.shape
    owner_a: dict[int, int] = {}
    owner_b: dict[int, int] = {}
    for k, block in enumerate(chain):
        owner_a.update((i, k) for i in range(block.a0, block.a1))
        owner_b.update((j, k) for j in range(block.b0, block.b1))
    best_b = single.argmax(axis=1) if m else np.zeros(n, dtype=int)
    best_a = single.argmax(axis=0) if n else np.zeros(m, dtype=int)
    removed: set[int] = set()
    moved: list[Block] = []

    def weak(k: int | None, similarity: float) -> bool:
        if k is None:
            return True
        block = chain[k]
        single_link = block.a1 - block.a0 == 1 and block.b1 - block.b0 == 1
        return single_link and k not in removed and block.similarity <= similarity - TAKE_OVER

    for i, j in [(i, int(best_b[i])) for i in range(n) if i not in owner_a] + \
                [(int(best_a[j]), j) for j in range(m) if j not in owner_b]:
        similarity = float(single[i, j])
        if (int(best_b[i]) != j or int(best_a[j]) != i or similarity < MOVED
                or heading_a[i] != heading_b[j]):
            continue
        holder_a, holder_b = owner_a.get(i), owner_b.get(j)
        if (holder_a is None) == (holder_b is None) and holder_a is not None:
            continue  # both already aligned
        if not (weak(holder_a, similarity) and weak(holder_b, similarity)):
            continue
        for holder in (holder_a, holder_b):
            if holder is not None:
                removed.add(holder)
                block = chain[holder]
                owner_a.pop(block.a0, None)
                owner_b.pop(block.b0, None)
        owner_a[i] = owner_b[j] = -1
        moved.append(Block(i, i + 1, j, j + 1, similarity, moved=True))
    return [b for k, b in enumerate(chain) if k not in removed] + moved


def align(
    single: Matrix, merged_a: Matrix, merged_b: Matrix,
    heading_a: Sequence[bool], heading_b: Sequence[bool],
) -> list[Block]:
    """The aligned blocks, in A order; sentences in none are dropped or added."""
    n, m = single.shape
    if n == 0 or m == 0:
        return []
    chain = _chain(_candidates(single, merged_a, merged_b, heading_a, heading_b), m)
    return sorted(_moved(single, chain, heading_a, heading_b), key=lambda b: b.a0)

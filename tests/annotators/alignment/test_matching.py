"""The chain and the moved-sentence pass, on hand-made similarity matrices."""

from __future__ import annotations

import numpy as np

from annotators.alignment.matching import Block, align


def _align(single: list[list[float]], heading_a: list[bool] | None = None,
           heading_b: list[bool] | None = None) -> list[Block]:
    matrix = np.asarray(single, dtype=np.float32)
    n, m = matrix.shape
    empty_a = np.zeros((max(0, n - 1), m), dtype=np.float32)
    empty_b = np.zeros((n, max(0, m - 1)), dtype=np.float32)
    return align(matrix, empty_a, empty_b, heading_a or [False] * n, heading_b or [False] * m)


def pairs(blocks: list[Block]) -> list[tuple[int, int]]:
    return [(b.a0, b.b0) for b in blocks]


def test_diagonal() -> None:
    assert pairs(_align([[0.9, 0.1, 0.0], [0.1, 0.8, 0.1], [0.0, 0.1, 0.7]])) == \
        [(0, 0), (1, 1), (2, 2)]


def test_gaps_are_left_unaligned() -> None:
    blocks = _align([[0.9, 0.0, 0.0], [0.05, 0.1, 0.1], [0.0, 0.0, 0.8]])
    assert pairs(blocks) == [(0, 0), (2, 2)]


def test_the_chain_prefers_order_and_the_moved_pass_takes_the_rest() -> None:
    blocks = _align([[0.1, 0.9, 0.0], [0.1, 0.0, 0.9], [0.9, 0.0, 0.1]])
    assert pairs(blocks) == [(0, 1), (1, 2), (2, 0)]
    assert [b.moved for b in blocks] == [False, False, True]


def test_a_weak_crossing_pair_stays_unaligned() -> None:
    blocks = _align([[0.1, 0.9, 0.0], [0.1, 0.0, 0.9], [0.3, 0.0, 0.1]])
    assert pairs(blocks) == [(0, 1), (1, 2)]


def test_headings_only_with_headings() -> None:
    blocks = _align([[0.9, 0.0], [0.0, 0.9]], heading_a=[True, False], heading_b=[False, False])
    assert pairs(blocks) == [(1, 1)]


def test_merged_block() -> None:
    single = np.asarray([[0.4, 0.0], [0.35, 0.0], [0.0, 0.9]], dtype=np.float32)
    merged_a = np.asarray([[0.7, 0.0], [0.2, 0.5]], dtype=np.float32)
    merged_b = np.zeros((3, 1), dtype=np.float32)
    blocks = align(single, merged_a, merged_b, [False] * 3, [False] * 2)
    assert [(b.a0, b.a1, b.b0, b.b1) for b in blocks] == [(0, 2, 0, 1), (2, 3, 1, 2)]


def test_empty() -> None:
    assert align(np.zeros((0, 3), dtype=np.float32), np.zeros((0, 3), dtype=np.float32),
                 np.zeros((0, 2), dtype=np.float32), [], [False] * 3) == []


def test_an_exact_moved_match_takes_over_a_weak_link() -> None:
    # A2's only partner in order is B3 (0.3), but its exact copy B0 came first in B.
    single = [[0.0, 0.0, 0.0, 0.0],
              [0.0, 1.0, 0.0, 0.0],
              [1.0, 0.0, 0.0, 0.3],
              [0.0, 0.0, 0.0, 0.0]]
    blocks = _align(single)
    assert sorted(pairs(blocks)) == [(1, 1), (2, 0)]
    assert [b.moved for b in blocks] == [False, True]

"""Lexical similarity of every passage of A with every passage of B, in one matrix product.

Passages are TF-IDF vectors over their terms (see `facts`), with the document
frequencies counted over the passages of both texts: words that every sentence
of the story repeats ("Korea", "Ukraine") weigh little, a figure or a rare
word both sides share weighs a lot. Vectors are dense float32 rows (two news
articles share a vocabulary of a few thousand terms), so the n·m comparison is
one BLAS call, and the sums for two merged sentences are one addition.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]


class TermSpace:
    """TF-IDF vectors of the passages of A and B in one vocabulary."""

    def __init__(self, a_terms: Sequence[Counter[str]], b_terms: Sequence[Counter[str]]) -> None:
        vocabulary: dict[str, int] = {}
        df: Counter[str] = Counter()
        for terms in (*a_terms, *b_terms):
            df.update(terms.keys())
            for term in terms:
                vocabulary.setdefault(term, len(vocabulary))
        n_docs = len(a_terms) + len(b_terms)
        self.idf = {t: math.log((n_docs + 1) / (df[t] + 1)) + 1.0 for t in vocabulary}
        self.vocabulary = vocabulary
        self.a_raw = self._matrix(a_terms)
        self.b_raw = self._matrix(b_terms)
        self.a = _normalise(self.a_raw)
        self.b = _normalise(self.b_raw)

    def _matrix(self, passages: Sequence[Counter[str]]) -> Matrix:
        matrix = np.zeros((len(passages), max(1, len(self.vocabulary))), dtype=np.float32)
        for row, terms in enumerate(passages):
            for term, count in terms.items():
                matrix[row, self.vocabulary[term]] = (1.0 + math.log(count)) * self.idf[term]
        return matrix

    def similarity(self) -> Matrix:
        """cos(A_i, B_j) for every pair."""
        return self.a @ self.b.T

    def merged_a(self) -> Matrix:
        """cos(A_i + A_i+1, B_j): two consecutive sentences of A against each of B."""
        if len(self.a_raw) < 2:
            return np.zeros((0, len(self.b_raw)), dtype=np.float32)
        return _normalise(self.a_raw[:-1] + self.a_raw[1:]) @ self.b.T

    def merged_b(self) -> Matrix:
        """cos(A_i, B_j + B_j+1)."""
        if len(self.b_raw) < 2:
            return np.zeros((len(self.a_raw), 0), dtype=np.float32)
        return self.a @ _normalise(self.b_raw[:-1] + self.b_raw[1:]).T

    def cosine(self, a: Counter[str], b: Counter[str]) -> float:
        """cos of two passages outside the matrices (claims, merged spans)."""
        default = self._unseen_idf()

        def weights(terms: Counter[str]) -> dict[str, float]:
            return {t: (1.0 + math.log(c)) * self.idf.get(t, default) for t, c in terms.items()}

        wa, wb = weights(a), weights(b)
        dot = sum(w * wb[t] for t, w in wa.items() if t in wb)
        norm = math.sqrt(sum(w * w for w in wa.values()) * sum(w * w for w in wb.values()))
        return dot / norm if norm else 0.0

    def _unseen_idf(self) -> float:
        return max(self.idf.values(), default=1.0)

    def coverage(self, part: Counter[str], whole: Counter[str]) -> float:
        """How much of `part`'s term weight `whole` also has (0..1)."""
        total = sum(self.idf.get(t, 1.0) for t in part)
        if total == 0:
            return 1.0
        return sum(self.idf.get(t, 1.0) for t in part if t in whole) / total


def _normalise(matrix: Matrix) -> Matrix:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Matrix = (matrix / norms).astype(np.float32)
    return normalised

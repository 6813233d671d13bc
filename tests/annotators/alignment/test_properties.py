"""Any rewrite made of A's own paragraphs (dropped, swapped, repeated) is partitioned."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotators.alignment import align_docs

from .conftest import parse, sentence_rows
from .test_partition import assert_partition

PAIRS = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "alignment" / "pairs"
PARAGRAPHS = [p for p in (PAIRS / "p03_strike.a.txt").read_text(encoding="utf-8").split("\n\n")
              if p.strip()]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, len(PARAGRAPHS) - 1), max_size=10))
def test_paragraph_shuffles(nlp: Any, order: list[int]) -> None:
    text_a = "\n\n".join(PARAGRAPHS)
    text_b = "\n\n".join(PARAGRAPHS[i] for i in order)
    rows = align_docs(parse(nlp, text_a, None), parse(nlp, text_b, None))
    assert_partition(rows, text_a, text_b)
    def paragraph(text: str, start: int | None) -> int:
        assert start is not None
        return text[:start].count("\n\n")

    for row in sentence_rows(rows):
        assert row.relation != "conflicting"  # nothing was changed, only moved
        if row.relation == "dropped":  # only paragraphs B left out are dropped
            assert paragraph(text_a, row.a_start) not in order
        if row.relation == "added":  # only a second copy of a paragraph is added
            assert order.count(order[paragraph(text_b, row.b_start)]) > 1

"""Every sentence of A and of B is in exactly one sentence-level row, in reading order."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from annotators.alignment import DIFFERENCE_KINDS, RELATIONS, AlignedPassage, align_docs
from annotators.alignment.facts import DocFacts

from .conftest import parse, sentence_rows

DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "alignment"


def _covered(rows: list[AlignedPassage], side: str) -> list[tuple[int, int]]:
    spans = []
    for row in rows:
        start, end = (row.a_start, row.a_end) if side == "a" else (row.b_start, row.b_end)
        if start is not None and end is not None:
            spans.append((start, end))
    return sorted(spans)


def assert_partition(rows: list[AlignedPassage], text_a: str, text_b: str) -> None:
    rows = sentence_rows(rows)
    for row in rows:
        assert row.relation in RELATIONS
        assert 0.0 <= row.score <= 1.0
        assert row.reason.endswith(".")
        assert all(d.kind in DIFFERENCE_KINDS for d in row.differences)
        assert (row.relation == "conflicting") == bool(row.differences)
        assert (row.a_start is None) == (row.relation == "added")
        assert (row.b_start is None) == (row.relation == "dropped")
    for side, text in (("a", text_a), ("b", text_b)):
        spans = _covered(rows, side)
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, "rows overlap"
        # Everything between the rows is whitespace: no sentence is left out.
        position = 0
        for start, end in spans:
            assert not text[position:start].strip(), text[position:start]
            position = end
        assert not text[position:].strip()
    a_order = [r.a_start for r in rows if r.a_start is not None]
    assert a_order == sorted(a_order), "rows follow A's order"


def _pairs() -> list[dict[str, Any]]:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    return [p for p in gold["pairs"] if p["split"] == "dev"]


@pytest.mark.parametrize("pair", _pairs(), ids=lambda p: p["id"])
def test_dev_pairs_are_partitioned(nlp: Any, pair: dict[str, Any]) -> None:
    import datetime as dt

    text_a = (DATA / "pairs" / f"{pair['id']}.a.txt").read_text(encoding="utf-8")
    text_b = (DATA / "pairs" / f"{pair['id']}.b.txt").read_text(encoding="utf-8")
    dct = dt.date.fromisoformat(pair["dct_a"])
    rows = align_docs(parse(nlp, text_a, dct), parse(nlp, text_b, dct))
    assert_partition(rows, text_a, text_b)


def test_rows_are_sentences_of_the_docs(nlp: Any) -> None:
    text = "First sentence here. Second one follows.\n\nA heading\n\nThird sentence, last."
    doc = parse(nlp, text, None)
    starts = {s.start for s in DocFacts(doc).segments}
    rows = align_docs(doc, parse(nlp, text, None))
    assert {r.a_start for r in rows} == starts
    assert all(r.relation == "same" for r in rows)


def test_empty_texts(align: Any) -> None:
    assert align("", "") == []
    rows = align("", "Only B has a sentence.")
    assert [r.relation for r in rows] == ["added"]
    rows = align("Only A has a sentence.", "   ")
    assert [r.relation for r in rows] == ["dropped"]

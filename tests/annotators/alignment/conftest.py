"""The trained English pipeline (once per session) and helpers to align small texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotators.alignment import AlignedPassage, ClaimSpan, align_docs

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SEED_DCT = dt.date(2025, 3, 17)

Aligner = Callable[..., list[AlignedPassage]]


@pytest.fixture(scope="session")
def nlp() -> Any:
    from annotators.pipelines import load_pipeline

    loaded = load_pipeline(None, "en")
    assert loaded.info.trained, loaded.info.notice
    return loaded.nlp


def parse(nlp: Any, text: str, dct: dt.date | None) -> Any:
    doc = nlp.make_doc(text)
    doc._.dct = dct.isoformat() if dct else None
    return nlp(doc)


@pytest.fixture(scope="session")
def align(nlp: Any) -> Aligner:
    """align(text_a, text_b, dct=..., claims_a=..., claims_b=...) with the trained pipeline."""

    def run(text_a: str, text_b: str, *, dct: dt.date | None = dt.date(2024, 6, 12),
            claims_a: tuple[ClaimSpan, ...] = (), claims_b: tuple[ClaimSpan, ...] = (),
            ) -> list[AlignedPassage]:
        return align_docs(parse(nlp, text_a, dct), parse(nlp, text_b, dct),
                          claims_a=claims_a, claims_b=claims_b)

    return run


@pytest.fixture(scope="session")
def seed_texts() -> tuple[str, str]:
    from storage.importing import read_file

    original = read_file(SEEDS / "000_e47a78e8ed6366d9.txt")[0]
    rewrite = read_file(SEEDS / "001_d3e2940cdaa93234.txt")[0]
    return original.text, rewrite.text  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def seed_rows(nlp: Any, seed_texts: tuple[str, str]) -> list[AlignedPassage]:
    text_a, text_b = seed_texts
    return align_docs(parse(nlp, text_a, SEED_DCT), parse(nlp, text_b, SEED_DCT))


def sentence_rows(rows: list[AlignedPassage]) -> list[AlignedPassage]:
    return [r for r in rows if r.level == "sentence"]


def row_with(rows: list[AlignedPassage], text: str, snippet: str, side: str) -> AlignedPassage:
    """The sentence-level row whose `side` ("a" or "b") holds `snippet` of `text`."""
    position = text.index(snippet)
    for row in sentence_rows(rows):
        start, end = (row.a_start, row.a_end) if side == "a" else (row.b_start, row.b_end)
        if start is not None and end is not None and start <= position < end:
            return row
    raise AssertionError(f"no row holds {snippet!r}")

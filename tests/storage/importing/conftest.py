"""Helpers for the importer tests: parse in memory and insist on one kind of result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storage.importing import ImportProblem, ParsedArticle, parse_text

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "seeds"


def _article(raw: bytes | str, format: str = "txt", origin: str = "test") -> ParsedArticle:
    results = parse_text(raw, origin=origin, format=format)
    assert len(results) == 1, results
    result = results[0]
    assert isinstance(result, ParsedArticle), result
    return result


def _problem(raw: bytes | str, format: str = "txt", origin: str = "test") -> ImportProblem:
    results = parse_text(raw, origin=origin, format=format)
    assert len(results) == 1, results
    result = results[0]
    assert isinstance(result, ImportProblem), result
    return result


@pytest.fixture
def article() -> Callable[..., ParsedArticle]:
    """Parse content that must give exactly one article."""
    return _article


@pytest.fixture
def problem() -> Callable[..., ImportProblem]:
    """Parse content that must give exactly one problem."""
    return _problem


@pytest.fixture
def seeds() -> Path:
    return SEEDS

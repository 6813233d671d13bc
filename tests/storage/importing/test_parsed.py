from __future__ import annotations

import dataclasses
import datetime
from types import MappingProxyType

import pytest

from storage.importing import ImportProblem, ParsedArticle


def make(**changes: object) -> ParsedArticle:
    values: dict[str, object] = {
        "text": "Body.",
        "title": None,
        "outlet": None,
        "author": None,
        "url": None,
        "language": None,
        "published": datetime.date(2024, 5, 1),
        "origin": "a.txt",
        "format": "txt",
    }
    values.update(changes)
    return ParsedArticle(**values)  # type: ignore[arg-type]


def test_defaults_are_empty_and_immutable() -> None:
    article = make()
    assert article.cleanup == ()
    assert dict(article.extra) == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "other"  # type: ignore[misc]


def test_articles_with_extra_metadata_can_be_hashed_and_compared() -> None:
    first = make(extra=MappingProxyType({"tags": ["x"]}))
    second = make(extra=MappingProxyType({"tags": ["x"]}))
    assert first == second
    assert hash(first) == hash(second)
    assert make(extra={"a": 1}) != make(extra={"a": 2})


def test_problem_is_a_plain_value() -> None:
    assert ImportProblem("a.txt", "The file is empty.") == ImportProblem(
        "a.txt", "The file is empty."
    )

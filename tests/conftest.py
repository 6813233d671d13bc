"""Fixtures shared by the whole suite.

Every test runs with `CLAIMLINE_HOME` pointing into its own temporary folder,
so no test reads or writes the real user's settings, demo project or data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from storage.importing import ParsedArticle
from storage.service import ProjectService

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def claimline_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "claimline-home"
    monkeypatch.setenv("CLAIMLINE_HOME", str(home))
    return home


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "project.claimline"


@pytest.fixture
def project(project_path: Path) -> Iterator[ProjectService]:
    service = ProjectService.create(project_path)
    yield service
    service.close()


def parsed(text: str, **fields: object) -> ParsedArticle:
    """A ParsedArticle as the importer would hand it over."""
    values: dict[str, object] = {
        "title": None,
        "outlet": None,
        "author": None,
        "url": None,
        "language": "en",
        "published": None,
        "origin": "test",
        "format": "txt",
        "cleanup": (),
        "extra": {},
    }
    values.update(fields)
    return ParsedArticle(text=text, **values)  # type: ignore[arg-type]


@pytest.fixture
def make_parsed() -> object:
    return parsed

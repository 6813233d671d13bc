"""Fixtures: the sample project (see helpers.py) and a fresh project to import into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.service import ProjectService

from .helpers import Sample, build_sample


@pytest.fixture
def sample(project: ProjectService) -> Sample:
    return build_sample(project)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[ProjectService]:
    service = ProjectService.create(tmp_path / "fresh.claimline")
    yield service
    service.close()

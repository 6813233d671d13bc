"""GUI fixtures: a main window on a fresh copy of the demo project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from storage.seed_corpus import create_demo_project


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project, built once; each test opens its own copy."""
    path = tmp_path_factory.mktemp("template") / "demo.claimline"
    create_demo_project(path)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Demo.claimline"
    path.write_bytes(demo_template.read_bytes())
    return path


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path) -> Iterator[MainWindow]:
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    assert main.open_project(demo_path)
    yield main
    main.close()
